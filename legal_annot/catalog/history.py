"""What happened to an authority over time, and its standing on a given date.

An entry's ``history`` is a list of dated events (enacted, struck down, overruled ...). Events are
validated when a file is read (:func:`read_history`); the ``by`` of each event is resolved against
the catalog once it is assembled (:func:`link_history`). :func:`state_on` is the one rule that
turns a history into a state on a date, and :func:`status_of` compares the state on the date a
text was written with the state today.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable, Iterable, Mapping
from datetime import date, datetime
from pathlib import Path
from typing import Any

import attrs
import regex

from legal_annot.errors import CatalogError
from legal_annot.models import Annotation, Authority, HistoryEvent, Kind, Result, Status

# Kinds that end an authority for good (a later "enacted" may bring it back).
ENDING = ("repealed", "overruled", "abrogated", "superseded", "expired", "struck down", "vacated")
# Kinds that keep it in force, only adding a note.
NOTING = ("amended", "narrowed", "upheld")
EVENT_KINDS = ("enacted", "effective", "amended", "repealed", "overruled", "abrogated", "narrowed",
               "struck down", "enjoined", "stayed", "vacated", "upheld", "superseded", "expired")
# Kinds that need no ``by``: a date alone says it (a sunset, an effective date).
_BY_OPTIONAL = ("effective", "expired")
_FINAL_COURTS = ("", "supreme", "supreme court")
_EVENT_KEYS = {"date", "kind", "by", "note", "court"}
_ID_LIKE = regex.compile(r"[a-z0-9][a-z0-9_-]*\.[a-z0-9_.-]+")
IN_FORCE = "in force"
NOT_YET = "not yet in force"
BLOCKED = "held unlawful by a lower court"

Fail = Callable[[str], CatalogError]


def is_catalog_id(by: str) -> bool:
    """True when ``by`` is written as a catalog id ("case.dobbs-v-jackson") rather than a name."""
    return bool(_ID_LIKE.fullmatch(by))


def read_date(value: Any, fail: Fail, what: str) -> date:
    """A TOML date (``2026-06-30``, unquoted) or an ISO date string."""
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            raise fail(f"{what} {value!r} is not a date; write YYYY-MM-DD") from None
    if isinstance(value, datetime) or not isinstance(value, date):
        raise fail(f"{what} {value!r} is not a date; write YYYY-MM-DD")
    return value


def read_history(raw: Any, fail: Fail, as_of: date | None = None) -> tuple[HistoryEvent, ...]:
    """Validate a list of event tables: keys, dates in order, known kinds, a ``by`` where needed."""
    if not isinstance(raw, list):
        raise fail("expected a list of {date, kind, by, note} tables")
    events: list[HistoryEvent] = []
    for i, table in enumerate(raw):
        where = f"event {i + 1}"
        if not isinstance(table, dict):
            raise fail(f"{where} must be a table with date, kind, by and note")
        if unknown := set(table) - _EVENT_KEYS:
            raise fail(f"{where} has unknown keys {sorted(unknown)}; expected {sorted(_EVENT_KEYS)}")
        if "date" not in table or "kind" not in table:
            raise fail(f"{where} needs a date and a kind")
        day = read_date(table["date"], fail, f"{where} date")
        kind = table["kind"]
        if kind not in EVENT_KINDS:
            raise fail(f"{where} kind {kind!r} is not one of {', '.join(EVENT_KINDS)}")
        texts = {k: table.get(k, "") for k in ("by", "note", "court")}
        for key, value in texts.items():
            if not isinstance(value, str) or "\n" in value:
                raise fail(f"{where} {key} must be a one-line string")
        if not texts["by"].strip() and kind not in _BY_OPTIONAL:
            raise fail(f"{where} ({kind}) needs 'by': a catalog id, or the citation and name of what did it")
        if events and day < events[-1].date:
            raise fail(f"{where} ({day}) comes before event {i} ({events[-1].date}); list events in date order")
        if as_of is not None and day > as_of:
            raise fail(f"{where} ({day}) is after as_of ({as_of}); as_of is the date the entry was last checked")
        events.append(HistoryEvent(date=day, kind=kind, by=texts["by"].strip(), note=texts["note"].strip(),
                                   court=texts["court"].strip()))
    return tuple(events)


def _display_name(authority: Authority) -> str:
    return f"{authority.name} ({authority.year})" if authority.year else authority.name


def link_history(authorities: Iterable[Authority], *, check: bool = True,
                 fail: Callable[[Authority, str], CatalogError] | None = None) -> dict[str, Authority]:
    """Resolve each event's ``by`` to a display name and link the acting entry back.

    With ``check``, a ``by`` written as an id must name an entry in the same catalog. The entry
    that acted gains the affected entry in its ``related`` ids, so Dobbs leads back to Roe.
    """
    by_id = {a.id: a for a in authorities}
    backlinks: dict[str, list[str]] = {}
    for authority in list(by_id.values()):
        if not authority.history:
            continue
        events = []
        for event in authority.history:
            name = event.by
            if event.by and is_catalog_id(event.by):
                actor = by_id.get(event.by)
                if actor is None:
                    if check and fail is not None:
                        raise fail(authority, f"event {event.kind!r} of {event.date} is by unknown id {event.by!r}")
                else:
                    name = _display_name(actor)
                    backlinks.setdefault(actor.id, []).append(authority.id)
            events.append(attrs.evolve(event, by_name=name))
        by_id[authority.id] = attrs.evolve(authority, history=tuple(events))
    for actor_id, targets in backlinks.items():
        actor = by_id[actor_id]
        extra = tuple(t for t in dict.fromkeys(targets) if t not in actor.related and t != actor_id)
        if extra:
            by_id[actor_id] = attrs.evolve(actor, related=actor.related + extra)
    return by_id


def _ends(event: HistoryEvent) -> bool:
    if event.kind in ("struck down", "vacated"):
        return event.court.lower() in _FINAL_COURTS
    return event.kind in ENDING


def state_on(history: Iterable[HistoryEvent], day: date) -> tuple[str, tuple[str, ...]]:
    """The state of an authority on ``day`` and the notes that qualify it.

    The rule, in date order: a repeal, an overruling, an abrogation, a supersession, an expiry, or
    a striking down or vacatur by the Supreme Court (``court`` empty or "supreme") ends it; the
    same by a lower court, or an injunction, blocks it; a stay lifts an earlier block (a stay of
    something not blocked blocks it); "upheld" lifts a block; "enacted" with a later "effective"
    date is "not yet in force" until then; "amended", "narrowed" and "upheld" keep the state and
    add a note. Before its first "enacted" or "effective" event, an authority is not yet in force.
    """
    events = sorted(history, key=lambda e: e.date)
    starts = [e for e in events if e.kind in ("enacted", "effective")]
    state = NOT_YET if starts and day < starts[0].date else IN_FORCE
    notes: list[str] = []
    for i, event in enumerate(events):
        if event.date > day:
            break
        kind = event.kind
        if kind == "enacted":
            later_effective = any(e.kind == "effective" and e.date > event.date for e in events[i + 1:])
            state, notes = (NOT_YET if later_effective else IN_FORCE), []
        elif state in ENDING:
            continue
        elif kind == "effective":
            state = IN_FORCE
        elif _ends(event):
            state, notes = kind, []
        elif kind in ("struck down", "vacated", "enjoined"):
            state = BLOCKED if kind != "enjoined" else "enjoined"
        elif kind == "stayed":
            if state in ("enjoined", BLOCKED):
                state = IN_FORCE
                notes.append(f"the ruling against it was stayed {describe_event(event, with_kind=False)}")
            else:
                state = "stayed"
        elif kind == "upheld":
            state = IN_FORCE if state in ("enjoined", BLOCKED, "stayed") else state
            notes.append(describe_event(event))
        elif kind in NOTING:
            notes.append(describe_event(event))
    return state, tuple(notes)


def _day(day: date) -> str:
    return f"{day:%B} {day.day}, {day.year}"


def describe_event(event: HistoryEvent, *, with_kind: bool = True) -> str:
    """One event in words: "struck down by the Supreme Court on June 30, 2026 in Trump v. Barbara"."""
    parts = [event.kind] if with_kind else []
    if event.court and event.court.lower() not in _FINAL_COURTS:
        parts.append(f"by {event.court}")
    elif event.kind in ("struck down", "vacated", "enjoined", "stayed", "upheld"):
        parts.append("by the Supreme Court")
    parts.append(f"on {_day(event.date)}")
    name = event.by_name or event.by
    if name:
        parts.append(f"in {name}" if " v. " in name or "In re " in name else f"by {name}")
    text = " ".join(parts)
    return f"{text} ({event.note})" if event.note else text


def _state_words(state: str, kind: Kind) -> str:
    if state == IN_FORCE and kind in (Kind.CASE, Kind.DOCTRINE):
        return "good law"
    return state


def status_of(authority: Authority, as_of: date, today: date | None = None) -> Status | None:
    """The authority's state when the text was written and now; None when it has no history."""
    if not authority.history and not authority.pending:
        return None
    today = today or date.today()
    history = authority.history
    then, _ = state_on(history, as_of)
    now, notes = state_on(history, max(today, as_of))
    between = tuple(e for e in history if as_of < e.date <= today)
    kind = authority.kind
    if between:
        message = (f"{_state_words(then, kind)} when written; "
                   + "; ".join(describe_event(e) for e in between))
    else:
        causes = [e for e in history if e.date <= as_of and e.kind not in ("enacted", "effective", *NOTING)]
        if now != IN_FORCE and causes:
            message = describe_event(causes[-1])
        else:
            message = _state_words(now, kind)
        if notes:
            message += "; " + "; ".join(notes)
    if authority.pending:
        checked = f" (last checked {_day(authority.as_of)})" if authority.as_of else ""
        notes = (*notes, f"litigation pending{checked}")
        message += f"; litigation pending{checked}"
    return Status(as_of=as_of, today=today, then=then, now=now, events=between,
                  message=message[0].upper() + message[1:], notes=notes)


@attrs.frozen
class Update:
    """A user's newer facts about an existing entry: events to add, a newer as_of, pending."""

    id: str
    file: str
    history: tuple[HistoryEvent, ...] = ()
    as_of: date | None = None
    pending: bool | None = None


def read_updates(path: Path) -> tuple[Update, ...]:
    """The ``[[update]]`` tables of a catalog file (each adds history to an entry by id)."""
    name = str(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, RecursionError, tomllib.TOMLDecodeError):
        return ()  # read_file reports unreadable files with the details
    tables = data.get("update", [])
    if not isinstance(tables, list):
        raise CatalogError("expected [[update]] tables", file=name, field="update")
    updates = []
    for i, table in enumerate(tables):
        ident = table.get("id") if isinstance(table, dict) else None
        label = ident if isinstance(ident, str) else f"update #{i + 1}"

        def fail(message: str, field: str = "history", label: str = label) -> CatalogError:
            return CatalogError(message, file=name, entry=label, field=field)

        if not isinstance(ident, str):
            raise fail("each [[update]] needs the id of the entry it updates", "id")
        if unknown := set(table) - {"id", "history", "as_of", "pending"}:
            raise fail(f"unknown keys {sorted(unknown)}; expected id, history, as_of, pending", sorted(unknown)[0])
        as_of = read_date(table["as_of"], lambda m: fail(m, "as_of"), "as_of") if "as_of" in table else None
        pending = table.get("pending")
        if pending is not None and not isinstance(pending, bool):
            raise fail("pending must be true or false", "pending")
        updates.append(Update(id=ident, file=name, history=read_history(table.get("history", []), fail, as_of),
                              as_of=as_of, pending=pending))
    return tuple(updates)


def apply_update(authority: Authority, update: Update) -> Authority:
    """The authority with the update's events merged in date order (shipped events kept)."""
    seen = {(e.date, e.kind, e.by) for e in authority.history}
    added = tuple(e for e in update.history if (e.date, e.kind, e.by) not in seen)
    history = tuple(sorted(authority.history + added, key=lambda e: e.date))
    dates = [d for d in (authority.as_of, update.as_of) if d is not None]
    return attrs.evolve(authority, history=history, as_of=max(dates) if dates else None,
                        pending=authority.pending if update.pending is None else update.pending)


def stale(authorities: Iterable[Authority], *, today: date, older_than: int = 0) -> list[Authority]:
    """Entries whose as_of is at least ``older_than`` days old (or missing): pending first, oldest first."""
    chosen = [a for a in authorities if a.as_of is None or (today - a.as_of).days >= older_than]
    return sorted(chosen, key=lambda a: (not a.pending, a.as_of or date.min, a.id))


def by_mapping(authorities: Mapping[str, Authority]) -> dict[str, list[tuple[str, HistoryEvent]]]:
    """For each acting id, the (affected id, event) pairs it caused: what an entry did to others."""
    out: dict[str, list[tuple[str, HistoryEvent]]] = {}
    for authority in authorities.values():
        for event in authority.history:
            if event.by in authorities:
                out.setdefault(event.by, []).append((authority.id, event))
    return out


def parse_as_of(as_of: date | str | None) -> date:
    """The date a text speaks from: a date, an ISO string, or None for today."""
    if as_of is None:
        return date.today()
    if isinstance(as_of, datetime):
        return as_of.date()
    if isinstance(as_of, date):
        return as_of
    if isinstance(as_of, str):
        try:
            return date.fromisoformat(as_of)
        except ValueError:
            raise ValueError(f"as_of {as_of!r} is not a date; write YYYY-MM-DD") from None
    raise TypeError(f"as_of must be a datetime.date or 'YYYY-MM-DD', not {type(as_of).__name__}")


def with_status(annotation: Annotation, as_of: date, today: date | None = None) -> Annotation:
    """The annotation with its authority's status as of ``as_of`` (unchanged if it has none)."""
    authority = annotation.authority
    status = status_of(authority, as_of, today) if authority is not None else None
    return annotation if status == annotation.status else attrs.evolve(annotation, status=status)


def result_as_of(result: Result, as_of: date | str | None, today: date | None = None) -> Result:
    """The result with every annotation's status computed for a text written on ``as_of``."""
    day = parse_as_of(as_of)
    return attrs.evolve(result, annotations=tuple(with_status(a, day, today) for a in result.annotations))
