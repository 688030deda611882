"""JSON Schema plumbing: request/response views, format checks, bounded validation, error details.

The mock validates with `jsonschema` (Draft 2020-12, the dialect of OpenAPI 3.1) the schemas of
the document as `fastn_spec` inlines them (no ``$ref`` left). Four things need care beyond
handing them to a validator:

* **Direction.** OpenAPI's ``readOnly`` properties may not be *sent* and ``writeOnly`` ones are
  never *returned*. A request view turns every ``readOnly`` property into the ``false`` schema
  (and drops it from ``required``); a response view does the same for ``writeOnly``.
* **Formats.** The spec's formats are asserted, so that the values a client could not send to the
  real service are rejected here as well. ``uri`` and ``uri-reference`` are `jsonschema`'s own
  checks (with ``rfc3986-validator``, pinned for them); ``uuid``, ``date-time`` and ``email`` are
  checked here, because `jsonschema`'s are looser or wrong for them (see `FORMAT_CHECKS`).
* **Regex dialect.** ``pattern`` is ECMA 262, and Python's ``re`` reads ``\\s``, ``\\d``, ``\\w``
  and a trailing ``$`` differently; `ecma_pattern` translates them, so a value the spec's own
  tools accept (or reject) is accepted (or rejected) here too.
* **Cost.** A hostile body must not cost seconds of CPU: ``uniqueItems`` is checked with a set of
  canonical forms (jsonschema's own check is quadratic for items that do not sort), items past
  ``maxItems`` and strings past ``maxLength`` are not checked further (those keywords already
  fail), and `first_errors` stops after the errors an `Error` body can hold.
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Callable, Hashable, Iterable, Iterator
from datetime import date
from functools import cache, partial
from itertools import islice
from typing import Any, Final

from fastn_spec import SpecError
from jsonschema import Draft202012Validator, FormatChecker, ValidationError, validators
from jsonschema.protocols import Validator

JSON = Any
"""A JSON value as `json.loads` returns it (the precise recursive type buys nothing here)."""

MAX_DETAILS: Final = 100
"""The spec's `Error.details` holds at most 100 items."""


# --------------------------------------------------------------------------------------------
# Request and response views


def _without_flagged(schema: JSON, flag: str) -> JSON:
    """Copy ``schema`` with every property carrying ``flag: true`` forbidden."""
    if isinstance(schema, list):
        return [_without_flagged(item, flag) for item in schema]
    if not isinstance(schema, dict):
        return schema
    result: dict[str, JSON] = {}
    flagged: set[str] = set()
    for key, value in schema.items():
        if key == "properties" and isinstance(value, dict):
            props: dict[str, JSON] = {}
            for name, sub in value.items():
                if isinstance(sub, dict) and sub.get(flag) is True:
                    flagged.add(name)
                    props[name] = False
                else:
                    props[name] = _without_flagged(sub, flag)
            result[key] = props
        elif key in ("example", "examples", "enum", "const", "default"):
            result[key] = copy.deepcopy(value)
        else:
            result[key] = _without_flagged(value, flag)
    if flagged and isinstance(result.get("required"), list):
        result["required"] = [name for name in result["required"] if name not in flagged]
    return result


def request_view(schema: JSON) -> JSON:
    """The schema as a client must satisfy it: ``readOnly`` properties may not be sent."""
    return _without_flagged(schema, "readOnly")


def response_view(schema: JSON) -> JSON:
    """The schema as the server must satisfy it: ``writeOnly`` properties are never returned."""
    return _without_flagged(schema, "writeOnly")


def declared_properties(schema: JSON) -> dict[str, JSON]:
    """Every property a schema declares, following ``allOf``/``oneOf``/``anyOf`` branches."""
    found: dict[str, JSON] = {}
    if not isinstance(schema, dict):
        return found
    props = schema.get("properties")
    if isinstance(props, dict):
        found.update(props)
    for keyword in ("allOf", "oneOf", "anyOf"):
        for branch in schema.get(keyword, []) or []:
            for name, sub in declared_properties(branch).items():
                found.setdefault(name, sub)
    return found


def required_properties(schema: JSON) -> set[str]:
    """Properties a schema (or any of its ``allOf`` parts) requires."""
    if not isinstance(schema, dict):
        return set()
    required = set(schema.get("required", []) or [])
    for branch in schema.get("allOf", []) or []:
        required |= required_properties(branch)
    return required


def schema_types(schema: JSON) -> set[str]:
    """The ``type`` keyword as a set (empty when absent)."""
    if not isinstance(schema, dict):
        return set()
    declared = schema.get("type")
    if isinstance(declared, str):
        return {declared}
    if isinstance(declared, list):
        return {t for t in declared if isinstance(t, str)}
    return set()


# --------------------------------------------------------------------------------------------
# Formats

_UUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")
_DATE_TIME = re.compile(
    r"(?P<y>\d{4})-(?P<mo>\d{2})-(?P<d>\d{2})[Tt](?P<h>\d{2}):(?P<mi>\d{2}):(?P<s>\d{2})(?:\.\d+)?"
    r"(?:[Zz]|[+-](?P<oh>\d{2}):(?P<om>\d{2}))",
    re.ASCII,
)
_ATEXT = r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+"
_LOCAL_PART = re.compile(rf"{_ATEXT}(?:\.{_ATEXT})*|\"(?:[\x20\x21\x23-\x5b\x5d-\x7e]|\\[\x20-\x7e])*\"")
_LABEL = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?")


def is_uuid(value: str) -> bool:
    """RFC 4122 text form: 32 hex digits in 8-4-4-4-12 groups."""
    return _UUID.fullmatch(value) is not None


def is_date_time(value: str) -> bool:
    """RFC 3339 ``date-time`` with real calendar dates, hours, minutes and offsets."""
    match = _DATE_TIME.fullmatch(value)
    if match is None:
        return False
    try:
        date(int(match["y"]), int(match["mo"]), int(match["d"]))
    except ValueError:
        return False
    if int(match["h"]) > 23 or int(match["mi"]) > 59 or int(match["s"]) > 60:
        return False
    return match["oh"] is None or (int(match["oh"]) <= 23 and int(match["om"]) <= 59)


def is_email(value: str) -> bool:
    """An RFC 5321 mailbox: dot-atom or quoted local part, host name or address literal."""
    local, sep, domain = value.rpartition("@")
    if not sep or not local or not domain or len(local) > 64:
        return False
    if _LOCAL_PART.fullmatch(local) is None:
        return False
    if domain.startswith("[") and domain.endswith("]"):
        return re.fullmatch(r"\[(?:\d{1,3}(?:\.\d{1,3}){3}|IPv6:[0-9A-Fa-f:.]+)\]", domain) is not None
    labels = domain.split(".")
    return len(domain) <= 253 and all(_LABEL.fullmatch(label) for label in labels)


FORMAT_CHECKS: Final = {
    # jsonschema's uuid check is uuid.UUID(), which drops every hyphen: "…-0c5d7e8f9a-10" passes.
    "uuid": is_uuid,
    # jsonschema's (rfc3339-validator) refuses leap seconds (":60", which RFC 3339 allows) and takes a trailing newline.
    "date-time": is_date_time,
    # jsonschema's email check is a bare "@" in value.
    "email": is_email,
}
"""The formats checked here; ``uri`` and ``uri-reference`` are `jsonschema`'s (`STOCK_FORMATS`)."""
STOCK_FORMATS: Final = ("uri", "uri-reference")


def _format_checker() -> FormatChecker:
    # KeyError here: rfc3986-validator, which jsonschema's uri checks need, is not installed (make install).
    checker = FormatChecker(formats=STOCK_FORMATS)
    for name in STOCK_FORMATS:
        # Its regexes end in "$", which also matches before a final newline: "https://x\n" is no URI.
        stock, raises = checker.checkers[name]
        checker.checks(name, raises)(partial(_no_final_newline, stock))
    for name, check in FORMAT_CHECKS.items():
        checker.checks(name)(partial(_on_strings, check))
    return checker


def _no_final_newline(check: Callable[[object], bool], instance: object) -> bool:
    return not (isinstance(instance, str) and instance.endswith("\n")) and check(instance)


def _on_strings(check: Callable[[str], bool], instance: object) -> bool:
    return not isinstance(instance, str) or check(instance)


FORMAT_CHECKER: Final = _format_checker()


def is_uri(value: str) -> bool:
    """An absolute RFC 3986 URI (scheme required), with only the characters it allows."""
    return bool(FORMAT_CHECKER.conforms(value, "uri"))


def is_uri_reference(value: str) -> bool:
    """An RFC 3986 URI or relative reference."""
    return bool(FORMAT_CHECKER.conforms(value, "uri-reference"))


_ECMA_SPACE: Final = "\\t\\n\\x0b\\x0c\\r \\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff"
_ECMA_CLASSES: Final = {
    "d": ("[0-9]", "0-9"),
    "D": ("[^0-9]", None),
    "w": ("[A-Za-z0-9_]", "A-Za-z0-9_"),
    "W": ("[^A-Za-z0-9_]", None),
    "s": (f"[{_ECMA_SPACE}]", _ECMA_SPACE),
    "S": (f"[^{_ECMA_SPACE}]", None),
}


@cache
def ecma_pattern(pattern: str) -> re.Pattern[str]:
    """Compile a JSON Schema ``pattern`` with ECMA 262 meanings where Python's differ.

    ``\\d``, ``\\w`` and ``\\s`` are ASCII digits, word characters and the ECMA white-space set
    (Python's ``\\s`` also takes U+001C to U+001F and U+0085, its ``\\d`` any Unicode digit); a trailing
    ``$`` matches only at the very end (Python's also before a final newline).
    """
    out: list[str] = []
    in_class = False
    index = 0
    while index < len(pattern):
        char = pattern[index]
        if char == "\\" and index + 1 < len(pattern):
            escape = pattern[index + 1]
            replacement = _ECMA_CLASSES.get(escape)
            if replacement is not None and not in_class:
                out.append(replacement[0])
            elif replacement is not None and replacement[1] is not None:
                out.append(replacement[1])
            else:
                out.append(pattern[index : index + 2])
            index += 2
            continue
        if char == "[" and not in_class:
            in_class = True
        elif char == "]" and in_class:
            in_class = False
        elif char == "$" and not in_class and index == len(pattern) - 1:
            char = r"\Z"
        out.append(char)
        index += 1
    return re.compile("".join(out))


# --------------------------------------------------------------------------------------------
# Keywords with a bounded cost
#
# A request body is at most 1 MiB, but stock keywords can still spend seconds on one: `uniqueItems`
# compares items pair by pair when they do not sort (mixed types: 8,000 items took 21 s), `items`
# validates every item of an array far over its `maxItems`, and `pattern`/`format` scan strings far
# over their `maxLength`. These versions do the same checks with a cost linear in the bounded input.

_ITEMS: Final = Draft202012Validator.VALIDATORS["items"]
_FORMAT: Final = Draft202012Validator.VALIDATORS["format"]


def _over_limit(instance: JSON, schema: JSON, keyword: str) -> bool:
    limit = schema.get(keyword) if isinstance(schema, dict) else None
    return isinstance(limit, int) and len(instance) > limit


def canonical(value: JSON) -> Hashable:
    """A hashable form of a JSON value under JSON Schema equality (``1 == 1.0``, ``true != 1``, key order ignored)."""
    if isinstance(value, bool):
        return ("b", value)
    if isinstance(value, int | float):
        return ("n", value)
    if isinstance(value, str):
        return ("s", value)
    if isinstance(value, list):
        return ("a", tuple(canonical(item) for item in value))
    if isinstance(value, dict):
        return ("o", frozenset((key, canonical(item)) for key, item in value.items()))
    return ("z", None) if value is None else ("?", repr(value))


def _unique_items_keyword(
    validator: Validator, unique: bool, instance: JSON, schema: JSON
) -> Iterator[ValidationError]:
    # Same verdict and message as jsonschema's, with a set of canonical forms instead of pairwise comparisons.
    if unique and isinstance(instance, list):
        seen: set[Hashable] = set()
        for item in instance:
            key = canonical(item)
            if key in seen:
                yield ValidationError(f"{instance!r} has non-unique elements")
                return
            seen.add(key)


def _items_keyword(validator: Validator, items: JSON, instance: JSON, schema: JSON) -> Iterator[ValidationError]:
    # Past `maxItems` (which reports the excess itself), further items are not validated one by one.
    if isinstance(instance, list) and _over_limit(instance, schema, "maxItems"):
        instance = instance[: schema["maxItems"]]
    yield from _ITEMS(validator, items, instance, schema)


def _pattern_keyword(validator: Validator, pattern: str, instance: JSON, schema: JSON) -> Iterator[ValidationError]:
    too_long = isinstance(instance, str) and _over_limit(instance, schema, "maxLength")
    if isinstance(instance, str) and not too_long and not ecma_pattern(pattern).search(instance):
        yield ValidationError(f"{instance!r} does not match {pattern!r}")


def _format_keyword(validator: Validator, format: str, instance: JSON, schema: JSON) -> Iterator[ValidationError]:
    if not (isinstance(instance, str) and _over_limit(instance, schema, "maxLength")):
        yield from _FORMAT(validator, format, instance, schema)


MockValidator = validators.extend(
    Draft202012Validator,
    {
        "pattern": _pattern_keyword,
        "format": _format_keyword,
        "items": _items_keyword,
        "uniqueItems": _unique_items_keyword,
    },
)
"""Draft 2020-12 with an ECMA-anchored ``pattern`` and keywords whose cost is bounded by the input's size."""


_VALIDATORS: dict[str, Validator] = {}


def make_validator(schema: JSON) -> Validator:
    """A checked, format-asserting validator for ``schema`` (built once per distinct schema, then reused).

    The spec repeats many schemas (every error response, every id parameter); checking each
    distinct one against the metaschema once keeps start-up fast.
    """
    key = json.dumps(schema, sort_keys=True, default=str)
    found = _VALIDATORS.get(key)
    if found is not None:
        return found
    try:
        MockValidator.check_schema(schema)
    except Exception as exc:  # SchemaError, or a pattern that does not compile
        raise SpecError(f"invalid schema: {exc}") from exc
    validator: Validator = MockValidator(schema, format_checker=FORMAT_CHECKER)
    _VALIDATORS[key] = validator
    return validator


# --------------------------------------------------------------------------------------------
# Error details


def first_errors(validator: Validator, instance: JSON) -> list[ValidationError]:
    """The validation errors of ``instance``, at most as many as an `Error` body can detail."""
    return list(islice(validator.iter_errors(instance), MAX_DETAILS))


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _pointer(path: Iterable[object]) -> str:
    parts = [str(part).replace("~", "~0").replace("/", "~1") for part in path]
    return "/" + "/".join(parts) if parts else "/"


def _leaf_errors(error: ValidationError) -> Iterator[ValidationError]:
    # `oneOf`/`anyOf` failures carry their branch errors as context; the deepest ones say most.
    if error.context and error.validator in ("oneOf", "anyOf"):
        for sub in error.context:
            yield from _leaf_errors(sub)
    else:
        yield error


def error_details(errors: Iterable[ValidationError], *, prefix: str | None = None) -> list[dict[str, str]]:
    """Turn validation errors into the spec's ``ErrorDetail`` items.

    ``field`` is a JSON pointer into the body (``/slug``) or, with ``prefix``, a dotted
    parameter name (``query.limit``); ``code`` is the JSON Schema keyword that failed. Missing
    and unexpected properties are named individually, so a client can point at the field.
    """
    details: list[dict[str, str]] = []
    seen: set[tuple[str, str]] = set()
    for top in errors:
        for error in _leaf_errors(top):
            keyword = str(error.validator)
            base = list(error.absolute_path)
            fields: list[tuple[str, str]]
            if keyword == "required" and isinstance(error.instance, dict):
                missing = [name for name in error.validator_value if name not in error.instance]
                fields = [(_pointer([*base, name]), f"{name} is required") for name in missing]
            elif keyword in ("additionalProperties", "unevaluatedProperties") and isinstance(error.instance, dict):
                known = set(error.schema.get("properties", {}) if isinstance(error.schema, dict) else {})
                extra = [name for name in error.instance if name not in known]
                fields = [(_pointer([*base, name]), f"{name} is not a known field") for name in extra]
            elif keyword == "false":
                fields = [(_pointer(base), "this field may not be sent")]
            else:
                fields = [(_pointer(base), error.message)]
            for field, message in fields:
                name = field if prefix is None else prefix
                if (name, keyword) in seen:
                    continue
                seen.add((name, keyword))
                details.append({"field": _clip(name, 256), "message": _clip(message, 1000), "code": keyword[:64]})
                if len(details) >= MAX_DETAILS:
                    return details
    return details
