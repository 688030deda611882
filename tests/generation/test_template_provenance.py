"""The templates under our overrides are the generator's as recorded, and a release that changes one shows its diff.

`scripts/check_templates.py` (part of `make lint`) compares the installed openapi-python-client's
templates with `overrides/upstream/` (the recorded version, hashes and texts). Here a generator
release is played by a copy of its templates folder with one template changed.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import check_templates
import pytest

MODEL = "model.py.jinja"


@pytest.fixture
def release(tmp_path: Path) -> Path:
    """A copy of the installed generator's templates: a release to change."""
    return Path(shutil.copytree(check_templates.INSTALLED, tmp_path / "templates"))


@pytest.fixture
def base(tmp_path: Path) -> Path:
    """A copy of overrides/upstream/: a record to change."""
    return Path(shutil.copytree(check_templates.BASE, tmp_path / "upstream"))


def test_the_record_matches_the_pinned_generator(capsys: pytest.CaptureFixture[str]) -> None:
    assert check_templates.main([]) == 0, capsys.readouterr().out


def test_every_override_and_every_generator_template_it_imports_is_recorded() -> None:
    entries = {entry.path: entry for entry in check_templates.rests_on()}
    overrides = {
        path.relative_to(check_templates.OVERRIDES).as_posix() for path in check_templates.OVERRIDES.rglob("*.jinja")
    }
    assert {path for path, entry in entries.items() if entry.replaced_by} == overrides - check_templates.OWN
    assert entries["endpoint_macros.py.jinja"].imported_by == ("endpoint_module.py.jinja",)
    recorded = (check_templates.BASE / check_templates.MANIFEST).read_text(encoding="utf-8")
    assert all(f'[templates."{path}"]' in recorded for path in entries)


def test_a_release_that_changes_a_template_fails_with_the_diff_to_port(
    release: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = (release / MODEL).read_text(encoding="utf-8")
    (release / MODEL).write_text(text.replace("def from_dict(", "def from_dict_v2(", 1), encoding="utf-8")
    assert check_templates.main(["--upstream-dir", str(release)]) == 1
    out = capsys.readouterr().out
    assert f"{MODEL}: changed upstream; port into {MODEL}:" in out
    assert f"--- openapi-python-client 0.29.1 templates/{MODEL}" in out
    assert "-    def from_dict(" in out and "+    def from_dict_v2(" in out
    assert "check_templates.py --record" in out
    assert "client.py.jinja" not in out, "only what changed is shown"


def test_a_template_an_override_imports_is_checked_too(release: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with (release / "endpoint_macros.py.jinja").open("a", encoding="utf-8") as macros:
        macros.write("{# a new macro #}\n")
    assert check_templates.main(["--upstream-dir", str(release)]) == 1
    assert "port into endpoint_module.py.jinja (imports it):" in capsys.readouterr().out


def test_a_template_the_release_removed_is_named(release: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (release / "types.py.jinja").unlink()
    assert check_templates.main(["--upstream-dir", str(release)]) == 1
    assert "types.py.jinja: openapi-python-client" in capsys.readouterr().out


def test_a_changed_recorded_hash_fails(base: Path, capsys: pytest.CaptureFixture[str]) -> None:
    manifest = base / check_templates.MANIFEST
    recorded = check_templates.sha256(base / "templates" / MODEL)
    manifest.write_text(manifest.read_text(encoding="utf-8").replace(recorded, "0" * 64), encoding="utf-8")
    assert check_templates.main(["--base-dir", str(base)]) == 1
    assert f"{MODEL}: upstream/templates/{MODEL} is not the text manifest.toml records" in capsys.readouterr().out


def test_an_unrecorded_override_fails(base: Path, capsys: pytest.CaptureFixture[str]) -> None:
    manifest = base / check_templates.MANIFEST
    text = manifest.read_text(encoding="utf-8")
    start = text.index(f'[templates."{MODEL}"]')
    manifest.write_text(text[:start] + text[text.index("\n\n", start) + 2 :], encoding="utf-8")
    assert check_templates.main(["--base-dir", str(base)]) == 1
    assert f"{MODEL}: {MODEL} rest(s) on it, but it is not recorded" in capsys.readouterr().out


def test_recording_a_release_makes_it_the_base(release: Path, base: Path) -> None:
    (release / MODEL).write_text("{# the next release #}\n", encoding="utf-8")
    assert check_templates.problems(base=base, upstream=release)
    assert MODEL in check_templates.record(base=base, upstream=release)
    assert check_templates.problems(base=base, upstream=release) == []
    assert (base / "templates" / MODEL).read_text(encoding="utf-8") == "{# the next release #}\n"
