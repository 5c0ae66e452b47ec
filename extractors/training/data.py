"""VLSP 2018 articles -> vnnews Docs with gold mentions aligned to vnnews's own tokens.

Each article's text is prepared exactly as the pipeline prepares an archive record made by
`eval/mentions.py --archive` (first line the title, the rest the body; each normalized, then
composed), the gold character offsets are carried through normalization by a character diff,
and every mention is aligned to the tokenizer's words: exactly when its edges fall on word edges,
else by expanding it to the words it touches. What could not be carried over is counted.
"""

from __future__ import annotations

import difflib
import json
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from spacy.language import Language
from spacy.tokens import Doc

from vnnews.pipeline.normalize import normalize
from vnnews.pipeline.segment import compose

if TYPE_CHECKING:
    from vnnews.pipeline.api import ArticleInput

LABELS = ("PERSON", "ORGANIZATION", "LOCATION")
MISC = "MISCELLANEOUS"  # optionally learned too (works, events, brands...), never output
TokenSpan = tuple[int, int, str]  # token start, token end (exclusive), label


@dataclass
class Entity:
    """A gold mention with offsets into the prepared (normalized) text."""

    label: str
    start: int
    end: int
    text: str
    depth: int


@dataclass
class Example:
    """One article: its Doc, its gold mentions, and the outermost ones aligned to tokens."""

    id: str
    doc: Doc
    entities: list[Entity]
    spans: list[TokenSpan]


@dataclass
class AlignStats:
    """How many outermost gold mentions survived normalization and tokenization, by label."""

    exact: Counter[str] = field(default_factory=Counter)
    expanded: Counter[str] = field(default_factory=Counter)
    lost: Counter[str] = field(default_factory=Counter)  # offsets not carried over, or overlapping

    def summary(self) -> str:
        """One line per label: exact / expanded / lost counts."""
        lines = []
        for label in sorted(set(self.exact) | set(self.expanded) | set(self.lost)):
            total = self.exact[label] + self.expanded[label] + self.lost[label]
            lines.append(
                f"{label:14} {total:6} gold, {self.exact[label]:6} on word edges, "
                f"{self.expanded[label]:5} expanded, {self.lost[label]:4} lost"
            )
        return "\n".join(lines)


def gold_articles(folder: Path) -> Iterator[tuple[ArticleInput, dict]]:
    """Each article of a folder in the guidelines' format (articles.jsonl beside <id>.gold.json),
    read as the pipeline reads an archive line (pipeline.inputs.article_from_object), with its gold
    record ({} when it has none)."""
    from vnnews.pipeline.inputs import article_from_object

    path = folder / "articles.jsonl"
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        item = article_from_object(json.loads(line), f"{path}:{number}")
        gold_file = folder / f"{item.id}.gold.json"
        yield item, json.loads(gold_file.read_text(encoding="utf-8")) if gold_file.exists() else {}


def read_jsonl(path: Path) -> list[dict]:
    """The articles of a VLSP JSON Lines file."""
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def prepare(raw: str) -> str:
    """The text the pipeline analyses for an archive record made from this VLSP text."""
    title, _, body = raw.partition("\n")
    return compose(normalize(title.strip()), normalize(body.strip()))[0]


def offset_map(old: str, new: str) -> list[int | None]:
    """For each offset 0..len(old) of `old`, the same place in `new` (None inside a changed piece)."""
    out: list[int | None] = [None] * (len(old) + 1)
    if old == new:
        return list(range(len(old) + 1))
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            for k in range(i2 - i1 + 1):
                out[i1 + k] = j1 + k
        else:
            out[i1] = j1 if out[i1] is None else out[i1]
            out[i2] = j2
    return out


_TONES = (
    ("òa", "oà"),
    ("óa", "oá"),
    ("ỏa", "oả"),
    ("õa", "oã"),
    ("ọa", "oạ"),
    ("òe", "oè"),
    ("óe", "oé"),
    ("ỏe", "oẻ"),
    ("õe", "oẽ"),
    ("ọe", "oẹ"),
    ("ùy", "uỳ"),
    ("úy", "uý"),
    ("ủy", "uỷ"),
    ("ũy", "uỹ"),
    ("ụy", "uỵ"),
)
_INVISIBLE = re.compile(r"[\u200b\u00ad]")
_SPACES = re.compile(r"\s+")


def fold(text: str) -> str:
    """The referee's folding of a mention (eval/mentions.py): case, spaces, tone placement, edges."""
    text = unicodedata.normalize("NFC", text or "").lower()
    for a, b in _TONES:
        text = text.replace(a, b)
    text = _INVISIBLE.sub("", text)
    return _SPACES.sub(" ", text).strip(" .,;:\"'“”()")


def carry_entities(raw: str, text: str, entities: Iterable[dict]) -> tuple[list[Entity], list[dict]]:
    """Gold entities moved from `raw` to the prepared `text`; also those that could not be moved."""
    where = offset_map(raw, text)
    moved: list[Entity] = []
    lost: list[dict] = []
    for e in entities:
        start, end = where[e["start"]], where[e["end"]]
        if (
            start is None
            or end is None
            or end <= start
            or fold(text[start:end]) != fold(normalize(e["text"]))
        ):
            lost.append(e)
            continue
        moved.append(Entity(e["type"], start, end, text[start:end], e["depth"]))
    return moved, lost


def outermost(entities: list[Entity], labels: tuple[str, ...] = LABELS) -> list[Entity]:
    """Entities of these labels not inside another entity (VLSP depth 0), in text order."""
    return sorted((e for e in entities if e.depth == 0 and e.label in labels), key=lambda e: e.start)


def align(
    doc: Doc, entities: list[Entity], stats: AlignStats | None = None, labels: tuple[str, ...] = LABELS
) -> list[TokenSpan]:
    """Token spans of the outermost entities: exact where possible, else expanded to whole words."""
    spans: list[TokenSpan] = []
    taken = -1
    for e in outermost(entities, labels):
        span = doc.char_span(e.start, e.end)
        kind = "exact"
        if span is None:
            span = doc.char_span(e.start, e.end, alignment_mode="expand")
            kind = "expanded"
        if span is None or len(span) == 0 or span.start < taken:
            if stats:
                stats.lost[e.label] += 1
            continue
        if stats:
            (stats.exact if kind == "exact" else stats.expanded)[e.label] += 1
        spans.append((span.start, span.end, e.label))
        taken = span.end
    return spans


def examples(
    nlp: Language, articles: Iterable[dict], stats: AlignStats | None = None, labels: tuple[str, ...] = LABELS
) -> Iterator[Example]:
    """Tokenized, aligned examples of VLSP articles (the tokenizer is `nlp.make_doc`)."""
    for art in articles:
        text = prepare(art["text"])
        moved, lost = carry_entities(art["text"], text, art["entities"])
        if stats:
            for e in lost:
                if e["depth"] == 0 and e["type"] in labels:
                    stats.lost[e["type"]] += 1
        doc = nlp.make_doc(text)
        yield Example(art["id"], doc, moved, align(doc, moved, stats, labels))


def gold_strings(entities: list[Entity]) -> dict[str, list[str]]:
    """The referee's gold mentions of an article (eval/mentions.py), plus LOCATION the same way.

    PERSON: PERSON mentions not nested in another entity; ORGANIZATION and LOCATION: mentions of
    that label not inside a longer one of the same label.
    """
    out: dict[str, list[str]] = {"PERSON": [e.text for e in entities if e.label == "PERSON" and e.depth == 0]}
    for label in ("ORGANIZATION", "LOCATION"):
        out[label] = [
            e.text
            for e in entities
            if e.label == label
            and not any(
                o is not e
                and o.label == label
                and o.start <= e.start
                and e.end <= o.end
                and o.end - o.start > e.end - e.start
                for o in entities
            )
        ]
    return out
