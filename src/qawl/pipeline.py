"""The tables of a run: their columns and parquet types, rows from documents, and
the one-article analysis behind ``analyze``.

The stages themselves run in ``qawl.engine``, partition by partition.
"""
from __future__ import annotations

import bisect
import logging
from typing import Iterable, Sequence

import pyarrow as pa

from qawl.clean import clean_article
from qawl.schema import Article, Document, Span

logger = logging.getLogger(__name__)

DOCUMENT_COLUMNS = [
    "doc_id", "source", "date", "title", "url", "author", "origin",
    "text", "sources", "words", "duplicates_removed", "section",
]
BLOCK_COLUMNS = ["doc_id", "block", "role", "start", "end", "text"]
SENTENCE_COLUMNS = ["doc_id", "sentence", "start", "end", "text"]
MENTION_COLUMNS = ["doc_id", "start", "end", "text", "label", "canonical", "entity_key"]
ENTITY_COLUMNS = ["doc_id", "canonical", "label", "entity_key", "mentions", "first_start"]
QUOTE_COLUMNS = [
    "doc_id", "quote", "type", "cue", "cue_start", "cue_end", "content", "content_start",
    "content_end", "speaker", "speaker_start", "speaker_end", "speaker_canonical",
    "speaker_kind", "speaker_is_pronoun", "confidence", "block_role", "embedded_source", "rules",
    "cue_lemma", "cue_polarity", "source", "date",
    # context for researchers (the spans above stay offsets into the document text):
    # the sentence(s) and paragraph(s) the quote covers, and where they start in the text
    "sentence", "sentence_start", "paragraph", "paragraph_start", "title", "url", "section",
]
# stances (issue 15): ``quote`` is -1 for an act narrated without reported words, which
# ``from_quote``/``evidence_kind`` say too; see ``qawl.stance.stance_rows`` for every column
STANCE_COLUMNS = ["doc_id", "quote", "speaker", "target", "polarity", "evidence", "source", "date",
                  "target_kind", "target_start", "target_end", "from_quote", "evidence_kind",
                  "sentence", "sentence_start", "sentence_end", "rules", "confidence"]
_STANCE_TYPES = {"quote": pa.int64(), "target_start": pa.int64(), "target_end": pa.int64(),
                 "sentence_start": pa.int64(), "sentence_end": pa.int64(), "from_quote": pa.bool_(),
                 "confidence": pa.float64()}
_INTEGER_COLUMNS = {
    "words", "duplicates_removed", "block", "sentence", "start", "end", "mentions", "first_start",
    "quote", "cue_start", "cue_end", "content_start", "content_end", "speaker_start", "speaker_end",
    "sentence_start", "paragraph_start",
}
# in the quotes table, ``sentence`` is the sentence's text, not its number
_TEXT_COLUMNS = {"quotes": {"sentence"}}


def _schema(columns: list[str], text_columns: Iterable[str] = ()) -> pa.Schema:
    """Declared parquet types, so that every partition's part has the same schema."""
    special = {"confidence": pa.float64(), "speaker_is_pronoun": pa.bool_()}
    text_columns = set(text_columns)
    return pa.schema([(name, pa.int64() if name in _INTEGER_COLUMNS and name not in text_columns
                       else special.get(name, pa.string()))
                      for name in columns])


TABLE_COLUMNS = {"documents": DOCUMENT_COLUMNS, "blocks": BLOCK_COLUMNS, "sentences": SENTENCE_COLUMNS,
                 "mentions": MENTION_COLUMNS, "entities": ENTITY_COLUMNS, "quotes": QUOTE_COLUMNS,
                 "stances": STANCE_COLUMNS}
TABLE_SCHEMAS = {name: _schema(columns, _TEXT_COLUMNS.get(name, ())) for name, columns in TABLE_COLUMNS.items()}
TABLE_SCHEMAS["stances"] = pa.schema([(name, _STANCE_TYPES.get(name, pa.string())) for name in STANCE_COLUMNS])


# --- rows <-> documents -------------------------------------------------------


def document_row(doc: Document) -> dict:
    return {
        "doc_id": doc.doc_id, "source": doc.source, "date": doc.date, "title": doc.title,
        "url": doc.url, "author": doc.author, "origin": doc.origin, "text": doc.text,
        "sources": " + ".join(doc.sources), "words": len(doc.text.split()),
        "duplicates_removed": doc.duplicates_removed, "section": doc.section,
    }


def span_rows(doc: Document, spans: Iterable[Span], index_name: str, with_role: bool) -> list[dict]:
    rows = []
    for index, span in enumerate(spans):
        row = {"doc_id": doc.doc_id, index_name: index, "start": span.start, "end": span.end,
               "text": span.text}
        if with_role:
            row["role"] = span.label
        rows.append(row)
    return rows


def _covering(spans: Sequence[Span], starts: list[int], lo: int, hi: int) -> tuple[int, int]:
    """Start and end of the run of ``spans`` (sorted, with their ``starts``) that overlap ``[lo, hi)``;
    ``(-1, -1)`` when none does."""
    first = max(0, bisect.bisect_right(starts, lo) - 1)
    covered = [s for s in spans[first:bisect.bisect_left(starts, max(hi, lo + 1))]
               if s.start < max(hi, lo + 1) and s.end > lo]
    if not covered:
        return -1, -1
    return covered[0].start, covered[-1].end


def _quote_extent(row: dict) -> tuple[int, int]:
    """The characters a quote row covers: its cue, content and speaker."""
    starts = [row["cue_start"], row["content_start"]] + ([row["speaker_start"]] if row["speaker_start"] >= 0 else [])
    ends = [row["cue_end"], row["content_end"]] + ([row["speaker_end"]] if row["speaker_start"] >= 0 else [])
    return min(starts), max(ends)


def quote_context(doc: Document, rows: list[dict]) -> list[dict]:
    """The quote ``rows`` with their context: ``sentence`` (the sentences the quote covers) and
    ``paragraph`` (its paragraphs) as text with their start offsets, and the article's
    ``title``, ``url`` and ``section``."""
    sentences = sorted(doc.sentences, key=lambda s: s.start)
    blocks = sorted(doc.blocks, key=lambda s: s.start)
    sentence_starts, block_starts = [s.start for s in sentences], [b.start for b in blocks]
    article = {"title": doc.title, "url": doc.url, "section": doc.section}
    out = []
    for row in rows:
        lo, hi = _quote_extent(row)
        p_start, p_end = _covering(blocks, block_starts, lo, hi)
        if p_start < 0:
            p_start, p_end = lo, hi
        s_start, s_end = _covering(sentences, sentence_starts, lo, hi)
        if s_start < 0:
            s_start, s_end = p_start, p_end
        s_start, s_end = min(s_start, lo), max(s_end, hi)  # the whole quote, even past its sentences
        out.append({**row, "sentence": doc.text[s_start:s_end], "sentence_start": s_start,
                    "paragraph": doc.text[min(p_start, s_start):max(p_end, s_end)],
                    "paragraph_start": min(p_start, s_start), **article})
    return out


# --- one article, end to end (the analyze contract) ---------------------------


def analyze_article(article: Article, backend: str = "auto", lexicon=None, stance_reader: str = "model") -> dict:
    """Clean, tag, quote and stance one article; the JSON object of ``analyze``."""
    from qawl.entities import extract_mentions
    from qawl.quotes import extract_quotes
    from qawl.stance import extract_stances

    doc = clean_article(article)
    mentions = extract_mentions(doc, backend=backend)
    quotes = extract_quotes(doc, mentions)
    stances = extract_stances(doc, quotes, mentions, lexicon=lexicon, reader=stance_reader)
    return analysis_record(doc, mentions, quotes, stances)


def analysis_record(doc: Document, mentions, quotes, stances) -> dict:
    """One article's results as the JSON object of ``analyze``."""
    return {
        "doc_id": doc.doc_id, "source": doc.source, "date": doc.date, "title": doc.title,
        "text": doc.text,
        "blocks": [{"role": b.label, "start": b.start, "end": b.end, "text": b.text}
                   for b in doc.blocks],
        "sources": doc.sources,
        "entities": [{"text": m.text, "label": m.label, "start": m.start, "end": m.end,
                      "canonical": m.canonical} for m in mentions],
        "quotes": [q.to_dict() for q in quotes],
        "stances": [stance_record(s) for s in stances],
    }


def stance_record(s) -> dict:
    """One stance in ``analyze``'s JSON: what the stances table holds, offsets into ``text``."""
    return {"speaker": s.speaker, "target": s.target, "polarity": s.polarity, "quote": s.quote,
            "evidence": s.evidence, "evidence_kind": "quote" if s.quote >= 0 else "act",
            "target_kind": s.target_kind, "target_start": s.target_start,
            "target_end": s.target_end, "sentence_start": s.sentence_start,
            "sentence_end": s.sentence_end, "rules": list(s.rules),
            "confidence": round(float(s.confidence), 3)}
