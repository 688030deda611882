"""``Idempotency-Key``: a POST retried with the same key is answered as the first time and changes nothing.

What the spec promises (its ``**Retries.**`` paragraph and the ``IdempotencyKey`` parameter), per
workspace:

* the first request with a key is processed as usual; if it reached its operation's handler, the
  answer (status, JSON body, the handler's own headers such as ``Location``) is kept for 24 hours
  with a fingerprint of the request: method, path, query string and the parsed body in canonical form;
* the same key with the same fingerprint gets that answer again (its body byte for byte, the first
  ``requestId`` included) without running the handler: no new resource, no audit event;
* the same key with another fingerprint is 422 ``IDEMPOTENCY_KEY_REUSED``.

Answers decided before the handler (401, 403, 429, parameter and body validation, injected faults)
and 5xx are not kept, so a retry is processed afresh. Faults that strike after processing
(``loseReply``, ``truncate``) spoil an answer that was kept: the retry hears what the first request
never did. Memory is bounded: an expired key is dropped when its workspace is next used, and a
workspace keeps at most `MAX_KEYS` (the oldest go first).

Checking the key, running the handler and keeping its answer happen under one lock (the store's),
so of two concurrent requests with one key, one is processed and the other replays its answer.
"""

from __future__ import annotations

import copy
import hashlib
import json
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Final

from ._clock import Clock
from ._context import Ctx, Result
from ._errors import ApiError
from ._spec import Operation

HEADER: Final = "Idempotency-Key"
TTL_SECONDS: Final = 24 * 60 * 60
"""How long an answer is kept (the spec's 24 hours, by the mock's clock)."""
MAX_KEYS: Final = 10_000
"""Keys kept per workspace; past this, the oldest is forgotten."""


@dataclass(frozen=True)
class Answer:
    """A kept answer, replayed as it was first sent (the pipeline adds fresh rate-limit and request-id headers)."""

    status: int
    body: Any
    headers: Mapping[str, str]


@dataclass(frozen=True)
class _Entry:
    fingerprint: str
    answer: Answer
    expires: float


def fingerprint(method: str, path: str, query: str, body: Any) -> str:
    """The sha256 of a request's method, path, query string and canonical JSON body."""
    canonical = json.dumps(
        [method.upper(), path, query, body], sort_keys=True, separators=(",", ":"), ensure_ascii=False
    )
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def keyed_operations(operations: Iterable[Operation]) -> frozenset[str]:
    """The operations that declare the ``Idempotency-Key`` header (in the spec: every POST)."""
    return frozenset(
        op.operation_id
        for op in operations
        if any(p.location == "header" and p.name.lower() == HEADER.lower() for p in op.params)
    )


class Idempotency:
    """The kept answers of every workspace, by key, oldest first."""

    def __init__(
        self,
        clock: Clock,
        *,
        lock: threading.RLock,
        operations: Iterable[Operation],
        ttl: float = TTL_SECONDS,
        max_keys: int = MAX_KEYS,
    ) -> None:
        self._clock = clock
        self._lock = lock
        self._keyed = keyed_operations(operations)
        self.ttl = ttl
        self.max_keys = max_keys
        self._spaces: dict[str, OrderedDict[str, _Entry]] = {}

    def reset(self) -> None:
        """Forget every key."""
        with self._lock:
            self._spaces.clear()

    def size(self, workspace_id: str) -> int:
        """How many keys the workspace holds now (expired ones dropped first)."""
        with self._lock:
            return len(self._live(workspace_id))

    def run(self, ctx: Ctx, path: str, query: str, handler: Callable[[], Result]) -> Result | Answer:
        """``handler``'s answer, kept under the request's key; or the answer kept for it (a replay).

        Without a key, or for an operation that takes none, this is just ``handler()``. A key kept
        for another request is 422. A handler's `ApiError` below 500 is kept, then raised on.
        """
        key = ctx.headers.get(HEADER)
        if key is None or ctx.op.operation_id not in self._keyed:
            return handler()
        printed = fingerprint(ctx.op.method, path, query, ctx.body)
        with self._lock:
            entries = self._live(ctx.ws.id)
            entry = self._find(entries, key)
            if entry is not None:
                if entry.fingerprint != printed:
                    raise ApiError(
                        422,
                        f"The {HEADER} was already used within the last 24 hours for another request "
                        "(another operation, path, query or body): send a new key for a new request.",
                        code="IDEMPOTENCY_KEY_REUSED",
                        details=[
                            {
                                "field": f"header.{HEADER}",
                                "message": "already used for a different request",
                                "code": "reused",
                            }
                        ],
                    )
                return entry.answer
            try:
                result = handler()
            except ApiError as error:
                if error.status < 500:
                    self._keep(entries, key, printed, Answer(error.status, error.body(ctx.request_id), error.headers))
                raise
            if result.status < 500:
                self._keep(entries, key, printed, Answer(result.status, result.body, result.headers))
            return result

    def _live(self, workspace_id: str) -> OrderedDict[str, _Entry]:
        """The workspace's entries, those past their 24 hours dropped (oldest first, so from the front)."""
        entries = self._spaces.setdefault(workspace_id, OrderedDict())
        now = self._clock.now()
        while entries:
            oldest_key, oldest = next(iter(entries.items()))
            if oldest.expires > now:
                break
            del entries[oldest_key]
        return entries

    def _find(self, entries: OrderedDict[str, _Entry], key: str) -> _Entry | None:
        """The key's entry if still valid (checked on its own too: a clock set back breaks the order)."""
        entry = entries.get(key)
        if entry is not None and entry.expires <= self._clock.now():
            del entries[key]
            return None
        return entry

    def _keep(self, entries: OrderedDict[str, _Entry], key: str, printed: str, answer: Answer) -> None:
        # A deep copy: handlers may change records (and so what a body shares with them) later.
        frozen = Answer(answer.status, copy.deepcopy(answer.body), dict(answer.headers))
        entries[key] = _Entry(printed, frozen, self._clock.now() + self.ttl)
        entries.move_to_end(key)
        while len(entries) > self.max_keys:
            entries.popitem(last=False)
