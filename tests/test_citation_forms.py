"""Citation forms as reporters and prosecutors write them: lists of full citations, the Cornell
LII page-title form, title-and-section wordings, Public Law abbreviations, comma-grouped order
numbers, title-less cites resolved through a crime named just before, and kept pinpoints."""

from __future__ import annotations

import pytest

import legal_annot
from legal_annot.detect.statutes import FORMS
from legal_annot.models import Kind


def cites(text: str) -> list[tuple[str, str | None, str | None]]:
    """(span, authority citation, pinpoint citation) of every statute or order citation."""
    return [(a.text, a.authority.citation if a.authority else None, a.citation)
            for a in legal_annot.annotate(text) if a.matched_by == "citation"]


@pytest.mark.parametrize("text, expected", [
    ("Charges under 18 U.S.C. § 1512 and 42 U.S.C. § 1983 were filed.",
     ["18 U.S.C. § 1512", "42 U.S.C. § 1983"]),
    ("She cited 18 U.S.C. § 1001, 8 U.S.C. § 1324 in her brief.", ["18 U.S.C. § 1001", "8 U.S.C. § 1324"]),
    ("Either 18 USC 371 or 52 USC 10101 applies.", ["18 U.S.C. § 371", "52 U.S.C. § 10101"]),
    ("See 18 U.S.C. § 1512 & 28 C.F.R. § 50.10.", ["18 U.S.C. § 1512", "28 C.F.R. § 50.10"]),
])
def test_a_number_before_a_code_name_starts_a_new_citation(text: str, expected: list[str]) -> None:
    assert [c for _, _, c in cites(text)] == expected


def test_a_list_of_sections_of_one_title_still_shares_the_title() -> None:
    assert [c for _, _, c in cites("Counts under 18 U.S.C. §§ 1512(c)(2), 1505 and 1001.")] == [
        "18 U.S.C. § 1512(c)(2)", "18 U.S.C. § 1505", "18 U.S.C. § 1001"]


def test_a_bare_subsection_after_a_list_is_not_a_section() -> None:
    found = cites("Under 21 U.S.C. § 841(a), (b)(1), the maximum depends on the drug.")
    assert [c for _, _, c in found] == ["21 U.S.C. § 841(a)"]


@pytest.mark.parametrize("text, expected", [
    ("They were charged under sections 1512 and 1505 of title 18.", ["18 U.S.C. § 1512", "18 U.S.C. § 1505"]),
    ("It violates sections 1324, 1325 or 1326 of title 8, United States Code.",
     ["8 U.S.C. § 1324", "8 U.S.C. § 1325", "8 U.S.C. § 1326"]),
    ("The count rests on section 1324 of title 8.", ["8 U.S.C. § 1324"]),
])
def test_sections_of_a_title(text: str, expected: list[str]) -> None:
    assert [c for _, _, c in cites(text)] == expected


def test_section_of_this_title_takes_the_title_cited_before() -> None:
    found = cites("Under 8 U.S.C. 1326 an alien excluded under section 1182(a)(3)(B) of this title faces more.")
    assert [c for _, _, c in found] == ["8 U.S.C. § 1326", "8 U.S.C. § 1182(a)(3)(B)"]
    assert cites("An alien excluded under section 1182 of this title faces more.") == []


@pytest.mark.parametrize("text, pinpoint, authority", [
    ("Wire fraud falls under 18 U.S. Code § 1343.", "18 U.S.C. § 1343", "18 U.S.C. § 1343"),
    ("Tax evasion is 26 U.S. Code Section 7201.", "26 U.S.C. § 7201", "26 U.S.C. § 7201"),
    ("Harboring is 8 U.S. Code § 1324(a)(1)(A)(iii).", "8 U.S.C. § 1324(a)(1)(A)(iii)", "8 U.S.C. § 1324"),
    ("He relied on 10 US Code 12406 alone.", "10 U.S.C. § 12406", "10 U.S.C. § 12406"),
])
def test_cornell_page_title_form(text: str, pinpoint: str, authority: str) -> None:
    ((_, found_authority, found_pinpoint),) = cites(text)
    assert (found_pinpoint, found_authority) == (pinpoint, authority)


@pytest.mark.parametrize("text, pinpoint", [
    ("He pleaded to Title 21, Section 841(a), of the U.S. Code.", "21 U.S.C. § 841(a)"),
    ("She was charged under Section 1343 of Title 18 of the United States Code.", "18 U.S.C. § 1343"),
    ("The count cites title 18, United States Code, section 1512(c).", "18 U.S.C. § 1512(c)"),
])
def test_title_and_section_in_words(text: str, pinpoint: str) -> None:
    assert [c for _, _, c in cites(text)] == [pinpoint]


@pytest.mark.parametrize("text, pinpoint", [
    ("The land law, P.L. 94-579, set the rules.", "Pub. L. No. 94-579"),
    ("The tax law (PL 115-97) cut rates.", "Pub. L. No. 115-97"),
    ("The act, Pub. L. No. 115-97, passed.", "Pub. L. No. 115-97"),
])
def test_public_law_abbreviations(text: str, pinpoint: str) -> None:
    assert [c for _, _, c in cites(text)] == [pinpoint]


def test_a_pl_prefix_needs_a_plausible_congress() -> None:
    assert cites("The league table lists PL 300-12 as a fixture.") == []


@pytest.mark.parametrize("text", [
    "Exec. Order No. 14,159, signed in January, applies.",
    "Executive Order 14,159; it was signed in January.",
    "Under Exec. Order No. 14,159, agencies must act.",
])
def test_comma_grouped_order_numbers_before_punctuation(text: str) -> None:
    found = [a for a in legal_annot.annotate(text) if a.kind is Kind.EXECUTIVE_ORDER]
    assert [a.authority.citation for a in found] == ["Exec. Order No. 14159"]


def test_a_comma_grouped_number_running_on_is_not_an_order() -> None:
    assert cites("Executive Order 14,159,000 is not a number anyone uses.") == []


def test_pinpoints_are_kept_beside_the_section() -> None:
    ((span, authority, pinpoint),) = cites("He was charged under 16 U.S.C. § 1538(a)(1)(B) last week.")
    assert span == "16 U.S.C. § 1538(a)(1)(B)"
    assert pinpoint == "16 U.S.C. § 1538(a)(1)(B)"
    assert authority == "16 U.S.C. § 1538"  # built for the section, never for the folded "(b)"
    ((_, authority, pinpoint),) = cites("He was charged under 18 U.S.C. § 924(c)(1)(A) last week.")
    assert (authority, pinpoint) == ("18 U.S.C. § 924(c)", "18 U.S.C. § 924(c)(1)(A)")  # the catalog's subsection


def test_pinpoint_travels_through_json_and_web_annotations() -> None:
    result = legal_annot.annotate("See 8 U.S.C. § 1324(a)(1)(A)(iv).")
    assert legal_annot.Result.from_json(result.to_json()).annotations[0].citation == "8 U.S.C. § 1324(a)(1)(A)(iv)"
    bodies = result.to_web_annotations()[0]["body"]
    assert {"type": "TextualBody", "purpose": "identifying", "value": "8 U.S.C. § 1324(a)(1)(A)(iv)",
            "format": "text/plain"} in bodies


@pytest.mark.parametrize("text, pinpoint", [
    ("Wire fraud is defined in USC 1343.", "18 U.S.C. § 1343"),
    ("Treason is defined in USC 2381.", "18 U.S.C. § 2381"),
    ("Wire fraud, § 1343, is a common charge.", "18 U.S.C. § 1343"),
])
def test_title_less_cite_takes_the_title_of_the_crime_named_before(text: str, pinpoint: str) -> None:
    assert [c for _, _, c in cites(text)] == [pinpoint]


@pytest.mark.parametrize("text", [
    "He cited USC 1343 in a letter.",  # no crime named
    "Wire fraud is common. The memo cites USC 1343.",  # named in another sentence
    "Wire fraud is defined in USC 1621.",  # the named crime sits at another section
])
def test_title_less_cite_without_its_crime_is_left_alone(text: str) -> None:
    assert cites(text) == []


def test_every_form_is_one_record_with_a_kind() -> None:
    names = [form.name for form in FORMS]
    assert len(names) == len(set(names))
    assert all(isinstance(form.kind, Kind) and callable(form.read) for form in FORMS)


@pytest.mark.parametrize("text, expected", [
    ("He was charged under 18 U.S.C. § 1030 and 16 U.S.C. § 1538.", ["18 U.S.C. § 1030", "16 U.S.C. § 1538"]),
    ("Counts cite 18 U.S.C. § 1030, 16 U.S.C. § 1538(a)(1)(B), and 8 U.S.C. § 1324.",
     ["18 U.S.C. § 1030", "16 U.S.C. § 1538(a)(1)(B)", "8 U.S.C. § 1324"]),
    ("Either 18 U.S.C. § 1030, or 16 USC 1538 applies.", ["18 U.S.C. § 1030", "16 U.S.C. § 1538"]),
    ("It violated 18 U.S.C. § 1030 as well as 16 U.S.C. § 1538.", ["18 U.S.C. § 1030", "16 U.S.C. § 1538"]),
    ("Counts under 18 U.S.C. §§ 1030 and 1343, and 16 U.S.C. § 1538 remain.",
     ["18 U.S.C. § 1030", "18 U.S.C. § 1343", "16 U.S.C. § 1538"]),
])
def test_a_list_of_full_citations_keeps_each_title(text: str, expected: list[str]) -> None:
    assert [c for _, _, c in cites(text)] == expected


@pytest.mark.parametrize("text, expected", [
    ("He was charged under 18 U.S.C. §§ 1512 and 1505.", ["18 U.S.C. § 1512", "18 U.S.C. § 1505"]),
    ("He was charged under 18 U.S.C. §§ 1512, 1505, and 1519.",
     ["18 U.S.C. § 1512", "18 U.S.C. § 1505", "18 U.S.C. § 1519"]),
    ("He was charged under 18 U.S.C. §§ 1512, 1505, or 1519.",
     ["18 U.S.C. § 1512", "18 U.S.C. § 1505", "18 U.S.C. § 1519"]),
])
def test_a_list_of_one_title_with_or_without_a_serial_comma(text: str, expected: list[str]) -> None:
    assert [c for _, _, c in cites(text)] == expected


@pytest.mark.parametrize("text", [
    "He was charged under 18 U.S.C. § 1512, and 42 people were charged with him.",
    "The count under 18 U.S.C. § 1512 and 20 years in prison were discussed.",
])
def test_a_quantity_after_a_citation_is_not_another_section(text: str) -> None:
    assert [c for _, _, c in cites(text)] == ["18 U.S.C. § 1512"]
