"""legal_annot on a local Dask cluster with two worker processes gives what a sequential run gives."""

from __future__ import annotations

import json
import random

import pytest

import legal_annot
from legal_annot.distributed import annotate_bag, annotate_record, annotate_series
from legal_annot.examples import example_article

dask = pytest.importorskip("dask")
distributed = pytest.importorskip("distributed")


def articles(count: int) -> list[str]:
    """Articles made by shuffling the bundled example's paragraphs (seeded)."""
    paragraphs = example_article().split("\n\n")
    rng = random.Random(5)
    return ["\n\n".join(rng.sample(paragraphs, k=rng.randint(2, len(paragraphs)))) for _ in range(count)]


@pytest.fixture(scope="module")
def client():
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                       dashboard_address=None, silence_logs=50)
    with distributed.Client(cluster) as client:
        yield client
    cluster.close()


@pytest.mark.timeout(300)
def test_bag_on_two_workers_matches_sequential(client) -> None:
    import dask.bag

    texts = articles(2000)
    results = annotate_bag(dask.bag.from_sequence(texts, npartitions=8)).compute()
    assert results == [legal_annot.annotate(t).to_dict() for t in texts]
    assert len(client.scheduler_info()["workers"]) == 2


@pytest.mark.timeout(300)
def test_dataframe_column(client) -> None:
    import dask.dataframe as dd
    import pandas as pd

    texts = articles(300) + ["", "The Supremacy Clause."]
    frame = dd.from_pandas(pd.DataFrame({"text": texts}), npartitions=4)
    column = annotate_series(frame["text"]).compute()
    assert [json.loads(v) for v in column] == [legal_annot.annotate(t).to_dict() for t in texts]


def test_a_bad_record_does_not_fail_the_partition() -> None:
    assert annotate_record(None)["error"].startswith("TypeError")  # type: ignore[arg-type]


def test_a_shipped_annotator_is_rebuilt_once_per_process_however_many_tasks_carry_it() -> None:
    import pickle

    from legal_annot import Annotator, distributed

    annotator = Annotator(kinds=["case"])
    payload = pickle.dumps(distributed._Shipped(annotator))
    distributed._received.clear()  # as in a fresh worker process
    first, second = pickle.loads(payload), pickle.loads(payload)
    assert isinstance(first, Annotator) and first is second
    assert [a.kind for a in first.annotate("Printz v. United States and the Supremacy Clause.")] == ["case"]


def test_a_wrong_annotator_for_a_bag_is_refused_when_the_graph_is_built() -> None:
    from legal_annot.distributed import annotate_series

    with pytest.raises(TypeError, match="annotator"):
        annotate_series(None, annotator="not an annotator")
