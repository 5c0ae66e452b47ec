"""Load test of `vnnews serve` on loopback: requests per second and latency at 1, 8 and 32 concurrent
clients, and a mix with bad requests (no 5xx, no good answer lost or wrong).

In this one command: the same articles are first extracted in-process by an Extractor (the baseline:
articles per second, and each article's record); then a real `vnnews serve` is started on 127.0.0.1
on a free port, and for each concurrency a bounded number of POST /extract requests (at most
--requests, at most --seconds each) is sent by that many concurrent httpx clients; every answer must
be 200 and equal to the baseline's record. Last, the mix: 32 clients, a quarter of the requests bad
(an empty body, binary bytes, invalid JSON, a lone surrogate, a body over the 16 MiB limit), each
checked for its status and error kind. The service is stopped with SIGTERM and must exit 0.

Articles: ../shared/corpus/bench (first --articles) when present, else corpus/samples.
Only 127.0.0.1 is contacted.

    python benchmarks/service_load.py [--requests 300] [--seconds 60] [--workers 1] [--articles 100]
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import json
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
from _shared import BENCH, ROOT, bench_articles

LEVELS = (1, 8, 32)
OVERSIZED = b"a" * (16 * 1024 * 1024 + 1)
BAD = [  # (name, body, content type, expected status, expected kind)
    ("empty", b"", "text/plain", 422, "empty"),
    ("binary", bytes(range(256)) * 8, "application/octet-stream", 422, "binary"),
    ("invalid JSON", b'{"text": "S\xc3\xa1ng 10/4', "application/json", 422, "bad_archive_line"),
    ("lone surrogate", b'{"text": "\\ud800 abc"}', "application/json", 422, "bad_archive_line"),
    ("not UTF-8", b"\xff\xfe\xfa\xfb" * 100, "application/json", 422, "encoding"),
    ("oversized", OVERSIZED, "text/plain", 413, "too_large"),
]


def articles(limit: int) -> list[dict]:
    if BENCH.exists():
        found = [
            {k: a[k] for k in ("id", "title", "text", "published") if a.get(k) is not None}
            for a in bench_articles(limit)
        ]
        return found
    return [
        json.loads(line)
        for line in (ROOT / "corpus" / "samples" / "archive.jsonl").read_text("utf-8").splitlines()
        if line.strip()
    ]


def baseline(objects: list[dict]) -> tuple[list[dict], float]:
    """Each article's record from an in-process Extractor, and articles per second (pipeline loaded)."""
    from vnnews.pipeline.api import Extractor
    from vnnews.pipeline.inputs import article_from_object

    extractor = Extractor()
    extractor.extract("Khởi động.")
    items = [article_from_object(o, "bench") for o in objects]
    started = time.perf_counter()
    records = [extractor.extract_item(item).model_dump(mode="json") for item in items]
    return records, len(items) / (time.perf_counter() - started)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(p / 100 * len(ordered)) - 1))]


async def load(url: str, requests: list[tuple], clients: int, seconds: float) -> dict:
    """Send requests (name, body, content type, check) with `clients` concurrent clients, at most
    `seconds`; each check(response) says whether the answer is right."""
    pending = iter(enumerate(requests))
    latencies: list[float] = []
    outcome = {"ok": 0, "wrong": 0, "5xx": 0, "transport": 0, "sent": 0, "wrong_examples": []}
    deadline = time.monotonic() + seconds
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)

    async def client(http: httpx.AsyncClient) -> None:
        for _, (name, body, content_type, check) in pending:
            if time.monotonic() > deadline:
                return
            outcome["sent"] += 1
            started = time.perf_counter()
            try:
                answer = await http.post(
                    url + "/extract", content=body, headers={"content-type": content_type}
                )
            except httpx.TransportError as exc:
                outcome["transport"] += 1
                outcome["wrong_examples"].append(f"{name}: {type(exc).__name__}")
                continue
            latencies.append(time.perf_counter() - started)
            if answer.status_code >= 500:
                outcome["5xx"] += 1
            if check(answer):
                outcome["ok"] += 1
            else:
                outcome["wrong"] += 1
                outcome["wrong_examples"].append(f"{name}: {answer.status_code} {answer.text[:120]}")

    started = time.perf_counter()
    async with httpx.AsyncClient(limits=limits, timeout=120) as http:
        await asyncio.gather(*(client(http) for _ in range(clients)))
    elapsed = time.perf_counter() - started
    outcome.update(
        seconds=elapsed,
        rps=len(latencies) / elapsed if elapsed else 0.0,
        p50=percentile(latencies, 50) * 1000 if latencies else 0.0,
        p95=percentile(latencies, 95) * 1000 if latencies else 0.0,
        p99=percentile(latencies, 99) * 1000 if latencies else 0.0,
    )
    return outcome


def good_requests(objects: list[dict], records: list[dict], count: int) -> list[tuple]:
    out = []
    for obj, record in itertools.islice(itertools.cycle(zip(objects, records, strict=True)), count):

        def check(answer: httpx.Response, record=record) -> bool:
            return answer.status_code == 200 and answer.json() == record

        out.append(("good", json.dumps(obj, ensure_ascii=False).encode(), "application/json", check))
    return out


def mixed_requests(objects: list[dict], records: list[dict], count: int) -> list[tuple]:
    good = good_requests(objects, records, count)
    out = []
    bad = itertools.cycle(BAD)
    for i, request in enumerate(good):
        if i % 4 == 3:
            name, body, content_type, status, kind = next(bad)

            def check(answer: httpx.Response, status=status, kind=kind) -> bool:
                return answer.status_code == status and answer.json().get("error") == kind

            out.append((name, body, content_type, check))
        else:
            out.append(request)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--requests", type=int, default=300, help="requests per concurrency level")
    parser.add_argument("--seconds", type=float, default=60.0, help="time limit per level")
    parser.add_argument("--workers", type=int, default=1, help="`vnnews serve --workers`")
    parser.add_argument("--articles", type=int, default=100, help="distinct articles")
    args = parser.parse_args()

    objects = articles(args.articles)
    print(
        f"{len(objects)} articles ({'shared bench' if BENCH.exists() else 'corpus/samples'}), "
        f"{sum(len(o['text']) for o in objects) / len(objects):,.0f} characters on average",
        flush=True,
    )
    records, base_rate = baseline(objects)
    print(f"baseline: in-process Extractor, {base_rate:.1f} articles/s", flush=True)

    port = free_port()
    url = f"http://127.0.0.1:{port}"
    vnnews = Path(sys.executable).parent / "vnnews"
    server = subprocess.Popen(
        [str(vnnews), "serve", "--host", "127.0.0.1", "--port", str(port), "--workers", str(args.workers)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 180
        while True:
            if server.poll() is not None or time.monotonic() > deadline:
                sys.exit(f"the service did not start: {server.stderr.read() if server.stderr else ''}")
            try:
                if httpx.get(url + "/healthz", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            time.sleep(0.3)
        # every worker answers healthz once its extraction process is up; warm each one
        asyncio.run(load(url, good_requests(objects, records, 4 * args.workers), args.workers, 60))

        rows = []
        for clients in LEVELS:
            result = asyncio.run(
                load(url, good_requests(objects, records, args.requests), clients, args.seconds)
            )
            rows.append((f"{clients} clients", result))
        mixed = asyncio.run(load(url, mixed_requests(objects, records, args.requests), 32, args.seconds))
        rows.append(("32 clients, 1/4 bad", mixed))
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            _, stderr = server.communicate(timeout=60)
        except subprocess.TimeoutExpired:
            server.kill()
            _, stderr = server.communicate()

    print(f"\nvnnews serve --workers {args.workers} on 127.0.0.1, POST /extract (article objects)\n")
    print(
        "| load | requests | right answers | wrong | 5xx | transport errors | req/s | vs in-process | p50 ms | p95 ms | p99 ms |"
    )
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for name, r in rows:
        print(
            f"| {name} | {r['sent']} | {r['ok']} | {r['wrong']} | {r['5xx']} | {r['transport']} | {r['rps']:.1f} "
            f"| {r['rps'] / base_rate:.2f}× | {r['p50']:.0f} | {r['p95']:.0f} | {r['p99']:.0f} |"
        )
    for name, r in rows:
        for example in r["wrong_examples"][:5]:
            print(f"  {name}: wrong answer: {example}")
    print(f"\nin-process baseline: {base_rate:.1f} articles/s (one Extractor, same articles, sequential)")
    print(f"service stopped by SIGTERM: exit {server.returncode}, traceback: {'Traceback' in stderr}")
    failed = any(r["wrong"] or r["5xx"] or r["transport"] for _, r in rows) or server.returncode != 0
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
