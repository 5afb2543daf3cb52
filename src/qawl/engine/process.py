"""A corpus through the engine: the partitions not yet complete are run, then the corpus-level
tables; ``analyze`` records in corpus order.
"""
from __future__ import annotations

import json
import logging
import os
import time
from dataclasses import asdict, dataclass, field
from itertools import chain, islice
from pathlib import Path
from typing import Iterator, Optional

from qawl.corpus import RenamedId, iter_chunks, load_corpus
from qawl.engine.executors import ProgressLog, make_executor
from qawl.engine.partition import EngineConfig, analyse_partition, process_partition
from qawl.engine.plan import CorpusArticles, CorpusPlan, NoArticles, no_articles_message, plan_corpus
from qawl.pipeline import TABLE_SCHEMAS
from qawl.tables import (
    atomic_write_text, complete_partitions, discard_incomplete, export_csv, partition_records,
)

logger = logging.getLogger(__name__)


@dataclass
class EngineReport:
    """What a corpus run did."""

    articles: int
    documents: int
    partitions: int
    redone: int
    words: int
    seconds: float
    workers: int
    rows: dict
    failures: list
    skipped: list
    renamed_ids: list = field(default_factory=list)  # {origin, original, doc_id}


def process_corpus(corpus, run_dir, limit: Optional[int] = None, seed: int = 0,
                   sample: bool = True, workers: Optional[int] = None,
                   scheduler: Optional[str] = None, partition_size: Optional[int] = None,
                   config: EngineConfig = EngineConfig(), show_progress: Optional[bool] = None
                   ) -> EngineReport:
    """Every stage over the corpus, partition by partition, into ``run_dir/tables``.

    Partitions that an earlier attempt completed are kept; the others are redone.
    ``show_progress`` shows bars here (default: unless ``qawl run`` shows them).
    """
    started = time.time()
    run_dir = Path(run_dir)
    corpus = str(Path(corpus).resolve()) if not isinstance(corpus, (list, tuple)) else corpus
    removed = discard_incomplete(run_dir)
    if removed:
        logger.info("removed %d parts of unfinished partitions", removed)
    articles = CorpusArticles(corpus, limit, seed, sample)
    plan = plan_corpus(corpus, run_dir, limit, seed, sample, partition_size, articles.count)
    if plan.articles == 0:
        raise NoArticles(no_articles_message(
            corpus, articles.skipped or getattr(articles, "count_skipped", [])))
    done = set(complete_partitions(run_dir))
    if show_progress is None:
        show_progress = not os.environ.get("QAWL_RUN_PROGRESS")
    done_articles = sum(partition_records(run_dir)[i]["articles"] for i in done)
    progress = ProgressLog(run_dir, plan.articles, done_articles, show_progress)
    progress.emit({"event": "start", "articles": plan.articles, "partitions": plan.partitions,
                   "complete": sorted(done), "done_articles": done_articles,
                   "partition_size": plan.partition_size})
    tasks = ((i, chunk, str(run_dir), config)
             for i, chunk in enumerate(iter_chunks(articles, plan.partition_size)) if i not in done)
    executor = make_executor(progress.emit, workers, scheduler, tasks=plan.partitions - len(done))
    redone = 0
    try:
        for record in executor.run(process_partition, tasks):
            redone += 1
            progress.emit({"event": "partition", "partition": record["partition"],
                           "articles": record["articles"], "seconds": record["seconds"]})
    finally:
        executor.close()
        progress.close()
    finish_tables(run_dir)
    skipped = [asdict(s) for s in articles.skipped]
    report = _summarise(run_dir, plan, skipped, redone, time.time() - started, executor.workers)
    report.renamed_ids = _record_renames(run_dir, articles.renamed)
    progress.emit({"event": "done", **{k: v for k, v in asdict(report).items()
                                       if k not in ("failures", "skipped", "renamed_ids")}})
    return report


def _record_renames(run_dir: Path, renamed: list[RenamedId]) -> list[dict]:
    """``logs/renamed_ids.json``: the duplicate doc_ids that were made unique, and how."""
    rows = [asdict(r) for r in renamed]
    atomic_write_text(Path(run_dir) / "logs" / "renamed_ids.json",
                      json.dumps(rows, ensure_ascii=False, indent=1))
    if rows:
        logger.warning("%d duplicate doc_ids were made unique (see logs/renamed_ids.json)", len(rows))
    return rows


def finish_tables(run_dir: Path) -> None:
    """Corpus-level tables once every partition is in: the CSV exports, the alias table of
    the corpus's actors (``qawl.actors``: with the researcher's edits a previous run kept) and
    ``attribution``, which counts actors."""
    from qawl.actors import write_actor_tables

    for name in TABLE_SCHEMAS:
        export_csv(run_dir, name)
    write_actor_tables(run_dir)


def _summarise(run_dir: Path, plan: CorpusPlan, skipped: list, redone: int, seconds: float,
               workers: int) -> EngineReport:
    records = partition_records(run_dir)
    missing = sorted(set(range(plan.partitions)) - set(records))
    if missing:
        raise RuntimeError(f"partitions {missing[:5]} of {run_dir} did not complete; "
                           f"rerun with --resume {run_dir}")
    rows: dict[str, int] = {}
    for record in records.values():
        for name, n in record["rows"].items():
            rows[name] = rows.get(name, 0) + n
    skipped = [{"stage": "read", **item} for item in skipped]
    atomic_write_text(Path(run_dir) / "logs" / "skipped.json",
                      json.dumps(skipped, ensure_ascii=False, indent=1))
    return EngineReport(
        articles=sum(r["articles"] for r in records.values()),
        documents=sum(r["documents"] for r in records.values()),
        partitions=len(records), redone=redone,
        words=sum(r["words"] for r in records.values()), seconds=round(seconds, 1),
        workers=workers, rows=rows,
        failures=[f for r in records.values() for f in r["failures"]], skipped=skipped,
    )


def analyse_corpus(paths, limit: Optional[int] = None, workers: Optional[int] = None,
                   scheduler: Optional[str] = None, config: EngineConfig = EngineConfig(),
                   skipped: Optional[list] = None, failures: Optional[list] = None,
                   partition_size: int = 50, renamed: Optional[list] = None) -> Iterator[dict]:
    """The ``analyze`` records of a corpus, in corpus order, computed in partitions."""
    chunks = iter_chunks(load_corpus(paths, limit=limit, skipped=skipped, renamed=renamed),
                         partition_size)
    first = list(islice(chunks, 2))  # a single partition needs no worker processes
    indexed = enumerate((chunk, config) for chunk in chain(first, chunks))
    executor = make_executor(lambda event: None, workers, scheduler, tasks=len(first))
    pending: dict[int, list] = {}
    expected = 0
    try:
        for index, (records, failed) in executor.run(_indexed_analysis, indexed):
            pending[index] = records
            if failures is not None:
                failures.extend(failed)
            while expected in pending:
                yield from pending.pop(expected)
                expected += 1
    finally:
        executor.close()


def _indexed_analysis(index: int, task: tuple) -> tuple[int, tuple]:
    return index, analyse_partition(*task)
