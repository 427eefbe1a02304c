"""Each claim of the ledger assessed three ways: then as published (the figures the
letter's author could know), then as revised (today's data for the letter's year), and
now (the report year).

The verdict on the letter is set on the published figure where one exists, else on
today's data for the letter's year (and says so). The verdict now says 'outdated
(higher now / lower now)' when a claim that held has moved since, 'historical' for a
claim about a named year, and 'no figure for <year>' when neither the data nor the
documents give one for the report year: another year is never borrowed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pandas as pd

from displacement_report import letter
from displacement_report.analysis import exchange
from displacement_report.analysis.claims import references
from displacement_report.analysis.claims.checks import CHECKS, ClaimInputs, Measure, NoFigureForYear
from displacement_report.analysis.claims.wording import (
    DOES_NOT_HOLD,
    HISTORICAL,
    HOLDS,
    IATI_NOT_CLASSIFIED,
    NO_IATI_FILE,
    NOT_CHECKABLE,
    OUTDATED_HIGHER,
    OUTDATED_LOWER,
    ROUGHLY,
    no_figure,
    not_yet,
    verdict,
)

_HELD = (HOLDS, ROUGHLY)
_SIGN_RULES = ("increase", "decrease", "only_increase")


@dataclass(frozen=True)
class Source:
    """A source a claim's figures rest on, as the reader sees it."""

    title: str
    url: str
    quality: str = "primary"


@dataclass
class _Value:
    value: float | None = None
    period: str = ""
    ids: tuple[str, ...] = ()
    detail: str = ""
    missing: str = ""  # why there is no value (a data check's NoFigureForYear)


def _from_check(check_name: str, inputs: ClaimInputs, year: int) -> _Value:
    try:
        result = CHECKS[check_name](inputs, year)
    except NoFigureForYear as reason:
        return _Value(missing=str(reason))
    if isinstance(result, Measure):
        return _Value(result.value, str(year), (), result.detail)
    return _Value(float(result), str(year))


def _from_figure(figure: references.Figure | None) -> _Value:
    if figure is None:
        return _Value()
    return _Value(figure.value, figure.period, figure.ids, figure.note)


def _year_of(ids: tuple[str, ...], table: pd.DataFrame) -> int:
    """The year of the figures a claim was stated on; the letter's own year without."""
    figure_year = table["year"]
    years = [int(figure_year.loc[i]) for i in ids if pd.notna(figure_year.loc[i])]
    return max(years) if years else letter.DATE.year


def _direction(now: float, then: float) -> str:
    return "higher" if now > then else "lower"


def _now_verdict(claim, then: _Value, then_held: bool, now: _Value, year: int, letter_year: int):
    if claim.timing == "historical":
        return HISTORICAL
    if claim.method == "not_checkable":
        return NOT_CHECKABLE
    if now.value is None:
        return no_figure(year)
    high = None if pd.isna(claim.stated_high) else float(claim.stated_high)
    found = verdict(now.value, claim.stated_value, high, claim.wording)
    if found in _HELD or not then_held or then.value is None or claim.wording in _SIGN_RULES:
        return found
    direction = _direction(now.value, then.value)
    if claim.unit == "rank":  # a larger rank number is a lower place
        direction = "lower" if now.value > then.value else "higher"
    if year > letter_year:
        return OUTDATED_HIGHER if direction == "higher" else OUTDATED_LOWER
    if year < letter_year:
        return not_yet(year, direction)
    return found


def _sources(ids: list[str], table: pd.DataFrame) -> list[Source]:
    seen = list(dict.fromkeys(ids))
    return [
        Source(
            str(table.loc[i, "title"]),
            str(table.loc[i, "url"]),
            str(table.loc[i, "quality"]) or "primary",
        )
        for i in seen
        if i in table.index
    ]


def _secondary_only(ids: tuple[str, ...], table: pd.DataFrame) -> bool:
    qualities = [table.loc[i, "quality"] for i in ids if i in table.index]
    return bool(qualities) and all(q == "secondary" for q in qualities)


def _then_basis(published: _Value, revised: _Value) -> tuple[str, _Value]:
    """The verdict on the letter rests on what was published then, else today's data."""
    if published.value is not None:
        return "published", published
    if revised.value is not None:
        return "today's data", revised
    return "", _Value()


def assess(
    ledger: pd.DataFrame,
    inputs: ClaimInputs,
    reference_figures: pd.DataFrame,
    now_year: int,
    *,
    iati_file_given: bool = False,
) -> pd.DataFrame:
    """One row per claim: then as published, then as revised, now, with verdicts.

    `reference_figures` is `references.reference_table(...)`. Works for any report
    year: a year the data or documents cannot answer gives 'no figure for <year>'."""
    rows = []
    claim: Any  # itertuples rows: pandas-stubs cannot know the columns' types
    for claim in ledger.itertuples():
        high = None if pd.isna(claim.stated_high) else float(claim.stated_high)
        letter_year = int(claim.year_then) if pd.notna(claim.year_then) else None
        published = _from_figure(references.first(claim.published_then, reference_figures))
        revised = _Value()
        now = _Value()
        latest = _Value()
        database = False
        if claim.method == "data":
            database = True
            revised = _from_check(claim.check, inputs, int(claim.year_then))
            now = _from_check(claim.check, inputs, now_year)
        elif claim.method == "reference":
            revised = _from_figure(references.first(claim.revised_then, reference_figures))
            found, newest = references.for_year(claim.reference_now, reference_figures, now_year)
            now, latest = _from_figure(found), _from_figure(newest)
            if letter_year is None:
                letter_year = _year_of(published.ids, reference_figures)

        basis, then = _then_basis(published, revised)
        if claim.method == "iati":
            then_verdict = IATI_NOT_CLASSIFIED if iati_file_given else NO_IATI_FILE
        else:
            then_verdict = verdict(then.value, claim.stated_value, high, claim.wording)
        revised_verdict = (
            verdict(revised.value, claim.stated_value, high, claim.wording)
            if revised.value is not None
            else ""
        )
        # 'outdated' compares like with like: today's data then against today's data now
        same_basis = revised if revised.value is not None else then
        same_held = (revised_verdict or then_verdict) in _HELD
        now_verdict = _now_verdict(
            claim, same_basis, same_held, now, now_year, letter_year or letter.DATE.year
        )
        if claim.method == "iati":
            now_verdict = HISTORICAL if claim.timing == "historical" else then_verdict

        # a claim about a named year shows no figure now, so it cites none
        shown_now = [] if claim.timing == "historical" else [*now.ids, *latest.ids]
        ids = [*published.ids, *revised.ids, *shown_now]
        cited = _sources(ids, reference_figures)
        if "eur_in_usd_share" in f"{claim.published_then} {claim.reference_now}":
            cited.append(Source(exchange.ECB_RATES, exchange.ECB_URL))
        rows.append(
            {
                "claim_id": claim.claim_id,
                "section": claim.section,
                "section_nl": claim.section_nl,
                "paraphrase": claim.paraphrase,
                "letter_quote": claim.letter_quote,
                "quote_footnotes": "" if pd.isna(claim.quote_footnotes) else claim.quote_footnotes,
                "stated": claim.stated_value,
                "stated_high": high,
                "unit": claim.unit,
                "wording": claim.wording,
                "kind": claim.kind,
                "timing": claim.timing,
                "method": claim.method,
                "letter_year": letter_year,
                "published_value": published.value,
                "published_period": published.period,
                "published_secondary": _secondary_only(published.ids, reference_figures),
                "published_note": published.detail,
                "revised_value": revised.value,
                "revised_period": revised.period,
                "revised_detail": revised.detail,
                "revised_missing": revised.missing,
                "revised_verdict": revised_verdict,
                "then_basis": basis,
                "then_verdict": then_verdict,
                "now_year": now_year,
                "now_value": now.value,
                "now_period": now.period,
                "now_detail": now.detail,
                "now_missing": now.missing,
                "now_secondary": _secondary_only(now.ids, reference_figures),
                "latest_value": (
                    latest.value if now.value is None and claim.timing != "historical" else None
                ),
                "latest_period": latest.period if now.value is None else "",
                "now_verdict": now_verdict,
                "database": database,
                "worldbank": database and CHECKS[claim.check].worldbank,
                "sources": cited,
                "measure": "" if pd.isna(claim.measure) else claim.measure,
                "measure_nl": "" if pd.isna(claim.measure_nl) else claim.measure_nl,
                "reason": "" if pd.isna(claim.reason) else claim.reason,
                "reason_nl": "" if pd.isna(claim.reason_nl) else claim.reason_nl,
            }
        )
    return pd.DataFrame(rows)


def checked(assessed: pd.DataFrame) -> pd.DataFrame:
    """The claims with a figure, or a way to get one (an IATI file), then or now."""
    has_figure = (
        assessed["published_value"].notna()
        | assessed["revised_value"].notna()
        | assessed["now_value"].notna()
        | assessed["latest_value"].notna()
        | assessed["method"].isin(["data", "iati"])
    )
    return assessed[has_figure]


def unchecked(assessed: pd.DataFrame) -> pd.DataFrame:
    """The claims without any public figure to check them against."""
    return assessed.drop(checked(assessed).index)


def tally(assessed: pd.DataFrame, column: str = "then_verdict") -> dict[str, int]:
    """How many claims got each verdict, in a fixed order (first the four of the rule,
    then the others in the order they first appear)."""
    counts = assessed[column].value_counts()
    order = [HOLDS, ROUGHLY, DOES_NOT_HOLD, NOT_CHECKABLE]
    order += [v for v in assessed[column] if v not in order]
    return {v: int(counts.get(v, 0)) for v in dict.fromkeys(order)}
