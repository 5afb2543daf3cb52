"""Data flows one way: no stage imports a later one (corpus → clean → language layer →
entities → quotes → stance → analysis → figures and report)."""
import ast
from pathlib import Path

import pytest

from conftest import ROOT

PACKAGE = ROOT / "src" / "qawl"
RANK = {"corpus": 0, "registry": 0, "clean": 1, "arabic": 2, "entities": 3, "cues": 4, "quotes": 4,
        "stance": 5, "actors": 6, "aggregates": 6, "viz": 7, "display": 7, "report": 7,
        "browser": 7}
DRIVERS = {"engine", "run", "__main__"}  # they call the stages; no stage calls them


def stage_of(module: str):
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[0] == "qawl" else None


def module_of(path: Path) -> str:
    """The dotted name of a file of the package: src/qawl/quotes/select.py -> qawl.quotes.select."""
    parts = ("qawl", *path.relative_to(PACKAGE).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def absolute_module(node: ast.ImportFrom, module: str, is_package: bool) -> str:
    """The absolute module a ``from … import`` names, relative ones (``from .x``, ``from ..y``)
    resolved against the importing ``module``."""
    if node.level == 0:
        return node.module or ""
    base = module.split(".") if is_package else module.split(".")[:-1]
    base = base[: len(base) - (node.level - 1)]
    return ".".join(base + ([node.module] if node.module else []))


def imported_stages(path: Path, module: str | None = None) -> set[str]:
    """Every qawl module a file imports, at the top or inside a function, relative imports
    resolved to their absolute module (``module``: the file's dotted name, by default its
    place in the package; a file elsewhere has no relative imports to resolve)."""
    module = module or (module_of(path) if path.is_relative_to(PACKAGE) else "")
    is_package = path.name == "__init__.py"
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            source = absolute_module(node, module, is_package)
            # "from qawl import actors" / "from . import record": the names are modules too
            names = [source] + [f"{source}.{a.name}" for a in node.names] \
                if source == "qawl" or node.module is None else [source]
        elif isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        else:
            continue
        found.update(s for s in map(stage_of, names) if s)
    return found


def ranked_files():
    for path in sorted(PACKAGE.rglob("*.py")):
        stage = path.relative_to(PACKAGE).parts[0].removesuffix(".py")
        if stage in RANK:
            yield pytest.param(path, stage, id=str(path.relative_to(PACKAGE)))


@pytest.mark.parametrize("path, stage", list(ranked_files()))
def test_no_stage_imports_a_later_stage_or_a_driver(path, stage):
    later = {s for s in imported_stages(path) if RANK.get(s, -1) > RANK[stage] or s in DRIVERS}
    assert not later, f"{path.name} ({stage}) imports {sorted(later)}"


def test_the_check_sees_imports_inside_functions(tmp_path):
    path = tmp_path / "x.py"
    path.write_text("def f():\n    from qawl.quotes import extract_quotes\n", encoding="utf-8")
    assert imported_stages(path) == {"quotes"}


def test_the_check_resolves_relative_imports(tmp_path):
    path = tmp_path / "select.py"
    path.write_text("from .record import quote_rows\nfrom ..stance import extract_stances\n"
                    "def f():\n    from .. import viz\n", encoding="utf-8")
    assert imported_stages(path, "qawl.quotes.select") == {"quotes", "stance", "viz"}
    init = tmp_path / "__init__.py"
    init.write_text("from . import record\nfrom ..arabic import TIME_WORDS\n", encoding="utf-8")
    assert imported_stages(init, "qawl.quotes") == {"quotes", "arabic"}
    assert module_of(PACKAGE / "quotes" / "select.py") == "qawl.quotes.select"
    assert module_of(PACKAGE / "quotes" / "__init__.py") == "qawl.quotes"
