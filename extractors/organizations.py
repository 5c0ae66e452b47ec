"""Organizations: bodies named in the text, with expanded canonical names and every alias."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import cache
from itertools import pairwise

from spacy.language import Language
from spacy.tokens import Doc

from vnnews.extractors import lexicon
from vnnews.extractors.common import (
    CAP,
    LOWER,
    UPPER,
    Intervals,
    SpanComponent,
    credits_and_byline,
    fold,
    joined_syllables,
    text_of,
    word_edges,
)
from vnnews.extractors.mention_features import word_clusters
from vnnews.extractors.text import is_foreign_word
from vnnews.extractors.vocab import (
    COMMON_SURNAMES,
    PARTICLE_NAME,
    PERSON_MARKERS,
    PROVINCE_AND_CITY,
    PROVINCE_UNITS,
    STOP_WORDS,
    UNITS,
    UNITS_AND_ABBRS,
    UNITS_AND_CITY,
    Vocabulary,
    admin_places,
    expand,
    foreign_name_pair,
    head_form,
    is_cap,
    known_unit_prefix,
    level_words,
    next_words,
    reads_as_foreign_person,
    vocabulary,
)
from vnnews.schemas import Organization
from vnnews.schemas import Span as SpanModel

LABEL = "ORG"
SPANS_KEY = "organizations"
# the central level, as written ("Trung ương", "T.Ư", "TW", ...): one list for every pattern below
CENTRAL = tuple(sorted(lexicon.words("central_level.txt"), key=len, reverse=True))
_CENTRAL = f"(?:{lexicon.alternation(CENTRAL, any_space=False)})"


_CAPITAL_START = re.compile(rf"(?<![\w&.])[{UPPER}]")


@dataclass
class OrgMention:
    """One mention of a body: where it is and what it expands to."""

    start: int
    end: int
    surface: str
    name: str
    kind: str
    extra: tuple[str, ...] = ()  # other writings implied by the text ("Trường THPT Nguyễn Trãi")
    tagged: bool = False  # found by the statistical tagger, not by the rules


@dataclass
class OrgEntity:
    """A body and all the mentions that name it."""

    name: str
    kind: str
    mentions: list[OrgMention] = field(default_factory=list)

    @property
    def aliases(self) -> list[str]:
        """Distinct surface forms other than the canonical name."""
        seen = {fold(self.name)}
        out = []
        for m in self.mentions:
            for form in (m.surface, *m.extra):
                if fold(form) not in seen:
                    seen.add(fold(form))
                    out.append(form)
        return out


@cache
def adhoc() -> frozenset[str]:
    """Ad-hoc bodies (an event's organizing committee) that are not organizations of record."""
    return lexicon.words("org_adhoc.txt")


def _token_edges(doc: Doc | None) -> tuple[frozenset[int], frozenset[int]] | None:
    return None if doc is None else word_edges(doc)


@cache
def _set_noun_after_bo() -> re.Pattern[str]:
    """A noun after "Bộ" that makes it "a set of" (data/set_nouns_after_bo.txt)."""
    nouns = lexicon.alternation(lexicon.words("set_nouns_after_bo.txt"))
    return re.compile(rf" (?:{nouns})(?!\w)", re.I)


def find(text: str, doc: Doc | None = None) -> list[OrgMention]:
    """Every mention of a specific body in the text."""
    # "trường THPT chuyên Hùng Vương": the press writes a school's head in lowercase before its
    # abbreviated type; the rules read it capitalized (same length, same offsets), and each mention
    # keeps the text as written
    read = _LOWER_SCHOOL.sub(lambda m: _capitalized(m.group(0)), text)
    found = _find(read, doc)
    if read != text:
        for m in found:
            m.surface = text[m.start : m.end]
    return found


def _find(text: str, doc: Doc | None) -> list[OrgMention]:
    v = vocabulary()
    edges = _token_edges(doc)
    # syllables that continue an underthesea word ("Đặc biệt"): lowercase, yet part of the name
    joined = joined_syllables(doc) if doc is not None else frozenset()
    out: list[OrgMention] = []
    pos = 0
    # heads start with a capital: try the big alternation only where a capitalized word starts
    for c in _CAPITAL_START.finditer(text):
        if c.start() < pos:
            continue
        m = v.head_re.match(text, c.start())
        if m is None:
            continue
        if m.group(0) == "Bộ" and _set_noun_after_bo().match(text, m.end()):
            continue  # "Bộ Quy tắc ứng xử", "Bộ luật Hình sự": a set of rules, not a ministry
        start = m.start()
        if edges and (
            (start not in edges[0] and not _TITLE_WORD_BEFORE.search(text, max(0, start - 10), start))
            or (" " not in m.group(0) and m.end() not in edges[1] and not _numbered_name(text, m.end()))
        ):
            continue  # "Hội" inside the word "Hội nghị", "Trường" in "Trường Sa"; but "Đội K90" is a body
        # "Trung ương Hội Nông dân Việt Nam", "T.Ư Đoàn": the central level written before the head
        prefix = re.search(rf"{_CENTRAL}\s+$", text[max(0, start - 12) : start])
        if prefix:
            start -= len(prefix.group(0))
        if _DOC_NUMBER_BEFORE.search(text, max(0, start - 16), start):
            continue  # "Chỉ thị số 788-CT/QUTW": the issuer's code in a document number, not a mention
        if m.group(0).startswith("Thường trực") and _TITLE_BEFORE.search(text, max(0, start - 16), start):
            # "Phó Bí thư Thường trực Tỉnh ủy": "Thường trực" belongs to the title; the body is the Tỉnh ủy
            pos = start + len("Thường trực")
            continue
        if m.group(0).startswith("Thường vụ") and not _STANDING_AS_BODY.search(
            text, max(0, start - 12), start
        ):
            # "Lê Minh Thế – Thường vụ Tỉnh ủy", "Ủy viên Thường vụ": a member's title; the body is the
            # Tỉnh ủy. "do Thường vụ Quân ủy Trung ương phát động": the standing committee itself
            pos = start + len("Thường vụ")
            continue
        head = v.heads.get(_head_key(m.group(0), v))
        # "Ban Chỉ đạo phòng, chống dịch bệnh tỉnh": a standing board named by its task
        task = _task_end(text, m.end(), v) if head and head.head in _task_boards()[0] else None
        end = _extend(
            text,
            task or m.end(),
            v,
            needs_name=bool(head and head.needs_name and not task),
            joined=joined,
            kind=head.kind if head else "other",
        )
        chained = False
        # "Ban Thường vụ Tỉnh ủy", "Văn phòng UBND tỉnh", "Ban Chấp hành đảng bộ tỉnh": a body of a
        # body is one body
        for _ in range(3):
            at = m.end() if end is None else end
            nxt = (
                v.head_re.match(text, at + 1)
                if text[at : at + 1] == " "
                and (text[at + 1 : at + 2].isupper() or _PARTY_LOWER.match(text, at + 1))
                else None
            )
            if not nxt:
                break
            inner = v.heads.get(_head_key(nxt.group(0), v))
            more = _extend(text, nxt.end(), v, needs_name=bool(inner and inner.needs_name), joined=joined)
            # the inner body must end where a word ends ("Công an TP" of "Công an TP.HCM" is
            # completed by its place)
            if more is None or (edges and nxt.end() not in edges[1] and more not in edges[1]):
                break
            end = more
            chained = True
        if end is None or (not chained and head and head.needs_name and end == m.end()):
            continue
        if head and head.head in _country_heads() and not chained:
            # "Thượng viện Mỹ"; not "Chủ tịch Thượng viện Sanasee Vigneswaran"
            place = _place_end(text, m.end() + 1, end, v)
            if place is None:
                pos = end
                continue
            end = place
        # "Ủy ban Nhà nước về người Việt Nam ở nước ngoài": a national committee named by its subject
        subject = _SUBJECT.match(text, end) if _NATIONAL_COMMITTEE.search(text, start, end) else None
        if subject:
            end = subject.end()
        # "Đại sứ quán Việt Nam tại Đức", "Tổng Lãnh sự quán Việt Nam tại Frankfurt": a mission is
        # named by where it sits
        seat = _MISSION_SEAT.match(text, end) if _MISSION.match(text, start, end) else None
        if seat:
            end = _seat_end(text, seat, v)
        fields = FIELD_LIST.match(text, end) if head and head.kind in _FIELD_HEADS else None
        if fields and not any(
            v.head_re.match(text, f.start(1)) or v.place_re.fullmatch(f.group(1))
            for f in _FIELD_ITEM.finditer(text, fields.start(), fields.end())
        ):
            end = fields.end()  # no item is a body or a place of its own ("Sở Y tế, Công an và ...")
        surface = text[start:end]
        if (
            fold(surface) in _adhoc_folded()  # in any case: "Ban tổ chức", "Ban Tổ chức"
            or fold(expand(surface)) in _adhoc_folded()  # "BTC": the organizing committee, abbreviated
            or _PLURAL_BEFORE.search(text, max(0, start - 8), start)
        ):
            pos = end
            continue
        if _plural_follows(text, end):
            # "HĐND, UBND các cấp": bodies listed right before a class, without a locality of their
            # own, belong to it ("Công an tỉnh, Ban CHQS các huyện": the first is one body)
            while (
                out
                and re.fullmatch(r"(?:,| và|, và) ", text[out[-1].end : start])
                and not _LOCALITY_TAIL.search(out[-1].name)
            ):
                start = out.pop().start
            pos = end
            continue
        name = _canonical(surface)
        if name in _BENEFITS and _benefit_before().search(text, max(0, start - 60), start):
            pos = end
            continue
        kind = _kind(name, head.kind if head else "other", v)
        # "Đội tuyển U20 Việt Nam" is the team "U20 Việt Nam" too
        team = _TEAM_HEAD.match(surface)
        team_name = surface[team.end() :] if team else ""
        if team_name in v.countries or team_name in v.places:
            team_name = ""  # "Đội tuyển Việt Nam": the country alone is no name of the team
        out.append(OrgMention(start, end, surface, name, kind, (team_name,) if team_name else ()))
        pos = end
    out.extend(_press(text, out, v, joined))
    out.extend(_authorities(text, out, v))
    out.extend(_siblings(text, out, v))
    out.extend(_teams(text, out))
    out.extend(_distributed(text, out, v))
    out.sort(key=lambda m: m.start)
    _name_bracketed_abbreviations(text, out)
    out.extend(_bracketed_aliases(text, out, v))
    out.sort(key=lambda m: m.start)
    # "Ủy ban Văn hóa, Giáo dục của Quốc hội": the body written with the body it belongs to
    starts = {x.start: x for x in out}
    for x in out:
        owner = starts.get(x.end + len(" của ")) if text.startswith(" của ", x.end) else None
        if owner is not None and not fold(owner.name).startswith(fold(x.name)) and owner.name != x.name:
            x.extra += (f"{x.surface} của {owner.surface}",)
    _share_locality(text, out)
    _lower_case_heads(text, out, v)
    return out


def _name_bracketed_abbreviations(text: str, mentions: list[OrgMention]) -> None:
    """An abbreviation in brackets right after a body is that body ("Thường vụ Quân ủy Trung ương
    (QUTW)", "đảng Dân chủ Xã hội (SPD)"): it takes the body's name and kind. Mentions in order."""
    for a, b in pairwise(mentions):
        if text[a.end : b.start] == " (" and text[b.end : b.end + 1] == ")" and b.surface.isupper():
            b.name, b.kind = a.name, a.kind


# "đảng" before a party's name: the lexicon knows the parties of Vietnam by their whole names
_PARTY_WORD = re.compile(r"(?<![\w])[đĐ]ảng (?=[" + UPPER + r"])")


def _parties_abroad(
    text: str, found: list[OrgMention], v: Vocabulary, joined: frozenset[int]
) -> list[OrgMention]:
    """Parties named after "đảng" the lexicon does not know, as the international press writes
    them ("đảng Cộng hòa", "Đảng Lao động Anh", "đảng Nước Nga Thống nhất"): the name is the
    capitalized words after it with the lowercase syllables that make words of them ("Cộng hòa":
    joined by the segmenter or a known word); kind `foreign`. Not a class ("các đảng Dân chủ"), not
    over a body found (the rules' and the tagger's come first)."""
    taken = Intervals((m.start, m.end) for m in found)
    out = []
    for p in _PARTY_WORD.finditer(text):
        if taken.overlaps(p.start(), p.end()) or _PLURAL_BEFORE.search(
            text, max(0, p.start() - 8), p.start()
        ):
            continue
        end, prev = p.end(), ""
        for a, b, word in next_words(text, p.end() - 1):
            # a lowercase syllable of the word the capitalized one opens: "Cộng hòa", "Dân chủ"
            compound = (
                word.islower() and end == a - 1 and (a in joined or f"{prev} {word}" in word_clusters()[1])
            )
            if not (is_cap(word) or compound):
                break
            if not compound and (_level_at(text, a, v) or word in STOP_WORDS):
                break
            end, prev = b, word.lower()
        surface = text[p.start() : end]
        if end == p.end() or taken.overlaps(p.start(), end) or surface[len("đảng ") :] in v.countries:
            continue
        out.append(OrgMention(p.start(), end, surface, _canonical(_capitalized(surface)), "foreign"))
    return out


# a school's type, abbreviated or capitalized, after a lower-case "trường" ("trường THCS Thừa Đức",
# "trường Đại học Ngoại thương")
_LOWER_SCHOOL = re.compile(
    r"(?<![\w.])trường (?=(?:THPT|THCS|PTDTNT|PTDTBT|TH|ĐH|CĐ|Đại học|Cao đẳng|Tiểu học|Trung học|Mầm non)(?![\w]))"
)
# a plant named after its product and place ("nhà máy sản xuất đạm Hà Bắc", "nhà máy thủy điện Sơn La")
_LOWER_PLANT = re.compile(
    rf"(?<![\w.])nhà máy(?: [{LOWER}]+){{0,4}} {CAP}(?: {CAP}){{0,3}}(?: số \d{{1,2}})?(?![\w])"
)
_LOWER_POLICE = re.compile(
    rf"(?<![\w.])công an (?:tỉnh|thành phố|huyện|quận|thị xã|phường|xã|thị trấn)(?:(?= {CAP})|(?![\w]))"
)


def _capitalized(written: str) -> str:
    """A body's name written with a lower-case head, its head capitalized as a name has it."""
    return written[:1].upper() + written[1:]


def _lower_school_heads(text: str, mentions: list[OrgMention]) -> None:
    """A school named by its abbreviated type after a lower-case "trường" ("trường THCS Thừa Đức")
    starts at "trường": the head is part of its name."""
    starts = {m.start: m for m in mentions}
    for s in _LOWER_SCHOOL.finditer(text):
        m = starts.get(s.end())
        if m is not None:
            m.start = s.start()
            m.extra += (m.surface,)
            m.surface = text[m.start : m.end]
            m.name = _canonical("Trường " + m.name)
            m.kind = "education"


def _lower_case_heads(text: str, out: list[OrgMention], v: Vocabulary) -> None:
    """Bodies the press writes with a lower-case head: a school whose type is abbreviated after
    "trường" ("trường THCS Thừa Đức" takes the head the rules left out), and the police of a
    locality ("công an tỉnh Nam Định", "lực lượng công an huyện"), not after "các"/"những"."""
    _lower_school_heads(text, out)
    taken = [(m.start, m.end) for m in out]
    for p in _LOWER_PLANT.finditer(text):
        if any(a <= p.start() < b or a < p.end() <= b for a, b in taken):
            continue
        if _PLURAL_BEFORE.search(text, max(0, p.start() - 8), p.start()):
            continue
        if any(w in STOP_WORDS or w in ("ở", "mới", "thuộc") for w in p.group(0).split(" ")[2:]):
            continue  # "nhà máy tại Mỹ", "nhà máy của Samsung": a plant somewhere, not one named
        surface = p.group(0)
        out.append(OrgMention(p.start(), p.end(), surface, _canonical(_capitalized(surface)), "company"))
        taken.append((p.start(), p.end()))
    for p in _LOWER_POLICE.finditer(text):
        if any(a <= p.start() < b for a, b in taken) or _PLURAL_BEFORE.search(
            text, max(0, p.start() - 8), p.start()
        ):
            continue
        end = p.end() + _place_name(text, p.end(), v)
        surface = text[p.start() : end]
        out.append(OrgMention(p.start(), end, surface, _canonical(_capitalized(surface)), "police"))
    out.sort(key=lambda m: m.start)


_BRACKETED = re.compile(rf" \(([{UPPER}][{UPPER}&\-]*[{UPPER}\d]+)\)")


def _bracketed_aliases(text: str, found: list[OrgMention], v: Vocabulary) -> list[OrgMention]:
    """An abbreviation in brackets right after a body, unknown to the table, names that body there
    and wherever the text writes it again; a place or a name part ("(TP.HCM)", "(VN)") does not."""
    out: list[OrgMention] = []
    taken = Intervals((x.start, x.end) for x in found)
    for x in found:
        m = _BRACKETED.match(text, x.end)
        if m is None or taken.overlaps(*m.span(1)):
            continue
        abbr = m.group(1)
        if abbr in v.abbreviations or abbr in v.places or v.place_re.fullmatch(abbr):
            continue  # a known short form keeps its own expansion (the pairs above join it)
        for again in re.finditer(rf"(?<![\w&.-]){re.escape(abbr)}(?![\w&-])", text):
            if again.start() >= m.start(1) and not taken.overlaps(*again.span()):
                out.append(OrgMention(again.start(), again.end(), abbr, x.name, x.kind))
                taken.add(*again.span())
    return out


# "Ủy ban Văn hóa, Giáo dục, Thanh niên, Thiếu niên và Nhi đồng", "Vụ KH, Công nghệ và Môi trường":
# a name that lists its fields, the last after "và"
FIELD_LIST = re.compile(
    rf"(?:, {CAP}(?: (?:{CAP}|[{LOWER}]+)){{0,3}}(?=,| và )){{1,6}} và {CAP}(?: (?:{CAP}|[{LOWER}]+))?(?![\w&])"
)
# at the end of a body's name: "Văn phòng Thường trực Ban Chỉ đạo Trung ương về phòng chống thiên tai"
_NATIONAL_COMMITTEE = re.compile(r"(?:Ủy ban|Hội đồng|Ban Chỉ đạo) (?:Quốc gia|Nhà nước|Trung ương)$")
# its subject: lowercase words (and names) up to punctuation or a word that opens the clause
# the verbs of a clause whose subject is the committee ("... về chuyển đổi số họp phiên thứ nhất")
_CLAUSE_VERBS = lexicon.alternation(
    [
        *lexicon.words("title_end_verbs.txt"),
        "họp",
        "ban hành",
        "thông qua",
        "triển khai",
        "tổ chức",
        "công bố",
    ]
)
_SUBJECT = re.compile(
    rf" về(?: (?!(?:{'|'.join(sorted(STOP_WORDS - {'về', 'ở', 'và'}))}|cho|nhấn|khẳng|phát|tổ|{_CLAUSE_VERBS})(?!\w))"
    rf"(?:[{LOWER}]+|{CAP})){{1,8}}"
    rf"(?=[,.;:()\n]| (?:cho|đã|được|là|sẽ|đang|vừa|cũng|phát|nhấn|khẳng|tổ|có|tại|với|do|{_CLAUSE_VERBS})(?!\w))"
)
_TEAM_HEAD = re.compile(r"[ĐđD]ội tuyển (?=\w)")
_MISSION = re.compile(r"(?:Đại sứ quán|Tổng Lãnh sự quán|Lãnh sự quán|Phái đoàn [Tt]hường trực) \w")
_MISSION_SEAT = re.compile(rf" tại {CAP}(?: {CAP}){{0,3}}(?![\w&])")


def _place_end(text: str, start: int, end: int, v: Vocabulary) -> int | None:
    """The end of the longest run of words from start (up to end) that is a known country or place
    ("Nhật Bản" of "Nhật Bản TS Trần"), or None."""
    words = text[start:end].split(" ")
    for k in range(len(words), 0, -1):
        place = " ".join(words[:k])
        if place in v.countries or place in v.places or place in admin_places():
            return start + len(place)
    return None


def _seat_end(text: str, seat: re.Match[str], v: Vocabulary) -> int:
    """Where a mission's seat ends: at the known country or place ("tại Nhật Bản" of "tại Nhật Bản
    TS Trần ..."), else after its first word ("tại Osaka")."""
    start = seat.start() + len(" tại ")
    place = _place_end(text, start, seat.end(), v)
    return place if place is not None else start + len(seat.group(0).split(" ")[2])


@cache
def _country_heads() -> frozenset[str]:
    return lexicon.words("org_country_heads.txt")


_FIELD_HEADS = frozenset({"state", "party", "mass"})
_FIELD_ITEM = re.compile(rf"(?:, | và )({CAP}(?: (?:{CAP}|[{LOWER}]+)){{0,3}})(?=,| và |$|[^\w&])")
_SLOGAN_COUNT = re.compile(r" (?:tốt|không|sạch|an toàn|xanh|đẹp|có|nhất|giảm|tăng|cùng|chủ động)(?!\w)")


@cache
def _benefit_before() -> re.Pattern[str]:
    """ "chính sách BHXH", "trợ cấp BHYT và BHXH": social insurance as a benefit, not the agency."""
    cues = lexicon.alternation(lexicon.words("org_benefit_cues.txt"))
    return re.compile(rf"(?<!\w)(?:{cues})\s+(?:\S+(?:,| và)\s+)*$", re.I)


@cache
def _adhoc_folded() -> frozenset[str]:
    return frozenset(fold(w) for w in adhoc())


_BENEFITS = frozenset({"Bảo hiểm xã hội", "Bảo hiểm y tế", "Bảo hiểm thất nghiệp"})
# "chính quyền tỉnh Kampong Cham": the authorities of a named locality
_AUTHORITIES = re.compile(rf"(?<!\w)[Cc]hính quyền(?= (?:{UNITS}) \S)")
# the segmenter writes "Trưởng Ban" as one word: a body may start inside it
_TITLE_WORD_BEFORE = re.compile(r"(?:Trưởng|Phó|trưởng) $")
_DOC_NUMBER_BEFORE = re.compile(rf"\d+\s?[-–]?\s?(?:[{UPPER}]+[-/])*[{UPPER}]+/$")
_STANDING_AS_BODY = re.compile(r"(?:(?<!\w)(?:do|của|và|với|cho) |^|[.!?]\s+|\d,\s|\n)$")
_TITLE_BEFORE = re.compile(r"(?:Bí thư|Chủ tịch|Trưởng ban|Trưởng Ban)\s+$")
# a party body written in lowercase inside a longer name ("Ban Chấp hành đảng bộ tỉnh")
_PARTY_LOWER = re.compile(r"đảng (?:bộ|ủy)(?!\w)")

# lowercase heads before a capitalized name: papers and stations, and the boards of a title
# ("Trưởng ban Tổ chức Trung ương")
_PRESS = re.compile(rf"(?<![\w&])(?:báo|tạp chí|đài|nhà xuất bản|(?<=Trưởng )ban)(?= [{UPPER}])")


def _country_press(surface: str, v: Vocabulary) -> bool:
    """Whether a press head names only a country ("báo Mỹ", "Đài Nhật Bản"): that country's press,
    not one paper (a province's paper is one: "báo Quảng Ninh")."""
    head = _PRESS_HEAD.match(surface)
    return bool(head) and surface[head.end() :] in v.countries


_PRESS_HEAD = re.compile(r"(?:[Bb]áo|[Tt]ạp chí|[Đđ]ài|[Hh]ãng tin|[Hh]ãng thông tấn) ")


@cache
def _not_press_before() -> re.Pattern[str]:
    """A syllable that makes a word of the "báo" after it (data/not_press_before.txt)."""
    return re.compile(rf"(?<!\w)(?:{lexicon.alternation(lexicon.words('not_press_before.txt'))}) $", re.I)


def _press(text: str, found: list[OrgMention], v: Vocabulary, joined: frozenset[int]) -> list[OrgMention]:
    """Papers and stations written with a lowercase head ("loạt bài của báo Thanh Niên")."""
    out = []
    for m in _PRESS.finditer(text):
        if any(x.start <= m.start() < x.end for x in found):
            continue
        if m.group(0) == "báo" and _not_press_before().search(text, max(0, m.start() - 8), m.start()):
            continue  # "nhà báo Deniz Yucel", "Tình báo Quốc gia": a word ending in "báo"
        end = _extend(text, m.end(), v, needs_name=True, joined=joined)
        if end is None:
            continue
        surface = text[m.start() : end]
        if _country_press(surface, v):
            continue
        kind = "party" if m.group(0) == "ban" else "press"
        out.append(OrgMention(m.start(), end, surface, _canonical(surface), kind))
    return out


_SIBLING_HEADS = frozenset({"health", "education"})
_SIBLING = re.compile(rf"(, )({CAP}(?: (?:{CAP}|\d+|(?!và )[{LOWER}]+(?= {CAP}| \d))){{0,4}})(?![\w&])")
# after a sibling written with a comma, the list must go on: another item, "và", or an ellipsis;
# "Bệnh viện Đa khoa Bình An, Thanh Trì." is an address
_LIST_GOES_ON = re.compile(rf"(?:, |;\s*| và )(?=[{UPPER}\d])|\s*(?:…|\.\.\.)")


def _siblings(text: str, found: list[OrgMention], v: Vocabulary) -> list[OrgMention]:
    """ "Bệnh viện Bạch Mai, Chợ Rẫy", "Trường THPT Lê Lợi, Nguyễn Trãi": hospitals and schools listed
    under the head of the first one are bodies of their own."""
    out: list[OrgMention] = []
    taken = Intervals((x.start, x.end) for x in found)
    for x in found:
        # the generic head the first body is named under ("Bệnh viện", not "Bệnh viện Bạch Mai")
        words = x.surface.split()
        k = next((k for k in (1, 2, 3) if (h := v.heads.get(" ".join(words[:k]))) and h.needs_name), 0)
        head = v.heads.get(" ".join(words[:k])) if k else None
        if head is None or head.kind not in _SIBLING_HEADS:
            continue
        prefix = " ".join(words[:k])
        for w in words[k:] if head.kind == "education" else ():
            if not ((w.isupper() and len(w) > 1) or w in _TYPE_WORDS):
                break
            prefix += " " + w  # "Trường THPT", "Trường Tiểu học"
        end = x.end
        while sib := _SIBLING.match(text, end):
            a, b = sib.span(2)
            words = sib.group(2).split()
            after = _LIST_GOES_ON.match(text, b)
            if (
                not after
                or v.place_re.match(text, after.end())
                or _level_at(text, after.end(), v)
                or v.head_re.match(text, a)
                or v.place_re.fullmatch(sib.group(2))
                or v.title_re.match(text, a)
                or v.honorific_ci_re.match(text, a)
                or (len(words) > 2 and words[1] in PERSON_MARKERS)  # "Nguyễn Văn An": a person
                or taken.overlaps(a, b)
            ):
                break
            name = _canonical(f"{prefix} {sib.group(2)}")
            out.append(OrgMention(a, b, sib.group(2), name, head.kind, (f"{prefix} {sib.group(2)}",)))
            end = b
    return out


# "các Bộ: Quốc phòng, Ngoại giao, Khoa học và Công nghệ", "Thứ trưởng các Bộ Công an, Tư pháp", "6 Sở:
# Y tế, Tư pháp ...": one head for a list of the bodies it heads
_DISTRIBUTED = re.compile(
    r"(?<!\w)(?:các|\d+|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười) (Bộ|Sở|Bộ, ngành|Bộ, ban, ngành):? (?=[A-ZĐ])"
)
_DISTRIBUTED_ITEM = re.compile(rf"{CAP}(?: (?:{CAP}|[{LOWER}]+|&))*?(?=, | và |[.;:)\n]|$)")


def _distributed(text: str, found: list[OrgMention], v: Vocabulary) -> list[OrgMention]:
    """The bodies of a list under one plural head, each a body of that head when the head and the
    item make a body the vocabulary knows ("Bộ Quốc phòng"); an item that is no such body ends the
    list. Items may be joined by "và" inside a name ("Khoa học và Công nghệ")."""
    taken = Intervals((m.start, m.end) for m in found)
    out = []
    for m in _DISTRIBUTED.finditer(text):
        head = m.group(1).split(",")[0]
        pos = m.end()
        while True:
            item = _DISTRIBUTED_ITEM.match(text, pos)
            if not item:
                break
            a, b = item.span()
            # "Khoa học và Công nghệ" is one ministry; "Công an và Tư pháp" are two
            joined = re.match(rf" và ({CAP}(?: (?:{CAP}|[{LOWER}]+))*?)(?=, |[.;:)\n]|$)", text[b:])
            if joined and v.head_re.fullmatch(f"{head} {text[a : b + joined.end()]}"):
                b += joined.end()
            # the longest run of the item's words that makes a known body ("Giao thông Vận tải" of
            # "Giao thông Vận tải cùng dự")
            while not v.head_re.fullmatch(f"{head} {text[a:b]}") and " " in text[a:b]:
                b = a + text[a:b].rindex(" ")
            full = f"{head} {text[a:b]}"
            if not v.head_re.fullmatch(full) or taken.overlaps(a, b):
                break
            kind = v.heads.get(_head_key(full, v))
            out.append(OrgMention(a, b, text[a:b], _canonical(full), kind.kind if kind else "state", (full,)))
            sep = re.match(r", và |, | và ", text[b:])
            if not sep:
                break
            pos = b + sep.end()
    return out


# "Đoàn kiểm tra của Bộ Chính trị": a team sent by a named body
_TEAM = re.compile(r"Đoàn (?:kiểm tra|công tác|giám sát|khảo sát)(?: (?:số \d+|liên ngành))? (?:của )?")


def _teams(text: str, found: list[OrgMention]) -> list[OrgMention]:
    """Teams sent by a body found right after them ("Đoàn công tác Bộ Công an")."""
    starts = {x.start: x for x in found}
    out = []
    for m in _TEAM.finditer(text):
        body = starts.get(m.end())
        if body is not None:
            surface = text[m.start() : body.end]
            out.append(OrgMention(m.start(), body.end, surface, m.group(0) + body.name, "other"))
    return out


def _authorities(text: str, found: list[OrgMention], v: Vocabulary) -> list[OrgMention]:
    """ "chính quyền tỉnh X": the authorities of a named locality; "chính quyền" alone is none."""
    out = []
    for m in _AUTHORITIES.finditer(text):
        if any(x.start <= m.start() < x.end for x in found):
            continue
        level = _level_at(text, m.end() + 1, v)
        name = (
            re.match(rf"(?: {CAP}(?![\w.]*:)){{1,4}}", text[m.end() + 1 + (level or 0) :]) if level else None
        )
        if not name:
            continue
        end = m.end() + 1 + level + name.end()
        surface = text[m.start() : end]
        out.append(OrgMention(m.start(), end, surface, _canonical(surface), "state"))
    return out


_LOCALITY_TAIL = re.compile(
    rf" (?:{UNITS_AND_CITY})(?: {CAP})*$|"
    rf" {_CENTRAL}$"
)


def _share_locality(text: str, mentions: list[OrgMention]) -> None:
    """ "HĐND, UBND tỉnh Sóc Trăng": bodies listed before the one that names the locality share it."""
    for i in range(len(mentions) - 2, -1, -1):
        m, nxt = mentions[i], mentions[i + 1]
        tail = _LOCALITY_TAIL.search(nxt.name)
        if (
            not tail
            or _LOCALITY_TAIL.search(m.name)
            or not re.fullmatch(r"\s*(?:,|và|,\s*và)\s*", text[m.end : nxt.start])
        ):
            continue
        head = vocabulary().heads.get(_head_key(m.surface, vocabulary()))
        if head is not None and not head.needs_name:
            m.name += tail.group(0)


def _numbered_name(text: str, pos: int) -> bool:
    """Whether a word with a digit follows pos ("Đội K90", "Sư đoàn 312")."""
    m = re.match(r" (\S+)", text[pos : pos + 20])
    return bool(m) and any(c.isdigit() for c in m.group(1))


def _head_key(written: str, v: Vocabulary) -> str:
    """The lexicon head a written (maybe abbreviated) head stands for."""
    squashed = re.sub(r"\s+", " ", written)
    if squashed in v.heads:
        return squashed
    expanded = expand(squashed)
    if expanded in v.heads:
        return expanded
    return v.heads_by_form.get(head_form(expanded), expanded)


def _extend(
    text: str,
    pos: int,
    v: Vocabulary,
    needs_name: bool,
    joined: frozenset[int] = frozenset(),
    kind: str = "other",
) -> int | None:
    """Where a body's name ends: its proper name (only after a head that needs one), then its locality,
    then the second place of a pair ("Hội Hữu nghị Việt Nam - Nhật Bản", "Trường THPT chuyên Hà Nội -
    Amsterdam"); None if a needed name or locality is missing. joined: syllable starts that continue
    a word."""
    pair = _place_pair_at(text, pos, v) if needs_name else None
    if pair is not None:
        return pair  # a body named by two places and nothing else ("Trường Hà Nội - Amsterdam")
    end = _extend_name(text, pos, v, needs_name, joined, kind)
    if end is None:
        return None
    pair = _second_place(text, end, v)
    return end if pair is None else pair


# the dash between the two places of a pair, spaced or tight
_PAIR_DASH = re.compile(r" ?[-–] ?")
# short forms that pair in names ("Việt - Đức", "Á - Âu")
_PAIR_SHORT = frozenset(
    ["Việt", "Á", "Âu", "Phi", "Mỹ", "Nga", "Lào", "Nhật", "Hàn", "Trung", "Pháp", "Đức", "Anh"]
)


def _is_place_word(name: str, v: Vocabulary) -> bool:
    return name in v.places or name in v.countries or name in _PAIR_SHORT or name in admin_places()


def _place_words(words: list[str], v: Vocabulary) -> int:
    """How many leading words name a place of a pair (_is_place_word), the longest; 0 when none."""
    return next((k for k in range(len(words), 0, -1) if _is_place_word(" ".join(words[:k]), v)), 0)


def _second_place(text: str, end: int, v: Vocabulary) -> int | None:
    """The end of a second place joined by a dash to the place that ends a body's name at end
    ("... Việt Nam - Nhật Bản", "... Thăng Long - Hà Nội", "... Hà Nội - Amsterdam"), or None."""
    dash = _PAIR_DASH.match(text, end)
    if not dash:
        return None
    before = text[max(0, end - 40) : end].split(" ")
    if not any(_is_place_word(" ".join(before[-k:]), v) for k in (1, 2, 3) if len(before) >= k):
        return None
    after = re.match(rf"{CAP}(?: {CAP}){{0,2}}", text[dash.end() : dash.end() + 40])
    if not after:
        return None
    words = after.group(0).split(" ")
    k = _place_words(words, v)
    if k:
        return dash.end() + len(" ".join(words[:k]))
    # a foreign city after a Vietnamese place: one foreign word ("Hà Nội - Amsterdam")
    if is_foreign_word(words[0]) and (len(words) == 1 or not is_cap(words[1])):
        return dash.end() + len(words[0])
    return None


def _place_pair_at(text: str, pos: int, v: Vocabulary) -> int | None:
    """The end of a pair of places that is a body's whole name right after its head, or None."""
    if not text.startswith(" ", pos):
        return None
    run = re.match(rf"{CAP}(?: {CAP}){{0,2}}", text[pos + 1 : pos + 40])
    if not run:
        return None
    words = run.group(0).split(" ")
    k = _place_words(words, v)
    return _second_place(text, pos + 1 + len(" ".join(words[:k])), v) if k else None


def _extend_name(
    text: str,
    pos: int,
    v: Vocabulary,
    needs_name: bool,
    joined: frozenset[int] = frozenset(),
    kind: str = "other",
) -> int | None:
    """_extend without the place pair."""
    words = next_words(text, pos)
    end = pos
    i = 0
    named = False
    # proper name: capitalized words, abbreviations, numbers, and lowercase words that belong to them
    while needs_name and i < len(words):
        a, b, w = words[i]
        if w == "và" and named and _sentence_case_field_follows(text, words, i, joined, v):
            # "Vụ Giám sát và Thẩm định đầu tư": two fields of one name, each written in sentence case
            i += 1
            continue
        if (
            w == "và"
            and named
            and i + 1 < len(words)
            and words[i + 1][2] in v.abbreviations
            and not v.head_re.fullmatch(words[i + 1][2])
            and v.abbreviations[words[i + 1][2]][1] == "-"
        ):
            i += 1  # "Cục Cảnh sát PCCC và CNCH": a second field, abbreviated, of one name
            continue
        if w == "&" and named and i + 1 < len(words) and is_cap(words[i + 1][2]):
            i += 1  # "Quỹ Bill & Melinda Gates", "Công ty Johnson & Johnson": one name
            continue
        if w == "số" and re.match(r" \d{1,3}(?![\d/.,-]\d)(?!\w)", text[b : b + 6]):
            # "Đội CSGT số 10", "Trường Tiểu học số 2 Nam Lý": a body numbered in its class
            num = re.match(r" \d{1,3}", text[b:])
            end = b + num.end()
            named = True
            while i < len(words) and words[i][0] < end:
                i += 1
            continue
        # a school's type comes after its level ("Trường THPT chuyên", "Trường Phổ thông dân lập")
        type_slot = not named or (kind == "education" and _only_types(words[:i]))
        if kind in _TYPE_WORDS_OF and type_slot and w.islower():
            trade = _type_words(kind).match(text, a)
            if trade and re.match(rf" {CAP}", text[trade.end() : trade.end() + 20]):
                # "Công ty cổ phần đầu tư Hòa Phát", "Trường THPT chuyên Lê Hồng Phong": the
                # lower-case words of its kind (legal form, business, school type), then the name
                while i < len(words) and words[i][0] < trade.end():
                    i += 1
                continue
        if _level_at(text, a, v) or w in STOP_WORDS:
            break
        if named and w in _TIME_OPENERS and re.match(r" \d", text[b : b + 2]):
            break  # "Ảnh: Nhà hát Tuổi trẻ Chiều 31.5, ...": the next sentence, its period lost
        if named and PARTICLE_NAME.match(text, a):
            break  # "Hội đồng An ninh Quốc gia Shahidan Bin Kassim": a foreign name by its particle
        if any(text.startswith(c, a) for c in CENTRAL):
            break
        inside = _names_in_bodies_at(text, a)
        if inside:
            end = a + inside
            named = True
            while i < len(words) and words[i][0] < end:
                i += 1
            continue
        if (
            is_cap(w)
            and _person_starts(words, i, v, kind, _title_before(text, pos))
            and not (kind == "education" and _only_types(words[:i]))
            and not (kind == "company" and _trade_name(words, i))
        ):
            break  # "Sở Y tế Nguyễn Văn A"; but "Trường THPT Nguyễn Du" is named after the person
        field = _field_run(text, a, kind) if named and w.islower() else None
        if field is not None:
            # "Cục Khoa học quân sự - Bộ Quốc phòng", "Trung tâm Dự báo khí tượng thủy văn quốc gia":
            # lowercase field words that end the name
            end = field
            while i < len(words) and words[i][0] < end:
                i += 1
            continue
        prev = words[i - 1][2].lower() if i else text[:pos].rsplit(" ", 1)[-1].lower()
        lower_ok = (
            w.islower()
            and named
            and ((a in joined and not _after_a_name(words, i, v)) or (prev, w) in v.bigrams)
        )
        if is_cap(w) or (w.isdigit() and len(w) <= 4) or lower_ok:
            if w.isdigit() and re.match(r"[/.-]\d", text[b : b + 2]):
                break
            if w.isdigit() and _SLOGAN_COUNT.match(text, b):
                break  # "Chi bộ 4 tốt", "Cơ quan 3 không": an emulation slogan, not a numbered body
            place = (len(w) if w in v.places else _place_at(text, a, v)) if is_cap(w) else None
            if place and a + place + 1 not in joined:
                pair = _second_place(text, a + place, v)
                if pair is not None:
                    end, named = pair, True  # "Trường THPT chuyên Hà Nội - Amsterdam": named by a pair
                break  # a place ends the name; but "Mỹ thuật" is one word ("Bảo tàng Mỹ thuật")
            named = True
            end = b
            i += 1
            continue
        break
    # locality: "tỉnh", "huyện Châu Thành", "TP Hồ Chí Minh", "Việt Nam", "Trung ương", "quốc gia"
    rest = text[end:]
    if _NATIONAL.match(rest) and not (needs_name and not named):
        return end + _NATIONAL.match(rest).end()  # "Ban Chỉ đạo phòng, chống thiên tai quốc gia"
    central = re.match(rf" {_CENTRAL}(?![\w.])", rest)
    if central:
        end += central.end()
    if central or re.search(rf"{_CENTRAL}$", text[max(0, end - 10) : end]):
        # "Ban Bí thư Trung ương Đoàn", "Ủy viên Trung ương Đảng", and a head that ends with the
        # central level ("Ban Dân vận Trung ương Đảng"): the central body of the Union or Party
        party = re.match(r" (?:Đảng|Đoàn)(?![\w])", text[end:])
        if party:
            return end + party.end()
        if central:
            return end
    place = _place_at(text, end + 1, v) if rest.startswith(" ") else None
    if place:
        return end + 1 + place
    if end == pos and re.search(rf"(?:{UNITS_AND_ABBRS})$", text[max(0, pos - 10) : pos]):
        return end + _place_name(text, end, v)  # a head that ends with its level ("Công an TP" + "Thủ Đức")
    if (
        re.search(r"(?:ủy|đoàn)$", text[pos - 6 : pos])
        and re.match(rf" {CAP}", rest)
        and not _level_at(text, end + 1, v)
        and not v.head_re.match(text, end + 1)
    ):
        # "Huyện ủy Tân Phú Đông", "Thành đoàn Cần Thơ": a local committee takes its place directly
        return end + _place_name(text, end, v)
    level = _level_at(text, end + 1, v) if rest.startswith(" ") else None
    if level:
        end = end + 1 + level
        return end + _place_name(text, end, v)
    if needs_name and not named:
        return None
    return end


def _after_a_name(words: list[tuple[int, int, str]], i: int, v: Vocabulary) -> bool:
    """Whether words[i] follows a person's name (a run of capitalized words opening on a surname):
    then a lowercase syllable the segmenter joined to the name is the sentence's verb ("Trường THPT
    Nguyễn Du đạt", "Trường Tiểu học Kim Đồng khánh thành"), not part of the body's name ("Bảo tàng
    Mỹ thuật")."""
    k = i
    while k > 0 and is_cap(words[k - 1][2]):
        k -= 1
    return i - k >= 2 and words[k][2] in v.surnames


# a sentence's opening time word, capitalized, before a date ("Chiều 31.5", "Ngày 2/9")
_TIME_OPENERS = frozenset(["Sáng", "Trưa", "Chiều", "Tối", "Đêm", "Ngày", "Hôm", "Tháng", "Năm"])


# the national level written after a complete head, as a locality would be
_NATIONAL = re.compile(r" quốc gia(?![\w-])")


@cache
def _task_boards() -> tuple[frozenset[str], re.Pattern[str]]:
    """Heads of boards named by their task, and the words a task opens with."""
    rows = lexicon.rows("org_task_boards.tsv", (2, 2))
    heads = frozenset(w for w, role in rows if role == "head")
    tasks = lexicon.alternation([w for w, role in rows if role == "task"], any_space=False)
    return heads, re.compile(rf" (?:{tasks})(?!\w)")


# one more word of a task: lowercase, or a disease's or program's code ("COVID-19"); after a comma too
_TASK_WORD = re.compile(rf",? ([{LOWER}]+|[{UPPER}][{UPPER}\d]*(?:-\d+)?)(?![\w-])")


def _task_end(text: str, pos: int, v: Vocabulary) -> int | None:
    """Where a board's task ends: right before its locality ("... dịch bệnh tỉnh", "... Trung ương"),
    within eight words; None when no locality closes it (the words may be the clause's verb)."""
    m = _task_boards()[1].match(text, pos)
    if m is None:
        return None
    end = m.end()
    for _ in range(8):
        if text.startswith(" quốc gia", end) and not text[end + 9 : end + 10].isalnum():
            return end + len(" quốc gia")  # the national board: "quốc gia" is its locality
        if text[end : end + 1] == " " and (
            _level_at(text, end + 1, v) or re.match(rf"{_CENTRAL}(?![\w.])", text[end + 1 :])
        ):
            return end
        w = _TASK_WORD.match(text, end)
        if w is None or (w.group(1) in STOP_WORDS and w.group(1) != "và"):
            return None
        end = w.end()
    return None


# the kinds of bodies whose names carry lower-case words of their kind before the proper name
_TYPE_WORDS_OF = {"company": "company_words.txt", "education": "school_words.txt"}


@cache
def _type_words(kind: str) -> re.Pattern[str]:
    """A run of the lower-case words a body of this kind carries before its proper name, maybe
    joined by "và": a company's legal form and business ("cổ phần đầu tư", "xây dựng và thương
    mại"; data/company_words.txt), a school's type ("chuyên", "dân lập"; data/school_words.txt)."""
    forms = lexicon.alternation(lexicon.words(_TYPE_WORDS_OF[kind]), any_space=False)
    one = f"(?:{forms})" + r"(?!\w)"
    return re.compile(rf"{one}(?:(?: | và ){one}){{0,5}}")


@cache
def _field_words() -> re.Pattern[str]:
    """A run of lowercase field words, maybe joined by a dash ("kinh tế - xã hội quốc gia")."""
    forms = lexicon.alternation(lexicon.words("org_field_words.txt"), any_space=False)
    one = f"(?:{forms})" + r"(?!\w)"
    return re.compile(rf"{one}(?:(?: | [-–] ){one})*")


@cache
def _field_ends() -> tuple[frozenset[str], re.Pattern[str]]:
    """Field words that close a name whatever follows ("quốc gia"), and the words after which a
    name has ended ("thuộc Bộ ...")."""
    rows = lexicon.rows("org_field_ends.tsv", (2, 2))
    last = frozenset(w for w, role in rows if role == "last")
    after = lexicon.alternation([w for w, role in rows if role == "next"], any_space=False)
    return last, re.compile(rf" (?:{after})(?!\w)")


def _field_run(text: str, pos: int, kind: str) -> int | None:
    """Where a run of lowercase field words at pos ends, if the run ends the name: before
    punctuation, a capital, a level word or a word that relates the body; or with a closing word
    ("quốc gia"). A company's name never runs on into lowercase words: they are its verbs
    ("Công ty An Phát đầu tư ...")."""
    m = _field_words().match(text, pos)
    if m is None:
        return None
    last, after = _field_ends()
    end = m.end()
    closing = any(m.group(0).endswith(w) for w in last)
    if kind == "company" and not closing:
        return None
    rest = text[end : end + 3]
    if (
        closing
        or re.match(rf"\s*(?:[-–,;.:()]|$)| {CAP}", rest)
        or after.match(text, end)
        or (text[end : end + 1] == " " and _level_at(text, end + 1, vocabulary()))
    ):
        return end
    return None


def _sentence_case_field_follows(
    text: str, words: list[tuple[int, int, str]], i: int, joined: frozenset[int], v: Vocabulary
) -> bool:
    """Whether "và" at words[i] joins two fields of one name: the name so far ends in a lowercase
    syllable of a sentence-case field ("Giám sát"), and a field in sentence case follows ("Thẩm
    định"), not a body, a place, a person or a proper name in title case ("Minh Phát")."""
    if i == 0 or i + 2 >= len(words) or not words[i - 1][2].islower():
        return False
    a, _, nxt = words[i + 1]
    second = words[i + 2]
    return (
        is_cap(nxt)
        and not nxt.isupper()
        and second[2].islower()
        and second[0] in joined
        and not v.head_re.match(text, a)
        and not v.place_re.match(text, a)
        and not _person_starts(words, i + 1, v)
    )


@cache
def _names_in_bodies() -> re.Pattern[str]:
    forms = lexicon.alternation(lexicon.words("names_in_bodies.txt"), any_space=False)
    return re.compile(forms + r"(?!\w)")


def _names_in_bodies_at(text: str, pos: int) -> int:
    m = _names_in_bodies().match(text, pos)
    return m.end() - pos if m else 0


# Levels that stand alone for "our" locality ("UBND tỉnh", "Công an huyện"); the others ("thôn",
# "bản", "tổ", "khối") are levels only before a name or number ("thôn 3", "bản Nà Hẩu").
_STANDALONE_LEVELS = frozenset(
    {
        "tỉnh",
        "thành phố",
        "tp",
        "tp.",
        "huyện",
        "quận",
        "thị xã",
        "tx",
        "tx.",
        "xã",
        "phường",
        "thị trấn",
        "đặc khu",
        "thủ đô",
    }
)


_TYPE_WORDS = frozenset({"Tiểu", "học", "Trung", "Đại", "Cao", "đẳng", "Mầm", "non", "Phổ", "thông"})


def _only_types(words: list[tuple[int, int, str]]) -> bool:
    """Whether a name so far is only abbreviations or school-type words ("THPT", "Tiểu học",
    "chuyên", "dân lập")."""
    return all(w.isupper() or w in _TYPE_WORDS or w in _school_syllables() for _, _, w in words)


@cache
def _school_syllables() -> frozenset[str]:
    """The syllables of the lower-case school-type words (data/school_words.txt)."""
    return frozenset(s for w in lexicon.words("school_words.txt") for s in w.split(" "))


def _trade_name(words: list[tuple[int, int, str]], i: int) -> bool:
    """A company's two-word trade name that looks like a person's ("Công ty Đầu tư Hoàng Long"):
    two capitalized words ending the name, without the middle names that mark a person."""
    run = [w for _, _, w in words[i : i + 3]]
    caps = 0
    while caps < len(run) and is_cap(run[caps]):
        caps += 1
    return caps == 2 and run[1] not in PERSON_MARKERS


# the name after a level, spaced or against an abbreviation's period ("tổ 5", "TP.Bến Tre")
_NAME_AFTER_LEVEL = re.compile(rf"(?: |(?<=\.))(?:{CAP}|\d)")


def _level_at(text: str, pos: int, v: Vocabulary) -> int | None:
    """Length of a locality level word at pos ("tỉnh", "thị xã"), or None."""
    m = v.level_re.match(text, pos)
    if not m:
        return None
    if re.match(r"\s*ủy(?!\w)", text[m.end() : m.end() + 4]):
        return None  # "Huyện ủy" is a body, not the level "huyện"
    word = re.sub(r"\s+", " ", m.group(0)).lower()
    if word not in _STANDALONE_LEVELS and not _NAME_AFTER_LEVEL.match(text, m.end()):
        return None  # "Chính trị tổ chức": "tổ" is a level only before a name ("tổ 5")
    return m.end() - pos


def _place_at(text: str, pos: int, v: Vocabulary) -> int | None:
    """Length of a known province or country name at pos."""
    m = v.place_re.match(text, pos)
    return m.end() - pos if m else None


# an abbreviated level's period, with the place after it glued or spaced ("TP.HCM", "TP. Thanh Hóa")
_LEVEL_PERIOD = re.compile(rf"(?<![\w.])(?:{lexicon.alternation(level_words('abbr'), any_space=False)})$")


def _place_name(text: str, pos: int, v: Vocabulary) -> int:
    """Length (from pos, counting the leading space) of the place name after a locality level."""
    if text.startswith(".", pos) and _LEVEL_PERIOD.search(text, max(0, pos - 4), pos):
        # "Công an TP" + ".HCM" / ". Thanh Hóa": the level's period first
        return (
            1 + _place_name(text, pos + 1, v) if text.startswith(" ", pos + 1) else _glued_place(text, pos, v)
        )
    if (
        text[pos - 1 : pos] == "."
        and text[pos : pos + 1].isupper()
        and _LEVEL_PERIOD.search(text, max(0, pos - 5), pos)
    ):
        return max(0, _glued_place(text, pos - 1, v) - 1)  # "TP." then "HCM": the period is the level's
    level = text[:pos].rsplit(" ", 1)[-1].lower()
    known = _place_at(text, pos + 1, v) if text.startswith(" ", pos) else None
    if level == "tỉnh" and not known:
        return 0  # after "tỉnh" only a known province ("Bộ CHQS tỉnh Đại tá X": no place)
    m = re.match(rf"(?: (?:{CAP}\b(?!:)|\d+))+", text[pos:])  # "Ảnh:" after a level opens a credit
    if known and (not m or len(m.group(0)) <= 1 + known or " " in text[pos + 1 : pos + 1 + known]):
        return 1 + known  # a known place, unless it only begins a longer name ("Đức" of "Đức Thọ")
    if not m:
        return 0
    syllables = m.group(0).split()
    if len(syllables) <= 4 and re.match(rf", (?:{PROVINCE_AND_CITY}) ", text[pos + len(m.group(0)) :]):
        return len(m.group(0))  # "Huyện ủy Trần Văn Thời, tỉnh Cà Mau": a place, followed by its province
    if (
        syllables[0] in v.surnames
        and 3 <= len(syllables) <= 4
        and (level == "tỉnh" or _any_title_before(text, pos, v))
    ):
        # "Chủ tịch UBND xã Nguyễn Văn A", "tỉnh Tô Hoài Nam": the title's holder, not a place; but
        # with no title before the body, wards and communes are named after historical people
        # ("Công an phường Ngô Thì Nhậm", "UBND phường Hoàng Văn Thụ")
        return 0
    # a place the gazetteer knows, however its syllables read ("TP Buôn Ma Thuột": "Ma" is a surname)
    known_run = known_unit_prefix(syllables, 5)
    if known_run:
        return len(" " + " ".join(syllables[:known_run]))
    # "UBND huyện Châu Thành Võ Thanh Hùng": a name of 2-4 syllables ending the run is a person's
    for i in range(1, len(syllables) - 1):
        if syllables[i] in v.surnames and 2 <= len(syllables) - i <= 4:
            syllables = syllables[:i]
            break
    syllables = syllables[:4]
    return len(" " + " ".join(syllables))


def _glued_place(text: str, pos: int, v: Vocabulary) -> int:
    """Length, from pos (the period of "TP.HCM"), of the period and the place written against it."""
    if not text[pos + 1 : pos + 2].isupper():
        return 0
    spaced = text[: pos + 1] + " " + text[pos + 1 :]  # read the place as it reads after a space
    n = _place_name(spaced, pos + 1, v)
    return n if n > 1 else 0  # the period and the place, one space fewer than in `spaced`


# bodies of the state, party and armed forces take a place's name, never a person's: after their
# head any surname opens a person unless the words are a known place ("Công an Tô Lâm" is the
# minister; "Công an Hoàng Mai" the district's police). Schools, hospitals and companies may be
# named after people ("Bệnh viện Bạch Mai", "Trường THPT Lê Quý Đôn").
_PLACE_NAMED_KINDS = frozenset({"state", "party", "police", "military", "mass"})


def _person_starts(
    words: list[tuple[int, int, str]], i: int, v: Vocabulary, kind: str = "other", titled: bool = False
) -> bool:
    """Whether a person's name starts at words[i] after a body's head. titled: a title stands right
    before the head, so a name after the body is its holder's ("Bộ trưởng Công an Tô Lâm")."""
    w = words[i][2]
    if not (i + 1 < len(words) and is_cap(words[i + 1][2])):
        return False
    if kind in _PLACE_NAMED_KINDS:
        run = [x[2].rstrip('.,;:!?)”"') for x in words[i : i + 4]]
        caps = next((k for k, x in enumerate(run) if not is_cap(x)), len(run))
        names = [" ".join(run[:k]) for k in range(2, caps + 1)]
        if any(n in v.places or n in v.countries or n in admin_places() for n in names):
            return False
        # two words after the head may be a ward's name ("Công an Hàng Buồm"): a person only after a
        # title or with a common surname; three or more opening on a surname are a person's
        return w in COMMON_SURNAMES or (w in v.surnames and (caps >= 3 or titled))
    return w in COMMON_SURNAMES


def _title_before(text: str, pos: int) -> bool:
    """Whether a title's word stands right before the body's head that ends at pos ("Bộ trưởng
    Công an", "Giám đốc Sở Tư pháp")."""
    return bool(_TITLED_HEAD.search(text, max(0, pos - 60), pos))


def _any_title_before(text: str, pos: int, v: Vocabulary) -> bool:
    """Whether a position title of the lexicon opens one of the words of the same clause in the 70
    characters before pos ("Phó Bí thư Thường trực Tỉnh ủy", "Chủ tịch UBND phường"): the body
    names where the title is held."""
    start = max(0, pos - 70)
    start = max(start, *(text.rfind(c, start, pos) + 1 for c in ",.;:()\n"))
    words = re.finditer(r"(?<!\S)\S", text[start:pos])
    return any(v.title_re.match(text, start + m.start()) for m in words)


_TITLED_HEAD = re.compile(r"(?:[Tt]rưởng|Giám đốc|Chủ tịch|Chánh|Tư lệnh|Chỉ huy)\s+\S+(?:\s+\S+){0,4}$")


# "các LĐLĐ quận, huyện": a class of bodies, not one body
_PLURAL_BEFORE = re.compile(r"(?<!\w)(?:các|những)\s+$", re.I)


@cache
def _class_after() -> re.Pattern[str]:
    words = lexicon.alternation(lexicon.words("org_class_after.txt"))
    return re.compile(rf"\s+(?:{words})(?!\w)", re.I)


def _plural_follows(text: str, end: int) -> bool:
    """Whether a class follows the name ("các cấp", "hai cấp", "cấp huyện", "các huyện")."""
    return bool(_class_after().match(text, end))


def _canonical(surface: str) -> str:
    name = expand(surface)
    name = name[:1].upper() + name[1:]
    # a known body written with other dashes, commas or "&" takes the lexicon's writing
    return vocabulary().heads_by_form.get(head_form(name), name)


# a Vietnamese locality closing a name ("... huyện Đông Anh"): its last syllables are no country
_LOCALITY_END = re.compile(rf"(?<!\w)(?:{UNITS})(?: {CAP})+$")


def _kind(name: str, kind: str, v: Vocabulary) -> str:
    last = name.split(" ")
    local = _LOCALITY_END.search(name)
    for n in (3, 2, 1):
        tail = " ".join(last[-n:])
        before = last[-n - 1] if len(last) > n else ""
        # "Bệnh viện Việt Đức": a country inside a compound name is no locality
        if before[:1].isupper() and kind != "other":
            continue
        if tail in v.countries and tail != "Việt Nam" and " ".join(last[-n - 1 :]) not in admin_places():
            # "Phòng Kinh tế – Hạ tầng huyện Đông Anh": "Anh" is the end of a district's name
            return kind if local and local.end() - len(tail) > local.start() + 1 else "foreign"
    return kind


_PROVINCE_LEVEL = re.compile(rf"\b(?:{PROVINCE_UNITS}) (?=[{UPPER}])")


def _cluster_key(name: str) -> str:
    """What makes two names the same body: "Bộ đội Biên phòng tỉnh Tây Ninh" = "... Tây Ninh"."""
    return fold(_PROVINCE_LEVEL.sub("", name))


_LEVEL_TAIL = re.compile(rf" (?:{UNITS})$")
_LOCAL_LEVEL = re.compile(rf"(?<= )(?:{UNITS}) (?=[{UPPER}])")  # a level word before a place in a name
_LEVEL_HEAD = re.compile(rf"^(?:{UNITS}) ")


_CENTRAL_OF_MASS = re.compile(r"^trung ương (?=(?:hội|đoàn|công đoàn|liên minh|liên hiệp) )")


def cluster(mentions: list[OrgMention]) -> list[OrgEntity]:
    """One entity per body: mentions with the same expanded name; "X" and "X Việt Nam" together; a
    body written without its place ("Đảng bộ tỉnh") joins the one body written with it, if only one."""
    entities: dict[str, OrgEntity] = {}
    for m in mentions:
        # "Trung ương Hội Nông dân Việt Nam" is how the national association is written at its top
        key = _CENTRAL_OF_MASS.sub("", _cluster_key(m.name))
        key = key.removesuffix(" việt nam") if key.endswith(" việt nam") and key[:-9] in entities else key
        ent = entities.get(key)
        if ent is None:
            ent = entities[key] = OrgEntity(m.name, m.kind)
        ent.mentions.append(m)
    for key in list(entities):
        # "Trường Tiểu học xã Thạch Văn" is "Trường Tiểu học Thạch Văn" written with its level
        bare = _cluster_key(_LOCAL_LEVEL.sub("", entities[key].name))
        if bare != key and bare in entities:
            target = entities[bare]
            target.mentions = sorted(target.mentions + entities.pop(key).mentions, key=lambda x: x.start)
    v = vocabulary()
    for key in list(entities):
        if key not in entities:
            continue
        if key.endswith(" việt nam"):
            continue  # "Hội Sinh viên Việt Nam" is the national body, not the one of some province
        base = _LEVEL_TAIL.sub("", key)  # "đảng bộ tỉnh" is "đảng bộ" of some province
        longer = [k for k in entities if k != key and k.startswith(base + " ")]
        if len(longer) != 1:
            continue
        target = entities[longer[0]]
        extra = " ".join(target.name.split(" ")[len(base.split(" ")) :])
        level = key[len(base) :].strip()
        if level and not extra.lower().startswith(level + " "):
            # "Hội CCB tỉnh" is not "Hội CCB huyện Hương Sơn"; "Công an tỉnh" is "Công an Thanh Hóa"
            if not (level in {"tỉnh", "thành phố"} and v.place_re.fullmatch(extra)):
                continue
        extra = _LEVEL_HEAD.sub("", extra)
        if v.place_re.fullmatch(extra) or re.fullmatch(rf"(?:{CAP})(?: {CAP}){{0,3}}", extra):
            target.mentions = sorted(target.mentions + entities.pop(key).mentions, key=lambda x: x.start)
    return sorted(entities.values(), key=lambda e: e.mentions[0].start)


_BARE_HEAD = re.compile(
    r"(?<![\w&.])(?:Hội|Ban|Sở|Bộ|Cục|Trường|Viện|Công ty|Tập đoàn|Bệnh viện|Tổng cục|Ngân hàng|Quỹ|Đài|Báo|"
    r"Học viện|Trung tâm)(?= [a-zà-ỹđ])"
)


def back_references(text: str, mentions: list[OrgMention], doc: Doc | None = None) -> list[OrgMention]:
    """ "Hội", "Sở", "Ban" alone after the full name of one such body: another mention of that body."""
    edges = _token_edges(doc)
    out = []
    for m in _BARE_HEAD.finditer(text):
        if edges and (m.start() not in edges[0] or m.end() not in edges[1]):
            continue  # "Hội nghị", "Ban hành", "Bộ đội": a word, not a body
        if any(x.start <= m.start() < x.end for x in mentions):
            continue
        head = m.group(0)
        before = {x.name for x in mentions if x.end <= m.start() and x.name.startswith(head + " ")}
        if len(before) == 1:
            name = before.pop()
            kind = next(x.kind for x in mentions if x.name == name)
            out.append(OrgMention(m.start(), m.end(), head, name, kind))
    return out


# --- spaCy component ---------------------------------------------------------------------------


@Language.factory(
    "vnnews_organizations",
    assigns=["doc.spans", "span._.org"],
    default_config={"spans_key": SPANS_KEY, "mentions_key": "mentions"},
)
class OrganizationTagger(SpanComponent):
    """Mentions of bodies, back-references included: doc.spans[spans_key], each span's `_.org` an
    OrgMention. The rules find the bodies they know by their heads; the statistical tagger's
    ORGANIZATION mentions (doc.spans[mentions_key], when it runs) add the others: companies,
    media, foreign bodies, teams."""

    label = LABEL
    extension = "org"

    def __init__(self, nlp: Language, name: str, spans_key: str, mentions_key: str) -> None:
        super().__init__(spans_key)
        self.mentions_key = mentions_key
        self.vocabulary = vocabulary()  # compiled once, when the pipeline is built
        self.adhoc = adhoc()

    def find(self, doc: Doc) -> list[OrgMention]:
        """The Doc's organization mentions, in text order."""
        text = text_of(doc)
        found = [m for m in find(text, doc) if not _country_press(m.surface, self.vocabulary)]
        found += youth_teams(text, found, self.vocabulary)
        # a club's span the tagger runs over a match verb holds two teams ("Bayern thắng Borussia
        # Dortmund")
        tagged = [
            team
            for a, b in _split_at_scores(text, _entities(doc, self.mentions_key, "ORGANIZATION"))
            for team in (_team_spans(text, a, b) if is_club_name(text[a:b]) else [(a, b)])
        ]
        found = extended_by_model(text, tagged, found, self.vocabulary)
        found += from_model(text, tagged, found, self.vocabulary)
        found += _parties_abroad(text, found, self.vocabulary, joined_syllables(doc))
        persons = _entities(doc, self.mentions_key, "PERSON")
        places = _entities(doc, self.mentions_key, "LOCATION")
        found += clubs_among_persons(text, persons, places, found)
        found = _not_persons(text, found, persons, self.vocabulary)
        found.sort(key=lambda m: m.start)
        _name_bracketed_abbreviations(text, found)
        return sorted(found + back_references(text, found, doc), key=lambda m: m.start)


def _not_persons(
    text: str, found: list[OrgMention], persons: list[tuple[int, int]], v: Vocabulary
) -> list[OrgMention]:
    """found without the bare one-word names that end the full name of a person the tagger finds in
    the article ("Bale" after "Gareth Bale", tagged a body in one sentence; "Tuấn, Lượng" after a
    hospital are "Bùi Minh Tuấn" and "Bùi Văn Lượng", not sibling hospitals). A whole name the tagger
    calls a person stays a body where it says so: it calls clubs persons too ("Watford")."""
    forms = {text[a:b].rsplit(" ", 1)[1] for a, b in persons if " " in text[a:b]}
    if not forms:
        return found
    return [m for m in found if m.surface not in forms or v.head_re.match(m.surface)]


# club words that also stand in the names of places ("Mexico City", "United Kingdom")
_PLACE_CLUB_WORDS = frozenset(["City", "United"])


@cache
def _club_words(in_places: bool = False) -> frozenset[str]:
    """data/club_words.txt; in_places: without the words that places' names hold too."""
    words = lexicon.words("club_words.txt")
    return words - _PLACE_CLUB_WORDS if in_places else words


def is_club_name(name: str, place: bool = False) -> bool:
    """Whether a name holds a word that marks a sports club's name (data/club_words.txt: "Borussia
    Dortmund", "Leicester City", "Real Madrid"): no person's name does; place: a name the tagger
    calls a place, which only a club word no place's name holds makes a club ("Mexico City")."""
    return not _club_words(place).isdisjoint(name.split(" "))


def clubs_among_persons(
    text: str, persons: list[tuple[int, int]], places: list[tuple[int, int]], found: list[OrgMention]
) -> list[OrgMention]:
    """The clubs the statistical tagger calls persons or places ("Borussia Moenchengladbach",
    "Arminia Bielefeld"): a name that holds a club word is a body (kind other), where no body is
    found; a place's name only by a club word no place's name holds."""
    taken = Intervals((m.start, m.end) for m in found)
    out = []
    spans = [(a, b, False) for a, b in persons] + [(a, b, True) for a, b in places]
    for start, end, place in sorted(spans):
        if not is_club_name(text[start:end], place):
            continue
        for a, b in _team_spans(text, start, end):
            if not taken.overlaps(a, b):
                out.append(OrgMention(a, b, text[a:b], text[a:b], "other", tagged=True))
    return out


_TEAM_CONNECTORS = frozenset(
    ["de", "di", "da", "del", "do", "dos", "das", "van", "von", "der", "den", "y", "e"]
)


def _team_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A club's span cut at the lowercase words inside it, one team on each side ("Arminia Bielefeld
    hòa Borussia Moenchengladbach": a match report's verb); connectors stay ("Real de Madrid")."""
    out: list[tuple[int, int]] = []
    run: tuple[int, int] | None = None
    for m in re.finditer(r"\S+", text[start:end]):
        a, b, w = start + m.start(), start + m.end(), m.group(0)
        if w[:1].isupper() or w[:1].isdigit() or (run and w in _TEAM_CONNECTORS):
            run = (run[0] if run else a, b)
            continue
        if run:
            out.append(run)
        run = None
    if run:
        out.append(run)
    # a connector never ends a team's name; a lone word without a club word is a leftover of a
    # scraped table ("Đội hình Tỉ lệ cược")
    return [
        (a, b)
        for a, b in out
        if text[a:b].rsplit(" ", 1)[-1] not in _TEAM_CONNECTORS
        and (" " in text[a:b] or is_club_name(text[a:b]))
    ]


# a national or provincial youth team: an age group, then the country or province ("U20 Việt Nam",
# "U23 Thái Lan", "U19 Hà Nội")
_AGE_GROUP = re.compile(r"(?<![\w.])U\d{2}(?= )")


def youth_teams(text: str, found: list[OrgMention], v: Vocabulary) -> list[OrgMention]:
    """Sports teams named by an age group and a place the rules know (a country or a province)."""
    taken = Intervals((m.start, m.end) for m in found)
    out = []
    for m in _AGE_GROUP.finditer(text):
        place = v.place_re.match(text, m.end() + 1)
        if place is None or taken.overlaps(m.start(), place.end()):
            continue
        surface = text[m.start() : place.end()]
        out.append(OrgMention(m.start(), place.end(), surface, surface, "other"))
    return out


_PLURAL_INSIDE = re.compile(r"(?<!\w)(?:các|những)(?!\w)")


def _balanced(surface: str) -> bool:
    """Whether brackets and double quotes open and close inside the span."""
    return (
        surface.count("(") == surface.count(")")
        and surface.count("“") == surface.count("”")
        and surface.count('"') % 2 == 0
    )


# a match's score, or the "vs" between two teams ("U20 Costa Rica vs U20 Zambia")
_SCORE = re.compile(r"(?<!\S)(?:\d{1,2}[-–]\d{1,2}|vs\.?)(?!\S)")


def _split_at_scores(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Tagged spans cut at a match's score or a "vs", one team on each side ("Everton 2-1
    Southampton", "West Brom 1-0", "U20 Costa Rica vs U20 Zambia"): neither is a word of a name."""
    out = []
    for start, end in spans:
        for score in _SCORE.finditer(text, start, end):
            if score.start() - 1 > start:
                out.append((start, score.start() - 1))
            start = score.end() + 1
        if start < end:
            out.append((start, end))
    return out


def _clean_span(text: str, start: int, end: int, v: Vocabulary) -> tuple[int, int]:
    """A tagged body's span without what the tagger lets in around a name: a person's honorific and
    what follows it ("TTXVN ông Vũ A" → "TTXVN"), a leading title ("TGĐ Oceanbank" → "Oceanbank")
    and trailing lowercase words no body name holds ("Quảng Nam FC ôm" → "Quảng Nam FC")."""
    words = [(start + m.start(), start + m.end(), m.group(0)) for m in re.finditer(r"\S+", text[start:end])]
    for i, (_, _, w) in enumerate(words[1:], 1):
        # an honorific that ends the span is a word of the name ("đảng Lao động Anh")
        if (w.lower() in v.honorifics or w in v.honorifics) and i + 1 < len(words):
            words = words[:i]
            break
    title = v.title_re.match(text, start) if words else None
    if title and title.end() < end and not v.head_re.match(text, start):
        words = [w for w in words if w[0] >= title.end()]
    while len(words) > 1 and words[-1][2].islower() and words[-1][2] not in v.inner_lower:
        pair = f"{words[-2][2]} {words[-1][2]}".lower()
        if words[-2][2][:1].isupper() and not is_foreign_word(words[-2][2]) and pair in word_clusters()[1]:
            break  # "Đảng Dân chủ Tự do": the syllable ends a capitalized word of the language
        words.pop()
    # "Bộ An ninh nội địa Elaine Duke", "ELN Pablo Beltrán": the name of the person who holds the post
    # after the body's name, unless what is left is a person too (two players listed without a
    # comma: "Mona Barthel Svetlana Kuznetsova")
    for k in (3, 2):
        rest = " ".join(w[2] for w in words[:-k])
        if (
            len(words) > k
            and reads_as_foreign_person(" ".join(w[2] for w in words[-k:]), v)
            and not reads_as_foreign_person(rest, v)
            and foreign_name_pair(" ".join(w[2] for w in words), v) is None
        ):
            words = words[:-k]
            break
    return (words[0][0], words[-1][1]) if words else (start, start)


# the kinds whose names the tagger may run on: their names hold business and field words in sentence
# case ("Tổng công ty Thăm dò khai thác Dầu khí", "Hiệp hội Phòng cháy chữa cháy Nhật Bản"); a state
# body's name ends where the rules end it, as the tagger runs on into its verbs ("Bộ Nội vụ Slovakia
# thăm ...") and terms ("Ban Chấp hành Trung ương Đảng khóa XIII")
_RUN_ON_KINDS = frozenset({"company", "other", "education", "health", "mass", "press"})


def extended_by_model(
    text: str, spans: list[tuple[int, int]], found: list[OrgMention], v: Vocabulary
) -> list[OrgMention]:
    """found, a name the rules ended at a lowercase word ("Công ty TNHH MTV Lọc" of "... Lọc hóa dầu
    Bình Sơn") running on to the end of the tagger's span that starts with it, when that span
    crosses no punctuation, "và" or word that relates the body ("phối hợp với"), and ends in a
    capitalized word, a number or the lowercase end of a field in sentence case (`_ends_in_field`);
    for the kinds in _RUN_ON_KINDS only."""
    ends = {}
    for start, end in spans:
        ends[start] = max(end, ends.get(start, 0))
    out = []
    for m in found:
        end = ends.get(m.start, 0)
        if end > m.end and _runs_on(text, m, end, v):
            surface = text[m.start : end]
            m = replace(m, end=end, surface=surface, name=_canonical(surface))
        out.append(m)
    return out


_DASH_PAIR = re.compile(rf" ?[-–] ?(?={CAP})")


def _runs_on(text: str, m: OrgMention, end: int, v: Vocabulary) -> bool:
    """Whether a body's name runs on from m.end to the tagger's end: a second name after a dash (a
    pair of names or fields: "VQG Phong Nha – Kẻ Bàng", "Chữ thập đỏ - Trăng lưỡi liềm đỏ Quốc
    tế"; not a body or a place, which the rules pair themselves), or lowercase words for a kind in
    _RUN_ON_KINDS; see extended_by_model."""
    extra = text[m.end : end]
    dash = _DASH_PAIR.match(extra)
    if dash:
        second = m.end + dash.end()
        if v.head_re.match(text, second) or _place_at(text, second, v) or text[second:end] in v.countries:
            return False  # "... - Đại học Quốc gia Hà Nội", "... DAP 1 - Hải Phòng": another body, a seat
        extra = " " + extra[dash.end() :]
        if all(is_cap(w) for w in extra.split()):
            return not re.search(r"[-–,.;:()“”\"\n]", extra)  # "Phong Nha – Kẻ Bàng": a pair of names
    elif not (extra[:1] == " " and extra[1:2].islower()):
        return False
    last = extra.rsplit(" ", 1)[-1]
    return (
        m.kind in _RUN_ON_KINDS
        and (last[:1].isupper() or last[:1].isdigit() or _ends_in_field(text[m.start : end], v))
        and not _holds_a_clause(extra)  # "Hội Nông dân tỉnh phối hợp với ...": a clause
    )


# the lowercase syllables a field in sentence case ends with ("Quản lý tiên tiến", "Sức khỏe phụ nữ")
_MAX_FIELD_TAIL = 4


def _ends_in_field(surface: str, v: Vocabulary) -> bool:
    """Whether the lowercase words that end a name continue a field in sentence case ("Vận tải
    thủy", "Quản lý tiên tiến"), not follow a place or a person's name, where they are the
    sentence's verb ("U20 Việt Nam phạm lỗi", "Trung tâm ... Thuận Thành nhân kỷ niệm", "Trường THPT
    Nguyễn Du đạt")."""
    words = surface.split(" ")
    k = len(words)
    while k > 0 and words[k - 1].islower():
        k -= 1
    if len(words) - k > _MAX_FIELD_TAIL:
        return False  # "Nhà hát Chèo Quân đội biểu diễn phục vụ bà con": the clause's verbs
    run: list[str] = []  # the capitalized words before them
    while k > 0 and words[k - 1][:1].isupper():
        k -= 1
        run.insert(0, words[k])
    if any(run[j] in v.surnames for j in range(max(0, len(run) - 4), len(run) - 1)):
        return False  # "Trường THPT Nguyễn Du đạt": a person's name, then the verb
    tails = (" ".join(run[j:]) for j in range(len(run)))
    return not any(t in v.places or t in v.countries or t in admin_places() for t in tails)


@cache
def _generic_groups() -> re.Pattern[str]:
    words = lexicon.alternation(lexicon.words("org_generic_groups.txt"))
    return re.compile(rf"(?:{words}) ", re.I)


def _sector_of_country(surface: str, v: Vocabulary) -> bool:
    """Whether a span is a whole sector of a country or place ("báo chí Nhật Bản", "truyền thông
    Hàn Quốc")."""
    m = _generic_groups().match(surface)
    rest = surface[m.end() :] if m else ""
    return bool(rest) and (rest in v.countries or rest in v.places)


def _entities(doc: Doc, key: str, label: str) -> list[tuple[int, int]]:
    """(start, end) of the statistical tagger's mentions with this label."""
    return [(s._.entity.start, s._.entity.end) for s in doc.spans.get(key, []) if s._.entity.label == label]


def _ends_a_word(text: str, head_start: int, head: str) -> bool:
    """Whether a lower-case head at head_start ends a word begun by the word before it ("phim
    trường", "trưởng phòng"): the word-cluster table knows the pair."""
    before = text[max(0, head_start - 12) : head_start].rsplit(" ", 2)
    return len(before) > 1 and f"{before[-2]} {head.split(' ')[0]}".lower() in word_clusters()[1]


def _holds_a_clause(run: str) -> bool:
    """Whether words after a body's head or name hold punctuation, "và" or a word that relates the
    body (data/org_field_ends.tsv): a clause, not more of the name."""
    return bool(re.search(r"[,.;:()“”\"\n–]| và ", run) or _field_ends()[1].search(run))


# a party named after "đảng" ("đảng Dân chủ Xã hội", "đảng Cộng hòa"): the rules know parties by
# their whole names, the tagger finds the others
_PARTY = re.compile(r"đảng(?= )")


def _after_lower_head(text: str, start: int, end: int, v: Vocabulary) -> int:
    """Where a tagged body's name starts when the span opens on a known head written lower case
    ("công ty Ethio Telecom" → "Ethio Telecom", "đại học Quốc tế Tokyo" → "Quốc tế Tokyo"): the rules
    read a lower-case head as a common noun, the capitalized name after it is the body; else
    `start`. A head that ends a word begun before it is none ("phim trường", "trưởng phòng")."""
    head = v.head_re.match(text, start, end) or _PARTY.match(text, start, end)
    if not head or not text[start : start + 1].islower() or text[head.end() : head.end() + 1] != " ":
        return start
    name_start = head.end() + 1
    if (
        not (head.re is _PARTY or v.heads.get(_head_key(head.group(0), v)))
        or not text[name_start : name_start + 1].isupper()
    ):
        return start
    return start if _ends_a_word(text, start, head.group(0)) else name_start


@cache
def _school_and_hospital_heads() -> tuple[str, ...]:
    """The heads of schools and hospitals the lexicon knows, lower case, longest first."""
    v = vocabulary()
    forms = {h.lower() for h, known in v.heads.items() if known.kind in ("education", "health")}
    return tuple(sorted(forms, key=len, reverse=True))


def _lower_head_before(text: str, start: int, v: Vocabulary) -> int | None:
    """Where a school's or hospital's head written lower case starts, when it stands right before a
    tagged body the tagger took without it ("giáo sư đại học [Quốc tế Osaka]"), unless it ends a
    word begun before it ("phim trường"); else None."""
    if text[start - 1 : start] != " ":
        return None
    for head in _school_and_hospital_heads():
        head_start = start - 1 - len(head)
        if head_start < 0 or not text.startswith(head, head_start):
            continue
        if head_start and (text[head_start - 1].isalnum() or text[head_start - 1] == "_"):
            continue  # the end of a longer word
        return None if _ends_a_word(text, head_start, head) else head_start
    return None


def from_model(
    text: str, spans: list[tuple[int, int]], found: list[OrgMention], v: Vocabulary
) -> list[OrgMention]:
    """Bodies the statistical tagger found and the rules did not: each canonicalized by the same
    expansion ("NHNN" → "Ngân hàng Nhà nước") and given the kind of its head, else of its words.
    spans: the tagger's, already cut at scores and between teams (OrganizationTagger.find)."""
    taken = Intervals((m.start, m.end) for m in found)
    out = []
    for start, end in spans:
        start, end = _clean_span(text, start, end, v)
        # "công ty Ethio Telecom", "đại học Quốc tế Tokyo": the name after a lower-case head; the
        # head is written with it, so the mention keeps it and the bare name is another writing
        name_start = _after_lower_head(text, start, end, v)
        head_start = start if name_start > start else _lower_head_before(text, start, v)
        start = name_start
        surface = text[start:end]
        if end <= start or taken.overlaps(start, end) or not (surface[:1].isupper() or surface[:1].isdigit()):
            continue
        if surface in v.places or surface in v.countries or surface in admin_places():
            continue  # a country or a place, not a body
        if surface in lexicon.words("religions.txt"):
            continue  # "tín đồ Hồi giáo": a faith, not a body
        if surface.split(" ")[0] in lexicon.words("competition_words.txt") or any(
            surface.startswith(w + " ") for w in lexicon.words("competition_words.txt") if " " in w
        ):
            continue  # "Cúp Liên đoàn": a competition, not a body
        if " " in surface and surface.rsplit(" ", 1)[1] in lexicon.words("competition_end_words.txt"):
            continue  # "Premier League", "FA Cup": a competition
        if reads_as_foreign_person(surface, v) or foreign_name_pair(surface, v) is not None:
            continue  # "Daniil Medvedev", "Mona Barthel Svetlana Kuznetsova": persons the tagger took for a body
        if _sector_of_country(surface, v):
            continue  # "báo chí Nhật Bản": a country's press, not one paper
        head = v.head_re.match(text, start)
        if head and _lower_case_field_name(text, head, end, v):
            head = None  # "Nhà máy sản xuất xơ sợi Đình Vũ": a name the rules cannot read
        if head or _PLURAL_INSIDE.search(surface) or not _balanced(surface):
            # a head the rules know ("Ủy ban nhân dân ...") is theirs to judge (they leave out titles'
            # bodies and classes of bodies on purpose); "các huyện": a class; a cut bracket or quote
            continue
        name = _canonical(surface)
        head = v.head_re.match(name)  # an expanded abbreviation may start with a known head
        known = v.heads.get(_head_key(head.group(0), v)) if head else None
        kind = _kind(name, known.kind if known else "other", v)
        if head_start is not None and not taken.overlaps(head_start, end):
            written = text[head_start:end]
            full = _canonical(_capitalized(written))
            head = v.head_re.match(full)
            known = v.heads.get(_head_key(head.group(0), v)) if head else None
            # "đảng Dân chủ Xã hội": the press writes a party's head lower case when it is foreign
            kind = _kind(full, known.kind if known else "foreign" if _PARTY.match(written) else kind, v)
            out.append(
                OrgMention(
                    head_start,
                    end,
                    written,
                    full,
                    kind,
                    (surface,),
                    tagged=True,
                )
            )
            continue
        out.append(OrgMention(start, end, surface, name, kind, tagged=True))
    _lower_school_heads(text, out)
    return out


def _lower_case_field_name(text: str, head: re.Match[str], end: int, v: Vocabulary) -> bool:
    """Whether a tagged span that opens on a known head is a name the rules cannot read: the head,
    then its field in lowercase words and a capitalized name: of any name for a kind in
    _RUN_ON_KINDS ("Nhà máy sản xuất xơ sợi Đình Vũ", "Công ty luật Minh Bạch"), of a place only for
    the others, the state's ("Cục đăng kiểm Việt Nam"), whose spans the tagger runs on into verbs;
    never a clause (no punctuation, "và" or word that relates the body: "Hiệp hội đối với Báo ..."),
    nor a head that is the first syllable of a common word ("Bộ phận")."""
    known = v.heads.get(_head_key(head.group(0), v))
    rest = text[head.end() : end]
    if (
        known is None
        or rest[:1] != " "
        or not rest[1:2].islower()
        or not rest.rsplit(" ", 1)[-1][:1].isupper()
        or _holds_a_clause(rest)
    ):
        return False
    pair = f"{head.group(0).rsplit(' ', 1)[-1]} {rest.split()[0]}".lower()
    if pair in word_clusters()[1]:
        return False  # "Bộ phận kỹ thuật Hà Nội": the head's syllable begins a common word
    if known.kind in _RUN_ON_KINDS:
        return True
    words = rest.split()
    k = next(i for i, w in enumerate(words) if not w.islower())
    name = " ".join(words[k:])
    return (
        known.needs_name  # "Sở Tài chính": a complete head, what follows it is the clause's
        and k <= _MAX_STATE_FIELD_WORDS
        and (name in v.places or name in v.countries or name in admin_places())
    )


_MAX_STATE_FIELD_WORDS = 4  # "đăng kiểm": a state body's field in lowercase is a few words


def mentions_of(doc: Doc, spans_key: str = SPANS_KEY) -> list[OrgMention]:
    """The organization mentions a processed Doc holds."""
    return [s._.org for s in doc.spans.get(spans_key, [])]


def to_records(doc: Doc, spans_key: str = SPANS_KEY, people_key: str = "people") -> list[Organization]:
    """Organization records of a processed Doc, one per body; a body named only in the byline or a
    photo credit ("Ảnh: Minh Anh/TTXVN") is the article's source, not one of its subjects, and one
    whose every mention is the tagger's and the people component read as a person (a foreign name
    after a title: "Đại sứ Nhật Bản tại Việt Nam Yamada Takio") is that person."""
    out = []
    credits = credits_and_byline(doc)
    people = {(s.start_char, s.end_char) for s in doc.spans.get(people_key, [])}
    for ent in cluster(mentions_of(doc, spans_key)):
        if all(any(a <= m.start and m.end <= b for a, b in credits) for m in ent.mentions):
            continue
        if people and all(m.tagged and (m.start, m.end) in people for m in ent.mentions):
            continue
        first = ent.mentions[0]
        out.append(
            Organization(
                start=first.start,
                end=first.end,
                text=first.surface,
                name=ent.name,
                aliases=ent.aliases,
                kind=ent.kind,  # type: ignore[arg-type]
                mentions=[SpanModel(start=m.start, end=m.end, text=m.surface) for m in ent.mentions],
            )
        )
    return out
