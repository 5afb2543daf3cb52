"""Optional camel-tools NER backend (``camel_data -i ner-arabert``).

Whether the model is installed is decided from the camel-tools data folder
alone: importing ``camel_tools.ner`` without its data costs seconds (torch,
transformers) and then raises ``DownloaderError``.
"""
from __future__ import annotations

import json
import logging
import os
from functools import lru_cache
from pathlib import Path
from typing import Protocol

from qawl.entities.conll import map_tag

logger = logging.getLogger(__name__)

NER_COMPONENT = "NamedEntityRecognition"
DEFAULT_NER_PATH = "ner/arabert"  # the catalogue's default dataset path


class SentenceRecognizer(Protocol):
    """What qawl needs of ``camel_tools.ner.NERecognizer``."""

    def predict_sentence(self, sentence: list[str]) -> list[str]: ...


def camel_data_dir() -> Path:
    """The camel-tools data folder: ``$CAMELTOOLS_DATA`` or ``~/.camel_tools``."""
    configured = os.environ.get("CAMELTOOLS_DATA")
    if configured:
        return Path(configured).expanduser().absolute()
    if os.name == "nt":
        return Path.home() / "AppData/Roaming/camel_tools"
    return Path.home() / ".camel_tools"


def camel_ner_model_dir(data_dir: Path | None = None) -> Path:
    """Where camel-tools keeps the default NER model (per its catalogue when present)."""
    data_dir = data_dir or camel_data_dir()
    relative = DEFAULT_NER_PATH
    catalogue = data_dir / "catalogue.json"
    try:
        component = json.loads(catalogue.read_text(encoding="utf-8"))["components"][NER_COMPONENT]
        relative = component["datasets"][component["default"]]["path"]
    except (OSError, ValueError, KeyError, TypeError):
        pass  # no or odd catalogue: use the known default path
    return data_dir / "data" / relative


def camel_ner_available(data_dir: Path | None = None) -> bool:
    """True when the camel-tools NER model files are installed (no heavy import)."""
    model_dir = camel_ner_model_dir(data_dir)
    return (model_dir / "config.json").is_file()


@lru_cache(maxsize=1)
def load_camel_recognizer() -> SentenceRecognizer | None:
    """``NERecognizer.pretrained()``, or None (logged) when it cannot be loaded."""
    try:
        from qawl.entities.neural import use_one_thread  # torch, like camel-tools' BERT

        use_one_thread()  # parallelism comes from processes, not from torch threads
        from camel_tools.ner import NERecognizer

        return NERecognizer.pretrained(use_gpu=False)
    except Exception as error:  # DownloaderError, missing torch, bad files …
        logger.warning("camel-tools NER could not be loaded (%s); using the built-in CRF tagger", error)
        return None


class CamelTagger:
    """Adapter: a camel-tools recogniser behind the CRF tagger's interface."""

    def __init__(self, recognizer: SentenceRecognizer):
        self.recognizer = recognizer

    def tag(self, tokens: list[str]) -> list[str]:
        if not tokens:
            return []
        labels = self.recognizer.predict_sentence(tokens)
        if len(labels) != len(tokens):
            raise ValueError(f"recogniser gave {len(labels)} labels for {len(tokens)} tokens")
        return [map_tag(label) for label in labels]

    def tag_document(self, sentences: list[list[str]]) -> list[list[str]]:
        return [self.tag(tokens) for tokens in sentences]

    def tag_documents(self, documents: list[list[list[str]]]) -> list[list[list[str]]]:
        """``tag_document`` of each document (the recogniser reads one sentence at a time)."""
        return [self.tag_document(sentences) for sentences in documents]
