"""Experiments a run makes on purpose, only with writes allowed: does the service honour ``Idempotency-Key``?

The spec infers that a POST repeated with the same ``Idempotency-Key`` is answered with the
first answer, not done twice, and that the key reused with another body is 422
``IDEMPOTENCY_KEY_REUSED``. The probe creates a secret (a harmless, named resource the run
deletes again) three times:

1. with a fresh key: created (anything else and the probe is inconclusive);
2. again with the same key and body: the same secret must come back (same ``id``);
3. with the same key and another body: refused (422).

``honoured`` confirms ``#/components/parameters/IdempotencyKey``; ``ignored`` contradicts it,
saying which step showed it. Every exchange is judged like the run's own.
"""

from __future__ import annotations

import secrets
import uuid
from collections.abc import Callable, Mapping
from typing import Any, Final
from urllib.parse import urlsplit

import httpx

from .exchanges import Exchange, from_httpx
from .observer import Observer

IDEMPOTENCY_KEY: Final = "#/components/parameters/IdempotencyKey"
CREATE: Final = "/api/v1/secrets"
SECRET_VALUE_BYTES: Final = 24


def probe_idempotency(
    client: httpx.Client, observer: Observer, *, record: Callable[[Exchange], None] | None = None
) -> str:
    """Run the probe with ``client`` (base URL and credentials set); record the verdict in ``observer``."""
    base_path = urlsplit(str(client.base_url)).path.rstrip("/")
    ids: list[str] = []
    created: set[str] = set()

    def send(body: Mapping[str, Any], key: str) -> httpx.Response:
        response = client.post(CREATE, json=dict(body), headers={"Idempotency-Key": key})
        exchange = from_httpx(response, base_path, "probe")
        observer.observe(exchange)
        if record is not None:
            record(exchange)
        ids.append(exchange.request_id())
        if response.is_success and isinstance(_id(response), str):
            created.add(str(_id(response)))
        return response

    key = str(uuid.uuid4())
    name = f"FASTN_CONTRACT_PROBE_{secrets.token_hex(6).upper()}"
    body = {"name": name, "value": secrets.token_urlsafe(SECRET_VALUE_BYTES), "description": "fastn-contract probe"}
    try:
        first = send(body, key)
        if first.status_code != 201:
            verdict, detail = "inconclusive", f"the first create was answered {first.status_code}, not 201"
        else:
            second = send(body, key)
            if not second.is_success or _same(second) != _same(first):
                verdict = "ignored"
                detail = (
                    f"the same POST with the same Idempotency-Key was done again: {second.status_code}"
                    + (f", a new id {_id(second)}" if second.is_success else "")
                    + f" (the first created {_id(first)})"
                )
            else:
                third = send({**body, "description": "fastn-contract probe, another body"}, key)
                if third.status_code != 422:
                    verdict = "ignored"
                    detail = f"the key reused with another body was answered {third.status_code}, not 422"
                else:
                    verdict = "honoured"
                    detail = "a repeat was answered with the first answer, and the key reused with another body was 422"
    finally:
        for secret_id in sorted(created):
            client.delete(f"{CREATE}/{secret_id}")
    observer.record_probe("idempotency", IDEMPOTENCY_KEY, verdict, detail, ids)
    return verdict


def _same(response: httpx.Response) -> Any:
    """What a replay must repeat: the created resource's ``id``, or the whole body when it has none."""
    found = _id(response)
    return found if found is not None else response.content


def _id(response: httpx.Response) -> Any:
    try:
        body = response.json()
    except ValueError:
        return None
    return body.get("id") if isinstance(body, Mapping) else None
