"""Tests for qawl.entities.consistency: document label consistency."""
import pytest

from qawl.entities.conll import bio_spans
from qawl.entities.consistency import propagate_names, tagged_names


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
