"""Each claim of the ledger assessed three ways: then as published (the figures the
letter's author could know), then as revised (today's data for the letter's year), and
now (the report year).

The verdict on the letter is set on the published figure where one exists (the
latest its publisher put out before the letter), else on today's data for the letter's
year, or on a later document (and says so). The verdict now says 'outdated (higher now /
lower now)' when a claim that held has moved since, 'outdated (fell since)' when a year
after the letter broke a trend that held, 'historical' for a claim about a named year,
and 'no figure for <year>' when neither the data nor the documents give one for the
report year: another year is never borrowed.

Two rules keep a verdict from resting on anything but the letter:

- one measure per claim: a data claim's published figure must be the measure its check
  recomputes (`MixedMeasures` otherwise); another measure is shown as a second reading,
  labelled, never as a revision;
- a budget stage is a decision, not a revision: a claim's figures then and now are of
  the stage the letter could know (`LaterStage` otherwise); later stages are listed as
  later decisions and never change a verdict.
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
    OUTDATED_FELL,
    OUTDATED_HIGHER,
    OUTDATED_LOWER,
    ROUGHLY,
    no_figure,
    not_yet,
    verdict,
)

_HELD = (HOLDS, ROUGHLY)
_SIGN_RULES = ("increase", "decrease", "only_increase")


class MixedMeasures(ValueError):
    """A claim's published figure is not the measure its check recomputes."""


class LaterStage(ValueError):
    """A claim would compare the letter with a budget stage it could not know."""


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
    publications: tuple[str, ...] = ()
    year: int | None = None
    changes: tuple[tuple[str, float], ...] = ()
    stage: str = ""


def _from_check(check_name: str, inputs: ClaimInputs, year: int) -> _Value:
    check = CHECKS[check_name]
    try:
        result = check(inputs, year)
    except NoFigureForYear as reason:
        return _Value(missing=str(reason))
    period = check.period(year)
    if isinstance(result, Measure):
        return _Value(
            result.value, period, result.ids, result.detail, year=year, changes=result.changes
        )
    return _Value(float(result), period, year=year)


def _from_figure(figure: references.Figure | None) -> _Value:
    if figure is None:
        return _Value()
    return _Value(
        figure.value,
        figure.period,
        figure.ids,
        figure.note,
        publications=figure.publications,
        year=figure.year,
        changes=figure.changes,
        stage=figure.stage,
    )


def _one_measure(claim: Any, figure: references.Figure | None, table: pd.DataFrame) -> None:
    """A data claim's published figure is the measure its check recomputes."""
    if claim.method != "data" or figure is None:
        return
    check = CHECKS[claim.check]
    strays = [
        f"{i} ({table.loc[i, 'description']!r})"
        for i in figure.ids
        if not check.reports(str(table.loc[i, "description"]))
    ]
    if strays:
        raise MixedMeasures(
            f"{claim.claim_id}: {', '.join(strays)} is not the measure '{claim.check}' "
            "recomputes; show another measure as second_reading, never as the claim's own"
        )


def _one_stage(
    claim: Any, published: references.Figure | None, others: list[references.Figure]
) -> None:
    """Figures then and now are of the budget stage the letter could know."""
    if published is None or not published.stage:
        return
    later = sorted({f.stage for f in others if f.stage and f.stage != published.stage})
    if later:
        raise LaterStage(
            f"{claim.claim_id}: {', '.join(later)} is a later decision than the letter's "
            f"{published.stage}; list it in later_decisions, where it changes no verdict"
        )


def _later_decisions(
    claim: Any, published: references.Figure | None, table: pd.DataFrame
) -> list[references.Figure]:
    decisions = references.every(claim.later_decisions, table)
    known = published.stage if published is not None else ""
    for decision in decisions:
        if not decision.stage or decision.stage == known:
            raise LaterStage(
                f"{claim.claim_id}: a later decision is a budget stage after the letter's "
                f"({known or 'none'}), not {decision.stage or 'a figure without a stage'}"
            )
    return decisions


def _second_reading(
    claim: Any, inputs: ClaimInputs, table: pd.DataFrame, then_year: int | None, now_year: int
) -> tuple[_Value, _Value, bool]:
    """The claim read on a second measure, then and now (now only for a recomputation),
    and whether it reads UNHCR's database."""
    spec = "" if pd.isna(claim.second_reading) else str(claim.second_reading)
    if not spec:
        return _Value(), _Value(), False
    if spec.startswith("check:"):
        name = spec.removeprefix("check:")
        then = _from_check(name, inputs, then_year) if then_year else _Value()
        return then, _from_check(name, inputs, now_year), True
    return _from_figure(references.first(spec, table)), _Value(), False


def _year_of(ids: tuple[str, ...], table: pd.DataFrame) -> int:
    """The year of the figures a claim was stated on; the letter's own year without."""
    figure_year = table["year"]
    years = [int(figure_year.loc[i]) for i in ids if pd.notna(figure_year.loc[i])]
    return max(years) if years else letter.DATE.year


def _direction(now: float, then: float) -> str:
    return "higher" if now > then else "lower"


def _broken_since(claim: Any, found: str, now: _Value, letter_year: int) -> bool:
    """A trend ('enkel toegenomen') that fails now because a year after the letter's
    period fell."""
    return (
        claim.wording == "only_increase"
        and found == DOES_NOT_HOLD
        and any(change < 0 and int(year) > letter_year for year, change in now.changes)
    )


def _moved(claim: Any, then: float, now: float, year: int, letter_year: int, found: str) -> str:
    """A claim that held then and no longer does: which way its figure moved."""
    direction = _direction(now, then)
    if claim.unit == "rank":  # a larger rank number is a lower place
        direction = "lower" if now > then else "higher"
    if year > letter_year:
        return OUTDATED_HIGHER if direction == "higher" else OUTDATED_LOWER
    if year < letter_year:
        return not_yet(year, direction)
    return found


def _now_verdict(
    claim,
    then: _Value,
    then_held: bool,
    now: _Value,
    year: int,
    letter_year: int,
    letter_held: bool = False,
):
    if claim.timing == "historical":
        return HISTORICAL
    if claim.method == "not_checkable":
        return NOT_CHECKABLE
    if now.value is None:
        return no_figure(year)
    high = None if pd.isna(claim.stated_high) else float(claim.stated_high)
    found = verdict(now.value, claim.stated_value, high, claim.wording)
    if letter_held and _broken_since(claim, found, now, letter_year):
        return OUTDATED_FELL  # overtaken by later years, as a level that has moved
    if found in _HELD or not then_held or then.value is None or claim.wording in _SIGN_RULES:
        return found
    return _moved(claim, then.value, now.value, year, letter_year, found)


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


def _then_basis(published: _Value, revised: _Value, method: str) -> tuple[str, _Value]:
    """The verdict on the letter rests on what was published then, else on today's data
    (a data claim) or a later document (a reference claim)."""
    if published.value is not None:
        return "published", published
    if revised.value is not None:
        return ("today's data" if method == "data" else "later document"), revised
    return "", _Value()


def _decision_rows(decisions: list[references.Figure]) -> list[dict[str, Any]]:
    return [
        {"value": d.value, "period": d.period, "stage": d.stage, "ids": d.ids} for d in decisions
    ]


def _text(value: object) -> str:
    return "" if value is None or (isinstance(value, float) and pd.isna(value)) else str(value)


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
    year: a year the data or documents cannot answer gives 'no figure for <year>'.
    Raises `MixedMeasures` or `LaterStage` for a ledger that breaks the chapter's rules."""
    rows = []
    claim: Any  # itertuples rows: pandas-stubs cannot know the columns' types
    for claim in ledger.itertuples():
        rows.append(_assessed(claim, inputs, reference_figures, now_year, iati_file_given))
    return pd.DataFrame(rows)


def _assessed(
    claim: Any, inputs: ClaimInputs, table: pd.DataFrame, now_year: int, iati_file_given: bool
) -> dict[str, Any]:
    high = None if pd.isna(claim.stated_high) else float(claim.stated_high)
    letter_year = int(claim.year_then) if pd.notna(claim.year_then) else None
    published_figure = references.first(claim.published_then, table)
    _one_measure(claim, published_figure, table)
    published = _from_figure(published_figure)
    revised, now, latest = _Value(), _Value(), _Value()
    database = False
    if claim.method == "data":
        database = CHECKS[claim.check].unhcr
        revised = _from_check(claim.check, inputs, int(claim.year_then))
        now = _from_check(claim.check, inputs, now_year)
    elif claim.method == "reference":
        revised_figure = references.first(claim.revised_then, table)
        _one_stage(
            claim,
            published_figure,
            [f for f in (revised_figure,) if f] + references.every(claim.reference_now, table),
        )
        revised = _from_figure(revised_figure)
        found, newest = references.for_year(claim.reference_now, table, now_year)
        now, latest = _from_figure(found), _from_figure(newest)
        if letter_year is None:
            letter_year = _year_of((*published.ids, *revised.ids), table)
    decisions = _later_decisions(claim, published_figure, table)
    second_then, second_now, second_database = _second_reading(
        claim, inputs, table, letter_year, now_year
    )

    basis, then = _then_basis(published, revised, claim.method)
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
        claim,
        same_basis,
        same_held,
        now,
        now_year,
        letter_year or letter.DATE.year,
        letter_held=then_verdict in _HELD,
    )
    if claim.method == "iati":
        now_verdict = HISTORICAL if claim.timing == "historical" else then_verdict

    # a claim about a named year shows no figure now, so it cites none
    shown_now = [] if claim.timing == "historical" else [*now.ids, *latest.ids]
    later_ids = [i for d in decisions for i in d.ids]
    ids = [*published.ids, *revised.ids, *later_ids, *second_then.ids, *shown_now]
    cited = _sources(ids, table)
    uses_ecb = "eur_in_usd_share" in f"{claim.published_then} {claim.reference_now}" or (
        "usd_in_eur" in _text(claim.revised_then)
    )
    if uses_ecb or (claim.method == "data" and CHECKS[claim.check].ecb):
        cited.append(Source(exchange.ECB_RATES, exchange.ECB_URL))
    return {
        "claim_id": claim.claim_id,
        "section": claim.section,
        "section_nl": claim.section_nl,
        "paraphrase": claim.paraphrase,
        "letter_quote": claim.letter_quote,
        "quote_footnotes": _text(claim.quote_footnotes),
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
        "published_from": published.publications,
        "published_secondary": _secondary_only(published.ids, table),
        "published_note": published.detail,
        "published_changes": published.changes,
        "published_stage": published.stage,
        "revised_value": revised.value,
        "revised_period": revised.period,
        "revised_from": revised.publications,
        "revised_detail": revised.detail,
        "revised_missing": revised.missing,
        "revised_verdict": revised_verdict,
        "revised_changes": revised.changes,
        "revised_secondary": _secondary_only(revised.ids, table),
        # a revision compares like with like: the same year as the published figure
        "revised_comparable": (
            published.value is not None
            and revised.value is not None
            and claim.method == "data"
            and published.year == revised.year
        ),
        "then_basis": basis,
        "then_verdict": then_verdict,
        "now_year": now_year,
        "now_value": now.value,
        "now_period": now.period,
        "now_detail": now.detail,
        "now_missing": now.missing,
        "now_changes": now.changes,
        "now_stage": now.stage or (latest.stage if now.value is None else ""),
        "now_secondary": _secondary_only(now.ids, table),
        "latest_value": (
            latest.value if now.value is None and claim.timing != "historical" else None
        ),
        "latest_period": latest.period if now.value is None else "",
        "now_verdict": now_verdict,
        "later_decisions": _decision_rows(decisions),
        "second_label": _text(claim.second_label),
        "second_label_nl": _text(claim.second_label_nl),
        "second_then_value": second_then.value,
        "second_then_period": second_then.period,
        "second_from": second_then.publications,
        "second_now_value": second_now.value,
        "second_now_period": second_now.period,
        "database": database or second_database,
        "worldbank": claim.method == "data" and CHECKS[claim.check].worldbank,
        "geonames": claim.method == "data" and CHECKS[claim.check].geonames,
        "sources": cited,
        "measure": _text(claim.measure),
        "measure_nl": _text(claim.measure_nl),
        "reason": _text(claim.reason),
        "reason_nl": _text(claim.reason_nl),
        "basis": _text(getattr(claim, "basis", None)),
        "basis_nl": _text(getattr(claim, "basis_nl", None)),
    }


def checked(assessed: pd.DataFrame) -> pd.DataFrame:
    """The claims judged on the letter, or that an IATI file could judge: every verdict
    on the letter but 'cannot be checked'."""
    return assessed[assessed["then_verdict"] != NOT_CHECKABLE]


def unchecked(assessed: pd.DataFrame) -> pd.DataFrame:
    """The claims for which no figure was found to judge the letter by (so the chapter's
    count of claims that cannot be checked and its table of them always agree)."""
    return assessed[assessed["then_verdict"] == NOT_CHECKABLE]


def tally(assessed: pd.DataFrame, column: str = "then_verdict") -> dict[str, int]:
    """How many claims got each verdict, in a fixed order (first the four of the rule,
    then the others in the order they first appear)."""
    counts = assessed[column].value_counts()
    order = [HOLDS, ROUGHLY, DOES_NOT_HOLD, NOT_CHECKABLE]
    order += [v for v in assessed[column] if v not in order]
    return {v: int(counts.get(v, 0)) for v in dict.fromkeys(order)}
