"""Helpers for the benchmarks: the shared corpus, the referee's scoring functions, timing."""

from __future__ import annotations

import gzip
import importlib.util
import json
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
DEV = SHARED / "corpus" / "dev"
BENCH = SHARED / "corpus" / "bench" / "baomoi-5k.jsonl.gz"


def require_shared() -> None:
    """Exit with a clear message when ../shared is not beside the checkout."""
    if not (DEV / "articles.jsonl").exists():
        sys.exit(f"benchmark needs the shared corpus at {DEV}")


def dev_articles() -> list[dict]:
    """The shared dev archive's article objects."""
    return [
        json.loads(line) for line in (DEV / "articles.jsonl").read_text(encoding="utf-8").splitlines() if line
    ]


def bench_articles(limit: int | None = None) -> Iterator[dict]:
    """Articles of the 5,000-article benchmark archive."""
    with gzip.open(BENCH, "rt", encoding="utf-8") as f:
        for i, line in enumerate(f):
            if limit is not None and i >= limit:
                return
            yield json.loads(line)


def referee():
    """The referee module (../shared/eval/score.py), imported from its file."""
    spec = importlib.util.spec_from_file_location("vnnews_referee", SHARED / "eval" / "score.py")
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


def score(records: dict[str, dict], fields: list[str]) -> dict[str, dict]:
    """The referee's P/R/F1 for the given fields over the dev gold, for system records keyed by id."""
    ref = referee()
    tally = ref.Tally()
    for path in sorted(DEV.glob("*.gold.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        ref.score_article(gold, records.get(gold["id"]), tally, [])
    return {f: tally.score(f) for f in fields}


def timed(fn: Callable[[], object], repeat: int = 1) -> float:
    """Best wall time of fn over repeat runs, in seconds."""
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t)
    return best


def vnnews_records(articles: list[dict]):
    """vnnews's records of article objects (keyed by id), the seconds taken, the extractor and its inputs."""
    from vnnews.pipeline.api import ArticleInput, Extractor

    extractor = Extractor()
    items = [
        ArticleInput(a["text"], a["id"], a["title"], a.get("published"), a.get("source")) for a in articles
    ]
    extractor.extract(items[0].text)  # warm up
    start = time.perf_counter()
    records = {r.id: r.model_dump(mode="json") for r in extractor.extract_many(items)}
    return records, time.perf_counter() - start, extractor, items
