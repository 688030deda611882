"""Contains some shared types for properties"""

import time
from collections.abc import Mapping, MutableMapping
from http import HTTPStatus
from typing import IO, BinaryIO, Generic, Literal, TypeVar

import httpx
from attrs import define

from .lib.headers import RateLimitInfo, parse_rate_limit, retry_after_from


class Unset:
    def __bool__(self) -> Literal[False]:
        return False


UNSET: Unset = Unset()

# The types that `httpx.Client(files=)` can accept, copied from that library.
FileContent = IO[bytes] | bytes | str
FileTypes = (
    # (filename, file (or bytes), content_type)
    tuple[str | None, FileContent, str | None]
    # (filename, file (or bytes), content_type, headers)
    | tuple[str | None, FileContent, str | None, Mapping[str, str]]
)
RequestFiles = list[tuple[str, FileTypes]]


@define
class File:
    """Contains information for file uploads"""

    payload: BinaryIO
    file_name: str | None = None
    mime_type: str | None = None

    def to_tuple(self) -> FileTypes:
        """Return a tuple representation that httpx will accept for multipart/form-data"""
        return self.file_name, self.payload, self.mime_type


T = TypeVar("T")


@define
class Response(Generic[T]):
    """A response from an endpoint"""

    status_code: HTTPStatus | int
    content: bytes
    headers: MutableMapping[str, str]
    parsed: T | None

    @property
    def rate_limit(self) -> RateLimitInfo | None:
        """The X-RateLimit-* headers of this response, or None when the server sent none."""
        return parse_rate_limit(httpx.Headers(self.headers))

    @property
    def retry_after(self) -> float | None:
        """Seconds the server asked to wait (Retry-After, seconds or HTTP date), if it said."""
        return retry_after_from(httpx.Headers(self.headers), now=time.time())

    @property
    def request_id(self) -> str | None:
        """The server's id for this request (x-request-id), to quote to support."""
        return self.headers.get("x-request-id")


_KNOWN_STATUSES = frozenset(int(status) for status in HTTPStatus)


def to_status(code: int) -> HTTPStatus | int:
    """HTTPStatus(code) when Python knows the status, else the int itself (e.g. Cloudflare's 520)."""
    return HTTPStatus(code) if code in _KNOWN_STATUSES else code


__all__ = ["UNSET", "File", "FileTypes", "RateLimitInfo", "RequestFiles", "Response", "Unset", "to_status"]
