"""Features of vnnews tokens for the CRF mention tagger: word, syllables, shape, lexicons, context.

A token is an underthesea word of one or more syllables ("Nguyễn Văn", "công ty", "Hà Nội"), so
beside the word itself the features look at its syllables' capitalization and at the vnnews
lexicons (surnames, titles, honorifics, organization heads, provinces, countries, locality levels),
matched over runs of tokens, and at the word clusters learned from unlabeled news
(extractors/data/word_clusters.tsv, made by extractors/training/clusters.py). Used by training
(extractors.training) and inference (extractors.mention_model) alike, so both see exactly the same
features.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import NamedTuple

import numpy as np
from spacy.attrs import IS_SPACE, ORTH, SENT_START
from spacy.tokens import Doc

from vnnews.extractors import lexicon
from vnnews.extractors.text import VIET_SYLLABLE

# lexicon name -> (file, columns as lexicon.rows wants them)
_LEXICONS: dict[str, tuple[str, tuple[int, int]]] = {
    "surname": ("surnames.txt", (1, 1)),
    "middle": ("middle_names.txt", (1, 2)),
    "title": ("titles.txt", (1, 1)),
    "honor": ("honorifics.tsv", (2, 2)),
    "orghead": ("org_heads.tsv", (3, 3)),
    "province": ("provinces.txt", (1, 1)),
    "country": ("countries.txt", (1, 1)),
    "level": ("locality_levels.txt", (1, 3)),
    "notper": ("not_person_before.txt", (1, 1)),
}
_SPACE = re.compile(r"\s+")
_LETTER = re.compile(r"[^\W\d_]")

CLUSTER_FILE = "word_clusters.tsv"
# the cluster granularities (the file's `# levels:`) used for a word itself, and for its neighbours
CLUSTER_OWN: tuple[int, ...] = (64, 256, 1024)
CLUSTER_CONTEXT: tuple[int, ...] = (64, 256, 1024)
CONTEXT_OFFSETS = (
    -2,
    -1,
    1,
    2,
)  # the neighbours every context feature looks at (Featurizer relies on the order)


@cache
def word_clusters(name: str = CLUSTER_FILE) -> tuple[tuple[int, ...], dict[str, tuple[int, ...]]]:
    """The granularities of a word-cluster file (its `# levels:` line) and each lower-cased word's
    cluster id at every one of them; loaded once and validated (LexiconError when malformed)."""
    levels_line = next((c for c in lexicon.comments(name) if c.startswith("# levels:")), None)
    if levels_line is None:
        raise lexicon.LexiconError(f"{name}: no '# levels:' line")
    try:
        levels = tuple(int(x) for x in levels_line.removeprefix("# levels:").split())
    except ValueError as e:
        raise lexicon.LexiconError(f"{name}: bad levels line {levels_line!r}") from e
    if not levels or any(k < 2 for k in levels):
        raise lexicon.LexiconError(f"{name}: bad levels line {levels_line!r}")
    table: dict[str, tuple[int, ...]] = {}
    for word, *ids in lexicon.rows(name, (len(levels) + 1, len(levels) + 1)):
        if word != word.lower() or word in table:
            raise lexicon.LexiconError(f"{name}: {word!r} is not lower case or is listed twice")
        if not all(x.isdigit() and int(x) < k for x, k in zip(ids, levels, strict=True)):
            raise lexicon.LexiconError(f"{name}: {word!r} has a cluster id out of its level's range")
        table[word] = tuple(int(x) for x in ids)
    return levels, table


@cache
def _cluster_features(
    own: tuple[int, ...], context: tuple[int, ...]
) -> dict[str, tuple[tuple[str, str], ...]]:
    """Lower-cased word -> its cluster features: ("c<k>", id) for each level of `own` and of
    `context` (the neighbours' levels, taken from the same table)."""
    levels, table = word_clusters(CLUSTER_FILE)
    wanted = sorted(set(own) | set(context))
    missing = [k for k in wanted if k not in levels]
    if missing:
        raise lexicon.LexiconError(f"{CLUSTER_FILE}: no level {missing}")
    where = [(f"c{k}", levels.index(k)) for k in wanted]
    return {w: tuple((name, str(ids[i])) for name, i in where) for w, ids in table.items()}


GAZETTEER_FILE = "mention_gazetteer.tsv"


def _phrase(form: str) -> str:
    """A lexicon form as the gazetteer holds it: lower case, single spaces."""
    return _SPACE.sub(" ", form.lower()).strip()


def gazetteer_rows_from_lexicons() -> list[tuple[str, str]]:
    """(lexicon name, lower-cased phrase) of every phrase of the rule lexicons the tagger reads
    (_LEXICONS), sorted: what `training.gazetteer` writes to GAZETTEER_FILE."""
    rows: set[tuple[str, str]] = set()
    for name, (path, columns) in _LEXICONS.items():
        for row in lexicon.rows(path, columns):
            phrase = _phrase(row[0])
            if phrase:
                rows.add((name, phrase))
    return sorted(rows)


@cache
def gazetteer_rows(name: str = GAZETTEER_FILE) -> tuple[tuple[str, str], ...]:
    """The tagger's own copy of the rule lexicons, (lexicon name, phrase) per row, as it was trained
    with them: the rule lexicons grow with the rules, and a model's features must not move under
    it (a change is made on purpose, by `training.gazetteer` then retraining). Loaded once and
    validated (LexiconError when a row names no known lexicon or is not lower case)."""
    out = []
    for kind, phrase in lexicon.rows(name, (2, 2)):
        if kind not in _LEXICONS or phrase != _phrase(phrase):
            raise lexicon.LexiconError(f"{name}: bad row {kind!r} {phrase!r}")
        out.append((kind, phrase))
    return tuple(out)


@cache
def gazetteer() -> tuple[dict[str, frozenset[str]], frozenset[str]]:
    """Lower-cased lexicon phrases -> the lexicons holding them; and every word-prefix of a phrase."""
    phrases: dict[str, set[str]] = {}
    for kind, phrase in gazetteer_rows():
        phrases.setdefault(phrase, set()).add(kind)
    prefixes: set[str] = set()
    for phrase in phrases:
        parts = phrase.split(" ")
        prefixes.update(" ".join(parts[:k]) for k in range(1, len(parts) + 1))
    return {k: frozenset(v) for k, v in phrases.items()}, frozenset(prefixes)


def lexicon_marks(words: list[str]) -> list[list[str]]:
    """For each word, 'B:<lexicon>' / 'I:<lexicon>' where the longest lexicon phrase over words lies."""
    marks: list[list[str]] = [[] for _ in words]
    for i, m in _marked(words).items():
        marks[i] = m
    return marks


def _marked(words: list[str]) -> dict[int, list[str]]:
    """lexicon_marks of the words that have any, by position (most words open no lexicon phrase,
    and are passed over after one lookup)."""
    phrases, prefixes = gazetteer()
    lowered = [w.lower() for w in words]
    marks: dict[int, list[str]] = {}
    n = len(words)
    for i in [i for i, w in enumerate(lowered) if w in prefixes]:
        phrase = ""
        best: tuple[int, frozenset[str]] | None = None
        for j in range(i, min(n, i + 8)):
            phrase = lowered[j] if j == i else phrase + " " + lowered[j]
            if phrase not in prefixes:
                break
            if phrase in phrases:
                best = (j + 1, phrases[phrase])
        if best:
            end, names = best
            for name in sorted(names):
                marks.setdefault(i, []).append("B:" + name)
                for k in range(i + 1, end):
                    marks.setdefault(k, []).append("I:" + name)
    return marks


def _shape(syllable: str) -> str:
    """X, x, d or p per character, runs collapsed to two ('Nguyễn' -> 'Xxx' -> 'Xx')."""
    out: list[str] = []
    for ch in syllable:
        c = "X" if ch.isupper() else "x" if ch.isalpha() else "d" if ch.isdigit() else ch
        if len(out) >= 2 and out[-1] == c and out[-2] == c:
            continue
        out.append(c)
    return "".join(out)


def _case(syllable: str) -> str:
    """U (all capitals), T (title case), L (lower), N (no letter) or M (mixed)."""
    if not _LETTER.search(syllable):
        return "N"
    if syllable.isupper():
        return "U" if len(syllable) > 1 else "T"
    if syllable[0].isupper():
        return "T"
    if syllable.islower():
        return "L"
    return "M"


def _own(
    word: str, marks: list[str], surnames: frozenset[str], middles: frozenset[str]
) -> dict[str, str | float]:
    """Features of one word on its own."""
    syllables = word.split(" ")
    cases = "".join(_case(s) for s in syllables)
    first, last = syllables[0], syllables[-1]
    feats: dict[str, str | float] = {
        "w": word.lower(),
        "case": cases if len(cases) <= 4 else cases[:2] + "." + cases[-2:],
        "n": str(min(len(syllables), 4)),
        "shape": _shape(word) if len(word) <= 12 else _shape(word[:6]) + "~",
        "suf": last[-3:].lower(),
        "s0": first.lower(),
        "sN": last.lower(),
    }
    if any(not VIET_SYLLABLE.fullmatch(x.lower()) for x in syllables if x[:1].isalpha()):
        feats["foreign"] = 1.0
    if first.lower() in surnames:
        feats["s0sur"] = 1.0
    if len(syllables) > 1 and syllables[1].lower() in middles:
        feats["s1mid"] = 1.0
    if any(ch.isdigit() for ch in word):
        feats["digit"] = 1.0
    if "." in word or "-" in word or "/" in word or "&" in word:
        feats["punct"] = 1.0
    for m in marks:
        feats["lex=" + m] = 1.0
    for k, v in _cluster_features(CLUSTER_OWN, CLUSTER_CONTEXT).get(feats["w"], ()):
        feats[k] = v
    return feats


def token_texts(doc: Doc) -> list[str]:
    """The text of every token, built once per Doc (spaCy makes a Token object per access); vnnews's
    tokenizer stores it when it makes the Doc (pipeline.tokenizer.TOKEN_TEXTS_KEY)."""
    cached = doc.user_data.get("vnnews.token_texts")
    if cached is None:
        strings = doc.vocab.strings  # each token's ORTH looked up: no Token object is made
        cached = doc.user_data["vnnews.token_texts"] = [strings[h] for h in doc.to_array(ORTH).tolist()]
    return cached


def doc_words(doc: Doc) -> list[list[int]]:
    """Sentences as lists of token indices, whitespace tokens left out (built once per Doc, from
    the token attribute arrays rather than Token objects)."""
    cached = doc.user_data.get("vnnews.doc_words")
    if cached is not None:
        return cached
    starts, spaces = doc.to_array([SENT_START, IS_SPACE]).T
    sentence = np.cumsum(starts == 1)  # each token's sentence number
    ids = np.flatnonzero(spaces == 0)
    cuts = (np.flatnonzero(np.diff(sentence[ids])) + 1).tolist()
    flat = ids.tolist()
    out = [flat[a:b] for a, b in zip([0, *cuts], [*cuts, len(flat)], strict=True) if b > a]
    doc.user_data["vnnews.doc_words"] = out
    return out


_MAX_NAME_RUN = 8  # syllables


@dataclass(frozen=True)
class DocContext:
    """What the rest of the article says about a word: written lower-case, or as part of a name."""

    lower: frozenset[str]  # words written all lower-case somewhere
    cap_inside: frozenset[str]  # capitalized words seen not at a sentence's start
    name_parts: frozenset[str]  # lower-cased given-name tails of capitalized runs opening on a surname


def doc_context(doc: Doc) -> DocContext:
    """The article-level facts the features use, gathered in one pass over the Doc."""
    surnames = _gazetteer_words("surname")
    texts = token_texts(doc)
    # a whitespace token is never lower-case: the words written lower-case, in one pass
    lower = {t for t in texts if t.islower()}
    cap_inside: set[str] = set()
    name_parts: set[str] = set()
    run: list[str] = []
    for ids in doc_words(doc):
        for pos, i in enumerate([*ids, -1]):
            text = texts[i] if i >= 0 else ""
            # most words are lower-case: the first letter settles them without a split
            if text[:1].isupper() and (" " not in text or all(s[:1].isupper() for s in text.split(" "))):
                run.extend(text.split(" "))
                if pos > 0:
                    cap_inside.add(text)
                continue
            if not run:
                continue
            # a name has a few syllables: a longer capitalized run (a heading in capitals, a list)
            # gives no name parts, and its suffixes would cost quadratic time
            if 2 <= len(run) <= _MAX_NAME_RUN and run[0].lower() in surnames:
                tail = [s.lower() for s in run[1:]]
                name_parts.update(" ".join(tail[k:]) for k in range(len(tail)))
            run = []
    return DocContext(frozenset(lower), frozenset(cap_inside), frozenset(name_parts))


@cache
def _gazetteer_words(kind: str) -> frozenset[str]:
    """The phrases of one lexicon of the tagger's gazetteer ("surname", "middle")."""
    return frozenset(phrase for k, phrase in gazetteer_rows() if k == kind)


def token_flags(word: str, i: int, n: int, ctx: DocContext) -> list[str]:
    """The attributes of the word at position i of a sentence of n words that depend on its place
    or on the rest of the article (none for a lower-case word inside a sentence)."""
    flags = []
    if i == 0:
        flags.append("BOS")
    if i == n - 1:
        flags.append("EOS")
    if word[:1].isupper():
        if word.lower() in ctx.lower:
            flags.append("lowerseen")  # the same word written lower-case elsewhere in the article
        if i == 0 and word in ctx.cap_inside:
            flags.append("capinside")  # capitalized inside a sentence elsewhere: not sentence case
        if word.lower() in ctx.name_parts:
            flags.append("namepart")  # the tail of a full name elsewhere: a back-reference
    return flags


Attribute = str | bytes  # bytes (UTF-8) in a Featurizer made with encode=True


class _WordFeatures(NamedTuple):
    """A word's CRFsuite attributes: "bias" and its own, and the ones it lends to each neighbour
    (already named by offset, so that a sentence is a few list extensions)."""

    w: str  # the lower-cased word
    case: str  # its syllables' case string
    capital: bool  # whether it begins with a capital (it may then have article-level flags)
    head: tuple[Attribute, ...]  # "bias" and the word's own attributes
    lent: tuple[tuple[Attribute, ...], ...]  # what it gives the word at each of CONTEXT_OFFSETS
    after: dict[str, Attribute] | None  # previous word -> the known "-1|0:w:<it>|<this>" attribute
    before: dict[str, Attribute] | None  # next word -> the known "0|1:w:<this>|<it>" attribute
    case_after: dict[str, Attribute]  # previous word's case -> the known "-1|0:case:<it>|<this>"
    case_before: dict[str, Attribute]  # next word's case -> the known "0|1:case:<this>|<it>"


@dataclass(frozen=True)
class FeatureConfig:
    """Which context attributes a word lends its neighbours (the training command's options; a
    model is tagged with the attributes it knows, so a model trained with fewer is still valid)."""

    context_clusters: tuple[int, ...] = CLUSTER_CONTEXT  # the neighbours' cluster levels
    far: str = "all"  # what the neighbours at ±2 lend: "all" (as ±1 but s0/sN) or "word" (the word only)
    word_bigrams: bool = True  # the "-1|0:w" / "0|1:w" word pairs


DEFAULT_CONFIG = FeatureConfig()


def attribute(name: str, value: str | float) -> str:
    """One feature as the CRFsuite attribute python-crfsuite makes of a dict item: `name:value`
    for a string value, `name` alone for a 1.0 (every numeric feature here is 1.0)."""
    return f"{name}:{value}" if isinstance(value, str) else name


_PAIR_PREFIXES = ("-1|0:w:", "0|1:w:", "-1|0:case:", "0|1:case:")


def _pair_index(known: frozenset[str]) -> dict[str, dict[tuple[str, str], str]]:
    """The known pair attributes by prefix, keyed by the (first, second) values whose
    `prefix + first + "|" + second` they are: a value holding a "|" is entered under every split
    of it, so that looking a pair up gives exactly what formatting it and asking `known` would."""
    index: dict[str, dict[tuple[str, str], str]] = {p: {} for p in _PAIR_PREFIXES}
    for a in known:
        for prefix in _PAIR_PREFIXES:
            if a.startswith(prefix):
                rest = a[len(prefix) :]
                for k, ch in enumerate(rest):
                    if ch == "|":
                        index[prefix][(rest[:k], rest[k + 1 :])] = a
                break
    return index


_NO_WORD = _WordFeatures("", "", False, (), ((), (), (), ()), None, None, {}, {})  # beyond a sentence's ends


class Featurizer:
    """Turns sentences into CRFsuite attributes (`name:value` or `name`, see `attribute`).

    A word's own attributes and the ones it lends its neighbours are computed once per process for
    each (word, lexicon marks): most words of an archive are words seen before. Given `known`, the
    attributes a trained model has weights for, it leaves out every other attribute: CRFsuite would
    ignore them, so the tags are the same, and a third of the strings are never built or passed; the
    word and case pairs are then looked up among the known ones rather than formatted. With
    `encode`, the attributes are UTF-8 bytes, which python-crfsuite takes without encoding each
    string again for every sentence (the same attributes, so the same tags and marginals).
    """

    CACHE_MAX = 200_000  # entries (a word and its lexicon marks); emptied when full

    def __init__(
        self,
        known: frozenset[str] | None = None,
        config: FeatureConfig = DEFAULT_CONFIG,
        encode: bool = False,
    ) -> None:
        self.known = known
        self.config = config
        self.encode = encode
        self._context_clusters = tuple(f"c{k}" for k in config.context_clusters)
        self._neighbour_only = frozenset(f"c{k}" for k in CLUSTER_CONTEXT if k not in CLUSTER_OWN)
        self._cache: dict[str | tuple[str, tuple[str, ...]], _WordFeatures] = {}
        self._flags: dict[str, Attribute] = {}
        # known pairs: (first, second) -> attribute, per prefix; the words' ones go to each word
        self._after: dict[str, dict[str, Attribute]] = {}
        self._before: dict[str, dict[str, Attribute]] = {}
        self._case_after: dict[str, dict[str, Attribute]] = {}
        self._case_before: dict[str, dict[str, Attribute]] = {}
        # one object per known attribute, made here in one go: every word's tuples share them, so a
        # sentence's attributes lie in a small, compact set of objects rather than one copy per word
        # scattered over the heap (python-crfsuite reads every one of them, every sentence)
        self._objects: dict[str, Attribute] = {}
        if known is not None:
            self._objects = {a: self._out(a) for a in sorted(known)}
            index = _pair_index(known)
            if config.word_bigrams:
                for (prev, this), a in index["-1|0:w:"].items():
                    self._after.setdefault(this, {})[prev] = self._objects[a]
                for (this, nxt), a in index["0|1:w:"].items():
                    self._before.setdefault(this, {})[nxt] = self._objects[a]
            for (prev, this), a in index["-1|0:case:"].items():
                self._case_after.setdefault(this, {})[prev] = self._objects[a]
            for (this, nxt), a in index["0|1:case:"].items():
                self._case_before.setdefault(this, {})[nxt] = self._objects[a]

    def _out(self, a: str) -> Attribute:
        """An attribute as this featurizer gives it: the known attribute's own object if any."""
        hit = self._objects.get(a)
        if hit is not None:
            return hit
        return a.encode() if self.encode else a

    def _keep(self, attributes: list[str]) -> tuple[Attribute, ...]:
        if self.known is None:
            return tuple(a.encode() for a in attributes) if self.encode else tuple(attributes)
        objects = self._objects
        return tuple(objects[a] for a in attributes if a in objects)

    def word(self, word: str, marks: list[str]) -> _WordFeatures:
        """A word's attributes, and those it lends to each neighbour."""
        key = (word, tuple(marks)) if marks else word  # most words have no lexicon mark
        hit = self._cache.get(key)
        if hit is None:
            if len(self._cache) >= self.CACHE_MAX:
                self._cache.clear()
            own = _own(word, marks, _gazetteer_words("surname"), _gazetteer_words("middle"))
            lex = [k for k in own if k.startswith("lex=")]
            lent = []
            for off in CONTEXT_OFFSETS:
                if abs(off) == 2 and self.config.far == "word":
                    names = ["w"]
                else:
                    names = ["w", "case", *(k for k in self._context_clusters if k in own), *lex]
                pairs = [attribute(f"{off}:{k}", own[k]) for k in names]
                if off == -1:
                    pairs.append(attribute("-1:sN", own["sN"]))
                elif off == 1:
                    pairs.append(attribute("1:s0", own["s0"]))
                lent.append(self._keep(pairs))
            # "bias" is known to every model (a weight per label): kept without asking
            items = [attribute(k, v) for k, v in own.items() if k not in self._neighbour_only]
            w, case = str(own["w"]), str(own["case"])
            hit = self._cache[key] = _WordFeatures(
                w,
                case,
                word[:1].isupper(),
                (self._out("bias"), *self._keep(items)),
                tuple(lent),
                self._after.get(w),
                self._before.get(w),
                self._case_after.get(case, {}),
                self._case_before.get(case, {}),
            )
        return hit

    def _flag(self, name: str) -> Attribute:
        out = self._flags.get(name)
        if out is None:
            out = self._flags[name] = self._out(name)
        return out

    def sentence(self, words: list[str], ctx: DocContext) -> list[list[Attribute]]:
        """The attributes of each word of a sentence (words as the tokenizer wrote them)."""
        # two empty words on each side: every position has its four neighbours; a word's lent[k] is
        # for the word at CONTEXT_OFFSETS[k] = -2, -1, 1, 2 from it
        cache = self._cache
        padded = [_NO_WORD, _NO_WORD, *[cache.get(w) for w in words], _NO_WORD, _NO_WORD]
        for i, m in _marked(words).items():
            padded[i + 2] = self.word(words[i], m)
        if None in padded:
            for i, w in enumerate(words, 2):
                if padded[i] is None:
                    padded[i] = self.word(w, [])
        if self.known is None:
            return self._every_pair(words, ctx, padded)
        out: list[list[Attribute]] = []
        n = len(words)
        last = n - 1
        for i in range(n):
            prev, here, nxt = padded[i + 1], padded[i + 2], padded[i + 3]
            flags = (
                [self._flag(f) for f in token_flags(words[i], i, n, ctx)]
                if i == 0 or i == last or here.capital
                else ()
            )
            feats = [
                *here.head,
                *flags,
                *padded[i].lent[0],
                *prev.lent[1],
                *nxt.lent[2],
                *padded[i + 4].lent[3],
            ]
            if i > 0:
                if here.after is not None and (a := here.after.get(prev.w)) is not None:
                    feats.append(a)
                if (a := here.case_after.get(prev.case)) is not None:
                    feats.append(a)
            if i < last:
                if here.before is not None and (a := here.before.get(nxt.w)) is not None:
                    feats.append(a)
                if (a := here.case_before.get(nxt.case)) is not None:
                    feats.append(a)
            out.append(feats)
        return out

    def _every_pair(
        self, words: list[str], ctx: DocContext, padded: list[_WordFeatures]
    ) -> list[list[Attribute]]:
        """`sentence` without a model: every word and case pair formatted (training)."""
        bigrams = self.config.word_bigrams
        out: list[list[Attribute]] = []
        n = len(words)
        for i in range(n):
            prev, here, nxt = padded[i + 1], padded[i + 2], padded[i + 3]
            feats = list(here.head)
            if i == 0 or i == n - 1 or here.capital:
                feats.extend(self._flag(f) for f in token_flags(words[i], i, n, ctx))
            feats += [*padded[i].lent[0], *prev.lent[1], *nxt.lent[2], *padded[i + 4].lent[3]]
            pairs: list[str] = []
            if i > 0:
                if bigrams:
                    pairs.append(f"-1|0:w:{prev.w}|{here.w}")
                pairs.append(f"-1|0:case:{prev.case}|{here.case}")
            if i < n - 1:
                if bigrams:
                    pairs.append(f"0|1:w:{here.w}|{nxt.w}")
                pairs.append(f"0|1:case:{here.case}|{nxt.case}")
            feats.extend([a.encode() for a in pairs] if self.encode else pairs)
            out.append(feats)
        return out


@cache
def _training(config: FeatureConfig) -> Featurizer:
    return Featurizer(None, config)


def sentence_features(
    words: list[str], ctx: DocContext, config: FeatureConfig = DEFAULT_CONFIG
) -> list[list[str]]:
    """Every CRFsuite attribute of each word of a sentence (words as the tokenizer wrote them), as
    training sees them (see Featurizer)."""
    return _training(config).sentence(words, ctx)
