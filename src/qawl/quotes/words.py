"""Word lists of the quotes stage (matching form)."""
from __future__ import annotations

import re

from qawl.clean import match_form

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

# "وهذا ما أكده X": pronouns before the relative ما that point back at the clause before.
ANAPHORIC_SUBJECTS = frozenset("هذا وهذا ذلك وذلك هو وهو هي وهي".split())

# "…، على ما نقلت وكالة X": the clause before is what the agency reported.
BACK_POINTERS = ANAPHORIC_SUBJECTS | {"علي"}

# Cues that go on with the same speaker's words even without أن or a colon (وأضاف في كل …).
CONTINUATION_LEMMAS = frozenset("أضاف تابع أردف استطرد".split())

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

# One-letter abbreviations of titles written with a dot (د. = دكتور، م. = مهندس، أ. = أستاذ).
TITLE_ABBREVIATIONS = frozenset("د م ا".split())

# "وجاء في البيان أن": the verb that makes a document (DOCUMENT_HEADS, document speaker heads) a source.
DOCUMENT_VERBS = frozenset("جاء وجاء".split())

DOCUMENT_HEADS = frozenset("تقرير رساله نص وثيقه شهاده بيان بلاغ مذكره دراسه قرار حكم لائحه".split())

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

PREPOSITION_LETTERS = frozenset("لبك")  # proclitic prepositions: a name after one is an object

LINK_WORDS = frozenset(["رابط"])  # رابط الخبر بصحيفة الوئام: … (a link line of SaudiNewsNet pages)
