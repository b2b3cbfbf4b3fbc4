"""Where the prose of a Markdown document is: a CommonMark parser (markdown-it-py) with a source map
down to each run of plain text.

markdown-it-py's block tokens carry line maps; inline tokens carry none. The parser built here
records, for every ``text`` token, where its characters start in the inline source (a subclass
of the inline state notes the position at which literal text starts to accumulate), and each
inline source line is located in the document's line. A run of text whose characters cannot be
located exactly is simply not offered for annotation.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

import attrs
from markdown_it import MarkdownIt
from markdown_it.rules_inline.state_inline import StateInline
from markdown_it.token import Token
from mdit_py_plugins.footnote import footnote_plugin
from mdit_py_plugins.front_matter import front_matter_plugin

_NEWLINE = re.compile(r"\r\n?|\n")
START = "legal_annot_start"  # Token.meta key: where a text token starts in its inline source
_BASE_PENDING = StateInline.__dict__.get("pending")


class _TrackingState(StateInline):
    """An inline state that remembers where the pending literal text began."""

    def __init__(self, *args: Any) -> None:
        self._text_start: int | None = None
        super().__init__(*args)

    @property  # type: ignore[override]
    def pending(self) -> str:
        if isinstance(_BASE_PENDING, property):
            return _BASE_PENDING.fget(self)  # type: ignore[misc]
        return self.__dict__.get("_la_pending", "")

    @pending.setter
    def pending(self, value: str) -> None:
        if not value:
            self._text_start = None
        elif getattr(self, "_text_start", None) is None:
            self._text_start = self.pos
        if isinstance(_BASE_PENDING, property):
            _BASE_PENDING.fset(self, value)  # type: ignore[misc]
        else:
            self.__dict__["_la_pending"] = value

    def append_pending(self, text: str) -> None:
        if self._text_start is None:
            self._text_start = self.pos
        super().append_pending(text)  # type: ignore[misc]

    def push(self, ttype: str, tag: str, nesting: Any) -> Token:
        token = super().push(ttype, tag, nesting)
        if ttype == "text_special":  # escapes and entities: pushed while pos is at their start
            token.meta[START] = self.pos
        return token

    def pushPending(self) -> Token:  # noqa: N802 (markdown-it's API)
        start = self._text_start
        token = super().pushPending()
        if start is not None and self.src.startswith(token.content, start):
            token.meta[START] = start
        return token


def _tracking_parse(md: MarkdownIt) -> Any:
    def parse(src: str, md_: MarkdownIt, env: Any, tokens: list[Token]) -> list[Token]:
        state = _TrackingState(src, md_, env, tokens)
        md_.inline.tokenize(state)
        for rule in md_.inline.ruler2.getRules(""):
            rule(state)
        return state.tokens

    return parse


def document_parser() -> MarkdownIt:
    """CommonMark with raw HTML, GFM tables and strikethrough, front matter and footnotes."""
    return (MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
            .use(front_matter_plugin).use(footnote_plugin))


@lru_cache(maxsize=1)
def tracking_parser() -> MarkdownIt:
    """:func:`document_parser` whose text tokens record their start; escapes stay separate tokens."""
    md = document_parser()
    md.core.ruler.disable("text_join")
    md.inline.parse = _tracking_parse(md)  # type: ignore[method-assign]
    return md


@attrs.frozen
class Inline:
    """One inline token of the document (a paragraph, heading or table cell) and its source map.

    ``columns[k]`` is where line ``k`` of ``token.content`` starts in the document, as
    ``(document offset, content offset)``, or ``None`` when that line could not be located.
    """

    token: Token
    columns: tuple[tuple[int, int] | None, ...]

    def to_source(self, position: int) -> int | None:
        """The document offset of a position in the inline content, if its line is located."""
        content = self.token.content
        line = content.count("\n", 0, position)
        located = self.columns[line] if line < len(self.columns) else None
        if located is None:
            return None
        offset, begin = located
        return None if position < begin else offset + position - begin


def inlines(markdown: str, md: MarkdownIt | None = None) -> tuple[list[Inline], dict[str, Any]]:
    """The inline tokens of ``markdown`` with their source maps, and the env. HTML blocks come
    along (without a map) so that elements they leave open are known; the order is the token
    order, the order of the rendered HTML."""
    md = md or tracking_parser()
    env: dict[str, Any] = {}
    skip = front_matter_end(markdown)
    blanked = re.sub(r"[^\r\n]", " ", markdown[:skip]) + markdown[skip:]
    tokens = md.parse(blanked, env)
    markdown = markdown.replace("\0", "\ufffd")  # as markdown-it does; offsets are unchanged
    starts, lines, begin = [], [], 0
    for newline in _NEWLINE.finditer(markdown):  # the line breaks markdown-it normalises
        starts.append(begin)
        lines.append(markdown[begin:newline.start()])
        begin = newline.end()
    starts.append(begin)
    lines.append(markdown[begin:])
    found = []
    for index, token in enumerate(tokens):
        if token.type == "html_block":  # raw HTML may leave an element open over later prose
            found.append(Inline(token, ()))
            continue
        if token.type != "inline" or token.map is None:
            continue
        prose = index > 0 and tokens[index - 1].type == "paragraph_open"
        first = token.map[0]
        columns = []
        content_start = 0
        for k, piece in enumerate(token.content.split("\n")):
            number = first + k
            located = None
            if number < len(lines):
                where = _locate(lines[number], piece, suffix=prose)
                if where is not None:
                    lead, column = where
                    located = (starts[number] + column, content_start + lead)
            columns.append(located)
            content_start += len(piece) + 1
        found.append(Inline(token, tuple(columns)))
    return found, env


def front_matter_end(markdown: str) -> int:
    """The length of a YAML (``---``) or TOML (``+++``) front matter block opening the document."""
    first = _NEWLINE.search(markdown)
    if first is None:
        return 0
    fence = markdown[:first.start()].rstrip(" \t")
    if fence not in ("---", "+++"):
        return 0
    closers = ("---", "...") if fence == "---" else ("+++",)
    begin = first.end()
    for newline in _NEWLINE.finditer(markdown, begin):
        if markdown[begin:newline.start()].rstrip(" \t") in closers:
            return newline.end()
        begin = newline.end()
    return len(markdown) if markdown[begin:].rstrip(" \t") in closers else 0


def _locate(line: str, piece: str, *, suffix: bool) -> tuple[int, int] | None:
    """Where ``piece`` (one line of inline content, leading spaces aside) sits in ``line``.

    Returns (spaces skipped in the piece, column in the line). A paragraph's lines are suffixes of
    their source lines (trailing spaces aside); a heading's or table cell's text must occur
    exactly once in its line.
    """
    body = piece.lstrip(" ")
    lead = len(piece) - len(body)
    if not body:
        return None
    if suffix:
        stripped = line.rstrip()
        for candidate in (line, stripped):
            if candidate.endswith(body):
                return lead, len(candidate) - len(body)
    column = line.find(body)
    if column >= 0 and line.find(body, column + 1) < 0:
        return lead, column
    return None
