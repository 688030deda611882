"""``fastn-contract``: the evidence report of a contract run, and the recording proxy.

    fastn-contract report --exchanges run.jsonl --target URL [--out reports/] [--probe-idempotency]
    fastn-contract proxy --upstream URL [--port 4030] [--record DIR] [--out reports/]

``report`` judges the exchanges a run recorded (``scripts/contract.sh`` records them through its
schemathesis hook) and writes ``evidence.json`` and ``evidence.md``; with
``--probe-idempotency`` it first probes the server at ``--target`` (writes: it creates and deletes
a secret) with the credentials of ``FASTN_API_KEY`` / ``FASTN_SPACE_ID`` (never an argument, so
they stay out of process lists). It exits 1 when the report holds a contradiction, or anything
the spec does not know (unless ``--allow-unknown``), else 0.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path

import fastn_spec
import httpx
from fastn_mock import default_spec_path

from . import exchanges, probes, proxy, report
from .observer import Observer


def _credentials() -> dict[str, str]:
    key = os.environ.get("FASTN_API_KEY", "")
    space = os.environ.get("FASTN_SPACE_ID", "")
    if not key or not space:
        raise SystemExit("set FASTN_API_KEY and FASTN_SPACE_ID for the probe (they are never taken as arguments)")
    headers = {"x-fastn-api-key": key, "x-fastn-space-id": space}
    for variable, header in (("FASTN_TENANT_ID", "x-fastn-space-tenantid"), ("FASTN_STAGE", "stage")):
        if os.environ.get(variable):
            headers[header] = os.environ[variable]
    return headers


def _report(args: argparse.Namespace) -> int:
    document = fastn_spec.load(args.spec)
    base_path = httpx.URL(args.target).path.rstrip("/") if args.target else ""
    observer = Observer(document, base_path=base_path)
    if args.exchanges:
        for exchange in exchanges.read(args.exchanges):
            observer.observe(exchange)
    if args.probe_idempotency:
        if not args.target:
            raise SystemExit("--probe-idempotency needs --target, the server to probe")
        log = exchanges.ExchangeLog(args.exchanges) if args.exchanges else None
        with httpx.Client(base_url=args.target, headers=_credentials(), timeout=30) as client:
            probes.probe_idempotency(client, observer, record=log.append if log else None)
    built = report.build(observer, target=args.target, spec=str(args.spec))
    as_json, as_markdown = report.write(built, args.out)
    summary = built["summary"]
    print(
        f"evidence: {summary['contradicted']} contradicted, {summary['unknown']} unknown, "
        f"{summary['confirmed']} confirmed, {summary['unexercised']} never exercised "
        f"({built['exchanges']['total']} exchanges); {as_markdown}, {as_json}"
    )
    for entry in built["contradicted"][:20]:
        first = entry["observations"][0] if entry["observations"] else {}
        print(
            f"  contradicted {entry['kind']} {entry['name']}: {first.get('observed', '')} ({first.get('message', '')})"
        )
    for entry in built["unknown"][:20]:
        print(f"  not in the spec: {entry['kind']} {entry['name']} = {entry['value']} ({entry['count']}x)")
    failed = summary["contradicted"] > 0 or (summary["unknown"] > 0 and not args.allow_unknown)
    return 1 if failed else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="fastn-contract", description=__doc__.splitlines()[0])
    parser.add_argument(
        "--spec", type=Path, default=default_spec_path(), help="the OpenAPI document (default: the one the mock serves)"
    )
    commands = parser.add_subparsers(dest="command", required=True)

    judge = commands.add_parser("report", help="judge recorded exchanges and write the evidence report")
    judge.add_argument("--exchanges", type=Path, help="JSON Lines file of exchanges (fastn_contract.exchanges)")
    judge.add_argument("--target", default="", help="the base URL the exchanges went to")
    judge.add_argument("--out", type=Path, default=Path("reports"), help="folder for evidence.json / evidence.md")
    judge.add_argument(
        "--allow-unknown", action="store_true", help="exit 0 even if the service sent what the spec lacks"
    )
    judge.add_argument("--probe-idempotency", action="store_true", help="first probe Idempotency-Key (writes!)")

    serve = commands.add_parser("proxy", help="a validating, recording proxy in front of --upstream")
    serve.add_argument("--upstream", required=True, help="the server's base URL, e.g. https://live.fastn.ai")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=4030)
    serve.add_argument("--out", type=Path, default=Path("reports"), help="where the report goes when the proxy stops")
    serve.add_argument("--record", type=Path, help="write each exchange as a redacted evidence fixture here")

    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(name)s: %(message)s", stream=sys.stderr)
    if args.command == "report":
        return _report(args)
    return proxy.serve(args.upstream, args.spec, host=args.host, port=args.port, out=args.out, record=args.record)


if __name__ == "__main__":
    sys.exit(main())
