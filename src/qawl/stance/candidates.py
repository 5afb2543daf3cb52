"""What every rule writes to: the candidate stance and the finder's shared state.

``_FinderBase`` holds one document's token view, its quotes, the candidates found so far and
what the rules remember between them (tokens already read, holders named by an H- rule).
A rule emits through ``emit`` inside ``with self.rule(id)``; ``emit`` records the ids and
drops the candidate when one of them is in ``DISABLED_RULES``. ``salient`` and
``opposed_inside`` say whether a phrase is worth a stance. Output: ``self.candidates``, in the order the rules emitted them.
"""
from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Optional, Sequence

from qawl.schema import Document, Mention, POLARITIES, Quote
from qawl.stance.lexicon import Lexicon
from qawl.stance.params import CALAMITIES
from qawl.stance.rules import DISABLED_RULES
from qawl.stance.tokens import _Tokens
from qawl.arabic import DEMONSTRATIVES


@dataclass
class _Candidate:
    holder: str
    start: int  # token range of the target
    end: int
    polarity: str
    quote: int
    evidence: list[str] = field(default_factory=list)
    rules: tuple[str, ...] = ()
    confidence: Optional[float] = None  # the learned reader's calibrated estimate (M-STANCE-MODEL)
    score: Optional[float] = None  # the learned reader's own probability, before calibration


class _FinderBase:
    """One document's tokens, quotes and the candidate stances found so far."""

    def __init__(self, doc: Document, quotes: Sequence[Quote], mentions: Sequence[Mention],
                 lexicon: Lexicon):
        self.doc = doc
        self.quotes = list(quotes)
        self.tokens = _Tokens(doc, lexicon, mentions)
        self.lexicon = lexicon
        self.candidates: list[_Candidate] = []
        self.used: set[int] = set()  # tokens whose act was already read as part of a frame
        self.quoted: set[int] = set()
        self._doc_words: Optional[frozenset] = None
        self._rules: list[str] = []
        self._sentence_starts: Optional[list[int]] = None
        self._title_subjects: set[int] = set()  # starts of subjects read by title_through_name
        self._institution_holders: set[str] = set()  # holders named by H-INSTITUTION
        self._attested_holders: set[str] = set()  # holders named by H-ATTESTED
        self._fuller: Optional[dict[str, str]] = None  # H-FULLER-NAME, read once per document
        self._fuller_holders: set[str] = set()
        self._owned_frames: set[tuple[int, int]] = set()  # phrases made salient by A-OWNED-FRAME
        self._title_index: Optional[dict[str, list[int]]] = None  # word -> token positions (H-TITLE-NAME)
        self._titled_holders: set[str] = set()
        for quote in self.quotes:
            self.quoted.update(self.tokens.range_of(quote.content.start, quote.content.end))
            self.quoted.update(self.tokens.range_of(quote.cue.start, quote.cue.end))

    @contextmanager
    def rule(self, *ids: str):
        """The rules (ids of ``RULES``) that make or change the stances emitted inside."""
        size = len(self._rules)
        self._rules.extend(i for i in ids if i)
        try:
            yield
        finally:
            del self._rules[size:]

    def emit(self, holder: str, np: tuple[int, int], polarity: str, quote: int, evidence: list[str]):
        start, end = np
        rules = tuple(dict.fromkeys(self._rules + (["A-OWNED-FRAME"] if np in self._owned_frames else [])
                                    + (["H-INSTITUTION"] if holder in self._institution_holders else [])
                                    + (["H-ATTESTED"] if holder in self._attested_holders else [])
                                    + (["H-FULLER-NAME"] if holder in self._fuller_holders else [])
                                    + (["H-TITLE-NAME"] if holder in self._titled_holders else [])))
        if DISABLED_RULES.intersection(rules):
            return
        if end > start and polarity in POLARITIES and holder:
            self.candidates.append(_Candidate(holder, start, end, polarity, quote, list(evidence), rules))

    def salient(self, np: tuple[int, int]) -> bool:
        """A phrase worth a stance of its own: a name, an issue, an evaluated thing, "هذه الفكرة"."""
        start, end = np
        tokens = self.tokens
        if end <= start:
            return False
        if start in tokens.mention_at or (tokens.forms[start] in DEMONSTRATIVES and end - start > 1):
            return True
        if any(stem in self.lexicon.issue_heads for stem in tokens.stems(start)):
            return True
        if any(i in tokens.mention_at and tokens.mention_at[i].label in ("PER", "ORG") for i in range(start, end)):
            return True  # اهتمام ودعم الأمير خالد بن سلطان
        if any(stem in self.lexicon.actor_heads for stem in tokens.stems(start)):
            return True  # الشعب الفلسطيني, المتمردين, منتقدي الصورة
        if end - start > 1 and start + 1 in tokens.mention_at and "A-OWNED-FRAME" not in DISABLED_RULES \
                and any(stem in self.lexicon.light_heads for stem in tokens.stems(start)):
            self._owned_frames.add((start, end))
            return True  # محاولات إيران تكريس وجود عسكري: the attempts of a named actor
        # a condemning noun as head or its complement (خطاب الكراهية), or a quality anywhere
        return any((hit := tokens.hit(i)) and (hit.entry.kind == "quality" or hit.entry.kind == "label" and i < start + 2)
                   for i in range(start, end))

    def opposed_inside(self, np: tuple[int, int], polarity: str) -> bool:
        """A quality of the other polarity inside the phrase (دعا إلى مراجعة مواقفه الظالمة)."""
        # a label counts only in the speaker's own scare quotes (حماية من وصفهم بـ"إرهابيين");
        # جهود منع التطرف names a wrong without favouring it
        tokens = self.tokens
        return any((hit := tokens.hit(i)) and hit.entry.polarity != polarity and (
            hit.entry.kind == "quality" or hit.entry.kind == "label" and hit.entry.category not in CALAMITIES
            and tokens.is_quote_mark(i - 1)) for i in range(*np))
