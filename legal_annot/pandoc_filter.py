"""``legal-annot-pandoc``: a Pandoc JSON filter that links references to U.S. law.

    pandoc story.md --filter legal-annot-pandoc -o story.html   (or -o story.docx, .odt, .epub ...)

It reads Pandoc's JSON document on stdin and writes it back with each reference wrapped in a
``Link`` (class ``legal-annot``, the explanation as its title) or, when the authority has no link
(a doctrine, say), a ``Span`` with the same class and title. The whole document's prose is
annotated as one text, so short names and "this law" see what came before; each annotation is
then mapped back to the inline elements it covers: a reference across emphasis
(``*Printz* v. United States``) becomes one link around both. Code, math, raw markup, existing
links, images, citations and metadata (front matter) are never changed, so running it twice adds
nothing.

The JSON protocol is handled directly (it is plain JSON: blocks and inlines as ``{"t", "c"}``):
the filter needs each paragraph's inlines as one list with character offsets, which a walker of
single elements (pandocfilters, panflute) does not give, and no extra package is needed.

Options, as document metadata (``-M key=value`` or front matter): ``legal-annot-kinds`` ("case,
doctrine"), ``legal-annot-min-confidence`` (0 to 1), ``legal-annot-prefer-links`` ("justia,lii"),
``legal-annot-as-of`` (YYYY-MM-DD, the date the document speaks from).
"""

from __future__ import annotations

import json
import sys
from bisect import bisect_right
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from legal_annot.cli_documents import Settings, refine
from legal_annot.links_preference import parse_providers
from legal_annot.models import Annotation, Kind, Result
from legal_annot.render.elements import link_of, tooltip

Node = dict[str, Any]
OPAQUE = "\ufffc"  # stands for an element whose text is not prose (code, math, a link): nothing matches across it
CLASS = "legal-annot"
# Inline elements holding inlines, and where: the list is node["c"] or node["c"][1].
_CONTAINERS = {"Emph": None, "Strong": None, "Underline": None, "Strikeout": None, "Superscript": None,
               "Subscript": None, "SmallCaps": None, "Quoted": 1, "Span": 1}
_SKIP_BLOCKS = frozenset({"CodeBlock", "RawBlock", "HorizontalRule", "Null"})


def _children(node: Node) -> list[Node] | None:
    """The inline list inside a container element, or None for any other element (or our own span)."""
    if node.get("t") not in _CONTAINERS:
        return None
    where = _CONTAINERS[node["t"]]
    if where is None:
        return node["c"]
    if node["t"] == "Span" and CLASS in node["c"][0][1]:
        return None
    return node["c"][where]


class _Layout:
    """The document's prose as one string, with the character span of every inline element."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.size = 0
        self.spans: dict[int, list[tuple[int, int]]] = {}  # id(inline list) -> spans of its elements
        self.segments: list[tuple[int, int, list[Node]]] = []  # (start, end, top-level inline list)
        self.notes: list[list[Node]] = []

    def _add(self, text: str) -> None:
        self.parts.append(text)
        self.size += len(text)

    def _measure(self, inlines: list[Node]) -> None:
        spans = []
        for node in inlines:
            start, kind = self.size, node.get("t")
            if kind == "Str":
                self._add(node["c"])
            elif kind in ("Space", "SoftBreak"):
                self._add(" ")
            elif kind == "LineBreak":
                self._add("\n")
            elif (children := _children(node)) is not None:
                self._measure(children)
            else:
                if kind == "Note":
                    self.notes.append(node["c"])
                self._add(OPAQUE)
            spans.append((start, self.size))
        self.spans[id(inlines)] = spans

    def segment(self, inlines: list[Node]) -> None:
        """Add one run of prose (a paragraph, a heading, a line), then the footnotes it holds."""
        start = self.size
        self._measure(inlines)
        self.segments.append((start, self.size, inlines))
        self._add("\n\n")
        notes, self.notes = self.notes, []
        for blocks in notes:
            self.blocks(blocks)

    def blocks(self, value: Any) -> None:
        """Find the runs of prose in a block structure (any nesting: lists, quotes, tables, divs)."""
        if isinstance(value, list):
            for item in value:
                self.blocks(item)
        elif isinstance(value, dict) and "t" in value:
            kind = value["t"]
            if kind in ("Para", "Plain"):
                self.segment(value["c"])
            elif kind == "Header":
                self.segment(value["c"][2])
            elif kind == "LineBlock":
                for line in value["c"]:
                    self.segment(line)
            elif kind not in _SKIP_BLOCKS:
                self.blocks(value.get("c"))


def _attributes(ann: Annotation, *, title: bool) -> list[Any]:
    pairs = [["title", tooltip(ann)]] if title else []  # a link carries its title in its target
    if ann.authority is not None:
        pairs.append(["data-authority", ann.authority.id])
    return ["", [CLASS, f"{CLASS}--{ann.kind.value}"], pairs]


def _wrapper(ann: Annotation) -> Callable[[list[Node]], Node]:
    url = link_of(ann)
    if url is not None:
        return lambda inlines: {"t": "Link", "c": [_attributes(ann, title=False), inlines, [url, tooltip(ann)]]}
    return lambda inlines: {"t": "Span", "c": [_attributes(ann, title=True), inlines]}


def _wrap(layout: _Layout, inlines: list[Node], start: int, end: int, wrapper: Callable[[list[Node]], Node]) -> bool:
    """Wrap the elements covering text [start, end) in ``wrapper``, splitting Str elements at the edges.

    Descends into a container that holds the whole range; gives up (False) when an edge falls
    inside a container that the range does not cover.
    """
    spans = layout.spans[id(inlines)]
    first = next(i for i, (_, e) in enumerate(spans) if e > start)
    last = max(i for i, (s, _) in enumerate(spans) if s < end)
    if first == last and (children := _children(inlines[first])) is not None:
        s0, e0 = spans[first]
        if not (start == s0 and end == e0):
            return _wrap(layout, children, start, end, wrapper)
    for index, edge in ((first, start), (last, end)):
        s0, e0 = spans[index]
        if s0 < edge < e0 and inlines[index].get("t") != "Str":
            return False
    before, after = [], []
    middle = [dict(node) for node in inlines[first:last + 1]]
    s_first, _ = spans[first]
    s_last, _ = spans[last]
    if first == last and inlines[first].get("t") == "Str":
        word = inlines[first]["c"]
        cut_a, cut_b = start - s_first, end - s_first
        before = [{"t": "Str", "c": word[:cut_a]}] if cut_a else []
        middle = [{"t": "Str", "c": word[cut_a:cut_b]}]
        after = [{"t": "Str", "c": word[cut_b:]}] if cut_b < len(word) else []
    else:
        if inlines[first].get("t") == "Str" and start > s_first:
            word = inlines[first]["c"]
            before = [{"t": "Str", "c": word[:start - s_first]}]
            middle[0] = {"t": "Str", "c": word[start - s_first:]}
        if inlines[last].get("t") == "Str" and end < spans[last][1]:
            word = inlines[last]["c"]
            after = [{"t": "Str", "c": word[end - s_last:]}]
            middle[-1] = {"t": "Str", "c": word[:end - s_last]}
    inlines[first:last + 1] = [*before, wrapper(middle), *after]
    return True


def annotate_document(document: Node, annotate: Callable[[str], Result]) -> Node:
    """Pandoc's JSON document (as a dict) with references wrapped; changed in place and returned."""
    layout = _Layout()
    layout.blocks(document.get("blocks", []))
    text = "".join(layout.parts)
    starts = [segment[0] for segment in layout.segments]
    chosen: list[tuple[Annotation, list[Node]]] = []
    outer_end = -1
    for ann in annotate(text):
        if ann.start < outer_end or OPAQUE in ann.text:
            continue
        where = bisect_right(starts, ann.start) - 1
        if where < 0 or ann.end > layout.segments[where][1]:
            continue
        chosen.append((ann, layout.segments[where][2]))
        outer_end = ann.end
    for ann, inlines in reversed(chosen):  # right to left: earlier elements keep their positions
        _wrap(layout, inlines, ann.start, ann.end, _wrapper(ann))
    return document


def _meta_text(value: Any) -> str:
    """A metadata value (MetaString, MetaInlines, ...) as plain text."""
    if isinstance(value, dict):
        kind, content = value.get("t"), value.get("c")
        if kind == "Str" or kind == "MetaString":
            return content
        if kind in ("Space", "SoftBreak"):
            return " "
        return _meta_text(content)
    if isinstance(value, list):
        return "".join(_meta_text(v) for v in value)
    return "" if value is None else str(value)


def _options(meta: dict[str, Any]) -> tuple[list[str] | None, float, tuple[str, ...], date | None]:
    kinds_text = _meta_text(meta.get("legal-annot-kinds")).strip()
    kinds = [k.strip().lower() for k in kinds_text.split(",") if k.strip()] or None
    if kinds and (unknown := [k for k in kinds if k not in {k.value for k in Kind}]):
        raise ValueError(f"legal-annot-kinds: unknown kind(s) {', '.join(unknown)}")
    confidence_text = _meta_text(meta.get("legal-annot-min-confidence")).strip() or "0"
    try:
        confidence = float(confidence_text)
    except ValueError:
        raise ValueError(f"legal-annot-min-confidence: not a number: {confidence_text!r}") from None
    as_of_text = _meta_text(meta.get("legal-annot-as-of")).strip()
    try:
        as_of = date.fromisoformat(as_of_text) if as_of_text else None
    except ValueError:
        raise ValueError(f"legal-annot-as-of: not a date (YYYY-MM-DD): {as_of_text!r}") from None
    return kinds, confidence, parse_providers(_meta_text(meta.get("legal-annot-prefer-links"))), as_of


def main(argv: Sequence[str] | None = None) -> int:
    """Run as a Pandoc filter: JSON document on stdin, the annotated document on stdout."""
    from legal_annot import default_annotator

    try:
        document = json.loads(sys.stdin.buffer.read().decode("utf-8"))
        if not isinstance(document, dict) or "blocks" not in document:
            raise ValueError("expected Pandoc's JSON document (use it as: pandoc --filter legal-annot-pandoc)")
        kinds, confidence, providers, as_of = _options(document.get("meta", {}))
    except ValueError as exc:
        print(f"legal-annot-pandoc: {exc}", file=sys.stderr)
        return 2
    settings = Settings(min_confidence=confidence, prefer_links=providers, kinds=frozenset(kinds) if kinds else None)
    annotator = default_annotator()
    json.dump(annotate_document(document, lambda text: refine(annotator.annotate(text, as_of=as_of), settings)), sys.stdout,
              ensure_ascii=False)
    sys.stdout.flush()
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
