"""Saved web pages: trafilatura finds the article's main text and the page's metadata."""

from __future__ import annotations

import re
from dataclasses import dataclass

from vnnews.pipeline.errors import InvalidInput, TooLarge

MIN_ARTICLE_CHARS = 40  # less main text than this is a page without an article (a menu, an index)
MAX_PAGE_CHARS = 8_000_000  # a saved page larger than this is not one article's page
MAX_TAG_CHARS = 4_000  # a start tag longer than this loses its attributes before parsing
# a start tag and its attributes; [^<>] cannot run past the next tag, so the scan stays linear
_LONG_TAG = re.compile(rf"<([A-Za-z][\w:-]{{0,40}})[^<>]{{{MAX_TAG_CHARS},}}>")


class NoArticle(InvalidInput):
    """An HTML page in which no article text was found."""

    kind = "html_no_article"


@dataclass(frozen=True)
class Page:
    """What a web page yields: the article text and the page's metadata."""

    text: str
    title: str | None
    author: str | None
    published: str | None
    url: str | None


def is_html(name: str, head: str) -> bool:
    """Whether a file is a web page, by its name or its first characters."""
    if name.lower().endswith((".html", ".htm", ".xhtml")):
        return True
    start = head.lstrip()[:200].lower()
    return start.startswith(("<!doctype html", "<html")) or "<html" in start


def parse(html: str, name: str = "page") -> Page:
    """The article of a web page, or NoArticle; TooLarge past MAX_PAGE_CHARS.

    Start tags of more than MAX_TAG_CHARS characters are cut to their name first: lxml checks
    attributes for duplicates in quadratic time, so one tag with 200,000 attributes would take
    minutes; no article needs such a tag."""
    from trafilatura import bare_extraction

    if len(html) > MAX_PAGE_CHARS:
        raise TooLarge(f"{name}: the page has {len(html):,} characters, more than {MAX_PAGE_CHARS:,}")
    html = _LONG_TAG.sub(r"<\1>", html)

    doc = bare_extraction(html, with_metadata=True, include_comments=False, include_tables=False)
    data = doc.as_dict() if doc is not None and hasattr(doc, "as_dict") else (doc or {})
    text = (data.get("text") or "").strip()
    if len(text) < MIN_ARTICLE_CHARS:
        raise NoArticle(f"{name}: no article text found in the HTML page")
    return Page(
        text=text,
        title=(data.get("title") or None),
        author=(data.get("author") or None),
        published=(data.get("date") or None),
        url=(data.get("url") or None),
    )
