"""Cleaning steps as text_in/text_out tables, seed structure, and offset invariants."""
import pytest
from hypothesis import Phase, given, settings
from hypothesis import strategies as st

from qawl import clean
from qawl.schema import Article, check_span

from adversarial import adversarial_texts

NBSP = "\u00a0"


@pytest.mark.parametrize(
    "step, text_in, text_out",
    [
        (clean.normalize_line_breaks, "a\r\nb\rc\u2029d", "a\nb\nc\nd"),
        (clean.remove_control_chars, "قال\x00 كيري\x07", "قال كيري"),
        (clean.remove_invisibles, "روسيا\u200f والنظام\u200b", "روسيا والنظام"),
        (clean.remove_invisibles, "كي\u061cري قال\u200dت\u200c", "كيري قالت"),  # ALM, ZWJ, ZWNJ
        (clean.remove_invisibles, "\u2067روسيا\u2069\u2060 \u202bلافروف\u202c\u034f", "روسيا لافروف"),
        (clean.remove_invisibles, "\u0600١٢ \u06dd", "\u0600١٢ \u06dd"),  # visible format characters stay
        (clean.limit_combining_marks, "ب" + "\u064e" * 9, "ب" + "\u064e" * 4),
        (clean.limit_combining_marks, "ب" + "\u064e\u0651\u0650\u0652" * 3 + "ت\u064f",
         "ب\u064e\u0651\u0650\u0652ت\u064f"),  # a run per base character
        (clean.limit_combining_marks, "مُحَمَّدٌ شَّ", "مُحَمَّدٌ شَّ"),  # real words are untouched
        (clean.limit_combining_marks, "e\u0301\u0302\u0303\u0304\u0305x", "e\u0301\u0302\u0303\u0304x"),
        (clean.limit_combining_marks, "\uff76" + "\uff9e" * 6, "\uff76" + "\uff9e" * 4),  # halfwidth: a mark after NFKC
        (clean.normalize_persian_letters, "کیری", "كيرى"),
        (clean.normalize_persian_letters, "یک ایرانی", "يك ايرانى"),
        (clean.normalize_persian_letters, "علیٌ، فی.", "علىٌ، فى."),  # marks and punctuation after a final yeh
        (clean.normalize_persian_letters, "پاکستانے ہے", "پاكستانى هى"),
        (clean.normalize_persian_letters, "خانۀ دولتۃ", "خانه\u0654 دولتة"),
        (clean.normalize_persian_letters, "في على كيري", "في على كيري"),
        (clean.normalize_spaces, f"المعارضة{NBSP}السورية  اتهمت \n", "المعارضة السورية اتهمت\n"),
        (clean.normalize_spaces, "a\u2009b\u3000c", "a b c"),
        (clean.remove_tatweel, "الحـــرب", "الحرب"),
        (clean.normalize_punctuation, "„نص“ ‹كلمة› 2014–2016", "“نص“ «كلمة» 2014-2016"),
        (clean.normalize_punctuation, '"كل الدبلوماسية" «لا» “تزال”', '"كل الدبلوماسية" «لا» “تزال”'),
        (clean.dediacritize, "قَالَ", "قال"),
        (clean.normalize_unicode, "\ufefb", "\u0644\u0627"),
        (clean.normalize_unicode, "\ufdfc \ufdfd", "ريال بسم الله الرحمن الرحيم"),
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


# --- linear-time paths give the results of the regexes they replace ---------------

BOUNDARY_TEXT = st.text(alphabet=st.sampled_from(list(".!?؟…\"'»”)( \nUSaبت1")), max_size=60)


@settings(max_examples=400, deadline=None)
@given(BOUNDARY_TEXT, st.integers(0, 60), st.integers(0, 60))
def test_sentence_boundaries_match_the_regex(text, start, end):
    start, end = sorted((min(start, len(text)), min(end, len(text))))
    expected = [(m.start(), m.end()) for m in clean.SENTENCE_BOUNDARY_RE.finditer(text, start, end)]
    assert clean.sentence_boundaries(text, start, end) == expected


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from(list(".!?؟:؛،, -»\"aب1_\u064e")), max_size=30))
def test_ends_sentence_matches_the_regex(line):
    import re

    assert clean._ends_sentence(line) == bool(re.search(r"[.!?؟:؛،,]\W*$", line))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list('"«»“”ab ')), max_size=40), st.integers(0, 40))
def test_inside_region_matches_any(text, position):
    regions = clean.quoted_regions(text, 0, len(text))
    opens = [open_ for open_, _ in regions]
    expected = any(open_ < position < close for open_, close in regions)
    assert clean._inside_region(position, opens, regions) == expected


def _reference_quoted_regions(text, start, end):
    """quoted_regions as first written: every opener searches for its closer."""
    regions, position = [], start
    while position < end:
        opener = clean.QUOTE_OPENER_RE.search(text, position, end)
        if opener is None:
            break
        position = opener.start()
        close = text.find(clean.QUOTE_PAIRS[opener.group()], position + 1, end)
        if close > 0:
            regions.append((position, close))
            position = close + 1
            continue
        position += 1
    return regions


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list('"«»“”ab ')), max_size=40))
def test_quoted_regions_match_the_reference(text):
    assert clean.quoted_regions(text, 0, len(text)) == _reference_quoted_regions(text, 0, len(text))


def test_combining_class_holds_every_character_nfkc_sorts():
    import sys
    import unicodedata

    sorted_by_nfkc = [chr(c) for c in range(sys.maxunicode + 1)
                      if unicodedata.combining(unicodedata.normalize("NFKD", chr(c))[:1] or " ")]
    assert len(sorted_by_nfkc) > 900
    missing = [hex(ord(c)) for c in sorted_by_nfkc if not clean.regex.fullmatch(clean.COMBINING, c)]
    assert missing == []


# --- cleaning takes time linear in the text ----------------------------------------


def _clean_seconds(text: str, repeat: int = 3) -> float:
    """Least CPU time of a few ``clean_article`` runs (the least is the least noisy)."""
    import time

    best = float("inf")
    for _ in range(repeat):
        started = time.process_time()
        clean.clean_article(Article("t", text, "t"))
        best = min(best, time.process_time() - started)
    return best


MIN_BASE_SECONDS = 0.01  # below this, timer noise decides the ratio
MAX_RATIO_FOR_8X = 20  # linear gives about 8, quadratic 64


def _grows_linearly(small: str, large: str) -> bool:
    return _clean_seconds(large, 2) < MAX_RATIO_FOR_8X * max(_clean_seconds(small), MIN_BASE_SECONDS)


RUN_PIECES = st.sampled_from([
    ".", ":", "؟", "…", "!", ",", "،", '"', "«", "»", "“", "”", "(", ")", "-", " ", "\n", "\u00a0",
    "\u064e", "\u0651\u0650", "\u0652\u064f", "\u0301", "\u0640", "\u200d", "\u200f", "ی", "ک",
    "ب", "قال", "U.", "a", "1", "المصدر: ", "(رويترز)", "\ufefb",
])


# no shrinking: each step of it would time a text again
@settings(max_examples=12, deadline=None, derandomize=True, phases=[Phase.generate])
@given(st.lists(st.tuples(RUN_PIECES, st.integers(1, 40)), min_size=1, max_size=8), st.booleans())
def test_cleaning_time_grows_linearly(runs, longer_runs):
    """8x the text costs well under 20x the time, whether the runs or their count grow."""
    def text(scale: int, repeats: int) -> str:
        unit = "".join(piece * (count * scale) for piece, count in runs)
        return unit * repeats

    size = max(1, 3000 // len(text(1, 1)))  # about 3,000 characters to start from
    if longer_runs:
        assert _grows_linearly(text(size, 1), text(8 * size, 1))
    else:
        assert _grows_linearly(text(1, size), text(1, 8 * size))


@pytest.mark.parametrize("name", sorted(adversarial_texts(0.01)))
def test_adversarial_texts_clean_in_linear_time(name):
    assert _grows_linearly(adversarial_texts(0.01)[name], adversarial_texts(0.08)[name])
