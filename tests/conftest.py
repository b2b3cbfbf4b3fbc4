"""Shared fixtures: one default Annotator for the whole run (building it is the slow part)."""

from __future__ import annotations

import os
import tempfile

import pytest

import legal_annot

# The compiled-catalog cache of this run lives in a fresh directory, not the user's ~/.cache
# (set LEGAL_ANNOT_CACHE yourself to reuse one between runs).
os.environ.setdefault("LEGAL_ANNOT_CACHE", tempfile.mkdtemp(prefix="legal-annot-test-cache-"))


@pytest.fixture(scope="session")
def annotator() -> legal_annot.Annotator:
    return legal_annot.default_annotator()
