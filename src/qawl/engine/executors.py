"""Where tasks run (this process, or dask workers) and how their progress reaches the driver.
"""
from __future__ import annotations

import json
import logging
import os
import threading
import time
import warnings
from itertools import islice
from pathlib import Path
from typing import Callable, Iterable, Iterator, Optional

from qawl.progress import progress_path, stage_bars

PROGRESS_TOPIC = "qawl-progress"
DASK_MALLOC_TRIM = "65536"  # what dask's nannies set; see _local_cluster


def default_workers() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


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
