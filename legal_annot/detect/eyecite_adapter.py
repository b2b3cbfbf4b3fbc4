"""Case citations through eyecite — the only module that imports it; no eyecite object leaves.

eyecite's cost grows faster than its input, and most news paragraphs hold no citation, so the text
is cut into paragraph-sized pieces and a piece is handed to eyecite only when a citation could
start in it: a case reporter abbreviation right after a volume number (the places
:mod:`legal_annot.detect.reporter_gate` finds, or "Id.", "ibid." or "supra". Those places are found in one pass over the whole
text and checked in a small window each. The test suite checks on real opinions that this loses
nothing eyecite would find. Citations from all pieces are then resolved together with eyecite's
resolver, so "Id." and "supra" still reach the case named pieces earlier.
"""

from __future__ import annotations

import logging
import re
from bisect import bisect_left
from collections.abc import Iterator

import attrs
import eyecite
from eyecite.models import (
    CaseCitation,
    CitationBase,
    FullCaseCitation,
    IdCitation,
    ReferenceCitation,
    SupraCitation,
)

from legal_annot.detect import reporter_gate
from legal_annot.detect.eyecite_tokenizer import WindowTokenizer, install_court_lookup

# eyecite warns through logging about overlaps it resolves anyway; without a handler Python would
# print those to stderr. A NullHandler (what libraries are meant to add) keeps them for callers
# who configure logging and out of everyone else's terminal.
logging.getLogger("eyecite").addHandler(logging.NullHandler())

MAX_PIECE = 8_000
UNRESOLVED = -1
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n")


@attrs.frozen
class FoundCase:
    """One case citation, with everything legal_annot needs and nothing of eyecite's.

    ``group`` numbers the case it refers to (the same for a full citation and its short forms),
    or is UNRESOLVED when eyecite cannot tell; ``full`` is True for the citation that names the
    case in full.
    """

    start: int
    end: int
    group: int
    full: bool
    form: str  # full | short | id | supra | reference
    volume: int | None
    reporter: str | None
    page: str | None
    year: int | None
    plaintiff: str | None
    defendant: str | None
    pin_cite: str | None
    antecedent: str | None = None  # for a short cite: the party name eyecite read before it ("Printz")
    court: str | None = None
    parenthetical: str | None = None


class CaseCitationFinder:
    """Finds case citations with eyecite, skipping pieces of text where none can start."""

    def __init__(self) -> None:
        # eyecite runs its extractors only near these places, in a fixed order (the same answer
        # under any hash seed); its court lookup is swapped for an equivalent that is built once.
        self._tokenizer = WindowTokenizer(self.citation_places)
        install_court_lookup()

    def citation_places(self, text: str) -> list[int]:
        """Offsets in ``text`` where a case citation may start (superset of eyecite's): the
        gate's places (:func:`legal_annot.detect.reporter_gate.citation_places`)."""
        return reporter_gate.citation_places(text)

    def pieces(self, text: str) -> Iterator[tuple[int, str]]:
        """Pieces of ``text`` of at most MAX_PIECE characters, with their offsets, cut at the last
        blank line, else at the last line or sentence that plainly ends (see :func:`_soft_cut`)."""
        piece_start, n = 0, len(text)
        while piece_start < n:
            end = n if n - piece_start <= MAX_PIECE else _soft_cut(text, piece_start)
            yield piece_start, text[piece_start:end]
            piece_start = end

    def find(self, text: str) -> list[FoundCase]:
        """Every case citation eyecite finds in ``text``, grouped by the case each refers to."""
        citations: list[tuple[int, str, CitationBase]] = []
        places = self.citation_places(text)
        if not places:
            return []
        for offset, piece in self.pieces(text):
            first = bisect_left(places, offset)
            if first == len(places) or places[first] >= offset + len(piece):
                continue
            for citation in eyecite.get_citations(piece, tokenizer=self._tokenizer):
                if isinstance(citation, CaseCitation | IdCitation | SupraCitation | ReferenceCitation):
                    citations.append((offset, piece, citation))
        if not citations:
            return []
        resolutions = eyecite.resolve_citations([c for _, _, c in citations])
        group_of: dict[int, int] = {}
        for number, members in enumerate(resolutions.values()):
            for member in members:
                group_of[id(member)] = number
        return [_convert(offset, citation, group_of.get(id(citation), UNRESOLVED), piece)
                for offset, piece, citation in citations]


# Cut points that cannot fall inside a citation: a blank line; a line or a sentence ending in a
# word of three lower-case letters and a full stop ("...the court.\n", "...the court. The").
_CUTS = (_PARAGRAPH_BREAK, re.compile(r"[a-z]{3}[.!?][\"\u201d\u2019)]?\n"),
         re.compile(r"(?<=[a-z]{3}[.!?])\s+(?=[A-Z])"))


def _soft_cut(text: str, start: int) -> int:
    """Where to end a piece that starts at ``start``: the last safe cut before start + MAX_PIECE."""
    lo, limit = start + MAX_PIECE // 4, start + MAX_PIECE
    for pattern in _CUTS:
        ends = [m.end() for m in pattern.finditer(text, lo, limit)]
        if ends:
            return ends[-1]
    return limit


_CASE_NAME = re.compile(r"\sv\.?\s|\bIn re\b|\bEx parte\b|\bex rel\.")
_YEAR_PAREN = re.compile(r"\s*\([^()]{0,60}?\b\d{4}\)")


def _full_extent(citation: FullCaseCitation, piece: str) -> tuple[int, int]:
    """From the case name (when eyecite found a real one) to the pin cite and the court/year
    parenthetical — not through explanatory parentheticals, which can run for sentences."""
    start, end = citation.span_with_pincite()
    name_start = citation.full_span()[0]
    name = piece[name_start:start]
    if name_start < start and "\n\n" not in name and "[" not in name and _CASE_NAME.search(name):
        start = name_start
    year = _YEAR_PAREN.match(piece, end)
    return start, year.end() if year else end


def _convert(offset: int, citation: CitationBase, group: int, piece: str) -> FoundCase:
    groups = citation.groups or {}
    metadata = citation.metadata
    if isinstance(citation, FullCaseCitation):
        start, end = _full_extent(citation, piece)
        form = "full"
    else:
        start, end = citation.span_with_pincite() if isinstance(citation, CaseCitation | IdCitation) else citation.span()
        form = {IdCitation: "id", SupraCitation: "supra", ReferenceCitation: "reference"}.get(type(citation), "short")
    reporter = citation.corrected_reporter() if isinstance(citation, CaseCitation) else None
    volume = groups.get("volume")
    year = getattr(metadata, "year", None)
    return FoundCase(
        start=offset + start, end=offset + end, group=group, full=form == "full", form=form,
        volume=int(volume) if volume and volume.isdigit() else None, reporter=reporter,
        page=groups.get("page"), year=int(year) if year and str(year).isdigit() else None,
        plaintiff=getattr(metadata, "plaintiff", None), defendant=getattr(metadata, "defendant", None),
        pin_cite=getattr(metadata, "pin_cite", None), antecedent=getattr(metadata, "antecedent_guess", None),
        court=getattr(metadata, "court", None), parenthetical=getattr(metadata, "parenthetical", None),
    )
