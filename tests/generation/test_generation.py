"""The generated package: complete, reproducible, recorded, typed, installable, golden."""

from __future__ import annotations

import hashlib
import importlib
import json
import re
import shutil
import subprocess
import sys
import venv
from importlib import metadata
from pathlib import Path
from typing import Any

import fastn_spec
import pytest
from generate import GenerationError, report_drift, stale_inputs, strip_to_golden, sync_runtime

ROOT = Path(__file__).resolve().parents[2]
GENERATE = [sys.executable, str(ROOT / "scripts" / "generate.py")]
SPEC = fastn_spec.load(ROOT / "openapi" / "fastn.yaml")
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
    return [(op.body["tags"][0], op.id) for op in fastn_spec.operations(SPEC)]


@pytest.mark.parametrize(("tag", "operation_id"), spec_operations(), ids=[op for _, op in spec_operations()])
def test_every_operation_has_an_endpoint_module_with_four_functions(tag: str, operation_id: str) -> None:
    module = importlib.import_module(f"fastn_client.api.{module_name(tag)}.{snake(operation_id)}")
    missing = [name for name in FUNCTIONS if not callable(getattr(module, name, None))]
    assert not missing, f"{module.__name__} lacks {missing}"


def test_provenance_records_the_inputs_and_the_tools() -> None:
    record: dict[str, Any] = json.loads((ROOT / "generated" / "PROVENANCE.json").read_text(encoding="utf-8"))

    spec_hash = hashlib.sha256((ROOT / "openapi" / "fastn.yaml").read_bytes()).hexdigest()
    assert record["inputs"]["spec"] == {"path": "openapi/fastn.yaml", "sha256": spec_hash}
    assert record["generator"]["openapi-python-client"] == metadata.version("openapi-python-client") == "0.29.1"
    assert record["operations"] == len(spec_operations()) == 47
    assert "lib/errors.py" in record["merged_overrides"]


# The drift check of the committed tree itself is `make check-generated` (run by `make test`);
# the cheap check that the inputs did not change since is run before every session
# (tests/conftest.py). What is tested here is the checks' own behaviour.


def _tree(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    return root


def test_drift_check_lists_stale_files_and_the_fix(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    fresh = _tree(tmp_path / "fresh", {"pkg/client.py": "new\n", "pkg/api/list.py": "x\n", "pkg/same.py": "="})
    stale = _tree(tmp_path / "stale", {"pkg/client.py": "# edited by hand\n", "pkg/same.py": "=", "pkg/stray.py": ""})
    assert report_drift(fresh, stale, "make generate") == 1
    err = capsys.readouterr().err
    assert "3 file(s) differ" in err
    assert "changed  pkg/client.py" in err
    assert "missing  pkg/api/list.py" in err
    assert "extra    pkg/stray.py" in err
    assert "same.py" not in err
    assert "Fix: run `make generate`" in err
    assert report_drift(fresh, fresh, "make generate") == 0


def test_inputs_check_names_each_changed_input_without_running_the_generator(tmp_path: Path) -> None:
    out = tmp_path / "generated"
    shutil.copytree(ROOT / "generated", out, ignore=shutil.ignore_patterns("__pycache__"))
    spec = tmp_path / "fastn.yaml"
    spec.write_text((ROOT / "openapi" / "fastn.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    assert stale_inputs(out, spec) == []

    spec.write_text(spec.read_text(encoding="utf-8") + "\nx-edited: true\n", encoding="utf-8")
    (out / "fastn_client" / "lib" / "errors.py").write_text("# stale copy\n", encoding="utf-8")
    (out / "fastn_client" / "lib" / "pacing.py").unlink()
    assert stale_inputs(out, spec) == [
        "openapi/fastn.yaml changed since the last generation",
        "fastn_client/lib/errors.py differs from overrides/fastn_client/lib/errors.py",
        "fastn_client/lib/pacing.py differs from overrides/fastn_client/lib/pacing.py",
    ]
    (out / "PROVENANCE.json").unlink()
    assert stale_inputs(out, spec) == ["PROVENANCE.json is missing"]


def test_an_edit_of_the_runtime_needs_no_generator_run(tmp_path: Path) -> None:
    """sync_runtime (each test session, `make lint`) refreshes the copies; a doc edit stales nothing."""
    out = tmp_path / "generated"
    shutil.copytree(ROOT / "generated", out, ignore=shutil.ignore_patterns("__pycache__"))
    spec = ROOT / "openapi" / "fastn.yaml"
    provenance = (out / "PROVENANCE.json").read_text(encoding="utf-8")
    (out / "fastn_client" / "lib" / "errors.py").write_text("# an older copy\n", encoding="utf-8")
    (out / "fastn_client" / "lib" / "pacing.py").unlink()
    assert sync_runtime(out) == ["fastn_client/lib/errors.py", "fastn_client/lib/pacing.py"]
    assert stale_inputs(out, spec) == [] and sync_runtime(out) == []
    assert (out / "PROVENANCE.json").read_text(encoding="utf-8") == provenance, "same files merged: record unchanged"
    # A copy whose source is gone is dropped, and the record says so.
    record = json.loads(provenance)
    (out / "fastn_client" / "lib" / "retired.py").write_text("", encoding="utf-8")
    (out / "PROVENANCE.json").write_text(
        json.dumps({**record, "merged_overrides": [*record["merged_overrides"], "lib/retired.py"]}), encoding="utf-8"
    )
    assert stale_inputs(out, spec) == ["fastn_client/lib/retired.py has no source in overrides/ any more"]
    assert sync_runtime(out) == ["fastn_client/lib/retired.py"]
    assert not (out / "fastn_client" / "lib" / "retired.py").exists() and stale_inputs(out, spec) == []
    assert (
        json.loads((out / "PROVENANCE.json").read_text(encoding="utf-8"))["merged_overrides"]
        == record["merged_overrides"]
    )


def test_a_runtime_file_may_not_replace_a_generated_one(tmp_path: Path) -> None:
    out = tmp_path / "generated"
    shutil.copytree(ROOT / "generated", out, ignore=shutil.ignore_patterns("__pycache__"))
    record = json.loads((out / "PROVENANCE.json").read_text(encoding="utf-8"))
    shadowed = record["merged_overrides"][0]
    # As if `lib/__init__.py` had been written by the generator: a copy may not replace it.
    (out / "PROVENANCE.json").write_text(
        json.dumps({**record, "merged_overrides": record["merged_overrides"][1:]}), encoding="utf-8"
    )
    (out / "fastn_client" / shadowed).write_text("# generated\n", encoding="utf-8")
    with pytest.raises(GenerationError, match=f"would replace the generated file fastn_client/{shadowed}"):
        sync_runtime(out)


@pytest.mark.slow
def test_two_runs_are_byte_identical(tmp_path: Path) -> None:
    """A second run, compared file by file (`--check`) with the first, finds nothing to change."""
    first = tmp_path / "first"
    generate_ok("--out", str(first))
    second = generate("--out", str(first), "--check")
    assert second.returncode == 0, second.stderr


@pytest.mark.slow
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


@pytest.fixture(scope="module")
def tiny(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The client of the fixture spec, generated once for the tests below (as `make generate` would)."""
    out = tmp_path_factory.mktemp("tiny") / "fastn-client"
    generate_ok("--spec", "tests/generation/fixtures/tiny.yaml", "--out", str(out))
    return out


@pytest.mark.slow
def test_golden_record_of_the_fixture_spec_is_current(
    tiny: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Generator or template changes show up here as a reviewable diff (`make golden`)."""
    golden = tmp_path / "golden"
    shutil.copytree(tiny, golden)
    strip_to_golden(golden)
    drift = report_drift(golden, ROOT / "tests" / "generation" / "golden" / "fastn-client", "make golden")
    assert drift == 0, capsys.readouterr().err


@pytest.mark.slow
def test_fixture_client_type_checks_strictly(tiny: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "--cache-dir", "/dev/null", "fastn_client"],
        cwd=tiny,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout


@pytest.mark.slow
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


def test_detailed_docstrings_name_what_the_functions_really_raise() -> None:
    """Every *_detailed docstring said it raises httpx.TimeoutException; the transport raises APITimeoutError."""
    modules = sorted((ROOT / "generated" / "fastn_client" / "api").glob("*/*.py"))
    endpoints = [path for path in modules if path.name != "__init__.py"]
    assert len(endpoints) == len(spec_operations())
    for path in endpoints:
        text = path.read_text(encoding="utf-8")
        assert "httpx.TimeoutException" not in text, path
        assert text.count("APITimeoutError on a timeout") == 4, path  # sync, sync_detailed, asyncio, asyncio_detailed
