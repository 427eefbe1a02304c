"""The letter's claims checked against the data: wording rules (`wording`), recompute
functions (`checks`), the assessment of the ledger (`assess`), and the letter's
numbers (`letter_numbers`). The names below are the package's public interface."""

from displacement_report.analysis.claims.assess import (
    assess,
    checked,
    reference_value,
    tally,
    unchecked,
)
from displacement_report.analysis.claims.checks import CHECKS, ClaimInputs
from displacement_report.analysis.claims.letter_numbers import numbers_in_letter
from displacement_report.analysis.claims.wording import (
    DOES_NOT_HOLD,
    HOLDS,
    NOT_CHECKABLE,
    ROUGHLY,
    RULES,
    verdict,
)

__all__ = [
    "CHECKS",
    "DOES_NOT_HOLD",
    "HOLDS",
    "NOT_CHECKABLE",
    "ROUGHLY",
    "RULES",
    "ClaimInputs",
    "assess",
    "checked",
    "numbers_in_letter",
    "reference_value",
    "tally",
    "unchecked",
    "verdict",
]
