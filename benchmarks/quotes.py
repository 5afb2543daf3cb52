"""Quote extraction benchmark: scores against gold files and measures throughput.

    .venv/bin/python benchmarks/quotes.py                      # every gold file, by part of the split
    .venv/bin/python benchmarks/quotes.py --gold FILE [FILE]   # any gold file(s) in that format
    .venv/bin/python benchmarks/quotes.py --throughput 1000    # also words/s over SaudiNewsNet
    .venv/bin/python benchmarks/quotes.py --no-entities        # without the entities stage

The pipeline is the project's: clean -> mentions (when ``qawl.entities``
provides ``extract_mentions``) -> ``extract_quotes``. Scores follow
``../shared/eval/ANNOTATION.md`` through ``benchmarks/scoring.py``.

Every gold article belongs to the development (dev) or the test part of
``benchmarks/split.json``; each part is reported on its own with 95% bootstrap
intervals over articles, and per gold file. Articles the split does not know
(a new ``--gold`` file) are reported as "unsplit". Per-document rows and error
lists are printed for dev and unsplit articles only: the test part is scored to
report, never to choose. A default run writes ``benchmarks/quotes_results.json``.
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
sys.path.insert(0, str(ROOT / "src"))  # this checkout's qawl, not the editable install's (a worktree of an older commit)
sys.path.insert(0, str(ROOT))

from benchmarks.scoring import (  # noqa: E402
    PARTS,
    QUOTE_MEASURES,
    SPLIT_FILE,
    UNSPLIT,
    gold_paths,
    interval_text,
    load_split,
    part_of,
    part_report,
    point_measures,
    quote_counts,
    run_record,
    score_quotes,
    write_results,
)
from qawl.clean import clean_article  # noqa: E402
from qawl.quotes import extract_quotes  # noqa: E402
from qawl.schema import Article, Document  # noqa: E402


RESULTS = ROOT / "benchmarks" / "quotes_results.json"


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


def tagger_name() -> str:
    """The class of the tagger that ``extract_mentions``' default backend resolves to here."""
    from qawl.entities import get_tagger

    return f"default backend: {type(get_tagger()).__name__}"


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


def run_gold(files: list[Path], extract_mentions: Optional[Callable]) -> tuple[dict, list, dict]:
    """Predictions for every gold article: (doc -> quote dicts, gold documents, doc -> gold file name)."""
    golds, preds, file_of = [], {}, {}
    for gold_file in files:
        for gold in json.loads(gold_file.read_text(encoding="utf-8")):
            _, quotes = analyse(gold_text(gold, gold_file), gold["doc"], extract_mentions)
            preds[gold["doc"]] = [prediction(q) for q in quotes]
            golds.append(gold)
            file_of[gold["doc"]] = gold_file.name
    return preds, golds, file_of


def evaluate(preds: dict, golds: list, file_of: dict, split: dict, resamples: int = 1000) -> dict[str, Any]:
    """Scores per part of the split (dev, test, and unsplit articles) with bootstrap intervals,
    point scores per gold file and part, and per-document rows and errors of the parts that may be read.

    Each part is scored on its own, so nothing about a test article but its counts leaves this function.
    """
    by_part: dict[str, list] = {}
    for gold in golds:
        by_part.setdefault(part_of(gold["doc"], split), []).append(gold)
    parts, readable = {}, {}
    for part, part_golds in by_part.items():
        scores = score_quotes(preds, part_golds)
        docs = [gold["doc"] for gold in part_golds]
        parts[part] = part_report(scores["per_doc"], docs, QUOTE_MEASURES, quote_counts, resamples=resamples)
        by_file: dict[str, list] = {}
        for doc in docs:
            by_file.setdefault(file_of[doc], []).append(doc)
        parts[part]["by_file"] = {
            name: point_measures(scores["per_doc"], file_docs, QUOTE_MEASURES, quote_counts)
            for name, file_docs in by_file.items()
        }
        if part != "test":  # the test part is scored only to report: no per-article output, no errors
            readable[part] = {"per_doc": scores["per_doc"], "errors": scores["errors"]}
    order = [p for p in (*PARTS, UNSPLIT) if p in parts]
    return {"parts": {p: parts[p] for p in order}, "readable": {p: readable[p] for p in order if p in readable}}


def print_parts(result: dict[str, Any]) -> None:
    for part, report in result["parts"].items():
        m, c = report["measures"], report["counts"]
        print(f"\n== {part}: {report['articles']} articles, {c.get('gold', 0)} gold quotes, "
              f"{c.get('pred', 0)} predicted, {c.get('matched', 0)} matched (95% bootstrap intervals over articles) ==")
        for label, prefix in (("detection", "detection_"), ("end-to-end", "end_to_end_")):
            print(f"  {label:<11} P {interval_text(m[prefix + 'precision'])}  R {interval_text(m[prefix + 'recall'])}"
                  f"  F1 {interval_text(m[prefix + 'f1'])}")
        print(f"  speaker accuracy {interval_text(m['speaker_accuracy'])}  type {interval_text(m['type_accuracy'])}"
              f"  cue {interval_text(m['cue_accuracy'])}")
        print(f"  named-speaker share {interval_text(m['named_speaker_share'])} "
              f"({c.get('named_ok', 0)} of {c.get('named_gold', 0)} matched quotes whose gold speaker has a name)")
    print(f"\nby gold file and part: {'articles':>8} {'gold':>5} {'pred':>5} {'det-F1':>7} {'speaker':>7} {'e2e-F1':>7} {'named':>6}")
    for part, report in result["parts"].items():
        for name, row in report["by_file"].items():
            m, c = row["measures"], row["counts"]
            print(f"  {name:<18} {part:<7} {row['articles']:>8} {c['gold']:>5} {c['pred']:>5} "
                  f"{m['detection_f1']:>7.3f} {m['speaker_accuracy']:>7.3f} {m['end_to_end_f1']:>7.3f}"
                  f" {m['named_speaker_share']:>6.3f}")


def print_details(part: str, scores: dict[str, Any], show_errors: bool) -> None:
    """Per-document rows and error lists of one readable part (never the test part)."""
    print(f"\n[{part}] per document: gold pred matched det-F1 e2e-F1 speaker-acc")
    for doc, row in scores["per_doc"].items():
        print(
            f"  {doc:<55} {row['n_gold']:>3} {row['n_pred']:>3} {row['matched']:>3}"
            f"  {row['detection']['f1']:.2f}  {row['end_to_end']['f1']:.2f}  {row['speaker_accuracy']:.2f}"
        )
    if not show_errors:
        return
    errors = scores["errors"]
    print(f"\n[{part}] missed ({len(errors['missed'])})")
    for item in errors["missed"]:
        gold = item["gold"]
        print(f"  [{item['doc']}] {gold['cue']} | {gold['speaker'][0]} | {gold['content'][:100]}")
    print(f"\n[{part}] spurious ({len(errors['spurious'])})")
    for item in errors["spurious"]:
        pred = item["pred"]
        print(f"  [{item['doc']}] {pred['cue']} | {pred['speaker']} | {pred['content'][:100]}")
    print(f"\n[{part}] wrong speaker ({len(errors['wrong_speaker'])})")
    for item in errors["wrong_speaker"]:
        pred, gold = item["pred"], item["gold"]
        print(
            f"  [{item['doc']}] {pred['cue']} | pred {pred['speaker']!r} ({pred['speaker_canonical']!r})"
            f" | gold {gold['speaker'][:3]} | {gold['content'][:60]}"
        )
    unnamed = errors.get("unnamed_speaker", [])
    print(f"\n[{part}] speaker without the name the gold gives ({len(unnamed)})")
    for item in unnamed:
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
    parser.add_argument("--gold", nargs="+", type=Path, help="gold file(s); default: every gold file (scoring.GOLD_FILES)")
    parser.add_argument("--throughput", type=int, nargs="?", const=1000, default=0, metavar="N",
                        help="also time extraction over N SaudiNewsNet articles (default N: 1000)")
    parser.add_argument("--no-entities", action="store_true", help="do not use qawl.entities mentions")
    parser.add_argument("--quiet", action="store_true", help="numbers only: no per-document rows, no error lists")
    parser.add_argument("--resamples", type=int, default=1000, help="bootstrap resamples (default 1000)")
    parser.add_argument("--out", type=Path, help="results JSON (default: benchmarks/quotes_results.json "
                        "for a default run; none with --gold or --no-entities unless given)")
    args = parser.parse_args(argv)
    extract_mentions = mention_extractor(not args.no_entities)
    files = args.gold or gold_paths(shared_dir())
    missing = [f for f in files if not f.exists()]
    if missing:
        print(f"gold file(s) not found: {', '.join(map(str, missing))}")
        return 1
    out = args.out or (None if args.gold or args.no_entities else RESULTS)
    mentions = f"qawl.entities.extract_mentions ({tagger_name()})" if extract_mentions else "none"
    print(f"gold: {', '.join(f.name for f in files)}; mentions: {mentions}; split: {SPLIT_FILE.name}")
    started = time.perf_counter()
    preds, golds, file_of = run_gold(files, extract_mentions)
    result = evaluate(preds, golds, file_of, load_split(), resamples=args.resamples)
    print_parts(result)
    if not args.quiet:
        for part, scores in result["readable"].items():
            print_details(part, scores, show_errors=True)
    if out:
        write_results(out, {
            "benchmark": "quotes",
            **run_record(),
            "command": "benchmarks/quotes.py " + " ".join(argv if argv is not None else sys.argv[1:]),
            "gold_files": [f.name for f in files],
            "mentions": mentions,
            "split": {"file": SPLIT_FILE.name, "test_ids_sha256": json.loads(SPLIT_FILE.read_text(encoding="utf-8"))["test_ids_sha256"]},
            "bootstrap": {"resamples": args.resamples, "seed": 14, "level": 0.95, "unit": "article",
                          "statistic": "micro measures from summed per-article counts, percentile interval"},
            "seconds": round(time.perf_counter() - started, 1),
            "parts": result["parts"],
        })
        print(f"\nresults: {out}")
    if args.throughput:
        throughput(args.throughput, extract_mentions)
    return 0


if __name__ == "__main__":
    sys.exit(main())
