"""Shared fixtures: one loaded pipeline per test session, and paths to the project's sample corpus."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "corpus" / "samples"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def extractor():
    """The vnnews Extractor, loaded once."""
    from vnnews.pipeline.api import Extractor

    return Extractor()


@pytest.fixture(scope="session")
def nlp(extractor):
    """The spaCy pipeline inside the shared Extractor."""
    return extractor.nlp


@pytest.fixture(scope="session")
def run(extractor):
    """Extract one text: run(text, published=..., title=...) -> Article."""

    def _run(text: str, **kwargs):
        return extractor.extract(text, **kwargs)

    return _run


def _shared_split(name: str) -> Path:
    """A split of the shared corpus; skips the test cleanly when it is absent."""
    folder = SHARED / "corpus" / name
    if not (folder / "articles.jsonl").exists():
        pytest.skip(f"../shared/corpus/{name} is not available here")
    return folder


@pytest.fixture(scope="session")
def shared_train() -> Path:
    """The shared training corpus; tests that need it skip cleanly when it is absent."""
    return _shared_split("train")


@pytest.fixture(scope="session")
def shared_dev() -> Path:
    """The shared dev corpus; tests that need it skip cleanly when it is absent."""
    return _shared_split("dev")
