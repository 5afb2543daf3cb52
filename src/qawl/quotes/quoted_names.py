"""Quoted names after an organisation or media head (rule ``S-QUOTED-NAME``).

Arabic news names a body by a head noun and the name in quotation marks, often with a nisba
after it: صحيفة "حرييت" اليومية، لمؤسسة "جي أي أم" المالية، وكالة «رويترز»، منظمة “هيومن رايتس
ووتش”. Input: the blocks (their quotation regions), the tagger's mentions by token and the
head words of the cue lexicon (``speaker_heads`` organisation and media as listed without the
article, less the document heads: تقرير "…" is a title, not a body). Output: one ``_QuotedName`` per such name: the ORG
mention over its words (the tagger's when one ORG mention covers them all, else a new one whose
canonical is the name as written) and the head's matching form without its clitic (مؤسسه of
لمؤسسة), which the title index adds to the name's title words so that a later المؤسسة finds it.
Guarantees: a head is one indefinite word right before the opening mark; the quotation is
balanced, 1 to ``MAX_QUOTED_BODY_WORDS`` words, holds no comma, colon or reporting verb and is
no lone adjective (منظمة "إرهابية"، جماعة "متطرفة"); a name a person mention touches is left
alone; new mentions are spans of the cleaned text (``text[start:end] == mention.text``). One pass over the regions.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterable, Optional

from qawl.arabic import COMMAS, PREPOSITION_LETTERS
from qawl.cues import lookup_cue
from qawl.schema import Mention
from .config import MAX_QUOTED_BODY_WORDS
from .lexical import _looks_adjective
from .tokens import SENTENCE_END, _Block


@dataclass
class _QuotedName:
    mention: Mention
    head: str  # the head's matching form, no clitic, no article (صحيفه، مؤسسه)
    made: bool  # a mention this rule made (the tagger had none over the name)


def body_heads(listed: dict[str, frozenset], document_heads: Iterable[str]) -> frozenset:
    """The one-word organisation and media heads listed without the article (``Lexicon.listed_indefinite``:
    صحيفة، شركة, not نظام, which the lexicon derives from النظام), less the document heads."""
    documents = set(document_heads)
    return frozenset(h for h in listed["organisation"] | listed["media"] if " " not in h and h not in documents)


def head_form(key: str, heads: frozenset) -> Optional[str]:
    """The head of ``key`` (صحيفه، لمؤسسه -> مؤسسه، ووكاله -> وكاله), indefinite, or None."""
    if key in heads:
        return key
    if len(key) > 3 and (key[0] in "وف" or key[0] in PREPOSITION_LETTERS) and key[1:] in heads:
        return key[1:]
    if len(key) > 4 and key[0] in "وف" and key[1] in PREPOSITION_LETTERS and key[2:] in heads:
        return key[2:]  # ولمؤسسة
    return None


def _agrees_as_adjective(key: str, head: str) -> bool:
    """A lone quoted word that reads as the head's adjective: a nisba or common adjective
    (إرهابية، وهمية), or an indefinite feminine word after a feminine head (جماعة "متطرفة")."""
    return _looks_adjective(key) or (head.endswith("ه") and key.endswith("ه") and not key.startswith("ال"))


def find_quoted_names(text: str, blocks: list[_Block], heads: frozenset,
                      mention_at: Callable[[int, int], Optional[Mention]]) -> list[_QuotedName]:
    """The quoted names after a body head, in text order (see the module docstring)."""
    found: list[_QuotedName] = []
    for b, block in enumerate(blocks):
        tokens = block.tokens
        for region in block.regions:
            if not region.balanced or region.close_token < 0 or region.first < 0 or region.open_token < 1:
                continue
            if not 0 < region.words <= MAX_QUOTED_BODY_WORDS:
                continue
            before = tokens[region.open_token - 1]
            head = head_form(before.key, heads) if before.is_word else None
            if head is None:
                continue
            inside = tokens[region.first : region.last + 1]
            if any(not t.is_word and (t.text in COMMAS or t.text == ":" or (t.text in SENTENCE_END and t.text != "."))
                   for t in inside):
                continue
            words = [t for t in inside if t.is_word]
            if not words or (len(words) == 1 and _agrees_as_adjective(words[0].key, head)):
                continue  # منظمة "إرهابية"، جماعة "متطرفة": a scare-quoted adjective, no name
            if any((entry := lookup_cue(t.key)[0]) is not None and entry.kind == "verb" for t in words):
                continue  # a quotation with a reporting verb is words, not a name
            covering = [mention_at(b, k) for k in range(region.first, region.last + 1) if tokens[k].is_word]
            if any(m is not None and m.label == "PER" for m in covering):
                continue
            if all(m is not None and m.label == "ORG" for m in covering):
                if len({id(m) for m in covering}) == 1:
                    found.append(_QuotedName(covering[0], head, made=False))
                continue  # the tagger named it: its mention stands
            start, end = words[0].start, words[-1].end
            name = text[start:end]
            found.append(_QuotedName(Mention(start, end, name, "ORG", name), head, made=True))
    return found
