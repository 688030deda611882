"""The contract suite is all slow: in the fast tier (``-m "not slow"``) it is not even imported.

Importing ``test_contract_mock.py`` builds schemathesis' cases for every operation (about 5 s of
``make test-fast``'s 30 s budget) only for all of them to be deselected. A test added to this
folder that is not slow belongs in another folder (``tests/mock``, ``tests/e2e``).
"""

from __future__ import annotations

from pathlib import Path

import pytest


def pytest_ignore_collect(collection_path: Path, config: pytest.Config) -> bool | None:
    if collection_path.name.startswith("test_") and str(config.getoption("markexpr")).strip() == "not slow":
        return True
    return None
