"""A- rules: an evaluative act and its objects (اتهم روسيا, دعا إلى الحذر, نشكر وفد روسيا على …),
and acts nested in those objects (حذر من رفض الاتفاق -> favor الاتفاق).

Input: a holder, a lexicon hit of kind act, its polarity and where the clause ends; output:
candidates through ``emit``. Used by the Q- and N- rules alike.
"""
from __future__ import annotations

from typing import Optional

from qawl.clean import match_form
from qawl.stance.params import FAR_PREP_WINDOW
from qawl.stance.phrases import conjuncts, read_np, skip_manner
from qawl.stance.rules import compose
from qawl.stance.tokens import _Hit
from qawl.arabic import COMMAS, PHRASE_PREPOSITIONS as PREP_FORMS
from qawl.stance.words import CAUTION_FORMS, INTENSIFIERS, STOP_FORMS


class _ActRules:
    """Acts and their objects (A- rules); a mixin of the stance finder. Reads ``self.tokens``,
    ``self.lexicon``; writes ``self.used`` and candidates through ``self.emit``; asks ``salient``."""

    def act_objects(self, hit: _Hit, limit: int) -> list[tuple[int, int]]:
        """Noun phrases an act applies to, between the act and ``limit``."""
        tokens, entry, j = self.tokens, hit.entry, hit.end
        if j < limit and tokens.is_quote_mark(j):
            j += 1
        # تدين وتستنكر بأشد العبارات …: a coordinated act shares the object, it is not the object
        coordinated = tokens.hit(j) if j < limit and tokens.conjoined(j) else None
        if coordinated and coordinated.entry.kind == "act":
            j = skip_manner(tokens, coordinated.end, limit)
            while j < limit and tokens.is_word(j) and any(stem in INTENSIFIERS for stem in tokens.stems(j)):
                j += 1  # عن استنكاره وإدانته الشديدين للحادث
        if entry.object_before_prep:
            for m in range(j, min(limit, j + 8)):
                if not tokens.is_word(m):
                    break
                if m > j and tokens.prep_at(m, entry.preps) is not None:
                    return conjuncts(tokens, j, m)
            return conjuncts(tokens, j, limit)
        # دعا الغرب إلى …, دعم الدولة لمخرجات …: the object follows the act's preposition;
        # right after the act any preposition introduces it (دعا لمواصلة …)
        m = j
        while entry.preps and m < min(limit, j + FAR_PREP_WINDOW):
            if tokens.spans[m].text in COMMAS:
                m += 1
                continue
            if m in tokens.mention_at:  # a named addressee: رئيس الوزراء حيدر العبادي بإقالة …
                mention = tokens.mention_at[m]
                m = max(m + 1, tokens.range_of(mention.start, mention.end).stop)
                continue
            if not tokens.is_word(m) or (m > j and (tokens.forms[m] in STOP_FORMS or tokens.conjoined(m))):
                break
            if m > j and tokens.forms[m] in PREP_FORMS and tokens.forms[m] not in entry.far_preps:
                break
            start = tokens.prep_at(m, entry.preps + ("ل",) if m == j else entry.far_preps)
            if start is not None:
                return conjuncts(tokens, start, limit)
            m += 1
        return conjuncts(tokens, j, limit)

    def cautioned(self, hit: _Hit, limit: int) -> Optional[tuple[int, int]]:
        """دعا الرئيس الأمريكي، دونالد ترامب، إلى الحذر: a call to caution warns the named
        addressee, so it is against him."""
        tokens = self.tokens
        if hit.entry.category != "call":
            return None
        to = next((k for k in range(hit.end, min(limit, hit.end + FAR_PREP_WINDOW + 2))
                   if tokens.forms[k] == match_form("إلى")), None)
        if to is None or to + 1 >= limit or tokens.forms[to + 1] not in CAUTION_FORMS:
            return None
        named = [k for k in range(hit.end, to) if k in tokens.mention_at]
        if not named:
            return None
        mention = tokens.mention_at[named[-1]]
        span = tokens.range_of(mention.start, mention.end)
        return span.start, span.stop

    def thanked(self, hit: _Hit, limit: int) -> Optional[tuple[int, int]]:
        """نشكر وفد روسيا على طلب …: a praise verb's direct object, before what it is praised
        for, is whom the praise is for."""
        tokens, j = self.tokens, hit.end
        if hit.entry.category != "praise" or hit.end <= hit.start or not tokens.is_word(j) \
                or tokens.bare(j) in PREP_FORMS or tokens.prep_at(j, hit.entry.preps) is not None \
                or tokens.conjoined(j) or tokens.hit(j):  # شكره وتقديره لـ …: a second act, no object
            return None
        start, end = read_np(tokens, j, limit, coordinate=False, inner_prep=False)
        if start != j or end <= start or end >= limit or tokens.forms[end] != match_form("على"):
            return None
        return start, end

    def inner_act(self, np: tuple[int, int]) -> Optional[_Hit]:
        """The act heading a phrase, past a light head (مغبة رفض الاتفاق -> رفض)."""
        start, end = np
        tokens = self.tokens
        if end - start > 2 and any(stem in self.lexicon.light_heads for stem in tokens.stems(start)):
            start += 1
        hit = tokens.hit(start)
        return hit if hit and hit.entry.kind == "act" else None

    def apply_act(self, holder: str, hit: _Hit, polarity: str, limit: int, quote: int,
                  evidence: list[str], require_salient: bool, depth: int = 0) -> None:
        """Stances of ``holder`` towards the objects of one act, and of acts nested in them."""
        self.used.update(range(hit.start, hit.end))
        cautioned = self.cautioned(hit, limit) if polarity == "favor" else None
        if cautioned:
            with self.rule("A-CAUTION"):
                self.emit(holder, cautioned, "against", quote, evidence)
        thanked = self.thanked(hit, limit)
        if thanked and (not require_salient or self.salient(thanked)
                        or any(i in self.tokens.mention_at for i in range(*thanked))):
            with self.rule("A-THANKED"):
                self.emit(holder, thanked, polarity, quote, evidence)
        for np in self.act_objects(hit, limit):
            if hit.entry.category == "vote" and np[0] > 0 and self.tokens.bare(np[0] - 1) == match_form("ضد"):
                with self.rule("N-VOTE-AGAINST"):  # صوتت روسيا ضد مشروع القرار
                    self.emit(holder, np, "against", quote, evidence)
                continue
            inner = self.inner_act(np)
            if inner is not None and inner.entry.narrated_only and quote >= 0:
                inner = None  # تصدت لهجوم …: an act noun named in a quote is nobody's act
            # طالب بإقالة X: the call is against X, not "for a dismissal"
            removal = polarity == "favor" and inner is not None and inner.entry.polarity == "against" \
                and np[1] - inner.end > 0
            # رفض التخلي عن القاعدة: a bare act word is no target, its own object is (below)
            bare_act = inner is not None and np == (inner.start, inner.end) and bool(inner.entry.preps)
            emitted = (not require_salient or self.salient(np)) and not self.opposed_inside(np, polarity) \
                and not removal and not bare_act
            if emitted:
                self.emit(holder, np, polarity, quote, evidence)
            if emitted:  # acts inside the object speak through it (دعمها لجهود منع التطرف)
                self.used.update(i for i in range(*np) if (h := self.tokens.hit(i)) and h.entry.kind == "act")
            if inner and depth < 2 and (np[1] - inner.start > 1 or bare_act):
                inner_polarity = compose(polarity, inner.entry.polarity)
                if inner_polarity == polarity and emitted:  # the outer phrase already says it
                    continue
                word = self.tokens.spans[inner.start].text
                # طالب بإخراج الأكراد: what the cue's own act acts on needs no salience either
                with self.rule("A-NESTED"):
                    self.apply_act(holder, inner, inner_polarity, limit, quote, evidence + [word],
                                   require_salient=require_salient or depth > 0, depth=depth + 1)
