"""The letter's claims checked against the data: wording rules (`wording`), recompute
functions (`checks`), the assessment of the ledger (`assess`), and the letter's
numbers (`letter_numbers`). The names below are the package's public interface."""

from displacement_report.analysis.claims.assess import (
    LaterStage,
    MixedMeasures,
    Source,
    assess,
    checked,
    tally,
    unchecked,
)
from displacement_report.analysis.claims.checks import CHECKS, ClaimInputs, NoFigureForYear
from displacement_report.analysis.claims.letter_numbers import numbers_in_letter
from displacement_report.analysis.claims.references import published_series, reference_table
from displacement_report.analysis.claims.wording import (
    DOES_NOT_HOLD,
    HISTORICAL,
    HOLDS,
    IATI_NOT_CLASSIFIED,
    NO_IATI_FILE,
    NOT_CHECKABLE,
    OUTDATED_FELL,
    OUTDATED_HIGHER,
    OUTDATED_LOWER,
    ROUGHLY,
    RULES,
    no_figure,
    verdict,
    verdict_count,
    verdict_text,
)

__all__ = [
    "CHECKS",
    "DOES_NOT_HOLD",
    "HISTORICAL",
    "HOLDS",
    "IATI_NOT_CLASSIFIED",
    "NOT_CHECKABLE",
    "NO_IATI_FILE",
    "OUTDATED_FELL",
    "OUTDATED_HIGHER",
    "OUTDATED_LOWER",
    "ROUGHLY",
    "RULES",
    "ClaimInputs",
    "LaterStage",
    "MixedMeasures",
    "NoFigureForYear",
    "Source",
    "assess",
    "checked",
    "no_figure",
    "numbers_in_letter",
    "published_series",
    "reference_table",
    "tally",
    "unchecked",
    "verdict",
    "verdict_count",
    "verdict_text",
]
