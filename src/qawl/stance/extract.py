"""The stance stage as a pipeline: quotes, then holders' names, then narrated acts, then
targets, confidence and merging.

Input: a cleaned ``Document``, its quotes and mentions; output: ``Stance`` records.
"""
from __future__ import annotations

from typing import Optional, Sequence

from qawl.schema import Document, Mention, Quote, Stance
from qawl.stance.acts import _ActRules
from qawl.stance.candidates import _FinderBase
from qawl.stance.evaluations import _EvaluationRules
from qawl.stance.lexicon import default_lexicon, Lexicon
from qawl.stance.narrated import _NarratedRules
from qawl.stance.quoted import _QuoteRules
from qawl.stance.speakers import _SpeakerRules
from qawl.stance.targets import _TargetRules


def extract_stances(doc: Document, quotes: Sequence[Quote], mentions: Optional[Sequence[Mention]] = None,
                    lexicon: Optional[Lexicon] = None, narrated: bool = True) -> list[Stance]:
    """Stances of the speakers of ``quotes`` (and of narrated acts when ``narrated``).

    Each ``Stance.quote`` indexes ``quotes`` (-1 for an act reported without
    words); ``target_start``/``target_end`` locate the target's words in
    ``doc.text``; ``target`` is the mention's canonical name when the target is
    one mention, else those words without a leading preposition.
    """
    finder = _StanceFinder(doc, quotes, mentions or [], lexicon or default_lexicon())
    for index, quote in enumerate(finder.quotes):
        finder.quote_stances(index, quote)
    finder.holder_stances()
    if narrated:
        finder.reported_acts()
    return finder.stances()


class _StanceFinder(_QuoteRules, _EvaluationRules, _NarratedRules, _SpeakerRules, _TargetRules, _ActRules, _FinderBase):
    """Every rule family over one document's tokens; collects candidates, then ``stances()``."""


