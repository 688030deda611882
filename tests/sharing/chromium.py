"""A headless Chromium driven over the DevTools protocol, for the HTML reference test.

Why the DevTools protocol rather than ``chromium --dump-dom``: Redoc 3 renders one
operation per page (hash routes such as ``#/customers/listcustomers``) and hydrates
asynchronously, and ``--virtual-time-budget`` races that hydration (the DOM is sometimes
dumped before React has mounted). Over the protocol the test waits for real conditions,
visits every route in one page load, sees every network request the page makes, and
takes screenshots, without modifying the HTML under test.

The protocol runs over ``--remote-debugging-pipe``: Chromium reads NUL-terminated JSON
commands on fd 3 and writes replies and events on fd 4. Only the standard library is
needed, so the test has no dependency beyond the Debian ``chromium`` package.
"""

from __future__ import annotations

import base64
import fcntl
import json
import os
import select
import shutil
import subprocess
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

# Where Debian, Ubuntu and most other distributions put the browser; CHROMIUM overrides.
CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")

# Flags that keep the browser from doing its own background networking, so every request
# seen in the log is one the page made, and from throttling the page's timers and frames when
# it deems the page in the background (the tests wait on both).
_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--no-default-browser-check",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--disable-dev-shm-usage",
    "--hide-scrollbars",
    "--mute-audio",
    "--disable-background-timer-throttling",
    "--disable-backgrounding-occluded-windows",
    "--disable-renderer-backgrounding",
)


def find_chromium() -> str | None:
    """Return the browser to use: $CHROMIUM if set, else the first candidate on PATH.

    A $CHROMIUM that does not exist is returned anyway, so that the test fails on it
    instead of skipping: whoever set it expects the browser test to run.
    """
    override = os.environ.get("CHROMIUM")
    if override:
        return override
    for name in CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    return None


class BrowserError(RuntimeError):
    """The browser died, timed out, or answered a command with an error."""


class BrowserTimeout(BrowserError):
    """The browser sent nothing within the time allowed."""


class Browser:
    """One headless Chromium with one page, attached over the DevTools pipe."""

    def __init__(self, binary: str, profile: Path, timeout: float = 60.0) -> None:
        self.timeout = timeout
        self._profile = profile
        self.events: list[dict[str, Any]] = []
        self._next_id = 0
        self._buffer = b""
        to_browser_r, self._to_browser = os.pipe()
        self._from_browser, from_browser_w = os.pipe()
        # The browser insists on fds 3 and 4. Copy our ends above 9 first, so that the
        # shell's redirections cannot clobber one of them (os.pipe may return 3 or 4).
        child_in = fcntl.fcntl(to_browser_r, fcntl.F_DUPFD, 10)
        child_out = fcntl.fcntl(from_browser_w, fcntl.F_DUPFD, 10)
        for fd in (to_browser_r, from_browser_w):
            os.close(fd)
        argv = [binary, *_FLAGS, f"--user-data-dir={profile}", "--remote-debugging-pipe", "about:blank"]
        script = f'exec "$@" 3<&{child_in} 4>&{child_out} {child_in}<&- {child_out}>&-'
        self._process = subprocess.Popen(
            ["bash", "-c", script, "bash", *argv],
            pass_fds=(child_in, child_out),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        os.close(child_in)
        os.close(child_out)
        target = self.call("Target.createTarget", {"url": "about:blank"})
        attached = self.call("Target.attachToTarget", {"targetId": target["targetId"], "flatten": True})
        self._session = str(attached["sessionId"])
        for domain in ("Page", "Network", "Runtime", "Log"):
            self.call(f"{domain}.enable", session=True)

    def call(
        self, method: str, params: dict[str, Any] | None = None, *, session: bool = False, timeout: float | None = None
    ) -> dict[str, Any]:
        """Send one command and return its result; events read meanwhile go to .events."""
        self._next_id += 1
        message: dict[str, Any] = {"id": self._next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = self._session
        os.write(self._to_browser, json.dumps(message).encode() + b"\0")
        while True:
            reply = self._read(timeout)
            if reply.get("id") == self._next_id:
                if "error" in reply:
                    raise BrowserError(f"{method}: {reply['error']}")
                result: dict[str, Any] = reply.get("result", {})
                return result
            if "method" in reply:
                self.events.append(reply)

    def navigate(self, url: str) -> None:
        """Load a URL in the page and wait for its load event."""
        seen = len(self.events)
        self.call("Page.navigate", {"url": url}, session=True)
        self.wait_for_event("Page.loadEventFired", since=seen)

    def wait_for_event(self, method: str, since: int = 0) -> dict[str, Any]:
        """Block until the page sends the named event; events before index `since` do not count."""
        for event in self.events[since:]:
            if event.get("method") == method:
                return event
        while True:
            event = self._read()
            if "method" in event:
                self.events.append(event)
                if event["method"] == method:
                    return event

    def wait_for(
        self, matches: Callable[[dict[str, Any]], bool], timeout: float, since: int = 0
    ) -> dict[str, Any] | None:
        """The first event since index `since` that `matches` accepts, waiting up to `timeout` seconds for it.

        None if none came in time, so that the caller's own check can report what is missing.
        """
        for event in self.events[since:]:
            if matches(event):
                return event
        deadline = time.monotonic() + timeout
        while (remaining := deadline - time.monotonic()) > 0:
            try:
                event = self._read(remaining)
            except BrowserTimeout:
                return None
            if "method" in event:
                self.events.append(event)
                if matches(event):
                    return event
        return None

    def evaluate(self, expression: str, timeout: float = 300.0) -> Any:
        """Run JavaScript in the page, await a returned promise, return its JSON value."""
        result = self.call(
            "Runtime.evaluate",
            {"expression": expression, "awaitPromise": True, "returnByValue": True},
            session=True,
            timeout=timeout,
        )
        if "exceptionDetails" in result:
            raise BrowserError(f"page script failed: {json.dumps(result['exceptionDetails'])[:2000]}")
        return result["result"].get("value")

    def screenshot(self, path: Path, width: int = 1400, height: int = 1000) -> None:
        """Save a PNG of the current viewport."""
        self.call(
            "Emulation.setDeviceMetricsOverride",
            {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False},
            session=True,
        )
        shot = self.call("Page.captureScreenshot", {"format": "png"}, session=True)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(base64.b64decode(shot["data"]))

    def close(self) -> None:
        """Stop the browser (this process only), release the pipes, and wait for its helpers to end.

        The renderer, GPU and utility processes outlive the browser process briefly, and may
        still write to the profile folder: the caller removing it at once sometimes failed
        ("Directory not empty"). Each has the folder in its command line; wait (up to 30 s)
        until no running process has.
        """
        try:
            self._process.terminate()
            self._process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()
        finally:
            os.close(self._to_browser)
            os.close(self._from_browser)
        deadline = time.monotonic() + 30
        while _running_with(f"--user-data-dir={self._profile}") and time.monotonic() < deadline:
            time.sleep(0.01)

    def _read(self, timeout: float | None = None) -> dict[str, Any]:
        limit = self.timeout if timeout is None else timeout
        deadline = time.monotonic() + limit
        while b"\0" not in self._buffer:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise BrowserTimeout(f"no answer from the browser within {limit:.0f}s")
            ready, _, _ = select.select([self._from_browser], [], [], remaining)
            if not ready:
                continue
            chunk = os.read(self._from_browser, 1 << 20)
            if not chunk:
                raise BrowserError(f"the browser exited (status {self._process.poll()})")
            self._buffer += chunk
        message, self._buffer = self._buffer.split(b"\0", 1)
        decoded: dict[str, Any] = json.loads(message)
        return decoded


def _running_with(argument: str) -> bool:
    """Whether a running process has this argument in its command line (Linux; elsewhere: False)."""
    needle = b"\0" + argument.encode() + b"\0"
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            if needle in b"\0" + cmdline.read_bytes():  # a zombie's is empty
                return True
        except OSError:  # ended meanwhile
            continue
    return False
