"""Whether a text can hold a case citation at all, decided without importing eyecite.

eyecite finds a case citation only where one of its case reporter strings occurs (its own
prefilter), and a citation starts with a volume: so a case citation needs a volume-like character
followed, whitespace aside, by a reporter string that is not followed by a letter — or a short
form word (Id., ibid., supra). This module checks exactly that (the same test the eyecite adapter
uses to choose which pieces of a text to hand to eyecite), reading the reporter strings from
``data/case_reporters.json`` (built from eyecite by ``scripts/build_case_reporters.py``), so a
text that fails it would get no case citation from eyecite either, and eyecite need not be loaded.
"""

from __future__ import annotations

import functools
import json
import re
from importlib import resources

import ahocorasick

# A volume-like character (a number, or a blank volume "___"/"-") followed by a character a case
# reporter can start with: every case reporter string of eyecite starts with a capital, "(" or
# one of the few lower-case forms listed (checked against the data file by the tests).
_CANDIDATE = re.compile(r"[0-9_\-\u2013\u2014](?=\s*(?:[A-Z(]|cal\.|mills|mt|p\.\s*2|wl))")
SHORT_FORM_WORDS = ("Id.", "id.", "Ibid", "ibid", "supra")
_REACH = 64  # longer than any case reporter string with its spaces
_WHITESPACE = re.compile(r"\s+")
_AFTER_REPORTER = re.compile(r"$|[^A-Za-z]|at\d|at_")


# What may stand right before a case reporter: a volume ("521 U.S."), a blank volume
# ("___ U.S. ___", "- U.S. -") or a neutral citation's year ("2019-Ohio-1234").
_BEFORE_REPORTER = "0123456789_-\u2013\u2014"


@functools.cache
def _reporters() -> tuple[frozenset[str], frozenset[str], tuple[int, ...]]:
    """(case-sensitive strings, lower-cased case-insensitive strings, their lengths, longest first)."""
    data = json.loads((resources.files(__package__) / "data" / "case_reporters.json").read_text(encoding="utf-8"))
    sensitive, insensitive = frozenset(data["sensitive"]), frozenset(data["insensitive"])
    lengths = tuple(sorted({len(s) for s in sensitive | insensitive}, reverse=True))
    return sensitive, insensitive, lengths


@functools.cache
def _automata() -> tuple[tuple[ahocorasick.Automaton, bool], ...]:
    """One automaton per case mode over the reporter strings, each key prefixed with every
    character that may precede a reporter, so one C pass over a window answers
    :func:`reporter_at` (the value of a key is its length)."""
    sensitive, insensitive, _ = _reporters()
    built = []
    for strings, lower in ((sensitive, False), (insensitive, True)):
        if not strings:
            continue
        automaton = ahocorasick.Automaton()
        for key in strings:
            for before in _BEFORE_REPORTER:
                automaton.add_word(before + key, len(key) + 1)
        automaton.make_automaton()
        built.append((automaton, lower))
    return tuple(built)


def reporter_at(text: str, position: int) -> bool:
    """Whether a case reporter string follows the volume-like character at ``position``
    (whitespace removed), itself not followed by a letter."""
    window = _WHITESPACE.sub("", text[position:position + _REACH])
    for automaton, lower in _automata():
        probe = window.lower() if lower else window
        for end, length in automaton.iter(probe):
            if end + 1 == length and _AFTER_REPORTER.match(probe, end + 1):
                return True
    return False


def reporter_at_by_lookup(text: str, position: int) -> bool:
    """:func:`reporter_at` by set lookups of each reporter length: slower per place, but it needs
    no automaton, so a text that is checked once (the gate) does not pay to build one."""
    sensitive, insensitive, lengths = _reporters()
    window = _WHITESPACE.sub("", text[position + 1:position + _REACH])
    lowered = window.lower()
    for length in lengths:
        if length > len(window):
            continue
        if window[:length] in sensitive and _AFTER_REPORTER.match(window, length):
            return True
        if lowered[:length] in insensitive and _AFTER_REPORTER.match(lowered, length):
            return True
    return False


def citation_places(text: str) -> list[int]:
    """Offsets where a case citation may start: a case reporter right after a volume-like
    character, or a short form word not preceded by a letter or digit."""
    places = [m.start() for m in _CANDIDATE.finditer(text) if reporter_at(text, m.start())]
    for word in SHORT_FORM_WORDS:
        position = text.find(word)
        while position >= 0:
            if position == 0 or not text[position - 1].isalnum():
                places.append(position)
            position = text.find(word, position + 1)
    return sorted(places)


def may_cite_case(text: str) -> bool:
    """Whether eyecite could find a case citation in ``text`` (False: it certainly finds none)."""
    for word in SHORT_FORM_WORDS:
        position = text.find(word)
        while position >= 0:
            if position == 0 or not text[position - 1].isalnum():
                return True
            position = text.find(word, position + 1)
    return any(reporter_at_by_lookup(text, m.start()) for m in _CANDIDATE.finditer(text))
