"""One pass over folded text finds every catalog phrase: names, short names, generic names,
context cues and description terms (Aho-Corasick, built once per catalog).

Each phrase carries the roles it plays for which entries; the named and descriptive detectors
read the same pass, so adding descriptions costs no second scan. Names and context, and engine
cues, come back as two lists of :class:`PhraseHit`. Description terms are many (common words, every few
words of a news story), so the pass does not list them: it ORs their codes into one integer per
sentence (see :mod:`legal_annot.detect.term_codes`) and reports only the sentences where some
description has all its concept groups, with their terms' positions.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from typing import NamedTuple

import ahocorasick

from legal_annot.catalog import Catalog
from legal_annot.detect.roles import (
    ABSENT,
    CONTEXT,
    CUE,
    DESCRIPTION_ROLES,
    GENERIC,
    NAME,
    NAME_ROLES,
    SHORT_NAME,
    TERM,
    Role,
)
from legal_annot.detect.term_codes import DescriptionLayout, TermCode

_NAME_ROLES = (NAME, SHORT_NAME, GENERIC)


class PhraseHit(NamedTuple):
    """A phrase found in folded text: ``[start, end)`` in folded positions, with its roles.

    A named tuple, not an attrs class: a long text yields hundreds of thousands of these, and
    tuple construction is several times cheaper."""

    start: int
    end: int
    roles: tuple[Role, ...]


# (start, end, code) of a description term: a plain tuple, since a long text yields hundreds
# of thousands and even a named tuple costs five times as much to build.
TermHit = tuple[int, int, TermCode]


class DescribedSentence(NamedTuple):
    """A sentence ``[start, end)`` (folded positions) holding every concept group of at least one
    description: the OR of its term codes and its term hits, in order of where they end. A hit
    whose code ``continues`` stopped inside a word (a prefix term): its word ends later."""

    start: int
    end: int
    mask: int
    terms: list[TermHit]


class Hits(NamedTuple):
    """What one scan found: ``named`` (names and context) and ``cues`` (engine cues), in order of
    where they end, and ``described`` (sentences where some description may match)."""

    named: list[PhraseHit]
    cues: list[PhraseHit]
    described: list[DescribedSentence]


def _roles_of(catalog: Catalog, wanted: frozenset[str]) -> dict[str, list[Role]]:
    # Each phrase's roles as an ordered set (a dict): a term shared by thousands of entries
    # ("law") must not cost a scan of its roles per entry, or building grows with the square.
    table: dict[str, dict[Role, None]] = {}

    def add(phrase: str, role: Role) -> None:
        if role.role in wanted:
            table.setdefault(phrase, {})[role] = None

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
    return {phrase: list(roles) for phrase, roles in table.items()}


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
        layout = DescriptionLayout.of(catalog)
        for phrase, roles in table.items():
            ordered = _name_roles_first(roles)
            named = tuple(r for r in ordered if r.role not in DESCRIPTION_ROLES and r.role != CUE)
            cues = tuple(r for r in ordered if r.role == CUE)
            exact = tuple(r for r in ordered if r.role in DESCRIPTION_ROLES and not r.prefix)
            prefix = tuple(r for r in ordered if r.prefix)
            # Precomputed role tuples and term codes: a hit only points at them, so millions of
            # hits cost little. The flags say whether the phrase starts / ends with a word
            # character, where a match must not continue a word.
            automaton.add_word(phrase, (len(phrase) - 1, named, cues,
                                        layout.code(prefix, continues=True) if prefix else None,
                                        layout.code(exact + prefix) if exact or prefix else None,
                                        phrase[0].isalnum(), phrase[-1].isalnum()))
        if len(automaton):
            automaton.make_automaton()
        self._automaton = automaton
        self._layout = self.layout = layout  # shared with the descriptions stage
        self.size = len(table)
        self._longest = max(map(len, table), default=0)
        self.codes_terms = any(r.role in DESCRIPTION_ROLES for rs in table.values() for r in rs)

    def scan(self, folded: str, edges: Sequence[int] | None = None) -> Hits:
        """Every occurrence of a catalog phrase that starts a word (and, unless it is a prefix
        term, ends one). ``edges`` (sentence starts, then the text's length) are required when
        the scanner codes description terms (:attr:`codes_terms`)."""
        hits = Hits([], [], [])
        if not self.size:
            return hits
        if self.codes_terms and edges is None:
            raise ValueError("this scanner codes description terms: pass the sentence edges")
        add_named, add_cue, add_described = hits.named.append, hits.cues.append, hits.described.append
        low, guards, shift = self._layout.low, self._layout.guards, self._layout.shift
        mask = 0
        lo = hi = -1
        sentence: list[TermHit] = []
        keep = sentence.append
        # A match at either end of the text has nothing before or after it (the checks below
        # read the folded text itself: a padded copy would cost another byte per character).
        last = len(folded) - 1
        matches = (self._automaton.iter(folded) if len(folded) <= CHUNK
                   else _chunked(self._automaton, folded, self._longest))
        for end_index, (length, named, cues, prefix, terms, word_start, word_end) in matches:
            start = end_index - length
            # A phrase starting or ending with a word character must not continue a word (a
            # space, the commonest neighbour, is tested first).
            if word_start and start:
                before = folded[start - 1]
                if before != " " and (before.isalnum() or before == "_"):
                    continue
            code = terms
            if word_end and end_index < last:
                after = folded[end_index + 1]
                if after != " " and (after.isalnum() or after == "_"):
                    if prefix is None:
                        continue
                    code, named, cues = prefix, (), ()  # only a prefix term ("conspir*") may go on
            if named:
                add_named(PhraseHit(start, end_index + 1, named))
            if cues:
                add_cue(PhraseHit(start, end_index + 1, cues))
            if code is not None:
                if not lo <= start < hi:  # a new sentence: keep the last if it is complete for anyone
                    if (mask + low) & guards & ~(mask >> shift):  # DescriptionLayout.complete, inlined
                        add_described(DescribedSentence(lo, hi, mask, sentence))
                    sentence = []
                    keep = sentence.append
                    mask = 0
                    after_edge = bisect_right(edges, start)  # type: ignore[arg-type]
                    lo, hi = edges[after_edge - 1], edges[after_edge]  # type: ignore[index]
                mask |= code[0]
                keep((start, end_index + 1, code))
        if self._layout.complete(mask):
            add_described(DescribedSentence(lo, hi, mask, sentence))
        return hits


# pyahocorasick copies a text into a buffer of four bytes a character before searching it: a long
# text is searched by pieces of CHUNK characters, each with the longest phrase's length of the
# piece before it, so the automaton is in the same state at each piece's own first character.
CHUNK = 1 << 20


def _chunked(automaton: ahocorasick.Automaton, folded: str, longest: int) -> Iterator[tuple[int, object]]:
    """``automaton.iter(folded)``, the same matches in the same order, one piece at a time."""
    for own_start in range(0, len(folded), CHUNK):
        piece_start = max(0, own_start - longest)
        for end_index, value in automaton.iter(folded[piece_start:own_start + CHUNK]):
            end_index += piece_start
            if end_index >= own_start:  # matches ending earlier were found with the piece before
                yield end_index, value


def word_end(folded: str, position: int) -> int:
    """The end of the word that goes on at ``position`` (where a prefix term's match stopped)."""
    match = _WORD_REST.match(folded, position)
    return match.end() if match else position


_WORD_REST = re.compile(r"\w*")
