"""Over time: stance per period, quote dates and quotes per article per day and outlet.
"""
from __future__ import annotations

import pandas as pd

from qawl.aggregates.rows import check_quote_grouping, outlets, quote_groups, string_column, text_column
from qawl.aggregates.sql import _query, connect
from qawl.schema import POLARITIES
from qawl.tables import PathLike


def stance_over_time(run_dir: PathLike, freq: str = "W") -> pd.DataFrame:
    """``stance_over_time_of`` over the run's stances.

    Counts per (date as written, polarity) come from DuckDB; the dates are
    then parsed and binned as the pandas version does, on that small frame.
    """
    if freq not in ("D", "W", "M"):
        raise ValueError(f"freq must be 'D', 'W' or 'M', not {freq!r}")
    columns = ["period", *POLARITIES, "total", "net"]
    with connect(run_dir, "stances") as con:
        counts = _query(con, """
            SELECT coalesce(date, '') AS date, polarity, count(*) AS n
            FROM stances WHERE polarity IS NOT NULL GROUP BY ALL""")
    dates = pd.to_datetime(counts["date"], errors="coerce", format="%Y-%m-%d")
    dated = counts.assign(_date=dates)[dates.notna()]
    if dated.empty:
        return pd.DataFrame(columns=columns)
    period = dated["_date"].dt.to_period(freq).dt.start_time.rename("period")
    table = (dated.groupby([period, dated["polarity"]])["n"].sum().unstack(fill_value=0)
             .reindex(columns=list(POLARITIES), fill_value=0).astype(int))
    table.columns.name = None
    table["total"] = table[list(POLARITIES)].sum(axis=1)
    table["net"] = table["favor"] - table["against"]
    return table.reset_index()[columns]


def quote_dates(run_dir: PathLike, by: str = "type") -> pd.DataFrame:
    """``quote_dates_of`` over the run's quotes: input of ``qawl.viz.quotes_over_time``."""
    check_quote_grouping(by)
    group = "qawl_type_line(type)" if by == "type" else "qawl_outlet(source)"  # as ``quote_groups``
    with connect(run_dir, "quotes") as con:
        table = _query(con, f"""
            SELECT qawl_label(date) AS date, {group} AS "{by}", count(*) AS quotes
            FROM quotes GROUP BY ALL ORDER BY min(row_pos)""")
    return table[["date", by, "quotes"]]


QUOTE_RATE_COLUMNS = ["date", "source", "articles", "quotes"]


def quote_rates(run_dir: PathLike) -> pd.DataFrame:
    """``quote_rates_of`` over the run: input of ``qawl.viz.quotes_per_article``."""
    with connect(run_dir, "documents", "quotes") as con:
        table = _query(con, """
            WITH per_doc AS (SELECT doc_id, count(*) AS n FROM quotes GROUP BY doc_id)
            SELECT qawl_label(d.date) AS date, qawl_outlet(d.source) AS source, count(*) AS articles,
                   coalesce(sum(p.n), 0)::BIGINT AS quotes
            FROM documents d LEFT JOIN per_doc p USING (doc_id)
            GROUP BY ALL ORDER BY min(d.row_pos)""")
    return table[QUOTE_RATE_COLUMNS].astype({"articles": int, "quotes": int})


def stance_over_time_of(stances: pd.DataFrame, freq: str = "W") -> pd.DataFrame:
    """Stance counts per day ("D"), week ("W") or month ("M"); undated stances are left out.

    Columns: period (start date), favor, against, neutral, total, net.
    """
    if freq not in ("D", "W", "M"):
        raise ValueError(f"freq must be 'D', 'W' or 'M', not {freq!r}")
    columns = ["period", *POLARITIES, "total", "net"]
    dates = pd.to_datetime(string_column(stances, "date"), errors="coerce", format="%Y-%m-%d") \
        if not stances.empty else pd.Series([], dtype="datetime64[ns]")
    dated = stances.assign(_date=dates)[dates.notna()] if not stances.empty else stances
    if dated.empty:
        return pd.DataFrame(columns=columns)
    period = dated["_date"].dt.to_period(freq).dt.start_time.rename("period")
    counts = pd.crosstab(period, dated["polarity"]).reindex(columns=list(POLARITIES), fill_value=0)
    counts.columns.name = None
    counts["total"] = counts[list(POLARITIES)].sum(axis=1)
    counts["net"] = counts["favor"] - counts["against"]
    return counts.reset_index()[columns]


def quote_dates_of(quotes: pd.DataFrame, by: str = "type") -> pd.DataFrame:
    """Quotes per (date as written, type or outlet), in order of first quote.

    The input of ``qawl.viz.quotes_over_time`` (``quote_dates`` over a run);
    columns: date, <by>, quotes.
    """
    frame = pd.DataFrame({"date": text_column(quotes, "date"), by: quote_groups(quotes, by)})
    counts = frame.groupby(["date", by], sort=False).size().rename("quotes").reset_index()
    return counts.astype({"quotes": int})


def quote_rates_of(documents: pd.DataFrame, quotes: pd.DataFrame) -> pd.DataFrame:
    """Articles and their quotes per (date as written, outlet), in order of first article.

    Columns: date, source, articles, quotes (articles without a quote count, with 0 quotes).
    """
    per_doc = quotes.groupby("doc_id").size() if len(quotes) else pd.Series(dtype=int)
    frame = pd.DataFrame({"date": text_column(documents, "date"), "source": outlets(documents),
                          "quotes": documents["doc_id"].map(per_doc).fillna(0).astype(int) if len(documents) else []})
    table = frame.groupby(["date", "source"], sort=False).agg(articles=("quotes", "size"), quotes=("quotes", "sum"))
    return table.reset_index()[QUOTE_RATE_COLUMNS].astype({"articles": int, "quotes": int})


def outlet_quote_rates(rates: pd.DataFrame) -> pd.Series:
    """Quotes per article of each outlet with articles, over ``quote_rates``."""
    per_outlet = rates.groupby("source")[["articles", "quotes"]].sum()
    per_outlet = per_outlet[per_outlet["articles"] > 0]
    return per_outlet["quotes"] / per_outlet["articles"]
