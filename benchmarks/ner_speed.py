"""Entity-stage speed (issue 11): thread contention and CPU time per core.

    .venv/bin/python benchmarks/ner_speed.py threads [--rounds 3]
        `python -m qawl ner-tag` on ANERcorp test, default threads vs OMP_NUM_THREADS=1,
        each run beside a CPU-bound process; median wall seconds of paired runs.
    .venv/bin/python benchmarks/ner_speed.py cpu [--limit 500] [--mode single|batch] [--repeat 3]
        entity stage (extract_mentions per document, or extract_mentions_batch) over
        SaudiNewsNet articles, one thread: words per CPU second (time.process_time),
        each repeat in a fresh process so the type caches start cold.
    .venv/bin/python benchmarks/ner_speed.py stages [--limit 300]
        where the CPU goes in extract_mentions_batch with the BiLSTM-CRF, without a profiler's
        overhead: CPU seconds of the network and its parts, the encoder and the rules
        (nested stages overlap: network.decode holds the members and the language model).
    .venv/bin/python benchmarks/ner_speed.py quality [--lever int8]
        ANERcorp test micro F1 (as benchmarks/ner.py) and entity-group F1 on every gold set,
        for the BiLSTM-CRF with a speed lever applied (``--lever`` also works with ``cpu``).

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
sys.path.insert(0, str(ROOT / "src"))  # this checkout's qawl, not the editable install's (a worktree of an older commit)
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


GOLD_SETS = {
    "seed + dev": [],
    "dev2": [SHARED / "eval/dev2_gold.json"],
    **{name: [ROOT / f"benchmarks/{name}_gold.json"]
       for name in ("audit", "audit2", "audit3", "audit4", "audit5")},
}


def quantize_network(network):
    """The network with its LSTMs and linear layers in int8 (dynamic quantisation).

    Measured, not shipped: activations are scaled per batch, so a sentence's tags
    depend on the other sentences in its batch (see the README's speed levers).
    """
    import warnings

    import torch
    from torch import nn

    with warnings.catch_warnings():  # torch.ao.quantization is deprecated
        warnings.simplefilter("ignore")
        return torch.ao.quantization.quantize_dynamic(network, {nn.LSTM, nn.Linear},
                                                      dtype=torch.qint8)


def apply_lever(lever: str):
    """The shipped tagger, with an inference lever applied to it in place (``none``: as is)."""
    from qawl.entities import get_tagger

    tagger = get_tagger("lstm")
    if lever == "int8":
        tagger.network = quantize_network(tagger.network)
    elif lever == "single":  # the ensemble's first member alone: what one network costs and scores
        tagger.network = tagger.network.members[0].eval()
    elif lever != "none":
        raise SystemExit(f"unknown lever {lever!r}")
    return tagger


def quality(lever: str) -> None:
    sys.path.insert(0, str(ROOT))
    from benchmarks.ner import entity_group_scores, gold_documents, tag_in_documents
    from qawl.entities.conll import map_tag, read_conll, score_spans

    apply_lever(lever)
    sentences = read_conll(ANERCORP_TEST, 1, ("PER", "LOC", "ORG", "MISC"))
    predicted = [[map_tag(t) for t in tags] for tags in tag_in_documents(sentences, "lstm")]
    table = score_spans([tags for _, tags in sentences], predicted)
    print(f"lever {lever}: ANERcorp test micro F1 {table['micro']['f1']:.4f}", flush=True)
    for name, files in GOLD_SETS.items():
        groups = entity_group_scores(gold_documents(files), "lstm")
        print(f"lever {lever}: entity groups {name} F1 {groups['micro']['f1']:.4f}", flush=True)


def load_documents(limit: int):
    from qawl.clean import clean_article
    from qawl.corpus import load_corpus

    return [clean_article(a) for a in load_corpus(SHARED / "corpora/saudinewsnet", limit=limit)]


def cpu_once(limit: int, mode: str, backend: str, lever: str = "none") -> dict:
    """One measurement in this process: CPU seconds of the entity stage alone."""
    import torch

    from qawl.entities import extract_mentions, get_tagger

    torch.set_num_threads(1)  # per-core numbers, also for code without use_one_thread
    docs = load_documents(limit)
    from qawl.entities.tagger import default_tagger

    get_tagger(backend)  # model loading is not timed,
    default_tagger()  # nor the CRF's tables, which extract_mentions borrows for every backend
    if lever != "none":
        apply_lever(lever)
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


def stages(limit: int) -> None:
    """CPU seconds per stage of one extract_mentions_batch run (timers wrapped around them)."""
    import functools

    import torch

    import qawl.entities as entities
    from qawl.entities import get_tagger, neural
    from qawl.entities.tagger import default_tagger

    torch.set_num_threads(1)
    docs = load_documents(limit)
    tagger = get_tagger("lstm")
    default_tagger()
    seconds: dict[str, float] = {}

    def timed(owner, name: str, stage: str) -> None:
        function = getattr(owner, name)
        seconds.setdefault(stage, 0.0)  # printed in this order

        @functools.wraps(function)
        def wrapper(*args, **kwargs):
            started = time.process_time()
            try:
                return function(*args, **kwargs)
            finally:
                seconds[stage] = seconds.get(stage, 0.0) + time.process_time() - started

        setattr(owner, name, wrapper)

    network = tagger.network
    members = getattr(network, "members", [network])
    timed(tagger.encoder, "batch", "encoder.batch (word types -> tensors)")
    timed(network, "decode", "network.decode (all of the network)")
    for member in members:
        timed(member, "emissions", "  member emissions (char CNN + BiLSTM + packing)")
        timed(member.chars, "forward", "    char CNN")
        timed(member.lstm, "forward", "    BiLSTM")
    timed(members[0], "context", "  language model (once per batch)")
    timed(neural, "viterbi", "  viterbi")
    timed(tagger, "_finish_document", "person names + document pass")
    timed(entities, "spans_to_mentions", "mention rules (spans_to_mentions)")
    timed(entities, "canonicalise", "canonicalise")
    started = time.process_time()
    entities.extract_mentions_batch(docs, "lstm")
    total = time.process_time() - started
    words = sum(len(doc.text.split()) for doc in docs)
    print(f"{len(docs)} docs, {words} words: {total:.1f} CPU s = {words / total:,.0f} words/CPU s")
    for stage, value in seconds.items():
        print(f"{stage:50s} {value:6.1f} s {100 * value / total:5.1f} %")


def cpu(limit: int, mode: str, backend: str, repeat: int, lever: str) -> None:
    runs = []
    for _ in range(repeat):
        out = subprocess.run([sys.executable, __file__, "cpu-once", "--limit", str(limit),
                              "--mode", mode, "--backend", backend, "--lever", lever],
                             check=True, capture_output=True, text=True).stdout
        runs.append(json.loads(out.strip().splitlines()[-1]))
        r = runs[-1]
        print(f"{mode} ({lever}): {r['docs']} docs, {r['words']} words, {r['mentions']} mentions, "
              f"{r['cpu_s']:.1f} CPU s = {r['words'] / r['cpu_s']:,.0f} words/CPU s", flush=True)
    seconds = statistics.median(r["cpu_s"] for r in runs)
    print(f"median {mode} ({lever}): {runs[0]['words'] / seconds:,.0f} words per CPU second "
          f"({seconds:.1f} s)")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("what", choices=("threads", "cpu", "cpu-once", "stages", "quality"))
    parser.add_argument("--lever", default="none", help="none, int8 or single (see apply_lever)")
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
        cpu(args.limit, args.mode, args.backend, args.repeat, args.lever)
    elif args.what == "stages":
        stages(args.limit)
    elif args.what == "quality":
        quality(args.lever)
    else:
        print(json.dumps(cpu_once(args.limit, args.mode, args.backend, args.lever)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
