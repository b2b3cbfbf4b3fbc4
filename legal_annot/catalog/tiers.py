"""The generated tiers under the curated catalog: every Supreme Court decision in the Supreme Court
Database and the Library of Congress U.S. Reports records, every U.S. Code section heading, and the Acts the Code's short-title notes name.

They are read lazily (on first lookup) from ``catalog/generated/*.tsv.gz`` (built by
scripts/build_tiers.py) into plain dicts keyed by a normalized name or a citation: nothing is
added to the catalog's automaton, so an Annotator costs no more to build. A generated authority
carries facts from its source only (name, citation, date, heading, links) and ``tier="generated"``.
"""

from __future__ import annotations

import functools
import gzip
import re
from collections.abc import Iterator
from importlib import resources

import attrs

from legal_annot.catalog.links import (
    courtlistener_citation,
    govinfo_public_law,
    govinfo_usc_section,
    justia_us_reports,
    lii_usc_section,
)
from legal_annot.models import Authority, Kind

_DATA = resources.files("legal_annot") / "catalog" / "generated"
GENERATED = "generated"

_PUNCT = re.compile(r"[^\w&\s]+")
_DROP = frozenset({"the", "inc", "co", "corp", "corporation", "company", "ltd", "llc", "et", "al"})


def case_key(name: str) -> str:
    """A case name reduced for lookup: 'Bowman v. Monsanto Co.' -> 'bowman v monsanto'."""
    if " v. " not in name and " v " not in name:
        return ""
    first, second = re.split(r"\s+v\.?\s+", name, maxsplit=1)

    def side(party: str) -> str:
        words = _PUNCT.sub(" ", party.casefold().replace("’", "'").replace("'s ", " ")).split()
        return " ".join(w for w in words if w not in _DROP)

    return f"{side(first)} v {side(second)}"


def act_key(name: str) -> str:
    return " ".join(name.casefold().replace("’", "'").split())


# Words every legislative title uses: a popular name made only of these (with numbers, years and
# joiners) is an ordinary phrase ("Relief Act", "Reform Act of 1990", "Technical Corrections Act")
# and is left out of matching.
GENERIC_WORDS = frozenset("""
act acts of the and for to on in a an amendment amendments amended appropriation appropriations
authorization reauthorization relief reform reforms improvement improvements technical correction
corrections extension extensions emergency supplemental omnibus consolidated continuing further additional
national federal public law laws private general miscellaneous fiscal year years program programs
assistance protection security safety department administration management modernization enhancement
act's united states american america new revenue tax budget reconciliation implementation
""".split())


_YEARED = re.compile(r"\S+\s+\S+.*\bAct of (?:1[789]|20)\d\d$")


def is_distinctive(name: str) -> bool:
    """Whether a popular name can be matched as written without catching ordinary phrases or a
    different law: it has a word beyond generic legislative vocabulary, or it names its year after
    at least two words ("Tax Reform Act of 1986" is specific; "Tax Reform Act" and "Relief Act" are
    not); a name that is only one set of initials ("FACE Act") is left to the curated tier, because news uses
    such initials for the famous law while the Code's notes give them to others."""
    if _acronym_only(name):
        return False  # "FACE Act", "SAFE Act": several laws share such initials; news means the famous one
    if _YEARED.match(name):
        return True
    for word in re.findall(r"[a-z][a-z'’]*", name.casefold()):
        if word not in GENERIC_WORDS and len(word) > 2:
            return True
    return False


def _acronym_only(name: str) -> bool:
    """Whether the name is one set of initials and "Act", with no year ("FACE Act", "CARES Act");
    "CHIPS Act of 2022" and "TAKE IT DOWN Act" say more and stay."""
    words = re.sub(r"\s+Act$", "", name).split()
    return len(words) == 1 and words[0].isupper() and any(c.isalpha() for c in words[0])


def _has_acronym(name: str) -> bool:
    return any(len(word) > 1 and word.isupper() and word.isalpha() for word in name.split())


@attrs.frozen
class CaseRow:
    us_cite: str
    name: str
    caption: str
    date: str
    docket: str


@attrs.frozen
class ActRow:
    name: str
    pub_law: str
    year: str
    title: str
    section: str
    whole_law: str = "1"  # "0": the short title of a part (a title or subtitle) of the law


def _rows(name: str) -> Iterator[list[str]]:
    with resources.as_file(_DATA / name) as path, gzip.open(path, "rt", encoding="utf-8") as handle:
        header = True
        for line in handle:
            if line.startswith("#"):
                continue
            if header:
                header = False
                continue
            yield line.rstrip("\n").split("\t")


class Tiers:
    """Lookups into the generated tiers; each table is loaded on its first use."""

    @functools.cached_property
    def _cases(self) -> tuple[dict[str, CaseRow], dict[str, list[CaseRow]], dict[str, list[CaseRow]]]:
        """By U.S. cite; by name key; by the key with the second party cut to its first word, for
        news that shortens it ("Federal Energy Administration v. Algonquin" for "... Algonquin SNG")."""
        by_cite: dict[str, CaseRow] = {}
        by_key: dict[str, list[CaseRow]] = {}
        by_short: dict[str, list[CaseRow]] = {}
        for cite, name, caption, date, docket, _term in _rows("cases.tsv.gz"):
            row = CaseRow(cite, name, caption, date, docket)
            by_cite.setdefault(cite, row)  # several decisions may begin on one page: the first is kept
            if key := case_key(name):
                by_key.setdefault(key, []).append(row)
                first, _, second = key.partition(" v ")
                if " " in second:
                    by_short.setdefault(f"{first} v {second.split()[0]}", []).append(row)
        return by_cite, by_key, by_short

    @functools.cached_property
    def sections(self) -> dict[tuple[str, str], str]:
        return {(title, section.casefold()): heading for title, section, heading in _rows("sections.tsv.gz")}

    @functools.cached_property
    def acts(self) -> dict[str, ActRow]:
        """Distinctive popular names only (see :func:`is_distinctive`), by :func:`act_key`. Filtered
        once and kept in the disk cache (the table is read on the first text that names an Act)."""
        from legal_annot.catalog import cache

        key = "tiers-" + cache.digest("acts", cache.library_digest())
        found = cache.load(key)
        if isinstance(found, dict):
            return found
        built = {act_key(row[0]): ActRow(*row) for row in _rows("acts.tsv.gz") if is_distinctive(row[0])}
        cache.store(key, built)
        return built

    def case_by_cite(self, cite: str) -> CaseRow | None:
        return self._cases[0].get(cite)

    def cases_by_name(self, name: str) -> list[CaseRow]:
        """Every decision whose usual name reduces to the same key (several when the name is common).
        A one-word second party also matches a longer one that starts with it, when nothing matches
        in full."""
        key = case_key(name)
        if not key:
            return []
        if rows := self._cases[1].get(key):
            return rows
        second = key.partition(" v ")[2]
        if second and " " not in second:
            return [r for r in self._cases[2].get(key, []) if case_key(r.name) != key]
        return []

    def heading(self, title: int | str, section: str) -> str | None:
        return self.sections.get((str(title), section.casefold()))

    def act(self, name: str) -> ActRow | None:
        """The Act with this popular name; a name with an acronym ("SAFETY Act") only as written."""
        row = self.acts.get(act_key(name))
        if row is not None and _has_acronym(row.name) and " ".join(name.split()) != row.name:
            return None
        return row

    def counts(self) -> dict[str, int]:
        return {"cases": len(self._cases[0]), "sections": len(self.sections),
                "acts": sum(1 for _ in _rows("acts.tsv.gz")), "acts_matched": len(self.acts)}


@functools.cache
def default_tiers() -> Tiers:
    return Tiers()


def case_authority(row: CaseRow) -> Authority:
    volume, _, page = row.us_cite.split(" ", 2)[0], None, row.us_cite.rsplit(" ", 1)[-1]
    links = (justia_us_reports(int(volume), page), courtlistener_citation(int(volume), "U.S.", page))
    docket = f", docket {row.docket}" if row.docket else ""
    # A row from the Library of Congress U.S. Reports records has the year only (see build_tiers.py).
    loc = len(row.date) == 4
    return Authority(
        id=("usrep:" if loc else "scdb:") + row.us_cite.replace(" ", "-").replace(".", "").lower(), kind=Kind.CASE,
        name=row.name, citation=row.us_cite, year=int(row.date[:4]),
        summary=f"U.S. Supreme Court decision {'of ' if not loc else ''}{row.date}{docket}. "
                f"{'Title' if loc else 'Caption'}: {row.caption.rstrip('.')}.",
        links=links,
        source="Library of Congress, U.S. Reports collection" if loc else "Supreme Court Database (scdb.wustl.edu)",
        tier=GENERATED)


def section_authority(title: int, section: str, heading: str) -> Authority:
    citation = f"{title} U.S.C. § {section}"
    return Authority(
        id=f"uscode:{title}.{section.lower()}", kind=Kind.STATUTE, name=heading or citation, citation=citation,
        summary=f"{citation}: {heading}." if heading else "",
        links=(lii_usc_section(title, section), govinfo_usc_section(title, section)),
        source="U.S. Code (OLRC), section heading", tier=GENERATED)


def act_authority(row: ActRow) -> Authority:
    links = []
    if match := re.fullmatch(r"Pub\. L\. (\d+)-(\d+)", row.pub_law):
        links.append(govinfo_public_law(int(match[1]), match[2]))
    if row.title.isdigit():
        links.append(lii_usc_section(int(row.title), row.section))
    where = f"; its short-title note is at {row.title} U.S.C. § {row.section}" if row.title.isdigit() else ""
    citation = row.pub_law.replace("Pub. L. ", "Pub. L. No. ") if row.pub_law and row.whole_law == "1" else None
    return Authority(
        id="act:" + re.sub(r"[^0-9a-z]+", "-", row.name.casefold()).strip("-"), kind=Kind.STATUTE, name=row.name,
        citation=citation, year=int(row.year) if row.year.isdigit() else None,
        summary=f"{row.name}" + (f", {'part of ' if row.whole_law == '0' else ''}{row.pub_law}" if row.pub_law else "")
        + where + ".",
        links=tuple(links), source="U.S. Code (OLRC), short-title notes", tier=GENERATED)
