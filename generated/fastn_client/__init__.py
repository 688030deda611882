"""A client library for accessing Fastn API"""

from .client import AuthenticatedClient, Client
from .lib import (
    APIConnectionError,
    APIResponseValidationError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    ClientOptions,
    ConflictError,
    FastnError,
    InternalServerError,
    NotFoundError,
    PacingEvent,
    PermissionDeniedError,
    RateLimitError,
    RetryEvent,
    UnprocessableEntityError,
)

__all__ = (
    "APIConnectionError",
    "APIResponseValidationError",
    "APIStatusError",
    "APITimeoutError",
    "AuthenticatedClient",
    "AuthenticationError",
    "BadRequestError",
    "Client",
    "ClientOptions",
    "ConflictError",
    "FastnError",
    "InternalServerError",
    "NotFoundError",
    "PacingEvent",
    "PermissionDeniedError",
    "RateLimitError",
    "RetryEvent",
    "UnprocessableEntityError",
)
