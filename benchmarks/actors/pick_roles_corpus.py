"""500 random ANT (or SaudiNewsNet) articles for a fresh role set: outside the first 500 ANT articles
(the actors gold run), every gold file and every earlier set's article list; written as a list and as a corpus.

    .venv/bin/python benchmarks/actors/pick_roles_corpus.py --name dev5 --seed 22 --links /work/annot13/ant_roles5
    .venv/bin/python benchmarks/actors/pick_roles_corpus.py --name dev13 --corpus snn --seed 43 --links /tmp/snn13

writes ``benchmarks/actors/<name>_articles.txt`` (doc ids, sorted) and, under ``--links``, a corpus of the
articles that ``python -m qawl run --corpus`` reads: links to the ANT files, or for SaudiNewsNet (whose
articles sit inside daily archives) one ``articles.jsonl`` whose records keep the corpus's ids. dev5 is
``--seed 22``; dev2 … dev4 were drawn by earlier, hard-coded versions of this script, which this one does
not redraw. The pool shrinks with every gold file and set added, so a redraw with the same seed gives other
articles once one is: each set's ``_articles.txt`` is its record (dev13 was drawn before audit135–136 existed).
"""
import argparse
import glob
import json
import logging
import os
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src"))

sys.path.insert(0, str(ROOT / "benchmarks"))

from actors import write_records  # noqa: E402  (benchmarks/actors.py)
from qawl.corpus import load_corpus  # noqa: E402

SHARED = ROOT.parent / "shared"
CORPORA = {"ant": "ant", "snn": "saudinewsnet"}


def excluded(name: str) -> set[str]:
    ids = set()
    for path in glob.glob(str(ROOT / "benchmarks" / "*_gold.json")) + glob.glob(str(SHARED / "eval" / "*_gold.json")):
        ids |= {article.get("doc") for article in json.load(open(path, encoding="utf-8"))}
    for path in glob.glob(str(ROOT / "benchmarks" / "actors" / "dev*_articles.txt")):
        if Path(path).name != f"{name}_articles.txt":
            ids |= set(Path(path).read_text(encoding="utf-8").split())
    return ids


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--name", required=True, help="the set's name, e.g. dev5")
    parser.add_argument("--seed", type=int, required=True)
    parser.add_argument("--links", type=Path, required=True, help="folder to fill with links to the articles")
    parser.add_argument("--size", type=int, default=500, help="articles to draw (default 500)")
    parser.add_argument("--corpus", choices=sorted(CORPORA), default="ant",
                        help="ant (default) or snn (SaudiNewsNet, once the ANT pool is used up)")
    args = parser.parse_args()
    skip = excluded(args.name)
    logging.getLogger("qawl.corpus").setLevel(logging.ERROR)  # SaudiNewsNet's empty records are skipped by design
    articles = list(load_corpus(SHARED / "corpora" / CORPORA[args.corpus]))
    if args.corpus == "ant":
        articles = articles[500:]  # the first 500 are the actors gold run
    pool = [a for a in articles if a.doc_id not in skip]
    if not 0 < args.size <= len(pool):
        parser.error(f"--size {args.size}: the pool of {args.corpus} articles no gold file or earlier set holds "
                     f"has {len(pool)} left; ask for at most that many")
    picked = sorted(random.Random(args.seed).sample(pool, args.size), key=lambda a: a.doc_id)
    (ROOT / "benchmarks" / "actors" / f"{args.name}_articles.txt").write_text(
        "\n".join(a.doc_id for a in picked) + "\n", encoding="utf-8")
    args.links.mkdir(parents=True, exist_ok=True)
    if args.corpus == "ant":
        link_ant_articles(picked, args.links)
    else:
        write_records(picked, args.links / "articles.jsonl")
    print(f"{len(pool)} articles in the pool, {len(picked)} picked")
    return 0


def link_ant_articles(picked: list, folder: Path) -> None:
    for article in picked:
        rel = article.doc_id[len("ant/"):]
        target = folder / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        if not target.exists():
            os.symlink(SHARED / "corpora" / "ant" / rel, target)


if __name__ == "__main__":
    sys.exit(main())
