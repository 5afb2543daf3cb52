"""The house style of every figure: fonts, sizes, colours, label shortening, and the figure class
that a notebook shows by itself.
"""
from __future__ import annotations

import functools
import io
import re
from typing import Callable, TypeVar

import matplotlib
import numpy as np
import pandas as pd
from matplotlib.figure import Figure

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
