"""The reporting-cue lexicon: ``data/cues.json`` expanded into every inflected form.

The JSON file holds one record per lemma (stems, complements, polarity); this
module generates the surface forms (قال قالت قالوا قلن يقول تقول يقولون قائلا
قائلة قوله ...) in matching form, so a token is looked up with one dict access.
The stance stage reads a cue's polarity through ``cue_entry``.
"""
from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources
from typing import Any, Iterator, Optional

from qawl.arabic import HAMZA_NOUN_FORMS, word_key
from qawl.clean import match_form

logger = logging.getLogger(__name__)

CUES_FILE = "cues.json"
CONJUNCTIONS = ("و", "ف")
PURPOSE_PREFIX = "ل"  # لتؤكد أن، ليقول إن: "so as to say", the subject of the verb before speaks
WEAK_FINALS = ("ى", "ي")

# (suffix, gender, number) for a regular past stem; the short stem takes "ن".
PAST_SUFFIXES = (("", "m", "s"), ("ت", "f", "s"), ("وا", "m", "p"), ("ا", "m", "d"), ("تا", "f", "d"))
# (prefix, suffix, gender, number, person) for a regular present stem.
PRESENT_AFFIXES = (
    ("ي", "", "m", "s", 3),
    ("ت", "", "f", "s", 3),
    ("ي", "ون", "m", "p", 3),
    ("ي", "ان", "m", "d", 3),
    ("ت", "ان", "f", "d", 3),
    ("ن", "", "", "p", 1),
    ("أ", "", "", "s", 1),
)
PARTICIPLE_SUFFIXES = (("", "m", "s"), ("ا", "m", "s"), ("ة", "f", "s"), ("ين", "m", "p"), ("ات", "f", "p"))
NOUN_SUFFIXES = (("ه", "m", "s"), ("ها", "f", "s"), ("هم", "m", "p"), ("هما", "m", "d"))


@dataclass(frozen=True)
class CueEntry:
    """One surface form of a cue and what it tells: lemma, kind, polarity, agreement."""

    form: str  # matching form of the surface word, without conjunction
    lemma: str
    kind: str  # verb, participle, noun, phrase
    polarity: str  # favor, against, neutral
    complements: tuple[str, ...] = ()
    strength: float = 1.0
    tense: str = ""  # past, present ("" for participles and nouns)
    gender: str = ""  # m, f, "" when the form does not say
    number: str = ""  # s, d, p
    person: int = 3
    relays: bool = False  # نقل عن: the source follows عن, the subject only relays
    relay_preps: tuple[str, ...] = ("عن",)  # the prepositions a relayed source follows (علمت الصحيفة من مصادر)
    impersonal_present: bool = False  # يذكر أن / يتوقع أن without subject: "it is said"
    ambiguous: bool = False  # also a common other word (بين "between")
    addressee: bool = False  # طالب/دعا/اتهم: whom the act aims at follows the subject as an object
    form_i: bool = False  # a simple verb: يُرى with a damma on its prefix is passive (form IV يُؤكد is not)
    addressee_prep: str = ""  # طلب من X أن / طلب من X التوقف: the preposition that brings whom it asks
    needs_source: bool = False  # كتب، نقل، اعتقد: a report only when the subject names a source
    that_after: str = ""  # توصل/خلص إلى أن: the that-clause reports only right after this preposition
    owned_object: bool = False  # أعرب عن أمله: the preposition's noun must carry its owner's pronoun
    fixed_objects: tuple[str, ...] = ()  # ألقى باللائمة على: the cue reports only with one of these objects
    past_preps: tuple[str, ...] = ()  # تحدث الوزير عن: prepositions that report only in the past with a named subject
    yields: bool = False  # ختم حديثه بالقول: a weak reading, kept only where no other cue claims the words
    measured_object: bool = False  # قدرت فوربس ثروته بنحو …: the object reports only with the figure after it

    @property
    def complement(self) -> str:
        """The first complement the cue takes ("أن", "إلى", "ب", "obj", ...), or ""."""
        return self.complements[0] if self.complements else ""


@dataclass(frozen=True)
class Lexicon:
    """The expanded lexicon: form -> entry, plus the word lists the extractor uses."""

    forms: dict[str, CueEntry]
    attribution_words: frozenset[str]
    attribution_links: frozenset[str]
    attribution_carriers: frozenset[str]
    attribution_lam_words: frozenset[str]  # وفقا، طبقا: their source is written with ل (وفقا لنص المرسوم)
    impersonal_verbs: frozenset[str]  # جاء، ورد: حسبما جاء في البيان, the source is after the preposition
    impersonal_preps: frozenset[str]
    final_attribution_words: frozenset[str]  # بحسب، وفق: closing a sentence, any source reports (Q-ATTRIB-FINAL)
    closers: tuple[tuple[str, ...], ...]
    heads: dict[str, frozenset[str]]  # kind -> head words (matching form)
    naming_nouns: frozenset[str]
    scripture_speakers: frozenset[str]
    # bare verbal nouns (تأكيد، تحذير) -> entry: they report only in a frame (عقب تأكيد الوزير أن)
    verbal_nouns: dict[str, CueEntry]
    proposition_nouns: frozenset[str]  # ضرورة، أهمية: a proposition as object, never a name
    statement_frames: frozenset[str]  # بيان، تصريح: في بيان لـ X names X as the one who speaks next
    issued_texts: frozenset[str] = frozenset()  # تقرير، خطاب: texts whose issuer speaks in a clause on them (S-HOST-ISSUER)
    verdict_subjects: frozenset[str] = frozenset()  # المحكمة: its أكدت + object upholds a ruling
    verdict_cues: frozenset[str] = frozenset()  # lemmas (أكد، أيد) that uphold a ruling after such a subject
    data_subjects: frozenset[str] = frozenset()  # بيانات، أرقام: data that speak through a verb of showing
    data_cues: frozenset[str] = frozenset()  # lemmas (أظهر، كشف) through which data speak (Q-DATA-SHOWS)
    # متناولا، شارحا، مثنيا: accusative participles of act verbs that open the speaker's next act
    circumstantial: frozenset[str] = frozenset()
    # kind -> the head words listed without the article (صحيفة، شركة): not the bare forms the
    # lexicon derives from definite ones (نظام of النظام "the regime" is also "a system")
    listed_indefinite: dict[str, frozenset[str]] = field(default_factory=dict)
    attitude_exclusions: frozenset[str] = frozenset()  # شكر، نفس: after أعرب عن, no words reported
    describing_cues: frozenset[str] = frozenset()  # وصف: its object is called something (Q-DESCRIBED-AS)
    describing_links: frozenset[str] = frozenset()  # بأنه، بكونه: what opens the name it is called
    predicate_cues: frozenset[str] = frozenset()  # اعتبر: after a relative, its object is held to be what follows the source
    # وعبر: skip forms that are the verb only where they open a clause with عن after them (Q-CLAUSE-FORM)
    clause_forms: dict[str, CueEntry] = field(default_factory=dict)
    # وزاد: skip forms that are the verb only with و/ف right before a colon (Q-COLON-FORM)
    colon_forms: dict[str, CueEntry] = field(default_factory=dict)
    # تظهر: skip forms that are the verb only with data or a document as their subject (Q-DATA-FORM)
    data_forms: dict[str, CueEntry] = field(default_factory=dict)


def _verb_forms(record: dict[str, Any]) -> Iterator[tuple[str, str, str, str, int]]:
    """(form, tense, gender, number, person) of every inflection of one verb record."""
    if record.get("class") == "defective":
        yield from _defective_forms(record)
        return
    past, present = record["past"], record["present"]
    past_short = record.get("past_short", past)
    present_short = record.get("present_short", present)
    for suffix, gender, number in PAST_SUFFIXES:
        yield past + suffix, "past", gender, number, 3
    yield past_short + "ن", "past", "f", "p", 3
    yield past_short + "نا", "past", "", "p", 1
    for prefix, suffix, gender, number, person in PRESENT_AFFIXES:
        yield prefix + present + suffix, "present", gender, number, person
    yield "ي" + present_short + "ن", "present", "f", "p", 3


def _defective_forms(record: dict[str, Any]) -> Iterator[tuple[str, str, str, str, int]]:
    past, final = record["past"], record["past_final"]
    present, present_final = record["present"], record["present_final"]
    y_final = final in WEAK_FINALS
    yield past + final, "past", "m", "s", 3
    yield past + "ت", "past", "f", "s", 3
    yield past + "وا", "past", "m", "p", 3
    yield past + ("يا" if y_final else "وا"), "past", "m", "d", 3
    yield past + "تا", "past", "f", "d", 3
    yield past + ("ين" if y_final else "ون"), "past", "f", "p", 3
    for prefix, gender, number, person in (("ي", "m", "s", 3), ("ت", "f", "s", 3), ("ن", "", "p", 1), ("أ", "", "s", 1)):
        yield prefix + present + present_final, "present", gender, number, person
    yield "ي" + present + "ون", "present", "m", "p", 3
    dual_stem = present + ("ي" if present_final in WEAK_FINALS else "و")
    yield "ي" + dual_stem + "ان", "present", "m", "d", 3
    yield "ت" + dual_stem + "ان", "present", "f", "d", 3


def _participle_forms(stem: str) -> Iterator[tuple[str, str, str]]:
    base = stem[:-1] if stem.endswith("ي") else stem
    for suffix, gender, number in PARTICIPLE_SUFFIXES:
        yield (base if suffix in ("ين", "ون") else stem) + suffix, gender, number
    if base != stem:  # متمنيين: the weak letter kept before the plural, a common spelling
        yield stem + "ين", "m", "p"


def _entries(record: dict[str, Any]) -> Iterator[CueEntry]:
    common = dict(
        lemma=record["lemma"],
        polarity=record.get("polarity", "neutral"),
        complements=tuple(record.get("complements", ())),
        strength=float(record.get("strength", 1.0)),
        relays=bool(record.get("relays", False)),
        relay_preps=tuple(match_form(p) for p in record.get("relay_preps", ("عن",))),
        impersonal_present=bool(record.get("impersonal_present", False)),
        addressee=bool(record.get("addressee", False)),
        form_i=bool(record.get("form_i", False)),
        addressee_prep=record.get("addressee_prep", ""),
        needs_source=bool(record.get("needs_source", False)),
        that_after=record.get("that_after", ""),
        owned_object=bool(record.get("owned_object", False)),
        fixed_objects=tuple(match_form(word) for word in record.get("fixed_objects", ())),
        past_preps=tuple(record.get("past_preps", ())),
        yields=bool(record.get("yields", False)),
        measured_object=bool(record.get("measured_object", False)),
    )
    skip = {match_form(form) for form in record.get("skip_forms", ())}
    only = {match_form(form) for form in record.get("only_forms", ())}
    ambiguous = {match_form(form) for form in record.get("ambiguous_forms", ())}
    for form, tense, gender, number, person in _verb_forms(record):
        key = match_form(form)
        if key not in skip and (not only or key in only):
            yield CueEntry(
                key, kind="verb", tense=tense, gender=gender, number=number, person=person,
                ambiguous=key in ambiguous, **common,
            )
    if record.get("participle"):
        for form, gender, number in _participle_forms(record["participle"]):
            if match_form(form) not in skip:  # معتقدات "beliefs", محدد "set": nouns and adjectives
                yield CueEntry(match_form(form), kind="participle", gender=gender, number=number, **common)
    for noun in record.get("nouns", ()):
        for suffix, gender, number in NOUN_SUFFIXES:
            yield CueEntry(match_form(noun + suffix), kind="noun", gender=gender, number=number, **common)


def _without_article(word: str) -> str:
    return word[2:] if word.startswith("ال") and len(word) > 4 else word


def _match_set(words: list[str]) -> frozenset[str]:
    """The words' matching forms, and a hamza noun's word key (الإمام) besides: never the bare form it
    shares with a function word (امام, in front of)."""
    return frozenset(match_form(word) for word in words if match_form(word) not in HAMZA_NOUN_FORMS) \
        | frozenset(word_key(word) for word in words)


@lru_cache(maxsize=1)
def load_cues() -> Lexicon:
    """Read ``data/cues.json`` once and expand it; the first lemma listed wins a shared form."""
    raw = json.loads(resources.files("qawl").joinpath("data", CUES_FILE).read_text(encoding="utf-8"))
    forms: dict[str, CueEntry] = {}
    verbal_nouns: dict[str, CueEntry] = {}
    clause_forms: dict[str, CueEntry] = {}
    colon_forms: dict[str, CueEntry] = {}
    data_forms: dict[str, CueEntry] = {}
    for record in raw["verbs"]:
        for entry in _entries(record):
            forms.setdefault(entry.form, entry)
        for field_name, kept in (("clause_forms", clause_forms), ("colon_forms", colon_forms), ("data_forms", data_forms)):
            wanted = {match_form(form) for form in record.get(field_name, ())}
            for entry in _entries({**record, "skip_forms": [], "ambiguous_forms": []}) if wanted else ():
                if entry.form in wanted and entry.kind == "verb":
                    kept.setdefault(entry.form, entry)
        for noun in record.get("nouns", ()):
            bare = next(_entries({**record, "nouns": [], "participle": ""}), None)
            if bare is not None:
                form = match_form(noun)
                verbal_nouns.setdefault(form, replace(bare, form=form, kind="noun", tense="", gender="", number=""))
    attribution = raw["attribution"]
    for word in attribution["words"]:
        form = match_form(word)
        forms.setdefault(form, CueEntry(form, lemma=word, kind="phrase", polarity="neutral", strength=0.8))
    heads = {
        kind: _match_set(words) | _match_set([_without_article(w) for w in words])
        for kind, words in raw["speaker_heads"].items()
        if not kind.startswith("_")
    }
    logger.debug("cue lexicon: %d forms from %d lemmas", len(forms), len(raw["verbs"]))
    return Lexicon(
        forms=forms,
        attribution_words=_match_set(attribution["words"]),
        attribution_links=_match_set(attribution["links"]),
        attribution_carriers=_match_set(attribution["carriers"]),
        attribution_lam_words=_match_set(attribution["lam_words"]),
        impersonal_verbs=_match_set(attribution["impersonal_verbs"]),
        impersonal_preps=_match_set(attribution["impersonal_preps"]),
        final_attribution_words=_match_set(attribution["final_words"]),
        closers=tuple(tuple(match_form(closer).split()) for closer in attribution["closers"]),
        heads=heads,
        naming_nouns=_match_set(raw["naming_nouns"]["words"]),
        scripture_speakers=_match_set(raw["scripture_speakers"]["words"]),
        verbal_nouns=verbal_nouns,
        proposition_nouns=_match_set(raw["proposition_nouns"]["words"]),
        attitude_exclusions=_match_set(raw.get("attitude_exclusions", {}).get("words", [])),
        describing_cues=frozenset(raw.get("describing", {}).get("cues", [])),
        describing_links=_match_set(raw.get("describing", {}).get("links", [])),
        predicate_cues=frozenset(raw.get("describing", {}).get("predicate_cues", [])),
        clause_forms=clause_forms,
        colon_forms=colon_forms,
        data_forms=data_forms,
        statement_frames=_match_set(raw["statement_frames"]["words"]),
        issued_texts=_match_set(raw.get("issued_texts", {}).get("words", [])),
        verdict_subjects=_match_set(raw.get("verdict_subjects", {}).get("words", [])),
        verdict_cues=frozenset(raw.get("verdict_subjects", {}).get("cues", [])),
        data_subjects=_match_set(raw.get("data_subjects", {}).get("words", [])),
        data_cues=frozenset(raw.get("data_subjects", {}).get("cues", [])),
        circumstantial=_match_set(raw.get("circumstantial", {}).get("words", [])),
        listed_indefinite={
            kind: _match_set([w for w in words if not w.startswith("ال")])
            for kind, words in raw["speaker_heads"].items()
            if not kind.startswith("_")
        },
    )


@lru_cache(maxsize=200_000)  # every token of every document is looked up; the lexicon is loaded once
def lookup_cue(key: str) -> tuple[Optional[CueEntry], str]:
    """Entry for a token in matching form, and the conjunction (و/ف, or the purpose لـ) stripped to find it."""
    forms = load_cues().forms
    entry = forms.get(key)
    if entry is not None:
        return entry, ""
    if len(key) > 2 and key[0] in CONJUNCTIONS:
        entry = forms.get(key[1:])
        # only verbs and phrases take the conjunction: وسائل is not و + سائل; of three
        # letters only a doubled verb (وردّ = و + ردّ، وحثّ) is read as conjunction + cue
        if entry is not None and entry.kind in ("verb", "phrase") and (len(key) > 3 or entry.kind == "verb"):
            return entry, key[0]
    return _purpose_verb(key)


def _purpose_verb(key: str) -> tuple[Optional[CueEntry], str]:
    """لتؤكد / وليقول: a third-person present verb after the purpose لـ (itself maybe after و/ف)."""
    conj = key[0] if key[:2] in (c + PURPOSE_PREFIX for c in CONJUNCTIONS) else ""
    rest = key[len(conj):]
    if not rest.startswith(PURPOSE_PREFIX) or len(rest) < 5:
        return None, ""
    entry = load_cues().forms.get(rest[1:])
    if entry is None or entry.kind != "verb" or entry.tense != "present" or entry.person != 3 or entry.ambiguous:
        return None, ""
    return entry, conj + PURPOSE_PREFIX


def cue_entry(word: str) -> Optional[CueEntry]:
    """The lexicon entry of a surface word (any inflection, with or without و/ف), or None.

    >>> cue_entry("وقالت").lemma, cue_entry("اتهم").polarity
    ('قال', 'against')
    """
    return lookup_cue(match_form(word.strip()))[0]


def cue_polarity(word: str) -> str:
    """Polarity the cue itself expresses; "neutral" for unknown words."""
    entry = cue_entry(word)
    return entry.polarity if entry else "neutral"
