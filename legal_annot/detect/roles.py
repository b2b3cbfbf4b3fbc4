"""What a catalog phrase can mean for an entry: the vocabulary shared by the scan and the stages."""

from __future__ import annotations

import attrs

NAME, SHORT_NAME, GENERIC, CONTEXT, TERM, ABSENT, CUE = (
    "name", "short_name", "generic", "context", "term", "absent", "cue")
NAME_ROLES = frozenset({NAME, SHORT_NAME, GENERIC, CONTEXT})
DESCRIPTION_ROLES = frozenset({TERM, ABSENT})


@attrs.frozen
class Role:
    """What a phrase means for one entry. ``group`` is the concept group of a description term."""

    role: str
    entry_id: str
    group: int = -1
    prefix: bool = False  # matches any word ending ("conspir*")
