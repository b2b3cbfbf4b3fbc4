"""HtmlOptions refuses values that would inject markup or render nonsense (issue 17 §5), and
render_page never lets an element span a paragraph break."""

from __future__ import annotations

import html5lib
import pytest

import legal_annot
from legal_annot import HtmlOptions
from legal_annot.render.page import render_page

BAD = [
    ({"link_tag": "a onclick=alert(1)"}, "link_tag"),
    ({"link_tag": "script"}, "link_tag"),
    ({"plain_tag": "style"}, "plain_tag"),
    ({"link_tag": None}, "link_tag"),
    ({"plain_tag": ""}, "plain_tag"),
    ({"class_name": None}, "class_name"),
    ({"class_name": 'x" onclick="y'}, "class_name"),
    ({"class_name": ""}, "class_name"),
    ({"link_target": 3}, "link_target"),
    ({"extra_attributes": (("data-x",),)}, "extra_attributes"),
    ({"extra_attributes": ("data-x", "1")}, "extra_attributes"),
    ({"extra_attributes": (("on click", "1"),)}, "extra_attributes"),
    ({"extra_attributes": (("onclick", "alert(1)"),)}, "extra_attributes"),
    ({"extra_attributes": (("data-x", 1),)}, "extra_attributes"),
    ({"extra_attributes": "data-x=1"}, "extra_attributes"),
]


@pytest.mark.parametrize(("kwargs", "name"), BAD)
def test_bad_options_are_refused_naming_the_field(kwargs: dict, name: str) -> None:
    with pytest.raises((TypeError, ValueError), match=name):
        HtmlOptions(**kwargs)


@pytest.mark.parametrize("kwargs", [
    {"link_tag": "mark", "plain_tag": "abbr"}, {"class_name": "ref-note"}, {"link_target": "_blank"},
    {"extra_attributes": (("data-source", 'a "quoted" <value>'), ("aria-describedby", "x"))},
    {"extra_attributes": [["data-x", "1"]]},
])
def test_good_options_render(kwargs: dict) -> None:
    out = legal_annot.annotate("See Printz v. United States.").to_html(HtmlOptions(**kwargs))
    (element,) = [e for e in html5lib.parse(out, namespaceHTMLElements=False).iter() if e.get("data-kind")]
    if "extra_attributes" in kwargs:
        assert element.get(kwargs["extra_attributes"][0][0]) == kwargs["extra_attributes"][0][1]


@pytest.mark.parametrize("text", ["the First\n\nAmendment", "the First\n \nAmendment", "the Supremacy\r\n\r\nClause"])
def test_names_never_match_across_a_blank_line(text: str) -> None:
    assert [a.text for a in legal_annot.annotate(f"He cited {text} twice.")] == []


def test_names_across_one_line_break_still_match() -> None:
    assert [a.text for a in legal_annot.annotate("He cited the First\nAmendment twice.")] == ["First\nAmendment"]


def test_render_page_keeps_each_element_in_its_paragraph() -> None:
    result = legal_annot.Result("Intro\n\nThe Supremacy Clause and\n\nthe Tenth Amendment.", ())
    spanning = legal_annot.annotate("The Supremacy Clause and the Tenth Amendment.")
    # an annotation over the blank line (as a caller's own Result may hold) is left out
    crossing = legal_annot.Annotation(start=11, end=len(result.text) - 1, text=result.text[11:-1],
                                      kind=spanning[0].kind, authority=spanning[0].authority)
    inside = legal_annot.Annotation(start=11, end=27, text="Supremacy Clause", kind=spanning[0].kind,
                                    authority=spanning[0].authority)
    page = render_page(legal_annot.Result(result.text, (crossing, inside)), "t")
    for block in page.split("<p>")[1:]:
        assert block.count("<a ") + block.count("<span ") == block.count("</a>") + block.count("</span>")
    assert page.count('data-kind="constitution"') == 1
