"""The document's named-entity mentions as seen from its tokens.

Input: the mentions given to ``extract_quotes`` (any order, possibly overlapping) and the
blocks. Output: ``mention_at(b, t)``, the mention over a token (PER before ORG before LOC
before MISC), and the person tokens of a block. Guarantees: a token maps to at most one
mention; look-ups are by bisect, never a scan of all mentions.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from functools import cached_property
from typing import Iterable, Optional

from qawl.clean import match_form
from qawl.schema import Mention
from .config import MENTION_PRIORITY
from .lexical import _looks_adjective
from .tokens import _Block


class _MentionView:
    """Token -> mention look-ups of one document (mixed into ``_Extractor``)."""

    @cached_property
    def body_names(self) -> dict[tuple[str, ...], tuple[str, int]]:
        """The words (``match_form``) of each ORG name of the document -> its canonical name and how
        many mentions carry it."""
        names: dict[tuple[str, ...], tuple[str, int]] = {}
        for mention in self.mentions:
            if mention.label == "ORG":
                name = mention.canonical or mention.text
                key = tuple(match_form(name).split())
                names[key] = (names[key][0], names[key][1] + 1) if key in names else (name, 1)
        return names

    def fuller_body(self, name: str) -> Optional[str]:
        """``S-FULLEST-BODY``: the article's fuller name of a body that ``name`` (two words or more)
        opens, when the words it adds go on a name (an adjective: صندوق النقد | الدولي، وزارة العدل |
        السعودية; a لل complement: المجلس القومي | للطفولة والأمومة), not a tagger's run into the next
        words (سلطة الطاقة | الفلسطينية التنسيق، الاتحاد الأوروبي | فيديريكا موغيريني): the commonest
        such name (then the shortest), when every one of them opens the longest (one body); None when
        two differ (وزارة الخارجية → الأمريكية / الروسية) or none is fuller."""
        words = tuple(match_form(name).split())
        if len(words) < 2:
            return None
        longer = [key for key in self.body_names
                  if len(key) > len(words) and key[: len(words)] == words and _name_goes_on(key[len(words):])]
        if not longer:
            return None
        longest = max(longer, key=len)
        if any(longest[: len(key)] != key for key in longer):
            return None
        chosen = max(longer, key=lambda key: (self.body_names[key][1], -len(key)))
        return self.body_names[chosen][0]

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

    @cached_property
    def name_words(self) -> frozenset[str]:
        """Every word of the article's mentions, in matching form (ألميدا named once is a name everywhere)."""
        return frozenset(w for m in self.mentions for w in match_form(m.text).split())

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


def _name_goes_on(extra: tuple[str, ...]) -> bool:
    """Words that go on a body's name: at most three, each a definite adjective (الدولي، السعودية)
    or a لل complement (للسياحة) with the definite words that follow it (للطفولة والأمومة); not a
    definite noun after an adjective (الفلسطينية | التنسيق: the next clause)."""
    if not 1 <= len(extra) <= 3:
        return False
    genitive = False
    for key in extra:
        if key.startswith("لل") and len(key) > 3:
            genitive = True
        elif not (key.startswith("ال") and _looks_adjective(key)
                  or genitive and key.startswith(("ال", "وال"))):
            return False
    return True
