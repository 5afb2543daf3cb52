"""Tests for qawl.entities.consistency: document label consistency."""
import pytest

from qawl.entities.conll import bio_spans
from qawl.entities.consistency import (
    complete_person_names,
    propagate_names,
    split_person_coordination,
    tagged_names,
)


def test_bio_spans_of_valid_iob2():
    tags = ["B-PER", "I-PER", "O", "B-LOC", "B-ORG", "I-ORG"]
    assert list(bio_spans(tags)) == [(0, 2, "PER"), (3, 4, "LOC"), (4, 6, "ORG")]


def test_tagged_names_keys_strip_first_word_proclitics_and_take_majority():
    sentences = [["وموسكو", "ترد"], ["موسكو", "تقول"], ["في", "موسكو"]]
    tags = [["B-LOC", "O"], ["B-ORG", "O"], ["O", "B-LOC"]]
    assert tagged_names(sentences, tags) == {("موسكو",): "LOC"}


@pytest.mark.parametrize(
    "sentences, tags_in, tags_out",
    [
        # a full name found once is tagged where it recurs, clitic-attached too
        ([["قال", "سيرغي", "لافروف"], ["وسيرغي", "لافروف", "وصل"]],
         [["O", "B-PER", "I-PER"], ["O", "O", "O"]],
         [["O", "B-PER", "I-PER"], ["B-PER", "I-PER", "O"]]),
        # letter variants match (matching form)
        ([["الأمم", "المتحدة"], ["الامم", "المتحده", "تقول"]],
         [["B-ORG", "I-ORG"], ["O", "O", "O"]],
         [["B-ORG", "I-ORG"], ["B-ORG", "I-ORG", "O"]]),
        # a longer name wins over its own first word
        ([["جون", "كيري"], ["جون"], ["جون", "كيري", "قال"]],
         [["B-PER", "I-PER"], ["B-PER"], ["O", "O", "O"]],
         [["B-PER", "I-PER"], ["B-PER"], ["B-PER", "I-PER", "O"]]),
        # tagged words are never overwritten, nor names cut before an I- tag
        ([["حلب"], ["مدينة", "حلب"], ["حلب", "الشرقية"]],
         [["B-LOC"], ["B-LOC", "I-LOC"], ["O", "I-LOC"]],
         [["B-LOC"], ["B-LOC", "I-LOC"], ["O", "I-LOC"]]),
        # names shorter than three letters are not spread
        ([["أ", "ب"], ["أ"]], [["B-PER", "O"], ["O"]], [["B-PER", "O"], ["O"]]),
        # empty sentences stay empty
        ([[], ["كيري"]], [[], ["B-PER"]], [[], ["B-PER"]]),
    ],
)
def test_propagate_names(sentences, tags_in, tags_out):
    assert propagate_names(sentences, tags_in) == tags_out


@pytest.mark.parametrize(
    "text_in, tags_in, tags_out",
    [
        # a name cannot end on a connector: the next words join it
        ("تولى علي بن أبي طالب الخلافة", "O B-PER I-PER O O O", "O B-PER I-PER I-PER I-PER O"),
        ("وقال أبو مازن إن", "O B-PER O O", "O B-PER I-PER O"),
        ("الشيخ محمد بن راشد آل مكتوم نائب", "O B-PER I-PER I-PER I-PER O O",
         "O B-PER I-PER I-PER I-PER I-PER O"),
        # a ruler's ordinal, and its tens
        ("وقال الملك عبد الله الثاني إن", "O O B-PER I-PER O O", "O O B-PER I-PER I-PER O"),
        ("البابا بنديكت السادس عشر", "O B-PER O O", "O B-PER I-PER I-PER"),
        # not after other labels, not across punctuation, not an ordinal after a plain word
        ("مسجد الحسن الثاني", "O B-LOC O", "O B-LOC O"),
        ("الحسن بن ، وقال", "B-PER I-PER O O", "B-PER I-PER O O"),
        ("فاز زيدان في الشوط الثاني", "O B-PER O O O", "O B-PER O O O"),
    ],
)
def test_complete_person_names(text_in, tags_in, tags_out):
    assert complete_person_names(text_in.split(), tags_in.split()) == tags_out.split()


RANKS = {"الي": 10, "والي": 1500, "بلير": 300, "وبلير": 9000, "وليد": 220, "ليد": 5000,
         "رايس": 400, "جيه": 9900, "وجيه": 37000}


@pytest.mark.parametrize(
    "text_in, tags_in, tags_out",
    [
        ("وقال بوش وبلير إن", "O B-PER I-PER O", "O B-PER B-PER O"),
        ("جورج بوش ورايس", "B-PER I-PER I-PER", "B-PER I-PER B-PER"),  # ورايس: unseen
        ("محمد وليد", "B-PER I-PER", "B-PER I-PER"),  # ليد is rarer than وليد
        ("محمد وجيه", "B-PER I-PER", "B-PER I-PER"),  # جيه is not far more frequent
        ("مصطفى والي", "B-PER I-PER", "B-PER I-PER"),  # الي is إلى, a function word
        ("بوش وبلير", "B-ORG I-ORG", "B-ORG I-ORG"),
    ],
)
def test_split_person_coordination(text_in, tags_in, tags_out):
    assert split_person_coordination(text_in.split(), tags_in.split(), RANKS) == tags_out.split()


def test_name_spans_equals_bio_spans():
    import random

    from qawl.entities.consistency import name_spans

    rng = random.Random(11)
    vocabulary = ["O", "B-PER", "I-PER", "B-LOC", "I-LOC", "I-ORG", "B-MISC", "I", "B", "X-PER"]
    cases = [[], ["O"], ["I-PER"], ["B-PER", "O"], ["O", "I-LOC", "I-LOC"], ["B-ORG", "I-PER"]]
    cases += [[rng.choice(vocabulary) for _ in range(rng.randint(0, 12))] for _ in range(3000)]
    for tags in cases:
        assert name_spans(tags) == bio_spans(tags), tags
