"""Catalog cases by a spelling-free key of their name, so that the variants reporters write
("Loper Bright Enterprises, Inc. v. Raimondo", "Citizens United v FEC", "Chevron U.S.A. Inc. vs.
Natural Resources Defense Council") find the catalog entry: corporate suffixes, "et al.",
punctuation, case and the form of "v." do not count."""

from __future__ import annotations

import regex

from legal_annot.catalog import Catalog
from legal_annot.models import Kind

_WORDS = regex.compile(r"[a-z0-9]+")
_DROPPED = frozenset("inc incorporated corp corporation co company llc ltd lp llp plc na et al the".split())
_SAME = {"vs": "v", "versus": "v", "dept": "department", "ass'n": "association", "assn": "association",
         "comm'n": "commission", "commn": "commission", "int'l": "international", "nat'l": "national"}


def case_key(name: str) -> str:
    """The key of a case name: its words, lower-cased, abbreviations spelled out, suffixes gone."""
    words = [_SAME.get(w, w) for w in _WORDS.findall(name.lower().replace("’", "'").replace("'", ""))]
    words = [w for w in words if w not in _DROPPED]
    return " ".join(words) if "v" in words else ""


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
