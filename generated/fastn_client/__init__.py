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
from .lib.logs import setup_logging

setup_logging()  # FASTN_LOG=info|debug: the package's lines to standard error

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
