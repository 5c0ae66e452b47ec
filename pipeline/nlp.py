"""Build the spaCy pipeline: the underthesea tokenizer and the vnnews extractor components."""

from __future__ import annotations

from functools import cache

import spacy
from spacy.language import Language
from spacy.util import registry

from vnnews.extractors import activities, dates, mention_model, organizations, people  # noqa: F401  (registers the factories)
from vnnews.pipeline.tokenizer import VietnameseTokenizer

MAX_CHARS = 2_000_000  # an article longer than this is a dump, not a report

COMPONENTS = (
    "vnnews_dates",
    "vnnews_mentions",
    "vnnews_organizations",
    "vnnews_people",
    "vnnews_activities",
)


@registry.tokenizers("vnnews.VietnameseTokenizer.v1")
def create_tokenizer():
    """spaCy registry entry for the underthesea-backed tokenizer."""

    def make(nlp: Language) -> VietnameseTokenizer:
        return VietnameseTokenizer(nlp.vocab)

    return make


def build(components: tuple[str, ...] = COMPONENTS) -> Language:
    """A blank Vietnamese spaCy pipeline with vnnews's tokenizer and components."""
    nlp = spacy.blank("vi", config={"nlp": {"tokenizer": {"@tokenizers": "vnnews.VietnameseTokenizer.v1"}}})
    nlp.max_length = MAX_CHARS  # the article limit, not spaCy's default of 1,000,000 characters
    for name in components:
        nlp.add_pipe(name)
    return nlp


@cache
def shared() -> Language:
    """The pipeline, built once per process."""
    return build()
