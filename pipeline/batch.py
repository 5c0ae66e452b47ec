"""Batch extraction over archives: parallel, streamed in chunks, resumable and exactly-once.

Records go to the output in input order, one chunk at a time: the chunk's lines are written and
synced, then the SQLite manifest records, in one transaction, which articles the chunk held and how
long the output and errors files now are, with a hash of each file's last bytes. A run that is
killed and started again checks that both files still hold what the manifest says (refusing to
touch them otherwise), cuts them back to those lengths, skips the articles the manifest holds,
retries the ones that failed, and goes on: every article ends up once in the output or once in the
errors file, whatever moment the first run died at. The output and errors files are locked for the
run, so a second run writing the same files stops at once.
"""

from __future__ import annotations

import contextlib
import fcntl
import gzip
import hashlib
import io
import json
import os
import signal
import sqlite3
import sys
import tempfile
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from vnnews.pipeline.api import ArticleInput, Failure
from vnnews.pipeline.children import die_with_parent
from vnnews.pipeline.encodings import printable
from vnnews.pipeline.errors import VnnewsError
from vnnews.pipeline.inputs import iter_sources
from vnnews.pipeline.options import DEFAULT_TIMEOUT, BatchOptions

MAX_RETRIES = 2  # times a chunk is retried after its worker died, before its articles go one by one
TAIL_BYTES = 4096  # the manifest keeps a hash of each file's last bytes, to notice a changed file
MAX_LISTED_DUPLICATES = 100  # ids named in the summary; the rest are only counted
MAX_FAILURES_PER_CHUNK = 1024  # read failures (bad lines, unreadable files) committed at once


class BatchError(VnnewsError):
    """The batch cannot run or go on (unusable output, manifest that does not match it, full disk)."""

    kind = "batch"


@dataclass
class BatchSummary:
    """What a run did."""

    ok: int = 0
    failed: int = 0
    skipped: int = 0
    duplicate_ids: list[str] = field(default_factory=list)
    duplicates: int = 0  # ids that name different articles (only the first ones are listed)
    retried_chunks: int = 0
    retried_failures: int = 0  # failures of earlier runs tried again
    still_failed: int = 0  # failures of earlier runs kept (not retried)
    seconds: float = 0.0

    @property
    def total(self) -> int:
        """Articles seen, done now or before."""
        return self.ok + self.failed + self.skipped


# --- the work: one chunk of articles in a worker ---------------------------------------------------


def process_chunk(
    items: list[ArticleInput], include_text: bool = True, timeout: float | None = DEFAULT_TIMEOUT
) -> list[tuple[str, str]]:
    """Extract a chunk in this process: ("ok", record line) or ("error", error line) per article, in
    order. Lines are serialized here, in the worker, so the parent only writes them."""
    from vnnews.pipeline.api import default_extractor

    out: list[tuple[str, str]] = []
    exclude = None if include_text else {"text"}
    extractor = default_extractor(articles=len(items))
    extractor.timeout = timeout
    for result in extractor.extract_many(items):
        if isinstance(result, Failure):
            out.append(("error", error_line(result)))
        else:
            out.append(("ok", result.model_dump_json(exclude=exclude)))
    return out


def error_line(failure: Failure) -> str:
    """The JSON line of an error record, valid UTF-8 whatever the failure holds."""
    return json.dumps(
        {k: printable(v) if isinstance(v, str) else v for k, v in failure.to_dict().items()},
        ensure_ascii=False,
    )


def _worker_init(parent: int) -> None:
    """In each worker: die with the parent (a parent-death signal on Linux, a watchdog elsewhere),
    then load the pipeline once."""
    die_with_parent(parent)
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    from vnnews.pipeline.api import default_extractor

    default_extractor().extract("Khởi động.")


def _load_pipeline() -> None:
    """Build the process-wide pipeline; BatchError when its vocabulary cannot be loaded (a data file
    under extractors/data that fails validation stops the run once, not each article)."""
    from vnnews.extractors.lexicon import LexiconError
    from vnnews.pipeline.api import default_extractor

    try:
        default_extractor()
    except LexiconError as exc:
        raise BatchError(f"the vocabulary cannot be loaded: {exc}") from None


def _watch_parent(parent: int) -> None:
    """Exit when the parent is gone (its children are re-parented)."""
    while os.getppid() == parent:
        time.sleep(1.0)
    os._exit(1)


# --- keys and the manifest -------------------------------------------------------------------------


def article_key(item: ArticleInput) -> str:
    """Identity of an article for resuming: its id and a hash of its content."""
    digest = hashlib.sha256()
    for part in (item.title or "", item.text, item.published or "", item.format):
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\x00")
    return f"{item.id}\x1f{digest.hexdigest()[:24]}"


def failure_key(failure: Failure) -> str:
    """Identity of an input that could not be read (a bad archive line, a missing file)."""
    return f"{failure.source}\x1f{failure.kind}"


class Manifest:
    """The SQLite record of finished articles and of how far the output files are complete."""

    def __init__(self, path: str) -> None:
        self.path = path
        try:
            self.db = sqlite3.connect(path, isolation_level=None)
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=FULL")
            self.db.execute(
                "CREATE TABLE IF NOT EXISTS done (key TEXT PRIMARY KEY, id TEXT, source TEXT, status TEXT)"
            )
            self.db.execute("CREATE INDEX IF NOT EXISTS done_id ON done (id)")
            self.db.execute("CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT)")
        except sqlite3.DatabaseError as exc:
            raise BatchError(
                f"{path}: not a usable manifest ({exc}): give another --manifest, or --force to start over"
            ) from None

    def get(self, name: str) -> str | None:
        """A meta value."""
        row = self.db.execute("SELECT value FROM meta WHERE name = ?", (name,)).fetchone()
        return row[0] if row else None

    def has(self, key: str) -> bool:
        """Whether the article is already done."""
        return self.db.execute("SELECT 1 FROM done WHERE key = ?", (key,)).fetchone() is not None

    def other_article(self, id_: str, key: str) -> bool:
        """Whether a different article under this id is already done."""
        row = self.db.execute("SELECT 1 FROM done WHERE id = ? AND key != ? LIMIT 1", (id_, key)).fetchone()
        return row is not None

    def count(self, status: str | None = None) -> int:
        """Articles done so far (with this status)."""
        if status is None:
            return self.db.execute("SELECT COUNT(*) FROM done").fetchone()[0]
        return self.db.execute("SELECT COUNT(*) FROM done WHERE status = ?", (status,)).fetchone()[0]

    def commit_chunk(self, rows: list[tuple[str, str | None, str | None, str]], meta: dict[str, str]) -> None:
        """Record a written chunk and the new lengths and tails of the output files, atomically."""
        with self._transaction():
            self.db.executemany("INSERT OR IGNORE INTO done VALUES (?, ?, ?, ?)", rows)
            self.db.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)", list(meta.items()))

    def forget_failures(self, meta: dict[str, str]) -> int:
        """Drop the failed articles (to try them again) and set meta values, atomically; how many."""
        with self._transaction():
            n = self.db.execute("DELETE FROM done WHERE status = 'error'").rowcount
            self.db.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)", list(meta.items()))
        return n

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
        self._lock: io.BufferedWriter | None = None
        self.created = False  # the run created the file (it did not exist before)

    def size(self) -> int:
        """Bytes now in the file."""
        return os.path.getsize(self.path) if self.path and os.path.exists(self.path) else 0

    def tail(self, size: int) -> str:
        """Hash of the TAIL_BYTES bytes before `size` (what the manifest compares on resume)."""
        if not self.path or size == 0:
            return hashlib.sha256(b"").hexdigest()
        with open(self.path, "rb") as f:
            f.seek(max(0, size - TAIL_BYTES))
            return hashlib.sha256(f.read(min(size, TAIL_BYTES))).hexdigest()

    def lock(self) -> None:
        """Create the file if needed and hold an exclusive lock on it for the run; BatchError when it
        cannot be written or another run holds it."""
        if not self.path:
            return
        self.created = not os.path.exists(self.path)
        try:
            self._lock = open(self.path, "ab")  # noqa: SIM115 - held open for the whole run
        except OSError as exc:
            folder = os.path.dirname(os.path.abspath(self.path))
            why = "the folder does not exist" if not os.path.isdir(folder) else (exc.strerror or str(exc))
            raise BatchError(f"cannot write {self.path}: {why}") from None
        try:
            fcntl.flock(self._lock.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            self._lock.close()
            self._lock = None
            raise BatchError(
                f"another run is writing {self.path}: wait for it to finish, or choose another output"
            ) from None

    def unlock(self, refused: bool = False) -> None:
        """Release the run's lock; refused: the run did not start, so an empty file it created goes."""
        if self._lock is not None:
            if refused and self.created and self.path and self.size() == 0:
                os.remove(self.path)
            self._lock.close()
            self._lock = None

    def truncate(self, size: int) -> None:
        """Cut the file back to a committed length: what a killed run wrote after it is dropped.
        Never makes a file longer (that would pad it with NUL bytes)."""
        if not self.path or not os.path.exists(self.path):
            return
        if size > self.size():
            raise BatchError(f"{self.path} is shorter than the manifest says: refusing to pad it")
        with open(self.path, "r+b") as f:
            f.truncate(size)
            f.flush()
            os.fsync(f.fileno())

    def write(self, lines: list[str]) -> None:
        """Append lines and make them durable before the manifest says so."""
        if not lines:
            return
        # a lone surrogate can only stand inside a JSON string, where \udxxx is its valid escape
        data = "".join(line + "\n" for line in lines).encode("utf-8", "backslashreplace")
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
    """Chunks in this process (one job) or in a pool of worker processes, at most 2 per worker in flight.

    Workers die with this process (see _worker_init), so a killed batch leaves no orphans."""

    def __init__(self, jobs: int) -> None:
        self.jobs = max(1, jobs)
        self.pool = None

    def start(self) -> None:
        """Start the workers (each loads the pipeline once)."""
        if self.jobs > 1:
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor

            self.pool = ProcessPoolExecutor(
                max_workers=self.jobs,
                mp_context=multiprocessing.get_context("fork"),
                initializer=_worker_init,
                initargs=(os.getpid(),),
            )

    def submit(self, chunk: list[ArticleInput], include_text: bool, timeout: float | None):
        """A future for the chunk's results."""
        if self.pool is None:
            return _Done(process_chunk(chunk, include_text, timeout))
        return self.pool.submit(process_chunk, chunk, include_text, timeout)

    @property
    def window(self) -> int:
        """Chunks in flight at once."""
        return 2 * self.jobs

    def restart(self) -> None:
        """Replace a pool whose worker died."""
        self.close()
        self.start()

    def close(self, kill: bool = False) -> None:
        """Stop the workers; kill: at once, without letting them finish their chunk (interrupted)."""
        if self.pool is None:
            return
        processes = list(getattr(self.pool, "_processes", {}).values()) if kill else []
        self.pool.shutdown(wait=False, cancel_futures=True)
        for process in processes:
            with contextlib.suppress(Exception):
                process.kill()
        self.pool = None


class DaskEngine:
    """The same per-chunk function on a Dask distributed cluster (a LocalCluster when no address)."""

    CONNECT_TIMEOUT = 10  # seconds to reach a scheduler before the run stops with an error

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
            try:
                self.client = Client(self.scheduler, timeout=self.CONNECT_TIMEOUT)
            except (OSError, TimeoutError, ValueError) as exc:
                raise BatchError(
                    f"cannot reach the Dask scheduler at {self.scheduler} ({type(exc).__name__}: {exc}): "
                    "is `dask scheduler` running there?"
                ) from None
        else:
            self.cluster = LocalCluster(
                n_workers=self.jobs, threads_per_worker=1, processes=True, dashboard_address=None
            )
            self.client = Client(self.cluster)

    def submit(self, chunk: list[ArticleInput], include_text: bool, timeout: float | None):
        """A future for the chunk's results."""
        return self.client.submit(process_chunk, chunk, include_text, timeout, pure=False)

    @property
    def window(self) -> int:
        """Chunks in flight at once: enough to keep every worker busy."""
        workers = len(self.client.scheduler_info().get("workers", {})) or self.jobs
        return 2 * workers

    def restart(self) -> None:
        """Dask reschedules work of lost workers itself."""

    def close(self, kill: bool = False) -> None:
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


def own_files(options: BatchOptions) -> frozenset[str]:
    """Real paths of the files a run writes (never read as inputs from a folder)."""
    paths = [options.output if options.output != "-" else None, options.errors_path, options.manifest_path]
    if options.manifest_path:
        paths += [
            options.manifest_path + "-wal",
            options.manifest_path + "-shm",
            options.manifest_path + "-journal",
        ]
    return frozenset(os.path.realpath(p) for p in paths if p)


def run(options: BatchOptions, progress: Progress | None = None) -> BatchSummary:
    """Extract every article of the inputs into the output; resumable; returns the counts.

    Raises BatchError when the run cannot start or go on: an output that cannot be written or that
    another run is writing, a manifest that does not describe the output, a full disk."""
    started = time.perf_counter()
    out = Sink(None if options.output == "-" else options.output)
    err = Sink(options.errors_path)
    if out.path and os.path.isdir(out.path):
        raise BatchError(f"{out.path}: the output is a folder")
    mine = own_files(options)
    for path in options.inputs:
        if path != "-" and os.path.realpath(path) in mine:
            raise BatchError(f"{path} is a file this run writes: it cannot also be an input")
    named = [(what, os.path.realpath(p)) for what, p in (
        ("output", out.path), ("errors file", err.path), ("manifest", options.manifest_path)) if p]  # fmt: skip
    for i, (what, path) in enumerate(named):
        for other, other_path in named[i + 1 :]:
            if path == other_path:
                raise BatchError(f"{path}: the {what} and the {other} must be different files")
    summary = BatchSummary()
    engine = (
        DaskEngine(options.jobs, options.scheduler) if options.engine == "dask" else LocalEngine(options.jobs)
    )
    interrupted = False
    started_work = False
    temporary = None
    claimed = _claim_manifest(options)
    try:
        out.lock()
        err.lock()
        if options.manifest_path is None:  # streaming to stdout: a manifest on disk all the same,
            temporary = tempfile.NamedTemporaryFile(prefix="vnnews-", suffix=".sqlite", delete=False)  # noqa: SIM115
            temporary.close()  # so that memory stays flat over any number of articles
        manifest = _open_manifest(options, out, err, temporary.name if temporary else None, claimed)
        started_work = True
        try:
            if options.retry_failed:
                _forget_failures(manifest, err, summary)
            else:
                summary.still_failed = manifest.count("error")
            if options.engine == "local":
                _load_pipeline()  # here, once: forked workers share it, and a broken data file stops the run
            engine.start()
            _drive(options, engine, manifest, out, err, summary, progress or (lambda n: None), mine)
        except BaseException as exc:
            interrupted = not isinstance(exc, Exception)
            raise
        finally:
            engine.close(kill=interrupted)
            manifest.close()
    except sqlite3.Error as exc:
        raise BatchError(f"the manifest cannot be written ({exc}): free some space, then run again") from None
    finally:
        out.unlock(refused=not started_work)
        err.unlock(refused=not started_work)
        if claimed and not started_work and options.manifest_path:
            with contextlib.suppress(OSError):
                if os.path.getsize(options.manifest_path) == 0:
                    os.remove(options.manifest_path)  # the run was refused: no trace of it
        if temporary is not None:
            for suffix in ("", "-wal", "-shm"):
                with contextlib.suppress(OSError):
                    os.remove(temporary.name + suffix)
    summary.seconds = time.perf_counter() - started
    return summary


def _claim_manifest(options: BatchOptions) -> bool:
    """Create the manifest file, empty, before the output and errors files: a run killed before it
    wrote its manifest then leaves that empty file beside the empty outputs it created, and the next
    run knows them for its own. True when this run created it."""
    path = options.manifest_path
    if not path or os.path.exists(path):
        return False
    try:
        with open(path, "xb"):
            pass
    except OSError:
        return False  # opening the manifest later says what is wrong
    return True


def _open_manifest(
    options: BatchOptions, out: Sink, err: Sink, temporary: str | None, claimed: bool = False
) -> Manifest:
    """The run's manifest, checked against the files it describes; BatchError naming the fix when
    they disagree. A file the manifest does not describe is never cut, overwritten or padded.
    claimed: this run created the (empty) manifest file; an empty one it did not create was left by
    a run killed before writing it, whose empty outputs may be taken over."""
    path = temporary or options.manifest_path
    assert path is not None
    killed_early = bool(not temporary and not claimed and os.path.exists(path) and os.path.getsize(path) == 0)
    if options.force:
        for sink in (out, err):
            if sink.path:
                sink.truncate(0)
        for suffix in ("", "-wal", "-shm"):
            if options.manifest_path and os.path.exists(options.manifest_path + suffix):
                os.remove(options.manifest_path + suffix)
    existed = bool(not temporary and os.path.exists(path) and os.path.getsize(path) > 0)
    if not existed and not options.force:
        # even an empty file may be another run's (its errors file, with no error yet): never take
        # over a regular file this run did not create without --force (/dev/null is no one's)
        for sink in (out, err):
            foreign = not sink.created and not killed_early
            if sink.path and os.path.isfile(sink.path) and (sink.size() > 0 or foreign):
                raise BatchError(
                    f"{sink.path} exists and no manifest of this run records what it holds: "
                    "choose another output (or --errors FILE), or --force to overwrite it"
                )
    manifest = Manifest(path)
    if not existed:
        manifest.set_meta(
            {
                "output": _real(out.path),
                "errors": _real(err.path),
                "created": time.strftime("%Y-%m-%dT%H:%M:%S"),
                **_state(out, err),
            }
        )
        return manifest
    try:
        _check_described(manifest, options, out, "output", "output")
        _check_described(manifest, options, err, "errors", "errors file")
    except BaseException:
        manifest.close()
        raise
    return manifest


def _real(path: str | None) -> str:
    return os.path.realpath(path) if path else "-"


def _state(out: Sink, err: Sink) -> dict[str, str]:
    """The lengths and tail hashes of both files, as the manifest records them."""
    o, e = out.size(), err.size()
    return {
        "output_size": str(o),
        "output_tail": out.tail(o),
        "errors_size": str(e),
        "errors_tail": err.tail(e),
    }


def _check_described(manifest: Manifest, options: BatchOptions, sink: Sink, name: str, what: str) -> None:
    """Refuse unless the manifest describes this very file, unchanged up to its recorded length;
    then cut what a killed run wrote after that length."""
    recorded = manifest.get(name)
    if recorded is not None and recorded != _real(sink.path):
        raise BatchError(
            f"{manifest.path} describes the run writing {recorded}, not {_real(sink.path)}: give this run "
            f"its own --manifest FILE (and --errors FILE), or --force to start over"
        )
    size = int(manifest.get(f"{name}_size") or 0)
    if not sink.path:
        return
    actual = sink.size()
    if actual < size:
        state = "is missing" if sink.created else f"has {actual:,} bytes"
        raise BatchError(
            f"the {what} {sink.path} {state}, but its manifest {manifest.path} records {size:,} bytes: "
            "it was changed after the run; restore it, or --force to start over"
        )
    tail = manifest.get(f"{name}_tail")
    if tail is not None and sink.tail(size) != tail:
        raise BatchError(
            f"the {what} {sink.path} was changed after the run (its content no longer matches the manifest "
            f"{manifest.path}): restore it, or --force to start over"
        )
    if actual > size:  # a run that died after writing but before committing left a tail: drop it
        sink.truncate(size)


def _forget_failures(manifest: Manifest, err: Sink, summary: BatchSummary) -> None:
    """Failed articles of earlier runs are tried again: forgotten by the manifest with the errors
    file emptied (in that order, so a kill in between is resumed like a torn tail)."""
    if not manifest.count("error"):
        return
    empty = hashlib.sha256(b"").hexdigest()
    summary.retried_failures = manifest.forget_failures({"errors_size": "0", "errors_tail": empty})
    err.truncate(0)


def _drive(
    options: BatchOptions,
    engine,
    manifest: Manifest,
    out: Sink,
    err: Sink,
    summary: BatchSummary,
    progress: Progress,
    mine: frozenset[str],
) -> None:
    # keys and ids of articles read but not yet committed; committed ones are asked of the manifest,
    # so memory holds only what is in flight, whatever the archive's size
    inflight: set[str] = set()
    inflight_ids: dict[str, str] = {}
    pending: deque[tuple[list[ArticleInput], list[str], list[Failure], object]] = deque()

    def seen(key: str) -> bool:
        return key in inflight or manifest.has(key)

    def duplicate_id(id_: str, key: str) -> None:
        other = inflight_ids.get(id_)
        if (other is not None and other != key) or (other is None and manifest.other_article(id_, key)):
            summary.duplicates += 1
            if len(summary.duplicate_ids) < MAX_LISTED_DUPLICATES:
                summary.duplicate_ids.append(id_)
        inflight_ids[id_] = key

    def chunks() -> Iterator[tuple[list[ArticleInput], list[str], list[tuple[int, Failure]]]]:
        chunk: list[ArticleInput] = []
        keys: list[str] = []
        read_failures: list[tuple[int, Failure]] = []  # (articles before it in the chunk, failure)
        for entry in iter_sources(options.inputs, options.read, exclude=mine):
            if isinstance(entry, Failure):
                key = failure_key(entry)
                if seen(key):
                    summary.skipped += 1
                    progress(1)
                    continue
                inflight.add(key)
                read_failures.append((len(chunk), entry))
            else:
                key = article_key(entry)
                if seen(key):
                    summary.skipped += 1  # done by an earlier run, or the same article twice in the inputs
                    progress(1)
                    continue
                inflight.add(key)
                if entry.id is not None:
                    duplicate_id(entry.id, key)
                chunk.append(entry)
                keys.append(key)
            # read failures close a chunk too, in larger numbers (each costs no extraction, and every
            # chunk costs a synced write): an archive of bad lines is held a bounded chunk at a time
            if len(chunk) >= options.chunk_size or len(read_failures) >= MAX_FAILURES_PER_CHUNK:
                yield chunk, keys, read_failures
                chunk, keys, read_failures = [], [], []
        if chunk or read_failures:
            yield chunk, keys, read_failures

    def flush_head() -> None:
        chunk, keys, failures, future = pending.popleft()
        try:
            results = future.result()
        except Exception:  # a worker died (killed, out of memory) or the cluster lost it
            summary.retried_chunks += 1
            engine.restart()
            results = _recover(engine, chunk, options)
        _commit(chunk, keys, results, failures, manifest, out, err, summary)
        for item, key in zip(chunk, keys, strict=True):
            inflight.discard(key)
            if item.id is not None and inflight_ids.get(item.id) == key:
                del inflight_ids[item.id]
        for _, f in failures:
            inflight.discard(failure_key(f))
        progress(len(chunk) + len(failures))

    for chunk, keys, read_failures in chunks():
        future = engine.submit(chunk, options.include_text, options.timeout) if chunk else _Done([])
        pending.append((chunk, keys, read_failures, future))
        while len(pending) >= engine.window:
            flush_head()
    while pending:
        flush_head()


def _recover(engine, chunk: list[ArticleInput], options: BatchOptions) -> list[tuple[str, str]]:
    """Results of a chunk whose worker died: the chunk again, then its articles one by one."""
    for _ in range(MAX_RETRIES):
        try:
            return engine.submit(chunk, options.include_text, options.timeout).result()
        except Exception:
            engine.restart()
    results: list[tuple[str, str]] = []
    for item in chunk:
        try:
            results.extend(engine.submit([item], options.include_text, options.timeout).result())
        except Exception as err:
            engine.restart()
            message = f"the worker died on this article ({type(err).__name__}: {err})"
            results.append(("error", error_line(Failure(item.id, item.source, "worker_crash", message))))
    return results


def _commit(
    chunk: list[ArticleInput],
    keys: list[str],
    results: list[tuple[str, str]],
    failures: list[tuple[int, Failure]],
    manifest: Manifest,
    out: Sink,
    err: Sink,
    summary: BatchSummary,
) -> None:
    """Write a chunk's records and error records (errors in input order, read failures among the
    articles' own), then record the chunk in the manifest."""
    lines, err_lines, rows = [], [], []
    pending = iter(failures)
    nxt = next(pending, None)

    def failures_before(position: int) -> None:
        nonlocal nxt
        while nxt is not None and nxt[0] <= position:
            f = nxt[1]
            err_lines.append(error_line(f))
            rows.append((failure_key(f), f.id, f.source, "error"))
            summary.failed += 1
            nxt = next(pending, None)

    for position, (item, key, (status, line)) in enumerate(zip(chunk, keys, results, strict=True)):
        failures_before(position)
        if status == "ok":
            lines.append(line)
            summary.ok += 1
        else:
            err_lines.append(line)
            summary.failed += 1
        rows.append((key, item.id, item.source, status))
    failures_before(len(chunk))
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
    manifest.commit_chunk(rows, _state(out, err))


def records(path: str) -> Iterable[dict]:
    """The records of an output file (JSON Lines, gzipped or not)."""
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as f:
        for line in f:
            if line.strip():
                yield json.loads(line)


__all__ = ["BatchError", "BatchOptions", "BatchSummary", "error_line", "process_chunk", "records", "run"]
