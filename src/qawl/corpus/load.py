"""Streaming, sampling, summarising and chunking a corpus: the public reading functions.
"""
from __future__ import annotations

import logging
import random
from collections import Counter
from dataclasses import asdict
from itertools import islice
from pathlib import Path
from typing import Any, Iterable, Iterator, Optional, TypeVar, Union

from tqdm import tqdm

from qawl.corpus.ids import RenamedId, _unique_ids
from qawl.corpus.inputs import PathLike, _Input, _Seen, _skip
from qawl.corpus.read import _read_path
from qawl.corpus.walk import _as_roots, _iter_inputs
from qawl.schema import Article, Skipped

logger = logging.getLogger(__package__)  # one logger for the reader: filters on "qawl.corpus" see every record

T = TypeVar("T")


def load_corpus(
    paths: Union[PathLike, Iterable[PathLike]],
    limit: Optional[int] = None,
    skipped: Optional[list[Skipped]] = None,
    renamed: Optional[list[RenamedId]] = None,
) -> Iterator[Article]:
    """Stream the articles under ``paths`` (files or folders), in a fixed order.

    Folders are walked recursively in name order, skipping hidden files and
    documentation (README*, LICENSE*, ...).  Links are followed once: loops,
    broken links, special files (FIFOs, sockets, devices) and a file reached
    a second time are skipped.  At most ``limit`` articles are yielded.
    Unreadable inputs are appended to ``skipped`` (if given) as
    ``Skipped(origin, reason)`` and logged; they never raise.

    Every yielded ``doc_id`` is unique: an article whose id an earlier one
    has gets a new one, recorded in ``renamed`` (if given) as a ``RenamedId``
    and logged.

    Raises ``FileNotFoundError`` for a path that does not exist and
    ``ValueError`` for a negative ``limit`` or no paths, at call time.
    """
    roots = _as_roots(paths)
    if limit is not None and (isinstance(limit, bool) or not isinstance(limit, int) or limit < 0):
        raise ValueError(f"limit must be a non-negative integer or None, got {limit!r}")
    return _iter_articles(roots, skipped, renamed, limit)


def sample_corpus(
    paths: Union[PathLike, Iterable[PathLike]],
    size: int,
    seed: int = 0,
    skipped: Optional[list[Skipped]] = None,
    renamed: Optional[list[RenamedId]] = None,
) -> list[Article]:
    """A seeded uniform sample of ``size`` articles from the whole corpus, in corpus order.

    One streaming pass with reservoir sampling: memory holds ``size`` articles,
    whatever the corpus size. A quick look at 500 articles of a multi-outlet
    corpus then spans every outlet rather than the first folder.  Ids are
    made unique over the whole corpus, as in ``load_corpus``; ``renamed``
    receives the renames of the sampled articles only.
    """
    if isinstance(size, bool) or not isinstance(size, int) or size < 0:
        raise ValueError(f"sample size must be a non-negative integer, got {size!r}")
    rng = random.Random(seed)
    reservoir: list[tuple[int, Article]] = []
    every_rename: list[RenamedId] = []
    for index, article in enumerate(load_corpus(paths, skipped=skipped, renamed=every_rename)):
        if len(reservoir) < size:
            reservoir.append((index, article))
        else:
            slot = rng.randint(0, index)
            if slot < size:
                reservoir[slot] = (index, article)
    sample = [article for _, article in sorted(reservoir, key=lambda pair: pair[0])]
    if renamed is not None:
        ids = {article.doc_id for article in sample}
        renamed.extend(record for record in every_rename if record.doc_id in ids)
    return sample


def summarize_corpus(paths: Union[PathLike, Iterable[PathLike]], limit: Optional[int] = None) -> dict[str, Any]:
    """Count what ``load_corpus`` reads, streaming (memory does not grow with articles).

    ``words`` counts whitespace-separated tokens of each ``raw_text``
    (title included).  Dates are ISO strings, ``None`` when no article has one.
    ``skipped`` lists every input not read, with its reason; ``renamed_ids``
    every article whose duplicate id was changed (``origin``, ``original``, ``doc_id``).
    """
    skipped: list[Skipped] = []
    renamed: list[RenamedId] = []
    articles = words = 0
    sources: Counter[str] = Counter()
    date_min: Optional[str] = None
    date_max: Optional[str] = None
    reading = load_corpus(paths, limit, skipped, renamed)
    for article in tqdm(reading, desc="reading corpus", unit=" articles", disable=None):
        articles += 1
        words += len(article.raw_text.split())
        sources[article.source] += 1
        if article.date:  # ISO dates order as strings
            date_min = min(date_min or article.date, article.date)
            date_max = max(date_max or article.date, article.date)
    return {
        "articles": articles,
        "words": words,
        "sources": dict(sources.most_common()),
        "date_min": date_min,
        "date_max": date_max,
        "skipped": [asdict(item) for item in skipped],
        "renamed_ids": [asdict(item) for item in renamed],
    }


def iter_chunks(iterable: Iterable[T], size: int) -> Iterator[list[T]]:
    """Lists of ``size`` items (the last may be shorter), read lazily."""
    if size < 1:
        raise ValueError(f"chunk size must be at least 1, got {size}")
    iterator = iter(iterable)
    while chunk := list(islice(iterator, size)):
        yield chunk


def _iter_articles(roots: list[Path], skipped: Optional[list[Skipped]],
                   renamed: Optional[list[RenamedId]], limit: Optional[int]) -> Iterator[Article]:
    yield from islice(_unique_ids(_read_roots(roots, skipped), renamed), limit)


def _read_roots(roots: list[Path], skipped: Optional[list[Skipped]]) -> Iterator[tuple[Article, _Input]]:
    """Each article with the file it came from (which names it when its id must change)."""
    seen = _Seen()
    for root in roots:
        for path, source in _iter_inputs(root, skipped, seen):
            try:
                for article in _read_path(path, source, skipped, seen):
                    yield article, source
            except Exception as err:  # one bad file must not stop a 100,000-article run
                logger.debug("unexpected error reading %s", source.origin, exc_info=True)
                _skip(skipped, source.origin, f"unexpected error: {type(err).__name__}: {err}")
