"""Mentions on cleaned documents and their grouping into entities.

``extract_mentions`` tags each sentence, turns IOB2 runs into character spans
of ``Document.text`` without attached proclitics (وروسيا → روسيا), and gives
every mention the fullest name the article uses for its entity
(لافروف → سيرغي لافروف). ``group_entities`` then counts per entity, keyed by
``entity_key`` so counts add up across a corpus.
"""
from __future__ import annotations

import bisect
import re
import logging
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from functools import lru_cache

from qawl.clean import match_form
from qawl.entities.conll import bio_spans
from qawl.entities.consistency import NAME_CONNECTORS, name_spans
from qawl.entities.features import gazetteer, split_proclitics, tafil_shape, triggers
from qawl.entities.tagger import read_as_name
from qawl.arabic import (
    BETWEEN, BODY_HEADS, BODY_PLURALS, COMPETITION_HEADS, DASHES, EXAMPLE_LINKS, MANNER_ADVERBS, MEMBER_HEADS, NAME_LINKS, NASAB_PARTICLES, NISBA_PLACES, PHRASE_PREPOSITIONS, PLACE_HEADS,
    SUBJECT_RELATIVES,
    ORGANISATION_EPITHETS,
    SURFACE_BODY_HEADS, MANAGEMENT_HEADS,
    QUOTE_MARKS, REGION_NAMES, RELIGIOUS_FORMULAS, ROYAL_TITLES, EPONYM_HEADS, STATE_BODIES, STATE_SHORT_NAMES, TIME_NOUNS,
    TIME_WORDS,
)
from qawl.schema import Document, Mention, Span, make_span

logger = logging.getLogger(__name__)

# Proclitics that may be cut off a name: conjunction and/or preposition (not ك,
# which is rare before names and often a first letter: كيري, كندا).
STRIPPABLE_CONJ = ("و", "ف")
STRIPPABLE_PREP = ("ب", "ل")
MIN_NAME_LETTERS = 2
MIN_REST_LETTERS = 3  # what is left after a proclitic: بول is not ب + ول
PREP_STRIP_RATIO = 5  # how much commoner the rest must be than the word for a ب/ل to be a preposition
# Function words (matching form) a name never is once a proclitic is cut: لولا is not ل + ولا.
FUNCTION_WORDS = frozenset("ولا ولم ولن وما ومن هذا هذه ذلك تلك الذي التي الذين كان كانت "
                           "غير بين عند حتي لكن الي علي عن منذ كما لما اذا".split())
ARABIC_LETTER_RE = re.compile("[\u0621-\u064a]")
SUFFIX_MATCH_LABELS = ("PER", "ORG")  # labels whose short forms end the full name


def _is_known_name(form: str, known: dict[str, str]) -> bool:
    return form in gazetteer() or form in known


def proclitic_length(token: str, word_count, known: dict[str, str] | None = None, clause_start: bool = True,
                     person: bool = False) -> int:
    """How many leading characters of ``token`` are a proclitic to leave out of a name.

    Each reading (the whole token, without و/ف, without و/ف + ب/ل) is scored by
    whether it is a known name (and not rarer in the corpus than the whole), then
    by how often the corpus uses it; the best reading wins and ties keep more of
    the token. So وروسيا → روسيا and ولبنان → لبنان, while فيصل, فوكس and بول stay
    whole (a rest needs three letters). The conjunction ف opens a clause: after a word
    (وقال فورد، شركة فورد) a ف is the name's own letter. Of a ``person``'s name a ب/ل is left out
    only when the rest is at least ``PREP_STRIP_RATIO`` times as common as the word with it
    (بمحمد → محمد, لترامب → ترامب; but بسام, ليام فوكس, بروس باك stay whole: سام, يام and روس are
    barely commoner). Places and bodies keep the plain rule: بجدة, لرويترز are common as written.
    """
    known = known or {}
    form = match_form(token)
    if _is_known_name(form, known):
        return 0
    split = split_proclitics(form)
    lil = split.article and form[len(split.conj):].startswith("لل")
    candidates = []
    if split.conj == "ف" and not clause_start:
        return 0
    if split.conj:
        candidates.append(split.conj)
    if not lil and split.prep in STRIPPABLE_PREP:
        candidates.append(split.conj + split.prep)
    whole_count = word_count(form)
    best, best_score = 0, (False, whole_count)
    for prefix in dict.fromkeys(c for c in candidates if c):
        rest = form[len(prefix):]
        if rest.startswith("لل"):
            rest = "ا" + rest[1:]  # للأمم is ل + الأمم with the alif dropped
        if len(rest) < MIN_REST_LETTERS or rest in FUNCTION_WORDS:
            continue
        if prefix != split.conj and rest[:1] in STRIPPABLE_CONJ and word_count(rest[1:]) > word_count(rest):
            continue  # بوبي is no ب + وبي: a rest read as و + word would put a conjunction after a preposition
        # a known rest counts only when the corpus does not prefer the whole token:
        # the training gazetteer holds clipped forms (وكس of فوكس, اسل of باسل)
        count = word_count(rest)
        if person and prefix != split.conj and count < PREP_STRIP_RATIO * word_count(form[len(split.conj):]):
            continue  # بسام, ليام: a name's own ب/ل unless the rest is far the commoner word (بمحمد)
        if person and prefix != split.conj and len(rest) == 3 and rest[0] == "ا":
            continue  # لاري, بادي: ا and two letters are too short a name to be the rest of a preposition's word
        score = (_is_known_name(rest, known) and count >= whole_count, count)
        if score > best_score and (score[0] or score[1] > 0):
            best, best_score = len(prefix), score
    return _raw_length(token, best) if best else 0


def split_coordinated(run: list[Span], label: str, word_count, known: dict[str, str],
                      before: list[str] | None = None) -> list[list[Span]]:
    """Split a place or person run at a و that starts another name: السعودية ولندن,
    بومبيو وكيم → two.

    In organisation names و mostly belongs to the name (وزارة الخارجية والتعاون): an ORG run
    is split only where two bodies are listed (``_lists_bodies``: أبل وأمازون), or where the words
    ``before`` it (matching forms) announce several (``_announces_several``: بين الهلال والنصر).
    """
    if label == "ORG" and len(run) >= 2:
        if _announces_several(before or [], [match_form(token.text) for token in run]):
            return _split_at_conjunctions(run)
        return _split_listed_bodies(run, known)
    if label not in ("LOC", "PER") or len(run) < 2:
        return [run]
    pieces, current = [], [run[0]]
    for token in run[1:]:
        if match_form(token.text).startswith(STRIPPABLE_CONJ) and proclitic_length(token.text, word_count, known):
            pieces.append(current)
            current = [token]
        elif label == "PER" and (after := _person_preposition(token.text, word_count, known)):
            pieces.append(current)  # وقال وودورد | لترامب: whom he spoke to; مسجد الإمام علي | بالقديح: where
            current = [token] if after == "person" else []
        else:
            current.append(token)
    pieces.append(current)
    return [piece for piece in pieces if piece]


ADDRESSEE_SPLIT = True  # a switch, to measure what the split changes
MIN_ADDRESSED_LETTERS = 5  # فان باستن: the gazetteer holds short clipped forms (استن)


def _person_preposition(token: str, word_count, known: dict[str, str]) -> str:
    """A word inside a person run that is ل/ب + a known person's name or place, far commoner without
    it: "person" (لترامب، برونالدو: whom he spoke to or met) or "place" (بجازان: where, no person);
    else "" (ليام، بسام: ``proclitic_length``; لنتس، باستن، بالحاج: no known person of five letters
    or more, nor a known place, after the letter)."""
    form = match_form(token)
    if form[:1] not in STRIPPABLE_PREP or form.startswith(("ال", "لل")) or not ADDRESSEE_SPLIT:
        return ""
    rest = form[1:]
    person = len(rest) >= MIN_ADDRESSED_LETTERS and (gazetteer().get(rest) == "PER" or known.get(rest) == "PER")
    place = gazetteer().get(rest) == "LOC" or known.get(rest) == "LOC"
    if not (person or place) or not proclitic_length(token, word_count, known, clause_start=False, person=True):
        return ""
    return "person" if person else "place"


def _announces_several(before: list[str], forms: list[str]) -> bool:
    """Whether the run's context says it names more than one body: a dual of an organisation word
    before it, or opening it before names without ال (فريقي الهلال والنصر، شركتا تي موبايل وسبرينت);
    or, when no organisation word opens the run (بين حزب العدالة والتنمية is one party), بين or a
    plural of bodies before it (بين سبرينت وتي موبايل، أندية الهلال والنصر، شركات مثل أندرويد ويوتيوب)."""
    if any(_dual_of_body(form) for form in before[-1:]):
        return True
    if _dual_of_body(forms[0]):  # مجلسي الشيوخ والنواب: a definite word after و is the head's second complement
        return not any(form[:1] == "و" and form[1:3] == "ال" for form in forms[1:])
    if _org_head(forms[0]):
        return False
    previous = before[-2:-1] if before[-1:] and before[-1] in EXAMPLE_LINKS else before[-1:]
    return bool(previous) and (previous[0] == BETWEEN or previous[0] in BODY_PLURALS)


def _dual_of_body(form: str) -> bool:
    """A dual in the construct state of an organisation word: شركتا، شركتي، فريقي، ناديي."""
    if form.endswith(("تا", "تي")):
        return triggers().get(form[:-2] + "ه") == "ORG"
    return form.endswith(("ا", "ي")) and triggers().get(form[:-1]) == "ORG"


def _split_at_conjunctions(run: list[Span]) -> list[list[Span]]:
    """A run of listed bodies cut before each word that opens with the conjunction و."""
    pieces = [[run[0]]]
    for token in run[1:]:
        form = match_form(token.text)
        if split_proclitics(form).conj == "و" and len(form) >= 3:  # وتي موبايل، وبانك أوف أمريكا
            cut = _raw_length(token.text, 1)  # the و alone: بانك keeps its ب
            pieces.append([Span(token.start + cut, token.end, token.text[cut:], token.label)])
        else:
            pieces[-1].append(token)
    return pieces


def _split_listed_bodies(run: list[Span], known: dict[str, str]) -> list[list[Span]]:
    """An ORG run cut at each و that lists another body (``_lists_bodies``)."""
    forms = [match_form(token.text) for token in run]
    pieces, start = [], 0
    for k in range(1, len(run)):
        if _lists_bodies(forms[start:k], forms[k:], known):
            pieces.append(run[start:k])
            start = k
    pieces.append(run[start:])
    return pieces


def _lists_bodies(before: list[str], after: list[str], known: dict[str, str]) -> bool:
    """A و word at the start of ``after`` lists a second body: after a one-word name when one of
    the two is a known organisation and no organisation word opens either (أبل | وأمازون، هواوي |
    وسامسونغ; not آفون وسومرست, one police force), or, after a name of two words or more, when an
    organisation word opens the second (البنك المركزي الأوروبي | وصندوق النقد الدولي)."""
    word = split_proclitics(after[0])
    if word.conj != "و" or word.prep or len(word.base) < 3:
        return False  # واي in تي واي سي is a letter's name
    if len(before) == 1:
        first = split_proclitics(before[0]).base if before[0][:1] == "و" else before[0]  # a list goes on
        listed = _known_organisation(first, known) or _known_organisation(word.base, known)
        return listed and not _org_head(before[0]) and not _org_head(after[0])
    return bool(_org_head(after[0]))


def _known_organisation(form: str, known: dict[str, str]) -> bool:
    """The gazetteer or the tagger's training names hold ``form`` as an organisation's."""
    return gazetteer().get(form) == "ORG" or known.get(form) == "ORG"


def _raw_length(token: str, letters: int) -> int:
    """Characters of ``token`` covering its first ``letters`` letters and their marks."""
    position, seen = 0, 0
    while position < len(token) and seen < letters:
        position += 1
        seen += 1
        while position < len(token) and (
            unicodedata.combining(token[position]) or token[position] == "\u0640"
        ):
            position += 1
    return position


def canonical_surface(text: str) -> str:
    """A mention's text as a name: للأمم المتحدة → الأمم المتحدة (ل + ال lost its alif); a hashtag's
    underscores are spaces (عادل_إمام → عادل إمام)."""
    text = text.replace("_", " ")
    form = match_form(text)
    if form.startswith("لل") and len(form) > 3 and split_proclitics(form).article:
        return "ال" + text[_raw_length(text, 2):]
    return text


def entity_key(canonical: str) -> str:
    """Corpus-wide key of an entity name: matching form, single spaces."""
    return " ".join(match_form(canonical).split())


def sentence_tokens(doc: Document) -> list[list[Span]]:
    tokens = doc.tokens
    if not doc.sentences:
        return [list(tokens)] if tokens else []
    starts = [token.start for token in tokens]
    groups = []
    for sentence in doc.sentences:
        lo = bisect.bisect_left(starts, sentence.start)
        hi = bisect.bisect_left(starts, sentence.end)
        group = [t for t in tokens[lo:hi] if t.end <= sentence.end]
        if group:
            groups.append(group)
    return groups


# Person triggers that open a compound name (عبد الرحمن, أبو بكر): never cut off as a
# title. The tagger's name connectors, except بنت, which mentions still treat as a title.
NAME_OPENERS = NAME_CONNECTORS - {match_form("بنت")}


def _is_title(token: str) -> bool:
    return _is_title_form(match_form(token))


@lru_cache(maxsize=200_000)
def _is_title_form(form: str) -> bool:
    """Whether a matching form is a person's title (cached: it depends on the form only)."""
    base = split_proclitics(form).base
    if base in NAME_OPENERS or form in NAME_OPENERS:
        return False
    return "PER" in (triggers().get(form), triggers().get(base))


def drop_leading_titles(tokens: list[Span], label: str) -> list[Span]:
    """Cut a title off a person: وزير الخارجية الروسي سيرغي لافروف → سيرغي لافروف.

    A title word goes, and so do the definite words that follow it while at
    least two words remain (الرئيس الأسد keeps الأسد).
    """
    if label != "PER" or len(tokens) < 2 or not _is_title(tokens[0].text):
        return tokens
    position = 1
    while position < len(tokens) - 1 and (
        _is_title(tokens[position].text)
        or (match_form(tokens[position].text).startswith("ال") and len(tokens) - position > 2)
    ):
        position += 1
    return tokens[position:]


MAX_ORG_WORDS = 5
NISBA_RE = re.compile(r"^ال\S{2,}(?:ي|يه)$")  # الإسرائيلي, السورية (matching form)
# Adjectives that describe rather than name: القوات الحكومية is not an organisation's name.
GENERIC_ADJECTIVES = frozenset(match_form(w) for w in (
    "الحكومي", "الحكومية", "الموالي", "الموالية", "الشرعي", "الشرعية", "الرسمي", "الرسمية",
    "المحلي", "المحلية", "المعني", "المعنية", "المختصة", "الأمنية", "الأولى", "الثانية",
    "الثالثة", "الحالي", "الحالية", "الماضي", "الماضية", "الأجنبية", "الخاصة", "العسكرية",
    "الثاني", "الحادي"))  # المركز الثاني: a rank, not a body (ordinals in ـي look like nisbas)


NON_NAME_PREPOSITIONS = ("ب", "ك")  # لـ does join names: الهيئة العامة للرياضة
# Definite words that end an organisation's name rather than continue it: dates
# (مجلس الشيوخ اليوم الأربعاء), the words that attach it to something else
# (مركز البحوث التابع لـ) and relative pronouns (وزارة الداخلية التي).
NAME_ENDING_WORDS = TIME_WORDS | TIME_NOUNS | frozenset(match_form(w) for w in (
    "الماضي", "الماضية", "المقبل", "المقبلة", "الجاري", "الحالي", "الحالية", "الأسبق", "السابق",
    "السابقة", "التابع", "التابعة", "المعني", "المعنية", "المكلف", "المكلفة",
    "الذي", "التي", "الذين", "اللذان", "اللتان", "اللذين", "اللتين", "اللاتي", "اللواتي",
    # a writer's epithet, not part of the name: تنظيم داعش الإرهابي
    "الإرهابي", "الإرهابية", "المتطرف", "المتطرفة", "الانقلابي", "الانقلابية"))


def _feminine(form: str) -> bool:
    """Whether a matching form looks feminine (ة written ه, or a sound plural in ات)."""
    return form.endswith(("ه", "ات"))


# Organisation words that are as often common nouns (حركة الاحتجاجات, إدارة المستشفى,
# مصلحة الوطن): they open a name only before a word already known as a name.
WEAK_ORG_HEADS = frozenset(match_form(w) for w in ("حركة", "مصلحة", "إدارة", "حملة"))


def _name_adjective(form: str) -> bool:
    """A relational adjective that can continue a name (الإسرائيلي, الثوري), not a
    generic one (القوات الحكومية, القوات الموالية)."""
    return bool(NISBA_RE.match(form)) and form not in GENERIC_ADJECTIVES


@lru_cache(maxsize=200_000)
def _org_head(form: str) -> str:
    """The organisation trigger a word is (وزارة, والجيش → الجيش), or ''."""
    base = split_proclitics(form).base
    for candidate in (form, base):
        if triggers().get(candidate) == "ORG":
            return candidate
    return ""


def _after_tagged_name(tags: list[str], forms: list[str], k: int, head: str) -> bool:
    """Word ``k``, after a name the tagger read, is no part of the body's name: another name (مجلس الأمن
    الدولي | إيران), or an untagged word that is no relational adjective in the head's gender (جامعة جازان |
    الترتيبات، فريق الأهلي | التجريبية; but فريق روما | الإيطالي)."""
    if tags[k] != "O":
        return not tags[k].startswith("I-")
    return not (_name_adjective(forms[k]) and (_feminine(head) or not _feminine(forms[k])))


def _organ_of_a_body(forms: list[str], k: int) -> bool:
    """مجلس | الإدارة، مكتب | الشركة، مركز | للشرطة: an organisation word alone after the head names the body
    whose organ this is, one the article names elsewhere; no name of its own (مجلس الهيئة العامة goes on)."""
    if not _org_head(forms[k]):
        return False
    after = split_proclitics(forms[k + 1]) if k + 1 < len(forms) else None
    return after is None or not after.article or bool(after.conj or after.prep)


# Ministries name their portfolio with و (وزارة الشؤون البلدية والقروية، وزارة التجارة والصناعة).
PORTFOLIO_HEADS = frozenset(match_form(w) for w in ("وزارة",))
# A team acts: after its name لـ is what for (نادي تشيلسي للحصول على), not a field of its own.
TEAM_HEADS = frozenset(match_form(w) for w in ("نادي", "فريق"))


def complete_organisations(tokens: list[str], tags: list[str],
                           forms: list[str] | None = None) -> list[str]:
    """Tag institutional names the statistical tagger tends to miss as ORG.

    ``وزارة الدفاع السورية``: an organisation word followed by definite words;
    ``الجيش الإسرائيلي``: a definite organisation word followed by a relational
    adjective. Names the tagger already holds as persons are left alone.
    ``forms``: the tokens' matching forms, when the caller has them already.
    """
    tags = list(tags)
    if forms is None:
        forms = [match_form(token) for token in tokens]
    i = 0
    while i < len(tokens):
        head = _org_head(forms[i])
        if not head or tags[i][2:] == "PER":
            i += 1
            continue
        end = i + 1
        known_end = gazetteer_organisation_end(forms, end) if end < len(tokens) else 0
        if known_end:
            sub_body = head not in MEMBER_HEADS and head not in UNCOMPLETED_HEADS and head not in TEAM_HEADS
            field_end = _complement_end(forms, tags, known_end) if sub_body else known_end
            if field_end > known_end and not head.startswith("ال"):
                # مكتب الأمم المتحدة لتنسيق الشؤون الإنسانية: a body of the known one, named by its field
                tags[i:field_end] = ["B-ORG"] + ["I-ORG"] * (field_end - i - 1)
                i = field_end
                continue
            i += 1  # قوات الحشد الشعبي: a known name follows, and the head is not part of it
            continue
        if head.startswith("ال"):
            while (end < len(tokens) and end - i < MAX_ORG_WORDS and _name_adjective(forms[end])
                   and (_feminine(head) or not _feminine(forms[end]))):
                end += 1  # a feminine adjective after a masculine head describes an earlier noun
        else:
            named = tags[i] != "O"  # inside a name the tagger read
            while end < len(tokens) and end - i < MAX_ORG_WORDS:
                form = split_proclitics(forms[end])
                known_name = tags[end] != "O" and tags[end][2:] != "PER"
                if head in PORTFOLIO_HEADS and form.conj == "و" and form.article and not form.prep \
                        and tags[end] == "O" and _complement_noun(form.stem) and form.base not in NAME_ENDING_WORDS and end > i + 1 \
                        and not any(split_proclitics(forms[k]).prep for k in range(i + 1, end)):
                    end += 1  # وزارة التجارة | والصناعة: a ministry's portfolio goes on
                    continue
                if named and _after_tagged_name(tags, forms, end, head):
                    break  # جامعة جازان | الترتيبات: the tagger's name ended, the clause goes on
                if form.conj or form.prep in NON_NAME_PREPOSITIONS or not (form.article or known_name):
                    break  # و starts another name: مجلس الأمن والجمعية العامة; بالوقوف is a phrase
                if head in WEAK_ORG_HEADS and not known_name:
                    break
                if head in TEAM_HEADS and not (known_name or named):
                    break  # فريق البحث، نادي المسرح: a team names itself after a club's name
                named = named or known_name
                if end == i + 1 and not known_name and _organ_of_a_body(forms, end):
                    break
                if form.prep and tafil_shape(form.stem):
                    break  # لجنة للتحقيق: لـ + a verbal noun is a purpose, not a name
                if forms[end] in NAME_ENDING_WORDS or _is_title_form(forms[end]):
                    break  # a date or a title (… الشيخ الدكتور) follows the name
                end += 1
        if end > i + 1 and all(tag[2:] != "PER" for tag in tags[i:end]):
            if end < len(tags) and tags[end].startswith("I-"):
                end = i + 1  # the tagger's own name runs on: keep its reading
            else:
                tags[i:end] = ["B-ORG"] + ["I-ORG"] * (end - i - 1)
                i = end
                continue
        i += 1
    return tags


def complete_named_institutions(tokens: list[str], tags: list[str], forms: list[str]) -> list[str]:
    """مستشفى الملك فهد التخصصي، مركز الأمير سلطان النموذجي: an institution word in construct (no
    article, no و) before a royal or religious title (``ROYAL_TITLES``) and a name is one body's name,
    over the name (the tagger's person, or one word and its links) and the relational adjectives
    after it; after a place word (مطار الملك عبدالعزيز الدولي، شارع الأمير سلطان) it is a place's.
    The person it is named after is no mention of its own there."""
    tags = list(tags)
    i = 0
    while i + 2 < len(tokens):
        head = _org_head(forms[i])
        label = "ORG" if head else _place_head(forms[i])
        head = head or (forms[i] if label else "")
        if not head or head.startswith("ال") or forms[i + 1] not in ROYAL_TITLES or tags[i].startswith("I-") \
                or split_proclitics(forms[i]).conj:
            i += 1
            continue
        end = _named_after_end(forms, tags, i + 2)
        if end == i + 2:
            i += 1
            continue
        while end < len(tokens) and end - i < MAX_ORG_WORDS + 2 and _name_adjective(forms[end]) \
                and tags[end][2:] not in ("PER", "LOC"):
            end += 1  # التخصصي، الدولي، الثقافي
        tags[i:end] = [f"B-{label}"] + [f"I-{label}"] * (end - i - 1)
        i = end
    return tags


def complete_eponym_bodies(tags: list[str], forms: list[str]) -> list[str]:
    """كتائب عز الدين القسام، مؤسسة محمد بن راشد، جامعة جورج واشنطن: an institution word in construct
    (``EPONYM_HEADS``) right before a person's run the tagger read names a body after that person: the
    word and the run are one ORG, no further; the person is no mention of its own there."""
    tags, i = list(tags), 0
    while i + 1 < len(tags):
        end = _eponym_end(forms, tags, i)
        if end:
            tags[i:end] = ["B-ORG"] + ["I-ORG"] * (end - i - 1)
            i = end
        else:
            i += 1
    return tags


def _eponym_end(forms: list[str], tags: list[str], i: int) -> int:
    """End of the person's run that an institution word in construct names a body after (``EPONYM_HEADS``:
    كتائب | عز الدين القسام، مؤسسة | محمد بن راشد), when the tagger read the person right after it and the
    word itself is no part of another name; else 0. The word as written: with a clitic (ولكتائب) it is no
    name's start."""
    if forms[i] not in EPONYM_HEADS or tags[i] not in ("O", "B-ORG") \
            or i + 1 >= len(tags) or tags[i + 1] != "B-PER":
        return 0
    end = i + 2
    while end < len(tags) and tags[end] == "I-PER":
        end += 1
    return end


def _place_head(form: str) -> str:
    """``LOC`` when a word is a place trigger in construct (مطار، ميناء، شارع), else ''."""
    return "LOC" if triggers().get(form) == "LOC" and not form.startswith("ال") else ""


def _named_after_end(forms: list[str], tags: list[str], t: int) -> int:
    """Where the name an institution is named after, starting at ``t``, ends: the tagger's person
    run when it read one (from the title or after it), else one bare word and its link words
    (عبد العزيز، سلمان بن عبدالعزيز); ``t`` when no name is there."""
    if tags[t - 1][2:] == "PER" or tags[t][2:] == "PER":
        end = t + (tags[t][2:] == "PER" and tags[t - 1][2:] != "PER")
        while end < len(tags) and tags[end] == "I-PER":
            end += 1
        return max(end, t + 1) if tags[t][2:] == "PER" else end
    word = split_proclitics(forms[t])
    if tags[t] != "O" or word.conj or word.prep or word.article or forms[t] in FUNCTION_WORDS \
            or forms[t] in PHRASE_PREPOSITIONS:
        return t  # مركز الملك في المدينة: no name
    end = t + 1
    while end + 1 < len(forms) and forms[end - 1] in NAME_LINKS and tags[end] == "O":
        end += 1  # عبد | العزيز
    while end + 1 < len(forms) and forms[end] in NASAB_PARTICLES and tags[end + 1] == "O":
        end += 2  # سلمان | بن عبدالعزيز
    return end


# Adjectives in a body's name before its لـ complement (الهيئة العامة للسياحة، المحكمة العليا للانتخابات).
NAMING_ADJECTIVES = frozenset(match_form(w) for w in ("العامة", "العام", "العليا", "الأعلى", "الدائمة", "الدائم"))


def complete_definite_bodies(tokens: list[str], tags: list[str], forms: list[str]) -> list[str]:
    """الهيئة العامة للسياحة والتراث الوطني، الرئاسة العامة لرعاية الشباب، اللجنة الدولية للصليب الأحمر:
    a definite institution word, its naming or relational adjectives, then a لـ complement that no
    name holds is a body's name, which the tagger often leaves untagged. The complement is what
    makes it a name (اللجنة التنفيذية alone is any committee), and an adjective before it (البلدية
    للواقع العملي, المستشفى لتلقي العلاج: a purpose); after a body that acts on others
    (UNCOMPLETED_HEADS: الإدارة الأمريكية لطمأنة الحلفاء) a naming one (الإدارة العامة للتعليم)."""
    tags = list(tags)
    i = 0
    while i + 1 < len(tokens):
        word = split_proclitics(forms[i])
        head = _org_head(forms[i]) or (word.base if word.base in BODY_HEADS else "")
        if not head or not head.startswith("ال") or tags[i] != "O" or word.prep:
            i += 1
            continue
        j = i + 1
        while j < len(tokens) and j - i < MAX_ORG_WORDS and tags[j] == "O" \
                and (forms[j] in NAMING_ADJECTIVES or _name_adjective(forms[j])) and forms[j] not in NAME_ENDING_WORDS:
            j += 1
        named = any(forms[k] in NAMING_ADJECTIVES for k in range(i + 1, j))
        end = _complement_end(forms, tags, j, field=named)
        if end == j or j == i + 1 or (head in UNCOMPLETED_HEADS and not named):
            i += 1
            continue
        tags[i:end] = ["B-ORG"] + ["I-ORG"] * (end - i - 1)
        i = end
    return tags


MAX_COMPLEMENT_WORDS = 4  # للسياحة والتراث الوطني, لشؤون اللاجئين
# Bodies that act on others more than they are named by a field: after them لـ is whom they
# serve or what for (الجيش البريطاني لمساعدة المئات، المنتخب النيجيري للتأهل، وزارة الخارجية لبرنامجه).
UNCOMPLETED_HEADS = frozenset(match_form(w) for w in (
    "جيش", "الجيش", "قوات", "القوات", "شرطة", "الشرطة", "وزارة", "الوزارة", "إدارة", "الإدارة",
    "منتخب", "المنتخب", "حزب", "الحزب", "حركة", "الحركة", "تنظيم", "التنظيم", "سلطة", "السلطة"))


def complete_organisation_complements(tokens: list[str], tags: list[str], forms: list[str]) -> list[str]:
    """A body's name goes on over its لـ complement, which the tagger often leaves out:
    الاتحاد الأفريقي | لكرة القدم, الهيئة العامة | للسياحة والتراث الوطني, الرابطة العالمية | للنوم.

    The name has two words or more and an organisation word opens it. The complement is a
    لل word, or a لـ noun in construct with a definite word, that no name holds. It is never
    a title, a person or a body (للرئيس، للإذاعة، للأمم المتحدة: someone it was said to) or a
    plural of people (للصحفيين). After it come its adjectives and its و-coordinated nouns.
    """
    tags = list(tags)
    for first, last, label in name_spans(tags):
        head = _org_head(forms[first])
        if label != "ORG" or last - first < 2 or not head or head in UNCOMPLETED_HEADS:
            continue
        if any(split_proclitics(forms[k]).prep == "ل" and forms[k] not in gazetteer() for k in range(first + 1, last)):
            continue  # الهيئة السعودية للتخصصات الصحية | للتخصصات: a name has one complement (لندن is no ل)
        end = _complement_end(forms, tags, last)
        if end > last:
            tags[last:end] = ["I-ORG"] * (end - last)
    return tags


def _complement_end(forms: list[str], tags: list[str], t: int, field: bool = False) -> int:
    """Where a body's لـ complement starting at ``t`` ends (``t`` when there is none). ``field``: a
    naming adjective came before (الإدارة العامة للتعليم), so a verbal noun alone names a field too."""
    if t >= len(forms) or tags[t] != "O":
        return t
    form = split_proclitics(forms[t])
    if form.conj or form.prep != "ل" or not _complement_noun(form.stem):
        return t
    end = t + 1
    if not form.article:  # لكرة | القدم: a construct needs its definite genitive
        if _purpose_noun(form.stem) or form.stem.endswith(OWNER_SUFFIXES):
            return t  # لتسليط الضوء، لانتزاع الأكثرية: a purpose; لمواقعنا: not a name's
        nxt = split_proclitics(forms[end]) if end < len(forms) else None
        if nxt is None or tags[end] != "O" or nxt.conj or nxt.prep or not nxt.article \
                or not _complement_noun(nxt.stem):
            return t
        end += 1
    while end < len(forms) and end - t < MAX_COMPLEMENT_WORDS and tags[end] == "O":
        word = split_proclitics(forms[end])
        if _name_adjective(forms[end]) and forms[end] not in NAME_ENDING_WORDS:
            end += 1  # للسياحة والتراث | الوطني
        elif word.conj == "و" and not word.prep and word.article and _complement_noun(word.stem):
            end += 1  # للشباب | والرياضة
        elif word.conj == "و" and not word.prep and _complement_noun(word.stem) and end + 1 < len(forms) \
                and tags[end + 1] == "O" and _definite_genitive(forms[end + 1]):
            end += 2  # للأرصاد | وحماية البيئة: a construct and its genitive
        else:
            break
    if form.article and _purpose_noun(form.stem) and end == t + 1 and not field:
        return t  # للتحقيق، للتعبير alone: a purpose (للتدريب التقني names a field)
    return end


OWNER_SUFFIXES = ("نا", "ها", "هم", "هما", "هن", "كم")  # a possessive pronoun: لمواقعنا
OBJECT_PREPOSITIONS = frozenset(match_form(w) for w in ("على", "عن"))  # الرقابة على، الكشف عن
MAX_OBJECT_WORDS = 4  # على | مخالفات نظام مزاولة المهن


def complete_noun_objects(tags: list[str], forms: list[str]) -> list[str]:
    """لجنة الرقابة | على المال العام، اللجنة السعودية للكشف | عن المنشطات: a body named for what it
    does ends on a definite noun (its activity, no plural), whose object on على / عن belongs to the
    name. The name has two words or more, an organisation word opens it that does not act on others
    (``UNCOMPLETED_HEADS``: وزارة العمل | على) and no list knows it whole (مجلس الأمن); the object is
    untagged and ends on a definite word, then its adjectives, and no relative clause follows it."""
    tags = list(tags)
    for first, last, label in reversed(name_spans(tags)):
        if label != "ORG" or last - first < 2 or last + 1 >= len(forms) or tags[last] != "O" \
                or forms[last] not in OBJECT_PREPOSITIONS or _org_head(forms[first]) in ("", *UNCOMPLETED_HEADS):
            continue
        activity = split_proclitics(forms[last - 1])
        if not activity.article or _name_adjective(forms[last - 1]) or not _complement_noun(activity.stem) \
                or activity.stem.endswith("ات") or " ".join(forms[first:last]) in gazetteer():
            continue
        end = _object_end(forms, tags, last + 1)
        if end > last + 1:
            tags[last:end] = ["I-ORG"] * (end - last)
    return tags


def _object_end(forms: list[str], tags: list[str], t: int) -> int:
    """Where a noun's object starting at ``t`` ends: bare nouns in construct up to a definite one, then its
    relational adjectives; ``t`` when no definite word closes it within ``MAX_OBJECT_WORDS``."""
    end = t
    while end < len(forms) and end - t < MAX_OBJECT_WORDS and tags[end] == "O":
        word = split_proclitics(forms[end])
        if word.conj or word.prep or not _complement_noun(word.stem):
            return t
        end += 1
        if word.article:
            break
    else:
        return t
    while end < len(forms) and end - t < MAX_OBJECT_WORDS and tags[end] == "O" and (forms[end] in NAMING_ADJECTIVES
            or _name_adjective(forms[end]) and forms[end] not in NAME_ENDING_WORDS):  # المال | العام: no year
        end += 1
    if end < len(forms) and forms[end] in SUBJECT_RELATIVES:
        return t  # على الدعوة | التي تلقاها: a thing of the sentence, which a relative clause describes
    return end


def _definite_genitive(form: str) -> bool:
    """البيئة after وحماية: a bare definite noun (no conjunction, no preposition) that can complete a name."""
    word = split_proclitics(form)
    return bool(word.article) and not word.conj and not word.prep and _complement_noun(word.stem)


def _purpose_noun(stem: str) -> bool:
    """A verbal noun that makes لـ a purpose (لتسليط، لانتزاع، لاستعادة), not a name's complement."""
    return tafil_shape(stem) or (stem[:1] == "ا" and len(stem) >= 5)


def _complement_noun(stem: str) -> bool:
    """A noun that can complete a body's name: no title, body or people's plural."""
    definite = "ال" + stem
    if stem in triggers() or definite in triggers() or _is_title_form(definite):
        return False
    return len(stem) >= 3 and not stem.endswith(("ين", "ون")) and definite not in NAME_ENDING_WORDS


# Words that belong to a place's name: حلب الشرقية, مكة المكرمة, روسيا الاتحادية. Only
# feminine ones: in ريف حماة الغربي the adjective describes ريف, not the city.
PLACE_EPITHETS = frozenset(match_form(w) for w in (
    "الشرقية", "الغربية", "الشمالية", "الجنوبية", "الوسطى", "المكرمة", "المنورة", "الاتحادية"))
# غرب أوروبا, شمال أفريقيا: a direction before a continent names a region.
DIRECTIONS = frozenset(match_form(w) for w in ("شمال", "جنوب", "شرق", "غرب", "وسط"))
CONTINENTS = frozenset(match_form(w) for w in (
    "أوروبا", "أفريقيا", "إفريقيا", "آسيا", "أمريكا", "أميركا", "أوراسيا"))


# Gazetteer organisations that are also common words (فتح opened, القاعدة the base).
AMBIGUOUS_ORGANISATIONS = frozenset(match_form(w) for w in (
    "فتح", "القاعدة", "الأهرام", "أمازون", "عكاظ", "الدولة الإسلامية", "تنظيم الدولة"))


@lru_cache(maxsize=1)
def _gazetteer_organisations() -> dict[str, list[tuple[str, ...]]]:
    """First word → the hand-written gazetteer's unambiguous organisation names, longest first."""
    index: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for phrase, label in gazetteer().items():
        if label == "ORG" and phrase not in AMBIGUOUS_ORGANISATIONS:
            words = tuple(phrase.split())
            index[words[0]].append(words)
    return {first: sorted(names, key=len, reverse=True) for first, names in index.items()}


def tag_gazetteer_organisations(tokens: list[str], tags: list[str],
                                forms: list[str] | None = None) -> list[str]:
    """Tag the gazetteer's organisation names as ORG where the tagger left them untagged or
    read the whole name as another label (البيت الأبيض as MISC): ANNOTATION.md's
    agencies, parties, armed groups and media are organisations.
    ``forms``: the tokens' matching forms, when the caller has them already."""
    given, tags = tags, list(tags)
    if forms is None:
        forms = [match_form(token) for token in tokens]
    spans = None  # the input's spans, read only when a gazetteer name is found
    i = 0
    while i < len(tokens):
        end = _organisation_end(forms, i) if _organisation_names(forms[i]) else 0
        if end:
            if spans is None:
                spans = {(start, stop): label for start, stop, label in name_spans(given)}
            untagged = all(tag == "O" for tag in tags[i:end])
            if untagged or spans.get((i, end), "ORG") != "ORG" or _glued_to_person(tags, forms, i, end):
                tags[i:end] = ["B-ORG"] + ["I-ORG"] * (end - i - 1)
                i = end - 1
        i += 1
    return tags


def _glued_to_person(tags: list[str], forms: list[str], i: int, end: int) -> bool:
    """A gazetteer organisation with a clitic (لبي بي سي، لرويترز) that ends a person's run: whom the
    person spoke to (قال شارما لبي بي سي), no part of the name."""
    return tags[i] == "I-PER" and (end == len(tags) or not tags[end].startswith("I-")) \
        and split_proclitics(forms[i]).base != forms[i]


def gazetteer_organisation_end(forms: list[str], i: int) -> int:
    """End of the gazetteer organisation name that starts at word ``i`` (proclitics
    allowed on its first word), or 0."""
    return _organisation_end(forms, i) if _organisation_names(forms[i]) else 0


def _organisation_end(forms: list[str], i: int) -> int:
    for name in _organisation_names(forms[i]):
        if tuple(forms[i + 1:i + len(name)]) == name[1:]:
            return i + len(name)
    return 0


@lru_cache(maxsize=200_000)
def _organisation_names(form: str) -> list[tuple[str, ...]]:
    """The gazetteer organisation names a word with matching form ``form`` may open."""
    index = _gazetteer_organisations()
    return index.get(split_proclitics(form).base, ()) or index.get(form, ())




# Organisations that Arabic news names in Latin script, (CNN) in a dateline or لـCNN:
# the tagger learnt from Arabic script and leaves them untagged.
LATIN_ORGANISATIONS = frozenset((
    "CNN", "BBC", "AFP", "AP", "DPA", "RT", "ABC", "CBS", "NBC", "MSNBC", "NPR", "HBO", "Reuters",
    "Bloomberg", "NATO", "OPEC", "FIFA", "UEFA", "IMF", "UNICEF", "UNESCO", "UNHCR", "CIA", "FBI",
    "NASA", "Google", "Facebook", "Twitter", "Apple", "Microsoft", "Amazon", "Samsung"))
LATIN_NAME_RE = re.compile(r"^(?:و?[بلف])?([A-Za-z]+)$")  # لCNN, وبـGoogle → the Latin name
LATIN_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")  # how one ends


def tag_latin_organisations(tokens: list[str], tags: list[str]) -> list[str]:
    """Tag the untagged Latin-script organisation names of ``LATIN_ORGANISATIONS`` as ORG."""
    tags = list(tags)
    for i, token in enumerate(tokens):
        if (tags[i] == "O" and (token[-1:] in LATIN_LETTERS or token.endswith("\n"))
                and _latin_organisation(token)):  # the pattern's $ also matches before a \n
            tags[i] = "B-ORG"
    return tags


def _latin_organisation(token: str) -> bool:
    match = LATIN_NAME_RE.match(token)
    return bool(match) and match.group(1) in LATIN_ORGANISATIONS


def complete_places(tokens: list[str], tags: list[str],
                    forms: list[str] | None = None) -> list[str]:
    """Extend place names over the words that belong to them (see the tables above).

    ``forms``: the tokens' matching forms, when the caller has them already."""
    tags = list(tags)
    if "B-LOC" not in tags and "I-LOC" not in tags:
        return tags  # no place to extend
    if forms is None:
        forms = [match_form(token) for token in tokens]
    for start, end, label in bio_spans(tags):
        if label != "LOC":
            continue
        if end < len(tags) and tags[end] == "O" and forms[end] in PLACE_EPITHETS:
            tags[end] = "I-LOC"
        if (end - start == 1 and forms[start] in CONTINENTS and start > 0 and tags[start - 1] == "O"
                and split_proclitics(forms[start - 1]).base in DIRECTIONS):
            tags[start - 1:start + 1] = ["B-LOC", "I-LOC"]
    return tags


# A person's name never ends on a link word (بن، آل، أبو، عبد …): the tagger stopped early. أم is
# left out: after a name it is more often "or" (ترامب أم كلينتون) than "mother of".
OPEN_NAME_LINKS = NAME_LINKS - {"ام"}
WORD_RE = re.compile(r"\w")
ARABIC_WORD_RE = re.compile(r"[\u0621-\u064A]")  # an Arabic letter


def complete_person_names(tokens: list[str], tags: list[str],
                          forms: list[str] | None = None) -> list[str]:
    """Extend a person's name that ends on a link word over the words after it, as long as it
    ends on one: تميم بن حمد آل | ثاني, عمر أبو | ريشة."""
    tags = list(tags)
    if "B-PER" not in tags:
        return tags
    if forms is None:
        forms = [match_form(token) for token in tokens]
    for start, end, label in bio_spans(tags):
        while (label == "PER" and end < len(tags) and tags[end] == "O" and forms[end - 1] in OPEN_NAME_LINKS
               and WORD_RE.match(tokens[end])):
            tags[end] = "I-PER"
            end += 1
    return tags


def drop_religious_formulas(forms: list[str], tags: list[str]) -> list[str]:
    """عبدالرحمن بن سعيد رحمه الله، قال تعالى، الرسول صلى الله عليه وسلم: a formula said after a name
    (``RELIGIOUS_FORMULAS``) is no name nor part of one; a name the tagger ran on over it ends before it."""
    tags = list(tags)
    for i in range(len(forms)):
        first = {forms[i], split_proclitics(forms[i]).base}  # وتعالى
        for formula in RELIGIOUS_FORMULAS:
            end = i + len(formula)
            if formula[0] not in first or tuple(forms[i + 1:end]) != formula[1:]:
                continue
            tags[i:end] = ["O"] * len(formula)
            if end < len(tags) and tags[end].startswith("I-"):
                tags[end] = "B-" + tags[end][2:]
            break
    return tags


def drop_manner_adverbs(forms: list[str], tags: list[str]) -> list[str]:
    """A person's name ends before an accusative adjective of manner the tagger took into it (بومبيو |
    مازحا، شون روبي | ساخرا): how the person spoke, never a name word (``MANNER_ADVERBS``)."""
    tags = list(tags)
    for i in range(1, len(tags)):
        if tags[i] == "I-PER" and forms[i] in MANNER_ADVERBS:
            j = i
            while j < len(tags) and tags[j] == "I-PER":
                tags[j] = "O"
                j += 1
    return tags


def join_hyphenated_names(tokens: list[Span], tags: list[str]) -> list[str]:
    """Two person names written together across a hyphen are one double name (أمايا أرانز-أوتايغوي،
    باتريك سون-شيونغ، هولي ماتيكس-كريمر): the tagger reads the hyphen as a break, and often leaves the
    second half untagged. Only without spaces around it, and only over one word."""
    tags = list(tags)
    for i in range(1, len(tokens) - 1):
        second = tags[i + 1] == "B-PER" or (tags[i + 1] == "O" and ARABIC_WORD_RE.search(tokens[i + 1].text) is not None
                                            and not (i + 2 < len(tokens) and tokens[i + 2].text == "-"))
        if (tokens[i].text == "-" and tags[i] == "O" and tags[i - 1].endswith("-PER") and second
                and tokens[i - 1].end == tokens[i].start and tokens[i].end == tokens[i + 1].start):
            tags[i] = tags[i + 1] = "I-PER"
    return tags


MAX_HASHTAG_NAME_WORDS = 3  # a longer hashtag is a phrase (#منهل_عبدالقادر_يحتاج_دعواتكم), not a name


def join_hashtag_names(tokens: list[Span], tags: list[str]) -> list[str]:
    """A name written as a hashtag (#عادل_إمام، #كيم_جونغ_أون، #كامبريدج_أناليتيكا) is one mention: the tagger
    reads each underscore as a break and tags one word or several names. A hashtag of up to three words
    whose every word is tagged is one name of its first label (#بيونغ_يانغ tagged LOC PER); else one with a
    person in it is that person (#عادل_إمام with إمام untagged)."""
    tags = list(tags)
    i = 0
    while i < len(tokens):
        if tokens[i].text != "#":
            i += 1
            continue
        end = i + 1  # the hashtag: words joined by underscores, no space anywhere
        while end < len(tokens) and tokens[end].start == tokens[end - 1].end and (
                tokens[end].text == "_" or tokens[end - 1].text in ("#", "_")):
            end += 1
        words = [k for k in range(i + 1, end) if tokens[k].text != "_"]
        joined = end - (i + 1) > len(words) and 2 <= len(words) and tokens[end - 1].text != "_"
        labels = [tags[k].split("-")[-1] for k in words if tags[k] != "O"]
        label = None
        if joined and len(labels) == len(words) and len(words) <= MAX_HASHTAG_NAME_WORDS:
            label = labels[0]  # #بيونغ_يانغ tagged LOC PER: one place
        elif joined and "PER" in labels and len(words) <= MAX_HASHTAG_NAME_WORDS \
                and not any(match_form(tokens[k].text) in FUNCTION_WORDS for k in words):
            label = "PER"
        if label is not None:
            tags[i + 1] = f"B-{label}"
            for k in range(i + 2, end):
                tags[k] = f"I-{label}"
        i = max(end, i + 1)
    return tags


DATELINE_LINES = 3  # the title, the by-line and the dateline: where an outlet signs its article
DATELINE_WORDS = 10  # a dateline's own words (فهد الغبيوي- سبق- الدوادمي:), before the report starts
MAX_OUTLET_WORDS = 3


def tag_dateline_outlets(text: str, tokens: list[Span], tags: list[str], forms: list[str]) -> list[str]:
    """فهد الغبيوي- سبق- الدوادمي: / عين اليوم - بكين / عمر إبراهيم - عين اليوم: a line at the
    article's head made of parts the dashes separate (who wrote it, the outlet, where from; up to a
    colon) names its outlet in a part before the last that no name holds; the last part is the place
    (حاتم النجيمي - الطائف). A part that is no name (a number, a function word) makes it no dateline."""
    if not tokens or not any(t.text in DASHES for t in tokens[:DATELINE_WORDS]):
        return tags
    line_start = text.rfind("\n", 0, tokens[0].start) + 1
    if text[line_start:tokens[0].start].strip() or text.count("\n", 0, line_start) >= DATELINE_LINES + 2 \
            or len([line for line in text[:line_start].split("\n") if line.strip()]) >= DATELINE_LINES:
        return tags
    line_end = text.find("\n", tokens[0].start)
    line = [k for k, t in enumerate(tokens) if line_end < 0 or t.start < line_end]
    colon = next((k for k in line if tokens[k].text == ":"), None)
    last = colon if colon is not None else line[-1] + 1
    if last > DATELINE_WORDS:
        return tags
    parts, start = [], 0
    for k in range(last + 1):
        if k == last or tokens[k].text in DASHES:
            parts.append((start, k))
            start = k + 1
    if len(parts) < 2 or any(b == a or b - a > MAX_OUTLET_WORDS for a, b in parts) \
            or any(w in FUNCTION_WORDS or not ARABIC_LETTER_RE.search(w) for w in forms[:last] if w not in DASHES):
        return tags  # نثريات الخميس - 24, قدر من رب العالمين - سبحانه وتعالى -: no dateline
    tags = list(tags)
    for a, b in parts[:-1]:  # the last part is the place: … - الدوادمي: / حاتم النجيمي - الطائف
        if all(tag == "O" for tag in tags[a:b]):
            tags[a:b] = ["B-ORG"] + ["I-ORG"] * (b - a - 1)
    return tags


MAX_QUOTED_NAME_WORDS = 5
MAX_NAME_DESCRIPTION = 2  # definite words between a body head and its quoted name (وكالة التصنيف الائتماني "…")


def tag_quoted_names(words: list[str], tags: list[str], forms: list[str]) -> list[str]:
    """تنظيم "الدولة الإسلامية"، صحيفة «بيلد»، وكالة "فرانس برس": the name in quotation marks right after
    an organisation word in construct is that body's name, which the tagger leaves out for the marks
    around it."""
    tags = list(tags)
    for h in range(len(words) - 2):
        head = _org_head(forms[h])
        if not head or head.startswith("ال") or head in WEAK_ORG_HEADS or tags[h][2:] == "PER":
            continue
        i = h + _description_width(words, tags, forms, h + 1)  # وكالة التصنيف الائتماني "ستاندرد آند بورز"
        if i + 2 >= len(words) or words[i + 1] not in QUOTE_MARKS:
            continue  # الحركة "تصارع بوضوح", حملة "أنا أيضا": a description or a slogan
        close = next((k for k in range(i + 2, min(len(words), i + 3 + MAX_QUOTED_NAME_WORDS))
                      if words[k] in QUOTE_MARKS), None)
        if close is None or close == i + 2 or any(tag != "O" for tag in tags[i + 2:close]) \
                or any(f in FUNCTION_WORDS or f in PHRASE_PREPOSITIONS or not WORD_RE.search(f)
                       for f in forms[i + 2:close]) \
                or (words[close - 1].endswith("ة") and not forms[close - 1].startswith("ال")):
            continue  # منظمة "إرهابية", حقوق "مطلقة": an indefinite adjective or noun in scare quotes
        tags[i + 2:close] = ["B-ORG"] + ["I-ORG"] * (close - i - 3)
    return tags


def _description_width(words: list[str], tags: list[str], forms: list[str], k: int) -> int:
    """How many definite words (at most ``MAX_NAME_DESCRIPTION``, untagged or going on the head's
    organisation) describe the body head before ``k`` and its quoted name: التصنيف الائتماني in وكالة
    التصنيف الائتماني "ستاندرد آند بورز", الطيران الألمانية in شركة الطيران الألمانية «لوفتهانزا»."""
    width = 0
    while width < MAX_NAME_DESCRIPTION and k + width < len(words) and tags[k + width] in ("O", "I-ORG") \
            and forms[k + width].startswith("ال") and WORD_RE.search(forms[k + width]) \
            and forms[k + width] not in FUNCTION_WORDS:
        width += 1
    return width


def complete_state_bodies(tags: list[str], forms: list[str]) -> list[str]:
    """الحكومة المصرية، المعارضة السورية، الإذاعة الإسرائيلية: a state body's word (``STATE_BODIES``) before a
    country's nisba in its gender (``arabic/nisba.tsv``), untagged or read by the tagger as the country, is one
    organisation over both."""
    tags = list(tags)
    for i in range(len(forms) - 1):
        word = split_proclitics(forms[i])
        if tags[i] != "O" or word.base not in STATE_BODIES:
            continue
        if tags[i + 1] not in ("O", "B-LOC") or (i + 2 < len(tags) and tags[i + 2].startswith("I-")) \
                or forms[i + 1] not in _country_nisbas() or _feminine(word.base) != _feminine(forms[i + 1]):
            continue  # وزير الخارجية الأمريكي: the nisba agrees with the minister, not the ministry
        if i > 0 and (triggers().get(split_proclitics(forms[i - 1]).base) == "PER" or _is_title_form(forms[i - 1])):
            continue  # وزير الداخلية الإيطالية: a title's complement, the person holds the office
        tags[i:i + 2] = ["B-ORG", "I-ORG"]
    return tags


@lru_cache(maxsize=1)
def _country_nisbas() -> frozenset[str]:
    """The nisba adjectives of ``arabic/nisba.tsv`` (matching form), masculine and feminine (السوري، السورية)."""
    forms = set()
    for adjective, place in NISBA_PLACES:
        base = match_form(adjective)
        if " " not in base and place.strip():  # الدولي names no country
            forms.update((base, base + "ه"))
    return frozenset(forms)


def tag_region_names(tags: list[str], forms: list[str]) -> list[str]:
    """المنطقة الشرقية، الوطن العربي (``REGION_NAMES``), untagged or with the tagger's place on one of
    its words, and no longer name around it: one place."""
    tags = list(tags)
    for i in range(len(forms)):
        for name in REGION_NAMES:
            end = i + len(name)
            if split_proclitics(forms[i]).base != name[0] or tuple(forms[i + 1:end]) != name[1:]:
                continue
            if any(tag not in ("O", "B-LOC") for tag in tags[i:end]) \
                    or (end < len(tags) and tags[end].startswith("I-")):
                continue
            tags[i:end] = ["B-LOC"] + ["I-LOC"] * (len(name) - 1)
    return tags


def tag_state_short_names(tags: list[str], forms: list[str]) -> list[str]:
    """وصل إلى المملكة، بالمملكة: a word that names a state by itself (``STATE_SHORT_NAMES``), untagged,
    and followed by no word of a longer name (المملكة المتحدة، المملكة العربية السعودية) nor a
    genitive (المملكة الحيوانية is an adjective too), is that state: a place."""
    tags = list(tags)
    for i, form in enumerate(forms):
        word = split_proclitics(form)
        if tags[i] != "O" or word.base not in STATE_SHORT_NAMES:
            continue
        nxt = forms[i + 1] if i + 1 < len(forms) else ""
        if nxt.startswith("ال") or (i + 1 < len(tags) and tags[i + 1] != "O"):
            continue
        tags[i] = "B-LOC"
    return tags


def cut_bare_run_ons(tags: list[str], forms: list[str]) -> list[str]:
    """الجيش | دعم المملكة للشعب اليمني: an organisation's name does not run on from a definite word
    onto a bare one (no article, no clitic) that no list or corpus reads as a name: that word opens
    the clause's next phrase (a verbal noun, an object), and the run ends before it. Short words
    (العربية نت), name connectors (آل), triggers and known names go on."""
    tags = list(tags)
    for first, last, label in name_spans(tags):
        if label != "ORG":
            continue
        for k in range(first + 1, last):
            if _bare_after_definite(forms[k - 1], forms[k]):
                tags[k:last] = ["O"] * (last - k)
                break
    return tags


def cut_verbal_noun_run_ons(tags: list[str], forms: list[str]) -> list[str]:
    """قوات النظام | التقدم، مؤسسة فيتش العالمية | التصنيف: after a definite word an organisation's name
    takes adjectives, not a definite verbal noun (التفعيل، التفعّل، التفاعل and their plurals): that noun
    opens the clause's next phrase, and the run ends before it."""
    tags = list(tags)
    for first, last, label in name_spans(tags):
        if label != "ORG":
            continue
        for k in range(first + 2, last):
            if forms[k - 1].startswith(("ال", "لل")) and _definite_verbal_noun(forms[k]):
                tags[k:last] = ["O"] * (last - k)
                break
    return tags


def _definite_verbal_noun(form: str) -> bool:
    """التنسيق، التقدم، التعاون، الترتيبات: ال + a verbal noun of a ت-pattern, no nisba."""
    if not form.startswith("ال") or form.endswith(("ي", "يه")):
        return False  # التركي، التجاري، التقنية: adjectives (nisba)
    stem = form[2:-2] if form.endswith("ات") else form[2:]
    return stem[:1] == "ت" and (tafil_shape(stem) or len(stem) == 4 or (len(stem) == 5 and stem[2] == "ا"))


def include_place_heads(tags: list[str], forms: list[str]) -> list[str]:
    """بمدينة | دوما، منطقة | عسير: a place head (``PLACE_HEADS``) right before a place's name, with or
    without its proclitics, belongs to the mention's surface (ANNOTATION.md lists ["مدينة دوما", "دوما"]);
    ``name_surface`` leaves it out of the canonical name, so دوما and مدينة دوما are one place."""
    tags = list(tags)
    for first, _last, label in name_spans(tags):
        if label == "LOC" and first > 0 and tags[first - 1] == "O" and _place_head_word(forms[first - 1]):
            tags[first - 1:first + 1] = ["B-LOC", "I-LOC"]
    return tags


# the proclitic runs a word may open with (وبمدينة، لمنطقة); finetune projects listed forms with them too
PROCLITICS = ("و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "فل", "وك")


def _place_head_word(form: str) -> bool:
    return any(form.startswith(clitic) and form[len(clitic):] in PLACE_HEADS for clitic in ("", *PROCLITICS))


def without_place_head(surface: str) -> str:
    """مدينة دوما → دوما، بحي الملز → الملز: a place's name without the head its surface opens with."""
    words = surface.split()
    return " ".join(words[1:]) if len(words) > 1 and _place_head_word(match_form(words[0])) else surface


def without_body_head(surface: str) -> str:
    """شركة أمازون → أمازون، صحيفة ميرور → ميرور: a body's own name without the common noun its
    surface opens with (``SURFACE_BODY_HEADS``), when that name is a bare word; وكالة الأنباء السعودية
    keeps its head (الأنباء السعودية is no name by itself). The management before a headed name is
    left out (``MANAGEMENT_HEADS``: إدارة نادي العروبة → نادي العروبة)."""
    words = surface.split()
    forms = [match_form(w) for w in words]
    for head in MANAGEMENT_HEADS:  # إدارة نادي العروبة: the club
        if len(forms) > len(head) + 1 and tuple(forms[:len(head)]) == head and forms[len(head)] in SURFACE_BODY_HEADS:
            words, forms = words[len(head):], forms[len(head):]
            break
    if len(words) < 2 or not _surface_body_head(forms[0]):
        return " ".join(words)
    rest = forms[1]
    if rest.startswith(("ال", "لل")) or not rest[:1].isalpha() or _construct_noun(forms[1:]):
        return " ".join(words)
    return " ".join(words[1:])


def _construct_noun(forms: list[str]) -> bool:
    """أنباء | الأناضول: a bare noun before a definite word that is no relational adjective is in
    construct with it, a common noun the head's name is made of (وكالة أنباء الأناضول), no bare name
    (شركة أرامكو | السعودية)."""
    return len(forms) > 1 and forms[1].startswith("ال") and not NISBA_RE.match(forms[1])


def _surface_body_head(form: str) -> bool:
    """A head of a body's surface (``SURFACE_BODY_HEADS``), or a dual or plural of bodies before one of
    their names (شركتي إيني، شركات ميكروسوفت: ``_dual_of_body``, ``BODY_PLURALS``)."""
    return form in SURFACE_BODY_HEADS or form in BODY_PLURALS or _dual_of_body(form)


MIN_EPITHET_CUT_WORDS = 2  # الحزب الحاكم keeps its adjective: الحزب alone names nothing


def without_epithets(surface: str) -> str:
    """وكالة الأناضول الرسمية → وكالة الأناضول، حزب الشعب الجمهوري المعارض → حزب الشعب الجمهوري: a
    writer's epithet at the end of a body's surface (``ORGANISATION_EPITHETS``) is no part of its name,
    while two words are left. Only the canonical name loses it: the mention keeps the phrase a quote's
    speaker is read from."""
    words = surface.split()
    while len(words) > MIN_EPITHET_CUT_WORDS and match_form(words[-1]) in ORGANISATION_EPITHETS:
        words.pop()
    return " ".join(words)


def without_located_place(surface: str, places: set[str]) -> str:
    """وزارة العدل بمنطقة الرياض → وزارة العدل، مستشفى الملك خالد بحائل → مستشفى الملك خالد: where a body
    sits (بـ + a place head, a gazetteer place or one of the article's ``places``, their keys) is no part
    of its name, while two words are left. Only the canonical name loses it, as with ``without_epithets``."""
    words = surface.split()
    for k in range(MIN_EPITHET_CUT_WORDS, len(words)):
        word = split_proclitics(match_form(words[k]))
        if word.prep == "ب" and not word.conj and _names_a_place(word, words[k + 1:], places):
            return " ".join(words[:k])
    return surface


def _names_a_place(word, after: list[str], places: set[str]) -> bool:
    """Whether a word without its ب (``split_proclitics``), and the words ``after`` it, name a place."""
    rest = word.article + word.stem
    return word.stem in PLACE_HEADS or gazetteer().get(rest) == "LOC" or rest in places \
        or entity_key(" ".join([rest, *after])) in places


def without_known_name_tail(surface: str, names: set[str]) -> str:
    """حزب الله اللبناني → حزب الله، رويترز للأنباء → رويترز: after a body's whole name that a list knows
    or ``names`` holds (the keys of the article's other organisations), relational adjectives or a لـ
    or بـ phrase (جامعة جازان | بسوق عكاظ: where, or when) describe the body and are no part of its name, unless the list knows the whole (الاتحاد
    الأوروبي after الاتحاد). Only the canonical name loses them, as with ``without_epithets``."""
    words = surface.split()
    forms = [match_form(word) for word in words]
    if gazetteer().get(" ".join(forms)):
        return surface
    for k in range(len(words) - 1, 0, -1):
        prefix = " ".join(forms[:k])
        listed = gazetteer().get(prefix) == "ORG"
        if not listed and entity_key(" ".join(words[:k])) not in names:
            continue
        tail = forms[k:]
        if not listed and _country_nisbas() & set(tail):
            return surface  # اتحاد الكرة الإماراتي: the country says which body a short mention (اتحاد الكرة) means
        if _describing_phrase(tail) or all(NISBA_RE.match(form) for form in tail):
            return " ".join(words[:k])
        return surface
    return surface


def _describing_phrase(forms: list[str]) -> bool:
    """A لـ or بـ phrase (للأنباء، لكرة القدم، بسوق عكاظ), not a name that opens with the letter (لافروف، لندن)."""
    word = split_proclitics(forms[0])
    return word.prep in ("ل", "ب") and not word.conj and forms[0] not in gazetteer() and not read_as_name(forms[0])


def name_surface(text: str, label: str) -> str:
    """The part of a mention's text that its canonical name is made of."""
    surface = canonical_surface(text)
    if label == "LOC":
        return without_place_head(surface)
    if label == "ORG":
        return without_body_head(without_epithets(surface))
    return surface


def lone_person_word(form: str) -> str:
    """The label of a person's mention that is one word (matching form, its proclitics left out):
    a definite dual or plural (الشريفين of خادم الحرمين الشريفين، الوزيرين) or a nisba's plural (سياسيون)
    names no person (''), a country's nisba alone (سويسري) is a nationality (MISC), anything else
    stays PER. A word a list or the corpora read as a name stays PER (زيدون)."""
    if read_as_name(form) or form in gazetteer():
        return "PER"
    if form.startswith("ال") and form.endswith(("ين", "ون", "ان")) and len(form) > 5:
        return ""
    if form.endswith(("يون", "يين")) and len(form) > 4:
        return ""
    return "MISC" if "ال" + form in _country_nisbas() else "PER"


def _person_word_form(text: str) -> str:
    """A one-word person mention's matching form without a leading conjunction (والشريفين)."""
    form = match_form(text)
    return split_proclitics(form).base if form[:1] in "وف" else form


def cut_name_nisbas(tags: list[str], forms: list[str]) -> list[str]:
    """نيويورك تايمز | الأمريكية، تدمر | السورية: a country's nisba after the bare last word of a body's
    or place's name describes the name and is no part of it (ANNOTATION.md: nationality adjectives
    are MISC). After a definite word it stays (الحكومة المصرية، الجامعة الأمريكية: the adjective
    makes the name), and so does a nisba that names its country itself (بقيادة السعودية)."""
    tags = list(tags)
    for first, last, label in name_spans(tags):
        if label not in ("ORG", "LOC") or last - first < 2 or forms[last - 1] not in _country_nisbas():
            continue
        if forms[last - 1] in gazetteer() or split_proclitics(forms[last - 2]).article or forms[last - 2].startswith("ال"):
            continue
        tags[last - 1] = "B-MISC"
    return tags


def mark_competition_places(tags: list[str], forms: list[str]) -> list[str]:
    """دوري أبطال | أوروبا، كأس | آسيا، بطولة | فرنسا: a place right after a word that opens a
    competition's name (``COMPETITION_HEADS``) is part of that event's name (MISC), no place."""
    tags = list(tags)
    for first, last, label in name_spans(tags):
        if label == "LOC" and first > 0 and _is_competition_head(forms[first - 1]):
            tags[first:last] = ["B-MISC"] + ["I-MISC"] * (last - first - 1)
    return tags


def mark_nisba_places(tags: list[str], forms: list[str]) -> list[str]:
    """العاصمة | السعودية، العائلات | السعودية: a place's one word that is also a country's nisba,
    right after an untagged definite feminine or plural word, agrees with that word as its
    adjective (MISC), no place."""
    tags = list(tags)
    for first, last, label in name_spans(tags):
        if label != "LOC" or last - first != 1 or first == 0 or forms[first] not in _country_nisbas():
            continue
        before = split_proclitics(forms[first - 1])
        if tags[first - 1] == "O" and before.article and _feminine(before.base):
            tags[first] = "B-MISC"
    return tags


def _is_competition_head(form: str) -> bool:
    # كأس is read whole: its ك is no proclitic
    return form in COMPETITION_HEADS or split_proclitics(form).base in COMPETITION_HEADS


def _bare_after_definite(before: str, form: str) -> bool:
    if not before.startswith("ال") or before == "ال" or len(form) < 3 or not form.isalpha():
        return False  # ال alone is آل (آل ثاني)
    if form.startswith(("ال", "لل")) or form[0] in "وفبلك" or form in NAME_CONNECTORS:
        return False
    return form not in triggers() and form not in gazetteer() and not read_as_name(form)


def spans_to_mentions(
    doc: Document, sentences: list[list[Span]], tags: list[list[str]], word_count,
    known: dict[str, str] | None = None,
) -> list[Mention]:
    """Character-offset mentions (no canonical yet) from per-sentence IOB2 tags."""
    mentions = []
    for tokens, sentence_tags in zip(sentences, tags):
        words = [t.text for t in tokens]
        forms = [match_form(word) for word in words]  # once for the rules below
        sentence_tags = tag_gazetteer_organisations(
            words, tag_latin_organisations(words, cut_bare_run_ons(sentence_tags, forms)), forms)
        sentence_tags = tag_dateline_outlets(doc.text, tokens, sentence_tags, forms)
        sentence_tags = tag_quoted_names(words, sentence_tags, forms)
        sentence_tags = complete_named_institutions(words, complete_state_bodies(sentence_tags, forms), forms)
        sentence_tags = complete_definite_bodies(words, sentence_tags, forms)
        sentence_tags = complete_eponym_bodies(complete_noun_objects(complete_organisation_complements(
            words, complete_organisations(words, sentence_tags, forms), forms), forms), forms)
        sentence_tags = tag_region_names(tag_state_short_names(sentence_tags, forms), forms)
        sentence_tags = complete_places(words, sentence_tags, forms)
        sentence_tags = join_hyphenated_names(tokens, complete_person_names(words, sentence_tags, forms))
        sentence_tags = drop_manner_adverbs(forms, join_hashtag_names(tokens, sentence_tags))
        sentence_tags = cut_name_nisbas(drop_religious_formulas(forms, sentence_tags), forms)
        sentence_tags = mark_nisba_places(mark_competition_places(sentence_tags, forms), forms)
        sentence_tags = cut_verbal_noun_run_ons(include_place_heads(sentence_tags, forms), forms)
        for first, last, label in name_spans(sentence_tags):
            if label not in ("PER", "LOC", "ORG", "MISC"):
                continue
            run = drop_leading_titles(tokens[first:last], label)
            if label == "PER" and len(run) == 1:
                label = lone_person_word(_person_word_form(run[0].text))
                if not label:
                    continue
            at = _list_start(sentence_tags, forms, tokens.index(run[0]) if run else first)
            for piece in split_coordinated(run, label, word_count, known or {}, forms[max(0, at - 2):at]):
                mention = _mention(doc, piece, label, word_count, known, piece[0] not in run)
                if mention is not None:
                    mentions.append(mention)
    return mentions


def _list_start(tags: list[str], forms: list[str], at: int) -> int:
    """Where a list of bodies that the run at ``at`` goes on starts: back over the names of the
    same label it follows with و (جنرال موترز | ومايكروسوفت وكوكاكولا, tagged as two runs)."""
    while at > 0 and forms[at][:1] == "و" and tags[at - 1][2:] == tags[at][2:]:
        at -= 1
        while at > 0 and tags[at][:2] == "I-":
            at -= 1
    return at


def _opens_clause(text: str, start: int) -> bool:
    """Whether the word at ``start`` follows no word: the text's start, a line or a punctuation mark. An
    opening quotation mark right after a word opens no clause (وقالت «فورد» إنها: the ف is the name's)."""
    before = text[:start].rstrip(" \t\u00a0")
    if before and before[-1] in OPENING_QUOTE_MARKS:
        before = before[:-1].rstrip(" \t\u00a0")
    return not before or not (before[-1].isalnum() or before[-1] in "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0640")


OPENING_QUOTE_MARKS = frozenset('«"“„')


def _after_comma(text: str, start: int) -> bool:
    """Whether a comma stands right before the word at ``start``: a person named after it is apposed
    (وزيرة الدفاع الفرنسية، فلورانس بارلي), so its ف is the name's own letter, no conjunction."""
    return text[:start].rstrip(" \t\u00a0")[-1:] in ("،", ",")


def _mention(doc: Document, run: list[Span], label: str, word_count, known, bare: bool = False) -> Mention | None:
    """The mention of ``run``, its proclitics cut unless the run is ``bare`` (its و already cut)."""
    latin = LATIN_NAME_RE.match(run[0].text) if len(run) == 1 else None
    if latin and latin.group(1) in LATIN_ORGANISATIONS:  # لCNN → CNN
        span = make_span(doc.text, run[0].start + latin.start(1), run[0].end, label)
        return Mention(span.start, span.end, span.text, label)
    opens = _opens_clause(doc.text, run[0].start) and not (label == "PER" and _after_comma(doc.text, run[0].start))
    start = run[0].start + (0 if bare else proclitic_length(run[0].text, word_count, known, opens, person=label == "PER"))
    end = run[-1].end
    text = doc.text[start:end]
    # the tagger knows Arabic only: Latin captions come out as noise
    if len(match_form(text).replace(" ", "")) < MIN_NAME_LETTERS or not ARABIC_LETTER_RE.search(text):
        return None
    span = make_span(doc.text, start, end, label)
    return Mention(span.start, span.end, span.text, label)


def _ends_like(short: list[str], full: list[str]) -> bool:
    """``short`` ends ``full`` and its words appear in ``full`` in order (لافروف ↔ سيرغي لافروف),
    not where a nasab particle comes right before them (سلمان is the father in محمد بن سلمان), nor
    after a member head alone (قوات الحلف الأطلسي: the forces, not الحلف الأطلسي)."""
    if len(short) >= len(full) or short[-1] != full[-1]:
        return False
    position = 0
    for i, word in enumerate(short):
        try:
            position = full.index(word, position) + 1
        except ValueError:
            return False
        if i == 0 and position >= 2 and full[position - 2] in NASAB_PARTICLES:
            return False
        if i == 0 and position == 2 and full[0] in MEMBER_HEADS:
            return False  # قوات الحلف الأطلسي: the alliance's forces, not the alliance
    return True


def _given_name_owner(word: str, split_keys: dict[str, list[str]]) -> str:
    """The one fuller name of the document that a lone given name opens (ديفيد → ديفيد كاميرون), or ''.
    Two such names (عبدالله بن عبدالعزيز, عبدالله الثاني) leave the given name alone."""
    owners = {key for key, words in split_keys.items() if len(words) > 1 and words[0] == word}
    return owners.pop() if len(owners) == 1 and GIVEN_NAME_LINK else ""


GIVEN_NAME_LINK = True  # a switch, to measure what the link changes


def _keys_by_last_word(split_keys: dict[str, list[str]]) -> dict[str, tuple[list[int], list[str]]]:
    """Last word -> (word counts, keys): the keys ending on it, by their number of words."""
    groups: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for key, words in split_keys.items():
        if words:
            groups[words[-1]].append((len(words), key))
    return {last: ([n for n, _ in sorted(group)], [k for _, k in sorted(group)])
            for last, group in groups.items()}


def canonicalise(mentions: Iterable[Mention], text: str = "") -> list[Mention]:
    """Give each mention the fullest form of its entity within the document (``text``: the document's,
    where a body's head word stands before its mention)."""
    mentions = list(mentions)
    by_label: dict[str, Counter[str]] = defaultdict(Counter)
    surfaces: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    keys_of = []  # each mention's key, computed once
    places = {entity_key(name_surface(m.text, "LOC")) for m in mentions if m.label == "LOC"}
    bodies = {entity_key(name_surface(m.text, "ORG")) for m in mentions if m.label == "ORG"}
    for mention in mentions:
        surface = name_surface(mention.text, mention.label)
        if mention.label == "ORG":
            surface = without_known_name_tail(without_located_place(surface, places), bodies)
        key = entity_key(surface)
        keys_of.append(key)
        by_label[mention.label][key] += 1
        surfaces[(mention.label, key)][surface] += 1
    target: dict[tuple[str, str], str] = {}
    for label, keys in by_label.items():
        split_keys = {key: key.split() for key in keys} if label in SUFFIX_MATCH_LABELS else {}
        # a fuller form ends on the same word and is longer: only those keys are compared
        # (every pair of a document's names was quadratic in a list of thousands of names)
        by_last = _keys_by_last_word(split_keys)
        for key in keys:
            best = key
            if label in SUFFIX_MATCH_LABELS and split_keys[key]:
                words = split_keys[key]
                sizes, longer = by_last[words[-1]]
                fuller = [k for k in longer[bisect.bisect_right(sizes, len(words)):]
                          if _ends_like(words, split_keys[k])]
                if fuller:  # the longest, then the most frequent, fuller form
                    best = max(fuller, key=lambda k: (len(split_keys[k]), keys[k], k))
                elif label == "PER" and len(words) == 1:
                    best = _given_name_owner(words[0], split_keys) or key
            target[(label, key)] = best
    _resolve_descriptions(mentions, keys_of, target, text)
    out = []
    chosen: dict[tuple[str, str], str] = {}  # (label, best key) → its most common surface
    for mention, key in zip(mentions, keys_of):
        best = (mention.label, target[(mention.label, key)])
        canonical = chosen.get(best)
        if canonical is None:
            canonical = chosen[best] = surfaces[best].most_common(1)[0][0]
        out.append(Mention(mention.start, mention.end, mention.text, mention.label, canonical))
    return out


def _resolve_descriptions(mentions: list[Mention], keys_of: list[str], target: dict, text: str) -> None:
    """الشركة الصينية، النادي اللندني: a definite body head (``SURFACE_BODY_HEADS``) and relational
    adjectives describe the one body the article names with that head (شركة زد تي إي، نادي تشيلسي): the
    description takes that body's name, unless their countries differ (القناة المصرية ≠ قناة TRT التركية)."""
    named: dict[str, set[str]] = defaultdict(set)  # head → the entities whose mentions open with it
    countries: dict[str, set[str]] = defaultdict(set)  # entity → the countries its mentions' nisbas name
    for mention, key in zip(mentions, keys_of):
        if mention.label != "ORG":
            continue
        words = [match_form(word) for word in mention.text.split()]
        entity = target[("ORG", key)]
        countries[entity] |= _nisba_countries(words)
        head = split_proclitics(words[0]).base if len(words) > 1 else ""
        if head not in SURFACE_BODY_HEADS:
            head = split_proclitics(_word_before(text, mention.start)).base  # صحيفة (جارديان): the head outside
        if head in SURFACE_BODY_HEADS:
            named[head].add(entity)
    for (label, key), best in list(target.items()):
        words = key.split()
        if label != "ORG" or len(words) < 2 or not words[0].startswith("ال") \
                or not all(_name_adjective(word) for word in words[1:]):
            continue
        owners = named.get(words[0][2:], set())
        if len(owners) != 1 or best in owners:
            continue
        owner = next(iter(owners))
        mine = _nisba_countries(words)
        if not (mine and countries[owner] and not mine & countries[owner]):
            target[(label, key)] = owner


def _word_before(text: str, start: int) -> str:
    """The matching form of the word before ``start`` in ``text``, over spaces, brackets and quotation marks."""
    words = text[:start].rstrip(" \t\u00a0(«\"“").split()
    return match_form(words[-1]) if words else ""


def _nisba_countries(forms: list[str]) -> set[str]:
    """The country nisbas among matching forms, masculine (الصينيه → الصيني)."""
    return {form.removesuffix("ه") for form in forms if form in _country_nisbas()}


def group_entities(mentions: Iterable[Mention]) -> list[dict]:
    """Per-document entities: ``{canonical, label, key, mentions, count}``, most mentioned first."""
    groups: dict[tuple[str, str], dict] = {}
    seen: dict[tuple[str, str], set[str]] = {}
    for mention in mentions:
        canonical = mention.canonical or mention.text
        key = entity_key(canonical)
        group = groups.setdefault(
            (mention.label, key),
            {"canonical": canonical, "label": mention.label, "key": key, "mentions": [], "count": 0},
        )
        surfaces = seen.setdefault((mention.label, key), set())
        if mention.text not in surfaces:  # a set beside the list: no scan of the list
            surfaces.add(mention.text)
            group["mentions"].append(mention.text)
        group["count"] += 1
    return sorted(groups.values(), key=lambda g: (-g["count"], g["label"], g["key"]))
