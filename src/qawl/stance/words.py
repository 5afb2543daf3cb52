"""The word lists only the stance rules read, from ``data/stance/word_lists.json`` (the only place
they are written down): one constant per list, named as the list in capitals. The word classes
the quote stage reads too (commas, prepositions, relatives, complementisers, demonstratives,
attached pronouns, name links, day names) are the language layer's: the rules import them from
``qawl.arabic``, and this module builds from them only what the stance rules read differently.

Each list in the file has a one-line ``about``, the ``form`` its words are written in and a
``type``. Output: ``frozenset`` (type ``set``) or ``tuple`` (type ``sequence``) of strings,
``written`` words in matching form (``qawl.clean.match_form``), ``matching`` and ``text``
words as they are.
"""
from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources

from qawl import arabic
from qawl.clean import match_form

WORD_LISTS_FILE = "word_lists.json"
FORMS = ("written", "matching", "text")
TYPES = {"set": frozenset, "sequence": tuple}


@lru_cache(maxsize=1)
def word_lists() -> dict[str, frozenset | tuple]:
    """Every list of ``data/stance/word_lists.json`` by its name, read in the form it says."""
    raw = json.loads(resources.files("qawl").joinpath("data", "stance", WORD_LISTS_FILE).read_text(encoding="utf-8"))
    specs = raw["lists"]
    return {name: read_list(name, specs) for name in specs}


def read_list(name: str, specs: dict) -> frozenset | tuple:
    """One list: its words (in matching form when written in ordinary spelling), then the words of
    the lists it says it holds (``with``: a list of the file, or a class of ``qawl.arabic``)."""
    spec = specs[name]
    if spec["form"] not in FORMS or spec["type"] not in TYPES:
        raise ValueError(f"{WORD_LISTS_FILE}: list {name!r} has form {spec['form']!r}, type {spec['type']!r}")
    words = [match_form(word) if spec["form"] == "written" else word for word in spec["words"]]
    for other in spec.get("with", ()):
        words += read_list(other, specs) if other in specs else sorted(getattr(arabic, other))
    return TYPES[spec["type"]](words)


_LISTS = word_lists()
IMPERFECT_PREFIXES = _LISTS["imperfect_prefixes"]
SUFFIXES = _LISTS["suffixes"]
STOP_FORMS = _LISTS["stop_forms"]
PRONOUNS = _LISTS["pronouns"]
SELF_FORMS = _LISTS["self_forms"]
NAMING_STEMS = _LISTS["naming_stems"]
BY_AGENT = _LISTS["by_agent"]
MANNER_HEADS = _LISTS["manner_heads"]
MANNER_ADVERBS = _LISTS["manner_adverbs"]
QUANTIFIERS = _LISTS["quantifiers"]
REPORTED_FORMS = _LISTS["reported_forms"]
CAUTION_FORMS = _LISTS["caution_forms"]
LIGHT_ACTIONS = _LISTS["light_actions"]
FORMULAIC_TARGETS = _LISTS["formulaic_targets"]
SKIPPED_ANTECEDENTS = _LISTS["skipped_antecedents"]
BETWEEN_ADVERBS = _LISTS["between_adverbs"]
SUPPORT_VERBS = _LISTS["support_verbs"]
STILL_FORMS = _LISTS["still_forms"]
MINIMISERS = _LISTS["minimisers"]
EXPRESSION_VERBS = _LISTS["expression_verbs"]
INTENSIFIERS = _LISTS["intensifiers"]
SUBJECT_VERB_PARTICLES = _LISTS["subject_verb_particles"]
NARRATED_VERB_PARTICLES = _LISTS["narrated_verb_particles"]


# Built from the language layer for the stance rules that read them so.
OWNER_ENDINGS = tuple(p for p in arabic.ATTACHED_PRONOUNS if len(p) > 1)  # not ه: a final ة reads as ه
