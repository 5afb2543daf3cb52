"""Who is quoted: share of voice, directness per outlet, speaker roles per outlet.
"""
from __future__ import annotations

import matplotlib
import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from qawl.aggregates import UNATTRIBUTED, outlets, text_column
from qawl.schema import QUOTE_TYPES, SPEAKER_KINDS
from qawl.viz.captions import QUOTE_TYPE_DEFINITIONS
from qawl.viz.style import (
    FIGURE_WIDTH, KIND_COLOURS, OTHERS_COLOUR, TYPE_COLOURS, _barh_axis, _new_figure, _plural, _rows_height,
    _title, _top_outlets, _top_with_others, house_style, no_data_figure, percent, shorten_label,
)


@house_style
def share_of_voice_figure(voices: pd.DataFrame, top_n: int = 20) -> Figure:
    """Horizontal bars of the most quoted speakers, coloured by speaker kind.

    ``voices`` is ``qawl.aggregates.speaker_voices(run_dir)`` or ``qawl.aggregates.speaker_voices_of(quotes)``.
    Speakers past ``top_n`` are folded into one "others" bar; quotes without a
    speaker are left out and counted in a footnote.
    """
    title = "Share of voice: most quoted speakers"
    names = text_column(voices, "speaker")
    n_quotes = voices["quotes"].astype(int) if "quotes" in voices else pd.Series(0, index=voices.index)
    attributed = names != ""
    unattributed = int(n_quotes[~attributed].sum())
    if not attributed.any():
        total_quotes = int(n_quotes.sum())
        return no_data_figure(title, f"no quotes with a speaker ({_plural(total_quotes, 'quote')} in total)")

    counts = pd.Series(n_quotes[attributed].to_numpy(), index=names[attributed].to_numpy())
    kind_of = pd.Series(text_column(voices, "speaker_kind")[attributed].to_numpy(), index=counts.index)
    top, others_total, others_n = _top_with_others(counts, top_n)

    labels = [shorten_label(name) for name in top.index]
    values = [int(v) for v in top.values]
    colours = [KIND_COLOURS[kind_of[name]] for name in top.index]

    total = int(counts.sum())
    fig = _new_figure(FIGURE_WIDTH, _rows_height(len(labels), extra=1.8))
    ax = fig.add_subplot()
    # the long tail is a line of text, not a bar: a bar would dwarf (or be cut to fit) the named speakers
    bars = ax.barh(range(len(labels)), values, color=colours)
    ax.set_xlim(0, max(values) * 1.25)
    ax.bar_label(bars, labels=[f"{v} ({percent(v / total)})" for v in values], padding=3, fontsize=8)
    _barh_axis(ax, labels)
    ax.set_xlabel("quotes")
    others_line = (f"not shown: {_plural(others_n, 'other speaker')} with {_plural(others_total, 'quote')} "
                   f"({percent(others_total / total)})" if others_n else "")
    _title(ax, title, f"{_plural(total, 'attributed quote')}, {_plural(len(counts), 'speaker')}; "
                      f"top {len(top)} shown", others_line,
           f"{_plural(unattributed, 'quote')} without a speaker not counted" if unattributed else "")
    shown_kinds = [kind for kind in SPEAKER_KINDS if kind in set(kind_of[top.index])]
    handles = [Patch(color=KIND_COLOURS[kind], label=kind) for kind in shown_kinds]
    fig.legend(handles=handles, loc="outside lower center", ncols=len(handles), fontsize=8)
    fig.caption = (
        f"The {len(top)} most quoted speakers of the run, by number of quotes attributed to them "
        f"(n = {total:,} attributed quotes from {len(counts):,} speakers; "
        f"{unattributed:,} quotes without a speaker are not counted). "
        + (f"The other {others_n:,} speakers ({others_total:,} quotes, {percent(others_total / total)}) are not drawn. "
           if others_n else "")
        + "A speaker is an actor: the spellings, titles and surnames of one person or body are merged "
          "across articles (tables/aliases.csv). Colour: the kind of speaker.")
    fig.stage = "speakers"
    return fig


@house_style
def directness_by_outlet_figure(directness: pd.DataFrame, top_n: int = 12, shares: bool = True) -> Figure:
    """Stacked bars of direct / indirect / mixed quotes per outlet (shares or counts).

    ``directness`` is ``qawl.aggregates.directness_of(quotes, by="source")`` or
    ``qawl.aggregates.directness(run_dir, by="source")``: one row per outlet.
    """
    title = "Direct, indirect and mixed quotes by outlet"
    if directness.empty:
        return no_data_figure(title, "no quotes")
    names = outlets(directness).rename("source")
    table = directness[list(QUOTE_TYPES)].astype(int).set_axis(names, axis=0)
    table = table.groupby(level=0).sum()  # outlets in name order, as a crosstab gives them
    shown, others_n = _top_outlets(table, top_n)
    row_totals = shown.sum(axis=1)
    values = shown.div(row_totals, axis=0) if shares else shown

    labels = [shorten_label(name) for name in shown.index]
    fig = _new_figure(FIGURE_WIDTH, _rows_height(len(labels), extra=1.8))
    ax = fig.add_subplot()
    left = np.zeros(len(shown))
    for quote_type in QUOTE_TYPES:
        widths = values[quote_type].to_numpy(dtype=float)
        ax.barh(range(len(labels)), widths, left=left, color=TYPE_COLOURS[quote_type], label=quote_type)
        left += widths
    _barh_axis(ax, labels)
    for row, n in enumerate(row_totals):
        ax.text(left[row], row, f"  n={n}", va="center", ha="left", fontsize=8)
    if shares:
        ax.set_xlim(0, 1.12)
        ax.set_xticks([0, 0.25, 0.5, 0.75, 1.0], labels=["0%", "25%", "50%", "75%", "100%"])
        ax.set_xlabel("share of the outlet's quotes")
    else:
        ax.margins(x=0.1)
        ax.set_xlabel("quotes")
    _title(ax, title, f"{int(row_totals.sum())} quotes, {_plural(len(table), 'outlet')}")
    fig.legend(loc="outside lower center", ncols=len(QUOTE_TYPES), fontsize=8)
    fig.caption = (
        f"Per outlet, the {'share' if shares else 'number'} of its quotes that are direct, indirect or mixed "
        f"(n = {int(row_totals.sum()):,} quotes in {len(table):,} outlets"
        + (f"; the {others_n} smallest outlets pooled as 'others'" if others_n else "") + "). "
        + QUOTE_TYPE_DEFINITIONS)
    fig.stage = "quotes"
    return fig


def outlet_roles_figure(roles: pd.DataFrame, top_n: int = 12) -> Figure:
    """Stacked bars: per outlet, the share of its quotes from each speaker role
    (officials, opposition, experts, citizens…), counting merged actors.

    ``roles`` is ``qawl.aggregates.outlet_roles(run_dir)`` (or ``outlet_roles_of``).
    """
    from qawl.actors import ROLES
    from qawl.aggregates import NO_ROLE

    title = "Who each outlet quotes, by speaker role"
    if roles.empty:
        return no_data_figure(title, "no quotes")
    table = roles.pivot_table(index="source", columns="role", values="n_quotes", aggfunc="sum", fill_value=0)
    order = [r for r in [*ROLES, NO_ROLE, UNATTRIBUTED] if r in table.columns]
    table = table[order]
    shown, others_n = _top_outlets(table, top_n)
    row_totals = shown.sum(axis=1)
    values = shown.div(row_totals, axis=0)
    palette = matplotlib.colormaps["tab10"]
    greys = {"other": "#757575", "none": OTHERS_COLOUR, NO_ROLE: OTHERS_COLOUR, UNATTRIBUTED: "#e0e0e0"}
    labels = [shorten_label(name) for name in shown.index]
    fig = _new_figure(FIGURE_WIDTH, _rows_height(len(labels), extra=2.6))
    ax = fig.add_subplot()
    left = np.zeros(len(shown))
    for i, role in enumerate(order):
        widths = values[role].to_numpy(dtype=float)
        colour = greys.get(role, palette(i % 10))
        ax.barh(range(len(labels)), widths, left=left, color=colour, label=role.replace("_", " "))
        left += widths
    _barh_axis(ax, labels)
    for row, n in enumerate(row_totals):
        ax.text(left[row], row, f"  n={n}", va="center", ha="left", fontsize=8)
    ax.set_xlim(0, 1.12)
    ax.set_xticks([0, 0.25, 0.5, 0.75, 1.0], labels=["0%", "25%", "50%", "75%", "100%"])
    ax.set_xlabel("share of the outlet's quotes")
    _title(ax, title, f"{int(row_totals.sum())} quotes, {_plural(len(table), 'outlet')}")
    fig.legend(loc="outside lower center", ncols=3, fontsize=7)
    fig.caption = (
        f"Per outlet, the share of its quotes whose speaker has each role (n = {int(row_totals.sum()):,} quotes "
        f"in {len(table):,} outlets" + (f"; the {others_n} smallest outlets pooled as 'others'" if others_n else "")
        + "). A speaker's role comes from the titles and descriptions the articles give it "
          "(وزير، المتحدث باسم …); 'other' is a named speaker without a known role, "
          f"'{UNATTRIBUTED}' a quote without a speaker.")
    fig.stage = "roles"
    return fig
