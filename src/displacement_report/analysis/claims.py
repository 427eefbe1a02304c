"""Verdicts on the letter's claims, computed from the data, then and now.

A claim states a value with a wording ("bijna", "meer dan", "ongeveer", "veruit het
merendeel"); the wording sets the rule a recomputed value must meet. `RULES` holds the
rules with their tolerances, `CHECKS` the functions that recompute a claim's quantity
for any year from the data. Nothing here reads files.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

from displacement_report.analysis import headline, hosting, protracted

HOLDS, ROUGHLY, DOES_NOT_HOLD, NOT_CHECKABLE = (
    "holds",
    "roughly holds",
    "does not hold",
    "not checkable",
)
#: Members of IGAD, the Horn of Africa's regional organisation.
HORN_OF_AFRICA = ("DJI", "ERI", "ETH", "KEN", "SOM", "SSD", "SDN", "UGA")
LETTER_FOCUS = ("EGY", "ETH", "IRQ", "JOR", "KEN", "LBN", "UGA", "SDN")


def _relative(value: float, stated: float) -> float:
    return abs(value - stated) / abs(stated) if stated else abs(value)


def _within(holds: float, roughly: float) -> Callable[[float, float, float | None], str]:
    def rule(value: float, stated: float, _high: float | None) -> str:
        gap = _relative(value, stated)
        return HOLDS if gap <= holds else ROUGHLY if gap <= roughly else DOES_NOT_HOLD

    return rule


def _almost(value: float, stated: float, _high: float | None) -> str:
    if stated * 0.9 <= value <= stated * 1.01:
        return HOLDS
    return ROUGHLY if _relative(value, stated) <= 0.15 else DOES_NOT_HOLD


def _more_than(value: float, stated: float, _high: float | None) -> str:
    return HOLDS if value > stated else ROUGHLY if value >= 0.9 * stated else DOES_NOT_HOLD


def _at_least(holds: float, roughly: float) -> Callable[[float, float, float | None], str]:
    def rule(value: float, _stated: float, _high: float | None) -> str:
        return HOLDS if value > holds else ROUGHLY if value > roughly else DOES_NOT_HOLD

    return rule


def _range(value: float, low: float, high: float | None) -> str:
    top = high if high is not None else low
    if low <= value <= top:
        return HOLDS
    near = min(_relative(value, low), _relative(value, top))
    return ROUGHLY if near <= 0.15 else DOES_NOT_HOLD


def _top(value: float, _stated: float, _high: float | None) -> str:
    return HOLDS if value == 1 else ROUGHLY if value <= 3 else DOES_NOT_HOLD


def _sign(direction: int) -> Callable[[float, float, float | None], str]:
    def rule(value: float, _stated: float, _high: float | None) -> str:
        return HOLDS if value * direction > 0 else DOES_NOT_HOLD

    return rule


#: Wording in the letter -> (rule, the rule in words for the reader).
RULES: dict[str, tuple[Callable[[float, float, float | None], str], str]] = {
    "exact": (_within(0.05, 0.15), "within 5% holds, within 15% roughly holds"),
    "about": (_within(0.10, 0.25), "'ongeveer', 'zo'n': within 10% holds, within 25% roughly"),
    "almost": (_almost, "'bijna': 90-101% of the figure holds, within 15% roughly"),
    "more_than": (_more_than, "'meer dan': above the figure holds, within 10% below roughly"),
    "majority": (_at_least(50, 45), "'het merendeel': above 50% holds, above 45% roughly"),
    "majority_by_far": (
        _at_least(66.7, 50),
        "'veruit het merendeel': above two thirds holds, above half roughly",
    ),
    "significant_share": (
        _at_least(10, 5),
        "'een significant deel': 10% or more holds, 5% roughly",
    ),
    "range": (_range, "'tussen ... en ...': inside the range holds, within 15% outside roughly"),
    "top": (_top, "'het hoogst aantal': first holds, in the top three roughly"),
    "increase": (_sign(1), "'toegenomen': any increase holds"),
    "decrease": (_sign(-1), "'afgenomen': any decrease holds"),
}


def verdict(value: float | None, stated: float, high: float | None, wording: str) -> str:
    if value is None or pd.isna(value):
        return NOT_CHECKABLE
    return RULES[wording][0](float(value), float(stated), None if pd.isna(high) else high)


@dataclass(frozen=True)
class ClaimInputs:
    """The frames the data checks read (loaded by the caller)."""

    population: pd.DataFrame
    unrwa: pd.DataFrame
    idmc: pd.DataFrame
    world_population: pd.Series
    wb_population: pd.DataFrame
    gdp: pd.DataFrame
    income_groups: pd.DataFrame
    ldcs: pd.DataFrame
    regions: pd.Series  # ISO3 -> UNHCR region


def _total(inputs: ClaimInputs, year: int) -> float:
    return float(
        headline.forcibly_displaced(inputs.population, inputs.unrwa, inputs.idmc, year)[
            headline.TOTAL
        ]
    )


def _share_of_world(inputs: ClaimInputs, year: int) -> float:
    return 100 * _total(inputs, year) / float(inputs.world_population.loc[year])


def _hosting_table(inputs: ClaimInputs, year: int) -> pd.DataFrame:
    table, _, _ = hosting.hosting_table(
        inputs.population,
        inputs.unrwa,
        inputs.wb_population,
        inputs.gdp,
        inputs.income_groups,
        inputs.ldcs,
        year,
    )
    return table


def _in_region_of_origin(inputs: ClaimInputs, year: int) -> float:
    rows = inputs.population[inputs.population["year"] == year]
    origin = rows["coo_iso"].map(inputs.regions)
    host = rows["coa_iso"].map(inputs.regions)
    people = rows["refugees"].astype(float) + rows["oip"].fillna(0).astype(float)
    known = origin.notna() & host.notna()
    return float(100 * people[known & (origin == host)].sum() / people[known].sum())


def _displaced_in(inputs: ClaimInputs, year: int, hosts: tuple[str, ...]) -> float:
    table = headline.totals_for_hosts(inputs.population, inputs.unrwa, inputs.idmc, year, hosts)
    return float(table.loc["Total", headline.TOTAL])


def _focus_share(inputs: ClaimInputs, year: int) -> float:
    hosted = headline.hosted_by_country(inputs.population, year, ("refugees",), unrwa=inputs.unrwa)
    in_focus = hosted[hosted["iso3"].isin(LETTER_FOCUS)]["total"].sum()
    return float(100 * in_focus / hosted["total"].sum())


def _turkey_rank(inputs: ClaimInputs, year: int) -> float:
    ranked = headline.top_hosts(inputs.population, year, n=500)
    position = ranked.index[ranked["iso3"] == "TUR"]
    return float(position[0] + 1) if len(position) else float("nan")


def _protracted_mean(inputs: ClaimInputs, year: int) -> float:
    table = protracted.situations(inputs.population, year)
    return float(table["duration"].mean())


def _smallest_yearly_change(inputs: ClaimInputs, year: int) -> float:
    totals = [_total(inputs, y) for y in range(2015, year + 1)]
    return float(min(b - a for a, b in itertools.pairwise(totals)))


#: Check name in the ledger -> function(inputs, year) -> the claim's quantity that year.
CHECKS: dict[str, Callable[[ClaimInputs, int], float]] = {
    "forcibly_displaced_total": _total,
    "refugees_incl_unrwa": lambda i, y: float(
        sum(
            headline.forcibly_displaced(i.population, i.unrwa, i.idmc, y)[
                ["refugees", "unrwa_refugees"]
            ]
        )
    ),
    "idps_idmc": lambda i, y: float(
        headline.forcibly_displaced(i.population, i.unrwa, i.idmc, y)["idps"]
    ),
    "displaced_share_of_world": _share_of_world,
    "displaced_share_change_20_years": lambda i, y: (
        _share_of_world(i, y) - _share_of_world(i, y - 20)
    ),
    "displaced_change_since_2015": lambda i, y: _total(i, y) - _total(i, 2015),
    "hosted_in_region_of_origin": _in_region_of_origin,
    "lmic_share": lambda i, y: hosting.share_hosted(
        t := _hosting_table(i, y), t["is_low_or_middle"]
    ),
    "displaced_in_horn_of_africa": lambda i, y: _displaced_in(i, y, HORN_OF_AFRICA),
    "focus_share_of_refugees": _focus_share,
    "turkey_rank_as_host": _turkey_rank,
    "protracted_mean_duration": _protracted_mean,
    "smallest_yearly_change_since_2015": _smallest_yearly_change,
}


def reference_value(
    spec: str | None, figures: pd.DataFrame, amounts: pd.DataFrame
) -> tuple[float | None, str]:
    """Value and label of a reference: 'F108', 'A002' or 'ratio:F090/F085' (in %)."""
    if spec is None or pd.isna(spec):
        return None, ""
    match = re.fullmatch(r"ratio:(\w+)/(\w+)", spec)
    if match:
        top, _ = reference_value(match.group(1), figures, amounts)
        bottom, _ = reference_value(match.group(2), figures, amounts)
        return 100 * top / bottom, f"{match.group(1)} / {match.group(2)}"
    if spec.startswith("A"):
        return float(amounts.set_index("amount_id").loc[spec, "amount"]), spec
    return float(figures.loc[spec, "value"]), spec


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


def tally(assessed: pd.DataFrame, column: str = "then_verdict") -> dict[str, int]:
    counts = assessed[column].value_counts()
    return {v: int(counts.get(v, 0)) for v in (HOLDS, ROUGHLY, DOES_NOT_HOLD, NOT_CHECKABLE)}


NUMBER_IN_TEXT = re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)*(?:\s?(?:%|procent|miljoen|miljard|jaar))?")


def numbers_in_letter(text: str) -> list[str]:
    """Numbers written in the letter's body: lines that are only a footnote number or a
    web address are skipped, as are four-digit years."""
    found = []
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped or stripped.isdigit() or "http" in stripped:
            continue
        for token in NUMBER_IN_TEXT.findall(line):
            if re.fullmatch(r"(19|20)\d\d", token):
                continue
            found.append(token.strip())
    return found
