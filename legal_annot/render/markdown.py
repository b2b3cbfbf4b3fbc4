"""Annotate Markdown without changing its structure.

The document is parsed with a CommonMark parser (see :mod:`legal_annot.render.markdown_source`);
the prose of every paragraph, heading, table cell and footnote is joined into one text, annotated
once (so short names, "this law" and penalties see the whole document), and each annotation is
written back only where it covers plain text:

- never in front matter, code, raw HTML (blocks or inline), link definitions, comments, or
  inside links, images, autolinks, bare URLs, or inline ``<a>``/``<code>``/``<kbd>``… elements;
- a reference split by emphasis (``*Printz* v. United States``) is wrapped whole when the
  emphasis it crosses opens and closes inside the wrapped span, after widening the span over
  markers that touch its ends (``[*Printz* v. United States](…)``); otherwise it is skipped;
- a literal ``!`` or ``\\`` just before the link is escaped, so it can neither make an image nor
  escape the ``[``;
- an annotation with a link becomes ``[text](<url> "tooltip")``, or a raw ``<a>`` when a link
  target is asked for; one without a link (doctrines, ambiguous names) becomes a raw
  ``<span class="legal-annot legal-annot--doctrine" aria-description="…">`` (``HtmlOptions.plain_tag``;
  ``HtmlOptions.native_title`` adds ``title``);
- every changed paragraph is parsed again and kept only if its tokens are the original ones
  plus the added elements; otherwise only the annotations bordered by spaces are tried, then none.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable, Sequence
from html import escape
from typing import Any
from urllib.parse import quote

import attrs
from markdown_it.token import Token

from legal_annot.models import Annotation, Result
from legal_annot.render.elements import HtmlOptions, explanation_attributes, link_of, tooltip
from legal_annot.render.markdown_source import START, Inline, inlines, tracking_parser

PARAGRAPH_BREAK = "\n\n"
#: Inline HTML elements whose text is never annotated (besides the caller's ``exclude``).
SKIPPED_ELEMENTS = frozenset({
    "a", "code", "kbd", "samp", "var", "pre", "script", "style", "textarea", "title", "button",
    "select", "option", "svg", "math", "template", "noscript", "iframe", "object", "abbr",
})
_TOGGLES = {"em_open": 1, "strong_open": 1, "s_open": 1, "em_close": -1, "strong_close": -1, "s_close": -1}
_BREAKS = frozenset({"softbreak", "hardbreak"})
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)")
_VOID = frozenset({"br", "img", "hr", "input", "wbr", "meta", "link", "source", "area", "col", "embed"})
# Text that another renderer may turn into a link or a tag: bare URLs, and "<" before a name.
_UNSAFE = re.compile(r"(?:https?|ftp)://\S*|www\.\S*|<[A-Za-z/!?]")
_DEST_SAFE = "".join(chr(c) for c in range(33, 127) if chr(c) not in '<>"`|\\ ')
_NAME = re.compile(r"[A-Za-z][A-Za-z0-9-]*\Z")


@attrs.frozen
class Piece:
    """A stretch of one paragraph's joined text: plain text (``source`` set), a marker, or other."""

    kind: str  # "text", "toggle", "break", "other", "barrier"
    start: int  # in the document's joined text
    end: int
    content: int | None = None  # where it starts in the inline content (text and toggles)
    source: int | None = None  # where it starts in the document (plain text only)
    step: int = 0  # +1 opens emphasis, -1 closes it
    markup: str = ""


@attrs.define
class Paragraph:
    inline: Inline
    start: int
    end: int
    pieces: list[Piece]
    blocked: list[tuple[int, int]]  # joined-text ranges never annotated
    starts: list[int] = attrs.field(init=False)

    def __attrs_post_init__(self) -> None:
        self.starts = [p.start for p in self.pieces]

    def piece_at(self, position: int) -> int:
        return bisect.bisect_right(self.starts, position) - 1


@attrs.frozen
class Insertion:
    content: int  # offset in the paragraph's inline content
    source: int  # offset in the document
    order: int  # at one position: closing text (0) before opening text (1) before the escape (2)
    text: str


class Prose:
    """The joined prose of a Markdown document and the way back to its source."""

    def __init__(self, markdown: str, skipped: frozenset[str], class_name: str) -> None:
        self.markdown = markdown
        found, self.env = inlines(markdown)
        markdown = markdown.replace("\0", "\ufffd")  # what the parser saw, at the same offsets
        self.paragraphs: list[Paragraph] = []
        parts: list[str] = []
        length = 0
        open_tags = OpenTags(skipped, f'class="{class_name} ')
        for inline in found:
            if inline.token.type == "html_block":
                open_tags.see_block(inline.token.content)
                continue
            if parts:
                parts.append(PARAGRAPH_BREAK)
                length += len(PARAGRAPH_BREAK)
            texts, pieces = _pieces(markdown, inline, length, open_tags)
            joined = "".join(texts)
            parts.append(joined)
            blocked = _blocked(joined, length)
            self.paragraphs.append(Paragraph(inline, length, length + len(joined), pieces, blocked))
            length += len(joined)
        self.text = "".join(parts)
        self._starts = [p.start for p in self.paragraphs]
        plain = sorted((p.source, p.end - p.start, p.start) for para in self.paragraphs for p in para.pieces
                       if p.kind == "text" and p.source is not None)
        self._plain = plain
        self._plain_starts = [s for s, _, _ in plain]

    def paragraph(self, start: int, end: int) -> Paragraph | None:
        index = bisect.bisect_right(self._starts, start) - 1
        if index < 0:
            return None
        para = self.paragraphs[index]
        return para if end <= para.end else None

    def joined(self, source: int) -> int | None:
        """The joined-text position of a document offset inside plain text, if any."""
        index = bisect.bisect_right(self._plain_starts, source) - 1
        if index < 0:
            return None
        start, length, joined = self._plain[index]
        return joined + source - start if source < start + length else None


def _pieces(markdown: str, inline: Inline, offset: int, open_tags: OpenTags) -> tuple[list[str], list[Piece]]:
    texts: list[str] = []
    pieces: list[Piece] = []
    position = offset
    links = 0

    def add(kind: str, text: str, **fields: Any) -> None:
        nonlocal position
        texts.append(text)
        pieces.append(Piece(kind, position, position + len(text), **fields))
        position += len(text)

    for token in inline.token.children or ():
        kind = token.type
        hidden = links > 0 or open_tags.skipping > 0
        if kind == "text":
            start = token.meta.get(START)
            source = inline.to_source(start) if start is not None else None
            plain = (not hidden and source is not None and "\n" not in token.content
                     and markdown.startswith(token.content, source))
            if plain:
                add("text", token.content, content=start, source=source)
            else:
                add("other", token.content)
        elif kind in _TOGGLES:
            add("toggle", "", step=_TOGGLES[kind], markup=token.markup)
        elif kind in _BREAKS:
            add("break", "\n")
        elif kind == "link_open":
            links += 1
            add("barrier", "")
        elif kind == "link_close":
            links = max(0, links - 1)
            add("barrier", "")
        elif kind == "html_inline":
            open_tags.see(token.content)
            add("barrier", "")
        elif kind == "text_special" and _literal_backslash(token) and not hidden:
            # "\\P": a backslash before a character it cannot escape; the character is plain text.
            add("other", "\\")
            start = token.meta.get(START)
            source = inline.to_source(start + 1) if start is not None else None
            if source is not None and markdown.startswith(token.content, source - 1):
                add("text", token.content[1], content=start + 1, source=source)
            else:
                add("other", token.content[1])
        elif kind in ("text_special", "code_inline"):
            add("other", token.content)
        elif kind == "image":
            add("other", token.content)
        else:
            add("barrier", "")
    return texts, pieces


def _literal_backslash(token: Token) -> bool:
    return len(token.content) == 2 and token.content[0] == "\\" and token.markup == token.content


class OpenTags:
    """The raw inline HTML elements open at a point, and how many of them hide their text."""

    def __init__(self, skipped: frozenset[str], ours: str) -> None:
        self.skipped, self.ours = skipped, ours
        self.stack: list[tuple[str, bool]] = []
        self.skipping = 0

    def see_block(self, html: str) -> None:
        """Follow the tags of a raw HTML block (comments left out), in linear time."""
        position = 0
        while True:
            comment = html.find("<!--", position)
            chunk = html[position:] if comment < 0 else html[position:comment]
            for match in _TAG.finditer(chunk):
                window = chunk[match.start():match.start() + 4096]  # a bounded look at the tag
                close = window.find(">")
                self.see(window if close < 0 else window[:close + 1])
            if comment < 0:
                return
            end = html.find("-->", comment + 4)
            if end < 0:
                return
            position = end + 3

    def see(self, html: str) -> None:
        match = _TAG.match(html)
        if match is None or html.endswith("/>"):
            return
        closing, name = match.group(1) == "/", match.group(2).lower()
        if name in _VOID:
            return
        if not closing:
            skip = name in self.skipped or self.ours in html
            self.stack.append((name, skip))
            self.skipping += skip
            return
        for index in range(len(self.stack) - 1, max(-1, len(self.stack) - 64), -1):  # bounded look-back
            if self.stack[index][0] == name:
                self.skipping -= sum(skip for _, skip in self.stack[index:])
                del self.stack[index:]
                return


def _blocked(joined: str, offset: int) -> list[tuple[int, int]]:
    """Ranges of the paragraph that look like a URL or the start of a tag to some renderer."""
    blocked: list[tuple[int, int]] = []
    reach = 0
    for match in _UNSAFE.finditer(joined):
        if match.start() < reach:
            continue
        end = match.end()
        if match.group().startswith("<"):
            close = joined.find(">", end)
            end = len(joined) if close < 0 else close + 1
        blocked.append((offset + match.start(), offset + end))
        reach = end
    return blocked


def markdown_title(text: str) -> str:
    """A tooltip as a Markdown link title: one line, no double quotes or backticks, escaped."""
    text = " ".join(text.split()).replace('"', "'").replace("`", "'")
    return text.replace("\\", "\\\\").replace("|", "\\|")


def markdown_destination(url: str) -> str:
    """A URL as a ``<…>`` link destination: characters that could end it are percent-encoded."""
    return quote(url, safe=_DEST_SAFE)


def attribute(text: str) -> str:
    """A value for a raw HTML attribute on one line: escaped, and no backtick or pipe left."""
    return escape(" ".join(text.split()), quote=True).replace("`", "&#96;").replace("|", "&#124;")


def wrappers(annotation: Annotation, options: HtmlOptions) -> tuple[str, str]:
    """The text written before and after an annotation."""
    url = link_of(annotation)
    kind = annotation.kind.value
    classes = f"{options.class_name} {options.class_name}--{kind}"
    if url is not None and not options.link_target:
        return "[", f'](<{markdown_destination(url)}> "{markdown_title(tooltip(annotation))}")'
    attributes = [("class", classes)]
    tag = options.plain_tag
    if url is not None:
        tag = "a"
        attributes += [("href", url), ("target", str(options.link_target)), ("rel", "noopener noreferrer")]
    attributes += [*explanation_attributes(annotation, options), ("data-kind", kind)]
    if annotation.authority is not None:
        attributes.append(("data-authority", annotation.authority.id))
    attributes += list(options.extra_attributes)
    rendered = " ".join(f'{name}="{attribute(value)}"' for name, value in attributes)
    return f"<{tag} {rendered}>", f"</{tag}>"


class Writer:
    """Plans and checks the insertions for a set of annotations over one document's prose."""

    def __init__(self, markdown: str, options: HtmlOptions | None = None, exclude: Iterable[str] = ()) -> None:
        self.options = options or HtmlOptions()
        for name in (self.options.plain_tag,):
            if not isinstance(name, str) or not _NAME.match(name):
                raise ValueError(f"HtmlOptions.plain_tag must be an HTML tag name, not {name!r}")
        skipped = SKIPPED_ELEMENTS | {str(tag).lower() for tag in exclude}
        self.prose = Prose(markdown, frozenset(skipped), self.options.class_name)
        self.md = tracking_parser()

    def write(self, spans: Iterable[tuple[int, int, Annotation]]) -> str:
        """The document with each (joined start, joined end, annotation) written where it is safe."""
        planned: dict[int, list[tuple[list[Insertion], bool]]] = {}
        reach = -1
        for start, end, annotation in spans:
            if start < reach or end <= start:
                continue
            para = self.prose.paragraph(start, end)
            if para is None:
                continue
            plan = self._plan(para, start, end, annotation)
            if plan is None:
                continue
            planned.setdefault(id(para), []).append(plan)
            reach = end
        kept: list[Insertion] = []
        for para in self.prose.paragraphs:
            plans = planned.get(id(para))
            if plans:
                kept += self._checked(para, plans)
        return _splice(self.prose.markdown, kept)

    def _plan(self, para: Paragraph, start: int, end: int, annotation: Annotation) -> tuple[list[Insertion], bool] | None:
        if any(b_start < end and start < b_end for b_start, b_end in para.blocked):
            return None
        first, last = para.piece_at(start), para.piece_at(end - 1)
        pieces = para.pieces
        if pieces[first].kind != "text" or pieces[last].kind != "text":
            return None
        depth = lowest = 0
        for piece in pieces[first:last + 1]:
            if piece.kind == "toggle":
                depth += piece.step
                lowest = min(lowest, depth)
            elif piece.kind not in ("text", "break"):
                return None
        head, tail = pieces[first], pieces[last]
        c_start = head.content + start - head.start  # type: ignore[operator]
        s_start = head.source + start - head.start  # type: ignore[operator]
        c_end = tail.content + end - tail.start  # type: ignore[operator]
        s_end = tail.source + end - tail.start  # type: ignore[operator]
        content, markdown = para.inline.token.content, self.prose.markdown
        # Widen over emphasis closed inside the span but opened just before it, and vice versa.
        index = first - 1
        while lowest < 0:
            if start != head.start or index < 0 or pieces[index].kind != "toggle" or pieces[index].step != 1:
                return None
            markup = pieces[index].markup
            if not (content.endswith(markup, 0, c_start) and markdown.endswith(markup, 0, s_start)):
                return None
            c_start, s_start = c_start - len(markup), s_start - len(markup)
            lowest += 1
            depth += 1
            index -= 1
        index = last + 1
        while depth > 0:
            if end != tail.end or index >= len(pieces) or pieces[index].kind != "toggle" or pieces[index].step != -1:
                return None
            markup = pieces[index].markup
            if not (content.startswith(markup, c_end) and markdown.startswith(markup, s_end)):
                return None
            c_end, s_end = c_end + len(markup), s_end + len(markup)
            depth -= 1
            index += 1
        if depth != 0:
            return None
        before, after = wrappers(annotation, self.options)
        insertions = [Insertion(c_start, s_start, 1, before), Insertion(c_end, s_end, 0, after)]
        if _needs_escape(content, c_start):
            insertions.append(Insertion(c_start - 1, s_start - 1, 2, "\\"))
        spaced = (c_start == 0 or content[c_start - 1].isspace()) and (c_end == len(content) or content[c_end].isspace())
        return insertions, spaced and first == last

    def _checked(self, para: Paragraph, plans: list[tuple[list[Insertion], bool]]) -> list[Insertion]:
        """The insertions of a paragraph that leave its parse unchanged but for the added elements."""
        candidates = [[i for plan, _ in plans for i in plan],
                      [i for plan, simple in plans if simple for i in plan]]
        for insertions in candidates:
            if insertions and self._unchanged(para, insertions):
                return insertions
        return []

    def _unchanged(self, para: Paragraph, insertions: list[Insertion]) -> bool:
        content = para.inline.token.content
        changed = _splice(content, [attrs.evolve(i, source=i.content) for i in insertions])
        tokens: list[Token] = []
        self.md.inline.parse(changed, self.md, self.prose.env, tokens)
        added = {i.text for i in insertions if i.order == 1 and not i.text.startswith("[")}
        added |= {i.text for i in insertions if i.order == 0 and i.text.startswith("</")}
        hrefs = {self.md.normalizeLink(_destination(i.text)) for i in insertions
                 if i.order == 0 and i.text.startswith("](<")}
        return _signature(tokens, added, hrefs) == _signature(para.inline.token.children or [], set(), set())


def _needs_escape(content: str, position: int) -> bool:
    """An unescaped ``!`` (it would make an image) or an odd run of ``\\`` (it would escape the
    ``[``) ends just before ``position``."""
    if position == 0 or content[position - 1] not in "!\\":
        return False
    end = position - 1 if content[position - 1] == "!" else position
    run = end
    while run > 0 and content[run - 1] == "\\":
        run -= 1
    slashes = end - run
    return slashes % 2 == 0 if content[position - 1] == "!" else slashes % 2 == 1


def _destination(suffix: str) -> str:
    return suffix[3:suffix.index(">")]


def _signature(tokens: Sequence[Token], added: set[str], hrefs: set[str]) -> list[tuple[Any, ...]]:
    """Tokens as comparable tuples, without the added elements, adjacent texts merged."""
    out: list[tuple[Any, ...]] = []
    dropping_close = 0
    for token in tokens:
        kind = token.type
        if kind == "html_inline" and token.content in added:
            continue
        if kind == "link_open" and token.attrs.get("href") in hrefs and not token.markup:
            dropping_close += 1
            continue
        if kind == "link_close" and dropping_close:
            dropping_close -= 1
            continue
        if kind in ("text", "text_special"):
            if out and out[-1][0] == "text":
                out[-1] = ("text", out[-1][1] + token.content)
            elif token.content:
                out.append(("text", token.content))
            continue
        if kind == "footnote_ref":
            out.append((kind, token.meta.get("label")))
            continue
        children = tuple(_signature(token.children, set(), set())) if token.children else ()
        out.append((kind, token.tag, token.nesting, token.content, token.markup,
                    tuple(sorted((k, str(v)) for k, v in token.attrs.items())), children))
    return out


def _splice(text: str, insertions: list[Insertion]) -> str:
    ordered = sorted(insertions, key=lambda i: (i.source, i.order))
    out, last = [], 0
    for insertion in ordered:
        out.append(text[last:insertion.source])
        out.append(insertion.text)
        last = insertion.source
    out.append(text[last:])
    return "".join(out)


def _wanted(annotation: Annotation, min_confidence: float) -> bool:
    return annotation.confidence >= min_confidence


def annotate_markdown_text(markdown: str, annotate: Callable[[str], Iterable[Annotation]], *,
                           options: HtmlOptions | None = None, exclude: Iterable[str] = (),
                           min_confidence: float = 0.0) -> str:
    """Annotate the document's joined prose once and write each annotation back where it is safe."""
    writer = Writer(markdown, options, exclude)
    found = annotate(writer.prose.text) if writer.prose.text else ()
    return writer.write((a.start, a.end, a) for a in found if _wanted(a, min_confidence))


def render_markdown(result: Result, options: HtmlOptions | None = None, *, min_confidence: float = 0.0) -> str:
    """A Result's text as Markdown with its annotations (offsets into that text) written safely."""
    writer = Writer(result.text, options)
    spans = []
    for annotation in result:
        if not _wanted(annotation, min_confidence) or annotation.end <= annotation.start:
            continue
        start, last = writer.prose.joined(annotation.start), writer.prose.joined(annotation.end - 1)
        if start is None or last is None or writer.prose.text[start:last + 1] != annotation.text:
            continue
        spans.append((start, last + 1, annotation))
    return writer.write(spans)
