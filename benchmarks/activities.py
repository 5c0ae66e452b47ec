"""Activities: rules, tagger, hand gating and span decision, on dev and by cross-validation on train.

The cue rules alone, the learned tagger alone, the hand gating (the tagger only where
the rules find fewer than two items) and the learned span decision (the reranker hybrid), on
../shared/corpus/dev (all 51, the first 21 reports, the other 30) and by k-fold cross-validation on
../shared/corpus/train, with the ms/article each adds to the rules, in one run.

    python benchmarks/activities.py [--folds 5] [--work /tmp/vnnews-activities]

Scores are the referee's activity score (syllable overlap, optional gold items not counted against
the system), computed by extractors/training/activities.py (a text repeated in one article counts
once there; the referee counts it each time). The dev figures use the shipped tagger and weights;
in the cross-validation both are trained on the other folds each time (never on dev). The ms are
the tagger and decision's own cost per article, over the pipeline's (also printed).
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from _shared import SHARED, require_shared

from vnnews.extractors import activity_model as am
from vnnews.extractors import activity_rerank as rr
from vnnews.extractors.training import activities as training

NAMES = {
    "rules": "rules only",
    "tagger": "tagger only",
    "gated": "old gating (tagger where rules < 2)",
    "reranked": "reranker hybrid",
}
DEV_GROUPS = {"first 21": slice(0, 21), "other 30": slice(21, None)}


def show(title: str, scores: dict[str, dict]) -> None:
    print(title)
    print(f"  {'system':<38}{'P':>7}{'R':>7}{'F1':>7}{'ms/art':>8}")
    for key, name in NAMES.items():
        s = scores[key]
        print(f"  {name:<38}{s['p']:>7.3f}{s['r']:>7.3f}{s['f1']:>7.3f}{s['ms']:>8.1f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--work", type=Path, help="keep the fold models here (default: a temporary folder)")
    args = parser.parse_args()
    require_shared()
    corpus = SHARED / "corpus"
    dev = training.load_split(corpus, "dev", None)
    result = training.compare(dev, am.load(), rr.load(), DEV_GROUPS)
    pipe = sum(a.ms for a in dev) / len(dev)
    show(
        f"dev, all {len(dev)} articles (shipped tagger and weights; pipeline {pipe:.1f} ms/article)",
        result["all"],
    )
    for name in DEV_GROUPS:
        show(f"dev, {name}", result[name])
    with tempfile.TemporaryDirectory() as tmp:
        train = training.load_split(corpus, "train", None)
        show(
            f"train, {args.folds}-fold cross-validation ({len(train)} articles)",
            training.compare_cv(train, args.folds, args.work or Path(tmp)),
        )


if __name__ == "__main__":
    main()
