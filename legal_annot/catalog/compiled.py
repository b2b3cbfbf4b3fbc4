"""The catalog compiled for matching: every index the stages read, built once and cached on disk.

One :class:`CompiledCatalog` holds the phrase automaton (names, cues and description terms, for
the roles and cues the enabled stages ask for), the description layout, the citation index, the
per-entry facts the names stage needs, and the Act section tables. Stages take their indexes from
it and build none of their own, so each is built once per catalog, not once per stage.

:func:`compile_catalog` returns the cached copy when one exists for the same catalog content,
stage needs and library version (see :mod:`legal_annot.catalog.cache`), and otherwise builds it
and stores it for the next process.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator, Mapping

import attrs

from legal_annot.catalog import Catalog, cache
from legal_annot.models import Kind

# (kind, acronyms, proper noun, plain aliases) of an entry, for the names stage
NameFacts = tuple[Kind, frozenset[str], bool, frozenset[str]]


@attrs.frozen(eq=False)
class CompiledCatalog:
    """Everything derived from one catalog that annotating needs (immutable once built).

    ``key`` names it in the disk cache; ``catalog`` is not part of the cached pickle (it is cached
    on its own) and is set again when the compiled form is loaded.
    """

    key: str
    catalog: Catalog = attrs.field(repr=False)
    scanner: object = attrs.field(repr=False)  # legal_annot.detect.phrases.PhraseScanner
    citations: object = attrs.field(repr=False)  # legal_annot.detect.statutes.CitationIndex
    name_facts: Mapping[str, NameFacts] = attrs.field(repr=False)
    sections: Mapping[str, Mapping[str, str]] = attrs.field(repr=False)
    case_keys: object = attrs.field(repr=False)  # legal_annot.detect.case_keys.CaseKeys

    @property
    def layout(self) -> object:
        """The description layout the scanner coded terms with (legal_annot.detect.term_codes)."""
        return self.scanner.layout  # type: ignore[attr-defined]

    def __getstate__(self) -> dict[str, object]:
        state = {field.name: getattr(self, field.name) for field in attrs.fields(type(self))}
        state["catalog"] = None  # cached on its own; put back by compile_catalog
        return state

    def __setstate__(self, state: dict[str, object]) -> None:
        for name, value in state.items():
            object.__setattr__(self, name, value)


def compile_key(catalog: Catalog, roles: frozenset[str], cues: Mapping[str, str]) -> str:
    """The cache key of a catalog compiled for these roles and cues."""
    needs = "|".join(sorted(roles)) + "\n" + "\n".join(f"{p}\t{c}" for p, c in sorted(cues.items()))
    return "compiled-" + cache.digest(catalog.digest, needs, cache.library_digest())


def compile_catalog(catalog: Catalog, roles: frozenset[str], cues: Mapping[str, str], *,
                    use_cache: bool = True) -> CompiledCatalog:
    """The catalog compiled for stages that read these phrase ``roles`` and engine ``cues``
    (phrase -> cue name): from the disk cache when it holds it, else built (and stored)."""
    key = compile_key(catalog, roles, cues)
    if use_cache:
        with _no_gc():
            found = cache.load(key)
        if isinstance(found, CompiledCatalog) and found.key == key:
            object.__setattr__(found, "catalog", catalog)
            return found
    compiled = build(catalog, roles, cues, key)
    if use_cache:
        cache.store(key, compiled)
    return compiled


def build(catalog: Catalog, roles: frozenset[str], cues: Mapping[str, str], key: str = "") -> CompiledCatalog:
    """Build every index from the catalog (linear in its size)."""
    from legal_annot.detect.case_keys import CaseKeys
    from legal_annot.detect.phrases import PhraseScanner
    from legal_annot.detect.statutes import CitationIndex

    with _no_gc():
        return CompiledCatalog(
            key=key, catalog=catalog,
            scanner=PhraseScanner(catalog, cues=dict(cues), roles=roles),
            citations=CitationIndex(catalog),
            name_facts={e.id: (e.authority.kind, frozenset(e.acronyms), e.proper_noun, frozenset(e.plain_aliases))
                        for e in catalog.entries},
            sections={e.id: dict(e.sections) for e in catalog.entries if e.sections},
            case_keys=CaseKeys(catalog),
        )


@contextlib.contextmanager
def _no_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector: building allocates millions of small acyclic objects,
    and each full collection walks all of those built so far, which makes a large build
    superlinear. The indexes hold no reference cycles, so nothing is left for it to find."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
