"""Token features for the CRF tagger: clitic-aware forms, triggers, gazetteers, clusters.

Features are plain strings (binary crfsuite attributes). Everything that
depends only on the word type is computed once per type and cached, so
tagging costs a few list concatenations per token.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from qawl.clean import match_form

CONJUNCTIONS = ("و", "ف")
PREPOSITIONS = ("ب", "ل", "ك")
# conj? prep? article? — "لل" is ل + ال with its alif dropped (للأمم = ل + الأمم).
PROCLITIC_RE = re.compile(r"^(?P<conj>[وف])?(?:(?P<lil>لل)|(?P<prep>[بلك])?(?P<art>ال)?)")
MIN_STEM = 2
DIGIT_RE = re.compile(r"^\d+([.,]\d+)*$")
LATIN_RE = re.compile(r"^[A-Za-z]+$")
ARABIC_RE = re.compile(r"^[\u0621-\u064a]+$")
NEIGHBOUR_OFFSETS = (-2, -1, 1, 2)
GAZETTEER_LABELS = ("PER", "LOC", "ORG", "MISC")


@dataclass(frozen=True)
class CliticSplit:
    """A word's matching form split into proclitics and stem."""

    conj: str
    prep: str
    article: str
    stem: str

    @property
    def base(self) -> str:
        """The word without conjunction and preposition, article kept (الامم)."""
        return self.article + self.stem


@lru_cache(maxsize=200_000)
def split_proclitics(form: str) -> CliticSplit:
    """Greedy proclitic split of a matching form, keeping a stem of ≥ 2 letters."""
    match = PROCLITIC_RE.match(form)
    conj = match.group("conj") or ""
    if match.group("lil"):
        prep, article = "ل", "ال"
        stem = form[len(conj) + 2 :]
    else:
        prep = match.group("prep") or ""
        article = match.group("art") or ""
        stem = form[match.end() :]
    if len(stem) < MIN_STEM:  # too short: the "clitics" were letters of the word
        return CliticSplit("", "", "", form)
    return CliticSplit(conj, prep, article, stem)


def tafil_shape(form: str) -> bool:
    """Whether a matching form has the تفعيل verbal-noun pattern (تحقيق, تعزيز, تعليم)."""
    return len(form) == 5 and form[0] == "ت" and form[3] == "ي"


def word_shape(token: str) -> str:
    """Coarse class of a token."""
    if DIGIT_RE.match(token):
        return "digit"
    if LATIN_RE.match(token):
        return "latin"
    if ARABIC_RE.match(match_form(token) or "-"):
        return "arabic"
    if len(token) == 1 and not token.isalnum():
        return "punct"
    return "mixed"


def _load_lexicon(name: str) -> dict[str, str]:
    """``form → label`` from a ``ner_*.tsv`` data file (match forms)."""
    table: dict[str, str] = {}
    text = resources.files("qawl.data").joinpath(name).read_text(encoding="utf-8")
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        phrase, label = line.rsplit("\t", 1)
        table[match_form(phrase)] = label
    return table


@lru_cache(maxsize=1)
def triggers() -> dict[str, str]:
    """Trigger/title words (الرئيس, وزير, حزب, مدينة …) → the label they announce."""
    return _load_lexicon("ner_triggers.tsv")


@lru_cache(maxsize=1)
def gazetteer() -> dict[str, str]:
    """Hand-written names (places, organisations, first names) → label.

    Multi-word entries are indexed by each of their words too (``word:LABEL``
    features are weak hints, the CRF decides).
    """
    return _load_lexicon("ner_gazetteer.tsv")


@lru_cache(maxsize=1)
def gazetteer_words() -> dict[str, str]:
    """Single words of the hand-written gazetteer → label (first entry wins)."""
    words: dict[str, str] = {}
    for phrase, label in gazetteer().items():
        for word in phrase.split():
            words.setdefault(word, label)
    return words


@dataclass
class FeatureExtractor:
    """Per-type cached features; ``sentence_features(tokens)`` for one sentence.

    ``clusters``: ``{form: (count, id64, id256, id1024)}``; ``train_gazetteer``:
    ``{form: label}`` of names seen in (other folds of) the training data;
    ``corpus_gazetteer``: ``{form: "LABEL:strength"}``, how a first tagging pass
    labelled the word across the unlabelled corpora (see ``qawl.entities.train``).
    """

    clusters: dict[str, tuple[int, ...]]
    train_gazetteer: dict[str, str] = field(default_factory=dict)
    corpus_gazetteer: dict[str, str] = field(default_factory=dict)
    _cache: dict[str, tuple[list[str], dict[int, list[str]]]] = field(
        default_factory=dict, repr=False
    )
    _trigger_labels: dict[str, tuple[str, ...]] = field(default_factory=dict, repr=False)

    def _cluster_features(self, name: str, form: str) -> list[str]:
        entry = self.clusters.get(form)
        if entry is None:
            return [f"{name}c=unk"]
        return [f"{name}c{i}={value}" for i, value in enumerate(entry[1:])]

    def _type_features(self, token: str) -> tuple[list[str], dict[int, list[str]]]:
        form = match_form(token)
        split = split_proclitics(form)
        shape = word_shape(token)
        own = [
            "bias",
            f"w={form}",
            f"shape={shape}",
            f"len={min(len(form), 8)}",
            f"p2={form[:2]}",
            f"p3={form[:3]}",
            f"s1={form[-1:]}",
            f"s2={form[-2:]}",
            f"s3={form[-3:]}",
            f"base={split.base}",
            f"stem={split.stem}",
            f"ss2={split.stem[-2:]}",
            f"ss3={split.stem[-3:]}",
            f"conj={split.conj}",
            f"prep={split.prep}",
            f"art={split.article}",
        ]
        own += self._cluster_features("", form)
        if split.stem != form:
            own += self._cluster_features("stem", split.stem)
            own += self._cluster_features("base", split.base)
        count = self.clusters.get(form, (0,))[0]
        own.append(f"freq={min(len(str(count)), 6)}")
        own += self._usage_features(split)
        hints = self._hints(form, split)
        own += hints
        near = [f"w={form}", f"stem={split.stem}", *hints]
        near += self._cluster_features("", form)[1:]
        far = [f"stem={split.stem}", *hints]
        self._trigger_labels[token] = tuple(h for h in hints if h.startswith("trig="))
        neighbours = {
            offset: [f"{offset}:{feature}" for feature in (near if abs(offset) == 1 else far)]
            for offset in NEIGHBOUR_OFFSETS
        }
        return own, neighbours

    def _count(self, form: str) -> int:
        entry = self.clusters.get(form)
        return entry[0] if entry else 0

    def _usage_features(self, split: CliticSplit) -> list[str]:
        """How the corpus uses the stem: names rarely take the article or plural endings."""
        stem_count = self._count(split.stem)
        with_article = self._count("ال" + split.stem)
        total = stem_count + with_article
        if total == 0:
            return ["use=unseen"]
        share = with_article / total
        bucket = "0" if share == 0 else "lo" if share < 0.1 else "mid" if share < 0.5 else "hi"
        features = [f"alshare={bucket}"]
        inflected = self._count(split.stem + "ات") + self._count(split.stem + "ه") + self._count(
            split.stem + "ين")
        features.append(f"infl={'0' if not inflected else 'lo' if inflected < total / 10 else 'hi'}")
        return features

    def _hints(self, form: str, split: CliticSplit) -> list[str]:
        hints = []
        for name, candidate in (("w", form), ("base", split.base), ("stem", split.stem)):
            label = triggers().get(candidate)
            if label:
                hints.append(f"trig={label}")
            label = gazetteer_words().get(candidate)
            if label:
                hints.append(f"gaz={label}")
            label = self.train_gazetteer.get(candidate)
            if label:
                hints.append(f"tgaz={label}")
            label = self.corpus_gazetteer.get(candidate)
            if label:
                hints.append(f"cgaz={label}")
        return sorted(set(hints))

    def type_features(self, token: str) -> tuple[list[str], dict[int, list[str]]]:
        cached = self._cache.get(token)
        if cached is None:
            cached = self._cache[token] = self._type_features(token)
        return cached

    def sentence_features(self, tokens: list[str]) -> list[list[str]]:
        """crfsuite attribute lists, one per token."""
        typed = [self.type_features(token) for token in tokens]
        n = len(tokens)
        out = []
        for i in range(n):
            features = list(typed[i][0])
            for offset in NEIGHBOUR_OFFSETS:
                j = i + offset
                if 0 <= j < n:
                    features += typed[j][1][offset]
                elif j == -1 or j == n:
                    features.append(f"{offset}:edge")
            if i > 0:
                features.append(f"bi={typed[i - 1][0][1][2:]}|{typed[i][0][1][2:]}")
            for j in range(max(0, i - 3), i):  # titles often stand 2-3 words before the name
                features += [f"before:{t}" for t in self._trigger_labels[tokens[j]]]
            out.append(features)
        return out


def document_features(sentences: list[list[str]], tags: list[list[str]]) -> list[list[list[str]]]:
    """Label-consistency hints: how the rest of the document tagged each word.

    For every token, the labels that a first tagging pass gave to the other
    occurrences of the same stem in ``sentences`` (one document).
    """
    stems = [[split_proclitics(match_form(token)).stem for token in tokens] for tokens in sentences]
    seen: dict[str, dict[str, int]] = {}
    for sentence_stems, sentence_tags in zip(stems, tags):
        for stem, tag in zip(sentence_stems, sentence_tags):
            counts = seen.setdefault(stem, {})
            label = tag[2:] or "O"
            counts[label] = counts.get(label, 0) + 1
    out = []
    for sentence_stems, sentence_tags in zip(stems, tags):
        sentence_features = []
        for stem, tag in zip(sentence_stems, sentence_tags):
            counts = dict(seen[stem])
            own = tag[2:] or "O"
            counts[own] -= 1  # only the *other* occurrences count
            others = {label: n for label, n in counts.items() if n > 0}
            features = [f"doc={label}" for label in others]
            entity = {label: n for label, n in others.items() if label != "O"}
            if entity:
                features.append(f"docmaj={max(entity, key=entity.get)}")
            features.append(f"self1={own}")
            sentence_features.append(features)
        out.append(sentence_features)
    return out
