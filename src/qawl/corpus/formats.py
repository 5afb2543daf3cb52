"""Recognising a decoded input's layout and parsing it into articles: plain text, TREC/ANT
pseudo-XML, HTML, JSON, JSON Lines and CSV/TSV.
"""
from __future__ import annotations

import csv
import html
import io
import json
import re
from html.parser import HTMLParser
from pathlib import PurePosixPath
from typing import Any, Iterator, Optional

from qawl.corpus import inputs
from qawl.corpus.inputs import _Input, _skip
from qawl.corpus.text import (
    BLANK_EDGES_RE, SNIFF_CHARS, WHITESPACE_RUN_RE, _Unreadable, _no_surrogates, _normalize_newlines,
    _squeeze, parse_date, prepend_title, printable,
)
from qawl.schema import Article, Skipped

TEXT_FIELDS = ("text", "content")
ID_FIELDS = ("doc_id", "id")
DATE_FIELDS = ("date", "date_extracted", "published")
SNN_FIELDS = frozenset({"source", "url", "date_extracted", "title", "author", "content"})
# a record's section of the outlet, where it has one (SaudiNewsNet has none)
SECTION_FIELDS = ("section", "category", "cat")
TREC_FIELDS = ("DOCNO", "URL", "SRC", "CAT", "TITLE", "TIME", "AUTHOR", "ABSTRACT", "TEXT")

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

HTML_EXTENSIONS = {".html", ".htm", ".xhtml"}
JSONL_EXTENSIONS = {".jsonl", ".ndjson"}
CSV_DELIMITERS = {".csv": ",", ".tsv": "\t"}
TEXT_EXTENSIONS = {".txt", ".text"}


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
    csv.field_size_limit(max(csv.field_size_limit(), inputs.MAX_FILE_BYTES))
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
