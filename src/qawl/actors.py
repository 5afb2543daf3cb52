"""Actors across a corpus: one key per real-world speaker, with a role and an affiliation.

The quote, stance and entity tables name people and bodies as each article writes
them: ``نتنياهو`` here, ``بنيامين نتانياهو`` there, ``الرئيس الأمريكي`` or
``#سيرغي_لافروف`` elsewhere. This module (analysis: it reads the run's tables and
writes one of its own) merges those forms into actors and explains each merge in an
**alias table**, one row per form:

    form, key, label, role, affiliation, rule, why, count

``count`` is how many times the run's tables give the form (as a name, or as the words an
article wrote for a name it resolved). ``rule`` names the rules (``RULES``) that took the form to its key, ``why`` says how.
The run writes it to ``tables/aliases.csv``; a researcher edits it (or writes a
smaller CSV with ``form, key, label, role, affiliation``) and passes it back
(``aliases=path``): every row that differs from the automatic table overrides it
(rule ``A-RESEARCHER``), and a role, label or affiliation set on one form applies to
every form of that key.

Roles (``ROLES``) come from titles, descriptions and appositions in the speaker span
and the words around it, through the lexicon ``data/actors/role_titles.tsv``; the
affiliation from nisba adjectives (``الروسي`` → روسيا, ``data/actors/nisba.tsv``)
and ``باسم …``. Forms that name nobody (``الشركة``, ``البيان``, ``لي``) get a
generic key per role (``generic:<role>``), labelled ``(unnamed …)``, so that they
never rank as named speakers.

Every data file lives in ``data/actors/``; every rule has an id in ``RULES``, and
``build_aliases(..., disabled={...})`` switches rules off (the tests do).
"""
from __future__ import annotations

import csv
import logging
import re
import shutil
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Optional

import pandas as pd

from qawl.clean import match_form
from qawl.tables import PathLike, atomic_write_text, tables_dir

logger = logging.getLogger(__name__)

DATA = Path(__file__).resolve().parent / "data" / "actors"

ROLES = (
    "head_of_state_or_government", "minister_or_official", "party_or_opposition", "armed_group",
    "expert_or_academic", "journalist_or_media", "religious_figure", "citizen_or_witness",
    "organisation_or_spokesperson", "document_or_report", "other", "none",
)
# the order in which a tie between roles is broken (first wins)
ROLE_PRIORITY = {role: i for i, role in enumerate(ROLES)}

RULES = {
    "A-NORM": "same name once letters are normalised (أإآ→ا, ى→ي, ة→ه, no diacritics or tatweel), "
              "punctuation dropped and عبد/أبو joined to the next word",
    "A-HASHTAG": "a hashtag read as words (#سيرغي_لافروف → سيرغي لافروف)",
    "A-CLITIC": "a preposition ل glued to a Latin or quoted name dropped (لCNN → CNN)",
    "A-LATIN": "Latin script compared in lower case",
    "A-TITLE": "titles, honorifics and descriptions before or after the name stripped "
               "(الرئيس التركي، رجب طيب أردوغان → رجب طيب أردوغان; شركة أبل → أبل)",
    "A-VARIANT-DATA": "a spelling or name variant listed in data/actors/variants.tsv or countries.tsv",
    "A-VOWEL": "same letters once the vowel letters ا و ي are dropped inside words (first and last "
               "letters kept) and ج/غ are one letter (نتنياهو ~ نتانياهو, ترمب ~ ترامب); never for Arabic "
               "given names, words of fewer than three consonants, or a person and a place",
    "A-SURNAME": "a shorter name equal to the end of the names of exactly one actor in the corpus "
                 "(ماكرون → إيمانويل ماكرون)",
    "A-DOCLINK": "a shorter name that articles resolve, every time, to the same actor whose name "
                 "contains it (the quote or mention's canonical name)",
    "A-OFFICE": "a title alone (الرئيس الأمريكي) that the corpus gives to one named actor "
                "in at least 75% of at least 2 occurrences",
    "A-CAPITAL": "a capital speaking or spoken about stands for its state (موسكو → روسيا; "
                 "data/actors/capitals.tsv); not applied to places in the entity table",
    "A-GENERIC": "a common noun or description without a name (الشركة, مصدر مسؤول) goes to the "
                 "unnamed actor of its role",
    "A-NONE": "a pronoun, particle, adverb or month taken as the speaker names nobody",
    "A-RESEARCHER": "set by the researcher's alias table",
    "R-TITLE": "role from a title or head noun in the speaker's words (data/actors/role_titles.tsv)",
    "R-CONTEXT": "role from a title in the words right before the speaker or in its apposition",
    "R-NAME": "role from the name itself when the lexicon lists it (رويترز, حماس)",
    "R-STATE": "a state or capital speaking is minister_or_official",
    "R-KIND": "role from the quote table's speaker kind (media, organisation) when nothing else says",
    "R-UNTAGGED": "no title anywhere and never tagged as a name by the entity tagger: none",
    "R-DEFAULT": "no evidence: other",
}

ALIAS_COLUMNS = ["form", "key", "label", "role", "affiliation", "rule", "why", "count"]
EDIT_COLUMNS = ["form", "key", "label", "role", "affiliation"]
ALIASES_NAME = "aliases"  # tables/aliases.csv
EDITS_NAME = "aliases_edits"  # tables/aliases_edits.csv: the researcher's table, kept with the run
GENERIC_PREFIX = "generic:"
CONTEXT_CHARS = 80
MENTION_CONTEXT_CHARS = 50
MAX_TITLE_WORDS = 8
OFFICE_MIN_VOTES = 2
OFFICE_MIN_SHARE = 0.75
ACTOR_SOURCES = ("quote", "stance")  # positions where a form acts (capitals stand for states)

_LATIN = re.compile(r"[A-Za-z]")
_ARABIC_LETTERS = re.compile(r"[\u0621-\u064A]")
_PUNCT = re.compile(r"[\"'“”«»„‟‘’`()\[\]{}<>.,،؛;:!?؟…/\\|*+=~^%$@&-]+")
_HASHTAG = re.compile(r"#(\S+)")
_CLITIC_LATIN = re.compile(r"^[لب]\s*(?=[A-Za-z])")
_SPACES = re.compile(r"\s+")
_VOWELS = set("اويءئؤ")
_JOINED_OPENERS = ("عبد", "ابو", "ابي", "ابا")
_NAME_LINKS = frozenset({"ال", "بن", "بنت", "ابن", "ابو", "ابي", "ابا", "عبد", "ام"})  # matching forms
_FORMER = frozenset({"السابق", "السابقه", "الاسبق", "الراحل", "الراحله"})  # a former office is another office
SURNAME_MIN_LETTERS = 4  # a surname matched by its consonants (A-SURNAME) needs this many


def generic_key(role: str) -> str:
    return GENERIC_PREFIX + role


def generic_label(role: str) -> str:
    return "(not a speaker)" if role == "none" else f"(unnamed {role.replace('_', ' ')})"


# --- data -----------------------------------------------------------------------


def _rows(name: str) -> list[list[str]]:
    rows = []
    with open(DATA / name, encoding="utf-8") as handle:
        for line in handle:
            if not line.strip() or line.startswith("#"):
                continue
            rows.append(line.rstrip("\n").split("\t"))
    return rows


def words_of(text: str) -> tuple[str, ...]:
    """Matching-form words of a text, without punctuation."""
    return tuple(_PUNCT.sub(" ", match_form(text)).split())


@dataclass(frozen=True)
class Term:
    words: tuple[str, ...]
    role: str
    kind: str  # person, head, body, generic, modifier


@dataclass(frozen=True)
class Lexicons:
    terms: dict  # words -> Term
    longest: int
    honorifics: frozenset
    nisba: dict  # word(s) -> affiliation
    capitals: dict  # name key -> state name
    variants: dict  # name key -> name
    not_speakers: frozenset
    given_names: frozenset
    states: frozenset  # name keys of states


def _nisba_forms(adjective: str) -> list[str]:
    base = match_form(adjective)
    forms = [base, base + "ه"]
    bare = base[2:] if base.startswith("ال") else base
    forms += [bare, bare + "ه"]
    if " " in base:  # الكوري الجنوبي -> الكوريه الجنوبيه
        forms.append(" ".join(w + "ه" for w in base.split()))
    return forms


@lru_cache(maxsize=1)
def lexicons() -> Lexicons:
    """The data files of ``data/actors`` in matching form (loaded once)."""
    terms = {}
    for term, role, kind in _rows("role_titles.tsv"):
        words = words_of(term)
        if words and words not in terms:
            terms[words] = Term(words, role, kind)
    nisba = {}
    for adjective, affiliation in _rows("nisba.tsv"):
        for form in _nisba_forms(adjective):
            nisba.setdefault(tuple(form.split()), affiliation)
    capitals = {name_key(capital): state for capital, state in _rows("capitals.tsv")}
    variants = {name_key(variant): form for variant, form in _rows("variants.tsv")}
    states = {name_key(state) for state in capitals.values()}
    for name, state in _rows("countries.tsv"):
        variants[name_key(name)] = state
        states.add(name_key(state))
    return Lexicons(
        terms=terms, longest=max(len(w) for w in terms),
        honorifics=frozenset(w for (h, *_) in _rows("honorifics.tsv") for w in words_of(h)),
        nisba=nisba, capitals=capitals, variants=variants,
        not_speakers=frozenset(match_form(w) for (w, *_) in _rows("not_speakers.tsv")),
        given_names=frozenset(name_key(n) for (n, *_) in _rows("given_names.tsv")),
        states=frozenset(states),
    )


# --- names -----------------------------------------------------------------------


def name_key(name: str, disabled: frozenset = frozenset()) -> str:
    """The matching key of a name (rule A-NORM, A-LATIN): matching form, no punctuation,
    عبد/أبو joined to the next word, Latin in lower case."""
    if "A-NORM" in disabled:
        return " ".join(name.split())
    text = match_form(name)
    if "A-HASHTAG" not in disabled:
        text = text.replace("_", " ").replace("#", " ")
    words = _PUNCT.sub(" ", text).split()
    if "A-LATIN" not in disabled:
        words = [w.lower() for w in words]
    joined: list[str] = []
    for word in words:
        if joined and joined[-1] in _JOINED_OPENERS:
            joined[-1] += word
        elif joined and word == "الله" and joined[-1] not in _JOINED_OPENERS:
            joined[-1] += word  # نصر الله -> نصرالله
        else:
            joined.append(word)
    return " ".join(joined)


def skeleton(word: str) -> str:
    """A word without its vowel letters after the first letter, ج and غ as one (rule A-VOWEL)."""
    if len(word) < 3 or _LATIN.search(word):
        return word
    middle = "".join(c for c in word[1:-1] if c not in _VOWELS)
    return (word[0] + middle + word[-1]).replace("غ", "ج")


def _guarded(word: str, lex: Lexicons) -> bool:
    """Words compared exactly, never by skeleton: Arabic given names and short words."""
    return word in lex.given_names or len(skeleton(word)) < 3 or bool(_LATIN.search(word))


def skeleton_key(key: str, lex: Lexicons) -> tuple:
    return tuple(w if _guarded(w, lex) else skeleton(w) for w in key.split())


@dataclass
class Reading:
    """What a form says: the name in it, the titles around it, and what they imply."""

    form: str
    name: str = ""  # the name as written, titles stripped ("" when none)
    key: str = ""  # name_key(name)
    titles: tuple = ()  # matching-form words stripped before/after the name
    office: str = ""  # the title alone, for A-OFFICE ("" unless the form is a title alone)
    roles: tuple = ()  # (role, rule) votes, nearest the name first
    affiliation: str = ""
    generic_role: str = ""  # set when the form names nobody
    rules: tuple = ()


def _clean_surface(form: str, disabled: frozenset) -> tuple[str, list[str]]:
    """The form with hashtags read as words and a glued ل dropped; the rules used."""
    rules = []
    text = form.strip()
    if "#" in text and "A-HASHTAG" not in disabled:
        text = _HASHTAG.sub(lambda m: m.group(1).replace("_", " "), text)
        rules.append("A-HASHTAG")
    stripped = _CLITIC_LATIN.sub("", text)
    if stripped != text and "A-CLITIC" not in disabled:
        text = stripped
        rules.append("A-CLITIC")
    if _LATIN.search(text) and not _ARABIC_LETTERS.search(text) and "A-LATIN" not in disabled:
        rules.append("A-LATIN")
    return text, rules


def match_terms(words: tuple, lex: Lexicons) -> list[tuple[int, Term]]:
    """Lexicon terms found in ``words`` (longest first at each position), with their positions;
    a word may carry a leading و or ف."""
    found = []
    i = 0
    while i < len(words):
        hit = None
        for n in range(min(lex.longest, len(words) - i), 0, -1):
            chunk = words[i:i + n]
            term = lex.terms.get(chunk)
            if term is None and chunk[0][:1] in ("و", "ف") and len(chunk[0]) > 2:
                term = lex.terms.get((chunk[0][1:],) + chunk[1:])
            if term is not None:
                hit = term
                break
        if hit is not None:
            found.append((i, hit))
            i += len(hit.words)
        else:
            i += 1
    return found


def _nisba_at(words: tuple, i: int, lex: Lexicons) -> tuple[int, str]:
    """(number of words, affiliation) of a nisba adjective at ``words[i]``, else (0, "")."""
    for n in (2, 1):
        if i + n <= len(words) and tuple(words[i:i + n]) in lex.nisba:
            return n, lex.nisba[tuple(words[i:i + n])]
    return 0, ""


def _is_modifier(word: str, lex: Lexicons) -> bool:
    term = lex.terms.get((word,))
    return term is not None and term.kind == "modifier"


def _describing(words: tuple, lex: Lexicons) -> list[bool]:
    """For each word: does it belong to a description (title, nisba, ال-complement,
    connector) rather than a name? Read left to right from a title."""
    marks = [False] * len(words)
    terms = dict(match_terms(words, lex))
    in_title = False
    i = 0
    while i < len(words):
        word = words[i]
        term = terms.get(i)
        if i > 0 and words[i - 1] in _NAME_LINKS:  # آل الشيخ, بن سلطان: the name goes on
            in_title = False
            i += 1
            continue
        if term is not None and term.kind in ("person", "head", "generic", "modifier"):
            for j in range(i, i + len(term.words)):
                marks[j] = True
            in_title = True
            i += len(term.words)
            continue
        if word in lex.honorifics:
            marks[i] = True
            in_title = True
            i += 1
            continue
        n, _ = _nisba_at(words, i, lex)
        if in_title and (n or word.startswith("ال") or word in ("باسم", "في", "لدى", "ب", "و", "من")
                         or word.startswith("بال") or word.startswith("لل") or _is_modifier(word, lex)
                         or (term is not None and term.kind == "body")):
            span = max(n, len(term.words) if term is not None else 1)
            for j in range(i, i + span):
                marks[j] = True
            i += span
            continue
        in_title = False
        i += 1
    return marks


def _roles_in(words: tuple, lex: Lexicons, rule: str, near_end: bool) -> list[tuple[str, str]]:
    """Role votes of the lexicon terms in ``words``, nearest the name first.

    A head (رئيس, المتحدث باسم) takes the role of the body named within the next three
    words (رئيس غرفة التجارة → organisation), else its own.
    """
    found = match_terms(words, lex)
    votes = []
    for k, (i, term) in enumerate(found):
        if term.kind == "modifier":
            continue
        role = term.role
        if term.kind == "head":
            end = i + len(term.words)
            for j, later in found[k + 1:]:
                if j - end > 2:
                    break
                if later.kind in ("body", "generic") and later.role != "-":
                    role = later.role
                    break
        votes.append((role, rule))
    return votes[::-1] if near_end else votes


def _affiliation_in(words: tuple, lex: Lexicons) -> str:
    for i in range(len(words)):
        n, affiliation = _nisba_at(words, i, lex)
        if n and affiliation:
            return affiliation
    return ""


def read_form(form: str, lex: Optional[Lexicons] = None, disabled: frozenset = frozenset()) -> Reading:
    """Read one form: its name (titles, honorifics and descriptions stripped), the role
    votes of its words, its affiliation, or the generic role when it names nobody."""
    lex = lex or lexicons()
    text, rules = _clean_surface(form, disabled)
    reading = Reading(form=form)
    raw = _PUNCT.sub(" ", text if "A-HASHTAG" in disabled else text.replace("_", " ")).split()
    words = tuple(match_form(w).lower() for w in raw)
    if not words:
        reading.generic_role = "none"
        reading.rules = ("A-NONE",)
        return reading
    if len(words) == 1 and words[0] in lex.not_speakers and "A-NONE" not in disabled:
        reading.generic_role = "none"
        reading.rules = ("A-NONE",)
        return reading
    whole = lex.terms.get(words)
    marks = _describing(words, lex)
    reading.affiliation = _affiliation_in(words, lex)
    if whole is not None and whole.kind == "body":  # حماس, رويترز, البيت الأبيض: a named body
        marks = [False] * len(words)
    # the name: the longest run of words that are not description (titles, honorifics...)
    runs, start = [], None
    for i, mark in enumerate(marks + [True]):
        if not mark and start is None:
            start = i
        elif mark and start is not None:
            runs.append((start, i))
            start = None
    body_head = _body_head(words, lex)
    if body_head and not runs:
        runs = [(0, len(words))]
    if "A-TITLE" in disabled:
        runs = [(0, len(words))]
    title_words = tuple(w for w, m in zip(words, marks) if m)
    reading.titles = title_words
    roles = _roles_in(words, lex, "R-TITLE", near_end=False)
    if whole is not None and whole.kind == "body":
        roles = [(whole.role, "R-NAME")]
    if not runs:
        _read_description(reading, words, roles, lex, rules)
        return reading
    first, last = max(runs, key=lambda r: (r[1] - r[0], -r[0]))
    name_words = raw[first:last]
    if first > 0 and words[first - 1] == "باسم" and not words[0].startswith("ال"):
        # متحدثة باسم ليفايز: an unnamed spokesperson; the name is the body spoken for
        reading.affiliation = " ".join(name_words)
        _read_description(reading, words, roles, lex, rules)
        return reading
    if len(words) > 1 and words[0] in lex.not_speakers and "A-NONE" not in disabled:
        _read_description(reading, words, roles, lex, rules)  # حوالي ربع المشاركين
        if not roles:  # تلك المرحلة
            reading.generic_role, reading.rules = "none", ("A-NONE",)
        return reading
    # a named body keeps its head noun unless a proper name follows it (شركة أبل → أبل)
    if body_head and first == 0 and last == len(words) and "A-TITLE" not in disabled:
        name_words, stripped = _strip_body_head(raw, words, lex)
        if stripped:
            rules.append("A-TITLE")
    elif (first, last) != (0, len(words)):
        rules.append("A-TITLE")
    reading.name = " ".join(name_words)
    reading.key = name_key(reading.name, disabled)
    if not reading.key:
        _read_description(reading, words, roles, lex, rules)
        return reading
    if _is_generic_body(words, lex):
        _read_description(reading, words, roles, lex, rules)
        return reading
    reading.roles = tuple(roles)
    reading.rules = tuple(dict.fromkeys(rules))
    return reading


def _body_head(words: tuple, lex: Lexicons) -> Optional[Term]:
    found = match_terms(words, lex)
    if found and found[0][0] == 0 and found[0][1].kind == "body":
        return found[0][1]
    return None


def _strip_body_head(raw: list, words: tuple, lex: Lexicons) -> tuple[list, bool]:
    """``شركة أبل`` → ``أبل``; ``صحيفة "ديلي ميل" البريطانية`` → ``ديلي ميل``; a head noun
    followed by a definite word (وكالة الأنباء السعودية) stays: it is the name."""
    head = _body_head(words, lex)
    n = len(head.words)
    if words[0].startswith("ال") or n >= len(words) or words[n].startswith("ال"):
        return list(raw), False
    end = len(words)
    while end > n + 1 and (_nisba_at(words, end - 1, lex)[0] or _is_modifier(words[end - 1], lex)
                           or (words[end - 1].startswith("ال") and words[end - 1].endswith(("يه", "ي")))):
        end -= 1  # صحيفة "ديلي ميل" البريطانية, جائزة "مان بوكر" الأدبية
    return list(raw[n:end]), True


def _is_generic_body(words: tuple, lex: Lexicons) -> bool:
    """An indefinite head noun with only adjectives after it: منظمة خيرية بريطانية, دراسة جديدة."""
    found = match_terms(words, lex)
    if not found or found[0][0] != 0 or words[0].startswith("ال"):
        return False
    head = found[0][1]
    if head.kind not in ("body", "generic"):
        return False
    rest = words[len(head.words):]
    if not rest:
        return head.kind == "generic"
    return all(not w.startswith("ال") and (_nisba_at(rest, i, lex)[0] or _is_modifier(w, lex)
                                             or w.endswith("يه") or w.endswith("ي") or w in lex.terms)
               for i, w in enumerate(rest))


def _read_description(reading: Reading, words: tuple, roles: list, lex: Lexicons, rules: list) -> None:
    """A form without a name: a title alone (an office, for A-OFFICE) or a generic description."""
    role = roles[0][0] if roles else "other"
    reading.name = reading.key = ""
    reading.roles = tuple(roles)
    found = match_terms(words, lex)
    first = found[0][1] if found and found[0][0] == 0 else None
    rest = words[len(first.words):] if first is not None else ()
    specific = any(w.startswith("ال") and not _is_modifier(w, lex) for w in rest) or reading.affiliation
    if first is not None and first.kind == "generic" and words[0].startswith("ال") and rest and specific \
            and role not in ("document_or_report", "journalist_or_media"):
        # الحكومة السورية, المحكمة الجنائية الدولية: an institution its complement names
        reading.name = reading.form.strip()
        reading.key = name_key(reading.name)
        reading.rules = tuple(dict.fromkeys(rules))
        return
    if first is not None and first.kind in ("person", "head") and reading.affiliation:
        reading.office = office_key(words, lex)
    reading.generic_role = role
    reading.rules = tuple(dict.fromkeys(rules + ["A-GENERIC"]))


def office_key(words: tuple, lex: Lexicons) -> str:
    """A title's key: its title words with every nisba replaced by the affiliation it names."""
    out, i = [], 0
    while i < len(words):
        n, affiliation = _nisba_at(words, i, lex)
        if n:
            out.append("@" + name_key(affiliation))
            i += n
        elif (_is_modifier(words[i], lex) and words[i] not in _FORMER) or words[i] in lex.honorifics:
            i += 1
        else:
            out.append(words[i])
            i += 1
    return " ".join(out)


# --- context around a speaker ---------------------------------------------------------


def title_before(before: str, lex: Optional[Lexicons] = None) -> tuple:
    """The description right before a speaker span (``وقال وزير الخارجية الروسي``
    → ``وزير الخارجيه الروسي``), as matching-form words; () when there is none."""
    lex = lex or lexicons()
    words = words_of(re.split(r"[.،,:;؛!?؟\"“”«»()\n]", before)[-1])[-MAX_TITLE_WORDS:]
    marks = _describing(words, lex)
    start = len(words)
    while start > 0 and marks[start - 1]:
        start -= 1
    phrase = words[start:]
    # the phrase must hold a title (not only ال-words)
    if not any(t.kind in ("person", "head", "generic") for _, t in match_terms(phrase, lex)):
        return ()
    return phrase


def apposition_after(after: str, lex: Optional[Lexicons] = None) -> tuple:
    """The description right after a speaker span (``، مدرب ليفربول``), as words."""
    lex = lex or lexicons()
    text = after.lstrip()
    if text.startswith(("،", ",")):
        text = text[1:]
    words = words_of(re.split(r"[.،,:;؛!?؟\"“”«»()\n]", text)[0])[:MAX_TITLE_WORDS]
    found = match_terms(words, lex)
    if found and found[0][0] == 0 and found[0][1].kind in ("person", "head"):
        return words
    if found and found[0][0] == 1 and words[0] in ("من", "في", "بـ") and found[0][1].kind == "body":
        return words[1:]  # ديفيد برونياتوفسكي من جامعة جورج واشنطن
    return ()


def _may_hold_title(before: str) -> bool:
    """A cheap test before ``title_before``: does the last word before the name end a title?"""
    lex = lexicons()
    words = words_of(before[-40:])
    return bool(words) and (any((w,) in lex.terms or w in lex.honorifics for w in words[-3:])
                            or _nisba_at(words, len(words) - 1, lex)[0] > 0)


def _may_open_apposition(after: str) -> bool:
    """A cheap test before ``apposition_after``: does a title follow the name's comma?"""
    text = after.lstrip()
    if not text.startswith(("،", ",")):
        return False
    words = words_of(text[1:30])
    lex = lexicons()
    return bool(words) and ((words[0],) in lex.terms or words[:2] in lex.terms)


# --- the merge --------------------------------------------------------------------------


class _Clusters:
    """Union-find over name keys; each key remembers the rule that joined it."""

    def __init__(self):
        self.parent: dict[str, str] = {}
        self.why: dict[str, tuple[str, str]] = {}

    def add(self, key: str) -> None:
        self.parent.setdefault(key, key)

    def find(self, key: str) -> str:
        root = key
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[key] != root:
            self.parent[key], key = root, self.parent[key]
        return root

    def union(self, key: str, into: str, rule: str, why: str) -> None:
        a, b = self.find(key), self.find(into)
        if a != b:
            self.parent[a] = b
            self.why.setdefault(key, (rule, why))


@dataclass
class _Evidence:
    """What the occurrences say about the forms (collected once)."""

    disabled: frozenset = frozenset()
    count: Counter = field(default_factory=Counter)
    actor_forms: set = field(default_factory=set)
    entity_forms: set = field(default_factory=set)
    kinds: dict = field(default_factory=lambda: defaultdict(Counter))
    context_roles: dict = field(default_factory=lambda: defaultdict(Counter))
    context_affiliations: dict = field(default_factory=lambda: defaultdict(Counter))
    links: dict = field(default_factory=lambda: defaultdict(Counter))  # surface form -> form
    offices: dict = field(default_factory=lambda: defaultdict(Counter))  # office -> form
    tagged: set = field(default_factory=set)  # forms the entity tagger found as names


OCCURRENCE_COLUMNS = ["doc_id", "form", "surface", "kind", "source", "before", "after", "n"]


def _gather(occurrences: pd.DataFrame, readings: dict, lex: Lexicons,
            disabled: frozenset = frozenset()) -> _Evidence:
    ev = _Evidence(disabled=disabled)
    frame = occurrences.reindex(columns=OCCURRENCE_COLUMNS)
    frame = frame.fillna({"form": "", "surface": "", "kind": "", "source": "", "before": "", "after": "",
                          "n": 1})
    for form, surface, kind, source, before, after, n in zip(
            frame["form"], frame["surface"], frame["kind"], frame["source"], frame["before"],
            frame["after"], frame["n"]):
        form, surface = str(form).strip(), str(surface).strip()
        if not form:
            continue
        n = int(n)
        ev.count[form] += n
        if surface and surface != form:
            ev.count[surface] += n  # the words as written, resolved to ``form`` in the article
            ev.links[surface][form] += n
        (ev.actor_forms if source in ACTOR_SOURCES else ev.entity_forms).add(form)
        if kind:
            ev.kinds[form][kind] += n
        context = "R-CONTEXT" not in disabled
        title = title_before(str(before), lex) if before and context else ()
        apposition = apposition_after(str(after), lex) if after and context else ()
        for words, near_end in ((title, True), (apposition, False)):
            if not words:
                continue
            for role, _ in _roles_in(words, lex, "R-CONTEXT", near_end)[:1]:
                ev.context_roles[form][role] += max(n, 1)
            affiliation = _affiliation_in(words, lex)
            if affiliation:
                ev.context_affiliations[form][affiliation] += max(n, 1)
        reading = readings.get(form)
        said_surface = readings.get(surface) if surface and surface != form else None
        if said_surface is not None and said_surface.roles and "R-TITLE" not in disabled:
            # what the article wrote around the name
            ev.context_roles[form][said_surface.roles[0][0]] += n
            if said_surface.affiliation:
                ev.context_affiliations[form][said_surface.affiliation] += n
        if source == "mention":
            ev.tagged.add(form)
        for said in (said_surface, reading):
            if said is not None and said.key and said.titles:
                office = office_key(said.titles, lex)
                if "@" in office:
                    ev.offices[office][form] += n
        if title and reading is not None and reading.key:
            office = office_key(title, lex)
            if "@" in office:
                ev.offices[office][form] += max(n, 1)
    return ev


def build_aliases(occurrences: pd.DataFrame, disabled: Iterable[str] = ()) -> pd.DataFrame:
    """The alias table of a corpus from its speaker and entity occurrences.

    ``occurrences`` has one row per (article, form) use: ``form`` (the name the tables
    give: canonical, else as written), ``surface`` (as written), ``kind`` (speaker kind or
    entity label), ``source`` (``quote``, ``stance`` or ``mention``), ``before``/``after``
    (text around the speaker) and ``n`` (how many times). ``disabled``: rule ids to skip.
    """
    disabled = frozenset(disabled)
    lex = lexicons()
    forms = _all_forms(occurrences)
    readings = {form: read_form(form, lex, disabled) for form in forms}
    ev = _gather(occurrences, readings, lex, disabled)
    clusters = _Clusters()
    for reading in readings.values():
        if reading.key:
            clusters.add(reading.key)
    _merge_variants(readings, clusters, lex, ev, disabled)
    if "A-CLITIC" not in disabled:
        _merge_clitics(readings, clusters, ev)
    types = _key_types(readings, ev)
    if "A-VOWEL" not in disabled:
        _merge_vowels(clusters, lex, types)
    _merge_short_names(readings, clusters, lex, ev, disabled, types)
    offices = {} if "A-OFFICE" in disabled else _resolve_offices(readings, clusters, ev)
    return _alias_rows(readings, clusters, offices, ev, lex)


def _all_forms(occurrences: pd.DataFrame) -> list[str]:
    forms = set()
    for column in ("form", "surface"):
        if column in occurrences:
            forms.update(str(v).strip() for v in occurrences[column].dropna())
    forms.discard("")
    return sorted(forms)


def _merge_variants(readings: dict, clusters: _Clusters, lex: Lexicons, ev: _Evidence,
                    disabled: frozenset) -> None:
    """A-VARIANT-DATA and A-CAPITAL: keys the data files send to another name."""
    for form, reading in readings.items():
        key = reading.key
        if not key:
            continue
        if key in lex.variants and "A-VARIANT-DATA" not in disabled:
            target = name_key(lex.variants[key])
            clusters.add(target)
            clusters.union(key, target, "A-VARIANT-DATA", f"{form} is listed as a form of {lex.variants[key]}")
        if key in lex.capitals and form in ev.actor_forms and "A-CAPITAL" not in disabled:
            target = name_key(lex.capitals[key])
            clusters.add(target)
            clusters.union(key, target, "A-CAPITAL", f"{form} is the capital of {lex.capitals[key]}")


_TYPES = {"person": "PER", "PER": "PER", "organisation": "ORG", "media": "ORG", "ORG": "ORG", "LOC": "LOC"}


def _key_types(readings: dict, ev: _Evidence) -> dict:
    """Each name key's main type (PER, ORG, LOC) from the speaker kinds and entity labels."""
    votes: dict = defaultdict(Counter)
    for form, reading in readings.items():
        if reading.key:
            for kind, n in ev.kinds.get(form, {}).items():
                if kind in _TYPES:
                    votes[reading.key][_TYPES[kind]] += n
    return {key: counts.most_common(1)[0][0] for key, counts in votes.items()}


def _merge_clitics(readings: dict, clusters: _Clusters, ev: _Evidence) -> None:
    """A-CLITIC: ``لروبين``, ``لبي بي سي`` join ``روبين``, ``بي بي سي`` when the corpus has
    that form too and uses it more."""
    counts = Counter()
    for form, reading in readings.items():
        if reading.key:
            counts[reading.key] += ev.count[form]
    for key in sorted(counts):
        if key[:1] in ("ل", "ب") and len(key.split()[0]) >= 3:
            bare = key[1:]
            if bare in counts and counts[bare] >= counts[key]:
                clusters.union(key, bare, "A-CLITIC", f"{key} is {bare} after the preposition {key[0]}")


def _merge_vowels(clusters: _Clusters, lex: Lexicons, types: Optional[dict] = None) -> None:
    """A-VOWEL: keys with the same skeleton (guarded words compared exactly), never a
    person with a place or an organisation."""
    types = types or {}
    by_skeleton: dict[tuple, list] = defaultdict(list)
    for key in sorted(clusters.parent):
        if key.startswith(GENERIC_PREFIX):
            continue
        skel = skeleton_key(key, lex)
        if len("".join(skel)) < 3:
            continue
        for other in by_skeleton[skel]:
            if types.get(key, types.get(other)) == types.get(other, types.get(key)):
                clusters.union(key, other, "A-VOWEL", f"{key} and {other} differ only in vowel letters")
                break
        else:
            by_skeleton[skel].append(key)


def _contains(short: tuple, long: tuple) -> bool:
    """Do the words ``short`` appear in order, contiguously, in ``long``?"""
    n = len(short)
    return any(long[i:i + n] == short for i in range(len(long) - n + 1))


def _merge_short_names(readings: dict, clusters: _Clusters, lex: Lexicons, ev: _Evidence,
                       disabled: frozenset, types: Optional[dict] = None) -> None:
    """A-DOCLINK, then A-SURNAME: a shorter name joins the one actor whose names contain it
    (A-SURNAME only for people: الشام is not فيلق الشام)."""
    types = types or {}
    keys = sorted(clusters.parent)
    skeletons = {key: skeleton_key(key, lex) for key in keys}
    endings: dict[tuple, set] = defaultdict(set)  # ending -> roots of longer names
    for key, skel in skeletons.items():
        words = tuple(key.split())
        for k in range(1, len(skel)):
            endings[skel[-k:]].add(clusters.find(key))
            endings[words[-k:]].add(clusters.find(key))
    decisions = []
    for form, reading in readings.items():
        key = reading.key
        if not key or len(skeletons[key]) > 2 or key in lex.states or key in lex.capitals:
            continue
        root = clusters.find(key)
        linked = Counter()
        for target_form, n in ev.links.get(form, {}).items():
            target = readings.get(target_form)
            if target is not None and target.key and len(skeletons[target.key]) > len(skeletons[key]) \
                    and _contains(skeletons[key], skeletons[target.key]):
                linked[clusters.find(target.key)] += n
        linked.pop(root, None)
        if linked and "A-DOCLINK" not in disabled:
            if len(linked) == 1:
                target = next(iter(linked))
                decisions.append((key, target, "A-DOCLINK", f"articles resolve {form} to {target}"))
            continue
        loose = len("".join(skeletons[key])) >= SURNAME_MIN_LETTERS  # short words must match exactly
        candidates = (endings.get(skeletons[key], set()) if loose else set()) | endings.get(tuple(key.split()), set())
        candidates -= {root}
        if len(candidates) == 1 and "A-SURNAME" not in disabled and len("".join(skeletons[key])) >= 3 \
                and key not in lex.given_names and types.get(key) == "PER" \
                and types.get(next(iter(candidates)), "PER") == "PER":
            target = next(iter(candidates))
            decisions.append((key, target, "A-SURNAME", f"{form} ends only the names of {target}"))
    for key, target, rule, why in decisions:
        clusters.union(key, target, rule, why)


def _resolve_offices(readings: dict, clusters: _Clusters, ev: _Evidence) -> dict:
    """A-OFFICE: office -> (root, why) when the corpus gives that title to one actor."""
    resolved = {}
    for office, forms in ev.offices.items():
        votes = Counter()
        for form, n in forms.items():
            reading = readings.get(form)
            if reading is not None and reading.key:
                votes[clusters.find(reading.key)] += n
        if not votes:
            continue
        root, n = votes.most_common(1)[0]
        total = sum(votes.values())
        if n >= OFFICE_MIN_VOTES and n / total >= OFFICE_MIN_SHARE:
            resolved[office] = (root, f"{n} of {total} named uses of this title are {root}")
    return resolved


def _label_of(members: list, readings: dict, ev: _Evidence) -> str:
    """An actor's label: its most used name, or the most used fuller name that contains it
    (دونالد ترامب rather than ترامب) when that is used at least a fifth as often."""
    names = Counter()
    for form in members:
        reading = readings[form]
        names[reading.name] += max(ev.count[form], 1)
    best = max(names, key=lambda name: (names[name], -len(name)))
    words = tuple(name_key(best).split())
    fuller = [name for name in names if len(name.split()) > len(words) and names[name] * 5 >= names[best]
              and _contains(words, tuple(name_key(name).split()))]
    return max(fuller, key=lambda name: (names[name], -len(name))) if fuller else best


def _role_votes(members: list, readings: dict, ev: _Evidence, lex: Lexicons, key: str) -> tuple[str, str]:
    disabled = ev.disabled
    if (key in lex.states or key in lex.capitals) and "R-STATE" not in disabled:
        return "minister_or_official", "R-STATE"
    votes: Counter = Counter()
    rules: dict = {}
    for form in members:
        weight = max(ev.count[form], 1)
        reading = readings[form]
        for role, rule in reading.roles[:1]:
            if rule in disabled:
                continue
            votes[role] += 2 * weight
            rules.setdefault(role, rule)
        for role, n in ev.context_roles.get(form, {}).items():
            votes[role] += n
            rules.setdefault(role, "R-CONTEXT")
    if votes:
        role = min(votes, key=lambda r: (-votes[r], ROLE_PRIORITY.get(r, 99)))
        return role, rules[role]
    if not any(form in ev.tagged for form in members) and "R-UNTAGGED" not in disabled:
        return "none", "R-UNTAGGED"
    kinds = Counter()
    for form in members:
        kinds.update(ev.kinds.get(form, {}))
    kind = kinds.most_common(1)[0][0] if kinds else ""
    by_kind = {"media": "journalist_or_media", "organisation": "organisation_or_spokesperson",
               "ORG": "organisation_or_spokesperson", "LOC": "minister_or_official"}
    if kind in by_kind and "R-KIND" not in disabled:
        return by_kind[kind], "R-KIND"
    return "other", "R-DEFAULT"


def _affiliation_of(members: list, readings: dict, ev: _Evidence) -> str:
    votes: Counter = Counter()
    for form in members:
        if readings[form].affiliation:
            votes[readings[form].affiliation] += 2 * max(ev.count[form], 1)
        votes.update(ev.context_affiliations.get(form, {}))
    return votes.most_common(1)[0][0] if votes else ""


def _alias_rows(readings: dict, clusters: _Clusters, offices: dict, ev: _Evidence,
                lex: Lexicons) -> pd.DataFrame:
    members: dict[str, list] = defaultdict(list)
    for form, reading in readings.items():
        if reading.key:
            members[clusters.find(reading.key)].append(form)
    actors, taken = {}, set()
    for root, forms in sorted(members.items()):
        label = _label_of(forms, readings, ev)
        role, role_rule = _role_votes(forms, readings, ev, lex, root)
        key = name_key(label, ev.disabled)
        if key in taken:  # two actors whose labels read alike stay two keys
            key = f"{key}|{root}"
        taken.add(key)
        actors[root] = (key, label, role, _affiliation_of(forms, readings, ev), role_rule)
    rows = []
    for form in sorted(readings):
        reading = readings[form]
        if reading.key:
            root = clusters.find(reading.key)
            key, label, role, affiliation, role_rule = actors[root]
            merge = _merge_path(reading.key, clusters)
            rules = list(reading.rules) + [r for r, _ in merge] or ["A-NORM"]
            why = "; ".join(w for _, w in merge)
            rows.append((form, key, label, role, affiliation, "+".join(dict.fromkeys(rules + [role_rule])),
                         why, ev.count[form]))
        elif reading.office and reading.office in offices:
            root, why = offices[reading.office]
            key, label, role, affiliation, role_rule = actors[root]
            rows.append((form, key, label, role, affiliation, "A-OFFICE+" + role_rule, why, ev.count[form]))
        else:
            role = reading.generic_role or "other"
            rule = "+".join(reading.rules) or "A-GENERIC"
            rows.append((form, generic_key(role), generic_label(role), role, reading.affiliation, rule,
                         "no name in the form", ev.count[form]))
    table = pd.DataFrame(rows, columns=ALIAS_COLUMNS)
    return table.sort_values(["count", "form"], ascending=[False, True]).reset_index(drop=True)


def _merge_path(key: str, clusters: _Clusters) -> list[tuple[str, str]]:
    """The rules that took ``key`` to its actor: its own merge, then its parents'."""
    path, seen = [], set()
    while key in clusters.why and key not in seen:
        seen.add(key)
        path.append(clusters.why[key])
        key = clusters.parent[key]
    return path


# --- the researcher's table ---------------------------------------------------------------


def read_alias_csv(path: PathLike) -> pd.DataFrame:
    """A researcher's alias table: ``form`` and any of key, label, role, affiliation."""
    table = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    if "form" not in table.columns:
        raise ValueError(f"{path}: an alias table needs a 'form' column (and key, label, role, affiliation)")
    bad = sorted(set(table.get("role", pd.Series(dtype=str))) - set(ROLES) - {""})
    if bad:
        raise ValueError(f"{path}: unknown roles {bad}; roles are {', '.join(ROLES)}")
    return table.reindex(columns=EDIT_COLUMNS, fill_value="").astype(str)


def apply_edits(auto: pd.DataFrame, edits: Optional[pd.DataFrame]) -> pd.DataFrame:
    """The automatic alias table with the researcher's rows applied (rule A-RESEARCHER).

    A row counts as an edit where it differs from the automatic row of its form (or the
    form is new). Its non-empty fields replace the automatic ones; then a label, role or
    affiliation the researcher gave any form of a key is given to every form of that key.
    """
    table = auto.copy()
    if edits is None or edits.empty:
        return table
    edits = edits.copy()
    for column in EDIT_COLUMNS:
        edits[column] = edits[column].fillna("").astype(str).str.strip()
    edits = edits[edits["form"] != ""].drop_duplicates("form", keep="last").set_index("form")
    current = table.set_index("form")
    changed_keys: dict[str, dict] = defaultdict(dict)
    new_rows = []
    for form, edit in edits.iterrows():
        given = {c: edit[c] for c in EDIT_COLUMNS[1:] if edit[c]}
        if form in current.index:
            row = current.loc[form]
            differs = {c: v for c, v in given.items() if str(row[c]) != v}
            if not differs:
                continue
            given = differs  # fields passed back unchanged are not edits
            if "key" in differs:  # the form joins another actor: it takes that actor's label and role
                for column in ("label", "role", "affiliation"):
                    if column not in given:
                        current.at[form, column] = ""
            for column, value in differs.items():
                current.at[form, column] = value
            current.at[form, "rule"] = "A-RESEARCHER"
            current.at[form, "why"] = "edited: " + ", ".join(sorted(differs))
            key = current.at[form, "key"]
        else:
            key = given.get("key", name_key(form))
            new_rows.append({"form": form, "key": key, "label": given.get("label", ""),
                             "role": given.get("role", ""), "affiliation": given.get("affiliation", ""),
                             "rule": "A-RESEARCHER", "why": "added", "count": 0})
        for column in ("label", "role", "affiliation"):
            if column in given:
                changed_keys[key][column] = given[column]
    table = current.reset_index()
    if new_rows:
        table = pd.concat([table, pd.DataFrame(new_rows)], ignore_index=True)
    for key, values in changed_keys.items():
        for column, value in values.items():
            table.loc[table["key"] == key, column] = value
    # a key moved by the researcher takes the label of the actor it joined, unless given
    labels = table[table["label"] != ""].drop_duplicates("key").set_index("key")["label"]
    missing = table["label"] == ""
    table.loc[missing, "label"] = table.loc[missing, "key"].map(labels).fillna(table.loc[missing, "key"])
    roles = table[table["role"] != ""].drop_duplicates("key").set_index("key")["role"]
    missing = table["role"] == ""
    table.loc[missing, "role"] = table.loc[missing, "key"].map(roles).fillna("other")
    return table[ALIAS_COLUMNS].reset_index(drop=True)


# --- a run --------------------------------------------------------------------------------


def aliases_path(run_dir: PathLike) -> Path:
    return tables_dir(run_dir) / f"{ALIASES_NAME}.csv"


def edits_path(run_dir: PathLike) -> Path:
    return tables_dir(run_dir) / f"{EDITS_NAME}.csv"


def run_occurrences(run_dir: PathLike) -> pd.DataFrame:
    """Every speaker (with the words around it), stance speaker and target, and entity
    mention of a run, as ``build_aliases`` reads them (DuckDB over the parts)."""
    from qawl.aggregates import connect, table_paths

    frames = []
    with connect(run_dir, "quotes", "documents", merged=False) as con:
        frames.append(con.execute(f"""
            SELECT q.doc_id,
                   coalesce(nullif(trim(q.speaker_canonical), ''), trim(q.speaker), '') AS form,
                   coalesce(trim(q.speaker), '') AS surface, coalesce(q.speaker_kind, '') AS kind,
                   'quote' AS source,
                   CASE WHEN q.speaker_start >= 0 THEN
                        substring(d.text, greatest(q.speaker_start - {CONTEXT_CHARS}, 0) + 1,
                                  q.speaker_start - greatest(q.speaker_start - {CONTEXT_CHARS}, 0))
                        ELSE '' END AS before,
                   CASE WHEN q.speaker_end >= 0 THEN substring(d.text, q.speaker_end + 1, {CONTEXT_CHARS})
                        ELSE '' END AS after,
                   1 AS n
            FROM quotes q JOIN documents d USING (doc_id)
            WHERE coalesce(q.speaker_canonical, q.speaker, '') <> ''""").df())
    for name, sql in (
            ("stances", """
                SELECT '' AS doc_id, form, '' AS surface, '' AS kind, 'stance' AS source, '' AS before,
                       '' AS after, count(*) AS n
                FROM (SELECT trim(speaker) AS form FROM stances UNION ALL SELECT trim(target) FROM stances)
                WHERE form IS NOT NULL AND form <> '' GROUP BY form"""),
            ("mentions", """
                SELECT '' AS doc_id, trim(canonical) AS form, trim(text) AS surface, label AS kind,
                       'mention' AS source, '' AS before, '' AS after, count(*) AS n
                FROM mentions WHERE label IN ('PER', 'ORG', 'LOC') AND coalesce(canonical, '') <> ''
                GROUP BY ALL"""),
            # the words before each person's mention: titles come with names (R-CONTEXT)
            ("mentions", f"""
                SELECT '' AS doc_id, trim(m.canonical) AS form, '' AS surface, '' AS kind,
                       'mention' AS source,
                       substring(d.text, greatest(m.start - {MENTION_CONTEXT_CHARS}, 0) + 1,
                                 m.start - greatest(m.start - {MENTION_CONTEXT_CHARS}, 0)) AS before,
                       substring(d.text, m."end" + 1, {MENTION_CONTEXT_CHARS}) AS after, 0 AS n
                FROM mentions m JOIN documents d USING (doc_id)
                WHERE m.label = 'PER' AND coalesce(m.canonical, '') <> '' AND m.start > 0""")):
        try:
            table_paths(run_dir, name)
        except FileNotFoundError:
            continue
        with connect(run_dir, name, "documents", merged=False) as con:
            frame = con.execute(sql).df()
        if name == "mentions" and "before" in frame and (frame["before"] != "").any():
            # most mentions have no title before or after them
            frame = frame[frame["before"].map(_may_hold_title) | frame["after"].map(_may_open_apposition)]
        frames.append(frame)
    return pd.concat(frames, ignore_index=True).reindex(columns=OCCURRENCE_COLUMNS)


def write_aliases(run_dir: PathLike, aliases: Optional[PathLike] = None) -> pd.DataFrame:
    """Build the run's alias table, apply the researcher's ``aliases`` CSV (or the copy kept
    in the run from an earlier call), and write ``tables/aliases.csv``."""
    edits_file = edits_path(run_dir)
    edits = None
    if aliases is not None:
        edits = read_alias_csv(aliases)  # read before anything is written: it may be our own file
        if Path(aliases).resolve() != edits_file.resolve():
            edits_file.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(aliases, edits_file)
    elif edits_file.exists():
        edits = read_alias_csv(edits_file)
    table = apply_edits(build_aliases(run_occurrences(run_dir)), edits)
    path = aliases_path(run_dir)
    atomic_write_text(path, table.to_csv(index=False))
    logger.info("alias table: %d forms, %d actors -> %s", len(table), table["key"].nunique(), path)
    return table


def read_aliases(run_dir: PathLike) -> Optional[pd.DataFrame]:
    """The run's alias table, or None when the run has none."""
    path = aliases_path(run_dir)
    if not path.exists():
        return None
    return pd.read_csv(path, dtype=str, keep_default_na=False).reindex(columns=ALIAS_COLUMNS, fill_value="")


def entity_aliases(aliases: pd.DataFrame) -> pd.DataFrame:
    """The rows that apply to the entity table: not capitals standing for their state, not
    the unnamed actors."""
    keep = ~aliases["rule"].str.contains("A-CAPITAL", regex=False) & ~aliases["key"].str.startswith(GENERIC_PREFIX)
    return aliases[keep]


def target_aliases(aliases: pd.DataFrame) -> pd.DataFrame:
    """The rows that apply to stance targets: named actors only (a target is what a quote is
    about; ``(unnamed …)`` says nothing of it)."""
    return aliases[~aliases["key"].str.startswith(GENERIC_PREFIX)]


# --- applying the table to in-memory tables (the pandas side of qawl.aggregates) ----------


def map_forms(values: pd.Series, aliases: pd.DataFrame, column: str = "label") -> pd.Series:
    """Each value's actor ``column`` (label, key, role, affiliation) where the table has
    its form; the value itself (stripped) elsewhere."""
    lookup = aliases.drop_duplicates("form").set_index("form")[column]
    mapped = values.fillna("").astype(str).str.strip().map(lookup)
    return mapped.where(mapped.notna(), values)


def merge_quotes(quotes: pd.DataFrame, aliases: Optional[pd.DataFrame]) -> pd.DataFrame:
    """Quotes whose speaker names are their actors' labels (``speaker_canonical``), with the
    actor's ``speaker_role`` and ``speaker_affiliation``."""
    frame = quotes.copy()
    if aliases is None or frame.empty:
        return frame
    canonical = frame.get("speaker_canonical", pd.Series("", index=frame.index)).fillna("").astype(str).str.strip()
    surface = frame.get("speaker", pd.Series("", index=frame.index)).fillna("").astype(str).str.strip()
    form = canonical.where(canonical != "", surface)
    known = form.isin(aliases["form"]) & (form != "")
    frame["speaker_canonical"] = frame.get("speaker_canonical").where(~known, map_forms(form, aliases))
    frame["speaker_role"] = map_forms(form, aliases, "role").where(known, "")
    frame["speaker_affiliation"] = map_forms(form, aliases, "affiliation").where(known, "")
    return frame


def merge_stances(stances: pd.DataFrame, aliases: Optional[pd.DataFrame]) -> pd.DataFrame:
    """Stances whose speakers and targets are their actors' labels."""
    frame = stances.copy()
    if aliases is None or frame.empty:
        return frame
    speakers = frame["speaker"] if "speaker" in frame else pd.Series("", index=frame.index)
    known = speakers.fillna("").astype(str).str.strip().isin(aliases["form"])
    frame["speaker_role"] = map_forms(speakers, aliases, "role").where(known, "")
    if "speaker" in frame:
        frame["speaker"] = map_forms(frame["speaker"], aliases)
    if "target" in frame:
        frame["target"] = map_forms(frame["target"], target_aliases(aliases))
    return frame


def merge_entities(entities: pd.DataFrame, aliases: Optional[pd.DataFrame]) -> pd.DataFrame:
    """Entities whose canonical names and keys are their actors' (capitals stay places)."""
    frame = entities.copy()
    if aliases is None or frame.empty:
        return frame
    rows = entity_aliases(aliases)
    canonical = frame["canonical"]
    frame["entity_key"] = map_forms(canonical, rows, "key").where(
        canonical.fillna("").astype(str).str.strip().isin(rows["form"]), frame["entity_key"])
    frame["canonical"] = map_forms(canonical, rows)
    return frame


def write_actor_tables(run_dir: PathLike, aliases: Optional[PathLike] = None) -> pd.DataFrame:
    """The run's corpus-level tables that count actors: ``tables/aliases.csv`` (with the
    researcher's ``aliases`` applied), then ``tables/attribution.parquet`` and its CSV."""
    from qawl.aggregates import attribution_table
    from qawl.tables import write_table

    table = write_aliases(run_dir, aliases)
    write_table(attribution_table(run_dir), run_dir, "attribution")
    return table
