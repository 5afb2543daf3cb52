"""``python -m qawl.corpus PATH... [--limit N]``."""
from qawl.corpus.cli import main

raise SystemExit(main())
