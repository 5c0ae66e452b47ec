"""Article structure and metadata: sections, title, author, and the reported event."""

from __future__ import annotations

import re
from functools import cache

from spacy.tokens import Doc

from vnnews.extractors import dates, lexicon
from vnnews.extractors.common import sections, sentence_bounds, sentence_of, text_of
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


def _first_body_paragraph(doc: Doc) -> tuple[int, int] | None:
    """The first paragraph after the lead: where the event is told when the lead is a teaser."""
    secs = sections(doc)
    if "body" not in secs:
        return None
    a, b = secs["body"]
    nl = text_of(doc).find("\n", a, b)
    return (a, b if nl < 0 else nl)


def _event_windows(doc: Doc, order: tuple[str, ...]) -> list[tuple[int, int]]:
    """The parts of the article that tell the event, in the order given: "lead", "title" and
    "paragraph" (the first body paragraph)."""
    secs = sections(doc)
    out = []
    for part in order:
        window = _first_body_paragraph(doc) if part == "paragraph" else secs.get(part)
        if window:
            out.append(window)
    return out


def _word_starts(doc: Doc) -> set[int]:
    """Where the Doc's words start: an event word opens a word, never the second half of one
    ("hội diễn" inside "lễ hội diễn ra"). Its end is not checked: the segmenter may join the
    event's last syllable to the next ("Lễ | trao | Giải thưởng")."""
    return {t.idx for t in doc}


def event_type(doc: Doc, org_mentions=()) -> str | None:
    """The kind of event: the first event word of the lead, which reports it, else of the title,
    else of the first body paragraph; made of whole words and outside the name of a body ("Trung
    tâm Hội nghị tỉnh" names no conference)."""
    types = {f: t for f, t in event_types()}
    starts = _word_starts(doc)
    text = text_of(doc)
    for a, b in _event_windows(doc, ("lead", "title", "paragraph")):
        for m in _event_re().finditer(text, a, b):
            if m.start() not in starts:
                continue
            if any(o.start <= m.start() < o.end or o.start < m.end() <= o.end for o in org_mentions):
                continue
            return types[re.sub(r"\s+", " ", m.group(0).lower())]
    return None


# a place ends at punctuation or at the verb after it; a period inside a word ("TP.HCM") is no end
_LOCATION = re.compile(
    r"(?:^|[\s,])tại\s+(?P<loc>(?:[^,.;:()]|\.(?=\w))+?)"
    r"(?=\s*(?:[,;:(]|\.(?!\w)|$|\s(?:đã|diễn ra|tổ chức|long trọng)\b))"
)
_ORGANIZER = re.compile(r"\bdo\s+(?P<org>[^,.;]+?)\s+(?:tổ chức|chủ trì tổ chức|phối hợp tổ chức)\b")


_LEVELS = f"(?:{UNITS_AND_CITY})"
_CHAIN = re.compile(rf",\s*{_LEVELS}\s+[A-ZĐÀ-Ỹ][^,.;:()]*?(?=\s*(?:[,.;:(]|$))")
# "sinh ra tại Nghệ An", "trú tại xã An Hòa": a person's place, not the event's
_NOT_EVENT_PLACE = re.compile(
    rf"(?<!\w)(?:{lexicon.alternation(lexicon.words('place_not_event.txt'))})\s+$", re.I
)
# "tại Kỳ họp thứ 11", "tại hội nghị": the event itself (or another), not a place
_EVENT_NOUN = re.compile(
    rf"(?:{lexicon.alternation([*lexicon.words('event_nouns.txt'), *(f for f, _ in event_types())])})(?!\w)",
    re.I,
)


def event_location(doc: Doc, where: tuple[int, int] | None = None, people_starts=()) -> str | None:
    """Where the event took place: a "tại X" naming a place, in the sentence that tells the event
    (`where`: the sentence of its date) or else in the article's opening sentences; an administrative
    chain ("xã Tân Hòa, huyện Châu Thành") is kept whole. A person's place ("sinh ra tại"), an event
    ("tại Kỳ họp thứ 11") or another sentence's venue is not the event's: then there is none. The
    place ends before a person named after it ("tại Yên Bái đồng chí Nguyễn Văn A")."""
    secs = sections(doc)
    start = secs.get("lead", secs.get("body", (0, 0)))[0]
    text = text_of(doc)
    sents = sentence_bounds(doc)
    if where:
        # the sentence of the event's date, then the next two where the event is told again
        # ("Buổi lễ được tổ chức tại Nhà Thiếu nhi tỉnh")
        after = [x for x in sents if x[0] >= where[1]][:2]
        sentences = [(*where, False), *((a, b, True) for a, b in after)]
    else:
        sentences = [(a, b, False) for a, b in [x for x in sents if x[0] >= start][:3]]
    for s, e, retold in sentences:
        for m in _LOCATION.finditer(text, s, e):
            if retold and not _RETOLD.search(text, s, m.start()):
                continue
            loc = m.group("loc").strip()
            # a place is a name ("Hà Nội", "Hội trường UBND tỉnh") or a level word ("xã Tân Hòa");
            # "tại cơ sở" (at the grassroots) is not
            if not (loc[:1].isupper() or re.match(rf"{_LEVELS}\s", loc)):
                continue
            if _EVENT_NOUN.match(loc) or _NOT_EVENT_PLACE.search(text, max(s, m.start() - 20), m.start() + 1):
                continue
            end = m.end("loc")
            while chain := _CHAIN.match(text, end):
                end = chain.end()
            # a person named after the place with an honorific before it ends the place
            named = [p for p in people_starts if m.start("loc") < p < end]
            end = next((p for p in named if _HONORIFIC_TAIL.search(text[m.start("loc") : p].rstrip())), end)
            loc = _HONORIFIC_TAIL.sub("", text[m.start("loc") : end].strip())
            if loc:
                return loc
    return None


# a later sentence that tells the event again names it or its taking place
_RETOLD = re.compile(rf"(?<!\w)(?:{_EVENT_NOUN.pattern})|(?<!\w)(?:diễn ra|được tổ chức)(?!\w)", re.I)
_HONORIFIC_TAIL = re.compile(
    rf"\s+(?:{lexicon.alternation(r[0] for r in lexicon.rows('honorifics.tsv', (2, 2)))})$", re.I
)


# what may stand between a body and "tổ chức": a term ("khóa XVI", "nhiệm kỳ 2020 – 2025"), its
# abbreviation in brackets, "đã"
_TERM = (
    rf"(?:\s*,?\s*(?:{lexicon.alternation(lexicon.words('organizer_terms.txt'))})\s+[\w]+(?:\s*[–-]\s*\d{{4}})?)?"
    r"(?:\s*\([^()]{1,20}\))?"
)
_ORGANIZES = re.compile(rf"{_TERM}\s+(?:đã\s+)?(?:tổ chức|phối hợp với)(?!\w)", re.I)


def event_organizer(doc: Doc, org_mentions) -> str | None:
    """Who organized the event: "do X tổ chức", or the body that opens a clause with "tổ chức",
    a term allowed between ("HĐND thành phố khóa XVI tổ chức"); in the lead, else the first body
    paragraph (after a teaser lead), else the title."""
    text = text_of(doc)
    for a, b in _event_windows(doc, ("lead", "paragraph", "title")):
        for m in _ORGANIZER.finditer(text, a, b):
            inside = [o for o in org_mentions if m.start("org") <= o.start < m.end("org")]
            if inside:
                return inside[0].name
            if m.group("org")[:1].isupper():  # a body's name; "lý do năm nay ban tổ chức" is none
                return m.group("org").strip()
        for o in org_mentions:
            if a <= o.start < b and _ORGANIZES.match(text, o.end, min(b, o.end + 60)):
                return o.name
    return None


LEDE_AFTER = re.compile(r"\s*(?:\([^)]{0,20}\)\s*)?(?:,|\s+tại\b|\s+vừa qua\b|\s+(?:đã\s+)?diễn ra\b)")
_LEDE_SENTENCES = 8
# A dateline before the opening date: "Online - ", "(TTXVN) – ", "GD&TĐ - ", "HÀ NỘI – "
DATELINE = re.compile(
    r"(?:\(?[\w&./]+\)?\s){0,2}[–-]\s*|\([\w&./ ]{1,20}\)\s*[–-]?\s*"
)  # how far into the article the "Sáng 12/4, tại ..." opening is looked for


def event_date(doc: Doc, dates) -> str | None:
    """The day of the main event (see event_day)."""
    d = event_day(doc, dates)
    return d.value[:10] if d is not None and d.value else None


def event_day(doc: Doc, dates):
    """The date item of the main event, or None when the article reports no dated event.

    The candidates are the day-precise items of `dates` (event_candidates). Two deciders choose among
    them: the rules (rule_day: a sentence that opens with its date early in the article, else the
    first day of the lead's opening, else of the title, ...) and, by default, a learned decision
    (extractors/event_model.py: a small log-linear ranking over the candidates and "no event",
    trained on train/, which reads what each rule would pick as one of its features). The dates
    component's config `event_model` (doc._.event_model) switches between them."""
    solar, lunar = event_candidates(doc, dates)
    use_model = doc._.event_model
    if use_model is None:
        use_model = EVENT_MODEL_DEFAULT
    if use_model:
        from vnnews.extractors import event_model  # the weights are read once, on first use

        return event_model.choose(doc, solar, lunar)
    return rule_day(doc, solar, lunar)


EVENT_MODEL_DEFAULT = True
"""Whether event_day uses the learned decision when the Doc does not say (no dates component)."""


def event_candidates(doc: Doc, dates) -> tuple[list, list]:
    """The day-precise date items that may be the event's day: (solar, lunar), each in text order.

    A day that recurs every year ("ngày 21/10 hằng năm") is never the event's, nor the date of a
    cited document ("Kế hoạch số 12/KH-UBND ngày 5/3/2021") or of a related-news list; nor a day
    whose year is unknown (XXXX)."""
    text = text_of(doc)
    related = related_news_blocks(text)
    days = [
        d
        for d in dates
        if d.granularity in {"day", "time"}
        and d.value
        and "X" not in d.value
        and not d.recurring
        and not _of_document(text, d)
        and not any(a <= d.start < b for a, b in related)
    ]
    return [d for d in days if d.calendar == "solar"], [d for d in days if d.calendar == "lunar"]


def rule_day(doc: Doc, solar, lunar):
    """The rules' event day: the cascade over the solar candidates; a lunar date ("rằm tháng
    Giêng") only when no solar day qualifies, as the press names an event's day in the solar
    calendar and the lunar one beside it."""
    return _event_day(doc, solar) or _event_day(doc, lunar)


# a document's number before its date: "Kế hoạch số 12/KH-UBND ngày", "Quyết định 15/2021/QĐ-UBND,
# ngày"; a few words may stand between ("Nghị quyết số 05 của Tỉnh ủy ngày")
_DOCUMENT_NUMBER = re.compile(
    rf"(?:{dates.cues()['doc_before']})\s+(?:số\s+)?[\w/.-]*\d[\w/.-]*(?:\s+[^\s.;:!?]+){{0,5}}?\s*,?\s*$",
    re.I,
)
_DAY_BEFORE = re.compile(r"(?<!\w)ngày\s+$", re.I)


def _of_document(text: str, d) -> bool:
    """Whether date item d is the date of a document the text cites ("Quyết định 1234/QĐ-UBND ngày
    5/3/2021"): a day written with "ngày" right after a document's number."""
    if text[d.start : d.start + 5].lower() == "ngày ":
        cut = d.start
    else:
        before = _DAY_BEFORE.search(text, max(0, d.start - 20), d.start)
        if not before:
            return False
        cut = before.start()
    return bool(_DOCUMENT_NUMBER.search(text, max(0, cut - 120), cut))


_RELATED_WORDS = lexicon.alternation(lexicon.words("related_news.txt"))
_RELATED = re.compile(rf"^[^\S\n]*(?:{_RELATED_WORDS})[^\S\n]*:?", re.I | re.M)
RELATED_HEADING = re.compile(rf"(?:{_RELATED_WORDS})\s*:?", re.I)
"""A related-news heading alone ("Tin liên quan:"), as a web page writes it above its list."""
_RELATED_ITEM_MAX = 200  # a related-news item is a headline: a longer line is the article again


def related_news_blocks(text: str) -> list[tuple[int, int]]:
    """Character ranges of the related-news lists of a text: a line opening with a heading ("Tin
    liên quan:") and the headline lines after it, up to a blank line or a line of running text."""
    out = []
    for m in _RELATED.finditer(text):
        end = text.find("\n", m.end())
        end = len(text) if end < 0 else end
        while end < len(text):
            nxt = text.find("\n", end + 1)
            nxt = len(text) if nxt < 0 else nxt
            line = text[end + 1 : nxt].strip()
            if not line or len(line) > _RELATED_ITEM_MAX or line.endswith((".", "!", "?", ":")):
                break
            end = nxt
        out.append((m.start(), end))
    return out


RULES = ("lede", "lead", "title", "at_event", "fallback")
"""The rules of the cascade, in the order they are tried."""


def rule_picks(doc: Doc, days) -> dict[str, object]:
    """What each rule of the cascade picks among the given day-precise items, each rule on its own
    (rule name -> item; a rule that finds nothing is absent). The cascade's choice is the pick of
    the first rule in RULES order; the learned decision reads every rule's pick as a feature.

    - lede: a sentence among the first _LEDE_SENTENCES of the lead or body that opens with the
      date (after a dateline) followed by a comma, "tại", "vừa qua" or "diễn ra"; one in the year of
      publication first;
    - lead: the first day in the lead's first two sentences;
    - title: the first day of the title;
    - at_event: a day given to an event named earlier in its sentence ("tại buổi làm việc ... chiều
      10-2"), early in the article;
    - fallback: the first day of the body in the year of publication (when it is known) that is not
      a document's date of issue or effect."""
    secs = sections(doc)
    text = text_of(doc)
    sents = sentence_bounds(doc)
    body_start = secs.get("lead", secs.get("body", (0, 0)))[0]
    year = (doc._.published or "")[:4]
    early = [x for x in sents if x[0] >= body_start][:_LEDE_SENTENCES]
    picks: dict[str, object] = {}
    opening = [
        d
        for s, _ in early
        for d in days
        if (d.start == s or DATELINE.fullmatch(text, s, d.start)) and LEDE_AFTER.match(text, d.end)
    ]
    # a lede in the year of publication beats one that recalls an older event
    for d in sorted(opening, key=lambda d: (year != "" and not d.value.startswith(year), d.start)):
        picks["lede"] = d
        break
    if "lead" in secs:
        a, b = secs["lead"]
        lead_sents = [x for x in sents if a <= x[0] < b][:2]
        if lead_sents:
            first = next((d for d in days if lead_sents[0][0] <= d.start < lead_sents[-1][1]), None)
            if first is not None:
                picks["lead"] = first
    if "title" in secs:
        a, b = secs["title"]
        first = next((d for d in days if a <= d.start < b), None)
        if first is not None:
            picks["title"] = first
    # "... trả lời tại buổi làm việc với Thường trực Thành ủy chiều 10-2": a day given to an event
    # named earlier in its sentence, early in the article
    for s, e in early:
        d = next((d for d in days if s <= d.start < e and _AT_EVENT.search(text, s, d.start)), None)
        if d is not None:
            picks["at_event"] = d
            break
    # news told without a dated lede ("Ngày 6/2, ..." further down, "vào ngày 12/5/2017" in the
    # second paragraph): the first day of the body in the year of publication, when it is known
    if year:
        for d in sorted(days, key=lambda d: d.start):
            if (
                d.start >= body_start
                and d.value.startswith(year)
                and not DOCUMENT_DATE.search(text, max(body_start, d.start - 40), d.start)
            ):
                picks["fallback"] = d
                break
    return picks


def _event_day(doc: Doc, days):
    """The cascade's choice among the given day-precise date items: the first rule's pick."""
    picks = rule_picks(doc, days)
    return next((picks[r] for r in RULES if r in picks), None)


# "Kế hoạch được ban hành từ ngày 14-3": the day of a document's issue or effect, not of an event
DOCUMENT_DATE = re.compile(
    rf"(?<!\w)(?:{lexicon.alternation(lexicon.words('document_date_cues.txt'))})(?:\s+\S+){{0,3}}\s*$", re.I
)


_AT_EVENT = re.compile(
    rf"(?<!\w)(?:tại|trong|tham dự|dự)\s+(?:{lexicon.alternation(lexicon.words('event_nouns.txt'), any_space=False)})(?!\w)",
    re.I,
)


def to_event(doc: Doc, dates, org_mentions, people) -> Event:
    """The event record: type, date, location, organizer, chair."""
    chair = next((p.name for p in people if p.role == "chair"), None)
    day = event_day(doc, dates)
    # the event's place is looked for in the sentence of its date, when that is in the body
    where = sentence_of(sentence_bounds(doc), day.start) if day is not None else None
    if where is not None and "title" in sections(doc) and where[0] < sections(doc)["title"][1]:
        where = None
    people_starts = sorted(m.start for p in people for m in (p.mentions or [p]))
    return Event(
        type=event_type(doc, org_mentions),
        date=day.value[:10] if day is not None and day.value else None,
        location=event_location(doc, where, people_starts),
        organizer=event_organizer(doc, org_mentions),
        chair=chair,
    )


__all__ = ["Section", "author_of", "title_of", "to_event"]
