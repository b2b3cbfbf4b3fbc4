"""Run legal_annot on an existing distributed engine (Dask), not one of our own.

    from legal_annot.distributed import annotate_bag, annotate_series
    results = annotate_bag(dask.bag.from_sequence(texts)).compute()      # list of plain dicts
    ddf["annotations"] = annotate_series(ddf["text"])                    # a column of JSON strings

Each worker builds its Annotator once (on the first partition it sees) from the pickled one, so
a catalog of your own travels with the task graph. Results are the plain data of
Result.to_dict(), which every engine can serialize. Install with the ``dask`` extra.
"""

from __future__ import annotations

import json
from typing import Any

from legal_annot.annotator import Annotator


def _annotator(annotator: Annotator | None) -> Annotator:
    if annotator is not None:
        return annotator
    from legal_annot import default_annotator

    return default_annotator()


def annotate_record(text: str, annotator: Annotator | None = None) -> dict[str, Any]:
    """One document as plain data; a failing document becomes ``{"error": ...}`` instead."""
    try:
        return _annotator(annotator).annotate(text).to_dict()
    except Exception as exc:  # one bad document must not fail a whole partition
        return {"error": f"{type(exc).__name__}: {exc}"}


def annotate_bag(bag: Any, annotator: Annotator | None = None) -> Any:
    """A dask.bag of texts -> a dask.bag of result dicts (same order)."""
    return bag.map_partitions(lambda texts: [annotate_record(t, annotator) for t in texts])


def annotate_series(series: Any, annotator: Annotator | None = None) -> Any:
    """A dask (or pandas) Series of texts -> a Series of result JSON strings."""
    def partition(part: Any) -> Any:
        return part.map(lambda text: json.dumps(annotate_record(text, annotator), ensure_ascii=False))

    if hasattr(series, "map_partitions"):
        return series.map_partitions(partition, meta=(series.name, "object"))
    return partition(series)
