"""The generated tiers: data files and provenance, Act names, case names and citations, section
headings, curated-wins merging, the nested-name guard and silence on ordinary prose."""

from __future__ import annotations

import gzip
from importlib import resources

import pytest
from prose_corpus import prose

from legal_annot import Annotator, Authority, Kind
from legal_annot.annotator import STAGES
from legal_annot.catalog.tiers import default_tiers, is_distinctive
from legal_annot.detect.generated import TierStage, act_phrases
from legal_annot.document import Mention

GENERATED = resources.files("legal_annot") / "catalog" / "generated"


def _found(annotator: Annotator, text: str) -> list[tuple[str, str, str]]:
    return [(a.text, a.authority.id if a.authority else a.candidates[0].id, a.authority.tier if a.authority else "")
            for a in annotator.annotate(text)]


@pytest.mark.parametrize("name", ["cases.tsv.gz", "sections.tsv.gz", "acts.tsv.gz"])
def test_data_files_record_source_date_and_licence(name: str) -> None:
    with gzip.open(GENERATED / name, "rt", encoding="utf-8") as handle:
        header = "".join(line for line in handle if line.startswith("#"))
    assert "Source:" in header and "Retrieved: 20" in header and "Licence:" in header


def test_counts_cover_the_tail() -> None:
    counts = default_tiers().counts()
    assert counts["cases"] > 8000 and counts["sections"] > 50000 and counts["acts"] > 4000
    assert counts["acts_matched"] < counts["acts"]  # the generic names are left out


@pytest.mark.parametrize("name, distinctive", [
    ("Relief Act", False), ("Reform Act", False), ("Tax Reform Act", False), ("Technical Corrections Act", False),
    ("Revenue Act of 1962", False),  # a year after one generic word is still an ordinary phrase
    ("FACE Act", False), ("CARES Act", False),  # one set of initials: several laws share them
    ("CHIPS Act of 2022", True), ("TAKE IT DOWN Act", True),
    ("Tax Reform Act of 1986", True), ("Stored Communications Act", True), ("21st Century Cures Act", True),
])
def test_generic_popular_names_are_excluded_by_rule(name: str, distinctive: bool) -> None:
    assert is_distinctive(name) is distinctive


@pytest.mark.parametrize("text, span, ident, shorter", [
    # a longer generated name holds a shorter curated one: the longer wins
    ("Agencies must follow the Modernizing Government Travel Act.", "Modernizing Government Travel Act",
     "act:modernizing-government-travel-act", "Travel Act"),
    ("Congress passed the Motor Vehicle Air Pollution Control Act in 1965.", "Motor Vehicle Air Pollution Control Act",
     "act:motor-vehicle-air-pollution-control-act", "Air Pollution Control Act"),
    ("Parks grew under the Congaree Swamp National Monument Expansion and Wilderness Act.",
     "Congaree Swamp National Monument Expansion and Wilderness Act",
     "act:congaree-swamp-national-monument-expansion-and-wilderness-act", "Wilderness Act"),
    ("The 21st Century Cures Act sped up drug approvals.", "21st Century Cures Act", "act:21st-century-cures-act", None),
    ("The Critical Infrastructure Information Act of 2002 protects shared data.",
     "Critical Infrastructure Information Act of 2002", "act:critical-infrastructure-information-act-of-2002", None),
])
def test_generated_act_names_match_as_written_longest_first(annotator: Annotator, text: str, span: str,
                                                            ident: str, shorter: str | None) -> None:
    found = _found(annotator, text)
    assert found == [(span, ident, "generated")]


def test_stored_communications_act_is_never_the_communications_act(annotator: Annotator) -> None:
    found = _found(annotator, "Prosecutors obtained the emails under the Stored Communications Act.")
    assert found == [("Stored Communications Act", "act.stored-communications-act", "curated")]


@pytest.mark.parametrize("text", [
    "The Texas Communications Act was debated in Austin.",  # unknown longer Act: not the 1934 Act
    "Lawmakers floated a Rural Broadband Communications Act last spring.",
    "The Relief Act passed the chamber.",  # generic name: ordinary phrase
    "She praised the stored communications act of kindness.",  # not capitalised as a name
])
def test_nested_and_generic_names_are_not_annotated(annotator: Annotator, text: str) -> None:
    found = _found(annotator, text)
    assert not [f for f in found if f[1] == "act.communications-act-1934" or f[2] == "generated"], found


@pytest.mark.parametrize("text", [
    "The FCC relied on Title II of the Communications Act.",
    "Many of the Communications Act's rules date from 1934.",
])
def test_catalogued_name_after_a_joiner_still_counts(annotator: Annotator, text: str) -> None:
    assert any(i == "act.communications-act-1934" for _, i, _ in _found(annotator, text))


def test_curated_name_wins_over_the_generated_entry(annotator: Annotator) -> None:
    found = _found(annotator, "The Homeland Security Act of 2002 created the department.")
    assert found == [("Homeland Security Act of 2002", "act.homeland-security-2002", "curated")]


def test_case_name_becomes_the_decision_with_its_short_form(annotator: Annotator) -> None:
    text = "The justices ruled in Bowman v. Monsanto Co. that seeds were covered. Later, in Bowman, they said more."
    result = annotator.annotate(text)
    cases = [a for a in result if a.kind is Kind.CASE]
    assert [a.text for a in cases] == ["Bowman v. Monsanto Co.", "Bowman"]
    authority = cases[0].authority
    assert authority.tier == "generated" and authority.citation == "569 U.S. 278" and authority.year == 2013
    assert "2013-05-13" in authority.summary and any("justia" in link.url for link in authority.links)
    assert cases[1].authority == authority


def test_case_name_with_a_shortened_second_party(annotator: Annotator) -> None:
    text = "The justices ruled in Federal Energy Administration v. Algonquin that the statute was valid."
    [case] = [a for a in annotator.annotate(text) if a.kind is Kind.CASE]
    assert case.authority.citation == "426 U.S. 548" and case.authority.tier == "generated"


def test_case_citation_becomes_the_decision(annotator: Annotator) -> None:
    result = annotator.annotate("See 569 U.S. 278 (2013).")
    assert result[0].authority.name == "Bowman v. Monsanto Company" and result[0].authority.tier == "generated"


@pytest.mark.parametrize("text, name, cite, year", [
    # decisions before the SCDB file's 1946 start come from the Library of Congress U.S. Reports records
    ("The Court struck down the jury law in Strauder v. West Virginia in 1880.", "Strauder v. West Virginia",
     "100 U.S. 303", 1880),
    ("In Hammer v. Dagenhart, the justices limited the commerce power.", "Hammer v. Dagenhart", "247 U.S. 251", 1918),
    ("The ruling in Munn v. Illinois upheld rate regulation of grain elevators.", "Munn v. Illinois", "94 U.S. 113",
     1877),
])
def test_decisions_before_1946_come_from_the_library_of_congress(annotator: Annotator, text: str, name: str,
                                                                  cite: str, year: int) -> None:
    [case] = [a for a in annotator.annotate(text) if a.kind is Kind.CASE]
    assert case.text == name and case.authority.tier == "generated"
    assert (case.authority.citation, case.authority.year) == (cite, year)
    assert case.authority.id.startswith("usrep:") and "Library of Congress" in case.authority.source


@pytest.mark.parametrize("cite, year", [("100 U.S. 303", 1880), ("14 U.S. 304", 1816), ("300 U.S. 1", 1937)])
def test_older_us_reports_citations_become_decisions(cite: str, year: int) -> None:
    row = default_tiers().case_by_cite(cite)
    assert row is not None and int(row.date) == year


def test_a_citation_both_sources_have_keeps_the_scdb_row() -> None:
    row = default_tiers().case_by_cite("569 U.S. 278")
    assert row is not None and row.date == "2013-05-13" and row.docket


def test_pennsylvania_cases_in_dallas_first_volume_are_not_supreme_court_decisions() -> None:
    assert default_tiers().case_by_cite("1 U.S. 1") is None


@pytest.mark.parametrize("text", [
    "Bowman v. Monsanto drew a crowd at the county fair's tug of war.",  # no legal context: no case at all
    "The court heard United States v. Jones again.",  # several decisions share the name: not decided
])
def test_case_names_without_a_single_decision_stay_unlinked(annotator: Annotator, text: str) -> None:
    assert not [a for a in annotator.annotate(text) if a.authority and a.authority.tier == "generated"]


def test_curated_case_wins_by_citation() -> None:
    annotator = Annotator()
    stage = TierStage(annotator.catalog)
    built = Authority(id="case-name:gideon", kind=Kind.CASE, name="Gideon v. Wainwright", tier="text")
    [mention] = stage.enrich(None, [Mention(0, 20, Kind.CASE, "case_name", (), (0.6,), authority=built)])  # type: ignore[arg-type]
    assert mention.entry_ids == ("case.gideon-v-wainwright",) and mention.authority is None


@pytest.mark.parametrize("text, name", [
    ("Poachers were charged under 16 U.S.C. § 1538.", "Prohibited acts"),
    ("The suit cites 42 U.S.C. § 1983(a).", None),  # curated: stays curated
])
def test_code_sections_get_their_heading(annotator: Annotator, text: str, name: str | None) -> None:
    [annotation] = annotator.annotate(text)
    if name is None:
        assert annotation.authority is None or annotation.authority.tier in ("curated",)
    else:
        assert annotation.authority.name == name and annotation.authority.tier == "generated"
        assert annotation.authority.citation == "16 U.S.C. § 1538"


def test_unknown_section_keeps_the_text_built_authority(annotator: Annotator) -> None:
    [annotation] = annotator.annotate("It cited 18 U.S.C. § 99999.")
    assert annotation.authority.tier == "text"


def test_act_phrases_stop_at_punctuation_and_leading_words() -> None:
    text = "Under the Stored Communications Act, and Section 215 of the USA PATRIOT Act."
    words = [[text[s:text.index(" ", s)] for s in p.starts] for p in act_phrases(text)]
    assert words == [["Stored", "Communications"], ["USA", "PATRIOT"]]


def test_tiers_stage_can_be_switched_off() -> None:
    annotator = Annotator(stages=[s for s in STAGES if s != "tiers"])
    assert not [a for a in annotator.annotate("Under the Stored Communications Act.") if a.authority
                and a.authority.tier == "generated"]


def test_ordinary_prose_gets_nothing_from_the_generated_tiers(annotator: Annotator) -> None:
    text = prose()
    assert len(text.encode("utf-8")) >= 200_000
    generated = [a.text for a in annotator.annotate(text) if a.authority and a.authority.tier == "generated"]
    assert generated == []
