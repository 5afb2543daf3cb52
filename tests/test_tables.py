"""Atomic table writes: a failure never leaves a half-written or clobbered table."""
import pandas as pd
import pytest

from qawl.tables import TableWriter, iter_table, read_table, write_table


def test_write_and_read_roundtrip(tmp_path):
    frame = pd.DataFrame({"doc_id": ["a", "b"], "text": ["قال كيري", "رويترز"]})
    write_table(frame, tmp_path, "documents")
    assert read_table(tmp_path, "documents").equals(frame)
    csv = (tmp_path / "tables" / "documents.csv").read_text(encoding="utf-8-sig")
    assert "قال كيري" in csv


def test_missing_table_names_the_stage(tmp_path):
    with pytest.raises(FileNotFoundError, match="run the notebook that writes the 'quotes' table"):
        read_table(tmp_path, "quotes")


def test_table_writer_streams_in_chunks(tmp_path):
    with TableWriter(tmp_path, "rows", ["doc_id", "n"], chunk_rows=3) as writer:
        writer.extend({"doc_id": f"d{i}", "n": i} for i in range(10))
    chunks = list(iter_table(tmp_path, "rows", batch_rows=4))
    assert [len(c) for c in chunks] == [4, 4, 2]
    assert pd.concat(chunks)["n"].tolist() == list(range(10))
    csv = pd.read_csv(tmp_path / "tables" / "rows.csv", encoding="utf-8-sig")
    assert csv["n"].tolist() == list(range(10))


def test_failed_rewrite_keeps_the_earlier_table(tmp_path):
    write_table(pd.DataFrame({"doc_id": ["old"]}), tmp_path, "rows")
    with pytest.raises(RuntimeError):
        with TableWriter(tmp_path, "rows", ["doc_id"], chunk_rows=1) as writer:
            writer.add({"doc_id": "new"})
            writer.add({"doc_id": "newer"})
            raise RuntimeError("crash in the middle of a stage")
    assert read_table(tmp_path, "rows")["doc_id"].tolist() == ["old"]
    assert not list((tmp_path / "tables").glob(".*tmp"))


def test_empty_table_has_its_columns(tmp_path):
    with TableWriter(tmp_path, "quotes", ["doc_id", "type"]):
        pass
    frame = read_table(tmp_path, "quotes")
    assert list(frame.columns) == ["doc_id", "type"] and frame.empty
