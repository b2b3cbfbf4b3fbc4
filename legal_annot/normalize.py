"""Normalize text for matching, keeping an exact map back to the caller's original string.

Matching happens on a folded copy of the text: lower case, straight quotes, one kind of dash,
single spaces. Every step but the collapsing of whitespace runs keeps the length, so the map
back is the identity for most texts and a short list of segments for the rest.
"""

from __future__ import annotations

import re
from bisect import bisect_right

import attrs
import regex

# Characters replaced one for one: typographic quotes, every dash, every non-space whitespace.
_FOLD = {
    **dict.fromkeys("\u2018\u2019\u201a\u201b\u2032\u02bc\uff07", "'"),
    **dict.fromkeys("\u201c\u201d\u201e\u201f\u2033\uff02", '"'),
    **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d", "-"),
}
# Every character for which str.isspace() is true, except the plain space (a test keeps this
# list complete). An explicit class with the standard library's re is ~4x faster here than a
# negated \S class in either engine, and this substitution runs over every text.
WHITESPACE = ("\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005"
              "\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000")
_FOLD_RE = re.compile("[" + re.escape("".join(_FOLD) + WHITESPACE) + "]")
_SPACE_RUN = regex.compile(r" {2,}")
# A blank line (a paragraph break): its first line break folds to NUL, which no name, citation or
# description runs across, instead of to a space.
_BLANK_LINE = re.compile(r"\n[ \t\r\x0b\x0c]*\n")
PARAGRAPH_BREAK = "\x00"
_LOWER_CHUNK = 1 << 18


def fold(text: str) -> str:
    """Lower-case ``text`` and fold quotes, dashes and whitespace, keeping its length."""
    if len(text) <= _LOWER_CHUNK or text.isascii():
        lowered = text.lower()
    else:  # CPython lowers non-ASCII text through a buffer of 12 bytes a character: go by pieces
        lowered = "".join(text[i:i + _LOWER_CHUNK].lower() for i in range(0, len(text), _LOWER_CHUNK))
    if len(lowered) != len(text):  # a few characters (e.g. 'İ') grow when lowered
        lowered = "".join(c if len(low := c.lower()) != 1 else low for c in text)
    # Replace each distinct character that needs folding with str.replace: as fast as one
    # re.sub, without re.sub's list of pieces (which cost ten times the text on long inputs).
    breaks = [m.start() for m in _BLANK_LINE.finditer(lowered)] if "\n\n" in lowered or "\n\r" in lowered \
        or "\n " in lowered or "\n\t" in lowered else []
    for char in set(_FOLD_RE.findall(lowered)):
        lowered = lowered.replace(char, _FOLD.get(char, " "))
    if breaks:
        chars = list(lowered) if len(breaks) > 64 else None
        if chars is not None:
            for at in breaks:
                chars[at] = PARAGRAPH_BREAK
            lowered = "".join(chars)
        else:
            for at in breaks:
                lowered = f"{lowered[:at]}{PARAGRAPH_BREAK}{lowered[at + 1:]}"
    return lowered


def fold_phrase(phrase: str) -> str:
    """Fold a catalog phrase the way texts are folded, trimming and collapsing its spaces."""
    return _SPACE_RUN.sub(" ", fold(phrase).strip())


@attrs.frozen
class Normalized:
    """A folded text and the map from its positions to the original's.

    ``_norm_starts[k]`` in the folded text corresponds to ``_orig_starts[k]`` in the original;
    positions inside a segment move together. Empty lists mean the identity map.
    """

    text: str
    _norm_starts: tuple[int, ...] = ()
    _orig_starts: tuple[int, ...] = ()

    def to_original(self, position: int) -> int:
        """Map a position of a character in the folded text to the original text."""
        if not self._norm_starts:
            return position
        k = bisect_right(self._norm_starts, position) - 1
        return self._orig_starts[k] + position - self._norm_starts[k]

    def to_folded(self, position: int) -> int:
        """Map a position of the original text to the folded text (inside a collapsed run of
        spaces: the run's one space)."""
        if not self._orig_starts:
            return position
        k = bisect_right(self._orig_starts, position) - 1
        return self._norm_starts[k] + min(position - self._orig_starts[k],
                                          (self._norm_starts[k + 1] - 1 - self._norm_starts[k])
                                          if k + 1 < len(self._norm_starts) else position - self._orig_starts[k])

    def to_folded_many(self, positions: list[int]) -> list[int]:
        """:meth:`to_folded` for many positions at once (the segment limits are worked out once);
        the list itself when the map is the identity."""
        if not self._orig_starts:
            return positions
        orig, norm = self._orig_starts, self._norm_starts
        limits = [*(b - 1 - a for a, b in zip(norm, norm[1:], strict=False)), len(self.text)]
        out = []
        for position in positions:
            k = bisect_right(orig, position) - 1
            out.append(norm[k] + min(position - orig[k], limits[k]))
        return out

    def span_to_folded(self, start: int, end: int) -> tuple[int, int]:
        """Map a half-open span of the original text to the folded text."""
        return self.to_folded(start), self.to_folded(end - 1) + 1

    def span_to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a half-open span ``[start, end)`` of the folded text to the original text."""
        return self.to_original(start), self.to_original(end - 1) + 1


def normalize(text: str) -> Normalized:
    """Fold ``text`` and collapse runs of spaces, recording how to map positions back."""
    folded = fold(text)
    if "  " not in folded:
        return Normalized(folded)
    pieces: list[str] = []
    norm_starts, orig_starts = [0], [0]
    last, shrink = 0, 0
    for run in _SPACE_RUN.finditer(folded):
        pieces.append(folded[last:run.start() + 1])
        last = run.end()
        shrink += run.end() - run.start() - 1
        norm_starts.append(run.end() - shrink)
        orig_starts.append(run.end())
    pieces.append(folded[last:])
    return Normalized("".join(pieces), tuple(norm_starts), tuple(orig_starts))
