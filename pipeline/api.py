"""The Python API: load the pipeline once, then turn article texts into validated records."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from extractors import activities, dates, metadata, organizations, people
from extractors.common import text_of
from pipeline import nlp as nlp_module
from pipeline.encodings import repair_legacy
from pipeline.errors import EmptyArticle, InvalidInput, VnnewsError
from pipeline.normalize import normalize
from pipeline.segment import compose
from schemas import Article, Section

MAX_CHARS = 2_000_000  # an article longer than this is a dump, not a report


@dataclass(frozen=True)
class ArticleInput:
    """One article to extract: its text and what the caller knows about it."""

    text: str
    id: str | None = None
    title: str | None = None
    published: str | None = None
    source: str | None = None
    author: str | None = None  # from a web page's metadata; else the byline decides
    warnings: tuple[str, ...] = ()  # what reading the input noticed (an encoding guessed, ...)


@dataclass(frozen=True)
class Failure:
    """An article that could not be extracted, and why."""

    id: str | None
    source: str | None
    kind: str
    message: str

    def to_dict(self) -> dict:
        """The error record written for this failure."""
        return {"id": self.id, "source": self.source, "error": self.kind, "message": self.message}


_ISO = re.compile(
    r"^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[T ](?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d+)?)?"
    r"(?:Z|[+-](?:[01]\d|2[0-3]):?[0-5]\d)?)?)?)?$"
)


def parse_published(value: str | None) -> str | None:
    """A publication date as ISO at its own granularity ("2017", "2017-06", "2017-06-08"), or None."""
    if value is None:
        return None
    value = str(value).strip()
    if not value:
        return None
    m = _ISO.match(value)
    if not m:
        raise InvalidInput(f"publication date {value!r} is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)")
    year, month, day = m.groups()
    if month and not 1 <= int(month) <= 12:
        raise InvalidInput(f"publication date {value!r} has no month {month}")
    if day:
        import datetime as dt

        try:
            dt.date(int(year), int(month), int(day))
        except ValueError as exc:
            raise InvalidInput(f"publication date {value!r} is not a calendar date") from exc
    return "-".join(x for x in (year, month, day) if x)


class Extractor:
    """A loaded pipeline; reuse one for many articles."""

    def __init__(self, nlp: Language | None = None) -> None:
        self.nlp = nlp or nlp_module.shared()

    def _doc(self, item: ArticleInput) -> Doc:
        if not isinstance(item.text, str):
            raise InvalidInput(f"article text must be a string, not {type(item.text).__name__}")
        warnings = list(item.warnings)
        raw, legacy = repair_legacy(item.text)
        if legacy:
            warnings.append(f"text in the legacy {legacy.upper()} font encoding: converted to Unicode")
        body = normalize(raw)
        title = normalize(repair_legacy(item.title)[0]) if item.title else None
        if not body and not title:
            raise EmptyArticle("the article has no text")
        text, has_title = compose(title, body)
        if len(text) > MAX_CHARS:
            raise InvalidInput(
                f"the article has {len(text):,} characters, more than the limit of {MAX_CHARS:,}"
            )
        doc = self.nlp.make_doc(text)
        doc._.published = parse_published(item.published)
        doc._.has_title = True if has_title else None
        doc._.warnings = warnings
        return doc

    def extract(
        self,
        text: str,
        *,
        id: str | None = None,
        title: str | None = None,
        published: str | None = None,
        source: str | None = None,
    ) -> Article:
        """The record of one article; raises VnnewsError when the input cannot be extracted."""
        return self.extract_item(ArticleInput(text, id, title, published, source))

    def extract_item(self, item: ArticleInput) -> Article:
        """The record of one ArticleInput; raises VnnewsError when it cannot be extracted."""
        doc = self._doc(item)
        for _, proc in self.nlp.pipeline:
            doc = proc(doc)
        return assemble(doc, item)

    def extract_many(self, items: Iterable[ArticleInput]) -> Iterator[Article | Failure]:
        """Records for many articles, in order; a bad article yields a Failure and the rest go on."""
        for item in items:
            try:
                yield self.extract_item(item)
            except VnnewsError as exc:
                yield Failure(item.id, item.source, exc.kind, str(exc))
            except Exception as exc:  # a bug on one article must not stop a batch
                yield Failure(item.id, item.source, "internal", f"{type(exc).__name__}: {exc}")


def assemble(doc: Doc, item: ArticleInput) -> Article:
    """The Article record of a processed Doc."""
    date_items = dates.to_records(doc)
    org_mentions = organizations.mentions_of(doc)
    person_items = people.to_records(doc)
    event = metadata.to_event(doc, date_items, org_mentions, person_items)
    return Article(
        id=item.id,
        source=item.source,
        title=metadata.title_of(doc),
        author=item.author or metadata.author_of(doc),
        published=doc._.published,
        event=event,
        dates=date_items,
        people=person_items,
        organizations=organizations.to_records(doc),
        activities=activities.to_records(doc),
        warnings=list(doc._.warnings or []),
        sections=[Section(name=s.name, start=s.start, end=s.end) for s in doc._.sections or []],  # type: ignore[arg-type]
        text=text_of(doc),
    )


_default: Extractor | None = None
_served = 0
# spaCy's vocabulary keeps every string it has seen: a long-lived worker builds a fresh pipeline after
# this many articles so that its memory stays flat over archives of any size
RECYCLE_AFTER = 20_000


def default_extractor(articles: int = 0) -> Extractor:
    """The process-wide Extractor, loaded on first use; `articles` counts what the caller will extract."""
    global _default, _served
    _served += articles
    if _default is not None and _served > RECYCLE_AFTER:
        nlp_module.shared.cache_clear()
        _default, _served = None, articles
    if _default is None:
        _default = Extractor()
    return _default


def extract(
    text: str,
    *,
    id: str | None = None,
    title: str | None = None,
    published: str | None = None,
    source: str | None = None,
) -> Article:
    """The record of one article, with the process-wide pipeline."""
    return default_extractor().extract(text, id=id, title=title, published=published, source=source)


def extract_many(items: Iterable[ArticleInput]) -> Iterator[Article | Failure]:
    """Records (or Failures) for many articles, in order, with the process-wide pipeline."""
    return default_extractor().extract_many(items)
