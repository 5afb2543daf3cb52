"""The packaged learned stance reader (M-STANCE-MODEL), on by default in mode ``add``."""
from functools import partial

import pytest

from qawl.clean import clean_article
from qawl.schema import Article, Quote, make_span
from qawl.stance import extract_stances as extract_with_cut
from qawl.stance.model import MODEL_RULE, READERS, packaged_model, packaged_model_info

# the reader's cases: every stance it makes, whatever its confidence (the default cut: test_stance.py)
extract_stances = partial(extract_with_cut, min_confidence=0)


def quote_of(text: str, cue: str, content: str, speaker: str):
    doc = clean_article(Article("t", raw_text=text, origin="test"))
    spans = {name: make_span(doc.text, doc.text.index(value), doc.text.index(value) + len(value))
             for name, value in (("cue", cue), ("content", content), ("speaker", speaker))}
    quote = Quote(type="indirect", cue=spans["cue"], content=spans["content"], speaker=spans["speaker"],
                  speaker_canonical=speaker, speaker_kind="person")
    return doc, quote


def triples(stances):
    return {(s.speaker, s.target, s.polarity) for s in stances}


# stances a reader of the article would mark, which no lexicon frame of the rules reads
MODEL_ONLY = [
    ("وقالت المتحدثة إن القرار مزعج وإنها مستاءة جدا من انصياع فورميولا 1 وراء الأقلية.", "قالت",
     "القرار مزعج وإنها مستاءة جدا من انصياع فورميولا 1 وراء الأقلية", "المتحدثة", "فورميولا", "against"),
    ("وقال رئيس الوزراء إن المعارضة تتحمل مسؤولية الفوضى في البلاد.", "قال",
     "المعارضة تتحمل مسؤولية الفوضى في البلاد", "رئيس الوزراء", "المعارضة", "against"),
]


def test_the_packaged_reader_is_there_with_a_mode_it_was_chosen_in():
    model = packaged_model()
    assert model is not None and model["mode"] in ("add", "replace")  # stance_model.py picks it on untuned dev
    assert model["classes"] == ["none", "favor", "against"]
    info = packaged_model_info()
    assert info["present"] and len(info["sha256"]) == 64 and info["weights"] == len(model["weights"])


@pytest.mark.parametrize("text, cue, content, speaker, target_word, polarity", MODEL_ONLY)
def test_the_default_reader_finds_what_the_rules_miss(text, cue, content, speaker, target_word, polarity):
    doc, quote = quote_of(text, cue, content, speaker)
    assert extract_stances(doc, [quote], reader="rules") == []
    found = [s for s in extract_stances(doc, [quote]) if target_word in s.target]
    assert [s.polarity for s in found] == [polarity]
    assert found[0].rules == [MODEL_RULE] and found[0].speaker == speaker
    assert doc.text[found[0].target_start:found[0].target_end].endswith(found[0].target.split()[-1])


def test_the_rules_stances_stay_under_the_reader():
    doc, quote = quote_of("وقال المدرب إن محمد صلاح لاعب رائع ويستحق الفوز بالجائزة.", "قال",
                          "محمد صلاح لاعب رائع ويستحق الفوز بالجائزة", "المدرب")
    rules = triples(extract_stances(doc, [quote], reader="rules"))
    assert rules and rules <= triples(extract_stances(doc, [quote]))


def test_an_unknown_reader_is_named():
    doc, quote = quote_of("وقال الوزير إن الحكومة ترفض الاتفاق.", "قال", "الحكومة ترفض الاتفاق", "الوزير")
    with pytest.raises(ValueError, match="'learned'.*model, rules"):
        extract_stances(doc, [quote], reader="learned")
    assert READERS == ("model", "rules")


def test_the_engine_passes_its_reader_on():
    from qawl.engine import EngineConfig
    from qawl.engine.partition import analyse_articles

    text = MODEL_ONLY[1][0]
    articles = [Article("a", raw_text=text, origin="test")]
    by_reader = {}
    for reader in READERS:
        [result], failures = analyse_articles(
            articles, EngineConfig(backend="crf", stance_reader=reader, stance_min_confidence=0))
        assert not failures
        by_reader[reader] = {rule for s in result.stances for rule in s.rules}
    assert MODEL_RULE in by_reader["model"] and MODEL_RULE not in by_reader["rules"]


def mention_of(doc, name: str, label: str):
    from qawl.schema import Mention

    start = doc.text.index(name)
    return Mention(start, start + len(name), name, label, name)


NARRATED_TEXT = "وشنت القوات الروسية غارات على مواقع المعارضة السورية في إدلب."


def test_a_named_actor_outside_quotes_holds_the_rest_of_its_sentence():
    from qawl.stance.extract import rule_finder
    from qawl.stance.model import NARRATED, narrated_clauses

    doc = clean_article(Article("t", raw_text=NARRATED_TEXT, origin="test"))
    mentions = [mention_of(doc, "القوات الروسية", "ORG"), mention_of(doc, "المعارضة السورية", "ORG"),
                mention_of(doc, "إدلب", "LOC")]
    clauses = narrated_clauses(rule_finder(doc, [], mentions))
    first = clauses[0]
    assert (first.type, first.speaker.text, first.cue.text) == (NARRATED, "القوات الروسية", "وشنت")
    assert first.content.text.startswith("غارات على مواقع المعارضة السورية")
    for clause in clauses:  # every span is an offset into the cleaned text
        for span in (clause.cue, clause.content, clause.speaker):
            assert doc.text[span.start:span.end] == span.text
    assert [c.speaker.text for c in clauses] == ["القوات الروسية", "المعارضة السورية"]  # إدلب ends it


def test_the_default_reader_reads_acts_the_narrated_rules_miss():
    doc = clean_article(Article("t", raw_text=NARRATED_TEXT, origin="test"))
    mentions = [mention_of(doc, "القوات الروسية", "ORG"), mention_of(doc, "المعارضة السورية", "ORG")]
    assert extract_stances(doc, [], mentions, reader="rules") == []
    [stance] = [s for s in extract_stances(doc, [], mentions) if s.speaker == "القوات الروسية"]
    assert (stance.polarity, stance.quote, stance.rules) == ("against", -1, [MODEL_RULE])
    assert "المعارضة السورية" in stance.target


def test_a_model_without_narrated_weights_reads_no_clause():
    doc = clean_article(Article("t", raw_text=NARRATED_TEXT, origin="test"))
    mentions = [mention_of(doc, "القوات الروسية", "ORG"), mention_of(doc, "المعارضة السورية", "ORG")]
    model = {key: value for key, value in packaged_model().items() if key != "narrated"}
    assert not [s for s in extract_stances(doc, [], mentions, model=model) if MODEL_RULE in s.rules]


def test_the_readers_stances_carry_its_calibrated_confidence():
    from qawl.stance.model import calibrated

    model = packaged_model()
    shares = [share for _, share in model["calibration"]["quote"]]
    assert shares == sorted(shares) and 0.0 < shares[0] < shares[-1] < 1.0
    assert calibrated(model, "quote", 0.99) == shares[-1]
    assert calibrated(model, "quote", model["threshold"]) == shares[0]
    assert calibrated({}, "quote", 0.99) is None
    text, cue, content, speaker = MODEL_ONLY[1][:4]
    doc, quote = quote_of(text, cue, content, speaker)
    [stance] = [s for s in extract_stances(doc, [quote]) if MODEL_RULE in s.rules]
    assert stance.confidence in shares


def test_the_cli_offers_the_readers_the_stage_has():
    from qawl.__main__ import STANCE_READERS

    assert STANCE_READERS == READERS


def test_the_cli_default_stance_cut_is_the_stage_s():
    from qawl.__main__ import STANCE_MIN_CONFIDENCE
    from qawl.stance.params import MIN_CONFIDENCE

    assert STANCE_MIN_CONFIDENCE == MIN_CONFIDENCE
