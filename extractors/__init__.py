"""Extractor components: each a spaCy factory writing doc.spans, plus a pure Doc -> records converter.

The modules are imported by name (`from vnnews.extractors import dates`); importing the package
alone loads nothing, so that light modules (`text`, `lexicon`) do not pull in spaCy."""

__all__ = ["activities", "dates", "metadata", "organizations", "people"]
