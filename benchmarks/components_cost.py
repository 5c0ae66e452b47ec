"""What each learned component costs the whole pipeline, in one run: ms/article of the full pipeline
against the same pipeline with the mention tagger off (issue #15's budget: at most +25%) and with
the activity tagger off (issue #16's budget: at most +15%), over the same bench articles.

    python benchmarks/components_cost.py [--limit N] [--rounds R] [--clock wall|cpu]

The three pipelines are built once and timed in turns (round-robin, best round of R kept for each),
so that a machine shared with other work slows them alike. Times are Extractor.extract_item: the
normalizing, tokenizing, every component and the record, as `vnnews batch` does per article.
`--clock cpu` times the process's own CPU time instead of the wall clock: on a machine whose cores
other jobs keep busy, the waits for a core then count in neither pipeline.
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


def seconds(extractor: Extractor, items: list[ArticleInput], clock=time.perf_counter) -> float:
    start = clock()
    for item in items:
        extractor.extract_item(item)
    return clock() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=300, help="bench articles (default 300)")
    parser.add_argument("--rounds", type=int, default=3, help="rounds, best kept (default 3)")
    parser.add_argument(
        "--clock",
        choices=("wall", "cpu"),
        default="wall",
        help="wall clock (default) or the process's CPU time",
    )
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
    clock = time.process_time if args.clock == "cpu" else time.perf_counter
    best = dict.fromkeys(systems, float("inf"))
    for _ in range(args.rounds):
        for name, extractor in systems.items():
            best[name] = min(best[name], seconds(extractor, items, clock))
    full = best["full pipeline"]
    print(f"{len(items)} bench articles, best of {args.rounds} rounds, {args.clock} clock")
    print(f"{'':<22}{'ms/article':>12}{'full / this':>14}")
    for name, s in best.items():
        print(f"{name:<22}{1000 * s / len(items):>12.1f}{full / s:>14.3f}")
    print(f"mention tagger: +{100 * (full / best['mention tagger off'] - 1):.1f}% (budget +25%)")
    print(f"activity tagger: +{100 * (full / best['activity tagger off'] - 1):.1f}% (budget +15%)")


if __name__ == "__main__":
    main()
