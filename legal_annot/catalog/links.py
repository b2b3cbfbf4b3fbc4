"""Build reading links from citation parts: one function per documented URL pattern.

Each function takes the parts it needs and returns a :class:`Link`. ``links_for`` picks the
functions that apply to a parsed citation. Patterns, and where each is documented, are listed in
``docs/links.md``; every function has a test that pins its output.
"""

from __future__ import annotations

from urllib.parse import quote_plus

from legal_annot.catalog.citations import CitationParts, int_to_roman
from legal_annot.models import Link


def lii_usc_section(title: int, section: str) -> Link:
    """Cornell LII, one section of the U.S. Code: /uscode/text/{title}/{section}."""
    return Link("Cornell LII", f"https://www.law.cornell.edu/uscode/text/{title}/{section}")


def govinfo_usc_section(title: int, section: str, appendix: bool = False) -> Link:
    """GovInfo's link service for the U.S. Code: /link/uscode/{title}/{section} (?type=uscappendix)."""
    query = "?type=uscappendix&link-type=html" if appendix else "?link-type=html"
    return Link("GovInfo", f"https://www.govinfo.gov/link/uscode/{title}/{section}{query}")


def lii_cfr_section(title: int, section: str) -> Link:
    """Cornell LII, one section of the C.F.R.: /cfr/text/{title}/{section}."""
    return Link("Cornell LII", f"https://www.law.cornell.edu/cfr/text/{title}/{section}")


def lii_cfr_part(title: int, part: str) -> Link:
    """Cornell LII, one part of the C.F.R.: /cfr/text/{title}/part-{part}."""
    return Link("Cornell LII", f"https://www.law.cornell.edu/cfr/text/{title}/part-{part}")


def lii_constitution_article(article: int) -> Link:
    """Cornell LII, one article of the Constitution: /constitution/article{roman}."""
    return Link("Cornell LII", f"https://www.law.cornell.edu/constitution/article{int_to_roman(article).lower()}")


_FIRST_TEN = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth")


def lii_constitution_amendment(amendment: int) -> Link:
    """Cornell LII, one amendment: /constitution/{ordinal}_amendment for the Bill of Rights,
    /constitution/amendment{roman} after it."""
    slug = (f"{_FIRST_TEN[amendment - 1]}_amendment" if amendment <= 10
            else f"amendment{int_to_roman(amendment).lower()}")
    return Link("Cornell LII", f"https://www.law.cornell.edu/constitution/{slug}")


def conan_article(article: int, section: int | None = None, clause: int | None = None) -> Link:
    """Constitution Annotated (Congress): /browse/article-N[/section-N][/clause-N]/."""
    path = f"article-{article}"
    if section is not None:
        path += f"/section-{section}"
    if clause is not None:
        path += f"/clause-{clause}"
    return Link("Constitution Annotated", f"https://constitution.congress.gov/browse/{path}/")


def conan_amendment(amendment: int, section: int | None = None) -> Link:
    """Constitution Annotated (Congress): /browse/amendment-N[/section-N]/."""
    path = f"amendment-{amendment}" + (f"/section-{section}" if section is not None else "")
    return Link("Constitution Annotated", f"https://constitution.congress.gov/browse/{path}/")


def courtlistener_citation(volume: int, reporter: str, page: str) -> Link:
    """CourtListener's citation look-up: /c/{reporter}/{volume}/{page}/ redirects to the case."""
    return Link("CourtListener", f"https://www.courtlistener.com/c/{reporter}/{volume}/{page}/")


def courtlistener_search(case_name: str) -> Link:
    """CourtListener's case-law search for a case name, used when no citation is known."""
    return Link("CourtListener search", f"https://www.courtlistener.com/?q={quote_plus(case_name)}")


def justia_us_reports(volume: int, page: str) -> Link:
    """Justia's Supreme Court pages by U.S. Reports volume and page."""
    return Link("Justia", f"https://supreme.justia.com/cases/federal/us/{volume}/{page}/")


def federal_register_citation(volume: int, page: str) -> Link:
    """FederalRegister.gov's citation look-up: /citation/{volume}-FR-{page}."""
    return Link("Federal Register", f"https://www.federalregister.gov/citation/{volume}-FR-{page}")


def federal_register_executive_order(number: str) -> Link:
    """FederalRegister.gov's page for an executive order by number: /executive-order/{number}."""
    return Link("Federal Register", f"https://www.federalregister.gov/executive-order/{number}")


def govinfo_public_law(congress: int, number: str) -> Link:
    """GovInfo's link service for a public law: /link/plaw/{congress}/public/{number}."""
    return Link("GovInfo", f"https://www.govinfo.gov/link/plaw/{congress}/public/{number}")


def govinfo_statutes(volume: int, page: str) -> Link:
    """GovInfo's link service for the Statutes at Large: /link/statute/{volume}/{page}."""
    return Link("GovInfo", f"https://www.govinfo.gov/link/statute/{volume}/{page}")


def links_for(parts: CitationParts) -> tuple[Link, ...]:
    """Every link the documented patterns give for a parsed citation, best first."""
    family, volume, number = parts.family, parts.volume, parts.number
    if family == "constitution_article":
        assert parts.article is not None
        return (conan_article(parts.article, parts.section, parts.clause),
                lii_constitution_article(parts.article))
    if family == "constitution_amendment":
        assert parts.amendment is not None
        return (conan_amendment(parts.amendment, parts.section),
                lii_constitution_amendment(parts.amendment))
    assert number is not None
    if family == "us_reports":
        assert volume is not None
        return courtlistener_citation(volume, "U.S.", number), justia_us_reports(volume, number)
    if family == "reporter":
        assert volume is not None and parts.reporter is not None
        return (courtlistener_citation(volume, parts.reporter.replace(" ", ""), number),)
    if family == "usc":
        assert volume is not None
        if parts.appendix:
            return (govinfo_usc_section(volume, number, appendix=True),)  # LII's appendix URLs are undocumented
        return lii_usc_section(volume, number), govinfo_usc_section(volume, number)
    if family == "cfr":
        assert volume is not None
        return (lii_cfr_section(volume, number),)
    if family == "cfr_part":
        assert volume is not None
        return (lii_cfr_part(volume, number),)
    if family == "executive_order":
        return (federal_register_executive_order(number),)
    if family == "fed_reg":
        assert volume is not None
        return (federal_register_citation(volume, number),)
    # GovInfo holds public laws from the 104th Congress and Statutes at Large volumes 65-125.
    if family == "pub_law":
        assert volume is not None
        return (govinfo_public_law(volume, number),) if volume >= 104 else ()
    if family == "stat":
        assert volume is not None
        return (govinfo_statutes(volume, number),) if 65 <= volume <= 125 else ()
    return ()
