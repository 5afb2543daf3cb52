"""Read the corpora researchers bring, one ``Article`` at a time.

``load_corpus`` streams articles from files and folders, recognising each
input by its content (the extension is only a hint):

- plain text, one article per file (``seeds/``-style folders);
- SaudiNewsNet: zips holding a JSON array of
  ``{source, url, date_extracted, title, author, content}``;
- ANT / TREC-like pseudo-XML (``<DOC><DOCNO/>...<TEXT/></DOC>``), parsed
  leniently tag by tag, because some files are not well-formed XML;
- JSON Lines, CSV/TSV and JSON arrays of records with a ``text`` or
  ``content`` field;
- HTML pages (visible text only);
- zips of any of these, and folders mixing them.

Bytes are decoded as UTF-8 (with or without BOM), UTF-16/32 with a BOM, or
Windows-1256 when UTF-8 fails and the result reads as Arabic.  An input that
cannot be read is recorded as a ``Skipped`` and logged; the rest goes on.

Every article's ``raw_text`` starts with its title (then a blank line, then
the body) unless the body already starts with it: the reading order of the
gold texts in ``eval/dev_gold.json``.
"""
from __future__ import annotations

import argparse
import csv
import errno
import html
import io
import json
import random
import logging
import os
import re
import stat
import sys
import zipfile
import zlib
from collections import Counter
from dataclasses import asdict, dataclass, field, replace
from datetime import date
from email.utils import parsedate_to_datetime
from html.parser import HTMLParser
from itertools import islice
from pathlib import Path, PurePosixPath
from typing import Any, BinaryIO, Iterable, Iterator, Optional, TypeVar, Union

from tqdm import tqdm

from qawl.schema import Article, Skipped

logger = logging.getLogger(__name__)

PathLike = Union[str, os.PathLike]
T = TypeVar("T")

# A single file above this is skipped: it would be held in memory whole.
MAX_FILE_BYTES = 50 * 1024 * 1024
# Zips inside zips are read this deep at most: a zip quine or bomb must not recurse forever.
MAX_ZIP_DEPTH = 3
# Characters looked at when judging whether decoded bytes are text.
SNIFF_CHARS = 65536
# Share of plausible characters needed to accept a Windows-1256 decoding.
MIN_PLAUSIBLE_RATIO = 0.95
# Share of control characters above which UTF-8 "text" is taken for binary.
MAX_CONTROL_RATIO = 0.01

TEXT_FIELDS = ("text", "content")
ID_FIELDS = ("doc_id", "id")
DATE_FIELDS = ("date", "date_extracted", "published")
SNN_FIELDS = frozenset({"source", "url", "date_extracted", "title", "author", "content"})
# a record's section of the outlet, where it has one (SaudiNewsNet has none)
SECTION_FIELDS = ("section", "category", "cat")
TREC_FIELDS = ("DOCNO", "URL", "SRC", "CAT", "TITLE", "TIME", "AUTHOR", "ABSTRACT", "TEXT")

# Files that document a corpus folder rather than being articles.
IGNORED_NAME_RE = re.compile(
    r"^(?:readme|licen[cs]e|copying|notice|changelog|citation)(?:[._-].*)?$"
    r"|^(?:thumbs\.db|desktop\.ini|__macosx|__pycache__)$",
    re.IGNORECASE,
)
ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")
BINARY_MAGIC = {
    b"\x89PNG": "PNG image",
    b"\xff\xd8\xff": "JPEG image",
    b"GIF8": "GIF image",
    b"%PDF": "PDF document (extract its text first, e.g. with pdftotext)",
    b"\x1f\x8b": "gzip archive (decompress it first)",
    b"BZh": "bzip2 archive (decompress it first)",
    b"\xfd7zXZ": "xz archive (decompress it first)",
    b"7z\xbc\xaf": "7z archive (unpack it first)",
    b"Rar!": "RAR archive (unpack it first)",
}
# Longest first: the UTF-32 LE mark starts with the UTF-16 LE one.
BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)

# Characters Arabic or ASCII prose is made of, incl. what Windows-1256 adds.
IMPLAUSIBLE_CHAR_RE = re.compile(
    "[^\t\n\r\x20-\x7e\xa0\xab\xbb\xd7\xf7\u0600-\u06ff\u200c-\u200f"
    "\u2013\u2014\u2018\u2019\u201c\u201d\u2022\u2026"
    "\xe0\xe2\xe7-\xeb\xee\xef\xf4\xf9\xfb\xfc]"
)
CONTROL_CHAR_RE = re.compile("[\x00-\x08\x0e-\x1f\x7f]")
# What ``printable`` escapes: controls, line/paragraph separators, bidi overrides, lone surrogates.
UNPRINTABLE_RE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
SURROGATE_RE = re.compile("[\ud800-\udfff]")
NEWLINE_RE = re.compile(r"\r\n?")
WHITESPACE_RUN_RE = re.compile(r"[^\S\n]+")
BLANK_EDGES_RE = re.compile(r"^(?:[^\S\n]*\n)+|(?:\n[^\S\n]*)+$")

TREC_START_RE = re.compile(r"^(?:<\?xml[^>]*>\s*)?<DOC>", re.IGNORECASE)
TREC_DOC_RE = re.compile(r"<DOC>(.*?)(?:</DOC>|(?=<DOC>)|\Z)", re.IGNORECASE | re.DOTALL)
# A field ends at its closing tag or, when that is missing, at the next known tag.
TREC_FIELD_RES = {
    tag: re.compile(
        rf"<{tag}>(.*?)(?=</?(?:DOC|{'|'.join(TREC_FIELDS)})>|\Z)",
        re.IGNORECASE | re.DOTALL,
    )
    for tag in TREC_FIELDS
}
HTML_START_RE = re.compile(r"^(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)\b", re.IGNORECASE | re.DOTALL)
XML_START_RE = re.compile(r"^<\?xml\b", re.IGNORECASE)
ISO_DATE_RE = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)")

HTML_EXTENSIONS = {".html", ".htm", ".xhtml"}
JSONL_EXTENSIONS = {".jsonl", ".ndjson"}
CSV_DELIMITERS = {".csv": ",", ".tsv": "\t"}
TEXT_EXTENSIONS = {".txt", ".text"}


class _Unreadable(ValueError):
    """An input (file, zip member or record) that cannot become an article."""


@dataclass(frozen=True)
class _Input:
    """Where some bytes came from.

    ``origin`` names it for people (the path as given, then zip member and position);
    ``id_path`` is the relative path used in doc ids (zip suffixes dropped);
    ``full_path`` keeps the folders above, which ANT ids are built from.
    """

    origin: str
    id_path: PurePosixPath
    full_path: PurePosixPath

    def member(self, name: str) -> "_Input":
        return _Input(
            origin=f"{self.origin}:{name}",
            id_path=self.id_path.with_suffix("") / name.lstrip("/"),
            full_path=self.full_path.with_suffix("") / name.lstrip("/"),
        )


@dataclass(frozen=True)
class RenamedId:
    """An article whose ``doc_id`` an earlier article of the same read already had.

    The first article keeps the id; this one was given ``doc_id``: the
    original, ``@``, its file and position in the file (``n1@b.jsonl:7``),
    then ``~2``, ``~3``... while that is taken too.
    """

    origin: str
    original: str
    doc_id: str


# ---------------------------------------------------------------- public API


def load_corpus(
    paths: Union[PathLike, Iterable[PathLike]],
    limit: Optional[int] = None,
    skipped: Optional[list[Skipped]] = None,
    renamed: Optional[list[RenamedId]] = None,
) -> Iterator[Article]:
    """Stream the articles under ``paths`` (files or folders), in a fixed order.

    Folders are walked recursively in name order, skipping hidden files and
    documentation (README*, LICENSE*, ...).  Links are followed once: loops,
    broken links, special files (FIFOs, sockets, devices) and a file reached
    a second time are skipped.  At most ``limit`` articles are yielded.
    Unreadable inputs are appended to ``skipped`` (if given) as
    ``Skipped(origin, reason)`` and logged; they never raise.

    Every yielded ``doc_id`` is unique: an article whose id an earlier one
    has gets a new one, recorded in ``renamed`` (if given) as a ``RenamedId``
    and logged.

    Raises ``FileNotFoundError`` for a path that does not exist and
    ``ValueError`` for a negative ``limit`` or no paths, at call time.
    """
    roots = _as_roots(paths)
    if limit is not None and (isinstance(limit, bool) or not isinstance(limit, int) or limit < 0):
        raise ValueError(f"limit must be a non-negative integer or None, got {limit!r}")
    return _iter_articles(roots, skipped, renamed, limit)


def sample_corpus(
    paths: Union[PathLike, Iterable[PathLike]],
    size: int,
    seed: int = 0,
    skipped: Optional[list[Skipped]] = None,
    renamed: Optional[list[RenamedId]] = None,
) -> list[Article]:
    """A seeded uniform sample of ``size`` articles from the whole corpus, in corpus order.

    One streaming pass with reservoir sampling: memory holds ``size`` articles,
    whatever the corpus size. A quick look at 500 articles of a multi-outlet
    corpus then spans every outlet rather than the first folder.  Ids are
    made unique over the whole corpus, as in ``load_corpus``; ``renamed``
    receives the renames of the sampled articles only.
    """
    if isinstance(size, bool) or not isinstance(size, int) or size < 0:
        raise ValueError(f"sample size must be a non-negative integer, got {size!r}")
    rng = random.Random(seed)
    reservoir: list[tuple[int, Article]] = []
    every_rename: list[RenamedId] = []
    for index, article in enumerate(load_corpus(paths, skipped=skipped, renamed=every_rename)):
        if len(reservoir) < size:
            reservoir.append((index, article))
        else:
            slot = rng.randint(0, index)
            if slot < size:
                reservoir[slot] = (index, article)
    sample = [article for _, article in sorted(reservoir, key=lambda pair: pair[0])]
    if renamed is not None:
        ids = {article.doc_id for article in sample}
        renamed.extend(record for record in every_rename if record.doc_id in ids)
    return sample


def summarize_corpus(paths: Union[PathLike, Iterable[PathLike]], limit: Optional[int] = None) -> dict[str, Any]:
    """Count what ``load_corpus`` reads, streaming (memory does not grow with articles).

    ``words`` counts whitespace-separated tokens of each ``raw_text``
    (title included).  Dates are ISO strings, ``None`` when no article has one.
    ``skipped`` lists every input not read, with its reason; ``renamed_ids``
    every article whose duplicate id was changed (``origin``, ``original``, ``doc_id``).
    """
    skipped: list[Skipped] = []
    renamed: list[RenamedId] = []
    articles = words = 0
    sources: Counter[str] = Counter()
    date_min: Optional[str] = None
    date_max: Optional[str] = None
    reading = load_corpus(paths, limit, skipped, renamed)
    for article in tqdm(reading, desc="reading corpus", unit=" articles", disable=None):
        articles += 1
        words += len(article.raw_text.split())
        sources[article.source] += 1
        if article.date:  # ISO dates order as strings
            date_min = min(date_min or article.date, article.date)
            date_max = max(date_max or article.date, article.date)
    return {
        "articles": articles,
        "words": words,
        "sources": dict(sources.most_common()),
        "date_min": date_min,
        "date_max": date_max,
        "skipped": [asdict(item) for item in skipped],
        "renamed_ids": [asdict(item) for item in renamed],
    }


def iter_chunks(iterable: Iterable[T], size: int) -> Iterator[list[T]]:
    """Lists of ``size`` items (the last may be shorter), read lazily."""
    if size < 1:
        raise ValueError(f"chunk size must be at least 1, got {size}")
    iterator = iter(iterable)
    while chunk := list(islice(iterator, size)):
        yield chunk


def decode_text(data: bytes) -> str:
    """Text from bytes: UTF-8 (BOM or not), UTF-16/32 with BOM, UTF-16 without, or Windows-1256.

    The BOM is dropped and line ends become ``\\n``.  Raises ``ValueError``
    (with a reason) for binary data.
    """
    for magic, kind in BINARY_MAGIC.items():
        if data.startswith(magic):
            raise _Unreadable(f"not text (binary?): {kind}")
    for bom, codec in BOMS:
        if data.startswith(bom):
            try:
                return _normalize_newlines(data[len(bom):].decode(codec))
            except UnicodeDecodeError as err:
                raise _Unreadable(f"not text (binary?): starts with a {codec} BOM but does not decode ({err.reason})")
    if b"\x00" in data[:SNIFF_CHARS]:
        text = _utf16_without_bom(data)
        if text is None:
            raise _Unreadable("not text (binary?): contains NUL bytes and is not UTF-16 text")
        return _normalize_newlines(text)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("cp1256", errors="replace")
        if plausible_char_ratio(text[:SNIFF_CHARS]) < MIN_PLAUSIBLE_RATIO:
            return _normalize_newlines(_utf16_or_fail(data, "neither UTF-8, UTF-16 nor Windows-1256 Arabic"))
        logger.debug("decoded as Windows-1256")
    sample = text[:SNIFF_CHARS]
    if sample and len(CONTROL_CHAR_RE.findall(sample)) / len(sample) > MAX_CONTROL_RATIO:
        # UTF-16 Arabic without a BOM or a space has no NUL byte but many 0x06 bytes.
        return _normalize_newlines(_utf16_or_fail(data, "full of control characters"))
    return _normalize_newlines(text)


def _utf16_or_fail(data: bytes, reason: str) -> str:
    text = _utf16_without_bom(data)
    if text is None:
        raise _Unreadable(f"not text (binary?): {reason}")
    return text


def _utf16_without_bom(data: bytes) -> Optional[str]:
    """``data`` decoded as UTF-16 (LE or BE) when it reads as plausible text, else None.

    Some Windows tools save UTF-16 with no byte-order mark; its ASCII characters
    (spaces, digits, line ends) then show up as NUL bytes.
    """
    for codec in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        sample = text[:SNIFF_CHARS]
        if (plausible_char_ratio(sample) >= MIN_PLAUSIBLE_RATIO
                and not CONTROL_CHAR_RE.search(sample)):
            logger.debug("decoded as %s without a BOM", codec)
            return text
    return None


def plausible_char_ratio(text: str) -> float:
    """Share of ``text`` made of characters Arabic or ASCII prose uses (0 for empty)."""
    if not text:
        return 0.0
    return 1.0 - len(IMPLAUSIBLE_CHAR_RE.findall(text)) / len(text)


def detect_format(text: str, name: str = "") -> str:
    """The layout of decoded ``text``: "trec", "html", "json", "jsonl", "csv", "xml" or "text".

    Content decides; the extension of ``name`` only settles ambiguous cases
    (a ``.txt`` file is never read as JSON or CSV).
    """
    head = text[:SNIFF_CHARS].lstrip()
    suffix = PurePosixPath(name).suffix.lower()
    if TREC_START_RE.match(head):
        return "trec"
    if suffix in HTML_EXTENSIONS or HTML_START_RE.match(head):
        return "html"
    if XML_START_RE.match(head):
        return "xml"
    if suffix in TEXT_EXTENSIONS:
        return "text"
    if suffix in JSONL_EXTENSIONS:
        return "jsonl"
    if suffix in CSV_DELIMITERS:
        return "csv"
    if head.startswith("{"):
        return "jsonl" if _is_json_object(head.split("\n", 1)[0]) and "\n{" in head else "json"
    if head.startswith("[") or suffix == ".json":
        return "json"
    if _csv_delimiter(head.split("\n", 1)[0]):
        return "csv"
    return "text"


def parse_date(value: Any) -> str:
    """ISO date (YYYY-MM-DD) from "2015-08-04 18:15:11", "2015/08/04" or an RFC 822 date; "" if unknown."""
    if not isinstance(value, str) or not value.strip():
        return ""
    value = value.strip()
    match = ISO_DATE_RE.match(value)
    try:
        if match:
            return date(*(int(part) for part in match.groups())).isoformat()
        return parsedate_to_datetime(value).date().isoformat()
    except (TypeError, ValueError, IndexError, OverflowError):
        return ""


def prepend_title(title: str, body: str) -> str:
    """``title``, a blank line, then ``body`` -- unless the body already opens with the title."""
    title = title.strip()
    if not title or body.lstrip().startswith(title):
        return body
    if not body.strip():
        return title
    return f"{title}\n\n{body}"


# ------------------------------------------------------------- walking paths


@dataclass
class _Seen:
    """What one read has met, so that links never make it loop or read a file twice.

    Keys are ``(st_dev, st_ino)``; values the first origin, named in skip reasons.
    """

    files: dict[tuple[int, int], str] = field(default_factory=dict)
    folders: dict[tuple[int, int], str] = field(default_factory=dict)


def _as_roots(paths: Union[PathLike, Iterable[PathLike]]) -> list[Path]:
    items = [paths] if isinstance(paths, (str, os.PathLike)) else list(paths)
    if not items:
        raise ValueError("no corpus paths given")
    roots = [Path(item) for item in items]
    for root in roots:
        # lexists: a broken or looping link given as the corpus is a skip with its reason.
        if not os.path.lexists(root):
            raise FileNotFoundError(f"corpus path does not exist: {root}")
    return roots


def _iter_articles(roots: list[Path], skipped: Optional[list[Skipped]],
                   renamed: Optional[list[RenamedId]], limit: Optional[int]) -> Iterator[Article]:
    yield from islice(_unique_ids(_read_roots(roots, skipped), renamed), limit)


def _read_roots(roots: list[Path], skipped: Optional[list[Skipped]]) -> Iterator[tuple[Article, _Input]]:
    """Each article with the file it came from (which names it when its id must change)."""
    seen = _Seen()
    for root in roots:
        for path, source in _iter_inputs(root, skipped, seen):
            try:
                for article in _read_path(path, source, skipped, seen):
                    yield article, source
            except Exception as err:  # one bad file must not stop a 100,000-article run
                logger.debug("unexpected error reading %s", source.origin, exc_info=True)
                _skip(skipped, source.origin, f"unexpected error: {type(err).__name__}: {err}")


def _iter_inputs(root: Path, skipped: Optional[list[Skipped]], seen: _Seen) -> Iterator[tuple[Path, _Input]]:
    status = _stat_or_skip(root, skipped)
    if status is None:
        return
    if stat.S_ISDIR(status.st_mode):
        for path in _walk(root, status, skipped, seen):
            relative = PurePosixPath(printable(path.relative_to(root).as_posix()))
            yield path, _Input(printable(path.as_posix()), relative, PurePosixPath(printable(path.absolute().as_posix())))
    elif _special_kind(status.st_mode):
        _skip(skipped, root.as_posix(), _not_regular(root, status))
    else:
        yield root, _Input(printable(root.as_posix()), PurePosixPath(printable(root.name)),
                           PurePosixPath(printable(root.absolute().as_posix())))


def _walk(root: Path, status: os.stat_result, skipped: Optional[list[Skipped]], seen: _Seen) -> Iterator[Path]:
    """Regular files under ``root``, depth first in name order, following links once.

    Iterative, so that deep trees cannot exhaust the recursion limit.  A link
    back to a folder being walked is a loop; a folder reached a second time
    (through a link) is skipped; both are recorded with their reason.
    """
    key = _inode(status)
    if key in seen.folders:
        _skip(skipped, root.as_posix(), f"folder already read as {seen.folders[key]}")
        return
    seen.folders[key] = root.as_posix()
    stack = [(key, _list_folder(root, skipped))]
    open_folders = {key}  # the folders on the current path: a link back to one is a loop
    while stack:
        key, entries = stack[-1]
        entry = next(entries, None)
        if entry is None:
            stack.pop()
            open_folders.discard(key)
            continue
        if _is_ignored(entry.name):
            logger.debug("ignoring %s", entry.path)
            continue
        path = Path(entry.path)
        status = _stat_or_skip(path, skipped)
        if status is None:
            continue
        if stat.S_ISDIR(status.st_mode):
            child = _inode(status)
            if child in open_folders:
                _skip(skipped, path.as_posix(), f"link loop: {_link_note(path)}leads back to {seen.folders[child]}")
            elif child in seen.folders:
                _skip(skipped, path.as_posix(), f"folder already read as {seen.folders[child]}")
            else:
                seen.folders[child] = path.as_posix()
                open_folders.add(child)
                stack.append((child, _list_folder(path, skipped)))
        elif _special_kind(status.st_mode):
            _skip(skipped, path.as_posix(), _not_regular(path, status))
        else:
            yield path


def _list_folder(folder: Path, skipped: Optional[list[Skipped]]) -> Iterator[os.DirEntry]:
    try:
        with os.scandir(folder) as scan:
            entries = sorted(scan, key=lambda entry: entry.name)
    except OSError as err:
        _skip(skipped, folder.as_posix(), f"cannot list folder: {err.strerror or err}")
        return iter(())
    return iter(entries)


def _stat_or_skip(path: Path, skipped: Optional[list[Skipped]]) -> Optional[os.stat_result]:
    """``os.stat`` (links followed), or None after recording why it failed."""
    try:
        return os.stat(path)
    except (OSError, ValueError) as err:  # ValueError: a NUL byte in the name
        _skip(skipped, path.as_posix(), _stat_problem(path, err))
        return None


def _stat_problem(path: Path, err: Exception) -> str:
    target = _link_target(path)
    errno_ = getattr(err, "errno", None)
    if target is None:
        return f"cannot read: {getattr(err, 'strerror', None) or err}"
    if errno_ == errno.ELOOP:
        return f"link loop: -> {target}"
    if errno_ in (errno.ENOENT, errno.ENOTDIR):
        return f"broken link -> {target}"
    return f"cannot follow link -> {target}: {getattr(err, 'strerror', None) or err}"


def _link_target(path: Path) -> Optional[str]:
    try:
        return os.readlink(path)
    except (OSError, ValueError):
        return None


def _link_note(path: Path) -> str:
    target = _link_target(path)
    return "" if target is None else f"-> {target} "


def _inode(status: os.stat_result) -> tuple[int, int]:
    return status.st_dev, status.st_ino


def _special_kind(mode: int) -> str:
    """What a non-regular, non-folder file is ("" for a regular file)."""
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return ""
    for test, kind in ((stat.S_ISFIFO, "FIFO"), (stat.S_ISSOCK, "socket"),
                       (stat.S_ISCHR, "character device"), (stat.S_ISBLK, "block device")):
        if test(mode):
            return kind
    return "special file"


def _not_regular(path: Path, status: os.stat_result) -> str:
    target = _link_target(path)
    via = f", reached by link -> {target}" if target is not None else ""
    return f"not a regular file ({_special_kind(status.st_mode)}){via}"


def _is_ignored(name: str) -> bool:
    return name.startswith(".") or bool(IGNORED_NAME_RE.match(name))


def _skip(skipped: Optional[list[Skipped]], origin: str, reason: str) -> None:
    origin, reason = printable(origin), printable(reason)  # one line per skipped input
    logger.warning("skipped %s: %s", origin, reason)
    if skipped is not None:
        skipped.append(Skipped(origin, reason))


def printable(text: str) -> str:
    """``text`` with line breaks, control and bidi characters and undecodable bytes escaped.

    File names may hold any of them; reported as is, they would break
    "one line per skipped file" or read as something else.  Idempotent.
    """
    return UNPRINTABLE_RE.sub(_escape_char, text)


def _escape_char(match: re.Match) -> str:
    code = ord(match.group())
    if 0xDC80 <= code <= 0xDCFF:  # a byte that is not UTF-8, as os.fsdecode keeps it
        return f"\\x{code - 0xDC00:02x}"
    if code < 0x100:
        return repr(match.group())[1:-1]
    return f"\\u{code:04x}"


# ----------------------------------------------------------- doc ids unique


def _unique_ids(pairs: Iterable[tuple[Article, _Input]], renamed: Optional[list[RenamedId]]) -> Iterator[Article]:
    """The articles, each later holder of a taken ``doc_id`` renamed (the first keeps it).

    A rename depends only on earlier articles, so a limited or sampled read
    gives an article the same id as a full read.
    """
    taken: set[str] = set()
    for article, source in pairs:
        if article.doc_id in taken:
            article = _rename(article, source, taken, renamed)
        taken.add(article.doc_id)
        yield article


def _rename(article: Article, source: _Input, taken: set[str], renamed: Optional[list[RenamedId]]) -> Article:
    """``id@file[position]``, then ``~2``, ``~3``... until free."""
    position = article.origin[len(source.origin):] if article.origin.startswith(source.origin) else ""
    base = f"{article.doc_id}@{source.id_path.as_posix()}{position}"
    doc_id, count = base, 1
    while doc_id in taken:
        count += 1
        doc_id = f"{base}~{count}"
    record = RenamedId(origin=article.origin, original=article.doc_id, doc_id=doc_id)
    logger.warning("renamed %s: doc id %s already taken, now %s", record.origin, printable(record.original), record.doc_id)
    if renamed is not None:
        renamed.append(record)
    return replace(article, doc_id=doc_id)


# ------------------------------------------------------------- reading bytes


def _read_path(path: Path, source: _Input, skipped: Optional[list[Skipped]], seen: _Seen) -> Iterator[Article]:
    opened = _open_regular(path, source, skipped, seen)
    if opened is None:
        return
    handle, size = opened
    with handle:
        try:  # a size of 0 is not trusted: /proc and some FUSE files report it and hold text
            head = handle.read(4)
            if head.startswith(ZIP_MAGIC):
                handle.seek(0)
                yield from _read_zip(handle, source, skipped, depth=1)  # members are read one by one
                return
            if size > MAX_FILE_BYTES:
                _skip(skipped, source.origin, _too_big(size))
                return
            data = head + handle.read(MAX_FILE_BYTES + 1 - len(head))
        except OSError as err:
            _skip(skipped, source.origin, f"cannot read file: {err.strerror or err}")
            return
    if len(data) > MAX_FILE_BYTES:  # it grew since it was measured
        _skip(skipped, source.origin, _too_big(len(data)))
        return
    yield from _read_bytes(data, source, skipped, depth=0)


def _open_regular(path: Path, source: _Input, skipped: Optional[list[Skipped]],
                  seen: _Seen) -> Optional[tuple[BinaryIO, int]]:
    """``path`` open for reading with its size, if it is a regular file not read before.

    Non-blocking, and checked on the open file: a FIFO that took the file's
    place since the walk must not hang the read.
    """
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except (OSError, ValueError) as err:
        _skip(skipped, source.origin, f"cannot read file: {getattr(err, 'strerror', None) or err}")
        return None
    handle = os.fdopen(fd, "rb")
    status = os.fstat(fd)
    key = _inode(status)
    problem = ""
    if _special_kind(status.st_mode):
        problem = _not_regular(path, status)
    elif key in seen.files:
        problem = f"same file as {seen.files[key]} (already read)"
    if problem:
        handle.close()
        _skip(skipped, source.origin, problem)
        return None
    seen.files[key] = source.origin
    return handle, status.st_size


def _too_big(size: int) -> str:
    return (
        f"file is {size / 2**20:.1f} MB, over the {MAX_FILE_BYTES / 2**20:.0f} MB limit "
        "(qawl.corpus.MAX_FILE_BYTES); split it into smaller files, e.g. one article per file, "
        "or `split -l 10000 FILE part_` for JSON Lines/CSV, or zip it"
    )


def _too_big_member(info: zipfile.ZipInfo) -> str:
    ratio = info.file_size / max(info.compress_size, 1)
    return (
        f"zip member unpacks to {info.file_size / 2**20:.1f} MB ({ratio:.0f} times its packed size), "
        f"over the {MAX_FILE_BYTES / 2**20:.0f} MB limit (qawl.corpus.MAX_FILE_BYTES): "
        "split it into smaller files inside the zip"
    )


def _read_bytes(data: bytes, source: _Input, skipped: Optional[list[Skipped]], depth: int) -> Iterator[Article]:
    """The articles in ``data``; ``depth`` counts the zips it sits in."""
    if not data:
        _skip(skipped, source.origin, "empty file")
        return
    if data.startswith(ZIP_MAGIC):
        if depth >= MAX_ZIP_DEPTH:
            _skip(skipped, source.origin, f"zip nested in {depth} zips, deeper than qawl.corpus.MAX_ZIP_DEPTH "
                                          f"({MAX_ZIP_DEPTH}): unzip the outer ones first")
            return
        yield from _read_zip(io.BytesIO(data), source, skipped, depth + 1)
        return
    try:
        text = decode_text(data)
        if not text.strip():
            raise _Unreadable("empty file" if not text else "empty file (only whitespace)")
        yield from _parse_text(text, source, skipped)
    except _Unreadable as err:
        _skip(skipped, source.origin, str(err))


def _read_zip(archive_file: BinaryIO, source: _Input, skipped: Optional[list[Skipped]], depth: int) -> Iterator[Article]:
    try:
        archive = zipfile.ZipFile(archive_file)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError) as err:
        _skip(skipped, source.origin, f"corrupt or truncated zip: {err}")
        return
    with archive:
        members = sorted(
            (info for info in archive.infolist() if not info.is_dir() and not _is_ignored_member(info.filename)),
            key=lambda info: info.filename,
        )
        if any(info.filename in ("[Content_Types].xml", "mimetype") for info in members):
            _skip(skipped, source.origin, "an Office document or EPUB, not a corpus zip: export it to text first")
            return
        for info in members:
            member = source.member(printable(info.filename))
            if stat.S_ISLNK(info.external_attr >> 16):  # its bytes are a path, not an article
                _skip(skipped, member.origin, "zip member is a symbolic link")
                continue
            if info.flag_bits & 0x1:
                _skip(skipped, member.origin, "zip member is encrypted: unzip it with its password first")
                continue
            # The declared size bounds what is read: zipfile never inflates past it.
            if info.file_size > MAX_FILE_BYTES:
                _skip(skipped, member.origin, _too_big_member(info))
                continue
            try:
                data = archive.read(info)
            except (zipfile.BadZipFile, zlib.error, EOFError, OSError, RuntimeError, NotImplementedError,
                    ValueError) as err:
                _skip(skipped, member.origin, f"cannot read zip member: {err}")
                continue
            yield from _read_bytes(data, member, skipped, depth)


def _is_ignored_member(name: str) -> bool:
    return any(_is_ignored(part) for part in PurePosixPath(name).parts)


def _normalize_newlines(text: str) -> str:
    return NEWLINE_RE.sub("\n", text)


# ------------------------------------------------------------------ formats


def _parse_text(text: str, source: _Input, skipped: Optional[list[Skipped]]) -> Iterator[Article]:
    kind = detect_format(text, source.id_path.name)
    if kind == "trec":
        yield from _parse_trec(text, source, skipped)
    elif kind == "html":
        yield _parse_html(text, source)
    elif kind == "json":
        yield from _parse_json(text, source, skipped)
    elif kind == "jsonl":
        yield from _parse_jsonl(text, source, skipped)
    elif kind == "csv":
        yield from _parse_csv(text, source, skipped)
    elif kind == "xml":
        raise _Unreadable("XML without TREC/ANT <DOC> markup: convert it to .txt, JSON Lines or CSV")
    else:
        yield _plain_article(text, source)


def _plain_article(text: str, source: _Input) -> Article:
    return Article(
        doc_id=str(source.id_path.with_suffix("")),
        raw_text=text,
        origin=source.origin,
        title=_first_line(text),
    )


def _first_line(text: str) -> str:
    return next((line.strip() for line in text.split("\n") if line.strip()), "")


# TREC / ANT pseudo-XML -------------------------------------------------------


def _parse_trec(text: str, source: _Input, skipped: Optional[list[Skipped]]) -> Iterator[Article]:
    docs = TREC_DOC_RE.findall(text)
    for index, doc in enumerate(docs):
        fields = {tag: _trec_field(doc, tag) for tag in TREC_FIELDS}
        suffix = f"#{index}" if len(docs) > 1 else ""
        body = fields["TEXT"] or fields["ABSTRACT"]  # the gold leaves the abstract out
        if not body.strip():
            _skip(skipped, source.origin + suffix, f"document #{index}: no <TEXT> or <ABSTRACT> text")
            continue
        yield Article(
            doc_id=f"ant/{_trec_id_path(source, fields['CAT'])}{suffix}",
            raw_text=prepend_title(fields["TITLE"], body),
            origin=source.origin + suffix,
            source=_trec_source(source, fields),
            date=parse_date(fields["TIME"]),
            title=fields["TITLE"].strip(),
            url=fields["URL"].strip(),
            author=fields["AUTHOR"].strip(),
            section=fields["CAT"].strip(),
        )


def _trec_field(doc: str, tag: str) -> str:
    match = TREC_FIELD_RES[tag].search(doc)
    if not match:
        return ""
    value = html.unescape(match.group(1)) if "&" in match.group(1) else match.group(1)
    return BLANK_EDGES_RE.sub("", value)


def _trec_id_path(source: _Input, category: str) -> str:
    """``Outlet/category/file`` when the file sits in its category folder, as the gold ids do."""
    parts = source.full_path.parts
    if category.strip() and len(parts) >= 3 and parts[-2].lower() == category.strip().lower():
        return "/".join(parts[-3:])
    return str(source.id_path)


def _trec_source(source: _Input, fields: dict[str, str]) -> str:
    """The outlet folder's spelling ("France24") when it names the same outlet as SRC ("france24")."""
    declared = fields["SRC"].strip()
    parts = source.full_path.parts
    if len(parts) >= 3 and parts[-2].lower() == fields["CAT"].strip().lower():
        outlet = parts[-3]
        if not declared or outlet.lower() == declared.lower():
            return outlet
    return declared


# HTML --------------------------------------------------------------------------


class _VisibleText(HTMLParser):
    """Collects the text a browser shows, a line per block, plus the title."""

    HIDDEN = {"script", "style", "noscript", "template", "svg", "iframe", "object"}
    BLOCKS = {
        "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption",
        "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li",
        "main", "nav", "ol", "p", "pre", "section", "table", "td", "th", "tr", "ul",
    }

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title_parts: list[str] = []
        self.heading_parts: list[str] = []
        self._hidden = 0
        self._open: Optional[str] = None  # "title" or the first "h1" while inside it
        self._seen_h1 = False

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in self.HIDDEN:
            self._hidden += 1
        elif tag == "title":
            self._open = "title"
        elif tag == "h1" and not self._seen_h1:
            self._open, self._seen_h1 = "h1", True
        if tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_startendtag(self, tag: str, attrs: list) -> None:
        if tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.HIDDEN and self._hidden:
            self._hidden -= 1
        elif tag in ("title", "h1"):
            self._open = None
        if tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self._hidden:
            return
        if self._open == "title":
            self.title_parts.append(data)
            return
        if self._open == "h1":
            self.heading_parts.append(data)
        self.parts.append(data)


def _parse_html(text: str, source: _Input) -> Article:
    parser = _VisibleText()
    try:
        parser.feed(text)
        parser.close()
    except (AssertionError, ValueError) as err:
        raise _Unreadable(f"malformed HTML: {err}") from err
    lines = (WHITESPACE_RUN_RE.sub(" ", line).strip() for line in "".join(parser.parts).split("\n"))
    body = "\n".join(line for line in lines if line)
    if not body:
        raise _Unreadable("HTML page without visible text")
    title = _squeeze("".join(parser.heading_parts)) or _squeeze("".join(parser.title_parts)) or _first_line(body)
    return Article(
        doc_id=str(source.id_path.with_suffix("")),
        raw_text=prepend_title(title, body),
        origin=source.origin,
        title=title,
    )


def _squeeze(text: str) -> str:
    return " ".join(text.split())


# JSON, JSON Lines, CSV records -----------------------------------------------


def _parse_json(text: str, source: _Input, skipped: Optional[list[Skipped]]) -> Iterator[Article]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        raise _Unreadable(f"malformed JSON: {err.msg} at line {err.lineno} column {err.colno}") from err
    except (ValueError, RecursionError) as err:
        raise _Unreadable(f"malformed JSON: {_json_problem(err)}") from err
    records = _json_records(data)
    for index, record in enumerate(records):
        origin = f"{source.origin}#{index}"
        try:
            yield _record_article(record, _record_id(record, source, index), origin)
        except _Unreadable as err:
            _skip(skipped, origin, f"record #{index}: {err}")


def _json_problem(err: Exception) -> str:
    """Why ``json.loads`` failed: its message, too deep nesting, or a number too long to convert."""
    if isinstance(err, json.JSONDecodeError):
        return err.msg
    if isinstance(err, RecursionError):
        return "nested too deeply"
    return str(err).split(";")[0]  # e.g. "Exceeds the limit (4300 digits) for integer string conversion"


def _json_records(data: Any) -> list:
    if isinstance(data, list):
        return data
    if isinstance(data, dict):
        if any(key in data for key in TEXT_FIELDS):
            return [data]
        lists = [value for value in data.values() if isinstance(value, list)]
        if len(lists) == 1:  # {"articles": [...]}
            return lists[0]
    raise _Unreadable("JSON holds neither a list of records nor a record with a 'text' or 'content' field")


def _parse_jsonl(text: str, source: _Input, skipped: Optional[list[Skipped]]) -> Iterator[Article]:
    index = 0
    for lineno, line in enumerate(text.split("\n"), start=1):  # not splitlines: U+2028 may sit in strings
        if not line.strip():
            continue
        origin = f"{source.origin}:{lineno}"
        try:
            try:
                record = json.loads(line)
            except (ValueError, RecursionError) as err:
                raise _Unreadable(f"malformed JSON ({_json_problem(err)})") from err
            yield _record_article(record, _record_id(record, source, index), origin)
        except _Unreadable as err:
            _skip(skipped, origin, f"line {lineno}: {err}")
        index += 1


def _parse_csv(text: str, source: _Input, skipped: Optional[list[Skipped]]) -> Iterator[Article]:
    header = text.split("\n", 1)[0]
    delimiter = CSV_DELIMITERS.get(source.id_path.suffix.lower()) or _csv_delimiter(header) or ","
    # Article bodies outgrow csv's default 128 KB field limit.
    csv.field_size_limit(max(csv.field_size_limit(), MAX_FILE_BYTES))
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    columns = [name.strip().lstrip("\ufeff").lower() for name in next(reader, [])]
    if not any(field in columns for field in TEXT_FIELDS):
        raise _Unreadable(f"CSV header has no 'text' or 'content' column (found: {', '.join(columns)})")
    index = 0
    while True:
        start = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as err:
            _skip(skipped, f"{source.origin}:{start}", f"line {start}: malformed CSV ({err})")
            index += 1
            continue
        if not any(cell.strip() for cell in row):
            continue
        origin = f"{source.origin}:{start}"
        if len(row) != len(columns):
            _skip(skipped, origin, f"line {start}: expected {len(columns)} fields, found {len(row)}")
        else:
            record = dict(zip(columns, row))
            try:
                yield _record_article(record, _record_id(record, source, index), origin)
            except _Unreadable as err:
                _skip(skipped, origin, f"line {start}: {err}")
        index += 1


def _csv_delimiter(header: str) -> str:
    """The delimiter that makes ``header`` a row naming a text column ("" if none does)."""
    for delimiter in (",", "\t", ";"):
        names = [name.strip().strip('"').lower() for name in header.split(delimiter)]
        if len(names) > 1 and any(field in names for field in TEXT_FIELDS):
            return delimiter
    return ""


def _is_json_object(line: str) -> bool:
    try:
        return isinstance(json.loads(line), dict)
    except (ValueError, RecursionError):  # ValueError: also an integer too long to convert
        return False


def _record_id(record: Any, source: _Input, index: int) -> str:
    if isinstance(record, dict):
        fields = _lower_keys(record)
        for key in ID_FIELDS:
            if fields.get(key) not in (None, ""):
                return printable(str(fields[key]))
        if SNN_FIELDS <= fields.keys():
            return f"snn/{source.id_path.stem}/{index}"  # the gold's SaudiNewsNet ids
    return f"{source.id_path.with_suffix('')}/{index}"


def _record_article(record: Any, doc_id: str, origin: str) -> Article:
    if not isinstance(record, dict):
        raise _Unreadable(f"not an object but {type(record).__name__}")
    fields = _lower_keys(record)
    present = [key for key in TEXT_FIELDS if key in fields]
    if not present:
        raise _Unreadable("no 'text' or 'content' field")
    # A record may carry both fields with one of them empty.
    key = next((key for key in present if isinstance(fields[key], str) and fields[key].strip()), present[0])
    body = fields[key]
    if body is None:
        raise _Unreadable(f"field '{key}' is null")
    if not isinstance(body, str):
        raise _Unreadable(f"field '{key}' is {type(body).__name__}, not text")
    if not body.strip():
        raise _Unreadable(f"field '{key}' is empty" + (" (only whitespace)" if body else ""))
    title = _field(fields, "title")
    return Article(
        doc_id=doc_id,
        raw_text=prepend_title(title, _normalize_newlines(_no_surrogates(body))),
        origin=origin,
        source=_field(fields, "source"),
        date=next((parse_date(fields[key]) for key in DATE_FIELDS if fields.get(key)), ""),
        title=title.strip(),
        url=_field(fields, "url"),
        author=_field(fields, "author"),
        section=next((_field(fields, key) for key in SECTION_FIELDS if _field(fields, key)), ""),
    )


def _lower_keys(record: dict) -> dict[str, Any]:
    return {str(key).strip().lower(): value for key, value in record.items()}


def _field(fields: dict[str, Any], key: str) -> str:
    value = fields.get(key)
    return "" if value is None else _no_surrogates(str(value)).strip()


def _no_surrogates(text: str) -> str:
    """``text`` with lone surrogates (JSON ``"\\ud83d"`` of a cut emoji) as U+FFFD: they cannot be written as UTF-8."""
    return SURROGATE_RE.sub("\ufffd", text) if SURROGATE_RE.search(text) else text


# ---------------------------------------------------------------------- CLI


def main(argv: Optional[list[str]] = None) -> int:
    """``python -m qawl.corpus PATH... [--limit N]``: print the corpus summary as JSON."""
    parser = argparse.ArgumentParser(prog="python -m qawl.corpus", description=main.__doc__)
    parser.add_argument("paths", nargs="+", help="corpus files or folders")
    parser.add_argument("--limit", type=int, default=None, help="read at most this many articles")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    summary = summarize_corpus(args.paths, args.limit)
    sys.stdout.write(json.dumps(summary, ensure_ascii=False, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
