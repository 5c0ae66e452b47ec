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
    html = _prepare(_LONG_TAG.sub(r"<\1>", html))

    # tables kept: news pages put photos with their captions, and fact boxes, in tables
    doc = bare_extraction(html, with_metadata=True, include_comments=False, include_tables=True)
    data = doc.as_dict() if doc is not None and hasattr(doc, "as_dict") else (doc or {})
    text = _without_related(table_rows((data.get("text") or "").strip()))
    if len(text) < MIN_ARTICLE_CHARS:
        raise NoArticle(f"{name}: no article text found in the HTML page")
    return Page(
        text=text,
        title=(data.get("title") or None),
        author=(data.get("author") or None),
        published=(data.get("date") or None),
        url=(data.get("url") or None),
    )


# a container of related news, by its class or id ("related-news", "tin-lien-quan", "box-relate")
_RELATED_ATTR = re.compile(r"relate|lien[-_]?quan|tinlienquan|tin[-_]?khac|xem[-_]?them|doc[-_]?them", re.I)
_MOSTLY_LINKS = 0.5  # a container whose text is more than half link text is a list of links


def _prepare(html: str) -> str:
    """The page made ready for trafilatura: related-news lists dropped (a container named so, or
    a "Tin liên quan" heading with the list after it), and each photo caption (<figcaption>, which
    trafilatura drops) turned into a paragraph of its own in place of its figure."""
    from lxml import etree
    from lxml import html as lxml_html

    from vnnews.extractors.metadata import RELATED_HEADING

    try:
        root = lxml_html.fromstring(html)
    except (etree.ParserError, ValueError):
        return html  # trafilatura has its own ways with a page lxml.html refuses
    for el in root.xpath("//*[@class or @id]"):
        names = f"{el.get('class', '')} {el.get('id', '')}"
        if _RELATED_ATTR.search(names) and _link_share(el) > _MOSTLY_LINKS and el.getparent() is not None:
            el.drop_tree()
    for el in list(root.iter("h1", "h2", "h3", "h4", "h5", "h6", "p", "div", "strong", "b", "span")):
        if el.getparent() is None or not RELATED_HEADING.fullmatch(el.text_content().strip()):
            continue
        heading = el
        while heading.getparent() is not None and heading.getparent().tag in {"strong", "b", "p", "span"}:
            heading = heading.getparent()
        nxt = heading.getnext()
        while nxt is not None and (nxt.tag in {"ul", "ol"} or _link_share(nxt) > _MOSTLY_LINKS):
            after = nxt.getnext()
            nxt.drop_tree()
            nxt = after
        if heading.getparent() is not None:
            heading.drop_tree()
    for caption in list(root.iter("figcaption")):
        figure = caption.getparent()
        words = caption.text_content().strip()
        if figure is None or not words:
            continue
        paragraph = lxml_html.Element("p")
        paragraph.text = words
        if figure.tag == "figure" and figure.getparent() is not None:
            figure.addnext(paragraph)
            paragraph.tail, figure.tail = figure.tail, None
            figure.drop_tree()
        else:
            caption.addnext(paragraph)
            caption.drop_tree()
    return lxml_html.tostring(root, encoding="unicode")


def _link_share(el) -> float:
    """How much of an element's text is the text of its links."""
    total = len(el.text_content().strip())
    if not total:
        return 1.0
    return sum(len(a.text_content().strip()) for a in el.iter("a")) / total


_TABLE_ROW = re.compile(r"^\|(?P<cells>.*)\|\s*$")


def table_rows(text: str) -> str:
    """trafilatura writes a table row as "| a | b |": a row of one cell becomes its text (a photo
    caption), a row of two a "label: value" line (a fact box), a longer one its cells joined by
    "; "; empty cells (an image) are left out."""
    out = []
    for line in text.split("\n"):
        m = _TABLE_ROW.match(line.strip())
        if not m:
            out.append(line)
            continue
        cells = [c.strip() for c in m.group("cells").split("|")]
        cells = [c for c in cells if c and not c.startswith("![")]
        if cells:
            out.append(": ".join(cells) if len(cells) == 2 else "; ".join(cells))
    return "\n".join(out)


def _without_related(text: str) -> str:
    """text without the related-news lists left in it (a "Tin liên quan" line and its headlines)."""
    from vnnews.extractors.metadata import related_news_blocks

    for a, b in reversed(related_news_blocks(text)):
        text = text[:a] + text[b:]
    return re.sub(r"\n{3,}", "\n\n", text).strip()
