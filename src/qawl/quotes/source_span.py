"""Source span, part 2: which phrase around a cue is its speaker.

Input: a block and a cue token. Output: the speaker as a token range ``(start, end)`` or
None (a dropped subject): the subject before the verb (SVO, ``subject_backward``), the
pluperfect subject (وكان X قد قال), the topic of أما, the apposed name after a title, a
bracketed name, a list (كل من X و Y), the source a relay names (نقلا عن X), the subject of the
clause a purpose verb (ليقول) or بالقول closes; and the tests of whether a phrase can be a
source at all (``is_source``, ``is_evidence``, ``names_source``). Guarantees: every range lies
inside the cue's block and reads no further than the bounds in ``config``.
"""
from __future__ import annotations

from typing import Optional

from qawl.arabic import (
    ADDRESSEE_PRONOUNS, AUXILIARY_NEGATORS, AUXILIARY_VERBS,
    ADVERBIAL_HEADS, APODOSIS_OPENERS, MA_CONJUNCTIONS, BA_OBJECT_LEMMAS, BA_SUBJECT_WORDS, CLAUSE_OPENERS, COMPLEMENTISERS,
    CONJUNCTIONS_WAW_FA,
    DEMONSTRATIVES, FATHATAN, KANA_FORMS, LATTER, MANNER_ADVERBS, LIST_OPENER, NAME_PREPOSITIONS, PARTICLES, PREPOSITION_LETTERS,
    PREPOSITION_PRONOUNS, PREPOSITIONS, PRONOUN_SUFFIXES, RELATIVES, SUBJECT_OPENERS, SUBJECT_RELATIVES, TOPIC_ADJUNCTS,
    TOPIC_MARKERS, INNA_PARTICLES, is_indefinite_accusative, unvowelled,
)
from qawl.cues import CueEntry, lookup_cue
from .rules import rule_on
from .config import (
    MAX_ASIDE_WORDS, MAX_FRONTED_WORDS, MAX_KANA_SPAN, MAX_NAME_WORDS, MAX_QUOTED_NAME_WORDS, MAX_SPEAKER_WORDS,
    MAX_COMMA_ASIDE_WORDS, MAX_HOST_DISTANCE, MAX_ISSUED_WORDS, MAX_SUBJECT_WORDS, MAX_TITLE_WORDS,
)
from .lexical import (
    PREPOSITION_PRONOUN_RE, SOURCE_KINDS, _is_cue_token, _is_definite, _is_stop, _key_text, _source_head, _strip_conj,
    _strip_noun, _time_phrase_width,
)
from .tokens import ALL_MARKS, COMMAS, DIGIT_RE, SENTENCE_END


EVIDENCE_HEADS = ("not_sources", "sight_evidence")  # cues.json speaker_heads: what a source is not
ISSUER_PREPOSITIONS = frozenset({"من", "عن"})  # بيانات من / صادرة عن X: what opens the issuer of data (S-DATA-ISSUER)
# where the clause holding a statement noun opens inside its sentence (S-HOST-ISSUER): not قد, و, ف
HOST_CLAUSE_BOUNDS = COMPLEMENTISERS | MA_CONJUNCTIONS | (CLAUSE_OPENERS - {"و", "ف", "قد", "وقد", "لقد", "فقد", "ايضا", "كذلك", "وكذلك"})
COMPLEMENT_PREPOSITIONS = frozenset({"في", "من", "داخل", "لدي", "بين", "ضمن"})  # where a source sits (S-FRONTED-COMPLEMENT)


def _is_complement_opener(key: str) -> bool:
    """في، من، داخل, or a word glued to بال (مصادر بالسوق): what opens a source's complement."""
    return key in COMPLEMENT_PREPOSITIONS or key.startswith("بال") and len(key) > 5


def listed_head(key: str, heads: dict, kinds: tuple[str, ...]) -> bool:
    """``key`` (or it without its article or clitics) is a head word of one of the ``kinds`` lists."""
    return any(key in heads[k] or _strip_noun(key) in heads[k] for k in kinds)


MAX_BRACKETED_WORDS = 3  # words of a bracketed acronym or name inside a subject: (CBI)، (سانا)


class _SourceSpan:
    """Where the speaker of a cue is (mixed into ``_Extractor``)."""

    def host_subject(self, b: int, cue: int, objected: bool = False) -> Optional[tuple[int, int]]:
        """The speaker of a cue inside the clause of a statement noun, pointed back to by فيه / فيها.

        ``S-HOST-CLAUSE``: the noun right before the cue, the subject of the verb that opens the
        sentence between them (وأصدرت الوزارة بيانا قالت فيه إن، وألقى المهندس فرحان العنزي كلمة رحب فيها).
        ``S-HOST-ISSUER``: more generally the noun's issuer, wherever it is named: after the verb of a
        relative clause on the noun (في بيان أصدرته الوزارة قالت فيه، تغريدة كتبها ترامب يهدد فيها), after its
        ل (تصريحات للرئيس أوباما أكد فيها) or as the subject of the clause whose object the noun is, with
        adverbials and commas before the cue (أصدرت الجامعة بيانا البارحة، أوضحت فيه). With ``objected`` (a cue
        that takes an object, a noun phrase after فيه) the issuer still speaks and the phrase is the object
        (تقرير نشرته المنظمة اتهمت فيه النظام السوري). A noun with no issuer named leaves the cue without a
        subject (``issuerless_hosts``): neither the noun nor the words before it speak. None when no
        statement noun hosts the cue."""
        tokens = self.blocks[b].tokens
        if cue < 2 or cue + 1 >= len(tokens):
            return None
        after = tokens[cue + 1].key
        if not (after.startswith("في") and after in PREPOSITION_PRONOUNS):
            return None
        free = self.no_subject_after(b, cue + 2)
        if not free and not objected:
            return None  # بيان دعت فيه «أوبك» المنتجين: the subject follows, the issuer is named
        n = cue - 2 if tokens[cue - 1].text in COMMAS else cue - 1  # كلمة، رحب فيها: a comma may part them
        if free and not objected and rule_on("S-HOST-CLAUSE") and self.is_host_noun(tokens[n]):
            span = self.opener_issuer(b, n, stop_at_qad=False)
            if span is not None:
                stopped = self.opener_issuer(b, n, stop_at_qad=True) if rule_on("S-HOST-ISSUER") else None
                self.host_rules[(b, cue)] = "S-HOST-ISSUER" if stopped and stopped != span else "S-HOST-CLAUSE"
                return stopped or span
        if not rule_on("S-HOST-ISSUER") or (n := self.host_noun(b, cue)) is None:
            return None
        span = self.relative_issuer(b, n, cue)
        if span is None:
            span = self.owner_issuer(b, n, cue) or self.genitive_issuer(b, n, cue) or self.opener_issuer(b, n, stop_at_qad=True)
        if span is None or span == ():
            if free and (span == () or n > 0 and tokens[n - 1].key in PREPOSITIONS):
                self.issuerless_hosts.add((b, cue))  # في خطاب ألقاه في واشنطن دافع فيه، في بيان، قالت فيه: no subject here
            return None
        self.host_rules[(b, cue)] = "S-HOST-ISSUER"
        return span

    def is_host_noun(self, token) -> bool:
        """بيان، بيانا، تصريحات، بتصريحات: a statement noun (cues.json statement_frames), bare, accusative or
        after a glued preposition."""
        if not token.is_word:
            return False
        frames, key = self.lexicon.statement_frames | self.lexicon.issued_texts, token.key
        return any(k in frames or k[:-1] in frames and k.endswith("ا") for k in (key, key[1:] if key[:1] in "بلو" else key))

    def host_noun(self, b: int, cue: int) -> Optional[int]:
        """The statement noun whose clause holds ``cue``: the nearest one before it within its sentence, with only
        words, commas and short quoted names between (not a that-clause, a quotation or another cue)."""
        tokens = self.blocks[b].tokens
        first = max(self.sentence_start(b, cue), cue - MAX_HOST_DISTANCE)
        for k in range(cue - 1, first - 1, -1):
            token = tokens[k]
            if self.is_host_noun(token):
                return k
            if token.key in COMPLEMENTISERS or token.region >= 0 and self.blocks[b].regions[token.region].words > MAX_QUOTED_NAME_WORDS:
                return None  # a that-clause or a quotation ends the noun's clause
            if not token.is_word and token.text not in COMMAS and token.text not in ALL_MARKS:
                return None
            if token.is_word and k < cue - 1 and _is_cue_token(token) and not self.carries_pronoun(token):
                return None
        return None

    def relative_issuer(self, b: int, n: int, cue: int):
        """The subject of a relative verb on the noun that carries its pronoun (بيان أصدرته الوزارة، كلمة كان قد
        ألقاها الرئيس، تغريدة كتبها ترامب على حسابه): its span, () when the verb has none before the cue
        (خطاب ألقاه في واشنطن), None when no such verb follows the noun."""
        tokens = self.blocks[b].tokens
        v = n + 1
        if v < cue and tokens[v].key in SUBJECT_RELATIVES:
            v += 1  # التغريدة التي أطلقتها
        while v < cue and (tokens[v].key in KANA_FORMS or tokens[v].key == "قد"):
            v += 1  # كلمة كان قد ألقاها
        if v >= cue or not self.carries_pronoun(tokens[v]):
            return None
        return self.issuer_phrase(b, v + 1, cue)

    def carries_pronoun(self, token) -> bool:
        """أصدرته، نشرتها، ألقاها: a verb with the object pronoun ه / ها (not ة, not a preposition with one)."""
        text = unvowelled(token.text)
        return token.is_word and text.endswith(("ه", "ها")) and len(text) >= 5 and token.key not in PREPOSITION_PRONOUNS \
            and not text.startswith("ال") and not self.is_host_noun(token)

    def owner_issuer(self, b: int, n: int, cue: int):
        """The owner after ل when the noun is no verb's object (على تصريحات للرئيس أوباما أكد فيها); after a verb
        (ووجه كلمة لجمهور الزمالك) the ل names whom it was addressed to."""
        tokens = self.blocks[b].tokens
        if n + 1 >= cue or not (n == 0 or tokens[n - 1].key in PREPOSITIONS or tokens[n].key[:1] in "بل"):
            return None
        key = tokens[n + 1].key
        start = n + 2 if key in ("ل", "لـ") else n + 1 if key[:1] == "ل" and len(key) > 3 else None
        if start is None or start >= cue:
            return None
        if start == n + 1:  # للرئيس أوباما: the owner's phrase opens on its glued ل
            span = self.issuer_phrase(b, start, cue)
            return span if span and (self.mention_at(b, start) is not None or self.names_source(b, start)) else None
        span = self.issuer_phrase(b, start, cue)
        return span or None

    def genitive_issuer(self, b: int, n: int, cue: int) -> Optional[tuple[int, int]]:
        """A tagged name right after the noun is its owner (تصريحات ترامب التي هاجم فيها)."""
        if n + 1 >= cue or self.mention_at(b, n + 1) is None or self.blocks[b].tokens[n + 1].key[:1] in ("ل", "ب"):
            return None  # كلمة لجمهور الزمالك: whom it was addressed to
        return self.issuer_phrase(b, n + 1, cue) or None

    def coordinated_words(self, b: int, start: int, end: int) -> bool:
        """فرنسا | وبريطانيا وألمانيا والاتحاد الأوروبي: the words up to ``end`` go on the phrase with و, no cue or
        preposition among them."""
        tokens = self.blocks[b].tokens
        return tokens[start].key[:1] == "و" and all(
            t.is_word and t.key not in PREPOSITIONS and not _is_cue_token(t) for t in tokens[start:end])

    def issuer_phrase(self, b: int, start: int, limit: int):
        """The issuer's noun phrase from ``start`` (after a time adverb and commas; a short quoted name), or ()."""
        tokens = self.blocks[b].tokens
        start += _time_phrase_width(tokens, start)
        while start < limit and tokens[start].text in COMMAS:
            start += 1
        if start >= limit:
            return ()
        region = self.region_opening_at(b, start)
        if region is not None:
            fits = region.balanced and 0 < region.words <= MAX_QUOTED_NAME_WORDS and region.close_token < limit
            return (start, region.close_token + 1) if fits else ()
        token = tokens[start]
        if not token.is_word or token.key in PREPOSITIONS or _is_cue_token(token):
            return ()
        end = min(self.speaker_forward(b, start, limit), start + MAX_SPEAKER_WORDS)
        while end > start and tokens[end - 1].text in COMMAS:
            end -= 1
        return (start, end) if end > start else ()

    def opener_issuer(self, b: int, n: int, stop_at_qad: bool) -> Optional[tuple[int, int]]:
        """The subject of the verb that opens the noun's sentence, between it and the noun (وأصدرت الوزارة بيانا);
        with ``stop_at_qad`` also after كان up to قد (وكان الرئيس قد ألقى كلمة) and without the time adverb
        before the noun (أصدر نادي أرسنال الأربعاء بيانا)."""
        tokens, sentence = self.blocks[b].tokens, self.sentence_start(b, n)
        if not stop_at_qad:
            return self.clause_issuer(b, sentence, n, False)
        # the noun's own clause: after a comma (، وجه عموري كلمة), a conjunction or complementiser (عندما نشر وكيل
        # أعمال اللاعب تغريدة، يذكر أن ترامب كان قد نشر تغريدة), else from the sentence's start
        comma = next((k + 1 for k in range(n - 1, sentence, -1) if tokens[k].text in COMMAS), None)
        bound = next((k + 1 for k in range(n - 1, sentence, -1) if tokens[k].key in HOST_CLAUSE_BOUNDS), None)
        for start in dict.fromkeys(k for k in (comma, bound, sentence) if k is not None):
            span = self.clause_issuer(b, start, n, True)
            if span is not None:
                return span
        return None

    def clause_issuer(self, b: int, start: int, n: int, stop_at_qad: bool) -> Optional[tuple[int, int]]:
        """The subject of the clause from ``start`` whose object the noun at ``n`` is (see ``opener_issuer``)."""
        tokens = self.blocks[b].tokens
        if stop_at_qad:
            kana = next((k for k in range(start + 1, n - 1) if tokens[k].key in KANA_FORMS and tokens[k + 1].key == "قد"), None)
            if kana is not None and self.issuer_phrase(b, start, kana):
                return self.issuer_phrase(b, start, kana)  # ترامب كان قد نشر: the subject before كان
            if start > 0 and tokens[start - 1].key in COMPLEMENTISERS:
                return None  # إن المملكة وجهت رسالة: a report inside a report, its verb not known
        while start < n - 1 and tokens[start].key in CLAUSE_OPENERS:
            start += 1  # ثم ألقى الفنان …: the verb comes after the connective
        opener = tokens[start]
        verb = lookup_cue(_strip_conj(opener.key))[0]
        published = stop_at_qad and verb is not None and (verb.needs_source or "أن" not in verb.complements)  # ونشر أبوريدة تغريدة
        if not opener.is_word or start + 1 >= n or (verb is not None and not verb.fixed_objects and not published):
            return None  # the sentence opens with the verb whose object the noun is (وألقى، وأصدرت، ونشر)
        end = n
        while end > start + 1 and tokens[end - 1].text in COMMAS:
            end -= 1
        subject = start + 1
        while subject < end and tokens[subject].text in COMMAS:
            subject += 1
        if stop_at_qad:
            if opener.key in KANA_FORMS:  # وكان الرئيس قد ألقى كلمة; without قد the verb after the name is not known
                end = next((k for k in range(subject, end) if tokens[k].key == "قد"), None)
                if end is None:
                    return None
            end = next((k for k in range(subject + 1, end) if _time_phrase_width(tokens, k)), end)
            while end > subject and tokens[end - 1].text in COMMAS:
                end -= 1
            phrase = self.issuer_phrase(b, subject, end) if end > subject else ()
            if not phrase or phrase[0] != subject or phrase[1] != end and not self.coordinated_words(b, phrase[1], end):
                return None  # وذلك بعد ساعات على تصريحات، بينما تتم محاربته …، ووجه كلمة: no noun phrase, no subject
        if end - subject > MAX_SPEAKER_WORDS or any(
            (not t.is_word and t.text not in COMMAS and (not stop_at_qad or t.text not in ALL_MARKS)) or _is_cue_token(t)
            for t in tokens[subject:end]
        ):
            return None
        return (subject, end) if end > subject else None

    def no_subject_after(self, b: int, t: int) -> bool:
        """After فيه: the words themselves (أن، إن، a colon or a quotation mark) or a preposition (رحب فيها
        بالحضور), not a subject."""
        tokens = self.blocks[b].tokens
        if t >= len(tokens):
            return False
        token = tokens[t]
        if not token.is_word:
            region = self.region_opening_at(b, t)  # a long quotation is the words, «أوبك» a name
            return token.text == ":" or region is not None and region.words > MAX_QUOTED_NAME_WORDS
        key = token.key
        return key in COMPLEMENTISERS or key in PREPOSITIONS or key[:1] in ("ب", "ل") and len(key) > 3

    def subject_backward(self, b: int, cue: int) -> Optional[int]:
        """Start of the subject right before a verb (SVO), or None."""
        tokens = self.blocks[b].tokens
        if cue > 2 and tokens[cue - 1].key in KANA_FORMS and tokens[cue - 2].text in COMMAS \
                and rule_on("S-COMMA-ASIDE") and (start := self.comma_aside_subject(b, cue - 1)) is not None:
            return start  # المخرج طارق العريان، زوج أصالة، كان أعلن
        if cue > 1 and tokens[cue - 1].text in COMMAS:
            start = self.comma_subject(b, cue)  # a start of 0 is a subject too
            if start is None:
                start = self.relative_aside_subject(b, cue)
            return start if start is not None else self.comma_aside_subject(b, cue)
        t, words = cue, 0
        while t > 0:
            token = tokens[t - 1]
            if token.text == ")" and t == cue and (opening := self.bracket_opening(b, t - 1)) is not None:
                t = opening  # اتحاد الصناعة البريطاني (CBI) قال: the acronym inside the subject
                self.bracketed_subjects.add((b, cue))
                continue
            if token.text in ALL_MARKS and token.region < 0:
                # a closing mark of a quoted name inside the subject
                region = self.blocks[b].closing.get(t - 1)
                if region is not None and 0 < region.words <= 2:
                    t = region.open_token
                    continue
                break
            if not token.is_word or token.key in SUBJECT_OPENERS or token.key in MA_CONJUNCTIONS:
                break  # بعدما علقت: the conjunction opens the verb's clause, its subject follows
            if words > 1 and token.key in AUXILIARY_NEGATORS and tokens[t].key in AUXILIARY_VERBS:
                break  # ولا تزال المنظمة تؤكد: the negator belongs to the auxiliary that opens the clause
            if _is_stop(token) and words < MAX_SUBJECT_WORDS and self.stop_inside_name(b, t - 1, cue):
                words += 1  # يذكر أن المديرية العامة للجوازات أعلنت: the name runs through للجوازات
                t -= 1
                self.subjects_through_names.add((b, cue))
                continue
            if _is_stop(token) and words < MAX_SUBJECT_WORDS:
                return self.complement_subject(b, cue)  # مصادر في المقاومة الشعبية بعدن أكدت
            if _is_stop(token) or _is_cue_token(token) and not self.cue_in_name(b, t - 1) or words >= MAX_SUBJECT_WORDS:
                return None  # a cue form may open a name the tagger found: أمل حجازي قالت
            words += 1
            t -= 1
        first = tokens[t].key
        bare = _strip_conj(first)
        if words and rule_on("S-AUXILIARY-VERB") and (first in AUXILIARY_VERBS or bare in AUXILIARY_VERBS):
            self.auxiliaries_before.add((b, cue))  # ومضى يقول، وعاد الوزير يقول: the auxiliary is no subject
            return t + 1 if words > 1 else None
        if words and (bare in ADVERBIAL_HEADS or first in PREPOSITIONS or first[:1] in CONJUNCTIONS_WAW_FA and first[1:] in PREPOSITIONS
                      or _preposition_with_demonstrative(bare)
                      or t + _time_phrase_width(tokens, t) == cue or words == 1 and _is_connective(first)):
            return None  # وبشكل عام قال المحللون، ففي الأسبوع الماضي أعلنت، وبهذا الخصوص قال: the subject follows the verb
        if words and self.adjunct_before_verb(b, t, cue):
            self.adjuncts_before.add((b, cue))
            return None
        if words and self.accusative_at(b, cue - 1):
            self.accusatives_before.add((b, cue))  # هل كان مفاجئا | قال: a predicate, the subject is dropped
            return None
        return t if words else None

    def stop_inside_name(self, b: int, t: int, cue: int) -> bool:
        """``S-NAME-THROUGH-STOP``: a word that would stop a subject (للجوازات، في، 24) is inside a person's or
        body's name that the tagger runs on from it up to the words already read (or to the verb)."""
        if not rule_on("S-NAME-THROUGH-STOP"):
            return False
        mention = self.mention_at(b, t)
        return mention is not None and mention.label in ("PER", "ORG") \
            and (t + 1 == cue or self.mention_at(b, t + 1) is mention)

    def relative_aside_subject(self, b: int, cue: int) -> Optional[int]:
        """``S-RELATIVE-ASIDE``: a relative clause set off by commas between a subject and its verb
        (البروفيسور أرون روث، الذي يدرس علوم المعلومات بجامعة بنسلفانيا، أكد أن; وكان المهاجم فخر الدين بن
        يوسف، الذي اقتنص ركلة الجزاء، صرح): the subject before it, when a name or a source's head opens
        it; else None. The aside holds no mark and at most ``MAX_ASIDE_WORDS`` words."""
        tokens, heads = self.blocks[b].tokens, self.lexicon.heads
        if not rule_on("S-RELATIVE-ASIDE"):
            return None
        for k in range(cue - 2, max(0, cue - MAX_ASIDE_WORDS - 3), -1):
            if tokens[k].is_word:
                continue
            if tokens[k].text not in COMMAS or tokens[k + 1].key not in SUBJECT_RELATIVES or k < 2:
                return None
            start = self.subject_backward(b, k)
            if start is None:
                return None
            named = any((m := self.mention_at(b, j)) is not None and m.label in ("PER", "ORG") for j in range(start, k))
            if not named and not listed_head(_strip_conj(tokens[start].key), heads, SOURCE_KINDS):
                return None
            self.relative_asides.add((b, cue))
            self.aside_ends[(b, start)] = k  # the subject ends where its aside opens
            return start
        return None

    def complement_subject(self, b: int, cue: int) -> Optional[int]:
        """``S-FRONTED-COMPLEMENT``: a source's phrase that opens its clause (at the sentence's start or
        after لكن، إلا أن، بينما) and goes on over a prepositional complement right up to its verb (إلا أن
        مصادر في المقاومة الشعبية بعدن أكدت، لكن مصادر بالسوق أشارت، مصادر داخل النادي أشارت): its start,
        else None. The head is a source word or a name; the complement holds no cue, complementiser,
        relative or mark, and the whole phrase at most ``MAX_FRONTED_WORDS`` words."""
        tokens, heads = self.blocks[b].tokens, self.lexicon.heads
        if not rule_on("S-FRONTED-COMPLEMENT"):
            return None
        opening = self.sentence_start(b, cue - 1)
        start = next((k + 1 for k in range(cue - 1, max(opening, cue - MAX_FRONTED_WORDS - 1) - 1, -1)
                      if not tokens[k].is_word or tokens[k].key in SUBJECT_OPENERS), opening)
        while start < cue and tokens[start].key in CLAUSE_OPENERS:
            start += 1
        if start >= cue - 1 or start > opening and (tokens[start - 1].key not in SUBJECT_OPENERS or not tokens[start - 1].is_word):
            return None  # the phrase must open its clause, not follow another word of it
        head = tokens[start]
        named = (m := self.mention_at(b, start)) is not None and m.label in ("PER", "ORG")
        if _is_stop(head) or not (named or listed_head(_strip_conj(head.key), heads, SOURCE_KINDS)):
            return None
        phrase = tokens[start:cue]
        stop = next((k for k, tok in enumerate(phrase) if _is_stop(tok) and not DIGIT_RE.match(tok.key)), None)  # فرانس 24
        if stop is None or stop == 0 or not _is_complement_opener(phrase[stop].key):
            return None
        if any(tok.key in COMPLEMENTISERS or tok.key in RELATIVES or _is_cue_token(tok) or not tok.is_word for tok in phrase):
            return None
        self.fronted_complements.add((b, cue))
        self.complement_starts[(b, start)] = phrase[stop].start  # a name after it says where the source sits
        return start

    def bracket_opening(self, b: int, close: int) -> Optional[int]:
        """``S-BRACKETED-ACRONYM``: the opening bracket of a short bracketed acronym or name (at most
        ``MAX_BRACKETED_WORDS`` words, no mark inside) closed at ``close``, right after a word; the subject
        scan reads through it only right before the verb ((CBI) قال, not إجراءات (الإيبولا) فقد أعلنت)."""
        tokens = self.blocks[b].tokens
        if not rule_on("S-BRACKETED-ACRONYM"):
            return None
        for k in range(close - 1, max(-1, close - MAX_BRACKETED_WORDS - 2), -1):
            if tokens[k].text == "(":
                inside = tokens[k + 1:close]
                return k if inside and all(tok.is_word for tok in inside) and k > 0 and tokens[k - 1].is_word else None
            if not tokens[k].is_word:
                return None
        return None

    def accusative_at(self, b: int, t: int) -> bool:
        """``S-ACCUSATIVE-NOT-SUBJECT``: a word in the indefinite accusative that no name of the article
        holds, after كان or with its tanween written (كان مفاجئا | قال، دائماً | يقول: a predicate, a
        manner, a time), is never a subject. Before a definite word it is a dual in construct (وزيرا
        التعليم), after إن or لكن their subject: either may be one."""
        tokens = self.blocks[b].tokens
        token = tokens[t] if 0 <= t < len(tokens) else None
        if token is None or not token.is_word or token.region >= 0 or not rule_on("S-ACCUSATIVE-NOT-SUBJECT"):
            return False
        if t + 1 < len(tokens) and _is_definite(tokens[t + 1].key):
            return False
        if token.key in CLAUSE_OPENERS or token.key in SUBJECT_OPENERS:
            return False  # بعدما، عندما: a clause opens
        if t > 0 and tokens[t - 1].key in INNA_PARTICLES:
            return False  # ولكن مسؤولا قال: إن and its sisters make their subject accusative
        stem = token.key.rstrip("ا")
        if t > 0 and tokens[t - 1].key.endswith("ا") and not _is_definite(tokens[t - 1].key) or stem in self.document_heads \
                or any(stem in words for words in self.lexicon.heads.values()):
            return False  # أصدر بيانا جديدا أكد فيه، تقريرا يكشف: a source noun and the clause describing it
        if self.mention_at(b, t) is not None or token.key in self.name_words or not is_indefinite_accusative(token.text):
            return False
        # a name the tagger missed may end in ا too (دي ميستورا اقترح): only كان's predicate or a written tanween
        return token.text.endswith((FATHATAN + "ا", "ا" + FATHATAN)) or t > 0 and tokens[t - 1].key in KANA_FORMS

    def adjunct_before_verb(self, b: int, start: int, cue: int) -> bool:
        """``S-ADJUNCT-BEFORE-VERB``: words before a verb that end on a bare demonstrative (ولتوضيح
        هذا | قال) or open with a ل-prefixed word that names no one (ولتجنب هذه المخاطر | نصح: a
        purpose adjunct) are no subject: the subject follows the verb or is dropped."""
        tokens, heads = self.blocks[b].tokens, self.lexicon.heads
        if not rule_on("S-ADJUNCT-BEFORE-VERB"):
            return False
        if tokens[cue - 1].key in DEMONSTRATIVES and self.mention_at(b, cue - 1) is None:
            return True
        bare = _strip_conj(tokens[start].key)
        if bare[:1] != "ل" or bare.startswith("لل") or len(bare) < 5 or self.mention_at(b, start) is not None:
            return False
        stem = _strip_noun(bare[1:])
        return not any(bare in words or _strip_noun(bare) in words or stem in words for words in heads.values())

    def comma_subject(self, b: int, cue: int) -> Optional[int]:
        """``S-COMMA-SUBJECT``: a name set off by a comma before its verb, opening its clause (لكن
        الرئيس الأمريكي دونالد ترامب، أعلن …): the subject; else None."""
        tokens = self.blocks[b].tokens
        mention = self.mention_at(b, cue - 2)
        if mention is None or mention.label not in ("PER", "ORG") or not rule_on("S-COMMA-SUBJECT"):
            return None
        start = self.subject_backward(b, cue - 1)
        if start is None or self.mention_at(b, start) is None and not any(
            self.mention_at(b, k) is mention for k in range(start, cue - 1)
        ):
            return None
        opens = start == self.sentence_start(b, start) or tokens[start - 1].key in SUBJECT_OPENERS
        if not opens and self.apposed_to_opening_description(b, start):
            return start  # وكانت النائبة في الكنيست، تمار زندبيرج، صرحت: the name apposed to the clause's subject
        first = tokens[start].key
        nominal = self.mention_at(b, start) is not None or _strip_conj(first).startswith("ال") or self.names_source(b, start)
        return start if opens and nominal else None  # not ارتدت شيماء …، قالت nor وفق شروط ترمب، قال

    def comma_aside_subject(self, b: int, cue: int) -> Optional[int]:
        """``S-COMMA-ASIDE``: a short aside between commas right before the verb at ``cue`` (an apposition or an
        adverbial: طارق العريان، زوج أصالة، أعلن; ماكرون، من جهته، أكد) after a name that opens its clause: the
        name is the subject. At most ``MAX_COMMA_ASIDE_WORDS`` words, none a cue."""
        tokens = self.blocks[b].tokens
        if not rule_on("S-COMMA-ASIDE") or cue < 4 or tokens[cue - 1].text not in COMMAS:
            return None
        opening = next((k for k in range(cue - 2, max(0, cue - MAX_COMMA_ASIDE_WORDS - 3), -1)
                        if not tokens[k].is_word), None)
        if opening is None or tokens[opening].text not in COMMAS or opening == cue - 2 or opening < 2:
            return None
        if any(_is_cue_token(tok) or tok.key in RELATIVES for tok in tokens[opening + 1 : cue - 1]):
            return None  # ، الذي يدرس …،: the relative aside's reading; ، قال …،: a report of its own
        mention = self.mention_at(b, opening - 1)
        if mention is None or mention.label not in ("PER", "ORG"):
            return None
        start = self.subject_backward(b, opening)
        if start is None or not any(self.mention_at(b, k) is mention for k in range(start, opening)):
            return None
        opens = start == self.sentence_start(b, start) or tokens[start - 1].key in SUBJECT_OPENERS \
            or tokens[start - 1].key in COMPLEMENTISERS
        if not opens:
            return None
        self.comma_asides.add((b, start))
        self.aside_ends[(b, start)] = opening  # the subject ends where its aside opens
        return start

    def apposed_to_opening_description(self, b: int, start: int) -> bool:
        """``S-APPOSED-DESCRIPTION``: the name at ``start`` follows a comma after a description that opens its
        clause (at the sentence start, after كان or a subject opener: وكانت النائبة في الكنيست الإسرائيلي، تمار
        زندبيرج، صرحت): the name is that subject's, and the verb after it is theirs."""
        tokens = self.blocks[b].tokens
        if not rule_on("S-APPOSED-DESCRIPTION") or start < 2 or tokens[start - 1].text not in COMMAS:
            return False
        opening = self.sentence_start(b, start)
        first = start - 1
        while first > opening and start - first <= MAX_SUBJECT_WORDS + 1 and tokens[first - 1].is_word \
                and tokens[first - 1].key not in KANA_FORMS and tokens[first - 1].key not in SUBJECT_OPENERS:
            first -= 1
        before = tokens[first - 1].key if first > 0 else ""
        if first >= start - 1 or not (first == opening or before in KANA_FORMS or before in SUBJECT_OPENERS):
            return False
        mention = self.mention_at(b, first)
        if mention is not None and mention.label == "PER":
            return False  # ترامب، ماكرون، قال: a list of names, not a description and its name
        head = _strip_conj(tokens[first].key)
        if not (head.startswith("ال") or self.names_source(b, first)) or _is_stop(tokens[first]):
            return False
        self.apposed_descriptions.add((b, start))
        return True

    def pluperfect_subject(self, b: int, cue: int) -> Optional[tuple[int, int]]:
        """وكان تيباس قد قال، وكان العبادي الذي حل ائتلافه ثالثا قد قال: the subject between
        كان and its relative clause, comma or قد."""
        tokens = self.blocks[b].tokens
        if cue < 3:
            return None
        qad = tokens[cue - 1].key == "قد"
        if not qad and not self.kana_verb(b, cue):
            return None
        limit = cue - 1 if qad else cue  # the subject ends before قد, or before the verb itself
        start = self.sentence_start(b, cue)
        kana = next(
            (k for k in range(limit - 1, max(start, cue - MAX_KANA_SPAN) - 1, -1) if tokens[k].key in KANA_FORMS), None
        )
        regions = self.blocks[b].regions
        if kana is None or any(
            tokens[k].region >= 0 and regions[tokens[k].region].words > MAX_QUOTED_NAME_WORDS for k in range(kana, cue)
        ):
            return None  # وكانت شبكة "فيسبوك" قد أعلنت: only a short quoted name may sit inside
        if qad and kana == limit - 1:
            return self.fronted_pluperfect(b, kana)
        end = kana + 1
        while end < limit and (tokens[end].is_word or tokens[end].text in ALL_MARKS) and tokens[end].key not in RELATIVES:
            end += 1
        if end < limit and tokens[end].text in COMMAS and (closed := self.apposed_name(b, (kana + 1, end), limit)) > end:
            end = closed  # وكان رئيس المجمع، الكاردينال ليوبولدو برينيس، قد قال: the apposed name is the subject's
            self.apposed_fronted.add((b, kana + 1))
        words = sum(tok.is_word for tok in tokens[kana + 1 : end])
        longest = MAX_KANA_SPAN if self.names_fronted(b, kana + 1, end) else MAX_SUBJECT_WORDS
        if not 0 < words <= longest or _is_stop(tokens[kana + 1]) or _is_cue_token(tokens[kana + 1]):
            return None
        if end < limit and tokens[end].key not in RELATIVES and tokens[end].text not in COMMAS:
            return None  # the subject must end at a relative, a comma or قد
        if not qad and (end < limit and tokens[end].key in RELATIVES or not self.names_source(b, kana + 1)
                        or self.speaker_forward(b, kana + 1, limit) != end or any(tok.key == "قد" for tok in tokens[kana + 1 : end])):
            return None  # without قد only a source phrase right before its verb: وكانت الأمطار | هطلت is no report
        if not qad:
            self.kana_verbs.add((b, kana + 1))
        if words > MAX_SUBJECT_WORDS:
            self.long_fronted.add((b, kana + 1))
        return kana + 1, end

    def fronted_pluperfect(self, b: int, kana: int) -> Optional[tuple[int, int]]:
        """``S-FRONTED-PLUPERFECT``: كان and قد with nothing between them (يذكر أن الحزب الحاكم في الصين كان قد
        أعلن، يشار إلى أن الرئيس الأمريكي، دونالد ترامب، كان قد كشف): the subject went before كان, read as a
        subject right before a verb."""
        if not rule_on("S-FRONTED-PLUPERFECT"):
            return None
        start = self.subject_backward(b, kana)
        if start is None or start >= kana:
            return None
        self.fronted_pluperfects.add((b, start))
        return start, kana

    def pluperfect_before_object(self, b: int, cue: int) -> Optional[tuple[int, int]]:
        """``S-PLUPERFECT-OBJECT``: كان, a subject and قد right before a cue with a noun phrase after it
        (وكان ترامب قد اتهم الصين بسرقة، وكانت محكمة العدل الدولية قد طالبت الولايات المتحدة بتخفيف): the
        subject before قد speaks, and the phrase after the verb is its object."""
        if not rule_on("S-PLUPERFECT-OBJECT") or cue < 3 or self.blocks[b].tokens[cue - 1].key != "قد":
            return None
        return self.pluperfect_subject(b, cue)

    def kana_verb(self, b: int, cue: int) -> bool:
        """``S-KANA-VERB``: a past cue without قد may close a كان clause too (وكان التحالف العسكري في اليمن
        أعلن، وكانت مصادر في الجيش اليمني، كشفت)."""
        entry = lookup_cue(self.blocks[b].tokens[cue].key)[0]
        return rule_on("S-KANA-VERB") and entry is not None and entry.kind == "verb" and entry.tense == "past"

    def topic_subject(self, b: int, cue: int) -> Optional[tuple[int, int]]:
        """أما رئيس حزب الدستور، خالد داوود، فاتهم: the topic after أما is the فـ-verb's subject."""
        tokens = self.blocks[b].tokens
        start = self.sentence_start(b, cue)
        marker = next(
            (k for k in range(cue - 1, max(start, cue - MAX_KANA_SPAN) - 1, -1) if tokens[k].key in TOPIC_MARKERS), None
        )
        if marker is None or marker + 1 >= cue:
            return None
        if tokens[cue - 1].key == "فقد":
            cue -= 1  # أما سويليستيو، عضو البرلمان، فقد قال: فقد is the verb's
        first = tokens[marker + 1]
        if _is_stop(first) or first.key in TOPIC_ADJUNCTS or first.key.startswith(("بال", "لل")) \
                or _strip_conj(first.key) in ADVERBIAL_HEADS or _time_phrase_width(tokens, marker + 1):
            return None  # أما عن الأسعار / على الصعيد الداخلي / الآن فقال الوزير: no subject
        inside = tokens[marker + 1 : cue]
        named = self.names_fronted(b, marker + 1, cue)
        regions = self.blocks[b].regions
        if sum(tok.is_word for tok in inside) > (MAX_KANA_SPAN if named else MAX_SPEAKER_WORDS) or any(
            _is_cue_token(tok) or tok.text in SENTENCE_END
            or tok.region >= 0 and not (named and regions[tok.region].words <= MAX_QUOTED_NAME_WORDS) for tok in inside
        ):
            return None  # a short quoted name may sit in a named topic's apposition (عن حزب "النضال الديمقراطي")
        if sum(tok.is_word for tok in inside) > MAX_SPEAKER_WORDS or any(tok.region >= 0 for tok in inside):
            self.long_fronted.add((b, marker + 1))
        return marker + 1, cue

    def names_fronted(self, b: int, start: int, end: int) -> bool:
        """``S-LONG-FRONTED-SUBJECT``: a subject set before its verb (after كان … قد, أما … ف) holds a
        person's or body's name, so its titles and apposition may run longer than a plain phrase."""
        return rule_on("S-LONG-FRONTED-SUBJECT") and any(
            (m := self.mention_at(b, k)) is not None and m.label in ("PER", "ORG") for k in range(start, end))

    def purpose_subject(self, b: int, t: int) -> Optional[tuple[int, int]]:
        """وخرج الوزير أمام الصحفيين ليقول إن: the subject of the clause's opening verb speaks."""
        tokens = self.blocks[b].tokens
        verb = self.sentence_start(b, t)
        opener = tokens[verb]
        if verb >= t - 1 or not opener.is_word or opener.key[:1] not in "وف" or _is_stop(opener) or lookup_cue(opener.key)[0]:
            return None  # only "و/ف + verb" opens such a sentence (وفي، ولكن are no verb; a cue has its own quote)
        start = self.skip_adverb_before_subject(b, verb + 1)
        if start >= t or _is_stop(tokens[start]):
            return None
        end = self.speaker_forward(b, start, t)
        if end <= start or not self.is_source(b, start, end):
            return None
        return start, end

    def apposed_name(self, b: int, head: tuple[int, int], limit: int) -> int:
        """End of "، جواد ظريف،" after a title (وزير الخارجية الإيراني، جواد ظريف، ...), else the head's end."""
        tokens, heads = self.blocks[b].tokens, self.lexicon.heads
        start, end = head
        first = _strip_noun(tokens[start].key)
        titled = first in heads["person"] or tokens[start].key in heads["person"]
        if titled and self.mentions and end < limit and (tokens[end].key in PREPOSITIONS or (
                tokens[end].key[:1] in PREPOSITION_LETTERS and len(tokens[end].key) > 3)):  # لصحيفة "سبق"
            return self.apposed_after_complement(b, head, limit)
        # with mentions, the person mention between the commas shows the apposition (المرشد، المخرج)
        if end >= limit or tokens[end].text not in COMMAS or not (titled or self.mentions):
            return end
        close = next((i for i in range(end + 1, min(limit, end + 2 + MAX_NAME_WORDS)) if not tokens[i].is_word), None)
        if close is None and self.mentions and titled:
            # a second title too long for a name (، المتحدث الإعلامي باسم أمانة المنطقة الشرقية، محمد الصفيان،)
            close = next((i for i in range(end + 1, min(limit, end + 2 + MAX_TITLE_WORDS)) if not tokens[i].is_word), None)
            if close is not None and tokens[close].text in COMMAS and close > end + 1:
                return self.name_after_titles(b, end, close, limit)
            return end
        if close is None or tokens[close].text not in COMMAS or close == end + 1:
            return end
        if not rule_on("S-APPOSED-NAME"):
            return end
        name = range(end + 1, close)
        name_like = lambda i: not _is_definite(tokens[i].key) and not _is_stop(tokens[i]) \
            and lookup_cue(tokens[i].key)[0] is None and tokens[i].key not in heads["person"]
        if self.mentions:
            # علي خامنئي with only خامنئي tagged: the untagged words before a person mention are its first names
            people = [i for i in name if (m := self.mention_at(b, i)) is not None and m.label == "PER"]
            first_name = lambda i: not _is_definite(tokens[i].key) and lookup_cue(tokens[i].key)[0] is None \
                and tokens[i].key not in heads["person"]  # علي is a name here, not على
            # a title may open the apposition (، دكتور توماس زاكرايا،): the name is still the mention's
            # …، الطبيب عبد اللطيف الحاج،: a person-noun head (anonymous heads too) before the name is its title
            title = lambda i: bool(people) and i < people[0] and (
                _strip_noun(tokens[i].key) in heads["person"] or _strip_noun(tokens[i].key) in heads["anonymous"]
                or titled and self.rank_word(tokens[i]) and all(self.rank_word(tokens[k]) for k in range(end + 1, i)))
            ok = bool(people) and people[-1] == close - 1 and all(i in people or first_name(i) or title(i) for i in name)
            if ok and any(self.rank_word(tokens[i]) and _strip_noun(tokens[i].key) not in heads["person"]
                          and i < people[0] and not first_name(i) for i in name):
                self.ranked_appositions.add((b, close))
        else:
            ok = all(name_like(i) for i in name)
        if not ok and self.mentions and titled:
            return self.name_after_titles(b, end, close, limit)
        return close if ok else end

    @staticmethod
    def rank_word(token) -> bool:
        """``S-APPOSED-RANK``: after a person's title, definite words opening the apposed name are his rank
        or honorific (، العقيد الركن صادق دويد،، ، الكاردينال ليوبولدو برينيس،), unless a cue or a function word."""
        return rule_on("S-APPOSED-RANK") and _is_definite(token.key) and not _is_stop(token) \
            and lookup_cue(token.key)[0] is None

    def apposed_after_complement(self, b: int, head: tuple[int, int], limit: int) -> int:
        """``S-APPOSED-AFTER-COMPLEMENT``: a title whose noun phrase stopped at a preposition goes on to
        the name apposed after its complement (وأوضح رئيس الفريق الهندسي | في اللواء الخامس بالجيش اليمني،
        الملازم سلطان شمسان، أن; وقال مدير عام المستشفيات الحكومية | في القطاع، الطبيب عبد اللطيف الحاج، إن): the
        end of that name, else the title's end. The complement is a few words or quotation marks, no cue,
        complementiser or sentence end."""
        tokens = self.blocks[b].tokens
        start, end = head
        if not rule_on("S-APPOSED-AFTER-COMPLEMENT"):
            return end
        for comma in range(end + 1, min(limit, end + 1 + MAX_TITLE_WORDS)):
            token = tokens[comma]
            if token.text in COMMAS:
                closed = self.apposed_name(b, (start, comma), limit)
                if closed <= comma:
                    return end
                self.span_cuts.setdefault((b, closed), "S-APPOSED-AFTER-COMPLEMENT")
                return closed
            if not (token.is_word or token.text in ALL_MARKS) or token.key in COMPLEMENTISERS or _is_cue_token(token):
                return end
        return end

    def name_after_titles(self, b: int, end: int, close: int, limit: int) -> int:
        """``S-APPOSED-TITLES``: after a title, a second title set off by commas and then the person's name,
        closed by a comma or by the complementiser (وأضاف رئيس أرامكو السعودية، كبير إدارييها التنفيذيين، الأستاذ
        أمين حسن الناصر إن; قال رئيس الوزراء العراقي، القائد العام للقوات المسلحة، حيدر العبادي، إن): the end of the
        name, else ``end``. The second part names no person (a body it may: باسم أمانة المنطقة الشرقية); the name is a
        tagged person, titles allowed before it."""
        tokens, heads = self.blocks[b].tokens, self.lexicon.heads
        if not rule_on("S-APPOSED-TITLES") or close + 1 >= limit:
            return end
        if _is_stop(tokens[end + 1]) or lookup_cue(tokens[end + 1].key)[0] is not None:
            return end
        if any((m := self.mention_at(b, i)) is not None and m.label == "PER" for i in range(end + 1, close)):
            return end  # a person inside the second part: S-APPOSED-NAME's case, or no title
        stop = min(limit, close + 2 + MAX_NAME_WORDS)
        last = next((i for i in range(close + 1, stop) if not tokens[i].is_word or tokens[i].key in COMPLEMENTISERS), None)
        if last is None or last == close + 1:
            return end
        people = [i for i in range(close + 1, last) if (m := self.mention_at(b, i)) is not None and m.label == "PER"]
        if not people or people[-1] != last - 1:
            return end
        titles_before = all(_strip_noun(tokens[i].key) in heads["person"] or tokens[i].key in heads["person"]
                            or self.mention_at(b, i) is not None for i in range(close + 1, last))
        if not titles_before:
            return end
        self.span_cuts[(b, last)] = "S-APPOSED-TITLES"
        return last

    def skip_addressee(self, b: int, t: int) -> int:
        """Skip "لفوكس نيوز" / "لـ«عكاظ»" right after a verb: whom it was said to, never its subject."""
        tokens = self.blocks[b].tokens
        if t >= len(tokens) or not tokens[t].is_word:
            return t
        token, heads = tokens[t], self.lexicon.heads
        if token.key in PREPOSITION_PRONOUNS:
            return t + 1  # وقال له الوزير، وكتب فيه الكاتب: a pronoun object before the subject
        if token.key in ADDRESSEE_PRONOUNS and rule_on("S-ADDRESSEE-PRONOUN") and not self.name_runs_on(b, t):
            self.addressee_pronouns.add((b, t))
            return self.manner_end(b, t + 1)  # فقال لي إنها، وقالت لنا الوزيرة: whom it was said to
        if token.key in ("ل", "لـ"):
            nxt = t + 1
            region = self.region_opening_at(b, nxt) if nxt < len(tokens) else None
            if region is not None and region.balanced and region.words:
                return region.close_token + 1
            end = self.speaker_forward(b, nxt, len(tokens))
            return end if end > nxt else t
        if token.key[:1] != "ل" or token.key.startswith("لل") or len(token.key) < 4:
            return t
        mention = self.mention_at(b, t)
        clitic = mention is not None and mention.start > token.start
        # لترامب (canonical ترامب) has a clitic; ليفني (canonical جوناثان ليفني) is the name itself
        named = mention is not None and token.key not in _key_text(mention.canonical or mention.text).split()
        if clitic or named or any(_strip_noun(token.key[1:]) in heads[k] for k in ("person", "organisation", "media")):
            end = self.speaker_forward(b, t, len(tokens))
            return end if end > t else t
        return t

    def manner_end(self, b: int, t: int) -> int:
        """After a manner phrase with ب that runs up to the words (فقال لي بفرحة: / بهدوء القاضي إن), where
        the words start: no subject; else ``t``."""
        tokens = self.blocks[b].tokens
        if t >= len(tokens) or not tokens[t].is_word or tokens[t].key[:1] != "ب" or self.mention_at(b, t) is not None \
                or tokens[t].key in BA_SUBJECT_WORDS:
            return t  # قال لي بعض الأصدقاء: a subject
        for u in range(t + 1, min(len(tokens), t + MAX_NAME_WORDS + 1)):
            if not tokens[u].is_word or tokens[u].key in COMPLEMENTISERS:
                return u
        return t

    def name_runs_on(self, b: int, t: int) -> bool:
        """Whether a tagged name starts at token ``t`` and goes on past it (لي كه تشيانغ)."""
        mention = self.mention_at(b, t)
        return mention is not None and t + 1 < len(self.blocks[b].tokens) and self.mention_at(b, t + 1) is mention

    def skip_adverb_before_subject(self, b: int, t: int) -> int:
        """قال بعدها الأخير / قال أمس الوزير / قال من جهته الوزير (``S-SIDE-ADVERB``): an adverb between the
        verb and a named subject."""
        tokens, heads = self.blocks[b].tokens, self.lexicon.heads
        if t < len(tokens) and tokens[t].key in MANNER_ADVERBS and rule_on("S-MANNER-ADVERB"):
            self.manner_after_verb.add((b, t))
            return t + 1  # وقالت مازحة إن: how she spoke, not who
        side = t + 1 < len(tokens) and tokens[t].key == "من" and tokens[t + 1].key in ADVERBIAL_HEADS
        width = 2 if side and rule_on("S-SIDE-ADVERB") else _time_phrase_width(tokens, t)  # ورأى من جهته X
        if t + width >= len(tokens) or not width:
            return t
        nxt = tokens[t + width]
        if width > 1 and nxt.key in COMPLEMENTISERS:
            return t + width  # أعلن الأسبوع الماضي أنه: a date, never the speaker
        mention = self.mention_at(b, t + width)
        named = mention is not None and mention.label in ("PER", "ORG")
        head = _strip_noun(nxt.key)
        if named or nxt.key in LATTER or any(head in heads[k] for k in SOURCE_KINDS):
            if side:
                self.side_adverbs.add((b, t))
            return t + width
        return t

    def parenthesised_name(self, b: int, t: int) -> Optional[tuple[int, int]]:
        """"قالت (إس.أو.إس ميديتريني) في بيان": a name in brackets right after the verb."""
        tokens = self.blocks[b].tokens
        if t >= len(tokens) or tokens[t].text != "(":
            return None
        for close in range(t + 1, min(len(tokens), t + 2 + 2 * MAX_NAME_WORDS)):
            token = tokens[close]
            if token.text == ")":
                words = [tok for tok in tokens[t + 1 : close] if tok.is_word]
                return (t + 1, close) if words and not _is_stop(words[0]) and not DIGIT_RE.match(words[0].key) else None
            if token.key in COMPLEMENTISERS or token.text in SENTENCE_END and token.text != "." or _is_cue_token(token):
                return None
        return None

    def speaker_list(self, b: int, t: int, limit: int) -> Optional[tuple[int, int]]:
        """"كل من الوزير X، ومدير الشرطة Y، والمحافظ Z": the speakers after "كل من", as one span."""
        tokens = self.blocks[b].tokens
        if t + 2 >= limit or (tokens[t].key, tokens[t + 1].key) != LIST_OPENER:
            return None
        start = t + 2
        end = self.speaker_forward(b, start, limit)
        if end == start:
            return None
        return start, self._coordinated(b, end, limit)

    def _coordinated(self, b: int, end: int, limit: int) -> int:
        """Grow a speaker over "، و + another speaker" (، ومدير الشرطة سعد الحربي)."""
        tokens, heads = self.blocks[b].tokens, self.lexicon.heads
        while end + 1 < limit and tokens[end].text in COMMAS and tokens[end + 1].key[:1] == "و":
            key = _strip_noun(tokens[end + 1].key[1:]) if len(tokens[end + 1].key) > 3 else ""
            mention = self.mention_at(b, end + 1)
            if not (key in heads["person"] or key in heads["organisation"] or (mention is not None and mention.label in ("PER", "ORG"))):
                break
            nxt = self.speaker_forward(b, end + 1, limit)
            if nxt == end + 1:
                break
            end = nxt
        return end

    def circumstantial_at(self, b: int, t: int) -> bool:
        """وقالت معلقةً، وقال مخاطبا الحضور، ليضيف بقوله: an accusative participle or بـ + a saying
        noun after the verb tells how the dropped subject spoke; it is not the subject (a name
        ماريا، ماجدا is tagged or has ا second)."""
        tokens = self.blocks[b].tokens
        if t >= len(tokens) or not tokens[t].is_word or tokens[t].region >= 0:
            return False
        key, text = tokens[t].key, tokens[t].text
        if key[:1] == "ب" and (noun := lookup_cue(key[1:])[0]) is not None and noun.kind == "noun":
            return True  # ليضيف بقوله: "by saying", the manner, not the subject
        if not key.startswith("م") or len(key) < 5 or (mention := self.mention_at(b, t)) is not None and mention.label == "PER":
            return False
        return text.endswith(FATHATAN) or (key.endswith("ا") and key[1] != "ا")

    def opens_with_complement(self, b: int, t: int, entry: CueEntry) -> bool:
        """A prepositional phrase right after the verb is its complement, never its subject:
        دعت إليه، تعترف بالأكشن، يطالبون بمساحات، أشادت بكلمة الدوق; not بولسونارو or بعض النواب."""
        tokens = self.blocks[b].tokens
        if t >= len(tokens) or not tokens[t].is_word:
            return False
        token, key = tokens[t], tokens[t].key
        if PREPOSITION_PRONOUN_RE.match(key):
            return True
        if key[:1] not in "بل" or len(key) < 4 or key in NAME_PREPOSITIONS or key in BA_SUBJECT_WORDS:
            return False
        mention = self.mention_at(b, t)
        if key.startswith(("بال", "لل")):
            return mention is None or mention.start > token.start
        if self.prepositional_adjunct(b, t, mention):
            return True
        if key[0] != "ب" or not ("ب" in entry.complements or entry.lemma in BA_OBJECT_LEMMAS):
            return False  # قال بوفون: the tagger may take a name's first letter for بـ
        if mention is not None:
            return mention.start > token.start  # طالب بإيران: a clitic on a name; بريطانيا is the name
        if not self.mentions:
            return False  # without tagged names an untagged بـ-word may be one
        return not any(key in words or _strip_noun(key) in words for words in self.lexicon.heads.values())

    def prepositional_adjunct(self, b: int, t: int, mention) -> bool:
        """``S-PREPOSITIONAL-ADJUNCT``: after any verb, a بـ word written with ة (أوضح بتغريدة له، أشار بكلمة
        افتتاحية) or a لـ word carrying a possessive pronoun (قال لزملائه، أضاف لمحبيه) is how or to whom it was
        said, never the subject; not a name the tagger found (بثينة شعبان)."""
        if not rule_on("S-PREPOSITIONAL-ADJUNCT") or not self.mentions:
            return False
        if mention is not None and mention.label in ("PER", "ORG") and mention.start <= self.blocks[b].tokens[t].start:
            return False
        written = unvowelled(self.blocks[b].tokens[t].text)
        if written[:1] == "ب":
            adjunct = written.endswith("ة") and len(written) >= 4
        else:
            adjunct = written[:1] == "ل" and len(written) >= 5 and written.endswith(PRONOUN_SUFFIXES)
        if adjunct:
            self.prepositional_adjuncts.add((b, t))
        return adjunct

    def relayed_source(self, b: int, t: int) -> Optional[tuple[int, int]]:
        """The X of "نقلا عن X" right after a speaker, as a token range, or None."""
        tokens = self.blocks[b].tokens
        while t < len(tokens) and tokens[t].text in COMMAS:
            t += 1
        if t + 2 < len(tokens) and tokens[t].key == "نقلا" and tokens[t + 1].key == "عن":
            end = self.speaker_forward(b, t + 2, len(tokens))
            if end > t + 2:
                return (t + 2, end)
        return None

    def quoted_source(self, b: int, t: int) -> Optional[tuple[int, int]]:
        """The words of a short balanced quotation opening at ``t`` (بحسب "رويترز"), as a source
        name; only when the tagger found a name inside, since longer or untagged ones are words."""
        region = self.region_opening_at(b, t)
        if region is None or not region.balanced or region.close_token < 0 or not 0 < region.words <= MAX_QUOTED_NAME_WORDS:
            return None
        if not any((m := self.mention_at(b, k)) is not None and m.label in ("PER", "ORG") for k in range(region.first, region.last + 1)):
            return None
        return region.first, region.last + 1

    def specified_source(self, b: int, start: int, end: int, limit: int) -> int:
        """"شهود من الناجين"، "مصادر في الوزارة": an anonymous source takes the phrase that says
        which ones it is."""
        tokens, heads = self.blocks[b].tokens, self.lexicon.heads
        first = _source_head(tokens[start].key)
        if first not in heads["anonymous"] or end + 1 >= limit or tokens[end].key not in ("من", "في"):
            return end
        nxt = self.speaker_forward(b, end + 1, limit)
        return nxt if nxt > end + 1 else end

    def is_evidence(self, b: int, t: int, kinds: tuple[str, ...] = EVIDENCE_HEADS) -> bool:
        """The phrase at ``t`` is evidence, a norm or a plan (بحسب الصور، وفقا للقانون), not who spoke."""
        return self.mention_at(b, t) is None and listed_head(self.blocks[b].tokens[t].key, self.lexicon.heads, kinds)

    def is_data(self, b: int, t: int) -> bool:
        """The word at ``t`` heads data, figures or findings (بيانات، إحصاءات، أرقام): no source of its own,
        but they speak for the body that issued them. Data: cues.json data_subjects."""
        key = self.blocks[b].tokens[t].key
        key = key[1:] if key[:1] == "ل" and key[:2] != "لل" else key  # وفقا لبيانات
        return key in self.lexicon.data_subjects or _strip_noun(key) in self.lexicon.data_subjects

    def data_issuer(self, b: int, t: int, limit: int) -> Optional[tuple[int, int]]:
        """``S-DATA-ISSUER``: data at ``t`` and the body named within a few words after them that issued them, as
        their genitive, after من / عن / ل or as the agent of a clause on them (بيانات للشرطة، بيانات من إدارة
        معلومات الطاقة، إحصاءات الحلف الأطلسي، أرقام أعلنتها طوكيو): the speaker phrase runs on to that body's
        end, so that the body names it; None when none is named."""
        tokens = self.blocks[b].tokens
        if not rule_on("S-DATA-ISSUER"):
            return None
        for k in range(t + 1, min(limit, t + 1 + MAX_ISSUED_WORDS)):
            token = tokens[k]
            if not token.is_word or token.key in COMPLEMENTISERS or token.region >= 0:
                return None
            start = k + 1 if token.key in ISSUER_PREPOSITIONS and k + 1 < limit else k
            if self.names_source(b, start) and not self.is_data(b, start):
                return t, max(start + 1, self.speaker_forward(b, start, limit))
        return None

    def is_source(self, b: int, start: int, end: int) -> bool:
        """Can this phrase be a source (بحسب المرصد) rather than evidence (بحسب الصور)?"""
        tokens, heads = self.blocks[b].tokens, self.lexicon.heads
        first = tokens[start].key
        if self.is_evidence(b, start) and self.mention_at(b, start) is None:
            return False
        if any(_source_head(first) in heads[k] for k in ("anonymous", "media", "document")):
            return True  # وفقا لشهود، بحسب مصادر، وفقا لوثائق المحكمة
        if any(self.mention_at(b, t) is not None for t in range(start, end)):
            return True
        owned = _owned_head(tokens[start].text)
        if any(first in heads[k] or _strip_noun(first) in heads[k] or owned in heads[k] for k in SOURCE_KINDS):
            return True  # بحسب الوزير; بحسب محاميه, وفقا لمتحدثها: a title under its possessor's pronoun
        # without a recognised entity: a short bare name, not a definite common noun
        return not self.mentions and not first.startswith("ال") and end - start <= 3

    def names_source(self, b: int, t: int) -> bool:
        """A phrase starting at ``t`` names a source by its entity or head word (الوزير، وكالة …)."""
        key, heads = self.blocks[b].tokens[t].key, self.lexicon.heads
        return self.mention_at(b, t) is not None or any(key in heads[k] or _strip_noun(key) in heads[k] for k in SOURCE_KINDS)

    def names_document(self, b: int, t: int) -> bool:
        """A phrase starting at ``t`` is headed by a document (للدراسة، لوثيقة، البيان) that reports."""
        return _source_head(self.blocks[b].tokens[t].key) in self.lexicon.heads["document"]


def _owned_head(word: str) -> str:
    """محاميه -> محامي, متحدثها -> متحدث: the noun under a possessive pronoun (written ه, never
    ة), as a matching form; "" when the word carries none."""
    bare = _strip_conj(word)
    if bare.startswith("ال"):
        return ""
    for suffix in sorted(PRONOUN_SUFFIXES, key=len, reverse=True):
        if suffix.startswith("ه") and bare.endswith(suffix) and len(bare) - len(suffix) >= 3:
            return _key_text(bare[: -len(suffix)])
    return ""


def _is_connective(key: str) -> bool:
    """فقد، ولذلك، لهذا، بما: a particle, or a preposition glued to a demonstrative or ما, names nobody."""
    bare = key[1:] if key[:1] in CONJUNCTIONS_WAW_FA and len(key) > 2 else key
    return key in PARTICLES or bare in PARTICLES or key in APODOSIS_OPENERS or _preposition_with_demonstrative(bare) or (
        bare[:1] in PREPOSITION_LETTERS and bare[1:] == "ما"
    )


def _preposition_with_demonstrative(bare: str) -> bool:
    """لهذا، بذلك، وبهذا (without its و): a preposition glued to a demonstrative, an adverbial."""
    return bare[:1] in PREPOSITION_LETTERS and bare[1:] in DEMONSTRATIVES
