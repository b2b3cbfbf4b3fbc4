"""Build docs/example.html from the bundled example article and check it in headless Chromium.

    python scripts/example_page.py build              # write docs/example.html
    python scripts/example_page.py check             # render it in Chromium and assert links/tooltips
    python scripts/example_page.py screenshot        # write docs/example.png (a tooltip open)

The check loads a copy of the page with a small script appended that focuses every annotation and
records what the browser shows: the link, the explanation (aria-description, as the browser
reflects it), the ::after tooltip's computed content, and any ``title`` on the element, inside it
or around it (a native tooltip would show on top of the CSS one: there must be none).
Chromium must be installed (Debian package: chromium).
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import legal_annot
from legal_annot.examples import example_article
from legal_annot.render.page import render_page

ROOT = Path(__file__).resolve().parent.parent
PAGE = ROOT / "docs" / "example.html"
SHOT = ROOT / "docs" / "example.png"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--hide-scrollbars", "--force-device-scale-factor=1"]

PROBE = """<script>
// Runs after load (virtual time lets the timer fire before the DOM is dumped). Each annotation is
// focused, then its ::after tooltip read; a headless window can take a moment to get focus, so
// an element whose tooltip is not showing yet is focused again, a few times at most.
window.addEventListener('load', () => setTimeout(() => {
  window.focus();
  const out = [];
  for (const el of document.querySelectorAll('.legal-annot')) {
    let after = 'none';
    for (let attempt = 0; attempt < 5 && (after === 'none' || after === 'normal'); attempt++) {
      el.blur();
      el.focus();
      after = getComputedStyle(el, '::after').content;
    }
    const titled = el.closest('[title]') || el.querySelector('[title]');
    out.push({tag: el.tagName.toLowerCase(), href: el.getAttribute('href'), description: el.ariaDescription,
              native: titled ? titled.getAttribute('title') : null,
              focused: document.activeElement === el, tooltip: after, kind: el.dataset.kind});
  }
  const pre = document.createElement('pre');
  pre.id = 'legal-annot-probe';
  pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
}, 100));
</script>"""


def chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        if path := shutil.which(name):
            return path
    raise SystemExit("Chromium is not installed (Debian: apt-get install chromium)")


def build() -> str:
    result = legal_annot.annotate(example_article())
    page = render_page(result, "legal_annot example: a county jail standoff")
    PAGE.write_text(page, encoding="utf-8")
    return page


def _run(args: list[str], page: str) -> str:
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "page.html"
        copy.write_text(page, encoding="utf-8")
        done = subprocess.run([chromium(), *FLAGS, f"--user-data-dir={tmp}/profile", *args, copy.as_uri()],
                              capture_output=True, text=True, timeout=120, check=True)
        return done.stdout


def _shown(content: str) -> str:
    """The text of a computed ``content`` value such as ``"text" / ""`` (a CSS string, then alt text)."""
    found = re.match(r'"((?:[^"\\]|\\.)*)"', content)
    return re.sub(r"\\(.)", r"\1", found.group(1)) if found else ""


def check(page: str | None = None) -> list[dict]:
    page = page if page is not None else PAGE.read_text(encoding="utf-8")
    dom = _run(["--dump-dom", "--virtual-time-budget=5000"], page.replace("</body>", PROBE + "</body>"))
    found = re.search(r'<pre id="legal-annot-probe">(.*?)</pre>', dom, re.S)
    if not found:
        raise AssertionError("the probe did not run in the browser")
    import html as html_module

    probed = json.loads(html_module.unescape(found.group(1)))
    assert probed, "no annotation elements in the page"
    for item in probed:
        assert item["focused"], f"cannot focus {item}"
        assert item["description"], f"no explanation on {item}"
        assert _shown(item["tooltip"]) == item["description"], f"tooltip not shown on focus: {item}"
        assert item["native"] is None, f"a native title tooltip would show over the CSS one: {item}"
        if item["tag"] == "a":
            assert item["href"].startswith("https://"), item
    assert sum(item["tag"] == "a" for item in probed) >= 5, "too few links"
    return probed


PHONE_PROBE = """<script>
window.addEventListener('load', () => setTimeout(() => {
  const out = [];
  for (const el of document.querySelectorAll('.legal-annot')) {
    el.focus();
    const style = getComputedStyle(el, '::after');
    const box = el.getBoundingClientRect();
    const left = style.position === 'fixed' ? parseFloat(style.left) : box.left + parseFloat(style.left);
    out.push({left: left, width: parseFloat(style.width), viewport: window.innerWidth, position: style.position});
  }
  const pre = document.createElement('pre');
  pre.id = 'legal-annot-probe';
  pre.textContent = JSON.stringify(out);
  window.parent.document.body.appendChild(pre);
}, 100));
</script>"""


def check_phone(page: str, width: int = 390) -> list[dict]:
    """At a phone's width, every annotation's tooltip lies inside the viewport."""
    import html as html_module

    # A headless window is at least 500 px wide, so the page runs in a frame of the phone's width
    # (a srcdoc frame shares the host's origin, so the probe can report to it).
    framed = html_module.escape(page.replace("</body>", PHONE_PROBE + "</body>"), quote=True)
    host = f'<!DOCTYPE html><body style="margin:0"><iframe width="{width}" height="800" style="border:0" srcdoc="{framed}"></iframe></body>'
    dom = _run(["--dump-dom", "--virtual-time-budget=5000", "--window-size=800,900"], host)
    found = re.search(r'<pre id="legal-annot-probe">(.*?)</pre>', dom, re.S)
    if not found:
        raise AssertionError("the probe did not run in the browser")
    probed = json.loads(html_module.unescape(found.group(1)))
    assert probed, "no annotation elements in the page"
    for item in probed:
        assert item["viewport"] == width, item
        assert item["left"] >= 0 and item["left"] + item["width"] <= width, f"tooltip off screen: {item}"
    return probed


def screenshot() -> None:
    page = PAGE.read_text(encoding="utf-8")
    focus = "<script>document.querySelectorAll('a.legal-annot')[1].focus();</script>"
    _run(["--window-size=900,1000", f"--screenshot={SHOT}"], page.replace("</body>", focus + "</body>"))


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else "check"
    if command == "build":
        build()
    elif command == "check":
        print(f"{len(check())} annotations rendered with links and tooltips")
    elif command == "screenshot":
        screenshot()
    else:
        raise SystemExit(__doc__)
