"""annotate_many never loses a document: failing input, dying workers, bad items, bad arguments."""

from __future__ import annotations

import functools
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


# --- render: each Result turned into the caller's output where it was made --------------------------

def _quotes(result: legal_annot.Result) -> str:
    """A module-level render: the annotated quotes, joined."""
    return "|".join(a.text for a in result)


def _quotes_or_fail(result: legal_annot.Result, word: str) -> str:
    if word in result.text:
        raise ValueError(f"cannot render a text that says {word}")
    return _quotes(result)


def _unpicklable_for(result: legal_annot.Result, word: str) -> object:
    """Renders to something that cannot travel back from a worker when the text says ``word``."""
    return (lambda: 1) if word in result.text else _quotes(result)


def _status(result: legal_annot.Result) -> str:
    status = result[0].status
    return status.then if status is not None else "none"


def _worker_pid(result: legal_annot.Result) -> int:
    return os.getpid()


@pytest.mark.parametrize("workers", [1, 2])
def test_render_output_is_yielded_in_input_order(workers: int) -> None:
    texts = TEXTS[:20] + ["Nothing legal here.", "The Supremacy Clause again."]
    out = list(legal_annot.annotate_many(texts, workers=workers, chunksize=3, render=_quotes))
    assert out == [_quotes(legal_annot.annotate(t)) for t in texts]
    assert out[-2] == "" and out[-1] == "Supremacy Clause"


def test_render_runs_in_the_worker_processes() -> None:
    pids = set(legal_annot.annotate_many(TEXTS[:12], workers=2, chunksize=2, render=_worker_pid))
    assert PARENT not in pids and pids
    assert set(legal_annot.annotate_many(TEXTS[:2], workers=1, render=_worker_pid)) == {PARENT}


@pytest.mark.parametrize("workers", [1, 2])
def test_a_render_that_raises_fails_its_document_only(workers: int) -> None:
    texts = list(TEXTS[:10])
    texts[3] = texts[3].replace("Report", "BAD report")
    texts[7] = texts[7].replace("Report", "BAD report")
    render = functools.partial(_quotes_or_fail, word="BAD")
    out = list(legal_annot.annotate_many(texts, workers=workers, chunksize=4, render=render))
    assert len(out) == len(texts)
    for index, outcome in enumerate(out):
        if index in (3, 7):
            assert outcome == DocumentError(index, "ValueError: cannot render a text that says BAD")
        else:
            assert outcome == _quotes(legal_annot.annotate(texts[index]))


def test_a_render_output_that_cannot_travel_back_fails_its_document_only() -> None:
    texts = list(TEXTS[:9])
    texts[4] = "ODD " + texts[4]
    render = functools.partial(_unpicklable_for, word="ODD")
    out = list(legal_annot.annotate_many(texts, workers=2, chunksize=3, render=render))
    assert isinstance(out[4], DocumentError) and out[4].index == 4
    assert [o for i, o in enumerate(out) if i != 4] == [_quotes(legal_annot.annotate(t))
                                                        for i, t in enumerate(texts) if i != 4]


@pytest.mark.timeout(120)
def test_render_keeps_the_killed_worker_guarantee(dying: Annotator) -> None:
    texts = list(TEXTS[:12])
    texts[5] = "KILL " + texts[5]
    out = list(legal_annot.annotate_many(texts, workers=2, chunksize=3, annotator=dying, render=_quotes))
    assert isinstance(out[5], DocumentError) and out[5].error.startswith("WorkerDied")
    assert [o for i, o in enumerate(out) if i != 5] == [_quotes(legal_annot.annotate(t))
                                                        for i, t in enumerate(texts) if i != 5]


@pytest.mark.parametrize("workers", [1, 2])
def test_render_sees_statuses_for_as_of(workers: int) -> None:
    text = "The lawsuit challenged Executive Order 14160 in federal court."
    then = list(legal_annot.annotate_many([text], workers=workers, as_of="2025-02-01", render=_status))
    later = list(legal_annot.annotate_many([text], workers=workers, as_of="2026-12-01", render=_status))
    assert then == ["enjoined"] and later == ["struck down"]


def _local_render_factory() -> object:
    def local(result: legal_annot.Result) -> str:
        return ""
    return local


@pytest.mark.parametrize(("render", "words"), [
    ("not callable", "callable taking a Result"),
    (lambda result: "", "picklable.*module-level function"),
    (_local_render_factory(), "picklable"),
    (functools.partial(lambda result, x: "", x=1), "picklable"),
])
@pytest.mark.parametrize("workers", [1, 2])
def test_a_bad_render_is_refused_before_the_first_document_is_read(render: object, words: str,
                                                                  workers: int) -> None:
    pulled: list[int] = []

    def texts() -> Iterator[str]:
        pulled.append(1)
        yield "text"

    with pytest.raises(TypeError, match=words):
        legal_annot.annotate_many(texts(), workers=workers, render=render)  # type: ignore[call-overload]
    assert pulled == []
