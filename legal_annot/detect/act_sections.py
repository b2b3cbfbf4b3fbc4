"""Sections of an Act named by their own number: "section 287(g) of the Immigration and
Nationality Act", "the INA's section 212(f)", "Section 208 of the Voting Rights Act".

The Act's entry maps its section numbers to the code sections where they sit (catalog data,
``sections``); the reference then resolves to that code section, as its citation would.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import regex

from legal_annot import confidence
from legal_annot.catalog.citations import parse_citation
from legal_annot.detect.roles import NAME
from legal_annot.detect.statutes import CitationIndex, built_authority
from legal_annot.document import Document, Mention

if TYPE_CHECKING:
    from legal_annot.catalog.compiled import CompiledCatalog

CONFIDENCE = confidence.ACT_SECTION
_NUMBER = r"(?P<sec>\d+[a-z]?(?:\([0-9a-z]{1,4}\))*)"
_BEFORE = regex.compile(rf"(?:§|sec\.|section)\s*{_NUMBER}\s+of\s+(?:the\s+)?$")
_AFTER = regex.compile(rf"(?:'s)?\s*,?\s*(?:§|sec\.|section)\s*{_NUMBER}")


class ActSections:
    """The detector: looks around each name of an Act that declares its sections."""

    def __init__(self, compiled: CompiledCatalog) -> None:
        self._catalog = compiled.catalog
        self._index: CitationIndex = compiled.citations  # type: ignore[assignment]
        self._sections = compiled.sections

    def __call__(self, doc: Document) -> list[Mention]:
        if not self._sections:
            return []
        folded = doc.folded
        mentions = []
        for start, end, roles in doc.hits:
            for role in roles:
                if role.role != NAME or role.entry_id not in self._sections:
                    continue
                table = self._sections[role.entry_id]
                before = _BEFORE.search(folded, max(0, start - 40), start)
                after = _AFTER.match(folded, end)
                for match, span in ((before, (before.start() if before else 0, end)),
                                    (after, (start, after.end() if after else 0))):
                    if match is None or match["sec"] not in table:
                        continue
                    mentions.append(self._mention(doc, table[match["sec"]], *span, role.entry_id))
        return mentions

    def _mention(self, doc: Document, citation: str, fstart: int, fend: int, act: str) -> Mention:
        parts = parse_citation(citation)
        ids, _ = self._index.lookup(parts)
        authority = None if ids else built_authority(parts)
        kind = self._catalog[ids[0]].kind if ids else authority.kind  # type: ignore[union-attr]
        start, end = doc.original_span(fstart, fend)
        return Mention(start, end, kind, "citation", ids, (CONFIDENCE,) * max(1, len(ids)), decided=len(ids) <= 1,
                       authority=authority, note=f"a section of the {self._catalog[act].name}, at {citation}",
                       folded_start=fstart, folded_end=fend)
