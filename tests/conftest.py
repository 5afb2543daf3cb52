"""Shared fixtures: the project root, the seed article, and ../shared when present."""
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_3ac1dc030114536f.txt"


def shared_dir() -> Path:
    return Path(os.environ.get("QAWL_SHARED", ROOT.parent / "shared")).resolve()


@pytest.fixture
def shared():
    """The ../shared folder, or a skip that says why."""
    path = shared_dir()
    if not (path / "corpora").is_dir():
        pytest.skip(f"shared data not found at {path} (set QAWL_SHARED to its location)")
    return path


@pytest.fixture(scope="session")
def seed_raw() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_doc(seed_raw):
    from qawl.clean import clean_article
    from qawl.schema import Article

    return clean_article(Article(doc_id=SEED.stem, raw_text=seed_raw, origin=str(SEED)))


def stand_in_mentions(doc, names) -> list:
    """A stand-in tagger: each (surface, label, canonical) of ``names`` wherever it occurs in the text."""
    from qawl.schema import Mention

    found = []
    for surface, label, canonical in names:
        start = doc.text.find(surface)
        while start >= 0:
            found.append(Mention(start, start + len(surface), surface, label, canonical))
            start = doc.text.find(surface, start + 1)
    return sorted(found, key=lambda m: m.start)

