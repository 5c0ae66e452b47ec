"""The learned span decision of the activities (issue #16): which candidates become activities.

Candidates are the cue rules' items and the learned tagger's spans (``ACT`` and ``OPT``, any
confidence). Each is described by a few dozen binary or real-valued features (its source and the
tagger's confidence, its length, how it opens, its clause's status, where it stands, how many items
the rules found in the article, whether the title names an event, ...) and scored by a logistic
regression trained on ``train/`` with the tagger's out-of-fold spans
(``python -m vnnews.extractors.training.activities --out extractors/models/activities/``). A
candidate is kept when its score reaches the threshold stored with the weights; overlapping kept
candidates yield to the higher score.

The weights are a small JSON file (``models/activities/rerank.json``); scoring is a sum of weights,
pure Python.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from vnnews.extractors import activity_model as am
from vnnews.extractors import lexicon
from vnnews.extractors.text import LOWER

WEIGHTS_FILE = "rerank.json"


@dataclass
class Candidate:
    """A possible activity: a rule item or a tagger span."""

    start: int
    end: int
    source: str  # "rules" or "model"
    label: str = ""  # the tagger's label (ACT or OPT); a rule item: the label of a model span inside
    p: float = 0.0  # the tagger's mean marginal of not-O over the span's words (rules: over theirs)
    p_act: float = 0.0  # the mean marginal of ACT over the span's words
    kind: str = ""  # a rule item's kind
    relation: str = ""  # a rule item's relation
    status: str = ""
    text: str = ""
    named: bool = False  # a rule item the rules call named: a head with its name, or a quoted name
    feats: dict[str, float] = field(default_factory=dict)


@dataclass(frozen=True)
class Context:
    """What the features read beyond a candidate: the article and its structure."""

    text: str
    sentences: Sequence[tuple[int, int]]
    title: tuple[int, int] | None  # the title section
    blocked: Sequence[tuple[int, int]]  # byline, people's titles
    n_rules: int
    event_title: bool


_SYL = re.compile(r"[^\W_]+")
_SPACES = re.compile(r"\s*")
_DIGIT = re.compile(r"\d")
_BEFORE = re.compile(r"[\s]*$")


def _bucket(n: int, edges: Sequence[int]) -> str:
    for e in edges:
        if n <= e:
            return str(e)
    return f">{edges[-1]}"


@cache
def _roles() -> am.Lexicon:
    return am._lexicon()


def _opening(text: str, a: int, b: int) -> tuple[str, ...]:
    """The cue roles of the longest lexicon form the span opens with."""
    lex = _roles()
    syl = [m.group().lower() for m in _SYL.finditer(text, a, min(b, a + 60))][: lex.longest]
    for n in range(len(syl), 0, -1):
        found = lex.forms.get(" ".join(syl[:n]))
        if found:
            return found
    return ()


def _prev_word(text: str, a: int) -> str:
    """The syllable (or punctuation) just before a."""
    i = a
    while i > 0 and text[i - 1] == " ":
        i -= 1
    if i == 0:
        return "<s>"
    if not (text[i - 1].isalnum()):
        return "\\n" if text[i - 1] == "\n" else text[i - 1]
    j = i
    while j > 0 and text[j - 1].isalnum():
        j -= 1
    return text[j:i].lower()


def _nrule_bucket(n: int) -> str:
    return _bucket(n, (0, 1, 3, 7))


def features(c: Candidate, ctx: Context, overlap_rule: float, inner_model: int) -> dict[str, float]:
    """The features of a candidate (name -> value)."""
    text = ctx.text
    a, b = c.start, c.end
    span = text[a:b]
    n = len(_SYL.findall(span))
    src = c.source if c.source == "rules" else "model:" + c.label
    nr = _nrule_bucket(ctx.n_rules)
    ev = "event" if ctx.event_title else "other"
    f: dict[str, float] = {
        "bias": 1.0,
        "src=" + src: 1.0,
        f"src={src}|nr={nr}": 1.0,
        f"src={src}|doc={ev}": 1.0,
        f"nr={nr}|doc={ev}": 1.0,
        f"len={_bucket(n, (1, 2, 4, 8, 15, 25))}": 1.0,
        f"src={src}|len={_bucket(n, (2, 4, 8, 15, 25))}": 1.0,
        "p": c.p,
        "p_act": c.p_act,
        f"src={src}|p": c.p,
        f"src={src}|p_act": c.p_act,
        "status=" + (c.status or "carried_out"): 1.0,
        f"src={src}|status={c.status or 'carried_out'}": 1.0,
        "prev=" + _prev_word(text, a): 1.0,
    }
    if c.source == "rules":
        f["kind=" + c.kind] = 1.0
        f["rel=" + c.relation] = 1.0
        f[f"rule_model={c.label or 'none'}"] = 1.0
        f[f"inner_model={min(inner_model, 3)}"] = 1.0
    else:
        f[f"ovl_rule={'none' if overlap_rule == 0 else 'part' if overlap_rule < 0.999 else 'inside'}"] = 1.0
    roles = _opening(text, a, b)
    for r in roles:
        if r in ("verb", "head", "advice", "context", "not_start") or r.startswith("mod_"):
            f["open=" + r] = 1.0
            f[f"src={src}|open={r}"] = 1.0
    if not roles:
        f["open=none"] = 1.0
    first = _SYL.search(span)
    if first:
        f["s0=" + first.group().lower()] = 1.0
        if first.group()[:1].isupper():
            f["cap0"] = 1.0
    if any(q in span for q in '“”"'):
        f["quoted"] = 1.0
    if _DIGIT.search(span):
        f["digit"] = 1.0
    if ctx.title and a < ctx.title[1] and ctx.title[0] < b:
        f["in_title"] = 1.0
    if any(x < b and a < y for x, y in ctx.blocked):
        f["blocked"] = 1.0
    # the sentence: its place in the article, whether the span opens it
    k = next((i for i, (s, e) in enumerate(ctx.sentences) if s <= a < e), len(ctx.sentences))
    f[f"sent={_bucket(k, (0, 1, 3, 8))}"] = 1.0
    syls = _SYL.findall(span)
    if syls:
        f["sL=" + syls[-1].lower()] = 1.0
    nxt = _SYL.match(text, b + 1) if text[b : b + 1] == " " else None
    f["next=" + (nxt.group().lower() if nxt else (text[b : b + 1] or "</s>"))] = 1.0
    after = text[b : b + 2]
    if after.startswith(("…", "...")):
        f["ellipsis_after"] = 1.0
    return f


# a purpose clause after an activity ("tổ chức 5 lớp tập huấn nhằm nâng cao ...", "... để hỗ trợ ..."):
# "để lại", "để dành" are verbs of their own
_PURPOSE = re.compile(r"[\s,]+(?:nhằm|để(?!\s+(?:lại|dành)(?!\w)))\s+", re.I)


def purpose_cut(text: str, start: int, end: int) -> int:
    """Where a tagger span text[start:end] ends without its purpose clause ("nhằm ...", "để ..."): the
    spec leaves it out of the activity. The span is left whole when fewer than two syllables precede it
    (nothing would remain of the activity). Returns the new end (a char offset)."""
    m = _PURPOSE.search(text, start, end)
    if m is None or len(text[start : m.start()].split()) < 2:
        return end
    return m.start()


@dataclass(frozen=True)
class Traps:
    """data/activity_traps.tsv, compiled: what opens a candidate that is no activity."""

    not_activity: re.Pattern[str]  # at a candidate's start: the kind of trap in the group named for it
    opener: re.Pattern[str]  # a lost sentence start inside a tagger span


@cache
def traps() -> Traps:
    """Load and compile data/activity_traps.tsv (validated by lexicon.rows)."""
    groups: dict[str, list[str]] = {}
    for kind, form in lexicon.rows("activity_traps.tsv", (2, 2)):
        groups.setdefault(kind, []).append(form)
    missing = {"ceremony", "talk", "decoration", "award_verb", "opener"} - groups.keys()
    if missing:
        raise lexicon.LexiconError(f"activity_traps.tsv: no rows of kind {', '.join(sorted(missing))}")
    alt = lexicon.alternation
    not_activity = re.compile(
        rf"(?:lễ\s+(?P<ceremony>{alt(groups['ceremony'])})"
        rf"|(?P<talk>{alt(groups['talk'])})"
        rf"|(?:(?:{alt(groups['award_verb'])})\s+){{0,2}}(?P<decoration>{alt(groups['decoration'])}))(?!\w)",
        re.I,
    )
    # after a lowercase word, not after punctuation or a name: "... lễ hội văn minh Tại hội nghị tổng kết ..."; the
    # opener must be followed by a lowercase word (a clause), not by the rest of a name
    opener = re.compile(rf"(?<=[{LOWER}])[ ]+(?:{alt(groups['opener'])})[ ]+(?=[{LOWER}])")
    return Traps(not_activity, opener)


def trap(text: str) -> str | None:
    """The kind of non-activity a candidate's text opens with ("ceremony": "lễ ký kết ...", the event
    itself; "talk": "trao đổi với ..."; "decoration": "tặng Bằng khen ..."), or None. The guidelines
    leave all three out of the activities."""
    m = traps().not_activity.match(text)
    if m is None:
        return None
    return next(k for k in ("ceremony", "talk", "decoration") if m.group(k))


def ceremony_cut(text: str, start: int, end: int) -> int | None:
    """Where a tagger span text[start:end] that opens with a ceremony ("Lễ trao giải cuộc thi ...",
    "lễ ký kết thỏa thuận ...") starts without it: the ceremony is the event, what it awards, signs or
    launches may be an activity ("the contest or program behind it is"). None when fewer than two
    syllables would remain (nothing but the ceremony); the start unchanged when it opens with none."""
    m = traps().not_activity.match(text, start, end)
    if m is None or not m.group("ceremony"):
        return start
    rest = _SPACES.match(text, m.end()).end()  # past the spaces, without copying the article's rest
    return rest if len(_SYL.findall(text, rest, end)) >= 2 else None


def opener_cut(text: str, start: int, end: int) -> int:
    """Where a tagger span text[start:end] ends before a sentence start whose full stop was lost (a
    capitalized "Tại", "Trong" ... after a word: a caption run into the text). Returns the new end."""
    m = traps().opener.search(text, start, end)
    if m is None or len(text[start : m.start()].split()) < 2:
        return end
    return m.start()


def candidates(
    text: str,
    rule_items: Sequence[tuple[int, int, str, str, bool]],
    model_spans: Sequence[tuple[int, int, str, float, float]],
    ctx: Context,
) -> list[Candidate]:
    """The rule items (start, end, kind, relation, named) and the tagger's spans (start, end, label,
    p, p_act), each with its features."""
    out: list[Candidate] = []
    rules = sorted(set(rule_items))
    for a, b, kind, rel, named in rules:
        # a decoration is none, named or not (Kỷ niệm chương “Vì sự nghiệp ...”); a ceremony or a
        # talk the rules found is an element of a list of what a program did ("... như: lễ khánh
        # thành trạm xá, trao học bổng, tọa đàm về ...") and stays
        if trap(text[a:b]) == "decoration":
            continue
        inner = [s for s in model_spans if s[0] < b and a < s[1]]
        cov = sum(am._overlap((a, b), s[:2]) * s[3] for s in inner)
        cov_act = sum(am._overlap((a, b), s[:2]) * s[4] for s in inner)
        width = max(1, b - a)
        best = max(inner, key=lambda s: am._overlap((a, b), s[:2]), default=None)
        c = Candidate(a, b, "rules", best[2] if best else "", cov / width, cov_act / width, kind, rel)
        c.status, c.text, c.named = am.status(text, a, b), text[a:b], named
        c.feats = features(c, ctx, 1.0, len(inner))
        out.append(c)
    for a, b, label, p, p_act in sorted(set(model_spans)):
        b = purpose_cut(text, a, opener_cut(text, a, b))
        cut = ceremony_cut(text, a, b)
        if cut is None or trap(text[cut:b]):
            continue  # a ceremony and nothing else, a talk, a decoration
        a = cut
        ovl = max((am._overlap((a, b), r[:2]) for r in rules), default=0) / max(1, b - a)
        c = Candidate(a, b, "model", label, p, p_act)
        c.status, c.text = am.status(text, a, b), text[a:b]
        c.feats = features(c, ctx, ovl, 0)
        out.append(c)
    return out


def outside(spans: Sequence[tuple], ranges: Sequence[tuple[int, int]]) -> list[tuple]:
    """The tagger's spans (start, end, ...) that overlap none of the ranges."""
    return [s for s in spans if not any(a < s[1] and s[0] < b for a, b in ranges)]


@dataclass(frozen=True)
class Reranker:
    """A logistic regression over candidate features."""

    weights: dict[str, float]
    threshold: float
    low: float | None = None  # the tagger's runs of this confidence are candidates too
    # a report: where the rules find this many items or more, they are all kept (the rules are
    # precise on the lists of reports, which train/ holds few of) and a tagger span needs
    # report_threshold (above 1: none is added)
    rules_from: int | None = None
    report_threshold: float = 1.1
    # the rules' named items (a head with a quoted or capitalized name, a quoted name) are kept
    # everywhere: "a named campaign or program in quotes is required wherever it stands"
    keep_named: bool = True
    # a tagger span whose clause has one of these statuses ("sẽ ...", "đề nghị các xã: A; B") is never
    # added: optional in the spec at best
    drop_statuses: tuple[str, ...] = ("planned", "advised")
    # a candidate (not a named rule item) at least this share of whose syllables (folded, with
    # multiplicity) lie in one kept item is left out: the same activity named again, shorter or reworded ("phối hợp hoạt động giữa
    # A và B" after "Chương trình phối hợp hoạt động giữa A với B"), which the gold lists once and
    # the score counts again; None: only a repeat of the very same words is left out
    near_duplicate: float | None = None

    def score(self, feats: dict[str, float]) -> float:
        z = sum(self.weights.get(k, 0.0) * v for k, v in feats.items())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def select(
        self,
        cands: Sequence[Candidate],
        threshold: float | None = None,
        rules_from: int | None = -1,
        report_threshold: float | None = None,
    ) -> list[Candidate]:
        """The candidates that reach the threshold, overlaps resolved for the higher score, in text
        order (in a report, see rules_from, the rule items first)."""
        th = self.threshold if threshold is None else threshold
        rules_from = self.rules_from if rules_from == -1 else rules_from
        report_th = self.report_threshold if report_threshold is None else report_threshold
        n_rules = sum(c.source == "rules" for c in cands)
        report = rules_from is not None and n_rules >= rules_from

        def score(c: Candidate) -> float:
            if c.source == "rules" and self.keep_named and c.named:
                return 2.0  # a named campaign or program in quotes is required wherever it stands
            if c.source == "model" and c.status in self.drop_statuses:
                return 0.0
            if not report:
                return self.score(c.feats)
            if c.source == "rules":
                return 2.0
            s = self.score(c.feats)
            return s if s >= report_th else 0.0

        scored = sorted(((score(c), c) for c in cands), key=lambda x: (-x[0], x[1].start))
        kept: list[Candidate] = []
        seen: set[str] = set()
        bags: list[Counter[str]] = []  # the syllables of each kept item
        for s, c in scored:
            if s < th:
                break
            if any(c.start < k.end and k.start < c.end for k in kept):
                continue
            syl = _SYL.findall(c.text.lower())
            key = " ".join(syl)
            if key in seen:  # the same words again: one activity
                continue
            bag = Counter(syl)
            # a named rule item is never one: two programs may share most of their words
            # ("Chương trình phối hợp ... giai đoạn 2021 – 2025", "Chương trình phối hợp hoạt động
            # giai đoạn 2025 – 2030")
            named = c.source == "rules" and self.keep_named and c.named
            if (
                self.near_duplicate is not None
                and syl
                and not named
                and any((bag & k).total() >= self.near_duplicate * len(syl) for k in bags)
            ):
                continue
            seen.add(key)
            bags.append(bag)
            kept.append(c)
        return sorted(kept, key=lambda c: (c.start, c.end))

    def to_json(self) -> str:
        return json.dumps(
            {
                "threshold": self.threshold,
                "low": self.low,
                "rules_from": self.rules_from,
                "report_threshold": self.report_threshold,
                "keep_named": self.keep_named,
                "drop_statuses": list(self.drop_statuses),
                "near_duplicate": self.near_duplicate,
                "weights": dict(sorted(self.weights.items())),
            },
            ensure_ascii=False,
            indent=0,
        )


def read(path: Path | str) -> Reranker:
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    return Reranker(
        data["weights"],
        data["threshold"],
        data.get("low"),
        data.get("rules_from"),
        data.get("report_threshold", 1.1),
        data.get("keep_named", data.get("keep_quoted", True)),
        tuple(data.get("drop_statuses", ("planned", "advised"))),
        data.get("near_duplicate"),
    )


@cache
def load(path: str | None = None) -> Reranker:
    """The reranker, loaded once per process (default: the committed weights)."""
    return read(path or am.MODEL_DIR / WEIGHTS_FILE)
