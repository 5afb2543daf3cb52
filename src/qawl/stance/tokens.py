"""The token view the stance rules read: one document's tokens with their matching forms,
stems, the mention each lies in, and the lexicon term that starts at each (``_Hit``).

Input: a cleaned ``Document``, a ``Lexicon`` and the document's mentions. Output: ``_Tokens``,
answering questions about token indices (never character offsets, except ``range_of``).
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from typing import Iterable, Optional, Sequence

from qawl.clean import match_form
from qawl.schema import Document, Mention
from qawl.stance.lexicon import Lexicon, LexiconEntry
from qawl.stance.params import NEGATION_WINDOW
from qawl.stance.shapes import has_article, WORD_RE, _word_stems
from qawl.arabic import (
    ATTACHED_PRONOUNS as POSSESSIVE_ENDINGS, CONJUNCTIONS_WAW_FA as CONJUNCTIONS, DEMONSTRATIVES,
    QUOTE_MARKS,
)
from qawl.stance.words import CAUTION_FORMS, STOP_FORMS


@dataclass
class _Hit:
    entry: LexiconEntry
    start: int  # token index
    end: int  # token index after the term


class _Tokens:
    """The document's tokens with matching forms, stems and lexicon look-ups."""

    def __init__(self, doc: Document, lexicon: Lexicon, mentions: Sequence[Mention]):
        self.doc = doc
        self.lexicon = lexicon
        self.spans = list(doc.tokens)
        self.forms = [match_form(t.text) for t in self.spans]
        self.starts = [t.start for t in self.spans]
        # per-token facts the rules ask for again and again, computed once
        self.ends = [t.end for t in self.spans]
        self.words = [bool(WORD_RE.search(t.text)) for t in self.spans]
        self.bares = [form[1:] if len(form) > 2 and form[0] in CONJUNCTIONS else form for form in self.forms]
        self._hits: dict[int, Optional[_Hit]] = {}
        self.mention_at: dict[int, Mention] = {}
        self.mention_forms = frozenset(match_form(m.text) for m in mentions)
        for mention in mentions:
            for index in self.range_of(mention.start, mention.end):
                self.mention_at[index] = mention

    def __len__(self) -> int:
        return len(self.spans)

    def range_of(self, start: int, end: int) -> range:
        """Token indices whose span lies inside ``[start, end)`` (partial overlaps included)."""
        # tokens are in text order, so their starts and ends are sorted: bisect, not scan
        first = bisect_right(self.ends, start)
        return range(first, bisect_left(self.starts, end, lo=first))

    def known(self, word: str) -> bool:
        """A word the stage can vouch for: a lexicon or list word, a possessed noun, a mention."""
        form = match_form(word)
        if len(form) >= 4 and form.endswith(POSSESSIVE_ENDINGS) or form in DEMONSTRATIVES:
            return True
        lexicon = self.lexicon
        if any(stem in lexicon.entries or stem in lexicon.issue_heads or stem in lexicon.actor_heads
               or stem in lexicon.light_heads for stem in _word_stems(form)):
            return True
        return form in self.mention_forms

    def is_word(self, i: int) -> bool:
        return 0 <= i < len(self.words) and self.words[i]

    def is_quote_mark(self, i: int) -> bool:
        return 0 <= i < len(self.spans) and self.spans[i].text in QUOTE_MARKS

    def stems(self, i: int) -> tuple[str, ...]:
        return _word_stems(self.forms[i])

    def bare(self, i: int) -> str:
        """The form without a leading conjunction (ولا -> لا)."""
        return self.bares[i]

    def hit(self, i: int) -> Optional[_Hit]:
        """The longest lexicon term starting at token ``i``."""
        if i in self._hits:
            return self._hits[i]
        found = None
        if self.is_word(i) and not self._inside_name(i) and self.forms[i] not in STOP_FORMS \
                and self.forms[i] not in CAUTION_FORMS:
            for stem in self.stems(i):
                for entry in self.lexicon.entries.get(stem, ()):
                    if entry.verb_only and has_article(self.spans[i].text):
                        continue
                    if self._rest_matches(i, entry.words):
                        found = _Hit(entry, i, i + len(entry.words))
                        break
                if found:
                    break
        self._hits[i] = found
        return found

    def _inside_name(self, i: int) -> bool:
        """A word inside a multi-word name (وزارة الدفاع, حزب العدالة والتنمية) evaluates nothing."""
        mention = self.mention_at.get(i)
        return mention is not None and len(mention.text.split()) > 1

    def _rest_matches(self, i: int, words: tuple[str, ...]) -> bool:
        for offset, word in enumerate(words[1:], start=1):
            j = i + offset
            if not self.is_word(j) or word not in self.stems(j):
                return False
        return True

    def conjoined(self, i: int) -> bool:
        """و here is the conjunction (والنظام, ورفضه, ويمنعها), not a first letter (وجود, وزير)."""
        form = self.forms[i] if self.is_word(i) else ""
        if len(form) < 3 or form[0] != "و":
            return False
        rest = form[1:]
        if rest.startswith(("ال", "لل")) or i in self.mention_at or rest in STOP_FORMS:
            return True
        if rest[0] in "يتن" and len(rest) >= 4 or rest.endswith("وا"):
            return True  # a verb: ويمنعها, وتحفز, وأضافوا
        return any(stem in self.lexicon.entries or stem in self.lexicon.issue_heads
                   for stem in _word_stems(rest))

    def negated(self, i: int, floor: int = 0) -> Optional[int]:
        """Index of a negator within the few words before ``i``, if any."""
        for j in range(i - 1, max(floor, i - NEGATION_WINDOW) - 1, -1):
            if not self.is_word(j):
                return None
            if self.bare(j) in self.lexicon.negators or self.forms[j] in self.lexicon.negators:
                return j
        return None

    def prep_at(self, i: int, preps: Iterable[str]) -> Optional[int]:
        """Where the object starts when token ``i`` is one of ``preps``; None otherwise.

        A standalone preposition (إلى) puts the object on the next token; a
        clitic one (بالقرار, للاتفاق, لمواصلة) keeps it on this token.
        """
        if not self.is_word(i):
            return None
        form = self.forms[i]
        for prep in preps:
            if form == prep:
                return i + 1
            if len(prep) == 1 and form.startswith(prep) and len(form) >= 4:
                return i
        return None
