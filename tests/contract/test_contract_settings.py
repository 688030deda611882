"""What a contract run asks for and refuses, checked before it sends anything (no server needed).

Writes change a workspace's data, so `scripts/contract.sh` with ``ALLOW_WRITES=1`` refuses a host
that is not loopback until ``CONFIRM_WRITES`` names that host, and so does the link walk's own
command line (``--confirm-writes``). The refusal comes before the first request: these tests point
at hosts nobody answers for and see that the script never tried them. They also hold the script's
header and the README to naming every variable the script reads.
"""

from __future__ import annotations

import os
import re
import subprocess
from functools import cache
from pathlib import Path
from typing import Any

import fastn_spec
import pytest
from fastn_contract.walk import load_config, main, refuse_writes, unique_variant
from jsonschema import Draft202012Validator, FormatChecker

REPO = Path(__file__).resolve().parents[2]
SCRIPT = REPO / "scripts" / "contract.sh"
# What a user's shell may hold that would change what the script does.
INPUTS = ("BASE_URL", "FASTN_API_KEY", "FASTN_SPACE_ID", "ALLOW_WRITES", "CONFIRM_WRITES", "MOCK_PORT")


def contract_sh(**variables: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in INPUTS}
    env.update(variables)
    return subprocess.run(
        ["bash", str(SCRIPT)], cwd=REPO, env=env, capture_output=True, text=True, check=False, timeout=60
    )


def test_writes_to_a_host_that_is_not_loopback_are_refused_before_any_request() -> None:
    run = contract_sh(
        BASE_URL="https://api.example.invalid", ALLOW_WRITES="1", FASTN_API_KEY="fsk_test_x", FASTN_SPACE_ID="space"
    )
    assert run.returncode == 2, run.stdout + run.stderr
    assert "api.example.invalid is not a loopback host" in run.stderr, run.stderr
    assert "create,\n    change and delete data" in run.stderr, "says why"
    assert "set CONFIRM_WRITES=api.example.invalid as well" in run.stderr, "says what to set"
    assert "leave ALLOW_WRITES unset" in run.stderr, "says how to run without writes"
    assert "checking that" not in run.stdout, "refused before the first request"


def test_a_confirmed_host_takes_writes() -> None:
    # Past the refusal, the run stops at the first missing credential, still before any request.
    run = contract_sh(BASE_URL="https://api.example.invalid", ALLOW_WRITES="1", CONFIRM_WRITES="api.example.invalid")
    assert "refusing" not in run.stderr, run.stderr
    assert "set FASTN_API_KEY to a key of the server" in run.stderr, run.stderr
    assert "checking that" not in run.stdout


def test_a_run_against_a_server_asks_for_the_workspace_too() -> None:
    run = contract_sh(BASE_URL="https://api.example.invalid", FASTN_API_KEY="fsk_test_x")
    assert run.returncode != 0
    assert "set FASTN_SPACE_ID to the workspace (space) id of that key" in run.stderr, run.stderr
    assert "checking that" not in run.stdout


@pytest.mark.parametrize(
    ("url", "confirmed", "refused"),
    [
        ("https://api.example.invalid", "", True),
        ("https://api.example.invalid", "example.invalid", True),  # another host confirms nothing
        ("https://api.example.invalid", "api.example.invalid", False),
        ("http://10.0.0.5:4010", "", True),
        ("http://[2001:db8::1]:4010", "", True),
        ("http://[2001:db8::1]:4010", "2001:db8::1", False),
        ("http://0.0.0.0:4010", "", True),
        ("http://127.0.0.1:4010", "", False),
        ("http://127.8.9.10:4010", "", False),
        ("http://[::1]:4010", "", False),
        ("http://localhost:4010", "", False),
        ("http://LOCALHOST:4010", "", False),
        ("http://localhost.example:4010", "", True),
    ],
)
def test_which_hosts_take_writes(url: str, confirmed: str, refused: bool) -> None:
    refusal = refuse_writes(url, confirmed, confirm="CONFIRM_WRITES={host}", read_only="leave it")
    assert (refusal is not None) is refused, refusal


def test_the_walk_refuses_writes_to_a_host_that_is_not_loopback() -> None:
    lines: list[str] = []
    assert main(["--url", "https://api.example.invalid"], out=lines.append) == 2
    assert "set --confirm-writes api.example.invalid as well" in lines[0]
    assert "use --read-only" in lines[0]


def _read_variables(script: str) -> set[str]:
    """The variables the script reads with a default or as required: `${NAME:-…}`, `${NAME:?…}`."""
    return set(re.findall(r"\$\{([A-Z][A-Z_]*):[-?]", script))


def test_the_script_header_and_the_readme_name_every_variable_the_run_reads() -> None:
    script = SCRIPT.read_text(encoding="utf-8")
    header = "".join(line for line in script.splitlines(keepends=True)[1:] if line.startswith("#"))
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Contract runs") :]
    section = section[: section.index("\n## ")]
    variables = _read_variables(script)
    assert {"BASE_URL", "FASTN_API_KEY", "FASTN_SPACE_ID", "ALLOW_WRITES", "CONFIRM_WRITES"} <= variables
    assert not [name for name in variables if name not in header], "scripts/contract.sh's header"
    assert not [name for name in variables if name not in section], "README.md, Contract runs"
    line = next(line for line in readme.splitlines() if "`make contract`" in line and line.startswith("|"))
    assert all(name in line for name in ("BASE_URL", "FASTN_API_KEY", "FASTN_SPACE_ID", "ALLOW_WRITES")), line


@pytest.mark.parametrize(
    ("variables", "sent"),
    [
        ({}, {"Realm": "fastn"}),  # no test-mode header unless asked: it must never go with a live key
        ({"FASTN_TEST_MODE": "true"}, {"Realm": "fastn", "TestMode": "true"}),
        ({"FASTN_TEST_MODE": "", "FASTN_REALM": ""}, {}),
    ],
)
def test_the_walk_sends_test_mode_and_realm_only_when_set(
    variables: dict[str, str], sent: dict[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("FASTN_TEST_MODE", "FASTN_REALM"):
        monkeypatch.delenv(name, raising=False)
    for name, value in variables.items():
        monkeypatch.setenv(name, value)
    config = tmp_path / "schemathesis.toml"
    config.write_text("", encoding="utf-8")
    schemes = load_config(config).projects.default.auth.openapi.schemes
    found = {name: getattr(schemes[name], "api_key", None) for name in ("TestMode", "Realm") if name in schemes}
    assert found == sent


def test_the_script_sends_test_mode_for_a_test_key_only() -> None:
    script = SCRIPT.read_text(encoding="utf-8")
    assert 'if [[ -z "${FASTN_TEST_MODE+set}" && "$FASTN_API_KEY" == fsk_test_* ]]; then' in script
    for key, expected in (("fsk_test_abc", "true"), ("fsk_live_abc", ""), ("6b0e3f0a-8a51-4d4e-9d67-3c2b1a0f9e8d", "")):
        line = script[script.index('if [[ -z "${FASTN_TEST_MODE+set}"') : script.index("export FASTN_REALM")]
        env = {"PATH": os.environ["PATH"], "FASTN_API_KEY": key}
        shown = subprocess.run(
            ["bash", "-c", line + 'printf %s "${FASTN_TEST_MODE-}"'],
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        assert shown.stdout == expected, key


@cache
def _document() -> dict[str, Any]:
    return fastn_spec.dereference(fastn_spec.load(REPO / "openapi" / "fastn.yaml")).document


def _body_field(operation_id: str, name: str) -> tuple[dict[str, Any], str]:
    """A request body field's schema and its value in the operation's example."""
    document = _document()
    operation = next(op for op in fastn_spec.operations(document) if op.id == operation_id)
    media = operation.body["requestBody"]["content"]["application/json"]
    return media["schema"]["properties"][name], next(iter(media["examples"].values()))["value"][name]


@pytest.mark.parametrize(
    ("operation_id", "name"),
    [("createCustomer", "slug"), ("createRole", "key"), ("createSecret", "name"), ("inviteUser", "email")],
)
def test_the_walk_makes_unique_fields_unique_in_a_form_the_schema_accepts(operation_id: str, name: str) -> None:
    schema, example = _body_field(operation_id, name)
    variant = unique_variant(example, schema, "0a1b2c3d")
    assert variant is not None and variant != example
    assert Draft202012Validator(schema, format_checker=FormatChecker()).is_valid(variant), variant
    long = unique_variant("a" * schema.get("maxLength", 300), schema, "0a1b2c3d")
    assert long is None or len(long) <= schema.get("maxLength", len(long))
