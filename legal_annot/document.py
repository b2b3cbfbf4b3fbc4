"""What every stage sees of one text, and the mentions stages report back."""

from __future__ import annotations

import attrs

from legal_annot.models import Kind, PenaltyClaim
from legal_annot.normalize import Normalized


@attrs.frozen
class Document:
    """The caller's text and its folded form (with the map between them)."""

    text: str
    normalized: Normalized

    @property
    def folded(self) -> str:
        return self.normalized.text

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a folded span back to the caller's text."""
        return self.normalized.span_to_original(start, end)


@attrs.frozen
class Mention:
    """A possible reference, in original offsets, before conflicts are resolved.

    ``entry_ids`` are ranked best first with ``scores`` alongside; an empty tuple with an
    ``authority`` set means the authority was built from the text itself (not in the catalog).
    ``decided`` is False when the ranking is a guess among candidates.
    """

    start: int
    end: int
    kind: Kind
    how: str
    entry_ids: tuple[str, ...] = ()
    scores: tuple[float, ...] = ()
    decided: bool = True
    claim: PenaltyClaim | None = None
    note: str = ""

    @property
    def confidence(self) -> float:
        return self.scores[0] if self.scores else 0.0
