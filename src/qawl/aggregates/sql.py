"""The DuckDB side: a connection with a view per table (actors merged), the ``qawl_*`` row
rules as vectorised functions, and the small SQL helpers the queries share.
"""
from __future__ import annotations

import json
import logging
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, Sequence

import duckdb
import pandas as pd
import pyarrow as pa

from qawl.actors import entity_aliases, read_aliases, target_aliases
from qawl.aggregates.rows import (
    content_words, cue_lemmas, outlets, quote_groups, source_types, speaker_keys, speaker_kinds,
    speaker_names, text_column,
)
from qawl.schema import POLARITIES, QUOTE_TYPES
from qawl.tables import PathLike, _missing_table, table_parts, tables_dir

logger = logging.getLogger(__name__)

MEMORY_LIMIT = "1GB"  # DuckDB spills to disk beyond this
ROW_SPAN = 1 << 40  # row_pos = partition position * ROW_SPAN + row in the part


def table_paths(run_dir: PathLike, name: str) -> list[Path]:
    """The parquet files of ``name``: its complete parts, else its single file."""
    parts = table_parts(run_dir, name)
    if parts:
        return parts
    single = tables_dir(run_dir) / f"{name}.parquet"
    if not single.exists():
        raise _missing_table(single, name)
    return [single]


def _sql_list(values: Sequence) -> str:
    """A SQL list literal of strings (views cannot take prepared parameters)."""
    quoted = ("'" + str(value).replace("'", "''") + "'" for value in values)
    return "[" + ", ".join(quoted) + "]"


def _frame(**columns: pa.Array) -> pd.DataFrame:
    """A batch of UDF arguments as the pandas frame the row rules expect."""
    return pd.DataFrame({name: array.to_pandas() for name, array in columns.items()})


def _strings(values: pd.Series) -> pa.Array:
    return pa.array(values, type=pa.string(), from_pandas=True)


UDFS = {
    "qawl_speaker_key": (lambda c, s: _strings(speaker_keys(_frame(speaker_canonical=c, speaker=s))),
                         ["VARCHAR", "VARCHAR"], "VARCHAR"),
    "qawl_outlet": (lambda s: _strings(outlets(_frame(source=s))), ["VARCHAR"], "VARCHAR"),
    "qawl_words": (lambda c: pa.array(content_words(_frame(content=c)), type=pa.int64()),
                   ["VARCHAR"], "BIGINT"),
    "qawl_source_type": (lambda k: _strings(source_types(_frame(speaker_kind=k))), ["VARCHAR"], "VARCHAR"),
    "qawl_cue_lemma": (lambda l, c: _strings(cue_lemmas(_frame(cue_lemma=l, cue=c))),
                       ["VARCHAR", "VARCHAR"], "VARCHAR"),
    "qawl_speaker_name": (lambda c, s: _strings(speaker_names(_frame(speaker_canonical=c, speaker=s))),
                          ["VARCHAR", "VARCHAR"], "VARCHAR"),
    "qawl_speaker_kind": (lambda k: _strings(speaker_kinds(_frame(speaker_kind=k))), ["VARCHAR"], "VARCHAR"),
    "qawl_label": (lambda t: _strings(text_column(_frame(text=t), "text")), ["VARCHAR"], "VARCHAR"),
    "qawl_type_line": (lambda t: _strings(quote_groups(_frame(type=t), "type")), ["VARCHAR"], "VARCHAR"),
}


def _register_udfs(con: duckdb.DuckDBPyConnection) -> None:
    for name, (function, arguments, result) in UDFS.items():
        # 'special': NULLs reach the rules, which treat them like pandas does
        con.create_function(name, function, arguments, result, type="arrow", null_handling="special",
                            side_effects=False)


# Views of the tables that name actors, with each form replaced by its actor (qawl.actors):
# the speaker by its label (and its role and affiliation added), stance speakers and targets by
# their labels, entities by their actor's label and key (capitals stay places).
_ACTOR_VIEWS = {
    "quotes": """
        SELECT q.* REPLACE (coalesce(a.label, q.speaker_canonical) AS speaker_canonical),
               coalesce(a.role, '') AS speaker_role, coalesce(a.affiliation, '') AS speaker_affiliation
        FROM _raw_quotes q LEFT JOIN actor_aliases a
          ON a.form = coalesce(nullif(trim(q.speaker_canonical), ''), trim(q.speaker))""",
    "stances": """
        SELECT s.* REPLACE (coalesce(a.label, s.speaker) AS speaker, coalesce(b.label, s.target) AS target),
               coalesce(a.role, '') AS speaker_role
        FROM _raw_stances s LEFT JOIN actor_aliases a ON a.form = trim(s.speaker)
        LEFT JOIN target_aliases b ON b.form = trim(s.target)""",
    "entities": """
        SELECT e.* REPLACE (coalesce(a.label, e.canonical) AS canonical, coalesce(a.key, e.entity_key) AS entity_key)
        FROM _raw_entities e LEFT JOIN entity_aliases a ON a.form = trim(e.canonical)""",
}


def _register_aliases(con: duckdb.DuckDBPyConnection, aliases: pd.DataFrame) -> None:
    table = aliases[aliases["form"].str.strip() != ""].drop_duplicates("form")
    con.register("actor_aliases", table[ALIAS_JOIN_COLUMNS])
    con.register("entity_aliases", entity_aliases(table)[ALIAS_JOIN_COLUMNS])
    con.register("target_aliases", target_aliases(table)[ALIAS_JOIN_COLUMNS])


ALIAS_JOIN_COLUMNS = ["form", "key", "label", "role", "affiliation"]


@contextmanager
def connect(run_dir: PathLike, *names: str, merged: bool = True) -> Iterator[duckdb.DuckDBPyConnection]:
    """An in-memory DuckDB with a view per table ``names`` (plus ``row_pos``) and the ``qawl_*`` rules.

    When the run has an alias table (``tables/aliases.csv``, ``qawl.actors``) and ``merged``,
    the quotes, stances and entities name actors, not forms (``_ACTOR_VIEWS``).
    """
    con = duckdb.connect()
    try:
        con.execute(f"SET memory_limit = '{MEMORY_LIMIT}'")
        con.execute("SET preserve_insertion_order = false")  # every query orders its own result
        _register_udfs(con)
        aliases = read_aliases(run_dir) if merged else None
        if aliases is not None:
            _register_aliases(con, aliases)
        threshold = min_confidence(run_dir)
        if threshold > 0 and {"quotes", "stances"} & set(names):
            _all_quotes_view(con, run_dir)
        for name in names:
            paths = table_paths(run_dir, name)
            logger.debug("%s: %d parquet files", name, len(paths))
            wrapped = aliases is not None and name in _ACTOR_VIEWS
            con.execute(
                f"CREATE VIEW {'_raw_' + name if wrapped else name} AS "
                f"SELECT *, file_index * {ROW_SPAN} + file_row_number AS row_pos "
                f"FROM read_parquet({_sql_list(paths)}, file_row_number = true, union_by_name = true) AS t"
                f"{_kept_rows(name, threshold)}")
            if wrapped:
                con.execute(f"CREATE VIEW {name} AS {_ACTOR_VIEWS[name]}")
        yield con
    finally:
        con.close()


FILTER_FILE = "filters.json"


def set_min_confidence(run_dir: PathLike, threshold: float) -> None:
    """Keep only the quotes with ``confidence >= threshold`` (and the stances drawn from them) in every
    aggregate, table view and figure of the run; written to ``<run>/filters.json`` atomically.
    0 keeps everything. The precision a threshold gave on the gold split:
    ``qawl.quotes.confidence.precision_at``."""
    if not isinstance(threshold, (int, float)) or isinstance(threshold, bool) or not 0 <= threshold <= 1:
        raise ValueError(f"min_confidence must be a number from 0 to 1, not {threshold!r}")
    path = Path(run_dir) / FILTER_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".json.tmp")
    tmp.write_text(json.dumps({"min_confidence": float(threshold)}) + "\n", encoding="utf-8")
    tmp.replace(path)


def min_confidence(run_dir: PathLike) -> float:
    """The run's quote confidence threshold (``set_min_confidence``; 0 when none was set)."""
    path = Path(run_dir) / FILTER_FILE
    if not path.exists():
        return 0.0
    try:
        return float(json.loads(path.read_text(encoding="utf-8")).get("min_confidence", 0.0))
    except (ValueError, AttributeError) as error:
        raise ValueError(f"{path}: not a filter file ({error}); delete it or set the filter again") from error


def kept_quotes(run_dir: PathLike) -> tuple[int, int]:
    """(quotes that pass the run's confidence threshold, all quotes)."""
    threshold = min_confidence(run_dir)
    with duckdb.connect() as con:
        _all_quotes_view(con, run_dir)
        kept, total = con.execute("SELECT count(*) FILTER (WHERE confidence >= ?), count(*) FROM _all_quotes",
                                  [threshold]).fetchone()
    return int(kept), int(total)


def _all_quotes_view(con: duckdb.DuckDBPyConnection, run_dir: PathLike) -> None:
    con.execute(f"CREATE VIEW _all_quotes AS SELECT doc_id, quote, confidence "
                f"FROM read_parquet({_sql_list(table_paths(run_dir, 'quotes'))}, union_by_name = true)")


def _kept_rows(name: str, threshold: float) -> str:
    """The WHERE clause that keeps a table's rows under the confidence threshold."""
    if threshold <= 0:
        return ""
    if name == "quotes":
        return f" WHERE confidence >= {threshold!r}"
    if name == "stances":  # a stance drawn from a quote goes with it; acts without words stay
        return (f" WHERE t.quote < 0 OR EXISTS (SELECT 1 FROM _all_quotes q WHERE q.doc_id = t.doc_id "
                f"AND q.quote = t.quote AND q.confidence >= {threshold!r})")
    return ""


def _query(con: duckdb.DuckDBPyConnection, sql: str, parameters: Sequence = ()) -> pd.DataFrame:
    return con.execute(sql, list(parameters)).df()


def _count(con: duckdb.DuckDBPyConnection, name: str) -> int:
    return int(con.execute(f"SELECT count(*) FROM {name}").fetchone()[0])


def _polarity_counts_sql(column: str = "polarity") -> str:
    return ", ".join(f"count(*) FILTER (WHERE {column} = '{p}') AS {p}" for p in POLARITIES)


def _type_counts_sql(prefix: str = "") -> str:
    return ", ".join(f"count(*) FILTER (WHERE type = '{t}') AS {prefix}{t}" for t in QUOTE_TYPES)


def _has_column(con: duckdb.DuckDBPyConnection, table: str, column: str) -> bool:
    return column in con.execute(f"SELECT * FROM {table} LIMIT 0").df().columns
