"""The layers point one way (schemas <- extractors <- pipeline), no module reaches into another's
private names, and the light commands stay light."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

# what each layer may import from vnnews
ALLOWED = {
    "schemas": {"schemas"},
    "extractors": {"schemas", "extractors"},
    "pipeline": {"schemas", "extractors", "pipeline"},
}


TRAINING = ROOT / "extractors" / "training"  # offline training commands: tooling above every layer


def _modules() -> list[tuple[str, Path]]:
    return [
        (layer, path)
        for layer in ALLOWED
        for path in sorted((ROOT / layer).rglob("*.py"))
        if TRAINING not in path.parents
    ]


def _vnnews_imports(path: Path) -> list[tuple[str, list[str], int]]:
    """(module, imported names, line) of every `vnnews.` import in a file, including local ones."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("vnnews."):
            found.append((node.module, [a.name for a in node.names], node.lineno))
        elif isinstance(node, ast.Import):
            found += [(a.name, [], node.lineno) for a in node.names if a.name.startswith("vnnews.")]
    return found


@pytest.mark.parametrize(
    ("layer", "path"), _modules(), ids=lambda x: str(x).rsplit("/", 2)[-1] if isinstance(x, Path) else x
)
def test_a_module_imports_only_its_own_layer_and_those_below(layer: str, path: Path) -> None:
    """schemas imports nothing of vnnews; extractors never imports the pipeline."""
    wrong = [(m, line) for m, _, line in _vnnews_imports(path) if m.split(".")[1] not in ALLOWED[layer]]
    assert not wrong, f"{path.relative_to(ROOT)} imports upwards: {wrong}"


@pytest.mark.parametrize(
    ("layer", "path"), _modules(), ids=lambda x: str(x).rsplit("/", 2)[-1] if isinstance(x, Path) else x
)
def test_no_module_imports_another_modules_private_names(layer: str, path: Path) -> None:
    """`from vnnews.x.y import _z` is not an interface: shared helpers are public, in one place."""
    private = [(m, n, line) for m, names, line in _vnnews_imports(path) for n in names if n.startswith("_")]
    assert not private, f"{path.relative_to(ROOT)} imports private names: {private}"


@pytest.mark.parametrize(
    "args",
    [["--help"], ["--version"], ["schema"], ["batch", "--help"], ["show", "--help"], ["serve", "--help"]],
)
def test_light_commands_import_neither_spacy_nor_the_extractors(args: list[str]) -> None:
    """`vnnews --help`, `--version` and `schema` answer without loading spaCy or the extractors."""
    code = (
        "import sys, json\n"
        "from vnnews.pipeline.cli import main\n"
        "try:\n"
        f"    main({args!r}, standalone_mode=False)\n"
        "finally:\n"
        "    heavy = sorted(m for m in sys.modules if m == 'spacy' or m.startswith(('vnnews.extractors.', 'underthesea')))\n"
        "    sys.stderr.write(json.dumps(heavy))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    heavy = json.loads(done.stderr.strip().splitlines()[-1])
    assert heavy == [], f"vnnews {' '.join(args)} imported {heavy}"


@pytest.mark.parametrize(
    ("layer", "path"), _modules(), ids=lambda x: str(x).rsplit("/", 2)[-1] if isinstance(x, Path) else x
)
def test_no_runtime_module_imports_the_training_commands(layer: str, path: Path) -> None:
    """extractors/training (which tokenizes corpora with the pipeline) is never imported at run time."""
    found = [m for m, _, _ in _vnnews_imports(path) if m.startswith("vnnews.extractors.training")]
    assert not found, f"{path.relative_to(ROOT)} imports the training package"
