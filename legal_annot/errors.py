"""The exceptions legal_annot raises: one base class, each also a familiar built-in."""

from __future__ import annotations


class LegalAnnotError(Exception):
    """Base class of every error raised on purpose by legal_annot."""


class CatalogError(LegalAnnotError, ValueError):
    """A catalog file is unreadable or an entry in it is invalid.

    Carries where the problem is (``file``, ``entry``, ``field``) and what was expected,
    so a catalog author can fix the data without reading our code.
    """

    def __init__(self, message: str, *, file: str | None = None, entry: str | None = None,
                 field: str | None = None) -> None:
        self.file, self.entry, self.field = file, entry, field
        where = ", ".join(
            f"{label} {value!r}" for label, value in (("file", file), ("entry", entry), ("field", field))
            if value is not None
        )
        super().__init__(f"{where}: {message}" if where else message)
