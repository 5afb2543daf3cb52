"""The papermill runner: run folders, run.json, failures named by cell, smoke runs."""
import json

import nbformat
import pandas as pd
import pytest
from nbformat.v4 import new_code_cell, new_notebook

from qawl.run import NotebookFailed, coerce_parameter, list_notebooks, run_notebooks
from qawl.tables import read_table

from conftest import ROOT, SEED

TABLES = ("documents", "blocks", "sentences", "mentions", "entities", "quotes", "stances", "attribution")
FIGURES = ("share_of_voice", "directness_by_outlet", "stance_heatmap", "stance_network",
           "quotes_over_time", "article_timeline")


def tiny_notebook(path, source):
    params = new_code_cell('corpus = ""\noutput_dir = ""\nlimit = None\nseed = 0')
    params.metadata["tags"] = ["parameters"]
    nbformat.write(new_notebook(cells=[params, new_code_cell(source)]), path)
    return path


@pytest.mark.parametrize("text, value", [("5", 5), ("0.5", 0.5), ("true", True), ("None", None), ("crf", "crf")])
def test_coerce_parameter(text, value):
    assert coerce_parameter(text) == value


def test_notebooks_are_found_in_order():
    assert [p.name for p in list_notebooks()] == [
        "01_clean.ipynb", "02_entities.ipynb", "03_quotes.ipynb", "04_stance.ipynb", "05_visualise.ipynb"]


def test_runner_stops_at_the_failing_cell(tmp_path):
    notebooks = [tiny_notebook(tmp_path / "01_ok.ipynb", "x = 1"),
                 tiny_notebook(tmp_path / "02_bad.ipynb", "raise ValueError('broken stage')"),
                 tiny_notebook(tmp_path / "03_never.ipynb", "y = 2")]
    with pytest.raises(NotebookFailed, match=r"02_bad.ipynb failed at cell \d+ \(.raise ValueError.*\): ValueError: broken stage"):
        run_notebooks(str(SEED), tmp_path / "run", notebooks=notebooks, report=False)
    record = json.loads((tmp_path / "run" / "run.json").read_text())
    assert record["status"] == "failed" and record["failed_notebook"] == "02_bad.ipynb"
    assert not (tmp_path / "run" / "03_never.ipynb").exists()


def test_runner_refuses_to_overwrite_a_run(tmp_path):
    notebooks = [tiny_notebook(tmp_path / "01_ok.ipynb", "x = 1")]
    run_notebooks(str(SEED), tmp_path / "run", notebooks=notebooks, report=False)
    with pytest.raises(FileExistsError, match="--overwrite"):
        run_notebooks(str(SEED), tmp_path / "run", notebooks=notebooks, report=False)


def assert_complete_run(run_dir, limit=None):
    for name in list_notebooks():
        assert (run_dir / name.name).exists()
    for table in TABLES:
        assert not read_table(run_dir, table).columns.empty, table
        assert (run_dir / "tables" / f"{table}.csv").exists(), table
    for figure in FIGURES:
        assert (run_dir / "figures" / f"{figure}.png").exists(), figure
        assert (run_dir / "figures" / f"{figure}.svg").exists(), figure
    record = json.loads((run_dir / "run.json").read_text())
    assert record["status"] == "ok" and record["parameters"]["limit"] == limit
    assert record["git_sha"] and record["packages"]["camel-tools"] != "not installed"
    assert "started" in record and "finished" in record and isinstance(record["failures"], list)
    assert (run_dir / "report.html").stat().st_size > 10_000
    assert record["partitions"]["complete"] == list(range(record["partitions"]["total"]))
    return read_table(run_dir, "documents")


def test_full_run_on_the_seed(tmp_path):
    run_dir = run_notebooks(str(ROOT / "seeds"), tmp_path / "seed_run")
    documents = assert_complete_run(run_dir)
    assert documents["doc_id"].tolist() == ["000_3ac1dc030114536f"]
    assert len(read_table(run_dir, "quotes")) > 0


def test_resume_redoes_only_the_missing_partitions(shared, tmp_path):
    """A run stopped after some partitions is finished by --resume, with the same tables."""
    run_dir = run_notebooks(str(shared / "corpora/ant"), tmp_path / "run", limit=12, seed=3,
                            extra={"partition_size": 4, "workers": 1, "backend": "crf"})
    before = {name: read_table(run_dir, name) for name in ("documents", "quotes", "stances")}
    markers = sorted((run_dir / "tables" / "_partitions").glob("part-*.json"))
    assert len(markers) == 3
    markers[1].unlink()  # as if killed while partition 1 was being written
    (run_dir / "tables" / "quotes" / "part-00001.parquet").unlink()
    record = json.loads((run_dir / "run.json").read_text())
    (run_dir / "run.json").write_text(json.dumps({**record, "status": "running"}))
    with pytest.raises(FileExistsError, match="--resume"):
        run_notebooks(str(shared / "corpora/ant"), run_dir)
    run_notebooks("ignored: taken from run.json", run_dir, resume=True)
    record = json.loads((run_dir / "run.json").read_text())
    assert record["status"] == "ok" and record["resumed"] and record["parameters"]["limit"] == 12
    first = json.loads((run_dir / "logs" / "progress.jsonl").read_text().splitlines()[-1])
    assert first["event"] == "done" and first["redone"] == 1
    for name, frame in before.items():
        pd.testing.assert_frame_equal(read_table(run_dir, name), frame)


@pytest.mark.parametrize("corpus", ["corpora/saudinewsnet", "corpora/ant"])
def test_full_chain_on_shared_corpora(shared, tmp_path, corpus):
    run_dir = run_notebooks(str(shared / corpus), tmp_path / "run", limit=20)
    documents = assert_complete_run(run_dir, limit=20)
    assert len(documents) == 20
    assert documents["source"].astype(bool).all()
    if corpus.endswith("ant"):  # a limited run samples across the outlets
        assert documents["source"].nunique() > 1
