"""An Extractor in a process of its own: what the HTTP service extracts with.

The Extractor's time limit is a SIGALRM, which only works in a process's main thread; a server's
requests run elsewhere (an event loop, threads). So each service worker keeps one child process
whose main thread holds the loaded pipeline and extracts one article at a time under that limit. The
parent waits for the answer a little longer than the limit (GRACE seconds more); a child that has
not answered by then (stuck in C code where the alarm cannot interrupt it) is killed and replaced,
and the request gets a `timeout` error. A child that dies (a crash, the OOM killer) is replaced too
and its request gets a `worker_crash` error: one article never takes the service down.

Requests to the child are tuples of plain values and answers are ("ok", record JSON) or ("error",
error record), so nothing of spaCy crosses the pipe and the parent never imports it."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import multiprocessing
import os
import signal
from dataclasses import dataclass

from vnnews.pipeline.children import die_with_parent
from vnnews.pipeline.errors import ArticleTimeout, InternalError, VnnewsError

GRACE = 5.0  # seconds the parent waits past the time limit before it kills the child
START_TIMEOUT = 300.0  # seconds a new child may take to load the pipeline


@dataclass(frozen=True)
class Request:
    """One thing to extract, as the child reads it.

    form: "text" (the bytes of one article: plain text, or a web page when `html`), "object" (the
    bytes of one JSON article object, read as an archive line; no id unless it gives one) or "line"
    (one line of a JSON Lines stream: its id is `NAME:NUMBER` unless it gives one)."""

    form: str
    data: bytes
    name: str
    number: int = 1
    published: str | None = None
    include_text: bool = True
    html: bool = False


class WorkerCrash(VnnewsError):
    """The extraction process died on this article."""

    kind = "worker_crash"


# --- the child ---------------------------------------------------------------------------------------


def _child_main(conn, timeout: float | None, parent: int) -> None:
    """The child: load the pipeline once, say ready, then answer requests until the pipe closes."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the whole process group: the parent decides
    die_with_parent(parent)
    for name in ("trafilatura", "htmldate", "courlan", "justext", "readability"):
        logging.getLogger(name).setLevel(logging.CRITICAL + 1)
    from vnnews.pipeline.api import Extractor

    extractor = Extractor(timeout=timeout)
    # the first article builds what the components build lazily; a time limit shorter than it is
    # for the requests to report
    with contextlib.suppress(VnnewsError):
        extractor.extract("Khởi động.")
    conn.send(("ready", os.getpid()))
    while True:
        try:
            request = conn.recv()
        except (EOFError, OSError):
            return
        conn.send(answer(extractor, request))


def answer(extractor, request: Request) -> tuple[str, object]:
    """("ok", the record as JSON) or ("error", the error record) for one request, in this process."""
    from vnnews.pipeline.api import Failure
    from vnnews.pipeline.encodings import printable
    from vnnews.pipeline.inputs import archive_line, article_from_bytes

    item = None
    try:
        if request.form == "text":
            item = article_from_bytes(
                request.data,
                request.name,
                "html" if request.html else "auto",
                None,
                id=None,
                published=request.published,
                source=None,
            )
        else:
            item = archive_line(
                request.data,
                request.name,
                request.number,
                request.published,
                name_lines=request.form == "line",
            )
            if item is None:
                where = request.name if request.form == "object" else f"{request.name}:{request.number}"
                return "error", Failure(None, where, "empty", f"{where}: no article object").to_dict()
            if isinstance(item, Failure):
                return "error", _printable(item.to_dict(), printable)
        article = extractor.extract_item(item)
        exclude = None if request.include_text else {"text"}
        return "ok", article.model_dump_json(exclude=exclude)
    except VnnewsError as exc:
        failure = Failure(
            getattr(item, "id", None),
            getattr(item, "source", None) or request.name,
            exc.kind,
            str(exc),
        )
        return "error", _printable(failure.to_dict(), printable)
    except Exception as exc:  # a bug: this article's failure, never the process's end
        return "error", Failure(None, request.name, "internal", f"{type(exc).__name__}: {exc}").to_dict()


def _printable(record: dict, printable) -> dict:
    return {k: printable(v) if isinstance(v, str) else v for k, v in record.items()}


# --- the parent --------------------------------------------------------------------------------------


class ExtractionProcess:
    """The parent's handle on one child: start it, send it one request at a time, replace it when it
    stops answering. Use from one event loop."""

    def __init__(self, timeout: float | None) -> None:
        self.timeout = timeout
        self.process: multiprocessing.process.BaseProcess | None = None
        self.conn = None
        self.lock = asyncio.Lock()
        self.ready = False
        self.restarts = 0

    async def start(self) -> None:
        """Start the child and wait until its pipeline is loaded."""
        ctx = multiprocessing.get_context("spawn")  # a fresh interpreter: no threads or loop copied
        parent_end, child_end = ctx.Pipe()
        process = ctx.Process(
            target=_child_main,
            args=(child_end, self.timeout, os.getpid()),
            name="vnnews-extract",
            daemon=True,
        )
        process.start()
        child_end.close()
        self.process, self.conn = process, parent_end
        message = await self._receive(START_TIMEOUT)
        if not (isinstance(message, tuple) and message[0] == "ready"):
            self._kill()
            raise InternalError("the extraction process did not start")
        self.ready = True

    async def extract(self, request: Request, queue_timeout: float | None = None) -> tuple[str, object]:
        """("ok", record JSON) or ("error", error record) for one request. Waits its turn for at most
        queue_timeout seconds (ArticleTimeout past it: the service is busy)."""
        try:
            await asyncio.wait_for(self.lock.acquire(), queue_timeout)
        except asyncio.TimeoutError:
            raise ArticleTimeout(
                f"the service is busy: no extraction process was free within {queue_timeout:g} s"
            ) from None
        try:
            if self.process is not None and not self.process.is_alive():
                self._kill()  # died between requests: replaced before this one, which is not its cause
            if not self.ready:
                await self.start()
            limit = None if self.timeout is None else self.timeout + GRACE
            try:
                await asyncio.to_thread(self.conn.send, request)
                return await self._receive(limit)
            except asyncio.TimeoutError:
                self._kill()
                raise ArticleTimeout(
                    f"the article took more than {self.timeout:g} s and its extraction did not stop: "
                    "the extraction process was replaced"
                ) from None
            except (EOFError, OSError, BrokenPipeError):
                self._kill()
                raise WorkerCrash("the extraction process died on this article: it was replaced") from None
            except BaseException:  # cancelled mid-exchange: the answer would come to the next request
                self._kill()
                raise
        finally:
            self.lock.release()

    async def _receive(self, limit: float | None):
        conn = self.conn
        return await asyncio.wait_for(asyncio.to_thread(conn.recv), limit)

    def _kill(self) -> None:
        """End the child now; the next request starts another."""
        self.ready = False
        self.restarts += 1
        process, conn = self.process, self.conn
        self.process = self.conn = None
        if process is not None and process.is_alive():
            process.kill()
            process.join(5)
        # the pipe is left to the thread blocked in recv(): the dead child's end is closed, so it gets
        # EOFError, ends, and the pipe is then collected (closing it under the thread could hand its
        # descriptor to another file)
        del conn

    def close(self, wait: float = 5.0) -> None:
        """Stop the child: close its pipe (it returns when it has answered what it was doing), kill it
        if it has not ended within `wait` seconds."""
        self.ready = False
        process, conn = self.process, self.conn
        self.process = self.conn = None
        if conn is not None:
            conn.close()
        if process is not None:
            process.join(wait)
            if process.is_alive():
                process.kill()
                process.join(5)

    @property
    def pid(self) -> int | None:
        return self.process.pid if self.process is not None else None
