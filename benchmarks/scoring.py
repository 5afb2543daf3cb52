"""Scoring against the gold files, exactly as ``../shared/eval/ANNOTATION.md`` defines it.

Shared by every benchmark script (quotes, entities, stance). All comparisons go
through ``match_tokens``: runs of letters and digits, without diacritics or
tatweel, with أ إ آ read as ا, ى as ي and ة as ه.

Predictions are plain dicts so that any stage can be scored:

- quote: ``{"type", "cue", "content", "speaker", "speaker_canonical"}`` (strings);
- mention: ``{"text", "label", "canonical"}``;
- stance: ``{"speaker", "target", "polarity"}`` (``speaker_canonical`` optional).

Gold documents are the gold file's dicts (``doc`` identifies a document); the
scoring functions take them as a list or as a dict keyed by ``doc``.
"""
from __future__ import annotations

import hashlib
import json
import math
import re
from collections import Counter
from pathlib import Path
from typing import Any, Callable, Iterable, Mapping, Sequence, Union

from qawl.clean import match_form

WHITESPACE_RE = re.compile(r"[\s\u00a0]+")
TOKEN_RE = re.compile(r"[^\W_]+")
CLITICS = ("و", "ف", "ب", "ل")
SCORED_ENTITY_LABELS = ("PER", "LOC", "ORG")

GoldDocs = Union[Sequence[Mapping[str, Any]], Mapping[str, Mapping[str, Any]]]


# --- text ------------------------------------------------------------------


def normalise_text(text: str) -> str:
    """Every run of white space (U+00A0 included) becomes one space; ends trimmed."""
    return WHITESPACE_RE.sub(" ", text or "").strip()


def match_tokens(text: str) -> list[str]:
    """Runs of letters and digits in matching form (no diacritics, alef/ya/ta normalised)."""
    return TOKEN_RE.findall(match_form(normalise_text(text)))


def contents_match(pred: str, gold: str) -> bool:
    """True when the two contents share at least half of the tokens of each."""
    shared = _shared_tokens(pred, gold)
    pred_n, gold_n = len(match_tokens(pred)), len(match_tokens(gold))
    return pred_n > 0 and gold_n > 0 and 2 * shared >= pred_n and 2 * shared >= gold_n


def _shared_tokens(pred: str, gold: str) -> int:
    return sum((Counter(match_tokens(pred)) & Counter(match_tokens(gold))).values())


def _overlap(pred: str, gold: str) -> float:
    """Pairing score for greedy matching: the smaller of the two shared fractions."""
    pred_n, gold_n = len(match_tokens(pred)), len(match_tokens(gold))
    if not pred_n or not gold_n:
        return 0.0
    shared = _shared_tokens(pred, gold)
    return min(shared / pred_n, shared / gold_n)


def _strip_clitic(tokens: list[str]) -> list[str] | None:
    """Tokens with a leading clitic و/ف/ب/ل removed from the first word, if it has one."""
    if tokens and len(tokens[0]) > 2 and tokens[0][0] in CLITICS:
        return [tokens[0][1:], *tokens[1:]]
    return None


def _contains(haystack: list[str], needle: list[str]) -> bool:
    size = len(needle)
    return any(haystack[i : i + size] == needle for i in range(len(haystack) - size + 1))


def string_matches(pred: str, gold_strings: Iterable[str], contain_min_words: int = 2) -> bool:
    """``pred`` equals a gold string, or contains one of ``contain_min_words`` or more words.

    Compared as match tokens; a clitic و/ف/ب/ل at the start of ``pred`` is allowed.
    """
    tokens = match_tokens(pred)
    if not tokens:
        return False
    variants = [tokens] + [v for v in [_strip_clitic(tokens)] if v]
    for gold in gold_strings:
        gold_tokens = match_tokens(gold)
        if not gold_tokens:
            continue
        for variant in variants:
            if variant == gold_tokens:
                return True
            if len(gold_tokens) >= contain_min_words and _contains(variant, gold_tokens):
                return True
    return False


def speaker_matches(pred_text: str, pred_canonical: str, gold_strings: Iterable[str]) -> bool:
    """The predicted speaker (its text or its canonical name) matches one of the gold strings."""
    gold_strings = list(gold_strings or [])
    return any(
        string_matches(candidate, gold_strings) for candidate in (pred_text, pred_canonical) if candidate
    )


def target_matches(pred_target: str, gold_targets: Iterable[str]) -> bool:
    """As ``string_matches``, or ``pred_target`` contains all the words of one gold target."""
    gold_targets = list(gold_targets or [])
    if string_matches(pred_target, gold_targets):
        return True
    pred_words = set(match_tokens(pred_target))
    stripped = {w[1:] for w in pred_words if len(w) > 2 and w[0] in CLITICS}
    words = pred_words | stripped
    return any(
        (gold_words := set(match_tokens(gold))) and gold_words <= words for gold in gold_targets
    )


def cue_matches(pred_cue: str, gold_cue: str) -> bool:
    """Cues compare as match tokens, with the conjunction و/ف allowed on the prediction."""
    pred, gold = match_tokens(pred_cue), match_tokens(gold_cue)
    if not gold:  # the headline cue ":" has no letters
        return normalise_text(pred_cue) == normalise_text(gold_cue)
    if pred == gold:
        return True
    return bool(pred) and pred[0][:1] in ("و", "ف") and [pred[0][1:], *pred[1:]] == gold


# --- matching ----------------------------------------------------------------


def greedy_pairs(
    preds: Sequence[Any], golds: Sequence[Any], score: Callable[[Any, Any], float]
) -> list[tuple[int, int]]:
    """One-to-one pairs (pred index, gold index), best score first; score 0 never pairs."""
    scored = [
        (value, p, g)
        for p, pred in enumerate(preds)
        for g, gold in enumerate(golds)
        if (value := score(pred, gold)) > 0
    ]
    scored.sort(key=lambda item: (-item[0], item[1], item[2]))
    used_p, used_g, pairs = set(), set(), []
    for _, p, g in scored:
        if p in used_p or g in used_g:
            continue
        used_p.add(p)
        used_g.add(g)
        pairs.append((p, g))
    return sorted(pairs)


def prf(true_pos: int, n_pred: int, n_gold: int) -> dict[str, float]:
    precision = true_pos / n_pred if n_pred else 0.0
    recall = true_pos / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}


def _by_doc(gold_docs: GoldDocs) -> dict[str, Mapping[str, Any]]:
    if isinstance(gold_docs, Mapping):
        return dict(gold_docs)
    return {gold["doc"]: gold for gold in gold_docs}


def _gold_list(gold: Any, key: str) -> list:
    """The ``key`` list of a gold document, or the list itself when given one."""
    if isinstance(gold, Mapping):
        return list(gold.get(key, []))
    return list(gold or [])


# --- quotes --------------------------------------------------------------------


def _quote_score(pred: Mapping[str, Any], gold: Mapping[str, Any]) -> float:
    if not contents_match(pred.get("content", ""), gold.get("content", "")):
        return 0.0
    return _overlap(pred.get("content", ""), gold.get("content", ""))


def gold_names(gold: Any) -> list[str]:
    """Every string of the gold document's entity groups (any label): the article's names."""
    entities = gold.get("entities") if isinstance(gold, Mapping) else None
    if not isinstance(entities, Mapping):
        return []
    return [name for groups in entities.values() for group in groups or [] for name in group or []]


def named_gold_strings(speaker: Iterable[str], names: Iterable[str]) -> list[str]:
    """The gold speaker strings that are names: equal (as match tokens) to a string of the
    article's gold entity groups. ``وزير الداخلية النمساوي`` is acceptable but no name."""
    keys = {tuple(match_tokens(name)) for name in names}
    return [s for s in speaker or [] if tuple(match_tokens(s)) in keys]


def score_quotes(pred_docs: Mapping[str, list], gold_docs: GoldDocs) -> dict[str, Any]:
    """Detection P/R/F1, speaker/type/cue accuracy on matched pairs, end-to-end F1.

    Named-speaker share: of the matched pairs whose gold speaker has a name (one of its
    strings is in the gold entity groups), those whose predicted speaker (text or canonical)
    matches one of those names, not only a description (``named_gold``, ``named_ok``).

    ``pred_docs`` maps a gold ``doc`` id to its predicted quote dicts. Returns
    ``{"overall": {...}, "per_doc": {doc: {...}}, "errors": {"missed", "spurious",
    "wrong_speaker", "unnamed_speaker"}}`` (the last: matched quotes whose gold speaker has a name
    that the prediction does not give).
    """
    totals = Counter()
    per_doc, missed, spurious, wrong_speaker, unnamed = {}, [], [], [], []
    for doc, gold in _by_doc(gold_docs).items():
        golds = _gold_list(gold, "quotes")
        names = gold_names(gold)
        preds = list(pred_docs.get(doc, []))
        pairs = greedy_pairs(preds, golds, _quote_score)
        counts = Counter(pred=len(preds), gold=len(golds), matched=len(pairs))
        for p, g in pairs:
            pred, gold_quote = preds[p], golds[g]
            if speaker_matches(
                pred.get("speaker") or "", pred.get("speaker_canonical") or "", gold_quote["speaker"]
            ):
                counts["speaker_ok"] += 1
            else:
                wrong_speaker.append({"doc": doc, "pred": dict(pred), "gold": dict(gold_quote)})
            named = named_gold_strings(gold_quote["speaker"], names)
            if named:
                counts["named_gold"] += 1
                if speaker_matches(pred.get("speaker") or "", pred.get("speaker_canonical") or "", named):
                    counts["named_ok"] += 1
                else:
                    unnamed.append({"doc": doc, "pred": dict(pred), "gold": dict(gold_quote)})
            counts["type_ok"] += pred.get("type") == gold_quote.get("type")
            counts["cue_ok"] += cue_matches(pred.get("cue") or "", gold_quote.get("cue") or "")
        paired_p, paired_g = {p for p, _ in pairs}, {g for _, g in pairs}
        missed += [{"doc": doc, "gold": dict(q)} for i, q in enumerate(golds) if i not in paired_g]
        spurious += [{"doc": doc, "pred": dict(q)} for i, q in enumerate(preds) if i not in paired_p]
        per_doc[doc] = _quote_summary(counts)
        totals.update(counts)
    return {
        "overall": _quote_summary(totals),
        "per_doc": per_doc,
        "errors": {"missed": missed, "spurious": spurious, "wrong_speaker": wrong_speaker,
                   "unnamed_speaker": unnamed},
    }


def _quote_summary(counts: Counter) -> dict[str, Any]:
    matched = counts["matched"]
    detection = prf(matched, counts["pred"], counts["gold"])
    end_to_end = prf(counts["speaker_ok"], counts["pred"], counts["gold"])
    return {
        "n_pred": counts["pred"],
        "n_gold": counts["gold"],
        "matched": matched,
        "detection": detection,
        "speaker_ok": counts["speaker_ok"],
        "type_ok": counts["type_ok"],
        "cue_ok": counts["cue_ok"],
        "named_gold": counts["named_gold"],
        "named_ok": counts["named_ok"],
        "named_speaker_share": counts["named_ok"] / counts["named_gold"] if counts["named_gold"] else 0.0,
        "speaker_accuracy": counts["speaker_ok"] / matched if matched else 0.0,
        "type_accuracy": counts["type_ok"] / matched if matched else 0.0,
        "cue_accuracy": counts["cue_ok"] / matched if matched else 0.0,
        "end_to_end": end_to_end,
    }


# --- entities ---------------------------------------------------------------------


def group_mentions(mentions: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Predicted mentions grouped by (label, canonical): ``{"label", "strings"}``."""
    groups: dict[tuple[str, str], set[str]] = {}
    for mention in mentions:
        canonical = mention.get("canonical") or mention.get("text", "")
        key = (mention["label"], " ".join(match_tokens(canonical)))
        groups.setdefault(key, {canonical}).add(mention.get("text", ""))
    return [{"label": label, "strings": sorted(s for s in strings if s)} for (label, _), strings in groups.items()]


def _entity_score(pred_group: Mapping[str, Any], gold_strings: list[str]) -> float:
    matches = any(string_matches(s, gold_strings, contain_min_words=10**9) for s in pred_group["strings"])
    return 1.0 if matches else 0.0


def score_entities(
    pred_by_doc: Mapping[str, list], gold_docs: GoldDocs, labels: Sequence[str] = SCORED_ENTITY_LABELS
) -> dict[str, Any]:
    """P/R/F1 over entity groups, per label and micro.

    ``pred_by_doc`` maps a doc id to mention dicts (``text``, ``label``,
    ``canonical``). A predicted group matches a gold group of its label when one
    of its strings equals one of the gold strings (a leading clitic allowed).
    """
    counts = {label: Counter() for label in labels}
    missed, spurious = [], []
    for doc, gold in _by_doc(gold_docs).items():
        gold_entities = gold.get("entities", {}) if isinstance(gold, Mapping) else {}
        groups = group_mentions(m for m in pred_by_doc.get(doc, []) if m.get("label") in labels)
        for label in labels:
            preds = [g for g in groups if g["label"] == label]
            golds = [list(strings) for strings in gold_entities.get(label, [])]
            pairs = greedy_pairs(preds, golds, _entity_score)
            counts[label].update(pred=len(preds), gold=len(golds), matched=len(pairs))
            paired_p, paired_g = {p for p, _ in pairs}, {g for _, g in pairs}
            missed += [{"doc": doc, "label": label, "gold": s} for i, s in enumerate(golds) if i not in paired_g]
            spurious += [
                {"doc": doc, "label": label, "pred": g["strings"]} for i, g in enumerate(preds) if i not in paired_p
            ]
    per_label = {label: prf(c["matched"], c["pred"], c["gold"]) for label, c in counts.items()}
    total = sum(counts.values(), Counter())
    return {
        "per_label": per_label,
        "micro": prf(total["matched"], total["pred"], total["gold"]),
        "errors": {"missed": missed, "spurious": spurious},
    }


# --- stances --------------------------------------------------------------------------


def _as_strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    return [v for v in (value or []) if isinstance(v, str)]


def stance_matches(pred: Mapping[str, Any], gold: Mapping[str, Any]) -> bool:
    """Same polarity, speaker as for quotes, target equal/contained or containing all words of one."""
    if pred.get("polarity") != gold.get("polarity"):
        return False
    if not speaker_matches(pred.get("speaker") or "", pred.get("speaker_canonical") or "", gold["speaker"]):
        return False
    return any(target_matches(t, gold["target"]) for t in _as_strings(pred.get("target")))


def score_stances(pred_by_doc: Mapping[str, list], gold_by_doc: GoldDocs) -> dict[str, Any]:
    """Stance P/R/F1 with one-to-one greedy matching.

    ``pred_by_doc``: doc id -> ``[{"speaker", "target", "polarity"}, ...]``;
    ``gold_by_doc``: the gold documents (list, or dict doc -> document or stance list).
    """
    totals, per_doc, missed, spurious = Counter(), {}, [], []
    for doc, gold in _by_doc(gold_by_doc).items():
        golds = _gold_list(gold, "stances")
        preds = list(pred_by_doc.get(doc, []))
        pairs = greedy_pairs(preds, golds, lambda p, g: 1.0 if stance_matches(p, g) else 0.0)
        counts = Counter(pred=len(preds), gold=len(golds), matched=len(pairs))
        paired_p, paired_g = {p for p, _ in pairs}, {g for _, g in pairs}
        missed += [{"doc": doc, "gold": dict(s)} for i, s in enumerate(golds) if i not in paired_g]
        spurious += [{"doc": doc, "pred": dict(s)} for i, s in enumerate(preds) if i not in paired_p]
        per_doc[doc] = {**prf(counts["matched"], counts["pred"], counts["gold"]), **counts}
        totals.update(counts)
    return {
        "overall": {**prf(totals["matched"], totals["pred"], totals["gold"]), **totals},
        "per_doc": per_doc,
        "errors": {"missed": missed, "spurious": spurious},
    }


# --- the evaluation split (issue 14) ---------------------------------------------------

BENCHMARKS = Path(__file__).resolve().parent
SPLIT_FILE = BENCHMARKS / "split.json"
PARTS = ("dev", "test")
UNSPLIT = "unsplit"  # an article of a gold file that the split does not know (e.g. a new held-out file)

# Every gold file, in the order the benchmarks read them: (name, folder) where the
# folder is "shared" (``../shared/eval``) or "benchmarks" (this folder).
GOLD_FILES = (
    ("seed_gold.json", "shared"),
    ("dev_gold.json", "shared"),
    ("dev2_gold.json", "shared"),
    ("audit_gold.json", "benchmarks"),
    ("audit2_gold.json", "benchmarks"),
    ("audit3_gold.json", "benchmarks"),
    ("audit4_gold.json", "benchmarks"),
    ("audit5_gold.json", "benchmarks"),
    ("audit6_gold.json", "benchmarks"),
    ("audit7_gold.json", "benchmarks"),
    ("audit8_gold.json", "benchmarks"),
    ("audit9_gold.json", "benchmarks"),
    ("audit10_gold.json", "benchmarks"),
    ("audit11_gold.json", "benchmarks"),
    ("audit12_gold.json", "benchmarks"),
    ("audit13_gold.json", "benchmarks"),
    ("audit14_gold.json", "benchmarks"),
    ("audit15_gold.json", "benchmarks"),
    ("audit16_gold.json", "benchmarks"),
    ("audit17_gold.json", "benchmarks"),
    ("audit18_gold.json", "benchmarks"),
    ("audit21_gold.json", "benchmarks"),
    ("audit22_gold.json", "benchmarks"),
    ("audit19_gold.json", "benchmarks"),
    ("audit20_gold.json", "benchmarks"),
    ("audit23_gold.json", "benchmarks"),
    ("audit24_gold.json", "benchmarks"),
    ("audit25_gold.json", "benchmarks"),
    ("audit26_gold.json", "benchmarks"),
    ("audit27_gold.json", "benchmarks"),
    ("audit28_gold.json", "benchmarks"),
    ("audit29_gold.json", "benchmarks"),
    ("audit30_gold.json", "benchmarks"),
    ("audit31_gold.json", "benchmarks"),
    ("audit32_gold.json", "benchmarks"),
    ("audit33_gold.json", "benchmarks"),
    ("audit34_gold.json", "benchmarks"),
    ("audit35_gold.json", "benchmarks"),
    ("audit36_gold.json", "benchmarks"),
    ("audit37_gold.json", "benchmarks"),
    ("audit38_gold.json", "benchmarks"),
    ("audit39_gold.json", "benchmarks"),
    ("audit40_gold.json", "benchmarks"),
    ("audit41_gold.json", "benchmarks"),
    ("audit42_gold.json", "benchmarks"),
    ("audit43_gold.json", "benchmarks"),
    ("audit44_gold.json", "benchmarks"),
    ("audit45_gold.json", "benchmarks"),
    ("audit46_gold.json", "benchmarks"),
    ("audit47_gold.json", "benchmarks"),
    ("audit48_gold.json", "benchmarks"),
    ("audit49_gold.json", "benchmarks"),
    ("audit50_gold.json", "benchmarks"),
    ("audit51_gold.json", "benchmarks"),
    ("audit52_gold.json", "benchmarks"),
    ("audit53_gold.json", "benchmarks"),
    ("audit54_gold.json", "benchmarks"),
    ("audit55_gold.json", "benchmarks"),
    ("audit56_gold.json", "benchmarks"),
    ("audit57_gold.json", "benchmarks"),
    ("audit58_gold.json", "benchmarks"),
    ("audit59_gold.json", "benchmarks"),
    ("audit60_gold.json", "benchmarks"),
    ("audit61_gold.json", "benchmarks"),
    ("audit62_gold.json", "benchmarks"),
    ("audit63_gold.json", "benchmarks"),
    ("audit64_gold.json", "benchmarks"),
    ("audit65_gold.json", "benchmarks"),
    ("audit66_gold.json", "benchmarks"),
    ("audit67_gold.json", "benchmarks"),
    ("audit68_gold.json", "benchmarks"),
    ("audit69_gold.json", "benchmarks"),
    ("audit70_gold.json", "benchmarks"),
    ("audit71_gold.json", "benchmarks"),
    ("audit72_gold.json", "benchmarks"),
    ("audit73_gold.json", "benchmarks"),
    ("audit74_gold.json", "benchmarks"),
    ("audit75_gold.json", "benchmarks"),
    ("audit76_gold.json", "benchmarks"),
    ("audit77_gold.json", "benchmarks"),
    ("audit78_gold.json", "benchmarks"),
    ("audit79_gold.json", "benchmarks"),
    ("audit80_gold.json", "benchmarks"),
    ("audit81_gold.json", "benchmarks"),
    ("audit82_gold.json", "benchmarks"),
    ("audit83_gold.json", "benchmarks"),
    ("audit84_gold.json", "benchmarks"),
    ("audit85_gold.json", "benchmarks"),
    ("audit86_gold.json", "benchmarks"),
    ("audit87_gold.json", "benchmarks"),
    ("audit88_gold.json", "benchmarks"),
    ("audit89_gold.json", "benchmarks"),
    ("audit90_gold.json", "benchmarks"),
    ("audit91_gold.json", "benchmarks"),
    ("audit92_gold.json", "benchmarks"),
    ("audit93_gold.json", "benchmarks"),
    ("audit94_gold.json", "benchmarks"),
    ("audit95_gold.json", "benchmarks"),
    ("audit96_gold.json", "benchmarks"),
    ("audit97_gold.json", "benchmarks"),
    ("audit98_gold.json", "benchmarks"),
    ("audit99_gold.json", "benchmarks"),
    ("audit100_gold.json", "benchmarks"),
    ("audit101_gold.json", "benchmarks"),
    ("audit102_gold.json", "benchmarks"),
    ("audit103_gold.json", "benchmarks"),
    ("audit104_gold.json", "benchmarks"),
    ("audit105_gold.json", "benchmarks"),
    ("audit106_gold.json", "benchmarks"),
    ("audit107_gold.json", "benchmarks"),
    ("audit108_gold.json", "benchmarks"),
    ("audit109_gold.json", "benchmarks"),
    ("audit110_gold.json", "benchmarks"),
    ("audit111_gold.json", "benchmarks"),
    ("audit112_gold.json", "benchmarks"),
    ("audit113_gold.json", "benchmarks"),
    ("audit114_gold.json", "benchmarks"),
    ("audit115_gold.json", "benchmarks"),
    ("audit116_gold.json", "benchmarks"),
    ("audit117_gold.json", "benchmarks"),
    ("audit118_gold.json", "benchmarks"),
    ("audit119_gold.json", "benchmarks"),
    ("audit120_gold.json", "benchmarks"),
    ("audit121_gold.json", "benchmarks"),
    ("audit122_gold.json", "benchmarks"),
    ("audit123_gold.json", "benchmarks"),
    ("audit124_gold.json", "benchmarks"),
    ("audit125_gold.json", "benchmarks"),
    ("audit126_gold.json", "benchmarks"),
    ("audit127_gold.json", "benchmarks"),
    ("audit128_gold.json", "benchmarks"),
    ("audit129_gold.json", "benchmarks"),
    ("audit130_gold.json", "benchmarks"),
    ("audit131_gold.json", "benchmarks"),
    ("audit132_gold.json", "benchmarks"),
    ("audit133_gold.json", "benchmarks"),
    ("audit134_gold.json", "benchmarks"),
    ("audit135_gold.json", "benchmarks"),
    ("audit136_gold.json", "benchmarks"),
    ("audit137_gold.json", "benchmarks"),
    ("audit138_gold.json", "benchmarks"),
    ("audit139_gold.json", "benchmarks"),
    ("audit140_gold.json", "benchmarks"),
    ("audit141_gold.json", "benchmarks"),
    ("audit142_gold.json", "benchmarks"),
    ("audit143_gold.json", "benchmarks"),
    ("audit144_gold.json", "benchmarks"),
)


def gold_paths(shared: Path) -> list[Path]:
    """The paths of every gold file in ``GOLD_FILES`` (``shared`` is the ``../shared`` folder)."""
    return [(shared / "eval" if where == "shared" else BENCHMARKS) / name for name, where in GOLD_FILES]


def article_corpus(doc_id: str) -> str:
    """``saudinewsnet``, ``ant`` or ``seed`` (the Al Jazeera seed article), from a gold ``doc`` id."""
    head = doc_id.split("/", 1)[0]
    return {"snn": "saudinewsnet", "ant": "ant"}.get(head, "seed")


def split_key(salt: str, doc_id: str) -> str:
    """The article's place in the split order: sha256 of salt, NUL, doc id (hex)."""
    return hashlib.sha256(f"{salt}\0{doc_id}".encode("utf-8")).hexdigest()


def make_split(
    files: Sequence[tuple[str, Sequence[Mapping[str, Any]]]],
    test_files: Iterable[str],
    salt: str,
    every: int = 4,
) -> dict[str, str]:
    """doc id -> "dev" or "test", by the procedure that ``split.json`` records.

    Articles of files not in ``test_files`` are all "dev". In each file of
    ``test_files``, the articles are ordered by (corpus, annotator, outlet,
    ``split_key``) and the article at position i (from 0) is "dev" when
    ``i % every == every - 1``, else "test": each file, corpus, annotator and
    outlet goes about (every - 1) / every to the test part.
    """
    test_files, parts = set(test_files), {}
    for name, golds in files:
        ordered = sorted(
            golds,
            key=lambda g: (article_corpus(g["doc"]), g.get("annotator") or "", g.get("source") or "",
                           split_key(salt, g["doc"])),
        )
        for i, gold in enumerate(ordered):
            if gold["doc"] in parts:
                raise ValueError(f"{gold['doc']} is in two gold files")
            test = name in test_files and i % every != every - 1
            parts[gold["doc"]] = "test" if test else "dev"
    return parts


def ids_digest(ids: Iterable[str]) -> str:
    """sha256 of the sorted ids joined by newlines: a fingerprint of a part."""
    return hashlib.sha256("\n".join(sorted(ids)).encode("utf-8")).hexdigest()


def load_split(path: Path = SPLIT_FILE) -> dict[str, str]:
    """doc id -> "dev" or "test", as written in ``split.json`` (which is never regenerated)."""
    return dict(json.loads(Path(path).read_text(encoding="utf-8"))["articles"])


def part_of(doc_id: str, split: Mapping[str, str]) -> str:
    return split.get(doc_id, UNSPLIT)


# --- bootstrap intervals over articles ---------------------------------------------------


def ratio(numerator: float, denominator: float) -> float:
    return numerator / denominator if denominator else 0.0


def harmonic(a: float, b: float) -> float:
    return 2 * a * b / (a + b) if a + b else 0.0


def _prf_measures(prefix: str, hit: str) -> dict[str, Callable[[Mapping[str, float]], float]]:
    return {
        f"{prefix}precision": lambda c: ratio(c[hit], c["pred"]),
        f"{prefix}recall": lambda c: ratio(c[hit], c["gold"]),
        f"{prefix}f1": lambda c: harmonic(ratio(c[hit], c["pred"]), ratio(c[hit], c["gold"])),
    }


# Micro measures computed from summed per-article counts (keys of ``quote_counts``).
QUOTE_MEASURES: dict[str, Callable[[Mapping[str, float]], float]] = {
    **_prf_measures("detection_", "matched"),
    "speaker_accuracy": lambda c: ratio(c["speaker_ok"], c["matched"]),
    "type_accuracy": lambda c: ratio(c["type_ok"], c["matched"]),
    "cue_accuracy": lambda c: ratio(c["cue_ok"], c["matched"]),
    **_prf_measures("end_to_end_", "speaker_ok"),
    # of the matched quotes whose gold speaker has a name, the share given as that name
    "named_speaker_share": lambda c: ratio(c["named_ok"], c["named_gold"]),
}
QUOTE_COUNTS = ("pred", "gold", "matched", "speaker_ok", "type_ok", "cue_ok", "named_gold", "named_ok")

# Keys of ``score_stances``' per-document rows: pred, gold, matched.
STANCE_MEASURES: dict[str, Callable[[Mapping[str, float]], float]] = _prf_measures("", "matched")
STANCE_COUNTS = ("pred", "gold", "matched")


def quote_counts(summary: Mapping[str, Any]) -> dict[str, int]:
    """The counts of one ``score_quotes`` summary (a per-document row or the overall one)."""
    return {
        "pred": summary["n_pred"], "gold": summary["n_gold"], "matched": summary["matched"],
        "speaker_ok": summary["speaker_ok"], "type_ok": summary["type_ok"], "cue_ok": summary["cue_ok"],
        "named_gold": summary.get("named_gold", 0), "named_ok": summary.get("named_ok", 0),
    }


def bootstrap(
    rows: Sequence[Mapping[str, float]],
    measures: Mapping[str, Callable[[Mapping[str, float]], float]],
    resamples: int = 1000,
    seed: int = 14,
    level: float = 0.95,
) -> dict[str, dict[str, Any]]:
    """Point estimate and percentile bootstrap interval of each measure, resampling articles.

    ``rows`` holds one dict of counts per article (same keys in each). Each
    resample draws len(rows) articles with replacement, sums their counts and
    recomputes every measure from the sums (micro averaging), so the interval
    reflects how much the score depends on which articles were annotated.
    Returns ``{name: {"value", "low", "high"}}``; with no rows, all None.
    """
    import numpy as np

    if not rows:
        return {name: {"value": None, "low": None, "high": None} for name in measures}
    keys = sorted(rows[0])
    matrix = np.array([[row[k] for k in keys] for row in rows], dtype=np.int64)
    point = dict(zip(keys, matrix.sum(axis=0).tolist()))
    rng = np.random.default_rng(seed)
    picks = rng.integers(0, len(rows), size=(resamples, len(rows)))
    sums = [dict(zip(keys, total)) for total in matrix[picks].sum(axis=1).tolist()]
    tail = (1 - level) / 2
    result = {}
    for name, measure in measures.items():
        values = sorted(measure(total) for total in sums)
        low = values[max(0, math.floor(tail * resamples))]
        high = values[min(resamples - 1, math.ceil((1 - tail) * resamples) - 1)]
        result[name] = {"value": measure(point), "low": low, "high": high}
    return result


def part_report(
    per_doc: Mapping[str, Mapping[str, Any]],
    docs: Iterable[str],
    measures: Mapping[str, Callable[[Mapping[str, float]], float]],
    counts: Callable[[Mapping[str, Any]], Mapping[str, float]],
    **bootstrap_options: Any,
) -> dict[str, Any]:
    """Articles, summed counts and bootstrapped measures of the per-document rows of ``docs``."""
    rows, totals = _summed_counts(per_doc, docs, counts)
    return {"articles": len(rows), "counts": totals, "measures": bootstrap(rows, measures, **bootstrap_options)}


def _summed_counts(per_doc, docs, counts) -> tuple[list[dict], dict]:
    """The count rows of ``docs``, and their column sums."""
    rows = [dict(counts(per_doc[doc])) for doc in docs]
    return rows, {key: sum(row[key] for row in rows) for key in (rows[0] if rows else {})}


def point_measures(
    per_doc: Mapping[str, Mapping[str, Any]],
    docs: Iterable[str],
    measures: Mapping[str, Callable[[Mapping[str, float]], float]],
    counts: Callable[[Mapping[str, Any]], Mapping[str, float]],
) -> dict[str, Any]:
    """As ``part_report`` without intervals (for the per-file breakdown)."""
    rows, totals = _summed_counts(per_doc, docs, counts)
    return {"articles": len(rows), "counts": totals,
            "measures": {name: measure(totals) if rows else None for name, measure in measures.items()}}


def interval_text(measure: Mapping[str, Any]) -> str:
    """``0.843 [0.801, 0.880]`` (or ``-`` when there is nothing to score)."""
    if measure["value"] is None:
        return "-"
    return f"{measure['value']:.3f} [{measure['low']:.3f}, {measure['high']:.3f}]"


# --- recording results ----------------------------------------------------------------------


def run_record() -> dict[str, Any]:
    """When and on what code a benchmark ran: date, git commit, uncommitted changes under src/."""
    import datetime
    import platform
    import subprocess

    root = BENCHMARKS.parent

    def git(*args: str) -> str:
        try:
            return subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, check=True).stdout.rstrip("\n")
        except (OSError, subprocess.CalledProcessError):
            return ""

    return {
        "date": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
        "git_commit": git("rev-parse", "HEAD"),
        "uncommitted_src_changes": git("status", "--porcelain", "--", "src").splitlines(),
        "python": platform.python_version(),
    }


def write_results(path: Path, record: Mapping[str, Any]) -> None:
    """``record`` as indented JSON at ``path``, written to a temporary file and renamed."""
    path = Path(path)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(record, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    tmp.replace(path)
