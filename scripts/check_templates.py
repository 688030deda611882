"""Check that the generator's templates under our overrides are the ones the overrides were made from.

Each template in `overrides/templates/` replaces one of openapi-python-client's (or is a file of our
own), and several import the generator's macros. Upstream calls its template API unstable: a patch
release may change a template we replaced, and the override would then silently keep the old text.
`overrides/upstream/` holds what each override rests on, as released in the generator version we
derived them from: `manifest.toml` (that version; per upstream file its SHA-256 and the overrides
derived from it or importing it) and a copy of each such upstream file, so a change can be shown.

    python scripts/check_templates.py            # (make lint) fail if the installed generator's
        # templates differ from the recorded ones, printing each upstream diff to port
    python scripts/check_templates.py --record   # after porting: record the installed generator's
        # templates as the new base (manifest and copies); see overrides/README.md

`--upstream-dir DIR` and `--base-dir DIR` replace the installed generator's templates and
`overrides/upstream/` (the tests use them to play a generator release).
"""

from __future__ import annotations

import argparse
import difflib
import hashlib
import re
import sys
import tomllib
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

import openapi_python_client

ROOT = Path(__file__).resolve().parent.parent
OVERRIDES = ROOT / "overrides" / "templates"
BASE = ROOT / "overrides" / "upstream"
MANIFEST = "manifest.toml"
GENERATOR = "openapi-python-client"
INSTALLED = Path(openapi_python_client.__file__).parent / "templates"
# Our own files among the templates: they replace nothing upstream. `_sdk_surface.jinja` is written
# by scripts/generate.py for each generation.
OWN = {"resource_macros.jinja", "_sdk_surface.jinja"}
# `{% from "x" import …` / `{% import "x" as …`: the static imports of a template.
IMPORT = re.compile(r"""\{%-?\s*(?:from|import|include|extends)\s+"([^"]+)"(?:\s|%|-)""")


@dataclass(frozen=True)
class Upstream:
    """One upstream template our overrides rest on: replaced by some, imported by others."""

    path: str  # relative to the generator's templates folder
    replaced_by: tuple[str, ...]
    imported_by: tuple[str, ...]


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def generator_version() -> str:
    return metadata.version(GENERATOR)


def rests_on(overrides: Path = OVERRIDES) -> list[Upstream]:
    """What the overrides rest on: each upstream file replaced by one, or imported by one, sorted by path.

    A template that is not one of ours replaces the generator's of the same path; a static import
    of a template that is neither ours nor an override is one of the generator's.
    """
    replaced: dict[str, list[str]] = {}
    imported: dict[str, list[str]] = {}
    for template in sorted(overrides.rglob("*.jinja")):
        name = template.relative_to(overrides).as_posix()
        if name not in OWN:
            replaced.setdefault(name, []).append(name)
        for target in IMPORT.findall(template.read_text(encoding="utf-8")):
            if target not in OWN and not (overrides / target).exists():
                imported.setdefault(target, []).append(name)
    return [
        Upstream(path, tuple(replaced.get(path, ())), tuple(imported.get(path, ())))
        for path in sorted(replaced.keys() | imported.keys())
    ]


def problems(
    overrides: Path = OVERRIDES, base: Path = BASE, upstream: Path = INSTALLED, version: str | None = None
) -> list[str]:
    """Everything that differs from the record, each with the diff to port where there is one; [] if none."""
    version = version or generator_version()
    manifest = tomllib.loads((base / MANIFEST).read_text(encoding="utf-8"))
    recorded_version = manifest["version"]
    recorded: dict[str, dict[str, object]] = manifest["templates"]
    found: list[str] = []
    for entry in rests_on(overrides):
        users = ", ".join([*entry.replaced_by, *(f"{name} (imports it)" for name in entry.imported_by)])
        if entry.path not in recorded:
            found.append(f"{entry.path}: {users} rest(s) on it, but it is not recorded in {base.name}/{MANIFEST}")
            continue
        copy = base / "templates" / entry.path
        if not copy.is_file() or sha256(copy) != recorded[entry.path]["sha256"]:
            found.append(f"{entry.path}: {base.name}/templates/{entry.path} is not the text {MANIFEST} records")
            continue
        current = upstream / entry.path
        if not current.is_file():
            found.append(f"{entry.path}: {GENERATOR} {version} has no such template any more; {users} rest(s) on it")
            continue
        if sha256(current) != recorded[entry.path]["sha256"]:
            diff = difflib.unified_diff(
                copy.read_text(encoding="utf-8").splitlines(keepends=True),
                current.read_text(encoding="utf-8").splitlines(keepends=True),
                fromfile=f"{GENERATOR} {recorded_version} templates/{entry.path}",
                tofile=f"{GENERATOR} {version} templates/{entry.path}",
            )
            found.append(f"{entry.path}: changed upstream; port into {users}:\n{''.join(diff).rstrip()}")
    for path in sorted(recorded.keys() - {entry.path for entry in rests_on(overrides)}):
        found.append(f"{path}: recorded, but no override rests on it any more (record again)")
    return found


def record(overrides: Path = OVERRIDES, base: Path = BASE, upstream: Path = INSTALLED) -> list[str]:
    """Make the installed generator's templates the new base: copies and manifest. Returns the paths recorded."""
    entries = rests_on(overrides)
    copies = base / "templates"
    for stale in sorted(copies.rglob("*"), reverse=True) if copies.exists() else []:
        stale.unlink() if stale.is_file() else stale.rmdir()
    lines = [
        "# What the template overrides of overrides/templates/ rest on: for each template of the generator",
        "# that an override replaces or imports, its SHA-256 as released in `version`, and which overrides",
        "# use it; templates/ beside this file holds those texts. Written by `scripts/check_templates.py",
        "# --record`; checked by `make lint` (scripts/check_templates.py). Do not edit by hand.",
        f'generator = "{GENERATOR}"',
        f'version = "{generator_version()}"',
    ]
    for entry in entries:
        source = upstream / entry.path
        (copies / entry.path).parent.mkdir(parents=True, exist_ok=True)
        (copies / entry.path).write_bytes(source.read_bytes())
        lines += [
            "",
            f'[templates."{entry.path}"]',
            f'sha256 = "{sha256(source)}"',
            f"replaced_by = {_toml_list(entry.replaced_by)}",
            f"imported_by = {_toml_list(entry.imported_by)}",
        ]
    (base / MANIFEST).write_text("\n".join(lines) + "\n", encoding="utf-8")
    return [entry.path for entry in entries]


def _toml_list(names: tuple[str, ...]) -> str:
    return "[" + ", ".join(f'"{name}"' for name in names) + "]"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--record", action="store_true", help="record the installed templates as the new base")
    parser.add_argument("--upstream-dir", type=Path, default=INSTALLED, help="the generator's templates folder")
    parser.add_argument("--base-dir", type=Path, default=BASE, help="the recorded base (overrides/upstream)")
    args = parser.parse_args(argv)
    if args.record:
        recorded = record(OVERRIDES, args.base_dir, args.upstream_dir)
        print(f"recorded {len(recorded)} templates of {GENERATOR} {generator_version()} in {args.base_dir}")
        return 0
    found = problems(OVERRIDES, args.base_dir, args.upstream_dir)
    if found:
        print(f"overrides/templates: what {len(found)} upstream template(s) changed under the overrides:\n")
        print("\n\n".join(found))
        print(
            "\nPort each change into the overrides named, then record the new base:"
            " .venv/bin/python scripts/check_templates.py --record (overrides/README.md, 'Bumping the generator')."
        )
        return 1
    print(
        f"overrides/templates: every upstream template they rest on is {GENERATOR} {generator_version()}'s as recorded"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
