"""Shared fixtures: one default Annotator for the whole run (building it is the slow part)."""

from __future__ import annotations

import pytest

import legal_annot


@pytest.fixture(scope="session")
def annotator() -> legal_annot.Annotator:
    return legal_annot.default_annotator()
