"""Stance: what each quoted speaker is for or against.

For every quote the stage finds the *targets* it is about and the speaker's
*polarity* towards each (``favor``, ``against``, or ``neutral`` for a negated
rejection such as لم ترفض الاتفاق; the benchmark scores favor/against only).
Every stance records the ids of the rules that made or changed it (``RULES``,
one registry with a line each; ``disabled_rules`` switches them off), the
sentence that supports it, whether its target is a named actor (by canonical
name) or an issue phrase, and a confidence (``confidence_model``, fitted on the
dev part). Decisions and examples: ``benchmarks/STANCE_DECISIONS.md``.
It combines four kinds of evidence, all read from ``data/stance_lexicon.json``
(our own MSA news lexicon, matched in ``match_form`` after removing clitics):

- the cue's polarity (``qawl.cues.cue_entry``; our lexicon when the cue
  lexicon says neutral): اتهم روسيا → against روسيا, رحب بالقرار → favor القرار;
- evaluative *acts* inside the content with their object: لوقف المذابح →
  against المذابح; *qualities* after a noun phrase: مواقفه الظالمة → against;
  *labels* in scare quotes: وصفها بـ"المحتالة" → against what was so called;
  *deeds* of a clause subject: X يهدد … → against X;
- negation (لا، لم، لن، ليس، غير، عدم) just before a word: a negated favor
  word becomes against, a negated against word becomes neutral;
- composition: an against act on an against act is favor (حذر من رفض
  الاتفاق → against the rejection, favor the agreement).

Frames that name whom an act is aimed at: the addressee between a cue and its
content (اتهم الشرطة بـ…, رد على ترامب: …, حذر إيران من …), أعرب/عبر X عن + act
(عن غضبها من الصورة), a participle after a quote (…، رافضا تعويض العراق), a
negated benefit (القوانين لا تساعد), a condemning noun with a named owner or
opening the clause (جرائم إسرائيل; التعذيب … أمر ممنهج), credit (بفضل X).

Targets are whole noun phrases: fragments (إياه, اتخاذ, a phrase running into a
verb) are dropped, and so is a phrase that carries its own evaluation (دحر
المتشددين, "جيد جدا", favor of إشاعة الفوضى). Other frames: ما نشر … after a
rejection (the report is the target), حكمت المحكمة على X, نشكر X على …, دعا X
إلى الحذر (against X), وصف X بأنه "…label…" (X takes the label's polarity).

Acts reported without words (أشاد فلان بـ…، الهدنة التي دعا إليها …, فرضت
واشنطن عقوبات على X, صوتت روسيا ضد القرار, هدد X Y بـ…) give stances with
``quote == -1`` (``from_quote`` False, ``evidence_kind`` "act" in the table). A speaker is never his own target. Every stance
keeps the words that decided it in ``evidence``.
"""
from __future__ import annotations

import csv
import json
import logging
import math
import re
from bisect import bisect_left, bisect_right
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Callable, Iterable, Optional, Sequence

from qawl.clean import match_form
from qawl.entities.features import tafil_shape, triggers
from qawl.schema import POLARITIES, Document, Mention, Quote, Stance, make_span

logger = logging.getLogger(__name__)

LEXICON_FILE = "stance_lexicon.json"
CONFIDENCE_FILE = "stance_confidence.json"
KINDS = ("act", "quality", "label", "deed")

# --- rules ---------------------------------------------------------------------
# Every rule that makes or changes a stance: its id (recorded on the stance, ``Stance.rules``)
# and one line. ``Q-`` rules read a quote (``from_quote``), ``N-`` rules an act narrated
# without reported words (``quote == -1``), ``A-`` rules the object of an act in either,
# and the modifiers change a stance another rule made. tests/test_stance.py has a case per
# rule that fails when the rule is disabled (``disabled_rules``).
RULES: dict[str, str] = {
    "Q-CUE": "the cue is an evaluative act and the content (or its start) is its object: اتهم روسيا …",
    "Q-ADDRESSEE": "the addressee between an evaluative cue and its content: اتهم الشرطة بـ…, رد على ترامب: …",
    "Q-ACT": "an evaluative act inside the content, towards its object: لوقف المذابح -> against المذابح",
    "Q-QUALITY": "a quality adjective, attributive or predicate: مواقفه الظالمة, الاتفاق جيد",
    "Q-PREDICATE-NOUN": "an evaluative noun predicated of a clause-initial subject: X يشكل تهديدا",
    "Q-DEED": "a hostile (or helpful) deed of a clause subject: X يهدد … -> against X",
    "Q-LABEL": "a condemning noun with a named owner or opening the clause: جرائم إسرائيل",
    "Q-SCARE-LABEL": "a label in quotation marks, towards what it names: وصفها بـ\"المحتالة\"",
    "Q-HONORIFIC": "an honorific after a person: أيده الله -> favor that person",
    "Q-HOLDER-NAME": "the speaker's own name says the stance: معارضو القانون -> against القانون",
    "N-RELATIVE-OBJECT": "a narrated act in a relative clause on its object: الهدنة التي دعا إليها X",
    "N-RELATIVE-SUBJECT": "a narrated act in a relative clause on a named subject: موسوي الذي رفض …",
    "N-BY-AGENT": "an act noun with its agent: انتقادات من قبل X لـ Y",
    "N-EXPRESSED": "أعرب/عبر/أبدى X عن + act: the act is X's",
    "N-PARTICIPLE": "a circumstantial participle after a quote: …، رافضا تعويض العراق",
    "N-SUPPORT-VERB": "a support verb with an act noun: وجه X اتهامات لـ Y, فرض X عقوبات على Y",
    "N-VSO": "a narrated act verb opening its clause, its subject, then its object: انتقد الوزير إيران",
    "N-PURPOSE": "the purpose of a narrated act is its subject's too: واصلت الحكومة الضغط لعرقلة الاتفاق",
    "A-NESTED": "an act inside an act's object composes: حذر من رفض الاتفاق -> favor الاتفاق",
    "A-CAUTION": "a call to caution is against the named addressee: دعا ترامب إلى الحذر",
    "A-THANKED": "the direct object of thanks/praise before على: نشكر وفد روسيا على …",
    "N-SVO": "a named or actor subject opening its clause, then a narrated act verb: أن الملا عمر رفض التخلي عن …",
    "H-INSTITUTION": "a subject headed by an institution led by a named person is the institution: حكومة مادورو, not مادورو",
    "H-ATTESTED": "a quote's canonical speaker whose words are not in the article (روس باك) gives way to the speaker as written",
    "H-FULLER-NAME": "a quote's speaker takes the fuller name another quote writes for the same canonical speaker: محمد بن عبد الرحمن المخرج, أمانة منطقة المدينة المنورة",
    "H-TITLE-NAME": "a speaker that is only a title is the person the article names right after that title: المتحدث باسم الكرملين ديميتري بيسكوف",
    "A-OWNED-FRAME": "a framing noun owned by a named actor is worth a stance: ضد محاولات إيران تكريس وجود عسكري",
    "N-VOTE-AGAINST": "a vote whose object follows ضد is against it: صوتت روسيا ضد مشروع القرار",
    "N-TITLE-NAME": "a subject title runs through its complement to the person's name: انتقد مدرب المنتخب لكرة القدم غاريث ساوثغيت …",
    "N-SUPPORT-SUBJECT": "the few words between a support verb and its act noun are its subject: وجه الاتحاد الانجليزي لكرة القدم اتهاما لـ …",
    "T-ACTOR": "a target phrase that names an actor (a mention, or a title before a person's name) is given the actor's canonical name",
    "T-ACTOR-HEAD": "a target phrase that opens with a named actor and goes on with a preposition is the actor: جعفر بناهي في العام 2011",
    "NEG": "negation before the evaluative word: favor -> against, against -> neutral",
}
# Mention labels that make a target an actor (a place stands for its government).
ACTOR_LABELS = frozenset(("PER", "ORG", "LOC", "GPE"))
# Rules switched off (tests and ablations): a stance that any of them made or changed is dropped
# (a T- rule switched off leaves the target as the phrase).
DISABLED_RULES: set[str] = set()


@contextmanager
def disabled_rules(*ids: str):
    """Run with the rules ``ids`` switched off (``with disabled_rules("Q-CUE"): …``)."""
    unknown = set(ids) - RULES.keys()
    if unknown:
        raise KeyError(f"unknown stance rules: {sorted(unknown)}")
    added = set(ids) - DISABLED_RULES
    DISABLED_RULES.update(added)
    try:
        yield
    finally:
        DISABLED_RULES.difference_update(added)

# --- word shapes -----------------------------------------------------------------

WORD_RE = re.compile(r"[^\W_]")
QUOTE_MARKS = frozenset('"«»“”')
CONJUNCTIONS = ("و", "ف")
PREP_CLITICS = ("ب", "ل", "ك")
IMPERFECT_PREFIXES = ("ي", "ت", "ن", "ا")
SUFFIXES = (
    "تهما", "تها", "تهم", "ته", "هما", "هم", "ها", "هن", "كم", "نا", "ني",
    "ات", "ون", "ين", "ان", "وا", "تم", "ه", "ي", "ت",
)
# Matching forms of the particles that end a noun phrase.
STOP_FORMS = frozenset(match_form(w) for w in (
    "أن", "إن", "أنه", "أنها", "أنهم", "إنه", "إنها", "لأن", "لأنه", "كي", "لكي", "حتى", "الذي",
    "التي", "الذين", "اللذين", "اللتين", "اللواتي", "اللاتي", "ما", "مما", "عندما", "حين", "حينما",
    "حيث", "إذ", "إذا", "لو", "قد", "لقد", "سوف", "لكن", "لكنه", "لكنها", "بل", "ثم", "أو", "أم",
    "كما", "بينما", "فيما", "هل", "إلا", "رغم", "بعد", "قبل", "منذ", "خلال", "عبر", "أثناء", "عند",
    "وفق", "وفقا", "بحسب", "حسب", "أيضا", "كذلك", "فقط", "جدا", "الآن", "اليوم", "أمس", "غدا",
    "وذلك", "وهو", "وهي", "وهم", "بأن", "بأنه", "وأن", "وإن", "بفضل", "هنا", "هناك", "هنالك",
))
PREP_FORMS = frozenset(match_form(w) for w in (
    "في", "مع", "إلى", "على", "من", "عن", "تجاه", "ضد", "بين", "حول", "بشأن", "لدى", "أمام", "نحو",
    "داخل", "فوق", "تحت", "لصالح", "بموجب", "مقابل", "إزاء", "حيال", "بسبب", "جراء", "ضمن", "بخصوص",
))
DEMONSTRATIVES = frozenset(match_form(w) for w in (
    "هذا", "هذه", "ذلك", "تلك", "هؤلاء", "أولئك", "هذين", "هاتين", "هذان", "هاتان",
))
PRONOUNS = frozenset(match_form(w) for w in (
    "هو", "هي", "هم", "هما", "نحن", "أنا", "أنت", "أنتم", "ذلك", "هذا", "هذه", "تلك", "الأمر",
    "الذي", "التي", "ما", "إياه", "إياها", "إياهم", "إياهما", "إياكم", "إيانا",
))
# Words that say the target is the speaker's own side.
SELF_FORMS = frozenset(match_form(w) for w in ("بلاده", "بلادنا", "بلادها", "نحن", "أنفسنا", "حكومته"))
RELATIVES = frozenset(match_form(w) for w in ("الذي", "التي", "الذين", "اللذين", "اللتين"))
# Verbs of naming: وصفها بـ"المحتالة", مما أسماه "الطلب المفرط".
NAMING_STEMS = frozenset(match_form(w) for w in ("وصف", "يصف", "تصف", "أسمى", "سمى", "يسمي", "تسمي", "نعت"))
NAMING_WINDOW = 14  # tokens from a naming verb to its label: وصفت X في بيان Y بأنها جزء من "…"
THAT_FORMS = frozenset(match_form(w) for w in ("بأنها", "بأنه", "بأنهم", "بأنهما"))
BY_AGENT = (match_form("من"), match_form("قبل"))  # انتقادات من قبل X
POSSESSIVE_ENDINGS = ("ه", "ها", "هم", "هما", "هن", "كم", "نا")
OBJECT_PRONOUNS = ("ه", "ها", "هم", "هما")
OWNER_ENDINGS = ("ها", "هم", "هما", "هن", "كم", "نا")
RESUMPTIVE_PREPS = frozenset(match_form(w) for w in (
    "إليها", "إليه", "عليها", "عليه", "بها", "به", "لها", "له", "فيها", "فيه"))
# Manner adverbials before an object: دعم بشكل فاعل المرشح, أدان بشدة الهجوم.
MANNER_HEADS = frozenset(match_form(w) for w in ("بشكل", "بصورة", "بطريقة", "بنحو", "بأشد", "بأقسى"))
MANNER_ADVERBS = frozenset(match_form(w) for w in ("بشدة", "بقوة", "بحزم", "بوضوح", "مجددا", "مرة", "أيضا"))
# Quantifiers that make a subject a group, not a holder: وافق كل من X و Y.
QUANTIFIERS = frozenset(match_form(w) for w in ("كل", "جميع", "بعض", "معظم", "أغلب"))
# Complementizers: what follows is a clause, not the object noun phrase of the cue.
COMPLEMENTIZERS = frozenset(match_form(w) for w in (
    "أن", "أنه", "أنها", "أنهم", "إن", "إنه", "إنها", "بأن", "بأنه", "بأنها", "بأنهم"))
# Verbs of reporting after ما: نفت ما نشر في الصحف, كذب ما تردد عن … (the report is the target).
REPORTED_FORMS = frozenset(match_form(w) for w in (
    "نشر", "نشرته", "نشرتها", "ذكر", "ذكرته", "أورد", "أوردته", "تردد", "يتردد", "أشيع", "يشاع",
    "تداول", "يتداول", "تداولته", "تناقلته", "قيل", "ورد", "جاء"))
# "Caution" (دعا إلى الحذر) is no warning against what follows, only the verb حذر is.
CAUTION_FORMS = frozenset(match_form(w) for w in ("الحذر", "بالحذر", "للحذر", "والحذر", "حذرا"))
# Masdars of light verbs: what they head is an action, not a target (محذرا من اتخاذ,
# دعت إلى تقديم الطلبات, إدانته بارتكاب جرائم).
LIGHT_ACTIONS = frozenset(match_form(w) for w in (
    "اتخاذ", "تقديم", "بث", "إيجاد", "ارتكاب", "القيام", "ممارسة", "الحذر", "توخي"))
# Names that stand in formulas (بفضل الله, الحمد لله), never a stance target.
FORMULAIC_TARGETS = frozenset(match_form(w) for w in ("الله",))
SKIPPED_ANTECEDENTS = frozenset(match_form(w) for w in ("الأمر", "الشيء", "ذلك"))
# Day names between a narrated subject and its object: ألغى القاضي مورو | الأحد | أمرا قضائيا.
DAY_NAMES = frozenset(match_form(w) for w in (
    "الأحد", "الاثنين", "الإثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت"))
# adverbs of time between a VSO subject and its object: فرضت واشنطن بالفعل عقوبات على …
BETWEEN_ADVERBS = DAY_NAMES | frozenset(match_form(w) for w in (
    "أمس", "اليوم", "بالفعل", "مؤخرا", "أيضا", "مجددا", "كذلك"))
# Support verbs whose object noun is the act: وجه X اتهامات لـ Y, فرض X عقوبات على Y,
# استخدم X الفيتو ضد Y, شن X هجوما على Y.
SUPPORT_VERBS = frozenset(match_form(w) for w in (
    "وجه", "وجهت", "يوجه", "توجه", "فرض", "فرضت", "يفرض", "تفرض", "استخدم", "استخدمت", "يستخدم",
    "تستخدم", "شن", "شنت", "يشن", "تشن", "أصدر", "أصدرت", "يصدر", "تصدر",
))

# a definite nisba adjective (المصري, الإسرائيلية, الأمريكيين) closes a subject phrase
NISBA_RE = re.compile(r"^ال.{2,}ي(?:ه|ين|ون)?$")

STILL_FORMS = frozenset(match_form(w) for w in ("تزال", "يزال", "زال", "زالت", "يزالون"))
MAX_NP_TOKENS = 6
CONJOINED_VERB_WINDOW = 8  # tokens back from a conjoined verb to the first verb of its chain
RELATIVE_CLAUSE_TOKENS = 4  # relative, verb and its subject before a predicate
CLAUSE_SPAN = 20  # tokens between an expression verb and its عن (a subject with an apposition)
FAR_PREP_WINDOW = 8  # tokens of an addressee between an act and its preposition
MAX_SUBJECT_TOKENS = 6
FULLER_NAME_WORDS = 2  # words a written speaker may add after its canonical name (… المخرج)
NAME_LINKS = ("بن", "ابن", "آل", "أبو", "أبي")
TITLE_COMPLEMENT_TOKENS = 4  # words between a title's phrase and the name: مدرب المنتخب | لكرة القدم | غاريث
SUPPORT_SUBJECT_TOKENS = 8  # words of a subject between a support verb and its act noun
NEGATION_WINDOW = 2
SCARE_QUOTE_MAX_TOKENS = 5
CLAUSE_ANTECEDENT_TOKENS = 4
WRONG_WINDOW = 6  # أي اعتداء يقوم فيه الحرس الثوري ضد …: the victims follow the deed's clause
# Narrated acts that state a stance whatever their object (others need a salient object).
MINIMISERS = frozenset(match_form(w) for w in ("مجرد", "سوى", "إلا", "محض"))
# Labels of events rather than of wrongdoers: a war or a blast named is not a stance.
CALAMITIES = frozenset(("calamity",))
# Verbs of expressing a feeling or position: أعرب عن قلقه, عبر عن شكره, أبدى استياءه.
EXPRESSION_VERBS = frozenset(match_form(w) for w in (
    "أعرب", "أعربت", "يعرب", "تعرب", "عبر", "عبرت", "يعبر", "تعبر", "أبدى", "أبدت", "يبدي", "تبدي",
    "أعلن", "أعلنت", "يعلن", "تعلن", "نقل", "نقلت", "سجل", "سجلت",
))
INTENSIFIERS = frozenset(match_form(w) for w in (
    "عظيم", "بالغ", "شديد", "عميق", "خالص", "جزيل", "كامل", "تام", "صادق", "وافر",
))
# Acts aimed at the addressee they name: اتهم X بـ, انتقد X, شكر X على, حذر X من, رد على X.
ADDRESSEE_CATEGORIES = frozenset(("accusation", "condemnation", "praise", "warning", "rebuttal"))
EXPLICIT_CATEGORIES = frozenset((
    "condemnation", "rejection", "accusation", "praise", "support", "call", "sentence"))


# --- lexicon -------------------------------------------------------------------


@dataclass(frozen=True)
class LexiconEntry:
    """One evaluative term: its kind, polarity and (for acts) how it takes its object."""

    term: str
    kind: str  # one of KINDS
    polarity: str  # favor or against
    category: str = ""
    preps: tuple[str, ...] = ()
    object_before_prep: bool = False  # اتهم X بـ Y: X is the object
    far_preps: tuple[str, ...] = ()  # prepositions that may follow an addressee or agent
    words: tuple[str, ...] = ()  # matching forms of the term's words
    narrated_only: bool = False  # an act without words (فرض عقوبات على), not a word inside a quote
    verb_only: bool = False  # a verb: a form with the article (القدم) is not this term


@dataclass
class Lexicon:
    """Evaluative terms indexed by the matching form of their first word, plus word lists."""

    entries: dict[str, list[LexiconEntry]]
    negators: frozenset
    copulas: frozenset
    issue_heads: frozenset
    holder_heads: dict[str, str]
    honorifics: tuple[tuple[str, ...], ...]
    # nouns that only frame their complement (مغبة رفض الاتفاق): the act is the complement's
    light_heads: frozenset = frozenset()
    # heads of phrases that name actors (الشعب الفلسطيني, المتمردين): worth a stance
    actor_heads: frozenset = frozenset()
    # verbs whose subject holds the act noun after it (أبدت الأندية رغبتها في …), beside SUPPORT_VERBS
    support_verbs: frozenset = frozenset()
    # heads of an institution led by a named person (حكومة مادورو): the institution holds the stance
    institution_heads: frozenset = frozenset()
    # heads of an organisation named after its place (أمانة منطقة المدينة المنورة, بلدية, شرطة)
    organisation_heads: frozenset = frozenset()

    def __len__(self) -> int:
        return sum(len(entries) for entries in self.entries.values())

    def add(self, entry: LexiconEntry) -> None:
        """Add ``entry``; a later entry for the same words replaces the earlier one."""
        bucket = self.entries.setdefault(entry.words[0], [])
        bucket[:] = [e for e in bucket if e.words != entry.words]
        bucket.append(entry)
        bucket.sort(key=lambda e: -len(e.words))


def _entry(term: str, kind: str, polarity: str, category: str = "", preps=(), before=False, far_preps=(),
           narrated_only: bool = False, verb_only: bool = False):
    words = tuple(match_form(word) for word in term.split())
    return LexiconEntry(term, kind, polarity, category, tuple(match_form(p) for p in preps), before,
                        tuple(match_form(p) for p in far_preps), words, narrated_only, verb_only)


POLARITY_ALIASES = {
    "favor": "favor", "favour": "favor", "positive": "favor", "pos": "favor", "+": "favor",
    "1": "favor", "against": "against", "negative": "against", "neg": "against", "-": "against",
    "-1": "against", "neutral": "neutral", "0": "neutral",
}


def _read_extra_lexicon(path: Path) -> Iterable[LexiconEntry]:
    """``term,polarity[,kind]`` rows (CSV or TSV, optional header); neutral rows skipped."""
    text = path.read_text(encoding="utf-8-sig")
    dialect = "excel-tab" if "\t" in text.split("\n", 1)[0] else "excel"
    for row in csv.reader(text.splitlines(), dialect=dialect):
        if len(row) < 2 or not row[0].strip() or row[0].startswith("#"):
            continue
        polarity = POLARITY_ALIASES.get(row[1].strip().lower())
        if polarity is None:  # a header line or an unknown label
            logger.debug("%s: skipped row %r", path, row)
            continue
        kind = row[2].strip() if len(row) > 2 and row[2].strip() in KINDS else "quality"
        if polarity != "neutral":
            yield _entry(row[0].strip(), kind, polarity, category=f"extra:{path.name}")


@lru_cache(maxsize=1)
def _packaged_lexicon_text() -> str:
    return resources.files("qawl").joinpath("data", LEXICON_FILE).read_text(encoding="utf-8")


def load_lexicon(extra_path: Optional[str | Path] = None) -> Lexicon:
    """Our evaluative lexicon, merged with a researcher's ``term,polarity`` file if given.

    The extra file (CSV or TSV, NileULex style) may use favor/against,
    positive/negative or 1/-1; its terms are read as qualities unless a third
    column gives the kind (act, quality, label, deed). Its entries override ours.
    """
    raw = json.loads(_packaged_lexicon_text())
    lexicon = Lexicon(
        entries={},
        negators=frozenset(match_form(w) for w in raw["negators"]),
        copulas=frozenset(match_form(w) for w in raw["copulas"]),
        issue_heads=frozenset(match_form(w) for w in raw["issue_heads"]),
        holder_heads={
            match_form(word): polarity
            for polarity, words in raw["holder_heads"].items()
            for word in words
        },
        honorifics=tuple(tuple(match_form(w).split()) for w in raw["honorifics"]),
        light_heads=frozenset(match_form(w) for w in raw.get("light_heads", ())),
        actor_heads=frozenset(match_form(w) for w in raw.get("actor_heads", ())),
        support_verbs=frozenset(match_form(w) for w in raw.get("support_verbs", ())),
        institution_heads=frozenset(match_form(w) for w in raw.get("institution_heads", ())),
        organisation_heads=frozenset(match_form(w) for w in raw.get("organisation_heads", ())),
    )
    for category, spec in raw["categories"].items():
        for term in spec["terms"]:
            lexicon.add(_entry(term, spec["kind"], spec["polarity"], category,
                               spec.get("preps", ()), spec.get("object") == "before_prep",
                               spec.get("far_preps", ()), spec.get("scope") == "narrated",
                               spec.get("pos") == "verb"))
    if extra_path:
        extra = list(_read_extra_lexicon(Path(extra_path)))
        for entry in extra:
            lexicon.add(entry)
        logger.info("merged %d terms from %s", len(extra), extra_path)
    return lexicon


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    return load_lexicon()


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


# --- tokens of one document --------------------------------------------------------


@dataclass
class _Hit:
    entry: LexiconEntry
    start: int  # token index
    end: int  # token index after the term


class _Tokens:
    """The document's tokens with matching forms, stems and lexicon look-ups."""

    def __init__(self, doc: Document, lexicon: Lexicon, mentions: Sequence[Mention]):
        self.doc = doc
        self.lexicon = lexicon
        self.spans = list(doc.tokens)
        self.forms = [match_form(t.text) for t in self.spans]
        self.starts = [t.start for t in self.spans]
        # per-token facts the rules ask for again and again, computed once
        self.ends = [t.end for t in self.spans]
        self.words = [bool(WORD_RE.search(t.text)) for t in self.spans]
        self.bares = [form[1:] if len(form) > 2 and form[0] in CONJUNCTIONS else form for form in self.forms]
        self._hits: dict[int, Optional[_Hit]] = {}
        self.mention_at: dict[int, Mention] = {}
        self.mention_forms = frozenset(match_form(m.text) for m in mentions)
        for mention in mentions:
            for index in self.range_of(mention.start, mention.end):
                self.mention_at[index] = mention

    def __len__(self) -> int:
        return len(self.spans)

    def range_of(self, start: int, end: int) -> range:
        """Token indices whose span lies inside ``[start, end)`` (partial overlaps included)."""
        # tokens are in text order, so their starts and ends are sorted: bisect, not scan
        first = bisect_right(self.ends, start)
        return range(first, bisect_left(self.starts, end, lo=first))

    def known(self, word: str) -> bool:
        """A word the stage can vouch for: a lexicon or list word, a possessed noun, a mention."""
        form = match_form(word)
        if len(form) >= 4 and form.endswith(POSSESSIVE_ENDINGS) or form in DEMONSTRATIVES:
            return True
        lexicon = self.lexicon
        if any(stem in lexicon.entries or stem in lexicon.issue_heads or stem in lexicon.actor_heads
               or stem in lexicon.light_heads for stem in _word_stems(form)):
            return True
        return form in self.mention_forms

    def is_word(self, i: int) -> bool:
        return 0 <= i < len(self.words) and self.words[i]

    def is_quote_mark(self, i: int) -> bool:
        return 0 <= i < len(self.spans) and self.spans[i].text in QUOTE_MARKS

    def stems(self, i: int) -> tuple[str, ...]:
        return _word_stems(self.forms[i])

    def bare(self, i: int) -> str:
        """The form without a leading conjunction (ولا -> لا)."""
        return self.bares[i]

    def hit(self, i: int) -> Optional[_Hit]:
        """The longest lexicon term starting at token ``i``."""
        if i in self._hits:
            return self._hits[i]
        found = None
        if self.is_word(i) and not self._inside_name(i) and self.forms[i] not in STOP_FORMS \
                and self.forms[i] not in CAUTION_FORMS:
            for stem in self.stems(i):
                for entry in self.lexicon.entries.get(stem, ()):
                    if entry.verb_only and has_article(self.spans[i].text):
                        continue
                    if self._rest_matches(i, entry.words):
                        found = _Hit(entry, i, i + len(entry.words))
                        break
                if found:
                    break
        self._hits[i] = found
        return found

    def _inside_name(self, i: int) -> bool:
        """A word inside a multi-word name (وزارة الدفاع, حزب العدالة والتنمية) evaluates nothing."""
        mention = self.mention_at.get(i)
        return mention is not None and len(mention.text.split()) > 1

    def _rest_matches(self, i: int, words: tuple[str, ...]) -> bool:
        for offset, word in enumerate(words[1:], start=1):
            j = i + offset
            if not self.is_word(j) or word not in self.stems(j):
                return False
        return True

    def conjoined(self, i: int) -> bool:
        """و here is the conjunction (والنظام, ورفضه, ويمنعها), not a first letter (وجود, وزير)."""
        form = self.forms[i] if self.is_word(i) else ""
        if len(form) < 3 or form[0] != "و":
            return False
        rest = form[1:]
        if rest.startswith(("ال", "لل")) or i in self.mention_at or rest in STOP_FORMS:
            return True
        if rest[0] in "يتن" and len(rest) >= 4 or rest.endswith("وا"):
            return True  # a verb: ويمنعها, وتحفز, وأضافوا
        return any(stem in self.lexicon.entries or stem in self.lexicon.issue_heads
                   for stem in _word_stems(rest))

    def negated(self, i: int, floor: int = 0) -> Optional[int]:
        """Index of a negator within the few words before ``i``, if any."""
        for j in range(i - 1, max(floor, i - NEGATION_WINDOW) - 1, -1):
            if not self.is_word(j):
                return None
            if self.bare(j) in self.lexicon.negators or self.forms[j] in self.lexicon.negators:
                return j
        return None

    def prep_at(self, i: int, preps: Iterable[str]) -> Optional[int]:
        """Where the object starts when token ``i`` is one of ``preps``; None otherwise.

        A standalone preposition (إلى) puts the object on the next token; a
        clitic one (بالقرار, للاتفاق, لمواصلة) keeps it on this token.
        """
        if not self.is_word(i):
            return None
        form = self.forms[i]
        for prep in preps:
            if form == prep:
                return i + 1
            if len(prep) == 1 and form.startswith(prep) and len(form) >= 4:
                return i
        return None


# --- noun phrases ---------------------------------------------------------------


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


# --- candidate stances --------------------------------------------------------------


@dataclass
class _Candidate:
    holder: str
    start: int  # token range of the target
    end: int
    polarity: str
    quote: int
    evidence: list[str] = field(default_factory=list)
    rules: tuple[str, ...] = ()


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


def flip(polarity: str) -> str:
    """Polarity under negation: favor -> against; against -> neutral (not rejecting ≠ supporting)."""
    return {"favor": "against", "against": "neutral"}.get(polarity, polarity)


def compose(outer: str, inner: str) -> str:
    """Polarity of an act inside an act: against an against-act is favor (حذر من رفض …)."""
    if "neutral" in (outer, inner):
        return "neutral"
    return "favor" if outer == inner else "against"


class _StanceFinder:
    """Rules over one document's tokens; collects candidates, then ``stances()``."""

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

    # -- emitting

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

    # -- acts and their objects

    def act_objects(self, hit: _Hit, limit: int) -> list[tuple[int, int]]:
        """Noun phrases an act applies to, between the act and ``limit``."""
        tokens, entry, j = self.tokens, hit.entry, hit.end
        if j < limit and tokens.is_quote_mark(j):
            j += 1
        # تدين وتستنكر بأشد العبارات …: a coordinated act shares the object, it is not the object
        coordinated = tokens.hit(j) if j < limit and tokens.conjoined(j) else None
        if coordinated and coordinated.entry.kind == "act":
            j = skip_manner(tokens, coordinated.end, limit)
            while j < limit and tokens.is_word(j) and any(stem in INTENSIFIERS for stem in tokens.stems(j)):
                j += 1  # عن استنكاره وإدانته الشديدين للحادث
        if entry.object_before_prep:
            for m in range(j, min(limit, j + 8)):
                if not tokens.is_word(m):
                    break
                if m > j and tokens.prep_at(m, entry.preps) is not None:
                    return conjuncts(tokens, j, m)
            return conjuncts(tokens, j, limit)
        # دعا الغرب إلى …, دعم الدولة لمخرجات …: the object follows the act's preposition;
        # right after the act any preposition introduces it (دعا لمواصلة …)
        m = j
        while entry.preps and m < min(limit, j + FAR_PREP_WINDOW):
            if tokens.spans[m].text in ("،", ","):
                m += 1
                continue
            if m in tokens.mention_at:  # a named addressee: رئيس الوزراء حيدر العبادي بإقالة …
                mention = tokens.mention_at[m]
                m = max(m + 1, tokens.range_of(mention.start, mention.end).stop)
                continue
            if not tokens.is_word(m) or (m > j and (tokens.forms[m] in STOP_FORMS or tokens.conjoined(m))):
                break
            if m > j and tokens.forms[m] in PREP_FORMS and tokens.forms[m] not in entry.far_preps:
                break
            start = tokens.prep_at(m, entry.preps + ("ل",) if m == j else entry.far_preps)
            if start is not None:
                return conjuncts(tokens, start, limit)
            m += 1
        return conjuncts(tokens, j, limit)

    def cautioned(self, hit: _Hit, limit: int) -> Optional[tuple[int, int]]:
        """دعا الرئيس الأمريكي، دونالد ترامب، إلى الحذر: a call to caution warns the named
        addressee, so it is against him."""
        tokens = self.tokens
        if hit.entry.category != "call":
            return None
        to = next((k for k in range(hit.end, min(limit, hit.end + FAR_PREP_WINDOW + 2))
                   if tokens.forms[k] == match_form("إلى")), None)
        if to is None or to + 1 >= limit or tokens.forms[to + 1] not in CAUTION_FORMS:
            return None
        named = [k for k in range(hit.end, to) if k in tokens.mention_at]
        if not named:
            return None
        mention = tokens.mention_at[named[-1]]
        span = tokens.range_of(mention.start, mention.end)
        return span.start, span.stop

    def thanked(self, hit: _Hit, limit: int) -> Optional[tuple[int, int]]:
        """نشكر وفد روسيا على طلب …: a praise verb's direct object, before what it is praised
        for, is whom the praise is for."""
        tokens, j = self.tokens, hit.end
        if hit.entry.category != "praise" or hit.end <= hit.start or not tokens.is_word(j) \
                or tokens.bare(j) in PREP_FORMS or tokens.prep_at(j, hit.entry.preps) is not None \
                or tokens.conjoined(j) or tokens.hit(j):  # شكره وتقديره لـ …: a second act, no object
            return None
        start, end = read_np(tokens, j, limit, coordinate=False, inner_prep=False)
        if start != j or end <= start or end >= limit or tokens.forms[end] != match_form("على"):
            return None
        return start, end

    def inner_act(self, np: tuple[int, int]) -> Optional[_Hit]:
        """The act heading a phrase, past a light head (مغبة رفض الاتفاق -> رفض)."""
        start, end = np
        tokens = self.tokens
        if end - start > 2 and any(stem in self.lexicon.light_heads for stem in tokens.stems(start)):
            start += 1
        hit = tokens.hit(start)
        return hit if hit and hit.entry.kind == "act" else None

    def apply_act(self, holder: str, hit: _Hit, polarity: str, limit: int, quote: int,
                  evidence: list[str], require_salient: bool, depth: int = 0) -> None:
        """Stances of ``holder`` towards the objects of one act, and of acts nested in them."""
        self.used.update(range(hit.start, hit.end))
        cautioned = self.cautioned(hit, limit) if polarity == "favor" else None
        if cautioned:
            with self.rule("A-CAUTION"):
                self.emit(holder, cautioned, "against", quote, evidence)
        thanked = self.thanked(hit, limit)
        if thanked and (not require_salient or self.salient(thanked)
                        or any(i in self.tokens.mention_at for i in range(*thanked))):
            with self.rule("A-THANKED"):
                self.emit(holder, thanked, polarity, quote, evidence)
        for np in self.act_objects(hit, limit):
            if hit.entry.category == "vote" and np[0] > 0 and self.tokens.bare(np[0] - 1) == match_form("ضد"):
                with self.rule("N-VOTE-AGAINST"):  # صوتت روسيا ضد مشروع القرار
                    self.emit(holder, np, "against", quote, evidence)
                continue
            inner = self.inner_act(np)
            if inner is not None and inner.entry.narrated_only and quote >= 0:
                inner = None  # تصدت لهجوم …: an act noun named in a quote is nobody's act
            # طالب بإقالة X: the call is against X, not "for a dismissal"
            removal = polarity == "favor" and inner is not None and inner.entry.polarity == "against" \
                and np[1] - inner.end > 0
            # رفض التخلي عن القاعدة: a bare act word is no target, its own object is (below)
            bare_act = inner is not None and np == (inner.start, inner.end) and bool(inner.entry.preps)
            emitted = (not require_salient or self.salient(np)) and not self.opposed_inside(np, polarity) \
                and not removal and not bare_act
            if emitted:
                self.emit(holder, np, polarity, quote, evidence)
            if emitted:  # acts inside the object speak through it (دعمها لجهود منع التطرف)
                self.used.update(i for i in range(*np) if (h := self.tokens.hit(i)) and h.entry.kind == "act")
            if inner and depth < 2 and (np[1] - inner.start > 1 or bare_act):
                inner_polarity = compose(polarity, inner.entry.polarity)
                if inner_polarity == polarity and emitted:  # the outer phrase already says it
                    continue
                word = self.tokens.spans[inner.start].text
                # طالب بإخراج الأكراد: what the cue's own act acts on needs no salience either
                with self.rule("A-NESTED"):
                    self.apply_act(holder, inner, inner_polarity, limit, quote, evidence + [word],
                                   require_salient=require_salient or depth > 0, depth=depth + 1)

    # -- per quote

    def cue_frame(self, quote: Quote) -> tuple[Optional[_Hit], str]:
        """The cue as an act (our lexicon) and its polarity (the cue lexicon's when it has one)."""
        cue_tokens = self.tokens.range_of(quote.cue.start, quote.cue.end)
        hit = next((h for i in cue_tokens if (h := self.tokens.hit(i)) and h.entry.kind == "act"), None)
        polarity = hit.entry.polarity if hit else "neutral"
        external = _cue_polarity(quote.cue.text)
        if external in ("favor", "against"):
            polarity = external
        if hit is None and polarity != "neutral" and cue_tokens:
            last = cue_tokens[-1]
            hit = _Hit(_entry(quote.cue.text, "act", polarity), last, last + 1)
        if cue_tokens and self.tokens.negated(cue_tokens[0]) is not None:
            polarity = flip(polarity)
        return hit, polarity

    def quote_stances(self, index: int, quote: Quote) -> None:
        speaker = self.institution_speaker(quote) or self.titled_speaker(quote) or self.attested_speaker(quote)
        if not speaker:
            return
        tokens = self.tokens
        content = tokens.range_of(quote.content.start, quote.content.end)
        if not content:
            return
        first, limit = content.start, content.stop
        hit, polarity = self.cue_frame(quote)
        cue_tokens = tokens.range_of(quote.cue.start, quote.cue.end)
        negated_cue = bool(cue_tokens) and tokens.negated(cue_tokens[0]) is not None
        if hit is not None and polarity in ("favor", "against"):
            # the cue's object is where the content starts (اتهمت | روسيا والنظام بارتكاب …),
            # unless the cue named whom it is aimed at (رد على ترامب: …, شكر الوزير على …),
            # the content is the charge (اتهم X | بارتكاب …) or a clause (حذر من أنه | سيعين …)
            with self.rule("Q-ADDRESSEE", "NEG" if negated_cue else ""):
                aimed = self.addressee(speaker, quote, hit, polarity, index)
            if (not aimed or hit.entry.category == "warning") and not self.charge_or_clause(hit, first, limit):
                with self.rule("Q-CUE", "NEG" if negated_cue else ""):
                    self.apply_act(speaker, _Hit(hit.entry, first, first), polarity, limit, index,
                                   [quote.cue.text], require_salient=False)
        embedded = quote.speaker_kind in ("anonymous", "media", "unknown")
        i = first
        while i < limit:
            hit = tokens.hit(i)
            if hit is None or i in self.used:
                i += 1
                continue
            self.content_term(speaker, hit, first, limit, index, embedded)
            i = max(hit.end, i + 1)
        with self.rule("Q-HONORIFIC"):
            self.honorifics(index, first, limit)

    def fuller_names(self) -> dict[str, str]:
        """Canonical speaker -> the fuller name a quote of the article writes for it (H-FULLER-NAME):
        the name goes on after the canonical form (المهندس محمد بن عبد الرحمن المخرج for محمد بن
        عبد الرحمن), or the canonical form is a place inside an organisation's name (أمانة منطقة
        المدينة المنورة for المدينة المنورة). Every quote with that canonical speaker takes it."""
        if self._fuller is not None:
            return self._fuller
        self._fuller = {}
        if "H-FULLER-NAME" in DISABLED_RULES:
            return self._fuller
        tokens = self.tokens
        for quote in self.quotes:
            canonical = quote.speaker_canonical
            if quote.speaker is None or not canonical or canonical in self._fuller:
                continue
            written, words = strip_proclitic(quote.speaker.text).split(), canonical.split()
            at = next((k for k in range(len(written) - len(words) + 1) if written[k:k + len(words)] == words), None)
            if at is None or len(written) == len(words):
                continue
            extra = written[at + len(words):]
            if extra:  # the name goes on (… المخرج, … آل سعود), not a title or a word after it
                if len(extra) <= FULLER_NAME_WORDS and (extra[0].startswith("ال") or extra[0] in NAME_LINKS):
                    self._fuller[canonical] = " ".join(written[at:])
                continue
            span = tokens.range_of(quote.speaker.start, quote.speaker.end)
            places = [tokens.mention_at[k] for k in span if k in tokens.mention_at
                      and tokens.mention_at[k].canonical == canonical and tokens.mention_at[k].label in ("LOC", "GPE")]
            if places and tokens.bare(span.start) in self.lexicon.institution_heads | self.lexicon.organisation_heads:
                self._fuller[canonical] = " ".join(written)  # أمانة منطقة المدينة المنورة
        return self._fuller

    def titled_speaker(self, quote: Quote) -> str:
        """A speaker that is only a title (المتحدث باسم الكرملين, المخرج الإيراني) is the person
        the article names right after the same title, with or without a comma (المتحدث باسم
        الكرملين ديميتري بيسكوف; المخرج الإيراني، أصغر فرهادي): H-TITLE-NAME."""
        if quote.speaker is None or "H-TITLE-NAME" in DISABLED_RULES:
            return ""
        tokens = self.tokens
        span = tokens.range_of(quote.speaker.start, quote.speaker.end)
        if len(span) < 2 or any(k in tokens.mention_at for k in span) or not tokens.is_word(span.start):
            return ""
        title = tuple(tokens.bare(k) for k in span)
        if len(title) > MAX_SUBJECT_TOKENS:
            return ""
        if self._title_index is None:  # once per article: the titles right before each person's name
            self._title_index = {}
            for at in sorted(tokens.mention_at):
                mention = tokens.mention_at[at]
                if mention.label != "PER" or tokens.range_of(mention.start, mention.end).start != at:
                    continue
                name = mention.canonical if self._attested(mention.canonical) else mention.text
                end = at - 1 if at > 0 and tokens.spans[at - 1].text in ("،", ",") else at
                for size in range(2, MAX_SUBJECT_TOKENS + 1):
                    if end - size < 0 or not all(tokens.is_word(k) for k in range(end - size, end)):
                        break
                    self._title_index.setdefault(tuple(tokens.bare(k) for k in range(end - size, end)), name)
        name = self._title_index.get(title, "")
        if name:
            self._titled_holders.add(name)
        return name

    def attested_speaker(self, quote: Quote) -> str:
        """The quote's canonical speaker, unless its words are not in the article (a mangled
        canonical form, روس باك for بروس باك): then the speaker as written (H-ATTESTED)."""
        fuller = self.fuller_names().get(quote.speaker_canonical)
        if fuller:
            self._fuller_holders.add(fuller)
            return fuller
        name = speaker_name(quote)
        if quote.speaker is None or not name or self._attested(name) or "H-ATTESTED" in DISABLED_RULES:
            return name
        written = strip_proclitic(quote.speaker.text)
        self._attested_holders.add(written)
        return written

    def institution_speaker(self, quote: Quote) -> str:
        """ووصفت حكومة | مادورو …: a quote's speaker right after an institution's head is the
        institution (حكومة مادورو), not the person who leads it. "" otherwise."""
        if quote.speaker is None or "H-INSTITUTION" in DISABLED_RULES:
            return ""
        tokens = self.tokens
        span = tokens.range_of(quote.speaker.start, quote.speaker.end)
        if len(span) > 1 and tokens.bare(span.start) in self.lexicon.institution_heads \
                and any(k in tokens.mention_at and tokens.mention_at[k].label == "PER" for k in span):
            name = strip_proclitic(quote.speaker.text)  # حكومة مادورو, whose canonical is the person's
            self._institution_holders.add(name)
            return name
        head = span.start - 1 if span else -1
        if head < 0 or not tokens.is_word(head) or tokens.bare(head) not in self.lexicon.institution_heads \
                or tokens.bare(span.start) in self.lexicon.institution_heads:
            return ""
        name = strip_proclitic(tokens.spans[head].text) + " " + quote.speaker.text
        self._institution_holders.add(name)
        return name

    def charge_or_clause(self, hit: _Hit, first: int, limit: int) -> bool:
        """The content is not the cue's object: the charge after the accused (اتهم X بـ"…"),
        or a clause after a complementizer (حذر من أنه سيعين …, قال إن …)."""
        tokens = self.tokens
        before = first - 1
        while before >= 0 and tokens.is_quote_mark(before):
            before -= 1
        if tokens.is_word(first) and (tokens.bare(first) in COMPLEMENTIZERS or future_verb(tokens.forms[first])
                                      and not tokens.spans[first].text.endswith("ة")):
            return True
        if before >= 0 and tokens.is_word(before) and tokens.bare(before) in COMPLEMENTIZERS:
            return True
        if not hit.entry.object_before_prep:
            return False
        if before >= 0 and tokens.is_word(before) and tokens.bare(before) in hit.entry.preps:
            return True  # تتهم الشرطة بـ | "انتهاج التعذيب"
        form = tokens.forms[first] if tokens.is_word(first) else ""
        return tokens.prep_at(first, hit.entry.preps) == first and tokens.known(form[1:])  # | بارتكاب

    def addressee(self, speaker: str, quote: Quote, hit: _Hit, polarity: str, index: int) -> bool:
        """Whom the cue is aimed at, between the cue (or a following speaker) and the content:
        اتهم | الحكومة | بأنها …, حذر | إيران | من …, شكر | الوزير | على …, رد على | ترامب | : …"""
        if hit.entry.category not in ADDRESSEE_CATEGORIES:
            return False
        tokens = self.tokens
        start = max(hit.end, tokens.range_of(quote.cue.start, quote.cue.end).stop)
        if quote.speaker is not None and quote.cue.start <= quote.speaker.start < quote.content.start:
            start = max(start, tokens.range_of(quote.speaker.start, quote.speaker.end).stop)
        end = tokens.range_of(quote.content.start, quote.content.end).start
        if not 0 < end - start <= FAR_PREP_WINDOW or not tokens.is_word(start):
            return False
        stop = next((k for k in range(start, end) if not tokens.is_word(k)), end)
        while stop > start and (tokens.bare(stop - 1) in PREP_FORMS or tokens.forms[stop - 1] in PREP_CLITICS):
            stop -= 1  # the preposition that introduces the content: … بـ"انتهاج التعذيب"
        said_by = [match_form(w) for w in (quote.speaker.text if quote.speaker else speaker).split()]
        if [tokens.bare(k) for k in range(start, min(stop, start + len(said_by)))] == said_by:
            start += len(said_by)  # VSO: أدان | الوزير | الهجوم — the subject is not the addressee
        if start < stop and tokens.bare(start) in PREP_FORMS:
            start += 1
        if stop <= start:
            return False
        named = start in tokens.mention_at or _starts_proper(tokens, start)
        if hit.entry.category == "warning" and not named:
            return False  # حذر المواطنين من …: a warning is against whom it names, not whom it addresses
        aimed = False
        for np in conjuncts(tokens, start, stop):
            if hit.entry.category != "rebuttal" or self.salient(np):
                self.emit(speaker, np, polarity, index, [quote.cue.text])
                aimed = True
        return aimed or hit.entry.category == "rebuttal"

    def content_term(self, speaker: str, hit: _Hit, first: int, limit: int, quote: int,
                     embedded: bool) -> None:
        """One evaluative term inside a quote's content."""
        tokens, entry = self.tokens, hit.entry
        if entry.narrated_only:
            return  # العقوبات على إيران named in a quote is no act of the speaker
        word = " ".join(t.text for t in tokens.spans[hit.start:hit.end])
        negator = tokens.negated(hit.start, first)
        polarity = flip(entry.polarity) if negator is not None else entry.polarity
        evidence = [tokens.spans[negator].text, word] if negator is not None else [word]
        with self.rule("NEG" if negator is not None else ""):
            self._content_term(speaker, hit, polarity, negator, first, limit, quote, embedded, evidence)

    def _content_term(self, speaker, hit, polarity, negator, first, limit, quote, embedded, evidence) -> None:
        tokens, entry = self.tokens, hit.entry
        with self.rule("Q-SCARE-LABEL"):
            if self.scare_quoted(speaker, hit, polarity, first, limit, quote, evidence):
                return
        with self.rule("Q-PREDICATE-NOUN"):
            if entry.kind in ("label", "deed") and negator is None and self.predicate_noun(speaker, hit, first, quote, evidence):
                return
        if entry.kind == "act":
            if entry.words == (match_form("ضد"),) and self.follows_wrong(hit.start, first):
                return  # جرائم إسرائيل ضد المتظاهرين: ضد names the victims
            holder = (embedded and self.clause_subject(hit.start, first)) or speaker
            with self.rule("Q-ACT"):
                self.apply_act(holder, hit, polarity, limit, quote, evidence, require_salient=True)
        elif entry.kind == "quality":
            with self.rule("Q-QUALITY"):
                self.quality(speaker, hit, polarity, first, quote, evidence)
        elif entry.kind == "deed":
            # X يهدد … -> against X; X لا يساعد / لن يفيد -> against X (a negated harm says nothing)
            verb = hit.start if negator is None else negator
            if negator is None and tokens.conjoined(verb):
                verb = self.first_conjoined_verb(verb, first)  # X ستجعل … وتحفز …
            start = self._subject_start(verb, first) if verb is not None else None
            if start is not None and self.salient((start, verb)):
                with self.rule("Q-DEED"):
                    self.emit(speaker, (start, verb), polarity, quote, evidence)
        elif entry.kind == "label" and entry.polarity == "against" and negator is None \
                and entry.category not in CALAMITIES:
            with self.rule("Q-LABEL"):
                self.label_phrase(speaker, hit, first, limit, quote, evidence)

    def predicate_noun(self, speaker, hit, first, quote, evidence) -> bool:
        """An indefinite evaluative noun as the predicate of a clause-initial subject:
        كوريا الشمالية لا تزال تمثل تهديدا, الحصار يشكل جريمة, الاتفاق كان إنجازا -> the
        subject takes the noun's polarity. True when a stance was read."""
        tokens = self.tokens
        form = tokens.bare(hit.start)
        if has_article(form) or form[0] in PREP_CLITICS or hit.entry.category in CALAMITIES:
            return False
        verb = hit.start - 1
        if verb < first or not tokens.is_word(verb) or tokens.bare(verb) not in self.lexicon.copulas:
            return False
        end = verb
        if end - 2 >= first and tokens.bare(end - 1) in STILL_FORMS and tokens.bare(end - 2) in (match_form("لا"), match_form("ما")):
            end -= 2  # لا تزال تمثل: "still", not a negation
        elif tokens.negated(verb, first) is not None:
            return False  # لا يمثل تهديدا says nothing either way
        start = self._subject_start(end, first)
        if start is None or start >= end or not self.salient((start, end)):
            return False  # ما حدث يمثل انتهاكا: no one and nothing named
        self.emit(speaker, (start, end), hit.entry.polarity, quote, evidence + [tokens.spans[verb].text])
        return True

    def first_conjoined_verb(self, verb: int, first: int) -> Optional[int]:
        """The first verb of a chain that a conjoined verb continues (التخفيضات | ستجعل الشركات
        أكثر قدرة وتحفز …): its subject is the deed's. ``verb`` itself when there is no chain,
        None when the chain's verb does not agree with it (يذهبون … وتساعد)."""
        tokens = self.tokens
        for k in range(verb - 1, max(first, verb - CONJOINED_VERB_WINDOW) - 1, -1):
            if not tokens.is_word(k) or tokens.bare(k) in STOP_FORMS:
                return verb
            form = tokens.forms[k]
            if (future_verb(form) and not tokens.spans[k].text.endswith("ة")
                    or form[0] in "يت" and finite_verb_shape(tokens.spans[k].text)) \
                    and k not in tokens.mention_at:
                # the chain agrees in person and gender: ستجعل … وتحفز, not يذهبون … وتساعد
                agrees = _person_prefix(form) == _person_prefix(tokens.bare(verb))
                return k if agrees else None
        return verb

    def follows_wrong(self, i: int, first: int) -> bool:
        """A condemning noun or hostile deed just before ``i``."""
        return any((h := self.tokens.hit(k)) and h.entry.polarity == "against" and h.entry.kind in ("label", "deed")
                   for k in range(max(first, i - WRONG_WINDOW), i))

    def label_phrase(self, speaker, hit, first, limit, quote, evidence) -> None:
        """A condemning noun said of someone (جرائم إسرائيل -> against; its owner is named) or
        opening the clause as its topic (التعذيب في أقسام الشرطة أمر ممنهج -> against)."""
        tokens = self.tokens
        after = hit.end
        if after < limit and after in tokens.mention_at:
            mention = tokens.mention_at[after]
            self.emit(speaker, (hit.start, tokens.range_of(mention.start, mention.end).stop),
                      "against", quote, evidence)
            return
        opens = hit.start == first or not tokens.is_word(hit.start - 1) or tokens.bare(hit.start - 1) in STOP_FORMS
        if opens and _definite(tokens.forms[hit.start]) and tokens.forms[hit.start][0] not in "بلك":
            self.emit(speaker, self.topic_np(hit.start, limit), "against", quote, evidence)

    def topic_np(self, start: int, limit: int) -> tuple[int, int]:
        """The clause-opening noun phrase, up to the predicate: an indefinite word after a
        definite one (التعذيب في أقسام الشرطة | أمر ممنهج)."""
        tokens = self.tokens
        _, end = read_np(tokens, start, limit, coordinate=True)
        for k in range(start + 1, end):
            before = tokens.forms[k - 1]
            if _definite(before) and before not in PREP_FORMS and not _definite(tokens.forms[k]) \
                    and tokens.forms[k] not in PREP_FORMS and k not in tokens.mention_at:
                return start, k
        return start, max(end, start + 1)

    def quality(self, speaker, hit, polarity, first, quote, evidence) -> None:
        """The phrase a quality evaluates: attributive (مواقفه الظالمة, المذابح غير المبررة)
        or predicate of a clause-initial subject (الاتفاق جيد, قرارات الاتحاد كانت متعنتة)."""
        tokens = self.tokens
        if hit.start > first and tokens.bare(hit.start - 1) in MANNER_HEADS:
            return  # يفهم بشكل خاطئ: an adverb of manner evaluates no phrase
        negator = tokens.negated(hit.start, first)
        end = hit.start if negator is None else negator
        if _definite(tokens.forms[hit.start]):
            noun = tokens.hit(end - 1) if end > first else None
            if noun and noun.entry.kind == "label" and noun.entry.polarity != polarity:
                return  # الحقد العظيم: the adjective only intensifies
            start = self._attributed_noun(end, first)
            if start < end and not self.descriptive(start, end, first) and self.attributive(hit.start, end):
                self.emit(speaker, (start, hit.end), polarity, quote, evidence)
            return
        while end > first and tokens.bare(end - 1) in self.lexicon.copulas:
            end -= 1
        start = self._subject_start(end, first)
        if start is None:
            start = self._relative_subject_start(end, first)
        if start is None or start >= end:
            return
        if start not in tokens.mention_at and tokens.forms[start][0] in "يت" \
                and finite_verb_shape(tokens.spans[start].text):
            return  # يقدم أداء رائعا: a verb phrase, not a subject
        if tokens.bare(start) in DEMONSTRATIVES and not _definite(tokens.forms[min(start + 1, end - 1)]):
            return  # هذه أنباء عظيمة: the subject is the bare demonstrative
        while end > start + 1 and tokens.forms[end - 1] in PREP_FORMS:
            end -= 1  # الاتفاق من أفضل …
        self.emit(speaker, (start, end), polarity, quote, evidence)

    def _relative_subject_start(self, end: int, first: int) -> Optional[int]:
        """A clause-initial subject with a short relative clause before a predicate:
        الإجراءات التي اتخذها ترامب | قانونية -> the phrase from the antecedent to the predicate.
        The relative clause is a verb with an object pronoun (its antecedent) and a named or
        short subject; anything longer may hold the predicate itself."""
        tokens = self.tokens
        for relative in range(end - 2, max(first, end - 2 - RELATIVE_CLAUSE_TOKENS) - 1, -1):
            if not tokens.is_word(relative):
                return None
            if tokens.bare(relative) not in RELATIVES:
                continue
            verb = relative + 1
            form = tokens.bare(verb)
            if has_article(form) or len(form) < 5 or not form.endswith(OBJECT_PRONOUNS):
                return None  # اتخذها, أعلنته: the verb's pronoun returns to the antecedent
            if not all(tokens.is_word(k) and tokens.bare(k) not in STOP_FORMS for k in range(verb + 1, end)):
                return None
            start = self._subject_start(relative, first)
            return start if start is not None and start < relative else None
        return None

    def attributive(self, adjective: int, end: int) -> bool:
        """An adjective agrees with its noun; a definite one after a bare indefinite noun or
        behind a preposition is the noun's object (دحر المتشددين, قصفه للمتشددين)."""
        tokens = self.tokens
        form, before = tokens.forms[adjective], tokens.forms[end - 1]
        if form.startswith("لل") or form[0] in "بلك" and form[1:].startswith("ال"):
            return False
        return _definite(before) or before.endswith(POSSESSIVE_ENDINGS) or (end - 1) in tokens.mention_at

    def descriptive(self, start: int, end: int, first: int) -> bool:
        """A quality inside a prepositional or purpose phrase about no one in particular
        (لتقديم الخدمة المميزة, مقابل السياسات المدمرة): description, not the speaker's stance.
        A named or possessed noun keeps it (لسياسات النظام العدوانية, مواقفه الظالمة)."""
        tokens = self.tokens
        # a possessive suffix (ة reads as ه in matching form, so a bare ه is no evidence)
        if any(i in tokens.mention_at or len(tokens.forms[i]) >= 4 and tokens.forms[i].endswith(OWNER_ENDINGS)
               for i in range(start, end)):
            return False
        if any(stem in self.lexicon.actor_heads for i in range(start + 1, end) for stem in tokens.stems(i)):
            return False  # its owner is an actor: لسياسات النظام الإيراني العدوانية
        head = tokens.forms[start]
        # لتقديم …: ل + an indefinite verbal noun is a purpose phrase
        purpose = head[0] in "بل" and not _definite(head) and (head[0] == "ل" and len(head) >= 5
                                                                  or tokens.known(head[1:]))
        governed = start > first and tokens.is_word(start - 1) and tokens.bare(start - 1) in PREP_FORMS
        return purpose or governed

    def _attributed_noun(self, end: int, first: int) -> int:
        """Start of the definite phrase before an attributive adjective: definite words back to
        the construct head (حادثة التفجير الغاشم) or a preposition clitic (للحوار الوطني)."""
        tokens, i = self.tokens, end
        while i > first and _is_np_word(tokens, i - 1) and end - i < MAX_NP_TOKENS:
            form = tokens.forms[i - 1]
            if form in PREP_FORMS:
                break
            i -= 1
            if not _definite(form) or form in DEMONSTRATIVES or form[0] in "بلكو" and _definite(form[1:]):
                break
            if form.startswith("لل"):
                break
        return i

    def _subject_start(self, verb: int, first: int) -> Optional[int]:
        """Start of a clause-initial subject right before ``verb`` (SVO), if there is one."""
        end = verb
        while end > first and self.tokens.bare(end - 1) in (match_form("قد"), match_form("سوف")):
            end -= 1
        start = read_np_back(self.tokens, end, first, max_tokens=4)
        if start >= end:
            return None
        before = start - 1
        if start > first and self.tokens.bare(before) in RELATIVES:
            return None  # التي اتخذها ترامب قانونية: a relative clause, not the clause's subject
        if start == first or not self.tokens.is_word(before) or self.tokens.bare(before) in STOP_FORMS:
            return start
        return None

    def clause_subject(self, verb: int, first: int) -> str:
        """The name of an explicit subject of a verb inside the content (المعارضة وافقت على …):
        a mention, or one definite word, opening the clause right before the verb."""
        tokens = self.tokens
        form = tokens.bare(verb)
        if verb == first or form.startswith(("ال", "ب", "ل")):
            return ""
        mention = tokens.mention_at.get(verb - 1)
        if mention is not None:
            start = tokens.range_of(mention.start, mention.end).start
        elif _definite(tokens.forms[verb - 1]) and tokens.forms[verb - 1][0] not in "بلك":
            start = verb - 1
        else:
            return ""
        if self._subject_start(verb, first) != start and start != first:
            return ""
        return self.holder_name((start, verb))

    def scare_quoted(self, speaker, hit, polarity, first, limit, quote, evidence) -> bool:
        """A label in quotation marks: وصفها بـ"المحتالة", لكل "الإرهابيين", "الطلب المفرط"."""
        tokens = self.tokens
        if hit.entry.kind not in ("label", "quality"):
            return False
        open_at = next((j for j in range(hit.start - 1, max(first, hit.start - SCARE_QUOTE_MAX_TOKENS) - 1, -1)
                        if tokens.is_quote_mark(j) or not tokens.is_word(j)), None)
        close_at = next((j for j in range(hit.end, min(limit, hit.end + SCARE_QUOTE_MAX_TOKENS))
                         if tokens.is_quote_mark(j) or not tokens.is_word(j)), None)
        if open_at is None or close_at is None:
            return False
        if not (tokens.is_quote_mark(open_at) and tokens.is_quote_mark(close_at)):
            return False
        label = (open_at + 1, close_at)
        if hit.entry.category in CALAMITIES:
            return True  # ستكون "أم الحروب": a war named is no stance
        before = tokens.bare(open_at - 1) if open_at > first else ""
        if before in self.lexicon.copulas or before in MINIMISERS:
            return True  # لا يتعدى مجرد "جرائم فردية": the speaker plays it down
        if before == "ب" and any((h := tokens.hit(k)) and h.entry.category == "accusation"
                                 for k in range(max(0, open_at - FAR_PREP_WINDOW), open_at)):
            return True  # اتهم الشرطة بـ"انتهاج التعذيب": the charge, not the speaker's target
        named = self.named_as(open_at, first)
        if named is not None:
            self.emit(speaker, named, polarity, quote, evidence)
            return True
        # "وصفها بـ" / "مما أسماه": the holder of the label is named before the naming verb
        k = open_at - 1
        if k >= first and tokens.bare(k) in ("ب",):
            k -= 1
        if k >= first and any(stem in NAMING_STEMS for stem in tokens.stems(k)):
            before = k - 1
            if before >= first and tokens.bare(before) in RELATIVES:
                start = read_np_back(tokens, before, first)
                if start < before:
                    self.emit(speaker, (start, before), polarity, quote, evidence)
                    return True
            if hit.entry.kind == "quality" and label[1] - label[0] == 1:
                return True  # "ما وصفه بـ"المحتالة"": nothing named to hold it
        self.emit(speaker, label, polarity, quote, evidence)
        return True

    def named_as(self, open_at: int, first: int) -> Optional[tuple[int, int]]:
        """وصفت الحكومة العقوبات بأنها جزء من "حملة عدوان": what a naming verb names, the
        definite phrase before بأنها, takes the label's polarity (not the label itself)."""
        tokens = self.tokens
        floor = max(0, open_at - NAMING_WINDOW)  # the naming verb may be the cue, before ``first``
        naming = next((j for j in range(open_at - 1, floor - 1, -1)
                       if any(stem in NAMING_STEMS for stem in tokens.stems(j))), None)
        if naming is None:
            return None
        that = next((j for j in range(naming + 1, open_at) if tokens.forms[j] in THAT_FORMS), None)
        if that is None:
            return None
        start = that
        while start > naming + 1 and that - start < 3 and _definite(tokens.forms[start - 1]) \
                and (start - 1) not in tokens.mention_at:
            start -= 1
        return (start, that) if start < that else None

    def honorifics(self, quote: int, first: int, limit: int) -> None:
        """أيده الله after a person: the speaker favours the nearest person named before it."""
        tokens = self.tokens
        for i in range(first, limit):
            bare = tokens.bare(i)
            for phrase in self.lexicon.honorifics:
                if not phrase or phrase[0] != bare:
                    continue  # the first word decides most phrases without building the tuple
                if tuple(tokens.bare(j) if j == i else tokens.forms[j]
                         for j in range(i, min(i + len(phrase), limit))) != phrase:
                    continue
                person = next((j for j in range(i - 1, first - 1, -1)
                               if tokens.mention_at.get(j) and tokens.mention_at[j].label == "PER"), None)
                if person is not None:
                    mention = tokens.mention_at[person]
                    np = (tokens.range_of(mention.start, mention.end).start, person + 1)
                    speaker = self._quote_speaker(quote)
                    self.emit(speaker, np, "favor", quote, [" ".join(phrase)])

    def _quote_speaker(self, index: int) -> str:
        return speaker_name(self.quotes[index]) if 0 <= index < len(self.quotes) else ""

    # -- acts reported without words

    def reported_acts(self) -> None:
        """Stances in narration: أشاد X بـ Y, ينتقد X Y, الهدنة التي دعا إليها X, انتقادات من قبل X لـ Y."""
        tokens = self.tokens
        for sentence in self.doc.sentences:
            span = tokens.range_of(sentence.start, sentence.end)
            first, limit = span.start, span.stop
            i = first
            while i < limit:
                hit = tokens.hit(i)
                if hit is None or i in self.quoted or i in self.used or hit.entry.kind != "act":
                    i += 1
                    continue
                self.narrated_act(hit, first, limit)
                i = max(hit.end, i + 1)

    def narrated_act(self, hit: _Hit, first: int, limit: int) -> None:
        tokens = self.tokens
        i = hit.start
        word = " ".join(t.text for t in tokens.spans[hit.start:hit.end])
        negator = tokens.negated(i, first)
        polarity = flip(hit.entry.polarity) if negator is not None else hit.entry.polarity
        evidence = [word] if negator is None else [tokens.spans[negator].text, word]
        with self.rule("NEG" if negator is not None else ""):
            self._narrated_act(hit, i, polarity, evidence, first, limit)

    def _narrated_act(self, hit: _Hit, i: int, polarity: str, evidence: list[str], first: int, limit: int) -> None:
        tokens = self.tokens
        # الهدنة التي دعا إليها مجلس الأمن
        if i - 1 >= first and tokens.bare(i - 1) in RELATIVES and not hit.entry.object_before_prep:
            antecedent = read_np_back(tokens, i - 1, first, CLAUSE_ANTECEDENT_TOKENS)
            after = hit.end
            if after < limit and tokens.is_word(after) and tokens.bare(after) in RESUMPTIVE_PREPS:
                after += 1
            elif not self.resumptive(hit):
                # موسوي الذي رفض نتيجة الانتخابات: no pronoun returns to the antecedent, so it is
                # the subject; only a named person or organisation holds the stance
                holder = self.named_antecedent(i - 1, first)
                if holder:
                    with self.rule("N-RELATIVE-SUBJECT"):
                        self.apply_act(holder, hit, polarity, limit, -1, evidence,
                                       require_salient=hit.entry.category not in EXPLICIT_CATEGORIES)
                return
            elif after < limit and tokens.bare(after) in PREP_FORMS:
                return  # الاتفاق الذي أبرمته مع …: the subject is the verb's own pronoun
            holder = read_np(tokens, after, limit, coordinate=False, inner_prep=False)
            if antecedent < i - 1 and holder[1] > holder[0] and \
                    tokens.forms[antecedent] not in SKIPPED_ANTECEDENTS:
                with self.rule("N-RELATIVE-OBJECT"):
                    self.emit(self.holder_name(holder), (antecedent, i - 1), polarity, -1, evidence)
            return
        # انتقادات من قبل السلطات … لحيازتها
        j = hit.end
        if j + 1 < limit and (tokens.forms[j], tokens.forms[j + 1]) == BY_AGENT:
            holder = read_np(tokens, j + 2, limit, coordinate=False, inner_prep=False)
            if holder[1] > holder[0]:
                target = self._object_after(hit, holder[1], limit)
                if target:
                    with self.rule("N-BY-AGENT"):
                        self.emit(self.holder_name(holder), target, polarity, -1, evidence)
            return
        # أعرب X عن قلقه إزاء …, عبرت X، …، عن غضبها من …: the act is the subject's
        holder = self.expressed_by(i, first, limit)
        if holder:
            with self.rule("N-EXPRESSED"):
                self.apply_act(holder, hit, polarity, limit, -1, evidence,
                               require_salient=hit.entry.category not in EXPLICIT_CATEGORIES)
            return
        # …، رافضا تعويض العراق: a circumstantial participle belongs to the clause's speaker
        holder = self.participle_holder(i, first)
        if holder:
            with self.rule("N-PARTICIPLE"):
                self.apply_act(holder, hit, polarity, limit, -1, evidence,
                               require_salient=hit.entry.category not in EXPLICIT_CATEGORIES)
            return
        # SVO: أن الملا عمر رفض التخلي عن …, وكانت السلطات الإيرانية قد حكمت على …
        subject = self.svo_subject(i, first)
        if subject is not None:
            with self.rule("N-SVO"):
                self.apply_act(self.holder_name(subject), hit, polarity, limit, -1, evidence,
                               require_salient=hit.entry.category not in EXPLICIT_CATEGORIES)
            return
        # a verb opening its clause, then its subject, then its object
        at_clause_start = i == first or not tokens.is_word(i - 1)
        form = tokens.bare(i)
        with self.rule("N-SUPPORT-VERB"):
            if not at_clause_start and self.support_verb_subject(hit, first):
                return
        if not at_clause_start or has_article(tokens.spans[i].text) or (
                form[0] in PREP_CLITICS and not hit.entry.words[0].startswith(form[0])):
            return  # a masdar (الانتقاد) or a purpose phrase (لعرقلة), not a verb
        if verbal_noun_shape(tokens.spans[i].text):
            return  # وتعزيز الرقابة, حماية المسكن: a verbal noun heading a phrase, not a verb
        subject = self._subject_after(hit.end, limit)
        if subject is None or not (finite_verb_shape(tokens.spans[i].text) or self.actor_subject(subject)):
            return  # ودعم المبادرة في …, وشكر نعمة الأمن: no one acts, the phrase is a noun's
        holder = self.holder_name(subject)
        target = self._object_after(hit, subject[1], limit)
        if not target:
            return
        # واصلت الحكومة الضغط … لعرقلة الاتفاق: the purpose is the subject's too, and it ends
        # the object (which may have run into it through a name)
        at = next((k for k in range(target[0] + 1, min(target[1] + 1, limit)) if tokens.is_word(k)
                   and tokens.forms[k].startswith("ل") and (h := tokens.hit(k)) and h.entry.kind == "act"), None)
        purpose = tokens.hit(at) if at is not None else None
        if purpose is None or hit.entry.category != "pursuit":
            # what is pursued for a purpose is only its means
            with self.rule("N-VSO", "N-TITLE-NAME" if subject[0] in self._title_subjects else ""):
                self.apply_act(holder, _Hit(hit.entry, target[0], target[0]), polarity,
                               target[1] if at is None else at, -1, evidence,
                               require_salient=hit.entry.category not in EXPLICIT_CATEGORIES)
        if purpose is not None:
            with self.rule("N-VSO", "N-PURPOSE"):
                self.apply_act(holder, purpose, purpose.entry.polarity, limit, -1,
                               evidence + [tokens.spans[at].text], require_salient=True)

    def svo_subject(self, verb: int, first: int) -> Optional[tuple[int, int]]:
        """The subject of a narrated act verb when it opens the clause right before the verb
        (after أن, و, a copula كان or the sentence start; قد may stand between): a named person,
        organisation or place, or an actor noun (السلطات الإيرانية). None otherwise."""
        tokens = self.tokens
        form = tokens.spans[verb].text
        if verb <= first or has_article(form) or verbal_noun_shape(form) or tokens.forms[verb][0] in PREP_CLITICS \
                or not tokens.is_word(verb - 1):
            return None
        end = verb
        while end > first and tokens.bare(end - 1) in (match_form("قد"), match_form("لقد")):
            end -= 1
        if end <= first:
            return None
        mention = tokens.mention_at.get(end - 1)
        if mention is not None:
            start = tokens.range_of(mention.start, mention.end).start
            if mention.label not in ACTOR_LABELS:
                return None
            while start > first and _definite(tokens.forms[start - 1]) and start - 1 not in tokens.mention_at \
                    and end - start < MAX_SUBJECT_TOKENS and tokens.forms[start - 1] not in PREP_FORMS:
                start -= 1  # the title before the name: المرشد الإيراني علي خامنئي
        else:
            start = read_np_back(tokens, end, first, max_tokens=3)
            if start >= end or not _definite(tokens.forms[start]) or not self.actor_subject((start, end)):
                return None
        if start < end and tokens.forms[start][0] in PREP_CLITICS and not start in tokens.mention_at:
            return None  # للسلطات …: a prepositional phrase, not a subject
        before = start - 1
        opens = start == first or not tokens.is_word(before) or tokens.bare(before) in COMPLEMENTIZERS \
            or tokens.bare(before) in self.lexicon.copulas or tokens.forms[before] in (match_form("و"),)
        return (start, end) if opens and start < end else None

    def actor_subject(self, subject: tuple[int, int]) -> bool:
        """A subject that can hold a stance: a named person, organisation or country, a title
        (الرئيس, وزير, المتحدث) or an actor noun (الحكومة, المتظاهرون, معارضو …)."""
        tokens = self.tokens
        start, end = subject
        if any(tokens.mention_at[k].label in ("PER", "ORG", "GPE") for k in range(start, end)
               if k in tokens.mention_at):
            return True
        heads = {tokens.forms[start], tokens.bare(start), *tokens.stems(start)}
        return bool(heads & self.lexicon.actor_heads or heads & self.lexicon.holder_heads.keys()
                    or any(triggers().get(form) in ("PER", "ORG") for form in heads))

    def support_verb_subject(self, hit: _Hit, first: int) -> bool:
        """وجه ممثلو الادعاء اتهامات لمحقق: the act noun right after the subject of a support
        verb opening the clause is the subject's act. True when a stance was read."""
        tokens = self.tokens
        verbs = SUPPORT_VERBS | self.lexicon.support_verbs
        if not {tokens.forms[first], tokens.bare(first)} & verbs or hit.start <= first + 1 or tokens.bare(hit.start) in PREP_FORMS:
            return False
        subject = self._subject_after(first + 1, hit.start)
        if subject is None:
            return False
        end = subject[1]
        while end < hit.start and tokens.bare(end) in BETWEEN_ADVERBS:
            end += 1
        if end != hit.start:
            # وجه الاتحاد الانجليزي لكرة القدم | اتهاما: the words between the verb and its act noun
            # are the subject when they are few and hold no clause or punctuation
            between = range(first + 1, hit.start)
            if len(between) > SUPPORT_SUBJECT_TOKENS or hit.start in tokens.mention_at \
                    or not self.actor_subject((first + 1, hit.start)) or any(
                    not tokens.is_word(k) or tokens.forms[k] in STOP_FORMS or tokens.hit(k) for k in between):
                return False
            end = hit.start
            while end > first + 1 and tokens.bare(end - 1) in BETWEEN_ADVERBS:
                end -= 1
            subject = (first + 1, end)
            # no person named: the whole subject (الاتحاد الانجليزي لكرة القدم), not its first name
            named = any(k in tokens.mention_at and tokens.mention_at[k].label == "PER" for k in range(*subject))
            holder = self.holder_name(subject) if named else self.target_name(subject)
            with self.rule("N-SUPPORT-SUBJECT", "N-TITLE-NAME" if first + 1 in self._title_subjects else ""):
                self.apply_act(holder, hit, hit.entry.polarity, len(tokens), -1,
                               [tokens.spans[first].text, tokens.spans[hit.start].text],
                               require_salient=hit.entry.category not in EXPLICIT_CATEGORIES)
            return True
        with self.rule("N-TITLE-NAME" if subject[0] in self._title_subjects else ""):
            self.apply_act(self.holder_name(subject), hit, hit.entry.polarity, len(tokens), -1,
                           [tokens.spans[first].text, tokens.spans[hit.start].text],
                           require_salient=hit.entry.category not in EXPLICIT_CATEGORIES)
        return True

    def resumptive(self, hit: _Hit) -> bool:
        """A relative verb with an object pronoun that returns to its antecedent (أبرمتها)."""
        form, term = self.tokens.forms[hit.start], hit.entry.words[0]
        return form.endswith(("ها", "هم", "هما")) or form.endswith("ه") and not term.endswith("ه")

    def named_antecedent(self, relative: int, first: int) -> str:
        """The named person or organisation right before a relative pronoun, else ""."""
        mention = self.tokens.mention_at.get(relative - 1)
        if relative - 1 < first or mention is None or mention.label not in ("PER", "ORG"):
            return ""
        span = self.tokens.range_of(mention.start, mention.end)
        return self.holder_name((span.start, span.stop))

    def expressed_by(self, i: int, first: int, limit: int) -> str:
        """The subject of أعرب/عبر/أبدى … عن when the act at ``i`` is what was expressed."""
        tokens = self.tokens
        k = i - 1
        while k > first and tokens.bare(k) in INTENSIFIERS:
            k -= 1  # عن عظيم شكره, عن بالغ قلقه
        if k <= first or tokens.bare(k) != match_form("عن"):
            return ""
        for verb in range(k - 1, max(first, k - CLAUSE_SPAN) - 1, -1):
            if tokens.bare(verb) in EXPRESSION_VERBS and (verb == first or not tokens.is_word(verb - 1)
                                                          or tokens.bare(verb - 1) in STOP_FORMS):
                subject = self._subject_after(verb + 1, k)
                return self.holder_name(subject) if subject else ""
        return ""

    def participle_holder(self, i: int, first: int) -> str:
        """Who an accusative participle after a comma (رافضا, محذرا, مشيدا) speaks for: the
        speaker of a quote earlier in the sentence."""
        tokens = self.tokens
        form = tokens.bare(i)
        participle = len(form) >= 5 and form.endswith("ا") and (form[0] == "م" or form[1] == "ا")
        if not participle or i == first or tokens.spans[i - 1].text not in ("،", ","):
            return ""
        start = tokens.spans[first].start
        before = [q for q in self.quotes if start <= q.cue.start < tokens.spans[i].start]
        return speaker_name(before[-1]) if before else ""

    def _subject_after(self, j: int, limit: int) -> Optional[tuple[int, int]]:
        tokens = self.tokens
        if j in tokens.mention_at:
            mention = tokens.mention_at[j]
            span = tokens.range_of(mention.start, mention.end)
            # a title before the name is part of the subject: رئيس مجلس النواب بول ريان
            return j, max(span.stop, j + 1)
        start, end = read_np(tokens, j, limit, coordinate=False, inner_prep=False)
        if end <= start or start != j:
            return None
        end = min(end, start + MAX_SUBJECT_TOKENS)
        # VSO: an indefinite word after the definite subject starts the object (اقترح الاتحاد الكويتي تأجيل …);
        # a word after a name does too (الرئيس الإيراني حسن روحاني | نظيره …)
        for k in range(start + 1, end):
            if tokens.bare(k) in BETWEEN_ADVERBS:  # ألغت المحكمة العليا | الخميس | القرار
                end = k
                break
            if self.object_after_definite_subject(k):
                end = k
                break
            if k in tokens.mention_at and k - 1 in tokens.mention_at \
                    and tokens.mention_at[k] is not tokens.mention_at[k - 1]:
                end = k  # a second name right after a name is the object: هدد الرئيس ترامب | إيران
                break
            if k in tokens.mention_at:
                continue
            if k - 1 in tokens.mention_at or _definite(tokens.forms[k - 1]) and not _definite(tokens.forms[k]):
                end = k
                break
        # extend through a name that follows the title (not a country after it: انتقد الوزير | إيران),
        # but not through a second name right after a name (هدد الرئيس ترامب | إيران)
        while end in tokens.mention_at and not self.object_after_definite_subject(end) \
                and (end - 1 not in tokens.mention_at or end == start):
            end = tokens.range_of(tokens.mention_at[end].start, tokens.mention_at[end].end).stop
        return self.title_through_name(start, end, limit)

    def title_through_name(self, start: int, end: int, limit: int) -> tuple[int, int]:
        """A person's title whose complement the phrase reader stopped at, then the name:
        انتقد مدرب المنتخب الانجليزي | لكرة القدم غاريث ساوثغيت | الانطلاقة -> the subject runs
        through the name. Only when the subject opens with a person's title and names nobody."""
        tokens = self.tokens
        if any(k in tokens.mention_at and tokens.mention_at[k].label == "PER" for k in range(start, end)):
            return start, end
        if triggers().get(tokens.bare(start)) != "PER" and triggers().get(tokens.forms[start]) != "PER":
            return start, end
        for k in range(end, min(limit, end + TITLE_COMPLEMENT_TOKENS + 1)):
            if not tokens.is_word(k) or tokens.forms[k] in STOP_FORMS or tokens.forms[k] in PREP_FORMS:
                return start, end
            mention = tokens.mention_at.get(k)
            if mention is not None and mention.label == "PER":
                self._title_subjects.add(start)
                return start, tokens.range_of(mention.start, mention.end).stop
        return start, end

    def object_after_definite_subject(self, k: int) -> bool:
        """VSO with two definite phrases: the object starts at ``k`` when it is an issue or an
        act (رفضت الحكومة الإسرائيلية | الاتفاق النووي), a country or organisation (انتقد الرئيس
        الأمريكي | إيران), or an actor after a nisba adjective (انتقد الرئيس المصري | الحكومة)."""
        tokens = self.tokens
        before = tokens.forms[k - 1]
        if k - 1 in tokens.mention_at or not _definite(before) or before in PREP_FORMS \
                or before[0] in "بلك" or tokens.forms[k][0] in "بلك":
            return False  # a name ends the subject already; a preposition joins its phrase
        mention = tokens.mention_at.get(k)
        form = tokens.forms[k]
        if form.startswith("و") and (mention.start > tokens.spans[k].start if mention else form.startswith("وال")):
            return False  # الجهات الأمنية وهيئة التحقيق: a conjoined subject
        if mention is not None:
            return mention.label in ("GPE", "ORG") and tokens.range_of(mention.start, mention.end).start == k
        if not _definite(form):
            return False
        stems = set(tokens.stems(k))
        if stems & self.lexicon.issue_heads or (hit := tokens.hit(k)) and hit.entry.kind == "act":
            return True  # … | الاتفاق النووي; واصلت الحكومة | الضغط
        return bool(stems & self.lexicon.actor_heads) and NISBA_RE.search(tokens.bare(k - 1)) is not None

    def _object_after(self, hit: _Hit, j: int, limit: int) -> Optional[tuple[int, int]]:
        """The object of a narrated act after its subject, skipping an apposition between commas."""
        tokens = self.tokens
        if j < limit and tokens.spans[j].text in ("،", ","):
            close = next((k for k in range(j + 1, min(limit, j + 25)) if tokens.spans[k].text in ("،", ",")), None)
            if close is None:
                return None
            j = close + 1
        while j < limit and tokens.is_word(j) and tokens.bare(j) in BETWEEN_ADVERBS:
            j += 1
        objects = self.act_objects(_Hit(hit.entry, j - 1, j), limit)
        return objects[0] if objects else None

    # -- names and output

    def target_name(self, np: tuple[int, int]) -> str:
        """A mention's canonical name when the phrase is one mention; else the phrase's words."""
        start, end = np
        tokens = self.tokens
        mention = tokens.mention_at.get(start)
        if mention is not None and tokens.range_of(mention.start, mention.end) == range(start, end):
            return mention.canonical or mention.text
        words = [t.text for t in tokens.spans[start:end] if not t.text in QUOTE_MARKS]
        if words:
            words[0] = strip_proclitic(words[0], tokens.known)
        return " ".join(words)

    def _attested(self, name: str) -> bool:
        """Every word of ``name`` occurs in the document (a canonical form is not a mangled one)."""
        if not name:
            return False
        if self._doc_words is None:
            self._doc_words = frozenset(self.tokens.forms)
        return all(match_form(w) in self._doc_words for w in name.split())

    def holder_name(self, np: tuple[int, int]) -> str:
        """Who a narrated subject is: the person (else the first) mention in it, by its
        canonical name (الرئيس الإيراني حسن روحاني -> حسن روحاني); else its words."""
        tokens = self.tokens
        mentions = [tokens.mention_at[i] for i in range(*np) if i in tokens.mention_at]
        if mentions and np[0] not in tokens.mention_at and tokens.bare(np[0]) in self.lexicon.institution_heads \
                and "H-INSTITUTION" not in DISABLED_RULES:
            name = self.target_name(np)  # حكومة مادورو, إدارة الرئيس ترامب: the institution
            self._institution_holders.add(name)
            return name
        if mentions:
            person = next((m for m in mentions if m.label == "PER"), None)
            first = tokens.mention_at.get(np[0])
            chosen = person or first
            if chosen is not None and self._attested(chosen.canonical):
                return chosen.canonical
            if chosen is not None:
                return chosen.text
        return self.target_name(np)

    def fragment(self, np: tuple[int, int]) -> bool:
        """Not a whole noun phrase: an action (اتخاذ, بارتكاب جرائم), or a definite phrase
        running into the next clause (هذه الشعوب دفعت, السودان مجتمع)."""
        start, end = np
        tokens = self.tokens
        if start in tokens.mention_at:
            return False
        head = tokens.forms[start]
        if end - start == 1 and head in RESUMPTIVE_PREPS:
            return True
        for k in range(start, end):
            form = tokens.forms[k]
            if form in LIGHT_ACTIONS or len(form) > 3 and form[0] in "وفبل" and form[1:] in LIGHT_ACTIONS:
                return True  # إدارته من اتخاذ سياسة: the action's object is elsewhere
            if k > start and tokens.conjoined(k) and form[1] in "يتن" and not _definite(form) \
                    and not form.endswith("ات"):
                return True  # "إرهابية" ونشكر: a verb joins the next clause
        if end - start > 1 and any(stem in self.lexicon.light_heads for stem in tokens.stems(end - 1)):
            return True  # روحاني من مغبة: the frame without what it frames
        if end - start < 2 or (end - 1) in tokens.mention_at:
            return False
        last, before = tokens.forms[end - 1], tokens.forms[end - 2]
        # a last word with a clitic preposition opens a complement (الوساطة الأفريقية برئاسة …)
        return (not _definite(last) and (_definite(before) or before in DEMONSTRATIVES)
                and before not in PREP_FORMS and before[0] not in PREP_CLITICS and last[0] not in PREP_CLITICS
                and last not in RESUMPTIVE_PREPS and not tokens.is_quote_mark(end - 1)
                and (end - 2) not in tokens.mention_at)

    def self_evaluated(self, candidate: _Candidate) -> bool:
        """The evaluation is the target's own words, not the speaker's position on it: an
        act or label inside the phrase (قصفه للمتشددين, القراصنة المحتملين للبناء), a bare
        quality (عن "جيد جدا"), or favor of a condemned thing (إشاعة الفوضى)."""
        tokens, start, end = self.tokens, candidate.start, candidate.end
        head = tokens.hit(start)
        if head and head.entry.kind == "quality" and not _definite(tokens.forms[start]):
            return True
        if candidate.polarity == "favor" and head and head.entry.kind == "label" \
                and head.entry.polarity == "against" and start not in tokens.mention_at:
            return True
        # a label inside counts only under an act head: النظام في خندق الانفراد is evaluated
        head_act = bool(head) and head.entry.kind == "act"
        inside = {tokens.spans[k].text for k in range(start + 1, end)
                  if (hit := tokens.hit(k)) and (hit.entry.kind == "act" or head_act and hit.entry.kind == "label")}
        return bool(candidate.evidence) and all(word in inside for word in candidate.evidence)

    def holder_stances(self) -> None:
        """معارضو القانون الضريبي الجديد: the speaker's name says the stance."""
        for index, quote in enumerate(self.quotes):
            speaker = speaker_name(quote)
            words = speaker.split()
            if len(words) < 2 or quote.speaker is None:
                continue
            polarity = self.lexicon.holder_heads.get(match_form(strip_proclitic(words[0])))
            span = self.tokens.range_of(quote.speaker.start, quote.speaker.end)
            if polarity and len(span) > 1:
                with self.rule("Q-HOLDER-NAME"):
                    self.emit(speaker, (span.start + 1, span.stop), polarity, index, [words[0]])

    def target_actor(self, np: tuple[int, int]) -> Optional[Mention]:
        """The named actor a target phrase is: one mention (person, organisation, place), or a
        title before a person's name (الرئيس الأميركي باراك أوباما, مدرب مانشستر يونايتد جوزيه
        مورينيو). None for an issue phrase (الاتفاق النووي, العقوبات الأمريكية على إيران)."""
        start, end = np
        tokens = self.tokens
        while start < end - 1 and tokens.is_quote_mark(start):
            start += 1
        while end - 1 > start and tokens.is_quote_mark(end - 1):
            end -= 1
        mention = tokens.mention_at.get(start)
        if mention is not None and mention.label in ACTOR_LABELS \
                and tokens.range_of(mention.start, mention.end) == range(start, end):
            return mention
        last = next((tokens.mention_at[k] for k in range(end - 1, start, -1) if k in tokens.mention_at), None)
        if last is None or last.label != "PER" or tokens.range_of(last.start, last.end).stop != end:
            return None
        k = start
        first_name = tokens.range_of(last.start, last.end).start
        titles = triggers()
        while k < first_name:  # every word before the name is a title, a definite word or a name
            if k in tokens.mention_at:
                k = max(k + 1, tokens.range_of(tokens.mention_at[k].start, tokens.mention_at[k].end).stop)
                continue
            form = tokens.forms[k]
            if not (tokens.is_word(k) and (titles.get(form) == "PER" or titles.get(tokens.bare(k)) == "PER"
                                           or _definite(form) and form not in PREP_FORMS)):
                return None
            k += 1
        return last

    def actor_head(self, np: tuple[int, int]) -> tuple[int, int]:
        """A phrase that opens with a named actor and goes on with a prepositional or time
        phrase is about the actor: جعفر بناهي | في العام 2011 -> جعفر بناهي."""
        start, end = np
        tokens = self.tokens
        mention = tokens.mention_at.get(start)
        if mention is None or mention.label not in ACTOR_LABELS:
            return np
        stop = tokens.range_of(mention.start, mention.end).stop
        if start < stop < end and (tokens.forms[stop] in PREP_FORMS or tokens.bare(stop) in BETWEEN_ADVERBS):
            return start, stop
        return np

    def sentence_of(self, token: int) -> tuple[int, int]:
        """(start, end) in ``doc.text`` of the sentence holding token ``token``."""
        if self._sentence_starts is None:
            self._sentence_starts = [sentence.start for sentence in self.doc.sentences]
        offset = self.tokens.spans[token].start
        at = bisect_right(self._sentence_starts, offset) - 1
        if at < 0:
            return offset, self.tokens.spans[token].end
        sentence = self.doc.sentences[at]
        return sentence.start, max(sentence.end, self.tokens.spans[token].end)

    def stances(self) -> list[Stance]:
        results: list[Stance] = []
        for candidate in self.candidates:
            np = (candidate.start, candidate.end)
            target = self.target_name(np)
            if self.fragment(np) or self.self_evaluated(candidate) or not _keep(candidate.holder, target):
                continue
            rules = list(candidate.rules)
            trimmed = self.actor_head(np)
            if trimmed != np and "T-ACTOR-HEAD" not in DISABLED_RULES:
                np, target = trimmed, self.target_name(trimmed)
                rules.append("T-ACTOR-HEAD")
            actor = self.target_actor(np) if "T-ACTOR" not in DISABLED_RULES else None
            if actor is not None and self._attested(actor.canonical or actor.text):
                if target != (actor.canonical or actor.text):
                    rules.append("T-ACTOR")
                target = actor.canonical or actor.text
            span = make_span(self.doc.text, self.tokens.spans[np[0]].start, self.tokens.spans[np[1] - 1].end)
            sentence = self.sentence_of(candidate.start)
            stance = Stance(candidate.holder, target, candidate.polarity, candidate.quote,
                            candidate.evidence, span.start, span.end, rules=rules,
                            sentence_start=sentence[0], sentence_end=sentence[1],
                            target_kind="actor" if actor is not None else "issue")
            stance.confidence = stance_confidence(stance)
            results.append(stance)
        return merge_stances(results)


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


def _keep(holder: str, target: str) -> bool:
    """No self-stances, no pronoun or own-side targets."""
    target_words, holder_words = _words(target), _words(holder)
    if not target_words or all(w in PRONOUNS or w in FORMULAIC_TARGETS for w in target_words):
        return False
    if target_words[0] in MANNER_HEADS:
        return False  # an adverbial, not a noun phrase
    if holder_words[:1] and holder_words[0] in QUANTIFIERS:
        return False  # كل من X و Y: a group, not one holder
    if holder_words and all(w in MANNER_ADVERBS or w[1:] in MANNER_ADVERBS for w in holder_words):
        return False  # أدانوا وبشدة …: an adverb read as the speaker
    if any(w in SELF_FORMS for w in target_words):
        return False
    if len(target_words) == 1 and len(target_words[0]) >= 4 and target_words[0].endswith(("نا", "ها", "هم")):
        return False  # اقتصادنا: the speaker's own; خططها: an unresolved owner
    shorter = min(len(target_words), len(holder_words))
    return not (shorter and target_words[:shorter] == holder_words[:shorter])


class _KeptTargets:
    """The kept stances of one speaker and polarity, and which of them hold a set of words.

    Only the kept targets holding the set's rarest word are read (a speaker with
    thousands of stances compared each with every kept one).
    """

    def __init__(self) -> None:
        self.kept: list[tuple[Stance, set[str]]] = []
        self.holding: dict[str, list[int]] = {}  # word -> positions in ``kept``, in order

    def add(self, stance: Stance, words: set[str]) -> None:
        for word in words:
            self.holding.setdefault(word, []).append(len(self.kept))
        self.kept.append((stance, words))

    def first_holding(self, words: set[str]) -> Optional[Stance]:
        """The first kept stance whose target words include all of ``words``, or None."""
        if not words:
            return self.kept[0][0] if self.kept else None
        for position in min((self.holding.get(word, ()) for word in words), key=len):
            stance, kept_words = self.kept[position]
            if words <= kept_words:
                return stance
        return None


def merge_stances(stances: Iterable[Stance]) -> list[Stance]:
    """One stance per speaker, polarity and target: a target inside a longer one merges into it."""
    kept: list[Stance] = []
    # a target's words are read once (a kept target never changes), and a stance is compared
    # only with the kept stances of its own speaker and polarity, not with all of them
    kept_words: dict[tuple[str, str], _KeptTargets] = {}
    ordered = sorted(((stance, _words(stance.target)) for stance in stances), key=lambda pair: -len(pair[1]))
    for stance, target_words in ordered:
        words = set(target_words)
        same_side = kept_words.setdefault((stance.speaker, stance.polarity), _KeptTargets())
        twin = same_side.first_holding(words)
        if twin is None:
            kept.append(replace(stance, evidence=list(stance.evidence), rules=list(stance.rules)))
            same_side.add(kept[-1], words)
            continue
        twin.evidence += [e for e in stance.evidence if e not in twin.evidence]
        twin.rules += [r for r in stance.rules if r not in twin.rules]
        twin.confidence = max(twin.confidence, stance.confidence)
        if stance.quote >= 0 and (twin.quote < 0 or stance.quote < twin.quote):
            twin.quote = stance.quote
    return sorted(kept, key=lambda s: (s.quote if s.quote >= 0 else 10**9, s.target_start))


def stance_confidence(stance: Stance) -> float:
    """An estimate that ``stance`` is right, from its rules and target (``confidence_model``)."""
    model = confidence_model()
    score = model.get("intercept", 0.0)
    weights = model.get("weights", {})
    for feature in confidence_features(stance):
        score += weights.get(feature, 0.0)
    return 1.0 / (1.0 + math.exp(-score))


def confidence_features(stance: Stance) -> list[str]:
    """The features of the confidence model: rules, target kind, evidence kind, polarity, length."""
    words = len(stance.target.split())
    return ([f"rule={r}" for r in stance.rules] + [f"kind={stance.target_kind}",
            f"from_quote={stance.quote >= 0}", f"polarity={stance.polarity}", f"words={min(words, 5)}"])


@lru_cache(maxsize=1)
def confidence_model() -> dict:
    """Weights of the stance confidence model (``data/stance_confidence.json``, fitted on the
    dev part of the split by ``benchmarks/stance.py --fit-confidence``); none: 0.5 everywhere."""
    try:
        text = resources.files("qawl.data").joinpath(CONFIDENCE_FILE).read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    return json.loads(text)


def speaker_name(quote: Quote) -> str:
    """The name a stance carries: the canonical speaker, else the speaker's words."""
    if quote.speaker_canonical:
        return quote.speaker_canonical
    return quote.speaker.text if quote.speaker is not None else ""


def _cue_polarity(cue: str) -> str:
    """Polarity from the quotes stage's cue lexicon; "neutral" when it is not importable."""
    try:
        from qawl.cues import cue_polarity
    except ImportError:  # the cue lexicon is optional for this stage
        return "neutral"
    return cue_polarity(cue)


# --- public API ------------------------------------------------------------------


def extract_stances(doc: Document, quotes: Sequence[Quote], mentions: Optional[Sequence[Mention]] = None,
                    lexicon: Optional[Lexicon] = None, narrated: bool = True) -> list[Stance]:
    """Stances of the speakers of ``quotes`` (and of narrated acts when ``narrated``).

    Each ``Stance.quote`` indexes ``quotes`` (-1 for an act reported without
    words); ``target_start``/``target_end`` locate the target's words in
    ``doc.text``; ``target`` is the mention's canonical name when the target is
    one mention, else those words without a leading preposition.
    """
    finder = _StanceFinder(doc, quotes, mentions or [], lexicon or default_lexicon())
    for index, quote in enumerate(finder.quotes):
        finder.quote_stances(index, quote)
    finder.holder_stances()
    if narrated:
        finder.reported_acts()
    return finder.stances()


def stance_rows(doc: Document, stances: Iterable[Stance]) -> list[dict]:
    """Rows of the ``stances`` table for one document (columns: ``qawl.pipeline.STANCE_COLUMNS``).

    ``quote`` indexes the document's quotes; it is -1 when the stance comes from an act
    narrated without reported words (a sanction, a vote, thanks, أشاد X بـ …), and then
    ``from_quote`` is False and ``evidence_kind`` is "act". ``evidence`` holds the words that
    decided the stance, ``sentence`` (with ``sentence_start``/``sentence_end`` in the cleaned
    text) the sentence that supports it, ``rules`` the ids of ``RULES`` that made or changed
    it, ``target_kind`` "actor" (a named person, organisation or place, by its canonical name)
    or "issue" (a phrase), and ``confidence`` an estimate that the stance is right.
    """
    return [
        {
            "doc_id": doc.doc_id,
            "quote": stance.quote,
            "speaker": stance.speaker,
            "target": stance.target,
            "polarity": stance.polarity,
            "evidence": " | ".join(stance.evidence),
            "source": doc.source,
            "date": doc.date,
            "target_kind": stance.target_kind,
            "target_start": stance.target_start,
            "target_end": stance.target_end,
            "from_quote": stance.quote >= 0,
            "evidence_kind": "quote" if stance.quote >= 0 else "act",
            "sentence": doc.text[stance.sentence_start:stance.sentence_end] if stance.sentence_start >= 0 else "",
            "sentence_start": stance.sentence_start,
            "sentence_end": stance.sentence_end,
            "rules": " ".join(stance.rules),
            "confidence": round(float(stance.confidence), 3),
        }
        for stance in stances
    ]
