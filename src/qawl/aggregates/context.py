"""Quotes with their context, for reading (filters) and for coding by hand (samples, export).
"""
from __future__ import annotations

import logging
from pathlib import Path
from typing import Optional

import duckdb
import pandas as pd

from qawl.aggregates.roles import _role_sql
from qawl.aggregates.sql import _query, connect
from qawl.aggregates.voice import share_of_voice
from qawl.tables import PathLike

logger = logging.getLogger(__name__)

CONTEXT_COLUMNS = ["doc_id", "date", "source", "section", "title", "url", "speaker", "speaker_role", "type",
                   "cue", "content", "confidence", "sentence", "paragraph"]
CODER_COLUMNS = ["coder", "is_quote (y/n)", "speaker_correct (y/n)", "type_correct (y/n)", "note"]


def _context_select(con: duckdb.DuckDBPyConnection) -> str:
    """The SELECT list of ``CONTEXT_COLUMNS`` over the quotes view (blank for columns an older run lacks)."""
    have = set(con.execute("SELECT * FROM quotes LIMIT 0").df().columns)
    exprs = {"speaker": "qawl_speaker_key(speaker_canonical, speaker)"}
    return ", ".join(
        f"{exprs[name]} AS {name}" if name in exprs
        else f"coalesce({name}, '') AS {name}" if name in have and name != "confidence"
        else name if name in have else f"'' AS {name}"
        for name in CONTEXT_COLUMNS)


def quotes_where(run_dir: PathLike, speaker: Optional[str] = None, source: Optional[str] = None,
                 type: Optional[str] = None, start: Optional[str] = None, end: Optional[str] = None,
                 text: Optional[str] = None, role: Optional[str] = None, limit: Optional[int] = None) -> pd.DataFrame:
    """The run's quotes with their sentence, paragraph, title and URL, filtered.

    ``speaker`` matches part of the speaker's name (merged actor or as written, so "لافروف" finds
    "سيرغي لافروف"); ``source`` is the outlet, ``type`` direct/indirect/mixed, ``role`` the speaker's
    role; ``start`` and ``end`` are ISO dates (inclusive); ``text`` matches part of the content,
    cue or sentence. Columns: ``CONTEXT_COLUMNS``, in table order.
    """
    conditions, parameters = [], []
    with connect(run_dir, "quotes") as con:
        if speaker:
            conditions.append("(contains(qawl_speaker_key(speaker_canonical, speaker), ?) OR contains(coalesce(speaker, ''), ?))")
            parameters += [speaker.strip()] * 2
        if source:
            conditions.append("qawl_outlet(source) = ?")
            parameters.append(source)
        if type:
            conditions.append("type = ?")
            parameters.append(type)
        if role:
            conditions.append(f"{_role_sql(con)} = ?")
            parameters.append(role)
        _add_date_range(conditions, parameters, start, end)
        if text:
            sentence = "sentence" if "sentence" in con.execute("SELECT * FROM quotes LIMIT 0").df().columns else "content"
            conditions.append(f"(contains(content, ?) OR contains(cue, ?) OR contains(coalesce({sentence}, ''), ?))")
            parameters += [text] * 3
        where = f"WHERE {' AND '.join(conditions)}" if conditions else ""
        limit_sql = f"LIMIT {int(limit)}" if limit is not None else ""
        table = _query(con, f"SELECT {_context_select(con)} FROM quotes {where} ORDER BY row_pos {limit_sql}",
                       parameters)
    return table[CONTEXT_COLUMNS].reset_index(drop=True)


def _add_date_range(conditions: list, parameters: list, start, end, table: str = "") -> None:
    """SQL conditions for ISO dates from ``start`` to ``end`` inclusive (either may be empty)."""
    date = f"nullif({table}date, '')"
    if start:
        conditions.append(f"{date} >= ?")
        parameters.append(str(start))
    if end:
        conditions.append(f"{date} <= ?")
        parameters.append(str(end))


def article_choices(run_dir: PathLike, source: str = "", start: str = "", end: str = "",
                    limit: int = 300) -> pd.DataFrame:
    """The run's articles in an outlet and date range, most quotes first: doc_id, date, source,
    title, quotes."""
    conditions, parameters = [], []
    if source:
        conditions.append("qawl_outlet(d.source) = ?")
        parameters.append(source)
    _add_date_range(conditions, parameters, start, end, table="d.")
    where = f"WHERE {' AND '.join(conditions)}" if conditions else ""
    with connect(run_dir, "documents", "quotes") as con:
        return _query(con, f"""
            WITH per_doc AS (SELECT doc_id, count(*) AS n FROM quotes GROUP BY doc_id)
            SELECT d.doc_id, coalesce(d.date, '') AS date, qawl_outlet(d.source) AS source,
                   coalesce(d.title, '') AS title, coalesce(p.n, 0) AS quotes
            FROM documents d LEFT JOIN per_doc p USING (doc_id) {where}
            ORDER BY quotes DESC, d.row_pos LIMIT {int(limit)}""", parameters)


def mention_spans(run_dir: PathLike, doc_id: str) -> pd.DataFrame:
    """start, end and label of one article's entity mentions, in text order."""
    with connect(run_dir, "mentions") as con:
        return _query(con, "SELECT start, \"end\", label FROM mentions WHERE doc_id = ? ORDER BY row_pos",
                      [doc_id])


def quotes_by(run_dir: PathLike, speaker: Optional[str] = None, **filters) -> pd.DataFrame:
    """Every quote of ``speaker`` (part of a name: ``quotes_by(run, "لافروف")``) with its sentence,
    paragraph, title and URL; the most quoted named speaker when ``speaker`` is None.
    ``filters`` are those of ``quotes_where`` (source, type, start, end, text, role, limit)."""
    if speaker is None:
        named = share_of_voice(run_dir)
        named = named[~named["speaker"].str.startswith("(")]
        if named.empty:
            return pd.DataFrame(columns=CONTEXT_COLUMNS)
        speaker = str(named["speaker"].iloc[0])
    return quotes_where(run_dir, speaker=speaker, **filters)


def coding_sample(quotes: pd.DataFrame, n: int = 100, seed: int = 0) -> pd.DataFrame:
    """A seeded random sample of ``quotes`` (at most ``n``) with blank columns for a coder's verdict."""
    sample = quotes.sample(n=min(n, len(quotes)), random_state=seed) if len(quotes) else quotes.copy()
    sample = sample.reset_index().rename(columns={"index": "row"})
    for column in CODER_COLUMNS:
        sample[column] = ""
    return sample


def excel_available() -> bool:
    """Whether Excel files can be written (pandas needs openpyxl)."""
    import importlib.util

    return importlib.util.find_spec("openpyxl") is not None


def export_quotes(run_dir: PathLike, quotes: Optional[pd.DataFrame] = None, name: str = "quotes",
                  sample: int = 100, seed: int = 0) -> list[Path]:
    """Write ``quotes`` (default: every quote with its context) to ``<run_dir>/exports/``: ``<name>.csv``,
    ``<name>_sample.csv`` (a seeded random sample with blank coder columns, ``coding_sample``) and,
    when openpyxl is installed, ``<name>.xlsx`` with both as sheets. CSVs are UTF-8 with a BOM so that
    Excel reads the Arabic."""
    from qawl.tables import atomic_write_bytes

    quotes = quotes_where(run_dir) if quotes is None else quotes
    coded = coding_sample(quotes, n=sample, seed=seed)
    folder = Path(run_dir) / "exports"
    written = [
        atomic_write_bytes(folder / f"{name}.csv", quotes.to_csv(index=False).encode("utf-8-sig")),
        atomic_write_bytes(folder / f"{name}_sample.csv", coded.to_csv(index=False).encode("utf-8-sig")),
    ]
    if excel_available():
        import io

        buffer = io.BytesIO()
        with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
            quotes.to_excel(writer, sheet_name="quotes", index=False)
            coded.to_excel(writer, sheet_name=f"sample (seed {seed})", index=False)
        written.append(atomic_write_bytes(folder / f"{name}.xlsx", buffer.getvalue()))
    else:
        logger.info("openpyxl is not installed: quotes exported as CSV only")
    return written
