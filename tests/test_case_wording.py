"""Case references as news and briefs write them: name variants of catalog cases, a comma inside
a party, blank-page and short cites, parentheticals and dockets kept as fields."""

from __future__ import annotations

import pytest

import legal_annot
from legal_annot.detect.case_keys import case_key
from legal_annot.models import Kind


def cases(text: str) -> list[legal_annot.Annotation]:
    return [a for a in legal_annot.annotate(text) if a.kind is Kind.CASE]


@pytest.mark.parametrize("text, span, citation", [
    ("In Loper Bright Enterprises, Inc. v. Raimondo the Court overruled an old rule.",
     "Loper Bright Enterprises, Inc. v. Raimondo", "603 U.S. 369"),
    ("The court cited Chevron U.S.A. Inc. vs. Natural Resources Defense Council in its ruling.",
     "Chevron U.S.A. Inc. vs. Natural Resources Defense Council", "467 U.S. 837"),
    ("The justices decided Citizens United v FEC in 2010.", "Citizens United v FEC", "558 U.S. 310"),
])
def test_catalog_case_under_another_spelling(text: str, span: str, citation: str) -> None:
    (ann,) = cases(text)
    assert (ann.text, ann.authority.citation) == (span, citation)


def test_case_keys_ignore_suffixes_punctuation_and_the_form_of_v() -> None:
    assert case_key("Acme, Inc. v. Doe et al.") == case_key("Acme Inc vs Doe") == "acme v doe"
    assert case_key("Acme v. Doe") != case_key("Acme v. Roe")
    assert case_key("The Acme Company") == ""  # no "v.": not a case name


@pytest.mark.parametrize("text, span", [
    ("The suit, Relentless, Inc. v. Department of Commerce, was argued.", "Relentless, Inc. v. Department of Commerce"),
    ("The justices heard Acme Fisheries, Inc. v. Department of Commerce on Monday.",
     "Acme Fisheries, Inc. v. Department of Commerce"),
    ("The court ruled in Brightwater Holdings, LLC v. Smith last week.", "Brightwater Holdings, LLC v. Smith"),
])
def test_a_party_with_a_comma_before_its_suffix_is_kept_whole(text: str, span: str) -> None:
    assert [a.text for a in cases(text)] == [span]


def test_a_comma_before_an_ordinary_word_still_ends_the_party() -> None:
    assert [a.text for a in cases("After the hearing, Smith v. Jones went to the jury in court.")] == ["Smith v. Jones"]


def test_blank_page_cite_after_a_catalogued_name_is_that_case_without_the_leading_in() -> None:
    (ann,) = cases("In Trump v. United States, 603 U. S. ____ (2024), the Court found immunity.")
    assert ann.text.startswith("Trump v. United States")
    assert ann.authority.citation == "603 U.S. 593"


def test_short_cite_without_a_full_cite_finds_the_catalog_case_with_its_pin() -> None:
    (ann,) = cases("The ruling in Printz, 521 U.S. at 935, is often cited.")
    assert ann.text == "Printz, 521 U.S. at 935"
    assert ann.authority.name == "Printz v. United States"
    assert ann.case.pin == "935"
    assert "no full citation before it" in ann.note


def test_short_cite_that_matches_nothing_links_nothing() -> None:
    (ann,) = cases("The ruling in Smith, 521 U.S. at 935, is often cited.")
    assert ann.authority is None and not ann.candidates
    assert "could not be identified" in ann.note


def test_a_supra_with_nothing_before_it_gives_nothing() -> None:
    assert cases("See supra, at 3.") == []


def test_parenthetical_court_and_year_are_fields_and_in_the_span() -> None:
    (ann,) = cases("As the Court said in Printz v. United States, 521 U.S. 898, 935 (1997) (holding that the "
                   "federal government may not commandeer state officers). Later it was cited.")
    assert ann.text.endswith("commandeer state officers)")
    assert (ann.case.pin, ann.case.year, ann.case.court) == ("935", 1997, "scotus")
    assert ann.case.parenthetical.startswith("holding that")
    again = legal_annot.Result.from_json(legal_annot.annotate(ann.text).to_json())
    assert again.annotations[0].case == legal_annot.annotate(ann.text).annotations[0].case


@pytest.mark.parametrize("text, docket, court, year", [
    ("The state sued in Oregon v. Trump, No. 25-5678 (9th Cir. 2025), last month.", "25-5678", "9th Cir.", 2025),
    ("The state sued in Oregon v. Trump, No. 25-5678, last month.", "25-5678", None, None),
])
def test_docket_cite_after_a_name_is_one_annotation(text: str, docket: str, court: str | None, year: int | None) -> None:
    (ann,) = cases(text)
    assert ann.text.startswith("Oregon v. Trump, No. 25-5678")
    assert (ann.case.docket, ann.case.court, ann.case.year) == (docket, court, year)
    assert ann.authority.links[0].url.startswith("https://www.courtlistener.com/?q=")


def test_a_number_that_is_not_a_docket_is_left_out() -> None:
    (ann,) = cases("The court ruled in Oregon v. Trump. No. 5 on the list was another case.")
    assert ann.text == "Oregon v. Trump" and ann.case is None


def test_a_cited_name_starts_after_a_line_that_ended_before_it() -> None:
    text = ("It overturned Chevron U.S.A., Inc. v. Natural Resources Defense Council, Inc. (1984)\n"
            "Loper Bright Enterprises v. Raimondo, 603 U.S. ___ (2024), 144 S. Ct. 2244, is the landmark.")
    (cited,) = [a for a in cases(text) if a.matched_by == "citation"]
    assert cited.text == "Loper Bright Enterprises v. Raimondo, 603 U.S. ___ (2024), 144 S. Ct. 2244"
    assert (cited.authority.citation, cited.case.year) == ("603 U.S. 369", 2024)


def test_a_name_wrapped_across_lines_stays_whole() -> None:
    (ann,) = cases("The Court relied on Regents of Univ. of Cal. v.\nBakke, 438 U. S. 265, 307 (1978).")
    assert "v.\nBakke, 438 U. S. 265" in ann.text  # not cut at the line break inside the name


@pytest.mark.parametrize("name, same", [
    ("U.S. v. Jones", "United States v. Jones"),
    ("Relentless, Inc. v. U.S. Department of Commerce", "Relentless Inc v. Department of Commerce"),
])
def test_us_abbreviations_in_case_keys(name: str, same: str) -> None:
    assert case_key(name) == case_key(same)
    assert case_key("United States v. Jones") != case_key("United States Steel v. Jones")


@pytest.mark.parametrize("text, names", [
    ("The justices heard Gonzalez v. Google and Twitter v. Taamneh on the same day.",
     ["Gonzalez v. Google", "Twitter v. Taamneh"]),
    ("The court weighed Roe v. Wade, Casey v. Planned Parenthood and Dobbs v. Jackson Women's Health Organization.",
     ["Roe v. Wade", "Casey v. Planned Parenthood", "Dobbs v. Jackson Women's Health Organization"]),
    ("The opinion contrasted Brown v. Board or Plessy v. Ferguson at length.", ["Brown v. Board", "Plessy v. Ferguson"]),
    ("The judge relied on Smith v. City of Boston and State of Ohio v. Roe in the ruling.",
     ["Smith v. City of Boston", "State of Ohio v. Roe"]),
    ("The court cited Acme v. Beta & Gamma v. Delta in its ruling.", ["Acme v. Beta", "Gamma v. Delta"]),
])
def test_two_names_joined_by_a_conjunction_are_two_cases(text: str, names: list[str]) -> None:
    assert [a.text for a in cases(text)] == names


@pytest.mark.parametrize("text, names", [
    ("In Johnson & Johnson v. Smith, the court held the claim barred.", ["Johnson & Johnson v. Smith"]),
    ("The court cited Brown v. Board and Johnson & Johnson v. Smith in its ruling.",
     ["Brown v. Board", "Johnson & Johnson v. Smith"]),
    ("In Board of Regents and Trustees v. Doe, the court ruled for the school.", ["Board of Regents and Trustees v. Doe"]),
])
def test_a_party_with_and_or_ampersand_stays_whole_when_no_case_comes_before(text: str, names: list[str]) -> None:
    assert [a.text for a in cases(text)] == names


@pytest.mark.parametrize("text", [
    "Scott County Rams v. Lakeview Bears ended 21-14 on Friday night.",
    "Riverton Hawks v. Harbor City Mariners is the fixture of the year, and it sold out in an hour.",
    "Fans packed the stadium for the Tigers v. the Lions game.",
    "Brown Bears v. Scott County Rams kicks off the season on Saturday.",
    "Monroe County Foxes v. Pine City Larks went to overtime before the home side scored.",
])
def test_a_game_between_teams_is_not_a_case(text: str) -> None:
    assert cases(text) == []


@pytest.mark.parametrize("text, name", [
    ("In Scott County v. Rams Inc., the court held the contract void.", "Scott County v. Rams Inc."),
    ("The stadium lease fight, Scott County v. Rams Inc., went to the court of appeals.", "Scott County v. Rams Inc."),
    ("In a 6-3 decision in Smith v. Jones, the justices sided with the tenant.", "Smith v. Jones"),
])
def test_a_case_about_a_team_or_with_a_vote_count_is_still_a_case(text: str, name: str) -> None:
    assert [a.text for a in cases(text)] == [name]


def test_ordinary_sports_business_and_culture_prose_has_no_case_names() -> None:
    from prose_corpus import prose
    assert [a.text for a in cases(prose(min_bytes=60_000))] == []


@pytest.mark.parametrize("text", [
    "The Fifth Circuit ruled in United States v. Rahimi that the gun ban for people under restraining orders "
    "violated the Second Amendment.",
    "In United States v. Rahimi, the Fifth Circuit held that the firearm ban for people under domestic-violence "
    "restraining orders was unconstitutional.",
    "The Fifth Circuit's decision in United States v. Rahimi struck down the firearm ban for people under "
    "domestic-violence restraining orders.",
    "A three-judge panel in Plessy v. Ferguson ruled for the railway company.",
    "The Ninth Circuit decided Dobbs v. Jackson Women's Health Organization on abortion, the post said.",
])
def test_a_lower_court_named_as_the_decider_makes_the_supreme_court_entry_a_candidate(text: str) -> None:
    (ann,) = cases(text)
    assert ann.authority is None and ann.candidates and "lower court" in ann.note


@pytest.mark.parametrize("text, citation", [
    ("The Supreme Court reversed the Fifth Circuit in United States v. Rahimi, upholding the firearm ban for people "
     "under domestic-violence restraining orders.", "602 U.S. 680"),
    ("The Fifth Circuit, applying United States v. Rahimi, upheld the firearm ban under the Second Amendment.",
     "602 U.S. 680"),
    ("In United States v. Rahimi, the justices upheld the federal firearm ban for people under restraining orders.",
     "602 U.S. 680"),
    ("The district court relied on Plessy v. Ferguson to uphold the separate cars.", "163 U.S. 537"),
])
def test_a_lower_court_that_applies_a_case_or_a_named_supreme_court_keeps_the_link(text: str, citation: str) -> None:
    (ann,) = cases(text)
    assert ann.authority is not None and ann.authority.citation == citation


@pytest.mark.parametrize("text, name", [
    ("In People of the State of New York v. Margaret H. Sanger, the court upheld the conviction.",
     "People of the State of New York v. Margaret H. Sanger"),
    ("The court ruled in People of the State of Illinois ex rel. Madigan v. Peters last year.",
     "People of the State of Illinois ex rel. Madigan v. Peters"),
    ("The court ruled in People of the State of New York ex rel. Spitzer v. Grasso last year.",
     "People of the State of New York ex rel. Spitzer v. Grasso"),
    ("The jury in The People of the State of California v. Orenthal James Simpson returned a verdict.",
     "People of the State of California v. Orenthal James Simpson"),
])
def test_a_long_formal_party_name_is_kept_whole(text: str, name: str) -> None:
    assert [a.text for a in cases(text)] == [name]


def test_a_long_walk_back_still_starts_at_a_capitalised_word() -> None:
    assert [a.text for a in cases("The court ruled in the matter of the State of Ohio v. Smith last year.")] == [
        "State of Ohio v. Smith"]


@pytest.mark.parametrize("text, court", [
    ("The Second Circuit ruled in Ashcroft v. Iqbal that the complaint was enough.", "Second Circuit"),
    ("In Zwickler v. Koota, the district court held that the leaflet law was valid.", "district court"),
])
def test_a_name_a_lower_court_decided_is_not_the_supreme_court_decision_of_that_name(text: str, court: str) -> None:
    (ann,) = cases(text)
    assert ann.authority is not None and ann.authority.tier == "text" and ann.authority.citation is None
    assert ann.case is not None and ann.case.court == court and court in ann.note


def test_the_same_name_with_no_lower_court_is_the_supreme_court_decision() -> None:
    (ann,) = cases("The court ruled in Ashcroft v. Iqbal that the complaint fell short.")
    assert ann.authority is not None and ann.authority.citation == "556 U.S. 662"
