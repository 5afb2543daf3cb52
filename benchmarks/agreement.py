"""How far two blind annotators of the same articles agree, and where the system stands between them.

    .venv/bin/python benchmarks/agreement.py            # the default pairs below; writes agreement_results.json
    .venv/bin/python benchmarks/agreement.py --pair benchmarks/audit27_gold.json benchmarks/audit27_second.json

Each pair is a gold file (annotator A, the one the benchmarks score against) and a second, independent
annotation of the same articles (annotator B, who saw neither A's work nor any system output). The
second annotation is scored against the first with the rules of ``scoring.py`` (``ANNOTATION.md``):

- quotes: detection (the content overlap rule), speaker accuracy on matched quotes, end to end;
- stances: a match needs the polarity, a speaker string and a target string to match.

Annotator B's speaker and target are lists of acceptable strings, like A's; a pair agrees on the
speaker when one of B's strings matches A's list (the scorer's rule for one predicted string). The
system (clean -> default tagger -> quotes -> stances, as ``quotes.py`` and ``stance.py`` run it) is
scored against A and against B on the same articles. Human agreement is the ceiling a target
should be read against: a system that agrees with A as well as B does is as good as a second
annotator. Articles of a pair are matched by ``doc`` id; one missing on either side is left out.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any, Callable, Optional

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "src"))

from benchmarks.scoring import (  # noqa: E402
    _quote_score, cue_matches, greedy_pairs, prf, string_matches, target_matches,
)

BENCHMARKS = ROOT / "benchmarks"
DEFAULT_PAIRS = (("audit27_gold.json", "audit27_second.json"), ("audit28_gold.json", "audit28_second.json"))
RESULTS = BENCHMARKS / "agreement_results.json"


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    return [v for v in value or [] if isinstance(v, str) and v]


def speakers_agree(pred: list[str], gold: list[str]) -> bool:
    """One of the predicted speaker strings matches the gold list (the scorer's rule, per string)."""
    return any(string_matches(s, gold) for s in pred)


def quote_counts(preds: list[dict], golds: list[dict]) -> dict[str, int]:
    """Detection and speaker counts of one article: predicted quotes against gold ones."""
    pairs = greedy_pairs(preds, golds, _quote_score)
    speaker_ok = sum(speakers_agree(_strings(preds[p]["speaker"]), _strings(golds[g]["speaker"])) for p, g in pairs)
    cue_ok = sum(cue_matches(preds[p].get("cue") or "", golds[g].get("cue") or "") for p, g in pairs)
    return {"pred": len(preds), "gold": len(golds), "matched": len(pairs), "speaker_ok": speaker_ok, "cue_ok": cue_ok}


def stance_agrees(pred: dict, gold: dict) -> bool:
    return pred.get("polarity") == gold.get("polarity") \
        and speakers_agree(_strings(pred.get("speaker")), _strings(gold.get("speaker"))) \
        and any(target_matches(t, _strings(gold.get("target"))) for t in _strings(pred.get("target")))


def stance_counts(preds: list[dict], golds: list[dict]) -> dict[str, int]:
    pairs = greedy_pairs(preds, golds, lambda p, g: 1.0 if stance_agrees(p, g) else 0.0)
    return {"pred": len(preds), "gold": len(golds), "matched": len(pairs)}


def measures(quotes: dict[str, int], stances: dict[str, int]) -> dict[str, float]:
    detection = prf(quotes["matched"], quotes["pred"], quotes["gold"])
    end_to_end = prf(quotes["speaker_ok"], quotes["pred"], quotes["gold"])
    return {
        "detection_p": detection["precision"], "detection_r": detection["recall"], "detection_f1": detection["f1"],
        "speaker_accuracy": quotes["speaker_ok"] / quotes["matched"] if quotes["matched"] else 0.0,
        "e2e_f1": end_to_end["f1"],
        "stance_f1": prf(stances["matched"], stances["pred"], stances["gold"])["f1"],
        "quotes_a": quotes["gold"], "quotes_b": quotes["pred"], "stances_a": stances["gold"], "stances_b": stances["pred"],
    }


def compare(first: list[dict], second: list[dict]) -> dict[str, float]:
    """``second`` (as predictions, speakers and targets as lists) against ``first`` (as gold)."""
    by_doc = {doc["doc"]: doc for doc in second}
    quotes = {"pred": 0, "gold": 0, "matched": 0, "speaker_ok": 0, "cue_ok": 0}
    stances = {"pred": 0, "gold": 0, "matched": 0}
    for gold in first:
        pred = by_doc.get(gold["doc"])
        if pred is None:
            continue
        for key, value in quote_counts(pred.get("quotes", []), gold.get("quotes", [])).items():
            quotes[key] += value
        for key, value in stance_counts(pred.get("stances", []), gold.get("stances", [])).items():
            stances[key] += value
    return measures(quotes, stances)


def system_annotation(golds: list[dict]) -> list[dict]:
    """The system's quotes and stances of each article, in the annotation format."""
    from benchmarks.quotes import analyse, mention_extractor
    from qawl.stance import extract_stances

    extract_mentions = mention_extractor(True)
    out = []
    for gold in golds:
        doc, quotes = analyse(gold["text"], gold["doc"], extract_mentions)
        mentions = extract_mentions(doc) if extract_mentions else []
        stances = extract_stances(doc, quotes, mentions)
        out.append({
            "doc": gold["doc"],
            "quotes": [{"type": q.type, "cue": q.cue.text, "content": q.content.text,
                        "speaker": [s for s in ((q.speaker.text if q.speaker else ""), q.speaker_canonical) if s]}
                       for q in quotes],
            "stances": [{"speaker": [s.speaker], "target": [s.target], "polarity": s.polarity}
                        for s in stances if s.polarity in ("favor", "against")],
        })
    return out


def load(path: Path) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))


def shared_docs(first: list[dict], second: list[dict]) -> tuple[list[dict], list[dict]]:
    """The articles both annotations hold, in the first's order."""
    ids = {doc["doc"] for doc in first} & {doc["doc"] for doc in second}
    return [d for d in first if d["doc"] in ids], [d for d in second if d["doc"] in ids]


def report(rows: dict[str, dict[str, float]], out: Callable[[str], None] = print) -> None:
    out(f"{'comparison':34} {'det P':>6} {'det R':>6} {'det F1':>6} {'speaker':>7} {'e2e F1':>6} {'stance F1':>9}")
    for name, row in rows.items():
        out(f"{name:34} {row['detection_p']:6.3f} {row['detection_r']:6.3f} {row['detection_f1']:6.3f} "
            f"{row['speaker_accuracy']:7.3f} {row['e2e_f1']:6.3f} {row['stance_f1']:9.3f}")


def main(argv: Optional[list[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pair", nargs=2, action="append", metavar=("FIRST", "SECOND"),
                        help="a gold file and a second annotation of its articles (repeatable); "
                             "default: " + ", ".join(f"{a} + {b}" for a, b in DEFAULT_PAIRS))
    parser.add_argument("--out", type=Path, default=None, help=f"results JSON (default {RESULTS.name} for the default pairs)")
    args = parser.parse_args(argv)
    pairs = [(Path(a), Path(b)) for a, b in args.pair] if args.pair else \
        [(BENCHMARKS / a, BENCHMARKS / b) for a, b in DEFAULT_PAIRS]
    for path in (p for pair in pairs for p in pair):
        if not path.is_file():
            parser.error(f"annotation file not found: {path}")
    first, second = [], []
    for a, b in pairs:
        docs_a, docs_b = shared_docs(load(a), load(b))
        first += docs_a
        second += docs_b
    system = system_annotation(first)
    rows = {
        "annotator B against A": compare(first, second),
        "annotator A against B": compare(second, first),
        "system against A (the gold)": compare(first, system),
        "system against B": compare(second, system),
    }
    print(f"{len(first)} articles annotated twice ({', '.join(b.name for _, b in pairs)})")
    report(rows)
    out = args.out or (RESULTS if not args.pair else None)
    if out is not None:
        result = {"pairs": [[a.name, b.name] for a, b in pairs], "articles": len(first), "results": rows}
        tmp = out.with_suffix(".tmp")
        tmp.write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        tmp.replace(out)  # atomic: a rerun never leaves half a file
        print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
