"""Train and evaluate the learned event-day decision (extractors/event_model.py) on train/.

The one training command (under a minute on one core; deterministic, the same file every run):

    python -m vnnews.extractors.training.event_date --out extractors/models/event_date/ --corpus ../shared/corpus

Cross-validation on train/ (5 folds by article, fixed seed; the rules against the learned decision,
over the grid of settings that --out then uses at its best):

    python -m vnnews.extractors.training.event_date --cv 5 --corpus ../shared/corpus

Only train/ is used for training and for every setting. ``--evaluate dev`` scores the committed
weights once on another split, for the report only.

The score is the referee's event_date score (eval/score.py): per article, a system date equal to the
gold (or to one of a gold list) is a true positive; any other system date is a false positive; a
gold date not given is a false negative (a wrong date costs both).
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from vnnews.extractors import event_model as em

SEED = 17
SEEDS = (17, 18, 19)  # repeated CV: the folds drawn three times, settings chosen on the pooled counts
L2_GRID = (0.1, 0.3, 1.0, 3.0, 10.0)
OFFSET_GRID = (-1.0, -0.5, 0.0, 0.5, 1.0)
ITERATIONS = 1000


@dataclass
class Article:
    """An annotated article as the decision sees it: its options and what the rules picked."""

    id: str
    cands: list[em.Candidate]
    rules: str | None  # the cascade's day
    gold: list[str | None]  # the accepted answers (one, or a list's readings)
    ms: float = 0.0  # the decision's own cost on this article (candidates, features, rules), ms


def prepare(corpus: Path, split: str) -> list[Article]:
    """Run the vnnews pipeline (rules deciding) over corpus/split/articles.jsonl and pair each
    article's options with its gold event_date. Raises FileNotFoundError if the split is absent."""
    from vnnews.extractors import dates, metadata
    from vnnews.extractors.training.data import gold_articles
    from vnnews.pipeline.api import Extractor
    from vnnews.pipeline.nlp import build

    nlp = build()
    nlp.remove_pipe("vnnews_dates")
    nlp.add_pipe("vnnews_dates", first=True, config={"event_model": False})
    ex = Extractor(nlp)
    folder = corpus / split
    out = []
    for item, gold_record in gold_articles(folder):
        doc = ex._doc(item)
        for _, proc in ex.nlp.pipeline:
            doc = proc(doc)
        t0 = time.perf_counter()
        solar, lunar = metadata.event_candidates(doc, dates.to_records(doc))
        cands = em.candidates(doc, solar, lunar)
        ms = (time.perf_counter() - t0) * 1000
        rule = metadata.rule_day(doc, solar, lunar)
        g = gold_record.get("event_date")
        gold = list(g) if isinstance(g, list) else [g]
        out.append(Article(item.id, cands, rule.value[:10] if rule is not None else None, gold, ms))
    return out


# --- the model ----------------------------------------------------------------------------------


def targets(art: Article) -> list[int]:
    """The options that count as right: the items of a gold day, else "no event" (when the gold is
    null, or no candidate has the gold day: then no date is the answer that costs least)."""
    right = [i for i, c in enumerate(art.cands) if c.item is not None and c.day in art.gold]
    return right or [len(art.cands) - 1]


def train(arts: Sequence[Article], l2: float) -> dict[str, float]:
    """A conditional logit (softmax over each article's options, the log of the summed probability
    of its right options maximized) with an L2 penalty of l2 per article, by full-batch gradient
    descent with Adam from zeros: deterministic. Returns feature name -> weight."""
    import numpy as np

    index: dict[str, int] = {}
    rows: list[dict[str, float]] = [c.feats for a in arts for c in a.cands]
    for f in rows:
        for k in f:
            index.setdefault(k, len(index))
    x = np.zeros((len(rows), len(index)))
    for i, f in enumerate(rows):
        for k, v in f.items():
            x[i, index[k]] = v
    sizes = [len(a.cands) for a in arts]
    starts = np.cumsum([0, *sizes[:-1]])
    group = np.repeat(np.arange(len(arts)), sizes)
    right = np.zeros(len(rows))
    for a, s in zip(arts, starts, strict=True):
        right[[s + i for i in targets(a)]] = 1.0
    n = len(arts)
    theta = np.zeros(len(index))
    m1, m2 = np.zeros_like(theta), np.zeros_like(theta)
    lr, b1, b2 = 0.05, 0.9, 0.999
    for t in range(1, ITERATIONS + 1):
        z = x @ theta
        z = z - np.maximum.reduceat(z, starts)[group]
        e = np.exp(z)
        p = e / np.add.reduceat(e, starts)[group]
        pr = p * right
        q = pr / np.add.reduceat(pr, starts)[group]
        grad = x.T @ (p - q) / n + (l2 / n) * theta
        m1 = b1 * m1 + (1 - b1) * grad
        m2 = b2 * m2 + (1 - b2) * grad * grad
        theta -= lr * (m1 / (1 - b1**t)) / (np.sqrt(m2 / (1 - b2**t)) + 1e-8)
    return {k: round(float(theta[j]), 5) for k, j in index.items() if abs(theta[j]) >= 1e-4}


# --- scoring ------------------------------------------------------------------------------------


def score(pairs: Sequence[tuple[str | None, list[str | None]]]) -> dict[str, float]:
    """P, R, F1 and counts of (system day, accepted gold answers) pairs, as the referee counts."""
    tp = fp = fn = 0
    for s, gold in pairs:
        ok = s in gold
        has_gold = any(g for g in gold)
        tp += ok and has_gold
        fp += (not ok) and bool(s)
        fn += (not ok) and has_gold
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"p": p, "r": r, "f1": 2 * p * r / (p + r) if p + r else 0.0, "tp": tp, "fp": fp, "fn": fn}


def predict(model: em.EventModel, art: Article) -> str | None:
    chosen = model.decide(art.cands)
    return chosen.day if chosen is not None else None


def folds(arts: Sequence[Article], k: int, seed: int = SEED) -> list[tuple[list[Article], list[Article]]]:
    """k (train, held-out) splits by article, shuffled with seed."""
    order = list(range(len(arts)))
    random.Random(seed).shuffle(order)
    parts = [set(order[i::k]) for i in range(k)]
    return [
        ([a for i, a in enumerate(arts) if i not in p], [a for i, a in enumerate(arts) if i in p])
        for p in parts
    ]


def cross_validate(arts: Sequence[Article], k: int, seeds: Sequence[int] = (SEED,)) -> dict[str, dict]:
    """Out-of-fold scores of the rules and of the learned decision at every (l2, offset), the
    counts pooled over the seeds' fold draws."""
    sys_by: dict[str, list] = {"rules": []}
    for seed in seeds:
        for tr, te in folds(arts, k, seed):
            sys_by["rules"] += [(a.rules, a.gold) for a in te]
            for l2 in L2_GRID:
                w = train(tr, l2)
                for off in OFFSET_GRID:
                    m = em.EventModel(w, off)
                    pairs = [(predict(m, a), a.gold) for a in te]
                    sys_by.setdefault(f"learned l2={l2} offset={off}", []).extend(pairs)
    return {name: score(pairs) for name, pairs in sys_by.items()}


def nested_cv(arts: Sequence[Article], k: int, seed: int = SEED) -> dict[str, dict]:
    """The learned decision's honest out-of-fold score: in each outer fold its setting is chosen by
    an inner k-fold CV on the outer training part alone, then trained there and scored on the
    held-out part. Also the rules on the same folds, and the settings each fold chose."""
    rules, learned, chosen = [], [], []
    for tr, te in folds(arts, k, seed):
        l2, off = best_setting(cross_validate(tr, k, (seed,)))
        chosen.append(f"{l2}/{off}")
        m = em.EventModel(train(tr, l2), off)
        rules += [(a.rules, a.gold) for a in te]
        learned += [(predict(m, a), a.gold) for a in te]
    return {"rules": score(rules), "learned (nested)": score(learned), "chosen": {"l2/offset": chosen}}


def best_setting(table: dict[str, dict]) -> tuple[float, float]:
    """The (l2, offset) of the best CV F1 (ties: the larger l2, then the offset nearest 0)."""
    learned = [(name, r) for name, r in table.items() if name.startswith("learned")]

    def parse(name: str) -> tuple[float, float]:
        l2, off = name.split()[1:]
        return float(l2.split("=")[1]), float(off.split("=")[1])

    name, _ = max(learned, key=lambda x: (round(x[1]["f1"], 6), parse(x[0])[0], -abs(parse(x[0])[1])))
    return parse(name)


def _row(name: str, r: dict) -> str:
    return f"| {name} | {r['p']:.3f} | {r['r']:.3f} | **{r['f1']:.3f}** | {r['tp']} / {r['fp']} / {r['fn']} |"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=Path("../shared/corpus"))
    ap.add_argument("--cv", type=int, default=0, help="k-fold cross-validation on train/ (rules vs learned)")
    ap.add_argument(
        "--nested", action="store_true", help="with --cv: also the nested CV (settings chosen inside)"
    )
    ap.add_argument(
        "--out", type=Path, help="train on all of train/ with the CV-chosen setting, write the JSON here"
    )
    ap.add_argument("--l2", type=float, help="the L2 penalty (default: chosen by --cv 5)")
    ap.add_argument("--offset", type=float, help="the no-event offset (default: chosen by --cv 5)")
    ap.add_argument("--evaluate", help="score the committed weights (or --out's) on this split, once")
    args = ap.parse_args(argv)
    if not (args.cv or args.out or args.evaluate):
        ap.error("nothing to do: give --cv, --out or --evaluate")

    arts = prepare(args.corpus, "train") if (args.cv or args.out) else []
    if args.cv:
        for seeds in ((SEED,), SEEDS):
            table = cross_validate(arts, args.cv, seeds)
            print(f"\nCV {args.cv} folds, seeds {seeds} (counts pooled)")
            print("| system | P | R | F1 | tp / fp / fn |\n| --- | --- | --- | --- | --- |")
            for name, r in table.items():
                print(_row(name, r))
            l2, off = best_setting(table)
            print(f"best: l2={l2} offset={off}")
        if args.nested:
            for seed in SEEDS:
                nested = nested_cv(arts, args.cv, seed)
                print(f"\nnested CV, seed {seed}: settings chosen {nested['chosen']['l2/offset']}")
                print(_row("rules", nested["rules"]))
                print(_row("learned (nested)", nested["learned (nested)"]))
    model = None
    if args.out:
        if args.l2 is not None and args.offset is not None:
            l2, off = args.l2, args.offset
        else:
            l2, off = best_setting(cross_validate(arts, 5, SEEDS))
        model = em.EventModel(train(arts, l2), off)
        args.out.mkdir(parents=True, exist_ok=True)
        (args.out / em.WEIGHTS_FILE).write_text(model.to_json() + "\n", encoding="utf-8")
        print(f"wrote {args.out / em.WEIGHTS_FILE}: l2={l2} offset={off}, {len(model.weights)} weights")
    if args.evaluate:
        model = model or em.load()
        other = prepare(args.corpus, args.evaluate)
        t0 = time.perf_counter()
        for a in other:
            predict(model, a)
        decide_ms = (time.perf_counter() - t0) * 1000 / max(1, len(other))
        feats_ms = sum(a.ms for a in other) / max(1, len(other))
        print("| system | P | R | F1 | tp / fp / fn |\n| --- | --- | --- | --- | --- |")
        print(_row("rules", score([(a.rules, a.gold) for a in other])))
        print(_row("learned", score([(predict(model, a), a.gold) for a in other])))
        print(
            f"cost: {feats_ms + decide_ms:.3f} ms/article (features {feats_ms:.3f}, decision {decide_ms:.3f})"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
