"""Many documents on one machine: annotate_many streams results in input order, over processes.

Memory stays bounded on endless inputs: at most ``workers * chunksize * 2`` documents are in
flight. No document is lost:

- a document that fails (including one that is not a str) yields a :class:`DocumentError` in its
  place, and the rest go on;
- a document that kills its worker process (a crash, an out-of-memory kill) is found by running
  the unfinished documents again one at a time in a fresh process; it yields a DocumentError and
  the others their results;
- when the input iterator itself raises, every document read before the error is yielded first,
  then the error is raised.

Workers send results back compactly (authorities as catalog ids, no copy of the text; see
:mod:`legal_annot.compact`), so the parent spends little time unpickling. With ``render``, the
workers also turn each Result into the caller's output (a JSON string, say) and send that back
instead, so serialising happens in parallel too; a render that fails, or whose output cannot
travel back, makes a DocumentError for its document only.
"""

from __future__ import annotations

import os
import pickle
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from datetime import date
from typing import Any, TypeVar, overload

import attrs

from legal_annot.annotator import Annotator
from legal_annot.arguments import count_argument, instance_argument, texts_argument
from legal_annot.compact import pack_result, unpack_result
from legal_annot.models import Result


@attrs.frozen
class DocumentError:
    """Stands in the output stream for a document that could not be annotated."""

    index: int
    error: str


T = TypeVar("T")
Outcome = Result | DocumentError
# A chunk as the parent keeps it: each input position with its text, or the error it already has.
Chunk = list[tuple[int, str | DocumentError]]
# What a worker sends back per document: a packed Result, the render's output, or an error.
Sent = Any


@attrs.frozen
class _Work:
    """What every worker needs (sent once per worker process): how to annotate and render."""

    annotator: Annotator
    day: date | None = None  # the as_of date statuses are computed for (None: today)
    render: Callable[[Result], Any] | None = None


_worker_work: _Work | None = None


def _init_worker(work: _Work) -> None:
    global _worker_work
    _worker_work = work


def _annotate_one(work: _Work, index: int, text: object) -> Any:
    """The document's Result (or its rendering), or a DocumentError for whatever failed."""
    try:
        result = work.annotator.annotate(text)  # type: ignore[arg-type]
        if work.day is not None:
            from legal_annot.catalog.history import result_as_of

            result = result_as_of(result, work.day)
        return result if work.render is None else work.render(result)
    except Exception as exc:  # one bad document (or one failed rendering) must not stop a pipeline
        return DocumentError(index, f"{type(exc).__name__}: {exc}")


def _annotate_in_worker(items: list[tuple[int, str]]) -> list[Sent]:
    work = _worker_work
    assert work is not None
    out: list[Sent] = []
    for index, text in items:
        outcome = _annotate_one(work, index, text)
        if work.render is None and not isinstance(outcome, DocumentError):
            outcome = pack_result(outcome, work.annotator.catalog)
        out.append(outcome)
    return out


def _render_argument(render: object) -> Callable[[Result], Any] | None:
    """``render`` checked now: a callable that pickles (so that any number of workers can run it)."""
    if render is None:
        return None
    if not callable(render):
        raise TypeError(f"annotate_many: render must be a callable taking a Result, not {type(render).__name__}")
    try:
        pickle.dumps(render)
    except Exception as exc:  # PicklingError, or AttributeError for local objects
        raise TypeError(f"annotate_many: render must be picklable, so worker processes can run it: use a "
                        f"module-level function or a functools.partial of one, not {render!r} ({exc})") from None
    return render


@overload
def annotate_many(texts: Iterable[str], *, workers: int | None = 1, annotator: Annotator | None = None,
                  chunksize: int = 16, as_of: date | str | None = None,
                  render: None = None) -> Iterator[Outcome]: ...


@overload
def annotate_many(texts: Iterable[str], *, workers: int | None = 1, annotator: Annotator | None = None,
                  chunksize: int = 16, as_of: date | str | None = None,
                  render: Callable[[Result], T]) -> Iterator[T | DocumentError]: ...


def annotate_many(texts: Iterable[str], *, workers: int | None = 1, annotator: Annotator | None = None,
                  chunksize: int = 16, as_of: date | str | None = None,
                  render: Callable[[Result], Any] | None = None) -> Iterator[Any]:
    """Annotate every text, yielding a Result (or a DocumentError) per text, in input order.

    ``workers=1`` runs in this process; ``workers=None`` uses every core. Arguments are checked
    here, before the first document is read. ``as_of`` is the date the texts speak from (default
    today), as in :meth:`Annotator.annotate`.

    ``render``, when given, is applied to each Result where it was made (in the worker) and its
    output is yielded instead of the Result, e.g. ``functools.partial(result_to_json, compact=True)``
    to serialise in parallel. It must pickle (a module-level function, or a ``functools.partial``
    of one; a TypeError says so at once otherwise), as must what it returns. A render that raises
    yields a DocumentError for that document only.
    """
    texts = texts_argument("annotate_many", "texts", texts)
    if workers is not None:
        workers = count_argument("annotate_many", "workers", workers)
    chunksize = count_argument("annotate_many", "chunksize", chunksize)
    chosen = instance_argument("annotate_many", "annotator", annotator, Annotator)
    render = _render_argument(render)
    day = None
    if as_of is not None:
        from legal_annot.catalog.history import parse_as_of

        day = parse_as_of(as_of)
    if chosen is None:
        from legal_annot import default_annotator

        chosen = default_annotator()
    work = _Work(chosen, day, render)
    workers = (os.cpu_count() or 1) if workers is None else workers
    iterator = iter(texts)
    if workers == 1:
        return (_annotate_one(work, index, text) for index, text in enumerate(iterator))
    return _annotate_in_pool(iterator, work, workers, chunksize)


def _read_chunk(iterator: Iterator[object], first: int, size: int) -> tuple[Chunk, BaseException | None]:
    """Up to ``size`` documents, and the error the input raised while reading them, if any."""
    chunk: Chunk = []
    try:
        for index in range(first, first + size):
            try:
                text = next(iterator)
            except StopIteration:
                break
            chunk.append((index, text if isinstance(text, str)
                          else DocumentError(index, f"TypeError: expected str, not {type(text).__name__}")))
    except Exception as exc:  # the input failed: what was read still counts
        return chunk, exc
    return chunk, None


def _new_pool(workers: int, work: _Work) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(workers, initializer=_init_worker, initargs=(work,))


def _submit(pool: ProcessPoolExecutor, chunk: Chunk) -> Future[list[Sent]]:
    try:
        return pool.submit(_annotate_in_worker, [(i, t) for i, t in chunk if isinstance(t, str)])
    except BrokenProcessPool as exc:  # a worker died since the last collection: redo this chunk too
        failed: Future[list[Sent]] = Future()
        failed.set_exception(exc)
        return failed


def _received(text: str, outcome: Sent, work: _Work) -> Any:
    """A worker's outcome for ``text`` as the caller gets it."""
    if work.render is not None or isinstance(outcome, DocumentError):
        return outcome
    return unpack_result(text, outcome, work.annotator.catalog)


def _merge(chunk: Chunk, outcomes: list[Sent], work: _Work) -> Iterator[Any]:
    """The chunk's documents in order: the parent's own errors, and the worker's outcomes."""
    done = iter(outcomes)
    for _index, text in chunk:
        if isinstance(text, DocumentError):
            yield text
            continue
        yield _received(text, next(done), work)


def _annotate_in_pool(iterator: Iterator[object], work: _Work, workers: int, chunksize: int) -> Iterator[Any]:
    pool = _new_pool(workers, work)
    pending: deque[tuple[Chunk, Future[list[Sent]]]] = deque()
    input_error: BaseException | None = None
    try:
        first = 0
        while input_error is None:
            chunk, input_error = _read_chunk(iterator, first, chunksize)
            if not chunk:
                break
            first += len(chunk)
            pending.append((chunk, _submit(pool, chunk)))
            while len(pending) >= workers * 2 or (pending and input_error is not None):
                pool = yield from _collect_first(pending, pool, work, workers)
        while pending:
            pool = yield from _collect_first(pending, pool, work, workers)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
    if input_error is not None:
        raise input_error


def _collect_first(pending: deque[tuple[Chunk, Future[list[Sent]]]], pool: ProcessPoolExecutor, work: _Work,
                   workers: int) -> Iterator[Any]:
    """Yield the oldest chunk's outcomes; after a worker died, redo the unfinished chunks alone.
    A chunk whose outcomes could not travel back (an output that does not pickle) is redone alone too.

    Returns the pool to go on with (a new one when the old one broke).
    """
    chunk, future = pending[0]
    try:
        outcomes = future.result()
    except BrokenProcessPool:
        broken = list(pending)
        pending.clear()
        pool.shutdown(wait=True, cancel_futures=True)
        for chunk, future in broken:
            if future.done() and not future.cancelled() and future.exception() is None:
                yield from _merge(chunk, future.result(), work)
            else:
                yield from _isolate(chunk, work)
        return _new_pool(workers, work)
    except Exception:  # the pool is fine; one of the chunk's outcomes failed on the way back
        pending.popleft()
        yield from _isolate(chunk, work)
        return pool
    pending.popleft()
    yield from _merge(chunk, outcomes, work)
    return pool


def _isolate(chunk: Chunk, work: _Work) -> Iterator[Any]:
    """Run each document of ``chunk`` alone in a one-worker pool, so the one that kills it (or
    whose outcome cannot travel back) is known."""
    pool = _new_pool(1, work)
    try:
        for index, text in chunk:
            if isinstance(text, DocumentError):
                yield text
                continue
            try:
                (outcome,) = pool.submit(_annotate_in_worker, [(index, text)]).result()
            except BrokenProcessPool:
                pool.shutdown(wait=True)
                pool = _new_pool(1, work)
                yield DocumentError(index, "WorkerDied: the worker process ended while annotating this document")
                continue
            except Exception as exc:  # its outcome could not be sent back
                yield DocumentError(index, f"{type(exc).__name__}: {exc}")
                continue
            yield _received(text, outcome, work)
    finally:
        pool.shutdown(wait=True)
