"""A one-line progress display on stderr, by bytes, refreshed while a large document is annotated."""

from __future__ import annotations

import sys
import threading
import time
from typing import TextIO


def _size(n: float) -> str:
    return f"{n / 1e6:.1f} MB" if n >= 1e5 else f"{n / 1e3:.0f} kB"


class Progress:
    """Counts documents and bytes done; a ticker redraws the line twice a second, so one large
    file shows its name, size and elapsed time instead of a frozen bar. Silent unless ``stream``
    is a terminal and ``enabled``."""

    def __init__(self, total_bytes: int, total_docs: int, enabled: bool, stream: TextIO | None = None) -> None:
        self.stream = stream or sys.stderr
        self.enabled = enabled and self.stream.isatty()
        self.total_bytes, self.total_docs = max(total_bytes, 1), total_docs
        self.done_bytes = self.done_docs = 0
        self.current, self.current_size = "", 0
        self.started = time.monotonic()
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        if self.enabled:
            self._thread = threading.Thread(target=self._tick, daemon=True)
            self._thread.start()

    def line(self) -> str:
        """The progress line as it would be drawn now."""
        width = 30
        filled = width * self.done_bytes // self.total_bytes
        elapsed = time.monotonic() - self.started
        working = f" annotating {self.current[-30:]} ({_size(self.current_size)})" if self.current else ""
        return (f"[{'#' * filled}{'.' * (width - filled)}] {self.done_docs}/{self.total_docs} docs, "
                f"{_size(self.done_bytes)}/{_size(self.total_bytes)}, {elapsed:.0f}s{working}")

    def _draw(self) -> None:
        with self._lock:
            self.stream.write("\r" + self.line()[:150].ljust(150))
            self.stream.flush()

    def _tick(self) -> None:
        while not self._stop.wait(0.5):
            self._draw()

    def start(self, name: str, size: int) -> None:
        self.current, self.current_size = name, size
        if self.enabled:
            self._draw()  # at once: a large file shows what is being annotated before the first tick

    def step(self, size: int) -> None:
        self.done_docs += 1
        self.done_bytes += size
        self.current = ""

    def close(self) -> None:
        if self._thread is not None:
            self._stop.set()
            self._thread.join()
            self._draw()
            self.stream.write("\n")
            self.stream.flush()
