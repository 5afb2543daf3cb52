"""The stance rule registry, and the two polarity operations the rules share.

``RULES`` maps every rule id that makes or changes a stance to one line; a stance records
the ids in ``Stance.rules``. ``DISABLED_RULES`` is the one set the rules consult (tests and
ablations add ids to it, or use ``disabled_rules``): a stance any of them made is dropped.
``flip`` (rule NEG) and ``compose`` (rule A-NESTED) map polarities to polarities.
"""
from __future__ import annotations

from qawl.registry import switched_off


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
    "T-WHOLE-NAME": "a target phrase that stops inside a name goes on to the name's end: اتفق مع رجل الدين مقتدى | الصدر",
    "T-ACTOR-HEAD": "a target phrase that opens with a named actor and goes on with a preposition is the actor: جعفر بناهي في العام 2011",
    "NEG": "negation before the evaluative word: favor -> against, against -> neutral",
    "M-STANCE-MODEL": "a learned reader (data/stance_model.json) decides which phrases of a quote the speaker is for or against, from the rules' reading and the words around: صلاح يستحق الفوز -> favor صلاح",
}


# Rules switched off (tests and ablations): a stance that any of them made or changed is dropped
# (a T- rule switched off leaves the target as the phrase).
DISABLED_RULES: set[str] = set()


def disabled_rules(*ids: str):
    """Run with the rules ``ids`` switched off (``with disabled_rules("Q-CUE"): …``)."""
    return switched_off(RULES, DISABLED_RULES, ids, "stance")


def flip(polarity: str) -> str:
    """Polarity under negation: favor -> against; against -> neutral (not rejecting ≠ supporting)."""
    return {"favor": "against", "against": "neutral"}.get(polarity, polarity)


def compose(outer: str, inner: str) -> str:
    """Polarity of an act inside an act: against an against-act is favor (حذر من رفض …)."""
    if "neutral" in (outer, inner):
        return "neutral"
    return "favor" if outer == inner else "against"
