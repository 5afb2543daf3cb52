"""Entities: the most mentioned and the pairs named in the same article.
"""
from __future__ import annotations

import duckdb
import pandas as pd

from qawl.aggregates.sql import _query, _sql_list, connect
from qawl.entities.analysis import MAX_ENTITIES_PER_DOC, SCORED_LABELS
from qawl.tables import PathLike


def top_entities(run_dir: PathLike, n: int = 15) -> pd.DataFrame:
    """``qawl.entities.analysis.top_entities`` over the run's entities."""
    columns = ["label", "entity", "articles", "mentions"]
    with connect(run_dir, "entities") as con:
        table = _query(con, """
            WITH kept AS (SELECT * FROM entities WHERE label IS NOT NULL AND entity_key IS NOT NULL),
            names AS (
                -- an entity's name is its most frequent canonical form, the first seen among equals
                SELECT label, entity_key, canonical AS entity FROM (
                    SELECT label, entity_key, canonical, count(*) AS n, min(row_pos) AS first
                    FROM kept WHERE canonical IS NOT NULL GROUP BY ALL)
                QUALIFY row_number() OVER (PARTITION BY label, entity_key ORDER BY n DESC, first) = 1),
            totals AS (
                SELECT label, entity_key, count(DISTINCT doc_id) AS articles, sum(mentions)::BIGINT AS mentions
                FROM kept GROUP BY ALL)
            SELECT label, entity, articles, mentions FROM totals LEFT JOIN names USING (label, entity_key)
            QUALIFY row_number() OVER (PARTITION BY label
                                       ORDER BY articles DESC, mentions DESC, entity_key) <= $1
            ORDER BY label, articles DESC, mentions DESC, entity_key""", [n])
    if table.empty:
        return pd.DataFrame(columns=columns)
    return table[columns]


def _crowded_documents_keys(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """The entities kept for pairing in articles naming more than ``MAX_ENTITIES_PER_DOC``.

    Only these few articles need a choice; it is made by the pandas code
    itself (its unstable sort included) over their rows in table order.
    """
    rows = _query(con, """
        SELECT doc_id, entity_key, mentions FROM kept
        WHERE doc_id IN (SELECT doc_id FROM kept GROUP BY doc_id HAVING count(DISTINCT entity_key) > $1)
        ORDER BY row_pos""", [MAX_ENTITIES_PER_DOC])
    chosen = [
        pd.DataFrame({"doc_id": doc_id, "entity_key": group.sort_values("mentions", ascending=False)["entity_key"]
                      .drop_duplicates().head(MAX_ENTITIES_PER_DOC).to_numpy()})
        for doc_id, group in rows.groupby("doc_id", sort=False)
    ]
    return pd.concat(chosen) if chosen else pd.DataFrame({"doc_id": pd.Series(dtype=str),
                                                          "entity_key": pd.Series(dtype=str)})


def entity_cooccurrence(run_dir: PathLike, n: int = 20, labels=SCORED_LABELS) -> pd.DataFrame:
    """``qawl.entities.analysis.entity_cooccurrence`` over the run's entities.

    Pairs named together equally often rank in order of their first article
    (by doc_id, then the pair's names), as ``Counter.most_common`` ranks them.
    """
    columns = ["entity_a", "entity_b", "articles"]
    with connect(run_dir, "entities") as con:
        con.execute(f"CREATE TEMP VIEW kept AS SELECT * FROM entities "
                    f"WHERE list_contains({_sql_list(labels)}, label) AND entity_key IS NOT NULL")
        crowded = _crowded_documents_keys(con)
        con.register("crowded", crowded)
        table = _query(con, """
            WITH names AS (
                SELECT entity_key, canonical AS name FROM (
                    SELECT entity_key, canonical, count(*) AS n, min(row_pos) AS first
                    FROM kept WHERE canonical IS NOT NULL GROUP BY ALL)
                QUALIFY row_number() OVER (PARTITION BY entity_key ORDER BY n DESC, first) = 1),
            top_keys AS (
                SELECT DISTINCT doc_id, entity_key FROM kept WHERE doc_id NOT IN (SELECT doc_id FROM crowded)
                UNION ALL SELECT doc_id, entity_key FROM crowded),
            pairs AS (
                SELECT a.entity_key AS key_a, b.entity_key AS key_b,
                       count(*) AS articles, min(a.doc_id) AS first_doc
                FROM top_keys a JOIN top_keys b ON a.doc_id = b.doc_id AND a.entity_key < b.entity_key
                GROUP BY ALL ORDER BY articles DESC, first_doc, key_a, key_b LIMIT $1)
            SELECT na.name AS entity_a, nb.name AS entity_b, articles::BIGINT AS articles
            FROM pairs JOIN names na ON na.entity_key = key_a JOIN names nb ON nb.entity_key = key_b
            ORDER BY pairs.articles DESC, first_doc, key_a, key_b""", [n])
    if table.empty:
        return pd.DataFrame(columns=columns)
    return table[columns]
