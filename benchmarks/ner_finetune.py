"""The tagger fine-tuned on annotated news (``qawl.entities.finetune``), measured on a held-out block.

    .venv/bin/python benchmarks/ner_finetune.py                  # epochs 1 and 2; writes the results
    .venv/bin/python benchmarks/ner_finetune.py --epochs 1 --base DIR

The procedure fine-tunes the ANERcorp ensemble (``--base``; by default the one shipped at
``BASE_COMMIT``, read from git) on the dev part of ``split.json`` without the gold batches of
``HELD_OUT``, then scores the base and the fine-tuned ensemble on those held-out articles, through
the pipeline's own ``extract_mentions`` and ``extract_quotes``:

- entity groups (ANNOTATION.md: a predicted group matches a gold group by any string), per label;
- quotes: detection, speaker accuracy, named-speaker share and end-to-end F1;
- the raw tagger's exact spans against the gold forms projected onto the text (as they are
  trained on), PER/LOC/ORG.

The held-out batches are the last sixteen that joined dev (audit89–104, 256 articles, annotated
blind): nothing of the fine-tuning saw them when its settings were chosen. The shipped model is
the chosen setting trained on the whole dev part (``--final DIR``). The test part is never read.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))  # ner.py: the entity-group scoring

from benchmarks.scoring import gold_paths, run_record, score_quotes, write_results  # noqa: E402

SHARED = Path(os.environ.get("QAWL_SHARED", ROOT.parent / "shared"))
RESULTS = ROOT / "benchmarks" / "ner_finetune_results.json"
SPLIT = ROOT / "benchmarks" / "split.json"
BASE_COMMIT = "d31e2e6"  # the last commit that shipped the ANERcorp-only ensemble
MODEL_FILES = ("ner_lstm.pt", "ner_lstm.json.gz")
HELD_OUT_BATCHES = (89, 104)
# batches that joined dev after the session-30 model was trained (sessions 31 to 48): left out of both
# trainings by default, so that the written results stay reproducible
JOINED_LATER_BATCHES = (105, 144)


def batch_files(first: int, last: int) -> tuple[Path, ...]:
    return tuple(ROOT / "benchmarks" / f"audit{k}_gold.json" for k in range(first, last + 1))


HELD_OUT = batch_files(*HELD_OUT_BATCHES)
JOINED_LATER = batch_files(*JOINED_LATER_BATCHES)


def base_model(commit: str) -> Path:
    """The ensemble files of ``commit`` (git show), in a temporary folder."""
    folder = Path(tempfile.mkdtemp(prefix="qawl_ner_base_"))
    for name in MODEL_FILES:
        blob = subprocess.run(["git", "-C", str(ROOT), "show", f"{commit}:src/qawl/models/{name}"],
                              check=True, capture_output=True).stdout
        (folder / name).write_bytes(blob)
    return folder


def use_model(folder: Path):
    """Make the pipeline's default tagger the ensemble of ``folder``; returns it."""
    import qawl.entities as entities
    from qawl.entities.neural import LstmTagger

    tagger = LstmTagger(folder)
    entities.get_tagger = lambda backend="auto": tagger
    return tagger


def held_out_records(held_out=HELD_OUT) -> list[dict]:
    return [r for path in held_out for r in json.loads(path.read_text(encoding="utf-8"))]


def entity_groups(records: list[dict]) -> dict:
    import ner  # benchmarks/ner.py: the same entity-group scoring

    from qawl.clean import clean_article
    from qawl.entities import extract_mentions
    from qawl.schema import Article

    ner.extract_mentions = extract_mentions
    items = [(clean_article(Article(r["doc"], raw_text=r["text"], origin="gold")), r["entities"]) for r in records]
    table = ner.entity_group_scores(items, "auto")
    return {label: {k: round(v, 4) for k, v in row.items()} for label, row in table.items()}


def quotes(records: list[dict]) -> dict:
    from benchmarks.quotes import analyse, prediction  # the quote benchmark's own pipeline
    from qawl.entities import extract_mentions

    preds = {r["doc"]: [prediction(q) for q in analyse(r["text"], r["doc"], extract_mentions)[1]] for r in records}
    o = score_quotes(preds, records)["overall"]
    return {"detection_f1": round(o["detection"]["f1"], 4), "speaker_accuracy": round(o["speaker_accuracy"], 4),
            "named_speaker_share": round(o["named_speaker_share"], 4), "e2e_f1": round(o["end_to_end"]["f1"], 4),
            "matched": o["matched"], "speaker_ok": o["speaker_ok"], "named_ok": o["named_ok"], "named_gold": o["named_gold"]}


def raw_spans(tagger, records: list[dict]) -> dict:
    from qawl.clean import clean_article
    from qawl.entities.conll import score_spans
    from qawl.entities.finetune import listed_forms, project
    from qawl.entities.mentions import sentence_tokens
    from qawl.schema import Article

    gold, predicted = [], []
    for r in records:
        doc = clean_article(Article(r["doc"], raw_text=r["text"], origin="gold"))
        sentences = [[t.text for t in tokens] for tokens in sentence_tokens(doc)]
        gold += project(sentences, listed_forms(r.get("entities") or {})[0])
        predicted += [[t if not t.endswith("MISC") else "O" for t in tags] for tags in tagger.tag_document(sentences)]
    table = score_spans(gold, predicted)
    return {label: round(row["f1"], 4) for label, row in table.items()}


def measure(folder: Path, records: list[dict]) -> dict:
    tagger = use_model(folder)
    return {"entity_groups": entity_groups(records), "quotes": quotes(records), "raw_span_f1": raw_spans(tagger, records)}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--base", type=Path, help=f"the ensemble to start from (default: git {BASE_COMMIT})")
    parser.add_argument("--epochs", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--final", type=Path, metavar="DIR",
                        help="also train the first --epochs setting on the whole dev part into DIR (the shipped model)")
    parser.add_argument("--out", type=Path, default=RESULTS)
    parser.add_argument("--held-out", type=int, nargs=2, metavar=("FIRST", "LAST"), default=HELD_OUT_BATCHES,
                        help="the audit batches held out and scored (default: %(default)s)")
    parser.add_argument("--no-later", action="store_true",
                        help=f"train on the batches that joined dev after the session-30 model too "
                             f"(audit{JOINED_LATER_BATCHES[0]}–{JOINED_LATER_BATCHES[1]}; by default left out)")
    parser.add_argument("--compare", type=Path, metavar="DIR",
                        help="also score the ensemble in DIR on the held-out articles (e.g. src/qawl/models)")
    args = parser.parse_args(argv)
    from qawl.entities import finetune
    from qawl.entities.neural import use_one_thread

    use_one_thread()
    started = time.time()
    base = args.base or base_model(BASE_COMMIT)
    held_out = batch_files(*args.held_out)
    later = () if args.no_later else tuple(p for p in JOINED_LATER if p not in held_out)
    records = held_out_records(held_out)
    gold = [str(p) for p in gold_paths(SHARED)]
    results = {"base": measure(base, records)}
    print(f"base: {json.dumps(results['base'], ensure_ascii=False)}", flush=True)
    if args.compare:
        results[f"compared: {args.compare}"] = measure(args.compare, records)
        print(f"compared: {json.dumps(results[f'compared: {args.compare}'], ensure_ascii=False)}", flush=True)
    for epochs in args.epochs:
        folder = Path(tempfile.mkdtemp(prefix=f"qawl_ner_ft{epochs}_"))
        finetune.main(["--base", str(base), "--gold", *gold, "--split", str(SPLIT), "--part", "dev",
                       "--exclude", *map(str, held_out + later), "--shared", str(SHARED), "--out", str(folder),
                       "--epochs", str(epochs)])
        results[f"fine-tuned, {epochs} epoch(s)"] = measure(folder, records)
        print(f"{epochs} epoch(s): {json.dumps(results[f'fine-tuned, {epochs} epoch(s)'], ensure_ascii=False)}", flush=True)
    if args.final:
        finetune.main(["--base", str(base), "--gold", *gold, "--split", str(SPLIT), "--part", "dev",
                       "--exclude", *map(str, later),
                       "--shared", str(SHARED), "--out", str(args.final), "--epochs", str(args.epochs[0])])
    record = {"run": run_record(), "held_out": [p.name for p in held_out], "left_out": [p.name for p in later], "articles": len(records),
              "base_commit": None if args.base else BASE_COMMIT, "results": results,
              "seconds": round(time.time() - started, 1)}
    write_results(args.out, record)
    print(f"written {args.out} ({record['seconds']} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
