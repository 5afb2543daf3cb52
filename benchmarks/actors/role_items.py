"""200 speaker forms of a run for blind role labels: one quote each, forms no earlier role set has.

    .venv/bin/python benchmarks/actors/role_items.py --run /tmp/roles_ant5 --seed 23 --out /work/annot13/roles_items.tsv

reads the run's ``tables/quotes`` and ``tables/documents`` and writes a TSV with the columns
form, doc_id, quote, context (the article's words around the speaker, marked [[ ]]) that the
labelling prompt gives annotators. dev5 is --run /tmp/roles_ant5 --seed 23; dev2 … dev4 were drawn by
earlier, hard-coded versions of this script, which this one does not redraw exactly.
"""
import argparse
import csv
import glob
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src"))

from qawl.tables import read_table  # noqa: E402


def labelled_forms() -> set[str]:
    forms = set()
    for path in glob.glob(str(ROOT / "benchmarks" / "actors" / "roles_*.tsv")):
        with open(path, encoding="utf-8", newline="") as handle:
            forms |= {row["form"] for row in csv.DictReader(handle, delimiter="\t")}
    return forms


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--run", type=Path, required=True, help="a run folder (python -m qawl run --out)")
    parser.add_argument("--seed", type=int, required=True)
    parser.add_argument("--out", type=Path, required=True, help="the items TSV to write")
    parser.add_argument("--n", type=int, default=200)
    args = parser.parse_args()
    quotes = read_table(args.run, "quotes")
    docs = read_table(args.run, "documents").set_index("doc_id")["text"]
    quotes = quotes[quotes.speaker.notna() & (quotes.speaker.astype(str).str.strip() != "")].copy()
    quotes["form"] = [c if isinstance(c, str) and c.strip() else s
                      for c, s in zip(quotes.speaker_canonical, quotes.speaker)]
    first = quotes.drop_duplicates("form")
    forms = sorted(set(first.form) - labelled_forms())
    random.Random(args.seed).shuffle(forms)
    rows = first.set_index("form").loc[forms[: args.n]].reset_index()
    with open(args.out, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, delimiter="\t")
        writer.writerow(["form", "doc_id", "quote", "context"])
        for row in rows.itertuples():
            text, start, end = docs[row.doc_id], int(row.speaker_start), int(row.speaker_end)
            context = (text[max(0, start - 150):start] + "[[" + text[start:end] + "]]" + text[end:end + 150])
            writer.writerow([row.form, row.doc_id, row.quote, context.replace("\n", " ").replace("\t", " ")])
    print(f"{len(forms)} new forms, {len(rows)} items")
    return 0


if __name__ == "__main__":
    sys.exit(main())
