#!/usr/bin/env bash
# Install a headless browser for the HTML reference test (tests/sharing/test_sharing_docs.py).
#
# Debian and Ubuntu: installs the distribution's `chromium` package with apt-get (as root,
# or through sudo when it needs no password). Anywhere else it only says what to do: the
# test looks for `chromium`, `chromium-browser`, `google-chrome` or $CHROMIUM, and skips
# with that reason when none exists. This script never fails the set-up; it exits 0 even
# when it could not install anything, so `make` keeps working on a laptop without apt.
set -uo pipefail

source "$(dirname "$0")/apt.sh"

for candidate in "${CHROMIUM:-}" chromium chromium-browser google-chrome google-chrome-stable; do
  if [ -n "$candidate" ] && command -v "$candidate" > /dev/null 2>&1; then
    step "browser already installed: $(command -v "$candidate") ($("$candidate" --version 2> /dev/null || echo 'version unknown'))"
    exit 0
  fi
done

hint=(
  "The HTML reference test will be skipped until a browser is available. To install one:"
  "  Debian/Ubuntu:  sudo apt-get install -y chromium   (Ubuntu: chromium-browser or the snap)"
  "  Fedora:         sudo dnf install -y chromium"
  "  macOS:          brew install --cask chromium, then export CHROMIUM=\"/Applications/Chromium.app/Contents/MacOS/Chromium\""
  "  any system:     point CHROMIUM at a Chrome or Chromium binary"
)

# Debian names the package chromium; older Ubuntu releases chromium-browser.
for package in chromium chromium-browser; do
  if command -v apt-cache > /dev/null 2>&1 && apt-cache show "$package" > /dev/null 2>&1; then
    if apt_install "$package" fonts-dejavu-core; then
      for binary in chromium chromium-browser; do
        if command -v "$binary" > /dev/null 2>&1 && "$binary" --version > /dev/null 2>&1; then
          step "installed: $(command -v "$binary") ($("$binary" --version 2> /dev/null))"
          exit 0
        fi
      done
    fi
  fi
done
explain "no working chromium package was found or installed by apt-get (not Debian-like, or not root)" "${hint[@]}"
