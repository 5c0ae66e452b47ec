"""Helpers of extractors/lexicon.py that build patterns from word lists."""

from __future__ import annotations

import re

import pytest

from vnnews.extractors import lexicon

_FORMS = ["tổ chức", "tổ", "tổ công tác", "trao", "trao tặng", "phát động", "Quỹ"]


def _matches(alternation: str, text: str) -> list[tuple[int, int]]:
    pattern = re.compile(rf"(?<!\w)(?:{alternation})(?!\w)", re.I)
    return [m.span() for m in pattern.finditer(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Xã tổ chức hội thi.", ["tổ chức"]),
        ("Xã tổ  chức hội thi.", ["tổ  chức"]),  # any run of whitespace between syllables
        ("Các tổ công tác và tổ dân phố.", ["tổ công tác", "tổ"]),
        ("Hội trao tặng 40 suất quà, trao quyết định.", ["trao tặng", "trao"]),
        ("Tổ chức quỹ, QUỸ khuyến học.", ["Tổ chức", "quỹ", "QUỸ"]),  # case folded
        ("Bác tổchức, traodồi, quỹđen.", []),  # a form ends at a word's end
        ("Lễ phát động.", ["phát động"]),
        ("Không có gì.", []),
    ],
)
def test_trie_alternation_matches_what_the_alternation_matches(text: str, expected: list[str]) -> None:
    found = _matches(lexicon.trie_alternation(_FORMS), text)
    assert [text[a:b] for a, b in found] == expected
    assert found == _matches(lexicon.alternation(_FORMS), text)


@pytest.mark.parametrize(
    ("forms", "expected"),
    [
        (["tổ chức", "tổ công tác"], r"tổ\s+c(?:hức|ông\s+tác)"),
        (["tổ", "tổ chức"], r"tổ(?:\s+chức)?"),  # the longer form tried first
        (["a.b"], r"a\.b"),  # escaped
    ],
)
def test_trie_alternation_shares_each_start(forms: list[str], expected: str) -> None:
    assert lexicon.trie_alternation(forms) == expected


def test_trie_alternation_with_one_space() -> None:
    pattern = re.compile(lexicon.trie_alternation(["tổ chức"], any_space=False))
    assert pattern.fullmatch("tổ chức") and not pattern.fullmatch("tổ  chức")
