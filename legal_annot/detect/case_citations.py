"""Case citations found by eyecite (through the adapter), as mentions: a catalog case keeps its
catalog authority whichever way it is cited (full, short, Id., supra, parallel); any other case
gets an authority built from its parts (citation, parties, year) linking to the case by citation.
"""

from __future__ import annotations

import attrs
import regex

from legal_annot import confidence
from legal_annot.catalog import Catalog
from legal_annot.catalog.citations import CitationParts
from legal_annot.catalog.links import courtlistener_citation, justia_us_reports

from legal_annot.detect.case_keys import CaseKeys
from legal_annot.detect.cases import _slug
from legal_annot.detect.eyecite_adapter import UNRESOLVED, CaseCitationFinder, FoundCase
from legal_annot.detect.statutes import CitationIndex
from legal_annot.document import Document, Mention
from legal_annot.models import Authority, CaseDetails, Kind

FULL, SHORT, UNKNOWN_CASE = confidence.CASE_CITATION, confidence.CASE_SHORT_CITATION, confidence.UNKNOWN_CASE
UNKNOWN_CASE_SHORT = UNKNOWN_CASE * confidence.UNKNOWN_CASE_SHORT_FACTOR
_PARENTHETICAL_REACH = 300  # a longer explanatory parenthetical stays out of the span


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


class ShortCiteIndex:
    """Catalog cases by reporter and volume, with the words of their names, to identify a short
    cite ("Printz, 521 U.S. at 935") that has no full citation before it."""

    def __init__(self, catalog: Catalog) -> None:
        from legal_annot.catalog.citations import parse_citation

        by_volume: dict[tuple[str, int], list[tuple[str, frozenset[str]]]] = {}
        for entry in catalog.entries:
            if entry.authority.kind is not Kind.CASE:
                continue
            words = frozenset(regex.findall(r"[a-z0-9]+", " ".join((entry.authority.name, *entry.short_names)).lower()))
            for citation in entry.authority.citations:
                try:
                    parts = parse_citation(citation)
                except ValueError:
                    continue
                reporter = "U.S." if parts.family == "us_reports" else (parts.reporter or "")
                if parts.volume is not None:
                    by_volume.setdefault((reporter.replace(" ", ""), parts.volume), []).append((entry.id, words))
        self._by_volume = by_volume

    def lookup(self, found: FoundCase) -> tuple[str, ...]:
        """The catalog case a short cite means: same reporter and volume, its antecedent word in the name."""
        if not found.antecedent or found.volume is None or not found.reporter:
            return ()
        guess = frozenset(regex.findall(r"[a-z0-9]+", found.antecedent.lower())) - {"v", "in", "see"}
        if not guess:
            return ()
        cases = self._by_volume.get((found.reporter.replace(" ", ""), found.volume), ())
        return tuple(dict.fromkeys(i for i, words in cases if guess <= words))


# Words eyecite may take into a case name that belong to the sentence ("In Smith v. Jones").
_LEADING_WORD = regex.compile(r"(?:(?:In|in|See|see|Cf\.|Compare|Under|under|Also|also|But|and|And)\s+)+")


# A bare "supra" opens its sentence or follows only a signal ("See supra, at 3"); "Gratz, supra"
# names its case.
_BARE_BEFORE = regex.compile(r"(?:^|[.;:!?)]\s+|\b(?:See|see|Cf\.|cf\.|But|but|Also|also)\s+)$")


_NAME_BEFORE_CITE = regex.compile(r"(?P<name>[^\n]+?\sv\.?\s[^\n]+?),\s*\d")


def _named(text: str, cite: FoundCase, keys: CaseKeys) -> tuple[str, ...]:
    """The catalog case a full cite names, from eyecite's parties or the name written before it
    on its line ("Loper Bright Enterprises v. Raimondo, 603 U.S. ___")."""
    if cite.plaintiff and cite.defendant:
        ids = keys.lookup(f"{_LEADING_WORD.sub('', cite.plaintiff)} v. {cite.defendant}")
        if ids:
            return ids
    line = _name_start(text, cite.start, cite.end)
    match = _NAME_BEFORE_CITE.match(text, line, cite.end)
    return keys.lookup(_LEADING_WORD.sub("", match["name"])) if match else ()


_ENDED_LINE = regex.compile(r"[):;]\s*\n")


def _name_start(text: str, start: int, end: int) -> int:
    """Where a cited case's name starts: not before a line that ended a unit of its own
    ("... Council, Inc. (1984)\nLoper Bright ..."); wrapped names ("v.\nBakke") stay whole."""
    digit = _DIGIT.search(text, start, end)
    ends = list(_ENDED_LINE.finditer(text, start, digit.start() if digit else end))
    return ends[-1].end() if ends else start


_DIGIT = regex.compile(r"\b\d{1,4}\s+[A-Z]")  # the volume before the reporter
_YEAR_IN_SPAN = regex.compile(r"\([^()]{0,40}?\b(\d{4})\)")


def _details(cite: FoundCase, span: str) -> CaseDetails | None:
    """The citation's parts; the year only when the annotated span itself states it."""
    pin = (cite.pin_cite or "").removeprefix("at ").strip(" ,") or None
    parenthetical = cite.parenthetical.strip() if cite.parenthetical else None
    year = _YEAR_IN_SPAN.search(span)
    year = int(year.group(1)) if year else None
    if not (pin or cite.court or year or parenthetical):
        return None
    return CaseDetails(pin=pin, court=cite.court, year=year, parenthetical=parenthetical)


def case_citation_mentions(doc: Document, *, catalog: Catalog, index: CitationIndex,
                           finder: CaseCitationFinder, keys: CaseKeys | None = None,
                           short_index: ShortCiteIndex | None = None) -> list[Mention]:
    """One mention per case citation, every citation of a case carrying the same authority. A full
    cite whose page is blank ("603 U.S. ___") takes the catalog case of the name before it; a
    short cite with no full one before it is identified by its volume and party word, or else
    kept with a note and no link; a supra with nothing to refer to gives nothing."""
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
        if not ids and keys is not None:
            ids = _named(doc.text, cite, keys)
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
        orphan = not cite.full and not ids and authority is None  # no full citation before it
        if orphan and cite.form == "supra" and not cite.antecedent and _BARE_BEFORE.search(
                doc.text, max(0, cite.start - 40), cite.start):
            continue  # a bare "supra," with nothing to refer to: not a reference we can show
        if orphan and cite.form == "short" and short_index is not None:
            ids = short_index.lookup(cite)
        elif not ids and authority is None and cite.group == UNRESOLVED and cite.full:
            authority = _built_case(cite)
        start, end = cite.start, cite.end
        if cite.full and (ids or authority is not None):
            start = _name_start(doc.text, start, end)
        leading = _LEADING_WORD.match(doc.text, start, end)
        if leading and cite.full:
            start = leading.end()
        if orphan and cite.antecedent and doc.text.endswith(cite.antecedent + ", ", 0, start):
            start -= len(cite.antecedent) + 2  # "Printz, 521 U.S. at 935" is one reference
        if cite.parenthetical and len(cite.parenthetical) <= _PARENTHETICAL_REACH:
            after = regex.match(r"\s*\(" + regex.escape(cite.parenthetical) + r"\)", doc.text[end:end + _PARENTHETICAL_REACH + 8])
            if after:
                end += after.end()
        if cite.full:
            confidence = FULL if ids else UNKNOWN_CASE
        else:
            confidence = SHORT if ids else UNKNOWN_CASE_SHORT
        note = {"id": "Id. refers to the case cited just before", "supra": "supra refers to a case cited earlier",
                "short": "short citation of a case cited earlier", "reference": "refers back to a case cited earlier"
                }.get(cite.form, "")
        if orphan and ids:
            note = f"short citation of {catalog[ids[0]].name}, with no full citation before it"
        elif orphan and cite.form == "short":
            note = "short citation with no full citation before it; the case could not be identified"
        elif not ids and authority is None:
            note = "eyecite found this citation but could not tell which case it means"
        last = mentions[-1] if mentions else None
        if cite.full and last is not None and start < last.end and (last.entry_ids, last.authority) == (ids, authority):
            # a parallel citation whose name eyecite re-read inside the one before: one reference
            mentions[-1] = attrs.evolve(last, end=max(end, last.end),
                                        folded_end=doc.folded_span(start, max(end, last.end))[1])
            continue
        fstart, fend = doc.folded_span(start, end)
        mentions.append(Mention(start, end, Kind.CASE, "citation", ids, (confidence,), decided=True,
                                authority=authority, note=note, folded_start=fstart, folded_end=fend,
                                case=_details(cite, doc.text[start:end])))
    return mentions


