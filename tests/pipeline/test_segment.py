"""Tests of pipeline.segment: compose, sections (title, lead, body, byline), bylines and sentences."""

from __future__ import annotations

import itertools

import pytest

from vnnews.extractors.structure import author_from_byline, split_sections
from vnnews.pipeline.segment import compose, split_sentences

LEAD = "Sáng 10/4, UBND tỉnh Hà Tĩnh tổ chức hội nghị tổng kết công tác năm 2024."
BODY_1 = "Tham dự hội nghị có đại diện lãnh đạo các sở, ngành và địa phương."
BODY_2 = "Năm 2024, tỉnh hoàn thành 20/22 chỉ tiêu chủ yếu."
TITLE = "Hà Tĩnh tổng kết công tác năm 2024"


def named(text: str, has_title: bool | None = None) -> dict[str, str]:
    """The sections of text as {name: characters}."""
    return {s.name: text[s.start : s.end] for s in split_sections(text, has_title)}


def names(text: str, has_title: bool | None = None) -> list[str]:
    """The section names of text, in order."""
    return [s.name for s in split_sections(text, has_title)]


# --- compose ------------------------------------------------------------------------------

COMPOSE_CASES = [
    (TITLE, LEAD, (f"{TITLE}\n\n{LEAD}", True)),
    (f"  {TITLE}  ", f"\n{LEAD}\n", (f"{TITLE}\n\n{LEAD}", True)),
    (TITLE, f"{TITLE}\n\n{LEAD}", (f"{TITLE}\n\n{LEAD}", True)),
    (None, f"  {LEAD}  ", (LEAD, False)),
    ("", LEAD, (LEAD, False)),
    ("   ", LEAD, (LEAD, False)),
    (TITLE, "", (TITLE, True)),
    (TITLE, "   ", (TITLE, True)),
    (None, "", ("", False)),
]


@pytest.mark.parametrize(("title", "body", "expected"), COMPOSE_CASES)
def test_compose_puts_title_line_blank_line_body(
    title: str | None, body: str, expected: tuple[str, bool]
) -> None:
    """The analysed text is title, blank line, body; a title already heading the body is not repeated."""
    assert compose(title, body) == expected


def test_compose_keeps_a_title_that_is_only_a_prefix_of_the_first_sentence() -> None:
    """A title such as "Bão số 3" is kept when the body's first sentence starts with those words."""
    body = "Bão số 3 đổ bộ vào Quảng Ninh sáng nay với sức gió mạnh.\n\nNhiều nhà dân bị tốc mái."
    assert compose("Bão số 3", body) == ("Bão số 3\n\n" + body, True)


# --- split_sections -----------------------------------------------------------------------


def test_full_article_has_title_lead_body_and_byline() -> None:
    """A headline, the first paragraph as lead, the rest as body, a short last line as byline."""
    text = f"{TITLE}\n\n{LEAD}\n\n{BODY_1}\n\n{BODY_2}\n\nMinh Châu"
    assert named(text) == {
        "title": TITLE,
        "lead": LEAD,
        "body": f"{BODY_1}\n\n{BODY_2}",
        "byline": "Minh Châu",
    }
    assert names(text) == ["title", "lead", "body", "byline"]


def test_title_is_detected_from_an_unterminated_first_line() -> None:
    """A first line without final punctuation, followed by more text, is a title."""
    text = f"{TITLE}\n\n{LEAD}\n\n{BODY_1}"
    assert named(text) == {"title": TITLE, "lead": LEAD, "body": BODY_1}


def test_first_line_ending_with_a_period_is_not_taken_for_a_title() -> None:
    """A first line that is a sentence starts the lead."""
    text = f"{LEAD}\n\n{BODY_1}"
    assert named(text) == {"lead": LEAD, "body": BODY_1}


def test_given_title_is_used_even_when_the_first_line_ends_with_a_period() -> None:
    """has_title=True makes the first line the title whatever its punctuation."""
    text = f"{LEAD}\n\n{BODY_1}\n\n{BODY_2}"
    assert named(text, True) == {"title": LEAD, "lead": BODY_1, "body": BODY_2}


def test_has_title_false_turns_off_title_detection() -> None:
    """has_title=False keeps a headline-like first line in the lead."""
    text = f"{TITLE}\n\n{LEAD}"
    assert names(text, False) == ["lead", "body"]
    assert named(text, False)["lead"] == TITLE


def test_title_only_text_is_one_title_section() -> None:
    """A text of one line with has_title=True is only a title."""
    assert named(TITLE, True) == {"title": TITLE}


def test_single_line_without_title_flag_is_a_lead() -> None:
    """One line with nothing after it is not a headline."""
    assert named(LEAD) == {"lead": LEAD}


def test_empty_text_has_no_sections() -> None:
    """The empty string has no sections."""
    assert split_sections("") == []
    assert split_sections("", True) == []


BYLINE_LINE_CASES = [
    "Minh Châu",
    "Quang Huy – Thanh Tâm",
    "Thu Hà (TTXVN)",
    "Bình Minh/VOV.VN",
    "Tin, ảnh: Văn Hùng",
    "Theo TTXVN",
    "TTXVN",
    "VĂN DŨNG",
    "TẤN TUÂN",
]


@pytest.mark.parametrize("byline", BYLINE_LINE_CASES)
def test_short_last_line_is_the_byline(byline: str) -> None:
    """A short name line at the end is the byline and is left out of the body."""
    text = f"{TITLE}\n\n{LEAD}\n\n{BODY_1}\n\n{byline}"
    assert named(text) == {"title": TITLE, "lead": LEAD, "body": BODY_1, "byline": byline}


GLUED_CASES = [
    (f"{BODY_1} Minh Châu", BODY_1, "Minh Châu"),
    (f"{BODY_1} Thu Hà (TTXVN)", BODY_1, "Thu Hà (TTXVN)"),
    (
        "Ông Lâm chia sẻ: “Chúng tôi sẽ cố gắng hơn nữa.” Hoàng Anh",
        "Ông Lâm chia sẻ: “Chúng tôi sẽ cố gắng hơn nữa.”",
        "Hoàng Anh",
    ),
    ("Đại hội bế mạc lúc 17 giờ cùng ngày! Thanh Tâm", "Đại hội bế mạc lúc 17 giờ cùng ngày!", "Thanh Tâm"),
    (f"{BODY_1} VĂN DŨNG", BODY_1, "VĂN DŨNG"),
    (f"{BODY_1} TTXVN/Tin Tức", BODY_1, "TTXVN/Tin Tức"),
    (
        "Đoàn đã trao 50 suất quà cho hộ nghèo trong chương trình VĂN DŨNG",
        "Đoàn đã trao 50 suất quà cho hộ nghèo trong chương trình",
        "VĂN DŨNG",
    ),
]


@pytest.mark.parametrize(("last_line", "body", "byline"), GLUED_CASES)
def test_byline_glued_after_the_last_sentence_is_split_off(last_line: str, body: str, byline: str) -> None:
    """A name after the last sentence's end (or an all-caps name at the very end) is the byline."""
    text = f"{TITLE}\n\n{LEAD}\n\n{last_line}"
    assert named(text) == {"title": TITLE, "lead": LEAD, "body": body, "byline": byline}


@pytest.mark.parametrize(
    "last_line",
    [
        BODY_2,
        "Hội nghị kết thúc tốt đẹp, các đại biểu đều phấn khởi.",
        "Đại hội được tổ chức với sự hỗ trợ của UBND TP",
    ],
)
def test_article_ending_with_an_ordinary_sentence_has_no_byline(last_line: str) -> None:
    """A last line that is a sentence (or ends in agency acronyms) is body, not byline."""
    text = f"{TITLE}\n\n{LEAD}\n\n{BODY_1}\n\n{last_line}"
    assert "byline" not in names(text)
    assert named(text)["body"].endswith(last_line)


def test_byline_right_after_the_lead_leaves_no_body() -> None:
    """Title, lead and byline without a body give three sections."""
    text = f"{TITLE}\n\n{LEAD}\n\nMinh Châu"
    assert named(text) == {"title": TITLE, "lead": LEAD, "byline": "Minh Châu"}


@pytest.mark.parametrize(
    "text",
    [
        f"{TITLE}\n\n{LEAD}\n\n{BODY_1}\n\n{BODY_2}\n\nMinh Châu",
        f"{TITLE}\n\n{LEAD}\n\n{BODY_1} Thu Hà (TTXVN)",
        f"{LEAD}\n\n{BODY_1}",
        f"{LEAD}\n{BODY_1}\n{BODY_2}",
        TITLE,
    ],
)
def test_sections_are_ordered_disjoint_and_trimmed(text: str) -> None:
    """Sections follow each other without overlap and neither start nor end on whitespace."""
    sections = split_sections(text)
    for s in sections:
        assert 0 <= s.start < s.end <= len(text)
        assert text[s.start : s.end] == text[s.start : s.end].strip()
    for a, b in itertools.pairwise(sections):
        assert a.end <= b.start


# --- author_from_byline -------------------------------------------------------------------

AUTHOR_CASES = [
    ("Minh Châu", "Minh Châu"),
    ("Minh Châu.", "Minh Châu"),
    ("  Hoàng Anh  ", "Hoàng Anh"),
    ("Thu Hà (TTXVN)", "Thu Hà"),
    ("Ngọc Lan (Báo Nghệ An)", "Ngọc Lan"),
    ("Bình Minh/VOV.VN", "Bình Minh"),
    ("Thành Nam/Báo Tin tức", "Thành Nam"),
    ("Tin, ảnh: Văn Hùng", "Văn Hùng"),
    ("Tin và ảnh: Hải Yến", "Hải Yến"),
    ("Bài, ảnh: Ngọc Lan (Báo Nghệ An)", "Ngọc Lan"),
    ("Ảnh: Lê Minh", "Lê Minh"),
    ("TTXVN", "TTXVN"),
    ("VOV.VN", "VOV.VN"),
    ("PV", "PV"),
    ("Theo TTXVN", "TTXVN"),
    ("Nguồn: TTXVN", "TTXVN"),
    ("TTXVN/Tin Tức", "TTXVN/Tin Tức"),
    ("Hải Nam/Báo Quân đội", "Hải Nam"),
    ("Bình Minh/VOV.VN Bình Minh/VOV.VN", "Bình Minh"),
    ("Thu Hà (TTXVN) Thu Hà (TTXVN)", "Thu Hà"),
    ("Minh Châu Minh Châu", "Minh Châu"),
    ("Quang Huy – Thanh Tâm", "Quang Huy – Thanh Tâm"),
    ("TẤN TUÂN", "TẤN TUÂN"),
    ("", None),
    ("   ", None),
    ("Tin, ảnh:", None),
]


@pytest.mark.parametrize(("byline", "author"), AUTHOR_CASES)
def test_author_from_byline(byline: str, author: str | None) -> None:
    """Agency in brackets or after a slash, prefixes and a doubled byline are dropped; agency-only is kept."""
    assert author_from_byline(byline) == author


# --- split_sentences ----------------------------------------------------------------------

SENTENCE_CASES = [
    (
        "Hội nghị diễn ra tại TP. Hồ Chí Minh. Đại biểu đến từ nhiều tỉnh, thành.",
        ["Hội nghị diễn ra tại TP. Hồ Chí Minh.", "Đại biểu đến từ nhiều tỉnh, thành."],
    ),
    (
        "Tham dự có PGS.TS. Nguyễn Văn An. Ông phát biểu khai mạc hội thảo.",
        ["Tham dự có PGS.TS. Nguyễn Văn An.", "Ông phát biểu khai mạc hội thảo."],
    ),
    (
        "Hội thảo có sự tham gia của GS. Trần Văn Bình và ThS. Lê Thu. Hội thảo kết thúc lúc 17 giờ.",
        ["Hội thảo có sự tham gia của GS. Trần Văn Bình và ThS. Lê Thu.", "Hội thảo kết thúc lúc 17 giờ."],
    ),
    (
        "Bạn đã sẵn sàng cho kỳ thi chưa? Chúng tôi đã sẵn sàng! Hãy bắt đầu thôi.",
        ["Bạn đã sẵn sàng cho kỳ thi chưa?", "Chúng tôi đã sẵn sàng!", "Hãy bắt đầu thôi."],
    ),
    (
        "Ông Lâm nói: “Chúng tôi sẽ cố gắng hơn nữa.” Bà Hằng gật đầu đồng ý.",
        ["Ông Lâm nói: “Chúng tôi sẽ cố gắng hơn nữa.”", "Bà Hằng gật đầu đồng ý."],
    ),
    (
        'Ông Lâm nói: "Chúng tôi sẽ cố gắng." Bà Hằng gật đầu.',
        ['Ông Lâm nói: "Chúng tôi sẽ cố gắng."', "Bà Hằng gật đầu."],
    ),
    (
        "Cô giáo hỏi: “Vì sao em đến muộn?” Cậu bé cúi đầu im lặng.",
        ["Cô giáo hỏi: “Vì sao em đến muộn?”", "Cậu bé cúi đầu im lặng."],
    ),
    (
        "Dòng tiêu đề không có dấu chấm\nĐoạn mở đầu của bài viết.\n\nĐoạn thứ hai",
        ["Dòng tiêu đề không có dấu chấm", "Đoạn mở đầu của bài viết.", "Đoạn thứ hai"],
    ),
    (
        "Thành lập năm 1945. 80 năm qua, ngành đã phát triển vượt bậc.",
        ["Thành lập năm 1945.", "80 năm qua, ngành đã phát triển vượt bậc."],
    ),
    (
        "Giá lúa tăng 3.5 lần so với cùng kỳ. Nông dân rất phấn khởi.",
        ["Giá lúa tăng 3.5 lần so với cùng kỳ.", "Nông dân rất phấn khởi."],
    ),
    (
        "Mọi người đều chờ đợi… Cuối cùng đoàn xe cũng đến.",
        ["Mọi người đều chờ đợi…", "Cuối cùng đoàn xe cũng đến."],
    ),
    (
        "Chương trình kết thúc. (Ảnh: Lê Minh.) Xin cảm ơn quý vị.",
        ["Chương trình kết thúc.", "(Ảnh: Lê Minh.)", "Xin cảm ơn quý vị."],
    ),
    ("Ông sinh năm 1970 tại Q. 1 và lớn lên ở đó.", ["Ông sinh năm 1970 tại Q. 1 và lớn lên ở đó."]),
    ("Đoàn tới TP. sau đó về Hà Nội.", ["Đoàn tới TP. sau đó về Hà Nội."]),
    ("Câu duy nhất không có dấu kết thúc", ["Câu duy nhất không có dấu kết thúc"]),
    ("   Câu có khoảng trắng hai đầu.   ", ["Câu có khoảng trắng hai đầu."]),
    ("", []),
    ("  \n\n ", []),
]


@pytest.mark.parametrize(("text", "sentences"), SENTENCE_CASES)
def test_split_sentences(text: str, sentences: list[str]) -> None:
    """Breaks at . ! ? … before a capital and at line ends, not after abbreviations."""
    assert [text[a:b] for a, b in split_sentences(text)] == sentences


def test_split_sentences_works_inside_a_range_with_absolute_offsets() -> None:
    """start/end limit the search and offsets stay relative to the whole text."""
    text = "Tiêu đề bài báo\n\nCâu thứ nhất. Câu thứ hai.\n\nMinh Châu"
    start = text.index("Câu thứ nhất")
    end = text.index("\n\nMinh")
    spans = split_sentences(text, start, end)
    assert [text[a:b] for a, b in spans] == ["Câu thứ nhất.", "Câu thứ hai."]
    assert spans[0][0] == start
