"""Pages of a list operation that iterate over every item, fetching later pages as they are reached.

Every list operation of the API answers ``{"data": [...], "nextCursor": "..."}`` and takes the
cursor back to get the next page. The resource client's list methods return a page of these::

    for customer in client.customers.list():            # every customer, page after page
        ...
    page = client.customers.list(limit=50)
    page.data, page.next_cursor                          # this page alone
    for each in page.iter_pages(): ...                   # page by page

    async for customer in client.customers.list():       # AsyncFastn: every customer
        ...
    page = await client.customers.list()                 # the first page (an AsyncPage)

A page is fetched only when iteration reaches it, and iteration holds one page at a time: a
page that iteration has left (the first one included) is kept alive by nothing of the client's,
so iterating a long list costs the memory of one page. A server that hands back the cursor it was
given would make iteration endless; the page after such an answer is never asked for, and a
warning is logged.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Awaitable, Callable, Generator, Iterator, Sequence
from typing import Any, Generic, TypeVar

from .constants import LOGGER_NAME

__all__ = ["AsyncPage", "AsyncPaginator", "SyncPage", "cursor_of"]

T = TypeVar("T")
logger = logging.getLogger(LOGGER_NAME)


def cursor_of(value: object) -> str | None:
    """A page's ``next_cursor`` as a cursor to send, or ``None`` on the last page (``None``, ``UNSET``, ``""``)."""
    return value if isinstance(value, str) and value else None


def _next_cursor(current: str | None, following: str | None) -> str | None:
    if following is not None and following == current:
        logger.warning("The server answered cursor %r with the same cursor: stopping here", following[:64])
        return None
    return following


def _items(data: list[T], cursor: str | None, fetch: Callable[[str], SyncPage[T]]) -> Iterator[T]:
    """Every item from ``data`` on, holding one page at a time (no page object kept while iterating)."""
    while True:
        yield from data
        data = []  # the page iteration leaves is let go before the next one arrives
        if cursor is None:
            return
        following = fetch(cursor)
        data, cursor, fetch = following.data, following.next_cursor, following._fetch
        del following


def _pages(page: SyncPage[T] | None) -> Iterator[SyncPage[T]]:
    """``page`` and every page after it, each fetched when reached, only the current one held."""
    while page is not None:
        yield page
        cursor, fetch = page.next_cursor, page._fetch
        page = None  # let the page the caller has left go before fetching the next
        if cursor is not None:
            page = fetch(cursor)


async def _aitems(
    data: list[T], cursor: str | None, fetch: Callable[[str], Awaitable[AsyncPage[T]]]
) -> AsyncIterator[T]:
    """Async twin of :func:`_items`."""
    while True:
        for item in data:
            yield item
        data = []
        if cursor is None:
            return
        following = await fetch(cursor)
        data, cursor, fetch = following.data, following.next_cursor, following._fetch
        del following


async def _apages(page: AsyncPage[T] | None) -> AsyncIterator[AsyncPage[T]]:
    """Async twin of :func:`_pages`."""
    while page is not None:
        yield page
        cursor, fetch = page.next_cursor, page._fetch
        page = None
        if cursor is not None:
            page = await fetch(cursor)


class SyncPage(Generic[T]):
    """One page of a list, iterable over all items from here to the end.

    Attributes:
        data: The items of this page.
        next_cursor: The cursor of the next page, ``None`` on the last one.
    """

    def __init__(
        self, data: Sequence[T], *, cursor: str | None, next_cursor: object, fetch: Callable[[str], SyncPage[T]]
    ) -> None:
        self.data: list[T] = list(data)
        self.next_cursor = _next_cursor(cursor, cursor_of(next_cursor))
        self._fetch = fetch

    def has_next_page(self) -> bool:
        """Whether a page follows this one."""
        return self.next_cursor is not None

    def get_next_page(self) -> SyncPage[T]:
        """Fetch the page after this one; ``ValueError`` on the last page (see ``has_next_page()``)."""
        if self.next_cursor is None:
            raise ValueError("this is the last page: there is no next page to fetch")
        return self._fetch(self.next_cursor)

    def iter_pages(self) -> Iterator[SyncPage[T]]:
        """This page and every page after it, each fetched when reached (and let go when left)."""
        return _pages(self)

    def __iter__(self) -> Iterator[T]:
        return _items(self.data, self.next_cursor, self._fetch)

    def __repr__(self) -> str:
        return f"SyncPage(items={len(self.data)}, next_cursor={self.next_cursor!r})"


class AsyncPage(Generic[T]):
    """Async twin of :class:`SyncPage`: ``async for`` over all items from here to the end."""

    def __init__(
        self,
        data: Sequence[T],
        *,
        cursor: str | None,
        next_cursor: object,
        fetch: Callable[[str], Awaitable[AsyncPage[T]]],
    ) -> None:
        self.data: list[T] = list(data)
        self.next_cursor = _next_cursor(cursor, cursor_of(next_cursor))
        self._fetch = fetch

    def has_next_page(self) -> bool:
        """Whether a page follows this one."""
        return self.next_cursor is not None

    async def get_next_page(self) -> AsyncPage[T]:
        """Fetch the page after this one; ``ValueError`` on the last page (see ``has_next_page()``)."""
        if self.next_cursor is None:
            raise ValueError("this is the last page: there is no next page to fetch")
        return await self._fetch(self.next_cursor)

    def iter_pages(self) -> AsyncIterator[AsyncPage[T]]:
        """This page and every page after it, each fetched when reached (and let go when left)."""
        return _apages(self)

    def __aiter__(self) -> AsyncIterator[T]:
        return _aitems(self.data, self.next_cursor, self._fetch)

    def __repr__(self) -> str:
        return f"AsyncPage(items={len(self.data)}, next_cursor={self.next_cursor!r})"


class AsyncPaginator(Generic[T]):
    """What an async list method returns: ``await`` it for the first page, ``async for`` it for every item.

    Nothing is fetched until it is awaited or iterated.
    """

    def __init__(self, first: Callable[[], Awaitable[AsyncPage[T]]]) -> None:
        self._first = first

    def __await__(self) -> Generator[Any, None, AsyncPage[T]]:
        return self._first().__await__()

    async def __aiter__(self) -> AsyncIterator[T]:
        async for item in (await self._first()).__aiter__():  # no name holds the first page
            yield item

    def __repr__(self) -> str:
        return "AsyncPaginator(not fetched)"
