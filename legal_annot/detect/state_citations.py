"""Formal citations to state codes ("Cal. Penal Code § 187", "N.Y. Penal Law § 125.25",
"Fla. Stat. § 776.012") as statute annotations with their jurisdiction and, where the state
publishes sections at a documented address, a link.

A cheap pattern finds a state abbreviation followed within a few words by "§"; eyecite reads the
citation in a small window there (so a text without such a place costs one regex pass). A state
citation the catalog knows (a curated state entry with that citation) carries that entry.
"""

from __future__ import annotations

import regex

from legal_annot.catalog import Catalog
from legal_annot.catalog.states import STATES, state_link, state_of
from legal_annot.document import Document, Mention
from legal_annot.models import Authority, Kind

CONFIDENCE = 0.9
_ABBREVIATIONS = "|".join(regex.escape(a) for a in sorted(STATES, key=len, reverse=True))
_PLACE = regex.compile(rf"(?<![\w.])(?:{_ABBREVIATIONS})\s[^§\n]{{0,48}}§")
_WINDOW = 48


def _key(citation: str) -> str:
    return regex.sub(r"[^0-9a-z§]+", "", citation.casefold())


class StateCitations:
    """The detector: built once per catalog (it indexes curated entries' state citations)."""

    def __init__(self, catalog: Catalog) -> None:
        self._known = {_key(c): e.id for e in catalog.entries if e.authority.jurisdiction != "US"
                       for c in e.authority.citations}

    def __call__(self, doc: Document) -> list[Mention]:
        mentions: list[Mention] = []
        done = -1
        for place in _PLACE.finditer(doc.text):
            if place.start() < done:
                continue
            from eyecite import get_citations  # imported only when a text has a state citation
            from eyecite.models import FullLawCitation

            window = doc.text[place.start():place.end() + _WINDOW]
            for cite in get_citations(window):
                if not isinstance(cite, FullLawCitation):
                    continue
                groups = cite.groups
                reporter, section = groups.get("reporter", ""), groups.get("section", "")
                state = state_of(reporter)
                if state is None or not section:
                    continue
                lo, hi = cite.span()
                if lo >= place.end() - place.start():
                    continue  # a citation after this § is read in its own window, not cut off in this one
                start, end = place.start() + lo, place.start() + hi
                text = " ".join(doc.text[start:end].split())
                fstart, fend = doc.folded_span(start, end)
                done = end
                if (ident := self._known.get(_key(text))) is not None:
                    mentions.append(Mention(start, end, Kind.STATUTE, "citation", (ident,), (CONFIDENCE,),
                                            folded_start=fstart, folded_end=fend))
                    continue
                link = state_link(state, reporter, groups.get("subject"), section)
                authority = Authority(
                    id="cite:" + regex.sub(r"[^0-9a-z]+", "-", text.casefold()).strip("-"), kind=Kind.STATUTE,
                    name=text, citation=text, links=(link,) if link else (), source=link.url if link else None,
                    tier="text", jurisdiction=state)
                mentions.append(Mention(start, end, Kind.STATUTE, "citation", (), (CONFIDENCE,), authority=authority,
                                        note=f"state law ({state})", folded_start=fstart, folded_end=fend))
        return mentions
