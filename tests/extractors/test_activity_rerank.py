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
