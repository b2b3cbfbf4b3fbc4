"""The catalog: every authority legal_annot knows, loaded from data files and validated.

``Catalog.default()`` reads the files shipped in ``catalog/data/authorities``; a user's own files
are loaded with ``Catalog.from_files`` and layered over the defaults with ``extend`` (an entry
with an id that already exists replaces the earlier one; an ``[[update]]`` table adds history to
an existing entry without replacing it).
"""

from __future__ import annotations

import functools
import os
import pickle
import warnings
from collections.abc import Iterable, Iterator
from importlib import resources
from pathlib import Path

import attrs

from legal_annot.catalog.aliases import AliasExpander
from legal_annot.catalog.history import Update, apply_update, link_history, read_updates
from legal_annot.catalog.loader import read_file, read_variants
from legal_annot.catalog.schema import Description, Entry
from legal_annot.errors import CatalogError
from legal_annot.models import Authority

__all__ = ["Catalog", "Description", "Entry"]

_DATA = resources.files("legal_annot") / "catalog" / "data"


@functools.cache
def default_expander() -> AliasExpander:
    """The alias expander built from the shipped ``variants.toml``."""
    with resources.as_file(_DATA / "variants.toml") as path:
        return read_variants(path)


class Catalog:
    """An immutable, validated collection of catalog entries."""

    __slots__ = ("_entries", "_by_id", "_updates", "_digest")

    def __init__(self, entries: Iterable[Entry] = (), *, check_references: bool = True,
                 updates: Iterable[Update] = ()) -> None:
        by_id: dict[str, Entry] = {}
        if isinstance(entries, (str, bytes)) or not isinstance(entries, Iterable):
            raise TypeError(f"Catalog() expects an iterable of catalog entries, not {type(entries).__name__}; "
                            "load files with Catalog.from_files(paths)")
        for entry in entries:
            if not isinstance(entry, Entry):
                raise TypeError(f"Catalog() expects catalog entries, not {type(entry).__name__}; "
                                "load files with Catalog.from_files(paths)")
            if entry.id in by_id:
                raise CatalogError(f"duplicate id, already defined in {by_id[entry.id].file}",
                                   file=entry.file, entry=entry.id, field="id")
            by_id[entry.id] = entry
        self._updates = tuple(updates)
        by_id = _with_history(by_id, check_references)
        self._entries = tuple(by_id.values())
        self._by_id = by_id
        self._digest: str | None = None
        self._check_aliases()
        if check_references:
            self._check_related()

    @classmethod
    @functools.cache
    def default(cls) -> Catalog:
        """The catalog shipped with legal_annot (loaded once, then shared; cached on disk)."""
        from legal_annot.catalog import cache

        key = cls.default_digest()
        found = cache.load(key)
        if isinstance(found, Catalog) and found._digest == key:
            return found
        with resources.as_file(_DATA / "authorities") as folder:
            catalog = cls(cls.from_files(cls._default_files(Path(folder))).entries)
        catalog._digest = key
        cache.store(key, catalog)
        return catalog

    @staticmethod
    def default_digest() -> str:
        """The :attr:`digest` of the default catalog, known without loading it: the library's
        digest covers every file shipped in the package, the catalog's included."""
        from legal_annot.catalog import cache

        return "catalog-" + cache.digest(cache.library_digest(), "default")

    @staticmethod
    def _default_files(folder: Path) -> list[Path]:
        """The data files the default catalog is read from, in order."""
        return sorted(folder.glob("*.toml"))

    @classmethod
    def from_files(cls, paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]]) -> Catalog:
        """Load catalog files (TOML, ``[[authority]]`` tables); raise CatalogError on bad data.

        ``paths`` is one path or several. ``related`` ids are checked once the files are layered
        over a base with ``extend``.
        """
        if isinstance(paths, (str, os.PathLike)):
            paths = [paths]
        elif isinstance(paths, bytes) or not isinstance(paths, Iterable):
            raise TypeError(f"Catalog.from_files() expects a path or an iterable of paths, not {type(paths).__name__}")
        checked = []
        for path in paths:
            if not isinstance(path, (str, os.PathLike)):
                raise TypeError(f"Catalog.from_files() expects paths (str or os.PathLike), not {type(path).__name__}")
            checked.append(Path(path))
        expander = default_expander()
        entries = [entry for path in checked for entry in read_file(path, expander)]
        updates = [update for path in checked for update in read_updates(path)]
        return cls(entries, check_references=False, updates=updates)

    def extend(self, other: Catalog) -> Catalog:
        """A new catalog: this one with ``other`` layered on top (same id: ``other`` wins, with a
        UserWarning naming the replaced ids, since a user file shadowing a shipped entry is usually a slip).

        ``other``'s ``[[update]]`` tables then add their events to the merged entries.
        """
        if not isinstance(other, Catalog):
            raise TypeError(f"Catalog.extend() expects a Catalog, not {type(other).__name__}; "
                            "load files with Catalog.from_files(paths)")
        merged = dict(self._by_id)
        if replaced := [ident for ident in other._by_id if ident in merged]:
            shown = ", ".join(f"{ident} (from {other._by_id[ident].file})" for ident in replaced[:5])
            more = f" and {len(replaced) - 5} more" if len(replaced) > 5 else ""
            warnings.warn(f"catalog entries replace ones with the same id: {shown}{more}", UserWarning, stacklevel=2)
        merged.update(other._by_id)
        for update in other._updates:
            if update.id not in merged:
                raise CatalogError("updates an id that is in no catalog layer", file=update.file,
                                   entry=update.id, field="id")
            entry = merged[update.id]
            merged[update.id] = _evolve(entry, authority=apply_update(entry.authority, update))
        return Catalog(merged.values())

    @property
    def entries(self) -> tuple[Entry, ...]:
        return self._entries

    def __getitem__(self, ident: str) -> Authority:
        return self._by_id[ident].authority

    def entry(self, ident: str) -> Entry:
        """The full entry (aliases, examples, description ...) for an id."""
        return self._by_id[ident]

    def __contains__(self, ident: object) -> bool:
        return ident in self._by_id

    def __iter__(self) -> Iterator[Authority]:
        return (entry.authority for entry in self._entries)

    def __len__(self) -> int:
        return len(self._entries)

    def __repr__(self) -> str:
        return f"<Catalog of {len(self)} authorities>"

    @property
    def digest(self) -> str:
        """A digest of the catalog's content: equal for catalogs with equal entries (in order)."""
        if self._digest is None:
            from legal_annot.catalog import cache

            self._digest = "catalog-" + cache.digest(pickle.dumps((self._entries, self._updates), protocol=5))
        return self._digest

    def __getstate__(self) -> tuple[tuple[Entry, ...], str | None, tuple[Update, ...]]:
        return self._entries, self._digest, self._updates

    def __setstate__(self, state: tuple[tuple[Entry, ...], str | None, tuple[Update, ...]]) -> None:
        self._entries, self._digest, self._updates = state
        self._by_id = {e.id: e for e in self._entries}

    def _check_aliases(self) -> None:
        """Two entries may share a name only as a declared generic name."""
        owner: dict[str, Entry] = {}
        for entry in self._entries:
            for alias in dict.fromkeys(entry.aliases):
                if alias in owner:
                    other = owner[alias]
                    raise CatalogError(
                        f"alias {alias!r} is also claimed by {other.id!r} ({other.file}); "
                        "declare shared phrases as generic_names instead",
                        file=entry.file, entry=entry.id, field="aliases")
                owner[alias] = entry

    def _check_related(self) -> None:
        for entry in self._entries:
            for ident in entry.authority.related:
                if ident not in self._by_id:
                    raise CatalogError(f"refers to unknown id {ident!r}", file=entry.file,
                                       entry=entry.id, field="related")


def _evolve(entry: Entry, **changes: object) -> Entry:
    return attrs.evolve(entry, **changes)


def _with_history(by_id: dict[str, Entry], check: bool) -> dict[str, Entry]:
    """Entries with each history event's ``by`` resolved and acting entries linked back."""
    if not any(e.authority.history for e in by_id.values()):
        return by_id

    def fail(authority: Authority, message: str) -> CatalogError:
        return CatalogError(message, file=by_id[authority.id].file, entry=authority.id, field="history")

    linked = link_history((e.authority for e in by_id.values()), check=check, fail=fail)
    return {ident: entry if linked[ident] is entry.authority else _evolve(entry, authority=linked[ident])
            for ident, entry in by_id.items()}
