"""The learned event-day decision: which date item is the day of the article's main event, or none.

Candidates are the day-precise date items the dates component finds, after the exclusions of
metadata.event_candidates (recurring days, documents' dates, related-news lists), plus one "no event"
option. Each candidate is described by a few dozen binary features (its section and sentence, whether
it opens its sentence or follows a dateline, the words before it and opening it, its year against the publication year, how recent it is among the article's days, range start, lunar,
quotes and brackets, how often the same day is written, and which rule of the cascade would pick it;
event verbs, past and future marks in its sentence were tried and left out: they lowered the
cross-validated F1 on train/, see training/EVENT_DATE_RESULTS.md);
the "no event" option by article-level features (what the cascade picked, how many candidates there
are, whether any is in the publication year, the kind of title). A log-linear model scores every
option; the probabilities of the items of one day are summed, and the day with the highest total is
the event's unless "no event" scores higher.

The weights are a small JSON file (models/event_date/event_date.json) trained on train/ only by

    python -m vnnews.extractors.training.event_date --out extractors/models/event_date/ --corpus ../shared/corpus

Scoring is a sum of weights and a softmax over a handful of options: pure Python, no numpy.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from spacy.tokens import Doc

from vnnews.extractors import lexicon, metadata
from vnnews.extractors.common import sections, sentence_bounds, sentence_of, text_of

MODEL_DIR = Path(__file__).parent / "models" / "event_date"
WEIGHTS_FILE = "event_date.json"
NULL = "<none>"  # the "no event" option's day

_SYL = re.compile(r"[^\W\d_]+|\d+|[^\w\s]")


@cache
def _cues() -> dict[str, tuple[str, ...]]:
    """kind -> forms of data/event_date_cues.tsv, longest first."""
    out: dict[str, list[str]] = {}
    for kind, form in lexicon.rows("event_date_cues.tsv", (2, 2)):
        out.setdefault(kind, []).append(form)
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in out.items()}


@cache
def _cue_re(kind: str) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w)(?:{lexicon.alternation(_cues()[kind])})(?!\w)", re.I)


@cache
def _event_noun_re() -> re.Pattern[str]:
    words = [*lexicon.words("event_nouns.txt"), *(f for f, _ in metadata.event_types())]
    return re.compile(rf"(?<!\w)(?:{lexicon.alternation(words)})(?!\w)", re.I)


@cache
def _before_re() -> re.Pattern[str]:
    """A "before" cue ending just where a date starts (after optional spaces)."""
    return re.compile(rf"(?<!\w)(?P<w>{lexicon.alternation(_cues()['before'])})\s*$", re.I)


@cache
def _opening_re() -> re.Pattern[str]:
    """A "before" cue opening a date's own text ("Sáng 12/4", "ngày 18/3")."""
    return re.compile(rf"(?P<w>{lexicon.alternation(_cues()['before'])})(?!\w)", re.I)


@dataclass
class Candidate:
    """An option of the decision: a date item (None for "no event"), its day and its features."""

    item: object | None
    day: str  # YYYY-MM-DD, or NULL
    feats: dict[str, float]


def _bucket(n: int, edges: Sequence[int]) -> str:
    """The first edge n does not exceed, as text; above the last: ">last"."""
    for e in edges:
        if n <= e:
            return str(e)
    return f">{edges[-1]}"


def _day(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def _year_relation(value: str, year: str) -> str:
    """The candidate's year against the publication year: same, prev, older, next, later, unknown."""
    if not year.isdigit():
        return "unknown"
    diff = int(value[:4]) - int(year)
    return {0: "same", -1: "prev", 1: "next"}.get(diff, "older" if diff < 0 else "later")


def _word(m: re.Match[str] | None) -> str:
    return re.sub(r"\s+", " ", m.group("w").lower()) if m else ""


def candidates(doc: Doc, solar: Sequence, lunar: Sequence) -> list[Candidate]:
    """The options of one article: each candidate date item with its features, then "no event".

    solar, lunar: the day-precise DateItem records of metadata.event_candidates (character offsets
    into the Doc's text). The rules' picks are computed here, as the cascade computes them (the solar
    items first, the lunar ones only where the solar give nothing)."""
    text = text_of(doc)
    secs = sections(doc)
    sents = sentence_bounds(doc)
    year = (doc._.published or "")[:4]
    body_start = secs.get("lead", secs.get("body", (0, 0)))[0]
    body_sents = [s for s in sents if s[0] >= body_start]
    picks = metadata.rule_picks(doc, solar)
    lunar_picks = metadata.rule_picks(doc, lunar)
    cascade = next((picks[r] for r in metadata.RULES if r in picks), None)
    if cascade is None:
        cascade = next((lunar_picks[r] for r in metadata.RULES if r in lunar_picks), None)
    cascade_rule = next((r for r in metadata.RULES if r in picks), None)
    if cascade_rule is None:
        cascade_rule = next((f"lunar_{r}" for r in metadata.RULES if r in lunar_picks), "none")
    items = [*solar, *lunar]
    count = Counter(d.value[:10] for d in items)
    days = sorted({x for x in (_day(d.value) for d in items) if x is not None}, reverse=True)
    in_year = sum(1 for d in items if year and d.value.startswith(year))

    out: list[Candidate] = []
    for d in items:
        f: dict[str, float] = {"cand": 1.0}
        # where it stands
        sec = next((name for name, (a, b) in secs.items() if a <= d.start < b), "other")
        f["sec=" + sec] = 1.0
        sent = sentence_of(sents, d.start) or (d.start, d.end)
        k = next((i for i, s in enumerate(body_sents) if s[0] <= d.start < s[1]), None)
        f["sent=" + ("title" if k is None else _bucket(k, (0, 1, 2, 4, 8)))] = 1.0
        opens = d.start == sent[0] or bool(metadata.DATELINE.fullmatch(text, sent[0], d.start))
        lede_after = bool(metadata.LEDE_AFTER.match(text, d.end))
        if opens:
            f["opens"] = 1.0
            f[f"opens|sec={sec}"] = 1.0
        if lede_after:
            f["lede_after"] = 1.0
        if text[d.start : d.start + 1].isupper():  # "Ngày 6/2, ...": a clause opens with it
            f["cap"] = 1.0
        if d.start == 0 or text[: d.start].rstrip(" \t")[-1:] == "\n":
            f["line_start"] = 1.0
        if opens and lede_after:
            f["opens_lede"] = 1.0
        # the words of the date and before it
        own = _word(_opening_re().match(text, d.start, d.end))
        f["w0=" + (own or ("num" if text[d.start : d.start + 1].isdigit() else "other"))] = 1.0
        prev = _word(_before_re().search(text, max(sent[0], d.start - 20), d.start))
        f["prev=" + (prev or ("<s>" if opens else "other"))] = 1.0
        if d.part_of_day:
            f["pod"] = 1.0
        if d.relative:  # "sáng nay (20/5)", "hôm qua": told from the day of publication
            f["relative"] = 1.0
        if d.granularity == "time":
            f["clock"] = 1.0
        # its year and its place among the article's days
        rel = _year_relation(d.value, year)
        f["year=" + rel] = 1.0
        f[f"year={rel}|src={d.year_source}"] = 1.0
        day = _day(d.value)
        if day is not None and days:
            f["recent=" + _bucket(days.index(day), (0, 1, 2))] = 1.0
            f["gap=" + _bucket((days[0] - day).days, (0, 2, 7, 31, 365))] = 1.0
        if d.end_value:
            f["range_start"] = 1.0
        if d.calendar == "lunar":
            f["lunar"] = 1.0
        before = text[sent[0] : d.start]
        if sum(before.count(q) for q in '“”"') % 2 == 1:
            f["quoted"] = 1.0
        if before.count("(") > before.count(")"):
            f["bracket"] = 1.0
        f["count=" + _bucket(count[d.value[:10]], (1, 2))] = 1.0
        if metadata.DOCUMENT_DATE.search(text, max(0, d.start - 40), d.start):
            f["document_cue"] = 1.0
        # what the rules would say
        rules = [r for r in metadata.RULES if picks.get(r) is d or lunar_picks.get(r) is d]
        for r in rules:
            f["rule=" + r] = 1.0
        if not rules:
            f["rule=none"] = 1.0
        if d is cascade:
            f["cascade"] = 1.0
            f[f"cascade|year={rel}"] = 1.0
        elif cascade is not None and cascade.value[:10] == d.value[:10]:
            f["cascade_day"] = 1.0
        out.append(Candidate(d, d.value[:10], f))

    # "no event": what the article as a whole says
    lead = secs.get("lead") or (body_sents[0] if body_sents else (0, 0))
    title = secs.get("title")
    g: dict[str, float] = {"null": 1.0, "null|cascade=" + cascade_rule: 1.0}
    g["null|n=" + _bucket(len(items), (0, 1, 3, 6))] = 1.0
    g["null|in_year=" + _bucket(in_year, (0, 1, 3))] = 1.0
    if title and _cue_re("title_kind").search(text, *title):
        g["null|title_kind"] = 1.0
    if title and "?" in text[title[0] : title[1]]:
        g["null|title_question"] = 1.0
    if title and _event_noun_re().search(text, *title):
        g["null|title_event"] = 1.0
    if _cue_re("past").search(text, *lead):
        g["null|lead_past"] = 1.0
    if _cue_re("future").search(text, *lead):
        g["null|lead_future"] = 1.0
    if not any(lead[0] <= d.start < lead[1] for d in items):
        g["null|lead_undated"] = 1.0
    out.append(Candidate(None, NULL, g))
    return out


@dataclass(frozen=True)
class EventModel:
    """A log-linear model over an article's options: weights by feature name, and an offset added to
    the "no event" option's score (chosen by cross-validation on train/ with the weights)."""

    weights: dict[str, float]
    null_offset: float = 0.0

    def probabilities(self, cands: Sequence[Candidate]) -> dict[str, float]:
        """day (or NULL) -> probability: the softmax over the options, summed by day."""
        z = [sum(self.weights.get(k, 0.0) * v for k, v in c.feats.items()) for c in cands]
        z = [s + (self.null_offset if c.item is None else 0.0) for s, c in zip(z, cands, strict=True)]
        top = max(z)
        e = [math.exp(s - top) for s in z]
        total = sum(e)
        out: dict[str, float] = {}
        for c, x in zip(cands, e, strict=True):
            out[c.day] = out.get(c.day, 0.0) + x / total
        return out

    def decide(self, cands: Sequence[Candidate]) -> Candidate | None:
        """The chosen candidate (the first item of the winning day), or None for "no event"."""
        probs = self.probabilities(cands)
        best = max(probs, key=lambda k: (probs[k], k == NULL))
        if best == NULL:
            return None
        return next(c for c in cands if c.day == best)

    def to_json(self) -> str:
        return json.dumps(
            {"null_offset": self.null_offset, "weights": dict(sorted(self.weights.items()))},
            ensure_ascii=False,
            indent=0,
        )


def read(path: Path | str) -> EventModel:
    """An EventModel from its JSON file. Raises OSError when it cannot be read, KeyError or
    ValueError when it is malformed."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    return EventModel(
        {str(k): float(v) for k, v in data["weights"].items()}, float(data.get("null_offset", 0.0))
    )


@cache
def load(path: str | None = None) -> EventModel:
    """The model, read once per process (default: the committed weights)."""
    return read(path or MODEL_DIR / WEIGHTS_FILE)


def choose(doc: Doc, solar: Sequence, lunar: Sequence, model: EventModel | None = None):
    """The event's date item among the candidates (metadata.event_candidates), or None."""
    if not solar and not lunar:
        return None
    chosen = (model or load()).decide(candidates(doc, solar, lunar))
    return chosen.item if chosen is not None else None
