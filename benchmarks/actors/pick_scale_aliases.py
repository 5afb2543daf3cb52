"""Forms for the corpus-scale alias gold (``aliases_scale.tsv``): names that share a word, or a
word's letters without its vowels, across a run over the whole corpus (ANT and SaudiNewsNet).

    .venv/bin/python benchmarks/actors/pick_scale_aliases.py --run /tmp/full_run --seed 31 \\
        --out /tmp/scale_forms.tsv

At 37,000 articles one surname or one short word is shared by many actors, and a merge that is
safe over 500 articles can chain different actors together. The 500-article gold cannot show
this. The picker draws ``--anchors`` random name words (4+ letters) from forms said or named at
least 3 times, and for each takes up to ``--per-anchor`` forms (2+ uses, most used first) with
a word of the same vowel-less letters (``qawl.actors.skeleton``): spelling variants, surname
uses and look-alikes. Each form comes with up to three contexts from different articles. The
run's alias table is read for its forms and counts only; its keys are never shown or used.
The labeller writes the gold keys to ALIASES.md (rule 6 for a name the corpus uses for several
actors).
"""
from __future__ import annotations

import argparse
import csv
import random
import re
import sys
from collections import defaultdict
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src"))

from qawl.actors.lexicon import lexicons, skeleton, words_of  # noqa: E402
from qawl.aggregates import connect  # noqa: E402

CONTEXT = 70


def form_counts(run: Path) -> pd.DataFrame:
    table = pd.read_csv(run / "tables" / "aliases.csv", dtype=str, keep_default_na=False)
    return table[["form", "count"]].assign(count=lambda t: t["count"].astype(int))


def name_words(form: str, lex) -> list[str]:
    return [w for w in words_of(form) if len(w) >= 4 and w not in lex.not_speakers and not w.startswith("#")]


def pick(forms: pd.DataFrame, anchors: int, per_anchor: int, seed: int) -> list[tuple[str, str, int]]:
    """(anchor, form, count) rows: each anchor's look-alike forms."""
    lex = lexicons()
    by_skeleton: dict = defaultdict(list)
    for form, count in zip(forms["form"], forms["count"]):
        if count >= 2:
            for word in set(name_words(form, lex)):
                by_skeleton[skeleton(word)].append((form, count))
    pool = sorted({w for form, count in zip(forms["form"], forms["count"]) if count >= 3
                   for w in name_words(form, lex)})
    rng = random.Random(seed)
    rows, taken, seen_skeletons = [], set(), set()
    for word in rng.sample(pool, len(pool)):
        if len(seen_skeletons) >= anchors:
            break
        group = [(f, c) for f, c in sorted(by_skeleton[skeleton(word)], key=lambda fc: (-fc[1], fc[0]))
                 if f not in taken][:per_anchor]
        if skeleton(word) in seen_skeletons or len(group) < 2:
            continue
        seen_skeletons.add(skeleton(word))
        for form, count in group:
            taken.add(form)
            rows.append((word, form, count))
    return rows


def contexts(run: Path, forms: list[str], per_form: int = 3) -> dict:
    """Up to ``per_form`` windows of article text around each form, from different articles."""
    found = {}
    with connect(run, "documents", merged=False) as con:
        for form in forms:
            hits = con.execute("SELECT doc_id, text FROM documents WHERE contains(text, ?) ORDER BY doc_id LIMIT ?",
                               [form, per_form]).fetchall()
            windows = []
            for doc_id, text in hits:
                i = text.find(form)
                window = text[max(0, i - CONTEXT): i + len(form) + CONTEXT]
                windows.append(f"[{doc_id}] " + re.sub(r"\s+", " ", window))
            found[form] = " ||| ".join(windows)
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--run", type=Path, required=True)
    parser.add_argument("--seed", type=int, required=True)
    parser.add_argument("--anchors", type=int, default=45)
    parser.add_argument("--per-anchor", type=int, default=10)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    rows = pick(form_counts(args.run), args.anchors, args.per_anchor, args.seed)
    found = contexts(args.run, [form for _, form, _ in rows])
    with open(args.out, "w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle, delimiter="\t")
        out.writerow(["group", "form", "uses", "key", "contexts"])
        for word, form, count in rows:
            out.writerow([word, form, count, "", found[form]])
    print(f"{len(rows)} forms in {len({r[0] for r in rows})} groups -> {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
