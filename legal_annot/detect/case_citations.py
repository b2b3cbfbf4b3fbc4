"""Case citations found by eyecite (through the adapter), as mentions: a catalog case keeps its
catalog authority whichever way it is cited (full, short, Id., supra, parallel); any other case
gets an authority built from its parts (citation, parties, year) linking to the case by citation.
"""

from __future__ import annotations

from legal_annot.catalog import Catalog
from legal_annot.catalog.citations import CitationParts
from legal_annot.catalog.links import courtlistener_citation, justia_us_reports
from legal_annot.detect.cases import _slug
from legal_annot.detect.eyecite_adapter import UNRESOLVED, CaseCitationFinder, FoundCase
from legal_annot.detect.statutes import CitationIndex
from legal_annot.document import Document, Mention
from legal_annot.models import Authority, Kind

FULL, SHORT, UNKNOWN_CASE = 0.95, 0.85, 0.6


def _party(name: str | None) -> str | None:
    """A party name from eyecite's metadata, if it looks like one."""
    if not name:
        return None
    name = name.strip(" ,.;")
    if not name or len(name) > 80 or any(ch.isdigit() for ch in name) or name.startswith(("Id.", "id.")):
        return None
    return name


def _built_case(found: FoundCase) -> Authority | None:
    if found.volume is None or not found.reporter or not found.page:
        return None
    citation = f"{found.volume} {found.reporter} {found.page}"
    plaintiff, defendant = _party(found.plaintiff), _party(found.defendant)
    name = f"{plaintiff} v. {defendant}" if plaintiff and defendant else citation
    links = [courtlistener_citation(found.volume, found.reporter.replace(" ", ""), found.page)]
    if found.reporter == "U.S.":
        links.append(justia_us_reports(found.volume, found.page))
    return Authority(id="cite:" + _slug(citation), kind=Kind.CASE, name=name, citation=citation,
                     year=found.year, links=tuple(links), source=links[0].url, tier="text")


def _parts(found: FoundCase) -> CitationParts | None:
    if found.volume is None or not found.reporter or not found.page:
        return None
    if found.reporter == "U.S.":
        return CitationParts("us_reports", found.volume, found.page)
    return CitationParts("reporter", found.volume, found.page, reporter=found.reporter)


def case_citation_mentions(doc: Document, *, catalog: Catalog, index: CitationIndex,
                           finder: CaseCitationFinder) -> list[Mention]:
    """One mention per case citation, every citation of a case carrying the same authority."""
    found = finder.find(doc.text)
    if not found:
        return []
    by_group: dict[int, tuple[tuple[str, ...], Authority | None]] = {}
    previous_full: FoundCase | None = None
    for cite in found:
        if not cite.full or cite.group == UNRESOLVED:
            continue
        parallel = previous_full is not None and doc.text[previous_full.end:cite.start].strip(" ,") == ""
        parts = _parts(cite)
        ids = index.lookup(parts)[0] if parts else ()
        if parallel and previous_full is not None and previous_full.group in by_group:
            earlier = by_group[previous_full.group]
            if earlier[0] or not ids:
                by_group[cite.group] = earlier  # a parallel citation of the case just cited
                previous_full = cite
                continue
            by_group[previous_full.group] = (ids, None)
        by_group.setdefault(cite.group, (ids, None if ids else _built_case(cite)))
        previous_full = cite
    mentions = []
    for cite in found:
        ids, authority = by_group.get(cite.group, ((), None))
        if not ids and authority is None and cite.group == UNRESOLVED:
            authority = _built_case(cite)
        start, end = cite.start, cite.end
        if cite.full:
            confidence = FULL if ids else UNKNOWN_CASE
        else:
            confidence = SHORT if ids else UNKNOWN_CASE * 0.9
        note = {"id": "Id. refers to the case cited just before", "supra": "supra refers to a case cited earlier",
                "short": "short citation of a case cited earlier", "reference": "refers back to a case cited earlier"
                }.get(cite.form, "")
        if not ids and authority is None:
            note = "eyecite found this citation but could not tell which case it means"
        fstart, fend = doc.folded_span(start, end)
        mentions.append(Mention(start, end, Kind.CASE, "citation", ids, (confidence,), decided=True,
                                authority=authority, note=note, folded_start=fstart, folded_end=fend))
    return mentions


