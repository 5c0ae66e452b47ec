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
