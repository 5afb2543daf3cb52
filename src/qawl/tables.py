"""Run-folder tables: atomic parquet + CSV writes, and reads by name.

Every stage reads the previous stage's tables from ``<run>/tables`` and writes
its own there. A write goes to a temporary file first and is renamed into
place, so a crash or a rerun never leaves a half-written table.
"""
from __future__ import annotations

import logging
import os
import tempfile
from pathlib import Path
from typing import Union

import pandas as pd

logger = logging.getLogger(__name__)

PathLike = Union[str, os.PathLike]


def atomic_write_bytes(path: PathLike, data: bytes) -> Path:
    """Write ``data`` to ``path`` through a temporary file and a rename."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, tmp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as tmp:
            tmp.write(data)
            tmp.flush()
            os.fsync(tmp.fileno())
        os.replace(tmp_name, path)
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise
    return path


def atomic_write_text(path: PathLike, text: str) -> Path:
    """Write UTF-8 ``text`` atomically."""
    return atomic_write_bytes(path, text.encode("utf-8"))


def _atomic_write_frame(frame: pd.DataFrame, path: Path, writer: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, tmp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    os.close(handle)
    try:
        if writer == "parquet":
            frame.to_parquet(tmp_name, index=False)
        else:
            # utf-8-sig so that spreadsheet programs read the Arabic correctly
            frame.to_csv(tmp_name, index=False, encoding="utf-8-sig")
        os.replace(tmp_name, path)
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise


def tables_dir(run_dir: PathLike) -> Path:
    return Path(run_dir) / "tables"


def figures_dir(run_dir: PathLike) -> Path:
    path = Path(run_dir) / "figures"
    path.mkdir(parents=True, exist_ok=True)
    return path


def write_table(frame: pd.DataFrame, run_dir: PathLike, name: str) -> Path:
    """Write ``tables/<name>.parquet`` and ``tables/<name>.csv`` atomically."""
    folder = tables_dir(run_dir)
    parquet = folder / f"{name}.parquet"
    _atomic_write_frame(frame, parquet, "parquet")
    _atomic_write_frame(frame, folder / f"{name}.csv", "csv")
    logger.info("wrote %s (%d rows)", parquet, len(frame))
    return parquet


def read_table(run_dir: PathLike, name: str) -> pd.DataFrame:
    """Read ``tables/<name>.parquet``; say which stage makes it when it is missing."""
    path = tables_dir(run_dir) / f"{name}.parquet"
    if not path.exists():
        raise FileNotFoundError(
            f"{path} not found: run the notebook that writes the '{name}' table first "
            f"(python -m qawl run runs them in order)"
        )
    return pd.read_parquet(path)
