"""Train the built-in CRF NER tagger on ANERcorp (CAMeL split), reproducibly.

Steps (all seeded; the test split is never read here):
  1. word clusters from the unlabelled shared corpora (PPMI + SVD + k-means);
  2. a gazetteer of training names, k-fold: each fold's features see only the
     other folds' names, so the CRF does not learn to trust a perfect list;
  3. a corpus gazetteer: a sample of the unlabelled corpora is tagged by a
     model blind to the fold, and each word's share of entity readings becomes
     a feature (names unseen in train are often clear elsewhere in the corpus);
  4. the sentence-level CRF, then a second CRF that also sees how the rest of
     the document was tagged (label consistency), trained on cross-validated tags.
``--dev`` holds out the end of train, reports scores on it and keeps nothing;
otherwise the model is trained on all of train and written to ``--out``.
"""
from __future__ import annotations

import argparse
import logging
import random
import sys
import time
from pathlib import Path

from qawl.entities.clusters import (
    build_clusters,
    load_clusters,
    save_clusters,
    unlabelled_sentences,
)
from qawl.entities.conll import read_conll, score_spans
from qawl.entities.features import FeatureExtractor, document_features
from qawl.entities.tagger import (
    CLUSTERS_FILE,
    CORPUS_GAZETTEER_FILE,
    DOC_MODEL_FILE,
    GAZETTEER_FILE,
    MODEL_FILE,
    build_corpus_gazetteer,
    build_train_gazetteer,
    default_model_dir,
    save_table,
)

logger = logging.getLogger(__name__)

TRAIN_FILE = "data/ner/anercorp/ANERCorp_CamelLab_train.txt"
N_FOLDS = 5
DOC_CHUNK = 30  # sentences per pseudo-document when the data has no breaks


def read_train_split(shared, dev: float = 0.0, dev_from: float | None = None):
    """ANERcorp train, and a share ``dev`` of it held out for tuning (never the test split).

    The held-out block is the tail, or starts at the share ``dev_from`` (0: the head), so
    that a second block can confirm what the tail suggests.
    """
    sentences = read_conll(Path(shared) / TRAIN_FILE)
    if not dev:
        return sentences, []
    n = len(sentences)
    if dev_from is None:
        start, end = int(n * (1 - dev)), n
    else:
        start = int(n * dev_from)
        end = start + int(n * dev)
    return sentences[:start] + sentences[end:], sentences[start:end]


def assign_folds(n_sentences: int, n_folds: int, seed: int) -> dict[int, int]:
    order = list(range(n_sentences))
    random.Random(seed).shuffle(order)
    return {index: position % n_folds for position, index in enumerate(order)}


def fold_features(sentences, clusters, fold_of, n_folds: int,
                  corpus_gazetteers: list[dict[str, str]] | None = None) -> list[list[list[str]]]:
    """Features for each training sentence, seeing only the other folds' labels.

    The training gazetteer of fold k comes from the other folds, and so does
    ``corpus_gazetteers[k]`` (the corpus tagged by a model that did not see fold k).
    """
    features: list = [None] * len(sentences)
    for fold in range(n_folds):
        others = [s for i, s in enumerate(sentences) if fold_of[i] != fold]
        corpus = corpus_gazetteers[fold] if corpus_gazetteers else {}
        extractor = FeatureExtractor(clusters, build_train_gazetteer(others), corpus)
        for i, (tokens, _) in enumerate(sentences):
            if fold_of[i] == fold:
                features[i] = extractor.sentence_features(tokens)
    return features


def corpus_gazetteers(sentences, features, fold_of, n_folds, clusters, corpus, workdir, args):
    """Corpus gazetteer for each fold (from a model blind to it) and one from all of train."""
    import pycrfsuite

    tags = [t for _, t in sentences]
    tables = []
    for fold in [*range(n_folds), None]:
        inside = [i for i in range(len(sentences)) if fold_of[i] != fold]
        path = workdir / "corpus_pass.crfsuite"
        train_crf([features[i] for i in inside], [tags[i] for i in inside], path,
                  args.c1, args.c2, args.max_iterations)
        tagger = pycrfsuite.Tagger()
        tagger.open(str(path))
        extractor = FeatureExtractor(clusters, build_train_gazetteer([sentences[i] for i in inside]))
        tagged = ((tokens, tagger.tag(extractor.sentence_features(tokens))) for tokens in corpus)
        tables.append(build_corpus_gazetteer(tagged))
        tagger.close()
        path.unlink()
        logger.info("corpus gazetteer %s: %d words", "all" if fold is None else fold, len(tables[-1]))
    return tables[:-1], tables[-1]


def chunk_documents(n_sentences: int, size: int = DOC_CHUNK) -> list[range]:
    """ANERcorp has no document breaks: runs of consecutive sentences stand in."""
    return [range(i, min(i + size, n_sentences)) for i in range(0, n_sentences, size)]


def stacked_features(sentences, first_features, first_tags) -> list[list[list[str]]]:
    """First-pass features plus document-consistency hints from first-pass tags."""
    stacked = [None] * len(sentences)
    for chunk in chunk_documents(len(sentences)):
        hints = document_features([sentences[i][0] for i in chunk], [first_tags[i] for i in chunk])
        for i, extra in zip(chunk, hints):
            stacked[i] = [f + e for f, e in zip(first_features[i], extra)]
    return stacked


def cross_val_tags(features, tags, fold_of, n_folds, workdir: Path, args) -> list[list[str]]:
    """First-pass tags of every training sentence from a CRF that did not see its fold."""
    import pycrfsuite

    predicted: list = [None] * len(features)
    for fold in range(n_folds):
        inside = [i for i in range(len(features)) if fold_of[i] != fold]
        path = workdir / f"fold{fold}.crfsuite"
        train_crf([features[i] for i in inside], [tags[i] for i in inside], path,
                  args.c1, args.c2, args.max_iterations)
        tagger = pycrfsuite.Tagger()
        tagger.open(str(path))
        for i in range(len(features)):
            if fold_of[i] == fold:
                predicted[i] = tagger.tag(features[i])
        tagger.close()
        path.unlink()
        logger.info("cross-validation fold %d done", fold)
    return predicted


def train_crf(features, tags, path: Path, c1: float, c2: float, max_iterations: int) -> None:
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    for x, y in zip(features, tags):
        trainer.append(x, y)
    trainer.set_params(
        {
            "c1": c1,
            "c2": c2,
            "max_iterations": max_iterations,
            "feature.possible_transitions": True,
        }
    )
    trainer.train(str(path))


def parse_args(argv=None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m qawl.entities.train",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="Example: python -m qawl.entities.train --shared ../shared  "
        "(full run ≈ 17 min on one core; add --dev 0.15 to tune on a held-out part of train)",
    )
    parser.add_argument("--shared", type=Path, default=Path("../shared"),
                        help="shared data folder with data/ner and corpora/ (default ../shared)")
    parser.add_argument("--out", type=Path, default=default_model_dir(),
                        help="where to write the model files (default: the package's models/)")
    parser.add_argument("--seed", type=int, default=13, help="random seed for clusters and folds")
    parser.add_argument("--reuse-clusters", action="store_true",
                        help=f"keep an existing {CLUSTERS_FILE} in --out instead of relearning it")
    parser.add_argument("--dev", type=float, default=0.0, metavar="FRACTION",
                        help="hold out the last FRACTION of train sentences, score on it, write nothing")
    parser.add_argument("--keep-dev-model", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--corpus-tokens", type=int, default=3_000_000,
                        help="size of the corpus sample tagged for the corpus gazetteer")
    parser.add_argument("--c1", type=float, default=0.05, help="L1 regularisation")
    parser.add_argument("--c2", type=float, default=0.01, help="L2 regularisation")
    parser.add_argument("--max-iterations", type=int, default=200)
    return parser.parse_args(argv)


def main(argv=None) -> int:
    args = parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    started = time.time()
    args.out.mkdir(parents=True, exist_ok=True)
    clusters_path = args.out / CLUSTERS_FILE
    if args.reuse_clusters and clusters_path.exists():
        clusters = load_clusters(clusters_path)
    else:
        clusters = build_clusters(args.shared / "corpora", seed=args.seed)
        save_clusters(clusters, clusters_path)
    logger.info("clusters: %d words (%.0f s)", len(clusters), time.time() - started)

    sentences, held_out = read_train_split(args.shared, args.dev)
    fold_of = assign_folds(len(sentences), N_FOLDS, args.seed)
    plain_features = fold_features(sentences, clusters, fold_of, N_FOLDS)
    corpus = unlabelled_sentences(args.shared / "corpora", args.corpus_tokens, args.seed)
    fold_tables, corpus_gazetteer = corpus_gazetteers(
        sentences, plain_features, fold_of, N_FOLDS, clusters, corpus, args.out, args)
    features = fold_features(sentences, clusters, fold_of, N_FOLDS, fold_tables)
    tags = [tags for _, tags in sentences]
    suffix = ".dev" if args.dev else ""
    first_path = args.out / (MODEL_FILE + suffix)
    doc_path = args.out / (DOC_MODEL_FILE + suffix)
    train_crf(features, tags, first_path, args.c1, args.c2, args.max_iterations)
    logger.info("first-pass CRF trained (%.0f s)", time.time() - started)
    first_tags = cross_val_tags(features, tags, fold_of, N_FOLDS, args.out, args)
    train_crf(stacked_features(sentences, features, first_tags), tags, doc_path,
              args.c1, args.c2, args.max_iterations)
    logger.info("document-level CRF trained (%.0f s)", time.time() - started)
    gazetteer = build_train_gazetteer(sentences)
    if args.dev:
        from qawl.entities.tagger import CrfTagger

        tagger = CrfTagger(args.out, suffix=suffix, gazetteer=gazetteer, clusters=clusters,
                           corpus_gazetteer=corpus_gazetteer)
        gold = [tags for _, tags in held_out]
        for name, predicted in (
            ("first", [tagger.tag_first_pass(tokens) for tokens, _ in held_out]),
            ("stacked", [t for chunk in chunk_documents(len(held_out)) for t in
                         tagger.tag_document([held_out[i][0] for i in chunk])]),
        ):
            table = score_spans(gold, predicted)
            for label, row in table.items():
                sys.stdout.write(f"dev {name} {label:6} P {row['precision']:.3f} "
                                 f"R {row['recall']:.3f} F1 {row['f1']:.3f} n={row['support']}\n")
        if not args.keep_dev_model:
            first_path.unlink()
            doc_path.unlink()
    else:
        save_table(gazetteer, args.out / GAZETTEER_FILE)
        save_table(corpus_gazetteer, args.out / CORPUS_GAZETTEER_FILE)
    logger.info("done in %.0f s", time.time() - started)
    return 0


if __name__ == "__main__":
    sys.exit(main())
