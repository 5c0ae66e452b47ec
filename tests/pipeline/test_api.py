"""Tests of pipeline.api: offsets of every extracted item, input errors, dates, titles, batches."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import SAMPLES
from vnnews.pipeline import api
from vnnews.pipeline.api import ArticleInput, Extractor, Failure, parse_published
from vnnews.pipeline.errors import EmptyArticle, InvalidInput, VnnewsError
from vnnews.schemas import Article, Span

SAMPLE_FILES = sorted(SAMPLES.glob("*.txt"))
ARCHIVE_OBJECTS = [
    json.loads(line) for line in (SAMPLES / "archive.jsonl").read_text("utf-8").splitlines() if line.strip()
]

LEAD = "Sáng 10/4, UBND tỉnh Hà Tĩnh tổ chức hội nghị tổng kết công tác năm 2024."
BODY = "Tham dự hội nghị có ông Nguyễn Văn Thành, Phó Chủ tịch UBND tỉnh."


def spans_of(article: Article) -> Iterator[tuple[str, Span]]:
    """Every span-bearing item of an article, labelled: dates, people, organizations, their mentions, activities."""
    for d in article.dates:
        yield "date", d
    for p in article.people:
        yield "person", p
        for m in p.mentions:
            yield "person mention", m
    for o in article.organizations:
        yield "organization", o
        for m in o.mentions:
            yield "organization mention", m
    for a in article.activities:
        yield "activity", a


def misplaced(article: Article) -> list[tuple[str, int, int, str, str]]:
    """Items whose text is not the article text between their offsets."""
    return [
        (kind, s.start, s.end, s.text, article.text[s.start : s.end])
        for kind, s in spans_of(article)
        if article.text[s.start : s.end] != s.text
    ]


def test_samples_are_present() -> None:
    """The team's sample articles are there to test on."""
    assert len(SAMPLE_FILES) >= 4
    assert len(ARCHIVE_OBJECTS) >= 4


@pytest.mark.parametrize("path", SAMPLE_FILES, ids=[p.stem for p in SAMPLE_FILES])
def test_every_item_of_a_sample_article_points_at_its_text(run, path: Path) -> None:
    """article.text[item.start:item.end] == item.text for dates, people, organizations, mentions, activities."""
    article = run(path.read_text("utf-8"))
    assert isinstance(article, Article)
    assert any(True for _ in spans_of(article))
    assert misplaced(article) == []
    for kind, s in spans_of(article):
        assert 0 <= s.start < s.end <= len(article.text), kind


@pytest.mark.parametrize("obj", ARCHIVE_OBJECTS, ids=[o.get("id", "?") for o in ARCHIVE_OBJECTS])
def test_every_item_of_an_archive_article_points_at_its_text(run, obj: dict) -> None:
    """Offsets also hold when the title and publication date come separately."""
    article = run(obj["text"], title=obj.get("title"), published=obj.get("published"), id=obj.get("id"))
    assert article.title == obj["title"]
    assert article.id == obj["id"]
    assert misplaced(article) == []


@pytest.mark.parametrize("path", SAMPLE_FILES, ids=[p.stem for p in SAMPLE_FILES])
def test_sections_of_a_sample_article_lie_inside_its_text(run, path: Path) -> None:
    """Sections are ordered, disjoint and inside the text; the title is the file's first line."""
    raw = path.read_text("utf-8")
    article = run(raw)
    previous_end = 0
    for s in article.sections:
        assert previous_end <= s.start < s.end <= len(article.text)
        previous_end = s.end
    assert article.title == raw.splitlines()[0].strip()


@pytest.mark.parametrize(
    "text", ["", "   ", "\n\n\t ", "\u00a0\u200b\ufeff"], ids=["empty", "spaces", "newlines_tab", "invisible"]
)
def test_text_without_content_raises_empty_article(run, text: str) -> None:
    """Empty, whitespace-only or invisible-only text is an EmptyArticle."""
    with pytest.raises(EmptyArticle):
        run(text)


@pytest.mark.parametrize(
    "value", [None, 42, b"Sang 10/4", ["Hội nghị"]], ids=["none", "int", "bytes", "list"]
)
def test_non_string_text_raises_invalid_input(run, value: object) -> None:
    """A text that is not a str is InvalidInput naming the type."""
    with pytest.raises(InvalidInput, match=type(value).__name__):
        run(value)


def test_empty_article_is_an_invalid_input_and_a_vnnews_error() -> None:
    """The error hierarchy lets callers catch one base class."""
    assert issubclass(EmptyArticle, InvalidInput)
    assert issubclass(InvalidInput, VnnewsError)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2017", "2017"),
        ("2017-06", "2017-06"),
        ("2017-06-08", "2017-06-08"),
        ("2017-06-08T10:00:00+07:00", "2017-06-08"),
        ("2017-06-08 10:00", "2017-06-08"),
        ("  2017-06-08  ", "2017-06-08"),
        ("2016-02-29", "2016-02-29"),
        (None, None),
        ("", None),
        ("   ", None),
    ],
)
def test_parse_published_keeps_the_date_at_its_own_granularity(
    value: str | None, expected: str | None
) -> None:
    """Valid ISO dates come back as YYYY, YYYY-MM or YYYY-MM-DD; a time is dropped."""
    assert parse_published(value) == expected


@pytest.mark.parametrize(
    "value",
    [
        "13/2017",
        "2017-13",
        "2017-00",
        "2017-02-30",
        "2017-02-29",
        "2017-06-31",
        "abc",
        "18/3/2021",
        "2017-6-8",
    ],
)
def test_parse_published_rejects_what_is_not_an_iso_calendar_date(value: str) -> None:
    """Non-ISO forms, month 13 and impossible days raise InvalidInput quoting the value."""
    with pytest.raises(InvalidInput, match=re.escape(repr(value))):
        parse_published(value)


def test_published_is_copied_to_the_record(run) -> None:
    """The record's published field is the parsed input date."""
    article = run(f"{LEAD}\n\n{BODY}", published="2025-04-10T08:00:00+07:00")
    assert article.published == "2025-04-10"


def test_invalid_published_raises_invalid_input(run) -> None:
    """A bad publication date fails the article."""
    with pytest.raises(InvalidInput):
        run(f"{LEAD}\n\n{BODY}", published="10/4/2025")


def test_title_given_separately_is_used(run) -> None:
    """A title passed apart from the body becomes the record's title and first section."""
    title = "Hà Tĩnh tổng kết công tác năm 2024"
    article = run(f"{LEAD}\n\n{BODY}", title=title)
    assert article.title == title
    assert article.text.startswith(title + "\n\n" + LEAD)
    first = article.sections[0]
    assert (first.name, article.text[first.start : first.end]) == ("title", title)
    lead = next(s for s in article.sections if s.name == "lead")
    assert article.text[lead.start : lead.end] == LEAD


def test_title_repeated_at_the_top_of_the_body_is_not_doubled(run) -> None:
    """A body that already starts with the given title keeps one copy of it."""
    title = "Hà Tĩnh tổng kết công tác năm 2024"
    article = run(f"{title}\n\n{LEAD}", title=title)
    assert article.title == title
    assert article.text.count(title) == 1


def test_title_given_separately_is_normalized(run) -> None:
    """The separate title goes through the same normalization as the body."""
    article = run(LEAD, title="Tổng kết phong trào  thi đua «Vì hoà bình»")
    assert article.title == "Tổng kết phong trào thi đua “Vì hòa bình”"


def test_short_title_that_prefixes_the_first_sentence_is_still_the_title(run) -> None:
    """title="Bão số 3" stays the title when the lead begins "Bão số 3 đổ bộ ..."."""
    article = run(
        "Bão số 3 đổ bộ vào Quảng Ninh sáng nay với sức gió mạnh.\n\nNhiều nhà dân bị tốc mái.",
        title="Bão số 3",
    )
    assert article.title == "Bão số 3"


def test_title_alone_is_an_article(run) -> None:
    """A title with an empty body is still an article (not EmptyArticle)."""
    article = run("", title="Hà Tĩnh tổng kết công tác năm 2024")
    assert article.title == "Hà Tĩnh tổng kết công tác năm 2024"


def test_id_and_source_are_copied_to_the_record(run) -> None:
    """What the caller knows about the article is kept."""
    article = run(LEAD, id="bai-01", source="baohatinh.vn")
    assert (article.id, article.source) == ("bai-01", "baohatinh.vn")


def test_record_text_is_the_normalized_text(run) -> None:
    """Offsets refer to the normalized text the record carries."""
    article = run("Sáng 10/4,   UBND tỉnh   tổ chức hội nghị về hoà giải ở cơ sở.\r\n")
    assert article.text == "Sáng 10/4, UBND tỉnh tổ chức hội nghị về hòa giải ở cơ sở."


def test_extract_many_yields_a_failure_between_two_articles_in_order(extractor) -> None:
    """A bad item in the middle becomes a Failure; the items around it still come out, in order."""
    items = [
        ArticleInput(f"{LEAD}\n\n{BODY}", id="mot"),
        ArticleInput("   ", id="hai", source="rong.txt"),
        ArticleInput("Chiều 18/3, Công an tỉnh và Hội LHPN tỉnh ký kết chương trình phối hợp.", id="ba"),
    ]
    results = list(extractor.extract_many(items))
    assert [type(r) for r in results] == [Article, Failure, Article]
    assert [r.id for r in results] == ["mot", "hai", "ba"]
    failure = results[1]
    assert isinstance(failure, Failure)
    assert (failure.kind, failure.source) == ("empty", "rong.txt")
    assert failure.to_dict() == {
        "id": "hai",
        "source": "rong.txt",
        "error": "empty",
        "message": failure.message,
    }


def test_extract_many_turns_each_kind_of_bad_input_into_its_failure(extractor) -> None:
    """Non-str text and a bad date give invalid_input failures without stopping the batch."""
    items = [
        ArticleInput(123, id="so"),  # type: ignore[arg-type]
        ArticleInput(LEAD, id="ngay", published="2025-13"),
        ArticleInput(LEAD, id="tot", published="2025-04"),
    ]
    results = list(extractor.extract_many(items))
    assert [getattr(r, "kind", None) for r in results] == ["invalid_input", "invalid_input", None]
    assert isinstance(results[2], Article)
    assert results[2].published == "2025-04"


def test_module_level_extract_uses_the_shared_pipeline() -> None:
    """pipeline.api.extract returns an Article like Extractor.extract."""
    article = api.extract(f"{LEAD}\n\n{BODY}", title="Hà Tĩnh tổng kết công tác năm 2024")
    assert isinstance(article, Article)
    assert article.title == "Hà Tĩnh tổng kết công tác năm 2024"
    assert misplaced(article) == []


@pytest.fixture(scope="module")
def fresh_extractor() -> Extractor:
    """An Extractor over a newly built pipeline, not the shared one."""
    from vnnews.pipeline import nlp as nlp_module

    return Extractor(nlp_module.build())


@pytest.mark.parametrize("path", SAMPLE_FILES, ids=[p.stem for p in SAMPLE_FILES])
def test_extraction_is_deterministic(extractor, fresh_extractor: Extractor, path: Path) -> None:
    """Two runs, and a freshly built pipeline, give the same JSON."""
    text = path.read_text("utf-8")
    first = extractor.extract(text, published="2025-04-15").model_dump_json()
    second = extractor.extract(text, published="2025-04-15").model_dump_json()
    fresh = fresh_extractor.extract(text, published="2025-04-15").model_dump_json()
    assert first == second == fresh
