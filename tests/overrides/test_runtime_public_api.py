"""The runtime's public surface, and its promise to import nothing generated."""

from __future__ import annotations

import ast
import os
import re
import subprocess
import sys
import tomllib
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
    "ClientInputError",
    "ClientOptions",
    "ConflictError",
    "ErrorDetail",
    "FastnError",
    "FastnTransport",
    "InternalServerError",
    "Jitter",
    "KeyPlacement",
    "NotFoundError",
    "PacingEvent",
    "PermissionDeniedError",
    "RateLimitError",
    "RateLimitPacer",
    "RequestInfo",
    "ResponseTooLargeError",
    "RetryEvent",
    "SHARED_PACER",
    "UnprocessableEntityError",
    "raise_for_status",
}

# The runtime must be testable without the generated package, and import only what the package
# declares: the required `project.dependencies` of its pyproject (templates/pyproject_poetry.toml.jinja)...
_PROJECT = tomllib.loads((Path(__file__).resolve().parents[2] / "generated" / "pyproject.toml").read_text())["project"]
ALLOWED_TOP_LEVEL = {
    re.split(r"[ <>=!~;\[]", requirement, maxsplit=1)[0].replace("-", "_") for requirement in _PROJECT["dependencies"]
}
# ...and redis, the optional extra, only where the shared pacing budget lives (imported only when asked for).
OPTIONAL = {"shared_pacing.py": {"redis"}}


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


def test_runtime_imports_only_stdlib_and_declared_dependencies() -> None:
    assert {"attrs", "httpcore", "httpx", "httpx_retries", "msgspec"} == ALLOWED_TOP_LEVEL
    sources = sorted(Path(lib.__file__).parent.glob("*.py"))
    assert len(sources) >= 8
    for source in sources:
        for name in _imports(source):
            allowed = ALLOWED_TOP_LEVEL | OPTIONAL.get(source.name, set())
            assert name in allowed or name in sys.stdlib_module_names, f"{source.name} imports {name}"


def test_importing_the_client_and_calling_it_does_not_import_redis() -> None:
    """Without FASTN_RATE_LIMIT_REDIS_URL nothing changes: Redis is not even imported."""
    program = (
        "import sys, httpx\n"
        "from fastn_client import AuthenticatedClient, ClientOptions\n"
        "from fastn_client.api.customers import list_customers\n"
        "transport = httpx.MockTransport(lambda r: httpx.Response(200, json={'data': [], 'nextCursor': None}))\n"
        "client = AuthenticatedClient(token='k', httpx_args={'transport': transport})\n"
        "list_customers.sync(client=client)\n"
        "assert 'redis' not in sys.modules and 'fastn_client.lib.shared_pacing' not in sys.modules\n"
    )
    env = {name: value for name, value in os.environ.items() if name != "FASTN_RATE_LIMIT_REDIS_URL"}
    subprocess.run([sys.executable, "-c", program], env=env, check=True)


def test_runtime_under_test_is_the_installed_one_and_coverage_measures_it() -> None:
    """The tests, and `--cov=fastn_client.lib`, see the copy users install: generated/.

    Its source, overrides/fastn_client/lib, is never imported (tests/conftest.py stops the session
    when the copy is stale). Under coverage, the lines run here must be recorded against the
    installed files, so that "100 %" is a statement about what users run.
    """
    import fastn_client
    from coverage import Coverage

    root = Path(__file__).resolve().parents[2]
    tested = Path(lib.__file__).resolve().parent
    assert tested == root / "generated" / "fastn_client" / "lib"
    assert tested.parent == Path(fastn_client.__file__).resolve().parent
    files = [Path(file) for module in list(sys.modules.values()) if (file := getattr(module, "__file__", None))]
    assert not [file for file in files if root / "overrides" in file.resolve().parents], "overrides/ was imported"
    coverage = Coverage.current()
    if coverage is not None:  # run with --cov, as `make test` does
        measured = {Path(name).resolve() for name in coverage.get_data().measured_files()}
        assert tested / "transport.py" in measured
        assert not [name for name in measured if (root / "overrides") in name.parents]
