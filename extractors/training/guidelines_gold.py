"""corpus/train's gold (GUIDELINES.md format) as extra PERSON / ORGANIZATION training sentences.

The gold lists people by name and organizations by canonical name and aliases, without offsets,
and it lists no places; some names it does not list at all (a back-reference "ông Thế", a byline).
So mentions are located by their strings, and only the sentences where that is safe are kept: a
sentence whose every token holding a capital letter (but a one-syllable first word) lies inside a
located mention (a one-syllable first word counts only if the article never writes it lower case),
with at least one mention. A sentence with a place, an unlisted name, an optional
item (a temple, a byline, an ad-hoc board: VLSP's label for it is unknown) or a capitalized word of
any other kind is left out, so no missing mention becomes a negative example.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span

from vnnews.extractors.mention_features import doc_context, doc_words, token_texts
from vnnews.extractors.training.crf import SENTENCES_KEY
from vnnews.pipeline.normalize import normalize
from vnnews.pipeline.segment import compose


@dataclass
class GoldStats:
    """How much of the gold became training sentences."""

    articles: int = 0
    sentences: int = 0
    kept: int = 0
    person: int = 0
    organization: int = 0

    def summary(self) -> str:
        """One line."""
        return (
            f"corpus/train: {self.articles} articles, kept {self.kept} of {self.sentences} sentences "
            f"with a capitalized word, {self.person} PERSON and {self.organization} ORGANIZATION mentions"
        )


def _strings(gold: dict) -> list[tuple[str, str]]:
    """(text, label) of the required gold names and their aliases, longest first."""
    out: set[tuple[str, str]] = set()
    for person in gold.get("people") or []:
        if not person.get("optional") and person.get("name"):
            out.add((normalize(person["name"]), "PERSON"))
    for org in gold.get("organizations") or []:
        if org.get("optional"):
            continue
        for form in [org.get("name"), *(org.get("aliases") or [])]:
            if form:
                out.add((normalize(form), "ORGANIZATION"))
    return sorted(out, key=lambda x: (-len(x[0]), x))


def _locate(doc: Doc, strings: list[tuple[str, str]]) -> list[tuple[int, int, str]]:
    """Token spans of every occurrence of the strings (whole words; longest first, no overlap)."""
    taken = [False] * len(doc)
    spans: list[tuple[int, int, str]] = []
    for text, label in strings:
        pattern = re.compile(r"(?<!\w)" + re.escape(text).replace(r"\ ", r"\s+") + r"(?!\w)")
        for m in pattern.finditer(doc.text):
            span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
            if span is None or len(span) == 0 or any(taken[span.start : span.end]):
                continue
            # a word joined to a lower-case neighbour is fine ("ông Thế"), one joined to a capitalized
            # word beyond the name is another name's part: skip it
            if label == "ORGANIZATION" and (span.start_char != m.start() or span.end_char != m.end()):
                continue
            for i in range(span.start, span.end):
                taken[i] = True
            spans.append((span.start, span.end, label))
    return sorted(spans)


def examples(nlp: Language, folder: Path, stats: GoldStats | None = None) -> list[Doc]:
    """Docs of corpus/train articles (doc.ents = the located mentions; user_data[SENTENCES_KEY] =
    the sentences safe to train on), only those with at least one such sentence."""
    stats = stats if stats is not None else GoldStats()
    out: list[Doc] = []
    for line in (folder / "articles.jsonl").read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        art = json.loads(line)
        gold_path = folder / f"{art['id']}.gold.json"
        if not gold_path.exists():
            continue
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        text, _ = compose(normalize((art.get("title") or "").strip()) or None, normalize(art["text"].strip()))
        doc = nlp.make_doc(text)
        spans = _locate(doc, _strings(gold))
        inside = [False] * len(doc)
        starts = set()
        for s, e, _label in spans:
            starts.add(s)
            for i in range(s, e):
                inside[i] = True
        texts = token_texts(doc)
        lower = doc_context(doc).lower
        keep: list[int] = []
        for k, ids in enumerate(doc_words(doc)):
            capitalized = [
                i
                for pos, i in enumerate(ids)
                if any(c.isupper() for c in texts[i])
                # a one-syllable sentence opening written lower-case elsewhere is sentence case
                and (pos > 0 or " " in texts[i] or texts[i].lower() not in lower)
            ]
            if not capitalized:
                continue
            stats.sentences += 1
            if all(inside[i] for i in capitalized) and any(i in starts for i in ids):
                keep.append(k)
        stats.articles += 1
        if not keep:
            continue
        kept_tokens = {i for k in keep for i in doc_words(doc)[k]}
        doc.ents = [Span(doc, s, e, label=label) for s, e, label in spans]
        for s, _e, label in spans:
            if s in kept_tokens:
                stats.person += label == "PERSON"
                stats.organization += label == "ORGANIZATION"
        stats.kept += len(keep)
        doc.user_data[SENTENCES_KEY] = keep
        out.append(doc)
    return out
