"""Strip notebook outputs before they go into git.

Outputs are removed from every code cell except those tagged
``nbval-check-output``: their outputs are the claims nbval checks.
Usage: python tools/strip_notebooks.py notebooks/*.ipynb
       python tools/strip_notebooks.py --claims-from RUN_DIR notebooks/*.ipynb
(--claims-from copies the tagged cells' outputs from executed notebooks.)
"""
import argparse
import sys
from pathlib import Path

import nbformat

CHECK_TAG = "nbval-check-output"


def is_claim(cell) -> bool:
    return CHECK_TAG in cell.get("metadata", {}).get("tags", [])


def strip(nb, executed=None):
    claims = {}
    if executed is not None:
        claims = {c.get("id"): c.get("outputs", []) for c in executed.cells if is_claim(c)}
    code_cells = [cell for cell in nb.cells if cell.cell_type == "code"]
    for number, cell in enumerate(code_cells, start=1):
        cell.execution_count = None
        for key in ("execution", "papermill", "collapsed", "scrolled"):
            cell.metadata.pop(key, None)
        if is_claim(cell):
            # nbval refuses a reference with outputs but no execution count
            cell.execution_count = number
            outputs = claims.get(cell.get("id"), cell.get("outputs", []))
            outputs = [o for o in outputs if o.get("name") != "stderr"]  # progress bars vary
            for output in outputs:
                if "execution_count" in output:
                    output["execution_count"] = number
            cell.outputs = outputs
        else:
            cell.outputs = []
    for key in ("papermill", "widgets"):
        nb.metadata.pop(key, None)
    return nb


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("notebooks", nargs="+", type=Path)
    parser.add_argument("--claims-from", type=Path, help="run folder holding executed notebooks")
    args = parser.parse_args(argv)
    for path in args.notebooks:
        nb = nbformat.read(path, as_version=4)
        executed = None
        if args.claims_from:
            executed_path = args.claims_from / path.name
            if not executed_path.exists():
                print(f"{executed_path} not found", file=sys.stderr)
                return 1
            executed = nbformat.read(executed_path, as_version=4)
        before = nbformat.writes(nb)
        after = nbformat.writes(strip(nb, executed))
        if after != before:
            path.write_text(after, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
