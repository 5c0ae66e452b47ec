"""The `vnnews` command line: parse arguments, build options, call the library, report errors."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass

import click

from pipeline.errors import InvalidInput, VnnewsError
from pipeline.inputs import read_inputs

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


@dataclass(frozen=True)
class ExtractOptions:
    """What `vnnews extract` was asked to do."""

    paths: tuple[str, ...]
    jsonl: bool
    published: str | None
    debug: bool
    include_text: bool


def _records(options: ExtractOptions, failures: list) -> Iterator[dict]:
    from pipeline.api import Failure, default_extractor

    extractor = default_extractor()
    items = read_inputs(options.paths, published=options.published, failures=failures)
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
@click.option("--debug", is_flag=True, help="Show a traceback for internal errors.")
def extract(paths: tuple[str, ...], jsonl: bool, published: str | None, no_text: bool, debug: bool) -> None:
    """Extract records from article files, archives (.jsonl) or - (standard input).

    One article prints as indented JSON; several (or --jsonl) print as JSON Lines.
    """
    from pipeline.api import parse_published

    try:
        published = parse_published(published)
    except InvalidInput as exc:
        raise click.BadParameter(str(exc), param_hint="--published") from None
    options = ExtractOptions(paths, jsonl, published, debug, not no_text)
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
        if debug:
            raise
        click.echo(
            f"vnnews: internal error: {type(exc).__name__}: {exc} (run with --debug for details)", err=True
        )
        sys.exit(EXIT_FAILED)
    for f in failures:
        where = f.id or f.source or "article"
        click.echo(f"vnnews: {where}: {f.kind}: {f.message}", err=True)
    if failures:
        sys.exit(EXIT_FAILED)


def _is_archive(paths: tuple[str, ...]) -> bool:
    return any(p.endswith((".jsonl", ".jsonl.gz")) for p in paths) or len(paths) > 1


@main.command()
def schema() -> None:
    """Print the JSON Schema of a record."""
    from schemas import json_schema

    click.echo(json.dumps(json_schema(), ensure_ascii=False, indent=2))


if __name__ == "__main__":  # pragma: no cover
    main()
