"""Other languages: a client openapi-generator makes from the spec reads every documented answer.

openapi-generator serves Go, Java, C#, TypeScript-axios and Python users alike, and names
every inline enumeration or composition after its place. Until spec 1.2.0 nine of those names
were the names of other schemas (``Customer.status`` became a second ``CustomerStatus``), and
the Python client it made recursed until ``RecursionError`` on every customer.
``fastn_spec check`` now refuses such a clash; this test runs the pinned generator itself
(``openapi-generator-cli`` from PyPI, as ``make lint`` does) and decodes, with the ``python``
client it makes, every example answer the spec documents, and an enum value it does not list.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import fastn_spec
import oag_client
import pytest

pytestmark = pytest.mark.slow  # Java: the generator's jar

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "openapi" / "fastn.yaml"
DOCUMENT = fastn_spec.load(SPEC)


def _answers() -> Iterator[tuple[str, str, Any]]:
    """(where, schema name, example value) of every example of a JSON answer with a named schema."""
    for operation in fastn_spec.operations(DOCUMENT):
        for status, response in operation.body.get("responses", {}).items():
            media = (fastn_spec.resolve(DOCUMENT, response).get("content") or {}).get("application/json") or {}
            ref = (media.get("schema") or {}).get("$ref", "")
            if not ref.startswith("#/components/schemas/"):
                continue
            for name, example in (media.get("examples") or {}).items():
                value = fastn_spec.resolve(DOCUMENT, example)["value"]
                yield f"{operation} {status} {name}", ref.rsplit("/", 1)[1], value


ANSWERS = list(_answers())


@pytest.fixture(scope="module")
def oag(tmp_path_factory: pytest.TempPathFactory) -> ModuleType:
    return oag_client.load(
        "fastn_oag_sharing", oag_client.generate(tmp_path_factory.mktemp("oag"), "fastn_oag_sharing")
    )


def test_there_are_answers_to_decode() -> None:
    assert len(ANSWERS) > 100
    assert {"Customer", "CustomerList", "Execution", "Error"} <= {schema for _, schema, _ in ANSWERS}


def test_every_documented_answer_decodes(oag: ModuleType) -> None:
    client = oag.ApiClient()
    failed = []
    for where, schema, value in ANSWERS:
        # A schema of any JSON (WorkflowRunResult) has no class: the generator reads it as "object".
        name = fastn_spec.class_name(schema)
        target = name if hasattr(oag.models, name) else "object"
        try:
            decoded = client.deserialize(json.dumps(value), target, "application/json")
        except Exception as error:
            failed.append(f"{where} ({schema}): {type(error).__name__}: {str(error)[:120]}")
        else:
            assert type(decoded).__name__ == name if target == name else decoded == value, where
    assert not failed, "\n".join(failed)


def test_a_status_the_spec_does_not_list_arrives_as_a_string(oag: ModuleType) -> None:
    customer = next(value for _, schema, value in ANSWERS if schema == "Customer")
    decoded = oag.ApiClient().deserialize(json.dumps({**customer, "status": "paused"}), "Customer", "application/json")
    assert decoded.status.actual_instance == "paused"
    known = oag.ApiClient().deserialize(json.dumps(customer), "Customer", "application/json")
    assert known.status.actual_instance == oag.CustomerStatus(customer["status"])
