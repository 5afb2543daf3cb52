"""The matching rules of benchmarks/scoring.py on tiny examples (ANNOTATION.md "Scoring")."""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.scoring import (  # noqa: E402
    QUOTE_MEASURES,
    SPLIT_FILE,
    STANCE_MEASURES,
    bootstrap,
    contents_match,
    cue_matches,
    gold_paths,
    greedy_pairs,
    ids_digest,
    load_split,
    make_split,
    match_tokens,
    quote_counts,
    normalise_text,
    score_entities,
    score_quotes,
    score_stances,
    speaker_matches,
    target_matches,
)


@pytest.mark.parametrize(
    "text_in, text_out",
    [
        ("قال\u00a0 الوزير  ", "قال الوزير"),
        ("\n سطر\tثان \n", "سطر ثان"),
        ("", ""),
    ],
)
def test_normalise_text(text_in, text_out):
    assert normalise_text(text_in) == text_out


@pytest.mark.parametrize(
    "text_in, tokens",
    [
        ("«الإرهابيين»", ["الارهابيين"]),
        ("مؤكدًا", ["مؤكدا"]),
        ("مدرسةٌ كبرى", ["مدرسه", "كبري"]),
        ("آلاف الجنــود", ["الاف", "الجنود"]),
        ("عام 2016، بيدو2-", ["عام", "2016", "بيدو2"]),
    ],
)
def test_match_tokens(text_in, tokens):
    assert match_tokens(text_in) == tokens


@pytest.mark.parametrize(
    "pred, gold, matches",
    [
        ("الاتفاق جيد جدا", "الاتفاق جيد", True),  # 2 of 3 and 2 of 2
        ("إن الاتفاق جيد ويمنع إيران من السلاح", "الاتفاق جيد", False),  # 2 of 7 < half of pred
        ("الاتفاق", "الاتفاق جيد ويمنع", False),  # 1 of 3 < half of gold
        ("«الأمر مقلق»", "الامر مقلق", True),  # marks and hamza do not count
        ("", "شيء", False),
    ],
)
def test_contents_match(pred, gold, matches):
    assert contents_match(pred, gold) is matches


@pytest.mark.parametrize(
    "pred_text, pred_canonical, gold, matches",
    [
        ("كيري", "", ["جون كيري", "كيري"], True),
        ("وكيري", "", ["جون كيري", "كيري"], True),  # clitic و allowed
        ("وزير الخارجية الأميركي جون كيري", "", ["جون كيري", "كيري"], True),  # contains a 2-word string
        ("الوزير كيري", "", ["كيري"], False),  # contains only a 1-word string
        ("سماحته", "عبدالعزيز آل الشيخ", ["عبدالعزيز آل الشيخ"], True),  # canonical counts
        ("المصادر", "", ["مصادر في المعارضة"], False),
        ("", "", ["كيري"], False),
    ],
)
def test_speaker_matches(pred_text, pred_canonical, gold, matches):
    assert speaker_matches(pred_text, pred_canonical, gold) is matches


@pytest.mark.parametrize(
    "pred, gold, matches",
    [
        ("روسيا", ["روسيا"], True),
        ("قرار تأجيل البطولة الخليجية", ["قرار تأجيل"], True),  # contains
        ("العرض", ["العرض الروسي"], False),
        ("بالعرض الروسي الجديد", ["العرض الروسي"], True),  # all words of the gold, clitic allowed
    ],
)
def test_target_matches(pred, gold, matches):
    assert target_matches(pred, gold) is matches


@pytest.mark.parametrize(
    "pred, gold, matches",
    [("وقال", "قال", True), ("قالت", "قال", False), (":", ":", True), ("مؤكدًا", "مؤكدا", True)],
)
def test_cue_matches(pred, gold, matches):
    assert cue_matches(pred, gold) is matches


def test_greedy_pairs_are_one_to_one_best_first():
    scores = {(0, 0): 0.6, (1, 0): 0.9, (1, 1): 0.5}
    pairs = greedy_pairs([0, 1], [0, 1], lambda p, g: scores.get((p, g), 0.0))
    assert pairs == [(1, 0)]  # pred 1 takes gold 0; pred 0 has nothing left, gold 1's only pred is used


def _gold_quote(content, speaker, type_="indirect", cue="قال"):
    return {"type": type_, "cue": cue, "content": content, "speaker": speaker}


def _pred_quote(content, speaker, type_="indirect", cue="قال", canonical=""):
    return {"type": type_, "cue": cue, "content": content, "speaker": speaker, "speaker_canonical": canonical}


def test_score_quotes_counts_detection_speaker_and_errors():
    gold = [
        {
            "doc": "d1",
            "quotes": [
                _gold_quote("الاتفاق جيد ويمنع إيران من امتلاك السلاح", ["باراك أوباما", "أوباما"]),
                _gold_quote("إيران ستخضع لمراقبة دقيقة", ["باراك أوباما", "أوباما"], cue="أوضح"),
            ],
        }
    ]
    preds = {
        "d1": [
            _pred_quote("الاتفاق جيد ويمنع إيران من امتلاك السلاح", "أوباما"),
            _pred_quote("ستخضع إيران لمراقبة دقيقة وعلى مدار الساعة", "الكونغرس", cue="وأوضح"),
            _pred_quote("كلام لا علاقة له", "أحد"),
        ]
    }
    overall = score_quotes(preds, gold)["overall"]
    assert overall["matched"] == 2
    assert overall["detection"]["precision"] == pytest.approx(2 / 3)
    assert overall["detection"]["recall"] == 1.0
    assert overall["speaker_accuracy"] == 0.5
    assert overall["cue_accuracy"] == 1.0
    assert overall["end_to_end"]["recall"] == 0.5
    errors = score_quotes(preds, gold)["errors"]
    assert len(errors["spurious"]) == 1 and len(errors["wrong_speaker"]) == 1 and not errors["missed"]


def test_score_quotes_each_gold_matches_one_prediction():
    gold = [{"doc": "d", "quotes": [_gold_quote("الاتفاق جيد جدا", ["أوباما"])]}]
    preds = {"d": [_pred_quote("الاتفاق جيد جدا", "أوباما"), _pred_quote("الاتفاق جيد جدا", "أوباما")]}
    overall = score_quotes(preds, gold)["overall"]
    assert overall["matched"] == 1 and overall["n_pred"] == 2


def test_score_stances_needs_polarity_speaker_and_target():
    gold = {"d": [{"speaker": ["سيرغي لافروف", "لافروف"], "target": ["جيش حلب"], "polarity": "against"}]}
    right = {"speaker": "لافروف", "target": "إنشاء جيش حلب", "polarity": "against"}
    wrong_polarity = dict(right, polarity="favor")
    wrong_target = dict(right, target="حلب")
    assert score_stances({"d": [right]}, gold)["overall"]["f1"] == 1.0
    assert score_stances({"d": [wrong_polarity]}, gold)["overall"]["matched"] == 0
    assert score_stances({"d": [wrong_target]}, gold)["overall"]["matched"] == 0


def test_score_entities_groups_by_canonical_and_allows_clitic():
    gold = [{"doc": "d", "entities": {"PER": [["جون كيري", "كيري"]], "LOC": [["روسيا", "موسكو"]], "ORG": []}}]
    mentions = [
        {"text": "كيري", "label": "PER", "canonical": "جون كيري"},
        {"text": "جون كيري", "label": "PER", "canonical": "جون كيري"},
        {"text": "وروسيا", "label": "LOC", "canonical": "وروسيا"},
        {"text": "حلب", "label": "LOC", "canonical": "حلب"},
    ]
    scores = score_entities({"d": mentions}, gold)
    assert scores["per_label"]["PER"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0}
    assert scores["per_label"]["LOC"]["precision"] == 0.5
    assert scores["micro"]["recall"] == 1.0


# --- bootstrap intervals --------------------------------------------------------------


def test_bootstrap_interval_contains_the_point_estimate():
    rows = [{"pred": p, "gold": g, "matched": m} for p, g, m in
            [(5, 6, 4), (3, 3, 3), (0, 2, 0), (7, 5, 4), (2, 4, 2), (6, 6, 5), (1, 0, 0), (4, 5, 3)]]
    result = bootstrap(rows, STANCE_MEASURES, resamples=500, seed=1)
    assert result["precision"]["value"] == pytest.approx(21 / 28)
    assert result["recall"]["value"] == pytest.approx(21 / 31)
    for measure in result.values():
        assert measure["low"] <= measure["value"] <= measure["high"]
        assert measure["low"] < measure["high"]
    assert bootstrap(rows, STANCE_MEASURES, resamples=500, seed=1) == result  # seeded


def test_bootstrap_of_identical_articles_has_zero_width():
    rows = [{"pred": 7, "gold": 5, "matched": 3}] * 12
    for measure in bootstrap(rows, STANCE_MEASURES, resamples=200).values():
        assert measure["low"] == measure["value"] == measure["high"]


def test_bootstrap_without_articles_gives_no_numbers():
    assert bootstrap([], STANCE_MEASURES)["f1"] == {"value": None, "low": None, "high": None}


def test_quote_measures_agree_with_score_quotes():
    gold = [{"doc": "d", "quotes": [_gold_quote("الاتفاق جيد جدا", ["أوباما"]),
                                    _gold_quote("إيران ستخضع لمراقبة دقيقة", ["الكونغرس"])]}]
    preds = {"d": [_pred_quote("الاتفاق جيد جدا", "أوباما"), _pred_quote("إيران ستخضع لمراقبة", "أحد"),
                   _pred_quote("كلام آخر", "أحد")]}
    scores = score_quotes(preds, gold)
    overall = scores["overall"]
    measures = bootstrap([quote_counts(scores["per_doc"]["d"])], QUOTE_MEASURES, resamples=10)
    assert measures["detection_f1"]["value"] == pytest.approx(overall["detection"]["f1"])
    assert measures["speaker_accuracy"]["value"] == pytest.approx(overall["speaker_accuracy"])
    assert measures["end_to_end_f1"]["value"] == pytest.approx(overall["end_to_end"]["f1"])


# --- the evaluation split (benchmarks/split.json) -------------------------------------------

SHARED = Path(os.environ.get("QAWL_SHARED", Path(__file__).resolve().parents[2] / "shared"))
TEST_PART_SIZE = 52
TEST_PART_SHA256 = "8600b60899f25b2f488b914a2d89e41695f6aa771690c6f56862e6e92494ba36"


def _split_record():
    def no_duplicates(pairs):
        keys = [k for k, _ in pairs]
        assert len(keys) == len(set(keys)), "an article is listed twice in split.json"
        return dict(pairs)

    return json.loads(SPLIT_FILE.read_text(encoding="utf-8"), object_pairs_hook=no_duplicates)


def test_split_file_does_not_drift():
    record = _split_record()
    split = load_split()
    assert set(split.values()) == {"dev", "test"}
    test_ids = [doc for doc, part in split.items() if part == "test"]
    assert len(test_ids) == TEST_PART_SIZE >= 50
    assert ids_digest(test_ids) == TEST_PART_SHA256 == record["test_ids_sha256"]
    assert record["counts"]["test"] == TEST_PART_SIZE and record["counts"]["dev"] == len(split) - TEST_PART_SIZE


def _gold_files():
    paths = gold_paths(SHARED)
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        pytest.skip(f"gold files not found (set QAWL_SHARED): {', '.join(missing)}")
    return [(p.name, json.loads(p.read_text(encoding="utf-8"))) for p in paths]


def test_every_gold_article_is_in_exactly_one_part():
    files = _gold_files()
    gold_ids = [gold["doc"] for _, golds in files for gold in golds]
    assert len(gold_ids) == len(set(gold_ids))  # no article in two gold files
    assert sorted(gold_ids) == sorted(load_split())


def test_split_file_is_what_its_procedure_gives():
    record = _split_record()
    made = make_split(_gold_files(), record["test_files"], record["salt"], every=record["every"])
    assert made == record["articles"]


def test_benchmarks_report_the_test_part_only_as_numbers():
    from benchmarks import quotes as quote_bench
    from benchmarks import stance as stance_bench

    split = {"d1": "dev", "t1": "test"}
    quote = _gold_quote("الاتفاق جيد جدا", ["أوباما"])
    golds = [{"doc": "d1", "quotes": [quote], "stances": []},
             {"doc": "t1", "quotes": [quote], "stances": []},
             {"doc": "n1", "quotes": [quote], "stances": []}]
    file_of = {"d1": "a.json", "t1": "a.json", "n1": "b.json"}
    preds = {doc: [_pred_quote("كلام آخر", "أحد")] for doc in file_of}
    result = quote_bench.evaluate(preds, golds, file_of, split, resamples=20)
    assert list(result["parts"]) == ["dev", "test", "unsplit"]
    assert list(result["readable"]) == ["dev", "unsplit"]
    assert result["parts"]["test"]["counts"] == {"pred": 1, "gold": 1, "matched": 0, "speaker_ok": 0,
                                                 "type_ok": 0, "cue_ok": 0, "named_gold": 0, "named_ok": 0}
    assert "t1" not in json.dumps(result["parts"]) and "t1" not in json.dumps(result["readable"])
    stance = {"speaker": "أوباما", "target": "الاتفاق", "polarity": "favor"}
    stance_result = stance_bench.evaluate({doc: [stance] for doc in file_of}, golds, file_of, split, resamples=20)
    assert list(stance_result["readable"]) == ["dev", "unsplit"]
    assert stance_result["parts"]["test"]["counts"] == {"pred": 1, "gold": 0, "matched": 0}
    assert "t1" not in json.dumps(stance_result["parts"]) and "t1" not in json.dumps(stance_result["readable"])


def test_named_speaker_share_counts_names_not_descriptions():
    speaker = ["هربرت كيكل", "وزير الداخلية النمساوي", "كيكل"]
    gold = [{"doc": "d", "entities": {"PER": [["هربرت كيكل", "كيكل"]]},
             "quotes": [_gold_quote("الاتفاق جيد جدا", speaker), _gold_quote("سيكون هذا مشروعا كبيرا", speaker),
                        _gold_quote("لا نعرف شيئا عنه", ["مصادر مطلعة"])]}]
    preds = {"d": [_pred_quote("الاتفاق جيد جدا", "وزير الداخلية النمساوي"),
                   _pred_quote("سيكون هذا مشروعا كبيرا", "الوزير", canonical="هربرت كيكل"),
                   _pred_quote("لا نعرف شيئا عنه", "مصادر مطلعة")]}
    overall = score_quotes(preds, gold)["overall"]
    assert overall["speaker_ok"] == 3  # a description is an acceptable speaker ...
    assert (overall["named_gold"], overall["named_ok"]) == (2, 1)  # ... but not a name
    assert overall["named_speaker_share"] == 0.5
    measures = bootstrap([quote_counts(overall)], QUOTE_MEASURES, resamples=10)
    assert measures["named_speaker_share"]["value"] == 0.5


# --- benchmarks/agreement.py: two annotators of the same articles ------------------------

from benchmarks.agreement import compare, speakers_agree  # noqa: E402

_FIRST = [{
    "doc": "d1",
    "quotes": [
        {"type": "indirect", "cue": "قال", "speaker": ["أحمد علي", "علي"], "content": "الحكومة ستعمل على حل الأزمة قريبا"},
        {"type": "indirect", "cue": "أكد", "speaker": ["الوزير"], "content": "الاتفاق سيوقع الأسبوع المقبل في الرياض"},
    ],
    "stances": [{"speaker": ["أحمد علي"], "target": ["الاتفاق"], "polarity": "favor"}],
}]


def test_agreement_a_second_annotation_that_names_the_speaker_otherwise_agrees():
    second = [{
        "doc": "d1",
        "quotes": [
            {"type": "indirect", "cue": "قال", "speaker": ["علي"], "content": "الحكومة ستعمل على حل الأزمة قريبا"},
            {"type": "indirect", "cue": "أكد", "speaker": ["سعيد جبر"], "content": "الاتفاق سيوقع الأسبوع المقبل"},
        ],
        "stances": [{"speaker": ["علي", "أحمد علي"], "target": ["الاتفاق المقبل"], "polarity": "favor"}],
    }]
    row = compare(_FIRST, second)
    assert row["detection_f1"] == 1.0  # both contents overlap their counterpart
    assert row["speaker_accuracy"] == 0.5  # سعيد جبر is not الوزير
    assert row["stance_f1"] == 1.0  # the target holds all the words of one gold target
    assert speakers_agree(["علي"], ["أحمد علي", "علي"]) and not speakers_agree(["سعيد"], ["أحمد علي"])


def test_agreement_counts_what_only_one_annotator_saw():
    second = [{"doc": "d1", "quotes": _FIRST[0]["quotes"][:1], "stances": []}, {"doc": "d2", "quotes": [], "stances": []}]
    row = compare(_FIRST, second)
    assert (row["detection_p"], row["detection_r"]) == (1.0, 0.5)
    assert row["stance_f1"] == 0.0 and row["quotes_a"] == 2 and row["quotes_b"] == 1
