"""Hostile HTML (issue 17 §1, §2): annotate_html never creates markup a browser would run or show,
and inserts nothing where the text is not shown as prose outside links and code.

Input and output are parsed with html5lib (the browsers' parsing algorithm). The check: the
elements and attributes of the output are those of the input plus the library's own elements, and
none of those sits inside an author's link, code, or a raw-text element.
"""

from __future__ import annotations

from collections import Counter

import html5lib
import pytest
from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st

import legal_annot

REF = "Printz v. United States"
PAYLOAD = "<img src=x onerror=alert(1)>"
OURS = "legal-annot"
NO_TEXT_INSIDE = {"a", "code", "script", "style", "textarea", "title", "xmp", "plaintext", "noembed",
                  "noframes", "iframe", "pre", "template", "noscript"}


def tree(html: str):
    return html5lib.parse(html, namespaceHTMLElements=False)


def ours(element) -> bool:
    return OURS in (element.get("class") or "").split()


def elements(html: str, *, skip_ours: bool) -> Counter:
    """Every element html5lib builds, as (tag, attributes); the library's own left out if asked."""
    found = Counter()
    for element in tree(html).iter():
        if not isinstance(element.tag, str) or (skip_ours and ours(element)):
            continue
        found[(element.tag, tuple(sorted(element.attrib.items())))] += 1
    return found


def text_of(html: str) -> str:
    """All text the parser keeps, in document order: script and style contents, comments and the
    author's attribute values included."""
    out: list[str] = []
    todo: list = [("element", tree(html))]
    while todo:  # document order without recursion (deeply nested inputs)
        what, node = todo.pop()
        if what == "text":
            out.append(node)
            continue
        if isinstance(node.tag, str) and not ours(node):
            out.extend(f"{k}={v}" for k, v in sorted(node.attrib.items()))
        out.append(node.text or "")
        for child in reversed(list(node)):
            todo.append(("text", child.tail or ""))
            todo.append(("element", child))
    return "".join(out)


def inserted(html: str) -> list:
    return [e for e in tree(html).iter() if isinstance(e.tag, str) and ours(e)]


def assert_adds_only_safe_elements(html: str) -> str:
    out = legal_annot.annotate_html(html)
    assert elements(out, skip_ours=True) == elements(html, skip_ours=False), out
    assert text_of(out) == text_of(html), out  # nothing shown (or run) as text that was not there
    root = tree(out)
    parents = {child: parent for parent in root.iter() for child in parent}
    for element in inserted(out):
        node = parents.get(element)
        while node is not None:
            assert not (isinstance(node.tag, str) and node.tag in NO_TEXT_INSIDE and not ours(node)), (
                f"inserted inside <{node.tag}>: {out!r}")
            node = parents.get(node)
    return out


MUTATION = [
    f'<p>Hello</p title=">{REF} {PAYLOAD}">',
    f'<p>Hello</p title=\'>{REF} {PAYLOAD}\'>',
    f'<b\x00 title="x {REF} {PAYLOAD}">bold</b>',
    f'<p>x</p><p title="{REF} {PAYLOAD}',
    f"<p>x</p><p title='{REF} {PAYLOAD}",
    f'<p>x</p><div data-x={REF}>{REF}</div>',
    f'<p>x</p></div foo="{REF} {PAYLOAD}" >after</p>',
    f'<p a="1"b="{REF} {PAYLOAD}">t</p>',
    f'<p>x<!-- a -- >{REF} {PAYLOAD} --></p>',
    f'<p>x<!--->{REF}</p>',
    f'<p>x<?php {REF} {PAYLOAD} ?></p>',
    f'<p>x</p><svg><![CDATA[ > <p>{REF}]]></svg>',
    f'<p>x</p><math><mtext><style></math><p>{REF}</style></mtext></math>',
]

RAW_TEXT = [
    f"<script/>{REF}</script>",
    f"<style/>{REF}</style>",
    f"<textarea/>{REF}</textarea>",
    f"<title/>{REF}</title>",
    f"<script><!--<script></script>{REF}</script>",
    f"<xmp>{REF}</xmp>",
    f"<plaintext>{REF}",
    f"<noembed>{REF}</noembed>",
    f"<noframes>{REF}</noframes>",
    f"<iframe>{REF}</iframe>",
    f"<p>x<title>{REF}</title></p>",
]

AUTHOR_LINK_OR_CODE = [
    f"<a href=x/>{REF}",
    f"<p><a href=x>x</p><p>{REF}</p>",
    f"<div><code></div>{REF}",
    f"<p><a href=x><b>x</p><p>{REF}</p>",
]

NEAR_MISSES = [  # the same shapes, closed properly: here the reference is prose and is annotated
    f'<p>Hello</p><p title="x">{REF} today.</p>',
    f"<script></script><p>{REF} today.</p>",
    f"<style>p {{}}</style><p>{REF} today.</p>",
    f"<textarea></textarea><p>{REF} today.</p>",
    f"<p><a href=x>x</a></p><p>{REF} today.</p>",
    f"<div><code>c</code></div>{REF} today.",
    f"<p><a href=x>x</a></p>\r\n<p>{REF}\r\ntoday.</p>",
    f"<p><b>x</p><p>{REF} today.</p>",
    f"<table><tr><td><a href=x>x</td></tr></table><p>{REF} today.</p>",  # the cell ends the link
]


@pytest.mark.parametrize("html", MUTATION)
def test_no_markup_is_created(html: str) -> None:
    assert_adds_only_safe_elements(html)


@pytest.mark.parametrize("html", RAW_TEXT + AUTHOR_LINK_OR_CODE)
def test_nothing_inserted_where_text_is_not_prose(html: str) -> None:
    assert inserted(assert_adds_only_safe_elements(html)) == []


@pytest.mark.parametrize("html", NEAR_MISSES)
def test_prose_beside_the_same_shapes_is_annotated(html: str) -> None:
    out = assert_adds_only_safe_elements(html)
    assert [e.get("data-authority") for e in inserted(out)] == ["case.printz-v-united-states"], out


def test_bytes_outside_inserted_elements_kept_with_crlf() -> None:
    html = f"<p>One\r\nline</p>\r\n<p>{REF}\r\nand the Supremacy\r\nClause.</p>"
    out = legal_annot.annotate_html(html)
    import re

    assert re.sub(r'<(a|span) class="legal-annot[^>]*>|</(a|span)>', "", out) == html
    assert len(inserted(out)) == 2


# ----- property: random tag soup ----------------------------------------------------------------
PIECES = st.sampled_from([
    "<p>", "</p>", "<b>", "</b>", "<i>", "</i>", "<a href=x>", "</a>", "<code>", "</code>", "<div>", "</div>",
    "<script>", "</script>", "<style>", "</style>", "<textarea>", "</textarea>", "<title>", "</title>",
    "<script/>", "<xmp>", "</xmp>", "<svg>", "</svg>", "<math>", "</math>", "<table>", "<td>", "</table>",
    "<select>", "</select>", "<!--", "-->", "<![CDATA[", "]]>", "<!", "<?", ">", '"', "'", "=", "/", "\x00",
    " title=", " onclick=", "<img src=x onerror=y>", "</p title=\"", "<b title='", "&", "&amp;", "&shy;",
    "<sup>1</sup>", "\r\n", "\n\n", " ", REF, "Supremacy Clause", "18 U.S.C. § 371", "Tenth Amendment",
])


@seed(20261208)
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True)
@given(st.lists(PIECES, max_size=14))
def test_tag_soup_keeps_elements_and_attributes(pieces: list[str]) -> None:
    assert_adds_only_safe_elements("".join(pieces))


# ----- deep nesting (issue 17 §3): correct results; the timing lives in benchmarks/bench_html.py ----
@pytest.mark.parametrize("n", [10, 300, 3000])
def test_deep_formatting_then_stray_end_tags(n: int) -> None:
    out = assert_adds_only_safe_elements("<b>" * n + "<i>" + REF + "</i>" * n)
    assert len(inserted(out)) == 1


@pytest.mark.parametrize("n", [10, 3000])
def test_deep_blocks_then_stray_p_ends(n: int) -> None:
    html = "<div>" * n + "</p>" * n + f"<p>{REF} today.</p>"
    out = assert_adds_only_safe_elements(html)
    assert len(inserted(out)) == 1


def test_too_deep_to_be_sure_annotates_nothing_after() -> None:
    # past the search budget the reader stops annotating rather than guess where elements end
    html = f"<p>{REF} first.</p>" + "<svg>" + "<g>" * 2000 + "</x>" * 2000 + f"<p>{REF} later.</p>"
    out = assert_adds_only_safe_elements(html)
    assert len(inserted(out)) == 1
