#!/usr/bin/env bash
# Install a headless browser for the HTML reference test (tests/sharing/test_sharing_docs.py).
#
# Debian and Ubuntu: installs the distribution's `chromium` package with apt-get (as root,
# or through sudo when it needs no password). Anywhere else it only says what to do: the
# test looks for `chromium`, `chromium-browser`, `google-chrome` or $CHROMIUM, and skips
# with that reason when none exists. This script never fails the set-up; it exits 0 even
# when it could not install anything, so `make` keeps working on a laptop without apt.
set -uo pipefail

step() { echo "==> $1"; }

for candidate in "${CHROMIUM:-}" chromium chromium-browser google-chrome google-chrome-stable; do
  if [ -n "$candidate" ] && command -v "$candidate" > /dev/null 2>&1; then
    step "browser already installed: $(command -v "$candidate") ($("$candidate" --version 2> /dev/null || echo 'version unknown'))"
    exit 0
  fi
done

explain() {
  echo "Could not install a browser automatically: $1." >&2
  echo "The HTML reference test will be skipped until one is available. To install one:" >&2
  echo "  Debian/Ubuntu:  sudo apt-get install -y chromium   (Ubuntu: chromium-browser or the snap)" >&2
  echo "  Fedora:         sudo dnf install -y chromium" >&2
  echo "  macOS:          brew install --cask chromium, then export CHROMIUM=\"/Applications/Chromium.app/Contents/MacOS/Chromium\"" >&2
  echo "  any system:     point CHROMIUM at a Chrome or Chromium binary" >&2
  exit 0
}

if ! command -v apt-get > /dev/null 2>&1; then
  explain "apt-get is not available (not a Debian-like system)"
fi

if [ "$(id -u)" -eq 0 ]; then
  as_root=()
elif command -v sudo > /dev/null 2>&1 && sudo -n true 2> /dev/null; then
  as_root=(sudo -n)
else
  explain "installing packages needs root (run this script with sudo)"
fi

export DEBIAN_FRONTEND=noninteractive
step "apt-get update"
"${as_root[@]}" apt-get update -qq || explain "apt-get update failed"
# Debian names the package chromium; older Ubuntu releases chromium-browser.
for package in chromium chromium-browser; do
  if apt-cache show "$package" > /dev/null 2>&1; then
    step "apt-get install $package"
    if "${as_root[@]}" apt-get install -y -qq --no-install-recommends "$package" fonts-dejavu-core; then
      for binary in chromium chromium-browser; do
        if command -v "$binary" > /dev/null 2>&1 && "$binary" --version > /dev/null 2>&1; then
          step "installed: $(command -v "$binary") ($("$binary" --version 2> /dev/null))"
          exit 0
        fi
      done
    fi
  fi
done
explain "no working chromium package was found or installed by apt-get"
