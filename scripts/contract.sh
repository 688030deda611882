#!/usr/bin/env bash
# Contract-test a running Fastn API: the link walk (every operation reached through the spec's own
# links, deterministically: contract/fastn_contract/walk.py), then the schemathesis CLI (every
# check, every phase, seeded), JUnit report in reports/contract.xml; then, with writes allowed, the
# Idempotency-Key probe; last, the evidence report of every exchange of the run (credentials
# redacted): reports/evidence.json and reports/evidence.md, each element of the spec confirmed,
# contradicted or never exercised, and what the server sent that the spec does not know
# (docs/verifying.md). The exit status is 0 when every answer conformed, whatever there was to test;
# it is non-zero for a failed check (either part), a contradiction in the report, a server that does
# not answer, or a refused setting. What the spec does not know (an undeclared field, an unlisted
# enum value: valid, since responses are open) fails a run against the local mock, which must send
# nothing the spec lacks; against another server it is reported, not failed (ALLOW_UNKNOWN=0 fails it).
#
#   scripts/contract.sh                              (make contract)
#       the local mock (start it first: `make mock`, or `cd mock && python -m fastn_mock`; MOCK_PORT
#       as for the mock, default 4010), with the mock's default key and workspace: writes included.
#       Against the mock the walk must reach every operation with a documented 2xx (the spec's links
#       and examples must reach all of them, whatever the seed), and every schemathesis warning fails
#       the run too, but "missing test data", which the walk's stronger, seed-independent check
#       replaces (the seeded stateful phase may miss a five-link chain; the walk cannot).
#   BASE_URL=https://live.fastn.ai FASTN_API_KEY=fsk_live_… FASTN_SPACE_ID=<uuid> scripts/contract.sh
#       any other server, e.g. the real service: read-only. Only GET operations are sent: the
#       examples, coverage and fuzzing phases, the stateful phase over the links between GETs (a
#       list to the read of its first item; skipped with a note if the spec has none), and the walk
#       over the same links (what an empty workspace cannot offer is a note, not a failure).
#   ALLOW_WRITES=1 BASE_URL=… FASTN_API_KEY=… FASTN_SPACE_ID=… scripts/contract.sh
#       …with writes: they create, change and delete data. Against a host that is not loopback
#       (127.0.0.0/8, ::1, localhost) it is refused unless confirmed with CONFIRM_WRITES=<that host>.
#
# Required with BASE_URL: FASTN_API_KEY (a key of that server) and FASTN_SPACE_ID (the workspace of
# that key); both default to the mock's own without BASE_URL.
# Optional: FASTN_TENANT_ID (default empty), FASTN_STAGE (default LIVE), FASTN_CUSTOM_AUTH (default
# false), FASTN_TEST_MODE (sent as X-fastn-Test-Mode; default true for an fsk_test_ key, unset
# otherwise: the docs forbid it with a live key), FASTN_REALM (default fastn, as the SDK sends), ALLOW_WRITES (1: send writes; default 1 for the local mock, 0 with BASE_URL), CONFIRM_WRITES
# (the host of a non-loopback BASE_URL, to allow writes there), ALLOW_UNKNOWN (1: what the spec does
# not know is reported but does not fail the run; default 0 for the local mock, 1 with BASE_URL), PHASES
# (schemathesis phases, default examples,coverage,fuzzing,stateful), SPEC (default openapi/fastn.yaml),
# SEED (default: the one in schemathesis.toml), MAX_EXAMPLES (default: the one in schemathesis.toml),
# REPORT (JUnit path, default reports/contract.xml; the evidence report goes beside it), MOCK_PORT
# (the local mock's port, default 4010).
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
    ALLOW_UNKNOWN=${ALLOW_UNKNOWN:-0}
    AGAINST_MOCK=1
else
    ALLOW_WRITES=${ALLOW_WRITES:-0}
    ALLOW_UNKNOWN=${ALLOW_UNKNOWN:-1}
    AGAINST_MOCK=0
fi
export BASE_URL ALLOW_WRITES AGAINST_MOCK CONFIRM_WRITES=${CONFIRM_WRITES:-}

# Before anything is sent: writes go to loopback only, unless the host is named to confirm them.
if [[ "$ALLOW_WRITES" == 1 ]]; then
    "$PY" - <<'EOF' || exit 2
import os
import sys

from fastn_contract.walk import refuse_writes

refusal = refuse_writes(
    os.environ["BASE_URL"],
    os.environ["CONFIRM_WRITES"],
    confirm="CONFIRM_WRITES={host}",
    read_only="leave ALLOW_WRITES unset (a read-only run: GET operations only)",
)
if refusal:
    sys.exit("==> " + refusal.replace("\n", "\n    "))
EOF
fi

: "${FASTN_API_KEY:?set FASTN_API_KEY to a key of the server at $BASE_URL}"
: "${FASTN_SPACE_ID:?set FASTN_SPACE_ID to the workspace (space) id of that key: the x-fastn-space-id header every call sends}"
export FASTN_API_KEY FASTN_SPACE_ID
export FASTN_TENANT_ID=${FASTN_TENANT_ID:-}
export FASTN_STAGE=${FASTN_STAGE:-LIVE}
export FASTN_CUSTOM_AUTH=${FASTN_CUSTOM_AUTH:-false}
if [[ -z "${FASTN_TEST_MODE+set}" && "$FASTN_API_KEY" == fsk_test_* ]]; then
    export FASTN_TEST_MODE=true
fi
export FASTN_REALM=${FASTN_REALM-fastn}
export SPEC
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
phases=$("$PY" - "$config" <<'EOF'
import json
import os
import re
import sys
import tomllib
from pathlib import Path

import fastn_spec
from schemathesis.config import SchemathesisWarning, WarningsConfig

read_only = os.environ["ALLOW_WRITES"] != "1"
text = Path("schemathesis.toml").read_text(encoding="utf-8")
if read_only:
    # The links between GETs are one step long (a list, then the read of its first item), and the walk
    # follows each of them: the stateful budget made for five-link chains would spend minutes repeating them.
    budget = {"max-steps": 10, "max-examples": 25}
    for table, key in (("phases.stateful", "max-steps"), ("phases.stateful.generation", "max-examples")):
        pattern = rf"(\[{re.escape(table)}\][^\[]*?^{key} = )\d+"
        text, count = re.subn(pattern, rf"\g<1>{budget[key]}", text, count=1, flags=re.MULTILINE | re.DOTALL)
        assert count == 1, f"schemathesis.toml: no {key} under [{table}]"
    settings = tomllib.loads(text)["phases"]["stateful"]
    assert (settings["max-steps"], settings["generation"]["max-examples"]) == (budget["max-steps"], budget["max-examples"])
# json.dumps writes a valid TOML basic string (quotes, backslashes and non-ASCII escaped).
auth = {
    "ApiKeyAuth": os.environ["FASTN_API_KEY"],
    "SpaceId": os.environ["FASTN_SPACE_ID"],
    "TenantId": os.environ["FASTN_TENANT_ID"],
    "Stage": os.environ["FASTN_STAGE"],
    "CustomAuth": os.environ["FASTN_CUSTOM_AUTH"],
}
# Sent only when set: the test-mode header never goes with a live key, and FASTN_REALM= sends no realm.
auth.update({s: os.environ[v] for s, v in (("TestMode", "FASTN_TEST_MODE"), ("Realm", "FASTN_REALM")) if os.environ.get(v)})
sections = "".join(f"\n[auth.openapi.{scheme}]\napi_key = {json.dumps(value)}\n" for scheme, value in auth.items())
if os.environ["AGAINST_MOCK"] == "1":
    # The mock holds nothing the run did not create, so a warning there is a gap in the spec's links or
    # examples. "Missing test data" (an operation no phase got a 2xx from) is left to the link walk,
    # which requires a documented 2xx from every operation whatever the seed.
    names = [w.value for w in WarningsConfig().display if w is not SchemathesisWarning.MISSING_TEST_DATA]
    sections += f"\n[warnings]\nfail-on = {json.dumps(names)}\n"
Path(sys.argv[1]).write_text(text + sections, encoding="utf-8")

# The stateful phase needs a link between two operations the run sends; without one it is skipped.
document = fastn_spec.load(os.environ["SPEC"])
sent = {op.id: op.method for op in fastn_spec.operations(document) if not read_only or op.method == "get"}
links = [
    link
    for op in fastn_spec.operations(document)
    if op.id in sent
    for response in op.body.get("responses", {}).values()
    for link in fastn_spec.resolve(document, response).get("links", {}).values()
    if link.get("operationId") in sent
]
wanted = os.environ.get("PHASES") or "examples,coverage,fuzzing,stateful"
print(",".join(phase for phase in wanted.split(",") if phase != "stateful" or links))
EOF
)

walk=(-m fastn_contract.walk --url "$BASE_URL" --spec "$SPEC" --config "$config")
args=(run "$SPEC" --url "$BASE_URL" --checks all --phases "$phases"
      --workers 1 --rate-limit auto --report junit --report-junit-path "$REPORT")
if [[ -n "${SEED:-}" ]]; then args+=(--seed "$SEED"); fi
if [[ -n "${MAX_EXAMPLES:-}" ]]; then args+=(--max-examples "$MAX_EXAMPLES"); fi
if [[ "$ALLOW_WRITES" != 1 ]]; then
    echo "==> read-only run: GET operations only (ALLOW_WRITES=1 to include writes)"
    args+=(--include-method GET)
    walk+=(--read-only)
elif [[ "$AGAINST_MOCK" != 1 ]]; then
    # What a real workspace or key does not allow is not a contract failure; the host was confirmed above.
    walk+=(--allow-unreached --confirm-writes "$CONFIRM_WRITES")
fi
if [[ "$phases" != *stateful* && "${PHASES:-stateful}" == *stateful* ]]; then
    echo "==> stateful phase skipped: no link of $SPEC joins two operations this run sends"
fi

# Every call of the walk and of schemathesis is recorded here (tests/contract/fastn_checks.py, after_call).
export FASTN_EXCHANGES="$workdir/exchanges.jsonl"
evidence=(-m fastn_contract --spec "$SPEC" report --exchanges "$FASTN_EXCHANGES" --target "$BASE_URL"
          --out "$(dirname "$REPORT")")
if [[ "$ALLOW_WRITES" == 1 ]]; then evidence+=(--probe-idempotency); fi
if [[ "$ALLOW_UNKNOWN" == 1 ]]; then evidence+=(--allow-unknown); fi

echo "==> link walk: $PY ${walk[*]}"
walk_status=0
"$PY" "${walk[@]}" || walk_status=$?

mkdir -p "$(dirname "$REPORT")"
echo "==> schemathesis ${args[*]}"
status=0
"$SCHEMATHESIS" --config-file "$config" "${args[@]}" || status=$?
echo "==> evidence report$([[ "$ALLOW_WRITES" == 1 ]] && echo ", after the Idempotency-Key probe (it creates and deletes a secret)")"
evidence_status=0
"$PY" "${evidence[@]}" || evidence_status=$?
if [[ $walk_status -ne 0 ]]; then
    echo "==> contract run failed: the link walk (exit $walk_status; its lines above say which operation and why)" >&2
fi
if [[ $status -ne 0 ]]; then
    echo "==> contract run failed: schemathesis (exit $status); JUnit report: $REPORT" >&2
fi
if [[ $evidence_status -ne 0 ]]; then
    echo "==> contract run failed: the server contradicted the spec$([[ "$ALLOW_UNKNOWN" == 1 ]] || echo ", or sent what it does not know") (lines above; $(dirname "$REPORT")/evidence.md)" >&2
fi
if [[ $walk_status -ne 0 || $status -ne 0 || $evidence_status -ne 0 ]]; then
    exit 1
fi
echo "==> contract run passed; JUnit report: $REPORT; evidence: $(dirname "$REPORT")/evidence.md"
