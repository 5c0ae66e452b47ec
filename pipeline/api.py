"""The Python API: load the pipeline once, then turn article texts into validated records."""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace

from spacy.language import Language
from spacy.tokens import Doc

from vnnews.extractors import activities, dates, metadata, organizations, people
from vnnews.extractors.common import text_of
from vnnews.extractors.structure import split_sections
from vnnews.pipeline import html
from vnnews.pipeline import nlp as nlp_module
from vnnews.pipeline.encodings import first_surrogate, printable, repair_legacy
from vnnews.pipeline.errors import ArticleTimeout, EmptyArticle, InternalError, InvalidInput, VnnewsError
from vnnews.pipeline.normalize import normalize
from vnnews.pipeline.options import DEFAULT_TIMEOUT, ExtractOptions, parse_published
from vnnews.pipeline.segment import compose
from vnnews.schemas import Article, Section

MAX_CHARS = nlp_module.MAX_CHARS  # an article longer than this is a dump, not a report


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
    format: str = "text"  # "text", or "html": a saved web page, parsed by trafilatura when extracted


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

    def describe(self) -> str:
        """One line for a person: where, what, and the kind in brackets; the place is said once even
        when the message starts with it."""
        where = self.id or self.source or "article"
        message = self.message
        for prefix in (self.source, self.id):
            if prefix and message.startswith(prefix + ":"):
                where, message = prefix, message[len(prefix) + 1 :].lstrip()
                break
        return f"{where}: {message} [{self.kind}]"


_TEXT_FIELDS = ("id", "title", "published", "source", "author")


def check_input(item: ArticleInput) -> ArticleInput:
    """item with its fields checked: text a string, the others strings or None (an integer id or year
    becomes a string), no lone surrogate anywhere; InvalidInput naming the field otherwise."""
    if not isinstance(item.text, str):
        raise InvalidInput(f"article text must be a string, not {type(item.text).__name__}")
    changes: dict[str, str] = {}
    for name in _TEXT_FIELDS:
        value = getattr(item, name)
        if isinstance(value, int) and not isinstance(value, bool) and name in ("id", "published"):
            changes[name] = str(value)
        elif value is not None and not isinstance(value, str):
            raise InvalidInput(f"article {name} must be a string or None, not {type(value).__name__}")
    for name in ("text", *_TEXT_FIELDS):
        value = changes.get(name, getattr(item, name))
        at = first_surrogate(value) if isinstance(value, str) else None
        if at is not None:
            raise InvalidInput(
                f"article {name} holds a lone surrogate (\\u{ord(value[at]):04x}) at character {at}: "
                "not valid Unicode"
            )
    if item.format not in ("text", "html"):
        raise InvalidInput(f"article format must be 'text' or 'html', not {item.format!r}")
    return replace(item, **changes) if changes else item


class _Deadline:
    """Raise ArticleTimeout in this thread after `seconds` (SIGALRM; only in a process's main thread
    on POSIX, elsewhere no limit is applied)."""

    def __init__(self, seconds: float | None) -> None:
        usable = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
        self.seconds = seconds if seconds and usable else None
        self.previous = None

    def _expired(self, signum, frame) -> None:
        raise ArticleTimeout(f"the article took more than {self.seconds:g} s: stopped")

    def __enter__(self) -> _Deadline:
        if self.seconds:
            self.previous = signal.signal(signal.SIGALRM, self._expired)
            signal.setitimer(signal.ITIMER_REAL, self.seconds)
        return self

    def __exit__(self, *exc) -> None:
        if self.seconds:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, self.previous or signal.SIG_DFL)


class Extractor:
    """A loaded pipeline; reuse one for many articles.

    timeout: seconds one article may take (default DEFAULT_TIMEOUT; None for no limit); past it the
    article raises ArticleTimeout (a `timeout` failure in extract_many). Applied in the main thread."""

    def __init__(self, nlp: Language | None = None, timeout: float | None = DEFAULT_TIMEOUT) -> None:
        self.nlp = nlp or nlp_module.shared()
        self.timeout = timeout

    def _doc(self, item: ArticleInput) -> Doc:
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
        # the article's structure, before the components that read it run
        doc._.sections = split_sections(text, doc._.has_title)
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
        """The record of one article; raises a VnnewsError (and nothing else) when it cannot be extracted."""
        return self.extract_item(ArticleInput(text, id, title, published, source))

    def extract_item(self, item: ArticleInput) -> Article:
        """The record of one ArticleInput; raises a VnnewsError subclass, and only that, when it cannot
        be extracted: InvalidInput and its kinds for bad input, ArticleTimeout past the time limit,
        InternalError for a bug met on this article."""
        try:
            with _Deadline(self.timeout):
                item = check_input(item)
                if item.format == "html":
                    item = _from_page(item)
                doc = self._doc(item)
                for _, proc in self.nlp.pipeline:
                    doc = proc(doc)
                return assemble(doc, item)
        except VnnewsError:
            raise
        except RecursionError:
            raise InternalError("the article is nested too deeply to process") from None
        except Exception as exc:
            raise InternalError(f"{type(exc).__name__}: {exc}") from exc

    def extract_many(self, items: Iterable[ArticleInput]) -> Iterator[Article | Failure]:
        """Records for many articles, in order; a bad article yields a Failure and the rest go on."""
        for item in items:
            try:
                yield self.extract_item(item)
            except VnnewsError as exc:
                yield Failure(_safe(item.id), _safe(item.source), exc.kind, str(exc))


def _safe(value: object) -> str | None:
    """A caller's id or source as it can go into an error record (valid UTF-8 text, or None)."""
    if value is None:
        return None
    return printable(value if isinstance(value, str) else repr(value))


def _from_page(item: ArticleInput) -> ArticleInput:
    """The article of a saved web page: trafilatura's main text, with the page's metadata filling
    what the caller did not give."""
    page = html.parse(item.text, item.source or item.id or "page")
    return replace(
        item,
        text=page.text,
        title=item.title or page.title,
        published=page.published or item.published,
        source=page.url or item.source,
        author=item.author or page.author,
        format="text",
    )


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


def extract_records(options: ExtractOptions, failures: list[Failure]) -> Iterator[dict]:
    """The records (as JSON-ready dicts) of every article options.paths names, in order, with the
    process-wide pipeline; what cannot be read or extracted is appended to failures as a Failure."""
    from vnnews.pipeline.inputs import read_inputs

    extractor = default_extractor()
    extractor.timeout = options.timeout
    exclude = None if options.include_text else {"text"}
    for result in extractor.extract_many(read_inputs(options.paths, options.read, failures)):
        if isinstance(result, Failure):
            failures.append(result)
        else:
            yield result.model_dump(mode="json", exclude=exclude)


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
