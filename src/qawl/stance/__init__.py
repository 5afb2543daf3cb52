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

The package, in the order the stage runs (``qawl.stance.extract``):

- ``rules``: the rule registry (``RULES``, ``DISABLED_RULES``, ``disabled_rules``);
- ``words``, ``params``: the word lists (data) and the rules' fixed parameters;
- ``lexicon``, ``shapes``, ``tokens``, ``phrases``: the lexicon, word shapes, the token view
  of one document and noun phrases over it;
- ``candidates``: the candidate stance and the state every rule family writes to;
- ``quoted``, ``evaluations`` (Q- rules), ``acts`` (A-), ``narrated`` (N-), ``speakers`` (H-),
  ``targets`` (T-): the rule families;
- ``merge``: one stance per speaker, polarity and target, and confidence;
- ``rows``: the ``stances`` table.
"""
from qawl.stance.extract import extract_stances
from qawl.stance.lexicon import (
    KINDS, LEXICON_FILE, POLARITY_ALIASES, Lexicon, LexiconEntry, default_lexicon, load_lexicon,
)
from qawl.stance.merge import (
    CONFIDENCE_FILE, confidence_features, confidence_model, merge_stances, stance_confidence,
)
from qawl.stance.rows import stance_rows
from qawl.stance.rules import DISABLED_RULES, RULES, compose, disabled_rules, flip
from qawl.stance.shapes import _words, has_article, strip_proclitic, word_stems
from qawl.stance.speakers import speaker_name
from qawl.stance.targets import _keep
from qawl.stance.tokens import _Tokens

__all__ = [
    "CONFIDENCE_FILE", "DISABLED_RULES", "KINDS", "LEXICON_FILE", "POLARITY_ALIASES", "RULES", "Lexicon",
    "LexiconEntry", "compose", "confidence_features", "confidence_model", "default_lexicon", "disabled_rules",
    "extract_stances", "flip", "has_article", "load_lexicon", "merge_stances", "speaker_name",
    "stance_confidence", "stance_rows", "strip_proclitic", "word_stems",
]
