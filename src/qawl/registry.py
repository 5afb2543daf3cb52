"""What the stages' rule registries share: switching rules off, in place, for a test or an ablation.

Each stage keeps its own ``RULES`` (id -> one line) and ``DISABLED_RULES`` (the set its code
consults); ``switched_off`` changes that set in place and restores it.
"""
from __future__ import annotations

from contextlib import contextmanager
from typing import Iterable, Iterator, Mapping


@contextmanager
def switched_off(rules: Mapping[str, str], disabled: set[str], ids: Iterable[str], stage: str) -> Iterator[None]:
    """Run with the rules ``ids`` of ``rules`` in ``disabled``; an unknown id is a KeyError."""
    ids = set(ids)
    unknown = ids - rules.keys()
    if unknown:
        raise KeyError(f"unknown {stage} rules: {sorted(unknown)}")
    added = ids - disabled
    disabled.update(added)
    try:
        yield
    finally:
        disabled.difference_update(added)
