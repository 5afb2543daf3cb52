"""Tests for qawl.entities.finetune: gold entity groups projected onto tokens as training tags."""
from __future__ import annotations

import json

import pytest

from qawl.entities.finetune import (
    annotated_sentences, generic_form, listed_forms, main, name_words, project, token_readings,
    training_records,
)
from qawl.clean import match_form


@pytest.mark.parametrize("form, words", [
    ("سيرغي لافروف", ["سيرغي", "لافروف"]),
    ("مدينة دوما", ["دوما"]),  # the place head is not the name
    ('صحيفة "ذا صن"', ["ذا", "صن"]),  # the quotes are no words, the medium head goes
    ("مدينة", ["مدينه"]),  # a head alone stays: nothing follows it
    ("الأمم المتحدة", ["الامم", "المتحده"]),
])
def test_name_words(form, words):
    assert name_words(form) == words


@pytest.mark.parametrize("word, generic", [
    ("النظام", True),  # the Syrian government's generic form
    ("الفصائل", True),
    ("الاهلي", False),  # the corpora read اهلي as a name
    ("العراق", False),  # the hand-written gazetteer has it
    ("روسيا", False),  # no article: a name
])
def test_generic_form(word, generic):
    assert generic_form([match_form(word)]) is generic


def test_token_readings_strip_each_proclitic():
    assert {"روسيا", "وروسيا"} <= token_readings("وروسيا")
    assert "الامم" in token_readings("للامم")
    assert "بوتين" in token_readings("وبوتين")
    assert token_readings("بو") == {"بو"}  # too short to carry a clitic


@pytest.mark.parametrize("tokens, groups, tags_out", [
    (["قال", "سيرغي", "لافروف", "إن", "لافروف", "يرفض"], {"PER": [["سيرغي لافروف", "لافروف"]]},
     ["O", "B-PER", "I-PER", "O", "B-PER", "O"]),
    (["وقالت", "الأمم", "المتحدة", "إن", "للأمم", "المتحدة", "دورا"], {"ORG": [["الأمم المتحدة"]]},
     ["O", "B-ORG", "I-ORG", "O", "B-ORG", "I-ORG", "O"]),
    (["في", "مدينة", "دوما", "وفي", "دوما"], {"LOC": [["مدينة دوما", "دوما"]]},
     ["O", "O", "B-LOC", "O", "B-LOC"]),
    # the longest form first: the full name, not its last word
    (["المرصد", "السوري", "لحقوق", "الإنسان", "قال"], {"ORG": [["المرصد السوري لحقوق الإنسان"]], "LOC": [["السوري"]]},
     ["B-ORG", "I-ORG", "I-ORG", "I-ORG", "O"]),
    (["وروسيا", "وموسكو"], {"LOC": [["روسيا"], ["موسكو"]]}, ["B-LOC", "B-LOC"]),
])
def test_project(tokens, groups, tags_out):
    forms, _ = listed_forms(groups)
    assert project([tokens], forms) == [tags_out]


def test_listed_forms_sets_generic_forms_apart():
    forms, generic = listed_forms({"ORG": [["حكومة الأسد", "النظام"]]})
    assert forms == [(["حكومه", "الاسد"], "ORG")]
    assert generic == {"النظام"}


def test_annotated_sentences_leave_out_a_sentence_naming_by_a_generic_form():
    record = {"doc": "t1", "text": "قال النظام إن الهجوم فشل. وقالت حكومة الأسد إنها سترد.",
              "entities": {"ORG": [["حكومة الأسد", "النظام"]]}}
    sentences = annotated_sentences([record])
    assert len(sentences) == 1  # the first sentence would teach O for النظام
    tokens, tags = sentences[0]
    assert tokens[:3] == ["وقالت", "حكومة", "الأسد"] and tags[:3] == ["O", "B-ORG", "I-ORG"]


def test_training_records_keep_the_part_and_leave_out_the_excluded(tmp_path):
    gold = tmp_path / "g.json"
    gold.write_text(json.dumps([{"doc": d, "text": "نص", "entities": {}} for d in ("a", "b", "c", "d")]), encoding="utf-8")
    held = tmp_path / "h.json"
    held.write_text(json.dumps([{"doc": "b", "text": "نص", "entities": {}}]), encoding="utf-8")
    split = tmp_path / "split.json"
    split.write_text(json.dumps({"articles": {"a": "dev", "b": "dev", "c": "test", "d": "dev"}}), encoding="utf-8")
    args = type("A", (), {"split": split, "part": "dev", "exclude": [held], "gold": [gold]})()
    assert [r["doc"] for r in training_records(args)] == ["a", "d"]  # c is test, b held out


def test_main_says_what_to_do_without_articles(tmp_path):
    gold = tmp_path / "g.json"
    gold.write_text("[]", encoding="utf-8")
    with pytest.raises(SystemExit, match="no gold article"):
        main(["--base", str(tmp_path), "--gold", str(gold), "--out", str(tmp_path / "out")])
