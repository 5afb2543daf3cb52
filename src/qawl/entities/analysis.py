"""Corpus-level views of entities: table rows, top entities, co-occurrence."""
from __future__ import annotations

from collections import Counter
from itertools import combinations

import pandas as pd

from qawl.schema import Document, Mention

SCORED_LABELS = ("PER", "LOC", "ORG")
MAX_ENTITIES_PER_DOC = 40  # bounds the pairs per article in co-occurrence


def mention_rows(doc: Document, mentions: list[Mention], key) -> list[dict]:
    """Rows of ``tables/mentions``; ``key`` maps a canonical name to its corpus key."""
    return [{"doc_id": doc.doc_id, "start": m.start, "end": m.end, "text": m.text,
             "label": m.label, "canonical": m.canonical or m.text,
             "entity_key": key(m.canonical or m.text)} for m in mentions]


def entity_rows(doc: Document, mentions: list[Mention], key) -> list[dict]:
    """Rows of ``tables/entities``: one per (label, canonical) in the document."""
    counts: Counter = Counter()
    first: dict = {}
    for mention in mentions:
        ident = (mention.label, mention.canonical or mention.text)
        counts[ident] += 1
        first.setdefault(ident, mention.start)
    return [{"doc_id": doc.doc_id, "canonical": canonical, "label": label,
             "entity_key": key(canonical), "mentions": count, "first_start": first[(label, canonical)]}
            for (label, canonical), count in sorted(counts.items(), key=lambda kv: first[kv[0]])]


def top_entities(entities: pd.DataFrame, n: int = 15) -> pd.DataFrame:
    """Per label, the ``n`` entities named in the most articles (mentions break ties)."""
    columns = ["label", "entity", "articles", "mentions"]
    if entities.empty:
        return pd.DataFrame(columns=columns)
    grouped = (entities.groupby(["label", "entity_key"])
               .agg(entity=("canonical", lambda s: s.value_counts().index[0]),
                    articles=("doc_id", "nunique"), mentions=("mentions", "sum"))
               .reset_index())
    ranked = grouped.sort_values(["label", "articles", "mentions"], ascending=[True, False, False])
    return ranked.groupby("label").head(n)[columns].reset_index(drop=True)


def entity_cooccurrence(entities: pd.DataFrame, n: int = 20, labels=SCORED_LABELS) -> pd.DataFrame:
    """The ``n`` entity pairs named together in the most articles."""
    columns = ["entity_a", "entity_b", "articles"]
    if entities.empty:
        return pd.DataFrame(columns=columns)
    kept = entities[entities["label"].isin(labels)]
    names = (kept.groupby("entity_key")["canonical"].agg(lambda s: s.value_counts().index[0]))
    pairs: Counter = Counter()
    for _, group in kept.groupby("doc_id"):
        keys = group.sort_values("mentions", ascending=False)["entity_key"].drop_duplicates()
        pairs.update(combinations(sorted(keys.head(MAX_ENTITIES_PER_DOC)), 2))
    rows = [{"entity_a": names[a], "entity_b": names[b], "articles": count}
            for (a, b), count in pairs.most_common(n)]
    return pd.DataFrame(rows, columns=columns)


def describe_backend(backend: str = "auto") -> str:
    """One line saying which tagger ``backend`` resolves to here, and why."""
    from qawl.entities.camel import camel_ner_available

    if backend in ("crf", "lstm"):
        return f"NER backend: built-in {backend.upper()} (asked for explicitly)"
    if camel_ner_available():
        return "NER backend: camel-tools BERT (its data is installed)"
    return ("NER backend: built-in BiLSTM-CRF (camel-tools NER data not installed; "
            "`camel_data -i ner-arabert` would enable it)")


def model_info() -> dict:
    """Versions of the entity models, for ``run.json``."""
    import hashlib

    from qawl.entities.camel import camel_ner_available
    from qawl.entities.tagger import default_model_dir

    models = {}
    for path in sorted(default_model_dir().glob("ner_*")):
        if path.is_file():
            digest = hashlib.sha256(path.read_bytes()).hexdigest()[:16]
            models[path.name] = {"bytes": path.stat().st_size, "sha256_16": digest}
    return {"ner_files": models, "camel_ner_installed": camel_ner_available()}
