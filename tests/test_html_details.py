"""HTML details (issue 15 §2): footnote markers and soft hyphens, skipped page parts, a Result for
the visible text, and the shipped stylesheet."""

from __future__ import annotations

import html5lib
import pytest

import legal_annot


def kinds(html: str, **kwargs) -> list[str]:
    out = legal_annot.annotate_html(html, **kwargs)
    return [e.get("data-authority") for e in html5lib.parse(out, namespaceHTMLElements=False).iter()
            if "legal-annot" in (e.get("class") or "").split()]


@pytest.mark.parametrize("marker", ["<sup>1</sup>", "<sup>[2]</sup>", "<sup>*</sup>", "<sup>\u2020</sup>",
                                    '<sup class="fn"><a href="#n3">3</a></sup>'])
def test_footnote_marker_after_a_name(marker: str) -> None:
    assert kinds(f"<p>The Supremacy Clause{marker} governs.</p>") == ["const.art6.cl2"]


def test_superscript_that_is_not_a_marker_still_reads_as_text() -> None:
    assert kinds("<p>the 14<sup>th</sup> Amendment</p>") == kinds("<p>the 14th Amendment</p>")


@pytest.mark.parametrize("word", ["Supre&shy;macy", "Supre\u00admacy", "Su&#173;prem&shy;acy"])
def test_soft_hyphens_do_not_hide_a_name(word: str) -> None:
    html = f"<p>The {word} Clause governs.</p>"
    out = legal_annot.annotate_html(html)
    assert kinds(html) == ["const.art6.cl2"] and f">The " not in out.split("<a ")[1] and word in out


@pytest.mark.parametrize(("skip", "expected"), [
    ((), ["nav", "footer", "aside", "h2", "p"]), (("nav", "footer"), ["aside", "h2", "p"]),
    (("aside", "headings"), ["nav", "footer", "p"]),
])
def test_skip_page_parts(skip: tuple[str, ...], expected: list[str]) -> None:
    page = "".join(f"<{t}>The Supremacy Clause.</{t}>" for t in ("nav", "footer", "aside", "h2", "p"))
    out = legal_annot.annotate_html(page, skip=skip)
    root = html5lib.parse(out, namespaceHTMLElements=False)
    found = [e.tag for e in root.iter() if isinstance(e.tag, str) and any(c.get("data-kind") for c in e)]
    assert found == expected


def test_skip_defaults_to_navigation_and_footer() -> None:
    page = "<nav>The Supremacy Clause.</nav><p>The Supremacy Clause.</p><footer>The Supremacy Clause.</footer>"
    assert len(kinds(page)) == 1


def test_unknown_skip_part_is_refused() -> None:
    with pytest.raises(ValueError, match="skip"):
        legal_annot.annotate_html("<p>x</p>", skip=("sidebar",))


def test_visible_text_result() -> None:
    html = ("<html><head><title>Printz v. United States</title><style>p{}</style></head><body>"
            "<p>See <em>Printz</em> v. United States &amp; the Supre&shy;macy Clause<sup>1</sup>.</p>"
            "<script>var x = 'Tenth Amendment';</script><p><a href=x>Tenth Amendment</a></p></body></html>")
    result = legal_annot.annotate_html_text(html)
    assert result.text == "See Printz v. United States & the Supre\u00admacy Clause1.Tenth Amendment"
    assert [(a.text, a.authority.id) for a in result] == [
        ("Printz v. United States", "case.printz-v-united-states"), ("Supre\u00admacy Clause", "const.art6.cl2")]
    for a in result:
        assert result.text[a.start:a.end] == a.text


def test_visible_text_result_is_a_json_result() -> None:
    result = legal_annot.annotate_html_text("<p>The Tenth Amendment.</p>")
    assert legal_annot.Result.from_json(result.to_json()).text == "The Tenth Amendment."


def test_stylesheet_is_shipped_and_insertable() -> None:
    css = legal_annot.stylesheet()
    assert ".legal-annot--case" in css and "@media" in css and "a.legal-annot" not in css
    page = "<!DOCTYPE html><html><head><title>t</title></head><body><p>The Tenth Amendment.</p></body></html>"
    out = legal_annot.annotate_html(page, add_stylesheet=True)
    assert out.index(css) < out.index("</head>") and out.count(css) == 1
    assert legal_annot.annotate_html(out, add_stylesheet=True) == out  # idempotent
    assert css not in legal_annot.annotate_html("<p>The Tenth Amendment.</p>", add_stylesheet=True)


@pytest.mark.parametrize("first", [
    '<a href="https://example.org/printz">Printz v. United States</a>',
    '<a href="/cases/printz"><em>Printz v. United States</em></a>',
    '<A HREF="x">Printz v. United States</A>',
])
def test_a_name_inside_the_editors_own_link_counts_as_seen(first: str) -> None:
    html = f"<p>The sheriff cited {first} in her letter.</p><p>In Printz, the Court said officers cannot be drafted.</p>"
    out = legal_annot.annotate_html(html)
    assert out.count('data-authority="case.printz-v-united-states"') == 1  # the later short name only
    assert first in out  # the editor's link is untouched
    assert [a.text for a in legal_annot.annotate_html_text(html)] == ["Printz"]


def test_a_name_inside_code_is_not_seen_and_not_annotated() -> None:
    html = "<p>See <code>Printz v. United States</code>.</p><p>In Printz, the Court ruled.</p>"
    assert legal_annot.annotate_html(html) == html
