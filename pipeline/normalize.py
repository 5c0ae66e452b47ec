"""Text normalization: one spelling of Vietnamese text before any extractor sees it."""

from __future__ import annotations

import re
import unicodedata

from vnnews.extractors.text import fix_tone_placement

_CHAR_MAP = {
    # dashes: one en dash for every dash-like punctuation mark
    "\u2014": "\u2013",
    "\u2012": "\u2013",
    "\u2015": "\u2013",
    "\u2212": "\u2013",
    "\u2010": "-",
    "\u2011": "-",
    # quotes: typographic pairs kept, their exotic variants folded onto them
    "\u00ab": "\u201c",
    "\u00bb": "\u201d",
    "\u201e": "\u201c",
    "\u201f": "\u201c",
    "\u2033": '"',
    "\uff02": '"',
    "\u201b": "\u2018",
    "\u2032": "'",
    "\u00b4": "'",
    # Icelandic eth is a common legacy stand-in for the Vietnamese D with stroke
    "\u00d0": "\u0110",
    "\u00f0": "\u0111",
    # line and paragraph separators
    "\u2028": "\n",
    "\u2029": "\n\n",
    "\x85": "\n",
    "\x0b": "\n",
    "\x0c": "\n",
}
_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e"), None)
_TRANSLATION = {**{ord(k): v for k, v in _CHAR_MAP.items()}, **_ZERO_WIDTH}
_SPACES = re.compile(r"[^\S\n]+")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f]")
_MANY_NEWLINES = re.compile(r"\n{3,}")
_LINE_EDGES = re.compile(r" *\n *")


def normalize(text: str) -> str:
    """NFC, classic tone placement, one form of dashes, quotes, spaces and line breaks."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    # invisible characters go before NFC: one inside a decomposed letter would keep it decomposed
    text = text.translate(_TRANSLATION)
    text = _CONTROL.sub("", text.replace("\t", " "))
    text = unicodedata.normalize("NFC", text)
    text = fix_tone_placement(text)
    text = _SPACES.sub(" ", text)
    text = _LINE_EDGES.sub("\n", text)
    text = _MANY_NEWLINES.sub("\n\n", text)
    return text.strip()
