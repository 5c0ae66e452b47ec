"""The README's commands are the ones the project really runs."""

from __future__ import annotations

import json
import re

from tests.conftest import ROOT


def _readme_commands() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return re.findall(r"```sh\n(python3 -m venv .+)\n```", text)


def test_ci_runs_exactly_the_readme_test_command() -> None:
    """.ci/run's command line is the README's test command, character for character."""
    test_command = next(c for c in _readme_commands() if "pytest" in c)
    assert test_command in (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()


def test_readme_sample_article_exists() -> None:
    """The set-up command extracts a sample article that is in the repository."""
    setup = next(c for c in _readme_commands() if "vnnews extract" in c)
    path = re.search(r"vnnews extract (\S+)", setup).group(1)
    assert (ROOT / path).is_file()


def _annotated_example() -> tuple[list[str], dict]:
    """The README's annotated record: the command it names and the record, comments and the
    `…` of what was shortened taken out."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    intro, block = re.search(
        r"An annotated record — `vnnews (extract [^`]+)`.*?```jsonc\n(.*?)```", text, re.S
    ).groups()
    block = re.sub(r"\s+//[^\n]*", "", block)
    block = re.sub(r",\s*…", "", block)
    return intro.split(), json.loads(block)


def _shown_in(shown: object, real: object) -> bool:
    """Whether what the README shows is part of the real value: every key shown has the real value,
    and the items shown of a list appear in the real list in the same order."""
    if isinstance(shown, dict):
        return isinstance(real, dict) and all(k in real and _shown_in(v, real[k]) for k, v in shown.items())
    if isinstance(shown, list):
        if not isinstance(real, list):
            return False
        rest = iter(real)
        return all(any(_shown_in(item, candidate) for candidate in rest) for item in shown)
    return shown == real


def test_readme_annotated_record_is_the_real_output() -> None:
    """Every value the README's annotated record shows is what the command it names prints."""
    import os

    from click.testing import CliRunner

    from vnnews.pipeline.cli import main

    args, shown = _annotated_example()
    cwd = os.getcwd()
    os.chdir(ROOT)  # the command names the sample by its path from the repository root
    try:
        result = CliRunner().invoke(main, args)
    finally:
        os.chdir(cwd)
    assert result.exit_code == 0, result.stderr
    real = json.loads(result.stdout)
    assert _shown_in(shown, real), json.dumps(real, ensure_ascii=False, indent=1)[:3000]
