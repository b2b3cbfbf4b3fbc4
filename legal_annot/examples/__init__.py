"""Bundled example texts (written for this project; no published prose)."""

from __future__ import annotations

from importlib import resources

EXAMPLE_ARTICLE = "county_jail_standoff.txt"


def example_article() -> str:
    """The bundled example news article, a fictional report dense with legal references."""
    return (resources.files(__package__) / EXAMPLE_ARTICLE).read_text(encoding="utf-8")
