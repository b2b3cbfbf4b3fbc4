"""A complete, self-contained HTML page for a Result: the text in paragraphs, each reference
linked, its explanation shown on hover and on keyboard focus. No external resources."""

from __future__ import annotations

import re
from html import escape

import attrs

from legal_annot.models import Result
from legal_annot.render.elements import HtmlOptions
from legal_annot.render.html import render_html
from legal_annot.render.style import stylesheet

STYLE = """
body { font: 17px/1.6 Georgia, "DejaVu Serif", serif; max-width: 44rem; margin: 2rem auto; padding: 0 1rem;
       color: #1d1d1f; background: #fbfaf7; }
h1 { font-size: 1.6rem; line-height: 1.25; }
p.legend { font: 14px/1.4 system-ui, "DejaVu Sans", sans-serif; color: #555; }
"""


_BLANK_LINE = re.compile(r"\n[ \t]*\n\s*")


def paragraphs_of(result: Result) -> list[Result]:
    """The Result cut at blank lines, one Result per non-empty paragraph; an annotation that would
    run across a paragraph break is left out rather than open in one and close in the next."""
    parts, start = [], 0
    for cut in [*_BLANK_LINE.finditer(result.text), None]:
        end = cut.start() if cut else len(result.text)
        if result.text[start:end].strip():
            inside = tuple(attrs.evolve(a, start=a.start - start, end=a.end - start)
                           for a in result.annotations if start <= a.start and a.end <= end)
            parts.append(Result(result.text[start:end], inside))
        start = cut.end() if cut else end
    return parts


def render_page(result: Result, title: str, options: HtmlOptions | None = None) -> str:
    """The page: a heading, a short legend, then the text with paragraphs kept."""
    paragraphs = [render_html(part, options) for part in paragraphs_of(result)]
    heading, rest = (paragraphs[0], paragraphs[1:]) if paragraphs else ("", [])
    blocks = "\n".join(f"<p>{p}</p>" for p in rest)
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(title)}</title>
<style>{STYLE}{stylesheet()}</style>
</head>
<body>
<p class="legend">Annotated by legal_annot: hover over or tab to a highlighted reference to read what it
is; follow it to the law itself.</p>
<h1>{heading}</h1>
{blocks}
</body>
</html>
"""
