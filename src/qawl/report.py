"""One self-contained HTML page made from a run's executed notebooks.

The notebooks are merged into one (a contents list first, then each
notebook's cells under an anchor) and exported with nbconvert's ``lab``
template: code hidden, prompts hidden, images embedded as base64. The page
must open offline, so the template's CDN scripts (require.js, MathJax,
mermaid, widgets) are left out and any remaining remote ``<script src>`` or
``<link href>`` is stripped. Arabic paragraphs, list items and table cells
get ``dir="auto"`` so each reads in its own direction.
"""
from __future__ import annotations

import base64
import copy
import html
import logging
import mimetypes
import re
from pathlib import Path
from typing import Iterable, Sequence

import jinja2
import nbformat
from nbconvert import HTMLExporter
from nbconvert.preprocessors import TagRemovePreprocessor

from qawl import __version__
from qawl.tables import PathLike, atomic_write_text

logger = logging.getLogger(__name__)

REPORT_NAME = "report.html"
DEFAULT_TITLE = "qawl: who is quoted, saying what, about whom"
# cells a notebook author marks as not for readers
HIDDEN_CELL_TAGS = ("remove-cell", "remove_cell", "report-hide")
HIDDEN_OUTPUT_TAGS = ("remove-output", "remove_output")
WIDGET_MIME = "application/vnd.jupyter.widget-view+json"

REPORT_CSS = """
body { max-width: 1100px; margin: 0 auto; padding: 0 1.5em 3em; }
.qawl-header, .qawl-notebook { font-family: var(--jp-content-font-family); }
.qawl-header { border-bottom: 1px solid #ddd; margin-bottom: 1.5em; padding-top: 1em; }
.qawl-header .qawl-meta { color: #666; font-size: 0.9em; }
.qawl-toc ol { line-height: 1.7; }
.qawl-toc .qawl-file, .qawl-notebook .qawl-file { color: #888; font-size: 0.85em; }
.qawl-notebook { border-top: 3px solid #4a6fa5; margin-top: 2.5em; padding-top: 0.5em; }
/* Arabic and Latin lines each in their own direction */
.jp-RenderedHTMLCommon p, .jp-RenderedHTMLCommon li, .jp-RenderedHTMLCommon h1,
.jp-RenderedHTMLCommon h2, .jp-RenderedHTMLCommon h3, .jp-RenderedHTMLCommon h4,
.jp-RenderedHTMLCommon td, .jp-RenderedHTMLCommon th, .jp-RenderedHTMLCommon blockquote,
.jp-RenderedText pre {
  unicode-bidi: plaintext;
  text-align: start;
}
.jp-RenderedHTMLCommon td, .jp-RenderedHTMLCommon th { max-width: 40em; }
.jp-RenderedImage img { max-width: 100%; height: auto; }
/* monospace fonts rarely have Arabic: fall back to one that joins the letters */
.jp-RenderedText pre { font-family: var(--jp-code-font-family), "DejaVu Sans", "Noto Sans Arabic", sans-serif; }
"""

# The lab template without its CDN scripts (they do not load offline), plus our CSS.
# Raw HTML cells are sanitised by the template; the report's own cells (contents,
# section anchors) are passed through as they are.
REPORT_TEMPLATE = """{%- extends 'index.html.j2' -%}
{% block html_head_js %}{% endblock html_head_js %}
{% block jupyter_widgets %}{% endblock jupyter_widgets %}
{% block html_head_js_mathjax %}{% endblock html_head_js_mathjax %}
{% block html_head_js_mermaidjs %}{% endblock html_head_js_mermaidjs %}
{% block rawcell scoped %}
{%- if cell.metadata.get('qawl_report') -%}{{ cell.source }}{%- else -%}{{ super() }}{%- endif -%}
{% endblock rawcell %}
{% block extra_css %}<style type="text/css">""" + REPORT_CSS + """</style>{% endblock extra_css %}
"""
TEMPLATE_FILE = "qawl_report.html.j2"

HEADING_RE = re.compile(r"^\s{0,3}#\s+(.+?)\s*#*\s*$", re.MULTILINE)
REMOTE_SCRIPT_RE = re.compile(
    r"<script\b[^>]*\bsrc\s*=\s*[\"']?\s*(?:https?:)?//[^>]*>.*?</script\s*>", re.IGNORECASE | re.DOTALL
)
REMOTE_LINK_RE = re.compile(r"<link\b[^>]*\bhref\s*=\s*[\"']?\s*(?:https?:)?//[^>]*>", re.IGNORECASE)
# opening tags of text blocks that should pick their direction from their own text
BIDI_TAG_RE = re.compile(r"<(p|li|h[1-6]|td|th|blockquote|dt|dd|caption)(?=[\s>])(?![^>]*\bdir\s*=)", re.IGNORECASE)
STYLE_OR_SCRIPT_RE = re.compile(r"(<(style|script)\b.*?</\2\s*>)", re.IGNORECASE | re.DOTALL)
MARKDOWN_IMAGE_RE = re.compile(r"(!\[[^\]]*\]\()([^)\s]+)((?:\s+\"[^\"]*\")?\))")
HTML_IMAGE_RE = re.compile(r"(<img\b[^>]*\bsrc\s*=\s*[\"'])([^\"']+)([\"'])", re.IGNORECASE)
NOT_LOCAL_RE = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|//|#)", re.IGNORECASE)
ANCHOR_CHARS_RE = re.compile(r"[^A-Za-z0-9_-]+")


# ------------------------------------------------------------ notebooks ---


def notebook_title(notebook: nbformat.NotebookNode, fallback: str) -> str:
    """The first level-1 heading of the notebook's first markdown cell, else ``fallback``."""
    for cell in notebook.cells:
        if cell.cell_type == "markdown":
            match = HEADING_RE.search(cell.source)
            return match.group(1) if match else fallback
    return fallback


def _anchor(index: int, path: Path) -> str:
    return f"nb-{index}-" + ANCHOR_CHARS_RE.sub("-", path.stem).strip("-")


def _reader_outputs(outputs: list, keep_stderr: bool) -> list:
    """Outputs a reader wants: no widget views (dead without a kernel), stderr only when asked."""
    kept = []
    for output in outputs:
        if output.get("output_type") == "stream" and output.get("name") == "stderr" and not keep_stderr:
            continue
        if WIDGET_MIME in output.get("data", {}):
            continue
        kept.append(output)
    return kept


def _embed_local_images(cell: nbformat.NotebookNode, base_dir: Path) -> None:
    """Turn markdown/HTML image links to local files into cell attachments (inlined by nbconvert)."""
    attachments = cell.setdefault("attachments", {})

    def attach(match: re.Match) -> str:
        src = match.group(2)
        path = base_dir / src
        mime, _ = mimetypes.guess_type(src)
        if NOT_LOCAL_RE.match(src) or not mime or not mime.startswith("image/") or not path.is_file():
            return match.group(0)
        name = f"{len(attachments)}-{path.name}"
        attachments[name] = {mime: base64.b64encode(path.read_bytes()).decode("ascii")}
        return f"{match.group(1)}attachment:{name}{match.group(3)}"

    cell.source = HTML_IMAGE_RE.sub(attach, MARKDOWN_IMAGE_RE.sub(attach, cell.source))
    if not attachments:
        del cell["attachments"]


def _raw_html_cell(markup: str) -> nbformat.NotebookNode:
    """A cell of the report's own markup (escaped by the callers), passed to the page unsanitised."""
    return nbformat.v4.new_raw_cell(markup, metadata={"raw_mimetype": "text/html", "qawl_report": True})


def _contents_cell(title: str, run_dir: Path, sections: Sequence[tuple[str, str, Path]]) -> nbformat.NotebookNode:
    items = "\n".join(
        f'<li dir="auto"><a href="#{anchor}">{html.escape(name)}</a> '
        f'<span class="qawl-file">({html.escape(path.name)})</span></li>'
        for anchor, name, path in sections
    )
    return _raw_html_cell(
        f'<header class="qawl-header"><h1 dir="auto">{html.escape(title)}</h1>'
        f'<p class="qawl-meta">run folder: <code>{html.escape(run_dir.name)}</code> · '
        f"made by qawl {html.escape(__version__)}</p>"
        f'<nav class="qawl-toc"><h2>Contents</h2><ol>\n{items}\n</ol></nav></header>'
    )


def merge_notebooks(notebooks: Iterable[PathLike], title: str, run_dir: PathLike,
                    keep_stderr: bool = False) -> nbformat.NotebookNode:
    """One notebook: a contents list, then each notebook's cells after an anchor of its own."""
    merged = nbformat.v4.new_notebook(metadata={"title": title})
    sections, cells = [], []
    for index, path in enumerate(map(Path, notebooks), start=1):
        if not path.is_file():
            raise FileNotFoundError(f"{path} not found: execute the notebooks before writing the report")
        notebook = nbformat.read(path, as_version=4)
        name = notebook_title(notebook, fallback=path.stem)
        anchor = _anchor(index, path)
        sections.append((anchor, name, path))
        cells.append(_raw_html_cell(
            f'<div class="qawl-notebook" id="{anchor}"><span class="qawl-file">{html.escape(path.name)}</span></div>'
        ))
        for position, cell in enumerate(notebook.cells):
            cell = copy.deepcopy(cell)
            cell["id"] = f"{anchor}-{position}"[:64]  # ids must stay unique in the merged notebook
            if cell.cell_type == "code":
                cell.outputs = _reader_outputs(cell.outputs, keep_stderr)
            elif cell.cell_type == "markdown":
                _embed_local_images(cell, path.parent)
            cells.append(cell)
        if not merged.metadata.get("kernelspec") and notebook.metadata.get("kernelspec"):
            merged.metadata["kernelspec"] = notebook.metadata["kernelspec"]
            merged.metadata["language_info"] = notebook.metadata.get("language_info", {})
    merged.cells = [_contents_cell(title, Path(run_dir), sections)] + cells
    return merged


# ----------------------------------------------------------------- html ---


def report_exporter() -> HTMLExporter:
    """nbconvert's lab template, code and prompts hidden, images embedded, no CDN scripts."""
    exporter = HTMLExporter(
        template_name="lab",
        extra_loaders=[jinja2.DictLoader({TEMPLATE_FILE: REPORT_TEMPLATE})],
        template_file=TEMPLATE_FILE,
        exclude_input=True,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
        embed_images=True,
    )
    # nbconvert warns about figures without alt text on every run; captions are the report's job
    exporter.log = logging.getLogger(f"{__name__}.nbconvert")
    exporter.log.setLevel(logging.ERROR)
    exporter.register_preprocessor(
        TagRemovePreprocessor(remove_cell_tags=set(HIDDEN_CELL_TAGS),
                              remove_all_outputs_tags=set(HIDDEN_OUTPUT_TAGS)),
        enabled=True,
    )
    return exporter


def strip_remote_resources(page: str) -> str:
    """Drop ``<script src=http…>`` and ``<link href=http…>``: they would not load offline."""
    page, scripts = REMOTE_SCRIPT_RE.subn("", page)
    page, links = REMOTE_LINK_RE.subn("", page)
    if scripts or links:
        logger.warning("removed %d remote scripts and %d remote links from the report", scripts, links)
    return page


def add_auto_direction(page: str) -> str:
    """``dir="auto"`` on paragraphs, headings, list items and table cells (not inside style/script)."""
    pieces = STYLE_OR_SCRIPT_RE.split(page)
    # split keeps the whole style/script match at 1, 4, 7… and its tag name at 2, 5, 8…
    for i in range(0, len(pieces), 3):
        pieces[i] = BIDI_TAG_RE.sub(r'<\1 dir="auto"', pieces[i])
    return "".join(piece for i, piece in enumerate(pieces) if i % 3 != 2)


def render_report(notebook: nbformat.NotebookNode) -> str:
    page, _ = report_exporter().from_notebook_node(notebook)
    return add_auto_direction(strip_remote_resources(page))


def write_report(run_dir: PathLike, notebooks: list[Path], title: str = DEFAULT_TITLE,
                 keep_stderr: bool = False) -> Path:
    """Write ``<run_dir>/report.html`` from the executed ``notebooks``, in the order given."""
    if not notebooks:
        raise ValueError("no notebooks to make a report from")
    merged = merge_notebooks(notebooks, title=title, run_dir=run_dir, keep_stderr=keep_stderr)
    path = atomic_write_text(Path(run_dir) / REPORT_NAME, render_report(merged))
    logger.info("wrote %s from %d notebooks", path, len(notebooks))
    return path
