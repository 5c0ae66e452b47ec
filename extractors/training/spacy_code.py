"""`spacy train --code` file: registers vnnews.VietnameseTokenizer.v1 and makes it saveable.

spaCy saves and loads a pipeline's tokenizer with to_disk/from_disk (and the byte forms). vnnews's
tokenizer has no state of its own (underthesea's model ships with underthesea), so these are no-ops;
they are added here, when missing, rather than in pipeline/tokenizer.py, to keep the training
machinery out of the runtime package.
"""

from __future__ import annotations

from typing import Any

import vnnews.pipeline.nlp  # noqa: F401  (the registry entry lives there)
from vnnews.pipeline.tokenizer import VietnameseTokenizer


def _to_disk(self: VietnameseTokenizer, path: Any, **kwargs: Any) -> None:
    """Nothing to save."""


def _from_disk(self: VietnameseTokenizer, path: Any, **kwargs: Any) -> VietnameseTokenizer:
    """Nothing to load."""
    return self


def _to_bytes(self: VietnameseTokenizer, **kwargs: Any) -> bytes:
    """Nothing to save."""
    return b""


def _from_bytes(self: VietnameseTokenizer, data: bytes, **kwargs: Any) -> VietnameseTokenizer:
    """Nothing to load."""
    return self


for _name, _method in (
    ("to_disk", _to_disk),
    ("from_disk", _from_disk),
    ("to_bytes", _to_bytes),
    ("from_bytes", _from_bytes),
):
    if not hasattr(VietnameseTokenizer, _name):
        setattr(VietnameseTokenizer, _name, _method)
