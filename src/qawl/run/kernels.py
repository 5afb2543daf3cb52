"""The notebook kernels: their process groups, stopping them, and SIGINT/SIGTERM during a run.
"""
from __future__ import annotations

import os
import signal
import subprocess
import threading
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, Optional

# the kernel's own log lines (e.g. its TCP warning) would interleave with the progress bars
QUIET_KERNEL = ["--IPKernelApp.log_level=CRITICAL"]

KERNEL_LOG = "kernel.log"  # the kernels' own stdout and stderr, under logs/
KERNEL_GRACE = 5.0  # seconds an interrupted kernel and its workers get before SIGKILL
STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)


class RunInterrupted(KeyboardInterrupt):
    """SIGINT or SIGTERM stopped a run; its run.json says so, and how to resume it."""

    def __init__(self, signum: int, run_dir: Optional[Path] = None, note: str = ""):
        super().__init__(signal.Signals(signum).name)
        self.signum, self.run_dir, self.note = signum, run_dir, note


@contextmanager
def _stop_signals_interrupt() -> Iterator[None]:
    """SIGINT and SIGTERM stop the kernels at once and raise RunInterrupted here.

    A second signal while the run cleans up is ignored (the cleanup is bounded).
    Outside the main thread signals cannot be caught: nothing changes.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    caught: list[int] = []

    def on_signal(signum, frame):
        if caught:
            return
        caught.append(signum)
        _signal_kernels(signal.SIGTERM)
        raise RunInterrupted(signum)

    previous = {signum: signal.signal(signum, on_signal) for signum in STOP_SIGNALS}
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


# process group id -> the kernel's Popen; a kernel is started in a new session, so its
# dask workers and their helpers share its group and one killpg stops them all
_KERNELS: dict = {}


def _kernel_manager_class(log_path: Path):
    """papermill's kernel manager, with the kernel's output in ``logs/kernel.log`` (not on
    the terminal: its shutdown tracebacks there said nothing to a researcher) and its
    process group recorded, so that an interrupt can stop the kernel and its workers."""
    from jupyter_client.manager import AsyncKernelManager

    class RunKernelManager(AsyncKernelManager):
        async def _async_launch_kernel(self, kernel_cmd, **kw):
            with open(log_path, "ab") as log:
                kw.setdefault("stdout", log)
                kw.setdefault("stderr", log)
                await super()._async_launch_kernel(kernel_cmd, **kw)
            process = getattr(self.provisioner, "process", None)
            if process is not None:
                _KERNELS[process.pid] = process

    return RunKernelManager


def _signal_kernels(signum: int) -> None:
    for pgid in list(_KERNELS):
        try:
            os.killpg(pgid, signum)
        except ProcessLookupError:
            _KERNELS.pop(pgid, None)
        except PermissionError:  # the group id was reused by someone else's process
            _KERNELS.pop(pgid, None)


def _group_alive(pgid: int) -> bool:
    """Is any process of the group still running (zombies awaiting their reaper do not count)?"""
    try:
        import psutil
    except ImportError:
        try:
            os.killpg(pgid, 0)
            return True
        except OSError:
            return False
    for process in psutil.process_iter(["status"]):
        try:
            if os.getpgid(process.pid) == pgid and process.info["status"] != psutil.STATUS_ZOMBIE:
                return True
        except (OSError, psutil.Error):
            continue
    return False


def _stop_kernels(grace: float) -> None:
    """Wait up to ``grace`` seconds for the kernels' groups to exit, then SIGKILL what is left."""
    deadline = time.monotonic() + grace
    while time.monotonic() < deadline:
        for pgid, process in list(_KERNELS.items()):
            process.poll()  # reap the kernel, our child
            if not _group_alive(pgid):
                _KERNELS.pop(pgid, None)
        if not _KERNELS:
            return
        time.sleep(0.2)
    _signal_kernels(signal.SIGKILL)
    for process in _KERNELS.values():
        try:
            process.wait(timeout=2)
        except subprocess.TimeoutExpired:
            pass
    _KERNELS.clear()
