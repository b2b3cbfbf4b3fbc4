"""Description terms encoded as bits, so one integer holds what a sentence has of every description.

Every described entry owns a field of bits in one integer: one bit per concept group, and a guard
bit just above them. A term phrase is coded once, when the scanner is built, as the OR of the
bits it sets (its groups) and, ``shift`` bits higher, the guard bits of the entries it rules out
(absent terms). OR-ing the codes of a sentence's terms and adding ``low`` (the lowest bit of
every field) carries into an entry's guard bit exactly when all its groups were seen, so one
addition judges every entry, and one shift brings down the entries ruled out.
"""

from __future__ import annotations

from typing import NamedTuple

import attrs

from legal_annot.catalog import Catalog
from legal_annot.detect.roles import ABSENT, TERM, Role


class TermCode(NamedTuple):
    """One term phrase's ``mask`` (the groups it belongs to, and the entries it rules out) and
    ``groups`` (entry id -> its concept groups, read only when a sentence satisfies some entry).
    ``continues`` marks the code of a prefix term matched inside a longer word ("conspir" in
    "conspiracy")."""

    mask: int
    groups: dict[str, tuple[int, ...]]
    continues: bool = False


@attrs.frozen
class DescriptionLayout:
    """Where each described entry's field of bits sits (a pure function of the catalog)."""

    offsets: dict[str, int]  # entry id -> bit of its first concept group
    guard: dict[str, int]  # entry id -> the position of its guard bit (a number, not the bit: each
    # bit as an integer would be as wide as the layout, which is quadratic over the catalog)
    entry_at_guard: dict[int, str]  # guard bit position -> entry id
    low: int
    guards: int
    shift: int  # where the ruled-out entries' guard bits start

    @classmethod
    def of(cls, catalog: Catalog) -> DescriptionLayout:
        offsets, guard, entry_at_guard = {}, {}, {}
        lows, guard_bits = [], []
        position = 0
        for entry in catalog.entries:
            if entry.description is None:
                continue
            offsets[entry.id] = position
            lows.append(position)
            position += len(entry.description.concepts)
            entry_at_guard[position] = entry.id
            guard[entry.id] = position
            guard_bits.append(position)
            position += 1
        return cls(offsets, guard, entry_at_guard, bits_at(lows), bits_at(guard_bits), position)

    def code(self, roles: tuple[Role, ...], continues: bool = False) -> TermCode:
        """The code of a phrase with these roles (roles other than terms are ignored)."""
        bits, absent = [], []
        groups: dict[str, tuple[int, ...]] = {}
        for role in roles:
            if role.role == TERM:
                bits.append(self.offsets[role.entry_id] + role.group)
                if role.group not in groups.get(role.entry_id, ()):
                    groups[role.entry_id] = (*groups.get(role.entry_id, ()), role.group)
            elif role.role == ABSENT:
                absent.append(self.shift + self.guard[role.entry_id])
        return TermCode(bits_at(bits + absent), groups, continues)

    def complete(self, mask: int) -> int:
        """The guard bits of the entries that the OR of some codes satisfies (0 for none)."""
        return (mask + self.low) & self.guards & ~(mask >> self.shift)

    def satisfied(self, mask: int) -> list[str]:
        """Entries all of whose groups are in ``mask`` and none of whose absent terms are."""
        full = self.complete(mask)
        found = []
        while full:
            lowest = full & -full
            found.append(self.entry_at_guard[lowest.bit_length() - 1])
            full ^= lowest
        return found


def bits_at(positions: list[int]) -> int:
    """The integer with exactly these bits set, built in one pass: OR-ing ``1 << p`` one at a time
    copies the growing integer each time, which is quadratic for a term shared by many entries."""
    if len(positions) < 32:  # few bits: each OR is cheap, and a buffer would be as long as the integer
        value = 0
        for position in positions:
            value |= 1 << position
        return value
    buffer = bytearray(max(positions) // 8 + 1)
    for position in positions:
        buffer[position >> 3] |= 1 << (position & 7)
    return int.from_bytes(buffer, "little")
