"""Cleaning and page structure: raw article text to a ``Document``.

The cleaning is a pipeline of small ``str -> str`` steps (textacy style) built on
camel-tools. The cleaned ``text`` keeps letters as written; the letter
normalisations (alef, alef maksura, teh marbuta) only make the separate
*matching form* returned by ``match_form``.
"""
from __future__ import annotations

import logging
import re
import unicodedata
from functools import lru_cache
from typing import Callable, Iterable, Optional

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

# No-break and typographic spaces that should read as a plain space.
ODD_SPACES_RE = re.compile("[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\t\v\f]")
# Invisible format characters that only get in the way of matching.
INVISIBLES_RE = re.compile("[\u200b\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff\u00ad]")
LINE_BREAKS_RE = re.compile("\r\n|[\r\u2028\u2029\u0085]")
SPACE_RUN_RE = re.compile(r" {2,}")
TATWEEL_RE = re.compile("\u0640")
CONTROL_RE = re.compile("[\x00-\x08\x0e-\x1f\x7f]")
ARABIC_LETTER_RE = re.compile("[\u0621-\u064a\u0671-\u06d3]")
LATIN_LETTER_RE = re.compile("[A-Za-z]")

# Punctuation variants mapped to the forms later stages look for. Quotation
# marks keep their open/close distinction ("" « » “ ”): quotes need it.
PUNCTUATION_MAP = str.maketrans(
    {
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
)

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
# Python before NFKC; str.translate does the same mapping in C.
UNICODE_CHAR_FIX = str.maketrans({"\ufdfc": "ريال", "\ufdfd": "بسم الله الرحمن الرحيم"})


def normalize_unicode(text: str) -> str:
    """NFKC after the ligature fixes: camel-tools' ``normalize_unicode``, faster."""
    return unicodedata.normalize("NFKC", text.translate(UNICODE_CHAR_FIX))


def remove_invisibles(text: str) -> str:
    """Drop zero-width and bidi format characters."""
    return INVISIBLES_RE.sub("", text)


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
    return text.translate(PUNCTUATION_MAP)


def dediacritize(text: str) -> str:
    """Remove Arabic diacritics (optional step)."""
    return dediac_ar(text)


DEFAULT_STEPS: tuple[Callable[[str], str], ...] = (
    normalize_line_breaks,
    remove_control_chars,
    normalize_unicode,
    remove_invisibles,
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
    """Matching form: no diacritics or tatweel, أإآ→ا, ى→ي, ة→ه.

    Use it to compare strings, never to build offsets: it can change lengths.
    """
    if len(text) <= MAX_CACHED_FORM:
        return _cached_match_form(text)
    return _match_form(text)


@lru_cache(maxsize=200_000)
def _cached_match_form(text: str) -> str:
    return _match_form(text)


def _match_form(text: str) -> str:
    text = remove_tatweel(dediac_ar(text))
    return normalize_teh_marbuta_ar(normalize_alef_maksura_ar(normalize_alef_ar(text)))


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


def _is_mostly_latin(line: str) -> bool:
    latin = len(LATIN_LETTER_RE.findall(line))
    return latin > 2 * len(ARABIC_LETTER_RE.findall(line))


def _ends_sentence(line: str) -> bool:
    return bool(re.search(r"[.!?؟:؛،,]\W*$", line))


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


QUOTE_PAIRS = {'"': '"', "«": "»", "“": "”"}
QUOTE_OPENER_RE = re.compile("[" + "".join(QUOTE_PAIRS) + "]")


def quoted_regions(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Closed quotations in ``text[start:end]`` as (open, close) offsets.

    An opening mark without its closing mark in the block gives no region, so
    an unbalanced mark cannot swallow the rest of the paragraph.
    """
    regions, position = [], start
    while position < end:
        opener = QUOTE_OPENER_RE.search(text, position, end)  # skip to the next mark
        if opener is None:
            break
        position = opener.start()
        close = text.find(QUOTE_PAIRS[opener.group()], position + 1, end)
        if close > 0:
            regions.append((position, close))
            position = close + 1
            continue
        position += 1
    return regions


def sentence_spans(text: str, block: Span) -> list[Span]:
    """Sentence spans inside one block; a quotation is never cut in two."""
    regions = quoted_regions(text, block.start, block.end)
    spans, start = [], block.start
    for match in SENTENCE_BOUNDARY_RE.finditer(text, block.start, block.end):
        if any(open_ < match.start() < close for open_, close in regions):
            continue
        spans.append(make_span(text, start, match.end(), "sentence"))
        start = match.end()
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
    )


def clean_article(article: Article, dediacritise: bool = False) -> Document:
    """Cleaned ``Document`` of one article; every span is checked against ``text``."""
    document = build_document(article, dediacritise)
    for span in (*document.blocks, *document.sentences, *document.tokens):
        check_span(document.text, span)
    return document
