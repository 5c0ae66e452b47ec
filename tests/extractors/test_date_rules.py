"""Every rule of the dates grammar keeps its own examples: the table and the tagger stay in sync.

An example is (text, the values the tagger finds in it) as written next to its rule in
extractors/dates.py; these tests run the whole tagger (find, then resolve against
dates.EXAMPLE_PUBLISHED) on the text, and check that the rule's pattern matches it.
"""

from __future__ import annotations

import pytest

from vnnews.extractors import dates

CASES = [
    pytest.param(r, text, expected, id=f"{r.name}:{text}")
    for r in dates.RULES
    for text, expected in r.examples
]


def tagged(text: str) -> list[dates.Found]:
    """What the whole tagger finds in text, resolved as if published on dates.EXAMPLE_PUBLISHED."""
    sentences = [(0, len(text))]
    return dates.resolve(dates.find(text, sentences), text, sentences, dates.EXAMPLE_PUBLISHED)


def values(found: list[dates.Found]) -> str | None:
    """The values of found as an example writes them: comma-separated, a range as start/end."""
    out = []
    for f in found:
        end = dates.end_value_of(f)
        # a lunar date with no solar value is written with its lunar value: "lunar XXXX-12"
        value = dates.value_of(f) or f"lunar {dates.lunar_value_of(f)}"
        out.append(f"{value}/{end}" if end else value)
    return ", ".join(out) or None


@pytest.mark.parametrize(("rule", "text", "expected"), CASES)
def test_rule_example(rule: dates.Rule, text: str, expected: str | None) -> None:
    found = tagged(text)
    assert values(found) == expected, [(text[f.start : f.end], f) for f in found]
    # the example is about its own construction: the rule's pattern is written in the text (what the
    # tagger makes of it may be nothing, "hẻm 12/4", or another rule's: "trong 8 giờ ngày 5/6")
    rx = dict(dates.patterns().rules)[rule]
    assert rx.search(text), f"the pattern of {rule.name} does not match its example {text!r}"


def test_every_rule_has_examples() -> None:
    """A rule without examples is a rule nobody can check; names are unique so failures name one rule."""
    assert all(r.examples for r in dates.RULES)
    assert len({r.name for r in dates.RULES}) == len(dates.RULES)
