"""`fastn_spec`, the one reader of the document: YAML 1.2, the `$ref` rule, dereferencing, walking."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import fastn_spec
import pytest
from fastn_spec.__main__ import main as cli

ROOT = Path(__file__).resolve().parents[2]


def _doc(schemas: dict[str, Any], **extra: Any) -> dict[str, Any]:
    return {"openapi": "3.1.0", "paths": {}, "components": {"schemas": schemas}, **extra}


# --------------------------------------------------------------------------- YAML


def test_yaml_is_read_as_yaml_1_2() -> None:
    """What js-yaml (Redocly, Spectral, openapi-typescript) reads, not PyYAML's YAML 1.1."""
    text = "a: on\nb: no\nc: 2026-11-02\nd: 012\ne: 0x1F\nf: true\ng: ~\n200: ok\nh: -0o17\ni: 0o17\n"
    loaded = fastn_spec.load_text(text)
    expected = {"a": "on", "b": "no", "c": "2026-11-02", "d": 12, "e": 31, "f": True, "g": None, "200": "ok"}
    assert loaded == {**expected, "h": "-0o17", "i": 15}  # a sign is for decimals only


def test_a_scalar_is_read_by_the_same_rules() -> None:
    assert fastn_spec.parse_yaml("on") == "on"
    assert fastn_spec.parse_yaml("25") == 25
    assert fastn_spec.parse_yaml("1.5e3") == 1500.0


def test_duplicate_keys_are_an_error_naming_the_line() -> None:
    with pytest.raises(fastn_spec.SpecError, match="line 3: duplicate key 'a'"):
        fastn_spec.load_text("a: 1\nb: 2\na: 3\n", "spec.yaml")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("a: [1\n", "spec.yaml: not valid YAML"),
        ("- 1\n- 2\n", "spec.yaml: the document is not a mapping"),
        ("? [1, 2]\n: x\n", "spec.yaml: line 1: mapping key [1, 2] is not a string"),
        ("true: x\n", "mapping key True is not a string"),
        ("a: !!map [1]\n", "line 1: expected a mapping"),
    ],
)
def test_unreadable_yaml_says_where(text: str, message: str) -> None:
    with pytest.raises(fastn_spec.SpecError, match=message.replace("[", r"\[").replace("]", r"\]")):
        fastn_spec.load_text(text, "spec.yaml")


def test_a_missing_file_is_a_spec_error(tmp_path: Path) -> None:
    with pytest.raises(fastn_spec.SpecError, match=r"cannot read .*absent\.yaml"):
        fastn_spec.load(tmp_path / "absent.yaml")


# --------------------------------------------------------------------------- the $ref rule


def test_annotations_beside_a_ref_override_the_targets() -> None:
    schemas = {
        "Id": {"type": "string", "description": "An id.", "x-fastn-evidence": "seed"},
        "Owner": {"$ref": "#/components/schemas/Id", "description": "The owner's id."},
        "Alias": {"$ref": "#/components/schemas/Owner", "readOnly": True},
    }
    document = _doc(schemas)
    expected = {"type": "string", "description": "The owner's id.", "x-fastn-evidence": "seed"}
    assert fastn_spec.resolve(document, schemas["Owner"]) == expected
    assert fastn_spec.dereference(document).document["components"]["schemas"]["Owner"] == expected
    # Through two references: each layer's annotations apply, the nearest winning.
    outer = {"$ref": "#/components/schemas/Alias", "description": "Who made it."}
    resolved, refs = fastn_spec.follow(document, outer)
    assert resolved == {**expected, "readOnly": True, "description": "Who made it."}
    assert refs == ("#/components/schemas/Alias", "#/components/schemas/Owner", "#/components/schemas/Id")


def test_a_constraint_beside_a_ref_is_refused_naming_the_place() -> None:
    """openapi-python-client drops siblings of a $ref: the mock and the client would disagree on it."""
    document = _doc(
        {"Id": {"type": "string"}, "Thing": {"properties": {"id": {"$ref": "#/components/schemas/Id", "maxLength": 8}}}}
    )
    where = "#/components/schemas/Thing/properties/id"
    with pytest.raises(fastn_spec.SpecError, match=f"{where}: maxLength beside \\$ref '#/components/schemas/Id'"):
        fastn_spec.dereference(document)
    with pytest.raises(fastn_spec.SpecError, match="allOf"):
        fastn_spec.resolve(document, document["components"]["schemas"]["Thing"]["properties"]["id"], where)
    [problem] = fastn_spec.problems(document)
    assert problem.startswith(f"{where}: maxLength beside $ref")


def test_annotations_beside_a_ref_to_a_boolean_schema_are_refused() -> None:
    document = _doc({"Anything": True, "Thing": {"$ref": "#/components/schemas/Anything", "description": "x"}})
    with pytest.raises(fastn_spec.SpecError, match="whose target is not an object"):
        fastn_spec.dereference(document)


def test_the_spec_keeps_the_rule() -> None:
    """Every sibling of a $ref in the spec is an annotation (so every reader, the generator too, agrees)."""
    document = fastn_spec.load(ROOT / "openapi" / "fastn.yaml")
    siblings = {key for _, node in fastn_spec.references(document) for key in node if key != "$ref"}
    assert siblings, "the spec annotates some references: this test must see them"
    assert all(key in fastn_spec.ANNOTATION_KEYS or key.startswith("x-") for key in siblings), siblings
    assert fastn_spec.problems(document) == []


# --------------------------------------------------------------------------- lookups and dereferencing


def test_lookup_unescapes_and_indexes_lists() -> None:
    document = {"paths": {"/a/{id}": {"get": {"parameters": [{"name": "x~y"}]}}}}
    ref = fastn_spec.join("#/paths", "/a/{id}", "get", "parameters", 0)
    assert ref == "#/paths/~1a~1{id}/get/parameters/0"
    assert fastn_spec.lookup(document, ref) == {"name": "x~y"}
    assert fastn_spec.lookup(document, "#") is document
    assert fastn_spec.escape("a~/b") == "a~0~1b"


@pytest.mark.parametrize(
    ("ref", "message"),
    [
        ("other.yaml#/components/schemas/X", "is not local"),
        ("#/components/schemas/Nope", "does not resolve \\(no 'Nope'\\)"),
        ("#/paths/1", "does not resolve"),
    ],
)
def test_bad_references_name_the_referring_place(ref: str, message: str) -> None:
    document = _doc({"X": {"$ref": ref}})
    with pytest.raises(fastn_spec.SpecError, match=f"#/components/schemas/X: \\$ref .*{message}"):
        fastn_spec.dereference(document)
    assert len(fastn_spec.problems(document)) == 1


def test_a_reference_that_leads_back_to_itself_is_refused_by_follow() -> None:
    document = _doc({"A": {"$ref": "#/components/schemas/B"}, "B": {"$ref": "#/components/schemas/A"}})
    with pytest.raises(fastn_spec.SpecError, match="leads back to itself"):
        fastn_spec.resolve(document, {"$ref": "#/components/schemas/A"})


def test_recursive_schema_keeps_its_ref_and_terminates() -> None:
    node = {"type": "object", "properties": {"parent": {"$ref": "#/components/schemas/Node"}}}
    out = fastn_spec.dereference(_doc({"Node": node, "Tree": {"$ref": "#/components/schemas/Node"}}))
    tree = out.document["components"]["schemas"]["Tree"]
    assert tree["properties"]["parent"] == {"$ref": "#/components/schemas/Node"}
    assert out.recursive == ("#/components/schemas/Node",)


def test_data_is_not_dereferenced_but_fields_named_like_data_keywords_are() -> None:
    example = {"$ref": "not a reference, just data"}
    schemas = {
        "Id": {"type": "string"},
        "Thing": {
            "type": "object",
            "example": example,
            "x-fastn-note": {"$ref": "vendor data"},
            "properties": {
                "value": {"$ref": "#/components/schemas/Id"},
                "example": {"$ref": "#/components/schemas/Id"},
                "default": {"$ref": "#/components/schemas/Id"},
            },
        },
    }
    document = _doc(schemas)
    thing = fastn_spec.dereference(document).document["components"]["schemas"]["Thing"]
    assert thing["example"] == example
    assert thing["x-fastn-note"] == {"$ref": "vendor data"}
    assert thing["properties"] == {name: {"type": "string"} for name in ("value", "example", "default")}
    assert [where for where, _ in fastn_spec.references(document)] == [
        "#/components/schemas/Thing/properties/value",
        "#/components/schemas/Thing/properties/example",
        "#/components/schemas/Thing/properties/default",
    ]


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
    out = fastn_spec.dereference(document).document
    examples = out["components"]["responses"]["Ok"]["content"]["application/json"]["examples"]
    assert examples == {"one": {"summary": "one", "value": {"$ref": "data"}}}


def test_dereferencing_copies_and_leaves_the_document_alone() -> None:
    document = _doc({"Id": {"type": "string"}, "A": {"$ref": "#/components/schemas/Id"}})
    before = repr(document)
    out = fastn_spec.dereference(document).document
    out["components"]["schemas"]["A"]["type"] = "integer"
    assert repr(document) == before
    assert out["components"]["schemas"]["Id"] == {"type": "string"}


# --------------------------------------------------------------------------- walking


def test_operations_in_document_order_with_their_path_items() -> None:
    document = {
        "paths": {
            "/b": {"parameters": [{"name": "p", "in": "query"}], "post": {"operationId": "makeB"}, "summary": "x"},
            "/a": {"$ref": "#/components/pathItems/A"},
        },
        "components": {"pathItems": {"A": {"get": {"operationId": "getA"}, "delete": {}}}},
    }
    found = fastn_spec.operations(document)
    assert [(op.method, op.path, op.id) for op in found] == [
        ("post", "/b", "makeB"),
        ("get", "/a", "getA"),
        ("delete", "/a", ""),
    ]
    assert found[0].item["parameters"] == [{"name": "p", "in": "query"}]
    assert found[1].where == "#/paths/~1a/get"
    assert str(found[0]) == "POST /b (makeB)" and str(found[2]) == "DELETE /a (no operationId)"
    assert fastn_spec.operations({"openapi": "3.1.0"}) == []


def test_walk_visits_every_node_with_its_pointer() -> None:
    assert list(fastn_spec.walk({"a/b": [1, {"c": None}]})) == [
        ("#", {"a/b": [1, {"c": None}]}),
        ("#/a~1b", [1, {"c": None}]),
        ("#/a~1b/0", 1),
        ("#/a~1b/1", {"c": None}),
        ("#/a~1b/1/c", None),
    ]


# --------------------------------------------------------------------------- python -m fastn_spec check


# --------------------------------------------------------------------------- generated names

_OPEN_ENUM = {"anyOf": [{"$ref": "#/components/schemas/Status"}, {"type": "string"}]}


def test_an_inline_schema_named_like_another_schema_is_a_clash_naming_both() -> None:
    """openapi-generator calls Order.status `Order_status`, class OrderStatus: the enum's class too."""
    document = _doc(
        {"OrderStatus": {"enum": ["new"]}, "Status": {"enum": ["a"]}, "Order": {"properties": {"status": _OPEN_ENUM}}}
    )
    assert fastn_spec.name_clashes(document) == [
        "#/components/schemas/Order/properties/status: openapi-generator names this inline schema 'Order_status', "
        "class OrderStatus, the class of #/components/schemas/OrderStatus too (one overwrites the other); "
        "give it a `title` no other schema has"
    ]
    titled = {**_OPEN_ENUM, "title": "OrderStatusOrUnlisted"}
    assert (
        fastn_spec.name_clashes(
            _doc(
                {
                    "OrderStatus": {"enum": ["new"]},
                    "Status": {"enum": ["a"]},
                    "Order": {"properties": {"status": titled}},
                }
            )
        )
        == []
    )


def test_inline_names_follow_the_generator_through_items_and_nested_objects() -> None:
    nested = {"properties": {"tags": {"type": "array", "items": _OPEN_ENUM}, "kind": {"enum": ["x"]}}}
    document = _doc(
        {
            "Status": {"enum": ["a"]},
            "Order": {"properties": {"line": nested}},
            "OrderLineKind": {"enum": ["y"]},
            "OrderLineTagsInner": {"type": "string"},
        }
    )
    clashes = fastn_spec.name_clashes(document)
    assert [clash.split(":")[0] for clash in clashes] == [
        "#/components/schemas/Order/properties/line/properties/tags/items",
        "#/components/schemas/Order/properties/line/properties/kind",
    ]
    assert "'Order_line_tags_inner', class OrderLineTagsInner" in clashes[0]


def test_two_inline_schemas_with_one_class_clash_too() -> None:
    document = _doc(
        {"Status": {"enum": ["a"]}, "A": {"properties": {"b_c": _OPEN_ENUM}}, "A_b": {"properties": {"c": _OPEN_ENUM}}}
    )
    (clash,) = fastn_spec.name_clashes(document)
    where = "#/components/schemas/A_b/properties/c"
    assert clash.startswith(f"{where}: openapi-generator names this inline schema 'A_b_c', class ABC, the class of ")
    assert clash.split(" too ")[0].endswith("#/components/schemas/A/properties/b_c")


@pytest.mark.parametrize(
    "schema",
    [
        {"$ref": "#/components/schemas/Status"},
        {"oneOf": [{"$ref": "#/components/schemas/Status"}, {"type": "null"}]},  # only nullable: no model
        {"type": "string", "maxLength": 3},
        {"type": "array", "items": {"type": "string"}},
    ],
)
def test_what_the_generator_does_not_model_cannot_clash(schema: dict[str, Any]) -> None:
    assert not fastn_spec.name_clashes(
        _doc({"Status": {"enum": ["a"]}, "OrderStatus": {"enum": ["n"]}, "Order": {"properties": {"status": schema}}})
    )


def test_check_reports_a_name_clash(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    spec = tmp_path / "spec.yaml"
    spec.write_text(
        "openapi: 3.1.0\ncomponents:\n  schemas:\n    AKind: {enum: [x]}\n    A: {properties: {kind: {enum: [y]}}}\n"
    )
    assert cli(["check", str(spec)]) == 1
    assert capsys.readouterr().err.startswith(
        f"{spec}: #/components/schemas/A/properties/kind: openapi-generator names"
    )


def test_check_reports_every_problem_with_its_place(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    spec = tmp_path / "spec.yaml"
    spec.write_text(
        "openapi: 3.1.0\ncomponents:\n  schemas:\n    Id: {type: string}\n"
        "    A: {$ref: '#/components/schemas/Id', minLength: 1}\n    B: {$ref: '#/components/schemas/Gone'}\n"
    )
    assert cli(["check", str(spec)]) == 1
    first, second = capsys.readouterr().err.splitlines()
    assert first.startswith(f"{spec}: #/components/schemas/A: minLength beside $ref '#/components/schemas/Id': ")
    assert second == f"{spec}: #/components/schemas/B: $ref '#/components/schemas/Gone' does not resolve (no 'Gone')"
    spec.write_text("a: 1\na: 2\n")
    assert cli(["check", str(spec)]) == 1
    assert capsys.readouterr().err == f"{spec}: line 2: duplicate key 'a'\n"


def test_check_passes_the_spec(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli(["check", str(ROOT / "openapi" / "fastn.yaml")]) == 0
    assert "every $ref resolves" in capsys.readouterr().out


def test_a_file_read_again_is_a_fresh_copy_and_an_edit_is_seen(tmp_path: Path) -> None:
    spec = tmp_path / "spec.yaml"
    spec.write_text("openapi: 3.1.0\ninfo: {title: T, version: '1'}\npaths: {}\n", encoding="utf-8")
    first = fastn_spec.load(spec)
    first["info"]["title"] = "changed by a caller"
    assert fastn_spec.load(spec)["info"]["title"] == "T"  # parsed once, handed out as copies
    spec.write_text("openapi: 3.1.0\ninfo: {title: Edited, version: '2'}\npaths: {}\n", encoding="utf-8")
    assert fastn_spec.load(spec)["info"] == {"title": "Edited", "version": "2"}
