"""``python -m fastn_spec check FILE...``: every place of a document this project cannot read.

Prints one line per problem, each naming its place (``file: line N`` for the YAML, a JSON pointer
for a reference), and exits 1 if there was any, 0 otherwise.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import SpecError, load, name_clashes, problems


def check(path: Path) -> list[str]:
    """The problems of one file, as printed."""
    try:
        document = load(path)
    except SpecError as error:
        return [str(error)]
    return [f"{path}: {problem}" for problem in [*problems(document), *name_clashes(document)]]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m fastn_spec", description=(__doc__ or "").split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    checking = commands.add_parser("check", help="report every place the document breaks the loader's rules")
    checking.add_argument("files", nargs="+", type=Path)
    args = parser.parse_args(argv)
    found = [problem for path in args.files for problem in check(path)]
    for problem in found:
        print(problem, file=sys.stderr)
    if not found:
        files = ", ".join(map(str, args.files))
        print(f"fastn_spec: {files}: every $ref resolves, annotations only beside it; no generated class named twice")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
