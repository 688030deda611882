"""The breaking-change gate (scripts/breaking.py): one fixture pair per rule, plus the CLI.

Each folder under ``fixtures/`` holds a small spec (``base.yaml``) and its next version
(``head.yaml``), differing in one way. Its name says what the gate must conclude:

- ``<rule>`` or ``<rule>--<variant>``: exactly that breaking rule, and a major bump;
- ``compatible--<rule>``: that compatible rule, nothing breaking, and a minor bump;
- ``doc-only``: no finding at all, and a patch bump.

Every base carries a recursive schema (``Customer.parent``), so every case also proves
that recursion terminates.
"""

from __future__ import annotations

import copy
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import breaking
import fastn_spec
import pytest

ROOT = Path(__file__).resolve().parents[2]

FIXTURES = Path(__file__).with_name("fixtures")
SCRIPT = ROOT / "scripts" / "breaking.py"
CASES = sorted(path.name for path in FIXTURES.iterdir() if path.is_dir())
BREAKING_CASES = [name for name in CASES if not name.startswith("compatible--") and name != "doc-only"]
COMPATIBLE_CASES = [name for name in CASES if name.startswith("compatible--")]


def _pair(name: str) -> tuple[dict[str, Any], dict[str, Any]]:
    return fastn_spec.load(FIXTURES / name / "base.yaml"), fastn_spec.load(FIXTURES / name / "head.yaml")


def _run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(SCRIPT), *args], cwd=cwd, capture_output=True, text=True, check=False, timeout=120
    )


# --------------------------------------------------------------------------- fixtures


@pytest.mark.parametrize("name", BREAKING_CASES)
def test_breaking_fixture_reports_its_rule(name: str) -> None:
    rule = name.split("--")[0]
    report = breaking.compare(*_pair(name))
    assert report.rules() == {rule}, [finding.line() for finding in report.findings]
    assert report.required_bump == "major"
    for finding in report.breaking:
        assert finding.location and finding.message


@pytest.mark.parametrize("name", COMPATIBLE_CASES)
def test_compatible_fixture_passes(name: str) -> None:
    report = breaking.compare(*_pair(name))
    assert report.breaking == [], [finding.line() for finding in report.breaking]
    assert name.removeprefix("compatible--") in report.rules(breaking.COMPATIBLE)
    assert report.required_bump == "minor"


def test_doc_only_change_needs_a_patch() -> None:
    report = breaking.compare(*_pair("doc-only"))
    assert report.findings == []
    assert report.required_bump == "patch"


def test_every_breaking_rule_has_a_fixture() -> None:
    covered = {name.split("--")[0] for name in BREAKING_CASES}
    rules = {rule for rule, (severity, _) in breaking.RULES.items() if severity == breaking.BREAKING}
    assert covered == rules


def test_the_brief_s_additive_changes_are_covered() -> None:
    """New optional field, new operation, new response field, widened enum, relaxed constraint."""
    for rule in (
        "optional-request-field-added",
        "operation-added",
        "response-field-added",
        "request-enum-widened",
        "request-constraint-relaxed",
    ):
        assert f"compatible--{rule}" in COMPATIBLE_CASES


def test_fixtures_are_valid_openapi() -> None:
    from openapi_spec_validator import validate

    for name in CASES:
        for document in _pair(name):
            validate(document)


# --------------------------------------------------------------------------- semantics


def test_identical_documents_need_nothing() -> None:
    spec = fastn_spec.load(ROOT / "openapi" / "fastn.yaml")
    report = breaking.compare(spec, copy.deepcopy(spec))
    assert report.findings == []
    assert report.required_bump == "none"
    assert report.warnings == []


def test_real_spec_operation_removal_is_caught() -> None:
    spec = fastn_spec.load(ROOT / "openapi" / "fastn.yaml")
    head = copy.deepcopy(spec)
    path = next(iter(head["paths"]))
    method = next(m for m in fastn_spec.HTTP_METHODS if m in head["paths"][path])
    del head["paths"][path][method]
    report = breaking.compare(spec, head)
    assert [finding.location for finding in report.breaking] == [f"{method.upper()} {path}"]


def test_shared_component_is_reported_once_with_its_users() -> None:
    report = breaking.compare(*_pair("response-field-removed"))
    [finding] = report.breaking
    assert finding.location == "#/components/schemas/Customer/properties/status"
    assert finding.used_by == ["GET /api/v1/customers", "POST /api/v1/customers"]
    assert "[used by GET /api/v1/customers, POST /api/v1/customers]" in finding.line()


def _mutual_recursion(extra: dict[str, Any]) -> dict[str, Any]:
    node_b: dict[str, Any] = {"type": "object", "properties": {"a": {"$ref": "#/components/schemas/A"}, **extra}}
    return {
        "openapi": "3.1.0",
        "info": {"title": "t", "version": "1.0.0"},
        "paths": {
            "/a": {
                "get": {
                    "operationId": "getA",
                    "responses": {
                        "200": {
                            "description": "ok",
                            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/A"}}},
                        }
                    },
                }
            }
        },
        "components": {
            "schemas": {
                "A": {"type": "object", "properties": {"b": {"$ref": "#/components/schemas/B"}}},
                "B": node_b,
            }
        },
    }


def test_mutual_recursion_terminates_and_still_compares() -> None:
    base = _mutual_recursion({"name": {"type": "string"}})
    head = _mutual_recursion({})
    report = breaking.compare(base, head)
    assert [finding.location for finding in report.breaking] == ["#/components/schemas/B/properties/name"]


def test_a_property_named_like_a_doc_keyword_is_not_documentation() -> None:
    """Adding a field called "description" is a contract change (minor), not a doc edit."""
    base, _ = _pair("doc-only")
    head = copy.deepcopy(base)
    head["components"]["schemas"]["CustomerCreate"]["properties"]["description"] = {"type": "string"}
    report = breaking.compare(base, head)
    assert report.rules(breaking.COMPATIBLE) == {"optional-request-field-added"}
    assert report.required_bump == "minor"


def test_read_only_fields_are_not_request_fields() -> None:
    """A new required readOnly field is server-set: clients do not send it."""
    base, _ = _pair("doc-only")
    head = copy.deepcopy(base)
    create = head["components"]["schemas"]["CustomerCreate"]
    create["properties"]["id"] = {"type": "string", "readOnly": True}
    create["required"].append("id")
    assert breaking.compare(base, head).breaking == []


# --------------------------------------------------------------------------- versions


@pytest.mark.parametrize(
    ("base", "head", "needed", "warns"),
    [
        ("0.1.0", "1.0.0", "major", False),
        ("0.1.0", "0.2.0", "major", True),
        ("0.1.0", "0.2.0", "minor", False),
        ("0.1.0", "0.1.1", "minor", True),
        ("0.1.0", "0.1.1", "patch", False),
        ("0.1.0", "0.1.0", "patch", True),
        ("1.4.2", "2.0.0", "patch", False),
        ("0.2.0", "0.1.9", "patch", True),
        ("0.1.0", "next", "patch", True),
    ],
)
def test_version_warnings(base: str, head: str, needed: str, warns: bool) -> None:
    assert bool(breaking.version_warnings(base, head, needed)) is warns


def test_warning_names_the_minimum_version() -> None:
    [warning] = breaking.version_warnings("0.1.0", "0.1.1", "major")
    assert "needs a major bump (at least 1.0.0)" in warning


def test_unbumped_breaking_change_warns() -> None:
    base, head = _pair("response-field-removed")
    head["info"]["version"] = base["info"]["version"]
    assert breaking.compare(base, head).warnings


# --------------------------------------------------------------------------- command line


def test_cli_fails_on_breaking_and_lists_each_finding() -> None:
    folder = FIXTURES / "request-enum-narrowed"
    result = _run("--base-file", str(folder / "base.yaml"), "--head", str(folder / "head.yaml"))
    assert result.returncode == 1
    lines = [line for line in result.stdout.splitlines() if line.startswith("BREAKING")]
    assert len(lines) == 1
    assert "request-enum-narrowed" in lines[0]
    assert "#/components/schemas/CustomerCreate/properties/plan/enum" in lines[0]
    assert "version bump needed: major" in result.stdout


def test_cli_passes_compatible_change_and_names_the_bump() -> None:
    folder = FIXTURES / "compatible--operation-added"
    result = _run("--base-file", str(folder / "base.yaml"), "--head", str(folder / "head.yaml"))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "version bump needed: minor" in result.stdout
    assert "warning" not in result.stderr


def test_cli_strict_version_fails_an_unbumped_change(tmp_path: Path) -> None:
    folder = FIXTURES / "compatible--operation-added"
    head = tmp_path / "head.yaml"
    head.write_text((folder / "head.yaml").read_text().replace("version: 1.1.0", "version: 1.0.0"))
    plain = _run("--base-file", str(folder / "base.yaml"), "--head", str(head))
    strict = _run("--base-file", str(folder / "base.yaml"), "--head", str(head), "--strict-version")
    assert plain.returncode == 0
    assert "warning: info.version 1.0.0 -> 1.0.0 is unchanged" in plain.stderr
    assert strict.returncode == 1


def test_cli_lists_rules() -> None:
    result = _run("--list-rules")
    assert result.returncode == 0
    assert len(result.stdout.splitlines()) == len(breaking.RULES)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A throwaway git repository whose one commit holds the base as openapi/fastn.yaml."""
    git = shutil.which("git")
    if git is None:
        pytest.skip("git is not installed")
    (tmp_path / "openapi").mkdir()
    spec = tmp_path / "openapi" / "fastn.yaml"
    spec.write_text((FIXTURES / "response-header-removed" / "base.yaml").read_text())
    for args in (
        ["init", "--quiet", "--initial-branch=main"],
        ["add", "openapi/fastn.yaml"],
        ["-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "--quiet", "-m", "base"],
    ):
        subprocess.run([git, *args], cwd=tmp_path, check=True, capture_output=True)
    spec.write_text((FIXTURES / "response-header-removed" / "head.yaml").read_text())
    return tmp_path


def test_cli_compares_with_a_git_ref(repo: Path) -> None:
    result = _run("--base", "HEAD", "--head", str(repo / "openapi" / "fastn.yaml"), cwd=repo)
    assert result.returncode == 1, result.stderr
    assert result.stdout.startswith("breaking: HEAD:openapi/fastn.yaml (1.0.0) -> openapi/fastn.yaml (2.0.0)")
    assert "response-header-removed" in result.stdout


def test_cli_rejects_an_unknown_ref(repo: Path) -> None:
    result = _run("--base", "no-such-ref", "--head", str(repo / "openapi" / "fastn.yaml"), cwd=repo)
    assert result.returncode == 2
    assert "unknown git ref 'no-such-ref'" in result.stderr


def test_cli_accepts_a_ref_without_the_file(repo: Path) -> None:
    moved = repo / "openapi" / "next.yaml"
    shutil.copy(repo / "openapi" / "fastn.yaml", moved)
    result = _run("--base", "HEAD", "--head", str(moved), cwd=repo)
    assert result.returncode == 0
    assert "nothing to compare against" in result.stdout


# --------------------------------------------------------------------------- release gate (make test)


def _gate(repo: Path, changelog: str) -> subprocess.CompletedProcess[str]:
    (repo / "CHANGELOG.md").write_text(changelog)
    return _run("--base", "HEAD", "--head", str(repo / "openapi" / "fastn.yaml"), "--gate", cwd=repo)


def test_gate_passes_a_breaking_change_with_its_major_bump_and_changelog_section(repo: Path) -> None:
    result = _gate(repo, "# Changelog\n\n## [Unreleased]\n\n## [2.0.0] - 2026-12-07\n\n### Removed\n")
    assert result.returncode == 0, result.stderr
    assert "response-header-removed" in result.stdout


def test_gate_fails_a_change_without_its_changelog_section(repo: Path) -> None:
    result = _gate(repo, "# Changelog\n\n## [Unreleased]\n\n## [1.0.0] - 2026-01-01\n")
    assert result.returncode == 1
    assert "release gate: CHANGELOG.md has no section for 2.0.0" in result.stderr


def test_gate_fails_a_breaking_change_without_the_major_bump(repo: Path) -> None:
    spec = repo / "openapi" / "fastn.yaml"
    spec.write_text(spec.read_text().replace("version: 2.0.0", "version: 1.1.0"))
    result = _gate(repo, "## [1.1.0] - 2026-12-07\n")
    assert result.returncode == 1
    assert "release gate: info.version 1.0.0 -> 1.1.0 is a minor bump, but this change needs a major bump" in (
        result.stderr
    )


def test_gate_passes_an_unchanged_spec_without_a_changelog(repo: Path) -> None:
    subprocess.run(["git", "checkout", "--quiet", "--", "openapi/fastn.yaml"], cwd=repo, check=True)
    result = _run("--base", "HEAD", "--head", str(repo / "openapi" / "fastn.yaml"), "--gate", cwd=repo)
    assert result.returncode == 0, result.stderr
    assert "version bump needed: none" in result.stdout


def test_gate_without_the_base_ref_says_so_and_passes(repo: Path) -> None:
    result = _run("--base", "origin/main", "--head", str(repo / "openapi" / "fastn.yaml"), "--gate", cwd=repo)
    assert result.returncode == 0
    assert "no git ref 'origin/main' here, so no release gate" in result.stdout


def test_changelog_heading_must_name_the_exact_version(tmp_path: Path) -> None:
    changelog = tmp_path / "CHANGELOG.md"
    changelog.write_text("## [1.2.10] - 2026-12-07\n")
    assert breaking.changelog_has("1.2.10", changelog)
    assert not breaking.changelog_has("1.2.1", changelog)
    assert not breaking.changelog_has("1.2.1", tmp_path / "missing.md")
