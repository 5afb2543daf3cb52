"""The word lists the quotes stage reads from the language layer (``qawl.arabic``, data/arabic/)."""
import json
import re
from importlib import resources

import pytest

from qawl import arabic
from qawl.clean import match_form
from qawl.cues import load_cues

WORD_FILES = sorted(p.name for p in resources.files("qawl").joinpath("data/arabic").iterdir() if p.name.endswith(".json"))
NOT_MATCHING = re.compile(r"as written|as spelt", re.IGNORECASE)  # the lists whose comment says so


def word_lists():
    for name in WORD_FILES:
        data = json.loads(resources.files("qawl").joinpath(f"data/arabic/{name}").read_text(encoding="utf-8"))
        assert data["_about"].strip()
        for key, entry in data.items():
            if not key.startswith("_"):
                yield pytest.param(key, entry, id=f"{name}:{key}")


@pytest.mark.parametrize("key, entry", list(word_lists()))
def test_every_list_says_what_it_is_and_is_written_in_matching_form(key, entry):
    assert set(entry) == {"_comment", "words"}
    assert entry["_comment"].strip() and "\n" not in entry["_comment"]
    assert entry["words"] and all(isinstance(w, str) and w.strip() == w and w for w in entry["words"])
    if not NOT_MATCHING.search(entry["_comment"]):
        assert [w for w in entry["words"] if match_form(w) != w] == []


def test_cue_lemma_lists_name_lemmas_of_the_cue_lexicon():
    lemmas = {entry.lemma for entry in load_cues().forms.values()}
    assert arabic.BA_OBJECT_LEMMAS <= lemmas
    assert arabic.CONTINUATION_LEMMAS <= lemmas


def test_derived_classes_are_built_from_the_lists():
    assert {"لكنه", "فانها", "لانهم"} <= arabic.PRONOUN_CARRIERS
    assert {"فيه", "لها", "عليهم"} <= arabic.PREPOSITION_PRONOUNS
    assert ("في", "حين") in arabic.CLAUSE_STOPPER_PAIRS and ("قبل", "ان") in arabic.NARRATIVE_TIME_PAIRS
    assert arabic.LATTER == {"الاخير": "m", "الاخيره": "f"}
    assert "علي" in arabic.BACK_POINTERS and arabic.ANAPHORIC_SUBJECTS < arabic.BACK_POINTERS


def test_the_preposition_pronoun_pattern_is_built_from_the_lists():
    from qawl.quotes.lexical import PREPOSITION_PRONOUN_RE

    assert all(PREPOSITION_PRONOUN_RE.match(w) for w in ("اليه", "بموجبه", "عليها", "لدينا", "ضدهم"))
    assert not any(PREPOSITION_PRONOUN_RE.match(w) for w in ("الي", "بيانه", "عليهاx", "فيهماه"))


def _lists_by_key() -> dict[str, frozenset]:
    return {f"{name}:{key}": frozenset(entry["words"]) for name, key, entry in _entries()}


def _entries():
    for name in WORD_FILES:
        data = json.loads(resources.files("qawl").joinpath(f"data/arabic/{name}").read_text(encoding="utf-8"))
        for key, entry in data.items():
            if not key.startswith("_"):
                yield name, key, entry


def test_no_two_lists_of_the_language_layer_are_the_same_class_written_twice():
    seen: dict[frozenset, str] = {}
    for key, words in _lists_by_key().items():
        words = frozenset(match_form(w) for w in words)
        assert words not in seen, f"{key} and {seen.get(words)} hold the same words: keep one"
        seen[words] = key


def test_a_class_is_the_union_of_its_named_parts():
    assert arabic.PREPOSITIONS == arabic.PHRASE_PREPOSITIONS | arabic.EVENT_PREPOSITIONS
    assert arabic.PHRASE_PREPOSITIONS.isdisjoint(arabic.EVENT_PREPOSITIONS)
    assert {"ضد", "تحت", "بعد", "عقب"} <= arabic.PREPOSITIONS and "عقب" not in arabic.PHRASE_PREPOSITIONS
    assert arabic.SUBJECT_RELATIVES < arabic.RELATIVES and "ما" in arabic.RELATIVES - arabic.SUBJECT_RELATIVES
    assert arabic.THAT_COMPLEMENTISERS < arabic.COMPLEMENTISERS and "بانها" in arabic.THAT_COMPLEMENTISERS
    assert arabic.DAY_NAMES < arabic.TIME_WORDS and "الخميس" in arabic.DAY_NAMES
    assert set(arabic.PRONOUN_SUFFIXES) < set(arabic.ATTACHED_PRONOUNS) == arabic.OBJECT_PRONOUNS
    assert {"اياهن", "ايانا"} <= arabic.OBJECT_CARRIERS and {"اليها", "به"} <= arabic.PREPOSITION_PRONOUNS


def test_punctuation_is_read_as_written():
    assert arabic.COMMAS == {"،", ","} and {"«", "»", '"'} <= arabic.QUOTE_MARKS
    from qawl.quotes.tokens import ALL_MARKS, COMMAS

    assert ALL_MARKS is arabic.QUOTE_MARKS and COMMAS is arabic.COMMAS
