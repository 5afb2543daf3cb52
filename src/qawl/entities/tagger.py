"""The built-in CRF tagger: load the model shipped in ``qawl/models`` and tag tokens."""
from __future__ import annotations

import gzip
import logging
from collections import Counter, defaultdict
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources
from pathlib import Path

from qawl.entities.clusters import load_clusters
from qawl.entities.features import FeatureExtractor, document_features, split_proclitics
from qawl.clean import match_form

logger = logging.getLogger(__name__)

MODEL_FILE = "ner_crf.crfsuite"
DOC_MODEL_FILE = "ner_crf_doc.crfsuite"  # second pass, with document-consistency hints
CLUSTERS_FILE = "ner_clusters.tsv.gz"
GAZETTEER_FILE = "ner_train_gazetteer.tsv.gz"
CORPUS_GAZETTEER_FILE = "ner_corpus_gazetteer.tsv.gz"
# A word needs this many corpus occurrences before its corpus labelling is trusted.
CORPUS_GAZETTEER_MIN_COUNT = 3
# A name must be this share of a word's entity readings to enter the training gazetteer.
GAZETTEER_MIN_SHARE = 0.5


def default_model_dir() -> Path:
    """``src/qawl/models`` (where ``python -m qawl.entities.train`` writes)."""
    return Path(str(resources.files("qawl").joinpath("models")))


def _label_counts(tagged: Iterable[tuple[list[str], list[str]]]):
    """Per clitic-stripped form: how often it occurs, and how often under each entity label."""
    totals: Counter[str] = Counter()
    labelled: dict[str, Counter[str]] = defaultdict(Counter)
    for tokens, tags in tagged:
        for token, tag in zip(tokens, tags):
            split = split_proclitics(match_form(token))
            for key in {split.base, split.stem}:
                totals[key] += 1
                if tag != "O":
                    labelled[key][tag[2:]] += 1
    return totals, labelled


def build_train_gazetteer(sentences: Iterable[tuple[list[str], list[str]]]) -> dict[str, str]:
    """``{form: label}`` for words that are mostly part of names of one label.

    Keys are the word's base and stem (clitics stripped), so وموسكو counts for موسكو.
    """
    totals, labelled = _label_counts(sentences)
    table = {}
    for key, counts in labelled.items():
        label, count = counts.most_common(1)[0]
        if count / totals[key] >= GAZETTEER_MIN_SHARE:
            table[key] = label
    return table


def build_corpus_gazetteer(tagged: Iterable[tuple[list[str], list[str]]]) -> dict[str, str]:
    """``{form: "LABEL:strength"}`` from a tagging pass over unlabelled sentences.

    ``strength`` says how often the word was tagged with its most frequent
    entity label: ``hi`` (≥ 50 %), ``mid`` (≥ 20 %) or ``lo`` (≥ 5 %).
    """
    totals, labelled = _label_counts(tagged)
    table = {}
    for key, counts in labelled.items():
        if totals[key] < CORPUS_GAZETTEER_MIN_COUNT:
            continue
        label, count = counts.most_common(1)[0]
        share = count / totals[key]
        if share >= 0.05:
            table[key] = f"{label}:{'hi' if share >= 0.5 else 'mid' if share >= 0.2 else 'lo'}"
    return table


def save_table(table: dict[str, str], path: Path) -> None:
    with gzip.open(path, "wt", encoding="utf-8", compresslevel=9) as handle:
        for key in sorted(table):
            handle.write(f"{key}\t{table[key]}\n")


def load_table(path: Path) -> dict[str, str]:
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        return dict(line.rstrip("\n").split("\t", 1) for line in handle if "\t" in line)


NAME_READINGS = ("mid", "hi")  # corpus-gazetteer confidence that a word is part of names


@lru_cache(maxsize=1)
def corpus_names() -> dict[str, str]:
    """Word -> ``LABEL:lo|mid|hi``: how the corpora read each word (the CRF's corpus gazetteer)."""
    return load_table(default_model_dir() / CORPUS_GAZETTEER_FILE)


def read_as_name(form: str) -> bool:
    """The corpora read this word (matching form) as part of names more than now and then."""
    return corpus_names().get(form, "").rpartition(":")[2] in NAME_READINGS


class CrfTagger:
    """IOB2 tagger over pre-tokenised sentences (labels PER, LOC, ORG, MISC)."""

    def __init__(self, model_dir: Path | None = None, suffix: str = "",
                 gazetteer: dict[str, str] | None = None,
                 clusters: dict[str, tuple[int, ...]] | None = None,
                 corpus_gazetteer: dict[str, str] | None = None):
        import pycrfsuite

        model_dir = Path(model_dir) if model_dir else default_model_dir()
        self.model_dir = model_dir
        self.clusters = clusters if clusters is not None else load_clusters(model_dir / CLUSTERS_FILE)
        if gazetteer is None:
            gazetteer = load_table(model_dir / GAZETTEER_FILE)
        if corpus_gazetteer is None:
            path = model_dir / CORPUS_GAZETTEER_FILE
            corpus_gazetteer = load_table(path) if path.exists() else {}
        self.extractor = FeatureExtractor(self.clusters, gazetteer, corpus_gazetteer)
        self._first = pycrfsuite.Tagger()
        self._first.open(str(model_dir / (MODEL_FILE + suffix)))
        self._second = pycrfsuite.Tagger()
        self._second.open(str(model_dir / (DOC_MODEL_FILE + suffix)))

    def tag_first_pass(self, tokens: list[str]) -> list[str]:
        """IOB2 tags of one sentence from the sentence-level model alone."""
        return self._first.tag(self.extractor.sentence_features(tokens)) if tokens else []

    def tag_document(self, sentences: list[list[str]]) -> list[list[str]]:
        """IOB2 tags for the sentences of one document (two passes: labels agree across it)."""
        features = [self.extractor.sentence_features(tokens) for tokens in sentences]
        first = [self._first.tag(f) if f else [] for f in features]
        hints = document_features(sentences, first)
        return [
            self._second.tag([a + b for a, b in zip(f, h)]) if f else []
            for f, h in zip(features, hints)
        ]

    def tag_documents(self, documents: list[list[list[str]]]) -> list[list[list[str]]]:
        """``tag_document`` of each document (a CRF gains nothing from batching)."""
        return [self.tag_document(sentences) for sentences in documents]

    def tag(self, tokens: list[str]) -> list[str]:
        """IOB2 tags for one sentence, taken as a document of its own."""
        return self.tag_document([tokens])[0]

    def word_count(self, form: str) -> int:
        """How often a matching form occurs in the unlabelled corpora (0 if unseen)."""
        entry = self.clusters.get(form)
        return entry[0] if entry else 0


@lru_cache(maxsize=1)
def default_tagger() -> CrfTagger:
    """The shipped CRF tagger, loaded once."""
    logger.info("loading the CRF NER model from %s", default_model_dir())
    return CrfTagger()
