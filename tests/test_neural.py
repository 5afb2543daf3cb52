"""Tests for qawl.entities.neural: the BiLSTM-CRF backend (interface, not quality)."""
import pytest

torch = pytest.importorskip("torch")

from qawl.entities import get_tagger  # noqa: E402
from qawl.entities.neural import (  # noqa: E402
    TAGS,
    Encoder,
    LstmConfig,
    LstmTagger,
    build_ensemble,
    build_network,
    allowed_transitions,
    lookup_form,
    lstm_model_available,
    repair_iob2,
    save_model,
    word_flags,
)
from qawl.entities.lm import build_language_model, reverse_padded  # noqa: E402

SENTENCE = "وقال الرئيس المصري حسني مبارك في القاهرة إن الأمم المتحدة ستجتمع".split()


def valid_iob2(tags):
    previous = "O"
    for tag in tags:
        if tag.startswith("I-") and previous[2:] != tag[2:]:
            return False
        previous = tag
    return True


@pytest.fixture(scope="module")
def shipped():
    if not lstm_model_available():
        pytest.skip("ner_lstm.* not in src/qawl/models (python -m qawl.entities.train_neural)")
    return get_tagger("lstm")


@pytest.fixture(scope="module")
def untrained():
    """A tiny random network: decoding must give valid IOB2 whatever the weights."""
    torch.manual_seed(0)
    words, chars = ["الرئيس", "مبارك"], sorted(set("".join(SENTENCE)))
    network = build_network(LstmConfig(hidden=8, char_filters=8), len(words) + 2, len(chars) + 2)
    with torch.no_grad():
        for parameter in network.parameters():
            parameter.normal_(0, 3)
    return LstmTagger(network=network, encoder=Encoder(words, chars))


@pytest.mark.parametrize(
    "text_in, text_out",
    [("الأمم", "الامم"), ("2014", "0000"), ("مدرسةٌ", "مدرسه"), ("إلى", "الي")],
)
def test_lookup_form(text_in, text_out):
    assert lookup_form(text_in) == text_out


@pytest.mark.parametrize(
    "token, conj, prep, article",
    [("وللأمم", 1.0, 1.0, 1.0), ("بالقاهرة", 0.0, 1.0, 1.0), ("مبارك", 0.0, 0.0, 0.0)],
)
def test_word_flags_proclitics(token, conj, prep, article):
    assert word_flags(token, lookup_form(token))[:3] == (conj, prep, article)


def test_allowed_transitions():
    allowed = allowed_transitions()
    index = {tag: i for i, tag in enumerate(TAGS)}
    assert allowed[index["B-PER"], index["I-PER"]]
    assert not allowed[index["B-PER"], index["I-LOC"]]
    assert not allowed[index["O"], index["I-ORG"]]


def test_untrained_network_gives_valid_iob2(untrained):
    sentences = [SENTENCE, SENTENCE[:3], ["x"]]
    tagged = untrained.tag_document(sentences)
    assert [len(t) for t in tagged] == [len(s) for s in sentences]
    assert all(valid_iob2(t) and set(t) <= set(TAGS) for t in tagged)


def test_shipped_model_tags_a_sentence(shipped):
    tags = shipped.tag(SENTENCE)
    assert len(tags) == len(SENTENCE)
    assert valid_iob2(tags)
    assert set(tags) <= set(TAGS)


def test_shipped_model_is_deterministic(shipped):
    sentences = [SENTENCE, SENTENCE[::-1], SENTENCE[:4]]
    assert shipped.tag_document(sentences) == shipped.tag_document(sentences)
    # a sentence's tags do not depend on the others in the batch
    assert shipped.tag_document(sentences)[2] == shipped.tag(SENTENCE[:4])


@pytest.mark.parametrize("sentences", [[], [[]], [[], ["مبارك"], []]])
def test_empty_input(shipped, sentences):
    tagged = shipped.tag_document(sentences)
    assert [len(t) for t in tagged] == [len(s) for s in sentences]


@pytest.mark.parametrize(
    "tags_in, tags_out",
    [
        (["O", "I-PER", "I-PER"], ["O", "B-PER", "I-PER"]),
        (["B-LOC", "I-ORG"], ["B-LOC", "B-ORG"]),
        (["B-ORG", "I-ORG", "O"], ["B-ORG", "I-ORG", "O"]),
    ],
)
def test_repair_iob2(tags_in, tags_out):
    assert repair_iob2(tags_in) == tags_out


def test_reverse_padded_reverses_each_row_within_its_length():
    x = torch.tensor([[1, 2, 3, 0], [4, 5, 0, 0]])
    lengths = torch.tensor([3, 2])
    assert reverse_padded(x, lengths).tolist() == [[3, 2, 1, 0], [5, 4, 0, 0]]
    assert torch.equal(reverse_padded(reverse_padded(x, lengths), lengths), x)


def test_language_model_states_only_see_their_side():
    """The forward state at i ignores words after i; the backward state ignores words before."""
    torch.manual_seed(0)
    lm = build_language_model(input_dim=6, hidden=5, n_classes=4).eval()
    x = torch.randn(1, 5, 6)
    changed = x.clone()
    changed[0, 3:] = torch.randn(2, 6)  # change the last two words
    lengths = torch.tensor([5])
    with torch.no_grad():
        ahead, behind = lm.states(x, lengths)
        ahead2, behind2 = lm.states(changed, lengths)
    assert torch.allclose(ahead[0, :3], ahead2[0, :3])
    assert not torch.allclose(ahead[0, 3:], ahead2[0, 3:])
    assert not torch.allclose(behind[0, :3], behind2[0, :3])


def tiny_members(n, lm_hidden=4):
    words, chars = ["الرئيس", "مبارك"], sorted(set("".join(SENTENCE)))
    config = LstmConfig(hidden=8, char_filters=8, lm_hidden=lm_hidden, lm_classes=3)
    members = []
    for seed in range(n):
        torch.manual_seed(seed)
        network = build_network(config, len(words) + 2, len(chars) + 2)
        with torch.no_grad():
            for parameter in network.parameters():
                parameter.normal_(0, 3)
        members.append(network)
    return config, words, chars, members


def test_ensemble_shares_frozen_modules_and_round_trips(tmp_path):
    config, words, chars, members = tiny_members(3)
    ensemble = build_ensemble(members)
    assert members[2].words is members[0].words and members[2].lm is members[0].lm
    save_model(ensemble, config, words, chars, tmp_path)
    loaded = LstmTagger(tmp_path, consistent=False)
    assert len(loaded.network.members) == 3
    original = LstmTagger(network=ensemble, encoder=Encoder(words, chars), consistent=False)
    sentences = [SENTENCE, SENTENCE[2:6]]
    # the word table is stored in float16: compare decodes, not raw scores
    assert loaded.tag_document(sentences) == original.tag_document(sentences)


def test_ensemble_decodes_averaged_scores():
    """One member repeated is that member."""
    config, words, chars, members = tiny_members(1, lm_hidden=0)
    encoder = Encoder(words, chars)
    single = LstmTagger(network=members[0], encoder=encoder, consistent=False)
    doubled = LstmTagger(network=build_ensemble([members[0], members[0]]), encoder=encoder,
                         consistent=False)
    assert doubled.tag_document([SENTENCE]) == single.tag_document([SENTENCE])


def test_crf_nll_matches_enumerating_every_path():
    """The forward algorithm's partition function equals the sum over all 9**3 paths."""
    import itertools

    from qawl.entities.neural import crf_nll

    torch.manual_seed(1)
    n = len(TAGS)
    scores, transitions = torch.randn(1, 3, n), torch.randn(n, n)
    start, end = torch.randn(n), torch.randn(n)
    gold = (1, 2, 0)

    def path_score(path):
        return (start[path[0]] + sum(scores[0, j, t] for j, t in enumerate(path))
                + sum(transitions[a, b] for a, b in zip(path, path[1:])) + end[path[-1]])

    paths = itertools.product(range(n), repeat=3)
    log_z = torch.logsumexp(torch.stack([path_score(p) for p in paths]), 0)
    nll = crf_nll(scores, transitions, start, end, torch.tensor([3]), torch.tensor([gold]))
    assert nll.item() == pytest.approx((log_z - path_score(gold)).item(), rel=1e-5)


def test_loading_the_shipped_tagger_uses_one_thread(shipped):
    """Taggers run in many processes side by side: torch's thread per core makes them fight."""
    from qawl.entities.neural import default_lstm_tagger

    torch.set_num_threads(2)
    default_lstm_tagger.cache_clear()  # build it again, as a fresh process would
    try:
        get_tagger("lstm")
        assert torch.get_num_threads() == 1
    finally:
        torch.set_num_threads(1)


def test_loading_camel_recognizer_uses_one_thread(monkeypatch):
    import sys
    import types

    from qawl.entities.camel import load_camel_recognizer

    class FakeRecognizer:
        @staticmethod
        def pretrained(use_gpu=False):
            return "recognizer"

    monkeypatch.setitem(sys.modules, "camel_tools.ner", types.SimpleNamespace(NERecognizer=FakeRecognizer))
    torch.set_num_threads(2)
    load_camel_recognizer.cache_clear()
    try:
        assert load_camel_recognizer() == "recognizer"
        assert torch.get_num_threads() == 1
    finally:
        load_camel_recognizer.cache_clear()
        torch.set_num_threads(1)


def test_length_batches_cover_every_sentence_once_within_bounds():
    from qawl.entities.neural import length_batches

    sentences = [["w"] * n for n in (3, 50, 1, 7, 7, 120, 2, 30)]
    batches = length_batches(sentences, max_tokens=100, max_sentences=3)
    assert sorted(i for batch in batches for i in batch) == list(range(len(sentences)))
    for batch in batches:
        lengths = [len(sentences[i]) for i in batch]
        assert lengths == sorted(lengths, reverse=True)  # longest first: it sets the padding
        assert len(batch) <= 3
        assert len(batch) == 1 or len(batch) * lengths[0] <= 100


def documents_for_batching():
    return [[SENTENCE, [], SENTENCE[2:7]], [], [[]], [SENTENCE[::-1]],
            [SENTENCE[:3], SENTENCE, ["مبارك", "مبارك"], SENTENCE[4:]]]


def test_tag_documents_equals_tag_document_each(untrained):
    documents = documents_for_batching()
    assert untrained.tag_documents(documents) == [untrained.tag_document(d) for d in documents]


def test_shipped_tag_documents_equals_tag_document_each(shipped):
    documents = documents_for_batching()
    assert shipped.tag_documents(documents) == [shipped.tag_document(d) for d in documents]


def test_encoder_batch_gathers_each_tokens_encoding_and_zero_padding():
    words, chars = ["الرئيس", "مبارك"], sorted(set("".join(SENTENCE)))
    encoder = Encoder(words, chars)
    sentences = [SENTENCE[:4], ["مبارك", "مبارك"]]
    ids, char_rows, type_index, flags, lengths = encoder.batch(sentences)
    assert lengths.tolist() == [4, 2]
    for i, sentence in enumerate(sentences):
        for j, token in enumerate(sentence):
            encoded = encoder.encode(token)
            assert tuple(ids[i, j].tolist()) == encoded.word_ids
            assert tuple(flags[i, j].tolist()) == pytest.approx(encoded.flags)
            row = char_rows[type_index[i, j]].tolist()
            assert tuple(row[:len(encoded.char_ids)]) == encoded.char_ids
    assert not ids[1, 2:].any() and not flags[1, 2:].any() and not type_index[1, 2:].any()
    assert len(char_rows) == len(set(SENTENCE[:4]) | {"مبارك"})  # the char CNN runs per type


def _viterbi_reference(scores, transitions, start, end, lengths):
    """Viterbi as first written: pointers as nested lists, backtracked per sentence."""
    import torch

    n = scores.shape[1]
    mask = torch.arange(n)[None, :] < lengths[:, None]
    best = start[None, :] + scores[:, 0]
    pointers = []
    for j in range(1, n):
        value, pointer = (best[:, :, None] + transitions[None]).max(dim=1)
        pointers.append(pointer)
        best = torch.where(mask[:, j, None], value + scores[:, j], best)
    last_tags = (best + end[None, :]).argmax(dim=1).tolist()
    pointers = torch.stack(pointers, 1).tolist() if pointers else []
    out = []
    for i, length in enumerate(lengths.tolist()):
        path = [last_tags[i]]
        for j in range(length - 2, -1, -1):
            path.append(pointers[i][j][path[-1]])
        out.append(path[::-1])
    return out


def test_viterbi_backtrack_equals_reference():
    import torch

    from qawl.entities.neural import viterbi

    generator = torch.Generator().manual_seed(11)
    for batch, n in ((1, 1), (1, 5), (7, 1), (13, 9), (64, 40)):
        for _ in range(5):
            lengths = torch.randint(1, n + 1, (batch,), generator=generator)
            lengths[0] = n
            scores = torch.randn(batch, n, 9, generator=generator)
            transitions = torch.randn(9, 9, generator=generator)
            start, end = torch.randn(9, generator=generator), torch.randn(9, generator=generator)
            args = (scores, transitions, start, end, lengths)
            assert viterbi(*args) == _viterbi_reference(*args)


def _single_batch_tags(tagger, sentences):
    """What tag_document did before length batches: every sentence in one padded batch."""
    present = [s for s in sentences if s]
    with torch.inference_mode():
        ids = iter(tagger.network.decode(*tagger.encoder.batch(present)))
    raw = [[TAGS[i] for i in next(ids)] if s else [] for s in sentences]
    return tagger._finish_document(sentences, raw)


def test_tag_document_in_length_batches_tags_as_one_batch_did(untrained):
    for sentences in documents_for_batching():
        if any(sentences):
            assert untrained.tag_document(sentences) == _single_batch_tags(untrained, sentences)


def test_shipped_tag_document_in_length_batches_tags_as_one_batch_did(shipped):
    sentences = [SENTENCE, SENTENCE[3:], ["مبارك"], SENTENCE * 3, SENTENCE[::-1]]
    assert shipped.tag_document(sentences) == _single_batch_tags(shipped, sentences)


def _network_inputs(tagger, monkeypatch) -> list[tuple[int, int]]:
    """Records (sentences, padded length) of every batch the network is given."""
    seen = []
    batch = tagger.encoder.batch

    def recording(sentences):
        seen.append((len(sentences), max(map(len, sentences))))
        return batch(sentences)

    monkeypatch.setattr(tagger.encoder, "batch", recording)
    return seen


def test_a_long_token_run_is_decoded_in_bounded_pieces(untrained, monkeypatch):
    import qawl.entities.neural as neural

    monkeypatch.setattr(neural, "MAX_SEQUENCE_TOKENS", 5)
    seen = _network_inputs(untrained, monkeypatch)
    sentences = [SENTENCE * 3, [], SENTENCE[:2]]
    tags = untrained.tag_document(sentences)
    assert [len(t) for t in tags] == [len(s) for s in sentences]
    assert all(valid_iob2(t) for t in tags)
    assert max(length for _, length in seen) == 5


def test_one_long_sentence_does_not_pad_the_others(untrained, monkeypatch):
    from qawl.entities.neural import BATCH_TOKENS, MAX_SEQUENCE_TOKENS

    seen = _network_inputs(untrained, monkeypatch)
    untrained.tag_document([SENTENCE] * 300 + [SENTENCE * 150])  # 1,650 tokens in one sentence
    assert all(count * length <= max(BATCH_TOKENS, MAX_SEQUENCE_TOKENS) for count, length in seen)


def test_letterless_sequences_are_never_sent_to_the_network(shipped, monkeypatch):
    sentences = [["قال", "وزير", "الخارجية", "سامح", "شكري"], ['"'] * 3_000, ["2015", "-", "7"]]
    expected = shipped.tag_document(sentences)
    reads = []
    decode = shipped.network.decode
    monkeypatch.setattr(shipped.network, "decode",
                        lambda *a: reads.append(a[0].shape) or decode(*a))
    assert shipped.tag_document(sentences) == expected
    assert expected[1] == ["O"] * 3_000 and expected[2] == ["O"] * 3
    assert len(reads) == 1 and reads[0][0] == 1  # one batch: only the sentence with letters
