"""Cleaning and page structure: raw article text to a ``Document``.

The cleaning is a pipeline of small ``str -> str`` steps (textacy style) built on
camel-tools. The cleaned ``text`` keeps letters as written, except that invisible
format characters go and Persian/Urdu letter variants become their Arabic letters;
the letter normalisations (alef, alef maksura, teh marbuta) only make the separate
*matching form* returned by ``match_form``.

Every step is linear in the length of its input, whatever the input: scraped pages
hold runs of punctuation and of marks that a backtracking regex or a sort would
make quadratic.
"""
from __future__ import annotations

import logging
import re
import unicodedata
from bisect import bisect_left
from functools import lru_cache
from typing import Callable, Iterable, Optional

import regex

from camel_tools.tokenizers.word import simple_word_tokenize
from camel_tools.utils.dediac import dediac_ar
from camel_tools.utils.normalize import (
    normalize_alef_ar,
    normalize_alef_maksura_ar,
    normalize_teh_marbuta_ar,
)

from qawl.schema import Article, Document, Span, check_span, make_span

logger = logging.getLogger(__name__)

# --- character classes --------------------------------------------------------


def _map_chars(pattern: re.Pattern, table: dict[str, str], text: str) -> str:
    """Replace each character that ``pattern`` matches by ``table[char]``.

    ``str.translate`` looks every character of the text up in its table, slow on
    non-ASCII text; a regex class scan finds the few characters to map far faster.
    """
    return pattern.sub(lambda match: table[match.group()], text)


def _char_class(table: dict[str, str]) -> re.Pattern:
    return re.compile("[" + "".join(re.escape(char) for char in table) + "]")


# No-break and typographic spaces that should read as a plain space.
ODD_SPACES_RE = re.compile("[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\t\v\f]")
# Invisible format characters that only get in the way of matching: soft hyphen, CGJ,
# Arabic letter mark, Mongolian vowel separator, zero-width space/joiners, bidi marks,
# embeddings and isolates, word joiner and invisible operators, deprecated format
# controls, BOM. Visible Cf characters (Arabic number signs U+0600-0605, end of ayah)
# and emoji tags/variation selectors stay.
INVISIBLES = "\u00ad\u034f\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff"
INVISIBLES_RE = re.compile(f"[{INVISIBLES}]")
LINE_BREAKS_RE = re.compile("\r\n|[\r\u2028\u2029\u0085]")
SPACE_RUN_RE = re.compile(r" {2,}")
TATWEEL_RE = re.compile("\u0640")
CONTROL_RE = re.compile("[\x00-\x08\x0e-\x1f\x7f]")
ARABIC_LETTER_RE = re.compile("[\u0621-\u064a\u0671-\u06d3]")
LATIN_LETTER_RE = re.compile("[A-Za-z]")

# Punctuation variants mapped to the forms later stages look for. Quotation
# marks keep their open/close distinction ("" « » “ ”): quotes need it.
PUNCTUATION_MAP = {
    "\u201e": "\u201c",  # „ low double quote opens like “
    "\u201f": "\u201c",
    "\u2033": '"',  # ″ double prime used as a quote
    "\uff02": '"',
    "\u2039": "\u00ab",  # ‹ › single guillemets
    "\u203a": "\u00bb",
    "\u2010": "-",
    "\u2011": "-",
    "\u2012": "-",
    "\u2013": "-",
    "\u2014": "-",
    "\u2015": "-",
    "\u2212": "-",
    "\u066a": "%",  # Arabic percent sign
}
PUNCTUATION_RE = _char_class(PUNCTUATION_MAP)

# --- structure patterns -------------------------------------------------------

SOURCE_LINE_RE = re.compile(r"^\s*(?:ال)?مصدر\s*[:：]\s*(?P<sources>.+?)\s*$")
SOURCE_SPLIT_RE = re.compile(r"\s*(?:[+،,/&]|\s-\s|\sو\s)\s*")
# A photo credit at the end of a caption: "(رويترز)", "(الجزيرة)", "(غيتي إيميجز)".
CREDIT_TAIL_RE = re.compile(
    r"\((?:[^()]*/)?\s*(?:رويترز|الجزيرة|الفرنسية|أ\s?ف\s?ب|أسوشيتد\s?برس|الأوروبية|الأناضول|"
    r"غيتي(?:\s?إيميجز)?|إ\s?ب\s?أ|د\s?ب\s?أ|شينخوا|وكالات|أرشيف|مواقع التواصل|الصحافة الفرنسية|"
    r"واس|سبق|الألمانية|EPA|AFP|Reuters|Getty(?: Images)?|AP)[^()]{0,20}\)\s*$",
    re.IGNORECASE,
)
LIST_ITEM_RE = re.compile(r"^\s*(?:[*•\-–]|\d+\s*[.)-])")
PHOTO_CREDIT_LATIN_RE = re.compile(
    r"\b(?:REUTERS|AFP|EPA|AP Photo|Getty|Anadolu|Pool|Photo:|Xinhua|ANADOLU)\b", re.IGNORECASE
)
SENTENCE_END_RE = re.compile(r"[.!?؟…]+[\"'»”)]*")
DATELINE_RE = re.compile(r"^\S+(?:\s\S+)?\s*[-:–]\s*\S+")

MAX_CAPTION_WORDS = 40
MAX_SUBHEADING_WORDS = 6
MAX_TITLE_WORDS = 30
MIN_REPEAT_WORDS = 3
MAX_REPEAT_SCAN_WORDS = 400

# --- str -> str steps ---------------------------------------------------------


def normalize_line_breaks(text: str) -> str:
    """CRLF, CR and Unicode line/paragraph separators become ``\\n``."""
    return LINE_BREAKS_RE.sub("\n", text)


def remove_control_chars(text: str) -> str:
    """Drop C0 control characters other than tab and newline."""
    return CONTROL_RE.sub("", text)


# camel-tools' normalize_unicode maps these two ligatures one character at a time in
# Python before NFKC; str.replace does the same mapping in C.
UNICODE_CHAR_FIX = {"\ufdfc": "ريال", "\ufdfd": "بسم الله الرحمن الرحيم"}

# Combining marks (the regex module's \p{M}: the re module checks a class this large
# range by range, ten times slower) and the two halfwidth sound marks that NFKC makes
# combining marks (U+FF9E, U+FF9F). tests/test_clean.py checks that the class holds
# every character of nonzero combining class, the ones NFKC sorts.
COMBINING = r"[\p{M}\uff9e\uff9f]"
MAX_COMBINING_MARKS = 4  # Arabic needs at most shadda + haraka + hamza/madda on a letter
COMBINING_RUN_RE = regex.compile(f"({COMBINING}{{{MAX_COMBINING_MARKS}}}){COMBINING}+")


def limit_combining_marks(text: str) -> str:
    """Keep at most ``MAX_COMBINING_MARKS`` combining marks after each base character.

    NFKC sorts each run of marks by insertion, quadratic in the run's length: a
    400 KB run of harakat took 46 s. No real word has more than a few marks per letter.
    """
    return COMBINING_RUN_RE.sub(r"\1", text)


def normalize_unicode(text: str) -> str:
    """NFKC after the ligature fixes: camel-tools' ``normalize_unicode``, faster."""
    for ligature, letters in UNICODE_CHAR_FIX.items():
        if ligature in text:
            text = text.replace(ligature, letters)
    return unicodedata.normalize("NFKC", text)


def remove_invisibles(text: str) -> str:
    """Drop zero-width, joiner and bidi format characters (ZWJ, ZWNJ, ALM, LRM, ...)."""
    return INVISIBLES_RE.sub("", text)


# Persian and Urdu letter variants to the Arabic letter they are written as. The
# dotless yehs are done apart (their Arabic letter depends on the position).
PERSIAN_LETTER_MAP = {
    "\u06a9": "\u0643",  # ک keheh -> ك
    "\u06aa": "\u0643",  # ڪ swash kaf -> ك
    "\u06c1": "\u0647",  # ہ heh goal -> ه
    "\u06d5": "\u0647",  # ە ae (Kurdish, also a final heh) -> ه
    "\u06be": "\u0647",  # ھ heh doachashmee -> ه
    "\u06c0": "\u0647\u0654",  # ۀ heh with hamza (Persian ezafe) -> ه + hamza above
    "\u06c2": "\u0647\u0654",  # ۂ heh goal with hamza -> ه + hamza above
    "\u06c3": "\u0629",  # ۃ teh marbuta goal -> ة
    "\u06d3": "\u0626",  # ۓ yeh barree with hamza -> ئ
}
PERSIAN_LETTER_RE = _char_class(PERSIAN_LETTER_MAP)
DOTLESS_YEHS = "\u06cc\u06d2"  # ی farsi yeh, ے yeh barree: no dots in any position
# A dotless yeh that no letter follows (marks aside) ends its word: Arabic writes that ى.
FINAL_DOTLESS_YEH_RE = re.compile(f"[{DOTLESS_YEHS}](?![\u064b-\u065f\u0670]*[^\\W\\d_])")
DOTLESS_YEH_RE = re.compile(f"[{DOTLESS_YEHS}]")


def normalize_persian_letters(text: str) -> str:
    """Persian/Urdu letters to Arabic: ک→ك, ہ ە ھ→ه, ی ے→ى at a word's end, else ي."""
    text = _map_chars(PERSIAN_LETTER_RE, PERSIAN_LETTER_MAP, text)
    text = FINAL_DOTLESS_YEH_RE.sub("\u0649", text)
    return DOTLESS_YEH_RE.sub("\u064a", text)


def normalize_spaces(text: str) -> str:
    """No-break and odd spaces become one space; trailing spaces go."""
    text = ODD_SPACES_RE.sub(" ", text)
    text = SPACE_RUN_RE.sub(" ", text)
    return "\n".join(line.strip() for line in text.split("\n"))


def remove_tatweel(text: str) -> str:
    """Remove the tatweel (kashida) used to stretch words."""
    return TATWEEL_RE.sub("", text)


def normalize_punctuation(text: str) -> str:
    """Map Latin/Arabic punctuation variants to the forms later stages expect."""
    return _map_chars(PUNCTUATION_RE, PUNCTUATION_MAP, text)


def dediacritize(text: str) -> str:
    """Remove Arabic diacritics (optional step)."""
    return dediac_ar(text)


DEFAULT_STEPS: tuple[Callable[[str], str], ...] = (
    normalize_line_breaks,
    remove_control_chars,
    remove_invisibles,  # before NFKC: a joiner between a letter and its marks hides the run
    limit_combining_marks,  # before NFKC, which is quadratic in a run's length
    normalize_unicode,
    normalize_persian_letters,  # after NFKC, which makes Persian letters of their presentation forms
    normalize_punctuation,
    remove_tatweel,
    normalize_spaces,
)


def clean_text(text: str, dediacritise: bool = False) -> str:
    """Run the cleaning steps over ``text``, keeping letters as written."""
    for step in DEFAULT_STEPS:
        text = step(text)
    if dediacritise:
        text = normalize_spaces(dediacritize(text))
    return text


MAX_CACHED_FORM = 40  # words and short phrases repeat; whole paragraphs rarely do


def match_form(text: str) -> str:
    """Matching form: no diacritics, tatweel or invisibles, NFKC, Persian letters as
    Arabic, أإآ→ا, ى→ي, ة→ه.

    Use it to compare strings, never to build offsets: it can change lengths.
    """
    if len(text) <= MAX_CACHED_FORM:
        return _cached_match_form(text)
    return _match_form(text)


@lru_cache(maxsize=200_000)
def _cached_match_form(text: str) -> str:
    return _match_form(text)


def _match_form(text: str) -> str:
    text = remove_tatweel(dediac_ar(_as_cleaned(text)))
    return normalize_teh_marbuta_ar(normalize_alef_maksura_ar(normalize_alef_ar(text)))


# Characters that the cleaning's character steps change, besides NFKC.
UNCLEAN_CHAR_RE = re.compile(f"[{INVISIBLES}{''.join(PERSIAN_LETTER_MAP)}{DOTLESS_YEHS}]")


def _as_cleaned(text: str) -> str:
    """The cleaning's character steps, for text that did not come through ``clean_text``.

    Cleaned text, most of what ``match_form`` sees, is returned as it is after two
    quick checks instead of five passes.
    """
    if unicodedata.is_normalized("NFKC", text) and not UNCLEAN_CHAR_RE.search(text):
        return text
    text = normalize_unicode(limit_combining_marks(remove_invisibles(text)))
    return normalize_persian_letters(text)


# --- paragraphs and roles -----------------------------------------------------


def collapse_doubled_sentence(line: str) -> str:
    """``"X X (credit)"`` -> ``"X (credit)"``: a sentence the layout doubled in one line."""
    words = line.split(" ")
    if len(words) > MAX_REPEAT_SCAN_WORDS:
        return line
    for size in range(MIN_REPEAT_WORDS, len(words) // 2 + 1):
        if words[:size] == words[size : 2 * size]:
            return " ".join(words[:size] + words[2 * size :])
    return line


def _count(pattern: re.Pattern, text: str) -> int:
    """How many characters of ``text`` ``pattern`` matches (one character per match),
    without findall's list of one-letter strings."""
    return len(text) - len(pattern.sub("", text))


def _is_mostly_latin(line: str) -> bool:
    return _count(LATIN_LETTER_RE, line) > 2 * _count(ARABIC_LETTER_RE, line)


LINE_END_PUNCTUATION = frozenset(".!?؟:؛،,")
NON_WORD_RUN_RE = re.compile(r"\W*")


def _ends_sentence(line: str) -> bool:
    """``re.search(r"[.!?؟:؛،,]\\W*$", line)`` read from the end: the regex backtracks
    quadratically on a long run of punctuation that a letter follows."""
    tail = NON_WORD_RUN_RE.match(line[::-1]).group()
    return any(char in LINE_END_PUNCTUATION for char in tail)


def paragraph_role(line: str, index: int, next_line: Optional[str]) -> str:
    """Role of one paragraph from its shape and position."""
    words = line.split()
    if SOURCE_LINE_RE.match(line):
        return "source_line"
    if index == 0 and len(words) <= MAX_TITLE_WORDS and next_line is not None:
        return "title"
    if _is_mostly_latin(line) and PHOTO_CREDIT_LATIN_RE.search(line):
        return "caption"
    if len(words) <= MAX_CAPTION_WORDS and CREDIT_TAIL_RE.search(line) and not LIST_ITEM_RE.match(line):
        return "caption"
    if (
        len(words) <= MAX_SUBHEADING_WORDS
        and not _ends_sentence(line)
        and not DATELINE_RE.match(line)
        and next_line is not None
        and len(next_line.split()) > MAX_SUBHEADING_WORDS
    ):
        return "subheading"
    return "body"


def split_paragraphs(text: str) -> list[str]:
    """Non-empty lines: each line of page text is a paragraph."""
    return [line for line in text.split("\n") if line.strip()]


def dedupe_paragraphs(paragraphs: Iterable[str]) -> tuple[list[str], int]:
    """Keep each paragraph once (compared in matching form); count removals."""
    kept, seen, removed = [], set(), 0
    for paragraph in paragraphs:
        collapsed = collapse_doubled_sentence(paragraph)
        removed += collapsed != paragraph
        key = match_form(collapsed)
        if key in seen:
            removed += 1
            continue
        seen.add(key)
        kept.append(collapsed)
    return kept, removed


def parse_sources(source_line: str) -> list[str]:
    """``"المصدر : الجزيرة + وكالات"`` -> ``["الجزيرة", "وكالات"]``."""
    match = SOURCE_LINE_RE.match(source_line)
    if not match:
        return []
    parts = SOURCE_SPLIT_RE.split(match.group("sources"))
    return [part.strip(" .") for part in parts if part.strip(" .")]


# --- spans --------------------------------------------------------------------


def token_spans(text: str, start: int = 0, end: Optional[int] = None) -> list[Span]:
    """camel-tools ``simple_word_tokenize`` tokens of ``text[start:end]`` as spans."""
    start, end, _ = slice(start, end).indices(len(text))  # offsets as text[start:end] reads them
    spans = []
    # the tokenizer splits on whitespace as str.split does, then cuts each word into
    # pieces that follow one another: a token's offset is its word's plus the pieces before it
    for word in NON_SPACE_RE.finditer(text, start, end):
        offset = word.start()
        for token in _word_tokens(word.group()):
            spans.append(Span(offset, offset + len(token), token))
            offset += len(token)
    return spans


NON_SPACE_RE = re.compile(r"\S+")  # \s is exactly str.isspace, the whitespace of str.split


def _tokenize(text: str) -> list[str]:
    """``simple_word_tokenize(text)``: it splits each whitespace-separated word on its own,
    so the tokens of a word are cached (news repeats its words)."""
    return [token for word in text.split() for token in _word_tokens(word)]


# Arabic letters and harakat, Latin letters: the tokenizer never cuts a word made only of
# these (none is a symbol, punctuation or emoji; tests/test_clean.py checks each one)
PLAIN_WORD_RE = re.compile("[\u0621-\u0652A-Za-z]+")


@lru_cache(maxsize=200_000)
def _word_tokens(word: str) -> tuple[str, ...]:
    if PLAIN_WORD_RE.fullmatch(word):
        return (word,)
    return tuple(simple_word_tokenize(word))


# A sentence ends at . ! ? ؟ (runs such as ".." included) followed by space,
# unless the dot sits between digits or ends a one-letter Latin abbreviation.
SENTENCE_BOUNDARY_RE = re.compile(r"(?<![A-Z]\.)(?<!\b[A-Za-z])[.!?؟…]+[\"'»”)]*(?=\s|$)")
# SENTENCE_BOUNDARY_RE in pieces: searched whole, it retries a long run of dots from
# each of its characters, quadratic (see sentence_boundaries).
END_PUNCTUATION_RUN_RE = re.compile(r"[.!?؟…]+")
CLOSING_MARKS_RE = re.compile(r"[\"'»”)]*")
NOT_ABBREVIATION_RE = re.compile(r"(?<![A-Z]\.)(?<!\b[A-Za-z])")


def sentence_boundaries(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """``(m.start(), m.end())`` of each ``SENTENCE_BOUNDARY_RE.finditer(text, start, end)``.

    Each run of end punctuation is read once: the match can only end after the whole
    run and its closing marks, and starts at the run's first character that no
    abbreviation precedes (at most the third: past it two dots precede).
    """
    boundaries = []
    for run in END_PUNCTUATION_RUN_RE.finditer(text, start, end):
        close = CLOSING_MARKS_RE.match(text, run.end(), end).end()
        if close < end and not text[close].isspace():
            continue
        first = next((p for p in range(run.start(), run.end()) if NOT_ABBREVIATION_RE.match(text, p)), None)
        if first is not None:
            boundaries.append((first, close))
    return boundaries


QUOTE_PAIRS = {'"': '"', "«": "»", "“": "”"}
QUOTE_OPENER_RE = re.compile("[" + "".join(QUOTE_PAIRS) + "]")


def quoted_regions(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Closed quotations in ``text[start:end]`` as (open, close) offsets.

    An opening mark without its closing mark in the block gives no region, so
    an unbalanced mark cannot swallow the rest of the paragraph.
    """
    regions, position, unclosed = [], start, set()
    while position < end:
        opener = QUOTE_OPENER_RE.search(text, position, end)  # skip to the next mark
        if opener is None:
            break
        position = opener.start()
        closer = QUOTE_PAIRS[opener.group()]
        # a closer missing after one opener is missing after every later one: not
        # searching again keeps a run of unclosed marks linear
        close = -1 if closer in unclosed else text.find(closer, position + 1, end)
        if close > 0:
            regions.append((position, close))
            position = close + 1
            continue
        unclosed.add(closer)
        position += 1
    return regions


def _inside_region(position: int, opens: list[int], regions: list[tuple[int, int]]) -> bool:
    """``any(open_ < position < close for open_, close in regions)`` for sorted,
    disjoint regions, by bisection."""
    index = bisect_left(opens, position) - 1
    return index >= 0 and position < regions[index][1]


def sentence_spans(text: str, block: Span) -> list[Span]:
    """Sentence spans inside one block; a quotation is never cut in two."""
    regions = quoted_regions(text, block.start, block.end)
    opens = [open_ for open_, _ in regions]
    spans, start = [], block.start
    for boundary_start, boundary_end in sentence_boundaries(text, block.start, block.end):
        if _inside_region(boundary_start, opens, regions):
            continue
        spans.append(make_span(text, start, boundary_end, "sentence"))
        start = boundary_end
        while start < block.end and text[start] == " ":
            start += 1
    if start < block.end:
        spans.append(make_span(text, start, block.end, "sentence"))
    return spans


def build_document(article: Article, dediacritise: bool = False) -> Document:
    """Clean an article's raw text and lay out its blocks, sentences and tokens."""
    paragraphs, removed = dedupe_paragraphs(
        split_paragraphs(clean_text(article.raw_text, dediacritise))
    )
    text = "\n\n".join(paragraphs)
    blocks, sources, offset = [], [], 0
    for index, paragraph in enumerate(paragraphs):
        next_paragraph = paragraphs[index + 1] if index + 1 < len(paragraphs) else None
        role = paragraph_role(paragraph, index, next_paragraph)
        blocks.append(make_span(text, offset, offset + len(paragraph), role))
        if role == "source_line":
            sources.extend(parse_sources(paragraph))
        offset += len(paragraph) + 2
    sentences = [s for block in blocks for s in sentence_spans(text, block)]
    tokens = [t for block in blocks for t in token_spans(text, block.start, block.end)]
    title = next((b.text for b in blocks if b.label == "title"), article.title)
    return Document(
        doc_id=article.doc_id,
        text=text,
        blocks=blocks,
        sentences=sentences,
        tokens=tokens,
        sources=sources,
        source=article.source,
        date=article.date,
        title=title,
        url=article.url,
        author=article.author,
        origin=article.origin,
        duplicates_removed=removed,
        section=article.section,
    )


def clean_article(article: Article, dediacritise: bool = False) -> Document:
    """Cleaned ``Document`` of one article; every span is checked against ``text``."""
    document = build_document(article, dediacritise)
    for span in (*document.blocks, *document.sentences, *document.tokens):
        check_span(document.text, span)
    return document
