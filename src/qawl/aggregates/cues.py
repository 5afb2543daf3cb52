"""Reporting cues: how often each cue lemma introduces a quote, with its forms and quote types.
"""
from __future__ import annotations

import pandas as pd

from qawl.aggregates.rows import cue_lemmas
from qawl.aggregates.sql import _query, connect
from qawl.tables import PathLike

CUE_COLUMNS = ["cue_lemma", "quotes", "forms", "direct", "indirect", "mixed"]
CUE_FORMS_SHOWN = 5
CUE_FORMS_SEPARATOR = "، "


def cue_frequencies(run_dir: PathLike, n: int = 20) -> pd.DataFrame:
    """``cue_frequencies_of`` over the run's quotes."""
    with connect(run_dir, "quotes") as con:
        con.execute("""
            CREATE TEMP TABLE cues AS
            SELECT qawl_cue_lemma(cue_lemma, cue) AS lemma, cue, type, row_pos FROM quotes""")
        types = [t for (t,) in con.execute(
            "SELECT DISTINCT type FROM cues WHERE type IS NOT NULL ORDER BY type").fetchall()]
        type_counts = "".join(f", count(*) FILTER (WHERE type = ${i + 1}) AS \"{i}\"" for i in range(len(types)))
        table = _query(con, f"""
            WITH lemmas AS (
                SELECT lemma, count(*) AS quotes {type_counts} FROM cues WHERE lemma IS NOT NULL GROUP BY lemma),
            forms AS (
                SELECT * FROM (
                    SELECT lemma, cue, count(*) AS n, min(row_pos) AS first
                    FROM cues WHERE cue IS NOT NULL AND lemma IS NOT NULL GROUP BY ALL)
                QUALIFY row_number() OVER (PARTITION BY lemma ORDER BY n DESC, first) <= {CUE_FORMS_SHOWN})
            SELECT lemmas.*,
                   coalesce(string_agg(cue, '{CUE_FORMS_SEPARATOR}' ORDER BY n DESC, first), '') AS forms
            FROM lemmas LEFT JOIN forms USING (lemma) GROUP BY ALL ORDER BY lemma""", types)
    if table.empty:
        return pd.DataFrame(columns=CUE_COLUMNS)
    table = table.rename(columns={"lemma": "cue_lemma", **{str(i): t for i, t in enumerate(types)}})
    # one row per lemma in name order, as groupby gives it; then the same
    # (unstable) sort as the pandas version, so that ties come out the same
    table = table.sort_values("quotes", ascending=False).head(n).reset_index(drop=True)
    table = table[["cue_lemma", "quotes", "forms", *types]]
    for column in ("direct", "indirect", "mixed"):
        if column not in table:
            table[column] = 0
    return table


def cue_frequencies_of(quotes: pd.DataFrame, n: int = 20) -> pd.DataFrame:
    """The most frequent cues by lemma, with their forms and quote types."""
    if quotes.empty:
        return pd.DataFrame(columns=CUE_COLUMNS)
    frame = quotes.assign(cue_lemma=cue_lemmas(quotes))
    table = (frame.groupby("cue_lemma")
             .agg(quotes=("cue", "size"),
                  forms=("cue", lambda s: CUE_FORMS_SEPARATOR.join(s.value_counts().index[:CUE_FORMS_SHOWN])))
             .join(pd.crosstab(frame["cue_lemma"], frame["type"]))
             .sort_values("quotes", ascending=False).head(n).reset_index())
    for column in ("direct", "indirect", "mixed"):
        if column not in table:
            table[column] = 0
    return table
