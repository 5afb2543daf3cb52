"""Bytes to text: decoding (UTF-8, UTF-16/32, Windows-1256), escaping for reports, dates and titles.
"""
from __future__ import annotations

import logging
import re
from datetime import date
from email.utils import parsedate_to_datetime
from typing import Any, Optional

logger = logging.getLogger(__package__)  # one logger for the reader: filters on "qawl.corpus" see every record

# Characters looked at when judging whether decoded bytes are text.
SNIFF_CHARS = 65536
# Share of plausible characters needed to accept a Windows-1256 decoding.
MIN_PLAUSIBLE_RATIO = 0.95
# Share of control characters above which UTF-8 "text" is taken for binary.
MAX_CONTROL_RATIO = 0.01

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

ISO_DATE_RE = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)")


class _Unreadable(ValueError):
    """An input (file, zip member or record) that cannot become an article."""


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


def _normalize_newlines(text: str) -> str:
    return NEWLINE_RE.sub("\n", text)


def _squeeze(text: str) -> str:
    return " ".join(text.split())


def _no_surrogates(text: str) -> str:
    """``text`` with lone surrogates (JSON ``"\\ud83d"`` of a cut emoji) as U+FFFD: they cannot be written as UTF-8."""
    return SURROGATE_RE.sub("\ufffd", text) if SURROGATE_RE.search(text) else text
