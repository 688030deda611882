"""``Idempotency-Key``: a POST retried with the same key is answered as the first time and changes nothing.

What the spec promises (its ``**Retries.**`` paragraph and the ``IdempotencyKey`` parameter), per
workspace:

* the first request with a key is processed as usual; if it reached its operation's handler, the
  answer (status, JSON body as sent, the handler's own headers such as ``Location``) is kept for 24
  hours with a fingerprint of the request: method, path, query string and the parsed body in canonical form;
* the same key with the same fingerprint gets that answer again (its body byte for byte, the first
  ``requestId`` included) without running the handler: no new resource, no audit event;
* the same key with another fingerprint is 422 ``IDEMPOTENCY_KEY_REUSED``.

Answers decided before the handler (401, 403, 429, parameter and body validation, injected faults)
and 5xx are not kept, so a retry is processed afresh. Faults that strike after processing
(``loseReply``, ``truncate``) spoil an answer that was kept: the retry hears what the first request
never did. Memory is bounded: an expired key is dropped when its workspace is next used, and a
workspace keeps at most `MAX_KEYS` keys and ``max_bytes`` of kept bodies (the oldest go first, the
newest answer is always kept). A body is kept as the bytes sent, not as Python objects, which can take
ten times as much memory.

Checking the key, running the handler and keeping its answer happen under one lock (the store's),
so of two concurrent requests with one key, one is processed and the other replays its answer.
"""

from __future__ import annotations

import hashlib
import json
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Final

from ._clock import Clock
from ._config import MAX_WORKSPACE_BYTES
from ._context import Ctx, Result
from ._errors import ApiError
from ._http import encode_json
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
    content: bytes | None
    """The body as sent (`_http.encode_json`); None for an answer without one."""
    headers: Mapping[str, str]


@dataclass(frozen=True)
class _Entry:
    fingerprint: str
    answer: Answer
    expires: float
    size: int


class _Kept(OrderedDict[str, _Entry]):
    """One workspace's entries, oldest first, and the bytes their bodies take."""

    size = 0

    def add(self, key: str, entry: _Entry) -> None:
        self.drop(key)
        self[key] = entry
        self.size += entry.size

    def drop(self, key: str) -> None:
        entry = self.pop(key, None)
        if entry is not None:
            self.size -= entry.size

    def oldest(self) -> tuple[str, _Entry]:
        return next(iter(self.items()))


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
        max_bytes: int = MAX_WORKSPACE_BYTES,
    ) -> None:
        self._clock = clock
        self._lock = lock
        self._keyed = keyed_operations(operations)
        self.ttl = ttl
        self.max_keys = max_keys
        self.max_bytes = max_bytes
        self._spaces: dict[str, _Kept] = {}

    def reset(self) -> None:
        """Forget every key."""
        with self._lock:
            self._spaces.clear()

    def size(self, workspace_id: str) -> int:
        """How many keys the workspace holds now (expired ones dropped first)."""
        with self._lock:
            return len(self._live(workspace_id))

    def kept_bytes(self, workspace_id: str) -> int:
        """Bytes of the bodies the workspace's live keys hold."""
        with self._lock:
            return self._live(workspace_id).size

    def run(
        self,
        ctx: Ctx,
        path: str,
        query: str,
        handler: Callable[[], Result],
        admit: Callable[[], None] = lambda: None,
    ) -> Result | Answer:
        """``handler``'s answer, kept under the request's key; or the answer kept for it (a replay).

        Without a key, or for an operation that takes none, this is just ``admit()`` then ``handler()``.
        A key kept for another request is 422. ``admit`` runs only when the request is to be processed
        (not replayed): its `ApiError` is raised without being kept, so a retry is judged afresh. A
        handler's `ApiError` below 500 is kept, then raised on.
        """
        key = ctx.headers.get(HEADER)
        if key is None or ctx.op.operation_id not in self._keyed:
            admit()
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
            admit()
            try:
                result = handler()
            except ApiError as error:
                if error.status < 500:
                    self._keep(entries, key, printed, error.status, error.body(ctx.request_id), error.headers)
                raise
            if result.status < 500:
                self._keep(entries, key, printed, result.status, result.body, result.headers)
            return result

    def _live(self, workspace_id: str) -> _Kept:
        """The workspace's entries, those past their 24 hours dropped (oldest first, so from the front)."""
        entries = self._spaces.setdefault(workspace_id, _Kept())
        now = self._clock.now()
        while entries:
            oldest_key, oldest = entries.oldest()
            if oldest.expires > now:
                break
            entries.drop(oldest_key)
        return entries

    def _find(self, entries: _Kept, key: str) -> _Entry | None:
        """The key's entry if still valid (checked on its own too: a clock set back breaks the order)."""
        entry = entries.get(key)
        if entry is not None and entry.expires <= self._clock.now():
            entries.drop(key)
            return None
        return entry

    def _keep(self, entries: _Kept, key: str, printed: str, status: int, body: Any, headers: Mapping[str, str]) -> None:
        # Encoded now: handlers may change records (and so what a body shares with them) later.
        content = encode_json(body)
        answer = Answer(status, content, dict(headers))
        entries.add(key, _Entry(printed, answer, self._clock.now() + self.ttl, len(content or b"")))
        while len(entries) > 1 and (len(entries) > self.max_keys or entries.size > self.max_bytes):
            entries.drop(entries.oldest()[0])
