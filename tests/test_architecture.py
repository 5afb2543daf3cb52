"""Data flows one way: no stage imports a later one (corpus → clean → language layer →
entities → quotes → stance → analysis → figures and report)."""
import ast
from pathlib import Path

import pytest

from conftest import ROOT

PACKAGE = ROOT / "src" / "qawl"
RANK = {"corpus": 0, "clean": 1, "arabic": 2, "entities": 3, "cues": 4, "quotes": 4,
        "stance": 5, "actors": 6, "aggregates": 6, "viz": 7, "display": 7, "report": 7,
        "browser": 7}
DRIVERS = {"engine", "run", "__main__"}  # they call the stages; no stage calls them


def stage_of(module: str):
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[0] == "qawl" else None


def imported_stages(path: Path) -> set[str]:
    """Every qawl module a file imports, at the top or inside a function."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module] + [f"{node.module}.{a.name}" for a in node.names] \
                if node.module == "qawl" else [node.module]
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
