"""Regression harness for speed work on clean, quotes and stance: outputs must not change.

``record`` runs clean -> entities (CRF) -> quotes -> stance over a fixed article
set and saves every output (the whole cleaned document, the mentions, every
field of every quote and stance) as JSON Lines. ``compare`` reruns clean,
quotes and stance with the *recorded* mentions (so that changes to the entity
tagger do not show up here), reports every difference, and prints the CPU time
and words/s of each stage.

    python tools/regression_outputs.py record  --out /tmp/qawl_regress/baseline.jsonl
    python tools/regression_outputs.py compare --baseline /tmp/qawl_regress/baseline.jsonl
    python tools/regression_outputs.py compare --recorded-docs   # quotes and stance only
    python tools/regression_outputs.py profile --stage quotes   # cProfile of one stage
    python tools/regression_outputs.py scale 1000 2000 4000     # quadratic paths

``--recorded-docs`` reads the cleaned documents from the baseline instead of
cleaning again: while someone else changes ``clean``, differences then come from
quotes and stance (and the helpers they import from clean, such as ``match_form``).

The article set: the first 500 articles of SaudiNewsNet, the first 500 of ANT,
the seeds, and a few synthetic articles that stress quadratic paths (many
short quoted paragraphs).
"""
from __future__ import annotations

import argparse
import cProfile
import dataclasses
import json
import pstats
import sys
import time
from pathlib import Path

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def synthetic_articles():
    """Articles with many short quoted paragraphs, the known quadratic input."""
    from qawl.schema import Article

    speakers = ["قال الرئيس محمد مرسي", "وأضاف وزير الخارجية سامح شكري", "وأكدت المتحدثة باسم الوزارة",
                "وقال", "من جهته قال الأمير سلمان بن عبدالعزيز", "وأوضح المصدر"]
    lines = ["عنوان: الرئيس يتحدث عن الأزمة"]
    for i in range(400):
        who = speakers[i % len(speakers)]
        if i % 3 == 0:
            lines.append(f'{who}: "إن الحكومة ستعمل على دعم الاقتصاد وتنتقد إسرائيل في الجلسة رقم {i}".')
        elif i % 3 == 1:
            lines.append(f"«نرفض العدوان على غزة وندين الاحتلال بشدة» {who} في بيان.")
        else:
            lines.append(f"{who} إن الولايات المتحدة تدعم السلام وتشيد بمصر.")
    yield Article("synthetic_400", "\n".join(lines), "synthetic#400")
    yield Article("synthetic_short", "\n".join(f'"نص {i}"' for i in range(300)), "synthetic#short")


def articles():
    from qawl.corpus import load_corpus

    yield from load_corpus(SHARED / "corpora" / "saudinewsnet", limit=500)
    yield from load_corpus(SHARED / "corpora" / "ant", limit=500)
    if SEEDS.exists():
        yield from load_corpus(SEEDS)
    yield from synthetic_articles()


def _plain(value):
    return json.loads(json.dumps(dataclasses.asdict(value), ensure_ascii=False))


def record(out: Path) -> None:
    from qawl.clean import clean_article
    from qawl.entities import extract_mentions
    from qawl.quotes import extract_quotes
    from qawl.stance import extract_stances

    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8") as handle:
        for n, article in enumerate(articles()):
            doc = clean_article(article)
            mentions = extract_mentions(doc, backend="crf")
            quotes = extract_quotes(doc, mentions)
            stances = extract_stances(doc, quotes, mentions)
            handle.write(json.dumps({
                "n": n, "origin": article.origin, "doc": _plain(doc),
                "mentions": [_plain(m) for m in mentions],
                "quotes": [_plain(q) for q in quotes],
                "stances": [_plain(s) for s in stances],
            }, ensure_ascii=False) + "\n")
    print(f"recorded {n + 1} articles into {out}")


def _load_baseline(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle]


def _first_difference(old, new, where: str = "") -> str:
    if type(old) is not type(new):
        return f"{where}: {old!r} != {new!r}"
    if isinstance(old, dict):
        for key in sorted(set(old) | set(new)):
            if old.get(key) != new.get(key):
                return _first_difference(old.get(key), new.get(key), f"{where}.{key}")
    if isinstance(old, list):
        if len(old) != len(new):
            return f"{where}: {len(old)} items != {len(new)} items"
        for i, (a, b) in enumerate(zip(old, new)):
            if a != b:
                return _first_difference(a, b, f"{where}[{i}]")
    return f"{where}: {old!r} != {new!r}"


def recorded_document(rec: dict):
    """The cleaned document as the baseline recorded it."""
    from qawl.schema import Document, Span

    fields = dict(rec["doc"])
    for name in ("blocks", "sentences", "tokens"):
        fields[name] = [Span(**span) for span in fields[name]]
    return Document(**fields)


def run_stages(baseline: list[dict], stages=("clean", "quotes", "stance"), repeat: int = 1,
               recorded_docs: bool = False):
    """Rerun the stages on every article; yield (record, outputs) and accumulate CPU time."""
    from qawl.clean import clean_article
    from qawl.quotes import extract_quotes
    from qawl.schema import Mention
    from qawl.stance import default_lexicon, extract_stances

    default_lexicon()  # loaded once, outside the timings
    times = {stage: 0.0 for stage in ("clean", "quotes", "stance")}
    words = 0
    results = []
    for rec, article in zip(baseline, articles()):
        assert rec["origin"] == article.origin, (rec["origin"], article.origin)
        mentions = [Mention(**m) for m in rec["mentions"]]
        for _ in range(repeat):
            t0 = time.process_time()
            doc = recorded_document(rec) if recorded_docs else clean_article(article)
            t1 = time.process_time()
            quotes = extract_quotes(doc, mentions)
            t2 = time.process_time()
            stances = extract_stances(doc, quotes, mentions)
            t3 = time.process_time()
            times["clean"] += t1 - t0
            times["quotes"] += t2 - t1
            times["stance"] += t3 - t2
        words += len(doc.text.split()) * repeat
        results.append((rec, doc, quotes, stances))
    return results, times, words


def compare(baseline_path: Path, repeat: int, recorded_docs: bool = False) -> int:
    baseline = _load_baseline(baseline_path)
    results, times, words = run_stages(baseline, repeat=repeat, recorded_docs=recorded_docs)
    if recorded_docs:
        del times["clean"]  # not run
    differences = 0
    for rec, doc, quotes, stances in results:
        new = {"doc": _plain(doc), "quotes": [_plain(q) for q in quotes],
               "stances": [_plain(s) for s in stances]}
        for key, value in new.items():
            if rec[key] != value:
                differences += 1
                if differences <= 20:
                    print(f"DIFF {rec['origin']}: {_first_difference(rec[key], value, key)}")
    print(f"{len(results)} articles, {words // repeat} words, {differences} differences")
    print(f"quotes {sum(len(r['quotes']) for r in baseline)}, "
          f"stances {sum(len(r['stances']) for r in baseline)}")
    for stage, seconds in times.items():
        print(f"{stage:7s} {seconds:7.2f} s CPU  {words / seconds:10.0f} words/s")
    total = sum(times.values())
    print(f"{'all3':7s} {total:7.2f} s CPU  {words / total:10.0f} words/s")
    return 1 if differences else 0


def profile(baseline_path: Path, stage: str, top: int) -> None:
    """cProfile one stage over the article set (the other stages unprofiled)."""
    from qawl.clean import clean_article
    from qawl.quotes import extract_quotes
    from qawl.schema import Mention
    from qawl.stance import default_lexicon, extract_stances

    default_lexicon()
    baseline = _load_baseline(baseline_path)
    profiler = cProfile.Profile()
    for rec, article in zip(baseline, articles()):
        mentions = [Mention(**m) for m in rec["mentions"]]
        if stage == "clean":
            profiler.enable()
        doc = clean_article(article)
        profiler.disable()
        if stage == "quotes":
            profiler.enable()
        quotes = extract_quotes(doc, mentions)
        profiler.disable()
        if stage == "stance":
            profiler.enable()
        extract_stances(doc, quotes, mentions)
        profiler.disable()
    stats = pstats.Stats(profiler)
    stats.sort_stats("tottime").print_stats(top)
    stats.sort_stats("cumulative").print_stats(top)


def quoted_paragraphs(n: int):
    """One article of ``n`` short quoted paragraphs, each with a named speaker."""
    from qawl.schema import Article

    names = ["محمد مرسي", "سامح شكري", "عادل الجبير", "جون كيري", "بان كي مون"]
    words = "الحكومة الاقتصاد السلام الحرب الشعب الأمن الحدود الاتفاق المفاوضات العدوان غزة إسرائيل".split()
    lines = [f'وقال {names[i % len(names)]}: "نرفض {words[i % 12]} و{words[i // 12 % 12]} '
             f'في {words[i // 144 % 12]} رقم {i}".' for i in range(n)]
    return Article(f"quoted_{n}", "\n".join(lines), f"synthetic#quoted_{n}")


def scale(sizes) -> None:
    """CPU time of each stage as the number of short quoted paragraphs grows (quadratic paths)."""
    from qawl.clean import clean_article
    from qawl.entities import extract_mentions
    from qawl.quotes import extract_quotes
    from qawl.stance import default_lexicon, extract_stances

    default_lexicon()
    for n in sizes:
        doc = clean_article(quoted_paragraphs(n))
        mentions = extract_mentions(doc, backend="crf")
        t0 = time.process_time()
        quotes = extract_quotes(doc, mentions)
        t1 = time.process_time()
        stances = extract_stances(doc, quotes, mentions)
        t2 = time.process_time()
        print(f"{n:6d} paragraphs, {len(mentions)} mentions, {len(quotes)} quotes, {len(stances)} stances: "
              f"quotes {t1 - t0:6.2f} s, stance {t2 - t1:6.2f} s CPU")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    rec = sub.add_parser("record")
    rec.add_argument("--out", type=Path, default=Path("/tmp/qawl_regress/baseline.jsonl"))
    cmp_ = sub.add_parser("compare")
    cmp_.add_argument("--baseline", type=Path, default=Path("/tmp/qawl_regress/baseline.jsonl"))
    cmp_.add_argument("--repeat", type=int, default=1)
    cmp_.add_argument("--recorded-docs", action="store_true",
                      help="quotes and stance on the recorded documents (clean is not rerun)")
    prof = sub.add_parser("profile")
    prof.add_argument("--baseline", type=Path, default=Path("/tmp/qawl_regress/baseline.jsonl"))
    prof.add_argument("--stage", choices=("clean", "quotes", "stance"), required=True)
    prof.add_argument("--top", type=int, default=40)
    scl = sub.add_parser("scale")
    scl.add_argument("sizes", type=int, nargs="*", default=[1000, 2000, 4000])
    args = parser.parse_args(argv)
    if args.command == "record":
        record(args.out)
        return 0
    if args.command == "compare":
        return compare(args.baseline, args.repeat, args.recorded_docs)
    if args.command == "scale":
        scale(args.sizes)
        return 0
    profile(args.baseline, args.stage, args.top)
    return 0


if __name__ == "__main__":
    sys.exit(main())
