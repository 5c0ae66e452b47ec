"""What each learned component costs the whole pipeline, in one run: ms/article of the full pipeline
against the same pipeline with the mention tagger off (issue #15's budget: at most +25%) and with
the activity tagger off (issue #16's budget: at most +15%), over the same bench articles.

    python benchmarks/components_cost.py [--limit N] [--rounds R]

The three pipelines are built once and timed in turns (round-robin, best round of R kept for each),
so that a machine shared with other work slows them alike. Times are Extractor.extract_item: the
normalizing, tokenizing, every component and the record, as `vnnews batch` does per article; wall
time, and the process's CPU time beside it (steadier when other work shares the cores).
"""

from __future__ import annotations

import argparse
import time

import spacy
from _shared import bench_articles

from vnnews.pipeline.api import ArticleInput, Extractor
from vnnews.pipeline.nlp import COMPONENTS, MAX_CHARS


def pipeline(without_mentions: bool = False, activity_model: bool = True) -> Extractor:
    """vnnews's pipeline, with the mention tagger left out or the activity tagger switched off."""
    nlp = spacy.blank("vi", config={"nlp": {"tokenizer": {"@tokenizers": "vnnews.VietnameseTokenizer.v1"}}})
    nlp.max_length = MAX_CHARS
    for name in COMPONENTS:
        if without_mentions and name == "vnnews_mentions":
            continue
        config = {"use_model": False} if name == "vnnews_activities" and not activity_model else {}
        nlp.add_pipe(name, config=config)
    return Extractor(nlp)


def seconds(extractor: Extractor, items: list[ArticleInput]) -> tuple[float, float]:
    """Wall and CPU seconds (this process's) of one pass over the items."""
    start, cpu = time.perf_counter(), time.process_time()
    for item in items:
        extractor.extract_item(item)
    return time.perf_counter() - start, time.process_time() - cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=300, help="bench articles (default 300)")
    parser.add_argument("--rounds", type=int, default=3, help="rounds, best kept (default 3)")
    args = parser.parse_args()
    items = [
        ArticleInput(a.get("text") or "", a.get("id"), a.get("title"), a.get("published"))
        for a in bench_articles(args.limit)
        if (a.get("text") or "").strip()
    ]
    systems = {
        "full pipeline": pipeline(),
        "mention tagger off": pipeline(without_mentions=True),
        "activity tagger off": pipeline(activity_model=False),
    }
    for extractor in systems.values():
        extractor.extract_item(items[0])  # warm caches (lexicons, compiled patterns)
    best = dict.fromkeys(systems, float("inf"))
    best_cpu = dict.fromkeys(systems, float("inf"))
    for _ in range(args.rounds):
        for name, extractor in systems.items():
            wall, cpu = seconds(extractor, items)
            best[name], best_cpu[name] = min(best[name], wall), min(best_cpu[name], cpu)
    full, full_cpu = best["full pipeline"], best_cpu["full pipeline"]
    print(f"{len(items)} bench articles, best of {args.rounds} rounds")
    print(f"{'':<22}{'ms/article':>12}{'full / this':>14}{'CPU ms/article':>16}{'full / this':>14}")
    for name, s in best.items():
        c = best_cpu[name]
        print(
            f"{name:<22}{1000 * s / len(items):>12.1f}{full / s:>14.3f}{1000 * c / len(items):>16.1f}{full_cpu / c:>14.3f}"
        )
    for label, key, budget in (
        ("mention", "mention tagger off", 25),
        ("activity", "activity tagger off", 15),
    ):
        print(
            f"{label} tagger: {100 * (full / best[key] - 1):+.1f}% (budget +{budget}%);"
            f" in CPU time {100 * (full_cpu / best_cpu[key] - 1):+.1f}%"
        )


if __name__ == "__main__":
    main()
