"""The contract suite runs the mock in-process; make ``mock/`` importable when it is not installed.

(``make install`` puts ``mock/`` on the path with a ``.pth`` file, and ``pip install -e ./mock``
works too; this keeps ``pytest tests/contract`` working in a checkout that has neither.)
"""

from __future__ import annotations

import sys
from pathlib import Path

_MOCK = Path(__file__).resolve().parents[2] / "mock"
if str(_MOCK) not in sys.path:
    sys.path.insert(0, str(_MOCK))
