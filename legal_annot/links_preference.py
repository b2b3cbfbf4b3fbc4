"""A site's preferred link providers: reorder each authority's links without editing the catalog.

Renderers link to an authority's first link, so putting the preferred provider's link first is
all a site needs. Providers are matched, case-insensitively, against a link's label and host:
``"lii"`` matches "Cornell LII" (law.cornell.edu), ``"justia"``, ``"oyez"``, ``"courtlistener"``.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from urllib.parse import urlsplit

import attrs

from legal_annot.models import Annotation, Authority, Link, Result

PROVIDERS = {"lii": ("lii", "law.cornell.edu"), "justia": ("justia",), "oyez": ("oyez",),
             "courtlistener": ("courtlistener",), "govinfo": ("govinfo",), "congress": ("congress.gov",),
             "federalregister": ("federal register", "federalregister.gov")}


def parse_providers(value: str | Sequence[str]) -> tuple[str, ...]:
    """'justia, LII' or ['justia', 'lii'] as lower-case provider names, in order."""
    items = value.split(",") if isinstance(value, str) else value
    return tuple(p.strip().lower() for p in items if p and p.strip())


def _rank(link: Link, providers: tuple[str, ...]) -> int:
    label, host = link.label.lower(), urlsplit(link.url).netloc.lower()
    for rank, provider in enumerate(providers):
        if any(word in label or word in host for word in PROVIDERS.get(provider, (provider,))):
            return rank
    return len(providers)


@lru_cache(maxsize=4096)
def _preferred(authority: Authority, providers: tuple[str, ...]) -> Authority:
    links = tuple(sorted(authority.links, key=lambda link: _rank(link, providers)))  # stable: catalog order kept
    return authority if links == authority.links else attrs.evolve(authority, links=links)


def _annotation(ann: Annotation, providers: tuple[str, ...]) -> Annotation:
    if ann.authority is None and not ann.candidates:
        return ann
    return attrs.evolve(ann, authority=_preferred(ann.authority, providers) if ann.authority else None,
                        candidates=tuple(_preferred(c, providers) for c in ann.candidates))


def prefer_links(result: Result, providers: str | Sequence[str]) -> Result:
    """``result`` with every authority's links reordered so the first preferred provider comes first."""
    chosen = parse_providers(providers)
    if not chosen:
        return result
    return Result(result.text, tuple(_annotation(a, chosen) for a in result))
