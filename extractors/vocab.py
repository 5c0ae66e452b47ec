"""Shared vocabulary for names of bodies and positions, compiled once from data files."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache
from typing import get_args

from vnnews.extractors import lexicon
from vnnews.extractors.common import CAP, LOWER, UPPER
from vnnews.extractors.text import fix_tone_placement, is_foreign_word
from vnnews.schemas.models import OrgKind

ORG_KINDS = frozenset(get_args(OrgKind))  # the record's kinds: one list, in schemas
# An abbreviation as written: capitals with &, -, . inside ("GD&ĐT", "LĐ-TB&XH", "T.Ư", "UBND").
ABBR = rf"[{UPPER}](?:[{UPPER}&.\-]*[{UPPER}]|\.?)(?:[{LOWER}]?[{UPPER}]+)*\d*"
# Words that end a name or title: a clause goes on after them.
STOP_WORDS = frozenset(
    [
        "và",
        "với",
        "của",
        "cho",
        "tại",
        "trong",
        "về",
        "đã",
        "đang",
        "sẽ",
        "là",
        "có",
        "được",
        "do",
        "các",
        "những",
        "cùng",
        "để",
        "từ",
        "đến",
        "theo",
        "nhằm",
        "trên",
        "dưới",
        "bị",
        "vì",
        "nên",
        "thì",
        "mà",
        "này",
        "đó",
        "khi",
        "lúc",
        "như",
        "gồm",
    ]
)


@dataclass(frozen=True)
class OrgHead:
    """A kind of body: its written head ("Ủy ban nhân dân"), kind, and whether a name must follow."""

    head: str
    kind: str
    needs_name: bool


def head_form(name: str) -> str:
    """A head's name with case, dashes, commas and "&" for "và" folded ("Bộ Văn hóa - Thể thao & Du
    lịch" = "Bộ Văn hóa, Thể thao và Du lịch")."""
    name = re.sub(r"\s*&\s*", " và ", name.lower())
    return re.sub(r"\s*[-–—,]\s*|\s+", " ", name).strip()


@dataclass(frozen=True)
class Vocabulary:
    """Everything the people and organization extractors look words up in."""

    heads: dict[str, OrgHead]
    heads_by_form: dict[str, str]  # head_form(head) -> head: the same head written otherwise
    head_re: re.Pattern[str]
    abbreviations: dict[str, tuple[str, str]]  # abbr -> (expansion, kind or "-")
    abbr_re: re.Pattern[str]
    inner_lower: frozenset[str]  # lowercase syllables that occur inside names of bodies
    bigrams: frozenset[tuple[str, str]]  # (word, lowercase next word) pairs of official names
    levels: tuple[str, ...]
    level_re: re.Pattern[str]
    places: frozenset[str]  # provinces.txt and foreign_places.txt
    countries: frozenset[str]
    place_re: re.Pattern[str]
    titles: tuple[str, ...]
    title_re: re.Pattern[str]
    ranks: dict[str, str]  # written form -> rank
    rank_re: re.Pattern[str]
    honorifics: dict[str, str]  # form -> kind
    honorific_re: re.Pattern[str]
    honorific_ci_re: re.Pattern[str]  # honorifics capitalized at a sentence start ("Ông", "Đồng chí")
    surnames: frozenset[str]
    cue_words: frozenset[str]  # first and last words (lowercase) of honorifics, ranks and titles
    title_first: frozenset[str]  # words a title can start with
    prefix_first: frozenset[str]  # words a title, rank, body, honorific or place can start with (lowercase)
    # starts of syllables that continue an underthesea word in the Doc at hand ("toàn" of "An toàn"):
    # empty in the shared vocabulary, set per document with `for_doc`
    joined: frozenset[int] = frozenset()

    def for_doc(self, joined: frozenset[int]) -> Vocabulary:
        """This vocabulary with the joined syllables of one Doc (a shallow copy: tables are shared)."""
        return replace(self, joined=joined)


def _alternation(forms, flags: int = 0, word: bool = True) -> re.Pattern[str]:
    body = lexicon.alternation(forms)
    return re.compile(rf"(?<![\w&])(?:{body})(?![\w&])" if word else f"(?:{body})", flags)


def _variants(phrase: str, reverse: dict[str, list[str]], whole: bool = True) -> str:
    """A regex for a phrase in which any expanded part may be written as its abbreviation."""
    words = phrase.split(" ")
    out: list[str] = []
    i = 0
    while i < len(words):
        for j in range(len(words), i, -1):
            part = " ".join(words[i:j])
            if part.lower() in reverse and (j - i < len(words)):
                inner = _variants(part, reverse, whole=False) if j - i > 1 else re.escape(part)
                out.append("(?:" + "|".join([inner, *map(re.escape, reverse[part.lower()])]) + ")")
                i = j
                break
        else:
            out.append(re.escape(words[i]))
            i += 1
    composed = r"\s+".join(out)
    if whole and phrase.lower() in reverse:
        return "(?:" + "|".join([composed, *map(re.escape, reverse[phrase.lower()])]) + ")"
    return composed


@cache
def vocabulary() -> Vocabulary:
    """Load and compile every data file the people and organization extractors use."""
    abbreviations: dict[str, tuple[str, str]] = {}
    for row in lexicon.rows("abbreviations.tsv", (2, 3)):
        abbr, expansion = row[0], row[1]
        kind = row[2] if len(row) > 2 else "-"
        if kind != "-" and kind not in ORG_KINDS:
            raise lexicon.LexiconError(f"abbreviations.tsv: unknown kind {kind!r} for {abbr!r}")
        abbreviations.setdefault(abbr, (expansion, kind))
    reverse: dict[str, list[str]] = {}  # lowercase expansion -> its abbreviations
    for abbr, (expansion, _) in abbreviations.items():
        reverse.setdefault(expansion.lower(), []).append(abbr)
    # Vietnam's own units and the places abroad whose Vietnamese names read like personal names
    places = lexicon.words("provinces.txt") | lexicon.words("foreign_places.txt")
    heads: dict[str, OrgHead] = {}
    for row in lexicon.rows("org_heads.tsv", (2, 3)):
        head, kind = row[0], row[1]
        needs = len(row) > 2 and row[2] == "1"
        if kind not in ORG_KINDS:
            raise lexicon.LexiconError(f"org_heads.tsv: unknown kind {kind!r} for {head!r}")
        heads.setdefault(head, OrgHead(head, kind, needs))
    # a body written only as its abbreviation ("CATP Hà Nội", "NHCSXH") is a head too
    for expansion, kind in abbreviations.values():
        if kind != "-" and expansion not in heads:
            heads[expansion] = OrgHead(expansion, kind, False)
    # a dash inside a name is written "-", "–" or "—", spaced or not, or left out ("Lao động - Thương
    # binh", "Lao động Thương binh"); a comma may be a dash and "và" "&" ("Văn hóa - Thể thao & Du
    # lịch")
    head_patterns = sorted(
        {
            _variants(h, reverse)
            .replace(r"\s+–\s+", r"(?:\s*[-–—]\s*|\s+)")
            .replace(r"\s+và\s+", r"(?:\s+và\s+|\s*&\s*)")
            .replace(r",\s+", r"(?:,\s*|\s*[-–—]\s*)")
            for h in heads
        },
        key=len,
        reverse=True,
    )
    # case-insensitive ("Học viện Chính trị Quốc gia" for "... quốc gia"); callers only try it where a
    # capitalized word starts, so a lowercase "bộ" or "sở" never opens a body
    head_re = re.compile(r"(?<![\w&])(?:" + "|".join(head_patterns) + r")(?![\w&])", re.I)
    inner = frozenset(
        w for h in heads for w in h.split(" ")[1:] if w and w[0].islower() and w not in STOP_WORDS
    ) | frozenset(w for e, _ in abbreviations.values() for w in e.split(" ")[1:] if w[:1].islower())
    names = [*heads, *(e for e, _ in abbreviations.values())]
    bigrams = frozenset(
        (a.lower(), b)
        for n in names
        for a, b in zip(n.split(" "), n.split(" ")[1:], strict=False)
        if b[:1].islower()
    )
    levels = tuple(sorted(lexicon.words("locality_levels.txt"), key=len, reverse=True))
    ranks: dict[str, str] = {}
    for row in lexicon.rows("ranks.tsv", (2, 3)):
        ranks[row[0]] = row[2] if len(row) > 2 and row[2] else row[0]
    honorifics = {row[0]: row[1] for row in lexicon.rows("honorifics.tsv", (2, 2))}
    honorifics |= {variant: kind for form, kind in honorifics.items() for variant in spelling_variants(form)}
    titles = tuple(
        sorted(
            lexicon.words("titles.txt")
            | {x for t in lexicon.words("titles.txt") for x in spelling_variants(t)},
            key=len,
            reverse=True,
        )
    )
    # a title of several words is also written lowercase after a name ("ông X - ủy viên Bộ Chính trị")
    title_forms = set(titles) | {t[:1].lower() + t[1:] for t in titles if " " in t}
    return Vocabulary(
        heads=heads,
        heads_by_form={head_form(h): h for h in heads},
        head_re=head_re,
        abbreviations=abbreviations,
        abbr_re=_alternation(abbreviations),
        inner_lower=inner,
        bigrams=bigrams,
        levels=levels,
        level_re=_alternation(levels, re.I),
        places=places,
        countries=lexicon.words("countries.txt"),
        place_re=_alternation(places | lexicon.words("countries.txt")),
        titles=titles,
        title_re=_alternation(title_forms),
        ranks=ranks,
        rank_re=_alternation(list(ranks) + [r.lower() for r in ranks]),
        honorifics=honorifics,
        honorific_re=_alternation(honorifics),
        honorific_ci_re=_alternation([h[:1].upper() + h[1:] for h in honorifics]),
        surnames=lexicon.words("surnames.txt"),
        title_first=frozenset(t.split(" ")[0] for t in title_forms),
        prefix_first=frozenset(
            w.split(" ")[0].lower()
            for w in (
                *title_forms,
                *ranks,
                *heads,
                *abbreviations,
                *honorifics,
                *lexicon.words("provinces.txt"),
                *lexicon.words("countries.txt"),
            )
        ),
        cue_words=frozenset(
            w.lower()
            for phrase in (*honorifics, *ranks, *titles)
            for w in (phrase.split(" ")[0], phrase.split(" ")[-1])
        ),
    )


_SI = re.compile(r"(?<!\w)([sS])ĩ(?!\w)")


def spelling_variants(form: str) -> set[str]:
    """The other spellings the press gives a listed form: "sỹ" for the syllable "sĩ" ("họa sỹ",
    "Nghị sỹ"), as common as the dictionary's "sĩ". Empty when the form has none."""
    variant = _SI.sub(r"\1ỹ", form)
    return {variant} if variant != form else set()


def expand(surface: str) -> str:
    """The surface form with every abbreviation written out ("Bộ CHQS tỉnh" -> "Bộ Chỉ huy Quân sự tỉnh"),
    except a company's, which is written out only where it stands alone ("VNPT" -> "Tập đoàn Bưu
    chính Viễn thông Việt Nam", but "VNPT Kiên Giang")."""
    v = vocabulary()
    levels = _lowercase_levels()
    text = re.sub(r"\s+", " ", surface.strip())

    def repl(m: re.Match[str]) -> str:
        expansion, kind = v.abbreviations[m.group(0)][:2]
        if kind == "company" and m.group(0) != text:
            return m.group(0)  # a group's brand inside a unit's name: "Trung tâm Kinh doanh VNPT Vĩnh Long"
        # a locality level inside a name is written in lowercase ("UBND TP Huế" -> "... thành phố Huế")
        if m.start() > 0 and expansion.lower() in levels:
            return expansion.lower()
        return expansion

    # "TP.Bến Tre": the level written out keeps no period against the place's name
    return _period_after_level().sub(r"\1 ", v.abbr_re.sub(repl, text))


@cache
def _lowercase_levels() -> frozenset[str]:
    return frozenset(lv.lower() for lv in vocabulary().levels)


@cache
def _period_after_level() -> re.Pattern[str]:
    """A level word, then the period of its abbreviation against a capitalized name."""
    return re.compile(rf"(?<!\w)({lexicon.alternation(sorted(_lowercase_levels()))})\.(?=[{UPPER}])")


# One word of a name: an abbreviation ("UBND", "GD&ĐT"), a capitalized or lowercase syllable, a
# number, or "&".
WORD = re.compile(rf"{ABBR}(?![{LOWER}])|{CAP}|[{LOWER}]+|\d+|&")
# the lower-case particles of foreign names ("al", "bin", "von", "da"): data/foreign_name_particles.txt
NAME_PARTICLE = rf"(?:{lexicon.alternation(lexicon.words('foreign_name_particles.txt'))})"
# a foreign name by its particle: capitalized words, a particle, a capitalized word ("Raus bin
# Sharif", "Shahidan Bin Kassim", "Bashar al-Assad"); a body's name never holds one
PARTICLE_NAME = re.compile(
    rf"{CAP}(?: {CAP}){{0,2}}(?: (?:{NAME_PARTICLE}|Bin|Binti|Al|El))+ {CAP}"
    rf"|{CAP}(?: {CAP}){{0,2}} (?:al|el|Al|El)-{CAP}"
)
# Surnames common enough that a capitalized run starting with one is a person, not a place.
COMMON_SURNAMES = lexicon.words("common_surnames.txt")
# Middle names, and those that mark a person's name almost always (Văn, Thị).
MIDDLE_NAMES = lexicon.words("middle_names.txt")
PERSON_MARKERS = frozenset(r[0] for r in lexicon.rows("middle_names.txt", (1, 2)) if r[1:] == ("marker",))


def next_words(text: str, pos: int) -> list[tuple[int, int, str]]:
    """The next few words from pos, stopping at punctuation other than & within abbreviations."""
    out = []
    p = pos
    while len(out) < 12:
        if text[p : p + 1] != " ":
            break
        w = WORD.match(text, p + 1)
        if not w:
            break
        out.append((w.start(), w.end(), w.group(0)))
        p = w.end()
    return out


def is_cap(word: str) -> bool:
    """Whether a word starts with a capital letter."""
    return word[:1].isupper()


@cache
def locality_levels() -> dict[str, tuple[str, str]]:
    """Level word -> (tier, role) from data/locality_levels.txt; role is "unit" for the standard
    names of administrative units, "abbr" for their abbreviations, else ""."""
    tiers = {"province", "district", "commune", "village", "foreign"}
    out: dict[str, tuple[str, str]] = {}
    for row in lexicon.rows("locality_levels.txt", (2, 3)):
        tier, role = row[1], row[2] if len(row) > 2 else ""
        if tier not in tiers or role not in ("", "unit", "abbr"):
            raise lexicon.LexiconError(f"locality_levels.txt: bad tier or role in {row!r}")
        out[row[0]] = (tier, role)
    return out


def level_words(role: str | tuple[str, ...] = "unit", tier: str | None = None) -> list[str]:
    """Level words with one of these roles ("unit", "abbr"), of one tier if given."""
    roles = (role,) if isinstance(role, str) else role
    return [w for w, (t, r) in locality_levels().items() if r in roles and (tier is None or t == tier)]


# regex alternations of the level words, for the patterns that tie a body to its locality
UNITS = lexicon.alternation(level_words("unit"), any_space=False)  # tỉnh|thành phố|huyện|...
UNITS_AND_ABBRS = lexicon.alternation(level_words(("unit", "abbr")), any_space=False)  # ...|TP\.|TX
UNITS_AND_CITY = lexicon.alternation(level_words("unit") + level_words("abbr", "province"), any_space=False)
PROVINCE_UNITS = lexicon.alternation(level_words("unit", "province"), any_space=False)  # tỉnh|thành phố
PROVINCE_AND_CITY = lexicon.alternation(level_words(("unit", "abbr"), "province"), any_space=False)


@cache
def admin_places() -> frozenset[str]:
    """Names of Vietnam's provinces and districts, old and new ("Đức Thọ", "Hoàng Mai", "Hà Giang"),
    without their level word: the administrative-unit data underthesea ships (built from the
    vietnamadminunits package, effective 2025-07-01). Empty if underthesea's layout has changed."""
    import importlib.util
    import json
    from pathlib import Path

    # found without importing underthesea (its package imports every one of its pipelines)
    spec = importlib.util.find_spec("underthesea")
    if spec is None or not spec.submodule_search_locations:
        return frozenset()
    try:
        path = Path(next(iter(spec.submodule_search_locations))) / "address" / "data" / "mapping.json"
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError, StopIteration):
        return frozenset()
    levels = sorted(
        ("Thành phố", "Tỉnh", "Quận", "Huyện", "Thị xã", "Thị trấn", "Phường", "Xã", "Đặc khu"),
        key=len,
        reverse=True,
    )

    def bare(name: str) -> str:
        for level in levels:
            if name.startswith(level + " "):
                return name[len(level) + 1 :]
        return name

    names: set[str] = set()
    for table in ("province_names", "old_province_names"):
        names.update(p["short"] for p in data.get(table, {}).values())
    for row in data.get("ward_mapping", []):
        if row.get("old_district"):
            names.add(bare(row["old_district"]))
    # district names that are numbers ("Quận 1") are not names a person could have
    return frozenset(
        fix_tone_placement(unicodedata.normalize("NFC", n)) for n in names if n and not n[:1].isdigit()
    )


def known_unit_prefix(syllables: Sequence[str], most: int, least: int = 2) -> int:
    """How many leading syllables (least to most) name a unit the administrative gazetteer knows
    (admin_places), the longest such run; 0 when none ("Buôn Ma Thuột ..." gives 3)."""
    return next(
        (
            k
            for k in range(min(len(syllables), most), least - 1, -1)
            if " ".join(syllables[:k]) in admin_places()
        ),
        0,
    )


FOREIGN_GIVEN_NAMES = lexicon.words("foreign_given_names.txt")


def foreign_name_pair(name: str, v: Vocabulary) -> int | None:
    """Where the second of two foreign names listed without a separator starts ("Mona Barthel
    Svetlana Kuznetsova" in a scraped table of matches): four capitalized foreign words, the
    first or the third a common foreign given name, none a place, country or body's head; the
    character offset of the third word, else None."""
    words = name.split(" ")
    if len(words) != 4 or not all(w[:1].isupper() and w.isalpha() and is_foreign_word(w) for w in words):
        return None
    if words[0] not in FOREIGN_GIVEN_NAMES and words[2] not in FOREIGN_GIVEN_NAMES:
        return None
    if v.head_re.search(name) or any(w in v.countries or w in v.places for w in words):
        return None
    return len(words[0]) + len(words[1]) + 2


def reads_as_foreign_person(name: str, v: Vocabulary) -> bool:
    """Whether a capitalized run is a foreign person's name by its first word ("Lauren Davis",
    "Daniil Medvedev"): two or three capitalized words opening with a common foreign given name, the
    others foreign words and no given name, no body's head, place or country among them."""
    words = name.split(" ")
    if not 2 <= len(words) <= 3 or words[0] not in FOREIGN_GIVEN_NAMES:
        return False
    if not all(w[:1].isupper() for w in words):
        return False
    rest = words[1:]
    # "Edward Lachman Thành": a Vietnamese word runs on from the next sentence; "Angelique Kerber
    # Kristyna Pliskova": two names listed without a comma
    if not all(is_foreign_word(w) for w in rest) or any(w in FOREIGN_GIVEN_NAMES for w in rest):
        return False
    return not (v.head_re.search(name) or any(w in v.countries or w in v.places for w in rest))
