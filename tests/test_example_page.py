"""docs/example.html is the bundled article annotated, and it works in a real browser: every
reference links out and shows its explanation on keyboard focus (headless Chromium; skipped only
where Chromium is not installed, and never under CI=true)."""

from __future__ import annotations

import importlib.util
import os
import shutil
from pathlib import Path

import pytest

import legal_annot
from legal_annot.examples import example_article
from legal_annot.render.elements import HtmlOptions
from legal_annot.render.page import render_page

ROOT = Path(__file__).parent.parent
SCRIPT = ROOT / "scripts" / "example_page.py"


def load_script():
    spec = importlib.util.spec_from_file_location("example_page", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def fresh_page() -> str:
    return render_page(legal_annot.annotate(example_article()), "legal_annot example: a county jail standoff")


def test_page_is_current() -> None:
    assert (ROOT / "docs" / "example.html").read_text(encoding="utf-8") == fresh_page(), (
        "regenerate with: python scripts/example_page.py build && python scripts/example_page.py screenshot")


def test_page_has_no_external_resources() -> None:
    page = fresh_page()
    assert "<link" not in page and "<script" not in page and "src=" not in page


def require_browser() -> None:
    """Skip where no Chromium is installed, except in CI (CI=true), where the test must run."""
    if not any(map(shutil.which, ("chromium", "chromium-browser", "google-chrome"))):
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail("CI=true but no Chromium found: .ci/run installs it with apt-get")
        pytest.skip("Chromium is not installed")


def test_links_and_tooltips_in_chromium() -> None:
    require_browser()
    probed = load_script().check(fresh_page())
    assert len(probed) == len(legal_annot.annotate(example_article()))


def test_hovering_shows_exactly_one_tooltip() -> None:
    # The real mouse, over the DevTools protocol: each annotation hovered in turn shows the CSS
    # tooltip alone (no title under the pointer for the browser's native one).
    require_browser()
    assert len(load_script().check_hover(fresh_page())) == len(legal_annot.annotate(example_article()))


def test_hover_check_refuses_a_native_title_tooltip() -> None:
    require_browser()
    titled = render_page(legal_annot.annotate(example_article()), "titled", HtmlOptions(native_title=True))
    with pytest.raises(AssertionError, match="native title"):
        load_script().check_hover(titled)


def test_the_check_refuses_a_native_title_tooltip() -> None:
    # Near miss: the same page with titles (the opt-in for hosts without the stylesheet) would show
    # the browser's own tooltip over the CSS one, and the check says so.
    require_browser()
    titled = render_page(legal_annot.annotate(example_article()), "titled", HtmlOptions(native_title=True))
    with pytest.raises(AssertionError, match="native title"):
        load_script().check(titled)


def test_tooltip_stays_on_a_phone_screen() -> None:
    require_browser()
    assert len(load_script().check_phone(fresh_page(), 390)) == len(legal_annot.annotate(example_article()))
