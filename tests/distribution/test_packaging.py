"""First contact, as a stranger meets the project: set-up from scratch, wheels, README install lines.

* The set-up's venv installs from the locks with the pip the oldest supported CPython bundles (the
  pip of Python 3.11.7 stopped on the lock once a newer coverage was released:
  scripts/install-venv.sh installs a pinned pip first, then the lock with --no-deps); the newer
  ones do the same in ``make test-pythons``.
* `make dist` builds wheels that install in a fresh venv of every supported CPython and work
  together: the client against the mock it came with.
* Every `pip install` line of every README works as written, in a fresh venv outside the repo,
  from a copy of the checkout (after `make dist` where the line reads `dist/`).
* The maintainer's loop: edit the spec, run `make generate`, and every derived file is current;
  the release gate of `make test` wants the version bump and changelog section the edit needs.

All slow: they make virtualenvs and install packages (from the index, or pip's cache).
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import dist
import pytest
import pythons

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
PROBE = Path(__file__).with_name("wheel_probe.py")
INSTALL_TIMEOUT = 900


def _interpreters() -> list[Any]:
    """One parameter per CPython the package claims; skipped where this machine has none."""
    params = []
    for version in pythons.claimed_versions():
        interpreter = pythons.find_interpreter(version)
        marks = [] if interpreter else [pytest.mark.skip(reason=f"no CPython {version} here (pyenv install {version})")]
        params.append(pytest.param(interpreter, id=version, marks=marks))
    return params


def _run(
    command: list[str], cwd: Path | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        command, cwd=cwd, env=env, capture_output=True, text=True, check=False, timeout=INSTALL_TIMEOUT
    )


def _fresh_venv(interpreter: Path, where: Path) -> Path:
    """A new, empty venv of `interpreter` with pip in it; its bin folder.

    Made by the pinned uv (``uv venv --seed``: a standard venv, pip installed from the index) in a
    fraction of a second, where ``python -m venv`` spends about four running ensurepip. The test of
    the set-up with the pip a Python bundles makes its venv with ``venv`` itself.
    """
    uv = Path(sys.executable).with_name("uv")
    made = _run([str(uv), "venv", "--quiet", "--seed", "--python", str(interpreter), str(where)])
    assert made.returncode == 0, made.stderr
    return where / "bin"


# --------------------------------------------------------------------------- set-up from scratch


def _oldest_interpreter() -> list[Any]:
    """The oldest claimed CPython here: its bundled pip is the oldest, the one that broke on the lock.

    The newer ones install the lock from scratch with their own bundled pip in ``make test-pythons``
    (CI runs it on a machine without ``.venv-pythons``), so ``make test`` does not repeat it.
    """
    return [param for param in _interpreters() if not param.marks][:1] or _interpreters()[:1]


@pytest.mark.parametrize("interpreter", _oldest_interpreter())
def test_the_locks_install_from_scratch_with_the_oldest_bundled_pip(interpreter: Path, tmp_path: Path) -> None:
    bundled = _run([str(interpreter), "-m", "pip", "--version"])
    target = tmp_path / "venv"
    installed = _run([str(ROOT / "scripts" / "install-venv.sh"), str(interpreter), str(target)], cwd=tmp_path)
    assert installed.returncode == 0, installed.stdout[-3000:] + installed.stderr[-5000:]
    pinned = re.search(r"^pip==(\S+)", (ROOT / "requirements-bootstrap.lock").read_text(), re.MULTILINE)
    assert pinned is not None
    pip = _run([str(target / "bin" / "python"), "-m", "pip", "--version"])
    assert pip.stdout.startswith(f"pip {pinned[1]} "), (bundled.stdout, pip.stdout)
    tools = _run([str(target / "bin" / "python"), "-c", "import schemathesis, openapi_python_client, mypy, twine"])
    assert tools.returncode == 0, tools.stderr


def test_install_venv_refuses_an_old_python_by_name(tmp_path: Path) -> None:
    old = pythons.find_interpreter("3.10") or pythons.find_interpreter("3.9")
    if old is None:
        pytest.skip("no CPython older than 3.11 here to refuse")
    refused = _run([str(ROOT / "scripts" / "install-venv.sh"), str(old), str(tmp_path / "venv")])
    assert refused.returncode == 2
    assert "this project needs CPython 3.11 or newer" in refused.stderr
    assert not (tmp_path / "venv").exists()


# --------------------------------------------------------------------------- wheels


@pytest.fixture(scope="module")
def wheels(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    made = dist.make_dist(out)
    assert (
        sorted(path.name.split("-")[0] for path in made)
        == ["fastn_client"] * 2 + ["fastn_contract"] * 2 + ["fastn_mock"] * 2 + ["fastn_spec"] * 2
    )
    return out


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@pytest.fixture
def serving() -> Iterator[list[subprocess.Popen[bytes]]]:
    """Processes a test starts; stopped after it, whatever happened."""
    started: list[subprocess.Popen[bytes]] = []
    yield started
    for process in started:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()


def _wait_for_port(port: int, process: subprocess.Popen[bytes]) -> None:
    """Until something listens on `port` (the mock's start is only bounded, never timed)."""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"the mock exited with {process.returncode}")
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.05)
    raise AssertionError(f"the mock did not listen on {port} within two minutes")


@pytest.mark.parametrize("interpreter", _interpreters())
def test_the_wheels_install_and_work_together_in_a_fresh_venv(
    interpreter: Path, wheels: Path, tmp_path: Path, serving: list[subprocess.Popen[bytes]]
) -> None:
    bin_dir = _fresh_venv(interpreter, tmp_path / "venv")
    install = _run(
        [str(bin_dir / "pip"), "install", "--quiet", "--find-links", str(wheels), "fastn-client[redis]", "fastn-mock"]
    )
    assert install.returncode == 0, install.stderr[-5000:]
    port = _free_port()
    mock = subprocess.Popen(
        [str(bin_dir / "fastn-mock"), "--port", str(port), "--rate-limit", "0"],
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    serving.append(mock)
    _wait_for_port(port, mock)
    probe = _run(
        [str(bin_dir / "python"), str(PROBE), str(tmp_path / "venv"), f"http://127.0.0.1:{port}"], cwd=tmp_path
    )
    assert probe.stdout.split() == ["ok", dist.spec_version(), "404"], probe.stderr[-3000:]
    redis_extra = _run([str(bin_dir / "python"), "-c", "import redis"])
    assert redis_extra.returncode == 0, "the [redis] extra installs redis"


def test_the_dist_check_names_what_a_wheel_lacks(wheels: Path) -> None:
    client = next(package for package in dist.PACKAGES if package.name == "fastn-client")
    wheel = next(wheels.glob("fastn_client-*.whl"))
    assert dist.check_wheel(client, wheel, dist.spec_version()) == []
    demanding = dist.Package("fastn-client", "generated", "fastn_client", True, must_hold=("fastn_client/absent.py",))
    assert dist.check_wheel(demanding, wheel, "9.9.9") == [
        f"{wheel.name} lacks fastn_client/absent.py",
        f"{wheel.name} has version {dist.spec_version()}, not 9.9.9",
    ]


# --------------------------------------------------------------------------- README install lines

INLINE = re.compile(r"`(pip install [^`]+)`")


def readme_install_lines() -> list[str]:
    """Every `pip install` line of every tracked README: in shell blocks, or as inline code."""
    tracked = _run(["git", "ls-files", "*README.md"], cwd=ROOT).stdout.split()
    lines: list[str] = []
    for name in tracked:
        in_shell = False
        for line in (ROOT / name).read_text(encoding="utf-8").splitlines():
            if line.startswith("```"):
                in_shell = line.strip() in ("```sh", "```bash", "```shell")
                continue
            command = line.split("  #")[0].strip() if in_shell else ""
            found = [command] if command.startswith("pip install") else INLINE.findall(line)
            lines += [each for each in found if each not in lines]
    return lines


def test_the_readmes_have_install_lines_for_each_package() -> None:
    lines = readme_install_lines()
    for wanted in ("./generated", "fastn-client[redis]", "fastn-mock", "./loader"):
        assert any(wanted in line for line in lines), (wanted, lines)


def copy_tracked_tree(copy: Path) -> Path:
    """The tracked files of the working tree, as a clone would have them (with today's edits)."""
    for name in _run(["git", "ls-files"], cwd=ROOT).stdout.splitlines():
        if (ROOT / name).is_file():
            (copy / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, copy / name)
    return copy


@pytest.fixture(scope="module")
def checkout(tmp_path_factory: pytest.TempPathFactory, wheels: Path) -> Path:
    """A copy of the checkout with what `make dist` builds in its dist/ (built once, by `wheels`)."""
    copy = copy_tracked_tree(tmp_path_factory.mktemp("checkout"))
    shutil.copytree(wheels, copy / "dist")
    return copy


@pytest.mark.parametrize("line", readme_install_lines())
def test_a_readme_install_line_works_as_written(line: str, checkout: Path, tmp_path: Path) -> None:
    bin_dir = _fresh_venv(Path(sys.executable).resolve(), tmp_path / "venv")
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}", "PIP_DISABLE_PIP_VERSION_CHECK": "1"}
    env.pop("PYTHONPATH", None)
    installed = _run(["bash", "-c", line], cwd=checkout, env=env)
    assert installed.returncode == 0, f"`{line}` failed:\n{installed.stderr[-4000:]}"
    names = {
        "fastn_client": "./generated" in line or "fastn-client" in line,
        "fastn_mock": "mock" in line,
        "fastn_spec": "loader" in line or "mock" in line or "fastn-spec" in line,
        "fastn_contract": "contract" in line,
        "redis": "[redis]" in line,
    }
    wanted = [name for name, expected in names.items() if expected]
    imported = _run([str(bin_dir / "python"), "-c", f"import {', '.join(wanted)}"], cwd=tmp_path, env=env)
    assert wanted and imported.returncode == 0, imported.stderr


# --------------------------------------------------------------------------- the maintainer's loop


def _make(copy: Path, *targets: str) -> subprocess.CompletedProcess[str]:
    """`make` in the copy, with the repo's installed tools taken as they are (never re-installed there)."""
    keep = ["-o", ".venv/.installed", "-o", ".venv/.paths", "-o", "node_modules/.installed"]
    return _run(["make", "--no-print-directory", *keep, *targets], cwd=copy)


def test_editing_the_spec_then_make_generate_leaves_every_derived_file_current(tmp_path: Path) -> None:
    copy = copy_tracked_tree(tmp_path / "checkout")
    for tools in (".venv", "node_modules"):
        (copy / tools).symlink_to(ROOT / tools)
    for args in (
        ["init", "--quiet", "--initial-branch=main"],
        ["add", "--all"],
        ["-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "--quiet", "-m", "base"],
    ):
        assert _run(["git", *args], cwd=copy).returncode == 0
    spec = copy / "openapi" / "fastn.yaml"
    edited = spec.read_text().replace(
        "          maxLength: 200\n          description: Display name.\n",
        "          maxLength: 200\n          description: Display name, as the customer's admins chose it.\n",
        1,
    )
    assert edited != spec.read_text()
    spec.write_text(edited)

    generated = _make(copy, "generate")
    assert generated.returncode == 0, generated.stdout[-3000:] + generated.stderr[-3000:]
    changed = set(_run(["git", "diff", "--name-only"], cwd=copy).stdout.split())
    assert {"generated/fastn_client/models/customer.py", "openapi/fastn.json", "ts/fastn.d.ts"} <= changed
    current = _make(copy, "check-generated")
    assert current.returncode == 0, current.stdout[-3000:] + current.stderr[-3000:]

    version = dist.spec_version()
    major, minor, patch = (int(part) for part in version.split("."))
    bumped = f"{major}.{minor}.{patch + 1}"
    unreleased = _make(copy, "release-gate", "BASE=HEAD")
    assert unreleased.returncode != 0
    assert f"is unchanged, but this change needs a patch bump (at least {bumped})" in unreleased.stderr
    spec.write_text(spec.read_text().replace(f"  version: {version}\n", f"  version: {bumped}\n", 1))
    changelog = copy / "CHANGELOG.md"
    changelog.write_text(
        changelog.read_text().replace("## [Unreleased]\n", f"## [Unreleased]\n\n## [{bumped}] - 2026-12-07\n", 1)
    )
    released = _make(copy, "generate", "check-generated", "release-gate", "BASE=HEAD")
    assert released.returncode == 0, released.stdout[-3000:] + released.stderr[-3000:]
    assert f'version = "{bumped}"' in (copy / "generated" / "pyproject.toml").read_text()
