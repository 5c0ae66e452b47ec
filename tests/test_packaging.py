"""The install puts one name, `vnnews`, at the top of site-packages; the folders are its packages."""

from __future__ import annotations

import importlib.metadata
import os
import subprocess
import sys
import tempfile

import pytest


def test_the_distribution_installs_only_the_vnnews_namespace() -> None:
    """The installed distribution's top-level names are exactly {vnnews}."""
    dist = importlib.metadata.distribution("vnnews")
    top_level = (dist.read_text("top_level.txt") or "").split()
    assert top_level == ["vnnews"]


@pytest.mark.parametrize("name", ["pipeline", "extractors", "schemas"])
def test_no_generic_top_level_package_is_importable_outside_the_checkout(name: str) -> None:
    """From another folder, `import pipeline` finds nothing of vnnews (vnnews.pipeline is the name)."""
    code = (
        "import importlib.util, sys; "
        f"spec = importlib.util.find_spec({name!r}); "
        "origin = spec.origin if spec else None; "
        "sys.exit(1 if origin and 'vnnews' not in origin and origin.startswith(sys.argv[1]) else 0)"
    )
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    with tempfile.TemporaryDirectory() as cwd:
        done = subprocess.run([sys.executable, "-c", code, root], cwd=cwd, env=env, timeout=60)
    assert done.returncode == 0, f"{name} is importable from the checkout's folder"


def test_the_packages_import_under_the_namespace() -> None:
    """vnnews.pipeline, vnnews.extractors and vnnews.schemas are the import names."""
    import vnnews.extractors
    import vnnews.pipeline
    import vnnews.schemas

    assert {m.__name__ for m in (vnnews.pipeline, vnnews.extractors, vnnews.schemas)} == {
        "vnnews.pipeline",
        "vnnews.extractors",
        "vnnews.schemas",
    }
