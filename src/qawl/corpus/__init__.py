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
import logging

from qawl.corpus.text import (
    SNIFF_CHARS, MIN_PLAUSIBLE_RATIO, MAX_CONTROL_RATIO, BINARY_MAGIC, BOMS, IMPLAUSIBLE_CHAR_RE,
    CONTROL_CHAR_RE, UNPRINTABLE_RE, SURROGATE_RE, NEWLINE_RE, WHITESPACE_RUN_RE, BLANK_EDGES_RE, ISO_DATE_RE,
    decode_text, plausible_char_ratio, parse_date, prepend_title, printable,
)
from qawl.corpus.inputs import PathLike, MAX_FILE_BYTES, MAX_ZIP_DEPTH, IGNORED_NAME_RE
from qawl.corpus.read import ZIP_MAGIC
from qawl.corpus.formats import (
    TEXT_FIELDS, ID_FIELDS, DATE_FIELDS, SNN_FIELDS, SECTION_FIELDS, TREC_FIELDS, TREC_START_RE, TREC_DOC_RE,
    TREC_FIELD_RES, HTML_START_RE, XML_START_RE, HTML_EXTENSIONS, JSONL_EXTENSIONS, CSV_DELIMITERS,
    TEXT_EXTENSIONS, detect_format,
)
from qawl.corpus.ids import RenamedId
from qawl.corpus.load import T, load_corpus, sample_corpus, summarize_corpus, iter_chunks
from qawl.corpus.cli import main

logger = logging.getLogger(__name__)  # the logger of every qawl.corpus module (they log to their package)
