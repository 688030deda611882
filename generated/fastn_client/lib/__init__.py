"""Hand-written runtime of the Fastn client: retries, pacing, typed errors.

This package is maintained by hand in ``overrides/`` and copied into the
generated package; it imports nothing generated (only the standard library,
httpx, httpx-retries and attrs), so it can be tested on its own. See
``overrides/README.md`` for what it does and how to configure it.
"""

from .error_mapping import raise_for_status
from .errors import (
    APIConnectionError,
    APIResponseValidationError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    ClientInputError,
    ConflictError,
    ErrorDetail,
    FastnError,
    InternalServerError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    RequestInfo,
    ResponseTooLargeError,
    UnprocessableEntityError,
)
from .options import ClientOptions, Jitter, KeyPlacement, PacingEvent, RetryEvent
from .pacing import SHARED_PACER, RateLimitPacer
from .transport import AsyncFastnTransport, FastnTransport

__all__ = [
    "SHARED_PACER",
    "APIConnectionError",
    "APIResponseValidationError",
    "APIStatusError",
    "APITimeoutError",
    "AsyncFastnTransport",
    "AuthenticationError",
    "BadRequestError",
    "ClientInputError",
    "ClientOptions",
    "ConflictError",
    "ErrorDetail",
    "FastnError",
    "FastnTransport",
    "InternalServerError",
    "Jitter",
    "KeyPlacement",
    "NotFoundError",
    "PacingEvent",
    "PermissionDeniedError",
    "RateLimitError",
    "RateLimitPacer",
    "RequestInfo",
    "ResponseTooLargeError",
    "RetryEvent",
    "UnprocessableEntityError",
    "raise_for_status",
]
