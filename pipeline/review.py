"""The review page of a record (`vnnews show`, `vnnews batch --html`): the article with every item
highlighted by kind, and the record beside it. One self-contained HTML file (inline CSS, no script,
nothing fetched), readable on a phone.

Library code: renders, never prints. Needs the record only (its `text` included), not the pipeline."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from vnnews.schemas import Article

TEMPLATES = Path(__file__).resolve().parent / "templates"
KINDS = ("event", "activity", "organization", "person", "title", "date")  # outermost first at one start
KIND_NAMES = {
    "date": "dates",
    "person": "people",
    "title": "titles",
    "organization": "organizations",
    "activity": "activities",
    "event": "the event",
}


@dataclass(frozen=True)
class Highlight:
    """One highlighted stretch of the record's text."""

    start: int
    end: int
    kind: str  # one of KINDS
    label: str  # what the record says about it (shown on hover / long press)


def highlights(article: Article) -> list[Highlight]:
    """Every item of the record as a stretch of its text: dates, each mention of a person and of an
    organization, activities; titles and the event's type and location, which the record gives as
    strings, at their occurrence nearest to their person (or in the opening, for the event)."""
    text = article.text
    found: dict[tuple[int, int, str], Highlight] = {}

    def add(start: int, end: int, kind: str, label: str) -> None:
        if 0 <= start < end <= len(text):
            found.setdefault((start, end, kind), Highlight(start, end, kind, label))

    for d in article.dates:
        value = d.value or d.lunar_value or "?"
        add(
            d.start,
            d.end,
            "date",
            f"date {value}{f' → {d.end_value}' if d.end_value else ''} ({d.granularity})",
        )
    for p in article.people:
        about = ", ".join(p.titles)
        label = f"person: {p.name}" + (f" — {about}" if about else "") + f" [{p.role}]"
        mentions = p.mentions or [p]
        for m in [p, *mentions]:
            add(m.start, m.end, "person", label)
        for title in p.titles:
            at = _nearest(text, title, [m.start for m in mentions])
            if at is not None:
                add(at, at + len(title), "title", f"title of {p.name}: {title}")
    for o in article.organizations:
        aliases = f" (also {', '.join(o.aliases)})" if o.aliases else ""
        for m in [o, *o.mentions]:
            add(m.start, m.end, "organization", f"organization: {o.name}{aliases} [{o.kind}]")
    for a in article.activities:
        add(a.start, a.end, "activity", f"activity: {a.kind}, {a.relation}")
    opening = next((s.start for s in article.sections if s.name == "lead"), 0)
    for field in ("type", "location"):
        value = getattr(article.event, field)
        if value:
            at = _nearest(text, value, [opening], casefold=True)
            if at is not None:
                add(at, at + len(value), "event", f"event {field}: {value}")
    return sorted(found.values(), key=_order)


def _order(h: Highlight) -> tuple[int, int, int]:
    return (h.start, -h.end, KINDS.index(h.kind))


def _nearest(text: str, needle: str, anchors: list[int], casefold: bool = False) -> int | None:
    """The start of the occurrence of needle nearest to any anchor (whole words), or None."""
    if not needle:
        return None
    pattern = re.compile(r"(?<!\w)" + re.escape(needle) + r"(?!\w)", re.IGNORECASE if casefold else 0)
    starts = [m.start() for m in pattern.finditer(text)]
    if not starts:
        return None
    return min(starts, key=lambda s: min((abs(s - a) for a in anchors), default=s))


def mark_up(text: str, spans: Iterable[Highlight]) -> str:
    """text as HTML (escaped) with each span in a <mark>; overlapping spans nest, and a span that
    crosses another's end is closed and reopened around it, so the markup is always well formed."""
    from markupsafe import escape

    spans = sorted(spans, key=_order)
    points = sorted({0, len(text), *(s.start for s in spans), *(s.end for s in spans)})
    out: list[str] = []
    stack: list[Highlight] = []
    for left, right in itertools.pairwise(points):
        active = [s for s in spans if s.start <= left and s.end >= right]
        keep = 0
        while keep < min(len(stack), len(active)) and stack[keep] is active[keep]:
            keep += 1
        out.extend("</mark>" for _ in stack[keep:])
        for s in active[keep:]:
            out.append(
                f'<mark class="hl hl-{s.kind}" data-kind="{s.kind}" data-start="{s.start}" '
                f'data-end="{s.end}" title="{escape(s.label)}">'
            )
        stack = active
        out.append(str(escape(text[left:right])))
    out.extend("</mark>" for _ in stack)
    return "".join(out)


def render(article: Article, *, source_note: str | None = None) -> str:
    """The review page of one record, as one HTML document. The record must hold its text."""
    import jinja2
    from markupsafe import Markup

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True, undefined=jinja2.StrictUndefined
    )
    return env.get_template("review.html.j2").render(
        article=article,
        body=Markup(mark_up(article.text, highlights(article))),
        kind_names=KIND_NAMES,
        kinds=KINDS,
        source_note=source_note,
    )


def render_index(pages: list[tuple[str, Article]]) -> str:
    """A page listing review pages: (file name, record) each."""
    import jinja2

    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True)
    return env.get_template("index.html.j2").render(pages=pages)


def page_name(article: Article, number: int) -> str:
    """A file name for a record's page: its number and id, safe on any file system."""
    stem = re.sub(r"[^\w.-]+", "-", article.id or "", flags=re.ASCII).strip("-.")[:60]
    return f"{number:04d}-{stem}.html" if stem else f"{number:04d}.html"


def write_pages(records: Iterable[dict], folder: str | Path, limit: int) -> list[Path]:
    """The review pages of the first `limit` records (JSON-ready dicts, their text included) in
    folder, one file each (page_name), and an index.html listing them; the files written."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    pages: list[tuple[str, Article]] = []
    written: list[Path] = []
    for number, record in enumerate(records, 1):
        if number > limit:
            break
        article = Article.model_validate(record)
        name = page_name(article, number)
        path = folder / name
        path.write_text(render(article), encoding="utf-8")
        pages.append((name, article))
        written.append(path)
    index = folder / "index.html"
    index.write_text(render_index(pages), encoding="utf-8")
    return [*written, index]
