"""Read HTML as a browser does and say where its visible, annotatable text lies in the source.

Tokens come from html5lib's tokenizer (the WHATWG tokenizer, pure Python), so a tag ends where a
browser ends it: quoted ``>`` in end tags, NUL in tag names and unterminated attributes no longer
fool the reader. The tokenizer is fed the whole input as one chunk and its stream position is read
after every state step, so each token gets its exact source span; text is annotatable only where
the token's characters equal the source (or are one entity), which makes every insertion point a
place where the browser is in its data state.

The tokenizer alone does not build a tree; :class:`Reader` keeps the few tree-construction facts
that decide whether text is shown as text outside links and code: it switches the tokenizer into
RAWTEXT/RCDATA/script/PLAINTEXT states as the tree builder would (``<script/>`` included), tracks
foreign content (svg, math and their integration points, so CDATA sections are read as such), the
open elements with implied closes, and the list of active formatting elements, whose
reconstruction can put text inside an author's ``<a>`` or ``<code>`` (``<p><a href>x</p><p>REF``).
Every search is bounded: past a budget the reader stops annotating for the rest of the input
rather than guess (or take quadratic time).
"""

from __future__ import annotations

import bisect
import re
from collections import Counter, deque
from html import unescape

import attrs
from html5lib._inputstream import HTMLUnicodeInputStream
from html5lib._tokenizer import HTMLTokenizer
from html5lib.constants import tokenTypes

SEPARATOR = "\x00"  # stands for a block boundary or masked text: no name can run across it
SOFT_HYPHEN = "\xad"

HIDDEN = frozenset({"script", "style", "template", "title", "noscript", "noembed", "noframes", "iframe",
                    "textarea", "head", "select", "option", "datalist"})
EXCLUDED = frozenset({"a", "code", "pre", "kbd", "samp", "var", "svg", "math", "button", "xmp", "plaintext",
                      "listing"}) | HIDDEN
VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "image", "input", "link", "meta", "param",
                  "source", "track", "wbr", "keygen", "basefont", "bgsound", "frame"})
INLINE = frozenset({"a", "abbr", "b", "bdi", "bdo", "cite", "data", "dfn", "em", "font", "i", "mark",
                    "q", "s", "small", "span", "strong", "sub", "sup", "time", "u"})
FORMATTING = frozenset({"a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike", "strong",
                        "tt", "u"})
MARKERS = frozenset({"td", "th", "caption", "applet", "marquee", "object", "template"})
SCOPE = MARKERS | {"html", "table"}
TABLE_CONTEXT = frozenset({"table", "tbody", "thead", "tfoot", "tr"})
CLOSES_P = frozenset({"address", "article", "aside", "blockquote", "center", "details", "dialog", "dir", "div",
                      "dl", "fieldset", "figcaption", "figure", "footer", "header", "hgroup", "main", "menu",
                      "nav", "ol", "p", "search", "section", "summary", "ul", "h1", "h2", "h3", "h4", "h5", "h6",
                      "pre", "listing", "form", "plaintext", "table", "hr", "xmp", "li", "dd", "dt"})
RAWTEXT = frozenset({"style", "xmp", "iframe", "noembed", "noframes", "noscript"})
RCDATA = frozenset({"title", "textarea"})
BREAKOUT = frozenset({"b", "big", "blockquote", "body", "br", "center", "code", "dd", "div", "dl", "dt", "em",
                      "embed", "h1", "h2", "h3", "h4", "h5", "h6", "head", "hr", "i", "img", "li", "listing",
                      "menu", "meta", "nobr", "ol", "p", "pre", "ruby", "s", "small", "span", "strong", "strike",
                      "sub", "sup", "table", "tt", "u", "ul", "var"})
INTEGRATION = frozenset({("svg", "foreignobject"), ("svg", "desc"), ("svg", "title"), ("math", "mi"),
                         ("math", "mo"), ("math", "mn"), ("math", "ms"), ("math", "mtext")})
DATA_STATES = frozenset({"dataState", "entityDataState", "tagOpenState", "closeTagOpenState"})
FOOTNOTE = re.compile(r"\s*(?:\[\s*[0-9a-z*]{1,4}\s*\]|\(\s*[0-9a-z*]{1,4}\s*\)|[0-9]{1,3}|[*\u2020\u2021\u00a7]{1,3}"
                      r"|[a-z]|[ivx]{1,5})\s*")
BUDGET = 256  # most open elements or formatting entries searched for one token


@attrs.define
class Element:
    """An inline element the text sits in (for widening an annotation to whole elements)."""

    tag: str
    start: int  # offset of "<" of the start tag; -1 for a clone made by reconstruction
    content_start: int
    parent: int
    depth: int
    first_char: int
    end: int = -1  # offset just after its own end tag; -1 when closed implicitly or never
    content_end: int = -1
    end_char: int = -1


@attrs.define
class _Open:
    tag: str
    ns: str
    inline: int | None
    masks: bool
    hides: bool
    formatting: _Formatting | None = None


@attrs.define(eq=False)
class _Formatting:
    tag: str
    masks: bool
    hides: bool
    on_stack: bool = True


class _Stream(HTMLUnicodeInputStream):
    """The whole (CR-normalised) input as one chunk, so ``chunkOffset`` is the source position."""

    def __init__(self, text: str) -> None:
        super().__init__("")
        self._text: str | None = text

    def readChunk(self, chunkSize: int | None = None) -> bool:  # noqa: N802 (html5lib's name)
        if self._text is None:
            self.chunkOffset = self.chunkSize
            return False
        self.chunk, self.chunkSize, self.chunkOffset = self._text, len(self._text), 0
        if self.reportCharacterErrors:
            self.reportCharacterErrors(self._text)
        self._text = None
        return bool(self.chunk)


class _Node:
    namespace = "html"


class _Tree:
    defaultNamespace = "html"  # noqa: N815 (html5lib's name)

    def __init__(self) -> None:
        self.node = _Node()
        self.openElements = [self.node]  # noqa: N815


class _Parser:
    """What the tokenizer asks of a parser: the current node's namespace (for CDATA sections)."""

    def __init__(self) -> None:
        self.tree = _Tree()


class Reader:
    """Visible text of an HTML string with source offsets; see the module docstring."""

    def __init__(self, source: str, excluded: frozenset[str], class_name: str) -> None:
        self.source = source
        self.excluded = excluded
        self.class_name = class_name
        self.chars: list[str] = []  # text the annotator reads (separators included)
        self.spans: list[tuple[int, int]] = []  # source [start, end) of each character
        self.inner: list[int] = []  # innermost inline element around each character (-1: none)
        self.visible: list[str] = []  # the page's visible text: tags removed, entities decoded
        self.visible_at: list[int] = []  # index in ``visible`` of each character of ``chars`` (-1: none)
        self.elements: list[Element] = []
        self.stack: list[_Open] = []
        self.counts: Counter[str] = Counter()
        self.formatting: list[_Formatting | None] = []  # active formatting elements; None is a marker
        self.detached = 0  # formatting entries not on the stack (reconstructed before the next text)
        self.masked = 0
        self.link_masks = 0  # how many of the masking elements are the author's own links
        self.hidden = 0
        # Ranges of ``chars`` read only as context: the text of the author's own links, which the
        # annotator sees (so "Printz v. United States" linked by the editor makes a later "Printz"
        # a short form) but which never gets an annotation of its own.
        self.context: list[tuple[int, int]] = []
        self.dead = False  # a budget ran out: nothing more is annotated

    # ----- reading -----------------------------------------------------------------------------
    def read(self) -> Reader:
        normal, origin = _normalise_newlines(self.source)
        tokenizer = HTMLTokenizer("")
        tokenizer.stream = _Stream(normal)
        parser = _Parser()
        tokenizer.parser = parser
        tokenizer.tokenQueue = deque()
        self._tokenizer, self._parser = tokenizer, parser
        self._origin, self._normal = origin, normal
        start, begun_in, fresh = 0, "dataState", True
        more = True
        while more and not self.dead:
            if fresh:
                begun_in, fresh = tokenizer.state.__name__, False
            more = tokenizer.state()
            tokens = [t for t in tokenizer.tokenQueue if t["type"] != tokenTypes["ParseError"]]
            tokenizer.tokenQueue.clear()
            if not tokens:
                continue
            end = tokenizer.stream.chunkOffset
            self._group(tokens, start, end, begun_in)
            start, fresh = end, True
        self._finish()
        return self

    def _group(self, tokens: list[dict], nstart: int, nend: int, state: str) -> None:
        """One step's tokens and the (normalised) source they were read from."""
        raw = self._normal[nstart:nend]
        start, end = self._origin(nstart), self._origin(nend)
        kinds = {t["type"] for t in tokens}
        text_types = {tokenTypes["Characters"], tokenTypes["SpaceCharacters"]}
        if kinds <= text_types:
            data = "".join(t["data"] for t in tokens)
            if state not in DATA_STATES:
                self._separator(start)
                return
            if data == raw:
                self._text(data, start, end, one_to_one=True, nstart=nstart)
            elif raw.startswith("&"):
                self._text(data, start, end, one_to_one=False)
            else:
                self._separator(start)  # cannot place it with certainty: never annotate inside
            return
        if kinds & text_types:
            self._separator(start)  # text and markup in one step: keep the text out
        for token in tokens:
            if token["type"] == tokenTypes["StartTag"]:
                self._start_tag(token, start, end)
            elif token["type"] == tokenTypes["EndTag"]:
                self._end_tag(token["name"], start, end)
            else:
                self._separator(start)  # comments, doctypes

    # ----- text --------------------------------------------------------------------------------
    def _separator(self, at: int) -> None:
        if self.chars and self.chars[-1] != SEPARATOR:
            self.chars.append(SEPARATOR)
            self.spans.append((at, at))
            self.inner.append(-1)
            self.visible_at.append(-1)

    def _text(self, decoded: str, start: int, end: int, *, one_to_one: bool, nstart: int = 0) -> None:
        if self.hidden or self._current_ns() != "html":
            self._separator(start)
            return
        if self._top_tag() in TABLE_CONTEXT and decoded.strip(" \t\n\f\r"):
            self._separator(start)  # foster-parented out of the table by the browser
            self._visible(decoded)
            return
        if self.detached and not self._reconstruct():
            return
        if self.hidden:
            self._separator(start)
            return
        masked = self.masked > 0
        context = masked and self.masked == self.link_masks  # only the author's links mask it
        inner = self._top_inline()
        for i, char in enumerate(decoded):
            if char == "\x00":  # browsers drop NUL in body text
                self._separator(start)
                continue
            self.visible.append(char)
            if context and char != SEPARATOR:
                self._context_char(char, start)
                continue
            if masked:
                self._separator(start)
                continue
            if char == SOFT_HYPHEN:
                continue  # shown only at a line break: a name may run across it
            self.chars.append(char)
            if not one_to_one:
                self.spans.append((start, end))
            elif end - start == len(decoded):
                self.spans.append((start + i, start + i + 1))
            else:  # CR LF in the source: map each character back
                at = self._origin(nstart + i)
                self.spans.append((at, self._origin(nstart + i + 1)))
            self.inner.append(inner)
            self.visible_at.append(len(self.visible) - 1)

    def _context_char(self, char: str, at: int) -> None:
        """A character the annotator reads as context only (see ``context``)."""
        index = len(self.chars)
        self.chars.append(char)
        self.spans.append((at, at))
        self.inner.append(-1)
        self.visible_at.append(len(self.visible) - 1)
        if self.context and self.context[-1][1] == index:
            self.context[-1] = (self.context[-1][0], index + 1)
        else:
            self.context.append((index, index + 1))

    def in_context(self, start: int, end: int) -> bool:
        """Whether chars [start, end) touch text read as context only."""
        k = bisect.bisect_right(self.context, (start, len(self.chars) + 1)) - 1
        for first, last in self.context[max(k, 0):k + 2]:
            if first < end and start < last:
                return True
        return False

    def _visible(self, decoded: str) -> None:
        self.visible.extend(c for c in decoded if c != "\x00")

    # ----- the open elements -------------------------------------------------------------------
    def _current_ns(self) -> str:
        return self.stack[-1].ns if self.stack else "html"

    def _top_tag(self) -> str:
        return self.stack[-1].tag if self.stack else ""

    def _top_inline(self) -> int:
        for entry in reversed(self.stack[-BUDGET:]):
            if entry.inline is not None:
                return entry.inline
            if entry.tag not in INLINE:
                return -1
        return -1

    def _integration_point(self) -> bool:
        if not self.stack:
            return False
        top = self.stack[-1]
        return (top.ns, top.tag) in INTEGRATION

    def _push(self, tag: str, ns: str, start: int, content_start: int, attributes: dict) -> _Open:
        classes = str(attributes.get("class") or "").split()
        masks = ns != "html" or tag in self.excluded or self.class_name in classes
        hides = ns != "html" or tag in HIDDEN
        inline = None
        if ns == "html" and tag in INLINE and not masks:
            inline = self._new_element(tag, start, content_start)
        entry = _Open(tag, ns, inline, masks, hides)
        if ns == "html" and tag in FORMATTING:
            entry.formatting = _Formatting(tag, masks, hides)
            self.formatting.append(entry.formatting)
        elif ns == "html" and tag in MARKERS:
            self.formatting.append(None)
        self.stack.append(entry)
        self.counts[tag] += 1
        self.masked += masks
        self.link_masks += masks and tag == "a" and ns == "html"
        self.hidden += hides
        self._parser.tree.node.namespace = ns
        return entry

    def _new_element(self, tag: str, start: int, content_start: int) -> int:
        parent = self._top_inline()
        depth = self.elements[parent].depth + 1 if parent >= 0 else 0
        self.elements.append(Element(tag, start, content_start, parent, depth, len(self.spans)))
        return len(self.elements) - 1

    def _pop(self, at: int, own_end: int | None = None) -> _Open:
        entry = self.stack.pop()
        self.counts[entry.tag] -= 1
        self.masked -= entry.masks
        self.link_masks -= entry.masks and entry.tag == "a" and entry.ns == "html"
        self.hidden -= entry.hides
        if entry.inline is not None:
            element = self.elements[entry.inline]
            element.content_end, element.end_char = at, len(self.spans)
            if own_end is not None:
                element.end = own_end
        if entry.formatting is not None and entry.formatting.on_stack:
            entry.formatting.on_stack = False
            self.detached += 1
        self._parser.tree.node.namespace = self._current_ns()
        return entry

    def _find(self, tag: str, *, html_only: bool = True) -> int | None:
        """Index of the nearest open ``tag`` in scope, None if there is none (bounded search)."""
        if not self.counts[tag]:
            return None
        for steps, index in enumerate(range(len(self.stack) - 1, -1, -1)):
            if steps > BUDGET:
                self.dead = True
                return None
            entry = self.stack[index]
            if entry.tag == tag and (entry.ns == "html" or not html_only):
                return index
            if entry.tag in SCOPE or entry.ns != "html":
                return None
        return None

    def _close(self, index: int, at: int, own_end: int | None = None) -> None:
        while len(self.stack) > index + 1:
            self._pop(at)
        self._pop(at, own_end)

    def _forget(self, entry: _Formatting) -> None:
        """Take a formatting entry off the list (searched from the end, bounded)."""
        for steps, index in enumerate(range(len(self.formatting) - 1, -1, -1)):
            if steps > BUDGET:
                self.dead = True
                return
            if self.formatting[index] is entry:
                del self.formatting[index]
                if not entry.on_stack:
                    self.detached -= 1
                return

    def _reconstruct(self) -> bool:
        """Reopen formatting elements closed by something else, as a browser does before text."""
        first = len(self.formatting)
        for steps, index in enumerate(range(len(self.formatting) - 1, -1, -1)):
            if steps > BUDGET:
                self.dead = True
                return False
            entry = self.formatting[index]
            if entry is None or entry.on_stack:
                break
            first = index
        for entry in self.formatting[first:]:
            assert entry is not None
            inline = None
            if entry.tag in INLINE and not entry.masks:
                inline = self._new_element(entry.tag, -1, -1)
            self.stack.append(_Open(entry.tag, "html", inline, entry.masks, entry.hides, entry))
            self.counts[entry.tag] += 1
            self.masked += entry.masks
            self.link_masks += entry.masks and entry.tag == "a"
            self.hidden += entry.hides
            entry.on_stack = True
            self.detached -= 1
        self._parser.tree.node.namespace = "html"
        return True

    # ----- tags --------------------------------------------------------------------------------
    def _start_tag(self, token: dict, start: int, end: int) -> None:
        tag, attributes, closed = token["name"], token["data"], token["selfClosing"]
        if self._current_ns() != "html" and not self._integration_point():
            font_breaks = tag == "font" and {"color", "face", "size"} & set(attributes)
            if tag not in BREAKOUT and not font_breaks:
                if not closed:
                    self._push(tag, self._current_ns(), start, end, attributes)
                return
            while self.stack and self._current_ns() != "html" and not self._integration_point():
                self._pop(start)
        if tag in ("html", "body", "head", "frameset"):
            self._separator(start)
            return
        if tag in ("svg", "math"):
            self._separator(start)
            if not closed:
                self._push(tag, tag, start, end, attributes)
            return
        if tag in CLOSES_P:
            self._separator(start)
            index = self._find("p")
            if index is not None:
                self._close(index, start)
            if tag in ("li", "dd", "dt"):
                for item in ("li",) if tag == "li" else ("dd", "dt"):
                    index = self._find(item)
                    if index is not None:
                        self._close(index, start)
        if tag in ("a", "nobr"):
            self._end_formatting(tag, start, None, implied=True)
        if tag in VOID:
            if tag != "wbr":
                self._separator(start)
            return
        if tag not in INLINE:
            self._separator(start)
        self._push(tag, "html", start, end, attributes)
        if tag == "script":
            self._tokenizer.state = self._tokenizer.scriptDataState
        elif tag in RAWTEXT:
            self._tokenizer.state = self._tokenizer.rawtextState
        elif tag in RCDATA:
            self._tokenizer.state = self._tokenizer.rcdataState
        elif tag == "plaintext":
            self._tokenizer.state = self._tokenizer.plaintextState

    def _end_tag(self, tag: str, start: int, end: int) -> None:
        if tag not in INLINE:
            self._separator(start)
        if self._current_ns() != "html":
            index = None
            for steps, i in enumerate(range(len(self.stack) - 1, -1, -1)):
                if steps > BUDGET:
                    self.dead = True
                    return
                if self.stack[i].ns == "html":
                    break
                if self.stack[i].tag == tag:
                    index = i
                    break
            if index is not None:
                self._close(index, start)
                return
        if tag in FORMATTING:
            self._end_formatting(tag, start, end)
            return
        if tag == "sup":
            self._footnote_marker()
        index = self._find(tag)
        if index is None:
            return
        self._close(index, start, end)
        if tag in MARKERS:
            while self.formatting:
                entry = self.formatting.pop()
                if entry is None:
                    break
                if not entry.on_stack:
                    self.detached -= 1

    def _end_formatting(self, tag: str, start: int, end: int | None, *, implied: bool = False) -> None:
        """The adoption agency, reduced to what decides masking: the element and what was opened
        inside it are closed; formatting elements among them are reopened before the next text."""
        entry = None
        for steps, index in enumerate(range(len(self.formatting) - 1, -1, -1)):
            if steps > BUDGET:
                self.dead = True
                return
            candidate = self.formatting[index]
            if candidate is None:
                break
            if candidate.tag == tag:
                entry = candidate
                break
        if entry is None:
            if not implied:
                index = self._find(tag)
                if index is not None:
                    self._close(index, start, end)
            return
        if not entry.on_stack:
            self._forget(entry)
            return
        index = None
        for steps, i in enumerate(range(len(self.stack) - 1, -1, -1)):
            if steps > BUDGET:
                self.dead = True
                return
            if self.stack[i].formatting is entry:
                index = i
                break
            if self.stack[i].tag in SCOPE or self.stack[i].ns != "html":
                break
        if index is None:
            if implied:
                self._forget(entry)
            return
        clean = index == len(self.stack) - 1
        self._close(index, start, end if clean else None)
        self._forget(entry)

    def _footnote_marker(self) -> None:
        """A ``<sup>`` holding only a footnote marker (1, [2], *, †) is kept out of the text, so
        ``Supremacy Clause<sup>1</sup>`` reads as the name."""
        if not self.stack or self.stack[-1].tag != "sup" or self.stack[-1].inline is None:
            return
        element = self.elements[self.stack[-1].inline]
        first = element.first_char
        if len(self.chars) - first > 12 or not FOOTNOTE.fullmatch("".join(self.chars[first:])):
            return
        for i in range(first, len(self.chars)):
            self.chars[i] = SEPARATOR
            self.visible_at[i] = -1

    def _finish(self) -> None:
        end = len(self.source)
        while self.stack:
            self._pop(end)
        if self.dead:  # stop at the last certain point: drop nothing, but annotate nothing after it
            self._separator(end)


def _normalise_newlines(source: str):
    """The input with CR LF and CR made LF (as the tokenizer's stream does), and a function from
    offsets in it back to offsets in ``source``."""
    if "\r" not in source:
        return source, lambda offset: offset
    starts = [m.start() for m in re.finditer("\r\n", source)]  # each loses one character
    normal = source.replace("\r\n", "\n").replace("\r", "\n")
    removed = [s - i for i, s in enumerate(starts)]  # normalised offset of each removed pair's "\n"

    def origin(offset: int) -> int:
        return offset + bisect.bisect_right(removed, offset - 1)

    return normal, origin


def visible_text(reader: Reader) -> str:
    return "".join(reader.visible)


def decode(fragment: str) -> str:
    return unescape(fragment)
