"""A small headless-Chromium driver over the DevTools protocol on a pipe (no Python dependencies).

Chromium started with ``--remote-debugging-pipe`` reads commands on its file
descriptor 3 and writes replies and events on 4, as JSON messages ended by a
NUL byte. This is all the browser test needs: open a page, run JavaScript,
record every request the page makes, and take screenshots.

Used by ``tests/test_browser.py``; run it as a script to measure a run folder:
``python tests/browser_driver.py outputs/RUN`` prints the report's height and
the quote browser's filter time.
"""
from __future__ import annotations

import base64
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Optional

CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


def find_chromium() -> Optional[str]:
    """The path of a Chromium (or Chrome) executable, or None."""
    explicit = os.environ.get("QAWL_CHROMIUM")
    if explicit:
        return explicit if Path(explicit).exists() else None
    return next((path for name in CHROMIUM_NAMES if (path := shutil.which(name))), None)


class Chromium:
    """One headless browser with one page, driven over the DevTools pipe."""

    def __init__(self, executable: str, width: int = 1280, height: int = 900, timeout: float = 60.0):
        self.timeout = timeout
        self.profile = tempfile.mkdtemp(prefix="qawl-chromium-")
        commands_read, self._commands = os.pipe()
        self._replies, replies_write = os.pipe()

        def wire_fds():  # in the child: its fd 3 reads our commands, its fd 4 writes its replies
            os.dup2(commands_read, 3)
            os.dup2(replies_write, 4)

        self.process = subprocess.Popen(
            [executable, "--headless=new", "--remote-debugging-pipe", "--no-sandbox", "--disable-gpu",
             "--no-first-run", "--no-default-browser-check", "--disable-extensions",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             f"--user-data-dir={self.profile}", f"--window-size={width},{height}", "about:blank"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            preexec_fn=wire_fds, pass_fds=(3, 4))
        os.close(commands_read)
        os.close(replies_write)
        self._buffer = b""
        self._next_id = 0
        self.events: list[dict] = []
        target = self.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        self.session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        for domain in ("Page", "Network", "Runtime"):
            self.send(f"{domain}.enable", session=True)
        self.send("Emulation.setDeviceMetricsOverride",
                  {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False}, session=True)

    # --- protocol ---

    def _read_message(self, deadline: float) -> dict:
        while b"\0" not in self._buffer:
            if time.time() > deadline:
                raise TimeoutError("no reply from Chromium")
            chunk = os.read(self._replies, 1 << 20)
            if not chunk:
                raise RuntimeError("Chromium closed its DevTools pipe")
            self._buffer += chunk
        message, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(message)

    def send(self, method: str, params: Optional[dict] = None, session: bool = False) -> dict:
        self._next_id += 1
        message = {"id": self._next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = self.session
        os.write(self._commands, json.dumps(message).encode() + b"\0")
        deadline = time.time() + self.timeout
        while True:
            reply = self._read_message(deadline)
            if reply.get("id") == self._next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            self.events.append(reply)

    def wait_for(self, method: str, since: int = 0) -> dict:
        deadline = time.time() + self.timeout
        while True:
            for event in self.events[since:]:
                if event.get("method") == method:
                    return event
            since = len(self.events)
            self.events.append(self._read_message(deadline))

    # --- page ---

    def open(self, path_or_url: str) -> None:
        """Load a file (or URL) and wait for its load event."""
        if "://" in path_or_url or path_or_url.startswith("about:"):
            url = path_or_url
        else:  # a file path, maybe with a #fragment for the page
            path, hash_mark, fragment = path_or_url.partition("#")
            url = Path(path).resolve().as_uri() + hash_mark + fragment
        since = len(self.events)
        self.send("Page.navigate", {"url": url}, session=True)
        self.wait_for("Page.loadEventFired", since)

    def evaluate(self, expression: str):
        result = self.send("Runtime.evaluate", {"expression": expression, "returnByValue": True,
                                                "awaitPromise": True}, session=True)
        if "exceptionDetails" in result:
            raise RuntimeError(f"{expression[:80]}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def requested_urls(self) -> list[str]:
        """Every URL the page asked for so far (documents, scripts, styles, images, fetches)."""
        return [e["params"]["request"]["url"] for e in self.events
                if e.get("method") == "Network.requestWillBeSent"]

    def screenshot(self, path: Path, full_page: bool = False, max_height: int = 6000) -> Path:
        params = {"format": "png"}
        if full_page:
            width = self.evaluate("document.documentElement.scrollWidth")
            height = min(max_height, self.evaluate("document.documentElement.scrollHeight"))
            params.update(captureBeyondViewport=True, clip={"x": 0, "y": 0, "width": width, "height": height, "scale": 1})
        data = self.send("Page.captureScreenshot", params, session=True)["data"]
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(base64.b64decode(data))
        return path

    def close(self) -> None:
        try:
            self.send("Browser.close")
        except (RuntimeError, TimeoutError, OSError):
            pass
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        for fd in (self._commands, self._replies):
            try:
                os.close(fd)
            except OSError:
                pass
        shutil.rmtree(self.profile, ignore_errors=True)

    def __enter__(self) -> "Chromium":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def measure(run_dir: Path) -> dict:
    """The report's height before any table is expanded, and the quote browser's filter times."""
    executable = find_chromium()
    if not executable:
        raise SystemExit("no chromium found (apt-get install -y chromium)")
    with Chromium(executable) as browser:
        browser.open(str(run_dir / "report.html"))
        height = browser.evaluate("document.body.scrollHeight")
        browser.open(str(run_dir / "quotes.html"))
        total = browser.evaluate("qawlBrowser.total")
        times = {
            "text": browser.evaluate("qawlBrowser.filter({text: 'قال'}).ms"),
            "speaker": browser.evaluate("qawlBrowser.filter({text: '', speaker: 'ال'}).ms"),
            "none": browser.evaluate("qawlBrowser.filter({speaker: ''}).ms"),
        }
    return {"report_height_px": height, "quotes": total, "filter_ms": times}


if __name__ == "__main__":
    print(json.dumps(measure(Path(sys.argv[1])), ensure_ascii=False, indent=1))
