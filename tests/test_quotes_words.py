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
