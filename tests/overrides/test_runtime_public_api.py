"""The runtime's public surface, and its promise to import nothing generated."""

from __future__ import annotations

import ast
from pathlib import Path

import fastn_client.lib as lib

EXPECTED = {
    "APIConnectionError",
    "APIResponseValidationError",
    "APIStatusError",
    "APITimeoutError",
    "AsyncFastnTransport",
    "AuthenticationError",
    "BadRequestError",
    "ClientOptions",
    "ConflictError",
    "ErrorDetail",
    "FastnError",
    "FastnTransport",
    "InternalServerError",
    "Jitter",
    "NotFoundError",
    "PacingEvent",
    "PermissionDeniedError",
    "RateLimitError",
    "RateLimitPacer",
    "RequestInfo",
    "RetryEvent",
    "SHARED_PACER",
    "UnprocessableEntityError",
    "raise_for_status",
}

# The runtime must be testable without the generated package.
ALLOWED_TOP_LEVEL = {"attrs", "httpx", "httpx_retries"}


def test_exported_names() -> None:
    assert set(lib.__all__) == EXPECTED
    for name in EXPECTED:
        assert getattr(lib, name) is not None


def _imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            found.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add(node.module.split(".")[0])
    return found


def test_runtime_imports_only_stdlib_httpx_httpx_retries_attrs() -> None:
    import sys

    sources = sorted(Path(lib.__file__).parent.glob("*.py"))
    assert len(sources) >= 8
    for source in sources:
        for name in _imports(source):
            assert name in ALLOWED_TOP_LEVEL or name in sys.stdlib_module_names, f"{source.name} imports {name}"


def test_runtime_under_test_is_the_overrides_source() -> None:
    """A stale generated copy must not be what these tests pass against.

    Run alone, the conftest imports the runtime from ``overrides/``. In a
    whole-suite run another test may import the generated package first,
    whose copy of the runtime is then used; it must match the source
    file for file (else: run ``make generate``).
    """
    source = Path(__file__).resolve().parents[2] / "overrides" / "fastn_client" / "lib"
    tested = Path(lib.__file__).resolve().parent
    if tested != source:
        names = sorted(p.name for p in source.glob("*.py"))
        assert names == sorted(p.name for p in tested.glob("*.py"))
        for name in names:
            assert (tested / name).read_bytes() == (source / name).read_bytes(), f"{name} is stale"
