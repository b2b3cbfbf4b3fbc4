"""Publishing outputs: HTML rendering, annotate_html on real-world-shaped markup, Markdown, JSON
(round trip and schema) and W3C Web Annotations."""

from __future__ import annotations

import json
from pathlib import Path
from xml.etree import ElementTree

import html5lib
import jsonschema
import pytest

import legal_annot
from legal_annot import HtmlOptions, Result

DATA = Path(__file__).parent / "data"
SCHEMA = json.loads((Path(__file__).parent.parent / "docs" / "schema" / "result-v1.schema.json").read_text())
ARTICLE = (DATA / "article.html").read_text(encoding="utf-8")
XHTML = "{http://www.w3.org/1999/xhtml}"


def parse(html: str) -> ElementTree.Element:
    return html5lib.parse(html)


def visible_text(html: str) -> str:
    return "".join(parse(html).itertext())


def without_annotations(element: ElementTree.Element) -> list:
    """The tree as nested (tag, attributes, text, children, tail) with annotation elements unwrapped."""
    out: list = []
    text = element.text or ""

    def add_text(value: str) -> None:
        if out and isinstance(out[-1], str):
            out[-1] += value
        elif value:
            out.append(value)

    add_text(text)
    for child in element:
        if "legal-annot" in (child.get("class") or "").split():
            for part in without_annotations(child):
                if isinstance(part, str):
                    add_text(part)
                else:
                    out.append(part)
        else:
            out.append((child.tag, dict(child.attrib), without_annotations(child)))
        add_text(child.tail or "")
    return out


def annotation_elements(html: str) -> list[ElementTree.Element]:
    return [e for e in parse(html).iter() if "legal-annot" in (e.get("class") or "").split()]


class TestAnnotateHtml:
    def test_only_elements_are_added(self) -> None:
        out = legal_annot.annotate_html(ARTICLE)
        assert visible_text(out) == visible_text(ARTICLE)
        assert without_annotations(parse(out)) == without_annotations(parse(ARTICLE))
        assert len(annotation_elements(out)) >= 8

    def test_bytes_outside_the_inserted_elements_are_kept(self) -> None:
        out = legal_annot.annotate_html(ARTICLE)
        assert "&#8217;" in out and "&nbsp;" in out and "&amp;T" in out and "&mdash;" in out

    def test_split_reference_is_wrapped_whole(self) -> None:
        out = legal_annot.annotate_html("<p>See <em>Printz</em> v. United States today.</p>")
        (element,) = annotation_elements(out)
        assert "".join(element.itertext()) == "Printz v. United States"
        assert element.find(f"{XHTML}em") is not None

    def test_never_inside_excluded_elements(self) -> None:
        out = legal_annot.annotate_html(ARTICLE)
        for element in annotation_elements(out):
            assert element.text is None or "inside pre" not in element.text
        tree = parse(out)
        for tag in ("a", "code", "pre", "textarea", "script", "style", "title"):
            for container in tree.iter(f"{XHTML}{tag}"):
                inner = [e for e in container.iter() if "legal-annot" in (e.get("class") or "").split()]
                assert inner == [] or (tag == "a" and container in inner), tag

    def test_caller_can_exclude_more(self) -> None:
        out = legal_annot.annotate_html("<p><span class='q'>Supremacy Clause</span></p><blockquote>Tenth Amendment</blockquote>",
                                        exclude=["blockquote"])
        assert [("".join(e.itertext())) for e in annotation_elements(out)] == ["Supremacy Clause"]

    def test_idempotent(self) -> None:
        once = legal_annot.annotate_html(ARTICLE)
        assert legal_annot.annotate_html(once) == once

    def test_entities_and_split_whitespace(self) -> None:
        out = legal_annot.annotate_html("<p>Agents cited 8&nbsp;U.S.C. §&nbsp;1324 and the Citizenship\n Clause.</p>")
        texts = ["".join(e.itertext()) for e in annotation_elements(out)]
        assert texts == ["8\xa0U.S.C. §\xa01324", "Citizenship\n Clause"]

    def test_blocks_are_not_bridged(self) -> None:
        assert annotation_elements(legal_annot.annotate_html("<p>Supremacy</p><p>Clause</p>")) == []

    @pytest.mark.parametrize("fragment", [
        "<p>Unclosed <b>Supremacy Clause", "<div><p>Tenth Amendment</div>", "</b>Printz v. United States<i>",
        "<p>a<!-- Supremacy Clause -->b</p>", "<![CDATA[Tenth Amendment]]>", "",
        "<p>" + "<b>" * 300 + "Supremacy Clause" + "</b>" * 300 + "</p>",
    ])
    def test_broken_markup_is_safe(self, fragment: str) -> None:
        out = legal_annot.annotate_html(fragment)
        assert visible_text(out) == visible_text(fragment)

    def test_type_error(self) -> None:
        with pytest.raises(TypeError):
            legal_annot.annotate_html(b"<p>x</p>")


class TestToHtml:
    def test_text_is_escaped_and_annotations_carry_their_data(self) -> None:
        result = legal_annot.annotate("<script>alert(1)</script> & the Supremacy Clause")
        html = result.to_html()
        assert "<script>" not in html and "&lt;script&gt;" in html
        (element,) = annotation_elements(html)
        assert element.get("href", "").startswith("https://constitution.congress.gov/")
        assert element.get("data-authority") == "const.art6.cl2"
        assert element.get("data-kind") == "constitution" and element.get("aria-description")
        assert element.get("title") is None  # no native tooltip over the stylesheet's by default
        assert visible_text(html) == result.text

    def test_nested_description_becomes_a_span_around_links(self) -> None:
        text = "Critics said Washington cannot force Printz v. United States style county sheriffs to carry out its plans."
        result = legal_annot.annotate(text)
        html = result.to_html()
        assert visible_text(html) == text
        assert parse(html) is not None

    def test_options(self) -> None:
        options = HtmlOptions(class_name="law", link_target="_blank", extra_attributes=(("data-src", "a\"b"),))
        html = legal_annot.annotate("the Supremacy Clause").to_html(options)
        assert 'class="law law--constitution"' in html and 'target="_blank"' in html
        assert 'data-src="a&quot;b"' in html


class TestMarkdown:
    TEXT = ("The sheriff cited Printz v. United States.\n\n`18 U.S.C. § 371` is code, see "
            "[the Tenth Amendment](http://example.org) or https://example.org/Supremacy-Clause.\n\n"
            "    Supremacy Clause in an indented block\n\n```\nTenth Amendment in a fence\n```\n\n"
            "The Supremacy Clause [matters] <b>bold</b>.")

    def test_links_are_added_outside_protected_regions(self) -> None:
        out = legal_annot.annotate_markdown(self.TEXT)
        assert "[Printz v. United States](<https://www.courtlistener.com/c/U.S./521/898/>" in out
        assert "The [Supremacy Clause](<https://constitution.congress.gov/browse/article-6/clause-2/>" in out
        for kept in ("`18 U.S.C. § 371`", "[the Tenth Amendment](http://example.org)",
                     "https://example.org/Supremacy-Clause.", "    Supremacy Clause in an indented block",
                     "Tenth Amendment in a fence", "<b>bold</b>"):
            assert kept in out

    def test_python_markdown_extension(self) -> None:
        markdown = pytest.importorskip("markdown")
        from legal_annot.render.markdown_plugins import LegalAnnotExtension

        html = markdown.markdown(self.TEXT, extensions=[LegalAnnotExtension()])
        texts = ["".join(e.itertext()) for e in annotation_elements(html)]
        assert "Printz v. United States" in texts and "Supremacy Clause" in texts
        assert "Tenth Amendment" not in texts

    def test_markdown_it_plugin(self) -> None:
        markdown_it = pytest.importorskip("markdown_it")
        from legal_annot.render.markdown_plugins import legal_annot_plugin

        html = markdown_it.MarkdownIt().use(legal_annot_plugin).render(self.TEXT)
        texts = ["".join(e.itertext()) for e in annotation_elements(html)]
        assert "Printz v. United States" in texts and "Tenth Amendment" not in texts


class TestJson:
    def test_round_trip_and_schema(self) -> None:
        from legal_annot.examples import example_article

        result = legal_annot.annotate(example_article() + " It carries up to five years in prison under 18 U.S.C. § 371.")
        data = json.loads(result.to_json())
        jsonschema.validate(data, SCHEMA)
        assert Result.from_json(result.to_json()) == result
        assert any(a["claim"] for a in data["annotations"])

    def test_other_versions_are_refused(self) -> None:
        with pytest.raises(legal_annot.LegalAnnotError):
            Result.from_json('{"version": 2, "text": "", "annotations": []}')

    def test_web_annotations(self) -> None:
        text = "Printz v. United States relied on the Tenth Amendment."
        result = legal_annot.annotate(text)
        notes = result.to_web_annotations("https://example.org/story")
        assert len(notes) == len(result)
        for note, ann in zip(notes, result):
            quote, position = note["target"]["selector"]
            assert quote["type"] == "TextQuoteSelector" and quote["exact"] == text[position["start"]:position["end"]]
            assert position["type"] == "TextPositionSelector" and (position["start"], position["end"]) == (ann.start, ann.end)
            assert note["target"]["source"] == "https://example.org/story"
            assert note["@context"] == "http://www.w3.org/ns/anno.jsonld"
