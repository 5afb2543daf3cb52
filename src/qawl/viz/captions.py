"""Captions: definitions the figures share and the measured quality of the stage behind a figure.
"""
from __future__ import annotations

from pathlib import Path
from typing import Optional

from matplotlib.figure import Figure

from qawl.schema import QUOTE_TYPES
from qawl.stance.params import MIN_CONFIDENCE
from qawl.tables import PathLike

DEFINITIONS = {
    "direct": "direct: the speaker's words in quotation marks",
    "indirect": "indirect: reported speech after a cue such as قال إن or أكد أن",
    "mixed": "mixed: a paraphrase that quotes some of the speaker's words in quotation marks",
    "leaning": "leaning = (favor − against) ÷ all stances of the pair, from −1 (all against) to +1 (all in favour)",
    "stance": "a stance is a quote's position (favor, against or neutral) towards a person, body or "
              "country it names, decided from its cue, evaluative words and negation; stances of confidence "
              f"under the run's stance_min_confidence (by default {MIN_CONFIDENCE}) are left out",
}
QUOTE_TYPE_DEFINITIONS = "; ".join(DEFINITIONS[t] for t in QUOTE_TYPES) + "."

# the held-out ("test") part of each benchmark, and what to read from it: (file, path to the part, measures)
QUALITY_SOURCES = {
    "quotes": ("quotes_results.json", ("parts", "test"),
               [("detection_f1", "quote detection F1"), ("type_accuracy", "quote type accuracy")]),
    "speakers": ("quotes_results.json", ("parts", "test"),
                 [("speaker_accuracy", "speaker accuracy"), ("detection_f1", "quote detection F1")]),
    "actors": ("actors_results.json", ("aliases", "test"), [("f1", "speaker merge F1")]),
    "roles": ("actors_results.json", ("roles", "test"), [("accuracy", "speaker role accuracy")]),
    "stance": ("stance_results.json", ("modes", "e2e", "parts", "test"), [("f1", "stance F1")]),
}
STAGE_QUALITY = {"speakers": ["speakers", "actors"], "quotes": ["quotes"], "roles": ["roles", "quotes"],
                 "stance": ["stance"]}


def benchmarks_dir() -> Path:
    """The project's ``benchmarks/`` folder (beside ``src/`` in a checkout)."""
    return Path(__file__).resolve().parents[3] / "benchmarks"


def _measure_value(measure) -> Optional[float]:
    value = measure.get("value") if isinstance(measure, dict) else measure
    return float(value) if isinstance(value, (int, float)) else None


def measured_quality(source: str, folder: Optional[PathLike] = None) -> list[str]:
    """The held-out scores of one benchmark (``QUALITY_SOURCES``), as "quote detection F1 0.84"; [] when not measured."""
    import json

    file_name, path, measures = QUALITY_SOURCES[source]
    try:
        part = json.loads((Path(folder or benchmarks_dir()) / file_name).read_text(encoding="utf-8"))
        for key in path:
            part = part[key]
    except (OSError, ValueError, KeyError, TypeError):
        return []
    found = part.get("measures", part)
    scores = []
    for key, name in measures:
        value = _measure_value(found.get(key)) if isinstance(found, dict) else None
        if value is not None:
            scores.append(f"{name} {value:.2f}")
    return scores


def quality_note(stage: str, folder: Optional[PathLike] = None) -> str:
    """One sentence on the measured quality of the stage behind a figure, on held-out news."""
    if not stage:
        return ""
    scores = [score for source in STAGE_QUALITY.get(stage, [stage]) if source in QUALITY_SOURCES
              for score in measured_quality(source, folder)]
    scores = list(dict.fromkeys(scores))
    if not scores:
        return f"Quality of the {stage} stage: not measured (no benchmark results in benchmarks/)."
    return ("Measured quality on held-out annotated news (benchmarks/, test part): "
            + ", ".join(scores) + ".")


def figure_caption(fig: Figure, folder: Optional[PathLike] = None) -> str:
    """The figure's caption followed by the measured quality of the stage behind it."""
    parts = [getattr(fig, "caption", ""), quality_note(getattr(fig, "stage", ""), folder)]
    return " ".join(p for p in parts if p)
