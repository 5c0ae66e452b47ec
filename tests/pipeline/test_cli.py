"""Tests of the `vnnews` command line through click's CliRunner."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from tests.conftest import SAMPLES
from vnnews.pipeline.cli import main

SAMPLE = SAMPLES / "lam-viec.txt"
OTHER = SAMPLES / "le-ky-ket.txt"
ARCHIVE = SAMPLES / "archive.jsonl"
STDIN_ARTICLE = (
    "Hà Tĩnh tổng kết năm 2024\n\nSáng 10/4, UBND tỉnh Hà Tĩnh tổ chức hội nghị tổng kết.\n\nMinh Châu\n"
)


def first_line(path: Path) -> str:
    """The title line of a sample article."""
    return path.read_text("utf-8").splitlines()[0].strip()


def invoke(*args: str, stdin: bytes | str | None = None) -> Result:
    """Run `vnnews ARGS` in-process, stdout and stderr kept apart."""
    return CliRunner().invoke(main, list(args), input=stdin)


def json_lines(output: str) -> list[dict]:
    """The JSON objects of JSON Lines output, one per line."""
    return [json.loads(line) for line in output.splitlines()]


def assert_one_line_error(result: Result, *fragments: str) -> None:
    """Exit 1, nothing on stdout, one line on stderr with the fragments and no traceback."""
    assert result.exit_code == 1, result.output
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("vnnews: ")
    assert "Traceback" not in result.stderr
    for fragment in fragments:
        assert fragment in lines[0]


def test_extract_one_file_prints_one_indented_json_object() -> None:
    """A single .txt prints pretty JSON: one object with the file's title."""
    result = invoke("extract", str(SAMPLE))
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("{\n  ")
    record = json.loads(result.stdout)
    assert isinstance(record, dict)
    assert record["title"] == first_line(SAMPLE)
    assert record["id"] == SAMPLE.stem
    assert record["source"] == str(SAMPLE)
    assert "text" in record
    assert result.stderr == ""


def test_output_keeps_vietnamese_letters_unescaped() -> None:
    """JSON is written with real Vietnamese characters, not \\u escapes."""
    result = invoke("extract", str(SAMPLE))
    assert first_line(SAMPLE) in result.stdout


def test_jsonl_flag_prints_one_line_per_article() -> None:
    """--jsonl prints a single article as one JSON line."""
    result = invoke("extract", "--jsonl", str(SAMPLE))
    assert result.exit_code == 0, result.stderr
    records = json_lines(result.stdout)
    assert len(records) == 1
    assert records[0]["title"] == first_line(SAMPLE)


def test_two_files_print_two_json_lines_in_order() -> None:
    """Several inputs print JSON Lines, in argument order."""
    result = invoke("extract", str(SAMPLE), str(OTHER))
    assert result.exit_code == 0, result.stderr
    records = json_lines(result.stdout)
    assert [r["title"] for r in records] == [first_line(SAMPLE), first_line(OTHER)]


def test_archive_prints_one_line_per_object() -> None:
    """Each object of a .jsonl archive is one output line, in order, with its own id and date."""
    objects = [json.loads(line) for line in ARCHIVE.read_text("utf-8").splitlines() if line.strip()]
    result = invoke("extract", str(ARCHIVE))
    assert result.exit_code == 0, result.stderr
    records = json_lines(result.stdout)
    assert [r["id"] for r in records] == [o["id"] for o in objects]
    assert [r["title"] for r in records] == [o["title"] for o in objects]
    assert [r["published"] for r in records] == [o["published"] for o in objects]


def test_published_option_is_applied_to_the_record() -> None:
    """--published 2025-04-15 becomes the record's published field."""
    result = invoke("extract", "--published", "2025-04-15", str(SAMPLE))
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["published"] == "2025-04-15"


def test_without_published_the_field_is_null() -> None:
    """No --published means published is null."""
    result = invoke("extract", str(SAMPLE))
    assert json.loads(result.stdout)["published"] is None


@pytest.mark.parametrize("value", ["15/04/2025", "2025-13", "2025-02-30", "hôm qua"])
def test_bad_published_exits_2_with_a_message(value: str) -> None:
    """An invalid --published is a usage error naming the option and the value."""
    result = invoke("extract", "--published", value, str(SAMPLE))
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "--published" in result.stderr
    assert value in result.stderr
    assert "Traceback" not in result.stderr


def test_missing_file_exits_1_with_one_line_on_stderr(tmp_path: Path) -> None:
    """A path that does not exist: exit 1, one-line message, no traceback."""
    missing = tmp_path / "khong-co.txt"
    assert_one_line_error(invoke("extract", str(missing)), str(missing), "no such file")


def test_empty_file_exits_1_with_one_line_on_stderr(tmp_path: Path) -> None:
    """An empty file: exit 1, one-line message, no traceback."""
    empty = tmp_path / "rong.txt"
    empty.write_text("", encoding="utf-8")
    assert_one_line_error(invoke("extract", str(empty)), "rong", "empty")


def test_whitespace_only_file_exits_1_with_one_line_on_stderr(tmp_path: Path) -> None:
    """A file of blank lines is empty too."""
    blank = tmp_path / "trang.txt"
    blank.write_text("  \n\n\t\n", encoding="utf-8")
    assert_one_line_error(invoke("extract", str(blank)), "trang", "empty")


def test_good_file_is_printed_even_when_another_is_missing(tmp_path: Path) -> None:
    """The good article is written; the missing one is reported and the exit code is 1."""
    missing = tmp_path / "khong-co.txt"
    result = invoke("extract", str(SAMPLE), str(missing))
    assert result.exit_code == 1
    assert [r["title"] for r in json_lines(result.stdout)] == [first_line(SAMPLE)]
    assert len(result.stderr.strip().splitlines()) == 1
    assert "no such file" in result.stderr


def test_dash_reads_the_article_from_stdin() -> None:
    """`-` extracts the article given on standard input."""
    result = invoke("extract", "--published", "2025-04-10", "-", stdin=STDIN_ARTICLE.encode("utf-8"))
    assert result.exit_code == 0, result.stderr
    record = json.loads(result.stdout)
    assert record["title"] == "Hà Tĩnh tổng kết năm 2024"
    assert record["source"] == "<stdin>"
    assert record["published"] == "2025-04-10"


def test_empty_stdin_exits_1_with_one_line_on_stderr() -> None:
    """Nothing on stdin is an empty article."""
    assert_one_line_error(invoke("extract", "-", stdin=b""), "<stdin>", "empty")


def test_schema_prints_the_json_schema() -> None:
    """`vnnews schema` prints a JSON Schema with the record's properties."""
    result = invoke("schema")
    assert result.exit_code == 0, result.stderr
    schema = json.loads(result.stdout)
    assert "properties" in schema
    assert {"title", "dates", "people", "organizations", "activities", "text"} <= set(schema["properties"])


def test_no_text_drops_the_text_field() -> None:
    """--no-text leaves the article text out; the other fields stay."""
    result = invoke("extract", "--no-text", str(SAMPLE))
    assert result.exit_code == 0, result.stderr
    record = json.loads(result.stdout)
    assert "text" not in record
    assert record["title"] == first_line(SAMPLE)


def test_no_text_applies_to_every_json_line() -> None:
    """--no-text with several inputs drops text from each line."""
    result = invoke("extract", "--no-text", str(SAMPLE), str(OTHER))
    assert result.exit_code == 0, result.stderr
    assert all("text" not in r for r in json_lines(result.stdout))


def test_extract_without_paths_is_a_usage_error() -> None:
    """`vnnews extract` with no argument exits 2."""
    result = invoke("extract")
    assert result.exit_code == 2
    assert "PATHS" in result.stderr
