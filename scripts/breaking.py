#!/usr/bin/env python3
"""Breaking-change gate: compare ``openapi/fastn.yaml`` with its version at a git ref.

    make breaking BASE=origin/main
    scripts/breaking.py --base origin/main [--head openapi/fastn.yaml] [--strict-version | --gate]
    scripts/breaking.py --base-file old.yaml --head new.yaml
    scripts/breaking.py --list-rules

Prints one line per finding (severity, rule, location, what changed), then the version
bump the change needs: major if anything is breaking, minor for other contract changes,
patch when only documentation changed. Exits 1 on a breaking change, 0 otherwise, 2 when
the documents cannot be read. It warns when ``info.version`` was not bumped enough
compared to the base (``--strict-version`` makes that an error too).

``--gate`` is the release gate of ``make test``: a change of any kind passes when ``info.version``
is bumped as far as it needs and ``CHANGELOG.md`` (beside the spec's folder) has a section for the
new version; a breaking change passes too, with its major bump. A base ref that does not exist
(a checkout without ``origin``) is said and passes: there is nothing to compare against.

Why hand-written: the installable diff tools each miss some of what matters here (request
constraint tightening, response fields turning optional, headers, enum widening in
responses), and the project wants a pure-Python gate with no extra runtime. Only local
``$ref``s exist (the spec is one file), read as every tool of the project reads them
(`fastn_spec`: only annotations beside a ``$ref``); recursion is cut by remembering which pair
of components is being compared.

Direction decides what breaks. A *request* schema describes what clients send: the new
version must still accept everything the old one accepted, so narrowing breaks (fewer enum
values, tighter limits, a new required field, a closed object dropping a field). A
*response* schema describes what clients receive: they must still get everything they
relied on, so removing a field, making it optional, changing its type, or adding a value
to a closed enum breaks (a strict client raises on a value it does not know). An open
enumeration (``anyOf`` the enum and a branch taking any string, as every response enum of
this spec is written) already promised other strings, so listing a new value there is
compatible.

Findings inside a shared component are reported once, at the component, with the
operations that reach it ("used by ..."), instead of once per operation.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import fastn_spec
from fastn_spec import NAME_MAP_KEYS, SpecError

SPEC = Path(__file__).resolve().parent.parent / "openapi" / "fastn.yaml"

BREAKING = "breaking"
COMPATIBLE = "compatible"
BUMPS = ("none", "patch", "minor", "major")
# Keys that only document: a change to them alone needs a patch release. `title` is not
# here on purpose: generators name classes after it.
DOC_KEYS = frozenset(
    {"description", "summary", "example", "examples", "externalDocs", "x-fastn-evidence", "x-fastn-verify"}
)
# Keys whose value is literal data; when stripping documentation they are kept verbatim.
VALUE_KEYS = frozenset({"default", "enum", "const"})
UPPER_BOUNDS = ("maxLength", "maximum", "exclusiveMaximum", "maxItems", "maxProperties", "maxContains")
LOWER_BOUNDS = ("minLength", "minimum", "exclusiveMinimum", "minItems", "minProperties", "minContains")
SEMVER = re.compile(r"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$")
USED_BY_SHOWN = 3

# Every rule the gate reports: its severity and what it means. The tests hold one fixture
# pair per breaking rule (tests/breaking/fixtures/<rule>/), and `--list-rules` prints this.
RULES: dict[str, tuple[str, str]] = {
    # operations
    "operation-removed": (BREAKING, "an operation (method + path) was removed"),
    "operation-id-changed": (BREAKING, "an operationId changed (generated clients rename the function)"),
    "security-requirement-added": (BREAKING, "credentials that were enough before no longer are"),
    "security-scheme-changed": (BREAKING, "a security scheme in use changed (type, header name, ...)"),
    # parameters (path, query, header, cookie)
    "required-parameter-added": (BREAKING, "a new required parameter or header parameter"),
    "parameter-became-required": (BREAKING, "an optional parameter became required"),
    "parameter-serialization-changed": (BREAKING, "a parameter's style, explode or allowReserved changed"),
    "path-parameter-renamed": (BREAKING, "a path parameter was renamed (generated clients take it by name)"),
    # request bodies
    "required-request-body-added": (BREAKING, "an operation without a body now requires one"),
    "request-body-became-required": (BREAKING, "an optional request body became required"),
    "request-media-type-removed": (BREAKING, "a request content type is no longer accepted"),
    "required-request-field-added": (BREAKING, "a request field is new and required, or became required"),
    "request-field-removed": (BREAKING, "a field was removed from a closed request object (now rejected)"),
    "request-enum-narrowed": (BREAKING, "a request value is no longer accepted (enum or const)"),
    "request-constraint-tightened": (
        BREAKING,
        "a request limit rejects values it accepted (maxLength/maximum/maxItems lowered, "
        "minLength/minimum/minItems raised, pattern or format added or changed, multipleOf, "
        "uniqueItems, object closed)",
    ),
    # responses
    "response-removed": (BREAKING, "a documented response status was removed"),
    "response-media-type-removed": (BREAKING, "a response content type is no longer returned"),
    "response-header-removed": (BREAKING, "a response header was removed"),
    "response-header-no-longer-required": (BREAKING, "a response header is no longer always sent"),
    "response-field-removed": (BREAKING, "a response field was removed (or became writeOnly)"),
    "response-field-no-longer-required": (BREAKING, "a response field is no longer always present"),
    "response-enum-widened": (BREAKING, "a response may carry a value clients do not know (strict enums raise)"),
    # both directions
    "type-changed": (BREAKING, "a type changed so that old requests fail or new responses surprise"),
    # compatible changes: each needs at least a minor version
    "operation-added": (COMPATIBLE, "a new operation"),
    "operation-deprecated": (COMPATIBLE, "an operation was marked deprecated"),
    "optional-parameter-added": (COMPATIBLE, "a new optional parameter"),
    "parameter-removed": (COMPATIBLE, "a parameter was removed (servers ignore it now)"),
    "optional-request-body-added": (COMPATIBLE, "an optional request body was added"),
    "request-body-removed": (COMPATIBLE, "the request body was removed"),
    "request-media-type-added": (COMPATIBLE, "a new accepted request content type"),
    "optional-request-field-added": (COMPATIBLE, "a new optional request field"),
    "open-request-field-removed": (COMPATIBLE, "a field was removed from an open request object"),
    "request-enum-widened": (COMPATIBLE, "a request accepts more values"),
    "request-constraint-relaxed": (COMPATIBLE, "a request limit accepts more values"),
    "request-alternative-added": (COMPATIBLE, "a request accepts a new oneOf/anyOf alternative"),
    "type-widened": (COMPATIBLE, "a request accepts more types"),
    "response-added": (COMPATIBLE, "a new documented response status"),
    "response-header-added": (COMPATIBLE, "a new response header"),
    "response-field-added": (COMPATIBLE, "a new response field (clients ignore unknown fields)"),
    "response-enum-narrowed": (COMPATIBLE, "a response carries fewer values"),
    "open-response-enum-widened": (
        COMPATIBLE,
        "an open response enum (anyOf the enum and any string) lists a new value: clients already accept it",
    ),
    "response-alternative-removed": (COMPATIBLE, "a response no longer uses a oneOf/anyOf alternative"),
    "type-narrowed": (COMPATIBLE, "a response uses fewer types"),
}


# --------------------------------------------------------------------------- results


@dataclass
class Finding:
    """One difference: its severity, rule name, where it is, what changed, who is affected."""

    severity: str
    rule: str
    location: str
    message: str
    used_by: list[str] = field(default_factory=list)

    def line(self) -> str:
        """The one-line form printed by the command."""
        text = f"{self.severity.upper():<10} {self.rule:<36} {self.location}: {self.message}"
        if self.location.startswith("#/components/") and self.used_by:
            shown = ", ".join(self.used_by[:USED_BY_SHOWN])
            more = len(self.used_by) - USED_BY_SHOWN
            text += f" [used by {shown}" + (f" and {more} more" if more > 0 else "") + "]"
        return text


@dataclass
class Report:
    """Everything the comparison found, and the version verdict."""

    findings: list[Finding]
    required_bump: str
    base_version: str
    head_version: str
    warnings: list[str]

    @property
    def breaking(self) -> list[Finding]:
        """The findings that break existing clients."""
        return [finding for finding in self.findings if finding.severity == BREAKING]

    def rules(self, severity: str = BREAKING) -> set[str]:
        """The distinct rule names of one severity (what the tests assert on)."""
        return {finding.rule for finding in self.findings if finding.severity == severity}


@dataclass(frozen=True)
class Where:
    """A location: an anchor (an operation or a component) plus a pointer below it."""

    anchor: str
    pointer: str
    operation: str

    def child(self, *tokens: str) -> Where:
        """The location one or more keys further down."""
        return Where(self.anchor, self.pointer + "".join(f"/{token}" for token in tokens), self.operation)

    def at(self, ref: str) -> Where:
        """The same operation, now inside the component a $ref points at."""
        return Where(ref, "", self.operation)

    def __str__(self) -> str:
        if self.anchor.startswith("#") or not self.pointer:
            return self.anchor + self.pointer
        return f"{self.anchor}#{self.pointer}"


# --------------------------------------------------------------------------- schemas


def _json_key(value: Any) -> str:
    return json.dumps(value, sort_keys=True)


def _types(schema: dict[str, Any]) -> set[str] | None:
    declared = schema.get("type")
    if declared is None:
        return None
    return set(declared) if isinstance(declared, list) else {str(declared)}


def _covers(outer: set[str], inner: set[str]) -> bool:
    """Every type in inner is allowed by outer (an integer is a number)."""
    return all(kind in outer or (kind == "integer" and "number" in outer) for kind in inner)


def _enum(schema: dict[str, Any]) -> dict[str, Any] | None:
    if "const" in schema:
        return {_json_key(schema["const"]): schema["const"]}
    if isinstance(schema.get("enum"), list):
        return {_json_key(value): value for value in schema["enum"]}
    return None


def _names(values: list[Any]) -> str:
    return ", ".join(json.dumps(value) for value in values)


def _number(value: Any) -> float | None:
    """A numeric keyword's value, or None when absent (booleans are not numbers here)."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return value
    return None


def _serialization(parameter: dict[str, Any]) -> str:
    """A parameter's effective style, explode and allowReserved, with OpenAPI's defaults filled in."""
    style = parameter.get("style") or ("form" if parameter.get("in") in ("query", "cookie") else "simple")
    explode = bool(parameter.get("explode", style == "form"))
    reserved = bool(parameter.get("allowReserved", False))
    return f"style={style} explode={str(explode).lower()} allowReserved={str(reserved).lower()}"


class Comparison:
    """Compares two parsed documents and collects findings."""

    def __init__(self, base: dict[str, Any], head: dict[str, Any]) -> None:
        self.base = base
        self.head = head
        self._findings: dict[tuple[str, str, str, str], Finding] = {}

    # ---- bookkeeping

    def add(self, rule: str, where: Where, message: str) -> None:
        """Record a finding, merging repeats of the same finding reached from other operations."""
        severity = RULES[rule][0]
        key = (severity, rule, str(where), message)
        finding = self._findings.get(key)
        if finding is None:
            finding = self._findings[key] = Finding(severity, rule, str(where), message)
        if where.operation and where.operation not in finding.used_by:
            finding.used_by.append(where.operation)

    def findings(self) -> list[Finding]:
        """Breaking findings first, each group in document order."""
        found = list(self._findings.values())
        return [f for f in found if f.severity == BREAKING] + [f for f in found if f.severity != BREAKING]

    # ---- resolution

    @staticmethod
    def resolve(document: dict[str, Any], node: Any, where: Where) -> tuple[Any, Where, str | None]:
        """Follow $refs; return the target, the location re-anchored at it, and the last ref."""
        target, refs = fastn_spec.follow(document, node, str(where))
        if not refs:
            return target, where, None
        return target, where.at(refs[-1]), refs[-1]

    @staticmethod
    def _alternatives(schema: dict[str, Any], original: Any) -> list[Any]:
        """The oneOf/anyOf branches, or the schema itself as the only one (keeping its $ref name)."""
        for keyword in ("oneOf", "anyOf"):
            if isinstance(schema.get(keyword), list):
                return list(schema[keyword])
        return [original]

    def _alternative_name(self, document: dict[str, Any], node: Any, index: int) -> str:
        """How a branch is matched across versions: its component name, else its JSON type."""
        if isinstance(node, dict) and isinstance(node.get("$ref"), str):
            return str(node["$ref"]).rsplit("/", 1)[-1]
        resolved = fastn_spec.merge_all_of(document, node)
        kinds = _types(resolved)
        if kinds:
            return " or ".join(sorted(kinds))
        if "const" in resolved:
            return json.dumps(resolved["const"])
        return f"alternative {index + 1}"

    # ---- the recursive schema comparison

    def schema(
        self,
        base: Any,
        head: Any,
        request: bool,
        where: Where,
        stack: frozenset[tuple[str, str, bool]] = frozenset(),
        *,
        open_values: bool = False,
    ) -> None:
        """Compare two schemas in one direction (request: head must accept all base accepted).

        ``open_values``: the schemas are the enum branch of an open enumeration (a sibling
        branch accepts any string on both sides), so a response value added to it is no surprise.
        """
        base_node, _, base_ref = self.resolve(self.base, base, where)
        head_node, head_where, head_ref = self.resolve(self.head, head, where)
        if base_ref and head_ref:
            where = head_where  # the same (or a renamed) component: report it there, once
        if base_ref or head_ref:
            pair = (base_ref or "", head_ref or "", request)
            if pair in stack:
                return  # this pair is already being compared further up: recursion
            stack = stack | {pair}
        old = fastn_spec.merge_all_of(self.base, base_node)
        new = fastn_spec.merge_all_of(self.head, head_node)

        base_alternatives = self._alternatives(old, base)
        head_alternatives = self._alternatives(new, head)
        if len(base_alternatives) > 1 or len(head_alternatives) > 1:
            self._compare_alternatives(base_alternatives, head_alternatives, request, where, stack)
            return

        self._compare_types(old, new, request, where)
        self._compare_enums(old, new, request, where, open_values=open_values)
        if request:
            self._compare_constraints(old, new, where)
        self._compare_properties(old, new, request, where, stack)
        if isinstance(old.get("items"), (dict, bool)) and isinstance(new.get("items"), (dict, bool)):
            self.schema(old["items"], new["items"], request, where.child("items"), stack)
        extra_base, extra_head = old.get("additionalProperties"), new.get("additionalProperties")
        if isinstance(extra_base, dict) and isinstance(extra_head, dict):
            self.schema(extra_base, extra_head, request, where.child("additionalProperties"), stack)

    def _compare_alternatives(
        self,
        base_alternatives: list[Any],
        head_alternatives: list[Any],
        request: bool,
        where: Where,
        stack: frozenset[tuple[str, str, bool]],
    ) -> None:
        base_named = {self._alternative_name(self.base, n, i): n for i, n in enumerate(base_alternatives)}
        head_named = {self._alternative_name(self.head, n, i): n for i, n in enumerate(head_alternatives)}
        open_values = (
            not request
            and self._any_string(self.base, base_alternatives, where)
            and self._any_string(self.head, head_alternatives, where)
        )
        for index, name in enumerate(name for name in base_named if name in head_named):
            self.schema(
                base_named[name],
                head_named[name],
                request,
                where.child("oneOf", str(index)),
                stack,
                open_values=open_values,
            )
        only_base = [name for name in base_named if name not in head_named]
        only_head = [name for name in head_named if name not in base_named]
        # Unmatched alternatives of the same JSON type are the same slot, edited (an inline
        # object moved to a component, say): compare them rather than report both.
        for name in list(only_base):
            kinds = _types(fastn_spec.merge_all_of(self.base, base_named[name]))
            twin = next(
                (
                    other
                    for other in only_head
                    if _types(fastn_spec.merge_all_of(self.head, head_named[other])) == kinds
                ),
                None,
            )
            if twin is not None:
                only_base.remove(name)
                only_head.remove(twin)
                self.schema(base_named[name], head_named[twin], request, where, stack)
        for name in only_base:
            if request:
                self.add("type-changed", where, f"no longer accepts {name}")
            else:
                self.add("response-alternative-removed", where, f"no longer returns {name}")
        for name in only_head:
            if request:
                self.add("request-alternative-added", where, f"now also accepts {name}")
            else:
                self.add("type-changed", where, f"may now return {name}")

    def _any_string(self, document: dict[str, Any], alternatives: list[Any], where: Where) -> bool:
        """Whether one of the alternatives accepts every string (an open enumeration's catch-all)."""
        for node in alternatives:
            flat = fastn_spec.merge_all_of(document, node)
            if _types(flat) == {"string"} and not (VALUE_KEYS | {"pattern", "format", "minLength"}) & set(flat):
                return True
        return False

    def _compare_types(self, old: dict[str, Any], new: dict[str, Any], request: bool, where: Where) -> None:
        base_types, head_types = _types(old), _types(new)
        if base_types == head_types:
            return
        before = " or ".join(sorted(base_types)) if base_types else "any type"
        after = " or ".join(sorted(head_types)) if head_types else "any type"
        accepting, accepted = (head_types, base_types) if request else (base_types, head_types)
        if accepting is None or (accepted is not None and _covers(accepting, accepted)):
            self.add("type-widened" if request else "type-narrowed", where, f"type {before} -> {after}")
        else:
            self.add("type-changed", where, f"type changed from {before} to {after}")

    def _compare_enums(
        self, old: dict[str, Any], new: dict[str, Any], request: bool, where: Where, *, open_values: bool = False
    ) -> None:
        base_values, head_values = _enum(old), _enum(new)
        if base_values is None and head_values is None:
            return
        at = where.child("enum")
        gained = [v for k, v in (head_values or {}).items() if base_values is not None and k not in base_values]
        lost = [v for k, v in (base_values or {}).items() if head_values is not None and k not in head_values]
        if request:
            if head_values is None:
                self.add("request-enum-widened", at, "any value now accepted")
            elif base_values is None:
                self.add("request-enum-narrowed", at, f"now restricted to {_names(list(head_values.values()))}")
            if lost:
                self.add("request-enum-narrowed", at, f"no longer accepts {_names(lost)}")
            if gained:
                self.add("request-enum-widened", at, f"now also accepts {_names(gained)}")
            return
        if base_values is None:
            self.add("response-enum-narrowed", at, f"now limited to {_names(list((head_values or {}).values()))}")
        elif head_values is None:
            self.add("response-enum-widened", at, "no longer limited to an enum")
        if gained:
            rule = "open-response-enum-widened" if open_values else "response-enum-widened"
            self.add(rule, at, f"may now return {_names(gained)}")
        if lost:
            self.add("response-enum-narrowed", at, f"no longer returns {_names(lost)}")

    def _compare_constraints(self, old: dict[str, Any], new: dict[str, Any], where: Where) -> None:
        """Request only: a limit that rejects a value the base accepted breaks clients."""
        tightened, relaxed = "request-constraint-tightened", "request-constraint-relaxed"
        for keyword, lower_is_tighter in [(k, True) for k in UPPER_BOUNDS] + [(k, False) for k in LOWER_BOUNDS]:
            before, after = _number(old.get(keyword)), _number(new.get(keyword))
            if before == after:
                continue
            at = where.child(keyword)
            if after is None:
                self.add(relaxed, at, f"{keyword} {before} removed")
            elif before is None:
                self.add(tightened, at, f"{keyword} {after} added")
            elif (after < before) == lower_is_tighter:
                verb = "lowered" if lower_is_tighter else "raised"
                self.add(tightened, at, f"{keyword} {verb} from {before} to {after}")
            else:
                self.add(relaxed, at, f"{keyword} {before} -> {after}")
        for keyword in ("pattern", "format"):
            before, after = old.get(keyword), new.get(keyword)
            if before == after:
                continue
            at = where.child(keyword)
            if after is None:
                self.add(relaxed, at, f"{keyword} {before!r} removed")
            elif before is None:
                self.add(tightened, at, f"{keyword} {after!r} added")
            else:
                self.add(tightened, at, f"{keyword} changed from {before!r} to {after!r}")
        step_before, step_after = _number(old.get("multipleOf")), _number(new.get("multipleOf"))
        if step_after is not None and step_before != step_after:
            at, message = where.child("multipleOf"), f"multipleOf {step_before} -> {step_after}"
            if step_before is None or (step_before / step_after) % 1 != 0:
                self.add(tightened, at, message)
            else:
                self.add(relaxed, at, message)
        if new.get("uniqueItems") is True and old.get("uniqueItems") is not True:
            self.add(tightened, where.child("uniqueItems"), "items must now be unique")
        if new.get("additionalProperties") is False and old.get("additionalProperties", True) is not False:
            self.add(tightened, where.child("additionalProperties"), "undeclared fields are now rejected")

    def _visible(self, document: dict[str, Any], schema: dict[str, Any], request: bool) -> dict[str, Any]:
        """Properties that travel in this direction (readOnly ones are never sent, writeOnly never returned)."""
        hidden = "readOnly" if request else "writeOnly"
        visible = {}
        for name, prop in schema.get("properties", {}).items():
            resolved, _, _ = self.resolve(document, prop, Where("", "", ""))
            if not (isinstance(resolved, dict) and fastn_spec.merge_all_of(document, resolved).get(hidden) is True):
                visible[name] = prop
        return visible

    def _compare_properties(
        self,
        old: dict[str, Any],
        new: dict[str, Any],
        request: bool,
        where: Where,
        stack: frozenset[tuple[str, str, bool]],
    ) -> None:
        base_props = self._visible(self.base, old, request)
        head_props = self._visible(self.head, new, request)
        base_required = set(old.get("required", []))
        head_required = set(new.get("required", []))
        if request:
            for name in head_props:
                at = where.child("properties", name)
                if name in head_required and name not in base_props:
                    self.add("required-request-field-added", at, f"new required field {name!r}")
                elif name in head_required and name not in base_required:
                    self.add("required-request-field-added", at, f"field {name!r} is now required")
                elif name not in base_props:
                    self.add("optional-request-field-added", at, f"new optional field {name!r}")
            for name in base_props:
                if name not in head_props:
                    at = where.child("properties", name)
                    if new.get("additionalProperties") is False:
                        self.add("request-field-removed", at, f"field {name!r} removed from a closed object")
                    else:
                        self.add("open-request-field-removed", at, f"field {name!r} removed (now ignored)")
        else:
            for name in base_props:
                at = where.child("properties", name)
                if name not in head_props:
                    self.add("response-field-removed", at, f"field {name!r} removed")
                elif name in base_required and name not in head_required:
                    self.add("response-field-no-longer-required", at, f"field {name!r} is no longer required")
            for name in head_props:
                if name not in base_props:
                    self.add("response-field-added", where.child("properties", name), f"new field {name!r}")
        for name in base_props:
            if name in head_props:
                self.schema(base_props[name], head_props[name], request, where.child("properties", name), stack)

    # ---- operations

    def operations(self, document: dict[str, Any]) -> dict[tuple[str, str], tuple[str, str, dict[str, Any]]]:
        """Operations keyed by (method, path with parameter names blanked), in document order."""
        return {
            (op.method, re.sub(r"\{[^}]*\}", "{}", op.path)): (op.path, op.method, dict(op.item))
            for op in fastn_spec.operations(document)
        }

    def compare(self) -> None:
        """Compare every operation and the security schemes."""
        base_ops, head_ops = self.operations(self.base), self.operations(self.head)
        for key, (path, method, base_item) in base_ops.items():
            name = f"{method.upper()} {path}"
            where = Where(name, "", name)
            if key not in head_ops:
                self.add("operation-removed", where, "operation removed")
                continue
            head_path, _, head_item = head_ops[key]
            self._operation(base_item, head_item, method, Where(f"{method.upper()} {head_path}", "", name))
        for key, (path, method, _) in head_ops.items():
            if key not in base_ops:
                name = f"{method.upper()} {path}"
                self.add("operation-added", Where(name, "", name), "new operation")

    def _operation(self, base_item: dict[str, Any], head_item: dict[str, Any], method: str, where: Where) -> None:
        old, new = base_item[method], head_item[method]
        if old.get("operationId") != new.get("operationId"):
            # Generated clients name their functions after it: renaming breaks every caller.
            message = f"operationId {old.get('operationId')!r} -> {new.get('operationId')!r}"
            self.add("operation-id-changed", where, message)
        if new.get("deprecated") and not old.get("deprecated"):
            self.add("operation-deprecated", where, "operation deprecated")
        self._security(old, new, where)
        self._parameters(base_item, head_item, method, where)
        self._request_body(old.get("requestBody"), new.get("requestBody"), where.child("requestBody"))
        self._responses(old.get("responses", {}), new.get("responses", {}), where.child("responses"))

    def _effective_security(self, document: dict[str, Any], operation: dict[str, Any]) -> list[frozenset[str]]:
        requirements = operation.get("security", document.get("security", []))
        return [frozenset(requirement) for requirement in requirements] or [frozenset()]

    def _security(self, old: dict[str, Any], new: dict[str, Any], where: Where) -> None:
        base_options = self._effective_security(self.base, old)
        head_options = self._effective_security(self.head, new)
        # Inherited on both sides: a change of the document-wide requirement, reported once.
        at = (
            where.child("security")
            if "security" in old or "security" in new
            else Where("#/security", "", where.operation)
        )
        for option in base_options:
            # A client satisfying this base option must still satisfy some head option.
            if not any(candidate <= option for candidate in head_options):
                needed = " or ".join("+".join(sorted(o)) or "none" for o in head_options)
                message = f"credentials {'+'.join(sorted(option)) or 'none'} no longer enough (needs {needed})"
                self.add("security-requirement-added", at, message)
        base_schemes = self.base.get("components", {}).get("securitySchemes", {})
        head_schemes = self.head.get("components", {}).get("securitySchemes", {})
        for name in sorted(set().union(*base_options) & set().union(*head_options)):
            before = {k: v for k, v in base_schemes.get(name, {}).items() if k not in DOC_KEYS}
            after = {k: v for k, v in head_schemes.get(name, {}).items() if k not in DOC_KEYS}
            changed = [
                f"{key} {before.get(key)!r} -> {after.get(key)!r}"
                for key in dict.fromkeys([*before, *after])
                if before.get(key) != after.get(key)
            ]
            if changed:
                scheme = Where(f"#/components/securitySchemes/{name}", "", where.operation)
                self.add("security-scheme-changed", scheme, "; ".join(changed))

    def _parameter_map(
        self, document: dict[str, Any], item: dict[str, Any], method: str
    ) -> dict[tuple[str, str], dict[str, Any]]:
        params: dict[tuple[str, str], dict[str, Any]] = {}
        for node in [*item.get("parameters", []), *item[method].get("parameters", [])]:
            resolved, _, _ = self.resolve(document, node, Where("", "", ""))
            location, name = resolved["in"], resolved["name"]
            params[(location, name.lower() if location == "header" else name)] = resolved
        return params

    def _parameters(self, base_item: dict[str, Any], head_item: dict[str, Any], method: str, where: Where) -> None:
        base_params = self._parameter_map(self.base, base_item, method)
        head_params = self._parameter_map(self.head, head_item, method)
        # Path parameters are positional on the wire: match them by position, not name.
        base_path = [key for key in base_params if key[0] == "path"]
        head_path = [key for key in head_params if key[0] == "path"]
        renames = dict(zip(base_path, head_path, strict=False))
        for key, before in base_params.items():
            head_key = renames.get(key, key)
            at = where.child("parameters", key[0], key[1])
            after = head_params.get(head_key)
            if after is None:
                self.add("parameter-removed", at, f"{key[0]} parameter {key[1]!r} removed")
                continue
            if head_key != key:
                self.add("path-parameter-renamed", at, f"renamed to {head_key[1]!r}")
            if after.get("required") and not before.get("required"):
                self.add("parameter-became-required", at, f"{key[0]} parameter {key[1]!r} is now required")
            old_style, new_style = _serialization(before), _serialization(after)
            if old_style != new_style:
                message = f"{old_style} -> {new_style}"
                self.add("parameter-serialization-changed", at, message)
            self.schema(before.get("schema", {}), after.get("schema", {}), True, at.child("schema"))
        matched = {renames.get(key, key) for key in base_params}
        for key, after in head_params.items():
            if key in matched:
                continue
            at = where.child("parameters", key[0], key[1])
            if after.get("required"):
                self.add("required-parameter-added", at, f"new required {key[0]} parameter {key[1]!r}")
            else:
                self.add("optional-parameter-added", at, f"new optional {key[0]} parameter {key[1]!r}")

    def _request_body(self, base: Any, head: Any, where: Where) -> None:
        old, _, _ = self.resolve(self.base, base, where)
        new, _, _ = self.resolve(self.head, head, where)
        if not old and not new:
            return
        if not old:
            rule = "required-request-body-added" if new.get("required") else "optional-request-body-added"
            self.add(rule, where, "request body added")
            return
        if not new:
            self.add("request-body-removed", where, "request body removed")
            return
        if new.get("required") and not old.get("required"):
            self.add("request-body-became-required", where, "request body is now required")
        for media, content in old.get("content", {}).items():
            at = where.child("content", media)
            if media not in new.get("content", {}):
                self.add("request-media-type-removed", at, f"{media} no longer accepted")
                continue
            self.schema(content.get("schema", {}), new["content"][media].get("schema", {}), True, at.child("schema"))
        for media in new.get("content", {}):
            if media not in old.get("content", {}):
                self.add("request-media-type-added", where.child("content", media), f"{media} accepted")

    def _responses(self, base: dict[str, Any], head: dict[str, Any], where: Where) -> None:
        for code, before in base.items():
            # A removed code still covered by a range (4XX) or default is compared with that.
            match = next((c for c in (code, f"{code[:1]}XX", "default") if c in head), None)
            at = where.child(code)
            if match is None:
                self.add("response-removed", at, f"response {code} removed")
                continue
            self._response(before, head[match], at)
        for code in head:
            if code not in base:
                self.add("response-added", where.child(code), f"new response {code}")

    def _response(self, base: Any, head: Any, where: Where) -> None:
        old, _, _ = self.resolve(self.base, base, where)
        new, _, _ = self.resolve(self.head, head, where)
        head_headers = {name.lower(): (name, value) for name, value in new.get("headers", {}).items()}
        for name, before_node in old.get("headers", {}).items():
            at = where.child("headers", name)
            if name.lower() == "content-type":
                continue
            if name.lower() not in head_headers:
                self.add("response-header-removed", at, f"header {name} removed")
                continue
            before, _, _ = self.resolve(self.base, before_node, at)
            after, _, _ = self.resolve(self.head, head_headers[name.lower()][1], at)
            if before.get("required") and not after.get("required"):
                self.add("response-header-no-longer-required", at, f"header {name} is no longer required")
            self.schema(before.get("schema", {}), after.get("schema", {}), False, at.child("schema"))
        base_header_names = {name.lower() for name in old.get("headers", {})}
        for lowered, (name, _) in head_headers.items():
            if lowered not in base_header_names:
                self.add("response-header-added", where.child("headers", name), f"new header {name}")
        for media, content in old.get("content", {}).items():
            at = where.child("content", media)
            if media not in new.get("content", {}):
                self.add("response-media-type-removed", at, f"{media} no longer returned")
                continue
            self.schema(content.get("schema", {}), new["content"][media].get("schema", {}), False, at.child("schema"))


# --------------------------------------------------------------------------- versions


def strip_docs(node: Any, name_map: bool = False) -> Any:
    """The document without its documentation-only keys (to tell doc-only edits apart)."""
    if isinstance(node, list):
        return [strip_docs(item) for item in node]
    if not isinstance(node, dict):
        return node
    if name_map:
        return {key: strip_docs(value) for key, value in node.items()}
    return {
        key: value if key in VALUE_KEYS else strip_docs(value, key in NAME_MAP_KEYS)
        for key, value in node.items()
        if key not in DOC_KEYS
    }


def _without_version(document: dict[str, Any]) -> dict[str, Any]:
    info = {key: value for key, value in document.get("info", {}).items() if key != "version"}
    return {**document, "info": info}


def required_bump(base: dict[str, Any], head: dict[str, Any], findings: list[Finding]) -> str:
    """major for a breaking change, minor for any other contract change, patch for docs only."""
    if any(finding.severity == BREAKING for finding in findings):
        return "major"
    base_doc, head_doc = _without_version(base), _without_version(head)
    if findings or strip_docs(base_doc) != strip_docs(head_doc):
        return "minor"
    if base_doc != head_doc:
        return "patch"
    return "none"


def _semver(version: str) -> tuple[int, int, int] | None:
    match = SEMVER.match(version)
    return (int(match[1]), int(match[2]), int(match[3])) if match else None


def version_warnings(base_version: str, head_version: str, needed: str) -> list[str]:
    """Why info.version does not match the change, if it does not."""
    base, head = _semver(base_version), _semver(head_version)
    if base is None or head is None:
        bad = base_version if base is None else head_version
        return [f"info.version {bad!r} is not a semantic version (MAJOR.MINOR.PATCH)"]
    if head < base:
        return [f"info.version went backwards: {base_version} -> {head_version}"]
    done = "major" if head[0] > base[0] else "minor" if head[1] > base[1] else "patch" if head[2] > base[2] else "none"
    if BUMPS.index(done) >= BUMPS.index(needed):
        return []
    minimum = {
        "major": f"{base[0] + 1}.0.0",
        "minor": f"{base[0]}.{base[1] + 1}.0",
        "patch": f"{base[0]}.{base[1]}.{base[2] + 1}",
    }[needed]
    bumped = "unchanged" if done == "none" else f"a {done} bump"
    return [
        f"info.version {base_version} -> {head_version} is {bumped}, but this change needs a {needed} bump "
        f"(at least {minimum}); bump it and add a CHANGELOG.md entry"
    ]


def compare(base: dict[str, Any], head: dict[str, Any]) -> Report:
    """Compare two OpenAPI documents: findings, the bump they need, and version warnings."""
    comparison = Comparison(base, head)
    comparison.compare()
    findings = comparison.findings()
    needed = required_bump(base, head, findings)
    base_version = str(base.get("info", {}).get("version", ""))
    head_version = str(head.get("info", {}).get("version", ""))
    warnings = version_warnings(base_version, head_version, needed) if needed != "none" else []
    return Report(findings, needed, base_version, head_version, warnings)


# --------------------------------------------------------------------------- command line


def _git(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    git = shutil.which("git")
    if git is None:
        raise SpecError("git is not installed; use --base-file to compare two files")
    return subprocess.run([git, *args], cwd=cwd, capture_output=True, text=True, check=False)


def ref_exists(ref: str, head_path: Path) -> bool:
    """Whether `ref` names a commit in the repository holding `head_path`."""
    return _git(["rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"], head_path.resolve().parent).returncode == 0


def load_base(ref: str, head_path: Path) -> tuple[dict[str, Any], str] | None:
    """The document at `ref` (same path as the head file) and its name, or None if absent there."""
    directory = head_path.resolve().parent
    top = _git(["rev-parse", "--show-toplevel"], directory)
    if top.returncode != 0:
        raise SpecError(f"{head_path} is not inside a git repository")
    if not ref_exists(ref, head_path):
        raise SpecError(f"unknown git ref {ref!r} (fetch it first, e.g. `git fetch origin main`)")
    relative = head_path.resolve().relative_to(Path(top.stdout.strip())).as_posix()
    shown = _git(["show", f"{ref}:{relative}"], directory)
    if shown.returncode != 0:
        return None
    return fastn_spec.load_text(shown.stdout, f"{ref}:{relative}"), f"{ref}:{relative}"


def _display(path: Path) -> str:
    try:
        return path.resolve().relative_to(Path.cwd()).as_posix()
    except ValueError:
        return str(path)


def _print_report(report: Report, base_name: str, head_name: str) -> None:
    print(f"breaking: {base_name} ({report.base_version}) -> {head_name} ({report.head_version})")
    for finding in report.findings:
        print(finding.line())
    breaking = len(report.breaking)
    compatible = len(report.findings) - breaking
    print(
        f"breaking: {breaking} breaking, {compatible} compatible change(s); version bump needed: {report.required_bump}"
    )
    sys.stdout.flush()  # keep the warnings after the report in a combined CI log
    for warning in report.warnings:
        print(f"warning: {warning}", file=sys.stderr)


def changelog_has(version: str, changelog: Path) -> bool:
    """Whether the changelog has a section for `version` (``## [1.2.0] - 2026-12-02``)."""
    if not changelog.is_file():
        return False
    heading = re.compile(rf"^## \[{re.escape(version)}\](?:\s|$)", re.MULTILINE)
    return heading.search(changelog.read_text(encoding="utf-8")) is not None


def gate(report: Report, changelog: Path) -> list[str]:
    """What keeps this change from release: an unbumped version, a missing changelog section."""
    if report.required_bump == "none":
        return []
    problems = list(report.warnings)
    if not changelog_has(report.head_version, changelog):
        problems.append(
            f"{changelog.name} has no section for {report.head_version}: add `## [{report.head_version}] - <date>` "
            f"describing this {report.required_bump} change"
        )
    return problems


def main(argv: list[str] | None = None) -> int:
    """Run the gate; see the module docstring for the exit codes."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--list-rules", action="store_true", help="print every rule with its severity and exit")
    source.add_argument("--base", metavar="REF", help="git ref holding the previous version (e.g. origin/main)")
    source.add_argument("--base-file", type=Path, metavar="PATH", help="previous version as a file")
    parser.add_argument("--head", type=Path, default=SPEC, metavar="PATH", help="new version (default: %(default)s)")
    rules = parser.add_mutually_exclusive_group()
    rules.add_argument("--strict-version", action="store_true", help="fail when info.version is not bumped enough")
    rules.add_argument(
        "--gate",
        action="store_true",
        help="release gate: pass a change (breaking too) that has the version bump and changelog section it needs",
    )
    parser.add_argument(
        "--changelog", type=Path, metavar="PATH", help="for --gate (default: CHANGELOG.md above the spec's folder)"
    )
    args = parser.parse_args(argv)
    if args.list_rules:
        for rule, (severity, meaning) in RULES.items():
            print(f"{severity:<10} {rule:<36} {meaning}")
        return 0
    try:
        head = fastn_spec.load(args.head)
        if args.base_file is not None:
            base, base_name = fastn_spec.load(args.base_file), str(args.base_file)
        else:
            if args.gate and not ref_exists(args.base, args.head):
                print(f"breaking: no git ref {args.base!r} here, so no release gate (fetch it to compare)")
                return 0
            loaded = load_base(args.base, args.head)
            if loaded is None:
                print(f"breaking: {args.base} has no {args.head.name}; nothing to compare against")
                return 0
            base, base_name = loaded
        report = compare(base, head)
    except SpecError as error:
        print(f"breaking: cannot compare: {error}", file=sys.stderr)
        return 2
    _print_report(report, base_name, _display(args.head))
    if args.gate:
        problems = gate(report, args.changelog or args.head.resolve().parent.parent / "CHANGELOG.md")
        for problem in problems:
            print(f"release gate: {problem}", file=sys.stderr)
        return 1 if problems else 0
    if report.breaking:
        return 1
    return 1 if (args.strict_version and report.warnings) else 0


if __name__ == "__main__":
    sys.exit(main())
