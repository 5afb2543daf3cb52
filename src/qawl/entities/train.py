"""Train the built-in CRF NER tagger on ANERcorp (CAMeL split), reproducibly.

Steps: word clusters from the unlabelled shared corpora (seeded SVD + k-means),
a gazetteer of training names (k-fold: each fold's features see only the other
folds' names, so the CRF does not learn to trust a perfect gazetteer), then
L-BFGS CRF training. ``--dev`` holds out the end of train for tuning and
reports dev scores; without it the model is trained on all of train and
written to ``--out``. Test is never read here.
"""
from __future__ import annotations

import argparse
import logging
import random
import sys
import time
from pathlib import Path

from qawl.entities.clusters import build_clusters, load_clusters, save_clusters
from qawl.entities.conll import read_conll, score_spans
from qawl.entities.features import FeatureExtractor
from qawl.entities.tagger import (
    CLUSTERS_FILE,
    GAZETTEER_FILE,
    MODEL_FILE,
    build_train_gazetteer,
    default_model_dir,
    save_table,
)

logger = logging.getLogger(__name__)

TRAIN_FILE = "data/ner/anercorp/ANERCorp_CamelLab_train.txt"
N_FOLDS = 5


def fold_features(sentences, clusters, n_folds: int, seed: int) -> list[list[list[str]]]:
    """Features for each training sentence with a gazetteer built from the other folds."""
    order = list(range(len(sentences)))
    random.Random(seed).shuffle(order)
    fold_of = {index: position % n_folds for position, index in enumerate(order)}
    features: list = [None] * len(sentences)
    for fold in range(n_folds):
        others = [s for i, s in enumerate(sentences) if fold_of[i] != fold]
        extractor = FeatureExtractor(clusters, build_train_gazetteer(others))
        for i, (tokens, _) in enumerate(sentences):
            if fold_of[i] == fold:
                features[i] = extractor.sentence_features(tokens)
    return features


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
        "(full run ≈ 10 min on 2 cores; add --dev to tune on a held-out part of train)",
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

    sentences = read_conll(args.shared / TRAIN_FILE)
    held_out = []
    if args.dev:
        cut = int(len(sentences) * (1 - args.dev))
        sentences, held_out = sentences[:cut], sentences[cut:]
    features = fold_features(sentences, clusters, N_FOLDS, args.seed)
    model_path = args.out / (MODEL_FILE + (".dev" if args.dev else ""))
    train_crf(features, [tags for _, tags in sentences], model_path,
              args.c1, args.c2, args.max_iterations)
    logger.info("CRF trained (%.0f s)", time.time() - started)
    gazetteer = build_train_gazetteer(sentences)
    if args.dev:
        import pycrfsuite

        tagger = pycrfsuite.Tagger()
        tagger.open(str(model_path))
        extractor = FeatureExtractor(clusters, gazetteer)
        predicted = [tagger.tag(extractor.sentence_features(tokens)) for tokens, _ in held_out]
        table = score_spans([tags for _, tags in held_out], predicted)
        for label, row in table.items():
            sys.stdout.write(f"dev {label:6} P {row['precision']:.3f} R {row['recall']:.3f} "
                             f"F1 {row['f1']:.3f} n={row['support']}\n")
        model_path.unlink()
    else:
        save_table(gazetteer, args.out / GAZETTEER_FILE)
    logger.info("done in %.0f s", time.time() - started)
    return 0


if __name__ == "__main__":
    sys.exit(main())
