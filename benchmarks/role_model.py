"""A learned role reader stacked on the role rules, against the rules alone (issue 16, item "learned parts").

    .venv/bin/python benchmarks/role_model.py                 # leave-one-set-out over the development role sets
    .venv/bin/python benchmarks/role_model.py --judge dev7 --judge test   # and score a fit on all of them (report only)

The reader is a multinomial logistic regression over what the rules concluded for the speaker's actor
(its role and rule ids) and the words the run gives for it: its forms' words, the words before and
after its quotes' speaker spans, the roles of the title lexicon's terms among those words, and the kinds
the quote and entity stages gave it. It is not in the pipeline: it does not beat the rules (the numbers
are in ``role_model_results.json`` and ``benchmarks/README.md``).

Development role sets: the dev half of ``actors/roles_gold.tsv`` (run ``/tmp/actors_ant500``) and
``actors/roles_dev2.tsv`` … ``roles_dev10.tsv`` (runs ``/tmp/roles_ant2`` … ``10``; ``benchmarks/actors.py
--set devK`` makes a missing run; dev7 … dev10 joined in session 22, after each judged its session). Each item is a speaker form of its run with a hand-labelled role;
its features are those of the form's actor in the run's alias table built by the rules. The regularisation C is chosen by
leave-one-set-out accuracy; the test half of ``roles_gold.tsv`` and any ``--judge`` set are scored
only to report. Writes ``benchmarks/role_model_results.json``.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import defaultdict
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

import actors as bench  # noqa: E402  (benchmarks/actors.py)
from qawl import actors  # noqa: E402
from qawl.actors.lexicon import GENERIC_PREFIX, lexicons, match_terms  # noqa: E402
from qawl.clean import match_form  # noqa: E402
from qawl.stance.model import class_scores as role_scores  # noqa: E402  (the same plain-JSON weights)

RESULTS = ROOT / "benchmarks" / "role_model_results.json"
TRAIN_SETS = ("first", "dev2", "dev3", "dev4", "dev5", "dev6", "dev7", "dev8", "dev9", "dev10")
C_GRID = (0.03, 0.1, 0.3, 1.0, 3.0)
SEED = 16


BEFORE_WORDS = 3  # words before a speaker that may describe it (وقال رئيس ... / وقالت مصادر في ...)
AFTER_WORDS = 4  # words after it that may (، وزير ... / الأمريكية ...)
LEXICON_AFTER_WORDS = 10  # an apposition's title may come a few words on (، وهو أحد المهندسين)
_WORD = re.compile(r"[\w#@]+")
_CLITIC = re.compile(r"^(?:و|ف)(?=\w{3,})")


def _words(text: str) -> list[str]:
    return _WORD.findall(match_form(str(text)))


def _stem(word: str) -> str:
    """A word without a conjunction and the article: the form a lexicon lists."""
    word = _CLITIC.sub("", word)
    return word[2:] if word.startswith("ال") and len(word) > 4 else word


def _add_words(features: dict, prefix: str, words: list[str]) -> None:
    for word in words:
        features[f"{prefix}={_stem(word)}"] = 1.0


def _add_lexicon_roles(features: dict, prefix: str, words: list[str]) -> None:
    """The roles of the title lexicon's terms among ``words`` (a title the rules' syntax did not reach)."""
    for _, term in match_terms(tuple(words), lexicons()):
        features[f"{prefix}_lexicon={term.role}"] = 1.0
        features[f"{prefix}_lexicon_kind={term.kind}"] = 1.0


def occurrence_context(occurrences: pd.DataFrame) -> dict[str, dict[str, float]]:
    """Per form: the kinds, sources and nearby words its occurrences give (binary features)."""
    context: dict[str, dict[str, float]] = defaultdict(dict)
    frame = occurrences.fillna({"form": "", "kind": "", "source": "", "before": "", "after": ""})
    for form, kind, source, before, after in zip(frame["form"], frame["kind"], frame["source"],
                                                 frame["before"], frame["after"]):
        form = str(form).strip()
        if not form:
            continue
        features = context[form]
        if kind:
            features[f"kind={kind}"] = 1.0
        if source:
            features[f"source={source}"] = 1.0
        if source == "quote":
            _add_words(features, "before", _words(before)[-BEFORE_WORDS:])
            _add_words(features, "after", _words(after)[:AFTER_WORDS])
            _add_lexicon_roles(features, "before", _words(before)[-BEFORE_WORDS:])
            _add_lexicon_roles(features, "after", _words(after)[:LEXICON_AFTER_WORDS])
    return context


def actor_features(forms: list[str], role: str, rules: str, context: dict) -> dict[str, float]:
    """The features of one actor: the rules' reading, its forms' words and their contexts."""
    features = {f"role={role}": 1.0, "bias": 1.0}
    for rule in str(rules).split("+"):
        if rule.startswith("R-"):
            features[f"rule={rule}"] = 1.0
    for form in forms:
        words = _words(form)
        _add_words(features, "word", words)
        _add_lexicon_roles(features, "form", words)
        if words:
            features[f"first={_stem(words[0])}"] = 1.0
            features[f"words={min(len(words), 4)}"] = 1.0
        features.update(context.get(form, {}))
    return features


def table_features(table: pd.DataFrame, occurrences: pd.DataFrame) -> dict[str, dict[str, float]]:
    """Per form of an alias table: the features of the actor it belongs to (a generic form alone)."""
    context = occurrence_context(occurrences)
    members: dict[str, list[str]] = defaultdict(list)
    for form, key in zip(table["form"], table["key"]):
        members[key].append(form)
    features = {}
    for form, key, role, rules in zip(table["form"], table["key"], table["role"], table["rule"]):
        forms = [form] if str(key).startswith(GENERIC_PREFIX) else members[key]
        named = "named" if not str(key).startswith(GENERIC_PREFIX) else "generic"
        features[form] = {**actor_features(forms, role, rules, context), f"key={named}": 1.0}
    return features


def set_run(name: str) -> Path:
    if name == "first":
        bench.ensure_run(bench.DEFAULT_RUN)
        return bench.DEFAULT_RUN
    run = bench.EXTRA_RUNS[name]
    bench.ensure_set_run(name, run)
    return run


def set_items(name: str, part: str = "dev") -> list[dict]:
    if name == "first":
        return [i for i in bench.read_tsv(bench.GOLD / "roles_gold.tsv") if bench.part_of(i["form"]) == part]
    return bench.read_tsv(bench.GOLD / f"roles_{name}.tsv")


def set_examples(name: str, part: str = "dev") -> list[tuple[dict, str, str]]:
    """(features, rules' role, gold role) of each item of a set; a form missing from the run is
    read as a form with no evidence (the rules' ``other``)."""
    run = set_run(name)
    occurrences = actors.run_occurrences(run)
    table = actors.build_aliases(occurrences)
    features = table_features(table, occurrences)
    rules = dict(zip(table["form"], table["role"]))
    examples = []
    for item in set_items(name, part):
        form = item["form"]
        examples.append((features.get(form, {"role=other": 1.0, "bias": 1.0}), rules.get(form, "other"),
                         item["role"]))
    return examples


def fit(examples: list, c: float):
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vectoriser = DictVectorizer()
    x = vectoriser.fit_transform([f for f, _, _ in examples])
    y = [g for _, _, g in examples]
    model = LogisticRegression(C=c, max_iter=2000, random_state=SEED)
    model.fit(x, y)
    return vectoriser, model


def as_json(vectoriser, model) -> dict:
    """Plain weights: feature -> one weight per class (zero rows left out)."""
    weights = {}
    for j, name in enumerate(vectoriser.feature_names_):
        row = [round(float(model.coef_[k, j]), 5) for k in range(len(model.classes_))]
        if any(abs(w) > 1e-5 for w in row):
            weights[name] = row
    return {"classes": list(model.classes_), "intercept": [round(float(v), 5) for v in model.intercept_],
            "weights": weights}


def predict(model_json: dict, examples: list) -> list[str]:
    out = []
    for features, _, _ in examples:
        scores = role_scores(model_json, features)
        out.append(max(scores, key=scores.get))
    return out


def accuracy(predicted: list[str], examples: list) -> float:
    return round(sum(p == g for p, (_, _, g) in zip(predicted, examples)) / len(examples), 3) if examples else None


def rules_accuracy(examples: list) -> float:
    return accuracy([r for _, r, _ in examples], examples)


def loso(sets: dict, c: float) -> dict:
    """Accuracy on each set of a model fitted on the other sets."""
    scores = {}
    for held in sets:
        train = [e for name, ex in sets.items() if name != held for e in ex]
        model_json = as_json(*fit(train, c))
        scores[held] = accuracy(predict(model_json, sets[held]), sets[held])
    return scores


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--judge", action="append", default=[],
                        help="a labelled set (devK, or 'test' for the first set's test half) to score only")
    args = parser.parse_args(argv)
    started = time.time()
    sets = {name: set_examples(name) for name in TRAIN_SETS}
    rules = {name: rules_accuracy(ex) for name, ex in sets.items()}
    print("rules:", rules)
    cv = {}
    for c in C_GRID:
        cv[c] = loso(sets, c)
        mean = sum(cv[c].values()) / len(cv[c])
        print(f"C={c}: model {cv[c]}  mean {mean:.3f}  (rules {sum(rules.values()) / len(rules):.3f})")
    best = max(C_GRID, key=lambda c: (sum(cv[c].values()), -c))
    results = {"train_sets": list(TRAIN_SETS), "items": {n: len(e) for n, e in sets.items()},
               "rules_accuracy": rules, "loso": {str(c): s for c, s in cv.items()}, "chosen_c": best, "judge": {}}
    model_json = as_json(*fit([e for ex in sets.values() for e in ex], best)) if args.judge else None
    for name in args.judge:
        examples = set_examples("first", "test") if name == "test" else set_examples(name)
        judged = {"items": len(examples), "rules": rules_accuracy(examples),
                  "model": accuracy(predict(model_json, examples), examples)}
        print(f"judge {name}: {judged}")
        results["judge"][name] = judged
    results["seconds"] = round(time.time() - started, 1)
    RESULTS.write_text(json.dumps(results, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
