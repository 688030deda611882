"""The mock installs as a package, with the spec reader it depends on: `pip install ./loader ./mock`."""

from __future__ import annotations

import shutil
import subprocess
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow  # installs packages into a new virtualenv
def test_the_mock_installs_and_serves_from_a_fresh_virtualenv(tmp_path: Path) -> None:
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    python = env_dir / "bin" / "python"
    # Built from copies: setuptools writes build/ and *.egg-info beside the sources it builds.
    packages = []
    for name in ("loader", "mock"):
        shutil.copytree(
            ROOT / name, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__", "build", "*.egg-info")
        )
        packages.append(str(tmp_path / name))
    install = subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", *packages],
        capture_output=True,
        text=True,
        check=False,
    )
    assert install.returncode == 0, install.stderr
    probe = Path(__file__).with_name("install_probe.py")
    spec = ROOT / "openapi" / "fastn.yaml"
    run = subprocess.run(
        [str(python), str(probe), str(env_dir), str(spec)], capture_output=True, text=True, check=False, cwd=tmp_path
    )
    assert run.stdout.strip() == "ok 200 ['data', 'nextCursor']", run.stderr
