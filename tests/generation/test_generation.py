"""The generated package: complete, reproducible, recorded, typed, installable, golden."""

from __future__ import annotations

import importlib
import json
import re
import subprocess
import sys
import venv
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
GENERATE = [sys.executable, str(ROOT / "scripts" / "generate.py")]
SPEC = yaml.safe_load((ROOT / "openapi" / "fastn.yaml").read_text(encoding="utf-8"))
FUNCTIONS = ("sync", "sync_detailed", "asyncio", "asyncio_detailed")


def generate(*args: str) -> subprocess.CompletedProcess[str]:
    """Run scripts/generate.py as `make generate` does, from the repository root."""
    return subprocess.run([*GENERATE, *args], cwd=ROOT, capture_output=True, text=True, check=False)


def generate_ok(*args: str) -> None:
    result = generate(*args)
    assert result.returncode == 0, result.stderr


def snake(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


def module_name(tag: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", tag.lower()).strip("_")


def spec_operations() -> list[tuple[str, str]]:
    return [
        (body["tags"][0], body["operationId"])
        for item in SPEC["paths"].values()
        for method, body in item.items()
        if isinstance(body, dict) and "operationId" in body
    ]


@pytest.mark.parametrize(("tag", "operation_id"), spec_operations(), ids=[op for _, op in spec_operations()])
def test_every_operation_has_an_endpoint_module_with_four_functions(tag: str, operation_id: str) -> None:
    module = importlib.import_module(f"fastn_client.api.{module_name(tag)}.{snake(operation_id)}")
    missing = [name for name in FUNCTIONS if not callable(getattr(module, name, None))]
    assert not missing, f"{module.__name__} lacks {missing}"


def test_provenance_records_the_inputs_and_the_tools() -> None:
    record: dict[str, Any] = json.loads((ROOT / "generated" / "PROVENANCE.json").read_text(encoding="utf-8"))
    import hashlib
    from importlib import metadata

    spec_hash = hashlib.sha256((ROOT / "openapi" / "fastn.yaml").read_bytes()).hexdigest()
    assert record["inputs"]["spec"] == {"path": "openapi/fastn.yaml", "sha256": spec_hash}
    assert record["generator"]["openapi-python-client"] == metadata.version("openapi-python-client") == "0.29.1"
    assert record["operations"] == len(spec_operations()) == 46
    assert "lib/errors.py" in record["merged_overrides"]


def test_generated_tree_is_current() -> None:
    """The drift check itself (`make check-generated`): also run by `make test` before pytest."""
    result = generate("--check")
    assert result.returncode == 0, result.stderr


def test_drift_check_lists_stale_files_and_the_fix(tmp_path: Path) -> None:
    stale = tmp_path / "generated"
    generate_ok("--out", str(stale))
    (stale / "fastn_client" / "client.py").write_text("# edited by hand\n", encoding="utf-8")
    (stale / "fastn_client" / "api" / "customers" / "list_customers.py").unlink()
    (stale / "fastn_client" / "stray.py").write_text("", encoding="utf-8")
    result = generate("--out", str(stale), "--check")
    assert result.returncode == 1
    assert "changed  fastn_client/client.py" in result.stderr
    assert "missing  fastn_client/api/customers/list_customers.py" in result.stderr
    assert "extra    fastn_client/stray.py" in result.stderr
    assert "Fix: run `make generate`" in result.stderr


def test_two_runs_are_byte_identical(tmp_path: Path) -> None:
    """A second run, compared file by file (`--check`) with the first, finds nothing to change."""
    first = tmp_path / "first"
    generate_ok("--out", str(first))
    second = generate("--out", str(first), "--check")
    assert second.returncode == 0, second.stderr


def test_generator_warnings_fail_the_build_naming_the_culprit(tmp_path: Path) -> None:
    spec = tmp_path / "warns.yaml"
    spec.write_text(
        """
openapi: 3.1.0
info: {title: Warns, version: 0.0.1}
paths:
  /things:
    get:
      operationId: listThings
      parameters:
        - {name: filter, in: query, schema: {$ref: '#/components/schemas/Nowhere'}}
      responses:
        '200': {description: ok}
""",
        encoding="utf-8",
    )
    result = generate("--spec", str(spec), "--out", str(tmp_path / "out"))
    assert result.returncode == 1
    assert "list_things" in result.stderr or "listThings" in result.stderr, result.stderr
    assert not (tmp_path / "out").exists(), "a failed generation writes nothing"


def test_golden_record_of_the_fixture_spec_is_current() -> None:
    """Generator or template changes show up here as a reviewable diff (`make golden`)."""
    result = generate(
        "--spec",
        "tests/generation/fixtures/tiny.yaml",
        "--out",
        "tests/generation/golden/fastn-client",
        "--golden",
        "--fix-command",
        "make golden",
        "--check",
    )
    assert result.returncode == 0, result.stderr


def test_fixture_client_type_checks_strictly(tmp_path: Path) -> None:
    out = tmp_path / "tiny"
    generate_ok("--spec", "tests/generation/fixtures/tiny.yaml", "--out", str(out))
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "fastn_client"],
        cwd=out,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout


def test_generated_distribution_installs_into_a_fresh_virtualenv(tmp_path: Path) -> None:
    """`pip install ./generated` in a new virtualenv, then a call through the installed client."""
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    python = env_dir / "bin" / "python"
    install = subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", str(ROOT / "generated")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert install.returncode == 0, install.stderr
    probe = Path(__file__).with_name("install_probe.py")
    run = subprocess.run(
        [str(python), str(probe), str(env_dir)], capture_output=True, text=True, check=False, cwd=tmp_path
    )
    assert run.stdout.strip() == "ok 404 k", run.stderr
