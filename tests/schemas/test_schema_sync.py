"""The committed JSON Schema matches the pydantic models, and records validate against it."""

from __future__ import annotations

import json

import jsonschema
import pytest

from tests.conftest import SAMPLES
from vnnews.schemas.__main__ import SCHEMA_FILE, render


def test_committed_schema_matches_models() -> None:
    """schemas/article.schema.json is what `python -m schemas` generates now."""
    assert SCHEMA_FILE.read_text(encoding="utf-8") == render(), (
        "run `python -m schemas` and commit the result"
    )


@pytest.mark.parametrize("path", sorted(SAMPLES.glob("*.txt")), ids=lambda p: p.name)
def test_sample_records_validate_against_schema(run, path) -> None:
    """Every sample article's record is valid under the published JSON Schema."""
    record = run(path.read_text(encoding="utf-8"), published="2025-04-15").model_dump(mode="json")
    jsonschema.validate(record, json.loads(SCHEMA_FILE.read_text(encoding="utf-8")))
