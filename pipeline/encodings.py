"""Bytes to text: Unicode encodings, Windows-1258 and the legacy Vietnamese font encodings.

Old archives hold Vietnamese in TCVN3 (ABC) and VNI-Windows: font encodings that reuse the Latin-1
code points for Vietnamese letters, so a TCVN3 "Việt Nam" reads "ViÖt Nam" and a VNI one "Vieät Nam".
Such text is recognised by how many of its words are Vietnamese once converted, converted, and
reported in the record's warnings.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

# TCVN3 (ABC): one Latin-1 code point per lowercase toned letter, and seven uppercase base letters.
_TCVN3 = {
    "µ": "à", "¸": "á", "¶": "ả", "·": "ã", "¹": "ạ",
    "¨": "ă", "»": "ằ", "¾": "ắ", "¼": "ẳ", "½": "ẵ", "Æ": "ặ",
    "©": "â", "Ç": "ầ", "Ê": "ấ", "È": "ẩ", "É": "ẫ", "Ë": "ậ",
    "®": "đ",
    "Ì": "è", "Ð": "é", "Î": "ẻ", "Ï": "ẽ", "Ñ": "ẹ",
    "ª": "ê", "Ò": "ề", "Õ": "ế", "Ó": "ể", "Ô": "ễ", "Ö": "ệ",
    "×": "ì", "Ý": "í", "Ø": "ỉ", "Ü": "ĩ", "Þ": "ị",
    "ß": "ò", "ã": "ó", "á": "ỏ", "â": "õ", "ä": "ọ",
    "«": "ô", "å": "ồ", "è": "ố", "æ": "ổ", "ç": "ỗ", "é": "ộ",
    "¬": "ơ", "ê": "ờ", "í": "ớ", "ë": "ở", "ì": "ỡ", "î": "ợ",
    "ï": "ù", "ó": "ú", "ñ": "ủ", "ò": "ũ", "ô": "ụ",
    "\u00ad": "ư", "õ": "ừ", "ø": "ứ", "ö": "ử", "÷": "ữ", "ù": "ự",
    "ú": "ỳ", "ý": "ý", "û": "ỷ", "ü": "ỹ", "þ": "ỵ",
    "¡": "Ă", "¢": "Â", "§": "Đ", "£": "Ê", "¤": "Ô", "¥": "Ơ", "¦": "Ư",
}  # fmt: skip

# VNI-Windows: a base letter followed by a Latin-1 mark for its hat, horn, breve and tone.
_VNI_MARKS = {
    "ø": "\u0300", "ù": "\u0301", "û": "\u0309", "õ": "\u0303", "ï": "\u0323",
    "Ø": "\u0300", "Ù": "\u0301", "Û": "\u0309", "Õ": "\u0303", "Ï": "\u0323",
}  # fmt: skip
_VNI_HATS = {
    # after a, e, o: circumflex, alone or with a tone; after a: breve, alone or with a tone
    "â": ("\u0302", ""), "à": ("\u0302", "\u0300"), "á": ("\u0302", "\u0301"), "å": ("\u0302", "\u0309"),
    "ã": ("\u0302", "\u0303"), "ä": ("\u0302", "\u0323"),
    "Â": ("\u0302", ""), "À": ("\u0302", "\u0300"), "Á": ("\u0302", "\u0301"), "Å": ("\u0302", "\u0309"),
    "Ã": ("\u0302", "\u0303"), "Ä": ("\u0302", "\u0323"),
}  # fmt: skip
_VNI_BREVE = {
    "ê": "", "è": "\u0300", "é": "\u0301", "ú": "\u0309", "ü": "\u0303", "ë": "\u0323",
    "Ê": "", "È": "\u0300", "É": "\u0301", "Ú": "\u0309", "Ü": "\u0303", "Ë": "\u0323",
}  # fmt: skip
_VNI_SINGLE = {
    "ì": "ì", "í": "í", "æ": "ỉ", "ó": "ĩ", "ò": "ị", "î": "ỵ", "ñ": "đ",
    "Ì": "Ì", "Í": "Í", "Æ": "Ỉ", "Ó": "Ĩ", "Ò": "Ị", "Î": "Ỵ", "Ñ": "Đ",
    "ô": "ơ", "ö": "ư", "Ô": "Ơ", "Ö": "Ư",
}  # fmt: skip

_VIET = "a-zA-Zàáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ" + (
    "ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬĐÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ"
)
_WORD = re.compile(r"[^\W\d_]+")
# Characters that never occur in Vietnamese text: their presence is what makes a legacy check worth it
_FOREIGN = re.compile(rf"[^\x00-\x7f{_VIET[6:]}\u00a0«»°“”‘’–—…•€\u2000-\u206f\u0300-\u036f]")


def tcvn3_to_unicode(text: str) -> str:
    """Text typed in a TCVN3 (ABC) font, as Unicode."""
    return "".join(_TCVN3.get(c, c) for c in text)


@cache
def _vni_re() -> re.Pattern[str]:
    hats = "".join(_VNI_HATS)
    breves = "".join(_VNI_BREVE)
    marks = "".join(_VNI_MARKS)
    return re.compile(
        rf"([aeoAEO])([{hats}])|([aA])([{breves}])|([aeiouyAEIOUYôöÔÖ])([{marks}])|([{''.join(_VNI_SINGLE)}])"
    )


def vni_to_unicode(text: str) -> str:
    """Text typed in a VNI-Windows font, as Unicode."""

    def repl(m: re.Match[str]) -> str:
        if m.group(1):
            hat, tone = _VNI_HATS[m.group(2)]
            return unicodedata.normalize("NFC", m.group(1) + hat + tone)
        if m.group(3):
            return unicodedata.normalize("NFC", m.group(3) + "\u0306" + _VNI_BREVE[m.group(4)])
        if m.group(5):
            base = _VNI_SINGLE.get(m.group(5), m.group(5))
            return unicodedata.normalize("NFC", base + _VNI_MARKS[m.group(6)])
        return _VNI_SINGLE[m.group(7)]

    return _vni_re().sub(repl, text)


_TONES = dict.fromkeys(map(ord, "\u0300\u0301\u0303\u0309\u0323"), None)
# A Vietnamese syllable without its tone: initial consonant, rhyme (vowels), final consonant.
_SYLLABLE = re.compile(
    r"(?:ngh|ng|gh|gi|kh|nh|ph|th|tr|ch|qu|[bcdđghklmnprstvx])?"
    r"(?:uyê|uya|uyu|oai|oay|oao|oeo|uây|ươi|ươu|uôi|iêu|yêu|"
    r"oa|oă|oe|uâ|uê|uy|uơ|ươ|iê|yê|ia|ua|ưa|uô|ai|ao|au|ay|âu|ây|eo|êu|iu|oi|ôi|ơi|ui|ưi|ưu|oo|"
    r"[aăâeêioôơuưy])"
    r"(?:ch|ng|nh|[cmnpt])?"
)


def _is_syllable(word: str) -> bool:
    decomposed = unicodedata.normalize("NFD", word.lower())
    tones = sum(1 for c in decomposed if ord(c) in _TONES)
    base = unicodedata.normalize("NFC", decomposed.translate(_TONES))
    return tones <= 1 and _SYLLABLE.fullmatch(base) is not None


def vietnamese_score(text: str) -> float:
    """Share of the words of text that are well-formed Vietnamese syllables."""
    words = _WORD.findall(unicodedata.normalize("NFC", text))
    if not words:
        return 0.0
    return sum(1 for w in words if _is_syllable(w)) / len(words)


LEGACY = {"tcvn3": tcvn3_to_unicode, "vni": vni_to_unicode}


def repair_legacy(text: str) -> tuple[str, str | None]:
    """Text converted from a legacy font encoding when that makes it Vietnamese; (text, encoding or None)."""
    if not _FOREIGN.search(text):
        return text, None
    base = vietnamese_score(text)
    best, name = text, None
    best_score = base
    for encoding, convert in LEGACY.items():
        converted = convert(text)
        score = vietnamese_score(converted)
        if score > best_score:
            best, name, best_score = converted, encoding, score
    # convert only when it clearly helps: most words become Vietnamese, far more than before
    if name and best_score >= 0.7 and best_score - base >= 0.15:
        return best, name
    return text, None


_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


def looks_like_utf8(data: bytes) -> bool:
    """Whether most non-ASCII bytes form UTF-8 sequences: UTF-8 with a few bad bytes, not a legacy file."""
    high = sum(1 for b in data if b >= 0x80)
    in_sequences = sum(len(m.group(0)) for m in _UTF8_SEQUENCE.finditer(data))
    return high > 0 and in_sequences >= high / 2


def decode_legacy_bytes(data: bytes) -> tuple[str, str] | None:
    """Bytes that are not UTF-8, read as Windows-1258, TCVN3 or VNI, whichever is Vietnamese; or None."""
    if looks_like_utf8(data):
        return None  # broken UTF-8 is reported as such, not turned into mojibake
    candidates: list[tuple[float, str, str]] = []
    try:
        cp1258 = unicodedata.normalize("NFC", data.decode("cp1258"))
        candidates.append((vietnamese_score(cp1258), "windows-1258", cp1258))
    except UnicodeDecodeError:
        pass
    latin = data.decode("cp1252", errors="replace")
    for encoding, convert in LEGACY.items():
        text = convert(latin)
        candidates.append((vietnamese_score(text), encoding, text))
    if not candidates:
        return None
    score, encoding, text = max(candidates, key=lambda c: c[0])
    return (text, encoding) if score >= 0.7 else None


def first_surrogate(value: str) -> int | None:
    """Index of the first lone surrogate in value (not valid Unicode, cannot be written as UTF-8)."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        return exc.start
    return None


def printable(value: str) -> str:
    """value as valid UTF-8 text: the undecodable bytes of a file name (kept by Python as lone
    surrogates) and any other lone surrogate are written as backslash escapes."""
    if first_surrogate(value) is None:
        return value
    try:
        data = value.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:
        data = value.encode("utf-8", "surrogatepass")
    return data.decode("utf-8", "backslashreplace")
