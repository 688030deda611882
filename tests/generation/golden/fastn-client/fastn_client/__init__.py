"""A client library for accessing Tiny"""

from .api import (
    AsyncFastn,
    Fastn,
)
from .client import AuthenticatedClient, Client
from .lib import (
    APIConnectionError,
    APIResponseValidationError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    ClientInputError,
    ClientOptions,
    ConflictError,
    FastnError,
    InternalServerError,
    NotFoundError,
    PacingEvent,
    PermissionDeniedError,
    RateLimitError,
    ResponseTooLargeError,
    RetryEvent,
    UnprocessableEntityError,
)
from .lib.logs import setup_logging
from .lib.pagination import AsyncPage, AsyncPaginator, SyncPage
from .lib.request_options import NOT_GIVEN, NotGiven, RequestOptions
from .lib.waiters import WaitTimeoutError

setup_logging()  # FASTN_LOG=info|debug: the package's lines to standard error

__all__ = (
    "NOT_GIVEN",
    "APIConnectionError",
    "APIResponseValidationError",
    "APIStatusError",
    "APITimeoutError",
    "AsyncFastn",
    "AsyncPage",
    "AsyncPaginator",
    "AuthenticatedClient",
    "AuthenticationError",
    "BadRequestError",
    "Client",
    "ClientInputError",
    "ClientOptions",
    "ConflictError",
    "Fastn",
    "FastnError",
    "InternalServerError",
    "NotFoundError",
    "NotGiven",
    "PacingEvent",
    "PermissionDeniedError",
    "RateLimitError",
    "RequestOptions",
    "ResponseTooLargeError",
    "RetryEvent",
    "SyncPage",
    "UnprocessableEntityError",
    "WaitTimeoutError",
)
