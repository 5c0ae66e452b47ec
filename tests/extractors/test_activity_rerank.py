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
