"""Merging and confidence: one stance per speaker, polarity and target, and an estimate that
a stance is right.

Input: ``Stance`` records; output: merged records (``merge_stances``) and a confidence in
(0, 1) from the model in ``data/stance_confidence.json`` (``stance_confidence``).
"""
from __future__ import annotations

import json
import math
from dataclasses import replace
from functools import lru_cache
from importlib import resources
from typing import Iterable, Optional

from qawl.schema import Stance
from qawl.stance.shapes import _words


CONFIDENCE_FILE = "stance_confidence.json"


class _KeptTargets:
    """The kept stances of one speaker and polarity, and which of them hold a set of words.

    Only the kept targets holding the set's rarest word are read (a speaker with
    thousands of stances compared each with every kept one).
    """

    def __init__(self) -> None:
        self.kept: list[tuple[Stance, set[str]]] = []
        self.holding: dict[str, list[int]] = {}  # word -> positions in ``kept``, in order

    def add(self, stance: Stance, words: set[str]) -> None:
        for word in words:
            self.holding.setdefault(word, []).append(len(self.kept))
        self.kept.append((stance, words))

    def first_holding(self, words: set[str]) -> Optional[Stance]:
        """The first kept stance whose target words include all of ``words``, or None."""
        if not words:
            return self.kept[0][0] if self.kept else None
        for position in min((self.holding.get(word, ()) for word in words), key=len):
            stance, kept_words = self.kept[position]
            if words <= kept_words:
                return stance
        return None


def merge_stances(stances: Iterable[Stance]) -> list[Stance]:
    """One stance per speaker, polarity and target: a target inside a longer one merges into it."""
    kept: list[Stance] = []
    # a target's words are read once (a kept target never changes), and a stance is compared
    # only with the kept stances of its own speaker and polarity, not with all of them
    kept_words: dict[tuple[str, str], _KeptTargets] = {}
    ordered = sorted(((stance, _words(stance.target)) for stance in stances), key=lambda pair: -len(pair[1]))
    for stance, target_words in ordered:
        words = set(target_words)
        same_side = kept_words.setdefault((stance.speaker, stance.polarity), _KeptTargets())
        twin = same_side.first_holding(words)
        if twin is None:
            kept.append(replace(stance, evidence=list(stance.evidence), rules=list(stance.rules)))
            same_side.add(kept[-1], words)
            continue
        twin.evidence += [e for e in stance.evidence if e not in twin.evidence]
        twin.rules += [r for r in stance.rules if r not in twin.rules]
        twin.confidence = max(twin.confidence, stance.confidence)
        if stance.quote >= 0 and (twin.quote < 0 or stance.quote < twin.quote):
            twin.quote = stance.quote
    return sorted(kept, key=lambda s: (s.quote if s.quote >= 0 else 10**9, s.target_start))


def stance_confidence(stance: Stance) -> float:
    """An estimate that ``stance`` is right, from its rules and target (``confidence_model``)."""
    model = confidence_model()
    score = model.get("intercept", 0.0)
    weights = model.get("weights", {})
    for feature in confidence_features(stance):
        score += weights.get(feature, 0.0)
    return 1.0 / (1.0 + math.exp(-score))


def confidence_features(stance: Stance) -> list[str]:
    """The features of the confidence model: rules, target kind, evidence kind, polarity, length."""
    words = len(stance.target.split())
    return ([f"rule={r}" for r in stance.rules] + [f"kind={stance.target_kind}",
            f"from_quote={stance.quote >= 0}", f"polarity={stance.polarity}", f"words={min(words, 5)}"])


@lru_cache(maxsize=1)
def confidence_model() -> dict:
    """Weights of the stance confidence model (``data/stance_confidence.json``, fitted on the
    dev part of the split by ``benchmarks/stance.py --fit-confidence``); none: 0.5 everywhere."""
    try:
        text = resources.files("qawl.data").joinpath(CONFIDENCE_FILE).read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    return json.loads(text)
