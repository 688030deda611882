"""Fixtures of the sharing tests: the headless browser, skipped only when none is installed."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from .chromium import CANDIDATES, Browser, find_chromium


@pytest.fixture(scope="session")
def chromium_binary() -> str:
    """The browser binary; skips (with the reason) only when none is installed."""
    binary = find_chromium()
    if binary is None:
        pytest.skip(
            "no Chromium binary found (looked for $CHROMIUM, "
            + ", ".join(CANDIDATES)
            + "); run scripts/install-browser.sh"
        )
    return binary


@pytest.fixture(scope="module")
def browser(chromium_binary: str) -> Iterator[Browser]:
    """A fresh headless browser with a throwaway profile, closed after the module."""
    with tempfile.TemporaryDirectory(prefix="fastn-chromium-") as profile:
        instance = Browser(chromium_binary, Path(profile))
        try:
            yield instance
        finally:
            instance.close()
