"""One article: its quotes along the text, coloured by speaker.
"""
from __future__ import annotations

import matplotlib
import matplotlib.colors
import matplotlib.ticker
import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from qawl.aggregates import UNATTRIBUTED, quote_groups, speaker_keys, string_column, text_column
from qawl.schema import QUOTE_TYPES
from qawl.viz.captions import QUOTE_TYPE_DEFINITIONS
from qawl.viz.style import (
    FIGURE_WIDTH, NO_DATA_COLOUR, OTHERS, OTHERS_COLOUR, TYPE_MARKERS, _barh_axis, _new_figure, _plural,
    _rows_height, _title, house_style, no_data_figure, shorten_label,
)


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
