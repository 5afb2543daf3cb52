"""One partition through every stage: clean, tag, quote and stance its articles on their time
budgets, then write its table parts and, last, its completion marker.
"""
from __future__ import annotations

import logging
import os
import time
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Callable, Optional

import pandas as pd

from qawl.budget import (
    ArticleClock, ArticleTimeout, DEFAULT_MAX_CHARS, DEFAULT_TIME_BUDGET, article_of, cut_sections,
)
from qawl.clean import clean_article
from qawl.engine.executors import _stage_reporter
from qawl.pipeline import TABLE_SCHEMAS
from qawl.schema import Article, Document
from qawl.stance.params import MIN_CONFIDENCE
from qawl.tables import mark_complete, write_part

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class EngineConfig:
    """What every task needs besides its articles."""

    backend: str = "auto"  # NER backend: auto, lstm, crf or camel
    lexicon: Optional[str] = None  # extra stance lexicon file
    stance_reader: str = "model"  # model: the packaged learned reader on the rules; rules: the rules alone
    stance_min_confidence: float = MIN_CONFIDENCE  # stances of lower confidence are left out; 0 keeps all
    dediacritise: bool = False
    time_budget: Optional[float] = DEFAULT_TIME_BUDGET  # seconds per article; None: no limit
    max_chars: int = DEFAULT_MAX_CHARS  # longer articles are cut into sections; 0: never


@dataclass
class DocumentResult:
    """One article through the stages (a stage that failed on it leaves its list empty)."""

    doc: Document
    mentions: list = field(default_factory=list)
    quotes: list = field(default_factory=list)
    stances: list = field(default_factory=list)


@lru_cache(maxsize=4)
def _lexicon(path: Optional[str]):
    from qawl.stance import load_lexicon

    return load_lexicon(path)


def _failure(stage: str, origin: str, error: Exception) -> dict:
    # info, not warning: the caller reports each failure once (analyze's stderr, run.json)
    logger.info("%s: %s: %s: %s", stage, origin, type(error).__name__, error)
    return {"stage": stage, "origin": origin, "reason": f"{type(error).__name__}: {error}"}


BATCH_TOKENS = 5_000  # longer documents are tagged alone, on their own time budget


class _Budgeted:
    """Runs each stage of each article on that article's time budget, and records failures."""

    def __init__(self, config: EngineConfig):
        self.clock = ArticleClock(config.time_budget)
        self.failures: list[dict] = []
        self.stopped: set[str] = set()  # articles whose budget is spent

    def run(self, stage: str, doc_id: str, origin: str, work: Callable):
        """``work()``, or None when it fails or the article's time runs out."""
        article = article_of(doc_id, origin)
        if article in self.stopped:
            return None
        try:
            with self.clock.limit(article):
                return work()
        except ArticleTimeout:
            self.stopped.add(article)
            self.failures.append(self._timeout(stage, origin or doc_id))
        except Exception as error:  # one bad article must not stop a corpus
            self.failures.append(_failure(stage, origin or doc_id, error))
        return None

    def _timeout(self, stage: str, origin: str) -> dict:
        reason = (f"over the time budget of {self.clock.budget:g} s per article "
                  f"(stopped in {stage}; later stages skipped)")
        logger.info("%s: %s: %s", stage, origin, reason)
        return {"stage": stage, "origin": origin, "reason": reason}


def _tag_all(results: list[DocumentResult], backend: str, budget: _Budgeted) -> None:
    """Mentions of every document: short ones in one batched pass, long ones alone."""
    from qawl.entities import extract_mentions

    tokens = [len(r.doc.tokens) for r in results]  # the tagger's cost (a run of marks is many)
    short = [r for r, n in zip(results, tokens) if n <= BATCH_TOKENS]
    _tag_batch(short, backend, budget)
    for result, n in zip(results, tokens):
        if n > BATCH_TOKENS:
            doc = result.doc
            result.mentions = budget.run("entities", doc.doc_id, doc.origin,
                                         lambda: extract_mentions(doc, backend=backend)) or []


def _tag_batch(results: list[DocumentResult], backend: str, budget: _Budgeted) -> None:
    """One batched pass; a failing batch is redone per document.

    The batch is not charged to the articles' budgets: its documents are short
    (the tagger is linear), and its first call loads the model.
    """
    from qawl.entities import extract_mentions, extract_mentions_batch

    docs = [r.doc for r in results]
    try:
        found = extract_mentions_batch(docs, backend=backend)
    except Exception:  # find the document that fails, keep the others
        found = [budget.run("entities", doc.doc_id, doc.origin,
                            lambda doc=doc: extract_mentions(doc, backend=backend)) or []
                 for doc in docs]
    for result, mentions in zip(results, found):
        result.mentions = mentions


def analyse_articles(articles: list[Article], config: EngineConfig,
                     report: Callable[[str, int, int], None] = lambda *a: None
                     ) -> tuple[list[DocumentResult], list[dict]]:
    """Clean, tag, quote and stance a list of articles; failures are recorded, not raised.

    An article longer than ``config.max_chars`` is analysed in sections; each
    article (with all its sections) has ``config.time_budget`` seconds, after
    which it is recorded as failed and the next one goes on.
    """
    from qawl.quotes import extract_quotes
    from qawl.stance import extract_stances

    budget = _Budgeted(config)
    results = []
    for article in (s for a in articles for s in cut_sections(a, config.max_chars)):
        doc = budget.run("clean", article.doc_id, article.origin,
                         lambda: clean_article(article, dediacritise=config.dediacritise))
        if doc is not None:
            results.append(DocumentResult(doc))
    words = sum(len(r.doc.text.split()) for r in results)
    report("clean", len(articles), words)
    _tag_all(results, config.backend, budget)
    report("entities", len(articles), words)
    for r in results:
        r.quotes = budget.run("quotes", r.doc.doc_id, r.doc.origin,
                              lambda: extract_quotes(r.doc, r.mentions)) or []
    report("quotes", len(articles), words)
    lexicon = _lexicon(config.lexicon)
    for r in results:
        r.stances = budget.run("stance", r.doc.doc_id, r.doc.origin,
                               lambda: extract_stances(r.doc, r.quotes, r.mentions, lexicon=lexicon,
                                                       reader=config.stance_reader,
                                                       min_confidence=config.stance_min_confidence)) or []
    report("stance", len(articles), words)
    return results, budget.failures


def table_frames(results: list[DocumentResult]) -> dict[str, pd.DataFrame]:
    """The rows of every table for these documents, with the declared columns and types."""
    from qawl.entities import entity_key
    from qawl.entities.analysis import entity_rows, mention_rows
    from qawl.pipeline import document_row, quote_context, span_rows
    from qawl.quotes import quote_rows
    from qawl.stance import stance_rows

    rows: dict[str, list] = {name: [] for name in TABLE_SCHEMAS}
    for r in results:
        doc = r.doc
        rows["documents"].append(document_row(doc))
        rows["blocks"].extend(span_rows(doc, doc.blocks, "block", with_role=True))
        rows["sentences"].extend(span_rows(doc, doc.sentences, "sentence", with_role=False))
        rows["mentions"].extend(mention_rows(doc, r.mentions, entity_key))
        rows["entities"].extend(entity_rows(doc, r.mentions, entity_key))
        rows["quotes"].extend(quote_context(doc, [{**row, "source": doc.source, "date": doc.date}
                                                  for row in quote_rows(doc, r.quotes)]))
        rows["stances"].extend(stance_rows(doc, r.stances))
    return {name: pd.DataFrame(rows[name], columns=[f.name for f in schema])
            for name, schema in TABLE_SCHEMAS.items()}


def process_partition(index: int, articles: list[Article], run_dir: str,
                      config: EngineConfig) -> dict:
    """One task: every stage over one partition, its parts written, then its marker."""
    started, cpu = time.time(), time.process_time()
    results, failures = analyse_articles(articles, config, _stage_reporter(index))
    counts = {}
    for name, frame in table_frames(results).items():
        write_part(frame, run_dir, name, index, schema=TABLE_SCHEMAS[name])
        counts[name] = len(frame)
    record = {
        "partition": index, "articles": len(articles), "documents": len(results),
        "words": sum(len(r.doc.text.split()) for r in results), "rows": counts,
        "failures": failures, "seconds": round(time.time() - started, 3),
        "cpu_seconds": round(time.process_time() - cpu, 3), "pid": os.getpid(),
        "peak_rss_mb": _peak_rss_mb(),
    }
    mark_complete(run_dir, index, record)
    return record


def _peak_rss_mb() -> Optional[int]:
    """This process's peak memory so far (what a worker needs), where the OS tells it."""
    try:
        import resource
    except ImportError:  # not on Windows
        return None
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)  # KiB on Linux


def analyse_partition(articles: list[Article], config: EngineConfig) -> tuple[list[dict], list[dict]]:
    """One task of ``analyze``: the JSON object of each article, and the failures."""
    from qawl.pipeline import analysis_record

    results, failures = analyse_articles(articles, config)
    return [analysis_record(r.doc, r.mentions, r.quotes, r.stances) for r in results], failures
