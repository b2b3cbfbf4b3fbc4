"""Annotate Markdown: add links around references without touching code spans, code blocks,
existing links, autolinks, bare URLs or inline HTML.

Protected regions are masked before annotating; each annotation that is not inside another
becomes an inline link ``[text](url "summary")``. Annotations without a link are left as text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from legal_annot.models import Annotation
from legal_annot.render.elements import link_of, tooltip

MASK = "\x00"
_PROTECTED = re.compile(
    r"""
      ^(?P<fence>[ ]{0,3}(?:`{3,}|~{3,}))[^\n]*\n(?:.*\n)*?[ ]{0,3}(?P=fence)[^\n]*$   # fenced code
    | (?:^(?:[ ]{4}|\t)[^\n]*\n?)+                                             # indented code
    | (?P<ticks>`+)[^`].*?(?P=ticks)                                             # code span
    | !?\[(?:[^\[\]]|\[[^\]]*\])*\]\([^)]*\)                                     # link or image
    | !?\[[^\]]*\]\[[^\]]*\]                                                     # reference link
    | ^[ ]{0,3}\[[^\]]+\]:[^\n]*$                                                # link definition
    | <[a-zA-Z][^>\n]*>|</[a-zA-Z][^>\n]*>                                       # autolink, inline HTML
    | (?:https?|ftp)://[^\s<>()]+                                                # bare URL
    """,
    re.VERBOSE | re.MULTILINE | re.DOTALL,
)
_ESCAPE_TEXT = re.compile(r"([\[\]\\])")


def mask_protected(markdown: str) -> str:
    """``markdown`` with every protected region replaced by MASK characters (same length)."""
    return _PROTECTED.sub(lambda m: MASK * len(m.group()), markdown)


def annotate_markdown_text(markdown: str, annotate: Callable[[str], Iterable[Annotation]]) -> str:
    """Insert inline links for the references found outside protected regions."""
    masked = mask_protected(markdown)
    out, last, outer_end = [], 0, -1
    for ann in annotate(masked):
        if MASK in ann.text or ann.start < outer_end:
            continue
        url = link_of(ann)
        if url is None:
            continue
        title = tooltip(ann).replace("\\", "\\\\").replace('"', '\\"')
        label = _ESCAPE_TEXT.sub(r"\\\1", markdown[ann.start:ann.end])
        out.append(markdown[last:ann.start])
        out.append(f'[{label}](<{url}> "{title}")')
        last = outer_end = ann.end
    out.append(markdown[last:])
    return "".join(out)
