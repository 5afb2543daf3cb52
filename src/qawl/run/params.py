"""The notebooks and their parameters, and the usage checks made before any folder is touched.
"""
from __future__ import annotations

import datetime as dt
import logging
import re
import sys
from pathlib import Path
from typing import Optional

from qawl.run.record import PROJECT_ROOT

NOTEBOOKS_DIR = PROJECT_ROOT / "notebooks"
NOTEBOOK_RE = re.compile(r"^\d\d_\w+\.ipynb$")
PARAMETER_NAMES = ("corpus", "output_dir", "limit", "seed")


class EmptyCorpus(ValueError):
    """The corpus holds no readable article (a usage error: exit code 2 in the CLI)."""


def list_notebooks(folder: Path = NOTEBOOKS_DIR) -> list[Path]:
    """The stage notebooks (``NN_name.ipynb``) in run order."""
    return sorted(p for p in Path(folder).glob("*.ipynb") if NOTEBOOK_RE.match(p.name))


def default_run_id(corpus: str) -> str:
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    name = re.sub(r"[^\w.-]+", "_", Path(str(corpus)).name) or "corpus"
    return f"{stamp}_{name}"


def coerce_parameter(value: str):
    """``-p name=value`` strings to int, float, bool, None or str."""
    lowered = value.lower()
    if lowered in ("none", "null"):
        return None
    if lowered in ("true", "false"):
        return lowered == "true"
    for kind in (int, float):
        try:
            return kind(value)
        except ValueError:
            pass
    return value


def check_corpus_has_articles(corpus) -> None:
    """Read the corpus lazily up to its first article; raise EmptyCorpus if there is none."""
    from qawl.corpus import load_corpus
    from qawl.engine import no_articles_message, quiet

    skipped: list = []
    with quiet(logging.getLogger("qawl.corpus")):  # the run reports each skipped file itself
        for _article in load_corpus(corpus, skipped=skipped):
            return
    raise EmptyCorpus(no_articles_message(corpus, skipped))


def check_lexicon(path: str) -> str:
    """The extra stance lexicon, as an absolute path, read once: a bad one is a usage error."""
    from qawl.stance import load_lexicon

    try:
        load_lexicon(path)
    except (OSError, ValueError) as error:
        reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
        raise ValueError(f"cannot read the lexicon {path}: {reason}") from None
    return str(Path(path).resolve())  # the kernels run in notebooks/, not here


def check_stance_reader(value) -> None:
    """``-p stance_reader=…`` names a reader the stance stage has: a usage error before any work."""
    from qawl.stance.model import READERS

    if value not in READERS:
        raise ValueError(f"stance_reader must be one of {', '.join(READERS)} (model: the learned reader "
                         f"added to the rules; rules: the rules alone), got {value!r}")


def check_stance_min_confidence(value) -> None:
    """``-p stance_min_confidence=…`` is a share from 0 to 1: a usage error before any work."""
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 1:
        raise ValueError(f"stance_min_confidence must be a number from 0 to 1 (0 keeps every stance), "
                         f"got {value!r}")


def declared_parameters(notebook: Path) -> set[str]:
    """The names assigned in a notebook's cell tagged ``parameters``."""
    import ast

    import nbformat

    names: set[str] = set()
    for cell in nbformat.read(notebook, as_version=4).cells:
        if cell.cell_type == "code" and "parameters" in cell.metadata.get("tags", []):
            for node in ast.walk(ast.parse(cell.source)):
                if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
                    names.add(node.id)
    return names


def _say(message: str) -> None:
    """A line on the terminal of ``qawl run`` (stderr), between the progress bars."""
    sys.stderr.write(message + "\n")
    sys.stderr.flush()


def _checked_parameters(corpus: str, limit: Optional[int], extra: dict,
                        notebooks: list[Path], fresh: bool) -> tuple[Path, dict, dict]:
    """Usage errors (ValueError, FileNotFoundError, EmptyCorpus) before any folder is touched."""
    corpus_path = Path(corpus).resolve()
    if not corpus_path.exists():
        raise FileNotFoundError(f"corpus {corpus} does not exist")
    if limit is not None and limit < 1:
        raise ValueError(f"limit must be a positive number of articles, got {limit}")
    declared = {path: declared_parameters(path) for path in notebooks}
    taken = set().union(*declared.values())
    unknown = sorted(set(extra) - taken)
    if unknown:
        raise ValueError(f"no notebook takes the parameter {', '.join(unknown)}; the notebooks "
                         f"take {', '.join(sorted(taken))}")
    if extra.get("lexicon"):
        extra = {**extra, "lexicon": check_lexicon(str(extra["lexicon"]))}
    if "stance_reader" in extra:
        check_stance_reader(extra["stance_reader"])
    if "stance_min_confidence" in extra:
        check_stance_min_confidence(extra["stance_min_confidence"])
    if fresh:  # a resumed run's corpus had articles when it started
        check_corpus_has_articles(corpus_path)
    return corpus_path, declared, extra
