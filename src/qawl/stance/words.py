"""The word lists the stance rules read.
"""
from __future__ import annotations

from qawl.clean import match_form


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
STILL_FORMS = frozenset(match_form(w) for w in ("تزال", "يزال", "زال", "زالت", "يزالون"))
NAME_LINKS = ("بن", "ابن", "آل", "أبو", "أبي")
# Narrated acts that state a stance whatever their object (others need a salient object).
MINIMISERS = frozenset(match_form(w) for w in ("مجرد", "سوى", "إلا", "محض"))
# Verbs of expressing a feeling or position: أعرب عن قلقه, عبر عن شكره, أبدى استياءه.
EXPRESSION_VERBS = frozenset(match_form(w) for w in (
    "أعرب", "أعربت", "يعرب", "تعرب", "عبر", "عبرت", "يعبر", "تعبر", "أبدى", "أبدت", "يبدي", "تبدي",
    "أعلن", "أعلنت", "يعلن", "تعلن", "نقل", "نقلت", "سجل", "سجلت",
))
INTENSIFIERS = frozenset(match_form(w) for w in (
    "عظيم", "بالغ", "شديد", "عميق", "خالص", "جزيل", "كامل", "تام", "صادق", "وافر",
))
