"""Fuzz `extract` with generated text (hypothesis): count inputs that break a property.

Properties: only VnnewsError escapes; every record validates against the JSON Schema; every item's
offsets slice back to its text; a second run gives the same record.

    python benchmarks/fuzz.py [--examples 10000] [--seed 0]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    """Run the fuzzer and print what it found."""
    import jsonschema
    from hypothesis import HealthCheck, given, seed, settings

    from tests.pipeline.test_robustness import texts
    from vnnews.pipeline.api import Extractor
    from vnnews.pipeline.errors import VnnewsError

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    schema = json.loads((ROOT / "schemas" / "article.schema.json").read_text(encoding="utf-8"))
    extractor = Extractor()
    failures: list[tuple[str, str]] = []
    counts = {"inputs": 0, "records": 0, "errors": 0}

    @seed(args.seed)
    @settings(
        max_examples=args.examples, deadline=None, database=None, suppress_health_check=list(HealthCheck)
    )
    @given(text=texts)
    def run(text: str) -> None:
        counts["inputs"] += 1
        try:
            article = extractor.extract(text, published="2024-04-12")
        except VnnewsError:
            counts["errors"] += 1
            return
        except Exception as exc:  # the property under test: nothing else escapes
            failures.append((text, f"{type(exc).__name__}: {exc}"))
            return
        counts["records"] += 1
        record = article.model_dump(mode="json")
        try:
            jsonschema.validate(record, schema)
            for key in ("dates", "people", "organizations", "activities"):
                for item in record[key]:
                    assert record["text"][item["start"] : item["end"]] == item["text"], key
            again = extractor.extract(text, published="2024-04-12").model_dump(mode="json")
            assert again == record, "not deterministic"
        except (AssertionError, jsonschema.ValidationError) as exc:
            failures.append((text, f"{type(exc).__name__}: {exc}"))

    start = time.perf_counter()
    run()
    seconds = time.perf_counter() - start
    print(
        f"{counts['inputs']} generated inputs in {seconds:.0f} s: {counts['records']} records, "
        f"{counts['errors']} specific errors (empty input), {len(failures)} property failures"
    )
    for text, message in failures[:10]:
        print(f"  {message}  <- {text[:80]!r}")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
