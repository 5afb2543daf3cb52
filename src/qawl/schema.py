"""Small records shared by every stage.

Every span carries character offsets into the *cleaned* document text;
``check_span`` enforces ``text[start:end] == span.text`` wherever a span is written.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Optional

ROLES = ("title", "caption", "subheading", "body", "source_line")
QUOTE_TYPES = ("direct", "indirect", "mixed")
POLARITIES = ("favor", "against", "neutral")
SPEAKER_KINDS = ("person", "organisation", "anonymous", "media", "unknown")


class SpanError(ValueError):
    """A span whose offsets do not reproduce its text."""


@dataclass(frozen=True)
class Span:
    """A stretch of the cleaned text: ``text == doc_text[start:end]``."""

    start: int
    end: int
    text: str
    label: str = ""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def check_span(text: str, span: Span) -> Span:
    """Return ``span`` if it matches ``text``; raise ``SpanError`` otherwise."""
    if not (0 <= span.start <= span.end <= len(text)) or text[span.start:span.end] != span.text:
        raise SpanError(
            f"span {span.start}:{span.end} {span.text!r} does not match "
            f"{text[span.start:span.end]!r}"
        )
    return span


def make_span(text: str, start: int, end: int, label: str = "") -> Span:
    """Build a span from offsets, reading its text from ``text``."""
    return check_span(text, Span(start, end, text[start:end], label))


@dataclass
class Article:
    """One article as a corpus gives it, before any cleaning."""

    doc_id: str
    raw_text: str
    origin: str  # file, and position inside it ("x.zip:2015-07-21.json#12")
    source: str = ""
    date: str = ""  # ISO 8601 date (YYYY-MM-DD) when known
    title: str = ""
    url: str = ""
    author: str = ""
    section: str = ""  # the outlet's section or category ("politics"), where the corpus gives it


@dataclass
class Skipped:
    """An input that could not be read, with a reason a researcher can act on."""

    origin: str
    reason: str


@dataclass
class Document:
    """A cleaned article: text in reading order plus its spans.

    ``blocks`` are paragraph spans labelled with a role from ``ROLES``;
    ``sentences`` and ``tokens`` are spans too.
    """

    doc_id: str
    text: str
    blocks: list[Span]
    sentences: list[Span]
    tokens: list[Span]
    sources: list[str] = field(default_factory=list)
    source: str = ""
    date: str = ""
    title: str = ""
    url: str = ""
    author: str = ""
    origin: str = ""
    duplicates_removed: int = 0
    section: str = ""  # the article's section or category, where the corpus gives it

    def block_role(self, offset: int) -> str:
        """Role of the block holding ``offset`` ("body" when between blocks)."""
        for block in self.blocks:
            if block.start <= offset < block.end:
                return block.label
        return "body"


@dataclass(frozen=True)
class Mention:
    """A named-entity mention: a span with a label and its entity's canonical name."""

    start: int
    end: int
    text: str
    label: str  # PER, LOC, ORG, MISC
    canonical: str = ""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Quote:
    """A statement attributed to a source: citron's ``{cue, sources, contents}``."""

    type: str  # one of QUOTE_TYPES
    cue: Span
    content: Span
    speaker: Optional[Span] = None
    speaker_canonical: str = ""
    speaker_kind: str = "unknown"  # one of SPEAKER_KINDS
    speaker_is_pronoun: bool = False
    confidence: float = 1.0
    block_role: str = "body"
    embedded_source: str = ""  # a source reported inside the quote, if any
    rules: tuple[str, ...] = ()  # ids of the rules (qawl.quotes.RULES) that made the quote and its speaker

    def to_dict(self) -> dict[str, Any]:
        speaker = None
        if self.speaker is not None:
            speaker = {
                "text": self.speaker.text,
                "start": self.speaker.start,
                "end": self.speaker.end,
                "canonical": self.speaker_canonical or self.speaker.text,
                "kind": self.speaker_kind,
                "is_pronoun": self.speaker_is_pronoun,
            }
        return {
            "type": self.type,
            "cue": {"text": self.cue.text, "start": self.cue.start, "end": self.cue.end},
            "content": {
                "text": self.content.text,
                "start": self.content.start,
                "end": self.content.end,
            },
            "speaker": speaker,
            "confidence": round(float(self.confidence), 3),
            "block_role": self.block_role,
            "embedded_source": self.embedded_source,
            "rules": list(self.rules),
        }


@dataclass
class Stance:
    """A position a speaker takes towards a target, with the words that decided it."""

    speaker: str
    target: str
    polarity: str  # one of POLARITIES
    quote: int  # index into the document's quotes
    evidence: list[str] = field(default_factory=list)
    target_start: int = -1
    target_end: int = -1
    # issue 15: why (the ids of ``qawl.stance.RULES``), where (the sentence that supports it),
    # what kind of target ("actor": a named person, organisation or place; "issue": a phrase)
    rules: list[str] = field(default_factory=list)
    sentence_start: int = -1
    sentence_end: int = -1
    target_kind: str = ""
    confidence: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)
