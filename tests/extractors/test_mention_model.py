"""The shipped mention tagger (extractors/models/mentions/) on sentences written for these tests.

Every sentence below was written for this file; the people in them are invented. The model is
statistical, so each case checks one clear mention of a kind the hand rules used to miss: a foreign
name after a title, a Vietnamese full name, a company or news agency after "hãng", a football club,
a place after a level word. VLSP annotation, which the model learned, keeps a level word inside a
place ("huyện Ba Vì"), so place checks accept the span with or without it.
"""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from tests.helpers import gap
from vnnews.extractors import mention_model
from vnnews.pipeline import nlp as nlp_module

CASES = [
    pytest.param(
        "Giám đốc điều hành Michael Fernandez cho biết công ty sẽ mở thêm ba nhà máy trong năm tới.",
        "Michael Fernandez",
        "PERSON",
        id="foreign-name-after-title",
    ),
    pytest.param(
        "Ông Trần Minh Khoa đã trao 50 suất quà cho các hộ nghèo trong xã vào sáng qua.",
        "Trần Minh Khoa",
        "PERSON",
        id="vietnamese-full-name",
    ),
    pytest.param(
        "Sáng nay, hãng Samsung đã giới thiệu mẫu điện thoại gập mới tại một sự kiện ở thủ đô.",
        "Samsung",
        "ORGANIZATION",
        id="company-after-hang",
    ),
    pytest.param(
        "Theo hãng tin Reuters, cuộc đàm phán giữa hai bên sẽ tiếp tục vào tuần sau.",
        "Reuters",
        "ORGANIZATION",
        id="news-agency",
    ),
    pytest.param(
        "Câu lạc bộ Hoàng Anh Gia Lai đã thắng đội khách với tỷ số 2-0 tối qua.",
        "Hoàng Anh Gia Lai",
        "ORGANIZATION",
        id="football-club",
    ),
    pytest.param(
        "Trong trận đấu tối qua, Real Madrid đã đánh bại đội chủ nhà với tỷ số 3-1.",
        "Real Madrid",
        "ORGANIZATION",
        id="foreign-football-club",
    ),
    pytest.param(
        "Ở vòng đấu tối qua, Hoàng Anh Gia Lai đã thắng đội khách với tỷ số 2-0.",
        "Hoàng Anh Gia Lai",
        "ORGANIZATION",
        id="bare-club-name",
        marks=gap("a bare club name shaped like a person's name ('Hoàng Anh ...') is tagged PERSON"),
    ),
    pytest.param(
        "Mưa lớn kéo dài khiến nhiều tuyến đường ở huyện Ba Vì bị ngập sâu.",
        "Ba Vì",
        "LOCATION",
        id="place-after-level-word",
    ),
]


@pytest.fixture(scope="module")
def make_doc(nlp):
    """vnnews's own tokenizer (the shared pipeline's make_doc)."""
    return nlp.make_doc


def _mentions(doc: Doc) -> list[tuple[str, str]]:
    return [(doc.text[a:b], label) for a, b, label in mention_model.char_spans(doc)]


@pytest.mark.parametrize(("text", "expected", "label"), CASES)
def test_finds_the_mention(make_doc, text: str, expected: str, label: str) -> None:
    found = _mentions(make_doc(text))
    # a level word or a head ("huyện", "Câu lạc bộ") may stay in front, as in VLSP's annotation
    assert any(
        lab == label and span.endswith(expected) and len(span) <= len(expected) + 11 for span, lab in found
    ), found


def test_predict_returns_token_spans(make_doc) -> None:
    doc = make_doc("Ông Trần Minh Khoa đã trao 50 suất quà cho các hộ nghèo trong xã vào sáng qua.")
    spans = mention_model.predict(doc)
    assert spans
    for start, end, label in spans:
        assert 0 <= start < end <= len(doc)
        assert label in mention_model.LABELS


def test_no_mentions_in_plain_prose(make_doc) -> None:
    doc = make_doc("trời hôm nay nắng nhẹ và mọi người đi làm sớm hơn thường lệ.")
    assert mention_model.predict(doc) == []


def test_model_is_loaded_once() -> None:
    assert mention_model.load() is mention_model.load()


def test_component_writes_a_span_group() -> None:
    pipe = nlp_module.build(("vnnews_mentions",))
    doc = pipe("Ông Trần Minh Khoa đã trao 50 suất quà cho các hộ nghèo trong xã vào sáng qua.")
    group = doc.spans[mention_model.SPANS_KEY]
    assert ("Trần Minh Khoa", "PERSON") in [(s.text, s.label_) for s in group]


def test_bio_spans() -> None:
    tags = ["O", "B-PERSON", "I-PERSON", "I-LOCATION", "O", "I-ORGANIZATION"]
    assert mention_model.bio_spans([0, 1, 2, 3, 5, 6], tags) == [
        (1, 3, "PERSON"),
        (3, 4, "LOCATION"),
        (6, 7, "ORGANIZATION"),
    ]


def test_trim_cuts_a_person_to_its_syllables() -> None:
    vocab = nlp_module.build(()).vocab
    doc = Doc(vocab, words=["chúa Jesus", "và", "Lan thích", "hát"], spaces=[True, True, True, False])
    assert doc.text[slice(*mention_model.trim(doc, 0, 1, "PERSON"))] == "Jesus"
    assert doc.text[slice(*mention_model.trim(doc, 2, 3, "PERSON"))] == "Lan"
    # other labels keep their words whole
    assert doc.text[slice(*mention_model.trim(doc, 2, 3, "ORGANIZATION"))] == "Lan thích"


def test_propagate_labels_repeats_of_a_found_name() -> None:
    vocab = nlp_module.build(()).vocab
    doc = Doc(vocab, words=["Cầu thủ", "Ortega", "ghi", "bàn", ".", "Ortega", "cười"])
    assert mention_model.propagate(doc, [(1, 2, "PERSON")]) == [(1, 2, "PERSON"), (5, 6, "PERSON")]


def _reference_scored(doc: Doc) -> list[tuple[int, int, str, float]]:
    """predict_scored the plain way: every training attribute as a str, python-crfsuite's tags and
    per-position marginals on each sentence that may hold a name."""
    from vnnews.extractors.mention_features import doc_context, doc_words, sentence_features, token_texts

    crf = mention_model.load()._tagger
    ctx, texts = doc_context(doc), token_texts(doc)
    spans, confidence = [], {}
    for ids in doc_words(doc):
        words = [texts[i] for i in ids]
        if not mention_model._may_hold_a_name(words):
            continue
        tags = crf.tag(sentence_features(words, ctx))
        for start, end, label in mention_model.bio_spans(ids, tags):
            if label in mention_model.LABELS:
                spans.append((start, end, label))
                first = ids.index(start)
                confidence[start, end] = min(
                    crf.marginal(tags[k], k) for k in range(first, first + end - start)
                )
    return [(s, e, lab, confidence.get((s, e), 1.0)) for s, e, lab in mention_model.propagate(doc, spans)]


@pytest.mark.parametrize(
    "text",
    [
        "Chiều 14/9, Phó Chủ tịch UBND tỉnh Quảng Trị Lê Đức Hạnh đã tiếp đoàn công tác của Tập đoàn "
        "Điện lực Việt Nam. Ông Hạnh cho biết tỉnh sẽ hỗ trợ EVN giải phóng mặt bằng.",
        "HỘI NGHỊ TỔNG KẾT NĂM HỌC\nSáng nay, Sở Giáo dục và Đào tạo TP.HCM đã khen thưởng 45 giáo viên. "
        "Giáo viên Phạm Thu Trang (trường THPT Lê Quý Đôn) nhận bằng khen.",
        "Tiền đạo Marcus Rashford ghi bàn ở phút 77. Rashford sau đó rời sân. Manchester United thắng 2-1.",
        "Xong. Bà Hoàng Thị Mai, trú tại xã Tân Lập, huyện Đan Phượng, Hà Nội, đã trình báo công an.",
        "Tỷ số A|B là 2|1 theo ông Đỗ Minh Quân | trợ lý của Công ty Sao Mai: kết quả 3:0 đã rõ.",
        "trời hôm nay nắng nhẹ. Không ai ra đường.",
    ],
    ids=["official-and-company", "heading-and-school", "football-repeat", "address", "pipes", "no-name"],
)
def test_the_fast_path_gives_the_reference_tags_and_confidences(make_doc, text: str) -> None:
    """The shipped path (known attributes only, as bytes, pairs looked up) gives the spans and
    confidences of the plain path, which hands python-crfsuite every training attribute."""
    doc = make_doc(text)
    expected = _reference_scored(doc)
    got = mention_model.load().predict_scored(doc)
    assert [s[:3] for s in got] == [s[:3] for s in expected]
    assert [s[3] for s in got] == pytest.approx([s[3] for s in expected], abs=1e-9)
    if "Rashford" in text:
        assert expected, "the sentences were written to hold mentions"


def _propagate_reference(doc: Doc, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """propagate as first written: a walk over every token."""
    from collections import Counter

    texts = [t.text for t in doc]
    votes: dict[tuple[str, ...], Counter] = {}
    taken = [False] * len(doc)
    for start, end, label in spans:
        for i in range(start, end):
            taken[i] = True
        if end - start <= 3:
            votes.setdefault(tuple(texts[start:end]), Counter())[label] += 1
    forms = {f: b for f, c in votes.items() if (b := c.most_common(1)[0][0]) in mention_model.PROPAGATED}
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for form in sorted(forms, key=len, reverse=True):
        by_first.setdefault(form[0], []).append(form)
    out = list(spans)
    i = 0
    while i < len(texts):
        candidates = by_first.get(texts[i]) if not taken[i] and texts[i][:1].isupper() else None
        for form in candidates or ():
            end = i + len(form)
            if end <= len(texts) and not any(taken[i:end]) and tuple(texts[i:end]) == form:
                out.append((i, end, forms[form]))
                i = end - 1
                break
        i += 1
    return sorted(out)


@pytest.mark.parametrize(
    ("words", "spans"),
    [
        (["Ortega", "Ortega", "Ortega", "Lima", "nói"], [(0, 1, "PERSON")]),
        (["Sao", "Mai", "và", "Sao", "Mai", "Sao", "Mai", "Sao"], [(0, 2, "ORGANIZATION"), (7, 8, "PERSON")]),
        (["Lê", "Hà", "gặp", "Hà", "Lê", "Hà", "tại", "Hà"], [(0, 2, "PERSON"), (3, 4, "LOCATION")]),
        (["hà", "Hà", "Vinh", "Hà", "Vinh"], [(1, 3, "PERSON"), (0, 1, "PERSON")]),
    ],
    ids=["back-to-back", "overlapping-forms", "label-votes", "lower-case-form"],
)
def test_propagate_finds_the_repeats_a_walk_over_every_token_finds(words, spans) -> None:
    doc = Doc(nlp_module.build(()).vocab, words=words)
    assert mention_model.propagate(doc, spans) == _propagate_reference(doc, spans)


def test_the_shipped_model_was_trained_with_today_s_data_files() -> None:
    """The gazetteer and word clusters the features read are the ones the shipped model was trained
    with (their SHA-256, recorded by the training command): change either, then retrain
    (python -m vnnews.extractors.training.mentions --engine crf --out extractors/models/mentions/)."""
    assert mention_model.recorded_inputs() == mention_model.input_fingerprints()
