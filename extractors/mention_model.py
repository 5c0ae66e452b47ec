"""The statistical mention tagger: PERSON, ORGANIZATION and LOCATION mentions over vnnews tokens.

A linear-chain CRF (CRFsuite) trained on the VLSP 2018 NER articles (see
extractors/models/mentions/README.md for its provenance and extractors/training/ for how it is
made). It labels vnnews's own tokens, the underthesea words of the Doc built by
`pipeline.nlp.build()`, with BIO tags, and its spans are token spans. The model file ships in the
package and is loaded once, offline.

    from vnnews.extractors.mention_model import predict, char_spans
    predict(doc)     # [(token_start, token_end, "PERSON"), ...]
    char_spans(doc)  # the same mentions as character offsets, trimmed to their syllables

`char_spans` exists because a word can run past a mention: the segmenter may join a given name to
the verb after it ("Lâm phát hiện") or a common noun to the name after it ("trang CNN"); the
mention is then cut at the syllable where capitalization changes.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from vnnews.extractors import lexicon
from vnnews.extractors.common import SpanComponent
from vnnews.extractors.mention_features import Featurizer, doc_context, doc_words, token_texts

LABELS = ("PERSON", "ORGANIZATION", "LOCATION")
SPANS_KEY = "mentions"
MODEL_FILE = "mentions.crfsuite"
TokenSpan = tuple[int, int, str]


def default_model_path() -> Path:
    """The shipped model file."""
    return Path(str(resources.files("vnnews.extractors").joinpath("models", "mentions", MODEL_FILE)))


class CRFMentionTagger:
    """A CRFsuite model over vnnews tokens: features from extractors.mention_features, BIO labels."""

    def __init__(self, path: Path) -> None:
        import pycrfsuite

        self.path = path
        self._tagger = pycrfsuite.Tagger()
        self._tagger.open(str(path))
        # the attributes the model has weights for: the featurizer builds no others; as UTF-8 bytes,
        # which python-crfsuite passes on as they are (a str it would encode anew every time)
        self._features = Featurizer(frozenset(a for a, _ in self._tagger.info().state_features), encode=True)

    def predict(self, doc: Doc) -> list[TokenSpan]:
        """Token spans of the mentions in a Doc, in order."""
        return [s[:3] for s in self.predict_scored(doc)]

    def predict_scored(self, doc: Doc) -> list[tuple[int, int, str, float]]:
        """(token start, token end, label, confidence) of the mentions in a Doc, in order; the
        confidence is the lowest marginal probability of the span's tags (CRFsuite's forward-
        backward), 1.0 for a repeat labelled by `propagate`."""
        ctx = doc_context(doc)
        texts = token_texts(doc)
        spans: list[TokenSpan] = []
        confidence: dict[tuple[int, int], float] = {}
        for ids in doc_words(doc):
            words = [texts[i] for i in ids]
            if not _may_hold_a_name(words):
                continue  # no capitalized word but a one-syllable sentence opening: nothing to tag
            feats = self._features.sentence(words, ctx)
            tags = self._tagger.tag(feats)
            position = {token: k for k, token in enumerate(ids)}
            for span in bio_spans(ids, tags):
                if span[2] not in LABELS:
                    continue
                spans.append(span)
                first = position[span[0]]
                confidence[span[:2]] = min(
                    self._tagger.marginal(tags[k], k) for k in range(first, first + span[1] - span[0])
                )
        return [(s, e, label, confidence.get((s, e), 1.0)) for s, e, label in propagate(doc, spans)]


def _may_hold_a_name(words: list[str]) -> bool:
    """Whether a sentence has a word that could be part of a name: a capitalized word after the
    first, or a first word of several capitalized syllables ("Hà Nội đã ...")."""
    if not words:
        return False
    first = words[0]
    if " " in first and all(s[:1].isupper() for s in first.split(" ")):
        return True
    return any(w[:1].isupper() or (w[:1].isdigit() and any(c.isupper() for c in w)) for w in words[1:])


PROPAGATED = ("PERSON", "ORGANIZATION")
_PROPAGATE_MAX_TOKENS = 3


def propagate(doc: Doc, spans: list[TokenSpan], labels: tuple[str, ...] = PROPAGATED) -> list[TokenSpan]:
    """The spans, plus untagged repeats of a short tagged name elsewhere in the article.

    A name the tagger found once ("Tevez", "Fahasa") is the same name where it recurs without the
    context that gave it away; each short token sequence takes the label most often predicted for
    it, and its capitalized untagged occurrences get that label (LOCATION is left alone: it lost
    precision on VLSP dev).
    """
    texts = token_texts(doc)
    votes: dict[tuple[str, ...], Counter[str]] = {}
    taken = [False] * len(doc)
    for start, end, label in spans:
        for i in range(start, end):
            taken[i] = True
        if end - start <= _PROPAGATE_MAX_TOKENS:
            votes.setdefault(tuple(texts[start:end]), Counter())[label] += 1
    forms = {form: best for form, c in votes.items() if (best := c.most_common(1)[0][0]) in labels}
    if not forms:
        return spans
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for form in sorted(forms, key=len, reverse=True):
        by_first.setdefault(form[0], []).append(form)
    out = list(spans)
    free = 0  # a repeat found ends here: the next starts at or after it
    for i in [i for i, text in enumerate(texts) if text in by_first]:
        if i < free or taken[i] or not texts[i][:1].isupper():
            continue
        for form in by_first[texts[i]]:
            end = i + len(form)
            if end <= len(texts) and not any(taken[i:end]) and tuple(texts[i:end]) == form:
                out.append((i, end, forms[form]))
                free = end
                break
    return sorted(out)


def bio_spans(ids: list[int], tags: list[str]) -> list[TokenSpan]:
    """Spans of a BIO-tagged run of token indices (an I- without its B- starts a mention)."""
    out: list[TokenSpan] = []
    start: int | None = None
    label = ""
    last = -1
    for i, tag in zip(ids, tags, strict=True):
        prefix, _, kind = tag.partition("-")
        if start is not None and (prefix != "I" or kind != label):
            out.append((start, last + 1, label))
            start = None
        if prefix == "B" or (prefix == "I" and start is None):
            start, label = i, kind
        last = i
    if start is not None:
        out.append((start, last + 1, label))
    return out


# the data files the model's features read, beside the feature code: a model is valid only with the
# ones it was trained with (extractors/models/mentions/inputs.sha256, written by the training)
INPUT_DATA = ("mention_gazetteer.tsv", "word_clusters.tsv")


def input_fingerprints() -> dict[str, str]:
    """SHA-256 of each of the data files the features read (INPUT_DATA), by file name."""
    return lexicon.fingerprints(INPUT_DATA)


def write_inputs(folder: Path) -> None:
    """Record, beside a model just trained, the fingerprints of the data files it was trained with."""
    lexicon.write_fingerprints(folder, input_fingerprints())


def recorded_inputs(folder: Path | None = None) -> dict[str, str]:
    """The fingerprints recorded beside the shipped model (or the model in folder), by file name."""
    return lexicon.read_fingerprints(folder or default_model_path().parent)


@cache
def load(path: str | None = None) -> CRFMentionTagger:
    """The tagger, loaded once per path (the shipped model by default)."""
    return CRFMentionTagger(Path(path) if path else default_model_path())


def predict(doc: Doc) -> list[TokenSpan]:
    """(token start, token end, label) of each PERSON / ORGANIZATION / LOCATION mention in a Doc."""
    return load().predict(doc)


@cache
def _leading_forms() -> frozenset[str]:
    """Lower-cased honorifics and titles that may be glued to the front of a name's word."""
    forms = {r[0].lower() for r in lexicon.rows("honorifics.tsv", (2, 2))}
    forms |= {w.lower() for w in lexicon.words("titles.txt")}
    return frozenset(forms)


def trim(doc: Doc, start: int, end: int, label: str) -> tuple[int, int] | None:
    """Character offsets of a token span, a PERSON's cut to its name's syllables (None if none left).

    A PERSON loses the leading lower-case syllables of its first word ("chúa Jesus" -> "Jesus"), an
    honorific or title glued in front of the name ("PGS Lâm" -> "Lâm") and the trailing lower-case
    syllables of its last word ("Hà thích" -> "Hà"). Other labels are kept whole: lower-case
    syllables begin and end many of their names ("công ty", "Bộ Y tế").
    """
    first, last = doc[start], doc[end - 1]
    c_start, c_end = first.idx, last.idx + len(last.text)
    if label != "PERSON":
        return c_start, c_end
    syllables = first.text.split(" ")
    if len(syllables) > 1:
        k = 0
        while k < len(syllables) - 1 and syllables[k].islower():
            k += 1
        if k == 0:
            for j in range(len(syllables) - 1, 0, -1):
                if " ".join(syllables[:j]).lower() in _leading_forms():
                    k = j
                    break
        c_start += sum(len(s) + 1 for s in syllables[:k])
    syllables = last.text.split(" ")
    if len(syllables) > 1:
        k = len(syllables)
        while k > 1 and syllables[k - 1].islower():
            k -= 1
        c_end -= sum(len(s) + 1 for s in syllables[k:])
    return (c_start, c_end) if c_end > c_start else None


def char_spans(doc: Doc) -> list[tuple[int, int, str]]:
    """(char start, char end, label) of each mention, trimmed to its syllables (see `trim`)."""
    out: list[tuple[int, int, str]] = []
    for start, end, label in predict(doc):
        cut = trim(doc, start, end, label)
        if cut:
            out.append((*cut, label))
    return out


@dataclass(frozen=True)
class EntityMention:
    """A mention the model found: character offsets (trimmed to its syllables), its label, and the
    model's confidence in it (0-1)."""

    start: int
    end: int
    label: str
    confidence: float = 1.0


@Language.factory(
    "vnnews_mentions",
    assigns=["doc.spans", "span._.entity"],
    default_config={"spans_key": SPANS_KEY, "model": None},
)
class MentionTagger(SpanComponent):
    """The statistical tagger as a component: doc.spans[spans_key], one span per PERSON,
    ORGANIZATION or LOCATION mention, each span's `_.entity` an EntityMention with the exact
    (trimmed) character offsets. The people and organizations components read them."""

    label = "MENTION"
    extension = "entity"

    def __init__(self, nlp: Language, name: str, spans_key: str, model: str | None) -> None:
        super().__init__(spans_key)
        self.tagger = load(model)  # loaded once, when the pipeline is built

    def find(self, doc: Doc) -> list[EntityMention]:
        """The Doc's mentions, in text order."""
        out = []
        for start, end, label, confidence in self.tagger.predict_scored(doc):
            cut = trim(doc, start, end, label)
            if cut:
                out.append(EntityMention(*cut, label, confidence))
        return out


def entity_mentions(doc: Doc, spans_key: str = SPANS_KEY) -> list[EntityMention]:
    """The model's mentions a processed Doc holds (none when the tagger is not in the pipeline)."""
    return [s._.entity for s in doc.spans.get(spans_key, [])]
