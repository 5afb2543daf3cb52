"""The report and the quote browser in a real browser (headless Chromium).

Runs ``qawl run`` on the seed (and on 50 ANT articles when the shared corpora
are present), opens ``report.html`` and ``quotes.html`` in Chromium over the
DevTools pipe (``browser_driver.py``), filters by speaker and checks the rows
shown, checks that no request leaves the page, and saves screenshots to
``outputs/screenshots/`` (``QAWL_SCREENSHOTS=benchmarks/screenshots`` refreshes the committed ones). A synthetic page of 50,000 quotes checks that
filtering still works at that size (its timings are written beside the
screenshots, not asserted). Skipped, with the reason, when Chromium is absent
(``make browser`` installs Debian's ``chromium``).
"""
from __future__ import annotations

import os
import json
import re
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from browser_driver import Chromium, find_chromium
from conftest import ROOT, SEED, shared_dir

# artefacts of a test run; QAWL_SCREENSHOTS=benchmarks/screenshots refreshes the committed ones
SCREENSHOTS = Path(os.environ.get("QAWL_SCREENSHOTS", ROOT / "outputs" / "screenshots"))
CHROMIUM = find_chromium()
pytestmark = pytest.mark.skipif(
    CHROMIUM is None,
    reason="Chromium not found: the browser test needs Debian's chromium (`make browser`, as root: "
           "apt-get install -y chromium) or QAWL_CHROMIUM=/path/to/chrome")
# src/href of scripts, styles, images, frames and media pointing off the page
REMOTE_RESOURCE_RE = re.compile(
    r"<(?:script|link|img|iframe|source|video|audio|embed|object)\b[^>]*\b(?:src|href|data)\s*=\s*[\"']?\s*(?:https?:)?//",
    re.IGNORECASE)


def _run(corpus: Path, out: Path, limit: int | None = None) -> Path:
    command = [sys.executable, "-m", "qawl", "run", "--corpus", str(corpus), "--out", str(out), "--workers", "2"]
    if limit:
        command += ["--limit", str(limit)]
    result = subprocess.run(command, capture_output=True, text=True, timeout=900, cwd=ROOT)
    assert result.returncode in (0, 1), result.stderr[-2000:]
    assert (out / "report.html").exists() and (out / "quotes.html").exists(), result.stderr[-2000:]
    return out


def _runs():
    yield pytest.param("seed", id="seed")
    yield pytest.param("ant50", id="ant50")


@pytest.fixture(scope="module", params=list(_runs()))
def run(request, tmp_path_factory):
    name = request.param
    out = tmp_path_factory.mktemp(name) / "run"
    if name == "seed":
        return name, _run(SEED.parent, out)
    ant = shared_dir() / "corpora" / "ant"
    if not ant.is_dir():
        pytest.skip(f"ANT corpus not found at {ant} (set QAWL_SHARED)")
    return name, _run(ant, out, limit=50)


@pytest.fixture(scope="module")
def browser():
    with Chromium(CHROMIUM) as chromium:
        yield chromium


def _local_only(urls: list[str]) -> list[str]:
    return [u for u in urls if not u.startswith(("file:", "data:", "about:", "blob:"))]


def test_pages_load_nothing_from_the_network(run, browser):
    name, run_dir = run
    for page in ("report.html", "quotes.html"):
        text = (run_dir / page).read_text(encoding="utf-8")
        assert not REMOTE_RESOURCE_RE.search(text), f"{page} links a remote resource"
        browser.events.clear()
        browser.open(str(run_dir / page))
        assert browser.requested_urls(), "the page itself is requested"
        assert _local_only(browser.requested_urls()) == [], f"{page} made requests off the page"


def _speaker_to_try(run_dir: Path) -> tuple[str, int]:
    """A named speaker of the run (the most quoted), a part of its name, and how many quotes the
    browser should show for that part (speaker names containing it, case-insensitive)."""
    from qawl.browser import read_browser_quotes

    quotes = read_browser_quotes(run_dir)
    named = quotes[~quotes["speaker"].str.startswith("(")]
    speaker = named["speaker"].value_counts().index[0]
    part = speaker.split()[-1]
    expected = int(quotes["speaker"].str.lower().str.contains(part.lower(), regex=False).sum())
    return part, expected


def test_quote_browser_filters_by_speaker(run, browser):
    name, run_dir = run
    part, expected = _speaker_to_try(run_dir)
    browser.open(str(run_dir / "quotes.html"))
    total = browser.evaluate("qawlBrowser.total")
    assert total == len(pd.read_csv(run_dir / "tables" / "quotes.csv"))
    result = browser.evaluate(f"qawlBrowser.filter({{speaker: {json.dumps(part)}}})")
    assert result["shown"] == expected
    speakers = browser.evaluate("Array.from(document.querySelectorAll('#quotes tbody td.speaker'))"
                                ".map(td => td.textContent)")
    assert len(speakers) == min(expected, 50)  # one page of rows
    assert all(part in s for s in speakers)
    # highlighted sentence: speaker, cue and content marks in the rows
    assert browser.evaluate("document.querySelectorAll('#quotes tbody mark.content').length") > 0
    assert f"{expected} of {total}" in browser.evaluate("document.getElementById('status').textContent").replace(",", "")
    browser.screenshot(SCREENSHOTS / f"{name}_quotes_speaker.png")
    # the state is in the address: opening it again shows the same rows
    browser.open("about:blank")
    browser.open(str(run_dir / "quotes.html") + "#type=direct")
    direct = browser.evaluate("Array.from(document.querySelectorAll('#quotes tbody tr td:nth-child(3)'))"
                              ".map(td => td.textContent)")
    assert direct and set(direct) == {"direct"}


def test_report_summary_tables_and_link(run, browser):
    name, run_dir = run
    browser.open(str(run_dir / "report.html"))
    assert browser.evaluate("!!document.getElementById('summary')")
    assert browser.evaluate("!!document.querySelector('a[href=\"quotes.html\"]')")
    tables = browser.evaluate("document.querySelectorAll('table.dataframe').length")
    assert tables > 3
    # collapsed: no table shows more than its first 5 rows
    shown = browser.evaluate("Array.from(document.querySelectorAll('table.dataframe tbody'))"
                             ".map(b => b.querySelectorAll('tr:not(.qawl-hidden)').length)")
    assert max(shown) <= 5
    # every figure has a caption with n
    captions = browser.evaluate("Array.from(document.querySelectorAll('.qawl-figure figcaption')).map(c => c.textContent)")
    assert len(captions) >= 6 and all("n = " in c for c in captions), captions
    height = browser.evaluate("document.body.scrollHeight")
    browser.screenshot(SCREENSHOTS / f"{name}_report_top.png")
    browser.screenshot(SCREENSHOTS / f"{name}_report_full.png", full_page=True, max_height=16000)
    # filter the top-speakers-like table of share of voice: typing narrows the rows
    before = browser.evaluate("document.querySelector('.qawl-tools span').textContent")
    browser.evaluate("(() => { const i = document.querySelector('.qawl-tools input'); i.value = 'zzzz-no-such-row';"
                     " i.dispatchEvent(new Event('input')); })()")
    after = browser.evaluate("document.querySelector('.qawl-tools span').textContent")
    assert after.startswith("0 of") and before != after
    _record(name, {"report_height_px": height})


def _record(name: str, values: dict) -> None:
    path = SCREENSHOTS / "measurements.json"
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    data = json.loads(path.read_text()) if path.exists() else {}
    data.setdefault(name, {}).update(values)
    path.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n")


def test_fifty_thousand_quotes_filter(tmp_path, browser):
    from qawl.browser import render_browser

    speakers = [f"متحدث رقم {i}" for i in range(2000)] + ["سيرغي لافروف"]
    n = 50_000
    sentence = "وقال سيرغي لافروف إن الحوار مستمر بين الطرفين في جنيف."
    rows = [[i % len(speakers), 0, i % 5, i % 3, i % 300, i % 7000, 0, 0, i % 4, "قال",
             f"الحوار مستمر {i}", round((i % 10) / 10, 2), sentence + f" {i}", [4, 18, 0, 3, 22, 38]]
            for i in range(n)]
    data = {"fields": ["speaker", "role", "outlet", "type", "date", "doc", "title", "url", "section", "cue",
                       "content", "confidence", "sentence", "spans"],
            "values": {"speaker": speakers, "role": ["minister_or_official"],
                       "outlet": ["BBC", "CNN", "France24", "SkyNews", "Alarabia"],
                       "type": ["direct", "indirect", "mixed"],
                       "date": [str(pd.Timestamp("2018-01-01") + pd.Timedelta(days=d))[:10] for d in range(300)],
                       "doc": [f"doc{i}" for i in range(7000)], "title": ["عنوان"], "url": [""],
                       "section": ["politics", "economy", "sport", "culture"]},
            "rows": rows}
    page = tmp_path / "quotes.html"
    page.write_text(render_browser(data, "50,000 quotes"), encoding="utf-8")
    browser.open(str(page))
    assert browser.evaluate("qawlBrowser.total") == n
    lavrov = n // len(speakers)  # rows whose speaker index is the last one
    timings = {}
    checks = {"speaker": ({"speaker": "لافروف"}, sum(1 for i in range(n) if i % len(speakers) == len(speakers) - 1)),
              # every word must occur somewhere in the quote, cue, sentence, title or speaker
              "text": ({"speaker": "", "text": "مستمر 4999"}, sum(1 for i in range(n) if "4999" in str(i))),
              "outlet+type+dates": ({"text": "", "outlet": "BBC", "type": "direct", "from": "2018-02-01", "to": "2018-03-01"},
                                    None)}
    for label, (filters, expected) in checks.items():
        result = browser.evaluate(f"qawlBrowser.filter({json.dumps(filters, ensure_ascii=False)})")
        if expected is not None:
            assert result["shown"] == expected, label
        timings[label] = result["ms"]
    assert lavrov > 0
    assert browser.evaluate("document.querySelectorAll('#quotes tbody tr').length") <= 50  # one page rendered
    browser.screenshot(SCREENSHOTS / "browser_50000_quotes.png")
    _record("synthetic_50000", {"filter_ms": timings})
