"""The mock's state: workspaces, their collections, keys, usage and sessions, behind one lock.

State changes happen in plain synchronous code while holding `Store.lock`, so concurrent
requests (several uvicorn connections, or test threads each driving the ASGI app) never
interleave inside one change: parallel creates lose nothing, and of two updates that expect
the same revision exactly one wins.

A workspace counts what it stores (`Workspace.stored_bytes`: each record, chat message and build
job as compact JSON, measured when written), so the pipeline can refuse a body that would take it
past the mock's cap. The audit log is bounded apart, by its number of events (`_audit`).

No output of the mock may give away part of a key beyond its `key_prefix`: the start-up banner
names the key to use without showing any of it.
"""

from __future__ import annotations

import json
import random
import secrets
import threading
import uuid
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Final

from ._auth import RESOURCES, permissions_payload, system_roles
from ._clock import Clock, rfc3339

Record = dict[str, Any]

DEFAULT_SPACE_ID: Final = "5f0c6a52-3b1e-4d7a-9c2f-8e1d4b6a7c30"
OTHER_SPACE_ID: Final = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d"
DEFAULT_API_KEY: Final = "fsk_test_mock_owner"
VIEWER_API_KEY: Final = "fsk_test_mock_viewer"
OTHER_API_KEY: Final = "fsk_test_mock_other"


KEY_MARKERS: Final = ("fsk_test_", "fsk_live_")
"""The documented beginnings of a key: they tell its mode (shown anyway as ``mode``), not its secret."""
PREFIX_SECRET_CHARS: Final = 4
"""Characters of the secret proper (after the marker) a key's ``prefix`` shows, to tell keys apart..."""
MIN_HIDDEN_CHARS: Final = 24
"""...only when at least this many characters stay hidden (a generated key keeps 28 hex digits, 112 bits)."""


def key_prefix(secret: str) -> str:
    """What `listApiKeys` shows of a key: its marker, and 4 more characters only if 24 or more stay unseen.

    The prefix is the only part of a key any output shows (the banner shows none), so a short key
    (a built-in test key, a ``$FASTN_API_KEY``) cannot be rebuilt from what the mock prints.
    """
    marker = next((m for m in KEY_MARKERS if secret.startswith(m)), "")
    if len(secret) - len(marker) - PREFIX_SECRET_CHARS >= MIN_HIDDEN_CHARS:
        return secret[: len(marker) + PREFIX_SECRET_CHARS]
    return marker


def json_size(value: Any) -> int:
    """How many bytes ``value`` takes as compact JSON: the measure of what a workspace stores."""
    return len(json.dumps(value, separators=(",", ":"), default=str))


@dataclass(frozen=True)
class KeySeed:
    """A key that exists from the start (the documented test keys, or `FASTN_API_KEY`)."""

    secret: str
    workspace_id: str
    role: str
    name: str


DEFAULT_KEYS: Final = (
    KeySeed(DEFAULT_API_KEY, DEFAULT_SPACE_ID, "owner", "Mock owner key"),
    KeySeed(VIEWER_API_KEY, DEFAULT_SPACE_ID, "viewer", "Mock viewer key"),
    KeySeed(OTHER_API_KEY, OTHER_SPACE_ID, "owner", "Mock key of another workspace"),
)


@dataclass
class Workspace:
    """One workspace (space): its collections, in insertion order, its counters and the size of what it stores."""

    id: str
    collections: dict[str, dict[str, Record]] = field(default_factory=dict)
    usage: Counter[str] = field(default_factory=Counter)
    chat_sessions: dict[str, list[dict[str, str]]] = field(default_factory=dict)
    builds: dict[str, Record] = field(default_factory=dict)
    stored: dict[tuple[str, str], int] = field(default_factory=dict)
    """Bytes of each thing kept, by (kind, id): a collection's name and a record id, ``chat``, ``builds``,
    ``results`` (room taken by a run for the result it will have)."""
    stored_bytes: int = 0
    """The sum of `stored`."""

    def collection(self, name: str) -> dict[str, Record]:
        """The records of a collection by id (created empty on first use)."""
        return self.collections.setdefault(name, {})

    def measure(self, kind: str, key: str, value: Any) -> None:
        """Count ``value`` as what the workspace keeps under (kind, key), replacing any earlier count; None: nothing."""
        before = self.stored.pop((kind, key), 0)
        now = 0 if value is None else json_size(value)
        if value is not None:
            self.stored[(kind, key)] = now
        self.stored_bytes += now - before

    def put(self, collection: str, record: Record) -> None:
        """Store a record by its id (or, after changing it in place, measure it again)."""
        self.collection(collection)[record["id"]] = record
        self.measure(collection, record["id"], record)

    def remove(self, collection: str, record_id: str) -> Record | None:
        """Delete a record (None if there was none) and its count."""
        self.measure(collection, record_id, None)
        return self.collection(collection).pop(record_id, None)


class Store:
    """All workspaces, the key index and the id source."""

    def __init__(
        self,
        clock: Clock,
        *,
        key_seeds: Iterable[KeySeed] = DEFAULT_KEYS,
        seed: int = 0,
        resources: Iterable[str] = RESOURCES,
    ) -> None:
        self.clock = clock
        self._roles = system_roles(tuple(resources))
        self.lock = threading.RLock()
        self._key_seeds = tuple(key_seeds)
        self._seed = seed
        self.reset()

    def reset(self) -> None:
        """Forget everything and seed the workspaces and keys anew."""
        with self.lock:
            # Ids only need to be unique and reproducible run to run, not unguessable.
            self._ids = random.Random(self._seed)  # noqa: S311
            self.workspaces: dict[str, Workspace] = {}
            self.keys: dict[str, tuple[str, str]] = {}
            for key in self._key_seeds:
                self.add_key(key.workspace_id, name=key.name, role=key.role, secret=key.secret)

    def new_id(self) -> str:
        """A fresh version-4 UUID (from the seeded generator)."""
        with self.lock:
            return str(uuid.UUID(int=self._ids.getrandbits(128), version=4))

    def now(self) -> str:
        """The clock's time as an RFC 3339 timestamp."""
        return rfc3339(self.clock.now())

    def workspace(self, workspace_id: str) -> Workspace:
        """A workspace, created and seeded (system roles, an owner user) on first use."""
        with self.lock:
            found = self.workspaces.get(workspace_id)
            if found is None:
                found = self.workspaces[workspace_id] = Workspace(workspace_id)
                self._seed_workspace(found)
            return found

    def _seed_workspace(self, ws: Workspace) -> None:
        now = self.now()
        for key, (name, description, grants) in self._roles.items():
            ws.put(
                "roles",
                {
                    "id": self.new_id(),
                    "key": key,
                    "name": name,
                    "description": description,
                    "system": True,
                    "permissions": permissions_payload(grants),
                    "createdAt": now,
                },
            )
        user_id = self.new_id()
        owner: Record = {
            "id": user_id,
            "email": "owner@example.com",
            "name": "Workspace Owner",
            "role": "owner",
            "teams": [],
            "status": "active",
            "lastActiveAt": now,
            "createdAt": now,
        }
        ws.put("users", owner)

    def add_key(
        self,
        workspace_id: str,
        *,
        name: str,
        role: str,
        mode: str | None = None,
        expires_at: str | None = None,
        secret: str | None = None,
        key_id: str | None = None,
    ) -> Record:
        """Create an API key record in a workspace and index its secret; returns the record.

        The record keeps the secret under ``secret`` (only `CreatedApiKey` declares it, so it is
        rendered in the creation response and nowhere else).
        """
        with self.lock:
            if mode is None:
                mode = "live" if (secret or "").startswith("fsk_live_") else "test"
            if secret is None:
                secret = f"fsk_{mode}_{secrets.token_hex(16)}"
            key_id = key_id or self.new_id()
            record: Record = {
                "id": key_id,
                "name": name,
                "mode": mode,
                "prefix": key_prefix(secret),
                "role": role,
                "expiresAt": expires_at,
                "lastUsedAt": None,
                "createdAt": self.now(),
                "secret": secret,
            }
            self.workspace(workspace_id).put("api-keys", record)
            self.keys[secret] = (workspace_id, key_id)
            return record

    def find_key(self, secret: str) -> tuple[Workspace, Record] | None:
        """The live key record for a secret: None when unknown or revoked (its record deleted)."""
        with self.lock:
            entry = self.keys.get(secret)
            if entry is None:
                return None
            ws = self.workspace(entry[0])
            record = ws.collection("api-keys").get(entry[1])
            return None if record is None else (ws, record)

    def role(self, ws: Workspace, key: str) -> Record | None:
        """A role of the workspace by its `key`."""
        with self.lock:
            return next((r for r in ws.collection("roles").values() if r.get("key") == key), None)
