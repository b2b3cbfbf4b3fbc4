"""annotate_many never loses a document: failing input, dying workers, bad items, bad arguments."""

from __future__ import annotations

import os
import signal
from collections.abc import Iterator

import pytest

import legal_annot
from legal_annot import Annotator, DocumentError
from legal_annot.compact import pack_result, unpack_result

PARENT = os.getpid()
TEXTS = [f"Report {i}: the sheriff cited the Supremacy Clause and Printz v. United States." for i in range(60)]


class DyingAnnotator(Annotator):
    """Kills the process it runs in (never the test's own) when a text says KILL."""

    def annotate(self, text, **options):  # type: ignore[no-untyped-def, override]
        if isinstance(text, str) and text.startswith("KILL") and os.getpid() != PARENT:
            os.kill(os.getpid(), signal.SIGKILL)
        return super().annotate(text, **options)


@pytest.fixture(scope="module")
def dying() -> Annotator:
    return DyingAnnotator()


def _failing_input(good: int) -> Iterator[str]:
    yield from TEXTS[:good]
    raise OSError("the feed went away")


@pytest.mark.parametrize("workers", [1, 2])
def test_input_error_is_raised_after_every_read_document(workers: int) -> None:
    got: list[object] = []
    with pytest.raises(OSError, match="feed went away"):
        for outcome in legal_annot.annotate_many(_failing_input(37), workers=workers, chunksize=5):
            got.append(outcome)
    assert got == [legal_annot.annotate(t) for t in TEXTS[:37]]


@pytest.mark.timeout(120)
@pytest.mark.parametrize("killers", [[9], [0, 31, 32, 59]])
def test_a_document_that_kills_its_worker_is_reported_and_the_rest_survive(dying: Annotator,
                                                                           killers: list[int]) -> None:
    texts = list(TEXTS)
    for k in killers:
        texts[k] = "KILL " + texts[k]
    out = list(legal_annot.annotate_many(texts, workers=2, chunksize=4, annotator=dying))
    assert len(out) == len(texts)
    for index, outcome in enumerate(out):
        if index in killers:
            assert isinstance(outcome, DocumentError) and outcome.index == index
            assert outcome.error.startswith("WorkerDied")
        else:
            assert outcome == legal_annot.annotate(texts[index])


def test_a_near_miss_kill_word_inside_the_parent_is_annotated_normally(dying: Annotator) -> None:
    # workers=1 runs in this process, where DyingAnnotator does not kill: nothing is special.
    out = list(legal_annot.annotate_many(["KILL the Supremacy Clause"], annotator=dying))
    assert [a.text for a in out[0]] == ["Supremacy Clause"]


@pytest.mark.parametrize("workers", [1, 2])
def test_items_that_are_not_text_become_errors_in_place(workers: int) -> None:
    texts: list[object] = [TEXTS[0], b"bytes", TEXTS[1], None, lambda: 1, TEXTS[2]]
    out = list(legal_annot.annotate_many(texts, workers=workers, chunksize=2))  # type: ignore[arg-type]
    assert [type(o).__name__ for o in out] == ["Result", "DocumentError", "Result", "DocumentError",
                                               "DocumentError", "Result"]
    assert [o.index for o in out if isinstance(o, DocumentError)] == [1, 3, 4]
    assert out[5] == legal_annot.annotate(TEXTS[2])


def test_compact_results_round_trip_to_equal_results() -> None:
    annotator = legal_annot.default_annotator()
    text = ("Under 18 U.S.C. § 371 a conspiracy carries up to five years in prison; the court cited "
            "Printz v. United States, 521 U.S. 898 (1997), and the anti-commandeering doctrine.")
    result = annotator.annotate(text)
    packed = pack_result(result, annotator.catalog)
    assert unpack_result(text, packed, annotator.catalog) == result
    assert result[0].authority is not None and result[0].authority.summary
    for annotation in result:  # authorities and the document's text stay home
        assert annotation.authority is None or annotation.authority.summary not in repr(packed)
    assert "Printz v. United States, 521 U.S. 898 (1997)" not in repr(packed)


@pytest.mark.parametrize(("kwargs", "error", "words"), [
    ({"texts": "one document"}, TypeError, "wrap a single document"),
    ({"texts": b"bytes"}, TypeError, "texts"),
    ({"texts": 5}, TypeError, "iterable"),
    ({"workers": "2"}, TypeError, "workers"),
    ({"workers": 2.5}, TypeError, "workers"),
    ({"workers": True}, TypeError, "workers"),
    ({"workers": 0}, ValueError, "at least 1"),
    ({"chunksize": 1.5}, TypeError, "chunksize"),
    ({"chunksize": 0}, ValueError, "chunksize"),
    ({"annotator": "x"}, TypeError, "annotator"),
])
def test_bad_arguments_are_refused_before_the_first_document_is_read(kwargs: dict[str, object],
                                                                     error: type[Exception], words: str) -> None:
    pulled: list[int] = []

    def texts() -> Iterator[str]:
        pulled.append(1)
        yield "text"

    call = {"texts": texts(), **kwargs}
    with pytest.raises(error, match=words):
        legal_annot.annotate_many(call.pop("texts"), **call)  # type: ignore[arg-type]
    assert pulled == []
