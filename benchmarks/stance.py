"""Stance benchmark: P/R/F1 as ``../shared/eval/ANNOTATION.md`` defines it.

Two modes on every gold document:

- ``e2e``: clean -> entities -> quotes -> stances (entities and quotes when
  their modules import; without entities the stage runs with no mentions);
- ``oracle``: the gold quotes (and gold entity mentions) located in the
  cleaned text, so stance errors are seen apart from quote errors.

Every gold article belongs to the development (dev) or the test part of
``benchmarks/split.json``; each part is reported on its own with 95% bootstrap
intervals over articles, and per gold file. Per-document rows and error cases
are printed for dev (and articles the split does not know) only: the test part
is scored to report, never to choose. A default run writes
``benchmarks/stance_results.json``.

Usage::

    .venv/bin/python benchmarks/stance.py                  # every gold file, both modes, by part of the split
    .venv/bin/python benchmarks/stance.py --gold FILE --mode oracle --errors 50
    .venv/bin/python benchmarks/stance.py --no-entities    # without any entity mentions
    .venv/bin/python benchmarks/stance.py --rules-only     # the rules without the learned reader

The default stance reader adds the packaged learned model (``src/qawl/data/stance_model.json``)
to the rules, as users get it. That model was fitted on the dev part, so its dev scores here are
in-sample; its honest dev estimate is the cross-validation of ``benchmarks/stance_model.py``.
"""
from __future__ import annotations

import argparse
import json
import logging
import os
import re
import sys
import time
from pathlib import Path
from typing import Optional

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))  # this checkout's qawl, not the editable install's (a worktree of an older commit)
sys.path.insert(0, str(ROOT))

from benchmarks.scoring import (  # noqa: E402
    PARTS,
    SPLIT_FILE,
    STANCE_COUNTS,
    STANCE_MEASURES,
    UNSPLIT,
    gold_paths,
    greedy_pairs,
    interval_text,
    load_split,
    part_of,
    part_report,
    point_measures,
    run_record,
    score_stances,
    speaker_matches,
    stance_matches,
    target_matches,
    write_results,
)

from qawl.clean import clean_article, match_form  # noqa: E402
from qawl.schema import Article, Document, Mention, Quote, make_span  # noqa: E402
from qawl.stance import CONFIDENCE_FILE, confidence_features, extract_stances, load_lexicon  # noqa: E402
from qawl.stance.model import load_model  # noqa: E402

logger = logging.getLogger("benchmarks.stance")

SHARED = Path(os.environ.get("QAWL_SHARED", ROOT.parent / "shared"))
RESULTS = ROOT / "benchmarks" / "stance_results.json"
SEEDS = ROOT / "seeds"
SKIPPED_CHARS_RE = re.compile("[\u064b-\u065f\u0670\u0640]")  # diacritics and tatweel
ANONYMOUS_RE = re.compile(r"^(?:ال)?مصادر|^(?:ال)?مصدر|^مسؤول(?:ون)? ")
MEDIA_RE = re.compile(r"وكالة|صحيفة|قناة|وسائل إعلام|تلفزيون|التليفزيون|إذاعة|موقع")
ORGANISATION_RE = re.compile(r"^(?:ال)?(?:هيئة|رئاسة|وزارة|مجلس|الاتحاد|اتحاد|جيش|حزب|شركة|صندوق|منظمة|المرصد|حكومة|الحكومة)|^واشنطن|^دمشق")


# --- locating gold strings in the cleaned text ------------------------------------


def _normalised(text: str) -> tuple[str, list[int]]:
    """Text in matching form with space runs collapsed, and each character's offset in ``text``."""
    chars, offsets = [], []
    for offset, char in enumerate(text):
        if SKIPPED_CHARS_RE.match(char):
            continue
        if char.isspace():
            if chars and chars[-1] == " ":
                continue
            char = " "
        chars.append(match_form(char) or char)
        offsets.append(offset)
    return "".join(chars), offsets


def _needle(text: str) -> str:
    return _normalised(text.strip())[0]


def find_all(text: str, needle: str) -> list[tuple[int, int]]:
    """Every ``(start, end)`` of ``needle`` in ``text``, compared in matching form."""
    haystack, offsets = _normalised(text)
    key = _needle(needle)
    spans, at = [], haystack.find(key) if key else -1
    while at >= 0:
        end = offsets[at + len(key) - 1] + 1
        spans.append((offsets[at], end))
        at = haystack.find(key, at + 1)
    return spans


def _nearest(spans: list[tuple[int, int]], anchor: int, before: bool = True) -> Optional[tuple[int, int]]:
    if not spans:
        return None
    preferred = [s for s in spans if (s[1] <= anchor if before else s[0] >= anchor)]
    return min(preferred or spans, key=lambda s: abs((s[1] if before else s[0]) - anchor))


def speaker_kind(names: list[str]) -> str:
    name = names[0] if names else ""
    if ANONYMOUS_RE.search(name):
        return "anonymous"
    if MEDIA_RE.search(name):
        return "media"
    if ORGANISATION_RE.search(name):
        return "organisation"
    return "person" if name else "unknown"


def oracle_quotes(doc: Document, gold: dict) -> list[Quote]:
    """Gold quotes as ``Quote`` records located in the cleaned text (unlocatable ones dropped)."""
    text, quotes = doc.text, []
    for item in gold.get("quotes", []):
        content = find_all(text, item["content"])
        if not content:
            logger.warning("%s: gold content not found: %.50s", gold["doc"], item["content"])
            continue
        start, end = content[0]
        cue = _nearest(find_all(text, item["cue"]), start, before=True) if item.get("cue") else None
        if cue is None or start - cue[1] > 400:
            cue = _nearest(find_all(text, item.get("cue") or ":"), end, before=False) or (start, start)
        speaker_span = None
        for name in item.get("speaker", []):
            found = _nearest(find_all(text, name), cue[0], before=True)
            if found and abs(found[0] - cue[0]) < 400:
                speaker_span = make_span(text, *found)
                break
        names = item.get("speaker", [])
        quotes.append(Quote(
            type=item.get("type", "indirect"),
            cue=make_span(text, *cue),
            content=make_span(text, start, end),
            speaker=speaker_span,
            speaker_canonical=names[0] if names else "",
            speaker_kind=speaker_kind(names),
            speaker_is_pronoun=bool(item.get("speaker_is_pronoun")),
            block_role=doc.block_role(start),
        ))
    return quotes


def oracle_mentions(doc: Document, gold: dict) -> list[Mention]:
    """Every occurrence of every gold entity string, canonical = the group's fullest form."""
    mentions, taken = [], set()
    for label, groups in gold.get("entities", {}).items():
        for group in groups:
            for name in sorted(group, key=len, reverse=True):
                for start, end in find_all(doc.text, name):
                    if start > 0 and doc.text[start - 1].isalpha() and not (
                            start > 1 and doc.text[start - 1] in "وفبل" and not doc.text[start - 2].isalpha()):
                        continue
                    if any(s <= start < e for s, e in taken):
                        continue
                    taken.add((start, end))
                    mentions.append(Mention(start, end, doc.text[start:end], label, group[0]))
    return sorted(mentions, key=lambda m: m.start)


# --- end to end -------------------------------------------------------------------


def pipeline_quotes(doc: Document, use_entities: bool = True) -> tuple[list[Mention], list[Quote], str]:
    """Mentions and quotes from the project's own stages, with a note of what ran."""
    note = []
    if not use_entities:
        mentions = []
        note.append("no entities (--no-entities)")
    else:
        try:
            from qawl.entities import extract_mentions

            mentions = extract_mentions(doc)
            note.append("entities")
        except ImportError as error:
            mentions = []
            note.append(f"no entities ({error})")
    from qawl.quotes import extract_quotes

    return mentions, extract_quotes(doc, mentions), ", ".join(note)


# --- running ------------------------------------------------------------------------


def load_gold(paths: list[Path]) -> tuple[list[dict], dict[str, str]]:
    """Gold documents of ``paths`` in order, and doc id -> gold file name."""
    docs, file_of = [], {}
    for path in paths:
        for gold in json.loads(Path(path).read_text(encoding="utf-8")):
            docs.append(gold)
            file_of[gold["doc"]] = Path(path).name
    return docs, file_of


def raw_text(gold: dict) -> str:
    if gold.get("text"):
        return gold["text"]
    return (SEEDS / Path(gold["doc"]).name).read_text(encoding="utf-8")


def stance_dicts(stances) -> list[dict]:
    """Predicted stances as scored: neutral ones are left out (the gold lists only favor/against)."""
    return [{"speaker": s.speaker, "target": s.target, "polarity": s.polarity, "quote": s.quote,
             "evidence": " | ".join(s.evidence), "rules": " ".join(getattr(s, "rules", []) or []),
             "confidence": getattr(s, "confidence", 0.0), "features": confidence_features(s)}
            for s in stances if s.polarity in ("favor", "against")]


def _about_same(pred: dict, gold: dict) -> bool:
    """Same speaker and target (as the scoring rule compares them), whatever the polarity."""
    return speaker_matches(pred.get("speaker") or "", "", gold["speaker"]) and target_matches(
        pred.get("target") or "", gold["target"])


def polarity_pairs(predictions: dict, golds: list[dict]) -> tuple[int, int]:
    """(pairs, same polarity) over predicted and gold stances paired on speaker and target alone
    (one-to-one, a pair with the same polarity first): the polarity accuracy of issue 15."""
    pairs = agree = 0
    for gold in golds:
        preds, gold_stances = predictions.get(gold["doc"], []), gold.get("stances", [])
        score = lambda p, g: (2.0 if p["polarity"] == g["polarity"] else 1.0) if _about_same(p, g) else 0.0
        for p, g in greedy_pairs(preds, gold_stances, score):
            pairs += 1
            agree += preds[p]["polarity"] == gold_stances[g]["polarity"]
    return pairs, agree


RELIABILITY_EDGES = (0.0, 0.2, 0.3, 0.4, 0.5)  # lower edges of the confidence bins


def reliability(predictions: dict, golds: list[dict]) -> list[dict]:
    """Per confidence bin, the stances in it, their mean confidence and the share that matches a gold
    stance of the article: does a stance's ``confidence`` say how likely it is right?"""
    scored = []
    for gold in golds:
        for pred in predictions.get(gold["doc"], []):
            right = any(stance_matches(pred, g) for g in gold.get("stances", []))
            scored.append((float(pred.get("confidence") or 0.0), right))
    rows = []
    for k, low in enumerate(RELIABILITY_EDGES):
        high = RELIABILITY_EDGES[k + 1] if k + 1 < len(RELIABILITY_EDGES) else 1.01
        inside = [(c, r) for c, r in scored if low <= c < high]
        if inside:
            rows.append({"from": low, "stances": len(inside), "mean_confidence": round(sum(c for c, _ in inside) / len(inside), 3),
                         "share_right": round(sum(r for _, r in inside) / len(inside), 3)})
    return rows


def miss_causes(predictions: dict, golds: list[dict], missed: list[dict]) -> dict[str, list[dict]]:
    """Why each missed gold stance was missed (issue 15's table): ``wrong_polarity`` (a prediction
    with its speaker and target), ``target`` (the speaker has predicted stances, none about this
    target), ``no_stance`` (the speaker has no predicted stance at all)."""
    causes: dict[str, list[dict]] = {"wrong_polarity": [], "target": [], "no_stance": []}
    for error in missed:
        gold, preds = error["gold"], predictions.get(error["doc"], [])
        if any(_about_same(p, gold) for p in preds):
            causes["wrong_polarity"].append(error)
        elif any(speaker_matches(p.get("speaker") or "", "", gold["speaker"]) for p in preds):
            causes["target"].append(error)
        else:
            causes["no_stance"].append(error)
    return causes


def predict(mode: str, golds: list[dict], lexicon, use_entities: bool = True,
            model: Optional[dict] = None, reader: str = "model",
            min_confidence: Optional[float] = None) -> Optional[tuple[dict, list]]:
    """(doc -> predicted stance dicts, notes on what ran), or None when the quotes stage is missing.
    ``min_confidence`` None keeps the stage's default cut (``qawl.stance.params.MIN_CONFIDENCE``)."""
    cut = {} if min_confidence is None else {"min_confidence": min_confidence}
    predictions, notes = {}, set()
    for gold in golds:
        doc = clean_article(Article(gold["doc"], raw_text=raw_text(gold), origin="gold"))
        if mode == "oracle":
            mentions = oracle_mentions(doc, gold) if use_entities else []
            quotes = oracle_quotes(doc, gold)
        else:
            try:
                mentions, quotes, note = pipeline_quotes(doc, use_entities)
            except ImportError as error:
                print(f"[{mode}] skipped: the quotes stage is not importable ({error})")
                return None
            notes.add(note)
        stances = extract_stances(doc, quotes, mentions, lexicon=lexicon, model=model, reader=reader, **cut)
        predictions[gold["doc"]] = stance_dicts(stances)
    return predictions, sorted(notes)


def evaluate(predictions: dict, golds: list[dict], file_of: dict, split: dict, resamples: int = 1000) -> dict:
    """Scores per part of the split with bootstrap intervals, per gold file and part, and the
    per-document rows and errors of the readable parts (dev, unsplit; never test)."""
    by_part: dict[str, list] = {}
    for gold in golds:
        by_part.setdefault(part_of(gold["doc"], split), []).append(gold)
    parts, readable = {}, {}
    for part, part_golds in by_part.items():
        scores = score_stances(predictions, part_golds)
        docs = [gold["doc"] for gold in part_golds]
        parts[part] = part_report(scores["per_doc"], docs, STANCE_MEASURES, stance_counts, resamples=resamples)
        by_file: dict[str, list] = {}
        for doc in docs:
            by_file.setdefault(file_of[doc], []).append(doc)
        parts[part]["by_file"] = {name: point_measures(scores["per_doc"], file_docs, STANCE_MEASURES, stance_counts)
                                  for name, file_docs in by_file.items()}
        pairs, agree = polarity_pairs(predictions, part_golds)
        parts[part]["polarity"] = {"pairs": pairs, "agree": agree, "accuracy": round(agree / pairs, 4) if pairs else 0.0}
        parts[part]["reliability"] = reliability(predictions, part_golds)
        if part != "test":  # the test part is scored only to report: no per-article output, no errors
            scores["causes"] = miss_causes(predictions, part_golds, scores["errors"]["missed"])
            readable[part] = scores
    order = [p for p in (*PARTS, UNSPLIT) if p in parts]
    return {"parts": {p: parts[p] for p in order}, "readable": {p: readable[p] for p in order if p in readable}}


def stance_counts(row: dict) -> dict:
    return {key: row.get(key, 0) for key in STANCE_COUNTS}


def report_parts(mode: str, result: dict, notes: list) -> None:
    print(f"\n== stances, {mode} ==" + (f"  ({'; '.join(notes)})" if notes else ""))
    print("  (95% bootstrap intervals over articles)")
    for part, row in result["parts"].items():
        m, c = row["measures"], row["counts"]
        print(f"  {part:<7} {row['articles']:>3} articles, gold {c.get('gold', 0):>3}, predicted {c.get('pred', 0):>3}, "
              f"matched {c.get('matched', 0):>3}:  P {interval_text(m['precision'])}  R {interval_text(m['recall'])}"
              f"  F1 {interval_text(m['f1'])}")
        pol = row["polarity"]
        print(f"  {'':<7} polarity accuracy on {pol['pairs']} speaker-target pairs: {pol['accuracy']:.3f}")
        print(f"  {'':<7} reliability (confidence from: stances, mean confidence, share right): " + "; ".join(
            f"{b['from']:.1f}: {b['stances']}, {b['mean_confidence']:.2f}, {b['share_right']:.2f}"
            for b in row.get("reliability", [])))
    print(f"  by gold file and part: {'articles':>8} {'gold':>5} {'pred':>5} {'ok':>4} {'P':>6} {'R':>6} {'F1':>6}")
    for part, row in result["parts"].items():
        for name, file_row in row["by_file"].items():
            m, c = file_row["measures"], file_row["counts"]
            print(f"    {name:<18} {part:<7} {file_row['articles']:>8} {c['gold']:>5} {c['pred']:>5} {c['matched']:>4}"
                  f" {m['precision']:>6.3f} {m['recall']:>6.3f} {m['f1']:>6.3f}")


def report_details(mode: str, part: str, result: dict, max_errors: int) -> None:
    """Per-document rows and error cases of one readable part (never the test part)."""
    print(f"\n-- [{mode}, {part}] per document")
    print(f"{'doc':<52} {'pred':>4} {'gold':>4} {'ok':>3} {'P':>5} {'R':>5} {'F1':>5}")
    for doc, row in result["per_doc"].items():
        print(f"{doc[:52]:<52} {row['pred']:>4} {row['gold']:>4} {row['matched']:>3} "
              f"{row['precision']:>5.2f} {row['recall']:>5.2f} {row['f1']:>5.2f}")
    causes = result.get("causes", {})
    print(f"-- [{mode}, {part}] missed gold stances by cause: "
          + ", ".join(f"{cause} {len(errors)}" for cause, errors in causes.items()))
    for kind in ("missed", "spurious"):
        errors = result["errors"][kind]
        if kind == "missed" and causes:
            cause_of = {id(e): c for c, errors_ in causes.items() for e in errors_}
            errors = sorted(errors, key=lambda e: list(causes).index(cause_of.get(id(e), "no_stance")))
        print(f"-- [{mode}, {part}] {kind} ({len(errors)})")
        for error in errors[:max_errors]:
            item = error.get("gold") or error.get("pred")
            speaker = item["speaker"][0] if isinstance(item["speaker"], list) else item["speaker"]
            target = " / ".join(item["target"]) if isinstance(item["target"], list) else item["target"]
            extra = f"  [q{item['quote']}: {item['evidence']}; {item.get('rules', '')}]" if "evidence" in item else ""
            cause = f"{cause_of.get(id(error), ''):<14} " if kind == "missed" and causes else ""
            print(f"   {cause}{error['doc'][:28]:<28} {item['polarity']:<7} {speaker} -> {target}{extra}")


# --- the confidence model (issue 15: learned parts where they beat the rules) -------------


def _labelled(predictions: dict, golds: list[dict]) -> tuple[list[list[str]], list[int], list[str]]:
    """(features, 1 when the prediction matches a gold stance, doc) for every prediction."""
    features, labels, groups = [], [], []
    for gold in golds:
        preds = predictions.get(gold["doc"], [])
        pairs = greedy_pairs(preds, gold.get("stances", []),
                             lambda p, g: 1.0 if stance_matches(p, g) else 0.0)
        matched = {p for p, _ in pairs}
        for i, pred in enumerate(preds):
            features.append(pred["features"])
            labels.append(int(i in matched))
            groups.append(gold["doc"])
    return features, labels, groups


def fit_confidence(predictions: dict, golds: list[dict], folds: int = 5, seed: int = 15) -> dict:
    """Logistic regression from the stance features to "the stance is right", on the dev part
    only: cross-validated by article (GroupKFold) against the rule prior (the share of right
    stances of each first rule), then fitted on all of dev. Returns the model and the report."""
    import numpy as np
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import brier_score_loss, roc_auc_score
    from sklearn.model_selection import GroupKFold

    features, labels, groups = _labelled(predictions, golds)
    rows = [{f: 1.0 for f in feats} for feats in features]
    y, groups = np.array(labels), np.array(groups)
    scored = np.zeros(len(y))
    prior = np.zeros(len(y))
    thresholds = (0.0, 0.2, 0.3, 0.4, 0.5)
    kept = {t: [0, 0] for t in thresholds}  # threshold -> [predicted kept, right kept]
    for train, test in GroupKFold(n_splits=folds).split(rows, y, groups):
        vectoriser = DictVectorizer()
        model = LogisticRegression(C=1.0, max_iter=1000, random_state=seed)
        model.fit(vectoriser.fit_transform([rows[i] for i in train]), y[train])
        scored[test] = model.predict_proba(vectoriser.transform([rows[i] for i in test]))[:, 1]
        first_rule = lambda i: next((f for f in features[i] if f.startswith("rule=")), "")
        by_rule: dict[str, list[int]] = {}
        for i in train:
            by_rule.setdefault(first_rule(i), []).append(int(y[i]))
        base = float(y[train].mean())
        for i in test:
            seen = by_rule.get(first_rule(i), [])
            prior[i] = (sum(seen) + base) / (len(seen) + 1)
    gold_total = sum(len(g.get("stances", [])) for g in golds)
    for t in thresholds:
        keep = scored >= t
        kept[t] = [int(keep.sum()), int(y[keep].sum())]
    def f1(pred, right):
        p, r = (right / pred if pred else 0.0), right / gold_total if gold_total else 0.0
        return round(2 * p * r / (p + r), 4) if p + r else 0.0
    report = {
        "stances": int(len(y)), "right": int(y.sum()), "gold": gold_total, "folds": folds,
        "auc_model": round(float(roc_auc_score(y, scored)), 4), "auc_rule_prior": round(float(roc_auc_score(y, prior)), 4),
        "brier_model": round(float(brier_score_loss(y, scored)), 4),
        "brier_rule_prior": round(float(brier_score_loss(y, prior)), 4),
        "filter_f1_by_threshold": {str(t): f1(*kept[t]) for t in thresholds},
    }
    vectoriser = DictVectorizer()
    model = LogisticRegression(C=1.0, max_iter=1000, random_state=seed)
    model.fit(vectoriser.fit_transform(rows), y)
    weights = {name: round(float(w), 4) for name, w in zip(vectoriser.get_feature_names_out(), model.coef_[0])}
    return {"about": "stance confidence: logistic regression over qawl.stance.confidence_features, fitted on the "
                     "dev part of benchmarks/split.json by benchmarks/stance.py --fit-confidence",
            "intercept": round(float(model.intercept_[0]), 4), "weights": weights, "cross_validation": report}


def main(argv: Optional[list[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--gold", action="append", type=Path,
                        help="gold JSON file (repeatable); default: every gold file (scoring.GOLD_FILES)")
    parser.add_argument("--mode", choices=("both", "e2e", "oracle"), default="both")
    parser.add_argument("--lexicon", help="extra term,polarity file merged with ours")
    parser.add_argument("--model", type=Path, metavar="PATH",
                        help="a learned stance reader (benchmarks/stance_model.py --write PATH) instead of the "
                        "packaged one (src/qawl/data/stance_model.json)")
    parser.add_argument("--rules-only", action="store_true",
                        help="the rules alone, without the learned reader (extract_stances(reader='rules'))")
    parser.add_argument("--min-confidence", type=float, metavar="P",
                        help="leave out stances of confidence under P (default: the stage's own cut, "
                        "qawl.stance.params.MIN_CONFIDENCE; 0 scores every stance found)")
    parser.add_argument("--no-entities", action="store_true",
                        help="no entity mentions (neither qawl.entities in e2e nor gold ones in oracle)")
    parser.add_argument("--errors", type=int, default=40, help="error cases shown per list (dev part only)")
    parser.add_argument("--quiet", action="store_true", help="numbers only: no per-document rows, no error lists")
    parser.add_argument("--resamples", type=int, default=1000, help="bootstrap resamples (default 1000)")
    parser.add_argument("--fit-confidence", action="store_true",
                        help="fit the stance confidence model on the dev part (end to end), report its "
                        "cross-validation and write src/qawl/data/" + CONFIDENCE_FILE + "; nothing else")
    parser.add_argument("--out", type=Path, help="results JSON (default: benchmarks/stance_results.json for a "
                        "default run; none with --gold, --lexicon, --no-entities or one --mode unless given)")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.ERROR)
    paths = args.gold or gold_paths(SHARED)
    missing = [p for p in paths if not Path(p).exists()]
    if missing:
        print(f"gold file(s) not found: {', '.join(map(str, missing))} (set QAWL_SHARED)")
        return 2
    golds, file_of = load_gold(paths)
    split = load_split()
    lexicon = load_lexicon(args.lexicon)
    default_run = not (args.gold or args.lexicon or args.no_entities or args.mode != "both" or args.model
                       or args.rules_only or args.min_confidence is not None)
    reader = load_model(args.model) if args.model else None
    out = args.out or (RESULTS if default_run else None)
    print(f"gold: {', '.join(Path(p).name for p in paths)}; split: {SPLIT_FILE.name}")
    if not args.rules_only:
        print("stance reader: rules + learned model (fitted on dev: dev scores are in-sample; "
              "benchmarks/stance_model.py gives its cross-validated dev score)")
    if args.fit_confidence:
        dev = [gold for gold in golds if part_of(gold["doc"], split) == "dev"]
        # the rules' stances only: the packaged reader was fitted on dev, its stances there are in-sample
        predictions, _ = predict("e2e", dev, lexicon, use_entities=not args.no_entities, reader="rules",
                                 min_confidence=0)  # it learns what the cut then reads
        model = fit_confidence(predictions, dev)
        target = ROOT / "src" / "qawl" / "data" / CONFIDENCE_FILE
        target.write_text(json.dumps(model, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(json.dumps(model["cross_validation"], indent=1))
        print(f"model: {target}")
        return 0
    modes = ("e2e", "oracle") if args.mode == "both" else (args.mode,)
    record = {}
    for mode in modes:
        started = time.perf_counter()
        predicted = predict(mode, golds, lexicon, use_entities=not args.no_entities, model=reader,
                            reader="rules" if args.rules_only else "model", min_confidence=args.min_confidence)
        if predicted is None:
            continue
        predictions, notes = predicted
        result = evaluate(predictions, golds, file_of, split, resamples=args.resamples)
        seconds = time.perf_counter() - started
        report_parts(mode, result, notes)
        if not args.quiet:
            for part, scores in result["readable"].items():
                report_details(mode, part, scores, args.errors)
        print(f"({len(golds)} documents, {seconds:.1f} s)")
        record[mode] = {"notes": notes, "seconds": round(seconds, 1), "parts": result["parts"]}
    if out:
        write_results(out, {
            "benchmark": "stance",
            **run_record(),
            "command": "benchmarks/stance.py " + " ".join(argv if argv is not None else sys.argv[1:]),
            "gold_files": [Path(p).name for p in paths],
            "split": {"file": SPLIT_FILE.name,
                      "test_ids_sha256": json.loads(SPLIT_FILE.read_text(encoding="utf-8"))["test_ids_sha256"]},
            "bootstrap": {"resamples": args.resamples, "seed": 14, "level": 0.95, "unit": "article",
                          "statistic": "micro P/R/F1 from summed per-article counts, percentile interval"},
            "modes": record,
        })
        print(f"\nresults: {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
