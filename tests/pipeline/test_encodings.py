"""Encodings: UTF-8/16, Windows-1258 and the legacy TCVN3 and VNI font encodings are read and reported."""

from __future__ import annotations

import unicodedata

import pytest

from vnnews.pipeline.encodings import _TCVN3, decode_legacy_bytes, repair_legacy, vietnamese_score
from vnnews.pipeline.errors import DecodeError
from vnnews.pipeline.inputs import decode_with_warnings

SENTENCES = [
    "Hội nghị tổng kết công tác Đảng năm 2024 tại Hà Nội, đồng chí Nguyễn Văn Thành phát biểu.",
    "Sáng 12/4, Bộ Chỉ huy Quân sự tỉnh phối hợp với Hội Nông dân tổ chức lễ ký kết chương trình.",
    "Các đại biểu thống nhất đẩy mạnh phong trào thi đua, xây dựng nông thôn mới vững mạnh.",
]
_TONES = "\u0300\u0301\u0303\u0309\u0323"
_TO_TCVN3 = {v: k for k, v in _TCVN3.items()}
# VNI-Windows writes a letter's hat and tone as marks after it
_VNI_TONE = {"\u0300": "ø", "\u0301": "ù", "\u0309": "û", "\u0303": "õ", "\u0323": "ï"}
_VNI_HAT_TONE = {"": "â", "\u0300": "à", "\u0301": "á", "\u0309": "å", "\u0303": "ã", "\u0323": "ä"}
_VNI_BREVE_TONE = {"": "ê", "\u0300": "è", "\u0301": "é", "\u0309": "ú", "\u0303": "ü", "\u0323": "ë"}
_VNI_I = {"\u0300": "ì", "\u0301": "í", "\u0309": "æ", "\u0303": "ó", "\u0323": "ò"}


def to_cp1258(text: str) -> bytes:
    """Text as Windows-1258 writes it: base letters with hats precomposed, tones as combining marks."""
    out = b""
    for c in text:
        d = unicodedata.normalize("NFD", c)
        tones = "".join(x for x in d if x in _TONES)
        base = unicodedata.normalize("NFC", "".join(x for x in d if x not in _TONES))
        out += base.encode("cp1258") + tones.encode("cp1258")
    return out


def to_tcvn3(text: str) -> str:
    """Text as a TCVN3 (ABC) font shows it (lowercase toned letters, as the font stores them)."""
    return "".join(_TO_TCVN3.get(c, _TO_TCVN3.get(c.lower(), c)) for c in text)


def to_vni(text: str) -> str:
    """Text as a VNI-Windows font shows it."""
    out = []
    for c in text:
        d = unicodedata.normalize("NFD", c)
        tone = "".join(x for x in d if x in _TONES)
        base = "".join(x for x in d if x not in _TONES)
        low = base.lower()
        up = c.isupper()
        if low == "đ":
            out.append("Ñ" if up else "ñ")
        elif low[:1] in "aeo" and "\u0302" in low:
            mark = _VNI_HAT_TONE[tone]
            out.append(base[0] + (mark.upper() if up else mark))
        elif low[:1] == "a" and "\u0306" in low:
            mark = _VNI_BREVE_TONE[tone]
            out.append(base[0] + (mark.upper() if up else mark))
        elif low[:1] in "ou" and "\u031b" in low:
            horn = {"o": "ô", "u": "ö"}[low[0]]
            out.append((horn.upper() if up else horn) + _VNI_TONE.get(tone, ""))
        elif low == "i" and tone:
            out.append(_VNI_I[tone].upper() if up else _VNI_I[tone])
        elif low == "y" and tone == "\u0323":
            out.append("Î" if up else "î")
        elif tone:
            out.append(base + (_VNI_TONE[tone].upper() if up else _VNI_TONE[tone]))
        else:
            out.append(c)
    return "".join(out)


@pytest.mark.parametrize("sentence", SENTENCES)
def test_windows_1258_bytes_are_decoded_and_reported(sentence: str) -> None:
    """Windows-1258 bytes (decomposed tones) read as the Unicode text, with a warning."""
    text, warnings = decode_with_warnings(to_cp1258(sentence), "old.txt")
    assert unicodedata.normalize("NFC", text) == sentence
    assert warnings == ["not UTF-8: decoded as windows-1258"]


@pytest.mark.parametrize("sentence", SENTENCES)
def test_tcvn3_bytes_are_decoded_and_reported(sentence: str) -> None:
    """TCVN3 bytes become the Vietnamese text (toned capitals come out lowercase, as the font stores them)."""
    text, warnings = decode_with_warnings(to_tcvn3(sentence).encode("cp1252"), "abc.txt")
    assert text.lower() == sentence.lower()
    assert warnings == ["not UTF-8: decoded as tcvn3"]


@pytest.mark.parametrize("sentence", SENTENCES)
def test_vni_bytes_are_decoded_and_reported(sentence: str) -> None:
    """VNI-Windows bytes become the Vietnamese text."""
    text, warnings = decode_with_warnings(to_vni(sentence).encode("cp1252"), "vni.txt")
    assert text == sentence
    assert warnings == ["not UTF-8: decoded as vni"]


@pytest.mark.parametrize("convert,name", [(to_tcvn3, "tcvn3"), (to_vni, "vni")])
def test_legacy_text_inside_unicode_is_repaired(convert, name: str) -> None:
    """Legacy font text that reached a UTF-8 archive is converted too."""
    repaired, encoding = repair_legacy(convert(SENTENCES[0]))
    assert encoding == name
    assert repaired.lower() == SENTENCES[0].lower()


@pytest.mark.parametrize("sentence", [*SENTENCES, "Café Paris, São Paulo, Zürich và München.", "ABC 123"])
def test_unicode_text_is_left_alone(sentence: str) -> None:
    """Real Unicode text, foreign names included, is never 'repaired'."""
    assert repair_legacy(sentence) == (sentence, None)


def test_forced_encoding_wins(tmp_path) -> None:
    """--encoding (here tcvn3) decodes as told and says so."""
    text, warnings = decode_with_warnings(to_tcvn3(SENTENCES[2]).encode("cp1252"), "x", encoding="tcvn3")
    assert text.lower() == SENTENCES[2].lower()
    assert warnings == ["decoded as tcvn3 (given)"]


def test_random_high_bytes_are_an_error_not_mojibake() -> None:
    """Bytes that are neither UTF-8 nor Vietnamese in a legacy encoding are reported, with the offset."""
    with pytest.raises(DecodeError, match=r"invalid UTF-8 at byte 6"):
        decode_with_warnings(b"abcdef" + bytes(range(0x80, 0x100)) * 2, "junk.bin")
    assert decode_legacy_bytes(bytes(range(0x80, 0x100))) is None


def test_score_separates_vietnamese_from_mojibake() -> None:
    """Well-formed syllables score high; mojibake scores low."""
    assert vietnamese_score(SENTENCES[0]) > 0.9
    assert vietnamese_score(to_tcvn3(SENTENCES[0])) < 0.6


def test_cli_reports_the_legacy_encoding_in_the_record(tmp_path) -> None:
    """A TCVN3 file extracted from the command line carries a warning in its record."""
    import json

    from click.testing import CliRunner

    from vnnews.pipeline.cli import main

    path = tmp_path / "cu.txt"
    path.write_bytes(to_tcvn3("Hội nghị tổng kết\n\n" + SENTENCES[1]).encode("cp1252"))
    result = CliRunner().invoke(main, ["extract", str(path), "--no-text"])
    assert result.exit_code == 0, result.stderr
    record = json.loads(result.stdout)
    assert record["warnings"] == ["not UTF-8: decoded as tcvn3"]
    assert any(o["name"].lower().startswith("bộ chỉ huy quân sự") for o in record["organizations"])
