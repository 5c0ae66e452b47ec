"""Tests of pipeline.service (`vnnews serve`): the endpoints through Starlette's TestClient (httpx),
the error statuses and records, the extraction process's recovery, and a real uvicorn on 127.0.0.1."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytest.importorskip("fastapi")
import httpx
from fastapi.testclient import TestClient

from tests.conftest import SAMPLES
from vnnews.pipeline import isolated
from vnnews.pipeline.options import ServeOptions
from vnnews.pipeline.service import create_app, split_lines
from vnnews.schemas import Article, json_schema

SAMPLE = SAMPLES / "le-ky-ket.txt"
ARTICLE = SAMPLE.read_text("utf-8")
ARCHIVE_LINES = [line for line in (SAMPLES / "archive.jsonl").read_text("utf-8").splitlines() if line.strip()]
SMALL_LIMIT = 4096  # the body limit of the `small` app
SMALL_BATCH = 16384  # its batch limit


@pytest.fixture(scope="module")
def client():
    """The service with the default options, started once (its extraction process loads the pipeline)."""
    with TestClient(create_app(ServeOptions())) as c:
        yield c


@pytest.fixture(scope="module")
def small():
    """The service with a 4 KiB body limit and a 16 KiB batch limit."""
    with TestClient(create_app(ServeOptions(max_body_bytes=SMALL_LIMIT, max_batch_bytes=SMALL_BATCH))) as c:
        yield c


def expected(extractor, text: str, **fields) -> dict:
    """The record the library gives for the same article."""
    return extractor.extract(text, **fields).model_dump(mode="json")


# --- /extract --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content_type", "body", "fields"),
    [
        ("text/plain; charset=utf-8", ARTICLE.encode(), {}),
        (
            "application/json",
            json.dumps({"text": ARTICLE, "id": "a-1", "published": "2025-03-18"}),
            {"id": "a-1", "published": "2025-03-18"},
        ),
        (
            "application/json",
            json.dumps({"text": ARTICLE, "id": 7, "source": "s"}),
            {"id": "7", "source": "s"},
        ),
        ("", ARTICLE.encode("utf-16"), {}),
    ],
    ids=["text", "object", "integer-id", "utf-16-no-type"],
)
def test_extract_answers_the_record_the_library_gives(client, extractor, content_type, body, fields) -> None:
    """A text body or an article object gives the same record as Extractor.extract on that article."""
    answer = client.post("/extract", content=body, headers={"content-type": content_type})
    assert answer.status_code == 200, answer.text
    assert answer.headers["content-type"] == "application/json"
    assert answer.json() == expected(extractor, ARTICLE, **fields)


def test_extract_query_gives_the_publication_date_and_drops_the_text(client, extractor) -> None:
    """?published= anchors the article; ?text=false leaves the text out, as --no-text does."""
    answer = client.post("/extract?published=2025-03-18&text=false", content=ARTICLE.encode())
    assert answer.status_code == 200, answer.text
    record = expected(extractor, ARTICLE, published="2025-03-18")
    del record["text"]
    assert answer.json() == record


def test_extract_reads_a_saved_web_page(client) -> None:
    """A text/html body goes through trafilatura, as a .html file does."""
    page = (SAMPLES / "bien-phong.html").read_bytes()
    answer = client.post("/extract", content=page, headers={"content-type": "text/html"})
    assert answer.status_code == 200, answer.text
    assert answer.json()["title"]


@pytest.mark.parametrize(
    ("content_type", "body", "status", "kind", "fragment"),
    [
        ("application/json", b"{not json", 422, "bad_archive_line", "invalid JSON"),
        ("application/json", b'{"title": "x"}', 422, "bad_archive_line", "no string 'text'"),
        ("application/json", b'{"text": "\\ud800 x"}', 422, "bad_archive_line", "lone surrogate"),
        ("application/json", b'{"text": "a", "id": true}', 422, "bad_archive_line", "'id' must be a string"),
        ("application/json", b"[1, 2]", 422, "bad_archive_line", "expected a JSON object"),
        ("application/json", b"\xff\xfe{}", 422, "encoding", "invalid UTF-8"),
        ("application/json", b"", 422, "empty", "no article object"),
        ("application/json", b'{"text": "   "}', 422, "empty", "no text"),
        ("text/plain", b"", 422, "empty", "<request>: no text"),
        ("text/plain", b"  \n\t ", 422, "empty", "<request>: no text"),
        ("text/plain", b"\x00\x01\x02binary", 422, "binary", "NUL bytes"),
        ("text/plain", b"caf\xc3 \xff\xfe\x80 \x81", 422, "encoding", "invalid UTF-8 at byte"),
        ("application/octet-stream", bytes(range(256)) * 4, 422, "binary", "NUL bytes"),
    ],
    ids=[
        "invalid-json",
        "no-text",
        "lone-surrogate",
        "boolean-id",
        "not-an-object",
        "not-utf8-json",
        "empty-json",
        "blank-text-field",
        "empty-text",
        "blank-text",
        "binary",
        "not-utf8-text",
        "octet-stream-binary",
    ],
)
def test_extract_refuses_what_is_not_an_article_with_the_cli_error_kind(
    client, content_type, body, status, kind, fragment
) -> None:
    """A body that is not an article: its status and an error record {id, source, error, message}
    with the kind the command line reports for the same input."""
    answer = client.post("/extract", content=body, headers={"content-type": content_type})
    assert answer.status_code == status, answer.text
    record = answer.json()
    assert set(record) == {"id", "source", "error", "message"}
    assert record["error"] == kind
    assert fragment in record["message"]


@pytest.mark.parametrize(
    ("query", "fragment"),
    [
        ("published=yesterday", "not an ISO date"),
        ("published=2017-13", "no month 13"),
        ("text=maybe", "text"),
    ],
)
def test_extract_refuses_a_bad_query_parameter_as_invalid_input(client, query, fragment) -> None:
    """A bad ?published or ?text is a 422 invalid_input error record, not FastAPI's own shape."""
    answer = client.post(f"/extract?{query}", content=ARTICLE.encode())
    assert answer.status_code == 422
    assert answer.json()["error"] == "invalid_input"
    assert fragment in answer.json()["message"]


@pytest.mark.parametrize(
    ("body", "headers"),
    [
        (b"x" * (SMALL_LIMIT + 1), {}),  # Content-Length over the limit: refused before reading
        (iter([b"x" * 1000] * 10), {}),  # chunked, no length: refused once the stream passes it
        (json.dumps({"text": "x" * SMALL_LIMIT}).encode(), {"content-type": "application/json"}),
    ],
    ids=["declared", "chunked", "object"],
)
def test_extract_answers_413_too_large_past_the_body_limit(small, body, headers) -> None:
    """A body over the limit is a 413 with a `too_large` error record; the service goes on."""
    answer = small.post("/extract", content=body, headers=headers)
    assert answer.status_code == 413, answer.text
    assert answer.json()["error"] == "too_large"
    assert f"more than {SMALL_LIMIT:,} bytes" in answer.json()["message"]
    assert small.post("/extract", content="Sáng 10/4, hội nghị diễn ra.".encode()).status_code == 200


def test_extract_default_limit_is_the_command_lines_file_limit(client) -> None:
    """The default body limit is MAX_FILE_BYTES (16 MiB), what `vnnews extract` reads of one file."""
    from vnnews.pipeline.options import MAX_FILE_BYTES

    answer = client.post("/extract", content=b"a" * (MAX_FILE_BYTES + 1))
    assert answer.status_code == 413
    assert f"{MAX_FILE_BYTES:,}" in answer.json()["message"]


def test_extract_past_the_time_limit_is_504_timeout_and_the_next_request_is_answered() -> None:
    """With a time limit no article meets, /extract answers 504 `timeout`; the worker goes on."""
    with TestClient(create_app(ServeOptions(timeout=0.001))) as c:
        for _ in range(2):
            answer = c.post("/extract", content=ARTICLE.encode())
            assert answer.status_code == 504, answer.text
            assert answer.json()["error"] == "timeout"
            assert "more than 0.001 s" in answer.json()["message"]
        assert c.get("/healthz").json()["status"] == "ok"


def test_a_stuck_extraction_process_is_replaced_and_the_request_gets_504(monkeypatch) -> None:
    """An extraction that ignores its alarm (here: the process stopped with SIGSTOP) is killed after
    the limit plus GRACE; the request is a 504 `timeout` and the next one is answered by a new process."""
    monkeypatch.setattr(isolated, "GRACE", 0.5)
    with TestClient(create_app(ServeOptions(timeout=1.0))) as c:
        stuck = c.get("/healthz").json()["extraction_process"]
        os.kill(stuck, signal.SIGSTOP)
        started = time.monotonic()
        answer = c.post("/extract", content=ARTICLE.encode())
        assert answer.status_code == 504
        assert answer.json()["error"] == "timeout"
        assert "replaced" in answer.json()["message"]
        assert time.monotonic() - started < 10
        assert c.post("/extract", content=ARTICLE.encode()).status_code == 200
        health = c.get("/healthz").json()
        assert health["extraction_process"] != stuck
        assert health["restarts"] == 1


def test_an_extraction_process_killed_between_requests_is_replaced_before_the_next(client) -> None:
    """A dead extraction process (OOM killer, a crash) does not fail the next request."""
    pid = client.get("/healthz").json()["extraction_process"]
    os.kill(pid, signal.SIGKILL)
    time.sleep(0.2)
    answer = client.post("/extract", content=ARTICLE.encode())
    assert answer.status_code == 200, answer.text
    assert client.get("/healthz").json()["extraction_process"] != pid


# --- /extract/batch --------------------------------------------------------------------------------


def batch_lines(answer: httpx.Response) -> list[dict]:
    return [json.loads(line) for line in answer.text.splitlines()]


def test_batch_keeps_order_and_count_with_bad_lines_in_the_middle(client, extractor) -> None:
    """Each non-blank line gives one line out, in order: a record, or an error record in its place."""
    good = [json.loads(line) for line in ARCHIVE_LINES[:3]]
    lines = [
        json.dumps(good[0], ensure_ascii=False),
        "{not json",
        json.dumps(good[1], ensure_ascii=False),
        '{"id": "no-text"}',
        "",
        '{"text": "\\udc80"}',
        json.dumps(good[2], ensure_ascii=False),
    ]
    body = "\n".join(lines).encode() + b"\n\xff\xfe\n"
    answer = client.post("/extract/batch", content=body)
    assert answer.status_code == 200
    assert answer.headers["content-type"].startswith("application/x-ndjson")
    out = batch_lines(answer)
    assert [o.get("error") for o in out] == [
        None,
        "bad_archive_line",
        None,
        "bad_archive_line",
        "bad_archive_line",
        None,
        "encoding",
    ]
    assert [o["source"] for o in out if "error" in o] == ["batch:2", "batch:4", "batch:6", "batch:8"]
    assert out[3]["id"] == "no-text"
    for record, obj in zip([out[0], out[2], out[5]], good, strict=True):
        fields = {k: obj.get(k) for k in ("id", "title", "published", "source") if obj.get(k) is not None}
        want = expected(extractor, obj["text"], **fields)
        assert record == want


def test_batch_names_lines_without_an_id_by_their_number(client) -> None:
    """A line without id or source is `batch:LINE`, as FILE:LINE in an archive."""
    body = b'{"text": "S\xc3\xa1ng 10/4, h\xe1\xbb\x99i ngh\xe1\xbb\x8b di\xe1\xbb\x85n ra."}\n' * 2
    out = batch_lines(client.post("/extract/batch", content=body))
    assert [(o["id"], o["source"]) for o in out] == [("batch:1", "batch:1"), ("batch:2", "batch:2")]


def test_batch_skips_an_over_long_line_as_too_large_and_goes_on(small) -> None:
    """A line over the body limit is one `too_large` record; the lines after it are answered."""
    long = json.dumps({"text": "x" * SMALL_LIMIT}).encode()
    short = json.dumps({"text": "Sáng 10/4, hội nghị diễn ra."}).encode()
    out = batch_lines(
        small.post("/extract/batch", content=iter([short + b"\n", long[:100], long[100:] + b"\n", short]))
    )
    assert [o.get("error") for o in out] == [None, "too_large", None]
    assert out[1]["source"] == "batch:2"


def test_batch_over_the_batch_limit_is_413_or_cut_with_a_last_error_record(small) -> None:
    """A declared body over the batch limit is a 413; a chunked one is answered up to the limit and
    closed by a `too_large` error record."""
    line = json.dumps({"text": "Sáng 10/4, hội nghị diễn ra."}).encode() + b"\n"
    answer = small.post("/extract/batch", content=line * (SMALL_BATCH // len(line) + 1))
    assert answer.status_code == 413
    assert answer.json()["error"] == "too_large"
    out = batch_lines(small.post("/extract/batch", content=iter([line] * (SMALL_BATCH // len(line) + 5))))
    assert out[-1]["error"] == "too_large"
    assert all("error" not in o for o in out[:-1])
    assert len(out) - 1 == SMALL_BATCH // len(line)


def test_batch_line_past_the_time_limit_is_a_timeout_record() -> None:
    with TestClient(create_app(ServeOptions(timeout=0.001))) as c:
        line = json.dumps({"text": ARTICLE, "id": "slow"}).encode()
        out = batch_lines(c.post("/extract/batch", content=line + b"\n" + line))
    assert [(o["id"], o["error"]) for o in out] == [("slow", "timeout"), ("slow", "timeout")]


async def _collect(chunks: list[bytes], cap: int, total: int) -> list[tuple[int, bytes | None, int]]:
    async def stream():
        for c in chunks:
            yield c

    return [x async for x in split_lines(stream(), cap, total)]


@pytest.mark.parametrize(
    ("chunks", "expected_lines"),
    [
        ([b"a\nbb\n"], [(1, b"a", 1), (2, b"bb", 2)]),
        ([b"a", b"b\nc"], [(1, b"ab", 2), (2, b"c", 1)]),
        ([b"abcdefgh", b"ij\nk\n"], [(1, None, 10), (2, b"k", 1)]),
        ([b"\n\n"], [(1, b"", 0), (2, b"", 0)]),
        ([b"x" * 6], [(1, None, 6)]),
    ],
    ids=["two-lines", "split-chunk", "over-long", "blank", "long-last"],
)
def test_split_lines_caps_each_line_without_holding_it(chunks, expected_lines) -> None:
    import asyncio

    assert asyncio.run(_collect(chunks, 5, 1000)) == expected_lines


# --- /schema, /healthz, OpenAPI ------------------------------------------------------------------


def test_schema_is_the_record_json_schema(client) -> None:
    """GET /schema is what `vnnews schema` prints and schemas/article.schema.json holds."""
    schema = client.get("/schema").json()
    assert schema == json_schema()
    shipped = json.loads(
        (Path(__file__).resolve().parents[2] / "schemas" / "article.schema.json").read_text()
    )
    assert schema == shipped


def test_healthz_says_ok_once_the_pipeline_is_loaded(client) -> None:
    answer = client.get("/healthz")
    assert answer.status_code == 200
    assert answer.json()["status"] == "ok"
    assert isinstance(answer.json()["extraction_process"], int)


def test_openapi_describes_extract_with_the_record_model(client) -> None:
    """/openapi.json: /extract answers an Article (the pydantic model) or an ErrorRecord, and takes an
    article object or a text."""
    spec = client.get("/openapi.json").json()
    extract = spec["paths"]["/extract"]["post"]
    ok = extract["responses"]["200"]["content"]["application/json"]["schema"]
    assert ok == {"$ref": "#/components/schemas/Article"}
    assert set(spec["components"]["schemas"]["Article"]["properties"]) == set(Article.model_fields)
    for status in ("413", "422", "500", "504"):
        assert extract["responses"][status]["content"]["application/json"]["schema"]["$ref"].endswith(
            "ErrorRecord"
        )
    assert set(extract["requestBody"]["content"]) == {"application/json", "text/plain", "text/html"}
    assert {"/extract", "/extract/batch", "/schema", "/healthz"} <= set(spec["paths"])
    assert client.get("/docs").status_code == 404  # its page would load scripts from a CDN


# --- a real uvicorn ----------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_healthy(url: str, process: subprocess.Popen, seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        assert process.poll() is None, process.stderr.read() if process.stderr else ""
        try:
            if httpx.get(url + "/healthz", timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.3)
    raise AssertionError("the service did not become healthy")


@pytest.mark.parametrize(
    ("workers", "stop"),
    [(1, signal.SIGTERM), (2, signal.SIGTERM), (1, signal.SIGINT)],
    ids=["1-worker-sigterm", "2-workers-sigterm", "1-worker-sigint"],
)
def test_vnnews_serve_answers_on_loopback_and_stops_cleanly(extractor, workers: int, stop: int) -> None:
    """`vnnews serve` on 127.0.0.1: healthy, answers /extract, and on SIGTERM (or Ctrl-C's SIGINT)
    exits 0 without a traceback, its extraction processes gone."""
    port = free_port()
    process = subprocess.Popen(
        [
            str(Path(sys.executable).parent / "vnnews"),
            "serve",
            "--port",
            str(port),
            "--workers",
            str(workers),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_healthy(url, process)
        children = {httpx.get(url + "/healthz").json()["extraction_process"] for _ in range(4)}
        answer = httpx.post(url + "/extract", content=ARTICLE.encode(), timeout=60)
        assert answer.status_code == 200
        assert answer.json() == expected(extractor, ARTICLE)
        process.send_signal(stop)
        _, stderr = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()
    assert process.returncode == 0, stderr
    assert "Traceback" not in stderr
    assert "Application shutdown complete" in stderr
    time.sleep(0.5)
    for pid in children:
        assert (
            not Path(f"/proc/{pid}").exists() or "zombie" in Path(f"/proc/{pid}/status").read_text().lower()
        )


def test_the_service_process_itself_loads_neither_spacy_nor_the_extractors() -> None:
    """The worker reads, caps and streams; only its extraction process loads the pipeline."""
    code = (
        "import sys, json\n"
        "from vnnews.pipeline.service import create_app\n"
        "app = create_app()\n"
        "app.openapi()\n"
        "heavy = sorted(m for m in sys.modules if m == 'spacy' or m.startswith(('vnnews.extractors.', 'underthesea')))\n"
        "print(json.dumps(heavy))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout.strip().splitlines()[-1]) == []
