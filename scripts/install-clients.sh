#!/usr/bin/env bash
# Install what compiles openapi-generator's go and java clients of the spec (scripts/oag_languages.py,
# `make clients`, tests/sharing/test_sharing_languages.py): Go (golang-go) and Debian's Jackson and
# Jakarta annotation jars (/usr/share/java). TypeScript needs nothing more than `make node-tools`.
# Debian and Ubuntu: apt-get (as root, or password-less sudo). Elsewhere, or when that fails, it
# says what to do and exits 0: the tests of a language whose toolchain is missing then skip,
# saying why. Debian has no jackson-datatype-jsr310, which the java client also imports: give it
# as FASTN_JAVA_CLASSPATH=/path/to/jackson-datatype-jsr310-2.14.x.jar (docs/other-languages.md).
set -uo pipefail
source "$(dirname "$0")/apt.sh"

packages=()
command -v go > /dev/null 2>&1 || packages+=(golang-go)
for jar in jackson-annotations:libjackson2-annotations-java jackson-core:libjackson2-core-java \
  jackson-databind:libjackson2-databind-java jakarta-annotation-api:libjakarta-annotation-api-java; do
  [ -f "/usr/share/java/${jar%%:*}.jar" ] || packages+=("${jar#*:}")
done
if [ ${#packages[@]} -eq 0 ]; then
  step "client toolchains already installed: $(go version), Jackson and Jakarta annotations in /usr/share/java"
  exit 0
fi
if apt_install "${packages[@]}"; then
  step "installed: ${packages[*]}"
  exit 0
fi
explain "apt-get could not install ${packages[*]} (not Debian-like, or not root)" \
  "The go and java client tests will be skipped until they are installed:" \
  "  Debian/Ubuntu:  sudo apt-get install -y golang-go libjackson2-databind-java libjakarta-annotation-api-java" \
  "  elsewhere:      Go 1.19+ (https://go.dev/dl), and the jars on FASTN_JAVA_CLASSPATH"
