"""An eyecite tokenizer that runs eyecite's extractors only near possible citations, in a fixed
order, and a court lookup that does not rebuild its strings on every call.

eyecite's default tokenizer picks the extractors whose strings occur in a text and runs each over
all of it; the picked extractors come back as a set of objects hashed by their ``repr`` (a
string), so their order, and with it which of two tokens with the same span wins, changed with
``PYTHONHASHSEED`` ("§supra" was a citation under some seeds and not under others). Here the
extractors run in eyecite's own list order, and only in windows of text around the places where a
citation may start; the rest of the text reaches eyecite as plain words, as it would when nothing
matched there. The windows reach further back and forward than eyecite looks for a case name
(28 words) or for a pin cite and parenthetical (300 characters).

eyecite's ``get_court_by_paren`` strips punctuation from the citation string of each of its
~2,800 courts on every call, through the ``regex`` module (one pattern-cache lookup per court):
a fifth of eyecite's time on an opinion. :func:`install_court_lookup` puts an equivalent with the
stripped strings computed once in its place (the one runtime change this library makes to
eyecite; the test suite checks it agrees with eyecite's own on every court string and on
prefixes of them).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import lru_cache
from operator import itemgetter

import ahocorasick
import eyecite.helpers
import regex
from eyecite.models import Token, TokenExtractor
from eyecite.tokenizers import EXTRACTORS, AhocorasickTokenizer

BEFORE, AFTER = 600, 600  # characters of context kept around each possible citation start
REGION = 200  # characters after a place searched by the case-reporter extractors
_WHITESPACE = regex.compile(r"\s+")
_PUNCTUATION = r"[^\w]"  # eyecite's own pattern, applied with the same engine (regex)


def is_case_reporter(extractor: object) -> bool:
    """Whether an eyecite extractor reads case reporters (not statutes or journals)."""
    extra = getattr(extractor, "extra", None) or {}
    editions = [*extra.get("exact_editions", ()), *extra.get("variation_editions", ())]
    return any(getattr(edition.reporter, "source", "") == "reporters" for edition in editions)


def _strip(text: str) -> str:
    return _WHITESPACE.sub("", text)


class WindowTokenizer(AhocorasickTokenizer):
    """eyecite's Aho-Corasick tokenizer, with extractors in a fixed order and run only near the
    offsets ``places(text)`` returns (a superset of where case citations start).

    The ~4,600 case-reporter extractors run only in a short region after each place (the volume,
    reporter and page of one citation); the others (law and journal reporters, Id., supra, "v.",
    "§" ...) run in wider windows around the places, which hold every word eyecite reads to
    name a case or find its pin cite.
    """

    def __init__(self, places: Callable[[str], Sequence[int]]) -> None:
        super().__init__()  # builds eyecite's filters; the ones below replace them
        self._places = places
        self._extractors: tuple[TokenExtractor, ...] = tuple(EXTRACTORS)
        narrow = [bool(e.strings) and is_case_reporter(e) for e in EXTRACTORS]
        self._unfiltered = tuple(i for i, e in enumerate(EXTRACTORS) if not e.strings)
        self._needs = {i: needs for i, e in enumerate(EXTRACTORS)
                       if not e.strings and (needs := _NEEDS.get(e.compiled_regex.pattern))}
        self._wide = (self._filter(False, narrow, False), self._filter(True, narrow, False))
        self._narrow = (self._filter(False, narrow, True), self._filter(True, narrow, True))

    def _filter(self, insensitive: bool, narrow: list[bool], which: bool) -> ahocorasick.Automaton:
        """Stripped string -> indexes (in EXTRACTORS) of the extractors that need it."""
        grouped: dict[str, list[int]] = {}
        for i, extractor in enumerate(EXTRACTORS):
            if extractor.strings and narrow[i] == which and bool(extractor.flags & regex.I) == insensitive:
                for string in extractor.strings:
                    key = _strip(string)
                    grouped.setdefault(key.lower() if insensitive else key, []).append(i)
        automaton = ahocorasick.Automaton()
        for key, indexes in grouped.items():
            automaton.add_word(key, tuple(indexes))
        if len(automaton):
            automaton.make_automaton()
        return automaton

    def _chosen(self, text: str, filters: tuple[ahocorasick.Automaton, ahocorasick.Automaton]) -> set[int]:
        stripped = _strip(text)
        chosen: set[int] = set()
        sensitive, insensitive = filters
        if len(sensitive):
            for _, indexes in sensitive.iter(stripped):
                chosen.update(indexes)
        if len(insensitive):
            for _, indexes in insensitive.iter(stripped.lower()):
                chosen.update(indexes)
        return chosen

    def get_extractors(self, text: str) -> list[TokenExtractor]:  # type: ignore[override]
        """The extractors that could match in ``text``, in eyecite's list order."""
        chosen = self._chosen(text, self._wide) | self._chosen(text, self._narrow) | set(self._unfiltered)
        return [self._extractors[i] for i in sorted(chosen)]

    @staticmethod
    def windows(text: str, places: Sequence[int]) -> list[tuple[int, int]]:
        """Merged ``[start, end)`` windows around the possible citation starts of ``text``."""
        return _merged(text, ((place - BEFORE, place + AFTER) for place in places))

    @staticmethod
    def regions(text: str, places: Sequence[int]) -> list[tuple[int, int]]:
        """Merged short regions from the word before each place (where a volume ends) on, long
        enough for one citation's volume, reporter and page."""
        return _merged(text, ((place - 1, place + REGION) for place in places))

    def extract_tokens(self, text: str) -> Iterator[Token]:
        """Tokens of every extractor, searched only in the windows and regions (offsets in
        ``text``), yielded extractor by extractor in eyecite's list order: eyecite keeps the
        first of two tokens with the same span."""
        found: list[tuple[int, int, Token]] = []
        places = self._places(text)
        for spans, filters in ((self.windows(text, places), self._wide), (self.regions(text, places), self._narrow)):
            for lo, hi in spans:
                chosen = self._chosen(text[lo:hi], filters)
                if filters is self._wide:
                    chosen.update(self._unfiltered)
                for i in chosen:
                    needs = self._needs.get(i)
                    if needs and not all(any(text.find(s, lo, hi) >= 0 for s in group) for group in needs):
                        continue  # a literal the pattern cannot match without is absent
                    extractor = self._extractors[i]
                    for match in extractor.compiled_regex.finditer(text, lo, hi):
                        found.append((i, match.start(), extractor.get_token(match)))
        found.sort(key=itemgetter(0))  # stable: each extractor's tokens stay in text order
        return (token for _, _, token in found)


def _required_literals() -> dict[str, tuple[tuple[str, ...], ...]]:
    """For eyecite's extractors that have no prefilter strings (so run on every window), the
    literals each pattern cannot match without: one of each group must occur in the window.
    Keyed by the exact pattern text, so a changed pattern simply runs unfiltered as before.
    The S.W.2d forms need a volume, a space and "S", and "2d" or "2nd"; the state code forms
    need their state's abbreviation and a section sign."""
    needs: dict[str, tuple[tuple[str, ...], ...]] = {}
    for extractor in EXTRACTORS:
        pattern = extractor.compiled_regex.pattern
        if extractor.strings or (extractor.flags | extractor.compiled_regex.flags) & regex.I:
            continue
        if r"(?P<reporter>S\.?-? ?(?:W|w)\.?,? ?\(?2n?d,?\.?\)?( Series,?)?)" in pattern \
                and r"(?P<volume>[1-9]\d*) (?P<reporter>S" in pattern:
            needs[pattern] = ((" S",), ("2d", "2nd"))
        for state in ("Cal", "N\\.Y", "Tex"):
            head = rf"(?:^|[^a-zA-Z0-9])((?P<reporter>{state}\. (?P<subject>"
            if pattern.startswith(head) and ") §§? ?(?P<section>" in pattern:
                needs[pattern] = ((state.replace("\\", "") + ". ",), ("§",))
    return needs


_NEEDS = _required_literals()


def _merged(text: str, spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted spans clipped to ``text``, merged where they touch, widened to whole words."""
    merged: list[tuple[int, int]] = []
    for lo, hi in spans:
        lo, hi = _word_start(text, max(0, lo)), _word_end(text, min(len(text), hi))
        lo = max(0, lo - 1)  # the character before the first word: eyecite's patterns look at it
        if merged and lo <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(hi, merged[-1][1]))
        else:
            merged.append((lo, hi))
    return merged


def _word_start(text: str, position: int) -> int:
    """Back to the start of the word at ``position`` (a window never starts inside a word)."""
    while position > 0 and not text[position - 1].isspace():
        position -= 1
    return position


def _word_end(text: str, position: int) -> int:
    """On to the end of the word at ``position`` (a window never ends inside a word)."""
    return _NON_SPACE.match(text, position).end()  # type: ignore[union-attr]  # re's \S is exactly not str.isspace()


_NON_SPACE = re.compile(r"\S*")


# ---- court lookup ----------------------------------------------------------------------------

_original_court_by_paren = eyecite.helpers.get_court_by_paren


def _court_table() -> tuple[dict[str, str], list[str], list[object]]:
    """(stripped string -> id of the first court with it, stripped strings, ids), in eyecite's order."""
    stripped = [regex.sub(_PUNCTUATION, "", court["citation_string"]).lower() for court in eyecite.helpers.courts]
    ids = [court["id"] for court in eyecite.helpers.courts]
    exact: dict[str, str] = {}
    for s, ident in zip(stripped, ids, strict=True):
        exact.setdefault(s, str(ident))
    return exact, stripped, ids


_TABLE = _court_table()


@lru_cache(maxsize=4096)
def court_by_paren(paren_string: str) -> object:
    """eyecite's ``get_court_by_paren``, same answers: the first court whose punctuation-free
    citation string equals the paren's, else the last one that starts with it, else None."""
    court_str = regex.sub(_PUNCTUATION, "", paren_string).lower()
    if not court_str:
        return None
    exact, stripped, ids = _TABLE
    if court_str in exact:
        return exact[court_str]
    found = None
    for s, ident in zip(stripped, ids, strict=True):
        if s.startswith(court_str):
            found = ident
    return found


def install_court_lookup() -> None:
    """Replace eyecite's court lookup by :func:`court_by_paren` (idempotent)."""
    eyecite.helpers.get_court_by_paren = court_by_paren

