"""Catalog cases by a spelling-free key of their name, so that the variants reporters write
("Loper Bright Enterprises, Inc. v. Raimondo", "Citizens United v FEC", "Chevron U.S.A. Inc. vs.
Natural Resources Defense Council") find the catalog entry: corporate suffixes, "et al.",
punctuation, case and the form of "v." do not count."""

from __future__ import annotations

import regex

from legal_annot.catalog import Catalog
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


class AmbiguousCases:
    """Catalog cases whose name many other cases share ("United States v. Jones"), with the words
    of their subject and their year, to tell whether a text means the catalogued one."""

    def __init__(self, catalog: Catalog) -> None:
        self._cases = {e.id: (_subject_terms(e.authority.summary), e.authority.year) for e in catalog.entries
                       if e.authority.kind is Kind.CASE and _GOVERNMENT_CASE.fullmatch(e.authority.name)}

    def settled(self, entry_id: str, folded: str, start: int, end: int) -> bool:
        """False when the case's name is shared and nothing around ``[start, end)`` fits it."""
        facts = self._cases.get(entry_id)
        return facts is None or _fits(folded, start, end, *facts)
