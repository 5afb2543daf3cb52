"""Token-per-line NER files and conlleval-style exact-span scoring."""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from pathlib import Path

# Every corpus's label names → ours.
LABEL_MAP = {
    "PERS": "PER", "PER": "PER",
    "LOC": "LOC", "GPE": "LOC",
    "ORG": "ORG",
    "MISC": "MISC", "MIS": "MISC",
}
JOIN_MARKER = "$#$"  # Wojood's join token: no word, ends a sentence


def map_tag(tag: str, keep: Iterable[str] = ("PER", "LOC", "ORG", "MISC")) -> str:
    """``B-PERS`` → ``B-PER``; tags outside ``keep`` become ``O``."""
    if tag in ("O", "") or "-" not in tag:
        return "O"
    prefix, label = tag.split("-", 1)
    label = LABEL_MAP.get(label, "")
    return f"{prefix}-{label}" if label in keep else "O"


def read_conll(
    path: Path, column: int = 1, keep: Iterable[str] = ("PER", "LOC", "ORG", "MISC")
) -> list[tuple[list[str], list[str]]]:
    """Sentences as ``(tokens, tags)``; tags are read from ``column`` and mapped."""
    keep = tuple(keep)
    sentences, tokens, tags = [], [], []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        fields = line.split()
        if not fields or fields[0] == JOIN_MARKER:
            if tokens:
                sentences.append((tokens, tags))
            tokens, tags = [], []
            continue
        tokens.append(fields[0])
        tags.append(map_tag(fields[column] if len(fields) > column else "O", keep))
    if tokens:
        sentences.append((tokens, tags))
    return sentences


def bio_spans(tags: list[str]) -> list[tuple[int, int, str]]:
    """``(start, end, label)`` token spans; an ``I-`` after another label opens a span (conlleval)."""
    spans, start, label = [], None, None
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, kind = tag.partition("-")
        continues = prefix == "I" and kind == label and start is not None
        if start is not None and not continues:
            spans.append((start, i, label))
            start, label = None, None
        if prefix in ("B", "I") and not continues:
            start, label = i, kind
    return spans


def score_spans(gold: list[list[str]], predicted: list[list[str]]) -> dict[str, dict[str, float]]:
    """Exact-span precision/recall/F1 per label and ``micro`` over all labels."""
    tp, n_gold, n_pred = Counter(), Counter(), Counter()
    for gold_tags, pred_tags in zip(gold, predicted):
        gold_spans = set(bio_spans(gold_tags))
        pred_spans = set(bio_spans(pred_tags))
        for span in gold_spans:
            n_gold[span[2]] += 1
        for span in pred_spans:
            n_pred[span[2]] += 1
            if span in gold_spans:
                tp[span[2]] += 1
    table = {}
    for label in sorted(set(n_gold) | set(n_pred)) + ["micro"]:
        if label == "micro":
            t, g, p = sum(tp.values()), sum(n_gold.values()), sum(n_pred.values())
        else:
            t, g, p = tp[label], n_gold[label], n_pred[label]
        precision = t / p if p else 0.0
        recall = t / g if g else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        table[label] = {"precision": precision, "recall": recall, "f1": f1, "support": g}
    return table
