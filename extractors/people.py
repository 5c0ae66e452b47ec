"""People: every named person with honorific, rank, titles, organization and role in the event."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc

from vnnews.extractors import lexicon
from vnnews.extractors.common import (
    CAP,
    Intervals,
    SpanComponent,
    around,
    credits_and_byline,
    fold,
    joined_syllables,
    sections,
    sentence_bounds,
    text_of,
)
from vnnews.extractors.mention_features import word_clusters
from vnnews.extractors.organizations import FIELD_LIST, is_club_name, mentions_of
from vnnews.extractors.structure import byline_names
from vnnews.extractors.text import is_foreign_word
from vnnews.extractors.vocab import (
    COMMON_SURNAMES,
    FOREIGN_GIVEN_NAMES,
    MIDDLE_NAMES,
    NAME_PARTICLE,
    PARTICLE_NAME,
    STOP_WORDS,
    Vocabulary,
    admin_places,
    foreign_name_pair,
    is_cap,
    known_unit_prefix,
    next_words,
    reads_as_foreign_person,
    vocabulary,
)
from vnnews.schemas import Person
from vnnews.schemas import Span as SpanModel

LABEL = "PERSON"
SPANS_KEY = "people"
# a capitalized run, through a foreign name's lower-case particles ("Ursula von der Leyen",
# "Mohammed bin Salman", "Bashar al-Assad"; data/foreign_name_particles.txt)
_RUN = re.compile(rf"(?:{NAME_PARTICLE}-)?{CAP}(?:(?: {NAME_PARTICLE})* (?:{NAME_PARTICLE}-)?{CAP})*")
_ROLES = ("chair", "speaker", "attendee")  # tried in this order


@cache
def role_cues() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """(role, the verbs of that role) from data/role_cues.tsv; a delegation led by a person ("do X
    ... làm trưởng đoàn") is chaired by them."""
    forms: dict[str, list[str]] = {role: [] for role in _ROLES}
    for form, role in lexicon.rows("role_cues.tsv", (2, 2)):
        if role not in forms:
            raise lexicon.LexiconError(f"role_cues.tsv: unknown role {role!r} for {form!r}")
        forms[role].append(form)
    led = r"|\bdo\b[^.;]{0,80}\blàm trưởng đoàn\b"
    return tuple(
        (
            role,
            re.compile(
                rf"\b(?:{lexicon.alternation(forms[role], any_space=False)})\b"
                + (led if role == "chair" else ""),
                re.I,
            ),
        )
        for role in _ROLES
    )


@cache
def people_vocabulary() -> Vocabulary:
    """The shared vocabulary, with each title of several words also in lowercase after its first
    word: the press writes "Phó thủ tướng", "Phó chủ tịch UBND tỉnh" as often as the capitals."""
    v = vocabulary()
    forms = set(v.titles)
    forms |= {t[:1].lower() + t[1:] for t in v.titles if " " in t}
    forms |= {f[:1] + f[1:].lower() for f in list(forms) if " " in f}
    body = lexicon.alternation(forms)
    return replace(v, title_re=re.compile(rf"(?<![\w&])(?:{body})(?![\w&])"))


@dataclass
class Mention:
    """One mention of a person, with what its context says about them."""

    start: int
    end: int
    name: str
    honorific: str | None = None
    rank: str | None = None
    titles: list[tuple[int, int]] = field(default_factory=list)
    cue: bool = False  # introduced by an honorific, rank or title
    model: bool = False  # found by the statistical tagger, not by the rules


@dataclass
class PersonEntity:
    """A person and all their mentions."""

    name: str
    mentions: list[Mention] = field(default_factory=list)


@cache
def not_person_before() -> re.Pattern[str]:
    """Words after which a name is part of a street, prize, place, ship or body, not a person."""
    # locality levels too: "thôn Đoàn Kết", "xã Hoàng Long" are places
    forms = lexicon.words("not_person_before.txt") | lexicon.words("locality_levels.txt")
    # after a ship's word a country may stand between ("tàu sân bay Mỹ Ronald Reagan")
    vessels = lexicon.alternation(lexicon.words("vessel_words.txt"))
    countries = lexicon.alternation(lexicon.words("countries.txt"))
    return re.compile(
        rf"(?:^|[^\w])(?:{lexicon.alternation(forms)}|(?:{vessels})(?:\s+(?:{countries}))?)\s*$", re.I
    )


# "số 12 Phan Đình Phùng", "ngõ 5 Lê Lợi": a house or lane number before a street's name
_HOUSE_NUMBER = re.compile(r"(?:(?<!\w)(?P<so>số)\s+|\s)\d+[\w/-]*\s+$", re.I)


def _street_before(text: str, start: int, v: Vocabulary) -> bool:
    """Whether the name at start is a street's, known by what is written before it: a house number
    ("số 12 Phan Đình Phùng"), or a street word before a capitalized form of address that is part
    of the street's name ("phố Bà Triệu", "đường Ông Ích Khiêm")."""
    cue_start = _cue_before(text, start, v)[2]
    window = text[max(0, cue_start - 40) : cue_start]
    house = _HOUSE_NUMBER.search(window) if cue_start == start else None
    if house:
        if house.group("so") and _shirt_before().search(window, 0, house.start()):
            return False  # "tiền đạo số 9 Nguyễn Tiến A": a player's shirt number
        # not "quận 1 Đoàn Ngọc Hải": a numbered district, then its official's name
        return bool(house.group("so")) or bool(_street_word().search(window[: house.start() + 1]))
    address = v.honorifics.get(text[cue_start:start].strip().lower()) == "address"
    return cue_start < start and address and text[cue_start].isupper() and bool(_street_word().search(window))


@cache
def _shirt_before() -> re.Pattern[str]:
    """A word that makes the "số N" after it a shirt or bib number."""
    return re.compile(
        rf"(?<!\w)(?:{lexicon.alternation(lexicon.words('shirt_number_before.txt'))})\s*$", re.I
    )


@cache
def _street_word() -> re.Pattern[str]:
    """A word of not_person_before.txt written in lowercase right before; not a locality level
    ("quận 3" is a district, and "UBND quận 3 Lê Văn A" names its official)."""
    words = lexicon.words("not_person_before.txt") - lexicon.words("locality_levels.txt")
    return re.compile(rf"(?<!\w)(?:{lexicon.alternation(words)})\s+$")


_NON_SPACE_RUN = re.compile(r"\S+")
_DOMAIN_AFTER = re.compile(r"\.(?:com|vn|net|org|info)(?!\w)", re.I)
_LAST_WORDS = re.compile(r"(\S+(?: \S+){0,5}) $")
_NAME_PARTS = re.compile(r"[ -]")


def _is_surname(word: str, v: Vocabulary) -> bool:
    """A family name, or a name opening on a prefix glued by an apostrophe ("H’Hen", "K’Đức": the
    Central Highlands' female and Cơ Ho markers, listed as "H'" and "K'" in data/surnames.txt)."""
    if word in v.surnames:
        return True
    return len(word) > 2 and word[1] in "'’" and word[2:3].isupper() and word[0] + "'" in v.surnames


def _surname_split(run: str, v: Vocabulary) -> int | None:
    """Offset within a capitalized run where a personal name starts (2-4 syllables to the run's end)."""
    syllables = run.split(" ")
    offsets = [m.start() for m in _NON_SPACE_RUN.finditer(run)]
    for i, s in enumerate(syllables):
        n = len(syllables) - i
        if 2 <= n <= 4 and _is_surname(s, v):
            # "Đoàn Lê Quốc Phong": a body's last word before a three-syllable name
            if n == 4 and syllables[i + 1] in COMMON_SURNAMES and s not in COMMON_SURNAMES:
                return offsets[i + 1]
            return offsets[i]
    return None


def _skip_prefixes(text: str, start: int, end: int, v: Vocabulary) -> int:
    """Where a capitalized run's personal name may begin: after titles, ranks, bodies, honorifics and
    places, wherever they stand in the run ("Tiếp Phó Thủ tướng Lào Somphet ...")."""
    pos = start
    while True:
        nxt = _skip_prefixes_once(text, pos, end, v)
        if nxt == pos:
            return pos
        pos = nxt


def _skip_prefixes_once(text: str, start: int, end: int, v: Vocabulary) -> int:
    pos = start
    while pos < end:
        first = text[pos:end].split(" ", 1)[0]
        if first.lower() not in v.prefix_first and not any(first.startswith(a) for a in ("T.", "TP.")):
            break  # no title, rank, body, honorific or place starts with this word
        for rx in (v.title_re, v.rank_re, v.head_re, v.honorific_ci_re, v.place_re):
            m = rx.match(text, pos)
            if m and m.end() > pos:
                pos = m.end()
                while pos < end and text[pos] == " ":
                    pos += 1
                break
        else:
            break
    # "Tân Phó Bí thư ...", "Đoàn Chủ tịch": a title or body inside the run ends any name before it
    word_starts = [pos] + [i + 1 for i in range(pos, end) if text[i] == " "]
    for p in word_starts:
        if text[p:end].split(" ", 1)[0].lower() not in v.prefix_first:
            continue
        for rx in (v.title_re, v.head_re):
            m = rx.match(text, p)
            if m and (" " in m.group(0) or m.end() > end):
                pos = max(pos, m.end())
    while pos < end and text[pos] == " ":
        pos += 1
    return pos


def _title_ends_at(text: str, start: int, v: Vocabulary) -> bool:
    """Whether a position title ends right before start ("Phó Tỉnh trưởng Cheng Nhann")."""
    floor = max(_clause_start(text, start), start - 150)
    titles = _titles_before(text, start, v, floor)
    if not titles:
        return False
    a, b = titles[-1]
    if PARTICLE_NAME.match(text, start):
        return True  # "... Hội đồng An ninh Quốc gia Shahidan Bin Osman": a name by its particle
    head = v.title_re.match(
        text, a + (len(text[a:].split(" ")[0]) + 1 if _TITLE_PREFIX.match(text, a) else 0)
    )
    # "Phó Tỉnh trưởng Cheng Nhann", "Thủ tướng Campuchia Hun Sen" (not "Tiểu khu Kampong Chhnang")
    title = text[a:b]
    if bool(head and head.end() == b) or any(title.endswith(" " + c) for c in v.countries):
        return True
    # "Tổng Thư ký Liên Hiệp Quốc Kofi Annan": a title with its body, then a foreign name
    first = text[start:].split(" ", 1)[0]
    return is_foreign_word(first) and any(m.end() == b for m in v.head_re.finditer(text, a, b))


def _uncapitalize(phrase: str, v: Vocabulary) -> str | None:
    """The honorific a phrase is, as the lexicon writes it ("Ông" at a sentence start is "ông")."""
    if phrase in v.honorifics:
        return phrase
    lowered = phrase[:1].lower() + phrase[1:]
    return lowered if lowered in v.honorifics else None


def _cue_before(text: str, start: int, v: Vocabulary) -> tuple[str | None, str | None, int]:
    """Honorific and rank written right before a name, and where that prefix starts."""
    honorific = rank = None
    pos = start
    for _ in range(3):
        window = text[max(0, pos - 40) : pos]
        # a cue never reaches across a line break: "...\nÔng X" opens a paragraph with "Ông"
        window = window[window.rfind("\n") + 1 :]
        m = _LAST_WORDS.search(window)
        if not m:
            break
        found = False
        for size in range(min(6, len(m.group(1).split(" "))), 0, -1):
            words = window.rstrip().split(" ")[-size:]
            phrase = " ".join(words)
            phrase_stripped = phrase.rstrip(",")
            if rank is None and phrase_stripped in lexicon.words("rank_qualifiers.txt"):
                # "Trung tá QNCN X": the qualifier only counts when a rank stands before it
                before = window[: len(window.rstrip()) - len(phrase)].rstrip()
                if not any(before.endswith(r) for r in v.ranks):
                    continue
            elif (rank is None and phrase_stripped in v.ranks) or phrase_stripped.capitalize() in v.ranks:
                rank = v.ranks.get(phrase_stripped) or v.ranks.get(phrase_stripped.capitalize())
            elif honorific is None and (lowered := _uncapitalize(phrase_stripped, v)) is not None:
                if rank is not None and lowered in lexicon.words("relation_honorifics.txt"):
                    break  # "Phu nhân Đại tướng X": the wife of X, who is not "phu nhân"
                honorific = lowered
            else:
                continue
            pos -= len(phrase) + 1
            found = True
            break
        if not found:
            break
    return honorific, rank, pos


_TITLE_MODIFIERS = frozenset(
    ["thứ", "nhất", "hai", "ba", "dự", "khuyết", "thường", "trực", "nhiệm", "phụ", "trách"]
)


def _ends_on_run_on_word(words: list[str]) -> bool:
    """Whether a name of four words or more ends on a capitalized run-on word ("... Trương Thị Mai
    Qua", "... Nguyễn Hạnh Phúc Ngoài"): the next sentence's opening word, its period missing."""
    return len(words) >= 4 and words[-1][:1].isupper() and words[-1].lower() in _RUN_ON


# Honorifics that open the next sentence when a period is missing ("Lan Anh Cô bé ..."); not
# "Anh", a given name too.
_RUN_ON_HONORIFICS = frozenset(["Ông", "Bà", "Cô", "Chị", "Em", "Cháu", "Bác", "Chú"])
# Function words that a capitalized run picks up when a sentence runs on without a period.
_RUN_ON = frozenset(
    [
        "qua",
        "theo",
        "sau",
        "trước",
        "tại",
        "trong",
        "với",
        "để",
        "khi",
        "từ",
        "ngày",
        "sáng",
        "chiều",
        "tối",
        "hôm",
        "tuy",
        "nhưng",
        "do",
        "vì",
        "về",
        "cùng",
        "kết",
        "năm",
        "tháng",
        "ngoài",
        "riêng",
        "còn",
        "nếu",
        "dù",
    ]
)


_SENTENCE_OPENING = re.compile(r"(?:^|[.!?…:\n]\s*|[\"“(]\s*)$")


def _skip_opener(text: str, start: int, end: int, v: Vocabulary) -> int:
    """Past a function word that opens a sentence and is also a surname ("Từ Lê Văn A ...", "Vì
    Bảo Ngọc ..."): it is the name only when the rest is no name of its own, i.e. the next word is
    not a surname, not a place ("Từ Đà Nẵng, ...") and not written elsewhere without it ("Từ Thị Lan
    cho biết")."""
    words = text[start:end].split(" ")
    if len(words) < 3 or words[0].lower() not in _RUN_ON or words[0] not in v.surnames:
        return start
    if not _SENTENCE_OPENING.search(text, max(0, start - 3), start):
        return start
    rest_start = start + len(words[0]) + 1
    rest = text[rest_start:end]
    elsewhere = any(m.start() != rest_start for m in re.finditer(rf"(?<!\w){re.escape(rest)}(?!\w)", text))
    place = rest in v.places or rest in v.countries or rest in admin_places()
    return rest_start if words[1] in v.surnames or elsewhere or place else start


@cache
def _continent_re() -> re.Pattern[str]:
    """A continent's name after lower-case "châu" (data/continents.txt), then a space or the end."""
    names = lexicon.alternation(lexicon.words("continents.txt"))
    return re.compile(rf"(?<=châu )(?:{names})(?: |$)")


@cache
def _stems_and_branches() -> tuple[dict[str, int], dict[str, int]]:
    """The lunar year's stems and branches (data/dates.tsv), lower-case word -> number."""
    stems, branches = {}, {}
    for row in lexicon.rows("dates.tsv", (2, 4)):
        if row[0] in ("stem", "branch") and len(row) > 2:
            (stems if row[0] == "stem" else branches)[row[1]] = int(row[2])
    return stems, branches


def _lunar_year_name(name: str) -> bool:
    """Whether a would-be name ends on a lunar year's name, a stem and a branch of the same parity
    ("Xuân Đinh Dậu", "Tết Mậu Tuất"): "Đinh" is a surname, the year is no person."""
    words = name.lower().split(" ")
    if len(words) < 2:
        return False
    stems, branches = _stems_and_branches()
    stem, branch = stems.get(words[-2]), branches.get(words[-1])
    return stem is not None and branch is not None and (stem - branch) % 2 == 0


def _company_word_in(name: str) -> bool:
    """Whether a would-be name holds a word of companies' English names (data/company_name_words.txt)
    or ends on a word of competitions' ("Champions League"; data/competition_end_words.txt)."""
    words = name.split(" ")[1:]
    return any(w in lexicon.words("company_name_words.txt") for w in words) or (
        bool(words) and words[-1] in lexicon.words("competition_end_words.txt")
    )


def _split_name_pairs(
    text: str, model: list[tuple[int, int, str]], v: Vocabulary
) -> list[tuple[int, int, str]]:
    """The tagger's spans with two foreign names listed without a separator ("Mona Barthel Svetlana
    Kuznetsova", a scraped table of matches, tagged as one PERSON or ORGANIZATION) as two PERSON
    spans (vocab.foreign_name_pair)."""
    out = []
    for a, b, label in model:
        cut = foreign_name_pair(text[a:b], v) if label in ("PERSON", SURE_PERSON, "ORGANIZATION") else None
        if cut is None:
            out.append((a, b, label))
        else:
            out += [(a, a + cut - 1, "PERSON"), (a + cut, b, "PERSON")]
    return out


def _capital_continent(name: str) -> bool:
    """Whether a would-be name is a continent written with a capital "Châu" ("U16 Châu Á", "Cúp
    Châu Âu"): "Châu" is a surname, "Á" and "Âu" read as given names."""
    first, _, rest = name.partition(" ")
    return first == "Châu" and rest in lexicon.words("continents.txt")


def _skip_continent(text: str, start: int, end: int) -> int:
    """Past a continent that opens a capitalized run ("châu Âu Ursula von der Leyen" -> "Ursula
    ..."): after lower-case "châu" it is a place, though "Âu" and "Phi" are surnames too."""
    m = _continent_re().match(text, start, end)
    return m.end() if m else start


@cache
def _title_end_verbs() -> re.Pattern[str]:
    return re.compile(rf"(?:{lexicon.alternation(lexicon.words('title_end_verbs.txt'))})(?!\w)")


_INNER_DASH = re.compile(r" [-–] (\w+)")


_BRACKETED_ABBR = re.compile(r" \([A-ZĐ][A-ZĐ&.\-]+\)")
_CAP_RUN = re.compile(rf" {CAP}(?: {CAP}){{0,4}}")


def _with_abbreviation(text: str, end: int, limit: int | None) -> int:
    """end, or past a body's abbreviation in brackets written right after it ("Thông tấn xã Việt
    Nam (TTXVN)", "Cục Điều tra Liên bang (FBI)") when that stays within limit."""
    abbr = _BRACKETED_ABBR.match(text, end)
    return abbr.end() if abbr and (limit is None or abbr.end() <= limit) else end


def _known_unit_after(text: str, pos: int) -> int:
    """Length (counting the leading space) of the longest administrative unit the gazetteer knows
    written at pos, 2 to 4 syllables; 0 when none."""
    run = _CAP_RUN.match(text, pos)
    if not run:
        return 0
    syllables = run.group(0).split()
    k = known_unit_prefix(syllables, 4)
    return len(" " + " ".join(syllables[:k])) if k else 0


def _title_tail(text: str, pos: int, v: Vocabulary, limit: int | None) -> int:
    """End of the body part of a title: capitalized words, abbreviations, numbers, localities, name words."""
    joined = v.joined
    words = next_words(text, pos)
    end = pos
    i = 0
    while i < len(words):
        a, b, w = words[i]
        if limit is not None and b > limit:
            break
        head = v.head_re.match(text, a) if is_cap(w) else None
        if head and head.end() > b and (limit is None or head.end() <= limit):
            # "Sở Lao động – Thương binh và Xã hội": a body's name as the lexicon has it
            end = _with_abbreviation(text, head.end(), limit)
            while i < len(words) and words[i][0] < end:
                i += 1
            continue
        place = v.place_re.match(text, a)
        if place and (limit is None or place.end() <= limit):
            end = place.end()
            while i < len(words) and words[i][0] < end:
                i += 1
            continue
        level = v.level_re.match(text, a)
        if level and not text.startswith(" ủy", level.end()):
            end = level.end()
            place = v.place_re.match(text, end + 1)
            if place:
                end = place.end()
            else:
                # a district or commune the gazetteer knows, however its syllables read ("huyện
                # Thạch Hà Trần Văn A": "Hà" would open the holder's name)
                unit = _known_unit_after(text, end)
                if limit is None or end + unit <= limit:
                    end += unit
            while i < len(words) and words[i][0] < end:
                i += 1
            continue
        if (
            i
            and end == words[i - 1][1]
            and i + 1 < len(words)
            and _joins_body(text, words[i], words[i + 1], v)
        ):
            i += 1  # kept only if the next word is: a title never ends on "và" or a dash
            continue
        if is_cap(w):
            if i > 0 and v.title_re.match(text, a) and " " in v.title_re.match(text, a).group(0):
                break  # another title begins ("... Yên Bái Thứ trưởng Đỗ Đức Duy")
            if i > 0 and w in FOREIGN_GIVEN_NAMES and i + 1 < len(words) and is_cap(words[i + 1][2]):
                break  # "... Cơ quan An ninh Quốc gia Alan Brody": a foreign holder by the given name
            if i > 0 and PARTICLE_NAME.match(text, a):
                break  # a foreign name with its particle is the holder's ("... Tòa liên bang Raus bin Sharif")
            after_level = i > 0 and (words[i - 1][2] == "ủy" or v.level_re.fullmatch(words[i - 1][2]))
            # after "huyện" or "Huyện ủy", two capitalized words are a place ("huyện Châu Thành")
            if _person_at(words, i, v, min_len=3 if after_level else 2) and not v.place_re.match(text, a):
                break
            end = _with_abbreviation(text, b, limit)
            if end > b:
                i += 1
                while i < len(words) and words[i][0] < end:
                    i += 1
                continue
        elif _title_end_verbs().match(text, a):
            break  # "Giám đốc Sở Tài chính chủ trì ...": the clause's verb, not a word of the body
        elif (
            w.isdigit()
            or (w in v.inner_lower and w not in STOP_WORDS)
            or w in _TITLE_MODIFIERS
            or a in joined  # "Ban An toàn giao thông": a lowercase syllable of the same word
        ):
            end = b
        else:
            break
        i += 1
    if end == pos:
        return end
    end = _with_abbreviation(text, end, limit)
    # "Trung tâm ... kinh tế - xã hội quốc gia": a dash between two lowercase words of one compound
    dash = _INNER_DASH.match(text, end)
    if dash and not is_cap(text[end - 1 : end]) and dash.group(1) in v.inner_lower:
        if limit is None or dash.end() <= limit:
            more = _title_tail(text, dash.start(1) - 1, v, limit)
            end = max(end, more)
    # "Ủy ban Khoa học, Công nghệ và Môi trường của Quốc hội": a body that lists its fields, and the
    # body it belongs to
    fields = FIELD_LIST.match(text, end)
    if fields and (limit is None or fields.end() <= limit):
        end = _title_tail(text, fields.end(), v, limit)
    if text.startswith(" của ", end) and v.head_re.match(text, end + 5):
        owner = _title_tail(text, end + 4, v, limit)
        if owner > end + 4:
            end = owner
    return end


def _joins_body(text: str, word: tuple[int, int, str], nxt: tuple[int, int, str], v: Vocabulary) -> bool:
    """Whether a word joins two parts of one body's name: "và" before a capitalized word that opens
    no title ("Ban Phân tích và Dự báo"), a dash inside a compound ("kinh tế - xã hội")."""
    w, following = word[2], nxt[2]
    if w == "và":
        title = v.title_re.match(text, nxt[0])
        # not another person's title, rank, honorific or name ("và Đại tá X", "và Bà X")
        cue = title or v.rank_re.match(text, nxt[0]) or v.honorific_ci_re.match(text, nxt[0])
        return is_cap(following) and not cue and following not in v.surnames
    return w in ("-", "–") and following in v.inner_lower and following not in STOP_WORDS


def _person_at(words: list[tuple[int, int, str]], i: int, v: Vocabulary, min_len: int = 2) -> bool:
    """Whether a personal name starts at words[i]: a surname followed by capitalized words."""
    w = words[i][2]
    if w not in v.surnames or i + 1 >= len(words) or not is_cap(words[i + 1][2]):
        return False
    run = [x[2] for x in words[i:]]
    n = 0
    while n < len(run) and is_cap(run[n]):
        n += 1
    return min_len <= n <= 4


# a word before a title that belongs to it: a former ("nguyên", "cựu") or acting ("quyền") holder;
# not the "quyền" of "chính quyền" (an administration: "chính quyền Tổng thống Syria"). "Tân" (a new
# holder) is only skipped before a title (_TITLE_PREFIXES), not kept in it
_HOLDER_WORDS = ("nguyên", "quyền", "cựu")
_HOLDER = "|".join(w for p in _HOLDER_WORDS for w in (p, p.capitalize()))
_TITLE_PREFIX = re.compile(rf"(?:{_HOLDER}) ")
_TITLE_PREFIX_BEFORE = re.compile(rf"(?<!chính )(?<!Chính )(?<!\w)(?:{_HOLDER}) $")


def _one_tense(titles: list[str]) -> list[str]:
    """One of a post written both as held and as former or acting ("Tổng thống Mỹ", later "cựu Tổng
    thống Mỹ"): the article's first, which names the post when the reported events happened."""
    kept: list[str] = []
    bases: set[str] = set()
    for t in titles:
        base = fold(_TITLE_PREFIX.sub("", t, count=1) if _TITLE_PREFIX.match(t) else t)
        if base not in bases:
            bases.add(base)
            kept.append(t)
    return kept


def scan_title(text: str, pos: int, v: Vocabulary, limit: int | None = None) -> int | None:
    """End of a position title starting at pos ("Phó Chủ tịch UBND tỉnh"), or None."""
    prefix = _TITLE_PREFIX.match(text[pos : pos + 8])
    p = pos + (prefix.end() if prefix else 0)
    m = v.title_re.match(text, p)
    if not m or (limit is not None and m.end() > limit):
        return None
    end = _title_tail(text, m.end(), v, limit)
    # "Đại sứ Việt Nam tại Lào": a post held in a country; the place ends it ("Đại sứ Nhật Bản tại
    # Việt Nam Yamada Takio"), else its capitalized words do
    if text.startswith(" tại ", end):
        at = end + len(" tại ")
        place = v.place_re.match(text, at)
        tail = place.end() if place else None
        if tail is None:
            run = re.match(rf"{CAP}(?: {CAP}){{0,3}}", text[at:])
            words = run.group(0).split(" ") if run else []
            known = known_unit_prefix(words, len(words), least=1)
            if not known:
                # "Tổng Lãnh sự Việt Nam tại Frankfurt Nguyễn Hồng Lĩnh": a place abroad the gazetteer
                # does not know ends where a Vietnamese name opens on its surname
                known = next((k for k in range(1, len(words) - 1) if _is_surname(words[k], v)), 0)
            tail = at + len(" ".join(words[:known] if known else words)) if words else None
        if tail and (limit is None or tail <= limit):
            end = tail
    return end


def _subject_of_next_clause(text: str, start: int, end: int, v: Vocabulary) -> bool:
    """Whether a bare title after "Name, " opens the next clause as its subject ("... và Bộ trưởng Bộ
    Công an A, Thủ tướng hoan nghênh ...": the Prime Minister named before, not A's post): the title
    is a capitalized title word alone, with no body, and a verb that ends titles follows it
    (data/title_end_verbs.txt: "cho biết", "hoan nghênh", "phát biểu" ...)."""
    return (
        text[start].isupper()
        and v.title_re.fullmatch(text, start, end) is not None
        and text.startswith(" ", end)
        and _title_end_verbs().match(text, end + 1) is not None
    )


def _titles_after(text: str, end: int, v: Vocabulary, stop: int) -> list[tuple[int, int]]:
    m = re.match(r"\s*(?:–|-|,|\(|:)\s*", text[end:stop])
    if not m:
        return []
    out: list[tuple[int, int]] = []
    pos = end + m.end()
    while pos < stop:
        t_end = scan_title(text, pos, v, limit=stop)
        if t_end is None or t_end <= pos:
            break
        if not out and text[end] == "," and _subject_of_next_clause(text, pos, t_end, v):
            break
        out.append((pos, t_end))
        sep = re.match(r"(?:,|\s[–-]|,? kiêm| và)\s+", text[t_end:stop])
        if not sep:
            break
        pos = t_end + sep.end()
    return out


_PLURAL_IN_TITLE = re.compile(r"(?<!\w)các(?!\w)")


def _plural_post(text: str, start: int, v: Vocabulary) -> bool:
    """Whether the title at start is held by several people: its title word is followed by "các"
    ("Bộ trưởng các Bộ Công Thương, Y tế", "Thứ trưởng các bộ, ngành")."""
    m = v.title_re.match(text, start)
    return m is not None and re.match(r"\s+các(?!\w)", text[m.end() : m.end() + 6]) is not None


def _others_posts(text: str, after: list[tuple[int, int]], stop: int) -> bool:
    """Whether the titles written after a name are the posts of several people: three or more, one
    after the first of them plural ("Thứ trưởng các Bộ ...")."""
    return len(after) > 2 and any(_PLURAL_IN_TITLE.search(text, a, min(b + 5, stop)) for a, b in after[1:])


_KINSHIP = frozenset({"bác", "chú", "cô", "dì", "cháu", "em", "mẹ", "bố", "cha", "cụ"})
_TITLE_PREFIXES = frozenset(w for p in (*_HOLDER_WORDS, "tân") for w in (p, p.capitalize()))


def _inside_name(text: str, pos: int, floor: int) -> bool:
    """Whether pos follows a capitalized word of the same name (not a prefix like "Tân")."""
    m = re.search(r"(\w+) $", text[max(floor, pos - 30) : pos])
    return bool(m) and m.group(1)[:1].isupper() and m.group(1) not in _TITLE_PREFIXES


_WORD_START = re.compile(r"(?<!\S)\S")


def _title_matches(text: str, floor: int, end: int, v: Vocabulary):
    """Title matches in text[floor:end], tried only at words that can start a title."""
    for w in _WORD_START.finditer(text, floor, end):
        a = w.start()
        word_end = text.find(" ", a, end)
        if text[a : word_end if word_end >= 0 else end] in v.title_first:
            m = v.title_re.match(text, a, end)
            if m:
                yield m


def _titles_before(
    text: str, start: int, v: Vocabulary, floor: int, comma: bool = False
) -> list[tuple[int, int]]:
    """Titles written before a name ("Ủy viên Bộ Chính trị, Trưởng Ban Dân vận Trung ương X");
    comma: a comma may stand between the last title and the name's rank ("Quân khu 3, Thiếu tướng X")."""
    out: list[tuple[int, int]] = []
    end = start - 1
    if end <= floor or text[end] != " ":
        return out
    if comma and text[end - 1] == ",":
        end -= 1
    while end > floor:
        found = None
        for m in _title_matches(text, floor, end, v):
            s = m.start()
            if _inside_name(text, s, floor):
                continue  # "Ban Thường vụ Huyện ủy": a title word inside the name of a body
            pre = _TITLE_PREFIX_BEFORE.search(text, max(floor, s - 14), s)
            s0 = s - len(pre.group(0)) if pre else s
            t_end = scan_title(text, s0, v, limit=end)
            if t_end == end:
                found = s0
                break
        if found is None:
            break
        out.insert(0, (found, end))
        sep = re.search(r"(?:,| kiêm| và)\s*$", text[floor:found])
        if not sep:
            break
        end = floor + sep.start()
    return out


def find(
    text: str,
    v: Vocabulary,
    skip: list[tuple[int, int]] = (),
    bodies: list[tuple[int, int]] = (),
    model: list[tuple[int, int, str]] = (),
) -> list[Mention]:
    """Every mention of a named person in text; ranges in skip (the byline) are ignored, and a name
    inside the name of a body ("Trường THPT Lê Quý Đôn") is not a person. model: (start, end,
    label) of the statistical tagger's mentions: its PERSON mentions the rules missed are added
    (foreign names, a person named again by the given name), and a name it reads as a LOCATION or
    a place is not a person unless a cue (honorific, rank, title) introduces it."""
    stop_re = not_person_before()
    places = Intervals((a, b) for a, b, label in model if label == "LOCATION")
    # a place the tagger is unsure of is a place only when the gazetteer knows the name too
    maybe_places = Intervals((a, b) for a, b, label in model if label == "PLACE?")
    named_places = places_named(text, v)
    out: list[Mention] = []
    for m in _RUN.finditer(text):
        # most capitalized runs (sentence starts, names of bodies) hold no surname and follow no cue
        if not any(_is_surname(w, v) or w.lower() in v.cue_words for w in m.group(0).split(" ")) and not (
            PARTICLE_NAME.search(m.group(0))
        ):
            before = text[max(0, m.start() - 25) : m.start()].split()
            if not before or before[-1].strip(",:;–-(").lower() not in v.cue_words:
                continue
        run_start = _skip_prefixes(text, m.start(), m.end(), v)
        if run_start >= m.end() or any(a <= run_start < b for a, b in skip):
            continue
        run_start = _skip_opener(text, run_start, m.end(), v)
        run_start = _skip_continent(text, run_start, m.end())
        if run_start >= m.end():
            continue
        run = text[run_start : m.end()]
        honorific, rank, _ = _cue_before(text, run_start, v)
        offset = _surname_split(run, v)
        if offset is None and reads_as_foreign_person(run, v):
            offset = 0  # "Lauren Davis": a foreign name by its given name
        if offset is None and not (honorific or rank or _title_ends_at(text, run_start, v)):
            continue
        start = run_start + (offset or 0)
        if offset is None or honorific or rank:
            # a cue introduces the run: the whole run is the name ("ông Cường", "Samdech Hun Sen")
            start = run_start
        name = text[start : m.end()]
        # a run that runs on into a title ("Nguyễn Văn A Phó Chủ tịch")
        cut = v.title_re.search(name)
        if cut and cut.start() > 0 and " " in cut.group(0):
            name = name[: cut.start()].rstrip()
        if _DOMAIN_AFTER.match(text, start + len(name)) and " " in name:
            name = name[: name.rfind(" ")]  # "Lê Văn A Dantri.com.vn": a credit's source site
        # "Huỳnh Văn A-Trưởng phòng ...": a title glued to the name by a hyphen
        for hyphen in [k for k, ch in enumerate(name) if ch == "-"]:
            after = v.title_re.match(text, start + hyphen + 1)
            if after and " " in after.group(0):
                name = name[:hyphen]
                break
        syllables = name.split(" ")
        if _ends_on_run_on_word(syllables):
            name = name[: name.rfind(" ")]  # "... Trương Thị Mai Qua 3 năm": a missing period
        elif len(syllables) >= 3 and syllables[-1] in _RUN_ON_HONORIFICS:
            name = name[: name.rfind(" ")]  # "... Nguyễn Thị Lan Anh Cô bé ...": the same
        if not name or name in v.places or name in v.countries or name in v.heads or _capital_continent(name):
            continue
        if (_company_word_in(name) or _lunar_year_name(name)) and not (honorific or rank):
            continue  # "Danny Group", "Petro Vietnam": a company's name; "Xuân Đinh Dậu": a year
        if len(name.split(" ")) > 5 or any(
            len(x) > 1 and x.isupper() and not _is_surname(x, v) for x in _NAME_PARTS.split(name)
        ):
            continue  # all-capital words are abbreviations or bylines, not names in running text
        if " " not in name and not (honorific or rank):
            continue
        if start != run_start:
            honorific, rank, _ = _cue_before(text, start, v)
        if _street_before(text, start, v):
            continue
        if not (honorific or rank) and _listed_after(text, start, stop_re, v):
            continue  # "phố Dã Tượng và Nguyễn Gia Thiều": the next street of a list
        if stop_re.search(text[max(0, start - 40) : start]) and not (honorific or rank):
            floor = max(_clause_start(text, start), start - 150)
            titles = _titles_before(text, start, v, floor)
            # "Chủ tịch UBND tỉnh Nguyễn Văn A" is a person; "đường Nguyễn Du" is not, and neither is
            # "Bí thư Thành ủy Thành phố Hồ Chí Minh", whose title runs on through the run
            if not titles or (scan_title(text, titles[-1][0], v) or 0) > start:
                continue
        end = start + len(name)
        if not (honorific or rank) and any(a < start and end <= b for a, b in bodies):
            continue
        tagged_place = places.contains(start, end) or (
            maybe_places.contains(start, end) and text[start:end] in admin_places()
        )
        if _written_as_place(text, start, end, bool(honorific or rank), named_places, v):
            continue
        if not (honorific or rank) and (
            tagged_place or _in_place_list(text, start, end, v) or _in_level_list(text, start)
        ):
            if not _title_ends_at(text, start, v):
                # "về thăm Hoàng Mai" (the tagger reads a place), "các huyện Can Lộc, Đức Thọ" (a
                # district named like a person, in a list of places)
                continue
        out.append(Mention(start, end, name, honorific, rank, cue=bool(honorific or rank)))
    out = _with_model_people(text, v, out, model, skip, bodies, named_places)
    _trim_run_on_words(text, out)
    out = _with_back_references(text, v, out, skip, bodies)
    # titles need the neighbours: a title after a name ends where the next mention starts
    for i, mention in enumerate(out):
        nxt = out[i + 1].start if i + 1 < len(out) else len(text)
        clause_end = _clause_end(text, mention.end, nxt, v)
        # a title the previous person took after their name is not this one's too ("A, Giám đốc Sở
        # Y tế và Phó Giám đốc Sở Tài chính B")
        prev_end = max([out[i - 1].end, *(b for _, b in out[i - 1].titles)]) if i else 0
        floor = max(prev_end, _clause_start(text, mention.start))
        cue_start = _cue_before(text, mention.start, v)[2]
        # "Phó Tư lệnh Quân khu 2, Trung tướng X": the title, a comma, then the rank
        before = _titles_before(text, cue_start, v, floor, comma=mention.rank is not None)
        after = _titles_after(text, mention.end, v, clause_end)
        if after and i + 1 < len(out):
            # "A, nguyên Chủ tịch nước B": a title right before the next name is that person's
            next_cue = _cue_before(text, out[i + 1].start, v)[2]
            # and so are the titles stacked before it ("A, Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ B");
            # a foreign name may be the body's ("Chỉ huy trưởng Tiểu khu Kampong Chhnang")
            nxt_name = out[i + 1].name.split(" ")[0]
            gap = text[after[-1][1] : next_cue]
            if after[-1][1] < next_cue and not gap.strip():
                if nxt_name in v.surnames or _title_ends_at(text, next_cue, v):
                    after = []
        if after and _plural_post(text, after[0][0], v):
            # "các Phó Thủ tướng A, B, C, Bộ trưởng các Bộ ...": a post held by several is no one's own
            after = []
        if _others_posts(text, after, clause_end):
            # "A - Tổng Thanh tra Chính phủ, Phó Chánh án ..., Thứ trưởng các Bộ ...": a plural title
            # shows the list goes on to the posts of others in a delegation; A holds the first, but
            # one named after a title ("Tổng Thanh tra Chính phủ A, Phó Chánh án ...") none of them
            after = [] if before else after[:1]
        before = _through_bodies(before, bodies, cue_start)
        after = _through_bodies(after, bodies, clause_end)
        # "do đồng chí X – Ủy viên Bộ Chính trị làm Trưởng đoàn": the post held in this delegation
        lead = _LEADS.match(text, after[-1][1] if after else mention.end)
        if lead:
            after = [*after, lead.span(1)]
        mention.titles = before + after
        mention.cue = mention.cue or bool(mention.titles)
    _share_list_titles(text, out, v)
    _share_plural_honorific(text, out, v)
    return [m for m in out if (m.cue or len(m.name.split(" ")) >= 2) and not is_club_name(m.name)]


def _with_stage_names(
    text: str, v: Vocabulary, found: list[Mention], model: list[tuple[int, int, str]]
) -> None:
    """A Vietnamese name the rules found that the tagger reads as the end of a longer name opening
    on one foreign word ("Soobin Hoàng Sơn", "David Nguyễn Vũ"): an artist's stage name or a
    Western given name before a Vietnamese one; the mention starts at that word."""
    by_end = {end: start for start, end, label in model if label in ("PERSON", SURE_PERSON)}
    for m in found:
        start = by_end.get(m.end)
        if start is None or start >= m.start or m.honorific or m.rank:
            continue
        extra = text[start : m.start].strip()
        if (
            " " in extra
            or not extra[:1].isupper()
            or not is_foreign_word(extra)
            or extra in v.countries
            or extra in v.places
            or extra.lower() in v.cue_words
            or v.head_re.fullmatch(extra)
            or v.title_re.fullmatch(extra)
        ):
            continue
        m.start, m.name = start, text[start : m.end]


def _through_bodies(
    titles: list[tuple[int, int]], bodies: list[tuple[int, int]], limit: int
) -> list[tuple[int, int]]:
    """Titles that end inside the name of a body the organizations component found, run on to that
    name's end ("Hiệu trưởng Trường THCS" + "Lê Quý Đôn"): the title grammar stops at words that read
    as a person's name, but a school, hospital or company may be named after one."""
    out = []
    for a, b in titles:
        for x, y in bodies:
            if a <= x < b < y <= limit:
                b = y
        out.append((a, b))
    return out


def _with_model_people(
    text: str,
    v: Vocabulary,
    found: list[Mention],
    model: list[tuple[int, int, str]],
    skip: list[tuple[int, int]],
    bodies: list[tuple[int, int]],
    named_places: frozenset[str] = frozenset(),
) -> list[Mention]:
    """found plus the tagger's PERSON mentions that no rule mention overlaps, in text order; each
    takes the honorific or rank written before it, and its titles are read like the others'."""
    model = _split_name_pairs(text, model, v)
    _with_stage_names(text, v, found, model)
    # a body's alias in brackets after its name ("Công ty ... (Fahasa)") names the body wherever it recurs
    body_names = {text[a:b] for a, b in bodies if text[a - 1 : a] == "(" and text[b : b + 1] == ")"}
    _trim_to_model_names(text, v, found, model)
    _extend_to_model_names(text, v, found, model)
    taken = Intervals((m.start, m.end) for m in found)
    stop_re = not_person_before()
    added = []
    sure: set[int] = set()
    for start, end, label in model:
        # a title or body the tagger let in before the name ("Liên Hiệp Quốc Antonio Guterres")
        start = _skip_titles_and_bodies(text, start, end, v) if label in ("PERSON", SURE_PERSON) else start
        name = text[start:end]
        if _DOMAIN_AFTER.match(text, end) and " " in name:
            end = start + name.rfind(" ")  # "Xiao Pei Baodatviet.vn": a credit's source site
            name = text[start:end]
        if (
            len(name) < 2  # "T" of "T rung ương": a letter is no name
            or label not in ("PERSON", SURE_PERSON)
            or taken.overlaps(start, end)
            or not _looks_like_a_name(name)
        ):
            continue
        if any(a <= start < b for a, b in skip) or any(a <= start and end <= b for a, b in bodies):
            continue  # the byline, a photo credit, or a name inside a body's name
        if name in v.places or name in v.countries or name in v.heads or name.lower() in v.cue_words:
            continue
        if _capital_continent(name) or name in body_names or _company_word_in(name) or _lunar_year_name(name):
            continue  # ... or a body's name or alias the article writes ("Công ty ... (Fahasa)")
        honorific, rank, _ = _cue_before(text, start, v)
        if _street_before(text, start, v):
            continue
        if not (honorific or rank) and stop_re.search(text[max(0, start - 40) : start]):
            continue  # "tỉnh Kampong Chhnang", "đường Nguyễn Thị Minh Khai": a place or a street
        if not (honorific or rank) and (
            _in_place_list(text, start, end, v)
            or _listed_after(text, start, stop_re, v)
            or _in_level_list(text, start)
        ):
            continue
        if _written_as_place(text, start, end, bool(honorific or rank), named_places, v):
            continue
        if not (honorific or rank) and _body_after_title(text, start, end, v):
            continue
        added.append(Mention(start, end, name, honorific, rank, cue=True, model=True))
        if label == SURE_PERSON and is_foreign_word(name):
            sure.add(start)
    # one word without a cue ("Hồ", "Kandal") is a person as the short form of a full name, or when
    # the article names them so more than once ("Messi ... Messi"), or a foreign word the tagger is
    # sure of (a line-up: "Ramos, Casemiro và Kroos")
    full = [m.name for m in (*found, *added) if " " in m.name]
    times = Counter(m.name for m in added)
    added = [
        m
        for m in added
        if " " in m.name
        or m.honorific
        or m.rank
        or times[m.name] > 1
        or m.start in sure
        or any(n.endswith(" " + m.name) for n in full)
    ]
    return sorted(found + added, key=lambda m: m.start) if added else found


def _trim_to_model_names(
    text: str, v: Vocabulary, found: list[Mention], model: list[tuple[int, int, str]]
) -> None:
    """A foreign name the rules ran back into the body or place before it ("Chủ tịch Facebook Mark
    Zuckerberg" giving "Facebook Mark Zuckerberg") starts where the tagger's PERSON span starts,
    when the tagger reads the words before as a body or place, or reads nothing there, a title
    ends before them and its own name has two words or more; a name with an honorific or rank
    before it, or opening on a Vietnamese surname, keeps the rules' start."""
    people = {(a, b) for a, b, label in model if label in ("PERSON", SURE_PERSON)}
    tagged_names = {text[a:b] for a, b in people}
    for m in found:
        if m.honorific or m.rank or m.name.split(" ")[0] in v.surnames or m.name in tagged_names:
            continue  # ... or the tagger reads the whole run as a name elsewhere in the article
        inner = next((a for a, b in people if m.start < a and b == m.end), None)
        if inner is None or not is_foreign_word(text[inner : m.end].split(" ")[-1]):
            continue
        before = [label for a, b, label in model if a < inner and b > m.start]
        if (before and all(label in ("ORGANIZATION", "LOCATION") for label in before)) or (
            not before and " " in text[inner : m.end] and _title_ends_at(text, m.start, v)
        ):
            m.start = inner
            m.name = text[inner : m.end]


def _extend_to_model_names(
    text: str, v: Vocabulary, found: list[Mention], model: list[tuple[int, int, str]]
) -> None:
    """A name whose first word is no surname ("An Dương Vương", where the rules start at the
    surname "Dương") starts where the tagger's PERSON span does, when that span ends with the
    rules' name, adds at most two capitalized words before it, none of them a place, country or
    body's head, and no title, body, place, rank or honorific starts there; a name after an
    honorific or rank keeps its start."""
    people = [(a, b) for a, b, label in model if label in ("PERSON", SURE_PERSON)]
    for m in found:
        if m.honorific or m.rank:
            continue
        outer = next((a for a, b in people if a < m.start and b == m.end), None)
        if outer is None:
            continue
        extra = text[outer : m.start].rstrip(" ")
        words = extra.split(" ")
        if len(words) > 1 and words[0].lower() in _RUN_ON:  # "Khi ...": a sentence's opening word
            outer += len(words[0]) + 1
            words = words[1:]
        if (
            text[m.start - 1 : m.start] != " "
            or len(words) > 2
            or len(m.name.split(" ")) + len(words) > 5
            or not all(w[:1].isupper() and w.isalpha() for w in words)
            or (len(m.name.split(" ")) >= 3 and m.name.split(" ")[0] in v.surnames)  # a full name
            or any(is_foreign_word(w) for w in words)  # "Philippe Rousselot Phương Linh": two names
            or _in_place_list(text, outer, m.end, v)
            or _in_level_list(text, outer)
            or any(w in v.places or w in v.countries or w in v.heads for w in words)
            or any(
                rx.match(text, outer)
                for rx in (v.title_re, v.head_re, v.place_re, v.rank_re, v.honorific_ci_re)
            )
        ):
            continue
        m.start = outer
        m.name = text[outer : m.end]


def _trim_run_on_words(text: str, mentions: list[Mention]) -> None:
    """A name that is another mention's name plus one word ("Lan Anh Trao", "Nguyễn Thị Lan Anh
    Trước" beside "Lan Anh", "Nguyễn Thị Lan Anh") took the next sentence's first word for want of
    a period: it ends before that word, when the article writes that word in lowercase too and no
    mention ends with it ("Thơm" of "Nguyễn Anh Thơm" beside "LS Thơm" is a name). A name of four
    words or more that ends on a capitalized run-on word ("Ngoài", "Trong", "Năm" ...) ends before
    it in any case, as the rules' own names do."""
    names = {m.name for m in mentions}
    last_words = {m.name.rsplit(" ", 1)[-1] for m in mentions if m.name.count(" ") < 2}
    for m in mentions:
        words = m.name.split(" ")
        if _ends_on_run_on_word(words):  # "Nguyễn Hạnh Phúc Ngoài Bộ trưởng ...", the tagger's too
            m.name = " ".join(words[:-1])
            m.end = m.start + len(m.name)
            continue
        shorter = " ".join(words[:-1])
        known = shorter in names or any(n.endswith(" " + shorter) for n in names)
        if len(words) < 3 or not known or words[-1] in last_words:
            continue
        if re.search(rf"(?<!\w){re.escape(words[-1].lower())}(?!\w)", text):
            m.name = shorter
            m.end = m.start + len(shorter)


def _skip_titles_and_bodies(text: str, start: int, end: int, v: Vocabulary) -> int:
    """Past the titles, bodies, ranks and honorifics that open a span ("Tổng Thư ký Liên Hiệp Quốc
    Antonio Guterres") or a country before a foreign name ("Đức Hitler"), never past a place's name
    that may open a Vietnamese name ("Đức Hiệp")."""
    pos = start
    while True:
        m = next(
            (x for rx in (v.title_re, v.head_re, v.rank_re, v.honorific_ci_re) if (x := rx.match(text, pos))),
            None,
        )
        word = text[pos:end].split(" ", 1)[0]
        if m is None and word in _TITLE_PREFIXES:
            m = v.title_re.match(text, pos + len(word) + 1)  # "Tân Phó Bí thư": the new holder's title
            if m and m.end() >= end:
                return end  # the span is the title itself ("Tân Phó" of "Tân Phó Bí thư")
        place = None if m else v.place_re.match(text, pos)
        if place and text[place.end() : place.end() + 1] == "-":
            return end  # "Việt Nam-Lào": two countries
        if place and place.end() < end and text[place.end() : place.end() + 1] == " ":
            nxt = text[place.end() + 1 : end].split(" ")[0]
            # "Đức Hitler": a country before a foreign name; but "Đức Hiệp" is a name
            if " " in place.group(0) or is_foreign_word(nxt):
                m = place
        if not m or m.end() >= end or text[m.end() : m.end() + 1] != " ":
            return pos
        pos = m.end() + 1


def _is_word_char(c: str) -> bool:
    return c.isalnum() or c == "_"


def _whole_words(text: str, forms: list[str]) -> list[tuple[int, int]]:
    """(start, end) of each whole-word occurrence of the forms, left to right, the longest at a
    position, none overlapping: what a regex alternation of them would find, without compiling one
    per article (a name's forms differ from article to article, beyond the regex cache)."""
    hits = []
    for form in forms:
        i = text.find(form)
        while i >= 0:
            j = i + len(form)
            before = text[i - 1] if i else " "
            after = text[j] if j < len(text) else " "
            if not (_is_word_char(before) or before in "&.-") and not (_is_word_char(after) or after in "&-"):
                hits.append((i, j))
            i = text.find(form, i + 1)
    out: list[tuple[int, int]] = []
    for a, b in sorted(hits, key=lambda h: (h[0], -h[1])):
        if not out or a >= out[-1][1]:
            out.append((a, b))
    return out


def _with_back_references(
    text: str, v: Vocabulary, found: list[Mention], skip: list[tuple[int, int]], bodies: list[tuple[int, int]]
) -> list[Mention]:
    """found plus the bare short forms of the full names found ("Thanh" or "Thị Thanh" after "Lã Thị
    Thanh", "Trump" after "Donald Trump"), each a whole word that no capitalized word touches, when
    exactly one full name ends with it and it is no place, country, body head, title or honorific."""
    owners: dict[str, set[str]] = {}
    for m in found:
        words = m.name.split(" ")
        if len(words) < 2:
            continue
        for k in (1, 2) if len(words) >= 3 else (1,):
            owners.setdefault(" ".join(words[-k:]), set()).add(m.name)
    forms = [
        f
        for f, names in owners.items()
        if len(names) == 1
        and not any(rx.fullmatch(f) for rx in (v.title_re, v.honorific_ci_re, v.rank_re))
        and _looks_like_a_name(f)
    ]
    # a short form that is also a place, a country or a body's head word ("Nga" of "Tô Thị Nga",
    # "Trường" of "Lê Minh Trường") is that person only where the context says so
    ambiguous = {f for f in forms if f in v.places or f in v.countries or f in v.heads}
    # a head word that opens no body named in the article, written inside a sentence between
    # lower-case words ("Bình kêu Trường ra ngoài"), is no body: bodies are named in full first
    free_heads = {
        f
        for f in ambiguous
        if f in v.heads
        and f not in v.places
        and f not in v.countries
        and not any(text.startswith(f + " ", a) for a, _ in bodies)
    }
    if not forms:
        return found
    taken = Intervals((m.start, m.end) for m in found)
    added = []
    for a, b in _whole_words(text, forms):
        if taken.overlaps(a, b) or (b + 1 in v.joined and _known_word_from(text, a, b)):
            continue  # part of a longer word ("Thanh niên") or of a mention found already
        honorific, rank, _ = _cue_before(text, a, v)
        prev = _PREVIOUS_WORD.search(text, max(0, a - 40), a)
        if (
            prev
            and prev.group(1)[:1].isupper()
            and prev.group(1)[-1] not in '.!?:…"”)'
            and not (honorific or rank)
        ):
            continue  # after a capitalized word inside a sentence: another name ("Hà Thanh")
        if text[b : b + 1] == " " and text[b + 1 : b + 2].isupper():
            continue  # before a capitalized word ("Thanh Hóa")
        if any(x <= a < y for x, y in skip) or any(x <= a and b <= y for x, y in bodies):
            continue
        if _street_before(text, a, v):
            continue
        if text[a:b] in ambiguous and not (honorific or rank):
            if text[a:b] not in free_heads or not _between_lower_words(text, a, b):
                continue  # "Nga" alone may be the country: "chị Nga" is the person
        added.append(Mention(a, b, text[a:b], honorific, rank, cue=True))
    return sorted(found + added, key=lambda m: m.start) if added else found


def _known_word_from(text: str, start: int, end: int) -> bool:
    """Whether the word text[start:end] and the syllable after it make a word of the language
    ("Thanh niên"), rather than a name the segmenter ran on into its verb ("Bình kêu"): known
    words are those of the word-cluster table (data/word_clusters.tsv, words of 3+ articles)."""
    nxt = text[end + 1 : end + 12].split(" ")[0]
    return f"{text[start:end]} {nxt}".lower() in word_clusters()[1]


def _between_lower_words(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] stands inside a sentence between two lower-case words."""
    before = text[max(0, start - 30) : start]
    after = text[end : end + 30]
    if not before.endswith(" ") or not after.startswith(" "):
        return False
    prev = before.split()[-1] if before.split() else ""
    nxt = after.split()[0] if after.split() else ""
    return prev.isalpha() and prev.islower() and nxt.isalpha() and nxt.islower()


_PREVIOUS_WORD = re.compile(r"(\S+) $")


# the level words that never end another word ("nông thôn", "Nhật Bản") or a title
_PLACE_LEVEL = re.compile(
    rf"(?<![\w.])(?:[Tt]ỉnh|[Tt]hành phố|TP\.?|[Hh]uyện|[Qq]uận|[Tt]hị xã|[Tt]hị trấn|[Xx]ã|[Pp]hường|[Bb]ang)"
    rf" ({CAP}(?: {CAP}){{0,3}})"
)


def places_named(text: str, v: Vocabulary) -> frozenset[str]:
    """Names the text writes after a level word ("huyện Ứng Hòa", "xã Đường Lâm", "bang Texas"):
    in one article a name keeps one sense, so they are places where they recur without it. A full
    personal name after a body's level ("Phó Chủ tịch UBND tỉnh Dương Tất Thắng") is not one."""
    out = set()
    for m in _PLACE_LEVEL.finditer(text):
        name = m.group(1)
        words = name.split(" ")
        if len(words) >= 3 and words[0] in v.surnames:
            continue
        if _title_ends_at(text, m.start(1), v):
            continue
        out.add(name)
    return frozenset(out)


_DASH = re.compile(r"\s*[-–]\s*")


def _written_as_place(
    text: str, start: int, end: int, cued: bool, named_places: frozenset[str], v: Vocabulary
) -> bool:
    """Whether a would-be person is a place: a name the article also writes after a level word
    ("Ứng Hòa đang tập trung ..." after "huyện Ứng Hòa"), a known district in brackets after a
    place ("xã Đường Lâm (Sơn Tây)"), a club named by a word and a province ("Phong Phú Hà Nam";
    "Nguyễn Thái Bình" opens with a common surname), all unless a cue introduces it; or a place
    whose first word reads as an honorific ("Bà Rịa")."""
    name = text[start:end]
    if cued:
        cue_start = _cue_before(text, start, v)[2]
        whole = _DASH.sub(" - ", text[cue_start:end])  # "Bà Rịa-Vũng Tàu" as the lists write it
        return cue_start < start and (whole in admin_places() or whole in v.places)
    if _title_ends_at(text, start, v):
        return False
    if name in named_places:
        return True
    words = name.split(" ")
    if len(words) >= 3 and " ".join(words[1:]) in v.countries and words[0] in v.surnames:
        # "Đoàn Việt Nam": a delegation of a country of several syllables, not a person ("Vũ Đức",
        # "Văn Ý" are names: a one-syllable country is a given name too)
        return True
    if len(words) >= 3 and words[0] not in COMMON_SURNAMES:
        # "Phong Phú Hà Nam", "Than Quảng Ninh": a club named by a word and a province (only a
        # province: given names are often a district's, "Đàm Vĩnh Hưng")
        if " ".join(words[-2:]) in v.places:
            return True
    if name in admin_places() and words[0] not in v.surnames and words[0] not in MIDDLE_NAMES:
        # "Mường Nhé", "Thất Sơn": a district's name, and neither a surname nor a middle name opens
        # it (a player is named by his last two names: "Thanh Bình", "Xuân Trường")
        return True
    if text[start - 1 : start] == "(" and text[end : end + 1] == ")" and name in admin_places():
        return True
    # "làm việc ở Bắc Từ Liêm": the capitalized word before completes a district's name
    before = re.search(rf"(?<!\S){CAP}[ ]$", text[max(0, start - 12) : start])
    return before is not None and before.group(0) + name in admin_places()


def _body_after_title(text: str, start: int, end: int, v: Vocabulary) -> bool:
    """Whether a tagged name opens on the head of a body that needs a name, right after a title
    ("Trưởng Khoa Luật"): the title's body, not a person."""
    head = v.head_re.match(text, start, end)
    if not head or head.end() >= end or text[head.end()] != " ":
        return False
    known = v.heads.get(head.group(0))
    if known is None or not known.needs_name:
        return False
    before = text[max(0, start - 40) : start]
    return any(before.endswith(t + " ") for t in v.titles)


_LIST_NEIGHBOUR_BEFORE = re.compile(rf"({CAP}(?: {CAP}){{0,3}})(?:,| và) $")
_LIST_NEIGHBOUR_AFTER = re.compile(rf"^(?:,| và) ({CAP}(?: {CAP}){{0,3}})")


def _listed_after(text: str, start: int, stop_re: re.Pattern[str], v: Vocabulary) -> bool:
    """Whether a name continues a list whose first item follows a street, place or prize word
    ("phố Dã Tượng và Nguyễn Gia Thiều", "đường Lê Lợi, Trần Phú"): it is one more of those; but
    not after a person's full name ("Phó Chủ tịch UBND tỉnh Tô Hoài Nam và Hà Thị Vân")."""
    before = _LIST_NEIGHBOUR_BEFORE.search(text, max(0, start - 60), start)
    if not before:
        return False
    words = before.group(1).split(" ")
    if len(words) >= 3 and words[0] in v.surnames:
        return False
    return bool(stop_re.search(text, max(0, before.start(1) - 40), before.start(1)))


@cache
def _level_list_intro() -> re.Pattern[str]:
    """A count or plural of a locality level, then up to a colon in the same sentence ("12 xã đạt
    chuẩn nông thôn mới, gồm:", "tại 6 xã:", "các phường:")."""
    levels = lexicon.alternation(lexicon.words("locality_levels.txt"))
    return re.compile(
        rf"(?<!\w)(?:\d+|các|những|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười) (?:{levels})(?!\w)[^.;:!?\n]{{0,80}}:\s*$",
        re.I,
    )


# the items of a list before a name: capitalized names, each maybe with its place in brackets
_LIST_ITEMS = re.compile(rf"(?:{CAP}(?: {CAP}){{0,4}}(?: \([^()\n]{{1,60}}\))?(?:, | và |; ))*")


def _in_level_list(text: str, start: int) -> bool:
    """Whether a name is an item of a list that a count of localities announces ("9 xã đạt chuẩn
    nông thôn mới, gồm: Cao Viên, Bích Hòa, Thanh Văn", "tại 4 xã: Hồng Phong (huyện Ninh Giang),
    Tân Quang ..."): the communes' names, however much they read like people's."""
    colon = text.rfind(":", max(0, start - 400), start)
    if colon < 0:
        return False
    items = _LIST_ITEMS.fullmatch(text, colon + 1, start) or _LIST_ITEMS.fullmatch(text, colon + 2, start)
    if not items:
        return False
    return bool(_level_list_intro().search(text, max(0, colon - 120), colon + 1))


def _in_place_list(text: str, start: int, end: int, v: Vocabulary) -> bool:
    """Whether a name known as a district or province stands in a list next to another place
    ("Can Lộc, Đức Thọ và Hương Sơn"): then it is that place, not a person."""
    places = admin_places()
    if text[start:end] not in places:
        return False
    before = _LIST_NEIGHBOUR_BEFORE.search(text, max(0, start - 60), start)
    after = _LIST_NEIGHBOUR_AFTER.match(text[end : end + 60])
    neighbours = [m.group(1) for m in (before, after) if m]
    return any(n in places or n in v.places or n in v.countries for n in neighbours)


# the tagger's confidence above which its LOCATION vetoes a person on its own; below it, the
# gazetteer must know the name as a place too ("về thăm Hoàng Mai")
PLACE_CONFIDENCE = 0.8
# the confidence above which a PERSON of one foreign word is a person without a cue ("Pogba"):
# the lowest marginal of its tags; on the 240 articles of train/ 0.5 found the most players and
# leaders named once by surname (people F1 0.743 at 0.9, 0.750 at 0.7, 0.776 at 0.5), at no cost on
# dev; a Vietnamese syllable alone still needs a cue, a repeat or a full name it ends
PERSON_CONFIDENCE = 0.5
SURE_PERSON = "PERSON!"  # the label such a mention is passed under
_NAME_WORD = re.compile(r"[^\W\d_][^\W\d_'’.]*(?:-[^\W\d_]+)*")


@cache
def _name_particles() -> frozenset[str]:
    """Lower-case particles of foreign names ("al", "bin", "von", "da"): data/foreign_name_particles.txt."""
    return frozenset(lexicon.words("foreign_name_particles.txt"))


def _name_word(word: str, inside: bool) -> bool:
    """A capitalized word of a name; inside a name (neither first nor last) also a lower-case
    particle ("Ursula von der Leyen"), and anywhere a particle hyphened to a capitalized word
    ("Bashar al-Assad")."""
    if not _NAME_WORD.fullmatch(word) or (len(word) > 1 and word.isupper()):
        return False
    if word[:1].isupper():
        return True
    particle, hyphen, rest = word.partition("-")
    if particle in _name_particles():
        return rest[:1].isupper() if hyphen else inside
    return False


def _looks_like_a_name(name: str) -> bool:
    """Capitalized words of letters ("Hugo Lloris", "Kim Jong-un", "Xổm-phết", "Bashar al-Assad"),
    none an abbreviation in capitals ("LLVT Hà Tĩnh") and none lowercase ("Đỗ Kim hội đồng") but
    a foreign name's particle."""
    words = name.split(" ")
    last = len(words) - 1
    return words[0][:1].isupper() and all(_name_word(w, 0 < i < last) for i, w in enumerate(words))


_LEADS = re.compile(r",?\s+làm\s+((?:Phó\s+)?[Tt]rưởng\s+(?:đoàn|Đoàn|ban|Ban)|[Cc]hủ nhiệm)(?!\w)")
_LIST_SEP = re.compile(r"\s*(?:,|và|,\s*và)\s*")
_PLURAL_CUE = re.compile(r"(?:các|hai|ba|bốn)\s+(?P<h>đồng chí|ông|bà|anh|chị)\s*:?\s*$", re.I)


def _share_list_titles(text: str, mentions: list[Mention], v: Vocabulary) -> None:
    """A title shared by a list of names belongs to each ("các Phó Chủ tịch: A, B và C",
    "các đồng chí: A, B – Phó Chủ tịch UBND tỉnh")."""
    groups: list[list[Mention]] = []
    for m in mentions:
        if groups:
            prev = groups[-1][-1]
            cue_start = _cue_before(text, m.start, v)[2]
            if _LIST_SEP.fullmatch(text, prev.end, cue_start) and not any(
                a > prev.end for a, _ in prev.titles
            ):
                groups[-1].append(m)
                continue
        groups.append([m])
    for group in groups:
        if len(group) < 2:
            continue
        first_cue = _cue_before(text, group[0].start, v)[2]
        head = text[max(0, first_cue - 80) : first_cue]
        # before the first name's own cue: "các đồng chí: Đại tá A, Đại tá B – Phó Giám đốc ..."
        plural = _PLURAL_CUE.search(text[max(0, group[0].start - 80) : group[0].start]) or _PLURAL_CUE.search(
            text[max(0, first_cue - 80) : first_cue]
        )
        if plural:
            honorific = _uncapitalize(plural.group("h"), v)
            for m in group:  # "các đồng chí A, B và C": each is "đồng chí"
                m.honorific = m.honorific or honorific
        shared = re.search(
            r"(?:các|hai|ba|bốn|năm)\s+(?:(?:đồng chí|ông|bà)\s+)?(?P<t>\S.*?)\s*:?\s*$", head, re.I
        )
        if shared and not group[0].titles:
            t_start = first_cue - len(head) + shared.start("t")
            t_end = scan_title(text, t_start, v, limit=first_cue)
            if t_end is not None and text[t_end:first_cue].strip(" :") == "":
                for m in group:
                    m.titles = m.titles or [(t_start, t_end)]
                    m.cue = True
                continue
        first = group[0]
        if (
            first.titles
            and first.titles[-1][1] < first.start
            and re.search(r"(?:các|hai|ba)\s+$", text[: first.titles[0][0]], re.I)
        ):
            for m in group[1:]:
                m.titles = m.titles or [first.titles[-1]]  # "các Phó Chủ tịch UBND tỉnh A và B"
                m.cue = True
            continue
        last = group[-1]
        if last.titles and plural and last.titles[0][0] > last.end:
            for m in group[:-1]:
                m.titles = m.titles or list(last.titles)
                m.cue = True


# "các đồng chí: A, B", "Các đồng chí Phó Chủ tịch UBND tỉnh: A, B": a plural form of address, maybe
# with the title the list shares, opens a list of names
_PLURAL_LIST = re.compile(
    r"(?:các|hai|ba|bốn|năm)\s+(?P<h>đồng chí|ông|bà|anh|chị)(?:\s+[^:;.!?\n]{1,80}?)?\s*:\s*$", re.I
)
_LIST_GAP = re.compile(r"[\s,;–-]*(?:và\s+)?")


def _share_plural_honorific(text: str, mentions: list[Mention], v: Vocabulary) -> None:
    """Each name of a list that a plural form of address opens takes that honorific, also when the
    names carry their own titles ("các đồng chí: A, Phó Bí thư Tỉnh ủy; B, Chủ tịch HĐND tỉnh")."""
    honorific = None
    for i, m in enumerate(mentions):
        cue_start = _cue_before(text, m.start, v)[2]
        if i and honorific is not None:
            prev = mentions[i - 1]
            gap = [text[k] for k in range(prev.end, cue_start) if not any(a <= k < b for a, b in prev.titles)]
            if not _LIST_GAP.fullmatch("".join(gap)):
                honorific = None  # the list has ended
        plural = _PLURAL_LIST.search(text, max(0, cue_start - 120), cue_start)
        if plural and plural.end() == cue_start:
            honorific = _uncapitalize(plural.group("h"), v)
        if honorific is not None and m.honorific is None:
            m.honorific = honorific


_CLAUSE_END = re.compile(r"[;.!?\n)]|\s(?:đã|đang|sẽ|cho biết|phát biểu|nhấn mạnh|và)\s")


def _clause_end(text: str, pos: int, nxt: int, v: Vocabulary) -> int:
    for m in _CLAUSE_END.finditer(text, pos, nxt):
        words = next_words(text, m.start()) if m.group(0).strip() == "và" else []
        if len(words) >= 2 and _joins_body(text, words[0], words[1], v):
            continue  # "Ban Phân tích và Dự báo": "và" inside the name of a body
        return m.start()
    return nxt


_CLAUSE_BREAK = re.compile(r"[;:\n(]|[.!?](?=\s)")


def _clause_start(text: str, pos: int) -> int:
    # a period only ends a clause before a space: "TP.HCM" and "PGS.TS" do not
    window_start = max(0, pos - 400)
    # a bracket closed before pos ("Cơ quan An ninh Quốc gia (NSA) X") opened no clause
    ends = [
        m.end()
        for m in _CLAUSE_BREAK.finditer(text, window_start, pos)
        if m.group(0) != "(" or ")" not in text[m.end() : pos]
    ]
    return ends[-1] if ends else window_start


def _role(text: str, sentences: list[tuple[int, int]], mention: Mention, starts: tuple[int, ...] = ()) -> str:
    """chair, speaker, attendee or mentioned, by the verbs of the mention's clause (its part of the
    sentence between semicolons: "X chủ trì hội nghị; cùng dự có Y"). A speaking verb is the
    person's own only when it follows them before the next person, or opens the clause ("Phát biểu
    tại hội nghị, ông A ..."): in "A cho biết ..., trong khi bà B ..." B is not a speaker.
    starts: where every person mention of the article starts."""
    a, b = around(sentences, mention.start, mention.end, len(text))
    left = text.rfind(";", a, mention.start)
    right = text.find(";", mention.end, b)
    c0, c1 = left + 1 if left >= 0 else a, right if right >= 0 else b
    cues = role_cues()
    for role, rx in cues:
        if role == "speaker":
            if _own_speaking_verb(rx, text, c0, c1, mention, starts):
                return role
        elif _cue_found(rx, text, c0, c1):
            return role
    # "Tham dự có A – ...; B – ...; C": the attendance verb stands once for the whole list; a speaking
    # verb in another clause is another person's ("A cho biết ...; B đi công tác")
    if _cue_found(cues[2][1], text, a, b):
        return "attendee"
    return "mentioned"


def _own_speaking_verb(
    rx: re.Pattern[str], text: str, c0: int, c1: int, mention: Mention, starts: tuple[int, ...]
) -> bool:
    """Whether a speaking verb of the clause text[c0:c1] is the mention's own: after it with no
    other person between, or at the very start of the clause."""
    nxt = next((s for s in starts if s >= mention.end), c1)
    if _cue_found(rx, text, mention.end, min(c1, nxt)):
        return True
    opening = c0 + len(text[c0:c1]) - len(text[c0:c1].lstrip())
    m = rx.match(text, opening, mention.start)
    return bool(m) and _cue_found(rx, text, m.start(), m.end())


@cache
def _not_cues() -> re.Pattern[str]:
    return re.compile(rf"(?:{lexicon.alternation(lexicon.words('role_not_cues.txt'))})(?!\w)", re.I)


def _cue_found(rx: re.Pattern[str], text: str, a: int, b: int) -> bool:
    """Whether a role verb stands in text[a:b] as itself, not as the start of another word ("dự án")."""
    for m in rx.finditer(text, a, b):
        other = _not_cues().match(text, m.start())
        if not (other and other.end() > m.end()):
            return True
    return False


def _address_only(m: Mention) -> bool:
    """Whether a one-word mention is a form of address rather than a name: a kinship honorific
    before a birth-order or affectionate word ("chú Tư", "Bác Hồ"; data/address_names.txt)."""
    return (m.honorific or "").lower() in _KINSHIP and m.name in lexicon.words("address_names.txt")


def cluster(mentions: list[Mention]) -> list[PersonEntity]:
    """One entity per person: full names by folded name, short mentions onto the full name they end."""
    entities: dict[str, PersonEntity] = {}
    short: list[Mention] = []
    for m in mentions:
        if len(m.name.split(" ")) == 1:
            short.append(m)
            continue
        entities.setdefault(fold(m.name), PersonEntity(m.name)).mentions.append(m)
    # a two-word name that ends exactly one longer name ("em Ngọc Hân" after "Lâm Thị Ngọc Hân") is
    # that person, however often it recurs
    for key in [k for k in entities if k.count(" ") == 1]:
        candidates = [k for k in entities if k != key and k.endswith(" " + key)]
        if len(candidates) == 1:
            entities[candidates[0]].mentions.extend(entities.pop(key).mentions)
    for m in short:
        key = fold(m.name)
        candidates = [k for k in entities if k.endswith(" " + key)]
        if len(candidates) > 1 and key not in entities:
            # two people share the short form ("ông Tuấn" after "Lê Văn Tuấn" and "Hồ Minh
            # Tuấn"): the one named last before it is meant
            before = [
                (max(x.start for x in entities[k].mentions if x.start < m.start), k)
                for k in candidates
                if any(x.start < m.start for x in entities[k].mentions)
            ]
            if before:
                candidates = [max(before)[1]]
        if len(candidates) == 1:
            entities[candidates[0]].mentions.append(m)
        elif m.rank or not _address_only(m) or key in entities:
            # "ông Cường", "cô Lâm" alone are persons; "Bác Hồ", "chú Tư" are forms of address
            entities.setdefault(key, PersonEntity(m.name)).mentions.append(m)
    for e in entities.values():
        e.mentions.sort(key=lambda x: x.start)
    return sorted(entities.values(), key=lambda e: e.mentions[0].start)


# --- spaCy component ---------------------------------------------------------------------------


@Language.factory(
    "vnnews_people",
    requires=["doc.spans"],
    assigns=["doc.spans", "span._.person"],
    default_config={"spans_key": SPANS_KEY, "organizations_key": "organizations", "mentions_key": "mentions"},
)
class PersonTagger(SpanComponent):
    """Mentions of named people with their honorific, rank and titles: doc.spans[spans_key], each
    span's `_.person` a Mention. Names inside the bodies found earlier are not people. When the
    statistical tagger ran (doc.spans[mentions_key]), its PERSON mentions add the names the rules
    miss, and a name it reads as a place or a body is not a person."""

    label = LABEL
    extension = "person"

    def __init__(
        self, nlp: Language, name: str, spans_key: str, organizations_key: str, mentions_key: str
    ) -> None:
        super().__init__(spans_key)
        self.organizations_key = organizations_key
        self.mentions_key = mentions_key
        self.vocabulary = vocabulary()  # compiled once, when the pipeline is built
        # the same tables, titles also in lowercase: shared with the organizations, extended here
        self.people_vocabulary = people_vocabulary()
        not_person_before()  # compiled when the pipeline is built, not on the first article

    def find(self, doc: Doc) -> list[Mention]:
        """The Doc's person mentions, byline and photo credits left out."""
        bodies = [(s.start_char, s.end_char) for s in doc.spans.get(self.organizations_key, [])]
        v = self.people_vocabulary.for_doc(joined_syllables(doc))
        text = text_of(doc)
        model = [
            (
                e.start,
                e.end,
                "PERSON"
                if e.label == "ORGANIZATION" and reads_as_foreign_person(text[e.start : e.end], v)
                else SURE_PERSON
                if e.label == "PERSON" and e.confidence >= PERSON_CONFIDENCE
                else e.label
                if e.label != "LOCATION" or e.confidence >= PLACE_CONFIDENCE
                else "PLACE?",
            )
            for e in (s._.entity for s in doc.spans.get(self.mentions_key, []))
        ]
        return find(text, v, credits_and_byline(doc), bodies, model)


def to_records(doc: Doc, spans_key: str = SPANS_KEY) -> list[Person]:
    """Person records of a processed Doc, one per person."""
    text = text_of(doc)
    sentences = sentence_bounds(doc)
    orgs = mentions_of(doc)
    mentions = [s._.person for s in doc.spans.get(spans_key, [])]
    starts = tuple(sorted(m.start for m in mentions))
    out = []
    for ent in cluster(mentions):
        titles: list[str] = []
        seen: set[str] = set()
        organization = None
        roles = []
        for m in ent.mentions:
            roles.append(_role(text, sentences, m, starts))
            for a, b in m.titles:
                title = text[a:b].strip(" ,;–-")
                if title and fold(title) not in seen:
                    seen.add(fold(title))
                    titles.append(title)
                    if organization is None:
                        organization = next((o.name for o in orgs if a <= o.start and o.end <= b), None)
        titles = [t for t in titles if not any(o != t and fold(o).startswith(fold(t) + " ") for o in titles)]
        titles = _one_tense(titles)
        first = ent.mentions[0]
        role = next((r for r in ("chair", "speaker", "attendee") if r in roles), "mentioned")
        out.append(
            Person(
                start=first.start,
                end=first.end,
                text=text[first.start : first.end],
                name=max((m.name for m in ent.mentions), key=lambda n: len(n.split(" "))),
                honorific=next((m.honorific for m in ent.mentions if m.honorific), None),
                rank=next((m.rank for m in ent.mentions if m.rank), None),
                titles=titles,
                organization=organization,
                role=role,  # type: ignore[arg-type]
                mentions=[
                    SpanModel(start=m.start, end=m.end, text=text[m.start : m.end]) for m in ent.mentions
                ],
            )
        )
    return out + _reporters(doc, text, {fold(p.name) for p in out})


def _reporters(doc: Doc, text: str, named: set[str]) -> list[Person]:
    """The reporters the byline names, each a person with the role `author` ("Hồng Đào - Lê Phong"),
    unless the text names them as a subject too."""
    secs = sections(doc)
    if "byline" not in secs:
        return []
    a, _ = secs["byline"]
    out = []
    for start, end in byline_names(text[a : secs["byline"][1]]):
        name = text[a + start : a + end]
        if fold(name) in named:
            continue
        named.add(fold(name))
        span = SpanModel(start=a + start, end=a + end, text=name)
        out.append(Person(start=a + start, end=a + end, text=name, name=name, role="author", mentions=[span]))
    return out
