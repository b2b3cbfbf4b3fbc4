"""Parse the canonical citation strings the catalog uses into their parts.

The catalog states each authority's citation once, in its official form
("U.S. Const. art. VI, cl. 2", "18 U.S.C. § 371", "521 U.S. 898"); links are derived from
these parts, so a citation that cannot be parsed is caught when the catalog loads.
"""

from __future__ import annotations

import attrs
import regex

ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50}


def roman_to_int(numeral: str) -> int:
    """Convert a Roman numeral (I..L) to an int; raise ValueError on anything else."""
    numeral = numeral.upper()
    if not numeral or any(ch not in ROMAN for ch in numeral):
        raise ValueError(f"not a Roman numeral: {numeral!r}")
    total = 0
    for ch, nxt in zip(numeral, numeral[1:] + " "):
        value = ROMAN[ch]
        total += -value if nxt != " " and ROMAN[nxt] > value else value
    return total


def int_to_roman(number: int) -> str:
    """Convert 1..89 to a Roman numeral."""
    out = []
    for value, numeral in ((50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while number >= value:
            out.append(numeral)
            number -= value
    return "".join(out)


@attrs.frozen
class CitationParts:
    """What a citation points at. ``family`` says which fields are meaningful."""

    family: str  # constitution_article | constitution_amendment | us_reports | usc | cfr | cfr_part | executive_order | fed_reg | pub_law | stat
    volume: int | None = None  # title, U.S. Reports volume, Federal Register volume, Congress
    number: str | None = None  # section, page, order number, law number
    article: int | None = None
    amendment: int | None = None
    section: int | None = None
    clause: int | None = None
    subsection: str = ""
    reporter: str | None = None  # for family "reporter": "F.3d", "F. Supp. 2d", "S. Ct." ...
    appendix: bool = False  # a section of a U.S. Code title's appendix ("50 U.S.C. app. § 5")


_PATTERNS: tuple[tuple[str, regex.Pattern[str]], ...] = tuple(
    (family, regex.compile(pattern, regex.V1))
    for family, pattern in (
        ("constitution_article",
         r"U\.S\. Const\. art\. (?P<article>[IVX]+)(?:, § (?P<section>\d+))?(?:, cl\. (?P<clause>\d+))?"),
        ("constitution_amendment",
         r"U\.S\. Const\. amend\. (?P<amendment>[IVXL]+)(?:, § (?P<section>\d+))?(?:, cl\. (?P<clause>\d+))?"),
        ("us_reports", r"(?P<volume>\d+) U\.S\. (?P<number>\d+)"),
        ("reporter", r"(?P<volume>\d+) (?P<reporter>F\.(?: (?:2d|3d|4th))?|F\.(?:2d|3d|4th)|F\. Supp\.(?: (?:2d|3d))?|"
                     r"S\. ?Ct\.|L\. ?Ed\.(?: 2d)?|F\. App'x) (?P<number>\d+)"),
        ("usc", r"(?P<volume>\d+) U\.S\.C\. (?P<appendix>app\. )?§ (?P<number>\d+[a-zA-Z]{0,2}(?:-\d+[a-zA-Z]?)?)"
                r"(?P<subsection>(?:\([0-9A-Za-z]+\))*)"),
        ("cfr_part", r"(?P<volume>\d+) C\.F\.R\. [Pp]art (?P<number>\d+)"),
        ("cfr", r"(?P<volume>\d+) C\.F\.R\. § (?P<number>\d+\.\d+)(?P<subsection>(?:\([0-9A-Za-z]+\))*)"),
        ("executive_order", r"Exec\. Order No\. (?P<number>\d{1,2},?\d{3})"),
        ("fed_reg", r"(?P<volume>\d+) Fed\. Reg\. (?P<number>[\d,]+)"),
        ("pub_law", r"Pub\. L\. No\. (?P<volume>\d+)-(?P<number>\d+)"),
        ("stat", r"(?P<volume>\d+) Stat\. (?P<number>\d+)"),
    )
)


def format_citation(parts: CitationParts) -> str:
    """The canonical citation string for parsed parts (the inverse of :func:`parse_citation`)."""
    family, volume, number = parts.family, parts.volume, parts.number
    if family in ("constitution_article", "constitution_amendment"):
        head = (f"U.S. Const. art. {int_to_roman(parts.article or 0)}" if family == "constitution_article"
                else f"U.S. Const. amend. {int_to_roman(parts.amendment or 0)}")
        return head + (f", § {parts.section}" if parts.section else "") + (f", cl. {parts.clause}" if parts.clause else "")
    return {
        "us_reports": f"{volume} U.S. {number}",
        "reporter": f"{volume} {parts.reporter} {number}",
        "usc": f"{volume} U.S.C. {'app. ' if parts.appendix else ''}§ {number}{parts.subsection}",
        "cfr": f"{volume} C.F.R. § {number}{parts.subsection}",
        "cfr_part": f"{volume} C.F.R. Part {number}",
        "executive_order": f"Exec. Order No. {number}",
        "fed_reg": f"{volume} Fed. Reg. {number}",
        "pub_law": f"Pub. L. No. {volume}-{number}",
        "stat": f"{volume} Stat. {number}",
    }[family]


def parse_citation(citation: str) -> CitationParts:
    """Parse a canonical citation; raise ValueError naming the forms expected."""
    for family, pattern in _PATTERNS:
        match = pattern.fullmatch(citation.strip())
        if not match:
            continue
        groups = match.groupdict()
        return CitationParts(
            family=family,
            volume=int(groups["volume"]) if groups.get("volume") else None,
            number=groups["number"].replace(",", "") if groups.get("number") else None,
            article=roman_to_int(groups["article"]) if groups.get("article") else None,
            amendment=roman_to_int(groups["amendment"]) if groups.get("amendment") else None,
            section=int(groups["section"]) if groups.get("section") else None,
            clause=int(groups["clause"]) if groups.get("clause") else None,
            subsection=groups.get("subsection") or "",
            reporter=groups.get("reporter"),
            appendix=bool(groups.get("appendix")),
        )
    raise ValueError(
        f"unrecognised citation {citation!r}; expected a form such as 'U.S. Const. art. VI, cl. 2', "
        "'U.S. Const. amend. XIV, § 1', '521 U.S. 898', '921 F.3d 865', '18 U.S.C. § 371', '8 C.F.R. § 287.7', "
        "'28 C.F.R. Part 50', 'Exec. Order No. 14159', '90 Fed. Reg. 8443', 'Pub. L. No. 104-208', "
        "'110 Stat. 3009'"
    )
