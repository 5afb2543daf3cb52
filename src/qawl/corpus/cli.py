"""``python -m qawl.corpus PATH... [--limit N]``: the corpus summary as JSON.
"""
from __future__ import annotations

import argparse
import json
import logging
import sys
from typing import Optional

from qawl.corpus.load import summarize_corpus


def main(argv: Optional[list[str]] = None) -> int:
    """``python -m qawl.corpus PATH... [--limit N]``: print the corpus summary as JSON."""
    parser = argparse.ArgumentParser(prog="python -m qawl.corpus", description=main.__doc__)
    parser.add_argument("paths", nargs="+", help="corpus files or folders")
    parser.add_argument("--limit", type=int, default=None, help="read at most this many articles")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    summary = summarize_corpus(args.paths, args.limit)
    sys.stdout.write(json.dumps(summary, ensure_ascii=False, indent=2) + "\n")
    return 0
