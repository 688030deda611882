"""The wire at the door: reading a body (size, time, disconnects), strict JSON, media types, origins.

Everything a client sends is bounded here before a validator or handler sees it: a body is at
most ``max_body_bytes`` (413) and must arrive within ``body_timeout`` seconds (408, then the
connection is closed); JSON is strict (UTF-8, no NaN/Infinity, no lone surrogates) and at most
`MAX_JSON_DEPTH` containers deep (400), so nothing later (validation, copying, rendering,
response checks) can recurse without bound. A client that disconnects mid-body is not an error
of the mock (`ClientGone`). A large body is parsed and validated in a worker thread (`decode`),
so even the most expensive one (about a third of a second for 1 MiB) does not stall the
event loop and the requests it is serving; the app processes and answers a large request in a
worker too (`offload`). At most `LARGE_BODY_WORKERS` such threads run at once, per event loop:
Python runs one thread at a time, so thirty threads parsing thirty bodies would only take turns
with the event loop thirty to one, and a health check would wait for all of them.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Mapping
from typing import Any, Final, TypeVar

import anyio
import anyio.lowlevel
import anyio.to_thread
from starlette.requests import ClientDisconnect, Request
from starlette.responses import Response
from starlette.types import Scope

from ._errors import ApiError

MAX_JSON_DEPTH: Final = 64
"""Arrays/objects nested deeper than this in a request body are refused (400)."""
INLINE_BODY_BYTES: Final = 64 * 1024
"""Bodies up to this size are decoded on the event loop (a few milliseconds at most); larger ones in a thread."""
LARGE_BODY_WORKERS: Final = 1
"""Worker threads handling large bodies at once (more would not be faster: they share one interpreter lock)."""
_LARGE_BODY_LIMITER: Final = anyio.lowlevel.RunVar[anyio.CapacityLimiter]("fastn_mock_large_body_limiter")
JSON_MEDIA_TYPE: Final = "application/json"
_LOOPBACK_NAMES: Final = ("localhost", "127.0.0.1", "[::1]")
_DEFAULT_PORTS: Final = {"http": 80, "https": 443}


class ClientGone(Exception):
    """The client closed the connection before its request body arrived: nobody is left to answer."""


async def read_body(request: Request, *, limit: int, timeout: float) -> bytes:
    """The whole body: 413 past ``limit`` bytes, 408 (closing the connection) past ``timeout`` seconds."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise ApiError(413, f"The request body is larger than {limit} bytes.")
    chunks: list[bytes] = []
    size = 0
    try:
        with anyio.fail_after(timeout):
            async for chunk in request.stream():
                size += len(chunk)
                if size > limit:
                    raise ApiError(413, f"The request body is larger than {limit} bytes.")
                chunks.append(chunk)
    except TimeoutError:
        raise ApiError(
            408,
            f"The request body did not arrive within {timeout:g} s.",
            code="TIMED_OUT",
            headers={"Connection": "close"},
        ) from None
    except ClientDisconnect:
        raise ClientGone(f"the client disconnected after {size} bytes of its body") from None
    return b"".join(chunks)


def media_type(request: Request) -> str:
    """The request's media type, lower case, without parameters ("" when there is no Content-Type)."""
    return request.headers.get("content-type", "").split(";", 1)[0].strip().lower()


def require_media_type(request: Request, accepted: tuple[str, ...]) -> None:
    """415 unless the body's Content-Type is one of ``accepted``."""
    if media_type(request) not in accepted:
        sent = request.headers.get("content-type", "")[:100] or "no content type"
        raise ApiError(415, f"Send the body as {', '.join(accepted)}, not {sent}.")


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


def _finite(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise ValueError(f"{text[:40]} is out of range")
    return value


def _too_deep() -> ApiError:
    return ApiError(400, f"The request body is nested more than {MAX_JSON_DEPTH} levels deep.")


def parse_json(raw: bytes) -> Any:
    """Strict JSON, or 400 naming what is wrong: not UTF-8, not JSON, NaN/Infinity, a lone surrogate, too deep."""
    try:
        value = json.loads(raw.decode("utf-8"), parse_constant=_reject_constant, parse_float=_finite)
    except UnicodeDecodeError as exc:
        raise ApiError(400, f"The request body is not valid UTF-8 (byte {exc.start}).") from None
    except RecursionError:
        raise _too_deep() from None
    except ValueError as exc:
        raise ApiError(400, f"The request body is not valid JSON: {str(exc)[:300]}") from None
    stack: list[tuple[Any, int]] = [(value, 0)]
    while stack:
        item, depth = stack.pop()
        try:
            if isinstance(item, str):
                item.encode("utf-8")
            elif isinstance(item, dict | list):
                if depth >= MAX_JSON_DEPTH:
                    raise _too_deep()
                if isinstance(item, dict):
                    stack.extend((key, depth) for key in item)
                    stack.extend((sub, depth + 1) for sub in item.values())
                else:
                    stack.extend((sub, depth + 1) for sub in item)
        except UnicodeEncodeError:
            raise ApiError(400, "The request body holds an invalid Unicode escape (a lone surrogate).") from None
    return value


T = TypeVar("T")


def _large_body_limiter() -> anyio.CapacityLimiter:
    """This event loop's limiter of large-body work (a `RunVar`: an app may be served by several loops)."""
    try:
        return _LARGE_BODY_LIMITER.get()
    except LookupError:
        limiter = anyio.CapacityLimiter(LARGE_BODY_WORKERS)
        _LARGE_BODY_LIMITER.set(limiter)
        return limiter


async def offload(work: Callable[[], T]) -> T:
    """``work()`` in a worker thread, among at most `LARGE_BODY_WORKERS`; the others wait without a thread."""
    return await anyio.to_thread.run_sync(work, limiter=_large_body_limiter())


async def decode(raw: bytes, check: Callable[[Any], T]) -> T:
    """``check(parse_json(raw))``, in a worker thread when ``raw`` is large, so the event loop keeps serving."""

    def work() -> T:
        return check(parse_json(raw))

    if len(raw) <= INLINE_BODY_BYTES:
        return work()
    return await offload(work)


def encode_json(body: Any) -> bytes | None:
    """A body as the mock sends it: compact UTF-8 JSON (None for no body at all)."""
    if body is None:
        return None
    return json.dumps(body, ensure_ascii=False, allow_nan=False, separators=(",", ":")).encode("utf-8")


def encoded_response(status: int, content: bytes | None, headers: Mapping[str, str]) -> Response:
    """An answer whose body is already encoded JSON (`encode_json`), or has no body (None)."""
    if content is None:
        return Response(status_code=status, headers=dict(headers))
    return Response(content, status_code=status, headers=dict(headers), media_type=JSON_MEDIA_TYPE)


def json_response(status: int, body: Any, headers: Mapping[str, str]) -> Response:
    """A compact UTF-8 JSON answer (no body at all for ``None``)."""
    return encoded_response(status, encode_json(body), headers)


def own_origins(scope: Scope) -> frozenset[str]:
    """The origins of the mock itself: its address and the loopback names, on the port it serves."""
    server = scope.get("server")
    if not server:
        return frozenset()
    host, port = server[0], server[1]
    scheme = scope.get("scheme", "http")
    names = {f"[{host}]" if ":" in host else host, *_LOOPBACK_NAMES}
    origins = set()
    for name in names:
        if port is not None:
            origins.add(f"{scheme}://{name}:{port}")
        if port is None or port == _DEFAULT_PORTS.get(scheme):
            origins.add(f"{scheme}://{name}")
    return frozenset(origins)


def is_foreign(request: Request) -> bool:
    """Whether the request carries an ``Origin`` that is not the mock's own (a web page's request)."""
    origin = request.headers.get("origin")
    return origin is not None and origin.lower() not in own_origins(request.scope)
