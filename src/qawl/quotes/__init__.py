"""Quote extraction and attribution: who said what, as citron-style spans.

A quote is a ``cue`` (the reporting word), a ``content`` span and a ``speaker``.
The extractor is rule based and works on the cleaned ``Document``; each stage is a
module with its contract in its docstring:

- ``tokens``: the token/blocks view, with the quotation regions of each paragraph
  (« » “ ” and straight quotes, nested or unbalanced);
- ``cue_finding`` and ``cue_frames``: the reporting cues (``qawl.cues``: every
  inflection of قال, أكد, أشار إلى ...; attribution phrases بحسب X; verbal nouns
  عقب تأكيد X أن; documents جاء في البيان أن; بالقول; headlines المتحدث: قول; closers
  على حد قوله), each made a candidate with
- its source span (``source_phrase``, ``source_span``: VSO, the noun phrase after
  the verb; SVO, the one before it; pro-drop, none) and
- where its content starts (``content_start``: a complementiser, a colon, a
  quotation, the preposition or object the verb takes);
- ``select``: each content bounded (``content_end``, the B-* rules: sentence end,
  clause stopper, the next cue), cues inside another quote's words kept as nested
  sources, duplicates and repeats dropped;
- ``resolve``: speakers in reading order (the S-* rules): named entities, titles,
  descriptions, pronouns and dropped subjects, with agreement read off the cue;
- ``record``: the ``Quote`` records and their table rows;
- ``confidence``: each quote's confidence, calibrated on the dev part of the gold split.

Rule ids are in ``rules`` (``RULES``, ``DISABLED_RULES``, ``rule_on``); word lists in
the language layer ``qawl.arabic``.
"""
from __future__ import annotations

import logging
from typing import Optional

from qawl.schema import Document, Mention, Quote
# the private names below are re-exported for the tests that check the parts on their own
from .candidate import _Candidate
from .confidence import calibrate
from .content_end import _starts_closer
from .extractor import _Extractor
from .record import build_quotes, quote_rows
from .resolve import resolve_speakers
from .rules import DISABLED_RULES, METHOD_RULES, RULES, disabled_rules, rule_on
from .select import _AcceptedIndex, _inside, _overlaps, _repeats, _select, _WordSetIndex
from .tokens import _ends_sentence, _Token, quote_regions

logger = logging.getLogger(__name__)

__all__ = ["DISABLED_RULES", "METHOD_RULES", "RULES", "disabled_rules", "extract_quotes", "quote_regions",
           "quote_rows", "rule_on"]


def extract_quotes(doc: Document, mentions: Optional[list[Mention]] = None) -> list[Quote]:
    """Direct, indirect and mixed quotes of a cleaned document, with their speakers.

    ``mentions`` (from ``qawl.entities.extract_mentions``) sharpen speaker spans
    and give ``speaker_canonical``; without them the extractor falls back on its
    own noun-phrase rules. Never raises on odd text: unbalanced quotation marks
    lower the confidence instead.
    """
    ex = _Extractor(doc, mentions)  # tokens, quotation regions, mentions by token
    found = _switched_on(ex.candidates())  # find cues, each with its source span and where its content starts
    accepted = _select(ex, found)  # content ends (B-*), nested cues, duplicates
    # then the forms no cue word introduces, unless an accepted quote already holds them
    accepted = _select(ex, accepted + _switched_on(ex.headline_candidates(accepted)))  # المتحدث: قول
    accepted = _select(ex, accepted + _switched_on(ex.closer_candidates(accepted)))  # …، على حد قوله
    attributed = resolve_speakers(ex, accepted)  # the S-* rules, in reading order
    quotes = calibrate(build_quotes(ex, attributed))  # the dev-fitted probability of being right
    logger.debug("%s: %d cue candidates, %d quotes", doc.doc_id, len(found), len(quotes))
    return quotes


def _switched_on(candidates: list[_Candidate]) -> list[_Candidate]:
    """The candidates whose content method's rule (``METHOD_RULES``) is not switched off."""
    return [c for c in candidates if rule_on(METHOD_RULES.get(c.method, ""))]

