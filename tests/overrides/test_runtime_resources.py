"""The machinery under the generated resource client (lib/resources.py, lib/request_options.py).

Fake endpoint functions and a fake model stand in for generated ones; tests/generation and
tests/e2e drive the generated resource classes themselves.
"""

from __future__ import annotations

import copy
import datetime
import pickle
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import httpx
import pytest
from fastn_client.lib.options import ClientOptions
from fastn_client.lib.request_options import NOT_GIVEN, NotGiven, RequestOptions
from fastn_client.lib.resources import (
    AsyncAPIResource,
    SyncAPIResource,
    request_body,
    request_options,
    to_wire,
    with_raw_response,
    with_raw_response_async,
)

UNSET = object()


@dataclass
class Thing:
    """A stand-in for a generated request model: from_dict reads JSON, to_dict writes it."""

    name: str
    tags: list[str] = field(default_factory=list)

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Thing:
        if not isinstance(src_dict["name"], str):
            raise TypeError("name must be a string")
        return cls(src_dict["name"], list(src_dict.get("tags", [])))

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "tags": self.tags}


# --------------------------------------------------------------------------- bodies


def test_to_wire_writes_json() -> None:
    when = datetime.datetime(2026, 12, 1, 9, 30, tzinfo=datetime.UTC)
    ident = uuid.UUID("3f1c2a9e-8b4d-4e2f-9a61-0c5d7e8f9a10")
    value = {"at": when, "day": when.date(), "id": ident, "thing": Thing("a"), "list": (1, [Thing("b")]), "gone": UNSET}
    assert to_wire(value, UNSET) == {
        "at": "2026-12-01T09:30:00+00:00",
        "day": "2026-12-01",
        "id": "3f1c2a9e-8b4d-4e2f-9a61-0c5d7e8f9a10",
        "thing": {"name": "a", "tags": []},
        "list": [1, [{"name": "b", "tags": []}]],
    }


def test_a_body_from_keyword_arguments_or_a_dict_is_the_same_model() -> None:
    from_fields = request_body(Thing, None, {"name": "a", "tags": ("x",)}, unset=UNSET, operation="makeThing")
    from_dict = request_body(
        Thing, {"name": "a", "tags": ["x"]}, {"name": UNSET, "tags": UNSET}, unset=UNSET, operation="o"
    )
    assert from_fields == from_dict == Thing("a", ["x"])
    given = Thing("b")
    assert request_body(Thing, given, {"name": UNSET}, unset=UNSET, operation="o") is given


def test_a_body_given_both_ways_is_refused() -> None:
    with pytest.raises(TypeError, match="makeThing: give the body as one object or as keyword arguments, not both"):
        request_body(Thing, {"name": "a"}, {"name": "b"}, unset=UNSET, operation="makeThing")


@pytest.mark.parametrize(
    ("fields", "problem"),
    [
        ({"tags": ["x"]}, "missing field 'name'"),
        ({"name": 7}, "TypeError: name must be a string"),
    ],
)
def test_an_invalid_body_is_a_type_error_before_anything_is_sent(fields: dict[str, Any], problem: str) -> None:
    with pytest.raises(TypeError, match=f"makeThing: the body is not a valid Thing: {problem}"):
        request_body(Thing, None, fields, unset=UNSET, operation="makeThing")


def test_a_key_error_without_a_key_still_reads() -> None:
    class Empty:
        @classmethod
        def from_dict(cls, src_dict: Mapping[str, Any]) -> Empty:
            raise KeyError

    with pytest.raises(TypeError, match="a missing field"):
        request_body(Empty, None, {}, unset=UNSET, operation="o")


# --------------------------------------------------------------------------- per-call options


def test_request_options_fold_into_the_request_arguments() -> None:
    kwargs: dict[str, Any] = {"method": "GET", "url": "/x", "headers": {"Content-Type": "application/json"}}
    RequestOptions(timeout=3.0, extra_headers={"x-trace": "t"}).apply(kwargs)
    assert kwargs == {
        "method": "GET",
        "url": "/x",
        "headers": {"Content-Type": "application/json", "x-trace": "t"},
        "timeout": 3.0,
    }
    bare: dict[str, Any] = {}
    RequestOptions(timeout=None).apply(bare)
    assert bare == {"timeout": None}  # None: no timeout at all, unlike NOT_GIVEN
    RequestOptions().apply(untouched := {"url": "/y"})
    assert untouched == {"url": "/y"}
    assert request_options(NOT_GIVEN, None) == RequestOptions()


def test_the_observer_sees_the_answer() -> None:
    seen: list[httpx.Response] = []
    answer = httpx.Response(200)
    RequestOptions(on_response=seen.append).observe(answer)
    RequestOptions().observe(answer)
    assert seen == [answer]


def test_not_given_is_one_falsy_value_that_survives_copies() -> None:
    assert NotGiven() is NOT_GIVEN and not NOT_GIVEN and repr(NOT_GIVEN) == "NOT_GIVEN"
    assert copy.deepcopy(NOT_GIVEN) is NOT_GIVEN
    assert pickle.loads(pickle.dumps(NOT_GIVEN)) is NOT_GIVEN  # noqa: S301 - own bytes


# --------------------------------------------------------------------------- resources


class Client:
    options = ClientOptions()


def sync(*args: Any, client: Any, **kwargs: Any) -> tuple[str, tuple[Any, ...], dict[str, Any]]:
    return ("sync", args, kwargs)


def sync_detailed(*args: Any, client: Any, **kwargs: Any) -> tuple[str, tuple[Any, ...], dict[str, Any]]:
    return ("detailed", args, kwargs)


async def asyncio(*args: Any, client: Any, **kwargs: Any) -> tuple[str, tuple[Any, ...], dict[str, Any]]:
    return ("asyncio", args, kwargs)


async def asyncio_detailed(*args: Any, client: Any, **kwargs: Any) -> tuple[str, tuple[Any, ...], dict[str, Any]]:
    return ("asyncio_detailed", args, kwargs)


@dataclass
class Page:
    data: list[int]
    next_cursor: object


def pages(*args: Any, client: Any, cursor: object, **kwargs: Any) -> Page:
    return Page([1, 2], "c1") if cursor is UNSET else Page([3], UNSET)


async def apages(*args: Any, client: Any, cursor: object, **kwargs: Any) -> Page:
    return pages(*args, client=client, cursor=cursor, **kwargs)


class Things(SyncAPIResource):
    def get(self, thing_id: str, *, flag: bool = False) -> Any:
        return self._call(sync, sync_detailed, thing_id, flag=flag)

    def list(self) -> Any:
        return self._list(pages, sync_detailed, cursor=None, unset=UNSET, limit=5)


class AsyncThings(AsyncAPIResource):
    async def get(self, thing_id: str) -> Any:
        return await self._call(asyncio, asyncio_detailed, thing_id)

    def list(self) -> Any:
        return self._list(apages, asyncio_detailed, cursor=None, unset=UNSET, limit=5)


def test_a_resource_calls_the_function_or_its_detailed_twin_inside_with_raw_response() -> None:
    things = Things(Client())
    assert things._options is Client.options
    assert things.get("t1", flag=True) == ("sync", ("t1",), {"flag": True})
    assert with_raw_response(things.get)("t1") == ("detailed", ("t1",), {"flag": False})
    assert list(things.list()) == [1, 2, 3]
    assert with_raw_response(things.list)() == ("detailed", (), {"cursor": UNSET, "limit": 5})
    assert things.get("t2")[0] == "sync"  # raw mode ends with the call


@pytest.mark.asyncio
async def test_an_async_resource_does_the_same() -> None:
    things = AsyncThings(Client())
    assert things._options is Client.options
    assert await things.get("t1") == ("asyncio", ("t1",), {})
    assert await with_raw_response_async(things.get)("t1") == ("asyncio_detailed", ("t1",), {})
    assert [item async for item in things.list()] == [1, 2, 3]
    assert await with_raw_response_async(things.list)() == ("asyncio_detailed", (), {"cursor": UNSET, "limit": 5})
    assert (await things.get("t2"))[0] == "asyncio"
