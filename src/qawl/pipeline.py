"""The stages over a run folder, and the one-article analysis behind ``analyze``.

Each stage reads the previous stage's tables from ``<run>/tables`` and writes
its own, streaming documents so that memory stays bounded. A document that
fails in a stage is recorded (``<run>/logs/<stage>_failures.json``) and the
stage goes on with the others.
"""
from __future__ import annotations

import json
import logging
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator, Optional

import pyarrow as pa
from tqdm.auto import tqdm

from qawl.clean import clean_article, sentence_spans, token_spans
from qawl.corpus import load_corpus, sample_corpus
from qawl.schema import Article, Document, Mention, Quote, Skipped, Span
from qawl.tables import TableWriter, atomic_write_text, iter_table, read_table, tables_dir

logger = logging.getLogger(__name__)

DOCUMENT_COLUMNS = [
    "doc_id", "source", "date", "title", "url", "author", "origin",
    "text", "sources", "words", "duplicates_removed",
]
BLOCK_COLUMNS = ["doc_id", "block", "role", "start", "end", "text"]
SENTENCE_COLUMNS = ["doc_id", "sentence", "start", "end", "text"]
MENTION_COLUMNS = ["doc_id", "start", "end", "text", "label", "canonical", "entity_key"]
ENTITY_COLUMNS = ["doc_id", "canonical", "label", "entity_key", "mentions", "first_start"]
QUOTE_COLUMNS = [
    "doc_id", "quote", "type", "cue", "cue_start", "cue_end", "content", "content_start",
    "content_end", "speaker", "speaker_start", "speaker_end", "speaker_canonical",
    "speaker_kind", "speaker_is_pronoun", "confidence", "block_role", "embedded_source",
    "cue_lemma", "cue_polarity", "source", "date",
]
STANCE_COLUMNS = ["doc_id", "quote", "speaker", "target", "polarity", "evidence", "source", "date"]
_INTEGER_COLUMNS = {
    "words", "duplicates_removed", "block", "sentence", "start", "end", "mentions", "first_start",
    "quote", "cue_start", "cue_end", "content_start", "content_end", "speaker_start", "speaker_end",
}


def _schema(columns: list[str]) -> pa.Schema:
    """Declared parquet types, so that every partition's part has the same schema."""
    special = {"confidence": pa.float64(), "speaker_is_pronoun": pa.bool_()}
    return pa.schema([(name, pa.int64() if name in _INTEGER_COLUMNS else special.get(name, pa.string()))
                      for name in columns])


TABLE_COLUMNS = {"documents": DOCUMENT_COLUMNS, "blocks": BLOCK_COLUMNS, "sentences": SENTENCE_COLUMNS,
                 "mentions": MENTION_COLUMNS, "entities": ENTITY_COLUMNS, "quotes": QUOTE_COLUMNS,
                 "stances": STANCE_COLUMNS}
TABLE_SCHEMAS = {name: _schema(columns) for name, columns in TABLE_COLUMNS.items()}


@dataclass
class StageReport:
    """What a stage did: counts, and the documents it could not process."""

    stage: str
    documents: int = 0
    rows: dict = field(default_factory=dict)
    failures: list = field(default_factory=list)

    def fail(self, origin: str, reason: str) -> None:
        logger.warning("%s: %s: %s", self.stage, origin, reason)
        self.failures.append({"stage": self.stage, "origin": origin, "reason": reason})

    def save(self, run_dir: Path) -> "StageReport":
        path = Path(run_dir) / "logs" / f"{self.stage}_report.json"
        atomic_write_text(path, json.dumps(self.__dict__, ensure_ascii=False, indent=1))
        return self


# --- rows <-> documents -------------------------------------------------------


def document_row(doc: Document) -> dict:
    return {
        "doc_id": doc.doc_id, "source": doc.source, "date": doc.date, "title": doc.title,
        "url": doc.url, "author": doc.author, "origin": doc.origin, "text": doc.text,
        "sources": " + ".join(doc.sources), "words": len(doc.text.split()),
        "duplicates_removed": doc.duplicates_removed,
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


def document_from_row(row: dict, blocks: list[dict]) -> Document:
    """Rebuild a ``Document`` from its table rows (tokens and sentences recomputed)."""
    text = row["text"]
    block_spans = [Span(int(b["start"]), int(b["end"]), text[int(b["start"]):int(b["end"])],
                        b["role"]) for b in sorted(blocks, key=lambda b: b["start"])]
    return Document(
        doc_id=row["doc_id"], text=text, blocks=block_spans,
        sentences=[s for b in block_spans for s in sentence_spans(text, b)],
        tokens=[t for b in block_spans for t in token_spans(text, b.start, b.end)],
        sources=[s for s in str(row.get("sources") or "").split(" + ") if s],
        source=row.get("source") or "", date=row.get("date") or "", title=row.get("title") or "",
        url=row.get("url") or "", author=row.get("author") or "", origin=row.get("origin") or "",
        duplicates_removed=int(row.get("duplicates_removed") or 0),
    )


def _group_rows(run_dir: Path, name: str, columns: list[str]) -> dict[str, list[dict]]:
    grouped: dict[str, list[dict]] = defaultdict(list)
    for frame in iter_table(run_dir, name):
        for row in frame[columns].to_dict("records"):
            grouped[row["doc_id"]].append(row)
    return grouped


def iter_documents(run_dir: Path) -> Iterator[Document]:
    """Stream the cleaned documents of a run folder."""
    blocks = _group_rows(run_dir, "blocks", ["doc_id", "role", "start", "end"])
    for frame in iter_table(run_dir, "documents"):
        for row in frame.to_dict("records"):
            yield document_from_row(row, blocks.get(row["doc_id"], []))


def count_documents(run_dir: Path) -> int:
    import pyarrow.parquet as pq

    return pq.ParquetFile(tables_dir(run_dir) / "documents.parquet").metadata.num_rows


# --- stages -------------------------------------------------------------------


def clean_stage(corpus, run_dir, limit: Optional[int] = None, seed: int = 0, sample: bool = True,
                dediacritise: bool = False) -> StageReport:
    """Load a corpus, clean every article, write documents, blocks and sentences.

    With a ``limit`` and ``sample`` (the default), the articles are a seeded
    random sample spread over the whole corpus; with ``sample=False`` they are
    the first ``limit`` articles.
    """
    run_dir = Path(run_dir)
    report = StageReport("clean")
    skipped: list[Skipped] = []
    with TableWriter(run_dir, "documents", DOCUMENT_COLUMNS) as documents, \
            TableWriter(run_dir, "blocks", BLOCK_COLUMNS) as blocks, \
            TableWriter(run_dir, "sentences", SENTENCE_COLUMNS) as sentences:
        if limit is not None and sample:
            articles = sample_corpus(corpus, limit, seed=seed, skipped=skipped)
        else:
            articles = load_corpus(corpus, limit=limit, skipped=skipped)
        for article in tqdm(articles, desc="clean", unit="doc", total=limit):
            try:
                doc = clean_article(article, dediacritise=dediacritise)
            except Exception as error:  # one bad article must not stop a corpus
                report.fail(article.origin, f"{type(error).__name__}: {error}")
                continue
            documents.add(document_row(doc))
            blocks.extend(span_rows(doc, doc.blocks, "block", with_role=True))
            sentences.extend(span_rows(doc, doc.sentences, "sentence", with_role=False))
            report.documents += 1
        report.rows = {"documents": documents.count + len(documents.rows),
                       "blocks": blocks.count + len(blocks.rows),
                       "sentences": sentences.count + len(sentences.rows)}
    for item in skipped:
        report.fail(item.origin, item.reason)
    return report.save(run_dir)


def _for_each_document(run_dir: Path, report: StageReport, work: Callable[[Document], None]) -> None:
    """Run ``work`` on every document; a failing document is recorded, not fatal.

    ``work`` computes before it writes, so a failure leaves no partial rows.
    """
    documents = iter_documents(run_dir)
    for doc in tqdm(documents, desc=report.stage, unit="doc", total=count_documents(run_dir)):
        try:
            work(doc)
        except Exception as error:  # one bad document must not stop a corpus
            report.fail(doc.origin or doc.doc_id, f"{type(error).__name__}: {error}")
            continue
        report.documents += 1


def entities_stage(run_dir, backend: str = "auto") -> StageReport:
    """Tag every document, write mentions and per-document entities."""
    from qawl.entities import entity_key, extract_mentions
    from qawl.entities.analysis import entity_rows, mention_rows

    run_dir = Path(run_dir)
    report = StageReport("entities")
    with TableWriter(run_dir, "mentions", MENTION_COLUMNS) as mentions, \
            TableWriter(run_dir, "entities", ENTITY_COLUMNS) as entities:

        def tag(doc: Document) -> None:
            found = extract_mentions(doc, backend=backend)
            mentions.extend(mention_rows(doc, found, entity_key))
            entities.extend(entity_rows(doc, found, entity_key))

        _for_each_document(run_dir, report, tag)
    return report.save(run_dir)


def mentions_by_document(run_dir: Path) -> dict[str, list[Mention]]:
    grouped = _group_rows(run_dir, "mentions", ["doc_id", "start", "end", "text", "label", "canonical"])
    return {
        doc_id: [Mention(int(r["start"]), int(r["end"]), r["text"], r["label"], r["canonical"])
                 for r in rows]
        for doc_id, rows in grouped.items()
    }


def quotes_stage(run_dir) -> StageReport:
    """Find and attribute the quotes of every document."""
    from qawl.quotes import extract_quotes, quote_rows

    run_dir = Path(run_dir)
    report = StageReport("quotes")
    mentions = mentions_by_document(run_dir)
    with TableWriter(run_dir, "quotes", QUOTE_COLUMNS) as table:

        def quote(doc: Document) -> None:
            rows = quote_rows(doc, extract_quotes(doc, mentions.get(doc.doc_id, [])))
            table.extend({**row, "source": doc.source, "date": doc.date} for row in rows)

        _for_each_document(run_dir, report, quote)
    return report.save(run_dir)


def quotes_by_document(run_dir: Path) -> dict[str, list[Quote]]:
    """Rebuild ``Quote`` records from the quotes table, in order within each document."""
    frame = read_table(run_dir, "quotes")
    grouped: dict[str, list[Quote]] = defaultdict(list)
    for row in frame.sort_values(["doc_id", "quote"]).to_dict("records"):
        speaker = None
        if int(row["speaker_start"]) >= 0:
            speaker = Span(int(row["speaker_start"]), int(row["speaker_end"]), row["speaker"])
        grouped[row["doc_id"]].append(Quote(
            type=row["type"],
            cue=Span(int(row["cue_start"]), int(row["cue_end"]), row["cue"]),
            content=Span(int(row["content_start"]), int(row["content_end"]), row["content"]),
            speaker=speaker, speaker_canonical=row["speaker_canonical"] or "",
            speaker_kind=row["speaker_kind"] or "unknown",
            speaker_is_pronoun=bool(row["speaker_is_pronoun"]),
            confidence=float(row["confidence"]), block_role=row["block_role"] or "body",
            embedded_source=row["embedded_source"] or "",
        ))
    return grouped


def stance_stage(run_dir, lexicon_path: Optional[str] = None) -> StageReport:
    """Find the stances of every quote, then write the attribution table."""
    from qawl.stance import attribution_table, extract_stances, load_lexicon, stance_rows
    from qawl.tables import write_table

    run_dir = Path(run_dir)
    report = StageReport("stance")
    lexicon = load_lexicon(lexicon_path)
    mentions = mentions_by_document(run_dir)
    quotes = quotes_by_document(run_dir)
    with TableWriter(run_dir, "stances", STANCE_COLUMNS) as table:

        def take_stances(doc: Document) -> None:
            stances = extract_stances(doc, quotes.get(doc.doc_id, []),
                                      mentions.get(doc.doc_id, []), lexicon=lexicon)
            rows = stance_rows(doc, stances)
            table.extend({**row, "source": doc.source, "date": doc.date} for row in rows)

        _for_each_document(run_dir, report, take_stances)
    write_table(attribution_table(read_table(run_dir, "quotes"), read_table(run_dir, "stances")),
                run_dir, "attribution")
    return report.save(run_dir)


# --- one article, end to end (the analyze contract) ---------------------------


def analyze_article(article: Article, backend: str = "auto", lexicon=None) -> dict:
    """Clean, tag, quote and stance one article; the JSON object of ``analyze``."""
    from qawl.entities import extract_mentions
    from qawl.quotes import extract_quotes
    from qawl.stance import extract_stances

    doc = clean_article(article)
    mentions = extract_mentions(doc, backend=backend)
    quotes = extract_quotes(doc, mentions)
    stances = extract_stances(doc, quotes, mentions, lexicon=lexicon)
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
        "stances": [{"speaker": s.speaker, "target": s.target, "polarity": s.polarity,
                     "quote": s.quote, "evidence": s.evidence} for s in stances],
    }
