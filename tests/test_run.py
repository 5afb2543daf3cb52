"""The papermill runner: run folders, run.json, failures named by cell, smoke runs."""
import json
import os
import signal
import subprocess
import sys
import time

import nbformat
import pandas as pd
import pytest
from nbformat.v4 import new_code_cell, new_notebook

from qawl.run import (NotebookFailed, RunLock, RunLocked, coerce_parameter, list_notebooks,
                      run_notebooks, run_status)
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


# --- one run per folder, interrupts, overwrite --------------------------------------

CLI_WITH_NOTEBOOKS = """
import sys
from pathlib import Path
import qawl.run.driver
folder = Path(sys.argv[1])
qawl.run.driver.list_notebooks = lambda *args: sorted(folder.glob("[0-9][0-9]_*.ipynb"))
from qawl.__main__ import main
sys.exit(main(sys.argv[2:]))
"""


def start_cli(tmp_path, notebooks_dir, *args):
    """``python -m qawl`` with the notebooks of ``notebooks_dir``, in its own session."""
    script = tmp_path / "cli_with_notebooks.py"
    script.write_text(CLI_WITH_NOTEBOOKS)
    return subprocess.Popen([sys.executable, str(script), str(notebooks_dir), *args],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            cwd=ROOT, start_new_session=True)


def wait_for(path, process, timeout=120):
    deadline = time.time() + timeout
    while not path.exists():
        assert process.poll() is None, process.communicate()
        assert time.time() < deadline, f"{path} never appeared"
        time.sleep(0.2)


def alive(pids):
    import psutil

    found = []
    for pid in pids:
        try:
            if psutil.Process(pid).status() != psutil.STATUS_ZOMBIE:
                found.append(pid)
        except psutil.NoSuchProcess:
            pass
    return found


def test_a_locked_folder_is_refused_and_names_its_run(tmp_path):
    notebooks = [tiny_notebook(tmp_path / "01_ok.ipynb", "x = 1")]
    (tmp_path / "run").mkdir()
    lock = RunLock(tmp_path / "run").acquire()
    try:
        with pytest.raises(RunLocked, match=rf"run is in use by run {os.getpid()} on \S+ started 20"):
            run_notebooks(str(SEED), tmp_path / "run", notebooks=notebooks, report=False)
    finally:
        lock.release()
    assert not (tmp_path / "run" / "run.json").exists()
    run_notebooks(str(SEED), tmp_path / "run", notebooks=notebooks, report=False)  # free again
    assert json.loads((tmp_path / "run" / "run.json").read_text())["status"] == "ok"


def test_two_runs_started_together_never_both_proceed(tmp_path):
    notebooks_dir = tmp_path / "notebooks"
    notebooks_dir.mkdir()
    tiny_notebook(notebooks_dir / "01_write.ipynb",
                  "import pathlib, time\n"
                  "(pathlib.Path(output_dir) / 'tables' / f'written_by_limit_{limit}').write_text('x')\n"
                  "time.sleep(3)")
    out = tmp_path / "run"
    runs = {limit: start_cli(tmp_path, notebooks_dir, "run", "--corpus", str(SEED), "--out", str(out),
                             "--limit", str(limit)) for limit in (1, 2)}
    results = {limit: (p.wait(timeout=300), p.communicate()[1]) for limit, p in runs.items()}
    codes = sorted(code for code, _ in results.values())
    assert codes == [0, 2], results
    winner = next(limit for limit, (code, _) in results.items() if code == 0)
    loser_err = next(err for code, err in results.values() if code == 2)
    assert f"{out.resolve()} is in use by run " in loser_err and "Traceback" not in loser_err
    record = json.loads((out / "run.json").read_text())
    assert record["status"] == "ok" and record["parameters"]["limit"] == winner
    assert sorted(p.name for p in (out / "tables").glob("written_by_*")) == [f"written_by_limit_{winner}"]
    injected = nbformat.read(out / "01_write.ipynb", as_version=4).cells[1].source
    assert f"limit = {winner}" in injected


STAGE_WITH_WORKERS = """
import json, os, pathlib, time
import psutil
from qawl.tables import atomic_write_text, mark_complete, plan_path
out = pathlib.Path(output_dir)
atomic_write_text(plan_path(out), json.dumps({"partitions": 2, "partition_size": 1}))
mark_complete(out, 0, {"partition": 0, "failures": []})
(out / "tables" / f"documents_of_limit_{limit}.txt").write_text(str(limit))
if limit == 2 and not (out / "ready.json").exists():  # the attempt that gets interrupted
    from distributed import LocalCluster
    cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
    (out / "tables" / ".documents.part.abc.tmp").write_text("half written")
    pids = [os.getpid()] + [p.pid for p in psutil.Process().children(recursive=True)]
    (out / "ready.json").write_text(json.dumps(pids))
    time.sleep(300)
mark_complete(out, 1, {"partition": 1, "failures": []})
"""


def test_an_interrupted_overwrite_never_mixes_two_runs(tmp_path):
    """SIGTERM in the middle of --overwrite: the new run says interrupted (no file of the old
    beside it), the old is kept whole aside, kernel and workers are gone, --resume finishes."""
    notebooks_dir = tmp_path / "notebooks"
    notebooks_dir.mkdir()
    tiny_notebook(notebooks_dir / "01_stage.ipynb", STAGE_WITH_WORKERS)
    tiny_notebook(notebooks_dir / "02_more.ipynb", "y = 2")
    out = (tmp_path / "run").resolve()
    first = start_cli(tmp_path, notebooks_dir, "run", "--corpus", str(SEED), "--out", str(out), "--limit", "1")
    assert first.wait(timeout=300) == 0, first.communicate()
    second = start_cli(tmp_path, notebooks_dir, "run", "--corpus", str(SEED), "--out", str(out),
                       "--limit", "2", "--overwrite")
    wait_for(out / "ready.json", second)
    time.sleep(0.5)
    pids = json.loads((out / "ready.json").read_text())
    assert len(alive(pids)) >= 3  # the kernel and its two workers
    second.send_signal(signal.SIGTERM)
    code = second.wait(timeout=60)
    err = second.communicate()[1]
    assert code == 143, err
    assert "Traceback" not in err and "Error" not in err
    last = err.strip().splitlines()[-1]
    assert last.startswith(f"qawl: interrupted (SIGTERM); 1 of 2 partitions complete; finish the run "
                           f"with python -m qawl run --resume {out}; the run it replaces is kept in ")
    record = json.loads((out / "run.json").read_text())
    assert record["status"] == "interrupted" and record["parameters"]["limit"] == 2
    assert record["resume"] == {"complete": 1, "total": 2,
                                "command": f"python -m qawl run --resume {out}"}
    assert [p.name for p in (out / "tables").glob("documents_of_*")] == ["documents_of_limit_2.txt"]
    assert not list(out.rglob("*.tmp"))
    (earlier,) = tmp_path.glob("run.old-*")
    assert json.loads((earlier / "run.json").read_text())["parameters"]["limit"] == 1
    assert [p.name for p in (earlier / "tables").glob("documents_of_*")] == ["documents_of_limit_1.txt"]
    deadline = time.time() + 10
    while alive(pids) and time.time() < deadline:
        time.sleep(0.2)
    assert not alive(pids)

    resumed = start_cli(tmp_path, notebooks_dir, "run", "--resume", str(out))
    assert resumed.wait(timeout=300) == 0, resumed.communicate()
    record = json.loads((out / "run.json").read_text())
    assert record["status"] == "ok" and record["partitions"]["complete"] == [0, 1]
    assert "replaces" not in record and not earlier.exists()


def test_a_dead_run_is_recorded_as_interrupted(tmp_path):
    run_dir = tmp_path / "run"
    run_dir.mkdir()
    (run_dir / "run.json").write_text(json.dumps({"parameters": {}, "status": "running",
                                                  "pid": 999999, "host": "h"}))
    lock = RunLock(run_dir).acquire()  # alive: the status stays
    try:
        assert run_status(run_dir)["status"] == "running"
        assert json.loads((run_dir / "run.json").read_text())["status"] == "running"
    finally:
        lock.release()
    record = run_status(run_dir)  # nobody holds the lock: it died
    assert record["status"] == "interrupted" and "pid 999999 on h" in record["interrupted"]
    assert record["finished"] is None and record["resume"]["command"].endswith(f"--resume {run_dir}")
    assert json.loads((run_dir / "run.json").read_text())["status"] == "interrupted"


def test_resume_removes_temporary_files_and_settles_a_dead_run(tmp_path):
    notebooks = [tiny_notebook(tmp_path / "01_ok.ipynb", "x = 1")]
    run_dir = run_notebooks(str(SEED), tmp_path / "run", notebooks=notebooks, report=False)
    record = json.loads((run_dir / "run.json").read_text())
    (run_dir / "run.json").write_text(json.dumps({**record, "status": "running"}))  # as after kill -9
    leftovers = [run_dir / "tables" / "quotes" / ".part-00001.parquet.x1.tmp",
                 run_dir / ".run.json.x2.tmp", run_dir / "figures" / "share_of_voice.png.tmp"]
    for path in leftovers:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("half")
    with pytest.raises(FileExistsError, match=r"already holds a run \(interrupted\)"):
        run_notebooks(str(SEED), run_dir, notebooks=notebooks, report=False)
    run_notebooks("ignored", run_dir, notebooks=notebooks, report=False, resume=True)
    assert not any(path.exists() for path in leftovers)
    assert json.loads((run_dir / "run.json").read_text())["status"] == "ok"


def test_kernel_output_goes_to_the_run_log_not_the_terminal(tmp_path, capfd):
    notebooks = [tiny_notebook(tmp_path / "01_noisy.ipynb",
                               "import os\nos.write(2, b'low-level noise\\n')")]
    run_dir = run_notebooks(str(SEED), tmp_path / "run", notebooks=notebooks, report=False)
    assert "low-level noise" not in capfd.readouterr().err
    assert (run_dir / "logs" / "kernel.log").exists()


def article_corpus(folder, articles=3):
    folder.mkdir()
    for index in range(articles):
        (folder / f"a{index}.txt").write_text(
            f"عنوان {index}\n\nقال وزير الخارجية إن المفاوضات ستستمر. وأضاف: \"لن نتراجع\".",
            encoding="utf-8")
    return folder


def test_ctrl_c_on_a_real_run_prints_one_line_and_leaves_no_process(tmp_path):
    """The real notebooks on two dask workers, Ctrl-C at the terminal (SIGINT to the group)."""
    corpus = article_corpus(tmp_path / "corpus")
    out = (tmp_path / "run").resolve()
    process = subprocess.Popen(
        [sys.executable, "-m", "qawl", "run", "--corpus", str(corpus), "--out", str(out),
         "--workers", "2", "-p", "partition_size=1", "-p", "backend=crf"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT, start_new_session=True)
    import psutil

    wait_for(out / "logs" / "progress.jsonl", process, timeout=240)
    time.sleep(1)
    children = [p.pid for p in psutil.Process(process.pid).children(recursive=True)]
    os.killpg(process.pid, signal.SIGINT)
    code = process.wait(timeout=60)
    err = process.communicate()[1]
    assert code == 130, err
    messages = [line for line in err.splitlines() if line.startswith("qawl:")]
    assert len(messages) == 1 and messages[0].startswith("qawl: interrupted (SIGINT); "), err
    assert "Traceback" not in err and "ZMQError" not in err
    record = json.loads((out / "run.json").read_text())
    assert record["status"] == "interrupted" and record["resume"]["total"] == 3
    deadline = time.time() + 10
    while alive(children) and time.time() < deadline:
        time.sleep(0.2)
    assert children and not alive(children)


def test_in_use_message_waits_for_a_lock_holder_still_writing_who_it_is(tmp_path, monkeypatch):
    """Between the holder's truncate and its write the lock file is empty: the message waits a
    moment for the holder's id instead of saying "another run"."""
    from qawl.run import folder as F

    answers = iter([{}, {}, {"pid": 4242, "host": "vm", "started": "now"}])
    monkeypatch.setattr(F, "lock_holder", lambda _folder: next(answers))
    monkeypatch.setattr(F, "HOLDER_WAIT_SECONDS", 0)
    assert "is in use by run 4242 on vm" in F.in_use_message(tmp_path)
