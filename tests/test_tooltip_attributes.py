"""The explanation travels in aria-description (read by screen readers and by the stylesheet's
tooltip); a native ``title`` (a second tooltip over the CSS one) only when a host asks for it."""

from __future__ import annotations

import re

import pytest
from markdown_it import MarkdownIt

import legal_annot
from legal_annot import HtmlOptions
from legal_annot.markdown import markdown_it_plugin
from legal_annot.render.elements import tooltip

TEXT = "Officers claimed qualified immunity under Printz v. United States and the Supremacy Clause."
TITLED = HtmlOptions(native_title=True)


def attributes(html: str, name: str) -> list[str]:
    return re.findall(rf'\s{name}="([^"]*)"', html)


def renderings(options: HtmlOptions | None) -> dict[str, str]:
    result = legal_annot.annotate(TEXT)
    return {
        "to_html": result.to_html(options),
        "annotate_html": legal_annot.annotate_html(f"<p>{TEXT}</p>", options=options),
        "annotate_markdown (spans)": legal_annot.annotate_markdown(TEXT, options=options),
        "annotate_markdown (raw links)": legal_annot.annotate_markdown(
            TEXT, options=HtmlOptions(link_target="_blank", native_title=bool(options and options.native_title))),
        "markdown-it plugin": MarkdownIt().use(markdown_it_plugin, options=options).render(TEXT),
    }


@pytest.mark.parametrize("where", list(renderings(None)))
def test_by_default_no_title_and_every_element_is_described(where: str) -> None:
    html = renderings(None)[where]
    described = attributes(html, "aria-description")
    assert described and all(described)
    assert attributes(html, "title") == []


@pytest.mark.parametrize("where", list(renderings(None)))
def test_native_title_opt_in_adds_the_same_text_as_title(where: str) -> None:
    html = renderings(TITLED)[where]
    assert attributes(html, "title") == attributes(html, "aria-description") != []


def test_the_description_is_the_tooltip_text_escaped() -> None:
    result = legal_annot.annotate(TEXT)
    html = result.to_html()
    assert attributes(html, "aria-description")[0] == tooltip(result[0]).replace('"', "&quot;").replace("'", "&#x27;")


def test_markdown_links_keep_their_link_title() -> None:
    # A Markdown link's title is Markdown's own syntax (no stylesheet can reach it): left as it was.
    out = legal_annot.annotate_markdown("The Supremacy Clause applies.")
    assert re.search(r'\]\(<https://[^>]+> "Supremacy Clause', out)


def test_the_stylesheet_reads_aria_description_and_never_title() -> None:
    css = legal_annot.stylesheet()
    assert "attr(aria-description)" in css and "attr(title)" not in css
    assert '.legal-annot[aria-description]:hover::after' in css


@pytest.mark.parametrize("value", ["yes", 1, None])
def test_native_title_must_be_a_bool(value: object) -> None:
    with pytest.raises(TypeError, match="native_title"):
        HtmlOptions(native_title=value)  # type: ignore[arg-type]


def test_markdown_hosts_take_native_title_from_their_config() -> None:
    markdown = pytest.importorskip("markdown")
    plain = markdown.markdown(TEXT, extensions=["legal_annot.markdown"])
    titled = markdown.markdown(TEXT, extensions=["legal_annot.markdown"],
                               extension_configs={"legal_annot.markdown": {"native_title": True}})
    assert attributes(plain, "title") == [] and attributes(plain, "aria-description")
    assert attributes(titled, "title") == attributes(titled, "aria-description") != []
    rendered = MarkdownIt().use(markdown_it_plugin, native_title=True).render(TEXT)
    assert attributes(rendered, "title") == attributes(rendered, "aria-description") != []
    with pytest.raises(TypeError, match="native_title"):
        MarkdownIt().use(markdown_it_plugin, native_title="sometimes")
