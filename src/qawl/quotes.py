"""Quote extraction and attribution: who said what, as citron-style spans.

A quote is a ``cue`` (the reporting word), a ``content`` span and a ``speaker``.
The extractor is rule based and works on the cleaned ``Document``:

1. quotation-mark regions per paragraph (« » “ ” and straight quotes, nested or
   unbalanced);
2. cue candidates from the lexicon (``qawl.cues``: every inflection of قال,
   أكد, أشار إلى ...), each parsed into speaker (VSO: the noun phrase after the
   verb; SVO: the one before it; pro-drop: none) and a terminal (a complementiser
   إن/أن, a colon, a quotation, or the preposition/object the verb takes);
3. attribution phrases (بحسب / وفقا لـ / نقلا عن X), verbal nouns after a
   preposition (عقب تأكيد X أن), documents as sources (جاء في البيان أن),
   بالقول after its clause's verb (اكتفى الوزير بالقول إن), clauses closed by
   على حد قوله, and headline forms (``المتحدث: قول``, the speaker being the
   name, not a clause);
4. content boundaries: to the end of the sentence, a clause stopper (، في حين)
   or the next accepted cue; cues inside another quote's content are nested
   sources, not quotes;
5. speaker resolution in reading order: named entities (when ``mentions`` are
   given), titles, descriptive noun phrases and dropped subjects, with
   gender/number agreement read off the cue's inflection.
"""
from __future__ import annotations

import logging
import math
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace
from functools import cached_property, lru_cache
from itertools import accumulate
from typing import Any, Callable, Iterable, Optional, Sequence

from qawl.arabic import TIME_NOUNS, TIME_RELATIVES, TIME_WORDS
from qawl.clean import match_form
from qawl.cues import PURPOSE_PREFIX, CueEntry, Lexicon, cue_entry, load_cues, lookup_cue
from qawl.schema import Document, Mention, Quote, Span, make_span

logger = logging.getLogger(__name__)

# --- marks and function words (matching form) -----------------------------------

OPEN_MARKS = {"«": "»", "“": "”"}
CLOSE_MARKS = {"»": "«", "”": "“"}
STRAIGHT_MARK = '"'
ALL_MARKS = frozenset('«»“”"')
MARK_RE = re.compile("[" + "".join(sorted(ALL_MARKS)) + "]")
SENTENCE_END = frozenset(".!?؟…")
COMMAS = frozenset("،,")
WORD_RE = re.compile(r"[^\W_]", re.UNICODE)
DIGIT_RE = re.compile(r"^\d")
LATIN_RE = re.compile(r"[A-Za-z]")

COMPLEMENTISERS = frozenset(
    "ان انه انها انهم انهما اننا انني اني بان بانه بانها بانهم بانهما باننا".split()
)
# "أن" after these is the narrator's conjunction (رغم أن، إلا أن، مع العلم بأن), not a complementiser.
NARRATOR_BEFORE_COMPLEMENTISER = frozenset(
    "العلم علما رغم بالرغم برغم غير الا سوي بعد قبل حيث حين لاجل دون بدون مجرد لو ولو منذ حتي بيد".split()
)
PREPOSITIONS = frozenset(
    "في من الي علي عن مع خلال اثناء عبر امام لدي حول بشان ضمن بعد قبل عقب منذ حتي نحو تجاه ازاء "
    "عند وسط حيال بسبب جراء بين فيما لدى اثر".split()
)
PARTICLES = frozenset(
    "قد لقد لا لم لن ما لما كما فيما بينما ثم حيث اذ اذا لكن ولكن كان كانت وكان وكانت فان وان "
    "ان ايضا قبل هو هي هم وهو وهي سوف سوي غير كل او ام هل لان".split()
)
# Prepositions and time nouns that take a pronoun suffix (قبلها، بعده، عندها): adverbs, never names.
ADVERB_STEMS = frozenset("قبل بعد عند حين وقت يوم اثر عقب خلال لدي".split())
PRONOUN_SUFFIXES = ("هما", "هم", "ها", "ه")
# First words of adverbial phrases that may precede a verb (وبشكل عام قال، من جهته أكد):
# a phrase starting with them is not the verb's subject.
ADVERBIAL_HEADS = frozenset(
    "بشكل بصوره بوجه بدوره بدورها بدورهم جهته جهتها جانبه جانبها ناحيته ناحيتها المقابل "
    "غضون بالمقابل بالتزامن تزامنا بالتوازي فعلا ايضا".split()
)
RELATIVES = frozenset("الذي التي الذين اللذين اللتين اللاتي اللواتي ما مما عما".split())
# Relatives that can be the subject of their clause's verb (not ما).
SUBJECT_RELATIVES = frozenset("الذي التي الذين اللذين اللتين اللاتي اللواتي".split())
# Words after which a verb starts its own clause (VSO) rather than following its subject.
CLAUSE_OPENERS = frozenset(
    "و ف كما فيما بينما ثم وقد قد لقد فقد حيث كذلك وكذلك وكما اذ فيما بعدما عندما حين لكن ولكن "
    "بل كذلك ايضا".split()
)
MONTHS_AND_DAYS = frozenset("يوم يومي يناير يونيو يوليو يونيه يوليه".split())
# Particles carrying the subject pronoun (لكنه قال، إلا أنها أكدت): the subject is dropped.
PRONOUN_CARRIERS = frozenset(
    f"{particle}{suffix}" for particle in ("لكن", "ولكن", "ان", "فان", "لان") for suffix in ("ه", "ها", "هم", "هما")
)
# Words that end a subject scanned backwards: it starts right after them.
SUBJECT_OPENERS = frozenset(
    "كان كانت وكان وكانت فان وان ان لكن ولكن بينما فيما حين حيث اذ كما ثم بل اما واما".split()
)
# First word after a comma that closes an indirect quote's content.
AS_WORD = "كما"  # …، كما أعلنت الشرطة: "as the police announced"
CLAUSE_STOPPERS = frozenset("بينما وذلك ذلك وسط عقب وفقا وفق بحسب حسب حسبما طبقا نقلا".split())
CLAUSE_STOPPER_PAIRS = frozenset({("في", "حين"), ("في", "اشاره"), ("علي", "حد"), ("في", "وقت")})
NARRATIVE_TIME_PAIRS = frozenset({("قبل", "ان")})  # "…، قبل أن ينضم": the narrator's next event
# The veiled object of كشف النقاب عن / أزاح الستار عن: "unveiled", never part of the subject.
VEIL_OBJECTS = frozenset("النقاب الستار اللثام".split())
DEMONSTRATIVES = frozenset("هذا هذه هؤلاء ذلك تلك".split())
# Relational (nisba) adjective endings, matching form: السياسية، الأمريكي، العراقيين.
NISBA_ENDINGS = ("ي", "يه", "يين", "يون", "يان", "يتان", "يتين", "يات")
# Common adjectives that are not nisba forms: they extend a definite noun phrase, never start one.
ADJECTIVES = frozenset(
    "عام عامه جديد جديده سابق سابقه كبير كبري اكبر متحده دائم دائمه مساعد اول اولي ثاني ثانيه خاص "
    "خاصه مكلف مستقل مستقله مشترك مشتركه عليا مؤقت مؤقته حالي منتهيه ولايته منتخب منتخبه عامل عامله "
    "مفوض مقيم معني معنيه مختص مختصه".split()
)
# Words inside a name after which the next word belongs to it (آل الشيخ، بن سلمان).
NAME_LINKS = frozenset("ال بن ابن بنت ابو ابي ام عبد ذو ذي".split())
# Prepositions before a verbal noun that reports (عقب تأكيد X أن، بعد دعوة X إلى).
NOUN_FRAME_PREPS = frozenset("عقب بعد اثر في خلال وسط مع رغم منذ ازاء لدي تزامنا".split())
# Prepositional words inside a speaker's title (المتحدث باسم الوزارة).
NAME_PREPOSITIONS = frozenset(["باسم"])
# كان + present verb after an indefinite source: a relative clause describing it (شخص كان يسكن المنطقة).
LINKING_VERBS = frozenset("كان كانت كانوا".split())
# Broken plurals naming groups of people (the sound plurals are told by their ending).
PLURAL_HEADS = frozenset("مصادر شهود خبراء سكان ملاك نشطاء مسؤولو اهالي اهل طلاب عمال محتجون متظاهرون جنود ضباط اطباء".split())
OBJECT_PRONOUNS = frozenset("ه ها هم هما نا كم".split())
OBJECT_CARRIERS = frozenset(f"ايا{suffix}" for suffix in OBJECT_PRONOUNS)
# Objects pointing back at what was said before the verb (أعلن ذلك الوزير).
ANAPHORIC_OBJECTS = frozenset("ذلك هذا".split())
# A preposition carrying a pronoun (إليه، بموجبه، عليها): a complement, never a subject.
PREPOSITION_PRONOUN_RE = re.compile(r"^(?:ب|ل|الي|علي|عن|من|في|مع|بموجب|لدي|عند|حول|ضد)(?:ه|ها|هم|هما|هن|نا|كم)$")
# Verbs whose object comes with بـ although بـ brings no reported words (أشاد بكلمة).
BA_OBJECT_LEMMAS = frozenset("أشاد رحب ندد نوه".split())
# بـ-words that open a subject (وطالب بعض النواب).
BA_SUBJECT_WORDS = frozenset(["بعض"])
# كان before a subject whose verb comes after قد (وكان تيباس قد قال): a pluperfect clause.
KANA_FORMS = frozenset("كان كانت وكان وكانت فكان فكانت".split())
# أما that sets up a topic which the فـ-verb after it takes as subject (أما داوود فاتهم).
TOPIC_MARKERS = frozenset("اما واما".split())
# Prepositions opening an adjunct topic (أما على الصعيد الداخلي فقال الوزير).
TOPIC_ADJUNCTS = frozenset("علي عن في من الي مع حول بشان الان هنا بعد قبل".split())
# Words of a quoted name that may stand as a subject (أردف "عبد المجيد"، شبكة "فيسبوك").
MAX_QUOTED_NAME_WORDS = 3
# Words a pluperfect subject may run over before قد (its relative clause, apposition).
MAX_KANA_SPAN = 25
# "وهذا ما أكده X": pronouns before the relative ما that point back at the clause before.
ANAPHORIC_SUBJECTS = frozenset("هذا وهذا ذلك وذلك هو وهو هي وهي".split())
# "…، على ما نقلت وكالة X": the clause before is what the agency reported.
BACK_POINTERS = ANAPHORIC_SUBJECTS | {"علي"}
# Cues that go on with the same speaker's words even without أن or a colon (وأضاف في كل …).
CONTINUATION_LEMMAS = frozenset("أضاف تابع أردف استطرد".split())
MIN_CONTINUATION_WORDS = 6
# "قال بعدها الأخير": the one named last before the cue.
LATTER = {"الاخير": "m", "الاخيره": "f"}
# A damma on a verb's first letter marks the passive (يُرى، أُعلن).
DAMMA, SHADDA, FATHATAN = "\u064f", "\u0651", "\u064b"
# Nouns of relation that take the pronoun of the one they relate to (نظيره، زميلها).
RELATIONAL_NOUNS = frozenset("نظير نظيره نظراء زميل زميله زملاء حليف حلفاء خصم خصوم منافس مضيف ضيف".split())
# Words that make "ما" after them a conjunction (بقدر ما، مثل ما), not a relative object.
DEGREE_WORDS = frozenset("بقدر قدر مثل كل اكثر اقل".split())
# "في الوقت ذاته / نفسه": the same time, an adjunct.
SAME_WORDS = frozenset("ذاته نفسه".split())
# "في وقت سابق": the words that make في وقت a time adjunct.
TIME_QUALIFIERS = frozenset("سابق مضي لاحق متاخر مبكر".split())
CONJUNCTIONS_WAW_FA = frozenset("وف")
# Prepositions as written (with ى and hamza): a tagger's one-word name spelled so is the preposition.
PREPOSITION_SPELLINGS = frozenset("على إلى في من عن مع".split())
# لها، فيه، عليهم: a preposition carrying a pronoun, right after a verb and before its subject.
PREPOSITION_PRONOUNS = frozenset(f"{prep}{suffix}" for prep in ("ل", "في", "علي") for suffix in ("ه", "ها", "هم", "هما"))
# "اكتفى الوزير بالقول إن": بالقول after the clause's own verb and subject.
SAYING_NOUNS = frozenset("بالقول".split())
MAX_SAYING_GAP = 8
# One-letter abbreviations of titles written with a dot (د. = دكتور، م. = مهندس، أ. = أستاذ).
TITLE_ABBREVIATIONS = frozenset("د م ا".split())
MAX_INITIAL_LETTERS = 3  # إيه.بي.سي: each spelt-out letter is at most three letters long
# "وجاء في البيان أن": the verb that makes a document (DOCUMENT_HEADS, document speaker heads) a source.
DOCUMENT_VERBS = frozenset("جاء وجاء".split())
DOCUMENT_HEADS = frozenset("تقرير رساله نص وثيقه شهاده بيان بلاغ مذكره دراسه قرار حكم لائحه".split())
DOCUMENT_CUE = CueEntry("جاء", lemma="جاء في", kind="verb", polarity="neutral", complements=("أن",),
                        strength=0.9, tense="past", gender="m", number="s")
# "كل من X و Y": the list of speakers starts after these two words.
LIST_OPENER = ("كل", "من")
CONTENT_OPENERS = frozenset("فان فقد وان ان".split())

BUT = frozenset("لكن ولكن".split())
# a person's political colour, never part of the name: ويصر لولا اليساري على براءته
EPITHETS = frozenset(
    match_form(word)
    for word in "اليساري اليميني الاشتراكي الشيوعي الليبرالي المحافظ الإصلاحي المتشدد الوسطي الشعبوي".split()
)
# بين + the parties after a participle: ينص العقد الموقع بين الطرفين أن
BETWEEN = "بين"

MAX_SPEAKER_WORDS = 10
MAX_TITLE_BEFORE = 12  # title words read before a name (وزير الخارجية الأمريكي جون كيري)
PREPOSITION_LETTERS = frozenset("لبك")  # proclitic prepositions: a name after one is an object
MAX_TITLE_AFTER = 6  # apposed title words read after it (جون كيري، وزير الخارجية)
MAX_DESCRIPTION_WORDS = 8  # a longer speaker phrase is not a title to resolve
MAX_TITLE_LOOKS = 60  # candidate names tried per description (bounded: no super-linear path)
MAX_SUBJECT_WORDS = 8
TERMINAL_WINDOW = 30
FRAME_WINDOW = 14
MIN_SPEECH_WORDS = 4
MAX_NAME_WORDS = 4
MAX_TITLE_WORDS = 12
MAX_HEADLINE_SPEAKER_WORDS = 5
LINK_WORDS = frozenset(["رابط"])  # رابط الخبر بصحيفة الوئام: … (a link line of SaudiNewsNet pages)
MAX_HEADLINE_WORDS = 30
MAX_APPOSITION_GAP = 12
MAX_RELAY_GAP = 16
MAX_PROPOSITION_GAP = 3
OVERLAP_DUPLICATE = 0.5
REPEAT_SHARE = 0.75
MENTION_PRIORITY = {"PER": 0, "ORG": 1, "LOC": 2, "MISC": 3}

# Confidence by how the content was found (before the cue's own strength).
BASE_CONFIDENCE = {
    "quote": 0.95,
    "colon": 0.85,
    "that": 0.9,
    "prep": 0.7,
    "obj": 0.55,
    "attribution": 0.7,
    "headline": 0.75,
    "after_quote": 0.8,
    "closer": 0.7,
    "back": 0.7,
}
UNBALANCED_PENALTY = 0.6
PRONOUN_PENALTY = 0.9
NO_SPEAKER_PENALTY = 0.7


@lru_cache(maxsize=200_000)
def _key(word: str) -> str:
    return match_form(word)


@lru_cache(maxsize=200_000)
def _token_shape(text: str) -> tuple[str, bool]:
    """A token text's matching form and whether it holds a letter or digit (cached: words repeat)."""
    return _key(text), bool(WORD_RE.search(text))


# --- tokens and quotation regions -------------------------------------------------


@dataclass
class _Token:
    start: int
    end: int
    text: str
    key: str
    is_word: bool
    region: int = -1  # index of the quotation region holding the token, -1 outside


@dataclass
class _Region:
    start: int  # offset of the opening mark
    end: int  # offset just after the closing mark (block end when unbalanced)
    balanced: bool
    first: int = -1  # first token index inside the marks
    last: int = -1  # last token index inside the marks (inclusive)
    open_token: int = -1
    close_token: int = -1

    @property
    def words(self) -> int:
        return max(0, self.last - self.first + 1) if self.first >= 0 else 0


def quote_regions(text: str, start: int = 0, end: Optional[int] = None) -> list[tuple[int, int, bool]]:
    """Outermost quotation regions of ``text[start:end]`` as (start, end, balanced).

    Guillemets and curly quotes pair with their partner, straight quotes toggle;
    an opening mark left unclosed runs to ``end`` and is reported unbalanced; a
    stray closing mark opens a quotation right after a colon and is ignored elsewhere.
    """
    end = len(text) if end is None else end
    stack: list[tuple[str, int]] = []
    regions = []
    for mark in MARK_RE.finditer(text, start, end):  # only the marks matter: jump between them
        offset, char = mark.start(), mark.group()
        if char in OPEN_MARKS:
            stack.append((char, offset))
        elif char in CLOSE_MARKS:
            opener = CLOSE_MARKS[char]
            depth = next((i for i in range(len(stack) - 1, -1, -1) if stack[i][0] == opener), None)
            if depth is None:
                if text[max(start, offset - 3) : offset].rstrip().endswith(":"):
                    stack.append((opener, offset))  # قال :” لست قلقا”: a closing mark typed for the opening one
                continue
            if depth == 0:
                regions.append((stack[0][1], offset + 1, True))
            del stack[depth:]
        elif stack and stack[-1][0] == STRAIGHT_MARK:
            if len(stack) == 1:
                regions.append((stack[0][1], offset + 1, True))
            stack.pop()
        else:
            stack.append((STRAIGHT_MARK, offset))
    if stack:
        regions.append((stack[0][1], end, False))
    return regions


@dataclass
class _Block:
    span: Span
    tokens: list[_Token]
    regions: list[_Region]

    # indexes built on first use: a walk to a sentence's edge becomes a bisect (a one-line
    # page is one block of thousands of cues, each walking its whole sentence)

    @cached_property
    def opening(self) -> dict[int, int]:
        """Token index -> index of the (first) region that token opens."""
        found: dict[int, int] = {}
        for index, region in enumerate(self.regions):
            found.setdefault(region.open_token, index)
        return found

    @cached_property
    def closing(self) -> dict[int, _Region]:
        """Token index -> the (first) region that token closes."""
        found: dict[int, _Region] = {}
        for region in self.regions:
            found.setdefault(region.close_token, region)
        return found

    @cached_property
    def sentence_ends(self) -> list[int]:
        """Tokens that end a sentence outside quotation marks, in order."""
        tokens = self.tokens
        return [t for t, token in enumerate(tokens)
                if token.text in SENTENCE_END and token.region < 0 and _ends_sentence(tokens, t)]

    @cached_property
    def words_before(self) -> list[int]:
        """``words_before[t]``: how many word tokens come before token ``t``."""
        return [0, *accumulate(token.is_word for token in self.tokens)]

    def word_count(self, start: int, end: int) -> int:
        """``sum(token.is_word for token in tokens[start:end])`` for ``0 <= start``."""
        end = min(end, len(self.tokens))
        return self.words_before[end] - self.words_before[start] if start < end else 0

    @cached_property
    def conjoined_cues(self) -> list[int]:
        """Tokens read as a conjunction + cue (وقال), in order."""
        return [t for t, token in enumerate(self.tokens) if lookup_cue(token.key)[1]]

    @cached_property
    def colons_and_open_marks(self) -> list[int]:
        """Colons and quotation marks outside any quotation, in order."""
        return [t for t, token in enumerate(self.tokens)
                if token.text == ":" or (token.text in ALL_MARKS and token.region < 0)]


def _first_in(indices: list[int], start: int, end: int) -> Optional[int]:
    """The first of the sorted ``indices`` in ``[start, end)``, or None."""
    at = bisect_left(indices, start)
    return indices[at] if at < len(indices) and indices[at] < end else None


def _block_tokens(doc: Document, block: Span, cursor: int) -> tuple[list[_Token], int]:
    tokens, spans = [], doc.tokens
    while cursor < len(spans) and spans[cursor].start < block.end:
        span = spans[cursor]
        if span.start >= block.start:
            tokens.append(_Token(span.start, span.end, span.text, *_token_shape(span.text)))
        cursor += 1
    return tokens, cursor


def _attach_regions(block: Span, tokens: list[_Token], text: str) -> list[_Region]:
    regions = [_Region(s, e, b) for s, e, b in quote_regions(text, block.start, block.end)]
    starts = [token.start for token in tokens]
    for index, region in enumerate(regions):
        # only tokens starting within [region.start, region.end] can open it or lie inside it
        first, last = bisect_left(starts, region.start), bisect_right(starts, region.end)
        for t in range(first, last):
            token = tokens[t]
            if token.start == region.start:
                region.open_token = t
            elif region.start < token.start and token.end <= region.end:
                if token.text in ALL_MARKS and token.end == region.end and region.balanced:
                    region.close_token = t
                    continue
                token.region = index
                region.first = t if region.first < 0 else region.first
                region.last = t
    return regions


def _blocks(doc: Document) -> list[_Block]:
    blocks, cursor = [], 0
    for block in doc.blocks:
        tokens, cursor = _block_tokens(doc, block, cursor)
        blocks.append(_Block(block, tokens, _attach_regions(block, tokens, doc.text)))
    return blocks


# --- named rules -----------------------------------------------------------------------
# Every rule that makes a quote or picks its speaker has an id; each quote records the ids
# of the rules that produced it (``Quote.rules``, the ``rules`` column of the quotes table).
# The rules added for issue 14 can be switched off for tests: put their id in DISABLED_RULES.
RULES: dict[str, str] = {
    # how the content was found (one per BASE_CONFIDENCE method)
    "Q-QUOTE": "a cue whose content is a quotation (قال: «…», «…» قال)",
    "Q-COLON": "a cue followed by a colon and unquoted words",
    "Q-THAT": "a cue with a that-clause (قال إن، أكد أن)",
    "Q-PREP": "a cue with the preposition its verb takes (دعا إلى، أشار إلى، اتهم … بـ)",
    "Q-OBJ": "a cue with a noun-phrase or proposition object (أعلن X، أكد ضرورة X)",
    "Q-ATTRIB": "an attribution phrase (بحسب / وفقا لـ / نقلا عن X) before or after the words",
    "Q-HEADLINE": "a headline form: speaker, colon, statement (روحاني: …)",
    "Q-AFTER-QUOTE": "a quotation followed by its cue and speaker («…»، قال X)",
    "Q-CLOSER": "a clause closed by على حد قوله",
    "Q-BACK": "a cue that points back to words before it (أعلن ذلك X)",
    # speakers
    "Q-CONCLUDE": "a finding verb with its that-clause right after إلى (توصل التقرير إلى أن، خلصت الدراسة إلى أن); "
                  "data: cues.json that_after",
    "Q-LINK-LINE": "a link line (رابط الخبر بصحيفة الوئام: <title>) is no headline quote: it repeats the page's "
                   "title (it makes no quote; disabling it brings the spurious headline back)",
    # content boundaries
    "B-TIME-CLAUSE": "an unquoted content ends before \"، قبل أن\" (the narrator's next event: كشف أن X، قبل أن ينضم …)",
    "B-CIRCUMSTANTIAL": "an unquoted content ends before an accusative participle of an act verb that is no cue "
                        "(… متناولا / مستعرضا): the speaker's next act; data: cues.json circumstantial",
    "S-NAMED": "the speaker phrase holds a name mention: its canonical name",
    "S-FULL-NAME": "a name mention that runs past the speaker phrase with name words only (… إبراهيم بن سليمان "
                   "| الخميس) gives its whole name, not the clipped part",
    "S-PHRASE": "the speaker phrase as written (no name in it, nothing earlier it refers to)",
    "S-PRONOUN": "a pronoun subject (هو، وهي) resolved to the last agreeing speaker",
    "S-DROPPED": "a dropped subject resolved to the last agreeing speaker or the name in its sentence",
    "S-LATTER": "الأخير / الأخيرة resolved to the person named last",
    "S-REFERS-BACK": "a short or descriptive phrase (المصادر، كيري) resolved to an earlier speaker it names",
    "S-TITLE-NAME": "a definite description without a name (الوزير، الرئيس الأمريكي، المنظمة، الدراسة) resolved to "
                    "the name the article gives it: the nearest earlier (else the first later) name whose title "
                    "words, before it or apposed after it, hold every word of the description",
}
DISABLED_RULES: set[str] = set()  # ids of rules switched off (tests monkeypatch this)

METHOD_RULES = {
    "quote": "Q-QUOTE", "colon": "Q-COLON", "that": "Q-THAT", "prep": "Q-PREP", "obj": "Q-OBJ",
    "attribution": "Q-ATTRIB", "headline": "Q-HEADLINE", "after_quote": "Q-AFTER-QUOTE",
    "closer": "Q-CLOSER", "back": "Q-BACK",
}


def rule_on(rule_id: str) -> bool:
    """Whether the rule ``rule_id`` (a key of ``RULES``) is switched on."""
    return rule_id not in DISABLED_RULES



# --- candidates ------------------------------------------------------------------------


@dataclass
class _Candidate:
    block: int
    cue: tuple[int, int]  # token range of the cue (end exclusive)
    entry: CueEntry
    method: str  # key of BASE_CONFIDENCE
    content_start: int  # token index
    content_end: int = -1  # token index, exclusive; -1 until bounded
    speaker: Optional[tuple[int, int]] = None  # token range of the speaker noun phrase
    boundary: bool = True  # starts a new clause: ends the content before it
    region: int = -1  # the quotation region that is the whole content (direct quotes)
    start_token: int = 0  # first token of the construction (subject or cue)
    embedded: str = ""
    accepted: bool = True
    content_block: int = -1  # block of the content when it is not the cue's (أعلن ذلك X after a paragraph)
    rules: tuple[str, ...] = ()  # ids (RULES) of the rules that made this candidate, besides its method's

    @property
    def text_block(self) -> int:
        return self.block if self.content_block < 0 else self.content_block


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
    )


def _is_adverb_with_pronoun(key: str) -> bool:
    """قبلها، بعده، عندهم: a preposition or time noun carrying a pronoun."""
    return any(key.endswith(suffix) and key[: -len(suffix)] in ADVERB_STEMS for suffix in PRONOUN_SUFFIXES)


def _is_cue_token(token: _Token, kinds: tuple[str, ...] = ("verb", "participle")) -> bool:
    entry = lookup_cue(token.key)[0]
    return entry is not None and entry.kind in kinds and entry.person == 3


class _Extractor:
    """One document's extraction state: tokens, regions, mentions, candidates."""

    def __init__(self, doc: Document, mentions: Optional[Sequence[Mention]]):
        self.doc = doc
        self.lexicon: Lexicon = load_cues()
        self.blocks = _blocks(doc)
        self.document_heads = DOCUMENT_HEADS | self.lexicon.heads["document"]
        # "على" tagged as the name علي: as written, it is the preposition
        named = [m for m in mentions or [] if m.text.strip() not in PREPOSITION_SPELLINGS]
        self.mentions = sorted(named, key=lambda m: (m.start, -m.end))
        # the furthest end among the first i+1 mentions: mentions before the first reach
        # past an offset all end before it (bisect instead of a scan from the start)
        self.mention_reach = list(accumulate((m.end for m in self.mentions), max))
        self.token_mention: list[dict[int, Mention]] = [self._map_mentions(b) for b in self.blocks]
        # the family name of a person named in full (البنيان of عمر بخيت البنيان) names them
        # wherever the tagger missed it alone
        self.surnames: dict[str, Mention] = {}
        for mention in self.mentions:
            words = _key_text(mention.text).split()
            if mention.label == "PER" and len(words) >= 2 and len(words[-1]) > 3:
                self.surnames.setdefault(words[-1], mention)
        # subjects of cues that reported nothing: later dropped subjects may refer to them
        self.loose_agents: list[tuple[int, tuple[int, int], CueEntry]] = []
        self._people: dict[int, list[int]] = {}

    # -- mentions --

    def _map_mentions(self, block: _Block) -> dict[int, Mention]:
        """Token index -> the mention over it, PER before ORG before LOC before MISC (the first of a rank)."""
        found: dict[int, Mention] = {}
        tokens = block.tokens
        if not self.mentions or not tokens:
            return found
        starts, ends = [token.start for token in tokens], [token.end for token in tokens]
        # mention by mention, in order, each over the tokens it overlaps (found by bisect):
        # every token sees its mentions in the same order as a scan per token would
        for mention in self._mentions_in(tokens[0].start, tokens[-1].end):
            first = bisect_right(ends, mention.start)
            for t in range(first, bisect_left(starts, mention.end, lo=first)):
                best = found.get(t)
                if best is None or MENTION_PRIORITY.get(mention.label, 9) < MENTION_PRIORITY.get(best.label, 9):
                    found[t] = mention
        return found

    def _mentions_in(self, start: int, end: int) -> Iterable[Mention]:
        mentions = self.mentions
        for i in range(bisect_right(self.mention_reach, start), len(mentions)):
            mention = mentions[i]
            if mention.start >= end:
                break
            if mention.end > start:
                yield mention

    def mention_at(self, b: int, t: int) -> Optional[Mention]:
        return self.token_mention[b].get(t)

    @cached_property
    def title_index(self) -> dict[str, list[tuple[int, Mention, frozenset]]]:
        """Title word (``_title_key``) -> (offset, mention) of each PER/ORG name it describes, in
        text order: the words before the name in its clause (up to the previous name or mark), and
        the title apposed after it (جون كيري، وزير الخارجية). One pass over the tokens."""
        index: dict[str, list[tuple[int, Mention]]] = {}
        heads = self.lexicon.heads
        title_heads = heads["person"] | heads["organisation"] | heads["media"] | heads["document"]
        for b, block in enumerate(self.blocks):
            tokens, mapped = block.tokens, self.token_mention[b]
            t = 0
            while t < len(tokens):
                mention = mapped.get(t)
                if mention is None or mention.label not in ("PER", "ORG"):
                    t += 1
                    continue
                end = t
                while end < len(tokens) and (mapped.get(end) is mention or not tokens[end].is_word and tokens[end].text in ALL_MARKS):
                    end += 1
                words: set[str] = set()
                u = t - 2 if t > 1 and tokens[t - 1].text in COMMAS else t - 1  # الرئيس الأمريكي، دونالد ترامب
                if self.governed(tokens[t], mention) and not (t > 0 and self.is_document(tokens[t - 1], heads)):
                    u = -1  # كشفت مصادر في المعارضة للجزيرة: no title, but بيان للقوات: the forces' statement
                while u >= 0 and t - u <= MAX_TITLE_BEFORE and not _stops_title(mapped.get(u), mention):
                    if not tokens[u].is_word:
                        if tokens[u].text not in ALL_MARKS or u < t - 1:
                            break  # a mark other than the name's own opens a quote the title is not in
                    elif self.ends_title(tokens[u]) and not self.made_by(tokens, u, t):
                        break  # أكد المرصد أن عزيز إسبر: the clause before the name is no title
                    else:
                        words.add(_title_key(tokens[u].key))
                    u -= 1
                v = end + 1 if end < len(tokens) and tokens[end].text in COMMAS else end
                if v < len(tokens) and tokens[v].is_word and (
                    _strip_noun(tokens[v].key) in title_heads or tokens[v].key in title_heads or _looks_adjective(tokens[v].key)
                ):
                    after: set[str] = set()
                    while v < len(tokens) and v - end <= MAX_TITLE_AFTER and tokens[v].is_word and not _stops_title(mapped.get(v), mention):
                        if (_is_stop_key(tokens[v].key) and not tokens[v].key.startswith("لل")) or self.ends_title(tokens[v]):
                            break
                        after.add(_title_key(tokens[v].key))
                        v += 1
                    following = mapped.get(v + 1) if v + 1 < len(tokens) and tokens[v].text in COMMAS else None
                    if following is None or following.label != "PER":  # ظريف، الرئيس الأمريكي، دونالد ترامب
                        words |= after
                words.update(_title_key(k) for k in _key_text(mention.text).split())
                frozen = frozenset(words)
                for word in frozen:
                    index.setdefault(word, []).append((tokens[t].start, mention, frozen))
                t = end
        return index

    @staticmethod
    def is_document(token: _Token, heads: dict) -> bool:
        """A statement, report or study head (بيان، تقرير): its ل-phrase names its author."""
        return token.is_word and (token.key in heads["document"] or _strip_noun(token.key) in heads["document"])

    def governed(self, token: _Token, mention: Mention) -> bool:
        """Whether the name is the object of a preposition glued to it (للجزيرة، بالحكومة، لكيري)."""
        surface, canonical = mention.text, mention.canonical or ""
        if token.start < mention.start:  # the tagger left the clitics out of the mention
            return any(letter in PREPOSITION_LETTERS for letter in self.doc.text[token.start:mention.start])
        return bool(canonical) and surface[:1] in PREPOSITION_LETTERS and surface != canonical \
            and not canonical.startswith(surface[:1])

    @staticmethod
    def made_by(tokens: list[_Token], u: int, name: int) -> bool:
        """الدراسة التي أجرتها «أرقام»، التقرير الذي أعده X: a relative whose verb, with a pronoun for
        the thing made, comes right before the name: the thing's title goes to its maker."""
        if tokens[u].key not in SUBJECT_RELATIVES:
            return False
        verb = u + 1
        rest = [tok for tok in tokens[verb + 1 : name] if tok.is_word or tok.text not in ALL_MARKS]
        return verb < name and tokens[verb].is_word and tokens[verb].key.endswith(("ها", "ه")) and not rest

    @staticmethod
    def ends_title(token: _Token) -> bool:
        """A word that no title holds: a complementiser, relative or reporting verb."""
        key = token.key
        if key in COMPLEMENTISERS or key in RELATIVES or key in TIME_WORDS:
            return True
        entry = lookup_cue(key)[0]
        return entry is not None and entry.kind == "verb"

    def named_by_title(self, keys: list[str], position: int, labels: tuple[str, ...]) -> Optional[Mention]:
        """The name whose title words hold every word of ``keys``: the nearest before ``position``,
        else the first after it (``S-TITLE-NAME``)."""
        wanted = {_title_key(k) for k in keys if k not in DEMONSTRATIVES}
        wanted.discard("")
        if not wanted:
            return None
        index = self.title_index
        lists = [index.get(w, []) for w in wanted]
        rarest = min(lists, key=len)
        if not rarest:
            return None
        i = bisect_left(rarest, position, key=lambda entry: entry[0])

        def fits(entry: tuple[int, Mention, frozenset]) -> bool:
            return entry[1].label in labels and wanted <= entry[2]

        before = rarest[max(0, i - MAX_TITLE_LOOKS) : i]
        for entry in reversed(before):
            if fits(entry):
                return entry[1]
        for entry in rarest[i : i + MAX_TITLE_LOOKS]:
            if fits(entry):
                return entry[1]
        return None

    # -- noun phrases --

    def speaker_forward(self, b: int, start: int, limit: int, split_object: bool = False) -> int:
        """End (exclusive) of the noun phrase that starts at token ``start``.

        With ``split_object`` (a cue that takes whom it aims at as an object:
        طالبت القوى السياسية رئيسَ الوزراء بـ) the phrase ends where a second
        noun phrase starts.
        """
        end = self._noun_phrase_end(b, start, limit)
        return self._object_start(b, start, end) if split_object else end

    def _noun_phrase_end(self, b: int, start: int, limit: int) -> int:
        tokens, regions = self.blocks[b].tokens, self.blocks[b].regions
        t, words = start, 0
        while t < limit and words < MAX_SPEAKER_WORDS:
            token = tokens[t]
            if token.text in ALL_MARKS and t + 1 < limit:
                region = self.region_opening_at(b, t)
                # a quoted name inside the phrase: وكالة أنباء الصين الجديدة "شينخوا",
                # منظمة “هيومن رايتس ووتش” (longer after a word that introduces a name)
                longest = MAX_NAME_WORDS if words and self.introduces_name(tokens[t - 1].key) else 2
                if words == 0 and self.quoted_subject(b, region, limit):
                    t = region.close_token + 1
                    words += region.words
                    continue  # أردف "عبد المجيد" في روايته، أوضح «بابا جيف»، أستاذ
                if region is None or not region.balanced or not 0 < region.words <= longest or words == 0:
                    break
                t = region.close_token + 1 if region.close_token > 0 else region.last + 1
                continue
            if words >= 2 and self.parties_after_participle(tokens, t, limit):
                t += 2
                words += 2
                continue
            if words and self.ends_before_prefixed(b, start, t):
                break  # المنظمة | بفتح، الشيخ | لـCNN: the verb's object or addressee, not the name
            if words and self.continues_description(b, start, t):
                t += 2 if tokens[t].key in LINKING_VERBS else 1
                words += 1
                continue
            if words and _is_initialism_dot(tokens, t):
                t += 1  # إي.واي الاستشارية: the dot is inside the name
                continue
            if _is_title_abbreviation(tokens, t):
                t += 1  # د. بدر السمحان; the name after it even when it looks like a particle (د. علي)
                if t < limit and tokens[t].is_word and tokens[t].region < 0:
                    t += 1
                    words += 1
                continue
            if not token.is_word or (_is_stop(token) and not self.inside_name(b, t)) or token.key in PRONOUN_CARRIERS:
                break  # … العمير | ولكنه عاد: the next clause
            if _is_cue_token(token, ("verb", "participle", "noun", "phrase")):
                break  # أجاب قائلا: / عن X قوله
            if self.is_proposition_noun(tokens, t, start) or self.is_veil(b, t):
                break  # جدد الوزير التزام بلاده، كشفت الوزارة النقاب عن: the object, not more of the name
            words += 1
            t += 1
        if words >= 2:
            t = self._bracketed_acronym(b, t, limit)
        return self._extend_to_mention(b, start, t, limit)

    def is_veil(self, b: int, t: int) -> bool:
        """كشف النقاب عن: the veiled object before عن (not a name: عبد الكريم النقاب)."""
        tokens = self.blocks[b].tokens
        mention = self.mention_at(b, t)
        return tokens[t].key in VEIL_OBJECTS and t + 1 < len(tokens) and tokens[t + 1].key == "عن" and (
            mention is None or mention.label != "PER"
        )

    def inside_name(self, b: int, t: int) -> bool:
        """فان in لويس فان جال، فان دايك: a particle-like word that a tagged person's name goes on past."""
        mention = self.mention_at(b, t)
        return mention is not None and mention.label == "PER" and mention.end > self.blocks[b].tokens[t].end

    def quoted_subject(self, b: int, region: Optional[_Region], limit: int) -> bool:
        """A short quoted name right after the verb, followed by a comma or more words rather
        than the end of the sentence (أضاف "سنفوز". is a quotation). The tagger must have
        found a name inside: وقال "الوضع صعب"، مضيفا is a quotation."""
        tokens = self.blocks[b].tokens
        if region is None or not region.balanced or not 0 < region.words <= MAX_QUOTED_NAME_WORDS:
            return False
        verb = lookup_cue(tokens[region.open_token - 1].key)[0] if region.open_token > 0 else None
        if verb is None or verb.kind != "verb":
            return False  # بحسب «رويترز»، أضاف الاتحاد: an attribution, not a subject
        named = (self.mention_at(b, k) for k in range(region.first, region.last + 1))
        if not any(m is not None and m.label in ("PER", "ORG") for m in named):
            return False
        after = region.close_token + 1
        if after >= limit or tokens[region.first].key in COMPLEMENTISERS:
            return False
        nxt = tokens[after]
        return nxt.text in COMMAS or (nxt.is_word and nxt.key not in COMPLEMENTISERS and not _is_cue_token(nxt))

    def parties_after_participle(self, tokens: list[_Token], t: int, limit: int) -> bool:
        """العقد الموقع | بين الطرفين أن: the participle's parties belong to the phrase when the
        complementiser follows them."""
        if tokens[t].key != BETWEEN or t + 2 >= limit or not tokens[t - 1].key.startswith("ال"):
            return False
        parties, after = tokens[t + 1], tokens[t + 2]
        return parties.is_word and parties.key.startswith("ال") and after.key in COMPLEMENTISERS

    def ends_before_prefixed(self, b: int, start: int, t: int) -> bool:
        """A بـ/لـ word after a phrase starts the verb's object or addressee (المنظمة | بفتح،
        الشيخ | لـCNN، | لشبكة دوتش فيلي), unless it goes on a name (لحقوق الإنسان، باسم)."""
        tokens = self.blocks[b].tokens
        token, key = tokens[t], tokens[t].key
        if not token.is_word or key[:1] not in "بل" or len(key) < 3 or key in NAME_PREPOSITIONS:
            return False
        mention = self.mention_at(b, t)
        if mention is not None and mention.start < token.start:
            return False  # inside a name that started before: منظمة أطباء بلا حدود
        if key.startswith(("بال", "لل")):
            return False  # a stop of its own, or a name going on (continues_description)
        if not _is_definite(tokens[t - 1].key) and mention is None and not LATIN_RE.search(token.text):
            return False  # after a bare name the word goes on with it: مارين | لوبان
        nxt = tokens[t + 1] if t + 1 < len(tokens) else None
        name_goes_on = nxt is not None and nxt.is_word and _is_definite(nxt.key)
        if key[0] == "ب":  # بفتح ممر، بإجراء تحقيق; not بشار الأسد
            clitic = mention is not None and mention.start > token.start
            return clitic or (mention is None and (bool(self.mentions) or not name_goes_on))
        stem = _strip_noun(key[1:])
        heads = self.lexicon.heads
        if LATIN_RE.search(token.text) or token.text.startswith("لـ") or stem in heads["media"]:
            return True  # an addressee medium is never part of the speaker
        if stem in heads["organisation"] or stem in heads["person"]:
            return False  # الرئيس التنفيذي لشركة ...: whose officer he is
        # a bare لـ word may be a name (لودريان): only a tagger can tell it is not one
        return bool(self.mentions) and mention is None and not name_goes_on

    def continues_description(self, b: int, start: int, t: int) -> bool:
        """Words that still describe the speaker after a stop word: an organisation's لل-complement
        (الاتحاد الدولي | للنقل الجوي), the place of an anonymous source (ضابط كبير | في الجيش،
        مهاجر | من سوريا) or its relative clause (شخص | كان يسكن المنطقة)."""
        tokens, heads = self.blocks[b].tokens, self.lexicon.heads
        if t + 1 >= len(tokens) or not tokens[t + 1].is_word:
            return False
        key, nxt = tokens[t].key, tokens[t + 1]
        head = _strip_noun(tokens[start].key)
        nxt_named = _is_definite(nxt.key) or self.mention_at(b, t + 1) is not None
        if key.startswith("لل") and len(key) > 4 and t - start >= 2 and head in heads["organisation"]:
            return _is_definite(nxt.key) and nxt.key not in COMPLEMENTISERS
        if head not in heads["anonymous"] or any(_is_definite(tok.key) for tok in tokens[start:t]):
            return False
        if self.mention_at(b, start) is not None:
            return False
        if key in ("في", "من"):
            return nxt_named and nxt.key not in TIME_WORDS and lookup_cue(nxt.key)[0] is None
        if key in LINKING_VERBS:
            return nxt.key[:1] in "يت" and len(nxt.key) > 3 and lookup_cue(nxt.key)[0] is None
        return False

    def _bracketed_acronym(self, b: int, t: int, limit: int) -> int:
        """"الاتحاد الدولي للنقل الجوي (أياتا)": a short name in brackets belongs to the phrase."""
        tokens = self.blocks[b].tokens
        if t >= limit or tokens[t].text != "(":
            return t
        for close in range(t + 2, min(limit, t + 5)):
            if tokens[close].text == ")":
                inner = tokens[t + 1 : close]
                if all(tok.is_word and not DIGIT_RE.match(tok.key) and not _is_stop(tok) for tok in inner):
                    return close + 1
                return t
            if not tokens[close].is_word:
                return t
        return t

    def introduces_name(self, key: str) -> bool:
        """منظمة، وكالة، حزب: a head word whose name may follow in quotation marks."""
        bare, heads = _strip_noun(key), self.lexicon.heads
        return bare in self.lexicon.naming_nouns or bare in heads["organisation"] or bare in heads["media"]

    def is_proposition_noun(self, tokens: list[_Token], t: int, start: int) -> bool:
        """ضرورة، أهمية first or after a complete phrase (not after a construct head: قوات دعم)."""
        if tokens[t].key not in self.lexicon.proposition_nouns:
            return False
        if t == start:
            return True
        prev = tokens[t - 1].key
        if _is_definite(prev):
            return True  # المتحدث باسم الجيش | دعم: a definite word is never a construct head
        return not any(prev in self.lexicon.heads[k] for k in ("person", "organisation", "anonymous", "media"))

    def _object_start(self, b: int, start: int, end: int) -> int:
        """Where an object noun phrase starts inside ``tokens[start:end]`` (else ``end``).

        A phrase is complete after a definite word or a name; what may still follow
        is an adjective (القوى الشيعية السياسية), a coordinated phrase (والقوى),
        a prepositional phrase (لحقوق الإنسان) or, after a person's title, more
        titles and that person's name (مفتي عام المملكة الشيخ عبدالعزيز). Anything
        else starts the object: a definite noun (الحكومة), a title after the name
        (كارتر | رئيس الوزراء), a second name (كيري | روسيا).
        """
        if end - start < 2:
            return end
        tokens, heads = self.blocks[b].tokens, self.lexicon.heads
        is_title = lambda key: key in heads["person"] or _strip_noun(key) in heads["person"]
        first = tokens[start].key
        person_head = is_title(first) or first in heads["anonymous"] or _strip_noun(first) in heads["anonymous"]
        named = (m := self.mention_at(b, start)) is not None and m.label == "PER"
        block = self.blocks[b]
        for i in range(start + 1, end):
            prev, token = tokens[i - 1], tokens[i]
            if token.text in ALL_MARKS and prev.is_word and i in block.opening:
                # a quoted name after a definite or naming noun is apposed (الوكالة "شينخوا"),
                # after a bare name it is the object (أعلنت ليبيا "القوة القاهرة")
                if _is_definite(prev.key) or _strip_noun(prev.key) in self.lexicon.naming_nouns:
                    continue
                return i
            if prev.text in ALL_MARKS and token.is_word and token.region < 0 and i - 1 in block.closing:
                if _looks_adjective(token.key) or _is_coordinated(token.key, is_title) or token.key[:1] in "لب":
                    continue  # وكالة "شينخوا" الصينية
                return i  # اتهمت منظمة “هيومن رايتس ووتش” | المتمردين: the quoted name ends the phrase
            if not (prev.is_word and token.is_word) or token.region >= 0:
                continue
            previous, mention = self.mention_at(b, i - 1), self.mention_at(b, i)
            if mention is not None and mention is previous:
                continue  # inside one name
            if _is_coordinated(token.key, is_title) or (token.key[0] in "لب" and not _is_definite(token.key) and mention is None):
                continue  # والقوى / ومدير / لحقوق الإنسان
            if prev.key in NAME_LINKS or (token.key in NAME_LINKS and person_head and not named):
                continue  # آل الشيخ، بن سلمان، أبو علي; الوزير | عبد الرحمن
            if named and is_title(token.key) and (mention is None or mention.label != "PER"):
                return i  # أبلغ الوزير اشتون كارتر | رئيس الوزراء
            if named and _is_definite(token.key) and not _looks_adjective(token.key) and not _is_definite(prev.key):
                return i  # طالب الرئيس دونالد ترامب | الكونغرس
            if not (_is_definite(prev.key) or previous is not None):
                if person_head and not is_title(token.key) and not _is_definite(token.key):
                    named = named or (mention is not None and mention.label == "PER") or (
                        not self.mentions and not is_title(prev.key) and not _is_definite(prev.key) and i - 1 > start
                    )
                continue  # a construct head (وزير الخارجية) or a name going on (دونالد ترامب)
            if person_head and not named and is_title(token.key):
                continue  # مفتي عام المملكة | الشيخ عبدالعزيز
            if _is_definite(token.key):
                if mention is None and (_looks_adjective(token.key) or _agreeing_participle(prev.key, token.key)):
                    continue
                return i
            if mention is not None:
                if mention.label == "PER" and person_head and not named:
                    named = True  # الرئيس الأمريكي | دونالد ترامب
                    continue
                return i
            if _is_relational(token.key):
                return i  # أبلغ الوزير | نظيره
            if person_head and not named and not self.mentions:
                named = True  # without mentions a bare word after a title is taken for the name
                continue
            return i
        return end

    def apposed_name(self, b: int, head: tuple[int, int], limit: int) -> int:
        """End of "، جواد ظريف،" after a title (وزير الخارجية الإيراني، جواد ظريف، ...), else the head's end."""
        tokens, heads = self.blocks[b].tokens, self.lexicon.heads
        start, end = head
        first = _strip_noun(tokens[start].key)
        if end >= limit or tokens[end].text not in COMMAS or first not in heads["person"] and tokens[start].key not in heads["person"]:
            return end
        close = next((i for i in range(end + 1, min(limit, end + 2 + MAX_NAME_WORDS)) if not tokens[i].is_word), None)
        if close is None or tokens[close].text not in COMMAS or close == end + 1:
            return end
        name = range(end + 1, close)
        if self.mentions:
            ok = all((m := self.mention_at(b, i)) is not None and m.label == "PER" for i in name)
        else:
            ok = all(not _is_definite(tokens[i].key) and not _is_stop(tokens[i]) and lookup_cue(tokens[i].key)[0] is None
                     and tokens[i].key not in heads["person"] for i in name)
        return close if ok else end

    def skip_addressee(self, b: int, t: int) -> int:
        """Skip "لفوكس نيوز" / "لـ«عكاظ»" right after a verb: whom it was said to, never its subject."""
        tokens = self.blocks[b].tokens
        if t >= len(tokens) or not tokens[t].is_word:
            return t
        token, heads = tokens[t], self.lexicon.heads
        if token.key in PREPOSITION_PRONOUNS:
            return t + 1  # وقال له الوزير، وكتب فيه الكاتب: a pronoun object before the subject
        if token.key in ("ل", "لـ"):
            nxt = t + 1
            region = self.region_opening_at(b, nxt) if nxt < len(tokens) else None
            if region is not None and region.balanced and region.words:
                return region.close_token + 1
            end = self.speaker_forward(b, nxt, len(tokens))
            return end if end > nxt else t
        if token.key[:1] != "ل" or token.key.startswith("لل") or len(token.key) < 4:
            return t
        mention = self.mention_at(b, t)
        clitic = mention is not None and mention.start > token.start
        named = mention is not None and _key_text(mention.canonical or mention.text)[:1] != "ل"
        if clitic or named or any(_strip_noun(token.key[1:]) in heads[k] for k in ("person", "organisation", "media")):
            end = self.speaker_forward(b, t, len(tokens))
            return end if end > t else t
        return t

    def parenthesised_name(self, b: int, t: int) -> Optional[tuple[int, int]]:
        """"قالت (إس.أو.إس ميديتريني) في بيان": a name in brackets right after the verb."""
        tokens = self.blocks[b].tokens
        if t >= len(tokens) or tokens[t].text != "(":
            return None
        for close in range(t + 1, min(len(tokens), t + 2 + 2 * MAX_NAME_WORDS)):
            token = tokens[close]
            if token.text == ")":
                words = [tok for tok in tokens[t + 1 : close] if tok.is_word]
                return (t + 1, close) if words and not _is_stop(words[0]) and not DIGIT_RE.match(words[0].key) else None
            if token.key in COMPLEMENTISERS or token.text in SENTENCE_END and token.text != "." or _is_cue_token(token):
                return None
        return None

    def speaker_list(self, b: int, t: int, limit: int) -> Optional[tuple[int, int]]:
        """"كل من الوزير X، ومدير الشرطة Y، والمحافظ Z": the speakers after "كل من", as one span."""
        tokens = self.blocks[b].tokens
        if t + 2 >= limit or (tokens[t].key, tokens[t + 1].key) != LIST_OPENER:
            return None
        start = t + 2
        end = self.speaker_forward(b, start, limit)
        if end == start:
            return None
        return start, self._coordinated(b, end, limit)

    def _coordinated(self, b: int, end: int, limit: int) -> int:
        """Grow a speaker over "، و + another speaker" (، ومدير الشرطة سعد الحربي)."""
        tokens, heads = self.blocks[b].tokens, self.lexicon.heads
        while end + 1 < limit and tokens[end].text in COMMAS and tokens[end + 1].key[:1] == "و":
            key = _strip_noun(tokens[end + 1].key[1:]) if len(tokens[end + 1].key) > 3 else ""
            mention = self.mention_at(b, end + 1)
            if not (key in heads["person"] or key in heads["organisation"] or (mention is not None and mention.label in ("PER", "ORG"))):
                break
            nxt = self.speaker_forward(b, end + 1, limit)
            if nxt == end + 1:
                break
            end = nxt
        return end

    def _extend_to_mention(self, b: int, start: int, end: int, limit: int) -> int:
        """Grow a phrase cut inside a named entity, or cut just before a name it introduces."""
        if not self.mentions or end <= start:
            return end
        tokens = self.blocks[b].tokens
        first = self.mention_at(b, start)
        # a tagger's span never carries the phrase over a preposition (وصرح هاشمي | أمام السجن)
        inside = lambda t, mention: t < limit and tokens[t].start < mention.end and (
            not _is_stop(tokens[t]) or self.inside_name(b, t)
        )
        if first is not None:  # a name first: the phrase ends with it (وتتهم واشنطن | المركز)
            t = start + 1
            while inside(t, first):
                t += 1
            heads = self.lexicon.heads["person"]
            if first.label == "PER" and t < end and (tokens[t].key in heads or _strip_noun(tokens[t].key) in heads):
                return end  # unless the person's title follows: جون فامفاكاتيس مدير غوغل للتعليم
            if first.label == "PER" and t - 1 > start and tokens[t - 1].key in EPITHETS:
                return t - 1
            if first.label == "ORG" and t < end and _is_indefinite_nisba(tokens[t].key) and self.mention_at(b, t) is None:
                return t + 1  # منظمة إنقاذ | أوروبية: the organisation's adjective
            if first.label == "ORG" and t < end and (tokens[t].key.startswith("لل") or tokens[t].text == "("):
                return end  # الاتحاد الدولي | للنقل الجوي (أياتا): the name goes on
            return t
        # a mention straddling the cut: المرصد السوري | لحقوق الإنسان
        last = self.mention_at(b, end - 1)
        while last is not None and inside(end, last):
            end += 1
        # a title whose person comes a few words later: سماحة مفتي عام المملكة ... الشيخ عبدالعزيز
        if not any((m := self.mention_at(b, t)) is not None and m.label == "PER" for t in range(start, end)):
            for t in range(end, min(limit, start + MAX_APPOSITION_GAP)):
                token = tokens[t]
                if not token.is_word or token.key in COMPLEMENTISERS or _is_cue_token(token):
                    break
                mention = self.mention_at(b, t)
                if mention is not None and mention.label == "PER":
                    while t < limit and tokens[t].start < mention.end:
                        t += 1
                    return t
        return end

    def pluperfect_subject(self, b: int, cue: int) -> Optional[tuple[int, int]]:
        """وكان تيباس قد قال، وكان العبادي الذي حل ائتلافه ثالثا قد قال: the subject between
        كان and its relative clause, comma or قد."""
        tokens = self.blocks[b].tokens
        if cue < 3 or tokens[cue - 1].key != "قد":
            return None
        start = self.sentence_start(b, cue)
        kana = next(
            (k for k in range(cue - 2, max(start, cue - MAX_KANA_SPAN) - 1, -1) if tokens[k].key in KANA_FORMS), None
        )
        regions = self.blocks[b].regions
        if kana is None or any(
            tokens[k].region >= 0 and regions[tokens[k].region].words > MAX_QUOTED_NAME_WORDS for k in range(kana, cue)
        ):
            return None  # وكانت شبكة "فيسبوك" قد أعلنت: only a short quoted name may sit inside
        end = kana + 1
        while end < cue - 1 and (tokens[end].is_word or tokens[end].text in ALL_MARKS) and tokens[end].key not in RELATIVES:
            end += 1
        words = sum(tok.is_word for tok in tokens[kana + 1 : end])
        if not 0 < words <= MAX_SUBJECT_WORDS or _is_stop(tokens[kana + 1]) or _is_cue_token(tokens[kana + 1]):
            return None
        if end < cue - 1 and tokens[end].key not in RELATIVES and tokens[end].text not in COMMAS:
            return None  # the subject must end at a relative, a comma or قد
        return kana + 1, end

    def topic_subject(self, b: int, cue: int) -> Optional[tuple[int, int]]:
        """أما رئيس حزب الدستور، خالد داوود، فاتهم: the topic after أما is the فـ-verb's subject."""
        tokens = self.blocks[b].tokens
        start = self.sentence_start(b, cue)
        marker = next(
            (k for k in range(cue - 1, max(start, cue - MAX_KANA_SPAN) - 1, -1) if tokens[k].key in TOPIC_MARKERS), None
        )
        if marker is None or marker + 1 >= cue:
            return None
        first = tokens[marker + 1]
        if _is_stop(first) or first.key in TOPIC_ADJUNCTS or first.key.startswith(("بال", "لل")) \
                or _strip_conj(first.key) in ADVERBIAL_HEADS or _time_phrase_width(tokens, marker + 1):
            return None  # أما عن الأسعار / على الصعيد الداخلي / الآن فقال الوزير: no subject
        inside = tokens[marker + 1 : cue]
        if sum(tok.is_word for tok in inside) > MAX_SPEAKER_WORDS or any(
            tok.region >= 0 or _is_cue_token(tok) or tok.text in SENTENCE_END for tok in inside
        ):
            return None
        return marker + 1, cue

    def subject_backward(self, b: int, cue: int) -> Optional[int]:
        """Start of the subject right before a verb (SVO), or None."""
        tokens = self.blocks[b].tokens
        t, words = cue, 0
        while t > 0:
            token = tokens[t - 1]
            if token.text in ALL_MARKS and token.region < 0:
                # a closing mark of a quoted name inside the subject
                region = self.blocks[b].closing.get(t - 1)
                if region is not None and 0 < region.words <= 2:
                    t = region.open_token
                    continue
                break
            if not token.is_word or token.key in SUBJECT_OPENERS:
                break
            if _is_stop(token) or _is_cue_token(token) or words >= MAX_SUBJECT_WORDS:
                return None
            words += 1
            t -= 1
        if words and _strip_conj(tokens[t].key) in ADVERBIAL_HEADS:
            return None  # وبشكل عام قال المحللون: the subject follows the verb
        return t if words else None

    # -- terminals --

    def region_opening_at(self, b: int, t: int) -> Optional[_Region]:
        block = self.blocks[b]
        index = block.opening.get(t)
        return None if index is None else block.regions[index]

    def region_index(self, b: int, region: _Region) -> int:
        """Where ``region`` (one that ``region_opening_at`` gave) is in its block's regions."""
        return self.blocks[b].opening[region.open_token]

    def is_speech_region(self, b: int, region: _Region) -> bool:
        tokens = self.blocks[b].tokens
        before = tokens[region.open_token - 1] if region.open_token > 0 else None
        if before is not None and before.text == ":":
            return region.words > 0
        return region.words >= MIN_SPEECH_WORDS and not self.is_name_region(b, region)

    def is_name_region(self, b: int, region: _Region) -> bool:
        """A quoted title or name (صحيفة "الوطن"), not quoted speech."""
        if region.words == 0:
            return False
        tokens = self.blocks[b].tokens
        before = tokens[region.open_token - 1] if region.open_token > 0 else None
        if before is not None and before.is_word and _strip_noun(before.key) in self.lexicon.naming_nouns:
            return region.words <= MAX_TITLE_WORDS  # ندوة «ظاهرة التطرف الديني وسط الشباب..»
        if region.words > MAX_NAME_WORDS:
            return False
        inside = tokens[region.first : region.last + 1]
        if LATIN_RE.search(" ".join(t.text for t in inside)) and len(inside) <= 3:
            return True
        if self.mentions and all(self.mention_at(b, t) is not None for t in range(region.first, region.last + 1) if tokens[t].is_word):
            return True
        seen = 0
        for t in range(region.open_token - 1, -1, -1):
            token = tokens[t]
            if not token.is_word:
                if token.text in ALL_MARKS or token.text in COMMAS or token.text in SENTENCE_END:
                    break
                continue
            if _strip_noun(token.key) in self.lexicon.naming_nouns:
                return True
            seen += 1
            if seen >= 3:
                break
        return False

    def scan_terminal(self, b: int, start: int, entry: CueEntry, window: int = TERMINAL_WINDOW) -> tuple[str, int]:
        """First complementiser, colon, quotation, frame preposition or clause end after ``start``."""
        tokens = self.blocks[b].tokens
        t, limit = start, min(len(tokens), start + window)
        first = self._skip_adjuncts(b, start, limit)
        in_relative = enclosed = False
        skipped_cue = -1  # a cue verb inside a relative clause without commas
        while t < limit:
            token = tokens[t]
            if token.key in SUBJECT_RELATIVES and token.region < 0 and t > 0 and (
                t == start or (t == start + 1 and tokens[start].text in COMMAS)
            ):
                # سكودامور، الذي اقترح الفكرة، إنها: the relative clause describes the speaker; its
                # verbs (and, between commas, its أن) are not the cue's, nor does it use up the window
                in_relative, enclosed = True, tokens[t - 1].text in COMMAS
                limit = min(len(tokens), limit + window)
            elif in_relative and token.text in COMMAS:
                in_relative = enclosed = False
            if token.text in ALL_MARKS and token.region < 0:
                region = self.region_opening_at(b, t)
                if region is not None and region.words:
                    if self.is_speech_region(b, region):
                        # القس كوري الذي لفت الأنظار: "…": the words go with the relative's verb
                        return ("cue", skipped_cue) if skipped_cue >= 0 else ("quote", t)
                    t = (region.close_token if region.close_token > 0 else region.last) + 1
                    continue
            if token.text == ":" or token.text == "：":
                return ("cue", skipped_cue) if skipped_cue >= 0 else ("colon", t)
            if _ends_sentence(tokens, t):
                return "end", t
            if token.key in COMPLEMENTISERS and not enclosed:
                before = tokens[t - 1].key if t > 0 else ""
                if entry.that_after and (not rule_on("Q-CONCLUDE") or _prep_form(before) != entry.that_after):
                    return "end", t  # توصل إلى اتفاق … بعد أن: no conclusion reported
                if before not in NARRATOR_BEFORE_COMPLEMENTISER:
                    return "that", t
            # the verb's own preposition right after the speaker: لفت مدير المرصد إلى ...
            if t == first and _prep_form(token.key) in entry.complements and t + 1 < len(tokens):
                if tokens[t + 1].key not in COMPLEMENTISERS:
                    return "prep", t
            if t > start and in_relative and not enclosed and skipped_cue < 0 and _is_cue_token(token):
                skipped_cue = t
            if t > start and not in_relative and _is_cue_token(token) and not self._ambiguous_noun(b, t):
                other = lookup_cue(token.key)[0]
                # وتابع الشيخ يقول: / وأضاف قائلا:  -- the second cue only introduces the words
                if not (other.lemma == "قال" and other.tense != "past"):
                    return "cue", t
            t += 1
        return "window", t

    def _ambiguous_noun(self, b: int, t: int) -> bool:
        """بين جمع من المعزين: a form that is also a common noun or preposition, used as one."""
        tokens = self.blocks[b].tokens
        entry = lookup_cue(tokens[t].key)[0]
        return entry is not None and entry.ambiguous and not (
            t + 1 < len(tokens) and tokens[t + 1].key in COMPLEMENTISERS
        )

    def frame_start(self, b: int, entry: CueEntry, start: int, end: int) -> tuple[str, int]:
        """Where a complement without complementiser starts (دعا إلى، اتهم X بـ، أعلن X)."""
        tokens = self.blocks[b].tokens
        end = min(end, len(tokens))
        complements = set(entry.complements)
        first = self._skip_adjuncts(b, start, end)
        has_object = (
            first < end and tokens[first].is_word and not _is_stop(tokens[first])
            and tokens[first].key not in PRONOUN_CARRIERS and tokens[first].key not in BUT  # أعلن X ولكنه عاد: no object
        ) or self.relative_object(b, first)
        accusative = start > 0 and tokens[start - 1].key.endswith(("ا", "ين"))  # مؤكدا، not the adjective مؤكد
        if entry.kind == "participle" and accusative and "prop" in complements and has_object and first == start \
                and not _is_definite(tokens[first].key) and self.mention_at(b, first) is None \
                and lookup_cue(tokens[first].key)[0] is None:
            return "obj", first  # مؤكدا حصول تزوير على نطاق واسع: the noun, not على, opens the content
        for t in range(start, end):
            key = tokens[t].key
            if not tokens[t].is_word:
                continue
            if t > start and key in CLAUSE_OPENERS:
                break  # نقل ... كما عبر فلان عن: the preposition belongs to the next clause
            if _prep_form(key) in complements and key in PREPOSITIONS and t + 1 < end:
                # دعا نائب الرئيس الغرب إلى: the object belongs to the content
                return "prep", first if ("obj" in complements and has_object and t > first) else t + 1
            if t - first > FRAME_WINDOW:
                continue  # a clitic preposition far from the cue is any preposition
            for prep in ("ب", "ل"):
                if prep in complements and key.startswith(prep) and len(key) > 3 and not self.mention_at(b, t):
                    return "prep", first if ("obj" in complements and has_object and t > first) else t
        if "obj" in complements and has_object and (first - start <= 2 or any(tok.key == "في" for tok in tokens[start:first])):
            return "obj", first
        adjunct_end = self._adjunct_phrase_end(b, first, end)
        if "obj" in complements and adjunct_end > first and adjunct_end < end and tokens[adjunct_end].is_word \
                and not _is_stop(tokens[adjunct_end]) and lookup_cue(tokens[adjunct_end].key)[0] is None:
            return "obj", adjunct_end
        if "prop" in complements:
            # أكد الأمين العام المساعد بالجامعة ضرورة ...: a proposition noun after a short adjunct
            for t in range(start, min(end, start + MAX_PROPOSITION_GAP + 1)):
                if tokens[t].key in self.lexicon.proposition_nouns:
                    return "obj", t
                if not tokens[t].is_word or _is_cue_token(tokens[t]) or tokens[t].key in COMPLEMENTISERS:
                    break
        return "", -1

    def relative_object(self, b: int, t: int) -> bool:
        """نفت الوزارة ما نشر / ما تردد عن: "ما" + a verb is the object, what was said or done."""
        tokens = self.blocks[b].tokens
        if t + 1 >= len(tokens) or tokens[t].key != "ما" or not tokens[t + 1].is_word or _is_stop(tokens[t + 1]):
            return False
        if t > 0 and tokens[t - 1].key in DEGREE_WORDS:
            return False  # بقدر ما، مثل ما: a conjunction, not an object
        return tokens[t + 1].key[:1] in "يتن" or len(tokens[t + 1].key) <= 4 and not _is_definite(tokens[t + 1].key)

    def _adjunct_phrase_end(self, b: int, start: int, end: int) -> int:
        """"بعد لقائهما، " / "في بيان، ": a short prepositional phrase closed by a comma; the token
        after the comma, else ``start``."""
        tokens = self.blocks[b].tokens
        if start >= end or tokens[start].key not in PREPOSITIONS:
            return start
        for t in range(start + 1, min(end, start + 1 + MAX_NAME_WORDS)):
            if tokens[t].text in COMMAS:
                return t + 1 if t > start + 1 else start
            if not tokens[t].is_word or tokens[t].key in COMPLEMENTISERS or _is_cue_token(tokens[t]):
                return start
        return start

    def _skip_adjuncts(self, b: int, start: int, end: int) -> int:
        """Skip commas and time words between the speaker and an object."""
        tokens = self.blocks[b].tokens
        t = start
        while t < end:
            if tokens[t].text in COMMAS or tokens[t].key in TIME_WORDS:
                t += 1
            elif t + 2 < end and (tokens[t].key, tokens[t + 1].key) == ("في", "وقت") and tokens[t + 2].key in TIME_QUALIFIERS:
                t += 3  # في وقت سابق / في وقت مضى
            elif (frame := self._statement_adjunct_end(b, t, end)) > t:
                t = frame
            else:
                break
        return t

    def _statement_adjunct_end(self, b: int, start: int, end: int) -> int:
        """"في بيان" / "في تصريحات صحفية" between the speaker and an object (ووصفت الحكومة في بيان
        العقوبات بأنها): where the adjunct ends, else ``start``."""
        tokens = self.blocks[b].tokens
        if start + 1 >= end or tokens[start].key != "في" or tokens[start + 1].key not in self.lexicon.statement_frames:
            return start
        t = start + 2
        while t < end and _is_indefinite_nisba(tokens[t].key):
            t += 1
        return t

    # -- cue candidates --

    def verb_candidate(self, b: int, t: int, entry: CueEntry, conj: str) -> Optional[_Candidate]:
        tokens = self.blocks[b].tokens
        prev = _prev_word(tokens, t)
        carried = prev is not None and prev.key in PRONOUN_CARRIERS
        opens_clause = bool(conj) or carried or prev is None or not prev.is_word or prev.key in CLAUSE_OPENERS
        if prev is not None and prev.key in RELATIVES and entry.kind == "verb":
            return self.relative_candidate(b, t, entry)
        if prev is not None and _strip_conj(prev.key) in self.lexicon.attribution_words:
            return None  # حسبما أعلنت: not a report of its own
        if prev is not None and prev.key == AS_WORD and entry.kind == "verb":
            postposed = self.postposed_candidate(b, t, entry)
            if postposed is not None:
                return postposed
        if entry.kind == "participle" and not (
            opens_clause or prev.text in ALL_MARKS or self.introduces_speech(b, t + 1) or self.takes_own_preposition(b, t, entry)
        ):
            return None  # a participle reports only as a continuation: ، مؤكدا أن
        speaker: Optional[tuple[int, int]] = None
        start_token = t
        after = t + 1
        if entry.kind == "verb":
            splits = entry.addressee or "obj" in entry.complements
            after = self.skip_addressee(b, t + 1)
            after = self.skip_adverb_before_subject(b, after)
            pointing = after < len(tokens) and tokens[after].key in ANAPHORIC_OBJECTS
            if pointing:  # أعلن ذلك الوزير: "that" is the object, the subject follows it
                after += 1
            listed = self.speaker_list(b, after, len(tokens)) or self.parenthesised_name(b, after)
            if listed:
                np_end = listed[1]
            elif self.opens_with_complement(b, after, entry) or self.circumstantial_at(b, after):
                np_end = after  # أشادت بكلمة الدوق، دعت إليه: the subject is dropped
            else:
                np_end = self.speaker_forward(b, after, len(tokens), split_object=splits)
            if np_end == after:
                np_end = after = t + 1
            subject = None if conj or carried else self.subject_backward(b, t)
            pluperfect = None if conj or carried or np_end != t + 1 else self.pluperfect_subject(b, t)
            if pluperfect is None and conj == "ف":
                pluperfect = self.topic_subject(b, t)  # the noun after the verb is then its object
            if pluperfect is not None:
                speaker, start_token = pluperfect, pluperfect[0]
            elif subject is not None and (np_end == t + 1 or not opens_clause):
                speaker, start_token = (subject, t), subject
            elif listed:
                speaker, after = listed, np_end
            elif np_end > after:
                np_end = self.apposed_name(b, (after, np_end), len(tokens))
                np_end = self._coordinated(b, np_end, len(tokens))
                speaker, after = (after, np_end), np_end
                relayed = self.relayed_source(b, np_end)
                if relayed is not None:  # ذكرت الوكالة نقلا عن المصدر أن: the source speaks
                    speaker, after = relayed, relayed[1]
            elif entry.impersonal_present and entry.tense == "present" and entry.gender != "f":
                # يُتوقع أن "it is expected" is masculine; تتوقع أن has a dropped feminine subject
                return None  # ويذكر أن / ويتوقع أن: "it is said", no speaker
            if pointing and speaker is not None:
                # أعلن ذلك الوزير: what "that" points back to is the clause or sentence before
                back = self.back_reference(b, t, t, entry, speaker)
                if back is None:
                    self.loose_agents.append((b, speaker, entry))
                return back
            if subject is None and not opens_clause and _is_verbal_noun_form(entry) and not _is_stop(prev) \
                    and not self.verb_after_adverbial(b, prev, speaker):
                return None  # هي لغة طلب متنمر: the noun طلب, not the verb
        elif entry.kind == "participle" and t + 1 < len(tokens) and tokens[t + 1].text == ":":
            after = t + 1
        if speaker is not None and tokens[speaker[0]].key in self.lexicon.scripture_speakers:
            return None  # قال الله تعالى: scripture cited inside someone's words
        if speaker is not None and entry.strength < 1.0 and self.is_evidence(b, speaker[0]):
            return None  # أظهرت اللقطات أن، ينص القانون على: evidence or a rule, not a source's words
        if speaker is None and conj.endswith(PURPOSE_PREFIX):
            speaker = self.purpose_subject(b, t)
        candidate = self.complement_candidate(b, t, entry, after)
        if candidate is None and speaker is None and conj:
            candidate = self.continuation_candidate(b, t, entry)
        if candidate is None or (entry.ambiguous and (candidate.method != "that" or candidate.content_start != after + 1)):
            return None  # بين (3000 - 5250) ريالا على أن: "between", unless أن follows at once
        if speaker is not None and entry.lemma in self.lexicon.verdict_cues and (
            candidate.method not in ("that", "quote", "colon") or candidate.content_start > after + 2
        ) and (
            _strip_noun(tokens[speaker[0]].key) in self.lexicon.verdict_subjects
            or tokens[speaker[0]].key in self.lexicon.verdict_subjects
        ):
            return None  # أكدت المحكمة إدانته: a court upholding a ruling
        candidate.speaker = speaker
        candidate.start_token = start_token
        candidate.boundary = opens_clause or entry.kind == "participle" or (
            speaker is not None and speaker[0] < t and self._opens_before(b, speaker[0])
        )
        return candidate

    def purpose_subject(self, b: int, t: int) -> Optional[tuple[int, int]]:
        """وخرج الوزير أمام الصحفيين ليقول إن: the subject of the clause's opening verb speaks."""
        tokens = self.blocks[b].tokens
        verb = self.sentence_start(b, t)
        opener = tokens[verb]
        if verb >= t - 1 or not opener.is_word or opener.key[:1] not in "وف" or _is_stop(opener) or lookup_cue(opener.key)[0]:
            return None  # only "و/ف + verb" opens such a sentence (وفي، ولكن are no verb; a cue has its own quote)
        start = self.skip_adverb_before_subject(b, verb + 1)
        if start >= t or _is_stop(tokens[start]):
            return None
        end = self.speaker_forward(b, start, t)
        if end <= start or not self.is_source(b, start, end):
            return None
        return start, end

    def postposed_candidate(self, b: int, t: int, entry: CueEntry) -> Optional[_Candidate]:
        """"…، كما أعلنت الشرطة.": a cue after كما that closes its sentence attributes the clause
        before it; "، كما قال الوزير إن" (he also said that) goes on with words of its own."""
        tokens = self.blocks[b].tokens
        comma = t - 2
        if comma < 1 or tokens[comma].text not in COMMAS:
            return None
        np_end = self.speaker_forward(b, t + 1, len(tokens))
        if np_end == t + 1 or not self.is_source(b, t + 1, np_end):
            return None
        kind, _ = self.scan_terminal(b, np_end, entry, MAX_PROPOSITION_GAP + 3)
        if kind != "end":
            return None  # كما قال مصدر أمني لـ«عكاظ» إن: his own words follow
        first = self.sentence_start(b, comma)
        if sum(tok.is_word for tok in tokens[first:comma]) < MIN_SPEECH_WORDS:
            return None
        candidate = _Candidate(b, (t, t + 1), entry, "attribution", first, content_end=comma)
        candidate.speaker = (t + 1, np_end)
        candidate.start_token = t
        candidate.boundary = False
        return candidate

    def verb_after_adverbial(self, b: int, prev: _Token, speaker: Optional[tuple[int, int]]) -> bool:
        """"وكرد فعل على الاعتداء نصح زعيم الجالية": after a definite word (never a construct
        head) and before a recognised source, a bare form like نصح is the verb, not its noun."""
        return speaker is not None and _is_definite(prev.key) and self.is_source(b, *speaker)

    def continuation_candidate(self, b: int, t: int, entry: CueEntry) -> Optional[_Candidate]:
        """"وأضاف في كل مراحل التاريخ …": أضاف/تابع with a dropped subject goes on with the
        speaker's words even without أن or a colon, when a full clause follows."""
        tokens = self.blocks[b].tokens
        if entry.lemma not in CONTINUATION_LEMMAS or entry.tense != "past" or t + 1 >= len(tokens):
            return None
        first = tokens[t + 1]
        if not first.is_word or first.key in COMPLEMENTISERS or first.region >= 0:
            return None
        block = self.blocks[b]
        end = self._clause_end(b, t + 1)
        if block.word_count(t + 1, end) < MIN_CONTINUATION_WORDS:
            return None
        # the first of: a conjoined cue (وقال: the next clause's own words, fine), or a colon or
        # mark (وأضاف في مذكرة نشرت …: «…»: the words come after the colon)
        cue = _first_in(block.conjoined_cues, t + 2, end)
        mark = _first_in(block.colons_and_open_marks, t + 2, end)
        if mark is not None and (cue is None or mark < cue):
            return None
        return _Candidate(b, (t, t + 1), entry, "colon", t + 1)

    def circumstantial_at(self, b: int, t: int) -> bool:
        """وقالت معلقةً، وقال مخاطبا الحضور، ليضيف بقوله: an accusative participle or بـ + a saying
        noun after the verb tells how the dropped subject spoke; it is not the subject (a name
        ماريا، ماجدا is tagged or has ا second)."""
        tokens = self.blocks[b].tokens
        if t >= len(tokens) or not tokens[t].is_word or tokens[t].region >= 0:
            return False
        key, text = tokens[t].key, tokens[t].text
        if key[:1] == "ب" and (noun := lookup_cue(key[1:])[0]) is not None and noun.kind == "noun":
            return True  # ليضيف بقوله: "by saying", the manner, not the subject
        if not key.startswith("م") or len(key) < 5 or (mention := self.mention_at(b, t)) is not None and mention.label == "PER":
            return False
        return text.endswith(FATHATAN) or (key.endswith("ا") and key[1] != "ا")

    def opens_with_complement(self, b: int, t: int, entry: CueEntry) -> bool:
        """A prepositional phrase right after the verb is its complement, never its subject:
        دعت إليه، تعترف بالأكشن، يطالبون بمساحات، أشادت بكلمة الدوق; not بولسونارو or بعض النواب."""
        tokens = self.blocks[b].tokens
        if t >= len(tokens) or not tokens[t].is_word:
            return False
        token, key = tokens[t], tokens[t].key
        if PREPOSITION_PRONOUN_RE.match(key):
            return True
        if key[:1] not in "بل" or len(key) < 4 or key in NAME_PREPOSITIONS or key in BA_SUBJECT_WORDS:
            return False
        mention = self.mention_at(b, t)
        if key.startswith(("بال", "لل")):
            return mention is None or mention.start > token.start
        if key[0] != "ب" or not ("ب" in entry.complements or entry.lemma in BA_OBJECT_LEMMAS):
            return False  # قال بوفون: the tagger may take a name's first letter for بـ
        if mention is not None:
            return mention.start > token.start  # طالب بإيران: a clitic on a name; بريطانيا is the name
        if not self.mentions:
            return False  # without tagged names an untagged بـ-word may be one
        return not any(key in words or _strip_noun(key) in words for words in self.lexicon.heads.values())

    def skip_adverb_before_subject(self, b: int, t: int) -> int:
        """قال بعدها الأخير / قال أمس الوزير: an adverb between the verb and a named subject."""
        tokens, heads = self.blocks[b].tokens, self.lexicon.heads
        width = _time_phrase_width(tokens, t)
        if t + width >= len(tokens) or not width:
            return t
        nxt = tokens[t + width]
        if width > 1 and nxt.key in COMPLEMENTISERS:
            return t + width  # أعلن الأسبوع الماضي أنه: a date, never the speaker
        mention = self.mention_at(b, t + width)
        named = mention is not None and mention.label in ("PER", "ORG")
        head = _strip_noun(nxt.key)
        if named or nxt.key in LATTER or any(head in heads[k] for k in ("person", "organisation", "anonymous", "media")):
            return t + width
        return t

    def back_reference(
        self, b: int, anchor: int, cue: int, entry: CueEntry, speaker: tuple[int, int]
    ) -> Optional[_Candidate]:
        """أعلن ذلك X / وهذا ما أكده X: the content is what comes before ``anchor``.

        Inside a sentence it is the clause before (after its first أن when it has
        one: مع أن …); at a sentence's start it is the previous sentence, in
        the previous paragraph when the reference opens one.
        """
        tokens = self.blocks[b].tokens
        start = self.sentence_start(b, anchor)
        end = anchor
        while end > start and not tokens[end - 1].is_word:
            end -= 1
        content_block = b
        if sum(tok.is_word for tok in tokens[start:end]) >= MIN_SPEECH_WORDS:
            that = next((i for i in range(start, end) if tokens[i].key in COMPLEMENTISERS and tokens[i].region < 0), None)
            if that is not None and end - that > MIN_SPEECH_WORDS:
                start = that + 1
        else:
            if start > 0:
                end = start
            elif b > 0 and self.blocks[b - 1].tokens and self.blocks[b - 1].span.label == self.blocks[b].span.label:
                content_block, end = b - 1, len(self.blocks[b - 1].tokens)
            else:
                return None
            previous = self.blocks[content_block].tokens
            while end > 0 and not previous[end - 1].is_word:
                end -= 1
            start = self.sentence_start(content_block, end)
            if sum(tok.is_word for tok in previous[start:end]) < MIN_SPEECH_WORDS:
                return None
        candidate = _Candidate(b, (cue, cue + 1), entry, "back", start, content_end=end, speaker=speaker,
                               content_block=content_block)
        candidate.boundary = False
        candidate.start_token = anchor
        return candidate

    def relayed_source(self, b: int, t: int) -> Optional[tuple[int, int]]:
        """The X of "نقلا عن X" right after a speaker, as a token range, or None."""
        tokens = self.blocks[b].tokens
        while t < len(tokens) and tokens[t].text in COMMAS:
            t += 1
        if t + 2 < len(tokens) and tokens[t].key == "نقلا" and tokens[t + 1].key == "عن":
            end = self.speaker_forward(b, t + 2, len(tokens))
            if end > t + 2:
                return (t + 2, end)
        return None

    def relative_candidate(self, b: int, t: int, entry: CueEntry) -> Optional[_Candidate]:
        """الحكومة، التي تؤكد أن / ما كتب فلان "...": a relative clause that reports words.

        Only a that-clause, a colon or a quotation counts (الهدنة التي دعا إليها
        reports nothing). The speaker is the noun phrase after the verb, else the
        one the relative pronoun refers to.
        """
        tokens = self.blocks[b].tokens
        # التي أعلن عنها الجيش: the pronoun pointing back comes before the subject
        first = t + 2 if t + 2 < len(tokens) and PREPOSITION_PRONOUN_RE.match(tokens[t + 1].key) else t + 1
        np_end = self.speaker_forward(b, first, len(tokens))
        np_end = t + 1 if np_end == first else np_end
        candidate = self.complement_candidate(b, t, entry, np_end)
        if candidate is None or candidate.method not in ("that", "quote", "colon") or entry.ambiguous:
            pointer = t - 2
            # وهذا ما أكده المتحدث.: the clause before is what he confirmed
            if candidate is None and entry.kind == "verb" and not entry.ambiguous and np_end > t + 1 and pointer >= 0 \
                    and tokens[t - 1].key == "ما" and tokens[pointer].key in BACK_POINTERS:
                return self.back_reference(b, pointer, t, entry, (t + 1, np_end))
            return None
        if np_end > t + 1 and not self.relative_is_subject(b, t, entry, np_end):
            candidate.speaker = (first, np_end)
        else:
            relative = t - 1
            head = relative - 1 if relative > 0 and tokens[relative - 1].text in COMMAS else relative
            start = self.subject_backward(b, head)
            if start is None:  # ورفضت الحكومة، التي: the noun phrase after a verb
                start = head
                while start > 0 and head - start < MAX_NAME_WORDS and tokens[start - 1].is_word \
                        and not _is_stop(tokens[start - 1]) and not _is_cue_token(tokens[start - 1]) \
                        and lookup_cue(_strip_object(tokens[start - 1].key))[0] is None:  # تنفيها الحكومة
                    start -= 1
            if start >= head or tokens[relative].key == "ما":
                return None
            candidate.speaker = (start, head)
        candidate.start_token = t
        # "، التي تؤكد أن" starts a report of its own; without the comma it is part of the clause
        candidate.boundary = tokens[t - 2].text in COMMAS if t > 1 else False
        return candidate

    def relative_is_subject(self, b: int, t: int, entry: CueEntry, np_end: int) -> bool:
        """القس كوري الذي لفت الأنظار: "…", سكودامور، الذي اقترح الفكرة، إنها: the relative is the
        verb's subject and the noun after the verb its object, when the verb carries no pronoun
        pointing back (الذي أعلنه، التي قال فيها) and no أن follows that noun (الذي قال الوزير إنه)."""
        tokens = self.blocks[b].tokens
        if tokens[t - 1].key not in SUBJECT_RELATIVES or tokens[t].key != entry.form:
            return False
        if PREPOSITION_PRONOUN_RE.match(tokens[t + 1].key):
            return False
        return np_end >= len(tokens) or tokens[np_end].key not in COMPLEMENTISERS

    def introduces_speech(self, b: int, t: int) -> bool:
        """A complementiser, colon or quotation mark at ``t`` (after إلى): ... لافتا إلى أن / قائلا "."""
        tokens = self.blocks[b].tokens
        if t < len(tokens) and tokens[t].key in ("الي", "علي"):
            t += 1
        if t >= len(tokens):
            return False
        token = tokens[t]
        return token.key in COMPLEMENTISERS or token.text == ":" or (token.text in ALL_MARKS and token.region < 0) \
            or token.key in OBJECT_CARRIERS  # متهمة إياه بـ: إيّا carries the participle's object

    def takes_own_preposition(self, b: int, t: int, entry: CueEntry) -> bool:
        """… متسائلين في الوقت ذاته عن غياب الرقابة: an accusative participle (ـا، ـين) followed by the
        preposition its verb takes reports even without a comma before it."""
        tokens = self.blocks[b].tokens
        if not tokens[t].key.endswith(("ا", "ين")):
            return False
        nxt = self._skip_adjuncts(b, t + 1, len(tokens))
        if nxt + 2 < len(tokens) and (tokens[nxt].key, tokens[nxt + 1].key) == ("في", "الوقت") and tokens[nxt + 2].key in SAME_WORDS:
            nxt = self._skip_adjuncts(b, nxt + 3, len(tokens))
        return nxt + 1 < len(tokens) and tokens[nxt].key in PREPOSITIONS and _prep_form(tokens[nxt].key) in entry.complements

    def _clause_end(self, b: int, t: int) -> int:
        """The first token from ``t`` on that ends a sentence (outside quotes), else the block's end."""
        block = self.blocks[b]
        if t >= len(block.tokens):
            return t
        end = _first_in(block.sentence_ends, t, len(block.tokens))
        return len(block.tokens) if end is None else end

    def _opens_before(self, b: int, t: int) -> bool:
        tokens = self.blocks[b].tokens
        # after إن/أن the subject sits inside a reported clause: لافروف قال إن دي ميستورا اقترح
        return t == 0 or not tokens[t - 1].is_word or (
            tokens[t - 1].key in SUBJECT_OPENERS and tokens[t - 1].key not in ("ان", "وان")
        )

    def complement_candidate(
        self, b: int, cue: int, entry: CueEntry, after: int, window: int = TERMINAL_WINDOW
    ) -> Optional[_Candidate]:
        tokens = self.blocks[b].tokens
        kind, at = self.scan_terminal(b, after, entry, window)
        make = lambda method, start, region=-1: _Candidate(b, (cue, cue + 1), entry, method, start, region=region)
        if kind == "prep":
            region = self.region_opening_at(b, at + 1)
            if region is not None and region.words and region.last + 2 >= self._clause_end(b, at + 1):
                return make("quote", region.first, self.region_index(b, region))
            method, start = self.after_addressee(b, entry, "prep", at + 1, after)
            return make(method, start) if method else None
        if kind == "quote":
            region = self.region_opening_at(b, at)
            index = self.region_index(b, region)
            return make("quote", region.first, index)
        if kind == "colon":
            nxt = at + 1
            region = self.region_opening_at(b, nxt) if nxt < len(tokens) else None
            if region is not None and region.words:
                return make("quote", region.first, self.region_index(b, region))
            if nxt < len(tokens) and tokens[nxt].is_word:
                return make("colon", nxt)
            return None
        if kind == "that" and ("أن" in entry.complements or entry.kind == "noun"):
            if at + 1 < len(tokens):
                return make("that", at + 1)
            return None
        method, start = self.frame_start(b, entry, after, at)
        if method:
            method, start = self.after_addressee(b, entry, method, start, after)
        return make(method, start) if method else None

    def _addressee_end(self, b: int, start: int) -> int:
        """End of a short addressee phrase: a name, or a noun with its construct complement
        (دول العالم) and adjectives (الشركات الكبرى); the next bare or definite noun is the content."""
        tokens = self.blocks[b].tokens
        if start >= len(tokens) or not tokens[start].is_word or _is_stop(tokens[start]):
            return start
        mention = self.mention_at(b, start)
        t = start + 1
        while mention is not None and t < len(tokens) and self.mention_at(b, t) is mention:
            t += 1
        while t < min(len(tokens), start + MAX_NAME_WORDS) and tokens[t].is_word and not _is_stop(tokens[t]):
            prev, key = tokens[t - 1].key, tokens[t].key
            construct = not _is_definite(prev) and not prev.endswith(PRONOUN_SUFFIXES) and _is_definite(key) and mention is None
            if not (construct or (_is_definite(key) and _looks_adjective(key))):
                break
            t += 1
        return t

    def after_addressee(self, b: int, entry: CueEntry, method: str, start: int, after: int) -> tuple[str, int]:
        """طلبت الإدارة من دول العالم التوقف / أن تتوقف: the content starts after "من X", the addressee
        (only right after the speaker: طلبت تسلمه قبل أسبوعين من … is not one)."""
        tokens = self.blocks[b].tokens
        if method != "prep" or not entry.addressee_prep or start < 1 or _prep_form(tokens[start - 1].key) != entry.addressee_prep:
            return method, start
        if start - 1 != self._skip_adjuncts(b, after, start):
            return "", -1  # طلبت تسلمه قبل أسبوعين من العملية: "from", not whom it asked
        end = self._addressee_end(b, start)
        if start < end < len(tokens) - 1 and tokens[end].key in COMPLEMENTISERS:
            return "that", end + 1
        if start < end < len(tokens) and tokens[end].is_word and not _is_stop(tokens[end]) and lookup_cue(tokens[end].key)[0] is None:
            return "obj", end
        return "", -1  # طلب الرئيس من البرلمان في جلسة: only whom it asked, no request in words

    def nest_disagreeing_participles(self, found: list[_Candidate]) -> None:
        """قالت الصحيفة إن ... السياسيين ...، واصفين: the plural participle describes the
        politicians inside the newspaper's report, not the newspaper: no new clause."""
        for previous, c in zip(found, found[1:]):
            if c.entry.kind != "participle" or c.speaker is not None or previous.block != c.block:
                continue
            number, other = c.entry.number, self.subject_number(previous)
            if number and other and number != other and self.sentence_start(c.block, c.cue[0]) <= previous.cue[0]:
                c.boundary = False

    def subject_number(self, c: _Candidate) -> str:
        """Number of a cue's subject: a verb before its subject stays singular (أوضح المغردون),
        so the subject phrase tells the plural."""
        if c.speaker is not None and c.speaker[0] > c.cue[0] and c.entry.kind == "verb":
            first = self.blocks[c.block].tokens[c.speaker[0]]
            head = _strip_noun(first.key)
            # المغردون، مستخدمو، مصادر (not جون: a sound plural ending needs the article or a construct)
            if self.mention_at(c.block, c.speaker[0]) is None and (
                head in PLURAL_HEADS or (head != first.key and head.endswith(("ون", "ين"))) or (head.endswith("و") and c.speaker[1] > c.speaker[0] + 1)
            ):
                return "p"
        return c.entry.number

    def candidates(self) -> list[_Candidate]:
        found = []
        for b, block in enumerate(self.blocks):
            for t, token in enumerate(block.tokens):
                if not token.is_word or token.region >= 0:
                    continue
                entry, conj = lookup_cue(token.key)
                if entry is not None and _is_passive(token.text, entry, conj):
                    continue  # يُرى أنه / أُعلن عن: no one is reported as speaking
                if entry is not None and _is_first_person_hamza(token.text, entry, conj):
                    continue  # أعتقد أن، أعتبر أن: "I", not the past اعتقد / اعتبر
                if entry is None:
                    carried_object = (
                        self.object_pronoun_candidate(b, t) or self.document_candidate(b, t) or self.saying_candidate(b, t)
                    )
                    if carried_object is not None:
                        found.append(carried_object)
                        continue
                    noun = self.noun_candidate(b, t)
                    if noun is not None:
                        found.append(noun)
                    else:
                        self.record_statement_owner(b, t)
                    continue
                if entry.person != 3:
                    continue  # first person: words inside someone's statement
                candidate = None
                if entry.kind in ("verb", "participle"):
                    candidate = self.relay_candidate(b, t, entry) if entry.relays else None
                    candidate = candidate or self.verb_candidate(b, t, entry, conj)
                    if candidate is not None and not self.reports_for_source(candidate):
                        candidate = None
                elif entry.kind == "phrase":
                    candidate = self.attribution_candidate(b, t, entry)
                if candidate is not None:
                    found.append(candidate)
                elif entry.kind == "verb" and not entry.ambiguous:
                    self.record_agent(b, t, entry, conj)
        self.nest_disagreeing_participles(found)
        return found

    def document_candidate(self, b: int, t: int) -> Optional[_Candidate]:
        """"وجاء في البيان أن …" / "جاء في التقرير: …": the document is the source of what follows."""
        tokens = self.blocks[b].tokens
        if tokens[t].key not in DOCUMENT_VERBS or t + 2 >= len(tokens) or tokens[t + 1].key != "في":
            return None
        head = _strip_noun(tokens[t + 2].key)
        if head not in self.document_heads:
            return None
        np_end = self.speaker_forward(b, t + 2, len(tokens))
        if np_end == t + 2:
            return None
        candidate = self.complement_candidate(b, t, DOCUMENT_CUE, np_end, window=MAX_APPOSITION_GAP)
        if candidate is None or candidate.method not in ("that", "quote", "colon"):
            return None
        candidate.cue = (t, t + 2)
        candidate.speaker = (t + 2, np_end)
        candidate.start_token = t
        return candidate

    def reports_for_source(self, c: _Candidate) -> bool:
        """كتب يريد أن، الذي يعتقد أنه: a needs_source cue without quotation or colon reports only
        for a subject that names a source."""
        if not c.entry.needs_source or c.entry.kind != "verb" or c.method in ("quote", "colon"):
            return True
        return c.speaker is not None and self.names_source(c.block, c.speaker[0])

    def names_source(self, b: int, t: int) -> bool:
        """A phrase starting at ``t`` names a source by its entity or head word (الوزير، وكالة …)."""
        key, heads = self.blocks[b].tokens[t].key, self.lexicon.heads
        return self.mention_at(b, t) is not None or any(
            key in heads[k] or _strip_noun(key) in heads[k] for k in ("person", "organisation", "media", "anonymous")
        )

    def saying_candidate(self, b: int, t: int) -> Optional[_Candidate]:
        """"واكتفى الوزير بالقول إن …" / "وختم حديثه بالقول: …": بالقول reports for the subject
        of the verb that opens its clause (the noun phrase right after that verb, else dropped)."""
        tokens = self.blocks[b].tokens
        entry = self.lexicon.verbal_nouns.get("قول")
        if entry is None or tokens[t].key not in SAYING_NOUNS:
            return None
        candidate = self.complement_candidate(b, t, entry, t + 1, window=2)
        if candidate is None or candidate.method not in ("that", "quote", "colon"):
            return None
        verb = next((v for v in range(t - 1, max(-1, t - 1 - MAX_SAYING_GAP), -1)
                     if not tokens[v].is_word or tokens[v].key[:1] in CONJUNCTIONS_WAW_FA and v == self.sentence_start(b, v)
                     or v > 0 and not tokens[v - 1].is_word), None)
        if verb is None or not tokens[verb].is_word or self.mention_at(b, verb) is not None:
            return None  # no clause-opening verb close before it
        np_end = self.speaker_forward(b, verb + 1, t)
        # the text, not the matching form, tells the pronoun ه from the feminine ة (الشرطة)
        while np_end > verb + 2 and tokens[np_end - 1].text.endswith(PRONOUN_SUFFIXES) and self.mention_at(b, np_end - 1) is None:
            np_end -= 1  # وختم المدير حديثه: the object with its pronoun is not the name
        if np_end > verb + 1 and not self.names_source(b, verb + 1):
            return None  # ويمكن تلخيص الموقف بالقول: no one speaks
        candidate.speaker = (verb + 1, np_end) if np_end > verb + 1 else None
        candidate.start_token = verb
        return candidate

    def object_pronoun_candidate(self, b: int, t: int) -> Optional[_Candidate]:
        """وصفه ترامب بأنه …: a cue carrying its object pronoun reports only with a that-clause or quotation."""
        tokens = self.blocks[b].tokens
        key = tokens[t].key
        stripped = _strip_object(key)
        if stripped == key or not re.sub(r"[\u064b-\u0652\u0640]", "", tokens[t].text).endswith(("ه", "ها")):
            return None  # إضافة، دعاة: a feminine ending, not a pronoun
        entry, conj = lookup_cue(stripped)
        if entry is None or entry.kind != "verb" or entry.person != 3 or entry.ambiguous or entry.relays:
            return None
        prev = _prev_word(tokens, t)
        if prev is not None and prev.key in RELATIVES:
            # وهذا ما أكده المتحدث: only the back-reference; ما يعتبره جميلا: / القرار الذي أعلنه reports nothing
            candidate = self.relative_candidate(b, t, entry)
            return candidate if candidate is not None and candidate.method == "back" else None
        if not (conj or prev is None or not prev.is_word or prev.key in CLAUSE_OPENERS):
            return None  # أكدت إدانته: inside a clause the form is a verbal noun with its pronoun
        # the object is the pronoun, so what follows بأنه is the content (وصفه الوزير بأنه …)
        entry = replace(entry, complements=("أن", *entry.complements))
        candidate = self.verb_candidate(b, t, entry, conj)
        if candidate is None or candidate.method not in ("that", "quote") or candidate.speaker is None:
            return None
        # only right after its subject (وصفه ترامب بأنه): اعتبره X جميلا takes a second object instead
        opener = candidate.content_start - 1
        if opener != candidate.speaker[1] and not (candidate.method == "quote" and tokens[opener].text in ALL_MARKS and opener == candidate.speaker[1]):
            return None
        return candidate

    def narrator_resumes(self, b: int, t: int) -> bool:
        """"، ونشرت القوة الشرعية …": و + a past reporting or publishing verb with its own
        named or definite subject is the narrator's next sentence, not more reported words."""
        tokens = self.blocks[b].tokens
        if t + 1 >= len(tokens):
            return False
        entry, conj = lookup_cue(tokens[t].key)
        if entry is None or not conj or entry.kind != "verb" or entry.tense != "past":
            return False
        subject = tokens[t + 1]
        mention = self.mention_at(b, t + 1)
        return _is_definite(subject.key) and not _is_stop(subject) or (mention is not None and mention.label in ("PER", "ORG"))

    # -- على حد قوله --

    def closer_candidates(self, accepted: list[_Candidate]) -> list[_Candidate]:
        """"…، على حد قوله": a clause no cue introduced, attributed by its closer to "him"."""
        found = []
        closing = _QuotedTokens(accepted, after=2)  # a quote's words and the two tokens after them
        for b, block in enumerate(self.blocks):
            tokens = block.tokens
            for t in range(1, len(tokens)):
                if tokens[t].region >= 0 or not _starts_closer(tokens, t, self.lexicon.closers):
                    continue
                if closing.holds(b, t):
                    continue  # the closer of an accepted quote (قال إن … على حد تعبيره)
                start, end = self.sentence_start(b, t), t
                while end > start and not tokens[end - 1].is_word:
                    end -= 1
                if block.word_count(start, end) < MIN_SPEECH_WORDS:
                    continue
                size = next(len(c) for c in self.lexicon.closers if all(
                    t + i < len(tokens) and tokens[t + i].key == w for i, w in enumerate(c)))
                noun = tokens[t + size - 1].key
                entry = replace(_CLOSER_ENTRY, gender="f" if noun.endswith("ها") else "m")
                candidate = _Candidate(b, (t, t + size), entry, "closer", start, content_end=end)
                candidate.boundary = False
                candidate.start_token = start
                candidate.speaker = self.last_person(b, start, end)
                found.append(candidate)
        return found

    def last_person(self, b: int, start: int, end: int) -> Optional[tuple[int, int]]:
        """The last person named in ``tokens[start:end]`` (from mentions), as a token range:
        from the last token under a person, back over the person tokens of that same mention."""
        people = self._person_tokens(b)
        at = bisect_left(people, end) - 1
        if at < 0 or people[at] < start:
            return None
        last, mention = people[at], self.mention_at(b, people[at])
        while at > 0 and people[at - 1] >= start and self.mention_at(b, people[at - 1]) is mention:
            at -= 1
        return people[at], last + 1

    def _person_tokens(self, b: int) -> list[int]:
        """The tokens of block ``b`` under a person mention, in order (built on first use)."""
        people = self._people.get(b)
        if people is None:
            people = self._people[b] = sorted(t for t, m in self.token_mention[b].items() if m.label == "PER")
        return people

    # -- عقب تأكيد X أن / في بيان لـ X --

    def noun_candidate(self, b: int, t: int) -> Optional[_Candidate]:
        """عقب تأكيد وزير الخارجية أن …، بعد دعوة الرئيس إلى …: a verbal noun whose agent follows it.

        Only after a preposition of time or circumstance, with the agent right
        after the noun (في إشارة إلى … has none), and a complement the verb takes.
        """
        tokens = self.blocks[b].tokens
        entry = self.lexicon.verbal_nouns.get(_strip_conj(tokens[t].key))
        prev = _prev_word(tokens, t)
        if entry is None or prev is None or _strip_conj(prev.key) not in NOUN_FRAME_PREPS:
            return None
        np_end = self.speaker_forward(b, t + 1, len(tokens), split_object=entry.addressee)
        if np_end == t + 1 or tokens[t + 1].key in self.lexicon.proposition_nouns:
            return None
        candidate = self.complement_candidate(b, t, entry, np_end)
        if candidate is None or candidate.method not in ("that", "quote", "colon", "prep"):
            return None
        candidate.speaker = (t + 1, np_end)
        candidate.start_token = t - 1
        return candidate

    def record_statement_owner(self, b: int, t: int) -> None:
        """في بيان لوزارة الخارجية، حذرت …: the owner of the statement is who speaks next."""
        tokens = self.blocks[b].tokens
        if _strip_conj(tokens[t].key) not in self.lexicon.statement_frames or t + 1 >= len(tokens):
            return
        owner = tokens[t + 1]
        if owner.key in ("ل", "لـ"):
            start = t + 2
        elif owner.key.startswith("ل") and not owner.key.startswith("لل") and owner.key[1:] not in OBJECT_PRONOUNS:
            start = t + 1
        else:
            return
        if start >= len(tokens) or not tokens[start].is_word:
            return  # في تصريح لـ"عكاظ": a quoted name is the medium spoken to
        end = self.speaker_forward(b, start, len(tokens))
        if end == start:
            return
        keys = [_strip_noun(tokens[start].key), _strip_noun(tokens[start].key[1:])]
        mention = self.mention_at(b, start)
        if any(k in self.lexicon.heads["media"] for k in keys) or (mention is not None and mention.label == "LOC"):
            return  # في حديث لصحيفة …: the medium, not the speaker
        self.loose_agents.append((b, (start, end), _OWNER_ENTRY))

    # -- نقل عن X قوله / بحسب X --

    def relay_candidate(self, b: int, t: int, entry: CueEntry) -> Optional[_Candidate]:
        """نقلت وكالة X عن Y (قوله) إن ...: Y speaks, the agency relays."""
        tokens = self.blocks[b].tokens
        limit = min(len(tokens), t + TERMINAL_WINDOW)
        for s in range(t + 1, min(limit, t + MAX_RELAY_GAP)):
            key = tokens[s].key
            if _ends_sentence(tokens, s) or (s > t + 1 and key in CLAUSE_OPENERS):
                return None  # نقل ... كما عبر فلان عن: that عن belongs to another clause
            source = None
            if key == "عن":
                source = s + 1
            elif key == "علي" and s + 1 < limit and tokens[s + 1].key == "لسان":
                source = s + 2
            if source is None:
                continue
            while source < limit and tokens[source].text in COMMAS:
                source += 1
            np_end = self.speaker_forward(b, source, limit)
            if np_end == source:
                return None
            after = self._skip_apposition(b, np_end, limit)
            noun_cue = lookup_cue(tokens[after].key)[0] if after < len(tokens) else None
            # the relaying verb agrees with the agency, not with the source; what follows
            # the source is reported speech, so a that-clause is always welcome
            reported = replace(entry, gender="", number="", complements=("أن", *entry.complements))
            window = TERMINAL_WINDOW
            if noun_cue is not None and noun_cue.kind == "noun":  # عن X قوله / تأكيده على
                after += 1
                reported = replace(noun_cue, gender="", number="", complements=("أن", *noun_cue.complements))
                window = 2 * TERMINAL_WINDOW
            candidate = self.complement_candidate(b, t, reported, after, window)
            if candidate is None:
                noun = _Candidate(b, (t, t + 1), reported, "obj", after)
                candidate = noun if after < limit and tokens[after].is_word and not _is_stop(tokens[after]) else None
            if candidate is not None:
                if candidate.method == "prep" and tokens[candidate.content_start - 1].key == "علي":
                    candidate.method = "that"
                candidate.speaker = (source, np_end)
                candidate.start_token = t
            return candidate
        return None

    def _skip_apposition(self, b: int, t: int, limit: int) -> int:
        """Skip "، المسؤول السياسي بجيش الإسلام،" between a source and what it said."""
        tokens = self.blocks[b].tokens
        if t < limit and tokens[t].text in COMMAS:
            close = next((i for i in range(t + 1, min(limit, t + MAX_APPOSITION_GAP)) if tokens[i].text in COMMAS), None)
            if close is not None and close + 1 < len(tokens) and lookup_cue(tokens[close + 1].key)[0] is not None:
                return close + 1
        while t < limit and tokens[t].text in COMMAS:
            t += 1
        return t

    def attribution_candidate(self, b: int, t: int, entry: CueEntry) -> Optional[_Candidate]:
        """بحسب ما أفاد X / وفقا لبيان صادر عن X / نقلا عن X: X is the source of the clause."""
        tokens = self.blocks[b].tokens
        limit = min(len(tokens), t + TERMINAL_WINDOW)
        s, cue = t + 1, (t, t + 1)
        lex = self.lexicon
        while s < limit and (tokens[s].key in lex.attribution_links or tokens[s].key in ("صادر", "الصادر")):
            s += 1
        if s < limit and tokens[s].key[:1] == "ل" and tokens[s].key[1:] in lex.attribution_carriers:
            s += 1  # وفقا لبيان
        while s < limit and (tokens[s].key in lex.attribution_carriers or tokens[s].key in ("صادر", "الصادر", "عن")):
            s += 1
        if s < limit:
            verb = lookup_cue(tokens[s].key)[0] or lookup_cue(_strip_object(tokens[s].key))[0]
            if verb is not None and verb.kind == "verb":
                cue, entry = (s, s + 1), verb
                s += 1
        quoted = self.quoted_source(b, s)
        if quoted is not None:
            s, np_end = quoted  # بحسب "رويترز"، فقد: the name inside the marks
        else:
            np_end = self.speaker_forward(b, s, limit)
        if np_end == s or not self.is_source(b, s, np_end):
            return None
        np_end = self.specified_source(b, s, np_end, limit) if quoted is None else np_end
        prev = _prev_word(tokens, t)
        sentence_start = self.sentence_start(b, t)
        if t == sentence_start or (prev is not None and prev.key in CLAUSE_OPENERS and t - 1 == sentence_start):
            after = np_end + 1 if quoted is not None else np_end  # past the closing mark
            while after < len(tokens) and (tokens[after].text in COMMAS or tokens[after].key in CONTENT_OPENERS):
                after += 1
            if after >= len(tokens) or not tokens[after].is_word or tokens[after].key in PREPOSITIONS:
                return None  # وفقا لمعلومات حصلت عليها «عكاظ» | من مصادرها: the phrase is not over
            verb = lookup_cue(tokens[after].key)[0]
            if verb is not None and verb.kind == "verb" and verb.tense == "past":
                return None  # وبحسب «رويترز»، أضاف الاتحاد أن: the clause names its own speaker (not يُعتقد أن)
            candidate = _Candidate(b, cue, entry, "attribution", after)
        else:
            end = t
            while end > sentence_start and (tokens[end - 1].text in COMMAS or tokens[end - 1].key in ("وذلك", "ذلك")):
                end -= 1
            first = sentence_start
            if end - first < 3:
                return None
            candidate = _Candidate(b, cue, entry, "attribution", first, content_end=end)
        candidate.speaker = (s, np_end)
        candidate.start_token = t
        candidate.boundary = False
        return candidate

    def quoted_source(self, b: int, t: int) -> Optional[tuple[int, int]]:
        """The words of a short balanced quotation opening at ``t`` (بحسب "رويترز"), as a source
        name; only when the tagger found a name inside, since longer or untagged ones are words."""
        region = self.region_opening_at(b, t)
        if region is None or not region.balanced or region.close_token < 0 or not 0 < region.words <= MAX_QUOTED_NAME_WORDS:
            return None
        if not any((m := self.mention_at(b, k)) is not None and m.label in ("PER", "ORG") for k in range(region.first, region.last + 1)):
            return None
        return region.first, region.last + 1

    def specified_source(self, b: int, start: int, end: int, limit: int) -> int:
        """"شهود من الناجين"، "مصادر في الوزارة": an anonymous source takes the phrase that says
        which ones it is."""
        tokens, heads = self.blocks[b].tokens, self.lexicon.heads
        first = _source_head(tokens[start].key)
        if first not in heads["anonymous"] or end + 1 >= limit or tokens[end].key not in ("من", "في"):
            return end
        nxt = self.speaker_forward(b, end + 1, limit)
        return nxt if nxt > end + 1 else end

    def is_evidence(self, b: int, t: int) -> bool:
        key = self.blocks[b].tokens[t].key
        return self.mention_at(b, t) is None and (
            key in self.lexicon.heads["not_sources"] or _strip_noun(key) in self.lexicon.heads["not_sources"]
        )

    def is_source(self, b: int, start: int, end: int) -> bool:
        """Can this phrase be a source (بحسب المرصد) rather than evidence (بحسب الصور)?"""
        tokens, heads = self.blocks[b].tokens, self.lexicon.heads
        first = tokens[start].key
        if self.is_evidence(b, start) and self.mention_at(b, start) is None:
            return False
        if any(_source_head(first) in heads[k] for k in ("anonymous", "media", "document")):
            return True  # وفقا لشهود، بحسب مصادر، وفقا لوثائق المحكمة
        if any(self.mention_at(b, t) is not None for t in range(start, end)):
            return True
        known = ("person", "organisation", "media", "anonymous")
        if any(first in heads[k] or _strip_noun(first) in heads[k] for k in known):
            return True
        # without a recognised entity: a short bare name, not a definite common noun
        return not self.mentions and not first.startswith("ال") and end - start <= 3

    def sentence_start(self, b: int, t: int) -> int:
        """The token after the last sentence end before ``t`` (outside quotes), else 0."""
        if t <= 0:
            return t
        ends = self.blocks[b].sentence_ends
        before = bisect_left(ends, t) - 1
        return ends[before] + 1 if before >= 0 else 0

    # -- headline form: المتحدث: قول --

    def headline_candidates(self, accepted: list[_Candidate]) -> list[_Candidate]:
        found = []
        speakers = {_key_text(self.speaker_text(c)) for c in accepted if c.speaker}
        quoting = {c.block for c in accepted}
        for b, block in enumerate(self.blocks):
            tokens = block.tokens
            words = sum(t.is_word for t in tokens)
            if not tokens or words > MAX_HEADLINE_WORDS:
                continue
            if block.span.label not in ("title", "caption", "subheading") and any(_ends_sentence(tokens, i) for i in range(len(tokens) - 1)):
                continue
            if b in quoting:
                continue
            head = self.headline_head(b, 0, speakers)
            if head is None:
                continue
            # رابط الخبر: “هيومن رايتس ووتش”: …: a speaker form inside the content is the real one
            head = self.headline_head(b, head[2] + 1, speakers) or head
            speaker_start, speaker_end, colon = head
            if tokens[speaker_start].key in LINK_WORDS and rule_on("Q-LINK-LINE"):
                continue  # رابط الخبر بصحيفة الوئام: <the article's own title>: a link line, not a statement
            candidate = _Candidate(b, (colon, colon + 1), _COLON_ENTRY, "headline", colon + 1)
            region = self.region_opening_at(b, colon + 1)
            if region is not None and region.last >= len(tokens) - 3:
                candidate.region = self.region_index(b, region)
                candidate.content_start = region.first
            candidate.speaker = (speaker_start, speaker_end)
            candidate.content_end = _trim_credit(tokens, len(tokens))
            found.append(candidate)
        return found

    def headline_head(self, b: int, start: int, speakers: set[str]) -> Optional[tuple[int, int, int]]:
        """Speaker (start, end) and colon of a headline form starting at ``start``, or None.

        The speaker is a short name phrase, or a quoted name (“هيومن رايتس ووتش”: …).
        """
        tokens = self.blocks[b].tokens
        region = self.region_opening_at(b, start)
        quoted = (
            region is not None and region.balanced and 0 < region.words <= MAX_NAME_WORDS
            and region.close_token + 1 < len(tokens) and tokens[region.close_token + 1].text == ":"
        )
        if quoted:
            first, end, colon = region.first, region.last + 1, region.close_token + 1
        else:
            limit = min(len(tokens), start + MAX_HEADLINE_SPEAKER_WORDS + 1)
            colon = next((i for i in range(start, limit) if tokens[i].text == ":"), None)
            if colon is None or colon == start:
                return None
            first, end = start, _addressee_start(tokens, colon, start)
            if any(not t.is_word or _is_stop(t) or _is_cue_token(t) for t in tokens[first:end]):
                return None
        if sum(t.is_word for t in tokens[colon + 1 :]) < 3:
            return None
        if not self.is_headline_speaker(b, first, end, speakers):
            # a quoted name may still speak when the tagger did not see it as a place
            if not quoted or any((m := self.mention_at(b, t)) is not None and m.label == "LOC" for t in range(first, end)):
                return None
        return first, (end if quoted else self.headline_name_end(b, end, first)), colon

    def headline_name_end(self, b: int, end: int, start: int = 0) -> int:
        """"ترامب يتوعد روحاني: …": the speaker is the name before the verb, not the clause.

        The name ends before a present-tense verb (ي + stem) or, with mentions, where
        the first name ends when another name follows it.
        """
        tokens, heads = self.blocks[b].tokens, self.lexicon.heads
        for t in range(start + 1, end):
            key = tokens[t].key
            if key.startswith("ي") and len(key) > 3 and not any(key in heads[k] for k in heads):
                return t
        first = self.mention_at(b, start)
        if first is not None:
            t = start + 1
            while t < end and self.mention_at(b, t) is first:
                t += 1
            if t < end and self.mention_at(b, t) is not None:
                return t
        return end

    def is_headline_speaker(self, b: int, start: int, end: int, speakers: set[str]) -> bool:
        tokens = self.blocks[b].tokens
        labels = {m.label for t in range(start, end) if (m := self.mention_at(b, t)) is not None}
        if labels & {"PER", "ORG"}:
            return True
        if labels == {"LOC"}:
            return False
        first = _strip_noun(tokens[start].key)
        heads = self.lexicon.heads
        if any(first in heads[k] or tokens[start].key in heads[k] for k in ("person", "anonymous", "media")):
            return True
        text = _key_text(" ".join(t.text for t in tokens[start:end]))
        return any(text and (text == s or f" {text}" in f" {s}") for s in speakers)

    # -- agents: who may be "he"/"she" later --

    def record_agent(self, b: int, t: int, entry: CueEntry, conj: str) -> None:
        """A cue that reports nothing still names a subject a later dropped subject may refer to."""
        tokens = self.blocks[b].tokens
        subject = None if conj else self.subject_backward(b, t)
        prev = _prev_word(tokens, t)
        if subject is not None:
            span = (subject, t)
        elif conj or prev is None or not prev.is_word or prev.key == AS_WORD:  # a bare form inside a clause is too often not a verb
            end = self.speaker_forward(b, t + 1, len(tokens))
            span = (t + 1, end) if end > t + 1 else None
        else:
            span = None
        if span is not None and tokens[span[0]].key not in self.lexicon.scripture_speakers:
            self.loose_agents.append((b, span, entry))

    def speaker_text(self, candidate: _Candidate) -> str:
        tokens = self.blocks[candidate.block].tokens
        s, e = candidate.speaker
        return self.doc.text[tokens[s].start : tokens[e - 1].end]


_COLON_ENTRY = CueEntry(":", lemma=":", kind="phrase", polarity="neutral", strength=1.0)
_CLOSER_ENTRY = CueEntry("علي حد قوله", lemma="على حد قوله", kind="phrase", polarity="neutral", strength=0.8)
# The owner of a statement (في بيان لـ X) agrees with any later cue.
_OWNER_ENTRY = CueEntry("", lemma="", kind="noun", polarity="neutral", strength=1.0)


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


def _is_relational(key: str) -> bool:
    """نظيره، زميلها: a noun with its possessor's pronoun is never a name."""
    for suffix in ("هما", "هم", "ها", "ه"):
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


def _opens_new_clause(token: _Token) -> bool:
    """وهي / وتجري / ونشرت after a comma: the narrator's next clause, not more of a frame's object."""
    key = token.key
    if key in ("وهي", "وهو", "وهم", "وهما") or key in CLAUSE_OPENERS:
        return True
    entry, conj = lookup_cue(key)
    if conj:
        return True
    # و + a present verb (وتجري، ويعمل); ت- is left out, it also starts verbal nouns (وتصنيفات)
    return len(key) > 4 and key.startswith("وي") and key[1:] not in MONTHS_AND_DAYS


def _addressee_start(tokens: list[_Token], colon: int, start: int = 0) -> int:
    """Where "لـ X" / "لX" (whom a headline speaker addresses) starts before the colon, else the colon."""
    for t in range(start + 1, colon):
        key = tokens[t].key
        if key in ("ل", "لـ") or (key.startswith("ل") and not key.startswith("لل") and len(key) > 3 and t == colon - 1):
            rest = tokens[t + 1 : colon] if key in ("ل", "لـ") else []
            if all(r.is_word or r.text in ALL_MARKS for r in rest):
                return t
    return colon


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
    if len(bare) <= 3:
        return bare
    return bare[0] + "".join(ch for ch in bare[1:-1] if ch not in "اوي") + bare[-1]


def _stops_title(other: Optional[Mention], mention: Mention) -> bool:
    """Another name ends a name's title words: any person, or an organisation before an organisation
    (مدير المرصد رامي عبد الرحمن: the organisation is part of the person's title)."""
    return other is not None and other is not mention and (other.label == "PER" or mention.label == other.label)


def _strip_conj(key: str) -> str:
    return key[1:] if len(key) > 3 and key[0] in "وف" else key


def _strip_object(key: str) -> str:
    """نشرته -> نشرت, نقلته -> نقلت: a verb with an object pronoun."""
    for suffix in ("ها", "ه"):
        if key.endswith(suffix) and len(key) > len(suffix) + 2:
            return key[: -len(suffix)]
    return key


def _key_text(text: str) -> str:
    return " ".join(WORD_TOKEN_RE.findall(match_form(text)))


WORD_TOKEN_RE = re.compile(r"[^\W_]+")


def _trim_credit(tokens: list[_Token], end: int) -> int:
    """Drop a photo credit "(رويترز)" at the end of a caption."""
    if end >= 3 and tokens[end - 1].text == ")":
        for t in range(end - 2, max(-1, end - 7), -1):
            if tokens[t].text == "(":
                return t
    return end


# --- content boundaries and selection ------------------------------------------------


def _content_end(ex: _Extractor, c: _Candidate, stops: list[int]) -> int:
    """Token index (exclusive) where an indirect quote's content ends."""
    tokens = ex.blocks[c.block].tokens
    t = c.content_start
    after = bisect_right(stops, c.content_start)  # stops are sorted
    next_stop = stops[after] if after < len(stops) else len(tokens)
    closers = ex.lexicon.closers
    while t < next_stop:
        token = tokens[t]
        if token.region < 0:
            if _ends_sentence(tokens, t) and not _is_ellipsis(tokens, t):
                break
            if token.text in COMMAS and t + 1 < len(tokens) and _stops_clause(tokens, t + 1, closers):
                break
            if token.text in COMMAS and c.method in ("prep", "obj") and t + 1 < len(tokens) and _opens_new_clause(tokens[t + 1]):
                break
            if token.text in COMMAS and ex.narrator_resumes(c.block, t + 1):
                break
            if _starts_closer(tokens, t, closers):
                break
            if t > c.content_start and token.text in COMMAS and t + 2 < len(tokens) \
                    and (tokens[t + 1].key, tokens[t + 2].key) in NARRATIVE_TIME_PAIRS and rule_on("B-TIME-CLAUSE"):
                c.rules += ("B-TIME-CLAUSE",)
                break
            if t > c.content_start + 1 and _is_circumstantial(token) and rule_on("B-CIRCUMSTANTIAL"):
                c.rules += ("B-CIRCUMSTANTIAL",)
                while t > c.content_start and (not tokens[t - 1].is_word or tokens[t - 1].key in CLAUSE_OPENERS) \
                        and tokens[t - 1].text not in ALL_MARKS:
                    t -= 1
                break
        t += 1
    end = _trim_credit(tokens, t) if t == len(tokens) else t
    if end == next_stop:  # drop the connector before the next cue: "، مؤكدا" / "كما"
        while end > c.content_start and (not tokens[end - 1].is_word or tokens[end - 1].key in CLAUSE_OPENERS) and tokens[end - 1].text not in ALL_MARKS:
            end -= 1
    return end


def _is_circumstantial(token: _Token) -> bool:
    """متناولا، مستعرضا: an accusative participle (a circumstantial clause) of an act verb that is no cue
    (cues.json circumstantial) opens the speaker's next act, so the content before it ends. (A cue's own
    participle, مشيرا إلى أن, ends it as the next candidate.)"""
    return token.key in load_cues().circumstantial


def _is_decimal_point(tokens: list[_Token], t: int) -> bool:
    """1.2: a dot glued between digits is part of a number, never a full stop."""
    return (
        tokens[t].text == "."
        and 0 < t < len(tokens) - 1
        and tokens[t - 1].end == tokens[t].start
        and tokens[t + 1].start == tokens[t].end
        and tokens[t - 1].text[-1:].isdigit()
        and tokens[t + 1].text[:1].isdigit()
    )


def _ends_sentence(tokens: list[_Token], t: int) -> bool:
    return tokens[t].text in SENTENCE_END and not _is_decimal_point(tokens, t) and not _is_title_abbreviation(tokens, t) \
        and not _is_initialism_dot(tokens, t)


def _is_initialism_dot(tokens: list[_Token], t: int) -> bool:
    """إيه.بي.سي، إي.واي: a dot glued between two short letter groups spells out a name; a run-on
    "الاجتماع.وقال" (a missing space after a full stop) has a longer word on one side."""
    if tokens[t].text != "." or not 0 < t < len(tokens) - 1:
        return False
    left, right = tokens[t - 1], tokens[t + 1]
    return (
        left.end == tokens[t].start
        and right.start == tokens[t].end
        and left.is_word
        and right.is_word
        and len(left.text) <= MAX_INITIAL_LETTERS
        and len(right.text) <= MAX_INITIAL_LETTERS
        and not DIGIT_RE.match(left.text)
        and not DIGIT_RE.match(right.text)
        and lookup_cue(right.key)[0] is None
    )


def _is_title_abbreviation(tokens: list[_Token], t: int) -> bool:
    """د. بدر، م. خالد: the dot after a one-letter title closes the abbreviation, not the sentence."""
    return (
        tokens[t].text == "."
        and 0 < t < len(tokens) - 1
        and tokens[t - 1].end == tokens[t].start
        and tokens[t - 1].key in TITLE_ABBREVIATIONS
        and (t < 2 or (tokens[t - 2].end < tokens[t - 1].start and not DIGIT_RE.match(tokens[t - 2].text)))
        and tokens[t + 1].is_word  # not "عام 2015 م." (the era), which ends a sentence
    )


def _is_ellipsis(tokens: list[_Token], t: int) -> bool:
    """".." inside a sentence (سوريا.. ولا) is a pause, not a full stop."""
    return tokens[t].text == "." and (
        (t + 1 < len(tokens) and tokens[t + 1].text == "." and tokens[t + 1].start == tokens[t].end)
        or (t > 0 and tokens[t - 1].text == "." and tokens[t - 1].end == tokens[t].start)
    )


def _stops_clause(tokens: list[_Token], t: int, closers) -> bool:
    key = tokens[t].key
    if key in CLAUSE_STOPPERS or (key[:1] == "و" and key[1:] in CLAUSE_STOPPERS):
        return True
    if t + 1 < len(tokens) and (key, tokens[t + 1].key) in CLAUSE_STOPPER_PAIRS:
        return True
    return _starts_closer(tokens, t, closers)


def _starts_closer(tokens: list[_Token], t: int, closers) -> bool:
    any_empty, by_first_word = _closer_index(closers)
    if any_empty or t >= len(tokens):
        return any_empty and t <= len(tokens)
    return any(
        t + len(closer) <= len(tokens) and all(tokens[t + i].key == word for i, word in enumerate(closer))
        for closer in by_first_word.get(tokens[t].key, ())
    )


_CloserIndex = tuple[bool, dict[str, list[tuple[str, ...]]]]
_last_closer_index: tuple[Any, _CloserIndex] = ((), (False, {}))


def _closer_index(closers: tuple[tuple[str, ...], ...]) -> _CloserIndex:
    """Whether an empty closer is listed, and the closers by first word: every token is
    tested, and only the closers its own word starts can match there.

    The lexicon's closers are one tuple, so the last index is kept by identity (cheaper
    than hashing the tuple on every token).
    """
    global _last_closer_index
    cached_for, index = _last_closer_index
    if cached_for is not closers:
        by_first_word: dict[str, list[tuple[str, ...]]] = {}
        for closer in closers:
            if closer:
                by_first_word.setdefault(closer[0], []).append(closer)
        index = (not all(closers), by_first_word)
        _last_closer_index = (closers, index)
    return index


def _select(ex: _Extractor, candidates: list[_Candidate]) -> list[_Candidate]:
    """Bound every content, drop cues nested in an accepted quote, keep one of duplicates."""
    candidates.sort(key=lambda c: (c.block, min(c.start_token, c.cue[0])))
    stops: dict[int, list[int]] = {}  # sorted: the candidates are in order within a block
    for c in candidates:
        if c.boundary:
            stops.setdefault(c.block, []).append(min(c.start_token, c.cue[0]))
    accepted: list[_Candidate] = []
    # accepted quotes by the block of their words: _inside and _overlaps only hold within one
    accepted_in: dict[int, _AcceptedIndex] = {}
    for c in candidates:
        if c.region >= 0:
            region = ex.blocks[c.block].regions[c.region]
            c.content_start, c.content_end = region.first, region.last + 1
        elif c.content_end < 0:
            c.content_end = _content_end(ex, c, stops.get(c.block, []))
        if c.content_end <= c.content_start or not _has_words(ex.blocks[c.text_block], c.content_start, c.content_end):
            continue
        own = accepted_in.get(c.block)
        container = own.container(c) if own is not None else None
        if container is not None:
            if c.speaker and not container.embedded and c.speaker[0] >= container.content_start:
                container.embedded = ex.speaker_text(c)
            continue
        index = accepted_in.setdefault(c.text_block, _AcceptedIndex())
        if index.overlapping(c):
            continue
        index.add(c)
        accepted.append(c)
    return _drop_repeats(ex, accepted)


def _has_words(block: _Block, start: int, end: int) -> bool:
    """Whether ``block.tokens[start:end]`` holds a word (a count, not a copy of the slice)."""
    if start < 0:  # a negative start slices from the end
        return any(t.is_word for t in block.tokens[start:end])
    return block.word_count(start, end) > 0


def _inside(c: _Candidate, a: _Candidate) -> bool:
    position = min(c.start_token, c.cue[0])
    return c.block == a.text_block and a.content_start <= position < a.content_end and not c.boundary


def _overlaps(c: _Candidate, a: _Candidate) -> bool:
    shared = min(c.content_end, a.content_end) - max(c.content_start, a.content_start)
    shortest = min(c.content_end - c.content_start, a.content_end - a.content_start)
    return shared > 0 and shared >= OVERLAP_DUPLICATE * shortest


class _AcceptedIndex:
    """The accepted quotes of one block, sorted by where their content starts.

    No two of them overlap by half of the shorter (``_overlaps`` would have dropped
    one), so none holds another, their ends are sorted like their starts, and a token
    lies in at most two of them. A check then reads the one or two neighbours that
    bisect finds instead of every accepted quote of the block (quadratic on a one-line
    page with thousands of cues).
    """

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.quotes: list[tuple[int, _Candidate]] = []  # (order of acceptance, quote), by start

    def add(self, c: _Candidate) -> None:
        at = bisect_right(self.starts, c.content_start)
        self.starts.insert(at, c.content_start)
        self.quotes.insert(at, (len(self.quotes), c))

    def container(self, c: _Candidate) -> Optional[_Candidate]:
        """The first accepted quote (in order of acceptance) that ``c``'s cue is ``_inside``."""
        if c.boundary:
            return None
        position = min(c.start_token, c.cue[0])
        holders = []
        for at in range(bisect_right(self.starts, position) - 1, -1, -1):
            order, a = self.quotes[at]
            if a.content_end <= position:
                break  # the ends are sorted: every earlier quote ends before too
            holders.append((order, a))
        return min(holders, key=lambda pair: pair[0])[1] if holders else None

    def overlapping(self, c: _Candidate) -> bool:
        """Whether ``c``'s content ``_overlaps`` an accepted one."""
        for at in range(bisect_left(self.starts, c.content_end) - 1, -1, -1):
            a = self.quotes[at][1]
            if a.content_end <= c.content_start:
                return False  # the ends are sorted: no earlier quote reaches c
            if _overlaps(c, a):
                return True
        return False


def _drop_repeats(ex: _Extractor, accepted: list[_Candidate]) -> list[_Candidate]:
    """A statement repeated by the layout (a caption twice, a lead paragraph echoed) is one quote.

    A repeat has the same cue lemma and nearly the same words; the same fact
    reported through another cue (أعلن ... / بحسب ما أفاد ...) stays.
    """
    kept, seen = [], {}  # seen: the word sets of the kept quotes, by cue lemma
    for c in accepted:
        tokens = ex.blocks[c.text_block].tokens[c.content_start : c.content_end]
        words = {t.key for t in tokens if t.is_word}
        index = seen.setdefault(c.entry.lemma, _WordSetIndex())
        if index.repeated(words):
            continue
        index.add(words)
        kept.append(c)
    return kept


class _WordSetIndex:
    """Word sets with a look-up of the ones a new set ``_repeats``, without reading them all.

    A repeat shares at least ``ceil(REPEAT_SHARE * len(words))`` words, so it holds at
    least one of any ``len(words) - that + 1`` words of the new set: only the sets that
    hold one of its rarest words so far are compared (as in set-similarity joins).
    """

    def __init__(self) -> None:
        self.sets: list[set[str]] = []
        self.holding: dict[str, list[int]] = {}  # word -> indices of the sets that hold it

    def add(self, words: set[str]) -> None:
        for word in words:
            self.holding.setdefault(word, []).append(len(self.sets))
        self.sets.append(words)

    def repeated(self, words: set[str]) -> bool:
        if not words:
            return any(_repeats(words, other) for other in self.sets)
        probes = len(words) - math.ceil(REPEAT_SHARE * len(words)) + 1
        rarest = sorted((self.holding.get(word, ()) for word in words), key=len)[:probes]
        compared: set[int] = set()
        for holders in rarest:
            for i in holders:
                if i not in compared:
                    compared.add(i)
                    if _repeats(words, self.sets[i]):
                        return True
        return False


def _repeats(words: set[str], other: set[str]) -> bool:
    most = REPEAT_SHARE * max(len(words), len(other))
    # the sizes alone rule most pairs out before the intersection is built
    return min(len(words), len(other)) >= most and len(words & other) >= most


# --- speakers ---------------------------------------------------------------------------


@dataclass
class _Agent:
    position: int
    span: Span
    canonical: str
    kind: str
    gender: str
    number: str
    named: bool = False  # the canonical is a name (a mention's), not a description


@dataclass
class _Attribution:
    span: Optional[Span]
    canonical: str = ""
    kind: str = "unknown"
    is_pronoun: bool = False
    rules: tuple[str, ...] = ()  # ids (RULES) of the rules that chose the speaker


class _Resolver:
    """Speakers in reading order, with a memory of who spoke for dropped subjects."""

    def __init__(self, ex: _Extractor, accepted: Sequence[_Candidate] = ()):
        self.ex = ex
        self.accepted = accepted  # whose words a pronoun's antecedent may not come from
        self.agents: list[_Agent] = []

    def phrase_span(self, b: int, start: int, end: int) -> Optional[Span]:
        tokens = self.ex.blocks[b].tokens
        while start < end and not tokens[start].is_word:
            start += 1
        closing = self.ex.blocks[b].closing
        while end > start and not tokens[end - 1].is_word:
            if (region := closing.get(end - 1)) is not None and region.open_token >= start:
                break  # منظمة “هيومن رايتس ووتش”: the name's closing mark stays
            if tokens[end - 1].text == ")" and any(tok.text == "(" for tok in tokens[start : end - 1]):
                break  # الاتحاد الدولي للنقل الجوي (أياتا): the acronym's bracket stays
            end -= 1
        if end <= start:
            return None
        first = tokens[start]
        offset = first.start
        entry, conj = lookup_cue(first.key)
        heads = self.ex.lexicon.heads
        if conj and first.key[1:] in heads["pronoun"]:
            offset += 1
        elif first.key[:1] == "ل" and not first.key.startswith("لل") and any(
            _strip_noun(first.key[1:]) in heads[k] for k in ("person", "organisation", "anonymous", "media", "document")
        ):
            offset += 1  # في بيان لوزارة الخارجية: the speaker is وزارة الخارجية
        return make_span(self.ex.doc.text, offset, tokens[end - 1].end, "speaker")

    def best_mention(self, b: int, start: int, end: int) -> Optional[Mention]:
        """The mention that names the speaker: a person, else a name at the head of the phrase.

        After a person's title an organisation or place is only its complement
        (مدير غوغل، وزير خارجية روسيا): it names no one.
        """
        tokens, heads = self.ex.blocks[b].tokens, self.ex.lexicon.heads
        mentions = [m for t in range(start, end) if (m := self.ex.mention_at(b, t)) is not None]
        best = min(mentions, key=lambda m: MENTION_PRIORITY.get(m.label, 9), default=None)
        if best is None or best.label == "PER":
            return best
        first = tokens[start].key
        if best.start > tokens[start].start and (first in heads["person"] or _strip_noun(first) in heads["person"]):
            return None
        return best

    def mention_name(self, mention: Mention, span: Span) -> str:
        """The mention's canonical name, or the part of it inside the speaker span when the
        tagger's span runs past it (وأردف البرعي: the cue is never part of the name)."""
        if (span.start <= mention.start and mention.end <= span.end) or self.overflow_is_name(mention, span):
            return mention.canonical or mention.text
        start, end = max(span.start, mention.start), min(span.end, mention.end)
        return self.ex.doc.text[start:end].strip() if end > start else span.text

    def overflow_is_name(self, mention: Mention, span: Span) -> bool:
        """``S-FULL-NAME``: the tagger's name runs past the speaker phrase with words of the name
        only (مدير عام الجمعية إبراهيم بن سليمان | الخميس, a surname read as a weekday): the fullest
        name stands. A cue, particle or mark in the overflow (وأردف البرعي) keeps the clipped name."""
        if not rule_on("S-FULL-NAME") or mention.end <= span.start or mention.start >= span.end:
            return False
        text = self.ex.doc.text
        outside = text[mention.start : max(mention.start, span.start)] + " " + text[min(mention.end, span.end) : mention.end]
        words = outside.split()
        if not words or any(not WORD_TOKEN_RE.fullmatch(w) for w in words):
            return False
        keys = [match_form(w) for w in words]
        return not any(lookup_cue(k)[0] is not None or _is_stop_key(k) and k not in TIME_WORDS for k in keys)

    def kind_of(self, keys: list[str], mention: Optional[Mention]) -> str:
        heads = self.ex.lexicon.heads
        first = keys[0] if keys else ""
        bare = _strip_noun(first)
        text = " ".join(keys)
        if any(text.startswith(h) for h in heads["media"] if " " in h) or first in heads["media"] or bare in heads["media"]:
            return "media"
        if mention is not None and mention.label == "PER":
            return "person"
        if first in heads["anonymous"] or bare in heads["anonymous"]:
            return "anonymous"
        if first in heads["person"] or bare in heads["person"]:
            return "person"
        if mention is not None and mention.label in ("ORG", "LOC"):
            return "organisation"
        if first in heads["organisation"] or bare in heads["organisation"]:
            return "organisation"
        if first in heads["document"] or bare in heads["document"]:
            return "unknown"  # a study, poll or contract: a source, but nobody's words
        if keys and not first.startswith("ال") and len(keys) <= 4:
            return "person"
        return "unknown"

    def antecedent(self, entry: CueEntry, before: int) -> Optional[_Agent]:
        earlier = [a for a in self.agents if a.position <= before]
        for agent in reversed(earlier):
            if entry.kind == "participle" and entry.number == "p":
                if _is_plural_phrase(_key_text(agent.span.text).split()):
                    return agent  # متسائلين، مشيرين: the most recent plural speaker
                continue
            if _agrees(entry.gender, agent.gender) and _agrees(entry.number, agent.number):
                return agent
        if entry.kind == "participle" and entry.number == "p":
            return None  # a singular speaker is worse than none
        return earlier[-1] if earlier else None

    def refers_back(self, keys: list[str], before: int) -> Optional[_Agent]:
        """An earlier agent named by this short or descriptive phrase (المصادر, كيري)."""
        wanted = {_strip_noun(k) for k in keys if k not in DEMONSTRATIVES}
        if not wanted:
            return None
        for agent in reversed([a for a in self.agents if a.position < before]):
            words = {_strip_noun(k) for k in _key_text(agent.span.text + " " + agent.canonical).split()}
            if wanted <= words:
                return agent
        return None

    def resolve(self, c: _Candidate, position: int) -> _Attribution:
        ex, entry = self.ex, c.entry
        if c.speaker is None:
            plural = entry.kind == "participle" and entry.number == "p"
            agent = (plural and self.plural_in_sentence(c)) or self.antecedent(entry, position)
            if entry.kind == "verb":
                # واستعرض كوي النظام … وقال إنه: a subject named after its verb later in the
                # paragraph is nearer than the last speaker
                agent = self.clause_subject_before(c, agent) or agent
            sentence = ex.blocks[c.block].tokens[ex.sentence_start(c.block, c.cue[0])].start
            if agent is None or (entry.kind == "participle" and agent.position < sentence):
                # كما عبر البنيان عن شكره، مؤكدا أن …: the participle's subject is the person
                # named earlier in its own sentence, even when that verb reported nothing
                agent = self.feminine_clause_subject(c) or self.named_in_sentence(c) or agent
            if agent is None:
                return _Attribution(None)
            self.remember(agent.span, agent.canonical, agent.kind, entry, position, named=agent.named)
            return _Attribution(agent.span, agent.canonical, agent.kind, is_pronoun=entry.kind == "verb",
                                rules=("S-DROPPED",))
        b, (start, end) = c.block, c.speaker
        span = self.phrase_span(b, start, end)
        if span is None:
            return _Attribution(None)
        keys = [t.key for t in ex.blocks[b].tokens[start:end] if t.is_word]
        mention = self.best_mention(b, start, end)
        heads = ex.lexicon.heads
        if len(keys) == 1 and (keys[0] in heads["pronoun"] or keys[0][1:] in heads["pronoun"]):
            agent = self.antecedent(entry, position)
            canonical, kind = (agent.canonical, agent.kind) if agent else (span.text, "unknown")
            self.remember(span, canonical, kind, entry, position, named=agent is not None and agent.named)
            return _Attribution(span, canonical, kind, is_pronoun=True, rules=("S-PRONOUN",))
        if len(keys) == 1 and keys[0] in LATTER and mention is None:
            latter = self.latest_person(span.start)  # قال بعدها الأخير: the one named last
            if latter is not None:
                canonical = latter.canonical or latter.text
                self.remember(span, canonical, "person", entry, position, named=True)
                return _Attribution(span, canonical, "person", is_pronoun=True, rules=("S-LATTER",))
        descriptive = keys[0] in DEMONSTRATIVES or (len(keys) <= 2 and keys[0].startswith("ال") and mention is None)
        if mention is not None:
            canonical = self.mention_name(mention, span)
            kind = self.kind_of(keys, mention)
            agent = None
        else:
            described = keys[0].startswith("ال") and len(keys) <= MAX_NAME_WORDS
            agent = self.refers_back(keys, position) if (descriptive or described or len(keys) <= 2) else None
            canonical = agent.canonical if agent else span.text
            kind = agent.kind if agent else self.kind_of(keys, None)
        rule = "S-NAMED" if mention is not None else "S-REFERS-BACK" if agent is not None else "S-PHRASE"
        if mention is not None and not (span.start <= mention.start and mention.end <= span.end) and self.overflow_is_name(mention, span):
            rule = "S-FULL-NAME"
        named = mention is not None or (agent is not None and agent.named)
        if not named and rule_on("S-TITLE-NAME") and (labels := self.title_labels(keys)):
            found = ex.named_by_title(keys, span.start, labels)
            if found is not None:
                canonical, kind, rule, named = found.canonical or found.text, self.kind_of(keys, found), "S-TITLE-NAME", True
        self.remember(span, canonical, kind, entry, position, named=named)
        return _Attribution(span, canonical, kind, is_pronoun=descriptive and agent is not None, rules=(rule,))

    def title_labels(self, keys: list[str]) -> tuple[str, ...]:
        """The labels of the names a description without a name may stand for (``S-TITLE-NAME``):
        a definite phrase or a title head (وزير الخارجية، نائب الرئيس), short, not anonymous
        (مصادر، مسؤول: nobody named) nor a pronoun; () when it is no such description."""
        if not keys or len(keys) > MAX_DESCRIPTION_WORDS:
            return ()
        heads = self.ex.lexicon.heads
        first = _strip_conj(keys[0]) if keys[0][1:3] == "ال" else keys[0]
        bare = _strip_noun(first)
        if bare in heads["anonymous"] or first in heads["pronoun"] or keys[0] in DEMONSTRATIVES:
            return ()
        if first in heads["person"] or bare in heads["person"]:
            return ("PER",)
        if any(first in heads[k] or bare in heads[k] for k in ("organisation", "media", "document")):
            return ("ORG",)
        return ("PER", "ORG") if first.startswith("ال") else ()

    def latest_person(self, before: int) -> Optional[Mention]:
        """The last person mention ending before offset ``before``."""
        return next((m for m in reversed(self.ex.mentions) if m.end <= before and m.label == "PER"), None)

    def plural_in_sentence(self, c: _Candidate) -> Optional[_Agent]:
        """واحتج المزارعون أمام الوزارة، مطالبين: a plural participle's subject is the last plural
        subject of a verb in its sentence, outside any quote's words."""
        ex, b = self.ex, c.block
        tokens = ex.blocks[b].tokens
        start = ex.sentence_start(b, c.cue[0])
        for t in range(c.cue[0] - 1, start, -1):
            if not tokens[t].is_word or not _is_plural_phrase([tokens[t].key]) or tokens[t - 1].is_word is False:
                continue
            if lookup_cue(tokens[t - 1].key)[0] is None and not (t - 1 == start and tokens[t - 1].key[:1] == "و"):
                continue  # only the subject right after its verb (VSO)
            if any(a.text_block == b and a.content_start <= t < a.content_end for a in self.accepted):
                continue
            end = ex.speaker_forward(b, t, len(tokens), split_object=True)
            span = self.phrase_span(b, t, max(end, t + 1))
            if span is not None:
                return _Agent(span.start, span, span.text, "person", "m", "p")
        return None

    def clause_subject_before(self, c: _Candidate, agent: Optional[_Agent]) -> Optional[_Agent]:
        """The last name in the cue's paragraph that follows a clause-opening verb (واستعرض كوي,
        وتستفيد "فوكس"), when it comes after ``agent`` and agrees with the cue's gender."""
        ex, b = self.ex, c.block
        tokens = ex.blocks[b].tokens
        for t in range(c.cue[0] - 1, 0, -1):
            if agent is not None and tokens[t].start <= agent.span.end:
                return None
            mention = ex.mention_at(b, t)
            if mention is None or mention.label not in ("PER", "ORG") or ex.mention_at(b, t - 1) is mention:
                continue
            verb = t - 1 if tokens[t - 1].is_word else t - 2  # وتستفيد "21 سنشيري فوكس"
            if mention.label == "PER" and self.opens_sentence(b, t):
                gender = ""  # لكن خامنئي الذي … وقال: a named topic of its sentence
            elif verb >= 0 and self.opens_clause_with_verb(b, verb):
                gender = "f" if _looks_feminine_verb(tokens[verb].key) else "m"
            else:
                continue
            if not _agrees(c.entry.gender, gender) or (mention.label != "PER" and gender != c.entry.gender):
                continue
            if any(a.text_block == b and a.content_start <= t < a.content_end for a in self.accepted):
                continue
            end = t
            while end < c.cue[0] and ex.mention_at(b, end) is mention:
                end += 1
            span = self.phrase_span(b, t, end)
            if span is None:
                return None
            kind = self.kind_of([tok.key for tok in tokens[t:end]], mention)
            return _Agent(span.start, span, self.mention_name(mention, span), kind, gender, "s", True)
        return None

    def opens_sentence(self, b: int, t: int) -> bool:
        """خامنئي at a sentence's start, or after its لكن."""
        tokens = self.ex.blocks[b].tokens
        if t > 0 and tokens[t - 1].key in BUT:
            t -= 1
        return t == 0 or (_ends_sentence(tokens, t - 1) and tokens[t - 1].region < 0)

    def opens_clause_with_verb(self, b: int, t: int) -> bool:
        """واستعرض، فتستفيد at a sentence's or clause's start: a verb with its conjunction."""
        tokens = self.ex.blocks[b].tokens
        key = tokens[t].key
        if key[:1] not in CONJUNCTIONS_WAW_FA or len(key) < 4 or key[1:3] == "ال" or _is_stop(tokens[t]):
            return False
        if self.ex.mention_at(b, t) is not None or tokens[t].region >= 0:
            return False
        return t == 0 or (not tokens[t - 1].is_word and tokens[t - 1].text not in ALL_MARKS)

    def feminine_clause_subject(self, c: _Candidate) -> Optional[_Agent]:
        """"وكثفت الولايات المتحدة ضغوطها على الرئيس مادورو، متهمة إياه": a feminine participle
        goes with the feminine subject named right after its sentence's first verb (وكثفت), not
        with the last person named."""
        ex, b = self.ex, c.block
        tokens = ex.blocks[b].tokens
        start = ex.sentence_start(b, c.cue[0])
        if c.entry.kind != "participle" or c.entry.gender != "f" or start + 2 >= c.cue[0]:
            return None
        verb, mention = tokens[start].key, ex.mention_at(b, start + 1)
        feminine_verb = verb[:1] in CONJUNCTIONS_WAW_FA and verb.endswith("ت") and len(verb) > 4
        if not feminine_verb or ex.mention_at(b, start) is not None or mention is None or mention.label not in ("LOC", "ORG"):
            return None
        end = start + 1
        while end < c.cue[0] and ex.mention_at(b, end) is mention:
            end += 1
        span = self.phrase_span(b, start + 1, end)
        if span is None:
            return None
        kind = self.kind_of([t.key for t in tokens[start + 1 : end]], mention)
        return _Agent(span.start, span, self.mention_name(mention, span), kind, "f", "s", True)

    def named_in_sentence(self, c: _Candidate) -> Optional[_Agent]:
        """The last person mention before the cue in its sentence, outside any quote's words."""
        ex, b = self.ex, c.block
        tokens = ex.blocks[b].tokens
        start = ex.sentence_start(b, c.cue[0])
        for t in range(c.cue[0] - 1, start - 1, -1):
            mention = ex.mention_at(b, t) or ex.surnames.get(tokens[t].key)
            if mention is None or mention.label != "PER" or any(
                a.text_block == b and a.content_start <= t < a.content_end for a in self.accepted
            ):
                continue
            if ex.mention_at(b, t) is None:  # a family name alone
                span = self.phrase_span(b, t, t + 1)
                return _Agent(span.start, span, mention.canonical or mention.text, "person", "", "", True)
            first = t
            while first > start and ex.mention_at(b, first - 1) is mention:
                first -= 1
            last = t if first < t and tokens[t].key in EPITHETS else t + 1
            span = self.phrase_span(b, first, last)
            if span is not None:
                return _Agent(span.start, span, self.mention_name(mention, span), "person", "", "", True)
        return None

    def remember(self, span: Span, canonical: str, kind: str, entry: CueEntry, position: int, named: bool = False) -> None:
        self.agents.append(_Agent(position, span, canonical, kind, entry.gender, entry.number, named))

    def remember_loose(self, b: int, token_span: tuple[int, int], entry: CueEntry) -> None:
        span = self.phrase_span(b, *token_span)
        if span is None:
            return
        keys = [t.key for t in self.ex.blocks[b].tokens[token_span[0] : token_span[1]] if t.is_word]
        mention = self.best_mention(b, *token_span)
        canonical = self.mention_name(mention, span) if mention else span.text
        self.remember(span, canonical, self.kind_of(keys, mention), entry, span.start, named=mention is not None)


def _time_phrase_width(tokens: list[_Token], t: int) -> int:
    """Words of the time adverb at ``t``: أمس, بعدها (1); الأسبوع الماضي, العام المقبل (2); else 0."""
    if t >= len(tokens):
        return 0
    key = tokens[t].key
    if key in TIME_WORDS or _is_adverb_with_pronoun(key):
        return 1
    if key in TIME_NOUNS and t + 1 < len(tokens) and tokens[t + 1].key in TIME_RELATIVES:
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
    return head.endswith(("ون", "ين")) or (head.endswith("و") and len(keys) > 1) or head in PLURAL_HEADS


def _agrees(feature: str, other: str) -> bool:
    return not feature or not other or feature == other


# --- building quotes ----------------------------------------------------------------------


def _content_span(ex: _Extractor, c: _Candidate) -> tuple[Span, bool]:
    """Content span (quotation marks left out of direct quotes) and whether its marks balance."""
    block = ex.blocks[c.text_block]
    tokens, text = block.tokens, ex.doc.text
    if c.region >= 0:
        region = block.regions[c.region]
        end = tokens[region.close_token].start if region.close_token >= 0 else tokens[region.last].end
        start, balanced = tokens[region.first].start, region.balanced
    else:
        start, end = tokens[c.content_start].start, tokens[c.content_end - 1].end
        inside = {t.region for t in tokens[c.content_start : c.content_end] if t.region >= 0}
        balanced = all(block.regions[r].balanced for r in inside)
    while end > start and (text[end - 1].isspace() or text[end - 1] in ".،,:؛"):
        end -= 1
    return make_span(text, start, end, "content"), balanced


def _without_marks(text: str, span: Span) -> Span:
    """«...» -> ...: a direct quote's content leaves its quotation marks out."""
    start, end = span.start, span.end
    while start < end and (text[start] in ALL_MARKS or text[start].isspace()):
        start += 1
    while end > start and (text[end - 1] in ALL_MARKS or text[end - 1].isspace() or text[end - 1] in ".،,"):
        end -= 1
    return make_span(text, start, end, "content") if end > start else span


def _quote_type(ex: _Extractor, c: _Candidate) -> str:
    if c.region >= 0:
        return "direct"
    block = ex.blocks[c.text_block]
    tokens = block.tokens
    regions = sorted({t.region for t in tokens[c.content_start : c.content_end] if t.region >= 0})
    words = [t for t in tokens[c.content_start : c.content_end] if t.is_word]
    if regions and words and all(t.region >= 0 for t in words) and len(regions) == 1:
        return "direct"  # إنها «...»: the whole complement is quoted
    if any(not ex.is_name_region(c.text_block, block.regions[r]) for r in regions):
        return "mixed"
    return "indirect"


def _cue_span(ex: _Extractor, c: _Candidate) -> Span:
    tokens = ex.blocks[c.block].tokens
    first = tokens[c.cue[0]]
    start = first.start
    _, conj = lookup_cue(first.key)
    if (conj or first.key in DOCUMENT_VERBS) and ex.doc.text[start] in "وف":
        start += 1
    return make_span(ex.doc.text, start, tokens[c.cue[1] - 1].end, "cue")


def _confidence(c: _Candidate, balanced: bool, speaker: _Attribution) -> float:
    value = BASE_CONFIDENCE[c.method] * c.entry.strength
    if not balanced:
        value *= UNBALANCED_PENALTY
    if speaker.span is None:
        value *= NO_SPEAKER_PENALTY
    elif speaker.is_pronoun:
        value *= PRONOUN_PENALTY
    return round(min(1.0, max(0.0, value)), 3)


class _QuotedTokens:
    """Whether a token lies inside an accepted quote's words, by bisect within its block."""

    def __init__(self, accepted: Sequence[_Candidate], after: int = 0):
        spans: dict[int, list[tuple[int, int]]] = {}
        for c in accepted:  # with ``after``, that many tokens past the words count too
            spans.setdefault(c.text_block, []).append((c.content_start, c.content_end + after))
        # per block, in order of start: starts, ends and the furthest end so far
        self.blocks = {}
        for b, ranges in spans.items():
            ranges.sort()
            ends = [e for _, e in ranges]
            self.blocks[b] = ([s for s, _ in ranges], ends, list(accumulate(ends, max)))

    def holds(self, b: int, t: int) -> bool:
        if b not in self.blocks:
            return False
        starts, ends, reach = self.blocks[b]
        for i in range(bisect_right(starts, t) - 1, -1, -1):
            if reach[i] <= t:
                return False  # no quote starting this early reaches t
            if t < ends[i]:
                return True
        return False


def _block_roles(doc: Document) -> Callable[[int], str]:
    """``doc.block_role`` by bisect (one call per quote scanned every block)."""
    blocks = doc.blocks
    if any(blocks[i].end > blocks[i + 1].start for i in range(len(blocks) - 1)):
        return doc.block_role  # not in text order: the first block holding the offset wins
    starts = [block.start for block in blocks]

    def role(offset: int) -> str:
        i = bisect_right(starts, offset) - 1
        return blocks[i].label if i >= 0 and offset < blocks[i].end else "body"

    return role


def _quote_rules(c: _Candidate, speaker: _Attribution) -> tuple[str, ...]:
    """The ids of the rules behind a quote: its content's method, its own rules, its speaker's."""
    ids = [METHOD_RULES.get(c.method, ""), "Q-CONCLUDE" if c.entry.that_after else "", *c.rules, *speaker.rules]
    return tuple(dict.fromkeys(i for i in ids if i))


def extract_quotes(doc: Document, mentions: Optional[list[Mention]] = None) -> list[Quote]:
    """Direct, indirect and mixed quotes of a cleaned document, with their speakers.

    ``mentions`` (from ``qawl.entities.extract_mentions``) sharpen speaker spans
    and give ``speaker_canonical``; without them the extractor falls back on its
    own noun-phrase rules. Never raises on odd text: unbalanced quotation marks
    lower the confidence instead.
    """
    ex = _Extractor(doc, mentions)
    accepted = _select(ex, ex.candidates())
    accepted = _select(ex, accepted + ex.headline_candidates(accepted))
    accepted = _select(ex, accepted + ex.closer_candidates(accepted))
    resolver = _Resolver(ex, accepted)
    events = [(ex.blocks[c.block].tokens[c.cue[0]].start, 1, c) for c in accepted]
    # a subject inside someone's words is not a candidate for a later "he"
    quoted = _QuotedTokens(accepted)
    events += [
        (ex.blocks[b].tokens[span[0]].start, 0, (b, span, entry))
        for b, span, entry in ex.loose_agents
        if not quoted.holds(b, span[0])
    ]
    quotes = []
    block_role = _block_roles(doc)
    for position, is_quote, item in sorted(events, key=lambda e: (e[0], e[1])):
        if not is_quote:
            resolver.remember_loose(*item)
            continue
        c = item
        speaker = resolver.resolve(c, position)
        content, balanced = _content_span(ex, c)
        quote_type = _quote_type(ex, c)
        if quote_type == "direct":
            content = _without_marks(doc.text, content)
        cue = _cue_span(ex, c)
        quotes.append(
            Quote(
                type=quote_type,
                cue=cue,
                content=content,
                speaker=speaker.span,
                speaker_canonical=speaker.canonical,
                speaker_kind=speaker.kind,
                speaker_is_pronoun=speaker.is_pronoun,
                confidence=_confidence(c, balanced, speaker),
                block_role=block_role(cue.start),
                embedded_source=c.embedded,
                rules=_quote_rules(c, speaker),
            )
        )
    quotes.sort(key=lambda q: q.content.start)
    return quotes


def quote_rows(doc: Document, quotes: Sequence[Quote]) -> list[dict[str, Any]]:
    """Flat rows for ``tables/quotes.parquet``: one per quote, spans as text/start/end."""
    rows = []
    for index, quote in enumerate(quotes):
        entry = cue_entry(quote.cue.text) if quote.cue.text != ":" else None
        speaker = quote.speaker
        rows.append(
            {
                "doc_id": doc.doc_id,
                "quote": index,
                "type": quote.type,
                "cue": quote.cue.text,
                "cue_start": quote.cue.start,
                "cue_end": quote.cue.end,
                "content": quote.content.text,
                "content_start": quote.content.start,
                "content_end": quote.content.end,
                "speaker": speaker.text if speaker else "",
                "speaker_start": speaker.start if speaker else -1,
                "speaker_end": speaker.end if speaker else -1,
                "speaker_canonical": quote.speaker_canonical or (speaker.text if speaker else ""),
                "speaker_kind": quote.speaker_kind,
                "speaker_is_pronoun": quote.speaker_is_pronoun,
                "confidence": quote.confidence,
                "block_role": quote.block_role,
                "embedded_source": quote.embedded_source,
                "rules": ",".join(quote.rules),
                "cue_lemma": entry.lemma if entry else quote.cue.text,
                "cue_polarity": entry.polarity if entry else "neutral",
            }
        )
    return rows


def _is_first_person_hamza(text: str, entry: CueEntry, conj: str) -> bool:
    """أعتقد / أعترف: a hamza on the alif of a verb whose past starts with a plain alif (اعتقد،
    اعترف، استبعد) marks the first person present, which matching form conflates with the past."""
    word = text[len(conj):] if conj else text
    return entry.kind == "verb" and entry.tense == "past" and entry.lemma.startswith("ا") and word.startswith("أ")


def _is_passive(text: str, entry: CueEntry, conj: str) -> bool:
    """يُرى، يُقال، أُعلن: a damma on the first letter marks the passive voice.

    A past form with it is always passive; a present one only for a simple
    (form I) verb: the prefix of form II/IV يُبيّن، يُؤكد takes a damma too.
    """
    word = text[1:] if conj and text[:1] in "وف" else text
    if len(word) < 2 or word[1] != DAMMA or entry.kind != "verb":
        return False
    return entry.tense == "past" or (entry.form_i and SHADDA not in word)
