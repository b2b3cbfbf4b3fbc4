"""The Spark recipe in docs/scaling.md runs as written and gives what a sequential run gives."""

from __future__ import annotations

import json
import shutil

import pytest

import legal_annot
from legal_annot.distributed_demo import generated_articles, spark_recipe

pytest.importorskip("pyspark")
pytest.importorskip("pyarrow")


@pytest.mark.skipif(shutil.which("java") is None, reason="Spark needs Java")
@pytest.mark.timeout(600)
def test_spark_recipe() -> None:
    texts = generated_articles(200)
    scope = {"texts": texts}
    exec(spark_recipe(), scope)
    try:
        got = [json.loads(row["annotations"]) for row in scope["annotated"]]
        assert got == [legal_annot.annotate(t).to_dict() for t in texts]
    finally:
        scope["spark"].stop()
