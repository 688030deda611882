"""The JSON forms of the spec (scripts/bundle.py): current, faithful, and correctly dereferenced."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import bundle
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
    """The drift check: a YAML edit without `make bundle` fails here."""
    assert bundle.main(["--check"]) == 0, capsys.readouterr().err


def test_json_form_is_the_yaml_document_in_the_same_order() -> None:
    document = bundle.load_spec(SPEC)
    text = JSON_FORM.read_text(encoding="utf-8")
    assert json.loads(text) == document
    assert list(json.loads(text)["paths"]) == list(document["paths"])
    assert text.endswith("}\n")
    assert text.startswith('{\n  "openapi": ')


def test_dereferenced_form_has_no_refs_but_recursive_ones() -> None:
    dereferenced, recursive = bundle.dereference(bundle.load_spec(SPEC))
    assert json.loads(DEREF_FORM.read_text(encoding="utf-8")) == dereferenced
    assert set(_refs(dereferenced)) <= set(recursive)
    # Still a complete document: security schemes are referenced by name, not by $ref.
    assert dereferenced["components"]["securitySchemes"]


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
    assert "run `make bundle`" in err

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


# --------------------------------------------------------------------------- loading


def test_yaml_is_read_as_yaml_1_2() -> None:
    """What js-yaml (Redocly, Spectral, openapi-typescript) reads, not PyYAML's YAML 1.1."""
    loaded = bundle.load_spec_text("a: on\nb: no\nc: 2026-11-02\nd: 012\ne: 0x1F\nf: true\ng: ~\n200: ok\n")
    assert loaded == {"a": "on", "b": "no", "c": "2026-11-02", "d": 12, "e": 31, "f": True, "g": None, "200": "ok"}


def test_duplicate_keys_are_an_error() -> None:
    with pytest.raises(bundle.SpecError, match="line 3: duplicate key 'a'"):
        bundle.load_spec_text("a: 1\nb: 2\na: 3\n")


# --------------------------------------------------------------------------- dereferencing


def _doc(schemas: dict[str, Any], **extra: Any) -> dict[str, Any]:
    return {"openapi": "3.1.0", "paths": {}, "components": {"schemas": schemas}, **extra}


def test_recursive_schema_keeps_its_ref_and_terminates() -> None:
    node = {"type": "object", "properties": {"parent": {"$ref": "#/components/schemas/Node"}}}
    out, recursive = bundle.dereference(_doc({"Node": node, "Tree": {"$ref": "#/components/schemas/Node"}}))
    tree = out["components"]["schemas"]["Tree"]
    assert tree["properties"]["parent"] == {"$ref": "#/components/schemas/Node"}
    assert recursive == ["#/components/schemas/Node"]


def test_data_is_not_dereferenced_but_fields_named_like_data_keywords_are() -> None:
    example = {"$ref": "not a reference, just data"}
    schemas = {
        "Id": {"type": "string"},
        "Thing": {
            "type": "object",
            "example": example,
            "properties": {
                "value": {"$ref": "#/components/schemas/Id"},
                "example": {"$ref": "#/components/schemas/Id"},
                "default": {"$ref": "#/components/schemas/Id"},
            },
        },
    }
    thing = bundle.dereference(_doc(schemas))[0]["components"]["schemas"]["Thing"]
    assert thing["example"] == example
    assert thing["properties"] == {name: {"type": "string"} for name in ("value", "example", "default")}


def test_ref_siblings_annotate_or_constrain() -> None:
    schemas = {
        "Id": {"type": "string", "description": "An id."},
        "Annotated": {"$ref": "#/components/schemas/Id", "description": "The owner's id."},
        "Constrained": {"$ref": "#/components/schemas/Id", "maxLength": 8},
    }
    out = bundle.dereference(_doc(schemas))[0]["components"]["schemas"]
    assert out["Annotated"] == {"type": "string", "description": "The owner's id."}
    assert out["Constrained"] == {"allOf": [{"type": "string", "description": "An id."}], "maxLength": 8}


def test_examples_by_reference_are_inlined() -> None:
    document = {
        "openapi": "3.1.0",
        "paths": {},
        "components": {
            "examples": {"One": {"summary": "one", "value": {"$ref": "data"}}},
            "responses": {
                "Ok": {
                    "description": "ok",
                    "content": {"application/json": {"examples": {"one": {"$ref": "#/components/examples/One"}}}},
                }
            },
        },
    }
    out = bundle.dereference(document)[0]
    examples = out["components"]["responses"]["Ok"]["content"]["application/json"]["examples"]
    assert examples == {"one": {"summary": "one", "value": {"$ref": "data"}}}


def test_remote_refs_are_refused() -> None:
    with pytest.raises(bundle.SpecError, match="not local"):
        bundle.dereference(_doc({"X": {"$ref": "other.yaml#/components/schemas/X"}}))
