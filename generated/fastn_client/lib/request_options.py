"""What one call may change for itself: its timeout, extra headers, and who sees its answer.

Every generated endpoint function (``sync``, ``sync_detailed``, ``asyncio``,
``asyncio_detailed``) takes ``request_options=RequestOptions(...)``; the resource client's
methods build one from their ``timeout=`` and ``extra_headers=`` arguments. Nothing here
changes the client the call goes through: the options apply to that one request.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, Final

import attrs
import httpx

from .inputs import check_headers, check_timeout

__all__ = ["NOT_GIVEN", "NotGiven", "RequestOptions", "ResponseObserver", "Timeout"]


class NotGiven:
    """The type of :data:`NOT_GIVEN`: "not given", where ``None`` means something (no timeout)."""

    _instance: NotGiven | None = None

    def __new__(cls) -> NotGiven:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __bool__(self) -> bool:
        return False

    def __repr__(self) -> str:
        return "NOT_GIVEN"

    def __reduce__(self) -> str:
        return "NOT_GIVEN"


#: The value of an option the caller did not give (``timeout=None`` means "wait forever").
NOT_GIVEN: Final = NotGiven()

#: A timeout as httpx takes it: seconds, an ``httpx.Timeout``, or ``None`` for none.
Timeout = float | httpx.Timeout | None

#: Called with the final ``httpx.Response`` of a call (after retries), before it is parsed.
ResponseObserver = Callable[[httpx.Response], None]


@attrs.frozen(kw_only=True)
class RequestOptions:
    """Settings of one call.

    Attributes:
        timeout: This call's timeout (seconds or an ``httpx.Timeout``; ``None``: none), in place
            of the client's. The client's ``deadline`` still bounds the whole call.
        extra_headers: Headers added to this call (they win over the generated ones).
        on_response: Called with the final ``httpx.Response`` of the call, e.g. to read a header
            the operation does not model; the waiters read ``Retry-After`` this way.
    """

    timeout: Timeout | NotGiven = attrs.field(default=NOT_GIVEN)
    extra_headers: Mapping[str, str] = attrs.field(factory=dict, repr=False)
    on_response: ResponseObserver | None = None

    @timeout.validator
    def _check_timeout(self, _attribute: attrs.Attribute[Any], value: Timeout | NotGiven) -> None:
        if not isinstance(value, NotGiven):
            check_timeout("timeout", value)

    @extra_headers.validator
    def _check_extra_headers(self, _attribute: attrs.Attribute[Any], value: Mapping[str, str]) -> None:
        check_headers(value)

    def apply(self, kwargs: dict[str, Any]) -> None:
        """Fold these options into the keyword arguments of ``httpx.Client.request``."""
        if self.extra_headers:
            kwargs["headers"] = {**kwargs.get("headers", {}), **self.extra_headers}
        if not isinstance(self.timeout, NotGiven):
            kwargs["timeout"] = self.timeout

    def observe(self, response: httpx.Response) -> None:
        """Show the call's final answer to ``on_response`` (the endpoint functions call this)."""
        if self.on_response is not None:
            self.on_response(response)
