"""The `vnnews` command line: parse arguments, build one options object, call the library, turn
domain errors into click errors. `--help`, `--version` and `schema` import neither spaCy nor the
extractors."""

from __future__ import annotations

import itertools
import json
import os
import signal
import sys
import threading

import click

from vnnews.pipeline.errors import InvalidInput, VnnewsError
from vnnews.pipeline.options import (
    DEFAULT_CHUNK,
    DEFAULT_GLOB,
    DEFAULT_HTML_LIMIT,
    DEFAULT_TIMEOUT,
    INPUT_FORMATS,
    MAX_BATCH_BYTES,
    MAX_FILE_BYTES,
    OUTPUT_FORMATS,
    BatchOptions,
    ExtractOptions,
    ReadOptions,
    ServeOptions,
    parse_published,
)

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_INTERRUPTED, EXIT_TERMINATED = 0, 1, 2, 130, 143
ENCODING_HELP = (
    "Encoding of text files: a Python text codec (cp1258, utf-16, ...), tcvn3 or vni. Default: detected."
)
INPUT_FORMAT_HELP = (
    "How inputs are read: auto (an archive by its .jsonl name or a first line that is an article "
    "object, a web page by its name or its first tag, else plain text), text, html or jsonl."
)
TIMEOUT_HELP = "Seconds one article may take before it becomes a `timeout` error (0: no limit)."


def _encoding(name: str | None) -> str | None:
    """A usable text encoding name, or a usage error (unknown, or a codec such as rot13 or base64
    that does not turn bytes into text)."""
    import codecs

    if name is None or name.lower() in {"tcvn3", "vni"}:
        return name and name.lower()
    try:
        info = codecs.lookup(name)
    except LookupError:
        raise click.BadParameter(f"unknown encoding {name!r}", param_hint="--encoding") from None
    if not getattr(info, "_is_text_encoding", True):
        raise click.BadParameter(f"{name!r} is not a text encoding", param_hint="--encoding")
    return name


def _read_options(
    published: str | None, encoding: str | None, input_format: str, glob: str = DEFAULT_GLOB
) -> ReadOptions:
    """The reading options of a command, checked: usage errors for a bad date or encoding."""
    try:
        published = parse_published(published)
    except InvalidInput as exc:
        raise click.BadParameter(str(exc), param_hint="--published") from None
    return ReadOptions(
        published=published, encoding=_encoding(encoding), input_format=input_format, glob=glob
    )


class RunError(click.ClickException):
    """A run that cannot start or go on, said like every other vnnews message: `vnnews: ...`."""

    def show(self, file=None) -> None:
        click.echo(f"vnnews: {self.format_message()}", err=True, file=file)


def _plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def _quiet_libraries() -> None:
    """trafilatura and the libraries under it log their own warnings; a command line says each
    problem once, in its own words (the error records)."""
    import logging

    for name in ("trafilatura", "htmldate", "courlan", "justext", "readability"):
        logging.getLogger(name).setLevel(logging.CRITICAL + 1)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="vnnews")
def main() -> None:
    """Structured records from Vietnamese press reports."""


def _reading_and_extraction_options(f):
    """The options `extract` and `batch` share: how inputs are read and how each article is extracted."""
    for option in reversed(
        [
            click.option(
                "--input-format",
                type=click.Choice(INPUT_FORMATS),
                default="auto",
                show_default=True,
                help=INPUT_FORMAT_HELP,
            ),
            click.option(
                "--published", metavar="DATE", help="Publication date (YYYY[-MM[-DD]]) of inputs without one."
            ),
            click.option("--encoding", metavar="NAME", help=ENCODING_HELP),
            click.option(
                "--no-text", "no_text", is_flag=True, help="Leave the normalized article text out of records."
            ),
            click.option(
                "--timeout",
                type=click.FloatRange(0),
                default=DEFAULT_TIMEOUT,
                show_default=True,
                help=TIMEOUT_HELP,
            ),
            click.option("--debug", is_flag=True, help="Show a traceback for internal errors."),
        ]
    ):
        f = option(f)
    return f


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--output-format",
    type=click.Choice(OUTPUT_FORMATS),
    default="auto",
    show_default=True,
    help="auto: one article as indented JSON, several as JSON Lines; json; jsonl (JSON Lines).",
)
@click.option(
    "--jsonl", is_flag=True, help="Write JSON Lines, even for one article (= --output-format jsonl)."
)
@_reading_and_extraction_options
def extract(
    paths: tuple[str, ...],
    output_format: str,
    jsonl: bool,
    input_format: str,
    published: str | None,
    no_text: bool,
    encoding: str | None,
    timeout: float,
    debug: bool,
) -> None:
    """Extract records from article files, archives (.jsonl) or - (standard input).

    One article prints as indented JSON; several (or --jsonl) print as JSON Lines.
    """
    if jsonl and output_format == "json":
        raise click.UsageError("--jsonl and --output-format json contradict each other")
    options = ExtractOptions(
        paths=paths,
        read=_read_options(published, encoding, input_format),
        output_format="jsonl" if jsonl else output_format,
        include_text=not no_text,
        timeout=timeout or None,
        debug=debug,
    )
    from vnnews.extractors.lexicon import LexiconError
    from vnnews.pipeline.api import default_extractor, extract_records

    _quiet_libraries()
    try:
        default_extractor()  # a data file that fails validation stops the command once
    except LexiconError as exc:
        raise RunError(f"the vocabulary cannot be loaded: {exc}") from None
    failures: list = []
    out = sys.stdout
    output_format = options.output_format
    try:
        records = extract_records(options, failures)
        head = [] if output_format == "jsonl" else list(itertools.islice(records, 2))
        if output_format == "json" or (output_format == "auto" and len(head) == 1 and not _is_archive(paths)):
            # one indented JSON document: the record of one article, or an array of several
            found = head + list(records)
            value = found[0] if len(found) == 1 else found
            out.write(json.dumps(value, ensure_ascii=False, indent=2) + "\n")
        else:
            for record in itertools.chain(head, records):
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
        out.flush()
    except VnnewsError as exc:
        raise RunError(str(exc)) from None
    except BrokenPipeError:
        sys.stderr.close()
        sys.exit(EXIT_OK)
    except Exception as exc:
        _internal_error(exc, debug)
    for f in failures:
        click.echo(f"vnnews: {f.describe()}", err=True)
    if failures:
        sys.exit(EXIT_FAILED)


def _internal_error(exc: Exception, debug: bool) -> None:
    """Report a bug as one line (a traceback with --debug) and exit 1."""
    if debug:
        raise exc
    click.echo(
        f"vnnews: internal error: {type(exc).__name__}: {exc} (run with --debug for details)", err=True
    )
    sys.exit(EXIT_FAILED)


def _is_archive(paths: tuple[str, ...]) -> bool:
    return any(p.endswith((".jsonl", ".jsonl.gz")) for p in paths) or len(paths) > 1


class Terminated(KeyboardInterrupt):
    """SIGTERM, handled as Ctrl-C is: the batch stops where it is and can be resumed."""


def _on_sigterm(signum, frame) -> None:
    raise Terminated()


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option(
    "-o", "--output", default="-", show_default=True, help="JSON Lines output (.gz compresses); - is stdout."
)
@click.option(
    "--glob",
    "patterns",
    default=DEFAULT_GLOB,
    show_default=True,
    help="Files to take from folders (comma-separated).",
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(1, 256),
    default=os.cpu_count() or 1,
    show_default="all cores",
    help="Worker processes, each with its own pipeline.",
)
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True)
@click.option(
    "--scheduler",
    metavar="ADDRESS",
    help="Dask scheduler (tcp://host:8786), with --engine dask; a LocalCluster when absent.",
)
@click.option(
    "--errors", metavar="FILE", help="Error records (default: OUTPUT.errors.jsonl; stderr for stdout)."
)
@click.option("--manifest", metavar="FILE", help="Resume manifest (default: OUTPUT.manifest.sqlite).")
@click.option(
    "--output-format",
    type=click.Choice(["auto", "jsonl"]),
    default="auto",
    show_default=True,
    help="Records are JSON Lines (auto is jsonl here); the option exists as in `extract`.",
)
@click.option("--jsonl", is_flag=True, help="Write JSON Lines (what batch always writes; as in `extract`).")
@click.option(
    "--chunk-size",
    type=click.IntRange(1, 10_000),
    default=None,
    help="Articles per work unit.",
    show_default=f"{DEFAULT_CHUNK}; 4 when writing to stdout",
)
@click.option("--force", is_flag=True, help="Start over: overwrite the output, errors and manifest.")
@click.option(
    "--html",
    "html_dir",
    metavar="FOLDER",
    help="Also write review pages (as `vnnews show`) of the first records of the output, and an index.html, in FOLDER.",
)
@click.option(
    "--html-limit",
    type=click.IntRange(1),
    default=DEFAULT_HTML_LIMIT,
    show_default=True,
    help="How many review pages --html writes.",
)
@click.option(
    "--retry-failed/--no-retry-failed",
    default=True,
    show_default=True,
    help="On a rerun, try the articles that failed before again.",
)
@_reading_and_extraction_options
def batch(
    inputs: tuple[str, ...],
    output: str,
    patterns: str,
    jobs: int,
    engine: str,
    scheduler: str | None,
    errors: str | None,
    manifest: str | None,
    published: str | None,
    input_format: str,
    output_format: str,
    jsonl: bool,
    chunk_size: int | None,
    no_text: bool,
    force: bool,
    retry_failed: bool,
    html_dir: str | None,
    html_limit: int,
    encoding: str | None,
    timeout: float,
    debug: bool,
) -> None:
    """Extract whole archives: files, folders, .jsonl(.gz) archives and - into one JSON Lines output.

    Parallel (-j), resumable (run the same command again after an interruption) and exactly-once:
    each input article appears once in the output or, if it failed, once in the errors file.
    """
    if scheduler and engine != "dask":
        raise click.UsageError("--scheduler needs --engine dask")
    if html_dir and output == "-":
        raise click.UsageError("--html reads the records back from the output: give -o FILE")
    if html_dir and no_text:
        raise click.UsageError("--html needs the text in the records: not with --no-text")
    options = BatchOptions(
        inputs=inputs,
        output=output,
        read=_read_options(published, encoding, input_format, patterns),
        jobs=jobs,
        engine=engine,
        scheduler=scheduler,
        errors=errors,
        manifest=manifest,
        # to stdout, small chunks: records stream out as they finish
        chunk_size=chunk_size or (4 if output == "-" else DEFAULT_CHUNK),
        include_text=not no_text,
        force=force,
        timeout=timeout or None,
        retry_failed=retry_failed,
        html=html_dir,
        html_limit=html_limit,
    )
    from vnnews.pipeline import batch as batch_module

    _quiet_libraries()
    # a bar on the terminal, unless the records themselves go to that terminal
    bar = _progress_bar(options, enabled=sys.stderr.isatty() and (output != "-" or not sys.stdout.isatty()))
    previous = signal.signal(signal.SIGTERM, _on_sigterm)
    try:
        summary = batch_module.run(options, progress=bar.update if bar is not None else None)
    except KeyboardInterrupt as exc:
        if bar is not None:
            bar.close()
        how = "terminated" if isinstance(exc, Terminated) else "interrupted"
        click.echo(f"vnnews: {how}; run the same command again to go on where it stopped", err=True)
        sys.exit(EXIT_TERMINATED if isinstance(exc, Terminated) else EXIT_INTERRUPTED)
    except VnnewsError as exc:
        raise RunError(str(exc)) from None
    except Exception as exc:
        _internal_error(exc, debug)
    finally:
        signal.signal(signal.SIGTERM, previous)
        if bar is not None:
            bar.close()
    rate = (summary.ok + summary.failed) / summary.seconds if summary.seconds else 0.0
    retried = (
        f" ({_plural(summary.retried_failures, 'earlier failure', 'earlier failures')} retried)"
        if summary.retried_failures
        else ""
    )
    kept = (
        f"; {_plural(summary.still_failed, 'earlier failure', 'earlier failures')} not retried"
        if summary.still_failed
        else ""
    )
    click.echo(
        f"vnnews: {summary.ok} ok, {summary.failed} failed, {summary.skipped} skipped{retried} "
        f"in {summary.seconds:.1f} s ({rate:.1f} articles/s)"
        + kept
        + (f"; errors in {options.errors_path}" if (summary.failed or kept) and options.errors_path else ""),
        err=True,
    )
    if options.html:
        from vnnews.pipeline.review import write_pages

        try:
            pages = write_pages(batch_module.records(options.output), options.html, options.html_limit)
        except OSError as exc:
            raise RunError(
                f"cannot write the review pages in {options.html}: {exc.strerror or exc}"
            ) from None
        click.echo(f"vnnews: {len(pages) - 1} review pages in {pages[-1]}", err=True)
    if summary.duplicates:
        shown = ", ".join(summary.duplicate_ids[:5]) + (" …" if summary.duplicates > 5 else "")
        ids = _plural(summary.duplicates, "id names", "ids name")
        click.echo(f"vnnews: {ids} different articles (all kept): {shown}", err=True)
    if summary.failed or summary.still_failed:
        sys.exit(EXIT_FAILED)


class _Bar:
    """A tqdm bar on the terminal with rate, and a total (hence an ETA) once a background count of
    the inputs is done."""

    def __init__(self, options) -> None:
        from tqdm import tqdm

        from vnnews.pipeline.batch import own_files
        from vnnews.pipeline.inputs import count_articles

        try:
            size = os.get_terminal_size(sys.stderr.fileno())
        except OSError:
            size = os.terminal_size((0, 0))
        # a terminal that reports no size (a bare pseudo-terminal) gets 80 x 24: tqdm would draw
        # nothing in 0 rows
        shape = {"dynamic_ncols": True} if min(size) > 0 else {"ncols": 80, "nrows": 24}
        self.tqdm = tqdm(unit=" articles", file=sys.stderr, mininterval=0.5, **shape)
        self.total: int | None = None

        def count() -> None:
            self.total = count_articles(options.inputs, options.read.glob, own_files(options))

        self._counter = threading.Thread(target=count, daemon=True)
        self._counter.start()

    def update(self, n: int) -> None:
        if self.total is not None and self.tqdm.total is None:
            self.tqdm.total = max(self.total, self.tqdm.n + n)
            self.tqdm.refresh()
        self.tqdm.update(n)

    def close(self) -> None:
        self.tqdm.close()


def _progress_bar(options, enabled: bool) -> _Bar | None:
    """A progress bar on a terminal; None otherwise."""
    return _Bar(options) if enabled else None


@main.command()
@click.argument("article")
@click.option("-o", "--output", default="-", show_default=True, help="The HTML page; - is stdout.")
@click.option(
    "--input-format",
    type=click.Choice(INPUT_FORMATS),
    default="auto",
    show_default=True,
    help=INPUT_FORMAT_HELP,
)
@click.option(
    "--published", metavar="DATE", help="Publication date (YYYY[-MM[-DD]]) of an input without one."
)
@click.option("--encoding", metavar="NAME", help=ENCODING_HELP)
@click.option(
    "--timeout", type=click.FloatRange(0), default=DEFAULT_TIMEOUT, show_default=True, help=TIMEOUT_HELP
)
@click.option("--debug", is_flag=True, help="Show a traceback for internal errors.")
def show(
    article: str,
    output: str,
    input_format: str,
    published: str | None,
    encoding: str | None,
    timeout: float,
    debug: bool,
) -> None:
    """Write the review page of one article: its text with every extracted item highlighted by kind,
    and the record beside it (one self-contained HTML file). An archive shows its first article."""
    options = ExtractOptions(
        paths=(article,), read=_read_options(published, encoding, input_format), timeout=timeout or None
    )
    from vnnews.pipeline.api import extract_records
    from vnnews.pipeline.review import render
    from vnnews.schemas import Article

    _quiet_libraries()
    failures: list = []
    try:
        record = next(iter(extract_records(options, failures)), None)
        if record is None:
            raise RunError(failures[0].describe() if failures else f"{article}: no article")
        page = render(Article.model_validate(record))
        if output == "-":
            sys.stdout.write(page)
            sys.stdout.flush()
        else:
            with open(output, "w", encoding="utf-8") as f:
                f.write(page)
    except VnnewsError as exc:
        raise RunError(str(exc)) from None
    except OSError as exc:
        raise RunError(f"{output}: {exc.strerror or exc}") from None
    except RunError:
        raise
    except Exception as exc:
        _internal_error(exc, debug)


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True)
@click.option(
    "--workers",
    type=click.IntRange(1, 256),
    default=1,
    show_default=True,
    help="Worker processes, each with its own pipeline (in its extraction process).",
)
@click.option(
    "--timeout", type=click.FloatRange(0), default=DEFAULT_TIMEOUT, show_default=True, help=TIMEOUT_HELP
)
@click.option(
    "--max-body",
    type=click.IntRange(1),
    default=MAX_FILE_BYTES,
    show_default=True,
    help="Largest /extract body and /extract/batch line, in bytes (larger: 413 too_large).",
)
@click.option(
    "--max-batch",
    type=click.IntRange(1),
    default=MAX_BATCH_BYTES,
    show_default=True,
    help="Largest /extract/batch body, in bytes.",
)
def serve(host: str, port: int, workers: int, timeout: float, max_body: int, max_batch: int) -> None:
    """Serve records over HTTP: POST /extract, POST /extract/batch, GET /schema, GET /healthz.

    Needs the `serve` extra (pip install 'vnnews[serve]'). Stops cleanly on Ctrl-C or SIGTERM.
    """
    options = ServeOptions(
        host=host,
        port=port,
        workers=workers,
        timeout=timeout or None,
        max_body_bytes=max_body,
        max_batch_bytes=max_batch,
    )
    try:
        from vnnews.pipeline.service import serve as run_service
    except ImportError as exc:
        raise RunError(
            f"`vnnews serve` needs the serve extra: pip install 'vnnews[serve]', or in a checkout "
            f"pip install -e '.[serve]' ({exc})"
        ) from None
    run_service(options)


@main.command()
def schema() -> None:
    """Print the JSON Schema of a record."""
    from vnnews.schemas import json_schema

    click.echo(json.dumps(json_schema(), ensure_ascii=False, indent=2))


if __name__ == "__main__":  # pragma: no cover
    main()
