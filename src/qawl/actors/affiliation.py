"""An actor's affiliation (country or organisation) from titles and appositions."""
from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from qawl.actors.lexicon import Lexicons, _nisba_at

if TYPE_CHECKING:  # the evidence is gathered by the merge, which imports this module
    from qawl.actors.merge import _Evidence


def _affiliation_in(words: tuple, lex: Lexicons) -> str:
    for i in range(len(words)):
        n, affiliation = _nisba_at(words, i, lex)
        if n and affiliation:
            return affiliation
    return ""


def _affiliation_of(members: list, readings: dict, ev: _Evidence) -> str:
    votes: Counter = Counter()
    for form in members:
        if readings[form].affiliation:
            votes[readings[form].affiliation] += 2 * max(ev.count[form], 1)
        votes.update(ev.context_affiliations.get(form, {}))
    return votes.most_common(1)[0][0] if votes else ""
