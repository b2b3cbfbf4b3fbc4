"""The catalog's record types beyond :class:`Authority`: how an entry is matched and tested.

These records are what the loader produces from a data file and what the detectors consume;
they carry no matching logic themselves.
"""

from __future__ import annotations

import attrs

from legal_annot.confidence import DESCRIPTION_DEFAULT
from legal_annot.models import Authority


def _terms(_instance: object, attribute: attrs.Attribute, value: object) -> None:
    if not isinstance(value, tuple) or not all(isinstance(t, str) and t.strip() for t in value):
        raise ValueError(f"{attribute.name} must be a list of non-empty terms")


def _concepts(_instance: object, attribute: attrs.Attribute, value: object) -> None:
    if not isinstance(value, tuple) or len(value) < 2:
        raise ValueError("concepts must be a list of at least two non-empty lists of terms")
    for group in value:
        if not group:
            raise ValueError("concepts must be a list of at least two non-empty lists of terms")
        _terms(_instance, attribute, group)


def _number(_instance: object, attribute: attrs.Attribute, value: object) -> None:
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 < value <= 1:
        raise ValueError(f"{attribute.name} must be a number in (0, 1] (such as 0.8 or 1)")


def _int_to_float(value: object) -> object:
    """``confidence = 1`` is a number like 1.0 (TOML reads it as an integer); anything else is kept
    for the validator to judge."""
    return float(value) if isinstance(value, int) and not isinstance(value, bool) else value


def _window(_instance: object, attribute: attrs.Attribute, value: object) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or not 2 <= value <= 60:
        raise ValueError(f"{attribute.name} must be an integer from 2 to 60")


@attrs.frozen
class Description:
    """How journalists describe an authority without naming it.

    ``concepts`` is a list of groups; one term of every group must occur within ``window``
    words of each other, in one sentence. A term is one or more words, the last of which may
    end in ``*`` to match any ending ("conspir*"). ``absent`` terms must not occur in that
    sentence. ``confidence`` is the weight of such a match. Each field validates itself: a
    wrong value raises ValueError saying what is expected.
    """

    concepts: tuple[tuple[str, ...], ...] = attrs.field(validator=_concepts)
    window: int = attrs.field(default=12, validator=_window)
    absent: tuple[str, ...] = attrs.field(default=(), validator=_terms)
    confidence: float = attrs.field(default=DESCRIPTION_DEFAULT, validator=_number, converter=_int_to_float)


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
