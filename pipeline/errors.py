"""Domain errors: each names what is wrong with one input, for a one-line message."""

from __future__ import annotations


class VnnewsError(Exception):
    """An article or input that vnnews cannot turn into a record."""

    kind = "error"


class InvalidInput(VnnewsError):
    """The input is not an article vnnews can read."""

    kind = "invalid_input"


class EmptyArticle(InvalidInput):
    """The article has no text."""

    kind = "empty"


class BinaryInput(InvalidInput):
    """The input is a binary file, not text."""

    kind = "binary"


class DecodeError(InvalidInput):
    """The bytes are not text in any encoding vnnews recognizes."""

    kind = "encoding"


class ArchiveLineError(InvalidInput):
    """A line of a JSON Lines archive is not an article object."""

    kind = "bad_archive_line"
