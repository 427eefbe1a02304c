"""Each claim of the ledger assessed then (the letter's period) and now (the report year)."""

from __future__ import annotations

import re
from typing import Any

import pandas as pd

from displacement_report.analysis.claims.checks import CHECKS, ClaimInputs
from displacement_report.analysis.claims.wording import (
    DOES_NOT_HOLD,
    HOLDS,
    NOT_CHECKABLE,
    ROUGHLY,
    verdict,
)


def reference_value(
    spec: str | None, figures: pd.DataFrame, amounts: pd.DataFrame
) -> tuple[float | None, str]:
    """Value and label of a reference: 'F108', 'A002' or 'ratio:F090/F085' (in %)."""
    if spec is None or pd.isna(spec):
        return None, ""
    match = re.fullmatch(r"ratio:(\w+)/(\w+)", spec)
    if match:
        top = _figure(match.group(1), figures, amounts)
        bottom = _figure(match.group(2), figures, amounts)
        return 100 * top / bottom, f"{match.group(1)} / {match.group(2)}"
    return _figure(spec, figures, amounts), spec


def _figure(ref: str, figures: pd.DataFrame, amounts: pd.DataFrame) -> float:
    """One figure: 'A002' from the document amounts, 'F108' from the sourced figures."""
    if ref.startswith("A"):
        return float(amounts.set_index("amount_id")["amount"].loc[ref])
    return float(figures["value"].loc[ref])


def _reference_year(spec: str | None, figures: pd.DataFrame, amounts: pd.DataFrame) -> str:
    if spec is None or pd.isna(spec):
        return ""
    first = re.findall(r"[FA]\d{3}", spec)[0]
    if first.startswith("A"):
        row = amounts.set_index("amount_id").loc[first]
        start, end = int(row["period_start"]), int(row["period_end"])
        return str(start) if start == end else f"{start}–{end}"
    return str(figures.loc[first, "period"])


def assess(
    ledger: pd.DataFrame,
    inputs: ClaimInputs,
    figures: pd.DataFrame,
    amounts: pd.DataFrame,
    now_year: int,
) -> pd.DataFrame:
    """One row per claim: the value then (the letter's reference period) and now (the
    report year or the latest reference figure), each with its verdict."""
    rows = []
    claim: Any  # itertuples rows: pandas-stubs cannot know the columns' types
    for claim in ledger.itertuples():
        then_value = now_value = None
        then_label = now_label = ""
        if claim.method == "data":
            check = CHECKS[claim.check]
            then_value, then_label = check(inputs, int(claim.year_then)), str(claim.year_then)
            now_value, now_label = check(inputs, now_year), str(now_year)
        elif claim.method == "reference":
            then_value, ref = reference_value(claim.reference_then, figures, amounts)
            then_label = (
                f"{ref} ({_reference_year(claim.reference_then, figures, amounts)})" if ref else ""
            )
            now_value, ref = reference_value(claim.reference_now, figures, amounts)
            now_label = (
                f"{ref} ({_reference_year(claim.reference_now, figures, amounts)})" if ref else ""
            )
        high = None if pd.isna(claim.stated_high) else float(claim.stated_high)
        rows.append(
            {
                "claim_id": claim.claim_id,
                "section": claim.section,
                "paraphrase": claim.paraphrase,
                "stated": claim.stated_value,
                "stated_high": high,
                "unit": claim.unit,
                "wording": claim.wording,
                "then_value": then_value,
                "then_basis": then_label,
                "then_verdict": verdict(then_value, claim.stated_value, high, claim.wording),
                "now_value": now_value,
                "now_basis": now_label,
                "now_verdict": verdict(now_value, claim.stated_value, high, claim.wording),
                "reason": "" if pd.isna(claim.reason) else claim.reason,
            }
        )
    return pd.DataFrame(rows)


def checked(assessed: pd.DataFrame) -> pd.DataFrame:
    """The claims with a figure to check them against, then or now."""
    return assessed[(assessed["then_basis"] != "") | (assessed["now_basis"] != "")]


def unchecked(assessed: pd.DataFrame) -> pd.DataFrame:
    """The claims without any public figure to check them against."""
    return assessed[(assessed["then_basis"] == "") & (assessed["now_basis"] == "")]


def tally(assessed: pd.DataFrame, column: str = "then_verdict") -> dict[str, int]:
    counts = assessed[column].value_counts()
    return {v: int(counts.get(v, 0)) for v in (HOLDS, ROUGHLY, DOES_NOT_HOLD, NOT_CHECKABLE)}
