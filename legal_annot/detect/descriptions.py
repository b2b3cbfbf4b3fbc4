"""Find authorities described rather than named ("a law that prohibits conspiracies to defraud
the United States"), driven entirely by each catalog entry's ``description``.

A description matches where one term of every concept group occurs within the entry's window
of words, inside one sentence that holds none of the entry's absent terms. The terms come from
the shared phrase scan; only sentences holding terms are examined.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict

import attrs

from legal_annot.catalog import Catalog
from legal_annot.detect.phrases import ABSENT, TERM, Role, TermHit
from legal_annot.document import Document, Mention


def _best_window(hits: list[tuple[int, int, int]], groups: int, folded: str,
                 window: int) -> tuple[int, int] | None:
    """The shortest run of hits covering every group, if it spans at most ``window`` words.

    ``hits`` are (start, end, group) sorted by start; a classic minimum-window sweep.
    """
    if len(hits) == groups:  # the common case: one hit per group, so the window is all of them
        best = (hits[0][0], max(end for _, end, _ in hits))
        return best if folded.count(" ", *best) + 1 <= window else None
    count: dict[int, int] = defaultdict(int)
    covered, left, best = 0, 0, None
    for right, (_, end, group) in enumerate(hits):
        count[group] += 1
        if count[group] == 1:
            covered += 1
        while covered == groups:
            start = hits[left][0]
            if best is None or end - start < best[1] - best[0]:
                best = (start, max(e for _, e, _ in hits[left:right + 1]))
            left_group = hits[left][2]
            count[left_group] -= 1
            if count[left_group] == 0:
                covered -= 1
            left += 1
    if best is None or folded.count(" ", best[0], best[1]) + 1 > window:
        return None
    return best


@attrs.frozen
class _Layout:
    """Every described entry's concept groups as one field of bits in a single integer.

    Entry ``k`` owns bits ``offsets[k] .. offsets[k] + groups - 1`` (one per concept group) and a
    guard bit just above them. OR-ing the bits of a sentence's terms and adding ``low`` (the
    lowest bit of every field) carries into an entry's guard bit exactly when all its groups
    were seen, so one addition judges every entry at once.
    """

    entry_at_guard: dict[int, str]  # guard bit position -> entry id
    offsets: dict[str, int]
    guard: dict[str, int]  # entry id -> its guard bit
    low: int
    guards: int

    @classmethod
    def of(cls, catalog: Catalog) -> _Layout:
        offsets, entry_at_guard, guard = {}, {}, {}
        low = guards = position = 0
        for entry in catalog.entries:
            if entry.description is None:
                continue
            offsets[entry.id] = position
            low |= 1 << position
            position += len(entry.description.concepts)
            entry_at_guard[position] = entry.id
            guard[entry.id] = 1 << position
            guards |= 1 << position
            position += 1
        return cls(entry_at_guard, offsets, guard, low, guards)

    def bits_of(self, roles: tuple[Role, ...]) -> tuple[int, int]:
        """(group bits, guard bits of entries it rules out) of one phrase."""
        bits = absent = 0
        for role in roles:
            if role.role == TERM:
                bits |= 1 << (self.offsets[role.entry_id] + role.group)
            elif role.role == ABSENT:
                absent |= self.guard[role.entry_id]
        return bits, absent

    def satisfied(self, bits: int, absent: int) -> list[str]:
        """Entries all of whose groups are in ``bits`` and none of whose absent terms occurred."""
        full = (bits + self.low) & self.guards & ~absent
        found = []
        while full:
            lowest = full & -full
            found.append(self.entry_at_guard[lowest.bit_length() - 1])
            full ^= lowest
        return found


class DescriptionMentions:
    """The descriptions stage: one mention per (entry, sentence) where the entry's description
    is satisfied.

    The term hits of one sentence are OR-ed into one integer (see :class:`_Layout`); positions
    are looked at only for the rare sentence where some entry has all its groups. What a phrase
    means is worked out once per phrase and cached by the identity of its role tuple (the cache
    holds the tuple, so the identity stays valid).
    """

    def __init__(self, catalog: Catalog) -> None:
        self._catalog = catalog
        self._layout = _Layout.of(catalog)
        self._bits: dict[int, tuple[int, int, tuple[Role, ...]]] = {}

    def __call__(self, doc: Document) -> list[Mention]:
        hits = doc.term_hits
        if not hits:
            return []
        mentions: list[Mention] = []
        cache, layout = self._bits, self._layout
        low, guards = layout.low, layout.guards
        edges = doc.sentences.edges
        first = bits = absent = 0
        lo = hi = -1
        # The hot loop: one dict lookup and two ORs per hit; entries are judged (inline, one
        # addition) only when the hits move on to another sentence.
        for index, (start, _, roles) in enumerate(hits):
            known = cache.get(id(roles))
            if known is None:
                known = cache[id(roles)] = (*layout.bits_of(roles), roles)
            if not lo <= start < hi:
                if bits and (bits + low) & guards & ~absent:
                    self._judge(doc, layout.satisfied(bits, absent), hits[first:index], mentions)
                first, bits, absent = index, 0, 0
                after = bisect_right(edges, start)
                lo, hi = edges[after - 1], edges[after]
            bits |= known[0]
            absent |= known[1]
        if bits:
            self._judge(doc, layout.satisfied(bits, absent), hits[first:], mentions)
        return mentions

    def _judge(self, doc: Document, entries: list[str], hits: list[TermHit], mentions: list[Mention]) -> None:
        """Check the window of each entry whose groups all occur in one sentence's ``hits``."""
        for entry_id in entries:
            entry = self._catalog.entry(entry_id)
            description = entry.description
            assert description is not None
            spots = sorted({(start, end, role.group) for start, end, roles in hits
                            for role in roles if role.role == TERM and role.entry_id == entry_id})
            span = _best_window(spots, len(description.concepts), doc.folded, description.window)
            if span is None:
                continue
            start, end = doc.original_span(*span)
            mentions.append(Mention(start, end, entry.authority.kind, "description", (entry_id,),
                                    (description.confidence,), folded_start=span[0], folded_end=span[1]))
