"""The Python examples of the READMEs type-check under mypy --strict, as a user's code would be checked."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DOCUMENTS = ["README.md", "generated/README.md", "overrides/README.md", "mock/README.md", "loader/README.md"]
BLOCK = re.compile(r"```python\n(.*?)```", re.S)


def examples() -> list[tuple[str, str]]:
    found = []
    for name in DOCUMENTS:
        for index, code in enumerate(BLOCK.findall((ROOT / name).read_text(encoding="utf-8"))):
            found.append((f"{name}#{index + 1}", code))
    return found


def test_every_readme_has_its_examples_found() -> None:
    assert {where.split("#")[0] for where, _ in examples()} == set(DOCUMENTS)


@pytest.mark.slow  # one mypy run over every example (about 15 s)
def test_the_readme_examples_type_check_strictly(tmp_path: Path) -> None:
    files = []
    for where, code in examples():
        path = tmp_path / (re.sub(r"[^a-z0-9]+", "_", where.lower()) + ".py")
        path.write_text(code, encoding="utf-8")
        files.append(path)
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "--config-file", "/dev/null", *map(str, files)],
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stdout + result.stderr
