"""Aggregates over partition parts equal the pandas functions over the whole tables.

The run folder is real: the seed article and articles of SaudiNewsNet go
through the stages (CRF tagger), and their rows are split into three complete
partitions, plus a fourth part with no completion marker that must never be read.
"""
from __future__ import annotations

import itertools
import shutil

import numpy as np
import pandas as pd
import pytest

from qawl import actors, aggregates, viz
from qawl.entities import analysis
from qawl.tables import mark_complete, read_table, write_part

from conftest import SEED, shared_dir

TABLES = ["documents", "blocks", "sentences", "mentions", "entities", "quotes", "stances"]
PARTITIONS = 3
ARTICLES_PER_DAY = 3


def _articles(shared):
    """The seed article, then a few articles a day from ten days of SaudiNewsNet (several outlets)."""
    from qawl.corpus import load_corpus
    from qawl.schema import Article

    days = sorted((shared / "corpora" / "saudinewsnet" / "dataset").glob("*.zip"))[:10]
    if not days:
        pytest.skip(f"no SaudiNewsNet days under {shared}")
    articles = [Article(doc_id=SEED.stem, raw_text=SEED.read_text(encoding="utf-8"), origin=str(SEED))]
    for day in days[::2]:
        # every 97th article, so that outlets vary
        articles += list(itertools.islice(load_corpus(day), 0, 97 * ARTICLES_PER_DAY * 2, 97))[:ARTICLES_PER_DAY * 2]
    return articles


def _run_stages(articles, run_dir):
    """The engine's stages over ``articles`` (in one partition) into ``run_dir``."""
    from qawl.engine import EngineConfig, analyse_articles, finish_tables, table_frames
    from qawl.pipeline import TABLE_SCHEMAS
    from qawl.tables import mark_complete, write_part

    results, _ = analyse_articles(articles, EngineConfig(backend="crf"))
    for name, frame in table_frames(results).items():
        write_part(frame, run_dir, name, 0, schema=TABLE_SCHEMAS[name])
    mark_complete(run_dir, 0, {"partition": 0, "rows": {}, "failures": []})
    finish_tables(run_dir)


@pytest.fixture(scope="module")
def whole(tmp_path_factory):
    """Every table of the real run, whole (the pandas functions' input)."""
    shared = shared_dir()
    if not (shared / "corpora").is_dir():
        pytest.skip(f"shared data not found at {shared} (set QAWL_SHARED to its location)")
    run_dir = tmp_path_factory.mktemp("whole")
    _run_stages(_articles(shared), run_dir)
    return {**{name: read_table(run_dir, name) for name in TABLES}, "_run": run_dir}


@pytest.fixture(scope="module")
def junk_part():
    """Rows of a partition that never completed: a speaker, outlet and cue found nowhere else."""
    return {"doc_id": "unfinished", "speaker": "متحدث من جزء ناقص", "speaker_canonical": "متحدث من جزء ناقص", "source": "outlet-never-finished",
            "cue": "هتف", "date": "1999-01-01", "target": "هدف ناقص"}


@pytest.fixture(scope="module")
def parted(whole, junk_part, tmp_path_factory):
    """The same rows as three complete partitions (split by document), and an unmarked fourth part."""
    run_dir = tmp_path_factory.mktemp("parted")
    doc_ids = list(whole["documents"]["doc_id"])
    chunks = np.array_split(np.arange(len(doc_ids)), PARTITIONS)
    for index, chunk in enumerate(chunks):
        docs = {doc_ids[i] for i in chunk}
        for name in TABLES:
            frame = whole[name]
            write_part(frame[frame["doc_id"].isin(docs)], run_dir, name, index)
        mark_complete(run_dir, index, {"documents": len(docs)})
    for name in TABLES:  # a partition whose marker was never written
        junk = whole[name].head(3).copy()
        for column, value in junk_part.items():
            if column in junk:
                junk[column] = value
        write_part(junk, run_dir, name, PARTITIONS)
    return run_dir


def _same(mine: pd.DataFrame, theirs: pd.DataFrame) -> None:
    pd.testing.assert_frame_equal(mine.reset_index(drop=True), theirs.reset_index(drop=True),
                                  check_dtype=False, check_index_type=False, check_column_type=False)
    assert list(mine.columns) == list(theirs.columns)


def test_the_fixture_has_something_to_aggregate(whole):
    quotes, stances = whole["quotes"], whole["stances"]
    assert len(quotes) > 50 and len(stances) > 20
    assert quotes["source"].nunique() >= 2 and quotes["date"].nunique() >= 3


def test_share_of_voice(whole, parted):
    _same(aggregates.share_of_voice(parted), aggregates.share_of_voice_of(whole["quotes"]))


@pytest.mark.parametrize("by", ["speaker", "source"])
def test_directness(whole, parted, by):
    _same(aggregates.directness(parted, by=by), aggregates.directness_of(whole["quotes"], by=by))


def test_directness_rejects_other_keys(parted):
    with pytest.raises(ValueError):
        aggregates.directness(parted, by="date")


@pytest.mark.parametrize("top_n", [3, 10])
def test_outlet_comparison(whole, parted, top_n):
    _same(aggregates.outlet_comparison(parted, top_n=top_n), aggregates.outlet_comparison_of(whole["quotes"], top_n=top_n))


def test_attribution_table(whole, parted):
    _same(aggregates.attribution_table(parted), aggregates.attribution_table_of(whole["quotes"], whole["stances"]))


def test_speaker_target_table(whole, parted):
    _same(aggregates.speaker_target_table(parted), aggregates.speaker_target_table_of(whole["stances"]))


@pytest.mark.parametrize("freq", ["D", "W", "M"])
def test_stance_over_time(whole, parted, freq):
    _same(aggregates.stance_over_time(parted, freq=freq), aggregates.stance_over_time_of(whole["stances"], freq=freq))


@pytest.mark.parametrize("n", [3, 15])
def test_top_entities(whole, parted, n):
    _same(aggregates.top_entities(parted, n=n), analysis.top_entities(whole["entities"], n=n))


@pytest.mark.parametrize(("n", "labels"), [(20, analysis.SCORED_LABELS), (50, ("PER", "ORG", "LOC", "MISC"))])
def test_entity_cooccurrence(whole, parted, n, labels):
    _same(aggregates.entity_cooccurrence(parted, n=n, labels=labels),
          analysis.entity_cooccurrence(whole["entities"], n=n, labels=labels))


def test_corpus_statistics(whole, parted):
    _same(aggregates.corpus_statistics(parted), aggregates.corpus_statistics_of(whole["documents"]))


def test_statistics_by_source(whole, parted):
    _same(aggregates.statistics_by_source(parted), aggregates.statistics_by_source_of(whole["documents"]))


@pytest.mark.parametrize("n", [5, 1000])
def test_cue_frequencies(whole, parted, n):
    _same(aggregates.cue_frequencies(parted, n=n), aggregates.cue_frequencies_of(whole["quotes"], n=n))


def test_most_quoted_document(whole, parted):
    expected = aggregates.most_quoted_document_of(whole["quotes"], whole["documents"])
    assert aggregates.most_quoted_document(parted) == expected


def test_speaker_voices(whole, parted):
    _same(aggregates.speaker_voices(parted), aggregates.speaker_voices_of(whole["quotes"]))


def test_stance_pairs(whole, parted):
    _same(aggregates.stance_pairs(parted), aggregates.stance_pairs_of(whole["stances"]))
    _same(aggregates.stance_pairs(parted, actors_only=True),
          aggregates.stance_pairs_of(whole["stances"], actors_only=True))


def test_stance_pairs_of_actors_leave_issue_targets_out():
    stances = pd.DataFrame({"speaker": ["روسيا", "روسيا"], "target": ["الاتفاق", "إيران"],
                            "polarity": ["against", "favor"], "target_kind": ["issue", "actor"]})
    assert list(aggregates.stance_pairs_of(stances)["target"]) == ["الاتفاق", "إيران"]
    assert list(aggregates.stance_pairs_of(stances, actors_only=True)["target"]) == ["إيران"]


@pytest.mark.parametrize("by", ["type", "source"])
def test_quote_dates(whole, parted, by):
    _same(aggregates.quote_dates(parted, by=by), aggregates.quote_dates_of(whole["quotes"], by=by))


def test_article_tables(whole, parted):
    doc_id = aggregates.most_quoted_document(parted)
    blocks, quotes = aggregates.article_tables(parted, doc_id)
    expected_blocks = whole["blocks"][whole["blocks"]["doc_id"] == doc_id]
    expected_quotes = whole["quotes"][whole["quotes"]["doc_id"] == doc_id]
    assert len(quotes) > 0
    _same(blocks, expected_blocks)
    _same(quotes, expected_quotes)


def _png(fig) -> bytes:
    return viz.render_figure(fig, "png", dpi=60)


def test_figures_from_parts_equal_figures_from_whole_tables(whole, parted):
    quotes, stances = whole["quotes"], whole["stances"]
    pairs, whole_pairs = aggregates.stance_pairs(parted), aggregates.stance_pairs_of(stances)
    doc_id = aggregates.most_quoted_document(parted)
    figures = [
        (viz.share_of_voice_figure(aggregates.speaker_voices(parted), top_n=5),
         viz.share_of_voice_figure(aggregates.speaker_voices_of(quotes), top_n=5)),
        (viz.directness_by_outlet_figure(aggregates.directness(parted, by="source")),
         viz.directness_by_outlet_figure(aggregates.directness_of(quotes, by="source"))),
        (viz.stance_heatmap(pairs), viz.stance_heatmap(whole_pairs)),
        (viz.stance_network(pairs, seed=1), viz.stance_network(whole_pairs, seed=1)),
        (viz.quotes_over_time(aggregates.quote_dates(parted, by="source"), by="source", top_n=1),
         viz.quotes_over_time(aggregates.quote_dates_of(quotes, by="source"), by="source", top_n=1)),
        (viz.article_timeline(*aggregates.article_tables(parted, doc_id), doc_id),
         viz.article_timeline(whole["blocks"], quotes, doc_id)),
    ]
    for mine, theirs in figures:
        assert _png(mine) == _png(theirs), mine.axes[0].get_title(loc="left")


def test_a_part_without_marker_is_never_read(parted, junk_part):
    assert junk_part["speaker"] not in set(aggregates.share_of_voice(parted)["speaker"])
    assert junk_part["source"] not in set(aggregates.directness(parted, by="source")["source"])
    assert junk_part["doc_id"] not in set(aggregates.article_tables(parted, junk_part["doc_id"])[1]["doc_id"])
    assert junk_part["cue"] not in set(aggregates.cue_frequencies(parted, n=1000)["cue_lemma"])
    assert junk_part["speaker"] not in set(aggregates.stance_pairs(parted)["speaker"])
    assert "1999-01-01" not in set(aggregates.quote_dates(parted)["date"])
    assert aggregates.corpus_statistics(parted)["date_min"].iloc[0] != "1999-01-01"
    # the part is there, and would be read if its partition were complete
    mark_complete(parted, PARTITIONS, {"documents": 1})
    try:
        assert junk_part["speaker"] in set(aggregates.share_of_voice(parted)["speaker"])
    finally:
        (parted / "tables" / "_partitions" / f"part-{PARTITIONS:05d}.json").unlink()


def test_a_missing_table_names_its_stage(tmp_path):
    with pytest.raises(FileNotFoundError, match="quotes"):
        aggregates.share_of_voice(tmp_path)


def test_empty_tables_give_the_empty_frames(whole, tmp_path):
    for name in TABLES:
        write_part(whole[name].head(0), tmp_path, name, 0)
    mark_complete(tmp_path, 0, {"documents": 0})
    empty_quotes, empty_stances = whole["quotes"].head(0), whole["stances"].head(0)
    _same(aggregates.share_of_voice(tmp_path), aggregates.share_of_voice_of(empty_quotes))
    _same(aggregates.directness(tmp_path), aggregates.directness_of(empty_quotes))
    _same(aggregates.attribution_table(tmp_path), aggregates.attribution_table_of(empty_quotes, empty_stances))
    _same(aggregates.speaker_target_table(tmp_path), aggregates.speaker_target_table_of(empty_stances))
    _same(aggregates.cue_frequencies(tmp_path), aggregates.cue_frequencies_of(empty_quotes))
    _same(aggregates.corpus_statistics(tmp_path), aggregates.corpus_statistics_of(whole["documents"].head(0)))
    assert aggregates.most_quoted_document(tmp_path) == ""
    assert "no " in "".join(t.get_text() for t in viz.share_of_voice_figure(
        aggregates.speaker_voices(tmp_path)).findobj(lambda a: hasattr(a, "get_text")))


# --- merged actors (qawl.actors): the run's alias table applied -------------------------------


@pytest.fixture(scope="module")
def aliases(whole):
    """The alias table finish_tables wrote for the real run."""
    table = actors.read_aliases(whole["_run"])
    assert table is not None
    return table


@pytest.fixture(scope="module")
def merged(whole, parted, tmp_path_factory):
    """The parted run with the whole run's alias table: its aggregates count actors."""
    run_dir = tmp_path_factory.mktemp("merged")
    shutil.copytree(parted / "tables", run_dir / "tables")
    shutil.copyfile(actors.aliases_path(whole["_run"]), actors.aliases_path(run_dir))
    return run_dir


@pytest.fixture(scope="module")
def merged_tables(whole, aliases):
    return {"quotes": actors.merge_quotes(whole["quotes"], aliases),
            "stances": actors.merge_stances(whole["stances"], aliases),
            "entities": actors.merge_entities(whole["entities"], aliases)}


def test_the_run_writes_an_alias_table_that_merges_something(whole, aliases):
    assert list(aliases.columns) == actors.ALIAS_COLUMNS
    assert set(aliases["role"]) <= set(actors.ROLES)
    speakers = set(aggregates.speaker_keys(whole["quotes"])) - {aggregates.UNATTRIBUTED}
    assert speakers <= set(aliases["form"])
    assert aliases["key"].nunique() < len(aliases)  # some forms share an actor


def test_merged_share_of_voice(merged, merged_tables):
    _same(aggregates.share_of_voice(merged), aggregates.share_of_voice_of(merged_tables["quotes"]))
    _same(aggregates.speaker_voices(merged), aggregates.speaker_voices_of(merged_tables["quotes"]))
    _same(aggregates.directness(merged), aggregates.directness_of(merged_tables["quotes"]))
    _same(aggregates.outlet_comparison(merged, top_n=5), aggregates.outlet_comparison_of(merged_tables["quotes"], top_n=5))


def test_merged_stances_and_attribution(merged, merged_tables):
    _same(aggregates.stance_pairs(merged), aggregates.stance_pairs_of(merged_tables["stances"]))
    _same(aggregates.speaker_target_table(merged), aggregates.speaker_target_table_of(merged_tables["stances"]))
    _same(aggregates.attribution_table(merged),
          aggregates.attribution_table_of(merged_tables["quotes"], merged_tables["stances"]))


def test_merged_entities(merged, merged_tables):
    _same(aggregates.top_entities(merged, n=15), analysis.top_entities(merged_tables["entities"], n=15))
    _same(aggregates.entity_cooccurrence(merged, n=20),
          analysis.entity_cooccurrence(merged_tables["entities"], n=20))


def test_roles(merged, parted, merged_tables, whole):
    _same(aggregates.voice_by_role(merged), aggregates.voice_by_role_of(merged_tables["quotes"]))
    _same(aggregates.outlet_roles(merged), aggregates.outlet_roles_of(merged_tables["quotes"]))
    _same(aggregates.stance_by_role(merged), aggregates.stance_by_role_of(merged_tables["stances"]))
    by_role = aggregates.voice_by_role(merged)
    assert by_role["n_quotes"].sum() == len(whole["quotes"])
    assert set(by_role["role"]) <= {*actors.ROLES, aggregates.UNATTRIBUTED}
    # a run without an alias table has no roles, and says so
    assert set(aggregates.voice_by_role(parted)["role"]) <= {aggregates.NO_ROLE, aggregates.UNATTRIBUTED}


def test_the_alias_table_round_trips(whole, tmp_path):
    """Edit the run's alias table, pass it back, and the counts change as edited."""
    run_dir = tmp_path / "run"
    shutil.copytree(whole["_run"] / "tables", run_dir / "tables")
    table = actors.read_aliases(run_dir)
    shares = aggregates.share_of_voice(run_dir)
    named = shares[~shares["speaker"].str.startswith("(")]
    first, second = named.iloc[0], named.iloc[1]
    keys = table.drop_duplicates("label").set_index("label")["key"]
    edited = table.copy()
    edited.loc[edited["key"] == keys[second["speaker"]], "key"] = keys[first["speaker"]]
    edited.loc[edited["key"] == keys[first["speaker"]], "role"] = "party_or_opposition"
    edits = tmp_path / "edited.csv"
    edited[actors.EDIT_COLUMNS].to_csv(edits, index=False)

    actors.write_actor_tables(run_dir, edits)
    after = aggregates.share_of_voice(run_dir).set_index("speaker")
    assert after.loc[first["speaker"], "n_quotes"] == first["n_quotes"] + second["n_quotes"]
    assert second["speaker"] not in after.index
    roles = aggregates.voice_by_role(run_dir).set_index("role")
    assert roles.loc["party_or_opposition", "n_quotes"] >= first["n_quotes"] + second["n_quotes"]
    attribution = read_table(run_dir, "attribution")
    assert second["speaker"] not in set(attribution["speaker"])
    rules = actors.read_aliases(run_dir).set_index("form")["rule"]
    assert (rules == "A-RESEARCHER").any()

    # the edits are kept with the run: finishing the tables again keeps them
    from qawl.engine import finish_tables
    finish_tables(run_dir)
    assert aggregates.share_of_voice(run_dir).set_index("speaker").loc[first["speaker"], "n_quotes"] == \
        first["n_quotes"] + second["n_quotes"]


# --- context columns of the quotes table, and the article's section ---------------------------


def test_quote_context_rows_hold_their_sentence_paragraph_and_article(seed_doc):
    from qawl.pipeline import TABLE_SCHEMAS, quote_context
    from qawl.quotes import extract_quotes, quote_rows

    quotes = extract_quotes(seed_doc, [])
    assert quotes, "the seed has quotes"
    seed_doc.url, seed_doc.section = "https://example.org/a", "politics"
    rows = quote_context(seed_doc, quote_rows(seed_doc, quotes))
    text = seed_doc.text
    for row in rows:
        s, p = row["sentence_start"], row["paragraph_start"]
        assert text[s:s + len(row["sentence"])] == row["sentence"]
        assert text[p:p + len(row["paragraph"])] == row["paragraph"]
        # the sentence holds the whole quote, and the paragraph holds the sentence
        assert s <= min(row["cue_start"], row["content_start"])
        assert max(row["cue_end"], row["content_end"]) <= s + len(row["sentence"])
        assert p <= s and s + len(row["sentence"]) <= p + len(row["paragraph"])
        assert (row["title"], row["url"], row["section"]) == (seed_doc.title, "https://example.org/a", "politics")
    # a short quote's sentence is shorter than the article
    assert min(len(r["sentence"]) for r in rows) < len(text) / 4
    assert {"sentence", "paragraph", "title", "url", "section"} <= set(TABLE_SCHEMAS["quotes"].names)
    assert str(TABLE_SCHEMAS["quotes"].field("sentence").type) == "string"
    assert str(TABLE_SCHEMAS["sentences"].field("sentence").type) == "int64"


def test_ant_category_is_the_section(tmp_path):
    from qawl.clean import clean_article
    from qawl.corpus import load_corpus
    from qawl.pipeline import document_row

    folder = tmp_path / "BBC" / "politics"
    folder.mkdir(parents=True)
    (folder / "BBC-politics-1.txt").write_text(
        "<DOC>\n<DOCNO>BBC-politics-1</DOCNO>\n<URL>https://bbc.example/1</URL>\n<SRC>bbc</SRC>\n"
        "<CAT>politics</CAT>\n<TITLE>عنوان</TITLE>\n<TIME>Sun, 15 Jul 2018 21:56:56 +0400</TIME>\n"
        "<TEXT>\nقال الوزير إن الحوار مستمر.\n</TEXT>\n</DOC>\n", encoding="utf-8")
    (article,) = load_corpus(tmp_path)
    assert article.section == "politics"
    assert document_row(clean_article(article))["section"] == "politics"


def test_record_category_is_the_section(tmp_path):
    from qawl.corpus import load_corpus

    path = tmp_path / "a.jsonl"
    path.write_text('{"text": "قال الوزير إن الحوار مستمر.", "category": "economy"}\n'
                    '{"text": "قال الوزير إن الحوار مستمر."}\n', encoding="utf-8")
    assert [a.section for a in load_corpus(path)] == ["economy", ""]


# --- quotes with context, exports, rates ---------------------------------------------------------


def test_quote_rates_over_parts_equal_pandas(whole, parted):
    expected = aggregates.quote_rates_of(whole["documents"], whole["quotes"])
    got = aggregates.quote_rates(parted)
    key = ["date", "source"]
    assert got.sort_values(key).reset_index(drop=True).equals(expected.sort_values(key).reset_index(drop=True))
    assert int(got["articles"].sum()) == len(whole["documents"])
    assert int(got["quotes"].sum()) == len(whole["quotes"])


def test_quotes_by_finds_a_speaker_by_part_of_the_name(whole):
    run_dir = whole["_run"]
    found = aggregates.quotes_by(run_dir, "لافروف")
    assert len(found) >= 1 and list(found.columns) == aggregates.CONTEXT_COLUMNS
    assert found["speaker"].str.contains("لافروف").all()
    for row in found.itertuples():  # the sentence holds the content, the paragraph the sentence
        assert row.content in row.sentence and row.sentence in row.paragraph
    assert aggregates.quotes_by(run_dir, "اسم لا يقوله أحد").empty
    top = aggregates.quotes_by(run_dir)  # the most quoted named speaker
    assert len(top) and top["speaker"].nunique() == 1 and not top["speaker"].iloc[0].startswith("(")


def test_quotes_where_filters_combine(whole):
    run_dir, quotes = whole["_run"], whole["quotes"]
    outlet = quotes["source"].value_counts().index[0]
    found = aggregates.quotes_where(run_dir, source=outlet, type="indirect")
    assert len(found) == int(((quotes["source"] == outlet) & (quotes["type"] == "indirect")).sum())
    dates = sorted(d for d in quotes["date"] if d)
    middle = dates[len(dates) // 2]
    within = aggregates.quotes_where(run_dir, start=middle, end=middle)
    assert len(within) == int((quotes["date"] == middle).sum()) and set(within["date"]) == {middle}
    assert len(aggregates.quotes_where(run_dir, limit=3)) == 3


def test_coding_sample_is_seeded_with_blank_verdicts(whole):
    quotes = aggregates.quotes_where(whole["_run"])
    first = aggregates.coding_sample(quotes, n=5, seed=7)
    again = aggregates.coding_sample(quotes, n=5, seed=7)
    other = aggregates.coding_sample(quotes, n=5, seed=8)
    assert first.equals(again) and not first["row"].equals(other["row"])
    assert len(first) == 5 and first["row"].is_unique
    for column in aggregates.CODER_COLUMNS:
        assert (first[column] == "").all()
    assert len(aggregates.coding_sample(quotes.head(2), n=5)) == 2  # never more than there are


def test_export_quotes_writes_csv_readable_by_excel(whole, tmp_path):
    run_dir = tmp_path / "run"
    shutil.copytree(whole["_run"], run_dir)
    paths = aggregates.export_quotes(run_dir, sample=4, seed=1)
    names = {p.name for p in paths}
    assert {"quotes.csv", "quotes_sample.csv"} <= names
    assert ("quotes.xlsx" in names) == aggregates.excel_available()
    raw = (run_dir / "exports" / "quotes.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM: Excel reads the Arabic as UTF-8
    table = pd.read_csv(run_dir / "exports" / "quotes.csv", encoding="utf-8-sig")
    assert len(table) == len(whole["quotes"]) and "sentence" in table.columns
    sample = pd.read_csv(run_dir / "exports" / "quotes_sample.csv", encoding="utf-8-sig")
    assert len(sample) == 4 and "speaker_correct (y/n)" in sample.columns


# --- the statistics the figures and the report take from the aggregates' frames ----------------

PAIRS = pd.DataFrame({"speaker": ["لافروف", "كيري", "لافروف"], "target": ["واشنطن", "موسكو", "واشنطن"],
                      "favor": [1, 0, 2], "against": [3, 1, 0], "neutral": [0, 2, 1], "total": [4, 3, 3]})


def test_pair_counts_sum_each_pair_and_lean_by_favor_minus_against():
    counts = aggregates.pair_counts(PAIRS)
    assert list(counts.index) == [("كيري", "موسكو"), ("لافروف", "واشنطن")]  # name order
    assert counts.loc[("لافروف", "واشنطن")].tolist() == [3, 3, 1, 7, 0]
    assert counts.loc[("كيري", "موسكو"), "net"] == -1


def test_polarity_and_target_totals():
    assert aggregates.polarity_totals(PAIRS) == {"favor": 3, "against": 4, "neutral": 3}
    assert aggregates.target_totals(PAIRS).to_dict() == {"واشنطن": 7, "موسكو": 3}
    assert list(aggregates.target_totals(PAIRS).index) == ["واشنطن", "موسكو"]


def test_type_totals_attributed_quotes_and_outlet_rates():
    shares = pd.DataFrame({"speaker": ["كيري", aggregates.UNATTRIBUTED], "n_quotes": [5, 2]})
    assert aggregates.attributed_quotes(shares) == 5
    outlets = pd.DataFrame({"source": ["a", "b"], "direct": [2, 1], "indirect": [0, 3], "mixed": [1, 0]})
    assert aggregates.type_totals(outlets) == {"direct": 3, "indirect": 3, "mixed": 1}
    rates = pd.DataFrame({"date": ["2015-07-01", "2015-07-02", "2015-07-01"], "source": ["a", "a", "b"],
                          "articles": [2, 2, 0], "quotes": [3, 5, 0]})
    assert aggregates.outlet_quote_rates(rates).to_dict() == {"a": 2.0}  # b has no article


def test_a_confidence_threshold_keeps_its_quotes_and_their_stances(whole, parted, tmp_path):
    import shutil

    from qawl.display import confidence_note

    run_dir = tmp_path / "run"
    shutil.copytree(parted, run_dir)
    quotes, stances = whole["quotes"], whole["stances"]
    threshold = float(quotes["confidence"].median())
    kept = quotes[quotes["confidence"] >= threshold]
    assert 0 < len(kept) < len(quotes)
    aggregates.set_min_confidence(run_dir, threshold)
    assert aggregates.min_confidence(run_dir) == threshold
    _same(aggregates.speaker_voices(run_dir), aggregates.speaker_voices_of(kept))
    pairs = set(zip(kept["doc_id"], kept["quote"]))
    kept_stances = stances[[q < 0 or (d, q) in pairs for d, q in zip(stances["doc_id"], stances["quote"])]]
    assert len(kept_stances) < len(stances)
    _same(aggregates.stance_pairs(run_dir), aggregates.stance_pairs_of(kept_stances))
    assert aggregates.kept_quotes(run_dir)[0] == len(kept)
    assert f"≥ {threshold:g}" in confidence_note(run_dir)
    aggregates.set_min_confidence(run_dir, 0)
    _same(aggregates.speaker_voices(run_dir), aggregates.speaker_voices_of(quotes))
    assert confidence_note(run_dir).startswith("**Every quote counts**")


@pytest.mark.parametrize("bad", [-0.1, 1.5, "0.5", True, None])
def test_a_bad_confidence_threshold_is_refused(tmp_path, bad):
    with pytest.raises(ValueError, match="min_confidence"):
        aggregates.set_min_confidence(tmp_path, bad)
    assert not (tmp_path / aggregates.FILTER_FILE).exists()


def _stance_row(doc_id, speaker, target, polarity, confidence, kind="actor"):
    return {"doc_id": doc_id, "quote": 0, "speaker": speaker, "target": target, "polarity": polarity,
            "evidence": "", "source": "s", "date": "", "target_kind": kind, "target_start": 0, "target_end": 1,
            "from_quote": True, "evidence_kind": "quote", "sentence": f"{speaker} {polarity} {target} {confidence}",
            "sentence_start": 0, "sentence_end": 1, "rules": "Q-CUE", "confidence": confidence}


def test_stance_ranking_ranks_named_actors_with_an_example(tmp_path):
    from qawl.pipeline import TABLE_SCHEMAS

    rows = [_stance_row("a", "روسيا", "تركيا", "against", 0.3), _stance_row("b", "روسيا", "تركيا", "against", 0.6),
            _stance_row("b", "روسيا", "تركيا", "against", 0.5),
            _stance_row("a", "إيران", "إسرائيل", "against", 0.4), _stance_row("c", "إيران", "إسرائيل", "against", 0.2),
            _stance_row("a", "إيران", "الاتفاق", "against", 0.9, kind="issue"),  # an issue, not an actor
            _stance_row("a", "(unnamed source)", "تركيا", "against", 0.9),  # an unnamed speaker
            _stance_row("a", "روسيا", "تركيا", "favor", 0.9),
            _stance_row("a", "مصر", "قطر", "against", 0.9)]  # once: under min_stances
    frame = pd.DataFrame(rows)
    write_part(frame, tmp_path, "stances", 0, schema=TABLE_SCHEMAS["stances"])
    mark_complete(tmp_path, 0, {"documents": 3})
    ranking = aggregates.stance_ranking(tmp_path, "against")
    assert list(ranking.columns) == aggregates.STANCE_RANKING_COLUMNS
    assert ranking[["speaker", "target", "stances", "articles"]].values.tolist() == [
        ["روسيا", "تركيا", 3, 2], ["إيران", "إسرائيل", 2, 2]]
    assert ranking.loc[0, "example"] == "روسيا against تركيا 0.6"  # the most confident stance's sentence
    assert ranking.loc[0, "mean_confidence"] == pytest.approx(0.47, abs=0.01)
    kept = aggregates.stance_ranking(tmp_path, "against", min_confidence=0.35)
    assert kept[["speaker", "stances"]].values.tolist() == [["روسيا", 2]]
    assert aggregates.stance_ranking(tmp_path, "favor", min_stances=1)["target"].tolist() == ["تركيا"]
    with pytest.raises(ValueError, match="polarity must be one of"):
        aggregates.stance_ranking(tmp_path, "opposed")
