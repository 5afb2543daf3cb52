"""The candidate record: one reporting cue with its source span and where its content starts.

A ``_Candidate`` is what cue finding produces and selection bounds and filters; token
indexes are into its block's tokens (``content_block`` when the words are in another block).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from qawl.cues import CueEntry

DOCUMENT_CUE = CueEntry("جاء", lemma="جاء في", kind="verb", polarity="neutral", complements=("أن",),
                        strength=0.9, tense="past", gender="m", number="s")


@dataclass
class _Candidate:
    block: int
    cue: tuple[int, int]  # token range of the cue (end exclusive)
    entry: CueEntry
    method: str  # key of BASE_CONFIDENCE
    content_start: int  # token index
    content_end: int = -1  # token index, exclusive; -1 until bounded
    speaker: Optional[tuple[int, int]] = None  # token range of the speaker noun phrase
    boundary: bool = True  # starts a new clause: ends the content before it
    region: int = -1  # the quotation region that is the whole content (direct quotes)
    start_token: int = 0  # first token of the construction (subject or cue)
    embedded: str = ""
    accepted: bool = True
    content_block: int = -1  # block of the content when it is not the cue's (أعلن ذلك X after a paragraph)
    rules: tuple[str, ...] = ()  # ids (RULES) of the rules that made this candidate, besides its method's
    yields: bool = False  # a weak reading: selected after the others, kept only where no other one claims the words

    @property
    def text_block(self) -> int:
        return self.block if self.content_block < 0 else self.content_block

_COLON_ENTRY = CueEntry(":", lemma=":", kind="phrase", polarity="neutral", strength=1.0)

_CLOSER_ENTRY = CueEntry("علي حد قوله", lemma="على حد قوله", kind="phrase", polarity="neutral", strength=0.8)

# The owner of a statement (في بيان لـ X) agrees with any later cue.
_OWNER_ENTRY = CueEntry("", lemma="", kind="noun", polarity="neutral", strength=1.0)
