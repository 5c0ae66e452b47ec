"""Load the vocabulary files under extractors/data once, and validate them on load."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable
from functools import cache
from importlib import resources
from pathlib import Path

from vnnews.extractors.text import fix_tone_placement


class LexiconError(ValueError):
    """A vocabulary file is malformed."""


def _path(name: str):
    return resources.files("vnnews.extractors").joinpath("data", name)


@cache
def rows(name: str, columns: tuple[int, int] = (1, 1)) -> tuple[tuple[str, ...], ...]:
    """Rows of a data file: comments and blank lines skipped, tab-separated, validated."""
    text = _path(name).read_text(encoding="utf-8")
    lines = text.splitlines()
    if not lines or not lines[0].startswith(("# source:", "# purpose:")):
        raise LexiconError(f"{name}: the first line must say '# source:' or '# purpose:'")
    out: list[tuple[str, ...]] = []
    seen: set[tuple[str, ...]] = set()
    low, high = columns
    for number, line in enumerate(lines, 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = tuple(c.strip() for c in line.split("\t"))
        if not low <= len(cells) <= high or not all(cells[:low]):
            raise LexiconError(f"{name}:{number}: expected {low}-{high} tab-separated columns, got {line!r}")
        if any(unicodedata.normalize("NFC", c) != c or fix_tone_placement(c) != c for c in cells):
            raise LexiconError(f"{name}:{number}: not NFC with classic tone placement: {line!r}")
        if cells in seen:
            continue  # a repeated row is harmless; keep the first
        seen.add(cells)
        out.append(cells)
    if not out:
        raise LexiconError(f"{name}: no entries")
    return tuple(out)


@cache
def comments(name: str) -> tuple[str, ...]:
    """The comment lines at the head of a data file (its `# source:` line and the notes after it)."""
    out: list[str] = []
    for line in _path(name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            break
        if line.startswith("#"):
            out.append(line)
    return tuple(out)


@cache
def words(name: str) -> frozenset[str]:
    """The first column of a data file as a set."""
    return frozenset(r[0] for r in rows(name, (1, 4)))


@cache
def table(name: str, low: int = 2, high: int = 2) -> dict[str, tuple[str, ...]]:
    """First column -> the other columns."""
    return {r[0]: r[1:] for r in rows(name, (low, high))}


def alternation(forms: Iterable[str], any_space: bool = True) -> str:
    """A regex alternation of word forms, longest first (so that "Ban Chỉ đạo" wins over "Ban");
    any_space: each space matches any run of whitespace (else one space). The caller adds word
    boundaries and flags."""
    escaped = (re.escape(f) for f in sorted(set(forms), key=len, reverse=True))
    return "|".join(e.replace(r"\ ", r"\s+") for e in escaped) if any_space else "|".join(escaped)


def trie_alternation(forms: Iterable[str], any_space: bool = True) -> str:
    """The forms of `alternation` as a character trie ("tổ chức", "tổ công tác" ->
    "tổ\\s+c(?:hức|ông\\s+tác)"): the same strings, each shared start written once, so that a search tries each
    character once instead of once per form (a hundred forms: several times faster). Where one form
    is the start of another the longer is tried first, as in `alternation`. The caller adds word
    boundaries and flags."""
    trie: dict = {}
    for form in set(forms):
        node = trie
        for ch in form:
            node = node.setdefault(ch, {})
        node[""] = {}  # a form ends here

    def emit(node: dict) -> str:
        alts = [
            (r"\s+" if ch == " " and any_space else re.escape(ch)) + emit(child)
            for ch, child in sorted(node.items())
            if ch
        ]
        if not alts:
            return ""
        if "" in node:
            return "(?:" + "|".join(alts) + ")?"
        return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"

    return emit(trie)


# --- what a trained model was built from --------------------------------------------------------

# beside a shipped model: "<sha256>  <name>" a line, the inputs it was trained with
FINGERPRINTS_FILE = "inputs.sha256"


def fingerprints(names: Iterable[str]) -> dict[str, str]:
    """SHA-256 of each named data file under extractors/data, by file name."""
    return {name: hashlib.sha256(_path(name).read_bytes()).hexdigest() for name in names}


def write_fingerprints(folder: Path, digests: dict[str, str]) -> None:
    """Record digests (name -> SHA-256) in folder's FINGERPRINTS_FILE, one "<digest>  <name>" a line."""
    lines = [f"{digest}  {name}\n" for name, digest in digests.items()]
    (folder / FINGERPRINTS_FILE).write_text("".join(lines), encoding="utf-8")


def read_fingerprints(folder: Path) -> dict[str, str]:
    """The digests recorded in folder's FINGERPRINTS_FILE, by name."""
    out = {}
    for line in (folder / FINGERPRINTS_FILE).read_text(encoding="utf-8").splitlines():
        digest, _, name = line.partition("  ")
        out[name] = digest
    return out
