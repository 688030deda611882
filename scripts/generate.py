"""Regenerate the Fastn Python client, or check that the committed one is current.

The generated distribution is a pure function of three inputs:

    openapi/fastn.yaml  --openapi-python-client-->  generated/  <--  overrides/
    generator-config.yml        (+ overrides/templates/)           (fastn_client/**)

Steps: read the resource client's surface from the spec (`scripts/sdk_surface.py`: which
resource and method each operation is) and give it to the templates as `_sdk_surface.jinja`;
run the pinned generator with the config and the custom templates into a temporary
directory (`--fail-on-warning`, so a spec problem stops the build with the generator's message
naming the operation or schema); merge every file of `overrides/fastn_client/` into the
package at the same relative path, refusing to overwrite a generated file (a generated file
is changed only through a template); write `PROVENANCE.json`; then either replace the output
directory (`make generate`) or compare it with the committed one (`--check`).

    python scripts/generate.py                 # regenerate generated/
    python scripts/generate.py --check         # fail, listing stale files, if generated/ drifted
    python scripts/generate.py --check-inputs  # fast, no generator run: fail if an input changed since
        # generated/ was written (PROVENANCE.json hashes) or a merged copy differs from overrides/
    python scripts/generate.py --sync-runtime  # no generator run: refresh the merged copies of
        # overrides/fastn_client/ (what each test session and `make lint` do first)
    python scripts/generate.py --spec S --out D --golden [--check]
        # a golden record of another spec: only what the generator and templates write (no
        # copied overrides, no PROVENANCE.json, whose hashes change with every override edit)
"""

from __future__ import annotations

import argparse
import filecmp
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from importlib import metadata
from pathlib import Path

import fastn_spec
from sdk_surface import SurfaceError, surface

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / "generator-config.yml"
TEMPLATES = ROOT / "overrides" / "templates"
SURFACE_SCRIPT = ROOT / "scripts" / "sdk_surface.py"
SURFACE_TEMPLATE = "_sdk_surface.jinja"
PACKAGE_OVERRIDES = ROOT / "overrides" / "fastn_client"
PACKAGE = "fastn_client"
PROVENANCE = "PROVENANCE.json"
# Files the tools write as a side effect and that are never part of the output.
IGNORED = {"__pycache__", ".ruff_cache", ".mypy_cache", ".pytest_cache"}


class GenerationError(RuntimeError):
    """The generator failed or a merge rule was broken; the message says where."""


def sha256_file(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def sha256_tree(root: Path) -> str:
    """One hash over every file below `root`: relative path and content, in sorted order."""
    digest = hashlib.sha256()
    for path in sorted(_files(root)):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()


def _files(root: Path) -> list[Path]:
    return [p for p in root.rglob("*") if p.is_file() and not IGNORED.intersection(p.relative_to(root).parts)]


def count_operations(spec: Path) -> int:
    return len(fastn_spec.operations(fastn_spec.load(spec)))


def prepare_templates(spec: Path, workdir: Path) -> Path:
    """The custom templates plus this spec's surface (`_sdk_surface.jinja`), in a directory of `workdir`."""
    templates = workdir / "templates"
    shutil.copytree(TEMPLATES, templates)
    try:
        found = surface(fastn_spec.load(spec))
    except (fastn_spec.SpecError, SurfaceError) as error:
        raise GenerationError(f"the resource client cannot be built from {spec}: {error}") from error
    (templates / SURFACE_TEMPLATE).write_text(found.to_jinja(), encoding="utf-8")
    return templates


def run_generator(spec: Path, workdir: Path) -> Path:
    """Run openapi-python-client into `workdir`; return the distribution directory."""
    out = workdir / "fastn-client"
    templates = prepare_templates(spec, workdir)
    bin_dir = Path(sys.executable).parent
    env = dict(os.environ)
    # The config's post-hooks call `ruff`: make sure it is the pinned one from this venv.
    env["PATH"] = f"{bin_dir}{os.pathsep}{env.get('PATH', '')}"
    command = [
        str(bin_dir / "openapi-python-client"),
        "generate",
        "--path",
        str(spec),
        "--config",
        str(CONFIG),
        "--custom-template-path",
        str(templates),
        "--meta",
        "poetry",
        "--output-path",
        str(out),
        "--fail-on-warning",
    ]
    result = subprocess.run(command, cwd=workdir, env=env, capture_output=True, text=True, check=False)
    if result.returncode != 0 or not (out / PACKAGE).is_dir():
        raise GenerationError(
            f"openapi-python-client failed on {spec} (exit {result.returncode}):\n{result.stdout}{result.stderr}"
        )
    return out


def merge_overrides(out: Path) -> list[str]:
    """Copy overrides/fastn_client/** into the package; never replace a generated file."""
    merged = []
    for source in sorted(_files(PACKAGE_OVERRIDES)):
        relative = source.relative_to(PACKAGE_OVERRIDES)
        target = out / PACKAGE / relative
        if target.exists():
            raise GenerationError(
                f"overrides/fastn_client/{relative.as_posix()} would replace the generated file "
                f"{PACKAGE}/{relative.as_posix()}; change generated files through a template in overrides/templates/"
            )
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
        merged.append(relative.as_posix())
    return merged


def write_provenance(out: Path, spec: Path, merged: list[str]) -> None:
    """Record what the output was made from, beside it. Deterministic: no times, no paths."""
    record = {
        "generator": {
            "openapi-python-client": metadata.version("openapi-python-client"),
            "ruff": metadata.version("ruff"),
        },
        "inputs": {
            "spec": {
                "path": spec.relative_to(ROOT).as_posix() if spec.is_relative_to(ROOT) else spec.name,
                "sha256": sha256_file(spec),
            },
            "config": {"path": "generator-config.yml", "sha256": sha256_file(CONFIG)},
            "templates": {"path": "overrides/templates/", "sha256": sha256_tree(TEMPLATES)},
            "surface": {"path": "scripts/sdk_surface.py", "sha256": sha256_file(SURFACE_SCRIPT)},
        },
        "operations": count_operations(spec),
        "merged_overrides": merged,
        "regenerate_with": "make generate",
    }
    (out / PROVENANCE).write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")


def build(spec: Path, workdir: Path, *, golden: bool = False) -> Path:
    out = run_generator(spec, workdir)
    merged = merge_overrides(out)
    write_provenance(out, spec, merged)
    for name in IGNORED:
        for cache in list(out.rglob(name)):
            shutil.rmtree(cache)
    if golden:
        strip_to_golden(out)
    return out


def strip_to_golden(out: Path) -> None:
    """Reduce a built tree to its golden record: drop PROVENANCE.json and the copied overrides."""
    provenance = out / PROVENANCE
    merged: list[str] = json.loads(provenance.read_text(encoding="utf-8"))["merged_overrides"]
    provenance.unlink()
    for relative in merged:
        (out / PACKAGE / relative).unlink()


def stale_inputs(out: Path | None = None, spec: Path | None = None) -> list[str]:
    """Why `out` (default generated/) is not what the current inputs make, found without the generator.

    Compares the hashes in its PROVENANCE.json with the spec, the config and the templates, and
    every copied override with its source (`sync_runtime` refreshes those). Cheap enough to run
    before every test session; the full check (`--check`) also catches a hand edit of a generated file.
    """
    out = ROOT / "generated" if out is None else out
    spec = ROOT / "openapi" / "fastn.yaml" if spec is None else spec
    provenance = out / PROVENANCE
    if not provenance.is_file():
        return [f"{PROVENANCE} is missing"]
    inputs = json.loads(provenance.read_text(encoding="utf-8"))["inputs"]
    current = {
        "spec": sha256_file(spec),
        "config": sha256_file(CONFIG),
        "templates": sha256_tree(TEMPLATES),
        "surface": sha256_file(SURFACE_SCRIPT),
    }
    paths = {
        "spec": "openapi/fastn.yaml",
        "config": "generator-config.yml",
        "templates": "overrides/templates/",
        "surface": "scripts/sdk_surface.py",
    }
    stale = [
        f"{inputs.get(name, {}).get('path', paths[name])} changed since the last generation"
        for name, digest in current.items()
        if inputs.get(name, {}).get("sha256") != digest
    ]
    merged = set(json.loads(provenance.read_text(encoding="utf-8"))["merged_overrides"])
    sources = {source.relative_to(PACKAGE_OVERRIDES).as_posix(): source for source in _files(PACKAGE_OVERRIDES)}
    for relative, source in sorted(sources.items()):
        copy = out / PACKAGE / relative
        if not copy.is_file() or copy.read_bytes() != source.read_bytes():
            stale.append(f"{PACKAGE}/{relative} differs from overrides/{PACKAGE}/{relative}")
    stale += [
        f"{PACKAGE}/{relative} has no source in overrides/ any more" for relative in sorted(merged - set(sources))
    ]
    return stale


def sync_runtime(out: Path | None = None) -> list[str]:
    """Refresh the copies of overrides/fastn_client/ in `out` (default generated/); the paths changed.

    The hand-written runtime is copied into the package, not generated, so an edit of it needs no
    generator run: this copies what changed (and drops the copy of a removed file), in milliseconds,
    and keeps PROVENANCE.json's list of merged files. Test sessions and `make lint` run it first.
    A new file that would replace a generated one raises GenerationError, as in `make generate`.
    """
    out = ROOT / "generated" if out is None else out
    provenance = out / PROVENANCE
    record = json.loads(provenance.read_text(encoding="utf-8"))
    merged = set(record["merged_overrides"])
    sources = {source.relative_to(PACKAGE_OVERRIDES).as_posix(): source for source in _files(PACKAGE_OVERRIDES)}
    changed: list[str] = []
    for relative, source in sorted(sources.items()):
        copy = out / PACKAGE / relative
        if copy.is_file() and copy.read_bytes() == source.read_bytes():
            continue
        if copy.exists() and relative not in merged:
            raise GenerationError(
                f"overrides/{PACKAGE}/{relative} would replace the generated file {PACKAGE}/{relative}; "
                "change generated files through a template in overrides/templates/"
            )
        copy.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, copy)
        changed.append(f"{PACKAGE}/{relative}")
    for relative in sorted(merged - set(sources)):
        (out / PACKAGE / relative).unlink(missing_ok=True)
        changed.append(f"{PACKAGE}/{relative}")
    if set(sources) != merged:
        record["merged_overrides"] = [
            path.relative_to(PACKAGE_OVERRIDES).as_posix() for path in sorted(sources.values())
        ]
        provenance.write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")
    return changed


def diff_trees(expected: Path, actual: Path) -> list[str]:
    """Relative paths that differ between two trees: changed, missing or extra."""
    want = {p.relative_to(expected).as_posix() for p in _files(expected)}
    have = {p.relative_to(actual).as_posix() for p in _files(actual)} if actual.is_dir() else set()
    stale = [f"missing  {name}" for name in sorted(want - have)]
    stale += [f"extra    {name}" for name in sorted(have - want)]
    stale += [
        f"changed  {name}"
        for name in sorted(want & have)
        if not filecmp.cmp(expected / name, actual / name, shallow=False)
    ]
    return stale


def report_drift(expected: Path, actual: Path, fix_command: str) -> int:
    """Print what differs between a fresh tree and the committed one; 1 if anything does."""
    stale = diff_trees(expected, actual)
    if stale:
        shown = actual.relative_to(ROOT) if actual.is_relative_to(ROOT) else actual
        print(f"{shown}/ is stale: {len(stale)} file(s) differ from what the inputs produce:", file=sys.stderr)
        for line in stale:
            print(f"  {line}", file=sys.stderr)
        print(f"Fix: run `{fix_command}` and commit the result.", file=sys.stderr)
        return 1
    print(f"{actual.name}/ is up to date ({len(_files(expected))} files)")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--spec", type=Path, default=ROOT / "openapi" / "fastn.yaml")
    parser.add_argument("--out", type=Path, default=ROOT / "generated")
    parser.add_argument("--check", action="store_true", help="compare instead of writing; exit 1 on drift")
    parser.add_argument(
        "--check-inputs", action="store_true", help="no generator run: exit 1 if an input changed since generation"
    )
    parser.add_argument(
        "--sync-runtime", action="store_true", help="no generator run: refresh the copies of overrides/fastn_client/"
    )
    parser.add_argument("--golden", action="store_true", help="leave out copied overrides and PROVENANCE.json")
    parser.add_argument("--fix-command", default="make generate", help="command named in the drift message")
    args = parser.parse_args(argv)
    spec, out = args.spec.resolve(), args.out.resolve()
    if args.sync_runtime:
        try:
            changed = sync_runtime(out)
        except GenerationError as error:
            print(f"generate: {error}", file=sys.stderr)
            return 1
        for path in changed:
            print(f"generate: refreshed {out.name}/{path} from overrides/")
        return 0
    if args.check_inputs:
        reasons = stale_inputs(out, spec)
        for reason in reasons:
            print(f"generate: {out.name}/ is stale: {reason}", file=sys.stderr)
        if reasons:
            print(f"Fix: run `{args.fix_command}`.", file=sys.stderr)
        return 1 if reasons else 0

    with tempfile.TemporaryDirectory(prefix="fastn-generate-") as tmp:
        try:
            fresh = build(spec, Path(tmp), golden=args.golden)
        except GenerationError as error:
            print(f"generate: {error}", file=sys.stderr)
            return 1
        if args.check:
            return report_drift(fresh, out, args.fix_command)
        if out.exists():
            shutil.rmtree(out)
        shutil.copytree(fresh, out)
    print(f"generated {out.name}/ from {spec.name}: {count_operations(spec)} operations")
    return 0


if __name__ == "__main__":
    sys.exit(main())
