"""Run-folder tables: atomic parquet + CSV writes, and reads by name.

Every stage reads the previous stage's tables from ``<run>/tables`` and writes
its own there. A write goes to a temporary file first and is renamed into
place, so a crash or a rerun never leaves a half-written table.
"""
from __future__ import annotations

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


def read_table(run_dir: PathLike, name: str) -> pd.DataFrame:
    """Read ``tables/<name>.parquet``; say which stage makes it when it is missing."""
    path = tables_dir(run_dir) / f"{name}.parquet"
    if not path.exists():
        raise FileNotFoundError(
            f"{path} not found: run the notebook that writes the '{name}' table first "
            f"(python -m qawl run runs them in order)"
        )
    return pd.read_parquet(path)


class TableWriter:
    """Stream rows into ``tables/<name>.parquet`` and ``.csv`` in chunks.

    Memory stays bounded by ``chunk_rows`` whatever the corpus size. Both files
    are written under temporary names and renamed into place by ``close()``;
    an exception inside the ``with`` block leaves any earlier table untouched.
    """

    def __init__(self, run_dir: PathLike, name: str, columns: list[str], chunk_rows: int = 2000):
        self.folder = tables_dir(run_dir)
        self.folder.mkdir(parents=True, exist_ok=True)
        self.name, self.columns, self.chunk_rows = name, list(columns), chunk_rows
        self.rows: list[dict] = []
        self.count = 0
        self._parquet_tmp = self.folder / f".{name}.parquet.tmp"
        self._csv_tmp = self.folder / f".{name}.csv.tmp"
        self._writer = None
        self._schema = None
        self._csv_header = True

    def __enter__(self) -> "TableWriter":
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is None:
            self.close()
        else:
            self.abort()

    def add(self, row: dict) -> None:
        self.rows.append(row)
        if len(self.rows) >= self.chunk_rows:
            self._flush()

    def extend(self, rows) -> None:
        for row in rows:
            self.add(row)

    def _flush(self) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        frame = pd.DataFrame(self.rows, columns=self.columns)
        self.rows = []
        if self._writer is None:
            table = pa.Table.from_pandas(frame, preserve_index=False)
            self._schema = table.schema
            self._writer = pq.ParquetWriter(self._parquet_tmp, self._schema)
        else:
            table = pa.Table.from_pandas(frame, schema=self._schema, preserve_index=False)
        self._writer.write_table(table)
        frame.to_csv(
            self._csv_tmp,
            mode="w" if self._csv_header else "a",
            header=self._csv_header,
            index=False,
            encoding="utf-8-sig" if self._csv_header else "utf-8",
        )
        self._csv_header = False
        self.count += len(frame)

    def close(self) -> Path:
        if self.rows or self._writer is None:
            self._flush()
        self._writer.close()
        os.replace(self._parquet_tmp, self.folder / f"{self.name}.parquet")
        os.replace(self._csv_tmp, self.folder / f"{self.name}.csv")
        logger.info("wrote %s (%d rows)", self.folder / f"{self.name}.parquet", self.count)
        return self.folder / f"{self.name}.parquet"

    def abort(self) -> None:
        if self._writer is not None:
            self._writer.close()
        self._parquet_tmp.unlink(missing_ok=True)
        self._csv_tmp.unlink(missing_ok=True)


def iter_table(run_dir: PathLike, name: str, batch_rows: int = 2000):
    """Yield ``tables/<name>.parquet`` as DataFrames of at most ``batch_rows`` rows."""
    import pyarrow.parquet as pq

    path = tables_dir(run_dir) / f"{name}.parquet"
    if not path.exists():
        read_table(run_dir, name)  # raises the explanatory error
    for batch in pq.ParquetFile(path).iter_batches(batch_size=batch_rows):
        yield batch.to_pandas()
