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


class TooLarge(InvalidInput):
    """The input is larger than vnnews reads (a dump or a wrong file, not an article)."""

    kind = "too_large"


class NotAFile(InvalidInput):
    """The path names a FIFO, a device, a socket or a folder where a file was expected."""

    kind = "not_a_file"


class BadFileName(InvalidInput):
    """A file name that is not valid UTF-8: it cannot be written into a record."""

    kind = "bad_filename"


class ArticleTimeout(VnnewsError):
    """The article took longer than the per-article time limit."""

    kind = "timeout"


class InternalError(VnnewsError):
    """A bug met on one article: reported as that article's failure, never as an exception of another kind."""

    kind = "internal"
