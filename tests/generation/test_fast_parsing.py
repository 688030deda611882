"""Fast parsing changes the speed of the generated models, nothing else.

What is sped up (overrides/templates/model.py.jinja, endpoint_module.py.jinja,
property_templates/uuid_property.py.jinja and fastn_client/lib/fast_parsing.py) must behave
exactly as the generator's own templates:

* ``json_body(response)`` is ``json.loads(response.content)`` (httpx's ``response.json()``):
  the same values of the same types (a 2**64 stays an int: orjson would make it a float),
  or the same exception, on every document, encoding and corruption;
* ``parse_uuid(s)`` is ``uuid.UUID(s)``: an equal, plain ``uuid.UUID`` in the same state, or
  the same exception with the same message;
* every model's ``from_dict`` gives what the stock generator's ``from_dict`` gives -- checked
  against a client generated from the same spec and config without our templates -- on valid
  payloads, payloads with unknown keys (``additional_properties``) and corrupted ones (the same
  exception, with the same message, is raised);
* round trips, unknown enum values, and mappings that are not plain dicts still work as before.
"""

from __future__ import annotations

import copy
import datetime
import importlib
import importlib.util
import json
import os
import pickle
import string
import subprocess
import sys
import weakref
from collections import defaultdict
from collections.abc import Callable, Iterator
from pathlib import Path
from types import MappingProxyType, ModuleType
from typing import Any
from uuid import UUID, SafeUUID

import attrs
import fastn_spec
import httpx
import pytest
from fastn_client import models
from fastn_client.lib.fast_parsing import json_body, parse_uuid
from fastn_client.models import Customer, CustomerCreate, CustomerList
from fastn_client.models.plan import check_plan
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parents[2]
SCHEMAS: dict[str, Any] = fastn_spec.dereference(fastn_spec.load(ROOT / "openapi" / "fastn.yaml")).document[
    "components"
]["schemas"]
STOCK = "fastn_client_stock"
CUSTOMER: dict[str, Any] = {
    "id": "3f1c2a9e-8b4d-4e2f-9a61-000000000042",
    "name": "Acme",
    "slug": "acme",
    "status": "active",
    "adminEmail": "admin@acme.example",
    "plan": "growth",
    "dataResidency": "EU",
    "revision": 3,
    "createdAt": "2026-11-02T09:30:00+00:00",
    "updatedAt": "2026-11-02T09:31:00.250000+00:00",
}


def outcome(function: Callable[[Any], Any], value: Any) -> tuple[str, Any, Any]:
    """What a call did: its result, or its exception's type and message."""
    try:
        result = function(value)
    except Exception as error:
        return ("raised", type(error), str(error))
    return ("returned", shape(result), None)


def shape(value: Any) -> Any:
    """A comparable picture of a parsed value: classes by name, every field, leaf types and reprs.

    Two packages' models are different classes, so they are compared field by field; a
    UUID must be a plain uuid.UUID with the same number and is_safe, and every other leaf
    the same type with the same repr (datetimes keep their offset, ints stay ints).
    """
    if attrs.has(type(value)):
        fields = attrs.fields(type(value))
        return (type(value).__name__, {field.name: shape(getattr(value, field.name)) for field in fields})
    if isinstance(value, list):
        return [shape(item) for item in value]
    if isinstance(value, dict):
        return {key: shape(item) for key, item in value.items()}
    if type(value).__name__ == "Unset":
        return "UNSET"
    if isinstance(value, UUID):
        return ("UUID", type(value) is UUID, value.int, value.is_safe)
    return (type(value), repr(value))


# --- json_body -----------------------------------------------------------------------------


def decoded(value: Any) -> Any:
    """A comparable picture of decoded JSON: every leaf's type and repr (1 and 1.0 differ, NaN equals NaN)."""
    if isinstance(value, list):
        return [decoded(item) for item in value]
    if isinstance(value, dict):
        return [(key, decoded(item)) for key, item in value.items()]  # order kept
    return (type(value), repr(value))


def body(content: bytes) -> httpx.Response:
    return httpx.Response(200, content=content, headers={"content-type": "application/json"})


def decode_outcome(decode: Callable[[bytes], Any], content: bytes) -> tuple[str, Any]:
    try:
        return ("returned", decoded(decode(content)))
    except (ValueError, RecursionError) as error:
        return ("raised", type(error))


NUMBERS = st.one_of(
    st.integers(),  # beyond 64 bits too
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=True, allow_infinity=True),
    st.from_regex(r"-?(0|[1-9][0-9]{0,25})(\.[0-9]{1,25})?([eE][-+]?[0-9]{1,4})?", fullmatch=True).map(float),
)
JSON = st.recursive(
    st.one_of(st.none(), st.booleans(), NUMBERS, st.text()),
    lambda children: st.one_of(
        st.lists(children, max_size=4), st.dictionaries(st.text(max_size=5), children, max_size=4)
    ),
    max_leaves=20,
)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(JSON, st.booleans(), st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-32"]))
def test_json_body_decodes_what_json_loads_decodes(value: Any, ascii_only: bool, encoding: str) -> None:
    content = json.dumps(value, ensure_ascii=ascii_only).encode(encoding, "surrogatepass")
    assert decode_outcome(lambda raw: json_body(body(raw)), content) == decode_outcome(json.loads, content)


@given(
    st.binary(max_size=40)
    | st.text(alphabet='[]{},:"0123456789.eE+-tfnrlsua\\ \n\ud800', max_size=40).map(
        lambda text: text.encode("utf-8", "surrogatepass")
    )
)
def test_json_body_refuses_what_json_loads_refuses(content: bytes) -> None:
    assert decode_outcome(lambda raw: json_body(body(raw)), content) == decode_outcome(json.loads, content)


@pytest.mark.parametrize(
    "content",
    [
        b"18446744073709551616",  # 2**64: a float in orjson, an int in json.loads and msgspec
        b"-9223372036854775809",
        b'{"revision": 123456789012345678901234567890}',
        b'"1234567890123456789"',
        b"1.7976931348623157e309",  # beyond a float: msgspec refuses, json.loads says inf
        b"9223372036854775807",
        b"1E400",
        b"NaN",
        b'"\\ud800"',
        b"\xef\xbb\xbf{}",
        b'{"a": 1, "b": 2, "a": 3}',  # a repeated key: its last value, in its first place
        b"[" * 5000 + b"]" * 5000,  # deeper than either decoder goes
        b"",
    ],
)
def test_json_body_matches_json_loads_on_edge_cases(content: bytes) -> None:
    assert decode_outcome(lambda raw: json_body(body(raw)), content) == decode_outcome(json.loads, content)


# --- parse_uuid ----------------------------------------------------------------------------


@given(st.uuids(), st.sampled_from(["{}", "{{{}}}", "urn:uuid:{}", "uuid:{}"]), st.booleans(), st.booleans())
def test_parse_uuid_equals_uuid_for_every_spelling(value: UUID, form: str, upper: bool, hyphens: bool) -> None:
    digits = str(value) if hyphens else value.hex
    text = form.format(digits.upper() if upper else digits)
    fast, stdlib = parse_uuid(text), UUID(text)
    assert type(fast) is UUID
    assert fast == stdlib == value
    assert (fast.int, fast.is_safe, str(fast), repr(fast), hash(fast)) == (
        stdlib.int,
        stdlib.is_safe,
        str(stdlib),
        repr(stdlib),
        hash(stdlib),
    )
    assert fast.is_safe is SafeUUID.unknown
    assert fast.__getstate__() == stdlib.__getstate__()
    assert pickle.loads(pickle.dumps(fast)) == value  # noqa: S301 - our own bytes, just made
    assert copy.deepcopy(fast) == value
    assert weakref.ref(fast)() is fast
    assert (fast.version, fast.variant, fast.fields, fast.bytes, fast.urn) == (
        stdlib.version,
        stdlib.variant,
        stdlib.fields,
        stdlib.bytes,
        stdlib.urn,
    )


# Characters the standard parser treats specially, or that int(..., 16) tolerates.
UUIDISH = st.text(alphabet=string.hexdigits + "-{}:urnid _+xXg \t\n\u0661\u00e9", max_size=45)


@given(st.one_of(UUIDISH, st.text(max_size=45), st.uuids().map(lambda u: str(u)[:-1] + "-")))
def test_parse_uuid_accepts_and_rejects_exactly_what_uuid_does(text: str) -> None:
    assert outcome(parse_uuid, text) == outcome(UUID, text)


@pytest.mark.parametrize(
    "value",
    [
        "0x" + "a" * 30,  # int() base-16 prefix
        "+" + "1" * 31,  # sign
        "1_2" + "3" * 29,  # digit separator
        " " + "f" * 31,  # surrounding whitespace
        "\u0661" * 32,  # a non-ASCII decimal digit int() reads
        "-".join(["12345678", "1234", "1234", "1234", "12345678901"]),  # 31 digits
        "-".join(["12345678", "1234", "1234", "1234", "1234567890123"]),  # 33 digits
        "12345678-1234-1234-1234-12345678901g",
        "{12345678-1234-1234-1234-123456789012",
        "",
        None,
        42,
        b"12345678123412341234123456789012",
        bytearray(b"x"),
        ["12345678-1234-1234-1234-123456789012"],
    ],
)
def test_parse_uuid_matches_uuid_on_edge_cases(value: Any) -> None:
    assert outcome(parse_uuid, value) == outcome(UUID, value)


def test_parse_uuid_of_a_str_subclass_is_a_plain_uuid() -> None:
    class Text(str):
        __slots__ = ()

    text = Text("3f1c2a9e-8b4d-4e2f-9a61-000000000042")
    assert outcome(parse_uuid, text) == outcome(UUID, text)


# --- the models, against the stock generator's ---------------------------------------------


@pytest.fixture(scope="module")
def stock(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    """The models openapi-python-client makes from the same spec and config, without our templates."""
    workdir = tmp_path_factory.mktemp("stock")
    config = workdir / "config.yml"
    config.write_text(
        (ROOT / "generator-config.yml")
        .read_text(encoding="utf-8")
        .replace("package_name_override: fastn_client", f"package_name_override: {STOCK}"),
        encoding="utf-8",
    )
    bin_dir = Path(sys.executable).parent
    subprocess.run(
        [
            str(bin_dir / "openapi-python-client"),
            "generate",
            "--path",
            str(ROOT / "openapi" / "fastn.yaml"),
            "--config",
            str(config),
            "--meta",
            "none",
            "--output-path",
            str(workdir / STOCK),
        ],
        check=True,
        capture_output=True,
        cwd=workdir,
        env=dict(os.environ, PATH=f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}"),
    )
    # Loaded from its directory as a package of its own; its submodules follow its __path__.
    package = workdir / STOCK
    spec = importlib.util.spec_from_file_location(
        STOCK, package / "__init__.py", submodule_search_locations=[str(package)]
    )
    assert spec is not None and spec.loader is not None
    sys.modules[STOCK] = importlib.util.module_from_spec(spec)
    try:
        spec.loader.exec_module(sys.modules[STOCK])
        yield importlib.import_module(f"{STOCK}.models")
    finally:
        for name in [name for name in sys.modules if name == STOCK or name.startswith(f"{STOCK}.")]:
            del sys.modules[name]


SCALARS = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=8))
JSON = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=2) | st.dictionaries(st.text(max_size=5), inner, max_size=2),
    max_leaves=4,
)
TIMEZONES = st.sampled_from([datetime.UTC, datetime.timezone(datetime.timedelta(hours=-5, minutes=-30))])


def payloads(schema: dict[str, Any]) -> st.SearchStrategy[Any]:
    """Valid JSON for the subset of JSON Schema the spec uses; objects may carry unknown keys."""
    schema = fastn_spec.merge_all_of({}, schema)
    if "oneOf" in schema or "anyOf" in schema:
        return st.one_of([payloads(part) for part in schema.get("oneOf", schema.get("anyOf", []))])
    if "enum" in schema:
        return st.sampled_from(schema["enum"])
    kinds = schema.get("type", "object")
    if isinstance(kinds, list):
        return st.one_of([payloads({**schema, "type": kind}) for kind in kinds])
    if kinds == "null":
        return st.none()
    if kinds == "boolean":
        return st.booleans()
    if kinds == "integer":
        return st.integers()
    if kinds == "number":
        return st.integers() | st.floats(allow_nan=False, allow_infinity=False)
    if kinds == "array":
        return st.lists(payloads(schema.get("items", {})), max_size=3)
    if kinds == "string":
        if schema.get("format") == "uuid":
            return st.uuids().map(str)
        if schema.get("format") == "date-time":
            return st.datetimes(timezones=TIMEZONES).map(datetime.datetime.isoformat)
        return st.text(max_size=8)
    properties: dict[str, Any] = schema.get("properties", {})
    required = [name for name in properties if name in schema.get("required", [])]
    known = st.fixed_dictionaries(
        {name: payloads(properties[name]) for name in required},
        optional={name: payloads(sub) for name, sub in properties.items() if name not in required},
    )
    extra = st.dictionaries(st.text(max_size=6).filter(lambda key: key not in properties), JSON, max_size=2)
    return st.builds(lambda fields, more: {**more, **fields} if more else fields, known, extra)


def corrupted(data: st.DataObject, payload: dict[str, Any]) -> dict[str, Any]:
    """The payload with one key dropped, or one value replaced by any JSON (or a bad UUID/enum)."""
    payload = dict(payload)
    if not payload:
        return payload
    key = data.draw(st.sampled_from(sorted(payload)))
    if data.draw(st.booleans()):
        del payload[key]
    else:
        payload[key] = data.draw(JSON | st.sampled_from(["not-a-uuid", "3f1c2a9e-8b4d-4e2f-9a61-00000000004z", "x"]))
    return payload


def _is_object(schema: dict[str, Any]) -> bool:
    """Whether the generator makes a model class of the schema (an object, or an allOf of objects)."""
    return schema.get("type") == "object" or "allOf" in schema


NEXT = {"nextCursor": None}
MODEL_SCHEMAS = sorted(
    name
    for name, schema in SCHEMAS.items()
    if _is_object(schema) and hasattr(models, name) and hasattr(getattr(models, name), "from_dict")
)


def test_every_object_schema_of_the_spec_is_compared() -> None:
    objects = [name for name, schema in SCHEMAS.items() if _is_object(schema)]
    assert sorted(objects) == MODEL_SCHEMAS


PROPERTY_SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.mark.slow  # the stock client is generated once per module
@pytest.mark.parametrize("name", MODEL_SCHEMAS)
def test_from_dict_parses_as_the_stock_templates_do(stock: ModuleType, name: str) -> None:
    ours, theirs = getattr(models, name), getattr(stock, name)

    @PROPERTY_SETTINGS
    @given(payload=payloads(SCHEMAS[name]))
    def check(payload: dict[str, Any]) -> None:
        before = copy.deepcopy(payload)
        parsed = ours.from_dict(payload)
        assert shape(parsed) == shape(theirs.from_dict(payload))
        assert parsed.to_dict() == theirs.from_dict(payload).to_dict()
        assert ours.from_dict(parsed.to_dict()) == parsed  # round trip
        assert payload == before  # the input is not changed
        if hasattr(parsed, "additional_properties"):
            assert parsed.additional_properties is not payload

    check()


@pytest.mark.slow  # the stock client is generated once per module
@pytest.mark.parametrize("name", MODEL_SCHEMAS)
def test_from_dict_fails_as_the_stock_templates_do(stock: ModuleType, name: str) -> None:
    ours, theirs = getattr(models, name), getattr(stock, name)

    @PROPERTY_SETTINGS
    @given(payload=payloads(SCHEMAS[name]), data=st.data())
    def check(payload: dict[str, Any], data: st.DataObject) -> None:
        bad = corrupted(data, payload)
        assert outcome(ours.from_dict, bad) == outcome(theirs.from_dict, bad)

    check()


@pytest.mark.slow  # the stock client is generated once per module
@pytest.mark.parametrize("value", [None, 7, "text", [("id", 1)], ["ab"], [1, 2]])
def test_from_dict_of_a_non_mapping_fails_as_before(stock: ModuleType, value: Any) -> None:
    assert outcome(Customer.from_dict, value) == outcome(stock.Customer.from_dict, value)
    assert outcome(CustomerList.from_dict, value) == outcome(stock.CustomerList.from_dict, value)


# --- the same public behaviour, spelled out -------------------------------------------------


def test_customer_fields_keep_their_types() -> None:
    customer = Customer.from_dict(CUSTOMER)
    assert type(customer.id) is UUID
    assert customer.id == UUID(CUSTOMER["id"])
    assert customer.created_at == datetime.datetime(2026, 11, 2, 9, 30, tzinfo=datetime.UTC)
    assert customer.status == "active"
    assert customer.additional_properties == {}
    assert Customer.from_dict(customer.to_dict()) == customer


def test_an_unknown_value_of_an_open_response_enum_is_kept_and_a_closed_request_enum_rejects() -> None:
    """Response enums are open (`Plan | str`): a value the spec does not list is data, round trip
    included. A request body's enum is closed, and still fails with the generator's own error."""
    page = CustomerList.from_dict({"data": [CUSTOMER, {**CUSTOMER, "status": "deleted", "plan": "platinum"}]} | NEXT)
    assert (page.data[1].status, page.data[1].plan) == ("deleted", "platinum")
    assert page.to_dict()["data"][1]["status"] == "deleted"
    with pytest.raises(TypeError) as expected:
        check_plan("platinum")
    with pytest.raises(TypeError) as raised:
        CustomerCreate.from_dict({"name": "Acme", "slug": "acme", "adminEmail": "a@acme.example", "plan": "platinum"})
    assert str(raised.value) == str(expected.value)


def test_unknown_keys_land_in_additional_properties_in_order() -> None:
    payload = {"zeta": 1, **CUSTOMER, "alpha": {"nested": [1]}}
    customer = Customer.from_dict(payload)
    assert list(customer.additional_properties.items()) == [("zeta", 1), ("alpha", {"nested": [1]})]
    assert customer["alpha"] is payload["alpha"]  # the values themselves, as before
    customer["extra"] = True
    assert "extra" not in payload
    assert customer.to_dict() == {**payload, "extra": True}


def test_additional_properties_are_fresh_per_instance() -> None:
    first, second = Customer.from_dict(CUSTOMER), Customer.from_dict(CUSTOMER)
    first["mine"] = 1
    assert "mine" not in second
    assert second.additional_properties == {}


def test_any_mapping_is_accepted_and_a_dict_subclass_is_read_as_a_plain_dict() -> None:
    assert Customer.from_dict(MappingProxyType(CUSTOMER)) == Customer.from_dict(CUSTOMER)
    without_plan = {key: value for key, value in CUSTOMER.items() if key != "plan"}
    defaulting: defaultdict[str, Any] = defaultdict(lambda: "growth", without_plan)
    with pytest.raises(KeyError, match="plan"):
        Customer.from_dict(defaulting)


def test_a_missing_required_field_raises_key_error() -> None:
    with pytest.raises(KeyError, match="createdAt"):
        Customer.from_dict({k: v for k, v in CUSTOMER.items() if k != "createdAt"})


def test_a_bad_uuid_raises_value_error() -> None:
    with pytest.raises(ValueError, match="badly formed hexadecimal UUID string"):
        Customer.from_dict({**CUSTOMER, "id": "3f1c2a9e"})
