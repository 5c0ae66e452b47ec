"""Reading articles: plain-text files, JSON Lines archives and standard input, as ArticleInputs."""

from __future__ import annotations

import codecs
import fnmatch
import gzip
import io
import json
import os
import sys
import zlib
from collections.abc import Iterator
from pathlib import Path

from pipeline import html
from pipeline.api import ArticleInput, Failure
from pipeline.encodings import LEGACY, decode_legacy_bytes
from pipeline.errors import (
    ArchiveLineError,
    BinaryInput,
    DecodeError,
    EmptyArticle,
    InvalidInput,
    VnnewsError,
)

_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def decode(data: bytes, name: str = "input", encoding: str | None = None) -> str:
    """Text of a file's bytes (see decode_with_warnings), without the warnings."""
    return decode_with_warnings(data, name, encoding)[0]


def decode_with_warnings(
    data: bytes, name: str = "input", encoding: str | None = None
) -> tuple[str, list[str]]:
    """Text of a file's bytes and what was noticed: UTF-8 (with or without BOM), BOM-marked UTF-16,
    else Windows-1258, TCVN3 or VNI when the bytes read as Vietnamese in one of them; else an error
    naming the first bad byte. `encoding` forces one (a Python codec name, "tcvn3" or "vni")."""
    if encoding:
        return _decode_as(data, name, encoding), [f"decoded as {encoding} (given)"]
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec), []
            except UnicodeDecodeError as exc:
                # utf-8-sig counts from after its BOM; utf-16 from the start of the data
                offset = exc.start + (len(bom) if codec == "utf-8-sig" else 0)
                raise DecodeError(f"{name}: invalid {codec} at byte {offset}") from None
    if b"\x00" in data[:8192]:
        raise BinaryInput(f"{name}: binary data (NUL bytes), not text")
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError as exc:
        legacy = decode_legacy_bytes(data)
        if legacy is not None:
            text, codec = legacy
            return text, [f"not UTF-8: decoded as {codec}"]
        bad = data[exc.start : exc.start + 4]
        raise DecodeError(
            f"{name}: invalid UTF-8 at byte {exc.start} ({bad!r}), and not Windows-1258, TCVN3 or VNI text"
        ) from None


def _decode_as(data: bytes, name: str, encoding: str) -> str:
    key = encoding.lower().replace("_", "-")
    try:
        if key in LEGACY:
            return LEGACY[key](data.decode("cp1252", errors="strict"))
        return data.decode(key)
    except LookupError:
        raise InvalidInput(f"unknown encoding {encoding!r}") from None
    except UnicodeDecodeError as exc:
        raise DecodeError(f"{name}: invalid {encoding} at byte {exc.start}") from None


def is_archive(name: str) -> bool:
    """Whether a path names a JSON Lines archive of article objects."""
    return name.endswith((".jsonl", ".jsonl.gz"))


def article_from_object(obj: object, where: str) -> ArticleInput:
    """An ArticleInput from one archive object (`text`, and optionally id, title, published, source)."""
    if not isinstance(obj, dict):
        raise ArchiveLineError(f"{where}: expected a JSON object, got {type(obj).__name__}")
    text = obj.get("text")
    if not isinstance(text, str):
        raise ArchiveLineError(f"{where}: the object has no string 'text'")
    fields = {}
    for key in ("id", "title", "published", "source"):
        value = obj.get(key)
        if value is not None and not isinstance(value, str | int):
            raise ArchiveLineError(f"{where}: '{key}' must be a string")
        fields[key] = None if value is None else str(value)
    return ArticleInput(text=text, **fields)


def read_archive(stream: io.BufferedIOBase, name: str) -> Iterator[ArticleInput | Failure]:
    """Articles of a JSON Lines byte stream; a bad line becomes a Failure and reading goes on."""
    for number, raw in enumerate(stream, 1):
        where = f"{name}:{number}"
        if number == 1 and raw.startswith(codecs.BOM_UTF8):
            raw = raw[len(codecs.BOM_UTF8) :]
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            yield Failure(None, where, "encoding", f"{where}: invalid UTF-8 at byte {exc.start} of the line")
            continue
        if not line.strip():
            continue
        try:
            item = article_from_object(json.loads(line), where)
        except json.JSONDecodeError as exc:
            yield Failure(None, where, ArchiveLineError.kind, f"{where}: invalid JSON ({exc.msg})")
            continue
        except VnnewsError as exc:
            yield Failure(None, where, exc.kind, str(exc))
            continue
        yield ArticleInput(
            item.text,
            item.id or f"{Path(name).name}:{number}",
            item.title,
            item.published,
            item.source or where,
        )


def _open_archive(path: str) -> io.BufferedIOBase:
    if path.endswith(".gz"):
        return gzip.open(path, "rb")  # type: ignore[return-value]
    return open(path, "rb")


def read_file(
    path: str, published: str | None = None, encoding: str | None = None
) -> Iterator[ArticleInput | Failure]:
    """The articles of one file: an archive's objects, a web page's article, or a text file."""
    p = Path(path)
    try:
        if not p.exists():
            raise InvalidInput(f"{path}: no such file")
        if p.is_dir():
            raise InvalidInput(f"{path}: is a folder (use `vnnews batch` for folders)")
        if is_archive(path):
            try:
                with _open_archive(path) as stream:
                    yield from read_archive(stream, path)
            except (OSError, EOFError, zlib.error) as exc:
                yield Failure(
                    None,
                    path,
                    "bad_archive",
                    f"{path}: unreadable archive ({exc}); the lines before it were read",
                )
            return
        text, warnings = decode_with_warnings(p.read_bytes(), path, encoding)
        if not text.strip():
            raise EmptyArticle(f"{path}: the file is empty")
        if html.is_html(path, text[:1000]):
            page = html.parse(text, path)
            yield ArticleInput(
                page.text,
                id=p.stem,
                title=page.title,
                published=page.published or published,
                source=page.url or str(path),
                author=page.author,
            )
            return
        yield ArticleInput(text, id=p.stem, published=published, source=str(path), warnings=tuple(warnings))
    except VnnewsError as exc:
        yield Failure(p.stem, path, exc.kind, str(exc))
    except OSError as exc:
        yield Failure(p.stem, path, "io", f"{path}: {exc.strerror or exc}")


def read_stdin(
    published: str | None = None, archive: bool = False, encoding: str | None = None
) -> Iterator[ArticleInput | Failure]:
    """Standard input: one article, or (archive) JSON Lines of article objects, read as they come."""
    if archive:
        yield from read_archive(sys.stdin.buffer, "<stdin>")
        return
    try:
        text, warnings = decode_with_warnings(sys.stdin.buffer.read(), "<stdin>", encoding)
        if not text.strip():
            raise EmptyArticle("<stdin>: no text on standard input")
        yield ArticleInput(text, id=None, published=published, source="<stdin>", warnings=tuple(warnings))
    except VnnewsError as exc:
        yield Failure(None, "<stdin>", exc.kind, str(exc))


def iter_sources(
    inputs: tuple[str, ...] | list[str],
    patterns: str,
    published: str | None = None,
    stdin_archive: bool = True,
    folders: bool = True,
    encoding: str | None = None,
) -> Iterator[ArticleInput | Failure]:
    """Every article of the inputs in a stable order: files as given, folders walked recursively in
    sorted order keeping the names that match one of the comma-separated glob patterns."""
    globs = [g.strip() for g in patterns.split(",") if g.strip()]
    for path in inputs:
        if path == "-":
            yield from read_stdin(published, archive=stdin_archive, encoding=encoding)
        elif folders and os.path.isdir(path):
            for found in _walk(path, globs):
                yield from read_file(found, published, encoding)
        else:
            yield from read_file(path, published, encoding)


def _walk(folder: str, globs: list[str]) -> Iterator[str]:
    for root, dirs, files in os.walk(folder):
        dirs.sort()
        for name in sorted(files):
            if any(fnmatch.fnmatch(name, g) for g in globs):
                yield os.path.join(root, name)


def read_inputs(
    paths: tuple[str, ...] | list[str],
    published: str | None,
    failures: list[Failure],
    encoding: str | None = None,
) -> Iterator[ArticleInput]:
    """Every article named by paths, in order (stdin is one article); unreadable inputs become Failures."""
    for entry in iter_sources(paths, "*", published, stdin_archive=False, folders=False, encoding=encoding):
        if isinstance(entry, Failure):
            failures.append(entry)
        else:
            yield entry
