"""Checks for the arguments of public calls: one clear error at the boundary, naming the argument.

Each check returns the (possibly normalised) value or raises ``TypeError`` / ``ValueError`` whose
message says which argument of which call was wrong and what was expected, so a mistake never
surfaces as a traceback deep inside the library (or inside a worker process).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, TypeVar

T = TypeVar("T")


def _type_name(value: object) -> str:
    return "None" if value is None else type(value).__name__


def text_argument(call: str, name: str, value: object) -> str:
    """``value`` must be a str."""
    if isinstance(value, str):
        return value
    hint = " (decode bytes first, e.g. data.decode('utf-8'))" if isinstance(value, (bytes, bytearray)) else ""
    raise TypeError(f"{call}() expects str for {name}, not {_type_name(value)}{hint}")


def instance_argument(call: str, name: str, value: object, cls: type[T], *, optional: bool = True) -> T | None:
    """``value`` must be an instance of ``cls`` (or None when ``optional``)."""
    if value is None and optional:
        return None
    if isinstance(value, cls):
        return value
    expected = f"a {cls.__module__.split('.')[0]}.{cls.__name__}" + (" or None" if optional else "")
    raise TypeError(f"{call}() expects {name} to be {expected}, not {_type_name(value)}")


def count_argument(call: str, name: str, value: object, *, minimum: int = 1) -> int:
    """``value`` must be an int (not a bool, not a float) of at least ``minimum``."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{call}() expects {name} to be an int, not {_type_name(value)}")
    if value < minimum:
        raise ValueError(f"{call}() expects {name} to be at least {minimum}, not {value}")
    return value


def names_argument(call: str, name: str, value: object) -> tuple[str, ...]:
    """A name or an iterable of names (e.g. tag names): one str is one name, never its letters."""
    if isinstance(value, str):
        items: Iterable[Any] = [value]
    elif value is None or isinstance(value, (bytes, bytearray)) or not isinstance(value, Iterable):
        raise TypeError(f"{call}() expects {name} to be a str or an iterable of str, not {_type_name(value)}")
    else:
        items = value
    names = []
    for item in items:
        if not isinstance(item, str):
            raise TypeError(f"{call}() expects every item of {name} to be str, not {_type_name(item)}")
        if not item.strip():
            raise ValueError(f"{call}() expects the items of {name} to be non-empty names")
        names.append(item.strip())
    return tuple(names)


def texts_argument(call: str, name: str, value: object) -> Iterable[Any]:
    """An iterable of documents; one str (which would be annotated letter by letter) is refused."""
    if isinstance(value, (str, bytes, bytearray)):
        raise TypeError(f"{call}() expects {name} to be an iterable of str documents, not one "
                        f"{_type_name(value)}; wrap a single document in a list")
    if not isinstance(value, Iterable):
        raise TypeError(f"{call}() expects {name} to be an iterable of str documents, not {_type_name(value)}")
    return value
