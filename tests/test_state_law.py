"""State law: formal state citations come back with their jurisdiction (and a link where the
state publishes sections at a documented address); catalog entries may be state law."""

from __future__ import annotations

from pathlib import Path

import pytest

from legal_annot import Annotator, Catalog, CatalogError, Kind, Result

ENTRY = '''
[[authority]]
id = "user.state"
kind = "statute"
jurisdiction = "{jurisdiction}"
name = "Widget Licensing Law"
{citation}
summary = "A user's own state entry."
source = "https://example.org/checked"
{links}
examples = ["The Widget Licensing Law applies."]
'''


def _entry(tmp_path: Path, jurisdiction: str = "CA", citation: str = "", links: str = "") -> Path:
    path = tmp_path / "state.toml"
    path.write_text(ENTRY.format(jurisdiction=jurisdiction, citation=citation, links=links), encoding="utf-8")
    return path


@pytest.mark.parametrize("text, cited, state, url", [
    ("He was charged under Cal. Penal Code § 187 last week.", "Cal. Penal Code § 187", "CA",
     "https://leginfo.legislature.ca.gov/faces/codes_displaySection.xhtml?lawCode=PEN&sectionNum=187"),
    ("The statute, N.Y. Penal Law § 125.25, defines second-degree murder.", "N.Y. Penal Law § 125.25", "NY",
     "https://www.nysenate.gov/legislation/laws/PEN/125.25"),
    ("Her lawyers invoked Fla. Stat. § 776.012 at trial.", "Fla. Stat. § 776.012", "FL",
     "https://www.flsenate.gov/Laws/Statutes/2025/776.012"),
    ("The count was under Tex. Penal Code Ann. § 19.02, and Fla. Stat. § 776.012 was not.",
     "Tex. Penal Code Ann. § 19.02", "TX", "https://statutes.capitol.texas.gov/Docs/PE/htm/PE.19.htm#19.02"),
    ("Prosecutors cited Mass. Gen. Laws ch. 265, § 1 in the filing.", "Mass. Gen. Laws ch. 265, § 1", "MA", None),
    ("Prosecutors cited Ga. Code Ann. § 16-5-1 in the filing.", "Ga. Code Ann. § 16-5-1", "GA", None),
    # the state's name earlier in the same phrase must not hide the citation
    ("The judge blocked the Idaho Defense of Life Act (Idaho Code § 18-622) in part.", "Idaho Code § 18-622", "ID", None),
])
def test_state_citations_are_statutes_with_jurisdiction(annotator: Annotator, text: str, cited: str, state: str,
                                                        url: str | None) -> None:
    found = [a for a in annotator.annotate(text) if a.text == cited]
    assert found, [a.text for a in annotator.annotate(text)]
    authority = found[0].authority
    assert found[0].kind is Kind.STATUTE and authority.jurisdiction == state and authority.citation == cited
    assert [link.url for link in authority.links] == ([url] if url else [])
    assert text[found[0].start:found[0].end] == cited


@pytest.mark.parametrize("text", [
    "Cal. Penal Code violations rose, the report said.",  # no section
    "Ohio lawmakers met in Section 5 of the stadium.",  # no § at all
    "Tex. Mex. food trucks lined § street.",  # not a code
])
def test_state_near_misses(annotator: Annotator, text: str) -> None:
    assert not [a for a in annotator.annotate(text) if a.authority and a.authority.jurisdiction != "US"]


def test_federal_authorities_default_to_us(annotator: Annotator) -> None:
    [annotation] = annotator.annotate("He was charged under 18 U.S.C. § 371.")
    assert annotation.authority.jurisdiction == "US"


def test_state_citation_of_a_catalog_entry_carries_the_entry(annotator: Annotator) -> None:
    [annotation] = annotator.annotate("Police pointed to Cal. Gov't Code § 7284.6 in their policy.")
    assert annotation.authority.id == "state.ca.values-act" and annotation.authority.jurisdiction == "CA"


def test_state_entry_with_state_citation_loads_and_matches(tmp_path: Path) -> None:
    path = _entry(tmp_path, citation='citation = "Cal. Bus. & Prof. Code § 7000"')
    catalog = Catalog.default().extend(Catalog.from_files([path]))
    assert catalog["user.state"].jurisdiction == "CA"
    assert [a.authority.id for a in Annotator(catalog).annotate("The Widget Licensing Law applies.")] == ["user.state"]


def test_state_entry_with_links_only_loads(tmp_path: Path) -> None:
    path = _entry(tmp_path, "IL", links='links = [{label = "ILGA", url = "https://www.ilga.gov/"}]')
    assert Catalog.from_files([path])["user.state"].links[0].url == "https://www.ilga.gov/"


@pytest.mark.parametrize("jurisdiction, citation, links, message", [
    ("CA", 'citation = "Pub. L. No. 115-1"', "", "federal citation"),  # the docs' old mistake
    ("CA", 'citation = "N.Y. Penal Law § 125.25"', "", "not a citation of CA law"),
    ("CA", "", "", "or, when it has none, links"),
    ("", 'citation = "Cal. Penal Code § 187"', "", "is empty"),
])
def test_bad_state_entries_are_refused(tmp_path: Path, jurisdiction: str, citation: str, links: str,
                                       message: str) -> None:
    with pytest.raises(CatalogError, match=message):
        Catalog.from_files([_entry(tmp_path, jurisdiction, citation, links)])


def test_jurisdiction_and_tier_survive_json(annotator: Annotator) -> None:
    result = annotator.annotate("He was charged under Cal. Penal Code § 187 and 16 U.S.C. § 1538.")
    again = Result.from_json(result.to_json())
    assert [(a.authority.jurisdiction, a.authority.tier) for a in again] == [("CA", "text"), ("US", "generated")]
