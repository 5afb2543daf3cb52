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


def _propagate_by_scanning_every_name(sentences, tags):
    """propagate_names as it was: every name opened by a word is compared in turn."""
    from collections import defaultdict

    from qawl.entities.consistency import _tagged_names, word_keys

    keys = [word_keys(tokens) for tokens in sentences]
    names = _tagged_names(keys, tags)
    by_first = defaultdict(list)
    for key in sorted(names, key=len, reverse=True):
        by_first[key[0]].append(key)
    out = []
    for (firsts, forms), sentence_tags in zip(keys, tags):
        sentence_tags = list(sentence_tags)
        for i, first in enumerate(firsts):
            for key in by_first.get(first, ()):
                end = i + len(key)
                if (tuple(forms[i + 1:end]) == key[1:] and all(t == "O" for t in sentence_tags[i:end])
                        and not (end < len(sentence_tags) and sentence_tags[end].startswith("I-"))):
                    label = names[key]
                    sentence_tags[i:end] = ["B-" + label] + ["I-" + label] * (len(key) - 1)
                    break
        out.append(sentence_tags)
    return out


WORDS = ["محمد", "بن", "سلمان", "وسلمان", "عبد", "الله", "موسكو", "قال"]
TAG_CHOICES = ["O", "O", "O", "B-PER", "I-PER", "B-LOC", "I-ORG"]


def test_propagate_names_tags_like_a_scan_of_every_name():
    import random

    generator = random.Random(12)
    for _ in range(300):
        sentences = [[generator.choice(WORDS) for _ in range(generator.randint(0, 9))]
                     for _ in range(generator.randint(1, 6))]
        tags = [[generator.choice(TAG_CHOICES) for _ in sentence] for sentence in sentences]
        assert propagate_names(sentences, tags) == _propagate_by_scanning_every_name(sentences, tags)


def _made_up_word(i: int) -> str:
    letters, word = "بتثجحخدذرزسشصضطظعغفقكلمنهي", "ال"
    while True:
        word, i = word + letters[i % len(letters)], i // len(letters)
        if not i:
            return word + "ي"


def test_propagate_names_time_grows_linearly_with_names_sharing_a_first_word():
    from time import process_time

    def seconds(n):  # n people called محمد something, each named again untagged
        sentences, tags = [], []
        for i in range(n):
            name = ["محمد"] + [_made_up_word(i)] * (1 + i % 3)
            sentences.append(["قال", *name, "و", *name])
            tags.append(["O", "B-PER"] + ["I-PER"] * (len(name) - 1) + ["O"] * (len(name) + 1))
        times = []
        for _ in range(2):  # the faster of two runs: the first fills the word caches
            started = process_time()
            propagate_names(sentences, tags)
            times.append(process_time() - started)
        return min(times)

    base = max(seconds(600), 0.03)
    assert seconds(2400) < 10 * base  # linear: about 4; it was about 16
