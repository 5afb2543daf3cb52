"""Cleaning steps as text_in/text_out tables, seed structure, and offset invariants."""
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from qawl import clean
from qawl.schema import Article, check_span

NBSP = "\u00a0"


@pytest.mark.parametrize(
    "step, text_in, text_out",
    [
        (clean.normalize_line_breaks, "a\r\nb\rc\u2029d", "a\nb\nc\nd"),
        (clean.remove_control_chars, "قال\x00 كيري\x07", "قال كيري"),
        (clean.remove_invisibles, "روسيا\u200f والنظام\u200b", "روسيا والنظام"),
        (clean.normalize_spaces, f"المعارضة{NBSP}السورية  اتهمت \n", "المعارضة السورية اتهمت\n"),
        (clean.normalize_spaces, "a\u2009b\u3000c", "a b c"),
        (clean.remove_tatweel, "الحـــرب", "الحرب"),
        (clean.normalize_punctuation, "„نص“ ‹كلمة› 2014–2016", "“نص“ «كلمة» 2014-2016"),
        (clean.normalize_punctuation, '"كل الدبلوماسية" «لا» “تزال”', '"كل الدبلوماسية" «لا» “تزال”'),
        (clean.dediacritize, "قَالَ", "قال"),
        (clean.normalize_unicode, "\ufefb", "\u0644\u0627"),
        (clean.collapse_doubled_sentence, "اتهمت روسيا بالمجازر اتهمت روسيا بالمجازر (الجزيرة)",
         "اتهمت روسيا بالمجازر (الجزيرة)"),
        (clean.collapse_doubled_sentence, "قال قال إن", "قال قال إن"),
    ],
)
def test_cleaning_steps(step, text_in, text_out):
    assert step(text_in) == text_out


@pytest.mark.parametrize(
    "text_in, text_out",
    [
        ("أحمد", "احمد"), ("إيران", "ايران"), ("آمال", "امال"), ("موسى", "موسي"),
        ("الجزيرة", "الجزيره"), ("مُحَمَّد", "محمد"), ("الحـرب", "الحرب"),
    ],
)
def test_match_form(text_in, text_out):
    assert clean.match_form(text_in) == text_out


def test_clean_text_keeps_letters_and_quotes():
    text = 'قالت "الأمم المتحدة" إن «إيران» ستندم'
    assert clean.clean_text(text) == text


@pytest.mark.parametrize(
    "line, sources",
    [
        ("المصدر : الجزيرة + وكالات", ["الجزيرة", "وكالات"]),
        ("المصدر: رويترز، الفرنسية", ["رويترز", "الفرنسية"]),
        ("هذا ليس سطر مصدر", []),
    ],
)
def test_parse_sources(line, sources):
    assert clean.parse_sources(line) == sources


def blocks_by_role(doc):
    roles = {}
    for block in doc.blocks:
        roles.setdefault(block.label, []).append(block.text)
    return roles


def test_seed_structure(seed_doc):
    roles = blocks_by_role(seed_doc)
    assert roles["title"] == ["كيري يلتقي لافروف وموسكو تزيد مطالبها من المعارضة"]
    assert len(roles["caption"]) == 3
    assert roles["caption"][0].startswith("Russian Foreign Minister")
    assert roles["caption"][1].endswith("(رويترز)")
    assert roles["caption"][2] == "المعارضة السورية اتهمت روسيا والنظام بارتكاب مجازر في حلب (الجزيرة)"
    assert roles["subheading"] == ["حراك دبلوماسي"]
    assert roles["source_line"] == ["المصدر : الجزيرة + وكالات"]
    assert seed_doc.sources == ["الجزيرة", "وكالات"]
    assert len(roles["body"]) == 12
    assert seed_doc.duplicates_removed == 3  # the caption appears 4 times: 3 copies go


def test_seed_text_is_clean(seed_doc):
    assert NBSP not in seed_doc.text
    assert seed_doc.text.count("المعارضة السورية اتهمت روسيا") == 1
    assert "\n\n" in seed_doc.text and "\n\n\n" not in seed_doc.text
    assert seed_doc.text.startswith("كيري يلتقي لافروف")


def test_seed_spans_match_text(seed_doc):
    for span in (*seed_doc.blocks, *seed_doc.sentences, *seed_doc.tokens):
        check_span(seed_doc.text, span)
    tokens = [t.text for t in seed_doc.tokens]
    assert tokens[:3] == ["كيري", "يلتقي", "لافروف"]
    assert '"' in tokens  # quotation marks survive as tokens


def test_sentences_do_not_split_abbreviations():
    doc = clean.clean_article(Article("x", "عنوان قصير\n\nقال U.S. Secretary John إن الحرب انتهت. وأضاف أنه سعيد.", "x"))
    body = [s.text for s in doc.sentences if s.start >= doc.blocks[1].start]
    assert body == ["قال U.S. Secretary John إن الحرب انتهت.", "وأضاف أنه سعيد."]


def test_empty_article_gives_empty_document():
    doc = clean.clean_article(Article("empty", "", "empty.txt"))
    assert doc.text == "" and doc.blocks == [] and doc.tokens == []


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400))
def test_cleaning_never_raises_and_spans_hold(raw):
    doc = clean.clean_article(Article("h", raw, "h"))
    for span in (*doc.blocks, *doc.sentences, *doc.tokens):
        assert doc.text[span.start:span.end] == span.text


@settings(max_examples=80, deadline=None)
@given(st.lists(st.sampled_from([
    "قال كيري إن الحرب انتهت.", "\u00a0", "\n", "\n\n", '"', "«", "»", "المصدر : الجزيرة",
    "(رويترز)", "ـ", "U.S.", " ", "حراك دبلوماسي", "..", "؟",
]), max_size=40))
def test_arabic_like_input_spans_hold(parts):
    doc = clean.clean_article(Article("h", "".join(parts), "h"))
    for span in (*doc.blocks, *doc.sentences, *doc.tokens):
        assert doc.text[span.start:span.end] == span.text


@pytest.mark.parametrize(
    "paragraph, sentences",
    [
        ('وأضاف "نواصل الجهود.. ولا ينتظر أحد". وانتهى اللقاء.',
         ['وأضاف "نواصل الجهود.. ولا ينتظر أحد".', "وانتهى اللقاء."]),
        ('قال «انتهى. بدأ» ثم غادر.', ["قال «انتهى. بدأ» ثم غادر."]),
        ('قال "انتهى. ثم غادر.', ['قال "انتهى.', "ثم غادر."]),  # unbalanced mark
    ],
)
def test_sentences_keep_quotations_whole(paragraph, sentences):
    doc = clean.clean_article(Article("q", "عنوان\n\n" + paragraph, "q"))
    assert [s.text for s in doc.sentences[1:]] == sentences


@pytest.mark.parametrize(
    "line, role",
    [
        ("كيري (يمين) خلال لقائه بنظيره الروسي لافروف في روما (رويترز)", "caption"),
        ("متظاهرون في ساحة التحرير أمس (أ ف ب)", "caption"),
        ("* 2 سندويش سمك السلمون والبيض (كرييه نيرشي)", "not caption"),
        ("9. Husbands | John Cassavetes (USA)", "not caption"),
        ("طاجن الكفتة بالبندورة (4 أشخاص) (الشيف ناديا)", "not caption"),
    ],
)
def test_caption_needs_a_photo_credit(line, role):
    next_line = "وقال المتحدث باسم الوزارة إن الاجتماع سيعقد الأسبوع المقبل في جنيف بحضور الوفود."
    found = clean.paragraph_role(line, 3, next_line)
    assert found == role if role == "caption" else found != "caption"


# --- the fast paths give camel-tools' results ------------------------------------

MIXED_TEXT = st.text(alphabet=st.sampled_from(list(
    "قال ابن الحكومة.،:؛!؟\"«»“”()-–…123٤٥ abc\u00a0\ufdfc\ufdfd\ufefb\u0640\u064e😀🇸🇦#*\u20e3\u200d\n\t\x1c\x85\u2003")))


@settings(max_examples=300, deadline=None)
@given(MIXED_TEXT)
def test_normalize_unicode_matches_camel_tools(text):
    from camel_tools.utils.normalize import normalize_unicode

    assert clean.normalize_unicode(text) == normalize_unicode(text)


@settings(max_examples=300, deadline=None)
@given(MIXED_TEXT)
def test_word_tokens_match_camel_tools(text):
    from camel_tools.tokenizers.word import simple_word_tokenize

    assert clean._tokenize(text) == simple_word_tokenize(text)


@settings(max_examples=300, deadline=None)
@given(MIXED_TEXT)
def test_match_form_same_for_short_and_long_text(text):
    assert clean.match_form(text) == clean._match_form(text)


def _reference_token_spans(text, start=0, end=None):
    """token_spans as first written: tokenize the slice, then find each token in the text."""
    from camel_tools.tokenizers.word import simple_word_tokenize

    from qawl.schema import Span

    end = len(text) if end is None else end
    spans, cursor = [], start
    for token in simple_word_tokenize(text[start:end]):
        found = text.find(token, cursor, end)
        if found < 0:
            continue
        spans.append(Span(found, found + len(token), token))
        cursor = found + len(token)
    return spans


@settings(max_examples=300, deadline=None)
@given(MIXED_TEXT, st.integers(0, 30), st.integers(0, 40))
def test_token_spans_match_the_reference(text, start, length):
    end = min(len(text), start + length)
    start = min(start, end)
    assert clean.token_spans(text, start, end) == _reference_token_spans(text, start, end)
    assert clean.token_spans(text) == _reference_token_spans(text)


def test_plain_word_letters_are_never_split_off():
    from camel_tools.tokenizers.word import _SYMBOLS_ALL, _SYMBOLS_RE

    letters = [chr(c) for c in range(0x10000) if clean.PLAIN_WORD_RE.fullmatch(chr(c))]
    assert len(letters) == 0x653 - 0x621 + 52
    for letter in letters:
        symbol = _SYMBOLS_RE.match(letter)
        assert symbol is None or symbol.group() not in _SYMBOLS_ALL, hex(ord(letter))
