"""Many documents on one machine: annotate_many streams results in input order, over processes.

Memory stays bounded on endless inputs: at most ``workers * chunksize * 2`` documents are in
flight. A document that fails yields a :class:`DocumentError` in its place; the rest go on.
"""

from __future__ import annotations

import itertools
import os
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from datetime import date

import attrs

from legal_annot.annotator import Annotator
from legal_annot.models import Result


@attrs.frozen
class DocumentError:
    """Stands in the output stream for a document that could not be annotated."""

    index: int
    error: str


_worker_annotator: Annotator | None = None


def _init_worker(annotator: Annotator) -> None:
    global _worker_annotator
    _worker_annotator = annotator


def _annotate_one(annotator: Annotator, index: int, text: object) -> Result | DocumentError:
    try:
        return annotator.annotate(text)  # type: ignore[arg-type]
    except Exception as exc:  # one bad document must not stop a pipeline
        return DocumentError(index, f"{type(exc).__name__}: {exc}")


def _annotate_chunk(first: int, texts: list[object]) -> list[Result | DocumentError]:
    assert _worker_annotator is not None
    return [_annotate_one(_worker_annotator, first + i, t) for i, t in enumerate(texts)]


def annotate_many(texts: Iterable[str], *, workers: int | None = 1, annotator: Annotator | None = None,
                  chunksize: int = 16, as_of: date | str | None = None) -> Iterator[Result | DocumentError]:
    """Annotate every text, yielding results in input order.

    ``workers=1`` runs in this process; ``workers=None`` uses every core. The Annotator is
    pickled once per worker process (it rebuilds its automata there). ``as_of`` is the date the
    texts speak from (default today), as in :meth:`Annotator.annotate`.
    """
    if as_of is not None:
        from legal_annot.catalog.history import parse_as_of, result_as_of

        day = parse_as_of(as_of)
        for result in annotate_many(texts, workers=workers, annotator=annotator, chunksize=chunksize):
            yield result if isinstance(result, DocumentError) else result_as_of(result, day)
        return
    if annotator is None:
        from legal_annot import default_annotator

        annotator = default_annotator()
    workers = (os.cpu_count() or 1) if workers is None else workers
    if workers < 1 or chunksize < 1:
        raise ValueError("workers and chunksize must be at least 1")
    iterator = iter(texts)
    if workers == 1:
        for index, text in enumerate(iterator):
            yield _annotate_one(annotator, index, text)
        return
    with ProcessPoolExecutor(workers, initializer=_init_worker, initargs=(annotator,)) as pool:
        pending: deque[Future[list[Result | DocumentError]]] = deque()
        first = 0
        chunks = iter(lambda: list(itertools.islice(iterator, chunksize)), [])
        for chunk in chunks:
            pending.append(pool.submit(_annotate_chunk, first, chunk))
            first += len(chunk)
            if len(pending) >= workers * 2:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
