"""Where bytes come from (``_Input``), what a read has met (``_Seen``), and recording a skipped input.
"""
from __future__ import annotations

import logging
import os
import re
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Optional, Union

from qawl.corpus.text import printable
from qawl.schema import Skipped

logger = logging.getLogger(__package__)  # one logger for the reader: filters on "qawl.corpus" see every record

PathLike = Union[str, os.PathLike]

# The limits are read as ``inputs.MAX_...`` where used, so that setting them here takes effect.
# A single file above this is skipped: it would be held in memory whole.
MAX_FILE_BYTES = 50 * 1024 * 1024
# Zips inside zips are read this deep at most: a zip quine or bomb must not recurse forever.
MAX_ZIP_DEPTH = 3

# Files that document a corpus folder rather than being articles.
IGNORED_NAME_RE = re.compile(
    r"^(?:readme|licen[cs]e|copying|notice|changelog|citation)(?:[._-].*)?$"
    r"|^(?:thumbs\.db|desktop\.ini|__macosx|__pycache__)$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class _Input:
    """Where some bytes came from.

    ``origin`` names it for people (the path as given, then zip member and position);
    ``id_path`` is the relative path used in doc ids (zip suffixes dropped);
    ``full_path`` keeps the folders above, which ANT ids are built from.
    """

    origin: str
    id_path: PurePosixPath
    full_path: PurePosixPath

    def member(self, name: str) -> "_Input":
        return _Input(
            origin=f"{self.origin}:{name}",
            id_path=self.id_path.with_suffix("") / name.lstrip("/"),
            full_path=self.full_path.with_suffix("") / name.lstrip("/"),
        )


@dataclass
class _Seen:
    """What one read has met, so that links never make it loop or read a file twice.

    Keys are ``(st_dev, st_ino)``; values the first origin, named in skip reasons.
    """

    files: dict[tuple[int, int], str] = field(default_factory=dict)
    folders: dict[tuple[int, int], str] = field(default_factory=dict)


def _is_ignored(name: str) -> bool:
    return name.startswith(".") or bool(IGNORED_NAME_RE.match(name))


def _skip(skipped: Optional[list[Skipped]], origin: str, reason: str) -> None:
    origin, reason = printable(origin), printable(reason)  # one line per skipped input
    logger.warning("skipped %s: %s", origin, reason)
    if skipped is not None:
        skipped.append(Skipped(origin, reason))
