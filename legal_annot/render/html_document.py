"""Annotate inside an existing HTML document or fragment, changing nothing but adding elements.

The markup is read with the standard library's HTMLParser, which reports where every piece of
text sits in the source. The text a reader sees is rebuilt (entities decoded, blocks separated,
excluded elements masked), annotated in one call, and each annotation is mapped back to source
offsets. Elements are inserted at those offsets; every other byte of the input is kept as it was.
An annotation that starts or ends inside an inline element (``<em>Printz</em> v. United States``)
is widened to that element's tags when it covers the element's whole text, so nesting stays
intact; otherwise it is left out rather than break the markup.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from html import unescape
from html.parser import HTMLParser

import attrs

from legal_annot.models import Annotation
from legal_annot.render.elements import HtmlOptions, open_tag

_NEWLINE = re.compile("\n")
SEPARATOR = "\x00"  # stands for a block boundary or masked text: no name can run across it
EXCLUDED = frozenset({"a", "code", "pre", "script", "style", "textarea", "kbd", "samp", "var", "head",
                      "title", "svg", "math", "button", "select", "option", "template", "noscript"})
VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
                  "source", "track", "wbr"})
INLINE = frozenset({"a", "abbr", "b", "bdi", "bdo", "cite", "data", "dfn", "em", "font", "i", "mark",
                    "q", "s", "small", "span", "strong", "sub", "sup", "time", "u"})


@attrs.define
class _Element:
    tag: str
    start: int  # offset of "<" of the start tag
    content_start: int  # offset just after the start tag
    parent: int  # index of the enclosing inline element, -1 at the top
    depth: int
    first_char: int  # index of the first visible character inside it
    end: int = -1  # offset just after the end tag, once seen
    content_end: int = -1
    end_char: int = -1  # index just after its last visible character


class _Reader(HTMLParser):
    """Collects visible text with its source offsets and the inline elements around it."""

    def __init__(self, source: str, excluded: frozenset[str], class_name: str) -> None:
        super().__init__(convert_charrefs=False)
        self.source = source
        self.excluded = excluded
        self.class_name = class_name
        self.line_starts = [0, *(m.end() for m in _NEWLINE.finditer(source))]
        self.chars: list[str] = []  # the visible text, piece by piece
        self.spans: list[tuple[int, int]] = []  # source [start, end) of each visible character
        self.inner: list[int] = []  # innermost inline element around each character (-1: none)
        self.elements: list[_Element] = []
        self.stack: list[tuple[str, int | None, bool]] = []  # (tag, inline element index, masks)
        self.inline: list[int] = []  # open inline elements, outermost first
        self.masked = 0
        self.closing = False

    def _source_offset(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def _separator(self, at: int) -> None:
        if self.chars and self.chars[-1] != SEPARATOR:
            self.chars.append(SEPARATOR)
            self.spans.append((at, at))
            self.inner.append(-1)

    def handle_starttag(self, tag: str, attrs_: list[tuple[str, str | None]]) -> None:
        start = self._source_offset()
        end = start + len(self.get_starttag_text() or "")
        if tag in VOID:
            if tag != "wbr":
                self._separator(start)
            return
        classes = (dict(attrs_).get("class") or "").split()
        masks = tag in self.excluded or self.class_name in classes
        index = None
        if tag in INLINE and not masks:
            index = len(self.elements)
            parent = self.inline[-1] if self.inline else -1
            depth = self.elements[parent].depth + 1 if parent >= 0 else 0
            self.elements.append(_Element(tag, start, end, parent, depth, len(self.spans)))
            self.inline.append(index)
        else:
            self._separator(start)
        self.stack.append((tag, index, masks))
        self.masked += masks

    def handle_startendtag(self, tag: str, attrs_: list[tuple[str, str | None]]) -> None:
        if tag != "wbr":
            self._separator(self._source_offset())

    def handle_endtag(self, tag: str) -> None:
        start = self._source_offset()
        end = self.source.find(">", start) + 1 or len(self.source)
        if not any(t == tag for t, _, _ in self.stack):
            self._separator(start)  # a stray end tag: treat it as a boundary
            return
        while self.stack:
            open_tag_, index, masks = self.stack.pop()
            self.masked -= masks
            if index is not None:
                element = self.elements[index]
                element.content_end, element.end = (start, end) if open_tag_ == tag else (start, start)
                element.end_char = len(self.spans)
                self.inline.pop()
            if open_tag_ == tag:
                break
        if tag not in INLINE:
            self._separator(start)

    def _text(self, decoded: str, start: int, end: int, *, one_to_one: bool) -> None:
        if self.masked:
            self._separator(start)
            return
        if one_to_one:
            self.chars.append(decoded)
            self.spans.extend((start + i, start + i + 1) for i in range(len(decoded)))
        else:
            self.chars.extend(decoded)
            self.spans.extend((start, end) for _ in decoded)
        self.inner.extend([self.inline[-1] if self.inline else -1] * len(decoded))

    def handle_data(self, data: str) -> None:
        start = self._source_offset()
        if self.closing:  # markup left unfinished at the end of input ("<!--..."): browsers don't show it
            self._separator(start)
            return
        self._text(data, start, start + len(data), one_to_one=True)

    def handle_entityref(self, name: str) -> None:
        start = self._source_offset()
        end = self.source.find(";", start, start + len(name) + 2)
        end = end + 1 if end >= 0 else start + len(name) + 1
        self._text(unescape(self.source[start:end]), start, end, one_to_one=False)

    def handle_charref(self, name: str) -> None:
        start = self._source_offset()
        end = self.source.find(";", start, start + len(name) + 3)
        end = end + 1 if end >= 0 else start + len(name) + 2
        self._text(unescape(self.source[start:end]), start, end, one_to_one=False)

    def handle_comment(self, data: str) -> None:
        self._separator(self._source_offset())

    handle_decl = handle_pi = handle_comment

    def unknown_decl(self, data: str) -> None:
        self._separator(self._source_offset())

    def close(self) -> None:
        self.closing = True
        super().close()
        for element in self.elements:  # never closed: it runs to the end of the input
            if element.end < 0:
                element.content_end = element.end = len(self.source)
                element.end_char = len(self.spans)


def _widen(reader: _Reader, start: int, end: int) -> tuple[int, int] | None:
    """Source offsets for visible text [start, end), widened to whole inline elements where the
    annotation starts or ends inside one; None when that would break the nesting."""
    source_start, source_end = reader.spans[start][0], reader.spans[end - 1][1]
    first, last = reader.inner[start], reader.inner[end - 1]
    if first == last:
        return source_start, source_end
    elements = reader.elements
    a, b = first, last  # walk both up to their lowest common inline ancestor
    while a != b:
        if a >= 0 and (b < 0 or elements[a].depth >= elements[b].depth):
            element = elements[a]  # the annotation must begin where this element's text begins
            if element.first_char != start or element.end < 0:
                return None
            source_start = min(source_start, element.start)
            a = element.parent
        else:
            element = elements[b]  # ... and end where it ends
            if element.end_char != end:
                return None
            source_end = max(source_end, element.end)
            b = element.parent
    return source_start, source_end


def annotate_html_document(html: str, annotate: Callable[[str], Iterable[Annotation]], options: HtmlOptions,
                           exclude: Iterable[str] = ()) -> str:
    """Insert annotation elements into ``html``; see :func:`legal_annot.annotate_html`."""
    reader = _Reader(html, EXCLUDED | {t.lower() for t in exclude}, options.class_name)
    reader.feed(html)
    reader.close()
    text = "".join(reader.chars)
    if not text.strip(SEPARATOR + " \n\t"):
        return html
    annotations: list[Annotation] = [a for a in annotate(text) if SEPARATOR not in a.text]
    inserts: list[tuple[int, int, int, str]] = []
    open_spans: list[tuple[int, int]] = []  # placed spans that may still contain the next one
    for i, ann in enumerate(annotations):
        contains = i + 1 < len(annotations) and annotations[i + 1].start < ann.end
        span = _widen(reader, ann.start, ann.end)
        if span is None:
            continue
        while open_spans and open_spans[-1][1] <= span[0]:
            open_spans.pop()
        if open_spans and not (open_spans[-1][0] <= span[0] and span[1] <= open_spans[-1][1]):
            continue  # widening made it cross a neighbour: leave it out rather than break nesting
        open_spans.append(span)
        opening, closing = open_tag(ann, options, contains_others=contains)
        inserts.append((span[0], 1, -span[1], opening))
        inserts.append((span[1], 0, -span[0], closing))
    inserts.sort(key=lambda e: (e[0], e[1], e[2]))
    out, last = [], 0
    for position, _, _, markup in inserts:
        out.append(html[last:position])
        out.append(markup)
        last = position
    out.append(html[last:])
    return "".join(out)
