"""The command line: help that teaches, exit codes, and one line per bad file."""
import json
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
        raise OSError("disk full")

    monkeypatch.setitem(cli.COMMANDS, "corpus", broken)
    assert cli.main(["corpus", str(SEED)]) == 1
    err = capsys.readouterr().err
    assert err.strip() == "qawl: error: OSError: disk full (rerun with -v for the traceback)"


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
