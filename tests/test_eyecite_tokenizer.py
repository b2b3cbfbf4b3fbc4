"""The window tokenizer gives eyecite exactly what its own tokenizer would (same citations, spans
and metadata), under any hash seed; the court lookup answers as eyecite's does."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import eyecite
import eyecite.helpers
import pytest
from eyecite.models import CaseCitation, IdCitation, ReferenceCitation, SupraCitation
from eyecite.tokenizers import EXTRACTORS, AhocorasickTokenizer

from legal_annot.detect.eyecite_adapter import CaseCitationFinder
from legal_annot.detect.eyecite_tokenizer import _original_court_by_paren, court_by_paren

OPINIONS = sorted((Path(__file__).parent / "data" / "opinions").glob("*.txt"))
KEPT = (CaseCitation, IdCitation, SupraCitation, ReferenceCitation)
ORDER = {id(e): i for i, e in enumerate(EXTRACTORS)}


class OrderedTokenizer(AhocorasickTokenizer):
    """eyecite's default tokenizer over the whole text, with its extractors in list order."""

    def get_extractors(self, text: str):  # type: ignore[override]
        return sorted(super().get_extractors(text), key=lambda e: ORDER[id(e)])


def described(citations) -> list[tuple]:
    """The case citations, Id., supra and references (what legal_annot reads), in full detail.
    Law and journal citations far from any case reporter are not looked for."""
    return [(type(c).__name__, c.span(), c.full_span(), tuple(sorted((c.groups or {}).items())),
             repr(c.metadata)) for c in citations if isinstance(c, KEPT)]


@pytest.fixture(scope="module")
def finder() -> CaseCitationFinder:
    return CaseCitationFinder()


@pytest.mark.parametrize("path", OPINIONS, ids=lambda p: p.stem)
def test_same_citations_as_eyecites_own_tokenizer(finder: CaseCitationFinder, path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    reference = OrderedTokenizer()
    compared = 0
    for _, piece in finder.pieces(text):
        ours = described(eyecite.get_citations(piece, tokenizer=finder._tokenizer))
        theirs = described(eyecite.get_citations(piece, tokenizer=reference))
        assert ours == theirs
        compared += len(theirs)
    assert compared > 50


@pytest.mark.parametrize("text", [
    "See Smith v. Jones, 521 U.S. 898, 902 (1997) (holding so); id. at 903.",
    "Brown v. Board of Education, 347 U. S. 483 (1954). Brown, supra, at 495.",
    "Pub. L. No. 89-110, 79 Stat. 437; 42 U.S.C. § 1983; Monroe v. Pape, 365 U.S. 167 (1961).",
    "A long run of words with no citation at all " * 40 + "then Roe v. Wade, 410 U.S. 113 (1973).",
])
def test_same_citations_on_short_texts(finder: CaseCitationFinder, text: str) -> None:
    assert described(eyecite.get_citations(text, tokenizer=finder._tokenizer)) == \
        described(eyecite.get_citations(text, tokenizer=OrderedTokenizer()))


def test_the_court_lookup_agrees_with_eyecites() -> None:
    strings = [c["citation_string"] for c in eyecite.helpers.courts]
    probes = {*strings, *(s[:k] for s in strings[::7] for k in (1, 2, 3, 5)),
              "", "  ", "2d Cir.", "D.C. Cir. 2001", "N.C.", "Pa.Super.", "SC", "no such court"}
    assert [court_by_paren(p) for p in sorted(probes)] == [_original_court_by_paren(p) for p in sorted(probes)]


PROBE = """
import sys
sys.path.insert(0, sys.argv[1])
import legal_annot
for text in ["§supra", "id.§", "§ supra §", "See 521 U.S. 898 §supra"]:
    print([(a.start, a.end, a.matched_by) for a in legal_annot.annotate(text).annotations])
"""


def test_same_answer_under_any_hash_seed() -> None:
    """'§supra' was a citation under some PYTHONHASHSEED values and not under others."""
    root = str(Path(__file__).parent.parent)
    outputs = set()
    for seed in ("0", "1", "2", "3", "7", "123"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run([sys.executable, "-c", PROBE, root], capture_output=True, text=True,
                              env=env, check=True, timeout=120)
        outputs.add(done.stdout)
    assert len(outputs) == 1


@pytest.mark.parametrize("text", [
    "Smith v. Jones, 5 S.W.2d 100 (Tex. 1928); Doe v. Roe, 12 S. W. 2nd 7.",
    "Under Tex. Penal Code Ann. § 12.34 and Cal. Penal Code § 187, see 5 U.S. 1.",
    "N.Y. Penal Law § 125.25 applies; Roe v. Wade, 410 U.S. 113 (1973).",
    "Cal. Penal Code 187 without a section sign; 5 U.S. 1; Tex. Code but 2d nothing.",
])
def test_extractors_skipped_for_a_missing_literal_find_the_same(finder: CaseCitationFinder, text: str) -> None:
    """The S.W.2d and state-code patterns (no prefilter strings in eyecite) are skipped in a window
    that lacks a literal they need; where the literal is there they still run, with every kind of
    citation compared, not only case citations."""
    def everything(citations) -> list[tuple]:
        return [(type(c).__name__, c.span(), tuple(sorted((c.groups or {}).items()))) for c in citations]

    assert everything(eyecite.get_citations(text, tokenizer=finder._tokenizer)) == \
        everything(eyecite.get_citations(text, tokenizer=OrderedTokenizer()))


def test_the_required_literals_cover_the_patterns_they_name() -> None:
    """The table found the installed eyecite's unfiltered patterns it is written for (when eyecite
    changes a pattern, the pattern runs unfiltered again and this says the table needs a look)."""
    from legal_annot.detect.eyecite_tokenizer import _NEEDS

    unfiltered = {e.compiled_regex.pattern for e in EXTRACTORS if not e.strings}
    assert len(_NEEDS) >= 5 and set(_NEEDS) <= unfiltered


def test_a_window_ends_at_the_first_character_python_calls_space() -> None:
    from legal_annot.detect.eyecite_tokenizer import _word_end

    for code in range(0x3001):
        char = chr(code)
        assert _word_end(f"ab{char}c", 0) == (2 if char.isspace() else 4), hex(code)
    assert _word_end("abc", 3) == 3 and _word_end("", 0) == 0
