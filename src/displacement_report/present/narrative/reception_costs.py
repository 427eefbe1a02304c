"""Sentences and chart titles of the chapter 'What reception costs, here and in the
region'. Every number is computed from the cited figures; every figure's year is
stated, and a year other than the report year is said to be one."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
from babel.lists import format_list
from babel.numbers import format_percent

from displacement_report import i18n, letter
from displacement_report.analysis import costs
from displacement_report.i18n import N_, _
from displacement_report.present.format import (
    bullet_list,
    count,
    in_millions,
    label_in_sentence,
    money_digits,
    one_decimal,
    percent,
    qualified,
    whole_amount,
    year_list,
)
from displacement_report.present.format import money as money_amount
from displacement_report.present.tables.reception_costs import (
    VINTAGE_LABELS,
    cost_label,
    counted,
    money,
)
from displacement_report.present.vocabulary import (
    kind_label,
    setting_legends,
    stage_name,
    stage_names,
)

#: 'No figure of ... was found', one whole sentence per subject; {later} is '' or the
#: clause naming the first year found.
NONE_FOUND = {
    "per_resident": N_(
        "No figure of COA's cost per registered resident was found for {year} or any "
        "earlier year{later}."
    ),
    "coa_total": N_(
        "No figure of COA's total costs was found for {year} or any earlier year{later}."
    ),
    "coa_budget": N_(
        "No figure of the ministry's budget line for COA by budget stage was found for {year} "
        "or any earlier year{later}."
    ),
    "aid_at_home": N_(
        "No figure of Dutch ODA counted for first-year asylum reception was found for {year} "
        "or any earlier year{later}."
    ),
    "dac": N_(
        "No figure of all DAC donors' in-donor refugee costs was found for {year} or any "
        "earlier year{later}."
    ),
}


def setting_labels() -> dict[str, str]:
    """The chart's names of the two reception settings, in the active language."""
    return setting_legends()


def coa_stage_labels() -> dict[str, str]:
    """The chart's names of the COA line's budget stages, in the active language."""
    return stage_names(stage for stage in costs.COA_STAGES if stage != "realisation")


def _eur(value: float) -> str:
    """Whole euros: 'EUR 27,100', 'EUR 22' ('€ 27.100', '€ 22')."""
    return whole_amount(value, "EUR")


def _eur_million(value: float, digits: int | None = None) -> str:
    """'EUR 135.5 million', 'EUR 2.8 billion' ('€ 135,5 miljoen', '€ 2,8 miljard')."""
    return money_amount(value, "EUR", digits)


def _times(larger: float, smaller: float) -> str:
    """How many times, to one decimal ('2.3', '2,3')."""
    return one_decimal(costs.times(larger, smaller))


def _share(value: float) -> str:
    """A published share as written ('18%', '9.2%'; '9,2%')."""
    return format_percent(value / 100, format="#,##0.##%", locale=i18n.locale_code())


def _which_year(found: int, report_year: int) -> str:
    """'' when the figure is of the report year, else a clause saying it is not."""
    if found == report_year:
        return ""
    return " " + _(
        "(no figure was found for {report_year}; {year} is the latest year before it)"
    ).format(report_year=report_year, year=found)


def _sentences(*parts: str) -> str:
    return " ".join(p for p in parts if p)


def units_paragraph() -> str:
    return _(
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
    """A table label inside a sentence: first letter lower case ('Regular' -> 'regular'),
    but not of an abbreviation or a name ('COA', 'Dutch'): `format.label_in_sentence`."""
    return label_in_sentence(label)


def _none_until(what: str, report_year: int, first: int | None) -> str:
    later = _("; the first one found is for {year}").format(year=first) if first is not None else ""
    return _(NONE_FOUND[what]).format(year=report_year, later=later)


def per_resident_paragraph(table: pd.DataFrame, report_year: int, first: int | None) -> str:
    """What COA's cost per resident says for the report year, or that it does not exist."""
    if table.empty:
        return _none_until("per_resident", report_year, first)
    year = int(table.index.max())
    row = table.loc[year]
    assert isinstance(row, pd.Series)  # one row per year
    text = _(
        "In {year}{which}, reception of one registered resident for a year cost COA on "
        "average **{regular} in regular reception** and **{emergency} in emergency "
        "reception** (hotels, halls, ships, tents), {times} times as much "
        "(@fig:cost_per_resident)."
    ).format(
        year=year,
        which=_which_year(year, report_year),
        regular=_eur(row["regular"]),
        emergency=_eur(row["emergency"]),
        times=_times(row["emergency"], row["regular"]),
    )
    if len(table) > 1:
        first = int(table.index.min())
        text = _sentences(
            text,
            _(
                "In {year} the figures were {regular} and {emergency}. Prices are nominal: "
                "part of the rise is inflation."
            ).format(
                year=first,
                regular=_eur(table["regular"].loc[first]),
                emergency=_eur(table["emergency"].loc[first]),
            ),
        )
    return text


def per_resident_title(table: pd.DataFrame) -> str:
    year = int(table.index.max())
    row = table.loc[year]
    assert isinstance(row, pd.Series)  # one row per year
    return _(
        "COA cost per registered resident per year, EUR (nominal): emergency reception "
        "{times} times regular in {year}"
    ).format(times=_times(row["emergency"], row["regular"]), year=year)


def _total(series: pd.DataFrame, year: int) -> str:
    return money(series["value"].loc[year], series["unit"].loc[year], series["qualifier"].loc[year])


def coa_totals_paragraph(
    series: pd.DataFrame, rows: pd.DataFrame, report_year: int, first_found: int | None
) -> str:
    if series.empty:
        return _none_until("coa_total", report_year, first_found)
    last = int(series.index.max())
    first = int(series.index.min())
    if first == last:
        text = _(
            "COA's total costs of asylum reception, as its annual reports give them, were "
            "{amount} in {year}{which} (@fig:coa_total_costs, @tab:coa_total_costs_table)."
        ).format(amount=_total(series, last), year=last, which=_which_year(last, report_year))
    else:
        text = _(
            "COA's total costs of asylum reception, as its annual reports give them, were "
            "{amount} in {year}{which}, against {first_amount} in {first_year} "
            "(@fig:coa_total_costs, @tab:coa_total_costs_table)."
        ).format(
            amount=_total(series, last),
            year=last,
            which=_which_year(last, report_year),
            first_amount=_total(series, first),
            first_year=first,
        )
    restated = sorted(set(rows.loc[rows["vintage"] == "revised", "period_start"].astype(int)))
    if restated:
        text = _sentences(
            text,
            i18n.ngettext(
                "COA restated {years} a year later; the restated figure is used and the first "
                "one listed beside it.",
                "COA restated {years} a year later; the restated figures are used and the "
                "first ones listed beside them.",
                len(restated),
            ).format(years=year_list(restated)),
        )
    return _sentences(
        text,
        _(
            "These are COA's own costs; the ministry's budget line for COA, below, is a "
            "different measure, and a budget stage is not spending."
        ),
    )


def coa_totals_title(series: pd.DataFrame) -> str:
    first, last = int(series.index.min()), int(series.index.max())
    if first == last:
        return _("COA total costs of asylum reception, EUR million (nominal), {year}").format(
            year=last
        )
    return _(
        "COA total costs of asylum reception, EUR million (nominal): {first_amount} in "
        "{first_year}, {last_amount} in {last_year}"
    ).format(
        first_amount=in_millions(series.loc[first, "value"], 0),
        first_year=first,
        last_amount=in_millions(series.loc[last, "value"], 0),
        last_year=last,
    )


def coa_budget_paragraph(stages: pd.DataFrame, report_year: int, first: int | None) -> str:
    budget = stages.drop(columns="realisation", errors="ignore").dropna(how="all")
    if budget.empty:
        return _none_until("coa_budget", report_year, first)
    year = int(budget.index.max())
    row = budget.loc[year]
    assert isinstance(row, pd.Series)  # one row per year
    known = row.dropna()
    first_stage, last_stage = str(known.index[0]), str(known.index[-1])
    digits = money_digits(known.iloc[0], known.iloc[-1])  # both amounts written alike
    fields = {
        "year": year,
        "which": _which_year(year, report_year),
        "amount": _eur_million(known.iloc[0], digits),
        "stage": stage_name(first_stage).lower(),
    }
    if last_stage == first_stage:
        text = _(
            "The Ministry of Justice and Security's budget line for its contribution to COA "
            "(article 37.2) stood for {year}{which} at {amount} in the {stage} "
            "(@fig:coa_budget_line)."
        ).format(**fields)
    else:
        text = _(
            "The Ministry of Justice and Security's budget line for its contribution to COA "
            "(article 37.2) stood for {year}{which} at {amount} in the {stage} and "
            "{last_amount} after the {last_stage} ({times} times the first figure) "
            "(@fig:coa_budget_line)."
        ).format(
            **fields,
            last_amount=_eur_million(known.iloc[-1], digits),
            last_stage=stage_name(last_stage).lower(),
            times=_times(known.iloc[-1], known.iloc[0]),
        )
    return _sentences(
        text,
        _(
            "Each bar is a budget stage, not money spent: the only realised series found, "
            "article 37 as a whole, also pays for the IND, guardianship of unaccompanied "
            "minors, return and, from 2022, the reception of displaced people from Ukraine."
        ),
    )


def coa_budget_title(stages: pd.DataFrame) -> str:
    first, last = int(stages.index.min()), int(stages.index.max())
    return _(
        "Ministry's budget line for COA, EUR million by budget stage, {first}–{last} "
        "(budget, not spending)"
    ).format(first=first, last=last)


def twelve_month_rule(rules: pd.DataFrame) -> str:
    """The DAC rule in one sentence, its two numbers from the cited figures."""
    since = int(rules.loc[rules["unit"] == "year", "value"].iloc[0])
    months = int(rules.loc[rules["unit"] == "months", "value"].iloc[0])
    return _(
        "Since {since} the OECD's Development Assistance Committee (DAC) has let donors "
        "count as official development assistance (ODA) what they spend on refugees and "
        "asylum seekers in their own country during the first {months} months after "
        "arrival, a rule it reaffirmed in 2017; costs after those months are not ODA. This "
        "money pays for reception in the donor country and never reaches a developing one."
    ).format(since=since, months=months)


def _aid_shares(shares: pd.DataFrame) -> str:
    """' Its published share of the Dutch aid budget: 18% in 2015 (realised); ...'"""
    parts = []
    for r in shares.to_dict("records"):
        fields = {
            "share": _share(r["value"]),
            "year": r["year"],
            "end": r["year_end"],
            "kind": kind_label(r["kind"]),
        }
        if r["year"] == r["year_end"]:
            parts.append(_("{share} in {year} ({kind})").format(**fields))
        else:
            parts.append(_("{share} in {year}–{end} ({kind})").format(**fields))
    return _("Its published share of the Dutch aid budget: {shares}.").format(
        shares="; ".join(parts)
    )


def aid_at_home_paragraph(long: pd.DataFrame, report_year: int, first: int | None) -> str:
    money_rows = long[long["series"] == "in_donor"]
    if money_rows.empty:
        return _none_until("aid_at_home", report_year, first)
    latest = money_rows[money_rows["year"] == money_rows["year"].max()].iloc[-1]
    year = int(latest["year"])
    fields = {
        "report_year": report_year,
        "year": year,
        "amount": money(latest["value"], latest["unit"], latest["qualifier"]),
        "kind": kind_label(latest["kind"]),
    }
    latest_text = (
        _("The latest figure up to {report_year} is for {year}: {amount}, {kind}.")
        if year == report_year
        else _(
            "The latest figure up to {report_year} is for {year} (none was found for "
            "{report_year}): {amount}, {kind}."
        )
    ).format(**fields)
    parts = [
        _("The Netherlands counts part of what first-year asylum reception costs as ODA."),
        latest_text,
    ]
    shares = long[long["series"] == "share"]
    if len(shares):
        parts.append(_aid_shares(shares))
    line = long[long["series"] == "oir_line"]
    if len(line):
        years = sorted(set(line["year"]))
        parts.append(
            i18n.ngettext(
                "A budget figure of the reception-in-the-region line itself was found for "
                "{years} only (for other years the documents found give at most the whole "
                "sub-article 4.2), so the two stand side by side for that year alone "
                "(@tab:aid_at_home); dollar figures are also shown in euros at the ECB's "
                "annual average rate, with the rate.",
                "A budget figure of the reception-in-the-region line itself was found for "
                "{years} only (for other years the documents found give at most the whole "
                "sub-article 4.2), so the two stand side by side for those years alone "
                "(@tab:aid_at_home); dollar figures are also shown in euros at the ECB's "
                "annual average rate, with the rate.",
                len(years),
            ).format(years=year_list(years))
        )
    else:
        parts.append(
            _(
                "No budget figure of the reception-in-the-region line was found for "
                "{report_year} or earlier, so nothing can be set beside it (@tab:aid_at_home)."
            ).format(report_year=report_year)
        )
    return _sentences(*parts)


def dac_paragraph(shares: pd.DataFrame, report_year: int, first_found: int | None) -> str:
    if shares.empty:
        return _none_until("dac", report_year, first_found)
    year = int(shares.index.max())
    first = int(shares.index.min())
    shown = shares["shown"]
    peak = int(shown.index[int(shown.argmax())])  # the year of the highest share
    fields = {
        "share": percent(shown.loc[year]),
        "year": year,
        "which": _which_year(year, report_year),
        "first_share": percent(shown.loc[first]),
        "first_year": first,
        "peak_share": percent(shown.loc[peak]),
        "peak_year": peak,
    }
    if peak != year:
        text = _(
            "Across all DAC donors, in-donor refugee costs were {share} of their ODA in "
            "{year}{which}, against {first_share} in {first_year}; the highest share in the "
            "years found is {peak_share} ({peak_year}) (@fig:dac_in_donor_share)."
        ).format(**fields)
    else:
        text = _(
            "Across all DAC donors, in-donor refugee costs were {share} of their ODA in "
            "{year}{which}, against {first_share} in {first_year} (@fig:dac_in_donor_share)."
        ).format(**fields)
    text = _sentences(
        text,
        _(
            "The OECD publishes a preliminary share each April and revises it a year later; "
            "the latest publication is shown."
        ),
    )
    computed = shares.index[shares["computed"].astype(bool)]
    if len(computed):
        text = _sentences(
            text,
            _(
                "No share was found for {years}, so it is computed from the amount and total "
                "of the same OECD release (hollow marker)."
            ).format(years=year_list(computed)),
        )
    return text


def unreconciled_note(found: Sequence[costs.UnreconciledShare]) -> str:
    """The note under the DAC table for each year whose published share is not the
    ratio of the amounts beside it (`costs.unreconciled_shares`): why, so that a reader
    who divides the two columns does not take either for an error."""
    return _sentences(
        *(
            "*"
            + _(
                "In {year} the share as published ({published}) is not the ratio of the "
                "amounts beside it ({ratio}): the in-donor costs ({costs_vintage}) and the "
                "total ODA ({total_vintage}) come from releases other than the share's, so "
                "the table computes no share from them and shows each figure as published."
            ).format(
                year=gap.year,
                published=percent(gap.published),
                ratio=percent(gap.ratio),
                costs_vintage=_(VINTAGE_LABELS[gap.costs_vintage]),
                total_vintage=_(VINTAGE_LABELS[gap.total_vintage]),
            )
            + "*"
            for gap in found
        )
    )


def dac_title(shares: pd.DataFrame) -> str:
    first, last = int(shares.index.min()), int(shares.index.max())
    return _(
        "All DAC donors: in-donor refugee costs as a share of their ODA, {first_share} in "
        "{first_year}, {last_share} in {last_year}"
    ).format(
        first_share=percent(shares["shown"].loc[first]),
        first_year=first,
        last_share=percent(shares["shown"].loc[last]),
        last_year=last,
    )


NOT_THE_SAME_COST = N_(
    "The two amounts compared below are not the same kind of cost. A cost per resident "
    "per year in Dutch reception is what the Dutch state pays in a year for **all** of a "
    "person's reception: housing, food and living allowance, health care, guidance and "
    "staff. The reception-in-the-region budget per person is **a Dutch contribution** for "
    "one year to the reception of refugees who are housed, schooled and treated mainly by "
    "their host governments, by UN agencies such as UNHCR, UNICEF and WFP, and with money "
    "from many other donors. Dividing it by the refugees in the focus countries gives the "
    "Dutch contribution per refugee in that year, not what a refugee's reception there "
    "costs. The Dutch figures are also costs that were realised or estimated, while the "
    "region's figure is a budget; they are of different years, and both in nominal euros."
)


def not_the_same_cost() -> str:
    """Why the comparison below sets two different kinds of cost side by side."""
    return _(NOT_THE_SAME_COST)


def _refused(dutch: Sequence[costs.DutchCost], budget_year: int | None, report_year: int) -> str:
    """Why the comparison cannot be made, or '' when it can."""
    if budget_year is None:
        return _(
            "The comparison cannot be made for {year}: no budget figure of the "
            "reception-in-the-region line was found for {year} or any earlier year."
        ).format(year=report_year)
    if not dutch:
        return _(
            "The comparison cannot be made for {year}: no Dutch cost per person per year was "
            "found for {year} or any earlier year."
        ).format(year=report_year)
    return ""


def comparison_paragraph(
    dutch: Sequence[costs.DutchCost],
    region: pd.DataFrame,
    ratios: pd.DataFrame,
    budget_year: int | None,
    budget_stage: str | None,
    report_year: int,
    focus: Sequence[str] = letter.FOCUS_COUNTRIES,
    reached_counts: Sequence[costs.Reached] = (),
) -> str:
    """The comparison as the debate makes it, with the range the denominators give and
    what the ratio can and cannot support; `budget_stage`: the stage of the region's
    budget (`costs.region_budget_stage`), None for the yearly amount the letter states;
    `reached_counts`: the counts of people reached (`costs.people_reached`), of which those of
    another period than the budget are named as not divided."""
    refusal = _refused(dutch, budget_year, report_year)
    if refusal or budget_year is None:
        return refusal
    eur = float(region["eur"].iloc[0])
    per = region.set_index("denominator")["eur_per_person"].astype(float)
    stacked = ratios.drop(columns="eur_per_person").stack()
    low, high = stacked.min(), stacked.max()
    chosen = ""
    if sorted(focus) != sorted(letter.FOCUS_COUNTRIES):
        names = [i18n.in_sentence(i18n.country_name(iso3, iso3)) for iso3 in focus]
        chosen = " " + _(
            "(the line funds the letter's eight focus countries; here it is divided by the "
            "refugees in the focus countries chosen for this report, {countries})"
        ).format(countries=format_list(names, locale=i18n.locale_code()))
    reached = per[per.index.str.startswith("reached_")]
    text = _(
        "The region's side is the reception-in-the-region line of {budget_year}: {amount}, "
        "{stage}{which}. Divided by the refugees hosted in the focus countries{chosen} at "
        "the end of {budget_year} it comes to {per_refugee} per refugee that year."
    ).format(
        budget_year=budget_year,
        amount=_eur_million(eur),
        stage=(
            kind_label(budget_stage)
            if budget_stage is not None
            else _("the yearly amount the letter states")
        ),
        which=_which_year(budget_year, report_year),
        chosen=chosen,
        per_refugee=_eur(per.iloc[0]),
    )
    if len(reached):
        text = _sentences(
            text,
            _(
                "Divided by the people the programmes reported reaching in a period that "
                "includes {budget_year}, it comes to as much as {per_reached}."
            ).format(budget_year=budget_year, per_reached=_eur(reached.max())),
        )
    text = _sentences(
        text,
        _other_period_sentence(costs.other_period(reached_counts, budget_year), budget_year),
        _(
            "Against these stand the Dutch costs per person per year: {dutch}. Depending on "
            "the denominator and the Dutch figure, the Dutch cost per person is {low} to "
            "{high} times the region's budget per person (@tab:cost_comparison)."
        ).format(
            dutch="; ".join(f"{_sentence(cost_label(c))}, {_eur(c.value)}" for c in dutch),
            low=count(low),
            high=count(high),
        ),
    )
    if any(c.year != budget_year for c in dutch):
        text = _sentences(
            text,
            _(
                "No Dutch cost per person per year was found for {year} itself; the figures "
                "used are those nearest to it."
            ).format(year=budget_year),
        )
    spread = per.max() / per.min()  # the budget per person's own spread
    return _sentences(
        text,
        _(
            "What the ratio can support: the Dutch contribution per refugee in the region is "
            "a very small fraction of what a year of reception in the Netherlands costs the "
            "Dutch state. What it cannot support: that reception in the region is that many "
            "times *cheaper*. The region's full cost per refugee, borne mostly by host "
            "countries, UN agencies and other donors, is not in these figures, and the ratio "
            "moves by a factor of {factor} with the choice of denominator alone."
        ).format(factor=_factor(spread)),
    )


def _factor(value: float) -> str:
    """A spread as readers write it: '1.5', '2', '91' (a decimal only where it says
    something: below 10 and not whole)."""
    if value >= 10 or round(value, 1) == round(value):
        return count(round(value))
    return one_decimal(value)


def _reached_count(count_: costs.Reached) -> str:
    """'more than 100,000 in mid-2017 to mid-2018'; a sum over domains says it may
    overlap."""
    when = counted("mid_year", count_.start, count_.end)
    if count_.may_overlap:
        return _("{people} in {period} (added up over domains that may overlap)").format(
            people=count(count_.people), period=when
        )
    return _("{people} in {period}").format(
        people=qualified(count(count_.people), count_.qualifier), period=when
    )


def _other_period_sentence(other: Sequence[costs.Reached], budget_year: int) -> str:
    """Why the counts of people reached in other years divide nothing, or ''."""
    if not other:
        return ""
    counts = format_list([_reached_count(c) for c in other], locale=i18n.locale_code())
    return i18n.ngettext(
        "The programmes' published count of people reached is of another period than the "
        "budget of {budget_year}: {counts}. No budget of the line for that period was "
        "found, so the budget is not divided by it.",
        "The programmes' published counts of people reached are of other periods than the "
        "budget of {budget_year}: {counts}. No budget of the line for those periods was "
        "found, so the budget is not divided by them.",
        len(other),
    ).format(counts=counts, budget_year=budget_year)


def appeals_paragraph(shares: Sequence[costs.AppealShare], report_year: int) -> str:
    if not shares:
        return _(
            "No Dutch amount and appeal requirement of the same year are in the figures for "
            "{year} or earlier, so no share of an appeal can be computed."
        ).format(year=report_year)
    parts = [
        _("{share} in {year}").format(year=s.year, share=percent(s.percent, 2))
        for s in sorted(shares, key=lambda s: s.year)
    ]
    return _(
        "Appeals are set in US dollars, Dutch budgets in euros. Where a Dutch amount and the "
        "appeal it answers are of the same year, the euro amount is converted at the European "
        "Central Bank's average reference rate of that year, stated in the table. The Dutch "
        "money came to {pairs} of the appeal it answers (@tab:appeal_shares). Each pair says "
        "what it compares; the whole reception-in-the-region line against the Syria appeal "
        "overstates the Dutch share, because the line also funds other regions."
    ).format(pairs=format_list(parts, locale=i18n.locale_code()))


#: What the public record does not provide (`costs.missing_figures`), one sentence per
#: subject: {years} the years missing, {first} the first year published, {year} the
#: report year.
GAP_SENTENCES = {
    "oir_line_realised": N_(
        "No realised spending of the reception-in-the-region line (development "
        "budget, article 4.2) was found for any year: only budget stages were found, "
        "so the region's side of every comparison here is a budget, not money spent."
    ),
    "per_resident": N_(
        "COA's cost per registered resident is published from {first} on; there is "
        "none for {year} or earlier."
    ),
    "coa_total": N_("No figure of COA's total costs was found for {years}."),
    "coa_line_realised": N_(
        "No realised figure of the ministry's budget line for COA was found in a "
        "primary source; the only realised series, article 37 Migration, covers the "
        "whole migration article (IND, COA, Nidos, return and, from 2022, the "
        "programme for displaced people from Ukraine), so it is not a COA series."
    ),
    "aid_at_home_eur_realised": N_(
        "No realised amount in euros of Dutch ODA counted for first-year asylum "
        "reception was found: the euro figures are in-year estimates, budgets or "
        "plans, and the realised figures (2016-2019) are in US dollars, from OECD data."
    ),
    "aid_at_home": N_(
        "No figure of Dutch ODA counted for first-year asylum reception was found for {years}."
    ),
}


def gap_sentences(found: Sequence[costs.Missing]) -> list[str]:
    """What the public record does not provide (`costs.missing_figures`), in words."""
    return [
        _(GAP_SENTENCES[gap.subject]).format(
            years=year_list(gap.years), first=gap.first, year=gap.until
        )
        for gap in found
    ]


def gaps_markdown(found: Sequence[costs.Missing]) -> str:
    """What the public record does not provide, as a list (or that nothing is missing)."""
    return bullet_list(gap_sentences(found))
