"""Q- rules, part two: evaluative words that are not acts, inside a quote's content.
Qualities (مواقفه الظالمة, الاتفاق جيد), labels (جرائم إسرائيل), labels in scare quotes
(وصفها بـ"المحتالة") and evaluative predicate nouns (X يشكل تهديدا).

Input: a lexicon hit inside a quote's content and the content's first token; output:
candidates through ``emit`` (the scare-quote and predicate-noun readers say whether they read one).
"""
from __future__ import annotations

from typing import Optional

from qawl.clean import match_form
from qawl.stance.params import (
    CALAMITIES, FAR_PREP_WINDOW, MAX_NP_TOKENS, NAMING_WINDOW, RELATIVE_CLAUSE_TOKENS,
    SCARE_QUOTE_MAX_TOKENS,
)
from qawl.stance.phrases import _is_np_word, read_np, read_np_back
from qawl.stance.shapes import _definite, finite_verb_shape, has_article
from qawl.arabic import (
    ATTACHED_PRONOUNS as POSSESSIVE_ENDINGS, DEMONSTRATIVES, PHRASE_PREPOSITIONS as PREP_FORMS,
    PREPOSITION_LETTERS as PREP_CLITICS, PRONOUN_SUFFIXES as OBJECT_PRONOUNS,
    SUBJECT_RELATIVES as RELATIVES, THAT_COMPLEMENTISERS as THAT_FORMS,
)
from qawl.stance.words import MANNER_HEADS, MINIMISERS, NAMING_STEMS, OWNER_ENDINGS, STILL_FORMS, STOP_FORMS


class _EvaluationRules:
    """Qualities, labels and predicate nouns in quotes; a mixin of the stance finder. Reads
    ``self.tokens``, ``self.lexicon``; asks ``salient`` and ``_subject_start``; emits candidates."""

    def predicate_noun(self, speaker, hit, first, quote, evidence) -> bool:
        """An indefinite evaluative noun as the predicate of a clause-initial subject:
        كوريا الشمالية لا تزال تمثل تهديدا, الحصار يشكل جريمة, الاتفاق كان إنجازا -> the
        subject takes the noun's polarity. True when a stance was read."""
        tokens = self.tokens
        form = tokens.bare(hit.start)
        if has_article(form) or form[0] in PREP_CLITICS or hit.entry.category in CALAMITIES:
            return False
        verb = hit.start - 1
        if verb < first or not tokens.is_word(verb) or tokens.bare(verb) not in self.lexicon.copulas:
            return False
        end = verb
        if end - 2 >= first and tokens.bare(end - 1) in STILL_FORMS and tokens.bare(end - 2) in (match_form("لا"), match_form("ما")):
            end -= 2  # لا تزال تمثل: "still", not a negation
        elif tokens.negated(verb, first) is not None:
            return False  # لا يمثل تهديدا says nothing either way
        start = self._subject_start(end, first)
        if start is None or start >= end or not self.salient((start, end)):
            return False  # ما حدث يمثل انتهاكا: no one and nothing named
        self.emit(speaker, (start, end), hit.entry.polarity, quote, evidence + [tokens.spans[verb].text])
        return True

    def label_phrase(self, speaker, hit, first, limit, quote, evidence) -> None:
        """A condemning noun said of someone (جرائم إسرائيل -> against; its owner is named) or
        opening the clause as its topic (التعذيب في أقسام الشرطة أمر ممنهج -> against)."""
        tokens = self.tokens
        after = hit.end
        if after < limit and after in tokens.mention_at:
            mention = tokens.mention_at[after]
            self.emit(speaker, (hit.start, tokens.range_of(mention.start, mention.end).stop),
                      "against", quote, evidence)
            return
        opens = hit.start == first or not tokens.is_word(hit.start - 1) or tokens.bare(hit.start - 1) in STOP_FORMS
        if opens and _definite(tokens.forms[hit.start]) and tokens.forms[hit.start][0] not in "بلك":
            self.emit(speaker, self.topic_np(hit.start, limit), "against", quote, evidence)

    def topic_np(self, start: int, limit: int) -> tuple[int, int]:
        """The clause-opening noun phrase, up to the predicate: an indefinite word after a
        definite one (التعذيب في أقسام الشرطة | أمر ممنهج)."""
        tokens = self.tokens
        _, end = read_np(tokens, start, limit, coordinate=True)
        for k in range(start + 1, end):
            before = tokens.forms[k - 1]
            if _definite(before) and before not in PREP_FORMS and not _definite(tokens.forms[k]) \
                    and tokens.forms[k] not in PREP_FORMS and k not in tokens.mention_at:
                return start, k
        return start, max(end, start + 1)

    def quality(self, speaker, hit, polarity, first, quote, evidence) -> None:
        """The phrase a quality evaluates: attributive (مواقفه الظالمة, المذابح غير المبررة)
        or predicate of a clause-initial subject (الاتفاق جيد, قرارات الاتحاد كانت متعنتة)."""
        tokens = self.tokens
        if hit.start > first and tokens.bare(hit.start - 1) in MANNER_HEADS:
            return  # يفهم بشكل خاطئ: an adverb of manner evaluates no phrase
        negator = tokens.negated(hit.start, first)
        end = hit.start if negator is None else negator
        if _definite(tokens.forms[hit.start]):
            noun = tokens.hit(end - 1) if end > first else None
            if noun and noun.entry.kind == "label" and noun.entry.polarity != polarity:
                return  # الحقد العظيم: the adjective only intensifies
            start = self._attributed_noun(end, first)
            if start < end and not self.descriptive(start, end, first) and self.attributive(hit.start, end):
                self.emit(speaker, (start, hit.end), polarity, quote, evidence)
            return
        while end > first and tokens.bare(end - 1) in self.lexicon.copulas:
            end -= 1
        start = self._subject_start(end, first)
        if start is None:
            start = self._relative_subject_start(end, first)
        if start is None or start >= end:
            return
        if start not in tokens.mention_at and tokens.forms[start][0] in "يت" \
                and finite_verb_shape(tokens.spans[start].text):
            return  # يقدم أداء رائعا: a verb phrase, not a subject
        if tokens.bare(start) in DEMONSTRATIVES and not _definite(tokens.forms[min(start + 1, end - 1)]):
            return  # هذه أنباء عظيمة: the subject is the bare demonstrative
        while end > start + 1 and tokens.forms[end - 1] in PREP_FORMS:
            end -= 1  # الاتفاق من أفضل …
        self.emit(speaker, (start, end), polarity, quote, evidence)

    def _relative_subject_start(self, end: int, first: int) -> Optional[int]:
        """A clause-initial subject with a short relative clause before a predicate:
        الإجراءات التي اتخذها ترامب | قانونية -> the phrase from the antecedent to the predicate.
        The relative clause is a verb with an object pronoun (its antecedent) and a named or
        short subject; anything longer may hold the predicate itself."""
        tokens = self.tokens
        for relative in range(end - 2, max(first, end - 2 - RELATIVE_CLAUSE_TOKENS) - 1, -1):
            if not tokens.is_word(relative):
                return None
            if tokens.bare(relative) not in RELATIVES:
                continue
            verb = relative + 1
            form = tokens.bare(verb)
            if has_article(form) or len(form) < 5 or not form.endswith(OBJECT_PRONOUNS):
                return None  # اتخذها, أعلنته: the verb's pronoun returns to the antecedent
            if not all(tokens.is_word(k) and tokens.bare(k) not in STOP_FORMS for k in range(verb + 1, end)):
                return None
            start = self._subject_start(relative, first)
            return start if start is not None and start < relative else None
        return None

    def attributive(self, adjective: int, end: int) -> bool:
        """An adjective agrees with its noun; a definite one after a bare indefinite noun or
        behind a preposition is the noun's object (دحر المتشددين, قصفه للمتشددين)."""
        tokens = self.tokens
        form, before = tokens.forms[adjective], tokens.forms[end - 1]
        if form.startswith("لل") or form[0] in "بلك" and form[1:].startswith("ال"):
            return False
        return _definite(before) or before.endswith(POSSESSIVE_ENDINGS) or (end - 1) in tokens.mention_at

    def descriptive(self, start: int, end: int, first: int) -> bool:
        """A quality inside a prepositional or purpose phrase about no one in particular
        (لتقديم الخدمة المميزة, مقابل السياسات المدمرة): description, not the speaker's stance.
        A named or possessed noun keeps it (لسياسات النظام العدوانية, مواقفه الظالمة)."""
        tokens = self.tokens
        # a possessive suffix (ة reads as ه in matching form, so a bare ه is no evidence)
        if any(i in tokens.mention_at or len(tokens.forms[i]) >= 4 and tokens.forms[i].endswith(OWNER_ENDINGS)
               for i in range(start, end)):
            return False
        if any(stem in self.lexicon.actor_heads for i in range(start + 1, end) for stem in tokens.stems(i)):
            return False  # its owner is an actor: لسياسات النظام الإيراني العدوانية
        head = tokens.forms[start]
        # لتقديم …: ل + an indefinite verbal noun is a purpose phrase
        purpose = head[0] in "بل" and not _definite(head) and (head[0] == "ل" and len(head) >= 5
                                                                  or tokens.known(head[1:]))
        governed = start > first and tokens.is_word(start - 1) and tokens.bare(start - 1) in PREP_FORMS
        return purpose or governed

    def _attributed_noun(self, end: int, first: int) -> int:
        """Start of the definite phrase before an attributive adjective: definite words back to
        the construct head (حادثة التفجير الغاشم) or a preposition clitic (للحوار الوطني)."""
        tokens, i = self.tokens, end
        while i > first and _is_np_word(tokens, i - 1) and end - i < MAX_NP_TOKENS:
            form = tokens.forms[i - 1]
            if form in PREP_FORMS:
                break
            i -= 1
            if not _definite(form) or form in DEMONSTRATIVES or form[0] in "بلكو" and _definite(form[1:]):
                break
            if form.startswith("لل"):
                break
        return i

    def scare_quoted(self, speaker, hit, polarity, first, limit, quote, evidence) -> bool:
        """A label in quotation marks: وصفها بـ"المحتالة", لكل "الإرهابيين", "الطلب المفرط"."""
        tokens = self.tokens
        if hit.entry.kind not in ("label", "quality"):
            return False
        open_at = next((j for j in range(hit.start - 1, max(first, hit.start - SCARE_QUOTE_MAX_TOKENS) - 1, -1)
                        if tokens.is_quote_mark(j) or not tokens.is_word(j)), None)
        close_at = next((j for j in range(hit.end, min(limit, hit.end + SCARE_QUOTE_MAX_TOKENS))
                         if tokens.is_quote_mark(j) or not tokens.is_word(j)), None)
        if open_at is None or close_at is None:
            return False
        if not (tokens.is_quote_mark(open_at) and tokens.is_quote_mark(close_at)):
            return False
        label = (open_at + 1, close_at)
        if hit.entry.category in CALAMITIES:
            return True  # ستكون "أم الحروب": a war named is no stance
        before = tokens.bare(open_at - 1) if open_at > first else ""
        if before in self.lexicon.copulas or before in MINIMISERS:
            return True  # لا يتعدى مجرد "جرائم فردية": the speaker plays it down
        if before == "ب" and any((h := tokens.hit(k)) and h.entry.category == "accusation"
                                 for k in range(max(0, open_at - FAR_PREP_WINDOW), open_at)):
            return True  # اتهم الشرطة بـ"انتهاج التعذيب": the charge, not the speaker's target
        named = self.named_as(open_at, first)
        if named is not None:
            self.emit(speaker, named, polarity, quote, evidence)
            return True
        # "وصفها بـ" / "مما أسماه": the holder of the label is named before the naming verb
        k = open_at - 1
        if k >= first and tokens.bare(k) in ("ب",):
            k -= 1
        if k >= first and any(stem in NAMING_STEMS for stem in tokens.stems(k)):
            before = k - 1
            if before >= first and tokens.bare(before) in RELATIVES:
                start = read_np_back(tokens, before, first)
                if start < before:
                    self.emit(speaker, (start, before), polarity, quote, evidence)
                    return True
            if hit.entry.kind == "quality" and label[1] - label[0] == 1:
                return True  # "ما وصفه بـ"المحتالة"": nothing named to hold it
        self.emit(speaker, label, polarity, quote, evidence)
        return True

    def named_as(self, open_at: int, first: int) -> Optional[tuple[int, int]]:
        """وصفت الحكومة العقوبات بأنها جزء من "حملة عدوان": what a naming verb names, the
        definite phrase before بأنها, takes the label's polarity (not the label itself)."""
        tokens = self.tokens
        floor = max(0, open_at - NAMING_WINDOW)  # the naming verb may be the cue, before ``first``
        naming = next((j for j in range(open_at - 1, floor - 1, -1)
                       if any(stem in NAMING_STEMS for stem in tokens.stems(j))), None)
        if naming is None:
            return None
        that = next((j for j in range(naming + 1, open_at) if tokens.forms[j] in THAT_FORMS), None)
        if that is None:
            return None
        start = that
        while start > naming + 1 and that - start < 3 and _definite(tokens.forms[start - 1]) \
                and (start - 1) not in tokens.mention_at:
            start -= 1
        return (start, that) if start < that else None
