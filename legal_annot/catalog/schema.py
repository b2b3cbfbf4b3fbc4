"""The catalog's record types beyond :class:`Authority`: how an entry is matched and tested.

These records are what the loader produces from a data file and what the detectors consume;
they carry no matching logic themselves.
"""

from __future__ import annotations

import attrs

from legal_annot.models import Authority


@attrs.frozen
class Description:
    """How journalists describe an authority without naming it.

    ``concepts`` is a list of groups; one term of every group must occur within ``window``
    words of each other, in one sentence. A term is one or more words, the last of which may
    end in ``*`` to match any ending ("conspir*"). ``absent`` terms must not occur in that
    sentence. ``confidence`` is the weight of such a match.
    """

    concepts: tuple[tuple[str, ...], ...]
    window: int = 12
    absent: tuple[str, ...] = ()
    confidence: float = 0.75


@attrs.frozen
class Entry:
    """One catalog authority with everything needed to find and test it."""

    authority: Authority
    file: str
    aliases: tuple[str, ...] = ()  # folded spellings, matched anywhere
    short_names: tuple[str, ...] = ()  # folded; count only after a full reference in the same text
    generic_names: tuple[str, ...] = ()  # folded; shared with other entries, so they give candidates
    context: tuple[str, ...] = ()  # folded phrases that make this entry likelier when in the document
    description: Description | None = None
    proper_noun: bool = False  # names match only when written with a capital (not "the first amendment to the bill")
    plain_aliases: tuple[str, ...] = ()  # folded; match in any case even when proper_noun is set
    acronyms: tuple[str, ...] = ()  # folded forms of all-capital aliases ("RICO"): they count only in capitals
    sections: tuple[tuple[str, str], ...] = ()  # an Act's own section numbers -> code citations ("287(g)")
    examples: tuple[str, ...] = ()
    near_misses: tuple[str, ...] = ()

    @property
    def id(self) -> str:
        return self.authority.id
