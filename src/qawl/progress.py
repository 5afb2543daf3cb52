"""Progress on the terminal while notebooks run: bars per stage, articles/s and ETA.

The engine runs inside a notebook kernel, whose output goes into the notebook,
not to the terminal. So it appends events to ``<run>/logs/progress.jsonl``,
and ``qawl run`` follows that file from its own process and draws the bars on
its stderr.
"""
from __future__ import annotations

import json
import logging
import sys
import threading
from pathlib import Path
from typing import Callable, Optional

logger = logging.getLogger(__name__)

STAGES = ("clean", "entities", "quotes", "stance")
PROGRESS_FILE = "progress.jsonl"


def progress_path(run_dir) -> Path:
    return Path(run_dir) / "logs" / PROGRESS_FILE


def stage_bars(total: int, done: int = 0, stream=None) -> dict:
    """One tqdm bar per engine stage, counting articles."""
    from tqdm import tqdm

    return {stage: tqdm(total=total, initial=done, desc=f"{stage:<8}", unit=" articles",
                        position=i, leave=True, dynamic_ncols=True, smoothing=0.1,
                        file=stream or sys.stderr, mininterval=0.5)
            for i, stage in enumerate(STAGES)}


class ProgressFollower(threading.Thread):
    """Follow a run's progress file from a thread; draw bars; call back on each event."""

    def __init__(self, run_dir, on_event: Optional[Callable[[dict], None]] = None,
                 interval: float = 0.5, stream=None):
        super().__init__(daemon=True, name="qawl-progress")
        self.path = progress_path(run_dir)
        self.offset = self.path.stat().st_size if self.path.exists() else 0
        self.on_event = on_event or (lambda event: None)
        self.interval = interval
        self.stream = stream or sys.stderr
        self.bars: dict = {}
        self.stopping = threading.Event()

    def run(self) -> None:
        while not self.stopping.wait(self.interval):
            self.read_new_events()
        self.read_new_events()

    def stop(self) -> None:
        self.stopping.set()
        self.join(timeout=5)
        for bar in self.bars.values():
            bar.close()
        self.bars = {}

    def read_new_events(self) -> None:
        if not self.path.exists():
            return
        with open(self.path, encoding="utf-8") as handle:
            handle.seek(self.offset)
            chunk = handle.read()
        complete = chunk[:chunk.rfind("\n") + 1]  # a line being written waits for next time
        self.offset += len(complete.encode("utf-8"))
        for line in complete.splitlines():
            try:
                event = json.loads(line)
            except ValueError:
                continue
            self.show(event)
            self.on_event(event)

    def show(self, event: dict) -> None:
        kind = event.get("event")
        if kind == "start":
            for bar in self.bars.values():
                bar.close()
            self.bars = stage_bars(event["articles"], event.get("done_articles", 0), self.stream)
        elif kind == "stage" and event.get("stage") in self.bars:
            self.bars[event["stage"]].update(event["articles"])
        elif kind == "done":
            for bar in self.bars.values():
                bar.close()
            self.bars = {}
