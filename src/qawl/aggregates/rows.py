"""The per-row rules, in one place each: text columns, outlets, speaker names, keys and kinds,
source types, words, quote lines and cue lemmas (the figures use them too).
"""
from __future__ import annotations

import pandas as pd

from qawl.actors import generic_label
from qawl.schema import QUOTE_TYPES, SPEAKER_KINDS

UNKNOWN_SOURCE = "(unknown)"
UNKNOWN_OUTLET = "(unknown outlet)"
UNATTRIBUTED = "(no speaker)"
NOBODY = generic_label("none")  # the actor label of a speaker phrase that names nobody (حوالي، له)
SOURCE_TYPES = {
    "person": "named official/person",
    "organisation": "named official/person",
    "anonymous": "anonymous source",
    "media": "agency or media",
    "unknown": "other",
}


def string_column(frame: pd.DataFrame, name: str) -> pd.Series:
    """A text column as strings ("" for missing values or a missing column)."""
    if name not in frame.columns:
        return pd.Series("", index=frame.index, dtype=object)
    return frame[name].fillna("").astype(str)


def text_column(frame: pd.DataFrame, name: str) -> pd.Series:
    """A column as clean strings; "" where missing (tables may hold None/NaN)."""
    return string_column(frame, name).str.strip()


def outlets(frame: pd.DataFrame) -> pd.Series:
    """Each row's outlet: its source, ``UNKNOWN_OUTLET`` where it has none."""
    return text_column(frame, "source").replace("", UNKNOWN_OUTLET)


def speaker_names(quotes: pd.DataFrame) -> pd.Series:
    """The name to show for each quote's speaker: canonical form, else surface form; none ("") where
    the actor stage found that the speaker phrase names nobody."""
    canonical = text_column(quotes, "speaker_canonical")
    surface = text_column(quotes, "speaker")
    return canonical.where(canonical != "", surface).where(canonical != NOBODY, "")


def speaker_keys(quotes: pd.DataFrame) -> pd.Series:
    """Who said it: the canonical speaker, else the speaker's words, else ``UNATTRIBUTED``."""
    return speaker_names(quotes).replace("", UNATTRIBUTED)


def content_words(quotes: pd.DataFrame) -> pd.Series:
    """Length of each quote in words."""
    return string_column(quotes, "content").str.split().str.len().fillna(0).astype(int)


def source_types(quotes: pd.DataFrame) -> pd.Series:
    """Each quote's source type (``SOURCE_TYPES`` of its speaker kind, else "other")."""
    return string_column(quotes, "speaker_kind").map(SOURCE_TYPES).fillna("other")


def speaker_kinds(quotes: pd.DataFrame) -> pd.Series:
    """Each quote's speaker kind, "unknown" where it is not one of ``SPEAKER_KINDS``."""
    return text_column(quotes, "speaker_kind").where(lambda k: k.isin(SPEAKER_KINDS), "unknown")


def check_quote_grouping(by: str) -> None:
    """Quotes over time are grouped by "type" or "source"; anything else is an error."""
    if by not in ("type", "source"):
        raise ValueError(f"by must be 'type' or 'source', not {by!r}")


def quote_groups(quotes: pd.DataFrame, by: str = "type") -> pd.Series:
    """Each quote's line in ``qawl.viz.quotes_over_time``: its type ("mixed" if unknown) or its outlet."""
    check_quote_grouping(by)
    if by == "type":
        return text_column(quotes, "type").where(lambda t: t.isin(QUOTE_TYPES), "mixed")
    return outlets(quotes)


def cue_lemmas(quotes: pd.DataFrame) -> pd.Series:
    """Each quote's cue lemma, or its cue as written when it has no lemma."""
    return quotes["cue_lemma"].where(quotes["cue_lemma"].astype(bool), quotes["cue"])
