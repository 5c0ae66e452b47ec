"""Article structure and metadata: sections, title, author, and the reported event."""

from __future__ import annotations

import re
from functools import cache

from spacy.tokens import Doc

from vnnews.extractors import lexicon
from vnnews.extractors.common import sections, sentence_bounds, text_of
from vnnews.extractors.structure import Section, author_from_byline
from vnnews.extractors.vocab import UNITS_AND_CITY
from vnnews.schemas import Event


def title_of(doc: Doc) -> str | None:
    """The headline without trailing punctuation."""
    secs = sections(doc)
    if "title" not in secs:
        return None
    a, b = secs["title"]
    return text_of(doc)[a:b].strip().rstrip(".:;,") or None


def author_of(doc: Doc) -> str | None:
    """The byline's author as the guidelines write it."""
    secs = sections(doc)
    if "byline" not in secs:
        return None
    a, b = secs["byline"]
    return author_from_byline(text_of(doc)[a:b])


@cache
def event_types() -> tuple[tuple[str, str], ...]:
    """(form, type) pairs, longest form first."""
    rows = lexicon.rows("event_types.tsv", (2, 2))
    return tuple(sorted(rows, key=lambda r: len(r[0]), reverse=True))


@cache
def _event_re() -> re.Pattern[str]:
    forms = [re.escape(f).replace(r"\ ", r"\s+") for f, _ in event_types()]
    return re.compile(rf"(?<!\w)(?:{'|'.join(forms)})(?!\w)", re.I)


def event_type(doc: Doc) -> str | None:
    """The kind of event: the first event word of the lead, which reports it, else of the title."""
    secs = sections(doc)
    types = {f: t for f, t in event_types()}
    for part in ("lead", "title"):
        if part in secs:
            m = _event_re().search(text_of(doc), *secs[part])
            if m:
                return types[re.sub(r"\s+", " ", m.group(0).lower())]
    return None


_LOCATION = re.compile(
    r"(?:^|[\s,])tại\s+(?P<loc>[^,.;:()]+?)(?=\s*(?:[,.;:(]|$|\s(?:đã|diễn ra|tổ chức|long trọng)\b))"
)
_ORGANIZER = re.compile(r"\bdo\s+(?P<org>[^,.;]+?)\s+(?:tổ chức|chủ trì tổ chức|phối hợp tổ chức)\b")


_LEVELS = f"(?:{UNITS_AND_CITY})"
_CHAIN = re.compile(rf",\s*{_LEVELS}\s+[A-ZĐÀ-Ỹ][^,.;:()]*?(?=\s*(?:[,.;:(]|$))")


def event_location(doc: Doc) -> str | None:
    """Where the event took place: the first "tại X" naming a place in the article's opening sentences;
    an administrative chain ("xã Tân Hòa, huyện Châu Thành") is kept whole."""
    secs = sections(doc)
    start = secs.get("lead", secs.get("body", (0, 0)))[0]
    text = text_of(doc)
    for s, e in [x for x in sentence_bounds(doc) if x[0] >= start][:3]:
        for m in _LOCATION.finditer(text, s, e):
            loc = m.group("loc").strip()
            # a place is a name ("Hà Nội", "Hội trường UBND tỉnh") or a level word ("xã Tân Hòa");
            # "tại cơ sở" (at the grassroots) is not
            if not (loc[:1].isupper() or re.match(rf"{_LEVELS}\s", loc)):
                continue
            end = m.end("loc")
            while chain := _CHAIN.match(text, end):
                end = chain.end()
            return text[m.start("loc") : end].strip()
    return None


def event_organizer(doc: Doc, org_mentions) -> str | None:
    """Who organized the event: "do X tổ chức", or the body that opens the lead's first clause."""
    secs = sections(doc)
    for part in ("lead", "title"):
        if part not in secs:
            continue
        a, b = secs[part]
        m = _ORGANIZER.search(text_of(doc), a, b)
        if m:
            inside = [o for o in org_mentions if m.start("org") <= o.start < m.end("org")]
            return inside[0].name if inside else m.group("org").strip()
        for o in org_mentions:
            if a <= o.start < b and re.match(
                r"\s+(?:đã\s+)?(?:tổ chức|phối hợp với)", text_of(doc)[o.end : o.end + 20]
            ):
                return o.name
    return None


_LEDE_AFTER = re.compile(r"\s*(?:\([^)]{0,20}\)\s*)?(?:,|\s+tại\b|\s+vừa qua\b|\s+(?:đã\s+)?diễn ra\b)")
_LEDE_SENTENCES = 8
# A dateline before the opening date: "Online - ", "(TTXVN) – ", "GD&TĐ - ", "HÀ NỘI – "
_DATELINE = re.compile(
    r"(?:\(?[\w&./]+\)?\s){0,2}[–-]\s*|\([\w&./ ]{1,20}\)\s*[–-]?\s*"
)  # how far into the article the "Sáng 12/4, tại ..." opening is looked for


def event_date(doc: Doc, dates) -> str | None:
    """The day of the main event: a sentence that opens with its date ("Chiều 21/6, tại Hà Nội, ...")
    early in the article, else the first day-precise date of the lead's opening, else of the title.

    A day that recurs every year ("ngày 21/10 hằng năm") is never the event's; a lunar date
    ("rằm tháng Giêng") only when no solar day qualifies, as the press names an event's day in
    the solar calendar and the lunar one beside it."""
    days = [
        d
        for d in dates
        if d.granularity in {"day", "time"} and d.value and "X" not in d.value and not d.recurring
    ]
    solar = [d for d in days if d.calendar == "solar"]
    return _event_day(doc, solar) or _event_day(doc, [d for d in days if d.calendar == "lunar"])


def _event_day(doc: Doc, days) -> str | None:
    """event_date's choice among the given day-precise dates."""
    secs = sections(doc)
    text = text_of(doc)
    sents = sentence_bounds(doc)
    body_start = secs.get("lead", secs.get("body", (0, 0)))[0]
    year = (doc._.published or "")[:4]
    opening = [
        d
        for s, _ in [x for x in sents if x[0] >= body_start][:_LEDE_SENTENCES]
        for d in days
        if (d.start == s or _DATELINE.fullmatch(text, s, d.start)) and _LEDE_AFTER.match(text, d.end)
    ]
    # a lede in the year of publication beats one that recalls an older event
    for d in sorted(opening, key=lambda d: (year != "" and not d.value.startswith(year), d.start)):
        return d.value[:10]
    windows = []
    if "lead" in secs:
        a, b = secs["lead"]
        lead_sents = [x for x in sents if a <= x[0] < b][:2]
        if lead_sents:
            windows.append((lead_sents[0][0], lead_sents[-1][1]))
    if "title" in secs:
        windows.append(secs["title"])
    for a, b in windows:
        for d in days:
            if a <= d.start < b:
                return d.value[:10]
    # "... trả lời tại buổi làm việc với Thường trực Thành ủy chiều 10-2": a day given to an event
    # named earlier in its sentence, early in the article
    for s, e in [x for x in sents if x[0] >= body_start][:_LEDE_SENTENCES]:
        for d in days:
            if s <= d.start < e and _AT_EVENT.search(text, s, d.start):
                return d.value[:10]
    return None


_AT_EVENT = re.compile(
    rf"(?<!\w)(?:tại|trong|tham dự|dự)\s+(?:{lexicon.alternation(lexicon.words('event_nouns.txt'), any_space=False)})(?!\w)",
    re.I,
)


def to_event(doc: Doc, dates, org_mentions, people) -> Event:
    """The event record: type, date, location, organizer, chair."""
    chair = next((p.name for p in people if p.role == "chair"), None)
    return Event(
        type=event_type(doc),
        date=event_date(doc, dates),
        location=event_location(doc),
        organizer=event_organizer(doc, org_mentions),
        chair=chair,
    )


__all__ = ["Section", "author_of", "title_of", "to_event"]
