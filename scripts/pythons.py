#!/usr/bin/env python3
"""The client's tests under every CPython 3.11+ this machine has, against what the package claims.

    make test-pythons
    scripts/pythons.py [--python 3.12 ...] [--pytest-args "-x -q"]

For each version (3.11 up to the newest that is installed), it finds an interpreter (`python3.X` on
the PATH, else a pyenv build), makes a venv for it in `.venv-pythons/3.X` with the project's lock (as
`make` does, `scripts/install-venv.sh`; kept while the lock is unchanged), puts the client, the mock
and the spec loader on its path as `make install` does, and runs the client's tests: `tests/overrides`
(the runtime), `tests/generation` and `tests/e2e` (the package against the mock), less the `slow` ones.

Then it compares the outcome with the package's claim, the `Programming Language :: Python :: 3.X`
classifiers of `generated/pyproject.toml` (templates/pyproject_poetry.toml.jinja): it fails when a
claimed version fails its tests, or passes without being claimed. A claimed version with no
interpreter here is skipped with a message saying how to get one.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import re
import shlex
import shutil
import subprocess
import sys
import tomllib
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENVS = ROOT / ".venv-pythons"
LOCKS = (ROOT / "requirements-bootstrap.lock", ROOT / "requirements.lock")
CLIENT_TESTS = ("tests/overrides", "tests/generation", "tests/e2e")
OLDEST_MINOR, NEWEST_MINOR_TRIED = 11, 19
CLASSIFIER = re.compile(r"^Programming Language :: Python :: 3\.(\d+)$")


@dataclass(frozen=True)
class Outcome:
    version: str
    interpreter: Path | None
    passed: bool | None
    """None: not run (no interpreter)."""
    summary: str


def claimed_versions(pyproject: Path = ROOT / "generated" / "pyproject.toml") -> list[str]:
    """The 3.X versions the package's classifiers claim, oldest first."""
    classifiers = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]["classifiers"]
    minors = sorted(int(match[1]) for item in classifiers if (match := CLASSIFIER.match(item)))
    return [f"3.{minor}" for minor in minors]


def _runs(candidate: Path | str) -> bool:
    try:
        probe = subprocess.run([str(candidate), "-c", "pass"], capture_output=True, check=False, timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        return False
    return probe.returncode == 0


def find_interpreter(version: str) -> Path | None:
    """`python3.X` on the PATH if it runs (pyenv's shims may not), else the newest pyenv build of 3.X."""
    on_path = shutil.which(f"python{version}")
    if on_path is not None and _runs(on_path):
        return Path(on_path)
    pyenv_root = Path(os.environ.get("PYENV_ROOT") or Path.home() / ".pyenv")
    builds = sorted(
        (pyenv_root / "versions").glob(f"{version}.*/bin/python{version}"),
        key=lambda path: [int(part) for part in re.findall(r"\d+", path.parts[-3])],
    )
    for build in reversed(builds):
        if _runs(build):
            return build
    return None


def _lock_digest() -> str:
    digest = hashlib.sha256()
    for lock in (*LOCKS, ROOT / "scripts" / "install-venv.sh"):
        digest.update(lock.read_bytes())
    return digest.hexdigest()


def ensure_venv(version: str, interpreter: Path) -> Path:
    """`.venv-pythons/3.X` with the lock installed and the repo's packages on its path."""
    venv = VENVS / version
    stamp = venv / ".installed"
    if not (stamp.is_file() and stamp.read_text() == _lock_digest()):
        print(f"==> {version}: installing the lock into {venv.relative_to(ROOT)} ({interpreter})", flush=True)
        subprocess.run([str(ROOT / "scripts" / "install-venv.sh"), str(interpreter), str(venv)], check=True)
        stamp.write_text(_lock_digest())
    python = venv / "bin" / "python"
    site = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    paths = "".join(f"{ROOT / folder}\n" for folder in ("generated", "mock", "loader"))
    Path(site, "fastn-openapi.pth").write_text(paths)
    return python


def run_tests(version: str, python: Path, pytest_args: list[str]) -> Outcome:
    command = [str(python), "-m", "pytest", "-m", "not slow", "-p", "no:cacheprovider", *pytest_args, *CLIENT_TESTS]
    print(f"==> {version}: {shlex.join(command[1:])}", flush=True)
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    lines = [line for line in result.stdout.splitlines() if line.strip()]
    summary = lines[-1].strip("= ") if lines else "(no output)"
    if result.returncode != 0:
        print(result.stdout[-6000:], result.stderr[-3000:], sep="\n", flush=True)
    return Outcome(version, python, result.returncode == 0, summary)


def verdict(outcomes: list[Outcome], claimed: list[str]) -> list[str]:
    """Where the claim and the outcomes disagree."""
    problems = []
    for outcome in outcomes:
        if outcome.passed is None:
            continue
        if outcome.version in claimed and not outcome.passed:
            problems.append(f"{outcome.version} is claimed by the classifiers but its tests fail ({outcome.summary})")
        if outcome.version not in claimed and outcome.passed:
            problems.append(
                f"{outcome.version} passes but is not claimed: add its classifier "
                f"`Programming Language :: Python :: {outcome.version}` to the pyproject template in "
                "overrides/templates/pyproject_poetry.toml.jinja"
            )
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--python", action="append", metavar="3.X", help="only these versions (default: all 3.11+)")
    parser.add_argument("--pytest-args", default="-q -n auto --maxprocesses=4", help="(default: %(default)r)")
    args = parser.parse_args(argv)
    claimed = claimed_versions()
    versions = args.python or [f"3.{minor}" for minor in range(OLDEST_MINOR, NEWEST_MINOR_TRIED + 1)]
    outcomes = []
    for version in versions:
        interpreter = find_interpreter(version)
        if interpreter is None:
            if version in claimed or args.python:
                print(
                    f"==> {version}: skipped, no interpreter here "
                    f"(pyenv install {version}, or put python{version} on the PATH)"
                )
            outcomes.append(Outcome(version, None, None, "no interpreter"))
            continue
        outcomes.append(run_tests(version, ensure_venv(version, interpreter), shlex.split(args.pytest_args)))
    print("\nCPython | claimed | tests")
    for outcome in outcomes:
        if outcome.passed is None and outcome.version not in claimed:
            continue
        state = "skipped: no interpreter" if outcome.passed is None else outcome.summary
        print(f"{outcome.version:7} | {'yes' if outcome.version in claimed else 'no':7} | {state}")
    problems = verdict(outcomes, claimed)
    for problem in problems:
        print(f"test-pythons: {problem}", file=sys.stderr)
    if not any(outcome.passed is not None for outcome in outcomes):
        print("test-pythons: no interpreter found for any version", file=sys.stderr)
        return 1
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
