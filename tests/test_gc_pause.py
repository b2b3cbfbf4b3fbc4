"""annotate() pauses the cyclic collector and always puts its state back."""

from __future__ import annotations

import gc

import pytest

import legal_annot
from legal_annot.gc_pause import collector_paused


@pytest.mark.parametrize("enabled", [True, False])
def test_the_collectors_state_is_restored(enabled: bool) -> None:
    was = gc.isenabled()
    try:
        gc.enable() if enabled else gc.disable()
        legal_annot.annotate("Prosecutors cited 18 U.S.C. § 371; this law carries up to five years.")
        assert gc.isenabled() is enabled
    finally:
        gc.enable() if was else gc.disable()


def test_restored_after_an_exception_and_paused_inside() -> None:
    seen = []

    @collector_paused
    def fails() -> None:
        seen.append(gc.isenabled())
        raise RuntimeError("boom")

    assert gc.isenabled()
    with pytest.raises(RuntimeError):
        fails()
    assert seen == [False] and gc.isenabled()
