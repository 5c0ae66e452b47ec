"""Batch extraction over archives: parallel, streamed in chunks, resumable and exactly-once.

Records go to the output in input order, one chunk at a time: the chunk's lines are written and
synced, then the SQLite manifest records, in one transaction, which articles the chunk held and how
long the output and errors files now are. A run that is killed and started again truncates both
files back to those lengths, skips the articles the manifest holds, and goes on: every article ends
up in the output exactly once, whatever moment the first run died at.
"""

from __future__ import annotations

import contextlib
import gzip
import hashlib
import io
import json
import os
import sqlite3
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from pipeline.api import ArticleInput, Failure
from pipeline.errors import VnnewsError
from pipeline.inputs import iter_sources

DEFAULT_CHUNK = 32
MAX_RETRIES = 2  # times a chunk is retried after its worker died, before its articles go one by one


class BatchError(VnnewsError):
    """The batch cannot run or go on (unusable output, manifest that does not match it, full disk)."""

    kind = "batch"


@dataclass(frozen=True)
class BatchOptions:
    """What `vnnews batch` was asked to do."""

    inputs: tuple[str, ...]
    output: str
    glob: str = "*.txt,*.html,*.htm,*.jsonl,*.jsonl.gz"
    jobs: int = 1
    engine: str = "local"
    scheduler: str | None = None
    errors: str | None = None
    manifest: str | None = None
    published: str | None = None
    chunk_size: int = DEFAULT_CHUNK
    include_text: bool = True
    force: bool = False
    stdin_archive: bool = False
    encoding: str | None = None

    @property
    def errors_path(self) -> str | None:
        """Where error records go: beside the output unless given."""
        if self.errors:
            return self.errors
        return None if self.output == "-" else _strip_suffixes(self.output) + ".errors.jsonl"

    @property
    def manifest_path(self) -> str | None:
        """The SQLite manifest: beside the output unless given; none when streaming to stdout."""
        if self.manifest:
            return self.manifest
        return None if self.output == "-" else _strip_suffixes(self.output) + ".manifest.sqlite"


@dataclass
class BatchSummary:
    """What a run did."""

    ok: int = 0
    failed: int = 0
    skipped: int = 0
    duplicate_ids: list[str] = field(default_factory=list)
    retried_chunks: int = 0
    seconds: float = 0.0

    @property
    def total(self) -> int:
        """Articles seen, done now or before."""
        return self.ok + self.failed + self.skipped


def _strip_suffixes(path: str) -> str:
    for suffix in (".gz", ".jsonl", ".json"):
        path = path.removesuffix(suffix)
    return path


# --- the work: one chunk of articles in a worker ---------------------------------------------------


def process_chunk(items: list[ArticleInput], include_text: bool = True) -> list[tuple[str, str]]:
    """Extract a chunk in this process: ("ok", record line) or ("error", error line) per article, in
    order. Lines are serialized here, in the worker, so the parent only writes them."""
    from pipeline.api import default_extractor

    out: list[tuple[str, str]] = []
    exclude = None if include_text else {"text"}
    for result in default_extractor(articles=len(items)).extract_many(items):
        if isinstance(result, Failure):
            out.append(("error", json.dumps(result.to_dict(), ensure_ascii=False)))
        else:
            out.append(("ok", result.model_dump_json(exclude=exclude)))
    return out


def _warm_up() -> None:
    from pipeline.api import default_extractor

    default_extractor().extract("Khởi động.")


# --- keys and the manifest -------------------------------------------------------------------------


def article_key(item: ArticleInput) -> str:
    """Identity of an article for resuming: its id and a hash of its content."""
    digest = hashlib.sha256()
    for part in (item.title or "", item.text, item.published or ""):
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\x00")
    return f"{item.id}\x1f{digest.hexdigest()[:24]}"


class Manifest:
    """The SQLite record of finished articles and of how far the output files are complete."""

    def __init__(self, path: str | None) -> None:
        self.path = path
        self.db = sqlite3.connect(path if path else ":memory:", isolation_level=None)
        self.db.execute("PRAGMA journal_mode=WAL" if path else "PRAGMA journal_mode=MEMORY")
        self.db.execute("PRAGMA synchronous=FULL")
        self.db.execute(
            "CREATE TABLE IF NOT EXISTS done (key TEXT PRIMARY KEY, id TEXT, source TEXT, status TEXT)"
        )
        self.db.execute("CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT)")

    def get(self, name: str) -> str | None:
        """A meta value."""
        row = self.db.execute("SELECT value FROM meta WHERE name = ?", (name,)).fetchone()
        return row[0] if row else None

    def has(self, key: str) -> bool:
        """Whether the article is already done."""
        return self.db.execute("SELECT 1 FROM done WHERE key = ?", (key,)).fetchone() is not None

    def count(self) -> int:
        """Articles done so far."""
        return self.db.execute("SELECT COUNT(*) FROM done").fetchone()[0]

    def commit_chunk(
        self, rows: list[tuple[str, str | None, str | None, str]], sizes: dict[str, int]
    ) -> None:
        """Record a written chunk and the new lengths of the output files, atomically."""
        with self._transaction():
            self.db.executemany("INSERT OR IGNORE INTO done VALUES (?, ?, ?, ?)", rows)
            self.db.executemany(
                "INSERT OR REPLACE INTO meta VALUES (?, ?)", [(k, str(v)) for k, v in sizes.items()]
            )

    def set_meta(self, values: dict[str, str]) -> None:
        """Set meta values."""
        with self._transaction():
            self.db.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)", list(values.items()))

    @contextlib.contextmanager
    def _transaction(self):
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    def close(self) -> None:
        """Close the database."""
        self.db.close()


# --- output files ----------------------------------------------------------------------------------


class Sink:
    """An append-only JSON Lines file (gzip members when its name ends in .gz), or stdout."""

    def __init__(self, path: str | None) -> None:
        self.path = path
        self.gz = bool(path and path.endswith(".gz"))

    def size(self) -> int:
        """Bytes now in the file."""
        return os.path.getsize(self.path) if self.path and os.path.exists(self.path) else 0

    def truncate(self, size: int) -> None:
        """Cut the file back to a committed length: what a killed run wrote after it is dropped."""
        if not self.path:
            return
        if size == 0 and not os.path.exists(self.path):
            return
        with open(self.path, "r+b" if os.path.exists(self.path) else "wb") as f:
            f.truncate(size)
            f.flush()
            os.fsync(f.fileno())

    def write(self, lines: list[str]) -> None:
        """Append lines and make them durable before the manifest says so."""
        if not lines:
            return
        data = "".join(line + "\n" for line in lines).encode("utf-8")
        if self.path is None:
            sys.stdout.buffer.write(data)
            sys.stdout.buffer.flush()
            return
        if self.gz:
            buf = io.BytesIO()
            with gzip.GzipFile(fileobj=buf, mode="wb", mtime=0) as g:
                g.write(data)
            data = buf.getvalue()
        with open(self.path, "ab") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())


# --- engines ---------------------------------------------------------------------------------------


class LocalEngine:
    """Chunks in this process (one job) or in a pool of worker processes, at most 2 per worker in flight."""

    def __init__(self, jobs: int) -> None:
        self.jobs = max(1, jobs)
        self.pool = None

    def start(self) -> None:
        """Start the workers (each loads the pipeline once)."""
        if self.jobs > 1:
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor

            self.pool = ProcessPoolExecutor(
                max_workers=self.jobs, mp_context=multiprocessing.get_context("fork"), initializer=_warm_up
            )

    def submit(self, chunk: list[ArticleInput], include_text: bool):
        """A future for the chunk's results."""
        if self.pool is None:
            return _Done(process_chunk(chunk, include_text))
        return self.pool.submit(process_chunk, chunk, include_text)

    @property
    def window(self) -> int:
        """Chunks in flight at once."""
        return 2 * self.jobs

    def restart(self) -> None:
        """Replace a pool whose worker died."""
        self.close()
        self.start()

    def close(self) -> None:
        """Stop the workers."""
        if self.pool is not None:
            self.pool.shutdown(wait=False, cancel_futures=True)
            self.pool = None


class DaskEngine:
    """The same per-chunk function on a Dask distributed cluster (a LocalCluster when no address)."""

    def __init__(self, jobs: int, scheduler: str | None) -> None:
        self.jobs = max(1, jobs)
        self.scheduler = scheduler
        self.client = None
        self.cluster = None

    def start(self) -> None:
        """Connect to the scheduler, or start a local cluster of worker processes."""
        try:
            from distributed import Client, LocalCluster
        except ImportError as exc:  # pragma: no cover - depends on the install
            raise BatchError("the dask engine needs `pip install 'vnnews[dask]'`") from exc
        if self.scheduler:
            self.client = Client(self.scheduler)
        else:
            self.cluster = LocalCluster(
                n_workers=self.jobs, threads_per_worker=1, processes=True, dashboard_address=None
            )
            self.client = Client(self.cluster)

    def submit(self, chunk: list[ArticleInput], include_text: bool):
        """A future for the chunk's results."""
        return self.client.submit(process_chunk, chunk, include_text, pure=False)

    @property
    def window(self) -> int:
        """Chunks in flight at once: enough to keep every worker busy."""
        workers = len(self.client.scheduler_info().get("workers", {})) or self.jobs
        return 2 * workers

    def restart(self) -> None:
        """Dask reschedules work of lost workers itself."""

    def close(self) -> None:
        """Disconnect, and stop the local cluster."""
        if self.client is not None:
            self.client.close()
        if self.cluster is not None:
            self.cluster.close()


class _Done:
    """A finished result with a future's interface."""

    def __init__(self, value) -> None:
        self.value = value

    def result(self):
        return self.value


# --- the run ---------------------------------------------------------------------------------------


Progress = Callable[[int], None]


def run(options: BatchOptions, progress: Progress | None = None) -> BatchSummary:
    """Extract every article of the inputs into the output; resumable; returns the counts."""
    started = time.perf_counter()
    out = Sink(None if options.output == "-" else options.output)
    err = Sink(options.errors_path)
    if out.path and os.path.isdir(out.path):
        raise BatchError(f"{out.path}: the output is a folder")
    manifest = _open_manifest(options, out, err)
    engine = (
        DaskEngine(options.jobs, options.scheduler) if options.engine == "dask" else LocalEngine(options.jobs)
    )
    summary = BatchSummary()
    try:
        engine.start()
        _drive(options, engine, manifest, out, err, summary, progress or (lambda n: None))
    finally:
        engine.close()
        manifest.close()
    summary.seconds = time.perf_counter() - started
    return summary


def _open_manifest(options: BatchOptions, out: Sink, err: Sink) -> Manifest:
    path = options.manifest_path
    existed = bool(path and os.path.exists(path))
    if options.force:
        for p in (out.path, err.path, path):
            if p and os.path.exists(p):
                os.remove(p)
        existed = False
    if not existed and out.path and out.size() > 0:
        raise BatchError(
            f"{out.path} exists and no manifest records what it holds: choose another output, or --force to overwrite"
        )
    manifest = Manifest(path)
    if existed:
        # a run that died after writing but before committing left a tail: drop it
        out.truncate(int(manifest.get("output_size") or 0))
        err.truncate(int(manifest.get("errors_size") or 0))
    else:
        out.truncate(0)
        err.truncate(0)
        manifest.set_meta({"output": str(out.path), "created": time.strftime("%Y-%m-%dT%H:%M:%S")})
    return manifest


def _drive(
    options: BatchOptions,
    engine,
    manifest: Manifest,
    out: Sink,
    err: Sink,
    summary: BatchSummary,
    progress: Progress,
) -> None:
    seen_keys: set[str] = set()
    ids: dict[str, str] = {}
    pending: deque[tuple[list[ArticleInput], list[str], object]] = deque()

    def chunks() -> Iterator[tuple[list[ArticleInput], list[str], list[Failure]]]:
        chunk: list[ArticleInput] = []
        keys: list[str] = []
        read_failures: list[Failure] = []
        for entry in iter_sources(
            options.inputs, options.glob, options.published, options.stdin_archive, encoding=options.encoding
        ):
            if isinstance(entry, Failure):
                key = f"{entry.source}\x1f{entry.kind}"
                if key in seen_keys or manifest.has(key):
                    summary.skipped += 1
                    continue
                seen_keys.add(key)
                read_failures.append(entry)
                continue
            key = article_key(entry)
            if key in seen_keys or manifest.has(key):
                summary.skipped += 1  # done by an earlier run, or the same article twice in the inputs
                progress(1)
                continue
            seen_keys.add(key)
            if entry.id is not None:
                if entry.id in ids and ids[entry.id] != key:
                    summary.duplicate_ids.append(entry.id)
                ids[entry.id] = key
            chunk.append(entry)
            keys.append(key)
            if len(chunk) >= options.chunk_size:
                yield chunk, keys, read_failures
                chunk, keys, read_failures = [], [], []
        if chunk or read_failures:
            yield chunk, keys, read_failures

    def flush_head() -> None:
        chunk, keys, future = pending.popleft()
        failures = future_failures.pop(id(future), [])
        try:
            results = future.result()
        except Exception:  # a worker died (killed, out of memory) or the cluster lost it
            summary.retried_chunks += 1
            engine.restart()
            results = _recover(engine, chunk, options.include_text)
        _commit(chunk, keys, results, failures, manifest, out, err, summary)
        progress(len(chunk) + len(failures))

    future_failures: dict[int, list[Failure]] = {}
    for chunk, keys, read_failures in chunks():
        future = engine.submit(chunk, options.include_text) if chunk else _Done([])
        future_failures[id(future)] = read_failures
        pending.append((chunk, keys, future))
        while len(pending) >= engine.window:
            flush_head()
    while pending:
        flush_head()


def _recover(engine, chunk: list[ArticleInput], include_text: bool) -> list[tuple[str, str]]:
    """Results of a chunk whose worker died: the chunk again, then its articles one by one."""
    for _ in range(MAX_RETRIES):
        try:
            return engine.submit(chunk, include_text).result()
        except Exception:
            engine.restart()
    results: list[tuple[str, str]] = []
    for item in chunk:
        try:
            results.extend(engine.submit([item], include_text).result())
        except Exception as err:
            engine.restart()
            message = f"the worker died on this article ({type(err).__name__}: {err})"
            failure = Failure(item.id, item.source, "worker_crash", message)
            results.append(("error", json.dumps(failure.to_dict(), ensure_ascii=False)))
    return results


def _commit(
    chunk: list[ArticleInput],
    keys: list[str],
    results: list[tuple[str, str]],
    failures: list[Failure],
    manifest: Manifest,
    out: Sink,
    err: Sink,
    summary: BatchSummary,
) -> None:
    lines, err_lines, rows = [], [], []
    for item, key, (status, line) in zip(chunk, keys, results, strict=True):
        if status == "ok":
            lines.append(line)
            summary.ok += 1
        else:
            err_lines.append(line)
            summary.failed += 1
        rows.append((key, item.id, item.source, status))
    for f in failures:
        err_lines.append(json.dumps(f.to_dict(), ensure_ascii=False))
        rows.append((f"{f.source}\x1f{f.kind}", f.id, f.source, "error"))
        summary.failed += 1
    try:
        out.write(lines)
        if err.path is not None:
            err.write(err_lines)
        else:
            for line in err_lines:
                print(line, file=sys.stderr)
    except OSError as exc:
        raise BatchError(
            f"cannot write the output ({exc.strerror or exc}); {manifest.count()} articles are safely written: "
            "free some space and run the same command again to go on"
        ) from None
    manifest.commit_chunk(rows, {"output_size": out.size(), "errors_size": err.size()})


def records(path: str) -> Iterable[dict]:
    """The records of an output file (JSON Lines, gzipped or not)."""
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as f:
        for line in f:
            if line.strip():
                yield json.loads(line)


__all__ = ["BatchError", "BatchOptions", "BatchSummary", "process_chunk", "records", "run"]
