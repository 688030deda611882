"""The spec's elements that a run can confirm or contradict, with the evidence each rests on.

Every node carrying ``x-fastn-evidence`` is an element: operations, parameters, response
headers, security schemes, schemas, fields, responses. Three kinds are added because a run
judges them one by one:

* every **field** (a ``properties`` entry of any schema), with its own mark or, when it has
  none, the mark of the nearest marked node above it (``evidence_from`` says which);
* every **enum value**: ``inferred`` when listed in its schema's ``x-fastn-inferred-values``,
  else its schema's evidence;
* every documented **status** of every operation: the response's own mark when the response
  has one, else the operation's.

An element is named by its JSON pointer in the document (``#/components/schemas/Workflow/
properties/createdAt``), so a report can be joined with ``make evidence`` and the spec itself.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any, Final

import fastn_spec

EVIDENCE: Final = "x-fastn-evidence"
VERIFY: Final = "x-fastn-verify"
KINDS: Final = (
    "operation",
    "parameter",
    "header",
    "security scheme",
    "response",
    "status",
    "schema",
    "field",
    "enum value",
)


@dataclass(frozen=True)
class Element:
    """One thing the spec says, where it says it, and what it rests on."""

    pointer: str
    kind: str
    name: str
    """Readable: ``GET /api/v1/billing``, ``Workflow.createdAt``, ``X-RateLimit-Limit``, ``WorkflowStatus = active``."""
    evidence: str
    """``seed``, ``docs``, ``sdk`` or ``inferred``."""
    evidence_from: str
    """The pointer of the node whose mark this element inherits (its own pointer when it has one)."""
    verify: str = ""
    operation: str = ""
    """The operationId, for operations and statuses."""


def _tokens(pointer: str) -> list[str]:
    return [t.replace("~1", "/").replace("~0", "~") for t in pointer[2:].split("/")] if pointer != "#" else []


def _schema_name(pointer: str) -> str:
    """``Workflow.createdAt`` for ``#/components/schemas/Workflow/properties/createdAt``; nested fields dotted."""
    tokens = _tokens(pointer)
    if tokens[:2] == ["components", "schemas"]:
        head, rest = tokens[2], tokens[3:]
    else:
        head, rest = pointer, tokens
    fields = [rest[i + 1] for i, t in enumerate(rest[:-1]) if t == "properties"]
    if rest and rest[-1] == "items":
        fields.append("[]")
    return ".".join([head, *fields]) if tokens[:2] == ["components", "schemas"] else ".".join(fields) or pointer


class Index:
    """Every element of a document, by pointer, and the lookups a judge needs."""

    def __init__(self, document: Mapping[str, Any]) -> None:
        self.document = document
        self.elements: dict[str, Element] = {}
        self.header_names: dict[str, str] = {}
        """Pointer of a header object -> the header's name (from the responses that use it)."""
        self._marks: dict[str, tuple[str, str]] = {}
        for pointer, node in fastn_spec.walk(document):
            if isinstance(node, Mapping) and isinstance(node.get(EVIDENCE), str):
                self._marks[pointer] = (str(node[EVIDENCE]), str(node.get(VERIFY, "")))
        self._operations()
        self._marked()
        self._fields_and_values()

    # ------------------------------------------------------------------ inheritance

    def mark_of(self, pointer: str) -> tuple[str, str]:
        """The evidence and the pointer it comes from: the node's own mark, or its nearest marked ancestor's."""
        tokens = _tokens(pointer)
        for end in range(len(tokens), 0, -1):
            where = fastn_spec.join("#", *tokens[:end])
            if where in self._marks:
                return self._marks[where][0], where
        return "unmarked", "#"

    def _element(self, pointer: str, kind: str, name: str, operation: str = "", evidence_at: str = "") -> None:
        if pointer in self.elements:
            return
        evidence, source = self.mark_of(evidence_at or pointer)
        verify = self._marks.get(source, ("", ""))[1]
        self.elements[pointer] = Element(pointer, kind, name, evidence, source, verify, operation)

    # ------------------------------------------------------------------ the three sweeps

    def _operations(self) -> None:
        for op in fastn_spec.operations(self.document):
            where = fastn_spec.join("#/paths", op.path, op.method)
            label = f"{op.method.upper()} {op.path}"
            self._element(where, "operation", f"{label} ({op.id})", op.id)
            for status, response in op.body.get("responses", {}).items():
                target, refs = fastn_spec.follow(self.document, response)
                own = refs[-1] if refs and refs[-1] in self._marks else ""
                self._element(
                    fastn_spec.join(where, "responses", status), "status", f"{op.id} {status}", op.id, own or where
                )
                for name, header in (target.get("headers") or {}).items():
                    _, header_refs = fastn_spec.follow(self.document, header)
                    self.header_names.setdefault(header_refs[-1] if header_refs else "", name)

    def _marked(self) -> None:
        for pointer in self._marks:
            tokens = _tokens(pointer)
            if tokens[:1] == ["paths"]:
                continue  # operations are named above; marks inside an operation annotate its parts
            section = tokens[1] if len(tokens) > 1 else ""
            if section == "parameters":
                node = fastn_spec.lookup(self.document, pointer)
                self._element(pointer, "parameter", f"{node.get('in')} {node.get('name')}")
            elif section == "headers":
                self._element(pointer, "header", self.header_names.get(pointer, tokens[-1]))
            elif section == "securitySchemes":
                node = fastn_spec.lookup(self.document, pointer)
                where = node.get("name") or f"Authorization: {str(node.get('scheme', '')).title()}"
                self._element(pointer, "security scheme", f"{tokens[-1]} ({where})")
            elif section == "responses":
                self._element(pointer, "response", tokens[-1])
            elif section == "schemas" and "properties" in tokens:
                self._element(pointer, "field", _schema_name(pointer))
            elif section == "schemas":
                self._element(pointer, "schema", ".".join(tokens[2:]))

    def _fields_and_values(self) -> None:
        for pointer, node in fastn_spec.walk(
            self.document.get("components", {}).get("schemas", {}), "#/components/schemas"
        ):
            if not isinstance(node, Mapping):
                continue
            tokens = _tokens(pointer)
            if len(tokens) > 1 and tokens[-2] == "properties" and "enum" not in tokens[:-1] and "example" not in tokens:
                self._element(pointer, "field", _schema_name(pointer))
            enum = node.get("enum")
            if isinstance(enum, list) and not any(t in ("example", "examples", "default") for t in tokens):
                inferred = set(map(str, node.get("x-fastn-inferred-values") or ()))
                label = tokens[2] if len(tokens) == 3 else _schema_name(pointer)
                for i, value in enumerate(enum):
                    where = fastn_spec.join(pointer, "enum", i)
                    if str(value) in inferred:
                        self._marks.setdefault(where, ("inferred", str(node.get(VERIFY, ""))))
                    self._element(where, "enum value", f"{label} = {value}")

    # ------------------------------------------------------------------ queries

    def __iter__(self) -> Iterator[Element]:
        return iter(self.elements.values())

    def __getitem__(self, pointer: str) -> Element:
        return self.elements[pointer]

    def __contains__(self, pointer: object) -> bool:
        return pointer in self.elements
