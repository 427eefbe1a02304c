"""Tables of the chapter 'What reception costs, here and in the region': cost figures per
unit, COA's totals and budget line, aid spent at home, DAC donors, the comparison's
sensitivity table and Dutch money against appeals. Every table names its unit in the
caption and keeps each figure in its own currency, basis and stage."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import pandas as pd

from displacement_report.analysis import costs
from displacement_report.data.costs import BASES
from displacement_report.present import sources
from displacement_report.present.format import count, in_millions, percent, table_html

QUALIFIER_WORDS = {"about": "about ", "more_than": "more than ", "up_to": "up to ", "exact": ""}
VINTAGE_LABELS = {
    "preliminary": "preliminary",
    "as_published": "as published",
    "revised": "revised",
    "final": "final",
}
#: What each basis is called in a caption, with its currency.
BASIS_CAPTIONS = {
    "per_resident_year": "EUR per registered resident per year (COA)",
    "per_asylum_seeker_year": "EUR per asylum seeker per year (estimates)",
    "per_place_year": "EUR per reception place per year (occupied or not)",
    "per_person_day": "EUR per person per day",
    "per_person_month": "EUR per asylum seeker per month (cost price)",
    "per_person_stay": "EUR per asylum seeker for the whole stay",
}
DENOMINATORS = {
    "refugees": "Refugees under UNHCR's mandate hosted in the focus countries",
    "refugees_asylum_seekers": "Refugees plus asylum-seekers hosted in the focus countries",
    "refugees_asylum_seekers_unrwa": (
        "Refugees, asylum-seekers and Palestine refugees (UNRWA) in the focus countries"
    ),
}


def money(value: float, unit: str, qualifier: str = "exact") -> str:
    """'EUR 27,100', 'EUR 76.60', 'EUR 800.0 million', 'USD 29.3 billion', '18%'."""
    prefix = QUALIFIER_WORDS.get(qualifier, "")
    if unit == "percent":
        return f"{prefix}{percent(value, 1)}"
    if unit in ("months", "year"):
        return f"{prefix}{value:g} {unit if unit == 'months' else ''}".strip()
    if abs(value) >= 1e9:
        return f"{prefix}{unit} {value / 1e9:,.1f} billion"
    if abs(value) >= 1e6:
        return f"{prefix}{unit} {in_millions(value)} million"
    if float(value).is_integer():
        return f"{prefix}{unit} {count(value)}"
    return f"{prefix}{unit} {value:,.2f}"


def _period(start: int, end: int) -> str:
    return str(start) if start == end else f"{start}–{end}"


def figures_table(rows: pd.DataFrame, caption: str, name: str | None = None) -> str:
    """Cost figures as published, each with its amount and unit, kind, publication,
    period and source quality; the source line lists every document."""
    frame = pd.DataFrame(
        {
            "Figure": rows["description"].to_numpy(),
            "Amount": [
                money(v, u, q)
                for v, u, q in zip(rows["value"], rows["unit"], rows["qualifier"], strict=True)
            ],
            "Per": [BASES[b] for b in rows["basis"]],
            "Kind": [costs.KIND_LABELS[k] for k in rows["amount_kind"]],
            "Publication": [VINTAGE_LABELS[v] for v in rows["vintage"]],
            "Period as published": rows["period"].to_numpy(),
            "Source quality": rows["quality"].to_numpy(),
            "Id": rows["cost_id"].to_numpy(),
        }
    )
    return table_html(frame, {}, caption, sources.documents(rows), name=name)


def stage_table(rows: pd.DataFrame, caption: str, name: str) -> str:
    """A budget line per year (rows) and stage (columns), EUR million, with the ids of
    the figures; a stage with no figure is a dash, never a zero."""
    stages = [k for k in costs.COA_STAGES if k in set(rows["amount_kind"])]
    records = []
    for year, group in rows.groupby("period_start"):
        by_stage = group.set_index("amount_kind")
        record: dict[str, object] = {"Year": str(year)}
        for stage in stages:
            record[costs.COA_STAGES[stage].split(" (")[0] + ", EUR million"] = (
                by_stage.loc[stage, "value"] if stage in by_stage.index else float("nan")
            )
        record["Ids"] = ", ".join(group["cost_id"])
        record["Source quality"] = ", ".join(sorted(set(group["quality"])))
        records.append(record)
    frame = pd.DataFrame(records)
    formats = dict.fromkeys([c for c in frame.columns if c.endswith("EUR million")], in_millions)
    return table_html(frame, formats, caption, sources.documents(rows), name=name)


def series_table(rows: pd.DataFrame, caption: str, name: str) -> str:
    """One figure per row, compact: period, amount in its currency, kind, quality, id."""
    frame = pd.DataFrame(
        {
            "Period": rows["period"].to_numpy(),
            "Amount": [
                money(v, u, q)
                for v, u, q in zip(rows["value"], rows["unit"], rows["qualifier"], strict=True)
            ],
            "Kind": [costs.KIND_LABELS[k] for k in rows["amount_kind"]],
            "Source quality": rows["quality"].to_numpy(),
            "Id": rows["cost_id"].to_numpy(),
        }
    )
    return table_html(frame, {}, caption, sources.documents(rows), name=name)


def per_person_tables(by_basis: dict[str, pd.DataFrame], until: int) -> str:
    """One table per unit (per resident per year, per place per year, per day, ...),
    never one column of mixed units."""
    parts = []
    for basis, caption in BASIS_CAPTIONS.items():
        if basis not in by_basis:
            continue
        rows = by_basis[basis]
        frame = pd.DataFrame(
            {
                "Figure": rows["description"].to_numpy(),
                "Reception": [
                    costs.SETTING_LABELS.get(s, "") if isinstance(s, str) else ""
                    for s in rows["setting"]
                ],
                caption.split(" (")[0]: [
                    money(v, "EUR", q)
                    for v, q in zip(rows["value"], rows["qualifier"], strict=True)
                ],
                "Kind": [costs.KIND_LABELS[k] for k in rows["amount_kind"]],
                "Period as published": rows["period"].to_numpy(),
                "Source quality": rows["quality"].to_numpy(),
                "Id": rows["cost_id"].to_numpy(),
            }
        )
        parts.append(
            table_html(
                frame,
                {},
                f"Dutch asylum reception: {caption}, nominal prices, as published up to {until}",
                sources.documents(rows),
                name=f"cost_{basis}",
            )
        )
    return "".join(parts)


def coa_totals_table(rows: pd.DataFrame, shown: pd.DataFrame, caption: str) -> str:
    """Every published figure of COA's total costs, with the one per year the chart uses."""
    rows = rows.sort_values(["period_start", "cost_id"])
    frame = pd.DataFrame(
        {
            "Year": rows["period_start"].astype(str).to_numpy(),
            "COA total costs, EUR million": [
                QUALIFIER_WORDS[q] + in_millions(v)
                for v, q in zip(rows["value"], rows["qualifier"], strict=True)
            ],
            "Publication": [
                {"as_published": "first published", "revised": "restated"}.get(v, v)
                for v in rows["vintage"]
            ],
            "In the chart": [
                "yes" if i in set(shown["cost_id"]) else "no" for i in rows["cost_id"]
            ],
            "Source quality": rows["quality"].to_numpy(),
            "Id": rows["cost_id"].to_numpy(),
        }
    )
    return table_html(frame, {}, caption, sources.documents(rows), name="coa_total_costs_table")


def _cell(rows: pd.DataFrame) -> str:
    return "; ".join(
        f"{money(r['value'], r['unit'], r['qualifier'])}, {costs.KIND_LABELS[r['kind']]}"
        for r in rows.to_dict("records")
    )


def aid_at_home_source(long: pd.DataFrame, cost_rows: pd.DataFrame, amounts: pd.DataFrame) -> str:
    """The documents of every figure in the aid-at-home table, and the ECB's rates if a
    dollar figure is shown in euros."""
    lines = [
        sources.documents(rows)
        for rows in (
            cost_rows[cost_rows["cost_id"].isin(long["id"])],
            amounts[amounts["amount_id"].isin(long["id"])],
        )
        if len(rows)
    ]
    if long["rate"].notna().any():
        lines.append(sources.ecb_rates())
    return sources.combined(*lines)


def aid_at_home_table(long: pd.DataFrame, caption: str, source: str) -> str:
    """By year: Dutch ODA counted for first-year asylum reception in its own currency
    (with a euro equivalent at the ECB annual average, rate stated), the published share
    of the aid budget, and the reception-in-the-region line and sub-article 4.2 (EUR)."""
    records = []
    year: Any  # a groupby key, which pandas-stubs types as any scalar
    for year, group in long.groupby("year"):
        in_donor = group[group["series"] == "in_donor"]
        converted = in_donor[in_donor["rate"].notna()]
        records.append(
            {
                "Year": _period(int(year), int(group["year_end"].max())),
                "ODA counted for asylum reception in the Netherlands": _cell(in_donor) or "–",
                "The same in EUR (ECB annual average)": "; ".join(
                    f"EUR {in_millions(r['eur'])} million at USD {r['rate'].rate:.4f} per EUR "
                    f"({r['rate'].year} average of {r['rate'].days} daily rates)"
                    for r in converted.to_dict("records")
                )
                or "–",
                "Share of Dutch ODA, as published": _cell(group[group["series"] == "share"]) or "–",
                "Reception-in-the-region line, EUR": _cell(group[group["series"] == "oir_line"])
                or "–",
                "Whole sub-article 4.2, EUR": _cell(group[group["series"] == "art42"]) or "–",
            }
        )
    frame = pd.DataFrame(records)
    return table_html(frame, {}, caption, source, name="aid_at_home")


def dac_table(shares: pd.DataFrame, amounts: pd.DataFrame, caption: str, source: str) -> str:
    """All DAC donors by year: in-donor refugee costs and total ODA (USD billion, with
    their publication), the published share and the share their amounts imply."""

    def amounts_of(topic: str, year: int) -> str:
        rows = amounts[(amounts["topic"] == topic) & (amounts["period_start"] == year)]
        rows = rows[rows["basis"] == "total"]
        return (
            "; ".join(
                f"{QUALIFIER_WORDS[q]}{v / 1e9:,.1f} ({VINTAGE_LABELS[g]})"
                for v, q, g in zip(rows["value"], rows["qualifier"], rows["vintage"], strict=True)
            )
            or "–"
        )

    frame = pd.DataFrame(
        {
            "Year": [str(y) for y in shares.index],
            "In-donor refugee costs, USD billion": [
                amounts_of("dac_in_donor", y) for y in shares.index
            ],
            "Total ODA, USD billion": [amounts_of("dac_oda_total", y) for y in shares.index],
            "Share of ODA as published, %": [
                f"{v:.1f} ({VINTAGE_LABELS[g]})" if pd.notna(v) else "–"
                for v, g in zip(shares["published"], shares["published_vintage"], strict=True)
            ],
            "Share implied by the same release's amounts, %": [
                f"{v:.1f}" if pd.notna(v) else "–" for v in shares["implied"]
            ],
        }
    )
    return table_html(frame, {}, caption, source, name="dac_in_donor_costs")


def comparison_source(
    unhcr_line: str,
    amounts: pd.DataFrame,
    results: pd.DataFrame,
    cost_figures: pd.DataFrame,
    dutch: Sequence[costs.DutchCost],
    reached: Sequence[costs.Reached],
    budget_year: int,
) -> str:
    """Every source of the comparison: UNHCR for the people hosted, the documents of the
    region's budget, of the results counted and of each Dutch cost."""
    reached_ids = [i for count in reached for i in count.result_ids]
    return sources.combined(
        unhcr_line,
        sources.documents(costs.region_budget_rows(amounts, budget_year)),
        sources.documents(results[results["result_id"].isin(reached_ids)]),
        sources.documents(cost_figures[cost_figures["cost_id"].isin([c.cost_id for c in dutch])]),
    )


def sensitivity_table(
    region: pd.DataFrame,
    ratios: pd.DataFrame,
    dutch: Sequence[costs.DutchCost],
    caption: str,
    source: str,
) -> str:
    """One row per denominator: the people counted, the region's budget per person, and
    how many times that each Dutch cost per person per year is."""
    labels = dict(DENOMINATORS)
    for name in region["denominator"]:
        if name.startswith("reached_"):
            ids = name.removeprefix("reached_").replace("_", ", ")
            labels[name] = f"People reached by the programmes, as published ({ids})"
    frame = pd.DataFrame(
        {
            "Denominator": [labels[n] for n in region["denominator"]],
            "People": region["people"].to_numpy(),
            "Counted": region["people_year"].to_numpy(),
            "Region's budget per person, EUR a year": region["eur_per_person"].to_numpy(),
        }
    )
    formats: dict[str, Callable[..., str]] = {
        "People": count,
        "Region's budget per person, EUR a year": count,
    }
    for cost in dutch:
        column = f"{cost.label}: EUR {count(cost.value)} a year, ratio"
        frame[column] = ratios[cost.cost_id].to_numpy()
        formats[column] = lambda v: f"{count(v)}×"
    return table_html(frame, formats, caption, source, name="cost_comparison")


def appeals_table(shares: Sequence[costs.AppealShare], amounts: pd.DataFrame, caption: str) -> str:
    """Dutch money against the appeal it answers, in US dollars at the ECB annual
    average of the year (rate, year and number of daily rates stated)."""
    table = amounts.set_index("amount_id")
    frame = pd.DataFrame(
        {
            "Year": [str(s.year) for s in shares],
            "Dutch money, as published": [
                f"{table.loc[s.dutch_id, 'description']!s}: {money(s.dutch, s.dutch_unit)}, "
                f"{costs.KIND_LABELS.get(s.dutch_kind, s.dutch_kind)} ({s.dutch_id})"
                for s in shares
            ],
            "USD per EUR, ECB annual average": [
                f"{s.rate.rate:.4f} ({s.rate.year}, {s.rate.days} daily rates)"
                if s.rate
                else "none (already USD)"
                for s in shares
            ],
            "Dutch money, USD million": [s.dutch_usd for s in shares],
            "Appeal requirement, USD million": [
                f"{in_millions(s.requirement_usd)}: {table.loc[s.need_id, 'description']!s} "
                f"({s.need_id})"
                for s in shares
            ],
            "Dutch share, %": [s.percent for s in shares],
            "What the pair compares": [s.relation for s in shares],
        }
    )
    rows = amounts[amounts["amount_id"].isin([i for s in shares for i in (s.dutch_id, s.need_id)])]
    line = sources.documents(rows)
    if any(s.rate for s in shares):
        line = sources.combined(line, sources.ecb_rates())
    return table_html(
        frame,
        {
            "Dutch money, USD million": in_millions,
            "Dutch share, %": lambda v: f"{v:.2f}",
        },
        caption,
        line,
        name="appeal_shares",
    )
