#!/usr/bin/env bash
# Lint an OpenAPI document with the three pinned validators; fail if any of them reports
# an error or a warning. Every validator runs even when an earlier one failed, so one run
# shows every problem, each named by its place in the document.
#
#   scripts/lint-spec.sh [SPEC]      (default: openapi/fastn.yaml)
set -uo pipefail
cd "$(dirname "$0")/.."
spec="${1:-openapi/fastn.yaml}"
failed=()

step() { echo "==> $1"; }

step "openapi-spec-validator $spec"
.venv/bin/openapi-spec-validator "$spec" || failed+=(openapi-spec-validator)

step "redocly lint (recommended-strict) $spec"
node_modules/.bin/redocly lint --config redocly.yaml --format codeframe "$spec" 2>&1 \
  | grep -v -e 'Node.js 20' -e 'Future Redocly CLI' -e 'nodejs.org' -e 'You are using Node' \
            -e '^ *║' -e '^ *╔' -e '^ *╚' \
  ; [ "${PIPESTATUS[0]}" -eq 0 ] || failed+=(redocly)

step "spectral lint (spectral:oas, fail on warnings) $spec"
node_modules/.bin/spectral lint --ruleset .spectral.yaml --fail-severity=warn "$spec" || failed+=(spectral)

if [ "${#failed[@]}" -gt 0 ]; then
  echo "lint failed for $spec: ${failed[*]}" >&2
  exit 1
fi
echo "lint clean: $spec"
