"""Invisible characters, Persian/Urdu letters and presentation forms (issue 12, item 5).

The cleaned text drops invisible format characters and writes Persian letter
variants and presentation forms as standard Arabic letters, so that a speaker name
never holds an invisible character and an article typed on a Persian keyboard gives
the quotes of the same article typed on an Arabic one.
"""
import random
import re
import unicodedata
from dataclasses import replace

import pytest

from qawl.clean import clean_text, match_form
from qawl.corpus import load_corpus

from conftest import SEED, shared_dir


@pytest.mark.parametrize(
    "text_in, text_out",
    [
        ("قال كي\u061cري", "قال كيري"),  # ALM inside a name (seen in a speaker: كي؜ري)
        ("قا\u200dل لا\u200cفروف", "قال لافروف"),  # ZWJ, ZWNJ
        ("\u200f\u2067روسيا\u2069\u200e \u202aإيران\u202c", "روسيا إيران"),  # bidi marks, isolates, embeddings
        ("كيري\u2060 \ufeffلافروف\u00ad", "كيري لافروف"),  # word joiner, BOM, soft hyphen
        ("وزیر خارجه ایران", "وزير خارجه ايران"),  # Persian yeh inside a word -> ي
        ("قال علی", "قال على"),  # ... and at its end -> ى (the letter a dotless final yeh is)
        ("کشفت فیه عن أسعار غیر مسبوقة", "كشفت فيه عن أسعار غير مسبوقة"),  # ANT, Alarabia economy 879
        ("قال کیری", "قال كيرى"),  # keheh -> ك
        ("ہ ە ھ ۃ", "ه ه ه ة"),  # Urdu and Kurdish heh and teh marbuta
        ("\ufedb\ufef4\ufeae\ufef1", "كيري"),  # presentation forms (FE70-FEFF) -> letters
        ("\ufb90\ufbfe\ufbfd", "كيى"),  # Persian presentation forms -> keheh, yeh -> Arabic
        ("\ufef5\ufdf2", "لآالله"),  # lam-alef with madda, the Allah ligature (FB50-FDFF)
        ("مُحَمَّد «قال» ١٢٣ ۱۲۳", "مُحَمَّد «قال» ١٢٣ ۱۲۳"),  # harakat, quotes and both digit sets stay
    ],
)
def test_clean_text_normalises_invisibles_and_persian_letters(text_in, text_out):
    assert clean_text(text_in) == text_out


@pytest.mark.parametrize(
    "text_in, text_out",
    [
        ("كي\u061cري", "كيري"),
        ("لا\u200cفروف\u200d", "لافروف"),
        ("کیری", "كيري"),
        ("علی", "علي"),
        ("\ufedb\ufef4\ufeae\ufef1", "كيري"),
        ("ب" + "\u064e\u0651" * 1000, "ب"),
    ],
)
def test_match_form_normalises_text_that_bypassed_clean(text_in, text_out):
    assert match_form(text_in) == text_out


PRESENTATION_FORMS = [chr(c) for c in (*range(0xFB50, 0xFE00), *range(0xFE70, 0xFF00))]
ARABIC_PRESENTATION_RE = re.compile("[\ufb50-\ufdff\ufe70-\ufeff]")


def test_every_presentation_form_with_a_decomposition_becomes_standard_arabic():
    forms = [c for c in PRESENTATION_FORMS if unicodedata.decomposition(c)]
    assert len(forms) > 700
    left = [hex(ord(c)) for c in forms if ARABIC_PRESENTATION_RE.search(clean_text(c))]
    assert left == []
    persian = [clean_text(c) for c in forms if unicodedata.normalize("NFKC", c) in ("\u06cc", "\u06a9")]
    assert persian and set(persian) <= {"\u0643", "\u0649"}  # isolated, so final: ى


# --- end to end: Persian letters and joiners leave the quotes as they were ----------

ARABIC_LETTER = re.compile("[\u0621-\u064a]")
JOINERS = "\u200d\u200c"


def persian_variant(text: str) -> str:
    """The article as a Persian keyboard types it: ی for ي and ى, ک for ك."""
    return text.translate(str.maketrans({"ي": "ی", "ى": "ی", "ك": "ک"}))


def joiner_variant(text: str, share: float = 0.15, seed: int = 12) -> str:
    """A ZWJ or ZWNJ between ``share`` of the pairs of adjacent Arabic letters."""
    rng = random.Random(seed)
    out = []
    for char, following in zip(text, text[1:] + " "):
        out.append(char)
        if ARABIC_LETTER.match(char) and ARABIC_LETTER.match(following) and rng.random() < share:
            out.append(rng.choice(JOINERS))
    return "".join(out)


def test_joiner_variant_puts_joiners_between_letters():
    text = "قال وزير الخارجية سامح شكري إن الحكومة المصرية ستعمل على حل الأزمة" * 3
    varied = joiner_variant(text)
    assert 0.08 < sum(varied.count(j) for j in JOINERS) / len(ARABIC_LETTER.findall(text)) < 0.2
    assert varied.replace("\u200d", "").replace("\u200c", "") == text


def articles():
    """The seed and, when ../shared is there, the first 15 SaudiNewsNet articles."""
    found = list(load_corpus(SEED))
    corpus = shared_dir() / "corpora" / "saudinewsnet"
    if corpus.is_dir():
        found += list(load_corpus(corpus, limit=15))
    return found


def analysed_quotes(article):
    from qawl.clean import clean_article
    from qawl.entities import extract_mentions
    from qawl.quotes import extract_quotes

    doc = clean_article(article)
    return doc, extract_quotes(doc, extract_mentions(doc, backend="crf"))


def quote_keys(quotes):
    """What must not change: type, offsets, content and speaker (in matching form)."""
    return [
        (q.type, q.content.start, q.content.end, match_form(q.content.text),
         match_form(q.speaker.text) if q.speaker else None)
        for q in quotes
    ]


def has_invisible(text: str) -> bool:
    return any(unicodedata.category(char) == "Cf" for char in text)


@pytest.fixture(scope="module")
def originals():
    return [(article, *analysed_quotes(article)) for article in articles()]


def test_the_articles_have_quotes_with_speakers(originals):
    speakers = [q for _, _, quotes in originals for q in quotes if q.speaker]
    assert len(speakers) >= 5


def test_joiners_change_neither_the_text_nor_the_quotes(originals):
    for article, doc, quotes in originals:
        varied_doc, varied = analysed_quotes(replace(article, raw_text=joiner_variant(article.raw_text)))
        assert varied_doc.text == doc.text, article.origin
        assert varied == quotes, article.origin
        assert not any(q.speaker and has_invisible(q.speaker.text) for q in varied)


def test_persian_letters_give_the_same_quotes_and_speakers(originals):
    for article, doc, quotes in originals:
        varied_doc, varied = analysed_quotes(replace(article, raw_text=persian_variant(article.raw_text)))
        assert match_form(varied_doc.text) == match_form(doc.text), article.origin
        assert quote_keys(varied) == quote_keys(quotes), article.origin
        assert not re.search("[\u06cc\u06a9]", varied_doc.text)
