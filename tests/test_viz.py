"""Figures: made from small frames of counts, Arabic labels kept, empty input survives, files written."""
from __future__ import annotations

import matplotlib
import matplotlib.pyplot as plt
import pandas as pd
import pytest
from matplotlib.figure import Figure

from qawl import actors, aggregates, viz

QUOTE_COLUMNS = [
    "doc_id", "quote", "type", "cue", "cue_start", "cue_end", "content", "content_start", "content_end",
    "speaker", "speaker_start", "speaker_end", "speaker_canonical", "speaker_kind", "speaker_is_pronoun",
    "confidence", "block_role", "embedded_source", "cue_lemma", "cue_polarity", "source", "date",
]
STANCE_COLUMNS = ["doc_id", "quote", "speaker", "target", "polarity", "evidence", "source", "date"]
BLOCK_COLUMNS = ["doc_id", "block", "role", "start", "end", "text"]

KERRY, LAVROV, OPPOSITION, SECURITY, SPA = "جون كيري", "سيرغي لافروف", "المعارضة السورية", "مصادر أمنية", "وكالة الأنباء السعودية"


def quote_rows(rows: list[tuple]) -> pd.DataFrame:
    """(speaker_canonical, speaker_kind, type, source, date) -> a quotes frame with every column."""
    frame = pd.DataFrame(rows, columns=["speaker_canonical", "speaker_kind", "type", "source", "date"])
    frame["speaker"] = frame["speaker_canonical"]
    frame["doc_id"] = "d1"
    return frame.reindex(columns=QUOTE_COLUMNS)


@pytest.fixture
def quotes() -> pd.DataFrame:
    return quote_rows([
        (KERRY, "person", "direct", "okaz", "2015-03-01"),
        (KERRY, "person", "indirect", "okaz", "2015-03-02"),
        (KERRY, "person", "direct", "الحياة", "2015-03-02"),
        (LAVROV, "person", "indirect", "الحياة", "2015-03-05"),
        (OPPOSITION, "organisation", "mixed", "okaz", ""),
        (SECURITY, "anonymous", "indirect", "sabq", "2015-03-09"),
        (SPA, "media", "direct", "sabq", "2015-03-09"),
        ("", "unknown", "indirect", "sabq", "2015-03-10"),
    ])


@pytest.fixture
def stances() -> pd.DataFrame:
    rows = [
        (KERRY, "إيران", "against"), (KERRY, "إيران", "against"), (KERRY, "روسيا", "neutral"),
        (LAVROV, "الولايات المتحدة", "favor"), (OPPOSITION, "نظام الأسد", "against"),
        (SECURITY, "إيران", "favor"), ("", "إيران", "favor"),
    ]
    return pd.DataFrame(rows, columns=["speaker", "target", "polarity"]).reindex(columns=STANCE_COLUMNS)


@pytest.fixture(autouse=True)
def no_pyplot_leak():
    before = set(plt.get_fignums())
    yield
    assert set(plt.get_fignums()) == before, "a figure function left a pyplot figure open"


def texts(labels) -> list[str]:
    return [label.get_text() for label in labels]


def title(fig: Figure) -> str:
    return fig.axes[0].get_title(loc="left")  # house style puts titles on the left


def all_texts(fig: Figure) -> str:
    """Every piece of text in the figure, titles, ticks, legends and annotations included."""
    return "\n".join(t.get_text() for t in fig.findobj(matplotlib.text.Text))


@pytest.mark.parametrize(
    ("text_in", "max_chars", "text_out"),
    [
        ("جون كيري", 30, "جون كيري"),
        ("  جون \n كيري  ", 30, "جون كيري"),
        ("الأمير محمد بن سلمان بن عبدالعزيز آل سعود", 21, "الأمير محمد بن سلمان…"),
        ("الأمير محمد بن سلمان بن عبدالعزيز آل سعود", 20, "الأمير محمد بن…"),
        ("وزير الخارجية الأمريكي جون كيري", 16, "وزير الخارجية…"),
        ("وكالة_الأنباء_السعودية_واس", 10, "وكالة_الأ…"),
        ("", 30, ""),
        (None, 30, ""),
        (float("nan"), 30, ""),
        ("Reuters news agency, London", 14, "Reuters news…"),
    ],
)
def test_shorten_label(text_in, max_chars, text_out):
    assert viz.shorten_label(text_in, max_chars) == text_out
    assert len(viz.shorten_label(text_in, max_chars)) <= max_chars


def test_share_of_voice_lists_speakers_and_folds_the_rest(quotes):
    fig = viz.share_of_voice_figure(aggregates.speaker_voices_of(quotes), top_n=3)
    labels = texts(fig.axes[0].get_yticklabels())
    assert labels[0] == KERRY  # most quoted on top
    assert LAVROV in labels[:3]
    assert len(labels) == 3  # the others are a line of text, not a bar that dwarfs the named speakers
    assert "not shown: 2 other speakers with" in title(fig)
    assert "1 quote without a speaker not counted" in title(fig)
    assert "n = 7 attributed quotes" in fig.caption


def test_share_of_voice_uses_surface_name_when_no_canonical(quotes):
    quotes = quotes.assign(speaker_canonical="")
    labels = texts(viz.share_of_voice_figure(aggregates.speaker_voices_of(quotes)).axes[0].get_yticklabels())
    assert KERRY in labels


def test_share_of_voice_counts_a_speaker_that_names_nobody_as_no_speaker(quotes):
    # the actor stage labels a speaker phrase such as حوالي or له "(not a speaker)": no bar for it
    nobody = actors.generic_label("none")
    quotes = quotes.assign(speaker_canonical=quotes["speaker_canonical"].where(quotes.index != 0, nobody))
    fig = viz.share_of_voice_figure(aggregates.speaker_voices_of(quotes))
    assert nobody not in texts(fig.axes[0].get_yticklabels())
    assert "2 quotes without a speaker not counted" in title(fig)


def test_share_of_voice_scales_with_many_speakers():
    rows = [(f"متحدث رقم {i}", "person", "direct", "okaz", "2015-01-01") for i in range(500)]
    fig = viz.share_of_voice_figure(aggregates.speaker_voices_of(quote_rows(rows + rows[:5])), top_n=20)
    labels = texts(fig.axes[0].get_yticklabels())
    assert len(labels) == 20
    assert "not shown: 480 other speakers with 480 quotes (95%)" in title(fig)
    # every bar's label has a non-zero share: 1 of 505 quotes is 0.2%, not "0%"
    bar_labels = texts(fig.axes[0].texts)
    assert bar_labels and not any("(0%)" in label for label in bar_labels)
    assert "1 (0.2%)" in bar_labels
    assert fig.get_figheight() <= viz.MAX_FIGURE_HEIGHT


def test_directness_by_outlet_has_outlets_and_types(quotes):
    fig = viz.directness_by_outlet_figure(aggregates.directness_of(quotes, by="source"))
    assert set(texts(fig.axes[0].get_yticklabels())) == {"okaz", "الحياة", "sabq"}
    assert {"direct", "indirect", "mixed"} <= set(all_texts(fig).split("\n"))


def test_stance_heatmap_axes_and_counts(stances):
    fig = viz.stance_heatmap(aggregates.stance_pairs_of(stances))
    ax = fig.axes[0]
    assert texts(ax.get_xticklabels())[0] == "إيران"  # most frequent target first
    assert set(texts(ax.get_yticklabels())) == {KERRY, LAVROV, OPPOSITION, SECURITY}  # "" speaker dropped
    assert "2" in texts(ax.texts)  # Kerry against Iran twice


def test_stance_figures_show_named_actors_only(stances):
    """An unnamed speaker (the alias table's "(unnamed …)" label) is no actor of the heatmap or network."""
    unnamed = stances.copy()
    unnamed.loc[unnamed["speaker"] == KERRY, "speaker"] = "(unnamed minister or official)"
    pairs = aggregates.stance_pairs_of(unnamed)
    heatmap = viz.stance_heatmap(pairs)
    assert "(unnamed minister or official)" not in texts(heatmap.axes[0].get_yticklabels())
    assert "between named actors" in heatmap.caption
    network = viz.stance_network(pairs, seed=3)
    assert not any(name.startswith("(unnamed") for name in texts(network.axes[0].texts))


def test_stance_network_labels_and_fixed_seed(stances):
    first = viz.stance_network(aggregates.stance_pairs_of(stances), seed=3)
    second = viz.stance_network(aggregates.stance_pairs_of(stances), seed=3)
    names = texts(first.axes[0].texts)
    assert {KERRY, "إيران", "نظام الأسد"} <= set(names)

    def positions(fig):
        return [annotation.xy for annotation in fig.axes[0].texts]

    assert positions(first) == positions(second)


def test_quotes_over_time_reports_missing_dates(quotes):
    fig = viz.quotes_over_time(aggregates.quote_dates_of(quotes))
    assert "1 of 8 quotes without a date" in title(fig)
    assert "per week" in title(fig)  # 7 quotes over 10 days: too thin for daily bins


def test_quotes_over_time_by_outlet(quotes):
    fig = viz.quotes_over_time(aggregates.quote_dates_of(quotes, by="source"), freq="W-MON", by="source", top_n=1)
    legend = all_texts(fig)
    assert "sabq" in legend and "others" in legend  # sabq has the most dated quotes
    with pytest.raises(ValueError):
        aggregates.quote_dates_of(quotes, by="speaker")


def test_quotes_over_time_without_any_date(quotes):
    fig = viz.quotes_over_time(aggregates.quote_dates_of(quotes.assign(date="")))
    assert "no dated quotes (8 quotes without a date)" in all_texts(fig)


@pytest.fixture
def article() -> tuple[pd.DataFrame, pd.DataFrame]:
    paragraphs = [
        ("title", "كيري ولافروف يبحثان الأزمة السورية"),
        ("body", "قال جون كيري إن الحل سياسي."),
        ("body", "وأكد سيرغي لافروف أن موسكو ترفض التدخل."),
        ("source_line", "جنيف - واس"),
    ]
    text, rows = "", []
    for index, (role, paragraph) in enumerate(paragraphs):
        rows.append({"doc_id": "d1", "block": index, "role": role, "start": len(text),
                     "end": len(text) + len(paragraph), "text": paragraph})
        text += paragraph + "\n\n"

    def quote(speaker, cue, content, quote_type):
        return {"doc_id": "d1", "type": quote_type, "speaker": speaker, "speaker_canonical": speaker,
                "cue_start": text.index(cue), "content_start": text.index(content),
                "content_end": text.index(content) + len(content)}

    quotes = pd.DataFrame([
        quote(KERRY, "قال", "إن الحل سياسي", "indirect"),
        quote(LAVROV, "وأكد", "أن موسكو ترفض التدخل", "indirect"),
        quote("", "وأكد", "ترفض", "direct"),
    ]).reindex(columns=QUOTE_COLUMNS)
    return pd.DataFrame(rows, columns=BLOCK_COLUMNS), quotes


def test_article_timeline_rows_and_speakers(article):
    blocks, quotes = article
    fig = viz.article_timeline(blocks, quotes, "d1")
    assert texts(fig.axes[0].get_yticklabels()) == ["title 1", "body 2", "body 3", "source_line 4"]
    legend = all_texts(fig)
    assert KERRY in legend and LAVROV in legend and aggregates.UNATTRIBUTED in legend
    assert "كيري ولافروف يبحثان الأزمة السورية" in title(fig)


def test_article_timeline_unknown_document(article):
    blocks, quotes = article
    assert "no paragraphs for document 'nope'" in all_texts(viz.article_timeline(blocks, quotes, "nope"))


EMPTY_FIGURES = [
    lambda: viz.share_of_voice_figure(aggregates.speaker_voices_of(pd.DataFrame(columns=QUOTE_COLUMNS))),
    lambda: viz.directness_by_outlet_figure(aggregates.directness_of(pd.DataFrame(columns=QUOTE_COLUMNS), by="source")),
    lambda: viz.stance_heatmap(aggregates.stance_pairs_of(pd.DataFrame(columns=STANCE_COLUMNS))),
    lambda: viz.stance_network(aggregates.stance_pairs_of(pd.DataFrame(columns=STANCE_COLUMNS))),
    lambda: viz.quotes_over_time(aggregates.quote_dates_of(pd.DataFrame(columns=QUOTE_COLUMNS))),
    lambda: viz.article_timeline(pd.DataFrame(columns=BLOCK_COLUMNS), pd.DataFrame(columns=QUOTE_COLUMNS), "d1"),
]


@pytest.mark.parametrize("make_figure", EMPTY_FIGURES)
def test_empty_input_says_no_data(make_figure):
    fig = make_figure()
    assert isinstance(fig, Figure)
    assert "no " in all_texts(fig)


def test_font_does_not_follow_global_rcparams(quotes):
    with matplotlib.rc_context({"font.family": ["serif"]}):
        fig = viz.share_of_voice_figure(aggregates.speaker_voices_of(quotes))
    assert fig.axes[0].get_yticklabels()[0].get_fontname() == "DejaVu Sans"


def test_save_figure_writes_png_and_svg(tmp_path, quotes):
    paths = viz.save_figure(viz.share_of_voice_figure(aggregates.speaker_voices_of(quotes)), tmp_path, "share_of_voice")
    assert [p.name for p in paths] == ["share_of_voice.png", "share_of_voice.svg"]
    assert paths[0].read_bytes().startswith(b"\x89PNG")
    assert b"<svg" in paths[1].read_bytes()[:1000]
    assert not list((tmp_path / "figures").glob(".*"))  # no temporary files left


def test_save_figure_rejects_paths(tmp_path, quotes):
    with pytest.raises(ValueError):
        viz.save_figure(viz.share_of_voice_figure(aggregates.speaker_voices_of(quotes)), tmp_path, "../escape")


@pytest.mark.parametrize(
    ("first", "last", "n_quotes", "freq"),
    [
        ("2015-03-01", "2015-03-20", 200, "D"),  # short and dense: days
        ("2015-03-01", "2015-03-20", 20, "W-MON"),  # short but thin: weeks
        ("2015-01-01", "2015-12-31", 2000, "W-MON"),  # a year: weeks
        ("2013-01-01", "2015-12-31", 5000, "MS"),  # years: months
        ("2015-03-01", "2015-03-01", 1, "MS"),  # one quote
    ],
)
def test_auto_frequency(first, last, n_quotes, freq):
    dates = pd.Series(pd.to_datetime([first] * (n_quotes - 1) + [last]))
    assert viz._auto_frequency(dates) == freq


def test_counts_rank_ties_by_first_appearance(quotes, stances):
    voices = aggregates.speaker_voices_of(quotes)
    assert list(voices["speaker"][:3]) == [KERRY, LAVROV, OPPOSITION]  # 3, then 1s in order of first quote
    assert list(voices.columns) == aggregates.VOICE_COLUMNS
    pairs = aggregates.stance_pairs_of(stances)
    assert list(pairs.itertuples(index=False, name=None))[:2] == [
        (KERRY, "إيران", 0, 2, 0, 2), (KERRY, "روسيا", 0, 0, 1, 1)]
    assert int(pairs["total"].sum()) == 6  # the stance without a speaker is left out
    dates = aggregates.quote_dates_of(quotes, by="source")
    assert list(dates.iloc[0]) == ["2015-03-01", "okaz", 1]
    assert int(dates["quotes"].sum()) == len(quotes)


def test_figures_weigh_counts_like_rows(quotes):
    """A figure of counts equals the figure of the rows they count (rows repeated = counts doubled)."""
    doubled = pd.concat([quotes, quotes], ignore_index=True)
    voices = aggregates.speaker_voices_of(quotes).assign(quotes=lambda f: f["quotes"] * 2)
    assert voices.equals(aggregates.speaker_voices_of(doubled))
    first = viz.render_figure(viz.quotes_over_time(aggregates.quote_dates_of(doubled)), "png", dpi=50)
    dates = aggregates.quote_dates_of(quotes).assign(quotes=lambda f: f["quotes"] * 2)
    assert viz.render_figure(viz.quotes_over_time(dates), "png", dpi=50) == first


# --- captions, shares, time per article, many speakers ---------------------------------------


@pytest.mark.parametrize(("share", "text"), [(0.5, "50%"), (0.12, "12%"), (0.034, "3.4%"), (0.004, "0.4%"),
                                             (0.0002, "<0.1%"), (0.0, "0%")])
def test_percent_never_rounds_a_share_to_zero(share, text):
    assert viz.percent(share) == text


def test_quotes_per_article_trims_outlier_dates_and_reports_them():
    dates = [f"2018-03-{d:02d}" for d in range(1, 29)] * 3 + ["2012-10-13"]
    rates = pd.DataFrame({"date": dates, "source": ["BBC", "CNN", "BBC"] * 28 + ["CNN"],
                          "articles": [2] * 84 + [1], "quotes": [6] * 84 + [40]})
    fig = viz.quotes_per_article(rates)
    assert "1 article dated outside" in title(fig)
    assert "2012-10-13 (1)" in fig.caption and "n = 168 articles" in fig.caption
    top_ax = fig.axes[0]
    low, high = top_ax.get_xlim()
    import matplotlib.dates as mdates
    assert mdates.num2date(low).year == 2018  # the axis is not stretched back to 2012
    ys = [y for line in top_ax.get_lines() for y in line.get_ydata() if y == y]
    assert ys and max(ys) == pytest.approx(3.0)  # 6 quotes over 2 articles: a rate, not a count


def test_quote_rates_count_articles_and_their_quotes():
    documents = pd.DataFrame({"doc_id": ["a", "b", "c"], "date": ["2015-01-01", "2015-01-01", ""],
                              "source": ["okaz", "okaz", ""]})
    table = aggregates.quote_rates_of(documents, pd.DataFrame({"doc_id": ["a", "a", "c"]}))
    assert table.to_dict("records") == [
        {"date": "2015-01-01", "source": "okaz", "articles": 2, "quotes": 2},
        {"date": "", "source": aggregates.UNKNOWN_OUTLET, "articles": 1, "quotes": 1}]


def test_article_timeline_tells_fifteen_speakers_apart(article):
    blocks, quotes = article
    many = pd.concat([quotes.iloc[[0]].assign(speaker=f"متحدث {i}", speaker_canonical=f"متحدث {i}")
                      for i in range(15)], ignore_index=True)
    fig = viz.article_timeline(blocks, many, "d1")
    colours = {tuple(line.get_color()) if not isinstance(line.get_color(), str) else line.get_color()
               for line in fig.legends[0].get_lines()[:15]}
    assert len(colours) == 15  # no speaker folded into grey "others"
    assert "others" not in all_texts(fig)
    assert "words into the paragraph" in fig.axes[0].get_xlabel()
    assert "n = 15 quotes from 15 speakers" in fig.caption


def test_heatmap_colour_bar_speaks_plainly(stances):
    fig = viz.stance_heatmap(aggregates.stance_pairs_of(stances))
    labels = [ax.get_ylabel() for ax in fig.axes[1:]]
    assert labels == ["how the speaker leans towards the target"]
    assert "(favor − against) ÷ all stances" in fig.caption  # the score is defined in the caption


def test_every_figure_caption_has_n_and_definitions(quotes, stances):
    figures = [viz.share_of_voice_figure(aggregates.speaker_voices_of(quotes)),
               viz.directness_by_outlet_figure(aggregates.directness_of(quotes, by="source")),
               viz.stance_heatmap(aggregates.stance_pairs_of(stances)),
               viz.stance_network(aggregates.stance_pairs_of(stances))]
    for fig in figures:
        assert "n = " in fig.caption, fig.caption
    assert "mixed: a paraphrase" in figures[1].caption


def test_quality_note_reads_the_held_out_part(tmp_path):
    import json

    (tmp_path / "stance_results.json").write_text(json.dumps(
        {"modes": {"e2e": {"parts": {"dev": {"measures": {"f1": {"value": 0.9}}},
                                     "test": {"measures": {"f1": {"value": 0.29}}}}}}}))
    assert viz.quality_note("stance", tmp_path).endswith("stance F1 0.29.")  # test part, not dev
    assert "not measured" in viz.quality_note("quotes", tmp_path)


def test_show_saves_and_captions(tmp_path, quotes):
    shown = viz.show(viz.share_of_voice_figure(aggregates.speaker_voices_of(quotes)), tmp_path, "sov")
    assert (tmp_path / "figures" / "sov.png").exists() and (tmp_path / "figures" / "sov.svg").exists()
    page = shown._repr_html_()
    assert page.startswith('<figure class="qawl-figure"') and "<figcaption" in page and "n = 7" in page
