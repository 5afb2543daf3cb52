"""Report page: written, self-contained (no remote scripts), code hidden, images embedded."""
from __future__ import annotations

import base64
import io
import re

import nbformat
import pytest
from matplotlib.figure import Figure
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

from qawl import report

SECRET_CODE = "hidden_code_marker = 42"


def png_base64() -> str:
    fig = Figure(figsize=(1, 1))
    fig.add_subplot().plot([0, 1], [1, 0])
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=20)
    return base64.b64encode(buffer.getvalue()).decode("ascii")


def make_notebook(path, heading: str, extra_cells=()) -> None:
    image = png_base64()
    cells = [
        new_markdown_cell(f"# {heading}\n\nقال وزير الخارجية إن الحل سياسي.\n\n$x^2$"),
        new_code_cell(SECRET_CODE, outputs=[
            new_output("display_data", data={"image/png": image, "text/plain": "<Figure>"}),
            new_output("stream", name="stderr", text="100%|██████████| 3/3 progress noise\n"),
            new_output("stream", name="stdout", text="عدد المقالات: 3\n"),
        ]),
        *extra_cells,
    ]
    nbformat.write(new_notebook(cells=cells), path)


@pytest.fixture
def run_dir(tmp_path):
    (tmp_path / "figures").mkdir()
    Figure(figsize=(1, 1)).savefig(tmp_path / "figures" / "chart.png", dpi=20)
    make_notebook(tmp_path / "01_corpus.ipynb", "المدونة والمصادر")
    hidden = new_code_cell("secret_setup = 1", metadata={"tags": ["remove-cell"]},
                           outputs=[new_output("stream", name="stdout", text="should not show\n")])
    widget = new_code_cell("progress()", outputs=[new_output(
        "display_data", data={report.WIDGET_MIME: {"model_id": "x", "version_major": 2, "version_minor": 0},
                              "text/plain": "widget fallback text"})])
    linked = new_markdown_cell("![chart](figures/chart.png)")
    make_notebook(tmp_path / "02_quotes.ipynb", "Quotes", extra_cells=[hidden, widget, linked])
    return tmp_path


@pytest.fixture
def page(run_dir) -> str:
    notebooks = [run_dir / "01_corpus.ipynb", run_dir / "02_quotes.ipynb"]
    path = report.write_report(run_dir, notebooks, title="تقرير قول")
    assert path == run_dir / "report.html"
    return path.read_text(encoding="utf-8")


def test_report_has_no_remote_scripts_or_styles(page):
    assert not re.search(r"<script[^>]*src=[\"']?(https?:)?//", page, re.IGNORECASE)
    assert not re.search(r"<link[^>]*href=[\"']?(https?:)?//", page, re.IGNORECASE)
    assert "cdnjs" not in page and "unpkg" not in page


def test_report_hides_code_and_prompts(page):
    body = page[page.index("<main>"):]
    assert SECRET_CODE not in body
    assert "In&nbsp;[" not in body and "Out[" not in body
    assert "jp-InputArea-editor" not in body  # no code input areas at all


def test_report_embeds_images(page):
    assert page.count('src="data:image/png;base64,') == 3  # two outputs and one markdown link
    assert 'src="figures/chart.png"' not in page


def test_report_contents_and_arabic(page):
    assert "<title>تقرير قول</title>" in page
    assert '<nav class="qawl-toc">' in page and "&lt;nav" not in page  # our markup is not escaped
    toc = page[page.index('<nav class="qawl-toc">'):]
    assert toc.index("المدونة والمصادر") < toc.index("Quotes")
    for anchor in re.findall(r'href="#(nb-\d+-[^"]+)"', page):
        assert f'id="{anchor}"' in page
    assert '<p dir="auto">قال وزير الخارجية' in page
    assert "عدد المقالات: 3" in page


def test_report_drops_reader_noise(page):
    assert "progress noise" not in page  # stderr
    assert "should not show" not in page  # remove-cell tag
    assert "widget fallback text" not in page


def test_missing_notebook_is_named(tmp_path):
    with pytest.raises(FileNotFoundError, match="missing.ipynb"):
        report.write_report(tmp_path, [tmp_path / "missing.ipynb"])
    with pytest.raises(ValueError):
        report.write_report(tmp_path, [])


@pytest.mark.parametrize(
    ("page_in", "page_out"),
    [
        ('<script src="https://cdn.example/x.js"></script><p>a</p>', '<p dir="auto">a</p>'),
        ("<script src=//cdn.example/x.js></script>", ""),
        ('<script src="local.js"></script>', '<script src="local.js"></script>'),
        ('<link rel="stylesheet" href="https://fonts.example/css">', ""),
        ('<p class="x">b</p><td dir="rtl">c</td>', '<p dir="auto" class="x">b</p><td dir="rtl">c</td>'),
        ("<style>p{}</style><pre>d</pre>", "<style>p{}</style><pre>d</pre>"),
        ("<script>var s = '<p>';</script><li>e</li>", "<script>var s = '<p>';</script><li dir=\"auto\">e</li>"),
    ],
)
def test_page_post_processing(page_in, page_out):
    assert report.add_auto_direction(report.strip_remote_resources(page_in)) == page_out


# --- what the report leaves out, and its tables ------------------------------------------------


def _table_html(rows: int) -> str:
    import pandas as pd

    frame = pd.DataFrame({"speaker": [f"متحدث {i}" for i in range(rows)], "quotes": list(range(rows))})
    return frame.to_html()


@pytest.fixture
def page_with_claims(tmp_path) -> str:
    claim = new_code_cell("sorted(people)", metadata={"tags": ["nbval-check-output"]}, outputs=[
        new_output("execute_result", data={"text/plain": "['claim list marker', 'جون كيري']"}, execution_count=1)])
    empty = new_code_cell("failures", outputs=[new_output("execute_result", data={
        "text/html": "<div>" + _table_html(0) + "</div>", "text/plain": "empty"}, execution_count=2)])
    full = new_code_cell("shares", outputs=[new_output("execute_result", data={
        "text/html": "<div>" + _table_html(30) + "</div>", "text/plain": "full"}, execution_count=3)])
    make_notebook(tmp_path / "01_a.ipynb", "A", extra_cells=[claim, empty, full])
    return report.write_report(tmp_path, [tmp_path / "01_a.ipynb"]).read_text(encoding="utf-8")


def test_report_leaves_claims_and_empty_tables_out(page_with_claims):
    assert "claim list marker" not in page_with_claims
    assert page_with_claims.count('class="dataframe') == 1  # the empty table is gone, the full one kept
    assert "متحدث 29" in page_with_claims  # every row is in the page (the script collapses them)


def test_report_tables_get_the_inline_script(page_with_claims):
    script = report.report_script()
    assert "qawl-tools" in script and "FIRST_ROWS" in script
    assert script in page_with_claims  # inlined, not linked
    assert not re.search(r"<script[^>]*\bsrc=", page_with_claims)


# --- the summary of a real run on the seed --------------------------------------------------


@pytest.fixture(scope="module")
def seed_run(tmp_path_factory):
    """The engine's tables for the seed article, with a run.json and the alias table."""
    import json

    from qawl.corpus import load_corpus
    from qawl.engine import EngineConfig, analyse_articles, finish_tables, table_frames
    from qawl.pipeline import TABLE_SCHEMAS
    from qawl.tables import mark_complete, write_part

    from conftest import SEED

    run_dir = tmp_path_factory.mktemp("seed_run")
    results, _ = analyse_articles(list(load_corpus(SEED)), EngineConfig(backend="crf"))
    for name, frame in table_frames(results).items():
        write_part(frame, run_dir, name, 0, schema=TABLE_SCHEMAS[name])
    mark_complete(run_dir, 0, {"partition": 0, "rows": {}, "failures": []})
    finish_tables(run_dir)
    (run_dir / "run.json").write_text(json.dumps({"parameters": {"corpus": "/x/seeds", "limit": 7, "seed": 3}}))
    return run_dir


def test_summary_opens_with_corpus_counts_speakers_and_quality(seed_run):
    from qawl.browser import write_browser

    summary = report.run_summary_html(seed_run, write_browser(seed_run))
    assert summary.startswith('<section class="qawl-summary"')
    assert "a random sample of 7 articles (seed 3)" in summary  # the selection, from run.json
    assert "<code>seeds</code>" in summary and "1 articles" in summary
    assert "Main findings" in summary and "direct" in summary
    assert 'href="quotes.html#speaker=' in summary  # top speakers link to the browser
    assert "سيرغي لافروف" in summary or "جون كيري" in summary
    assert "stance F1" in summary or "not measured" in summary
    assert "mixed: a paraphrase" in summary  # definitions


def test_quality_table_says_not_measured_without_benchmarks(monkeypatch, tmp_path):
    from qawl import viz
    from qawl.viz import captions

    monkeypatch.setattr(captions, "benchmarks_dir", lambda: tmp_path)
    table = report.quality_table()
    assert table.count("not measured") == len(viz.QUALITY_SOURCES)
