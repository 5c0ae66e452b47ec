"""vnnews batch under hostile inputs and operating mistakes: every article once in the output or once
in the errors file, clear errors for mistakes, no orphan workers, a progress bar on a terminal.

Real processes where a process, a signal or a terminal is involved; the rest in-process."""

from __future__ import annotations

import fcntl
import gzip
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.conftest import ROOT
from tests.pipeline.test_batch import SENTENCES, output_ids, run_batch, write_archive
from vnnews.pipeline import batch, inputs
from vnnews.pipeline.cli import main

VNNEWS = [sys.executable, "-m", "vnnews.pipeline.cli"]
ENV = {**os.environ, "PYTHONPATH": str(ROOT)}


def errors_of(path: Path) -> list[dict]:
    """The error records of an errors file."""
    return (
        [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()] if path.exists() else []
    )


def good_line(i: int) -> str:
    """One good archive line (id g-i)."""
    return json.dumps(
        {"id": f"g-{i}", "text": SENTENCES[i % len(SENTENCES)] + f" Bài {i}."}, ensure_ascii=False
    )


# --- one bad line is one error record ------------------------------------------------------------

BAD_LINES = [
    (
        "lone surrogate in the id",
        '{"id": "\\ud800", "text": "Sáng 3/4, Hội nghị diễn ra."}',
        "lone surrogate",
    ),
    ("lone surrogate in the source", '{"source": "\\udc80x", "text": "Hội nghị diễn ra."}', "lone surrogate"),
    ("lone surrogate in the text", '{"id": "t", "text": "Hội nghị \\udfff diễn ra."}', "lone surrogate"),
    (
        "integer of 5,000 digits",
        '{"id": "n", "text": "Hội nghị.", "n": ' + "7" * 5000 + "}",
        "thousands of digits",
    ),
    ("JSON nested 1,000 deep", "[" * 1000 + "]" * 1000, "nested too deeply"),
    (
        "nested value inside an article",
        '{"text": "x", "m": ' + "[" * 3000 + "]" * 3000 + "}",
        "nested too deeply",
    ),
    ("a boolean id", '{"id": true, "text": "Hội nghị."}', "'id' must be a string"),
    ("not an object", '"Hội nghị"', "expected a JSON object"),
]


@pytest.mark.parametrize(("line", "message"), [c[1:] for c in BAD_LINES], ids=[c[0] for c in BAD_LINES])
def test_a_bad_archive_line_is_one_error_record_and_the_rest_go_on(
    tmp_path: Path, line: str, message: str
) -> None:
    """The bad line becomes one error record naming its line; the good lines around it are extracted;
    both files are valid UTF-8; the rerun skips everything instead of stopping at the same place."""
    archive = tmp_path / "in.jsonl"
    archive.write_text("\n".join([good_line(0), line, good_line(1)]) + "\n", encoding="utf-8")
    args = (str(archive), "-o", str(tmp_path / "out.jsonl"), "-j", "1", "--no-retry-failed")
    code, err = run_batch(*args)
    assert code == 1, err
    assert output_ids(tmp_path / "out.jsonl") == ["g-0", "g-1"]
    (error,) = errors_of(tmp_path / "out.errors.jsonl")
    assert error["source"] == f"{archive}:2" and message in error["message"]
    for name in ("out.jsonl", "out.errors.jsonl"):
        (tmp_path / name).read_bytes().decode("utf-8")  # strict: raises on invalid UTF-8
    code, err = run_batch(*args)
    assert code == 1 and "0 ok, 0 failed, 3 skipped" in err and "1 earlier failure not retried" in err


def test_a_file_name_that_is_not_utf8_is_one_error_record(tmp_path: Path) -> None:
    """A file whose name has undecodable bytes is an error record with the name escaped; the good
    file beside it is extracted; the errors file stays valid UTF-8."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "tot.txt").write_text("Tin\n\n" + SENTENCES[0], encoding="utf-8")
    bad = os.path.join(os.fsencode(folder), b"h\xf6ng.txt")
    with open(bad, "wb") as f:
        f.write(SENTENCES[1].encode("utf-8"))
    code, err = run_batch(str(folder), "-o", str(tmp_path / "out.jsonl"), "-j", "1")
    assert code == 1, err
    assert output_ids(tmp_path / "out.jsonl") == ["tot"]
    (error,) = errors_of(tmp_path / "out.errors.jsonl")
    assert error["error"] == "bad_filename" and "h\\xf6ng.txt" in error["source"]


# --- the manifest is checked, never trusted blindly -----------------------------------------------


def test_a_second_run_on_the_same_output_is_refused_while_the_first_holds_it(tmp_path: Path) -> None:
    """The output is locked for the run: another run writing it stops at once with a clear error."""
    write_archive(tmp_path / "in.jsonl", 3)
    out = tmp_path / "out.jsonl"
    with out.open("ab") as held:
        fcntl.flock(held.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)  # as a running batch holds it
        code, err = run_batch(str(tmp_path / "in.jsonl"), "-o", str(out), "-j", "1")
    assert code == 1 and f"another run is writing {out}" in err
    assert out.read_bytes() == b""


def test_two_real_runs_at_once_write_each_article_once(tmp_path: Path) -> None:
    """Two processes on the same output: while the first holds it (here waiting for its archive on
    stdin), the second is refused; then the first finishes, and nothing doubles."""
    ids = write_archive(tmp_path / "in.jsonl", 30)
    out = str(tmp_path / "out.jsonl")
    first = subprocess.Popen(
        [*VNNEWS, "batch", "-", "-o", out, "-j", "1"], env=ENV, stdin=subprocess.PIPE, stderr=subprocess.PIPE
    )
    deadline = time.monotonic() + 60
    while not (tmp_path / "out.manifest.sqlite").exists() and time.monotonic() < deadline:
        time.sleep(0.05)  # the first run has locked the output and opened its manifest
    second = subprocess.run(
        [*VNNEWS, "batch", str(tmp_path / "in.jsonl"), "-o", out, "-j", "1"],
        env=ENV, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    _, stderr = first.communicate((tmp_path / "in.jsonl").read_bytes(), timeout=300)
    assert second.returncode == 1 and "another run is writing" in second.stderr
    assert first.returncode == 0, stderr.decode()
    assert output_ids(tmp_path / "out.jsonl") == ids


def test_a_manifest_describing_another_output_is_refused(tmp_path: Path) -> None:
    """-o out.jsonl then -o out.jsonl.gz share the default manifest: refused, naming the fix; a manifest
    given with another output never truncates that output."""
    write_archive(tmp_path / "in.jsonl", 3)
    assert run_batch(str(tmp_path / "in.jsonl"), "-o", str(tmp_path / "out.jsonl"), "-j", "1")[0] == 0
    code, err = run_batch(str(tmp_path / "in.jsonl"), "-o", str(tmp_path / "out.jsonl.gz"), "-j", "1")
    assert code == 1 and "--manifest" in err and "--force" in err
    assert not (tmp_path / "out.jsonl.gz").exists()
    other = tmp_path / "other.jsonl"
    other.write_text('{"keep": true}\n')
    manifest = str(tmp_path / "out.manifest.sqlite")
    code, err = run_batch(str(tmp_path / "in.jsonl"), "-o", str(other), "--manifest", manifest, "-j", "1")
    assert code == 1 and "describes the run writing" in err
    assert other.read_text() == '{"keep": true}\n'


@pytest.mark.parametrize("change", ["shortened", "deleted", "rewritten"])
def test_an_output_changed_after_the_run_is_refused_not_padded(tmp_path: Path, change: str) -> None:
    """An output shortened, deleted or rewritten after its run is refused on the rerun: never padded
    with NUL bytes, never recreated empty; --force starts over."""
    ids = write_archive(tmp_path / "in.jsonl", 4)
    out = tmp_path / "out.jsonl"
    args = (str(tmp_path / "in.jsonl"), "-o", str(out), "-j", "1")
    assert run_batch(*args)[0] == 0
    data = out.read_bytes()
    if change == "shortened":
        out.write_bytes(data[:100])
    elif change == "deleted":
        out.unlink()
    else:
        out.write_bytes(data.replace(b"a-3", b"b-3"))
    code, err = run_batch(*args)
    assert code == 1 and "--force" in err, err
    if change == "deleted":
        assert not out.exists()
    else:
        assert b"\x00" not in out.read_bytes() and len(out.read_bytes()) <= len(data)
    assert run_batch(*args, "--force")[0] == 0
    assert output_ids(out) == ids


def test_errors_file_left_by_no_manifest_is_not_truncated(tmp_path: Path) -> None:
    """An errors file that no manifest describes is refused like an output, not emptied."""
    write_archive(tmp_path / "in.jsonl", 2)
    (tmp_path / "out.errors.jsonl").write_text("notes\n")
    code, err = run_batch(str(tmp_path / "in.jsonl"), "-o", str(tmp_path / "out.jsonl"), "-j", "1")
    assert code == 1 and "--force" in err
    assert (tmp_path / "out.errors.jsonl").read_text() == "notes\n"


# --- retries -------------------------------------------------------------------------------------


def test_a_rerun_retries_failures_and_the_exit_status_says_what_still_fails(tmp_path: Path) -> None:
    """Failures are tried again on a rerun: a file fixed since is extracted and leaves the errors
    file; one still broken is there once; --no-retry-failed keeps them and still exits 1."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_bytes(b"\x00\x01binary")
    (folder / "b.txt").write_bytes(b"")
    (folder / "c.txt").write_text(SENTENCES[0], encoding="utf-8")
    args = (str(folder), "-o", str(tmp_path / "out.jsonl"), "-j", "1")
    code, _ = run_batch(*args)
    assert code == 1 and len(errors_of(tmp_path / "out.errors.jsonl")) == 2
    (folder / "a.txt").write_text(SENTENCES[1], encoding="utf-8")  # fixed
    code, err = run_batch(*args)
    assert code == 1 and "2 earlier failures retried" in err, err
    assert output_ids(tmp_path / "out.jsonl") == ["c", "a"]
    assert [e["source"] for e in errors_of(tmp_path / "out.errors.jsonl")] == [str(folder / "b.txt")]
    code, err = run_batch(*args, "--no-retry-failed")
    assert code == 1 and "1 earlier failure not retried" in err
    (folder / "b.txt").write_text(SENTENCES[2], encoding="utf-8")
    code, err = run_batch(*args)
    assert code == 0, err
    assert sorted(output_ids(tmp_path / "out.jsonl")) == ["a", "b", "c"]
    assert errors_of(tmp_path / "out.errors.jsonl") == []


# --- bounds ----------------------------------------------------------------------------------------


def test_an_over_long_line_is_skipped_in_bounded_pieces() -> None:
    """A line longer than the cap is reported by its length, without being held whole; the next
    line is read as usual."""
    import io

    stream = io.BytesIO(b"x" * 10_000 + b"\n" + b'{"text": "ok"}\n')
    rows = list(inputs._lines(stream, cap=100))
    assert [(n, raw, size) for n, raw, size in rows] == [(1, None, 10_001), (2, b'{"text": "ok"}\n', 15)]


def test_an_archive_line_over_the_cap_is_one_error(tmp_path: Path, monkeypatch) -> None:
    """An archive whose line exceeds MAX_LINE_BYTES gives a too_large error for that line only."""
    monkeypatch.setattr(inputs, "MAX_LINE_BYTES", 1000)
    archive = tmp_path / "in.jsonl"
    big = json.dumps({"id": "big", "text": "Hội nghị. " * 500}, ensure_ascii=False)
    archive.write_text("\n".join([good_line(0), big, good_line(1)]) + "\n", encoding="utf-8")
    code, _ = run_batch(str(archive), "-o", str(tmp_path / "out.jsonl"), "-j", "1")
    assert code == 1
    assert output_ids(tmp_path / "out.jsonl") == ["g-0", "g-1"]
    assert [e["error"] for e in errors_of(tmp_path / "out.errors.jsonl")] == ["too_large"]


def test_an_archive_of_only_bad_lines_is_written_a_chunk_at_a_time(tmp_path: Path, monkeypatch) -> None:
    """Read failures close a chunk: 2,000 bad lines are committed in bounded chunks, not held to the end."""
    monkeypatch.setattr(batch, "MAX_FAILURES_PER_CHUNK", 50)
    with gzip.open(tmp_path / "in.jsonl.gz", "wt", encoding="utf-8") as f:
        f.writelines("{broken\n" for _ in range(2000))
    sizes: list[int] = []
    real = batch._commit

    def spy(chunk, keys, results, failures, *rest):
        sizes.append(len(chunk) + len(failures))
        return real(chunk, keys, results, failures, *rest)

    options = batch.BatchOptions(
        inputs=(str(tmp_path / "in.jsonl.gz"),), output=str(tmp_path / "o.jsonl"), chunk_size=50
    )
    original, batch._commit = batch._commit, spy
    try:
        summary = batch.run(options)
    finally:
        batch._commit = original
    assert summary.failed == 2000 and max(sizes) == 50


def test_what_is_not_a_regular_file_is_an_error_and_the_files_beside_it_go_on(tmp_path: Path) -> None:
    """A FIFO, a link to /dev/zero and a 10 GB sparse file in a folder are error records (never read);
    the good file beside them is extracted."""
    folder = tmp_path / "in"
    folder.mkdir()
    os.mkfifo(folder / "pipe.txt")
    os.symlink("/dev/zero", folder / "zero.txt")
    with (folder / "sparse.txt").open("wb") as f:
        f.truncate(10 * 1024**3)
    (folder / "tot.txt").write_text(SENTENCES[0], encoding="utf-8")
    code, _ = run_batch(str(folder), "-o", str(tmp_path / "out.jsonl"), "-j", "1")
    assert code == 1
    assert output_ids(tmp_path / "out.jsonl") == ["tot"]
    kinds = {Path(e["source"]).name: e["error"] for e in errors_of(tmp_path / "out.errors.jsonl")}
    assert kinds == {"pipe.txt": "not_a_file", "zero.txt": "not_a_file", "sparse.txt": "too_large"}


def test_a_run_never_reads_its_own_output_errors_or_manifest(tmp_path: Path) -> None:
    """-o inside a folder that is also the input: the rerun leaves the run's own files out."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(SENTENCES[0], encoding="utf-8")
    (folder / "b.jsonl").write_text(good_line(5) + "\n", encoding="utf-8")
    args = (str(folder), "-o", str(folder / "out.jsonl"), "-j", "1")
    assert run_batch(*args)[0] == 0
    code, err = run_batch(*args)
    assert code == 0 and "0 ok, 0 failed, 2 skipped" in err
    assert output_ids(folder / "out.jsonl") == ["a", "g-5"]


def test_the_output_itself_as_an_input_is_refused(tmp_path: Path) -> None:
    """Naming the output as an input is a mistake said plainly."""
    write_archive(tmp_path / "in.jsonl", 2)
    code, err = run_batch(str(tmp_path / "in.jsonl"), "-o", str(tmp_path / "in.jsonl"), "-j", "1")
    assert code == 1 and "cannot also be an input" in err


def test_an_article_past_its_time_limit_is_a_timeout_error(extractor) -> None:
    """The per-article time limit turns a slow article into a `timeout` failure; the next goes on."""
    from vnnews.pipeline.api import ArticleInput, Extractor, Failure

    slow = Extractor(extractor.nlp, timeout=0.01)
    items = [ArticleInput(SENTENCES[0] * 3000, id="slow"), ArticleInput(SENTENCES[1], id="ok")]
    slow.timeout = 0.01
    results = list(slow.extract_many(items[:1]))
    slow.timeout = None
    results += list(slow.extract_many(items[1:]))
    assert isinstance(results[0], Failure) and results[0].kind == "timeout"
    assert results[1].id == "ok"


@pytest.mark.slow
def test_an_article_over_a_million_characters_is_extracted(extractor) -> None:
    """The documented limit is 2,000,000 characters: spaCy's own 1,000,000 does not apply."""
    text = "Hội nghị tổng kết công tác năm 2024 diễn ra tại xã. " * 19_300  # 1,003,600 characters
    assert len(text) > 1_000_000
    record = extractor.extract(text, id="long")
    assert record.id == "long"


def test_a_tag_with_200000_attributes_is_cut_before_parsing() -> None:
    """lxml's duplicate-attribute check is quadratic: such a tag loses its attributes first."""
    from vnnews.pipeline import html

    attrs = " ".join(f'a{i}="v"' for i in range(200_000))
    page = (
        f"<html><body><div {attrs}>x</div><p>{'Hội nghị tổng kết diễn ra sáng nay. ' * 5}</p></body></html>"
    )
    assert html._LONG_TAG.sub(r"<\1>", page).startswith("<html><body><div>x</div>")
    assert "Hội nghị tổng kết" in html.parse(page).text


@pytest.mark.parametrize(
    ("items", "parts"),
    [(["x"] * 20_000, 1), (["tổ chức tập huấn", "trao học bổng", "vận động ủng hộ"], 3)],
    ids=["20000 bare items", "three actions"],
)
def test_a_long_comma_list_is_cut_in_one_pass(run, items: list[str], parts: int) -> None:
    """`Hội nghị gồm: x, x, ...` with 20,000 items gives a record (the splitter counts words as it
    scans instead of copying the rest at every comma: benchmarks/faults.py times it); real actions
    are still cut at their commas."""
    record = run("Hội nghị gồm: " + ", ".join(items) + ".")
    assert len([a for a in record.activities if a.text in items]) in (0, parts)


# --- clear messages for ordinary mistakes ----------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["--scheduler", "tcp://127.0.0.1:9"], 2, "--scheduler needs --engine dask"),
        (["--encoding", "rot13"], 2, "not a text encoding"),
        (["--published", "２０１７"], 2, "not an ISO date"),
        (["--published", "٢٠١٧-٠١-٠١"], 2, "not an ISO date"),
    ],
    ids=["scheduler without dask", "rot13", "fullwidth digits", "arabic-indic digits"],
)
def test_usage_mistakes_exit_2_with_a_message(
    tmp_path: Path, args: list[str], code: int, message: str
) -> None:
    """Options that cannot work are usage errors, said in one line."""
    write_archive(tmp_path / "in.jsonl", 1)
    result = CliRunner().invoke(
        main, ["batch", str(tmp_path / "in.jsonl"), "-o", str(tmp_path / "o.jsonl"), *args]
    )
    assert result.exit_code == code and message in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("published", ["0001-01-01", "9999-12-31"])
def test_extreme_publication_dates_leave_relative_dates_unresolved(tmp_path: Path, published: str) -> None:
    """Relative dates that would leave the years 1-9999 are not resolved; the article is not failed."""
    (tmp_path / "a.txt").write_text(
        "Hôm qua, ngày mai, tuần trước, tuần sau, năm ngoái, năm sau, Hội nghị diễn ra.", encoding="utf-8"
    )
    code, err = run_batch(str(tmp_path / "a.txt"), "-o", str(tmp_path / "o.jsonl"), "--published", published)
    assert code == 0, err
    (record,) = batch.records(str(tmp_path / "o.jsonl"))
    assert all(1 <= int(d["value"][:4]) <= 9999 for d in record["dates"] if d["value"][:1] != "X")


def test_an_output_folder_that_does_not_exist_is_named(tmp_path: Path) -> None:
    """-o into a missing folder says so, without a traceback."""
    write_archive(tmp_path / "in.jsonl", 1)
    code, err = run_batch(str(tmp_path / "in.jsonl"), "-o", str(tmp_path / "nope" / "o.jsonl"))
    assert code == 1 and "the folder does not exist" in err and "internal" not in err


def test_an_output_on_a_full_device_is_a_clear_error(tmp_path: Path) -> None:
    """/dev/full as the output: a write error said plainly, exit 1, no traceback."""
    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full here")
    write_archive(tmp_path / "in.jsonl", 2)
    args = (str(tmp_path / "in.jsonl"), "-o", "/dev/full", "--manifest", str(tmp_path / "m.sqlite"))
    code, err = run_batch(*args, "--errors", str(tmp_path / "e.jsonl"), "-j", "1")
    assert code == 1 and "No space left on device" in err and "internal" not in err


@pytest.mark.slow
def test_an_unreachable_scheduler_is_named(tmp_path: Path) -> None:
    """--engine dask with a scheduler nobody listens at: one clear line, exit 1."""
    pytest.importorskip("distributed")
    write_archive(tmp_path / "in.jsonl", 1)
    code, err = run_batch(
        str(tmp_path / "in.jsonl"),
        "-o",
        str(tmp_path / "o.jsonl"),
        "--engine",
        "dask",
        "--scheduler",
        "tcp://127.0.0.1:9",
    )
    assert code == 1 and "cannot reach the Dask scheduler at tcp://127.0.0.1:9" in err


def test_error_lines_say_the_place_and_the_kind_once(tmp_path: Path) -> None:
    """`vnnews: PLACE: message [kind]`, not `empty: empty: ...` or the path twice."""
    (tmp_path / "empty.txt").write_bytes(b"")
    result = CliRunner().invoke(main, ["extract", str(tmp_path / "empty.txt")])
    (line,) = result.stderr.splitlines()
    assert line == f"vnnews: {tmp_path / 'empty.txt'}: the file is empty [empty]"


def test_trafilatura_log_lines_do_not_reach_stderr(tmp_path: Path) -> None:
    """A page without an article gives vnnews's own error line, and nothing of trafilatura's logging."""
    page = tmp_path / "menu.html"
    page.write_text("<html><body><nav><a href='/'>Trang chủ</a></nav></body></html>", encoding="utf-8")
    proc = subprocess.run(
        [*VNNEWS, "extract", str(page)], env=ENV, capture_output=True, text=True, timeout=120
    )
    assert proc.returncode == 1
    assert [line.split(": ")[0] for line in proc.stderr.splitlines()] == ["vnnews"]


# --- one meaning for --jsonl: input format by content, output format by option ---------------------


def test_an_archive_is_recognized_by_its_content_whatever_its_name(tmp_path: Path) -> None:
    """`extract --jsonl arch.txt` and `cat a.jsonl | extract --jsonl -` read an archive, not one
    article whose text is raw JSON; --input-format text says otherwise."""
    archive = tmp_path / "arch.txt"
    archive.write_text("\n".join(good_line(i) for i in range(3)) + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", "--jsonl", "--no-text", str(archive)])
    assert [json.loads(x)["id"] for x in result.stdout.splitlines()] == ["g-0", "g-1", "g-2"]
    piped = CliRunner().invoke(main, ["extract", "--jsonl", "--no-text", "-"], input=archive.read_bytes())
    assert [json.loads(x)["id"] for x in piped.stdout.splitlines()] == ["g-0", "g-1", "g-2"]
    raw = CliRunner().invoke(
        main, ["extract", "--input-format", "text", "--jsonl", "--no-text", str(archive)]
    )
    assert len(raw.stdout.splitlines()) == 1


def test_batch_reads_an_archive_on_stdin_without_a_flag() -> None:
    """`cat dump.jsonl | vnnews batch -` recognizes the archive by its first line."""
    lines = "".join(good_line(i) + "\n" for i in range(3)).encode()
    result = CliRunner().invoke(main, ["batch", "-", "-j", "1", "--no-text"], input=lines)
    assert result.exit_code == 0, result.stderr
    assert [json.loads(x)["id"] for x in result.stdout.splitlines()] == ["g-0", "g-1", "g-2"]


@pytest.mark.parametrize(
    ("args", "lines"),
    [([], None), (["--output-format", "jsonl"], 1), (["--jsonl"], 1), (["--output-format", "json"], None)],
)
def test_output_format_is_its_own_option(args: list[str], lines: int | None) -> None:
    """One article: indented JSON by default or with json; one line with jsonl or --jsonl."""
    result = CliRunner().invoke(main, ["extract", *args, "--no-text", "-"], input=SENTENCES[0].encode())
    assert result.exit_code == 0
    if lines is None:
        assert result.stdout.startswith("{\n") and json.loads(result.stdout)["id"] is None
    else:
        assert len(result.stdout.splitlines()) == lines


# --- the Python API raises VnnewsError and nothing else --------------------------------------------


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"id": 1.5}, "id must be a string"),
        ({"title": b"bytes"}, "title must be a string"),
        ({"text": "Hội nghị \ud800 diễn ra."}, "lone surrogate"),
        ({"source": "x\udc80"}, "lone surrogate"),
        ({"text": None}, "text must be a string"),
    ],
    ids=["float id", "bytes title", "surrogate in text", "surrogate in source", "no text"],
)
def test_the_api_raises_vnnews_errors_only(extractor, fields: dict, message: str) -> None:
    """Wrong types and lone surrogates are InvalidInput, never ValidationError or UnicodeEncodeError."""
    from vnnews.pipeline.api import ArticleInput
    from vnnews.pipeline.errors import InvalidInput

    item = ArticleInput(**{"text": SENTENCES[0], **fields})
    with pytest.raises(InvalidInput, match=message):
        extractor.extract_item(item)


def test_an_integer_id_becomes_a_string(extractor) -> None:
    """An integer id is what the caller means: the record's id is its digits."""
    from vnnews.pipeline.api import ArticleInput

    assert extractor.extract_item(ArticleInput(SENTENCES[0], id=7)).id == "7"


def test_a_bug_on_one_article_is_an_internal_vnnews_error(extractor, monkeypatch) -> None:
    """An unexpected exception inside extraction comes out as InternalError (a VnnewsError)."""
    from vnnews.pipeline import api
    from vnnews.pipeline.errors import InternalError

    def broken(doc, item):
        raise KeyError("boom")

    monkeypatch.setattr(api, "assemble", broken)
    with pytest.raises(InternalError, match="KeyError"):
        extractor.extract(SENTENCES[0])


# --- real processes: signals, orphans, the terminal ------------------------------------------------


def _children(pid: int) -> list[int]:
    found = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True).stdout.split()
    return [int(p) for p in found]


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().split()[2] != "Z"
    except OSError:
        return False


def _start_two_workers(tmp_path: Path) -> tuple[subprocess.Popen, list[int], list[str]]:
    ids = write_archive(tmp_path / "in.jsonl", 600)
    cmd = [
        *VNNEWS,
        "batch",
        str(tmp_path / "in.jsonl"),
        "-o",
        str(tmp_path / "out.jsonl"),
        "-j",
        "2",
        "--chunk-size",
        "4",
    ]
    proc = subprocess.Popen(cmd, env=ENV, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if (tmp_path / "out.jsonl").exists() and (tmp_path / "out.jsonl").stat().st_size > 0:
            break
        time.sleep(0.1)
    workers = [p for p in _children(proc.pid) if _alive(p)]
    return proc, workers, ids


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_sigterm_stops_like_ctrl_c_and_the_rerun_finishes_exactly_once(tmp_path: Path) -> None:
    """SIGTERM: a message, exit 143, no worker left; the same command again completes the output."""
    proc, workers, ids = _start_two_workers(tmp_path)
    assert workers, "the batch started no worker processes"
    proc.send_signal(signal.SIGTERM)
    proc.wait(timeout=60)
    assert proc.returncode == 143
    assert "run the same command again" in proc.stderr.read()
    deadline = time.monotonic() + 10
    while any(_alive(w) for w in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(_alive(w) for w in workers)
    done = subprocess.run(proc.args, env=ENV, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert output_ids(tmp_path / "out.jsonl") == ids


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_workers_die_with_a_killed_parent(tmp_path: Path) -> None:
    """kill -9 of the batch leaves no worker behind holding memory and the manifest."""
    proc, workers, _ = _start_two_workers(tmp_path)
    assert workers
    proc.kill()
    proc.wait(timeout=30)
    deadline = time.monotonic() + 10
    while any(_alive(w) for w in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(_alive(w) for w in workers)


def test_progress_bar_on_a_terminal_shows_rate_and_eta(tmp_path: Path) -> None:
    """With stderr on a pseudo-terminal the batch draws a bar with its rate and, once the inputs are
    counted, a total and an ETA; it finishes with exit 0."""
    import pty

    write_archive(tmp_path / "in.jsonl", 120)
    master, slave = pty.openpty()
    cmd = [
        *VNNEWS,
        "batch",
        str(tmp_path / "in.jsonl"),
        "-o",
        str(tmp_path / "out.jsonl"),
        "-j",
        "1",
        "--chunk-size",
        "4",
    ]
    proc = subprocess.Popen(cmd, env=ENV, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=slave)
    os.close(slave)
    seen = b""
    while True:
        try:
            data = os.read(master, 4096)
        except OSError:  # the terminal closed with the process
            break
        if not data:
            break
        seen += data
    os.close(master)
    assert proc.wait(timeout=120) == 0
    screen = seen.decode("utf-8", "replace")
    assert "articles/s" in screen
    assert "/120 [" in screen and "<" in screen  # total known: "n/120 [elapsed<eta"
    assert "120 ok, 0 failed" in screen


# --- found by a new user's trial -----------------------------------------------------------------


@pytest.mark.parametrize("same", ["output", "errors"])
def test_a_manifest_named_like_the_output_or_the_errors_file_is_refused(tmp_path: Path, same: str) -> None:
    """--manifest naming the output (or the errors file) would turn it into a database: refused."""
    write_archive(tmp_path / "in.jsonl", 2)
    target = str(tmp_path / ("out.jsonl" if same == "output" else "e.jsonl"))
    args = ["-o", str(tmp_path / "out.jsonl"), "--errors", str(tmp_path / "e.jsonl"), "--manifest", target]
    code, err = run_batch(str(tmp_path / "in.jsonl"), *args, "-j", "1")
    assert code == 1 and "must be different files" in err
    assert not Path(target).exists() or Path(target).read_bytes()[:6] != b"SQLite"


def test_an_empty_errors_file_of_another_run_is_not_taken_over(tmp_path: Path) -> None:
    """Run B with its own manifest but run A's (still empty) errors file is refused: A's rerun would
    otherwise cut B's error records."""
    write_archive(tmp_path / "a.jsonl", 2)
    assert run_batch(str(tmp_path / "a.jsonl"), "-o", str(tmp_path / "x.jsonl"), "-j", "1")[0] == 0
    assert (tmp_path / "x.errors.jsonl").read_bytes() == b""
    args = ("-o", str(tmp_path / "x.jsonl.gz"), "--manifest", str(tmp_path / "y.sqlite"), "-j", "1")
    code, err = run_batch(str(tmp_path / "a.jsonl"), *args)
    assert code == 1 and "x.errors.jsonl exists" in err and "--errors FILE" in err


def test_errors_dash_means_standard_error() -> None:
    """--errors - writes the error records on stderr, like -o - writes records on stdout."""
    lines = (good_line(0) + "\n{broken\n").encode()
    result = CliRunner().invoke(main, ["batch", "-", "-o", "-", "--errors", "-", "-j", "1"], input=lines)
    assert result.exit_code == 1
    assert [json.loads(x)["id"] for x in result.stdout.splitlines()] == ["g-0"]
    assert '"error": "bad_archive_line"' in result.stderr
    assert not Path("-").exists()


def test_an_archive_whose_first_line_is_broken_is_still_an_archive() -> None:
    """A bad first line does not turn the archive on stdin into one article: later lines decide."""
    lines = ("not json\n" + "".join(good_line(i) + "\n" for i in range(3))).encode()
    result = CliRunner().invoke(main, ["batch", "-", "-j", "1", "--no-text"], input=lines)
    assert result.exit_code == 1
    assert [json.loads(x)["id"] for x in result.stdout.splitlines()] == ["g-0", "g-1", "g-2"]


def test_a_gzipped_archive_on_stdin_is_read() -> None:
    """`vnnews batch - < dump.jsonl.gz`: gzip is recognized by its first bytes."""
    data = gzip.compress("".join(good_line(i) + "\n" for i in range(2)).encode())
    result = CliRunner().invoke(main, ["batch", "-", "-j", "1", "--no-text"], input=data)
    assert result.exit_code == 0, result.stderr
    assert [json.loads(x)["id"] for x in result.stdout.splitlines()] == ["g-0", "g-1"]


def test_a_rejected_line_keeps_its_id_in_the_error_record(tmp_path: Path) -> None:
    """An object with a good id and a bad other field: its error record names the id."""
    archive = tmp_path / "in.jsonl"
    archive.write_text('{"id": "s2", "title": 5.5, "text": "Hội nghị."}\n', encoding="utf-8")
    run_batch(str(archive), "-o", str(tmp_path / "out.jsonl"), "-j", "1")
    (error,) = errors_of(tmp_path / "out.errors.jsonl")
    assert error["id"] == "s2" and error["source"] == f"{archive}:1"


def test_error_records_follow_the_input_order(tmp_path: Path) -> None:
    """Read failures and extraction failures of one chunk come out in the order of their lines."""
    archive = tmp_path / "in.jsonl"
    rows = [
        good_line(0),
        '{"id": "e1", "text": "   "}',
        "{broken",
        good_line(1),
        '{"id": "e2", "text": ""}',
        "{x",
    ]
    archive.write_text("\n".join(rows) + "\n", encoding="utf-8")
    run_batch(str(archive), "-o", str(tmp_path / "out.jsonl"), "-j", "1")
    errors = errors_of(tmp_path / "out.errors.jsonl")
    assert [e["source"].rsplit(":", 1)[1] if e["id"] is None else e["id"] for e in errors] == [
        "e1",
        "3",
        "e2",
        "6",
    ]


def test_published_applies_to_archive_lines_without_a_date(tmp_path: Path) -> None:
    """--published fills in archive lines that give none, and leaves the others as they are."""
    archive = tmp_path / "in.jsonl"
    archive.write_text(
        json.dumps({"id": "a", "text": SENTENCES[0]})
        + "\n"
        + json.dumps({"id": "b", "text": SENTENCES[1], "published": "2020"})
        + "\n",
        encoding="utf-8",
    )
    run_batch(str(archive), "-o", str(tmp_path / "out.jsonl"), "--published", "2025-01-02", "-j", "1")
    assert [r["published"] for r in batch.records(str(tmp_path / "out.jsonl"))] == ["2025-01-02", "2020"]


def test_a_broken_data_file_stops_the_run_once(tmp_path: Path, monkeypatch) -> None:
    """A vocabulary file that fails validation is one run error, not an error record per article."""
    from vnnews.extractors import lexicon
    from vnnews.pipeline import api

    def broken(*args, **kwargs):
        raise lexicon.LexiconError("role_cues.tsv:3: expected 2-2 tab-separated columns")

    monkeypatch.setattr(api, "_default", None)
    monkeypatch.setattr(api, "Extractor", broken)
    write_archive(tmp_path / "in.jsonl", 3)
    code, err = run_batch(str(tmp_path / "in.jsonl"), "-o", str(tmp_path / "out.jsonl"), "-j", "1")
    assert code == 1 and "the vocabulary cannot be loaded: role_cues.tsv:3" in err
    assert errors_of(tmp_path / "out.errors.jsonl") == []


def test_a_run_killed_before_writing_its_manifest_is_resumed(tmp_path: Path) -> None:
    """A run killed between creating its files and writing its manifest leaves an empty manifest
    beside empty outputs: the next run knows them for its own and finishes."""
    ids = write_archive(tmp_path / "in.jsonl", 3)
    for name in ("out.jsonl", "out.errors.jsonl", "out.manifest.sqlite"):
        (tmp_path / name).write_bytes(b"")
    code, err = run_batch(str(tmp_path / "in.jsonl"), "-o", str(tmp_path / "out.jsonl"), "-j", "1")
    assert code == 0, err
    assert output_ids(tmp_path / "out.jsonl") == ids


@pytest.mark.parametrize("manifest", [None, b"x"], ids=["no-manifest", "foreign-content"])
def test_an_empty_output_no_manifest_claims_is_refused(tmp_path: Path, manifest: bytes | None) -> None:
    """An empty output with no manifest of this run, or a non-empty output beside an empty
    manifest, is not taken over without --force."""
    write_archive(tmp_path / "in.jsonl", 2)
    (tmp_path / "out.jsonl").write_bytes(b"" if manifest is None else b'{"id": "other"}\n')
    if manifest is not None:
        (tmp_path / "out.manifest.sqlite").write_bytes(b"")
    code, err = run_batch(str(tmp_path / "in.jsonl"), "-o", str(tmp_path / "out.jsonl"), "-j", "1")
    assert code == 1 and "no manifest of this run records what it holds" in err


def test_a_refused_run_leaves_no_manifest_behind(tmp_path: Path) -> None:
    """A run refused before it starts (another run's output) removes the empty manifest it created."""
    write_archive(tmp_path / "in.jsonl", 2)
    (tmp_path / "out.jsonl").write_bytes(b'{"id": "other"}\n')
    code, _ = run_batch(str(tmp_path / "in.jsonl"), "-o", str(tmp_path / "out.jsonl"), "-j", "1")
    assert code == 1
    assert not (tmp_path / "out.manifest.sqlite").exists()
