"""NER benchmarks: exact-span P/R/F1 (conlleval style), speed, size, entity groups.

Run: .venv/bin/python benchmarks/ner.py [--backend crf|lstm|camel|auto] [--gold FILE]
Needs the shared data (env QAWL_SHARED, default <project root>/../shared).
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))  # this checkout's qawl, not the editable install's (a worktree of an older commit)

from qawl.clean import match_form  # noqa: E402 (after the path: a worktree scores its own code)
from qawl.entities import extract_mentions, get_tagger, group_entities, tag_sentences  # noqa: E402
from qawl.entities.conll import map_tag, read_conll, score_spans  # noqa: E402
from qawl.entities.tagger import default_model_dir  # noqa: E402
from qawl.schema import Article  # noqa: E402
SHARED = Path(os.environ.get("QAWL_SHARED", ROOT.parent / "shared"))
DOC_SENTENCES = 30  # same pseudo-document size as training
GROUP_LABELS = ("PER", "LOC", "ORG")
CLITICS = ("و", "ف", "ب", "ل")

ALL_LABELS = ("PER", "LOC", "ORG", "MISC")
# name: (file, tag column, labels scored); Wojood: outermost layer, no MISC class.
DATASETS = {
    "ANERcorp test": ("data/ner/anercorp/ANERCorp_CamelLab_test.txt", 1, ALL_LABELS),
    "AQMAR test": ("data/ner/aqmar/test.txt", 1, ALL_LABELS),
    "Wojood sample test": ("data/ner/wojood_sample/test.txt", 1, GROUP_LABELS),
}


def tag_in_documents(sentences, backend):
    tokens = [t for t, _ in sentences]
    out = []
    for first in range(0, len(tokens), DOC_SENTENCES):
        out += tag_sentences(tokens[first:first + DOC_SENTENCES], backend)
    return out


def print_table(name, table):
    print(f"\n{name}")
    print(f"  {'label':6} {'P':>6} {'R':>6} {'F1':>6} {'gold':>6}")
    for label, row in table.items():
        print(f"  {label:6} {row['precision']:6.3f} {row['recall']:6.3f} {row['f1']:6.3f} "
              f"{row['support']:6d}")


def group_strings(group):
    strings = set()
    for text in [group["canonical"], *group["mentions"]]:
        form = " ".join(match_form(text).split())
        strings.add(form)
        if form[:1] in CLITICS and len(form) > 3:
            strings.add(form[1:])
    return strings


def entity_group_scores(items, backend):
    """ANNOTATION.md: a predicted group matches a gold group of its label via any string."""
    counts = {label: [0, 0, 0] for label in GROUP_LABELS}  # matched-pred, pred, gold
    gold_hits = {label: 0 for label in GROUP_LABELS}
    for doc, gold in items:
        predicted = [g for g in group_entities(extract_mentions(doc, backend))
                     if g["label"] in GROUP_LABELS]
        for label in GROUP_LABELS:
            gold_groups = [{" ".join(match_form(s).split()) for s in group}
                           for group in gold.get(label, [])]
            pred_groups = [group_strings(g) for g in predicted if g["label"] == label]
            counts[label][1] += len(pred_groups)
            counts[label][2] += len(gold_groups)
            counts[label][0] += sum(any(p & g for g in gold_groups) for p in pred_groups)
            gold_hits[label] += sum(any(p & g for p in pred_groups) for g in gold_groups)
    table = {}
    for label in [*GROUP_LABELS, "micro"]:
        if label == "micro":
            tp_p = sum(c[0] for c in counts.values())
            n_p = sum(c[1] for c in counts.values())
            n_g = sum(c[2] for c in counts.values())
            tp_g = sum(gold_hits.values())
        else:
            tp_p, n_p, n_g = counts[label]
            tp_g = gold_hits[label]
        p = tp_p / n_p if n_p else 0.0
        r = tp_g / n_g if n_g else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        table[label] = {"precision": p, "recall": r, "f1": f, "support": n_g}
    return table


def gold_documents(files=()):
    """(cleaned document, gold entities) of the seed + dev gold, or of ``files``."""
    from qawl.clean import clean_article

    items = []
    if files:
        records = [r for f in files for r in json.loads(Path(f).read_text(encoding="utf-8"))]
    else:
        records = json.loads((SHARED / "eval/dev_gold.json").read_text(encoding="utf-8"))
        seed = ROOT / "seeds/000_3ac1dc030114536f.txt"
        for record in json.loads((SHARED / "eval/seed_gold.json").read_text(encoding="utf-8")):
            article = Article(doc_id=record["doc"], raw_text=seed.read_text(encoding="utf-8"),
                              origin=str(seed))
            items.append((clean_article(article), record["entities"]))
    for record in records:
        article = Article(doc_id=record["doc"], raw_text=record["text"], origin=record["file"])
        items.append((clean_article(article), record["entities"]))
    return items


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--backend", default="crf", choices=("auto", "crf", "lstm", "camel"))
    parser.add_argument("--gold", action="append", default=[], metavar="FILE",
                        help="score entity groups on this gold file instead of seed + dev "
                             "(repeatable), e.g. benchmarks/audit5_gold.json")
    args = parser.parse_args(argv)
    if not SHARED.exists():
        print(f"shared data not found at {SHARED} (set QAWL_SHARED)")
        return 1
    if args.backend == "lstm":
        import torch

        torch.set_num_threads(1)  # speed is reported for one core
    get_tagger(args.backend)  # load once, outside the timings
    for name, (path, column, labels) in DATASETS.items():
        sentences = read_conll(SHARED / path, column, labels)
        started = time.perf_counter()
        predicted = tag_in_documents(sentences, args.backend)
        seconds = time.perf_counter() - started
        predicted = [[map_tag(tag, labels) for tag in tags] for tags in predicted]
        n_tokens = sum(len(t) for t, _ in sentences)
        print_table(f"{name} ({n_tokens} tokens, exact span)",
                    score_spans([tags for _, tags in sentences], predicted))
        if name == "ANERcorp test":
            print(f"  speed: {n_tokens / seconds:,.0f} tokens/s (one core, cold feature cache)")
    # the lstm tags with its own files only; the CRF's serve extract_mentions' word counts
    lstm = args.backend == "lstm"
    files = [f for f in default_model_dir().glob("ner_*") if f.name.startswith("ner_lstm.") == lstm]
    print(f"\nmodel size: {sum(f.stat().st_size for f in files) / 1e6:.1f} MB "
          f"({', '.join(sorted(f.name for f in files))})")
    gold_name = ", ".join(Path(f).name for f in args.gold) or "seed + dev gold"
    print_table(f"entity groups, {gold_name} (ANNOTATION.md, PER/LOC/ORG)",
                entity_group_scores(gold_documents(args.gold), args.backend))
    return 0


if __name__ == "__main__":
    sys.exit(main())
