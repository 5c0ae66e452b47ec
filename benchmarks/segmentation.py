"""Word segmentation: vnnews's CRF re-implementation against underthesea's own path, same run.

Every article of the 5,000-article benchmark archive is prepared as `Extractor` prepares it
(legacy-encoding repair, normalization, title + body) and cut into the pieces the tokenizer hands
to the segmenter (`split_sentences`, then at most 5,000 characters); both segmenters then
segment every piece. Prints the seconds of each (segmentation only: pre-tokenizer, features,
Viterbi), the speed ratio, and how many pieces got different words (there should be none).

    python benchmarks/segmentation.py [--limit N] [--show K]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable

from _shared import BENCH, bench_articles

from vnnews.pipeline.encodings import repair_legacy
from vnnews.pipeline.normalize import normalize
from vnnews.pipeline.segment import compose, split_sentences
from vnnews.pipeline.tokenizer import _chunks, _underthesea_segmenter


def pieces(limit: int | None) -> list[str]:
    """The texts the tokenizer gives its segmenter, over the archive's first `limit` articles."""
    out: list[str] = []
    for article in bench_articles(limit):
        body = normalize(repair_legacy(article.get("text") or "")[0])
        title = article.get("title")
        title = normalize(repair_legacy(title)[0]) if title else None
        text, _ = compose(title, body)
        for start, end in split_sentences(text):
            out.extend(text[a:b] for a, b in _chunks(text, start, end))
    return out


def run(segment: Callable[[str], list[str]], texts: list[str]) -> tuple[float, list[list[str]]]:
    """Seconds to segment every text (after a warm-up on the first 200), and the words."""
    for text in texts[:200]:
        segment(text)
    start = time.perf_counter()
    words = [segment(text) for text in texts]
    return time.perf_counter() - start, words


def main() -> None:
    """Segment the archive both ways and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="articles of the archive (default: all)")
    parser.add_argument("--show", type=int, default=5, help="differing pieces to print (default: 5)")
    args = parser.parse_args()
    if not BENCH.exists():
        sys.exit(f"benchmark needs {BENCH}")
    from vnnews.pipeline.crf_segmenter import load_segmenter

    start = time.perf_counter()
    new = load_segmenter()
    load_new = time.perf_counter() - start
    start = time.perf_counter()
    old = _underthesea_segmenter()
    load_old = time.perf_counter() - start
    texts = pieces(args.limit)
    tokens = sum(len(new.tokenize(t)) for t in texts)  # type: ignore[attr-defined]
    old_seconds, old_words = run(old, texts)
    new_seconds, new_words = run(new, texts)
    differing = [i for i, (a, b) in enumerate(zip(old_words, new_words, strict=True)) if a != b]
    print(f"benchmark archive: {BENCH.name}, {len(texts):,} sentences, {tokens:,} tokens")
    print(f"{'segmenter':<40}{'load s':>8}{'seconds':>10}{'µs/token':>10}")
    print(
        f"{'underthesea (regex + Rust CRF)':<40}{load_old:>8.2f}{old_seconds:>10.2f}{old_seconds / tokens * 1e6:>10.2f}"
    )
    print(
        f"{'vnnews crf_segmenter':<40}{load_new:>8.2f}{new_seconds:>10.2f}{new_seconds / tokens * 1e6:>10.2f}"
    )
    print(f"speed ratio (underthesea / vnnews): {old_seconds / new_seconds:.2f}x")
    print(f"sentences with different words: {len(differing)} of {len(texts):,}")
    for i in differing[: args.show]:
        print(f"  {texts[i][:160]!r}\n    underthesea: {old_words[i]}\n    vnnews:      {new_words[i]}")


if __name__ == "__main__":
    main()
