"""The learned event-day decision (extractors/event_model.py): its features, one table per feature
class, the decision over options, the shipped weights, and the rules switch. Every sentence below
was written for these tests."""

from __future__ import annotations

import pytest

from vnnews.extractors import dates, event_model, metadata
from vnnews.pipeline.api import ArticleInput

P = pytest.param
TITLE = "Tin hoạt động trong tuần"


@pytest.fixture(scope="module")
def options(extractor):
    """options(text, title=..., published=...) -> the article's candidates (the last: no event)."""

    def _options(
        text: str, title: str = TITLE, published: str | None = "2024"
    ) -> list[event_model.Candidate]:
        doc = extractor._doc(ArticleInput(text, title=title, published=published))
        for _, proc in extractor.nlp.pipeline:
            doc = proc(doc)
        solar, lunar = metadata.event_candidates(doc, dates.to_records(doc))
        return event_model.candidates(doc, solar, lunar)

    return _options


def feats_of(cands: list[event_model.Candidate], written: str) -> dict[str, float]:
    """The features of the candidate whose text is `written`."""
    return next(c.feats for c in cands if c.item is not None and c.item.text == written)


# (text, the date as written, a feature it must have, a feature it must not have)
CANDIDATE_FEATURES = [
    # section and sentence
    P("Sáng 3/4, Hội Nông dân xã tổ chức hội nghị.", "Sáng 3/4", "sec=lead", "sec=body", id="section-lead"),
    P(
        "Hội Nông dân xã họp bàn kế hoạch.\nHai bên gặp nhau ngày 3/4.",
        "ngày 3/4",
        "sec=body",
        "sec=lead",
        id="section-body",
    ),
    P(
        "Hội nghị mở đầu.\nCông việc bàn giao.\nKết quả tốt.\nMọi người vui.\nXong ngày 3/4.",
        "ngày 3/4",
        "sent=4",
        "sent=0",
        id="sentence-index",
    ),
    # how it opens its sentence
    P(
        "Sáng 3/4, Hội Nông dân xã tổ chức hội nghị.",
        "Sáng 3/4",
        "opens_lede",
        "prev=other",
        id="opens-with-comma",
    ),
    P(
        "(Báo Tỉnh) - Chiều 3/4, Hội Nông dân xã tổ chức hội nghị.",
        "Chiều 3/4",
        "opens",
        "prev=other",
        id="after-a-dateline",
    ),
    P(
        "Hội Nông dân xã tổ chức hội nghị vào ngày 3/4.",
        "vào ngày 3/4",
        "w0=vào",
        "opens",
        id="opening-word-vao",
    ),
    P(
        "Hội Nông dân xã mở lớp học kể từ ngày 3/4.",
        "ngày 3/4",
        "prev=kể từ",
        "opens",
        id="word-before-ke-tu",
    ),
    # the words of the date itself, time of day, clock
    P("Hội nghị họp chiều 3/4 tại hội trường xã.", "chiều 3/4", "w0=chiều", "w0=num", id="part-of-day-word"),
    P("Hội nghị họp chiều 3/4 tại hội trường xã.", "chiều 3/4", "pod", "clock", id="part-of-day"),
    P(
        "Hội nghị họp lúc 14 giờ ngày 3/4 tại hội trường.",
        "lúc 14 giờ",
        "clock",
        "w0=ngày",
        id="clock-time",
    ),
    P("Hai bên gặp nhau 3/4/2024 để bàn việc.", "3/4/2024", "w0=num", "pod", id="bare-number"),
    # its year against the publication year, and how recent it is among the article's days
    P(
        "Hai bên gặp nhau ngày 3/4/2021 và ký lại ngày 5/4.",
        "ngày 3/4/2021",
        "year=older",
        "year=same",
        id="older-year",
    ),
    P("Hai bên gặp nhau ngày 3/4 và ký lại ngày 5/4.", "ngày 5/4", "recent=0", "recent=1", id="latest-day"),
    P(
        "Hai bên gặp nhau ngày 3/4 và ký lại ngày 5/4.",
        "ngày 3/4",
        "gap=2",
        "gap=0",
        id="days-before-the-latest",
    ),
    # range start, lunar, quotes and brackets, repeats
    P(
        "Hội chợ mở từ ngày 3 đến 6/4 tại sân vận động.",
        "từ ngày 3 đến 6/4",
        "range_start",
        "lunar",
        id="range",
    ),
    P(
        "Lễ hội làng mở vào ngày 10/3 âm lịch tại đình làng.",
        "ngày 10/3 âm lịch",
        "lunar",
        "range_start",
        id="lunar",
    ),
    P("Ông nói: “Chúng tôi họp ngày 3/4 rồi”.", "ngày 3/4", "quoted", "bracket", id="inside-quotes"),
    P(
        "Hội nghị lần trước (họp ngày 3/4) đã thống nhất.",
        "ngày 3/4",
        "bracket",
        "quoted",
        id="inside-brackets",
    ),
    P(
        "Hai bên gặp nhau ngày 3/4. Sau ngày 3/4 họ ký kết.",
        "ngày 3/4",
        "count=2",
        "count=1",
        id="same-day-twice",
    ),
    # what the rules pick
    P("Sáng 3/4, Hội Nông dân xã tổ chức hội nghị.", "Sáng 3/4", "rule=lede", "rule=none", id="rule-lede"),
    P(
        "Hội Nông dân xã khen thưởng hội viên.\nVề sau, họ gặp nhau ngày 3/4.",
        "ngày 3/4",
        "rule=fallback",
        "rule=lede",
        id="rule-fallback",
    ),
    P("Sáng 3/4, Hội Nông dân xã tổ chức hội nghị.", "Sáng 3/4", "cascade", "cascade_day", id="cascade-pick"),
]


@pytest.mark.parametrize(("text", "written", "has", "has_not"), CANDIDATE_FEATURES)
def test_candidate_features(options, text, written, has, has_not) -> None:
    feats = feats_of(options(text), written)
    assert has in feats and has_not not in feats


# (title, text, a "no event" feature the article must have)
NULL_FEATURES = [
    P(
        "Bí quyết chọn quà cho mẹ",
        "Một món quà nhỏ làm mẹ vui cả ngày.",
        "null|title_kind",
        id="advice-title",
    ),
    P(
        "Vì sao lúa chậm trổ bông?",
        "Nông dân lo lắng vì lúa chậm trổ.",
        "null|title_question",
        id="question-title",
    ),
    P(TITLE, "Hội Nông dân xã vừa tổng kết năm.", "null|lead_past", id="lead-told-as-done"),
    P(TITLE, "Hội Nông dân xã sẽ mở lớp học nghề.", "null|lead_future", id="lead-told-as-planned"),
    P(TITLE, "Hội Nông dân xã tổng kết năm.\nHọ gặp nhau ngày 3/4.", "null|lead_undated", id="lead-undated"),
    P(TITLE, "Hội Nông dân xã tổng kết năm.", "null|n=0", id="no-candidate"),
    P(TITLE, "Hai bên gặp nhau ngày 3/4/2021.", "null|in_year=0", id="none-in-the-publication-year"),
    P(
        TITLE,
        "Sáng 3/4, Hội Nông dân xã tổ chức hội nghị.",
        "null|cascade=lede",
        id="what-the-cascade-picked",
    ),
]


@pytest.mark.parametrize(("title", "text", "has"), NULL_FEATURES)
def test_no_event_features(options, title, text, has) -> None:
    none = options(text, title=title)[-1]
    assert none.item is None and has in none.feats


def _cand(day: str, **feats: float) -> event_model.Candidate:
    return event_model.Candidate(None if day == event_model.NULL else object(), day, feats)


@pytest.mark.parametrize(
    ("weights", "offset", "expected"),
    [
        ({"a": 2.0}, 0.0, "2024-04-03"),
        ({"b": 1.0}, 0.0, "2024-04-05"),  # two items of one day together beat a single higher one
        ({"a": -3.0, "b": -3.0}, 0.0, None),
        ({"a": 2.0}, 5.0, None),  # the offset favours "no event"
    ],
    ids=["best-item", "day-sums-its-items", "no-event-wins", "offset"],
)
def test_decide(weights: dict, offset: float, expected: str | None) -> None:
    cands = [_cand("2024-04-03", a=1.0), _cand("2024-04-05", b=0.8), _cand("2024-04-05", b=0.8)]
    cands.append(_cand(event_model.NULL, null=1.0))
    chosen = event_model.EventModel(weights, offset).decide(cands)
    assert (chosen.day if chosen else None) == expected


def test_the_shipped_weights_load() -> None:
    model = event_model.load()
    assert model.weights and "cand" in model.weights and "null" in model.weights


# (text, the rules' date, the learned decision's date): the switch gives each
SWITCH = [
    P(
        "Sáng 3/4, Hội Nông dân xã tổ chức hội nghị tổng kết năm.",
        "2024-04-03",
        "2024-04-03",
        id="dated-lede",
    ),
    P("Hội Nông dân xã tổng kết năm.", None, None, id="no-date"),
]


@pytest.mark.parametrize(("text", "rules", "learned"), SWITCH)
def test_the_rules_switch(text, rules, learned) -> None:
    from vnnews.pipeline.api import Extractor
    from vnnews.pipeline.nlp import build

    for use_model, expected in ((False, rules), (True, learned)):
        nlp = build()
        nlp.remove_pipe("vnnews_dates")
        nlp.add_pipe("vnnews_dates", first=True, config={"event_model": use_model})
        assert Extractor(nlp).extract(text, title=TITLE, published="2024").event.date == expected


def test_the_shipped_weights_are_what_the_training_command_writes(tmp_path, shared_train) -> None:
    """The documented command rebuilds the shipped file byte for byte: a change to the date rules
    that moves the features shows up here, and the weights are retrained with it."""
    import subprocess
    import sys

    subprocess.run(
        [
            sys.executable,
            "-m",
            "vnnews.extractors.training.event_date",
            "--out",
            str(tmp_path),
            "--corpus",
            str(shared_train.parent),
        ],
        check=True,
        capture_output=True,
    )
    shipped = event_model.MODEL_DIR / event_model.WEIGHTS_FILE
    assert (tmp_path / event_model.WEIGHTS_FILE).read_bytes() == shipped.read_bytes()
