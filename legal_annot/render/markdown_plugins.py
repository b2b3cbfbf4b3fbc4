"""Plugins for the two common Markdown engines; the public entry points are in
:mod:`legal_annot.markdown`.

- Python-Markdown: the extension annotates the rendered HTML with the HTML path
  (:func:`legal_annot.annotate_html`), so code, ``pre`` and links stay untouched.
- markdown-it-py: a core rule joins the text of every inline token of the document, annotates it
  once (references across soft breaks and emphasis, later short names, "this law" and penalties
  keep their context), and maps each annotation back to the inline token's children: a link (or
  a span for link-less references) is inserted around plain text only, never inside links,
  images, code, or raw ``<a>``/``<code>``/``<kbd>``… elements, and around emphasis only when the
  emphasis opens and closes inside it.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable
from typing import Any

import attrs
from markdown_it.token import Token

from legal_annot.annotator import Annotator
from legal_annot.models import Annotation, Result
from legal_annot.render.elements import HtmlOptions, explanation_attributes, link_of
from legal_annot.render.markdown import PARAGRAPH_BREAK, SKIPPED_ELEMENTS, OpenTags

_TOGGLES = {"em_open": 1, "strong_open": 1, "s_open": 1, "em_close": -1, "strong_close": -1, "s_close": -1}
_TEXTS = frozenset({"text", "text_special"})


class Threshold(Annotator):
    """An Annotator that keeps only the annotations of another at or above a confidence."""

    def __init__(self, inner: Annotator, min_confidence: float) -> None:  # noqa: D107 (no rebuild)
        self._inner, self._min = inner, float(min_confidence)
        self._catalog, self._kinds, self._stage_names = inner.catalog, inner.kinds, getattr(inner, "_stage_names", ())

    def annotate(self, text: str, **options: Any) -> Result:
        result = self._inner.annotate(text, **options)
        return attrs.evolve(result, annotations=tuple(a for a in result if a.confidence >= self._min))

    __call__ = annotate

    def __getstate__(self) -> dict[str, object]:
        return {"inner": self._inner, "min": self._min}

    def __setstate__(self, state: dict[str, object]) -> None:
        self.__init__(state["inner"], state["min"])  # type: ignore[misc,arg-type]


def _span(children: list[Token], start: int, end: int, positions: list[tuple[int, int, int]],
          starts: list[int]) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """Where to open and close an element over joined text [start, end) of one inline token.

    ``positions`` holds (joined start, joined end, child index) for every child. Returns
    ((child, offset), (child, offset)) cut points, or None when the span is not plain text.
    Offsets in a text child are character offsets; for other children 0 is before, 1 after.
    """
    first = bisect.bisect_right(starts, start) - 1
    last = bisect.bisect_left(starts, end) - 1
    if first < 0 or last < first or not positions[first][0] <= start < positions[first][1] \
            or not positions[last][0] < end <= positions[last][1]:
        return None
    kinds = [children[positions[n][2]].type for n in range(first, last + 1)]
    if kinds[0] not in _TEXTS or kinds[-1] not in _TEXTS:
        return None
    depth = lowest = 0
    for kind in kinds:
        if kind in _TOGGLES:
            depth += _TOGGLES[kind]
            lowest = min(lowest, depth)
        elif kind not in _TEXTS and kind not in ("softbreak", "hardbreak"):
            return None
    head = (positions[first][2], start - positions[first][0])
    tail = (positions[last][2], end - positions[last][0])
    index = positions[first][2] - 1
    while lowest < 0:  # emphasis closed inside the span: include its opener if it touches the start
        if head[1] != 0 or index < 0 or _TOGGLES.get(children[index].type) != 1:
            return None
        head, index, lowest, depth = (index, 0), index - 1, lowest + 1, depth + 1
    index = positions[last][2] + 1
    while depth > 0:  # emphasis opened inside the span: include its closer if it touches the end
        touching = children[tail[0]].type not in _TEXTS or tail[1] == len(children[tail[0]].content)
        if not touching or index >= len(children) or _TOGGLES.get(children[index].type) != -1:
            return None
        tail, index, depth = (index, 1), index + 1, depth - 1
    return head, tail


def _elements(annotation: Annotation, options: HtmlOptions) -> tuple[Token, Token]:
    kind = annotation.kind.value
    attrs: dict[str, str | int | float] = {"class": f"{options.class_name} {options.class_name}--{kind}"}
    url = link_of(annotation)
    tag = "a" if url else options.plain_tag
    if url:
        attrs["href"] = url
        if options.link_target:
            attrs.update({"target": options.link_target, "rel": "noopener noreferrer"})
    attrs.update({**dict(explanation_attributes(annotation, options)), "data-kind": kind})
    if annotation.authority is not None:
        attrs["data-authority"] = annotation.authority.id
    attrs.update(dict(options.extra_attributes))
    opening, closing = Token(f"{'link' if url else 'legal_annot'}_open", tag, 1), Token(
        f"{'link' if url else 'legal_annot'}_close", tag, -1)
    opening.attrs = attrs
    opening.meta["legal_annot"] = True
    return opening, closing


def _text(content: str) -> Token:
    token = Token("text", "", 0)
    token.content = content
    return token


def _rebuild(children: list[Token], cuts: list[tuple[tuple[int, int], int, Token]]) -> list[Token]:
    """The children with tokens inserted at cut points ((child, offset), order, token)."""
    at: dict[int, list[tuple[int, int, Token]]] = {}
    for (child, offset), order, token in cuts:
        at.setdefault(child, []).append((offset, order, token))
    out: list[Token] = []
    for index, child in enumerate(children):
        here = sorted(at.get(index, ()), key=lambda item: (item[0], item[1]))
        if not here:
            out.append(child)
        elif child.type in _TEXTS:
            last = 0
            for offset, _, token in here:
                if offset > last:
                    out.append(_text(child.content[last:offset]))
                    last = offset
                out.append(token)
            if last < len(child.content):
                out.append(_text(child.content[last:]))
        else:
            out += [token for offset, _, token in here if offset == 0]
            out.append(child)
            out += [token for offset, _, token in here if offset == 1]
    return out


def annotate_tokens(tokens: list[Token], annotate: Callable[[str], Iterable[Annotation]],
                    options: HtmlOptions, min_confidence: float = 0.0) -> None:
    """Insert annotation elements into the inline tokens of a parsed document, in place."""
    blocks = []
    parts: list[str] = []
    length = 0
    tags = OpenTags(SKIPPED_ELEMENTS, f'class="{options.class_name} ')  # raw HTML stays open across blocks
    for block in tokens:
        if block.type == "html_block":
            tags.see_block(block.content)
            continue
        if block.type != "inline" or not block.children:
            continue
        if parts:
            parts.append(PARAGRAPH_BREAK)
            length += len(PARAGRAPH_BREAK)
        positions, links = [], 0
        for index, child in enumerate(block.children):
            if child.type == "link_open":
                links += 1
            elif child.type == "link_close":
                links = max(0, links - 1)
            elif child.type == "html_inline":
                tags.see(child.content)
            hidden = links > 0 or tags.skipping > 0
            content = child.content if child.type in _TEXTS or child.type == "code_inline" else ""
            content = "\n" if child.type in ("softbreak", "hardbreak") else content
            kind_ok = child.type in _TEXTS and not hidden
            positions.append((length, length + len(content), index if kind_ok or child.type not in _TEXTS else -1))
            parts.append(content)
            length += len(content)
        usable = [p for p in positions if p[2] >= 0]
        blocks.append((block, positions, usable, [p[0] for p in usable]))
    if not blocks:
        return
    found = sorted(annotate("".join(parts)), key=lambda a: (a.start, -a.end))
    cursor, reach = 0, -1
    plans: dict[int, list[tuple[tuple[int, int], int, Token]]] = {}
    for annotation in found:
        if annotation.start < reach or annotation.confidence < min_confidence:
            continue
        while cursor < len(blocks) and (not blocks[cursor][1] or blocks[cursor][1][-1][1] < annotation.end):
            cursor += 1
        if cursor == len(blocks):
            break
        block, positions, usable, starts = blocks[cursor]
        if annotation.start < positions[0][0]:
            continue
        span = _span(block.children, annotation.start, annotation.end, usable, starts) if usable else None
        if span is None:
            continue
        opening, closing = _elements(annotation, options)
        plans.setdefault(cursor, []).extend([(span[0], 1, opening), (span[1], 0, closing)])
        reach = annotation.end
    for number, cuts in plans.items():
        block = blocks[number][0]
        block.children = _rebuild(block.children, cuts)


def legal_annot_plugin(md: Any, annotator: Annotator | None = None) -> None:
    """Former name of :func:`legal_annot.markdown.markdown_it_plugin`, kept for existing code."""
    from legal_annot.markdown import markdown_it_plugin

    markdown_it_plugin(md, annotator)


def __getattr__(name: str) -> Any:
    if name == "LegalAnnotExtension":  # former home of the Python-Markdown extension
        from legal_annot.markdown import _extension_class

        return _extension_class()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
