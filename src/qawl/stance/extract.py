"""The stance stage as a pipeline: read the quotes, the speakers' own names and the narrated
acts into candidates, read each candidate's target, set confidence, merge.

Input: a cleaned ``Document``, its quotes (``qawl.quotes``) and mentions (``qawl.entities``);
output: ``Stance`` records, sorted by quote (narrated acts last) and target offset.
"""
from __future__ import annotations

from typing import Optional, Sequence

from qawl.schema import Document, Mention, Quote, Stance
from qawl.stance.acts import _ActRules
from qawl.stance.candidates import _FinderBase
from qawl.stance.evaluations import _EvaluationRules
from qawl.stance.lexicon import default_lexicon, Lexicon
from qawl.stance.merge import merge_stances, stance_confidence
from qawl.stance.model import MODEL_RULE, apply_model, reader_model
from qawl.stance.narrated import _NarratedRules
from qawl.stance.params import MIN_CONFIDENCE
from qawl.stance.quoted import _QuoteRules
from qawl.stance.speakers import _SpeakerRules
from qawl.stance.targets import _TargetRules


def extract_stances(doc: Document, quotes: Sequence[Quote], mentions: Optional[Sequence[Mention]] = None,
                    lexicon: Optional[Lexicon] = None, narrated: bool = True,
                    model: Optional[dict] = None, reader: str = "model",
                    min_confidence: float = MIN_CONFIDENCE) -> list[Stance]:
    """Stances of the speakers of ``quotes`` (and of narrated acts when ``narrated``).

    Each ``Stance.quote`` indexes ``quotes`` (-1 for an act reported without
    words); ``target_start``/``target_end`` locate the target's words in
    ``doc.text``; ``target`` is the mention's canonical name when the target is
    one mention, else those words without a leading preposition. ``reader`` ``model`` (the
    default) adds the packaged learned reader's stances to the rules' (M-STANCE-MODEL);
    ``rules`` keeps the rules' alone. ``model`` (``qawl.stance.model.load_model``) replaces the
    packaged reader. Only stances whose confidence is at least ``min_confidence`` are returned
    (``params.MIN_CONFIDENCE``; 0 returns every stance the rules and the reader found).
    """
    model = reader_model(reader, model)
    finder = rule_finder(doc, quotes, mentions, lexicon, narrated)
    if model is not None:
        apply_model(finder, model)
    stances = merge_stances(with_confidence(stance_records(finder)))
    return [stance for stance in stances if stance.confidence >= min_confidence]


def rule_finder(doc: Document, quotes: Sequence[Quote], mentions: Optional[Sequence[Mention]] = None,
                lexicon: Optional[Lexicon] = None, narrated: bool = True) -> _StanceFinder:
    """The stance finder after every rule family ran: its candidates are the rules' stances."""
    finder = _StanceFinder(doc, quotes, mentions or [], lexicon or default_lexicon())
    for index, quote in enumerate(finder.quotes):
        finder.quote_stances(index, quote)  # Q- rules (and A- for their acts), speakers by the H- rules
    finder.holder_stances()  # Q-HOLDER-NAME: معارضو القانون
    if narrated:
        finder.reported_acts()  # N- rules, outside quotes
    return finder


def stance_records(finder: _StanceFinder) -> list[Stance]:
    """The finder's candidates as stances, their targets read by the T- rules (some dropped)."""
    stances = []
    for candidate in finder.candidates:
        stance = finder.stance_record(candidate)
        if stance is not None:
            if candidate.confidence is not None:
                stance.confidence = candidate.confidence
            stances.append(stance)
    return stances


def with_confidence(stances: list[Stance]) -> list[Stance]:
    """Each stance with its confidence set: the learned reader's calibrated one for its own
    stances (``stance_records`` set it), ``stance_confidence`` for the rules'."""
    for stance in stances:
        if MODEL_RULE not in stance.rules:
            stance.confidence = stance_confidence(stance)
    return stances


class _StanceFinder(_QuoteRules, _EvaluationRules, _NarratedRules, _SpeakerRules, _TargetRules, _ActRules,
                    _FinderBase):
    """Every rule family over one document: ``_FinderBase`` holds the state and ``emit``; each
    mixin adds the methods of one family (they call each other through ``self``)."""
