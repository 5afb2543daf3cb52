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
from qawl.viz.style import (
    FONT_FAMILY, HOUSE_STYLE, PNG_DPI, NOTEBOOK_DPI, FIGURE_WIDTH, ROW_HEIGHT, MAX_FIGURE_HEIGHT,
    MIN_FIGURE_HEIGHT, ELLIPSIS, OTHERS, OTHERS_COLOUR, NO_DATA_COLOUR, KIND_COLOURS, TYPE_COLOURS,
    TYPE_MARKERS, POLARITY_COLOURS, SPEAKER_PALETTE, WHITESPACE_RE, NAME_SEPARATOR_RE, FigureFunction,
    house_style, shorten_label, percent, NotebookFigure, render_figure, no_data_figure,
)
from qawl.viz.captions import (
    DEFINITIONS, QUOTE_TYPE_DEFINITIONS, QUALITY_SOURCES, STAGE_QUALITY, benchmarks_dir, measured_quality,
    quality_note, figure_caption,
)
from qawl.viz.output import ShownFigure, show, save_figure
from qawl.viz.voices import share_of_voice_figure, directness_by_outlet_figure, outlet_roles_figure
from qawl.viz.stances import stance_heatmap, stance_network
from qawl.viz.time import _auto_frequency, FREQUENCY_NAMES, quotes_over_time, trim_dates, quotes_per_article
from qawl.viz.article import speaker_palette, article_timeline
