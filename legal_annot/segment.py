"""Sentence boundaries in folded text, found once per document (before the phrase scan when
descriptions are on, since the scan groups their terms by sentence; otherwise on first use).

A sentence ends at '.', '!' or '?' (plus closing quotes or brackets) followed by whitespace,
except after common abbreviations ("Mr.", "U.S.", "Jan.", "v.", "No.") and single initials; and
at a line break before a line that starts with a capital, a digit or a quote (a headline, a new
paragraph), found in the original text since folding turns line breaks into spaces. Good enough
for windows of a few sentences; not a linguistic parser.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_right
from collections.abc import Iterable

import regex

_ABBREVIATIONS = frozenset(
    "mr mrs ms dr st jr sr gen gov sen rep rev prof hon lt col sgt capt cmdr adm "
    "jan feb mar apr jun jul aug sep sept oct nov dec "
    "v vs no nos inc corp co ltd dept art cl amend sec secs stat reg fed supp app cir ct "
    "e.g i.e u.s u.s.c c.f.r u.s.a d.c n.y l.a a.m p.m etc al id".split()
)
# A '.' after "mr", "u.s", "jan" or a single initial does not end a sentence. The standard
# library's re only takes fixed-width lookbehinds, so there is one per abbreviation length. Each
# pattern starts with one literal character, which re finds at memchr speed (a leading class
# such as [.!?] is tried character by character: three times slower over a long text).
_BY_LENGTH: dict[int, list[str]] = {1: ["[a-z]"]}
for _abbreviation in sorted(_ABBREVIATIONS):
    _BY_LENGTH.setdefault(len(_abbreviation), []).append(re.escape(_abbreviation))
_CLOSERS = r"""["')\]]*(?=\s)"""
_PERIOD = re.compile(
    r"\." + "".join(r"(?<!\b(?:%s)\.)" % "|".join(words) for _, words in sorted(_BY_LENGTH.items())) + _CLOSERS)
_OTHER_ENDS = {mark: re.compile(re.escape(mark) + _CLOSERS) for mark in "!?"}


_LINE_START = regex.compile(r"\n\s*(?=[\p{Lu}\d\"'\u201c\u2018])")


def sentence_starts(folded: str, line_starts: Iterable[int] = ()) -> list[int]:
    """Start offsets of the sentences of a folded text (the first is 0), merged with the folded
    positions of lines that start a new sentence. Sorted; a position found both ways is kept
    once (two sorted runs: the sort merges them in linear time)."""
    starts = [0, *line_starts, *[match.end() for match in _PERIOD.finditer(folded)]]
    for mark, pattern in _OTHER_ENDS.items():
        if mark in folded:
            starts += [match.end() for match in pattern.finditer(folded)]
    starts.sort()
    return [p for p, q in zip(starts, starts[1:], strict=False) if p != q] + starts[-1:]


def line_sentence_starts(text: str) -> list[int]:
    """Original offsets where a line starts a sentence (see the module docstring)."""
    return [match.end() for match in _LINE_START.finditer(text)] if "\n" in text else []


class Sentences:
    """Maps positions of one text to sentence numbers.

    ``edges`` are the sentence starts followed by the text's length, so sentence ``i`` is
    ``[edges[i], edges[i + 1])``: hot loops bisect it directly. They are kept as a machine-integer
    array (8 bytes each, not the 36 of a list of Python ints: a long text has a sentence
    every hundred characters or so).
    """

    __slots__ = ("edges",)

    def __init__(self, folded: str, line_starts: Iterable[int] = ()) -> None:
        self.edges = array("q", sentence_starts(folded, line_starts))
        self.edges.append(len(folded))

    def index(self, position: int) -> int:
        """The number of the sentence holding ``position`` (the text's end is in the last one)."""
        return min(bisect_right(self.edges, position), len(self.edges) - 1) - 1

    def bounds(self, index: int) -> tuple[int, int]:
        """``[start, end)`` of sentence ``index``."""
        return self.edges[index], self.edges[index + 1]
