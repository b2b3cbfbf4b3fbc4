"""Compare rendered Markdown before and after annotation: the trees may differ only by the
elements legal_annot adds (links to catalog URLs, and spans/abbrs carrying its class)."""

from __future__ import annotations

import html5lib

import legal_annot
from legal_annot.render.markdown_source import document_parser


def catalog_urls() -> frozenset[str]:
    return frozenset(link.url for authority in legal_annot.Catalog.default() for link in authority.links)


def render_markdown_it(text: str) -> str:
    return document_parser().render(text)


def render_python_markdown(text: str) -> str:
    import markdown

    return markdown.markdown(text, extensions=["tables", "footnotes", "fenced_code"])


def events(html: str, *, ours: frozenset[str] = frozenset(), squash: bool = False) -> list[tuple[str, ...]]:
    """A flat list of start/end/text events with our own elements left out and texts merged
    (``squash``: whitespace runs count as one space, and blank texts are dropped)."""
    out: list[tuple[str, ...]] = []

    def text(value: str | None) -> None:
        if not value:
            return
        if out and out[-1][0] == "text":
            out[-1] = ("text", out[-1][1] + value)
        else:
            out.append(("text", value))

    def walk(element) -> None:  # type: ignore[no-untyped-def]
        if not isinstance(element.tag, str):  # a comment
            out.append(("comment", element.text or ""))
            return
        tag = element.tag.rsplit("}", 1)[-1]
        classes = element.get("class", "").split()
        mine = (tag == "a" and element.get("href") in ours) or "legal-annot" in classes
        if not mine:
            out.append(("start", tag, repr(sorted(element.attrib.items()))))
        text(element.text)
        for child in element:
            walk(child)
            text(child.tail)
        if not mine:
            out.append(("end", tag))

    walk(html5lib.parse(html, namespaceHTMLElements=False))
    if squash:
        out = [("text", " ".join(e[1].split())) if e[0] == "text" else e for e in out]
        out = [e for e in out if e != ("text", "")]
    return out


def added_elements(html: str, ours: frozenset[str]) -> list[str]:
    """The texts of the elements legal_annot added."""
    found = []
    for element in html5lib.parse(html, namespaceHTMLElements=False).iter():
        if not isinstance(element.tag, str):
            continue
        if (element.tag == "a" and element.get("href") in ours) or "legal-annot" in element.get("class", "").split():
            found.append("".join(element.itertext()))
    return found


def hrefs(html: str) -> set[str]:
    return {e.get("href") for e in html5lib.parse(html, namespaceHTMLElements=False).iter() if e.tag == "a"}


def added_hrefs(before: str, after: str) -> frozenset[str]:
    """Link targets in ``after`` that ``before`` does not have (e.g. generated search links)."""
    return frozenset(hrefs(after) - hrefs(before))
