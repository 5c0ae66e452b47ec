"""Extractor components: each a spaCy factory writing doc.spans, plus a pure Doc -> records converter."""

from vnnews.extractors import activities, dates, metadata, organizations, people

__all__ = ["activities", "dates", "metadata", "organizations", "people"]
