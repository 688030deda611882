"""openapi-generator's ``python`` client of the spec, made and imported outside the repository.

Two users: ``scripts/bench_client.py`` (the peer column) and
``tests/sharing/test_sharing_openapi_generator.py`` (every documented answer decodes). The
generator is the jar pinned by ``openapi-generator-cli`` in ``requirements.in`` (Java 11+); its
client runs on pydantic, urllib3, python-dateutil and typing-extensions, pinned there too.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path
from types import ModuleType

SPEC = Path(__file__).resolve().parent.parent / "openapi" / "fastn.yaml"


def generate(out: Path, package: str, spec: Path = SPEC) -> Path:
    """Generate the client into ``out`` as ``package`` (no tests, no docs); return the package's directory."""
    subprocess.run(
        [
            str(Path(sys.executable).parent / "openapi-generator-cli"),
            "generate",
            "--generator-name",
            "python",
            "--input-spec",
            str(spec),
            "--output",
            str(out),
            "--package-name",
            package,
            "--global-property",
            "apiTests=false,modelTests=false,apiDocs=false,modelDocs=false",
        ],
        check=True,
        capture_output=True,
    )
    return out / package


def load(name: str, package: Path) -> ModuleType:
    """Import a generated package (this client or another) from its directory.

    The import path is left alone; submodules are found through the package's ``__path__``.
    """
    spec = importlib.util.spec_from_file_location(
        name, package / "__init__.py", submodule_search_locations=[str(package)]
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module
