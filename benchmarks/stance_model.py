"""Fit the learned stance reader (M-STANCE-MODEL) on the dev part and compare it with the rules.

    .venv/bin/python benchmarks/stance_model.py            # cross-validate on dev, print, no write
    .venv/bin/python benchmarks/stance_model.py --write /tmp/stance_model.json   # also fit on all of dev
    .venv/bin/python benchmarks/stance_model.py --write /tmp/m.json --score benchmarks/audit11_gold.json
                                                           # and score rules vs model on other articles

Every (quote, candidate phrase) pair of the dev articles — quotes and mentions from the
project's own stages, as users get them — is labelled favor / against / none by the gold
stances (the speaker and the target as ``scoring.stance_matches`` compares them). A
multinomial logistic regression (scikit-learn, only here: the package reads plain weights)
learns the labels. Five folds over dev articles (``GroupKFold``) give every dev article a
prediction from a model that never saw it; the decision threshold and the mode (``replace``:
the model decides every quote stance; ``add``: the rules' stances stay and the model adds
phrases they did not read) are chosen on those predictions by stance F1 (end to end, with the
narrated acts of the rules) on the dev batches no stance rule was chosen on (``UNTUNED``): on
the others the rules' score is inflated by their tuning. The test part is never read here; ``benchmarks/stance.py``
reports it with the written model.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "src"))

from benchmarks.scoring import (  # noqa: E402
    gold_paths, load_split, part_of, score_stances, speaker_matches, stance_matches, target_matches,
)
from benchmarks.stance import load_gold, pipeline_quotes, raw_text, stance_dicts  # noqa: E402
from qawl.clean import clean_article  # noqa: E402
from qawl.schema import Article  # noqa: E402
from qawl.stance import default_lexicon  # noqa: E402
from qawl.stance.candidates import _Candidate  # noqa: E402
from qawl.stance.extract import rule_finder, stance_records, with_confidence  # noqa: E402
from qawl.stance.merge import merge_stances  # noqa: E402
from qawl.stance.model import CLASSES, MODEL_RULE, NARRATED, apply_model, clause_pairs, narrated_clauses, quote_pairs  # noqa: E402

NARRATED_QUOTE_THRESHOLDS = (0.4, 0.5)
NARRATED_THRESHOLDS = (0.5, 0.6, 0.7, 0.8, 0.9, 1.01)  # 1.01: no narrated stance at all
THRESHOLDS = (0.4, 0.45, 0.5, 0.55, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9)
MODES = ("replace", "add")
# dev batches no stance rule was chosen on (they joined dev after the last stance round, 29e17a5; audit29-30 judged the session-18 reader, unread)
UNTUNED = tuple(f"audit{k}_gold.json" for k in range(7, 145))


def documents(paths: list[Path], part: str | None = "dev") -> list[dict]:
    """Each article of ``paths`` (of the split's ``part`` unless None) cleaned, with its pipeline
    mentions and quotes, and its gold."""
    golds, file_of = load_gold(paths)
    split = load_split()
    docs = []
    for gold in golds:
        if part is not None and part_of(gold["doc"], split) != part:
            continue
        doc = clean_article(Article(gold["doc"], raw_text=raw_text(gold), origin="gold"))
        mentions, quotes, _ = pipeline_quotes(doc)
        docs.append({"gold": gold, "doc": doc, "mentions": mentions, "quotes": quotes, "file": file_of[gold["doc"]]})
    return docs


def pair_label(finder, speaker: str, np: tuple[int, int], index: int, gold: dict) -> str:
    """favor / against when a gold stance has this speaker and this phrase's target, else none."""
    record = finder.stance_record(_Candidate(speaker, np[0], np[1], "favor", index))
    if record is None:
        return "none"
    for stance in gold.get("stances", []):
        if speaker_matches(speaker, "", stance["speaker"]) and target_matches(record.target, stance["target"]):
            return stance["polarity"]
    return "none"


def labelled_pairs(item: dict, lexicon, narrated: bool = False) -> list[tuple[dict, str]]:
    """The labelled pairs of the article's quotes (and of its narrated clauses when ``narrated``)."""
    finder = rule_finder(item["doc"], item["quotes"], item["mentions"], lexicon)
    rows = []
    for index, quote in enumerate(finder.quotes):
        speaker, pairs = quote_pairs(finder, index, quote)
        for np, features, _ in pairs:
            rows.append((features, pair_label(finder, speaker, np, index, item["gold"])))
    for clause in narrated_clauses(finder) if narrated else []:
        speaker, pairs = clause_pairs(finder, clause)
        for np, features, _ in pairs:
            rows.append((features, pair_label(finder, speaker, np, -1, item["gold"])))
    return rows


def fit(rows: list[tuple[dict, str]], c: float, seed: int) -> dict:
    """A multinomial logistic regression on ``rows``, as the plain weights ``apply_model`` reads."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vectoriser = DictVectorizer()
    x = vectoriser.fit_transform([features for features, _ in rows])
    y = [label for _, label in rows]
    model = LogisticRegression(C=c, max_iter=2000, class_weight="balanced", random_state=seed)
    model.fit(x, y)
    order = [list(model.classes_).index(cls) for cls in CLASSES]
    coef = model.coef_[order]
    weights = {name: [round(float(coef[k, j]), 5) for k in range(len(CLASSES))]
               for j, name in enumerate(vectoriser.get_feature_names_out()) if any(abs(coef[k, j]) > 1e-6 for k in range(len(CLASSES)))}
    return {"classes": list(CLASSES), "intercept": [round(float(model.intercept_[k]), 5) for k in order],
            "weights": weights, "C": c}


def predict_stances(item: dict, lexicon, model: dict | None) -> list[dict]:
    finder = rule_finder(item["doc"], item["quotes"], item["mentions"], lexicon)
    if model is not None:
        apply_model(finder, model)
    return stance_dicts(merge_stances(with_confidence(stance_records(finder))))


def f1_of(docs: list[dict], predictions: dict) -> dict:
    overall = score_stances(predictions, [item["gold"] for item in docs])["overall"]
    return {k: round(overall[k], 4) if isinstance(overall[k], float) else overall[k]
            for k in ("precision", "recall", "f1", "pred", "matched")}


def cross_validate(docs: list[dict], lexicon, c: float, folds: int, seed: int, modes=MODES,
                   narrated: bool = False) -> dict:
    from sklearn.model_selection import GroupKFold

    rows_of = [labelled_pairs(item, lexicon, narrated) for item in docs]
    fold_of = {}
    for k, (_, held) in enumerate(GroupKFold(n_splits=folds).split(docs, groups=[d["gold"]["doc"] for d in docs])):
        for i in held:
            fold_of[i] = k
    models = []
    for k in range(folds):
        train = [row for i, rows in enumerate(rows_of) if fold_of[i] != k for row in rows]
        models.append(fit(train, c, seed))
    results = {}
    settings = [(mode, threshold, None) for mode in modes for threshold in THRESHOLDS]
    if narrated:  # the clauses' own threshold, over the quotes' best few
        settings = [(mode, threshold, clause) for mode in modes for threshold in NARRATED_QUOTE_THRESHOLDS
                    for clause in NARRATED_THRESHOLDS]
    for mode, threshold, clause in settings:
        predictions = {}
        for i, item in enumerate(docs):
            model = dict(models[fold_of[i]], threshold=threshold, mode=mode)
            if clause is not None:
                model.update(narrated=True, narrated_threshold=clause)
            predictions[item["gold"]["doc"]] = predict_stances(item, lexicon, model)
        name = f"{mode}@{threshold}" + (f"/narrated@{clause}" if clause is not None else "")
        results[name] = f1_of(docs, predictions)
        fresh = [item for item in docs if item["file"] in UNTUNED]
        results[name]["untuned_f1"] = f1_of(fresh, predictions)["f1"]
    positives = sum(label != "none" for rows in rows_of for _, label in rows)
    return {"pairs": sum(map(len, rows_of)), "positive_pairs": positives, "by_setting": results, "rows": rows_of}


CALIBRATION_EDGES = (0.5, 0.6, 0.7, 0.8, 0.9)  # above the threshold, the lower edges of the bins
MIN_BIN = 25  # out-of-fold stances a bin needs, else it joins the one below


def out_of_fold_stances(docs: list[dict], lexicon, setting: dict, c: float, folds: int, seed: int,
                        narrated: bool) -> list[tuple[str, float, bool]]:
    """(kind, the reader's score, right?) of every stance the reader adds to an article by a model
    fitted on the other folds: what the confidence is calibrated on."""
    from sklearn.model_selection import GroupKFold

    rows_of = [labelled_pairs(item, lexicon, narrated) for item in docs]
    found = []
    for _, held in GroupKFold(n_splits=folds).split(docs, groups=[d["gold"]["doc"] for d in docs]):
        held = set(held)
        model = dict(fit([row for i, rows in enumerate(rows_of) if i not in held for row in rows], c, seed), **setting)
        for i in held:
            item = docs[i]
            finder = rule_finder(item["doc"], item["quotes"], item["mentions"], lexicon)
            apply_model(finder, model)
            for candidate in finder.candidates:
                if MODEL_RULE not in candidate.rules or candidate.score is None:
                    continue
                record = finder.stance_record(candidate)
                if record is None:
                    continue
                right = any(stance_matches({"speaker": record.speaker, "target": record.target,
                                            "polarity": record.polarity}, gold)
                            for gold in item["gold"].get("stances", []))
                found.append((NARRATED if candidate.quote < 0 else "quote", candidate.score, right))
    return found


def calibration_bins(scored: list[tuple[float, bool]], low: float) -> list[list[float]]:
    """[[lower edge, share right], …] over ``scored``: bins from ``low`` at ``CALIBRATION_EDGES``,
    a bin of fewer than ``MIN_BIN`` joined to the one below, shares made non-decreasing."""
    edges = [low] + [edge for edge in CALIBRATION_EDGES if edge > low]
    bins: list[list] = []
    for k, edge in enumerate(edges):
        top = edges[k + 1] if k + 1 < len(edges) else 2.0
        inside = [right for score, right in scored if edge <= score < top]
        if bins and len(inside) < MIN_BIN:
            bins[-1][1].extend(inside)
        else:
            bins.append([edge, list(inside)])
    shares = [[edge, round(sum(rights) / len(rights), 4) if rights else 0.0, len(rights)] for edge, rights in bins]
    for k in range(1, len(shares)):  # pool adjacent violators, from below
        shares[k][1] = max(shares[k][1], shares[k - 1][1])
    return shares


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--c", type=float, nargs="+", default=[0.1, 0.3, 1.0], help="regularisation strengths to try")
    parser.add_argument("--seed", type=int, default=15)
    parser.add_argument("--narrated", action="store_true",
                        help="also read narrated clauses (a named actor and the rest of its sentence) and "
                        "choose their own threshold")
    parser.add_argument("--mode", choices=MODES, action="append",
                        help="modes to try (repeatable; default both). The package's model is 'add': the rules' "
                             "stances stay, so each rule keeps its meaning and its tests")
    parser.add_argument("--write", type=Path, metavar="PATH",
                        help="fit the chosen setting on all of dev and write its weights (JSON) to PATH")
    parser.add_argument("--score", type=Path, nargs="*", default=[], metavar="GOLD",
                        help="gold files (not in split.json) to score the rules and the written model on")
    args = parser.parse_args(argv)
    started = time.time()
    lexicon = default_lexicon()
    docs = documents(gold_paths(ROOT.parent / "shared"))
    rules = f1_of(docs, {item["gold"]["doc"]: predict_stances(item, lexicon, None) for item in docs})
    rules_untuned = f1_of([d for d in docs if d["file"] in UNTUNED], {item["gold"]["doc"]: predict_stances(item, lexicon, None) for item in docs})
    print(f"dev articles {len(docs)}; rules alone: {rules}; on the untuned batches: {rules_untuned}")
    best = ("", 0.0, None, None)
    for c in args.c:
        result = cross_validate(docs, lexicon, c, args.folds, args.seed, tuple(args.mode or MODES), args.narrated)
        result.pop("rows")
        print(f"C={c}: {result['pairs']} pairs, {result['positive_pairs']} positive")
        for setting, score in result["by_setting"].items():
            print(f"   {setting:14} {score}")
            if score["untuned_f1"] > best[1]:
                mode, rest = setting.split("@", 1)
                threshold, _, clause = rest.partition("/narrated@")
                best = (setting, score["untuned_f1"], c, (mode, float(threshold), float(clause) if clause else None))
    print(f"best (cross-validated, on the untuned dev batches): C={best[2]} {best[0]} F1 {best[1]} "
          f"(rules alone {rules_untuned['f1']}); {time.time() - started:.0f} s")
    if args.write:
        mode, threshold, clause = best[3]
        model = fit([row for item in docs for row in labelled_pairs(item, lexicon, args.narrated)], best[2], args.seed)
        setting = {"threshold": threshold, "mode": mode}
        if clause is not None and clause <= 1.0:
            setting.update(narrated=True, narrated_threshold=clause)
        model.update(setting)
        scored = out_of_fold_stances(docs, lexicon, setting, best[2], args.folds, args.seed, args.narrated)
        model["calibration"] = {}
        for kind, low in (("quote", threshold), (NARRATED, setting.get("narrated_threshold", threshold))):
            bins = calibration_bins([(score, right) for k, score, right in scored if k == kind], low)
            model["calibration"][kind] = [[edge, share] for edge, share, _ in bins]
            print(f"calibration, {kind} stances (out of fold): "
                  + "; ".join(f">= {edge}: {share:.3f} of {n}" for edge, share, n in bins))
        model.update({"fitted_on": "dev part of benchmarks/split.json, pipeline quotes and mentions",
                      "cross_validated": {"untuned_f1": best[1], "rules_alone_untuned_f1": rules_untuned["f1"],
                                          "folds": args.folds}})
        tmp = args.write.with_suffix(".tmp")
        tmp.write_text(json.dumps(model, ensure_ascii=False, indent=0, sort_keys=True), encoding="utf-8")
        tmp.replace(args.write)
        print(f"wrote {args.write} ({len(model['weights'])} weights)")
        for path in args.score:
            items = documents([path], part=None)
            for name, chosen in (("rules", None), ("model", model)):
                predictions = {item["gold"]["doc"]: predict_stances(item, lexicon, chosen) for item in items}
                print(f"{path.name}: {name:5} {f1_of(items, predictions)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
