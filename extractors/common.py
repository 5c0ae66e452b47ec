"""What the extractor components share: Doc extensions and small span helpers."""

from __future__ import annotations

import bisect
import re

from spacy.tokens import Doc, Span, SpanGroup

from vnnews.extractors.structure import split_sections
from vnnews.extractors.text import LOWER, UPPER

# Input context the pipeline sets on each Doc before the components run; "event_model" is set by the
# dates component from its config (None: extractors/metadata.py's default decides).
for _name, _default in (
    ("published", None),
    ("has_title", None),
    ("sections", None),
    ("warnings", None),
    ("event_model", None),
):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=_default)

# A capitalized syllable ("Nguyễn", "H'Hen", "Y-Moan", "M’gar": the Central Highlands' names are
# written with either apostrophe) and a lowercase one.
CAP = rf"[{UPPER}][{LOWER}{UPPER}']*(?:’[{LOWER}{UPPER}]+)*(?:-[{UPPER}{LOWER}][{LOWER}]*)*"
LOW = rf"[{LOWER}]+"


class SpanComponent:
    """Base of the vnnews extractor components: `find(doc)` gives the items (each with `start` and
    `end` character offsets), `__call__` writes them as spans of `doc.spans[spans_key]` labelled
    `label`, each carrying its item in `span._.<extension>`. A subclass holds its compiled vocabulary
    on the instance, built once when the pipeline is built."""

    label: str = ""
    extension: str = ""

    def __init_subclass__(cls, **kwargs) -> None:
        super().__init_subclass__(**kwargs)
        # the span attribute exists as soon as the module is imported, as spaCy extensions usually do
        if cls.extension and not Span.has_extension(cls.extension):
            Span.set_extension(cls.extension, default=None)

    def __init__(self, spans_key: str) -> None:
        self.spans_key = spans_key

    def find(self, doc: Doc) -> list:
        """The items of doc, in text order."""
        raise NotImplementedError

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        for item in self.find(doc):
            label = getattr(item, "label", None) or self.label  # an item may carry its own label
            span = doc.char_span(item.start, item.end, label=label, alignment_mode="expand")
            if span is not None:
                span._.set(self.extension, item)
                spans.append(span)
        span_group(doc, self.spans_key, spans)
        return doc


def doc_published(doc: Doc) -> str | None:
    """The publication date the caller gave for this Doc."""
    return doc._.published


def span_group(doc: Doc, key: str, spans: list[Span]) -> None:
    """Store spans under doc.spans[key], replacing what was there."""
    doc.spans[key] = SpanGroup(doc, name=key, spans=spans)


def sections(doc: Doc) -> dict[str, tuple[int, int]]:
    """Section name -> (start, end) of the Doc's text. The pipeline sets doc._.sections before the
    components run; a Doc made by `nlp(text)` alone gets them here, on first use."""
    if doc._.sections is None:
        doc._.sections = split_sections(text_of(doc), doc._.has_title)
    return {s.name: (s.start, s.end) for s in doc._.sections}


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


CONTEXT = 400  # characters around an item within which its sentence's cue words are looked for


def sentence_of(sentences: list[tuple[int, int]], pos: int) -> tuple[int, int] | None:
    """The (start, end) of the sentence holding pos, found by bisection (sentences are sorted)."""
    i = bisect.bisect_right(sentences, (pos, float("inf"))) - 1
    if i >= 0 and sentences[i][0] <= pos < sentences[i][1]:
        return sentences[i]
    return None


def around(sentences: list[tuple[int, int]], start: int, end: int, text_len: int) -> tuple[int, int]:
    """The sentence of [start, end), cut to CONTEXT characters on each side: cue words are near."""
    a, b = sentence_of(sentences, start) or (0, text_len)
    return max(a, start - CONTEXT), min(b, end + CONTEXT)


class Intervals:
    """Character ranges, indexed so that containment and overlap queries take log time."""

    def __init__(self, ranges) -> None:
        self.ranges = sorted((a, b) for a, b in ranges)
        self.starts = [a for a, _ in self.ranges]
        self.max_end: list[int] = []
        best = -1
        for _, b in self.ranges:
            best = max(best, b)
            self.max_end.append(best)

    def contains(self, start: int, end: int) -> bool:
        """Whether one range holds [start, end) whole."""
        i = bisect.bisect_right(self.starts, start) - 1
        return i >= 0 and self.max_end[i] >= end

    def overlaps(self, start: int, end: int) -> bool:
        """Whether one range shares a character with [start, end)."""
        i = bisect.bisect_left(self.starts, end) - 1
        return i >= 0 and self.max_end[i] > start

    def add(self, start: int, end: int) -> None:
        """Add a range (kept sorted)."""
        i = bisect.bisect_left(self.ranges, (start, end))
        self.ranges.insert(i, (start, end))
        self.starts.insert(i, start)
        self.max_end.insert(i, 0)
        best = self.max_end[i - 1] if i else -1
        for j in range(i, len(self.ranges)):
            best = max(best, self.ranges[j][1])
            if self.max_end[j] == best and j > i:
                break
            self.max_end[j] = best
