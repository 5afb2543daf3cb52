"""Run-folder tables: atomic parquet + CSV writes, and reads by name.

A table is either one file, ``tables/<name>.parquet`` (small, derived
tables), or a folder of partition parts, ``tables/<name>/part-00042.parquet``,
one per corpus partition (see ``qawl.engine``). A partition is complete when
its marker ``tables/_partitions/part-00042.json`` exists; the marker is
written after all of that partition's parts, and readers only read the parts
of complete partitions, so a half-done partition is never read.

Every write goes to a temporary file first and is renamed into place, so a
crash or a rerun never leaves a half-written file.
"""
from __future__ import annotations

import json
import logging
import os
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, Union

import pandas as pd

logger = logging.getLogger(__name__)

PathLike = Union[str, os.PathLike]


def _umask_mode() -> int:
    """File mode a plain ``open()`` would give (mkstemp makes files 0600)."""
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


@contextmanager
def _replaced_atomically(path: PathLike) -> Iterator[str]:
    """Yield a temporary name beside ``path``; on success it is renamed to ``path``.

    On failure the temporary file is removed and ``path`` is left as it was.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, tmp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    os.close(handle)
    try:
        yield tmp_name
        os.chmod(tmp_name, _umask_mode())
        os.replace(tmp_name, path)
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise


def atomic_write_bytes(path: PathLike, data: bytes) -> Path:
    """Write ``data`` to ``path`` through a temporary file and a rename."""
    with _replaced_atomically(path) as tmp_name:
        with open(tmp_name, "wb") as tmp:
            tmp.write(data)
            tmp.flush()
            os.fsync(tmp.fileno())
    return Path(path)


def atomic_write_text(path: PathLike, text: str) -> Path:
    """Write UTF-8 ``text`` atomically."""
    return atomic_write_bytes(path, text.encode("utf-8"))


def _atomic_write_frame(frame: pd.DataFrame, path: Path, writer: str) -> None:
    with _replaced_atomically(path) as tmp_name:
        if writer == "parquet":
            frame.to_parquet(tmp_name, index=False)
        else:
            # utf-8-sig so that spreadsheet programs read the Arabic correctly
            frame.to_csv(tmp_name, index=False, encoding="utf-8-sig")


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


def _missing_table(path: Path, name: str) -> FileNotFoundError:
    return FileNotFoundError(
        f"{path} not found: run the notebook that writes the '{name}' table first "
        f"(python -m qawl run runs them in order)"
    )


def read_table(run_dir: PathLike, name: str, columns: list[str] | None = None,
               parts: int | None = None) -> pd.DataFrame:
    """Read a table (its complete parts, in partition order; only the first ``parts``
    when given). Whole, for small tables: corpus-sized ones are aggregated over
    their parts with ``qawl.aggregates``. Says which stage makes a missing table.
    """
    found = table_parts(run_dir, name)[:parts]
    if found:
        return pd.concat([pd.read_parquet(p, columns=columns) for p in found], ignore_index=True)
    path = tables_dir(run_dir) / f"{name}.parquet"
    if not path.exists():
        raise _missing_table(path, name)
    return pd.read_parquet(path, columns=columns)


# --- partitioned tables ---------------------------------------------------------

PARTITIONS_FOLDER = "_partitions"


def part_name(index: int) -> str:
    return f"part-{index:05d}"


def plan_path(run_dir: PathLike) -> Path:
    """Where the engine records how the corpus is cut (read again on resume)."""
    return tables_dir(run_dir) / PARTITIONS_FOLDER / "plan.json"


def _marker(run_dir: PathLike, index: int) -> Path:
    return tables_dir(run_dir) / PARTITIONS_FOLDER / f"{part_name(index)}.json"


def write_part(frame: pd.DataFrame, run_dir: PathLike, name: str, index: int, schema=None) -> Path:
    """Write one partition's rows of a table, ``tables/<name>/part-NNNNN.parquet``, atomically."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    path = tables_dir(run_dir) / name / f"{part_name(index)}.parquet"
    table = pa.Table.from_pandas(frame, schema=schema, preserve_index=False)
    with _replaced_atomically(path) as tmp_name:
        pq.write_table(table, tmp_name)
    return path


def mark_complete(run_dir: PathLike, index: int, record: dict) -> Path:
    """Declare a partition complete; written last, after every one of its parts."""
    return atomic_write_text(_marker(run_dir, index), json.dumps(record, ensure_ascii=False))


def partition_records(run_dir: PathLike) -> dict[int, dict]:
    """The markers of the complete partitions, by partition index."""
    folder = tables_dir(run_dir) / PARTITIONS_FOLDER
    records = {}
    for path in sorted(folder.glob("part-*.json")) if folder.is_dir() else []:
        try:
            records[int(path.stem.split("-")[1])] = json.loads(path.read_text(encoding="utf-8"))
        except (ValueError, IndexError, OSError) as error:  # a stray file is not a partition
            logger.warning("ignoring %s: %s", path, error)
    return records


def complete_partitions(run_dir: PathLike) -> list[int]:
    return sorted(partition_records(run_dir))


def table_parts(run_dir: PathLike, name: str) -> list[Path]:
    """The parts of ``name`` that belong to complete partitions, in partition order."""
    folder = tables_dir(run_dir) / name
    if not folder.is_dir():
        return []
    parts = (folder / f"{part_name(i)}.parquet" for i in complete_partitions(run_dir))
    return [p for p in parts if p.exists()]


def export_csv(run_dir: PathLike, name: str) -> Path:
    """``tables/<name>.csv`` from the complete parts, streamed part by part, atomically."""
    import pyarrow.parquet as pq

    path = tables_dir(run_dir) / f"{name}.csv"
    with _replaced_atomically(path) as tmp_name:
        header = True
        for part in table_parts(run_dir, name):
            frame = pq.read_table(part).to_pandas()
            # utf-8-sig once, so that spreadsheet programs read the Arabic correctly
            frame.to_csv(tmp_name, mode="w" if header else "a", header=header, index=False,
                         encoding="utf-8-sig" if header else "utf-8")
            header = False
    return path


def discard_incomplete(run_dir: PathLike) -> int:
    """Delete parts of partitions without a marker and leftover temporary files."""
    complete = {part_name(i) for i in complete_partitions(run_dir)}
    removed = 0
    folder = tables_dir(run_dir)
    for path in folder.glob("*/*") if folder.is_dir() else []:
        stale = path.name.endswith(".tmp") or (path.suffix == ".parquet" and path.stem not in complete)
        if stale and path.is_file():
            path.unlink()
            removed += 1
    for path in folder.glob(".*.tmp") if folder.is_dir() else []:
        path.unlink()
        removed += 1
    return removed
