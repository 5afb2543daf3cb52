"""``python -m qawl.entities FILE``: tag a token-per-line file, printing each line + its tag."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from qawl.entities import BACKENDS, tag_conll


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m qawl.entities",
        description="Append a predicted IOB2 tag (PER, LOC, ORG, MISC) to each token line "
        "of a CoNLL-style file (first column = token, blank line between sentences).",
    )
    parser.add_argument("file", type=Path, help="token-per-line file ('-' for stdin)")
    parser.add_argument("--backend", default="crf", choices=BACKENDS)
    args = parser.parse_args(argv)
    if str(args.file) == "-":
        lines = sys.stdin.read().splitlines()
    else:
        lines = args.file.read_text(encoding="utf-8").splitlines()
    for line in tag_conll(lines, backend=args.backend):
        sys.stdout.write(line + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
