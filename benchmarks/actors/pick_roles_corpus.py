"""500 random ANT articles for a fresh role set: outside the first 500 (the actors gold run),
every gold file and every earlier set's article list; written as a list and as links.

    .venv/bin/python benchmarks/actors/pick_roles_corpus.py --name dev5 --seed 22 --links /work/annot13/ant_roles5

writes ``benchmarks/actors/<name>_articles.txt`` (doc ids, sorted) and a folder of links to the
articles under ``--links``, which ``python -m qawl run --corpus`` reads. dev5 is ``--seed 22``; dev2 …
dev4 were drawn by earlier, hard-coded versions of this script, which this one does not redraw.
"""
import argparse
import glob
import json
import os
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src"))

from qawl.corpus import load_corpus  # noqa: E402

SHARED = ROOT.parent / "shared"


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
    args = parser.parse_args()
    skip = excluded(args.name)
    articles = list(load_corpus(SHARED / "corpora" / "ant"))
    pool = [a for a in articles[500:] if a.doc_id not in skip]
    if not 0 < args.size <= len(pool):
        parser.error(f"--size {args.size}: the pool of ANT articles no gold file or earlier set holds has "
                     f"{len(pool)} left; ask for at most that many")
    picked = sorted(a.doc_id for a in random.Random(args.seed).sample(pool, args.size))
    (ROOT / "benchmarks" / "actors" / f"{args.name}_articles.txt").write_text("\n".join(picked) + "\n", encoding="utf-8")
    for doc_id in picked:
        rel = doc_id[len("ant/"):]
        target = args.links / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        if not target.exists():
            os.symlink(SHARED / "corpora" / "ant" / rel, target)
    print(f"{len(pool)} articles in the pool, {len(picked)} picked")
    return 0


if __name__ == "__main__":
    sys.exit(main())
