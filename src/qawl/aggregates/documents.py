"""Documents: corpus statistics, the most quoted article, and reading a few articles' tables.
"""
from __future__ import annotations

from typing import Optional, Sequence

import pandas as pd

from qawl.aggregates.sql import _query, _sql_list, connect
from qawl.tables import PathLike, read_table


def corpus_statistics(run_dir: PathLike) -> pd.DataFrame:
    """``corpus_statistics_of`` over the run's documents."""
    with connect(run_dir, "documents") as con:
        row = con.execute("""
            SELECT count(*), coalesce(sum(words), 0)::BIGINT, count(DISTINCT nullif(source, '')),
                   coalesce(sum(duplicates_removed), 0)::BIGINT, min(nullif(date, '')), max(nullif(date, ''))
            FROM documents""").fetchone()
    articles, words, sources, duplicates, date_min, date_max = row
    if articles and date_min is None:  # pandas' min of no dates is NaN
        date_min = date_max = float("nan")
    return pd.DataFrame([{
        "articles": int(articles), "words": int(words), "sources": int(sources),
        "duplicate paragraphs removed": int(duplicates), "date_min": date_min, "date_max": date_max,
    }])


def most_quoted_document(run_dir: PathLike) -> str:
    """``most_quoted_document_of`` over the run: the doc_id with the most quotes."""
    with connect(run_dir, "quotes", "documents") as con:
        row = con.execute("""
            SELECT doc_id FROM quotes WHERE doc_id IS NOT NULL
            GROUP BY doc_id ORDER BY count(*) DESC, min(row_pos) LIMIT 1""").fetchone()
        if row is None:
            row = con.execute("SELECT doc_id FROM documents ORDER BY row_pos LIMIT 1").fetchone()
    return str(row[0]) if row else ""


def article_tables(run_dir: PathLike, doc_id: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """One document's blocks and quotes, in table order: the inputs of ``qawl.viz.article_timeline``."""
    with connect(run_dir, "blocks", "quotes") as con:
        frames = [
            _query(con, f"SELECT * EXCLUDE (file_row_number, row_pos) FROM {name} "
                        "WHERE doc_id = $1 ORDER BY row_pos", [str(doc_id)])
            for name in ("blocks", "quotes")
        ]
    return frames[0], frames[1]


def example_documents(run_dir: PathLike, doc_ids: Optional[Sequence[str]] = None,
                      n: int = 3) -> pd.DataFrame:
    """The documents to show in context: ``doc_ids`` in table order, or the first ``n``."""
    if doc_ids is None:
        return read_table(run_dir, "documents", parts=1).head(n).reset_index(drop=True)
    if isinstance(doc_ids, str):
        doc_ids = [doc_ids]
    with connect(run_dir, "documents") as con:
        found = _query(con, "SELECT * EXCLUDE (file_row_number, row_pos) FROM documents "
                            f"WHERE doc_id IN {_sql_list([str(d) for d in doc_ids])} ORDER BY row_pos")
    missing = sorted(set(map(str, doc_ids)) - set(found["doc_id"]))
    if missing:
        raise KeyError(f"no document {', '.join(missing[:5])} in {run_dir} (see tables/documents.csv)")
    return found


def corpus_statistics_of(documents: pd.DataFrame) -> pd.DataFrame:
    """Articles, words, distinct sources and paragraphs removed as duplicates."""
    return pd.DataFrame([{
        "articles": len(documents),
        "words": int(documents["words"].sum()) if len(documents) else 0,
        "sources": int(documents["source"].replace("", pd.NA).nunique()) if len(documents) else 0,
        "duplicate paragraphs removed": int(documents["duplicates_removed"].sum()) if len(documents) else 0,
        "date_min": documents["date"].replace("", pd.NA).min() if len(documents) else None,
        "date_max": documents["date"].replace("", pd.NA).max() if len(documents) else None,
    }])


def most_quoted_document_of(quotes: pd.DataFrame, documents: pd.DataFrame) -> str:
    """The doc_id with the most quotes (the first document when none has any)."""
    if not quotes.empty:
        return str(quotes["doc_id"].value_counts().idxmax())
    return str(documents["doc_id"].iloc[0]) if len(documents) else ""
