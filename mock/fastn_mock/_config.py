"""The mock's settings, from arguments or the environment (the variables are listed in `mock/README.md`)."""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final

from ._faults import FaultSettings, parse_payload, settings_from_payload
from ._store import DEFAULT_KEYS, KeySeed

DEFAULT_PORT: Final = 4010
DEFAULT_RATE_LIMIT: Final = 600
"""Requests per minute per key: the Growth plan's limit."""
MAX_BODY_BYTES: Final = 1024 * 1024


def default_spec_path() -> Path:
    """``<repo>/openapi/fastn.yaml``, the repository this package sits in (``<repo>/mock/fastn_mock``)."""
    return Path(__file__).resolve().parents[2] / "openapi" / "fastn.yaml"


@dataclass(frozen=True)
class MockConfig:
    """Everything `create_app` needs to know."""

    spec_path: Path = field(default_factory=default_spec_path)
    rate_limit: int = DEFAULT_RATE_LIMIT
    max_body_bytes: int = MAX_BODY_BYTES
    keys: tuple[KeySeed, ...] = DEFAULT_KEYS
    faults: FaultSettings = field(default_factory=FaultSettings)
    validate_responses: bool = False
    seed: int = 0
    execution_step_seconds: float = 1.0
    """Seconds an execution spends pending, then running, when nobody polls it."""

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
            "validate_responses": env.get("MOCK_VALIDATE_RESPONSES", "") in ("1", "true", "yes"),
            "seed": int(env.get("MOCK_SEED", "0")),
        }
        if env.get("FASTN_SPEC"):
            values["spec_path"] = Path(env["FASTN_SPEC"])
        values.update(overrides)
        return cls(**values)  # type: ignore[arg-type]
