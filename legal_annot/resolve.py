"""Decide what the text refers to: overlaps, short names, generic phrases, candidates.

Overlap policy (documented in docs/api.md): annotations never cross. Among direct references
(names, citations, anaphors, penalties ...) the longer one wins an overlap; at equal length the
more confident one; then the earlier one. A case name guessed from its "X v. Y" shape alone
yields to any overlapping catalog name or citation. A description ("a law that bars conspiracies to ...")
may contain direct references and is kept around them, unless it crosses one or overlaps another
description.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping, Sequence
from itertools import accumulate
from operator import attrgetter

import attrs
import regex

from legal_annot import confidence
from legal_annot.document import Mention

DIRECT, SHORT, CUED_SHORT, GENERIC_BASE = (confidence.NAME, confidence.SHORT_NAME, confidence.CUED_SHORT_NAME,
                                           confidence.GENERIC_BASE)
REFERENCED_BONUS, CONTEXT_BONUS = confidence.GENERIC_REFERENCED_BONUS, confidence.GENERIC_CONTEXT_BONUS
FULL_REFERENCE_HOWS = frozenset({"name", "citation", "description", "case_name"})


def rank_candidates(ids: Sequence[str], referenced: Mapping[str, int], cues: Mapping[str, int],
                    ) -> tuple[tuple[str, ...], tuple[float, ...], bool]:
    """Rank the entries a generic phrase may mean.

    An entry referred to directly elsewhere in the document, or whose context cues occur in it,
    rises. The ranking counts as decided only when the leader is ahead on such evidence.
    """
    scored = []
    for order, ident in enumerate(ids):
        score = GENERIC_BASE
        if referenced.get(ident):
            score += REFERENCED_BONUS
        score += CONTEXT_BONUS * min(cues.get(ident, 0), 2)
        scored.append((-score, order, ident))
    scored.sort()
    ranked = tuple(ident for _, _, ident in scored)
    scores = tuple(round(min(-neg, confidence.GENERIC_CEILING), 3) for neg, _, _ in scored)
    decided = len(scores) == 1 or (scores[0] > scores[1] and scores[0] > GENERIC_BASE)
    return ranked, scores, decided


_APPOSITIVE = regex.compile(r"\s*(?:,|\(|—|–|-{1,2})\s*$")
_APPOSITIVE_GAP = 4  # ", " or " (" between a generic phrase and the citation that settles it


def settle_appositives(mentions: Iterable[Mention], text: str) -> list[Mention]:
    """A generic phrase followed by its citation ("an obstruction statute, 18 U.S.C. § 1512") means
    what the citation cites: it becomes decided for that entry (or that built authority)."""
    ordered = sorted(mentions, key=lambda m: (m.start, -m.end))
    starts = [m.start for m in ordered]
    out = []
    for mention in ordered:
        if mention.how == "generic" and not mention.decided:
            i = bisect_left(starts, mention.end)
            for other in ordered[i:i + 4]:
                if other.start - mention.end > _APPOSITIVE_GAP:
                    break
                if other.how == "citation" and _APPOSITIVE.fullmatch(text, mention.end, other.start):
                    identity = identity_of(other)
                    if other.entry_ids:
                        mention = attrs.evolve(mention, entry_ids=other.entry_ids[:1], scores=(DIRECT,), decided=True,
                                               note="settled by the citation that follows it")
                    elif identity:
                        mention = attrs.evolve(mention, entry_ids=(), authority=other.authority, scores=(DIRECT,),
                                               decided=True, note="settled by the citation that follows it")
                    break
        out.append(mention)
    return out


def keep_short_names(mentions: Iterable[Mention]) -> list[Mention]:
    """Drop short-name mentions that come before any full reference to the same authority."""
    seen: set[str] = set()
    kept = []
    for mention in sorted(mentions, key=lambda m: m.start):
        identity = identity_of(mention)
        if mention.how == "short_name":
            if identity not in seen:
                continue
        elif mention.how in FULL_REFERENCE_HOWS and mention.decided and identity:
            seen.add(identity)
        kept.append(mention)
    return kept


def identity_of(mention: Mention) -> str:
    """The id of what a mention refers to: its best catalog entry, or its built authority."""
    if mention.entry_ids:
        return mention.entry_ids[0]
    return mention.authority.id if mention.authority is not None else ""


# Heuristic guesses (a "X v. Y" shape with no catalog entry behind it) yield to anything the
# catalog or a formal citation vouches for, however long the guess.
_TIER = {"case_name": 1}


def _priority(mention: Mention) -> tuple[int, int, float, int]:
    return _TIER.get(mention.how, 0), mention.start - mention.end, -mention.confidence, mention.start


def _greedy(mentions: Iterable[Mention]) -> list[Mention]:
    """Non-overlapping mentions, best first by :func:`_priority`; returned sorted by start."""
    chosen_starts: list[int] = []
    chosen: list[Mention] = []
    for mention in sorted(mentions, key=_priority):
        i = bisect_left(chosen_starts, mention.start)
        if i > 0 and chosen[i - 1].end > mention.start:
            continue
        if i < len(chosen) and chosen[i].start < mention.end:
            continue
        chosen_starts.insert(i, mention.start)
        chosen.insert(i, mention)
    return chosen


def select_non_overlapping(mentions: Iterable[Mention]) -> list[Mention]:
    """Apply the overlap policy; the result is sorted by start, containers before contents."""
    direct: list[Mention] = []
    containers: list[Mention] = []
    for mention in mentions:
        (containers if mention.how == "description" else direct).append(mention)
    chosen = _greedy(direct)
    starts = [m.start for m in chosen]
    ends = [m.end for m in chosen]
    kept = []
    for container in _greedy(containers):
        i = bisect_left(ends, container.start + 1)  # first direct mention ending inside or after it
        j = bisect_left(starts, container.end)  # first direct mention starting after it
        inside = chosen[i:j]
        if all(container.start <= m.start and m.end <= container.end for m in inside) and not (
                len(inside) == 1 and (inside[0].start, inside[0].end) == (container.start, container.end)) and not (
                inside and all(identity_of(m) == identity_of(container) for m in inside)):
            kept.append(container)  # (a description whose contents already name its authority adds nothing)
    return sorted(chosen + kept, key=lambda m: (m.start, -m.end))


def add_without_crossing(chosen: list[Mention], extra: Iterable[Mention]) -> list[Mention]:
    """Add a linker's mentions to an already resolved list (sorted by start): a new mention is
    kept unless it overlaps a chosen one, other than a description containing it. Linkers never
    displace what the detectors found, so the resolved list is merged into, not re-sorted (a
    kept mention never starts with a chosen one unless a description holds it: it goes after)."""
    extra = sorted(extra, key=_priority)
    if not extra:
        return chosen
    starts = list(map(_START, chosen))
    # The running maximum of ends, to find any chosen mention reaching past a point.
    ends_max = list(accumulate(map(_END, chosen), max))
    added: list[Mention] = []
    added_starts: list[int] = []  # kept sorted, to check a new mention against those added before
    for mention in extra:
        i = bisect_left(starts, mention.end)  # chosen[:i] start before the new mention ends
        crossing = False
        j = i - 1
        while j >= 0 and ends_max[j] > mention.start:
            other = chosen[j]
            if other.end > mention.start and not (other.how == "description" and other.start <= mention.start
                                                 and mention.end <= other.end):
                crossing = True
                break
            j -= 1
        if crossing:
            continue
        k = bisect_left(added_starts, mention.start)
        if (k > 0 and added[k - 1].end > mention.start) or (k < len(added) and added[k].start < mention.end):
            continue
        added_starts.insert(k, mention.start)
        added.insert(k, mention)
    merged: list[Mention] = []
    taken = 0
    for mention in added:
        upto = bisect_right(starts, mention.start, taken)
        merged += chosen[taken:upto]
        merged.append(mention)
        taken = upto
    merged += chosen[taken:]
    return merged


_START, _END = attrgetter("start"), attrgetter("end")
