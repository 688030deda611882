#!/usr/bin/env bash
# Contract-test a running Fastn API with the schemathesis CLI: every check, every phase, seeded,
# JUnit report in reports/contract.xml.
#
#   scripts/contract.sh
#       the local mock (start it first: `make mock`, or `cd mock && python -m fastn_mock`; MOCK_PORT
#       as for the mock, default 4010); all operations, with the mock's default key. Against the
#       mock every schemathesis warning fails the run too (missing test data, an operation that
#       only ever answers 404 or 422, ...): the spec's links and examples must reach every operation.
#   BASE_URL=https://live.fastn.ai FASTN_API_KEY=fsk_live_… FASTN_SPACE_ID=<uuid> scripts/contract.sh
#       any other server, e.g. the real service: read-only (GET) operations only…
#   ALLOW_WRITES=1 BASE_URL=… scripts/contract.sh
#       …unless writes are allowed explicitly (they create, change and delete data).
#
# Optional: SPEC (default openapi/fastn.yaml), FASTN_TENANT_ID (default empty), FASTN_STAGE (default LIVE), SEED (default: the one in
# schemathesis.toml), MAX_EXAMPLES (default: the one in schemathesis.toml), REPORT (JUnit path).
# 429s are waited out (Retry-After), so a rate-limited server makes the run slower, not red; start
# the mock with MOCK_RATE_LIMIT=0 for the fastest local run.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
PY="$ROOT/.venv/bin/python"
SCHEMATHESIS="$ROOT/.venv/bin/schemathesis"
SPEC=${SPEC:-openapi/fastn.yaml}

MOCK_URL=http://127.0.0.1:${MOCK_PORT:-4010}
MOCK_KEY=fsk_test_mock_owner
MOCK_SPACE=5f0c6a52-3b1e-4d7a-9c2f-8e1d4b6a7c30

if [[ -z "${BASE_URL:-}" ]]; then
    BASE_URL=$MOCK_URL
    FASTN_API_KEY=${FASTN_API_KEY:-$MOCK_KEY}
    FASTN_SPACE_ID=${FASTN_SPACE_ID:-$MOCK_SPACE}
    ALLOW_WRITES=${ALLOW_WRITES:-1}
    FAIL_ON_WARNINGS=1
else
    ALLOW_WRITES=${ALLOW_WRITES:-0}
    FAIL_ON_WARNINGS=0
fi
export FAIL_ON_WARNINGS
: "${FASTN_API_KEY:?set FASTN_API_KEY to a key of the server at $BASE_URL}"
: "${FASTN_SPACE_ID:?set FASTN_SPACE_ID to the workspace of that key}"
export BASE_URL FASTN_API_KEY FASTN_SPACE_ID
export FASTN_TENANT_ID=${FASTN_TENANT_ID:-}
export FASTN_STAGE=${FASTN_STAGE:-LIVE}
REPORT=${REPORT:-reports/contract.xml}

echo "==> checking that $BASE_URL answers"
if ! "$PY" - <<'EOF'
import os
import sys

import httpx

url = os.environ["BASE_URL"].rstrip("/") + "/api/v1/billing"
headers = {"x-fastn-api-key": os.environ["FASTN_API_KEY"], "x-fastn-space-id": os.environ["FASTN_SPACE_ID"]}
try:
    response = httpx.get(url, headers=headers, timeout=10)
except httpx.HTTPError as exc:
    sys.exit(f"cannot reach {url}: {exc}")
limit = response.headers.get("x-ratelimit-limit", "-")
print(f"    {response.status_code} from {url}; X-RateLimit-Limit: {limit}")
if limit.isdigit() and int(limit) < 100_000:
    print(f"    the server allows {limit} requests/minute: 429s will be waited out, so the run takes longer")
    print("    (for the local mock, MOCK_RATE_LIMIT=0 turns its limit off)")
EOF
then
    echo "==> $BASE_URL is not answering. For the local mock run \`make mock\` (or \`cd mock && python -m fastn_mock\`) first." >&2
    exit 2
fi

workdir=$(mktemp -d)
trap 'rm -rf "$workdir"' EXIT
config="$workdir/schemathesis.toml"

echo "==> writing the run's config: schemathesis.toml plus the credentials (kept out of the repo)"
"$PY" - "$config" <<'EOF'
import json
import os
import sys
from pathlib import Path

# json.dumps writes a valid TOML basic string (quotes, backslashes and non-ASCII escaped).
auth = {
    "ApiKeyAuth": os.environ["FASTN_API_KEY"],
    "SpaceId": os.environ["FASTN_SPACE_ID"],
    "TenantId": os.environ["FASTN_TENANT_ID"],
    "Stage": os.environ["FASTN_STAGE"],
    "CustomAuth": os.environ.get("FASTN_CUSTOM_AUTH", "false"),
}
sections = "".join(f"\n[auth.openapi.{scheme}]\napi_key = {json.dumps(value)}\n" for scheme, value in auth.items())
if os.environ["FAIL_ON_WARNINGS"] == "1":
    # The mock holds nothing the run did not create, so a warning there is a gap in the spec's links or examples.
    sections += "\n[warnings]\nfail-on = true\n"
Path(sys.argv[1]).write_text(Path("schemathesis.toml").read_text(encoding="utf-8") + sections, encoding="utf-8")
EOF

args=(run "$SPEC" --url "$BASE_URL" --checks all --phases examples,coverage,fuzzing,stateful
      --workers 1 --rate-limit auto --report junit --report-junit-path "$REPORT")
if [[ -n "${SEED:-}" ]]; then args+=(--seed "$SEED"); fi
if [[ -n "${MAX_EXAMPLES:-}" ]]; then args+=(--max-examples "$MAX_EXAMPLES"); fi
if [[ "$ALLOW_WRITES" != 1 ]]; then
    echo "==> read-only run: GET operations only (ALLOW_WRITES=1 to include writes)"
    args+=(--include-method GET)
fi

mkdir -p "$(dirname "$REPORT")"
echo "==> schemathesis ${args[*]}"
status=0
"$SCHEMATHESIS" --config-file "$config" "${args[@]}" || status=$?
if [[ $status -ne 0 ]]; then
    echo "==> contract run failed (exit $status); JUnit report: $REPORT" >&2
    exit "$status"
fi
echo "==> contract run passed; JUnit report: $REPORT"
