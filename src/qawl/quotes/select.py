"""Selection and deduplication of candidates.

Input: candidates in any order. Output: ``_select``, the accepted ones: each content bounded
(a quotation region, else ``_content_end``), candidates without words dropped, a cue inside
an accepted quote's words kept only as its embedded source, one of two contents that
overlap by half or more, and one of a statement the layout repeats (``_drop_repeats``).
Guarantees: the result is in reading order; no two accepted contents overlap by
``OVERLAP_DUPLICATE`` of the shorter; every check is by bisect, not quadratic.
"""
from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from itertools import accumulate
from typing import Optional, Sequence, TYPE_CHECKING

from qawl.arabic import ANAPHORIC_OBJECTS, CLAIM_NOUNS, CLAIM_TRUTH_NOUNS, COMPLEMENTISERS
from .candidate import _Candidate
from .config import MAX_CLAIM_OBJECT_WORDS, OVERLAP_DUPLICATE, REPEAT_SHARE
from .content_end import _content_end
from .rules import rule_on
from .tokens import _Block

if TYPE_CHECKING:  # only for annotations: the extractor imports this module
    from .extractor import _Extractor


def _select(ex: _Extractor, candidates: list[_Candidate]) -> list[_Candidate]:
    """Bound every content, drop cues nested in an accepted quote, keep one of duplicates."""
    candidates.sort(key=lambda c: (c.yields, c.block, min(c.start_token, c.cue[0])))  # weak readings last
    stops: dict[int, list[int]] = {}  # sorted: the candidates are in order within a block
    for c in candidates:
        if c.boundary:
            stops.setdefault(c.block, []).append(min(c.start_token, c.cue[0]))
    accepted: list[_Candidate] = []
    # accepted quotes by the block of their words: _inside and _overlaps only hold within one
    accepted_in: dict[int, _AcceptedIndex] = {}
    for c in candidates:
        if c.region >= 0:
            region = ex.blocks[c.block].regions[c.region]
            c.content_start, c.content_end = region.first, region.last + 1
        elif c.content_end < 0:
            c.content_end = _content_end(ex, c, stops.get(c.block, []))
        if c.content_end <= c.content_start or not _has_words(ex.blocks[c.text_block], c.content_start, c.content_end):
            continue
        if _names_claims_only(ex.blocks[c.text_block], c) or _points_back_only(ex.blocks[c.text_block], c):
            if c.speaker is not None and (c.block, c.speaker, c.entry) not in ex.loose_agents:
                ex.loose_agents.append((c.block, c.speaker, c.entry))  # still the subject of a later "she"
            continue  # ونفى ترامب هذه المزاعم: the claims are named, not told
        own = accepted_in.get(c.block)
        container = own.container(c) if own is not None else None
        if container is not None:
            if c.speaker and not container.embedded and c.speaker[0] >= container.content_start:
                container.embedded = ex.speaker_text(c)
            continue
        index = accepted_in.setdefault(c.text_block, _AcceptedIndex())
        if index.overlapping(c):
            continue
        index.add(c)
        accepted.append(c)
    accepted.sort(key=lambda c: (c.block, min(c.start_token, c.cue[0])))
    return _drop_repeats(ex, accepted)


def _has_words(block: _Block, start: int, end: int) -> bool:
    """Whether ``block.tokens[start:end]`` holds a word (a count, not a copy of the slice)."""
    if start < 0:  # a negative start slices from the end
        return any(t.is_word for t in block.tokens[start:end])
    return block.word_count(start, end) > 0


def _names_claims_only(block: _Block, c: _Candidate) -> bool:
    """``Q-CLAIMS-NAMED``: an object or prepositional content of a few words, one of its first three a
    plural claim noun (الاتهامات، هذه المزاعم، جميع التهم، الاتهامات الموجهة إليه), without a that-clause or
    quotation and not after صحة: it names the claims the article told, it tells no words of the speaker's.
    Data: report_words.json claim_nouns, claim_truth_nouns."""
    if c.method not in ("obj", "prep") or not rule_on("Q-CLAIMS-NAMED"):
        return False
    tokens = block.tokens[c.content_start : c.content_end]
    words = [t for t in tokens if t.is_word]
    if not words or len(words) > MAX_CLAIM_OBJECT_WORDS or words[0].key in CLAIM_TRUTH_NOUNS:
        return False
    if any(t.key in COMPLEMENTISERS or t.region >= 0 for t in tokens):
        return False
    return any(w.key in CLAIM_NOUNS for w in words[:3])


def _points_back_only(block: _Block, c: _Candidate) -> bool:
    """``Q-ANAPHORIC-CONTENT``: an object or prepositional content that is one demonstrative (ولكنه ينفي ذلك،
    ووزارة الداخلية إذ تعلن عن ذلك) points back at what the narrator told: no words of the speaker's.
    Data: clause_words.json anaphoric_objects."""
    if c.method not in ("obj", "prep") or not rule_on("Q-ANAPHORIC-CONTENT"):
        return False
    words = [t for t in block.tokens[c.content_start : c.content_end] if t.is_word]
    return len(words) == 1 and words[0].key in ANAPHORIC_OBJECTS and words[0].region < 0


def _inside(c: _Candidate, a: _Candidate) -> bool:
    position = min(c.start_token, c.cue[0])
    return c.block == a.text_block and a.content_start <= position < a.content_end and not c.boundary


def _overlaps(c: _Candidate, a: _Candidate) -> bool:
    shared = min(c.content_end, a.content_end) - max(c.content_start, a.content_start)
    shortest = min(c.content_end - c.content_start, a.content_end - a.content_start)
    return shared > 0 and shared >= OVERLAP_DUPLICATE * shortest


class _AcceptedIndex:
    """The accepted quotes of one block, sorted by where their content starts.

    No two of them overlap by half of the shorter (``_overlaps`` would have dropped
    one), so none holds another, their ends are sorted like their starts, and a token
    lies in at most two of them. A check then reads the one or two neighbours that
    bisect finds instead of every accepted quote of the block (quadratic on a one-line
    page with thousands of cues).
    """

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.quotes: list[tuple[int, _Candidate]] = []  # (order of acceptance, quote), by start

    def add(self, c: _Candidate) -> None:
        at = bisect_right(self.starts, c.content_start)
        self.starts.insert(at, c.content_start)
        self.quotes.insert(at, (len(self.quotes), c))

    def container(self, c: _Candidate) -> Optional[_Candidate]:
        """The first accepted quote (in order of acceptance) that ``c``'s cue is ``_inside``."""
        if c.boundary:
            return None
        position = min(c.start_token, c.cue[0])
        holders = []
        for at in range(bisect_right(self.starts, position) - 1, -1, -1):
            order, a = self.quotes[at]
            if a.content_end <= position:
                break  # the ends are sorted: every earlier quote ends before too
            holders.append((order, a))
        return min(holders, key=lambda pair: pair[0])[1] if holders else None

    def overlapping(self, c: _Candidate) -> bool:
        """Whether ``c``'s content ``_overlaps`` an accepted one."""
        for at in range(bisect_left(self.starts, c.content_end) - 1, -1, -1):
            a = self.quotes[at][1]
            if a.content_end <= c.content_start:
                return False  # the ends are sorted: no earlier quote reaches c
            if _overlaps(c, a):
                return True
        return False


def _drop_repeats(ex: _Extractor, accepted: list[_Candidate]) -> list[_Candidate]:
    """A statement repeated by the layout (a caption twice, a lead paragraph echoed) is one quote.

    A repeat has the same cue lemma and nearly the same words; the same fact
    reported through another cue (أعلن ... / بحسب ما أفاد ...) stays.
    """
    kept, seen = [], {}  # seen: the word sets of the kept quotes, by cue lemma
    where: dict[str, list[int]] = {}  # by cue lemma: the position in ``kept`` of each indexed set
    for c in accepted:
        tokens = ex.blocks[c.text_block].tokens[c.content_start : c.content_end]
        words = {t.key for t in tokens if t.is_word}
        index = seen.setdefault(c.entry.lemma, _WordSetIndex())
        found = index.repeat_of(words)
        if found is not None:
            position = where[c.entry.lemma][found]
            if _names_the_headlines_speaker(kept[position], c):
                c.rules += ("Q-REPEAT-NAMED",)
                kept[position] = c  # ميركل تقول إنها تحترم قراره / وقالت المستشارة ميركل إنها تحترم قراره
            continue
        index.add(words)
        where.setdefault(c.entry.lemma, []).append(len(kept))
        kept.append(c)
    return kept


def _names_the_headlines_speaker(kept: _Candidate, repeat: _Candidate) -> bool:
    """``Q-REPEAT-NAMED``: a headline statement repeated in the body with a speaker phrase: the
    body's words are the quote, so that its speaker is the one the body names (a headline's
    subject is often clipped or run into its topic)."""
    return rule_on("Q-REPEAT-NAMED") and kept.text_block == 0 and repeat.text_block > 0 \
        and repeat.speaker is not None


class _WordSetIndex:
    """Word sets with a look-up of the ones a new set ``_repeats``, without reading them all.

    A repeat shares at least ``ceil(REPEAT_SHARE * len(words))`` words, so it holds at
    least one of any ``len(words) - that + 1`` words of the new set: only the sets that
    hold one of its rarest words so far are compared (as in set-similarity joins).
    """

    def __init__(self) -> None:
        self.sets: list[set[str]] = []
        self.holding: dict[str, list[int]] = {}  # word -> indices of the sets that hold it

    def add(self, words: set[str]) -> None:
        for word in words:
            self.holding.setdefault(word, []).append(len(self.sets))
        self.sets.append(words)

    def repeated(self, words: set[str]) -> bool:
        return self.repeat_of(words) is not None

    def repeat_of(self, words: set[str]) -> Optional[int]:
        """The index of a set that ``words`` repeats, or None."""
        if not words:
            return next((i for i, other in enumerate(self.sets) if _repeats(words, other)), None)
        probes = len(words) - math.ceil(REPEAT_SHARE * len(words)) + 1
        rarest = sorted((self.holding.get(word, ()) for word in words), key=len)[:probes]
        compared: set[int] = set()
        for holders in rarest:
            for i in holders:
                if i not in compared:
                    compared.add(i)
                    if _repeats(words, self.sets[i]):
                        return i
        return None


def _repeats(words: set[str], other: set[str]) -> bool:
    most = REPEAT_SHARE * max(len(words), len(other))
    # the sizes alone rule most pairs out before the intersection is built
    return min(len(words), len(other)) >= most and len(words & other) >= most


class _QuotedTokens:
    """Whether a token lies inside an accepted quote's words, by bisect within its block."""

    def __init__(self, accepted: Sequence[_Candidate], after: int = 0):
        spans: dict[int, list[tuple[int, int]]] = {}
        for c in accepted:  # with ``after``, that many tokens past the words count too
            spans.setdefault(c.text_block, []).append((c.content_start, c.content_end + after))
        # per block, in order of start: starts, ends and the furthest end so far
        self.blocks = {}
        for b, ranges in spans.items():
            ranges.sort()
            ends = [e for _, e in ranges]
            self.blocks[b] = ([s for s, _ in ranges], ends, list(accumulate(ends, max)))

    def holds(self, b: int, t: int) -> bool:
        if b not in self.blocks:
            return False
        starts, ends, reach = self.blocks[b]
        for i in range(bisect_right(starts, t) - 1, -1, -1):
            if reach[i] <= t:
                return False  # no quote starting this early reaches t
            if t < ends[i]:
                return True
        return False
