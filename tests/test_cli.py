"""The command line: help that teaches, exit codes, and one line per bad file."""
import errno
import json
import os
import shlex
import subprocess
import sys

import pytest

from qawl.__main__ import main

from conftest import ROOT, SEED


def run_cli(*args, cwd=ROOT):
    return subprocess.run([sys.executable, "-m", "qawl", *args], capture_output=True,
                          text=True, cwd=cwd, timeout=300)


def test_help_lists_commands_and_examples(capsys):
    assert main(["--help"]) == 0
    out = capsys.readouterr().out
    for word in ("corpus", "analyze", "run", "ner-tag", "examples:", "Windows-1256"):
        assert word in out


def test_analyze_help_explains_the_contract(capsys):
    assert main(["analyze", "--help"]) == 0
    out = capsys.readouterr().out
    assert "offset" in out and "Exit code" in out


@pytest.mark.parametrize("argv", [["analyze"], ["corpus"], ["run", "--limit", "0"], ["bogus"]])
def test_bad_usage_exits_2(argv):
    assert main(argv) == 2


def test_missing_path_is_a_usage_error(capsys):
    assert main(["analyze", "no/such/corpus"]) == 2
    assert "no such file or folder: no/such/corpus" in capsys.readouterr().err


def test_bad_run_parameter_is_a_usage_error(capsys):
    assert main(["run", "--corpus", str(SEED), "-p", "novalue"]) == 2
    assert "NAME=VALUE" in capsys.readouterr().err


def test_corpus_summary_counts_and_skips(tmp_path):
    (tmp_path / "a.txt").write_text("عنوان\n\nقال كيري إن الحرب انتهت.", encoding="utf-8")
    (tmp_path / "b.txt").write_bytes("عنوان آخر\n\nنص المقال".encode("cp1256"))
    (tmp_path / "empty.txt").write_bytes(b"")
    captured = run_cli("corpus", str(tmp_path))
    assert captured.returncode == 1
    summary = json.loads(captured.stdout)
    assert summary["articles"] == 2
    assert summary["words"] == 6 + 4
    assert [s["origin"] for s in summary["skipped"]] == [str(tmp_path / "empty.txt")]
    assert captured.stderr.strip().splitlines() == [f"qawl: skipped {tmp_path / 'empty.txt'}: empty file"]


def test_analyze_seed_recovers_structure():
    result = run_cli("analyze", str(SEED))
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(records) == 1
    record = records[0]
    assert record["doc_id"] == "000_3ac1dc030114536f"
    assert record["title"] == "كيري يلتقي لافروف وموسكو تزيد مطالبها من المعارضة"
    roles = [b["role"] for b in record["blocks"]]
    assert roles.count("caption") == 3 and roles.count("subheading") == 1
    assert record["sources"] == ["الجزيرة", "وكالات"]
    text = record["text"]
    for item in [*record["blocks"], *record["entities"], *(q["content"] for q in record["quotes"])]:
        assert text[item["start"]:item["end"]] == item["text"]
    assert record["quotes"] and record["entities"]
    assert record["stances"]
    for stance in record["stances"]:  # the evidence a researcher checks a stance against
        assert stance["evidence_kind"] in ("quote", "act") and stance["target_kind"] in ("actor", "issue")
        assert stance["rules"] and 0 <= stance["confidence"] <= 1
        assert text[stance["sentence_start"]:stance["sentence_end"]].strip()


def test_analyze_goes_on_after_a_bad_file(tmp_path):
    (tmp_path / "good.txt").write_text("عنوان\n\nوقال كيري إن الحرب انتهت.", encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\x00\x01\x02\xff" * 50)
    result = run_cli("analyze", str(tmp_path))
    assert result.returncode == 1
    assert [json.loads(l)["doc_id"] for l in result.stdout.splitlines()] == ["good"]
    assert "bad.txt" in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_unexpected_errors_are_one_line(monkeypatch, capsys):
    import qawl.__main__ as cli

    def broken(args):
        raise RuntimeError("a bug")

    monkeypatch.setitem(cli.COMMANDS, "corpus", broken)
    assert cli.main(["corpus", str(SEED)]) == 1
    err = capsys.readouterr().err
    assert err.strip() == "qawl: error: RuntimeError: a bug (rerun with -v for the traceback)"


def test_an_io_failure_exits_3_with_one_line(monkeypatch, capsys):
    import qawl.__main__ as cli

    def full(args):
        raise OSError(errno.ENOSPC, "No space left on device", "/data/out")

    monkeypatch.setitem(cli.COMMANDS, "corpus", full)
    assert cli.main(["corpus", str(SEED)]) == 3
    assert capsys.readouterr().err.strip() == "qawl: error: No space left on device (/data/out)"


def test_help_documents_the_exit_codes(capsys):
    for argv in (["--help"], ["run", "--help"]):
        assert main(argv) == 0
        out = capsys.readouterr().out
        assert "exit codes:" in out
        for code in ("  0 ", "  1 ", "  2 ", "  3 ", "130", "143"):
            assert code in out, (argv, code)


def test_stdin_is_not_a_corpus(capsys):
    assert main(["analyze", "-"]) == 2
    assert "'-' (stdin) is not a corpus" in capsys.readouterr().err


def test_a_missing_lexicon_is_a_usage_error(capsys, tmp_path):
    assert main(["analyze", str(SEED), "--lexicon", str(tmp_path / "missing.csv")]) == 2
    assert "cannot read the lexicon" in capsys.readouterr().err
    assert main(["run", "--corpus", str(SEED), "--out", str(tmp_path / "run"),
                 "-p", f"lexicon={tmp_path / 'missing.csv'}"]) == 2
    assert not (tmp_path / "run").exists()


def test_an_unknown_stance_reader_is_a_usage_error(capsys, tmp_path):
    assert main(["run", "--corpus", str(SEED), "--out", str(tmp_path / "run"), "-p", "stance_reader=bert"]) == 2
    assert "stance_reader must be one of model, rules" in capsys.readouterr().err
    assert not (tmp_path / "run").exists()
    assert main(["analyze", str(SEED), "--stance-reader", "bert"]) == 2
    assert "--stance-reader: invalid choice: 'bert'" in capsys.readouterr().err


def test_a_stance_cut_outside_0_to_1_is_a_usage_error(capsys, tmp_path):
    assert main(["run", "--corpus", str(SEED), "--out", str(tmp_path / "run"), "-p", "stance_min_confidence=2"]) == 2
    assert "stance_min_confidence must be a number from 0 to 1" in capsys.readouterr().err
    assert not (tmp_path / "run").exists()
    assert main(["analyze", str(SEED), "--stance-min-confidence", "high"]) == 2
    assert "--stance-min-confidence: must be a number from 0 to 1" in capsys.readouterr().err


def all_skipped_corpus(folder):
    folder.mkdir()
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02\xff" * 50)
    return folder


@pytest.mark.parametrize("command", ["analyze", "corpus", "run"])
def test_a_corpus_without_articles_is_a_usage_error(command, tmp_path, capsys):
    corpus = all_skipped_corpus(tmp_path / "corpus")
    argv = ([command, str(corpus)] if command != "run"
            else ["run", "--corpus", str(corpus), "--out", str(tmp_path / "run")])
    assert main(argv) == 2
    err = capsys.readouterr().err.strip().splitlines()[-1]
    assert err.startswith(f"qawl: error: no articles in {corpus}: 2 inputs skipped: ")
    assert "empty file (1)" in err
    assert not (tmp_path / "run").exists()  # no run folder for a run that cannot start


def test_a_full_disk_on_stdout_exits_3():
    result = subprocess.run(f"{shlex.quote(sys.executable)} -m qawl corpus {shlex.quote(str(SEED))} > /dev/full",
                            shell=True, capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert result.returncode == 3
    assert result.stderr.strip() == "qawl: error: cannot write stdout: No space left on device"


def fake_analysis(monkeypatch, records=3):
    import qawl.engine

    def analyse_corpus(paths, **kwargs):
        for index in range(records):
            yield {"doc_id": f"doc{index}", "text": "نص " * 50}

    monkeypatch.setattr(qawl.engine, "analyse_corpus", analyse_corpus)


def disk_full_after(monkeypatch, good_writes):
    """os.write succeeds ``good_writes`` times, then writes 10 bytes and fails (ENOSPC)."""
    import qawl.__main__ as cli

    calls = []
    real_write = os.write

    def write(fd, data):
        calls.append(fd)
        if len(calls) <= good_writes:
            return real_write(fd, data)
        if len(calls) == good_writes + 1:
            return real_write(fd, bytes(data[:10]))  # a short write: the disk filled up
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(cli.os, "write", write)


def test_a_full_disk_during_analyze_leaves_whole_lines(monkeypatch, tmp_path, capsys):
    fake_analysis(monkeypatch)
    out_path = tmp_path / "out.jsonl"
    with open(out_path, "w", encoding="utf-8") as stdout:
        monkeypatch.setattr(sys, "stdout", stdout)
        disk_full_after(monkeypatch, good_writes=1)
        code = main(["analyze", str(SEED)])
    assert code == 3
    assert capsys.readouterr().err.strip() == "qawl: error: cannot write stdout: No space left on device"
    lines = out_path.read_text(encoding="utf-8").splitlines(keepends=True)
    assert len(lines) == 1 and lines[0].endswith("\n") and json.loads(lines[0])["doc_id"] == "doc0"


def test_analyze_out_is_written_atomically(monkeypatch, tmp_path, capsys):
    fake_analysis(monkeypatch)
    out_path = tmp_path / "out.jsonl"
    assert main(["analyze", str(SEED), "--out", str(out_path)]) == 0
    assert [json.loads(l)["doc_id"] for l in out_path.read_text().splitlines()] == ["doc0", "doc1", "doc2"]
    before = out_path.read_bytes()
    disk_full_after(monkeypatch, good_writes=1)
    assert main(["analyze", str(SEED), "--out", str(out_path)]) == 3
    assert "cannot write" in capsys.readouterr().err
    assert out_path.read_bytes() == before  # the earlier output is untouched
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.jsonl"]  # no temporary file left


def test_status_tells_the_truth_about_a_dead_run(tmp_path, capsys):
    run_dir = tmp_path / "run"
    (run_dir / "logs").mkdir(parents=True)
    (run_dir / "logs" / "skipped.json").write_text(json.dumps([{"stage": "read", "origin": "x", "reason": "y"}]))
    (run_dir / "run.json").write_text(json.dumps(
        {"parameters": {}, "status": "running", "pid": 999999, "host": "elsewhere",
         "started": "2026-01-01T00:00:00"}))
    assert main(["status", str(run_dir)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("status: interrupted (its process (pid 999999 on elsewhere) ended")
    assert "failures: 1 inputs skipped, 0 articles failed" in out
    assert f"resume: python -m qawl run --resume {run_dir}" in out
    assert json.loads((run_dir / "run.json").read_text())["status"] == "interrupted"
    assert main(["status", str(tmp_path)]) == 2


def test_analyze_on_two_workers_writes_the_lines_of_one_in_corpus_order(shared):
    corpus = str(shared / "corpora" / "ant" / "BBC")
    one = run_cli("analyze", corpus, "--limit", "60", "--backend", "crf", "--workers", "1")
    two = run_cli("analyze", corpus, "--limit", "60", "--backend", "crf", "--workers", "2")
    assert one.returncode == two.returncode == 0, two.stderr
    assert len(one.stdout.splitlines()) == 60
    assert one.stdout == two.stdout
    assert two.stderr == ""  # no worker or scheduler chatter


def test_a_parameter_no_notebook_takes_is_a_usage_error(capsys, tmp_path):
    assert main(["run", "--corpus", str(SEED), "--out", str(tmp_path / "run"), "-p", "bogus=1"]) == 2
    err = capsys.readouterr().err
    assert "no notebook takes the parameter bogus" in err and "partition_size" in err
    assert not (tmp_path / "run").exists()


def run_with_notebook(monkeypatch, tmp_path, source):
    """``qawl run`` in this process, with one tiny notebook instead of the stages."""
    import nbformat
    from nbformat.v4 import new_code_cell, new_notebook

    import qawl.run.driver

    params = new_code_cell('corpus = ""\noutput_dir = ""\nlimit = None\nseed = 0')
    params.metadata["tags"] = ["parameters"]
    notebook = tmp_path / "01_tiny.ipynb"
    nbformat.write(new_notebook(cells=[params, new_code_cell(source)]), notebook)
    monkeypatch.setattr(qawl.run.driver, "list_notebooks", lambda *args: [notebook])
    return main(["run", "--corpus", str(SEED), "--out", str(tmp_path / "run")])


def test_a_run_with_skipped_inputs_exits_1(monkeypatch, tmp_path, capsys):
    code = run_with_notebook(monkeypatch, tmp_path, (
        "import json, pathlib\n"
        "skipped = [{'stage': 'read', 'origin': 'bad.txt', 'reason': 'empty file'}]\n"
        "(pathlib.Path(output_dir) / 'logs' / 'skipped.json').write_text(json.dumps(skipped))"))
    assert code == 1
    assert "qawl: 1 inputs skipped and 0 articles failed" in capsys.readouterr().err


def test_a_run_that_fills_the_disk_exits_3(monkeypatch, tmp_path, capsys):
    code = run_with_notebook(monkeypatch, tmp_path,
                             "raise OSError(28, 'No space left on device')")
    assert code == 3
    err = capsys.readouterr().err
    assert "01_tiny.ipynb failed at cell" in err and "No space left on device" in err
    assert json.loads((tmp_path / "run" / "run.json").read_text())["status"] == "failed"


def test_analyze_reports_an_article_over_its_time_budget_and_goes_on(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a_slow.txt").write_text("\n".join(
        f"قال وزير الخارجية سامح شكري إن المحادثات ستستمر {i}." for i in range(20_000)),
        encoding="utf-8")
    (corpus / "b_fast.txt").write_text("قال الوزير سامح شكري إن المحادثات ستستمر.", encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "qawl", "analyze", str(corpus), "--backend", "crf",
                          "--workers", "1", "--time-budget", "1", "--max-chars", "0"],
                         capture_output=True, text=True, cwd=ROOT)
    assert out.returncode == 1, out.stderr
    assert "a_slow.txt" in out.stderr and "time budget of 1 s" in out.stderr
    records = [json.loads(line) for line in out.stdout.splitlines()]
    assert [r["doc_id"] for r in records][-1] == "b_fast" and records[-1]["quotes"]


def test_analyze_refuses_a_negative_time_budget(capsys):
    assert main(["analyze", "x.txt", "--time-budget", "-1"]) == 2
    assert "--time-budget" in capsys.readouterr().err
