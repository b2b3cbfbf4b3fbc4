"""State codes: the Bluebook abbreviation of each state, its postal code, and where a state
publishes a section of its code at a documented URL (data for the state-citation detector).

Link patterns, each checked against the legislature's own site:
  California  leginfo.legislature.ca.gov/faces/codes_displaySection.xhtml?lawCode=PEN&sectionNum=187
  New York    www.nysenate.gov/legislation/laws/PEN/125.25
  Texas       statutes.capitol.texas.gov/Docs/PE/htm/PE.19.htm#19.02
  Florida     www.flsenate.gov/Laws/Statutes/2025/776.012
Other states get the citation and jurisdiction without a link.
"""

from __future__ import annotations

import re
from urllib.parse import quote

from legal_annot.models import Link

# Bluebook state abbreviations (the first word of a state code citation) -> postal code.
STATES: dict[str, str] = {
    "Ala.": "AL", "Alaska": "AK", "Ariz.": "AZ", "Ark.": "AR", "Cal.": "CA", "Colo.": "CO", "Conn.": "CT",
    "Del.": "DE", "D.C.": "DC", "Fla.": "FL", "Ga.": "GA", "Haw.": "HI", "Idaho": "ID", "Ill.": "IL",
    "Ind.": "IN", "Iowa": "IA", "Kan.": "KS", "Ky.": "KY", "La.": "LA", "Me.": "ME", "Md.": "MD",
    "Mass.": "MA", "Mich.": "MI", "Minn.": "MN", "Miss.": "MS", "Mo.": "MO", "Mont.": "MT", "Neb.": "NE",
    "Nev.": "NV", "N.H.": "NH", "N.J.": "NJ", "N.M.": "NM", "N.Y.": "NY", "N.C.": "NC", "N.D.": "ND",
    "Ohio": "OH", "Okla.": "OK", "Or.": "OR", "Pa.": "PA", "R.I.": "RI", "S.C.": "SC", "S.D.": "SD",
    "Tenn.": "TN", "Tex.": "TX", "Utah": "UT", "Vt.": "VT", "Va.": "VA", "Wash.": "WA", "W. Va.": "WV",
    "Wis.": "WI", "Wyo.": "WY",
}

# The code names of three states, as eyecite reports them (its "subject"), -> the site's code.
CALIFORNIA = {"Penal": "PEN", "Gov.": "GOV", "Gov't": "GOV", "Civ.": "CIV", "Veh.": "VEH", "Health & Safety": "HSC",
              "Lab.": "LAB", "Educ.": "EDC", "Welf. & Inst.": "WIC", "Bus. & Prof.": "BPC", "Evid.": "EVID",
              "Fam.": "FAM", "Elec.": "ELEC", "Civ. Proc.": "CCP", "Rev. & Tax.": "RTC", "Ins.": "INS"}
NEW_YORK = {"Penal": "PEN", "Exec.": "EXC", "Correct.": "COR", "Veh. & Traf.": "VAT", "Civ. Rights": "CVR",
            "Crim. Proc.": "CPL", "Educ.": "EDN", "Lab.": "LAB", "Elec.": "ELN", "Pub. Health": "PBH",
            "Soc. Serv.": "SOS", "Gen. Mun.": "GMU"}
TEXAS = {"Penal": "PE", "Gov't": "GV", "Health & Safety": "HS", "Transp.": "TN", "Educ.": "ED", "Elec.": "EL",
         "Fam.": "FA", "Lab.": "LA", "Occ.": "OC"}


def state_of(reporter: str) -> str | None:
    """The postal code for a state code's name ("Cal. Penal Code" -> "CA"), or None."""
    for abbreviation in sorted(STATES, key=len, reverse=True):
        if reporter.startswith(abbreviation):
            return STATES[abbreviation]
    return None


def state_link(state: str, reporter: str, subject: str | None, section: str) -> Link | None:
    """The legislature's page for a section, where a documented URL pattern exists."""
    subject = re.sub(r"\s+Law$", "", subject or "").strip()
    if state == "CA" and subject in CALIFORNIA:
        return Link("California Legislative Information", "https://leginfo.legislature.ca.gov/faces/"
                    f"codes_displaySection.xhtml?lawCode={CALIFORNIA[subject]}&sectionNum={quote(section)}")
    if state == "NY" and subject in NEW_YORK:
        return Link("New York State Senate", f"https://www.nysenate.gov/legislation/laws/{NEW_YORK[subject]}/{quote(section)}")
    if state == "TX" and subject in TEXAS and "." in section:
        code = TEXAS[subject]
        chapter = section.split(".")[0]
        return Link("Texas Constitution and Statutes",
                    f"https://statutes.capitol.texas.gov/Docs/{code}/htm/{code}.{chapter}.htm#{quote(section)}")
    if state == "FL" and reporter.startswith("Fla. Stat") and re.fullmatch(r"\d+\.\d+", section):
        return Link("Florida Senate", f"https://www.flsenate.gov/Laws/Statutes/2025/{section}")
    return None
