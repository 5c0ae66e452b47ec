"""Web pages (issue #17): tables and captions are kept, related-news lists dropped. The pages are
small ones written for these tests."""

from __future__ import annotations

import pytest

from vnnews.pipeline import html

P = pytest.param

PAGE = """<!DOCTYPE html><html><head><title>Phường Tân An trồng 500 cây xanh</title></head><body>
<nav><a href="/">Trang chủ</a> <a href="/moi-truong">Môi trường</a></nav>
<article>
<h1>Phường Tân An trồng 500 cây xanh</h1>
<p>Sáng 9/3, Đoàn Thanh niên phường Tân An ra quân trồng 500 cây xanh dọc bờ kênh Ông Lớn.</p>
<table class="photo"><tr><td><img src="a.jpg" alt=""></td></tr>
<tr><td>Đoàn viên thanh niên trồng cây dọc bờ kênh.</td></tr></table>
<p>Mỗi cây được gắn biển tên của đoàn viên nhận chăm sóc trong ba năm đầu.</p>
<table><tr><td>Số cây</td><td>500 cây sao đen</td></tr><tr><td>Kinh phí</td><td>120 triệu đồng</td></tr></table>
<figure><img src="b.jpg"><figcaption>Hàng cây mới bên kênh Ông Lớn.</figcaption></figure>
<p>Phường sẽ tiếp tục trồng thêm 300 cây trong quý tới ở các tuyến đường mới mở.</p>
{related}
<p>Ngọc Lan</p>
</article></body></html>"""

RELATED = [
    P(
        '<div class="box-related"><h3>Tin liên quan</h3><ul><li><a href="/x">Phường ra quân dọn kênh'
        ' ngày 2/3</a></li><li><a href="/y">Thành phố phát động Tết trồng cây</a></li></ul></div>',
        id="container-named-related",
    ),
    P(
        '<p><strong>Tin liên quan:</strong></p><ul><li><a href="/x">Phường ra quân dọn kênh ngày'
        ' 2/3</a></li><li><a href="/y">Thành phố phát động Tết trồng cây</a></li></ul>',
        id="heading-then-list",
    ),
    P(
        '<p>Xem thêm:</p><p><a href="/x">Phường ra quân dọn kênh ngày 2/3</a></p>'
        '<p><a href="/y">Thành phố phát động Tết trồng cây</a></p>',
        id="heading-then-link-paragraphs",
    ),
]


@pytest.mark.parametrize("related", RELATED)
def test_page_keeps_tables_and_captions_and_drops_related_news(related: str) -> None:
    text = html.parse(PAGE.replace("{related}", related)).text
    lines = text.split("\n")
    for kept in (
        "Đoàn viên thanh niên trồng cây dọc bờ kênh.",  # a photo caption in a table
        "Số cây: 500 cây sao đen",  # a fact row
        "Kinh phí: 120 triệu đồng",
        "Hàng cây mới bên kênh Ông Lớn.",  # a <figcaption>
        "Phường sẽ tiếp tục trồng thêm 300 cây trong quý tới ở các tuyến đường mới mở.",
        "Ngọc Lan",
    ):
        assert kept in lines, text
    for dropped in ("Tin liên quan", "Xem thêm", "dọn kênh", "Tết trồng cây", "|", "!["):
        assert dropped not in text, text


TABLE_ROWS = [
    P("| Chú thích ảnh. |", "Chú thích ảnh.", id="one-cell"),
    P("| Diện tích | 45 ha |", "Diện tích: 45 ha", id="label-and-value"),
    P("| Xã | Hộ | Vốn |", "Xã; Hộ; Vốn", id="three-cells"),
    P("| ![](a.jpg) |", "", id="image-only"),
    P("Một dòng bình thường.", "Một dòng bình thường.", id="not-a-row"),
]


@pytest.mark.parametrize(("line", "expected"), TABLE_ROWS)
def test_table_rows_become_text(line: str, expected: str) -> None:
    assert html.table_rows(f"Trước.\n{line}\nSau.") == "\n".join(x for x in ("Trước.", expected, "Sau.") if x)


def test_a_page_record_keeps_its_table_caption_as_text(extractor) -> None:
    """Through the whole pipeline: the caption is in the record's text and its date is read."""
    from vnnews.pipeline.inputs import ArticleInput

    page = PAGE.replace("{related}", RELATED[0].values[0])
    article = extractor.extract_item(ArticleInput(page, "p1", None, "2024", None, format="html"))
    assert "Đoàn viên thanh niên trồng cây dọc bờ kênh." in article.text
    assert "dọn kênh" not in article.text
    assert article.event.date == "2024-03-09"
    assert article.author == "Ngọc Lan"
