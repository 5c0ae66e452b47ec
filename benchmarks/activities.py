"""Activities: the cue rules alone, the learned tagger alone, the plain hybrid and what vnnews ships
(the tagger only where the rules find fewer than two items), on ../shared/corpus/dev and by k-fold
cross-validation on ../shared/corpus/train, with the tagger's ms/article, in one run.

    python benchmarks/activities.py [--folds 5]

Scores are the referee's activity score (syllable overlap, optional gold items not counted against
the system), computed by extractors/training/activities.py; the dev figures use the shipped model,
the cross-validation figures a model trained on the other folds each time (never on dev).
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from _shared import SHARED, require_shared

from vnnews.extractors import activity_model as am
from vnnews.extractors.training import activities as training

SYSTEMS = ("rules", f"model@{am.THRESHOLD}", f"hybrid@{am.THRESHOLD}", f"shipped@{am.THRESHOLD}")


def show(title: str, scores: dict[str, dict], ms: float) -> None:
    print(f"{title}  (tagger {ms:.1f} ms/article)")
    print(f"  {'system':<14}{'P':>7}{'R':>7}{'F1':>7}")
    for name in SYSTEMS:
        s = scores[name]
        print(f"  {name.split('@')[0]:<14}{s['p']:>7.3f}{s['r']:>7.3f}{s['f1']:>7.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folds", type=int, default=5)
    args = parser.parse_args()
    require_shared()
    corpus = SHARED / "corpus"
    with tempfile.TemporaryDirectory() as work:
        dev = training.load_split(corpus, "dev", None)
        scores, ms = training.evaluate(dev, am.load())
        show(f"dev ({len(dev)} articles, shipped model)", scores, ms)
        train = training.load_split(corpus, "train", None)
        result = training.cross_validate(train, args.folds, Path(work))
        show(
            f"train, {args.folds}-fold cross-validation ({len(train)} articles)",
            result["scores"],
            result["ms_per_article"],
        )


if __name__ == "__main__":
    main()
