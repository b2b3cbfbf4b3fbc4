"""Find every alias of every catalog authority in one pass (Aho-Corasick over folded text).

The automaton is built once per catalog. A scan reports raw hits with whole-word boundaries;
deciding between overlapping hits and keeping short names only after a full name is the
resolver's job.
"""

from __future__ import annotations

from collections.abc import Iterator

import ahocorasick
import attrs

from legal_annot.catalog import Catalog

NAME, SHORT_NAME, GENERIC, CONTEXT = "name", "short_name", "generic", "context"


@attrs.frozen
class NameHit:
    """An alias found in folded text: ``[start, end)`` in folded positions."""

    start: int
    end: int
    how: str  # NAME, SHORT_NAME, GENERIC or CONTEXT (a cue that makes entries likelier)
    entry_ids: tuple[str, ...]


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


class NameDetector:
    """One automaton holding every alias, short name and generic name of a catalog."""

    def __init__(self, catalog: Catalog) -> None:
        table: dict[str, dict[str, list[str]]] = {}
        for entry in catalog.entries:
            for how, phrases in ((NAME, entry.aliases), (SHORT_NAME, entry.short_names),
                                 (GENERIC, entry.generic_names), (CONTEXT, entry.context)):
                for phrase in phrases:
                    ids = table.setdefault(phrase, {}).setdefault(how, [])
                    if entry.id not in ids:
                        ids.append(entry.id)
        automaton = ahocorasick.Automaton(ahocorasick.STORE_ANY, ahocorasick.KEY_STRING)
        for phrase, by_how in table.items():
            # A phrase that is a full name somewhere outranks its use as a short or generic name.
            how = next(h for h in (NAME, SHORT_NAME, GENERIC, CONTEXT) if h in by_how)
            automaton.add_word(phrase, (len(phrase), how, tuple(by_how[how])))
        if len(automaton):
            automaton.make_automaton()
        self._automaton = automaton
        self.size = len(table)

    def scan(self, folded: str) -> Iterator[NameHit]:
        """Every whole-word occurrence of a catalog phrase in ``folded`` text."""
        if not self.size:
            return
        last = len(folded) - 1
        for end_index, (length, how, ids) in self._automaton.iter(folded):
            start = end_index - length + 1
            if start > 0 and _is_word_char(folded[start - 1]) and _is_word_char(folded[start]):
                continue
            if end_index < last and _is_word_char(folded[end_index + 1]) and _is_word_char(folded[end_index]):
                continue
            yield NameHit(start, end_index + 1, how, ids)
