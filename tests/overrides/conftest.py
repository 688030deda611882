"""Fixtures for the hand-written runtime's tests, and where its code comes from.

Import resolution, in two steps:

1. ``<repo>/overrides`` is appended to the END of ``sys.path``. Before the
   generated package exists, ``fastn_client`` then resolves to the overrides
   tree as a namespace package; once it is installed, the installed
   (generated) package wins for everything else.
2. ``fastn_client.lib`` itself is always taken from ``overrides/`` by a
   one-name meta-path finder. The generated tree holds a copy made by
   ``make generate``, which is stale between an edit and the next
   generation; these tests, and ``--cov=fastn_client.lib``, must see the
   source being edited. After ``make generate`` both copies are identical,
   so the generated package behaves the same with either.
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import sys
from collections.abc import Sequence
from importlib.machinery import ModuleSpec
from pathlib import Path
from types import ModuleType

import pytest

_HERE = Path(__file__).resolve().parent
_OVERRIDES = _HERE.parents[1] / "overrides"


class _RuntimeFromOverrides(importlib.abc.MetaPathFinder):
    """Find ``fastn_client.lib`` in ``overrides/``; its submodules follow its ``__path__``."""

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> ModuleSpec | None:
        if fullname != "fastn_client.lib":
            return None
        return importlib.machinery.PathFinder.find_spec(fullname, [str(_OVERRIDES / "fastn_client")])


if str(_OVERRIDES) not in sys.path:
    sys.path.append(str(_OVERRIDES))
if not any(isinstance(finder, _RuntimeFromOverrides) for finder in sys.meta_path):
    sys.meta_path.insert(0, _RuntimeFromOverrides())
# The shared fakes module sits beside this file; pytest's default "prepend"
# import mode puts this directory on sys.path anyway, "importlib" does not.
if str(_HERE) not in sys.path:
    sys.path.append(str(_HERE))

from fastn_client.lib.options import ClientOptions  # noqa: E402
from fastn_client.lib.pacing import RateLimitPacer  # noqa: E402
from runtime_fakes import FakeClock  # noqa: E402


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def pacer() -> RateLimitPacer:
    """A pacer of the test's own, so no state leaks between tests."""
    return RateLimitPacer()


@pytest.fixture
def options(clock: FakeClock, pacer: RateLimitPacer) -> ClientOptions:
    """Default options, except time, randomness and the pacer are the test's."""
    return ClientOptions(
        clock=clock,
        sleep=clock.sleep,
        async_sleep=clock.async_sleep,
        random=lambda: 0.5,
        pacer=pacer,
    )
