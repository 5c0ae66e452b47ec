"""What the extractor components share: Doc extensions and small span helpers."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, SpanGroup

# Input context the pipeline sets on each Doc before the components run.
for _name, _default in (("published", None), ("has_title", None), ("sections", None), ("warnings", None)):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=_default)

UPPER = "A-ZÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬĐÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ"
LOWER = "a-zàáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ"
# A capitalized syllable ("Nguyễn", "H'Hen", "Y-Moan") and a lowercase one.
CAP = rf"[{UPPER}][{LOWER}{UPPER}']*(?:-[{UPPER}{LOWER}][{LOWER}]*)*"
LOW = rf"[{LOWER}]+"


def doc_published(doc: Doc) -> str | None:
    """The publication date the caller gave for this Doc."""
    return doc._.published


def span_group(doc: Doc, key: str, spans: list[Span]) -> None:
    """Store spans under doc.spans[key], replacing what was there."""
    doc.spans[key] = SpanGroup(doc, name=key, spans=spans)


def sections(doc: Doc) -> dict[str, tuple[int, int]]:
    """Section name -> (start, end) of the Doc's text."""
    return {s.name: (s.start, s.end) for s in (doc._.sections or [])}


def add_warning(doc: Doc, message: str) -> None:
    """Record a warning for the article's record."""
    if doc._.warnings is None:
        doc._.warnings = []
    doc._.warnings.append(message)


_SPACE = re.compile(r"\s+")


def squash(text: str) -> str:
    """Collapse runs of whitespace into one space."""
    return _SPACE.sub(" ", text).strip()


def fold(text: str) -> str:
    """A comparison key: lowercase, single spaces, en dashes as hyphens."""
    return squash(text).lower().replace("–", "-")


def text_of(doc: Doc) -> str:
    """The Doc's text, without spaCy re-joining every token on each access."""
    cached = doc.user_data.get("vnnews.text")
    if cached is None:
        cached = doc.user_data["vnnews.text"] = doc.text
    return cached


def sentence_bounds(doc: Doc) -> list[tuple[int, int]]:
    """Character ranges of the Doc's sentences."""
    cached = doc.user_data.get("vnnews.sentences")
    if cached is not None:
        return cached  # computed by the tokenizer: doc.sents would walk every token again
    if len(doc) == 0 or doc[0].is_sent_start is None:
        return [(0, len(text_of(doc)))]
    return [(s.start_char, s.end_char) for s in doc.sents]


_PHOTO_CREDIT = re.compile(
    rf"(?:Ảnh|Tin, ảnh|Bài, ảnh|Tin và ảnh)\s*:\s*{CAP}(?: {CAP}){{0,3}}(?:/\S+|\s*\([^)]*\))?"
)


def credits_and_byline(doc: Doc) -> list[tuple[int, int]]:
    """Character ranges that name the article's authors (byline, photo credits), not its subjects."""
    secs = sections(doc)
    ranges = [secs["byline"]] if "byline" in secs else []
    return ranges + [(m.start(), m.end()) for m in _PHOTO_CREDIT.finditer(text_of(doc))]


def word_spans(doc: Doc) -> list[tuple[int, int]]:
    """(start, end) of every word token: cached by the tokenizer, else read from the Doc."""
    cached = doc.user_data.get("vnnews.words")
    if cached is None:
        cached = doc.user_data["vnnews.words"] = [(t.idx, t.idx + len(t.text)) for t in doc if not t.is_space]
    return cached


def word_edges(doc: Doc) -> tuple[frozenset[int], frozenset[int]]:
    """The offsets where words start and where they end."""
    cached = doc.user_data.get("vnnews.edges")
    if cached is None:
        spans = word_spans(doc)
        cached = doc.user_data["vnnews.edges"] = (
            frozenset(a for a, _ in spans),
            frozenset(b for _, b in spans),
        )
    return cached


def joined_syllables(doc: Doc) -> frozenset[int]:
    """Start offsets of syllables that continue a capitalized multi-syllable word ("toàn" of "An toàn";
    not "thành" of "khánh thành", a verb after a name)."""
    cached = doc.user_data.get("vnnews.joined")
    if cached is None:
        text = text_of(doc)
        cached = frozenset(
            i + 1 for a, b in word_spans(doc) if text[a].isupper() for i in range(a, b) if text[i] == " "
        )
        doc.user_data["vnnews.joined"] = cached
    return cached
