"""Activities from the cue rules and the learned tagger together (issue #16), with their status.
Sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.helpers import gap

PROSE = [
    pytest.param(
        "Đoàn viên đã vận động các nhà hảo tâm ủng hộ 300 bộ sách vở cho học sinh vùng cao.",
        ["vận động các nhà hảo tâm ủng hộ 300 bộ sách vở cho học sinh vùng cao"],
        id="prose-action-with-a-count",
    ),
    pytest.param(
        "Năm qua, Hội đã tổ chức 12 buổi tập huấn kỹ thuật cho nông dân trong tỉnh.",
        ["tổ chức 12 buổi tập huấn kỹ thuật cho nông dân trong tỉnh"],
        id="training-sessions-told-in-prose",
        marks=gap(
            "the tagger labels counted trainings as optional (operational results) and they are not added"
        ),
    ),
    pytest.param(
        "Nhiều cơ quan đã hưởng ứng cuộc vận động ngày thứ Bảy vì cộng đồng trong tháng qua.",
        ["cuộc vận động ngày thứ Bảy vì cộng đồng"],
        id="unquoted-movement",
        marks=gap("an unquoted movement's name is neither a rule's named item nor tagged by the model"),
    ),
    pytest.param(
        "Thời gian tới, các cấp hội sẽ tổ chức thêm nhiều lớp tập huấn cho hội viên.",
        [],
        id="a-future-action-is-not-added",
    ),
    pytest.param(
        "Trao đổi với phóng viên, ông cho biết Chương trình phối hợp hoạt động đạt được nhiều kết quả.",
        ["Chương trình phối hợp hoạt động"],
        id="a-name-ends-before-its-verb-and-a-talk-is-no-award",
    ),
]


@pytest.mark.parametrize(("text", "expected"), PROSE)
def test_activities_told_in_prose(run, text: str, expected: list[str]) -> None:
    """What a body did, told in running prose, joins what the cue rules find."""
    assert [a.text for a in run(text).activities] == expected


@pytest.mark.parametrize(
    ("text", "item", "status"),
    [
        ("Tại buổi lễ, hai đơn vị đã ký kết Chương trình phối hợp giai đoạn 2025-2030.", "Chương trình phối hợp giai đoạn 2025-2030", "signed"),
        ("Hội nghị đã phát động phong trào “Thi đua lao động giỏi” trong toàn tỉnh.", "phong trào “Thi đua lao động giỏi”", "launched"),
        ("Đồng chí đề nghị các địa phương cần đẩy mạnh phong trào “Toàn dân đoàn kết xây dựng đời sống văn hóa”.", "phong trào “Toàn dân đoàn kết xây dựng đời sống văn hóa”", "advised"),
        ("Năm tới, tỉnh sẽ triển khai Đề án “Phát triển du lịch cộng đồng” tại các huyện miền núi.", "Đề án “Phát triển du lịch cộng đồng”", "planned"),
        ("Năm qua, các cấp hội đã thực hiện Quỹ “Vì người nghèo” với nhiều kết quả.", "Quỹ “Vì người nghèo”", "carried_out"),
    ],
    ids=["adopted-agreement", "launched-movement", "advised-in-a-suggestion", "planned-for-next-year", "carried-out"],
)  # fmt: skip
def test_every_activity_carries_the_status_of_its_own_clause(run, text: str, item: str, status: str) -> None:
    """signed, launched, planned, advised or carried out: kept and marked, so users can filter."""
    found = {a.text: a.status for a in run(text).activities}
    assert found.get(item) == status, found


def test_the_source_says_rules_or_model(run) -> None:
    """Each activity says whether the cue rules or the learned tagger found it."""
    record = run("Chương trình “Mái ấm tình thương” đã hỗ trợ xây mới 25 căn nhà cho hộ khó khăn.")
    assert [(a.text, a.source) for a in record.activities] == [
        ("Chương trình “Mái ấm tình thương”", "rules"),
        ("hỗ trợ xây mới 25 căn nhà cho hộ khó khăn", "model"),
    ]


def test_a_report_with_a_list_keeps_the_rules_alone(run) -> None:
    """Two or more items found by the cue rules: the tagger adds nothing (the rules are precise on
    the lists of reports)."""
    record = run(
        "Các mô hình được triển khai như: tổ chức tập huấn cho hội viên; xây dựng quỹ tín dụng. "
        "Ngoài ra, Hội còn vận động các nhà hảo tâm ủng hộ 300 bộ sách vở cho học sinh."
    )
    assert all(a.source == "rules" for a in record.activities)


# --- both span decisions: the hand gating (rerank: false) and the learned one (rerank: true) -----


@pytest.fixture(scope="module", params=[False, True], ids=["gated", "reranked"])
def hybrid(request):
    """Extract one text with the activities component set to rerank: false, then true."""
    from vnnews.pipeline.api import Extractor
    from vnnews.pipeline.nlp import build

    nlp = build()
    nlp.replace_pipe("vnnews_activities", "vnnews_activities", config={"rerank": request.param})
    extractor = Extractor(nlp)
    return lambda text: extractor.extract(text)


NAMED_KEPT = [
    pytest.param(
        "Thanh niên xã tích cực hưởng ứng phong trào “Ngày Chủ nhật xanh” do Tỉnh đoàn phát động.",
        "phong trào “Ngày Chủ nhật xanh”",
        id="quoted-movement-alone-in-its-sentence",
    ),
    pytest.param(
        "Xã được chọn làm điểm thực hiện mô hình ‘Chợ an toàn thực phẩm’ của huyện.",
        "mô hình ‘Chợ an toàn thực phẩm’",
        id="model-in-curly-single-quotes",
    ),
    pytest.param(
        "Năm nay, giải chạy mang chủ đề “Vì trái tim khỏe” thu hút hàng nghìn người.",
        "“Vì trái tim khỏe”",
        id="quoted-theme",
    ),
    pytest.param(
        "Nhiều gương mặt trẻ được nhận Giải thưởng Lý Tự Trọng trong dịp này.",
        "Giải thưởng Lý Tự Trọng",
        id="award-head-with-a-capitalized-name",
    ),
    pytest.param(
        "Cựu chiến binh huyện tham gia Cuộc vận động “Vì người nghèo” với nhiều việc làm thiết thực.",
        "Cuộc vận động “Vì người nghèo”",
        id="capitalized-campaign-head-with-quoted-name",
    ),
]


@pytest.mark.parametrize(("text", "item"), NAMED_KEPT)
def test_named_rule_items_are_kept_by_either_decision(hybrid, text: str, item: str) -> None:
    """A named campaign, program, model or theme the rules find stays, wherever it stands."""
    found = [(a.text, a.source) for a in hybrid(text).activities]
    assert (item, "rules") in found, found


NOTHING_FROM_THE_LIST = [
    pytest.param(
        "Kết luận hội nghị, Chủ tịch UBND huyện đề nghị các xã: rà soát hộ nghèo cuối năm; sửa chữa nhà "
        "văn hóa thôn; tuyên truyền phòng chống dịch bệnh cho đàn gia súc.",
        ["hộ nghèo", "nhà văn hóa", "dịch bệnh"],
        id="instructions-after-de-nghi-colon",
    ),
    pytest.param(
        "Thời gian tới, Hội cần tập trung vào: phát triển hội viên mới; xây dựng quỹ hỗ trợ nông dân; "
        "mở lớp dạy nghề cho lao động nông thôn.",
        ["hội viên mới", "quỹ hỗ trợ", "dạy nghề"],
        id="tasks-after-can-tap-trung-vao",
    ),
    pytest.param(
        "Năm 2026, Đoàn xã phấn đấu: thành lập 2 câu lạc bộ tin học; vận động 100 đoàn viên hiến máu.",
        ["câu lạc bộ", "hiến máu"],
        id="targets-after-phan-dau",
    ),
    pytest.param(
        "Hội sách trưng bày 1.500 cuốn sách với các chủ đề: Biển đảo quê hương; Danh nhân đất Việt; "
        "Xây dựng đời sống văn hóa ở khu dân cư.",
        ["Biển đảo", "Danh nhân", "đời sống văn hóa"],
        id="topics-list-the-rules-declined",
    ),
]


@pytest.mark.parametrize(("text", "traps"), NOTHING_FROM_THE_LIST)
def test_the_tagger_adds_nothing_to_an_instruction_or_declined_list(
    hybrid, text: str, traps: list[str]
) -> None:
    """The tagger adds no item of an instruction, target or topic list; what the rules keep of a
    target list ("phấn đấu: A; B", optional in the spec) says it is planned."""
    found = [(a.text, a.source, a.status) for a in hybrid(text).activities]
    listed = [f for f in found if any(t.lower() in f[0].lower() for t in traps)]
    assert all(src == "rules" and st in ("planned", "advised") for _, src, st in listed), found


COLON_CUTS = [
    # (text, span of the tagger's item, expected text)
    ("lễ hội đua thuyền năm 2024: Các đội đã sẵn sàng từ sáng sớm", "lễ hội đua thuyền năm 2024"),
    ("tổ chức 12 lớp tập huấn kỹ thuật cho nông dân", "tổ chức 12 lớp tập huấn kỹ thuật cho nông dân"),
    ("Gồm: tập huấn kỹ thuật", "Gồm: tập huấn kỹ thuật"),  # one syllable before the colon: kept
]


@pytest.mark.parametrize(("text", "expected"), COLON_CUTS)
def test_a_tagger_span_ends_before_a_colon(text: str, expected: str) -> None:
    from vnnews.extractors.activities import Item, cut_at_colon

    item = cut_at_colon(text, Item(0, len(text), source="model"))
    assert text[item.start : item.end] == expected


def test_a_rule_item_keeps_its_colon() -> None:
    from vnnews.extractors.activities import Item, cut_at_colon

    text = "Chương trình “Xuân yêu thương: Tết sum vầy”"
    item = cut_at_colon(text, Item(0, len(text), source="rules"))
    assert (item.start, item.end) == (0, len(text))
