"""The JSON forms of the spec (scripts/bundle.py): current, faithful, and correctly dereferenced."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import bundle
import fastn_spec
import pytest

ROOT = Path(__file__).resolve().parents[2]

SPEC = ROOT / "openapi" / "fastn.yaml"
JSON_FORM = ROOT / "openapi" / "fastn.json"
DEREF_FORM = ROOT / "openapi" / "fastn.deref.json"


def _refs(node: Any) -> list[str]:
    if isinstance(node, dict):
        found = [node["$ref"]] if isinstance(node.get("$ref"), str) else []
        return found + [ref for value in node.values() for ref in _refs(value)]
    if isinstance(node, list):
        return [ref for item in node for ref in _refs(item)]
    return []


# --------------------------------------------------------------------------- committed files


def test_committed_json_forms_are_current(capsys: pytest.CaptureFixture[str]) -> None:
    """The drift check: a YAML edit without `make generate` fails here."""
    assert bundle.main(["--check"]) == 0, capsys.readouterr().err


def test_json_form_is_the_yaml_document_in_the_same_order() -> None:
    document = fastn_spec.load(SPEC)
    text = JSON_FORM.read_text(encoding="utf-8")
    assert json.loads(text) == document
    assert list(json.loads(text)["paths"]) == list(document["paths"])
    assert text.endswith("}\n")
    assert text.startswith('{\n  "openapi": ')


def test_dereferenced_form_has_no_refs_but_recursive_ones() -> None:
    dereferenced = fastn_spec.dereference(fastn_spec.load(SPEC))
    assert json.loads(DEREF_FORM.read_text(encoding="utf-8")) == dereferenced.document
    assert set(_refs(dereferenced.document)) <= set(dereferenced.recursive)
    # Still a complete document: security schemes are referenced by name, not by $ref.
    assert dereferenced.document["components"]["securitySchemes"]


def test_dereferenced_operations_carry_their_error_bodies() -> None:
    dereferenced = json.loads(DEREF_FORM.read_text(encoding="utf-8"))
    response = dereferenced["paths"]["/api/v1/customers"]["get"]["responses"]["401"]
    error = response["content"]["application/json"]["schema"]
    assert {"code", "message", "error", "statusCode", "datasourceDebug"} <= set(error["properties"])
    assert error["properties"]["datasourceDebug"]["properties"]["name"]["type"] == "string"  # inlined, no $ref


# --------------------------------------------------------------------------- the check mode


def test_check_lists_stale_files_and_the_fix(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    spec = tmp_path / "fastn.yaml"
    shutil.copy(SPEC, spec)
    assert bundle.main(["--spec", str(spec), "--check"]) == 1
    err = capsys.readouterr().err
    assert "fastn.json is missing" in err
    assert "fastn.deref.json is missing" in err
    assert "run `make generate`" in err

    assert bundle.main(["--spec", str(spec)]) == 0
    assert bundle.main(["--spec", str(spec), "--check"]) == 0

    spec.write_text(spec.read_text() + "\nx-edited: true\n")  # any edit of the document
    assert bundle.main(["--spec", str(spec), "--check"]) == 1
    assert "fastn.json is stale" in capsys.readouterr().err


def test_bundle_is_deterministic(tmp_path: Path) -> None:
    spec = tmp_path / "fastn.yaml"
    shutil.copy(SPEC, spec)
    bundle.main(["--spec", str(spec)])
    first = (tmp_path / "fastn.deref.json").read_bytes()
    (tmp_path / "fastn.deref.json").unlink()
    bundle.main(["--spec", str(spec)])
    assert (tmp_path / "fastn.deref.json").read_bytes() == first
