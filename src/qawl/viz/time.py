"""When: quotes over time and quotes per article over time, with outlier dates trimmed.
"""
from __future__ import annotations

from typing import Optional

import matplotlib
import matplotlib.dates
import matplotlib.ticker
import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from qawl.aggregates import check_quote_grouping, outlets, text_column
from qawl.schema import QUOTE_TYPES
from qawl.viz.captions import QUOTE_TYPE_DEFINITIONS
from qawl.viz.style import (
    FIGURE_WIDTH, OTHERS, OTHERS_COLOUR, SPEAKER_PALETTE, TYPE_COLOURS, _new_figure, _plural, _title,
    _top_with_others, house_style, no_data_figure, shorten_label,
)


def _auto_frequency(dates: pd.Series, max_bins: int = 120, min_per_bin: float = 3.0,
                    n_quotes: Optional[int] = None) -> str:
    """The finest of day / week / month bins with at most ``max_bins`` bins and enough quotes per bin.

    ``dates`` holds one date per quote, or each date once with ``n_quotes`` the quotes in all.
    """
    span_days = (dates.max() - dates.min()).days + 1
    n_quotes = len(dates) if n_quotes is None else n_quotes
    for freq, days in (("D", 1), ("W-MON", 7)):
        n_bins = max(1.0, span_days / days)
        if n_bins <= max_bins and n_quotes / n_bins >= min_per_bin:
            return freq
    return "MS"


FREQUENCY_NAMES = {"D": "day", "W-MON": "week", "W": "week", "MS": "month", "ME": "month", "M": "month"}


@house_style
def quotes_over_time(dates: pd.DataFrame, freq: Optional[str] = None, by: str = "type", top_n: int = 5) -> Figure:
    """Quotes per day, week or month (``freq``, chosen from the span when None).

    ``dates`` is ``qawl.aggregates.quote_dates(run_dir, by)`` or ``qawl.aggregates.quote_dates_of(quotes, by)``.
    ``by="type"`` draws one line per quote type; ``by="source"`` one per
    outlet for the ``top_n`` largest, the rest as "others". Quotes without a
    date are left out and counted in a footnote.
    """
    title = "Quotes over time"
    check_quote_grouping(by)
    n_quotes = dates["quotes"].astype(int) if "quotes" in dates else pd.Series(0, index=dates.index)
    days = pd.to_datetime(text_column(dates, "date"), errors="coerce", format="ISO8601")
    dated = days.notna()
    undated = int(n_quotes[~dated].sum())
    n_dated = int(n_quotes[dated].sum())
    if not dated.any():
        return no_data_figure(title, f"no dated quotes ({_plural(undated, 'quote')} without a date)")
    groups = text_column(dates, by)
    if by == "type":
        order = [t for t in QUOTE_TYPES if (groups[dated] == t).any()]
        colours = dict(TYPE_COLOURS)
    else:
        ranked = (pd.DataFrame({"group": groups, "quotes": n_quotes})[dated]
                  .groupby("group", sort=False)["quotes"].sum())
        top, _, others_n = _top_with_others(ranked, top_n)
        groups = groups.where(groups.isin(top.index), OTHERS)
        order = list(top.index) + ([OTHERS] if others_n else [])
        palette = matplotlib.colormaps[SPEAKER_PALETTE]
        colours = {name: palette(i % 10) for i, name in enumerate(top.index)} | {OTHERS: OTHERS_COLOUR}

    freq = freq or _auto_frequency(days[dated], n_quotes=n_dated)
    frame = pd.DataFrame({"date": days[dated], "group": groups[dated], "quotes": n_quotes[dated]})
    series = (frame.groupby([pd.Grouper(key="date", freq=freq), "group"])["quotes"].sum()
              .unstack(fill_value=0).reindex(columns=order, fill_value=0))
    # empty periods are zeros, not a line drawn across the gap
    full_range = pd.date_range(series.index.min(), series.index.max(), freq=freq)
    series = series.reindex(full_range, fill_value=0)
    fig = _new_figure(FIGURE_WIDTH, 3.8)
    ax = fig.add_subplot()
    few_points = len(series) <= 40
    for group in order:
        ax.plot(series.index, series[group], label=shorten_label(group, 25), color=colours[group],
                marker="o" if few_points else None, ms=3, lw=1.5)
    ax.set_ylim(bottom=0)
    if len(series) == 1:  # one bin: keep the axis to a few bins around it, not years
        ax.set_xlim(series.index[0] - pd.Timedelta(days=15), series.index[0] + pd.Timedelta(days=15))
    ax.yaxis.set_major_locator(matplotlib.ticker.MaxNLocator(integer=True))
    locator = matplotlib.dates.AutoDateLocator()
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(matplotlib.dates.ConciseDateFormatter(locator))
    unit = FREQUENCY_NAMES.get(freq, freq)
    ax.set_ylabel(f"quotes per {unit}")
    fig.legend(loc="outside right upper", fontsize=8)
    _title(ax, title, f"{_plural(n_dated, 'dated quote')} per {unit}, by {'quote type' if by == 'type' else 'outlet'}",
           f"{undated} of {_plural(undated + n_dated, 'quote')} without a date not shown" if undated else "")
    fig.caption = (f"Quotes per {unit} by {'quote type' if by == 'type' else 'outlet'} (n = {n_dated:,} dated quotes"
                   + (f"; {undated:,} without a date left out" if undated else "") + "). "
                   + (QUOTE_TYPE_DEFINITIONS if by == "type" else "Raw counts: see quotes_per_article for a rate."))
    fig.stage = "quotes"
    return fig


def trim_dates(days: pd.Series, weights: pd.Series, tail: float = 0.01,
               min_margin_days: int = 7) -> tuple[pd.Timestamp, pd.Timestamp]:
    """The date range to draw: the weighted ``tail`` and ``1 - tail`` quantiles of ``days``, widened by
    a margin (a tenth of that span, at least ``min_margin_days``); dates outside are outliers
    (an article dated years before the rest stretches the axis into a flat line)."""
    order = np.argsort(days.to_numpy(), kind="stable")
    sorted_days = days.to_numpy()[order]
    cumulative = np.cumsum(weights.to_numpy(dtype=float)[order])
    total = cumulative[-1] if len(cumulative) and cumulative[-1] > 0 else 1.0
    low = pd.Timestamp(sorted_days[min(np.searchsorted(cumulative, tail * total), len(order) - 1)])
    high = pd.Timestamp(sorted_days[min(np.searchsorted(cumulative, (1 - tail) * total), len(order) - 1)])
    margin = max(pd.Timedelta(days=min_margin_days), (high - low) / 10)
    return low - margin, high + margin


@house_style
def quotes_per_article(rates: pd.DataFrame, freq: Optional[str] = None, top_n: int = 5) -> Figure:
    """Quotes per article over time, one line per outlet (the ``top_n`` with most articles, the rest
    as "others"), and the articles per period beneath; outlier dates are trimmed and reported.

    ``rates`` is ``qawl.aggregates.quote_rates(run_dir)`` or ``quote_rates_of(documents, quotes)``:
    one row per (date, source) with its articles and quotes.
    """
    title = "Quotes per article over time, by outlet"
    articles = pd.to_numeric(rates.get("articles", pd.Series(dtype=int)), errors="coerce").fillna(0).astype(int)
    quotes = pd.to_numeric(rates.get("quotes", pd.Series(dtype=int)), errors="coerce").fillna(0).astype(int)
    days = pd.to_datetime(text_column(rates, "date"), errors="coerce", format="ISO8601")
    dated = days.notna() & (articles > 0)
    undated_articles = int(articles[~dated].sum())
    if not dated.any():
        return no_data_figure(title, f"no dated articles ({_plural(undated_articles, 'article')} without a date)")
    low, high = trim_dates(days[dated], articles[dated])
    kept = dated & (days >= low) & (days <= high)
    outside = dated & ~kept
    trimmed = (pd.DataFrame({"date": text_column(rates, "date")[outside], "articles": articles[outside]})
               .groupby("date")["articles"].sum().sort_index())
    groups = outlets(rates)
    ranked = pd.DataFrame({"group": groups[kept], "articles": articles[kept]}).groupby(
        "group", sort=False)["articles"].sum()
    top, _, others_n = _top_with_others(ranked, top_n)
    groups = groups.where(groups.isin(top.index), OTHERS)
    order = list(top.index) + ([OTHERS] if others_n else [])
    palette = matplotlib.colormaps[SPEAKER_PALETTE]
    colours = {name: palette(i % 10) for i, name in enumerate(top.index)} | {OTHERS: OTHERS_COLOUR}

    n_articles = int(articles[kept].sum())
    freq = freq or _auto_frequency(days[kept], n_quotes=n_articles)
    frame = pd.DataFrame({"date": days[kept], "group": groups[kept], "articles": articles[kept], "quotes": quotes[kept]})
    grouped = frame.groupby([pd.Grouper(key="date", freq=freq), "group"])[["articles", "quotes"]].sum()
    periods = pd.date_range(grouped.index.get_level_values(0).min(), grouped.index.get_level_values(0).max(), freq=freq)
    per_group = {name: grouped.xs(name, level="group").reindex(periods, fill_value=0) if name in
                 grouped.index.get_level_values("group") else pd.DataFrame(0, index=periods, columns=["articles", "quotes"])
                 for name in order}
    totals = frame.groupby(pd.Grouper(key="date", freq=freq))["articles"].sum().reindex(periods, fill_value=0)

    fig = _new_figure(FIGURE_WIDTH, 4.8)
    top_ax, bottom_ax = fig.subplots(2, 1, sharex=True, height_ratios=[3, 1])
    few_points = len(periods) <= 40
    for name in order:
        series = per_group[name]
        rate = (series["quotes"] / series["articles"]).where(series["articles"] > 0)  # no article: a gap
        top_ax.plot(periods, rate, label=f"{shorten_label(name, 25)} ({int(series['articles'].sum())})",
                    color=colours[name], marker="o" if few_points else None, ms=3, lw=1.5)
    top_ax.set_ylim(bottom=0)
    unit = FREQUENCY_NAMES.get(freq, freq)
    top_ax.set_ylabel("quotes per article")
    width = {"D": 0.8, "W-MON": 5, "W": 5}.get(freq, 25)
    bottom_ax.bar(periods, totals.to_numpy(), width=width, color=OTHERS_COLOUR)
    bottom_ax.set_ylabel(f"articles\nper {unit}")
    bottom_ax.yaxis.set_major_locator(matplotlib.ticker.MaxNLocator(integer=True, nbins=3))
    locator = matplotlib.dates.AutoDateLocator()
    bottom_ax.xaxis.set_major_locator(locator)
    bottom_ax.xaxis.set_major_formatter(matplotlib.dates.ConciseDateFormatter(locator))
    if len(periods) == 1:
        bottom_ax.set_xlim(periods[0] - pd.Timedelta(days=15), periods[0] + pd.Timedelta(days=15))
    fig.legend(loc="outside right upper", fontsize=8, title="outlet (articles)", title_fontsize=8)
    trimmed_line = (f"{_plural(int(trimmed.sum()), 'article')} dated outside "
                    f"{low:%Y-%m-%d} – {high:%Y-%m-%d} not shown" if len(trimmed) else "")
    _title(top_ax, title, f"{_plural(n_articles, 'article')}, {int(frame['quotes'].sum()):,} quotes, per {unit}",
           trimmed_line, f"{_plural(undated_articles, 'article')} without a date not shown" if undated_articles else "")
    fig.trimmed = trimmed
    fig.caption = (
        f"Quotes per article per {unit} for the {len(top)} outlets with the most articles"
        + (" (the others pooled)" if others_n else "") + f", and the number of articles per {unit} beneath "
        f"(n = {n_articles:,} articles with {int(frame['quotes'].sum()):,} quotes). Counting quotes per article "
        "keeps a busy week from looking like a talkative one. "
        + (f"Outlier dates trimmed: {int(trimmed.sum())} articles dated outside {low:%Y-%m-%d} – {high:%Y-%m-%d} "
           f"(the 1st–99th percentile of article dates plus a margin) are left out: "
           + ", ".join(f"{d} ({n})" for d, n in list(trimmed.items())[:5]) + ("…" if len(trimmed) > 5 else "") + ". "
           if len(trimmed) else "No date was trimmed as an outlier. ")
        + (f"{undated_articles} articles without a date are left out." if undated_articles else ""))
    fig.stage = "quotes"
    return fig
