"""The quote browser: every quote of a run in one self-contained, offline HTML page.

``write_browser(run_dir)`` writes ``<run_dir>/quotes.html``: each quote with its
speaker (the merged actor, ``qawl.actors``), role, cue, content, type,
confidence, outlet, date, article title and link, shown in its sentence with
the speaker, cue and content highlighted. The page filters by speaker, outlet,
role, type, date range, confidence and free text, and sorts; it renders one
page of rows at a time and filters over lower-cased fields computed once, so
that tens of thousands of quotes stay fast. The data sit in the page as JSON
(strings that repeat, such as speakers and outlets, stored once); the script
and style are the package's ``data/browser.js`` and ``data/browser.css``,
inlined: nothing is fetched from the network.

The page reads its first filters from the address's fragment, e.g.
``quotes.html#speaker=لافروف&outlet=BBC``, so a report can link to one
speaker's quotes.
"""
from __future__ import annotations

import html
import json
import logging
from importlib import resources
from pathlib import Path
from typing import Optional

import pandas as pd

from qawl.tables import PathLike, atomic_write_text

logger = logging.getLogger(__name__)

BROWSER_NAME = "quotes.html"
CONTEXT_CHARS = 240  # characters of the sentence kept on each side of a quote in a long sentence
# columns stored once per distinct value (an index per quote)
CODED_FIELDS = ["speaker", "role", "outlet", "type", "date", "doc", "title", "url", "section"]
FIELDS = [*CODED_FIELDS, "cue", "content", "confidence", "sentence", "spans"]


def _columns(con, table: str = "quotes") -> set[str]:
    return set(con.execute(f"SELECT * FROM {table} LIMIT 0").df().columns)


def read_browser_quotes(run_dir: PathLike) -> pd.DataFrame:
    """The quotes of a run with what the browser shows (speakers merged into actors), in table order."""
    from qawl.aggregates import connect

    with connect(run_dir, "quotes") as con:
        have = _columns(con)

        def column(name: str, default: str = "''") -> str:
            return name if name in have else default

        frame = con.execute(f"""
            SELECT qawl_speaker_key(speaker_canonical, speaker) AS speaker,
                   {column('speaker_role')} AS role, qawl_outlet(source) AS outlet,
                   coalesce(type, '') AS type, coalesce(date, '') AS date, doc_id AS doc,
                   coalesce({column('title')}, '') AS title, coalesce({column('url')}, '') AS url,
                   coalesce({column('section')}, '') AS section, coalesce(cue, '') AS cue,
                   coalesce(content, '') AS content, coalesce(confidence, 0) AS confidence,
                   coalesce({column('sentence', 'content')}, '') AS sentence,
                   coalesce({column('sentence_start', 'content_start')}, content_start) AS sentence_start,
                   cue_start, cue_end, content_start, content_end, speaker_start, speaker_end
            FROM quotes ORDER BY row_pos""").df()
    return frame


def _spans(row) -> tuple[str, list[int]]:
    """The sentence (cut around the quote when long) and the speaker, cue and content spans in it."""
    sentence, base = str(row.sentence), int(row.sentence_start)
    spans = [(int(row.speaker_start), int(row.speaker_end)), (int(row.cue_start), int(row.cue_end)),
             (int(row.content_start), int(row.content_end))]
    local = [(s - base, e - base) if s >= 0 else (-1, -1) for s, e in spans]
    inside = [(s, e) for s, e in local if 0 <= s <= e <= len(sentence)]
    if inside:
        lo = max(0, min(s for s, _ in inside) - CONTEXT_CHARS)
        hi = min(len(sentence), max(e for _, e in inside) + CONTEXT_CHARS)
        sentence = sentence[lo:hi]
        local = [(s - lo, e - lo) if (s, e) in inside else (-1, -1) for s, e in local]
    flat = [v for s, e in local for v in ((s, e) if 0 <= s <= e <= len(sentence) else (-1, -1))]
    return sentence, flat


def browser_data(quotes: pd.DataFrame) -> dict:
    """The page's data: for each coded field its distinct values, and one list per quote."""
    values: dict[str, list[str]] = {}
    codes: dict[str, pd.Series] = {}
    for name in CODED_FIELDS:
        column = quotes[name].fillna("").astype(str) if name in quotes else pd.Series("", index=quotes.index)
        categories = pd.Categorical(column)
        values[name] = [str(v) for v in categories.categories]
        codes[name] = pd.Series(categories.codes, index=quotes.index)
    rows = []
    for i, row in enumerate(quotes.itertuples(index=False)):
        sentence, spans = _spans(row)
        rows.append([*(int(codes[name].iat[i]) for name in CODED_FIELDS), row.cue, row.content,
                     round(float(row.confidence), 2), sentence, spans])
    return {"fields": FIELDS, "values": values, "rows": rows}


def _asset(name: str) -> str:
    return resources.files("qawl").joinpath("data", name).read_text(encoding="utf-8")


def _json_for_script(data) -> str:
    """JSON that cannot end the ``<script>`` element it sits in."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")


def render_browser(data: dict, title: str) -> str:
    """The browser page: style, data and script inline."""
    return f"""<!DOCTYPE html>
<html lang="ar" dir="ltr"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{html.escape(title)}</title>
<style>{_asset("browser.css")}</style></head>
<body>
<header><h1>{html.escape(title)}</h1>
<p class="hint">Every quote of the run. Filter, then click a row's sentence to see the whole quote.
Highlighted: <mark class="speaker">speaker</mark> <mark class="cue">cue</mark> <mark class="content">content</mark>.</p></header>
<form id="filters" autocomplete="off" onsubmit="return false">
<label>speaker <input id="f-speaker" list="speakers" placeholder="any"></label>
<datalist id="speakers"></datalist>
<label>outlet <select id="f-outlet"><option value="">any</option></select></label>
<label>role <select id="f-role"><option value="">any</option></select></label>
<label>type <select id="f-type"><option value="">any</option></select></label>
<label>from <input id="f-from" type="date"></label>
<label>to <input id="f-to" type="date"></label>
<label>confidence ≥ <input id="f-confidence" type="number" min="0" max="1" step="0.1" value="0"></label>
<label class="wide">text <input id="f-text" type="search" placeholder="words in the quote, cue or title"></label>
<label>sort <select id="f-sort">
<option value="">table order</option><option value="date">date ↑</option><option value="-date">date ↓</option>
<option value="speaker">speaker</option><option value="outlet">outlet</option><option value="-confidence">confidence ↓</option>
</select></label>
<button id="f-reset" type="button">reset</button>
</form>
<p id="status" aria-live="polite"></p>
<table id="quotes"><thead><tr><th>speaker</th><th>role</th><th>type</th><th>quote in its sentence</th>
<th>outlet</th><th>date</th><th>article</th><th>conf.</th></tr></thead><tbody></tbody></table>
<nav id="pager"><button id="prev" type="button">← previous</button> <span id="page"></span>
<button id="next" type="button">next →</button></nav>
<script type="application/json" id="quote-data">{_json_for_script(data)}</script>
<script>{_asset("browser.js")}</script>
</body></html>
"""


def write_browser(run_dir: PathLike, title: Optional[str] = None) -> Path:
    """Write ``<run_dir>/quotes.html``, the quote browser of the run."""
    quotes = read_browser_quotes(run_dir)
    page = render_browser(browser_data(quotes), title or f"Quotes of {Path(run_dir).name} ({len(quotes):,})")
    path = atomic_write_text(Path(run_dir) / BROWSER_NAME, page)
    logger.info("wrote %s (%d quotes)", path, len(quotes))
    return path
