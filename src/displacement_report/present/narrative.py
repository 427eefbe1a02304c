"""Sentences that state figures, written from computed values, never typed in."""

from __future__ import annotations

import html
import re

import pandas as pd

from displacement_report.analysis.headline import COMPONENTS, TOTAL
from displacement_report.present.format import count, millions, percent, signed_percent

#: Component names as they read inside a sentence.
GROUP_PHRASES = {
    "refugees": "refugees under UNHCR's mandate",
    "unrwa_refugees": "Palestine refugees under UNRWA's mandate",
    "asylum_seekers": "asylum-seekers",
    "oip": "other people in need of international protection",
    "idps": "people displaced inside their own country",
}


def trend_title(comparison: pd.DataFrame, baseline: int, year: int) -> str:
    """A chart title that states the finding, e.g. 'Forced displacement rose by 52%...'."""
    change = comparison.loc[TOTAL, "change_pct"]
    if pd.isna(change) or baseline == year:
        return f"Forcibly displaced people by group, end of {year}"
    verb = "rose" if change > 0 else "fell" if change < 0 else "held steady"
    return f"Forced displacement {verb} by {percent(abs(change), 0)} between {baseline} and {year}"


def headline_paragraph(comparison: pd.DataFrame, baseline: int, year: int) -> str:
    """Markdown paragraph on the total, its largest component and the change."""
    now = comparison[year]
    refugees_all = now["refugees"] + now["unrwa_refugees"]
    largest = now[list(COMPONENTS)].idxmax()
    text = (
        f"At the end of {year}, **{millions(now[TOTAL])}** people were forcibly displaced. "
        f"Of these, {millions(refugees_all)} were refugees "
        f"({millions(now['refugees'])} under UNHCR's mandate and "
        f"{millions(now['unrwa_refugees'])} Palestine refugees under UNRWA's), "
        f"{millions(now['asylum_seekers'])} were asylum-seekers and "
        f"{millions(now['idps'])} were displaced inside their own country. "
        f"The largest group was {GROUP_PHRASES[largest]}."
    )
    if baseline != year:
        change = comparison.loc[TOTAL, "change_pct"]
        text += (
            f" Compared with the end of {baseline} ({millions(comparison.loc[TOTAL, baseline])}), "
            f"the total changed by {signed_percent(change)}."
        )
    return text


def focus_paragraph(focus: pd.DataFrame, world: pd.Series, year: int) -> str:
    """How much of the world's displacement the focus countries hold."""
    total = focus.loc["Total"]
    hosts = len(focus.index) - 1
    abroad_cols = ["refugees", "unrwa_refugees", "asylum_seekers", "oip"]
    share_abroad = 100 * total[abroad_cols].sum() / world[abroad_cols].sum()
    share_idps = 100 * total["idps"] / world["idps"] if world["idps"] else float("nan")
    return (
        f"At the end of {year} the {hosts} focus countries hosted "
        f"{millions(total[abroad_cols].sum())} refugees, asylum-seekers and others in need of "
        f"international protection ({percent(share_abroad)} of the world's), and "
        f"{millions(total['idps'])} people were displaced inside them "
        f"({percent(share_idps)} of the world's internally displaced)."
    )


_MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()#+\-.!|~>])")


def escape_markdown(text: str) -> str:
    """Data (a country name, a title) shown as itself, never as markup or HTML."""
    return _MARKDOWN_SPECIALS.sub(r"\\\1", html.escape(text, quote=False))


def profile_paragraph(over_time: pd.DataFrame, country: str, baseline: int, year: int) -> str:
    """The opening of a country profile: who the country hosts and how that changed."""
    country = escape_markdown(country)
    if year not in over_time.index:
        return (
            f"UNHCR's statistics record nobody hosted in or displaced inside {country} in {year}."
        )
    now = over_time.loc[year]
    abroad = now[["refugees", "unrwa_refugees", "asylum_seekers", "oip"]].sum()
    text = (
        f"At the end of {year}, {country} hosted {millions(abroad)} refugees, asylum-seekers "
        f"and others in need of international protection "
        f"({millions(now['refugees'])} refugees under UNHCR's mandate"
    )
    if now["unrwa_refugees"]:
        text += f", {millions(now['unrwa_refugees'])} Palestine refugees under UNRWA's"
    text += f"), and {millions(now['idps'])} people were displaced inside the country."
    if baseline != year and baseline in over_time.index:
        before = over_time.loc[baseline, TOTAL]
        if before:
            change = 100 * (now[TOTAL] - before) / before
            text += (
                f" Altogether that is {millions(now[TOTAL])} people, "
                f"{signed_percent(change)} compared with the end of {baseline}."
            )
    return text


def world_share_sentence(total: float, world_population: float, year: int) -> str:
    share = 100 * total / world_population
    return (
        f"That is {percent(share, 2)} of the world's population of "
        f"{in_billions(world_population)} billion at the end of {year}: about one person in "
        f"{round(world_population / total):,}."
    )


def in_billions(value: float) -> str:
    return f"{value / 1e9:.2f}"


def hosting_paragraph(shares: dict[int, tuple[float, float]], fiscal_years: dict[int, int]) -> str:
    """`shares` maps year -> (low- and middle-income %, least developed %)."""
    sentences = [
        f"At the end of {year}, countries of low and middle income hosted "
        f"**{percent(lmic, 0)}** of the refugees under UNHCR's mandate and other people in "
        f"need of international protection, and the least developed countries "
        f"{percent(ldc, 0)} (World Bank income groups of fiscal year {fiscal_years[year]})."
        for year, (lmic, ldc) in sorted(shares.items(), reverse=True)
    ]
    return " ".join(sentences)


def protracted_paragraph(summary, threshold: int, years: int, year: int) -> str:
    return (
        f"At the end of {year}, {summary.situations} situations met the rule "
        f"({count(threshold)} or more refugees of one nationality in one host country for "
        f"{years} or more consecutive years), in {summary.hosts} host countries. They held "
        f"**{millions(summary.refugees)}** refugees, {percent(summary.share_of_refugees, 0)} of "
        f"all refugees under UNHCR's mandate. On average these situations had lasted "
        f"{summary.mean_duration:.1f} years (median {summary.median_duration:.0f})."
    )


def solutions_paragraph(per_year: pd.DataFrame, year: int) -> str:
    row = per_year.loc[year]
    return (
        f"In {year}, {count(row['returned_refugees'])} refugees returned home, "
        f"{count(row['resettlement'])} arrived through resettlement and "
        f"{count(row['naturalisation'])} were naturalised: together "
        f"{percent(row['all_solutions_pct'])} of the {millions(row['stock_year_before'])} "
        f"refugees under UNHCR's mandate at the end of {year - 1}."
    )


def children_paragraph(profile, year: int, covered: list[int]) -> str:
    if profile is None:
        years = ", ".join(map(str, covered)) or "no year"
        return (
            f"UNHCR's demographics table does not cover {year} (it covers {years}), so the "
            f"share of children among the displaced cannot be given for {year}."
        )
    return (
        f"Where age is known ({percent(profile.coverage, 0)} of the "
        f"{millions(profile.people_total)} forcibly displaced people in the demographics "
        f"table for {year}), "
        f"**{percent(profile.share_children, 0)}** were children under 18; "
        f"{percent(profile.share_female, 0)} of those whose sex is known were women and girls."
    )


def joins_note(joins: dict) -> str:
    """Which countries each join could not match, so nothing is lost silently."""
    lines = [joined.describe(what) for what, joined in joins.items()]
    return "*Joins:* " + " ".join(escape_markdown(line) for line in lines)


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


def per_person_paragraph(table: pd.DataFrame, year: int, hosts: int) -> str:
    row = table.loc[year]
    return (
        f"Set against the people hosted in the {hosts} focus countries at the end of {year}, "
        f"EUR {row['eur'] / 1e6:,.0f} million comes to **EUR {row['eur_per_refugees']:,.0f} per "
        f"refugee** under UNHCR's mandate, EUR {row['eur_per_asylum_seekers']:,.0f} per "
        f"asylum-seeker, or EUR {row['eur_per_unrwa_refugees']:,.0f} per Palestine refugee "
        "under UNRWA's mandate. Each is the whole amount divided by one group, three views of "
        "the same money rather than parts of it."
    )


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


def documents_source(rows: pd.DataFrame) -> str:
    """A chart's source line for document figures: the documents' titles."""
    titles = list(dict.fromkeys(rows["source_title"]))
    shown = "; ".join(titles[:3]) + (f"; and {len(titles) - 3} more" if len(titles) > 3 else "")
    return f"Sources: {shown} (data/spending/amounts.csv)"


def requirement_shares_paragraph(shares: list) -> str:
    if not shares:
        return (
            "No Dutch amount and appeal requirement in the data cover the same country, year "
            "and currency (the 3RP's requirements are published in US dollars for the whole "
            "region, the Dutch budget in euros), so the Dutch share of the appeals cannot be "
            "computed without an exchange-rate assumption, which this report does not make."
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


def claims_summary(assessed: pd.DataFrame, year: int) -> str:
    """How many of the letter's claims hold, then and now, and which do not."""
    from displacement_report.analysis.claims import DOES_NOT_HOLD, HOLDS, NOT_CHECKABLE, ROUGHLY

    then = assessed["then_verdict"].value_counts()
    now = assessed["now_verdict"].value_counts()
    checkable = len(assessed) - int(then.get(NOT_CHECKABLE, 0))
    failing = assessed[assessed["then_verdict"] == DOES_NOT_HOLD]["claim_id"].tolist()
    text = (
        f"The letter makes **{len(assessed)} quantitative statements**. For the period the "
        f"letter describes, {checkable} can be checked against public data: "
        f"**{then.get(HOLDS, 0)} hold**, {then.get(ROUGHLY, 0)} roughly hold and "
        f"{then.get(DOES_NOT_HOLD, 0)} do not hold"
        + (f" ({', '.join(failing)})" if failing else "")
        + f"; {then.get(NOT_CHECKABLE, 0)} cannot be checked with public data. "
        f"Recomputed for {year} or the latest figure found, {now.get(HOLDS, 0)} would still "
        f"hold, {now.get(ROUGHLY, 0)} roughly, and {now.get(DOES_NOT_HOLD, 0)} would no "
        "longer hold: the letter would need new numbers today."
    )
    return text


def verdict_rules_markdown() -> str:
    from displacement_report.analysis.claims import RULES

    return "\n".join(f"- {text}" for _, text in RULES.values())


def claim_trend_title(series: pd.Series, claim: str, letter_year: int) -> str:
    """Title for a claim shown against its series: the value then and the latest."""
    latest = int(series.index.max())
    return (
        f"The letter's '{claim}': {millions(series.loc[letter_year])} at the end of "
        f"{letter_year}, {millions(series.loc[latest])} at the end of {latest}"
    )


def solutions_title(per_year: pd.DataFrame, year: int) -> str:
    share = per_year.loc[year, "all_solutions_pct"]
    return f"Durable solutions reached {percent(share)} of refugees in {year}"


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
