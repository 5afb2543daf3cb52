"""T- rules and target reading: from a candidate's token range to the target a stance names.

Input: candidates (token ranges); output: ``Stance`` records, a candidate dropped when its
target is a fragment, its own evaluation, a pronoun or the speaker's side (``_keep``); a
target that is a named actor takes the actor's canonical name (T-ACTOR, T-ACTOR-HEAD).
"""
from __future__ import annotations

from bisect import bisect_right
from typing import Optional

from qawl.entities.features import triggers
from qawl.schema import make_span, Mention, Stance
from qawl.stance.candidates import _Candidate
from qawl.stance.params import ACTOR_LABELS

MAX_NAME_OVERRUN = 3  # words a target may go on to end the name it stops inside (T-WHOLE-NAME)
from qawl.stance.rules import DISABLED_RULES
from qawl.stance.shapes import _definite, strip_proclitic, _words
from qawl.arabic import (
    DEMONSTRATIVES, PHRASE_PREPOSITIONS as PREP_FORMS, PREPOSITION_LETTERS as PREP_CLITICS,
    PREPOSITION_PRONOUNS as RESUMPTIVE_PREPS, QUOTE_MARKS,
)
from qawl.stance.words import (
    BETWEEN_ADVERBS, FORMULAIC_TARGETS, LIGHT_ACTIONS, MANNER_ADVERBS, MANNER_HEADS, PRONOUNS,
    QUANTIFIERS, SELF_FORMS,
)


def _keep(holder: str, target: str) -> bool:
    """No self-stances, no pronoun or own-side targets."""
    target_words, holder_words = _words(target), _words(holder)
    if not target_words or all(w in PRONOUNS or w in FORMULAIC_TARGETS for w in target_words):
        return False
    if target_words[0] in MANNER_HEADS:
        return False  # an adverbial, not a noun phrase
    if holder_words[:1] and holder_words[0] in QUANTIFIERS:
        return False  # كل من X و Y: a group, not one holder
    if holder_words and all(w in MANNER_ADVERBS or w[1:] in MANNER_ADVERBS for w in holder_words):
        return False  # أدانوا وبشدة …: an adverb read as the speaker
    if any(w in SELF_FORMS for w in target_words):
        return False
    if len(target_words) == 1 and len(target_words[0]) >= 4 and target_words[0].endswith(("نا", "ها", "هم")):
        return False  # اقتصادنا: the speaker's own; خططها: an unresolved owner
    shorter = min(len(target_words), len(holder_words))
    return not (shorter and target_words[:shorter] == holder_words[:shorter])


class _TargetRules:
    """Targets of candidates (T- rules); a mixin of the stance finder. Reads ``self.tokens`` and
    ``self.doc``; turns one candidate into a ``Stance`` (``stance_record``), emits nothing."""

    def target_name(self, np: tuple[int, int]) -> str:
        """A mention's canonical name when the phrase is one mention; else the phrase's words."""
        start, end = np
        tokens = self.tokens
        while end - start > 1 and tokens.forms[start] in PREP_FORMS:
            start += 1  # مع إيران: the phrase's preposition is no part of what it names
        mention = tokens.mention_at.get(start)
        if mention is not None and tokens.range_of(mention.start, mention.end) == range(start, end):
            return mention.canonical or mention.text
        words = [t.text for t in tokens.spans[start:end] if not t.text in QUOTE_MARKS]
        named = mention is not None and mention.text.startswith(tokens.spans[start].text)
        if words and not named:  # وحدات حماية الشعب: the tagger's name keeps its first letter
            words[0] = strip_proclitic(words[0], tokens.known)
        return " ".join(words)

    def fragment(self, np: tuple[int, int]) -> bool:
        """Not a whole noun phrase: an action (اتخاذ, بارتكاب جرائم), or a definite phrase
        running into the next clause (هذه الشعوب دفعت, السودان مجتمع)."""
        start, end = np
        tokens = self.tokens
        if start in tokens.mention_at:
            return False
        head = tokens.forms[start]
        if end - start == 1 and head in RESUMPTIVE_PREPS:
            return True
        for k in range(start, end):
            form = tokens.forms[k]
            if form in LIGHT_ACTIONS or len(form) > 3 and form[0] in "وفبل" and form[1:] in LIGHT_ACTIONS:
                return True  # إدارته من اتخاذ سياسة: the action's object is elsewhere
            if k > start and tokens.conjoined(k) and form[1] in "يتن" and not _definite(form) \
                    and not form.endswith("ات"):
                return True  # "إرهابية" ونشكر: a verb joins the next clause
        if end - start > 1 and any(stem in self.lexicon.light_heads for stem in tokens.stems(end - 1)):
            return True  # روحاني من مغبة: the frame without what it frames
        if end - start < 2 or (end - 1) in tokens.mention_at:
            return False
        last, before = tokens.forms[end - 1], tokens.forms[end - 2]
        # a last word with a clitic preposition opens a complement (الوساطة الأفريقية برئاسة …)
        return (not _definite(last) and (_definite(before) or before in DEMONSTRATIVES)
                and before not in PREP_FORMS and before[0] not in PREP_CLITICS and last[0] not in PREP_CLITICS
                and last not in RESUMPTIVE_PREPS and not tokens.is_quote_mark(end - 1)
                and (end - 2) not in tokens.mention_at)

    def self_evaluated(self, candidate: _Candidate) -> bool:
        """The evaluation is the target's own words, not the speaker's position on it: an
        act or label inside the phrase (قصفه للمتشددين, القراصنة المحتملين للبناء), a bare
        quality (عن "جيد جدا"), or favor of a condemned thing (إشاعة الفوضى)."""
        tokens, start, end = self.tokens, candidate.start, candidate.end
        head = tokens.hit(start)
        if head and head.entry.kind == "quality" and not _definite(tokens.forms[start]):
            return True
        if candidate.polarity == "favor" and head and head.entry.kind == "label" \
                and head.entry.polarity == "against" and start not in tokens.mention_at:
            return True
        # a label inside counts only under an act head: النظام في خندق الانفراد is evaluated
        head_act = bool(head) and head.entry.kind == "act"
        inside = {tokens.spans[k].text for k in range(start + 1, end)
                  if (hit := tokens.hit(k)) and (hit.entry.kind == "act" or head_act and hit.entry.kind == "label")}
        return bool(candidate.evidence) and all(word in inside for word in candidate.evidence)

    def target_actor(self, np: tuple[int, int]) -> Optional[Mention]:
        """The named actor a target phrase is: one mention (person, organisation, place), or a
        title before a person's name (الرئيس الأميركي باراك أوباما, مدرب مانشستر يونايتد جوزيه
        مورينيو). None for an issue phrase (الاتفاق النووي, العقوبات الأمريكية على إيران)."""
        start, end = np
        tokens = self.tokens
        while start < end - 1 and tokens.is_quote_mark(start):
            start += 1
        while end - 1 > start and tokens.is_quote_mark(end - 1):
            end -= 1
        mention = tokens.mention_at.get(start)
        if mention is not None and mention.label in ACTOR_LABELS \
                and tokens.range_of(mention.start, mention.end) == range(start, end):
            return mention
        last = next((tokens.mention_at[k] for k in range(end - 1, start, -1) if k in tokens.mention_at), None)
        if last is None or last.label != "PER" or tokens.range_of(last.start, last.end).stop != end:
            return None
        k = start
        first_name = tokens.range_of(last.start, last.end).start
        titles = triggers()
        while k < first_name:  # every word before the name is a title, a definite word or a name
            if k in tokens.mention_at:
                k = max(k + 1, tokens.range_of(tokens.mention_at[k].start, tokens.mention_at[k].end).stop)
                continue
            form = tokens.forms[k]
            if not (tokens.is_word(k) and (titles.get(form) == "PER" or titles.get(tokens.bare(k)) == "PER"
                                           or _definite(form) and form not in PREP_FORMS)):
                return None
            k += 1
        return last

    def to_name_end(self, np: tuple[int, int]) -> tuple[int, int]:
        """``T-WHOLE-NAME``: a phrase whose last word is inside a name that goes on after it (اتفق مع رجل
        الدين الشيعي مقتدى | الصدر) ends where the name ends, at most ``MAX_NAME_OVERRUN`` words on."""
        start, end = np
        mention = self.tokens.mention_at.get(end - 1)
        if mention is None:
            return np
        stop = self.tokens.range_of(mention.start, mention.end).stop
        return (start, stop) if end < stop <= end + MAX_NAME_OVERRUN else np

    def actor_head(self, np: tuple[int, int]) -> tuple[int, int]:
        """A phrase that opens with a named actor and goes on with a prepositional or time
        phrase is about the actor: جعفر بناهي | في العام 2011 -> جعفر بناهي."""
        start, end = np
        tokens = self.tokens
        mention = tokens.mention_at.get(start)
        if mention is None or mention.label not in ACTOR_LABELS:
            return np
        stop = tokens.range_of(mention.start, mention.end).stop
        if start < stop < end and (tokens.forms[stop] in PREP_FORMS or tokens.bare(stop) in BETWEEN_ADVERBS):
            return start, stop
        return np

    def sentence_of(self, token: int) -> tuple[int, int]:
        """(start, end) in ``doc.text`` of the sentence holding token ``token``."""
        if self._sentence_starts is None:
            self._sentence_starts = [sentence.start for sentence in self.doc.sentences]
        offset = self.tokens.spans[token].start
        at = bisect_right(self._sentence_starts, offset) - 1
        if at < 0:
            return offset, self.tokens.spans[token].end
        sentence = self.doc.sentences[at]
        return sentence.start, max(sentence.end, self.tokens.spans[token].end)

    def stance_record(self, candidate: _Candidate) -> Optional[Stance]:
        """The stance a candidate states, its target read by the T- rules; None when the target
        is no whole noun phrase, is the evaluation itself, or is the speaker or his side."""
        np = (candidate.start, candidate.end)
        whole = self.to_name_end(np)
        if whole != np and "T-WHOLE-NAME" not in DISABLED_RULES:
            np = whole
        target = self.target_name(np)
        if self.fragment(np) or self.self_evaluated(candidate) or not _keep(candidate.holder, target):
            return None
        rules = list(candidate.rules) + (["T-WHOLE-NAME"] if np[1] != candidate.end else [])
        trimmed = self.actor_head(np)
        if trimmed != np and "T-ACTOR-HEAD" not in DISABLED_RULES:
            np, target = trimmed, self.target_name(trimmed)
            rules.append("T-ACTOR-HEAD")
        actor = self.target_actor(np) if "T-ACTOR" not in DISABLED_RULES else None
        if actor is not None and self._attested(actor.canonical or actor.text):
            if target != (actor.canonical or actor.text):
                rules.append("T-ACTOR")
            target = actor.canonical or actor.text
        span = make_span(self.doc.text, self.tokens.spans[np[0]].start, self.tokens.spans[np[1] - 1].end)
        sentence = self.sentence_of(candidate.start)
        return Stance(candidate.holder, target, candidate.polarity, candidate.quote,
                      candidate.evidence, span.start, span.end, rules=rules,
                      sentence_start=sentence[0], sentence_end=sentence[1],
                      target_kind="actor" if actor is not None else "issue")
