"""The learned stance reader (rule M-STANCE-MODEL): for each quote, which of the noun phrases
of its content the speaker is for or against.

The rules (Q-, A-, H-, T-) read a stance only where a lexicon word frames it. Much of what
annotators mark is looser: the subject of an evaluative clause (صلاح يستحق الفوز → favor
صلاح), an actor blamed in passing. The model scores every candidate phrase of a quote's
content — its noun phrases, its mentions and the targets the rules gave — with a multinomial
logistic regression over features of the phrase, its words and its neighbours', the content,
the cue and the rules' own reading (``pair_features``). It is fitted on the development part of
``benchmarks/split.json`` by ``benchmarks/stance_model.py`` and stored as plain JSON weights, so
running it needs nothing beyond the standard library.

It also reads narrated clauses (``narrated_clauses``): a named actor outside the quotes as the
holder of the rest of its sentence, for the acts reported without words, with weights of their
own. It is on by default (``data/stance_model.json``; ``extract_stances(reader="rules")`` for the
rules alone), in the mode ``benchmarks/stance_model.py`` chose on the untuned dev batches: ``add``
keeps the rules' stances and adds the phrases they did not read; ``replace`` (the packaged reader
since session 26) decides every quote's phrases itself, keeping a rule's ids and evidence where it
picks the phrase the rule read. It beat the rules cross-validated on dev, on fresh blind batches
and on the test part (``benchmarks/STANCE_DECISIONS.md``).

Input: the stance finder after the rules ran (its token view, quotes, candidates); output:
the finder's quote candidates decided by the model (``apply_model``), narrated acts untouched.
"""
from __future__ import annotations

import hashlib
import json
import logging
import math
from functools import lru_cache
from importlib import resources
from typing import Optional

from qawl.schema import Quote, make_span
from qawl.stance.candidates import _Candidate
from qawl.stance.params import MAX_NP_TOKENS
from qawl.stance.phrases import read_np
from qawl.stance.rules import DISABLED_RULES
from qawl.stance.words import STOP_FORMS
from qawl.arabic import DEMONSTRATIVES

logger = logging.getLogger(__name__)

MODEL_RULE = "M-STANCE-MODEL"
MODEL_FILE = "stance_model.json"  # in qawl.data: the packaged reader, fitted on dev
READERS = ("model", "rules")  # extract_stances(reader=…): the packaged model on the rules, or the rules alone
CLASSES = ("none", "favor", "against")
MAX_CANDIDATES = 12  # phrases read per quote: the first ones, where stance targets sit
NARRATED = "narrated"  # the type of a narrated clause read as a pseudo-quote (narrated_clauses)
MAX_CLAUSE_TOKENS = 25  # words after a narrated actor read as its clause
CONTEXT = 3  # tokens each side whose lexicon hits describe a phrase's neighbourhood


def load_model(path) -> dict:
    """A model written by ``benchmarks/stance_model.py --write PATH`` (plain JSON weights)."""
    with open(path, encoding="utf-8") as handle:
        model = json.load(handle)
    missing = {"classes", "intercept", "weights", "threshold"} - set(model)
    if missing:
        raise ValueError(f"{path}: not a stance model (missing {', '.join(sorted(missing))})")
    return model


@lru_cache(maxsize=1)
def packaged_model() -> Optional[dict]:
    """The reader shipped in ``qawl.data`` (``MODEL_FILE``); None, with a warning, when it is missing."""
    try:
        text = resources.files("qawl.data").joinpath(MODEL_FILE).read_text(encoding="utf-8")
    except FileNotFoundError:
        logger.warning("no packaged stance model (%s): stances come from the rules alone", MODEL_FILE)
        return None
    return json.loads(text)


def packaged_model_info() -> dict:
    """What run.json records of the packaged reader: its file, sha256, mode and threshold."""
    try:
        data = resources.files("qawl.data").joinpath(MODEL_FILE).read_bytes()
    except FileNotFoundError:
        return {"file": MODEL_FILE, "present": False}
    model = json.loads(data)
    return {"file": MODEL_FILE, "present": True, "sha256": hashlib.sha256(data).hexdigest(),
            "mode": model.get("mode"), "threshold": model.get("threshold"), "weights": len(model.get("weights", {}))}


def reader_model(reader: str, model: Optional[dict] = None) -> Optional[dict]:
    """The model ``extract_stances`` applies: ``model`` when given, else the packaged one for
    reader ``model``, none for ``rules``."""
    if reader not in READERS:
        raise ValueError(f"stance reader {reader!r}: use one of {', '.join(READERS)}")
    if model is not None or reader == "rules":
        return model
    return packaged_model()


def quote_speaker(finder, quote: Quote) -> str:
    """The name the rules give the quote's speaker (H- rules), as ``quote_stances`` does."""
    return finder.institution_speaker(quote) or finder.titled_speaker(quote) or finder.attested_speaker(quote)


def phrase_candidates(finder, quote: Quote, rule_ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Token ranges worth scoring in the quote's content: its noun phrases in order (at most
    ``MAX_CANDIDATES``), the mentions inside it and the targets the rules read for it."""
    tokens = finder.tokens
    content = tokens.range_of(quote.content.start, quote.content.end)
    if not content:
        return []
    first, limit = content.start, content.stop
    found: list[tuple[int, int]] = []
    i = first
    while i < limit and len(found) < MAX_CANDIDATES:
        if not tokens.is_word(i) or tokens.forms[i] in STOP_FORMS or tokens.bare(i) in STOP_FORMS:
            i += 1
            continue
        start, end = read_np(tokens, i, limit)
        if end > start:
            found.append((start, end))
            i = end
        else:
            i += 1
    for index in content:
        mention = tokens.mention_at.get(index)
        if mention is not None:
            span = tokens.range_of(mention.start, mention.end)
            found.append((max(span.start, first), min(span.stop, limit)))
    found.extend(rule_ranges)
    return [np for np in dict.fromkeys(found) if np[1] > np[0] and np[1] - np[0] <= MAX_NP_TOKENS + 2]


def _hits_between(tokens, start: int, end: int) -> list:
    return [hit for i in range(max(start, 0), min(end, len(tokens))) if (hit := tokens.hit(i)) is not None]


def _bucket(value: int, edges: tuple[int, ...]) -> str:
    for edge in edges:
        if value <= edge:
            return str(edge)
    return f">{edges[-1]}"


def pair_features(finder, quote: Quote, np: tuple[int, int], order: int,
                  rules_here: list[_Candidate]) -> dict[str, float]:
    """Features of one (quote, phrase) pair: where the phrase sits, what it is, the evaluative
    words around it and in the whole content, the cue, and how the rules read it."""
    tokens = finder.tokens
    content = tokens.range_of(quote.content.start, quote.content.end)
    first, limit = content.start, content.stop
    start, end = np
    features: dict[str, float] = {"bias": 1.0}
    features[f"order={_bucket(order, (0, 1, 2, 4))}"] = 1.0
    features[f"offset={_bucket(start - first, (0, 2, 5, 10, 20))}"] = 1.0
    features[f"length={_bucket(end - start, (1, 2, 3, 5))}"] = 1.0
    mention = tokens.mention_at.get(start)
    features[f"mention={mention.label if mention is not None else 'none'}"] = 1.0
    labels = {tokens.mention_at[i].label for i in range(start, end) if i in tokens.mention_at}
    for label in labels:
        features[f"holds={label}"] = 1.0
    features["demonstrative"] = float(tokens.forms[start] in DEMONSTRATIVES)
    features["definite"] = float(tokens.bare(start).startswith("ال"))
    features["salient"] = float(finder.salient(np))
    features["quoted_words"] = float(any(tokens.is_quote_mark(i) for i in range(start - 1, end + 1)))
    features[f"type={quote.type}"] = 1.0
    # the evaluative words just before, inside and just after the phrase
    for where, (a, b) in (("before", (max(first, start - CONTEXT), start)), ("inside", (start, end)),
                          ("after", (end, min(limit, end + CONTEXT)))):
        for hit in _hits_between(tokens, a, b):
            features[f"{where}:{hit.entry.kind}:{hit.entry.polarity}"] = 1.0
            if hit.entry.category:
                features[f"{where}:cat={hit.entry.category}"] = 1.0
        negated = any(tokens.negated(i, a) is not None for i in range(a, b) if tokens.hit(i) is not None)
        if negated:
            features[f"{where}:negated"] = 1.0
    # the content as a whole: how evaluative, and in which direction
    hits = _hits_between(tokens, first, limit)
    for polarity in ("favor", "against"):
        count = sum(hit.entry.polarity == polarity for hit in hits)
        features[f"content_{polarity}={_bucket(count, (0, 1, 3))}"] = 1.0
    cue_hit, cue_polarity = finder.cue_frame(quote)
    features[f"cue_polarity={cue_polarity}"] = 1.0
    features.update(lexical_features(tokens, quote, np, first, limit))
    if quote.type == NARRATED:  # its own weights: a narrated clause is not a statement
        return {f"n:{name}": value for name, value in features.items()}
    # the rules' reading of this very phrase, or of one overlapping it
    for candidate in rules_here:
        same = (candidate.start, candidate.end) == np
        overlap = candidate.start < end and start < candidate.end
        if same or overlap:
            kind = "rule" if same else "rule_overlap"
            features[f"{kind}={candidate.polarity}"] = 1.0
            for rule in candidate.rules:
                features[f"{kind}_id={rule}"] = 1.0
    return features


def lexical_features(tokens, quote: Quote, np: tuple[int, int], first: int, limit: int) -> dict[str, float]:
    """The words themselves: the phrase's head and its other words, the words just before and
    after it, and the cue's last word (bare forms, without a conjunction)."""
    start, end = np
    features = {f"head={tokens.bare(start)}": 1.0}
    for i in range(max(first, start - CONTEXT), start):
        if tokens.is_word(i):
            features[f"before_word={tokens.bare(i)}"] = 1.0
    for i in range(end, min(limit, end + CONTEXT)):
        if tokens.is_word(i):
            features[f"after_word={tokens.bare(i)}"] = 1.0
    for i in range(start + 1, end):
        features[f"in_word={tokens.bare(i)}"] = 1.0
    cue = tokens.range_of(quote.cue.start, quote.cue.end)
    if cue:
        features[f"cue={tokens.bare(cue[-1])}"] = 1.0
    return features


def class_scores(model: dict, features: dict[str, float]) -> dict[str, float]:
    """The model's probability of each class (``CLASSES``) for one pair."""
    weights = model["weights"]
    logits = list(model["intercept"])
    for name, value in features.items():
        row = weights.get(name)
        if row is not None:
            for k, w in enumerate(row):
                logits[k] += w * value
    top = max(logits)
    exps = [math.exp(v - top) for v in logits]
    total = sum(exps)
    return {cls: e / total for cls, e in zip(model["classes"], exps)}


def narrated_clauses(finder) -> list[Quote]:
    """Each named actor (a mention) outside the quotes, read as the holder of the rest of its
    sentence: a pseudo-quote of type ``NARRATED`` whose cue is the word before the actor (the
    verb of a verb-first clause: واعتقلت الشرطة …) or else the word after it, and whose content
    is the next ``MAX_CLAUSE_TOKENS`` words of the sentence, up to the first quoted one."""
    tokens, text = finder.tokens, finder.doc.text
    span_of = lambda a, b: make_span(text, tokens.spans[a].start, tokens.spans[b - 1].end)  # token range -> Span
    clauses = []
    for sentence in finder.doc.sentences:
        words = tokens.range_of(sentence.start, sentence.end)
        for i in words:
            mention = tokens.mention_at.get(i)
            if mention is None or tokens.spans[i].start != mention.start or i in finder.quoted:
                continue
            name = tokens.range_of(mention.start, mention.end)
            end = name.stop
            while end < min(words.stop, name.stop + MAX_CLAUSE_TOKENS) and end not in finder.quoted:
                end += 1
            if end - name.stop < 2:
                continue
            cue = i - 1 if i - 1 >= words.start and tokens.is_word(i - 1) else name.stop
            clauses.append(Quote(type=NARRATED, cue=span_of(cue, cue + 1), content=span_of(name.stop, end),
                                 speaker=span_of(name.start, name.stop),
                                 speaker_canonical=mention.canonical or mention.text,
                                 speaker_kind="person" if mention.label == "PER" else "organisation"))
    return clauses


def clause_pairs(finder, clause: Quote):
    """(holder, [(phrase, features, [])]) for one narrated clause: the rules' narrated acts are
    no features here, they stay as they are."""
    speaker = clause.speaker_canonical
    phrases = phrase_candidates(finder, clause, [])
    return speaker, [(np, pair_features(finder, clause, np, order, []), []) for order, np in enumerate(phrases)]


def quote_pairs(finder, index: int, quote: Quote):
    """(speaker, [(phrase, features, rule candidates on it)]) for one quote; no speaker, no pairs."""
    speaker = quote_speaker(finder, quote)
    if not speaker:
        return speaker, []
    rules_here = [c for c in finder.candidates if c.quote == index]
    phrases = phrase_candidates(finder, quote, [(c.start, c.end) for c in rules_here])
    pairs = []
    for order, np in enumerate(phrases):
        on_it = [c for c in rules_here if (c.start, c.end) == np]
        pairs.append((np, pair_features(finder, quote, np, order, rules_here), on_it))
    return speaker, pairs


def calibrated(model: dict, kind: str, score: float) -> Optional[float]:
    """The share of right stances among the reader's out-of-fold stances of ``kind`` (``quote`` or
    ``narrated``) scored like ``score`` on dev (``model["calibration"]``, bins of lower edges);
    None when the model has no calibration."""
    bins = model.get("calibration", {}).get(kind)
    if not bins:
        return None
    share = bins[0][1]
    for low, precision in bins:
        if score >= low:
            share = precision
    return share


def decide(scored: list[tuple[tuple[int, int], dict[str, float]]], threshold: float) -> list[tuple[tuple[int, int], str, float]]:
    """The phrases whose best stance class passes ``threshold``, overlapping ones reduced to the
    likeliest (one phrase, one stance)."""
    chosen: list[tuple[tuple[int, int], str, float]] = []
    ranked = sorted(((np, max(("favor", "against"), key=probs.get), probs) for np, probs in scored),
                    key=lambda item: -item[2][item[1]])
    for np, polarity, probs in ranked:
        score = probs[polarity]
        if score < threshold:
            break
        if any(np[0] < other[1] and other[0] < np[1] for other, _, _ in chosen):
            continue
        chosen.append((np, polarity, score))
    return chosen


def apply_model(finder, model: dict) -> None:
    """The model's decisions on the quotes: in mode ``replace`` instead of the rules' quote
    candidates, in mode ``add`` on the phrases the rules did not read (narrated acts stay)."""
    if MODEL_RULE in DISABLED_RULES:
        return
    threshold, adding = model["threshold"], model.get("mode") == "add"
    decided: list[_Candidate] = [c for c in finder.candidates if adding or c.quote < 0]
    for index, quote in enumerate(finder.quotes):
        speaker, pairs = quote_pairs(finder, index, quote)
        if not pairs:
            continue
        ruled = [(c.start, c.end) for c in finder.candidates if c.quote == index] if adding else []
        scored = [(np, class_scores(model, features)) for np, features, _ in pairs
                  if not any(np[0] < other[1] and other[0] < np[1] for other in ruled)]
        on_phrase = {np: on_it for np, _, on_it in pairs}
        for np, polarity, score in decide(scored, threshold):
            same = [c for c in on_phrase[np] if c.polarity == polarity]
            evidence = same[0].evidence if same else [finder.doc.text[quote.content.start:quote.content.end][:80]]
            rules = tuple(dict.fromkeys((*(same[0].rules if same else ()), MODEL_RULE)))
            decided.append(_Candidate(speaker, np[0], np[1], polarity, index, list(evidence), rules,
                                      calibrated(model, "quote", score), score))
    if model.get("narrated"):
        decided.extend(clause_stances(finder, model))
    finder.candidates = decided


def clause_stances(finder, model: dict) -> list[_Candidate]:
    """The model's stances of narrated actors (``narrated_clauses``; quote -1, as the rules'
    narrated acts), on the phrases no narrated rule read."""
    ruled = [(c.start, c.end) for c in finder.candidates if c.quote < 0]
    threshold = model.get("narrated_threshold", model["threshold"])
    found = []
    for clause in narrated_clauses(finder):
        speaker, pairs = clause_pairs(finder, clause)
        scored = [(np, class_scores(model, features)) for np, features, _ in pairs
                  if not any(np[0] < other[1] and other[0] < np[1] for other in ruled)]
        evidence = finder.doc.text[clause.speaker.start:clause.content.end][:80]
        for np, polarity, score in decide(scored, threshold):
            found.append(_Candidate(speaker, np[0], np[1], polarity, -1, [evidence], (MODEL_RULE,),
                                    calibrated(model, NARRATED, score), score))
    return found
