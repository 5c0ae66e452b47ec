"""Helpers shared by the table-driven extractor tests."""

from __future__ import annotations

import pytest


def gap(reason: str):
    """Mark a correct expectation that the extractor does not meet yet (strict: a fix must unmark it)."""
    return pytest.mark.xfail(reason=f"gap: {reason}", strict=True)
