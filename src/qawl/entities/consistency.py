"""Document label consistency: a name tagged once is tagged wherever it recurs.

A sentence-level tagger often finds a name in one sentence ("قال الوزير X") and
misses it in another where the context is weaker. Within one document the same
word sequence nearly always names the same thing, so every untagged
occurrence of a tagged name gets its (majority) label. Names are compared by
matching form, the first word without its proclitics (وموسكو = موسكو).
"""
from __future__ import annotations

from collections import Counter, defaultdict
from functools import lru_cache

from qawl.clean import match_form
from qawl.entities.conll import bio_spans
from qawl.entities.features import split_proclitics

MIN_NAME_CHARS = 3  # shorter keys (single letters, abbreviations) recur by chance


@lru_cache(maxsize=200_000)
def token_keys(token: str) -> tuple[str, str]:
    """A token's key as a name's first word (proclitics stripped), and as a later word."""
    form = match_form(token)
    return split_proclitics(form).base, form


def word_keys(tokens: list[str]) -> tuple[list[str], list[str]]:
    """``token_keys`` of each token, as two lists."""
    if not tokens:
        return [], []
    firsts, forms = zip(*map(token_keys, tokens))
    return list(firsts), list(forms)


def tagged_names(sentences: list[list[str]], tags: list[list[str]]) -> dict[tuple, str]:
    """Each tagged name's key (tuple of word keys) and its most frequent label."""
    labels: dict[tuple, Counter] = defaultdict(Counter)
    for tokens, sentence_tags in zip(sentences, tags):
        firsts, forms = word_keys(tokens)
        for start, end, label in bio_spans(sentence_tags):
            key = (firsts[start], *forms[start + 1:end])
            if sum(len(k) for k in key) >= MIN_NAME_CHARS:
                labels[key][label] += 1
    return {key: counts.most_common(1)[0][0] for key, counts in labels.items()}


def propagate_names(sentences: list[list[str]], tags: list[list[str]]) -> list[list[str]]:
    """``tags`` with each document name also tagged where it was left untagged (longest first)."""
    names = tagged_names(sentences, tags)
    by_first: dict[str, list[tuple]] = defaultdict(list)
    for key in sorted(names, key=len, reverse=True):
        by_first[key[0]].append(key)
    out = []
    for tokens, sentence_tags in zip(sentences, tags):
        sentence_tags = list(sentence_tags)
        firsts, forms = word_keys(tokens)
        for i, first in enumerate(firsts):
            for key in by_first.get(first, ()):
                end = i + len(key)
                if (tuple(forms[i + 1:end]) == key[1:]
                        and all(t == "O" for t in sentence_tags[i:end])
                        and not (end < len(sentence_tags) and sentence_tags[end].startswith("I-"))):
                    label = names[key]
                    sentence_tags[i:end] = ["B-" + label] + ["I-" + label] * (len(key) - 1)
                    break
        out.append(sentence_tags)
    return out
