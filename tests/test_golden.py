"""Golden files pin the whole record of each sample article; VNNEWS_UPDATE_GOLDEN=1 rewrites them."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.conftest import SAMPLES

GOLDEN = Path(__file__).parent / "golden"
ARCHIVE = [
    json.loads(line) for line in (SAMPLES / "archive.jsonl").read_text(encoding="utf-8").splitlines() if line
]


@pytest.mark.parametrize("item", ARCHIVE, ids=lambda item: item["id"])
def test_sample_article_matches_golden_record(extractor, item: dict) -> None:
    """The record of a sample article is exactly the reviewed golden JSON."""
    record = extractor.extract(
        item["text"], id=item["id"], title=item["title"], published=item["published"], source=item["source"]
    ).model_dump(mode="json", exclude={"text"})
    path = GOLDEN / f"{item['id']}.json"
    if os.environ.get("VNNEWS_UPDATE_GOLDEN") == "1":
        path.write_text(json.dumps(record, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    assert path.exists(), f"no golden file {path.name}: run with VNNEWS_UPDATE_GOLDEN=1 and review it"
    assert record == json.loads(path.read_text(encoding="utf-8"))
