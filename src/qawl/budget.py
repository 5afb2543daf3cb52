"""What one article may cost: a size past which it is cut into sections, and a time budget.

A scraped corpus holds page dumps, runs of marks and megabyte cells. The stages
are linear, but a 10 MB "article" still takes minutes; one such input must not
cost a night's run. So:

* ``cut_sections`` cuts an article longer than ``max_chars`` into sections at
  paragraph (else sentence, else word) boundaries; each section is analysed as
  its own document ``<doc_id>#<k>``;
* ``time_limit`` stops the code in its block when its seconds are spent, by
  raising ``ArticleTimeout`` in the thread that runs it; ``ArticleClock`` shares
  one budget among the stages (and sections) of one article.

The interruption is delivered by a watchdog thread through CPython's
``PyThreadState_SetAsyncExc``. It lands between two Python bytecodes, so a long
call into C (one regex, one torch call) finishes first; the stages make many
short calls. ``ArticleTimeout`` is a ``BaseException`` so that the stages'
``except Exception`` fallbacks do not swallow it.
"""
from __future__ import annotations

import ctypes
import heapq
import itertools
import logging
import re
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass, replace
from typing import Iterator, Optional

from qawl.schema import Article

logger = logging.getLogger(__name__)

DEFAULT_TIME_BUDGET = 10.0  # seconds per article, all stages and sections together
DEFAULT_MAX_CHARS = 50_000  # about 8,000 words: longer than nearly every news article
SECTION_SEARCH = 0.2  # look for a boundary in the last fifth of a section


class ArticleTimeout(BaseException):
    """An article spent its time budget (a BaseException: ``except Exception`` lets it pass)."""


# --- sections ----------------------------------------------------------------------

_BOUNDARIES = (re.compile(r"\n"), re.compile(r"[.!?؟]\s"), re.compile(r"\s"))


def section_ends(text: str, max_chars: int) -> list[int]:
    """Where the sections of ``text`` end: each at most ``max_chars``, cut at the best boundary."""
    ends, start = [], 0
    while len(text) - start > max_chars:
        ends.append(_best_cut(text, start, start + max_chars))
        start = ends[-1]
    ends.append(len(text))
    return ends


def _best_cut(text: str, start: int, limit: int) -> int:
    """The last paragraph, else sentence, else word boundary in the tail of the window."""
    low = limit - int((limit - start) * SECTION_SEARCH)
    for boundary in _BOUNDARIES:
        last = None
        for last in boundary.finditer(text, low, limit):
            pass
        if last is not None:
            return last.end()
    return limit  # one very long token: cut it


def cut_sections(article: Article, max_chars: int = DEFAULT_MAX_CHARS) -> list[Article]:
    """``article`` itself, or its sections as articles ``<doc_id>#1`` … when it is too long."""
    text = article.raw_text
    if max_chars <= 0 or len(text) <= max_chars:
        return [article]
    ends = section_ends(text, max_chars)
    logger.info("%s: %d characters, cut into %d sections", article.origin, len(text), len(ends))
    sections, start = [], 0
    for k, end in enumerate(ends, 1):
        sections.append(replace(
            article, doc_id=f"{article.doc_id}#{k}", raw_text=text[start:end],
            origin=f"{article.origin} (section {k} of {len(ends)})",
            title=article.title if k == 1 else ""))
        start = end
    return sections


def article_of(doc_id: str, origin: str) -> str:
    """The article a section belongs to (its origin without the section note)."""
    return re.sub(r" \(section \d+ of \d+\)$", "", origin or doc_id)


# --- time ---------------------------------------------------------------------------


@dataclass
class _Limit:
    thread_id: int
    deadline: float
    fired: bool = False


class _Watchdog:
    """One daemon thread per process that interrupts the blocks whose deadline passed."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._heap: list[tuple[float, int, _Limit]] = []
        self._count = itertools.count()
        self._thread: Optional[threading.Thread] = None

    def add(self, limit: _Limit) -> None:
        with self._cond:
            heapq.heappush(self._heap, (limit.deadline, next(self._count), limit))
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._watch, name="qawl-time-budget",
                                                daemon=True)
                self._thread.start()
            if self._heap[0][2] is limit:  # the watchdog sleeps until an earlier deadline
                self._cond.notify()

    def done(self, limit: _Limit) -> bool:
        """Whether ``limit`` fired; a fired interruption not yet delivered is withdrawn."""
        with self._cond:
            if limit.fired:
                _async_raise(limit.thread_id, None)
            limit.deadline = -1.0  # the heap entry is dropped when it comes up
            return limit.fired

    def _watch(self) -> None:
        with self._cond:
            while True:
                while self._heap and self._heap[0][2].deadline < 0:
                    heapq.heappop(self._heap)
                if not self._heap:
                    self._cond.wait()
                    continue
                wait = self._heap[0][0] - time.monotonic()
                if wait > 0:
                    self._cond.wait(wait)
                    continue
                limit = heapq.heappop(self._heap)[2]
                if limit.deadline >= 0:
                    limit.fired = True
                    _async_raise(limit.thread_id, ArticleTimeout)


def _async_raise(thread_id: int, exception: Optional[type]) -> None:
    """Raise ``exception`` in another thread at its next bytecode (None withdraws one)."""
    ctypes.pythonapi.PyThreadState_SetAsyncExc(
        ctypes.c_ulong(thread_id), ctypes.py_object(exception) if exception else None)


_WATCHDOG = _Watchdog()


@contextmanager
def time_limit(seconds: Optional[float]) -> Iterator[None]:
    """Run the block for at most ``seconds`` (None: no limit), else raise ``ArticleTimeout``."""
    if seconds is None:
        yield
        return
    if seconds <= 0:
        raise ArticleTimeout("no time left")
    limit = _Limit(threading.get_ident(), time.monotonic() + seconds)
    _WATCHDOG.add(limit)
    try:
        yield
    finally:
        fired = _WATCHDOG.done(limit)
    if fired:  # it fired as the block ended, and was withdrawn
        raise ArticleTimeout("time budget spent")


class ArticleClock:
    """One time budget per article, shared by its stages and its sections."""

    def __init__(self, budget: Optional[float]):
        self.budget = budget if budget and budget > 0 else None
        self.spent: dict[str, float] = {}

    def left(self, article: str) -> Optional[float]:
        if self.budget is None:
            return None
        return self.budget - self.spent.get(article, 0.0)

    @contextmanager
    def limit(self, article: str) -> Iterator[None]:
        """Run the block on ``article``'s remaining budget, and charge it the time taken."""
        started = time.monotonic()
        try:
            with time_limit(self.left(article)):
                yield
        finally:
            self.spent[article] = self.spent.get(article, 0.0) + time.monotonic() - started
