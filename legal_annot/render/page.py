"""A complete, self-contained HTML page for a Result: the text in paragraphs, each reference
linked, its explanation shown on hover and on keyboard focus. No external resources."""

from __future__ import annotations

from html import escape

from legal_annot.models import Result
from legal_annot.render.elements import HtmlOptions
from legal_annot.render.html import render_html

STYLE = """
body { font: 17px/1.6 Georgia, "DejaVu Serif", serif; max-width: 44rem; margin: 2rem auto; padding: 0 1rem;
       color: #1d1d1f; background: #fbfaf7; }
h1 { font-size: 1.6rem; line-height: 1.25; }
p.legend { font: 14px/1.4 system-ui, "DejaVu Sans", sans-serif; color: #555; }
.legal-annot { position: relative; color: inherit; text-decoration: none; border-bottom: 2px solid #8aa8d8;
               background: #eef3fb; border-radius: 2px; cursor: help; }
a.legal-annot { border-bottom-color: #2f5fb3; }
.legal-annot--case { background: #f4eefb; border-bottom-color: #7a4bb3; }
.legal-annot--statute, .legal-annot--regulation { background: #eef8f1; border-bottom-color: #2e8b57; }
.legal-annot--doctrine { background: #fdf4e7; border-bottom-color: #c27c0e; }
.legal-annot--penalty { background: #fdeeee; border-bottom-color: #b33a3a; }
.legal-annot:focus { outline: 2px solid #2f5fb3; outline-offset: 1px; }
.legal-annot:hover::after, .legal-annot:focus::after {
  content: attr(title); position: absolute; left: 0; top: 1.7em; z-index: 10; width: 22rem;
  padding: .6rem .75rem; font: 13px/1.45 system-ui, "DejaVu Sans", sans-serif; color: #1d1d1f;
  background: #fff; border: 1px solid #c9c9c9; border-radius: 6px; box-shadow: 0 4px 14px rgba(0,0,0,.15);
  white-space: normal; }
"""


def render_page(result: Result, title: str, options: HtmlOptions | None = None) -> str:
    """The page: a heading, a short legend, then the text with paragraphs kept."""
    body = render_html(result, options)
    paragraphs = [p for p in body.split("\n\n") if p.strip()]
    heading, rest = (paragraphs[0], paragraphs[1:]) if paragraphs else ("", [])
    blocks = "\n".join(f"<p>{p}</p>" for p in rest)
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(title)}</title>
<style>{STYLE}</style>
</head>
<body>
<p class="legend">Annotated by legal_annot: hover over or tab to a highlighted reference to read what it
is; follow it to the law itself.</p>
<h1>{heading}</h1>
{blocks}
</body>
</html>
"""
