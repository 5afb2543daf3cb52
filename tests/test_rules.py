"""Every rule of every registry is exercised: a rule that nothing exercises fails the suite.

``tests/rule_examples.json`` holds one small real Arabic example per rule id of
``qawl.quotes.RULES``, ``qawl.stance.RULES`` and ``qawl.actors.RULES``. For each id the
example is run with every rule on and with that rule alone switched off; the output
must change (a quote's presence, span, speaker or rule ids; a stance's presence,
speaker, target or polarity; an alias row's key or role). A rule without an example,
or whose switch changes nothing on its example (because the code does not consult it,
or the example does not reach it), fails here: nothing is skipped.

Quote and stance examples run through the real stages: cleaning, the CRF entity
tagger (``extract_mentions(doc, backend="crf")``), ``extract_quotes`` and
``extract_stances``. An example may give ``names`` (stand-in mentions, as the other
tests' ``_mentions_for``) where the CRF misses a name, and a stance example may give its
``quotes`` (as ``tests/test_stance.py`` does) where the rule reads a quote the quote stage
does not make that way. Actor examples are rows of occurrences, as ``build_aliases``
reads them from a run.
"""
from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from qawl import actors, quotes, stance
from qawl.clean import clean_article
from conftest import stand_in_mentions
from qawl.schema import Article, Mention, Quote, make_span

EXAMPLES_FILE = Path(__file__).resolve().parent / "rule_examples.json"
REGISTRIES = {"quotes": quotes.RULES, "stance": stance.RULES, "actors": actors.RULES}
OCCURRENCE_DEFAULTS = {"surface": "", "kind": "", "source": "quote", "before": "", "after": "", "n": 1}


def load_examples() -> list[dict]:
    return json.loads(EXAMPLES_FILE.read_text(encoding="utf-8"))


def example_for(registry: str, rule: str):
    found = [e for e in load_examples() if e["registry"] == registry and e["id"] == rule]
    return found[0] if found else None


ALL_IDS = [(registry, rule) for registry, rules in REGISTRIES.items() for rule in rules]


# --- running an example --------------------------------------------------------------


def document(text: str):
    return clean_article(Article(doc_id="rule-example", raw_text=text, origin="test"))


def mentions_of(doc, example: dict) -> list[Mention]:
    if example.get("names"):
        return stand_in_mentions(doc, example["names"])
    from qawl.entities import extract_mentions

    return extract_mentions(doc, backend="crf")


def given_quote(doc, item: dict) -> Quote:
    """A quote whose content, cue (nearest before the content, else after) and speaker are
    the first matching strings of the cleaned text."""
    text = doc.text
    content_start = text.index(item["content"])
    cue_start = text.rfind(item["cue"], 0, content_start)
    if cue_start < 0:
        cue_start = text.index(item["cue"], content_start + len(item["content"]))
    speaker_start = text.index(item["speaker"])
    return Quote(
        type=item.get("type", "indirect"),
        cue=make_span(text, cue_start, cue_start + len(item["cue"])),
        content=make_span(text, content_start, content_start + len(item["content"])),
        speaker=make_span(text, speaker_start, speaker_start + len(item["speaker"])),
        speaker_canonical=item.get("canonical", item["speaker"]),
        speaker_kind=item.get("kind", "person"),
    )


def quote_output(example: dict) -> tuple[frozenset, set]:
    """(what the example's quotes are, the rule ids they record)."""
    doc = document(example["text"])
    found = quotes.extract_quotes(doc, mentions_of(doc, example))
    seen = frozenset((q.type, q.cue.start, q.cue.end, q.content.start, q.content.end,
                      (q.speaker.start, q.speaker.end) if q.speaker else None,
                      q.speaker_canonical, tuple(q.rules)) for q in found)
    return seen, {rule for q in found for rule in q.rules}


def stance_output(example: dict) -> tuple[frozenset, set]:
    """(what the example's stances are, the rule ids they record)."""
    doc = document(example["text"])
    mentions = mentions_of(doc, example)
    if example.get("quotes"):
        found_quotes = [given_quote(doc, item) for item in example["quotes"]]
    else:
        found_quotes = quotes.extract_quotes(doc, mentions)
    # the rules alone (the packaged reader would add its own stances over a rule switched off),
    # except the example of M-STANCE-MODEL, which brings its own model
    model = example.get("model")
    found = stance.extract_stances(doc, found_quotes, mentions, model=model, reader="model" if model else "rules",
                                   min_confidence=0)
    seen = frozenset((s.speaker, s.target, s.polarity) for s in found)
    return seen, {rule for s in found for rule in s.rules}


def occurrence_frame(rows: list[list]) -> pd.DataFrame:
    """Rows of [form, surface, kind, source, before, after, n, doc_id]; missing fields take their
    defaults (each row its own article unless doc_id names one)."""
    fields = ["form", *OCCURRENCE_DEFAULTS, "doc_id"]
    filled = []
    for i, row in enumerate(rows):
        record = {**OCCURRENCE_DEFAULTS, "doc_id": f"d{i}", **dict(zip(fields, row))}
        filled.append(record)
    return pd.DataFrame(filled)


def actor_output(example: dict, disabled=()) -> tuple[frozenset, set]:
    """(each form's key, role, affiliation and rules, the rule ids the alias rows record)."""
    table = actors.build_aliases(occurrence_frame(example["occurrences"]), disabled=disabled)
    if example.get("edits"):
        edits = pd.DataFrame(example["edits"]).reindex(columns=actors.EDIT_COLUMNS, fill_value="")
        table = actors.apply_edits(table, edits, disabled=disabled)
    seen = frozenset(zip(table["form"], table["key"], table["role"], table["affiliation"], table["rule"]))
    return seen, {rule for value in table["rule"] for rule in str(value).split("+")}


def outputs(registry: str, rule: str, example: dict):
    """The example's output with every rule on, then with ``rule`` alone off."""
    if registry == "actors":
        return actor_output(example), actor_output(example, disabled={rule})
    run = quote_output if registry == "quotes" else stance_output
    switch = quotes.disabled_rules if registry == "quotes" else stance.disabled_rules
    on = run(example)
    with switch(rule):
        off = run(example)
    return on, off


# --- the tests -----------------------------------------------------------------------


def test_every_registry_id_has_an_example():
    have = {(e["registry"], e["id"]) for e in load_examples()}
    assert sorted(set(ALL_IDS) - have) == []


def test_every_example_names_a_real_rule_and_says_what_changes():
    for example in load_examples():
        assert example["id"] in REGISTRIES[example["registry"]], example["id"]
        assert example.get("change"), example["id"]
        assert example.get("text") or example.get("occurrences"), example["id"]


def test_the_registries_share_no_id():
    ids = [rule for _, rule in ALL_IDS]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("registry, rule", ALL_IDS, ids=[f"{r}:{i}" for r, i in ALL_IDS])
def test_disabling_the_rule_changes_its_example(registry, rule):
    example = example_for(registry, rule)
    assert example is not None, f"no example for {registry} rule {rule} in {EXAMPLES_FILE.name}"
    (on, fired), (off, _) = outputs(registry, rule, example)
    if example.get("records", True):
        assert rule in fired, f"{rule} is not recorded on its example: {sorted(fired)}"
    assert on != off, f"switching {rule} off changes nothing on its example ({example['change']})"
    if registry == "quotes":
        assert rule not in quotes.DISABLED_RULES
    elif registry == "stance":
        assert rule not in stance.DISABLED_RULES
