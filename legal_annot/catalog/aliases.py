"""Generate the spellings under which an authority can appear, from a few declared forms.

Catalog authors write a name once; this module expands it with the equivalences of
``variants.toml`` (``v.``/``vs.``/``v``, ``U.S.``/``United States`` ...), hyphen/space/closed
forms of hyphenated words, and the numeric forms of ordinal amendments
("Fourteenth Amendment" -> "14th Amendment", "Amendment XIV").
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import regex

from legal_annot.catalog.citations import int_to_roman
from legal_annot.normalize import fold_phrase

MAX_VARIANTS = 96

_ORDINAL_WORDS = (
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth "
    "fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth twenty-first "
    "twenty-second twenty-third twenty-fourth twenty-fifth twenty-sixth twenty-seventh"
).split()
_ORDINAL_NUMBER = {word: n for n, word in enumerate(_ORDINAL_WORDS, start=1)}
_ORDINAL_AMENDMENT = regex.compile(r"\b(?P<ord>(?:twenty-)?[a-z]+) amendment\b")
_HYPHENATED = regex.compile(r"(?<=\w)-(?=\w)")


def ordinal_suffix(n: int) -> str:
    """'st', 'nd', 'rd' or 'th' for an integer."""
    if 10 <= n % 100 <= 20:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


def _phrase_pattern(phrase: str) -> regex.Pattern[str]:
    return regex.compile(r"(?<![\w.])" + regex.escape(phrase) + r"(?![\w.])")


class AliasExpander:
    """Expands folded aliases with interchangeable phrases; built once per catalog."""

    def __init__(self, groups: Sequence[Sequence[str]]) -> None:
        self._groups = [
            [(phrase, _phrase_pattern(phrase)) for phrase in map(fold_phrase, group)] for group in groups
        ]

    def expand(self, alias: str) -> tuple[str, ...]:
        """All spellings of one alias, folded, the alias itself first."""
        forms = dict.fromkeys(self._numbered(fold_phrase(alias)))
        for group in self._groups:
            for form in list(forms):
                for phrase, pattern in group:
                    if pattern.search(form):
                        for other, _ in group:
                            if other != phrase:
                                forms.setdefault(pattern.sub(lambda _m, o=other: o, form))
            if len(forms) > MAX_VARIANTS:
                break
        for form in list(forms):
            if "-" in form:
                forms.setdefault(_HYPHENATED.sub(" ", form))
                forms.setdefault(_HYPHENATED.sub("", form))
        return tuple(forms)[: MAX_VARIANTS]

    def expand_all(self, aliases: Iterable[str]) -> tuple[str, ...]:
        """The union of the spellings of several aliases, in order, without repeats."""
        out: dict[str, None] = {}
        for alias in aliases:
            out.update(dict.fromkeys(self.expand(alias)))
        return tuple(out)

    @staticmethod
    def _numbered(alias: str) -> list[str]:
        """The alias, plus numeric forms when it names an amendment by its ordinal."""
        match = _ORDINAL_AMENDMENT.search(alias)
        number = _ORDINAL_NUMBER.get(match.group("ord")) if match else None
        if match is None or number is None:
            return [alias]
        head, tail = alias[: match.start()], alias[match.end():]
        return [alias] + [
            head + form + tail
            # Not "amendment 4": that is how state ballot measures are named.
            for form in (f"{number}{ordinal_suffix(number)} amendment", f"amendment {int_to_roman(number).lower()}")
        ]
