"""Word clusters learned from unlabelled news text, for the CRF tagger.

Words are represented by their left/right neighbours (positive PMI over a
±2 window), reduced with a seeded randomized SVD and grouped with k-means at
several granularities: a coarse id generalises, a fine id discriminates.
The table stored in ``src/qawl/models`` maps a word's matching form to its
corpus count and one cluster id per granularity.
"""
from __future__ import annotations

import gzip
import json
import logging
import re
import zipfile
from collections.abc import Iterable, Iterator
from pathlib import Path

import numpy as np

from qawl.clean import match_form

logger = logging.getLogger(__name__)

WORD_RE = re.compile(r"\w+|[^\w\s]")
ANT_FIELD_RE = re.compile(r"<(TITLE|ABSTRACT|TEXT)>(.*?)</\1>", re.DOTALL)
CLUSTER_SIZES = (64, 256, 1024, 4096)


def _read_saudinewsnet(root: Path) -> Iterator[str]:
    for archive in sorted(root.rglob("*.zip")):
        with zipfile.ZipFile(archive) as zipped:
            for name in sorted(zipped.namelist()):
                if not name.endswith(".json"):
                    continue
                for record in json.loads(zipped.read(name).decode("utf-8")):
                    yield f"{record.get('title') or ''}\n{record.get('content') or ''}"


def _read_ant(root: Path) -> Iterator[str]:
    for path in sorted(root.rglob("*.txt")):
        raw = path.read_text(encoding="utf-8", errors="replace")
        yield "\n".join(match.group(2) for match in ANT_FIELD_RE.finditer(raw))


def read_unlabelled_texts(corpora: Path) -> Iterator[str]:
    """Article texts of the shared corpora (SaudiNewsNet zips, ANT pseudo-XML).

    A minimal private reader: the training script must not depend on the
    cleaning pipeline's choices about blocks.
    """
    yield from _read_saudinewsnet(corpora / "saudinewsnet")
    yield from _read_ant(corpora / "ant")


SENTENCE_END_RE = re.compile(r"(?<=[.!?؟])\s+|\n+")
MAX_SENTENCE_TOKENS = 80


def unlabelled_sentences(corpora: Path, max_tokens: int, seed: int) -> list[list[str]]:
    """A seeded random sample of tokenised corpus sentences, about ``max_tokens`` tokens."""
    import random

    texts = list(read_unlabelled_texts(corpora))
    random.Random(seed).shuffle(texts)
    sentences, total = [], 0
    for text in texts:
        for piece in SENTENCE_END_RE.split(text):
            tokens = WORD_RE.findall(piece)[:MAX_SENTENCE_TOKENS]
            if len(tokens) > 2:
                sentences.append(tokens)
                total += len(tokens)
        if total >= max_tokens:
            break
    return sentences


def corpus_word_ids(texts: Iterable[str]) -> tuple[np.ndarray, list[str], np.ndarray]:
    """Token id stream (-1 between articles), id→word list and per-id counts."""
    vocabulary: dict[str, int] = {}
    chunks: list[np.ndarray] = []
    forms: dict[str, str] = {}
    for text in texts:
        ids = []
        for token in WORD_RE.findall(text):
            form = forms.get(token)
            if form is None:
                form = forms[token] = match_form(token)
            ids.append(vocabulary.setdefault(form, len(vocabulary)))
        ids.append(-1)
        chunks.append(np.asarray(ids, dtype=np.int32))
    stream = np.concatenate(chunks)
    words = [""] * len(vocabulary)
    for word, index in vocabulary.items():
        words[index] = word
    counts = np.bincount(stream[stream >= 0], minlength=len(words))
    return stream, words, counts


def context_matrix(stream: np.ndarray, rank: np.ndarray, n_words: int, n_contexts: int):
    """Sparse word × (position, context word) counts over a ±2 window."""
    from scipy.sparse import coo_matrix

    blocks = []
    ranked = np.where(stream >= 0, rank[np.maximum(stream, 0)], -1)
    for slot, offset in enumerate((-2, -1, 1, 2)):
        if offset < 0:
            target, context = ranked[-offset:], ranked[:offset]
        else:
            target, context = ranked[:-offset], ranked[offset:]
        keep = (target >= 0) & (target < n_words) & (context >= 0) & (context < n_contexts)
        rows = target[keep]
        cols = context[keep] + slot * n_contexts
        blocks.append((rows, cols))
    rows = np.concatenate([b[0] for b in blocks])
    cols = np.concatenate([b[1] for b in blocks])
    data = np.ones(len(rows), dtype=np.float32)
    return coo_matrix((data, (rows, cols)), shape=(n_words, 4 * n_contexts)).tocsr()


def ppmi(matrix, alpha: float = 0.75):
    """Positive PMI with context-distribution smoothing (Levy et al. 2015)."""
    matrix = matrix.tocoo()
    total = matrix.sum()
    row_sums = np.asarray(matrix.sum(axis=1)).ravel()
    col_sums = np.asarray(matrix.sum(axis=0)).ravel() ** alpha
    col_probs = col_sums / col_sums.sum()
    pmi = np.log(matrix.data * 1.0 / total) - np.log(row_sums[matrix.row] / total) - np.log(
        col_probs[matrix.col]
    )
    keep = pmi > 0
    from scipy.sparse import coo_matrix

    return coo_matrix(
        (pmi[keep].astype(np.float32), (matrix.row[keep], matrix.col[keep])), shape=matrix.shape
    ).tocsr()


def embed_words(
    corpora: Path, seed: int, n_words: int = 150000, n_contexts: int = 6000, dims: int = 100
) -> tuple[list[str], np.ndarray, np.ndarray]:
    """The ``n_words`` most frequent forms, their counts and unit-length SVD vectors."""
    from sklearn.utils.extmath import randomized_svd

    stream, words, counts = corpus_word_ids(read_unlabelled_texts(corpora))
    logger.info("corpus: %d tokens, %d word types", int((stream >= 0).sum()), len(words))
    order = np.argsort(-counts, kind="stable")
    rank = np.empty_like(order)
    rank[order] = np.arange(len(order))
    n_words = min(n_words, len(words))
    matrix = ppmi(context_matrix(stream, rank, n_words, n_contexts))
    u, s, _ = randomized_svd(matrix, n_components=dims, random_state=seed)
    vectors = u * np.sqrt(s)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True) + 1e-9
    top = order[:n_words]
    return [words[i] for i in top], counts[top], vectors


def build_clusters(
    corpora: Path, seed: int, sizes: tuple[int, ...] = CLUSTER_SIZES
) -> dict[str, tuple[int, ...]]:
    """Learn ``{word: (count, cluster id per size)}`` from the corpora under ``corpora``."""
    from sklearn.cluster import MiniBatchKMeans

    words, counts, vectors = embed_words(corpora, seed)
    labels = []
    for size in sizes:
        kmeans = MiniBatchKMeans(n_clusters=size, random_state=seed, batch_size=4096, n_init=3)
        labels.append(kmeans.fit_predict(vectors))
        logger.info("k-means with %d clusters done", size)
    return {
        word: (int(counts[i]), *(int(l[i]) for l in labels)) for i, word in enumerate(words)
    }


def save_clusters(table: dict[str, tuple[int, ...]], path: Path) -> None:
    """Write the table as gzipped TSV: word, count, cluster ids."""
    with gzip.open(path, "wt", encoding="utf-8", compresslevel=9) as handle:
        for word, values in table.items():
            handle.write(word + "\t" + "\t".join(map(str, values)) + "\n")


def load_clusters(path: Path) -> dict[str, tuple[int, ...]]:
    """Read a table written by ``save_clusters``."""
    table = {}
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            word, *values = line.rstrip("\n").split("\t")
            table[word] = tuple(int(v) for v in values)
    return table
