"""Passes over the tagger's output: whole person names, and document label consistency.

``complete_person_names``: a person's name runs on over the word after a connector
(بن، أبو، عبد) and over a ruler's ordinal (الحسن الثاني);
``split_person_coordination``: two coordinated people are two names (بوش وبلير).

``propagate_names``: a name tagged once is tagged wherever it recurs.

A sentence-level tagger often finds a name in one sentence ("قال الوزير X") and
misses it in another where the context is weaker. Within one document the same
word sequence nearly always names the same thing, so every untagged
occurrence of a tagged name gets its (majority) label. Names are compared by
matching form, the first word without its proclitics (وموسكو = موسكو).
"""
from __future__ import annotations

import math
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


def name_spans(tags: list[str]) -> list[tuple[int, int, str]]:
    """``bio_spans(tags)``, faster: no loop for a sentence with no name at all, and an
    ``O`` only closes the open span (bio_spans reads it as neither B nor I)."""
    if tags.count("O") == len(tags):
        return []
    spans, start, label = [], None, None
    for i, tag in enumerate(tags):
        if tag == "O":
            if start is not None:
                spans.append((start, i, label))
                start = None
            continue
        prefix, _, kind = tag.partition("-")
        continues = prefix == "I" and kind == label and start is not None
        if start is not None and not continues:
            spans.append((start, i, label))
            start = None
        if prefix in ("B", "I") and not continues:
            start, label = i, kind
    if start is not None:
        spans.append((start, len(tags), label))
    return spans


def tagged_names(sentences: list[list[str]], tags: list[list[str]]) -> dict[tuple, str]:
    """Each tagged name's key (tuple of word keys) and its most frequent label."""
    return _tagged_names([word_keys(tokens) for tokens in sentences], tags)


def _tagged_names(keys: list[tuple[list[str], list[str]]], tags: list[list[str]]) -> dict[tuple, str]:
    """``tagged_names`` from the sentences' ``word_keys``."""
    labels: dict[tuple, Counter] = defaultdict(Counter)
    for (firsts, forms), sentence_tags in zip(keys, tags):
        for start, end, label in name_spans(sentence_tags):
            key = (firsts[start], *forms[start + 1:end])
            if sum(len(k) for k in key) >= MIN_NAME_CHARS:
                labels[key][label] += 1
    return {key: counts.most_common(1)[0][0] for key, counts in labels.items()}


def propagate_names(sentences: list[list[str]], tags: list[list[str]]) -> list[list[str]]:
    """``tags`` with each document name also tagged where it was left untagged (longest first)."""
    keys = [word_keys(tokens) for tokens in sentences]  # once for both passes
    names = _tagged_names(keys, tags)
    # the lengths of the names each first word opens, longest first: at a word, one look-up
    # per length (two names of one length cannot both match), not a comparison per name
    lengths: dict[str, list[int]] = defaultdict(list)
    for key in names:
        lengths[key[0]].append(len(key))
    lengths = {first: sorted(set(sizes), reverse=True) for first, sizes in lengths.items()}
    out = []
    for (firsts, forms), sentence_tags in zip(keys, tags):
        sentence_tags = list(sentence_tags)
        if lengths.keys().isdisjoint(firsts):  # no name of the document starts here
            out.append(sentence_tags)
            continue
        for i, first in enumerate(firsts):
            for size in lengths.get(first, ()):
                end = i + size
                key = (first, *forms[i + 1:end])
                if (end <= len(forms) and key in names
                        and all(t == "O" for t in sentence_tags[i:end])
                        and not (end < len(sentence_tags) and sentence_tags[end].startswith("I-"))):
                    label = names[key]
                    sentence_tags[i:end] = ["B-" + label] + ["I-" + label] * (size - 1)
                    break
        out.append(sentence_tags)
    return out


# A person's name cannot end on a connector (علي بن | أبي طالب), and a ruler's
# ordinal belongs to the name (الحسن الثاني، البابا بنديكت السادس عشر).
NAME_CONNECTORS = frozenset(map(match_form, ("بن", "ابن", "بنت", "أبو", "أبي", "أبا", "عبد", "آل")))
REGNAL_ORDINALS = frozenset(map(match_form, (
    "الأول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن", "التاسع",
    "العاشر", "الحادي")))
ORDINAL_TENS = match_form("عشر")


def _continues_name(form: str, previous: str) -> bool:
    """Whether a word right after a person's name still belongs to it."""
    if previous in NAME_CONNECTORS:
        return form.isalpha()
    return form in REGNAL_ORDINALS or (form == ORDINAL_TENS and previous in REGNAL_ORDINALS)


def complete_person_names(tokens: list[str], tags: list[str]) -> list[str]:
    """``tags`` with each person's name run on over a connector's word and a regnal ordinal."""
    tags = list(tags)
    for i in range(1, len(tokens)):
        if (tags[i] == "O" and tags[i - 1][2:] == "PER"
                and _continues_name(match_form(tokens[i]), match_form(tokens[i - 1]))):
            tags[i] = "I-PER"
    return tags


FUNCTION_WORD_RANK = 200  # the corpus's most frequent forms: particles, prepositions
RARER_FACTOR = 10  # وX must be this many times further down the frequency ranks than X


def split_person_coordination(tokens: list[str], tags: list[str],
                              ranks: dict[str, int]) -> list[str]:
    """``tags`` with a person run split where a word is و + another name (بوش وبلير).

    ``ranks``: corpus frequency rank of each matching form (lower: more frequent).
    وX opens a new name only if X is a content word (not among the most frequent
    forms: والي is not و + إلى) and far more frequent than وX, so that names spelled
    with a و (وليد، وائل، وجيه) stay whole.
    """
    tags = list(tags)
    for i in range(1, len(tokens)):
        if tags[i] != "I-PER":
            continue
        form = match_form(tokens[i])
        rest = form[1:]
        if (form.startswith("و") and len(rest) >= MIN_NAME_CHARS
                and match_form(tokens[i - 1]) not in NAME_CONNECTORS
                and FUNCTION_WORD_RANK <= ranks.get(rest, math.inf)
                and ranks.get(rest, math.inf) * RARER_FACTOR < ranks.get(form, math.inf)):
            tags[i] = "B-PER"
    return tags
