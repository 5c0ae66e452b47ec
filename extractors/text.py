"""Spelling helpers shared by the pipeline's normalization and the extractors' vocabulary: one
layer below both, so that neither imports the other for them."""

from __future__ import annotations

import re

# The letters of Vietnamese as regex character classes: capitals and lowercase. (A code-point range
# such as "À-Ỹ" would hold lowercase letters too.)
# The Latin letters of other languages that foreign names keep ("Schröder", "Muñoz", "Łukasz").
FOREIGN_UPPER = "ÄËÏÖÜŸÇÑØÅÆŒÎÛŁŚŹŻĆŃŠŽČŘĎŤŇĚŮĞŞĀĒĪŌŪŐŰ"
FOREIGN_LOWER = "äëïöüÿçñøåæœßîûłśźżćńšžčřďťňěůğşıāēīōūőű"
UPPER = "A-ZÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬĐÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ" + FOREIGN_UPPER
LOWER = "a-zàáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ" + FOREIGN_LOWER

# Tone on a final oa/oe/uy goes on the first vowel ("hoà" -> "hòa", "uỷ" -> "ủy"): the
# classic placement used by the gold data and most of the press. "quý" keeps its tone:
# after q, u is part of the consonant.
_TONED = {
    "a": "àáảãạ",
    "e": "èéẻẽẹ",
    "y": "ỳýỷỹỵ",
}
_FIRST = {"o": "òóỏõọ", "u": "ùúủũụ"}


def _tone_pairs() -> dict[str, str]:
    pairs: dict[str, str] = {}
    for first, second in (("o", "a"), ("o", "e"), ("u", "y")):
        for i, toned in enumerate(_TONED[second]):
            moved = _FIRST[first][i] + second
            for f_case, s_case in ((str.lower, str.lower), (str.upper, str.lower), (str.upper, str.upper)):
                pairs[f_case(first) + s_case(toned)] = f_case(moved[0]) + s_case(moved[1])
    return pairs


_TONE_PAIRS = _tone_pairs()
_TONE_RE = re.compile(r"(?<![qQ])(" + "|".join(map(re.escape, _TONE_PAIRS)) + r")(?![^\W\d_])")


def fix_tone_placement(text: str) -> str:
    """Move the tone of a final oa/oe/uy to its first vowel."""
    return _TONE_RE.sub(lambda m: _TONE_PAIRS[m.group(1)], text)


# A Vietnamese syllable: onset, one vowel cluster, a final; a capitalized syllable that is not one
# is a loan word or a foreign name ("Tevez", "Fellaini", "Microsoft").
_V = "aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵ"
VIET_SYLLABLE = re.compile(
    rf"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx])?[{_V}]{{1,3}}(?:ng|nh|ch|[cmnpt])?",
)


def is_foreign_word(word: str) -> bool:
    """Whether a word of letters is no Vietnamese syllable ("Pogba", "Reuters"; not "Hùng")."""
    return not VIET_SYLLABLE.fullmatch(word.lower())
