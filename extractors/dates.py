r"""Dates: a Vietnamese temporal tagger normalizing to ISO 8601 / TIMEX3 values.

The grammar is a table, RULES: one entry per construction ("18/3/2021", "quý I/2021", "hôm qua").
An entry is a converter function under a @rule decorator that gives the construction's name, its
pattern and a few examples, so that all there is to know about a construction is in one place:

    @rule(
        "week_number",
        r"{no_left}tuần\s+(?P<w>[1-9]|[1-4]\d|5[0-3])\s+năm\s+(?P<y>{y}){no_right}",
        examples=[("tuần 12 năm 2021", "2021-W12"), ("tuần 60 năm 2021", "2021")],
    )
    def _week_number(h: Hit) -> Found:
        # the year is written, so the value needs nothing from the publication date
        return Found(h.start, h.end, "week", int(h.g["y"]), week=int(h.g["w"]), explicit_year=True)

- pattern: a regular expression in which {name} stands for a piece of the grammar (_pieces): {d} a
  day, {m} a month, {y} a year, {sep} a separator, {no_left}/{no_right} the edges of a date, and the
  word lists of extractors/data/dates.tsv ({pod} parts of day, {wd} weekdays, ...). Named groups
  are what the converter reads, as h.g["y"].
- converter: turns the match (a Hit: the match, its groups, the text and the 30 characters before
  it) into a Found, a list of Found (kept or dropped together, as "ngày 16 và 17-5"), or None
  when the surroundings say it is not a date after all.
- examples: (text, the values the tagger finds in it) read as if published on EXAMPLE_PUBLISHED;
  several values are comma-separated, a range is start/end, None means no date at all.
  tests/extractors/test_date_rules.py runs every example through the tagger.
- options: needs_digit=False for a construction that can be written without a digit (it is then
  looked for in the whole text, not only near digits); doc_guard=False when a number right after
  a document word ("Nghị định 15", "Điều 5") may still be one; flags=0 for a case-sensitive one.

Order is priority: where matches overlap the longest is kept, and of two as long, the one of the
rule written first.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import cache
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from vnnews.extractors import lexicon
from vnnews.extractors.common import (
    Intervals,
    SpanComponent,
    doc_published,
    sentence_bounds,
    sentence_of,
    text_of,
)
from vnnews.schemas import DateItem

LABEL = "DATE"
SPANS_KEY = "dates"
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}


@dataclass(frozen=True)
class Vocab:
    """Calendar vocabulary loaded from data/dates.tsv."""

    part_of_day: dict[str, str]
    weekday: dict[str, int]
    month_word: dict[str, int]
    relative: dict[str, tuple[str, int]]
    relative_pod: dict[str, int]


@cache
def vocab() -> Vocab:
    """The calendar vocabulary, validated."""
    groups: dict[str, dict[str, str]] = {}
    for kind, form, value in lexicon.rows("dates.tsv", (3, 3)):
        groups.setdefault(kind, {})[form] = value
    missing = {"part_of_day", "weekday", "month_word", "relative", "relative_pod"} - set(groups)
    if missing:
        raise lexicon.LexiconError(f"dates.tsv: no rows of kind {sorted(missing)}")
    rel = {}
    for form, value in groups["relative"].items():
        unit, _, offset = value.partition(":")
        if unit not in {"day", "week", "month", "year"}:
            raise lexicon.LexiconError(f"dates.tsv: bad relative unit in {value!r}")
        rel[form] = (unit, int(offset))
    return Vocab(
        part_of_day=groups["part_of_day"],
        weekday={k: int(v) for k, v in groups["weekday"].items()},
        month_word={k: int(v) for k, v in groups["month_word"].items()},
        relative=rel,
        relative_pod={k: int(v) for k, v in groups["relative_pod"].items()},
    )


@dataclass
class Found:
    """A date expression found in the text, before year resolution."""

    start: int
    end: int
    granularity: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    quarter: int | None = None
    half: int | None = None
    week: int | None = None
    hour: int | None = None
    minute: int | None = None
    part_of_day: str | None = None
    end_parts: dict | None = None  # the end of a range: year/month/day/granularity
    relative: tuple[str, int] | None = None
    year_offset: int | None = None  # "tháng 12 năm ngoái": the year is relative to publication
    explicit_year: bool = False
    extra: dict = field(default_factory=dict)


# --- the rule table ----------------------------------------------------------------------------

Example = tuple[str, str | None]
"""(text, the values the tagger finds in it, comma-separated, a range as start/end; None: no date)."""

EXAMPLE_PUBLISHED = "2021-03-18"
"""The publication date the examples are read against (a Thursday), so that "hôm qua" has a value."""


@dataclass(frozen=True)
class Hit:
    """One match of a rule's pattern: what its converter reads."""

    m: re.Match[str]
    text: str
    grammar: Grammar
    g: dict[str, Any]  # the named groups: str, or None for an optional group that did not take part
    before: str  # the 30 characters before the match: where the cues that make or unmake a date are

    @property
    def start(self) -> int:
        """Where the match starts in the text."""
        return self.m.start()

    @property
    def end(self) -> int:
        """Where the match ends in the text."""
        return self.m.end()

    @property
    def v(self) -> Vocab:
        """The calendar vocabulary."""
        return self.grammar.vocab


Converter = Callable[[Hit], Found | list[Found] | None]


@dataclass(frozen=True)
class Rule:
    """One construction of the grammar: how it is written, what it means, and examples of both."""

    name: str
    pattern: str  # a regex in which {piece} names a piece of the grammar (see _pieces)
    convert: Converter  # the match -> a Found, a list of Found (kept or dropped as one), or None
    examples: tuple[Example, ...]
    flags: int = re.I
    # False: the construction can be written without a digit ("tháng Ba", "hôm qua"), so it is looked
    # for in the whole text; every other rule only runs near digits, which is most of the speed
    needs_digit: bool = True
    # True: a number right after a document word ("Nghị định 15/2021", "Điều 5") is no date
    doc_guard: bool = True


RULES: list[Rule] = []
"""The grammar, in priority order: of two overlapping matches of the same length, the earlier rule's wins."""


def rule(
    name: str,
    pattern: str,
    *,
    examples: list[Example],
    flags: int = re.I,
    needs_digit: bool = True,
    doc_guard: bool = True,
) -> Callable[[Converter], Converter]:
    """Add the decorated converter to RULES as the construction `name` written as `pattern`."""

    def register(convert: Converter) -> Converter:
        if any(r.name == name for r in RULES):
            raise ValueError(f"two date rules are named {name!r}")
        RULES.append(Rule(name, pattern, convert, tuple(examples), flags, needs_digit, doc_guard))
        return convert

    return register


def _pieces(v: Vocab) -> dict[str, str]:
    """The pieces rule patterns are written with: {d} stands for pieces['d']."""
    return {
        "d": r"(?:3[01]|[12]\d|0?[1-9])",  # a day of the month
        "m": r"(?:1[0-2]|0?[1-9])",  # a month number
        "y": r"(?:1[0-9]\d\d|20\d\d)",  # a year written with a day, month or "năm"
        "y_bare": r"(?:19\d\d|20\d\d)",  # a year standing alone: only the modern ones
        "pod": lexicon.alternation(v.part_of_day),
        "wd": lexicon.alternation(v.weekday),
        "mw": lexicon.alternation(v.month_word),
        "rel": lexicon.alternation(v.relative),
        "rp": lexicon.alternation(v.relative_pod),
        "sep": r"\s*[/.-]\s*",
        # a date is not glued to a word, a number or a path on either side ("A12/3", "12/3/4", "5-1-B")
        "no_left": r"(?<![\w/.,:-])",
        "no_right": r"(?![\w/]|[.,:-]\d|-[^\W\d_])",
    }


_PIECE = re.compile(r"\{([a-z_]+)\}")  # lower-case names only: "\d{4}" and "{1,3}" stay regex


def _expand(pattern: str, pieces: dict[str, str]) -> str:
    """pattern with each {piece} replaced by its regex."""

    def piece(m: re.Match[str]) -> str:
        if m.group(1) not in pieces:
            raise ValueError(f"unknown piece {m.group(0)} in date pattern {pattern!r}")
        return pieces[m.group(1)]

    return _PIECE.sub(piece, pattern)


@dataclass(frozen=True)
class Grammar:
    """The rule table compiled against the vocabulary."""

    vocab: Vocab
    rules: tuple[tuple[Rule, re.Pattern[str]], ...]
    prefix_re: re.Pattern[str]  # the words before a day ("sáng thứ Hai, ngày"), read backwards

    def found_by(self, r: Rule, rx: re.Pattern[str], text: str, spans: list[tuple[int, int]]) -> list[Found]:
        """What rule r (compiled as rx) finds within the spans of text, before overlaps are resolved."""
        out: list[Found] = []
        for a, b in spans:
            for m in rx.finditer(text, a, b):
                before = text[max(0, m.start() - 30) : m.start()]
                if r.doc_guard and _DOC_BEFORE.search(before):
                    continue
                f = r.convert(Hit(m, text, self, m.groupdict(), before))
                if isinstance(f, list):
                    out.extend(f)
                elif f is not None:
                    out.append(f)
        return out


@cache
def patterns() -> Grammar:
    """The grammar, compiled once."""
    v = vocab()
    pieces = _pieces(v)
    # the words before a day, matched backwards from the day's digits (see _with_prefix): scanning
    # every position for them would cost more than the rest of the grammar
    prefix = (
        r"(?:(?P<pod>{pod})\s+(?:(?:hôm\s+)?nay\s+|qua\s+|mai\s+)?)?"
        r"(?:(?P<wd>{wd})\s*[,(]?\s*(?:ngày\s+)?)?"
        r"(?:(?:vào\s+)?ngày\s+|hôm\s+)?"
    )
    return Grammar(
        vocab=v,
        rules=tuple((r, re.compile(_expand(r.pattern, pieces), r.flags)) for r in RULES),
        prefix_re=re.compile(rf"(?<!\w){_expand(prefix, pieces)}$", re.I),
    )


# --- the rules, in priority order --------------------------------------------------------------


@rule(
    "full_range",
    r"{no_left}(?:từ\s+)?(?:ngày\s+)?(?P<d1>{d})(?P<s1>[/.-])(?P<m1>{m})(?P=s1)(?P<y1>{y})\s*"
    r"(?:–|-|/|đến|tới)\s*(?:ngày\s+)?(?P<d2>{d})(?P<s2>[/.-])(?P<m2>{m})(?P=s2)(?P<y2>{y}){no_right}",
    examples=[
        ("(19-5-1890/19-5-2017)", "1890-05-19/2017-05-19"),
        ("từ ngày 21/6/1925 đến 21/6/2017", "1925-06-21/2017-06-21"),
    ],
    flags=0,
)
def _full_range(h: Hit) -> Found | None:
    """Two full dates, the first before the second."""
    y1, y2, m1, m2, d1, d2 = (int(h.g[k]) for k in ("y1", "y2", "m1", "m2", "d1", "d2"))
    if not _valid(d1, m1, y1) or not _valid(d2, m2, y2) or (y1, m1, d1) >= (y2, m2, d2):
        return None
    return Found(
        h.start,
        h.end,
        "day",
        y1,
        m1,
        d1,
        explicit_year=True,
        end_parts={"year": y2, "month": m2, "day": d2, "granularity": "day"},
    )


@rule(
    "day_list",
    r"{no_left}(?:(?:vào\s+)?(?:các\s+)?ngày\s+)(?P<days>{d}(?:\s*,\s*{d})*)\s*(?:,|và)\s*"
    r"(?P<last>{d})(?P<sep>/|-|\.)(?P<m>{m})(?:(?P=sep)(?P<y>{y}))?{no_right}",
    examples=[
        ("ngày 16 và 17-5", "2021-05-16, 2021-05-17"),
        ("các ngày 3, 4 và 5/6/2021", "2021-06-03, 2021-06-04, 2021-06-05"),
    ],
)
def _day_list(h: Hit) -> list[Found] | None:
    """Days sharing the month (and year) written after the last one: one date each."""
    days = h.g["days"]
    mo = int(h.g["m"])
    y = _two_digit_year(h.g["y"])
    base = h.m.start("days")
    out = []
    for i, x in enumerate(re.finditer(r"\d+", days)):
        d = int(x.group(0))
        if not _valid(d, mo, y):
            return None
        # the first date starts where the expression does ("ngày 16"), so that it keeps its cue word
        start = h.start if i == 0 else base + x.start()
        out.append(Found(start, base + x.end(), "day", y, mo, d, explicit_year=y is not None))
    last = int(h.g["last"])
    if not _valid(last, mo, y):
        return None
    out.append(Found(h.m.start("last"), h.end, "day", y, mo, last, explicit_year=y is not None))
    return _grouped(out, h.start, h.end)


@rule(
    "year_list",
    r"{no_left}(?:các\s+)?năm\s+(?P<years>{y}(?:\s*,\s*{y})*(?:\s*(?:,|và)\s*(?:năm\s+)?{y})){no_right}",
    examples=[("các năm 1996, 2000, 2005 và năm 2010", "1996, 2000, 2005, 2010")],
)
def _year_list(h: Hit) -> list[Found]:
    """Years after one "năm": one year each."""
    base = h.m.start("years")
    out = [
        Found(
            h.start if i == 0 else base + x.start(),
            base + x.end(),
            "year",
            int(x.group(0)),
            explicit_year=True,
        )
        for i, x in enumerate(re.finditer(r"\d{4}", h.g["years"]))
    ]
    return _grouped(out, h.start, h.end)


@rule(
    "day_range",
    r"{no_left}(?:từ\s+)?(?:ngày\s+)?(?P<d1>{d})(?:(?P<s1>/|-|\.|\s+tháng\s+)(?P<m1>{m}))?"
    r"\s*(?:đến|tới|–|-)\s*(?:ngày\s+)?(?P<d2>{d})(?P<s2>/|-|\.|\s+tháng\s+)(?P<m2>{m})"
    r"(?:(?:{sep}|\s+năm\s+)(?P<y>{y}))?{no_right}",
    examples=[
        ("từ ngày 15 đến 18/3/2021", "2021-03-15/2021-03-18"),
        ("từ 15 - 18/3/2021", "2021-03-15/2021-03-18"),
        ("từ 15/3 đến 18/3", "2021-03-15/2021-03-18"),
    ],
)
def _day_range(h: Hit) -> Found | None:
    """Two days, the first before the second, after a cue ("từ", "ngày", a part of day)."""
    y = _two_digit_year(h.g["y"])
    m2 = int(h.g["m2"])
    m1 = int(h.g["m1"]) if h.g["m1"] else m2
    d1, d2 = int(h.g["d1"]), int(h.g["d2"])
    if not _valid(d1, m1) or not _valid(d2, m2) or (m1, d1) >= (m2, d2):
        return None
    # without a cue, "15 - 18/3" is as often a count or a score
    if not (h.m.group(0).lower().startswith(("từ", "ngày")) or _DAY_CUE_BEFORE.search(h.before)):
        return None
    return Found(
        h.start,
        h.end,
        "day",
        y,
        m1,
        d1,
        end_parts={"month": m2, "day": d2, "granularity": "day"},
        explicit_year=y is not None,
    )


@rule(
    "year_range",
    r"{no_left}(?:(?P<cue>giai\s+đoạn|nhiệm\s+kỳ|niên\s+khóa|năm\s+học|thời\s+kỳ|từ)\s+)?(?:năm\s+)?"
    r"(?P<y1>{y})\s*(?:–|-|đến|tới)\s*(?:năm\s+)?(?P<y2>{y}|\d\d){no_right}",
    examples=[
        ("giai đoạn 2016 - 2020", "2016/2020"),
        ("nhiệm kỳ 2020-2025", "2020/2025"),
        ("(2016 – 2020)", "2016/2020"),
        ("từ năm 2015 đến năm 2020", "2015/2020"),
        ("niên khóa 2020-21", "2020/2021"),
    ],
)
def _year_range(h: Hit) -> Found | None:
    """Two years, the second after the first and not too far ("2016 - 2020", not "1990 - 2090")."""
    y1 = int(h.g["y1"])
    y2s = h.g["y2"]
    y2 = int(y2s) if len(y2s) == 4 else y1 // 100 * 100 + int(y2s)
    bracketed = h.text.startswith("(", h.start - 1)  # "(1890 - 1969)": a life span may be long
    if not y1 < y2 <= y1 + (200 if bracketed else 30):
        return None
    if h.g["cue"] is None and not _YEAR_CUE_BEFORE.search(h.before) and not bracketed:
        return None
    return Found(
        h.start, h.end, "year", y1, end_parts={"year": y2, "granularity": "year"}, explicit_year=True
    )


@rule(
    "month_range",
    r"{no_left}(?:từ\s+)?tháng\s+(?P<m1>{m})(?:(?:{sep}|\s+năm\s+)(?P<y1>{y}))?\s*(?:đến|tới|–|-)\s*"
    r"tháng\s+(?P<m2>{m})(?:(?:{sep}|\s+năm\s+)(?P<y>{y}))?{no_right}",
    examples=[
        ("từ tháng 3 đến tháng 5/2021", "2021-03/2021-05"),
        ("tháng 11/2020 - tháng 2/2021", "2020-11/2021-02"),
    ],
)
def _month_range(h: Hit) -> Found | None:
    """Two months, the first before the second."""
    y1, y = _two_digit_year(h.g["y1"]), _two_digit_year(h.g["y"])
    m1, m2 = int(h.g["m1"]), int(h.g["m2"])
    if y1 is not None and y is not None:
        if (y1, m1) >= (y, m2):
            return None
        return Found(
            h.start,
            h.end,
            "month",
            y1,
            m1,
            explicit_year=True,
            end_parts={"year": y, "month": m2, "granularity": "month"},
        )
    if m1 >= m2:
        return None
    return Found(
        h.start,
        h.end,
        "month",
        y,
        m1,
        end_parts={"month": m2, "granularity": "month"},
        explicit_year=y is not None,
    )


@rule(
    "day_words",
    r"{no_left}(?P<d>{d})\s+tháng\s+(?P<m>{m}|{mw})(?![\w])(?:\s*(?:năm\s+|,\s*|/\s*)(?P<y>{y}))?{no_right}",
    examples=[
        ("ngày 18 tháng 3 năm 2021", "2021-03-18"),
        ("18 tháng Ba", "2021-03-18"),
        ("sáng thứ Hai, ngày 15 tháng 3", "2021-03-15"),
    ],
)
def _day_words(h: Hit) -> Found | None:
    """A day with "tháng": the word says it is a date."""
    start, g = _with_prefix(h)
    return _day(h, start, g)


@rule(
    "day_numeric",
    r"{no_left}(?P<open>\()?(?P<d>{d})(?P<sep>/|-|\.)(?P<m>{m})(?:(?P=sep)(?P<y>{y}|\d\d(?!\d)))?{no_right}",
    examples=[
        ("18/3/2021", "2021-03-18"),
        ("18-3-2021", "2021-03-18"),
        ("18.3.2021", "2021-03-18"),
        ("chiều 18/3", "2021-03-18"),
        ("Hôm nay (8/6) trời mưa.", "2021-03-18, 2021-06-08"),
        ("Xã đạt 9/10 tiêu chí.", None),
        ("Nhà ở hẻm 12/4 đường Lê Lợi.", None),
        ("Đội nhà thắng 3-1.", None),
        ("Quyết định số 12/5/2021", None),
        ("Từ 5/6, trường học mở cửa.", "2021-06-05"),
        ("Đã có 12/12 xã về đích.", None),
    ],
)
def _day_numeric(h: Hit) -> Found | None:
    """A day and month in figures ("18/3", "18-3-2021"): a date only where its surroundings say so."""
    start, g = _with_prefix(h)
    y = _two_digit_year(g.get("y"))
    prefixed = any(g.get(k) for k in ("pod", "wd")) or re.match(
        r"(?:vào\s+)?(?:ngày|hôm)\b", h.text[start : h.end], re.I
    )
    strong = prefixed or g.get("open") or _DAY_CUE_BEFORE.search(h.before)
    if y is None and not strong:
        # "3-1" is a score, "6.7" a decimal, "9/10 xã" a fraction, "hẻm 12/4" an address:
        # without a day word, a bare day/month must read as a date by what surrounds it
        if _NOT_DATE_BEFORE.search(h.before) or not _DATE_FOLLOWS.match(h.text, h.end):
            return None
        if g["sep"] != "/" and not _WEAK_CUE_BEFORE.search(h.before):
            return None
    if _COUNT_AFTER.match(h.text, h.end):
        return None
    return _day(h, start, g)


def _with_prefix(h: Hit) -> tuple[int, dict[str, Any]]:
    """Where a day expression starts with the words before it ("sáng thứ Hai, ngày 15/3"), and its
    groups with the part of day and weekday those words name."""
    pm = h.grammar.prefix_re.search(h.text, max(0, h.start - 40), h.start)
    if pm and pm.start() < h.start:
        return pm.start(), {**h.g, "pod": pm.group("pod"), "wd": pm.group("wd")}
    return h.start, h.g


def _day(h: Hit, start: int, g: dict[str, Any]) -> Found | None:
    """The day of a day_words or day_numeric match, if it is a real date."""
    d, mo = int(g["d"]), _month(g["m"], h.v)
    y = _two_digit_year(g.get("y"))
    if not _valid(d, mo, y):
        return None
    wd = g.get("wd")
    return Found(
        start,
        h.end,
        "day",
        y,
        mo,
        d,
        part_of_day=_pod(g.get("pod"), h.v),
        explicit_year=y is not None,
        extra={"weekday": h.v.weekday.get(re.sub(r"\s+", " ", wd.lower())) if wd else None},
    )


@rule(
    "quarter",
    r"{no_left}quý\s+(?P<q>IV|I{1,3}|[1-4])(?![\w])(?:(?:{sep}|\s+năm\s+)(?P<y>{y})|"
    r"\s+(?P<rel>năm\s+(?:nay|ngoái|trước|sau|tới)))?{no_right}",
    examples=[
        ("quý I/2021", "2021-Q1"),
        ("quý 2 năm 2021", "2021-Q2"),
        ("quý IV năm ngoái", "2020-Q4"),
        ("quý III", "2021-Q3"),
    ],
    needs_digit=False,
)
def _quarter(h: Hit) -> Found:
    """A quarter, in Roman or Arabic figures."""
    y = _two_digit_year(h.g["y"])
    rel = h.g.get("rel")
    offset = _YEAR_OFFSETS[rel.split()[-1].lower()] if rel else None
    return Found(
        h.start,
        h.end,
        "quarter",
        y,
        quarter=_roman(h.g["q"]),
        explicit_year=y is not None,
        year_offset=offset,
    )


@rule(
    "half",
    r"{no_left}(?:6|sáu)\s+tháng\s+(?P<h>đầu|cuối)\s+năm(?:\s+(?P<y>{y}))?(?P<rel>\s+nay|\s+ngoái)?{no_right}",
    examples=[("6 tháng đầu năm 2021", "2021-H1"), ("sáu tháng cuối năm nay", "2021-H2")],
    needs_digit=False,
)
def _half(h: Hit) -> Found:
    """A half year."""
    y = _two_digit_year(h.g["y"])
    rel = h.g.get("rel")
    offset = (0 if "nay" in rel else -1) if rel else None
    return Found(
        h.start,
        h.end,
        "half",
        y,
        half=1 if h.g["h"].lower() == "đầu" else 2,
        explicit_year=y is not None,
        year_offset=offset,
    )


@rule(
    "half2",
    r"{no_left}nửa\s+(?P<h>đầu|cuối)\s+năm(?:\s+(?P<y>{y}))?(?P<rel>\s+nay|\s+ngoái)?{no_right}",
    examples=[("nửa đầu năm 2020", "2020-H1"), ("nửa cuối năm ngoái", "2020-H2")],
    needs_digit=False,
)
def _half2(h: Hit) -> Found:
    """A half year said with "nửa": the same meaning as "6 tháng"."""
    return _half(h)


@rule(
    "month",
    r"{no_left}(?:(?:vào|trong|từ|đến|cuối|đầu|giữa)\s+)?tháng\s+(?P<m>{m}|{mw})(?![\w])"
    r"(?:(?:{sep}|\s+năm\s+)(?P<y>{y})|\s+(?P<rel>năm\s+(?:nay|ngoái|trước|sau|tới)))?{no_right}",
    examples=[
        ("tháng 3/2021", "2021-03"),
        ("tháng 3 năm 2021", "2021-03"),
        ("tháng 12 năm ngoái", "2020-12"),
        ("vào tháng Ba", "2021-03"),
        ("Hải trình tháng Ba", None),
    ],
    needs_digit=False,
)
def _month_rule(h: Hit) -> Found | None:
    """A month, with or without its year."""
    month, rel = h.g["m"], h.g.get("rel")
    if not month.isdigit() and not h.g["y"] and not rel:
        # "tháng Ba" alone is a date only after a time cue ("vào tháng Ba"); "Hải trình tháng Ba" is a name
        cue = r"(?:vào|trong|từ|đến|tới|hồi|sang|cuối|đầu|giữa)\s"
        if not re.match(cue, h.m.group(0), re.I) and not re.search(cue + "+$", h.before, re.I):
            return None
    # "3 tháng" is a duration: the number before "tháng" belongs to it ("10/2020 đến tháng 3" does not)
    if re.search(r"(?<![\d/.-])\d{1,2}\s*$", h.before):
        return None
    mo = _month(month, h.v)
    y = _two_digit_year(h.g["y"])
    offset = _YEAR_OFFSETS[rel.split()[-1].lower()] if rel else None
    if _COUNT_AFTER.match(h.text, h.end):
        return None
    return Found(h.start, h.end, "month", y, mo, explicit_year=y is not None, year_offset=offset)


@rule(
    "year",
    r"{no_left}(?:(?:đầu|cuối|giữa)\s+)?năm\s+(?P<y>{y}){no_right}",
    examples=[("năm 2021", "2021"), ("đầu năm 2020", "2020")],
)
def _year(h: Hit) -> Found:
    """A year after "năm"."""
    return Found(h.start, h.end, "year", int(h.g["y"]), explicit_year=True)


@rule(
    "time",
    r"{no_left}(?:(?P<cue>lúc|vào\s+lúc|vào|từ|khoảng|đúng)\s+)?(?P<h>[01]?\d|2[0-3])\s*(?P<u>giờ|h|g)"
    r"(?:\s*(?P<min>[0-5]\d)(?:\s*phút)?)?(?![\w/])"
    # a part of day that opens the date after it ("8 giờ sáng ngày 5/6") is the date's
    r"(?:\s+(?P<pod>sáng|trưa|chiều|tối|đêm)(?!\s*(?:ngày\s+|hôm\s+)?\d))?",
    examples=[
        ("lúc 8 giờ 30 ngày 2/9/2021", "2021-09-02T08:30, 2021-09-02"),
        ("14h30 ngày 18/3", "2021-03-18T14:30, 2021-03-18"),
        ("8 giờ tối 12/5", "2021-05-12T20:00, 2021-05-12"),
        ("trong 8 giờ ngày 5/6", "2021-06-05"),
        ("lúc 9 giờ", None),
    ],
    doc_guard=False,
)
def _time(h: Hit) -> Found | None:
    """A clock time (resolve gives it the day of its sentence)."""
    hour = int(h.g["h"])
    minutes = h.g["min"]
    if (
        not minutes
        and h.g["u"].lower() != "h"
        and not h.g["cue"]
        and not h.g["pod"]
        and not _DATE_AFTER.match(h.text, h.end)
    ):
        return None  # "8 giờ" alone is a duration as often as a time
    if re.search(r"(?:trong|suốt|mất|sau|hơn|gần)\s*$", h.before, re.I) and not minutes:
        return None
    pod = _pod(h.g["pod"], h.v)
    if pod in {"afternoon", "evening", "night"} and hour < 12:
        hour += 12 if not (pod == "night" and hour < 5) else 0
    return Found(
        h.start, h.end, "time", hour=hour % 24, minute=int(minutes) if minutes else 0, part_of_day=pod
    )


@rule(
    "relative",
    r"{no_left}(?P<rel>{rel})(?![\w])",
    examples=[
        ("hôm qua", "2021-03-17"),
        ("tuần trước", "2021-W10"),
        ("năm ngoái", "2020"),
        ("3 năm trước", None),
        ("những năm trước", None),
    ],
    needs_digit=False,
    doc_guard=False,
)
def _relative(h: Hit) -> Found | None:
    """A day, week, month or year counted from the publication date."""
    unit, offset = h.v.relative[re.sub(r"\s+", " ", h.g["rel"].lower())]
    if unit in {"month", "year", "week"} and re.search(r"(?:\d|những|các|nhiều|mấy|vài)\s*$", h.before, re.I):
        return None  # "3 năm trước", "những năm qua": spans of time, not calendar points
    return Found(h.start, h.end, unit, relative=(unit, offset))


@rule(
    "relative_pod",
    r"{no_left}(?P<pod>{pod})\s+(?P<rp>{rp})(?![\w])"
    r"(?:\s*\(\s*(?P<d>{d})\s*[/.-]\s*(?P<m>{m})(?:\s*[/.-]\s*(?P<y>{y}))?\s*\))?",
    examples=[("sáng nay", "2021-03-18"), ("chiều qua (17/3)", "2021-03-17"), ("tối mai", "2021-03-19")],
    needs_digit=False,
    doc_guard=False,
)
def _relative_pod(h: Hit) -> Found | None:
    """A part of a day counted from the publication date ("sáng nay"), or given after it ("chiều qua (17/3)")."""
    pod = _pod(h.g["pod"], h.v)
    offset = h.v.relative_pod[h.g["rp"].lower()]
    if h.g.get("d"):
        d, mo = int(h.g["d"]), int(h.g["m"])
        y = _two_digit_year(h.g.get("y"))
        if not _valid(d, mo, y):
            return None
        return Found(h.start, h.end, "day", y, mo, d, part_of_day=pod, explicit_year=y is not None)
    return Found(h.start, h.end, "day", part_of_day=pod, relative=("day", offset))


@rule(
    "bare_year",
    r"{no_left}(?P<y>{y_bare}){no_right}",
    examples=[
        ("mùa thi 2017", "2017"),
        ("(2017)", "2017"),
        ("Gọi 1900 9095", None),
        ("có 2017 người", None),
    ],
    flags=0,
)
def _bare_year(h: Hit) -> Found | None:
    """A year standing alone ("(2017)", "toàn quốc 2017"), when it is not a count or part of a number."""
    if _COUNT_AFTER.match(h.text, h.end) or re.match(r"\s+[a-zà-ỹđ]", h.text[h.end : h.end + 3]):
        if not _YEAR_CUE_BEFORE.search(h.before):
            return None
    if re.search(r"\d[\s.,]*$", h.before) or re.match(r"[\s.]*\d", h.text[h.end : h.end + 3]):
        return None  # part of a longer number ("1900 9095")
    return Found(h.start, h.end, "year", int(h.g["y"]), explicit_year=True)


# --- cues around a match -----------------------------------------------------------------------

# Document numbers and other numbers that look like dates: the words before a match.
_DOC_BEFORE = re.compile(
    r"(?:\bsố|Nghị\s+quyết|Quyết\s+định|Chỉ\s+thị|Nghị\s+định|Thông\s+tư|Công\s+văn|Kết\s+luận|Quy\s+định|"
    r"Luật|Hướng\s+dẫn|Kế\s+hoạch|Thông\s+báo|Tờ\s+trình|Đề\s+án|Điều|khoản|mã|hotline|điện\s+thoại|ĐT|"
    r"Fax|tỷ\s+số|tỉ\s+số|thắng|thua|hòa)\s*:?\s*$",
    re.I,
)
_COUNT_AFTER = re.compile(
    r"\s*(?:%|người|đồng|triệu|tỷ|tỉ|nghìn|ngàn|USD|km|ha|m2|tấn|kg|lượt|học\s+sinh|hộ)\b", re.I
)
_DAY_CUE_BEFORE = re.compile(
    r"(?:ngày|sáng|trưa|chiều|tối|đêm|khuya|hôm|thứ\s+\w+|chủ\s+nhật|\()\s*,?\s*\(?\s*$",
    re.I,
)
# Weaker cues: "từ 15/3", "đến 9/10" (a date, or a fraction "đến nay, 9/10 xã")
_WEAK_CUE_BEFORE = re.compile(r"(?:từ|đến|tới|vào|trước|sau|dịp|nhân)\s*$", re.I)
# What follows a bare "D/M" that is a date, not a fraction or an address ("12/12 chỉ tiêu", "hẻm 12/4")
_DATE_FOLLOWS = re.compile(
    r"\s*(?:$|[,.;:!?)”\"\]–-]|\s(?:và|tại|vừa|tới|này|hằng|hàng|năm|đã|sẽ|là|của|với|đến|cho|ở|thì|sang|trên|nhằm)\b)",
    re.I,
)
_NOT_DATE_BEFORE = re.compile(
    r"(?:hẻm|ngõ|ngách|kiệt|lớp|số\s+nhà|nhà|phòng|tổ|khu|lô|căn\s+hộ|xóm|đạt|được|chiếm|khoảng|trực|tỷ\s+lệ|tỉ\s+lệ)\s*$",
    re.I,
)
# A date right after a clock time makes the time a time ("0 giờ ngày 1/1")
_DATE_AFTER = re.compile(
    r"\s*,?\s*(?:(?:sáng|trưa|chiều|tối|đêm)\s+)?(?:ngày\s+|hôm\s+)?\d{1,2}\s*[/.-]\s*\d", re.I
)
_YEAR_CUE_BEFORE = re.compile(
    r"(?:năm|giai\s+đoạn|nhiệm\s+kỳ|niên\s+khóa|mùa|khóa|từ|đến|tới|trước|sau|cuối|đầu|giữa|vào|trong|"
    r"tháng\s+\d+|\(|–|-|,)\s*$",
    re.I,
)


_YEAR_OFFSETS = {"nay": 0, "ngoái": -1, "trước": -1, "sau": 1, "tới": 1}


def _roman(q: str) -> int:
    return _ROMAN.get(q.lower()) or int(q)


def _month(value: str, v: Vocab) -> int:
    return int(value) if value.isdigit() else v.month_word[re.sub(r"\s+", " ", value.lower())]


def _two_digit_year(y: str | None, base: int | None = None) -> int | None:
    if y is None:
        return None
    n = int(y)
    if len(y) == 2:
        return (base // 100 * 100 + n) if base else 2000 + n
    return n


def _pod(value: str | None, v: Vocab) -> str | None:
    return v.part_of_day.get(re.sub(r"\s+", " ", value.lower())) if value else None


# --- finding -----------------------------------------------------------------------------------


def find(text: str, sentences: list[tuple[int, int]]) -> list[Found]:
    """Every date expression in text, longest first, without overlaps; years not yet resolved."""
    grammar = patterns()
    candidates: list[Found] = []
    windows = _digit_windows(text)
    for r, rx in grammar.rules:
        candidates += grammar.found_by(r, rx, text, windows if r.needs_digit else [(0, len(text))])
    # keep the longest of overlapping candidates (a list counts as one); earlier rules win ties
    candidates.sort(key=lambda f: (-f.extra.get("group_len", f.end - f.start), f.start))
    taken: list[Found] = []
    groups: dict[int, list[Found]] = {}
    for c in candidates:
        if c.extra.get("group") is not None:
            groups.setdefault(c.extra["group"], []).append(c)
    kept: set[int] = set()
    occupied = Intervals(())
    for f in candidates:
        group = f.extra.get("group")
        if group is not None and group in kept:
            taken.append(f)
            occupied.add(f.start, f.end)
            continue
        if not occupied.overlaps(f.start, f.end):
            if group is not None:
                if any(occupied.overlaps(c.start, c.end) for c in groups[group]):
                    continue
                kept.add(group)
            taken.append(f)
            occupied.add(f.start, f.end)
    taken.sort(key=lambda f: f.start)
    return taken


_DIGITS = re.compile(r"\d+")
_WINDOW = 48  # characters around a digit within which a numeric date expression must lie


def _digit_windows(text: str) -> list[tuple[int, int]]:
    """Merged ranges around the digits of text: the only places a numeric rule can match."""
    out: list[tuple[int, int]] = []
    for m in _DIGITS.finditer(text):
        a, b = max(0, m.start() - _WINDOW), min(len(text), m.end() + _WINDOW)
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


_group_ids = iter(range(1 << 62))


def _grouped(items: list[Found], start: int, end: int) -> list[Found]:
    """Mark the items of one list expression so overlap resolution keeps or drops them together."""
    gid = next(_group_ids)
    for f in items:
        f.extra.update(group=gid, group_len=end - start)
    return items


def _valid(d: int, m: int, y: int | None = None) -> bool:
    try:
        dt.date(y or 2000, m, d)  # 2000 is a leap year: 29/2 without a year is a real date
    except ValueError:
        return False
    return True


@dataclass(frozen=True)
class Anchor:
    """The publication date as known: year, maybe month and day."""

    year: int | None = None
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, published: str | None) -> Anchor:
        """Anchor from an ISO date of any granularity ("2017", "2017-06", "2017-06-08T10:00")."""
        if not published:
            return cls()
        m = re.match(r"\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?", published)
        if not m:
            return cls()
        y, mo, d = (int(x) if x else None for x in m.groups())
        if mo is not None and not 1 <= mo <= 12:
            return cls(y)
        if d is not None and not _valid(d, mo or 1, y):
            return cls(y, mo)
        return cls(y, mo, d)

    @property
    def date(self) -> dt.date | None:
        """The full date, if known."""
        return dt.date(self.year, self.month, self.day) if self.year and self.month and self.day else None


def resolve(
    found: list[Found], text: str, sentences: list[tuple[int, int]], published: str | None
) -> list[Found]:
    """Give each expression its year (guidelines' rules) and turn relative ones into calendar dates."""
    anchor = Anchor.parse(published)
    explicit = [(f.start, f.year) for f in found if f.explicit_year and f.year]
    out: list[Found] = []
    for f in found:
        if f.relative:
            r = _resolve_relative(f, anchor)
            if r is not None:
                out.append(r)
            continue
        if f.granularity == "time":
            out.append(f)
            continue
        if f.year_offset is not None:
            if anchor.year is None:
                continue
            f = replace(f, year=anchor.year + f.year_offset, extra={**f.extra, "year_source": "published"})
        elif f.year is None:
            year, source = _infer_year(f, anchor, explicit, sentences)
            f = replace(f, year=year, extra={**f.extra, "year_source": source})
        out.append(f)
    return _attach_times(out, sentences)


def _resolve_relative(f: Found, anchor: Anchor) -> Found | None:
    """f resolved against the publication date; None (left out, as without an anchor) when there is
    no anchor or the result falls outside the years 1-9999 ("năm sau" published 9999-12-31)."""
    unit, offset = f.relative  # type: ignore[misc]
    if unit == "year":
        if anchor.year is None or not 1 <= anchor.year + offset <= 9999:
            return None
        return replace(f, year=anchor.year + offset, extra={"year_source": "published"})
    base = anchor.date
    if base is None:
        return None  # "hôm qua" means nothing without the day of publication
    try:
        if unit == "day":
            day = base + dt.timedelta(days=offset)
            return replace(f, year=day.year, month=day.month, day=day.day, extra={"year_source": "published"})
        if unit == "week":
            day = base + dt.timedelta(weeks=offset)
            iso = day.isocalendar()
            return replace(f, year=iso[0], week=iso[1], extra={"year_source": "published"})
    except OverflowError:
        return None
    month_index = base.year * 12 + base.month - 1 + offset
    if not 1 <= month_index // 12 <= 9999:
        return None
    return replace(f, year=month_index // 12, month=month_index % 12 + 1, extra={"year_source": "published"})


def _infer_year(
    f: Found, anchor: Anchor, explicit: list[tuple[int, int | None]], sentences: list[tuple[int, int]]
) -> tuple[int | None, str]:
    if anchor.year:
        return anchor.year, "published"
    # explicit is sorted by position: the nearest year before, else the first after in the sentence
    i = bisect.bisect_left(explicit, (f.start, -1))
    if i > 0:
        return explicit[i - 1][1], "context"
    sentence_end = (sentence_of(sentences, f.start) or (f.start, f.end))[1]
    j = bisect.bisect_left(explicit, (f.end, -1))
    if j < len(explicit) and explicit[j][0] < sentence_end:
        return explicit[j][1], "context"
    return None, "unknown"


def _attach_times(found: list[Found], sentences: list[tuple[int, int]]) -> list[Found]:
    """A clock time takes the day of its sentence; a time with no day in its sentence is dropped."""
    out: list[Found] = []
    for f in found:
        if f.granularity != "time":
            out.append(f)
            continue
        sentence = sentence_of(sentences, f.start)
        days = [
            x
            for x in found
            if x.granularity == "day" and x.day and sentence and sentence[0] <= x.start < sentence[1]
        ]
        if not days:
            continue
        day = min(days, key=lambda x: abs(x.start - f.start))
        hour = f.hour or 0
        if f.part_of_day is None and day.part_of_day in {"afternoon", "evening"} and hour < 12:
            hour += 12  # "8 giờ tối 12/5": the evening belongs to the date, the hour to the time
        out.append(
            replace(
                f,
                hour=hour,
                year=day.year,
                month=day.month,
                day=day.day,
                extra={"year_source": day.extra.get("year_source", "text")},
            )
        )
    return out


def value_of(f: Found | dict, granularity: str | None = None) -> str:
    """The ISO / TIMEX3 value of an expression (or of a range's end)."""
    get = f.get if isinstance(f, dict) else lambda k: getattr(f, k)
    gran = granularity or get("granularity")
    year = get("year")
    y = f"{year:04d}" if year else "XXXX"
    if gran == "year":
        return y
    if gran == "half":
        return f"{y}-H{get('half')}"
    if gran == "quarter":
        return f"{y}-Q{get('quarter')}"
    if gran == "week":
        return f"{y}-W{get('week'):02d}"
    if gran == "month":
        return f"{y}-{get('month'):02d}"
    if gran == "day":
        return f"{y}-{get('month'):02d}-{get('day'):02d}"
    return f"{y}-{get('month'):02d}-{get('day'):02d}T{get('hour'):02d}:{get('minute'):02d}"


def end_value_of(f: Found) -> str | None:
    """The ISO value of the end of a range, inheriting what it does not say from the start."""
    if not f.end_parts:
        return None
    parts = {"year": f.year, "month": f.month, "day": f.day, **f.end_parts}
    return value_of(parts, f.end_parts["granularity"])


# --- spaCy component ---------------------------------------------------------------------------


@Language.factory(
    "vnnews_dates",
    assigns=["doc.spans", "span._.date"],
    default_config={"spans_key": SPANS_KEY},
)
class DateTagger(SpanComponent):
    """Dates and their TIMEX3 values: doc.spans[spans_key], each span's `_.date` a Found. Relative
    dates and missing years are resolved against doc._.published, which the pipeline sets from its
    input before the components run."""

    label = LABEL
    extension = "date"

    def __init__(self, nlp: Language, name: str, spans_key: str) -> None:
        super().__init__(spans_key)
        self.patterns = patterns()  # compiled once, when the pipeline is built

    def find(self, doc: Doc) -> list[Found]:
        """Dates of the Doc, resolved against its publication date."""
        text, sentences = text_of(doc), sentence_bounds(doc)
        return resolve(find(text, sentences), text, sentences, doc_published(doc))


def to_records(doc: Doc, spans_key: str = SPANS_KEY) -> list[DateItem]:
    """Date records of a processed Doc."""
    items = []
    for span in doc.spans.get(spans_key, []):
        f: Found = span._.date
        items.append(
            DateItem(
                start=f.start,
                end=f.end,
                text=text_of(doc)[f.start : f.end],
                value=value_of(f),
                granularity=f.granularity,
                end_value=end_value_of(f),
                part_of_day=f.part_of_day,
                relative=f.relative is not None,
                year_source=f.extra.get("year_source", "text") if not f.explicit_year else "text",
            )
        )
    return items
