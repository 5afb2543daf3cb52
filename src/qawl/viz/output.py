"""Saving a figure (PNG and SVG, atomically) and showing it with its caption.
"""
from __future__ import annotations

import logging
from pathlib import Path

from matplotlib.figure import Figure

from qawl.tables import PathLike, atomic_write_bytes, figures_dir
from qawl.viz.captions import figure_caption
from qawl.viz.style import NAME_SEPARATOR_RE, NOTEBOOK_DPI, PNG_DPI, render_figure

logger = logging.getLogger(__name__)


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
