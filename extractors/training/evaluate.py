"""Score a mention tagger the way eval/mentions.py scores vnnews records.

Per article, the multiset of folded gold mention strings against the multiset of folded predicted
ones: PERSON = PERSON mentions not nested in another entity, ORGANIZATION = ORGANIZATION mentions
not inside a longer ORGANIZATION; LOCATION (not refereed) = LOCATION mentions not nested in another
entity, the ones a flat tagger can find ("Quảng Nam" inside "UBND tỉnh Quảng Nam" is not counted).
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from spacy.tokens import Doc

from vnnews.extractors.training.data import LABELS, fold

CharSpan = tuple[int, int, str]


def referee_gold(article: dict) -> dict[str, list[str]]:
    """The gold mention strings of a VLSP article, by label, as the referee takes them."""
    ents = article["entities"]
    out: dict[str, list[str]] = {
        label: [e["text"] for e in ents if e["type"] == label and e["depth"] == 0]
        for label in ("PERSON", "LOCATION")
    }
    out["ORGANIZATION"] = [
        e["text"]
        for e in ents
        if e["type"] == "ORGANIZATION"
        and not any(
            o is not e
            and o["type"] == "ORGANIZATION"
            and o["start"] <= e["start"]
            and e["end"] <= o["end"]
            and o["end"] - o["start"] > e["end"] - e["start"]
            for o in ents
        )
    ]
    return out


@dataclass
class Score:
    """Counts per label: true positives, predicted, gold; and the time spent predicting."""

    tp: Counter[str] = field(default_factory=Counter)
    predicted: Counter[str] = field(default_factory=Counter)
    gold: Counter[str] = field(default_factory=Counter)
    seconds: float = 0.0
    articles: int = 0

    def prf(self, label: str) -> tuple[float, float, float]:
        """Precision, recall and F1 of a label."""
        p = self.tp[label] / self.predicted[label] if self.predicted[label] else 0.0
        r = self.tp[label] / self.gold[label] if self.gold[label] else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    @property
    def ms_per_article(self) -> float:
        """Mean prediction time per article, in milliseconds."""
        return 1000 * self.seconds / self.articles if self.articles else 0.0

    def table(self) -> str:
        """A small text table of P/R/F1 by label and the speed."""
        lines = [f"{'label':14} {'P':>6} {'R':>6} {'F1':>6}   gold"]
        for label in LABELS:
            p, r, f = self.prf(label)
            lines.append(f"{label:14} {p:6.3f} {r:6.3f} {f:6.3f}   {self.gold[label]}")
        lines.append(f"{self.ms_per_article:.1f} ms/article over {self.articles} articles")
        return "\n".join(lines)


def score(articles: list[dict], docs: list[Doc], predict: Callable[[Doc], list[CharSpan]]) -> Score:
    """Run `predict` (Doc -> character spans) on every Doc and score it against its article."""
    result = Score()
    for article, doc in zip(articles, docs, strict=True):
        t0 = time.perf_counter()
        spans = predict(doc)
        result.seconds += time.perf_counter() - t0
        result.articles += 1
        gold = referee_gold(article)
        for label in LABELS:
            g = Counter(fold(x) for x in gold[label])
            s = Counter(fold(doc.text[a:b]) for a, b, lab in spans if lab == label)
            result.tp[label] += sum((g & s).values())
            result.predicted[label] += sum(s.values())
            result.gold[label] += sum(g.values())
    return result


def token_to_chars(doc: Doc, spans: list[tuple[int, int, str]]) -> list[CharSpan]:
    """Character offsets of token spans."""
    return [(doc[s].idx, doc[e - 1].idx + len(doc[e - 1].text), label) for s, e, label in spans]
