"""Unique doc ids: a later article with a taken id is renamed after its file and position.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from typing import Iterable, Iterator, Optional

from qawl.corpus.inputs import _Input
from qawl.corpus.text import printable
from qawl.schema import Article

logger = logging.getLogger(__package__)  # one logger for the reader: filters on "qawl.corpus" see every record


@dataclass(frozen=True)
class RenamedId:
    """An article whose ``doc_id`` an earlier article of the same read already had.

    The first article keeps the id; this one was given ``doc_id``: the
    original, ``@``, its file and position in the file (``n1@b.jsonl:7``),
    then ``~2``, ``~3``... while that is taken too.
    """

    origin: str
    original: str
    doc_id: str


def _unique_ids(pairs: Iterable[tuple[Article, _Input]], renamed: Optional[list[RenamedId]]) -> Iterator[Article]:
    """The articles, each later holder of a taken ``doc_id`` renamed (the first keeps it).

    A rename depends only on earlier articles, so a limited or sampled read
    gives an article the same id as a full read.
    """
    taken: set[str] = set()
    for article, source in pairs:
        if article.doc_id in taken:
            article = _rename(article, source, taken, renamed)
        taken.add(article.doc_id)
        yield article


def _rename(article: Article, source: _Input, taken: set[str], renamed: Optional[list[RenamedId]]) -> Article:
    """``id@file[position]``, then ``~2``, ``~3``... until free."""
    position = article.origin[len(source.origin):] if article.origin.startswith(source.origin) else ""
    base = f"{article.doc_id}@{source.id_path.as_posix()}{position}"
    doc_id, count = base, 1
    while doc_id in taken:
        count += 1
        doc_id = f"{base}~{count}"
    record = RenamedId(origin=article.origin, original=article.doc_id, doc_id=doc_id)
    logger.warning("renamed %s: doc id %s already taken, now %s", record.origin, printable(record.original), record.doc_id)
    if renamed is not None:
        renamed.append(record)
    return replace(article, doc_id=doc_id)
