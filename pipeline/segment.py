"""The text the pipeline analyses (title line, blank line, body) and its sentences."""

from __future__ import annotations

import re

from vnnews.extractors import lexicon
from vnnews.extractors.structure import CAPITALS


def compose(title: str | None, body: str) -> tuple[str, bool]:
    """The text the pipeline analyses: the title line, a blank line, the body."""
    title = (title or "").strip()
    body = body.strip()
    if title and body.split("\n", 1)[0].strip() == title:
        return body, True  # the body already opens with the title line
    if title:
        return (title + "\n\n" + body) if body else title, True
    return body, False


# Abbreviations whose period does not end a sentence ("TP. Hồ Chí Minh", "PGS.TS. Lê A").
_NO_BREAK_BEFORE = re.compile(
    rf"\b(?:{lexicon.alternation(lexicon.words('sentence_abbreviations.txt'), any_space=False)})$"
)
_BREAK = re.compile(r"(?<=[.!?…])[”\"’)]*\s+(?=[\"“‘(]?[" + CAPITALS + r"0-9])|\n+")


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentence offsets in text[start:end]: breaks at . ! ? … before a capital, and at line ends."""
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    s = start
    for m in _BREAK.finditer(text, start, end):
        if m.group(0).startswith("\n"):
            cut = m.start()
        else:
            closing = len(m.group(0)) - len(m.group(0).lstrip('”"’)'))
            cut = m.start() + closing
            if text[m.start() - 1] == "." and _NO_BREAK_BEFORE.search(
                text, max(s, m.start() - 8), m.start() - 1
            ):
                continue
        piece_start, piece_end = _strip(text, s, cut)
        if piece_end > piece_start:
            spans.append((piece_start, piece_end))
        s = m.end()
    piece_start, piece_end = _strip(text, s, end)
    if piece_end > piece_start:
        spans.append((piece_start, piece_end))
    return spans


def _strip(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b
