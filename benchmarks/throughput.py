"""Throughput and memory of `vnnews batch` on the 5,000-article benchmark archive.

Runs, in this one command: vnnews with -j 1 and -j 2 over the archive (articles per second, peak RSS
of each worker), and the stock-toolkit route (underthesea `ner` on every sentence plus dateparser's
`search_dates`) on a 200-article slice; prints the ratios and a single-article cold start.

With --compare-segmenter it instead runs `vnnews batch -j 1` with the previous word segmenter
(underthesea's own tagger, VNNEWS_SEGMENTER=underthesea) and with vnnews's crf_segmenter, in turns,
over the same articles: articles per second of each, the ratio, and whether the two outputs are
byte-identical.

    python benchmarks/throughput.py [--limit N] [--compare-segmenter [--rounds R]]
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from _shared import BENCH, ROOT, bench_articles

STOCK_SLICE = 200


def peak_rss_mb(pids_of, stop: threading.Event, out: dict[int, float]) -> None:
    """Sample the RSS of worker processes until stop; keep each one's peak in MB."""
    while not stop.is_set():
        for pid in pids_of():
            try:
                with open(f"/proc/{pid}/status") as f:
                    for line in f:
                        if line.startswith("VmRSS:"):
                            out[pid] = max(out.get(pid, 0.0), int(line.split()[1]) / 1024)
            except OSError:
                pass
        stop.wait(0.2)


def children_of(pid: int) -> list[int]:
    """All descendants of a process."""
    found, todo = [], [pid]
    while todo:
        p = todo.pop()
        try:
            kids = Path(f"/proc/{p}/task/{p}/children").read_text().split()
        except OSError:
            kids = []
        found.extend(int(k) for k in kids)
        todo.extend(int(k) for k in kids)
    return found


def run_batch(
    source: str, jobs: int, workdir: str, segmenter: str | None = None
) -> tuple[float, int, dict[int, float]]:
    """Seconds, articles written and per-process peak RSS for one `vnnews batch` run.

    segmenter: None for the default, "underthesea" for underthesea's own tagger (VNNEWS_SEGMENTER);
    the output is OUT-j{jobs}[-{segmenter}].jsonl in workdir.
    """
    out = os.path.join(workdir, f"out-j{jobs}{'-' + segmenter if segmenter else ''}.jsonl")
    cmd = [
        sys.executable,
        "-m",
        "vnnews.pipeline.cli",
        "batch",
        source,
        "-o",
        out,
        "-j",
        str(jobs),
        "--no-text",
        "--force",
    ]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("VNNEWS_SEGMENTER", None)
    if segmenter:
        env["VNNEWS_SEGMENTER"] = segmenter
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    peaks: dict[int, float] = {}
    stop = threading.Event()
    sampler = threading.Thread(
        target=peak_rss_mb, args=(lambda: [proc.pid, *children_of(proc.pid)], stop, peaks)
    )
    sampler.start()
    _, err = proc.communicate()
    stop.set()
    sampler.join()
    seconds = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        sys.exit(f"batch -j {jobs} failed: {err}")
    with open(out, encoding="utf-8") as f:
        written = sum(1 for _ in f)
    return seconds, written, peaks


def stock_route(articles: list[dict]) -> float:
    """Seconds for underthesea ner on every sentence plus dateparser search_dates, per article."""
    from dateparser.search import search_dates
    from underthesea import ner, sent_tokenize

    ner("Khởi động.")
    start = time.perf_counter()
    for a in articles:
        text = a["text"]
        for sentence in sent_tokenize(text):
            ner(sentence)
        search_dates(text, languages=["vi"])
    return time.perf_counter() - start


def cold_start(workdir: str, segmenter: str | None = None) -> float:
    """Wall seconds of `vnnews extract` on one sample article from a fresh process (segmenter: as in run_batch)."""
    sample = ROOT / "corpus" / "samples" / "le-ky-ket.txt"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("VNNEWS_SEGMENTER", None)
    if segmenter:
        env["VNNEWS_SEGMENTER"] = segmenter
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "vnnews.pipeline.cli", "extract", str(sample)],
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return time.perf_counter() - start


def compare_segmenters(source: str, workdir: str, rounds: int) -> None:
    """`batch -j 1` with the previous segmenter and with crf_segmenter, alternately; rates, ratio, identity."""
    seconds: dict[str, list[float]] = {"underthesea": [], "crf": []}
    written = 0
    identical = True
    for _ in range(rounds):
        for name in ("underthesea", "crf"):
            took, written, _peaks = run_batch(
                source, 1, workdir, "underthesea" if name == "underthesea" else None
            )
            seconds[name].append(took)
        with (
            open(os.path.join(workdir, "out-j1-underthesea.jsonl"), "rb") as a,
            open(os.path.join(workdir, "out-j1.jsonl"), "rb") as b,
        ):
            identical = identical and a.read() == b.read()
    old = written / min(seconds["underthesea"])
    new = written / min(seconds["crf"])
    print(f"benchmark archive: {BENCH.name}, {written} articles written, best of {rounds} round(s)")
    print(f"{'vnnews batch -j 1':<48}{'articles/s':>12}")
    print(f"{'  previous segmenter (underthesea own tagger)':<48}{old:>12.1f}")
    print(f"{'  crf_segmenter':<48}{new:>12.1f}")
    print(f"whole pipeline, crf_segmenter / previous: {new / old:.2f}x")
    print(f"records byte-identical: {'yes' if identical else 'NO'}")
    colds = {name: [] for name in ("underthesea", None)}
    for _ in range(5):
        for name in colds:
            colds[name].append(cold_start(workdir, name))
    print(
        f"single-article `vnnews extract` from a cold start (best of 5): previous {min(colds['underthesea']):.2f} s,"
        f" crf_segmenter {min(colds[None]):.2f} s wall"
    )


def main() -> None:
    """Measure and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--limit", type=int, default=None, help="articles of the archive to use (default: all)"
    )
    parser.add_argument(
        "--compare-segmenter",
        action="store_true",
        help="only batch -j 1 with the previous segmenter vs crf_segmenter (rates, ratio, identity)",
    )
    parser.add_argument("--rounds", type=int, default=1, help="A/B rounds for --compare-segmenter")
    args = parser.parse_args()
    if not BENCH.exists():
        sys.exit(f"benchmark needs {BENCH}")
    with tempfile.TemporaryDirectory() as workdir:
        source = str(BENCH)
        if args.limit:
            import gzip
            import json

            source = os.path.join(workdir, "slice.jsonl")
            with open(source, "w", encoding="utf-8") as f:
                for a in bench_articles(args.limit):
                    f.write(json.dumps(a, ensure_ascii=False) + "\n")
            _ = gzip  # the slice is written plain
        if args.compare_segmenter:
            compare_segmenters(source, workdir, args.rounds)
            return
        rows = {}
        for jobs in (1, 2):
            seconds, written, peaks = run_batch(source, jobs, workdir)
            rows[jobs] = (written / seconds, max(peaks.values()) if peaks else 0.0, written)
        stock_articles = list(bench_articles(STOCK_SLICE))
        stock_rate = len(stock_articles) / stock_route(stock_articles)
        cold = cold_start(workdir)
    one, two = rows[1][0], rows[2][0]
    print(f"benchmark archive: {BENCH.name}, {rows[1][2]} articles written (cores: {os.cpu_count()})")
    print(f"{'route':<34}{'articles/s':>12}{'peak RSS/worker':>18}")
    print(f"{'vnnews batch -j 1':<34}{one:>12.1f}{rows[1][1]:>15.0f} MB")
    print(f"{'vnnews batch -j 2':<34}{two:>12.1f}{rows[2][1]:>15.0f} MB")
    print(f"{'underthesea ner + dateparser':<34}{stock_rate:>12.1f}{'':>18}   ({STOCK_SLICE}-article slice)")
    print(f"-j 2 / -j 1: {two / one:.2f}x   vnnews -j 1 / stock route: {one / stock_rate:.1f}x")
    print(f"single-article `vnnews extract` from a cold start: {cold:.2f} s wall")
    print(
        f"(this process's own peak RSS: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB)"
    )


if __name__ == "__main__":
    main()
