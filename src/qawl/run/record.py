"""``run.json``: what a run records (parameters, git SHA, versions, partitions, failures, how to
resume) and its updates, serialised between the progress thread and the main thread.
"""
from __future__ import annotations

import datetime as dt
import json
import os
import shlex
import socket
import subprocess
import threading
from importlib import metadata
from pathlib import Path
from typing import Optional

from qawl.tables import atomic_write_text, complete_partitions, partition_records, plan_path

PROJECT_ROOT = Path(__file__).resolve().parents[3]

RECORDED_PACKAGES = (
    "qawl", "camel-tools", "pandas", "pyarrow", "matplotlib", "papermill", "nbval",
    "sklearn-crfsuite", "python-crfsuite", "torch", "networkx", "numpy",
)

RUN_JSON = "run.json"


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
    """What the entities stage will use (the CRF card, and whether camel data is there), and
    the stance stage's packaged reader (its sha256)."""
    from qawl.entities.analysis import model_info
    from qawl.stance.model import packaged_model_info

    return {**model_info(), "stance_reader": packaged_model_info()}


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


def _owner() -> dict:
    """Who runs: written in the lock file and in run.json."""
    return {"pid": os.getpid(), "host": socket.gethostname()}


def _mark_interrupted(run_dir: Path, record: dict, reason: str,
                      finished: Optional[str] = "now") -> dict:
    """``finished`` is None when nobody knows when the run stopped (it died unannounced)."""
    record.update(status="interrupted", interrupted=reason, resume=resume_info(run_dir),
                  finished=_now() if finished == "now" else finished)
    write_run_json(run_dir, record)
    return read_run_json(run_dir)
