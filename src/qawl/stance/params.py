"""Fixed parameters of the stance rules: how far they look, in tokens; which mention
labels are actors; which lexicon categories (``data/stance_lexicon.json``) a rule treats apart.
"""
from __future__ import annotations


# Stances kept by default: a calibrated confidence of at least this (``extract_stances``
# ``min_confidence``; 0 keeps every stance). Keeping a stance pays for F1 when its precision is
# above half the F1 the stage reaches (about 0.23 on fresh news). On dev articles the reader was
# not fitted on, stances under 0.2 are right about one time in twenty (11 of 192 on audit101–108,
# 10 of 126 on audit105–108), and leaving them out raised F1 on each such batch: audit97–100
# 0.491 -> 0.560, audit101–104 and audit105–108 together 0.334 -> 0.406, audit105–108 alone
# 0.215 -> 0.238. A cut at 0.4 scored higher on audit101–108 but lower on fresh audit111–112.
MIN_CONFIDENCE = 0.2

# Mention labels that make a target an actor (a place stands for its government).
ACTOR_LABELS = frozenset(("PER", "ORG", "LOC", "GPE"))
# Labels of events rather than of wrongdoers: a war or a blast named is not a stance.
CALAMITIES = frozenset(("calamity",))
# Acts aimed at the addressee they name: اتهم X بـ, انتقد X, شكر X على, حذر X من, رد على X.
ADDRESSEE_CATEGORIES = frozenset(("accusation", "condemnation", "praise", "warning", "rebuttal"))
# Narrated acts that state a stance whatever their object (others need a salient object).
EXPLICIT_CATEGORIES = frozenset((
    "condemnation", "rejection", "accusation", "praise", "support", "call", "sentence"))
NAMING_WINDOW = 14  # tokens from a naming verb to its label: وصفت X في بيان Y بأنها جزء من "…"
MAX_NP_TOKENS = 6
CONJOINED_VERB_WINDOW = 8  # tokens back from a conjoined verb to the first verb of its chain
RELATIVE_CLAUSE_TOKENS = 4  # relative, verb and its subject before a predicate
CLAUSE_SPAN = 20  # tokens between an expression verb and its عن (a subject with an apposition)
FAR_PREP_WINDOW = 8  # tokens of an addressee between an act and its preposition
MAX_SUBJECT_TOKENS = 6
FULLER_NAME_WORDS = 2  # words a written speaker may add after its canonical name (… المخرج)
TITLE_COMPLEMENT_TOKENS = 4  # words between a title's phrase and the name: مدرب المنتخب | لكرة القدم | غاريث
SUPPORT_SUBJECT_TOKENS = 8  # words of a subject between a support verb and its act noun
NEGATION_WINDOW = 2
SCARE_QUOTE_MAX_TOKENS = 5
CLAUSE_ANTECEDENT_TOKENS = 4
WRONG_WINDOW = 6  # أي اعتداء يقوم فيه الحرس الثوري ضد …: the victims follow the deed's clause
