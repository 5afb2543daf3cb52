"""One self-contained HTML page made from a run's executed notebooks.

The page opens with a summary of the run (corpus, dates, outlets, articles,
quotes, the most quoted speakers and the main findings as numbers, and the
measured quality of each stage), then the notebooks merged into one (a
contents list first, then each notebook's cells under an anchor). Cells that
make claims for the tests (tagged ``nbval-check-output``) stay out of the
page; empty tables are dropped; every other table gets a filter box, sorting
by column and shows its first rows until expanded (``data/report.js``). The
quote browser (``qawl.browser``) is written beside it and linked. The
notebooks are and exported with nbconvert's ``lab``
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
from typing import Iterable, Optional, Sequence

import jinja2
import nbformat
from nbconvert import HTMLExporter
from nbconvert.preprocessors import TagRemovePreprocessor

from qawl import __version__
from qawl.tables import PathLike, atomic_write_text

logger = logging.getLogger(__name__)

REPORT_NAME = "report.html"
DEFAULT_TITLE = "qawl: who is quoted, saying what, about whom"
# cells a notebook author marks as not for readers, and the claims the tests check (long lists)
HIDDEN_CELL_TAGS = ("remove-cell", "remove_cell", "report-hide", "nbval-check-output")
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
.jp-RenderedImage img, .qawl-figure img { max-width: 100%; height: auto; }
.qawl-figure { margin: 1em 0; }
.qawl-figure figcaption { font-size: 0.85em; color: #333; max-width: 60em; line-height: 1.45; }
/* long views of article text scroll inside a box */
.qawl-text { max-height: 14em; overflow: auto; border: 1px solid #e5e7eb; padding: 0 .5em; }
.qawl-summary { background: #f7f9fc; border: 1px solid #dde3ea; padding: .3em 1.2em 1em; margin: 1em 0; }
.qawl-summary h2 { margin-top: .6em; }
.qawl-summary ul { line-height: 1.6; }
.qawl-summary table { border-collapse: collapse; font-size: .9em; }
.qawl-summary td, .qawl-summary th { padding: .15em .7em; border-bottom: 1px solid #e3e6ea; text-align: start; }
.qawl-summary .num { text-align: end; font-variant-numeric: tabular-nums; }
.qawl-browse { font-size: 1.05em; }
/* interactive tables (data/report.js) */
.qawl-tools { font-size: .85em; margin: .4em 0; display: flex; gap: .8em; align-items: center; }
.qawl-tools input { font: inherit; padding: .1em .3em; width: 16em; }
table.dataframe th.qawl-sortable { cursor: pointer; user-select: none; }
table.dataframe th.qawl-sortable::after { content: " ⇅"; color: #aaa; font-size: .8em; }
table.dataframe tr.qawl-hidden { display: none; }
table.dataframe.qawl-compact td, table.dataframe.qawl-compact th {
  white-space: nowrap; overflow: hidden; text-overflow: ellipsis; max-width: 22em; }
/* tall figures (a long article's timeline) are shown at most this tall; the PNG/SVG files are full size */
.qawl-figure img { max-height: 560px; width: auto; cursor: zoom-in; }
.qawl-figure img.qawl-full { max-height: none; cursor: zoom-out; }
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
{% block body_footer %}{{ super() }}<script>{{ resources.qawl_script }}</script>{% endblock body_footer %}
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
# a pandas table, with the wrapper div nbconvert puts around it
DATAFRAME_BLOCK_RE = re.compile(r"<div>\s*(?:<style[^>]*>.*?</style>\s*)?<table[^>]*class=\"[^\"]*\bdataframe\b[^\"]*\".*?</table>\s*</div>",
                                re.IGNORECASE | re.DOTALL)
BODY_ROW_RE = re.compile(r"<tbody>\s*<tr", re.IGNORECASE)


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


def _contents_cell(title: str, run_dir: Path, sections: Sequence[tuple[str, str, Path]],
                   summary: str = "") -> nbformat.NotebookNode:
    items = "\n".join(
        f'<li dir="auto"><a href="#{anchor}">{html.escape(name)}</a></li>'
        for anchor, name, path in sections
    )
    return _raw_html_cell(
        f'<header class="qawl-header"><h1 dir="auto">{html.escape(title)}</h1>'
        f'<p class="qawl-meta">run folder: <code>{html.escape(run_dir.name)}</code> · '
        f"made by qawl {html.escape(__version__)}</p>{summary}"
        f'<nav class="qawl-toc"><h2>Contents</h2><ol>\n{items}\n</ol></nav></header>'
    )


def merge_notebooks(notebooks: Iterable[PathLike], title: str, run_dir: PathLike,
                    keep_stderr: bool = False, summary: str = "") -> nbformat.NotebookNode:
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
        cells.append(_raw_html_cell(f'<div class="qawl-notebook" id="{anchor}"></div>'))
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
    merged.cells = [_contents_cell(title, Path(run_dir), sections, summary)] + cells
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


def drop_empty_tables(page: str) -> str:
    """Remove pandas tables without a body row (an empty failures table says nothing)."""
    def keep(match: re.Match) -> str:
        return match.group(0) if BODY_ROW_RE.search(match.group(0)) else ""

    page, dropped = DATAFRAME_BLOCK_RE.subn(keep, page)
    return page


def report_script() -> str:
    from importlib import resources

    return resources.files("qawl").joinpath("data", "report.js").read_text(encoding="utf-8")


def render_report(notebook: nbformat.NotebookNode) -> str:
    page, _ = report_exporter().from_notebook_node(notebook, resources={"qawl_script": report_script()})
    return add_auto_direction(drop_empty_tables(strip_remote_resources(page)))


def write_report(run_dir: PathLike, notebooks: list[Path], title: str = DEFAULT_TITLE,
                 keep_stderr: bool = False, browser: bool = True) -> Path:
    """Write ``<run_dir>/report.html`` from the executed ``notebooks``, in the order given,
    with a summary of the run's tables; with ``browser``, the quote browser ``quotes.html`` too."""
    if not notebooks:
        raise ValueError("no notebooks to make a report from")
    browser_path = None
    if browser:
        from qawl.browser import write_browser

        try:
            browser_path = write_browser(run_dir)
        except FileNotFoundError as error:
            logger.warning("no quote browser: %s", error)
    summary = run_summary_html(run_dir, browser_path)
    merged = merge_notebooks(notebooks, title=title, run_dir=run_dir, keep_stderr=keep_stderr, summary=summary)
    path = atomic_write_text(Path(run_dir) / REPORT_NAME, render_report(merged))
    logger.info("wrote %s from %d notebooks", path, len(notebooks))
    return path


# -------------------------------------------------------------- summary ---

TOP_SPEAKERS = 10


def _number(value) -> str:
    return f"{int(value):,}"


def _share(part: float, whole: float) -> str:
    from qawl.viz import percent

    return percent(part / whole) if whole else "–"


def _run_parameters(run_dir: Path) -> dict:
    import json

    try:
        return json.loads((run_dir / "run.json").read_text(encoding="utf-8")).get("parameters", {})
    except (OSError, ValueError):
        return {}


def _is_named(speaker: str) -> bool:
    """An actor with a name: not "(unnamed …)" nor "(no speaker)"."""
    return bool(speaker) and not speaker.startswith("(")


def corpus_line(run_dir: Path, statistics, outlets_table, rates) -> str:
    """Corpus, selection, articles, words, outlets and dates (outlier dates named)."""
    from qawl.viz import trim_dates

    parameters = _run_parameters(run_dir)
    corpus = Path(str(parameters.get("corpus", ""))).name or "?"
    limit, seed = parameters.get("limit"), parameters.get("seed", 0)
    selection = (f"a random sample of {_number(limit)} articles (seed {seed})" if limit
                 else "every article")
    row = statistics.iloc[0]
    outlets = ", ".join(f"{html.escape(str(r.source))} ({_number(r.articles)})" for r in outlets_table.itertuples())
    dates = ""
    import pandas as pd

    days = pd.to_datetime(rates["date"], errors="coerce", format="ISO8601")
    dated = days.notna()
    if dated.any():
        low, high = trim_dates(days[dated], rates["articles"][dated])
        inside = dated & (days >= low) & (days <= high)
        span = f"{days[inside].min():%Y-%m-%d} to {days[inside].max():%Y-%m-%d}"
        outside = int(rates["articles"][dated & ~inside].sum())
        undated = int(rates["articles"][~dated].sum())
        dates = (f"; dated {span}" + (f" ({outside} articles dated far outside this range: "
                 f"{', '.join(sorted(set(rates['date'][dated & ~inside])))[:120]})" if outside else "")
                 + (f"; {undated} without a date" if undated else ""))
    return (f"<p><b>Corpus</b>: <code>{html.escape(corpus)}</code>, {selection}: "
            f"{_number(row['articles'])} articles, {_number(row['words'])} words, "
            f"{_number(row['sources'])} outlets ({outlets}){dates}.</p>")


def _speaker_link(name: str, browser: bool) -> str:
    from urllib.parse import quote

    label = html.escape(name)
    if not browser or not _is_named(name):
        return f'<span dir="auto">{label}</span>'
    return f'<a dir="auto" href="quotes.html#speaker={quote(name)}">{label}</a>'


def top_speakers_table(shares, roles: dict, browser: bool) -> str:
    """The most quoted named actors: quotes, share of attributed quotes, role."""
    from qawl import aggregates  # the statistics are computed there, once

    named = shares[shares["speaker"].map(_is_named)].head(TOP_SPEAKERS)
    attributed = aggregates.attributed_quotes(shares)
    rows = "".join(
        f"<tr><td>{_speaker_link(r.speaker, browser)}</td><td class=\"num\">{_number(r.n_quotes)}</td>"
        f"<td class=\"num\">{_share(r.n_quotes, attributed)}</td>"
        f"<td>{html.escape(str(roles.get(r.speaker, '')).replace('_', ' '))}</td></tr>"
        for r in named.itertuples())
    return ("<table><thead><tr><th>speaker (merged actor)</th><th>quotes</th><th>share of attributed quotes</th>"
            f"<th>role</th></tr></thead><tbody>{rows}</tbody></table>")


def findings(shares, by_outlet, by_role, pairs, rates) -> list[str]:
    """The main findings, each as one sentence with its numbers."""
    from qawl import aggregates  # the statistics are computed there, once

    items = []
    total = int(shares["n_quotes"].sum())
    attributed = aggregates.attributed_quotes(shares)
    named = shares[shares["speaker"].map(_is_named)]
    if total:
        top = named.head(TOP_SPEAKERS)
        items.append(f"The {len(top)} most quoted named speakers give {_share(top['n_quotes'].sum(), attributed)} "
                     f"of the {_number(attributed)} attributed quotes; {_number((named['n_quotes'] == 1).sum())} of "
                     f"{_number(len(named))} named speakers are quoted once.")
        unnamed = int(shares.loc[shares["speaker"].str.startswith("(unnamed"), "n_quotes"].sum())
        items.append(f"{_share(unnamed, attributed)} of attributed quotes ({_number(unnamed)}) come from speakers "
                     "the articles do not name (an unnamed official, a report, a source).")
    roles = by_role[~by_role["role"].isin(["other", "none", "unknown", "(no speaker)"])]
    if len(roles):
        top_roles = roles.sort_values("n_quotes", ascending=False).head(3)
        items.append("Most quoted roles: " + "; ".join(
            f"{r.role.replace('_', ' ')} {_share(r.n_quotes, total)} of quotes "
            f"({_number(r.speakers)} speakers, {_share(r.share_direct, 1)} direct)" for r in top_roles.itertuples()) + ".")
    if len(by_outlet):
        ranked = by_outlet.sort_values("share_direct", ascending=False)
        high, low = ranked.iloc[0], ranked.iloc[-1]
        types = aggregates.type_totals(by_outlet)
        items.append(f"Quotes are {_share(types['direct'], total)} direct, {_share(types['indirect'], total)} indirect "
                     f"and {_share(types['mixed'], total)} mixed; {html.escape(str(high['source']))} quotes directly most "
                     f"({_share(high['share_direct'], 1)} of its quotes), {html.escape(str(low['source']))} least "
                     f"({_share(low['share_direct'], 1)}).")
    articles = int(rates["articles"].sum())
    if articles:
        rate = aggregates.outlet_quote_rates(rates)
        items.append(f"{int(rates['quotes'].sum()) / articles:.1f} quotes per article on average, from "
                     f"{rate.min():.1f} ({html.escape(str(rate.idxmin()))}) to {rate.max():.1f} "
                     f"({html.escape(str(rate.idxmax()))}).")
    if len(pairs):
        stances = aggregates.polarity_totals(pairs)
        n = sum(stances.values())
        targets = aggregates.target_totals(pairs).head(3)
        items.append(f"{_number(n)} stances: {_share(stances['favor'], n)} in favour, {_share(stances['against'], n)} "
                     f"against, {_share(stances['neutral'], n)} neutral; the most frequent targets are "
                     + ", ".join(f'<span dir="auto">{html.escape(str(t))}</span> ({_number(c)})'
                                 for t, c in targets.items()) + ". Stance is the least reliable stage (see its quality).")
    return items


def quality_table() -> str:
    """The held-out scores behind each stage, from benchmarks/ (or "not measured")."""
    from qawl.viz import QUALITY_SOURCES, measured_quality

    stages = {"quotes": "quotes (detection, type)", "speakers": "speakers", "actors": "speakers merged into actors",
              "roles": "speaker roles", "stance": "stance"}
    rows = "".join(
        f"<tr><td>{stages.get(source, source)}</td><td>{html.escape(', '.join(measured_quality(source)) or 'not measured')}</td></tr>"
        for source in QUALITY_SOURCES)
    return ("<table><thead><tr><th>stage</th><th>held-out score (annotated news never tuned on)</th></tr></thead>"
            f"<tbody>{rows}</tbody></table>")


def confidence_paragraph(run_dir: Path) -> str:
    """Which quotes count (the run's confidence threshold) and the precision it gave on the gold split."""
    from qawl.display import confidence_note

    note = html.escape(confidence_note(run_dir))
    return "<p>" + re.sub(r"\*\*(.+?)\*\*", r"<b>\1</b>", note) + "</p>"


def run_summary_html(run_dir: PathLike, browser: Optional[Path] = None) -> str:
    """The report's opening: corpus, dates, outlets, counts, top speakers, findings, quality and definitions."""
    from qawl import actors, aggregates
    from qawl.viz import DEFINITIONS

    run_dir = Path(run_dir)
    try:
        statistics = aggregates.corpus_statistics(run_dir)
        outlets_table = aggregates.statistics_by_source(run_dir)
        rates = aggregates.quote_rates(run_dir)
        shares = aggregates.share_of_voice(run_dir)
        by_outlet = aggregates.directness(run_dir, by="source")
        by_role = aggregates.voice_by_role(run_dir)
        pairs = aggregates.stance_pairs(run_dir)
    except FileNotFoundError as error:
        logger.warning("no summary in the report: %s", error)
        return ""
    aliases = actors.read_aliases(run_dir)
    roles = {} if aliases is None else dict(zip(aliases["label"], aliases["role"]))
    total = int(shares["n_quotes"].sum())
    speakers = int(shares["speaker"].map(_is_named).sum())
    link = (f'<p class="qawl-browse"><a href="{html.escape(browser.name)}">Browse and search all '
            f"{_number(total)} quotes</a> (speaker, outlet, role, type, dates, confidence, text; "
            "opens offline beside this page).</p>" if browser else "")
    items = "".join(f"<li>{item}</li>" for item in findings(shares, by_outlet, by_role, pairs, rates))
    definitions = "".join(f"<li>{html.escape(DEFINITIONS[k])}</li>" for k in ("direct", "indirect", "mixed", "leaning", "stance"))
    return (
        '<section class="qawl-summary" id="summary"><h2>Summary</h2>'
        + corpus_line(run_dir, statistics, outlets_table, rates)
        + f"<p><b>Quotes</b>: {_number(total)} from {_number(speakers)} named speakers "
          f"(speakers are merged actors: the spellings, titles and surnames of one person, see tables/aliases.csv).</p>"
        + confidence_paragraph(run_dir)
        + link
        + f"<h3>Main findings</h3><ul>{items}</ul>"
        + "<h3>Most quoted speakers</h3>" + top_speakers_table(shares, roles, browser is not None)
        + "<h3>How far to trust these numbers</h3>" + quality_table()
        + f"<details><summary>Definitions</summary><ul>{definitions}</ul></details></section>"
    )
