"""Notebook outputs stay out of git; nbval's claims live in tests/notebook_claims.json.

  python tools/strip_notebooks.py strip notebooks/*.ipynb         # remove every output
  python tools/strip_notebooks.py save RUN_DIR notebooks/*.ipynb   # record the claims of a run
  python tools/strip_notebooks.py apply notebooks/*.ipynb          # write NN.nbval.ipynb copies

A claim is the output of a cell tagged ``nbval-check-output``. ``apply`` puts
the recorded claims into git-ignored ``*.nbval.ipynb`` copies beside the
notebooks (same folder, so relative paths still work), which nbval checks.
"""
import json
import sys
from pathlib import Path

import nbformat

CHECK_TAG = "nbval-check-output"
CLAIMS = Path(__file__).resolve().parents[1] / "tests" / "notebook_claims.json"


def claim_cells(nb):
    return [c for c in nb.cells if c.cell_type == "code" and CHECK_TAG in c.metadata.get("tags", [])]


def strip(nb):
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
            for key in ("execution", "papermill", "collapsed", "scrolled"):
                cell.metadata.pop(key, None)
    for key in ("papermill", "widgets"):
        nb.metadata.pop(key, None)
    return nb


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


def apply(paths):
    claims = json.loads(CLAIMS.read_text(encoding="utf-8"))
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
        nbformat.write(nb, path.with_suffix(".nbval.ipynb"))


def main(argv):
    command, rest = argv[0], argv[1:]
    if command == "strip":
        for path in map(Path, rest):
            nb = nbformat.read(path, as_version=4)
            text = nbformat.writes(strip(nb)) + "\n"
            if path.read_text(encoding="utf-8") != text:
                path.write_text(text, encoding="utf-8")
    elif command == "save":
        save(Path(rest[0]), [Path(p) for p in rest[1:]])
    elif command == "apply":
        apply([Path(p) for p in rest])
    else:
        sys.exit(__doc__)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
