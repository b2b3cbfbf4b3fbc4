"""The case-citation gate decides, without eyecite, whether eyecite could find anything: it must
agree with eyecite's own reporter strings and with the adapter's choice of places."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from legal_annot.detect import reporter_gate

DATA = Path(__file__).parent / "data"
TEXTS = [
    "See Printz v. United States, 521 U.S. 898 (1997).",
    "The court relied on 921 F.3d 865 and on 139 S. Ct. 2162.",
    "Id. at 903.",
    "as held supra, the rule stands",
    "He was charged under 18 U.S.C. § 371 by the U.S. Army in 2024.",
    "In 2024 The Court met; 5 Things to know about U.S. law.",
    "A volume ___ U.S. ___ (2024) slip opinion.",
    "Nothing here cites anything at all.",
    "the rapid idea of ibidem",  # 'id' inside a word is not a short form
]


def test_the_data_file_matches_the_installed_eyecite() -> None:
    """Rerun scripts/build_case_reporters.py after upgrading eyecite when this fails."""
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
    from build_case_reporters import reporter_strings

    stored = json.loads((Path(reporter_gate.__file__).parent / "data" / "case_reporters.json").read_text("utf-8"))
    assert {k: stored[k] for k in ("sensitive", "insensitive")} == reporter_strings()


def test_every_reporter_starts_where_the_candidate_pattern_looks() -> None:
    sensitive, insensitive, _ = reporter_gate._reporters()
    for string in sensitive | insensitive:
        assert reporter_gate._CANDIDATE.search("1" + string), string


def _eyecite_places(text: str) -> list[int]:
    """An independent oracle: the places read straight from eyecite's case-reporter extractors
    (not from the data file), each reporter after a volume-like character, plus short forms."""
    import re

    from eyecite.tokenizers import EXTRACTORS

    from legal_annot.detect.eyecite_tokenizer import is_case_reporter

    keys: dict[bool, set[str]] = {False: set(), True: set()}
    for extractor in filter(is_case_reporter, EXTRACTORS):
        folded = bool(extractor.flags & re.I)
        for string in extractor.strings or ():
            if key := re.sub(r"\s+", "", string):
                keys[folded].add(key.lower() if folded else key)
    lengths = sorted({len(k) for group in keys.values() for k in group})
    places = []
    for position, char in enumerate(text):
        if char not in "0123456789_-\u2013\u2014":
            continue
        window = re.sub(r"\s+", "", text[position + 1:position + 64])
        if any(probe[:n] in keys[folded] and re.match(r"$|[^A-Za-z]|at\d|at_", probe[n:])
               for folded, probe in ((False, window), (True, window.lower())) for n in lengths):
            places.append(position)
    for word in reporter_gate.SHORT_FORM_WORDS:
        places += [m.start() for m in re.finditer(re.escape(word), text) if m.start() == 0 or not text[m.start() - 1].isalnum()]
    return sorted(places)


@pytest.mark.parametrize("text", TEXTS + [p.read_text("utf-8") for p in sorted((DATA / "opinions").glob("*.txt"))]
                         + [p.read_text("utf-8") for p in sorted((DATA / "news_samples").glob("*.txt"))])
def test_the_gate_chooses_the_places_eyecite_strings_give(text: str) -> None:
    from legal_annot.detect.eyecite_adapter import CaseCitationFinder

    places = reporter_gate.citation_places(text)
    assert places == CaseCitationFinder().citation_places(text)
    assert reporter_gate.may_cite_case(text) == bool(places)
    if len(text) < 20_000:
        assert places == _eyecite_places(text)


@pytest.mark.parametrize(("text", "expected"), [
    ("521 U.S. 898", True), ("18 U.S.C. 371", False), ("the U.S. Army", False), ("2019 F. Supp. 3d 1", True),
    ("Id. at 5", True), ("rapid", False), ("5 Ohio St. 3d 1", True), ("5 Ohioans", False),
])
def test_reporter_shapes_and_near_misses(text: str, expected: bool) -> None:
    assert reporter_gate.may_cite_case(text) is expected
