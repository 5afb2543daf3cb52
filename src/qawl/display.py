"""HTML views for the notebooks: text with its spans highlighted.

Views are right-to-left HTML strings (wrap them in ``IPython.display.HTML``);
they never print. The corpus-level tables the notebooks show (statistics,
cue frequencies) come from ``qawl.aggregates``.
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
    return f'{heading}<div dir="rtl" style="{RTL_STYLE}">{body}</div>'


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
                f'<div dir="rtl" style="{RTL_STYLE}">{shown}</div></div>')

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
    return "<table>" + "".join(rows) + "</table>"


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
