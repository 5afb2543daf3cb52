"""Who speaks: share of voice, directness, the attribution table and the speakers' voices,
over a run's tables (DuckDB) and over in-memory tables (the ``*_of`` functions).
"""
from __future__ import annotations

import pandas as pd

from qawl.aggregates.rows import (
    UNATTRIBUTED, content_words, outlets, source_types, speaker_keys, speaker_kinds, speaker_names,
    string_column,
)
from qawl.aggregates.sql import _query, _type_counts_sql, connect
from qawl.schema import QUOTE_TYPES
from qawl.tables import PathLike

VOICE_COLUMNS = ["speaker", "speaker_kind", "quotes"]

SHARE_OF_VOICE_COLUMNS = ["speaker", "source_type", "n_quotes", "share", "words", "mean_words"]


def share_of_voice(run_dir: PathLike) -> pd.DataFrame:
    """``share_of_voice_of`` over the run's quotes."""
    with connect(run_dir, "quotes") as con:
        table = _query(con, """
            WITH kinds AS (
                SELECT qawl_speaker_key(speaker_canonical, speaker) AS speaker,
                       qawl_source_type(speaker_kind) AS source_type,
                       count(*) AS n, sum(qawl_words(content)) AS words, min(row_pos) AS first
                FROM quotes GROUP BY ALL),
            speakers AS (
                SELECT speaker, source_type,
                       sum(n) OVER by_speaker AS n_quotes, sum(words) OVER by_speaker AS words,
                       -- a speaker's type is the one most of its quotes were given
                       row_number() OVER (PARTITION BY speaker ORDER BY n DESC, first) AS rank
                FROM kinds WINDOW by_speaker AS (PARTITION BY speaker))
            SELECT speaker, source_type, n_quotes::BIGINT AS n_quotes,
                   n_quotes::DOUBLE / sum(n_quotes) OVER () AS share, words::BIGINT AS words,
                   words::DOUBLE / n_quotes AS mean_words
            FROM speakers WHERE rank = 1 ORDER BY n_quotes DESC, speaker""")
    if table.empty:
        return pd.DataFrame(columns=SHARE_OF_VOICE_COLUMNS)
    return table[SHARE_OF_VOICE_COLUMNS]


def directness(run_dir: PathLike, by: str = "speaker") -> pd.DataFrame:
    """``directness_of`` over the run's quotes, per speaker or per outlet (``by="source"``)."""
    if by not in ("speaker", "source"):
        raise ValueError(f"by must be 'speaker' or 'source', not {by!r}")
    types = list(QUOTE_TYPES)
    columns = [by, *types, "total", *[f"share_{t}" for t in types]]
    key = "qawl_speaker_key(speaker_canonical, speaker)" if by == "speaker" else "qawl_outlet(source)"
    with connect(run_dir, "quotes") as con:
        counts = _query(con, f"SELECT {key} AS {by}, {_type_counts_sql()} FROM quotes GROUP BY 1")
    if counts.empty:
        return pd.DataFrame(columns=columns)
    counts["total"] = counts[types].sum(axis=1)
    for t in types:
        counts[f"share_{t}"] = counts[t] / counts["total"]
    counts = counts.sort_values(["total", by], ascending=[False, True])[columns].reset_index(drop=True)
    counts.columns.name = "type"  # as the pandas version's crosstab leaves it
    return counts


ATTRIBUTION_COLUMNS = ["source", "speaker", "speaker_kind", "n_quotes", "n_direct", "n_indirect", "n_mixed",
                       "words", "n_favor", "n_against"]


def _join_stance_votes(table: pd.DataFrame, votes: pd.DataFrame) -> pd.DataFrame:
    """Favor/against counts joined to the quote rows: a speaker's stances go to the row
    of its most quoted kind in that outlet."""
    main_kind = (table.sort_values("n_quotes", ascending=False)
                 .drop_duplicates(["source", "speaker"])[["source", "speaker", "speaker_kind"]])
    votes = votes.merge(main_kind, on=["source", "speaker"], how="left")
    votes["speaker_kind"] = votes["speaker_kind"].fillna("unknown")
    return table.merge(votes, on=["source", "speaker", "speaker_kind"], how="outer")


def attribution_table(run_dir: PathLike) -> pd.DataFrame:
    """``attribution_table_of`` over the run's quotes and stances.

    DuckDB counts quotes per (outlet, speaker, kind) and stances per (outlet,
    speaker), each in key order as pandas' groupby gives them; the two are then
    joined as the pandas version joins them (the same sorts, so the same ties).
    """
    counts = ATTRIBUTION_COLUMNS[3:]
    with connect(run_dir, "quotes", "stances") as con:
        quoted = _query(con, f"""
            SELECT qawl_outlet(source) AS source, qawl_speaker_key(speaker_canonical, speaker) AS speaker,
                   coalesce(nullif(speaker_kind, ''), 'unknown') AS speaker_kind,
                   count(*) AS n_quotes, {_type_counts_sql("n_")}, sum(qawl_words(content))::BIGINT AS words
            FROM quotes GROUP BY ALL ORDER BY source, speaker, speaker_kind""")
        votes = _query(con, """
            SELECT qawl_outlet(source) AS source, coalesce(nullif(speaker, ''), $1) AS speaker,
                   count(*) FILTER (WHERE polarity = 'favor') AS n_favor,
                   count(*) FILTER (WHERE polarity = 'against') AS n_against
            FROM stances GROUP BY ALL ORDER BY source, speaker""", [UNATTRIBUTED])
    table = quoted if not quoted.empty else pd.DataFrame(columns=ATTRIBUTION_COLUMNS[:8])
    if not votes.empty:
        table = _join_stance_votes(table, votes)
    table = table.reindex(columns=ATTRIBUTION_COLUMNS)
    table[counts] = table[counts].fillna(0).astype(int)
    if table.empty:
        return pd.DataFrame(columns=ATTRIBUTION_COLUMNS).astype({c: int for c in counts})
    table = table.sort_values(["source", "n_quotes", "speaker"], ascending=[True, False, True])
    return table.reset_index(drop=True)


def speaker_voices(run_dir: PathLike) -> pd.DataFrame:
    """``speaker_voices_of`` over the run's quotes: input of ``qawl.viz.share_of_voice_figure``."""
    with connect(run_dir, "quotes") as con:
        table = _query(con, """
            WITH kinds AS (
                SELECT qawl_speaker_name(speaker_canonical, speaker) AS speaker,
                       qawl_speaker_kind(speaker_kind) AS speaker_kind, count(*) AS n, min(row_pos) AS first
                FROM quotes GROUP BY ALL),
            speakers AS (
                SELECT speaker, speaker_kind, sum(n) OVER by_speaker AS quotes, min(first) OVER by_speaker AS first,
                       row_number() OVER (PARTITION BY speaker ORDER BY n DESC, first) AS rank
                FROM kinds WINDOW by_speaker AS (PARTITION BY speaker))
            SELECT speaker, speaker_kind, quotes::BIGINT AS quotes FROM speakers WHERE rank = 1
            ORDER BY quotes DESC, first""")
    return table[VOICE_COLUMNS]


def share_of_voice_of(quotes: pd.DataFrame) -> pd.DataFrame:
    """Who is quoted, how often and at what length, with the source type of each speaker.

    Columns: speaker, source_type, n_quotes, share, words, mean_words (most quoted first).
    """
    if quotes.empty:
        return pd.DataFrame(columns=SHARE_OF_VOICE_COLUMNS)
    frame = pd.DataFrame({
        "speaker": speaker_keys(quotes),
        "source_type": source_types(quotes),
        "words": content_words(quotes),
    })
    # a speaker's type is the one most of its quotes were given
    kind = frame.groupby("speaker")["source_type"].agg(lambda s: s.value_counts().index[0])
    table = frame.groupby("speaker").agg(n_quotes=("words", "size"), words=("words", "sum"))
    table["source_type"] = kind
    table["share"] = table["n_quotes"] / table["n_quotes"].sum()
    table["mean_words"] = table["words"] / table["n_quotes"]
    table = table.reset_index().sort_values(["n_quotes", "speaker"], ascending=[False, True])
    return table[SHARE_OF_VOICE_COLUMNS].reset_index(drop=True)


def directness_of(quotes: pd.DataFrame, by: str = "speaker") -> pd.DataFrame:
    """Direct, indirect and mixed quotes per speaker (``by="speaker"``) or outlet (``"source"``).

    Columns: <by>, direct, indirect, mixed, total, share_direct, share_indirect, share_mixed.
    """
    if by not in ("speaker", "source"):
        raise ValueError(f"by must be 'speaker' or 'source', not {by!r}")
    types = list(QUOTE_TYPES)
    columns = [by, *types, "total", *[f"share_{t}" for t in types]]
    if quotes.empty:
        return pd.DataFrame(columns=columns)
    keys = speaker_keys(quotes) if by == "speaker" else outlets(quotes)
    counts = pd.crosstab(keys.rename(by), string_column(quotes, "type").rename("type"))
    counts = counts.reindex(columns=types, fill_value=0)
    counts["total"] = counts[types].sum(axis=1)
    for t in types:
        counts[f"share_{t}"] = counts[t] / counts["total"]
    counts = counts.reset_index().sort_values(["total", by], ascending=[False, True])
    return counts[columns].reset_index(drop=True)


def attribution_table_of(quotes: pd.DataFrame, stances: pd.DataFrame) -> pd.DataFrame:
    """One row per (outlet, speaker, speaker kind): quotes by type, words, favor/against stances.

    Stances count for the speaker and outlet they carry; a speaker with stances
    but no quotes (a narrated act) gets a row with ``n_quotes == 0``.
    """
    columns = ATTRIBUTION_COLUMNS
    parts = []
    if not quotes.empty:
        frame = pd.DataFrame({
            "source": outlets(quotes), "speaker": speaker_keys(quotes),
            "speaker_kind": string_column(quotes, "speaker_kind").replace("", "unknown"),
            "type": string_column(quotes, "type"), "words": content_words(quotes),
        })
        for t in QUOTE_TYPES:
            frame[f"n_{t}"] = (frame["type"] == t).astype(int)
        parts.append(frame.groupby(["source", "speaker", "speaker_kind"]).agg(
            n_quotes=("words", "size"), n_direct=("n_direct", "sum"), n_indirect=("n_indirect", "sum"),
            n_mixed=("n_mixed", "sum"), words=("words", "sum")).reset_index())
    table = parts[0] if parts else pd.DataFrame(columns=columns[:8])
    if not stances.empty:
        votes = pd.DataFrame({
            "source": outlets(stances), "speaker": string_column(stances, "speaker").replace("", UNATTRIBUTED),
            "n_favor": (string_column(stances, "polarity") == "favor").astype(int),
            "n_against": (string_column(stances, "polarity") == "against").astype(int),
        }).groupby(["source", "speaker"]).sum().reset_index()
        table = _join_stance_votes(table, votes)
    table = table.reindex(columns=columns)
    counts = columns[3:]
    table[counts] = table[counts].fillna(0).astype(int)
    if table.empty:
        return pd.DataFrame(columns=columns).astype({c: int for c in counts})
    table = table.sort_values(["source", "n_quotes", "speaker"], ascending=[True, False, True])
    return table.reset_index(drop=True)


def speaker_voices_of(quotes: pd.DataFrame) -> pd.DataFrame:
    """Quotes per speaker name ("" for quotes without a speaker) and the kind most of them carry.

    Most quoted first, ties in order of first quote; the input of
    ``qawl.viz.share_of_voice_figure`` (``speaker_voices`` over a run).
    """
    if quotes.empty:
        return pd.DataFrame(columns=VOICE_COLUMNS).astype({"quotes": int})
    frame = pd.DataFrame({"speaker": speaker_names(quotes), "speaker_kind": speaker_kinds(quotes)})
    counts = frame["speaker"].value_counts()
    # a speaker's kind is the one most of its quotes were given
    kind_of = frame.groupby("speaker")["speaker_kind"].agg(lambda k: k.value_counts().index[0])
    return pd.DataFrame({"speaker": counts.index.to_numpy(), "speaker_kind": kind_of[counts.index].to_numpy(),
                         "quotes": counts.to_numpy()})


def attributed_quotes(shares: pd.DataFrame) -> int:
    """Quotes with a speaker, over ``share_of_voice``."""
    return int(shares.loc[shares["speaker"] != UNATTRIBUTED, "n_quotes"].sum())


def type_totals(directness: pd.DataFrame) -> dict[str, int]:
    """Quotes of each type over ``directness`` (by speaker or by outlet)."""
    return {t: int(directness[t].sum()) for t in QUOTE_TYPES}
