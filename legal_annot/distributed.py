"""Run legal_annot on an existing distributed engine (Dask), not one of our own.

    from legal_annot.distributed import annotate_bag, annotate_series
    results = annotate_bag(dask.bag.from_sequence(texts)).compute()      # list of plain dicts
    ddf["annotations"] = annotate_series(ddf["text"])                    # a column of JSON strings

Each worker process builds an Annotator once, however many partitions it runs: the default one
(when none is given), or the one you pass, which travels with the task graph as a pickle and is
unpickled (its automata rebuilt) only on a worker's first task that carries it. Results are the plain data of
Result.to_dict(), which every engine can serialize. Install with the ``dask`` extra.
"""

from __future__ import annotations

import json
import pickle
import threading
import uuid
from collections import OrderedDict
from typing import Any

from legal_annot.annotator import Annotator

_received: OrderedDict[str, Annotator] = OrderedDict()
_received_lock = threading.Lock()
_KEEP = 4  # annotators kept per worker process (one per distinct pipeline, usually one)


def _receive(token: str, payload: bytes) -> Annotator:
    """The Annotator a task carries: unpickled once per process, then taken from the cache."""
    with _received_lock:
        if token in _received:
            _received.move_to_end(token)
            return _received[token]
    annotator = pickle.loads(payload)  # noqa: S301 - our own pickle, made by _Shipped below
    with _received_lock:
        _received[token] = annotator
        while len(_received) > _KEEP:
            _received.popitem(last=False)
    return annotator


class _Shipped:
    """An Annotator on its way to workers, pickled once here, rebuilt once per worker process."""

    def __init__(self, annotator: Annotator) -> None:
        self._token = uuid.uuid4().hex
        self._payload = pickle.dumps(annotator)
        with _received_lock:  # this process already has it
            _received[self._token] = annotator

    def __reduce__(self) -> tuple[Any, tuple[str, bytes]]:
        return _receive, (self._token, self._payload)


def _annotator(annotator: Annotator | _Shipped | None) -> Annotator:
    if isinstance(annotator, Annotator):
        return annotator
    if annotator is None:
        from legal_annot import default_annotator

        return default_annotator()
    raise TypeError(f"annotator must be a legal_annot.Annotator or None, not {type(annotator).__name__}")


def _shipped(annotator: Annotator | None) -> Annotator | _Shipped | None:
    if annotator is None:
        return None
    if not isinstance(annotator, Annotator):
        raise TypeError(f"annotator must be a legal_annot.Annotator or None, not {type(annotator).__name__}")
    return _Shipped(annotator)


def annotate_record(text: str, annotator: Annotator | None = None) -> dict[str, Any]:
    """One document as plain data; a failing document becomes ``{"error": ...}`` instead."""
    if isinstance(annotator, _Shipped):  # a task's lambda kept the wrapper itself (same process)
        annotator = _receive(annotator._token, annotator._payload)
    try:
        return _annotator(annotator).annotate(text).to_dict()
    except Exception as exc:  # one bad document must not fail a whole partition
        return {"error": f"{type(exc).__name__}: {exc}"}


def annotate_bag(bag: Any, annotator: Annotator | None = None) -> Any:
    """A dask.bag of texts -> a dask.bag of result dicts (same order)."""
    shipped = _shipped(annotator)
    return bag.map_partitions(lambda texts: [annotate_record(t, shipped) for t in texts])


def annotate_series(series: Any, annotator: Annotator | None = None) -> Any:
    """A dask (or pandas) Series of texts -> a Series of result JSON strings."""
    shipped = _shipped(annotator)

    def partition(part: Any) -> Any:
        return part.map(lambda text: json.dumps(annotate_record(text, shipped), ensure_ascii=False))

    if hasattr(series, "map_partitions"):
        return series.map_partitions(partition, meta=(series.name, "object"))
    return partition(series)
