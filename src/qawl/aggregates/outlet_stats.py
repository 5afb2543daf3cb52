"""Outlets: how outlets quote the most quoted speakers, and articles and words per outlet.
"""
from __future__ import annotations

import pandas as pd

from qawl.aggregates.rows import (
    UNATTRIBUTED, UNKNOWN_SOURCE, content_words, outlets, speaker_keys, string_column,
)
from qawl.aggregates.sql import _query, connect
from qawl.tables import PathLike

SOURCE_STATISTICS_COLUMNS = ["source", "articles", "words", "duplicates_removed"]

OUTLET_COLUMNS = ["speaker", "source", "n_quotes", "share_direct", "mean_words", "n_outlets"]


def outlet_comparison(run_dir: PathLike, top_n: int = 10) -> pd.DataFrame:
    """``outlet_comparison_of`` over the run's quotes."""
    with connect(run_dir, "quotes") as con:
        table = _query(con, """
            WITH pairs AS (
                SELECT qawl_speaker_key(speaker_canonical, speaker) AS speaker, qawl_outlet(source) AS source,
                       count(*) AS n, count(*) FILTER (WHERE type = 'direct') AS direct,
                       sum(qawl_words(content)) AS words
                FROM quotes GROUP BY ALL),
            ranked AS (
                SELECT *, dense_rank() OVER (ORDER BY speaker_quotes DESC, speaker) AS rank
                FROM (SELECT *, sum(n) OVER (PARTITION BY speaker) AS speaker_quotes,
                             count(*) OVER (PARTITION BY speaker) AS n_outlets
                      FROM pairs WHERE speaker <> ?))
            SELECT speaker, source, n::BIGINT AS n_quotes, direct::DOUBLE / n AS share_direct,
                   words::DOUBLE / n AS mean_words, n_outlets::BIGINT AS n_outlets
            FROM ranked WHERE rank <= ? ORDER BY rank, n DESC, source""",
                       [UNATTRIBUTED, top_n])
    if table.empty:
        return pd.DataFrame(columns=OUTLET_COLUMNS)
    return table[OUTLET_COLUMNS]


def statistics_by_source(run_dir: PathLike) -> pd.DataFrame:
    """``statistics_by_source_of`` over the run's documents."""
    with connect(run_dir, "documents") as con:
        table = _query(con, """
            SELECT CASE WHEN source = '' THEN $1 ELSE source END AS source, count(*) AS articles,
                   sum(words)::BIGINT AS words, sum(duplicates_removed)::BIGINT AS duplicates_removed
            FROM documents WHERE source IS NOT NULL GROUP BY 1 ORDER BY source""",
                       [UNKNOWN_SOURCE])
    if table.empty:
        return pd.DataFrame(columns=SOURCE_STATISTICS_COLUMNS)
    # sorted by name as groupby gives it, then the same (unstable) sort: equal ties
    table = table.sort_values("articles", ascending=False).reset_index(drop=True)
    return table[SOURCE_STATISTICS_COLUMNS]


def outlet_comparison_of(quotes: pd.DataFrame, top_n: int = 10) -> pd.DataFrame:
    """How outlets quote the ``top_n`` most quoted speakers: count, direct share, words.

    Columns: speaker, source, n_quotes, share_direct, mean_words, n_outlets (of the speaker).
    """
    if quotes.empty:
        return pd.DataFrame(columns=OUTLET_COLUMNS)
    frame = pd.DataFrame({
        "speaker": speaker_keys(quotes), "source": outlets(quotes),
        "direct": (string_column(quotes, "type") == "direct").astype(int), "words": content_words(quotes),
    })
    frame = frame[frame["speaker"] != UNATTRIBUTED]
    if frame.empty:
        return pd.DataFrame(columns=OUTLET_COLUMNS)
    top = frame["speaker"].value_counts().sort_index().sort_values(ascending=False, kind="stable")
    frame = frame[frame["speaker"].isin(top.index[:top_n])]
    table = frame.groupby(["speaker", "source"]).agg(
        n_quotes=("words", "size"), share_direct=("direct", "mean"), mean_words=("words", "mean"))
    table = table.reset_index()
    table["n_outlets"] = table.groupby("speaker")["source"].transform("nunique")
    order = {speaker: rank for rank, speaker in enumerate(top.index)}
    table = table.sort_values(["speaker", "n_quotes"], key=lambda s: s.map(order) if s.name == "speaker" else -s)
    return table[OUTLET_COLUMNS].reset_index(drop=True)


def statistics_by_source_of(documents: pd.DataFrame) -> pd.DataFrame:
    """Per outlet: articles, words and duplicate paragraphs removed."""
    if documents.empty:
        return pd.DataFrame(columns=SOURCE_STATISTICS_COLUMNS)
    frame = documents.assign(source=documents["source"].replace("", UNKNOWN_SOURCE))
    return (frame.groupby("source")
            .agg(articles=("doc_id", "size"), words=("words", "sum"),
                 duplicates_removed=("duplicates_removed", "sum"))
            .sort_values("articles", ascending=False).reset_index())
