"""Train the BiLSTM-CRF NER tagger (``qawl.entities.neural``) on ANERcorp, seeded.

Steps (the test split is never read here):
  1. word vectors from the unlabelled shared corpora (PPMI + SVD, as for the
     CRF's clusters; ``--embeddings`` caches them in an .npz);
  2. a bidirectional language model over ``--lm-tokens`` corpus tokens
     (``qawl.entities.lm``; ``--lm-cache`` keeps its weights);
  3. ``--members`` networks with seeds seed, seed+1, …, decoded together;
     ``--dev F``: each trains on the first 1-F of train and keeps its best epoch
     on the held-out tail (early stopping); the scores on it are printed and
     nothing is written (``--checkpoint --out DIR`` keeps a member's best epoch);
     without ``--dev``: all of train, ``--epochs`` epochs each.
The model is written to ``--out`` (default: the package's models/). The shipped
model is the defaults: ``--dev 0.15`` chose 14-18 epochs for three seeds, so 16.
"""
from __future__ import annotations

import argparse
import logging
import random
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np

from qawl.entities import CONLL_DOCUMENT_SENTENCES
from qawl.entities.clusters import embed_words, unlabelled_sentences
from qawl.entities.conll import score_spans
from qawl.entities.lm import train_language_model, word_classes
from qawl.entities.neural import (
    PAD,
    TAGS,
    UNK,
    Encoder,
    LstmConfig,
    LstmTagger,
    build_ensemble,
    build_network,
    lookup_form,
    repair_iob2,
    save_model,
)
from qawl.entities.tagger import default_model_dir
from qawl.entities.train import read_train_split


logger = logging.getLogger(__name__)

TAG_INDEX = {tag: i for i, tag in enumerate(TAGS)}
MIN_CHAR_COUNT = 2


def corpus_vectors(corpora: Path, seed: int, n_words: int, cache: Path | None):
    """``(words, vectors)``: the most frequent corpus forms and their unit vectors."""
    if cache and cache.exists():
        data = np.load(cache, allow_pickle=False)
        return list(data["words"]), data["vectors"]
    words, _, vectors = embed_words(corpora, seed, n_words=n_words)
    if cache:
        np.savez(cache, words=np.array(words), vectors=vectors.astype(np.float32))
    return words, vectors


def character_vocabulary(sentences) -> list[str]:
    """Characters seen at least twice in the training words' lookup forms."""
    counts = Counter(c for tokens, _ in sentences for t in tokens for c in lookup_form(t))
    return sorted(c for c, n in counts.items() if n >= MIN_CHAR_COUNT)


def length_batches(sentences, size: int) -> list[list[int]]:
    """Batches of sentences of similar length (less padding); shuffled per epoch."""
    order = sorted(range(len(sentences)), key=lambda i: len(sentences[i][0]))
    return [order[i:i + size] for i in range(0, len(order), size)]


def evaluate(tagger: LstmTagger, sentences, batch_size: int = 64) -> dict:
    predicted = []
    for first in range(0, len(sentences), batch_size):
        predicted += tagger.tag_document([t for t, _ in sentences[first:first + batch_size]])
    return score_spans([tags for _, tags in sentences], predicted)


def language_model(network, encoder, words, vectors, args) -> dict:
    """The corpus language model's weights: trained here, or read from ``--lm-cache``."""
    import torch

    if args.lm_cache and args.lm_cache.exists():
        return torch.load(args.lm_cache, weights_only=True)
    corpus = unlabelled_sentences(args.shared / "corpora", args.lm_tokens, args.seed)
    logger.info("language model: %d corpus sentences", len(corpus))
    classes = word_classes(words, vectors, args.lm_classes, args.seed)
    embed = lambda ids: network.words(ids).view(*ids.shape[:2], -1)  # noqa: E731
    model = train_language_model(corpus, encoder, embed, classes, args.lm_hidden, args.seed)
    state = model.state_dict()
    if args.lm_cache:
        torch.save(state, args.lm_cache)
    return state


def silver_sentences(args) -> list[tuple[list[str], list[str]]]:
    """Corpus sentences tagged by the ``--teacher`` model (self-training), in pseudo-documents."""
    if not args.silver_tokens:
        return []
    if not args.teacher:
        raise SystemExit("--silver-tokens needs --teacher DIR (a trained ner_lstm model)")
    teacher = LstmTagger(args.teacher)
    corpus = unlabelled_sentences(args.shared / "corpora", args.silver_tokens, args.seed + 1)
    tagged = []
    for first in range(0, len(corpus), CONLL_DOCUMENT_SENTENCES):
        chunk = corpus[first:first + CONLL_DOCUMENT_SENTENCES]
        tagged += zip(chunk, teacher.tag_document(chunk))
    logger.info("silver: %d corpus sentences tagged by %s", len(tagged), args.teacher)
    return tagged


def gold_tags(batch, length: int):
    """Tag ids of a batch of (tokens, tags), padded to ``length``. A few gold sequences open a
    name with I-, which the CRF could never reach: they are repaired first."""
    import torch

    return torch.tensor([[TAG_INDEX[t] for t in repair_iob2(tags)] + [0] * (length - len(tags))
                         for _, tags in batch])


def optimise(network, inputs, tags, optimiser, params) -> float:
    """One training step on a batch (gradients clipped at 5); returns the batch's loss."""
    import torch

    loss = network.loss(*inputs, tags)
    optimiser.zero_grad()
    loss.backward()
    torch.nn.utils.clip_grad_norm_(params, 5.0)
    optimiser.step()
    return loss.item()


def train(sentences, held_out, words, vectors, args, seed: int, lm_state=None) -> tuple:
    """Train one network; with ``held_out``, keep its best epoch on it (early stopping).

    ``lm_state``: the language model's weights when already trained (by an earlier member).
    Returns ``(network, config, encoder, chars, best_epoch)``.
    """
    import torch

    torch.manual_seed(seed)
    rng = random.Random(seed)
    generator = torch.Generator().manual_seed(seed)
    config = LstmConfig(hidden=args.hidden, dropout=args.dropout, char_filters=args.char_filters,
                        lm_hidden=args.lm_hidden,
                        lm_classes=args.lm_classes + 1 if args.lm_hidden else 0)
    chars = character_vocabulary(sentences)
    encoder = Encoder(words, chars)
    network = build_network(config, len(words) + 2, len(chars) + 2)
    with torch.no_grad():
        network.words.weight[2:] = torch.from_numpy(vectors[:, : config.word_dim])
        network.words.weight[:2] = 0
    network.words.weight.requires_grad = args.tune_embeddings
    if args.lm_hidden:
        network.lm.load_state_dict(lm_state or language_model(network, encoder, words, vectors, args))
    params = [p for p in network.parameters() if p.requires_grad]
    optimiser = torch.optim.Adam(params, lr=args.lr)
    best_f1, best_state, best_epoch, stale = -1.0, None, args.epochs, 0
    batches = length_batches(sentences, args.batch_size)
    for epoch in range(1, args.epochs + 1):
        started = time.time()
        network.train()
        rng.shuffle(batches)
        total = 0.0
        for indices in batches:
            batch = [sentences[i] for i in indices]
            inputs = encoder.batch([t for t, _ in batch])
            if args.word_dropout:  # hide some word vectors: lean on spelling, as for unseen names
                hidden = torch.rand(inputs[0].shape, generator=generator) < args.word_dropout
                inputs = (inputs[0].masked_fill(hidden & (inputs[0] > PAD), UNK), *inputs[1:])
            total += optimise(network, inputs, gold_tags(batch, inputs[0].shape[1]), optimiser, params) * len(batch)
        message = f"epoch {epoch}: loss {total / len(sentences):.3f} ({time.time() - started:.0f} s)"
        if held_out:
            table = evaluate(LstmTagger(network=network, encoder=encoder), held_out)
            f1 = table["micro"]["f1"]
            message += f", dev F1 {f1:.4f}"
            if f1 > best_f1:
                best_f1, best_epoch, stale = f1, epoch, 0
                best_state = {k: v.clone() for k, v in network.state_dict().items()}
                if args.checkpoint:
                    save_model(network, config, words, chars, args.out)
            else:
                stale += 1
        logger.info(message)
        if held_out and stale >= args.patience:
            break
    if best_state is not None:
        network.load_state_dict(best_state)
    return network, config, encoder, chars, best_epoch


def parse_args(argv=None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m qawl.entities.train_neural",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="Example: python -m qawl.entities.train_neural --shared ../shared --dev 0.15",
    )
    parser.add_argument("--shared", type=Path, default=Path("../shared"),
                        help="shared data folder with data/ner and corpora/ (default ../shared)")
    parser.add_argument("--out", type=Path, default=default_model_dir(),
                        help="where to write ner_lstm.* (default: the package's models/)")
    parser.add_argument("--embeddings", type=Path, default=None,
                        help="cache file (.npz) for the corpus word vectors")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--dev", type=float, default=0.0, metavar="FRACTION",
                        help="hold out the last FRACTION of train for early stopping")
    parser.add_argument("--dev-from", type=float, default=None, metavar="SHARE",
                        help="with --dev: hold out the block starting at SHARE of train "
                             "instead of the tail (0: the head)")
    parser.add_argument("--epochs", type=int, default=16,
                        help="epochs (the maximum with --dev; default: what --dev 0.15 chose)")
    parser.add_argument("--patience", type=int, default=5)
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--lr", type=float, default=2e-3)
    parser.add_argument("--hidden", type=int, default=128)
    parser.add_argument("--dropout", type=float, default=0.5)
    parser.add_argument("--char-filters", type=int, default=64,
                        help="filters of the character CNN")
    parser.add_argument("--vocab-size", type=int, default=100_000,
                        help="corpus word forms kept with vectors")
    parser.add_argument("--word-dropout", type=float, default=0.0,
                        help="share of word ids replaced by unknown during training")
    parser.add_argument("--tune-embeddings", action="store_true",
                        help="also train the corpus word vectors (frozen by default)")
    parser.add_argument("--lm-hidden", type=int, default=128,
                        help="units per direction of the corpus language model (0: none)")
    parser.add_argument("--lm-tokens", type=int, default=6_000_000,
                        help="unlabelled corpus tokens the language model reads (one pass)")
    parser.add_argument("--lm-classes", type=int, default=1024,
                        help="word classes the language model predicts")
    parser.add_argument("--lm-cache", type=Path, default=None,
                        help="file (.pt) to reuse the language model's weights from / save them to")
    parser.add_argument("--members", type=int, default=3,
                        help="networks trained with seeds seed, seed+1, … and decoded together")
    parser.add_argument("--silver-tokens", type=int, default=0,
                        help="also train on this many corpus tokens tagged by --teacher")
    parser.add_argument("--teacher", type=Path, default=None,
                        help="model folder (ner_lstm.*) that tags the silver sentences")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--checkpoint", action="store_true",
                        help="with --dev: write the model to --out after every improving epoch")
    return parser.parse_args(argv)


def main(argv=None) -> int:
    import torch

    args = parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    torch.set_num_threads(args.threads)
    started = time.time()
    args.out.mkdir(parents=True, exist_ok=True)
    words, vectors = corpus_vectors(args.shared / "corpora", args.seed, args.vocab_size,
                                    args.embeddings)
    logger.info("word vectors: %d forms (%.0f s)", len(words), time.time() - started)
    sentences, held_out = read_train_split(args.shared, args.dev, args.dev_from)
    sentences += silver_sentences(args)
    members, best_epochs, lm_state = [], [], None
    for member in range(args.members):  # seeds seed, seed+1, …; one language model for all
        network, config, encoder, chars, best_epoch = train(
            sentences, held_out, words, vectors, args, args.seed + member, lm_state)
        members.append(network)
        best_epochs.append(best_epoch)
        lm_state = network.lm.state_dict() if args.lm_hidden else None
    network = build_ensemble(members) if len(members) > 1 else members[0]
    if not held_out:  # like the CRF's --dev, a dev run writes nothing (unless --checkpoint)
        save_model(network, config, words, chars, args.out)
    if held_out:
        table = evaluate(LstmTagger(network=network, encoder=encoder), held_out)
        for label, row in table.items():
            sys.stdout.write(f"dev lstm {label:6} P {row['precision']:.3f} R {row['recall']:.3f} "
                             f"F1 {row['f1']:.3f} n={row['support']}\n")
        sys.stdout.write(f"best epoch: {', '.join(map(str, best_epochs))}\n")
    logger.info("done in %.0f s", time.time() - started)
    return 0


if __name__ == "__main__":
    sys.exit(main())
