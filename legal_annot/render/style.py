"""The stylesheet shipped with the library (legal-annot.css beside this module)."""

from __future__ import annotations

from functools import cache
from importlib.resources import files


@cache
def stylesheet() -> str:
    """The CSS for annotation elements: colours per kind, a tooltip that stays on screen."""
    return files("legal_annot.render").joinpath("legal-annot.css").read_text(encoding="utf-8")


def with_stylesheet(html: str) -> str:
    """``html`` with the stylesheet in a ``<style>`` element just before ``</head>``; unchanged
    when there is no head end tag (a fragment) or the stylesheet is already there."""
    css = stylesheet()
    lower = html.lower()
    at = lower.find("</head>")
    if at < 0 or css in html:
        return html
    return f"{html[:at]}<style>\n{css}</style>\n{html[at:]}"
