"""A small bidirectional language model over the unlabelled corpora, for the NER tagger.

ANERcorp has 125k labelled tokens; the shared corpora have about 12M unlabelled
ones. A forward and a backward LSTM read corpus sentences and learn to predict
the word class (k-means cluster of its corpus vector) of the next and the
previous word. Their hidden states then describe each word *in its context*
("someone who says…", "a place where…"), learned from a hundred times more text
than the tagger sees; the NER BiLSTM reads them as extra, frozen inputs
(TagLM, Peters et al. 2017). Predicting one of ~1,000 classes instead of one of
100,000 words keeps training to minutes on a CPU.

Trained by ``python -m qawl.entities.train_neural`` (``--lm-hidden``); stored
inside ``ner_lstm.pt`` under ``lm.*``.
"""
from __future__ import annotations

import logging
import random
import time

import numpy as np

logger = logging.getLogger(__name__)


def reverse_padded(x, lengths):
    """Reverse each row's first ``length`` positions of ``x`` (batch, time, …); padding stays."""
    import torch

    n = x.shape[1]
    positions = torch.arange(n)[None, :].expand(len(lengths), n)
    flipped = lengths[:, None] - 1 - positions
    index = torch.where(flipped >= 0, flipped, positions)
    return x.gather(1, index.reshape(*index.shape, *([1] * (x.dim() - 2))).expand_as(x))


def build_language_model(input_dim: int, hidden: int, n_classes: int):
    """Forward and backward LSTMs with class-prediction heads (torch imported lazily)."""
    import torch
    from torch import nn

    class ContextLm(nn.Module):
        def __init__(self):
            super().__init__()
            self.forward_lstm = nn.LSTM(input_dim, hidden, batch_first=True)
            self.backward_lstm = nn.LSTM(input_dim, hidden, batch_first=True)
            self.forward_out = nn.Linear(hidden, n_classes)
            self.backward_out = nn.Linear(hidden, n_classes)

        def _run(self, lstm, x, lengths):
            packed = nn.utils.rnn.pack_padded_sequence(x, lengths, batch_first=True,
                                                       enforce_sorted=False)
            out, _ = lstm(packed)
            out, _ = nn.utils.rnn.pad_packed_sequence(out, batch_first=True,
                                                      total_length=x.shape[1])
            return out

        def states(self, x, lengths):
            """``(forward, backward)`` hidden states: position i has read words ≤ i / ≥ i."""
            ahead = self._run(self.forward_lstm, x, lengths)
            behind = reverse_padded(self._run(self.backward_lstm, reverse_padded(x, lengths),
                                              lengths), lengths)
            return ahead, behind

        def loss(self, x, lengths, classes):
            """Mean cross-entropy of the next word's class (forward) and the previous one's."""
            ahead, behind = self.states(x, lengths)
            valid = torch.arange(x.shape[1])[None, :] < lengths[:, None]
            pairs = valid[:, 1:]  # both j and j+1 inside the sentence
            forward = self.forward_out(ahead[:, :-1][pairs])
            backward = self.backward_out(behind[:, 1:][pairs])
            return (nn.functional.cross_entropy(forward, classes[:, 1:][pairs])
                    + nn.functional.cross_entropy(backward, classes[:, :-1][pairs])) / 2

    return ContextLm()


def word_classes(words: list[str], vectors: np.ndarray, n_classes: int, seed: int) -> np.ndarray:
    """A k-means class for each vocabulary word (its corpus vector's cluster)."""
    from sklearn.cluster import MiniBatchKMeans

    kmeans = MiniBatchKMeans(n_clusters=n_classes, random_state=seed, batch_size=4096, n_init=1)
    return kmeans.fit_predict(vectors).astype(np.int64)


def train_language_model(sentences, encoder, embed, classes: np.ndarray, hidden: int,
                         seed: int, batch_size: int = 64, lr: float = 2e-3):
    """One seeded pass over ``sentences`` (token lists); returns the trained ``ContextLm``.

    ``embed`` maps the encoder's word-id tensor (batch, time, 3) to input vectors;
    ``classes[i]`` is the class of vocabulary id ``i + 2`` (ids 0/1: padding, unknown),
    and unknown words get their own class.
    """
    import torch

    torch.manual_seed(seed)
    unknown = int(classes.max()) + 1
    table = torch.from_numpy(np.concatenate([[unknown, unknown], classes]))
    with torch.no_grad():
        input_dim = embed(torch.zeros(1, 1, 3, dtype=torch.long)).shape[-1]
    model = build_language_model(input_dim, hidden, unknown + 1)
    optimiser = torch.optim.Adam(model.parameters(), lr=lr)
    order = sorted(range(len(sentences)), key=lambda i: len(sentences[i]))
    batches = [order[i:i + batch_size] for i in range(0, len(order), batch_size)]
    random.Random(seed).shuffle(batches)
    started, seen, running = time.time(), 0, 0.0
    for step, indices in enumerate(batches, 1):
        words, *_, lengths = encoder.batch([sentences[i] for i in indices])
        with torch.no_grad():
            x = embed(words)
        loss = model.loss(x, lengths, table[words[:, :, 0]])
        optimiser.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 5.0)
        optimiser.step()
        seen += int(lengths.sum())
        running = 0.98 * running + 0.02 * loss.item() if step > 1 else loss.item()
        if step % 200 == 0 or step == len(batches):
            logger.info("language model: %d/%d batches, loss %.3f, %.0f tokens/s", step,
                        len(batches), running, seen / (time.time() - started))
    return model.eval()
