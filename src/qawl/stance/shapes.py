"""Word shapes: what a single word looks like, without context.

Inputs are words (as written) or their matching forms (``qawl.clean.match_form``); outputs
are stems, stripped words or yes/no answers. No lexicon, no document.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Callable, Optional

from qawl.clean import match_form
from qawl.entities.features import tafil_shape
from qawl.arabic import CONJUNCTIONS_WAW_FA as CONJUNCTIONS, PREPOSITION_LETTERS as PREP_CLITICS
from qawl.stance.words import IMPERFECT_PREFIXES, SUFFIXES


WORD_RE = re.compile(r"[^\W_]")


# a definite nisba adjective (المصري, الإسرائيلية, الأمريكيين) closes a subject phrase
NISBA_RE = re.compile(r"^ال.{2,}ي(?:ه|ين|ون)?$")


def word_stems(form: str) -> list[str]:
    """Candidate stems of a word in matching form, longest first.

    Removes the conjunction و/ف, a preposition ب/ل/ك (لل = ل + ال), the
    article, an imperfect prefix and one suffix; the lexicon decides which
    candidate is a word.
    """
    return list(_word_stems(form))


@lru_cache(maxsize=200_000)  # a pure function of the word, asked for every token and again per rule
def _word_stems(form: str) -> tuple[str, ...]:
    bases = [form]
    if len(form) > 3 and form[0] in CONJUNCTIONS:
        bases.append(form[1:])
    for base in list(bases):
        if base.startswith("لل") and len(base) > 4:
            bases += [base[2:], "ال" + base[2:]]
        elif len(base) > 3 and base[0] in PREP_CLITICS:
            bases.append(base[1:])
    for base in list(bases):
        if base.startswith("ال") and len(base) > 4:
            bases.append(base[2:])
        elif len(base) > 3 and base[0] in IMPERFECT_PREFIXES:
            bases.append(base[1:])
        elif len(base) > 4 and base[0] == "س" and base[1] in "يتن":
            bases.append(base[2:])
    # the accusative tanween of an indefinite noun: تهديدا, انتهاكا, دعما -> تهديد, انتهاك, دعم
    bases += [base[:-1] for base in bases if len(base) >= 5 and base.endswith("ا") and not base.endswith("وا")]
    stems = set(bases)
    for base in bases:
        for suffix in SUFFIXES:
            if base.endswith(suffix) and len(base) - len(suffix) >= 2:
                stem = base[: -len(suffix)]
                stems.add(stem)
                if stem.endswith("ت"):  # إدانتها -> إدانة
                    stems.add(stem[:-1] + "ه")
    return tuple(sorted(stems, key=lambda s: (-len(s), s)))


def future_verb(form: str) -> bool:
    """سيعين, ستواجه, سنرد: the future prefix on an imperfect verb (not a noun phrase). In
    matching form ة is ه, so callers rule out سياسة, سيطرة, سيارة on the written word."""
    form = form[1:] if len(form) > 4 and form[0] in CONJUNCTIONS else form
    return len(form) >= 4 and form[0] == "س" and form[1] in "يتن"


def _person_prefix(form: str) -> str:
    """The person/gender prefix of an imperfect verb (ستجعل -> ت, يذهبون -> ي)."""
    form = form[1:] if len(form) > 3 and form[0] in CONJUNCTIONS else form
    form = form[1:] if future_verb(form) else form
    return form[:1]


def verbal_noun_shape(word: str) -> bool:
    """حماية, وتعزيز, ومتابعة: shapes no finite verb has (a final ة, the تفعيل pattern);
    دعم or شكر may be either, so they are not caught here."""
    form = match_form(word)
    form = form[1:] if len(form) > 4 and form[0] in CONJUNCTIONS else form
    return word.endswith("ة") or tafil_shape(form)


def finite_verb_shape(word: str) -> bool:
    """أدان, يرفض, أمرت, وانتقدت, عارض, نفى: shapes of a finite verb (a hamza-initial perfect,
    an imperfect prefix, the feminine ت, فاعَل, a final ى); دعم, شكر, غضب may be verbal nouns."""
    word = word[1:] if len(word) > 3 and word[0] in CONJUNCTIONS else word
    if verbal_noun_shape(word) or len(word) < 3:
        return False
    return (word[0] in "أي" or word[0] in "تن" and len(word) >= 4 or word.endswith("ت") and not word.endswith("ات")
            or len(word) == 4 and word[1] == "ا" or word.endswith("ى"))


def strip_proclitic(word: str, is_known: Optional[Callable[[str], bool]] = None) -> str:
    """للاتفاق -> الاتفاق, بالقرار -> القرار; لمواصلة -> مواصلة only when ``is_known("مواصلة")``.

    Without the article after it, a first ب/ل/و/ف may be the name's own letter
    (لافروف, بوتين, وليد), so it goes only when the rest is a known word.
    """
    if word.startswith("لل") and len(word) > 4:
        return "ال" + word[2:]
    for prefix in ("وب", "ول", "فب", "فل", "و", "ف", "ب", "ل"):
        rest = word[len(prefix):]
        if not word.startswith(prefix) or len(rest) < 2:
            continue
        if rest.startswith("ال") and len(rest) > 3:
            return rest
        if len(rest) >= 3 and is_known is not None and is_known(rest):
            return rest
    return word


def has_article(word: str) -> bool:
    """الانتقاد, والانتقاد: the article; ألغى, وألغت: a verb (the article has no hamza)."""
    word = word[1:] if len(word) > 3 and word[0] in CONJUNCTIONS else word
    return word.startswith("ال")


def _definite(form: str) -> bool:
    """الاتفاق, والاتفاق, بالاتفاق, للاتفاق, مواقفه (a possessed noun is definite too)."""
    for prefix in ("", "و", "ف"):
        rest = form[len(prefix):] if form.startswith(prefix) else ""
        if rest.startswith(("ال", "بال", "كال", "لل")) and len(rest) > 3:
            return True
    return len(form) > 4 and form.endswith(("ها", "هم"))


def _words(text: str) -> list[str]:
    return [strip_proclitic(w) for w in match_form(text).split() if WORD_RE.search(w)]
