"""The README's commands are the ones the project really runs."""

from __future__ import annotations

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
