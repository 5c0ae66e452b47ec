"""vnnews batch: inputs, order, errors, resume, exactly-once output, HTML pages and the Dask engine."""

from __future__ import annotations

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

from tests.conftest import ROOT, SAMPLES
from vnnews.pipeline import batch
from vnnews.pipeline.cli import main

SENTENCES = [
    "Sáng 12/4, Hội Nông dân tỉnh tổ chức hội nghị sơ kết quý I/2025.",
    "Chiều 3/5, Công an huyện ra quân bảo đảm an toàn giao thông.",
    "Ngày 20/6, đồng chí Lê Văn Hải – Bí thư Huyện ủy dự lễ khánh thành cầu dân sinh.",
    "Tối 8/7, Tỉnh đoàn phát động chiến dịch Thanh niên tình nguyện hè năm 2025.",
]


def write_archive(path: Path, n: int, gz: bool = False, bad_lines: tuple[int, ...] = ()) -> list[str]:
    """An archive of n small articles (ids a-0 ... ); returns the ids of the good ones."""
    lines, ids = [], []
    for i in range(n):
        if i in bad_lines:
            lines.append("{not json")
            continue
        ids.append(f"a-{i}")
        text = f"Bài số {i}. " + SENTENCES[i % len(SENTENCES)]
        lines.append(json.dumps({"id": f"a-{i}", "text": text, "published": "2025"}, ensure_ascii=False))
    data = ("\n".join(lines) + "\n").encode("utf-8")
    path.write_bytes(gzip.compress(data) if gz else data)
    return ids


def run_batch(*args: str) -> tuple[int, str]:
    """Run `vnnews batch ARGS` in-process; (exit code, stderr)."""
    result = CliRunner().invoke(main, ["batch", *args])
    return result.exit_code, result.stderr


def output_ids(path: Path) -> list[str]:
    """Ids of the records in an output file, in order."""
    return [r["id"] for r in batch.records(str(path))]


def test_archive_records_come_out_once_each_in_input_order(tmp_path: Path) -> None:
    """Every article of an archive is one output record, in the archive's order."""
    ids = write_archive(tmp_path / "in.jsonl", 10)
    code, err = run_batch(str(tmp_path / "in.jsonl"), "-o", str(tmp_path / "out.jsonl"), "-j", "1")
    assert code == 0, err
    assert output_ids(tmp_path / "out.jsonl") == ids
    assert "10 ok, 0 failed, 0 skipped" in err


def test_gzipped_archive_in_gzipped_output_out(tmp_path: Path) -> None:
    """.jsonl.gz is read, and an output named .gz is written compressed."""
    ids = write_archive(tmp_path / "in.jsonl.gz", 7, gz=True)
    code, err = run_batch(str(tmp_path / "in.jsonl.gz"), "-o", str(tmp_path / "out.jsonl.gz"), "-j", "1")
    assert code == 0, err
    assert output_ids(tmp_path / "out.jsonl.gz") == ids


def test_folder_is_walked_recursively_with_glob(tmp_path: Path) -> None:
    """Folders are read recursively in sorted order, keeping only the names the glob matches."""
    (tmp_path / "in" / "b").mkdir(parents=True)
    (tmp_path / "in" / "a.txt").write_text("Tin một\n\n" + SENTENCES[0], encoding="utf-8")
    (tmp_path / "in" / "b" / "c.txt").write_text("Tin hai\n\n" + SENTENCES[1], encoding="utf-8")
    (tmp_path / "in" / "b" / "note.md").write_text("không phải bài báo", encoding="utf-8")
    code, err = run_batch(str(tmp_path / "in"), "-o", str(tmp_path / "out.jsonl"), "--glob", "*.txt")
    assert code == 0, err
    assert output_ids(tmp_path / "out.jsonl") == ["a", "c"]


def test_bad_articles_go_to_the_errors_file_and_the_run_goes_on(tmp_path: Path) -> None:
    """A broken line or an empty text is an error record with its kind; the others still come out."""
    ids = write_archive(tmp_path / "in.jsonl", 6, bad_lines=(2,))
    with (tmp_path / "in.jsonl").open("a", encoding="utf-8") as f:
        f.write(json.dumps({"id": "empty", "text": "   "}) + "\n")
    code, err = run_batch(str(tmp_path / "in.jsonl"), "-o", str(tmp_path / "out.jsonl"), "-j", "1")
    assert code == 1
    assert "5 ok, 2 failed" in err
    assert output_ids(tmp_path / "out.jsonl") == ids
    errors = [json.loads(line) for line in (tmp_path / "out.errors.jsonl").read_text().splitlines()]
    assert {e["error"] for e in errors} == {"bad_archive_line", "empty"}
    assert all({"id", "source", "error", "message"} <= set(e) for e in errors)


def test_second_run_skips_what_is_done(tmp_path: Path) -> None:
    """Running the same command again writes nothing new and says what it skipped."""
    write_archive(tmp_path / "in.jsonl", 5)
    args = (str(tmp_path / "in.jsonl"), "-o", str(tmp_path / "out.jsonl"), "-j", "1")
    assert run_batch(*args)[0] == 0
    code, err = run_batch(*args)
    assert code == 0
    assert "0 ok, 0 failed, 5 skipped" in err
    assert len(output_ids(tmp_path / "out.jsonl")) == 5


def test_new_articles_in_a_grown_archive_are_added_once(tmp_path: Path) -> None:
    """An archive that grew between runs gets only its new articles appended."""
    write_archive(tmp_path / "in.jsonl", 4)
    args = (str(tmp_path / "in.jsonl"), "-o", str(tmp_path / "out.jsonl"), "-j", "1")
    run_batch(*args)
    ids = write_archive(tmp_path / "in.jsonl", 9)
    code, err = run_batch(*args)
    assert code == 0, err
    assert "5 ok, 0 failed, 4 skipped" in err, err
    assert sorted(output_ids(tmp_path / "out.jsonl")) == sorted(ids)


def test_output_without_manifest_is_not_overwritten(tmp_path: Path) -> None:
    """An existing output that no manifest describes is refused unless --force."""
    write_archive(tmp_path / "in.jsonl", 2)
    (tmp_path / "out.jsonl").write_text("keep me\n")
    code, err = run_batch(str(tmp_path / "in.jsonl"), "-o", str(tmp_path / "out.jsonl"))
    assert code == 1 and "--force" in err
    assert (tmp_path / "out.jsonl").read_text() == "keep me\n"
    code, _ = run_batch(str(tmp_path / "in.jsonl"), "-o", str(tmp_path / "out.jsonl"), "--force", "-j", "1")
    assert code == 0 and len(output_ids(tmp_path / "out.jsonl")) == 2


def test_duplicate_ids_keep_both_articles_and_are_reported(tmp_path: Path) -> None:
    """Two different articles under one id are both kept; the same article twice is written once."""
    rows = [
        {"id": "x", "text": SENTENCES[0]},
        {"id": "x", "text": SENTENCES[1]},
        {"id": "y", "text": SENTENCES[2]},
        {"id": "y", "text": SENTENCES[2]},
    ]
    (tmp_path / "in.jsonl").write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n")
    code, err = run_batch(str(tmp_path / "in.jsonl"), "-o", str(tmp_path / "out.jsonl"), "-j", "1")
    assert code == 0, err
    assert output_ids(tmp_path / "out.jsonl") == ["x", "x", "y"]
    assert "1 skipped" in err and "1 id names different articles (all kept): x" in err


def test_html_page_metadata_fills_the_record(tmp_path: Path) -> None:
    """A saved page goes through trafilatura: its title, author and date fill the record."""
    code, err = run_batch(str(SAMPLES / "bien-phong.html"), "-o", str(tmp_path / "out.jsonl"), "-j", "1")
    assert code == 0, err
    (record,) = list(batch.records(str(tmp_path / "out.jsonl")))
    assert record["title"].startswith("Bộ đội Biên phòng Cao Bằng")
    assert record["published"] == "2025-04-14"
    assert record["author"]
    assert "Trang chủ" not in record["text"]  # the navigation menu is not article text


def test_html_page_without_article_is_a_clear_error(tmp_path: Path) -> None:
    """A page with only navigation yields an html_no_article error, not an empty record."""
    page = tmp_path / "menu.html"
    page.write_text(
        "<html><head><title>x</title></head><body><nav><a href='/'>Trang chủ</a></nav></body></html>"
    )
    code, err = run_batch(str(page), "-o", str(tmp_path / "out.jsonl"), "-j", "1")
    assert code == 1, err
    (error,) = [json.loads(line) for line in (tmp_path / "out.errors.jsonl").read_text().splitlines()]
    assert error["error"] == "html_no_article"


def test_stdin_archive_streams_records_to_stdout() -> None:
    """`vnnews batch --jsonl -` reads archive lines on stdin and writes records on stdout."""
    lines = "".join(
        json.dumps({"id": f"s{i}", "text": s}, ensure_ascii=False) + "\n" for i, s in enumerate(SENTENCES)
    )
    result = CliRunner().invoke(main, ["batch", "--jsonl", "-", "-j", "1", "--no-text"], input=lines.encode())
    assert result.exit_code == 0, result.stderr
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == ["s0", "s1", "s2", "s3"]


def test_parallel_workers_give_the_same_output_as_one(tmp_path: Path) -> None:
    """-j 2 writes the same records in the same order as -j 1."""
    write_archive(tmp_path / "in.jsonl", 12)
    run_batch(str(tmp_path / "in.jsonl"), "-o", str(tmp_path / "one.jsonl"), "-j", "1", "--chunk-size", "3")
    run_batch(str(tmp_path / "in.jsonl"), "-o", str(tmp_path / "two.jsonl"), "-j", "2", "--chunk-size", "3")
    one = list(batch.records(str(tmp_path / "one.jsonl")))
    assert one == list(batch.records(str(tmp_path / "two.jsonl")))
    assert len(one) == 12


def test_dask_local_cluster_gives_the_same_output(tmp_path: Path) -> None:
    """--engine dask (a LocalCluster) runs the same per-chunk function: same records, same order."""
    pytest.importorskip("distributed")
    write_archive(tmp_path / "in.jsonl", 8)
    options = batch.BatchOptions(
        inputs=(str(tmp_path / "in.jsonl"),),
        output=str(tmp_path / "dask.jsonl"),
        jobs=2,
        engine="dask",
        chunk_size=2,
    )
    summary = batch.run(options)
    assert summary.ok == 8
    local = batch.BatchOptions(
        inputs=options.inputs, output=str(tmp_path / "local.jsonl"), jobs=1, chunk_size=2
    )
    batch.run(local)
    assert list(batch.records(options.output)) == list(batch.records(local.output))


def test_a_torn_tail_from_a_killed_run_is_cut_on_resume(tmp_path: Path) -> None:
    """Bytes written after the last committed chunk (a run killed mid-write) are dropped on resume."""
    ids = write_archive(tmp_path / "in.jsonl", 6)
    args = (str(tmp_path / "in.jsonl"), "-o", str(tmp_path / "out.jsonl"), "-j", "1")
    run_batch(*args)
    with (tmp_path / "out.jsonl").open("a") as f:
        f.write('{"id": "a-99", "half a rec')
    run_batch(*args)
    assert output_ids(tmp_path / "out.jsonl") == ids


def test_full_disk_stops_with_a_clear_message_and_resumes(tmp_path: Path, monkeypatch) -> None:
    """A write that fails (disk full) stops the run with a readable error; the next run finishes it."""
    ids = write_archive(tmp_path / "in.jsonl", 8)
    real_write = batch.Sink.write
    calls = {"n": 0}

    def flaky(self, lines):
        if self.path and self.path.endswith("out.jsonl"):
            calls["n"] += 1
        if calls["n"] == 2 and self.path and self.path.endswith("out.jsonl"):
            with open(self.path, "ab") as f:
                f.write(b'{"id": "torn')  # part of the chunk reached the disk before it filled up
            raise OSError(28, "No space left on device")
        return real_write(self, lines)

    monkeypatch.setattr(batch.Sink, "write", flaky)
    args = (str(tmp_path / "in.jsonl"), "-o", str(tmp_path / "out.jsonl"), "-j", "1", "--chunk-size", "2")
    code, err = run_batch(*args)
    assert code == 1 and "No space left on device" in err and "run the same command again" in err
    monkeypatch.setattr(batch.Sink, "write", real_write)
    code, err = run_batch(*args)
    assert code == 0, err
    assert output_ids(tmp_path / "out.jsonl") == ids


def test_worker_killed_mid_run_loses_and_duplicates_nothing(tmp_path: Path, monkeypatch) -> None:
    """A worker process that dies is replaced and its chunk redone: every article exactly once."""
    ids = write_archive(tmp_path / "in.jsonl", 12)
    marker = tmp_path / "killed-once"
    monkeypatch.setenv("VNNEWS_TEST_KILL_ONCE", str(marker))
    options = batch.BatchOptions(
        inputs=(str(tmp_path / "in.jsonl"),), output=str(tmp_path / "out.jsonl"), jobs=2, chunk_size=3
    )
    monkeypatch.setattr(batch, "process_chunk", _kill_first_worker_once)
    summary = batch.run(options)
    assert marker.exists()  # a worker really died
    assert summary.retried_chunks >= 1
    assert output_ids(tmp_path / "out.jsonl") == ids


def _kill_first_worker_once(items, include_text=True, timeout=None):
    """process_chunk, except that the first call in any worker kills that worker."""
    marker = os.environ.get("VNNEWS_TEST_KILL_ONCE")
    if marker and not os.path.exists(marker):
        Path(marker).write_text("x")
        os.kill(os.getpid(), signal.SIGKILL)
    return batch.__dict__["_real_process_chunk"](items, include_text, timeout)


batch._real_process_chunk = batch.process_chunk  # type: ignore[attr-defined]


@pytest.mark.slow
@pytest.mark.parametrize("seed", range(5))
def test_batch_killed_at_random_moments_finishes_exactly_once(tmp_path: Path, seed: int) -> None:
    """Fault injection: the batch process is killed at a random moment, again and again, then finishes;
    the output holds each input article exactly once."""
    import random

    rng = random.Random(seed)
    ids = write_archive(tmp_path / "in.jsonl", 60)
    cmd = [
        sys.executable, "-m", "vnnews.pipeline.cli", "batch", str(tmp_path / "in.jsonl"),
        "-o", str(tmp_path / "out.jsonl.gz"), "-j", "1", "--chunk-size", "4", "--no-text",
    ]  # fmt: skip
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    for _ in range(3):
        proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.3, 2.5))
        proc.kill()
        proc.wait()
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert output_ids(tmp_path / "out.jsonl.gz") == ids
