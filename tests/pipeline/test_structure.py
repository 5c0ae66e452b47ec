"""Titles, datelines and bylines of plain-text articles (issue #17). Every line below was written
for these tests."""

from __future__ import annotations

import pytest

from vnnews.extractors.structure import author_from_byline, is_dateline, split_sections

P = pytest.param

BODY = "Sáng 9/3, Đoàn Thanh niên phường Tân An ra quân trồng 500 cây xanh dọc bờ kênh."

DATELINES = [
    P("Thứ Hai, ngày 14 tháng 3 năm 2016", True, id="weekday-words"),
    P("Chủ nhật, 06/11/2022", True, id="sunday-figures"),
    P("Cập nhật: 10:05, 22/08/2020", True, id="update-time-first"),
    P("Thứ Tư, 12/10/2022 - 14:35 (GMT+7)", True, id="time-after-with-zone"),
    P("Ngày 14/3/2016", True, id="date-alone"),
    P("Ngày 14/3/2016, xã khánh thành cầu mới", False, id="a-sentence"),
    P("Phường Tân An trồng 500 cây xanh", False, id="a-headline"),
]


@pytest.mark.parametrize(("line", "expected"), DATELINES)
def test_is_dateline(line: str, expected: bool) -> None:
    assert is_dateline(line) is expected


TITLES = [
    P(f"Thứ Hai, ngày 14 tháng 3 năm 2016\nPhường Tân An trồng cây xanh\n{BODY}", None, id="dateline-above"),
    P(f"Cập nhật: 08:15, 30/11/2022\n\nPhường Tân An trồng cây xanh\n\n{BODY}", None, id="update-line-above"),
    P(f"Phường Tân An trồng cây xanh\nThứ Hai, 14/3/2016\n{BODY}", None, id="dateline-below"),
    P(
        f"Phường Tân An trồng cây xanh\n\nThứ Hai, 14/3/2016\n\n{BODY}",
        True,
        id="dateline-under-a-given-title",
    ),
]


@pytest.mark.parametrize(("text", "has_title"), TITLES)
def test_dateline_is_neither_title_nor_lead(text: str, has_title: bool | None) -> None:
    sections = {s.name: text[s.start : s.end] for s in split_sections(text, has_title)}
    assert sections["title"] == "Phường Tân An trồng cây xanh"
    assert sections["lead"] == BODY


BYLINES = [
    P(f"Tiêu đề\n{BODY} Bài do nhóm phóng viên thực hiện.Vĩnh Tường", "Vĩnh Tường", id="glued-no-space"),
    P(f"Tiêu đề\n{BODY} Buổi lễ kết thúc lúc 11 giờ. Minh Châu", "Minh Châu", id="glued-with-space"),
    P(f"Tiêu đề\n{BODY} Cầu nối hai bờ kênh ở TP.HCM", None, id="abbreviation-is-no-sentence-end"),
    P(f"Tiêu đề\n{BODY} Chương trình do Tr.Hoàng Văn Nam", None, id="abbreviated-word-is-no-sentence-end"),
    P(f"Tiêu đề\n{BODY}\nTheo Dân trí", "Dân trí", id="theo-paper-own-line"),
    P(f"Tiêu đề\n{BODY} Theo Tuổi trẻ", "Tuổi trẻ", id="theo-paper-glued"),
    P(f"Tiêu đề\n{BODY}\nNguồn: Báo Tin tức", "Báo Tin tức", id="nguon-paper"),
    P(f"Tiêu đề\n{BODY}\nTheo VnExpress", "VnExpress", id="theo-one-word"),
    P(f"Tiêu đề\n{BODY}\nTheo kế hoạch, cây sẽ được chăm sóc ba năm", None, id="theo-in-a-sentence"),
]


@pytest.mark.parametrize(("text", "expected"), BYLINES)
def test_byline(text: str, expected: str | None) -> None:
    sections = {s.name: (s.start, s.end) for s in split_sections(text)}
    got = author_from_byline(text[slice(*sections["byline"])]) if "byline" in sections else None
    assert got == expected
