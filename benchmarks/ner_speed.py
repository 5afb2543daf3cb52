"""Entity-stage speed (issue 11): thread contention and CPU time per core.

    .venv/bin/python benchmarks/ner_speed.py threads [--rounds 3]
        `python -m qawl ner-tag` on ANERcorp test, default threads vs OMP_NUM_THREADS=1,
        each run beside a CPU-bound process; median wall seconds of paired runs.
    .venv/bin/python benchmarks/ner_speed.py cpu [--limit 500] [--mode single|batch] [--repeat 3]
        entity stage (extract_mentions per document, or extract_mentions_batch) over
        SaudiNewsNet articles, one thread: words per CPU second (time.process_time),
        each repeat in a fresh process so the type caches start cold.

Needs the shared data (env QAWL_SHARED, default <project root>/../shared).
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("QAWL_SHARED", ROOT.parent / "shared"))
ANERCORP_TEST = SHARED / "data/ner/anercorp/ANERCorp_CamelLab_test.txt"
BUSY = "while True: pass"


def timed_ner_tag(env: dict) -> float:
    """Wall seconds of one `python -m qawl ner-tag` over ANERcorp test."""
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "qawl", "ner-tag", str(ANERCORP_TEST)], env=env,
                   check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - started


def threads(rounds: int) -> None:
    default_env = {k: v for k, v in os.environ.items() if k != "OMP_NUM_THREADS"}
    one_env = {**default_env, "OMP_NUM_THREADS": "1"}
    default_s, one_s = [], []
    for round_ in range(rounds):
        busy = subprocess.Popen([sys.executable, "-c", BUSY])  # the competing process
        try:
            default_s.append(timed_ner_tag(default_env))
            one_s.append(timed_ner_tag(one_env))
        finally:
            busy.kill()
            busy.wait()
        print(f"round {round_ + 1}: default {default_s[-1]:.1f} s, "
              f"OMP_NUM_THREADS=1 {one_s[-1]:.1f} s", flush=True)
    d, o = statistics.median(default_s), statistics.median(one_s)
    print(f"median: default {d:.1f} s, OMP_NUM_THREADS=1 {o:.1f} s, ratio {d / o:.2f}")


def load_documents(limit: int):
    from qawl.clean import clean_article
    from qawl.corpus import load_corpus

    return [clean_article(a) for a in load_corpus(SHARED / "corpora/saudinewsnet", limit=limit)]


def cpu_once(limit: int, mode: str, backend: str) -> dict:
    """One measurement in this process: CPU seconds of the entity stage alone."""
    import torch

    from qawl.entities import extract_mentions, get_tagger

    torch.set_num_threads(1)  # per-core numbers, also for code without use_one_thread
    docs = load_documents(limit)
    get_tagger(backend)  # model loading is not timed
    started = time.process_time()
    if mode == "batch":
        from qawl.entities import extract_mentions_batch

        mentions = extract_mentions_batch(docs, backend)
    else:
        mentions = [extract_mentions(doc, backend) for doc in docs]
    seconds = time.process_time() - started
    words = sum(len(doc.text.split()) for doc in docs)
    return {"docs": len(docs), "words": words, "cpu_s": seconds,
            "mentions": sum(len(m) for m in mentions), "threads": torch.get_num_threads()}


def cpu(limit: int, mode: str, backend: str, repeat: int) -> None:
    runs = []
    for _ in range(repeat):
        out = subprocess.run([sys.executable, __file__, "cpu-once", "--limit", str(limit),
                              "--mode", mode, "--backend", backend],
                             check=True, capture_output=True, text=True).stdout
        runs.append(json.loads(out.strip().splitlines()[-1]))
        r = runs[-1]
        print(f"{mode}: {r['docs']} docs, {r['words']} words, {r['mentions']} mentions, "
              f"{r['cpu_s']:.1f} CPU s = {r['words'] / r['cpu_s']:,.0f} words/CPU s", flush=True)
    seconds = statistics.median(r["cpu_s"] for r in runs)
    print(f"median {mode}: {runs[0]['words'] / seconds:,.0f} words per CPU second "
          f"({seconds:.1f} s)")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("what", choices=("threads", "cpu", "cpu-once"))
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--limit", type=int, default=500)
    parser.add_argument("--mode", choices=("single", "batch"), default="single")
    parser.add_argument("--backend", default="auto")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    if not SHARED.exists():
        print(f"shared data not found at {SHARED} (set QAWL_SHARED)")
        return 1
    if args.what == "threads":
        threads(args.rounds)
    elif args.what == "cpu":
        cpu(args.limit, args.mode, args.backend, args.repeat)
    else:
        print(json.dumps(cpu_once(args.limit, args.mode, args.backend)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
