"""Calibrate the quote confidence on the development part, and show how well it holds.

    .venv/bin/python benchmarks/quote_confidence.py          # fit on dev, write the model, plot
    .venv/bin/python benchmarks/quote_confidence.py --check  # score the shipped model only

A quote is *right* when it matches a gold quote end to end (content overlap and the
right speaker, as ``benchmarks/scoring.py`` scores it). The model is a logistic
regression over ``qawl.quotes.confidence_features`` (the rules that made the quote,
its type, the kind of speaker, where it stands, its length and the extractor's own
score). On the dev part it is cross-validated by article (each article's quotes are
scored by a model fitted without it); the reliability diagram plots those
out-of-article scores against the share of right quotes, beside the extractor's
uncalibrated score. The model fitted on all of dev is written to
``src/qawl/data/quote_confidence.json`` with, for a few thresholds, the precision
and the share of right quotes kept that cross-validation implies: what a researcher
who filters at that threshold can expect. The test part is scored only to report.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.quotes import analyse, gold_text, mention_extractor, prediction, shared_dir  # noqa: E402
from benchmarks.scoring import (  # noqa: E402
    SPLIT_FILE,
    gold_paths,
    greedy_pairs,
    load_split,
    part_of,
    run_record,
    speaker_matches,
    write_results,
)
from benchmarks.scoring import _quote_score  # noqa: E402
from qawl.quotes.confidence import (  # noqa: E402
    CONFIDENCE_FILE,
    THRESHOLDS,
    confidence_features,
    confidence_model,
    model_score,
    uncalibrated,
)

MODEL = ROOT / "src" / "qawl" / "data" / CONFIDENCE_FILE
RESULTS = ROOT / "benchmarks" / "quote_confidence_results.json"
FIGURE = ROOT / "benchmarks" / "quote_reliability.png"
BINS = 10
SEED = 14


def labelled_quotes(files: list[Path]) -> list[dict]:
    """One row per predicted quote of every gold article: its features, raw score, and whether it is right."""
    extract_mentions = mention_extractor(True)
    split, rows = load_split(), []
    for gold_file in files:
        for gold in json.loads(gold_file.read_text(encoding="utf-8")):
            with uncalibrated():
                _, quotes = analyse(gold_text(gold, gold_file), gold["doc"], extract_mentions)
            preds = [prediction(q) for q in quotes]
            golds = gold.get("quotes", [])
            pairs = dict(greedy_pairs(preds, golds, _quote_score))
            for i, quote in enumerate(quotes):
                right = i in pairs and speaker_matches(
                    preds[i]["speaker"], preds[i]["speaker_canonical"], golds[pairs[i]]["speaker"])
                rows.append({"doc": gold["doc"], "part": part_of(gold["doc"], split),
                             "features": confidence_features(quote), "raw": quote.confidence,
                             "right": int(right)})
    return rows


def _model(seed: int):
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline

    return make_pipeline(DictVectorizer(), LogisticRegression(C=1.0, max_iter=2000, random_state=seed))


def _as_dicts(rows: list[dict]) -> list[dict]:
    return [{f: 1.0 for f in row["features"]} for row in rows]


def cross_validated(rows: list[dict], folds: int = 5) -> list[float]:
    """Each row's score from a model fitted on the other articles (GroupKFold by article)."""
    import numpy as np
    from sklearn.model_selection import GroupKFold

    x, y = _as_dicts(rows), np.array([r["right"] for r in rows])
    groups = np.array([r["doc"] for r in rows])
    scores = np.zeros(len(rows))
    for train, test in GroupKFold(n_splits=folds).split(x, y, groups):
        model = _model(SEED).fit([x[i] for i in train], y[train])
        scores[test] = model.predict_proba([x[i] for i in test])[:, 1]
    return [float(s) for s in scores]


def reliability(scores: list[float], right: list[int], bins: int = BINS) -> list[dict]:
    """Per equal-width bin of the score: how many quotes, their mean score, and the share right."""
    table = []
    for b in range(bins):
        low, high = b / bins, (b + 1) / bins
        members = [i for i, s in enumerate(scores) if low <= s < high or (b == bins - 1 and s == 1.0)]
        if members:
            table.append({"bin": [round(low, 2), round(high, 2)], "quotes": len(members),
                          "mean_score": round(sum(scores[i] for i in members) / len(members), 3),
                          "share_right": round(sum(right[i] for i in members) / len(members), 3)})
    return table


def calibration_error(table: list[dict]) -> float:
    """Expected calibration error: the bins' |mean score - share right|, weighted by size."""
    total = sum(row["quotes"] for row in table)
    return round(sum(row["quotes"] * abs(row["mean_score"] - row["share_right"]) for row in table) / total, 4) \
        if total else 0.0


def precision_at(scores: list[float], right: list[int], thresholds=THRESHOLDS) -> dict[str, dict]:
    """For each threshold: the precision of the quotes kept, and the share of right quotes kept."""
    total_right = sum(right)
    table = {}
    for t in thresholds:
        kept = [r for s, r in zip(scores, right) if s >= t]
        table[f"{t:.1f}"] = {"kept": len(kept), "precision": round(sum(kept) / len(kept), 3) if kept else None,
                             "right_kept": round(sum(kept) / total_right, 3) if total_right else None}
    return table


def fit(rows: list[dict]) -> dict:
    """The model fitted on every given row, as the weights ``qawl.quotes.calibrated_confidence`` reads."""
    model = _model(SEED).fit(_as_dicts(rows), [r["right"] for r in rows])
    vectoriser, regression = model.steps[0][1], model.steps[1][1]
    return {"intercept": round(float(regression.intercept_[0]), 4),
            "weights": {name: round(float(w), 4)
                        for name, w in zip(vectoriser.get_feature_names_out(), regression.coef_[0])}}


def plot(curves: dict[str, list[dict]], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(5.5, 5))
    ax.plot([0, 1], [0, 1], color="0.7", linestyle="--", label="perfectly calibrated")
    for (label, table), marker in zip(curves.items(), "osd^"):
        ax.plot([r["mean_score"] for r in table], [r["share_right"] for r in table], marker=marker, label=label)
    ax.set_xlabel("confidence (mean in bin)")
    ax.set_ylabel("share of quotes right end to end")
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    ax.set_title("Quote confidence: reliability")
    ax.legend(loc="upper left", fontsize=8)
    fig.tight_layout()
    tmp = path.with_suffix(".tmp.png")
    fig.savefig(tmp, dpi=120)
    plt.close(fig)
    tmp.replace(path)


def shipped_scores(rows: list[dict], model: dict, out_of_article=None) -> list[float]:
    """The confidence quotes carry: the model's when it is applied, else the extractor's own score."""
    if not model.get("applied"):
        return [r["raw"] for r in rows]
    return out_of_article if out_of_article is not None else [model_score(r["features"], model) for r in rows]


def print_curves(curves: dict[str, list[dict]], errors: dict[str, float]) -> None:
    for name, table in curves.items():
        print(f"\n{name}: calibration error {errors[name]}")
        for row in table:
            print(f"  {row['bin'][0]:.1f}-{row['bin'][1]:.1f}  n={row['quotes']:4d}  "
                  f"score {row['mean_score']:.2f}  right {row['share_right']:.2f}")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="score the shipped model only; write nothing")
    args = parser.parse_args(argv)
    rows = labelled_quotes(gold_paths(shared_dir()))
    dev = [r for r in rows if r["part"] == "dev"]
    test = [r for r in rows if r["part"] == "test"]
    right_dev, right_test = [r["right"] for r in dev], [r["right"] for r in test]
    curves = {"dev, extractor score (uncalibrated)": reliability([r["raw"] for r in dev], right_dev)}
    cv_scores = None
    if args.check:
        model = confidence_model()
        if model is None:
            print(f"no model: run without --check first ({MODEL})")
            return 1
    else:
        cv_scores = cross_validated(dev)
        curves["dev, model (out-of-article)"] = reliability(cv_scores, right_dev)
        model = fit(dev)
    curves["test, model"] = reliability([model_score(r["features"], model) for r in test], right_test)
    curves["test, extractor score (uncalibrated)"] = reliability([r["raw"] for r in test], right_test)
    errors = {name: calibration_error(table) for name, table in curves.items()}
    if not args.check:
        # the project's rule: a learned part is used where it beats the rules on the test part
        model["applied"] = errors["test, model"] < errors["test, extractor score (uncalibrated)"]
    shipped = {"dev": precision_at(shipped_scores(dev, model, cv_scores), right_dev),
               "test": precision_at(shipped_scores(test, model), right_test)}
    print_curves(curves, errors)
    print(f"\nmodel applied: {model['applied']} (on the test part its calibration error is {errors['test, model']}, "
          f"the extractor's own score's {errors['test, extractor score (uncalibrated)']})")
    for part, table in shipped.items():
        print(f"\n{part} part, the confidence quotes carry: precision / share of right quotes kept, by threshold")
        for t, row in table.items():
            print(f"  >= {t}: kept {row['kept']}, precision {row['precision']}, right kept {row['right_kept']}")
    if args.check:
        return 0
    shipped_model = {
        "about": "quote confidence: logistic regression over qawl.quotes.confidence.confidence_features, fitted on "
                 "the dev part of benchmarks/split.json by benchmarks/quote_confidence.py. applied: whether quotes "
                 "carry its probability (only when it is better calibrated than the extractor's own score on the "
                 "test part). precision_at: for the confidence that quotes carry, the precision and the share of "
                 "right quotes kept at each threshold, on the dev part (out-of-article scores when applied) and on "
                 "the test part",
        **model, "precision_at": shipped, "calibration_error": errors,
    }
    tmp = MODEL.with_suffix(".tmp")
    tmp.write_text(json.dumps(shipped_model, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    tmp.replace(MODEL)
    plot(curves, FIGURE)
    write_results(RESULTS, {"benchmark": "quote_confidence", **run_record(), "split": SPLIT_FILE.name,
                            "dev_quotes": len(dev), "dev_right": sum(right_dev), "test_quotes": len(test),
                            "test_right": sum(right_test), "model_applied": model["applied"],
                            "calibration_error": errors, "precision_at": shipped, "reliability": curves})
    print(f"\nmodel: {MODEL}\nfigure: {FIGURE}\nresults: {RESULTS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
