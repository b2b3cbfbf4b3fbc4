"""Build benchmark texts of a given size from the bundled sample paragraphs, with a fixed seed."""

from __future__ import annotations

import random
from pathlib import Path

HERE = Path(__file__).parent


def news_text(size: int, seed: int = 7) -> str:
    """About ``size`` characters of news-style prose, paragraphs shuffled deterministically."""
    paragraphs = (HERE / "news_paragraphs.txt").read_text(encoding="utf-8").splitlines()
    rng = random.Random(seed)
    out: list[str] = []
    total = 0
    while total < size:
        paragraph = rng.choice(paragraphs)
        out.append(paragraph)
        total += len(paragraph) + 1
    return "\n".join(out)[:size]
