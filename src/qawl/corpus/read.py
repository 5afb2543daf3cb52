"""Reading one file's bytes, safely (size limit, no blocking on FIFOs), and the zips inside it.
"""
from __future__ import annotations

import io
import os
import stat
import zipfile
import zlib
from pathlib import Path, PurePosixPath
from typing import BinaryIO, Iterator, Optional

from qawl.corpus.formats import _parse_text
from qawl.corpus import inputs
from qawl.corpus.inputs import _Input, _Seen, _is_ignored, _skip
from qawl.corpus.text import _Unreadable, decode_text, printable
from qawl.corpus.walk import _inode, _not_regular, _special_kind
from qawl.schema import Article, Skipped

ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")


def _read_path(path: Path, source: _Input, skipped: Optional[list[Skipped]], seen: _Seen) -> Iterator[Article]:
    opened = _open_regular(path, source, skipped, seen)
    if opened is None:
        return
    handle, size = opened
    with handle:
        try:  # a size of 0 is not trusted: /proc and some FUSE files report it and hold text
            head = handle.read(4)
            if head.startswith(ZIP_MAGIC):
                handle.seek(0)
                yield from _read_zip(handle, source, skipped, depth=1)  # members are read one by one
                return
            if size > inputs.MAX_FILE_BYTES:
                _skip(skipped, source.origin, _too_big(size))
                return
            data = head + handle.read(inputs.MAX_FILE_BYTES + 1 - len(head))
        except OSError as err:
            _skip(skipped, source.origin, f"cannot read file: {err.strerror or err}")
            return
    if len(data) > inputs.MAX_FILE_BYTES:  # it grew since it was measured
        _skip(skipped, source.origin, _too_big(len(data)))
        return
    yield from _read_bytes(data, source, skipped, depth=0)


def _open_regular(path: Path, source: _Input, skipped: Optional[list[Skipped]],
                  seen: _Seen) -> Optional[tuple[BinaryIO, int]]:
    """``path`` open for reading with its size, if it is a regular file not read before.

    Non-blocking, and checked on the open file: a FIFO that took the file's
    place since the walk must not hang the read.
    """
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except (OSError, ValueError) as err:
        _skip(skipped, source.origin, f"cannot read file: {getattr(err, 'strerror', None) or err}")
        return None
    handle = os.fdopen(fd, "rb")
    status = os.fstat(fd)
    key = _inode(status)
    problem = ""
    if _special_kind(status.st_mode):
        problem = _not_regular(path, status)
    elif key in seen.files:
        problem = f"same file as {seen.files[key]} (already read)"
    if problem:
        handle.close()
        _skip(skipped, source.origin, problem)
        return None
    seen.files[key] = source.origin
    return handle, status.st_size


def _too_big(size: int) -> str:
    return (
        f"file is {size / 2**20:.1f} MB, over the {inputs.MAX_FILE_BYTES / 2**20:.0f} MB limit "
        "(qawl.corpus.inputs.MAX_FILE_BYTES); split it into smaller files, e.g. one article per file, "
        "or `split -l 10000 FILE part_` for JSON Lines/CSV, or zip it"
    )


def _too_big_member(info: zipfile.ZipInfo) -> str:
    ratio = info.file_size / max(info.compress_size, 1)
    return (
        f"zip member unpacks to {info.file_size / 2**20:.1f} MB ({ratio:.0f} times its packed size), "
        f"over the {inputs.MAX_FILE_BYTES / 2**20:.0f} MB limit (qawl.corpus.inputs.MAX_FILE_BYTES): "
        "split it into smaller files inside the zip"
    )


def _read_bytes(data: bytes, source: _Input, skipped: Optional[list[Skipped]], depth: int) -> Iterator[Article]:
    """The articles in ``data``; ``depth`` counts the zips it sits in."""
    if not data:
        _skip(skipped, source.origin, "empty file")
        return
    if data.startswith(ZIP_MAGIC):
        if depth >= inputs.MAX_ZIP_DEPTH:
            _skip(skipped, source.origin,
                  f"zip nested in {depth} zips, deeper than qawl.corpus.inputs.MAX_ZIP_DEPTH "
                  f"({inputs.MAX_ZIP_DEPTH}): unzip the outer ones first")
            return
        yield from _read_zip(io.BytesIO(data), source, skipped, depth + 1)
        return
    try:
        text = decode_text(data)
        if not text.strip():
            raise _Unreadable("empty file" if not text else "empty file (only whitespace)")
        yield from _parse_text(text, source, skipped)
    except _Unreadable as err:
        _skip(skipped, source.origin, str(err))


def _read_zip(archive_file: BinaryIO, source: _Input, skipped: Optional[list[Skipped]], depth: int) -> Iterator[Article]:
    try:
        archive = zipfile.ZipFile(archive_file)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError) as err:
        _skip(skipped, source.origin, f"corrupt or truncated zip: {err}")
        return
    with archive:
        members = sorted(
            (info for info in archive.infolist() if not info.is_dir() and not _is_ignored_member(info.filename)),
            key=lambda info: info.filename,
        )
        if any(info.filename in ("[Content_Types].xml", "mimetype") for info in members):
            _skip(skipped, source.origin, "an Office document or EPUB, not a corpus zip: export it to text first")
            return
        for info in members:
            member = source.member(printable(info.filename))
            if stat.S_ISLNK(info.external_attr >> 16):  # its bytes are a path, not an article
                _skip(skipped, member.origin, "zip member is a symbolic link")
                continue
            if info.flag_bits & 0x1:
                _skip(skipped, member.origin, "zip member is encrypted: unzip it with its password first")
                continue
            # The declared size bounds what is read: zipfile never inflates past it.
            if info.file_size > inputs.MAX_FILE_BYTES:
                _skip(skipped, member.origin, _too_big_member(info))
                continue
            try:
                data = archive.read(info)
            except (zipfile.BadZipFile, zlib.error, EOFError, OSError, RuntimeError, NotImplementedError,
                    ValueError) as err:
                _skip(skipped, member.origin, f"cannot read zip member: {err}")
                continue
            yield from _read_bytes(data, member, skipped, depth)


def _is_ignored_member(name: str) -> bool:
    return any(_is_ignored(part) for part in PurePosixPath(name).parts)
