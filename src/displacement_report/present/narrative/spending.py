"""Sentences and chart titles of chapter 5, on budgets, EUR per person and results."""

from __future__ import annotations

import pandas as pd

from displacement_report.present.format import (
    escape_markdown,
    percent,
)

ATTRIBUTION_RULE = (
    "Dutch results reporting attributes the results of programmes the Netherlands "
    "co-funds pro rata to its share of the funding"
)


def budget_paragraph(line: pd.DataFrame, art42: pd.DataFrame, letter_budget: float) -> str:
    """What the budget figures say, labelled as budget stages, never as spending."""
    text = (
        f"The letter's EUR {letter_budget / 1e6:,.0f} million a year is the budget line for "
        "contributions to (inter)national organisations for reception in the region, in "
        "article 4.2 of the development budget (chapter XVII)."
    )
    if not line.empty:
        year = int(line.index.max())
        stages = line.loc[year].dropna()
        text += (
            f" For {year} the line stood at EUR {stages.iloc[0] / 1e6:,.1f} million in the "
            f"draft budget and EUR {stages.iloc[-1] / 1e6:,.1f} million at the last budget "
            "stage found."
        )
    if not art42.empty:
        first, last = int(art42.index.min()), int(art42.index.max())
        text += (
            f" The whole sub-article 4.2 (which also funds migration cooperation) is known for "
            f"{first}–{last}."
        )
    return text + " All of these are budget figures: what was planned, not what was spent."


def per_person_paragraph(table: pd.DataFrame, hosts: int) -> str:
    """EUR per person hosted, for the latest year with the line's own budget."""
    if table.empty:
        return (
            "No year has both a published budget for the reception-in-the-region line and "
            "displacement figures, so no amount per person hosted can be given."
        )
    year = int(table.index.max())
    row = table.loc[year]
    others = [str(y) for y in table.index if y != year]
    text = (
        f"The line's {year} budget (EUR {row['eur'] / 1e6:,.1f} million, latest stage found) "
        f"set against the people hosted in the {hosts} focus countries at the end of {year} "
        f"comes to **EUR {row['eur_per_refugees']:,.0f} per refugee** under UNHCR's mandate, "
        f"EUR {row['eur_per_asylum_seekers']:,.0f} per asylum-seeker, or "
        f"EUR {row['eur_per_unrwa_refugees']:,.0f} per Palestine refugee under UNRWA's "
        "mandate. Each is the whole amount divided by one group, three views of the same "
        "money rather than parts of it."
    )
    if not others:
        text += f" {year} is the only year for which the line's budget is public."
    return text


def cost_per_result_paragraph(table: pd.DataFrame) -> str:
    if table.empty:
        return (
            "No reported result covers the same programme, place and period as a published "
            "amount, so no cost per result can be computed. " + ATTRIBUTION_RULE + "."
        )
    return (
        f"Only {len(table)} reported result(s) match a published amount in programme, place "
        "and period. The money behind them paid for all of the programme's results at once, "
        "so each ratio is money per result of that kind, not the cost of one result; and "
        f"{ATTRIBUTION_RULE.lower()}."
    )


def gaps_markdown(found: list[str]) -> str:
    return "\n".join(f"- {escape_markdown(line)}" for line in found) or "- None found."


def requirement_shares_paragraph(shares: list) -> str:
    if not shares:
        return (
            "No Dutch amount and appeal requirement in the data cover the same country, year "
            "and currency (the 3RP's requirements are published in US dollars for the whole "
            "region, the Dutch budget in euros). The chapter 'What reception costs, here and in "
            "the region' sets Dutch amounts against the appeals they answer in US dollars, at "
            "the ECB's annual average rate of the year, with the rate stated."
        )
    parts = [
        f"{s.geography} {s.year}: {percent(s.percent)} of a {s.unit} {s.requirement / 1e6:,.0f} "
        "million requirement"
        for s in shares
    ]
    return (
        "Dutch money as a share of appeal requirements, where both are known: "
        + "; ".join(parts)
        + "."
    )


def budget_stages_title(budget: pd.DataFrame) -> str:
    """e.g. 'Sub-article 4.2: EUR 167 million (2021 draft) to EUR 304 million (2023 draft)'."""
    if budget.empty:
        return "No budget figures by stage"
    first, last = int(budget.index.min()), int(budget.index.max())
    start = budget.loc[first].dropna()
    end = budget.loc[last].dropna()
    return (
        f"Sub-article 4.2: EUR {start.iloc[0] / 1e6:,.0f} million ({first}, first stage) to "
        f"EUR {end.iloc[-1] / 1e6:,.0f} million ({last}, last stage found)"
    )


def no_index_sentence(first_budget_year: int | None, year: int) -> str:
    """Why the budget-and-need index is not drawn: no draft budget up to the report year."""
    if first_budget_year is None:
        return "No draft budget of sub-article 4.2 is in the data, so no index is drawn."
    return (
        f"The first draft budget of sub-article 4.2 in the data is that of "
        f"{first_budget_year}, after {year}: for this report year no index of budget and "
        "displacement can be drawn."
    )
