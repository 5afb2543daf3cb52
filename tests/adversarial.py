"""Adversarial article texts, generated here so that tests and benchmarks share them.

Each text stresses one path that once grew faster than linearly, or one input that
real scraped corpora contain (a page dump on one line, a run of marks, thousands of
paragraphs). ``benchmarks/adversarial.py`` times each one through the engine;
``tests/test_budget.py`` checks each stays within its time budget.
"""
from __future__ import annotations

SENTENCE = "قال وزير الخارجية سامح شكري إن الحكومة المصرية ستعمل على حل الأزمة مع إثيوبيا."
QUOTE = 'وقال الرئيس عبد الفتاح السيسي: "نحن نرفض أي تدخل في شؤوننا الداخلية".'
NAMES = "محمد بن سلمان، وعبد الله الثاني، وبشار الأسد، "


def _repeat_to(unit: str, chars: int, joiner: str = "") -> str:
    """``unit`` repeated (with ``joiner``) until the text is about ``chars`` long."""
    count = max(1, chars // (len(unit) + len(joiner)))
    return joiner.join([unit] * count)


def adversarial_texts(scale: float = 1.0) -> dict[str, str]:
    """Name -> article text. ``scale`` shrinks the sizes (tests may use 0.1)."""
    def n(size: int) -> int:
        return max(10, int(size * scale))

    return {
        "quote marks after a cue": "قال الوزير " + '"' * n(50_000),
        "guillemets after a cue": "قال الوزير " + "«" * n(25_000) + "»" * n(25_000),
        "colons": ":" * n(50_000),
        "colons after cues": _repeat_to("قال: ", n(100_000)),
        "run of diacritics": "ب" + "\u064e" * n(200_000),
        "run of mixed marks": "ب" + "\u064e\u0651\u0650\u0652" * n(50_000),
        "tatweel run": "الوزير" + "\u0640" * n(100_000),
        "short quoted paragraphs": _repeat_to(QUOTE, n(300_000), "\n"),
        "one-line page dump": _repeat_to(SENTENCE + " ", n(2_000_000)),
        "many paragraphs": _repeat_to(SENTENCE, n(1_600_000), "\n"),
        "one long word": "ا" * n(300_000),
        "list of names": _repeat_to(NAMES, n(200_000)),
        "cue verbs only": _repeat_to("قال وأضاف وأكد ", n(200_000)),
        "unbalanced quotes": _repeat_to('قال الوزير "نرفض ذلك. ', n(200_000)),
        "nested brackets": "(" * n(20_000) + SENTENCE + ")" * n(20_000),
        "dashes": "-" * n(100_000),
        "blank lines": SENTENCE + "\n" * n(200_000) + SENTENCE,
        "joiners between letters": "\u200d".join(SENTENCE * max(1, n(2_000) // 80)),
        "bidi marks": _repeat_to("\u200f" + SENTENCE + "\u200e", n(200_000)),
        "latin text": _repeat_to("The minister said the talks would resume. ", n(300_000)),
        "digits": _repeat_to("1234567890 ", n(300_000)),
        "emoji": _repeat_to("\U0001F600\U0001F4A5 ", n(100_000)),
        "ten megabytes": _repeat_to(QUOTE + " " + SENTENCE, n(10_000_000), "\n"),
    }
