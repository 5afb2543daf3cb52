"""One run per folder: the exclusive lock, the status of a folder (a dead run's rewritten as
interrupted), temporary files, and swapping out an earlier run on ``--overwrite``.
"""
from __future__ import annotations

import ctypes
import datetime as dt
import errno
import fcntl
import json
import logging
import os
import shutil
import tempfile
import time
from pathlib import Path
from typing import Optional

from qawl.run.record import RUN_JSON, _mark_interrupted, _now, _owner, read_run_json

logger = logging.getLogger(__name__)

LOCK_FILE = ".lock"


class RunLocked(RuntimeError):
    """Another live run holds the folder."""


class RunLock:
    """An exclusive ``flock`` on ``<folder>/.lock``, held until released or the process ends.

    The file's text says who holds it. The descriptor is not inherited by the
    kernel, so only this process holds the lock, and ``kill -9`` frees it.
    """

    def __init__(self, folder: Path):
        self.folder = Path(folder)
        self.path = self.folder / LOCK_FILE
        self.fd: Optional[int] = None

    def acquire(self, note: str = "qawl run") -> "RunLock":
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            raise RunLocked(in_use_message(self.folder)) from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, json.dumps({**_owner(), "started": _now(), "by": note}).encode(), 0)
        self.fd = fd
        return self

    def release(self) -> None:
        if self.fd is not None:
            os.close(self.fd)  # closing the descriptor releases the lock
            self.fd = None


def lock_holder(folder: Path) -> Optional[dict]:
    """Who holds the folder's lock (pid, host, started), or None when it is free."""
    path = Path(folder) / LOCK_FILE
    try:
        fd = os.open(path, os.O_RDONLY | os.O_CLOEXEC)
    except FileNotFoundError:
        return None
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except BlockingIOError:
            text = os.pread(fd, 4096, 0).decode("utf-8", "replace")
            try:
                return json.loads(text)
            except ValueError:  # being written this instant
                return {}
        return None
    finally:
        os.close(fd)


HOLDER_WAIT_TRIES = 25  # a lock just taken: its holder writes who it is a moment later
HOLDER_WAIT_SECONDS = 0.02


def in_use_message(folder: Path) -> str:
    holder = lock_holder(folder)
    for _ in range(HOLDER_WAIT_TRIES):
        if holder is None or holder:
            break
        time.sleep(HOLDER_WAIT_SECONDS)  # read between the holder's truncate and its write
        holder = lock_holder(folder)
    holder = holder or {}
    who = f"run {holder['pid']}" if "pid" in holder else "another run"
    where = f" on {holder['host']}" if holder.get("host") else ""
    since = f" started {holder['started']}" if holder.get("started") else ""
    return f"{folder} is in use by {who}{where}{since}; wait for it, or choose another --out"


def _settle(run_dir: Path, record: Optional[dict]) -> Optional[dict]:
    """run.json made true, by a caller that holds the lock: 'running' means dead."""
    if record is None or record.get("status") != "running":
        return record
    pid, host = record.get("pid", "?"), record.get("host", "?")
    return _mark_interrupted(run_dir, record, f"its process (pid {pid} on {host}) ended without "
                             "recording why (killed, or the machine stopped)", finished=None)


def run_status(run_dir: Path) -> Optional[dict]:
    """The run in ``run_dir`` as it truly is (None when there is none).

    A run that says ``running`` while nobody holds its lock died unannounced:
    its run.json is rewritten as ``interrupted`` (with what can be resumed).
    """
    run_dir = Path(run_dir)
    record = read_run_json(run_dir)
    if record is None or record.get("status") != "running":
        return record
    try:
        lock = RunLock(run_dir).acquire("qawl status")
    except RunLocked:
        return {**record, "holder": lock_holder(run_dir)}  # alive
    try:
        return _settle(run_dir, read_run_json(run_dir))
    finally:
        lock.release()


def remove_temporary_files(run_dir: Path) -> int:
    """Leftovers of atomic writes that never finished (``*.tmp``, also hidden ones)."""
    removed = 0
    for path in Path(run_dir).rglob("*.tmp"):
        if path.is_file() and not path.is_symlink():
            path.unlink(missing_ok=True)
            removed += 1
    if removed:
        logger.info("removed %d temporary files from %s", removed, run_dir)
    return removed


RENAME_EXCHANGE = 2  # linux/fs.h


def _exchange(a: Path, b: Path) -> Path:
    """Swap two folders in one step; returns where ``b``'s former content is now.

    Without ``renameat2`` (not Linux, or a file system such as NFS without
    it), ``b`` is renamed aside and ``a`` renamed to ``b``: two steps.
    """
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        if libc.renameat2(-100, os.fsencode(a), -100, os.fsencode(b), RENAME_EXCHANGE) == 0:
            return a  # AT_FDCWD is -100
        code = ctypes.get_errno()
        if code not in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP):
            raise OSError(code, os.strerror(code), str(b))
    except AttributeError:  # no renameat2 in this C library
        pass
    aside = a.with_name(a.name + "-earlier")
    os.rename(b, aside)
    os.rename(a, b)
    return aside


class RunFolder:
    """The locks a run holds, and the earlier runs it replaces (deleted when it completes)."""

    def __init__(self, path: Path, locks: list[RunLock], replaces: list[str], record: Optional[dict]):
        self.path, self.locks, self.replaces, self.earlier = path, locks, replaces, record

    def release(self) -> None:
        for lock in self.locks:
            lock.release()

    def remove_replaced(self) -> None:
        """The earlier runs this one replaced, now that it is complete."""
        held = {lock.folder.resolve() for lock in self.locks}
        for name in self.replaces:
            path = Path(name)
            if not path.exists():
                continue
            if path.resolve() not in held:
                try:
                    RunLock(path).acquire("removing a replaced run").release()
                except RunLocked as error:
                    logger.warning("kept %s: %s", path, error)
                    continue
            shutil.rmtree(path, ignore_errors=True)


def claim_run_folder(out: Path, overwrite: bool = False, resume: bool = False) -> RunFolder:
    """Lock the run folder; refuse to reuse one that holds a run, unless told how.

    ``overwrite`` swaps the earlier run out to a sibling ``DIR.old-…`` (see the
    module docstring); ``resume`` keeps it and removes its temporary files.
    """
    out = Path(out).resolve()
    if resume and not out.is_dir():
        raise FileNotFoundError(f"{out} does not exist: nothing to resume")
    out.mkdir(parents=True, exist_ok=True)
    lock = RunLock(out).acquire("qawl run --resume" if resume else "qawl run")
    try:
        record = _settle(out, read_run_json(out))
        if resume:
            if record is None:
                raise FileNotFoundError(f"{out} holds no {RUN_JSON}: nothing to resume")
            remove_temporary_files(out)
            folder = RunFolder(out, [lock], list(record.get("replaces", [])), record)
        elif record is None:
            folder = RunFolder(out, [lock], [], None)
        elif not overwrite:
            raise FileExistsError(
                f"{out} already holds a run ({record.get('status')}); choose another --out, "
                f"pass --resume {out} to finish it, or --overwrite to replace it")
        else:
            folder = _swap_out_earlier_run(out, lock, record)
    except BaseException:
        lock.release()
        raise
    for sub in ("tables", "figures", "logs"):
        (out / sub).mkdir(parents=True, exist_ok=True)
    return folder


def _swap_out_earlier_run(out: Path, lock: RunLock, record: dict) -> RunFolder:
    """``--overwrite``: an empty, locked folder takes the earlier run's place in one step."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    fresh = Path(tempfile.mkdtemp(prefix=f"{out.name}.old-{stamp}-", dir=out.parent))
    new_lock = RunLock(fresh).acquire("qawl run --overwrite")
    try:
        earlier = _exchange(fresh, out)
    except BaseException:
        new_lock.release()
        shutil.rmtree(fresh, ignore_errors=True)
        raise
    new_lock.folder = out  # the locked file moved with its folder
    lock.folder = earlier
    logger.info("the earlier run in %s is kept in %s until this one completes", out, earlier)
    replaces = [str(earlier), *record.get("replaces", [])]
    return RunFolder(out, [new_lock, lock], replaces, record)
