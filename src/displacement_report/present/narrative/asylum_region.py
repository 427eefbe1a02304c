"""Sentences and chart titles of the chapter 'Asylum in the Netherlands and reception in
the region', and the asylum lines of the country profile; computed values only."""

from __future__ import annotations

import math
from collections.abc import Mapping

import pandas as pd

from displacement_report.analysis.asylum import EU_ROW, NETHERLANDS
from displacement_report.data.national_asylum import MEASURES
from displacement_report.present.format import count, escape_markdown, one_decimal, percent


def _missing(value: object) -> bool:
    return value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value))


def _name(names: Mapping[str, str], code: str) -> str:
    return escape_markdown(names.get(code, code))


def _list(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


# --- neighbouring country and region of origin -----------------------------------------


def lenses_title(lenses: pd.DataFrame, year: int) -> str:
    if year not in lenses.index:
        return "Refugees next to or in their region of origin"
    now = lenses.loc[year]
    return (
        f"{year}: {percent(now['neighbouring'], 0)} in a neighbouring country, "
        f"{percent(now['region'], 0)} in their region"
    )


def _majority(now: pd.Series) -> str:
    near, region = now["neighbouring"] > 50, now["region"] > 50
    if near and region:
        return "By both readings most refugees stay close to home."
    if region:
        return "Most stay in their region of origin, but not most in a country next to their own."
    if near:
        return "Most live in a neighbouring country, but not most in their region of origin."
    return "By neither reading do most refugees stay close to home."


def lenses_paragraph(
    lenses: pd.DataFrame, strict: float, unknown: float, year: int, baseline: int
) -> str:
    """The two readings of 'most refugees stay in their region' in `year` and `baseline`;
    `strict`: the neighbouring share leaving out unknown origin and stateless people;
    `unknown`: their share of the people counted (percent)."""
    if year not in lenses.index:
        return f"UNHCR's statistics record no refugees for the end of {year}."
    now = lenses.loc[year]
    assert isinstance(now, pd.Series)  # one row per year
    text = (
        f"At the end of {year}, **{percent(now['neighbouring'])}** of the refugees and other "
        f"people in need of international protection lived in a country bordering their "
        f"country of origin, and **{percent(now['region'])}** in their region of origin as "
        f"UNHCR draws its regions. {_majority(now)}"
    )
    if baseline != year and baseline in lenses.index:
        then = lenses.loc[baseline]
        text += (
            f" At the end of {baseline} the two shares were {percent(then['neighbouring'])} "
            f"and {percent(then['region'])}."
        )
    if not _missing(strict) and not _missing(unknown):
        text += (
            f" Of the people counted in {year}, {percent(unknown)} had an unknown origin or "
            f"were stateless; leaving them out of the count altogether would give "
            f"{percent(strict)} instead of {percent(now['neighbouring'])}."
        )
    return text


def published_sentence(lenses: pd.DataFrame, published: pd.Series, figure: str) -> str:
    """The shares Global Trends published beside the ones computed here, for the years
    the chart `figure` marks them; empty when it marks none."""
    shown = [y for y in published.index if y in lenses.index]
    if not shown:
        return ""
    pairs = "; ".join(
        f"{y}: {percent(published[y], 0)} ({percent(lenses.loc[y, 'neighbouring'])})" for y in shown
    )
    return (
        f"The points in @fig:{figure} are the neighbouring shares as Global Trends published "
        f"them, with the share computed here in brackets: {pairs}."
    )


def origins_sentence(by_origin: pd.DataFrame, year: int) -> str:
    if by_origin.empty:
        return ""
    ordered = by_origin.sort_values("share")
    low, high = ordered.iloc[0], ordered.iloc[-1]
    return (
        f"Among the {len(by_origin)} largest origins at the end of {year}, the share living "
        f"in a neighbouring country ranged from {percent(low['share'], 0)} "
        f"({escape_markdown(low['country'])}) to {percent(high['share'], 0)} "
        f"({escape_markdown(high['country'])})."
    )


def hosts_sentence(in_hosts: pd.DataFrame, names: Mapping[str, str], year: int) -> str:
    """Which focus countries mostly host people from next door."""
    hosting = in_hosts[in_hosts["people"] > 0]
    if hosting.empty:
        return f"None of the focus countries hosted refugees at the end of {year}."
    mostly = [_name(names, c) for c in hosting.index if hosting.loc[c, "share"] > 50]
    others = [_name(names, c) for c in hosting.index if hosting.loc[c, "share"] <= 50]
    if not others:
        return (
            f"At the end of {year}, each of the {len(hosting)} focus countries hosting refugees "
            f"had more than half of them from a neighbouring country."
        )
    return (
        f"At the end of {year}, {len(mostly)} of the {len(hosting)} focus countries hosting "
        f"refugees had more than half of them from a neighbouring country; "
        f"{_list(others)} did not."
    )


# --- new arrivals -------------------------------------------------------------------------


def arrivals_paragraph(table: pd.DataFrame, year: int) -> str:
    """New arrivals in the focus countries, the Netherlands and the world in `year`, and
    the focus countries' arrivals per new Dutch asylum claim."""
    if year not in table.index or not table.loc[year, "world_arrivals"]:
        return f"UNHCR's table of new arrivals records nobody for {year}."
    row = table.loc[year]
    text = (
        f"In {year} the focus countries together received **{count(row['focus_arrivals'])}** "
        f"new arrivals of refugees, people in refugee-like situations, asylum-seekers and "
        f"other people in need of international protection; the Netherlands "
        f"{count(row['dutch_arrivals'])}; the world {count(row['world_arrivals'])}."
    )
    if _missing(row["per_dutch_claim"]):
        text += (
            f" UNHCR's table of asylum claims has no new claim in the Netherlands for {year} "
            f"(it starts in 2000), so no ratio is given."
        )
    else:
        text += (
            f" For each new asylum claim lodged in the Netherlands "
            f"({count(row['dutch_new_claims'])} in all), the focus countries received "
            f"**{one_decimal(row['per_dutch_claim'])}** new arrivals."
        )
    return text


def arrivals_title(table: pd.DataFrame, year: int) -> str:
    ratio = table["per_dutch_claim"].get(year, float("nan"))
    if _missing(ratio):
        return "New arrivals in the focus countries per new Dutch claim"
    return f"{year}: {one_decimal(ratio)} arrivals in the focus countries per Dutch claim"


# --- claims and decisions ---------------------------------------------------------------


def no_claims(year: int, first_year: int | None) -> str:
    """Said instead of the claims and decisions sections when the year has no data."""
    if first_year is None:
        return "The UNHCR folder holds no asylum claims or decisions."
    return (
        f"UNHCR's tables of asylum claims and decisions start in {first_year}; for {year} "
        f"there is nothing to show."
    )


def claims_paragraph(
    by_type: pd.DataFrame,
    compared: pd.DataFrame,
    rank: tuple[int, int] | None,
    names: Mapping[str, str],
    year: int,
) -> str:
    """The Dutch claims of `year`, per 1,000 inhabitants, beside the EU and the focus
    countries."""
    if year not in by_type.index:
        return f"UNHCR's table records no asylum claim lodged in the Netherlands in {year}."
    row = by_type.loc[year]
    text = (
        f"In {year}, **{count(row['new_claims'])}** new asylum claims were lodged in the "
        f"Netherlands"
    )
    if row["not_split"]:
        text += " (new and repeat claims not told apart)"
    elif row["repeat"]:
        text += f", and {count(row['repeat'])} repeat claims"
    nl = compared.loc[NETHERLANDS]
    if not _missing(nl["per_1000"]):
        text += f": {one_decimal(nl['per_1000'])} new claims per 1,000 inhabitants"
    text += "."
    eu = compared.loc[EU_ROW]
    if not _missing(eu["per_1000"]):
        text += f" The EU-27 together had {one_decimal(eu['per_1000'])} per 1,000"
        text += (
            f"; the Netherlands ranked {rank[0]} of the {rank[1]} member states with a figure."
            if rank
            else "."
        )
    focus = compared.drop(index=[NETHERLANDS, EU_ROW]).dropna(subset=["per_1000"])
    if not focus.empty:
        top = str(focus["per_1000"].idxmax())  # an ISO3 code
        text += (
            f" Among the focus countries, {_name(names, top)} had the most new claims per "
            f"1,000 inhabitants ({one_decimal(focus.loc[top, 'per_1000'])})."
        )
    return text


def rates_definition(minimum: int) -> str:
    return (
        "UNHCR's two rates are shares of the *substantive* decisions: those that recognise "
        "refugee status under the 1951 Convention, grant complementary protection, or reject "
        "the claim. Cases closed otherwise (for example claims withdrawn or abandoned, or "
        "claims another state is responsible for) are not decisions on the claim and are "
        "left out. The "
        "*refugee recognition rate* is the share granted Convention status; the *total "
        "protection rate* the share granted Convention status or complementary protection. "
        "Decisions at first instance and on appeal and review are added up. A rate is shown "
        f"only where it rests on at least {count(minimum)} substantive decisions."
    )


def rates_paragraph(compared: pd.DataFrame, names: Mapping[str, str], year: int) -> str:
    """The two rates for the Netherlands, the EU-27 and the focus countries in `year`."""
    nl, eu = compared.loc[NETHERLANDS], compared.loc[EU_ROW]
    if _missing(nl["total_protection_rate"]):
        text = (
            f"Too few substantive decisions were recorded in the Netherlands in {year} "
            f"({count(nl['substantive'])}) for a rate."
        )
    else:
        text = (
            f"Of the {count(nl['substantive'])} substantive decisions in the Netherlands in "
            f"{year}, **{percent(nl['total_protection_rate'], 0)}** granted protection "
            f"(total protection rate); {percent(nl['recognition_rate'], 0)} granted refugee "
            f"status (refugee recognition rate)."
        )
    if not _missing(eu["total_protection_rate"]):
        text += (
            f" In the EU-27 together the rates were {percent(eu['total_protection_rate'], 0)} "
            f"and {percent(eu['recognition_rate'], 0)}."
        )
    focus = compared.drop(index=[NETHERLANDS, EU_ROW])
    shown = focus.dropna(subset=["total_protection_rate"])
    if not focus.empty:
        if shown.empty:
            text += " None of the focus countries recorded enough decisions for a rate."
        else:
            lowest = str(shown["total_protection_rate"].idxmin())  # ISO3 codes
            highest = str(shown["total_protection_rate"].idxmax())
            text += (
                f" In the focus countries with enough decisions the total protection rate "
                f"ranged from {percent(shown.loc[lowest, 'total_protection_rate'], 0)} "
                f"({_name(names, lowest)}) to "
                f"{percent(shown.loc[highest, 'total_protection_rate'], 0)} "
                f"({_name(names, highest)})."
            )
    return text


def claims_title(year: int, first: int) -> str:
    return f"Asylum claims lodged in the Netherlands, {first}-{year}"


def per_1000_title(year: int) -> str:
    return f"New asylum claims per 1,000 inhabitants, {year}"


def rates_title(rates: pd.DataFrame, year: int) -> str:
    value = rates["total_protection_rate"].get(year, float("nan"))
    if _missing(value):
        return "Protection rates in the Netherlands"
    return f"Dutch total protection rate: {percent(value, 0)} in {year}"


# --- national figures --------------------------------------------------------------------


def national_paragraph(beside: pd.DataFrame, national: pd.DataFrame, first: int, year: int) -> str:
    """What the side-by-side of national and UNHCR figures (years `first` to `year`)
    shows, from the latest year that has both a national total and a family-reunification
    figure; `national`: every national figure collected."""
    if beside.empty:
        return (
            f"The Dutch national figures collected for this report cover "
            f"{national['year'].min()}-{national['year'].max()}; none falls in "
            f"{first}-{year}."
        )
    firsts = beside[(beside["measure"] == "first_applications") & beside["unhcr"].notna()]
    text = ""
    if not firsts.empty:
        largest = firsts.iloc[firsts["difference_pct"].abs().argmax()]
        text += (
            f"First applications as the Dutch sources count them and UNHCR's new claims "
            f"differ by at most {percent(abs(largest['difference_pct']))} in the years shown "
            f"({largest['year']}: {count(largest['value'])} against {count(largest['unhcr'])})."
        )
    family_measures = ("family_reunification_applications", "family_reunification_arrivals")
    for year in sorted(set(beside["year"]), reverse=True):
        rows = beside[beside["year"] == year].set_index("measure")
        family = [m for m in family_measures if m in rows.index]
        if "total" in rows.index and family and not _missing(rows.loc["total", "unhcr"]):
            gap = rows.loc["total", "difference"]
            kind = MEASURES[family[0]].split(", ")[1]
            text += (
                f" The national total of {year} ({count(rows.loc['total', 'value'])}) exceeds "
                f"UNHCR's new and repeat claims ({count(rows.loc['total', 'unhcr'])}) by "
                f"{count(gap)}, close to the {count(rows.loc[family[0], 'value'])} family "
                f"reunification {kind} of that year."
            )
            break
    return text.strip()


# --- the country profile ----------------------------------------------------------------


def profile_sentences(
    in_host: pd.Series, rates: pd.Series, country: str, year: int, minimum: int
) -> str:
    """The neighbouring share of the people a country hosts, and its rates where it
    took enough substantive decisions."""
    country = escape_markdown(country)
    if not in_host["people"]:
        text = (
            f"UNHCR's statistics record no refugees or other people in need of international "
            f"protection in {country} at the end of {year}."
        )
    else:
        text = (
            f"Of the {count(in_host['people'])} refugees and other people in need of "
            f"international protection in {country} at the end of {year}, "
            f"**{percent(in_host['share'])}** came from a neighbouring country."
        )
    if _missing(rates["total_protection_rate"]):
        if rates["substantive"]:
            text += (
                f" It recorded {count(rates['substantive'])} substantive asylum decisions in "
                f"{year}: fewer than the {count(minimum)} needed here for a rate."
            )
    else:
        text += (
            f" Of its {count(rates['substantive'])} substantive asylum decisions in {year}, "
            f"{percent(rates['recognition_rate'], 0)} granted refugee status (refugee "
            f"recognition rate) and {percent(rates['total_protection_rate'], 0)} some form "
            f"of protection (total protection rate)."
        )
    return text


# --- chart captions ---------------------------------------------------------------------


def _span(years: pd.Index) -> str:
    first, last = int(years.min()), int(years.max())
    return str(first) if first == last else f"{first}–{last}"


def lenses_caption(lenses: pd.DataFrame, published: pd.Series) -> str:
    text = (
        f"Refugees and other people in need of international protection living in a country "
        f"bordering their country of origin, and in their region of origin, "
        f"{_span(lenses.index)} (percent)."
    )
    if not published.empty:
        text += " Points: the neighbouring share as UNHCR's Global Trends published it."
    return text


def arrivals_caption(arrivals: pd.DataFrame) -> str:
    shown = arrivals.dropna(subset=["per_dutch_claim"])
    return (
        f"New arrivals in the focus countries for each new asylum claim lodged in the "
        f"Netherlands, {_span(shown.index)}."
    )


def claims_caption(by_type: pd.DataFrame) -> str:
    return (
        f"Asylum claims lodged in the Netherlands per year, new and repeat, "
        f"{_span(by_type.index)}; where the data do not tell them apart, in one bar."
    )


def per_1000_caption(year: int) -> str:
    return (
        f"New asylum claims per 1,000 inhabitants in the EU-27 member states and the focus "
        f"countries, {year} (countries with no claim recorded left out)."
    )


def rates_caption(rates: pd.DataFrame, minimum: int) -> str:
    return (
        f"Refugee recognition rate and total protection rate in the Netherlands, "
        f"{_span(rates.index)} (percent of substantive decisions; no rate under "
        f"{count(minimum)} of them)."
    )
