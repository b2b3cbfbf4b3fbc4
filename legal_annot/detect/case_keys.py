"""Catalog cases by a spelling-free key of their name, so that the variants reporters write
("Loper Bright Enterprises, Inc. v. Raimondo", "Citizens United v FEC", "Chevron U.S.A. Inc. vs.
Natural Resources Defense Council") find the catalog entry: corporate suffixes, "et al.",
punctuation, case and the form of "v." do not count."""

from __future__ import annotations

import regex

from legal_annot.catalog import Catalog
from legal_annot.document import Document
from legal_annot.models import Kind

_WORDS = regex.compile(r"[a-z0-9]+")
_US = regex.compile(r"\bu s(?: a)?\b")
_US_AGENCY = regex.compile(r"\bunited states (?=(?:department|dept|secretary|attorney general)\b)")
_DROPPED = frozenset("inc incorporated corp corporation co company llc ltd lp llp plc na et al the".split())
_SAME = {"vs": "v", "versus": "v", "dept": "department", "ass'n": "association", "assn": "association",
         "comm'n": "commission", "commn": "commission", "int'l": "international", "nat'l": "national"}


def case_key(name: str) -> str:
    """The key of a case name: its words, lower-cased, abbreviations spelled out, suffixes gone."""
    words = [_SAME.get(w, w) for w in _WORDS.findall(name.lower().replace("’", "'").replace("'", ""))]
    words = [w for w in words if w not in _DROPPED]
    key = " ".join(words)
    key = _US.sub("united states", key)
    key = _US_AGENCY.sub("", key)  # "U.S. Department of Commerce" is the Department of Commerce
    return key.strip() if "v" in words else ""


class CaseKeys:
    """Catalog case ids by the key of each name and alias that has a "v." in it."""

    def __init__(self, catalog: Catalog) -> None:
        keys: dict[str, list[str]] = {}
        for entry in catalog.entries:
            if entry.authority.kind is not Kind.CASE:
                continue
            for name in (entry.authority.name, *entry.authority.aliases, *entry.aliases):
                key = case_key(name)
                if key and entry.id not in keys.setdefault(key, []):
                    keys[key].append(entry.id)
        self._keys = {k: tuple(v) for k, v in keys.items()}

    def lookup(self, name: str) -> tuple[str, ...]:
        """The catalog ids whose name matches ``name`` up to spelling (several when shared)."""
        key = case_key(name)
        return self._keys.get(key, ()) if key else ()


# "United States v. Jones" names the 2012 GPS case and dozens of criminal cases: a catalog case
# whose name is a government against one surname is linked only when the text around it fits.
_GOVERNMENT_CASE = regex.compile(r"(?:United States|State|People|Commonwealth) v\. [A-Z][\w'’-]+")
_SUMMARY_WORD = regex.compile(r"[a-z][a-z-]{4,}")
_COMMON = frozenset("about after against before being could court courts federal found other their there these "
                    "those under which while would state states united government ruled ruling held holds".split())
_FIT_REACH, _FIT_WORDS = 400, 2


def _subject_terms(summary: str) -> frozenset[str]:
    return frozenset(w for w in _SUMMARY_WORD.findall(summary.lower()) if w not in _COMMON)


def _fits(folded: str, start: int, end: int, terms: frozenset[str], year: int | None) -> bool:
    """Whether the text around an ambiguous case name speaks of that case's subject or year."""
    window = folded[max(0, start - _FIT_REACH):min(len(folded), end + _FIT_REACH)]
    if year is not None and str(year) in window:
        return True
    found = {w for w in _SUMMARY_WORD.findall(window) if w in terms}
    return len(found) >= _FIT_WORDS


AMBIGUOUS_NOTE = "many cases share this name; the text does not show it is this one"


LOWER_COURT_NOTE = ("the text says a lower court decided this case; the catalog's entry is the Supreme "
                    "Court's decision of that name")
# A lower court named as the one that decided the case: "the Fifth Circuit ruled in", "the
# Fifth Circuit's decision in", "a three-judge panel in", "In X v. Y, the district court held".
# A court that applies or cites the case ("the Fifth Circuit, applying ...") does not count, nor
# a sentence that names the Supreme Court.
_LOWER = (r"(?P<court>(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|d\.c\.|federal|"
          r"\d{1,2}(?:st|nd|rd|th)) circuit|\d{1,2}(?:st|nd|rd|th) cir\.|(?:federal )?(?:appeals|appellate|"
          r"district|trial|lower) court|court of appeals|(?:federal|district|trial) judge|(?:three-judge |en banc )?panel)")
_DECIDED_BEFORE = regex.compile(
    rf"{_LOWER}(?:['’]s)?\s+(?:(?:decided|heard|ruled|held|found|decision|ruling|opinion|judgment)\s+)?"
    rf"(?:(?:on|in)\s+)?$")
_DECIDED_AFTER = regex.compile(
    rf",?\s+(?:the|a|an)\s+{_LOWER}\s+(?:held|ruled|found|decided|concluded|struck|said|wrote|reasoned)\b")
_HIGH_COURT = regex.compile(r"\b(?:supreme court|high court|justices?)\b")
_SCOTUS_CITE = regex.compile(r"\d{1,3} U\.S\. \d")


class AmbiguousCases:
    """Catalog cases whose name many other cases share ("United States v. Jones"), with the words
    of their subject and their year, to tell whether a text means the catalogued one."""

    def __init__(self, catalog: Catalog) -> None:
        self._cases = {e.id: (_subject_terms(e.authority.summary), e.authority.year) for e in catalog.entries
                       if e.authority.kind is Kind.CASE and _GOVERNMENT_CASE.fullmatch(e.authority.name)}
        self._supreme = frozenset(e.id for e in catalog.entries if e.authority.kind is Kind.CASE
                                  and _SCOTUS_CITE.match(e.authority.citation or ""))

    def doubt(self, entry_id: str, doc: Document, start: int, end: int) -> str:
        """Why the catalog case cannot be asserted for the name at folded ``[start, end)``: a shared
        name the text does not settle, or a lower court the sentence names as the decider of a
        case the catalog has as the Supreme Court's; "" when nothing stands against it."""
        if not self.settled(entry_id, doc.folded, start, end):
            return AMBIGUOUS_NOTE
        if entry_id in self._supreme and _decided_below(doc, start, end):
            return LOWER_COURT_NOTE
        return ""

    def settled(self, entry_id: str, folded: str, start: int, end: int) -> bool:
        """False when the case's name is shared and nothing around ``[start, end)`` fits it."""
        facts = self._cases.get(entry_id)
        return facts is None or _fits(folded, start, end, *facts)


def _decided_below(doc: Document, start: int, end: int) -> bool:
    return lower_court(doc, start, end) is not None


def lower_court(doc: Document, start: int, end: int) -> str | None:
    """The lower court that the sentence of the name at folded ``[start, end)`` says decided it
    ("Fifth Circuit", as written), or None (also when the sentence names the Supreme Court)."""
    folded = doc.folded
    near = folded[max(0, start - 80):end + 80]  # a bounded look, never the whole text
    if not any(word in near for word in ("circuit", "cir.", "court", "judge", "panel")):
        return None
    lo, hi = doc.sentences.bounds(doc.sentences.index(start))
    lo, hi = max(lo, start - 160), min(hi, end + 160)
    if _HIGH_COURT.search(folded, lo, hi):
        return None
    found = (_DECIDED_BEFORE.search(folded, max(lo, start - 80), start)
             or _DECIDED_AFTER.match(folded, end, min(hi, end + 80)))
    if not found:
        return None
    court_start, court_end = doc.original_span(found.start("court"), found.end("court"))
    return doc.text[court_start:court_end]
