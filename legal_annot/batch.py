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
:mod:`legal_annot.compact`), so the parent spends little time unpickling.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from datetime import date

import attrs

from legal_annot.annotator import Annotator
from legal_annot.arguments import count_argument, instance_argument, texts_argument
from legal_annot.compact import CompactResult, pack_result, unpack_result
from legal_annot.models import Result


@attrs.frozen
class DocumentError:
    """Stands in the output stream for a document that could not be annotated."""

    index: int
    error: str


Outcome = Result | DocumentError
# A chunk as the parent keeps it: each input position with its text, or the error it already has.
Chunk = list[tuple[int, str | DocumentError]]

_worker_annotator: Annotator | None = None


def _init_worker(annotator: Annotator) -> None:
    global _worker_annotator
    _worker_annotator = annotator


def _annotate_one(annotator: Annotator, index: int, text: object) -> Result | DocumentError:
    try:
        return annotator.annotate(text)  # type: ignore[arg-type]
    except Exception as exc:  # one bad document must not stop a pipeline
        return DocumentError(index, f"{type(exc).__name__}: {exc}")


def _annotate_in_worker(items: list[tuple[int, str]]) -> list[CompactResult | DocumentError]:
    annotator = _worker_annotator
    assert annotator is not None
    out: list[CompactResult | DocumentError] = []
    for index, text in items:
        result = _annotate_one(annotator, index, text)
        out.append(result if isinstance(result, DocumentError) else pack_result(result, annotator.catalog))
    return out


def annotate_many(texts: Iterable[str], *, workers: int | None = 1, annotator: Annotator | None = None,
                  chunksize: int = 16, as_of: date | str | None = None) -> Iterator[Outcome]:
    """Annotate every text, yielding a Result (or a DocumentError) per text, in input order.

    ``workers=1`` runs in this process; ``workers=None`` uses every core. Arguments are checked
    here, before the first document is read. ``as_of`` is the date the texts speak from (default
    today), as in :meth:`Annotator.annotate`.
    """
    if as_of is not None:
        from legal_annot.catalog.history import parse_as_of, result_as_of

        day = parse_as_of(as_of)
        inner = annotate_many(texts, workers=workers, annotator=annotator, chunksize=chunksize)
        return (r if isinstance(r, DocumentError) else result_as_of(r, day) for r in inner)
    texts = texts_argument("annotate_many", "texts", texts)
    if workers is not None:
        workers = count_argument("annotate_many", "workers", workers)
    chunksize = count_argument("annotate_many", "chunksize", chunksize)
    chosen = instance_argument("annotate_many", "annotator", annotator, Annotator)
    if chosen is None:
        from legal_annot import default_annotator

        chosen = default_annotator()
    workers = (os.cpu_count() or 1) if workers is None else workers
    iterator = iter(texts)
    if workers == 1:
        return (_annotate_one(chosen, index, text) for index, text in enumerate(iterator))
    return _annotate_in_pool(iterator, chosen, workers, chunksize)


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


def _new_pool(workers: int, annotator: Annotator) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(workers, initializer=_init_worker, initargs=(annotator,))


def _submit(pool: ProcessPoolExecutor, chunk: Chunk) -> Future[list[CompactResult | DocumentError]]:
    try:
        return pool.submit(_annotate_in_worker, [(i, t) for i, t in chunk if isinstance(t, str)])
    except BrokenProcessPool as exc:  # a worker died since the last collection: redo this chunk too
        failed: Future[list[CompactResult | DocumentError]] = Future()
        failed.set_exception(exc)
        return failed


def _merge(chunk: Chunk, outcomes: list[CompactResult | DocumentError], annotator: Annotator) -> Iterator[Outcome]:
    """The chunk's documents in order: the parent's own errors, and the worker's outcomes."""
    done = iter(outcomes)
    for _index, text in chunk:
        if isinstance(text, DocumentError):
            yield text
            continue
        outcome = next(done)
        yield outcome if isinstance(outcome, DocumentError) else unpack_result(text, outcome, annotator.catalog)


def _annotate_in_pool(iterator: Iterator[object], annotator: Annotator, workers: int,
                      chunksize: int) -> Iterator[Outcome]:
    pool = _new_pool(workers, annotator)
    pending: deque[tuple[Chunk, Future[list[CompactResult | DocumentError]]]] = deque()
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
                pool = yield from _collect_first(pending, pool, annotator, workers)
        while pending:
            pool = yield from _collect_first(pending, pool, annotator, workers)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
    if input_error is not None:
        raise input_error


def _collect_first(pending: deque[tuple[Chunk, Future[list[CompactResult | DocumentError]]]],
                   pool: ProcessPoolExecutor, annotator: Annotator,
                   workers: int) -> Iterator[Outcome]:
    """Yield the oldest chunk's outcomes; after a worker died, redo the unfinished chunks alone.

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
                yield from _merge(chunk, future.result(), annotator)
            else:
                yield from _isolate(chunk, annotator)
        return _new_pool(workers, annotator)
    pending.popleft()
    yield from _merge(chunk, outcomes, annotator)
    return pool


def _isolate(chunk: Chunk, annotator: Annotator) -> Iterator[Outcome]:
    """Run each document of ``chunk`` alone in a one-worker pool, so the one that kills it is known."""
    pool = _new_pool(1, annotator)
    try:
        for index, text in chunk:
            if isinstance(text, DocumentError):
                yield text
                continue
            try:
                (outcome,) = pool.submit(_annotate_in_worker, [(index, text)]).result()
            except BrokenProcessPool:
                pool.shutdown(wait=True)
                pool = _new_pool(1, annotator)
                yield DocumentError(index, "WorkerDied: the worker process ended while annotating this document")
                continue
            yield outcome if isinstance(outcome, DocumentError) else unpack_result(text, outcome, annotator.catalog)
    finally:
        pool.shutdown(wait=True)
