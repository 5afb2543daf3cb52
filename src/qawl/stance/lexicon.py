"""The evaluative lexicon: terms (acts, qualities, labels, deeds) with polarity and how an act
takes its object, and the lexicon's own word lists (negators, copulas, issue and actor heads …).

Input: ``data/stance_lexicon.json`` (ours) and optionally a researcher's ``term,polarity[,kind]``
file. Output: a ``Lexicon``, its entries indexed by the matching form of their first word.
"""
from __future__ import annotations

import csv
import json
import logging
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Iterable, Optional

from qawl.clean import match_form

logger = logging.getLogger(__name__)


LEXICON_FILE = "stance_lexicon.json"


KINDS = ("act", "quality", "label", "deed")


@dataclass(frozen=True)
class LexiconEntry:
    """One evaluative term: its kind, polarity and (for acts) how it takes its object."""

    term: str
    kind: str  # one of KINDS
    polarity: str  # favor or against
    category: str = ""
    preps: tuple[str, ...] = ()
    object_before_prep: bool = False  # اتهم X بـ Y: X is the object
    far_preps: tuple[str, ...] = ()  # prepositions that may follow an addressee or agent
    words: tuple[str, ...] = ()  # matching forms of the term's words
    narrated_only: bool = False  # an act without words (فرض عقوبات على), not a word inside a quote
    verb_only: bool = False  # a verb: a form with the article (القدم) is not this term


@dataclass
class Lexicon:
    """Evaluative terms indexed by the matching form of their first word, plus word lists."""

    entries: dict[str, list[LexiconEntry]]
    negators: frozenset
    copulas: frozenset
    issue_heads: frozenset
    holder_heads: dict[str, str]
    honorifics: tuple[tuple[str, ...], ...]
    # nouns that only frame their complement (مغبة رفض الاتفاق): the act is the complement's
    light_heads: frozenset = frozenset()
    # heads of phrases that name actors (الشعب الفلسطيني, المتمردين): worth a stance
    actor_heads: frozenset = frozenset()
    # verbs whose subject holds the act noun after it (أبدت الأندية رغبتها في …), beside SUPPORT_VERBS
    support_verbs: frozenset = frozenset()
    # heads of an institution led by a named person (حكومة مادورو): the institution holds the stance
    institution_heads: frozenset = frozenset()
    # heads of an organisation named after its place (أمانة منطقة المدينة المنورة, بلدية, شرطة)
    organisation_heads: frozenset = frozenset()

    def __len__(self) -> int:
        return sum(len(entries) for entries in self.entries.values())

    def add(self, entry: LexiconEntry) -> None:
        """Add ``entry``; a later entry for the same words replaces the earlier one."""
        bucket = self.entries.setdefault(entry.words[0], [])
        bucket[:] = [e for e in bucket if e.words != entry.words]
        bucket.append(entry)
        bucket.sort(key=lambda e: -len(e.words))


def _entry(term: str, kind: str, polarity: str, category: str = "", preps=(), before=False, far_preps=(),
           narrated_only: bool = False, verb_only: bool = False):
    words = tuple(match_form(word) for word in term.split())
    return LexiconEntry(term, kind, polarity, category, tuple(match_form(p) for p in preps), before,
                        tuple(match_form(p) for p in far_preps), words, narrated_only, verb_only)


POLARITY_ALIASES = {
    "favor": "favor", "favour": "favor", "positive": "favor", "pos": "favor", "+": "favor",
    "1": "favor", "against": "against", "negative": "against", "neg": "against", "-": "against",
    "-1": "against", "neutral": "neutral", "0": "neutral",
}


def _read_extra_lexicon(path: Path) -> Iterable[LexiconEntry]:
    """``term,polarity[,kind]`` rows (CSV or TSV, optional header); neutral rows skipped."""
    text = path.read_text(encoding="utf-8-sig")
    dialect = "excel-tab" if "\t" in text.split("\n", 1)[0] else "excel"
    for row in csv.reader(text.splitlines(), dialect=dialect):
        if len(row) < 2 or not row[0].strip() or row[0].startswith("#"):
            continue
        polarity = POLARITY_ALIASES.get(row[1].strip().lower())
        if polarity is None:  # a header line or an unknown label
            logger.debug("%s: skipped row %r", path, row)
            continue
        kind = row[2].strip() if len(row) > 2 and row[2].strip() in KINDS else "quality"
        if polarity != "neutral":
            yield _entry(row[0].strip(), kind, polarity, category=f"extra:{path.name}")


@lru_cache(maxsize=1)
def _packaged_lexicon_text() -> str:
    return resources.files("qawl").joinpath("data", LEXICON_FILE).read_text(encoding="utf-8")


def load_lexicon(extra_path: Optional[str | Path] = None) -> Lexicon:
    """Our evaluative lexicon, merged with a researcher's ``term,polarity`` file if given.

    The extra file (CSV or TSV, NileULex style) may use favor/against,
    positive/negative or 1/-1; its terms are read as qualities unless a third
    column gives the kind (act, quality, label, deed). Its entries override ours.
    """
    raw = json.loads(_packaged_lexicon_text())
    lexicon = Lexicon(
        entries={},
        negators=frozenset(match_form(w) for w in raw["negators"]),
        copulas=frozenset(match_form(w) for w in raw["copulas"]),
        issue_heads=frozenset(match_form(w) for w in raw["issue_heads"]),
        holder_heads={
            match_form(word): polarity
            for polarity, words in raw["holder_heads"].items()
            for word in words
        },
        honorifics=tuple(tuple(match_form(w).split()) for w in raw["honorifics"]),
        light_heads=frozenset(match_form(w) for w in raw.get("light_heads", ())),
        actor_heads=frozenset(match_form(w) for w in raw.get("actor_heads", ())),
        support_verbs=frozenset(match_form(w) for w in raw.get("support_verbs", ())),
        institution_heads=frozenset(match_form(w) for w in raw.get("institution_heads", ())),
        organisation_heads=frozenset(match_form(w) for w in raw.get("organisation_heads", ())),
    )
    for category, spec in raw["categories"].items():
        for term in spec["terms"]:
            lexicon.add(_entry(term, spec["kind"], spec["polarity"], category,
                               spec.get("preps", ()), spec.get("object") == "before_prep",
                               spec.get("far_preps", ()), spec.get("scope") == "narrated",
                               spec.get("pos") == "verb"))
    if extra_path:
        extra = list(_read_extra_lexicon(Path(extra_path)))
        for entry in extra:
            lexicon.add(entry)
        logger.info("merged %d terms from %s", len(extra), extra_path)
    return lexicon


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    return load_lexicon()
