"""Pages that iterate across pages (lib/pagination.py), on fake page fetchers."""

from __future__ import annotations

import logging
import weakref
from typing import Any

import pytest
from fastn_client.lib.pagination import AsyncPage, AsyncPaginator, SyncPage, cursor_of

# Three pages of a list: cursor -> (items, next cursor).
PAGES: dict[str | None, tuple[list[int], object]] = {
    None: ([1, 2], "c1"),
    "c1": ([3, 4], "c2"),
    "c2": ([5], None),
}


class Fetcher:
    """Serves PAGES (or ``pages``), recording which cursors were asked for."""

    def __init__(self, pages: dict[str | None, tuple[list[int], object]] = PAGES) -> None:
        self.pages = pages
        self.asked: list[str | None] = []

    def page(self, cursor: str | None) -> SyncPage[int]:
        self.asked.append(cursor)
        items, following = self.pages[cursor]
        return SyncPage(items, cursor=cursor, next_cursor=following, fetch=self.page)

    async def apage(self, cursor: str | None) -> AsyncPage[int]:
        self.asked.append(cursor)
        items, following = self.pages[cursor]
        return AsyncPage(items, cursor=cursor, next_cursor=following, fetch=self.apage)


@pytest.mark.parametrize(("value", "cursor"), [("c1", "c1"), ("", None), (None, None), (object(), None), (7, None)])
def test_cursor_of_reads_only_a_non_empty_string(value: object, cursor: str | None) -> None:
    assert cursor_of(value) == cursor


def test_iterating_a_page_yields_every_item_fetching_pages_when_reached() -> None:
    fetcher = Fetcher()
    page = fetcher.page(None)
    assert (page.data, page.next_cursor, page.has_next_page()) == ([1, 2], "c1", True)
    assert fetcher.asked == [None]
    items = iter(page)
    assert [next(items), next(items)] == [1, 2]
    assert fetcher.asked == [None]  # the second page is not fetched before it is reached
    assert list(items) == [3, 4, 5]
    assert fetcher.asked == [None, "c1", "c2"]


def test_iter_pages_and_next_page() -> None:
    fetcher = Fetcher()
    pages = list(fetcher.page(None).iter_pages())
    assert [page.data for page in pages] == [[1, 2], [3, 4], [5]]
    last = pages[-1]
    assert not last.has_next_page()
    with pytest.raises(ValueError, match="last page"):
        last.get_next_page()
    assert fetcher.page("c1").get_next_page().data == [5]
    assert repr(last) == "SyncPage(items=1, next_cursor=None)"


def test_a_server_that_returns_the_cursor_it_was_given_does_not_loop(caplog: pytest.LogCaptureFixture) -> None:
    fetcher = Fetcher({None: ([1], "same"), "same": ([2], "same")})
    assert list(fetcher.page(None)) == [1, 2]
    assert fetcher.asked == [None, "same"]
    assert "answered cursor 'same' with the same cursor" in caplog.text
    assert caplog.records[0].levelno == logging.WARNING


@pytest.mark.asyncio
async def test_async_pages_iterate_every_item() -> None:
    fetcher = Fetcher()
    page = await fetcher.apage(None)
    assert [item async for item in page] == [1, 2, 3, 4, 5]
    assert [each.data async for each in page.iter_pages()] == [[1, 2], [3, 4], [5]]
    assert (await page.get_next_page()).data == [3, 4]
    last = await fetcher.apage("c2")
    assert not last.has_next_page()
    with pytest.raises(ValueError, match="last page"):
        await last.get_next_page()
    assert repr(last) == "AsyncPage(items=1, next_cursor=None)"


@pytest.mark.asyncio
async def test_a_paginator_fetches_nothing_until_awaited_or_iterated() -> None:
    fetcher = Fetcher()
    paginator = AsyncPaginator(lambda: fetcher.apage(None))
    assert fetcher.asked == [] and repr(paginator) == "AsyncPaginator(not fetched)"
    assert [item async for item in paginator] == [1, 2, 3, 4, 5]
    first = await paginator
    assert (first.data, first.next_cursor) == ([1, 2], "c1")


class Remembering(Fetcher):
    """A Fetcher that keeps a weak reference to every page it serves."""

    def __init__(self) -> None:
        super().__init__()
        self.served: list[weakref.ref[Any]] = []

    def page(self, cursor: str | None) -> SyncPage[int]:
        page = super().page(cursor)
        self.served.append(weakref.ref(page))
        return page

    async def apage(self, cursor: str | None) -> AsyncPage[int]:
        page = await super().apage(cursor)
        self.served.append(weakref.ref(page))
        return page

    def alive(self) -> list[bool]:
        return [ref() is not None for ref in self.served]


def test_iteration_holds_one_page_at_a_time() -> None:
    fetcher = Remembering()
    seen = []
    for item in fetcher.page(None):  # nothing else holds the first page
        seen.append((item, fetcher.alive()))
    # The pages are let go as iteration leaves them: items of the first page are read from its list alone.
    assert seen == [(1, [False]), (2, [False]), (3, [False, False]), (4, [False, False]), (5, [False, False, False])]
    fetcher = Remembering()
    pages = [(page.data, fetcher.alive()) for page in fetcher.page(None).iter_pages()]
    assert pages == [([1, 2], [True]), ([3, 4], [False, True]), ([5], [False, False, True])]


@pytest.mark.asyncio
async def test_async_iteration_holds_one_page_at_a_time() -> None:
    fetcher = Remembering()
    seen = [(item, fetcher.alive()) async for item in AsyncPaginator(lambda: fetcher.apage(None))]
    assert [alive for item, alive in seen if item in (3, 5)] == [[False, False], [False, False, False]]
    fetcher = Remembering()
    first = await fetcher.apage(None)
    pages = first.iter_pages()
    del first
    assert [(page.data, fetcher.alive()) async for page in pages] == [
        ([1, 2], [True]),
        ([3, 4], [False, True]),
        ([5], [False, False, True]),
    ]
