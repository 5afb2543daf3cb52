"""Quote-specific configuration: limits of the scans and confidence weights (no word lists).

Contract: numbers only; every scan that could run over a whole page is bounded by one of them.
"""
from __future__ import annotations



# Words of a quoted name that may stand as a subject (أردف "عبد المجيد"، شبكة "فيسبوك").
MAX_QUOTED_NAME_WORDS = 3

# Words of a quoted body name after its head (منظمة "إس أو إس البحر المتوسط"), rule S-QUOTED-NAME.
MAX_QUOTED_BODY_WORDS = 5

# Words a pluperfect subject may run over before قد (its relative clause, apposition).
MAX_KANA_SPAN = 25

MIN_CONTINUATION_WORDS = 6

MAX_SAYING_GAP = 8
NOUN_FRAME_FROM_REACH = 3  # بعد أيام فقط من إعلان: the words between the preposition and من (Q-NOUN-FRAME-FROM)
MAX_OWNED_SAYING_GAP = 12  # tokens back from بقوله to the verb that opens its clause (Q-SAYING-OWNED)

MAX_INITIAL_LETTERS = 3  # إيه.بي.سي: each spelt-out letter is at most three letters long

MAX_SPEAKER_WORDS = 10

CLAUSE_FORM_FAR_REACH = 24  # tokens from a clause form (عبر) to its عن past a long titled subject (Q-CLAUSE-FORM-FAR)

MAX_TITLE_BEFORE = 12  # title words read before a name (وزير الخارجية الأمريكي جون كيري)

MAX_TITLE_AFTER = 6  # apposed title words read after it (جون كيري، وزير الخارجية)

MAX_DESCRIPTION_WORDS = 8  # a longer speaker phrase is not a title to resolve

MAX_TITLE_LOOKS = 60  # candidate names tried per description (bounded: no super-linear path)

MAX_DOCUMENT_LOOKS = 3  # places of a document tried for its maker, on either side (S-DOCUMENT-AUTHOR)
MAX_DOCUMENT_GAP = 3  # words between a document and its maker (الدراسة التي أجريت في | جامعة)

MAX_SUBJECT_WORDS = 8
MAX_AMBIGUOUS_RUN_WORDS = 10  # words from an ambiguous cue to its أن read as its subject's phrase (Q-AMBIGUOUS-SPEAKER-RUN)
MAX_FRONTED_WORDS = 9  # words of a source's phrase with its complement before its verb (S-FRONTED-COMPLEMENT)
MAX_COMMA_ASIDE_WORDS = 5  # words of an apposition or adverbial between commas after a named subject (S-COMMA-ASIDE)
MAX_ASIDE_WORDS = 16  # words of a relative clause set off by commas between a subject and its verb (S-RELATIVE-ASIDE)

TERMINAL_WINDOW = 30

FRAME_WINDOW = 14

MIN_SPEECH_WORDS = 4

MIN_BRACKET_WORDS = 2  # words between brackets after a colon that make a quotation (B-COLON-BRACKET), not a label (1)

# a quotation inside a speaker's phrase (Q-QUOTATION-IN-SOURCE): its words, and the plain words after it
# before the cue's complementiser (محطة "سي.إن.بي.سي" اليوم الأربعاء | أن)
MAX_SOURCE_QUOTATION_WORDS = 6
MAX_SOURCE_QUOTATION_GAP = 8

MAX_NAME_WORDS = 4
MAX_CALLED_WORDS = 3  # untagged words read as the name after يدعى (ويدعى عصام جبار)

MAX_TITLE_WORDS = 12
MAX_CLAUSE_ADVERBIAL_WORDS = 4  # words of an adverbial phrase after a comma before a cue (، وفي هذا الصدد أكد: Q-ADVERBIAL-CLAUSE)
MAX_ADVERBIAL_WORDS = 2  # words of an adverbial phrase opening a clause before its verb (ومن جهتها أشادت: S-ADVERBIAL-OPENING)
MAX_SUBJECT_TITLE_WORDS = 6  # titles and commas between a sentence's opening verb and its subject's name (S-SUBJECT-NOT-OBJECT)

MAX_MIDDLE_HEAD_WORDS = 6  # words of a sentence before an aside attribution whose words come after it (Q-ATTRIB-MIDDLE)
MAX_ISSUED_ADJECTIVES = 2  # adjectives between an attribution's document and the verb that issued it (بحسب بيان مقتضب صدر عن: Q-ATTRIB-ISSUED-VERB)
MAX_HOST_DISTANCE = 12  # words from a statement noun to a cue in its clause (تغريدة كتبها ترامب على حسابه بموقع تويتر يهدد فيها: S-HOST-ISSUER)
MAX_ISSUED_WORDS = 5  # words after data before the body that issued them (بيانات رسمية صدرت اليوم عن | الهيئة: S-DATA-ISSUER)
MAX_DATA_SUBJECT_WORDS = 4  # untagged words of data that show a noun object (بيانات اقتصادية صدرت أمس: Q-DATA-OBJECT)
MAX_ISSUED_GAP = 4  # words of what an attribution cites before صادر عن and its issuer (Q-ATTRIB-ISSUER)
MAX_RELAYED_FRAME_TOKENS = 16  # tokens from that verb of saying to its أن, colon or quotation (Q-ATTRIB-RELAYS-REPORT)
MAX_RELAYED_SUBJECT_TOKENS = 7  # tokens of a clause an attribution reports in which a cue verb makes it a relayed report (Q-ATTRIB-RELAYS-REPORT)
MAX_DESCRIBED_GAP = 24  # tokens from a describing verb to بأنه / بـ"…" (Q-DESCRIBED-AS)
MAX_DATE_TAIL_WORDS = 3  # words of a date after a comma that a final attribution may leave before the sentence ends (Q-ATTRIB-FINAL-TAIL)
MAX_FINAL_SOURCE_TAIL = 6  # words after a sentence-closing attribution's source before the sentence ends (Q-ATTRIB-FINAL)
MAX_OPENING_TAIL_WORDS = 4  # words after an opening attribution's source phrase before its comma, from a preposition (Q-ATTRIB-OPENING-COMMA)
MAX_ATTRIBUTION_SOURCE_WORDS = 12  # words of a long attribution source before its فإن (Q-ATTRIB-FA)
MAX_HEADLINE_SPEAKER_WORDS = 5
MAX_HEADLINE_TOPIC_WORDS = 12  # words between a headline speaker's name and its colon (whom to, about what)

MAX_HEADLINE_WORDS = 30
MAX_HEADLINE_LABEL_WORDS = 3  # words of a section label before the slash that opens a headline (Q-HEADLINE-LABEL)

MAX_APPOSITION_GAP = 12

MAX_RELAY_GAP = 16

MAX_PROPOSITION_GAP = 3
MAX_MEASURE_GAP = 16  # tokens from an estimate's object to the figure it is estimated at (Q-MEASURED-OBJECT)

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
    "closer": 0.7,
    "back": 0.7,
}

UNBALANCED_PENALTY = 0.6

PRONOUN_PENALTY = 0.9

NO_SPEAKER_PENALTY = 0.7
# S-HONORIFIC-PRONOUN: how many person mentions back it looks, and how far before a name its title may be
MAX_TITLED_LOOKS = 8
TITLE_WINDOW_CHARS = 60
TITLE_WINDOW_WORDS = 3
MAX_QUOTED_SUBJECT_WORDS = 3  # a quotation between a verb and its أن read as the speaker's name (S-QUOTED-SUBJECT)
MAX_NAMED_AFTER_CHARS = 1500  # how far after a title the cue that names it may come, a few sentences (S-NAMED-AFTER)
MIN_CONSTRUCT_PLURAL_LETTERS = 5  # مستخدمو، لاعبو: a construct plural; عضو، أبو are singular
MIN_INDEFINITE_PLURAL_LETTERS = 5  # باحثون، آخرون: a plural without the article; جون، عون are names or singular
MAX_CLAIM_OBJECT_WORDS = 4  # words of an object that only names claims (الاتهامات الموجهة إليه: Q-CLAIMS-NAMED)
