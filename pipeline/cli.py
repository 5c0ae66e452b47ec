"""The `vnnews` command line: parse arguments, build options, call the library, report errors."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass

import click

from pipeline.errors import InvalidInput, VnnewsError
from pipeline.inputs import read_inputs

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
DEFAULT_GLOB = "*.txt,*.html,*.htm,*.jsonl,*.jsonl.gz"
ENCODING_HELP = (
    "Encoding of text files: a Python codec (cp1258, utf-16, ...), tcvn3 or vni. Default: detected."
)


def _encoding(name: str | None) -> str | None:
    """A usable encoding name, or a usage error."""
    import codecs

    if name is None or name.lower() in {"tcvn3", "vni"}:
        return name and name.lower()
    try:
        codecs.lookup(name)
    except LookupError:
        raise click.BadParameter(f"unknown encoding {name!r}", param_hint="--encoding") from None
    return name


@dataclass(frozen=True)
class ExtractOptions:
    """What `vnnews extract` was asked to do."""

    paths: tuple[str, ...]
    jsonl: bool
    published: str | None
    debug: bool
    include_text: bool
    encoding: str | None = None


def _records(options: ExtractOptions, failures: list) -> Iterator[dict]:
    from pipeline.api import Failure, default_extractor

    extractor = default_extractor()
    items = read_inputs(
        options.paths, published=options.published, failures=failures, encoding=options.encoding
    )
    for result in extractor.extract_many(items):
        if isinstance(result, Failure):
            failures.append(result)
            continue
        yield result.model_dump(mode="json", exclude=None if options.include_text else {"text"})


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="vnnews")
def main() -> None:
    """Structured records from Vietnamese press reports."""


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--jsonl", is_flag=True, help="One JSON object per line, even for a single article.")
@click.option("--published", metavar="DATE", help="Publication date (YYYY[-MM[-DD]]) of plain-text inputs.")
@click.option("--no-text", "no_text", is_flag=True, help="Leave the normalized article text out of records.")
@click.option("--encoding", metavar="NAME", help=ENCODING_HELP)
@click.option("--debug", is_flag=True, help="Show a traceback for internal errors.")
def extract(
    paths: tuple[str, ...],
    jsonl: bool,
    published: str | None,
    no_text: bool,
    encoding: str | None,
    debug: bool,
) -> None:
    """Extract records from article files, archives (.jsonl) or - (standard input).

    One article prints as indented JSON; several (or --jsonl) print as JSON Lines.
    """
    from pipeline.api import parse_published

    try:
        published = parse_published(published)
    except InvalidInput as exc:
        raise click.BadParameter(str(exc), param_hint="--published") from None
    options = ExtractOptions(paths, jsonl, published, debug, not no_text, _encoding(encoding))
    failures: list = []
    out = sys.stdout
    try:
        records = _records(options, failures)
        first = next(records, None)
        second = next(records, None) if first is not None else None
        if first is not None and second is None and not jsonl and not _is_archive(paths):
            out.write(json.dumps(first, ensure_ascii=False, indent=2) + "\n")
        else:
            for record in (r for r in (first, second) if r is not None):
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
            for record in records:
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
        out.flush()
    except VnnewsError as exc:
        raise click.ClickException(str(exc)) from None
    except BrokenPipeError:
        sys.stderr.close()
        sys.exit(EXIT_OK)
    except Exception as exc:
        _internal_error(exc, debug)
    for f in failures:
        where = f.id or f.source or "article"
        click.echo(f"vnnews: {where}: {f.kind}: {f.message}", err=True)
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
    "--scheduler", metavar="ADDRESS", help="Dask scheduler (tcp://host:8786); a LocalCluster when absent."
)
@click.option(
    "--errors", metavar="FILE", help="Error records (default: OUTPUT.errors.jsonl; stderr for stdout)."
)
@click.option("--manifest", metavar="FILE", help="Resume manifest (default: OUTPUT.manifest.sqlite).")
@click.option("--published", metavar="DATE", help="Publication date of plain-text inputs.")
@click.option("--jsonl", "stdin_archive", is_flag=True, help="Standard input (-) is a JSON Lines archive.")
@click.option("--chunk-size", type=click.IntRange(1, 10_000), default=None, help="Articles per work unit.")
@click.option("--no-text", "no_text", is_flag=True, help="Leave the normalized article text out of records.")
@click.option("--force", is_flag=True, help="Start over: overwrite the output, errors and manifest.")
@click.option("--encoding", metavar="NAME", help=ENCODING_HELP)
@click.option("--debug", is_flag=True, help="Show a traceback for internal errors.")
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
    stdin_archive: bool,
    chunk_size: int | None,
    no_text: bool,
    force: bool,
    encoding: str | None,
    debug: bool,
) -> None:
    """Extract whole archives: files, folders, .jsonl(.gz) archives and - into one JSON Lines output.

    Parallel (-j), resumable (run the same command again after an interruption) and exactly-once:
    each input article appears once in the output or, if it failed, once in the errors file.
    """
    from pipeline import batch as batch_module
    from pipeline.api import parse_published

    try:
        published = parse_published(published)
    except InvalidInput as exc:
        raise click.BadParameter(str(exc), param_hint="--published") from None
    if chunk_size is None:
        chunk_size = 4 if output == "-" else batch_module.DEFAULT_CHUNK  # stream to stdout as records finish
    options = batch_module.BatchOptions(
        inputs=inputs,
        output=output,
        glob=patterns,
        jobs=jobs,
        engine=engine,
        scheduler=scheduler,
        errors=errors,
        manifest=manifest,
        published=published,
        chunk_size=chunk_size,
        include_text=not no_text,
        force=force,
        stdin_archive=stdin_archive,
        encoding=_encoding(encoding),
    )
    bar = _progress_bar(enabled=sys.stderr.isatty() and output != "-")
    try:
        summary = batch_module.run(options, progress=bar.update if bar else None)
    except KeyboardInterrupt:
        click.echo("vnnews: interrupted; run the same command again to go on where it stopped", err=True)
        sys.exit(130)
    except VnnewsError as exc:
        raise click.ClickException(str(exc)) from None
    except Exception as exc:
        _internal_error(exc, debug)
    finally:
        if bar:
            bar.close()
    rate = (summary.ok + summary.failed) / summary.seconds if summary.seconds else 0.0
    click.echo(
        f"vnnews: {summary.ok} ok, {summary.failed} failed, {summary.skipped} skipped "
        f"in {summary.seconds:.1f} s ({rate:.1f} articles/s)"
        + (f"; errors in {options.errors_path}" if summary.failed and options.errors_path else ""),
        err=True,
    )
    if summary.duplicate_ids:
        shown = ", ".join(summary.duplicate_ids[:5]) + (" …" if len(summary.duplicate_ids) > 5 else "")
        click.echo(
            f"vnnews: {len(summary.duplicate_ids)} ids name different articles (all kept): {shown}", err=True
        )
    if summary.failed:
        sys.exit(EXIT_FAILED)


def _progress_bar(enabled: bool):
    """A tqdm progress bar with rate and ETA on a terminal; None otherwise."""
    if not enabled:
        return None
    from tqdm import tqdm

    return tqdm(unit=" articles", dynamic_ncols=True, file=sys.stderr)


@main.command()
def schema() -> None:
    """Print the JSON Schema of a record."""
    from schemas import json_schema

    click.echo(json.dumps(json_schema(), ensure_ascii=False, indent=2))


if __name__ == "__main__":  # pragma: no cover
    main()
