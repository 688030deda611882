"""Contains shared errors types that can be raised from API functions"""

from collections.abc import Mapping

import httpx

from .lib.errors import APIResponseValidationError, RequestInfo, undocumented_status_reason


class UnexpectedStatus(APIResponseValidationError):
    """Raised by api functions when the response has a status the operation does not document: always
    by sync()/asyncio(), by sync_detailed()/asyncio_detailed() when Client.raise_on_unexpected_status is True"""

    def __init__(
        self,
        status_code: int,
        content: bytes,
        *,
        request: RequestInfo | None = None,
        headers: Mapping[str, str] | None = None,
    ):
        self.content = content
        super().__init__(
            status_code=status_code,
            reason=undocumented_status_reason(status_code, headers),
            request=request,
            content=content,
            headers=headers,
        )

    @classmethod
    def from_response(cls, response: httpx.Response) -> "UnexpectedStatus":
        """The error for `response`, with its request's method and URL and the request id."""
        return cls(
            response.status_code,
            response.content,
            request=RequestInfo.of_response(response),
            headers=response.headers,
        )


__all__ = ["UnexpectedStatus"]
