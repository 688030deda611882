"""Judge exchanges against the spec, element by element.

`Observer.observe` takes one `Exchange` and returns what it showed that the spec did not say:
contradictions of elements, and things the spec does not know (an unknown field, enumeration
value, header or status). Along the way it counts the confirmations. Each element answers for
what it says itself, and nothing more:

| kind | confirmed by | contradicted by |
| --- | --- | --- |
| operation | a documented 2xx | 405 or 501, or 404 on a path with no id in it (no such route) |
| status | being answered | never (a status not listed is *unknown*) |
| parameter | a schema-valid value sent and answered 2xx | an ``Idempotency-Key`` not honoured (the probe) |
| key scheme | an answer other than 401 to a request carrying it | 401 to every request carrying it |
| other scheme | a 2xx to a request carrying it | never |
| header | present and valid on an answer that documents it | a required one absent, or an invalid value |
| schema | an instance of the right type | an instance of another type |
| field | present with a valid value of the right type | a required field absent, or a value its schema refuses |
| enum value | seen in an answer | never (a value not listed is *unknown*) |

Bodies are judged by walking the response schema as written (references followed, so a field
of ``Workflow`` is blamed as ``Workflow.createdAt`` wherever a workflow appears), one level at
a time: an object's fields, an array's items, the branch of an ``anyOf`` the value matches.
Only leaves are validated, with the mock's validator (`fastn_mock._schema.make_validator`: the
project's one JSON Schema validator, formats and ECMA patterns included), so a contradiction
lands on the deepest element that is wrong. An open enumeration (``anyOf: [Enum,
UnlistedValue]``) confirms the listed value it got, and reports any other as unknown.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Final

import fastn_spec
from fastn_mock._schema import make_validator

from .elements import Index
from .exchanges import Exchange

UNLISTED: Final = "#/components/schemas/UnlistedValue"
KEY_SCHEMES: Final = frozenset({"ApiKeyAuth", "BearerAuth"})
"""Schemes that authenticate: a 401 to every request carrying one contradicts it. Not `CustomAuthToken`:
a flow's custom-auth token is checked by that flow, so a 401 elsewhere (or for a made-up token) proves
nothing against the scheme; it is confirmed by a 2xx like the optional headers."""
GENERIC_HEADERS: Final = frozenset(
    {
        "accept-ranges",
        "access-control-allow-credentials",
        "access-control-allow-headers",
        "access-control-allow-methods",
        "access-control-allow-origin",
        "access-control-expose-headers",
        "access-control-max-age",
        "age",
        "allow",
        "alt-svc",
        "cache-control",
        "connection",
        "content-encoding",
        "content-length",
        "content-type",
        "date",
        "etag",
        "expires",
        "keep-alive",
        "last-modified",
        "pragma",
        "server",
        "set-cookie",
        "strict-transport-security",
        "transfer-encoding",
        "vary",
        "via",
        "x-content-type-options",
        "x-frame-options",
        "x-request-id",
        "x-xss-protection",
    }
)
"""Headers that belong to HTTP or its infrastructure, not to this API: never reported as unknown."""
MAX_EXAMPLES: Final = 3
"""Observations kept per contradicted element or unknown thing (the first ones; the rest are counted)."""
MAX_OBSERVED: Final = 200


def observed(value: Any) -> str:
    """A short, printable form of an observed value."""
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= MAX_OBSERVED else text[: MAX_OBSERVED - 1] + "…"


@dataclass(frozen=True)
class Observation:
    """One sighting: what was seen, why it matters, and which request showed it."""

    observed: str
    message: str
    request_id: str
    operation: str
    exchange: int
    """The exchange's number in this observer (1-based): a request id the service did not give."""
    at: str = ""
    """Where in the answer: ``body/data/0/createdAt`` (a JSON pointer under ``body``), ``header/<name>``, ``status``."""


@dataclass(frozen=True)
class Finding:
    """A contradiction of an element, or something the spec does not know."""

    verdict: str
    """``contradicted`` or ``unknown``."""
    kind: str
    where: str
    """The element's pointer; for an unknown thing, the pointer of what should have listed it."""
    name: str
    observation: Observation


@dataclass
class Tally:
    """What the exchanges showed about one element (or one unknown thing)."""

    confirmed: int = 0
    confirmed_by: str = ""
    sent: int = 0
    """Times the element was exercised without a verdict (e.g. a parameter answered 4xx)."""
    contradicted: int = 0
    examples: list[Observation] = field(default_factory=list)

    def note(self, observation: Observation) -> None:
        self.contradicted += 1
        if len(self.examples) < MAX_EXAMPLES:
            self.examples.append(observation)


@dataclass(frozen=True)
class Unknown:
    """Something the service sent that the spec does not list."""

    kind: str
    """``field``, ``enum value``, ``header`` or ``status``."""
    where: str
    name: str
    value: str


@dataclass
class _Route:
    method: str
    pattern: re.Pattern[str]
    op: fastn_spec.Operation
    pointer: str
    has_path_ids: bool


_COMPILED: list[tuple[Mapping[str, Any], Index, dict[str, Any]]] = []
"""The index and inlined form of the last documents judged (a few): building them takes most of a second."""


def _compiled(document: Mapping[str, Any]) -> tuple[Index, dict[str, Any]]:
    """The element index and the dereferenced form of ``document``, shared by observers of the same object."""
    for known, index, inlined in _COMPILED:
        if known is document:
            return index, inlined
    index, inlined = Index(document), fastn_spec.dereference(document).document
    _COMPILED[:] = [*_COMPILED[-3:], (document, index, inlined)]
    return index, inlined


def _route_pattern(template: str) -> re.Pattern[str]:
    parts = re.split(r"(\{[^}]+\})", template)
    return re.compile("".join("[^/]+" if p.startswith("{") else re.escape(p) for p in parts) + "/?")


def _is_2xx(status: int) -> bool:
    return 200 <= status < 300


class Observer:
    """Judges exchanges against one document and keeps the tallies a report is made of."""

    def __init__(self, document: Mapping[str, Any], *, base_path: str = "") -> None:
        self.document = document
        self.index, self.inlined = _compiled(document)
        self.base_path = base_path.rstrip("/")
        self.tallies: dict[str, Tally] = {}
        self.unknowns: dict[Unknown, Tally] = {}
        self.exchanges = 0
        self.unmatched = 0
        self.not_judged = 0
        self.probes: list[dict[str, Any]] = []
        self._routes = [
            _Route(
                op.method.upper(),
                _route_pattern(op.path),
                op,
                fastn_spec.join("#/paths", op.path, op.method),
                "{" in op.path,
            )
            for op in fastn_spec.operations(document)
        ]
        self._routes.sort(key=lambda r: r.op.path.count("{"))  # literal segments win over ids
        schemes = document.get("components", {}).get("securitySchemes", {})
        self._schemes = {name: fastn_spec.resolve(document, s) for name, s in schemes.items()}
        # Per exchange: where it stands while being judged.
        self._current: tuple[Exchange, str, int] | None = None
        self._path: list[str] = []
        """Where in the body the judgement stands (JSON pointer tokens)."""
        self._findings: list[Finding] = []

    # ------------------------------------------------------------------ bookkeeping

    def tally(self, pointer: str) -> Tally:
        return self.tallies.setdefault(pointer, Tally())

    def _observation(self, value: Any, message: str, at: str | None = None) -> Observation:
        assert self._current is not None
        exchange, operation, number = self._current
        where = at if at is not None else "/".join(["body", *self._path])
        return Observation(observed(value), message, exchange.request_id(), operation, number, where)

    def confirm(self, pointer: str) -> None:
        if pointer not in self.index:
            return
        tally = self.tally(pointer)
        tally.confirmed += 1
        if not tally.confirmed_by and self._current is not None:
            exchange, _, number = self._current
            tally.confirmed_by = exchange.request_id() or f"#{number}"

    def exercise(self, pointer: str) -> None:
        if pointer in self.index:
            self.tally(pointer).sent += 1

    def contradict(self, pointer: str, value: Any, message: str, *, at: str | None = None) -> None:
        element = self.index.elements.get(pointer)
        kind, name = (element.kind, element.name) if element else ("schema", pointer)
        observation = self._observation(value, message, at)
        self.tally(pointer).note(observation)
        self._findings.append(Finding("contradicted", kind, pointer, name, observation))

    def unknown(self, kind: str, where: str, name: str, value: Any, message: str, *, at: str | None = None) -> None:
        key = Unknown(kind, where, name, observed(value))
        observation = self._observation(value, message, at)
        self.unknowns.setdefault(key, Tally()).note(observation)
        self._findings.append(Finding("unknown", kind, where, name, observation))

    def key_scheme_refused(self, pointer: str) -> bool:
        """An authenticating scheme that was carried and answered 401 every time: the service does not take it."""
        name = pointer.rsplit("/", 1)[-1]
        tally = self.tallies.get(pointer)
        return (
            name in KEY_SCHEMES
            and pointer.startswith("#/components/securitySchemes/")
            and tally is not None
            and tally.confirmed == 0
            and tally.sent > 0
        )

    # ------------------------------------------------------------------ one exchange

    def observe(self, exchange: Exchange) -> list[Finding]:
        """Judge one exchange; return its contradictions and unknowns (also kept for the report)."""
        self.exchanges += 1
        route = self._route(exchange.method, exchange.path)
        if route is None:
            self.unmatched += 1
            return []
        self._current = (exchange, route.op.id, self.exchanges)
        self._findings = []
        self._path = []
        try:
            self._judge(exchange, route)
        finally:
            self._current = None
        return self._findings

    def _route(self, method: str, path: str) -> _Route | None:
        if self.base_path and path.startswith(self.base_path):
            path = path[len(self.base_path) :] or "/"
        return next((r for r in self._routes if r.method == method.upper() and r.pattern.fullmatch(path)), None)

    def operation_of(self, method: str, path: str) -> str:
        """The operationId a request goes to (empty when it matches none)."""
        route = self._route(method, path)
        return route.op.id if route else ""

    def _judge(self, exchange: Exchange, route: _Route) -> None:
        status = exchange.status
        responses = route.op.body.get("responses", {})
        key = next((k for k in (str(status), f"{status // 100}XX", "default") if k in responses), None)
        if status in (405, 501) or (status == 404 and not route.has_path_ids):
            self.contradict(route.pointer, status, f"answered {status}: the service has no such operation", at="status")
        elif _is_2xx(status) and key is not None:
            self.confirm(route.pointer)
        else:
            self.exercise(route.pointer)
        self._security(exchange, route)
        self._parameters(exchange, route)
        if key is None:
            label = f"{route.op.id} {status}"
            self.unknown("status", route.pointer, label, status, "a status the operation does not list", at="status")
            return
        status_pointer = fastn_spec.join(route.pointer, "responses", key)
        self.confirm(status_pointer)
        response, refs = fastn_spec.follow(self.document, responses[key], status_pointer)
        self._headers(exchange, response, route.pointer)
        if exchange.body_too_long:
            self.not_judged += 1
            return
        media = (response.get("content") or {}).get("application/json")
        if isinstance(media, Mapping) and "schema" in media:
            where = fastn_spec.join(refs[-1] if refs else status_pointer, "content", "application/json", "schema")
            ok, body = exchange.response_json()
            if not ok:
                self.contradict(
                    self._site(media["schema"], where), exchange.response_body or "", "the body is not JSON"
                )
                return
            self.value(media["schema"], where, body, self._site(media["schema"], where))

    # ------------------------------------------------------------------ request side

    def _security(self, exchange: Exchange, route: _Route) -> None:
        requirements = route.op.body.get("security", self.document.get("security")) or []
        names = {name for requirement in requirements for name in requirement}
        for name in sorted(names):
            scheme = self._schemes.get(name, {})
            pointer = fastn_spec.join("#/components/securitySchemes", name)
            if scheme.get("type") == "http":
                value = exchange.request_header("authorization") or ""
                carried = value.lower().startswith(str(scheme.get("scheme", "")).lower() + " ")
            elif str(scheme.get("name", "")).lower() == "authorization":
                # A raw custom-auth token (`CustomAuthToken`) shares the header with the bearer scheme, whose
                # value is redacted whole: it is this scheme's only beside `x-fastn-custom-auth: true`.
                flag = (exchange.request_header("x-fastn-custom-auth") or "").strip().lower()
                carried = bool(exchange.request_header("authorization")) and flag == "true"
            else:
                carried = bool(exchange.request_header(str(scheme.get("name", ""))))
            if not carried:
                continue
            if name in KEY_SCHEMES:
                # Judged at the end (`key_scheme_refused`): refused only if no request carrying it got in.
                if exchange.status == 401:
                    tally = self.tally(pointer)
                    tally.sent += 1
                    if len(tally.examples) < MAX_EXAMPLES:
                        tally.examples.append(self._observation(401, "answered 401 to a request carrying it"))
                else:
                    self.confirm(pointer)
            elif _is_2xx(exchange.status):
                self.confirm(pointer)
            else:
                self.exercise(pointer)

    def _parameters(self, exchange: Exchange, route: _Route) -> None:
        shared = route.op.item.get("parameters", [])
        for i, raw in enumerate([*shared, *route.op.body.get("parameters", [])]):
            param, refs = fastn_spec.follow(self.document, raw)
            pointer = refs[-1] if refs else fastn_spec.join(route.pointer, "parameters", i)
            place, name = param.get("in"), str(param.get("name", ""))
            if place == "header":
                value = exchange.request_header(name)
            elif place == "query":
                value = next((v for k, v in exchange.query if k == name), None)
            else:
                value = "" if place == "path" else None
            if value is None:
                continue
            if _is_2xx(exchange.status) and (place == "path" or self._valid_text(pointer, param, value)):
                self.confirm(pointer)
            else:
                self.exercise(pointer)

    def _valid_text(self, pointer: str, holder: Mapping[str, Any], text: str) -> bool:
        """Whether a header or query value, read as its schema's type, is valid."""
        schema = fastn_spec.lookup(self.inlined, pointer).get("schema", {})
        value = _typed(text, schema)
        return not any(True for _ in make_validator(schema).iter_errors(value))

    # ------------------------------------------------------------------ response headers

    def _headers(self, exchange: Exchange, response: Mapping[str, Any], operation: str) -> None:
        declared: set[str] = set()
        for name, raw in (response.get("headers") or {}).items():
            declared.add(name.lower())
            header, refs = fastn_spec.follow(self.document, raw)
            pointer = refs[-1] if refs else ""
            value = exchange.response_header(name)
            if value is None:
                if header.get("required"):
                    self.contradict(pointer, "absent", f"the required header {name} is missing", at=f"header/{name}")
                continue
            if self._valid_text(pointer, header, value) if pointer else True:
                self.confirm(pointer)
            else:
                self.contradict(pointer, value, f"{name} is not what its schema allows", at=f"header/{name}")
        for name, value in exchange.response_headers:
            if name not in declared and name not in GENERIC_HEADERS:
                note = f"a header the response does not document ({value[:40]})"
                self.unknown("header", operation, name, name, note, at=f"header/{name}")

    # ------------------------------------------------------------------ bodies

    def _site(self, node: Any, where: str) -> str:
        """Where a value described by ``node`` (at ``where``) is blamed: a referenced schema's own pointer."""
        _, refs = fastn_spec.follow(self.document, node, where)
        return refs[-1] if refs else where

    def value(self, node: Any, where: str, instance: Any, site: str, *, whole: bool = True) -> bool:
        """Judge ``instance`` against the schema ``node`` written at ``where``; blame ``site``. True when valid.

        ``whole`` is false for a branch of an ``allOf``: the branch declares only part of the
        object's fields, so fields it does not declare are the ``allOf``'s to report, not its own.
        """
        schema, refs = fastn_spec.follow(self.document, node, where)
        at = refs[-1] if refs else where
        if "allOf" in schema:
            verdicts = [
                self.value(sub, fastn_spec.join(at, "allOf", i), instance, site, whole=False)
                for i, sub in enumerate(schema["allOf"])
            ]
            if whole and isinstance(instance, Mapping):
                declared = self._declared(schema, at)
                if declared is not None:
                    self._undeclared(at, instance, declared)
            return all(verdicts) and self._own(schema, at, instance, site, nested=True, whole=whole)
        for keyword in ("anyOf", "oneOf"):
            if keyword in schema:
                return self._branches(schema, keyword, at, instance, site)
        return self._own(schema, at, instance, site, nested=False, whole=whole)

    def _declared(self, schema: Mapping[str, Any], at: str) -> set[str] | None:
        """The fields an object schema declares, through its ``allOf`` branches; None if it takes any field."""
        names = set(schema.get("properties") or ())
        extra = schema.get("additionalProperties")
        if extra is True or isinstance(extra, Mapping):
            return None
        for i, sub in enumerate(schema.get("allOf") or ()):
            branch, refs = fastn_spec.follow(self.document, sub, fastn_spec.join(at, "allOf", i))
            found = self._declared(branch, refs[-1] if refs else fastn_spec.join(at, "allOf", i))
            if found is None:
                return None
            names |= found
        return names if names else None  # an object that declares no field is a free-form map

    def _branches(self, schema: Mapping[str, Any], keyword: str, at: str, instance: Any, site: str) -> bool:
        branches = [fastn_spec.join(at, keyword, i) for i in range(len(schema[keyword]))]
        targets = [self._site(sub, where) for sub, where in zip(schema[keyword], branches, strict=True)]
        for sub, where, target in zip(schema[keyword], branches, targets, strict=True):
            if not self._fits(where, instance):
                continue
            if target == UNLISTED:
                # An open enumeration: a value its enum does not list is valid, and unknown.
                enum = next((t for t in targets if t != UNLISTED), at)
                name = enum.rsplit("/", 1)[-1]
                self.unknown("enum value", enum, name, instance, f"{name} does not list this value")
                self.confirm(site)
                return True
            return self.value(sub, where, instance, site)
        self.contradict(site, instance, f"matches none of the {len(branches)} forms the spec allows")
        return False

    def _fits(self, pointer: str, instance: Any) -> bool:
        schema = fastn_spec.lookup(self.inlined, pointer)
        return not any(True for _ in make_validator(schema).iter_errors(instance))

    def _own(self, schema: Mapping[str, Any], at: str, instance: Any, site: str, *, nested: bool, whole: bool) -> bool:
        """The schema's own keywords: type and, for containers, what is inside; leaves fully validated."""
        types = schema.get("type")
        allowed = set(types) if isinstance(types, list) else {types} if isinstance(types, str) else set()
        if instance is None and "null" in allowed:
            self.confirm(site)
            return True
        properties = schema.get("properties")
        if "object" in allowed or isinstance(properties, Mapping):
            if not isinstance(instance, Mapping):
                self.contradict(site, instance, "expected an object")
                return False
            self.confirm(site)
            self.confirm(at)  # a field holding a named schema: the schema is seen too
            return self._object(schema, at, instance, whole=whole)
        if "array" in allowed or "items" in schema:
            if not isinstance(instance, list):
                self.contradict(site, instance, "expected an array")
                return False
            self.confirm(site)
            items = schema.get("items")
            ok = True
            if isinstance(items, Mapping):
                where = fastn_spec.join(at, "items")
                for i, item in enumerate(instance):
                    self._path.append(str(i))
                    ok = self.value(items, where, item, self._site(items, where)) and ok
                    self._path.pop()
            return ok
        if nested and not allowed and "enum" not in schema:
            return True  # a bare allOf wrapper: its branches said it all
        errors = list(make_validator(fastn_spec.lookup(self.inlined, at)).iter_errors(instance))
        if errors:
            self.contradict(site, instance, errors[0].message)
            return False
        self.confirm(site)
        if isinstance(schema.get("enum"), list) and instance in schema["enum"]:
            self.confirm(fastn_spec.join(at, "enum", schema["enum"].index(instance)))
        return True

    def _object(self, schema: Mapping[str, Any], at: str, instance: Mapping[str, Any], *, whole: bool) -> bool:
        properties: Mapping[str, Any] = schema.get("properties") or {}
        required = set(schema.get("required") or ())
        ok = True
        for name, sub in properties.items():
            where = fastn_spec.join(at, "properties", name)
            self._path.append(fastn_spec.escape(name))
            if name in instance:
                ok = self.value(sub, where, instance[name], where) and ok
            elif name in required:
                self.contradict(where, "absent", f"the required field {name} is missing")
                ok = False
            self._path.pop()
        extra = schema.get("additionalProperties", True)
        if isinstance(extra, Mapping):
            where = fastn_spec.join(at, "additionalProperties")
            for name, item in instance.items():
                if name not in properties:
                    self._path.append(fastn_spec.escape(str(name)))
                    ok = self.value(extra, where, item, at) and ok
                    self._path.pop()
        elif extra is False:
            for name in instance:
                if name not in properties:
                    self.contradict(at, name, f"{name} is not a field of this closed object", at=self._here(name))
                    ok = False
        elif whole and properties:  # an open object: a field it does not declare is news, not an error
            self._undeclared(at, instance, set(properties))
        return ok

    def _here(self, name: str) -> str:
        return "/".join(["body", *self._path, fastn_spec.escape(str(name))])

    def _undeclared(self, at: str, instance: Mapping[str, Any], declared: set[str]) -> None:
        label = self.index.elements[at].name if at in self.index else at
        for name in instance:
            if name not in declared:
                note = "a field the spec does not declare"
                self.unknown("field", at, f"{label}.{name}", name, note, at=self._here(str(name)))

    # ------------------------------------------------------------------ probes

    def record_probe(self, name: str, pointer: str, verdict: str, detail: str, request_ids: Iterable[str]) -> None:
        """A probe's verdict on one element: ``honoured`` confirms it, ``ignored`` contradicts it, else nothing."""
        ids = [i for i in request_ids if i]
        self.probes.append({"name": name, "element": pointer, "verdict": verdict, "detail": detail, "requestIds": ids})
        tally = self.tally(pointer)
        if verdict == "honoured":
            tally.confirmed += 1
            tally.confirmed_by = tally.confirmed_by or (ids[0] if ids else "")
        elif verdict == "ignored":
            tally.note(Observation(verdict, detail, ids[-1] if ids else "", name, 0))


def _typed(text: str, schema: Mapping[str, Any]) -> Any:
    """A header or query string read as the type its schema names (integers, numbers, booleans)."""
    types = schema.get("type")
    allowed = set(types) if isinstance(types, list) else {types}
    if allowed & {"integer", "number"}:
        try:
            return int(text) if re.fullmatch(r"-?\d+", text) else float(text)
        except ValueError:
            return text
    if "boolean" in allowed and text in ("true", "false"):
        return text == "true"
    return text
