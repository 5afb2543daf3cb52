"""Who made a document that speaks (rule ``S-DOCUMENT-AUTHOR``).

Input: the blocks, their mentions and the made documents (بيان، تقرير، دراسة …). Output:
``document_places_around(head, position)``, the places of a document (the nearest before
first, then the first after), and ``maker_at(b, t)``, the PER/ORG name that the article gives as
the maker of the document at one place: the name right after it (بيان لوزارة الدفاع، تقرير صادر عن البنك
الدولي، الدراسة التي أجريت في جامعة أوكسفورد) or the subject right before it (الاتحاد الألماني نفى في
بيان، أصدرت الوزارة بيانا). None when no place of it names one. Guarantees: the places are found in
one pass per document; each look-up tries at most ``MAX_DOCUMENT_LOOKS`` places.
"""
from __future__ import annotations

from functools import cached_property
from typing import Optional

from qawl.arabic import AUTHORED_DOCUMENTS, COMPLEMENTISERS, ISSUED_WORDS, MAKER_LINKS, PREPOSITIONS, RELATIVES
from qawl.cues import lookup_cue
from qawl.schema import Mention
from .config import MAX_DOCUMENT_GAP, MAX_DOCUMENT_LOOKS
from .lexical import _looks_adjective, _strip_noun, _unpossessed
from .rules import rule_on
from .tokens import ALL_MARKS, COMMAS



class _DocumentAuthors:
    """The makers of the documents of one document (mixed into ``_Extractor``)."""

    def document_head(self, key: str) -> Optional[str]:
        """The made document a word is a form of (ببيان، بيانا، والدراسة → بيان، دراسه), else None;
        data: report_words.json authored_documents."""
        bare = _strip_noun(key)
        forms = (bare, bare[1:] if bare[:1] in "وبلف" else "", bare[:-1] if bare.endswith("ا") else "")
        # then the possessed forms (في بيانه، في تقريرها): the maker is the possessor
        return next((form for form in (*forms, *map(_unpossessed, forms[:2])) if form in AUTHORED_DOCUMENTS), None)

    @cached_property
    def document_places(self) -> dict[str, list[tuple[int, int, int]]]:
        """Document head -> (offset, block, token) of each word that is a form of it, in text order."""
        places: dict[str, list[tuple[int, int, int]]] = {}
        for b, block in enumerate(self.blocks):
            for t, token in enumerate(block.tokens):
                if token.is_word and (head := self.document_head(token.key)) is not None:
                    places.setdefault(head, []).append((token.start, b, t))
        return places

    def document_places_around(self, head: str, position: int) -> list[tuple[int, int, int]]:
        """The places of the document ``head`` to read its maker at: the nearest before ``position``
        first, then the first after it, at most ``MAX_DOCUMENT_LOOKS`` on either side."""
        places = self.document_places.get(head, [])
        before = [p for p in places if p[0] <= position][::-1][:MAX_DOCUMENT_LOOKS]
        return before + [p for p in places if p[0] > position][:MAX_DOCUMENT_LOOKS]

    def maker_at(self, b: int, t: int) -> Optional[Mention]:
        """The maker named right after or right before the document at token ``t`` of block ``b``."""
        return self.maker_after(b, t) or self.maker_before(b, t)

    def maker_after(self, b: int, t: int) -> Optional[Mention]:
        """The name after the document: glued ل, or past its adjectives, صادر عن, a relative and
        a verb whose pronoun is the document (أعدته) or that a preposition follows (أجريت في), then a
        body's head and a quote mark (أجريت في جامعة "أوكسفورد")."""
        tokens, heads = self.blocks[b].tokens, self.lexicon.heads
        u, verb_seen = t + 1, False
        while u < len(tokens) and u - t <= MAX_DOCUMENT_GAP + 2 and self.mention_at(b, u) is None:
            key = tokens[u].key
            next_key = tokens[u + 1].key if u + 1 < len(tokens) else ""
            if not tokens[u].is_word:
                if tokens[u].text not in ALL_MARKS or u == t + 1:
                    return None
                u += 1  # جامعة "أوكسفورد": the opening mark of a quoted name
            elif key in ISSUED_WORDS or key in RELATIVES or key in MAKER_LINKS or _looks_adjective(key) and not verb_seen:
                u += 1
            elif verb_seen and _strip_noun(key) in heads["organisation"]:
                u += 1  # أجريت في جامعة "أوكسفورد": the body's head before its name (a magazine that
                # published it, نشرته مجلة دير شبيل, is no maker)
            elif not verb_seen and (key.endswith(("ها", "ته", "ه")) or next_key in MAKER_LINKS) and key not in COMPLEMENTISERS:
                verb_seen = True  # نشرته، أجرتها، أجريت (في)
                u += 1
            else:
                return None
        return self.maker_mention(b, u, t)

    def glued_body_owner(self, b: int, t: int) -> Optional[str]:
        """``S-DOCUMENT-BODY-OWNER``: a document followed by لل + a body's head (بيان للوزارة، تقرير للهيئة)
        is that body's: the one body of the article whose name opens with that head (وزارة الداخلية), when the
        head stands alone (before أن, a cue or a mark)."""
        tokens = self.blocks[b].tokens
        if t + 1 >= len(tokens) or not rule_on("S-DOCUMENT-BODY-OWNER"):
            return None
        key = tokens[t + 1].key
        if not key.startswith("لل") or len(key) < 5 or _strip_noun("ال" + key[2:]) not in self.lexicon.heads["organisation"]:
            return None
        after = tokens[t + 2] if t + 2 < len(tokens) else None
        if after is not None and after.is_word and after.key not in COMPLEMENTISERS and lookup_cue(after.key)[0] is None:
            return None  # بيان للاتحاد من أجل المتوسط: the body's own name goes on, untagged
        head = key[2:]
        owners = {name for words, (name, _) in self.body_names.items() if words and words[0] in (head, "ال" + head)}
        return owners.pop() if len(owners) == 1 else None

    def maker_before(self, b: int, t: int) -> Optional[Mention]:
        """The subject before the document: right before it (أصدرت الوزارة بيانا), or before في
        and at most one verb (الاتحاد نفى في بيان، قالت الوزارة، في بيان)."""
        tokens = self.blocks[b].tokens
        v, words = t - 1, 0
        while v >= 0 and t - v <= MAX_DOCUMENT_GAP + 1:
            mention = self.mention_at(b, v)
            if mention is not None:
                first = v
                while first > 0 and self.mention_at(b, first - 1) is mention:
                    first -= 1
                return self.maker_mention(b, first, t)
            token = tokens[v]
            if not token.is_word:
                if token.text not in COMMAS:
                    return None
            elif token.key == "في":
                pass  # the only preposition between a maker and its document (قالت الوزارة في بيان)
            elif token.key in COMPLEMENTISERS or token.key in RELATIVES or token.key in PREPOSITIONS or words:
                return None  # ضد الحكومة في بيان، قال إن الوزارة: no maker; two words: no longer its clause
            else:
                words += 1
            v -= 1
        return None

    def maker_mention(self, b: int, u: int, document: int) -> Optional[Mention]:
        """The PER/ORG mention at token ``u``, unless a preposition governs it (إلى الوزارة); a name
        glued to ل is the maker only right after the document (بيان لوزارة الدفاع)."""
        if u < 0 or u >= len(self.blocks[b].tokens):
            return None
        mention = self.mention_at(b, u)
        if mention is None or mention.label not in ("PER", "ORG"):
            return None
        tokens = self.blocks[b].tokens
        if u > 0 and tokens[u - 1].is_word and tokens[u - 1].key in PREPOSITIONS - MAKER_LINKS:
            return None
        if self.governed(tokens[u], mention) and not (u == document + 1 and tokens[u].key[:1] == "ل"):
            return None
        return mention
