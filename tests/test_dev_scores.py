"""Regression guard on the shared dev set: the referee's scores stay above floors (skips without ../shared)."""

from __future__ import annotations

import importlib.util
import json

import pytest


def _referee(shared_dev):
    spec = importlib.util.spec_from_file_location("referee", shared_dev.parent.parent / "eval" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# Regression floors, about 0.02 below what was measured on the 51-article dev set (21 reports + 30
# articles of every topic) with the learned mention and activity taggers and the field fixes of
# issue #17: dates 0.974, event_date 0.811, people 0.882, titles 0.906, organizations 0.797,
# activities 0.704, overall 0.846. The activity tagger rebuilt with its span decision (issue #16,
# rerank still opt-in): activities 0.700, overall 0.862. End of the fourth session (issue #15's
# people and bodies, the word-cluster tagger, and the activities' learned span decision made the
# default): dates 0.974, event_date 0.829, people 0.934, titles 0.927, organizations 0.858,
# activities 0.634, overall 0.859. The span decision's near-duplicate rule, report threshold, purpose
# cut and L2 10 (branch act-cv): activities 0.640, overall 0.862. Fifth session (the learned
# event-day decision, foreign name particles, bodies' boundaries): dates 0.974, event_date 0.886,
# people 0.945, titles 0.943, organizations 0.872, activities 0.640, overall 0.876. The quote-name
# check of the activity rules (branch act3): activities 0.637, overall 0.877. Sixth session (event-day
# weights retrained with the documented command, names and bodies): dates 0.974, event_date 0.861,
# people 0.947, titles 0.943, organizations 0.881, activities 0.637, overall 0.874. Seventh session
# (bodies the tagger reads whole, the tagger's own gazetteer): organizations 0.886, overall 0.875.
# Eighth session (delegation lists and subjects in titles; the activities' non-activity traps and
# the tagger reading the sentences with "đã"; clubs, abbreviations, ad-hoc bodies and faiths):
# titles 0.949, organizations 0.888, activities 0.632, overall 0.875.
# The targets live in the issues.
FLOORS = {
    "dates": 0.95,
    "event_date": 0.84,
    "people": 0.925,
    "titles": 0.93,
    "organizations": 0.865,
    "activities": 0.615,
}
OVERALL_FLOOR = 0.855


def test_dev_scores_stay_above_their_floors(extractor, shared_dev) -> None:
    """Every main field keeps at least its floor F1 on the dev articles."""
    from vnnews.pipeline.api import ArticleInput

    ref = _referee(shared_dev)
    lines = (shared_dev / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    items = [
        ArticleInput(**{k: v for k, v in json.loads(x).items() if k in ArticleInput.__annotations__})
        for x in lines
    ]
    records = {r.id: r.model_dump(mode="json") for r in extractor.extract_many(items)}
    tally = ref.Tally()
    for path in sorted(shared_dev.glob("*.gold.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        ref.score_article(gold, records.get(gold["id"]), tally, [])
    scores = {field: tally.score(field)["f1"] for field in FLOORS}
    low = {f: s for f, s in scores.items() if s < FLOORS[f]}
    assert not low, f"below floor: {low} (all: {scores})"
    overall = sum(scores.values()) / len(scores)
    assert overall >= OVERALL_FLOOR, f"overall F1 {overall:.3f} below {OVERALL_FLOOR} (all: {scores})"


if __name__ == "__main__":  # pragma: no cover
    pytest.main([__file__])
