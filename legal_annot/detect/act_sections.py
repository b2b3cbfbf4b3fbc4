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
# A bare "Section 252" a little after the Act is named takes its number from the Act's table (a
# short form: the Act just named gives the title); never a section "of" something else, never the
# section of a full citation ("10 U.S.C. § 252" is the citation stage's).
_LATER = regex.compile(rf"(?<![\w.])(?:§|sec\.|section)\s*{_NUMBER}(?![\w(])(?!\s+of\b)")
_LATER_REACH = 400  # characters after the Act's name, within the next sentence
_CODE_BEFORE = regex.compile(r"(?:u\.?\s?s\.?\s?c\.?|code|c\.?f\.?r\.?)\s*$")


def _in_table(table: dict[str, str], section: str) -> str | None:
    """The code citation of an Act's section, keeping a pinpoint the table does not list
    ("section 1704(a)" -> "50 U.S.C. § 1704(a)")."""
    if section in table:
        return table[section]
    head = regex.match(r"\d+[a-z]?", section)
    if head and head.group() in table and table[head.group()].rstrip()[-1].isalnum():
        return table[head.group()] + section[head.end():]
    return None


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
                    citation = _in_table(table, match["sec"]) if match is not None else None
                    if citation is None:
                        continue
                    mentions.append(self._mention(doc, citation, *span, role.entry_id))
                mentions.extend(self._later(doc, end if after is None else after.end(), table, role.entry_id))
        return mentions

    def _later(self, doc: Document, position: int, table: dict[str, str], act: str) -> list[Mention]:
        """Bare sections of the Act in the rest of its sentence and the next one."""
        sentences = doc.sentences
        index = sentences.index(max(0, position - 1))
        stop = min(position + _LATER_REACH, sentences.bounds(index + 1)[1] if index + 2 < len(sentences.edges)
                   else len(doc.folded))
        out = []
        for match in _LATER.finditer(doc.folded, position, stop):
            citation = _in_table(table, match["sec"])
            if citation and not _CODE_BEFORE.search(doc.folded, max(0, match.start() - 12), match.start()):
                out.append(self._mention(doc, citation, match.start(), match.end(), act))
        return out

    def _mention(self, doc: Document, citation: str, fstart: int, fend: int, act: str) -> Mention:
        parts = parse_citation(citation)
        ids, _ = self._index.lookup(parts)
        authority = None if ids else built_authority(parts)
        kind = self._catalog[ids[0]].kind if ids else authority.kind  # type: ignore[union-attr]
        start, end = doc.original_span(fstart, fend)
        return Mention(start, end, kind, "citation", ids, (CONFIDENCE,) * max(1, len(ids)), decided=len(ids) <= 1,
                       authority=authority, note=f"a section of the {self._catalog[act].name}, at {citation}",
                       folded_start=fstart, folded_end=fend, citation=citation)
