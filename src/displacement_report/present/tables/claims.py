"""Tables of chapter 6: the letter's claims, recomputed then and now."""

from __future__ import annotations

import pandas as pd

from displacement_report.present import sources
from displacement_report.present.format import (
    as_float,
    count,
    in_millions,
    one_decimal,
    table_html,
)


def claim_value(value: object, unit: str) -> str:
    """A recomputed or stated value in the claim's unit, for the ledger table."""
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return "–"
    number = as_float(value)
    if unit in ("people", "children"):
        return f"{in_millions(number, 2)} million" if number >= 1e6 else count(number)
    if unit == "percent":
        return f"{one_decimal(number)}%"
    if unit == "percentage points":
        return f"{number:+.2f} points"
    if unit == "EUR":
        return f"EUR {in_millions(number)} million"
    if unit == "rank":
        return {1: "1st", 2: "2nd", 3: "3rd"}.get(int(number), f"{int(number)}th")
    if unit == "years":
        return f"{one_decimal(number)} years"
    return count(number)


#: How the letter's wording reads before its figure ("almost 80 million").
_WORDING_PREFIX = {"almost": "almost ", "about": "about ", "more_than": "more than "}
#: Wordings that state no figure of their own ("most", "an increase").
_WORDING_ALONE = {
    "majority": "most",
    "majority_by_far": "by far most",
    "increase": "an increase",
    "decrease": "a decrease",
    "top": "the most",
    "significant_share": "a significant share",
}


def stated_phrase(stated: float, high: float | None, unit: str, wording: str) -> str:
    """What the letter states, as a reader would say it: 'almost 80.00 million'."""
    if wording in _WORDING_ALONE:
        return _WORDING_ALONE[wording]
    if wording == "range":
        return f"{claim_value(stated, unit)} to {claim_value(high, unit)}"
    return _WORDING_PREFIX.get(wording, "") + claim_value(stated, unit)


def _stated(row) -> str:
    return stated_phrase(row.stated, row.stated_high, row.unit, row.wording)


def claims_table(assessed: pd.DataFrame, caption: str, source: str) -> str:
    """The ledger for one section: claim, what the letter says, then and now."""
    frame = pd.DataFrame(
        {
            "Claim": [f"{r.claim_id} {r.paraphrase}" for r in assessed.itertuples()],
            "Letter": [_stated(r) for r in assessed.itertuples()],
            "Then": [
                f"{claim_value(r.then_value, str(r.unit))} ({r.then_basis!s})"
                if r.then_basis
                else "–"
                for r in assessed.itertuples()
            ],
            "Verdict then": assessed["then_verdict"].to_numpy(),
            "Now": [
                f"{claim_value(r.now_value, str(r.unit))} ({r.now_basis!s})" if r.now_basis else "–"
                for r in assessed.itertuples()
            ],
            "Verdict now": assessed["now_verdict"].to_numpy(),
        }
    )
    return table_html(frame, {}, caption, source)


def unchecked_claims_table(assessed: pd.DataFrame, caption: str) -> str:
    frame = pd.DataFrame(
        {
            "Claim": [f"{r.claim_id} {r.paraphrase}" for r in assessed.itertuples()],
            "Why it cannot be checked with public data": assessed["reason"].to_numpy(),
        }
    )
    return table_html(frame, {}, caption, sources.ledger())


def claims_by_section(assessed: pd.DataFrame, source: str) -> str:
    """The checkable claims, one table per section of the letter, in the letter's order."""
    parts = []
    from displacement_report.analysis.claims import checked as with_figures

    checked = with_figures(assessed)
    for section in dict.fromkeys(checked["section"]):
        rows = checked[checked["section"] == section]
        parts.append(claims_table(rows, f"{section}: claims recomputed then and now", source))
    return "".join(parts)
