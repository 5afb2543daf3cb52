"""Quote extraction benchmark: scores against gold files and measures throughput.

    .venv/bin/python benchmarks/quotes.py                      # seed + dev gold
    .venv/bin/python benchmarks/quotes.py --gold FILE [FILE]   # any gold file(s) in that format
    .venv/bin/python benchmarks/quotes.py --throughput 1000    # also words/s over SaudiNewsNet
    .venv/bin/python benchmarks/quotes.py --no-entities        # without the entities stage

The pipeline is the project's: clean -> mentions (when ``qawl.entities``
provides ``extract_mentions``) -> ``extract_quotes``. Scores follow
``../shared/eval/ANNOTATION.md`` through ``benchmarks/scoring.py``.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path
from typing import Any, Callable, Optional

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.scoring import score_quotes  # noqa: E402
from qawl.clean import clean_article  # noqa: E402
from qawl.quotes import extract_quotes  # noqa: E402
from qawl.schema import Article, Document  # noqa: E402


def shared_dir() -> Path:
    return Path(os.environ.get("QAWL_SHARED", ROOT.parent / "shared"))


def mention_extractor(enabled: bool) -> Optional[Callable]:
    """``qawl.entities.extract_mentions`` when it exists and is wanted, else None."""
    if not enabled:
        return None
    try:
        from qawl.entities import extract_mentions
    except ImportError:
        return None
    return extract_mentions


def gold_text(gold: dict[str, Any], gold_file: Path) -> str:
    """The article text: in the gold record, or the seed file it names."""
    if gold.get("text"):
        return gold["text"]
    for folder in (gold_file.parent.parent / "seeds", ROOT / "seeds"):
        path = folder / gold["doc"]
        if path.exists():
            return path.read_text(encoding="utf-8")
    raise FileNotFoundError(f"no text for gold document {gold['doc']}")


def analyse(text: str, doc_id: str, extract_mentions: Optional[Callable]) -> tuple[Document, list]:
    doc = clean_article(Article(doc_id=doc_id, raw_text=text, origin="gold"))
    mentions = extract_mentions(doc) if extract_mentions else None
    return doc, extract_quotes(doc, mentions)


def prediction(quote) -> dict[str, Any]:
    return {
        "type": quote.type,
        "cue": quote.cue.text,
        "content": quote.content.text,
        "speaker": quote.speaker.text if quote.speaker else "",
        "speaker_canonical": quote.speaker_canonical,
    }


def run_gold(files: list[Path], extract_mentions: Optional[Callable]) -> dict[str, Any]:
    golds, preds = [], {}
    for gold_file in files:
        for gold in json.loads(gold_file.read_text(encoding="utf-8")):
            _, quotes = analyse(gold_text(gold, gold_file), gold["doc"], extract_mentions)
            preds[gold["doc"]] = [prediction(q) for q in quotes]
            golds.append(gold)
    return score_quotes(preds, golds)


def print_scores(scores: dict[str, Any], show_errors: bool) -> None:
    overall = scores["overall"]
    det, e2e = overall["detection"], overall["end_to_end"]
    print(f"quotes: gold {overall['n_gold']}  predicted {overall['n_pred']}  matched {overall['matched']}")
    print(f"detection   P {det['precision']:.3f}  R {det['recall']:.3f}  F1 {det['f1']:.3f}")
    print(f"end-to-end  P {e2e['precision']:.3f}  R {e2e['recall']:.3f}  F1 {e2e['f1']:.3f}")
    print(
        f"speaker accuracy {overall['speaker_accuracy']:.3f}  type accuracy {overall['type_accuracy']:.3f}"
        f"  cue accuracy {overall['cue_accuracy']:.3f}"
    )
    print("\nper document: gold pred matched det-F1 e2e-F1 speaker-acc")
    for doc, row in scores["per_doc"].items():
        print(
            f"  {doc:<55} {row['n_gold']:>3} {row['n_pred']:>3} {row['matched']:>3}"
            f"  {row['detection']['f1']:.2f}  {row['end_to_end']['f1']:.2f}  {row['speaker_accuracy']:.2f}"
        )
    if not show_errors:
        return
    errors = scores["errors"]
    print(f"\nmissed ({len(errors['missed'])})")
    for item in errors["missed"]:
        gold = item["gold"]
        print(f"  [{item['doc']}] {gold['cue']} | {gold['speaker'][0]} | {gold['content'][:100]}")
    print(f"\nspurious ({len(errors['spurious'])})")
    for item in errors["spurious"]:
        pred = item["pred"]
        print(f"  [{item['doc']}] {pred['cue']} | {pred['speaker']} | {pred['content'][:100]}")
    print(f"\nwrong speaker ({len(errors['wrong_speaker'])})")
    for item in errors["wrong_speaker"]:
        pred, gold = item["pred"], item["gold"]
        print(
            f"  [{item['doc']}] {pred['cue']} | pred {pred['speaker']!r} ({pred['speaker_canonical']!r})"
            f" | gold {gold['speaker'][:3]} | {gold['content'][:60]}"
        )


def throughput(limit: int, extract_mentions: Optional[Callable]) -> None:
    corpus = shared_dir() / "corpora" / "saudinewsnet"
    if not corpus.exists():
        print(f"\nthroughput: skipped, {corpus} not found")
        return
    from qawl.corpus import load_corpus

    docs = [clean_article(article) for article in load_corpus(corpus, limit=limit)]
    words = sum(len(doc.text.split()) for doc in docs)
    mentions = [extract_mentions(doc) if extract_mentions else None for doc in docs]
    started = time.perf_counter()
    n_quotes = sum(len(extract_quotes(doc, found)) for doc, found in zip(docs, mentions))
    seconds = time.perf_counter() - started
    print(
        f"\nthroughput: {len(docs)} SaudiNewsNet articles, {words} words, {n_quotes} quotes, "
        f"extract_quotes {seconds:.1f} s = {words / seconds:,.0f} words/s"
        f" ({'with' if extract_mentions else 'without'} mentions; cleaning and NER not timed)"
    )


def main(argv: Optional[list[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--gold", nargs="+", type=Path, help="gold file(s); default: seed + dev gold")
    parser.add_argument("--throughput", type=int, nargs="?", const=1000, default=0, metavar="N",
                        help="also time extraction over N SaudiNewsNet articles (default N: 1000)")
    parser.add_argument("--no-entities", action="store_true", help="do not use qawl.entities mentions")
    parser.add_argument("--quiet", action="store_true", help="numbers only, no error lists")
    args = parser.parse_args(argv)
    extract_mentions = mention_extractor(not args.no_entities)
    files = args.gold or [shared_dir() / "eval" / "seed_gold.json", shared_dir() / "eval" / "dev_gold.json"]
    missing = [f for f in files if not f.exists()]
    if missing:
        print(f"gold file(s) not found: {', '.join(map(str, missing))}")
        return 1
    print(f"gold: {', '.join(f.name for f in files)}; mentions: {'qawl.entities' if extract_mentions else 'none'}")
    print_scores(run_gold(files, extract_mentions), show_errors=not args.quiet)
    if args.throughput:
        throughput(args.throughput, extract_mentions)
    return 0


if __name__ == "__main__":
    sys.exit(main())
