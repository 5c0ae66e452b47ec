"""Reading articles: plain-text files, JSON Lines archives and standard input, as ArticleInputs."""

from __future__ import annotations

import codecs
import fnmatch
import gzip
import io
import json
import os
import stat
import sys
import zlib
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

from vnnews.pipeline import html
from vnnews.pipeline.api import ArticleInput, Failure
from vnnews.pipeline.encodings import LEGACY, decode_legacy_bytes, first_surrogate, printable
from vnnews.pipeline.errors import (
    ArchiveLineError,
    BadFileName,
    BinaryInput,
    DecodeError,
    EmptyArticle,
    InvalidInput,
    NotAFile,
    TooLarge,
    VnnewsError,
)
from vnnews.pipeline.options import DEFAULT_READ, MAX_FILE_BYTES, MAX_LINE_BYTES, ReadOptions

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
    """Whether a path names a JSON Lines archive of article objects (by its name alone)."""
    return name.endswith((".jsonl", ".jsonl.gz"))


# --- bounds and names ------------------------------------------------------------------------------

SNIFF_BYTES = 1 << 20  # how much of a file's first line is read to tell an archive from an article
_SKIP_PIECE = 1 << 20  # an over-long line is skipped in pieces of this many bytes


SNIFF_LINES = 8  # an archive whose first lines are broken is still recognized by a later one


def looks_like_archive(head: bytes) -> bool:
    """Whether a stream's first lines hold an article object of a JSON Lines archive ({"text": ...}):
    one of the first SNIFF_LINES non-blank lines is enough, so that a broken first line does not
    turn a whole archive into one article."""
    lines = [line for line in head.removeprefix(codecs.BOM_UTF8).split(b"\n") if line.strip()]
    for line in lines[:SNIFF_LINES]:
        line = line.strip()
        if not line.startswith(b"{"):
            continue
        try:
            obj = json.loads(line)
        except (ValueError, RecursionError):
            if len(line) >= SNIFF_BYTES // 2 and b'"text"' in line:  # a line longer than the sniff
                return True
            continue
        if isinstance(obj, dict) and "text" in obj:
            return True
    return False


class _Rejoined(io.RawIOBase):
    """A binary stream whose first bytes were already read (to sniff its format), put back in front."""

    def __init__(self, head: bytes, rest: io.BufferedIOBase) -> None:
        super().__init__()
        self._head = head
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readline(self, limit: int | None = -1) -> bytes:
        limit = -1 if limit is None else limit
        if not self._head:
            return self._rest.readline(limit)
        cut = self._head.find(b"\n") + 1 or len(self._head)
        if 0 <= limit < cut:
            cut = limit
        line, self._head = self._head[:cut], self._head[cut:]
        if line.endswith(b"\n") or self._head or (0 <= limit <= len(line)):
            return line
        return line + self._rest.readline(-1 if limit < 0 else limit - len(line))

    def read(self, size: int | None = -1) -> bytes:
        size = -1 if size is None else size
        head, self._head = (self._head, b"") if size < 0 else (self._head[:size], self._head[size:])
        more = self._rest.read(-1 if size < 0 else size - len(head)) if size < 0 or len(head) < size else b""
        return head + more


def _lines(stream, cap: int | None = None) -> Iterator[tuple[int, bytes | None, int]]:
    """(line number, bytes or None when longer than cap, length) for each line, in bounded memory:
    an over-long line is skipped in pieces up to its end, never held whole. cap: MAX_LINE_BYTES."""
    cap = MAX_LINE_BYTES if cap is None else cap
    number = 0
    while True:
        raw = stream.readline(cap + 1)
        if not raw:
            return
        number += 1
        if len(raw) <= cap or raw.endswith(b"\n"):
            yield number, raw, len(raw)
            continue
        size = len(raw)
        if b"\x00" in raw:
            yield number, raw[:4096], size  # binary: the caller stops at the NUL
            return
        while True:
            piece = stream.readline(_SKIP_PIECE)
            size += len(piece)
            if not piece or piece.endswith(b"\n"):
                break
        yield number, None, size


# --- archives --------------------------------------------------------------------------------------


def article_from_object(obj: object, where: str) -> ArticleInput:
    """An ArticleInput from one archive object (`text`, and optionally id, title, published, source);
    ArchiveLineError when it is not one (wrong types, a lone surrogate in a string)."""
    if not isinstance(obj, dict):
        raise ArchiveLineError(f"{where}: expected a JSON object, got {type(obj).__name__}")
    text = obj.get("text")
    if not isinstance(text, str):
        raise ArchiveLineError(f"{where}: the object has no string 'text'")
    fields: dict[str, str | None] = {}
    for key in ("id", "title", "published", "source"):
        value = obj.get(key)
        if value is not None and (isinstance(value, bool) or not isinstance(value, str | int)):
            raise ArchiveLineError(f"{where}: '{key}' must be a string")
        fields[key] = None if value is None else str(value)
    for key, value in (("text", text), *fields.items()):
        at = first_surrogate(value) if value is not None else None
        if at is not None:
            raise ArchiveLineError(
                f"{where}: '{key}' holds a lone surrogate (\\u{ord(value[at]):04x}) at character {at}: "
                "not valid Unicode"
            )
    return ArticleInput(text=text, **fields)


def read_archive(stream, name: str, published: str | None = None) -> Iterator[ArticleInput | Failure]:
    """Articles of a JSON Lines byte stream; a bad line becomes a Failure and reading goes on.
    published: the date of the lines that give none.

    Lines are read with a cap of MAX_LINE_BYTES (a longer line is one `too_large` failure, skipped
    without being held in memory); a NUL byte means the stream is not an archive at all (one
    `bad_archive` failure, and the rest is skipped)."""
    for number, raw, size in _lines(stream):
        if raw is None:
            where = f"{name}:{number}"
            yield Failure(
                None,
                where,
                "too_large",
                f"{where}: the line has {size:,} bytes, more than {MAX_LINE_BYTES:,}",
            )
            continue
        result = archive_line(raw, name, number, published)
        if result is None:
            continue
        yield result
        if isinstance(result, Failure) and result.kind == "bad_archive":
            return


def archive_line(
    raw: bytes, name: str, number: int, published: str | None = None, name_lines: bool = True
) -> ArticleInput | Failure | None:
    """The article of one archive line (its bytes, without the cap check), a Failure for a bad line
    (`bad_archive` for NUL bytes: not an archive at all), or None for a blank line. Its id, when the
    object gives none, is `NAME:NUMBER` (the file's base name) and its source `NAME:NUMBER`; with
    name_lines=False (one object on its own, as the HTTP service reads it) they stay as given and
    messages name the place NAME."""
    where = f"{name}:{number}" if name_lines else name
    if b"\x00" in raw:
        return Failure(
            None, where, "bad_archive", f"{where}: binary data (NUL bytes): not a JSON Lines archive"
        )
    if number == 1 and raw.startswith(codecs.BOM_UTF8):
        raw = raw[len(codecs.BOM_UTF8) :]
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return Failure(None, where, "encoding", f"{where}: invalid UTF-8 at byte {exc.start} of the line")
    if not line.strip():
        return None
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        return Failure(None, where, ArchiveLineError.kind, f"{where}: invalid JSON ({exc.msg})")
    except RecursionError:
        return Failure(None, where, ArchiveLineError.kind, f"{where}: JSON nested too deeply")
    except ValueError:  # Python refuses to convert integers of more than 4,300 digits
        return Failure(None, where, ArchiveLineError.kind, f"{where}: a number with thousands of digits")
    try:
        item = article_from_object(obj, where)
    except VnnewsError as exc:
        return Failure(_id_of(obj), where, exc.kind, str(exc))
    if not name_lines:
        return replace(item, published=item.published or published)
    return ArticleInput(
        item.text,
        item.id or f"{Path(name).name}:{number}",
        item.title,
        item.published or published,
        item.source or where,
    )


def _id_of(obj: object) -> str | None:
    """The id of a rejected archive object, when it has a usable one (for its error record)."""
    value = obj.get("id") if isinstance(obj, dict) else None
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    return value if isinstance(value, str) and first_surrogate(value) is None else None


# --- files and standard input ----------------------------------------------------------------------


def _open_stream(raw, path: str):
    """The byte stream of a file: gunzipped when its name or its first bytes say gzip."""
    if not hasattr(raw, "peek"):  # a stream without a look-ahead buffer (a BytesIO standing for stdin)
        raw = io.BufferedReader(raw)
    if path.endswith(".gz") or raw.peek(2)[:2] == b"\x1f\x8b":
        return gzip.GzipFile(fileobj=raw, mode="rb")
    return raw


def _sniff(stream, input_format: str):
    """(format, stream): an archive, or one article ("file": text or HTML, decided from its text)."""
    if input_format in ("jsonl", "text", "html"):
        return input_format, stream
    head, archive = b"", False
    for _ in range(SNIFF_LINES):  # line by line: a stream that trickles in is decided at its first object
        line = stream.readline(SNIFF_BYTES - len(head))
        head += line
        archive = looks_like_archive(line)
        if archive or not line or len(head) >= SNIFF_BYTES:
            break
    return ("jsonl" if archive else "file"), _Rejoined(head, stream)


def article_from_bytes(
    data: bytes,
    name: str,
    input_format: str,
    encoding: str | None,
    **fields,
) -> ArticleInput:
    """One article from a file's, stdin's or a request's bytes: decoded, and marked as a web page when
    it is one; TooLarge, BinaryInput, DecodeError or EmptyArticle when it cannot be one."""
    if len(data) > MAX_FILE_BYTES:
        raise TooLarge(
            f"{name}: more than {MAX_FILE_BYTES:,} bytes: not an article (split it, or use an archive)"
        )
    text, warnings = decode_with_warnings(data, name, encoding)
    if not text.strip():
        raise EmptyArticle(
            "<stdin>: no text on standard input"
            if name == "<stdin>"
            else f"{name}: no text"
            if name.startswith("<")
            else f"{name}: the file is empty"
        )
    if input_format == "html" or (input_format != "text" and html.is_html(name, text[:1000])):
        # parsed later, in the worker that extracts it (trafilatura's cost stays off the reader)
        return ArticleInput(text, format="html", **fields)
    return ArticleInput(text, warnings=tuple(warnings), **fields)


def read_file(path: str, options: ReadOptions = DEFAULT_READ) -> Iterator[ArticleInput | Failure]:
    """The articles of one file: an archive's objects, a web page, or a text file.

    options.input_format: "auto" (an archive by its name or its first line, a web page by its name
    or its first characters), "jsonl", "text" or "html". Never reads more than MAX_FILE_BYTES of a single
    article, and never opens what is not a regular file (a FIFO, a device): those are Failures."""
    name = printable(path)
    stem = printable(Path(path).stem)
    input_format = options.input_format
    try:
        if name != path:
            raise BadFileName(f"{name}: the file name is not valid UTF-8: rename the file to read it")
        try:
            st = os.stat(path)
        except FileNotFoundError:
            raise InvalidInput(f"{path}: no such file") from None
        if stat.S_ISDIR(st.st_mode):
            raise InvalidInput(f"{path}: is a folder (use `vnnews batch` for folders)")
        if not stat.S_ISREG(st.st_mode):
            raise NotAFile(f"{path}: not a regular file (a FIFO, a device or a socket): skipped")
        fmt = "jsonl" if input_format == "auto" and is_archive(path) else input_format
        with open(path, "rb") as raw:
            try:
                fmt, stream = _sniff(_open_stream(raw, path), fmt)
                if fmt == "jsonl":
                    yield from read_archive(stream, path, options.published)
                    return
                if st.st_size > MAX_FILE_BYTES and not path.endswith(".gz"):
                    raise TooLarge(
                        f"{path}: {st.st_size:,} bytes, more than {MAX_FILE_BYTES:,}: not an article"
                    )
                data = stream.read(MAX_FILE_BYTES + 1)
            except (EOFError, zlib.error, gzip.BadGzipFile) as exc:
                yield Failure(
                    None,
                    path,
                    "bad_archive",
                    f"{path}: unreadable archive ({exc}); the lines before it were read",
                )
                return
        yield article_from_bytes(
            data, path, fmt, options.encoding, id=stem, published=options.published, source=str(path)
        )
    except VnnewsError as exc:
        yield Failure(stem, name, exc.kind, str(exc))
    except OSError as exc:
        yield Failure(stem, name, "io", f"{name}: {exc.strerror or exc}")


def read_stdin(options: ReadOptions = DEFAULT_READ) -> Iterator[ArticleInput | Failure]:
    """Standard input: one article, or a JSON Lines archive of article objects read as they come
    (input_format "auto" tells them apart by the first line)."""
    try:
        fmt, stream = _sniff(_open_stream(sys.stdin.buffer, "<stdin>"), options.input_format)
        if fmt == "jsonl":
            yield from read_archive(stream, "<stdin>", options.published)
            return
        data = stream.read(MAX_FILE_BYTES + 1)
        yield article_from_bytes(
            data, "<stdin>", fmt, options.encoding, id=None, published=options.published, source="<stdin>"
        )
    except VnnewsError as exc:
        yield Failure(None, "<stdin>", exc.kind, str(exc))


def iter_sources(
    inputs: tuple[str, ...] | list[str],
    options: ReadOptions = DEFAULT_READ,
    folders: bool = True,
    exclude: frozenset[str] = frozenset(),
) -> Iterator[ArticleInput | Failure]:
    """Every article of the inputs in a stable order: files as given, folders walked recursively in
    sorted order keeping the names that match one of options.glob's comma-separated patterns.

    exclude: real paths never read from a folder (a batch's own output, errors and manifest)."""
    globs = [g.strip() for g in options.glob.split(",") if g.strip()]
    for path in inputs:
        if path == "-":
            yield from read_stdin(options)
        elif folders and os.path.isdir(path):
            for found in _walk(path, globs, exclude):
                yield from read_file(found, options)
        else:
            yield from read_file(path, options)


def _walk(folder: str, globs: list[str], exclude: frozenset[str]) -> Iterator[str]:
    for root, dirs, files in os.walk(folder):
        dirs.sort()
        for name in sorted(files):
            if any(fnmatch.fnmatch(name, g) for g in globs):
                path = os.path.join(root, name)
                if exclude and os.path.realpath(path) in exclude:
                    continue
                yield path


def read_inputs(
    paths: tuple[str, ...] | list[str], options: ReadOptions, failures: list[Failure]
) -> Iterator[ArticleInput]:
    """Every article named by paths, in order (folders are not walked); unreadable inputs are
    appended to failures."""
    for entry in iter_sources(paths, options, folders=False):
        if isinstance(entry, Failure):
            failures.append(entry)
        else:
            yield entry


def count_articles(
    inputs: tuple[str, ...] | list[str], patterns: str, exclude: frozenset[str] = frozenset()
) -> int | None:
    """How many articles the inputs hold, counted quickly for a progress bar's total: the lines of
    archives named as such, one per other file; None when standard input is among them."""
    globs = [g.strip() for g in patterns.split(",") if g.strip()]
    total = 0
    for path in inputs:
        if path == "-":
            return None
        found = _walk(path, globs, exclude) if os.path.isdir(path) else [path]
        total += sum(_count_lines(f) if is_archive(f) else 1 for f in found)
    return total


def _count_lines(path: str) -> int:
    """Lines of an archive (gzipped or not) in bounded memory; 1 when it cannot be read."""
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return 1
        lines, last = 0, b"\n"
        with open(path, "rb") as raw:
            stream = _open_stream(raw, path)
            while block := stream.read(1 << 20):
                lines += block.count(b"\n")
                last = block[-1:]
        return lines + (last != b"\n")
    except (OSError, EOFError, zlib.error):
        return 1
