"""The learned span decision over activity candidates (extractors/activity_rerank.py). Texts written
for these tests."""

from __future__ import annotations

import pytest

from vnnews.extractors import activity_rerank as rr

TEXT = "Hội đã xây dựng Quỹ “Vì người nghèo” và trao 50 suất quà cho hộ khó khăn."


def cand(source: str, text: str, **feats: float) -> rr.Candidate:
    a = TEXT.index(text)
    rules = source == "rules"
    return rr.Candidate(
        a, a + len(text), source, kind="fund" if rules else "", text=text, feats=feats, named=rules
    )


@pytest.mark.parametrize(
    ("weights", "rules_from", "expected"),
    [
        ({"good": 2.0}, None, ["Quỹ “Vì người nghèo”", "trao 50 suất quà cho hộ khó khăn"]),
        ({"good": -2.0}, None, ["Quỹ “Vì người nghèo”"]),  # a quoted named fund stays wherever it stands
        ({"good": 2.0}, 1, ["Quỹ “Vì người nghèo”"]),  # a report: the rules' items alone
    ],
    ids=["both-kept", "quoted-name-kept-anyway", "report-keeps-the-rules"],
)
def test_select(weights: dict, rules_from: int | None, expected: list[str]) -> None:
    rer = rr.Reranker(weights, 0.3, rules_from=rules_from)
    cands = [
        cand("rules", "Quỹ “Vì người nghèo”", good=1.0, quoted=1.0),
        cand("model", "trao 50 suất quà cho hộ khó khăn", good=1.0),
        cand("model", "trao 50 suất quà", good=0.5),  # overlaps the higher-scored span: yields
    ]
    assert [c.text for c in rer.select(cands)] == expected


def test_the_shipped_weights_load() -> None:
    rer = rr.load()
    assert rer.weights and 0 < rer.threshold < 1 and rer.rules_from == 2


TWICE = (
    "Hội Nông dân xã ký Chương trình phối hợp chăm lo cho hội viên khó khăn năm 2025. "
    "Theo chương trình phối hợp chăm lo hội viên, hội đã trao 40 con bò giống cho các hộ nghèo."
)


def cand_at(text: str, source: str, part: str, start: int = 0, **feats: float) -> rr.Candidate:
    a = text.index(part, start)
    return rr.Candidate(a, a + len(part), source, text=part, feats=feats, named=source == "rules")


@pytest.mark.parametrize(
    ("near_duplicate", "expected"),
    [
        (
            None,
            [
                "Chương trình phối hợp chăm lo cho hội viên khó khăn năm 2025",
                "chương trình phối hợp chăm lo hội viên",
                "trao 40 con bò giống cho các hộ nghèo",
            ],
        ),
        # the program named again, shorter, is the same activity; the gift is another one
        (
            0.6,
            [
                "Chương trình phối hợp chăm lo cho hội viên khó khăn năm 2025",
                "trao 40 con bò giống cho các hộ nghèo",
            ],
        ),
    ],
    ids=["repeats-kept", "near-duplicate-left-out"],
)
def test_near_duplicates(near_duplicate: float | None, expected: list[str]) -> None:
    rer = rr.Reranker({"good": 2.0}, 0.3, rules_from=None, near_duplicate=near_duplicate)
    cands = [
        cand_at(TWICE, "rules", "Chương trình phối hợp chăm lo cho hội viên khó khăn năm 2025"),
        cand_at(TWICE, "model", "chương trình phối hợp chăm lo hội viên", good=1.0),
        cand_at(TWICE, "model", "trao 40 con bò giống cho các hộ nghèo", good=1.0),
    ]
    assert [c.text for c in rer.select(cands)] == expected


REPORT = (
    "Năm 2025, hội đã nhân rộng các mô hình như: nuôi bò sinh sản; trồng rau an toàn. "
    "Hội còn mở 3 lớp dạy nghề cho thanh niên và vận động hội viên góp vốn."
)


@pytest.mark.parametrize(
    ("rules_from", "report_threshold", "expected"),
    [
        (2, 1.1, ["nuôi bò sinh sản", "trồng rau an toàn"]),
        (2, 0.5, ["nuôi bò sinh sản", "trồng rau an toàn", "mở 3 lớp dạy nghề cho thanh niên"]),
        (
            None,
            1.1,
            [
                "nuôi bò sinh sản",
                "trồng rau an toàn",
                "mở 3 lớp dạy nghề cho thanh niên",
                "vận động hội viên góp vốn",
            ],
        ),
    ],
    ids=["report-rules-alone", "report-takes-a-confident-tagger-span", "not-a-report"],
)
def test_report_threshold(rules_from: int | None, report_threshold: float, expected: list[str]) -> None:
    """A report (rules_from rule items or more) keeps its rule items and takes a tagger span only from
    report_threshold on; elsewhere the plain threshold decides."""
    rer = rr.Reranker({"good": 2.0}, 0.3, rules_from=rules_from, report_threshold=report_threshold)
    cands = [
        cand_at(REPORT, "rules", "nuôi bò sinh sản"),
        cand_at(REPORT, "rules", "trồng rau an toàn"),
        cand_at(REPORT, "model", "mở 3 lớp dạy nghề cho thanh niên", good=1.0),  # score 0.88
        cand_at(REPORT, "model", "vận động hội viên góp vốn", good=-0.2),  # score 0.40
    ]
    assert [c.text for c in rer.select(cands)] == expected


@pytest.mark.parametrize(
    ("span", "expected"),
    [
        ("tổ chức 5 lớp tập huấn nhằm nâng cao kỹ năng cho hội viên", "tổ chức 5 lớp tập huấn"),
        ("trao 50 suất quà để hỗ trợ các hộ nghèo đón Tết", "trao 50 suất quà"),
        ("mở lớp dạy nghề, nhằm giúp thanh niên có việc làm", "mở lớp dạy nghề"),
        # "để lại", "để dành" are verbs of their own, not a purpose
        ("xây nhà tình nghĩa để lại cho gia đình liệt sĩ", "xây nhà tình nghĩa để lại cho gia đình liệt sĩ"),
        # nothing would remain of the activity
        ("họp nhằm rút kinh nghiệm công tác", "họp nhằm rút kinh nghiệm công tác"),
    ],
    ids=["nham", "de", "comma-nham", "de-lai-is-a-verb", "too-short-to-cut"],
)
def test_purpose_cut(span: str, expected: str) -> None:
    """A tagger span ends before its purpose clause ("nhằm ...", "để ...")."""
    text = f"Năm qua, hội đã {span}."
    a = text.index(span)
    assert text[a : rr.purpose_cut(text, a, a + len(span))] == expected


@pytest.mark.parametrize(
    ("span", "expected"),
    [
        ("lễ ký kết thỏa thuận hợp tác giữa hai trường", "ceremony"),
        ("Lễ trao Giải thưởng sáng tạo trẻ năm 2025 cho 12 công trình", "ceremony"),
        ("lễ khánh thành cầu dân sinh ở xã vùng cao", "ceremony"),
        ("Trao đổi với phóng viên về kết quả năm qua", "talk"),
        ("trao đổi về kinh nghiệm xây dựng nông thôn mới", "talk"),
        ("tặng Bằng khen cho 15 tập thể có thành tích xuất sắc", "decoration"),
        ("Huân chương Lao động hạng Ba", "decoration"),
        ("được trao tặng danh hiệu Chiến sĩ thi đua", "decoration"),
        ("trao tặng 300 suất quà cho hộ nghèo", None),
        ("lễ hội đua thuyền truyền thống", None),  # a festival is no ceremony of the event
        ("lễ rước nước từ sông về đình", None),  # a rite inside a festival
        ("trao đổi đoàn cấp cao giữa hai nước", None),  # exchanges of delegations
    ],
    ids=[
        "signing-ceremony",
        "award-ceremony",
        "inauguration",
        "talk-with-reporter",
        "talk-about",
        "certificate-of-merit",
        "order-alone",
        "title-of-honour-after-two-award-verbs",
        "gifts-are-activities",
        "festival",
        "rite",
        "delegation-exchange",
    ],
)
def test_trap(span: str, expected: str | None) -> None:
    """What the guidelines say is no activity: the event's own ceremony, a talk, a decoration."""
    assert rr.trap(span) == expected


@pytest.mark.parametrize(
    ("span", "expected"),
    [
        ("Lễ trao giải cuộc thi viết về gương người tốt", "cuộc thi viết về gương người tốt"),
        ("lễ ký kết chương trình phối hợp giữa hai ngành", "chương trình phối hợp giữa hai ngành"),
        ("lễ phát động trồng cây đầu xuân", "trồng cây đầu xuân"),
        ("lễ khánh thành", None),  # the ceremony and nothing else
        ("Lễ ra quân này", None),
        ("tổ chức lễ ký kết", "tổ chức lễ ký kết"),  # no ceremony at the start
    ],
    ids=[
        "award-ceremony-of-a-contest",
        "signing-of-a-program",
        "launch",
        "bare",
        "bare-with-a-pronoun",
        "not-at-the-start",
    ],
)
def test_ceremony_cut(span: str, expected: str | None) -> None:
    """A tagger span that opens with the event's ceremony starts after it: "the event itself is not an
    activity; the contest or program behind it is"."""
    start = rr.ceremony_cut(span, 0, len(span))
    assert (None if start is None else span[start:]) == expected


@pytest.mark.parametrize(
    ("span", "expected"),
    [
        (
            "tổ chức lễ hội an toàn Tại hội nghị tổng kết năm, lãnh đạo huyện biểu dương",
            "tổ chức lễ hội an toàn",
        ),
        ("trồng 500 cây xanh ven đường Trong buổi ra quân, đoàn viên", "trồng 500 cây xanh ven đường"),
        # after a capitalized word the opener may be part of a name: left alone
        ("hỗ trợ Hợp tác xã Tại Chỗ mở rộng sản xuất", "hỗ trợ Hợp tác xã Tại Chỗ mở rộng sản xuất"),
        # after punctuation the sentence split already holds
        ("tặng quà cho học sinh, Trong đó có 20 suất", "tặng quà cho học sinh, Trong đó có 20 suất"),
        # nothing would remain of the activity
        ("họp Tại trụ sở xã", "họp Tại trụ sở xã"),
    ],
    ids=["tai", "trong", "after-a-name", "after-a-comma", "too-short-to-cut"],
)
def test_opener_cut(span: str, expected: str) -> None:
    """A tagger span ends where a sentence whose full stop was lost begins (a caption run into the
    text: "... an toàn Tại hội nghị ...")."""
    text = f"Năm qua, hội đã {span}."
    a = text.index(span)
    assert text[a : rr.opener_cut(text, a, a + len(span))] == expected


CEREMONIES_TALKS_DECORATIONS = [
    pytest.param(
        "Sáng 12/3, Sở Giáo dục tổ chức lễ ký kết thỏa thuận hợp tác với Trường Đại học Vinh.",
        ["thỏa thuận hợp tác với Trường Đại học Vinh"],
        id="what-the-ceremony-signs-without-the-ceremony",
    ),
    pytest.param(
        "Tại buổi lễ, Bộ trưởng đã trao tặng Huân chương Lao động hạng Nhì cho 5 tập thể.",
        [],
        id="an-order-awarded",
    ),
    pytest.param(
        "Dịp này, Ban tổ chức trao đổi về kinh nghiệm tổ chức lễ hội, đồng thời tặng Kỷ niệm chương "
        "“Vì sự nghiệp giáo dục” cho các nhà tài trợ.",
        [],
        id="a-talk-and-a-medal",
    ),
]


@pytest.mark.parametrize(("text", "expected"), CEREMONIES_TALKS_DECORATIONS)
def test_a_ceremony_talk_or_decoration_is_no_activity(run, text: str, expected: list[str]) -> None:
    """The tagger tags the ceremony, the award and the talk here (each sentence gives such a span
    without the traps); the record leaves them out, as the guidelines do."""
    assert [a.text for a in run(text).activities] == expected


def test_a_caption_run_into_the_text_ends_the_activity(run) -> None:
    record = run(
        "Đoàn thanh niên xã ra quân trồng 500 cây xanh ven đường Trong buổi ra quân, các đoàn viên "
        "còn dọn vệ sinh."
    )
    assert [a.text for a in record.activities] == ["trồng 500 cây xanh ven đường"]
