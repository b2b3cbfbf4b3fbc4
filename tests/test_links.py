"""One test per URL pattern; patterns and their documentation are listed in docs/links.md."""

from __future__ import annotations

import pytest

from legal_annot.catalog import links
from legal_annot.catalog.citations import parse_citation

CASES = [
    (links.lii_usc_section(18, "371"), "https://www.law.cornell.edu/uscode/text/18/371"),
    (links.lii_cfr_section(8, "287.7"), "https://www.law.cornell.edu/cfr/text/8/287.7"),
    (links.lii_cfr_part(28, "50"), "https://www.law.cornell.edu/cfr/text/28/part-50"),
    (links.lii_constitution_article(6), "https://www.law.cornell.edu/constitution/articlevi"),
    (links.lii_constitution_amendment(1), "https://www.law.cornell.edu/constitution/first_amendment"),
    (links.lii_constitution_amendment(14), "https://www.law.cornell.edu/constitution/amendmentxiv"),
    (links.conan_article(6, clause=2), "https://constitution.congress.gov/browse/article-6/clause-2/"),
    (links.conan_article(1, 8, 3), "https://constitution.congress.gov/browse/article-1/section-8/clause-3/"),
    (links.conan_amendment(14, 1), "https://constitution.congress.gov/browse/amendment-14/section-1/"),
    (links.conan_amendment(10), "https://constitution.congress.gov/browse/amendment-10/"),
    (links.courtlistener_citation(521, "U.S.", "898"), "https://www.courtlistener.com/c/U.S./521/898/"),
    (links.courtlistener_search("Moore v. Harper"), "https://www.courtlistener.com/?q=Moore+v.+Harper"),
    (links.justia_us_reports(521, "898"), "https://supreme.justia.com/cases/federal/us/521/898/"),
    (links.federal_register_citation(90, "8443"), "https://www.federalregister.gov/citation/90-FR-8443"),
    (links.federal_register_executive_order("14159"), "https://www.federalregister.gov/executive-order/14159"),
    (links.govinfo_public_law(104, "208"), "https://www.govinfo.gov/link/plaw/104/public/208"),
    (links.govinfo_statutes(110, "3009"), "https://www.govinfo.gov/link/statute/110/3009"),
]


@pytest.mark.parametrize(("link", "url"), CASES, ids=[c[1] for c in CASES])
def test_pattern(link, url) -> None:
    assert link.url == url
    assert link.label


@pytest.mark.parametrize(("citation", "first_url"), [
    ("U.S. Const. art. VI, cl. 2", "https://constitution.congress.gov/browse/article-6/clause-2/"),
    ("U.S. Const. art. I, § 8, cl. 3", "https://constitution.congress.gov/browse/article-1/section-8/clause-3/"),
    ("U.S. Const. amend. XIV, § 1", "https://constitution.congress.gov/browse/amendment-14/section-1/"),
    ("521 U.S. 898", "https://www.courtlistener.com/c/U.S./521/898/"),
    ("8 U.S.C. § 1324(a)(1)(A)(iii)", "https://www.law.cornell.edu/uscode/text/8/1324"),
    ("28 C.F.R. Part 50", "https://www.law.cornell.edu/cfr/text/28/part-50"),
    ("Exec. Order No. 14,159", "https://www.federalregister.gov/executive-order/14159"),
    ("Pub. L. No. 104-208", "https://www.govinfo.gov/link/plaw/104/public/208"),
])
def test_links_for_citation(citation: str, first_url: str) -> None:
    assert links.links_for(parse_citation(citation))[0].url == first_url


def test_unparseable_citation_names_the_expected_forms() -> None:
    with pytest.raises(ValueError, match="expected a form such as"):
        parse_citation("Art. 6 of the thing")
