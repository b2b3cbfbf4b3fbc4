"""A disk cache for compiled catalogs, so a fresh process loads in milliseconds what takes a
second to build.

Entries are pickles named by a key that digests everything they were built from: the catalog's
content and this library's own source and data (so an upgrade or a local edit never reads a stale
entry). The directory is ``$LEGAL_ANNOT_CACHE`` when set, else ``$XDG_CACHE_HOME/legal_annot``,
else ``~/.cache/legal_annot``; set ``LEGAL_ANNOT_CACHE`` to ``off`` (or ``0``, or empty) to
disable it. Every failure (no home, a read-only disk, a damaged or foreign file) falls back
silently to building: the cache can make a call faster, never make it fail.

Only files this library wrote in the user's own cache directory are unpickled; do not point
``LEGAL_ANNOT_CACHE`` at a directory others can write to.
"""

from __future__ import annotations

import functools
import hashlib
import os
import pickle
import sys
import tempfile
import importlib
from importlib import resources
from pathlib import Path

ENV = "LEGAL_ANNOT_CACHE"
_OFF = {"", "0", "off", "false", "no", "none"}
_FORMAT = 1  # bump when the layout of cached objects changes without a source change


def cache_dir() -> Path | None:
    """The cache directory in use, or None when caching is disabled."""
    chosen = os.environ.get(ENV)
    if chosen is not None:
        return None if chosen.strip().lower() in _OFF else Path(chosen).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or ""
    if not base:
        try:
            base = str(Path.home() / ".cache")
        except RuntimeError:  # no home directory to expand
            return None
    return Path(base) / "legal_annot"


def digest(*parts: bytes | str) -> str:
    """A short hex digest of some byte strings (length-prefixed, so boundaries count)."""
    hasher = hashlib.blake2b(digest_size=16)
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        hasher.update(len(data).to_bytes(8, "little"))
        hasher.update(data)
    return hasher.hexdigest()


@functools.cache
def library_digest() -> str:
    """A digest of every file of this library (code and data, the shipped catalog included), the
    Python version and the versions of the compiled packages whose objects are pickled: what a
    cached entry's validity depends on."""
    root = resources.files("legal_annot")
    parts: list[bytes | str] = [str(_FORMAT), sys.version, _build_of("ahocorasick"), _build_of("attr")]
    with resources.as_file(root) as folder:
        files = []
        for directory, subdirectories, names in os.walk(folder):
            subdirectories[:] = [d for d in subdirectories if d != "__pycache__"]
            files += [os.path.join(directory, n) for n in names if not n.endswith((".pyc", ".pyo"))]
        for path in sorted(files):
            with open(path, "rb") as handle:
                parts += [os.path.relpath(path, folder).replace(os.sep, "/"), handle.read()]
    return digest(*parts)


def _build_of(module_name: str) -> str:
    """Which build of an installed module is in use: its file's path, size and modification time
    (cheaper than reading package metadata, which scans site-packages)."""
    try:
        module = importlib.import_module(module_name)
        path = getattr(module, "__file__", None) or ""
        stat = os.stat(path)
    except (ImportError, OSError, TypeError):
        return "?"
    return f"{path}:{stat.st_size}:{stat.st_mtime_ns}"


def load(key: str) -> object | None:
    """The object stored under ``key``, or None (disabled, missing, unreadable or damaged)."""
    folder = cache_dir()
    if folder is None:
        return None
    try:
        with open(folder / f"{key}.pickle", "rb") as handle:
            return pickle.load(handle)
    except Exception:  # noqa: BLE001 - a damaged or foreign entry is only a miss
        return None


def store(key: str, value: object) -> bool:
    """Write ``value`` under ``key`` atomically; False (and nothing raised) when it cannot."""
    folder = cache_dir()
    if folder is None:
        return False
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{key}.", suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as out:
                pickle.dump(value, out, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, folder / f"{key}.pickle")
        except BaseException:
            os.unlink(temporary)
            raise
    except Exception:  # noqa: BLE001 - unwritable, full or unpicklable: build next time instead
        return False
    _prune(folder, key.split("-", 1)[0])
    return True


KEEP = 12  # entries of each kind kept: older library versions and catalogs go


def _prune(folder: Path, kind: str) -> None:
    """Remove all but the :data:`KEEP` most recently written entries of one kind."""
    try:
        entries = sorted(folder.glob(f"{kind}-*.pickle"), key=lambda p: p.stat().st_mtime_ns, reverse=True)
        for stale in entries[KEEP:]:
            stale.unlink()
    except OSError:
        pass  # another process pruned first, or the folder went read-only: nothing is lost


def has(key: str) -> bool:
    """Whether an entry exists under ``key`` (it may still turn out unreadable)."""
    folder = cache_dir()
    return folder is not None and (folder / f"{key}.pickle").is_file()
