"""Word tests the stages share: what a token or matching-form key is (stop word, definite
noun, title word, cue form ...).

Contract: pure functions of their arguments (a key, a token, a token list and an index),
no document state; the word lists they read come from the language layer.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from qawl.arabic import (
    TITLE_SYNONYMS,
    ADJECTIVES, ADVERB_STEMS, ATTACHED_PRONOUNS, PREPOSITION_PRONOUN_STEMS, COMPLEMENTISERS, DAMMA, DEMONSTRATIVES,
    NISBA_ENDINGS, PARTICLES, PARTITIVE_HEADS, PLURAL_HEADS, SINGLE_PARTITIVES,
    MONTH_NAMES, PREPOSITIONS, PRONOUN_SUFFIXES, RELATIONAL_NOUNS, RELATIVES, SHADDA, TIME_NOUNS, TIME_PHRASES,
    TIME_RELATIVES,
    TIME_WORDS, _MARKS_RE,
)
from qawl.clean import match_form
from qawl.cues import CueEntry, lookup_cue
from qawl.schema import Mention
from .config import MIN_CONSTRUCT_PLURAL_LETTERS
from .rules import rule_on
from .tokens import DIGIT_RE, _Token

# A preposition carrying a pronoun (إليه، بموجبه، عليها): a complement, never a subject.
PREPOSITION_PRONOUN_RE = re.compile(
    f"^(?:{'|'.join(map(re.escape, PREPOSITION_PRONOUN_STEMS))})(?:{'|'.join(map(re.escape, ATTACHED_PRONOUNS))})$"
)


# a glued preposition governs the noun it opens (لخادم، بحضور); before a name it makes it a complement (لترامب)
PREPOSITION_PREFIXES = ("ل", "ب")
SOURCE_KINDS = ("person", "organisation", "media", "anonymous")  # the cue lexicon's head lists that name a source

def _prev_word(tokens: list[_Token], index: int) -> Optional[_Token]:
    return tokens[index - 1] if index > 0 else None


def _is_stop(token: _Token) -> bool:
    return _is_stop_key(token.key) or (len(token.key) > 2 and token.key[0] == "و" and _is_stop_key(token.key[1:]))


@lru_cache(maxsize=200_000)  # a function of the word alone, asked for each word again and again
def _is_stop_key(key: str) -> bool:
    return (
        key in PREPOSITIONS
        or key in TIME_WORDS
        or key in PARTICLES
        or key in COMPLEMENTISERS
        or key in RELATIVES
        or key.startswith("لل")
        or (key.startswith("بال") and len(key) > 5)  # بالعمل: a prepositional phrase, not the name
        or key in ("ل", "ب", "و", "ف")
        or bool(DIGIT_RE.match(key))
        or _is_adverb_with_pronoun(key)
        or _is_dated_month(key)
    )


def _is_dated_month(key: str) -> bool:
    """يوليو2017: a month name with its year glued on (a missing space) dates the clause."""
    letters = key.rstrip("0123456789٠١٢٣٤٥٦٧٨٩")
    return letters != key and letters in MONTH_NAMES


def _is_adverb_with_pronoun(key: str) -> bool:
    """قبلها، بعده، عندهم: a preposition or time noun carrying a pronoun."""
    return any(key.endswith(suffix) and key[: -len(suffix)] in ADVERB_STEMS for suffix in PRONOUN_SUFFIXES)


def _is_cue_token(token: _Token, kinds: tuple[str, ...] = ("verb", "participle")) -> bool:
    if token.aside:
        return False  # طلب عدم نشر اسمه: an aside, not a report
    entry = lookup_cue(token.key)[0]
    # ألقى is a cue only with its fixed object (Q-FIXED-OBJECT): elsewhere a plain verb (ألقى كلمة)
    return entry is not None and entry.kind in kinds and entry.person == 3 and not entry.fixed_objects


def _is_verbal_noun_form(entry: CueEntry) -> bool:
    """طلب، رد، ذكر، نشر: the bare masculine past of a weak cue is also its verbal noun."""
    return entry.tense == "past" and entry.gender == "m" and entry.number == "s" and entry.strength < 1.0


def _is_indefinite_nisba(key: str) -> bool:
    """أوروبية، دولية، حقوقية: an indefinite relational adjective (long enough not to be a name like علي)."""
    return not key.startswith("ال") and len(key) > 4 and key.endswith(("يه", "يين", "يون", "يات"))


def _is_definite(key: str) -> bool:
    return key.startswith("ال") and len(key) > 3


def _number_gender(key: str) -> str:
    """Rough agreement class of a definite word from its ending: f (ـة، ـات), p (ـين، ـون), m."""
    if key.endswith(("ه", "ات")):
        return "f"
    if key.endswith(("ين", "ون")):
        return "p"
    return "m"


def _agreeing_participle(noun: str, key: str) -> bool:
    """المدينة المنورة، القوات المسلحة: a definite participle that agrees with the noun before it
    is its adjective; الجيش | المسلحين, الحكومة | المواطنين do not agree and start an object."""
    return key.startswith("الم") and len(key) > 5 and _number_gender(noun) == _number_gender(key)


def _source_head(key: str) -> str:
    """لشهود -> شهود, لوكالة -> وكاله: the head of a source after the preposition لـ."""
    if key[:1] == "ل" and not key.startswith("لل") and len(key) > 3:
        key = key[1:]
    return _strip_noun(key)


def _unpossessed(key: str) -> str:
    """عزمها -> عزم, ثقتها -> ثقه: a noun without its possessor's pronoun (ت back to ة), else ""."""
    for suffix in PRONOUN_SUFFIXES:  # longest first
        if key.endswith(suffix) and len(key) - len(suffix) >= 3:
            stem = key[: -len(suffix)]
            return stem[:-1] + "ه" if stem.endswith("ت") else stem
    return ""


def _is_relational(key: str) -> bool:
    """نظيره، زميلها: a noun with its possessor's pronoun is never a name."""
    for suffix in PRONOUN_SUFFIXES:  # longest first
        if key.endswith(suffix):
            stem = key[: -len(suffix)]
            return stem in RELATIONAL_NOUNS or (stem.endswith("ت") and stem[:-1] + "ه" in RELATIONAL_NOUNS)
    return False


def _is_coordinated(key: str, is_title) -> bool:
    """والقوى، ومدير: و + a definite word or a title (not واشنطن، وزير)."""
    return len(key) > 3 and key[0] == "و" and (_is_definite(key[1:]) or is_title(key[1:]))


def _looks_adjective(key: str) -> bool:
    """السياسيه، الامريكي، العام: a definite adjective that extends the phrase before it."""
    bare = key[2:] if key.startswith("ال") else key
    return bare.endswith(NISBA_ENDINGS) or bare in ADJECTIVES


def _prep_form(prep: str) -> str:
    return {"الي": "إلى", "علي": "على"}.get(prep, prep)


def _strip_noun(key: str) -> str:
    """Matching form without a leading و/ب/ل/ف and the article: والصحيفة -> صحيفه."""
    if len(key) > 3 and key[0] in "وبلف" and key[1:3] == "ال":
        key = key[1:]
    if key.startswith("لل") and len(key) > 3:
        return key[2:]
    if key.startswith("ال") and len(key) > 3:
        return key[2:]
    return key


def _title_key(key: str) -> str:
    """A title word compared loosely: no conjunction, article or ل, and no inner vowel letters
    (الاميركي ~ الأمريكي, والرئيس ~ رئيس)."""
    bare = _strip_noun(key)  # والرئيس، للرئيس، الرئيس -> رئيس (a bare و of وزير stays)
    bare = TITLE_SYNONYMS.get(bare, bare) if rule_on("S-TITLE-SYNONYM") else bare  # الناطق ~ المتحدث
    if len(bare) <= 3:
        return bare
    return bare[0] + "".join(ch for ch in bare[1:-1] if ch not in "اوي") + bare[-1]


def _stops_title(other: Optional[Mention], mention: Mention) -> bool:
    """Another name ends a name's title words: any person, or an organisation before an organisation
    (مدير المرصد رامي عبد الرحمن: the organisation is part of the person's title)."""
    return other is not None and other is not mention and (other.label == "PER" or mention.label == other.label)


def _strip_conj(key: str) -> str:
    return key[1:] if len(key) > 3 and key[0] in "وف" else key


def _object_cue(token: _Token) -> tuple[Optional[CueEntry], str]:
    """A cue verb form carrying an object pronoun as written (وصفه، ووصفها), with its و/ف prefix; (None, "")
    for a feminine ending (إضافة، دعاة: ة, not the pronoun ه) or no cue."""
    stripped = _strip_object(token.key)
    if stripped == token.key or not _MARKS_RE.sub("", token.text).endswith(("ه", "ها")):
        return None, ""
    return lookup_cue(stripped)


def _medium_name(text: str, media: frozenset) -> bool:
    """``S-SPAN-MEDIUM``: a medium's name of several words, with or without the ل the tagger glued to
    it (لبي بي سي، سي إن إن)."""
    return _key_text(text[1:] if text[:1] == "ل" else text) in media


def _medium_width(words: list[str], media: frozenset) -> int:
    """How many of ``words`` (matching forms, the glued ل already off the first) a medium's name
    opening them takes: the longest of three, two or one, else 0 (بي بي سي، فرانس برس، رويترز)."""
    return next((n for n in (3, 2, 1) if n <= len(words) and " ".join(words[:n]) in media), 0)


def _opens_with_medium(text: str, media: frozenset) -> bool:
    """``S-SPAN-MEDIUM``: a name the tagger took from a glued ل and a medium on into the next words
    (لبي بي سي أن الوصل)."""
    return text[:1] == "ل" and _medium_width(_key_text(text[1:]).split(), media) > 0


def _strip_object(key: str) -> str:
    """نشرته -> نشرت, نقلته -> نقلت: a verb with an object pronoun."""
    for suffix in ("ها", "ه"):
        if key.endswith(suffix) and len(key) > len(suffix) + 2:
            return key[: -len(suffix)]
    return key


def _key_text(text: str) -> str:
    return " ".join(WORD_TOKEN_RE.findall(match_form(text)))

WORD_TOKEN_RE = re.compile(r"[^\W_]+")


def _time_phrase_width(tokens: list[_Token], t: int) -> int:
    """Words of the time adverb at ``t``: أمس, بعدها (1); الأسبوع الماضي, العام المقبل, هذا العام (2); else 0."""
    if t >= len(tokens):
        return 0
    key = tokens[t].key
    for width in (3, 2):  # أول من أمس، أمس الأول: one adverb, not a word of the name after it
        if t + width <= len(tokens) and tuple(tok.key for tok in tokens[t : t + width]) in TIME_PHRASES:
            return width
    if key in TIME_WORDS or _is_adverb_with_pronoun(key):
        return 1
    if t + 1 < len(tokens) and (key in TIME_NOUNS and tokens[t + 1].key in TIME_RELATIVES
                                or key in DEMONSTRATIVES and tokens[t + 1].key in TIME_NOUNS):
        return 2
    return 0


def _looks_feminine_verb(key: str) -> bool:
    """وتستفيد، وأعلنت: an imperfect with تـ or a perfect ending in ـت, after its conjunction."""
    stem = key[1:]
    return stem.endswith("ت") or (stem[:1] == "ت" and len(stem) >= 4)


def _is_plural_phrase(keys: list[str]) -> bool:
    """المزارعون، مستخدمو، المسؤولين، مصادر: a head noun naming several people."""
    if not keys:
        return False
    head = _strip_noun(_strip_conj(keys[0]))
    return head.endswith(("ون", "ين")) or (_construct_plural(head) and len(keys) > 1) or head in PLURAL_HEADS


def _counts_people(keys: list[str]) -> bool:
    """عدد من المواطنين، العديد من الخبراء: a quantity of a group with its من phrase, plural in sense
    (not واحدة من الزبائن)."""
    head = _strip_conj(keys[0]) if keys else ""
    return len(keys) > 1 and head in PARTITIVE_HEADS and head not in SINGLE_PARTITIVES and keys[1] == "من"


def _is_oblique_plural(key: str) -> bool:
    """``S-OBLIQUE-OBJECT``: a definite sound masculine plural or dual in the oblique case (المواطنين،
    اللاعبين، اليمنيين، الجانبين): a participle (مـ), an active participle (فاعل) or a nisba before ين. Never
    a subject; الأمين، الصين، الحسين fit none of the patterns."""
    if not key.startswith("ال") or not key.endswith("ين"):
        return False
    stem = key[2:-2]
    return len(stem) >= 3 and (stem[0] == "م" or stem[1] == "ا" or stem.endswith("ي"))


def _construct_plural(head: str) -> bool:
    """A sound masculine plural in construct, its ن dropped (مستخدمو، ممثلو، لاعبو): five letters or
    more ending in و; عضو، أبو، نحو are singular."""
    return head.endswith("و") and len(head) >= MIN_CONSTRUCT_PLURAL_LETTERS


def _agrees(feature: str, other: str) -> bool:
    return not feature or not other or feature == other


def _is_first_person_hamza(text: str, entry: CueEntry, conj: str) -> bool:
    """أعتقد / أعترف: a hamza on the alif of a verb whose past starts with a plain alif (اعتقد،
    اعترف، استبعد) marks the first person present, which matching form conflates with the past."""
    word = text[len(conj):] if conj else text
    return entry.kind == "verb" and entry.tense == "past" and entry.lemma.startswith("ا") and word.startswith("أ")


def _is_passive(text: str, entry: CueEntry, conj: str) -> bool:
    """يُرى، يُقال، أُعلن، اتُّهم، يُتّهم: a damma early in the word marks the passive voice.

    A past form with it on its first letter is always passive, and so is one of a derived verb
    opening with ا (اتُّهم، اسْتُبعد) with it on one of its first three letters. A present one
    with it on its prefix is passive for a simple (form I) verb without shadda and for a derived
    verb of form V-X (يُتّهم، يُنتقد); the prefix of form II-IV يُبيّن، يُؤكد، يُتابع takes a damma
    too. Verbs whose bare present its own rule reads as impersonal (يتوقع أن) keep that reading.
    """
    word = text[1:] if conj and text[:1] in "وف" else text
    if entry.kind != "verb":
        return False
    derived = _is_derived_v_to_x(entry.lemma) and not entry.impersonal_present
    if entry.tense == "past" and entry.lemma.startswith("ا"):
        return DAMMA in _after_letters(word, 3)
    if len(word) < 2 or word[1] != DAMMA:
        return False
    return entry.tense == "past" or derived or (entry.form_i and SHADDA not in word)


def _is_derived_v_to_x(lemma: str) -> bool:
    """اتهم، انتقد، استبعد (forms VII-X) or تحدث، تساءل (V-VI), not form III تابع."""
    return lemma.startswith("ا") or (lemma.startswith("ت") and lemma[1:2] != "ا")


def _after_letters(word: str, letters: int) -> str:
    """The marks that follow the first ``letters`` letters of a vocalised word."""
    marks, seen = "", 0
    for char in word:
        if "\u064b" <= char <= "\u0652":
            marks += char
        else:
            seen += 1
            if seen > letters:
                break
    return marks


def _pronoun_agreement(key: str) -> tuple[str, str]:
    """(gender, number) of the pronoun a particle carries (لكنه m s, لكنها f s, لكنهم m p, لكنهن f p)."""
    for suffix, agreement in (("هما", ("m", "d")), ("هم", ("m", "p")), ("هن", ("f", "p")), ("ها", ("f", "s")), ("ه", ("m", "s"))):
        if key.endswith(suffix):
            return agreement
    return ("", "")
