"""HTML views for the notebooks: text with its spans highlighted.

Views are right-to-left HTML strings (wrap them in ``IPython.display.HTML``);
they never print. The corpus-level tables the notebooks show (statistics,
cue frequencies) come from ``qawl.aggregates``.

``article_explorer`` and ``quote_explorer`` are ipywidgets to pick an article,
speaker, outlet, type or date range in a notebook. Each renders its first view
when it is made (in Python, as an HTML widget's value), so a notebook runs
headless (papermill, nbval) without a live front end; without ipywidgets they
return that first view as HTML.
"""
from __future__ import annotations

import html
from typing import Iterable, Optional

import pandas as pd

ROLE_COLOURS = {
    "title": "#fde68a", "caption": "#bfdbfe", "subheading": "#ddd6fe",
    "body": "#ffffff", "source_line": "#e5e7eb",
}
LABEL_COLOURS = {
    "PER": "#fecaca", "LOC": "#bbf7d0", "ORG": "#bfdbfe", "MISC": "#e9d5ff",
    "cue": "#fde68a", "content": "#d1fae5", "speaker": "#fbcfe8",
}
RTL_STYLE = "direction:rtl;text-align:right;font-family:'DejaVu Sans',sans-serif;line-height:1.9"


def _nested(spans: Iterable[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Spans sorted outermost first, dropping any that cross an enclosing one."""
    kept, stack = [], []
    for start, end, label in sorted(spans, key=lambda s: (s[0], -s[1])):
        while stack and stack[-1] <= start:
            stack.pop()
        if stack and end > stack[-1]:
            continue
        kept.append((start, end, label))
        stack.append(end)
    return kept


def highlight(text: str, spans: Iterable[tuple[int, int, str]], title: Optional[str] = None) -> str:
    """``text`` as RTL HTML with ``(start, end, label)`` spans marked (nesting allowed)."""
    parts, cursor, open_ends = [], 0, []
    for start, end, label in _nested(spans):
        while open_ends and open_ends[-1] <= start:
            parts.append(html.escape(text[cursor:open_ends[-1]]) + "</mark>")
            cursor = open_ends.pop()
        colour = LABEL_COLOURS.get(label, "#fef3c7")
        parts.append(html.escape(text[cursor:start]))
        parts.append(f'<mark style="background:{colour}" title="{html.escape(label)}">')
        cursor = start
        open_ends.append(end)
    while open_ends:
        parts.append(html.escape(text[cursor:open_ends[-1]]) + "</mark>")
        cursor = open_ends.pop()
    parts.append(html.escape(text[cursor:]))
    body = "".join(parts).replace("\n", "<br>")
    heading = f"<h4>{html.escape(title)}</h4>" if title else ""
    return f'{heading}<div class="qawl-text" dir="rtl" style="{RTL_STYLE}">{body}</div>'


def legend(labels: Iterable[str]) -> str:
    items = "".join(
        f'<mark style="background:{LABEL_COLOURS.get(l, "#fef3c7")};margin:0 .3em">{html.escape(l)}</mark>'
        for l in labels
    )
    return f"<div>{items}</div>"


def before_after(raw_text: str, text: str, max_chars: int = 3000) -> str:
    """Raw page text beside the cleaned text, both RTL."""
    def column(heading: str, body: str) -> str:
        shown = html.escape(body[:max_chars]).replace("\n", "<br>")
        return (f'<div style="flex:1;padding:.5em;border:1px solid #ddd"><h4>{heading}</h4>'
                f'<div class="qawl-text" dir="rtl" style="{RTL_STYLE}">{shown}</div></div>')

    raw_visible = raw_text.replace("\u00a0", "\u2423")  # show no-break spaces
    return ('<div style="display:flex;gap:1em">'
            + column("before (raw; ␣ = no-break space)", raw_visible)
            + column("after (cleaned)", text) + "</div>")


def blocks_view(blocks: pd.DataFrame) -> str:
    """Each block of one document on its own line, coloured by role."""
    rows = []
    for row in blocks.sort_values("start").itertuples():
        colour = ROLE_COLOURS.get(row.role, "#fff")
        rows.append(f'<tr><td style="white-space:nowrap">{html.escape(row.role)}</td>'
                    f'<td dir="rtl" style="background:{colour};{RTL_STYLE}">{html.escape(row.text)}</td></tr>')
    return '<div class="qawl-text"><table>' + "".join(rows) + "</table></div>"


def quote_spans(quotes: pd.DataFrame) -> list[tuple[int, int, str]]:
    """Cue, content and speaker spans of a quotes frame, for ``highlight``."""
    spans = []
    for row in quotes.itertuples():
        spans.append((int(row.content_start), int(row.content_end), "content"))
        spans.append((int(row.cue_start), int(row.cue_end), "cue"))
        if int(row.speaker_start) >= 0:
            spans.append((int(row.speaker_start), int(row.speaker_end), "speaker"))
    return spans


def find_article(corpus, doc_id: str):
    """The raw article ``doc_id`` of a corpus (for the before/after view), or None."""
    from qawl.corpus import load_corpus

    return next((a for a in load_corpus(corpus) if a.doc_id == doc_id), None)


# --- exploring a run: pick an article, a speaker, an outlet, a date range ------------------

QUOTE_VIEW_COLUMNS = ["type", "speaker_canonical", "speaker_kind", "cue", "content", "confidence"]
EXPLORER_ROWS = 30  # quotes shown at once by ``quote_explorer``


def article_options(run_dir, source: str = "", start: str = "", end: str = "", limit: int = 300) -> list[tuple[str, str]]:
    """(label, doc_id) of the run's articles in an outlet and date range, most quotes first:
    the choices of ``article_explorer``."""
    from qawl.aggregates import article_choices

    table = article_choices(run_dir, source, start, end, limit)
    return [(f"{r.quotes} quotes · {r.date} · {r.source} · {r.title[:60] or r.doc_id}", r.doc_id)
            for r in table.itertuples()]


def article_view(run_dir, doc_id: str, layer: str = "quotes") -> str:
    """One article of a run with its quotes (``layer="quotes"``) or entities (``"entities"``) highlighted,
    and the table of them."""
    from qawl.aggregates import article_tables, example_documents, mention_spans

    document = example_documents(run_dir, [doc_id]).iloc[0]
    heading = " · ".join(str(v) for v in (document.get("source"), document.get("date"), document.get("section"))
                         if v) + f" · {doc_id}"
    if layer == "entities":
        spans = mention_spans(run_dir, doc_id)
        text = highlight(document.text, zip(spans.start, spans.end, spans.label), title=heading)
        return legend(["PER", "LOC", "ORG", "MISC"]) + text
    _, found = article_tables(run_dir, doc_id)
    table = found.reindex(columns=QUOTE_VIEW_COLUMNS).to_html(index=False, classes="dataframe", escape=True)
    return (legend(["speaker", "cue", "content"]) + highlight(document.text, quote_spans(found), title=heading)
            + table)


def quote_rows_view(quotes: pd.DataFrame, total: Optional[int] = None) -> str:
    """Quotes (``qawl.aggregates.quotes_where``) as an HTML table: speaker, type, outlet, date and the
    sentence with the content highlighted."""
    if quotes.empty:
        return "<p>No quote matches.</p>"
    rows = []
    for row in quotes.itertuples():
        sentence, content = str(row.sentence or row.content), str(row.content)
        at = sentence.find(content) if content else -1
        marked = highlight(sentence, [(at, at + len(content), "content")] if at >= 0 else [])
        link = (f'<a href="{html.escape(row.url)}" target="_blank" rel="noopener">{html.escape(row.title[:50] or row.doc_id)}</a>'
                if str(row.url).startswith(("http://", "https://")) else html.escape(row.title[:50] or row.doc_id))
        rows.append(f'<tr><td dir="auto"><b>{html.escape(row.speaker)}</b></td><td>{html.escape(row.type)}</td>'
                    f'<td>{html.escape(row.source)}</td><td style="white-space:nowrap">{html.escape(row.date)}</td>'
                    f'<td style="min-width:28em">{marked}</td><td dir="auto">{link}</td></tr>')
    shown = f"<p>{len(quotes)} of {total} quotes shown</p>" if total is not None and total > len(quotes) else ""
    return (shown + "<table><thead><tr><th>speaker</th><th>type</th><th>outlet</th><th>date</th>"
            "<th>quote in its sentence</th><th>article</th></tr></thead><tbody>" + "".join(rows) + "</tbody></table>")


def _widgets():
    try:
        import ipywidgets
    except ImportError:
        return None
    return ipywidgets


def _outlet_choices(run_dir) -> list[tuple[str, str]]:
    from qawl.aggregates import statistics_by_source

    table = statistics_by_source(run_dir)
    return [("every outlet", "")] + [(f"{r.source} ({r.articles})", r.source) for r in table.itertuples()]


def article_explorer(run_dir, layer: str = "quotes", doc_id: Optional[str] = None):
    """A widget to pick an article (by outlet and date range, most quoted first) and see its
    ``layer`` ("quotes" or "entities") highlighted; shows ``doc_id`` (or the most quoted article) first."""
    options = article_options(run_dir)
    first = doc_id or (options[0][1] if options else None)
    first_view = article_view(run_dir, first, layer) if first else "<p>No article.</p>"
    widgets = _widgets()
    if widgets is None:
        from IPython.display import HTML

        return HTML(first_view)
    outlet = widgets.Dropdown(options=_outlet_choices(run_dir), description="outlet")
    start = widgets.Text(placeholder="YYYY-MM-DD", description="from")
    end = widgets.Text(placeholder="YYYY-MM-DD", description="to")
    article = widgets.Dropdown(options=options, value=first, description="article",
                               layout=widgets.Layout(width="95%"))
    view = widgets.HTML(first_view)

    def refilter(_=None):
        article.options = article_options(run_dir, outlet.value, start.value.strip(), end.value.strip())

    def show(change):
        if change["new"]:
            view.value = article_view(run_dir, change["new"], layer)

    for control in (outlet, start, end):
        control.observe(refilter, names="value")
    article.observe(show, names="value")
    return widgets.VBox([widgets.HBox([outlet, start, end]), article, view])


def quote_explorer(run_dir, speaker: str = "", rows: int = EXPLORER_ROWS):
    """A widget to list quotes by speaker (part of a name), outlet, type, role, date range and words,
    each in its sentence with its article's title and link."""
    from qawl.aggregates import quotes_where

    def view_of(**filters) -> str:
        found = quotes_where(run_dir, limit=rows + 1, **filters)
        return quote_rows_view(found.head(rows), total=None) + (
            f"<p>… more than {rows}: narrow the filters.</p>" if len(found) > rows else "")

    first_view = view_of(speaker=speaker or None)
    widgets = _widgets()
    if widgets is None:
        from IPython.display import HTML

        return HTML(first_view)
    controls = {
        "speaker": widgets.Text(value=speaker, description="speaker", placeholder="part of a name"),
        "source": widgets.Dropdown(options=_outlet_choices(run_dir), description="outlet"),
        "type": widgets.Dropdown(options=[("any type", ""), "direct", "indirect", "mixed"], description="type"),
        "start": widgets.Text(placeholder="YYYY-MM-DD", description="from"),
        "end": widgets.Text(placeholder="YYYY-MM-DD", description="to"),
        "text": widgets.Text(description="words", placeholder="in the quote"),
    }
    view = widgets.HTML(first_view)

    def refresh(_=None):
        view.value = view_of(**{k: (c.value.strip() if isinstance(c.value, str) else c.value) or None
                                for k, c in controls.items()})

    for control in controls.values():
        control.observe(refresh, names="value")
    boxes = list(controls.values())
    return widgets.VBox([widgets.HBox(boxes[:3]), widgets.HBox(boxes[3:]), view])


def confidence_note(run_dir) -> str:
    """What the run's quote confidence threshold keeps, and the precision it gave on the gold split
    (``qawl.aggregates.set_min_confidence``, ``qawl.quotes.confidence.precision_at``), as Markdown."""
    from qawl.aggregates import kept_quotes, min_confidence
    from qawl.quotes.confidence import precision_at

    threshold = min_confidence(run_dir)
    kept, total = kept_quotes(run_dir)
    measured = precision_at(threshold) or {}
    test, dev = measured.get("test") or {}, measured.get("dev") or {}
    gold = ""
    if test.get("precision") is not None:
        kept_share = f" and kept {test['right_kept']:.0%} of the right quotes" if threshold > 0 else ""
        gold = (f" On the annotated test articles, {'these ' if threshold > 0 else ''}quotes were right end to end "
                f"(words and speaker) {test['precision']:.0%} of the time{kept_share} (development articles: "
                f"{dev.get('precision', 0):.0%}, tuned on, so optimistic).")
    if threshold <= 0:
        return f"**Every quote counts** ({total:,} quotes; no confidence threshold).{gold}"
    return (f"**Only quotes with confidence ≥ {threshold:g} count** in the tables, figures and report: "
            f"{kept:,} of {total:,} quotes, and the stances drawn from them.{gold}")

