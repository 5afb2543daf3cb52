"""The stance word lists are data (data/stance/word_lists.json), read in the form each says."""
import ast
import json
import re
from importlib import resources

import pytest

from conftest import ROOT

from qawl import arabic
from qawl.clean import match_form
from qawl.stance import words
from qawl.stance.words import read_list

PACKAGE = ROOT / "src" / "qawl" / "stance"
ARABIC = re.compile(r"[\u0600-\u06FF]")


def raw_lists() -> dict:
    text = resources.files("qawl").joinpath("data", "stance", words.WORD_LISTS_FILE).read_text(encoding="utf-8")
    return json.loads(text)["lists"]


def test_every_list_says_what_it_is_and_the_form_it_is_written_in():
    for name, spec in raw_lists().items():
        assert spec["about"].strip() and "\n" not in spec["about"], name
        assert spec["form"] in words.FORMS and spec["type"] in words.TYPES, name
        assert spec["words"] and len(set(spec["words"])) == len(spec["words"]), name
        assert all(other in raw_lists() or isinstance(getattr(arabic, other, None), frozenset)
                   for other in spec.get("with", ())), name


def test_each_list_is_a_constant_of_the_words_module_and_read_by_a_rule_or_a_list():
    sources = {path.name: path.read_text(encoding="utf-8") for path in PACKAGE.glob("*.py") if path.name != "words.py"}
    held = {other for spec in raw_lists().values() for other in spec.get("with", ())}
    for name in raw_lists():
        constant = name.upper()
        assert getattr(words, constant) == words.word_lists()[name]
        read = any(re.search(rf"\b{constant}\b", text) for text in sources.values())
        assert read or name in held, f"{constant} is read by no rule and held by no list"


def test_written_words_are_read_in_matching_form():
    assert match_form("أن") in words.STOP_FORMS and "أن" not in words.STOP_FORMS
    assert words.BY_AGENT == (match_form("من"), match_form("قبل"))
    assert isinstance(words.STOP_FORMS, frozenset) and isinstance(words.SUFFIXES, tuple)


def test_a_list_holds_the_lists_it_names_with_also_of_the_language_layer():
    assert arabic.DAY_NAMES < arabic.TIME_WORDS < words.BETWEEN_ADVERBS
    assert match_form("بالفعل") in words.BETWEEN_ADVERBS and match_form("الإثنين") in words.BETWEEN_ADVERBS


def test_name_links_are_the_language_layers_in_matching_form():
    assert all(match_form(word) in arabic.NAME_LINKS for word in ("أبو", "ابو", "آل", "بن", "بنت", "أبي"))
    assert match_form("محمد") not in arabic.NAME_LINKS and match_form("الرئيس") not in arabic.NAME_LINKS
    assert not hasattr(words, "NAME_LINKS")  # one list, read from the language layer


def test_owner_endings_are_the_attached_pronouns_but_ha():
    assert set(words.OWNER_ENDINGS) == set(arabic.ATTACHED_PRONOUNS) - {"ه"}
    assert "بلادنا".endswith(words.OWNER_ENDINGS) and not "الحكومة".endswith(words.OWNER_ENDINGS)


def _as_matched(values) -> frozenset:
    return frozenset(match_form(w) for w in values)


def test_no_stance_list_is_a_class_of_the_language_layer_written_again():
    layer = {name: _as_matched(value) for name, value in vars(arabic).items()
             if name.isupper() and isinstance(value, (frozenset, tuple)) and all(isinstance(w, str) for w in value)}
    for name, spec in raw_lists().items():
        own = _as_matched(spec["words"])
        twins = [other for other, value in layer.items() if value == own]
        assert not twins, f"{name} is {twins} of qawl.arabic: import it from there"


def test_the_stance_rules_read_the_shared_classes_from_the_language_layer():
    assert words.word_lists().keys().isdisjoint({"commas", "quote_marks", "demonstratives", "relatives",
                                                  "complementizers", "prep_forms", "name_links", "day_names"})
    from qawl.stance import evaluations, narrated, targets, tokens
    assert narrated.COMPLEMENTIZERS is arabic.COMPLEMENTISERS and narrated.RELATIVES is arabic.SUBJECT_RELATIVES
    assert targets.RESUMPTIVE_PREPS is arabic.PREPOSITION_PRONOUNS and tokens.QUOTE_MARKS is arabic.QUOTE_MARKS
    assert evaluations.THAT_FORMS < arabic.COMPLEMENTISERS and evaluations.PREP_FORMS < arabic.PREPOSITIONS


def test_an_unknown_form_is_refused():
    with pytest.raises(ValueError):
        read_list("x", {"x": {"about": "", "form": "transliterated", "type": "set", "words": ["w"]}})


def _arabic_collections(path):
    """Module-level names bound to a tuple, list or set built from two or more Arabic strings."""
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if not isinstance(node, (ast.Assign, ast.AnnAssign)) or node.value is None:
            continue
        collections = [n for n in ast.walk(node.value) if isinstance(n, (ast.Tuple, ast.List, ast.Set))]
        for collection in collections:
            arabic = [e for e in collection.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)
                      and ARABIC.search(e.value)]
            if len(arabic) >= 2:
                yield path.name, node.lineno


def test_no_rule_module_writes_a_word_list_in_code():
    found = [hit for path in sorted(PACKAGE.glob("*.py")) for hit in _arabic_collections(path)]
    assert not found, found
