#!/usr/bin/env python3
"""Build the project's distributions, check they are complete, and `twine check` them.

    make dist                              # dist/: a wheel and an sdist of each package below
    scripts/dist.py --out DIR [--only fastn-client]

| distribution   | from        | version                          | holds                                   |
| -------------- | ----------- | -------------------------------- | --------------------------------------- |
| `fastn-client` | generated/  | the spec's `info.version`        | the client, its runtime `lib/`          |
| `fastn-mock`   | mock/       | the spec's `info.version`        | the mock and the spec it serves         |
| `fastn-spec`   | loader/     | its own (`loader/pyproject.toml`) | the spec reader the mock runs on        |
| `fastn-contract` | contract/ | the spec's `info.version`        | the evidence report, probe and proxy    |

Each package is built from a copy (setuptools writes `build/` and `*.egg-info` beside its sources),
sdist first and the wheel from that sdist, so a file the sdist forgets fails here rather than on a
user's machine. The backends are the pinned ones of the venv (`--no-isolation`): nothing is fetched.
`SOURCE_DATE_EPOCH` is the last commit's time, so the same commit builds the same wheels (setuptools'
sdists still differ in their timestamps).

The mock is published with the document it serves (`fastn_mock/fastn.yaml`, read when no `--spec`
is given) and takes its version from it; in the repository it reads `openapi/fastn.yaml` in place.
"""

from __future__ import annotations

import argparse
import email.parser
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import fastn_spec

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "openapi" / "fastn.yaml"
VERSION_LINE = re.compile(r'^version = "[^"]*"$', re.MULTILINE)
BUILD_LEFTOVERS = shutil.ignore_patterns("__pycache__", "*.pyc", "build", "dist", "*.egg-info")


class DistError(Exception):
    """A distribution could not be built, or is not what would be published."""


@dataclass(frozen=True)
class Package:
    """One distribution: its name, source folder, import package, and how its copy is prepared."""

    name: str
    source: str
    import_name: str
    follows_spec: bool
    """Its version is the spec's `info.version` (stamped into the copy's pyproject.toml)."""
    prepare: Callable[[Path], None] | None = None
    must_hold: tuple[str, ...] = ()
    """Files of the wheel, besides every module of the source package, that must be there."""


def _bundle_spec(copy: Path) -> None:
    shutil.copyfile(SPEC, copy / "fastn_mock" / "fastn.yaml")


PACKAGES = (
    Package("fastn-client", "generated", "fastn_client", follows_spec=True),
    Package("fastn-spec", "loader", "fastn_spec", follows_spec=False),
    Package(
        "fastn-mock",
        "mock",
        "fastn_mock",
        follows_spec=True,
        prepare=_bundle_spec,
        must_hold=("fastn_mock/fastn.yaml",),
    ),
    Package(
        "fastn-contract",
        "contract",
        "fastn_contract",
        follows_spec=True,
        must_hold=("fastn_contract/report.schema.json",),
    ),
)


def spec_version() -> str:
    return str(fastn_spec.load(SPEC)["info"]["version"])


def source_date_epoch() -> str:
    """The last commit's time (reproducible archives), or the environment's if it sets one."""
    if os.environ.get("SOURCE_DATE_EPOCH"):
        return os.environ["SOURCE_DATE_EPOCH"]
    git = shutil.which("git")
    if git is not None:
        shown = subprocess.run(
            [git, "log", "-1", "--format=%ct"], cwd=ROOT, capture_output=True, text=True, check=False
        )
        if shown.returncode == 0 and shown.stdout.strip():
            return shown.stdout.strip()
    return "315532800"  # 1980-01-01, the earliest time a zip file can hold


def stage(package: Package, into: Path, version: str) -> Path:
    """A clean copy of the package's folder, with the published version and data."""
    copy = into / package.source
    shutil.copytree(ROOT / package.source, copy, ignore=BUILD_LEFTOVERS)
    if package.follows_spec:
        pyproject = copy / "pyproject.toml"
        text, count = VERSION_LINE.subn(f'version = "{version}"', pyproject.read_text(encoding="utf-8"), count=1)
        if count != 1:
            raise DistError(f'{package.source}/pyproject.toml has no `version = "..."` line to stamp')
        pyproject.write_text(text, encoding="utf-8")
    if package.prepare is not None:
        package.prepare(copy)
    return copy


def build(copy: Path, out: Path, env: dict[str, str]) -> None:
    command = [sys.executable, "-m", "build", "--no-isolation", "--outdir", str(out), str(copy)]
    result = subprocess.run(command, capture_output=True, text=True, check=False, env=env)
    if result.returncode != 0:
        raise DistError(f"building {copy.name} failed:\n{result.stdout[-4000:]}{result.stderr[-4000:]}")


def _normalised(name: str) -> str:
    return re.sub(r"[-_.]+", "_", name).lower()


def built_files(package: Package, out: Path, version: str) -> tuple[Path, Path]:
    stem = f"{_normalised(package.name)}-{version}"
    wheels = sorted(out.glob(f"{stem}-*.whl"))
    sdist = out / f"{stem}.tar.gz"
    if len(wheels) != 1 or not sdist.is_file():
        raise DistError(f"expected one wheel and {sdist.name} for {package.name} {version} in {out}")
    return wheels[0], sdist


def check_wheel(package: Package, wheel: Path, version: str) -> list[str]:
    """What the wheel lacks or states wrongly, compared with its source folder."""
    problems: list[str] = []
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        [metadata_name] = [name for name in names if name.endswith(".dist-info/METADATA")]
        metadata = email.parser.Parser().parsestr(archive.read(metadata_name).decode("utf-8"))
    source = ROOT / package.source / package.import_name
    expected = {
        path.relative_to(source.parent).as_posix()
        for path in source.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc"
    }
    for missing in sorted((expected | set(package.must_hold)) - names):
        problems.append(f"{wheel.name} lacks {missing}")
    if metadata["Name"] != package.name:
        problems.append(f"{wheel.name} names itself {metadata['Name']!r}, not {package.name!r}")
    if metadata["Version"] != version:
        problems.append(f"{wheel.name} has version {metadata['Version']}, not {version}")
    if not (metadata["Requires-Python"] or "").startswith(">=3.11"):
        problems.append(f"{wheel.name} states Requires-Python {metadata['Requires-Python']!r}, not >=3.11")
    return problems


def check_sdist(sdist: Path) -> list[str]:
    with tarfile.open(sdist) as archive:
        names = {name.split("/", 1)[-1] for name in archive.getnames()}
    return [f"{sdist.name} lacks {name}" for name in ("pyproject.toml", "README.md", "PKG-INFO") if name not in names]


def twine_check(files: Iterable[Path]) -> None:
    command = [sys.executable, "-m", "twine", "check", "--strict", *map(str, files)]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise DistError(f"twine check failed:\n{result.stdout}{result.stderr}")


def make_dist(out: Path, only: set[str] | None = None) -> list[Path]:
    """Build, check and `twine check` the chosen packages into `out`; the files written."""
    out.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "SOURCE_DATE_EPOCH": source_date_epoch()}
    made: list[Path] = []
    problems: list[str] = []
    with tempfile.TemporaryDirectory(prefix="fastn-dist-") as scratch:
        for package in PACKAGES:
            if only is not None and package.name not in only:
                continue
            version = spec_version() if package.follows_spec else _own_version(package)
            for stale in out.glob(f"{_normalised(package.name)}-*"):
                stale.unlink()
            build(stage(package, Path(scratch), version), out, env)
            wheel, sdist = built_files(package, out, version)
            problems += check_wheel(package, wheel, version) + check_sdist(sdist)
            made += [wheel, sdist]
    if problems:
        raise DistError("the distributions are incomplete:\n" + "\n".join(f"  {problem}" for problem in problems))
    twine_check(made)
    return made


def _own_version(package: Package) -> str:
    match = VERSION_LINE.search((ROOT / package.source / "pyproject.toml").read_text(encoding="utf-8"))
    if match is None:
        raise DistError(f"{package.source}/pyproject.toml has no version")
    return match.group(0).split('"')[1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "dist", help="where to write them (default: dist/)")
    parser.add_argument(
        "--only", action="append", choices=[package.name for package in PACKAGES], help="build just this one"
    )
    args = parser.parse_args(argv)
    try:
        made = make_dist(args.out, set(args.only) if args.only else None)
    except DistError as error:
        print(f"dist: {error}", file=sys.stderr)
        return 1
    for path in made:
        print(f"dist: {_display(path)}")
    print(f"dist: {len(made)} files, twine check passed")
    return 0


def _display(path: Path) -> str:
    try:
        return path.resolve().relative_to(Path.cwd()).as_posix()
    except ValueError:
        return str(path)


if __name__ == "__main__":
    sys.exit(main())
