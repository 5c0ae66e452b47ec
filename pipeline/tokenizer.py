"""A spaCy tokenizer that wraps underthesea's word segmentation and keeps `doc.text == text`."""

from __future__ import annotations

import os
import re
import warnings

from spacy.tokens import Doc
from spacy.vocab import Vocab

from vnnews.pipeline.segment import split_sentences

# underthesea's word segmentation: its regex pre-tokenizer and CRF model, called directly so
# the model is loaded once and the text is not re-normalized behind our back.
_MAX_SEGMENT = 5000  # characters given to the CRF at once; longer sentences are cut at spaces


def _load_segmenter():
    """The word segmenter: vnnews's re-implementation of underthesea's (pipeline.crf_segmenter: the
    same words from the same model files, in a fraction of the time), or underthesea's own path
    when VNNEWS_SEGMENTER=underthesea or when underthesea's files are not laid out as expected."""
    choice = os.environ.get("VNNEWS_SEGMENTER", "").lower()
    if choice not in ("", "crf", "underthesea"):
        warnings.warn(
            f"VNNEWS_SEGMENTER={choice!r} is neither 'crf' nor 'underthesea': using crf",
            RuntimeWarning,
            stacklevel=2,
        )
    if choice != "underthesea":
        from vnnews.pipeline.crf_segmenter import SegmenterFormatError, load_segmenter

        try:
            return load_segmenter()
        except SegmenterFormatError as err:
            warnings.warn(f"{err}; using underthesea's own tagger", RuntimeWarning, stacklevel=2)
    return _underthesea_segmenter()


def _underthesea_segmenter():
    """underthesea's word_tokenize, minus its per-token bookkeeping (the same words, about a third
    less time in the pre-tokenizer); word_tokenize itself if underthesea's internals have moved."""
    import importlib

    ws = importlib.import_module("underthesea.pipeline.word_tokenize")

    def reference(sentence: str) -> list[str]:
        return ws.word_tokenize(sentence, use_token_normalize=False)

    try:
        from underthesea.pipeline.word_tokenize.regex_tokenize import normalize_characters_in_text, patterns

        reference("khởi động")  # loads the CRF model into the module
        model = ws.word_tokenize_model
        predict = model.predict
    except (ImportError, AttributeError):  # pragma: no cover - another underthesea layout
        return reference

    def segment(sentence: str) -> list[str]:
        # word_tokenize's own steps: character normalization, the regex pre-tokenizer (each match
        # is one token), the CRF tags, and "I-W" joining a token to the word before it
        tokens = [m.group() for m in patterns.finditer(normalize_characters_in_text(sentence))]
        out: list[str] = []
        for tag, token in zip(predict([[t] for t in tokens]), tokens, strict=False):
            if tag == "I-W" and out:
                out[-1] = out[-1] + " " + token
            else:
                out.append(token)
        return out

    segment.reference = reference  # type: ignore[attr-defined]
    return segment


SENTENCES_KEY = "vnnews.sentences"  # doc.user_data: the sentence offsets the tokenizer split at
WORDS_KEY = "vnnews.words"  # doc.user_data: (start, end) of every word token, without spaCy Token objects
TEXT_KEY = "vnnews.text"  # doc.user_data: the text itself (spaCy's doc.text re-joins every token)
TOKEN_TEXTS_KEY = "vnnews.token_texts"  # doc.user_data: every token's text, whitespace tokens too
_NON_SPACE = re.compile(r"\S+")


class VietnameseTokenizer:
    """Sentence split, then underthesea words as tokens; whitespace between them as spaCy expects."""

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab
        self._segment = _load_segmenter()

    def __call__(self, text: str) -> Doc:
        words: list[str] = []
        spaces: list[bool] = []
        sent_starts: list[bool] = []
        pos = 0
        sentences = split_sentences(text)
        words_at: list[tuple[int, int]] = []
        for start, end in sentences:
            first = True
            for chunk_start, chunk_end in _chunks(text, start, end):
                for w_start, w_end in self._align(text, chunk_start, chunk_end):
                    words_at.append((w_start, w_end))
                    if w_start == pos + 1 and spaces and not spaces[-1] and text[pos] == " ":
                        spaces[-1] = True  # the usual gap: one space after the previous word
                    else:
                        self._gap(text, pos, w_start, words, spaces, sent_starts)
                    words.append(text[w_start:w_end])
                    spaces.append(False)
                    sent_starts.append(first)
                    first = False
                    pos = w_end
        self._gap(text, pos, len(text), words, spaces, sent_starts)
        doc = Doc(self.vocab, words=words, spaces=spaces, sent_starts=sent_starts)
        doc.user_data[SENTENCES_KEY] = sentences
        doc.user_data[TEXT_KEY] = text
        doc.user_data[WORDS_KEY] = words_at
        doc.user_data[TOKEN_TEXTS_KEY] = words  # the Doc's tokens are these strings
        return doc

    def _align(self, text: str, start: int, end: int) -> list[tuple[int, int]]:
        """Character offsets of the segmenter's words inside text[start:end]."""
        out: list[tuple[int, int]] = []
        pos = start
        for word in self._segment(text[start:end]):
            if text.startswith(word, pos) and pos + len(word) <= end:
                out.append((pos, pos + len(word)))  # the usual case: the word right here
                pos += len(word)
                while pos < end and text[pos] == " ":
                    pos += 1
                continue
            found = _find_word(text, word, pos, end)
            if found is None:
                # the segmenter changed the text: whitespace tokens for the rest of the chunk
                out.extend((m.start(), m.end()) for m in _NON_SPACE.finditer(text, pos, end))
                return out
            out.append(found)
            pos = found[1]
        return out

    @staticmethod
    def _gap(text: str, pos: int, nxt: int, words: list[str], spaces: list[bool], starts: list[bool]) -> None:
        """Record the whitespace between the previous token and the next one."""
        if nxt <= pos:
            return
        gap = text[pos:nxt]
        if words and not spaces[-1] and gap[0] == " ":
            spaces[-1] = True
            gap = gap[1:]
        if gap:
            words.append(gap)
            spaces.append(False)
            starts.append(not words[:-1])


def _find_word(text: str, word: str, pos: int, end: int) -> tuple[int, int] | None:
    """Where `word` (syllables joined by single spaces) starts at pos, allowing any whitespace."""
    while pos < end and text[pos].isspace():
        pos += 1
    if text.startswith(word, pos) and pos + len(word) <= end:
        return pos, pos + len(word)
    parts = word.split(" ")
    p = pos
    for i, part in enumerate(parts):
        if i:
            q = p
            while q < end and text[q].isspace():
                q += 1
            if q == p:
                return None
            p = q
        if not text.startswith(part, p):
            return None
        p += len(part)
    return (pos, p) if p <= end else None


def _chunks(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Pieces of at most _MAX_SEGMENT characters, cut at whitespace where possible."""
    out: list[tuple[int, int]] = []
    while end - start > _MAX_SEGMENT:
        cut = text.rfind(" ", start + _MAX_SEGMENT // 2, start + _MAX_SEGMENT)
        cut = cut if cut > start else start + _MAX_SEGMENT
        out.append((start, cut))
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        out.append((start, end))
    return out
