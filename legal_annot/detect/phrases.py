"""One pass over folded text finds every catalog phrase: names, short names, generic names,
context cues and description terms (Aho-Corasick, built once per catalog).

Each phrase carries the roles it plays for which entries; the named and descriptive detectors
read the same pass, so adding descriptions costs no second scan. The pass sorts its hits into
two lists as it goes: :class:`PhraseHit` for names, context and engine cues, and plain
``TermHit`` tuples for description terms, which are many (common words) and read by one stage.
"""

from __future__ import annotations

import re
from typing import NamedTuple

import ahocorasick
import attrs

from legal_annot.catalog import Catalog

NAME, SHORT_NAME, GENERIC, CONTEXT, TERM, ABSENT, CUE = (
    "name", "short_name", "generic", "context", "term", "absent", "cue")
_NAME_ROLES = (NAME, SHORT_NAME, GENERIC)


@attrs.frozen
class Role:
    """What a phrase means for one entry. ``group`` is the concept group of a description term."""

    role: str
    entry_id: str
    group: int = -1
    prefix: bool = False  # matches any word ending ("conspir*")


class PhraseHit(NamedTuple):
    """A phrase found in folded text: ``[start, end)`` in folded positions, with its roles.

    A named tuple, not an attrs class: a long text yields hundreds of thousands of these, and
    tuple construction is several times cheaper."""

    start: int
    end: int
    roles: tuple[Role, ...]


# (start, end, roles) of a description term: a plain tuple, since a long text yields hundreds
# of thousands and even a named tuple costs five times as much to build.
TermHit = tuple[int, int, tuple[Role, ...]]


class Hits(NamedTuple):
    """What one scan found: ``named`` (names, context, cues) and ``terms`` (description terms and
    absent terms), each in order of where the phrases end. A phrase that is both lands in both."""

    named: list[PhraseHit]
    terms: list[TermHit]


NAME_ROLES = frozenset({NAME, SHORT_NAME, GENERIC, CONTEXT})
DESCRIPTION_ROLES = frozenset({TERM, ABSENT})


def _roles_of(catalog: Catalog, wanted: frozenset[str]) -> dict[str, list[Role]]:
    table: dict[str, list[Role]] = {}

    def add(phrase: str, role: Role) -> None:
        if role.role not in wanted:
            return
        roles = table.setdefault(phrase, [])
        if role not in roles:
            roles.append(role)

    for entry in catalog.entries:
        for role, phrases in ((NAME, entry.aliases), (SHORT_NAME, entry.short_names),
                              (GENERIC, entry.generic_names), (CONTEXT, entry.context)):
            for phrase in phrases:
                add(phrase, Role(role, entry.id))
        if entry.description is not None:
            for group, terms in enumerate(entry.description.concepts):
                for term in terms:
                    add(term.rstrip("*"), Role(TERM, entry.id, group, term.endswith("*")))
            for term in entry.description.absent:
                add(term.rstrip("*"), Role(ABSENT, entry.id, -1, term.endswith("*")))
    return table


_ORDER = {NAME: 0, SHORT_NAME: 0, GENERIC: 0, CONTEXT: 1, TERM: 2, ABSENT: 2, CUE: 3}


def _name_roles_first(roles: list[Role]) -> tuple[Role, ...]:
    """Order a phrase's roles: names first, then context cues, terms, engine cues. A phrase that is
    a full name of one entry is never also a short or generic name."""
    names = [r for r in roles if r.role in _NAME_ROLES]
    if names:
        best = min(_NAME_ROLES.index(r.role) for r in names)
        roles = [r for r in roles if r.role not in _NAME_ROLES or _NAME_ROLES.index(r.role) == best]
    return tuple(sorted(roles, key=lambda r: _ORDER[r.role]))


class PhraseScanner:
    """One automaton holding every phrase of a catalog."""

    def __init__(self, catalog: Catalog, cues: dict[str, str] | None = None,
                 roles: frozenset[str] = NAME_ROLES | DESCRIPTION_ROLES) -> None:
        """``roles`` limits the catalog phrases to those the enabled stages read. ``cues`` adds
        engine phrases (not law) to the same pass: phrase -> cue name, reported as a ``CUE`` role
        whose ``entry_id`` is the cue name (anaphors, penalty anchors)."""
        table = _roles_of(catalog, roles)
        for phrase, name in (cues or {}).items():
            table.setdefault(phrase, []).append(Role(CUE, name))
        automaton = ahocorasick.Automaton(ahocorasick.STORE_ANY, ahocorasick.KEY_STRING)
        for phrase, roles in table.items():
            ordered = _name_roles_first(roles)
            named = tuple(r for r in ordered if r.role not in DESCRIPTION_ROLES)
            exact = tuple(r for r in ordered if r.role in DESCRIPTION_ROLES and not r.prefix)
            prefix = tuple(r for r in ordered if r.prefix)
            # Precomputed role tuples: a hit only points at them, so millions of hits cost little.
            # The flags say whether the phrase starts / ends with a word character, where a match
            # must not continue a word.
            automaton.add_word(phrase, (len(phrase) - 1, named, prefix, exact + prefix,
                                        phrase[0].isalnum(), phrase[-1].isalnum()))
        if len(automaton):
            automaton.make_automaton()
        self._automaton = automaton
        self.size = len(table)

    def scan(self, folded: str) -> Hits:
        """Every occurrence of a catalog phrase that starts a word (and, unless it is a prefix
        term, ends one)."""
        hits = Hits([], [])
        if not self.size:
            return hits
        add_named, add_term = hits.named.append, hits.terms.append
        # A space appended (the automaton never sees it) stands in for both ends of the text,
        # so no match needs a bounds check: text[-1] and text[len(folded)] are that space.
        text = folded + " "
        for end_index, (length, named, prefix, terms, word_start, word_end) in self._automaton.iter(folded):
            start = end_index - length
            # A phrase starting or ending with a word character must not continue a word (a
            # space, the commonest neighbour, is tested first).
            if word_start:
                before = text[start - 1]
                if before != " " and (before.isalnum() or before == "_"):
                    continue
            if word_end:
                after = text[end_index + 1]
                if after != " " and (after.isalnum() or after == "_"):
                    if prefix:
                        add_term((start, _word_end(folded, end_index + 1), prefix))
                    continue
            if named:
                add_named(PhraseHit(start, end_index + 1, named))
            if terms:
                add_term((start, end_index + 1, terms))
        return hits


_WORD_REST = re.compile(r"\w*")


def _word_end(folded: str, position: int) -> int:
    """Extend a prefix match to the end of its word."""
    match = _WORD_REST.match(folded, position)
    return match.end() if match else position
