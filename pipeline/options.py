"""What a command was asked to do, as one object from the command line to the library.

Light on purpose: `vnnews --help` and `vnnews schema` import this module and nothing heavy."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from vnnews.pipeline.errors import InvalidInput

INPUT_FORMATS = ("auto", "text", "html", "jsonl")
OUTPUT_FORMATS = ("auto", "json", "jsonl")
DEFAULT_GLOB = "*.txt,*.html,*.htm,*.jsonl,*.jsonl.gz"
DEFAULT_TIMEOUT = 60.0  # seconds one article may take before it becomes a `timeout` failure
DEFAULT_CHUNK = 32  # articles per work unit of a batch
DEFAULT_HTML_LIMIT = 20  # review pages `vnnews batch --html` writes
MAX_FILE_BYTES = 16 * 1024 * 1024  # a text or HTML file larger than this is a dump, not an article
MAX_LINE_BYTES = 16 * 1024 * 1024  # an archive line longer than this is skipped with an error record


_ISO = re.compile(
    r"^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[T ](?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d+)?)?"
    r"(?:Z|[+-](?:[01]\d|2[0-3]):?[0-5]\d)?)?)?)?$",
    re.ASCII,  # "２０１７" or Arabic-Indic digits are not an ISO date
)


def parse_published(value: str | None) -> str | None:
    """A publication date as ISO at its own granularity ("2017", "2017-06", "2017-06-08"), or None."""
    if value is None:
        return None
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)  # a bare year
    if not isinstance(value, str):
        raise InvalidInput(f"publication date must be a string, not {type(value).__name__}")
    value = value.strip()
    if not value:
        return None
    m = _ISO.match(value)
    if not m:
        raise InvalidInput(f"publication date {value!r} is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)")
    year, month, day = m.groups()
    if month and not 1 <= int(month) <= 12:
        raise InvalidInput(f"publication date {value!r} has no month {month}")
    if day:
        try:
            dt.date(int(year), int(month), int(day))
        except ValueError as exc:
            raise InvalidInput(f"publication date {value!r} is not a calendar date") from exc
    return "-".join(x for x in (year, month, day) if x)


@dataclass(frozen=True)
class ReadOptions:
    """How inputs are read, the same for `extract` and `batch`.

    published: ISO publication date (YYYY[-MM[-DD]]) of inputs that do not carry one; encoding: a
    text codec, "tcvn3" or "vni", or None to detect; input_format: one of INPUT_FORMATS; glob: the
    comma-separated file patterns a folder contributes."""

    published: str | None = None
    encoding: str | None = None
    input_format: str = "auto"
    glob: str = DEFAULT_GLOB


DEFAULT_READ = ReadOptions()


@dataclass(frozen=True)
class ExtractOptions:
    """What `vnnews extract` was asked to do."""

    paths: tuple[str, ...]
    read: ReadOptions = DEFAULT_READ
    output_format: str = "auto"
    include_text: bool = True
    timeout: float | None = DEFAULT_TIMEOUT
    debug: bool = False


@dataclass(frozen=True)
class BatchOptions:
    """What `vnnews batch` was asked to do."""

    inputs: tuple[str, ...]
    output: str
    read: ReadOptions = DEFAULT_READ
    jobs: int = 1
    engine: str = "local"
    scheduler: str | None = None
    errors: str | None = None
    manifest: str | None = None
    chunk_size: int = DEFAULT_CHUNK
    include_text: bool = True
    force: bool = False
    timeout: float | None = DEFAULT_TIMEOUT
    retry_failed: bool = True
    html: str | None = None  # a folder for the review pages of the first html_limit records
    html_limit: int = DEFAULT_HTML_LIMIT

    @property
    def errors_path(self) -> str | None:
        """Where error records go: beside the output unless given."""
        if self.errors == "-":
            return None  # standard error, as JSON lines
        if self.errors:
            return self.errors
        return None if self.output == "-" else _strip_suffixes(self.output) + ".errors.jsonl"

    @property
    def manifest_path(self) -> str | None:
        """The SQLite manifest: beside the output unless given; none when streaming to stdout."""
        if self.manifest:
            return self.manifest
        return None if self.output == "-" else _strip_suffixes(self.output) + ".manifest.sqlite"


def _strip_suffixes(path: str) -> str:
    for suffix in (".gz", ".jsonl", ".json"):
        path = path.removesuffix(suffix)
    return path


MAX_BATCH_BYTES = 256 * 1024 * 1024  # a /extract/batch request body larger than this is cut there


@dataclass(frozen=True)
class ServeOptions:
    """What `vnnews serve` was asked to do.

    timeout: seconds one article may take (None: no limit); max_body_bytes: the largest /extract body
    and /extract/batch line; max_batch_bytes: the largest /extract/batch body."""

    host: str = "127.0.0.1"
    port: int = 8000
    workers: int = 1
    timeout: float | None = DEFAULT_TIMEOUT
    max_body_bytes: int = MAX_FILE_BYTES
    max_batch_bytes: int = MAX_BATCH_BYTES

    def to_json(self) -> str:
        """These options as JSON, for the worker processes (see from_json)."""
        import json

        return json.dumps(self.__dict__)

    @classmethod
    def from_json(cls, text: str) -> ServeOptions:
        import json

        return cls(**json.loads(text))
