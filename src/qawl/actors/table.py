"""The alias table of a run: the researcher's edits, reading and writing, and applying it
to the quote, stance and entity tables."""
from __future__ import annotations

import logging
import re
import shutil
from collections import defaultdict
from pathlib import Path
from typing import Iterable, Optional

import pandas as pd

from qawl.actors.lexicon import (
    ALIAS_COLUMNS, ALIASES_NAME, CONTEXT_CHARS, EARLIER_SENTENCES, EARLIER_SOURCE, EDIT_COLUMNS, EDITS_NAME,
    GENERIC_PREFIX, MENTION_CONTEXT_CHARS, ROLES, name_key,
)
from qawl.actors.merge import OCCURRENCE_COLUMNS, build_aliases
from qawl.actors.reading import _may_hold_title, _may_open_apposition
from qawl.tables import PathLike, atomic_write_text, tables_dir

logger = logging.getLogger(__name__)


def read_alias_csv(path: PathLike) -> pd.DataFrame:
    """A researcher's alias table: ``form`` and any of key, label, role, affiliation."""
    table = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    if "form" not in table.columns:
        raise ValueError(f"{path}: an alias table needs a 'form' column (and key, label, role, affiliation)")
    bad = sorted(set(table.get("role", pd.Series(dtype=str))) - set(ROLES) - {""})
    if bad:
        raise ValueError(f"{path}: unknown roles {bad}; roles are {', '.join(ROLES)}")
    return table.reindex(columns=EDIT_COLUMNS, fill_value="").astype(str)


def apply_edits(auto: pd.DataFrame, edits: Optional[pd.DataFrame], disabled: Iterable[str] = ()) -> pd.DataFrame:
    """The automatic alias table with the researcher's rows applied (rule A-RESEARCHER).

    A row counts as an edit where it differs from the automatic row of its form (or the
    form is new). Its non-empty fields replace the automatic ones; then a label, role or
    affiliation the researcher gave any form of a key is given to every form of that key.
    With A-RESEARCHER in ``disabled`` the edits are left out (the automatic table).
    """
    table = auto.copy()
    if edits is None or edits.empty or "A-RESEARCHER" in disabled:
        return table
    edits = edits.copy()
    for column in EDIT_COLUMNS:
        edits[column] = edits[column].fillna("").astype(str).str.strip()
    edits = edits[edits["form"] != ""].drop_duplicates("form", keep="last").set_index("form")
    current = table.set_index("form")
    changed_keys: dict[str, dict] = defaultdict(dict)
    new_rows = []
    for form, edit in edits.iterrows():
        given = {c: edit[c] for c in EDIT_COLUMNS[1:] if edit[c]}
        if form in current.index:
            row = current.loc[form]
            differs = {c: v for c, v in given.items() if str(row[c]) != v}
            if not differs:
                continue
            given = differs  # fields passed back unchanged are not edits
            if "key" in differs:  # the form joins another actor: it takes that actor's label and role
                for column in ("label", "role", "affiliation"):
                    if column not in given:
                        current.at[form, column] = ""
            for column, value in differs.items():
                current.at[form, column] = value
            current.at[form, "rule"] = "A-RESEARCHER"
            current.at[form, "why"] = "edited: " + ", ".join(sorted(differs))
            key = current.at[form, "key"]
        else:
            key = given.get("key", name_key(form))
            new_rows.append({"form": form, "key": key, "label": given.get("label", ""),
                             "role": given.get("role", ""), "affiliation": given.get("affiliation", ""),
                             "rule": "A-RESEARCHER", "why": "added", "count": 0})
        for column in ("label", "role", "affiliation"):
            if column in given:
                changed_keys[key][column] = given[column]
    table = current.reset_index()
    if new_rows:
        table = pd.concat([table, pd.DataFrame(new_rows)], ignore_index=True)
    for key, values in changed_keys.items():
        for column, value in values.items():
            table.loc[table["key"] == key, column] = value
    # a key moved by the researcher takes the label of the actor it joined, unless given
    labels = table[table["label"] != ""].drop_duplicates("key").set_index("key")["label"]
    missing = table["label"] == ""
    table.loc[missing, "label"] = table.loc[missing, "key"].map(labels).fillna(table.loc[missing, "key"])
    roles = table[table["role"] != ""].drop_duplicates("key").set_index("key")["role"]
    missing = table["role"] == ""
    table.loc[missing, "role"] = table.loc[missing, "key"].map(roles).fillna("other")
    return table[ALIAS_COLUMNS].reset_index(drop=True)


# --- a run --------------------------------------------------------------------------------


def aliases_path(run_dir: PathLike) -> Path:
    return tables_dir(run_dir) / f"{ALIASES_NAME}.csv"


def edits_path(run_dir: PathLike) -> Path:
    return tables_dir(run_dir) / f"{EDITS_NAME}.csv"


def run_occurrences(run_dir: PathLike) -> pd.DataFrame:
    """Every speaker (with the words around it), stance speaker and target, and entity
    mention of a run, as ``build_aliases`` reads them (DuckDB over the parts)."""
    from qawl.aggregates import connect, table_paths

    frames = []
    with connect(run_dir, "quotes", "documents", merged=False) as con:
        frames.append(con.execute(f"""
            SELECT q.doc_id,
                   coalesce(nullif(trim(q.speaker_canonical), ''), trim(q.speaker), '') AS form,
                   coalesce(trim(q.speaker), '') AS surface, coalesce(q.speaker_kind, '') AS kind,
                   'quote' AS source,
                   CASE WHEN q.speaker_start >= 0 THEN
                        substring(d.text, greatest(q.speaker_start - {CONTEXT_CHARS + 1}, 0) + 1,
                                  q.speaker_start - greatest(q.speaker_start - {CONTEXT_CHARS + 1}, 0))
                        ELSE '' END AS before,
                   CASE WHEN q.speaker_end >= 0 THEN
                        substring(d.text, q.speaker_end + 1, {CONTEXT_CHARS + 1})
                        ELSE '' END AS after,
                   1 AS n
            FROM quotes q JOIN documents d USING (doc_id)
            WHERE coalesce(q.speaker_canonical, q.speaker, '') <> ''""").df())
    _whole_words(frames[0], CONTEXT_CHARS)
    for name, sql in (
            ("stances", """
                SELECT '' AS doc_id, form, '' AS surface, '' AS kind, source, '' AS before,
                       '' AS after, count(*) AS n
                FROM (SELECT trim(speaker) AS form, 'stance' AS source FROM stances
                      UNION ALL SELECT trim(target), 'target' FROM stances)
                WHERE form IS NOT NULL AND form <> '' GROUP BY form, source"""),
            ("mentions", """
                SELECT doc_id, trim(canonical) AS form, trim(text) AS surface, label AS kind,
                       'mention' AS source, '' AS before, '' AS after, count(*) AS n
                FROM mentions WHERE label IN ('PER', 'ORG', 'LOC') AND coalesce(canonical, '') <> ''
                GROUP BY ALL"""),
            # the words before each person's mention: titles come with names (R-CONTEXT)
            ("mentions", f"""
                SELECT m.doc_id, trim(m.canonical) AS form, '' AS surface, '' AS kind,
                       'mention' AS source,
                       substring(d.text, greatest(m.start - {MENTION_CONTEXT_CHARS + 1}, 0) + 1,
                                 m.start - greatest(m.start - {MENTION_CONTEXT_CHARS + 1}, 0)) AS before,
                       substring(d.text, m."end" + 1, {MENTION_CONTEXT_CHARS + 1}) AS after, 0 AS n
                FROM mentions m JOIN documents d USING (doc_id)
                WHERE m.label = 'PER' AND coalesce(m.canonical, '') <> '' AND m.start > 0""")):
        try:
            table_paths(run_dir, name)
        except FileNotFoundError:
            continue
        with connect(run_dir, name, "documents", merged=False) as con:
            frame = con.execute(sql).df()
        _whole_words(frame, MENTION_CONTEXT_CHARS)
        if name == "mentions" and "before" in frame and (frame["before"] != "").any():
            # most mentions have no title before or after them
            frame = frame[frame["before"].map(_may_hold_title) | frame["after"].map(_may_open_apposition)]
        frames.append(frame)
    frames.append(_earlier_contexts(run_dir))
    return pd.concat(frames, ignore_index=True).reindex(columns=OCCURRENCE_COLUMNS)


def words_after(text: str, chars: int) -> str:
    """The first ``chars`` characters of ``text`` (read one longer) without the word the edge cuts (في جامعه ه
    → في جامعه): the start of a word is no word of the context."""
    if len(text) <= chars or text[chars - 1].isspace() or text[chars].isspace():
        return text[:chars]
    return re.sub(r"\S+$", "", text[:chars])


def words_before(text: str, chars: int) -> str:
    """As ``words_after``, the last ``chars`` characters of ``text`` without the word the edge cuts."""
    return words_after(text[::-1], chars)[::-1]


def _whole_words(frame: pd.DataFrame, chars: int) -> None:
    """The context columns of ``frame`` cut to ``chars`` characters on whole words."""
    for column, cut in (("before", words_before), ("after", words_after)):
        if column in frame:
            frame[column] = frame[column].map(lambda text: cut(text, chars) if isinstance(text, str) else text)


def _earlier_contexts(run_dir: PathLike) -> pd.DataFrame:
    """R-EARLIER-TITLE: for each person speaking at the first mention of its last word in the article, the text
    from two sentences back (or from the last person named, if nearer) to the name: where an article that
    names the person only now gave the title before (وزيرة الهجرة الدنماركية ... وقالت إنغر ستويبرغ)."""
    from qawl.aggregates import connect, table_paths

    try:
        for name in ("sentences", "mentions"):
            table_paths(run_dir, name)
    except FileNotFoundError:
        return pd.DataFrame(columns=OCCURRENCE_COLUMNS)
    with connect(run_dir, "quotes", "documents", "sentences", "mentions", merged=False) as con:
        return con.execute(f"""
            WITH back AS (SELECT doc_id, start, coalesce(lag(start, {EARLIER_SENTENCES}) OVER
                              (PARTITION BY doc_id ORDER BY start), 0) AS since FROM sentences),
            spoken AS (
                SELECT q.doc_id, coalesce(nullif(trim(q.speaker_canonical), ''), trim(q.speaker)) AS form,
                       q.speaker_start, d.text,
                       greatest(b.since, coalesce((SELECT max(m."end") FROM mentions m WHERE m.doc_id = q.doc_id
                                AND m.label = 'PER' AND m."end" <= q.speaker_start), 0)) AS since
                FROM quotes q JOIN documents d USING (doc_id)
                     JOIN back b ON b.doc_id = q.doc_id AND b.start = q.sentence_start
                WHERE q.speaker_kind = 'person' AND NOT coalesce(q.speaker_is_pronoun, false)
                      AND q.speaker_start > 0 AND coalesce(trim(q.speaker), '') <> ''
                      AND position(regexp_extract(trim(q.speaker), '(\\S+)$', 1)
                                   IN substring(d.text, 1, q.speaker_start)) = 0)
            SELECT DISTINCT doc_id, form, '' AS surface, '' AS kind, '{EARLIER_SOURCE}' AS source,
                   substring(text, since + 1, speaker_start - since) AS before, '' AS after, 0 AS n
            FROM spoken WHERE speaker_start > since""").df()


def write_aliases(run_dir: PathLike, aliases: Optional[PathLike] = None) -> pd.DataFrame:
    """Build the run's alias table, apply the researcher's ``aliases`` CSV (or the copy kept
    in the run from an earlier call), and write ``tables/aliases.csv``."""
    edits_file = edits_path(run_dir)
    edits = None
    if aliases is not None:
        edits = read_alias_csv(aliases)  # read before anything is written: it may be our own file
        if Path(aliases).resolve() != edits_file.resolve():
            edits_file.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(aliases, edits_file)
    elif edits_file.exists():
        edits = read_alias_csv(edits_file)
    table = apply_edits(build_aliases(run_occurrences(run_dir)), edits)
    path = aliases_path(run_dir)
    atomic_write_text(path, table.to_csv(index=False))
    logger.info("alias table: %d forms, %d actors -> %s", len(table), table["key"].nunique(), path)
    return table


def read_aliases(run_dir: PathLike) -> Optional[pd.DataFrame]:
    """The run's alias table, or None when the run has none."""
    path = aliases_path(run_dir)
    if not path.exists():
        return None
    return pd.read_csv(path, dtype=str, keep_default_na=False).reindex(columns=ALIAS_COLUMNS, fill_value="")


def entity_aliases(aliases: pd.DataFrame) -> pd.DataFrame:
    """The rows that apply to the entity table: not capitals standing for their state, not
    the unnamed actors."""
    keep = ~aliases["rule"].str.contains("A-CAPITAL", regex=False) & ~aliases["key"].str.startswith(GENERIC_PREFIX)
    return aliases[keep]


def target_aliases(aliases: pd.DataFrame) -> pd.DataFrame:
    """The rows that apply to stance targets: named actors only (a target is what a quote is
    about; ``(unnamed …)`` says nothing of it)."""
    return aliases[~aliases["key"].str.startswith(GENERIC_PREFIX)]


# --- applying the table to in-memory tables (the pandas side of qawl.aggregates) ----------


def map_forms(values: pd.Series, aliases: pd.DataFrame, column: str = "label") -> pd.Series:
    """Each value's actor ``column`` (label, key, role, affiliation) where the table has
    its form; the value itself (stripped) elsewhere."""
    lookup = aliases.drop_duplicates("form").set_index("form")[column]
    mapped = values.fillna("").astype(str).str.strip().map(lookup)
    return mapped.where(mapped.notna(), values)


def merge_quotes(quotes: pd.DataFrame, aliases: Optional[pd.DataFrame]) -> pd.DataFrame:
    """Quotes whose speaker names are their actors' labels (``speaker_canonical``), with the
    actor's ``speaker_role`` and ``speaker_affiliation``."""
    frame = quotes.copy()
    if aliases is None or frame.empty:
        return frame
    canonical = frame.get("speaker_canonical", pd.Series("", index=frame.index)).fillna("").astype(str).str.strip()
    surface = frame.get("speaker", pd.Series("", index=frame.index)).fillna("").astype(str).str.strip()
    form = canonical.where(canonical != "", surface)
    known = form.isin(aliases["form"]) & (form != "")
    frame["speaker_canonical"] = frame.get("speaker_canonical").where(~known, map_forms(form, aliases))
    frame["speaker_role"] = map_forms(form, aliases, "role").where(known, "")
    frame["speaker_affiliation"] = map_forms(form, aliases, "affiliation").where(known, "")
    return frame


def merge_stances(stances: pd.DataFrame, aliases: Optional[pd.DataFrame]) -> pd.DataFrame:
    """Stances whose speakers and targets are their actors' labels."""
    frame = stances.copy()
    if aliases is None or frame.empty:
        return frame
    speakers = frame["speaker"] if "speaker" in frame else pd.Series("", index=frame.index)
    known = speakers.fillna("").astype(str).str.strip().isin(aliases["form"])
    frame["speaker_role"] = map_forms(speakers, aliases, "role").where(known, "")
    if "speaker" in frame:
        frame["speaker"] = map_forms(frame["speaker"], aliases)
    if "target" in frame:
        frame["target"] = map_forms(frame["target"], target_aliases(aliases))
    return frame


def merge_entities(entities: pd.DataFrame, aliases: Optional[pd.DataFrame]) -> pd.DataFrame:
    """Entities whose canonical names and keys are their actors' (capitals stay places)."""
    frame = entities.copy()
    if aliases is None or frame.empty:
        return frame
    rows = entity_aliases(aliases)
    canonical = frame["canonical"]
    frame["entity_key"] = map_forms(canonical, rows, "key").where(
        canonical.fillna("").astype(str).str.strip().isin(rows["form"]), frame["entity_key"])
    frame["canonical"] = map_forms(canonical, rows)
    return frame


def write_actor_tables(run_dir: PathLike, aliases: Optional[PathLike] = None) -> pd.DataFrame:
    """The run's corpus-level tables that count actors: ``tables/aliases.csv`` (with the
    researcher's ``aliases`` applied), then ``tables/attribution.parquet`` and its CSV."""
    from qawl.aggregates import attribution_table
    from qawl.tables import write_table

    table = write_aliases(run_dir, aliases)
    write_table(attribution_table(run_dir), run_dir, "attribution")
    return table
