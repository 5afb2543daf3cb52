"""Quote confidence: features of a finished quote, the model file, and the threshold table."""
import math

import pytest

from qawl.clean import clean_article
from qawl.quotes import confidence as conf
from qawl.quotes import extract_quotes
from qawl.schema import Article


@pytest.fixture
def quote():
    doc = clean_article(Article("t", raw_text='وقال وزير الخارجية سامح شكري إن "الحل السياسي هو الطريق الوحيد".', origin="test"))
    (found,) = extract_quotes(doc)
    return found


def test_features_name_the_rules_and_the_speaker(quote):
    features = conf.confidence_features(quote)
    assert any(f.startswith("rule=Q-") for f in features)
    assert "speaker=none" not in features and f"type={quote.type}" in features
    assert sum(f.startswith("score=") for f in features) == 1


def test_a_model_not_applied_leaves_the_extractor_score(quote, monkeypatch):
    monkeypatch.setattr(conf, "confidence_model", lambda: {"applied": False, "intercept": 5.0, "weights": {}})
    assert conf.calibrated_confidence(quote) == quote.confidence


def test_an_applied_model_gives_its_probability(quote, monkeypatch):
    rule = next(f for f in conf.confidence_features(quote) if f.startswith("rule="))
    model = {"applied": True, "intercept": -1.0, "weights": {rule: 3.0}}
    monkeypatch.setattr(conf, "confidence_model", lambda: model)
    assert conf.calibrated_confidence(quote) == round(1 / (1 + math.exp(-2.0)), 3)
    (again,) = conf.calibrate([quote])
    assert again.confidence == round(1 / (1 + math.exp(-2.0)), 3)


def test_uncalibrated_keeps_the_score(quote, monkeypatch):
    monkeypatch.setattr(conf, "confidence_model", lambda: {"applied": True, "intercept": 9.0, "weights": {}})
    before = quote.confidence
    with conf.uncalibrated():
        conf.calibrate([quote])
    assert quote.confidence == before


def test_precision_at_takes_the_stated_threshold_below(monkeypatch):
    table = {"0.0": {"kept": 10, "precision": 0.7, "right_kept": 1.0},
             "0.5": {"kept": 6, "precision": 0.8, "right_kept": 0.7}}
    monkeypatch.setattr(conf, "confidence_model", lambda: {"precision_at": {"dev": table, "test": table}})
    assert conf.precision_at(0.65)["test"]["precision"] == 0.8
    assert conf.precision_at(0.2)["dev"]["precision"] == 0.7


def test_the_shipped_file_states_both_parts():
    conf.confidence_model.cache_clear()
    model = conf.confidence_model()
    assert set(model["precision_at"]) == {"dev", "test"} and "applied" in model
