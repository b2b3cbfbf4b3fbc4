"""An Act's sections as reporters write them: by the Act's own number or the code's, with a
pinpoint, or bare ("Section 252") right after the Act is named."""

from __future__ import annotations

import pytest

import legal_annot


def cited(text: str) -> list[tuple[str, str | None]]:
    return [(a.text, a.citation) for a in legal_annot.annotate(text) if a.matched_by == "citation"]


@pytest.mark.parametrize("text, expected", [
    ("The order relied on section 1704 of IEEPA.", [("section 1704 of IEEPA", "50 U.S.C. § 1704")]),
    ("The order relied on section 203 of the International Emergency Economic Powers Act.",
     [("section 203 of the International Emergency Economic Powers Act", "50 U.S.C. § 1702")]),
    ("He invoked section 1702(a) of IEEPA.", [("section 1702(a) of IEEPA", "50 U.S.C. § 1702(a)")]),
    ("The duties rest on Section 301 of the Trade Act of 1974.",
     [("Section 301 of the Trade Act of 1974", "19 U.S.C. § 2411")]),
    ("Officials weighed section 122 of the Trade Act of 1974 instead.",
     [("section 122 of the Trade Act of 1974", "19 U.S.C. § 2132")]),
])
def test_act_sections_by_the_acts_number_or_the_codes(text: str, expected: list) -> None:
    assert cited(text) == expected


def test_bare_sections_right_after_the_act_take_its_title() -> None:
    text = ("Trump has threatened to invoke the Insurrection Act. Section 252 lets the president use troops, "
            "and Section 251 needs a governor's request.")
    assert cited(text) == [("Section 252", "10 U.S.C. § 252"), ("Section 251", "10 U.S.C. § 251")]


@pytest.mark.parametrize("text", [
    "The Insurrection Act was discussed. Section 252 of the tax code was at issue.",  # "of" another law
    "The Insurrection Act came up. Then came sports. Then weather. Section 252 was a bus route.",  # too far
    "The Insurrection Act was discussed. Section 9 of the lease was at issue.",  # not a section of the Act
])
def test_bare_sections_elsewhere_are_left_alone(text: str) -> None:
    assert cited(text) == []
