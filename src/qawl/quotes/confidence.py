"""Quote confidence: an estimate that a quote is right end to end (its words and its speaker).

Contract: ``calibrated_confidence(quote)`` reads a finished ``Quote`` (its rules, type,
speaker kind, block role, length and the extractor's own score) and returns a
probability from the logistic model in ``data/quote_confidence.json``, fitted on the
dev part of the split by ``benchmarks/quote_confidence.py``. The model is applied only
when the file says so (``applied``: it was better calibrated than the extractor's own
score on the test part); otherwise the extractor's own score stands. ``precision_at(t)``
gives what keeping only the quotes at or above ``t`` gave on the dev and test parts.
"""
from __future__ import annotations

import json
import logging
import math
from contextlib import contextmanager
from functools import lru_cache
from importlib import resources
from typing import Optional

from qawl.schema import Quote

logger = logging.getLogger(__name__)

CONFIDENCE_FILE = "quote_confidence.json"
# thresholds at which the model file states the implied precision
THRESHOLDS = (0.0, 0.3, 0.5, 0.6, 0.7, 0.8, 0.9)


def _length_bucket(words: int) -> str:
    return "1-3" if words <= 3 else "4-8" if words <= 8 else "9-20" if words <= 20 else "21-40" if words <= 40 else "41+"


def confidence_features(quote: Quote) -> list[str]:
    """The model's features of a quote: its rules, type, speaker kind, place, length, own score."""
    features = [f"rule={r}" for r in quote.rules]
    features += [
        f"type={quote.type}",
        f"speaker={quote.speaker_kind}" if quote.speaker is not None else "speaker=none",
        f"named={bool(quote.speaker_canonical)}",
        f"pronoun={quote.speaker_is_pronoun}",
        f"block={quote.block_role}",
        f"words={_length_bucket(len(quote.content.text.split()))}",
        f"score={min(9, int(quote.confidence * 10))}",
        f"relayed={bool(quote.embedded_source)}",
    ]
    return features


@lru_cache(maxsize=1)
def confidence_model() -> Optional[dict]:
    """The fitted model (``data/quote_confidence.json``), or None when the file is missing."""
    path = resources.files("qawl").joinpath("data", CONFIDENCE_FILE)
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        logger.warning("no %s: quote confidences are the extractor's own scores", CONFIDENCE_FILE)
        return None


def model_score(features: list[str], model: dict) -> float:
    """The logistic model's probability for these features."""
    weights = model["weights"]
    z = model["intercept"] + sum(weights.get(f, 0.0) for f in set(features))
    return 1.0 / (1.0 + math.exp(-z))


def calibrated_confidence(quote: Quote) -> float:
    """The calibrated probability that ``quote`` is right (its own score when no model is shipped)."""
    model = confidence_model()
    if model is None or not model.get("applied"):
        return quote.confidence
    return round(model_score(confidence_features(quote), model), 3)


def precision_at(threshold: float) -> Optional[dict]:
    """What keeping the quotes with confidence >= ``threshold`` gave on the gold split: per part
    (dev, test), {"kept", "precision", "right_kept"} at the nearest stated threshold at or below it;
    None without a model file."""
    model = confidence_model()
    if model is None or "precision_at" not in model:
        return None
    result = {}
    for part, table in model["precision_at"].items():
        stated = sorted(float(t) for t in table)
        below = [t for t in stated if t <= threshold + 1e-9]
        result[part] = table[f"{below[-1] if below else stated[0]:.1f}"]
    return result


_CALIBRATE = [True]


@contextmanager
def uncalibrated():
    """Quotes keep the extractor's own score inside (the calibration benchmark fits on it)."""
    _CALIBRATE.append(False)
    try:
        yield
    finally:
        _CALIBRATE.pop()


def calibrate(quotes: list[Quote]) -> list[Quote]:
    """Give every quote its calibrated confidence (unless inside ``uncalibrated()``)."""
    if _CALIBRATE[-1]:
        for quote in quotes:
            quote.confidence = calibrated_confidence(quote)
    return quotes
