"""The Arabic language layer: word classes that several stages read, in one place.

The lists are data, one file per class under ``data/arabic/`` (time words, function
words, clause words, name words, report words, punctuation); each list has a one-line
``_comment``. They are written in the matching form of ``qawl.clean.match_form`` unless their
comment says otherwise (prepositions as written, cue lemmas as spelt in ``cues.json``,
punctuation). Stages after cleaning import them from here, never from each other; this module
only turns the lists into the sets, tuples and look-ups the stages test words against.

A word class is written down once. Where a stage needs a named part of a class (the
prepositions that may stand inside a noun phrase, the relatives of الذي, بأن with a pronoun),
the part is its own list and the class is built here as the union of its parts.
"""
from __future__ import annotations

import json
import re
from importlib import resources
from typing import Any

from qawl.clean import match_form


def _word_class(name: str) -> dict[str, Any]:
    """The lists of ``data/arabic/<name>.json`` by key, their comments left out."""
    text = resources.files("qawl").joinpath(f"data/arabic/{name}.json").read_text(encoding="utf-8")
    return {key: entry["words"] for key, entry in json.loads(text).items() if not key.startswith("_")}


def _pairs(phrases: list[str]) -> frozenset[tuple[str, str]]:
    """Two-word phrases as (first, second) word pairs."""
    return frozenset(tuple(phrase.split()) for phrase in phrases)


def _attached(stems: list[str], suffixes: list[str]) -> frozenset[str]:
    """Every stem with every attached pronoun (لكنه، لكنها، فيه، عليهم)."""
    return frozenset(f"{stem}{suffix}" for stem in stems for suffix in suffixes)


_TIME = _word_class("time_words")
_FUNCTION = _word_class("function_words")
_CLAUSE = _word_class("clause_words")
_NAME = _word_class("name_words")
_REPORT = _word_class("report_words")
_PUNCTUATION = _word_class("punctuation")

# --- time: words that date a clause ---
DAY_NAMES = frozenset(_TIME["day_names"])
TIME_WORDS = frozenset(_TIME["time_words"]) | DAY_NAMES
TIME_PHRASES = frozenset(tuple(phrase.split()) for phrase in _TIME["time_phrases"])  # أول من أمس
TIME_NOUNS = frozenset(_TIME["time_nouns"])
TIME_ANTECEDENTS = frozenset(_TIME["time_antecedents"])  # في الوقت الذي دعا فيه X: the clause's own speaker
TIME_RELATIVES = frozenset(_TIME["time_relatives"])
TIME_QUALIFIERS = frozenset(_TIME["time_qualifiers"])
MONTHS_AND_DAYS = frozenset(_TIME["months_and_days"])
MONTH_NAMES = frozenset(_TIME["month_names"])
ORDINAL_MONTHS = frozenset(_TIME["ordinal_months"])  # كانون الثاني

# --- function words ---
THAT_COMPLEMENTISERS = frozenset(_FUNCTION["that_complementisers"])
COMPLEMENTISERS = frozenset(_FUNCTION["complementisers"]) | THAT_COMPLEMENTISERS
OBJECT_QUANTIFIERS = frozenset(_FUNCTION["object_quantifiers"])  # ووصف أي طرح: S-OBJECT-NO-SOURCE
SUBJECT_QUANTIFIERS = frozenset(_FUNCTION["subject_quantifiers"])  # جميعهم، كلاهما: Q-OWNED-NOUN-OBJECT
NARRATOR_CONTRASTS = frozenset(_FUNCTION["narrator_contrasts"])  # إلا أن، غير أن: the narrator's next clause
STATEMENT_PREPOSITIONS = frozenset(_FUNCTION["statement_prepositions"])  # في بيان: where the speaker spoke
WRITTEN_PREPOSITIONS = frozenset(_FUNCTION["written_prepositions"])  # على as written: علي is a name
MODAL_VERBS = frozenset(_FUNCTION["modal_verbs"])  # يجب أن: a clause inside the words
INFERENCE_OPENERS = frozenset(_FUNCTION["inference_openers"])  # بما يشير: a fact implies
QUESTION_OPENERS = frozenset(_FUNCTION["question_openers"])  # هل تقول …؟: a question, no report
CLAUSE_GOVERNORS = frozenset(_FUNCTION["clause_governors"])  # ، كما أن: the narrator's clause
NARRATOR_BEFORE_COMPLEMENTISER = frozenset(_FUNCTION["narrator_before_complementiser"]) | NARRATOR_CONTRASTS
PHRASE_PREPOSITIONS = frozenset(_FUNCTION["prepositions"])  # may stand inside a noun phrase
EVENT_PREPOSITIONS = frozenset(_FUNCTION["event_prepositions"])  # a time or event phrase follows
PREPOSITIONS = PHRASE_PREPOSITIONS | EVENT_PREPOSITIONS
NOUN_GOVERNING_PREPOSITIONS = frozenset(_FUNCTION["noun_governing_prepositions"])  # بين رفض: a noun follows
PARTICLES = frozenset(_FUNCTION["particles"])
SUBJECT_RELATIVES = frozenset(_FUNCTION["subject_relatives"])
MA_RELATIVES = frozenset(_FUNCTION["ma_relatives"])
SOURCE_INSIDE_PREPOSITIONS = frozenset(_FUNCTION["source_inside_prepositions"])  # مصادر داخل الائتلاف
MA_CONJUNCTIONS = frozenset(_FUNCTION["ma_conjunctions"])  # بعدما، حينما: no accusative
INNA_PARTICLES = frozenset(_FUNCTION["inna_particles"])  # ولكن مسؤولا قال: an accusative subject
RELATIVES = SUBJECT_RELATIVES | MA_RELATIVES
DEMONSTRATIVES = frozenset(_FUNCTION["demonstratives"])
PRONOUN_SUFFIXES = tuple(_FUNCTION["pronoun_suffixes"])
CONJOINED_PRONOUNS = frozenset(_FUNCTION["conjoined_pronouns"])
ATTACHED_PRONOUNS = PRONOUN_SUFFIXES + tuple(_FUNCTION["other_attached_pronouns"])
OBJECT_PRONOUNS = frozenset(ATTACHED_PRONOUNS)
OBJECT_CARRIERS = _attached(_FUNCTION["object_carrier_stems"], ATTACHED_PRONOUNS)
PRONOUN_CARRIERS = _attached(_FUNCTION["pronoun_carrier_particles"], PRONOUN_SUFFIXES)
PREPOSITION_PRONOUNS = _attached(_FUNCTION["pronoun_prepositions"], PRONOUN_SUFFIXES)
ADDRESSEE_PRONOUNS = frozenset(_FUNCTION["addressee_pronouns"])
FIRST_PERSON_PLURAL_WORDS = frozenset(_FUNCTION["first_person_plural_words"])
FIRST_PERSON_SINGULAR_WORDS = frozenset(_FUNCTION["first_person_singular_words"])
VERB_PARTICLES = frozenset(_FUNCTION["verb_particles"])  # لم، لن، سوف: only a verb follows
REPORT_NEGATORS = frozenset(_FUNCTION["report_negators"])  # ولم تكشف … عن: nothing was told
PAST_REPORT_NEGATORS = frozenset(_FUNCTION["past_report_negators"])  # ولم يوضح … أن: nothing was said
REPORT_NEGATOR_PAIRS = _pairs(_FUNCTION["report_negator_pairs"])  # دون أن يعلن: nothing was told
PREPOSITION_PRONOUN_STEMS = tuple(_FUNCTION["pronoun_prepositions"] + _FUNCTION["preposition_pronoun_stems"])
CLAUSE_PREPOSITION_PRONOUNS = _attached(_FUNCTION["clause_prepositions"], PRONOUN_SUFFIXES)
PREPOSITION_LETTERS = frozenset(_FUNCTION["preposition_letters"])
ADDRESSEE_PREPOSITIONS = frozenset(_FUNCTION["addressee_prepositions"])
COPULA_PRONOUNS = frozenset(_FUNCTION["copula_pronouns"])
PREPOSITION_SPELLINGS = frozenset(_FUNCTION["preposition_spellings"])
CONJUNCTIONS_WAW_FA = frozenset(_FUNCTION["conjunctions_waw_fa"])
BUT = frozenset(_FUNCTION["but"])
DEGREE_WORDS = frozenset(_FUNCTION["degree_words"])
SAME_WORDS = frozenset(_FUNCTION["same_words"])
SAME_SOURCE_WORDS = frozenset(_FUNCTION["same_source_words"])  # المصدر نفسه: the source named before
MEDIUM_SOURCE_HEADS = frozenset(_FUNCTION["medium_source_heads"])  # وأوضح المصدر after a newspaper: that newspaper



def says_we(key: str) -> bool:
    """A word (matching form) that says "we": a listed one, or a noun with the pronoun نا (أهدافنا)."""
    if key in FIRST_PERSON_PLURAL_WORDS:
        return True
    stem = key[:-2]
    return key.endswith("نا") and len(key) >= 5 and len(stem) >= 3 and stem[-1:] not in ("ا", "ي", "و")


HAMZA_NOUNS = tuple(_FUNCTION["hamza_nouns"])  # إمام, as written
HAMZA_NOUN_FORMS = frozenset(match_form(noun) for noun in HAMZA_NOUNS)  # امام: their merged matching forms
_MARKS_RE = re.compile("[\u064b-\u0652\u0640]")  # short vowels, shadda, sukun, tatweel


def unvowelled(word: str) -> str:
    """The word as written, without short vowels, shadda, sukun or tatweel (ة and attached pronouns kept)."""
    return _MARKS_RE.sub("", word)


def word_key(word: str) -> str:
    """A word's matching form, but a hamza noun keeps its written hamza (الإمام، وإمام: the imam) so that
    it is not the function word of the same matching form (أمام، امام: in front of)."""
    key = match_form(word)
    bare = unvowelled(word)
    for noun in HAMZA_NOUNS:
        if noun in bare:
            key = key.replace(match_form(noun), noun, 1)
    return key


def says_we_after(previous: str, key: str) -> bool:
    """A word that says "we" where it stands: ``says_we``, or a verb in ن after a particle that only a
    verb follows (لم نسمح، لن نقبل، سوف نعمل)."""
    return says_we(key) or (previous in VERB_PARTICLES and key.startswith("ن") and len(key) >= 4)


def says_i_or_we_after(previous: str, key: str) -> bool:
    """A word that says "I" or "we" where it stands: ``says_we_after`` or a listed "I" word (إنني، لست)."""
    return key in FIRST_PERSON_SINGULAR_WORDS or says_we_after(previous, key)


# --- clause words: where a subject or a content starts and ends ---
CLAUSE_OPENERS = frozenset(_CLAUSE["clause_openers"])
CLAUSE_ADVERBS = frozenset(_CLAUSE["clause_adverbs"])
QAD_PARTICLES = frozenset(_CLAUSE["qad_particles"])  # فقد ندد الرئيس: S-QAD-CLAUSE
CLAUSE_PARTICLES = frozenset(_CLAUSE["clause_particles"])  # ولم يعط بومبيو، فيما أعرب الأمير: S-PARTICLE-CLAUSE
AUXILIARY_VERBS = frozenset(_CLAUSE["auxiliary_verbs"])
AUXILIARY_NEGATORS = frozenset(_CLAUSE["auxiliary_negators"])
SUBJECT_OPENERS = frozenset(_CLAUSE["subject_openers"])
CLAUSE_STOPPERS = frozenset(_CLAUSE["clause_stoppers"])
PREDICATE_CLOSERS = frozenset(_CLAUSE["predicate_closers"]) | NARRATOR_CONTRASTS | CLAUSE_STOPPERS  # وصف … بأنه X، بيد أن
CLAUSE_STOPPER_PAIRS = _pairs(_CLAUSE["clause_stopper_pairs"])
# ، وذلك بهدف / من خلال: the speaker's purpose or means after وذلك (B-THAT-PURPOSE)
PURPOSE_OPENERS = frozenset(w for w in _CLAUSE["purpose_openers"] if " " not in w)
PURPOSE_OPENER_PAIRS = _pairs([w for w in _CLAUSE["purpose_openers"] if " " in w])
# ، بينما / ، في حين: stoppers an unquoted content runs on over (one-word keys, and two-word pairs)
CONTENT_CONTRASTS = frozenset(w for w in _CLAUSE["contrasts_kept_in_content"] if " " not in w)
CONTENT_CONTRAST_PAIRS = _pairs([w for w in _CLAUSE["contrasts_kept_in_content"] if " " in w])
NARRATIVE_TIME_PAIRS = _pairs(_CLAUSE["narrative_time_pairs"])
NORM_NOUNS = frozenset(_CLAUSE["norm_nouns"])  # ، وفقا للمبادرة: B-ACCORDING-TO-NORM
WITHHELD_DETAIL_WORDS = frozenset(_CLAUSE["withheld_detail_words"])  # ، دون الكشف عن: B-WITHOUT-DETAIL
RELATIVE_PASSIVE_LEMMAS = frozenset(_CLAUSE["relative_passive_lemmas"])  # الذي اتُّهم بـ: Q-RELATIVE-PREP
CONSEQUENCE_OPENERS = frozenset(_CLAUSE["consequence_openers"])  # "…"، ما يعني: B-CONSEQUENCE-AFTER-MARK
APODOSIS_OPENERS = frozenset(_CLAUSE["apodosis_openers"])  # فإن، فقد
CONTENT_OPENERS = frozenset(_CLAUSE["content_openers"]) | APODOSIS_OPENERS
(AS_WORD,) = _CLAUSE["as_word"]
ADVERBIAL_HEADS = frozenset(_CLAUSE["adverbial_heads"])
ADVERB_STEMS = frozenset(_CLAUSE["adverb_stems"])
KANA_FORMS = frozenset(_CLAUSE["kana_forms"])
LINKING_VERBS = frozenset(_CLAUSE["linking_verbs"])
TOPIC_MARKERS = frozenset(_CLAUSE["topic_markers"])
TOPIC_ADJUNCTS = frozenset(_CLAUSE["topic_adjuncts"])
HEADLINE_TOPICS = frozenset(_CLAUSE["headline_topics"])
OBJECT_RELATIVES = frozenset(_CLAUSE["object_relatives"])  # فيما اعتبره: Q-RELATIVE-OBJECT
LAST_CLAUSE_OPENERS = frozenset(_CLAUSE["last_clause_openers"])  # وقد: a sentence's last clause after a comma
ANAPHORIC_OBJECTS = frozenset(_CLAUSE["anaphoric_objects"])
RESPONSE_ADVERBIALS = frozenset(_CLAUSE["response_adverbials"])
# how someone spoke (مازحا، ساخرة، ضاحكين): the masculine, its feminine in ة and its plural in ين (S-MANNER-ADVERB)
MANNER_ADVERBS = frozenset(form for word in _CLAUSE["manner_adverbs"]
                           for form in (word, word[:-1] + "ه", word[:-1] + "ين"))
ANAPHORIC_SUBJECTS = frozenset(_CLAUSE["anaphoric_subjects"])
BACK_POINTERS = ANAPHORIC_SUBJECTS | frozenset(_CLAUSE["back_pointer_prepositions"])
(BETWEEN,) = _CLAUSE["between"]
ATTRIBUTION_CONNECTORS = frozenset(_CLAUSE["attribution_connectors"])
LIST_OPENER = tuple(_CLAUSE["list_opener"])
NOUN_FRAME_PREPS = frozenset(_CLAUSE["noun_frame_prepositions"])
NOUN_FRAME_FROM_HEADS = frozenset(_CLAUSE["noun_frame_from_heads"])  # على الرغم من تأكيد X أن

# --- name words: names, titles and descriptions of speakers ---
NAME_LINKS = frozenset(_NAME["name_links"])
NASAB_PARTICLES = frozenset(_NAME["nasab_particles"])
NAME_PREPOSITIONS = frozenset(_NAME["name_prepositions"])
SOURCE_PREPOSITIONS = frozenset(_NAME["source_prepositions"])
COMPLEMENT_PREPOSITIONS = frozenset(_NAME["complement_prepositions"])  # لجنة الرقابة | على المال العام: S-COMPLEMENT-TO-WORDS
TIME_NAMES = frozenset(_NAME["time_names"])  # صباح كرحوت: a name, not "the morning of"
MEMBER_HEADS = frozenset(_NAME["member_heads"])  # قوات الحلف: the forces, not the alliance
NISBA_ENDINGS = tuple(_NAME["nisba_endings"])
ADJECTIVES = frozenset(_NAME["adjectives"])
EPITHETS = frozenset(_NAME["epithets"])
ORGANISATION_EPITHETS = frozenset(_NAME["organisation_epithets"])  # وكالة الأناضول | الرسمية
EPITHET_HEADS = frozenset(_NAME["epithet_heads"])  # السياسي، المذيع: one person, no office (S-EPITHET)
PLURAL_HEADS = frozenset(_NAME["plural_heads"])
RELATIONAL_NOUNS = frozenset(_NAME["relational_nouns"])
LATTER = {**dict.fromkeys(_NAME["latter_masculine"], "m"), **dict.fromkeys(_NAME["latter_feminine"], "f")}
TITLE_ABBREVIATIONS = frozenset(_NAME["title_abbreviations"])
VEIL_OBJECTS = frozenset(_NAME["veil_objects"])
ATTENTION_OBJECTS = frozenset(_NAME["attention_objects"])
BA_SUBJECT_WORDS = frozenset(_NAME["ba_subject_words"])
DEPUTY_TITLES = frozenset(_NAME["deputy_titles"])
COURTESY_TITLES = frozenset(_NAME["courtesy_titles"])  # معالي | الرئيس العام: no office (S-TITLE-COURTESY)
BODY_HEADS = frozenset(_NAME["body_heads"])  # المرصد | السوري لحقوق الإنسان
EPONYM_HEADS = frozenset(_NAME["eponym_heads"])  # كتائب | عز الدين القسام: a body named after a person
ROYAL_TITLES = frozenset(_NAME["royal_titles"])  # مستشفى | الملك فهد: a body named after a person
PLACE_HEADS = frozenset(_NAME["place_heads"])  # مدينة | دوما: the head of a place's surface, not of its name
SURFACE_BODY_HEADS = frozenset(_NAME["surface_body_heads"])  # شركة | أمازون: the head of a body's surface
MANAGEMENT_HEADS = tuple(tuple(line.split()) for line in _NAME["management_heads"])  # إدارة | نادي العروبة
REGION_NAMES = tuple(tuple(line.split()) for line in _NAME["region_names"])  # المنطقة الشرقية
BODY_PLURALS = frozenset(_NAME["body_plurals"])  # أندية | الهلال والنصر: a list of bodies
EXAMPLE_LINKS = frozenset(_NAME["example_links"])  # شركات مثل | أندرويد ويوتيوب
COMPETITION_HEADS = frozenset(_NAME["competition_heads"])  # كأس | آسيا: an event's name
STATE_BODIES = frozenset(_NAME["state_bodies"])  # الحكومة | المصرية: one body
STATE_GOVERNMENTS = frozenset(_NAME["state_governments"])  # الحكومة الكندية: the state of Canada
STATE_VOICES = frozenset(_NAME["state_voices"])  # أكد الرئيس القبرصي: the state of Cyprus speaks
RELIGIOUS_FORMULAS = tuple(tuple(line.split()) for line in _NAME["religious_formulas"])  # رحمه الله
STATE_SHORT_NAMES = frozenset(_NAME["state_short_names"])  # المملكة: a state named by itself
NAMING_VERBS = frozenset(_NAME["naming_verbs"])  # as written: يدعى (is called), not يدعي (claims)
COMPLETE_SUBJECTS = frozenset(_NAME["complete_subjects"])
COMPLETE_SUBJECT_ADJECTIVES = frozenset(_NAME["complete_subject_adjectives"])
GOVERNING_PARTICIPLES = _pairs(_NAME["governing_participles"])  # الواردة من: (stem, preposition)
ADJECTIVE_NEGATORS = frozenset(_NAME["adjective_negators"])  # منظمات غير حكومية
# each synonym title word -> the first word of its group (ناطق -> متحدث)
OFFICE_HEADS = frozenset(_NAME["office_heads"])
GENERIC_OFFICE_HEADS = frozenset(_NAME["generic_office_heads"])
SPOKESPERSON_HEADS = OFFICE_HEADS - GENERIC_OFFICE_HEADS  # متحدث، ناطق: one office, a body's voice (متحدث باسم X)
TITLE_SYNONYMS = {word: line.split()[0] for line in _NAME["title_synonyms"] for word in line.split()[1:]}
# an honorific pronoun (سموه) -> the title words before a name it may stand for (الأمير، سمو)
HONORIFIC_PRONOUN_TITLES = {line.split()[0]: frozenset(line.split()[1:]) for line in _NAME["honorific_pronoun_titles"]}


def _nisba_places() -> tuple[tuple[str, str], ...]:
    """``data/arabic/nisba.tsv``: (nisba adjective as written, the country or body it names)."""
    text = resources.files("qawl").joinpath("data/arabic/nisba.tsv").read_text(encoding="utf-8")
    rows = (line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#"))
    return tuple((adjective, place) for adjective, place, *_ in rows)


# nisba adjectives of countries and bodies (الروسي -> روسيا), as written
NISBA_PLACES = _nisba_places()

# --- report words: around reporting cues ---
DOCUMENT_VERBS = frozenset(_REPORT["document_verbs"])
DOCUMENT_HEADS = frozenset(_REPORT["document_heads"])
AUTHORED_DOCUMENTS = frozenset(_REPORT["authored_documents"])
PARTITIVE_HEADS = frozenset(_REPORT["partitive_heads"])  # عدد من المسؤولين: the source they count
SINGLE_PARTITIVES = frozenset(_REPORT["single_partitive_heads"])  # واحدة من الزبائن: one of them
MAKER_LINKS = frozenset(_REPORT["maker_links"])
SAYING_NOUNS = frozenset(_REPORT["saying_nouns"])
LINK_WORDS = frozenset(_REPORT["link_words"])
MEASURE_OPENERS = frozenset(_REPORT["measure_openers"])  # قدرت ثروته | بنحو 19.7 مليار: the figure
ISSUED_WORDS = frozenset(_REPORT["issued_words"])
ISSUED_VERBS = frozenset(_REPORT["issued_verbs"])
CLAIM_NOUNS = frozenset(_REPORT["claim_nouns"])  # ونفى هذه المزاعم: the claims named, not told
CLAIM_TRUTH_NOUNS = frozenset(_REPORT["claim_truth_nouns"])  # صحة هذه المزاعم
BA_OBJECT_LEMMAS = frozenset(_REPORT["ba_object_lemmas"])
CONJUNCTION_HOMOGRAPH_LEMMAS = frozenset(_REPORT["conjunction_homograph_lemmas"])  # ورد، فرد
CONTINUATION_LEMMAS = frozenset(_REPORT["continuation_lemmas"])
SHORT_QUOTE_LEMMAS = frozenset(_REPORT["short_quote_lemmas"])
ANONYMITY_OPENERS = frozenset(_REPORT["anonymity_openers"])
ANONYMITY_NAMING = frozenset(_REPORT["anonymity_naming"])
ANONYMITY_OBJECTS = frozenset(_REPORT["anonymity_objects"])
ANONYMITY_NEGATED_NAMING = frozenset(_REPORT["anonymity_negated_naming"])


MAX_NAMING_NOTE = 12  # tokens of the parenthesis after a given name: (24 عاما)، (في العقد الخامس)


def is_naming_verb(written: str) -> bool:
    """يدعى، وتدعى، يسمى as written (final ى, diacritics dropped): "is called", which gives a name
    after it; يدعي (claims) is written with ي. Data: name_words.json naming_verbs."""
    bare = unvowelled(written)
    return bare in NAMING_VERBS or (bare[:1] == "و" and bare[1:] in NAMING_VERBS)


def naming_end(written: list[str], keys: list[str], is_word: list[bool], t: int, max_words: int) -> int:
    """End (exclusive) of a naming phrase at ``t``: يدعى / تدعى / يسمى, then up to ``max_words`` words
    of the name (inside quotation marks or not) before a mark, a complementiser, a preposition or a
    time word, then a parenthesis right after it (ويدعى عصام جبار (24 عاما)); ``t`` when the verb is
    followed by a complementiser (يدعى أن: "claims that"), by a definite word (يدعى المتهم أن) or by no
    word."""
    if not is_word[t] or not is_naming_verb(written[t]):
        return t
    i = t + 1
    while i < len(keys) and not is_word[i] and written[i] in QUOTE_MARKS:
        i += 1
    quoted, start = i > t + 1, i
    if start < len(keys) and written[start].startswith("ال"):
        return t  # ويدعى المتهم أن: "claims", written with ى
    while i < len(keys) and is_word[i] and i - start < max_words and not (
        keys[i] in COMPLEMENTISERS or keys[i] in PREPOSITIONS or keys[i] in TIME_WORDS
    ):
        i += 1
    if i == start:
        return t
    while quoted and i < len(keys) and not is_word[i] and written[i] in QUOTE_MARKS:
        i += 1  # the closing mark of يدعى «أبو عبيدة», never the opening mark of the words after
    if i < len(keys) and written[i] == "(":
        close = next((k for k in range(i, min(len(keys), i + MAX_NAMING_NOTE)) if written[k] == ")"), None)
        i = close + 1 if close is not None else i
    return i


def anonymity_end(keys: list[str], t: int) -> int:
    """End (exclusive) of a source's request not to be named that starts at ``keys[t]``
    (matching forms): [الذي] طلب|رافضا|بشرط [عدم] ذكر|نشر|الكشف [عن] اسمه|هويته; else ``t``."""
    i = t + 1 if t < len(keys) and keys[t] in SUBJECT_RELATIVES else t
    if i < len(keys) and keys[i] in ("لم", "ولم"):
        return _negated_naming_end(keys, t, i + 1)  # متحدث عسكري، لم يذكر اسمه،
    if i >= len(keys) or not (keys[i] in ANONYMITY_OPENERS or keys[i][:1] == "و" and keys[i][1:] in ANONYMITY_OPENERS):
        return t
    i += 1
    if i < len(keys) and keys[i] == "عدم":
        i += 1
    if i >= len(keys) or keys[i] not in ANONYMITY_NAMING:
        return t
    return _named_object_end(keys, t, i + 1)


def _negated_naming_end(keys: list[str], t: int, i: int) -> int:
    """After لم: [يتم] يذكر|يكشف|الكشف [عن] اسمه|هويته (the source is not named); else ``t``."""
    if i < len(keys) and keys[i] in ("يتم", "تتم"):
        i += 1  # لم يتم الكشف عن هويته
        if i >= len(keys) or keys[i] not in ANONYMITY_NAMING:
            return t
    elif i >= len(keys) or keys[i] not in ANONYMITY_NEGATED_NAMING:
        return t
    return _named_object_end(keys, t, i + 1)


def _named_object_end(keys: list[str], t: int, i: int) -> int:
    """After the naming act at ``i - 1``: [عن] اسمه|هويته ends the aside; else ``t``."""
    if i < len(keys) and keys[i] == "عن":
        i += 1
    return i + 1 if i < len(keys) and keys[i] in ANONYMITY_OBJECTS else t


VERBAL_NOUN_PATTERNS = tuple(_REPORT["verbal_noun_patterns"])
_VERBAL_NOUN_RE = re.compile("^(?:" + "|".join(p.replace("C", "[ء-ي]") for p in VERBAL_NOUN_PATTERNS) + ")$")
_DEFINITE_VERBAL_NOUN_RE = re.compile(
    "^(?:" + "|".join(p.replace("C", "[ء-ي]") for p in _REPORT["definite_verbal_noun_patterns"]) + ")$")


_PLAIN_VERBAL_NOUN_RE = re.compile(
    "^(?:" + "|".join(p.replace("C", "[ء-ي]") for p in _REPORT["plain_verbal_noun_patterns"]) + ")$")


def is_plain_verbal_noun(word: str) -> bool:
    """A bare word as written shaped like a form II or form I verbal noun (تجديد، وصول): one of
    ``plain_verbal_noun_patterns``, without the article or a suffix."""
    return bool(_PLAIN_VERBAL_NOUN_RE.match(unvowelled(word)))


def is_verbal_noun(word: str) -> bool:
    """A word as written shaped like a derived verbal noun (الإفصاح، اكتمال، استعدادها): one of
    ``VERBAL_NOUN_PATTERNS`` after the article and before an attached pronoun (ة before it is ت)."""
    stem = unvowelled(word)
    if stem.startswith("ال") and len(stem) > 5:
        stem = stem[2:]
        if _DEFINITE_VERBAL_NOUN_RE.match(stem):
            return True  # التوصل، التدخل
    if _VERBAL_NOUN_RE.match(stem):
        return True
    for suffix in PRONOUN_SUFFIXES:  # longest first
        if stem.endswith(suffix) and len(stem) - len(suffix) >= 5:
            return bool(_VERBAL_NOUN_RE.match(stem[: -len(suffix)]))
    return False

# --- punctuation, as written ---
COMMAS = frozenset(_PUNCTUATION["commas"])
QUOTE_MARKS = frozenset(_PUNCTUATION["quote_marks"])
DASHES = frozenset(_PUNCTUATION["dashes"])
LABEL_SEPARATORS = frozenset(_PUNCTUATION["label_separators"])
PAUSE_MARKS = frozenset(_PUNCTUATION["pause_marks"])
SEMICOLONS = frozenset(_PUNCTUATION["semicolons"])
QUESTION_MARKS = frozenset(_PUNCTUATION["question_marks"])

# --- marks on letters (orthography, not word lists) ---
DAMMA, SHADDA, FATHATAN = "\u064f", "\u0651", "\u064b"  # a damma on a verb's first letter marks the passive

ACCUSATIVE_NOT_ENDINGS = ("ها", "نا", "هما", "كما", "ايا", "اا", "وا")  # a pronoun, a broken plural, a plural verb


def is_indefinite_accusative(word: str) -> bool:
    """A word as written in the indefinite accusative (مفاجئا، لاذعاً، غاضبا): ا or ـًا after a
    consonant. Such a word is a predicate, a manner or a time (كان مفاجئا، يعتبر لاذعا، مؤخرا),
    never a subject. Not an attached pronoun (رئيسها، رئيسنا), a broken plural (ضحايا), a plural
    verb (قالوا), a conjunction with ما (بعدما), a definite word or a short one (رضا، دانا: names); a
    word in ـيا only with its tanween (روسيا، ماريا). A name in ـا (فرنسا، أوباما) is the caller's to
    rule out: a tagged mention."""
    marked = word.endswith((FATHATAN + "ا", "ا" + FATHATAN))
    stem = unvowelled(word)
    bare = stem[1:] if stem[:1] in "وف" and len(stem) > 5 else stem
    if match_form(bare) in MA_CONJUNCTIONS or match_form(stem) in MA_CONJUNCTIONS:
        return False
    if len(stem) < 5 or not stem.endswith("ا") or stem.startswith("ال"):
        return False
    if stem.endswith(ACCUSATIVE_NOT_ENDINGS) or (stem.endswith("يا") and not marked):
        return False
    return True
