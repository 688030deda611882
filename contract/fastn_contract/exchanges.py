"""One request and its answer, as every source of evidence hands it over, without credentials.

A contract run (schemathesis' ``after_call`` hook), the link walk and the recording proxy all
turn what they saw into `Exchange` objects; `fastn_contract.observer` judges them against the
spec. Credentials never enter one: `Exchange.build` replaces the value of every credential
header with ``REDACTED`` (keeping that it was sent, which is what the judgement needs), so an
exchange can be written to disk (`ExchangeLog`) or printed without leaking a key.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final
from urllib.parse import parse_qsl, urlsplit

if TYPE_CHECKING:
    import httpx

REDACTED: Final = "<redacted>"
CREDENTIAL_HEADERS: Final = frozenset(
    {
        "x-fastn-api-key",
        "authorization",
        "proxy-authorization",
        "cookie",
        "set-cookie",
        "x-fastn-space-tenantid",  # a tenant id names one of the workspace's customers
    }
)
"""Headers whose values never leave the process that saw them (their presence does)."""
MAX_BODY_CHARS: Final = 4 * 1024 * 1024
"""A body longer than this is kept only as "too long" and its content is not judged."""

Headers = tuple[tuple[str, str], ...]


def clean_headers(headers: Iterable[tuple[str, str]]) -> Headers:
    """Header pairs with lower-case names, credential values replaced by `REDACTED`."""
    return tuple(
        (name.lower(), REDACTED if name.lower() in CREDENTIAL_HEADERS and value else value) for name, value in headers
    )


def _text(body: bytes | str | None) -> tuple[str | None, bool]:
    if body is None:
        return None, False
    text = body.decode("utf-8", errors="replace") if isinstance(body, bytes) else body
    if len(text) > MAX_BODY_CHARS:
        return None, True
    return text, False


@dataclass(frozen=True)
class Exchange:
    """A request (path relative to the server's base URL) and the answer it got."""

    method: str
    path: str
    query: tuple[tuple[str, str], ...]
    request_headers: Headers
    request_body: str | None
    status: int
    response_headers: Headers
    response_body: str | None
    body_too_long: bool = False
    """The response body was longer than `MAX_BODY_CHARS`: it is not kept, and not judged."""
    source: str = ""
    """What produced it: ``schemathesis``, ``walk``, ``probe``, ``proxy``."""

    @classmethod
    def build(
        cls,
        *,
        method: str,
        path: str,
        query: Iterable[tuple[str, str]] = (),
        request_headers: Iterable[tuple[str, str]] = (),
        request_body: bytes | str | None = None,
        status: int,
        response_headers: Iterable[tuple[str, str]] = (),
        response_body: bytes | str | None = None,
        source: str = "",
    ) -> Exchange:
        """An exchange from raw parts, credentials redacted and bodies bounded."""
        request_text, _ = _text(request_body)
        response_text, too_long = _text(response_body)
        return cls(
            method=method.upper(),
            path=path,
            query=tuple((str(k), str(v)) for k, v in query),
            request_headers=clean_headers(request_headers),
            request_body=request_text,
            status=int(status),
            response_headers=clean_headers(response_headers),
            response_body=response_text,
            body_too_long=too_long,
            source=source,
        )

    def request_header(self, name: str) -> str | None:
        return _first(self.request_headers, name)

    def response_header(self, name: str) -> str | None:
        return _first(self.response_headers, name)

    def response_json(self) -> tuple[bool, Any]:
        """``(True, value)`` when the response body is JSON, else ``(False, None)``."""
        return _json(self.response_body)

    def request_json(self) -> tuple[bool, Any]:
        return _json(self.request_body)

    def request_id(self) -> str:
        """The service's id for this request: ``X-Request-Id``, else the error body's ``requestId``, else empty."""
        found = self.response_header("x-request-id")
        if found:
            return found
        ok, body = self.response_json()
        if ok and isinstance(body, Mapping):
            for key in ("requestId", "request_id"):
                if isinstance(body.get(key), str):
                    return str(body[key])
        return ""

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False, separators=(",", ":"))

    @classmethod
    def from_json(cls, line: str) -> Exchange:
        raw = json.loads(line)
        for key in ("query", "request_headers", "response_headers"):
            raw[key] = tuple(tuple(pair) for pair in raw[key])
        return cls(**raw)


def from_httpx(response: httpx.Response, base_path: str = "", source: str = "") -> Exchange:
    """The exchange of an httpx response whose body has been read; its path relative to ``base_path``."""
    request = response.request
    path = request.url.path
    if base_path and path.startswith(base_path):
        path = path[len(base_path) :] or "/"
    return Exchange.build(
        method=request.method,
        path=path,
        query=request.url.params.multi_items(),
        request_headers=request.headers.multi_items(),
        request_body=request.content,
        status=response.status_code,
        response_headers=response.headers.multi_items(),
        response_body=response.content,
        source=source,
    )


def from_schemathesis(response: Any, base_path: str = "", source: str = "schemathesis") -> Exchange:
    """The exchange of a schemathesis ``Response`` (its ``request`` is a ``requests.PreparedRequest``)."""
    request = response.request
    url = urlsplit(str(request.url))
    path = url.path
    if base_path and path.startswith(base_path):
        path = path[len(base_path) :] or "/"
    return Exchange.build(
        method=str(request.method),
        path=path,
        query=parse_qsl(url.query, keep_blank_values=True),
        request_headers=[(str(k), str(v)) for k, v in request.headers.items()],
        request_body=request.body,
        status=response.status_code,
        response_headers=[(k, v) for k, values in response.headers.items() for v in values],
        response_body=response.content,
        source=source,
    )


def _first(headers: Headers, name: str) -> str | None:
    name = name.lower()
    return next((value for key, value in headers if key == name), None)


def _json(text: str | None) -> tuple[bool, Any]:
    if text is None or not text.strip():
        return False, None
    try:
        return True, json.loads(text)
    except ValueError:
        return False, None


class ExchangeLog:
    """Exchanges appended to a JSON Lines file, one per line, safe to share between threads.

    Request bodies are not written: one may hold a secret value (a secret's ``value``), and the
    judgement (`fastn_contract.observer`) reads only requests' methods, paths, query and headers.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()

    def append(self, exchange: Exchange) -> None:
        line = replace(exchange, request_body=None).to_json() + "\n"
        with self._lock, self.path.open("a", encoding="utf-8") as file:
            file.write(line)

    def __iter__(self) -> Iterator[Exchange]:
        return read(self.path)


def read(path: Path) -> Iterator[Exchange]:
    """The exchanges of a JSON Lines file written by `ExchangeLog`, in order."""
    with path.open(encoding="utf-8") as file:
        for line in file:
            if line.strip():
                yield Exchange.from_json(line)
