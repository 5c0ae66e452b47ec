"""underthesea's word segmentation, re-implemented: the same words in a fraction of the time.

underthesea segments a sentence in three steps: character normalization, a regex pre-tokenizer
(each match is a token, "syllable"), and a linear-chain CRF that tags every token B-W (opens a
word) or I-W (continues the word before it). Its featurizer (Rust) builds 43 feature strings per
token as Python objects and its tagger hashes them back. This module reads the very same files
that underthesea ships (the CRFsuite model, the feature templates, the dictionary and the
pre-tokenizer's regex; no copy of them lives in vnnews) and computes the same tags without any
feature string:

* every feature template is a (span, function) pair over the tokens: T[-1,0].lower is the
  lowercased two-token span that starts one token before the current one. Each distinct value of a
  (span, function) pair gets an integer id, and each template a table of weights indexed by it;
* a sentence becomes, per (span, function) pair, a padded list of value ids (BOS/EOS past the
  edges, as underthesea writes them); numpy gathers every template's weights for every token and
  sums them left to right in template order, exactly as underthesea's tagger adds them, so the
  emission scores are bit-identical;
* Viterbi over the two labels, with underthesea's tie-breaking (the lower label id wins a tie).

The pre-tokenizer gets a fast path: a whitespace-delimited chunk made only of letters is one token
and skips the big alternation regex (see `_PreTokenizer`).

Tables are built from underthesea's files once (about a second, importing underthesea) and cached
as a pickle (about 4 MB) in the user's cache directory, keyed by this module's source,
underthesea's version and the files' sizes and modification times; a cached load (about 40 ms)
imports nothing of underthesea. Anything unexpected
in the files raises `SegmenterFormatError`, which names the underthesea version; vnnews then falls
back to underthesea's own tagger.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import re
import struct
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from itertools import pairwise
from pathlib import Path
from typing import Any

import numpy as np

__all__ = [
    "CRFSegmenter",
    "SegmenterFormatError",
    "SegmenterTables",
    "build_tables",
    "cache_dir",
    "load_segmenter",
    "load_tables",
    "locate_model",
]

# Bump when the layout of SegmenterTables changes: old cache files are then ignored.
CACHE_FORMAT = 1
MODEL_DIR = ("pipeline", "word_tokenize", "models", "ws_crf_vlsp2013_20230727")
REGEX_MODULE = ("pipeline", "word_tokenize", "regex_tokenize.py")
NORMALIZE_FILES = (
    ("pipeline", "text_normalize", "character_normalize.py"),
    ("pipeline", "text_normalize", "text_normalizer.py"),
)
FUNCTIONS = (None, "lower", "isdigit", "istitle", "is_in_dict")
BOS, EOS, TRUE, FALSE = "BOS", "EOS", "True", "False"
# The pre-tokenizer regex whose every pattern was checked by hand for the letters-only fast path
# (underthesea 9.5.0's): a chunk of letters is one \w+ token unless it starts with 'ʺ' (a
# "punct" letter) or the text holds 'Th' + any character + 's'/'S' (the unescaped dot of the
# abbreviations "Th.S" and "Th.s", which also matches a space). Another regex runs without it.
AUDITED_REGEX_SHA256 = "ed7f6df4bba1133b1fd2baf02d612b7ef6912f0460f7a8166bd6b4aa8f072d25"
# Characters whose lowercase and is-title forms are checked against underthesea's Rust featurizer
# when the tables are built (Latin with Vietnamese, IPA, combining marks, punctuation, symbols,
# CJK punctuation, full-width forms, emoji); tokens with any other character ask Rust itself.
PROBE_RANGES = (
    (0x0000, 0x02AF),
    (0x0300, 0x036F),
    (0x1E00, 0x1EFF),
    (0x2000, 0x2BFF),
    (0x3000, 0x303F),
    (0xFF00, 0xFFEF),
    (0x1F000, 0x1FAFF),
)
_TEMPLATE = re.compile(r"T\[(-?\d+)(?:,(-?\d+))?\](?:\.(\w+))?")
_I32 = re.compile(r"[+-]?[0-9]+")
_MEMO_LIMIT = 1 << 17  # distinct tokens remembered before the token memo is emptied (~40 MB at most)
_POSITIONS_LIMIT = 256  # sentences of up to this many tokens keep their index array


class SegmenterFormatError(RuntimeError):
    """underthesea's model files are not laid out as this module expects (message names the version)."""


@dataclass(frozen=True)
class ModelFiles:
    """Where underthesea's segmentation data lives, and which underthesea it belongs to."""

    version: str
    package_dir: Path
    model: Path  # CRFsuite binary ("lCRF" ... "FOMC")
    features: Path  # joblib pickle: the list of feature template strings
    dictionary: Path  # joblib pickle: the set of dictionary words (lowercase, space-separated)
    sources: tuple[Path, ...]  # the pre-tokenizer and normalizer sources: part of the cache key

    def key(self) -> str:
        """Hex digest identifying the tables built from these files: this module's own source (which
        builds them), underthesea's version, and each file's path, size and mtime (ns)."""
        own = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()
        parts: list[Any] = [CACHE_FORMAT, own, self.version]
        for path in (self.model, self.features, self.dictionary, *self.sources):
            st = path.stat()
            parts.append((str(path), st.st_size, st.st_mtime_ns))
        return hashlib.sha256(repr(parts).encode("utf-8")).hexdigest()


@dataclass(repr=False)
class SegmenterTables:
    """Everything inference needs, as plain data (pickled in the cache).

    A kind is a (span length, function) pair; each template reads one kind at one offset. Value
    ids of a kind start at 1 (0: a value the model never saw). A span-1 kind's vocabulary is keyed
    by the value string itself ("BOS" and "EOS" included: a token may be literally "BOS"); a longer
    span's by an integer, its tokens' part ids in base `radix` (raw tokens numbered by
    `raw_parts`, lowercased ones by `low_parts`), so that no span string is ever built. (A token
    may hold a space, as underthesea's 'Th.S' matches "Th S": a value that does not split into
    as many parts as its span has tokens is keyed by its string instead.)
    `weights` holds for each template in order a block of rows, one per value id of its kind, each
    row the weight of every label; `bases[k]` is template k's first row.
    """

    version: str
    labels: list[str]  # label names by id, e.g. ["B-W", "I-W"]
    transitions: list[list[float]]  # [from_label][to_label]
    templates: list[tuple[str, int, int, str | None]]  # (syntax, first offset, span length, function)
    kinds: list[tuple[int, str | None]]  # the distinct (span length, function) pairs, in first-use order
    vocab: list[dict[Any, int]]  # per kind: value (str for span 1, int key for longer spans) -> id
    pads: list[tuple[int, int]]  # per kind: ids of the values "BOS" and "EOS"
    bools: list[tuple[int, int]]  # per kind: ids of "True" and "False" (0, 0 for non-boolean kinds)
    raw_parts: dict[str, int]  # token -> part id (>= 1), for raw spans
    low_parts: dict[str, int]  # lowercased token -> part id (>= 1), for lowercased spans and the dictionary
    radix: int  # larger than every part id
    words: frozenset[str]  # the dictionary's one-syllable words
    dictionary: str  # the whole dictionary (lowercase words, syllables joined by a space), one a line
    span_words: dict[int, frozenset[int]]  # span length -> integer keys of its dictionary words
    weights: bytes  # float64, C order, shape (rows, len(labels))
    rows: int
    bases: list[int]  # per template: its first row in weights
    regex_pattern: str
    regex_flags: int
    character_map: list[tuple[str, str]]  # underthesea's character replacements, in order
    safe_chars: str  # characters whose lower()/is-title agree with the Rust featurizer
    fast_path: bool  # the pre-tokenizer regex is the audited one

    def __repr__(self) -> str:
        return (
            f"SegmenterTables(underthesea {self.version}, labels={self.labels}, "
            f"{len(self.templates)} templates, {self.rows} weight rows, {self.dictionary.count(chr(10)) + 1} dictionary words, "
            f"fast_path={self.fast_path})"
        )


def locate_model() -> ModelFiles:
    """Find underthesea's segmentation files without importing underthesea.

    Raises SegmenterFormatError when underthesea is missing or its files are not where they were.
    """
    import importlib.metadata
    import importlib.util

    try:
        version = importlib.metadata.version("underthesea")
        spec = importlib.util.find_spec("underthesea")
    except (importlib.metadata.PackageNotFoundError, ValueError, ImportError) as err:
        raise SegmenterFormatError(f"underthesea is not installed: {err}") from err
    if spec is None or not spec.submodule_search_locations:
        raise SegmenterFormatError(f"underthesea {version}: package directory not found")
    base = Path(next(iter(spec.submodule_search_locations)))
    model_dir = base.joinpath(*MODEL_DIR)
    files = ModelFiles(
        version=version,
        package_dir=base,
        model=model_dir / "models.bin",
        features=model_dir / "features.bin",
        dictionary=model_dir / "dictionary.bin",
        sources=(base.joinpath(*REGEX_MODULE), *(base.joinpath(*p) for p in NORMALIZE_FILES)),
    )
    for path in (files.model, files.features, files.dictionary, *files.sources):
        if not path.is_file():
            raise SegmenterFormatError(f"underthesea {version}: {path} is missing (layout changed?)")
    return files


# ---------------------------------------------------------------------------------------------
# Reading the CRFsuite model file
# ---------------------------------------------------------------------------------------------


def _read_cqdb(data: bytes, offset: int, count: int, what: str, version: str) -> list[str]:
    """The strings of a CQDB block, by id (CRFsuite's string <-> id store).

    Layout (little-endian): "CQDB", size, flag, byte order, number of ids, offset of the id ->
    entry table (from the block's start); an entry is id (u32), key size (u32), key bytes ending in
    NUL. Raises SegmenterFormatError on a bad magic, an id gap or a duplicate string: underthesea
    would then number the strings differently from the file.
    """
    fail = f"underthesea {version}: model file {what} table"
    if data[offset : offset + 4] != b"CQDB":
        raise SegmenterFormatError(f"{fail}: no CQDB magic at {offset}")
    _size, _flag, _order, bwd_size, bwd_offset = struct.unpack_from("<5I", data, offset + 4)
    n = min(count, bwd_size)
    entries = struct.unpack_from(f"<{n}I", data, offset + bwd_offset)
    out: list[str] = []
    for i, entry in enumerate(entries):
        if entry == 0:
            raise SegmenterFormatError(f"{fail}: id {i} has no string")
        sid, ksize = struct.unpack_from("<2I", data, offset + entry)
        key = data[offset + entry + 8 : offset + entry + 8 + ksize]
        if sid != i or not key.endswith(b"\0"):
            raise SegmenterFormatError(f"{fail}: entry {i} is malformed")
        try:
            out.append(key[: key.index(b"\0")].decode("utf-8"))
        except UnicodeDecodeError as err:
            raise SegmenterFormatError(f"{fail}: entry {i} is not UTF-8") from err
    if len(set(out)) != len(out):
        raise SegmenterFormatError(f"{fail}: duplicate strings")
    return out


def read_crfsuite(
    path: Path, version: str
) -> tuple[list[str], list[str], dict[tuple[int, int], float], list[list[float]]]:
    """Labels, attributes, state weights {(attribute id, label id): weight} and transitions of a model.

    Follows underthesea's loader: 48-byte header ("lCRF", size, "FOMC", version, #features,
    #labels, #attributes, then offsets of the features, labels, attributes, label refs and
    attribute refs), a "FEAT" chunk of 20-byte features (type: 0 state, 1 transition; source;
    target; weight f64), later features overwriting earlier ones, and state weights of magnitude
    <= 1e-10 dropped. Raises SegmenterFormatError on anything else.
    """
    try:
        data = path.read_bytes()
    except OSError as err:
        raise SegmenterFormatError(f"underthesea {version}: cannot read {path}: {err}") from err
    fail = f"underthesea {version}: model file {path.name}"
    try:
        return _parse_crfsuite(data, fail, version)
    except (struct.error, IndexError, ValueError) as err:
        raise SegmenterFormatError(f"{fail}: truncated or malformed ({err})") from err


def _parse_crfsuite(
    data: bytes, fail: str, version: str
) -> tuple[list[str], list[str], dict[tuple[int, int], float], list[list[float]]]:
    """read_crfsuite's work on the file's bytes; struct.error/IndexError on a truncated file."""
    if len(data) < 48 or data[:4] != b"lCRF" or data[8:12] != b"FOMC":
        raise SegmenterFormatError(f"{fail}: not a CRFsuite 'lCRF'/'FOMC' file")
    (_ver, num_features, num_labels, num_attrs, off_feat, off_labels, off_attrs, _lr, _ar) = (
        struct.unpack_from("<9I", data, 12)
    )
    labels = _read_cqdb(data, off_labels, num_labels, "label", version)
    attrs = _read_cqdb(data, off_attrs, num_attrs, "attribute", version)
    if data[off_feat : off_feat + 4] != b"FEAT":
        raise SegmenterFormatError(f"{fail}: no FEAT chunk at {off_feat}")
    _chunk, count = struct.unpack_from("<2I", data, off_feat + 4)
    count = count or num_features
    if off_feat + 12 + 20 * count > len(data):
        raise SegmenterFormatError(f"{fail}: FEAT chunk runs past the end of the file")
    state: dict[tuple[int, int], float] = {}
    trans = [[0.0] * len(labels) for _ in labels]
    for kind, src, dst, weight in struct.iter_unpack(
        "<3Id", data[off_feat + 12 : off_feat + 12 + 20 * count]
    ):
        if kind == 0:
            if abs(weight) > 1e-10:
                state[(src, dst)] = weight
            else:
                state.pop((src, dst), None)
        elif kind == 1:
            if src >= len(labels) or dst >= len(labels):
                raise SegmenterFormatError(f"{fail}: transition {src}->{dst} names an unknown label")
            trans[src][dst] = weight
    if any(dst >= len(labels) or src >= len(attrs) for src, dst in state):
        raise SegmenterFormatError(f"{fail}: a state feature names an unknown label or attribute")
    return labels, attrs, state, trans


# ---------------------------------------------------------------------------------------------
# Feature functions, as underthesea's Rust featurizer computes them
# ---------------------------------------------------------------------------------------------


def is_i32(text: str) -> bool:
    """Rust's `text.parse::<i32>().is_ok()`: optional sign, ASCII digits, within 32 bits."""
    return _I32.fullmatch(text) is not None and -(2**31) <= int(text) < 2**31


def is_title_char(char: str) -> bool:
    """underthesea's is-title test of one part: its first character equals its uppercase."""
    return char.upper() == char


def parse_template(syntax: str, version: str) -> tuple[int, int, str | None]:
    """(first offset, span length, function) of a template like 'T[-1,0].lower'.

    Raises SegmenterFormatError for a column index, an unknown function or a span that does not
    run forwards over at most three tokens.
    """
    m = _TEMPLATE.fullmatch(syntax)
    if m is None or m.group(3) not in FUNCTIONS:
        raise SegmenterFormatError(f"underthesea {version}: unsupported feature template {syntax!r}")
    first = int(m.group(1))
    last = int(m.group(2)) if m.group(2) is not None else first
    if not 0 <= last - first <= 2:
        raise SegmenterFormatError(f"underthesea {version}: unsupported feature span in {syntax!r}")
    return first, last - first + 1, m.group(3)


def _probe_safe_chars() -> str:
    """Characters of PROBE_RANGES whose lower() and is-title test give what the Rust featurizer gives.

    Asks underthesea_core's featurizer for 'T[0].lower' and 'T[0].istitle' of every character;
    'Σ' is left out (its lowercase depends on its neighbours). Empty without underthesea_core.
    """
    try:
        from underthesea_core import CRFFeaturizer
    except ImportError:  # pragma: no cover - underthesea without its Rust core
        return ""
    chars = [
        chr(c)
        for lo, hi in PROBE_RANGES
        for c in range(lo, hi + 1)
        if not chr(c).isspace() and unicodedata.category(chr(c)) not in ("Cs", "Cn") and c != 0x3A3
    ]
    featurizer = CRFFeaturizer(["T[0].lower", "T[0].istitle"], set())
    (out,) = featurizer.process([[[c] for c in chars]])
    safe = [
        c
        for c, (lower, title) in zip(chars, out, strict=True)
        if lower == "T[0].lower=" + c.lower() and title == "T[0].istitle=" + str(is_title_char(c))
    ]
    return "".join(safe)


# ---------------------------------------------------------------------------------------------
# Building and caching the tables
# ---------------------------------------------------------------------------------------------


def build_tables(files: ModelFiles) -> SegmenterTables:
    """Read underthesea's files (this imports underthesea) into SegmenterTables.

    Raises SegmenterFormatError when the files or underthesea's modules are not as expected.
    """
    version = files.version
    try:
        import joblib
        from underthesea.pipeline.text_normalize.character_normalize import character_map
        from underthesea.pipeline.word_tokenize.regex_tokenize import patterns
    except ImportError as err:
        raise SegmenterFormatError(f"underthesea {version}: pre-tokenizer not found ({err})") from err
    try:
        templates_raw = joblib.load(files.features)
        words = joblib.load(files.dictionary)
    except Exception as err:  # a damaged pickle raises anything from EOFError to KeyError
        raise SegmenterFormatError(
            f"underthesea {version}: cannot read the feature templates or dictionary ({err!r})"
        ) from err
    if not isinstance(templates_raw, list) or not all(isinstance(t, str) for t in templates_raw):
        raise SegmenterFormatError(f"underthesea {version}: features.bin is not a list of templates")
    if not isinstance(words, (set, frozenset)):
        raise SegmenterFormatError(f"underthesea {version}: dictionary.bin is not a set")
    if not isinstance(character_map, dict):
        raise SegmenterFormatError(f"underthesea {version}: character_map is not a dict")
    labels, attrs, state, trans = read_crfsuite(files.model, version)
    if "I-W" not in labels:
        raise SegmenterFormatError(f"underthesea {version}: the model has no I-W label ({labels})")

    templates = [(t, *parse_template(t, version)) for t in templates_raw]
    kinds: list[tuple[int, str | None]] = []
    for _syntax, _first, span, func in templates:
        if (span, func) not in kinds:
            kinds.append((span, func))
    by_value: list[dict[str, int]] = [{} for _ in kinds]
    for v, (_span, func) in zip(by_value, kinds, strict=True):
        for value in (BOS, EOS, *((TRUE, FALSE) if func in ("isdigit", "istitle", "is_in_dict") else ())):
            v.setdefault(value, len(v) + 1)
    by_syntax = {t[0]: i for i, t in enumerate(templates)}
    kind_of = [kinds.index((span, func)) for _s, _f, span, func in templates]
    per_attr: list[tuple[int, str] | None] = []
    for attr in attrs:
        syntax, sep, value = attr.partition("=")
        k = by_syntax.get(syntax)
        if not sep or k is None:
            per_attr.append(None)  # an attribute no template produces: never looked up
            continue
        v = by_value[kind_of[k]]
        v.setdefault(value, len(v) + 1)
        per_attr.append((k, value))
    bases, rows = [], 0
    for k in range(len(templates)):
        bases.append(rows)
        rows += len(by_value[kind_of[k]]) + 1
    table = np.zeros((rows, len(labels)), dtype=np.float64)
    for (attr_id, label_id), weight in state.items():
        where = per_attr[attr_id]
        if where is not None:
            k, value = where
            table[bases[k] + by_value[kind_of[k]][value], label_id] = weight

    # Longer spans: number the tokens their values are made of, and key each value by its parts.
    def parts_of(value: str, span: int) -> list[str] | None:
        parts = value.split(" ")
        return parts if len(parts) == span and all(parts) else None  # else no tokens can make it

    max_span = max(span for span, _f in kinds)
    entries = [w for w in words if isinstance(w, str) and 0 < w.count(" ") < max_span]
    raw_parts: dict[str, int] = {}
    low_parts: dict[str, int] = {}
    for (span, func), v in zip(kinds, by_value, strict=True):
        if span > 1 and func in (None, "lower"):
            for value in v:
                for part in parts_of(value, span) or ():
                    numbering = raw_parts if func is None else low_parts
                    numbering.setdefault(part, len(numbering) + 1)
    for entry in entries:
        for part in parts_of(entry, entry.count(" ") + 1) or ():
            low_parts.setdefault(part, len(low_parts) + 1)
    radix = max(len(raw_parts), len(low_parts)) + 1

    def key(parts: list[str], numbering: dict[str, int]) -> int:
        out = 0
        for part in parts:
            out = out * radix + numbering[part]
        return out

    vocab: list[dict[Any, int]] = []
    for (span, func), v in zip(kinds, by_value, strict=True):
        if span == 1:
            vocab.append(v)
        elif func in (None, "lower"):
            numbering = raw_parts if func is None else low_parts
            keyed: dict[Any, int] = {}
            for value, i in v.items():
                parts = parts_of(value, span)
                keyed[value if parts is None else key(parts, numbering)] = i
            vocab.append(keyed)
        else:
            vocab.append({})  # boolean kinds: only pads and bools are ever used
    span_words: dict[int, frozenset[int]] = {}
    for span in {span for span, _f in kinds if span > 1}:
        found = (parts_of(entry, span) for entry in entries)
        span_words[span] = frozenset(key(parts, low_parts) for parts in found if parts is not None)
    return SegmenterTables(
        version=version,
        labels=labels,
        transitions=trans,
        templates=templates,
        kinds=kinds,
        vocab=vocab,
        pads=[(v[BOS], v[EOS]) for v in by_value],
        bools=[(v.get(TRUE, 0), v.get(FALSE, 0)) for v in by_value],
        raw_parts=raw_parts,
        low_parts=low_parts,
        radix=radix,
        words=frozenset(w for w in words if isinstance(w, str) and " " not in w),
        dictionary="\n".join(sorted(w for w in words if isinstance(w, str) and "\n" not in w)),
        span_words=span_words,
        weights=table.tobytes(),
        rows=rows,
        bases=bases,
        regex_pattern=patterns.pattern,
        regex_flags=patterns.flags,
        character_map=list(character_map.items()),
        safe_chars=_probe_safe_chars(),
        fast_path=hashlib.sha256(patterns.pattern.encode("utf-8")).hexdigest() == AUDITED_REGEX_SHA256,
    )


def cache_dir() -> Path:
    """$VNNEWS_CACHE_DIR, else $XDG_CACHE_HOME/vnnews, else ~/.cache/vnnews."""
    explicit = os.environ.get("VNNEWS_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "vnnews"


def load_tables(files: ModelFiles | None = None, directory: Path | None = None) -> SegmenterTables:
    """The tables from the cache file for these files, building and caching them on a miss.

    The cache file is `crf-segmenter-<key>.pkl` in `directory` (default: cache_dir()); an unreadable
    or stale file is rebuilt, and an unwritable directory only means building every time.
    Raises SegmenterFormatError (from locate_model / build_tables).
    """
    files = files or locate_model()
    directory = directory if directory is not None else cache_dir()
    path = directory / f"crf-segmenter-{files.key()[:24]}.pkl"
    try:
        with open(path, "rb") as f:
            tables = pickle.load(f)
        if isinstance(tables, SegmenterTables) and tables.version == files.version:
            return tables
    except Exception:
        pass
    tables = build_tables(files)
    try:
        import tempfile

        directory.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=directory, prefix=".crf-segmenter-", suffix=".tmp")
        with os.fdopen(fd, "wb") as f:
            pickle.dump(tables, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError:
        pass
    return tables


# ---------------------------------------------------------------------------------------------
# Inference
# ---------------------------------------------------------------------------------------------


class _PreTokenizer:
    """underthesea's regex pre-tokenizer (character normalization, then each regex match a token).

    Fast path (audited regex only): the text is cut at whitespace; a chunk of letters (str.isalpha)
    not starting with 'ʺ' is the token \\w+ would match, with no alternation tried; any other chunk
    runs the regex from its start inside the whole text (so lookarounds see the real neighbours)
    until the chunk's end. A text containing 'Th' + any character + 's'/'S', where the regex's
    'Th.S' can match across a space, takes the plain regex path, as does any surprise.
    """

    _CHUNKS = re.compile(r"\S+")
    _CROSSING = re.compile(r"Th.[sS]")

    def __init__(self, pattern: str, flags: int, character_map: Sequence[tuple[str, str]], fast: bool):
        self.regex = re.compile(pattern, flags)
        self.character_map = list(character_map)
        self.fast = fast

    def normalize(self, text: str) -> str:
        """underthesea's normalize_characters_in_text: NFC, then its character replacements."""
        text = unicodedata.normalize("NFC", text)
        for old, new in self.character_map:
            text = text.replace(old, new)
        return text

    def slow(self, text: str) -> list[str]:
        """The tokens of an already normalized text, every match from the regex."""
        return [m.group() for m in self.regex.finditer(text)]

    def __call__(self, sentence: str) -> list[str]:
        """The tokens of a sentence, as underthesea's tokenize(..., use_token_normalize=False)."""
        text = self.normalize(sentence)
        if not self.fast or self._CROSSING.search(text):
            return self.slow(text)
        match = self.regex.match
        tokens: list[str] = []
        append = tokens.append
        for chunk in self._CHUNKS.finditer(text):
            word = chunk.group()
            if word.isalpha() and word[0] != "ʺ":
                append(word)
                continue
            pos, end = chunk.span()
            while pos < end:
                m = match(text, pos)
                if m is None or not pos < m.end() <= end:  # pragma: no cover - not with the audited regex
                    return self.slow(text)
                append(m.group())
                pos = m.end()
        return tokens


@dataclass
class CRFSegmenter:
    """Sentence -> words, exactly as underthesea.word_tokenize(sentence, use_token_normalize=False).

    Build with `load_segmenter()`; call with a sentence (str), get its words (list of str, the
    syllables of a word joined by one space). `tokenize` and `tag` expose the two stages.
    """

    tables: SegmenterTables
    _memo: dict[str, tuple[Any, ...]] = field(default_factory=dict, repr=False)
    _positions: dict[int, np.ndarray] = field(default_factory=dict, repr=False)
    _rust: Any = field(default=None, repr=False)

    def __post_init__(self) -> None:
        t = self.tables
        if len(t.labels) != 2 or [len(row) for row in t.transitions] != [2, 2]:
            raise SegmenterFormatError(f"underthesea {t.version}: expected 2 labels, got {t.labels}")
        self.tokenize = _PreTokenizer(t.regex_pattern, t.regex_flags, t.character_map, t.fast_path)
        self._weights = np.frombuffer(t.weights, dtype=np.float64).reshape(t.rows, len(t.labels))
        self._pad = max(abs(first) for _s, first, _span, _f in t.templates)
        self._kind_of = np.array([t.kinds.index((span, f)) for _s, _o, span, f in t.templates], dtype=np.intp)
        self._first = np.array([first for _s, first, _span, _f in t.templates], dtype=np.intp)
        self._bases = np.array(t.bases, dtype=np.intp)[:, None]
        self._spans = sorted({span for span, _f in t.kinds if span > 1})
        self._inside = t.labels[t.labels.index("I-W")]
        self._safe = frozenset(t.safe_chars)
        self._dictionary: frozenset[str] | None = None  # the whole dictionary, split on first use
        # per kind: (span, function, vocabulary, [BOS] * pad, EOS id, True id, False id)
        self._plan = [
            (span, func, v, [bos] * self._pad, eos, yes, no)
            for (span, func), v, (bos, eos), (yes, no) in zip(t.kinds, t.vocab, t.pads, t.bools, strict=True)
        ]

    # -- features ------------------------------------------------------------------------------

    def _lower_title(self, token: str) -> tuple[str, bool]:
        """The token's lowercase and is-title flag, from Rust for characters not proven to agree."""
        if token.isascii() or self._safe.issuperset(token):
            return token.lower(), all(is_title_char(part[:1]) for part in token.split(" "))
        if self._rust is None:
            try:
                from underthesea_core import CRFFeaturizer
            except ImportError:  # pragma: no cover - no Rust core: Python's Unicode tables it is
                return token.lower(), all(is_title_char(part[:1]) for part in token.split(" "))
            self._rust = CRFFeaturizer(["T[0].lower", "T[0].istitle"], set())
        (lower, title), *_ = self._rust.process([[[token]]])[0]
        return lower.partition("=")[2], title.endswith("=True")

    def _whole_dictionary(self) -> frozenset[str]:
        """Every dictionary word, for the rare tokens that hold a space (kept as one string until then)."""
        if self._dictionary is None:
            self._dictionary = frozenset(self.tables.dictionary.split("\n"))
        return self._dictionary

    def _token_info(self, token: str) -> tuple[Any, ...]:
        """(lowercase, is-title, raw part id, lowercase part id, then the id of each span-1 kind's value).

        Memoized per token string (the memo is emptied when it reaches _MEMO_LIMIT entries).
        """
        t = self.tables
        lower, title = self._lower_title(token)
        info: list[Any] = [lower, title, t.raw_parts.get(token, 0), t.low_parts.get(lower, 0)]
        for span, func, v, _bos, _eos, yes, no in self._plan:
            if span != 1:
                continue
            if func is None:
                info.append(v.get(token, 0))
            elif func == "lower":
                info.append(v.get(lower, 0))
            elif func == "isdigit":
                info.append(yes if is_i32(token) else no)
            elif func == "istitle":
                info.append(yes if title else no)
            else:
                info.append(
                    yes if lower in (t.words if " " not in lower else self._whole_dictionary()) else no
                )
        if len(self._memo) >= _MEMO_LIMIT:
            self._memo.clear()
        self._memo[token] = found = tuple(info)
        return found

    def _span_keys(self, span: int, raws: Sequence[int], lows: Sequence[int]) -> tuple:
        """(raw keys, lowercase keys, dictionary keys, dictionary) of every span of `span` tokens.

        Keys are part ids in base radix, the dictionary the matching set of integer keys.
        """
        radix = self.tables.radix
        if span == 2:
            raw_keys = [a * radix + b for a, b in pairwise(raws)]
            low_keys = [a * radix + b for a, b in pairwise(lows)]
        else:
            raw_keys = [
                (a * radix + b) * radix + c for a, b, c in zip(raws, raws[1:], raws[2:], strict=False)
            ]
            low_keys = [
                (a * radix + b) * radix + c for a, b, c in zip(lows, lows[1:], lows[2:], strict=False)
            ]
        return raw_keys, low_keys, low_keys, self.tables.span_words.get(span, frozenset())

    def _span_strings(self, span: int, tokens: list[str], lowers: Sequence[str]) -> tuple:
        """_span_keys for a sentence with a token holding a space: each value keyed as the tables key it
        (its part ids if it splits into `span` parts, else its string), the dictionary by string."""
        t = self.tables
        m = len(tokens) - span + 1

        def keyed(values: list[str], numbering: dict[str, int]) -> list[Any]:
            out: list[Any] = []
            for value in values:
                parts = value.split(" ")
                if len(parts) != span:
                    out.append(value)
                    continue
                key = 0
                for part in parts:
                    key = key * t.radix + numbering.get(part, 0)
                out.append(key if all(part in numbering for part in parts) else -1)
            return out

        raw = [" ".join(tokens[q : q + span]) for q in range(m)]
        low = [" ".join(lowers[q : q + span]) for q in range(m)]
        return keyed(raw, t.raw_parts), keyed(low, t.low_parts), low, self._whole_dictionary()

    def _sources(self, tokens: list[str]) -> list[int]:
        """Per kind, its padded list of value ids (index i <-> the span opening at token i - pad), flat."""
        memo, n = self._memo, len(tokens)
        infos = [memo.get(tok) or self._token_info(tok) for tok in tokens]
        lowers, titles, raws, lows, *unigrams = zip(*infos, strict=True)
        spaced = any(" " in tok for tok in tokens)
        keys: dict[int, tuple] = {}
        for span in self._spans:
            if spaced:
                keys[span] = self._span_strings(span, tokens, lowers)
            else:
                keys[span] = self._span_keys(span, raws, lows)
            if span == 2:
                keys[span] += ([a and b for a, b in pairwise(titles)],)
            else:
                keys[span] += (
                    [a and b and c for a, b, c in zip(titles, titles[1:], titles[2:], strict=False)],
                )
        flat: list[int] = []
        column = 0
        for span, func, v, bos, eos, yes, no in self._plan:
            if span == 1:
                ids: Sequence[int] = unigrams[column]
                column += 1
            else:
                raw_keys, low_keys, dict_keys, words, title_keys = keys[span]
                if func is None:
                    ids = [v.get(x, 0) for x in raw_keys]
                elif func == "lower":
                    ids = [v.get(x, 0) for x in low_keys]
                elif func == "isdigit":
                    ids = [no] * len(raw_keys)  # a span holds a space: never an integer
                elif func == "istitle":
                    ids = [yes if x else no for x in title_keys]
                else:
                    ids = [yes if x in words else no for x in dict_keys]
            flat += bos
            flat += ids
            flat += [eos] * (n + len(bos) - len(ids))
        return flat

    def _positions_for(self, n: int) -> np.ndarray:
        """Where template k's value for token p sits in the flat sources: shape (templates, n)."""
        pos = self._positions.get(n)
        if pos is None:
            width = n + 2 * self._pad
            start = self._kind_of * width + self._first + self._pad
            pos = start[:, None] + np.arange(n, dtype=np.intp)[None, :]
            if n <= _POSITIONS_LIMIT:
                self._positions[n] = pos
        return pos

    def emissions(self, tokens: list[str]) -> list[list[float]]:
        """Per token, the score of every label: its templates' weights added in template order.

        np.add.accumulate adds strictly left to right (a plain sum may pair terms up), so each
        score is the very float underthesea's tagger computes.
        """
        ids = np.array(self._sources(tokens), dtype=np.intp)
        rows = ids[self._positions_for(len(tokens))] + self._bases
        gathered = self._weights.take(rows, axis=0)  # (templates, tokens, labels)
        return np.add.accumulate(gathered, axis=0)[-1].tolist()

    # -- decoding ------------------------------------------------------------------------------

    def viterbi(self, emissions: list[list[float]]) -> tuple[list[int], float]:
        """The best label ids for these emission scores, and that path's score.

        As underthesea's tagger: each step is (previous score + transition) + emission, and a tie
        goes to the lower label id, both between previous labels and for the last label.
        """
        if not emissions:
            return [], 0.0
        (t00, t01), (t10, t11) = self.tables.transitions
        s0, s1 = emissions[0]
        back0: list[int] = []  # best previous label of label 0, per step
        back1: list[int] = []
        for e0, e1 in emissions[1:]:
            a0, b0, a1, b1 = s0 + t00, s1 + t10, s0 + t01, s1 + t11
            if b0 > a0:
                back0.append(1)
                n0 = b0 + e0
            else:
                back0.append(0)
                n0 = a0 + e0
            if b1 > a1:
                back1.append(1)
                s1 = b1 + e1
            else:
                back1.append(0)
                s1 = a1 + e1
            s0 = n0
        label, score = (1, s1) if s1 > s0 else (0, s0)
        path = [label]
        for i in range(len(back0) - 1, -1, -1):
            label = back1[i] if label else back0[i]
            path.append(label)
        path.reverse()
        return path, score

    def tag(self, tokens: list[str]) -> list[str]:
        """The label (str) of every token."""
        if not tokens:
            return []
        names = self.tables.labels
        return [names[i] for i in self.viterbi(self.emissions(tokens))[0]]

    def __call__(self, sentence: str) -> list[str]:
        """The words of a sentence: tokens tagged I-W join the word before them with a space."""
        tokens = self.tokenize(sentence)
        if not tokens:
            return []
        inside = self._inside
        out: list[str] = []
        for label, token in zip(self.tag(tokens), tokens, strict=True):
            if label == inside and out:
                out[-1] = out[-1] + " " + token
            else:
                out.append(token)
        return out


def _reference(sentence: str) -> list[str]:
    """underthesea's own word_tokenize (imports underthesea on first use)."""
    from underthesea.pipeline.word_tokenize import word_tokenize

    return word_tokenize(sentence, use_token_normalize=False)


@cache
def load_segmenter() -> CRFSegmenter:
    """The process-wide CRFSegmenter (tables from the cache, built on first use).

    The result has a `reference` attribute: underthesea's own word_tokenize, for comparisons.
    Raises SegmenterFormatError when underthesea's files are not as expected.
    """
    segmenter = CRFSegmenter(load_tables())
    segmenter.reference = _reference  # type: ignore[attr-defined]
    return segmenter
