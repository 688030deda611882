"""The ``/_mock`` admin routes (not part of the API, no key; documented in ``mock/README.md``).

They can reset the mock and change its faults, so a web page the developer happens to open must
not reach them: a request with an ``Origin`` other than the mock's own is 403, and a write
(POST, DELETE) that carries a body or a Content-Type must be ``application/json`` (415), which a
cross-site form or a CORS "simple" request cannot send. Bodies have the API's size and time
limits (413, 408).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from starlette.requests import Request
from starlette.responses import Response

from ._errors import ApiError
from ._faults import Faults, parse_payload
from ._http import JSON_MEDIA_TYPE, decode, is_foreign, json_response, read_body, require_media_type
from ._spec import Spec

Handler = Callable[[Request], Awaitable[Response]]


class AdminRoutes:
    """Health, the served spec, reset, and the fault settings."""

    def __init__(
        self,
        spec: Spec,
        faults: Faults,
        *,
        reset: Callable[[], None],
        max_body_bytes: int,
        body_timeout: float,
    ) -> None:
        self.spec = spec
        self.faults = faults
        self._reset_app = reset
        self.max_body_bytes = max_body_bytes
        self.body_timeout = body_timeout
        self.routes: dict[str, dict[str, Handler]] = {
            "/_mock/health": {"GET": self._health},
            "/_mock/openapi.json": {"GET": self._openapi},
            "/_mock/reset": {"POST": self._reset},
            "/_mock/faults": {"GET": self._get_faults, "POST": self._post_faults, "DELETE": self._delete_faults},
        }

    async def handle(self, request: Request) -> Response:
        """Answer an admin request (403 from another origin, 404/405 for unknown routes/methods)."""
        if is_foreign(request):
            raise ApiError(403, "The admin routes refuse requests from other origins (web pages).")
        route = self.routes.get(request.url.path)
        if route is None:
            raise ApiError(404, f"There is no admin route at {request.url.path[:200]}.")
        handler = route.get(request.method.upper())
        if handler is None:
            allow = ", ".join(route)
            raise ApiError(405, f"Allowed on this admin route: {allow}.", headers={"Allow": allow})
        return await handler(request)

    async def _write_body(self, request: Request, validate: Callable[[Any], Any] = lambda body: body) -> Any:
        """The JSON body of a write, checked by ``validate`` (None when there is none); 415 if not JSON."""
        has_body = request.headers.get("content-length", "0") != "0" or "transfer-encoding" in request.headers
        if has_body or "content-type" in request.headers:
            require_media_type(request, (JSON_MEDIA_TYPE,))
        raw = await read_body(request, limit=self.max_body_bytes, timeout=self.body_timeout)
        return await decode(raw, validate) if raw else None

    async def _health(self, request: Request) -> Response:
        body = {"status": "ok", "spec": self.spec.source, "operations": len(self.spec.operations)}
        return json_response(200, body, {})

    async def _openapi(self, request: Request) -> Response:
        return json_response(200, self.spec.raw, {})

    async def _reset(self, request: Request) -> Response:
        await self._write_body(request)
        self._reset_app()
        return json_response(204, None, {})

    async def _get_faults(self, request: Request) -> Response:
        return json_response(200, self.faults.snapshot(), {})

    async def _post_faults(self, request: Request) -> Response:
        payload = await self._write_body(request, parse_payload)
        if payload is None:
            raise ApiError(400, "Send the fault settings as a JSON object.")
        self.faults.update(payload)
        return json_response(200, self.faults.snapshot(), {})

    async def _delete_faults(self, request: Request) -> Response:
        await self._write_body(request)
        self.faults.clear()
        return json_response(204, None, {})
