"""Stated fines ("a $250,000 fine", "a fine of up to $1 million", "$100,000 in fines") and their
check against the law: the greatest fine allowed is the offence's own (catalog ``max_fine``) or
the default of 18 U.S.C. § 3571 for its class (felony $250,000 for individuals and $500,000 for
organizations; Class A misdemeanor $100,000 / $200,000; Class B or C misdemeanor $5,000 /
$10,000), unless § 3571(d)'s twice-the-gain-or-loss applies."""

from __future__ import annotations

from collections.abc import Sequence

import regex

from legal_annot.models import Penalty

_AMOUNT = r"\$\s?(?P<amount>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s*(?P<scale>million|billion))?"
_BEFORE = regex.compile(rf"{_AMOUNT}\s+(?:criminal\s+)?(?:in\s+)?$")  # "$250,000 fine", "$5 million in fines"
_AFTER = regex.compile(rf"\s+of\s+(?:up\s+to\s+|not\s+more\s+than\s+|as\s+much\s+as\s+)?{_AMOUNT}")  # "fine of up to $1 million"
_DEATH_CEILING = 500_000
_SCALE = {None: 1, "million": 1_000_000, "billion": 1_000_000_000}
# Wording under which a higher fine may be lawful: per count, or the alternative fine on gain or loss.
_MULTIPLIED = regex.compile(r"twice|gain|loss|each count|per count|per violation|each violation|organi[sz]ation|corporat|compan")


def read_fine(folded: str, start: int, end: int) -> tuple[int, int, int] | None:
    """(start, end, dollars) of a fine stated around the word "fine"/"fines" at ``[start, end)``."""
    before = _BEFORE.search(folded, max(0, start - 40), start)
    if before:
        return before.start(), end, _dollars(before)
    after = _AFTER.match(folded, end, min(len(folded), end + 60))
    if after:
        return start, after.end(), _dollars(after)
    return None


def _dollars(match: regex.Match[str]) -> int:
    return round(float(match["amount"].replace(",", "")) * _SCALE[match["scale"]])


def default_fines(penalty: Penalty) -> tuple[int, ...]:
    """The § 3571 maxima for a tier's class (individual, organization), from its prison term."""
    if penalty.life or (penalty.max_years is not None and penalty.max_years > 1):
        return 250_000, 500_000
    if penalty.max_years is not None and penalty.max_years > 0.5:
        return 100_000, 200_000
    if penalty.max_years is not None:
        return 5_000, 10_000
    return ()


def fine_consistent(penalties: Sequence[Penalty], dollars: int, sentence: str) -> bool | None:
    """True when the stated fine is a maximum the law allows for some tier; False when it is above
    every maximum and nothing in the sentence allows more; None when unknown."""
    if not penalties:
        return None
    allowed = {amount for p in penalties for amount in default_fines(p)}
    allowed |= {p.max_fine for p in penalties if p.max_fine}
    if not allowed:
        return None
    if dollars in allowed:
        return True
    # Any offence resulting in death allows $250,000 ($500,000 for an organization): only a
    # figure above every such ceiling is plainly wrong.
    if dollars > max(*allowed, _DEATH_CEILING) and not _MULTIPLIED.search(sentence):
        return False
    return None
