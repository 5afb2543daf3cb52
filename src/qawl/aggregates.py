"""Corpus-level aggregates over a run's tables, in bounded memory.

A large run writes its tables as partition parts (``qawl.tables``). Each
function here reads the parts of the complete partitions only
(``table_parts``) with an in-memory DuckDB, which streams them, and returns a
small pandas frame: the same frame its pandas counterpart gives on the whole
table (``qawl.entities.analysis``, or the ``*_of`` functions here: attribution
and stance tables, corpus statistics, cue frequencies and the figures'
inputs). A run folder with a single ``tables/<name>.parquet`` works too.

This module sits below the figures (``qawl.viz``) and the notebook views
(``qawl.display``), which import from it and never the reverse. The per-row
rules live in one place each, here: text columns, speaker names and keys,
speaker kinds, source types, outlets, words, quote lines and cue lemmas (the
figures use them too). They are called here as vectorised
DuckDB functions (``qawl_*``) over batches of rows, so heavy text columns are
never loaded whole. Where pandas breaks ties by first appearance, ``row_pos`` (partition,
then row) does the same. Where pandas sorts with an unstable sort (whose
order of ties is its own), DuckDB returns the small grouped frame in the order
pandas' groupby gives it and the same pandas sort is applied to it.
"""
from __future__ import annotations

import logging
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, Optional, Sequence

import duckdb
import numpy as np
import pandas as pd
import pyarrow as pa

from qawl.actors import ROLES, entity_aliases, read_aliases, target_aliases
from qawl.entities.analysis import MAX_ENTITIES_PER_DOC, SCORED_LABELS
from qawl.schema import POLARITIES, QUOTE_TYPES, SPEAKER_KINDS
from qawl.tables import PathLike, _missing_table, read_table, table_parts, tables_dir

logger = logging.getLogger(__name__)

MEMORY_LIMIT = "1GB"  # DuckDB spills to disk beyond this
ROW_SPAN = 1 << 40  # row_pos = partition position * ROW_SPAN + row in the part

UNKNOWN_SOURCE = "(unknown)"
UNKNOWN_OUTLET = "(unknown outlet)"
UNATTRIBUTED = "(no speaker)"
SOURCE_TYPES = {
    "person": "named official/person",
    "organisation": "named official/person",
    "anonymous": "anonymous source",
    "media": "agency or media",
    "unknown": "other",
}
SOURCE_STATISTICS_COLUMNS = ["source", "articles", "words", "duplicates_removed"]
CUE_COLUMNS = ["cue_lemma", "quotes", "forms", "direct", "indirect", "mixed"]
CUE_FORMS_SHOWN = 5
CUE_FORMS_SEPARATOR = "، "
VOICE_COLUMNS = ["speaker", "speaker_kind", "quotes"]
STANCE_PAIR_COLUMNS = ["speaker", "target", *POLARITIES, "total"]


# --- per-row rules (also used by qawl.viz) ----------------------------------------------


def string_column(frame: pd.DataFrame, name: str) -> pd.Series:
    """A text column as strings ("" for missing values or a missing column)."""
    if name not in frame.columns:
        return pd.Series("", index=frame.index, dtype=object)
    return frame[name].fillna("").astype(str)


def text_column(frame: pd.DataFrame, name: str) -> pd.Series:
    """A column as clean strings; "" where missing (tables may hold None/NaN)."""
    return string_column(frame, name).str.strip()


def outlets(frame: pd.DataFrame) -> pd.Series:
    """Each row's outlet: its source, ``UNKNOWN_OUTLET`` where it has none."""
    return text_column(frame, "source").replace("", UNKNOWN_OUTLET)


def speaker_names(quotes: pd.DataFrame) -> pd.Series:
    """The name to show for each quote's speaker: canonical form, else surface form."""
    canonical = text_column(quotes, "speaker_canonical")
    surface = text_column(quotes, "speaker")
    return canonical.where(canonical != "", surface)


def speaker_keys(quotes: pd.DataFrame) -> pd.Series:
    """Who said it: the canonical speaker, else the speaker's words, else ``UNATTRIBUTED``."""
    return speaker_names(quotes).replace("", UNATTRIBUTED)


def content_words(quotes: pd.DataFrame) -> pd.Series:
    """Length of each quote in words."""
    return string_column(quotes, "content").str.split().str.len().fillna(0).astype(int)


def source_types(quotes: pd.DataFrame) -> pd.Series:
    """Each quote's source type (``SOURCE_TYPES`` of its speaker kind, else "other")."""
    return string_column(quotes, "speaker_kind").map(SOURCE_TYPES).fillna("other")


def speaker_kinds(quotes: pd.DataFrame) -> pd.Series:
    """Each quote's speaker kind, "unknown" where it is not one of ``SPEAKER_KINDS``."""
    return text_column(quotes, "speaker_kind").where(lambda k: k.isin(SPEAKER_KINDS), "unknown")


def check_quote_grouping(by: str) -> None:
    """Quotes over time are grouped by "type" or "source"; anything else is an error."""
    if by not in ("type", "source"):
        raise ValueError(f"by must be 'type' or 'source', not {by!r}")


def quote_groups(quotes: pd.DataFrame, by: str = "type") -> pd.Series:
    """Each quote's line in ``qawl.viz.quotes_over_time``: its type ("mixed" if unknown) or its outlet."""
    check_quote_grouping(by)
    if by == "type":
        return text_column(quotes, "type").where(lambda t: t.isin(QUOTE_TYPES), "mixed")
    return outlets(quotes)


def cue_lemmas(quotes: pd.DataFrame) -> pd.Series:
    """Each quote's cue lemma, or its cue as written when it has no lemma."""
    return quotes["cue_lemma"].where(quotes["cue_lemma"].astype(bool), quotes["cue"])


# --- connection ------------------------------------------------------------------


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
        for name in names:
            paths = table_paths(run_dir, name)
            logger.debug("%s: %d parquet files", name, len(paths))
            wrapped = aliases is not None and name in _ACTOR_VIEWS
            con.execute(
                f"CREATE VIEW {'_raw_' + name if wrapped else name} AS "
                f"SELECT *, file_index * {ROW_SPAN} + file_row_number AS row_pos "
                f"FROM read_parquet({_sql_list(paths)}, file_row_number = true, union_by_name = true)")
            if wrapped:
                con.execute(f"CREATE VIEW {name} AS {_ACTOR_VIEWS[name]}")
        yield con
    finally:
        con.close()


def _query(con: duckdb.DuckDBPyConnection, sql: str, parameters: Sequence = ()) -> pd.DataFrame:
    return con.execute(sql, list(parameters)).df()


def _count(con: duckdb.DuckDBPyConnection, name: str) -> int:
    return int(con.execute(f"SELECT count(*) FROM {name}").fetchone()[0])


def _polarity_counts_sql(column: str = "polarity") -> str:
    return ", ".join(f"count(*) FILTER (WHERE {column} = '{p}') AS {p}" for p in POLARITIES)


def _type_counts_sql(prefix: str = "") -> str:
    return ", ".join(f"count(*) FILTER (WHERE type = '{t}') AS {prefix}{t}" for t in QUOTE_TYPES)


# --- quotes (qawl.stance) ------------------------------------------------------------


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


# --- stances (qawl.stance) -----------------------------------------------------------


SPEAKER_TARGET_COLUMNS = ["speaker", "target", *POLARITIES, "total", "net"]


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
    table["net"] = table["favor"] - table["against"]
    table = table.sort_values(["total", "speaker", "target"], ascending=[False, True, True])
    return table[SPEAKER_TARGET_COLUMNS].reset_index(drop=True)


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


# --- entities (qawl.entities.analysis) --------------------------------------------------


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


# --- documents and cues -------------------------------------------------


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


def most_quoted_document(run_dir: PathLike) -> str:
    """``most_quoted_document_of`` over the run: the doc_id with the most quotes."""
    with connect(run_dir, "quotes", "documents") as con:
        row = con.execute("""
            SELECT doc_id FROM quotes WHERE doc_id IS NOT NULL
            GROUP BY doc_id ORDER BY count(*) DESC, min(row_pos) LIMIT 1""").fetchone()
        if row is None:
            row = con.execute("SELECT doc_id FROM documents ORDER BY row_pos LIMIT 1").fetchone()
    return str(row[0]) if row else ""


# --- the figures' inputs (qawl.viz) -------------------------------------------------------


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


def stance_pairs(run_dir: PathLike) -> pd.DataFrame:
    """``stance_pairs_of`` over the run's stances: input of ``qawl.viz.stance_heatmap`` and ``stance_network``."""
    with connect(run_dir, "stances") as con:
        table = _query(con, f"""
            WITH clean AS (
                SELECT qawl_label(speaker) AS speaker, qawl_label(target) AS target,
                       qawl_label(polarity) AS polarity, row_pos FROM stances)
            SELECT speaker, target, {_polarity_counts_sql()}, count(*) AS total
            FROM clean WHERE speaker <> '' AND target <> '' AND list_contains($1, polarity)
            GROUP BY ALL ORDER BY min(row_pos)""", [list(POLARITIES)])
    return table[STANCE_PAIR_COLUMNS]


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


# --- the same over in-memory tables (pandas) ----------------------------------------------


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
    counts["net"] = counts["favor"] - counts["against"]
    counts = counts.reset_index().sort_values(["total", "speaker", "target"], ascending=[False, True, True])
    return counts[SPEAKER_TARGET_COLUMNS].reset_index(drop=True)


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


def statistics_by_source_of(documents: pd.DataFrame) -> pd.DataFrame:
    """Per outlet: articles, words and duplicate paragraphs removed."""
    if documents.empty:
        return pd.DataFrame(columns=SOURCE_STATISTICS_COLUMNS)
    frame = documents.assign(source=documents["source"].replace("", UNKNOWN_SOURCE))
    return (frame.groupby("source")
            .agg(articles=("doc_id", "size"), words=("words", "sum"),
                 duplicates_removed=("duplicates_removed", "sum"))
            .sort_values("articles", ascending=False).reset_index())


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


def most_quoted_document_of(quotes: pd.DataFrame, documents: pd.DataFrame) -> str:
    """The doc_id with the most quotes (the first document when none has any)."""
    if not quotes.empty:
        return str(quotes["doc_id"].value_counts().idxmax())
    return str(documents["doc_id"].iloc[0]) if len(documents) else ""


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


def _stance_rows(stances: pd.DataFrame) -> pd.DataFrame:
    """One row per stance with clean speaker/target/polarity; rows lacking either end dropped."""
    frame = pd.DataFrame({
        "speaker": text_column(stances, "speaker"),
        "target": text_column(stances, "target"),
        "polarity": text_column(stances, "polarity"),
    })
    frame = frame[(frame["speaker"] != "") & (frame["target"] != "")]
    return frame[frame["polarity"].isin(POLARITIES)]


def stance_pairs_of(stances: pd.DataFrame) -> pd.DataFrame:
    """Stances per (speaker, target) by polarity, in order of each pair's first stance.

    The input of ``qawl.viz.stance_heatmap`` and ``stance_network``
    (``stance_pairs`` over a run); stances without a speaker, a target or a
    known polarity are left out.
    """
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


# --- actors: roles (qawl.actors) ------------------------------------------------------------

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


def _has_column(con: duckdb.DuckDBPyConnection, table: str, column: str) -> bool:
    return column in con.execute(f"SELECT * FROM {table} LIMIT 0").df().columns


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


# --- quotes with their context, for reading and for coding by hand --------------------------

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
