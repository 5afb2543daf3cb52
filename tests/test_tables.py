"""Atomic table writes: a failure never leaves a half-written or clobbered table."""
import pandas as pd
import pytest

from qawl.tables import (complete_partitions, discard_incomplete, export_csv, mark_complete,
                         read_table, write_part, write_table)


def test_write_and_read_roundtrip(tmp_path):
    frame = pd.DataFrame({"doc_id": ["a", "b"], "text": ["قال كيري", "رويترز"]})
    write_table(frame, tmp_path, "documents")
    assert read_table(tmp_path, "documents").equals(frame)
    csv = (tmp_path / "tables" / "documents.csv").read_text(encoding="utf-8-sig")
    assert "قال كيري" in csv


def test_missing_table_names_the_stage(tmp_path):
    with pytest.raises(FileNotFoundError, match="run the notebook that writes the 'quotes' table"):
        read_table(tmp_path, "quotes")


def part(frame_rows, run_dir, index, name="rows"):
    return write_part(pd.DataFrame(frame_rows), run_dir, name, index)


def test_only_complete_partitions_are_read_in_partition_order(tmp_path):
    part({"doc_id": ["b"]}, tmp_path, 1)
    part({"doc_id": ["a"]}, tmp_path, 0)
    part({"doc_id": ["half-written partition"]}, tmp_path, 2)
    mark_complete(tmp_path, 1, {})
    mark_complete(tmp_path, 0, {})
    assert read_table(tmp_path, "rows")["doc_id"].tolist() == ["a", "b"]
    assert read_table(tmp_path, "rows", parts=1)["doc_id"].tolist() == ["a"]
    assert complete_partitions(tmp_path) == [0, 1]


def test_discard_incomplete_removes_unmarked_parts_and_temporary_files(tmp_path):
    part({"doc_id": ["kept"]}, tmp_path, 0)
    mark_complete(tmp_path, 0, {})
    stale = part({"doc_id": ["stale"]}, tmp_path, 1)
    leftover = stale.parent / ".part-00003.parquet.x.tmp"
    leftover.write_bytes(b"half")
    assert discard_incomplete(tmp_path) == 2
    assert not stale.exists() and not leftover.exists()
    assert read_table(tmp_path, "rows")["doc_id"].tolist() == ["kept"]


def test_failed_part_write_leaves_no_file(tmp_path, monkeypatch):
    import pyarrow.parquet as pq

    def full_disk(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(pq, "write_table", full_disk)
    with pytest.raises(OSError):
        part({"doc_id": ["x"]}, tmp_path, 0)
    assert not list((tmp_path / "tables").rglob("*.parquet"))
    assert not list((tmp_path / "tables").rglob("*.tmp"))


def test_csv_export_streams_the_complete_parts(tmp_path):
    part({"doc_id": ["a"], "text": ["قال كيري"]}, tmp_path, 0)
    part({"doc_id": ["b"], "text": ["رويترز"]}, tmp_path, 1)
    part({"doc_id": ["c"], "text": ["غير مكتمل"]}, tmp_path, 2)
    mark_complete(tmp_path, 0, {})
    mark_complete(tmp_path, 1, {})
    csv = export_csv(tmp_path, "rows").read_text(encoding="utf-8-sig")
    assert csv.splitlines() == ["doc_id,text", "a,قال كيري", "b,رويترز"]
