"""Stance benchmark: P/R/F1 as ``../shared/eval/ANNOTATION.md`` defines it.

Two modes on every gold document:

- ``e2e``: clean -> entities -> quotes -> stances (entities and quotes when
  their modules import; without entities the stage runs with no mentions);
- ``oracle``: the gold quotes (and gold entity mentions) located in the
  cleaned text, so stance errors are seen apart from quote errors.

Usage::

    .venv/bin/python benchmarks/stance.py                  # seed + dev gold, both modes
    .venv/bin/python benchmarks/stance.py --gold FILE --mode oracle --errors 50
    .venv/bin/python benchmarks/stance.py --no-entities    # without any entity mentions
"""
from __future__ import annotations

import argparse
import json
import logging
import os
import re
import sys
import time
from pathlib import Path
from typing import Optional

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from scoring import score_stances  # noqa: E402

from qawl.clean import clean_article, match_form  # noqa: E402
from qawl.schema import Article, Document, Mention, Quote, make_span  # noqa: E402
from qawl.stance import extract_stances, load_lexicon  # noqa: E402

logger = logging.getLogger("benchmarks.stance")

SHARED = Path(os.environ.get("QAWL_SHARED", ROOT.parent / "shared"))
DEFAULT_GOLD = [SHARED / "eval" / "seed_gold.json", SHARED / "eval" / "dev_gold.json"]
SEEDS = ROOT / "seeds"
SKIPPED_CHARS_RE = re.compile("[\u064b-\u065f\u0670\u0640]")  # diacritics and tatweel
ANONYMOUS_RE = re.compile(r"^(?:ال)?مصادر|^(?:ال)?مصدر|^مسؤول(?:ون)? ")
MEDIA_RE = re.compile(r"وكالة|صحيفة|قناة|وسائل إعلام|تلفزيون|التليفزيون|إذاعة|موقع")
ORGANISATION_RE = re.compile(r"^(?:ال)?(?:هيئة|رئاسة|وزارة|مجلس|الاتحاد|اتحاد|جيش|حزب|شركة|صندوق|منظمة|المرصد|حكومة|الحكومة)|^واشنطن|^دمشق")


# --- locating gold strings in the cleaned text ------------------------------------


def _normalised(text: str) -> tuple[str, list[int]]:
    """Text in matching form with space runs collapsed, and each character's offset in ``text``."""
    chars, offsets = [], []
    for offset, char in enumerate(text):
        if SKIPPED_CHARS_RE.match(char):
            continue
        if char.isspace():
            if chars and chars[-1] == " ":
                continue
            char = " "
        chars.append(match_form(char) or char)
        offsets.append(offset)
    return "".join(chars), offsets


def _needle(text: str) -> str:
    return _normalised(text.strip())[0]


def find_all(text: str, needle: str) -> list[tuple[int, int]]:
    """Every ``(start, end)`` of ``needle`` in ``text``, compared in matching form."""
    haystack, offsets = _normalised(text)
    key = _needle(needle)
    spans, at = [], haystack.find(key) if key else -1
    while at >= 0:
        end = offsets[at + len(key) - 1] + 1
        spans.append((offsets[at], end))
        at = haystack.find(key, at + 1)
    return spans


def _nearest(spans: list[tuple[int, int]], anchor: int, before: bool = True) -> Optional[tuple[int, int]]:
    if not spans:
        return None
    preferred = [s for s in spans if (s[1] <= anchor if before else s[0] >= anchor)]
    return min(preferred or spans, key=lambda s: abs((s[1] if before else s[0]) - anchor))


def speaker_kind(names: list[str]) -> str:
    name = names[0] if names else ""
    if ANONYMOUS_RE.search(name):
        return "anonymous"
    if MEDIA_RE.search(name):
        return "media"
    if ORGANISATION_RE.search(name):
        return "organisation"
    return "person" if name else "unknown"


def oracle_quotes(doc: Document, gold: dict) -> list[Quote]:
    """Gold quotes as ``Quote`` records located in the cleaned text (unlocatable ones dropped)."""
    text, quotes = doc.text, []
    for item in gold.get("quotes", []):
        content = find_all(text, item["content"])
        if not content:
            logger.warning("%s: gold content not found: %.50s", gold["doc"], item["content"])
            continue
        start, end = content[0]
        cue = _nearest(find_all(text, item["cue"]), start, before=True) if item.get("cue") else None
        if cue is None or start - cue[1] > 400:
            cue = _nearest(find_all(text, item.get("cue") or ":"), end, before=False) or (start, start)
        speaker_span = None
        for name in item.get("speaker", []):
            found = _nearest(find_all(text, name), cue[0], before=True)
            if found and abs(found[0] - cue[0]) < 400:
                speaker_span = make_span(text, *found)
                break
        names = item.get("speaker", [])
        quotes.append(Quote(
            type=item.get("type", "indirect"),
            cue=make_span(text, *cue),
            content=make_span(text, start, end),
            speaker=speaker_span,
            speaker_canonical=names[0] if names else "",
            speaker_kind=speaker_kind(names),
            speaker_is_pronoun=bool(item.get("speaker_is_pronoun")),
            block_role=doc.block_role(start),
        ))
    return quotes


def oracle_mentions(doc: Document, gold: dict) -> list[Mention]:
    """Every occurrence of every gold entity string, canonical = the group's fullest form."""
    mentions, taken = [], set()
    for label, groups in gold.get("entities", {}).items():
        for group in groups:
            for name in sorted(group, key=len, reverse=True):
                for start, end in find_all(doc.text, name):
                    if start > 0 and doc.text[start - 1].isalpha() and not (
                            start > 1 and doc.text[start - 1] in "وفبل" and not doc.text[start - 2].isalpha()):
                        continue
                    if any(s <= start < e for s, e in taken):
                        continue
                    taken.add((start, end))
                    mentions.append(Mention(start, end, doc.text[start:end], label, group[0]))
    return sorted(mentions, key=lambda m: m.start)


# --- end to end -------------------------------------------------------------------


def pipeline_quotes(doc: Document, use_entities: bool = True) -> tuple[list[Mention], list[Quote], str]:
    """Mentions and quotes from the project's own stages, with a note of what ran."""
    note = []
    if not use_entities:
        mentions = []
        note.append("no entities (--no-entities)")
    else:
        try:
            from qawl.entities import extract_mentions

            mentions = extract_mentions(doc)
            note.append("entities")
        except ImportError as error:
            mentions = []
            note.append(f"no entities ({error})")
    from qawl.quotes import extract_quotes

    return mentions, extract_quotes(doc, mentions), ", ".join(note)


# --- running ------------------------------------------------------------------------


def load_gold(paths: list[Path]) -> list[dict]:
    docs = []
    for path in paths:
        docs += json.loads(Path(path).read_text(encoding="utf-8"))
    return docs


def raw_text(gold: dict) -> str:
    if gold.get("text"):
        return gold["text"]
    return (SEEDS / Path(gold["doc"]).name).read_text(encoding="utf-8")


def stance_dicts(stances) -> list[dict]:
    return [{"speaker": s.speaker, "target": s.target, "polarity": s.polarity, "quote": s.quote,
             "evidence": " | ".join(s.evidence)} for s in stances]


def run_mode(mode: str, golds: list[dict], lexicon, use_entities: bool = True) -> Optional[dict]:
    predictions, notes = {}, set()
    for gold in golds:
        doc = clean_article(Article(gold["doc"], raw_text=raw_text(gold), origin="gold"))
        if mode == "oracle":
            mentions = oracle_mentions(doc, gold) if use_entities else []
            quotes = oracle_quotes(doc, gold)
        else:
            try:
                mentions, quotes, note = pipeline_quotes(doc, use_entities)
            except ImportError as error:
                print(f"[{mode}] skipped: the quotes stage is not importable ({error})")
                return None
            notes.add(note)
        predictions[gold["doc"]] = stance_dicts(extract_stances(doc, quotes, mentions, lexicon=lexicon))
    result = score_stances(predictions, golds)
    result["notes"] = sorted(notes)
    return result


def report(mode: str, result: dict, max_errors: int) -> None:
    overall = result["overall"]
    print(f"\n== stances, {mode} ==" + (f"  ({'; '.join(result['notes'])})" if result["notes"] else ""))
    print(f"{'doc':<52} {'pred':>4} {'gold':>4} {'ok':>3} {'P':>5} {'R':>5} {'F1':>5}")
    for doc, row in result["per_doc"].items():
        print(f"{doc[:52]:<52} {row['pred']:>4} {row['gold']:>4} {row['matched']:>3} "
              f"{row['precision']:>5.2f} {row['recall']:>5.2f} {row['f1']:>5.2f}")
    print(f"{'ALL':<52} {overall['pred']:>4} {overall['gold']:>4} {overall['matched']:>3} "
          f"{overall['precision']:>5.2f} {overall['recall']:>5.2f} {overall['f1']:>5.2f}")
    for kind in ("missed", "spurious"):
        errors = result["errors"][kind]
        print(f"-- {kind} ({len(errors)})")
        for error in errors[:max_errors]:
            item = error.get("gold") or error.get("pred")
            speaker = item["speaker"][0] if isinstance(item["speaker"], list) else item["speaker"]
            target = " / ".join(item["target"]) if isinstance(item["target"], list) else item["target"]
            extra = f"  [q{item['quote']}: {item['evidence']}]" if "evidence" in item else ""
            print(f"   {error['doc'][:28]:<28} {item['polarity']:<7} {speaker} -> {target}{extra}")


def main(argv: Optional[list[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--gold", action="append", type=Path, help="gold JSON file (repeatable)")
    parser.add_argument("--mode", choices=("both", "e2e", "oracle"), default="both")
    parser.add_argument("--lexicon", help="extra term,polarity file merged with ours")
    parser.add_argument("--no-entities", action="store_true",
                        help="no entity mentions (neither qawl.entities in e2e nor gold ones in oracle)")
    parser.add_argument("--errors", type=int, default=40, help="error cases shown per list")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.ERROR)
    paths = args.gold or DEFAULT_GOLD
    missing = [p for p in paths if not Path(p).exists()]
    if missing:
        print(f"gold file(s) not found: {', '.join(map(str, missing))} (set QAWL_SHARED)")
        return 2
    golds = load_gold(paths)
    lexicon = load_lexicon(args.lexicon)
    modes = ("e2e", "oracle") if args.mode == "both" else (args.mode,)
    for mode in modes:
        started = time.perf_counter()
        result = run_mode(mode, golds, lexicon, use_entities=not args.no_entities)
        if result is not None:
            report(mode, result, args.errors)
            print(f"({len(golds)} documents, {time.perf_counter() - started:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
