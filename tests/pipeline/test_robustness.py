"""Bad input: every input gets a record or a specific error, in bounded time, and the same text
written dirtily gives the same record as written cleanly."""

from __future__ import annotations

import contextlib
import json
import signal
import unicodedata

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from vnnews.pipeline.errors import EmptyArticle, InvalidInput, VnnewsError
from vnnews.schemas.__main__ import SCHEMA_FILE

CLEAN = (
    "Hội nghị tổng kết công tác phối hợp năm 2024\n\n"
    "Sáng 12/4, tại Hội trường UBND tỉnh, Bộ CHQS tỉnh và Hội Cựu chiến binh tỉnh tổ chức hội nghị. "
    "Tham dự có đồng chí Nguyễn Văn Hòa – Phó Chủ tịch UBND tỉnh; Đại tá Trần Quốc Thủy – Chính ủy Bộ CHQS tỉnh.\n\n"
    "Nhiều mô hình hiệu quả được triển khai như: Quỹ “Vì người nghèo”; phong trào “Dân vận khéo”.\n\n"
    "Minh Châu"
)


def dirty_variants(text: str) -> dict[str, str]:
    """The clean text written in the ways real archives write it."""
    old_tones = text.replace("Hòa", "Hoà").replace("Thủy", "Thuỷ").replace("ủy", "uỷ")
    return {
        "nfd": unicodedata.normalize("NFD", text),
        "old-tone-placement": old_tones,
        "mixed-tone-placement": text.replace("Hòa", "Hoà"),
        "zero-width": text.replace(" ", " \u200b").replace("tỉnh", "tỉ\u200bnh"),
        "nbsp": text.replace(" ", "\u00a0"),
        "crlf": text.replace("\n", "\r\n"),
        "lone-cr": text.replace("\n", "\r"),
        "control-chars": text.replace("Sáng", "\x07Sáng\x1b").replace("năm", "n\x00ăm"),
        "bom-and-soft-hyphen": "\ufeff" + text.replace("nghị", "ng\u00adhị"),
        "tabs-and-double-spaces": text.replace(" ", "  ").replace("\n\n", "\n\t\n \n"),
        "em-dash-and-guillemets": text.replace("–", "—").replace("“", "«").replace("”", "»"),
    }


@pytest.mark.parametrize("name", list(dirty_variants(CLEAN)))
def test_dirty_text_gives_the_clean_record(run, name: str) -> None:
    """NFD, old tone placement, zero-width and non-breaking spaces, CRLF, control characters: same record."""
    clean = run(CLEAN, published="2024-04-12").model_dump(mode="json")
    dirty = run(dirty_variants(CLEAN)[name], published="2024-04-12").model_dump(mode="json")
    assert dirty == clean


@pytest.mark.parametrize("text", ["", " ", "\n\n\t ", "\u200b\ufeff", "\x00\x01"])
def test_empty_input_is_a_specific_error(run, text: str) -> None:
    """Empty, whitespace-only and invisible-only text raise EmptyArticle."""
    with pytest.raises(EmptyArticle):
        run(text)


def test_title_without_body_gives_a_record(run) -> None:
    """A title alone is an article: a record with its title."""
    article = run("", title="Lễ ra quân chiến dịch tình nguyện hè năm 2025")
    assert article.title == "Lễ ra quân chiến dịch tình nguyện hè năm 2025"
    assert [d.value for d in article.dates] == ["2025"]


def test_body_without_title_gives_a_record(run) -> None:
    """A body without a title line: no title, everything else extracted."""
    article = run(
        "Sáng 12/4, Hội Nông dân tỉnh tổ chức đại hội. Đồng chí Lê Văn An phát biểu.", published="2025"
    )
    assert article.title is None
    assert [p.name for p in article.people] == ["Lê Văn An"]


def test_huge_article_is_refused_with_a_specific_error(run) -> None:
    """A 20 MB text is not an article: InvalidInput naming the limit, quickly."""
    with bounded(30), pytest.raises(InvalidInput, match="more than the limit"):
        run("Hội nghị tổng kết năm 2024 diễn ra tại Hà Nội. " * 400_000)


@contextlib.contextmanager
def bounded(seconds: int):
    """Fail (instead of hanging) when the block runs longer than seconds: a guard, not a speed test."""

    def alarm(signum, frame):
        raise TimeoutError(f"did not finish within {seconds} s")

    old = signal.signal(signal.SIGALRM, alarm)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


ADVERSARIAL = {
    "200k-char-line": "Sáng 12/4, đồng chí Nguyễn Văn An dự hội nghị tại UBND tỉnh " * 3400,
    "50k-commas": "Hội, " * 50_000,
    "50k-semicolons": "như: a; " + "tham gia; " * 50_000,
    "unbalanced-quotes": "phong trào “" * 20_000 + 'Quỹ "' * 20_000,
    "unbalanced-brackets": "(((((" * 20_000 + "ngày 12/4" + ")))" * 5_000,
    "capital-runs": "Nguyễn " * 50_000,
    "titles-without-names": "Phó Chủ tịch UBND tỉnh, " * 10_000,
    "dates-everywhere": "ngày 1/1, " * 20_000,
    "digits-and-slashes": "1/" * 100_000,
    "long-word": "a" * 200_000,
    "dashes": "– " * 100_000,
    "honorifics": "đồng chí " * 50_000,
    "abbreviations": "UBND TP.HCM T.Ư " * 20_000,
}


@pytest.mark.parametrize("name", list(ADVERSARIAL))
def test_adversarial_input_finishes_in_bounded_time(run, name: str) -> None:
    """Pathological punctuation and repetition give a valid record without catastrophic backtracking."""
    text = ADVERSARIAL[name]
    with bounded(60):
        article = run(text)
    for item in [*article.dates, *article.people, *article.organizations, *article.activities]:
        assert article.text[item.start : item.end] == item.text


SCHEMA = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
VIETNAMESE = "aàáảãạăằắẳẵặâầấẩẫậđeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵ"
WORDS = [
    "Hội", "nghị", "tỉnh", "UBND", "Bộ", "CHQS", "đồng chí", "Nguyễn", "Văn", "Thành", "Đại tá", "Phó",
    "Chủ tịch", "ngày", "tháng", "năm", "2024", "12/4", "18/3/2021", "sáng", "–", "“", "”", ";", ",", ".",
    ":", "(", ")", "như:", "Quỹ", "phong trào", "\n", "\n\n", "hôm qua", "quý I/2025", "giai đoạn", "-",
]  # fmt: skip
texts = st.one_of(
    st.text(max_size=400),
    st.text(alphabet=VIETNAMESE + VIETNAMESE.upper() + " .,;:–-“”\"'()/\n0123456789", max_size=400),
    st.lists(st.sampled_from(WORDS), max_size=80).map(" ".join),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=texts, published=st.sampled_from([None, "2024", "2024-04", "2024-04-12"]))
def test_any_text_gives_a_valid_record_or_a_specific_error(extractor, text: str, published) -> None:
    """Property: no exception but VnnewsError escapes; records validate; offsets slice; deterministic."""
    try:
        article = extractor.extract(text, published=published)
    except VnnewsError:
        return
    record = article.model_dump(mode="json")
    jsonschema.validate(record, SCHEMA)
    for key in ("dates", "people", "organizations", "activities"):
        for item in record[key]:
            assert record["text"][item["start"] : item["end"]] == item["text"]
            for m in item.get("mentions", []):
                assert record["text"][m["start"] : m["end"]] == m["text"]
    assert extractor.extract(text, published=published).model_dump(mode="json") == record
