"""The Dask recipe in docs/scaling.md runs when pasted into a file and run as a script (its worker
processes import the file, so the work must sit under the main guard)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent

pytest.importorskip("dask.distributed")


def test_dask_recipe_runs_as_pasted(tmp_path: Path) -> None:
    doc = (ROOT / "docs" / "scaling.md").read_text(encoding="utf-8")
    block = re.search(r"```python dask-recipe\n(.*?)```", doc, re.S)
    assert block, "docs/scaling.md has no dask-recipe block"
    recipe = tmp_path / "recipe.py"
    recipe.write_text(block.group(1), encoding="utf-8")
    done = subprocess.run([sys.executable, str(recipe)], cwd=tmp_path, capture_output=True, text=True, timeout=300,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.returncode == 0, done.stderr[-3000:]
    assert done.stdout.strip().splitlines()[-1] == "16 16"
