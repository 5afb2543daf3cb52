"""Serialisation: the ``Stance`` record (``qawl.schema.Stance``) as rows of the ``stances`` table.

Input: a document and its stances; output: one dict per stance with the columns of
``qawl.pipeline.STANCE_COLUMNS``.
"""
from __future__ import annotations

from typing import Iterable

from qawl.schema import Document, Stance


def stance_rows(doc: Document, stances: Iterable[Stance]) -> list[dict]:
    """Rows of the ``stances`` table for one document (columns: ``qawl.pipeline.STANCE_COLUMNS``).

    ``quote`` indexes the document's quotes; it is -1 when the stance comes from an act
    narrated without reported words (a sanction, a vote, thanks, أشاد X بـ …), and then
    ``from_quote`` is False and ``evidence_kind`` is "act". ``evidence`` holds the words that
    decided the stance, ``sentence`` (with ``sentence_start``/``sentence_end`` in the cleaned
    text) the sentence that supports it, ``rules`` the ids of ``RULES`` that made or changed
    it, ``target_kind`` "actor" (a named person, organisation or place, by its canonical name)
    or "issue" (a phrase), and ``confidence`` an estimate that the stance is right.
    """
    return [
        {
            "doc_id": doc.doc_id,
            "quote": stance.quote,
            "speaker": stance.speaker,
            "target": stance.target,
            "polarity": stance.polarity,
            "evidence": " | ".join(stance.evidence),
            "source": doc.source,
            "date": doc.date,
            "target_kind": stance.target_kind,
            "target_start": stance.target_start,
            "target_end": stance.target_end,
            "from_quote": stance.quote >= 0,
            "evidence_kind": "quote" if stance.quote >= 0 else "act",
            "sentence": doc.text[stance.sentence_start:stance.sentence_end] if stance.sentence_start >= 0 else "",
            "sentence_start": stance.sentence_start,
            "sentence_end": stance.sentence_end,
            "rules": " ".join(stance.rules),
            "confidence": round(float(stance.confidence), 3),
        }
        for stance in stances
    ]
