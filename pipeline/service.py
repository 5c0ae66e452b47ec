"""`vnnews serve`: the records over HTTP, an ASGI app (FastAPI) for uvicorn.

    POST /extract        one article (a text, a web page, or a JSON article object) -> its record
    POST /extract/batch  JSON Lines of article objects -> JSON Lines of records, streamed in order
    GET  /schema         the JSON Schema of a record (what `vnnews schema` prints)
    GET  /healthz        200 once the pipeline is loaded
    GET  /openapi.json   the OpenAPI description, generated from the pydantic models

Each worker loads the pipeline once, in its extraction process (`isolated.ExtractionProcess`),
which enforces the per-article time limit. Errors are the error records of `vnnews batch`
({id, source, error, message}, the same kinds and messages as the command line) with a status:
413 for `too_large`, 504 for `timeout`, 500 for `internal` and `worker_crash`, 422 for every other
kind of bad input."""

from __future__ import annotations

import json
import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response, StreamingResponse
from pydantic import BaseModel, Field
from starlette.requests import ClientDisconnect

from vnnews.pipeline.errors import InvalidInput, TooLarge, VnnewsError
from vnnews.pipeline.isolated import ExtractionProcess
from vnnews.pipeline.isolated import Request as Job
from vnnews.pipeline.options import ServeOptions, parse_published
from vnnews.schemas import Article, json_schema

OPTIONS_ENV = "VNNEWS_SERVE_OPTIONS"  # how `vnnews serve --workers N` hands its options to each worker
DRAIN_BYTES = 64 * 1024 * 1024  # an over-long body is read (and dropped) this far before the 413, so
# that the client, still sending, reads the answer instead of a reset connection
STATUS = {"too_large": 413, "timeout": 504, "internal": 500, "worker_crash": 500}
REQUEST = "<request>"  # the place named in /extract error records, as <stdin> on the command line
BATCH = "batch"  # /extract/batch lines are BATCH:LINE, as FILE:LINE in an archive


class ArticleRequest(BaseModel):
    """An article object, as a line of a `vnnews extract --jsonl` archive."""

    text: str = Field(description="The article's text (title line, blank line, body; or the body alone).")
    id: str | None = None
    title: str | None = None
    published: str | None = Field(default=None, description="ISO date: YYYY, YYYY-MM or YYYY-MM-DD.")
    source: str | None = None


class ErrorRecord(BaseModel):
    """Why an article has no record: the error record of `vnnews batch`."""

    id: str | None = None
    source: str | None = None
    error: str = Field(
        description="The kind: invalid_input, empty, binary, encoding, too_large, timeout, ..."
    )
    message: str


class Health(BaseModel):
    status: str
    extraction_process: int | None = None
    restarts: int = 0


ERRORS = {
    413: {"model": ErrorRecord, "description": "`too_large`: the body is over the limit"},
    422: {"model": ErrorRecord, "description": "not an article: invalid JSON, no text, not UTF-8, ..."},
    504: {"model": ErrorRecord, "description": "`timeout`: the article took longer than the limit"},
    500: {
        "model": ErrorRecord,
        "description": "`internal` or `worker_crash`: a fault of vnnews, not of the article",
    },
}


def error_response(record: dict) -> JSONResponse:
    """An error record with the status of its kind."""
    return JSONResponse(record, status_code=STATUS.get(record.get("error", ""), 422))


def failure(exc: VnnewsError, source: str = REQUEST) -> dict:
    return {"id": None, "source": source, "error": exc.kind, "message": str(exc)}


async def read_body(request: Request, limit: int, name: str = REQUEST) -> bytes:
    """The request body, read piece by piece and never held past `limit` bytes: TooLarge beyond
    (a declared Content-Length over it is refused before anything is read)."""
    message = f"{name}: more than {limit:,} bytes: not an article (send one article per request, or many as /extract/batch lines)"
    declared = request.headers.get("content-length", "")
    stream = request.stream()
    if declared.isdigit() and int(declared) > limit:
        await _drain(stream, 0)
        raise TooLarge(message)
    chunks, size = [], 0
    async for chunk in stream:
        size += len(chunk)
        if size > limit:
            chunks.clear()
            await _drain(stream, size)
            raise TooLarge(message)
        chunks.append(chunk)
    return b"".join(chunks)


async def _drain(stream: AsyncIterator[bytes], size: int) -> None:
    async for chunk in stream:
        size += len(chunk)
        if size > DRAIN_BYTES:
            return


async def split_lines(
    stream: AsyncIterator[bytes], cap: int, total_cap: int
) -> AsyncIterator[tuple[int, bytes | None, int]]:
    """(number, line, size) for each line of a byte stream; line is None for a line over `cap` bytes,
    which is skipped without being held. Stops with (0, None, offset) at the first line that ends
    past total_cap bytes into the stream: the lines before it are all given."""
    buffer = bytearray()
    number = base = 0  # base: the stream offset of the chunk's first byte
    skipped = -1  # bytes of the over-long line being skipped, or -1
    async for chunk in stream:
        if base > total_cap:
            yield 0, None, base
            return
        start = 0
        while True:
            newline = chunk.find(b"\n", start)
            piece = chunk[start : newline if newline >= 0 else len(chunk)]
            if skipped >= 0:
                skipped += len(piece)
            else:
                buffer += piece
                if len(buffer) > cap:
                    skipped = len(buffer)
                    buffer.clear()
            if newline < 0:
                break
            if base + newline + 1 > total_cap:
                yield 0, None, base + newline + 1
                return
            number += 1
            if skipped >= 0:
                yield number, None, skipped
            else:
                yield number, bytes(buffer), len(buffer)
            buffer.clear()
            skipped = -1
            start = newline + 1
        base += len(chunk)
    if base > total_cap:
        yield 0, None, base
    elif buffer or skipped >= 0:
        number += 1
        yield number, (None if skipped >= 0 else bytes(buffer)), max(skipped, len(buffer))


class LinesResponse(StreamingResponse):
    """A streamed answer whose lines come from the request body as it is read. Starlette's own
    StreamingResponse (under ASGI < 2.4, as uvicorn speaks) listens for the client's disconnect by
    reading the request, which would take the body's pieces from under the generator; here the
    generator is the only reader, and a disconnect shows there (ClientDisconnect) or in send."""

    async def __call__(self, scope, receive, send) -> None:
        try:
            await self.stream_response(send)
        except OSError:
            raise ClientDisconnect() from None


def create_app(options: ServeOptions | None = None) -> FastAPI:
    """The service's app; each app (each worker) starts one extraction process when it starts."""
    options = options or ServeOptions()

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        process = ExtractionProcess(options.timeout)
        app.state.extraction = process
        await process.start()
        try:
            yield
        finally:
            process.close()

    app = FastAPI(
        title="vnnews",
        summary="Structured records from Vietnamese press reports",
        version=_version(),
        lifespan=lifespan,
        # FastAPI's /docs and /redoc pages load their scripts from a CDN: only the description is served
        docs_url=None,
        redoc_url=None,
    )

    @app.exception_handler(VnnewsError)
    async def on_vnnews_error(request: Request, exc: VnnewsError) -> JSONResponse:
        return error_response(failure(exc))

    @app.exception_handler(RequestValidationError)
    async def on_bad_parameter(request: Request, exc: RequestValidationError) -> JSONResponse:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e.get('loc', ()))}: {e.get('msg', '')}" for e in exc.errors()
        )
        return error_response(failure(InvalidInput(f"{REQUEST}: {problems}")))

    @app.exception_handler(Exception)
    async def on_bug(request: Request, exc: Exception) -> JSONResponse:
        record = {
            "id": None,
            "source": REQUEST,
            "error": "internal",
            "message": f"{type(exc).__name__}: {exc}",
        }
        return JSONResponse(record, status_code=500)

    async def run(job: Job) -> tuple[str, object]:
        return await app.state.extraction.extract(job, queue_timeout=options.timeout)

    @app.post(
        "/extract",
        response_model=Article,
        responses=ERRORS,
        summary="The record of one article",
        openapi_extra={
            "requestBody": {
                "required": True,
                "content": {
                    "application/json": {"schema": ArticleRequest.model_json_schema()},
                    "text/plain": {"schema": {"type": "string", "description": "the article's text"}},
                    "text/html": {"schema": {"type": "string", "description": "a saved web page"}},
                },
            }
        },
    )
    async def extract(
        request: Request,
        published: str | None = Query(None, description="Publication date of an input without one."),
        text: bool = Query(True, description="Keep the normalized text in the record."),
    ) -> Response:
        """A JSON body is an article object (`{"text": …, "id": …, "published": …}`, read as a line of
        a `vnnews extract --jsonl` archive); a text/html body a saved web page; any other body the
        article's text (UTF-8, or a legacy Vietnamese encoding, detected as for a file)."""
        published = parse_published(published)
        body = await read_body(request, options.max_body_bytes)
        kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
        form = "object" if kind == "application/json" or kind.endswith("+json") else "text"
        job = Job(form, body, REQUEST, published=published, include_text=text, html=kind == "text/html")
        status, value = await run(job)
        if status == "ok":
            return Response(value, media_type="application/json")
        return error_response(value)  # type: ignore[arg-type]

    @app.post(
        "/extract/batch",
        responses={
            200: {
                "description": "One line per non-blank input line, in input order: a record, or an error record",
                "content": {"application/x-ndjson": {"schema": {"type": "string"}}},
            },
            413: ERRORS[413],
            422: ERRORS[422],
        },
        response_class=LinesResponse,
        summary="Records of a JSON Lines stream of article objects",
        openapi_extra={
            "requestBody": {
                "required": True,
                "content": {"application/x-ndjson": {"schema": {"type": "string"}}},
            }
        },
    )
    async def extract_batch(
        request: Request,
        published: str | None = Query(None, description="Publication date of the lines without one."),
        text: bool = Query(True, description="Keep the normalized text in the records."),
    ) -> Response:
        """JSON Lines in (article objects, as `vnnews extract --jsonl` reads them), JSON Lines out as
        each line is done: a bad line (invalid JSON, no text, too long, too slow) gives an error
        record in its place and the stream goes on. A line without an id is named `batch:LINE`."""
        published = parse_published(published)
        declared = request.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > options.max_batch_bytes:
            await _drain(request.stream(), 0)
            raise TooLarge(f"{REQUEST}: more than {options.max_batch_bytes:,} bytes: split the batch")

        async def lines() -> AsyncIterator[bytes]:
            async for number, raw, size in split_lines(
                request.stream(), options.max_body_bytes, options.max_batch_bytes
            ):
                where = f"{BATCH}:{number}"
                if number == 0:
                    cut = TooLarge(
                        f"{REQUEST}: more than {options.max_batch_bytes:,} bytes: the lines after this "
                        "point were not read"
                    )
                    yield _line(failure(cut))
                    return
                if raw is None:
                    message = f"{where}: the line has {size:,} bytes, more than {options.max_body_bytes:,}"
                    yield _line({"id": None, "source": where, "error": "too_large", "message": message})
                    continue
                if not raw.strip():
                    continue
                try:
                    status, value = await run(Job("line", raw, BATCH, number, published, text))
                except VnnewsError as exc:
                    status, value = "error", failure(exc, where)
                yield (value + "\n").encode() if status == "ok" else _line(value)  # type: ignore[operator]

        return LinesResponse(lines(), media_type="application/x-ndjson")

    @app.get("/schema", summary="The JSON Schema of a record")
    async def schema() -> JSONResponse:
        return JSONResponse(json_schema())

    @app.get("/healthz", response_model=Health, responses={503: {"model": Health}})
    async def healthz() -> JSONResponse:
        process: ExtractionProcess = app.state.extraction
        body = {"status": "ok" if process.ready else "starting", "extraction_process": process.pid}
        body["restarts"] = process.restarts
        return JSONResponse(body, status_code=200 if process.ready else 503)

    return app


def _line(record: object) -> bytes:
    return (json.dumps(record, ensure_ascii=False) + "\n").encode()


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("vnnews")
    except PackageNotFoundError:  # pragma: no cover - a checkout not installed
        return "0"


def app_from_environment() -> FastAPI:
    """The app of one `vnnews serve` worker: uvicorn's factory, options from $VNNEWS_SERVE_OPTIONS."""
    text = os.environ.get(OPTIONS_ENV)
    return create_app(ServeOptions.from_json(text) if text else None)


def serve(options: ServeOptions) -> None:
    """Run the service until SIGINT or SIGTERM, then stop cleanly (requests in flight are answered,
    the extraction processes end) and return."""
    import signal

    import uvicorn

    os.environ[OPTIONS_ENV] = options.to_json()
    # uvicorn re-raises the signal that stopped it once it has shut down: with these handlers in place
    # that is a no-op, and the command exits 0 instead of dying by the signal (or a KeyboardInterrupt)
    previous = {sig: signal.signal(sig, lambda *_: None) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        uvicorn.run(
            "vnnews.pipeline.service:app_from_environment",
            factory=True,
            host=options.host,
            port=options.port,
            workers=options.workers,
            log_level="info",
            timeout_graceful_shutdown=(options.timeout or 60) + 5,
        )
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
