"""The whole pipeline's ms/article against another checkout's code (issue #15 allows "the previous
commit's code" as the baseline): each pipeline in its own process, warmed once, timed in turns over
the same bench articles, best of R rounds.

    git worktree add /tmp/pre a1abdfa^        # e.g. the commit before the mention tagger ran
    (cd /tmp/pre && python -m venv .venv && .venv/bin/pip install -e .)
    python benchmarks/versions_cost.py /tmp/pre/.venv/bin/python [--limit N] [--rounds R]

Times are Extractor.extract_item per article, as in components_cost.py: wall time (what the issue
measures) and the process's CPU time (steadier on a machine shared with other work).
"""

from __future__ import annotations

import argparse
import gzip
import json
import subprocess
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "bench" / "baomoi-5k.jsonl.gz"


def worker(limit: int) -> None:
    """Load this interpreter's vnnews pipeline, then time every article on each 'go' line of stdin."""
    from vnnews.pipeline.api import ArticleInput, Extractor

    items = []
    with gzip.open(BENCH, "rt", encoding="utf-8") as f:
        for i, line in enumerate(f):
            if i >= limit:
                break
            a = json.loads(line)
            if (a.get("text") or "").strip():
                items.append(
                    ArticleInput(a.get("text") or "", a.get("id"), a.get("title"), a.get("published"))
                )
    extractor = Extractor()
    for item in items:  # warm the per-process caches as a long batch run has them
        extractor.extract_item(item)
    print(len(items), flush=True)
    for _ in sys.stdin:
        wall, cpu = time.perf_counter(), time.process_time()
        for item in items:
            extractor.extract_item(item)
        print(time.perf_counter() - wall, time.process_time() - cpu, flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("baseline", help="the other checkout's Python interpreter")
    parser.add_argument("--limit", type=int, default=300, help="bench articles (default 300)")
    parser.add_argument("--rounds", type=int, default=5, help="rounds, best kept (default 5)")
    args = parser.parse_args()
    pythons = {"this checkout": sys.executable, "baseline": args.baseline}
    procs = {
        name: subprocess.Popen(
            [python, __file__, "--worker", str(args.limit)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            cwd="/",  # each imports its own installed vnnews, never this folder's
        )
        for name, python in pythons.items()
    }
    counts = {name: int(p.stdout.readline()) for name, p in procs.items()}
    assert len(set(counts.values())) == 1, counts
    n = counts["this checkout"]
    best = {name: [float("inf"), float("inf")] for name in procs}
    for _ in range(args.rounds):
        for name, p in procs.items():
            p.stdin.write("go\n")
            p.stdin.flush()
            wall, cpu = map(float, p.stdout.readline().split())
            best[name] = [min(best[name][0], wall), min(best[name][1], cpu)]
    for p in procs.values():
        p.stdin.close()
        p.wait()
    print(f"{n} bench articles, best of {args.rounds} rounds, each pipeline in its own process, in turns")
    print(f"{'':<16}{'wall ms/article':>17}{'CPU ms/article':>16}")
    for name, (wall, cpu) in best.items():
        print(f"{name:<16}{1000 * wall / n:>17.1f}{1000 * cpu / n:>16.1f}")
    (w1, c1), (w0, c0) = best["this checkout"], best["baseline"]
    print(f"this checkout / baseline: wall {100 * (w1 / w0 - 1):+.1f}%, CPU {100 * (c1 / c0 - 1):+.1f}%")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--worker"]:
        worker(int(sys.argv[2]))
    else:
        main()
