#!/usr/bin/env bash
# Build the offline HTML API reference: scripts/build-docs.sh [SPEC] [OUTPUT]
#
# Why a script and not a bare `redocly build-docs` call: out of the box the page is not
# offline. Without --inlineBundle the Redoc bundle is imported from cdn.redocly.com; the
# page sends telemetry to otel.cloud.redocly.com unless REDOCLY_TELEMETRY=off at build
# time; and the sidebar loads its attribution logo from cdn.redoc.ly. This script inlines
# the bundle, turns telemetry off, and renders through a template whose
# Content-Security-Policy forbids every network fetch, so a viewer's browser cannot reach
# anything outside the file even if a later Redoc release adds a new remote asset.
# tests/sharing/test_sharing_docs.py opens the result in headless Chromium and checks it.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
spec="${1:-$root/openapi/fastn.yaml}"
out="${2:-$root/build/docs/index.html}"
redocly="$root/node_modules/.bin/redocly"

if [ ! -x "$redocly" ]; then
  echo "error: $redocly is missing; install the pinned Node tools first (npm ci)" >&2
  exit 1
fi

template="$(mktemp "${TMPDIR:-/tmp}/fastn-docs-template.XXXXXX.hbs")"
log="$(mktemp "${TMPDIR:-/tmp}/fastn-docs-log.XXXXXX")"
trap 'rm -f "$template" "$log"' EXIT

# Redoc's default page template with one addition: the CSP <meta> comes first in <head>,
# before any script can run. Inline scripts and styles are allowed (the whole app is
# inline), and so is eval: the search index (FlexSearch) needs it and silently loses its
# workers without it; blob: is allowed for those workers, data: for inline images and
# fonts. No source that reaches the network is allowed anywhere.
cat > "$template" <<'HBS'
<!DOCTYPE html>
<html lang="en">

<head>
  <meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline' 'unsafe-eval' blob:; style-src 'unsafe-inline'; img-src data: blob:; font-src data:; worker-src blob:; connect-src blob: data:; base-uri 'none'; form-action 'none'">
  <meta charset="utf8" />
  <title>{{title}}</title>
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <style>
    body {
      padding: 0;
      margin: 0;
    }
  </style>
  {{{redocHead}}}
</head>

<body>
  {{{redocHTML}}}
</body>

</html>
HBS

# The CLI prints large banners (Node deprecation, Redoc 3 notice) on every run: keep its
# output for when it fails and stay quiet otherwise.
echo "==> redocly build-docs $spec -> $out"
mkdir -p "$(dirname "$out")"
REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true \
  "$redocly" build-docs "$spec" \
    --inlineBundle \
    --template "$template" \
    --output "$out" \
    --openapi.jsonSamplesExpandLevel=all \
    > "$log" 2>&1 || { cat "$log" >&2; exit 1; }

# Guard the properties above on every build, so a Redocly upgrade that changes them fails
# here rather than shipping a page that phones home.
echo "==> checking $out is self-contained"
if grep -Eq '<(script|link|img|iframe)[^>]+(src|href)="(https?:)?//' "$out"; then
  echo "error: $out references a remote script, stylesheet, image or frame" >&2
  exit 1
fi
if ! grep -q 'http-equiv="Content-Security-Policy"' "$out"; then
  echo "error: $out lacks the Content-Security-Policy of the page template" >&2
  exit 1
fi
if ! grep -q '"disableTelemetry":true' "$out"; then
  echo "error: $out has Redoc telemetry enabled" >&2
  exit 1
fi
echo "==> wrote $out ($(wc -c < "$out") bytes)"
