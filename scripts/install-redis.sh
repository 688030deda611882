#!/usr/bin/env bash
# Install redis-server for the tests of the shared pacing budget (tests/overrides/
# test_runtime_shared_pacing.py) and its benchmark (scripts/bench_shared_pacing.py): the tests
# start their own server on loopback. Debian and Ubuntu: apt-get (as root, or password-less
# sudo). Elsewhere, or when that fails, it says what to do and exits 0: the tests that need
# Redis then skip, saying why.
set -uo pipefail
source "$(dirname "$0")/apt.sh"

if command -v redis-server > /dev/null 2>&1; then
  step "redis-server already installed: $(command -v redis-server) ($(redis-server --version | cut -d' ' -f3))"
  exit 0
fi
if apt_install redis-server && command -v redis-server > /dev/null 2>&1; then
  step "installed: $(command -v redis-server)"
  exit 0
fi
explain "apt-get could not install redis-server (not Debian-like, or not root)" \
  "The tests of the shared pacing budget will be skipped until it is installed:" \
  "  Debian/Ubuntu:  sudo apt-get install -y redis-server" \
  "  Fedora:         sudo dnf install -y redis" \
  "  macOS:          brew install redis"
