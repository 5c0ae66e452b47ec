"""Dates: a Vietnamese temporal tagger normalizing to ISO 8601 / TIMEX3 values."""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass, field, replace
from functools import cache

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


class Patterns:
    """The compiled grammar of Vietnamese date expressions."""

    def __init__(self, v: Vocab) -> None:
        d = r"(?:3[01]|[12]\d|0?[1-9])"
        m = r"(?:1[0-2]|0?[1-9])"
        y = r"(?:1[0-9]\d\d|20\d\d)"  # a year written with a day, month or "năm"
        y_bare = r"(?:19\d\d|20\d\d)"  # a year standing alone: only the modern ones
        pod = lexicon.alternation(v.part_of_day)
        wd = lexicon.alternation(v.weekday)
        mw = lexicon.alternation(v.month_word)
        rel = lexicon.alternation(v.relative)
        self.v = v
        # prefixes: part of day, weekday, "ngày"; each optional, in this order
        prefix = (
            rf"(?:(?P<pod>{pod})\s+(?:(?:hôm\s+)?nay\s+|qua\s+|mai\s+)?)?"
            rf"(?:(?P<wd>{wd})\s*[,(]?\s*(?:ngày\s+)?)?"
            r"(?:(?:vào\s+)?ngày\s+|hôm\s+)?"
        )
        no_left = r"(?<![\w/.,:-])"
        no_right = r"(?![\w/]|[.,:-]\d|-[^\W\d_])"
        sep = r"\s*[/.-]\s*"
        # the words before a day ("sáng thứ Hai, ngày"), matched backwards from the day's digits:
        # scanning every position for them would cost more than the rest of the grammar
        self.prefix_re = re.compile(rf"(?<!\w){prefix}$", re.I)
        self.rules: list[tuple[str, re.Pattern[str]]] = [
            # ranges of full dates: "(19-5-1890/19-5-2017)", "21/6/1925 - 21/6/2017"
            (
                "full_range",
                re.compile(
                    rf"{no_left}(?:từ\s+)?(?:ngày\s+)?(?P<d1>{d})(?P<s1>[/.-])(?P<m1>{m})(?P=s1)(?P<y1>{y})\s*"
                    rf"(?:–|-|/|đến|tới)\s*(?:ngày\s+)?(?P<d2>{d})(?P<s2>[/.-])(?P<m2>{m})(?P=s2)(?P<y2>{y}){no_right}"
                ),
            ),
            # lists of days sharing a month: "ngày 16 và 17-5", "các ngày 3, 4 và 5/6/2021"
            (
                "day_list",
                re.compile(
                    rf"{no_left}(?:(?:vào\s+)?(?:các\s+)?ngày\s+)(?P<days>{d}(?:\s*,\s*{d})*)\s*(?:,|và)\s*"
                    rf"(?P<last>{d})(?P<sep>/|-|\.)(?P<m>{m})(?:(?P=sep)(?P<y>{y}))?{no_right}",
                    re.I,
                ),
            ),
            # lists of years: "các năm 1996, 2000, 2005 và năm 2010"
            (
                "year_list",
                re.compile(
                    rf"{no_left}(?:các\s+)?năm\s+(?P<years>{y}(?:\s*,\s*{y})*(?:\s*(?:,|và)\s*(?:năm\s+)?{y}))"
                    rf"{no_right}",
                    re.I,
                ),
            ),
            # ranges of days: "từ ngày 15 đến 18/3/2021", "từ 15 - 18/3/2021", "từ 15/3 đến 18/3"
            (
                "day_range",
                re.compile(
                    rf"{no_left}(?:từ\s+)?(?:ngày\s+)?(?P<d1>{d})(?:(?P<s1>/|-|\.|\s+tháng\s+)(?P<m1>{m}))?"
                    rf"\s*(?:đến|tới|–|-)\s*(?:ngày\s+)?(?P<d2>{d})(?P<s2>/|-|\.|\s+tháng\s+)(?P<m2>{m})"
                    rf"(?:(?:{sep}|\s+năm\s+)(?P<y>{y}))?{no_right}",
                    re.I,
                ),
            ),
            # ranges of years: "giai đoạn 2016 - 2020", "nhiệm kỳ 2020-2025", "(2016 – 2020)", "từ năm 2015 đến năm 2020"
            (
                "year_range",
                re.compile(
                    rf"{no_left}(?:(?P<cue>giai\s+đoạn|nhiệm\s+kỳ|niên\s+khóa|năm\s+học|thời\s+kỳ|từ)\s+)?(?:năm\s+)?"
                    rf"(?P<y1>{y})\s*(?:–|-|đến|tới)\s*(?:năm\s+)?(?P<y2>{y}|\d\d){no_right}",
                    re.I,
                ),
            ),
            # months in range: "từ tháng 3 đến tháng 5/2021"
            (
                "month_range",
                re.compile(
                    rf"{no_left}(?:từ\s+)?tháng\s+(?P<m1>{m})(?:(?:{sep}|\s+năm\s+)(?P<y1>{y}))?\s*(?:đến|tới|–|-)\s*tháng\s+(?P<m2>{m})"
                    rf"(?:(?:{sep}|\s+năm\s+)(?P<y>{y}))?{no_right}",
                    re.I,
                ),
            ),
            # "ngày 18 tháng 3 năm 2021", "18 tháng Ba"
            (
                "day_words",
                re.compile(
                    rf"{no_left}(?P<d>{d})\s+tháng\s+(?P<m>{m}|{mw})(?![\w])"
                    rf"(?:\s*(?:năm\s+|,\s*|/\s*)(?P<y>{y}))?{no_right}",
                    re.I,
                ),
            ),
            # numeric: "18/3/2021", "18-3-2021", "18.3.2021", "18/3", "(8/6)"
            (
                "day_numeric",
                re.compile(
                    rf"{no_left}(?P<open>\()?(?P<d>{d})(?P<sep>/|-|\.)(?P<m>{m})"
                    rf"(?:(?P=sep)(?P<y>{y}|\d\d(?!\d)))?{no_right}",
                    re.I,
                ),
            ),
            # quarters: "quý I/2021", "quý 2 năm 2021"
            (
                "quarter",
                re.compile(
                    rf"{no_left}quý\s+(?P<q>IV|I{{1,3}}|[1-4])(?![\w])(?:(?:{sep}|\s+năm\s+)(?P<y>{y})|"
                    rf"\s+(?P<rel>năm\s+(?:nay|ngoái|trước|sau|tới)))?{no_right}",
                    re.I,
                ),
            ),
            # halves: "6 tháng đầu năm 2021", "nửa cuối năm"
            (
                "half",
                re.compile(
                    rf"{no_left}(?:6|sáu)\s+tháng\s+(?P<h>đầu|cuối)\s+năm(?:\s+(?P<y>{y}))?(?P<rel>\s+nay|\s+ngoái)?"
                    rf"{no_right}",
                    re.I,
                ),
            ),
            (
                "half2",
                re.compile(
                    rf"{no_left}nửa\s+(?P<h>đầu|cuối)\s+năm(?:\s+(?P<y>{y}))?(?P<rel>\s+nay|\s+ngoái)?{no_right}",
                    re.I,
                ),
            ),
            # months: "tháng 3/2021", "tháng 3 năm 2021", "tháng 12 năm ngoái", "tháng 3"
            (
                "month",
                re.compile(
                    rf"{no_left}(?:(?:vào|trong|từ|đến|cuối|đầu|giữa)\s+)?tháng\s+(?P<m>{m}|{mw})(?![\w])"
                    rf"(?:(?:{sep}|\s+năm\s+)(?P<y>{y})|\s+(?P<rel>năm\s+(?:nay|ngoái|trước|sau|tới)))?{no_right}",
                    re.I,
                ),
            ),
            # years: "năm 2021", "đầu năm 2021"
            ("year", re.compile(rf"{no_left}(?:(?:đầu|cuối|giữa)\s+)?năm\s+(?P<y>{y}){no_right}", re.I)),
            # clock times: "14 giờ 30", "14h30", "lúc 8 giờ sáng"
            (
                "time",
                re.compile(
                    rf"{no_left}(?:(?P<cue>lúc|vào\s+lúc|vào|từ|khoảng|đúng)\s+)?(?P<h>[01]?\d|2[0-3])\s*(?P<u>giờ|h|g)"
                    r"(?:\s*(?P<min>[0-5]\d)(?:\s*phút)?)?(?![\w/])"
                    # a part of day that opens the date after it ("8 giờ sáng ngày 5/6") is the date's
                    r"(?:\s+(?P<pod>sáng|trưa|chiều|tối|đêm)(?!\s*(?:ngày\s+|hôm\s+)?\d))?",
                    re.I,
                ),
            ),
            # relative: "hôm qua", "sáng nay", "tuần trước", "năm ngoái"
            ("relative", re.compile(rf"{no_left}(?P<rel>{rel})(?![\w])", re.I)),
            (
                "relative_pod",
                re.compile(
                    rf"{no_left}(?P<pod>{pod})\s+(?P<rp>{lexicon.alternation(v.relative_pod)})(?![\w])"
                    rf"(?:\s*\(\s*(?P<d>{d})\s*[/.-]\s*(?P<m>{m})(?:\s*[/.-]\s*(?P<y>{y}))?\s*\))?",
                    re.I,
                ),
            ),
            # bare years in a date context: "(2017)", "toàn quốc 2017", "mùa thi 2017"
            ("bare_year", re.compile(rf"{no_left}(?P<y>{y_bare}){no_right}")),
        ]


@cache
def patterns() -> Patterns:
    """The grammar, compiled once."""
    return Patterns(vocab())


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


def find(text: str, sentences: list[tuple[int, int]]) -> list[Found]:
    """Every date expression in text, longest first, without overlaps; years not yet resolved."""
    p = patterns()
    v = p.v
    candidates: list[Found] = []
    windows = _digit_windows(text)
    for name, rx in p.rules:
        spans = [(0, len(text))] if name in _WORD_RULES else windows
        for m in (m for a, b in spans for m in rx.finditer(text, a, b)):
            f = _build(name, m, text, v)
            if isinstance(f, list):
                candidates.extend(f)
            elif f is not None:
                candidates.append(f)
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


# Rules that can match without a digit; every other rule only runs near digits.
_WORD_RULES = frozenset({"relative", "relative_pod", "half", "half2", "month", "quarter"})
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


def _before(text: str, start: int, n: int = 30) -> str:
    return text[max(0, start - n) : start]


def _build(name: str, m: re.Match[str], text: str, v: Vocab) -> Found | list[Found] | None:
    g = m.groupdict()
    start, end = m.span()
    before = _before(text, start)
    if name not in {"relative", "relative_pod", "time"} and _DOC_BEFORE.search(before):
        return None
    if name == "full_range":
        y1, y2, m1, m2, d1, d2 = (int(g[k]) for k in ("y1", "y2", "m1", "m2", "d1", "d2"))
        if not _valid(d1, m1, y1) or not _valid(d2, m2, y2) or (y1, m1, d1) >= (y2, m2, d2):
            return None
        return Found(
            start,
            end,
            "day",
            y1,
            m1,
            d1,
            explicit_year=True,
            end_parts={"year": y2, "month": m2, "day": d2, "granularity": "day"},
        )
    if name == "day_list":
        mo = int(g["m"])
        y = _two_digit_year(g["y"])
        days = [(x.start(), x.end()) for x in re.finditer(r"\d+", g["days"])]
        base = m.start("days")
        out = []
        for i, (a, b) in enumerate(days):
            d = int(g["days"][a:b])
            if not _valid(d, mo, y):
                return None
            out.append(
                Found(start if i == 0 else base + a, base + b, "day", y, mo, d, explicit_year=y is not None)
            )
        if not _valid(int(g["last"]), mo, y):
            return None
        out.append(Found(m.start("last"), end, "day", y, mo, int(g["last"]), explicit_year=y is not None))
        return _grouped(out, start, end)
    if name == "year_list":
        base = m.start("years")
        out = [
            Found(
                start if i == 0 else base + x.start(),
                base + x.end(),
                "year",
                int(x.group(0)),
                explicit_year=True,
            )
            for i, x in enumerate(re.finditer(r"\d{4}", g["years"]))
        ]
        return _grouped(out, start, end)
    if name == "day_range":
        y = _two_digit_year(g["y"])
        m1 = int(g["m1"]) if g["m1"] else int(g["m2"])
        d1, d2, m2 = int(g["d1"]), int(g["d2"]), int(g["m2"])
        if not _valid(d1, m1) or not _valid(d2, m2) or (m1, d1) >= (m2, d2):
            return None
        has_cue = m.group(0).lower().startswith(("từ", "ngày")) or _DAY_CUE_BEFORE.search(before)
        if not has_cue:
            return None
        return Found(
            start,
            end,
            "day",
            y,
            m1,
            d1,
            end_parts={"month": m2, "day": d2, "granularity": "day"},
            explicit_year=y is not None,
        )
    if name == "year_range":
        y1 = int(g["y1"])
        y2 = int(g["y2"]) if len(g["y2"]) == 4 else y1 // 100 * 100 + int(g["y2"])
        bracketed = text.startswith("(", start - 1)
        if not y1 < y2 <= y1 + (200 if bracketed else 30):
            return None
        if g["cue"] is None and not _YEAR_CUE_BEFORE.search(before) and not text.startswith("(", start - 1):
            return None
        return Found(
            start, end, "year", y1, end_parts={"year": y2, "granularity": "year"}, explicit_year=True
        )
    if name == "month_range":
        y1, y = _two_digit_year(g.get("y1")), _two_digit_year(g["y"])
        m1, m2 = int(g["m1"]), int(g["m2"])
        if y1 is not None and y is not None:
            if (y1, m1) >= (y, m2):
                return None
            return Found(
                start,
                end,
                "month",
                y1,
                m1,
                explicit_year=True,
                end_parts={"year": y, "month": m2, "granularity": "month"},
            )
        if m1 >= m2:
            return None
        return Found(
            start,
            end,
            "month",
            y,
            m1,
            end_parts={"month": m2, "granularity": "month"},
            explicit_year=y is not None,
        )
    if name in {"day_words", "day_numeric"}:
        pm = patterns().prefix_re.search(text, max(0, start - 40), start)
        if pm and pm.start() < start:
            start = pm.start()
            g = {**g, "pod": pm.group("pod"), "wd": pm.group("wd")}
        d, mo = int(g["d"]), _month(g["m"], v)
        y = _two_digit_year(g.get("y"))
        if not _valid(d, mo, y):
            return None
        if name == "day_numeric":
            sep = g["sep"]
            prefixed = any(g.get(k) for k in ("pod", "wd")) or re.match(
                r"(?:vào\s+)?(?:ngày|hôm)\b", text[start:end], re.I
            )
            strong = prefixed or g.get("open") or _DAY_CUE_BEFORE.search(before)
            if y is None and not strong:
                # "3-1" is a score, "6.7" a decimal, "9/10 xã" a fraction, "hẻm 12/4" an address:
                # without a day word, a bare day/month must read as a date by what surrounds it
                if _NOT_DATE_BEFORE.search(before) or not _DATE_FOLLOWS.match(text, end):
                    return None
                if sep != "/" and not _WEAK_CUE_BEFORE.search(before):
                    return None
            if _COUNT_AFTER.match(text, end):
                return None
        return Found(
            start,
            end,
            "day",
            y,
            mo,
            d,
            part_of_day=_pod(g.get("pod"), v),
            explicit_year=y is not None,
            extra={"weekday": v.weekday.get(re.sub(r"\s+", " ", g["wd"].lower())) if g.get("wd") else None},
        )
    if name == "quarter":
        y = _two_digit_year(g["y"])
        offset = _YEAR_OFFSETS[g["rel"].split()[-1].lower()] if g.get("rel") else None
        return Found(
            start, end, "quarter", y, quarter=_roman(g["q"]), explicit_year=y is not None, year_offset=offset
        )
    if name in {"half", "half2"}:
        y = _two_digit_year(g["y"])
        offset = None
        if g.get("rel"):
            offset = 0 if "nay" in g["rel"] else -1
        return Found(
            start,
            end,
            "half",
            y,
            half=1 if g["h"].lower() == "đầu" else 2,
            explicit_year=y is not None,
            year_offset=offset,
        )
    if name == "month":
        if not g["m"].isdigit() and not g["y"] and not g.get("rel"):
            # "tháng Ba" alone is a date only after a time cue ("vào tháng Ba"); "Hải trình tháng Ba" is a name
            cue = r"(?:vào|trong|từ|đến|tới|hồi|sang|cuối|đầu|giữa)\s"
            if not re.match(cue, m.group(0), re.I) and not re.search(cue + "+$", before, re.I):
                return None
        # "3 tháng" is a duration: the number before "tháng" belongs to it ("10/2020 đến tháng 3" does not)
        if re.search(r"(?<![\d/.-])\d{1,2}\s*$", before):
            return None
        mo = _month(g["m"], v)
        y = _two_digit_year(g["y"])
        offset = None
        if g.get("rel"):
            word = g["rel"].split()[-1].lower()
            offset = _YEAR_OFFSETS[word]
        if _COUNT_AFTER.match(text, end):
            return None
        return Found(start, end, "month", y, mo, explicit_year=y is not None, year_offset=offset)
    if name == "year":
        return Found(start, end, "year", int(g["y"]), explicit_year=True)
    if name == "bare_year":
        if _COUNT_AFTER.match(text, end) or re.match(r"\s+[a-zà-ỹđ]", text[end : end + 3]):
            if not _YEAR_CUE_BEFORE.search(before):
                return None
        if re.search(r"\d[\s.,]*$", before) or re.match(r"[\s.]*\d", text[end : end + 3]):
            return None  # part of a longer number ("1900 9095")
        return Found(start, end, "year", int(g["y"]), explicit_year=True)
    if name == "time":
        hour = int(g["h"])
        minute = int(g["min"]) if g["min"] else 0
        if (
            not g["min"]
            and g["u"].lower() != "h"
            and not g["cue"]
            and not g["pod"]
            and not _DATE_AFTER.match(text, end)
        ):
            return None  # "8 giờ" alone is a duration as often as a time
        if re.search(r"(?:trong|suốt|mất|sau|hơn|gần)\s*$", before, re.I) and not g["min"]:
            return None
        pod = _pod(g["pod"], v)
        if pod in {"afternoon", "evening", "night"} and hour < 12:
            hour += 12 if not (pod == "night" and hour < 5) else 0
        return Found(start, end, "time", hour=hour % 24, minute=minute, part_of_day=pod)
    if name == "relative":
        phrase = re.sub(r"\s+", " ", g["rel"].lower())
        unit, offset = v.relative[phrase]
        if unit in {"month", "year", "week"} and re.search(
            r"(?:\d|những|các|nhiều|mấy|vài)\s*$", before, re.I
        ):
            return None  # "3 năm trước", "những năm qua": spans of time, not calendar points
        return Found(start, end, unit, relative=(unit, offset))
    if name == "relative_pod":
        pod = _pod(g["pod"], v)
        offset = v.relative_pod[g["rp"].lower()]
        if g.get("d"):
            d, mo = int(g["d"]), int(g["m"])
            y = _two_digit_year(g.get("y"))
            if not _valid(d, mo, y):
                return None
            return Found(start, end, "day", y, mo, d, part_of_day=pod, explicit_year=y is not None)
        return Found(start, end, "day", part_of_day=pod, relative=("day", offset))
    return None


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
