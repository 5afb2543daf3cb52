"""Quote extraction and attribution: who said what, as citron-style spans.

A quote is a ``cue`` (the reporting word), a ``content`` span and a ``speaker``.
The extractor is rule based and works on the cleaned ``Document``:

1. quotation-mark regions per paragraph (« » “ ” and straight quotes, nested or
   unbalanced);
2. cue candidates from the lexicon (``qawl.cues``: every inflection of قال,
   أكد, أشار إلى ...), each parsed into speaker (VSO: the noun phrase after the
   verb; SVO: the one before it; pro-drop: none) and a terminal (a complementiser
   إن/أن, a colon, a quotation, or the preposition/object the verb takes);
3. attribution phrases (بحسب / وفقا لـ / نقلا عن X) and headline forms
   (``المتحدث: قول``);
4. content boundaries: to the end of the sentence, a clause stopper (، في حين)
   or the next accepted cue; cues inside another quote's content are nested
   sources, not quotes;
5. speaker resolution in reading order: named entities (when ``mentions`` are
   given), titles, descriptive noun phrases and dropped subjects, with
   gender/number agreement read off the cue's inflection.
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Iterable, Optional, Sequence

from qawl.clean import match_form
from qawl.cues import CueEntry, Lexicon, cue_entry, load_cues, lookup_cue
from qawl.schema import Document, Mention, Quote, Span, make_span

logger = logging.getLogger(__name__)

# --- marks and function words (matching form) -----------------------------------

OPEN_MARKS = {"«": "»", "“": "”"}
CLOSE_MARKS = {"»": "«", "”": "“"}
STRAIGHT_MARK = '"'
ALL_MARKS = frozenset('«»“”"')
SENTENCE_END = frozenset(".!?؟…")
COMMAS = frozenset("،,")
WORD_RE = re.compile(r"[^\W_]", re.UNICODE)
DIGIT_RE = re.compile(r"^\d")
LATIN_RE = re.compile(r"[A-Za-z]")

COMPLEMENTISERS = frozenset(
    "ان انه انها انهم انهما اننا انني اني بان بانه بانها بانهم بانهما باننا".split()
)
# "أن" after these is the narrator's conjunction (رغم أن، إلا أن، مع العلم بأن), not a complementiser.
NARRATOR_BEFORE_COMPLEMENTISER = frozenset(
    "العلم علما رغم بالرغم برغم غير الا بعد قبل حيث حين لاجل دون بدون مجرد لو ولو منذ الي".split()
)
PREPOSITIONS = frozenset(
    "في من الي علي عن مع خلال اثناء عبر امام لدي حول بشان ضمن بعد قبل عقب منذ حتي نحو تجاه ازاء "
    "عند وسط حيال بسبب جراء بين فيما لدى اثر".split()
)
TIME_WORDS = frozenset(
    "اليوم امس غدا الاحد الاثنين الثلاثاء الاربعاء الخميس الجمعه السبت صباح مساء يوم ليل ليله "
    "الليله مؤخرا ايضا حاليا سابقا لاحقا وقتها يومها حينها اخيرا مجددا كذلك بدوره بدورها".split()
)
PARTICLES = frozenset(
    "قد لقد لا لم لن ما لما كما فيما بينما ثم حيث اذ اذا لكن ولكن كان كانت وكان وكانت فان وان "
    "ان ايضا قبل هو هي هم وهو وهي".split()
)
RELATIVES = frozenset("الذي التي الذين اللذين اللتين اللاتي اللواتي ما مما عما".split())
# Words after which a verb starts its own clause (VSO) rather than following its subject.
CLAUSE_OPENERS = frozenset(
    "و ف كما فيما بينما ثم وقد قد لقد فقد حيث كذلك وكذلك وكما اذ فيما بعدما عندما حين لكن ولكن "
    "بل كذلك ايضا".split()
)
# Words that end a subject scanned backwards: it starts right after them.
SUBJECT_OPENERS = frozenset(
    "كان كانت وكان وكانت فان وان ان لكن ولكن بينما فيما حين حيث اذ كما ثم بل اما واما".split()
)
# First word after a comma that closes an indirect quote's content.
CLAUSE_STOPPERS = frozenset("بينما وذلك ذلك وسط عقب وفقا وفق بحسب حسب حسبما طبقا نقلا".split())
CLAUSE_STOPPER_PAIRS = frozenset({("في", "حين"), ("في", "اشاره"), ("علي", "حد"), ("في", "وقت")})
DEMONSTRATIVES = frozenset("هذا هذه هؤلاء ذلك تلك".split())
CONTENT_OPENERS = frozenset("فان فقد فان وان ان".split())

MAX_SPEAKER_WORDS = 10
MAX_SUBJECT_WORDS = 8
TERMINAL_WINDOW = 30
FRAME_WINDOW = 14
MIN_SPEECH_WORDS = 4
MAX_NAME_WORDS = 4
MAX_HEADLINE_SPEAKER_WORDS = 5
MAX_HEADLINE_WORDS = 30
MAX_APPOSITION_GAP = 12
OVERLAP_DUPLICATE = 0.5
MENTION_PRIORITY = {"PER": 0, "ORG": 1, "LOC": 2, "MISC": 3}

# Confidence by how the content was found (before the cue's own strength).
BASE_CONFIDENCE = {
    "quote": 0.95,
    "colon": 0.85,
    "that": 0.9,
    "prep": 0.7,
    "obj": 0.55,
    "attribution": 0.7,
    "headline": 0.75,
    "after_quote": 0.8,
}
UNBALANCED_PENALTY = 0.6
PRONOUN_PENALTY = 0.9
NO_SPEAKER_PENALTY = 0.7


@lru_cache(maxsize=200_000)
def _key(word: str) -> str:
    return match_form(word)


# --- tokens and quotation regions -------------------------------------------------


@dataclass
class _Token:
    start: int
    end: int
    text: str
    key: str
    is_word: bool
    region: int = -1  # index of the quotation region holding the token, -1 outside


@dataclass
class _Region:
    start: int  # offset of the opening mark
    end: int  # offset just after the closing mark (block end when unbalanced)
    balanced: bool
    first: int = -1  # first token index inside the marks
    last: int = -1  # last token index inside the marks (inclusive)
    open_token: int = -1
    close_token: int = -1

    @property
    def words(self) -> int:
        return max(0, self.last - self.first + 1) if self.first >= 0 else 0


def quote_regions(text: str, start: int = 0, end: Optional[int] = None) -> list[tuple[int, int, bool]]:
    """Outermost quotation regions of ``text[start:end]`` as (start, end, balanced).

    Guillemets and curly quotes pair with their partner, straight quotes toggle;
    an opening mark left unclosed runs to ``end`` and is reported unbalanced; a
    stray closing mark is ignored.
    """
    end = len(text) if end is None else end
    stack: list[tuple[str, int]] = []
    regions = []
    for offset in range(start, end):
        char = text[offset]
        if char not in ALL_MARKS:
            continue
        if char in OPEN_MARKS:
            stack.append((char, offset))
        elif char in CLOSE_MARKS:
            opener = CLOSE_MARKS[char]
            depth = next((i for i in range(len(stack) - 1, -1, -1) if stack[i][0] == opener), None)
            if depth is None:
                continue
            if depth == 0:
                regions.append((stack[0][1], offset + 1, True))
            del stack[depth:]
        elif stack and stack[-1][0] == STRAIGHT_MARK:
            if len(stack) == 1:
                regions.append((stack[0][1], offset + 1, True))
            stack.pop()
        else:
            stack.append((STRAIGHT_MARK, offset))
    if stack:
        regions.append((stack[0][1], end, False))
    return regions


@dataclass
class _Block:
    span: Span
    tokens: list[_Token]
    regions: list[_Region]


def _block_tokens(doc: Document, block: Span, cursor: int) -> tuple[list[_Token], int]:
    tokens = []
    while cursor < len(doc.tokens) and doc.tokens[cursor].start < block.end:
        span = doc.tokens[cursor]
        if span.start >= block.start:
            tokens.append(_Token(span.start, span.end, span.text, _key(span.text), bool(WORD_RE.search(span.text))))
        cursor += 1
    return tokens, cursor


def _attach_regions(block: Span, tokens: list[_Token], text: str) -> list[_Region]:
    regions = [_Region(s, e, b) for s, e, b in quote_regions(text, block.start, block.end)]
    for index, region in enumerate(regions):
        for t, token in enumerate(tokens):
            if token.start == region.start:
                region.open_token = t
            elif region.start < token.start and token.end <= region.end:
                if token.text in ALL_MARKS and token.end == region.end and region.balanced:
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
        blocks.append(_Block(block, tokens, _attach_regions(block, tokens, doc.text)))
    return blocks


# --- candidates ------------------------------------------------------------------------


@dataclass
class _Candidate:
    block: int
    cue: tuple[int, int]  # token range of the cue (end exclusive)
    entry: CueEntry
    method: str  # key of BASE_CONFIDENCE
    content_start: int  # token index
    content_end: int = -1  # token index, exclusive; -1 until bounded
    speaker: Optional[tuple[int, int]] = None  # token range of the speaker noun phrase
    boundary: bool = True  # starts a new clause: ends the content before it
    region: int = -1  # the quotation region that is the whole content (direct quotes)
    start_token: int = 0  # first token of the construction (subject or cue)
    embedded: str = ""
    accepted: bool = True


def _prev_word(tokens: list[_Token], index: int) -> Optional[_Token]:
    return tokens[index - 1] if index > 0 else None


def _is_stop(token: _Token) -> bool:
    key = token.key
    return (
        key in PREPOSITIONS
        or key in TIME_WORDS
        or key in PARTICLES
        or key in COMPLEMENTISERS
        or key in RELATIVES
        or key.startswith("لل")
        or key in ("ل", "ب", "و", "ف")
        or bool(DIGIT_RE.match(key))
    )


def _is_cue_token(token: _Token) -> bool:
    entry = lookup_cue(token.key)[0]
    return entry is not None and entry.kind in ("verb", "participle")


class _Extractor:
    """One document's extraction state: tokens, regions, mentions, candidates."""

    def __init__(self, doc: Document, mentions: Optional[Sequence[Mention]]):
        self.doc = doc
        self.lexicon: Lexicon = load_cues()
        self.blocks = _blocks(doc)
        self.mentions = sorted(mentions or [], key=lambda m: (m.start, -m.end))
        self.token_mention: list[dict[int, Mention]] = [self._map_mentions(b) for b in self.blocks]

    # -- mentions --

    def _map_mentions(self, block: _Block) -> dict[int, Mention]:
        found: dict[int, Mention] = {}
        if not self.mentions:
            return found
        for t, token in enumerate(block.tokens):
            for mention in self._mentions_in(token.start, token.end):
                best = found.get(t)
                if best is None or MENTION_PRIORITY.get(mention.label, 9) < MENTION_PRIORITY.get(best.label, 9):
                    found[t] = mention
        return found

    def _mentions_in(self, start: int, end: int) -> Iterable[Mention]:
        for mention in self.mentions:
            if mention.start >= end:
                break
            if mention.end > start:
                yield mention

    def mention_at(self, b: int, t: int) -> Optional[Mention]:
        return self.token_mention[b].get(t)

    # -- noun phrases --

    def speaker_forward(self, b: int, start: int, limit: int) -> int:
        """End (exclusive) of the noun phrase that starts at token ``start``."""
        tokens, regions = self.blocks[b].tokens, self.blocks[b].regions
        t, words = start, 0
        while t < limit and words < MAX_SPEAKER_WORDS:
            token = tokens[t]
            if token.text in ALL_MARKS and t + 1 < limit:
                region = next((r for r in regions if r.open_token == t), None)
                # a quoted name inside the phrase: وكالة أنباء الصين الجديدة "شينخوا"
                if region is None or not region.balanced or not 0 < region.words <= 2 or words == 0:
                    break
                t = region.close_token + 1 if region.close_token > 0 else region.last + 1
                continue
            if not token.is_word or _is_stop(token):
                break
            if words and _is_cue_token(token):
                break
            words += 1
            t += 1
        return self._extend_to_mention(b, start, t, limit)

    def _extend_to_mention(self, b: int, start: int, end: int, limit: int) -> int:
        """Grow a phrase cut inside a named entity, or cut just before a name it introduces."""
        if not self.mentions or end <= start:
            return end
        tokens = self.blocks[b].tokens
        # a mention straddling the cut: المرصد السوري | لحقوق الإنسان
        last = self.mention_at(b, end - 1)
        while last is not None and end < limit and tokens[end].start < last.end:
            end += 1
        # a title whose person comes a few words later: سماحة مفتي عام المملكة ... الشيخ عبدالعزيز
        if not any((m := self.mention_at(b, t)) is not None and m.label == "PER" for t in range(start, end)):
            for t in range(end, min(limit, start + MAX_APPOSITION_GAP)):
                token = tokens[t]
                if not token.is_word or token.key in COMPLEMENTISERS or _is_cue_token(token):
                    break
                mention = self.mention_at(b, t)
                if mention is not None and mention.label == "PER":
                    while t < limit and tokens[t].start < mention.end:
                        t += 1
                    return t
        return end

    def subject_backward(self, b: int, cue: int) -> Optional[int]:
        """Start of the subject right before a verb (SVO), or None."""
        tokens = self.blocks[b].tokens
        t, words = cue, 0
        while t > 0:
            token = tokens[t - 1]
            if token.text in ALL_MARKS and token.region < 0:
                # a closing mark of a quoted name inside the subject
                region = next((r for r in self.blocks[b].regions if r.close_token == t - 1), None)
                if region is not None and 0 < region.words <= 2:
                    t = region.open_token
                    continue
                break
            if not token.is_word or token.key in SUBJECT_OPENERS:
                break
            if _is_stop(token) or _is_cue_token(token) or words >= MAX_SUBJECT_WORDS:
                return None
            if token.key[:1] == "و" and t - 1 < cue - 1 and token.key[1:] not in ("",):
                # a coordinated clause before the subject: والتقى كيري ... we cannot tell; stop
                pass
            words += 1
            t -= 1
        return t if words else None

    # -- terminals --

    def region_opening_at(self, b: int, t: int) -> Optional[_Region]:
        return next((r for r in self.blocks[b].regions if r.open_token == t), None)

    def is_speech_region(self, b: int, region: _Region) -> bool:
        tokens = self.blocks[b].tokens
        before = tokens[region.open_token - 1] if region.open_token > 0 else None
        if before is not None and before.text == ":":
            return region.words > 0
        return region.words >= MIN_SPEECH_WORDS and not self.is_name_region(b, region)

    def is_name_region(self, b: int, region: _Region) -> bool:
        """A quoted title or name (صحيفة "الوطن"), not quoted speech."""
        if region.words == 0 or region.words > MAX_NAME_WORDS:
            return False
        tokens = self.blocks[b].tokens
        inside = tokens[region.first : region.last + 1]
        if LATIN_RE.search(" ".join(t.text for t in inside)) and len(inside) <= 3:
            return True
        if self.mentions and all(self.mention_at(b, t) is not None for t in range(region.first, region.last + 1) if tokens[t].is_word):
            return True
        seen = 0
        for t in range(region.open_token - 1, -1, -1):
            token = tokens[t]
            if not token.is_word:
                if token.text in ALL_MARKS or token.text in COMMAS or token.text in SENTENCE_END:
                    break
                continue
            if _strip_noun(token.key) in self.lexicon.naming_nouns:
                return True
            seen += 1
            if seen >= 3:
                break
        return False

    def scan_terminal(self, b: int, start: int) -> tuple[str, int]:
        """First complementiser, colon, quotation or clause end after token ``start``."""
        tokens = self.blocks[b].tokens
        t, limit = start, min(len(tokens), start + TERMINAL_WINDOW)
        while t < limit:
            token = tokens[t]
            if token.text in ALL_MARKS and token.region < 0:
                region = self.region_opening_at(b, t)
                if region is not None and region.words:
                    if self.is_speech_region(b, region):
                        return "quote", t
                    t = (region.close_token if region.close_token > 0 else region.last) + 1
                    continue
            if token.text == ":" or token.text == "：":
                return "colon", t
            if token.text in SENTENCE_END:
                return "end", t
            if token.key in COMPLEMENTISERS:
                before = tokens[t - 1].key if t > 0 else ""
                if before not in NARRATOR_BEFORE_COMPLEMENTISER:
                    return "that", t
            if t > start and _is_cue_token(token):
                entry = lookup_cue(token.key)[0]
                # وتابع الشيخ يقول: / وأضاف قائلا:  -- the second cue only introduces the words
                if not (entry.lemma == "قال" and entry.kind in ("participle", "verb") and entry.tense != "past"):
                    return "cue", t
            t += 1
        return "window", t

    def frame_start(self, b: int, entry: CueEntry, start: int, end: int) -> tuple[str, int]:
        """Where a complement without complementiser starts (دعا إلى، اتهم X بـ، أعلن X)."""
        tokens = self.blocks[b].tokens
        end = min(end, start + FRAME_WINDOW, len(tokens))
        complements = set(entry.complements)
        for t in range(start, end):
            key = tokens[t].key
            if not tokens[t].is_word:
                continue
            for prep in ("الي", "علي", "من", "عن", "في"):
                if _key(_prep_form(prep)) in complements and key == prep and t + 1 < len(tokens):
                    if "obj" in complements and t > start:
                        return "prep", self._skip_adjuncts(b, start, t)
                    return "prep", t + 1
            for prep in ("ب", "ل"):
                if prep in complements and key.startswith(prep) and len(key) > 3 and not self.mention_at(b, t):
                    if "obj" in complements and t > start:
                        return "prep", self._skip_adjuncts(b, start, t)
                    return "prep", t
        if "obj" in complements:
            first = self._skip_adjuncts(b, start, end)
            if first < end and tokens[first].is_word and not _is_stop(tokens[first]):
                return "obj", first
        return "", -1

    def _skip_adjuncts(self, b: int, start: int, end: int) -> int:
        """Skip commas and time words between the speaker and an object."""
        tokens = self.blocks[b].tokens
        t = start
        while t < end and (tokens[t].text in COMMAS or tokens[t].key in TIME_WORDS):
            t += 1
        return t

    # -- cue candidates --

    def verb_candidate(self, b: int, t: int, entry: CueEntry, conj: str) -> Optional[_Candidate]:
        tokens = self.blocks[b].tokens
        prev = _prev_word(tokens, t)
        opens_clause = bool(conj) or prev is None or not prev.is_word or prev.key in CLAUSE_OPENERS
        if prev is not None and prev.key in RELATIVES:
            return None  # التي دعا إليها، ما وصفه بـ: a relative clause, not a report
        speaker: Optional[tuple[int, int]] = None
        start_token = t
        after = t + 1
        if entry.kind == "verb":
            np_end = self.speaker_forward(b, t + 1, len(tokens))
            subject = None if conj else self.subject_backward(b, t)
            if subject is not None and (np_end == t + 1 or not opens_clause):
                speaker, start_token = (subject, t), subject
            elif np_end > t + 1:
                speaker, after = (t + 1, np_end), np_end
        elif entry.kind == "participle" and t + 1 < len(tokens) and tokens[t + 1].text == ":":
            after = t + 1
        candidate = self.complement_candidate(b, t, entry, after)
        if candidate is None:
            return None
        candidate.speaker = speaker
        candidate.start_token = start_token
        candidate.boundary = opens_clause or entry.kind == "participle" or (
            speaker is not None and speaker[0] < t and self._opens_before(b, speaker[0])
        )
        return candidate

    def _opens_before(self, b: int, t: int) -> bool:
        tokens = self.blocks[b].tokens
        return t == 0 or not tokens[t - 1].is_word or tokens[t - 1].key in SUBJECT_OPENERS

    def complement_candidate(self, b: int, cue: int, entry: CueEntry, after: int) -> Optional[_Candidate]:
        tokens = self.blocks[b].tokens
        kind, at = self.scan_terminal(b, after)
        make = lambda method, start, region=-1: _Candidate(b, (cue, cue + 1), entry, method, start, region=region)
        if kind == "quote":
            region = self.region_opening_at(b, at)
            index = self.blocks[b].regions.index(region)
            return make("quote", region.first, index)
        if kind == "colon":
            nxt = at + 1
            region = self.region_opening_at(b, nxt) if nxt < len(tokens) else None
            if region is not None and region.words:
                return make("quote", region.first, self.blocks[b].regions.index(region))
            if nxt < len(tokens) and tokens[nxt].is_word:
                return make("colon", nxt)
            return None
        if kind == "that" and ("أن" in entry.complements or entry.kind == "noun"):
            if at + 1 < len(tokens):
                return make("that", at + 1)
            return None
        method, start = self.frame_start(b, entry, after, at if kind != "window" else at)
        if method:
            return make(method, start)
        return None

    def candidates(self) -> list[_Candidate]:
        found = []
        for b, block in enumerate(self.blocks):
            for t, token in enumerate(block.tokens):
                if not token.is_word or token.region >= 0:
                    continue
                entry, conj = lookup_cue(token.key)
                if entry is None:
                    continue
                candidate = None
                if entry.kind in ("verb", "participle"):
                    candidate = self.relay_candidate(b, t, entry) if entry.relays else None
                    candidate = candidate or self.verb_candidate(b, t, entry, conj)
                elif entry.kind == "phrase":
                    candidate = self.attribution_candidate(b, t, entry)
                if candidate is not None:
                    found.append(candidate)
                elif entry.kind == "verb":
                    self.record_agent(b, t, entry, conj)
        return found

    # -- نقل عن X قوله / بحسب X --

    def relay_candidate(self, b: int, t: int, entry: CueEntry) -> Optional[_Candidate]:
        """نقلت وكالة X عن Y (قوله) إن ...: Y speaks, the agency relays."""
        tokens = self.blocks[b].tokens
        limit = min(len(tokens), t + TERMINAL_WINDOW)
        for s in range(t + 1, limit):
            key = tokens[s].key
            if tokens[s].text in SENTENCE_END:
                return None
            source = None
            if key == "عن":
                source = s + 1
            elif key == "علي" and s + 1 < limit and tokens[s + 1].key == "لسان":
                source = s + 2
            if source is None:
                continue
            while source < limit and tokens[source].text in COMMAS:
                source += 1
            np_end = self.speaker_forward(b, source, limit)
            if np_end == source:
                return None
            after = np_end
            while after < limit and tokens[after].text in COMMAS:
                after += 1
            noun_cue = lookup_cue(tokens[after].key)[0] if after < limit else None
            if noun_cue is not None and noun_cue.kind == "noun":
                after += 1
            candidate = self.complement_candidate(b, t, entry, after)
            if candidate is None:
                noun = _Candidate(b, (t, t + 1), entry, "obj", after)
                candidate = noun if after < limit and tokens[after].is_word and not _is_stop(tokens[after]) else None
            if candidate is not None:
                if candidate.method == "prep" and tokens[candidate.content_start - 1].key == "علي":
                    candidate.method = "that"
                candidate.speaker = (source, np_end)
                candidate.start_token = t
            return candidate
        return None

    def attribution_candidate(self, b: int, t: int, entry: CueEntry) -> Optional[_Candidate]:
        """بحسب ما أفاد X / وفقا لبيان صادر عن X / نقلا عن X: X is the source of the clause."""
        tokens = self.blocks[b].tokens
        limit = min(len(tokens), t + TERMINAL_WINDOW)
        s, cue = t + 1, (t, t + 1)
        lex = self.lexicon
        while s < limit and (tokens[s].key in lex.attribution_links or tokens[s].key in ("صادر", "الصادر")):
            s += 1
        if s < limit and tokens[s].key[:1] == "ل" and _strip_noun(tokens[s].key) in lex.attribution_carriers:
            s += 1  # وفقا لبيان
        while s < limit and (tokens[s].key in lex.attribution_carriers or tokens[s].key in ("صادر", "الصادر", "عن")):
            s += 1
        if s < limit:
            verb = lookup_cue(tokens[s].key)[0] or lookup_cue(_strip_object(tokens[s].key))[0]
            if verb is not None and verb.kind == "verb":
                cue, entry = (s, s + 1), verb
                s += 1
        np_end = self.speaker_forward(b, s, limit)
        if np_end == s or _strip_noun(tokens[s].key) in lex.heads["not_sources"] or tokens[s].key in lex.heads["not_sources"]:
            return None
        prev = _prev_word(tokens, t)
        sentence_start = self.sentence_start(b, t)
        if t == sentence_start or (prev is not None and prev.key in CLAUSE_OPENERS and t - 1 == sentence_start):
            after = np_end
            while after < len(tokens) and (tokens[after].text in COMMAS or tokens[after].key in CONTENT_OPENERS):
                after += 1
            if after >= len(tokens) or not tokens[after].is_word:
                return None
            candidate = _Candidate(b, cue, entry, "attribution", after)
        else:
            end = t
            while end > sentence_start and (tokens[end - 1].text in COMMAS or tokens[end - 1].key in ("وذلك", "ذلك")):
                end -= 1
            first = sentence_start
            if end - first < 3:
                return None
            candidate = _Candidate(b, cue, entry, "attribution", first, content_end=end)
        candidate.speaker = (s, np_end)
        candidate.start_token = t
        candidate.boundary = False
        return candidate

    def sentence_start(self, b: int, t: int) -> int:
        tokens = self.blocks[b].tokens
        while t > 0 and not (tokens[t - 1].text in SENTENCE_END and tokens[t - 1].region < 0):
            t -= 1
        return t

    # -- headline form: المتحدث: قول --

    def headline_candidates(self, accepted: list[_Candidate]) -> list[_Candidate]:
        found = []
        speakers = {_key_text(self.speaker_text(c)) for c in accepted if c.speaker}
        for b, block in enumerate(self.blocks):
            tokens = block.tokens
            words = sum(t.is_word for t in tokens)
            if not tokens or words > MAX_HEADLINE_WORDS:
                continue
            if block.span.label not in ("title", "caption", "subheading") and any(t.text in SENTENCE_END for t in tokens[:-1]):
                continue
            colon = next((i for i, t in enumerate(tokens[: MAX_HEADLINE_SPEAKER_WORDS + 1]) if t.text == ":"), None)
            if colon is None or colon == 0 or any(c.block == b for c in accepted):
                continue
            head = tokens[:colon]
            if any(not t.is_word or _is_stop(t) or _is_cue_token(t) for t in head):
                continue
            rest = [t for t in tokens[colon + 1 :] if t.is_word]
            if len(rest) < 3 or not self.is_headline_speaker(b, 0, colon, speakers):
                continue
            candidate = _Candidate(b, (colon, colon + 1), _COLON_ENTRY, "headline", colon + 1)
            region = self.region_opening_at(b, colon + 1)
            if region is not None and region.last >= len(tokens) - 3:
                candidate.region = self.blocks[b].regions.index(region)
                candidate.content_start = region.first
            candidate.speaker = (0, colon)
            candidate.content_end = _trim_credit(tokens, len(tokens))
            found.append(candidate)
        return found

    def is_headline_speaker(self, b: int, start: int, end: int, speakers: set[str]) -> bool:
        tokens = self.blocks[b].tokens
        labels = {m.label for t in range(start, end) if (m := self.mention_at(b, t)) is not None}
        if labels & {"PER", "ORG"}:
            return True
        if labels == {"LOC"}:
            return False
        first = _strip_noun(tokens[start].key)
        heads = self.lexicon.heads
        if any(first in heads[k] or tokens[start].key in heads[k] for k in ("person", "anonymous", "media")):
            return True
        text = _key_text(" ".join(t.text for t in tokens[start:end]))
        return any(text and (text == s or f" {text}" in f" {s}") for s in speakers)

    # -- agents: who may be "he"/"she" later --

    def record_agent(self, b: int, t: int, entry: CueEntry, conj: str) -> None:
        """A cue that reports nothing still names a subject a later dropped subject may refer to."""
        tokens = self.blocks[b].tokens
        subject = None if conj else self.subject_backward(b, t)
        if subject is not None:
            span = (subject, t)
        else:
            end = self.speaker_forward(b, t + 1, len(tokens))
            span = (t + 1, end) if end > t + 1 else None
        if span is not None:
            self.loose_agents.append((b, span, entry))

    loose_agents: list = []

    def speaker_text(self, candidate: _Candidate) -> str:
        tokens = self.blocks[candidate.block].tokens
        s, e = candidate.speaker
        return self.doc.text[tokens[s].start : tokens[e - 1].end]


_COLON_ENTRY = CueEntry(":", lemma=":", kind="phrase", polarity="neutral", strength=1.0)


def _prep_form(prep: str) -> str:
    return {"الي": "إلى", "علي": "على"}.get(prep, prep)


def _strip_noun(key: str) -> str:
    """Matching form without a leading و/ب/ل/ف and the article: والصحيفة -> صحيفه."""
    if len(key) > 3 and key[0] in "وبلف" and key[1:3] == "ال":
        key = key[1:]
    if key.startswith("لل") and len(key) > 3:
        return key[2:]
    if key.startswith("ال") and len(key) > 3:
        return key[2:]
    return key


def _strip_object(key: str) -> str:
    """نشرته -> نشرت, نقلته -> نقلت: a verb with an object pronoun."""
    for suffix in ("ها", "ه"):
        if key.endswith(suffix) and len(key) > len(suffix) + 2:
            return key[: -len(suffix)]
    return key


def _key_text(text: str) -> str:
    return " ".join(WORD_TOKEN_RE.findall(match_form(text)))


WORD_TOKEN_RE = re.compile(r"[^\W_]+")


def _trim_credit(tokens: list[_Token], end: int) -> int:
    """Drop a photo credit "(رويترز)" at the end of a caption."""
    if end >= 3 and tokens[end - 1].text == ")":
        for t in range(end - 2, max(-1, end - 7), -1):
            if tokens[t].text == "(":
                return t
    return end
