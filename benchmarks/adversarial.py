"""Time per article on adversarial texts (issue 12). A benchmark, not a test.

    .venv/bin/python benchmarks/adversarial.py [--scale 1.0]
        each text of tests/adversarial.py through the engine's own task code
        (qawl.engine.analyse_articles) with the defaults users get: the default
        entity backend, the 10 s time budget, sections past 50,000 characters;
        one article at a time, warm, in this process.
    .venv/bin/python benchmarks/adversarial.py --cli
        the same texts as files of one folder through `python -m qawl analyze`
        (all cores): total wall time, exit code, and what it reported.

Prints a table and writes benchmarks/adversarial_results.json. The goal: every
text analysed in under 2 s, or recorded as failed within its budget.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))  # this checkout's qawl, not the editable install's (a worktree of an older commit)
RESULTS = ROOT / "benchmarks" / "adversarial_results.json"
sys.path.insert(0, str(ROOT / "tests"))

from adversarial import SENTENCE, adversarial_texts  # noqa: E402  (the tests' own texts)


def time_texts(scale: float) -> list[dict]:
    from qawl.engine import EngineConfig, analyse_articles
    from qawl.schema import Article

    config = EngineConfig()
    analyse_articles([Article("warm", SENTENCE, "warm.txt")], config)  # load the models
    rows = []
    for name, text in adversarial_texts(scale).items():
        started = time.monotonic()
        results, failures = analyse_articles([Article("x", text, name)], config)
        seconds = time.monotonic() - started
        rows.append({
            "text": name, "chars": len(text), "seconds": round(seconds, 2),
            "sections": len(results), "quotes": sum(len(r.quotes) for r in results),
            "outcome": "stopped: " + failures[0]["reason"] if failures else "analysed",
        })
        print(f"{name:28} {len(text):>10,} chars {seconds:7.2f} s  {rows[-1]['outcome']}",
              flush=True)
    return rows


def time_cli(scale: float) -> dict:
    with tempfile.TemporaryDirectory() as folder:
        for i, (name, text) in enumerate(adversarial_texts(scale).items()):
            Path(folder, f"{i:02d}.txt").write_text(text, encoding="utf-8")
        started = time.monotonic()
        out = subprocess.run([sys.executable, "-m", "qawl", "analyze", folder],
                             capture_output=True, text=True, cwd=ROOT)
        seconds = time.monotonic() - started
    records = [json.loads(line) for line in out.stdout.splitlines() if line.strip()]
    return {"seconds": round(seconds, 1), "exit_code": out.returncode,
            "records": len(records), "stderr": out.stderr.strip().splitlines()[-30:]}


def summary(rows: list[dict]) -> dict:
    over = [r for r in rows if r["seconds"] >= 2 and r["outcome"] == "analysed"]
    return {
        "texts": len(rows), "analysed": sum(r["outcome"] == "analysed" for r in rows),
        "stopped": sum(r["outcome"] != "analysed" for r in rows),
        "analysed over 2 s": [r["text"] for r in over],
        "slowest seconds": max(r["seconds"] for r in rows),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scale", type=float, default=1.0, help="shrink the texts (default 1)")
    parser.add_argument("--cli", action="store_true", help="through `qawl analyze` instead")
    args = parser.parse_args()
    result = {"when": time.strftime("%Y-%m-%d %H:%M"), "scale": args.scale,
              "cores": os.cpu_count(), "machine": platform.machine(), "git": _git_sha()}
    if args.cli:
        result["cli"] = time_cli(args.scale)
    else:
        result["texts"] = time_texts(args.scale)
        result["summary"] = summary(result["texts"])
    previous = json.loads(RESULTS.read_text()) if RESULTS.exists() else {}
    previous["cli" if args.cli else "texts"] = result
    RESULTS.write_text(json.dumps(previous, ensure_ascii=False, indent=1) + "\n")
    print(json.dumps(result.get("summary", result.get("cli")), ensure_ascii=False, indent=1))


def _git_sha() -> str:
    out = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                         text=True)
    return out.stdout.strip()


if __name__ == "__main__":
    main()
