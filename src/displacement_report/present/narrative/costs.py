"""Sentences and chart titles of the chapter 'What reception costs, here and in the
region'. Every number is computed from the cited figures; every figure's year is
stated, and a year other than the report year is said to be one."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from displacement_report import letter
from displacement_report.analysis import costs
from displacement_report.present.format import count, escape_markdown, in_millions
from displacement_report.present.tables.costs import money

SETTING_LABELS = {"regular": "Regular reception", "emergency": "Emergency reception (noodopvang)"}
COA_STAGE_LABELS = {k: v for k, v in costs.COA_STAGES.items() if k != "realisation"}


def _eur(value: float) -> str:
    return f"EUR {count(value)}"


def _eur_million(value: float) -> str:
    return f"EUR {in_millions(value, 0)} million"


def _which_year(found: int, report_year: int) -> str:
    """'' when the figure is of the report year, else a clause saying it is not."""
    if found == report_year:
        return ""
    return f" (no figure was found for {report_year}; {found} is the latest year before it)"


def units_paragraph() -> str:
    return (
        "Published figures of what a person in Dutch asylum reception costs come in five "
        "different units, and they are not interchangeable. COA's own figure is a cost **per "
        "registered resident per year**, from its annual accounts. Ministers and answers to "
        "parliament also give a cost **per place per year**, which counts a place whether it "
        "is occupied or empty; a cost **per day**; a cost price **per month** that the "
        "ministry pays COA; and a cost **per whole stay**. A cost per place is not a cost per "
        "person, and a day times 365 is not an annual account. Each unit below has its own "
        "table; no figure is converted into another unit. All amounts are in euros at the "
        "prices of their own year (nominal)."
    )


def _sentence(label: str) -> str:
    """A table label inside a sentence: first letter lower case ('Regular' -> 'regular')."""
    return label[:1].lower() + label[1:]


def _none_until(what: str, report_year: int, first: int | None) -> str:
    later = f"; the first one found is for {first}" if first is not None else ""
    return f"No figure of {what} was found for {report_year} or any earlier year{later}."


def per_resident_paragraph(table: pd.DataFrame, report_year: int, first: int | None) -> str:
    """What COA's cost per resident says for the report year, or that it does not exist."""
    if table.empty:
        return _none_until("COA's cost per registered resident", report_year, first)
    year = int(table.index.max())
    row = table.loc[year]
    assert isinstance(row, pd.Series)  # one row per year
    text = (
        f"In {year}{_which_year(year, report_year)}, reception of one registered resident "
        f"for a year cost COA on average **{_eur(row['regular'])} in regular reception** and "
        f"**{_eur(row['emergency'])} in emergency reception** (hotels, halls, ships, tents), "
        f"{costs.times(row['emergency'], row['regular']):.1f} times as much "
        "(@fig:cost_per_resident)."
    )
    if len(table) > 1:
        first = int(table.index.min())
        text += (
            f" In {first} the figures were {_eur(table['regular'].loc[first])} and "
            f"{_eur(table['emergency'].loc[first])}. Prices are nominal: part of the rise is "
            "inflation."
        )
    return text


def per_resident_title(table: pd.DataFrame) -> str:
    year = int(table.index.max())
    row = table.loc[year]
    assert isinstance(row, pd.Series)  # one row per year
    return (
        "COA cost per registered resident per year, EUR (nominal): emergency reception "
        f"{costs.times(row['emergency'], row['regular']):.1f} times regular in {year}"
    )


def _total(series: pd.DataFrame, year: int) -> str:
    return money(series["value"].loc[year], series["unit"].loc[year], series["qualifier"].loc[year])


def coa_totals_paragraph(
    series: pd.DataFrame, rows: pd.DataFrame, report_year: int, first_found: int | None
) -> str:
    if series.empty:
        return _none_until("COA's total costs", report_year, first_found)
    last = int(series.index.max())
    first = int(series.index.min())
    text = (
        f"COA's total costs of asylum reception, as its annual reports give them, were "
        f"{_total(series, last)} in {last}{_which_year(last, report_year)}"
    )
    if first != last:
        text += f", against {_total(series, first)} in {first}"
    text += " (@fig:coa_total_costs, @tab:coa_total_costs_table)."
    restated = sorted(set(rows.loc[rows["vintage"] == "revised", "period_start"].astype(int)))
    if restated:
        text += (
            " COA restated " + ", ".join(map(str, restated)) + " a year later; the restated "
            "figure is used and the first one listed beside it."
        )
    return text + (
        " These are COA's own costs; the ministry's budget line for COA, below, is a different "
        "measure, and a budget stage is not spending."
    )


def coa_totals_title(series: pd.DataFrame) -> str:
    first, last = int(series.index.min()), int(series.index.max())
    if first == last:
        return f"COA total costs of asylum reception, EUR million (nominal), {last}"
    return (
        f"COA total costs of asylum reception, EUR million (nominal): "
        f"{in_millions(series.loc[first, 'value'], 0)} in {first}, "
        f"{in_millions(series.loc[last, 'value'], 0)} in {last}"
    )


def coa_budget_paragraph(stages: pd.DataFrame, report_year: int, first: int | None) -> str:
    budget = stages.drop(columns="realisation", errors="ignore").dropna(how="all")
    if budget.empty:
        return _none_until("the ministry's budget line for COA by budget stage", report_year, first)
    year = int(budget.index.max())
    row = budget.loc[year]
    assert isinstance(row, pd.Series)  # one row per year
    known = row.dropna()
    first_stage, last_stage = known.index[0], known.index[-1]
    text = (
        f"The Ministry of Justice and Security's budget line for its contribution to COA "
        f"(article 37.2) stood for {year}{_which_year(year, report_year)} at "
        f"{_eur_million(known.iloc[0])} in the {COA_STAGE_LABELS[first_stage].lower()}"
    )
    if last_stage != first_stage:
        text += (
            f" and {_eur_million(known.iloc[-1])} after the "
            f"{COA_STAGE_LABELS[last_stage].lower()} "
            f"({costs.times(known.iloc[-1], known.iloc[0]):.1f} times the first figure)"
        )
    text += (
        " (@fig:coa_budget_line). Each bar is a budget stage, not money spent: the only "
        "realised series found, article 37 as a whole, also pays for the IND, guardianship "
        "of unaccompanied minors, return and, from 2022, the reception of displaced people "
        "from Ukraine."
    )
    return text


def coa_budget_title(stages: pd.DataFrame) -> str:
    first, last = int(stages.index.min()), int(stages.index.max())
    return (
        f"Ministry's budget line for COA, EUR million by budget stage, {first}–{last} "
        "(budget, not spending)"
    )


def twelve_month_rule(rules: pd.DataFrame) -> str:
    """The DAC rule in one sentence, its two numbers from the cited figures."""
    since = int(rules.loc[rules["unit"] == "year", "value"].iloc[0])
    months = int(rules.loc[rules["unit"] == "months", "value"].iloc[0])
    return (
        f"Since {since} the OECD's Development Assistance Committee (DAC) has let donors "
        f"count as official development assistance (ODA) what they spend on refugees and "
        f"asylum seekers in their own country during the first {months} months after "
        "arrival, a rule it reaffirmed in 2017; costs after those months are not ODA. This "
        "money pays for reception in the donor country and never reaches a developing one."
    )


def aid_at_home_paragraph(long: pd.DataFrame, report_year: int, first: int | None) -> str:
    money_rows = long[long["series"] == "in_donor"]
    if money_rows.empty:
        return _none_until("Dutch ODA counted for first-year asylum reception", report_year, first)
    latest = money_rows[money_rows["year"] == money_rows["year"].max()].iloc[-1]
    year = int(latest["year"])
    kind = costs.KIND_LABELS[latest["kind"]]
    text = (
        f"The Netherlands counts part of what first-year asylum reception costs as ODA. "
        f"The latest figure up to {report_year} is for {year}"
        f"{'' if year == report_year else ' (none was found for ' + str(report_year) + ')'}: "
        f"{money(latest['value'], latest['unit'], latest['qualifier'])}, {kind}."
    )
    shares = long[long["series"] == "share"]
    if len(shares):
        parts = [
            f"{r['value']:g}% in {r['year']}"
            + ("" if r["year"] == r["year_end"] else f"–{r['year_end']}")
            + f" ({costs.KIND_LABELS[r['kind']]})"
            for r in shares.to_dict("records")
        ]
        text += " Its published share of the Dutch aid budget: " + "; ".join(parts) + "."
    line = long[long["series"] == "oir_line"]
    if len(line):
        years = sorted(set(line["year"]))
        text += (
            " The reception-in-the-region line is public for "
            + ", ".join(map(str, years))
            + " only, so the two stand side by side for those years alone (@tab:aid_at_home);"
            " dollar figures are also shown in euros at the ECB's annual average rate, with "
            "the rate."
        )
    else:
        text += (
            f" The reception-in-the-region line has no public figure for {report_year} or "
            "earlier, so nothing can be set beside it (@tab:aid_at_home)."
        )
    return text


def dac_paragraph(shares: pd.DataFrame, report_year: int, first_found: int | None) -> str:
    if shares.empty:
        return _none_until("all DAC donors' in-donor refugee costs", report_year, first_found)
    year = int(shares.index.max())
    first = int(shares.index.min())
    shown = shares["shown"]
    peak = int(shown.index[int(shown.argmax())])  # the year of the highest share
    text = (
        f"Across all DAC donors, in-donor refugee costs were {shown.loc[year]:.1f}% of their "
        f"ODA in {year}{_which_year(year, report_year)}, against {shown.loc[first]:.1f}% in "
        f"{first}"
        + (
            f"; the highest share in the years found is {shown.loc[peak]:.1f}% ({peak})"
            if peak != year
            else ""
        )
        + " (@fig:dac_in_donor_share). The OECD publishes a preliminary share each April and "
        "revises it a year later; the latest publication is shown."
    )
    computed = shares.index[shares["computed"].astype(bool)]
    if len(computed):
        text += (
            " No share was found for "
            + ", ".join(map(str, computed))
            + ", so it is computed from the amount and total of the same OECD release "
            "(hollow marker)."
        )
    return text


def dac_title(shares: pd.DataFrame) -> str:
    first, last = int(shares.index.min()), int(shares.index.max())
    return (
        f"All DAC donors: in-donor refugee costs as % of their ODA, "
        f"{shares['shown'].loc[first]:.1f}% in {first}, {shares['shown'].loc[last]:.1f}% "
        f"in {last}"
    )


NOT_THE_SAME_COST = (
    "The two amounts compared below are not the same kind of cost. A cost per resident in "
    "Dutch reception is what the Dutch state pays for **all** of a person's reception: "
    "housing, food and living allowance, health care, guidance and staff, for as long as "
    "the person stays. The reception-in-the-region budget per person is **a Dutch "
    "contribution** to the reception of refugees who are housed, schooled and treated "
    "mainly by their host governments, by UN agencies such as UNHCR, UNICEF and WFP, and "
    "with money from many other donors. Dividing it by the refugees in the focus countries "
    "gives the Dutch share per refugee, not what a refugee's reception there costs; "
    "dividing it by the people the programmes reached gives money per person reached, "
    "which differs again. The Dutch figures are also costs that were realised or "
    "estimated, while the region's figure is a budget; they are of different years, and "
    "both in nominal euros."
)


def comparison_paragraph(
    dutch: Sequence[costs.DutchCost],
    region: pd.DataFrame,
    ratios: pd.DataFrame,
    budget_year: int | None,
    budget_stage: str,
    report_year: int,
    focus: Sequence[str] = letter.FOCUS_COUNTRIES,
) -> str:
    """The comparison as the debate makes it, with the range the denominators give and
    what the ratio can and cannot support."""
    if budget_year is None:
        return (
            f"The comparison cannot be made for {report_year}: no budget figure of the "
            f"reception-in-the-region line is public for {report_year} or any earlier year."
        )
    if not dutch:
        return (
            f"The comparison cannot be made for {report_year}: no Dutch cost per person per "
            f"year is published for {report_year} or any earlier year."
        )
    eur = float(region["eur"].iloc[0])
    per = region.set_index("denominator")["eur_per_person"].astype(float)
    stacked = ratios.drop(columns="eur_per_person").stack()
    low, high = stacked.min(), stacked.max()
    chosen = (
        ""
        if sorted(focus) == sorted(letter.FOCUS_COUNTRIES)
        else " (the line funds the letter's eight focus countries; here it is divided by the "
        "refugees in the focus countries chosen for this report, " + ", ".join(focus) + ")"
    )
    text = (
        f"The region's side is the reception-in-the-region line of {budget_year}: "
        f"EUR {in_millions(eur)} million, {budget_stage}"
        f"{_which_year(budget_year, report_year)}. "
        f"Divided by the refugees hosted in the focus countries{chosen} it comes to "
        f"{_eur(per.iloc[0])} per refugee a year; divided by "
        f"the people the programmes reported reaching, to as much as {_eur(per.max())}. "
        "Against these stand the Dutch costs per person per year: "
        + "; ".join(f"{_sentence(c.label)}, {_eur(c.value)}" for c in dutch)
        + ". Depending on the denominator and the Dutch figure, the Dutch cost per person is "
        f"**{count(low)} to {count(high)} times** the region's budget per person "
        "(@tab:cost_comparison)."
    )
    if any(c.year != budget_year for c in dutch):
        text += (
            f" No Dutch cost per person per year was found for {budget_year} itself; the "
            "figures used are those nearest to it."
        )
    text += (
        " What the ratio can support: the Dutch contribution per refugee in the region is "
        "a very small fraction of what a year of reception in the Netherlands costs the Dutch "
        "state. What it cannot support: that reception in the region is that many times "
        "*cheaper*. The region's full cost per refugee, borne mostly by host countries, UN "
        "agencies and other donors, is not in these figures, and the ratio moves by a factor "
        f"of {count(high / low)} with the choice of denominator alone."
    )
    return text


def appeals_paragraph(shares: Sequence[costs.AppealShare], report_year: int) -> str:
    if not shares:
        return (
            f"No Dutch amount and appeal requirement of the same year are in the figures "
            f"for {report_year} or earlier, so no share of an appeal can be computed."
        )
    parts = [
        f"{s.year}: {s.percent:.2f}% ({s.dutch_id} of {s.need_id})"
        for s in sorted(shares, key=lambda s: s.year)
    ]
    return (
        "Appeals are set in US dollars, Dutch budgets in euros. Where a Dutch amount and the "
        "appeal it answers are of the same year, the euro amount is converted at the European "
        "Central Bank's average reference rate of that year, stated in the table, and never "
        "silently: "
        + "; ".join(parts)
        + " (@tab:appeal_shares). Each pair says what it compares; the whole "
        "reception-in-the-region line against the Syria appeal overstates the Dutch share, "
        "because the line also funds other regions."
    )


def gaps_markdown(found: list[str]) -> str:
    return "\n".join(f"- {escape_markdown(line)}" for line in found) or "- None found."
