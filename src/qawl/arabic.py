"""The Arabic language layer: word classes that several stages read, in one place.

The lists are data (``data/arabic/word_classes.json``), written in the matching
form of ``qawl.clean.match_form``. Stages after cleaning import them from here,
never from each other (entities used to import them from quotes).
"""
from __future__ import annotations

import json
from importlib import resources

_CLASSES = json.loads(resources.files("qawl").joinpath("data/arabic/word_classes.json")
                      .read_text(encoding="utf-8"))

# اليوم، أمس، الخميس، مؤخرا: words that date a clause, never part of a name or a speaker
TIME_WORDS = frozenset(_CLASSES["time_words"])
# الأسبوع الماضي، العام المقبل: a definite time noun and the adjective that dates it
TIME_NOUNS = frozenset(_CLASSES["time_nouns"])
TIME_RELATIVES = frozenset(_CLASSES["time_relatives"])
