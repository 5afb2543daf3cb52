"""Actor roles (``qawl.actors``): voice, outlets and stance by the speaker's role.
"""
from __future__ import annotations

import duckdb
import numpy as np
import pandas as pd

from qawl.actors import ROLES
from qawl.aggregates.rows import UNATTRIBUTED, outlets, speaker_keys, string_column, text_column
from qawl.aggregates.sql import _has_column, _polarity_counts_sql, _query, connect
from qawl.schema import POLARITIES
from qawl.tables import PathLike

NO_ROLE = "unknown"  # quotes of a run without an alias table
ROLE_VOICE_COLUMNS = ["role", "n_quotes", "share", "speakers", "share_direct"]
OUTLET_ROLE_COLUMNS = ["source", "role", "n_quotes", "share"]
STANCE_ROLE_COLUMNS = ["role", *POLARITIES, "total"]


def quote_roles(quotes: pd.DataFrame) -> pd.Series:
    """Each quote's speaker role: its actor's role (``qawl.actors.merge_quotes``),
    ``UNATTRIBUTED`` without a speaker, ``NO_ROLE`` when the table has no roles."""
    if "speaker_role" not in quotes.columns:
        roles = pd.Series(NO_ROLE, index=quotes.index, dtype=object)
    else:
        roles = text_column(quotes, "speaker_role").replace("", "other")
    return roles.where(speaker_keys(quotes) != UNATTRIBUTED, UNATTRIBUTED)


def _role_order(table: pd.DataFrame, column: str = "role") -> pd.Series:
    order = {role: i for i, role in enumerate([*ROLES, NO_ROLE, UNATTRIBUTED])}
    return table[column].map(order).fillna(len(order))


def _role_sql(con: duckdb.DuckDBPyConnection, table: str = "quotes") -> str:
    """The SQL of ``quote_roles`` (``stance_roles`` for stances)."""
    if not _has_column(con, table, "speaker_role"):
        role = f"'{NO_ROLE}'"
    else:
        role = "coalesce(nullif(trim(speaker_role), ''), 'other')"
    if table == "quotes":
        return f"CASE WHEN qawl_speaker_key(speaker_canonical, speaker) = '{UNATTRIBUTED}' " \
               f"THEN '{UNATTRIBUTED}' ELSE {role} END"
    return role


def voice_by_role_of(quotes: pd.DataFrame) -> pd.DataFrame:
    """Quotes per speaker role: count, share, distinct speakers and share of direct quotes.

    Columns: role, n_quotes, share, speakers, share_direct (in the order of ``qawl.actors.ROLES``).
    """
    if quotes.empty:
        return pd.DataFrame(columns=ROLE_VOICE_COLUMNS)
    frame = pd.DataFrame({"role": quote_roles(quotes), "speaker": speaker_keys(quotes),
                          "direct": (string_column(quotes, "type") == "direct").astype(int)})
    table = frame.groupby("role").agg(n_quotes=("speaker", "size"), speakers=("speaker", "nunique"),
                                      share_direct=("direct", "mean")).reset_index()
    table["share"] = table["n_quotes"] / table["n_quotes"].sum()
    table = table.iloc[np.argsort(_role_order(table).to_numpy(), kind="stable")]
    return table[ROLE_VOICE_COLUMNS].reset_index(drop=True)


def voice_by_role(run_dir: PathLike) -> pd.DataFrame:
    """``voice_by_role_of`` over the run's quotes."""
    with connect(run_dir, "quotes") as con:
        table = _query(con, f"""
            SELECT {_role_sql(con)} AS role, count(*) AS n_quotes,
                   count(DISTINCT qawl_speaker_key(speaker_canonical, speaker)) AS speakers,
                   avg(CASE WHEN type = 'direct' THEN 1 ELSE 0 END) AS share_direct
            FROM quotes GROUP BY 1""")
    if table.empty:
        return pd.DataFrame(columns=ROLE_VOICE_COLUMNS)
    table["share"] = table["n_quotes"] / table["n_quotes"].sum()
    table = table.iloc[np.argsort(_role_order(table).to_numpy(), kind="stable")]
    return table[ROLE_VOICE_COLUMNS].reset_index(drop=True)


def outlet_roles_of(quotes: pd.DataFrame) -> pd.DataFrame:
    """Per outlet, quotes by speaker role and their share of the outlet's quotes
    (e.g. how much each outlet quotes officials, opposition, experts, citizens).

    Columns: source, role, n_quotes, share (outlets by name, roles in ``ROLES`` order).
    """
    if quotes.empty:
        return pd.DataFrame(columns=OUTLET_ROLE_COLUMNS)
    frame = pd.DataFrame({"source": outlets(quotes), "role": quote_roles(quotes)})
    table = frame.groupby(["source", "role"]).size().rename("n_quotes").reset_index()
    return _outlet_shares(table)


def _outlet_shares(table: pd.DataFrame) -> pd.DataFrame:
    table["share"] = table["n_quotes"] / table.groupby("source")["n_quotes"].transform("sum")
    table = table.assign(_order=_role_order(table)).sort_values(["source", "_order"], kind="stable")
    return table[OUTLET_ROLE_COLUMNS].reset_index(drop=True)


def outlet_roles(run_dir: PathLike) -> pd.DataFrame:
    """``outlet_roles_of`` over the run's quotes."""
    with connect(run_dir, "quotes") as con:
        table = _query(con, f"""
            SELECT qawl_outlet(source) AS source, {_role_sql(con)} AS role, count(*) AS n_quotes
            FROM quotes GROUP BY ALL""")
    if table.empty:
        return pd.DataFrame(columns=OUTLET_ROLE_COLUMNS)
    return _outlet_shares(table)


def stance_by_role_of(stances: pd.DataFrame) -> pd.DataFrame:
    """Stances by the role of their speaker (``qawl.actors.merge_stances``), by polarity."""
    rows = stances.assign(speaker=text_column(stances, "speaker"), target=text_column(stances, "target"),
                          polarity=text_column(stances, "polarity"))
    rows = rows[(rows["speaker"] != "") & (rows["target"] != "") & rows["polarity"].isin(POLARITIES)]
    if rows.empty:
        return pd.DataFrame(columns=STANCE_ROLE_COLUMNS)
    role = (text_column(rows, "speaker_role").replace("", "other") if "speaker_role" in rows.columns
            else pd.Series(NO_ROLE, index=rows.index))
    counts = pd.crosstab(role.rename("role"), rows["polarity"]).reindex(columns=list(POLARITIES), fill_value=0)
    counts.columns.name = None
    counts["total"] = counts[list(POLARITIES)].sum(axis=1)
    counts = counts.reset_index()
    counts = counts.iloc[np.argsort(_role_order(counts).to_numpy(), kind="stable")]
    return counts[STANCE_ROLE_COLUMNS].reset_index(drop=True)


def stance_by_role(run_dir: PathLike) -> pd.DataFrame:
    """``stance_by_role_of`` over the run's stances."""
    with connect(run_dir, "stances") as con:
        table = _query(con, f"""
            SELECT {_role_sql(con, "stances")} AS role, {_polarity_counts_sql()}, count(*) AS total
            FROM stances
            WHERE coalesce(trim(speaker), '') <> '' AND coalesce(trim(target), '') <> ''
              AND list_contains($1, polarity)
            GROUP BY 1""", [list(POLARITIES)])
    if table.empty:
        return pd.DataFrame(columns=STANCE_ROLE_COLUMNS)
    table = table.iloc[np.argsort(_role_order(table).to_numpy(), kind="stable")]
    return table[STANCE_ROLE_COLUMNS].reset_index(drop=True)
