"""Every rule of every registry: how often it fires, how often it is right, what it is worth.

    .venv/bin/python benchmarks/rules.py                       # all three registries
    .venv/bin/python benchmarks/rules.py --limit 200           # quick: 200 articles of each corpus
    .venv/bin/python benchmarks/rules.py --registry quotes     # one registry (repeatable)

One row per id of ``qawl.quotes.RULES``, ``qawl.stance.RULES`` and ``qawl.actors.RULES``:

- ``fires``: on the first ``--limit`` (default 1,000) articles of SaudiNewsNet and of ANT,
  the quotes, stances or alias-table rows that carry the id (the alias table is built
  from those articles' quotes, stances and mentions, as a run builds it);
- precision on the gold articles: of the quotes carrying the id, those that match a gold
  quote end to end (content paired as ``benchmarks/scoring.py`` pairs them, speaker
  right); of the stances carrying it, those paired with a gold stance. Per gold file and
  per part of ``benchmarks/split.json``;
- the ablation: the rule alone switched off (``qawl.quotes.DISABLED_RULES``,
  ``qawl.stance.disabled_rules``, ``build_aliases(disabled=...)``), quotes and stances rerun on
  the gold articles, and detection F1, speaker accuracy, end-to-end F1 and stance F1 on
  dev and on test, with the change from the full system. ``changed`` counts the gold
  articles whose quotes or stances differ at all: 0 means the switch did nothing there
  (for a rule that fires, the code may not consult it). For actor rules the ablation
  is merge precision/recall and role accuracy of ``benchmarks/actors.py`` on its
  500-article ANT run (``/tmp/actors_ant500``; skipped when that folder is missing).

The test part is reported, never used to choose anything. Entity mentions come from one
backend (``--backend``, default the CRF: fast, and what ``tools/regression_outputs.py``
records) and are computed once per article, cached under ``--cache``, and reused by every
ablation; the numbers of the full system here therefore differ from ``quotes.py`` and
``stance.py``, which use the default backend. Writes ``benchmarks/rules_results.json``.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import logging
import os
import sys
import tempfile
import time
from collections import Counter
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Callable, Optional

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "src"))

from benchmarks.scoring import (  # noqa: E402
    PARTS,
    QUOTE_MEASURES,
    STANCE_MEASURES,
    _quote_score,
    gold_paths,
    greedy_pairs,
    load_split,
    part_of,
    point_measures,
    quote_counts,
    run_record,
    score_quotes,
    score_stances,
    speaker_matches,
    stance_matches,
    write_results,
)
from qawl import actors, quotes, stance  # noqa: E402
from qawl.clean import clean_article  # noqa: E402
from qawl.schema import Article, Document, Mention  # noqa: E402

RESULTS = ROOT / "benchmarks" / "rules_results.json"
CORPORA = ("saudinewsnet", "ant")
REGISTRIES = {"quotes": quotes.RULES, "stance": stance.RULES, "actors": actors.RULES}
QUOTE_SCORES = ("detection_f1", "speaker_accuracy", "end_to_end_f1")
ACTORS_RUN = Path("/tmp/actors_ant500")

logger = logging.getLogger("benchmarks.rules")


def shared_dir() -> Path:
    return Path(os.environ.get("QAWL_SHARED", ROOT.parent / "shared"))


# --- documents and their mentions (computed once, cached) ---------------------------------


def text_digest(doc: Document) -> str:
    return hashlib.sha256(doc.text.encode("utf-8")).hexdigest()[:16]


def read_cache(path: Path) -> dict[str, dict]:
    if not path.exists():
        return {}
    with path.open(encoding="utf-8") as handle:
        records = (json.loads(line) for line in handle if line.strip())
        return {(r["doc_id"], r["digest"]): r for r in records}


def cached_mentions(docs: list[Document], backend: str, cache: Path) -> list[list[Mention]]:
    """The mentions of ``docs`` from ``backend``; those of documents not in ``cache`` are
    computed (in one batch) and appended to it."""
    from qawl.entities import extract_mentions_batch

    known = read_cache(cache)
    keys = [(doc.doc_id, text_digest(doc)) for doc in docs]
    missing = [doc for doc, key in zip(docs, keys) if key not in known]
    if missing:
        started = time.process_time()
        found = extract_mentions_batch(missing, backend=backend)
        logger.info("tagged %d documents with %s in %.0f CPU s", len(missing), backend, time.process_time() - started)
        cache.parent.mkdir(parents=True, exist_ok=True)
        with cache.open("a", encoding="utf-8") as handle:
            for doc, mentions in zip(missing, found):
                record = {"doc_id": doc.doc_id, "digest": text_digest(doc),
                          "mentions": [[m.start, m.end, m.text, m.label, m.canonical] for m in mentions]}
                known[(record["doc_id"], record["digest"])] = record
                handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return [[Mention(*m) for m in known[key]["mentions"]] for key in keys]


def corpus_documents(limit: int) -> tuple[list[Document], int]:
    """The first ``limit`` articles of each corpus, cleaned, and how many records the reader skipped."""
    from qawl.corpus import load_corpus, logger as corpus_logger
    from qawl.engine import quiet

    docs, skipped = [], []
    with quiet(corpus_logger):  # one count below, not a line per empty record
        for name in CORPORA:
            articles = load_corpus(shared_dir() / "corpora" / name, limit=limit, skipped=skipped)
            docs += [clean_article(article) for article in articles]
    return docs, len(skipped)


def gold_documents() -> tuple[list[dict], list[Document], dict[str, str]]:
    """Every gold article (scoring.GOLD_FILES order), its cleaned document, and doc id -> gold file."""
    from benchmarks.quotes import gold_text

    golds, docs, file_of = [], [], {}
    for path in gold_paths(shared_dir()):
        for gold in json.loads(path.read_text(encoding="utf-8")):
            golds.append(gold)
            docs.append(clean_article(Article(doc_id=gold["doc"], raw_text=gold_text(gold, path), origin="gold")))
            file_of[gold["doc"]] = path.name
    return golds, docs, file_of


# --- switching one rule off ---------------------------------------------------------------


def rule_off(registry: str, rule: Optional[str]):
    if rule is None:
        return _nothing_off()
    return quotes.disabled_rules(rule) if registry == "quotes" else stance.disabled_rules(rule)


@contextmanager
def _nothing_off():
    yield


# --- running quotes and stances -------------------------------------------------------------


def analyse(docs: list[Document], mentions: list[list[Mention]]) -> list[tuple[list, list]]:
    """(quotes, stances) of every document."""
    results = []
    for doc, found in zip(docs, mentions):
        doc_quotes = quotes.extract_quotes(doc, found)
        results.append((doc_quotes, stance.extract_stances(doc, doc_quotes, found)))
    return results


def quote_dict(quote) -> dict[str, Any]:
    return {"type": quote.type, "cue": quote.cue.text, "content": quote.content.text,
            "speaker": quote.speaker.text if quote.speaker else "",
            "speaker_canonical": quote.speaker_canonical, "rules": list(quote.rules)}


def stance_dict(item) -> dict[str, Any]:
    return {"speaker": item.speaker, "target": item.target, "polarity": item.polarity, "rules": list(item.rules)}


def predictions(golds: list[dict], results: list[tuple[list, list]]) -> tuple[dict, dict]:
    """doc -> quote dicts, doc -> scored stance dicts (favor and against, as stance.py scores)."""
    by_quote, by_stance = {}, {}
    for gold, (doc_quotes, doc_stances) in zip(golds, results):
        by_quote[gold["doc"]] = [quote_dict(q) for q in doc_quotes]
        by_stance[gold["doc"]] = [stance_dict(s) for s in doc_stances if s.polarity in ("favor", "against")]
    return by_quote, by_stance


# --- fires on the corpus ----------------------------------------------------------------


def corpus_fires(docs: list[Document], results: list[tuple[list, list]], mentions: list[list[Mention]],
                 registries: list[str]) -> dict[str, Counter]:
    """Per registry, rule id -> how many quotes, stances or alias rows carry it."""
    fires = {name: Counter() for name in registries}
    for doc_quotes, doc_stances in results:
        if "quotes" in fires:
            fires["quotes"].update(rule for q in doc_quotes for rule in set(q.rules))
        if "stance" in fires:
            fires["stance"].update(rule for s in doc_stances for rule in set(s.rules))
    if "actors" in fires:
        table = actors.build_aliases(corpus_occurrences(docs, mentions, results))
        fires["actors"].update(rule for value in table["rule"] for rule in set(str(value).split("+")))
        fires["actors"]["(alias rows)"] = len(table)
    return fires


def corpus_occurrences(docs, mentions, results):
    """The occurrences a run of these documents gives ``build_aliases``: its tables written as a
    run writes them (one partition), read back by ``qawl.actors.run_occurrences``."""
    from qawl.engine import DocumentResult, table_frames
    from qawl.pipeline import TABLE_SCHEMAS
    from qawl.tables import mark_complete, write_part

    rows = [DocumentResult(doc, found, doc_quotes, doc_stances)
            for doc, found, (doc_quotes, doc_stances) in zip(docs, mentions, results)]
    with tempfile.TemporaryDirectory(prefix="qawl_rules_") as run_dir:
        for name, frame in table_frames(rows).items():
            write_part(frame, run_dir, name, 0, schema=TABLE_SCHEMAS[name])
        mark_complete(run_dir, 0, {"partition": 0, "articles": len(docs)})
        return actors.run_occurrences(run_dir)


# --- precision on the gold ------------------------------------------------------------------


def right_quotes(preds: list[dict], golds: list[dict]) -> set[int]:
    """Indices of the predicted quotes that match a gold quote end to end."""
    pairs = greedy_pairs(preds, golds, _quote_score)
    return {p for p, g in pairs
            if speaker_matches(preds[p]["speaker"], preds[p]["speaker_canonical"], golds[g]["speaker"])}


def right_stances(preds: list[dict], golds: list[dict]) -> set[int]:
    pairs = greedy_pairs(preds, golds, lambda p, g: 1.0 if stance_matches(p, g) else 0.0)
    return {p for p, _ in pairs}


def rule_precision(golds: list[dict], preds: dict, key: str, right: Callable, file_of: dict,
                   split: dict) -> dict[str, dict]:
    """rule -> {"<file> <part>" and "<part>": [right, fired]} over the gold articles."""
    table: dict[str, dict] = {}
    for gold in golds:
        doc_preds = preds[gold["doc"]]
        good = right(doc_preds, gold.get(key, []))
        part = part_of(gold["doc"], split)
        for i, pred in enumerate(doc_preds):
            for rule in set(pred["rules"]):
                for where in (f"{file_of[gold['doc']]} {part}", part):
                    counts = table.setdefault(rule, {}).setdefault(where, [0, 0])
                    counts[0] += i in good
                    counts[1] += 1
    return table


# --- scores of a run on the gold ----------------------------------------------------------


def part_scores(golds: list[dict], by_quote: dict, by_stance: dict, split: dict) -> dict[str, dict]:
    """Point measures per part: quote detection F1, speaker accuracy, end-to-end F1, stance F1."""
    scores = {}
    for part in PARTS:
        part_golds = [g for g in golds if part_of(g["doc"], split) == part]
        docs = [g["doc"] for g in part_golds]
        quoted = point_measures(score_quotes(by_quote, part_golds)["per_doc"], docs, QUOTE_MEASURES, quote_counts)
        stanced = point_measures(score_stances(by_stance, part_golds)["per_doc"], docs, STANCE_MEASURES,
                                 lambda row: {k: row[k] for k in ("pred", "gold", "matched")})
        scores[part] = {**{m: round(quoted["measures"][m], 4) for m in QUOTE_SCORES},
                        "stance_f1": round(stanced["measures"]["f1"], 4)}
    return scores


def ablation(registry: str, rule: Optional[str], golds, docs, mentions, split) -> tuple[dict, dict, dict]:
    """(scores per part, quote predictions, stance predictions) with ``rule`` switched off."""
    with rule_off(registry, rule):
        by_quote, by_stance = predictions(golds, analyse(docs, mentions))
    return part_scores(golds, by_quote, by_stance, split), by_quote, by_stance


def changed_articles(full: tuple[dict, dict], off: tuple[dict, dict]) -> int:
    return sum(full[0][doc] != off[0][doc] or full[1][doc] != off[1][doc] for doc in full[0])


def deltas(scores: dict, base: dict) -> dict:
    return {part: {m: round(v - base[part][m], 4) for m, v in values.items()} for part, values in scores.items()}


# --- actors on the actors benchmark's run -------------------------------------------------


def actor_ablations(rules: list[str]) -> Optional[dict]:
    """Merge P/R and role accuracy of benchmarks/actors.py with each rule off; None without its run."""
    from benchmarks import actors as actors_bench

    if not (ACTORS_RUN / "tables").is_dir():
        return None
    occurrences = actors.run_occurrences(ACTORS_RUN)
    gold = actors_bench.read_tsv(actors_bench.GOLD / "aliases_gold.tsv")
    items = actors_bench.read_tsv(actors_bench.GOLD / "roles_gold.tsv")
    results = {}
    for rule in [None, *rules]:
        table = actors.build_aliases(occurrences, disabled={rule} if rule else ())
        keys, roles = dict(zip(table["form"], table["key"])), dict(zip(table["form"], table["role"]))
        predicted = {r["form"]: keys.get(r["form"], "missing:" + r["form"]) for r in gold}
        results[rule or "(all rules)"] = {part: _actor_part(actors_bench, gold, items, predicted, roles, part)
                                          for part in PARTS}
    return results


def _actor_part(bench, gold, items, predicted, roles, part) -> dict:
    rows = [r for r in gold if bench.part_of(r["key"] if r["key"] != bench.GENERIC else r["form"]) == part]
    pairs = bench.pair_scores(rows, predicted)
    role = bench.role_scores([i for i in items if bench.part_of(i["form"]) == part], roles)
    return {"merge_precision": pairs["precision"], "merge_recall": pairs["recall"], "role_accuracy": role["accuracy"]}


# --- printing ----------------------------------------------------------------------------


def ratio_text(counts: Optional[list]) -> str:
    if not counts or not counts[1]:
        return "-"
    return f"{counts[0] / counts[1]:.2f} ({counts[0]}/{counts[1]})"


def print_gold_table(registry: str, rows: list[dict], base: dict) -> None:
    score_names = ("detection_f1", "speaker_accuracy", "end_to_end_f1", "stance_f1") if registry == "quotes" \
        else ("stance_f1",)
    short = {"detection_f1": "det", "speaker_accuracy": "spk", "end_to_end_f1": "e2e", "stance_f1": "stance"}
    print(f"\n== {registry} rules: fires on the corpus, precision on the gold, and the change in scores "
          f"without the rule (full system: "
          + "; ".join(f"{part} " + " ".join(f"{short[m]} {base[part][m]:.3f}" for m in score_names) for part in PARTS)
          + ") ==")
    header = f"{'rule':<20} {'fires':>6}  {'precision dev':>16} {'precision test':>16} {'changed':>7}"
    for part in PARTS:
        header += "".join(f" {short[m] + ' ' + part:>12}" for m in score_names)
    print(header)
    for row in rows:
        line = (f"{row['id']:<20} {row['fires']:>6}  {ratio_text(row['precision'].get('dev')):>16}"
                f" {ratio_text(row['precision'].get('test')):>16} {row['changed_articles']:>7}")
        for part in PARTS:
            line += "".join(f" {row['delta'][part][m]:>+12.3f}" for m in score_names)
        print(line)


def print_file_precision(registry: str, rows: list[dict], columns: list[str]) -> None:
    print(f"\n{registry} rules, precision per gold file and part (right/fired):")
    print(f"  {'rule':<20} " + " ".join(f"{c.replace('_gold.json', ''):>14}" for c in columns))
    for row in rows:
        cells = [row["precision"].get(c) for c in columns]
        print(f"  {row['id']:<20} " + " ".join(f"{(f'{c[0]}/{c[1]}' if c else '-'):>14}" for c in cells))


def print_actor_table(rows: list[dict], base: Optional[dict]) -> None:
    print("\n== actors rules: alias rows carrying the rule on the corpus, and benchmarks/actors.py without it ==")
    if base is None:
        print(f"  (ablation skipped: {ACTORS_RUN} is missing; benchmarks/actors.py makes it)")
    else:
        print("  full system: " + "; ".join(
            f"{part} merge P {base[part]['merge_precision']:.3f} R {base[part]['merge_recall']:.3f}"
            f" roles {base[part]['role_accuracy']:.3f}" for part in PARTS))
    print(f"{'rule':<16} {'fires':>6}" + "".join(f" {n + ' ' + p:>12}" for p in PARTS for n in ("ΔmergeP", "ΔmergeR", "Δroles")))
    for row in rows:
        line = f"{row['id']:<16} {row['fires']:>6}"
        if row.get("delta"):
            line += "".join(f" {row['delta'][p][m]:>+12.3f}" for p in PARTS
                            for m in ("merge_precision", "merge_recall", "role_accuracy"))
        print(line)


# --- main --------------------------------------------------------------------------------


def gold_rows(registry: str, fires: Counter, golds, docs, mentions, file_of, split) -> tuple[list[dict], dict]:
    """One row per rule of ``registry`` (quotes or stance): fires, precision, ablation."""
    base, *full = ablation(registry, None, golds, docs, mentions, split)
    key, right = ("quotes", right_quotes) if registry == "quotes" else ("stances", right_stances)
    precision = rule_precision(golds, full[0] if registry == "quotes" else full[1], key, right, file_of, split)
    rows = []
    for rule in REGISTRIES[registry]:
        scores, *off = ablation(registry, rule, golds, docs, mentions, split)
        rows.append({"registry": registry, "id": rule, "fires": fires.get(rule, 0),
                     "precision": precision.get(rule, {}), "scores": scores, "delta": deltas(scores, base),
                     "changed_articles": changed_articles(tuple(full), tuple(off))})
    return rows, base


def actor_rows(fires: Counter) -> tuple[list[dict], Optional[dict]]:
    ablated = actor_ablations(list(actors.RULES))
    base = ablated["(all rules)"] if ablated else None
    rows = []
    for rule in actors.RULES:
        row = {"registry": "actors", "id": rule, "fires": fires.get(rule, 0)}
        if ablated:
            row["scores"] = ablated[rule]
            row["delta"] = {p: {m: round((ablated[rule][p][m] or 0) - (base[p][m] or 0), 4) for m in base[p]}
                            for p in PARTS}
        rows.append(row)
    return rows, base


def main(argv: Optional[list[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=int, default=1000, help="articles of each corpus (default 1000)")
    parser.add_argument("--registry", action="append", choices=list(REGISTRIES),
                        help="only this registry (repeatable; default all)")
    parser.add_argument("--backend", default="crf", help="entity backend (default crf)")
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "qawl_rules_cache",
                        help="folder of the cached mentions (default /tmp/qawl_rules_cache)")
    parser.add_argument("--out", type=Path, help="results JSON (default: benchmarks/rules_results.json for a "
                        "default run; none with --limit or --registry unless given)")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    registries = args.registry or list(REGISTRIES)
    started = time.perf_counter()
    cache = args.cache / args.backend
    docs, skipped = corpus_documents(args.limit)
    corpus_mentions = cached_mentions(docs, args.backend, cache / "corpus.jsonl")
    fires = corpus_fires(docs, analyse(docs, corpus_mentions), corpus_mentions, registries)
    print(f"corpus: the first {args.limit} articles of {' and of '.join(CORPORA)} ({len(docs)} articles, "
          f"{sum(len(d.text.split()) for d in docs):,} words; {skipped} empty or unreadable records "
          f"skipped); entity backend: {args.backend} "
          f"(mentions cached in {cache})")
    golds, gold_docs, file_of = gold_documents()
    gold_mentions = cached_mentions(gold_docs, args.backend, cache / "gold.jsonl")
    split = load_split()
    print(f"gold: {len(golds)} articles of {len(set(file_of.values()))} files; split {sum(1 for g in golds if part_of(g['doc'], split) == 'dev')} dev"
          f" / {sum(1 for g in golds if part_of(g['doc'], split) == 'test')} test (the test part is reported, never used to choose)")
    record = {"benchmark": "rules", **run_record(), "backend": args.backend, "limit_per_corpus": args.limit,
              "corpus_articles": len(docs), "registries": {}}
    columns = sorted({f"{f} {part_of(d, split)}" for d, f in file_of.items()},
                     key=lambda c: (c.split()[1], c))
    for registry in registries:
        if registry == "actors":
            rows, base = actor_rows(fires["actors"])
            print(f"\nalias table of the corpus articles: {fires['actors']['(alias rows)']} rows")
            print_actor_table(rows, base)
        else:
            rows, base = gold_rows(registry, fires[registry], golds, gold_docs, gold_mentions, file_of, split)
            print_gold_table(registry, rows, base)
            print_file_precision(registry, rows, columns)
        record["registries"][registry] = {"full_system": base, "rules": rows}
    record["seconds"] = round(time.perf_counter() - started, 1)
    default_run = args.limit == parser.get_default("limit") and registries == list(REGISTRIES)
    out = args.out or (RESULTS if default_run else None)
    if out:
        write_results(out, record)
    print(f"\n{record['seconds']} s" + (f"; results: {out}" if out else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
