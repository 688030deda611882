#!/usr/bin/env python3
"""Write the JSON forms of the spec: ``openapi/fastn.json`` and ``openapi/fastn.deref.json``.

``fastn.yaml`` is the only hand-edited file. Many tools outside Python want JSON, and some
(form builders, older code generators, LLM tool definitions) cannot follow ``$ref`` at all,
so ``make bundle`` commits two derived files next to it:

- ``fastn.json``: the same document, key order kept, 2-space indent, trailing newline, so
  a diff of the YAML and a diff of the JSON tell the same story;
- ``fastn.deref.json``: every local ``$ref`` replaced by a copy of its target. A reference
  that would recurse into itself (a schema containing itself) is the one exception: it
  stays a ``$ref``, and ``components`` stays in the document so that it still resolves.

``--check`` regenerates in memory and exits 1 listing every stale or missing file, which
is how ``make test`` catches a YAML edit committed without ``make generate`` (or ``make bundle``).

Reading and inlining are `fastn_spec`'s (``loader/``), the reader every Python tool of the
project shares: YAML 1.2 scalars as js-yaml reads them, so the JSON agrees with what Redocly,
Spectral and openapi-typescript see; duplicate keys refused; only annotations beside a ``$ref``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import fastn_spec
from fastn_spec import SpecError, dump_json

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "openapi" / "fastn.yaml"
FIX_COMMAND = "make generate"


# --------------------------------------------------------------------------- outputs


def render(spec: Path) -> tuple[dict[Path, str], list[str]]:
    """Every derived file's path and exact content, and the recursive refs kept as refs."""
    document = fastn_spec.load(spec)
    dereferenced = fastn_spec.dereference(document)
    directory = spec.parent
    outputs = {
        directory / f"{spec.stem}.json": dump_json(document),
        directory / f"{spec.stem}.deref.json": dump_json(dereferenced.document),
    }
    return outputs, list(dereferenced.recursive)


def _display(path: Path) -> str:
    try:
        return str(path.relative_to(ROOT))
    except ValueError:
        return str(path)


def main(argv: list[str] | None = None) -> int:
    """Write (or, with --check, verify) the JSON forms of the spec."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--spec", type=Path, default=SPEC, help="the YAML document (default: %(default)s)")
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 if a file is stale")
    args = parser.parse_args(argv)
    try:
        outputs, recursive = render(args.spec)
    except SpecError as error:
        print(f"bundle: {error}", file=sys.stderr)
        return 2
    if args.check:
        stale = [path for path, content in outputs.items() if not path.exists() or path.read_text("utf-8") != content]
        if stale:
            for path in stale:
                state = "missing" if not path.exists() else "stale"
                print(f"bundle: {_display(path)} is {state}", file=sys.stderr)
            print(f"bundle: run `{FIX_COMMAND}` and commit the result", file=sys.stderr)
            return 1
        print(f"bundle: {', '.join(_display(path) for path in outputs)} up to date")
        return 0
    for path, content in outputs.items():
        if not path.exists() or path.read_text("utf-8") != content:
            path.write_text(content, encoding="utf-8")
            print(f"bundle: wrote {_display(path)}")
        else:
            print(f"bundle: {_display(path)} unchanged")
    for ref in recursive:
        print(f"bundle: {ref} is recursive; it stays a $ref in the dereferenced file")
    return 0


if __name__ == "__main__":
    sys.exit(main())
