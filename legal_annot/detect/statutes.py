"""Formal citations to codes and official sources: the U.S. Code, the C.F.R., the Constitution,
Public Laws, the Statutes at Large, the Federal Register and executive orders — in the forms people
write ("18 USC 371", "§§ 1512(c)(2), 1505", "section 1324 of title 8", "Art. I, § 8, cl. 3").

Anchor words ("u.s.c", "§", "article" ...) come from the shared phrase scan; the patterns run only
in windows around them, so a text without citations costs nothing here. A citation the catalog
knows carries that authority; any other gets an authority built from its parts, with links.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterator

import attrs
import regex

from legal_annot import confidence
from legal_annot.catalog import Catalog
from legal_annot.catalog.aliases import _ORDINAL_NUMBER
from legal_annot.catalog.citations import CitationParts, format_citation, roman_to_int
from legal_annot.catalog.links import links_for
from legal_annot.detect.roles import GENERIC, NAME, SHORT_NAME
from legal_annot.document import Document, Mention
from legal_annot.models import Authority, Kind

CITATION_ANCHOR = "citation"
# Every form below contains one of these words; they are matched as whole words in the shared
# scan, so keep them distinctive ("art." not "art", which is inside "start" and "party").
ANCHORS = ("u.s.c", "usc", "u. s. c", "u.s. code", "us code", "c.f.r", "cfr", "§", "const.", "art.", "article",
           "amend.", "amendment", "section", "sections", "sec.", "secs.", "title", "pub.", "public law", "p.l.", "pl",
           "stat.", "fed. reg", "fr", "executive order", "exec. order", "e.o.", "eo", "id.")
_BEFORE, _AFTER = 40, 160

_SEC = r"(?:§§?|secs?\.?|sections?)"
_NUM = r"\d+[a-z]{0,2}(?:-\d+[a-z]?)?"
_SUB = r"(?:\([0-9a-z]{1,4}\))*"
_ORD = "|".join(sorted(_ORDINAL_NUMBER, key=len, reverse=True))
# A code's name after a title number: "U.S.C.", "USCA", and the Cornell LII page-title form "U.S. Code".
_CODE = r"(?:u\.?\s?s\.?\s?c\.?(?:\s?a\.?|\s?s\.?)?(?!\w)|u\.?\s?s\.?\s?code(?!\w))"
_CODE_NAME = r"(?:united\s+states\s+code|u\.?s\.?\s?code|u\.s\.c\.?)"
# A list goes on with another section of the same title, never with a number that starts a citation
# of its own ("§ 1512 and 42 U.S.C. § 1983": "42" is the next citation's title).
_NEXT_OWN = rf"(?!\s*(?:{_CODE}|c\.?\s?f\.?\s?r\.?|stat\.|fed\.\s?reg))"
# ... nor with a quantity ("§ 1512, and 42 people were charged": a number before a unit is a count).
_QUANTITY = (r"(?!\s+(?:people|persons|defendants|victims|counts|charges|years?|months?|weeks?|days?|hours?|"
             r"times|percent|dollars|members|officers|agents|others|cases|pages)\b)")
_MORE_ITEM = rf"\s*(?:,\s*(?:and|or)\b|,|and|or|&)\s*(?:{_SEC}\s*)?(?>{_NUM}{_SUB}){_NEXT_OWN}{_QUANTITY}"


@attrs.frozen
class Cited:
    """One citation read from folded text: its span there, its parts and its pinpoint as written."""

    start: int
    end: int
    parts: CitationParts
    short: bool = False  # a bare "§ 1324" / "Section 1324" resolved from an earlier citation


Reader = Callable[[Document, "FormMatch"], Iterator[Cited]]


@attrs.frozen
class CitationForm:
    """One way of writing a citation: its pattern (group names local to the form), the kind of law
    it cites, and the reader that turns a match into citations (their family says how each is
    formatted, looked up and linked: :func:`format_citation`, :func:`citation_keys`, :func:`links_for`)."""

    name: str
    kind: Kind
    pattern: str
    read: Reader


class FormMatch:
    """A match of the combined pattern seen through one form's own group names."""

    def __init__(self, match: regex.Match[str], form: str) -> None:
        self.match, self._prefix = match, form + "__"

    def __getitem__(self, group: str) -> str | None:
        """The group's text; None when it did not take part or the form has no such group."""
        try:
            return self.match.group(self._prefix + group)
        except IndexError:
            return None

    def start(self, group: str | None = None) -> int:
        return self.match.start(self._prefix + group if group else 0)

    def end(self, group: str | None = None) -> int:
        return self.match.end(self._prefix + group if group else 0)


# Compiled once: these run for every citation (regex's own cache lookup costs more than the match).
_SPACES = regex.compile(r"\s+")
_SUBSECTIONS = regex.compile(r"(?:\([0-9A-Za-z]{1,4}\))+")
_SUBSECTION = regex.compile(r"\([0-9A-Za-z]+\)")
_RANGE = regex.compile(r"\d+-\d+")


def _subsection(doc: Document, m: FormMatch, group: str = "sub") -> str:
    """A pinpoint's subsections as the text writes them ("(a)(1)(A)"), not as folded."""
    if not m[group]:
        return ""
    start, end = doc.original_span(m.start(group), m.end(group))
    text = _SPACES.sub("", doc.text[start:end])
    return text if _SUBSECTIONS.fullmatch(text) else (m[group] or "")


def _usc_list(doc: Document, m: FormMatch, title: int | None, appendix: bool = False,
              *, short: bool = False, reporter: str | None = None) -> Iterator[Cited]:
    """The first section of a citation and any more in its list, each a citation of the title."""
    ranged = (m["marks"] or "").startswith("§§") and _RANGE.fullmatch(m["sec"] or "")
    section = (m["sec"] or "").split("-")[0] if ranged else m["sec"]
    first_end = m.end("sub") if m["more"] else m.end()
    yield Cited(m.start(), first_end, CitationParts("usc", title, section, subsection=_subsection(doc, m),
                                                     appendix=appendix, reporter=reporter), short=short)
    if m["more"]:
        for more in _MORE.finditer(doc.folded, m.start("more"), m.end("more")):
            sub = doc.text[slice(*doc.original_span(more.start("sub"), more.end("sub")))] if more["sub"] else ""
            yield Cited(more.start(), more.end(), CitationParts(
                "usc", title, more["sec"], subsection=sub.replace(" ", ""), appendix=appendix, reporter=reporter),
                short=short)


def _read_usc(doc: Document, m: FormMatch) -> Iterator[Cited]:
    yield from _usc_list(doc, m, int(m["title"] or 0), bool(m["app"]))


def _read_usc_untitled(doc: Document, m: FormMatch) -> Iterator[Cited]:
    """"USC 2381" with no title: a short form, resolved through the crime named nearby."""
    yield from _usc_list(doc, m, None, short=True, reporter="untitled")


def _read_title_section(doc: Document, m: FormMatch) -> Iterator[Cited]:
    yield Cited(m.start(), m.end(), CitationParts("usc", int(m["title"] or 0), m["sec"], subsection=_subsection(doc, m)))


def _read_section_of_title(doc: Document, m: FormMatch) -> Iterator[Cited]:
    """"sections 1512 and 1505 of title 18"; "section 1225(c) of this title" takes the title cited before."""
    if m["this"]:
        yield from _usc_list(doc, m, None, short=True, reporter="this_title")
    else:
        yield from _usc_list(doc, m, int(m["title"] or 0))


def _read_cfr(doc: Document, m: FormMatch) -> Iterator[Cited]:
    title = int(m["title"] or 0)
    if m["part"]:
        yield Cited(m.start(), m.end(), CitationParts("cfr_part", title, m["part"]))
    else:
        yield Cited(m.start(), m.end(), CitationParts("cfr", title, m["sec"], subsection=_subsection(doc, m)))


def _read_amendment(doc: Document, m: FormMatch) -> Iterator[Cited]:
    amendment = _number(m["am"] or "")
    if 1 <= amendment <= 27:
        yield Cited(m.start(), m.end(), CitationParts(
            "constitution_amendment", amendment=amendment, section=int(m["sec"]) if m["sec"] else None))


def _read_amendment_section(doc: Document, m: FormMatch) -> Iterator[Cited]:
    ordinal = m["ord"] or ""
    amendment = int(ordinal[:-2]) if ordinal[0].isdigit() else _ORDINAL_NUMBER[ordinal]
    if 1 <= amendment <= 27:
        yield Cited(m.start(), m.end(), CitationParts("constitution_amendment", amendment=amendment,
                                                      section=int(m["sec"] or 0)))


def _read_pub_law(doc: Document, m: FormMatch) -> Iterator[Cited]:
    congress = int(m["cong"] or 0)
    if m["pub"] or 1 <= congress <= 125:  # a bare "PL 115-97" only with a plausible Congress
        yield Cited(m.start(), m.end(), CitationParts("pub_law", congress, m["num"]))


def _read_stat(doc: Document, m: FormMatch) -> Iterator[Cited]:
    yield Cited(m.start(), m.end(), CitationParts("stat", int(m["vol"] or 0), m["page"]))


def _read_fed_reg(doc: Document, m: FormMatch) -> Iterator[Cited]:
    yield Cited(m.start(), m.end(), CitationParts("fed_reg", int(m["vol"] or 0), (m["page"] or "").replace(",", "")))


def _read_executive_order(doc: Document, m: FormMatch) -> Iterator[Cited]:
    yield Cited(m.start(), m.end(), CitationParts("executive_order", number=(m["num"] or "").replace(",", "")))


def _read_bare_section(doc: Document, m: FormMatch) -> Iterator[Cited]:
    yield Cited(m.start(), m.end(), CitationParts(
        "usc", None, m["sec"], subsection=_subsection(doc, m),
        reporter="id" if m["id"] else ("symbol" if m["sym"] else "word")), short=True)


FORMS: tuple[CitationForm, ...] = (
    CitationForm("usc", Kind.STATUTE, rf"""
      (?<![\w.])(?P<title>\d{{1,2}})\s?{_CODE}\s*
      (?P<app>app(?:endix|\.)?\s*)?(?:(?P<marks>{_SEC})\s*)?(?P<sec>{_NUM})(?P<sub>{_SUB})(?P<more>(?:{_MORE_ITEM})*)""",
                 _read_usc),
    CitationForm("title_code_section", Kind.STATUTE, rf"""
      (?<!\w)title\s+(?P<title>\d{{1,2}}),?\s+(?:of\s+the\s+)?{_CODE_NAME},?\s*{_SEC}\s*(?P<sec>{_NUM})(?P<sub>{_SUB})""",
                 _read_title_section),
    CitationForm("title_section_code", Kind.STATUTE, rf"""
      (?<!\w)title\s+(?P<title>\d{{1,2}}),?\s+{_SEC}\s*(?P<sec>{_NUM})(?P<sub>{_SUB}),?\s+of\s+the\s+{_CODE_NAME}""",
                 _read_title_section),
    CitationForm("section_of_title", Kind.STATUTE, rf"""
      (?<!\w)sections?\s+(?P<sec>{_NUM})(?P<sub>{_SUB})(?P<more>(?:{_MORE_ITEM})*)\s+of\s+
      (?:title\s+(?P<title>\d{{1,2}})(?!\d)(?:,?\s+(?:of\s+the\s+)?{_CODE_NAME}|\s+u\.s\.c\.?)?|(?P<this>this\s+title))""",
                 _read_section_of_title),
    CitationForm("usc_untitled", Kind.STATUTE, rf"""
      (?<![\w.])(?<!\d\s)usc\s*(?:§\s*)?(?P<sec>\d{{3,5}}[a-z]?)(?![\w-])(?P<sub>{_SUB})""",
                 _read_usc_untitled),
    CitationForm("cfr", Kind.REGULATION, rf"""
      (?<![\w.])(?P<title>\d{{1,2}})\s?c\.?\s?f\.?\s?r\.?(?!\w)\s*
      (?:(?:parts?|pt\.)\s*(?P<part>\d+)(?![.\d])|(?:{_SEC}\s*)?(?P<sec>\d+\.\d+[a-z]?)(?P<sub>{_SUB}))""",
                 _read_cfr),
    CitationForm("constitution_amendment", Kind.CONSTITUTION, r"""
      (?<!\w)u\.\s?s\.\s?const\.?,?\s*amend\.?\s*(?P<am>[ivxl]{1,6}|\d{1,2})(?!\w)
      (?:,?\s*(?:§|sec\.|section)\s*(?P<sec>\d))?""", _read_amendment),
    CitationForm("amendment_section", Kind.CONSTITUTION, rf"""
      (?<!\w)section\s+(?P<sec>\d)\s+of\s+the\s+(?P<ord>{_ORD}|\d{{1,2}}(?:st|nd|rd|th))\s+amendment""",
                 _read_amendment_section),
    CitationForm("constitution_article", Kind.CONSTITUTION, r"""
      (?<!\w)(?P<pre>u\.\s?s\.\s?const\.?,?\s*)?(?:art\.|article)\s*(?P<art>[ivx]{1,4}|[1-7])(?!\w)
      (?:,?\s*(?:§|sec\.|section)\s*(?P<sec>\d{1,2})(?!\d))?(?:,?\s*(?:cl\.|clause)\s*(?P<cl>\d{1,2})(?!\d))?""",
                 lambda doc, m: _article(doc, m)),
    CitationForm("pub_law", Kind.STATUTE, r"""
      (?<!\w)(?:(?P<pub>pub(?:lic|\.)?\s*l(?:aw|\.)?)|p\.\s?l\.|pl)\s*(?:no\.?\s*)?(?P<cong>\d{1,3})\s*-\s*(?P<num>\d{1,4})(?!\d)""",
                 _read_pub_law),
    CitationForm("stat", Kind.STATUTE, r"""
      (?<![\w.])(?P<vol>\d{1,3})\s+stat\.\s*(?P<page>\d{1,5})(?!\d)""", _read_stat),
    CitationForm("fed_reg", Kind.REGULATION, r"""
      (?<![\w.])(?P<vol>\d{1,3})\s+(?:fed\.\s?reg\.|f\.?r\.?)\s*(?P<page>\d{1,3},\d{3}|\d{1,6})(?!\d|,\d)""",
                 _read_fed_reg),
    CitationForm("executive_order", Kind.EXECUTIVE_ORDER, r"""
      (?<!\w)(?:executive\s+order|exec\.\s*order|e\.\s?o\.?|eo)\s*(?:no\.?\s*|number\s*)?(?P<num>\d{1,2},?\d{3})(?!\d|,\d)""",
                 _read_executive_order),
    CitationForm("bare_section", Kind.STATUTE, rf"""
      (?<!\w)(?P<id>id\.,?\s*)?(?:(?P<sym>§§?)|(?P<word>sections?))\s*(?P<sec>{_NUM}(?:\.\d+)?)(?P<sub>{_SUB})""",
                 _read_bare_section),
)
_FORMS = {form.name: form for form in FORMS}


def _combined(forms: tuple[CitationForm, ...]) -> regex.Pattern[str]:
    """One pattern of all forms, each an outer group named after it with its groups prefixed, so
    one match attempt at a start tries every form in order."""
    parts = []
    for form in forms:
        body = regex.sub(r"\(\?P<(\w+)>", lambda g: f"(?P<{form.name}__{g[1]}>", form.pattern)
        parts.append(f"(?P<{form.name}>{body})")
    return regex.compile("|".join(parts), regex.VERBOSE)


_PATTERN = _combined(FORMS)
_MORE = regex.compile(rf"(?P<sec>{_NUM})(?P<sub>{_SUB})")
_KIND = {"usc": Kind.STATUTE, "pub_law": Kind.STATUTE, "stat": Kind.STATUTE, "cfr": Kind.REGULATION,
         "cfr_part": Kind.REGULATION, "fed_reg": Kind.REGULATION, "executive_order": Kind.EXECUTIVE_ORDER,
         "constitution_article": Kind.CONSTITUTION, "constitution_amendment": Kind.CONSTITUTION}
CONFIDENCE, SHORT_CONFIDENCE = confidence.CITATION, confidence.SHORT_CITATION
UNCATALOGUED = confidence.UNCATALOGUED_CITATION_FACTOR


def citation_keys(parts: CitationParts) -> list[tuple[object, ...]]:
    """Lookup keys for a citation, most specific first (subsections, clauses dropped in turn)."""
    family = parts.family
    if family == "usc":
        subs = _SUBSECTION.findall(parts.subsection.lower())
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
    """Maps citation keys to the catalog entries that carry them (canonical or parallel), and
    U.S. Code section numbers to the titles the catalog holds them in (for title-less cites)."""

    def __init__(self, catalog: Catalog) -> None:
        from legal_annot.catalog.citations import parse_citation

        index: dict[tuple[object, ...], list[str]] = {}
        by_section: dict[str, dict[str, int]] = {}
        for entry in catalog.entries:
            if entry.authority.jurisdiction != "US":
                continue  # state citations are matched by the state-citation detector
            for citation in entry.authority.citations:
                parts = parse_citation(citation)
                key = citation_keys(parts)[0]
                ids = index.setdefault(key, [])
                if entry.id not in ids:
                    ids.append(entry.id)
                if parts.family == "usc" and parts.volume is not None:
                    by_section.setdefault((parts.number or "").lower(), {})[entry.id] = parts.volume
        self._index = index
        self.titles_by_section = by_section

    def lookup(self, parts: CitationParts) -> tuple[tuple[str, ...], bool]:
        """(entry ids, exact): the most specific match; ``exact`` is False for a fallback."""
        for i, key in enumerate(citation_keys(parts)):
            if key in self._index:
                return tuple(self._index[key]), i == 0
        return (), False


def built_authority(parts: CitationParts) -> Authority:
    """An authority for a citation the catalog does not hold, built from its parts (a pinpoint's
    subsections are dropped: the authority is the section, the pinpoint is the citation)."""
    if parts.family == "usc":
        parts = attrs.evolve(parts, subsection="")
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
            form = _FORMS[match.lastgroup or ""]
            yield from form.read(doc, FormMatch(match, form.name))


def _article(doc: Document, m: FormMatch) -> Iterator[Cited]:
    """Constitution articles: without "U.S. Const." only a capitalized "Article" with a Roman
    numeral (or an explicit section) counts, so "article 3 of the treaty" and a newspaper
    "article" do not."""
    roman = not (m["art"] or "").isdigit()
    if not m["pre"]:
        start, _ = doc.original_span(m.start(), m.end())
        if not doc.text[start].isupper() or not (roman or m["sec"]):
            return
        if roman and not m["sec"] and m.end() < len(doc.folded) and doc.folded.startswith(" of the", m.end()) \
                and not doc.folded.startswith(" of the constitution", m.end()):
            return  # "Article II of the treaty"
    article = _number(m["art"] or "")
    if 1 <= article <= 7:
        yield Cited(m.start(), m.end(), CitationParts(
            "constitution_article", article=article, section=int(m["sec"]) if m["sec"] else None,
            clause=int(m["cl"]) if m["cl"] else None))


def citation_mentions(doc: Document, *, catalog: Catalog, index: CitationIndex) -> list[Mention]:
    """Mentions for every formal citation, with bare sections resolved against earlier ones."""
    mentions: list[Mention] = []
    last_title: int | None = None
    cited_sections: set[tuple[int, str]] = set()
    for cited in read_citations(doc):
        parts = cited.parts
        if cited.short:
            resolved = _resolve_short(doc, cited, last_title, cited_sections, index)
            if resolved is None:
                continue
            parts = resolved
        elif parts.family == "usc" and parts.volume is not None:
            last_title = parts.volume
            cited_sections.add((parts.volume, (parts.number or "").lower()))
        ids, exact = index.lookup(parts)
        start, end = doc.original_span(cited.start, cited.end)
        confidence = SHORT_CONFIDENCE if cited.short else CONFIDENCE
        pinpoint = format_citation(parts)
        note = "" if exact or not ids else f"the catalog entry covers {catalog[ids[0]].citation}"
        if ids:
            kind = catalog[ids[0]].kind
            mentions.append(Mention(start, end, kind, "citation", ids, (confidence,) * len(ids),
                                    decided=len(ids) == 1, note=note, citation=pinpoint,
                                    folded_start=cited.start, folded_end=cited.end))
        else:
            authority = built_authority(parts)
            mentions.append(Mention(start, end, authority.kind, "citation", (), (confidence * UNCATALOGUED,),
                                    authority=authority, note="not in the catalog; built from the citation",
                                    citation=pinpoint, folded_start=cited.start, folded_end=cited.end))
    return mentions


_NAMING = frozenset({NAME, SHORT_NAME, GENERIC})
_NAMED_REACH = 200  # how far back in its sentence a title-less cite looks for the crime it defines


def _resolve_short(doc: Document, cited: Cited, last_title: int | None, cited_sections: set[tuple[int, str]],
                   index: CitationIndex) -> CitationParts | None:
    """A bare "§ N" takes the title of the last U.S.C. citation; "Section N" only if exactly that
    section was cited before ("Section 8 housing" stays prose); "section N of this title" takes the
    last title. With no title before, a "USC N" or "§ N" takes the title of a catalog entry for
    section N that is named earlier in the same sentence ("Treason is defined in USC 2381")."""
    parts = cited.parts
    how = parts.reporter
    section = (parts.number or "").lower()
    if how in ("untitled", "symbol") or (how == "id" and last_title is None):
        named = _title_named_before(doc, cited.start, section, index)
        if named is not None:
            return attrs.evolve(parts, volume=named, reporter=None)
        if how == "untitled":
            return None
    if last_title is None:
        return None
    if how == "word" and (last_title, section) not in cited_sections:
        return None
    return attrs.evolve(parts, volume=last_title, reporter=None)


def _title_named_before(doc: Document, position: int, section: str, index: CitationIndex) -> int | None:
    """The title of section ``section`` whose catalog entry is named (by name or alias) in the
    same sentence before ``position``, within a bounded window."""
    titles = index.titles_by_section.get(section)
    if not titles:
        return None
    lo = max(doc.sentences.bounds(doc.sentences.index(position))[0], position - _NAMED_REACH)
    i = bisect_left(doc.hits, lo, key=lambda h: h.start)
    for hit in doc.hits[i:]:
        if hit.start >= position:
            break
        for role in hit.roles:
            if role.entry_id in titles and role.role in _NAMING:
                return titles[role.entry_id]
    return None
