"""Tests of pipeline.inputs: decoding bytes, reading .txt files, JSON Lines archives and stdin."""

from __future__ import annotations

import codecs
import gzip
import io
import json
import sys
from pathlib import Path

import pytest

from vnnews.pipeline.api import ArticleInput, Failure
from vnnews.pipeline.errors import BinaryInput, DecodeError
from vnnews.pipeline.inputs import decode, is_archive, read_inputs
from vnnews.pipeline.options import ReadOptions

TEXT = "Hội nghị tổng kết công tác năm 2024 của Ủy ban nhân dân tỉnh Hà Tĩnh."
ARTICLE = "Hà Tĩnh tổng kết năm 2024\n\nSáng 10/4, UBND tỉnh tổ chức hội nghị tổng kết.\n\nMinh Châu\n"


# --- decode -------------------------------------------------------------------------------

DECODE_CASES = [
    ("utf8", TEXT.encode("utf-8")),
    ("utf8_bom", codecs.BOM_UTF8 + TEXT.encode("utf-8")),
    ("utf16_le_bom", codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le")),
    ("utf16_be_bom", codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be")),
]


@pytest.mark.parametrize(("data"), [d for _, d in DECODE_CASES], ids=[n for n, _ in DECODE_CASES])
def test_decode_reads_utf8_and_bom_marked_utf16(data: bytes) -> None:
    """UTF-8 with or without BOM and UTF-16 LE/BE with BOM decode to the same text, BOM dropped."""
    assert decode(data, "bai.txt") == TEXT


def test_decode_of_no_bytes_is_the_empty_string() -> None:
    """An empty file decodes to ''."""
    assert decode(b"", "rong.txt") == ""


@pytest.mark.parametrize(
    "data",
    [
        b"PK\x03\x04\x00\x00binary",
        "Hội nghị".encode() + b"\x00" + "tổng kết".encode(),
        TEXT.encode("utf-16-le"),
    ],
    ids=["zip_header", "nul_inside_text", "utf16_without_bom"],
)
def test_decode_rejects_nul_bytes_as_binary(data: bytes) -> None:
    """NUL bytes without a UTF-16 BOM mean a binary file."""
    with pytest.raises(BinaryInput, match=r"^bai\.txt: binary"):
        decode(data, "bai.txt")


INVALID_CASES = [
    ("bad_start_byte", "Hội nghị".encode() + b"\xff" + b" tong ket", len("Hội nghị".encode())),
    ("latin1_not_vietnamese", "Grüße aus München, Straße".encode("latin-1"), 2),
    ("truncated_sequence", "Đại hộ".encode()[:-1] + b"i Doan", len("Đại h".encode())),
    ("utf16_lone_surrogate", codecs.BOM_UTF16_LE + "Hội".encode("utf-16-le") + b"\x00\xdc", 8),
]


@pytest.mark.parametrize(
    ("data", "offset"), [(d, o) for _, d, o in INVALID_CASES], ids=[n for n, _, _ in INVALID_CASES]
)
def test_decode_error_names_the_byte_offset(data: bytes, offset: int) -> None:
    """Bytes that are not valid text raise DecodeError naming the file and the bad byte's offset."""
    with pytest.raises(DecodeError) as info:
        decode(data, "bai.txt")
    message = str(info.value)
    assert message.startswith("bai.txt: invalid ")
    assert f"at byte {offset}" in message


def test_decode_error_offset_counts_the_utf8_bom() -> None:
    """The offset in the message is the bad byte's position in the file, BOM included."""
    data = codecs.BOM_UTF8 + "Hội nghị".encode() + b"\xff"
    with pytest.raises(DecodeError, match=rf"at byte {len(data) - 1}\b"):
        decode(data, "bai.txt")


@pytest.mark.parametrize(
    ("name", "expected"),
    [("bai.jsonl", True), ("bai.jsonl.gz", True), ("bai.txt", False), ("bai.json", False), ("jsonl", False)],
)
def test_is_archive_by_extension(name: str, expected: bool) -> None:
    """.jsonl and .jsonl.gz are archives; other names are plain text."""
    assert is_archive(name) is expected


# --- read_inputs --------------------------------------------------------------------------


def read(paths: list[Path | str], published: str | None = None) -> tuple[list[ArticleInput], list[Failure]]:
    """All items and failures of read_inputs over paths."""
    failures: list[Failure] = []
    items = list(read_inputs([str(p) for p in paths], ReadOptions(published=published), failures))
    return items, failures


def jsonl(*objects: object) -> str:
    """JSON Lines text of objects (str objects are written as raw lines)."""
    return "".join((o if isinstance(o, str) else json.dumps(o, ensure_ascii=False)) + "\n" for o in objects)


def test_txt_file_is_one_article_named_after_the_file(tmp_path: Path) -> None:
    """A .txt file is one article: its text, its stem as id, its path as source, the given date."""
    path = tmp_path / "hoi-nghi.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    items, failures = read([path], published="2025-04-10")
    assert failures == []
    assert items == [ArticleInput(ARTICLE, id="hoi-nghi", published="2025-04-10", source=str(path))]


def test_txt_file_in_utf16_is_decoded(tmp_path: Path) -> None:
    """A BOM-marked UTF-16 .txt file reads as text."""
    path = tmp_path / "utf16.txt"
    path.write_bytes(codecs.BOM_UTF16_LE + ARTICLE.encode("utf-16-le"))
    items, failures = read([path])
    assert failures == []
    assert [i.text for i in items] == [ARTICLE]


def test_archive_keeps_good_lines_in_order_and_reports_bad_ones_by_line(tmp_path: Path) -> None:
    """A bad JSON line and an object without text become Failures with their line numbers; reading goes on."""
    path = tmp_path / "bao.jsonl"
    path.write_text(
        jsonl(
            {
                "id": "bai-1",
                "title": "Hội nghị tổng kết",
                "text": "Sáng 10/4, hội nghị khai mạc.",
                "published": "2025-04-10",
            },
            '{"id": "bai-2", "text": "thiếu dấu ngoặc"',
            {"id": "bai-3", "title": "Bài không có nội dung"},
            "",
            {"text": "Chiều 18/3, lễ ký kết diễn ra tại Thanh Hóa."},
            ["không", "phải", "đối tượng"],
            {"id": 6, "text": "Đại hội Đoàn huyện thành công tốt đẹp.", "source": "baonghean.vn"},
        ),
        encoding="utf-8",
    )
    items, failures = read([path], published="2030-01-01")
    assert [(i.id, i.text) for i in items] == [
        ("bai-1", "Sáng 10/4, hội nghị khai mạc."),
        ("bao.jsonl:5", "Chiều 18/3, lễ ký kết diễn ra tại Thanh Hóa."),
        ("6", "Đại hội Đoàn huyện thành công tốt đẹp."),
    ]
    assert items[0].title == "Hội nghị tổng kết"
    # the given date fills in the lines that give none
    assert [i.published for i in items] == ["2025-04-10", "2030-01-01", "2030-01-01"]
    assert [i.source for i in items] == [f"{path}:1", f"{path}:5", "baonghean.vn"]
    assert [(f.source, f.kind) for f in failures] == [
        (f"{path}:2", "bad_archive_line"),
        (f"{path}:3", "bad_archive_line"),
        (f"{path}:6", "bad_archive_line"),
    ]
    assert "invalid JSON" in failures[0].message
    assert "'text'" in failures[1].message
    assert all(f.message.startswith(f"{path}:") for f in failures)


def test_archive_with_utf8_bom_reads_its_first_line(tmp_path: Path) -> None:
    """A BOM at the start of a .jsonl file does not spoil the first object."""
    path = tmp_path / "bom.jsonl"
    path.write_bytes(
        codecs.BOM_UTF8 + jsonl({"id": "bai-1", "text": "Sáng nay, hội nghị khai mạc."}).encode()
    )
    items, failures = read([path])
    assert failures == []
    assert [i.id for i in items] == ["bai-1"]


def test_gzipped_archive_is_read(tmp_path: Path) -> None:
    """A .jsonl.gz archive reads like a .jsonl one, in order."""
    path = tmp_path / "bao.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as f:
        f.write(
            jsonl(
                {"id": "nen-1", "text": "Sáng 10/4, hội nghị khai mạc."},
                {"text": "Chiều cùng ngày, hội nghị bế mạc."},
            )
        )
    items, failures = read([path])
    assert failures == []
    assert [(i.id, i.text) for i in items] == [
        ("nen-1", "Sáng 10/4, hội nghị khai mạc."),
        ("bao.jsonl.gz:2", "Chiều cùng ngày, hội nghị bế mạc."),
    ]


def test_corrupt_gzip_archive_is_one_failure(tmp_path: Path) -> None:
    """A .jsonl.gz that is not gzip data is reported, not raised."""
    path = tmp_path / "hong.jsonl.gz"
    path.write_bytes(b"day khong phai gzip")
    items, failures = read([path])
    assert items == []
    assert [(f.source, f.kind) for f in failures] == [(str(path), "bad_archive")]


def test_invalid_utf8_line_in_archive_does_not_lose_the_lines_after_it(tmp_path: Path) -> None:
    """One undecodable line is one failure; the objects after it are still read."""
    path = tmp_path / "hong-dong.jsonl"
    path.write_bytes(
        jsonl({"id": "truoc", "text": "Bài trước."}).encode()
        + b'{"id": "hong", "text": "\xff"}\n'
        + jsonl({"id": "sau", "text": "Bài sau."}).encode()
    )
    items, failures = read([path])
    assert [i.id for i in items] == ["truoc", "sau"]
    assert [f.source for f in failures] == [f"{path}:2"]


def test_gzipped_archive_with_utf8_bom_reads_its_first_line(tmp_path: Path) -> None:
    """A BOM at the start of a .jsonl.gz archive is ignored as it is for .jsonl."""
    path = tmp_path / "bom.jsonl.gz"
    with gzip.open(path, "wb") as f:
        f.write(codecs.BOM_UTF8 + jsonl({"id": "bai-1", "text": "Sáng nay, hội nghị khai mạc."}).encode())
    items, failures = read([path])
    assert failures == []
    assert [i.id for i in items] == ["bai-1"]


def test_missing_path_is_a_failure(tmp_path: Path) -> None:
    """A path that does not exist becomes an invalid_input Failure saying so."""
    path = tmp_path / "khong-co.txt"
    items, failures = read([path])
    assert items == []
    assert len(failures) == 1
    assert (failures[0].id, failures[0].source, failures[0].kind) == ("khong-co", str(path), "invalid_input")
    assert "no such file" in failures[0].message


def test_folder_is_a_failure(tmp_path: Path) -> None:
    """A folder is not an article file."""
    folder = tmp_path / "bai-bao"
    folder.mkdir()
    items, failures = read([folder])
    assert items == []
    assert [(f.source, f.kind) for f in failures] == [(str(folder), "invalid_input")]
    assert "folder" in failures[0].message


@pytest.mark.parametrize(
    "content", [b"", b"   \n\n\t", codecs.BOM_UTF8], ids=["empty", "whitespace", "bom_only"]
)
def test_empty_file_is_a_failure(tmp_path: Path, content: bytes) -> None:
    """A file with no text is an 'empty' Failure."""
    path = tmp_path / "rong.txt"
    path.write_bytes(content)
    items, failures = read([path])
    assert items == []
    assert [(f.id, f.kind) for f in failures] == [("rong", "empty")]
    assert "empty" in failures[0].message


def test_binary_and_undecodable_files_are_failures(tmp_path: Path) -> None:
    """A binary file and a file that is neither UTF-8 nor Vietnamese become binary and encoding Failures."""
    binary = tmp_path / "anh.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    latin = tmp_path / "cu.txt"
    latin.write_bytes("Grüße aus München, Straße".encode("latin-1"))
    items, failures = read([binary, latin])
    assert items == []
    assert [(f.id, f.kind) for f in failures] == [("anh", "binary"), ("cu", "encoding")]


def test_good_inputs_survive_bad_ones_in_order(tmp_path: Path) -> None:
    """Items come out in path order with failures set aside for the bad paths."""
    first = tmp_path / "mot.txt"
    first.write_text("Bài thứ nhất.", encoding="utf-8")
    archive = tmp_path / "hai.jsonl"
    archive.write_text(
        jsonl({"id": "hai-a", "text": "Bài hai A."}, {"id": "hai-b", "text": "Bài hai B."}), encoding="utf-8"
    )
    last = tmp_path / "ba.txt"
    last.write_text("Bài thứ ba.", encoding="utf-8")
    items, failures = read([first, tmp_path / "thieu.txt", archive, tmp_path, last])
    assert [i.id for i in items] == ["mot", "hai-a", "hai-b", "ba"]
    assert [f.source for f in failures] == [str(tmp_path / "thieu.txt"), str(tmp_path)]


def test_dash_reads_standard_input(monkeypatch: pytest.MonkeyPatch) -> None:
    """'-' is one article read from stdin's bytes, with the given date."""
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(ARTICLE.encode("utf-8"))))
    items, failures = read(["-"], published="2025-04-15")
    assert failures == []
    assert items == [ArticleInput(ARTICLE, id=None, published="2025-04-15", source="<stdin>")]


def test_binary_standard_input_is_a_failure(monkeypatch: pytest.MonkeyPatch) -> None:
    """Binary bytes on stdin become a Failure, not an exception."""
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"\x00\x01\x02")))
    items, failures = read(["-"])
    assert items == []
    assert [(f.source, f.kind) for f in failures] == [("<stdin>", "binary")]
