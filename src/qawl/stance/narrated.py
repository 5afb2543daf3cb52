"""N- rules: acts reported without words, in the narration outside quotes (أشاد X بـ …,
الهدنة التي دعا إليها X, فرضت واشنطن عقوبات على X, انتقد الوزير إيران).

Input: the document's sentences, skipping tokens inside quotes or already read; output:
candidates through ``emit`` with ``quote == -1``.
"""
from __future__ import annotations

from typing import Optional

from qawl.clean import match_form
from qawl.entities.features import triggers
from qawl.stance.params import (
    ACTOR_LABELS, CLAUSE_ANTECEDENT_TOKENS, CLAUSE_SPAN, EXPLICIT_CATEGORIES, MAX_SUBJECT_TOKENS,
    SUPPORT_SUBJECT_TOKENS, TITLE_COMPLEMENT_TOKENS,
)
from qawl.stance.phrases import read_np, read_np_back
from qawl.stance.rules import flip
from qawl.stance.shapes import _definite, finite_verb_shape, has_article, NISBA_RE, verbal_noun_shape
from qawl.stance.speakers import speaker_name
from qawl.stance.tokens import _Hit
from qawl.arabic import (
    COMMAS, COMPLEMENTISERS as COMPLEMENTIZERS, PHRASE_PREPOSITIONS as PREP_FORMS,
    PREPOSITION_LETTERS as PREP_CLITICS, PREPOSITION_PRONOUNS as RESUMPTIVE_PREPS,
    SUBJECT_RELATIVES as RELATIVES,
)
from qawl.stance.words import (
    BETWEEN_ADVERBS, BY_AGENT, EXPRESSION_VERBS, INTENSIFIERS, NARRATED_VERB_PARTICLES,
    SKIPPED_ANTECEDENTS, STOP_FORMS, SUPPORT_VERBS,
)


class _NarratedRules:
    """Acts narrated without words (N- rules); a mixin of the stance finder. Reads ``self.doc``'s
    sentences, ``self.tokens``, ``self.quoted``, ``self.used``; asks the act (A-) and holder (H-)
    readers; emits candidates with ``quote == -1``."""

    def reported_acts(self) -> None:
        """Stances in narration: أشاد X بـ Y, ينتقد X Y, الهدنة التي دعا إليها X, انتقادات من قبل X لـ Y."""
        tokens = self.tokens
        for sentence in self.doc.sentences:
            span = tokens.range_of(sentence.start, sentence.end)
            first, limit = span.start, span.stop
            i = first
            while i < limit:
                hit = tokens.hit(i)
                if hit is None or i in self.quoted or i in self.used or hit.entry.kind != "act":
                    i += 1
                    continue
                self.narrated_act(hit, first, limit)
                i = max(hit.end, i + 1)

    def narrated_act(self, hit: _Hit, first: int, limit: int) -> None:
        tokens = self.tokens
        i = hit.start
        word = " ".join(t.text for t in tokens.spans[hit.start:hit.end])
        negator = tokens.negated(i, first)
        polarity = flip(hit.entry.polarity) if negator is not None else hit.entry.polarity
        evidence = [word] if negator is None else [tokens.spans[negator].text, word]
        with self.rule("NEG" if negator is not None else ""):
            self._narrated_act(hit, i, polarity, evidence, first, limit)

    def _narrated_act(self, hit: _Hit, i: int, polarity: str, evidence: list[str], first: int, limit: int) -> None:
        tokens = self.tokens
        # الهدنة التي دعا إليها مجلس الأمن
        if i - 1 >= first and tokens.bare(i - 1) in RELATIVES and not hit.entry.object_before_prep:
            antecedent = read_np_back(tokens, i - 1, first, CLAUSE_ANTECEDENT_TOKENS)
            after = hit.end
            if after < limit and tokens.is_word(after) and tokens.bare(after) in RESUMPTIVE_PREPS:
                after += 1
            elif not self.resumptive(hit):
                # موسوي الذي رفض نتيجة الانتخابات: no pronoun returns to the antecedent, so it is
                # the subject; only a named person or organisation holds the stance
                holder = self.named_antecedent(i - 1, first)
                if holder:
                    with self.rule("N-RELATIVE-SUBJECT"):
                        self.apply_act(holder, hit, polarity, limit, -1, evidence,
                                       require_salient=hit.entry.category not in EXPLICIT_CATEGORIES)
                return
            elif after < limit and tokens.bare(after) in PREP_FORMS:
                return  # الاتفاق الذي أبرمته مع …: the subject is the verb's own pronoun
            holder = read_np(tokens, after, limit, coordinate=False, inner_prep=False)
            if antecedent < i - 1 and holder[1] > holder[0] and \
                    tokens.forms[antecedent] not in SKIPPED_ANTECEDENTS:
                with self.rule("N-RELATIVE-OBJECT"):
                    self.emit(self.holder_name(holder), (antecedent, i - 1), polarity, -1, evidence)
            return
        # انتقادات من قبل السلطات … لحيازتها
        j = hit.end
        if j + 1 < limit and (tokens.forms[j], tokens.forms[j + 1]) == BY_AGENT:
            holder = read_np(tokens, j + 2, limit, coordinate=False, inner_prep=False)
            if holder[1] > holder[0]:
                target = self._object_after(hit, holder[1], limit)
                if target:
                    with self.rule("N-BY-AGENT"):
                        self.emit(self.holder_name(holder), target, polarity, -1, evidence)
            return
        # أعرب X عن قلقه إزاء …, عبرت X، …، عن غضبها من …: the act is the subject's
        holder = self.expressed_by(i, first, limit)
        if holder:
            with self.rule("N-EXPRESSED"):
                self.apply_act(holder, hit, polarity, limit, -1, evidence,
                               require_salient=hit.entry.category not in EXPLICIT_CATEGORIES)
            return
        # …، رافضا تعويض العراق: a circumstantial participle belongs to the clause's speaker
        holder = self.participle_holder(i, first)
        if holder:
            with self.rule("N-PARTICIPLE"):
                self.apply_act(holder, hit, polarity, limit, -1, evidence,
                               require_salient=hit.entry.category not in EXPLICIT_CATEGORIES)
            return
        # SVO: أن الملا عمر رفض التخلي عن …, وكانت السلطات الإيرانية قد حكمت على …
        subject = self.svo_subject(i, first)
        if subject is not None:
            with self.rule("N-SVO"):
                self.apply_act(self.holder_name(subject), hit, polarity, limit, -1, evidence,
                               require_salient=hit.entry.category not in EXPLICIT_CATEGORIES)
            return
        # a verb opening its clause, then its subject, then its object
        at_clause_start = i == first or not tokens.is_word(i - 1)
        form = tokens.bare(i)
        with self.rule("N-SUPPORT-VERB"):
            if not at_clause_start and self.support_verb_subject(hit, first):
                return
        if not at_clause_start or has_article(tokens.spans[i].text) or (
                form[0] in PREP_CLITICS and not hit.entry.words[0].startswith(form[0])):
            return  # a masdar (الانتقاد) or a purpose phrase (لعرقلة), not a verb
        if verbal_noun_shape(tokens.spans[i].text):
            return  # وتعزيز الرقابة, حماية المسكن: a verbal noun heading a phrase, not a verb
        subject = self._subject_after(hit.end, limit)
        if subject is None or not (finite_verb_shape(tokens.spans[i].text) or self.actor_subject(subject)):
            return  # ودعم المبادرة في …, وشكر نعمة الأمن: no one acts, the phrase is a noun's
        holder = self.holder_name(subject)
        target = self._object_after(hit, subject[1], limit)
        if not target:
            return
        # واصلت الحكومة الضغط … لعرقلة الاتفاق: the purpose is the subject's too, and it ends
        # the object (which may have run into it through a name)
        at = next((k for k in range(target[0] + 1, min(target[1] + 1, limit)) if tokens.is_word(k)
                   and tokens.forms[k].startswith("ل") and (h := tokens.hit(k)) and h.entry.kind == "act"), None)
        purpose = tokens.hit(at) if at is not None else None
        if purpose is None or hit.entry.category != "pursuit":
            # what is pursued for a purpose is only its means
            with self.rule("N-VSO", "N-TITLE-NAME" if subject[0] in self._title_subjects else ""):
                self.apply_act(holder, _Hit(hit.entry, target[0], target[0]), polarity,
                               target[1] if at is None else at, -1, evidence,
                               require_salient=hit.entry.category not in EXPLICIT_CATEGORIES)
        if purpose is not None:
            with self.rule("N-VSO", "N-PURPOSE"):
                self.apply_act(holder, purpose, purpose.entry.polarity, limit, -1,
                               evidence + [tokens.spans[at].text], require_salient=True)

    def svo_subject(self, verb: int, first: int) -> Optional[tuple[int, int]]:
        """The subject of a narrated act verb when it opens the clause right before the verb
        (after أن, و, a copula كان or the sentence start; قد may stand between): a named person,
        organisation or place, or an actor noun (السلطات الإيرانية). None otherwise."""
        tokens = self.tokens
        form = tokens.spans[verb].text
        if verb <= first or has_article(form) or verbal_noun_shape(form) or tokens.forms[verb][0] in PREP_CLITICS \
                or not tokens.is_word(verb - 1):
            return None
        end = verb
        while end > first and tokens.bare(end - 1) in NARRATED_VERB_PARTICLES:
            end -= 1
        if end <= first:
            return None
        mention = tokens.mention_at.get(end - 1)
        if mention is not None:
            start = tokens.range_of(mention.start, mention.end).start
            if mention.label not in ACTOR_LABELS:
                return None
            while start > first and _definite(tokens.forms[start - 1]) and start - 1 not in tokens.mention_at \
                    and end - start < MAX_SUBJECT_TOKENS and tokens.forms[start - 1] not in PREP_FORMS:
                start -= 1  # the title before the name: المرشد الإيراني علي خامنئي
        else:
            start = read_np_back(tokens, end, first, max_tokens=3)
            if start >= end or not _definite(tokens.forms[start]) or not self.actor_subject((start, end)):
                return None
        if start < end and tokens.forms[start][0] in PREP_CLITICS and not start in tokens.mention_at:
            return None  # للسلطات …: a prepositional phrase, not a subject
        before = start - 1
        opens = start == first or not tokens.is_word(before) or tokens.bare(before) in COMPLEMENTIZERS \
            or tokens.bare(before) in self.lexicon.copulas or tokens.forms[before] in (match_form("و"),)
        return (start, end) if opens and start < end else None

    def actor_subject(self, subject: tuple[int, int]) -> bool:
        """A subject that can hold a stance: a named person, organisation or country, a title
        (الرئيس, وزير, المتحدث) or an actor noun (الحكومة, المتظاهرون, معارضو …)."""
        tokens = self.tokens
        start, end = subject
        if any(tokens.mention_at[k].label in ("PER", "ORG", "GPE") for k in range(start, end)
               if k in tokens.mention_at):
            return True
        heads = {tokens.forms[start], tokens.bare(start), *tokens.stems(start)}
        return bool(heads & self.lexicon.actor_heads or heads & self.lexicon.holder_heads.keys()
                    or any(triggers().get(form) in ("PER", "ORG") for form in heads))

    def support_verb_subject(self, hit: _Hit, first: int) -> bool:
        """وجه ممثلو الادعاء اتهامات لمحقق: the act noun right after the subject of a support
        verb opening the clause is the subject's act. True when a stance was read."""
        tokens = self.tokens
        verbs = SUPPORT_VERBS | self.lexicon.support_verbs
        if not {tokens.forms[first], tokens.bare(first)} & verbs or hit.start <= first + 1 or tokens.bare(hit.start) in PREP_FORMS:
            return False
        subject = self._subject_after(first + 1, hit.start)
        if subject is None:
            return False
        end = subject[1]
        while end < hit.start and tokens.bare(end) in BETWEEN_ADVERBS:
            end += 1
        if end != hit.start:
            # وجه الاتحاد الانجليزي لكرة القدم | اتهاما: the words between the verb and its act noun
            # are the subject when they are few and hold no clause or punctuation
            between = range(first + 1, hit.start)
            if len(between) > SUPPORT_SUBJECT_TOKENS or hit.start in tokens.mention_at \
                    or not self.actor_subject((first + 1, hit.start)) or any(
                    not tokens.is_word(k) or tokens.forms[k] in STOP_FORMS or tokens.hit(k) for k in between):
                return False
            end = hit.start
            while end > first + 1 and tokens.bare(end - 1) in BETWEEN_ADVERBS:
                end -= 1
            subject = (first + 1, end)
            # no person named: the whole subject (الاتحاد الانجليزي لكرة القدم), not its first name
            named = any(k in tokens.mention_at and tokens.mention_at[k].label == "PER" for k in range(*subject))
            holder = self.holder_name(subject) if named else self.target_name(subject)
            with self.rule("N-SUPPORT-SUBJECT", "N-TITLE-NAME" if first + 1 in self._title_subjects else ""):
                self.apply_act(holder, hit, hit.entry.polarity, len(tokens), -1,
                               [tokens.spans[first].text, tokens.spans[hit.start].text],
                               require_salient=hit.entry.category not in EXPLICIT_CATEGORIES)
            return True
        with self.rule("N-TITLE-NAME" if subject[0] in self._title_subjects else ""):
            self.apply_act(self.holder_name(subject), hit, hit.entry.polarity, len(tokens), -1,
                           [tokens.spans[first].text, tokens.spans[hit.start].text],
                           require_salient=hit.entry.category not in EXPLICIT_CATEGORIES)
        return True

    def resumptive(self, hit: _Hit) -> bool:
        """A relative verb with an object pronoun that returns to its antecedent (أبرمتها)."""
        form, term = self.tokens.forms[hit.start], hit.entry.words[0]
        return form.endswith(("ها", "هم", "هما")) or form.endswith("ه") and not term.endswith("ه")

    def named_antecedent(self, relative: int, first: int) -> str:
        """The named person or organisation right before a relative pronoun, else ""."""
        mention = self.tokens.mention_at.get(relative - 1)
        if relative - 1 < first or mention is None or mention.label not in ("PER", "ORG"):
            return ""
        span = self.tokens.range_of(mention.start, mention.end)
        return self.holder_name((span.start, span.stop))

    def expressed_by(self, i: int, first: int, limit: int) -> str:
        """The subject of أعرب/عبر/أبدى … عن when the act at ``i`` is what was expressed."""
        tokens = self.tokens
        k = i - 1
        while k > first and tokens.bare(k) in INTENSIFIERS:
            k -= 1  # عن عظيم شكره, عن بالغ قلقه
        if k <= first or tokens.bare(k) != match_form("عن"):
            return ""
        for verb in range(k - 1, max(first, k - CLAUSE_SPAN) - 1, -1):
            if tokens.bare(verb) in EXPRESSION_VERBS and (verb == first or not tokens.is_word(verb - 1)
                                                          or tokens.bare(verb - 1) in STOP_FORMS):
                subject = self._subject_after(verb + 1, k)
                return self.holder_name(subject) if subject else ""
        return ""

    def participle_holder(self, i: int, first: int) -> str:
        """Who an accusative participle after a comma (رافضا, محذرا, مشيدا) speaks for: the
        speaker of a quote earlier in the sentence."""
        tokens = self.tokens
        form = tokens.bare(i)
        participle = len(form) >= 5 and form.endswith("ا") and (form[0] == "م" or form[1] == "ا")
        if not participle or i == first or tokens.spans[i - 1].text not in COMMAS:
            return ""
        start = tokens.spans[first].start
        before = [q for q in self.quotes if start <= q.cue.start < tokens.spans[i].start]
        return speaker_name(before[-1]) if before else ""

    def _subject_after(self, j: int, limit: int) -> Optional[tuple[int, int]]:
        tokens = self.tokens
        if j in tokens.mention_at:
            mention = tokens.mention_at[j]
            span = tokens.range_of(mention.start, mention.end)
            # a title before the name is part of the subject: رئيس مجلس النواب بول ريان
            return j, max(span.stop, j + 1)
        start, end = read_np(tokens, j, limit, coordinate=False, inner_prep=False)
        if end <= start or start != j:
            return None
        end = min(end, start + MAX_SUBJECT_TOKENS)
        # VSO: an indefinite word after the definite subject starts the object (اقترح الاتحاد الكويتي تأجيل …);
        # a word after a name does too (الرئيس الإيراني حسن روحاني | نظيره …)
        for k in range(start + 1, end):
            if tokens.bare(k) in BETWEEN_ADVERBS:  # ألغت المحكمة العليا | الخميس | القرار
                end = k
                break
            if self.object_after_definite_subject(k):
                end = k
                break
            if k in tokens.mention_at and k - 1 in tokens.mention_at \
                    and tokens.mention_at[k] is not tokens.mention_at[k - 1]:
                end = k  # a second name right after a name is the object: هدد الرئيس ترامب | إيران
                break
            if k in tokens.mention_at:
                continue
            if k - 1 in tokens.mention_at or _definite(tokens.forms[k - 1]) and not _definite(tokens.forms[k]):
                end = k
                break
        # extend through a name that follows the title (not a country after it: انتقد الوزير | إيران),
        # but not through a second name right after a name (هدد الرئيس ترامب | إيران)
        while end in tokens.mention_at and not self.object_after_definite_subject(end) \
                and (end - 1 not in tokens.mention_at or end == start):
            end = tokens.range_of(tokens.mention_at[end].start, tokens.mention_at[end].end).stop
        return self.title_through_name(start, end, limit)

    def title_through_name(self, start: int, end: int, limit: int) -> tuple[int, int]:
        """A person's title whose complement the phrase reader stopped at, then the name:
        انتقد مدرب المنتخب الانجليزي | لكرة القدم غاريث ساوثغيت | الانطلاقة -> the subject runs
        through the name. Only when the subject opens with a person's title and names nobody."""
        tokens = self.tokens
        if any(k in tokens.mention_at and tokens.mention_at[k].label == "PER" for k in range(start, end)):
            return start, end
        if triggers().get(tokens.bare(start)) != "PER" and triggers().get(tokens.forms[start]) != "PER":
            return start, end
        for k in range(end, min(limit, end + TITLE_COMPLEMENT_TOKENS + 1)):
            if not tokens.is_word(k) or tokens.forms[k] in STOP_FORMS or tokens.forms[k] in PREP_FORMS:
                return start, end
            mention = tokens.mention_at.get(k)
            if mention is not None and mention.label == "PER":
                self._title_subjects.add(start)
                return start, tokens.range_of(mention.start, mention.end).stop
        return start, end

    def object_after_definite_subject(self, k: int) -> bool:
        """VSO with two definite phrases: the object starts at ``k`` when it is an issue or an
        act (رفضت الحكومة الإسرائيلية | الاتفاق النووي), a country or organisation (انتقد الرئيس
        الأمريكي | إيران), or an actor after a nisba adjective (انتقد الرئيس المصري | الحكومة)."""
        tokens = self.tokens
        before = tokens.forms[k - 1]
        if k - 1 in tokens.mention_at or not _definite(before) or before in PREP_FORMS \
                or before[0] in "بلك" or tokens.forms[k][0] in "بلك":
            return False  # a name ends the subject already; a preposition joins its phrase
        mention = tokens.mention_at.get(k)
        form = tokens.forms[k]
        if form.startswith("و") and (mention.start > tokens.spans[k].start if mention else form.startswith("وال")):
            return False  # الجهات الأمنية وهيئة التحقيق: a conjoined subject
        if mention is not None:
            return mention.label in ("GPE", "ORG") and tokens.range_of(mention.start, mention.end).start == k
        if not _definite(form):
            return False
        stems = set(tokens.stems(k))
        if stems & self.lexicon.issue_heads or (hit := tokens.hit(k)) and hit.entry.kind == "act":
            return True  # … | الاتفاق النووي; واصلت الحكومة | الضغط
        return bool(stems & self.lexicon.actor_heads) and NISBA_RE.search(tokens.bare(k - 1)) is not None

    def _object_after(self, hit: _Hit, j: int, limit: int) -> Optional[tuple[int, int]]:
        """The object of a narrated act after its subject, skipping an apposition between commas."""
        tokens = self.tokens
        if j < limit and tokens.spans[j].text in COMMAS:
            close = next((k for k in range(j + 1, min(limit, j + 25)) if tokens.spans[k].text in COMMAS), None)
            if close is None:
                return None
            j = close + 1
        while j < limit and tokens.is_word(j) and tokens.bare(j) in BETWEEN_ADVERBS:
            j += 1
        objects = self.act_objects(_Hit(hit.entry, j - 1, j), limit)
        return objects[0] if objects else None
