"""The ``Quote`` record of an accepted candidate, and its serialisation.

Input: an accepted candidate and its attribution. Output: a ``qawl.schema.Quote`` (type,
cue, content and speaker spans, confidence, rules) and, for a document's quotes, the flat
rows of ``tables/quotes.parquet`` (``quote_rows``). Guarantees: spans are character offsets
into the cleaned text; every quote lists the ids of the rules that made it.
"""
from __future__ import annotations

from bisect import bisect_right
from typing import Any, Callable, Optional, Sequence, TYPE_CHECKING

from qawl.arabic import DOCUMENT_VERBS
from qawl.cues import cue_entry, lookup_cue
from qawl.schema import Document, Quote, Span, make_span
from .candidate import DOCUMENT_CUE, _Candidate
from .config import BASE_CONFIDENCE, NO_SPEAKER_PENALTY, PRONOUN_PENALTY, UNBALANCED_PENALTY
from .content_end import _content_span, _without_marks
from .resolve import _Attribution
from .rules import METHOD_RULES

if TYPE_CHECKING:  # only for annotations: the extractor imports this module
    from .extractor import _Extractor


def _quote_type(ex: _Extractor, c: _Candidate) -> str:
    if c.region >= 0:
        return "direct"
    block = ex.blocks[c.text_block]
    tokens = block.tokens
    regions = sorted({t.region for t in tokens[c.content_start : c.content_end] if t.region >= 0})
    words = [t for t in tokens[c.content_start : c.content_end] if t.is_word]
    if regions and words and all(t.region >= 0 for t in words) and len(regions) == 1:
        return "direct"  # إنها «...»: the whole complement is quoted
    if any(not ex.is_name_region(c.text_block, block.regions[r]) for r in regions):
        return "mixed"
    return "indirect"


def _cue_span(ex: _Extractor, c: _Candidate) -> Span:
    tokens = ex.blocks[c.block].tokens
    first = tokens[c.cue[0]]
    start = first.start
    document = c.entry is DOCUMENT_CUE  # ورد في البيان: the و is the verb's; وورد في: a conjunction
    conj = "" if document else lookup_cue(first.key)[1]
    if (conj or document and first.key[1:] in DOCUMENT_VERBS) and ex.doc.text[start] in "وف":
        start += 1
    return make_span(ex.doc.text, start, tokens[c.cue[1] - 1].end, "cue")


def _confidence(c: _Candidate, balanced: bool, speaker: _Attribution) -> float:
    value = BASE_CONFIDENCE[c.method] * c.entry.strength
    if not balanced:
        value *= UNBALANCED_PENALTY
    if speaker.span is None:
        value *= NO_SPEAKER_PENALTY
    elif speaker.is_pronoun:
        value *= PRONOUN_PENALTY
    return round(min(1.0, max(0.0, value)), 3)


def _block_roles(doc: Document) -> Callable[[int], str]:
    """``doc.block_role`` by bisect (one call per quote scanned every block)."""
    blocks = doc.blocks
    if any(blocks[i].end > blocks[i + 1].start for i in range(len(blocks) - 1)):
        return doc.block_role  # not in text order: the first block holding the offset wins
    starts = [block.start for block in blocks]

    def role(offset: int) -> str:
        i = bisect_right(starts, offset) - 1
        return blocks[i].label if i >= 0 and offset < blocks[i].end else "body"

    return role


def _quote_rules(c: _Candidate, speaker: _Attribution, span_cuts: Optional[dict] = None,
                 office_places: frozenset | set = frozenset(), phrase_rules: Optional[dict] = None) -> tuple[str, ...]:
    """The ids of the rules behind a quote: its content's method, its own rules, its speaker's,
    the S-SPAN-* rule that ended its speaker phrase (``span_cuts``: (block, token) -> id), and
    S-OFFICE-PLACE or another rule that carried the phrase on (``office_places``, ``phrase_rules``:
    (block, phrase start))."""
    cut = (span_cuts or {}).get((c.block, c.speaker[1])) if c.speaker is not None else None
    office = "S-OFFICE-PLACE" if c.speaker is not None and (c.block, c.speaker[0]) in office_places else ""
    carried = (phrase_rules or {}).get((c.block, c.speaker[0]), "") if c.speaker is not None else ""
    ids = [METHOD_RULES.get(c.method, ""), "Q-CONCLUDE" if c.entry.that_after else "", *c.rules, *speaker.rules,
           cut or "", office, carried]
    return tuple(dict.fromkeys(i for i in ids if i))


def quote_rows(doc: Document, quotes: Sequence[Quote]) -> list[dict[str, Any]]:
    """Flat rows for ``tables/quotes.parquet``: one per quote, spans as text/start/end."""
    rows = []
    for index, quote in enumerate(quotes):
        entry = cue_entry(quote.cue.text) if quote.cue.text != ":" else None
        speaker = quote.speaker
        rows.append(
            {
                "doc_id": doc.doc_id,
                "quote": index,
                "type": quote.type,
                "cue": quote.cue.text,
                "cue_start": quote.cue.start,
                "cue_end": quote.cue.end,
                "content": quote.content.text,
                "content_start": quote.content.start,
                "content_end": quote.content.end,
                "speaker": speaker.text if speaker else "",
                "speaker_start": speaker.start if speaker else -1,
                "speaker_end": speaker.end if speaker else -1,
                "speaker_canonical": quote.speaker_canonical or (speaker.text if speaker else ""),
                "speaker_kind": quote.speaker_kind,
                "speaker_is_pronoun": quote.speaker_is_pronoun,
                "confidence": quote.confidence,
                "block_role": quote.block_role,
                "embedded_source": quote.embedded_source,
                "rules": ",".join(quote.rules),
                "cue_lemma": entry.lemma if entry else quote.cue.text,
                "cue_polarity": entry.polarity if entry else "neutral",
            }
        )
    return rows


def build_quotes(ex: _Extractor, attributed: Sequence[tuple[_Candidate, _Attribution]]) -> list[Quote]:
    """The ``Quote`` of each attributed candidate, sorted by where its content starts."""
    block_role = _block_roles(ex.doc)
    quotes = [build_quote(ex, c, speaker, block_role) for c, speaker in attributed]
    quotes.sort(key=lambda q: q.content.start)
    return quotes


def build_quote(ex: _Extractor, c: _Candidate, speaker: _Attribution, block_role: Callable[[int], str]) -> Quote:
    """One quote: its type, cue, content (a direct quote's without its marks) and speaker."""
    content, balanced = _content_span(ex, c)
    quote_type = _quote_type(ex, c)
    if quote_type == "direct":
        content = _without_marks(ex.doc.text, content)
    cue = _cue_span(ex, c)
    return Quote(
        type=quote_type,
        cue=cue,
        content=content,
        speaker=speaker.span,
        speaker_canonical=speaker.canonical,
        speaker_kind=speaker.kind,
        speaker_is_pronoun=speaker.is_pronoun,
        confidence=_confidence(c, balanced, speaker),
        block_role=block_role(cue.start),
        embedded_source=c.embedded,
        rules=_quote_rules(c, speaker, ex.span_cuts, ex.office_places, ex.phrase_rules) + _region_rules(ex, c),
    )


def _region_rules(ex: _Extractor, c: _Candidate) -> tuple[str, ...]:
    """The B- rules that read the marks of the quote's quotation (``_Region.rules``)."""
    regions = ex.blocks[c.block].regions
    return regions[c.region].rules if 0 <= c.region < len(regions) else ()
