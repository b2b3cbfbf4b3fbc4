"""Annotate inside an existing HTML document or fragment, changing nothing but adding elements.

The markup is read as a browser reads it (render/html_reader.py, on html5lib's tokenizer), which
says where every piece of visible text sits in the source. That text (entities decoded, blocks
separated, excluded elements masked) is annotated in one call, and each annotation is mapped back to
source offsets. Elements are inserted at those offsets; every other byte of the input is kept as it
was. An annotation that starts or ends inside an inline element (``<em>Printz</em> v. United
States``) is widened to that element's tags when it covers the element's whole text, so nesting
stays intact; otherwise it is left out rather than break the markup.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

import attrs

from legal_annot.models import Annotation, Result
from legal_annot.render.elements import HtmlOptions, open_tag
from legal_annot.render.html_reader import EXCLUDED, SEPARATOR, Reader

SKIPPABLE = {"nav": ("nav",), "footer": ("footer",), "aside": ("aside",), "header": ("header",),
             "headings": ("h1", "h2", "h3", "h4", "h5", "h6")}
DEFAULT_SKIP = ("nav", "footer")


def excluded_tags(exclude: Iterable[str], skip: Iterable[str]) -> frozenset[str]:
    """The elements whose text is never annotated: the fixed set, ``exclude`` and ``skip`` groups."""
    tags = set(EXCLUDED) | {t.lower() for t in exclude}
    for name in skip:
        if name not in SKIPPABLE:
            raise ValueError(f"skip: unknown part {name!r}; expected some of {', '.join(SKIPPABLE)}")
        tags.update(SKIPPABLE[name])
    return frozenset(tags)


def read(html: str, options: HtmlOptions, exclude: Iterable[str] = (), skip: Iterable[str] = DEFAULT_SKIP) -> Reader:
    return Reader(html, excluded_tags(exclude, skip), options.class_name).read()


def _widen(reader: Reader, start: int, end: int) -> tuple[int, int] | None:
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
            if element.first_char != start or element.start < 0 or element.end < 0:
                return None
            source_start = min(source_start, element.start)
            a = element.parent
        else:
            element = elements[b]  # ... and end where it ends
            if element.end_char != end or element.start < 0 or element.end < 0:
                return None
            source_end = max(source_end, element.end)
            b = element.parent
    return source_start, source_end


def annotate_html_document(html: str, annotate: Callable[[str], Iterable[Annotation]], options: HtmlOptions,
                           exclude: Iterable[str] = (), skip: Iterable[str] = DEFAULT_SKIP) -> str:
    """Insert annotation elements into ``html``; see :func:`legal_annot.annotate_html`."""
    reader = read(html, options, exclude, skip)
    text = "".join(reader.chars)
    if not text.strip(SEPARATOR + " \n\t"):
        return html
    annotations: list[Annotation] = [a for a in annotate(text)
                                     if SEPARATOR not in a.text and not reader.in_context(a.start, a.end)]
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


def annotate_visible_text(html: str, annotate: Callable[[str], Result], options: HtmlOptions,
                          exclude: Iterable[str] = (), skip: Iterable[str] = DEFAULT_SKIP) -> Result:
    """A Result for the page's visible text (tags removed, entities decoded, scripts, styles and
    the head left out); the annotations are those :func:`annotate_html_document` would consider."""
    reader = read(html, options, exclude, skip)
    visible = "".join(reader.visible)
    text = "".join(reader.chars)
    if not text.strip(SEPARATOR + " \n\t"):
        return Result(visible, ())
    kept = []
    for ann in annotate(text):
        if SEPARATOR in ann.text or reader.in_context(ann.start, ann.end):
            continue
        start, last = reader.visible_at[ann.start], reader.visible_at[ann.end - 1]
        kept.append(attrs.evolve(ann, start=start, end=last + 1, text=visible[start:last + 1]))
    return Result(visible, tuple(kept))
