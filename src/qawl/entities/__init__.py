"""Named entities: tagging (built-in CRF, BiLSTM-CRF or camel-tools), mentions, entity groups.

Public API::

    extract_mentions(doc, backend="auto") -> list[Mention]
    extract_mentions_batch(docs, backend="auto") -> list[list[Mention]]
    group_entities(mentions) -> list[dict]
    entity_key(canonical) -> str
    tag_sentences(sentences, backend="auto") -> list[list[str]]
    tag_conll(lines, backend="crf") -> list[str]
"""
from __future__ import annotations

import logging
from collections.abc import Iterable

from qawl.entities.camel import CamelTagger, camel_ner_available, load_camel_recognizer
from qawl.entities.mentions import (
    canonicalise,
    entity_key,
    group_entities,
    proclitic_length,
    spans_to_mentions,
    sentence_tokens,
)
from qawl.entities.tagger import CrfTagger, default_tagger
from qawl.schema import Document, Mention

logger = logging.getLogger(__name__)

BACKENDS = ("auto", "crf", "lstm", "camel")
CONLL_DOCUMENT_SENTENCES = 30  # a token-per-line file has no document breaks
_fallback_logged = False

__all__ = [
    "BACKENDS",
    "CrfTagger",
    "entity_key",
    "extract_mentions",
    "extract_mentions_batch",
    "get_tagger",
    "group_entities",
    "proclitic_length",
    "tag_conll",
    "tag_sentences",
]


def get_tagger(backend: str = "auto"):
    """The tagger for ``backend``: ``crf``, ``lstm``, ``camel``, or ``auto``.

    ``auto`` takes camel-tools' BERT when its data is installed, else the
    built-in BiLSTM-CRF (better than the CRF on ANERcorp dev, test, AQMAR and
    Wojood; see the model card), else the CRF.
    """
    global _fallback_logged
    if backend not in BACKENDS:
        raise ValueError(f"backend must be one of {BACKENDS}, not {backend!r}")
    if backend in ("auto", "camel"):
        if camel_ner_available():
            recognizer = load_camel_recognizer()
            if recognizer is not None:
                return CamelTagger(recognizer)
        if backend == "camel":
            raise RuntimeError(
                "camel-tools NER data is not installed: run `camel_data -i ner-arabert`"
            )
    from qawl.entities.neural import default_lstm_tagger, lstm_model_available  # torch on demand

    if backend == "lstm" or (backend == "auto" and lstm_model_available()):
        if backend == "auto" and not _fallback_logged:
            logger.info("camel-tools NER data not installed (camel_data -i ner-arabert); "
                        "using the built-in BiLSTM-CRF tagger")
            _fallback_logged = True
        return default_lstm_tagger()
    return default_tagger()


def tag_sentences(sentences: list[list[str]], backend: str = "auto") -> list[list[str]]:
    """IOB2 tags (PER, LOC, ORG, MISC) for the tokenised sentences of one document."""
    return get_tagger(backend).tag_document(sentences)


def _word_count(tagger):
    fallback = default_tagger() if not isinstance(tagger, CrfTagger) else tagger
    return fallback.word_count


def extract_mentions(doc: Document, backend: str = "auto") -> list[Mention]:
    """Named-entity mentions of a cleaned document, with canonical names.

    Spans point into ``doc.text``, leave out attached proclitics and keep the
    article where it belongs to the name (الأمم المتحدة).
    """
    tagger = get_tagger(backend)
    sentences = sentence_tokens(doc)
    tags = tagger.tag_document([[token.text for token in tokens] for tokens in sentences])
    return _document_mentions(tagger, doc, sentences, tags)


def extract_mentions_batch(docs: list[Document], backend: str = "auto") -> list[list[Mention]]:
    """``[extract_mentions(doc, backend) for doc in docs]``, faster for many documents.

    The BiLSTM-CRF reads the sentences of all documents in a few large batches
    (``LstmTagger.tag_documents``); the document steps still run per document.
    """
    tagger = get_tagger(backend)
    sentences = [sentence_tokens(doc) for doc in docs]
    words = [[[token.text for token in tokens] for tokens in doc_sentences]
             for doc_sentences in sentences]
    tags = _tag_documents(tagger, words)
    return [_document_mentions(tagger, doc, doc_sentences, doc_tags)
            for doc, doc_sentences, doc_tags in zip(docs, sentences, tags)]


def _tag_documents(tagger, documents: list[list[list[str]]]) -> list[list[list[str]]]:
    """Tags of many documents: in shared batches where the tagger can, else one by one."""
    if hasattr(tagger, "tag_documents"):
        return tagger.tag_documents(documents)
    return [tagger.tag_document(sentences) for sentences in documents]  # any other tagger


def _document_mentions(tagger, doc: Document, sentences, tags) -> list[Mention]:
    """Mentions of one document from its per-sentence tags: spans, then canonical names."""
    # the lstm backend shares the CRF's training gazetteer (see LstmTagger.extractor)
    known = tagger.extractor.train_gazetteer if hasattr(tagger, "extractor") else None
    mentions = spans_to_mentions(doc, sentences, tags, _word_count(tagger), known)
    return canonicalise(mentions, doc.text)


def tag_conll(lines: Iterable[str], backend: str = "crf") -> list[str]:
    """Tag a token-per-line file: each line comes back with its IOB2 tag appended (tab).

    The first column is the token; blank lines separate sentences and stay blank.
    """
    lines = [line.rstrip("\r\n") for line in lines]
    sentences: list[list[int]] = [[]]
    for index, line in enumerate(lines):
        if line.strip():
            sentences[-1].append(index)
        elif sentences[-1]:
            sentences.append([])
    sentences = [s for s in sentences if s]
    chunks = [sentences[first:first + CONLL_DOCUMENT_SENTENCES]
              for first in range(0, len(sentences), CONLL_DOCUMENT_SENTENCES)]
    tokens = [[[lines[i].split()[0] for i in sentence] for sentence in chunk] for chunk in chunks]
    out = list(lines)
    for chunk, chunk_tags in zip(chunks, _tag_documents(get_tagger(backend), tokens)):
        for sentence, tags in zip(chunk, chunk_tags):
            for index, tag in zip(sentence, tags):
                out[index] = f"{lines[index]}\t{tag}"
    return out
