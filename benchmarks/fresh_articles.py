"""Draw fresh articles for blind annotation: articles in no gold file, seeded.

    .venv/bin/python benchmarks/fresh_articles.py --name audit11 --seed 11 --out /tmp/annot11

writes ``<name>_00.txt`` … (the article's raw text, as the gold files hold it) and
``manifest.json`` (file, doc id, source) into ``--out``, for annotators who read only
``../shared/eval/ANNOTATION.md`` and the texts. Half the articles come from SaudiNewsNet, half
from ANT, each of 600–5,000 characters, drawn with one ``random.Random(seed)`` in that order.
Excluded are the articles of every gold file except the batches ``auditK`` with K at or above
the one being drawn, so a batch is redrawn exactly as it was first drawn: the audit7 … audit10
batches of session 8 are ``--name auditK --seed K``.
"""
from __future__ import annotations

import argparse
import json
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from qawl.corpus import load_corpus  # noqa: E402

AUDIT_RE = re.compile(r"audit(\d+)_gold\.json$")


def shared_dir() -> Path:
    return ROOT.parent / "shared"


def gold_doc_ids(before: int) -> set[str]:
    """Doc ids of every gold file, leaving out the batches auditK with K >= ``before``."""
    files = sorted(ROOT.glob("benchmarks/*_gold.json")) + sorted((shared_dir() / "eval").glob("*_gold.json"))
    ids: set[str] = set()
    for path in files:
        match = AUDIT_RE.search(path.name)
        if match and int(match.group(1)) >= before:
            continue
        ids |= {article.get("doc") for article in json.loads(path.read_text(encoding="utf-8"))}
    return ids


def draw(seed: int, per_corpus: int, before: int) -> list:
    gold = gold_doc_ids(before)
    rng = random.Random(seed)
    drawn = []
    for corpus in ("saudinewsnet", "ant"):
        articles = [a for a in load_corpus(shared_dir() / "corpora" / corpus)
                    if a.doc_id not in gold and 600 < len(a.raw_text) < 5000]
        drawn += rng.sample(articles, per_corpus)
    return drawn


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--name", required=True, help="batch name, e.g. audit11 (files <name>_NN.txt)")
    parser.add_argument("--seed", type=int, required=True)
    parser.add_argument("--per-corpus", type=int, default=8, help="articles from each corpus (default 8)")
    parser.add_argument("--out", type=Path, required=True, help="folder for the texts and manifest.json")
    args = parser.parse_args(argv)
    number = AUDIT_RE.search(f"{args.name}_gold.json")
    articles = draw(args.seed, args.per_corpus, int(number.group(1)) if number else 10**9)
    args.out.mkdir(parents=True, exist_ok=True)
    manifest = []
    for i, article in enumerate(articles):
        name = f"{args.name}_{i:02d}.txt"
        (args.out / name).write_text(article.raw_text, encoding="utf-8")
        manifest.append({"file": name, "doc": article.doc_id, "source": article.source})
    (args.out / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
    print("\n".join(m["doc"] for m in manifest))
    return 0


if __name__ == "__main__":
    sys.exit(main())
