"""The runner: execute the notebooks in order with papermill into a run folder.

A run folder holds the executed notebooks, ``tables/``, ``figures/``,
``logs/``, ``run.json`` (parameters, git SHA, versions, times, failures) and
``report.html``.

One run per folder, and a folder that tells the truth:

- A run holds an exclusive ``flock`` on ``DIR/.lock`` for its whole life (the
  file says which pid on which host, since when). A second run into the folder
  stops at once with :class:`RunLocked`. The operating system releases the
  lock however the process ends, so a ``run.json`` that says ``running`` while
  nobody holds the lock belongs to a dead run (``kill -9``, a crash, a power
  cut): :func:`run_status`, ``--resume`` and a new run into the folder rewrite
  it as ``interrupted``.
- SIGINT and SIGTERM stop the notebook kernel and its dask workers (they are
  one process group), remove temporary files, write ``"status":
  "interrupted"`` with what can be resumed, and raise :class:`RunInterrupted`.
- ``--overwrite`` never writes into the earlier run: when the new run starts,
  the earlier one is swapped out in one step (``renameat2`` exchange; two
  renames where that is not supported) to ``DIR.old-…``, and the new run
  writes into an empty ``DIR``. The earlier run is deleted when the new one
  completes (also after ``--resume``). So ``DIR`` only ever holds one run: the
  earlier one, complete, or the new one, marked ``running``, ``interrupted``,
  ``failed`` or ``ok``; and an interrupted overwrite is resumable like any run.
"""
from __future__ import annotations

import ctypes
import datetime as dt
import errno
import fcntl
import json
import logging
import platform
import os
import re
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from contextlib import contextmanager
from importlib import metadata
from pathlib import Path
from typing import Iterator, Optional

from qawl.tables import atomic_write_text, complete_partitions, partition_records, plan_path

logger = logging.getLogger(__name__)

PROJECT_ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS_DIR = PROJECT_ROOT / "notebooks"
NOTEBOOK_RE = re.compile(r"^\d\d_\w+\.ipynb$")
PARAMETER_NAMES = ("corpus", "output_dir", "limit", "seed")
RECORDED_PACKAGES = (
    "qawl", "camel-tools", "pandas", "pyarrow", "matplotlib", "papermill", "nbval",
    "sklearn-crfsuite", "python-crfsuite", "torch", "networkx", "numpy",
)


# the kernel's own log lines (e.g. its TCP warning) would interleave with the progress bars
QUIET_KERNEL = ["--IPKernelApp.log_level=CRITICAL"]


LOCK_FILE = ".lock"
RUN_JSON = "run.json"
KERNEL_LOG = "kernel.log"  # the kernels' own stdout and stderr, under logs/
KERNEL_GRACE = 5.0  # seconds an interrupted kernel and its workers get before SIGKILL
STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)
# what a failing cell says when the disk, not the code, failed (exit code 3 in the CLI)
IO_FAILURE_RE = re.compile(r"No space left on device|Disk quota exceeded|Read-only file system|"
                           r"Input/output error|\[Errno (5|28|30|122)\]")


class NotebookFailed(RuntimeError):
    """A notebook raised; the message names the notebook and the cell."""

    def __init__(self, message: str, io_failure: bool = False):
        super().__init__(message)
        self.io_failure = io_failure  # the disk failed (full, read-only), not the analysis


class RunLocked(RuntimeError):
    """Another live run holds the folder."""


class RunInterrupted(KeyboardInterrupt):
    """SIGINT or SIGTERM stopped a run; its run.json says so, and how to resume it."""

    def __init__(self, signum: int, run_dir: Optional[Path] = None, note: str = ""):
        super().__init__(signal.Signals(signum).name)
        self.signum, self.run_dir, self.note = signum, run_dir, note


class EmptyCorpus(ValueError):
    """The corpus holds no readable article (a usage error: exit code 2 in the CLI)."""


def list_notebooks(folder: Path = NOTEBOOKS_DIR) -> list[Path]:
    """The stage notebooks (``NN_name.ipynb``) in run order."""
    return sorted(p for p in Path(folder).glob("*.ipynb") if NOTEBOOK_RE.match(p.name))


def default_run_id(corpus: str) -> str:
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    name = re.sub(r"[^\w.-]+", "_", Path(str(corpus)).name) or "corpus"
    return f"{stamp}_{name}"


def git_sha(root: Path = PROJECT_ROOT) -> str:
    try:
        out = subprocess.run(["git", "rev-parse", "HEAD"], cwd=root, capture_output=True,
                             text=True, timeout=10)
        sha = out.stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"],
                               cwd=root, capture_output=True, text=True, timeout=10).stdout.strip()
        return (sha + ("-dirty" if dirty else "")) if sha else "unknown"
    except (OSError, subprocess.SubprocessError):
        return "unknown"


def package_versions() -> dict[str, str]:
    versions = {}
    for name in RECORDED_PACKAGES:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = "not installed"
    return versions


def model_versions() -> dict:
    """What the entities stage will use (the CRF card, and whether camel data is there)."""
    from qawl.entities.analysis import model_info

    return model_info()


def coerce_parameter(value: str):
    """``-p name=value`` strings to int, float, bool, None or str."""
    lowered = value.lower()
    if lowered in ("none", "null"):
        return None
    if lowered in ("true", "false"):
        return lowered == "true"
    for kind in (int, float):
        try:
            return kind(value)
        except ValueError:
            pass
    return value


def _failing_cell(notebook_path: Path) -> str:
    """Describe the cell that raised, from the executed notebook papermill saved."""
    try:
        import nbformat

        nb = nbformat.read(notebook_path, as_version=4)
    except Exception:  # the notebook may not have been written at all
        return "unknown cell"
    for index, cell in enumerate(nb.cells):
        for output in cell.get("outputs", []):
            if output.get("output_type") == "error":
                first_line = (cell.source.strip().splitlines() or [""])[0]
                return f"cell {index} ({first_line[:60]!r}): {output.get('ename')}: {output.get('evalue')}"
    return "unknown cell"



def _read_log(run_dir: Path, name: str) -> list:
    path = run_dir / "logs" / name
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else []


def _collect_failures(run_dir: Path) -> list[dict]:
    """Inputs that could not be read, then documents a stage failed on (from the markers)."""
    failures = list(_read_log(run_dir, "skipped.json"))  # the engine wrote them with stage "read"
    for record in partition_records(run_dir).values():
        failures.extend(record.get("failures", []))
    return failures


_RUN_JSON_LOCK = threading.Lock()  # the progress thread and the main thread both update it


def write_run_json(run_dir: Path, record: dict) -> None:
    with _RUN_JSON_LOCK:
        record["partitions"] = partition_summary(run_dir)
        record = {**record, "failures": _collect_failures(run_dir),
                  "renamed_ids": _read_log(run_dir, "renamed_ids.json")}
        atomic_write_text(run_dir / RUN_JSON, json.dumps(record, ensure_ascii=False, indent=1))


def read_run_json(run_dir: Path) -> Optional[dict]:
    path = Path(run_dir) / RUN_JSON
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else None


def partition_summary(run_dir: Path) -> dict:
    """Which partitions of the corpus are complete (from their markers: the truth on resume)."""
    path = plan_path(run_dir)
    plan = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    return {"total": plan.get("partitions"), "size": plan.get("partition_size"),
            "complete": complete_partitions(run_dir)}


def resume_command(run_dir: Path) -> str:
    return f"python -m qawl run --resume {shlex.quote(str(run_dir))}"


def resume_info(run_dir: Path) -> dict:
    """What a stopped run keeps, and the command that finishes it."""
    summary = partition_summary(run_dir)
    return {"complete": len(summary["complete"]), "total": summary["total"],
            "command": resume_command(run_dir)}


def _now() -> str:
    return dt.datetime.now().isoformat(timespec="seconds")


# --- one run per folder -------------------------------------------------------------


def _owner() -> dict:
    """Who runs: written in the lock file and in run.json."""
    return {"pid": os.getpid(), "host": socket.gethostname()}


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


def in_use_message(folder: Path) -> str:
    holder = lock_holder(folder) or {}
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


# --- checks before any notebook runs ------------------------------------------------


def check_corpus_has_articles(corpus) -> None:
    """Read the corpus lazily up to its first article; raise EmptyCorpus if there is none."""
    from qawl.corpus import load_corpus
    from qawl.engine import no_articles_message, quiet

    skipped: list = []
    with quiet(logging.getLogger("qawl.corpus")):  # the run reports each skipped file itself
        for _article in load_corpus(corpus, skipped=skipped):
            return
    raise EmptyCorpus(no_articles_message(corpus, skipped))


def check_lexicon(path: str) -> str:
    """The extra stance lexicon, as an absolute path, read once: a bad one is a usage error."""
    from qawl.stance import load_lexicon

    try:
        load_lexicon(path)
    except (OSError, ValueError) as error:
        reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
        raise ValueError(f"cannot read the lexicon {path}: {reason}") from None
    return str(Path(path).resolve())  # the kernels run in notebooks/, not here


def declared_parameters(notebook: Path) -> set[str]:
    """The names assigned in a notebook's cell tagged ``parameters``."""
    import ast

    import nbformat

    names: set[str] = set()
    for cell in nbformat.read(notebook, as_version=4).cells:
        if cell.cell_type == "code" and "parameters" in cell.metadata.get("tags", []):
            for node in ast.walk(ast.parse(cell.source)):
                if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
                    names.add(node.id)
    return names


def _say(message: str) -> None:
    """A line on the terminal of ``qawl run`` (stderr), between the progress bars."""
    sys.stderr.write(message + "\n")
    sys.stderr.flush()


def _checked_parameters(corpus: str, limit: Optional[int], extra: dict,
                        notebooks: list[Path], fresh: bool) -> tuple[Path, dict, dict]:
    """Usage errors (ValueError, FileNotFoundError, EmptyCorpus) before any folder is touched."""
    corpus_path = Path(corpus).resolve()
    if not corpus_path.exists():
        raise FileNotFoundError(f"corpus {corpus} does not exist")
    if limit is not None and limit < 1:
        raise ValueError(f"limit must be a positive number of articles, got {limit}")
    declared = {path: declared_parameters(path) for path in notebooks}
    taken = set().union(*declared.values())
    unknown = sorted(set(extra) - taken)
    if unknown:
        raise ValueError(f"no notebook takes the parameter {', '.join(unknown)}; the notebooks "
                         f"take {', '.join(sorted(taken))}")
    if extra.get("lexicon"):
        extra = {**extra, "lexicon": check_lexicon(str(extra["lexicon"]))}
    if fresh:  # a resumed run's corpus had articles when it started
        check_corpus_has_articles(corpus_path)
    return corpus_path, declared, extra


# --- running -------------------------------------------------------------------------


def run_notebooks(
    corpus: str,
    out: Path,
    limit: Optional[int] = None,
    seed: int = 0,
    extra: Optional[dict] = None,
    notebooks: Optional[list[Path]] = None,
    overwrite: bool = False,
    report: bool = True,
    resume: bool = False,
    progress: bool = False,
) -> Path:
    """Execute the notebooks in order; stop at the first failure, naming the cell.

    ``resume`` finishes an earlier run in ``out`` with its own parameters:
    complete partitions are kept, the rest redone, and every notebook rerun.
    ``progress`` draws bars per stage and a line per notebook on stderr.
    Raises RunLocked if another run holds ``out``, RunInterrupted on SIGINT or
    SIGTERM (run.json then says ``interrupted`` and how to resume).
    """
    notebooks = notebooks or list_notebooks()
    folder = None
    if resume:  # the folder's own parameters, read under its lock
        folder = claim_run_folder(out, resume=True)
        earlier = folder.earlier["parameters"]
        corpus, limit, seed = earlier["corpus"], earlier["limit"], earlier["seed"]
        kept = {k: v for k, v in earlier.items() if k not in PARAMETER_NAMES + ("output_dir",)}
        extra = {**kept, **(extra or {})}  # e.g. another --workers
    try:
        corpus_path, declared, extra = _checked_parameters(corpus, limit, extra or {},
                                                           notebooks, fresh=not resume)
        with _stop_signals_interrupt():
            if folder is None:
                folder = claim_run_folder(out, overwrite)
            parameters = {"corpus": str(corpus_path), "output_dir": str(folder.path),
                          "limit": limit, "seed": seed, **extra}
            _run_in_folder(folder, parameters, notebooks, declared, report, resume, progress)
    finally:
        if folder is not None:
            folder.release()
    return folder.path


def _run_in_folder(folder: RunFolder, parameters: dict, notebooks: list[Path],
                   declared: dict, report: bool, resume: bool, progress: bool) -> None:
    run_dir = folder.path
    record = {"parameters": parameters, "started": _now(), "status": "running", **_owner()}
    if resume:
        record["resumed"] = True
    if folder.replaces:
        record["replaces"] = folder.replaces
    current = None
    try:
        record.update(git_sha=git_sha(), python=sys.version.split()[0],
                      platform=platform.platform(), packages=package_versions(),
                      models=model_versions(), notebooks=[p.name for p in notebooks])
        write_run_json(run_dir, record)
        follower = _follow_progress(run_dir, record) if progress else None
        os.environ["QAWL_RUN_PROGRESS"] = "1" if progress else ""  # the kernels inherit it
        executed = []
        try:
            for current in notebooks:
                own = {k: v for k, v in parameters.items()
                       if k in declared[current] or k in PARAMETER_NAMES}
                executed.append(_execute(current, run_dir, own, record, progress))
        finally:
            if follower is not None:
                follower.stop()
        record.update(status="ok", finished=_now())
        record.pop("resume", None)
        if report:
            from qawl.report import write_report

            record["report"] = str(write_report(run_dir, executed))
        write_run_json(run_dir, record)
    except KeyboardInterrupt as error:
        raise _interrupted(folder, record, current, error) from None
    folder.remove_replaced()
    if "replaces" in record:
        del record["replaces"]
        write_run_json(run_dir, record)


def _interrupted(folder: RunFolder, record: dict, notebook: Optional[Path],
                 error: KeyboardInterrupt) -> RunInterrupted:
    """Stop the kernels, clean up, and record the interruption: the folder tells the truth."""
    signum = getattr(error, "signum", signal.SIGINT)
    _stop_kernels(KERNEL_GRACE)
    # the cell a kernel was running when it was stopped fails in a task nobody awaits now
    logging.getLogger("asyncio").setLevel(logging.CRITICAL)
    remove_temporary_files(folder.path)
    reason = f"{signal.Signals(signum).name}" + (f" during {notebook.name}" if notebook else "")
    _mark_interrupted(folder.path, record, reason)
    note = ""
    if folder.replaces:
        note = (f"; the run it replaces is kept in {folder.replaces[0]} until this one completes")
    return RunInterrupted(signum, folder.path, note)


def _mark_interrupted(run_dir: Path, record: dict, reason: str,
                      finished: Optional[str] = "now") -> dict:
    """``finished`` is None when nobody knows when the run stopped (it died unannounced)."""
    record.update(status="interrupted", interrupted=reason, resume=resume_info(run_dir),
                  finished=_now() if finished == "now" else finished)
    write_run_json(run_dir, record)
    return read_run_json(run_dir)


@contextmanager
def _stop_signals_interrupt() -> Iterator[None]:
    """SIGINT and SIGTERM stop the kernels at once and raise RunInterrupted here.

    A second signal while the run cleans up is ignored (the cleanup is bounded).
    Outside the main thread signals cannot be caught: nothing changes.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    caught: list[int] = []

    def on_signal(signum, frame):
        if caught:
            return
        caught.append(signum)
        _signal_kernels(signal.SIGTERM)
        raise RunInterrupted(signum)

    previous = {signum: signal.signal(signum, on_signal) for signum in STOP_SIGNALS}
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


# --- the kernels --------------------------------------------------------------------

# process group id -> the kernel's Popen; a kernel is started in a new session, so its
# dask workers and their helpers share its group and one killpg stops them all
_KERNELS: dict = {}


def _kernel_manager_class(log_path: Path):
    """papermill's kernel manager, with the kernel's output in ``logs/kernel.log`` (not on
    the terminal: its shutdown tracebacks there said nothing to a researcher) and its
    process group recorded, so that an interrupt can stop the kernel and its workers."""
    from jupyter_client.manager import AsyncKernelManager

    class RunKernelManager(AsyncKernelManager):
        async def _async_launch_kernel(self, kernel_cmd, **kw):
            with open(log_path, "ab") as log:
                kw.setdefault("stdout", log)
                kw.setdefault("stderr", log)
                await super()._async_launch_kernel(kernel_cmd, **kw)
            process = getattr(self.provisioner, "process", None)
            if process is not None:
                _KERNELS[process.pid] = process

    return RunKernelManager


def _signal_kernels(signum: int) -> None:
    for pgid in list(_KERNELS):
        try:
            os.killpg(pgid, signum)
        except ProcessLookupError:
            _KERNELS.pop(pgid, None)
        except PermissionError:  # the group id was reused by someone else's process
            _KERNELS.pop(pgid, None)


def _group_alive(pgid: int) -> bool:
    """Is any process of the group still running (zombies awaiting their reaper do not count)?"""
    try:
        import psutil
    except ImportError:
        try:
            os.killpg(pgid, 0)
            return True
        except OSError:
            return False
    for process in psutil.process_iter(["status"]):
        try:
            if os.getpgid(process.pid) == pgid and process.info["status"] != psutil.STATUS_ZOMBIE:
                return True
        except (OSError, psutil.Error):
            continue
    return False


def _stop_kernels(grace: float) -> None:
    """Wait up to ``grace`` seconds for the kernels' groups to exit, then SIGKILL what is left."""
    deadline = time.monotonic() + grace
    while time.monotonic() < deadline:
        for pgid, process in list(_KERNELS.items()):
            process.poll()  # reap the kernel, our child
            if not _group_alive(pgid):
                _KERNELS.pop(pgid, None)
        if not _KERNELS:
            return
        time.sleep(0.2)
    _signal_kernels(signal.SIGKILL)
    for process in _KERNELS.values():
        try:
            process.wait(timeout=2)
        except subprocess.TimeoutExpired:
            pass
    _KERNELS.clear()


def _follow_progress(run_dir: Path, record: dict):
    from qawl.progress import ProgressFollower

    def on_event(event: dict) -> None:
        if event.get("event") == "partition":
            write_run_json(run_dir, record)

    follower = ProgressFollower(run_dir, on_event)
    follower.start()
    return follower


def _execute(notebook: Path, run_dir: Path, parameters: dict, record: dict,
             progress: bool) -> Path:
    """One notebook with papermill; on failure, run.json says where, and it raises."""
    import papermill as pm

    target = run_dir / notebook.name
    logger.info("executing %s", notebook.name)
    started = time.time()
    try:
        pm.execute_notebook(str(notebook), str(target), parameters=parameters,
                            cwd=str(notebook.parent), progress_bar=False, kernel_name="python3",
                            language="python", extra_arguments=QUIET_KERNEL,
                            kernel_manager_class=_kernel_manager_class(run_dir / "logs" / KERNEL_LOG))
    except Exception as error:
        where = _failing_cell(target)
        if where == "unknown cell":  # papermill failed before running a cell
            where = f"start: {type(error).__name__}: {error}"
        record.update(status="failed", failed_notebook=notebook.name, error=where,
                      finished=_now(), resume=resume_info(run_dir))
        write_run_json(run_dir, record)
        _stop_kernels(0)  # strays of a failed kernel's group
        raise NotebookFailed(f"{notebook.name} failed at {where}",
                             io_failure=bool(IO_FAILURE_RE.search(where))) from error
    _stop_kernels(0)  # a finished kernel's group is empty; this only forgets it
    if progress:
        _say(f"{notebook.stem:<14} done in {time.time() - started:.0f} s")
    return target
