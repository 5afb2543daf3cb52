"""Walking corpus paths: regular files under folders in name order, links followed once, special
files and loops skipped with their reason.
"""
from __future__ import annotations

import errno
import logging
import os
import stat
from pathlib import Path, PurePosixPath
from typing import Iterable, Iterator, Optional, Union

from qawl.corpus.inputs import PathLike, _Input, _Seen, _is_ignored, _skip
from qawl.corpus.text import printable
from qawl.schema import Skipped

logger = logging.getLogger(__package__)  # one logger for the reader: filters on "qawl.corpus" see every record


def _as_roots(paths: Union[PathLike, Iterable[PathLike]]) -> list[Path]:
    items = [paths] if isinstance(paths, (str, os.PathLike)) else list(paths)
    if not items:
        raise ValueError("no corpus paths given")
    roots = [Path(item) for item in items]
    for root in roots:
        # lexists: a broken or looping link given as the corpus is a skip with its reason.
        if not os.path.lexists(root):
            raise FileNotFoundError(f"corpus path does not exist: {root}")
    return roots


def _iter_inputs(root: Path, skipped: Optional[list[Skipped]], seen: _Seen) -> Iterator[tuple[Path, _Input]]:
    status = _stat_or_skip(root, skipped)
    if status is None:
        return
    if stat.S_ISDIR(status.st_mode):
        for path in _walk(root, status, skipped, seen):
            relative = PurePosixPath(printable(path.relative_to(root).as_posix()))
            yield path, _Input(printable(path.as_posix()), relative, PurePosixPath(printable(path.absolute().as_posix())))
    elif _special_kind(status.st_mode):
        _skip(skipped, root.as_posix(), _not_regular(root, status))
    else:
        yield root, _Input(printable(root.as_posix()), PurePosixPath(printable(root.name)),
                           PurePosixPath(printable(root.absolute().as_posix())))


def _walk(root: Path, status: os.stat_result, skipped: Optional[list[Skipped]], seen: _Seen) -> Iterator[Path]:
    """Regular files under ``root``, depth first in name order, following links once.

    Iterative, so that deep trees cannot exhaust the recursion limit.  A link
    back to a folder being walked is a loop; a folder reached a second time
    (through a link) is skipped; both are recorded with their reason.
    """
    key = _inode(status)
    if key in seen.folders:
        _skip(skipped, root.as_posix(), f"folder already read as {seen.folders[key]}")
        return
    seen.folders[key] = root.as_posix()
    stack = [(key, _list_folder(root, skipped))]
    open_folders = {key}  # the folders on the current path: a link back to one is a loop
    while stack:
        key, entries = stack[-1]
        entry = next(entries, None)
        if entry is None:
            stack.pop()
            open_folders.discard(key)
            continue
        if _is_ignored(entry.name):
            logger.debug("ignoring %s", entry.path)
            continue
        path = Path(entry.path)
        status = _stat_or_skip(path, skipped)
        if status is None:
            continue
        if stat.S_ISDIR(status.st_mode):
            child = _inode(status)
            if child in open_folders:
                _skip(skipped, path.as_posix(), f"link loop: {_link_note(path)}leads back to {seen.folders[child]}")
            elif child in seen.folders:
                _skip(skipped, path.as_posix(), f"folder already read as {seen.folders[child]}")
            else:
                seen.folders[child] = path.as_posix()
                open_folders.add(child)
                stack.append((child, _list_folder(path, skipped)))
        elif _special_kind(status.st_mode):
            _skip(skipped, path.as_posix(), _not_regular(path, status))
        else:
            yield path


def _list_folder(folder: Path, skipped: Optional[list[Skipped]]) -> Iterator[os.DirEntry]:
    try:
        with os.scandir(folder) as scan:
            entries = sorted(scan, key=lambda entry: entry.name)
    except OSError as err:
        _skip(skipped, folder.as_posix(), f"cannot list folder: {err.strerror or err}")
        return iter(())
    return iter(entries)


def _stat_or_skip(path: Path, skipped: Optional[list[Skipped]]) -> Optional[os.stat_result]:
    """``os.stat`` (links followed), or None after recording why it failed."""
    try:
        return os.stat(path)
    except (OSError, ValueError) as err:  # ValueError: a NUL byte in the name
        _skip(skipped, path.as_posix(), _stat_problem(path, err))
        return None


def _stat_problem(path: Path, err: Exception) -> str:
    target = _link_target(path)
    errno_ = getattr(err, "errno", None)
    if target is None:
        return f"cannot read: {getattr(err, 'strerror', None) or err}"
    if errno_ == errno.ELOOP:
        return f"link loop: -> {target}"
    if errno_ in (errno.ENOENT, errno.ENOTDIR):
        return f"broken link -> {target}"
    return f"cannot follow link -> {target}: {getattr(err, 'strerror', None) or err}"


def _link_target(path: Path) -> Optional[str]:
    try:
        return os.readlink(path)
    except (OSError, ValueError):
        return None


def _link_note(path: Path) -> str:
    target = _link_target(path)
    return "" if target is None else f"-> {target} "


def _inode(status: os.stat_result) -> tuple[int, int]:
    return status.st_dev, status.st_ino


def _special_kind(mode: int) -> str:
    """What a non-regular, non-folder file is ("" for a regular file)."""
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return ""
    for test, kind in ((stat.S_ISFIFO, "FIFO"), (stat.S_ISSOCK, "socket"),
                       (stat.S_ISCHR, "character device"), (stat.S_ISBLK, "block device")):
        if test(mode):
            return kind
    return "special file"


def _not_regular(path: Path, status: os.stat_result) -> str:
    target = _link_target(path)
    via = f", reached by link -> {target}" if target is not None else ""
    return f"not a regular file ({_special_kind(status.st_mode)}){via}"
