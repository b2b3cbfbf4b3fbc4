"""Render a Result as HTML: the text escaped, each annotation wrapped in an element.

Annotations never cross (see docs/api.md), so they nest like a tree: a description may contain
names, and its element is then a plain span (an <a> may not contain another <a>).
"""

from __future__ import annotations

from html import escape

from legal_annot.models import Annotation, Result
from legal_annot.render.elements import HtmlOptions, open_tag


def contains_others(annotations: tuple[Annotation, ...]) -> set[int]:
    """Indexes of annotations that contain at least one other (they come first when sorted)."""
    outer = set()
    for i, ann in enumerate(annotations):
        if i + 1 < len(annotations) and annotations[i + 1].start < ann.end:
            outer.add(i)
    return outer


def render_html(result: Result, options: HtmlOptions | None = None) -> str:
    """The whole text as an HTML fragment, with annotation elements inserted."""
    options = options or HtmlOptions()
    text, annotations = result.text, result.annotations
    outer = contains_others(annotations)
    events: list[tuple[int, int, int, str]] = []  # (position, order, tie, markup)
    for i, ann in enumerate(annotations):
        opening, closing = open_tag(ann, options, contains_others=i in outer)
        events.append((ann.start, 1, -ann.end, opening))
        events.append((ann.end, 0, -ann.start, closing))
    events.sort(key=lambda e: (e[0], e[1], e[2]))
    out, last = [], 0
    for position, _, _, markup in events:
        out.append(escape(text[last:position], quote=False))
        out.append(markup)
        last = position
    out.append(escape(text[last:], quote=False))
    return "".join(out)
