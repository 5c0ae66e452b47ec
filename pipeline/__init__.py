"""vnnews pipeline: normalize, segment, tokenize and extract Vietnamese press reports."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from vnnews.pipeline.api import ArticleInput, Extractor, Failure, extract, extract_many

__all__ = ["ArticleInput", "Extractor", "Failure", "extract", "extract_many"]


def __getattr__(name: str) -> Any:
    # loaded lazily: importing pipeline.normalize must not build the spaCy pipeline
    if name in __all__:
        from vnnews.pipeline import api

        return getattr(api, name)
    raise AttributeError(name)
