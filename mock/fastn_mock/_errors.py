"""The one error the mock raises, and the spec's `Error` body it becomes.

Every 4xx/5xx the mock sends, whatever produced it (validation, auth, routing, a fault, a bug),
goes through `ApiError.body`, so no framework default body ever leaks to a client.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Final

CODES: Final[Mapping[int, str]] = {
    400: "BAD_REQUEST",
    401: "UNAUTHORIZED",
    403: "FORBIDDEN",
    404: "NOT_FOUND",
    405: "METHOD_NOT_ALLOWED",
    408: "TIMED_OUT",
    409: "CONFLICT",
    413: "PAYLOAD_TOO_LARGE",
    415: "UNSUPPORTED_MEDIA_TYPE",
    422: "VALIDATION_ERROR",
    429: "RATE_LIMITED",
    500: "INTERNAL_ERROR",
    503: "SERVICE_UNAVAILABLE",
}
"""Default machine code per status; the spec's `Error.code` documents each of these."""


class ApiError(Exception):
    """A request the mock answers with an error status and the spec's `Error` body."""

    def __init__(
        self,
        status: int,
        message: str,
        *,
        code: str | None = None,
        details: Sequence[Mapping[str, str]] = (),
        headers: Mapping[str, str] | None = None,
        extra: Mapping[str, object] | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.code = code or CODES.get(status, "INTERNAL_ERROR")
        self.message = message
        self.details = list(details)
        self.headers = dict(headers or {})
        self.extra = dict(extra or {})

    def body(self, request_id: str) -> dict[str, object]:
        """The `Error` object for this failure (message clipped to the spec's 2,000 characters)."""
        body: dict[str, object] = {
            "code": self.code,
            "message": self.message if len(self.message) <= 2000 else self.message[:1999] + "…",
            "statusCode": self.status,
            "requestId": request_id,
        }
        if self.details:
            body["details"] = self.details
        body.update(self.extra)
        return body


def not_found(kind: str, identifier: str) -> ApiError:
    """404 for a resource that does not exist in the caller's workspace."""
    return ApiError(404, f"{kind} {identifier[:200]} was not found.")
