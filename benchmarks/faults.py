"""Hostile inputs and operating mistakes for `vnnews batch`, each in real subprocesses under a time
limit, with the peak resident memory of every process of the run.

    python benchmarks/faults.py [--only NAME] [--keep DIR]

Prints one row per case: exit code, records and error records written, whether every article is
there exactly once (loss, duplicate), worker processes left behind, peak RSS of the largest process
(MB) and seconds. The issue's bounds: no crash of a whole run, no loss, no duplicate, no orphan,
peak RSS under 400 MB per process, no case over 30 s.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VNNEWS = [sys.executable, "-m", "vnnews.pipeline.cli"]
ENV = {**os.environ, "PYTHONPATH": str(ROOT)}
LIMIT_S = 120  # a case still running after this is killed and reported
SENTENCE = "Sáng 12/4, Hội Nông dân tỉnh tổ chức hội nghị tổng kết công tác năm 2024 tại huyện {}."


@dataclass
class Result:
    """What one case did."""

    code: int | None = None
    records: int = 0
    errors: int = 0
    expected: int | None = None  # articles that must be in output + errors, once each
    exact: bool | None = None
    orphans: int = 0
    rss_mb: float = 0.0
    seconds: float = 0.0
    note: str = ""
    pids: set[int] = field(default_factory=set)


def _descendants(pid: int) -> list[int]:
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        try:
            with open(f"/proc/{p}/task/{p}/children") as f:
                kids = [int(x) for x in f.read().split()]
        except OSError:
            kids = []
        out += kids
        todo += kids
    return out


def _hwm_mb(pid: int) -> float:
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().split()[2] != "Z"
    except OSError:
        return False


def launch(result: Result, args: list[str], cwd: Path, signal_after: tuple[float, int] | None = None, **kw):
    """Run `vnnews ARGS`, sampling the peak RSS of its processes; optionally signal it after a delay."""
    started = time.monotonic()
    proc = subprocess.Popen(
        [*VNNEWS, *args], cwd=cwd, env=ENV, stdout=kw.get("stdout", subprocess.DEVNULL), stderr=subprocess.PIPE,
        stdin=kw.get("stdin", subprocess.DEVNULL),
    )  # fmt: skip
    sent = False
    while proc.poll() is None:
        for pid in [proc.pid, *_descendants(proc.pid)]:
            result.pids.add(pid)
            result.rss_mb = max(result.rss_mb, _hwm_mb(pid))
        if signal_after and not sent and time.monotonic() - started > signal_after[0]:
            proc.send_signal(signal_after[1])
            sent = True
        if time.monotonic() - started > LIMIT_S:
            proc.kill()
            result.note += " killed at the time limit;"
        time.sleep(0.05)
    result.seconds += time.monotonic() - started
    result.code = proc.returncode
    stderr = proc.stderr.read().decode("utf-8", "replace")
    proc.stderr.close()
    time.sleep(1.5)  # a parent-death signal or watchdog has had its chance
    result.orphans = sum(_alive(p) for p in result.pids if p != proc.pid)
    return stderr


def count(result: Result, out: Path, errors: Path, ids: list[str] | None = None) -> None:
    """Fill records/errors and check exactly-once against the expected ids."""
    recs = _lines(out)
    errs = _lines(errors)
    result.records, result.errors = len(recs), len(errs)
    if ids is not None:
        got = [r.get("id") for r in recs] + [e.get("source") or e.get("id") for e in errs]
        result.exact = len(got) == len(ids) and len(set(got)) == len(got)
        result.expected = len(ids)


def _lines(path: Path) -> list[dict]:
    if not path.exists():
        return []
    opener = gzip.open if path.name.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as f:  # strict UTF-8: a bad byte fails the case
        return [json.loads(line) for line in f if line.strip()]


def archive(path: Path, n: int, extra: list[str] = (), prefix: str = "a") -> list[str]:
    """n good lines plus extra raw lines; the ids (or line sources) every article must end up under."""
    lines = [
        json.dumps({"id": f"{prefix}{i}", "text": SENTENCE.format(i)}, ensure_ascii=False) for i in range(n)
    ]
    path.write_text("\n".join(lines + list(extra)) + "\n", encoding="utf-8")
    return [f"{prefix}{i}" for i in range(n)] + [f"{path.name}:{n + k + 1}" for k in range(len(extra))]


# --- the cases -------------------------------------------------------------------------------------


def bad_lines(d: Path, r: Result) -> None:
    extra = ['{"id": "\\ud800", "text": "x"}', '{"source": "\\udc80", "text": "x"}',
             '{"text": "x", "n": ' + "9" * 5000 + "}", "[" * 1000 + "]" * 1000]  # fmt: skip
    ids = archive(d / "in.jsonl", 200, extra)
    launch(r, ["batch", "in.jsonl", "-o", "out.jsonl", "-j", "2"], d)
    count(r, d / "out.jsonl", d / "out.errors.jsonl")
    r.exact = r.records + r.errors == len(ids)
    launch(r, ["batch", "in.jsonl", "-o", "out.jsonl", "-j", "2"], d)  # the rerun does not stop there
    r.note = f"rerun exit {r.code}"


def bad_file_name(d: Path, r: Result) -> None:
    (d / "in").mkdir()
    (d / "in" / "ok.txt").write_text(SENTENCE.format(1), encoding="utf-8")
    with open(os.path.join(os.fsencode(d / "in"), b"x\xff.txt"), "wb") as f:
        f.write(SENTENCE.format(2).encode())
    launch(r, ["batch", "in", "-o", "out.jsonl", "-j", "1"], d)
    count(r, d / "out.jsonl", d / "out.errors.jsonl")
    r.exact = (r.records, r.errors) == (1, 1)


def two_runs_at_once(d: Path, r: Result) -> None:
    ids = archive(d / "in.jsonl", 3000)
    first = subprocess.Popen([*VNNEWS, "batch", "in.jsonl", "-o", "out.jsonl", "-j", "1"], cwd=d, env=ENV,
                             stderr=subprocess.DEVNULL)  # fmt: skip
    time.sleep(3)
    stderr = launch(r, ["batch", "in.jsonl", "-o", "out.jsonl", "-j", "1"], d)
    first.wait(timeout=LIMIT_S)
    count(r, d / "out.jsonl", d / "out.errors.jsonl", ids)
    r.note = stderr.strip().splitlines()[-1][:60] if stderr.strip() else ""


def gz_after_plain(d: Path, r: Result) -> None:
    ids = archive(d / "in.jsonl", 100)
    launch(r, ["batch", "in.jsonl", "-o", "out.jsonl", "-j", "1"], d)
    stderr = launch(r, ["batch", "in.jsonl", "-o", "out.jsonl.gz", "-j", "1"], d)
    count(r, d / "out.jsonl", d / "out.errors.jsonl", ids)
    gz = d / "out.jsonl.gz"
    r.note = f"gz {'absent' if not gz.exists() else gz.stat().st_size}; " + stderr.strip()[-50:]


def output_shortened(d: Path, r: Result) -> None:
    archive(d / "in.jsonl", 100)
    launch(r, ["batch", "in.jsonl", "-o", "out.jsonl", "-j", "1"], d)
    data = (d / "out.jsonl").read_bytes()
    (d / "out.jsonl").write_bytes(data[: len(data) // 2])
    launch(r, ["batch", "in.jsonl", "-o", "out.jsonl", "-j", "1"], d)
    r.note = f"NUL bytes: {(d / 'out.jsonl').read_bytes().count(0)}"
    r.exact = r.code == 1 and b"\0" not in (d / "out.jsonl").read_bytes()


def _signal_case(sig: int) -> Callable[[Path, Result], None]:
    def case(d: Path, r: Result) -> None:
        ids = archive(d / "in.jsonl", 4000)
        args = ["batch", "in.jsonl", "-o", "out.jsonl", "-j", "2", "--chunk-size", "8"]
        launch(r, args, d, signal_after=(1.5, sig))
        first = r.code
        orphans = r.orphans
        launch(r, args, d)
        r.orphans = max(orphans, r.orphans)
        count(r, d / "out.jsonl", d / "out.errors.jsonl", ids)
        r.note = f"first run exit {first}"

    return case


def retry_failed(d: Path, r: Result) -> None:
    (d / "in").mkdir()
    (d / "in" / "a.txt").write_bytes(b"")
    (d / "in" / "b.txt").write_text(SENTENCE.format(1), encoding="utf-8")
    launch(r, ["batch", "in", "-o", "out.jsonl", "-j", "1"], d)
    (d / "in" / "a.txt").write_text(SENTENCE.format(2), encoding="utf-8")
    launch(r, ["batch", "in", "-o", "out.jsonl", "-j", "1"], d)
    count(r, d / "out.jsonl", d / "out.errors.jsonl")
    r.exact = (r.code, r.records, r.errors) == (0, 2, 0)


def all_invalid_gz(d: Path, r: Result) -> None:
    with gzip.open(d / "in.jsonl.gz", "wt") as f:
        f.writelines(f'{{"id": "x", broken line {i}\n' for i in range(200_000))
    launch(r, ["batch", "in.jsonl.gz", "-o", "out.jsonl", "-j", "2"], d)
    count(r, d / "out.jsonl", d / "out.errors.jsonl")
    r.exact = r.errors == 200_000


def one_gigabyte_line(d: Path, r: Result) -> None:
    with open(d / "in.jsonl", "wb") as f:
        f.write(b'{"id": "big", "text": "')
        block = b"x" * (1 << 20)
        for _ in range(1024):
            f.write(block)
        f.write(b'"}\n')
        f.write(json.dumps({"id": "after", "text": SENTENCE.format(1)}, ensure_ascii=False).encode() + b"\n")
    launch(r, ["batch", "in.jsonl", "-o", "out.jsonl", "-j", "1"], d)
    count(r, d / "out.jsonl", d / "out.errors.jsonl")
    r.exact = (r.records, r.errors) == (1, 1)
    (d / "in.jsonl").unlink()


def special_files(d: Path, r: Result) -> None:
    (d / "in").mkdir()
    os.symlink("/dev/zero", d / "in" / "zero.txt")
    os.mkfifo(d / "in" / "fifo.txt")
    with open(d / "in" / "sparse.txt", "wb") as f:
        f.truncate(10 * 1024**3)
    for i in range(3):
        (d / "in" / f"ok{i}.txt").write_text(SENTENCE.format(i), encoding="utf-8")
    launch(r, ["batch", "in", "-o", "out.jsonl", "-j", "1"], d)
    count(r, d / "out.jsonl", d / "out.errors.jsonl")
    r.exact = (r.records, r.errors) == (3, 3)


def html_many_attributes(d: Path, r: Result) -> None:
    attrs = " ".join(f'data-a{i}="1"' for i in range(200_000))
    body = "<p>" + SENTENCE.format(1) * 20 + "</p>"
    (d / "page.html").write_text(
        f"<html><head><title>T</title></head><body><div {attrs}>x</div>{body}</body></html>"
    )
    launch(r, ["batch", "page.html", "-o", "out.jsonl", "-j", "1"], d)
    count(r, d / "out.jsonl", d / "out.errors.jsonl")
    r.exact = r.records == 1


def long_comma_list(d: Path, r: Result) -> None:
    text = "Hội nghị gồm: " + ", ".join(["x"] * 20_000) + "."
    (d / "in.jsonl").write_text(json.dumps({"id": "list", "text": text}) + "\n")
    launch(r, ["batch", "in.jsonl", "-o", "out.jsonl", "-j", "1"], d)
    count(r, d / "out.jsonl", d / "out.errors.jsonl", ["list"])


def million_characters(d: Path, r: Result) -> None:
    text = (SENTENCE.format(7) + " ") * 12_000
    (d / "in.jsonl").write_text(
        json.dumps({"id": "long", "text": text[:1_000_001]}, ensure_ascii=False) + "\n"
    )
    launch(r, ["batch", "in.jsonl", "-o", "out.jsonl", "-j", "1"], d)
    count(r, d / "out.jsonl", d / "out.errors.jsonl", ["long"])
    r.exact = r.records == 1


def own_files(d: Path, r: Result) -> None:
    (d / "in").mkdir()
    ids = archive(d / "in" / "a.jsonl", 50)
    for _ in range(2):
        launch(r, ["batch", "in", "-o", "in/out.jsonl", "-j", "1"], d)
    count(r, d / "in" / "out.jsonl", d / "in" / "out.errors.jsonl", ids)


def _usage(args: list[str], expect: int) -> Callable[[Path, Result], None]:
    def case(d: Path, r: Result) -> None:
        archive(d / "in.jsonl", 2)
        stderr = launch(r, ["batch", "in.jsonl", *args], d)
        count(r, d / "out.jsonl", d / "out.errors.jsonl")
        r.exact = r.code == expect and "internal error" not in stderr and "Traceback" not in stderr
        r.note = stderr.strip().splitlines()[-1][:70] if stderr.strip() else ""

    return case


CASES: dict[str, Callable[[Path, Result], None]] = {
    "bad archive lines (surrogates, 5000 digits, deep)": bad_lines,
    "undecodable file name": bad_file_name,
    "two runs on one output": two_runs_at_once,
    "-o out.jsonl then out.jsonl.gz": gz_after_plain,
    "output shortened, rerun": output_shortened,
    "SIGTERM, rerun": _signal_case(signal.SIGTERM),
    "kill -9, rerun": _signal_case(signal.SIGKILL),
    "failed article fixed, rerun": retry_failed,
    "200,000 invalid lines (.gz)": all_invalid_gz,
    "1 GB single line": one_gigabyte_line,
    "/dev/zero link, FIFO, 10 GB sparse": special_files,
    "HTML tag of 200,000 attributes": html_many_attributes,
    "20,000-item comma list": long_comma_list,
    "1,000,001-character article": million_characters,
    "output inside the input folder": own_files,
    "output folder missing": _usage(["-o", "nope/out.jsonl"], 1),
    "-o /dev/full": _usage(["-o", "/dev/full", "--manifest", "m.sqlite", "--errors", "e.jsonl"], 1),
    "--scheduler without --engine dask": _usage(["-o", "out.jsonl", "--scheduler", "tcp://127.0.0.1:9"], 2),
    "unreachable scheduler": _usage(
        ["-o", "out.jsonl", "--engine", "dask", "--scheduler", "tcp://127.0.0.1:9"], 1
    ),
    "--published 9999-12-31": _usage(["-o", "out.jsonl", "--published", "9999-12-31"], 0),
    "--published with non-ASCII digits": _usage(["-o", "out.jsonl", "--published", "２０１７"], 2),
    "--encoding rot13": _usage(["-o", "out.jsonl", "--encoding", "rot13"], 2),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", help="run the cases whose name contains this")
    parser.add_argument("--keep", help="work in this folder and keep it")
    args = parser.parse_args()
    base = Path(args.keep or tempfile.mkdtemp(prefix="vnnews-faults-"))
    rows = []
    print(
        f"{'case':<46} {'exit':>4} {'records':>7} {'errors':>7} {'once':>5} {'orphans':>7} {'RSS MB':>7} {'s':>6}  note"
    )
    for name, case in CASES.items():
        if args.only and args.only not in name:
            continue
        folder = base / name.replace("/", "_").replace(" ", "_")
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        r = Result()
        try:
            case(folder, r)
        except Exception as exc:  # the harness itself, not vnnews: say so
            r.note = f"harness: {type(exc).__name__}: {exc}"
        once = "-" if r.exact is None else ("yes" if r.exact else "NO")
        print(
            f"{name:<46} {r.code!s:>4} {r.records:>7} {r.errors:>7} {once:>5} {r.orphans:>7} {r.rss_mb:>7.0f} {r.seconds:>6.1f}  {r.note}"
        )
        rows.append(r)
    bad = [r for r in rows if r.exact is False or r.orphans or r.rss_mb > 400 or r.seconds > 30]
    print(f"\n{len(rows)} cases; {len(bad)} outside the bounds (loss, duplicate, orphan, > 400 MB or > 30 s)")
    if not args.keep:
        shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    main()
