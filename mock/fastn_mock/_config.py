"""The mock's settings, from arguments or the environment (the variables are listed in `mock/README.md`)."""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final

from ._deviations import parse_deviations
from ._faults import MAX_FAULTS, FaultSettings, parse_payload, settings_from_payload
from ._plan import RATE_LIMIT_PER_MINUTE
from ._store import DEFAULT_KEYS, KeySeed

DEFAULT_PORT: Final = 4010
DEFAULT_RATE_LIMIT: Final = RATE_LIMIT_PER_MINUTE
"""Requests per minute per key: the plan's limit (`_plan`)."""
MAX_BODY_BYTES: Final = 1024 * 1024
HEADER_TIMEOUT: Final = 10.0
"""Seconds a connection may take to send a request's line and headers (served by `python -m fastn_mock`)."""
BODY_TIMEOUT: Final = 10.0
"""Seconds a request's body may take to arrive, once its headers are in."""
KEEP_ALIVE_TIMEOUT: Final = 5
"""Seconds an idle keep-alive connection stays open."""
MAX_CONNECTIONS: Final = 256
"""Open connections (and requests in progress) beyond which uvicorn answers 503."""
MAX_WORKSPACE_BYTES: Final = 8 * 1024 * 1024
"""Data one workspace may store, measured as compact JSON (`_store.json_size`)."""


def default_spec_path() -> Path:
    """The document this mock serves when none is named.

    A published wheel holds the spec it was built with (``fastn_mock/fastn.yaml``, put there by
    ``make dist``); in the repository, it is ``<repo>/openapi/fastn.yaml`` (this file sits in
    ``<repo>/mock/fastn_mock``).
    """
    packaged = Path(__file__).resolve().with_name("fastn.yaml")
    if packaged.is_file():
        return packaged
    return Path(__file__).resolve().parents[2] / "openapi" / "fastn.yaml"


@dataclass(frozen=True)
class MockConfig:
    """Everything `create_app` needs to know."""

    spec_path: Path = field(default_factory=default_spec_path)
    rate_limit: int = DEFAULT_RATE_LIMIT
    """Requests per key per window (per minute unless ``rate_window`` says otherwise); 0: off."""
    rate_window: int = 60
    """Seconds of one rate-limit window."""
    max_body_bytes: int = MAX_BODY_BYTES
    keys: tuple[KeySeed, ...] = DEFAULT_KEYS
    faults: FaultSettings = field(default_factory=FaultSettings)
    validate_responses: bool = False
    seed: int = 0
    execution_step_seconds: float = 1.0
    """Seconds an execution spends pending, then running, when nobody polls it."""
    header_timeout: float = HEADER_TIMEOUT
    body_timeout: float = BODY_TIMEOUT
    keep_alive_timeout: int = KEEP_ALIVE_TIMEOUT
    max_connections: int = MAX_CONNECTIONS
    """0: no limit."""
    max_faults: int = MAX_FAULTS
    """Scripted faults pending at once; ``POST /_mock/faults`` past it is 409."""
    max_workspace_bytes: int = MAX_WORKSPACE_BYTES
    """Stored data per workspace (and, apart, kept idempotent answers); a body that would pass it is 413."""
    deviations: frozenset[str] = frozenset()
    """Names from `fastn_mock.DEVIATIONS`: ways to contradict the spec on purpose (`_deviations`); none by default."""

    def __post_init__(self) -> None:
        # Any iterable of names (or "a,b") is taken; an unknown name is a ValueError listing the valid ones.
        object.__setattr__(self, "deviations", parse_deviations(self.deviations))
        for name in ("header_timeout", "body_timeout", "keep_alive_timeout"):
            if not getattr(self, name) > 0:
                raise ValueError(f"{name} must be a positive number of seconds, not {getattr(self, name)!r}")
        if self.max_connections < 0 or self.max_body_bytes < 1:
            raise ValueError("max_connections must be >= 0 and max_body_bytes >= 1")
        # Both caps protect the mock itself, so neither can be turned off.
        if self.max_faults < 1 or self.max_workspace_bytes < 1:
            raise ValueError("max_faults and max_workspace_bytes must be >= 1")
        if len(self.faults.script) > self.max_faults:
            raise ValueError(
                f"the start-up fault script has {len(self.faults.script)} entries; max_faults is {self.max_faults}"
            )

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None, **overrides: object) -> MockConfig:
        """Settings from ``MOCK_*`` / ``FASTN_*`` variables; keyword ``overrides`` win over them."""
        env = os.environ if env is None else env
        keys: tuple[KeySeed, ...] = DEFAULT_KEYS
        api_key = env.get("FASTN_API_KEY")
        if api_key:
            space = env.get("FASTN_SPACE_ID") or DEFAULT_KEYS[0].workspace_id
            keys = (KeySeed(api_key, space, "owner", "FASTN_API_KEY"), *DEFAULT_KEYS)
        faults = FaultSettings()
        fault_payload: dict[str, object] = {}
        for variable, name, convert in (
            ("MOCK_FAULT_RATE", "errorRate", float),
            ("MOCK_LATENCY_MS", "latencyMs", int),
            ("MOCK_DROP_RATE", "dropRate", float),
            ("MOCK_LOSE_REPLY_RATE", "loseReplyRate", float),
            ("MOCK_TRUNCATE_RATE", "truncateRate", float),
            ("MOCK_FAULT_SEED", "seed", int),
        ):
            if env.get(variable):
                fault_payload[name] = convert(env[variable])
        if env.get("MOCK_FAULT_STATUSES"):
            fault_payload["errorStatuses"] = [int(s) for s in env["MOCK_FAULT_STATUSES"].split(",") if s.strip()]
        if env.get("MOCK_FAULT_SCRIPT"):
            fault_payload["script"] = json.loads(env["MOCK_FAULT_SCRIPT"])
        if fault_payload:
            faults = settings_from_payload(parse_payload(fault_payload))
        values: dict[str, object] = {
            "keys": keys,
            "faults": faults,
            "rate_limit": int(env.get("MOCK_RATE_LIMIT", DEFAULT_RATE_LIMIT)),
            "rate_window": int(env.get("MOCK_RATE_WINDOW", "60")),
            "validate_responses": env.get("MOCK_VALIDATE_RESPONSES", "") in ("1", "true", "yes"),
            "seed": int(env.get("MOCK_SEED", "0")),
        }
        for variable, name, convert in (
            ("MOCK_HEADER_TIMEOUT", "header_timeout", float),
            ("MOCK_BODY_TIMEOUT", "body_timeout", float),
            ("MOCK_KEEP_ALIVE_TIMEOUT", "keep_alive_timeout", int),
            ("MOCK_MAX_CONNECTIONS", "max_connections", int),
            ("MOCK_MAX_FAULTS", "max_faults", int),
            ("MOCK_MAX_WORKSPACE_BYTES", "max_workspace_bytes", int),
        ):
            if env.get(variable):
                values[name] = convert(env[variable])
        if env.get("MOCK_DEVIATE"):
            values["deviations"] = parse_deviations(env["MOCK_DEVIATE"])
        if env.get("FASTN_SPEC"):
            values["spec_path"] = Path(env["FASTN_SPEC"])
        values.update(overrides)
        return cls(**values)  # type: ignore[arg-type]
