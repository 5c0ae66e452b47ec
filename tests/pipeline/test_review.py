"""Tests of pipeline.review (the review page of `vnnews show` and `vnnews batch --html`): highlights by
kind, nesting of overlapping spans, escaping, a self-contained page, and the DOM in a real browser."""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.conftest import SAMPLES
from vnnews.pipeline.cli import main
from vnnews.pipeline.review import KINDS, Highlight, highlights, mark_up, page_name, render

SAMPLE = SAMPLES / "le-ky-ket.txt"
HOSTILE = (
    "<script>alert('title')</script> Hội nghị tổng kết\n\n"
    "Sáng 10/4/2025, UBND tỉnh Hà Tĩnh tổ chức hội nghị tổng kết <img src=x onerror=alert(1)>. "
    "Ông Nguyễn Văn Thành, Phó Chủ tịch UBND tỉnh phát biểu: “</p><script>alert(2)</script> & <b>”.\n"
)


@pytest.fixture(scope="module")
def sample(extractor):
    return extractor.extract(SAMPLE.read_text("utf-8"), id="le-ky-ket", published="2025-03-18")


def tag_free(page: str) -> str:
    """The article text of a page: what is inside <p class="text">, tags dropped, entities read."""
    body = page.split('<p class="text">', 1)[1].split("</p>\n</article>", 1)[0]
    return html.unescape(re.sub(r"<[^>]+>", "", body))


@pytest.mark.parametrize("kind", KINDS)
def test_the_page_highlights_every_kind_of_item(sample, kind: str) -> None:
    """Dates, people, titles, organizations, activities and the event each have marks on the sample."""
    page = render(sample)
    assert f'<mark class="hl hl-{kind}" data-kind="{kind}"' in page


def test_every_highlight_covers_its_items_text(sample) -> None:
    """A highlight's offsets are the record's: the text under it is the item's text (titles and
    event fields, given as strings, are found where the text writes them)."""
    spans = highlights(sample)
    by_kind = {k: {sample.text[h.start : h.end] for h in spans if h.kind == k} for k in KINDS}
    assert {d.text for d in sample.dates} <= by_kind["date"]
    assert {m.text for p in sample.people for m in p.mentions} <= by_kind["person"]
    assert {o.text for o in sample.organizations} <= by_kind["organization"]
    assert {a.text for a in sample.activities} <= by_kind["activity"]
    assert by_kind["title"] <= {t for p in sample.people for t in p.titles}
    assert by_kind["title"]
    assert sample.event.type in {t.lower() for t in by_kind["event"]}


def test_the_page_shows_the_whole_text_unchanged(sample) -> None:
    """Marks only wrap the text: without them it is the record's text, character for character."""
    assert tag_free(render(sample)) == sample.text


def test_every_dev_article_renders_with_its_text_intact(extractor, shared_dev) -> None:
    """On the shared dev articles (skipped without ../shared): each page keeps the text whole and marks
    every date, person mention, organization mention and activity."""
    for line in (shared_dev / "articles.jsonl").read_text("utf-8").splitlines():
        obj = json.loads(line)
        article = extractor.extract(
            obj["text"], id=obj.get("id"), title=obj.get("title"), published=obj.get("published")
        )
        page = render(article)
        assert tag_free(page) == article.text, article.id
        marked = {(h.start, h.end) for h in highlights(article)}
        items = [*article.dates, *article.activities]
        items += [m for p in article.people for m in p.mentions] + [
            m for o in article.organizations for m in o.mentions
        ]
        assert {(i.start, i.end) for i in items} <= marked, article.id


@pytest.mark.parametrize(
    ("spans", "expected"),
    [
        ([], "abcdef"),
        ([(1, 3, "date")], "a<m date>bc</m>def"),
        ([(0, 6, "person"), (2, 4, "title")], "<m person>ab<m title>cd</m>ef</m>"),
        ([(2, 4, "title"), (0, 6, "person")], "<m person>ab<m title>cd</m>ef</m>"),
        # crossing: the second is closed and reopened at the first's end, so the markup nests
        ([(0, 4, "activity"), (2, 6, "date")], "<m activity>ab<m date>cd</m></m><m date>ef</m>"),
        ([(1, 5, "organization"), (1, 5, "person")], "a<m organization><m person>bcde</m></m>f"),
    ],
    ids=["none", "one", "nested", "nested-any-order", "crossing", "same-stretch"],
)
def test_overlapping_spans_nest_and_crossing_ones_are_split(spans, expected) -> None:
    markup = mark_up("abcdef", [Highlight(s, e, k, k) for s, e, k in spans])
    short = re.sub(r'<mark class="hl hl-(\w+)"[^>]*>', r"<m \1>", markup).replace("</mark>", "</m>")
    assert short == expected


def test_a_date_range_says_its_end_on_hover(run) -> None:
    """The hover text of a range gives both ends, as the record does."""
    page = render(run("Trong giai đoạn 2016-2020, tỉnh xây dựng 120 km đường giao thông nông thôn."))
    assert "date 2016 → 2020 (year)" in page


def test_article_text_is_escaped_never_markup(run) -> None:
    """Tags in an article (title or body) are shown as text: no script or img element reaches the page."""
    page = render(run(HOSTILE))
    assert "<script" not in page
    assert "<img" not in page
    assert "<b>" not in page
    assert "&lt;script&gt;alert(2)&lt;/script&gt;" in page
    assert tag_free(page) == run(HOSTILE).text


def test_the_page_is_self_contained_and_fits_a_phone(sample) -> None:
    """No external load (src, href, url(), @import), no script; a viewport meta; one column on narrow screens."""
    page = render(sample)
    assert not re.search(r"""(src|href)\s*=\s*["']?\s*(https?:)?//""", page, re.IGNORECASE)
    assert "url(" not in page
    assert "@import" not in page
    assert "<script" not in page and "<link" not in page
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in page
    assert "@media (max-width: 860px) { main { grid-template-columns: minmax(0, 1fr)" in page


@pytest.mark.parametrize(
    ("id_", "number", "expected"),
    [
        ("le-ky-ket", 1, "0001-le-ky-ket.html"),
        ("a/../b c", 12, "0012-a-..-b-c.html"),
        (None, 3, "0003.html"),
        ("Hà Nội", 2, "0002-H-N-i.html"),
    ],
)
def test_page_names_are_safe_file_names(sample, id_, number, expected) -> None:
    assert page_name(sample.model_copy(update={"id": id_}), number) == expected


# --- the commands ------------------------------------------------------------------------------------


def test_show_writes_the_review_page_of_an_article(tmp_path: Path) -> None:
    out = tmp_path / "page.html"
    result = CliRunner().invoke(main, ["show", str(SAMPLE), "--published", "2025-03-18", "-o", str(out)])
    assert result.exit_code == 0, result.output
    page = out.read_text("utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert "Trịnh Xuân Phong" in page and 'data-kind="person"' in page


def test_show_prints_to_stdout_and_shows_an_archives_first_article() -> None:
    result = CliRunner().invoke(main, ["show", str(SAMPLES / "archive.jsonl")])
    assert result.exit_code == 0, result.stderr
    first = json.loads((SAMPLES / "archive.jsonl").read_text("utf-8").splitlines()[0])
    assert f"<h1>{html.escape(first['title'], quote=False)}</h1>" in result.stdout


@pytest.mark.parametrize(
    ("content", "fragment"),
    [(b"", "empty [empty]"), (b"\x00\x01binary", "[binary]")],
    ids=["empty", "binary"],
)
def test_show_reports_an_input_that_is_not_an_article_in_one_line(tmp_path: Path, content, fragment) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    result = CliRunner().invoke(main, ["show", str(path)])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.startswith("vnnews: ") and fragment in result.stderr
    assert "Traceback" not in result.stderr


def test_batch_html_writes_pages_of_the_first_records_and_an_index(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    pages = tmp_path / "pages"
    args = [
        "batch",
        str(SAMPLES / "archive.jsonl"),
        "-o",
        str(out),
        "-j",
        "1",
        "--html",
        str(pages),
        "--html-limit",
        "2",
    ]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.stderr
    names = sorted(p.name for p in pages.iterdir())
    assert names == ["0001-sample-001.html", "0002-sample-002.html", "index.html"]
    index = (pages / "index.html").read_text("utf-8")
    assert 'href="0001-sample-001.html"' in index and 'href="0002-sample-002.html"' in index
    assert "2 review pages" in result.stderr


@pytest.mark.parametrize(
    ("extra", "fragment"),
    [(["-o", "-"], "give -o FILE"), (["-o", "X", "--no-text"], "not with --no-text")],
    ids=["stdout", "no-text"],
)
def test_batch_html_needs_a_file_output_with_the_text(tmp_path: Path, extra, fragment) -> None:
    extra = [str(tmp_path / "o.jsonl") if x == "X" else x for x in extra]
    result = CliRunner().invoke(main, ["batch", str(SAMPLE), "--html", str(tmp_path / "p"), *extra])
    assert result.exit_code == 2
    assert fragment in result.stderr


# --- a real browser ----------------------------------------------------------------------------------

CHROMIUM = next(
    (shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome") if shutil.which(n)), None
)


def dump_dom(page: Path) -> str:
    """The DOM headless Chromium builds from a page (after parsing), serialized; nothing downloaded."""
    with tempfile.TemporaryDirectory() as profile:
        done = subprocess.run(
            [
                CHROMIUM,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                f"--user-data-dir={profile}",
                "--dump-dom",
                page.as_uri(),
            ],
            capture_output=True,
            text=True,
            timeout=120,
        )
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


@pytest.mark.skipif(CHROMIUM is None, reason="no Chromium installed (apt-get install chromium)")
def test_a_browser_builds_the_highlights_into_the_dom(tmp_path: Path, sample, run) -> None:
    """Headless Chromium parses the page: every kind's marks are elements of the DOM, with the item's
    text inside; an article's <script> stays text."""
    page = tmp_path / "page.html"
    page.write_text(render(sample), encoding="utf-8")
    dom = dump_dom(page)
    for kind in KINDS:
        assert re.search(rf'<mark class="hl hl-{kind}" data-kind="{kind}"', dom), kind
    person = sample.people[0]
    assert re.search(rf'data-kind="person"[^>]*>{re.escape(person.text)}</mark>', dom)
    hostile = tmp_path / "hostile.html"
    hostile.write_text(render(run(HOSTILE)), encoding="utf-8")
    dom = dump_dom(hostile)
    assert "<script" not in dom and "<img" not in dom
    assert "&lt;script&gt;alert(2)&lt;/script&gt;" in dom
