"""Tests of pipeline.normalize: one spelling of Vietnamese text before any extractor sees it."""

from __future__ import annotations

import unicodedata

import pytest

from vnnews.extractors.text import fix_tone_placement
from vnnews.pipeline.normalize import normalize

# --- tables: (raw, expected) -------------------------------------------------------------

_NFC_SENTENCES = [
    "Hội nghị tổng kết công tác năm 2024 của tỉnh Quảng Trị.",
    "Người dân Đà Nẵng háo hức đón Tết Nguyên đán.",
    "Ủy ban nhân dân thành phố Huế họp phiên thường kỳ.",
    "Nhà máy Thủy điện Hòa Bình vận hành an toàn suốt mùa lũ.",
    "Đoàn viên thanh niên tích cực tham gia hiến máu tình nguyện.",
]
NFC_CASES = [(unicodedata.normalize("NFD", s), s) for s in _NFC_SENTENCES]

TONE_CASES = [
    ("Hai bên cam kết giữ gìn hoà bình.", "Hai bên cam kết giữ gìn hòa bình."),
    ("Công trình thuỷ lợi Bắc Hưng Hải được nâng cấp.", "Công trình thủy lợi Bắc Hưng Hải được nâng cấp."),
    ("Chủ tịch uỷ ban xã tiếp công dân.", "Chủ tịch ủy ban xã tiếp công dân."),
    ("Chúc các cháu luôn khoẻ mạnh và học giỏi.", "Chúc các cháu luôn khỏe mạnh và học giỏi."),
    ("Toà án nhân dân tỉnh mở phiên xử.", "Tòa án nhân dân tỉnh mở phiên xử."),
    ("Hai doanh nghiệp ký thoả thuận hợp tác.", "Hai doanh nghiệp ký thỏa thuận hợp tác."),
    ("Triển lãm tranh của hoạ sĩ trẻ.", "Triển lãm tranh của họa sĩ trẻ."),
    ("Quyết định huỷ bỏ kết quả đấu thầu.", "Quyết định hủy bỏ kết quả đấu thầu."),
    ("Người dân tuỳ chọn hình thức nộp hồ sơ.", "Người dân tùy chọn hình thức nộp hồ sơ."),
    ("Ngọn lửa loé lên trong đêm (hoà).", "Ngọn lửa lóe lên trong đêm (hòa)."),
    ("Uỷ ban Mặt trận Tổ quốc tỉnh", "Ủy ban Mặt trận Tổ quốc tỉnh"),
    ("UỶ BAN NHÂN DÂN TỈNH LẠNG SƠN", "ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN"),
    ("CHÀO MỪNG ĐẠI HỘI HOÀ BÌNH", "CHÀO MỪNG ĐẠI HỘI HÒA BÌNH"),
    ("RÈN LUYỆN SỨC KHOẺ", "RÈN LUYỆN SỨC KHỎE"),
    ("Thuỷ sản xuất khẩu tăng mạnh.", "Thủy sản xuất khẩu tăng mạnh."),
    # quý, quỳnh: after q the u belongs to the consonant, the tone stays on y
    ("Quý I/2025, doanh thu của tỉnh tăng 8%.", "Quý I/2025, doanh thu của tỉnh tăng 8%."),
    ("Kính mời quý khách tham quan gian hàng.", "Kính mời quý khách tham quan gian hàng."),
    ("BÁO CÁO QUÝ I NĂM 2025", "BÁO CÁO QUÝ I NĂM 2025"),
    ("Chị Nguyễn Thị Quỳnh nhận giấy khen.", "Chị Nguyễn Thị Quỳnh nhận giấy khen."),
    ("Hoa quỳnh nở về đêm.", "Hoa quỳnh nở về đêm."),
    # oa, oe, uy followed by a consonant are not final: the tone stays where it is
    ("Ông Hoàng Văn Sơn phát biểu tại buổi lễ.", "Ông Hoàng Văn Sơn phát biểu tại buổi lễ."),
    ("Buổi hoàng hôn trên sông Hương.", "Buổi hoàng hôn trên sông Hương."),
    ("ÔNG HOÀNG VĂN SƠN", "ÔNG HOÀNG VĂN SƠN"),
    ("Công trình đã hoàn thành đúng tiến độ.", "Công trình đã hoàn thành đúng tiến độ."),
    ("Thuyền về bến lúc đêm khuya.", "Thuyền về bến lúc đêm khuya."),
]

DASH_CASES = [
    ("Nhiệm kỳ 2025—2030 có nhiều thử thách.", "Nhiệm kỳ 2025–2030 có nhiều thử thách."),
    ("Giai đoạn 2021 — 2025, tỉnh đạt mọi chỉ tiêu.", "Giai đoạn 2021 – 2025, tỉnh đạt mọi chỉ tiêu."),
    ("Nhiệt độ ở Sa Pa xuống \u22122 độ C.", "Nhiệt độ ở Sa Pa xuống –2 độ C."),
    ("Quang Huy – Thanh Tâm", "Quang Huy – Thanh Tâm"),
    ("Nghị quyết số 44-NQ/TW của Bộ Chính trị", "Nghị quyết số 44-NQ/TW của Bộ Chính trị"),
    ("Sở LĐ\u2010TB&XH tỉnh", "Sở LĐ-TB&XH tỉnh"),
    ("Quyết định số 1234/QĐ\u2011UBND", "Quyết định số 1234/QĐ-UBND"),
]

QUOTE_CASES = [
    (
        "Phong trào «Thanh niên tình nguyện» được hưởng ứng rộng rãi.",
        "Phong trào “Thanh niên tình nguyện” được hưởng ứng rộng rãi.",
    ),
    ("Quỹ „Vì người nghèo” đã trao 300 suất quà.", "Quỹ “Vì người nghèo” đã trao 300 suất quà."),
    ("Mô hình “Dân vận khéo” được nhân rộng.", "Mô hình “Dân vận khéo” được nhân rộng."),
]

INVISIBLE_CASES = [
    ("Hà\u00a0Nội mưa lớn suốt đêm.", "Hà Nội mưa lớn suốt đêm."),
    ("Hơn 10\u202f000 người tham gia.", "Hơn 10 000 người tham gia."),
    ("Đại hội\u200b Đoàn huyện khai mạc.", "Đại hội Đoàn huyện khai mạc."),
    ("Lễ\u200c ra\u200d quân\u2060 năm nay.", "Lễ ra quân năm nay."),
    ("Tra cứu hồ sơ trên Inter\u00adnet.", "Tra cứu hồ sơ trên Internet."),
    ("\ufeffSáng 10/4, hội nghị khai mạc.", "Sáng 10/4, hội nghị khai mạc."),
    ("Hội nghị\ufeff tổng kết năm 2024.", "Hội nghị tổng kết năm 2024."),
]

LINE_BREAK_CASES = [
    ("Sáng nay trời mưa.\r\nChiều nay trời nắng.", "Sáng nay trời mưa.\nChiều nay trời nắng."),
    ("Đoạn mở đầu.\r\n\r\nĐoạn thân bài.", "Đoạn mở đầu.\n\nĐoạn thân bài."),
    ("Sáng nay trời mưa.\rChiều nay trời nắng.", "Sáng nay trời mưa.\nChiều nay trời nắng."),
    ("Đoạn mở đầu.\r\rĐoạn thân bài.", "Đoạn mở đầu.\n\nĐoạn thân bài."),
    ("Dòng thứ nhất\u2028Dòng thứ hai", "Dòng thứ nhất\nDòng thứ hai"),
    ("Đoạn thứ nhất.\u2029Đoạn thứ hai.", "Đoạn thứ nhất.\n\nĐoạn thứ hai."),
]

CONTROL_CASES = [
    ("Hội nghị\x00 tổng kết năm 2024.", "Hội nghị tổng kết năm 2024."),
    ("Báo cáo\x07 tình hình kinh tế.", "Báo cáo tình hình kinh tế."),
    ("Bản tin\x1b thời sự\x7f tối nay.", "Bản tin thời sự tối nay."),
    ("Đại biểu\x9f biểu quyết thông qua.", "Đại biểu biểu quyết thông qua."),
    ("Họ và tên:\tNguyễn Văn An", "Họ và tên: Nguyễn Văn An"),
]

SPACE_CASES = [
    ("Hội   nghị    tổng kết  năm 2024.", "Hội nghị tổng kết năm 2024."),
    ("   Sáng nay, đoàn công tác lên đường.   ", "Sáng nay, đoàn công tác lên đường."),
    ("Đoạn mở đầu.   \n   Đoạn thân bài.", "Đoạn mở đầu.\nĐoạn thân bài."),
    ("Tỉnh có \u3000 10 huyện.", "Tỉnh có 10 huyện."),
]

NEWLINE_CASES = [
    ("Đoạn mở đầu.\n\n\nĐoạn thân bài.", "Đoạn mở đầu.\n\nĐoạn thân bài."),
    ("Đoạn mở đầu.\n\n\n\n\n\nĐoạn thân bài.", "Đoạn mở đầu.\n\nĐoạn thân bài."),
    ("Đoạn mở đầu.\n \n \n Đoạn thân bài.", "Đoạn mở đầu.\n\nĐoạn thân bài."),
    ("Đoạn mở đầu.\n\nĐoạn thân bài.", "Đoạn mở đầu.\n\nĐoạn thân bài."),
    ("\n\n\nTiêu đề bài báo\n\n\n", "Tiêu đề bài báo"),
]

ETH_CASES = [
    ("ÐÀ NẴNG ĐÓN KHÁCH QUỐC TẾ", "ĐÀ NẴNG ĐÓN KHÁCH QUỐC TẾ"),
    ("Ðại hội Ðoàn toàn quốc", "Đại hội Đoàn toàn quốc"),
    ("Con ðường làng đã được bê tông hóa.", "Con đường làng đã được bê tông hóa."),
]

ALL_CASES = (
    NFC_CASES
    + TONE_CASES
    + DASH_CASES
    + QUOTE_CASES
    + INVISIBLE_CASES
    + LINE_BREAK_CASES
    + CONTROL_CASES
    + SPACE_CASES
    + NEWLINE_CASES
    + ETH_CASES
)


# --- tests --------------------------------------------------------------------------------


@pytest.mark.parametrize(("raw", "expected"), NFC_CASES)
def test_decomposed_input_comes_out_composed(raw: str, expected: str) -> None:
    """NFD input (combining marks) becomes NFC."""
    assert raw != expected
    assert normalize(raw) == expected


@pytest.mark.parametrize(("raw", "expected"), TONE_CASES)
def test_tone_of_final_oa_oe_uy_moves_to_first_vowel(raw: str, expected: str) -> None:
    """hoà -> hòa, thuỷ -> thủy, khoẻ -> khỏe; quý, quỳnh and hoàng stay as written."""
    assert normalize(raw) == expected


@pytest.mark.parametrize(("raw", "expected"), TONE_CASES)
def test_fix_tone_placement_alone_gives_the_same_spelling(raw: str, expected: str) -> None:
    """fix_tone_placement on NFC text matches normalize's tone handling."""
    assert fix_tone_placement(raw) == expected


@pytest.mark.parametrize(("raw", "expected"), DASH_CASES)
def test_dash_like_marks_become_en_dash_and_hyphens_stay_hyphens(raw: str, expected: str) -> None:
    """Em dash and minus sign become an en dash; hyphen variants become '-'."""
    assert normalize(raw) == expected


@pytest.mark.parametrize(("raw", "expected"), QUOTE_CASES)
def test_exotic_quotes_fold_onto_typographic_double_quotes(raw: str, expected: str) -> None:
    """Guillemets and the low double quote become “ and ”."""
    assert normalize(raw) == expected


@pytest.mark.parametrize(("raw", "expected"), INVISIBLE_CASES)
def test_invisible_characters_are_removed_or_become_spaces(raw: str, expected: str) -> None:
    """NBSP becomes a space; zero-width characters, soft hyphen and BOM disappear."""
    assert normalize(raw) == expected


@pytest.mark.parametrize(("raw", "expected"), LINE_BREAK_CASES)
def test_crlf_lone_cr_and_unicode_separators_become_newlines(raw: str, expected: str) -> None:
    """CRLF, a lone CR and Unicode line/paragraph separators become \\n."""
    assert normalize(raw) == expected


@pytest.mark.parametrize(("raw", "expected"), CONTROL_CASES)
def test_control_characters_are_dropped_and_tabs_become_spaces(raw: str, expected: str) -> None:
    """C0/C1 control characters vanish; a tab is a space."""
    assert normalize(raw) == expected


@pytest.mark.parametrize(("raw", "expected"), SPACE_CASES)
def test_runs_of_spaces_collapse_and_edges_are_trimmed(raw: str, expected: str) -> None:
    """Several spaces become one; spaces around line breaks and at the ends go."""
    assert normalize(raw) == expected


@pytest.mark.parametrize(("raw", "expected"), NEWLINE_CASES)
def test_three_or_more_newlines_become_one_blank_line(raw: str, expected: str) -> None:
    """Three or more line breaks become two; two are kept."""
    assert normalize(raw) == expected


@pytest.mark.parametrize(("raw", "expected"), ETH_CASES)
def test_icelandic_eth_becomes_vietnamese_d_with_stroke(raw: str, expected: str) -> None:
    """Ð (U+00D0) and ð (U+00F0) become Đ and đ."""
    assert normalize(raw) == expected


@pytest.mark.parametrize("raw", [raw for raw, _ in ALL_CASES])
def test_normalize_is_idempotent(raw: str) -> None:
    """normalize(normalize(x)) == normalize(x) for every table input."""
    once = normalize(raw)
    assert normalize(once) == once


@pytest.mark.parametrize("raw", [raw for raw, _ in ALL_CASES])
def test_output_is_nfc(raw: str) -> None:
    """Every output is in Unicode NFC."""
    assert unicodedata.is_normalized("NFC", normalize(raw))


@pytest.mark.parametrize("raw", ["", " ", "\n\n\n", "\u200b\ufeff\u00ad", "\x00\x07"])
def test_blank_or_invisible_only_text_becomes_empty(raw: str) -> None:
    """Text with nothing visible normalizes to the empty string."""
    assert normalize(raw) == ""


INVISIBLE_INSIDE_LETTER = [
    ("Vie\u0302\u200b\u0323t Nam", "Việt Nam"),
    ("Ha\u00ad\u0300 Nội", "Hà Nội"),
    ("Hoa\u200b\u0300 Bình", "Hòa Bình"),
]


@pytest.mark.parametrize(
    ("raw", "expected"), INVISIBLE_INSIDE_LETTER, ids=["zwsp_in_viet", "soft_hyphen_in_ha", "zwsp_in_hoa"]
)
def test_invisible_character_between_letter_and_its_mark_still_gives_nfc(raw: str, expected: str) -> None:
    """An invisible character inside a decomposed letter does not keep it decomposed."""
    once = normalize(raw)
    assert once == expected
    assert normalize(once) == once
