"""CPU cost per call of the Fastn client, beside the floor and a peer, in one run.

Five ways to make the same call -- GET /api/v1/customers answering a page of 100 customers
over an in-process transport (no network, so only client-side CPU is measured):

    floor      raw httpx + json.loads
    bare       the client openapi-python-client makes from the spec with no overrides
               (generated into a temporary directory as package `fastn_client_bare`)
    no-rt      the committed client with its runtime bypassed: a plain httpx.Client is set,
               so no retry/pacing transport and no typed-error check run
    fastn      the committed client as users get it: templates + runtime (retries, pacing, errors)
    oag        the peer: openapi-generator's `python` client (pydantic models on urllib3), made
               from the same spec by the pinned generator (requirements.in) into a temporary
               directory as package `fastn_oag`. Its urllib3 PoolManager is replaced by one that
               answers in-process, so it skips urllib3's pool and connection code, which the
               httpx variants run through to their transport: if anything, the peer is favoured.

Rounds interleave them in shuffled order so machine noise hits them alike; the table gives
the best (least disturbed) CPU time per call and ratios, as timeit does. The peer is slow, so
it makes a tenth of the calls per round. Targets (issue #12): the whole client, fastn / floor,
<= 1.3, and below the peer; the overrides' cost against the bare client is shown for issue #4.

    .venv/bin/python scripts/bench_client.py [--calls 300] [--rounds 11]
"""

from __future__ import annotations

import argparse
import gc
import importlib
import importlib.util
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parent.parent
BASE_URL = "https://fastn.bench"
KEY = "fsk_test_bench"
RESET = str(int(time.time()) + 3600)


def page_body(size: int) -> bytes:
    customers = [
        {
            "id": f"3f1c2a9e-8b4d-4e2f-9a61-{index:012d}",
            "name": f"Customer {index}",
            "slug": f"customer-{index}",
            "status": "active",
            "adminEmail": f"admin{index}@example.com",
            "plan": "growth",
            "dataResidency": "EU",
            "revision": 1 + index % 7,
            # Distinct instants in JavaScript's toISOString() form, as a Node service writes them.
            "createdAt": f"2026-{1 + index % 12:02d}-{1 + index % 28:02d}T07:{index % 60:02d}:00.{index % 1000:03d}Z",
            "updatedAt": f"2026-11-{1 + index % 28:02d}T09:30:{59 - index % 60:02d}.{999 - index % 1000:03d}Z",
        }
        for index in range(size)
    ]
    return json.dumps({"data": customers, "nextCursor": None}).encode()


HEADERS = {
    "content-type": "application/json",
    "x-ratelimit-limit": "1000000000",
    "x-ratelimit-remaining": "999999999",
    "x-ratelimit-reset": RESET,
}


def transport(body: bytes) -> httpx.MockTransport:
    return httpx.MockTransport(lambda _request: httpx.Response(200, content=body, headers=HEADERS))


def generate_bare(workdir: Path) -> None:
    """The generator's own output, without our templates or overrides, as fastn_client_bare."""
    config = workdir / "config.yml"
    config.write_text(
        (ROOT / "generator-config.yml")
        .read_text(encoding="utf-8")
        .replace("package_name_override: fastn_client", "package_name_override: fastn_client_bare"),
        encoding="utf-8",
    )
    env = dict(os.environ, PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}")
    subprocess.run(
        [
            str(Path(sys.executable).parent / "openapi-python-client"),
            "generate",
            "--path",
            str(ROOT / "openapi" / "fastn.yaml"),
            "--config",
            str(config),
            "--meta",
            "none",
            "--output-path",
            str(workdir / "fastn_client_bare"),
        ],
        check=True,
        capture_output=True,
        env=env,
        cwd=workdir,
    )
    _load_package("fastn_client_bare", workdir / "fastn_client_bare")


def generate_peer(workdir: Path) -> None:
    """openapi-generator's python client of the spec, as package fastn_oag (the jar is pinned by PyPI)."""
    subprocess.run(
        [
            str(Path(sys.executable).parent / "openapi-generator-cli"),
            "generate",
            "--generator-name",
            "python",
            "--input-spec",
            str(ROOT / "openapi" / "fastn.yaml"),
            "--output",
            str(workdir / "oag"),
            "--package-name",
            "fastn_oag",
            "--global-property",
            "apiTests=false,modelTests=false,apiDocs=false,modelDocs=false",
        ],
        check=True,
        capture_output=True,
        cwd=workdir,
    )
    _load_package("fastn_oag", workdir / "oag" / "fastn_oag")


def _load_package(name: str, package: Path) -> None:
    """Import a generated package from its directory (the import path is left alone; submodules follow __path__)."""
    spec = importlib.util.spec_from_file_location(
        name, package / "__init__.py", submodule_search_locations=[str(package)]
    )
    assert spec is not None
    assert spec.loader is not None
    sys.modules[name] = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(sys.modules[name])


class InProcessPool:
    """What urllib3's PoolManager.request returns, made in-process: the peer's MockTransport."""

    def __init__(self, body: bytes) -> None:
        self.body = body

    def request(self, method: str, url: str, **_kwargs: Any) -> Any:
        import urllib3

        return urllib3.HTTPResponse(
            body=self.body, headers=HEADERS, status=200, preload_content=False, request_method=method, request_url=url
        )


def callers(body: bytes) -> dict[str, Callable[[], Any]]:
    floor_client = httpx.Client(base_url=BASE_URL, transport=transport(body))

    def floor() -> Any:
        return json.loads(floor_client.get("/api/v1/customers", params={"limit": 100}).content)

    bare_pkg = importlib.import_module("fastn_client_bare")
    bare_list = importlib.import_module("fastn_client_bare.api.customers.list_customers")
    bare_client = bare_pkg.AuthenticatedClient(base_url=BASE_URL, token=KEY, httpx_args={"transport": transport(body)})

    def bare() -> Any:
        return bare_list.sync(client=bare_client, limit=100)

    from fastn_client import AuthenticatedClient
    from fastn_client.api.customers import list_customers
    from fastn_client.client import DEFAULT_TIMEOUT

    fastn_client = AuthenticatedClient(base_url=BASE_URL, token=KEY, httpx_args={"transport": transport(body)})

    def fastn() -> Any:
        return list_customers.sync(client=fastn_client, limit=100)

    raw_client = AuthenticatedClient(base_url=BASE_URL, token=KEY)
    # The same headers and timeout as the real client sends; only the runtime transport is missing.
    raw_client.set_httpx_client(
        httpx.Client(
            base_url=BASE_URL, transport=transport(body), headers={"x-fastn-api-key": KEY}, timeout=DEFAULT_TIMEOUT
        )
    )

    def no_runtime() -> Any:
        return list_customers.sync(client=raw_client, limit=100)

    oag = importlib.import_module("fastn_oag")
    oag_client = oag.ApiClient(oag.Configuration(host=BASE_URL, api_key={"ApiKeyAuth": KEY}))
    oag_client.rest_client.pool_manager = InProcessPool(body)
    oag_customers = oag.CustomersApi(oag_client)

    def peer() -> Any:
        return oag_customers.list_customers(limit=100)

    for call in (floor, bare, no_runtime, fastn, peer):  # warm up, and check all of them parse the page
        result = call()
        assert len(result["data"] if isinstance(result, dict) else result.data) == 100
    return {"floor": floor, "bare": bare, "no-rt": no_runtime, "fastn": fastn, "oag": peer}


def measure(call: Callable[[], Any], calls: int) -> float:
    gc.collect()  # start each sample with the same heap, so no variant pays another's garbage
    start = time.process_time()
    for _ in range(calls):
        call()
    return (time.process_time() - start) / calls


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--calls", type=int, default=300, help="calls per round and variant")
    parser.add_argument("--rounds", type=int, default=11, help="interleaved rounds; the best is reported")
    parser.add_argument("--size", type=int, default=100, help="resources per page")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="fastn-bench-") as tmp:
        generate_bare(Path(tmp))
        generate_peer(Path(tmp))
        variants = callers(page_body(args.size))
        calls = {name: max(1, args.calls // 10) if name == "oag" else args.calls for name in variants}
        samples: dict[str, list[float]] = {name: [] for name in variants}
        order = list(variants)
        shuffle = random.Random(0)  # noqa: S311 - a fixed, reproducible order, not security
        for _ in range(args.rounds):
            shuffle.shuffle(order)  # no variant always runs first (cold) or last (warm)
            for name in order:
                samples[name].append(measure(variants[name], calls[name]))

    best = {name: min(values) for name, values in samples.items()}
    print(f"CPU per call, list of {args.size} customers, best of {args.rounds} rounds x {args.calls} calls")
    print(f"{'variant':<8} {'us/call':>10} {'x floor':>9} {'x bare':>8}")
    for name, value in best.items():
        print(f"{name:<8} {value * 1e6:>10.1f} {value / best['floor']:>9.2f} {value / best['bare']:>8.3f}")
    print(f"\nwhole client vs floor: {best['fastn'] / best['floor']:.2f}x (target <= 1.3x)")
    print(f"whole client vs openapi-generator's: {best['fastn'] / best['oag']:.2f}x (target < 1)")
    print(f"overrides, all of them, vs the bare client: {best['fastn'] / best['bare'] - 1:+.1%}")
    print(f"  of which the runtime transport: {best['fastn'] / best['no-rt'] - 1:+.1%} (fastn vs no-rt)")
    print(f"  and the templates: {best['no-rt'] / best['bare'] - 1:+.1%} (no-rt vs bare)")


if __name__ == "__main__":
    main()
