"""The runner: execute the notebooks in order with papermill into a run folder.

A run folder holds the executed notebooks, ``tables/``, ``figures/``,
``logs/``, ``run.json`` (parameters, git SHA, versions, times, failures) and
``report.html``.
"""
from __future__ import annotations

import datetime as dt
import json
import logging
import platform
import os
import re
import shutil
import subprocess
import sys
import threading
import time
from importlib import metadata
from pathlib import Path
from typing import Optional

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


class NotebookFailed(RuntimeError):
    """A notebook raised; the message names the notebook and the cell."""


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


def _collect_failures(run_dir: Path) -> list[dict]:
    """Inputs that could not be read, then documents a stage failed on (from the markers)."""
    skipped_path = run_dir / "logs" / "skipped.json"
    skipped = json.loads(skipped_path.read_text(encoding="utf-8")) if skipped_path.exists() else []
    failures = list(skipped)  # the engine wrote them with stage "read"
    for record in partition_records(run_dir).values():
        failures.extend(record.get("failures", []))
    return failures


_RUN_JSON_LOCK = threading.Lock()  # the progress thread and the main thread both update it


def write_run_json(run_dir: Path, record: dict) -> None:
    with _RUN_JSON_LOCK:
        record["partitions"] = partition_summary(run_dir)
        record = {**record, "failures": _collect_failures(run_dir)}
        atomic_write_text(run_dir / "run.json", json.dumps(record, ensure_ascii=False, indent=1))


def partition_summary(run_dir: Path) -> dict:
    """Which partitions of the corpus are complete (from their markers: the truth on resume)."""
    path = plan_path(run_dir)
    plan = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    return {"total": plan.get("partitions"), "size": plan.get("partition_size"),
            "complete": complete_partitions(run_dir)}


def _clear_earlier_run(out: Path) -> None:
    """``--overwrite``: remove the earlier run's outputs, so that nothing of it mixes in."""
    for sub in ("tables", "figures", "logs"):
        shutil.rmtree(out / sub, ignore_errors=True)
    for path in [*out.glob("[0-9][0-9]_*.ipynb"), out / "report.html", out / "run.json"]:
        path.unlink(missing_ok=True)


def prepare_run_dir(out: Path, overwrite: bool, resume: bool = False) -> Path:
    """Create the run folder; refuse to reuse one that holds a run, unless told how."""
    out = Path(out).resolve()
    if (out / "run.json").exists() and not resume:
        if not overwrite:
            raise FileExistsError(
                f"{out} already holds a run; choose another --out, pass --resume {out} to "
                f"finish it, or --overwrite to replace it"
            )
        _clear_earlier_run(out)
    for sub in ("tables", "figures", "logs"):
        (out / sub).mkdir(parents=True, exist_ok=True)
    return out


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


def resume_parameters(run_dir: Path) -> dict:
    """The parameters of the run in ``run_dir``, to finish it with exactly those."""
    path = Path(run_dir) / "run.json"
    if not path.exists():
        raise FileNotFoundError(f"{run_dir} holds no run.json: nothing to resume")
    return json.loads(path.read_text(encoding="utf-8"))["parameters"]


def _say(message: str) -> None:
    """A line on the terminal of ``qawl run`` (stderr), between the progress bars."""
    sys.stderr.write(message + "\n")
    sys.stderr.flush()


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
    """
    import papermill as pm

    if resume:
        earlier = resume_parameters(out)
        corpus, limit, seed = earlier["corpus"], earlier["limit"], earlier["seed"]
        kept = {k: v for k, v in earlier.items() if k not in PARAMETER_NAMES + ("output_dir",)}
        extra = {**kept, **(extra or {})}  # e.g. another --workers
    corpus_path = Path(corpus).resolve()
    if not corpus_path.exists():
        raise FileNotFoundError(f"corpus {corpus} does not exist")
    if limit is not None and limit < 1:
        raise ValueError(f"limit must be a positive number of articles, got {limit}")
    notebooks = notebooks or list_notebooks()
    declared = {path: declared_parameters(path) for path in notebooks}
    unknown = sorted(set(extra or {}) - set().union(*declared.values()))
    if unknown:
        raise ValueError(f"no notebook takes the parameter {', '.join(unknown)}; the notebooks "
                         f"take {', '.join(sorted(set().union(*declared.values())))}")
    run_dir = prepare_run_dir(out, overwrite, resume)
    parameters = {"corpus": str(corpus_path), "output_dir": str(run_dir), "limit": limit,
                  "seed": seed, **(extra or {})}
    record = {
        "parameters": parameters, "git_sha": git_sha(), "python": sys.version.split()[0],
        "platform": platform.platform(), "packages": package_versions(),
        "models": model_versions(), "notebooks": [p.name for p in notebooks],
        "started": dt.datetime.now().isoformat(timespec="seconds"), "status": "running",
    }
    if resume:
        record["resumed"] = True
    write_run_json(run_dir, record)
    follower = _follow_progress(run_dir, record) if progress else None
    os.environ["QAWL_RUN_PROGRESS"] = "1" if progress else ""  # the kernels inherit it
    executed = []
    try:
        for notebook in notebooks:
            own = {k: v for k, v in parameters.items() if k in declared[notebook] or k in PARAMETER_NAMES}
            executed.append(_execute(pm, notebook, run_dir, own, record, progress))
    finally:
        if follower is not None:
            follower.stop()
    record.update(status="ok", finished=dt.datetime.now().isoformat(timespec="seconds"))
    if report:
        from qawl.report import write_report

        record["report"] = str(write_report(run_dir, executed))
    write_run_json(run_dir, record)
    return run_dir


def _follow_progress(run_dir: Path, record: dict):
    from qawl.progress import ProgressFollower

    def on_event(event: dict) -> None:
        if event.get("event") == "partition":
            write_run_json(run_dir, record)

    follower = ProgressFollower(run_dir, on_event)
    follower.start()
    return follower


def _execute(pm, notebook: Path, run_dir: Path, parameters: dict, record: dict,
             progress: bool) -> Path:
    """One notebook with papermill; on failure, run.json says where, and it raises."""
    target = run_dir / notebook.name
    logger.info("executing %s", notebook.name)
    started = time.time()
    try:
        pm.execute_notebook(str(notebook), str(target), parameters=parameters,
                            cwd=str(notebook.parent), progress_bar=False, kernel_name="python3",
                            language="python", extra_arguments=QUIET_KERNEL)
    except BaseException as error:
        where = _failing_cell(target)
        if where == "unknown cell":  # papermill failed before running a cell
            where = f"start: {type(error).__name__}: {error}"
        status = "interrupted" if isinstance(error, KeyboardInterrupt) else "failed"
        record.update(status=status, failed_notebook=notebook.name, error=where,
                      finished=dt.datetime.now().isoformat(timespec="seconds"))
        write_run_json(run_dir, record)
        if isinstance(error, KeyboardInterrupt):
            raise
        raise NotebookFailed(f"{notebook.name} failed at {where}") from error
    if progress:
        _say(f"{notebook.stem:<14} done in {time.time() - started:.0f} s")
    return target
