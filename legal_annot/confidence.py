"""Every confidence the stages give, in one table: how much each way of finding a reference is
trusted. The numbers order the readings (see the overlap policy in :mod:`legal_annot.resolve`)
and are reported to callers; change them here, not in the stages.
"""

from __future__ import annotations

# Catalog names (legal_annot.detect.names, ranked in legal_annot.resolve)
NAME = 0.95  # a full name or alias of one entry
SHORT_NAME = 0.85  # a short name after a full reference to the same entry
CUED_SHORT_NAME = 0.75  # a short name before it, read as a case because of a legal cue ("overturned Roe")
GENERIC_BASE = 0.35  # a generic phrase, before the evidence that re-ranks its candidates
GENERIC_REFERENCED_BONUS = 0.3  # ... when the text also names the candidate directly
GENERIC_CONTEXT_BONUS = 0.15  # ... per context cue of the candidate (at most two count)
GENERIC_CEILING = 0.9  # a generic phrase is never as sure as a name

# Formal citations (legal_annot.detect.statutes, act_sections)
CITATION = 0.95  # a citation to a code, the Constitution or an official source
SHORT_CITATION = 0.8  # a bare "§ 1324" resolved from an earlier citation
UNCATALOGUED_CITATION_FACTOR = 0.9  # a citation the catalog does not hold, relative to one it does
ACT_SECTION = 0.9  # "section 287(g) of the Immigration and Nationality Act"

# Cases (legal_annot.detect.case_citations, cases)
CASE_CITATION = 0.95  # a full case citation of a catalog case
CASE_SHORT_CITATION = 0.85  # a short form (Id., supra, short cite) of a catalog case
UNKNOWN_CASE = 0.6  # a case citation of a case outside the catalog
UNKNOWN_CASE_SHORT_FACTOR = 0.9  # ... its short forms, relative to the full one
CASE_NAME_ONLY = 0.6  # "X v. Y" read from its shape alone
CASE_NAME_SHORT = 0.55  # a later short form of such a case name
CASE_NAME_CATALOG_VARIANT = 0.9  # "X v. Y" that matches a catalog case's name up to spelling

# Linkers (legal_annot.detect.anaphora)
ANAPHORA = 0.6  # "this law" tied to the nearest earlier statute

# Descriptions: each catalog entry sets its own; this is the default
DESCRIPTION_DEFAULT = 0.75
