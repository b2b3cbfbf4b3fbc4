"""Annotate a few thousand generated articles on a local Dask cluster (or Spark, with --spark).

    python -m legal_annot.distributed_demo [--spark] [--articles N]
"""

from __future__ import annotations

import argparse
import random
import re
import time
from pathlib import Path

from legal_annot.examples import example_article


def generated_articles(count: int, seed: int = 5) -> list[str]:
    """Articles made by shuffling the bundled example's paragraphs."""
    paragraphs = example_article().split("\n\n")
    rng = random.Random(seed)
    return ["\n\n".join(rng.sample(paragraphs, k=rng.randint(2, len(paragraphs)))) for _ in range(count)]


def spark_recipe() -> str:
    """The Spark recipe block of docs/scaling.md (so the docs and the demo cannot drift apart)."""
    docs = Path(__file__).resolve().parent.parent / "docs" / "scaling.md"
    found = re.search(r"```python spark-recipe\n(.*?)```", docs.read_text(encoding="utf-8"), re.S)
    if not found:
        raise SystemExit("docs/scaling.md has no spark-recipe block")
    return found.group(1)


def _plain_loop_rate(texts: list[str]) -> float:
    """Documents per second of ``to_dict(annotate(t))`` in a plain loop, on a sample of ``texts``."""
    from legal_annot import default_annotator

    annotator = default_annotator()
    sample = texts[: min(len(texts), 500)]
    started = time.perf_counter()
    for text in sample:
        annotator.annotate(text).to_dict()
    return len(sample) / max(time.perf_counter() - started, 1e-9)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--spark", action="store_true")
    parser.add_argument("--articles", type=int, default=3000)
    args = parser.parse_args()
    texts = generated_articles(args.articles)
    print(f"plain loop, one process: {_plain_loop_rate(texts):.0f} documents/s (the baseline to beat)")
    started = time.perf_counter()
    if args.spark:
        scope = {"texts": texts}
        exec(spark_recipe(), scope)  # noqa: S102 - our own documented recipe
        count = len(scope["annotated"])
        scope["spark"].stop()
    else:
        import dask.bag
        from dask.distributed import Client, LocalCluster

        from legal_annot.distributed import annotate_bag

        with LocalCluster(n_workers=2, threads_per_worker=1, dashboard_address=None) as cluster, Client(cluster):
            count = len(annotate_bag(dask.bag.from_sequence(texts, npartitions=8)).compute())
    elapsed = time.perf_counter() - started
    engine = "Spark" if args.spark else "Dask"
    print(f"{engine}: {count} articles in {elapsed:.1f} s ({count / elapsed:.0f} documents/s, including start-up)")


if __name__ == "__main__":
    main()
