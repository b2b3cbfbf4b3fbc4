"""A long text is scanned piece by piece (pyahocorasick copies what it searches at four bytes a
character): the pieces find exactly what one pass over the whole text finds."""

from __future__ import annotations

import pytest

import legal_annot
from legal_annot.detect import phrases
from legal_annot.normalize import normalize
from legal_annot.segment import Sentences

TEXT = ("Prosecutors cited 18 U.S.C. § 371 and the Hobbs Act; the RICO statute was not used. "
        "He lied to the FBI agents and conspired to defraud the United States, this law says. "
        "A conspiracy charge carries up to five years in prison under the Sherman Act.\n") * 60


@pytest.mark.parametrize("chunk", [7, 64, 1000, 4093])
def test_pieces_find_what_one_pass_finds(monkeypatch: pytest.MonkeyPatch, chunk: int) -> None:
    scanner = legal_annot.default_annotator()._scanner
    folded = normalize(TEXT).text
    edges = Sentences(folded).edges
    whole = scanner.scan(folded, edges)
    monkeypatch.setattr(phrases, "CHUNK", chunk)
    pieces = scanner.scan(folded, edges)
    assert pieces == whole and whole.named and whole.cues and whole.described


def test_annotations_do_not_depend_on_the_piece_size(monkeypatch: pytest.MonkeyPatch) -> None:
    whole = legal_annot.annotate(TEXT)
    monkeypatch.setattr(phrases, "CHUNK", 333)
    assert legal_annot.annotate(TEXT) == whole
