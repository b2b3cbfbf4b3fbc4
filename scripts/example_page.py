"""Build docs/example.html from the bundled example article and check it in headless Chromium.

    python scripts/example_page.py build              # write docs/example.html
    python scripts/example_page.py check             # render it in Chromium and assert links/tooltips
    python scripts/example_page.py screenshot        # write docs/example.png (a tooltip open)
    python scripts/example_page.py hover             # hover each annotation with the mouse

The hover check drives Chromium over the DevTools protocol on a pipe (no extra package): it moves
the mouse onto each annotation and asserts that exactly one CSS tooltip shows, with the
explanation, and that no ``title`` (which would add the browser's native tooltip) is under the
pointer.

The check loads a copy of the page with a small script appended that focuses every annotation and
records what the browser shows: the link, the explanation (aria-description, as the browser
reflects it), the ::after tooltip's computed content, and any ``title`` on the element, inside it
or around it (a native tooltip would show on top of the CSS one: there must be none).
Chromium must be installed (Debian package: chromium).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

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


def _probe(flags: list[str], page: str) -> list[dict]:
    """Run ``page`` (which carries a probe script) in Chromium and return what the probe reported."""
    import html as html_module

    found = re.search(r'<pre id="legal-annot-probe">(.*?)</pre>', _run(flags, page), re.S)
    if not found:
        raise AssertionError("the probe did not run in the browser")
    probed = json.loads(html_module.unescape(found.group(1)))
    assert probed, "no annotation elements in the page"
    return probed


def check(page: str | None = None) -> list[dict]:
    page = page if page is not None else PAGE.read_text(encoding="utf-8")
    probed = _probe(["--dump-dom", "--virtual-time-budget=5000"], page.replace("</body>", PROBE + "</body>"))
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
    probed = _probe(["--dump-dom", "--virtual-time-budget=5000", "--window-size=800,900"], host)
    for item in probed:
        assert item["viewport"] == width, item
        assert item["left"] >= 0 and item["left"] + item["width"] <= width, f"tooltip off screen: {item}"
    return probed


class DevTools:
    """Chromium driven over the DevTools protocol on a pipe (it reads fd 3, writes fd 4)."""

    def __init__(self, args: list[str], profile: str) -> None:
        to_read, self._to_write = os.pipe()
        self._from_read, from_write = os.pipe()

        def wire() -> None:  # in the child, before exec
            os.dup2(to_read, 3)
            os.dup2(from_write, 4)

        self.process = subprocess.Popen([chromium(), *FLAGS, f"--user-data-dir={profile}", "--remote-debugging-pipe",
                                         *args, "about:blank"], pass_fds=(3, 4), preexec_fn=wire,
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(to_read)
        os.close(from_write)
        self._buffer, self._id, self.session = b"", 0, None

    def send(self, method: str, params: dict | None = None, *, page: bool = True) -> dict:
        self._id += 1
        message: dict[str, Any] = {"id": self._id, "method": method, "params": params or {}}
        if page and self.session:
            message["sessionId"] = self.session
        os.write(self._to_write, json.dumps(message).encode() + b"\0")
        while True:
            while b"\0" not in self._buffer:
                chunk = os.read(self._from_read, 1 << 16)
                if not chunk:
                    raise AssertionError("Chromium closed the DevTools pipe")
                self._buffer += chunk
            raw, self._buffer = self._buffer.split(b"\0", 1)
            reply = json.loads(raw)
            if reply.get("id") == self._id:
                if "error" in reply:
                    raise AssertionError(f"{method}: {reply['error']}")
                return reply["result"]

    def open(self, url: str) -> None:
        targets = self.send("Target.getTargets", page=False)["targetInfos"]
        target = next(t["targetId"] for t in targets if t["type"] == "page")
        self.session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True}, page=False)["sessionId"]
        self.send("Page.navigate", {"url": url})
        for _ in range(400):
            if self.evaluate("location.href === %s && document.readyState" % json.dumps(url)) == "complete":
                return
            time.sleep(0.05)
        raise AssertionError("the page did not load")

    def evaluate(self, expression: str) -> Any:
        return self.send("Runtime.evaluate", {"expression": expression, "returnByValue": True,
                                              "awaitPromise": True})["result"].get("value")

    def mouse(self, x: float, y: float) -> None:
        self.send("Input.dispatchMouseEvent", {"type": "mouseMoved", "x": x, "y": y})
        self.evaluate("new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")  # styles applied

    def close(self) -> None:
        try:
            self.send("Browser.close", page=False)
        except (AssertionError, OSError):
            pass
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
        os.close(self._to_write)
        os.close(self._from_read)


HOVERED = """(() => {
  const el = document.querySelectorAll('.legal-annot')[%d];
  const under = document.elementFromPoint(%f, %f);
  const showing = [...document.querySelectorAll('.legal-annot')].filter(
      e => e.matches(':hover') && getComputedStyle(e, '::after').content !== 'none');
  const titled = under && (under.closest('[title]') || under.querySelector('[title]'));
  return {text: el.textContent, hover: el.matches(':hover'), description: el.ariaDescription,
          tooltip: getComputedStyle(el, '::after').content, showing: showing.length,
          native: titled ? titled.getAttribute('title') : null};
})()"""


def check_hover(page: str) -> list[dict]:
    """Hover every annotation with the mouse: exactly one tooltip (the CSS one) shows each time."""
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "page.html"
        copy.write_text(page, encoding="utf-8")
        browser = DevTools(["--window-size=900,1000"], f"{tmp}/profile")
        try:
            browser.open(copy.as_uri())
            probed = []
            for i in range(browser.evaluate("document.querySelectorAll('.legal-annot').length")):
                browser.mouse(1, 1)  # away first: the last tooltip goes, and the page's height with it
                x, y = browser.evaluate(
                    "(() => { const el = document.querySelectorAll('.legal-annot')[%d];"
                    " el.scrollIntoView({block: 'center'}); const r = el.getClientRects()[0];"
                    " return [r.left + Math.min(4, r.width / 2), r.top + r.height / 2]; })()" % i)
                browser.mouse(x, y)
                probed.append(browser.evaluate(HOVERED % (i, x, y)))
        finally:
            browser.close()
    assert probed, "no annotation elements in the page"
    for item in probed:
        assert item["hover"], f"the mouse did not reach {item['text']!r}"
        assert item["native"] is None, f"a native title tooltip would show over the CSS one: {item}"
        assert item["showing"] == 1, f"{item['showing']} CSS tooltips show at once: {item}"
        assert _shown(item["tooltip"]) == item["description"], f"tooltip not shown on hover: {item}"
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
    elif command == "hover":
        print(f"{len(check_hover(PAGE.read_text(encoding='utf-8')))} annotations hovered, one tooltip each")
    else:
        raise SystemExit(__doc__)
