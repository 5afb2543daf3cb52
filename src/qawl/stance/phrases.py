"""Noun phrases over the token view: where the phrase at (or ending before) a token starts
and ends, and how a coordination splits into names.

Input: ``_Tokens`` and token indices; output: token ranges ``(start, end)``, end exclusive.
"""
from __future__ import annotations

from typing import Optional

from qawl.clean import match_form
from qawl.stance.params import MAX_NP_TOKENS
from qawl.stance.shapes import _definite, future_verb
from qawl.stance.tokens import _Tokens
from qawl.arabic import DEMONSTRATIVES, PHRASE_PREPOSITIONS as PREP_FORMS
from qawl.stance.words import MANNER_ADVERBS, MANNER_HEADS, REPORTED_FORMS, STOP_FORMS


def _is_np_word(tokens: _Tokens, i: int) -> bool:
    form = tokens.bare(i)
    return (
        tokens.is_word(i)
        and tokens.forms[i] not in STOP_FORMS
        and form not in STOP_FORMS
        and form not in tokens.lexicon.negators
        and form not in tokens.lexicon.copulas
    )


def read_np(tokens: _Tokens, i: int, limit: int, coordinate: bool = True,
            inner_prep: bool = True) -> tuple[int, int]:
    """Token range ``[start, end)`` of the noun phrase at ``i`` (empty when none).

    A leading standalone preposition is skipped; one inner preposition is kept
    (سلام في سوريا, الاتفاق النووي مع إيران); a demonstrative, a particle or
    punctuation ends the phrase; و + definite noun continues it when ``coordinate``.
    """
    limit = min(limit, len(tokens))
    if i < limit and tokens.is_word(i) and tokens.bare(i) in PREP_FORMS:
        i += 1
    report = reported_np(tokens, i, limit)
    if report is not None:
        return report
    if i < limit and tokens.is_quote_mark(i):
        i += 1
    i = skip_manner(tokens, i, limit)
    j, inner_preps = i, 0
    while j < limit and j - i < MAX_NP_TOKENS and _is_np_word(tokens, j):
        form = tokens.forms[j]
        if j > i:
            if form in DEMONSTRATIVES:
                break
            is_prep = form in PREP_FORMS or (
                len(form) >= 4 and form[0] in "بل"
                and (form[1:].startswith(("ال", "ل")) or form.endswith(("ها", "هم")))
            )
            if is_prep:
                if not inner_prep or inner_preps or j - i > 3 or j + 1 >= limit \
                        or not _is_np_word(tokens, j + 1):
                    break
                inner_preps += 1
            elif future_verb(form) and not _definite(form) and not tokens.spans[j].text.endswith("ة"):
                break  # الاتفاق النووي | سيؤدي: the predicate starts
            elif tokens.conjoined(j):
                if not (coordinate and form[1:].startswith("ال")):
                    break
        j += 1
    j = quoted_complement(tokens, i, j, limit)
    while j > i and (tokens.forms[j - 1] in PREP_FORMS or tokens.forms[j - 1] in DEMONSTRATIVES):
        j -= 1
    return i, j


def reported_np(tokens: _Tokens, i: int, limit: int) -> Optional[tuple[int, int]]:
    """ما نشر بإحدى الصحف المحلية: "what was reported" and where, as one phrase."""
    if not (i + 1 < limit and tokens.forms[i] == match_form("ما") and tokens.forms[i + 1] in REPORTED_FORMS):
        return None
    where = i + 2  # بإحدى الصحف, في الصحف, عن مصادر: where it was reported belongs to it
    if where < limit and tokens.is_word(where) and tokens.forms[where][:1] in "بفع":
        start, end = read_np(tokens, where, limit, coordinate=False, inner_prep=False)
        if start in (where, where + 1) and end > start:
            return i, end
    return i, where


def quoted_complement(tokens: _Tokens, i: int, j: int, limit: int) -> int:
    """طالبت بفتح "مدخل آمن": a verbal noun after its preposition takes the quoted phrase
    that follows as its object, so the phrase goes on into the quotation marks."""
    form = tokens.forms[i] if j == i + 1 else ""
    if not (len(form) >= 4 and form[0] in "بل" and j < limit and tokens.is_quote_mark(j)):
        return j
    k = j + 1
    while k < limit and tokens.is_word(k) and k - j <= MAX_NP_TOKENS:
        k += 1
    return k if k > j + 1 else j


def skip_manner(tokens: _Tokens, i: int, limit: int) -> int:
    """Past a manner adverbial before an object: بشكل فاعل | المرشح, بشدة | الهجوم."""
    if i < limit and tokens.is_word(i) and tokens.bare(i) in MANNER_HEADS:
        return min(i + 2, limit)
    while i < limit and tokens.is_word(i) and tokens.bare(i) in MANNER_ADVERBS:
        i += 1
    return i


def read_np_back(tokens: _Tokens, end: int, floor: int, max_tokens: int = MAX_NP_TOKENS) -> int:
    """Start index of the noun phrase that ends just before ``end`` (== ``end`` when none)."""
    i, crossed = end, False
    while i > floor and end - i < max_tokens and _is_np_word(tokens, i - 1):
        form = tokens.forms[i - 1]
        if form in PREP_FORMS:
            # one inner preposition (الاتفاق مع إيران) when a noun comes before it
            if crossed or i - 1 <= floor or end - i > 2 or not _is_np_word(tokens, i - 2) \
                    or tokens.forms[i - 2] in PREP_FORMS:
                break
            crossed = True
        i -= 1
        if form in DEMONSTRATIVES:
            break
    return i


def _starts_proper(tokens: _Tokens, i: int) -> bool:
    """A name rather than a common noun: a mention, or a word without the article."""
    if i in tokens.mention_at:
        return True
    form = tokens.forms[i]
    if _definite(form) or tokens.hit(i) is not None or form in tokens.lexicon.issue_heads:
        return False
    # a name stands alone (روسيا والنظام); a noun in construct has a complement (مراجعة مواقفه)
    return not tokens.is_word(i + 1) or tokens.conjoined(i + 1)


def conjuncts(tokens: _Tokens, i: int, limit: int) -> list[tuple[int, int]]:
    """روسيا والنظام -> [روسيا, النظام]: names are split, common nouns stay together."""
    if i >= min(limit, len(tokens)):
        return []
    proper = _starts_proper(tokens, i)
    start, end = read_np(tokens, i, limit, coordinate=not proper)
    phrases = [(start, end)] if end > start else []
    while proper and phrases and end < limit and tokens.is_word(end):
        if not (tokens.conjoined(end) and _is_np_word(tokens, end)):
            break
        start, end = read_np(tokens, end, limit, coordinate=False)
        if end <= start:
            break
        phrases.append((start, end))
    return phrases
