"""A learned quote-content tagger against the rules, cross-validated on the dev part (issue 14).

    .venv/bin/python benchmarks/quote_tagger.py                 # 5-fold CV on dev, print, write results
    .venv/bin/python benchmarks/quote_tagger.py --c1 0.05 --c2 0.05 --out /tmp/qt.json

Every token of a dev article is labelled B / I / O by the gold quote contents (each content
found, token for token, in the cleaned text). A linear-chain CRF (sklearn-crfsuite, only here)
learns the labels from the word, its affixes, its cue entry in ``cues.json``, quotation marks,
complementisers, the entity tagger's label and, stacked, the rules' own output (the token is in
a rule content, cue or speaker), over a window of three words before and two after. Five folds
over dev articles give every article tags from a model that never saw it. Three readers are
scored for detection with ``scoring.score_quotes`` (speakers are left out: the tagger finds
contents only):

- ``rules``: the quotes of ``qawl.quotes``, as users get them;
- ``tagger``: the tagger's contents alone (spans of ``--min-words`` words or more);
- ``rules + tagger``: the rules' quotes plus the tagger's contents that overlap none of them.

Scores are given for all dev articles, for the batches no quote rule was chosen on when they
arrived (``FRESH``), and for the older untuned batches (``UNTUNED``). The test part is never read.
"""
from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "src"))

from benchmarks.scoring import gold_paths, match_tokens, run_record, score_quotes, write_results  # noqa: E402
from benchmarks.stance_model import documents  # noqa: E402
from qawl.clean import match_form  # noqa: E402
from qawl.cues import lookup_cue  # noqa: E402
from qawl.quotes.tokens import quote_regions  # noqa: E402

SHARED = ROOT.parent / "shared"
RESULTS = ROOT / "benchmarks" / "quote_tagger_results.json"
# batches that joined dev after session 8's rules and before session 9's, and those of session 10
UNTUNED = tuple(f"audit{k}_gold.json" for k in range(7, 13))
FRESH = ("audit13_gold.json", "audit14_gold.json")
COMPLEMENTISERS = frozenset({"ان", "انه", "انها", "بان", "بانه", "وان", "فان"})
WINDOW = (-3, -2, -1, 1, 2)


def token_labels(doc, gold: dict) -> tuple[list[str], int]:
    """B / I / O per token of ``doc`` from the gold contents, and how many contents were not found."""
    flat, owner = [], []
    for i, token in enumerate(doc.tokens):
        for key in match_tokens(token.text):
            flat.append(key)
            owner.append(i)
    labels, used, lost = ["O"] * len(doc.tokens), set(), 0
    for quote in gold.get("quotes", []):
        words = match_tokens(quote["content"])
        found = next((s for s in range(len(flat) - len(words) + 1)
                      if words and s not in used and flat[s:s + len(words)] == words), -1)
        if found < 0:
            lost += 1
            continue
        used.add(found)
        first, last = owner[found], owner[found + len(words) - 1]
        labels[first] = "B"
        for i in range(first + 1, last + 1):
            labels[i] = "I"
    return labels, lost


def _inside(tokens, spans) -> list[str]:
    """B / I / O per token for character ``spans``."""
    tags = ["O"] * len(tokens)
    for start, end in spans:
        first = True
        for i, token in enumerate(tokens):
            if token.start >= start and token.end <= end:
                tags[i] = "B" if first else "I"
                first = False
    return tags


def token_features(doc, mentions, quotes) -> list[dict]:
    """CRF features of every token of ``doc``."""
    tokens = doc.tokens
    regions = quote_regions(doc.text)
    content = _inside(tokens, [(q.content.start, q.content.end) for q in quotes])
    cue = _inside(tokens, [(q.cue.start, q.cue.end) for q in quotes])
    speaker = _inside(tokens, [(q.speaker.start, q.speaker.end) for q in quotes if q.speaker])
    entity = _inside(tokens, [(m.start, m.end) for m in mentions])
    label_at = {}
    for m in mentions:
        for i, token in enumerate(tokens):
            if token.start >= m.start and token.end <= m.end:
                label_at[i] = m.label
    starts, ends = {s.start for s in doc.sentences}, {s.end for s in doc.sentences}
    base = []
    for i, token in enumerate(tokens):
        key = match_form(token.text)
        entry = lookup_cue(key)[0] if key else None
        base.append({
            "w": key, "p2": key[:2], "p3": key[:3], "s2": key[-2:], "s3": key[-3:],
            "cue": entry.kind if entry else "-", "punct": not any(ch.isalnum() for ch in token.text),
            "mark": token.text in '«»“”"', "colon": token.text == ":", "compl": key in COMPLEMENTISERS,
            "inq": any(s < token.start and token.end <= e for s, e, _ in regions),
            "rq": content[i], "rc": cue[i] != "O", "rs": speaker[i] != "O",
            "ent": label_at.get(i, "O") if entity[i] != "O" else "O",
            "bos": token.start in starts, "eos": token.end in ends,
        })
    feats = []
    for i in range(len(tokens)):
        f = {"bias": 1.0, **{k: v if isinstance(v, bool) else str(v) for k, v in base[i].items()}}
        for off in WINDOW:
            j = i + off
            if not 0 <= j < len(tokens):
                f[f"{off}:pad"] = True
                continue
            for k in ("w", "cue", "rq", "compl", "mark", "colon", "ent", "eos"):
                value = base[j][k]
                f[f"{off}:{k}"] = value if isinstance(value, bool) else str(value)
        feats.append(f)
    return feats


def tagged_spans(tokens, tags) -> list[tuple[int, int]]:
    """Character spans of the B/I runs of ``tags``."""
    spans, current = [], None
    for token, tag in zip(tokens, tags):
        if tag == "B" or (tag == "I" and current is None):
            if current:
                spans.append(tuple(current))
            current = [token.start, token.end]
        elif tag == "I":
            current[1] = token.end
        elif current:
            spans.append(tuple(current))
            current = None
    if current:
        spans.append(tuple(current))
    return spans


def _as_pred(text: str, start: int, end: int) -> dict:
    return {"content": text[start:end], "speaker": "", "speaker_canonical": "", "type": "", "cue": ""}


def cross_validate(docs: list[dict], folds: int, seed: int, c1: float, c2: float) -> list[list[str]]:
    """Tags of every dev article from a CRF fitted on the other folds."""
    import sklearn_crfsuite

    order = list(range(len(docs)))
    random.Random(seed).shuffle(order)
    fold_of = {d: k % folds for k, d in enumerate(order)}
    tags: list[list[str]] = [[] for _ in docs]
    for k in range(folds):
        crf = sklearn_crfsuite.CRF(algorithm="lbfgs", c1=c1, c2=c2, max_iterations=150)
        train = [d for d in range(len(docs)) if fold_of[d] != k]
        crf.fit([docs[d]["features"] for d in train], [docs[d]["labels"] for d in train])
        for d in range(len(docs)):
            if fold_of[d] == k:
                tags[d] = crf.predict_single(docs[d]["features"])
        print(f"  fold {k + 1}/{folds} done", file=sys.stderr)
    return tags


def readers(doc: dict, tags: list[str], min_words: int) -> dict[str, list[dict]]:
    """The three readers' predicted contents for one article."""
    text = doc["doc"].text
    rule_spans = [(q.content.start, q.content.end) for q in doc["quotes"]]
    tagged = [(s, e) for s, e in tagged_spans(doc["doc"].tokens, tags) if len(match_tokens(text[s:e])) >= min_words]
    added = [(s, e) for s, e in tagged if not any(s < re_ and rs < e for rs, re_ in rule_spans)]
    return {
        "rules": [_as_pred(text, s, e) for s, e in rule_spans],
        "tagger": [_as_pred(text, s, e) for s, e in tagged],
        "rules + tagger": [_as_pred(text, s, e) for s, e in rule_spans + added],
    }


def detection(preds: dict[str, list[dict]], golds: list[dict]) -> dict:
    o = score_quotes(preds, golds)["overall"]
    return {"n_pred": o["n_pred"], "n_gold": o["n_gold"], "matched": o["matched"], **o["detection"]}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--seed", type=int, default=0, help="seed of the fold assignment")
    parser.add_argument("--c1", type=float, default=0.1, help="CRF L1 regularisation")
    parser.add_argument("--c2", type=float, default=0.1, help="CRF L2 regularisation")
    parser.add_argument("--min-words", type=int, default=4, help="shortest tagged content kept")
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    started = time.time()
    docs = documents(gold_paths(SHARED), part="dev")
    lost = 0
    for doc in docs:
        doc["features"] = token_features(doc["doc"], doc["mentions"], doc["quotes"])
        doc["labels"], missing = token_labels(doc["doc"], doc["gold"])
        lost += missing
    print(f"{len(docs)} dev articles; {lost} gold contents not found token for token (left out)", file=sys.stderr)
    tags = cross_validate(docs, args.folds, args.seed, args.c1, args.c2)
    groups = {"dev": lambda d: True, "untuned (audit7-12)": lambda d: d["file"] in UNTUNED,
              "fresh (audit13-14)": lambda d: d["file"] in FRESH}
    results = {}
    for group, keep in groups.items():
        chosen = [(d, t) for d, t in zip(docs, tags) if keep(d)]
        by_reader: dict[str, dict] = {}
        for doc, doc_tags in chosen:
            for reader, preds in readers(doc, doc_tags, args.min_words).items():
                by_reader.setdefault(reader, {})[doc["gold"]["doc"]] = preds
        golds = [doc["gold"] for doc, _ in chosen]
        results[group] = {reader: detection(preds, golds) for reader, preds in by_reader.items()}
        print(f"\n== {group}: {len(chosen)} articles ==")
        for reader, m in results[group].items():
            print(f"  {reader:15s} P {m['precision']:.3f}  R {m['recall']:.3f}  F1 {m['f1']:.3f}"
                  f"  (pred {m['n_pred']}, gold {m['n_gold']}, matched {m['matched']})")
    record = {"run": run_record(), "settings": vars(args) | {"out": str(args.out)}, "gold_not_found": lost,
              "results": results, "seconds": round(time.time() - started, 1)}
    write_results(args.out, record)
    print(f"\nwritten {args.out} ({record['seconds']} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
