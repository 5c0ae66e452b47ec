"""``--code`` for ``spacy train`` with activities_spacy.cfg: registers vnnews's tokenizer and lets
spaCy save a pipeline that uses it (the tokenizer has no state, so it writes and reads nothing)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pipeline import nlp  # noqa: F401  (registers vnnews.VietnameseTokenizer.v1)
from pipeline.tokenizer import VietnameseTokenizer


def _to_disk(self: VietnameseTokenizer, path: str | Path, **kwargs: Any) -> None:
    Path(path).mkdir(parents=True, exist_ok=True)


def _from_disk(self: VietnameseTokenizer, path: str | Path, **kwargs: Any) -> VietnameseTokenizer:
    return self


def _to_bytes(self: VietnameseTokenizer, **kwargs: Any) -> bytes:
    return b""


def _from_bytes(self: VietnameseTokenizer, data: bytes, **kwargs: Any) -> VietnameseTokenizer:
    return self


for _name, _fn in (
    ("to_disk", _to_disk),
    ("from_disk", _from_disk),
    ("to_bytes", _to_bytes),
    ("from_bytes", _from_bytes),
):
    if not hasattr(VietnameseTokenizer, _name):
        setattr(VietnameseTokenizer, _name, _fn)
