"""The token/blocks view of a cleaned document.

Input: a ``Document`` (cleaned text, tokens, blocks). Output: one ``_Block`` per document
block, holding its tokens (offsets into the cleaned text, matching form, word or mark, whether it
is an aside: a source's request not to be named, Q-ANONYMITY-ASIDE, or the name a source is
given, Q-CALLED-NAME) and
its quotation regions, each token knowing the region it lies in. Guarantees: tokens are
in text order and never cross a block; regions are the outermost quotations of the block;
the sentence ends of a block lie outside quotation marks. Read-only after it is built.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cached_property, lru_cache
from itertools import accumulate
from typing import Optional

from qawl.arabic import (
    ADVERBIAL_HEADS, COMMAS, CONJUNCTIONS_WAW_FA, PREPOSITIONS, QUOTE_MARKS as ALL_MARKS, TITLE_ABBREVIATIONS, anonymity_end,
    naming_end, word_key,
)
from qawl.cues import lookup_cue
from qawl.schema import Document, Span
from .config import MAX_CALLED_WORDS, MAX_INITIAL_LETTERS, MIN_BRACKET_WORDS
from .rules import rule_on

OPEN_MARKS = {"«": "»", "“": "”"}

CLOSE_MARKS = {"»": "«", "”": "“"}

STRAIGHT_MARK = '"'

# brackets that quote after a colon (B-COLON-BRACKET): قال تعالى: {…}، يقول الشاعر: (…)
BRACKET_PAIRS = {"(": ")", "{": "}", "[": "]"}

BRACKET_CLOSERS = frozenset(BRACKET_PAIRS.values())

WORD_RUN_RE = re.compile(r"[^\W_]+", re.UNICODE)

COLON_BRACKET_RE = re.compile(r":\s*([({\[])\1*")

MARK_RE = re.compile("[" + "".join(sorted(ALL_MARKS)) + "]")

SENTENCE_END = frozenset(".!?؟…")

STRAY_CLOSE_FOLLOWERS = frozenset(".,،؛;!?؟)…\n")

WORD_RE = re.compile(r"[^\W_]", re.UNICODE)

DIGIT_RE = re.compile(r"^\d")

LATIN_RE = re.compile(r"[A-Za-z]")


@lru_cache(maxsize=200_000)
def _key(word: str) -> str:
    return word_key(word)  # the matching form; إمام keeps its hamza (not أمام)


@lru_cache(maxsize=200_000)
def _token_shape(text: str) -> tuple[str, bool]:
    """A token text's matching form and whether it holds a letter or digit (cached: words repeat)."""
    return _key(text), bool(WORD_RE.search(text))


@dataclass
class _Token:
    start: int
    end: int
    text: str
    key: str
    is_word: bool
    region: int = -1  # index of the quotation region holding the token, -1 outside
    aside: str = ""  # the id of the aside it is in: Q-ANONYMITY-ASIDE (a request not to be named) or Q-CALLED-NAME


@dataclass
class _Region:
    start: int  # offset of the opening mark
    end: int  # offset just after the closing mark (block end when unbalanced)
    balanced: bool
    first: int = -1  # first token index inside the marks
    last: int = -1  # last token index inside the marks (inclusive)
    open_token: int = -1
    close_token: int = -1
    rules: tuple[str, ...] = ()  # the B- rules that read its marks (B-STRAY-STRAIGHT-MARK, B-REVERSED-GUILLEMET, B-NESTED-STRAIGHT-MARKS)

    @property
    def words(self) -> int:
        return max(0, self.last - self.first + 1) if self.first >= 0 else 0


def quote_regions(text: str, start: int = 0, end: Optional[int] = None,
                  notes: Optional[list[tuple[str, int]]] = None) -> list[tuple[int, int, bool]]:
    """Outermost quotation regions of ``text[start:end]`` as (start, end, balanced).

    Guillemets and curly quotes pair with their partner, straight quotes toggle;
    an opening mark left unclosed runs to ``end`` and is reported unbalanced; a
    stray closing mark opens a quotation right after a colon and is ignored elsewhere, as is a
    straight mark with none open that can only close (``B-STRAY-STRAIGHT-MARK``). An opening
    guillemet or curly mark typed again while one is open, with no word right after it, closes it
    (``B-REVERSED-GUILLEMET``). Straight marks nest when reading them by their side closes them all
    (``B-NESTED-STRAIGHT-MARKS``). ``notes``, when given, gets (rule id, offset of the mark) of each.
    """
    end = len(text) if end is None else end
    stack: list[tuple[str, int]] = []
    regions = []
    nested = _nested_straight_openers(text, start, end) if rule_on("B-NESTED-STRAIGHT-MARKS") else frozenset()
    for mark in MARK_RE.finditer(text, start, end):  # only the marks matter: jump between them
        offset, char = mark.start(), mark.group()
        if char in OPEN_MARKS and stack and stack[-1][0] == char and _ends_word_run(text, offset, end) \
                and rule_on("B-REVERSED-GUILLEMET"):
            if len(stack) == 1:  # «تنظيم داعش ليس مجرد عصابة « لهذا: the opening mark typed for the closing one
                regions.append((stack[0][1], offset + 1, True))
            stack.pop()
            if notes is not None:
                notes.append(("B-REVERSED-GUILLEMET", offset))
        elif char in OPEN_MARKS:
            stack.append((char, offset))
        elif char in CLOSE_MARKS:
            opener = CLOSE_MARKS[char]
            depth = next((i for i in range(len(stack) - 1, -1, -1) if stack[i][0] == opener), None)
            if depth is None:
                if text[max(start, offset - 3) : offset].rstrip().endswith(":"):
                    stack.append((opener, offset))  # قال :” لست قلقا”: a closing mark typed for the opening one
                continue
            if depth == 0:
                regions.append((stack[0][1], offset + 1, True))
            del stack[depth:]
        elif stack and stack[-1][0] == STRAIGHT_MARK and offset in nested:
            stack.append((STRAIGHT_MARK, offset))  # "يسلط الإصدار الثالث لـ "مؤشر ماستركارد" الضوء": a quotation inside
            if notes is not None:
                notes.append(("B-NESTED-STRAIGHT-MARKS", offset))
        elif stack and stack[-1][0] == STRAIGHT_MARK:
            if len(stack) == 1:
                regions.append((stack[0][1], offset + 1, True))
            stack.pop()
        elif not stack and _closes_word(text, offset, start, end) and rule_on("B-STRAY-STRAIGHT-MARK"):
            if notes is not None:
                notes.append(("B-STRAY-STRAIGHT-MARK", offset))
            continue  # … أين العقل؟". with no mark before: a closing mark that opens nothing
        else:
            stack.append((STRAIGHT_MARK, offset))
    if stack:
        cut = _narration_after_unclosed(text, stack[0][1], end)
        regions.append((stack[0][1], cut or end, False))
        if cut is not None:  # the narrator's sentences after it may hold quotations of their own
            if notes is not None:
                notes.append(("B-UNCLOSED-NARRATION", cut - 1))
            regions += quote_regions(text, cut, end, notes)
    return regions


SENTENCE_BREAK_RE = re.compile(r"(?<![.])[.!?؟](?![.])\s+")


def _narration_after_unclosed(text: str, start: int, end: int) -> Optional[int]:
    """``B-UNCLOSED-NARRATION``: the offset where a quotation opened at ``start`` and never closed ends: right
    after the first sentence end followed by the narrator's next sentence (. وأشار رونالدو إلى، . من جانبه
    أوضح المدير), which no speaker's own words open; None when there is none."""
    if not rule_on("B-UNCLOSED-NARRATION"):
        return None
    for stop in SENTENCE_BREAK_RE.finditer(text, start + 1, end):
        if _opens_narration(WORD_RUN_RE.findall(text, stop.end(), min(end, stop.end() + 80))[:4]):
            return stop.start() + 1
    return None


def _opens_narration(words: list[str]) -> bool:
    """و / ف + a third-person past cue verb (وقال، وأكد), or one after an adverbial phrase (من جانبه أوضح، بدوره
    قال): a sentence that reports someone in the third person, the narrator's."""
    keys = [word_key(w) for w in words]
    if len(keys) >= 3 and keys[0] in PREPOSITIONS | {c + p for c in CONJUNCTIONS_WAW_FA for p in PREPOSITIONS} \
            and keys[1] in ADVERBIAL_HEADS:
        keys = keys[2:]
    elif len(keys) >= 2 and keys[0] in ADVERBIAL_HEADS:
        keys = keys[1:]
    elif not keys or keys[0][:1] not in CONJUNCTIONS_WAW_FA:
        return False
    entry, _ = lookup_cue(keys[0]) if keys else (None, "")
    return entry is not None and entry.kind == "verb" and entry.tense == "past" and entry.person == 3


def _ends_word_run(text: str, offset: int, end: int) -> bool:
    """Nothing of a word right after the mark at ``offset``: a space, a punctuation mark or the block end."""
    after = text[offset + 1] if offset + 1 < end else ""
    return after == "" or after.isspace() or after in STRAY_CLOSE_FOLLOWERS


def _nested_straight_openers(text: str, start: int, end: int) -> frozenset[int]:
    """``B-NESTED-STRAIGHT-MARKS``: the straight marks of ``text[start:end]`` that open a quotation inside
    another, when reading each mark by its side (after a space and before a letter it opens; after a word
    and before a space or a punctuation mark it closes; else it toggles) nests them and closes every one
    of them; empty otherwise (the marks then toggle)."""
    depth, nested = 0, []
    for offset in (m.start() for m in re.finditer(STRAIGHT_MARK, text[start:end])):
        offset += start
        before = text[offset - 1] if offset > start else " "
        if before.isspace() and WORD_RE.match(text[offset + 1] if offset + 1 < end else ""):
            depth += 1
            if depth > 1:
                nested.append(offset)
        elif not before.isspace() and _ends_word_run(text, offset, end):
            if depth == 0:
                return frozenset()
            depth -= 1
        else:
            depth += -1 if depth else 1
    return frozenset(nested) if depth == 0 else frozenset()


def _closes_word(text: str, offset: int, start: int, end: int) -> bool:
    """A straight mark that can only close: right after a word or a mark and right before a
    punctuation mark or the block end (أين العقل؟".), never before a space (قالت:" خاطبت opens)."""
    before = text[offset - 1] if offset > start else " "
    after = text[offset + 1] if offset + 1 < end else ""
    return not before.isspace() and (after == "" or after in STRAY_CLOSE_FOLLOWERS)


@dataclass
class _Block:
    span: Span
    tokens: list[_Token]
    regions: list[_Region]

    # indexes built on first use: a walk to a sentence's edge becomes a bisect (a one-line
    # page is one block of thousands of cues, each walking its whole sentence)

    @cached_property
    def opening(self) -> dict[int, int]:
        """Token index -> index of the (first) region that token opens."""
        found: dict[int, int] = {}
        for index, region in enumerate(self.regions):
            found.setdefault(region.open_token, index)
        return found

    @cached_property
    def closing(self) -> dict[int, _Region]:
        """Token index -> the (first) region that token closes."""
        found: dict[int, _Region] = {}
        for region in self.regions:
            found.setdefault(region.close_token, region)
        return found

    @cached_property
    def sentence_ends(self) -> list[int]:
        """Tokens that end a sentence outside quotation marks, in order."""
        tokens = self.tokens
        return [t for t, token in enumerate(tokens)
                if token.text in SENTENCE_END and token.region < 0 and _ends_sentence(tokens, t)]

    @cached_property
    def words_before(self) -> list[int]:
        """``words_before[t]``: how many word tokens come before token ``t``."""
        return [0, *accumulate(token.is_word for token in self.tokens)]

    def word_count(self, start: int, end: int) -> int:
        """``sum(token.is_word for token in tokens[start:end])`` for ``0 <= start``."""
        end = min(end, len(self.tokens))
        return self.words_before[end] - self.words_before[start] if start < end else 0

    @cached_property
    def conjoined_cues(self) -> list[int]:
        """Tokens read as a conjunction + cue (وقال), in order."""
        return [t for t, token in enumerate(self.tokens) if lookup_cue(token.key)[1]]

    @cached_property
    def colons_and_open_marks(self) -> list[int]:
        """Colons and quotation marks outside any quotation, in order."""
        return [t for t, token in enumerate(self.tokens)
                if token.text == ":" or (token.text in ALL_MARKS and token.region < 0)]


def _first_in(indices: list[int], start: int, end: int) -> Optional[int]:
    """The first of the sorted ``indices`` in ``[start, end)``, or None."""
    at = bisect_left(indices, start)
    return indices[at] if at < len(indices) and indices[at] < end else None


def _block_tokens(doc: Document, block: Span, cursor: int) -> tuple[list[_Token], int]:
    tokens, spans = [], doc.tokens
    while cursor < len(spans) and spans[cursor].start < block.end:
        span = spans[cursor]
        hashtag = span.text == "#" and cursor + 1 < len(spans) and spans[cursor + 1].start == span.end
        if span.start >= block.start and not hashtag:  # أنور #قرقاش: a hashtag's mark is no word boundary
            tokens.append(_Token(span.start, span.end, span.text, *_token_shape(span.text)))
        cursor += 1
    return tokens, cursor


def colon_bracket_regions(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """``B-COLON-BRACKET``: brackets opened right after a colon and closed in the block quote the words
    between them (قال تعالى: {…}، العرب تقول: (شر البليّة ما يُضحك)، مستشهدا بقوله تعالى: ((…))), as
    (start, end) offsets of the opening run and just after its closing run; not a bracketed label
    of one word (التالي: (1) …), nor brackets the sentence goes on after (جاء في الحديث: (…) في شأن …)."""
    found = []
    for match in COLON_BRACKET_RE.finditer(text, start, end):
        opener = match.group(1)
        closer, depth, offset = BRACKET_PAIRS[opener], 0, match.start(1)
        while offset < end:
            char = text[offset]
            depth += (char == opener) - (char == closer)
            offset += 1
            if depth == 0:
                break
        after = WORD_RE.match(text[offset:end].lstrip()[:1])  # (…) في شأن …: the brackets go on with the sentence
        if depth == 0 and not after and len(WORD_RUN_RE.findall(text, match.end(), offset)) >= MIN_BRACKET_WORDS:
            found.append((match.start(1), offset))
    return found


def _merge_bracket_regions(marks: list[tuple[int, int, bool]],
                           brackets: list[tuple[int, int]]) -> tuple[list[tuple[int, int, bool]], set[int]]:
    """The outermost of the quotation-mark and colon-bracket regions, in order, and the starts of the
    bracket regions kept: a bracket inside quotation marks is theirs; marks inside brackets are the
    brackets'; a bracket region that a quotation crosses is dropped."""
    kept = [(s, e) for s, e in brackets
            if not any(ms <= s < me or s < ms < e < me for ms, me, _ in marks)]
    kept = [(s, e) for s, e in kept if not any((os, oe) != (s, e) and os <= s and e <= oe for os, oe in kept)]
    outer = [m for m in marks if not any(s <= m[0] and m[1] <= e for s, e in kept)]
    return sorted(outer + [(s, e, True) for s, e in kept]), {s for s, _ in kept}


def _attach_regions(block: Span, tokens: list[_Token], text: str) -> list[_Region]:
    notes: list[tuple[str, int]] = []
    spans = quote_regions(text, block.start, block.end, notes)
    bracketed: set[int] = set()
    if rule_on("B-COLON-BRACKET"):
        spans, bracketed = _merge_bracket_regions(spans, colon_bracket_regions(text, block.start, block.end))
    regions = [_Region(s, e, b) for s, e, b in spans]
    for region in regions:
        region.rules = tuple(dict.fromkeys(
            rule for rule, offset in notes
            if (rule == "B-STRAY-STRAIGHT-MARK" and offset < region.start) or offset == region.end - 1
            or (rule == "B-NESTED-STRAIGHT-MARKS" and region.start < offset < region.end)))
    for region in regions:
        if region.start in bracketed:
            region.rules = ("B-COLON-BRACKET",)
    starts = [token.start for token in tokens]
    for index, region in enumerate(regions):
        # only tokens starting within [region.start, region.end] can open it or lie inside it
        first, last = bisect_left(starts, region.start), bisect_right(starts, region.end)
        for t in range(first, last):
            token = tokens[t]
            if token.start == region.start:
                region.open_token = t
            elif region.start < token.start and token.end <= region.end:
                closing = token.text in ALL_MARKS or (region.start in bracketed and token.text[-1:] in BRACKET_CLOSERS)
                if closing and token.end == region.end and region.balanced:
                    region.close_token = t
                    continue
                token.region = index
                region.first = t if region.first < 0 else region.first
                region.last = t
    return regions


def _blocks(doc: Document) -> list[_Block]:
    blocks, cursor = [], 0
    for block in doc.blocks:
        tokens, cursor = _block_tokens(doc, block, cursor)
        regions = _attach_regions(block, tokens, doc.text)
        _mark_asides(tokens)
        blocks.append(_Block(block, tokens, regions))
    return blocks


def _mark_asides(tokens: list[_Token]) -> None:
    """Asides: no cue, no part of a speaker, skipped before the words.

    ``Q-ANONYMITY-ASIDE``: a source's request not to be named (مسؤول | طلب عدم نشر اسمه | إن،
    رافضا ذكر اسمه:). ``Q-CALLED-NAME``: the name a description is given (أحد الناشطين، | ويدعى
    محمود الشيباني |، إن; رجل | يدعى دجين): يدعى there is "is called", never ادعى "claimed"."""
    anonymity, naming = rule_on("Q-ANONYMITY-ASIDE"), rule_on("Q-CALLED-NAME")
    if not (anonymity or naming):
        return
    keys = [token.key for token in tokens]
    written = [token.text for token in tokens]
    words = [token.is_word for token in tokens]
    t = 0
    while t < len(tokens):
        end, rule = t, ""
        if tokens[t].region < 0:
            end, rule = (anonymity_end(keys, t) if anonymity else t), "Q-ANONYMITY-ASIDE"
            if end == t and naming:
                end, rule = naming_end(written, keys, words, t, MAX_CALLED_WORDS), "Q-CALLED-NAME"
        for k in range(t, end):
            tokens[k].aside = rule
        t = max(end, t + 1)


def _is_decimal_point(tokens: list[_Token], t: int) -> bool:
    """1.2: a dot glued between digits is part of a number, never a full stop."""
    return (
        tokens[t].text == "."
        and 0 < t < len(tokens) - 1
        and tokens[t - 1].end == tokens[t].start
        and tokens[t + 1].start == tokens[t].end
        and tokens[t - 1].text[-1:].isdigit()
        and tokens[t + 1].text[:1].isdigit()
    )


def _ends_sentence(tokens: list[_Token], t: int) -> bool:
    return tokens[t].text in SENTENCE_END and not _is_decimal_point(tokens, t) and not _is_title_abbreviation(tokens, t) \
        and not _is_initialism_dot(tokens, t)


def _is_initialism_dot(tokens: list[_Token], t: int) -> bool:
    """إيه.بي.سي، إي.واي: a dot glued between two short letter groups spells out a name, one between two Latin
    words is a web address (LFCA.RSLF.GOV.SA); a run-on "الاجتماع.وقال" (a missing space after a full stop) has a
    longer Arabic word on one side."""
    if tokens[t].text != "." or not 0 < t < len(tokens) - 1:
        return False
    left, right = tokens[t - 1], tokens[t + 1]
    glued = left.end == tokens[t].start and right.start == tokens[t].end and left.is_word and right.is_word
    if glued and left.text.isascii() and right.text.isascii():
        return True  # LFCA.RSLF.GOV.SA، bbc.com: a web address, never a full stop
    return (
        glued
        and len(left.text) <= MAX_INITIAL_LETTERS
        and len(right.text) <= MAX_INITIAL_LETTERS
        and not DIGIT_RE.match(left.text)
        and not DIGIT_RE.match(right.text)
        and lookup_cue(right.key)[0] is None
    )


def _is_title_abbreviation(tokens: list[_Token], t: int) -> bool:
    """د. بدر، م. خالد: the dot after a one-letter title closes the abbreviation, not the sentence."""
    return (
        tokens[t].text == "."
        and 0 < t < len(tokens) - 1
        and tokens[t - 1].end == tokens[t].start
        and tokens[t - 1].key in TITLE_ABBREVIATIONS
        and (t < 2 or (tokens[t - 2].end < tokens[t - 1].start and not DIGIT_RE.match(tokens[t - 2].text)))
        and tokens[t + 1].is_word  # not "عام 2015 م." (the era), which ends a sentence
    )


def _is_ellipsis(tokens: list[_Token], t: int) -> bool:
    """".." inside a sentence (سوريا.. ولا) is a pause, not a full stop."""
    return tokens[t].text == "." and (
        (t + 1 < len(tokens) and tokens[t + 1].text == "." and tokens[t + 1].start == tokens[t].end)
        or (t > 0 and tokens[t - 1].text == "." and tokens[t - 1].end == tokens[t].start)
    )
