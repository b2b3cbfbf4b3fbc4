"""What every stage sees of one text, and the mentions stages report back."""

from __future__ import annotations

from functools import cached_property

import attrs

from legal_annot.detect.phrases import DescribedSentence, PhraseHit
from legal_annot.models import Authority, CaseDetails, Kind, MatchedBy, PenaltyClaim, as_matched_by
from legal_annot.normalize import Normalized
from legal_annot.segment import Sentences, line_sentence_starts


class Document:
    """A plain record of one text, filled by the Annotator: the caller's text, its folded form
    (with the map between them), what the phrase scan found in it (``hits``: names and context;
    ``cues``: engine cues; ``described``: sentences where a description may match), and its
    sentences (given when the scan needed them, else computed on first use)."""

    def __init__(self, text: str, normalized: Normalized, hits: list[PhraseHit] | None = None,
                 cues: list[PhraseHit] | None = None, described: list[DescribedSentence] | None = None,
                 sentences: Sentences | None = None) -> None:
        self.text = text
        self.normalized = normalized
        self.hits: list[PhraseHit] = hits if hits is not None else []
        self.described: list[DescribedSentence] = described if described is not None else []
        self._cues: list[PhraseHit] = cues if cues is not None else []
        if sentences is not None:
            self.__dict__["sentences"] = sentences  # the cached_property's slot

    def drop_detector_hits(self) -> None:
        """Forget the name and description-term hits once every detector has read them (on a
        long text they are a byte or more per character); cue hits and sentences stay."""
        self.hits = []
        self.described = []

    @property
    def folded(self) -> str:
        return self.normalized.text

    def cue_hits(self, cue: str) -> list[PhraseHit]:
        """Hits of one engine cue, in text order."""
        return self._cue_index.get(cue, [])

    @cached_property
    def _cue_index(self) -> dict[str, list[PhraseHit]]:
        """Hits of every engine cue, by cue name (a cue role's ``entry_id``)."""
        index: dict[str, list[PhraseHit]] = {}
        for hit in self._cues:
            for role in hit.roles:
                index.setdefault(role.entry_id, []).append(hit)
        return index

    @cached_property
    def sentences(self) -> Sentences:
        return sentences_of(self.text, self.normalized)

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a folded span back to the caller's text."""
        return self.normalized.span_to_original(start, end)

    def folded_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of the caller's text to the folded text."""
        return self.normalized.span_to_folded(start, end)


def sentences_of(text: str, normalized: Normalized) -> Sentences:
    """The sentences of a text, in folded positions."""
    return Sentences(normalized.text, normalized.to_folded_many(line_sentence_starts(text)))


@attrs.frozen
class Mention:
    """A possible reference, in original offsets, before conflicts are resolved.

    ``entry_ids`` are ranked best first with ``scores`` alongside. ``authority`` is set instead
    when the authority was built from the text itself (not in the catalog). ``decided`` is False
    when the ranking is only a guess among candidates. ``folded_start``/``folded_end`` locate the
    mention in the folded text for stages that work there.
    """

    start: int
    end: int
    kind: Kind
    how: MatchedBy = attrs.field(converter=as_matched_by)
    entry_ids: tuple[str, ...] = ()
    scores: tuple[float, ...] = ()
    decided: bool = True
    authority: Authority | None = None
    claim: PenaltyClaim | None = None
    note: str = ""
    folded_start: int = -1
    folded_end: int = -1
    citation: str = ""  # the citation as the text pinpoints it, in standard form
    case: CaseDetails | None = None  # a case citation's pin, court, year, parenthetical, docket

    @property
    def confidence(self) -> float:
        return self.scores[0] if self.scores else 0.0
