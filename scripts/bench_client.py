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

Rounds interleave them in shuffled order so machine noise hits them alike; the first table
gives the best (least disturbed) CPU time per call and ratios, as timeit does. The peer is
slow, so it makes a tenth of the calls per round. On a shared machine even the best of many
rounds moves by a third from run to run, so a second table (when valgrind is installed) gives
instructions per call, counted by callgrind in a child process per variant: the same counts
whatever else the machine is doing. Targets (issue #12): the whole client, fastn / floor,
<= 1.3, and below the peer; the overrides' cost against the bare client is shown for issue #4.

    .venv/bin/python scripts/bench_client.py [--calls 300] [--rounds 11] [--size 100] [--instructions 20]
        [--sizes 1,10,100,1000]   (instructions per call and per item as pages grow; the peer up to 100)
"""

from __future__ import annotations

import argparse
import gc
import importlib
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import oag_client  # scripts/oag_client.py, beside this script
import urllib3

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


def generate_peer(workdir: Path) -> None:
    """openapi-generator's python client of the spec, as package fastn_oag (the jar is pinned by PyPI)."""
    oag_client.generate(workdir / "oag", "fastn_oag")


# The variants whose client is generated at bench time: package name, directory under the workdir.
GENERATED = {"bare": ("fastn_client_bare", "fastn_client_bare"), "oag": ("fastn_oag", "oag/fastn_oag")}


def load_generated(workdir: Path, variants: tuple[str, ...] = tuple(GENERATED)) -> None:
    """Import the generated clients of ``variants`` (all by default) from ``workdir``."""
    for variant in variants:
        if variant in GENERATED:
            name, directory = GENERATED[variant]
            oag_client.load(name, workdir / directory)


class InProcessPool:
    """What urllib3's PoolManager.request returns, made in-process: the peer's MockTransport."""

    def __init__(self, body: bytes) -> None:
        self.body = body

    def request(self, method: str, url: str, **_kwargs: Any) -> Any:
        return urllib3.HTTPResponse(
            body=self.body, headers=HEADERS, status=200, preload_content=False, request_method=method, request_url=url
        )


# The `limit` every variant asks for: the spec's largest page. A bigger page (--sizes 1000) is what a
# server sending more than asked would answer; only the peer refuses it (its models enforce maxItems).
LIMIT = 100


def _floor(body: bytes) -> Callable[[], Any]:
    client = httpx.Client(base_url=BASE_URL, transport=transport(body))
    return lambda: json.loads(client.get("/api/v1/customers", params={"limit": LIMIT}).content)


def _bare(body: bytes) -> Callable[[], Any]:
    package = importlib.import_module("fastn_client_bare")
    endpoint = importlib.import_module("fastn_client_bare.api.customers.list_customers")
    client = package.AuthenticatedClient(base_url=BASE_URL, token=KEY, httpx_args={"transport": transport(body)})
    return lambda: endpoint.sync(client=client, limit=LIMIT)


def _no_runtime(body: bytes) -> Callable[[], Any]:
    from fastn_client import AuthenticatedClient
    from fastn_client.api.customers import list_customers
    from fastn_client.client import DEFAULT_TIMEOUT

    client = AuthenticatedClient(base_url=BASE_URL, token=KEY)
    # The same headers and timeout as the real client sends; only the runtime transport is missing.
    client.set_httpx_client(
        httpx.Client(
            base_url=BASE_URL, transport=transport(body), headers={"x-fastn-api-key": KEY}, timeout=DEFAULT_TIMEOUT
        )
    )
    return lambda: list_customers.sync(client=client, limit=LIMIT)


def _fastn(body: bytes) -> Callable[[], Any]:
    from fastn_client import AuthenticatedClient
    from fastn_client.api.customers import list_customers

    client = AuthenticatedClient(base_url=BASE_URL, token=KEY, httpx_args={"transport": transport(body)})
    return lambda: list_customers.sync(client=client, limit=LIMIT)


def _peer(body: bytes) -> Callable[[], Any]:
    oag = importlib.import_module("fastn_oag")
    client = oag.ApiClient(oag.Configuration(host=BASE_URL, api_key={"ApiKeyAuth": KEY}))
    client.rest_client.pool_manager = InProcessPool(body)
    customers = oag.CustomersApi(client)
    return lambda: customers.list_customers(limit=LIMIT)


VARIANTS: dict[str, Callable[[bytes], Callable[[], Any]]] = {
    "floor": _floor,
    "bare": _bare,
    "no-rt": _no_runtime,
    "fastn": _fastn,
    "oag": _peer,
}
VALGRIND = shutil.which("valgrind") or "valgrind"
MAX_PAGE = 100  # the spec's maxItems of a page: the peer's models refuse more
WARM_UP = 20  # calls before anything is measured or counted: first calls fill caches and specialise bytecode


def caller(name: str, body: bytes, size: int) -> Callable[[], Any]:
    """One variant's call, warmed up, after checking that it parses the whole page of ``size`` items."""
    call = VARIANTS[name](body)
    result = call()
    parsed = len(result["data"] if isinstance(result, dict) else result.data)
    if parsed != size:
        raise SystemExit(f"bench_client: the {name} variant parsed {parsed} of the page's {size} customers")
    for _ in range(WARM_UP if name != "oag" else 2):
        call()
    return call


def measure(call: Callable[[], Any], calls: int) -> float:
    gc.collect()  # start each sample with the same heap, so no variant pays another's garbage
    start = time.process_time()
    for _ in range(calls):
        call()
    return (time.process_time() - start) / calls


def instructions(workdir: Path, name: str, calls: int, size: int) -> float:
    """Instructions per call of one variant, counted by callgrind: the same whatever the machine does.

    Two runs of this script as a child (``--child``), with 0 and with ``calls`` calls after the
    same warm-up; their difference over ``calls`` leaves the imports and the set-up out.
    """

    def run(count: int) -> int:
        done = subprocess.run(
            [
                VALGRIND,
                "--tool=callgrind",
                "--callgrind-out-file=/dev/null",
                sys.executable,
                __file__,
                "--child",
                name,
                "--workdir",
                str(workdir),
                "--calls",
                str(count),
                "--size",
                str(size),
            ],
            check=True,
            capture_output=True,
            text=True,
        )
        match = re.search(r"Collected : ([0-9]+)", done.stderr)
        assert match is not None, done.stderr
        return int(match[1])

    return (run(calls) - run(0)) / calls


def child(args: argparse.Namespace) -> None:
    """Make ``args.calls`` calls of one variant after a warm-up (what ``instructions`` counts)."""
    load_generated(Path(args.workdir), (args.child,))  # only its own: imports are slow under callgrind
    call = caller(args.child, page_body(args.size), args.size)
    for _ in range(args.calls):
        call()


def table(title: str, unit: str, scale: float, values: dict[str, float]) -> None:
    print(title)
    print(f"{'variant':<8} {unit:>12} {'x floor':>9} {'x bare':>8}")
    for name, value in values.items():
        shown = f"{value * scale:>12.1f}" if scale != 1 else f"{value:>12,.0f}"
        print(f"{name:<8} {shown} {value / values['floor']:>9.2f} {value / values['bare']:>8.3f}")
    print(f"whole client vs floor: {values['fastn'] / values['floor']:.2f}x (target <= 1.3x)")
    if "oag" in values:
        print(f"whole client vs openapi-generator's: {values['fastn'] / values['oag']:.2f}x (target < 1)")
    print(f"overrides, all of them, vs the bare client: {values['fastn'] / values['bare'] - 1:+.1%}")
    print(f"  of which the runtime transport: {values['fastn'] / values['no-rt'] - 1:+.1%} (fastn vs no-rt)")
    print(f"  and the templates: {values['no-rt'] / values['bare'] - 1:+.1%} (no-rt vs bare)")


GROWTH_VARIANTS = ("floor", "fastn", "oag")


def growth(workdir: Path, sizes: list[int], budget: int) -> list[str]:
    """Instructions per call at each page size, and per item, beside the floor and the peer.

    Each size gets about ``budget`` items' worth of calls (at least 3): a call of 1,000 items costs
    a thousand of one. Per item is the slope from the smallest size to this one, which leaves out
    what a call costs whatever its page holds (the request, the envelope).
    """
    counted: dict[int, dict[str, float]] = {}
    for size in sizes:
        calls = max(3, budget // size)
        names = [name for name in GROWTH_VARIANTS if name != "oag" or size <= MAX_PAGE]
        counted[size] = {name: instructions(workdir, name, calls, size) for name in names}
    header = f"{'items':>6} {'floor':>13} {'fastn':>13} {'x floor':>8} {'oag':>13} {'x floor':>8}"
    lines = [
        f"Instructions per call by page size (callgrind; per item: the slope from {sizes[0]} item(s))",
        header + f" {'floor/item':>11} {'fastn/item':>11} {'x floor':>8}",
    ]
    smallest = counted[sizes[0]]
    for size, values in counted.items():
        peer = values.get("oag")
        shown = f"{peer:>13,.0f} {peer / values['floor']:>8.2f}" if peer else f"{'(over maxItems)':>22}"
        floor, fastn = values["floor"], values["fastn"]
        line = f"{size:>6,} {floor:>13,.0f} {fastn:>13,.0f} {fastn / floor:>8.2f} {shown}"
        if size > sizes[0]:
            floor_item = (values["floor"] - smallest["floor"]) / (size - sizes[0])
            fastn_item = (values["fastn"] - smallest["fastn"]) / (size - sizes[0])
            line += f" {floor_item:>11,.0f} {fastn_item:>11,.0f} {fastn_item / floor_item:>8.2f}"
        lines.append(line)
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--calls", type=int, default=300, help="calls per round and variant")
    parser.add_argument("--rounds", type=int, default=11, help="interleaved rounds; the best is reported")
    parser.add_argument("--size", type=int, default=100, help="resources per page")
    parser.add_argument(
        "--instructions",
        type=int,
        default=20 if shutil.which("valgrind") else 0,  # about a minute
        metavar="CALLS",
        help="also count instructions per call under callgrind, over CALLS calls (0: not; default 20 with valgrind)",
    )
    parser.add_argument(
        "--sizes",
        default="1,10,100,1000" if shutil.which("valgrind") else "",
        help="page sizes of the growth table, in instructions (default 1,10,100,1000 with valgrind; '' : none)",
    )
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--workdir", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args)
        return

    with tempfile.TemporaryDirectory(prefix="fastn-bench-") as tmp:
        generate_bare(Path(tmp))
        generate_peer(Path(tmp))
        load_generated(Path(tmp))
        variants = {
            name: caller(name, page_body(args.size), args.size)
            for name in VARIANTS
            if name != "oag" or args.size <= MAX_PAGE
        }
        # Everything made so far (five clients, three generated packages, pydantic) is moved out of
        # the collector's sight: a variant's garbage collections then traverse its own objects, as
        # in a process of its own, not the other variants' modules.
        gc.collect()
        gc.freeze()
        calls = {name: max(1, args.calls // 10) if name == "oag" else args.calls for name in variants}
        samples: dict[str, list[float]] = {name: [] for name in variants}
        order = list(variants)
        shuffle = random.Random(0)  # noqa: S311 - a fixed, reproducible order, not security
        for _ in range(args.rounds):
            shuffle.shuffle(order)  # no variant always runs first (cold) or last (warm)
            for name in order:
                samples[name].append(measure(variants[name], calls[name]))
        counted = (
            {name: instructions(Path(tmp), name, args.instructions, args.size) for name in variants}
            if args.instructions
            else {}
        )
        sizes = sorted({int(size) for size in args.sizes.split(",") if size.strip()})
        grown = growth(Path(tmp), sizes, budget=500) if sizes else []

    best = {name: min(values) for name, values in samples.items()}
    table(
        f"CPU per call, list of {args.size} customers, best of {args.rounds} rounds x {args.calls} calls",
        "us/call",
        1e6,
        best,
    )
    if counted:
        print()
        table(
            f"Instructions per call (callgrind, {args.instructions} calls; repeatable, unlike seconds here)",
            "instr/call",
            1,
            counted,
        )
    if grown:
        print()
        print("\n".join(grown))


if __name__ == "__main__":
    main()
