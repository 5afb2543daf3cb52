"""Notebook outputs stay out of git; nbval's claims live in tests/notebook_claims.json.

  python tools/strip_notebooks.py strip notebooks/*.ipynb         # remove every output
  python tools/strip_notebooks.py save RUN_DIR notebooks/*.ipynb   # record the claims of a run
  python tools/strip_notebooks.py apply [--output-dir DIR] notebooks/*.ipynb   # write NN.nbval.ipynb copies

The ``.ipynb`` files are the source: edit them in JupyterLab and run ``strip``
before committing. ``strip`` removes only outputs, execution counts and what
Jupyter records about an execution; sources, tags and cell ids are kept as they are.

A claim is the output of a cell tagged ``nbval-check-output``. ``apply`` puts
the recorded claims into git-ignored ``*.nbval.ipynb`` copies beside the
notebooks (same folder, so relative paths still work), which nbval checks. The
copies write into their own run folder: ``output_dir`` in their parameters cell
points at DIR (default ``outputs/nbval-<timestamp>``), which ``apply`` creates
and which must not exist yet, so a check never reads or deletes an earlier run.
"""
import ast
import datetime as dt
import json
import sys
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[1]
CHECK_TAG = "nbval-check-output"
CLAIMS = ROOT / "tests" / "notebook_claims.json"
# what Jupyter records about an execution or a view, not what the researcher wrote
EXECUTION_CELL_METADATA = ("execution", "papermill", "collapsed", "scrolled", "trusted")
EXECUTION_NOTEBOOK_METADATA = ("papermill", "widgets")


def claim_cells(nb):
    return [c for c in nb.cells if c.cell_type == "code" and CHECK_TAG in c.metadata.get("tags", [])]


def strip(nb):
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
        for key in EXECUTION_CELL_METADATA:
            cell.metadata.pop(key, None)
    for key in EXECUTION_NOTEBOOK_METADATA:
        nb.metadata.pop(key, None)
    language = nb.metadata.get("language_info")
    if language:  # the interpreter's version and lexers would make every save a diff
        nb.metadata["language_info"] = {"name": language.get("name", "python")}
    return nb


def strip_file(path: Path) -> bool:
    """Strip one notebook in place; True when the file changed."""
    text = nbformat.writes(strip(nbformat.read(path, as_version=4))) + "\n"
    if path.read_text(encoding="utf-8") == text:
        return False
    path.write_text(text, encoding="utf-8")
    return True


def claim_outputs(cell):
    """A claim's outputs without what varies run to run (progress bars on stderr)."""
    outputs = [o for o in cell.get("outputs", []) if o.get("name") != "stderr"]
    for output in outputs:
        output.pop("execution_count", None)
    return outputs


def save(run_dir: Path, paths):
    claims = {}
    for path in paths:
        executed = nbformat.read(run_dir / path.name, as_version=4)
        claims[path.name] = [claim_outputs(c) for c in claim_cells(executed)]
    CLAIMS.write_text(json.dumps(claims, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def parameters_cell(nb):
    cells = [c for c in nb.cells if c.cell_type == "code" and "parameters" in c.metadata.get("tags", [])]
    if len(cells) != 1:
        raise ValueError(f"{len(cells)} cells tagged parameters (expected one)")
    return cells[0]


def set_parameter(source: str, name: str, value) -> str:
    """``source`` with the value assigned to ``name`` replaced, its comment kept."""
    lines = source.split("\n")
    for node in ast.parse(source).body:
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == name for t in node.targets):
            if node.value.lineno != node.value.end_lineno:
                raise ValueError(f"{name} spans several lines in the parameters cell")
            row = lines[node.value.lineno - 1]
            # ast columns count UTF-8 bytes
            encoded = row.encode("utf-8")
            start, end = node.value.col_offset, node.value.end_col_offset
            lines[node.value.lineno - 1] = (encoded[:start] + repr(value).encode("utf-8")
                                            + encoded[end:]).decode("utf-8")
            return "\n".join(lines)
    raise ValueError(f"the parameters cell assigns no {name}")


def fresh_run_folder(output_dir) -> Path:
    """The nbval run folder, created now: an existing one is refused, never emptied."""
    folder = Path(output_dir or ROOT / "outputs" / f"nbval-{dt.datetime.now():%Y%m%d-%H%M%S}").resolve()
    folder.parent.mkdir(parents=True, exist_ok=True)
    try:
        folder.mkdir()
    except FileExistsError:
        sys.exit(f"{folder} exists: nbval writes only into a folder of its own (name another one)")
    return folder


def is_copy(path: Path) -> bool:
    return path.name.endswith(".nbval.ipynb")


def apply(paths, output_dir=None) -> Path:
    paths = [path for path in paths if not is_copy(path)]  # a glob may catch the last copies
    claims = json.loads(CLAIMS.read_text(encoding="utf-8"))
    copies = []
    for path in paths:
        nb = strip(nbformat.read(path, as_version=4))
        recorded = claims.get(path.name, [])
        cells = claim_cells(nb)
        if len(recorded) != len(cells):
            sys.exit(f"{path.name}: {len(cells)} claim cells but {len(recorded)} recorded claims; run `make claims`")
        code_cells = [c for c in nb.cells if c.cell_type == "code"]
        for cell, outputs in zip(cells, recorded):
            number = code_cells.index(cell) + 1  # nbval refuses outputs without a count
            cell.execution_count = number
            cell.outputs = [nbformat.from_dict({**o, "execution_count": number})
                            if o.get("output_type") == "execute_result" else nbformat.from_dict(o)
                            for o in outputs]
        copies.append((path.with_suffix(".nbval.ipynb"), nb))
    folder = fresh_run_folder(output_dir)  # after the checks: a refused apply leaves no folder
    for target, nb in copies:
        cell = parameters_cell(nb)
        cell.source = set_parameter(cell.source, "output_dir", str(folder))
        nbformat.write(nb, target)
    print(f"nbval copies write into {folder}")
    return folder


def main(argv):
    if not argv:
        sys.exit(__doc__)
    command, rest = argv[0], argv[1:]
    if command == "strip":
        for path in map(Path, rest):
            strip_file(path)
    elif command == "save":
        save(Path(rest[0]), [Path(p) for p in rest[1:]])
    elif command == "apply":
        output_dir = None
        if rest[:1] == ["--output-dir"]:
            output_dir, rest = rest[1], rest[2:]
        apply([Path(p) for p in rest], output_dir)
    else:
        sys.exit(__doc__)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
