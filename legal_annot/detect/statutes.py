"""Formal citations to codes and official sources: the U.S. Code, the C.F.R., the Constitution,
Public Laws, the Statutes at Large, the Federal Register and executive orders — in the forms people
write ("18 USC 371", "§§ 1512(c)(2), 1505", "section 1324 of title 8", "Art. I, § 8, cl. 3").

Anchor words ("u.s.c", "§", "article" ...) come from the shared phrase scan; the patterns run only
in windows around them, so a text without citations costs nothing here. A citation the catalog
knows carries that authority; any other gets an authority built from its parts, with links.
"""

from __future__ import annotations

from collections.abc import Iterator

import attrs
import regex

from legal_annot.catalog import Catalog
from legal_annot.catalog.aliases import _ORDINAL_NUMBER
from legal_annot.catalog.citations import CitationParts, format_citation, roman_to_int
from legal_annot.catalog.links import links_for
from legal_annot.document import Document, Mention
from legal_annot.models import Authority, Kind

CITATION_ANCHOR = "citation"
# Every pattern below contains one of these words; they are matched as whole words in the shared
# scan, so keep them distinctive ("art." not "art", which is inside "start" and "party").
ANCHORS = ("u.s.c", "usc", "u. s. c", "c.f.r", "cfr", "§", "const.", "art.", "article", "amend.",
           "amendment", "section", "sections", "sec.", "secs.", "title", "pub.", "public law", "stat.",
           "fed. reg", "fr", "executive order", "exec. order", "e.o.", "eo", "id.")
_BEFORE, _AFTER = 40, 160

_SEC = r"(?:§§?|secs?\.?|sections?)"
_NUM = r"\d+[a-z]{0,2}(?:-\d+[a-z]?)?"
_SUB = r"(?:\([0-9a-z]{1,4}\))*"
_ORD = "|".join(sorted(_ORDINAL_NUMBER, key=len, reverse=True))
_PATTERN = regex.compile(rf"""
  (?<![\w.])(?P<usc_title>\d{{1,2}})\s?u\.?\s?s\.?\s?c\.?(?:\s?a\.?|\s?s\.?)?(?!\w)\s*
      (?P<usc_app>app(?:endix|\.)?\s*)?(?:(?P<usc_marks>{_SEC})\s*)?(?P<usc_sec>{_NUM})(?P<usc_sub>{_SUB})
      (?P<usc_more>(?:\s*(?:,|and|or|&)\s*(?:{_SEC}\s*)?{_NUM}{_SUB})*)
| (?<!\w)title\s+(?P<ts_title>\d{{1,2}}),?\s+(?:of\s+the\s+)?(?:united\s+states\s+code|u\.s\.\s?code|u\.s\.c\.?),?\s*
      {_SEC}\s*(?P<ts_sec>{_NUM})(?P<ts_sub>{_SUB})
| (?<!\w)sections?\s+(?P<sot_sec>{_NUM})(?P<sot_sub>{_SUB})\s+of\s+title\s+(?P<sot_title>\d{{1,2}})(?!\d)
      (?:,?\s+(?:of\s+the\s+)?(?:united\s+states|u\.s\.)\s+code|\s+u\.s\.c\.?)?
| (?<![\w.])(?P<cfr_title>\d{{1,2}})\s?c\.?\s?f\.?\s?r\.?(?!\w)\s*
      (?:(?:parts?|pt\.)\s*(?P<cfr_part>\d+)(?![.\d])|(?:{_SEC}\s*)?(?P<cfr_sec>\d+\.\d+[a-z]?)(?P<cfr_sub>{_SUB}))
| (?<!\w)u\.\s?s\.\s?const\.?,?\s*amend\.?\s*(?P<cm_am>[ivxl]{{1,6}}|\d{{1,2}})(?!\w)
      (?:,?\s*(?:§|sec\.|section)\s*(?P<cm_sec>\d))?
| (?<!\w)section\s+(?P<as_sec>\d)\s+of\s+the\s+(?P<as_ord>{_ORD}|\d{{1,2}}(?:st|nd|rd|th))\s+amendment
| (?<!\w)(?P<ca_pre>u\.\s?s\.\s?const\.?,?\s*)?(?:art\.|article)\s*(?P<ca_art>[ivx]{{1,4}}|[1-7])(?!\w)
      (?:,?\s*(?:§|sec\.|section)\s*(?P<ca_sec>\d{{1,2}})(?!\d))?(?:,?\s*(?:cl\.|clause)\s*(?P<ca_cl>\d{{1,2}})(?!\d))?
| (?<!\w)pub(?:lic|\.)?\s*l(?:aw|\.)?\s*(?:no\.?\s*)?(?P<pl_cong>\d{{1,3}})\s*-\s*(?P<pl_num>\d{{1,4}})(?!\d)
| (?<![\w.])(?P<st_vol>\d{{1,3}})\s+stat\.\s*(?P<st_page>\d{{1,5}})(?!\d)
| (?<![\w.])(?P<fr_vol>\d{{1,3}})\s+(?:fed\.\s?reg\.|f\.?r\.?)\s*(?P<fr_page>\d{{1,3}},\d{{3}}|\d{{1,6}})(?![\d,])
| (?<!\w)(?:executive\s+order|exec\.\s*order|e\.\s?o\.?|eo)\s*(?:no\.?\s*|number\s*)?(?P<eo_num>\d{{1,2}},?\d{{3}})(?![\d,])
| (?<!\w)(?P<bs_id>id\.,?\s*)?(?:(?P<bs_sym>§§?)|(?P<bs_word>sections?))\s*(?P<bs_sec>{_NUM}(?:\.\d+)?)(?P<bs_sub>{_SUB})
""", regex.VERBOSE)
_MORE = regex.compile(rf"(?P<sec>{_NUM})(?P<sub>{_SUB})")
_KIND = {"usc": Kind.STATUTE, "pub_law": Kind.STATUTE, "stat": Kind.STATUTE, "cfr": Kind.REGULATION,
         "cfr_part": Kind.REGULATION, "fed_reg": Kind.REGULATION, "executive_order": Kind.EXECUTIVE_ORDER,
         "constitution_article": Kind.CONSTITUTION, "constitution_amendment": Kind.CONSTITUTION}
CONFIDENCE, SHORT_CONFIDENCE = 0.95, 0.8


@attrs.frozen
class Cited:
    """One citation read from folded text: its span there and its parts."""

    start: int
    end: int
    parts: CitationParts
    short: bool = False  # a bare "§ 1324" / "Section 1324" resolved from an earlier citation


def citation_keys(parts: CitationParts) -> list[tuple[object, ...]]:
    """Lookup keys for a citation, most specific first (subsections, clauses dropped in turn)."""
    family = parts.family
    if family == "usc":
        subs = regex.findall(r"\([0-9A-Za-z]+\)", parts.subsection.lower())
        section = (parts.number or "").lower()
        return [("usc", parts.volume, parts.appendix, section, "".join(subs[:i]))
                for i in range(len(subs), -1, -1)]
    if family == "cfr":
        return [("cfr", parts.volume, parts.number)]
    if family == "constitution_article":
        keys = [("art", parts.article, parts.section, parts.clause)]
        if parts.clause is not None:
            keys.append(("art", parts.article, parts.section, None))
        return keys
    if family == "constitution_amendment":
        keys = [("amend", parts.amendment, parts.section, parts.clause)]
        if parts.section is not None:
            keys.append(("amend", parts.amendment, None, None))
        return keys
    if family == "executive_order":
        return [("eo", parts.number)]
    return [(family, parts.volume, (parts.number or "").lower(), parts.reporter)]


class CitationIndex:
    """Maps citation keys to the catalog entries that carry them (canonical or parallel)."""

    def __init__(self, catalog: Catalog) -> None:
        from legal_annot.catalog.citations import parse_citation

        index: dict[tuple[object, ...], list[str]] = {}
        for entry in catalog.entries:
            if entry.authority.jurisdiction != "US":
                continue  # state citations are matched by the state-citation detector
            for citation in entry.authority.citations:
                key = citation_keys(parse_citation(citation))[0]
                ids = index.setdefault(key, [])
                if entry.id not in ids:
                    ids.append(entry.id)
        self._index = index

    def lookup(self, parts: CitationParts) -> tuple[tuple[str, ...], bool]:
        """(entry ids, exact): the most specific match; ``exact`` is False for a fallback."""
        for i, key in enumerate(citation_keys(parts)):
            if key in self._index:
                return tuple(self._index[key]), i == 0
        return (), False


def built_authority(parts: CitationParts) -> Authority:
    """An authority for a citation the catalog does not hold, built from its parts."""
    citation = format_citation(parts)
    links = links_for(parts)
    return Authority(id="cite:" + regex.sub(r"[^0-9a-z]+", "-", citation.lower()).strip("-"),
                     kind=_KIND[parts.family], name=citation, citation=citation, links=links,
                     source=links[0].url if links else None, tier="text")


def _number(text: str) -> int:
    return int(text) if text.isdigit() else roman_to_int(text)


_DIGITS_BEFORE = regex.compile(r"\d{1,3}[ ]?$")
_US_BEFORE = regex.compile(r"u\.[ ]?s\.[ ]?$")


def _starts(doc: Document) -> list[int]:
    """Where a citation may begin, for each anchor: at the anchor, at the number right before it
    ("18 u.s.c", "110 stat."), or at "u.s." before "const." -- so the pattern is tried at a few
    places, never slid across windows of text."""
    folded = doc.folded
    starts = set()
    for hit in doc.cue_hits(CITATION_ANCHOR):
        starts.add(hit.start)
        lo = max(0, hit.start - 5)
        before = _DIGITS_BEFORE.search(folded, lo, hit.start)
        if before:
            starts.add(before.start())
        us = _US_BEFORE.search(folded, lo, hit.start)
        if us:
            starts.add(us.start())
    return sorted(starts)


def read_citations(doc: Document) -> Iterator[Cited]:
    """Every citation in the text, in order; bare section references come out with ``short``."""
    reach = 0  # end of the last citation read: a start inside it belongs to it
    n = len(doc.folded)
    for start in _starts(doc):
        if start < reach:
            continue
        match = _PATTERN.match(doc.folded, start, min(n, start + _AFTER))
        if match:
            reach = match.end()
            yield from _read(doc, match)


def _read(doc: Document, m: regex.Match[str]) -> Iterator[Cited]:
    g = m.groupdict()
    if g["usc_title"]:
        title, appendix = int(g["usc_title"]), bool(g["usc_app"])
        first_end = m.end("usc_sub")
        ranged = (g["usc_marks"] or "").startswith("§§") and regex.fullmatch(r"\d+-\d+", g["usc_sec"])
        section = g["usc_sec"].split("-")[0] if ranged else g["usc_sec"]
        yield Cited(m.start(), first_end, CitationParts("usc", title, section, subsection=g["usc_sub"],
                                                         appendix=appendix))
        if g["usc_more"]:
            for more in _MORE.finditer(doc.folded, m.start("usc_more"), m.end("usc_more")):
                yield Cited(more.start(), more.end(), CitationParts(
                    "usc", title, more["sec"], subsection=more["sub"], appendix=appendix))
    elif g["ts_title"]:
        yield Cited(m.start(), m.end(), CitationParts("usc", int(g["ts_title"]), g["ts_sec"], subsection=g["ts_sub"]))
    elif g["sot_title"]:
        yield Cited(m.start(), m.end(), CitationParts("usc", int(g["sot_title"]), g["sot_sec"], subsection=g["sot_sub"]))
    elif g["cfr_title"]:
        if g["cfr_part"]:
            yield Cited(m.start(), m.end(), CitationParts("cfr_part", int(g["cfr_title"]), g["cfr_part"]))
        else:
            yield Cited(m.start(), m.end(), CitationParts("cfr", int(g["cfr_title"]), g["cfr_sec"], subsection=g["cfr_sub"]))
    elif g["cm_am"]:
        amendment = _number(g["cm_am"])
        if 1 <= amendment <= 27:
            yield Cited(m.start(), m.end(), CitationParts(
                "constitution_amendment", amendment=amendment, section=int(g["cm_sec"]) if g["cm_sec"] else None))
    elif g["as_ord"]:
        ordinal = g["as_ord"]
        amendment = int(ordinal[:-2]) if ordinal[0].isdigit() else _ORDINAL_NUMBER[ordinal]
        if 1 <= amendment <= 27:
            yield Cited(m.start(), m.end(), CitationParts("constitution_amendment", amendment=amendment,
                                                          section=int(g["as_sec"])))
    elif g["ca_art"]:
        yield from _article(doc, m)
    elif g["pl_cong"]:
        yield Cited(m.start(), m.end(), CitationParts("pub_law", int(g["pl_cong"]), g["pl_num"]))
    elif g["st_vol"]:
        yield Cited(m.start(), m.end(), CitationParts("stat", int(g["st_vol"]), g["st_page"]))
    elif g["fr_vol"]:
        yield Cited(m.start(), m.end(), CitationParts("fed_reg", int(g["fr_vol"]), g["fr_page"].replace(",", "")))
    elif g["eo_num"]:
        yield Cited(m.start(), m.end(), CitationParts("executive_order", number=g["eo_num"].replace(",", "")))
    elif g["bs_sec"]:
        yield Cited(m.start(), m.end(), CitationParts(
            "usc", None, g["bs_sec"], subsection=g["bs_sub"],
            reporter="id" if g["bs_id"] else ("symbol" if g["bs_sym"] else "word")), short=True)


def _article(doc: Document, m: regex.Match[str]) -> Iterator[Cited]:
    """Constitution articles: without "U.S. Const." only a capitalized "Article" with a Roman
    numeral (or an explicit section) counts, so "article 3 of the treaty" and a newspaper
    "article" do not."""
    g = m.groupdict()
    roman = not g["ca_art"].isdigit()
    if not g["ca_pre"]:
        start, _ = doc.original_span(m.start(), m.end())
        if not doc.text[start].isupper() or not (roman or g["ca_sec"]):
            return
        if roman and not g["ca_sec"] and m.end() < len(doc.folded) and doc.folded.startswith(" of the", m.end()) \
                and not doc.folded.startswith(" of the constitution", m.end()):
            return  # "Article II of the treaty"
    article = _number(g["ca_art"])
    if 1 <= article <= 7:
        yield Cited(m.start(), m.end(), CitationParts(
            "constitution_article", article=article, section=int(g["ca_sec"]) if g["ca_sec"] else None,
            clause=int(g["ca_cl"]) if g["ca_cl"] else None))


def citation_mentions(doc: Document, *, catalog: Catalog, index: CitationIndex) -> list[Mention]:
    """Mentions for every formal citation, with bare sections resolved against earlier ones."""
    mentions: list[Mention] = []
    last_title: int | None = None
    cited_sections: set[tuple[int, str]] = set()
    for cited in read_citations(doc):
        parts = cited.parts
        if cited.short:
            parts = _resolve_short(parts, last_title, cited_sections)
            if parts is None:
                continue
        elif parts.family == "usc" and parts.volume is not None:
            last_title = parts.volume
            cited_sections.add((parts.volume, (parts.number or "").lower()))
        ids, exact = index.lookup(parts)
        start, end = doc.original_span(cited.start, cited.end)
        confidence = SHORT_CONFIDENCE if cited.short else CONFIDENCE
        note = "" if exact or not ids else f"the catalog entry covers {catalog[ids[0]].citation}"
        if ids:
            kind = catalog[ids[0]].kind
            mentions.append(Mention(start, end, kind, "citation", ids, (confidence,) * len(ids),
                                    decided=len(ids) == 1, note=note,
                                    folded_start=cited.start, folded_end=cited.end))
        else:
            authority = built_authority(parts)
            mentions.append(Mention(start, end, authority.kind, "citation", (), (confidence * 0.9,),
                                    authority=authority, note="not in the catalog; built from the citation",
                                    folded_start=cited.start, folded_end=cited.end))
    return mentions


def _resolve_short(parts: CitationParts, last_title: int | None,
                   cited: set[tuple[int, str]]) -> CitationParts | None:
    """A bare "§ N" takes the title of the last U.S.C. citation; "Section N" only if exactly that
    section was cited before ("Section 8 housing" stays prose)."""
    if last_title is None:
        return None
    how = parts.reporter
    section = (parts.number or "").lower()
    if how == "word" and (last_title, section) not in cited:
        return None
    return attrs.evolve(parts, volume=last_title, reporter=None)
