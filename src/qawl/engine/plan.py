"""How a corpus is cut into partitions (recorded for resumes) and read for a run.
"""
from __future__ import annotations

import json
import logging
import math
from collections import Counter
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Callable, Iterator, Optional

from qawl.corpus import RenamedId, load_corpus, logger as corpus_logger, sample_corpus
from qawl.schema import Article, Skipped
from qawl.tables import atomic_write_text, plan_path

MAX_PARTITION = 500  # articles; a task's memory stays bounded by this
MIN_PARTITION = 10
TARGET_PARTITIONS = 16  # small corpora are still cut finely enough to share out


def partition_size_for(articles: int) -> int:
    """Articles per partition: at most 500, and about 16 partitions for a small corpus."""
    return max(MIN_PARTITION, min(MAX_PARTITION, math.ceil(articles / TARGET_PARTITIONS)))


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
