"""The engine: a corpus cut into partitions, each partition through every stage in one task.

A partition is a run of consecutive articles (in corpus order, or of the
seeded sample). One task cleans them, tags their entities in batches, finds
their quotes and stances, and writes its rows as parquet parts
(``tables/quotes/part-00042.parquet``); its completion marker is written last
(see ``qawl.tables``). Tasks run in this process (one worker), on a local
``dask.distributed`` cluster of worker processes (``workers > 1``), or on a
running cluster (``scheduler="tcp://…"``). Every worker process runs torch on
one thread: the parallelism comes from processes.

The partition size depends only on the number of articles, never on the
number of workers, so any number of workers gives the same tables. A run
that stopped (Ctrl-C, ``kill -9``, a crash, a full disk) is finished by
calling ``process_corpus`` again on the same folder: complete partitions are
kept and only the others are redone.
"""
from __future__ import annotations

import json
import logging
import math
import os
import threading
import time
import warnings
from collections import Counter
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from itertools import chain, islice
from pathlib import Path
from typing import Callable, Iterable, Iterator, Optional

import pandas as pd

from qawl.budget import (
    DEFAULT_MAX_CHARS,
    DEFAULT_TIME_BUDGET,
    ArticleClock,
    ArticleTimeout,
    article_of,
    cut_sections,
)
from qawl.clean import clean_article
from qawl.corpus import RenamedId, iter_chunks, load_corpus, sample_corpus
from qawl.corpus import logger as corpus_logger
from qawl.progress import progress_path, stage_bars
from qawl.pipeline import TABLE_SCHEMAS
from qawl.schema import Article, Document, Skipped
from qawl.tables import (
    atomic_write_text,
    complete_partitions,
    discard_incomplete,
    export_csv,
    mark_complete,
    partition_records,
    plan_path,
    write_part,
)

logger = logging.getLogger(__name__)

MAX_PARTITION = 500  # articles; a task's memory stays bounded by this
MIN_PARTITION = 10
TARGET_PARTITIONS = 16  # small corpora are still cut finely enough to share out
PROGRESS_TOPIC = "qawl-progress"
DASK_MALLOC_TRIM = "65536"  # what dask's nannies set; see _local_cluster


@dataclass(frozen=True)
class EngineConfig:
    """What every task needs besides its articles."""

    backend: str = "auto"  # NER backend: auto, lstm, crf or camel
    lexicon: Optional[str] = None  # extra stance lexicon file
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


def partition_size_for(articles: int) -> int:
    """Articles per partition: at most 500, and about 16 partitions for a small corpus."""
    return max(MIN_PARTITION, min(MAX_PARTITION, math.ceil(articles / TARGET_PARTITIONS)))


def default_workers() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


# --- one partition ----------------------------------------------------------------


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
                               lambda: extract_stances(r.doc, r.quotes, r.mentions,
                                                       lexicon=lexicon)) or []
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


# --- progress ---------------------------------------------------------------------


def _stage_reporter(index: int) -> Callable[[str, int, int], None]:
    """Report a finished stage of a partition: to the driver, wherever this task runs."""
    def report(stage: str, articles: int, words: int) -> None:
        event = {"event": "stage", "partition": index, "stage": stage,
                 "articles": articles, "words": words}
        worker = _current_worker()
        if worker is not None:
            worker.log_event(PROGRESS_TOPIC, event)
        elif _local_listener is not None:
            _local_listener(event)
    return report


def _current_worker():
    try:
        from distributed import get_worker

        return get_worker()
    except (ImportError, ValueError):
        return None


_local_listener: Optional[Callable[[dict], None]] = None


class ProgressLog:
    """Progress events as JSON lines in ``logs/progress.jsonl`` (``qawl run`` shows them
    as bars on the terminal), and optionally as bars here."""

    def __init__(self, run_dir: Path, total: int, done: int, show_bars: bool):
        self.path = progress_path(run_dir)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.lock = threading.Lock()
        self.bars = stage_bars(total, done) if show_bars else {}

    def emit(self, event: dict) -> None:
        event = {**event, "time": round(time.time(), 3)}
        with self.lock:
            with open(self.path, "a", encoding="utf-8") as handle:
                handle.write(json.dumps(event, ensure_ascii=False) + "\n")
            if event.get("event") == "stage" and event["stage"] in self.bars:
                self.bars[event["stage"]].update(event["articles"])

    def close(self) -> None:
        for bar in self.bars.values():
            bar.close()


# --- executors --------------------------------------------------------------------


class LocalExecutor:
    """Tasks one after the other in this process."""

    workers = 1

    def __init__(self, listener: Callable[[dict], None]):
        global _local_listener
        _local_listener = listener

    def run(self, function, tasks: Iterable[tuple]) -> Iterator:
        for task in tasks:
            yield function(*task)

    def close(self) -> None:
        global _local_listener
        _local_listener = None


class DaskExecutor:
    """Tasks on dask.distributed workers: a local cluster of processes, or a running one.

    At most ``2 × workers`` tasks are in flight, so the articles held in
    memory stay bounded whatever the corpus size. Results come in completion order.
    """

    def __init__(self, listener: Callable[[dict], None], workers: Optional[int] = None,
                 scheduler: Optional[str] = None):
        from distributed import Client

        for name in ("distributed", "bokeh", "tornado"):  # their INFO lines would bury the progress
            logging.getLogger(name).setLevel(logging.ERROR)
        self.cluster = None
        if scheduler:
            self.client = Client(scheduler, timeout="30s")
        else:
            self.cluster = _local_cluster(workers)
            self.client = Client(self.cluster)
        self.workers = max(1, len(self.client.scheduler_info().get("workers", {})) or (workers or 1))
        self.client.subscribe_topic(PROGRESS_TOPIC, lambda event: listener(event[1]))

    def run(self, function, tasks: Iterable[tuple]) -> Iterator:
        from distributed import as_completed

        tasks = iter(tasks)
        window = as_completed()
        for task in islice(tasks, 2 * self.workers):
            window.add(self.client.submit(function, *task, pure=False))
        for future in window:
            result = future.result()  # re-raises a task's error here
            future.release()
            for task in islice(tasks, 1):
                window.add(self.client.submit(function, *task, pure=False))
            yield result

    def close(self) -> None:
        try:
            self.client.unsubscribe_topic(PROGRESS_TOPIC)
        except Exception:  # the scheduler may be gone already
            pass
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()


def _local_cluster(workers: int):
    """Worker processes of one thread each, on this machine.

    Dask's nannies set MALLOC_TRIM_THRESHOLD_=65536 in their workers so that
    freed memory goes back to the system at once; for the tagger's many small
    tensors that cost a third more CPU per article (29 vs 22 CPU seconds on the
    same 313 articles), so the workers keep glibc's default.
    """
    import dask
    from distributed import LocalCluster

    if os.environ.get("MALLOC_TRIM_THRESHOLD_") == DASK_MALLOC_TRIM:
        del os.environ["MALLOC_TRIM_THRESHOLD_"]  # left here by an earlier cluster's nannies
    with dask.config.set({"distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None}), \
            warnings.catch_warnings():
        # another cluster on this machine holds port 8787; any free port serves
        warnings.filterwarnings("ignore", message="Port .* is already in use")
        return LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                            dashboard_address=None, silence_logs=logging.ERROR,
                            env={"OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"})


def make_executor(listener: Callable[[dict], None], workers: Optional[int] = None,
                  scheduler: Optional[str] = None, tasks: Optional[int] = None):
    """This process for one worker; dask for more, or for a running scheduler.

    No more local workers are started than there are ``tasks`` (when known).
    """
    workers = default_workers() if workers is None else workers
    if tasks is not None:
        workers = min(workers, max(tasks, 1))
    if workers < 1:
        raise ValueError(f"workers must be at least 1, got {workers}")
    if scheduler or workers > 1:
        return DaskExecutor(listener, workers, scheduler)
    return LocalExecutor(listener)


# --- the corpus -------------------------------------------------------------------


class NoArticles(ValueError):
    """The corpus holds no article that could be read."""


def no_articles_message(corpus, skipped: list) -> str:
    """"no articles in …", with the reasons its inputs were skipped, most common first."""
    message = f"no articles in {corpus}"
    if not skipped:
        return message + " (no input file found)"
    reasons = Counter(getattr(item, "reason", None) or item.get("reason", "?") for item in skipped)
    shown = "; ".join(f"{reason} ({count})" for reason, count in reasons.most_common(3))
    more = f"; {len(reasons) - 3} other reasons" if len(reasons) > 3 else ""
    return f"{message}: {len(skipped)} inputs skipped: {shown}{more}"


@dataclass
class CorpusPlan:
    """How a corpus is cut: recorded in ``tables/_partitions/plan.json`` for resumes."""

    corpus: str
    limit: Optional[int]
    seed: int
    sample: bool
    articles: int
    partition_size: int
    partitions: int


class CorpusArticles:
    """The articles of a run and how many there are.

    A sample is drawn at once (it is at most ``limit`` articles); a whole corpus
    is counted in one quick pass, then streamed.
    """

    def __init__(self, corpus, limit: Optional[int], seed: int, sample: bool):
        self.corpus, self.limit = corpus, limit
        self.skipped: list[Skipped] = []
        self.renamed: list[RenamedId] = []  # duplicate doc_ids made unique, as read
        self.sampled = sample_corpus(corpus, limit, seed=seed, skipped=self.skipped,
                                     renamed=self.renamed) \
            if limit is not None and sample else None

    def count(self) -> int:
        if self.sampled is not None:
            return len(self.sampled)
        self.count_skipped: list[Skipped] = []  # seen again when the articles are read
        with quiet(corpus_logger):  # its warnings come once, when the articles are read
            return sum(1 for _ in load_corpus(self.corpus, limit=self.limit,
                                              skipped=self.count_skipped))

    def __iter__(self) -> Iterator[Article]:
        if self.sampled is not None:
            return iter(self.sampled)
        return load_corpus(self.corpus, limit=self.limit, skipped=self.skipped,
                           renamed=self.renamed)


@contextmanager
def quiet(log: logging.Logger):
    """Silence ``log`` below errors for the block."""
    level = log.level
    log.setLevel(logging.ERROR)
    try:
        yield
    finally:
        log.setLevel(level)


def plan_corpus(corpus, run_dir: Path, limit: Optional[int], seed: int, sample: bool,
                partition_size: Optional[int], count: Callable[[], int]) -> CorpusPlan:
    """The plan of an earlier attempt at this run, or a new one (``count`` gives the articles)."""
    path = plan_path(run_dir)
    if path.exists():
        plan = CorpusPlan(**json.loads(path.read_text(encoding="utf-8")))
        if (plan.corpus, plan.limit, plan.seed, plan.sample) != (str(corpus), limit, seed, sample):
            raise ValueError(f"{run_dir} holds a run of another corpus or sample ({plan.corpus}, "
                             f"limit {plan.limit}, seed {plan.seed}); choose another output folder")
        return plan
    articles = count()
    size = partition_size or partition_size_for(articles)
    plan = CorpusPlan(str(corpus), limit, seed, sample, articles, size,
                      math.ceil(articles / size) if articles else 0)
    atomic_write_text(path, json.dumps(asdict(plan), ensure_ascii=False, indent=1))
    return plan


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
