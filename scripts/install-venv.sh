#!/usr/bin/env bash
# Usage: scripts/install-venv.sh PYTHON VENV [LOCK]
# Makes VENV with PYTHON (CPython 3.11 or newer) and installs LOCK (default: the repo's requirements.lock) into it,
# the same way on any machine and any day:
#   1. the installer first: pip from requirements-bootstrap.lock, with hashes, by whatever pip PYTHON
#      bundles (installing one hashed wheel works with every pip since 8);
#   2. then every package of LOCK, with hashes and --no-deps, by that pinned pip: the lock is complete
#      (uv pip compile), so nothing is resolved against the index of the day;
#   3. `pip check` proves the set is consistent for this Python.
set -euo pipefail
python=${1:?usage: install-venv.sh PYTHON VENV [LOCK]}
venv=${2:?usage: install-venv.sh PYTHON VENV [LOCK]}
lock=${3:-}
here=$(cd "$(dirname "$0")/.." && pwd)
lock=${lock:-$here/requirements.lock}

if ! "$python" -c pass >/dev/null 2>&1; then
  echo "install-venv: '$python' does not run here; install CPython 3.11 or newer, or name one: make PYTHON=python3.12" >&2
  exit 2
fi
if ! "$python" -c 'import sys; sys.exit(not (sys.implementation.name == "cpython" and sys.version_info >= (3, 11)))'; then
  echo "install-venv: '$python' is $("$python" -c 'import sys; print(sys.implementation.name, sys.version.split()[0])'); this project needs CPython 3.11 or newer (make PYTHON=python3.11)" >&2
  exit 2
fi

"$python" -m venv --clear "$venv"
pip=("$venv/bin/python" -m pip --disable-pip-version-check --no-input)
"${pip[@]}" install --quiet --require-hashes --no-deps -r "$here/requirements-bootstrap.lock"
"${pip[@]}" install --quiet --require-hashes --no-deps -r "$lock"
"${pip[@]}" check
