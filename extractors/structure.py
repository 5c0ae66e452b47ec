"""Structure of an article: title, lead, body and byline sections, and the byline's author.

The pipeline computes the sections before the components run (doc._.sections); the extractors
read them. Byline vocabulary (prefixes, agency words) is data under extractors/data."""

from __future__ import annotations

import re
from dataclasses import dataclass

from vnnews.extractors import lexicon
from vnnews.extractors.text import LOWER, UPPER

# Sentence and byline breaks: "A-Z", a code-point range "À-Ỹ" and "Đ". The range holds lowercase
# accented letters too (so "… được" may open a sentence); the trained taggers learned from the
# sentences it gives, so it stays until they are retrained. UPPER is the exact class.
CAPITALS = "A-ZÀ-ỸĐ"
_CAP_WORD = rf"[{CAPITALS}][^\s,.;:!?()\[\]/–-]*"
# A byline name: one to four capitalized syllables ("Minh Anh", "TẤN TUÂN", "Văn Hùng").
_NAME = rf"{_CAP_WORD}(?: {_CAP_WORD}){{0,3}}"
_AGENCY = r"[A-ZĐ][\w.]*(?: [A-ZĐ][\w.]*)?(?:/[\w.]+(?: [\w.]+)?)?"
_BYLINE_PREFIX = (
    rf"(?:(?:{lexicon.alternation(lexicon.words('byline_prefixes.txt'), any_space=False)})\s*:?\s*)"
)
_BYLINE = re.compile(
    rf"(?P<prefix>{_BYLINE_PREFIX})?"
    rf"(?P<names>{_NAME}(?:\s*[–-]\s*{_NAME}){{0,3}})"
    rf"(?P<agency>\s*\({_AGENCY}\)|/{_AGENCY})?"
)
# Where a byline glued to the last sentence may begin: after the sentence's end, spaced, or glued to
# the period of a lowercase word ("... thực hiện.Vĩnh Tường"; see _glued_end)
_SENTENCE_END_BEFORE = re.compile(
    rf"(?:[.!?…]|\./\.|[.!?…][”\"’)])\s+|(?P<glued>[.!?…])(?=[{CAPITALS}]\S*\s+\S)"
)
_LAST_WORD = re.compile(r"(\S+)$")
# "Theo Dân trí", "Nguồn: Tuổi trẻ": a source's name may have lowercase syllables, first capitalized
_SOURCE_BYLINE = re.compile(
    rf"(?:{lexicon.alternation(lexicon.words('byline_sources.txt'), any_space=False)})\s*:?\s+"
    rf"[{CAPITALS}][^\s,.;:!?]*(?:[ .][^\s,;:!?]+){{0,4}}"
)
# a line that only dates the page ("Thứ Hai, ngày 14 tháng 3 năm 2016", "Cập nhật: 10:05, 22/08/2020")
_DATE_PART = r"(?:ngày\s+)?\d{1,2}(?:\s+tháng\s+|\s*[/.-]\s*)\d{1,2}(?:\s+năm\s+|\s*[/.-]\s*|,?\s+)\d{4}"
_TIME_PART = r"(?:lúc\s+)?\d{1,2}\s*[:hg]\s*\d{2}(?:\s*(?:\(\s*)?GMT\s*[+-]\s*\d+(?:\s*\))?)?"
_DATELINE = re.compile(
    rf"\s*(?:(?:{lexicon.alternation(lexicon.words('dateline_prefixes.txt'))})\s*:?\s*)?"
    rf"(?:(?:thứ\s+\S+|chủ\s+nhật)\s*,?\s*)?"
    rf"(?:{_TIME_PART}\s*[,|–-]?\s*{_DATE_PART}|{_DATE_PART}(?:\s*[,|–-]?\s*{_TIME_PART})?)\s*",
    re.I,
)
_STANDALONE_MAX = 60


@dataclass(frozen=True)
class Section:
    """A named character range of the article text."""

    name: str
    start: int
    end: int


def looks_like_title(line: str, rest: str) -> bool:
    """A first line that is a headline: short, unterminated, followed by more text, and not the
    page's dateline ("Thứ Hai, ngày 14 tháng 3 năm 2016")."""
    line = line.strip()
    return (
        bool(rest.strip())
        and 0 < len(line) <= 300
        and not line.endswith((".", ":", ";", ","))
        and not is_dateline(line)
    )


def is_dateline(line: str) -> bool:
    """Whether a line only dates the page: a weekday, a date and maybe a time, nothing else."""
    return bool(_DATELINE.fullmatch(line))


def find_byline(text: str, body_start: int) -> tuple[int, int] | None:
    """Offsets of the byline: a short name line at the very end, or glued to the last sentence."""
    end = len(text.rstrip())
    last_nl = text.rfind("\n", body_start, end)
    line_start = last_nl + 1 if last_nl >= 0 else body_start
    if line_start >= end:
        return None
    line = text[line_start:end]
    if line_start > body_start and len(line) <= _STANDALONE_MAX and _is_byline(line):
        return line_start, end
    # a byline glued to the last sentence: take the shortest tail that reads as one
    # only the last _STANDALONE_MAX characters can hold the tail: a page-long line is not rescanned
    window = max(0, len(line) - _STANDALONE_MAX - 4)
    candidates = [
        m.end()
        for m in _SENTENCE_END_BEFORE.finditer(line, window)
        if not m.group("glued") or _glued_end(line, m.start())
    ]
    for pos in candidates:
        tail = line[pos:]
        if len(tail) <= _STANDALONE_MAX and _is_byline(tail):
            return line_start + pos, end
    # an all-capitals name glued without punctuation ("... chương trình VĂN DŨNG")
    m = re.search(rf"\s((?:[{CAPITALS}]{{2,}} ){{1,3}}[{CAPITALS}]{{2,}})$", line)
    if m and not any(w in _AGENCY_WORDS for w in m.group(1).split()):
        return line_start + m.start(1), end
    return None


def _glued_end(line: str, period: int) -> bool:
    """Whether the period at `period`, with no space after it, ends a sentence: the word before it
    is a lowercase word ("thực hiện.Vĩnh Tường"), not an abbreviation ("TP.HCM", "Tr.Hoàng")."""
    word = _LAST_WORD.search(line, max(0, period - 40), period)
    return bool(word) and len(word.group(1)) >= 2 and word.group(1).isalpha() and word.group(1).islower()


_AGENCY_WORDS = lexicon.words("byline_agencies.txt")
_ALONE = lexicon.words("byline_alone.txt")  # bylines that are a role or an agency alone


def once(s: str) -> str:
    """s, or its first half when s is that half written twice ("Thu Hà Thu Hà" → "Thu Hà")."""
    half = s[: len(s) // 2].strip()
    return half if half and s == f"{half} {half}" else s


def _is_byline(s: str) -> bool:
    s = s.strip()
    if not s or len(s.split()) > 12:
        return False
    if s in _ALONE:
        return True
    if _SOURCE_BYLINE.fullmatch(s) and not s.endswith("."):
        return True
    s = once(s)  # a byline the page printed twice
    m = _BYLINE.fullmatch(s)
    return bool(m) and not s.endswith(".")


def author_from_byline(byline: str) -> str | None:
    """The author as the guidelines write it: agency in brackets or after a slash dropped."""
    s = byline.strip().rstrip(".")
    stripped = re.sub(rf"^{_BYLINE_PREFIX}", "", s).strip()
    if not stripped:
        return s if s and not s.endswith(":") else None  # "Nhóm PV" alone is a byline; "Tin, ảnh:" is not
    s = stripped
    s = once(s)  # "Bình Minh/VOV.VN Bình Minh/VOV.VN": a byline repeated by the page
    only_agency = re.fullmatch(r"[A-ZĐ.]+(?:/[^/]+)?", s)
    if only_agency:
        return s
    s = re.sub(r"\s*\([^)]*\)\s*$", "", s)
    s = re.sub(r"/\S.*$", "", s)
    return s.strip() or None


_SOURCE_AFTER = re.compile(
    rf"\s+(?:{lexicon.alternation(lexicon.words('byline_sources.txt'), any_space=False)})\s*:?\s+"
)
_PRESS_WORDS = frozenset({"Online", "Online.", "News", "Net", "Plus", "TV", "Times", "Post"})
_NAME_SEPARATOR = re.compile(r"\s*(?:[-–—,;&]|\s và)\s*")
_BYLINE_NAME = re.compile(r"[^\W\d_][\w.’'-]*(?: [^\W\d_][\w.’'-]*){0,3}")


def byline_names(byline: str) -> list[tuple[int, int]]:
    """(start, end) in the byline of each reporter it names ("Hồng Đào - Lê Phong", "Việt Cường, Hà
    Thắng", "ĐẶNG CHUNG"); none for a source paper ("Theo Dân trí"), an agency or a role ("TTXVN",
    "PV"), and not the agency after a slash or in brackets ("Minh Anh/TTXVN")."""
    s = byline.rstrip().rstrip(".")
    if not s.strip() or s.strip() in _ALONE or _SOURCE_BYLINE.fullmatch(s.strip()):
        return []
    prefix = re.match(rf"\s*(?:{_BYLINE_PREFIX})?\s*", s)
    start = prefix.end() if prefix else 0
    end = len(s)
    # the agency in brackets or after a slash, and a source after the names ("Thanh Mai Theo InfoNet")
    for cut in (
        re.search(r"\s*\(", s[start:]),
        re.search(r"\s*/", s[start:]),
        _SOURCE_AFTER.search(s[start:]),
    ):
        if cut:
            end = min(end, start + cut.start())
    out = []
    pos = start
    for sep in [*_NAME_SEPARATOR.finditer(s, start, end), None]:
        a, b = pos, (sep.start() if sep else end)
        part = s[a:b]
        part = once(part)  # "Thành Cường Thành Cường": the page printed the byline twice
        b = a + len(part)
        words = part.split(" ")
        if (
            any(w in _ALONE for w in words)  # "Nhóm PV"
            or words[-1] in _PRESS_WORDS  # "Thanh Niên Online"
            or any(re.search(rf"[{LOWER}][{UPPER}]", w) for w in words)  # "VnExpress", "InfoNet"
        ):
            pos = sep.end() if sep else end
            continue
        if (
            _BYLINE_NAME.fullmatch(part)
            and all(w[:1].isupper() for w in part.split(" "))
            and part not in _ALONE
            and part not in _AGENCY_WORDS
            and not (part.isupper() and " " not in part and "." not in part)  # "TTXVN", "PV"
        ):
            out.append((a, b))
        pos = sep.end() if sep else end
    return out


def split_sections(text: str, has_title: bool | None = None) -> list[Section]:
    """Title, lead (first paragraph), body and byline of the analysed text."""
    sections: list[Section] = []
    pos = 0
    # a dateline above the headline is neither: the headline is the line after it
    while not has_title and (line_end := text.find("\n", pos)) > pos and is_dateline(text[pos:line_end]):
        pos = line_end
        while pos < len(text) and text[pos] == "\n":
            pos += 1
    first_nl = text.find("\n", pos)
    if first_nl > pos and (
        has_title or (has_title is None and looks_like_title(text[pos:first_nl], text[first_nl:]))
    ):
        sections.append(Section("title", pos, first_nl))
        pos = first_nl
    elif has_title and first_nl < 0:
        return [Section("title", 0, len(text))] if text else []
    # a dateline that opens the body (under a given title) is not the lead
    while True:
        while pos < len(text) and text[pos] == "\n":
            pos += 1
        line_end = text.find("\n", pos)
        if line_end <= pos or not is_dateline(text[pos:line_end]):
            break
        pos = line_end
    if pos >= len(text):
        return sections
    byline = find_byline(text, pos)
    body_end = byline[0] if byline else len(text)
    body_end = len(text[:body_end].rstrip())
    lead_end = text.find("\n", pos, body_end)
    lead_end = body_end if lead_end < 0 else lead_end
    if lead_end > pos:
        sections.append(Section("lead", pos, lead_end))
    rest = lead_end
    while rest < body_end and text[rest] == "\n":
        rest += 1
    if rest < body_end:
        sections.append(Section("body", rest, body_end))
    if byline:
        sections.append(Section("byline", *byline))
    return sections
