"""Regenerate schemas/article.schema.json from the models: `python -m vnnews.schemas`."""

from __future__ import annotations

import json
from pathlib import Path

from vnnews.schemas import json_schema

SCHEMA_FILE = Path(__file__).with_name("article.schema.json")


def render() -> str:
    """The JSON Schema file's exact text."""
    return json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n"


if __name__ == "__main__":
    SCHEMA_FILE.write_text(render(), encoding="utf-8")
    print(f"wrote {SCHEMA_FILE}")
