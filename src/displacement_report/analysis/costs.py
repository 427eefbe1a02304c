"""What reception costs, here and in the region: pure functions over the cited cost
figures (`data.costs`), the document figures (`data.documents`) and the UNHCR frames.

One rule holds throughout, in code and not only in words: rows of different units,
currencies, bases (per resident per year, per place per year, per day, ...), budget
stages or publication vintages are never added or divided. A function that is handed
such rows raises `MixedUnits` instead of returning a number. A euro amount meets a
dollar amount only through `to_usd`/`to_eur`, which convert at the ECB's annual average
reference rate of the amount's own year and return the rate used, so that every
converted figure can state it.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

import pandas as pd

from displacement_report.analysis import exchange, spending
from displacement_report.analysis.spending import Missing, single_year
from displacement_report.data import kinds

#: The budget stages of the ministry's line for COA, in the order a year passes them.
COA_STAGES = tuple(stage for stage in kinds.BUDGET_STAGES if stage != "budget_other")
#: Rank of a publication: a later one replaces an earlier one of the same figure.
VINTAGE_RANK = {"preliminary": 0, "as_published": 1, "revised": 2, "final": 3}
#: Bases that are a cost per person per year; the comparison takes no other.
PER_PERSON_YEAR = ("per_resident_year", "per_asylum_seeker_year")


class MixedUnits(ValueError):
    """Rows of different units, currencies, bases, stages or vintages were handed to a
    function that would add or divide them."""


def require_alike(rows: pd.DataFrame, columns: Sequence[str], what: str) -> None:
    """Raise MixedUnits unless every row has the same value in each of `columns`."""
    for column in columns:
        values = sorted(set(rows[column].dropna().astype(str)))
        if len(values) > 1:
            raise MixedUnits(f"{what}: rows differ in {column} ({', '.join(values)})")


def of_topic(costs: pd.DataFrame, topic: str) -> pd.DataFrame:
    rows = costs[costs["topic"] == topic]
    if rows.empty:  # a misspelt topic would otherwise give an empty table silently
        raise ValueError(f"no cost figures of topic {topic!r}")
    return rows


def up_to(rows: pd.DataFrame, year: int) -> pd.DataFrame:
    """The figures whose period ends in `year` or earlier."""
    return rows[rows["period_end"] <= year]


def best_vintage(rows: pd.DataFrame) -> pd.DataFrame:
    """Per year (and setting), the latest publication of a figure: final over revised
    over first publication over preliminary; a primary source before a secondary one."""
    if rows.empty:
        return rows
    ranked = rows.assign(
        _rank=rows["vintage"].map(VINTAGE_RANK),
        _primary=(rows["quality"] == "primary").astype(int),
    ).sort_values(["period_start", "_rank", "_primary"])
    keys = ["period_start", "setting"] if "setting" in rows else ["period_start"]
    keep = ranked.groupby(keys, dropna=False).tail(1)
    return keep.drop(columns=["_rank", "_primary"]).sort_values("period_start")


def yearly_series(rows: pd.DataFrame, what: str) -> pd.DataFrame:
    """One figure per year from single-year rows of one unit, basis and kind (the latest
    publication of each year): columns value, qualifier, vintage, cost_id, quality."""
    rows = single_year(rows)
    require_alike(rows, ("unit", "basis", "amount_kind", "setting"), what)
    best = best_vintage(rows)
    return best.set_index(best["period_start"].astype(int).rename("year"))[
        ["value", "unit", "qualifier", "vintage", "cost_id", "quality"]
    ]


def per_resident(costs: pd.DataFrame, until: int) -> pd.DataFrame:
    """COA's cost per registered resident per year (EUR, realised), regular and
    emergency reception side by side, for the years up to `until`."""
    rows = of_topic(costs, "nl_cost_per_person")
    rows = single_year(up_to(rows[rows["basis"] == "per_resident_year"], until))
    if rows.empty:
        return pd.DataFrame(columns=["regular", "emergency"], dtype=float).rename_axis("year")
    require_alike(rows, ("unit", "basis", "amount_kind"), "cost per resident")
    best = best_vintage(rows)
    table = best.pivot_table(
        index="period_start", columns="setting", values="value", aggfunc="first"
    )
    table = table.reindex(columns=["regular", "emergency"])
    table.index = table.index.astype(int)
    return table.rename_axis(index="year", columns=None)


def times(larger: float, smaller: float) -> float:
    """How many times `smaller` goes into `larger` (NaN without a positive `smaller`)."""
    return larger / smaller if smaller and smaller > 0 else float("nan")


def per_person_by_basis(costs: pd.DataFrame, until: int) -> dict[str, pd.DataFrame]:
    """Every figure of a cost per person or place up to `until`, one frame per basis (a
    cost per place is not a cost per person, a day is not a year)."""
    rows = up_to(of_topic(costs, "nl_cost_per_person"), until)
    return {
        str(basis): group.sort_values(["period_end", "period_start", "cost_id"])
        for basis, group in rows.groupby("basis", sort=False)
    }


def coa_totals(costs: pd.DataFrame, until: int) -> pd.DataFrame:
    """COA's own total costs of asylum reception per year (EUR, realised, nominal), the
    latest publication of each year."""
    rows = up_to(of_topic(costs, "coa_total"), until)
    return yearly_series(rows, "COA total costs")


def coa_budget_by_stage(costs: pd.DataFrame, until: int) -> pd.DataFrame:
    """The ministry's budget line for COA per year (rows) and stage (columns), EUR."""
    rows = single_year(up_to(of_topic(costs, "coa_budget_line"), until))
    rows = rows[rows["amount_kind"].isin(COA_STAGES)]
    if rows.empty:
        return pd.DataFrame(columns=list(COA_STAGES), dtype=float).rename_axis("year")
    require_alike(rows, ("unit", "basis"), "COA budget line")
    table = rows.pivot_table(
        index="period_start", columns="amount_kind", values="value", aggfunc="first"
    )
    table.index = table.index.astype(int)
    return table[[s for s in COA_STAGES if s in table.columns]].rename_axis(
        index="year", columns=None
    )


def first_year(
    costs: pd.DataFrame,
    topic: str,
    basis: str | None = None,
    kinds: Sequence[str] | None = None,
) -> int | None:
    """The first year a figure of `topic` (of `basis`, of `kinds`) is published for."""
    rows = of_topic(costs, topic)
    if basis is not None:
        rows = rows[rows["basis"] == basis]
    if kinds is not None:
        rows = rows[rows["amount_kind"].isin(list(kinds))]
    return int(rows["period_start"].min()) if len(rows) else None


def latest_year(years: Sequence[int] | pd.Index, until: int) -> int | None:
    """The report year if it is among `years`, else the latest earlier one (None if none)."""
    earlier = [int(y) for y in years if int(y) <= until]
    return max(earlier) if earlier else None


# --- shares ---------------------------------------------------------------------------


def share(part: pd.Series, whole: pd.Series) -> float:
    """`part` as a percentage of `whole`, two figure rows of the same currency, basis,
    kind, publication vintage and single year; anything else raises MixedUnits."""
    pair = pd.DataFrame([part, whole])
    require_alike(
        pair, ("unit", "basis", "amount_kind", "vintage", "period_start", "period_end"), "share"
    )
    if part["unit"] not in ("EUR", "USD"):
        raise MixedUnits(f"share: a share of amounts in {part['unit']} is not a money share")
    if not whole["value"]:
        return float("nan")
    return 100 * float(part["value"]) / float(whole["value"])


def dac_shares(costs: pd.DataFrame, until: int) -> pd.DataFrame:
    """All DAC donors' in-donor refugee costs as a share of their ODA, per year up to
    `until`: the published share (latest publication), and the share implied by the
    amount and total of the same release where both are known (`implied`). `shown` is
    the published share, or the implied one where none was published (`computed`)."""
    rows = up_to(single_year(costs[costs["geography"] == "DAC"]), until)
    money = rows[(rows["topic"] == "dac_in_donor") & (rows["basis"] == "total")]
    totals = rows[rows["topic"] == "dac_oda_total"]
    published = best_vintage(rows[rows["basis"] == "share_of_oda"])
    years = sorted(set(money["period_start"]) | set(published["period_start"]))
    records = []
    for year in years:
        implied = float("nan")
        for part in money[money["period_start"] == year].to_dict("records"):
            same = totals[(totals["period_start"] == year) & (totals["vintage"] == part["vintage"])]
            if len(same):
                implied = share(pd.Series(part), same.iloc[0])
        stated = published[published["period_start"] == year]
        value = float(stated["value"].iloc[0]) if len(stated) else float("nan")
        records.append(
            {
                "year": int(year),
                "published": value,
                "published_vintage": stated["vintage"].iloc[0] if len(stated) else None,
                "implied": implied,
                "shown": value if len(stated) else implied,
                "computed": not len(stated) and pd.notna(implied),
            }
        )
    columns = ["published", "published_vintage", "implied", "shown", "computed"]
    return pd.DataFrame(records, columns=["year", *columns]).set_index("year")


@dataclass(frozen=True)
class UnreconciledShare:
    """A year whose published share is not the ratio of the amounts shown beside it:
    the amounts (the latest publication of each) come from releases other than the
    share's, and no release gives both (`dac_shares`' implied share is NaN)."""

    year: int
    published: float
    ratio: float
    costs_vintage: str
    total_vintage: str


def unreconciled_shares(shares: pd.DataFrame, amounts: pd.DataFrame) -> list[UnreconciledShare]:
    """The years of `dac_shares` with a published share, no share implied by one
    release, and latest amounts (`dac_amounts`) whose ratio differs from the published
    share by more than the rounding of the three figures explains (share to 0.1
    point, amounts to USD 0.1 billion)."""
    found = []
    for year, row in shares.iterrows():
        if pd.isna(row["published"]) or pd.notna(row["implied"]):
            continue
        of_year = amounts[(amounts["period_start"] == year) & (amounts["basis"] == "total")]
        part = best_vintage(of_year[of_year["topic"] == "dac_in_donor"])
        whole = best_vintage(of_year[of_year["topic"] == "dac_oda_total"])
        if part.empty or whole.empty:
            continue
        cost, total = float(part["value"].iloc[-1]), float(whole["value"].iloc[-1])
        if not total:
            continue
        ratio = 100 * cost / total
        slack = 0.05 + ratio * (0.05e9 / cost + 0.05e9 / total)
        if abs(ratio - float(row["published"])) > slack:
            found.append(
                UnreconciledShare(
                    year=int(str(year)),
                    published=float(row["published"]),
                    ratio=ratio,
                    costs_vintage=str(part["vintage"].iloc[-1]),
                    total_vintage=str(whole["vintage"].iloc[-1]),
                )
            )
    return found


def dac_amounts(costs: pd.DataFrame, until: int) -> pd.DataFrame:
    """The DAC in-donor refugee costs and total ODA rows (USD) up to `until`, by year."""
    rows = up_to(costs[costs["geography"] == "DAC"], until)
    rows = rows[rows["unit"] == "USD"]
    require_alike(rows, ("unit",), "DAC amounts")
    return rows.sort_values(["period_start", "topic", "vintage"])


# --- currencies -----------------------------------------------------------------------

RateFor = Callable[[str, int], exchange.AnnualRate]


def to_usd(
    value: float, unit: str, year: int, rate_for: RateFor = exchange.annual_average
) -> tuple[float, exchange.AnnualRate | None]:
    """A money amount of `year` in US dollars, with the ECB annual average used (None
    when it already was in dollars). Anything but EUR or USD raises MixedUnits."""
    if unit == "USD":
        return value, None
    if unit != "EUR":
        raise MixedUnits(f"cannot express {unit} in US dollars")
    rate = rate_for("USD", year)
    return value * rate.rate, rate


def to_eur(
    value: float, unit: str, year: int, rate_for: RateFor = exchange.annual_average
) -> tuple[float, exchange.AnnualRate | None]:
    """A money amount of `year` in euros, with the ECB annual average used (None when it
    already was in euros). Anything but EUR or USD raises MixedUnits."""
    if unit == "EUR":
        return value, None
    if unit != "USD":
        raise MixedUnits(f"cannot express {unit} in euros")
    rate = rate_for("USD", year)
    return value / rate.rate, rate


# --- aid spent at home ----------------------------------------------------------------


def aid_at_home(
    costs: pd.DataFrame,
    amounts: pd.DataFrame,
    until: int,
    rate_for: RateFor = exchange.annual_average,
) -> pd.DataFrame:
    """Per year up to `until`: Dutch ODA counted for first-year asylum reception in the
    Netherlands (each figure in its own currency and kind, with a euro equivalent at the
    ECB annual average for dollar figures), the share of the aid budget where published,
    and beside them the reception-in-the-region line and the whole sub-article 4.2 of
    the development budget (EUR, by stage). Long format: one row per figure; nothing is
    added across rows."""
    records = []
    in_donor = up_to(of_topic(costs, "nl_oda_in_donor"), until)
    for row in in_donor.to_dict("records"):
        eur, rate = float("nan"), None
        if row["unit"] == "USD" and row["period_start"] == row["period_end"]:
            with contextlib.suppress(exchange.NoRate):
                eur, rate = to_eur(row["value"], "USD", int(row["period_start"]), rate_for)
        records.append(
            {
                "year": int(row["period_start"]),
                "year_end": int(row["period_end"]),
                "series": "share" if row["basis"] == "share_of_oda" else "in_donor",
                "value": row["value"],
                "unit": row["unit"],
                "basis": row["basis"],
                "kind": row["amount_kind"],
                "qualifier": row["qualifier"],
                "id": row["cost_id"],
                "eur": eur,
                "rate": rate,
            }
        )
    for series, topic in (("oir_line", spending.OIR_LINE), ("art42", spending.ART_42)):
        rows = spending.single_year(spending.of_topics(amounts, topic))
        rows = rows[(rows["reference_id"] != "letter") & (rows["period_end"] <= until)]
        for row in rows.to_dict("records"):
            records.append(
                {
                    "year": int(row["period_start"]),
                    "year_end": int(row["period_end"]),
                    "series": series,
                    "value": row["amount"],
                    "unit": row["unit"],
                    "basis": "total",
                    "kind": row["amount_kind"],
                    "qualifier": row["qualifier"],
                    "id": row["amount_id"],
                    "eur": float("nan"),
                    "rate": None,
                }
            )
    columns = [
        "year",
        "year_end",
        "series",
        "value",
        "unit",
        "basis",
        "kind",
        "qualifier",
        "id",
        "eur",
        "rate",
    ]
    return pd.DataFrame(records, columns=columns).sort_values(["year", "series", "id"])


# --- the comparison the debate makes --------------------------------------------------


@dataclass(frozen=True)
class DutchCost:
    """One Dutch cost per person per year, as published (`setting`: regular, emergency,
    ..., all; `period` and `period_nl`: the period as the source and the Dutch edition
    write it, 'c. 2019' and 'ca. 2019')."""

    setting: str
    value: float
    unit: str
    basis: str
    kind: str
    period: str
    year: int
    cost_id: str
    quality: str
    period_nl: str = ""


def nearest_year(years: Iterable[int], until: int, near: int) -> int | None:
    """Of `years` up to `until`, the one nearest to `near` (the earlier one on a tie)."""
    allowed = sorted(int(y) for y in years if int(y) <= until)
    if not allowed:
        return None
    return min(allowed, key=lambda y: (abs(y - near), y))


def comparison_costs(costs: pd.DataFrame, year: int, near: int | None = None) -> list[DutchCost]:
    """The Dutch costs per person per year to set against the region's budget of year
    `near` (default `year`): COA's cost per registered resident in regular and in
    emergency reception, and the government estimate per asylum seeker per year, each of
    the year up to `year` nearest to `near`. Empty if none is published up to `year`."""
    near = year if near is None else near
    rows = up_to(of_topic(costs, "nl_cost_per_person"), year)
    chosen = []
    residents = single_year(rows[rows["basis"] == "per_resident_year"])
    picked = nearest_year(residents["period_start"], year, near)
    if picked is not None:
        newest = best_vintage(residents[residents["period_start"] == picked])
        for setting in ("regular", "emergency"):
            chosen += newest[newest["setting"] == setting].to_dict("records")
    estimates = rows[rows["basis"] == "per_asylum_seeker_year"]
    picked = nearest_year(estimates["period_end"], year, near)
    if picked is not None:
        same = estimates[estimates["period_end"] == picked].sort_values("cost_id")
        chosen.append(same.iloc[-1].to_dict())
    return [
        DutchCost(
            setting=row["setting"],
            value=float(row["value"]),
            unit=row["unit"],
            basis=row["basis"],
            kind=row["amount_kind"],
            period=str(row["period"]),
            year=int(row["period_end"]),
            cost_id=row["cost_id"],
            quality=row["quality"],
            period_nl=str(row.get("period_nl", row["period"])),
        )
        for row in chosen
    ]


#: Published counts of people reached by the reception-in-the-region programmes (rows of
#: data/spending/results.csv): one count of distinct people, three counts by domain
#: that may overlap (so their sum is at least the number of distinct people, and the
#: budget per person it gives at most the true one; the table says so), and the
#: letter's own count of children and young people in education (mid-2017 to mid-2020).
#: A count divides a budget only where its period covers the budget's year
#: (`region_per_person`); the others are named, not divided (`other_period`).
REACHED = (
    ("R004",),
    ("R005", "R006", "R007"),
    ("R001",),
)


@dataclass(frozen=True)
class Reached:
    result_ids: tuple[str, ...]
    people: float
    start: int
    end: int
    may_overlap: bool
    qualifier: str = "exact"  # a single count's 'more_than', 'about'; a sum's 'exact'

    def covers(self, year: int) -> bool:
        """Whether the count's period (mid-`start` to mid-`end`) includes part of `year`."""
        return self.start <= year <= self.end


def other_period(reached: Sequence[Reached], budget_year: int | None) -> list[Reached]:
    """The counts of people reached whose period does not cover the budget's year: a
    budget of one year divided by people reached in other years is no amount per
    person, so `region_per_person` leaves them out and the text names them."""
    if budget_year is None:
        return []
    return [count for count in reached if not count.covers(budget_year)]


def people_reached(results: pd.DataFrame, until: int, groups=REACHED) -> list[Reached]:
    """The published counts of people reached, each group summed only when its rows
    share unit, period and scope (else MixedUnits), for periods ending up to `until`."""
    found = []
    for ids in groups:
        rows = results[results["result_id"].isin(ids)]
        if len(rows) != len(ids):
            raise ValueError(f"results {ids} are not all in the data")
        require_alike(
            rows, ("unit", "period_start", "period_end", "scope", "is_target"), "people reached"
        )
        if rows["is_target"].any():
            raise MixedUnits("people reached: a target is not a result")
        if int(rows["period_end"].iloc[0]) > until:
            continue
        found.append(
            Reached(
                result_ids=tuple(ids),
                people=float(rows["value"].sum()),
                start=int(rows["period_start"].iloc[0]),
                end=int(rows["period_end"].iloc[0]),
                may_overlap=len(ids) > 1,
                qualifier=str(rows["qualifier"].iloc[0]) if len(ids) == 1 else "exact",
            )
        )
    return found


def region_per_person(
    budget: pd.Series, hosted: pd.DataFrame, reached: Sequence[Reached], year: int
) -> tuple[pd.DataFrame, int | None]:
    """The reception-in-the-region budget (EUR a year, `spending.budget_for_ratios`) per
    person under several denominators, for the latest budget year up to `year`:
    refugees hosted in the focus countries (`spending.hosted_in`), refugees plus
    asylum-seekers, those plus Palestine refugees under UNRWA's mandate, and each count of
    people reached whose period covers the budget's year (a budget is divided only by
    people of its own period; `other_period` lists the rest). The first row is
    `spending.eur_per_person`'s own ratio. When the
    people were counted: `counted` is "end_of_year" (at the end of `counted_end`) or
    "mid_year" (from the middle of `counted_start` to the middle of `counted_end`).
    Returns the table and the budget year (None without a budget up to `year`)."""
    columns = [
        "denominator",
        "people",
        "counted",
        "counted_start",
        "counted_end",
        "eur",
        "eur_per_person",
    ]
    budget_year = latest_year(budget.dropna().index, year)
    if budget_year is None:
        return pd.DataFrame(columns=columns), None
    eur = float(budget.loc[budget_year])
    rows = []
    if budget_year in hosted.index:
        per_person = spending.eur_per_person(budget.loc[[budget_year]], hosted)
        hosted_then = hosted.loc[budget_year]
        assert isinstance(hosted_then, pd.Series)  # one row per year
        counts = hosted_then.astype(float)
        end = ("end_of_year", budget_year, budget_year)
        # the spending chapter's own ratios (table 6.1), one per count of people hosted
        for name, groups in spending.PER_PERSON_GROUPS.items():
            people = float(sum(counts[g] for g in groups))
            rows.append((name, people, end, per_person[f"eur_per_{name}"].loc[budget_year]))
    for count in reached:
        if not count.covers(budget_year):
            continue
        name = "reached_" + "_".join(count.result_ids)
        when = ("mid_year", count.start, count.end)
        rows.append(
            (name, count.people, when, eur / count.people if count.people else float("nan"))
        )
    table = pd.DataFrame(
        [(name, people, *when, eur, ratio) for name, people, when, ratio in rows], columns=columns
    )
    return table, budget_year


def region_budget_rows(amounts: pd.DataFrame, year: int) -> pd.DataFrame:
    """The document figures behind the region's budget of `year`: the line's figures of
    that year, or the letter's stated yearly amount where the line is not public."""
    line = spending.single_year(spending.of_topics(amounts, spending.OIR_LINE))
    own = line[(line["period_start"] == year) & (line["reference_id"] != "letter")]
    return own if len(own) else line[line["reference_id"] == "letter"]


def region_budget_stage(amounts: pd.DataFrame, year: int) -> str | None:
    """Which stage the region's budget of `year` (`spending.budget_for_ratios`) is; None
    where it is the yearly amount the letter states."""
    line = spending.budget_by_stage(amounts, spending.OIR_LINE)
    if year in line.index:
        return str(line.loc[year].dropna().index[-1])
    return None


def sensitivity(dutch: Sequence[DutchCost], region: pd.DataFrame) -> pd.DataFrame:
    """Dutch cost per person per year divided by the region's budget per person, one row
    per denominator and one column per Dutch figure (by cost id). Both sides must be EUR
    per person per year; a Dutch cost per place, per day, per month or per stay, or in
    another currency, raises MixedUnits. The ratio sets a realised (or estimated) cost of
    full reception against a budget contribution: what it means is the caller's text."""
    for cost in dutch:
        if cost.unit != "EUR":
            raise MixedUnits(f"{cost.cost_id}: the region's budget is in EUR, not {cost.unit}")
        if cost.basis not in PER_PERSON_YEAR:
            raise MixedUnits(
                f"{cost.cost_id}: a cost {cost.basis.replace('_', ' ')} is not a cost per "
                "person per year"
            )
    table = region.set_index("denominator")[["eur_per_person"]].copy()
    for cost in dutch:
        table[cost.cost_id] = cost.value / table["eur_per_person"].astype(float)
    return table


# --- Dutch money against the appeals it answers ---------------------------------------

#: Dutch amounts (data/spending/amounts.csv) and the appeal requirement each answers,
#: with what the pair compares (`present.tables.reception_costs.APPEAL_RELATIONS` says it
#: in words). Only pairs of the same year.
APPEAL_PAIRS = (
    ("A046", "A096", "contribution_to_appeal"),
    ("A056", "A103", "pledge_to_unhcr"),
    ("A002", "A093", "whole_line_upper_bound"),
)


@dataclass(frozen=True)
class AppealShare:
    dutch_id: str
    need_id: str
    year: int
    dutch: float
    dutch_unit: str
    dutch_kind: str
    rate: exchange.AnnualRate | None
    dutch_usd: float
    requirement_usd: float
    relation: str

    @property
    def percent(self) -> float:
        return 100 * self.dutch_usd / self.requirement_usd


def appeal_shares(
    amounts: pd.DataFrame,
    until: int,
    pairs=APPEAL_PAIRS,
    rate_for: RateFor = exchange.annual_average,
) -> list[AppealShare]:
    """Each Dutch amount as a share of the appeal requirement it answers, in US dollars:
    a euro amount converted at the ECB annual average of its own year. The pair must be
    a single year, the same year on both sides, and the need a requirement in USD; a
    pair that is not raises MixedUnits. Pairs after `until` are left out."""
    table = amounts.set_index("amount_id")
    found = []
    for dutch_id, need_id, relation in pairs:
        dutch, need = table.loc[dutch_id], table.loc[need_id]
        if need["amount_kind"] != "requirement" or need["unit"] != "USD":
            raise MixedUnits(f"{need_id} is not an appeal requirement in USD")
        if dutch["amount_kind"] == "requirement":
            raise MixedUnits(f"{dutch_id} is a requirement, not Dutch money")
        years = {
            dutch["period_start"],
            dutch["period_end"],
            need["period_start"],
            need["period_end"],
        }
        if len(years) != 1:
            raise MixedUnits(f"{dutch_id} and {need_id} do not cover one and the same year")
        year = int(need["period_start"])
        if year > until:
            continue
        usd, rate = to_usd(float(dutch["amount"]), dutch["unit"], year, rate_for)
        found.append(
            AppealShare(
                dutch_id=dutch_id,
                need_id=need_id,
                year=year,
                dutch=float(dutch["amount"]),
                dutch_unit=dutch["unit"],
                dutch_kind=dutch["amount_kind"],
                rate=rate,
                dutch_usd=usd,
                requirement_usd=float(need["amount"]),
                relation=relation,
            )
        )
    return found


# --- what is not published ------------------------------------------------------------


def missing_years(years: Sequence[int], first: int, last: int) -> list[int]:
    return [y for y in range(first, last + 1) if y not in set(years)]


def missing_figures(  # noqa: C901 - a flat list of independent checks
    costs: pd.DataFrame, amounts: pd.DataFrame, until: int
) -> list[Missing]:
    """What the public record in the data does not provide, up to `until`: realised
    spending of the reception-in-the-region line (`oir_line_realised`), COA's cost per
    resident (`per_resident`, published only later), years of COA's total costs
    (`coa_total`), a realised COA budget line from a primary source (`coa_line_realised`),
    a realised euro amount of ODA counted for asylum reception (`aid_at_home_eur_realised`)
    and years of that ODA (`aid_at_home`)."""
    found = []
    line = spending.budget_by_stage(amounts, spending.OIR_LINE)
    if "realisation" not in line.columns or line["realisation"].dropna().empty:
        found.append(Missing("oir_line_realised"))
    per_resident_years = sorted(
        set(
            of_topic(costs, "nl_cost_per_person")
            .query("basis == 'per_resident_year'")["period_start"]
            .astype(int)
        )
    )
    if per_resident_years and per_resident_years[0] > until:
        found.append(Missing("per_resident", first=per_resident_years[0], until=until))
    totals = single_year(of_topic(costs, "coa_total"))["period_start"].astype(int)
    if len(totals) and totals.min() <= until:
        missing = missing_years(list(totals), int(totals.min()), min(int(totals.max()), until))
        if missing:
            found.append(Missing("coa_total", tuple(missing)))
    coa_line = of_topic(costs, "coa_budget_line")
    realised = coa_line[
        (coa_line["amount_kind"] == "realisation") & (coa_line["quality"] == "primary")
    ]
    if realised.empty:
        found.append(Missing("coa_line_realised"))
    in_donor = of_topic(costs, "nl_oda_in_donor")
    eur_realised = in_donor[
        (in_donor["unit"] == "EUR") & (in_donor["amount_kind"] == "realisation")
    ]
    if eur_realised.empty:
        found.append(Missing("aid_at_home_eur_realised"))
    money = single_year(in_donor[in_donor["basis"] == "total"])["period_start"].astype(int)
    if len(money) and money.min() <= until:
        missing = missing_years(list(money), int(money.min()), min(int(money.max()), until))
        if missing:
            found.append(Missing("aid_at_home", tuple(missing)))
    return found
