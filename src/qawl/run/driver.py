"""Driving papermill: each notebook in order into the run folder, stopping at the first failure
(naming the cell), recording an interruption, and the report at the end.
"""
from __future__ import annotations

import logging
import os
import platform
import re
import signal
import sys
import time
from pathlib import Path
from typing import Optional

from qawl.run.folder import RunFolder, claim_run_folder, remove_temporary_files
from qawl.run.kernels import (
    KERNEL_GRACE, KERNEL_LOG, QUIET_KERNEL, RunInterrupted, _kernel_manager_class, _stop_kernels,
    _stop_signals_interrupt,
)
from qawl.run.params import PARAMETER_NAMES, _checked_parameters, _say, list_notebooks
from qawl.run.record import (
    _mark_interrupted, _now, _owner, git_sha, model_versions, package_versions, resume_info, write_run_json,
)

logger = logging.getLogger(__name__)

# what a failing cell says when the disk, not the code, failed (exit code 3 in the CLI)
IO_FAILURE_RE = re.compile(r"No space left on device|Disk quota exceeded|Read-only file system|"
                           r"Input/output error|\[Errno (5|28|30|122)\]")


class NotebookFailed(RuntimeError):
    """A notebook raised; the message names the notebook and the cell."""

    def __init__(self, message: str, io_failure: bool = False):
        super().__init__(message)
        self.io_failure = io_failure  # the disk failed (full, read-only), not the analysis


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
