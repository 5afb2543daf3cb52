"""Figures for a paper: who is quoted, how, by which outlet, about whom, when.

Every figure function takes a small frame of counts and returns a
``matplotlib.figure.Figure``; nothing is shown and no pyplot state is touched,
so a notebook displays the returned figure and a script saves it with
``save_figure``. The counts come from ``qawl.aggregates`` over a run's
partitioned tables (bounded memory: ``speaker_voices``, ``stance_pairs``,
``quote_dates``), or over an in-memory table (``speaker_voices_of``,
``stance_pairs_of``, ``quote_dates_of``); both give the same frame. The
per-row rules (label cleaning, speaker names, quote lines) are those of
``qawl.aggregates`` too. Counts are listed in order of first
appearance in the table, so that ties rank as they would over the rows.

Arabic labels are passed to matplotlib as raw strings: matplotlib >= 3.11
shapes them (joined letters, right to left) itself, so no reshaping step is
applied. The font is set per figure (``HOUSE_STYLE``), never in the global
rcParams a notebook may have changed.
"""
from __future__ import annotations

import functools
import io
import logging
import re
from pathlib import Path
from typing import Callable, Optional, TypeVar

import matplotlib
import matplotlib.colors
import matplotlib.dates
import matplotlib.ticker
import numpy as np
import pandas as pd
from matplotlib.colors import Normalize
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from qawl.aggregates import (UNATTRIBUTED, check_quote_grouping, outlets, quote_groups, speaker_keys,
                             string_column, text_column)
from qawl.schema import POLARITIES, QUOTE_TYPES, SPEAKER_KINDS
from qawl.tables import PathLike, atomic_write_bytes, figures_dir

logger = logging.getLogger(__name__)

# DejaVu Sans ships with matplotlib and has Arabic glyphs.
FONT_FAMILY = "DejaVu Sans"
HOUSE_STYLE = {
    "font.family": [FONT_FAMILY],
    "font.size": 9,
    "axes.titlesize": 11,
    "axes.titlelocation": "left",
    "axes.spines.top": False,
    "axes.spines.right": False,
    "legend.frameon": False,
    "svg.fonttype": "path",  # glyph outlines: the SVG looks the same without the font
    "svg.hashsalt": "qawl",  # stable ids, so a rerun writes the same SVG
}
PNG_DPI = 150
NOTEBOOK_DPI = 100
FIGURE_WIDTH = 7.5  # inches; fits a page with margins
ROW_HEIGHT = 0.28  # inches per bar/row
MAX_FIGURE_HEIGHT = 14.0
MIN_FIGURE_HEIGHT = 2.8

ELLIPSIS = "…"
OTHERS = "others"
OTHERS_COLOUR = "#bdbdbd"
NO_DATA_COLOUR = "#616161"

KIND_COLOURS = {
    "person": "#1f77b4",
    "organisation": "#ff7f0e",
    "anonymous": "#7f7f7f",
    "media": "#2ca02c",
    "unknown": "#c7c7c7",
}
TYPE_COLOURS = {"direct": "#08519c", "indirect": "#6baed6", "mixed": "#fd8d3c"}
TYPE_MARKERS = {"direct": "o", "indirect": "s", "mixed": "D"}
POLARITY_COLOURS = {"favor": "#2166ac", "against": "#b2182b", "neutral": "#9e9e9e"}
SPEAKER_PALETTE = "tab10"

WHITESPACE_RE = re.compile(r"\s+")
NAME_SEPARATOR_RE = re.compile(r"[\\/]")

FigureFunction = TypeVar("FigureFunction", bound=Callable[..., Figure])


def house_style(function: FigureFunction) -> FigureFunction:
    """Build the figure under ``HOUSE_STYLE`` so fonts do not depend on global rcParams."""

    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        with matplotlib.rc_context(HOUSE_STYLE):
            return function(*args, **kwargs)

    return wrapper  # type: ignore[return-value]


# ---------------------------------------------------------------- labels ---


def shorten_label(label, max_chars: int = 30) -> str:
    """Shorten ``label`` to at most ``max_chars`` characters, keeping whole words.

    Whitespace runs become one space; a cut label ends with "…". A first word
    longer than the limit is cut inside the word.
    """
    if label is None or (isinstance(label, float) and np.isnan(label)):
        return ""
    text = WHITESPACE_RE.sub(" ", str(label)).strip()
    if len(text) <= max_chars:
        return text
    budget = max_chars - len(ELLIPSIS)
    kept = ""
    for word in text.split(" "):
        candidate = f"{kept} {word}" if kept else word
        if len(candidate) > budget:
            break
        kept = candidate
    if not kept:
        kept = text[:budget]
    return kept.rstrip(" ،,.;:-") + ELLIPSIS


def _top_with_others(counts: pd.Series, top_n: int) -> tuple[pd.Series, int, int]:
    """Keep the ``top_n`` largest counts; return them, the rest's total and how many were folded."""
    counts = counts.sort_values(ascending=False, kind="stable")
    if len(counts) == top_n + 1:  # an "others" bar for a single name hides it for nothing
        top_n += 1
    top = counts.iloc[:top_n]
    rest = counts.iloc[top_n:]
    return top, int(rest.sum()), len(rest)


def _top_outlets(table: pd.DataFrame, top_n: int) -> tuple[pd.DataFrame, int]:
    """The rows of the ``top_n`` outlets with most quotes, the others summed in one last row;
    and how many outlets that row pools."""
    top, _, others_n = _top_with_others(table.sum(axis=1), top_n)
    shown = table.loc[top.index]
    if others_n:
        rest = table.drop(index=top.index).sum().rename(f"{OTHERS} ({_plural(others_n, 'outlet')})")
        shown = pd.concat([shown, rest.to_frame().T])
    return shown, others_n


def percent(share: float) -> str:
    """A share as a percentage a reader can compare: "12%", "3.4%", "0.4%", "<0.1%" (never "0%" for a non-zero share)."""
    if share <= 0:
        return "0%"
    if share < 0.001:
        return "<0.1%"
    return f"{share:.0%}" if share >= 0.095 else f"{share:.1%}"


def _rows_height(n_rows: int, extra: float = 1.4) -> float:
    return float(np.clip(extra + ROW_HEIGHT * n_rows, MIN_FIGURE_HEIGHT, MAX_FIGURE_HEIGHT))


class NotebookFigure(Figure):
    """A Figure that Jupyter shows as a PNG by itself.

    Built without pyplot, a plain Figure has no inline-backend formatter
    unless the notebook imported pyplot; ``_repr_png_`` makes the returned
    figure display (and land in the executed notebook) either way.
    """

    caption = ""  # what is shown, n, the selection and definitions (set by each figure function)
    stage = ""  # the pipeline stage whose measured quality the caption reports (``STAGE_QUALITY``)

    def _repr_png_(self) -> bytes:
        return render_figure(self, "png", dpi=NOTEBOOK_DPI)


def render_figure(fig: Figure, fmt: str, **options) -> bytes:
    """The figure as ``fmt`` bytes, drawn in the house style, trimmed to its content."""
    buffer = io.BytesIO()
    with matplotlib.rc_context(HOUSE_STYLE):
        fig.savefig(buffer, format=fmt, bbox_inches="tight", pad_inches=0.1, **options)
    return buffer.getvalue()


def _new_figure(width: float, height: float) -> Figure:
    return NotebookFigure(figsize=(width, height), layout="constrained")


def no_data_figure(title: str, message: str) -> Figure:
    """A small figure that says there is nothing to plot, and why."""
    with matplotlib.rc_context(HOUSE_STYLE):
        fig = _new_figure(FIGURE_WIDTH, MIN_FIGURE_HEIGHT)
        ax = fig.add_subplot()
        ax.set_axis_off()
        ax.set_title(title)
        ax.text(0.5, 0.5, message, ha="center", va="center", fontsize=11,
                color=NO_DATA_COLOUR, transform=ax.transAxes, wrap=True)
    fig.caption = f"{title}: nothing to draw, n = 0 ({message})."
    return fig


def _title(ax, title: str, *details: str) -> None:
    """Title, then one line per detail: counts, what was left out (empty details dropped)."""
    detail = "\n".join(d for d in details if d)
    ax.set_title(f"{title}\n{detail}" if detail else title, fontsize=10)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _barh_axis(ax, labels: list[str]) -> None:
    """Categorical y axis listing ``labels`` top to bottom."""
    ax.set_yticks(range(len(labels)), labels=labels)
    ax.set_ylim(len(labels) - 0.5, -0.5)
    ax.tick_params(axis="y", length=0)


# ------------------------------------------------------------- captions ---

DEFINITIONS = {
    "direct": "direct: the speaker's words in quotation marks",
    "indirect": "indirect: reported speech after a cue such as قال إن or أكد أن",
    "mixed": "mixed: a paraphrase that quotes some of the speaker's words in quotation marks",
    "leaning": "leaning = (favor − against) ÷ all stances of the pair, from −1 (all against) to +1 (all in favour)",
    "stance": "a stance is a quote's position (favor, against or neutral) towards a person, body or "
              "country it names, decided from its cue, evaluative words and negation",
}
QUOTE_TYPE_DEFINITIONS = "; ".join(DEFINITIONS[t] for t in QUOTE_TYPES) + "."

# the held-out ("test") part of each benchmark, and what to read from it: (file, path to the part, measures)
QUALITY_SOURCES = {
    "quotes": ("quotes_results.json", ("parts", "test"),
               [("detection_f1", "quote detection F1"), ("type_accuracy", "quote type accuracy")]),
    "speakers": ("quotes_results.json", ("parts", "test"),
                 [("speaker_accuracy", "speaker accuracy"), ("detection_f1", "quote detection F1")]),
    "actors": ("actors_results.json", ("aliases", "test"), [("f1", "speaker merge F1")]),
    "roles": ("actors_results.json", ("roles", "test"), [("accuracy", "speaker role accuracy")]),
    "stance": ("stance_results.json", ("modes", "e2e", "parts", "test"), [("f1", "stance F1")]),
}
STAGE_QUALITY = {"speakers": ["speakers", "actors"], "quotes": ["quotes"], "roles": ["roles", "quotes"],
                 "stance": ["stance"]}


def benchmarks_dir() -> Path:
    """The project's ``benchmarks/`` folder (beside ``src/`` in a checkout)."""
    return Path(__file__).resolve().parents[2] / "benchmarks"


def _measure_value(measure) -> Optional[float]:
    value = measure.get("value") if isinstance(measure, dict) else measure
    return float(value) if isinstance(value, (int, float)) else None


def measured_quality(source: str, folder: Optional[PathLike] = None) -> list[str]:
    """The held-out scores of one benchmark (``QUALITY_SOURCES``), as "quote detection F1 0.84"; [] when not measured."""
    import json

    file_name, path, measures = QUALITY_SOURCES[source]
    try:
        part = json.loads((Path(folder or benchmarks_dir()) / file_name).read_text(encoding="utf-8"))
        for key in path:
            part = part[key]
    except (OSError, ValueError, KeyError, TypeError):
        return []
    found = part.get("measures", part)
    scores = []
    for key, name in measures:
        value = _measure_value(found.get(key)) if isinstance(found, dict) else None
        if value is not None:
            scores.append(f"{name} {value:.2f}")
    return scores


def quality_note(stage: str, folder: Optional[PathLike] = None) -> str:
    """One sentence on the measured quality of the stage behind a figure, on held-out news."""
    if not stage:
        return ""
    scores = [score for source in STAGE_QUALITY.get(stage, [stage]) if source in QUALITY_SOURCES
              for score in measured_quality(source, folder)]
    scores = list(dict.fromkeys(scores))
    if not scores:
        return f"Quality of the {stage} stage: not measured (no benchmark results in benchmarks/)."
    return ("Measured quality on held-out annotated news (benchmarks/, test part): "
            + ", ".join(scores) + ".")


def figure_caption(fig: Figure, folder: Optional[PathLike] = None) -> str:
    """The figure's caption followed by the measured quality of the stage behind it."""
    parts = [getattr(fig, "caption", ""), quality_note(getattr(fig, "stage", ""), folder)]
    return " ".join(p for p in parts if p)


class ShownFigure:
    """A saved figure with its caption, shown in a notebook (and the report) as one HTML figure."""

    def __init__(self, fig: Figure, caption: str, name: str):
        self.fig, self.caption, self.name = fig, caption, name

    def _repr_html_(self) -> str:
        import base64
        import html

        png = base64.b64encode(render_figure(self.fig, "png", dpi=NOTEBOOK_DPI)).decode("ascii")
        caption = html.escape(self.caption)
        return (f'<figure class="qawl-figure" id="figure-{html.escape(self.name)}">'
                f'<img src="data:image/png;base64,{png}" alt="{caption}">'
                f'<figcaption dir="ltr"><b>Figure ({html.escape(self.name)}).</b> {caption}</figcaption></figure>')

    def __repr__(self) -> str:
        return f"{self.name}: {self.caption}"


def show(fig: Figure, run_dir: PathLike, name: str) -> ShownFigure:
    """Save ``fig`` as ``figures/<name>.png`` and ``.svg`` and return it with its caption, for display."""
    save_figure(fig, run_dir, name)
    return ShownFigure(fig, figure_caption(fig), name)


# --------------------------------------------------------------- figures ---


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


def _ranked(pairs: pd.DataFrame, column: str) -> pd.Series:
    """Stances per name of ``column``, most first, ties in order of first stance (as value_counts)."""
    return pairs.groupby(column, sort=False)["total"].sum().sort_values(ascending=False, kind="stable")


def _polarity_counts(pairs: pd.DataFrame) -> pd.DataFrame:
    """Counts per (speaker, target), in name order: favor, against, neutral, total, net."""
    counts = (pairs.groupby(["speaker", "target"])[[*POLARITIES, "total"]].sum().astype(int))
    counts["net"] = counts["favor"] - counts["against"]
    return counts


@house_style
def stance_heatmap(pairs: pd.DataFrame, top_n: int = 15) -> Figure:
    """Speaker x target grid: colour = favor minus against (blue favor, red against), text = count.

    ``pairs`` is ``qawl.aggregates.stance_pairs(run_dir)`` or ``qawl.aggregates.stance_pairs_of(stances)``.
    """
    title = "Stance of speakers towards targets"
    if pairs.empty:
        return no_data_figure(title, "no stances with a speaker and a target")
    # speakers ranked by stances on the top targets, so that no row is empty
    targets = _ranked(pairs, "target").index[:top_n]
    on_targets = pairs[pairs["target"].isin(targets)]
    speakers = _ranked(on_targets, "speaker").index[:top_n]
    kept = on_targets[on_targets["speaker"].isin(speakers)]
    targets = [t for t in targets if t in set(kept["target"])]
    counts = _polarity_counts(kept)
    net = (counts["net"] / counts["total"]).unstack().reindex(index=speakers, columns=targets)
    total = counts["total"].unstack().reindex(index=speakers, columns=targets).fillna(0).astype(int)

    width = float(np.clip(3.5 + 0.45 * len(targets), 5.0, FIGURE_WIDTH + 3))
    height = float(np.clip(2.8 + 0.35 * len(speakers), MIN_FIGURE_HEIGHT, MAX_FIGURE_HEIGHT))
    fig = _new_figure(width, height)
    ax = fig.add_subplot()
    ax.spines[:].set_visible(False)
    norm = Normalize(vmin=-1, vmax=1)
    cmap = matplotlib.colormaps["RdBu"].with_extremes(bad="white")  # bad: no stance between the pair
    image = ax.pcolormesh(np.ma.masked_invalid(net.to_numpy(dtype=float)), cmap=cmap, norm=norm,
                          edgecolors="#e0e0e0", linewidth=0.5)
    ax.set_xlim(0, len(targets))
    ax.set_ylim(len(speakers), 0)
    for (row, col), n in np.ndenumerate(total.to_numpy()):
        if n:
            dark = abs(net.iat[row, col]) > 0.6
            ax.text(col + 0.5, row + 0.5, str(n), ha="center", va="center", fontsize=8,
                    color="white" if dark else "black")
    ax.set_xticks(np.arange(len(targets)) + 0.5, labels=[shorten_label(t, 25) for t in targets],
                  rotation=45, ha="right", rotation_mode="anchor")
    ax.set_yticks(np.arange(len(speakers)) + 0.5, labels=[shorten_label(s, 25) for s in speakers])
    ax.tick_params(length=0)
    ax.set_xlabel("target")
    ax.set_ylabel("speaker")
    colourbar = fig.colorbar(image, ax=ax, shrink=0.8, pad=0.02)
    colourbar.set_label("how the speaker leans towards the target")
    colourbar.set_ticks([-1, 0, 1], labels=["all against", "balanced", "all in favour"])
    _title(ax, title, f"numbers: stances per pair; top {len(speakers)} speakers × "
                      f"{len(targets)} targets, {int(kept['total'].sum())} of {int(pairs['total'].sum())} stances")
    fig.caption = (
        f"Stances of the {len(speakers)} speakers with the most stances on the {len(targets)} most frequent "
        f"targets (n = {int(kept['total'].sum()):,} of {int(pairs['total'].sum()):,} stances in the run). "
        f"Each cell: the number of stances; colour: {DEFINITIONS['leaning']}; white: none. "
        f"{DEFINITIONS['stance'].capitalize()}.")
    fig.stage = "stance"
    return fig


def _spread_apart(points: np.ndarray, min_distance: float = 0.07, rounds: int = 150) -> np.ndarray:
    """Push points apart until none are closer than ``min_distance`` of the layout's extent.

    Distance is measured with x halved: labels are wide, so side-by-side
    neighbours need twice the room of stacked ones.
    """
    scale = np.array([0.5, 1.0])
    points = points.astype(float) * scale
    extent = float(np.ptp(points, axis=0).max()) or 1.0
    wanted = min_distance * extent
    # coincident points are pushed along x, each pair in opposite directions
    order = np.arange(len(points))
    tie_break = np.sign(order[:, None] - order[None, :])[..., None] * np.array([1.0, 0.0])
    for _ in range(rounds):
        offsets = points[:, None, :] - points[None, :, :]
        distances = np.sqrt((offsets ** 2).sum(axis=-1))
        np.fill_diagonal(distances, np.inf)
        overlap = np.clip(wanted - distances, 0, None)
        if not overlap.any():
            break
        safe = np.maximum(distances, 1e-12)[..., None]
        directions = np.where(distances[..., None] > 1e-12, offsets / safe, tie_break)
        points += 0.5 * (directions * overlap[..., None]).sum(axis=1)
    return points / scale


@house_style
def stance_network(pairs: pd.DataFrame, top_n: int = 30, seed: int = 0, max_edges: int = 60) -> Figure:
    """Speaker -> target network of the ``top_n`` busiest names.

    ``pairs`` is ``qawl.aggregates.stance_pairs(run_dir)`` or ``qawl.aggregates.stance_pairs_of(stances)``.

    An edge's colour is the pair's prevailing polarity (favor blue, against
    red, otherwise grey), its width the number of stances; only the
    ``max_edges`` heaviest edges are drawn. Speakers start on an inner ring and
    targets on an outer one, then networkx's spring layout (``seed``) settles them.
    """
    import networkx as nx  # only this figure needs it

    title = "Who takes a stance on whom"
    pairs = pairs[pairs["speaker"] != pairs["target"]]
    if pairs.empty:
        return no_data_figure(title, "no stances with a speaker and a distinct target")
    # a name's stances as speaker and as target; ties in order of first
    # appearance, speakers before targets (as over the stance rows)
    ends = pd.concat([pairs[["speaker", "total"]].set_axis(["name", "total"], axis=1),
                      pairs[["target", "total"]].set_axis(["name", "total"], axis=1)], ignore_index=True)
    activity = _ranked(ends, "name")
    names = set(activity.index[:top_n])
    counts = _polarity_counts(pairs[pairs["speaker"].isin(names) & pairs["target"].isin(names)])
    if counts.empty:
        return no_data_figure(title, f"no stances among the {top_n} most active names")
    counts = counts.sort_values("total", ascending=False, kind="stable").iloc[:max_edges]

    graph = nx.DiGraph()
    for (speaker, target), row in counts.iterrows():
        polarity = "favor" if row["net"] > 0 else "against" if row["net"] < 0 else "neutral"
        graph.add_edge(speaker, target, weight=int(row["total"]), polarity=polarity)
    node_order = sorted(graph.nodes, key=lambda n: (-activity[n], n))
    speakers = set(counts.index.get_level_values("speaker"))
    rings = [[n for n in node_order if n in speakers], [n for n in node_order if n not in speakers]]
    start = nx.shell_layout(graph, nlist=[ring for ring in rings if ring])
    layout = nx.spring_layout(graph, pos=start, seed=seed, k=2.5 / np.sqrt(len(node_order)), iterations=60)
    spread = _spread_apart(np.array([layout[n] for n in node_order]), min_distance=max(0.07, 0.45 / np.sqrt(len(node_order))))
    layout = dict(zip(node_order, spread))

    size = float(np.clip(3 + 0.17 * len(node_order), 5, 10))
    fig = _new_figure(size + 1, size)
    ax = fig.add_subplot()
    ax.set_axis_off()
    degree = dict(graph.degree(weight="weight"))
    node_sizes = [100 + 450 * degree[n] / max(degree.values()) for n in node_order]
    nx.draw_networkx_nodes(
        graph, layout, ax=ax, nodelist=node_order, node_size=node_sizes, alpha=0.9,
        node_color=["#fdd49e" if n in speakers else "#d9d9d9" for n in node_order],
        edgecolors="#636363", linewidths=0.5,
    )
    edges = list(graph.edges(data=True))
    max_weight = max(d["weight"] for *_, d in edges)
    nx.draw_networkx_edges(
        graph, layout, ax=ax, edgelist=[(u, v) for u, v, _ in edges],
        edge_color=[POLARITY_COLOURS[d["polarity"]] for *_, d in edges],
        width=[0.8 + 4.2 * d["weight"] / max_weight for *_, d in edges],
        arrows=True, arrowstyle="-|>", arrowsize=10, alpha=0.7,
        node_size=node_sizes, nodelist=node_order, connectionstyle="arc3,rad=0.08",
    )
    for name, area in zip(node_order, node_sizes):
        # under the node (its radius in points is sqrt(area) / 2), so the node stays visible
        ax.annotate(shorten_label(name, 22), layout[name], xytext=(0, -np.sqrt(area) / 2 - 1),
                    textcoords="offset points", ha="center", va="top", fontsize=8, zorder=4,
                    bbox={"boxstyle": "round,pad=0.1", "facecolor": "white", "alpha": 0.7, "linewidth": 0})
    ax.margins(0.1)
    handles = [Line2D([], [], color=POLARITY_COLOURS[p], lw=2.5, label=p) for p in POLARITIES]
    handles += [
        Line2D([], [], ls="", marker="o", ms=9, mfc="#fdd49e", mec="#636363", label="speaker"),
        Line2D([], [], ls="", marker="o", ms=9, mfc="#d9d9d9", mec="#636363", label="target only"),
    ]
    fig.legend(handles=handles, loc="outside lower center", fontsize=8, ncols=len(handles))
    _title(ax, title, f"{len(node_order)} names, {graph.number_of_edges()} pairs, "
                      f"{int(counts['total'].sum())} stances", "edge width = stances, colour = prevailing polarity")
    fig.caption = (
        f"Who takes a stance on whom among the {top_n} names most active as speaker or target: "
        f"{graph.number_of_edges()} speaker → target pairs, n = {int(counts['total'].sum()):,} stances "
        f"(the {max_edges} heaviest pairs at most). Arrow width: number of stances; colour: the pair's "
        "prevailing polarity (blue more in favour, red more against, grey balanced or neutral). "
        f"{DEFINITIONS['stance'].capitalize()}. Layout: spring layout with a fixed seed ({seed}).")
    fig.stage = "stance"
    return fig


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


def _int_column(frame: pd.DataFrame, name: str) -> pd.Series:
    if name not in frame.columns:
        return pd.Series([-1] * len(frame), index=frame.index, dtype=int)
    return pd.to_numeric(frame[name], errors="coerce").fillna(-1).astype(int)


def speaker_palette() -> list[tuple]:
    """20 colours for speakers: tab20's ten dark hues first, then their light partners."""
    tab20 = matplotlib.colormaps["tab20"]
    return [tab20(i) for i in range(0, 20, 2)] + [tab20(i) for i in range(1, 20, 2)]


def _speaker_colours(names: pd.Series, max_speakers: int) -> dict[str, tuple]:
    """One colour per most frequent speaker (up to 20); grey for the rest, black for no speaker."""
    ranked = [n for n in names.value_counts(sort=True).index if n != UNATTRIBUTED][:max_speakers]
    palette = speaker_palette()
    colours = {name: palette[i % len(palette)] for i, name in enumerate(ranked)}
    colours[OTHERS] = matplotlib.colors.to_rgba(OTHERS_COLOUR)
    colours[UNATTRIBUTED] = matplotlib.colors.to_rgba("black")
    return colours


def _words_before(text: str, offset: int) -> int:
    """How many words of ``text`` start before character ``offset``."""
    return len(text[:max(0, offset)].split())


def _draw_quotes(ax, starts: np.ndarray, ends: np.ndarray, texts: list[str], quotes: pd.DataFrame,
                 names: pd.Series, colours: dict, numbers: dict) -> set[str]:
    """Content segments (clipped to each paragraph they cover, in words) and cue markers with the
    speaker's number; returns the types drawn."""
    content_start = _int_column(quotes, "content_start").to_numpy()
    content_end = _int_column(quotes, "content_end").to_numpy()
    cue_start = _int_column(quotes, "cue_start").to_numpy()
    types = quote_groups(quotes, "type").to_numpy()
    for i, name in enumerate(names):
        colour = colours.get(name, colours[OTHERS])
        for row in np.flatnonzero((starts < content_end[i]) & (ends > content_start[i])):
            first = _words_before(texts[row], max(content_start[i], starts[row]) - starts[row])
            last = max(first + 0.5, _words_before(texts[row], min(content_end[i], ends[row]) - starts[row]))
            ax.plot([first, last], [row, row], color=colour, lw=5, solid_capstyle="butt", zorder=2, alpha=0.85)
        cue_rows = np.flatnonzero((starts <= cue_start[i]) & (ends > cue_start[i]))
        if cue_start[i] >= 0 and len(cue_rows):
            row = cue_rows[0]
            x = _words_before(texts[row], cue_start[i] - starts[row])
            ax.plot(x, row, marker=TYPE_MARKERS[types[i]], color=colour,
                    mec="black", mew=0.6, ms=7, ls="", zorder=3, clip_on=False)
            if name in numbers:
                ax.annotate(str(numbers[name]), (x, row), xytext=(0, 6), textcoords="offset points",
                            ha="center", va="bottom", fontsize=6.5, zorder=4, annotation_clip=False)
    return set(types[cue_start >= 0])


@house_style
def article_timeline(blocks: pd.DataFrame, quotes: pd.DataFrame, doc_id: str,
                     max_speakers: int = 20, rtl: bool = True) -> Figure:
    """One article, paragraph by paragraph (top to bottom): who speaks where.

    ``blocks`` and ``quotes`` may hold other documents' rows too;
    ``qawl.aggregates.article_tables(run_dir, doc_id)`` reads just this one's.

    Each paragraph is a grey bar as long as its text in words; a quote is a segment
    over the words of its content, coloured by speaker, with a marker at its cue
    (shape = quote type) and the speaker's number from the legend above it (up to
    ``max_speakers`` speakers get their own colour and number, the rest are grey).
    With ``rtl`` (Arabic) a paragraph starts on the right, as on the page, and role
    labels stand on the right; the paragraphs' opening words stand on the other side.
    """
    title = f"Who speaks where: {doc_id}"
    own_blocks = blocks[text_column(blocks, "doc_id") == str(doc_id)]
    if own_blocks.empty:
        return no_data_figure(title, f"no paragraphs for document {doc_id!r}")
    own_blocks = own_blocks.assign(start=_int_column(own_blocks, "start"), end=_int_column(own_blocks, "end"))
    own_blocks = own_blocks.sort_values(["start", "end"], kind="stable").reset_index(drop=True)
    roles = text_column(own_blocks, "role").replace("", "block")
    texts = text_column(own_blocks, "text")
    raw_texts = list(string_column(own_blocks, "text"))
    starts = own_blocks["start"].to_numpy()
    ends = own_blocks["end"].to_numpy()
    own_quotes = quotes[text_column(quotes, "doc_id") == str(doc_id)]
    names = speaker_keys(own_quotes)
    colours = _speaker_colours(names, max_speakers)
    named = [n for n in colours if n not in (OTHERS, UNATTRIBUTED)]
    numbers = {name: i + 1 for i, name in enumerate(named)}

    n_rows = len(own_blocks)
    lengths = np.array([len(t.split()) for t in raw_texts])
    fig = _new_figure(FIGURE_WIDTH + 1.5, _rows_height(n_rows, extra=2.2 + 0.12 * len(named)))
    ax = fig.add_subplot()
    ax.barh(range(n_rows), lengths, color="#eeeeee", height=0.7, zorder=1)
    seen_types = _draw_quotes(ax, starts, ends, raw_texts, own_quotes, names, colours, numbers)

    _barh_axis(ax, [f"{role} {i + 1}" for i, role in enumerate(roles)])
    snippets = ax.secondary_yaxis("left" if rtl else "right")
    snippets.set_yticks(range(n_rows), labels=[shorten_label(t, 32) for t in texts])
    snippets.tick_params(length=0, labelsize=7, labelcolor=NO_DATA_COLOUR)
    snippets.spines[:].set_visible(False)
    ax.set_xlim(0, max(1, int(lengths.max())) * 1.02)
    ax.xaxis.set_major_locator(matplotlib.ticker.MaxNLocator(integer=True, steps=[1, 2, 5, 10]))
    if rtl:
        ax.invert_xaxis()
        ax.yaxis.tick_right()
        ax.tick_params(axis="y", pad=7)  # room for cue markers at the paragraph start
        ax.spines["left"].set_visible(False)
        ax.spines["right"].set_visible(True)
    ax.set_xlabel("words into the paragraph" + (" (the paragraph starts on the right, as on the page)" if rtl else ""))

    legend_names = list(named)
    legend_names += [OTHERS] if any(n not in colours for n in names) else []
    legend_names += [UNATTRIBUTED] if (names == UNATTRIBUTED).any() else []
    handles = [Line2D([], [], color=colours[n], lw=5,
                      label=(f"{numbers[n]} {shorten_label(n, 25)}" if n in numbers else shorten_label(n, 25)))
               for n in legend_names]
    handles += [Line2D([], [], ls="", marker=TYPE_MARKERS[t], color="white", mec="black", label=f"cue: {t}")
                for t in QUOTE_TYPES if t in seen_types]
    if handles:
        fig.legend(handles=handles, loc="outside lower center", ncols=3, fontsize=8)
    title_text = texts[roles == "title"].iloc[0] if (roles == "title").any() else ""
    _title(ax, title, shorten_label(title_text, 70) or _plural(n_rows, "paragraph"),
           "no quotes found in this article" if own_quotes.empty else "")
    fig.caption = (
        f"One article ({doc_id}), paragraph by paragraph from the top: grey bars are paragraphs "
        f"(length in words); a coloured segment is the content of a quote, coloured and numbered by speaker; "
        f"the marker is its cue (shape: quote type). n = {len(own_quotes)} quotes from "
        f"{len(set(names) - {UNATTRIBUTED})} speakers in {n_rows} paragraphs. " + QUOTE_TYPE_DEFINITIONS)
    fig.stage = "speakers"
    return fig


# ------------------------------------------------------------------ save ---


def save_figure(fig: Figure, run_dir: PathLike, name: str) -> list[Path]:
    """Write ``<run_dir>/figures/<name>.png`` (dpi 150) and ``.svg`` atomically."""
    if not name or NAME_SEPARATOR_RE.search(name):
        raise ValueError(f"figure name must be a plain file stem, not {name!r}")
    folder = figures_dir(run_dir)
    written = [
        atomic_write_bytes(folder / f"{name}.png", render_figure(fig, "png", dpi=PNG_DPI)),
        atomic_write_bytes(folder / f"{name}.svg", render_figure(fig, "svg", metadata={"Date": None})),
    ]
    logger.info("wrote figure %s (png, svg)", folder / name)
    return written
