"""Stance counts: speaker × target polarity counts and the stance pairs of the figures.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from qawl.aggregates.rows import string_column, text_column
from qawl.aggregates.sql import _has_column, _polarity_counts_sql, _query, connect
from qawl.schema import POLARITIES
from qawl.tables import PathLike

STANCE_PAIR_COLUMNS = ["speaker", "target", *POLARITIES, "total"]

SPEAKER_TARGET_COLUMNS = ["speaker", "target", *POLARITIES, "total", "net"]

STANCE_RANKING_COLUMNS = ["speaker", "target", "stances", "articles", "mean_confidence", "example"]


def speaker_target_table(run_dir: PathLike) -> pd.DataFrame:
    """``speaker_target_table_of`` over the run's stances."""
    with connect(run_dir, "stances") as con:
        table = _query(con, f"""
            SELECT coalesce(speaker, '') AS speaker, coalesce(target, '') AS target,
                   {_polarity_counts_sql("coalesce(polarity, '')")}
            FROM stances GROUP BY ALL""")
    if table.empty:
        return pd.DataFrame(columns=SPEAKER_TARGET_COLUMNS)
    table["total"] = table[list(POLARITIES)].sum(axis=1)
    table = _with_net(table).sort_values(["total", "speaker", "target"], ascending=[False, True, True])
    return table[SPEAKER_TARGET_COLUMNS].reset_index(drop=True)


def stance_pairs(run_dir: PathLike, actors_only: bool = False) -> pd.DataFrame:
    """``stance_pairs_of`` over the run's stances: input of ``qawl.viz.stance_heatmap`` and ``stance_network``."""
    with connect(run_dir, "stances") as con:
        kept = "WHERE target_kind = 'actor'" if actors_only and _has_column(con, "stances", "target_kind") else ""
        table = _query(con, f"""
            WITH clean AS (
                SELECT qawl_label(speaker) AS speaker, qawl_label(target) AS target,
                       qawl_label(polarity) AS polarity, row_pos FROM stances {kept})
            SELECT speaker, target, {_polarity_counts_sql()}, count(*) AS total
            FROM clean WHERE speaker <> '' AND target <> '' AND list_contains($1, polarity)
            GROUP BY ALL ORDER BY min(row_pos)""", [list(POLARITIES)])
    return table[STANCE_PAIR_COLUMNS]


def stance_ranking(run_dir: PathLike, polarity: str = "against", min_stances: int = 2,
                   min_confidence: float = 0.0, top_n: int = 20) -> pd.DataFrame:
    """Who is against (or for) whom: named actors against named actors, ranked by stances.

    One row per (speaker, target) pair of the run's stances of ``polarity`` whose target is an
    actor (``target_kind`` actor; speakers and targets merged into actors by the alias table) and
    neither end is unnamed, with at least ``min_stances`` stances of confidence
    ``min_confidence`` or more: how many stances, in how many articles, their mean confidence,
    and the sentence of the most confident one as an example to read.
    """
    if polarity not in POLARITIES:
        raise ValueError(f"polarity must be one of {', '.join(POLARITIES)}, got {polarity!r}")
    with connect(run_dir, "stances") as con:
        table = _query(con, """
            WITH s AS (
                SELECT qawl_label(speaker) AS speaker, qawl_label(target) AS target, doc_id,
                       coalesce(confidence, 0.0) AS confidence, coalesce(sentence, '') AS sentence
                FROM stances
                WHERE polarity = $1 AND target_kind = 'actor' AND coalesce(confidence, 0.0) >= $2)
            SELECT speaker, target, count(*) AS stances, count(DISTINCT doc_id) AS articles,
                   round(avg(confidence), 2) AS mean_confidence, arg_max(sentence, confidence) AS example
            FROM s
            WHERE speaker <> '' AND target <> '' AND speaker <> target
              AND NOT starts_with(speaker, '(') AND NOT starts_with(target, '(')
            GROUP BY speaker, target HAVING count(*) >= $3
            ORDER BY stances DESC, articles DESC, speaker, target
            LIMIT $4""", [polarity, float(min_confidence), int(min_stances), int(top_n)])
    return table.reindex(columns=STANCE_RANKING_COLUMNS).reset_index(drop=True)


def _with_net(counts: pd.DataFrame) -> pd.DataFrame:
    """``counts`` with ``net``: favor minus against (the leaning of the figures too)."""
    counts["net"] = counts["favor"] - counts["against"]
    return counts


def pair_counts(pairs: pd.DataFrame) -> pd.DataFrame:
    """Stance pairs (``stance_pairs``, or a selection of them) summed per (speaker, target), in name
    order: favor, against, neutral, total, net. What the heatmap and the network draw."""
    return _with_net(pairs.groupby(["speaker", "target"])[[*POLARITIES, "total"]].sum().astype(int))


def polarity_totals(pairs: pd.DataFrame) -> dict[str, int]:
    """Stances of each polarity over ``stance_pairs`` (or a selection of them)."""
    return {p: int(pairs[p].sum()) for p in POLARITIES}


def target_totals(pairs: pd.DataFrame) -> pd.Series:
    """Stances per target over ``stance_pairs``, most first."""
    return pairs.groupby("target")["total"].sum().sort_values(ascending=False)


def _polarity_counts(frame: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    counts = pd.crosstab([frame[k] for k in keys], frame["polarity"])
    counts = counts.reindex(columns=list(POLARITIES), fill_value=0)
    counts.columns.name = None
    return counts


def speaker_target_table_of(stances: pd.DataFrame) -> pd.DataFrame:
    """Speaker -> target with favor/against/neutral counts, total and net (favor - against)."""
    if stances.empty:
        return pd.DataFrame(columns=SPEAKER_TARGET_COLUMNS)
    frame = pd.DataFrame({"speaker": string_column(stances, "speaker"), "target": string_column(stances, "target"),
                          "polarity": string_column(stances, "polarity")})
    counts = _polarity_counts(frame, ["speaker", "target"])
    counts["total"] = counts[list(POLARITIES)].sum(axis=1)
    counts = _with_net(counts).reset_index()
    counts = counts.sort_values(["total", "speaker", "target"], ascending=[False, True, True])
    return counts[SPEAKER_TARGET_COLUMNS].reset_index(drop=True)


def _stance_rows(stances: pd.DataFrame) -> pd.DataFrame:
    """One row per stance with clean speaker/target/polarity; rows lacking either end dropped."""
    frame = pd.DataFrame({
        "speaker": text_column(stances, "speaker"),
        "target": text_column(stances, "target"),
        "polarity": text_column(stances, "polarity"),
    })
    frame = frame[(frame["speaker"] != "") & (frame["target"] != "")]
    return frame[frame["polarity"].isin(POLARITIES)]


def stance_pairs_of(stances: pd.DataFrame, actors_only: bool = False) -> pd.DataFrame:
    """Stances per (speaker, target) by polarity, in order of each pair's first stance.

    The input of ``qawl.viz.stance_heatmap`` and ``stance_network``
    (``stance_pairs`` over a run); stances without a speaker, a target or a
    known polarity are left out, and with ``actors_only`` those whose target is an
    issue (``target_kind``), not an actor.
    """
    if actors_only and "target_kind" in stances.columns:
        stances = stances[stances["target_kind"] == "actor"]
    rows = _stance_rows(stances).reset_index(drop=True)
    if rows.empty:
        return pd.DataFrame(columns=STANCE_PAIR_COLUMNS).astype({c: int for c in STANCE_PAIR_COLUMNS[2:]})
    keys = [rows["speaker"], rows["target"]]
    counts = pd.crosstab(keys, rows["polarity"]).reindex(columns=list(POLARITIES), fill_value=0)
    counts.columns.name = None
    counts["total"] = counts[list(POLARITIES)].sum(axis=1)
    first = pd.Series(rows.index, index=rows.index).groupby(keys).min()
    counts = counts.iloc[np.argsort(first.reindex(counts.index).to_numpy(), kind="stable")]
    return counts.reset_index()[STANCE_PAIR_COLUMNS]
