"""``python -m fastn_mock``: serve the mock on http://127.0.0.1:4010 (``MOCK_PORT`` / ``--port`` change it).

Flags override the environment variables of the same meaning (listed in ``mock/README.md``).
Where to find the key to use is printed at start-up, without any of its characters.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

import uvicorn
from fastn_spec import SpecError

from ._app import create_app
from ._auth import API_KEY_HEADER
from ._config import DEFAULT_PORT, MockConfig
from ._deviations import BEARER_KEY, DEVIATIONS, ordered, parse_deviations
from ._errors import ApiError
from ._faults import parse_payload, settings_from_payload
from ._server import server_options
from ._store import DEFAULT_KEYS, KeySeed

_KEYS_HELP = "built-in test keys (workspace, role): " + "; ".join(
    f"{key.secret} ({key.workspace_id}, {key.role})" for key in DEFAULT_KEYS
)


def _key_hint(key: KeySeed) -> str:
    """Which key to use, by name only: start-up output ends up in CI logs, and any characters of a key
    printed here would add to its `prefix` (listed by `listApiKeys`) towards rebuilding a short one."""
    if key.name == "FASTN_API_KEY":
        return "$FASTN_API_KEY"
    return "the built-in owner key (see --help)"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m fastn_mock", description=__doc__, epilog=_KEYS_HELP)
    parser.add_argument("--host", default=os.environ.get("MOCK_HOST", "127.0.0.1"))
    parser.add_argument("--port", type=int, default=int(os.environ.get("MOCK_PORT", DEFAULT_PORT)))
    parser.add_argument(
        "--spec", type=Path, help="the OpenAPI document (default: the wheel's own, else <repo>/openapi/fastn.yaml)"
    )
    parser.add_argument(
        "--rate-limit",
        type=int,
        help="requests per window (a minute) per key, and per client address without a valid key; 0 turns it off",
    )
    parser.add_argument("--rate-window", type=int, help="seconds of one rate-limit window (60)")
    parser.add_argument("--fault-rate", type=float, help="probability (0-1) of an injected error status")
    parser.add_argument("--fault-statuses", help="comma-separated statuses to draw from, e.g. 500,503,429")
    parser.add_argument("--latency-ms", type=int, help="added latency for every API request")
    parser.add_argument("--drop-rate", type=float, help="probability (0-1) of dropping the connection")
    parser.add_argument(
        "--lose-reply-rate", type=float, help="probability (0-1) of processing a request, then sending no answer"
    )
    parser.add_argument(
        "--truncate-rate", type=float, help="probability (0-1) of processing a request, then sending half an answer"
    )
    parser.add_argument("--fault-seed", type=int, help="seed of the fault generator (reproducible faults)")
    parser.add_argument(
        "--fault-script",
        help='scripted faults as JSON, e.g. \'[{"path": "/api/v1/customers", "status": 503, "count": 2}]\'',
    )
    parser.add_argument("--validate-responses", action="store_true", help="check every answer against the spec")
    parser.add_argument("--header-timeout", type=float, help="seconds a request line and headers may take (10)")
    parser.add_argument("--body-timeout", type=float, help="seconds a request body may take to arrive (10)")
    parser.add_argument("--keep-alive-timeout", type=int, help="seconds an idle connection stays open (5)")
    parser.add_argument(
        "--max-connections",
        type=int,
        help="connections past which uvicorn answers 503 (256; 0: none)",
    )
    parser.add_argument(
        "--max-faults", type=int, help="scripted faults that may be pending at once (1000); more are refused (409)"
    )
    parser.add_argument(
        "--max-workspace-bytes",
        type=int,
        help="data one workspace may store, as JSON (8388608); a body that would pass it is 413",
    )
    parser.add_argument(
        "--deviate",
        action="append",
        metavar="NAME[,NAME...]",
        help="contradict the spec on purpose, in these named ways (repeatable): " + ", ".join(DEVIATIONS),
    )
    parser.add_argument("--log-level", default="info")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Parse flags, build the app, print how to call it, serve until interrupted."""
    args = _parser().parse_args(argv)
    logging.basicConfig(level=args.log_level.upper(), format="%(levelname)s %(name)s: %(message)s")
    overrides: dict[str, object] = {}
    if args.spec is not None:
        overrides["spec_path"] = args.spec
    if args.rate_limit is not None:
        overrides["rate_limit"] = args.rate_limit
    if args.rate_window is not None:
        overrides["rate_window"] = args.rate_window
    if args.validate_responses:
        overrides["validate_responses"] = True
    for name in (
        "header_timeout",
        "body_timeout",
        "keep_alive_timeout",
        "max_connections",
        "max_faults",
        "max_workspace_bytes",
    ):
        if getattr(args, name) is not None:
            overrides[name] = getattr(args, name)
    try:
        if args.deviate is not None:
            overrides["deviations"] = parse_deviations(args.deviate)
        config = MockConfig.from_env(None, **overrides)
        payload: dict[str, object] = {}
        for name, value in (
            ("errorRate", args.fault_rate),
            ("latencyMs", args.latency_ms),
            ("dropRate", args.drop_rate),
            ("loseReplyRate", args.lose_reply_rate),
            ("truncateRate", args.truncate_rate),
            ("seed", args.fault_seed),
        ):
            if value is not None:
                payload[name] = value
        if args.fault_statuses:
            payload["errorStatuses"] = [int(s) for s in args.fault_statuses.split(",") if s.strip()]
        if args.fault_script:
            payload["script"] = json.loads(args.fault_script)
        if payload:
            config = replace(config, faults=settings_from_payload(parse_payload(payload), config.faults))
        app = create_app(config)
    except ApiError as exc:  # fault settings that do not validate
        problems = "; ".join(f"{d.get('field')}: {d.get('message')}" for d in exc.details)
        print(f"fastn_mock: cannot start: {exc.message} {problems}", file=sys.stderr)
        return 2
    except (SpecError, OSError, ValueError) as exc:
        print(f"fastn_mock: cannot start: {exc}", file=sys.stderr)
        return 2
    key = config.keys[0]
    every = "min" if config.rate_window == 60 else f"{config.rate_window} s"
    limit = f"{config.rate_limit}/{every} per key, per address without one" if config.rate_limit else "off"
    send = "Authorization: Bearer" if BEARER_KEY in config.deviations else f"{API_KEY_HEADER}:"
    deviating = (
        f"\nfastn_mock: DEVIATING from the spec on purpose: {', '.join(ordered(config.deviations))}"
        if config.deviations
        else ""
    )
    print(
        f"fastn_mock: {len(app.spec.operations)} operations from {app.spec.source}\n"
        f"fastn_mock: serving http://{args.host}:{args.port} (rate limit {limit})\n"
        f"fastn_mock: use  {send} {_key_hint(key)}   x-fastn-space-id: {key.workspace_id}{deviating}",
        flush=True,
    )
    uvicorn.run(app, host=args.host, port=args.port, log_level=args.log_level.lower(), **server_options(config))
    return 0


if __name__ == "__main__":
    sys.exit(main())
