"""The document's named-entity mentions as seen from its tokens.

Input: the mentions given to ``extract_quotes`` (any order, possibly overlapping) and the
blocks. Output: ``mention_at(b, t)``, the mention over a token (PER before ORG before LOC
before MISC), and the person tokens of a block. Guarantees: a token maps to at most one
mention; look-ups are by bisect, never a scan of all mentions.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import Iterable, Optional

from qawl.schema import Mention
from .config import MENTION_PRIORITY
from .tokens import _Block


class _MentionView:
    """Token -> mention look-ups of one document (mixed into ``_Extractor``)."""

    def _map_mentions(self, block: _Block) -> dict[int, Mention]:
        """Token index -> the mention over it, PER before ORG before LOC before MISC (the first of a rank)."""
        found: dict[int, Mention] = {}
        tokens = block.tokens
        if not self.mentions or not tokens:
            return found
        starts, ends = [token.start for token in tokens], [token.end for token in tokens]
        # mention by mention, in order, each over the tokens it overlaps (found by bisect):
        # every token sees its mentions in the same order as a scan per token would
        for mention in self._mentions_in(tokens[0].start, tokens[-1].end):
            first = bisect_right(ends, mention.start)
            for t in range(first, bisect_left(starts, mention.end, lo=first)):
                best = found.get(t)
                if best is None or MENTION_PRIORITY.get(mention.label, 9) < MENTION_PRIORITY.get(best.label, 9):
                    found[t] = mention
        return found

    def _mentions_in(self, start: int, end: int) -> Iterable[Mention]:
        mentions = self.mentions
        for i in range(bisect_right(self.mention_reach, start), len(mentions)):
            mention = mentions[i]
            if mention.start >= end:
                break
            if mention.end > start:
                yield mention

    def mention_at(self, b: int, t: int) -> Optional[Mention]:
        return self.token_mention[b].get(t)

    def _person_tokens(self, b: int) -> list[int]:
        """The tokens of block ``b`` under a person mention, in order (built on first use)."""
        people = self._people.get(b)
        if people is None:
            people = self._people[b] = sorted(t for t, m in self.token_mention[b].items() if m.label == "PER")
        return people

    def last_person(self, b: int, start: int, end: int) -> Optional[tuple[int, int]]:
        """The last person named in ``tokens[start:end]`` (from mentions), as a token range:
        from the last token under a person, back over the person tokens of that same mention."""
        people = self._person_tokens(b)
        at = bisect_left(people, end) - 1
        if at < 0 or people[at] < start:
            return None
        last, mention = people[at], self.mention_at(b, people[at])
        while at > 0 and people[at - 1] >= start and self.mention_at(b, people[at - 1]) is mention:
            at -= 1
        return people[at], last + 1
