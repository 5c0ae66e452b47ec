r"""Dates: a Vietnamese temporal tagger normalizing to ISO 8601 / TIMEX3 values.

The grammar is a table, RULES: one entry per construction ("18/3/2021", "quý I/2021", "hôm qua").
An entry is a converter function under a @rule decorator that gives the construction's name, its
pattern and a few examples, so that all there is to know about a construction is in one place.
To add a construction, add an entry where its priority belongs among "the rules, in priority order":

    @rule(
        "week_number",
        r"{no_left}tuần\s+(?P<w>[1-9]|[1-4]\d|5[0-3])\s+năm\s+(?P<y>{y}){no_right}",
        examples=[("tuần 12 năm 2021", "2021-W12"), ("tuần 53 năm 2020", "2020-W53")],
    )
    def _week_number(h: Hit) -> Found:
        # the year is written, so the value needs nothing from the publication date
        return Found(h.start, h.end, "week", int(h.g["y"]), week=int(h.g["w"]), explicit_year=True)

- pattern: a regular expression in which {name} stands for a piece of the grammar (_pieces): {d} a
  day, {m} a month, {y} a year, {sep} a separator, {no_left}/{no_right} the edges of a date, and
  the word lists of extractors/data: dates.tsv ({pod} parts of day, {wd} weekdays, {quarter}...)
  and each kind of dates_cues.tsv ({range_to}, {time_cue}...). Named groups are what the converter
  reads, as h.g["y"].
- converter: turns the match (a Hit: the match, its groups, the text and the 30 characters before
  it) into a Found, a list of Found (kept or dropped together, as "ngày 16 và 17-5"), or None
  when the surroundings say it is not a date after all.
- examples: (text, the values the tagger finds in it) read as if published on EXAMPLE_PUBLISHED;
  several values are comma-separated, a range is start/end, None means no date at all, and a lunar
  date with no solar value is written "lunar " and its lunar value ("lunar 2021-12": tháng Chạp).
  tests/extractors/test_date_rules.py runs every example through the tagger.
- options: needs_digit=False for a construction that can be written without a digit (it is then
  looked for in the whole text, not only near digits); doc_guard=False when a number right after
  a document word ("Nghị định 15", "Điều 5") may still be one; flags=0 for a case-sensitive one.

Order is priority: where matches overlap the longest is kept, and of two as long, the one of the
rule written first. Words are data, the regex around them is code: a new cue word ("hẻm 12/4" is an
address, "50 người" a count) is a row of data/dates_cues.tsv, a new calendar word one of dates.tsv.
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
    LOWER,
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


@dataclass(frozen=True)
class Vocab:
    """Calendar vocabulary loaded from data/dates.tsv."""

    part_of_day: dict[str, str]
    weekday: dict[str, int]
    month_word: dict[str, int]
    relative: dict[str, tuple[str, int]]
    relative_pod: dict[str, int]
    year_offset: dict[str, int]
    half_year_offset: dict[str, int]
    half: dict[str, int]
    quarter: dict[str, int]
    lunar_month: dict[str, int]
    lunar_day: dict[str, int]
    stem: dict[str, int]
    branch: dict[str, int]
    week_count: dict[str, int]
    weekday_relative: dict[str, tuple[str, int]]


@cache
def vocab() -> Vocab:
    """The calendar vocabulary, validated."""
    groups: dict[str, dict[str, str]] = {}
    for kind, form, value in lexicon.rows("dates.tsv", (3, 3)):
        groups.setdefault(kind, {})[form] = value
    numbers = (
        "weekday",
        "month_word",
        "relative_pod",
        "year_offset",
        "half_year_offset",
        "half",
        "quarter",
        "lunar_month",
        "lunar_day",
        "stem",
        "branch",
        "week_count",
    )
    missing = {"part_of_day", "relative", "weekday_relative", *numbers} - set(groups)
    if missing:
        raise lexicon.LexiconError(f"dates.tsv: no rows of kind {sorted(missing)}")
    rel = {}
    for form, value in groups["relative"].items():
        unit, _, offset = value.partition(":")
        if unit not in {"day", "week", "month", "year"}:
            raise lexicon.LexiconError(f"dates.tsv: bad relative unit in {value!r}")
        rel[form] = (unit, int(offset))
    weekday_rel = {}
    for form, value in groups["weekday_relative"].items():
        mode, _, offset = value.partition(":")
        if mode not in {"week", "next", "last"}:
            raise lexicon.LexiconError(f"dates.tsv: bad weekday_relative mode in {value!r}")
        weekday_rel[form] = (mode, int(offset))
    number: dict[str, dict[str, int]] = {}
    for kind in numbers:
        try:
            number[kind] = {k: int(v) for k, v in groups[kind].items()}
        except ValueError as e:
            raise lexicon.LexiconError(f"dates.tsv: a {kind} row needs a whole number: {e}") from None
    return Vocab(part_of_day=groups["part_of_day"], relative=rel, weekday_relative=weekday_rel, **number)


# kind of dates_cues.tsv -> what its words do; the file's header says more
CUE_KINDS = (
    "doc_before",
    "doc_before_word",
    "count_after",
    "day_cue",
    "weak_day_cue",
    "date_follows",
    "not_date_before",
    "clock_pod",
    "year_cue",
    "year_range_cue",
    "range_to",
    "month_lead",
    "month_name_cue",
    "year_lead",
    "time_cue",
    "duration_before",
    "quantity_before",
    "pod_day",
    "lunar_after",
    "lunar_day_lead",
    "new_year",
    "recurring",
    "lunar_gloss",
    "range_end",
    "ordinal_before",
    "same_day",
)


@cache
def cues() -> dict[str, str]:
    """The cue words of data/dates_cues.tsv, each kind as a longest-first regex alternation."""
    groups: dict[str, list[str]] = {}
    for kind, form in lexicon.rows("dates_cues.tsv", (2, 2)):
        if kind not in CUE_KINDS:
            raise lexicon.LexiconError(f"dates_cues.tsv: unknown kind {kind!r}")
        groups.setdefault(kind, []).append(form)
    missing = set(CUE_KINDS) - set(groups)
    if missing:
        raise lexicon.LexiconError(f"dates_cues.tsv: no rows of kind {sorted(missing)}")
    return {kind: lexicon.alternation(forms) for kind, forms in groups.items()}


# a clock time as it stands beside a bare day/month ("22h00 11/02", "27/05 15:00")
CLOCK = r"(?:[01]?\d|2[0-3])(?::[0-5]\d|\s*(?:h|giờ)(?:\s*[0-5]\d)?)"


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
    # a lunar date: (lunar year or None, lunar month, lunar day or None for a whole month); resolve
    # gives year/month/day the solar day it falls on, when its lunar year is known
    lunar: tuple[int | None, int, int | None] | None = None
    # the lunar year is named ("năm Đinh Dậu"): (stem, branch), placed in the 60-year cycle by resolve
    cycle: tuple[int, int] | None = None
    recurring: bool = False  # "ngày 21/10 hằng năm": every year, no year of its own
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
    """The pieces rule patterns are written with: {d} stands for pieces['d']; a cue kind of
    dates_cues.tsv ({range_to}, {time_cue}...) stands for the alternation of its words."""
    return {
        **cues(),
        "d": r"(?:3[01]|[12]\d|0?[1-9])",  # a day of the month
        "m": r"(?:1[0-2]|0?[1-9])",  # a month number
        "y": r"(?:1[0-9]\d\d|20\d\d)",  # a year written with a day, month or "năm"
        "y_bare": r"(?:19\d\d|20\d\d)",  # a year standing alone: only the modern ones
        "pod": lexicon.alternation(v.part_of_day),
        "wd": lexicon.alternation(v.weekday),
        "mw": lexicon.alternation(v.month_word),
        "rel": lexicon.alternation(v.relative),
        "rp": lexicon.alternation(v.relative_pod),
        "year_offset": lexicon.alternation(v.year_offset),
        "half_year_offset": lexicon.alternation(v.half_year_offset),
        "half": lexicon.alternation(v.half),
        "quarter": lexicon.alternation(v.quarter),
        "lm": lexicon.alternation(v.lunar_month),
        "ld": lexicon.alternation(v.lunar_day),
        "wk_count": lexicon.alternation(v.week_count),
        "wd_rel": lexicon.alternation(v.weekday_relative),
        # the lunar year after a lunar day or month: its name in the 60-year cycle ("năm Đinh Dậu"), its
        # number, or both ("năm Đinh Dậu 2017")
        "lunar_year": (
            rf"(?:\s*,?\s*(?:năm\s+)?(?P<cc>(?:{lexicon.alternation(v.stem)})\s+(?:{lexicon.alternation(v.branch)}))(?![\w]))?"
            r"(?:(?:\s+năm\s+|\s*[,/]\s*|\s+)(?P<y>(?:1[0-9]\d\d|20\d\d))(?![\w/]))?"
        ),
        # a lunar-calendar mark after a day or a month, bracketed or not: "10/3 âm lịch", "15/7 (ÂL)"
        "lunar_mark": rf"(?:\s*\(\s*(?:{cues()['lunar_after']})\s*\)|\s+(?:{cues()['lunar_after']})(?![\w]))",
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
    # the surroundings converters test; each is built from a kind of dates_cues.tsv (see patterns())
    doc_before: re.Pattern[str]
    count_after: re.Pattern[str]
    day_cue_before: re.Pattern[str]
    weak_cue_before: re.Pattern[str]
    date_follows: re.Pattern[str]
    not_date_before: re.Pattern[str]
    date_after: re.Pattern[str]
    year_cue_before: re.Pattern[str]
    month_name_cue: re.Pattern[str]
    month_name_cue_before: re.Pattern[str]
    duration_before: re.Pattern[str]
    quantity_before: re.Pattern[str]
    time_lead: re.Pattern[str]  # a time word opening a match: what follows it is no document number
    recurring_after: re.Pattern[str]
    recurring_before: re.Pattern[str]
    lunar_gloss: re.Pattern[str]  # "(tức " opening the other calendar's name of a day
    ordinal_before: re.Pattern[str]  # "lần thứ hai": "thứ" + number word is an ordinal there
    range_joint: re.Pattern[str]  # between the two ends of a range: " đến hết ", " - "

    def found_by(self, r: Rule, rx: re.Pattern[str], text: str, spans: list[tuple[int, int]]) -> list[Found]:
        """What rule r (compiled as rx) finds within the spans of text, before overlaps are resolved."""
        out: list[Found] = []
        for a, b in spans:
            for m in rx.finditer(text, a, b):
                before = text[max(0, m.start() - 30) : m.start()]
                # a number right after a document word is its number ("Kế hoạch 15/2021"); a date that
                # opens with a time word is not a number ("kế hoạch đến tháng 10/2019")
                if r.doc_guard and not self.time_lead.match(m.group(0)) and self.doc_before.search(before):
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
    # [^\S\n]: the words before a day are on its line, a paragraph's date never starts on the line before
    prefix = (
        r"(?:(?P<pod>{pod})[^\S\n]+(?:(?:{pod_day})[^\S\n]+)?)?"
        r"(?:(?P<wd>{wd})[^\S\n]*[,(]?[^\S\n]*(?:ngày[^\S\n]+)?)?"
        r"(?:(?:vào[^\S\n]+)?ngày[^\S\n]+|hôm[^\S\n]+)?"
    )
    c = cues()

    def before(words: str) -> re.Pattern[str]:
        """A regex for the text before a match ending in one of words (spaces may follow)."""
        return re.compile(rf"(?:{words})\s*$", re.I)

    return Grammar(
        vocab=v,
        rules=tuple((r, re.compile(_expand(r.pattern, pieces), r.flags)) for r in RULES),
        # \Z, not $: the window ends at the day, and $ would also match before a newline ending it
        prefix_re=re.compile(rf"(?<!\w){_expand(prefix, pieces)}\Z", re.I),
        doc_before=re.compile(rf"(?:\b(?:{c['doc_before_word']})|{c['doc_before']})\s*:?\s*$", re.I),
        count_after=re.compile(rf"\s*(?:{c['count_after']})\b", re.I),
        # a day word, a weekday, a bracket, or a clock time ("22h00 11/02", "20:45 6/2": a fixture list)
        day_cue_before=re.compile(
            rf"(?:{c['day_cue']}|thứ\s+\w+|\(|(?<![\w.,:/]){CLOCK})"
            r"\s*,?\s*\(?\s*$",
            re.I,
        ),
        # weaker: "từ 15/3", "đến 9/10" (a date, or a fraction "đến nay, 9/10 xã")
        weak_cue_before=before(c["weak_day_cue"]),
        date_follows=re.compile(rf"\s*(?:$|[,.;:!?)”\"\]–-]|\s(?:{c['date_follows']})\b)", re.I),
        not_date_before=before(c["not_date_before"]),
        # a date right after a clock time makes the time a time ("0 giờ ngày 1/1")
        date_after=re.compile(
            rf"\s*,?\s*(?:(?:{c['clock_pod']})\s+)?(?:ngày\s+|hôm\s+)?\d{{1,2}}\s*[/.-]\s*\d", re.I
        ),
        year_cue_before=before(rf"{c['year_cue']}|tháng\s+\d+|\(|–|-|,"),
        month_name_cue=re.compile(rf"(?:{c['month_name_cue']})\s", re.I),
        month_name_cue_before=re.compile(rf"(?:{c['month_name_cue']})\s+$", re.I),
        duration_before=before(c["duration_before"]),
        quantity_before=before(rf"\d|{c['quantity_before']}"),
        time_lead=re.compile(rf"(?:{c['month_lead']}|{c['weak_day_cue']}|{c['time_cue']})\s", re.I),
        recurring_after=re.compile(rf"\s*,?\s*(?:{c['recurring']})(?!\w)", re.I),
        recurring_before=re.compile(rf"(?<!\w)(?:{c['recurring']})\s*,?\s*(?:vào\s+)?$", re.I),
        ordinal_before=re.compile(rf"(?<!\w)(?:{c['ordinal_before']})\s*$", re.I),
        lunar_gloss=re.compile(rf"\s*\(\s*(?:(?:{c['lunar_gloss']})\s+)?", re.I),
        range_joint=re.compile(rf"\s*(?:–|-|{c['range_to']})\s*(?:(?:{c['range_end']})\s+)?", re.I),
    )


# --- the rules, in priority order --------------------------------------------------------------


@rule(
    "full_range",
    r"{no_left}(?:từ\s+)?(?:ngày\s+)?(?P<d1>{d})(?P<s1>[/.-])(?P<m1>{m})(?P=s1)(?P<y1>{y})\s*"
    r"(?:–|-|/|{range_to})\s*(?:ngày\s+)?(?P<d2>{d})(?P<s2>[/.-])(?P<m2>{m})(?P=s2)(?P<y2>{y}){no_right}",
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
    r"\s*(?:{range_to}|–|-)\s*(?:ngày\s+)?(?P<d2>{d})(?P<s2>/|-|\.|\s+tháng\s+)(?P<m2>{m})"
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
    if not (h.m.group(0).lower().startswith(("từ", "ngày")) or h.grammar.day_cue_before.search(h.before)):
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
    r"{no_left}(?:(?P<cue>{year_range_cue})\s+)?(?:năm\s+)?"
    r"(?P<y1>{y})\s*(?P<sep>–|-|/|{range_to})\s*(?:năm\s+)?(?P<y2>{y}|\d\d){no_right}",
    examples=[
        ("giai đoạn 2016 - 2020", "2016/2020"),
        ("nhiệm kỳ 2020-2025", "2020/2025"),
        ("(2016 – 2020)", "2016/2020"),
        ("từ năm 2015 đến năm 2020", "2015/2020"),
        ("niên khóa 2020-21", "2020/2021"),
        ("khoảng năm 2013-2014", "2013/2014"),
        ("mùa giải 2015/2016", "2015/2016"),
        ("năm học 2020/21", "2020/2021"),
        ("đạt 2015/2016 điểm", None),
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
    if h.g["sep"] == "/" and h.g["cue"] is None:
        return None  # "2015/2016" is a season or a school year only after its word ("mùa giải", "năm học")
    # "khoảng năm 2013-2014": the "năm" the pattern took is the cue
    named = h.m.group(0)[len(h.g["cue"] or "") :].lstrip().lower().startswith("năm")
    if h.g["cue"] is None and not named and not h.grammar.year_cue_before.search(h.before) and not bracketed:
        return None
    return Found(
        h.start, h.end, "year", y1, end_parts={"year": y2, "granularity": "year"}, explicit_year=True
    )


@rule(
    "month_range",
    r"{no_left}(?:từ\s+)?tháng\s+(?P<m1>{m})(?:(?:{sep}|\s+năm\s+)(?P<y1>{y}))?\s*(?:{range_to}|–|-)\s*"
    r"(?P<t2>tháng\s+)?(?P<m2>{m})(?:(?:{sep}|\s+năm\s+)(?P<y>{y}))?{no_right}",
    examples=[
        ("từ tháng 3 đến tháng 5/2021", "2021-03/2021-05"),
        ("tháng 11/2020 - tháng 2/2021", "2020-11/2021-02"),
        ("tháng 9 - 12", "2021-09/2021-12"),
        ("tháng 9-12/2020", "2020-09/2020-12"),
        ("tháng 3 - 4 ngày", "2021-03"),
    ],
)
def _month_range(h: Hit) -> Found | None:
    """Two months, the first before the second."""
    y1, y = _two_digit_year(h.g["y1"]), _two_digit_year(h.g["y"])
    m1, m2 = int(h.g["m1"]), int(h.g["m2"])
    if not h.g["t2"] and (y1 is not None or (y is None and _UNIT_AFTER.match(h.text, h.end))):
        # "tháng 9 - 12" shares "tháng"; "tháng 3 - 4 ngày" is a month then a count of days, and
        # "tháng 5/2020 - 6" is no range anyone writes
        return None
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
    "lunar_day",
    r"{no_left}(?:(?P<lead>{lunar_day_lead})\s+)?(?P<d>{d})"
    r"(?:\s+tháng\s+(?:(?P<lm>{lm})|(?P<m>{m}|{mw}))(?![\w])|(?P<sep>[/.-])(?P<mn>{m})(?![\d]))"
    r"(?P<al1>{lunar_mark})?{lunar_year}(?P<al2>{lunar_mark})?",
    examples=[
        ("mồng 8 tháng Giêng", "2021-02-19"),
        ("ngày 15 tháng Chạp", "2021-01-27"),
        ("ngày 10/3 âm lịch", "2021-04-21"),
        ("Ngày mùng 6 tháng giêng năm Đinh Dậu", "2017-02-02"),
        ("14 tháng Giêng năm Đinh Dậu 2017", "2017-02-10"),
        ("ngày 15 tháng 3 năm 2021", "2021-03-15"),
    ],
)
def _lunar_day(h: Hit) -> Found | None:
    """A day of a lunar month: the month has a lunar name ("tháng Giêng") or "âm lịch" follows."""
    if not (h.g["lm"] or h.g["al1"] or h.g["al2"]):
        return None  # a solar date, which day_words or day_numeric read
    month = h.v.lunar_month[h.g["lm"].lower()] if h.g["lm"] else _month(h.g["m"] or h.g["mn"], h.v)
    start, g = _with_prefix(h)
    return _lunar(h, start, month, int(h.g["d"]), pod=_pod(g.get("pod"), h.v))


@rule(
    "lunar_named",
    r"{no_left}(?:(?:(?:vào\s+)?ngày\s+)?(?P<ld>{ld})\s+tháng\s+(?:(?P<lm>{lm})|(?P<m>{m}|{mw}))(?![\w])"
    r"|(?:(?:{lunar_day_lead})\s+(?P<d>[1-9]|10)|(?:(?:{lunar_day_lead})\s+)?(?P<eve>29|30))\s+(?:{new_year})(?![\w]))"
    r"(?:{lunar_mark})?{lunar_year}",
    examples=[
        ("rằm tháng Bảy", "2021-08-22"),
        ("Rằm tháng Giêng năm 2022", "2022-02-15"),
        ("Mùng 2 Tết", "2021-02-13"),
        ("chiều 30 Tết", "2021-02-11"),
    ],
    needs_digit=False,
)
def _lunar_named(h: Hit) -> Found | None:
    """A lunar day said with a word: "rằm tháng Bảy" (the 15th), "mùng 2 Tết" (of the first month),
    "30 Tết" (the last days of the year before: month 12 of the lunar year before that Tết)."""
    if h.g["ld"]:
        month = h.v.lunar_month[h.g["lm"].lower()] if h.g["lm"] else _month(h.g["m"], h.v)
        return _lunar(h, h.start, month, h.v.lunar_day[h.g["ld"].lower()])
    start, g = _with_prefix(h)
    pod = _pod(g.get("pod"), h.v)
    if h.g["eve"]:
        return _lunar(h, start, 12, int(h.g["eve"]), pod=pod, year_shift=-1)
    return _lunar(h, start, 1, int(h.g["d"]), pod=pod)


@rule(
    "lunar_month",
    r"{no_left}(?:(?:{month_lead})\s+)?tháng\s+(?:(?P<lm>{lm})(?![\w])|(?P<m>{m}|{mw})(?P<al>{lunar_mark}))"
    r"{lunar_year}",
    examples=[("tháng Chạp", "lunar 2021-12"), ("tháng 7 âm lịch năm 2020", "lunar 2020-07")],
    needs_digit=False,
)
def _lunar_month(h: Hit) -> Found | None:
    """A whole lunar month: it has no solar value (it straddles two solar months)."""
    month = h.v.lunar_month[h.g["lm"].lower()] if h.g["lm"] else _month(h.g["m"], h.v)
    return _lunar(h, h.start, month, None)


def _lunar(
    h: Hit, start: int, month: int, day: int | None, pod: str | None = None, year_shift: int = 0
) -> Found | None:
    """A lunar date found by a lunar rule; its year is the written one, if any ("năm Đinh Dậu",
    "năm 2017"), else resolve finds it. year_shift: the lunar year is that many years from the one
    the text names ("30 Tết" is in the year before the Tết)."""
    if day is not None and not 1 <= day <= 30:
        return None
    y = int(h.g["y"]) + year_shift if h.g.get("y") else None
    cycle = None
    if h.g.get("cc"):
        words = h.g["cc"].lower().split()
        stem, branch = h.v.stem[words[0]], h.v.branch[words[-1]]
        # a stem and a branch of different parity name no year ("Giáp Sửu"): the name is ignored
        cycle = (stem, branch) if (stem - branch) % 2 == 0 else None
    return Found(
        start,
        h.end,
        "day" if day else "month",
        part_of_day=pod,
        lunar=(y, month, day),
        cycle=cycle,
        explicit_year=y is not None,
        extra={"year_shift": year_shift},
    )


@rule(
    "day_words",
    r"{no_left}(?P<d>{d})\s+tháng\s+(?P<m>{m}|{mw})(?![\w])(?:(?:\s*(?:năm\s+|,\s*|/\s*)|\s+)(?P<y>{y}))?{no_right}",
    examples=[
        ("ngày 18 tháng 3 năm 2021", "2021-03-18"),
        ("12 Tháng 3 2016", "2016-03-12"),
        ("ngày 12 tháng 3 2000 người", "2021-03-12"),
        ("18 tháng Ba", "2021-03-18"),
        ("sáng thứ Hai, ngày 15 tháng 3", "2021-03-15"),
    ],
)
def _day_words(h: Hit) -> Found | None:
    """A day with "tháng": the word says it is a date."""
    start, g = _with_prefix(h)
    if g.get("y") and h.grammar.count_after.match(h.text, h.end):
        # "ngày 12 tháng 3 2000 người": the number counts people; the date ends at its month
        f = _day(h, start, {**g, "y": None})
        return replace(f, end=h.m.end("m")) if f else None
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
        ("Lịch thi đấu: 22h00 11/02 MU - Watford", "2021-02-11T22:00, 2021-02-11"),
        ("27/05 15:00 U20 Costa Rica vs U20 Zambia", "2021-05-27, 2021-05-27T15:00"),
    ],
)
def _day_numeric(h: Hit) -> Found | None:
    """A day and month in figures ("18/3", "18-3-2021"): a date only where its surroundings say so."""
    start, g = _with_prefix(h)
    y = _two_digit_year(g.get("y"))
    prefixed = any(g.get(k) for k in ("pod", "wd")) or re.match(
        r"(?:vào\s+)?(?:ngày|hôm)\b", h.text[start : h.end], re.I
    )
    strong = (
        prefixed
        or g.get("open")
        or h.grammar.day_cue_before.search(h.before)
        or _CLOCK_AFTER.match(h.text, h.end)  # "27/05 15:00 U20 Costa Rica vs U20 Zambia": a fixture
    )
    if y is None and not strong:
        # "3-1" is a score, "6.7" a decimal, "9/10 xã" a fraction, "hẻm 12/4" an address:
        # without a day word, a bare day/month must read as a date by what surrounds it
        if h.grammar.not_date_before.search(h.before) or not h.grammar.date_follows.match(h.text, h.end):
            return None
        if g["sep"] != "/" and not h.grammar.weak_cue_before.search(h.before):
            return None
    if h.grammar.count_after.match(h.text, h.end):
        return None
    return _day(h, start, g)


@rule(
    "day_iso",
    r"{no_left}(?P<y>{y})-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])(?![\w/.-])",
    examples=[
        ("• 2017-05-22 17:46 Đội hình ra sân", "2017-05-22, 2017-05-22T17:46"),
        ("Cập nhật 2020-11-03", "2020-11-03"),
        ("Ngày 2021-02-30 không có trên lịch", None),
    ],
)
def _day_iso(h: Hit) -> Found | None:
    """A day written the ISO way ("2017-05-22"), as live reports and scraped pages stamp their
    entries; the clock time after it is the "clock" rule's."""
    y, mo, d = int(h.g["y"]), int(h.g["m"]), int(h.g["d"])
    if not _valid(d, mo, y):
        return None
    return Found(h.start, h.end, "day", y, mo, d, explicit_year=True)


# a clock time right after a bare day/month ("27/05 15:00", "11/02 22h"): the day/month is a date
_CLOCK_AFTER = re.compile(rf"\s+{CLOCK}(?![\w/])")


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
    r"{no_left}quý\s+(?P<q>{quarter})(?![\w])(?:(?:{sep}|\s+năm\s+)(?P<y>{y})|"
    r"\s+(?P<rel>năm\s+(?:{year_offset})))?{no_right}",
    examples=[
        ("quý I/2021", "2021-Q1"),
        ("quý 2 năm 2021", "2021-Q2"),
        ("quý IV năm ngoái", "2020-Q4"),
        ("quý III", "2021-Q3"),
        ("Số dư tại ngày 31/3/2016 (quý I) là 3.787 tỷ đồng", "2016-03-31, 2016-Q1"),
    ],
    needs_digit=False,
)
def _quarter(h: Hit) -> Found:
    """A quarter, in Roman or Arabic figures; in brackets right after a day with its year
    ("31/3/2016 (quý I)") it is that day's quarter, of that year."""
    y = _two_digit_year(h.g["y"])
    if y is None:
        dated = _DATED_DAY_BEFORE_BRACKET.search(h.before)
        y = int(dated.group("y")) if dated else None
    rel = h.g.get("rel")
    offset = h.v.year_offset[rel.split()[-1].lower()] if rel else None
    return Found(
        h.start,
        h.end,
        "quarter",
        y,
        quarter=h.v.quarter[h.g["q"].lower()],
        explicit_year=y is not None,
        year_offset=offset,
    )


# a day with its year, then an opening bracket: what the bracket says is about that day
_DATED_DAY_BEFORE_BRACKET = re.compile(r"(?<![\w/.-])\d{1,2}[/.-]\d{1,2}[/.-](?P<y>(?:19|20)\d\d)\s*\(\s*$")


@rule(
    "half",
    r"{no_left}(?:6|sáu)\s+tháng\s+(?P<h>{half})\s+năm(?:\s+(?P<y>{y}))?(?P<rel>\s+(?:{half_year_offset}))?{no_right}",
    examples=[("6 tháng đầu năm 2021", "2021-H1"), ("sáu tháng cuối năm nay", "2021-H2")],
    needs_digit=False,
)
def _half(h: Hit) -> Found:
    """A half year."""
    y = _two_digit_year(h.g["y"])
    rel = h.g.get("rel")
    # the word is looked up as written, not lower-cased, as the tagger always has: "NĂM NAY" in a
    # capitalised headline reads as last year (a fault kept while the grammar only changes form)
    offset = h.v.half_year_offset.get(rel.split()[-1], -1) if rel else None
    return Found(
        h.start,
        h.end,
        "half",
        y,
        half=h.v.half[h.g["h"].lower()],
        explicit_year=y is not None,
        year_offset=offset,
    )


@rule(
    "half2",
    r"{no_left}nửa\s+(?P<h>{half})\s+năm(?:\s+(?P<y>{y}))?(?P<rel>\s+(?:{half_year_offset}))?{no_right}",
    examples=[("nửa đầu năm 2020", "2020-H1"), ("nửa cuối năm ngoái", "2020-H2")],
    needs_digit=False,
)
def _half2(h: Hit) -> Found:
    """A half year said with "nửa": the same meaning as "6 tháng"."""
    return _half(h)


@rule(
    "month",
    r"{no_left}(?:(?:{month_lead})\s+)?tháng\s+(?P<m>{m}|{mw})(?![\w])"
    r"(?:(?:{sep}|\s+năm\s+)(?P<y>{y})|\s+(?P<rel>năm\s+(?:{year_offset})))?{no_right}",
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
        gr = h.grammar
        if not gr.month_name_cue.match(h.m.group(0)) and not gr.month_name_cue_before.search(h.before):
            return None
    # "3 tháng" is a duration: the number before "tháng" belongs to it ("10/2020 đến tháng 3" does not,
    # nor does "từ tháng 11 đến tháng 4", where a word stands between them)
    if h.m.group(0)[:1] in "tT" and re.search(r"(?<![\d/.-])\d{1,2}\s*$", h.before):
        return None
    mo = _month(month, h.v)
    y = _two_digit_year(h.g["y"])
    offset = h.v.year_offset[rel.split()[-1].lower()] if rel else None
    if h.grammar.count_after.match(h.text, h.end):
        return None
    return Found(h.start, h.end, "month", y, mo, explicit_year=y is not None, year_offset=offset)


@rule(
    "year",
    r"{no_left}(?:(?:{year_lead})\s+)?năm\s+(?P<y>{y}){no_right}",
    examples=[("năm 2021", "2021"), ("đầu năm 2020", "2020")],
)
def _year(h: Hit) -> Found:
    """A year after "năm"."""
    return Found(h.start, h.end, "year", int(h.g["y"]), explicit_year=True)


@rule(
    "time",
    r"{no_left}(?:(?P<cue>{time_cue})\s+)?(?P<h>[01]?\d|2[0-3])\s*(?P<u>giờ|h|g)"
    r"(?:\s*(?P<min>[0-5]\d)(?:\s*phút)?)?(?![\w/])"
    # a part of day that opens the date after it ("8 giờ sáng ngày 5/6") is the date's
    r"(?:\s+(?P<pod>{clock_pod})(?!\s*(?:ngày\s+|hôm\s+)?\d))?",
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
    same_day = bool(_SAME_DAY_AFTER.match(h.text, h.end))
    if (
        not minutes
        and h.g["u"].lower() != "h"
        and not h.g["cue"]
        and not h.g["pod"]
        and not same_day
        and not h.grammar.date_after.match(h.text, h.end)
    ):
        return None  # "8 giờ" alone is a duration as often as a time
    if h.grammar.duration_before.search(h.before) and not minutes:
        return None
    pod = _pod(h.g["pod"], h.v)
    if pod in {"afternoon", "evening", "night"} and hour < 12:
        hour += 12 if not (pod == "night" and hour < 5) else 0
    return Found(
        h.start,
        h.end,
        "time",
        hour=hour % 24,
        minute=int(minutes) if minutes else 0,
        part_of_day=pod,
        extra={"same_day": True} if same_day else {},
    )


# "15 giờ cùng ngày", "8h sáng hôm đó": the day a time belongs to is the one the text named last
_SAME_DAY_AFTER = re.compile(rf"\s*,?\s+(?:{cues()['same_day']})(?!\w)", re.I)


@rule(
    "clock",
    r"{no_left}(?:(?P<cue>{time_cue})\s+)?(?P<h>[01]?\d|2[0-3]):(?P<min>[0-5]\d)(?::[0-5]\d)?{no_right}",
    examples=[
        ("lúc 21:15 ngày 3/4/2016", "2016-04-03T21:15, 2016-04-03"),
        ("10:05, 22/08/2020", "2020-08-22T10:05, 2020-08-22"),
        ("12 Tháng 3 2016 lúc 08:20", "2016-03-12, 2016-03-12T08:20"),
        ("tỷ số 2:10", None),
    ],
)
def _clock(h: Hit) -> Found:
    """A clock time written HH:MM (resolve gives it the day of its sentence, as to "14h30")."""
    return Found(h.start, h.end, "time", hour=int(h.g["h"]), minute=int(h.g["min"]))


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
    if unit in {"month", "year", "week"} and h.grammar.quantity_before.search(h.before):
        return None  # "3 năm trước", "những năm qua": spans of time, not calendar points
    return Found(h.start, h.end, unit, relative=(unit, offset))


@rule(
    "week_count",
    r"{no_left}(?P<n>[1-9]|[1-4]\d)\s+tuần\s+(?P<dir>{wk_count})(?![\w])",
    examples=[("3 tuần sau", "2021-W14"), ("2 tuần trước", "2021-W09"), ("trong 3 tuần sau", None)],
)
def _week_count(h: Hit) -> Found | None:
    """A week counted from publication ("3 tuần sau"); after "trong", "sau", "mất"... it is a duration."""
    if h.grammar.duration_before.search(h.before):
        return None
    offset = int(h.g["n"]) * h.v.week_count[h.g["dir"].lower()]
    return Found(h.start, h.end, "week", relative=("week", offset))


@rule(
    "weekday_relative",
    r"{no_left}(?:(?P<pod>{pod})\s+)?(?P<wd>{wd})\s+(?P<rel>{wd_rel})(?![\w])",
    examples=[
        ("thứ Năm tuần trước", "2021-03-11"),
        ("thứ Hai tới", "2021-03-22"),
        ("Chủ nhật vừa qua", "2021-03-14"),
        ("lần thứ hai tới đây", None),
    ],
    needs_digit=False,
    doc_guard=False,
)
def _weekday_relative(h: Hit) -> Found | None:
    """A weekday placed from the publication date: of a week ("thứ Năm tuần trước"), or the next or
    last such day ("thứ Hai tới", "Chủ nhật vừa qua")."""
    if h.grammar.ordinal_before.search(h.before):
        return None  # "lần thứ hai tới thăm": an ordinal, not Monday
    mode, offset = h.v.weekday_relative[re.sub(r"\s+", " ", h.g["rel"].lower())]
    weekday = h.v.weekday[re.sub(r"\s+", " ", h.g["wd"].lower())]
    return Found(
        h.start,
        h.end,
        "day",
        part_of_day=_pod(h.g["pod"], h.v),
        relative=("weekday", offset),
        extra={"weekday": weekday, "mode": mode},
    )


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
    if h.grammar.count_after.match(h.text, h.end) or re.match(rf"\s+[{LOWER}]", h.text[h.end : h.end + 3]):
        if not h.grammar.year_cue_before.search(h.before):
            return None
    if re.search(r"\d[\s.,]*$", h.before) or re.match(r"[\s.]*\d", h.text[h.end : h.end + 3]):
        return None  # part of a longer number ("1900 9095")
    return Found(h.start, h.end, "year", int(h.g["y"]), explicit_year=True)


# --- helpers of the converters -------------------------------------------------------------


# a unit of time or a count right after a number: the number counts it ("4 ngày", "12 giờ")
_UNIT_AFTER = re.compile(r"\s*(?:giờ|phút|ngày|tuần|tháng|năm|lần|người|%)(?!\w)", re.I)


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
    taken = _join_ranges(text, _merge_glosses(text, taken), grammar)
    return [_tidy(text, _mark_recurring(text, f, grammar)) for f in taken]


_CLOSE = re.compile(r"\s*\)")


def _merge_glosses(text: str, found: list[Found]) -> list[Found]:
    """A solar day and its lunar name in brackets, either way round ("Sáng 14/2 (tức rằm tháng
    Giêng)", "rằm tháng Giêng (14/2)"), are one solar day: the span covers both, the value is the
    solar day's, and the lunar reading is kept as its lunar_value."""
    gloss = patterns().lunar_gloss
    out: list[Found] = []
    i = 0
    while i < len(found):
        a = found[i]
        b = found[i + 1] if i + 1 < len(found) else None
        merged = None
        if b is not None and (a.lunar is None) != (b.lunar is None):
            solar, lunar = (a, b) if b.lunar is not None else (b, a)
            # the bracket may already be inside the second expression's span ("(14/2")
            gap = text[a.end : b.start] + ("(" if text.startswith("(", b.start) else "")
            close = _CLOSE.match(text, b.end)
            if solar.granularity == "day" and lunar.granularity == "day" and close and gloss.fullmatch(gap):
                merged = replace(
                    solar, start=a.start, end=close.end(), extra={**solar.extra, "lunar_gloss": lunar.lunar}
                )
        if merged is None:
            out.append(a)
            i += 1
        else:
            out.append(merged)
            i += 2
    return out


def _mark_recurring(text: str, f: Found, grammar: Grammar) -> Found:
    """A day or month without a year that comes back every year ("ngày 21/10 hằng năm", "hằng năm,
    vào ngày 21/10") is recurring: no year is given to it. The words after it join its span."""
    if f.explicit_year or f.relative or f.granularity not in {"day", "month"}:
        return f
    after = grammar.recurring_after.match(text, f.end)
    if after:
        return replace(f, end=after.end(), recurring=True)
    if grammar.recurring_before.search(text[max(0, f.start - 30) : f.start]):
        return replace(f, recurring=True)
    return f


def _tidy(text: str, f: Found) -> Found:
    """f's span without whitespace at its edges and with its brackets balanced: a closing bracket
    right after an open one joins it ("Thứ Năm (1/6)"); an opening one left alone is dropped."""
    start, end = f.start, f.end
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    span = text[start:end]
    if span.count("(") > span.count(")"):
        close = _CLOSE.match(text, end)
        if close:
            end = close.end()
        elif span.startswith("("):
            start += 1
            while start < end and text[start].isspace():
                start += 1
    elif span.count(")") > span.count("(") and span.endswith(")"):
        end -= 1
        while end > start and text[end - 1].isspace():
            end -= 1
    return f if (start, end) == (f.start, f.end) else replace(f, start=start, end=end)


# what a range joins: a calendar point at day, month or year granularity, of one calendar
_RANGE_ENDS = {"day", "month", "year"}
_FROM_BEFORE = re.compile(r"(?<!\w)từ\s+$", re.I)
_FROM = re.compile(r"từ\s", re.I)


def _join_ranges(text: str, found: list[Found], grammar: Grammar) -> list[Found]:
    """A range "từ A đến (hết) B" written with two expressions each read by its own rule ("từ chiều mai đến
    hết ngày 21/9", "từ ngày 1-11 tới hết tháng 12-2024") is one range: A's value, B's as its end.
    A without a year takes B's (the year before when A's day comes after B's)."""
    out: list[Found] = []
    i = 0
    while i < len(found):
        a = found[i]
        b = found[i + 1] if i + 1 < len(found) else None
        joined = _range_of(text, a, b, grammar) if b is not None else None
        if joined is None:
            out.append(a)
            i += 1
        else:
            out.append(joined)
            i += 2
    return out


def _range_of(text: str, a: Found, b: Found, grammar: Grammar) -> Found | None:
    """a and b as one range, or None when they are not the two ends of one."""
    if (
        a.end_parts
        or b.end_parts
        or b.relative
        or a.lunar is not None
        or b.lunar is not None
        or a.granularity not in _RANGE_ENDS
        or b.granularity not in _RANGE_ENDS
        or a.extra.get("group") is not None
        or b.extra.get("group") is not None
        or (a.relative is not None and a.relative[0] != "day")
    ):
        return None
    # the joint fills the gap between them ("A đến hết B"); it may run into b's own span, which can
    # open with its words ("từ tháng 11 | đến tháng 4", "đến hết | ngày 30/6")
    joint = grammar.range_joint.match(text, a.end)
    if not joint or joint.end() < b.start:
        return None
    before = text[max(0, a.start - 10) : a.start]
    from_match = _FROM_BEFORE.search(before)
    if not (_FROM.match(text, a.start) or from_match):
        return None  # without "từ", "A - B" is as often two dates side by side
    start = a.start - len(from_match.group(0)) if from_match else a.start
    a_key = (a.month or 0, a.day or 0)
    b_key = (b.month or 13, b.day or 32)  # "đến hết tháng 12": the end of the month
    year, b_year = a.year, b.year
    if year is None and b_year is not None and not a.relative:
        year = b_year - 1 if a_key > b_key else b_year
    elif b_year is None and year is not None:
        b_year = year + 1 if a_key > b_key else year
    if year is not None and b_year is not None and (year, *a_key) > (b_year, *b_key):
        return None
    if year is None and b_year is None and a_key > b_key and not grammar.recurring_after.match(text, b.end):
        # "từ tháng 11 đến tháng 4" crosses a new year the text does not name, unless it recurs
        # every year ("... hàng năm"), where no year is given to either end
        return None
    end_parts = {k: v for k, v in (("year", b_year), ("month", b.month), ("day", b.day)) if v is not None}
    return replace(
        a,
        start=start,
        end=b.end,
        year=year,
        explicit_year=a.explicit_year or b.explicit_year,
        end_parts={**end_parts, "granularity": b.granularity},
        extra={**a.extra, "end_found": b},
    )


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
    todo = list(reversed(found))
    while todo:
        f = todo.pop()
        if f.relative:
            r = _resolve_relative(f, anchor)
            if r is not None:
                out.append(r)
            elif "end_found" in f.extra:
                todo.append(f.extra["end_found"])  # "từ chiều mai đến 21/9" unpublished: the end still stands
            continue
        if f.granularity == "time":
            out.append(f)
            continue
        if f.lunar is not None:
            out.append(_resolve_lunar(f, anchor, explicit, sentences))
            continue
        if f.recurring:
            out.append(replace(f, extra={**f.extra, "year_source": "unknown"}))  # every year: none of its own
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


def _resolve_lunar(
    f: Found, anchor: Anchor, explicit: list[tuple[int, int | None]], sentences: list[tuple[int, int]]
) -> Found:
    """A lunar date with its lunar year, and for a day the solar day it falls on (year, month, day).

    The lunar year is the written one; else the one a cycle name ("năm Đinh Dậu") gives near the
    publication year or the text's years; else, with a full publication date, the lunar year that
    puts the day nearest to publication ("rằm tháng Chạp" published in January is the month just
    gone); else the publication year or the text's, as for a solar date. A recurring date has none
    and keeps no solar value; so does a lunar day that year lacks (the 30th of a 29-day month)."""
    lunar_year, month, day = f.lunar  # type: ignore[misc]
    shift = f.extra.get("year_shift", 0)
    source = "text"
    if f.recurring:
        return replace(f, extra={**f.extra, "year_source": "unknown"})
    if lunar_year is None:
        base, source = _infer_year(f, anchor, explicit, sentences)
        if base is None:
            pass
        elif f.cycle is not None:
            lunar_year, source = _cycle_year(f.cycle, base) + shift, "text"
        elif anchor.date and day and source == "published":
            tries = [(y, _solar(day, month, y)) for y in (base - 1, base, base + 1)]
            placed = [(abs((d - anchor.date).days), y) for y, d in tries if d is not None]
            lunar_year = min(placed)[1] if placed else base + shift
        else:
            lunar_year = base + shift
    f = replace(f, lunar=(lunar_year, month, day), extra={**f.extra, "year_source": source})
    solar = _solar(day, month, lunar_year) if day and lunar_year else None
    if solar is None:
        return f
    return replace(f, year=solar.year, month=solar.month, day=solar.day)


def _cycle_year(cycle: tuple[int, int], near: int) -> int:
    """The year named (stem, branch) in the 60-year cycle nearest to `near` (2017 is Đinh Dậu)."""
    stem, branch = cycle
    # the cycle position p has p % 10 == stem and p % 12 == branch; 1984 (Giáp Tý) is position 0
    p = next(p for p in range(60) if p % 10 == stem and p % 12 == branch)
    first = 1984 + p
    return first + round((near - first) / 60) * 60


def _solar(day: int, month: int, lunar_year: int) -> dt.date | None:
    """The solar day of a lunar day in the Vietnamese calendar, or None if that lunar year lacks it."""
    import vnlunar  # loaded only when an article has a lunar date

    if not 1 <= lunar_year <= 9999:
        return None
    try:
        got = vnlunar.convert_lunar_to_solar(day, month, lunar_year)
    except (ValueError, OverflowError, IndexError):
        return None
    return dt.date(got[2], got[1], got[0]) if got else None


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
        if unit == "weekday":
            day = _weekday_from(base, f.extra["weekday"], f.extra["mode"], offset)
            return replace(f, year=day.year, month=day.month, day=day.day, extra={"year_source": "published"})
    except OverflowError:
        return None
    month_index = base.year * 12 + base.month - 1 + offset
    if not 1 <= month_index // 12 <= 9999:
        return None
    return replace(f, year=month_index // 12, month=month_index % 12 + 1, extra={"year_source": "published"})


def _weekday_from(base: dt.date, weekday: int, mode: str, offset: int) -> dt.date:
    """The day of ISO weekday `weekday` placed from base: in the week `offset` weeks away (mode
    "week"), or the first such day after base ("next") or the last before it ("last")."""
    if mode == "week":
        monday = base - dt.timedelta(days=base.isoweekday() - 1)
        return monday + dt.timedelta(weeks=offset, days=weekday - 1)
    if mode == "next":
        return base + dt.timedelta(days=(weekday - base.isoweekday()) % 7 or 7)
    return base - dt.timedelta(days=(base.isoweekday() - weekday) % 7 or 7)


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
    """A clock time takes the day of its sentence; a time with no day in its sentence is dropped,
    unless it says it is "the same day" (see _SAME_DAY_AFTER): then it takes the day named last."""
    dated = [
        x for x in found if x.granularity == "day" and x.day and not x.recurring and value_of(x) is not None
    ]
    out: list[Found] = []
    for f in found:
        if f.granularity != "time":
            out.append(f)
            continue
        sentence = sentence_of(sentences, f.start)
        days = [x for x in dated if sentence and sentence[0] <= x.start < sentence[1]]
        if not days and f.extra.get("same_day"):
            # "vào 8h sáng cùng ngày": the day named last before it, in an earlier sentence
            earlier = [x for x in dated if x.start < f.start]
            days = [max(earlier, key=lambda x: x.start)] if earlier else []
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


def value_of(f: Found | dict, granularity: str | None = None) -> str | None:
    """The ISO / TIMEX3 value of an expression (or of a range's end); None for a lunar date not
    placed on the solar calendar (its year unknown, a recurring one, a whole lunar month)."""
    if isinstance(f, Found) and f.lunar is not None and (f.day is None or f.year is None):
        return None
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


def lunar_value_of(f: Found) -> str | None:
    """A lunar date as the text gives it, in the lunar calendar: lunar year (XXXX unknown), month,
    day ("2017-01-15", "XXXX-07-15", "XXXX-12" for a whole month); None for a solar date."""
    lunar = f.lunar if f.lunar is not None else f.extra.get("lunar_gloss")
    if lunar is None:
        return None
    year, month, day = lunar
    value = f"{year:04d}-{month:02d}" if year else f"XXXX-{month:02d}"
    return f"{value}-{day:02d}" if day else value


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
    # event_model: the event's day is chosen by the learned decision (extractors/event_model.py);
    # false: by the rules alone (extractors/metadata.py rule_day). Read by metadata.event_day.
    default_config={"spans_key": SPANS_KEY, "event_model": True},
)
class DateTagger(SpanComponent):
    """Dates and their TIMEX3 values: doc.spans[spans_key], each span's `_.date` a Found. Relative
    dates and missing years are resolved against doc._.published, which the pipeline sets from its
    input before the components run. It also writes its `event_model` switch to doc._.event_model,
    which the event's date reads when the record is assembled."""

    label = LABEL
    extension = "date"

    def __init__(self, nlp: Language, name: str, spans_key: str, event_model: bool = True) -> None:
        super().__init__(spans_key)
        self.patterns = patterns()  # compiled once, when the pipeline is built
        self.event_model = event_model

    def __call__(self, doc: Doc) -> Doc:
        doc._.event_model = self.event_model
        return super().__call__(doc)

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
                calendar="lunar" if f.lunar is not None else "solar",
                lunar_value=lunar_value_of(f),
                recurring=f.recurring,
            )
        )
    return items
