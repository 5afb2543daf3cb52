"""A small neural NER tagger: char CNN + word vectors + BiLSTM + CRF (optional backend).

Each word is represented by
  - frozen 100-dim vectors (PPMI-SVD over the unlabelled corpora, see
    ``qawl.entities.clusters.embed_words``) of its matching form, its base
    (conjunction/preposition stripped) and its stem (article stripped too):
    a clitic-attached name still finds its vector;
  - a character CNN over the matching form, which is what generalises to
    names never seen in training;
  - a few flags: proclitics, shape, hand-written gazetteer and trigger labels;
  - the states of a frozen language model trained on the unlabelled corpora
    (``qawl.entities.lm``): the word in its context.
A BiLSTM reads the sentence and a linear-chain CRF decodes valid IOB2. The
shipped model is an ensemble of such networks (different seeds, one shared
word table and language model) decoded on their averaged scores; then person
names are made whole (connectors, ordinals, و + another name) and a document
pass tags a name wherever it recurs (both in ``qawl.entities.consistency``).

Files in ``src/qawl/models``: ``ner_lstm.pt`` (weights; the embedding table in
float16) and ``ner_lstm.json.gz`` (configuration, word and character vocabularies).
Trained by ``python -m qawl.entities.train_neural``.
"""
from __future__ import annotations

import gzip
import json
import logging
import re
from dataclasses import asdict, dataclass
from functools import lru_cache
from itertools import chain, repeat
from pathlib import Path

import numpy as np

from qawl.clean import match_form
from qawl.entities.consistency import (
    complete_person_names,
    propagate_names,
    split_person_coordination,
)
from qawl.entities.features import (
    GAZETTEER_LABELS,
    gazetteer_words,
    split_proclitics,
    triggers,
    word_shape,
)
from qawl.entities.tagger import default_model_dir

logger = logging.getLogger(__name__)

WEIGHTS_FILE = "ner_lstm.pt"
VOCAB_FILE = "ner_lstm.json.gz"
TAGS = ("O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC")
SHAPES = ("digit", "latin", "arabic", "punct", "mixed")
DIGIT_RE = re.compile(r"\d")
MAX_WORD_CHARS = 20
MAX_CACHED_TYPES = 500_000  # bounds memory on long runs over a corpus
PAD, UNK = 0, 1  # reserved ids in both vocabularies
# Bounds of one network call when tagging many documents at once: padded tokens
# (sentences × the longest one) and sentences; memory stays small, batches stay large.
BATCH_TOKENS = 4096
BATCH_SENTENCES = 256
# A longer token run (a page dump without punctuation) goes through the network in pieces
# of this many tokens: memory grows with a sequence's length (about 16 KB a token), and no
# sentence of the news corpora comes near it (the longest of 20,000 has about 400 tokens).
MAX_SEQUENCE_TOKENS = 1000
N_FLAGS = 4 + len(SHAPES) + 2 * len(GAZETTEER_LABELS)


@dataclass
class LstmConfig:
    """Sizes of the network (stored with the weights)."""

    word_dim: int = 100
    char_dim: int = 32
    char_filters: int = 64
    char_width: int = 3
    hidden: int = 128
    dropout: float = 0.5
    lm_hidden: int = 0  # size of each direction of the corpus language model (0: none)
    lm_classes: int = 0  # word classes that language model predicts


@dataclass(frozen=True)
class EncodedWord:
    """Model inputs of one word type."""

    word_ids: tuple[int, int, int]  # form, base, stem
    char_ids: tuple[int, ...]
    flags: tuple[float, ...]


def lookup_form(token: str) -> str:
    """The form looked up in the vocabularies: matching form, digits as 0."""
    return DIGIT_RE.sub("0", match_form(token))


def word_flags(token: str, form: str) -> tuple[float, ...]:
    """Proclitics, shape, and gazetteer/trigger labels of form, base or stem."""
    clitics, labels = _form_flags(form)
    return clitics + SHAPE_FLAGS[word_shape(token)] + labels


SHAPE_FLAGS = {shape: tuple(float(shape == s) for s in SHAPES) for shape in SHAPES}


@lru_cache(maxsize=200_000)
def _form_flags(form: str) -> tuple[tuple[float, ...], tuple[float, ...]]:
    """The flags of ``word_flags`` that depend on the form alone: before and after the shape."""
    split = split_proclitics(form)
    clitics = (float(bool(split.conj)), float(bool(split.prep)), float(bool(split.article)),
               float(len(form) <= 2))
    base, stem = split.base, split.stem
    flags = []
    for table in (gazetteer_words(), triggers()):
        labels = (table.get(form), table.get(base), table.get(stem))
        flags += [float(label in labels) for label in GAZETTEER_LABELS]
    return clitics, tuple(flags)


class Encoder:
    """Token → ``EncodedWord``, cached per type."""

    def __init__(self, words: list[str], chars: list[str]):
        # ids 0 and 1 are padding and unknown
        self.word_index = {w: i + 2 for i, w in enumerate(words)}
        self.char_index = {c: i + 2 for i, c in enumerate(chars)}
        self._cache: dict[str, EncodedWord] = {}

    def encode(self, token: str) -> EncodedWord:
        cached = self._cache.get(token)
        if cached is not None:
            return cached
        form = lookup_form(token)
        split = split_proclitics(form)
        get = self.word_index.get
        word_ids = (get(form, UNK), get(split.base, UNK), get(split.stem, UNK))
        char_ids = tuple(map(self.char_index.get, form[:MAX_WORD_CHARS], repeat(UNK))) or (UNK,)
        encoded = EncodedWord(word_ids, char_ids, word_flags(token, form))
        if len(self._cache) < MAX_CACHED_TYPES:
            self._cache[token] = encoded
        return encoded

    def batch(self, sentences: list[list[str]]):
        """Padded tensors for a batch of non-empty sentences.

        Returns ``(words, chars, type_index, flags, lengths)``: ``chars`` has one
        row per word type and ``type_index`` gives each position's row, so the
        char CNN runs once per type.
        """
        import torch

        n, length = len(sentences), max(len(s) for s in sentences)
        sentence_lengths = np.fromiter(map(len, sentences), dtype=np.int64, count=n)
        # word types in order of first occurrence, and each position's type
        types = {token: k for k, token in enumerate(dict.fromkeys(chain.from_iterable(sentences)))}
        cache = self._cache
        encoded = [cache.get(token) or self.encode(token) for token in types]
        # per-type rows gathered by position (numpy), instead of a Python loop over positions;
        # padding gathers the extra all-zero row at the end
        gather = np.full((n, length), len(types), dtype=np.int64)
        gather[np.arange(length)[None, :] < sentence_lengths[:, None]] = np.fromiter(
            map(types.__getitem__, chain.from_iterable(sentences)), dtype=np.int64,
            count=int(sentence_lengths.sum()))
        type_words = np.zeros((len(types) + 1, 3), dtype=np.int64)
        type_words[:-1] = [e.word_ids for e in encoded]
        type_flags = np.zeros((len(types) + 1, N_FLAGS), dtype=np.float32)
        type_flags[:-1] = [e.flags for e in encoded]
        words, flags = type_words[gather], type_flags[gather]
        type_index = np.where(gather < len(types), gather, 0)
        char_lengths = np.fromiter((len(e.char_ids) for e in encoded), dtype=np.int64,
                                   count=len(encoded))
        chars = np.zeros((len(types), int(char_lengths.max())), dtype=np.int64)
        # row by row, left-aligned: the positions a boolean mask selects, in row-major order
        chars[np.arange(chars.shape[1])[None, :] < char_lengths[:, None]] = np.fromiter(
            chain.from_iterable(e.char_ids for e in encoded), dtype=np.int64,
            count=int(char_lengths.sum()))
        lengths = torch.tensor([len(s) for s in sentences])
        return (torch.from_numpy(words), torch.from_numpy(chars), torch.from_numpy(type_index),
                torch.from_numpy(flags), lengths)


def build_network(config: LstmConfig, n_words: int, n_chars: int):
    """The torch module (built lazily so importing this module needs no torch)."""
    import torch
    from torch import nn

    from qawl.entities.lm import build_language_model

    class CharCnn(nn.Module):
        def __init__(self):
            super().__init__()
            self.embed = nn.Embedding(n_chars, config.char_dim, padding_idx=PAD)
            self.conv = nn.Conv1d(config.char_dim, config.char_filters, config.char_width,
                                  padding=config.char_width // 2)

        def forward(self, chars):  # (types, chars) -> (types, filters)
            x = self.conv(self.embed(chars).transpose(1, 2))
            x = x.masked_fill((chars == PAD)[:, None, :], -1e4).max(dim=2).values
            return x.clamp(min=-1.0)  # bounded below whatever the padding

    class LstmCrf(nn.Module):
        def __init__(self):
            super().__init__()
            self.words = nn.Embedding(n_words, config.word_dim, padding_idx=PAD)
            self.words.weight.requires_grad = False  # corpus vectors stay as learned
            self.chars = CharCnn()
            width = 3 * config.word_dim + config.char_filters + N_FLAGS
            if config.lm_hidden:  # frozen: trained on the unlabelled corpora beforehand
                self.lm = build_language_model(3 * config.word_dim, config.lm_hidden,
                                               config.lm_classes)
                self.lm.requires_grad_(False)
                width += 2 * config.lm_hidden
            self.dropout = nn.Dropout(config.dropout)
            self.lstm = nn.LSTM(width, config.hidden, batch_first=True, bidirectional=True)
            self.out = nn.Linear(2 * config.hidden, len(TAGS))
            self.transitions = nn.Parameter(torch.zeros(len(TAGS), len(TAGS)))
            self.start = nn.Parameter(torch.zeros(len(TAGS)))
            self.end = nn.Parameter(torch.zeros(len(TAGS)))
            self.register_buffer("allowed", allowed_transitions())

        def context(self, words, lengths) -> list:
            """Word vectors, and the language model's states when there is one."""
            vectors = self.words(words).view(*words.shape[:2], -1).float()
            if not config.lm_hidden:
                return [vectors]
            with torch.no_grad():
                return [vectors, *self.lm.states(vectors, lengths)]

        def emissions(self, words, chars, type_index, flags, lengths, context=None):
            n = words.shape[1]
            if context is None:
                context = self.context(words, lengths)
            vectors, *states = context  # language-model states go last
            x = torch.cat([vectors, self.chars(chars)[type_index], flags, *states], -1)
            packed = nn.utils.rnn.pack_padded_sequence(
                self.dropout(x), lengths, batch_first=True, enforce_sorted=False)
            hidden, _ = self.lstm(packed)
            hidden, _ = nn.utils.rnn.pad_packed_sequence(hidden, batch_first=True, total_length=n)
            return self.out(self.dropout(hidden))

        def crf_scores(self):
            penalty = (~self.allowed).float() * -1e4
            start_penalty = torch.tensor([-1e4 if t.startswith("I-") else 0.0 for t in TAGS])
            return self.transitions + penalty, self.start + start_penalty, self.end

        def loss(self, words, chars, type_index, flags, lengths, tags):
            """Mean negative log-likelihood of the gold tag sequences."""
            scores = self.emissions(words, chars, type_index, flags, lengths)
            return crf_nll(scores, *self.crf_scores(), lengths, tags)

        def decode(self, words, chars, type_index, flags, lengths) -> list[list[int]]:
            """Viterbi tag ids of each sentence."""
            scores = self.emissions(words, chars, type_index, flags, lengths)
            return viterbi(scores, *self.crf_scores(), lengths)

    return LstmCrf()


def crf_nll(scores, transitions, start, end, lengths, tags):
    """Mean negative log-likelihood of the gold tag sequences under a linear-chain CRF."""
    import torch

    mask = torch.arange(scores.shape[1])[None, :] < lengths[:, None]
    rows = torch.arange(scores.shape[0])
    emitted = scores.gather(2, tags[:, :, None]).squeeze(2)
    moved = transitions[tags[:, :-1], tags[:, 1:]]
    gold = (start[tags[:, 0]] + (emitted * mask).sum(1) + (moved * mask[:, 1:]).sum(1)
            + end[tags[rows, lengths - 1]])
    alpha = start[None, :] + scores[:, 0]
    for j in range(1, scores.shape[1]):
        nxt = torch.logsumexp(alpha[:, :, None] + transitions[None], dim=1) + scores[:, j]
        alpha = torch.where(mask[:, j, None], nxt, alpha)
    return (torch.logsumexp(alpha + end[None, :], dim=1) - gold).mean()


def viterbi(scores, transitions, start, end, lengths) -> list[list[int]]:
    """Best tag-id path of each sentence under emission and transition scores."""
    import torch

    n = scores.shape[1]
    mask = torch.arange(n)[None, :] < lengths[:, None]
    best = start[None, :] + scores[:, 0]
    pointers = []
    for j in range(1, n):
        value, pointer = (best[:, :, None] + transitions[None]).max(dim=1)
        pointers.append(pointer)
        best = torch.where(mask[:, j, None], value + scores[:, j], best)
    last_tags = (best + end[None, :]).argmax(dim=1)
    # backtrack all sentences at once: the tag at j is the pointer at j of the tag at j + 1,
    # and a sentence's last tag is set where j is its last position
    paths = torch.empty((scores.shape[0], n), dtype=torch.int64)
    last_position = lengths - 1
    current = last_tags
    for j in range(n - 1, -1, -1):
        if j < n - 1:
            previous = pointers[j].gather(1, current[:, None]).squeeze(1)
            current = torch.where(j < last_position, previous, current)
        current = torch.where(last_position == j, last_tags, current)
        paths[:, j] = current
    return [row[:length] for row, length in zip(paths.tolist(), lengths.tolist())]


def build_ensemble(members: list):
    """Networks trained with different seeds, decoded on their averaged scores.

    The members share one word-vector table and one language model (both frozen,
    so identical across members): stored once, and run once per batch.
    """
    from torch import nn

    for member in members[1:]:
        member.words = members[0].words
        if hasattr(member, "lm"):
            member.lm = members[0].lm

    class Ensemble(nn.Module):
        def __init__(self):
            super().__init__()
            self.members = nn.ModuleList(members)

        def decode(self, words, chars, type_index, flags, lengths) -> list[list[int]]:
            context = self.members[0].context(words, lengths)
            scores = sum(m.emissions(words, chars, type_index, flags, lengths, context)
                         for m in self.members) / len(self.members)
            crf = [m.crf_scores() for m in self.members]
            averaged = [sum(parts) / len(crf) for parts in zip(*crf)]
            return viterbi(scores, *averaged, lengths)

    return Ensemble()


def shared_key(key: str) -> bool:
    """State-dict keys of a member that only repeat member 0's shared modules."""
    return key.startswith("members.") and not key.startswith("members.0.") and (
        ".words." in key or ".lm." in key)


def repair_iob2(tags: list[str]) -> list[str]:
    """``I-X`` that does not continue an ``X`` becomes ``B-X`` (how conlleval reads it)."""
    out, previous = [], "O"
    for tag in tags:
        if tag.startswith("I-") and previous[2:] != tag[2:]:
            tag = "B-" + tag[2:]
        out.append(tag)
        previous = tag
    return out


def allowed_transitions():
    """Boolean (from, to) matrix: ``I-X`` only after ``B-X`` or ``I-X``."""
    import torch

    allowed = torch.ones(len(TAGS), len(TAGS), dtype=torch.bool)
    for j, to in enumerate(TAGS):
        if to.startswith("I-"):
            for i, before in enumerate(TAGS):
                allowed[i, j] = before[2:] == to[2:]
    return allowed


def use_one_thread() -> None:
    """One torch intra-op thread (and one inter-op thread while torch still allows it).

    Tagging runs in many processes side by side (parallelism comes from processes);
    torch's default of a thread per core makes them, and any other CPU-bound process,
    fight over the cores: ANERcorp test beside a busy process took 55 s instead of 6 s.
    """
    import torch

    if torch.get_num_threads() != 1:
        torch.set_num_threads(1)
    if torch.get_num_interop_threads() != 1:
        try:  # only settable once, and before any inter-op work has started
            torch.set_num_interop_threads(1)
        except RuntimeError as error:
            logger.debug("torch inter-op threads left at %d: %s",
                         torch.get_num_interop_threads(), error)


def length_batches(sentences: list[list[str]], max_tokens: int = BATCH_TOKENS,
                   max_sentences: int = BATCH_SENTENCES) -> list[list[int]]:
    """Indices of ``sentences`` (non-empty) in batches of similar length, longest first.

    Sorting by length cuts padding; a batch closes when its padded size (its first,
    longest sentence × its count) would pass ``max_tokens`` or it has ``max_sentences``.
    """
    order = sorted(range(len(sentences)), key=lambda i: -len(sentences[i]))
    batches: list[list[int]] = []
    for index in order:
        if batches:
            batch = batches[-1]
            longest = len(sentences[batch[0]])
            if len(batch) < max_sentences and (len(batch) + 1) * longest <= max_tokens:
                batch.append(index)
                continue
        batches.append([index])
    return batches


class LstmTagger:
    """IOB2 tagger over pre-tokenised sentences, same interface as ``CrfTagger``."""

    def __init__(self, model_dir: Path | None = None, network=None, encoder: Encoder | None = None,
                 consistent: bool = True):
        import torch

        self.consistent = consistent  # document label consistency (qawl.entities.consistency)

        self.model_dir = Path(model_dir) if model_dir else default_model_dir()
        if network is None:
            with gzip.open(self.model_dir / VOCAB_FILE, "rt", encoding="utf-8") as handle:
                vocab = json.load(handle)
            config = LstmConfig(**vocab["config"])
            encoder = Encoder(vocab["words"], vocab["chars"])
            sizes = (len(vocab["words"]) + 2, len(vocab["chars"]) + 2)
            members = [build_network(config, *sizes) for _ in range(vocab.get("members", 1))]
            network = build_ensemble(members) if len(members) > 1 else members[0]
            state = torch.load(self.model_dir / WEIGHTS_FILE, map_location="cpu", weights_only=True)
            missing, unexpected = network.load_state_dict(
                {k: v.float() for k, v in state.items()}, strict=False)
            if unexpected or any(not shared_key(k) for k in missing):
                raise RuntimeError(f"{WEIGHTS_FILE} does not match {VOCAB_FILE}: "
                                   f"missing {missing[:3]}, unexpected {unexpected[:3]}")
        self.network = network.eval()
        self.encoder = encoder

    def tag_document(self, sentences: list[list[str]]) -> list[list[str]]:
        """IOB2 tags for the sentences of a document, then made consistent across it."""
        # batched by length like tag_documents: one batch of all the sentences would pad
        # every one to the longest (20,000 sentences and one of 5,000 tokens: 100 M positions)
        return self.tag_documents([sentences])[0]

    def tag_documents(self, documents: list[list[list[str]]]) -> list[list[list[str]]]:
        """``[tag_document(d) for d in documents]``, the network run over all their sentences.

        Sentences of all documents go through the network together, in batches of
        similar length (``length_batches``); the per-document steps follow per document.
        """
        flat = [sentence for sentences in documents for sentence in sentences if sentence]
        decoded = iter(self._decode_all(flat))
        return [self._finish_document(sentences, [next(decoded) if s else [] for s in sentences])
                for sentences in documents]

    def _decode_all(self, sentences: list[list[str]]) -> list[list[str]]:
        """Raw network tags of non-empty sentences, batched by length, in input order.

        A sentence longer than ``MAX_SEQUENCE_TOKENS`` is decoded in pieces, joined after.
        """
        import torch

        pieces, owners = [], []  # the sequences the network reads, and whose each is
        for index, sentence in enumerate(sentences):
            for start in range(0, len(sentence), MAX_SEQUENCE_TOKENS):
                pieces.append(sentence[start:start + MAX_SEQUENCE_TOKENS])
                owners.append(index)
        decoded_pieces: list[list[str]] = [["O"] * len(piece) for piece in pieces]
        named = [i for i, piece in enumerate(pieces) if _has_letter(piece)]  # no letter: no name
        with torch.inference_mode():
            for batch in ([named[j] for j in b] for b in length_batches([pieces[i] for i in named])):
                decoded = self.network.decode(*self.encoder.batch([pieces[i] for i in batch]))
                for i, ids in zip(batch, decoded):
                    decoded_pieces[i] = [TAGS[t] for t in ids]
        out: list[list[str]] = [[] for _ in sentences]
        for owner, tags in zip(owners, decoded_pieces):  # pieces are in sentence order
            out[owner].extend(tags)
        return out

    def _finish_document(self, sentences: list[list[str]], raw: list[list[str]]) -> list[list[str]]:
        """Person-name rules per sentence, then the document-consistency pass."""
        tags = [self._whole_persons(s, t) if s else [] for s, t in zip(sentences, raw)]
        return propagate_names(sentences, tags) if self.consistent else tags

    def _whole_persons(self, tokens: list[str], tags: list[str]) -> list[str]:
        """Person names run on over connectors and ordinals, and split at و + another name."""
        ranks = self.encoder.word_index  # ids follow corpus frequency
        return split_person_coordination(tokens, complete_person_names(tokens, tags), ranks)

    def tag(self, tokens: list[str]) -> list[str]:
        """IOB2 tags for one sentence."""
        return self.tag_document([tokens])[0]

    @property
    def extractor(self):
        """The CRF's feature extractor (its training gazetteer serves ``extract_mentions``)."""
        from qawl.entities.tagger import default_tagger

        return default_tagger().extractor


def save_model(network, config: LstmConfig, words: list[str], chars: list[str], out: Path) -> None:
    """Write weights (float16 embedding table, shared modules once) and vocabularies."""
    import torch

    state = {k: (v.half() if k.endswith("words.weight") else v)
             for k, v in network.state_dict().items() if not shared_key(k)}
    torch.save(state, out / WEIGHTS_FILE)
    members = len(network.members) if hasattr(network, "members") else 1
    with gzip.open(out / VOCAB_FILE, "wt", encoding="utf-8", compresslevel=9) as handle:
        json.dump({"config": asdict(config), "tags": TAGS, "members": members, "words": words,
                   "chars": chars}, handle, ensure_ascii=False)


def lstm_model_available(model_dir: Path | None = None) -> bool:
    """Whether the trained files are present."""
    model_dir = Path(model_dir) if model_dir else default_model_dir()
    return (model_dir / WEIGHTS_FILE).exists() and (model_dir / VOCAB_FILE).exists()


def _has_letter(tokens: list[str]) -> bool:
    """Whether any token holds a letter (a run of marks, digits or emoji names no one)."""
    return any(ch.isalpha() for token in tokens for ch in token)


@lru_cache(maxsize=1)
def default_lstm_tagger() -> LstmTagger:
    """The shipped BiLSTM-CRF tagger, loaded once."""
    if not lstm_model_available():
        raise RuntimeError(f"{WEIGHTS_FILE} / {VOCAB_FILE} not found in {default_model_dir()}: "
                           "run `python -m qawl.entities.train_neural --shared ../shared`")
    logger.info("loading the BiLSTM-CRF NER model from %s", default_model_dir())
    use_one_thread()  # before the first network call, while inter-op threads can still be set
    return LstmTagger()
