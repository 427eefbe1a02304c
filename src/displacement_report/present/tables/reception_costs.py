"""Tables of the chapter 'What reception costs, here and in the region': cost figures per
unit, COA's totals and budget line, aid spent at home, DAC donors, the comparison's
sensitivity table and Dutch money against appeals. Every table names its unit in the
caption and keeps each figure in its own currency, basis and stage."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import pandas as pd
from babel.numbers import format_decimal

from displacement_report import i18n
from displacement_report.analysis import costs
from displacement_report.i18n import N_, _, localized
from displacement_report.present import sources
from displacement_report.present.exhibits import table_html
from displacement_report.present.format import (
    count,
    in_millions,
    millions_digits,
    one_decimal,
    percent,
    period,
    qualified,
    whole_amount,
)
from displacement_report.present.format import money as money_amount
from displacement_report.present.vocabulary import (
    basis_label,
    kind_label,
    quality_label,
    setting_label,
    setting_name,
    stage_header,
)

VINTAGE_LABELS = {
    "preliminary": N_("preliminary"),
    "as_published": N_("as published"),
    "revised": N_("revised"),
    "final": N_("final"),
}
#: COA's totals: a figure as first published and as restated a year later.
RESTATEMENT_LABELS = {"as_published": N_("first published"), "revised": N_("restated")}
#: The caption of each basis's table, with its currency.
BASIS_CAPTIONS = {
    "per_resident_year": N_(
        "Dutch asylum reception: EUR per registered resident per year (COA), nominal "
        "prices, as published up to {year}"
    ),
    "per_asylum_seeker_year": N_(
        "Dutch asylum reception: EUR per asylum seeker per year (estimates), nominal prices, "
        "as published up to {year}"
    ),
    "per_place_year": N_(
        "Dutch asylum reception: EUR per reception place per year (occupied or not), "
        "nominal prices, as published up to {year}"
    ),
    "per_person_day": N_(
        "Dutch asylum reception: EUR per person per day, nominal prices, as published up to {year}"
    ),
    "per_person_month": N_(
        "Dutch asylum reception: EUR per asylum seeker per month (cost price), nominal "
        "prices, as published up to {year}"
    ),
    "per_person_stay": N_(
        "Dutch asylum reception: EUR per asylum seeker for the whole stay, nominal prices, "
        "as published up to {year}"
    ),
}
#: The column of amounts in each basis's table.
BASIS_HEADERS = {
    "per_resident_year": N_("EUR per registered resident per year"),
    "per_asylum_seeker_year": N_("EUR per asylum seeker per year"),
    "per_place_year": N_("EUR per reception place per year"),
    "per_person_day": N_("EUR per person per day"),
    "per_person_month": N_("EUR per asylum seeker per month"),
    "per_person_stay": N_("EUR per asylum seeker for the whole stay"),
}
#: What each pair of `costs.APPEAL_PAIRS` compares.
APPEAL_RELATIONS = {
    "contribution_to_appeal": N_("the Dutch contribution to this appeal"),
    "pledge_to_unhcr": N_("the Dutch pledge to UNHCR against UNHCR's requirement for the year"),
    "whole_line_upper_bound": N_(
        "the whole reception-in-the-region line, which also funds the Horn of Africa "
        "and North Africa, against one regional appeal: an upper bound of the Dutch share"
    ),
}
DENOMINATORS = {
    "refugees": N_("Refugees under UNHCR's mandate hosted in the focus countries"),
    "refugees_asylum_seekers": N_("Refugees plus asylum-seekers hosted in the focus countries"),
    "refugees_asylum_seekers_unrwa": N_(
        "Refugees, asylum-seekers and Palestine refugees (UNRWA) in the focus countries"
    ),
}


def qualifier_prefix(qualifier: object) -> str:
    """The words before a bar's label ('more than '), '' for an exact figure."""
    return qualified("", qualifier) if isinstance(qualifier, str) else ""


def _figure() -> str:
    """The header of a column of figures' descriptions (a number, not a chart)."""
    return i18n.pgettext("a published number", "Figure")


def _qualities(values: Sequence[str] | pd.Series) -> list[str]:
    return [quality_label(q) for q in values]


def money(value: float, unit: str, qualifier: str = "exact") -> str:
    """'EUR 27,100', 'EUR 2,080' (an amount per person in whole euros), 'EUR 800
    million', 'USD 29.3 billion', '18.0%', '12 months', in the active language, with
    'about', 'more than' or 'up to'."""
    if unit == "percent":
        amount = percent(value, 1)
    elif unit == "months":
        amount = i18n.ngettext("{n} month", "{n} months", int(value)).format(n=f"{value:g}")
    elif unit == "year":
        amount = f"{value:g}"
    elif abs(value) >= 1e6:
        amount = money_amount(value, unit)
    else:
        amount = whole_amount(value, unit)
    return qualified(amount, qualifier)


def figures_table(rows: pd.DataFrame, caption: str, name: str | None = None) -> str:
    """Cost figures as published, each with its amount and unit, kind, publication,
    period and source quality; the source line lists every document."""
    frame = pd.DataFrame(
        {
            _figure(): localized(rows, "description").to_numpy(),
            _("Amount"): [
                money(v, u, q)
                for v, u, q in zip(rows["value"], rows["unit"], rows["qualifier"], strict=True)
            ],
            _("Per"): [basis_label(b) for b in rows["basis"]],
            _("Kind"): [kind_label(k) for k in rows["amount_kind"]],
            _("Publication"): [_(VINTAGE_LABELS[v]) for v in rows["vintage"]],
            _("Period as published"): localized(rows, "period").to_numpy(),
            _("Source quality"): _qualities(rows["quality"]),
            _("Id"): rows["cost_id"].to_numpy(),
        }
    )
    return table_html(frame, {}, caption, sources.documents(rows), name=name, data_only=[_("Id")])


def stage_table(rows: pd.DataFrame, caption: str, name: str) -> str:
    """A budget line per year (rows) and stage (columns), EUR million, with the ids of
    the figures; a stage with no figure is a dash, never a zero."""
    stages = [k for k in costs.COA_STAGES if k in set(rows["amount_kind"])]
    headers = [stage_header(stage) for stage in stages]
    records = []
    for year, group in rows.groupby("period_start"):
        by_stage = group.set_index("amount_kind")
        record: dict[str, object] = {_("Year"): str(year)}
        for stage, header in zip(stages, headers, strict=True):
            record[header] = (
                by_stage.loc[stage, "value"] if stage in by_stage.index else float("nan")
            )
        record[_("Ids")] = ", ".join(group["cost_id"])
        record[_("Source quality")] = ", ".join(_qualities(sorted(set(group["quality"]))))
        records.append(record)
    frame = pd.DataFrame(records)
    formats = dict.fromkeys(headers, in_millions)
    return table_html(
        frame, formats, caption, sources.documents(rows), name=name, data_only=[_("Ids")]
    )


def series_table(rows: pd.DataFrame, caption: str, name: str) -> str:
    """One figure per row, compact: period, amount in its currency, kind, quality, id."""
    frame = pd.DataFrame(
        {
            _("Period"): localized(rows, "period").to_numpy(),
            _("Amount"): [
                money(v, u, q)
                for v, u, q in zip(rows["value"], rows["unit"], rows["qualifier"], strict=True)
            ],
            _("Kind"): [kind_label(k) for k in rows["amount_kind"]],
            _("Source quality"): _qualities(rows["quality"]),
            _("Id"): rows["cost_id"].to_numpy(),
        }
    )
    return table_html(frame, {}, caption, sources.documents(rows), name=name, data_only=[_("Id")])


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
                _figure(): localized(rows, "description").to_numpy(),
                _("Reception"): [setting_label(s) for s in rows["setting"]],
                _(BASIS_HEADERS[basis]): [
                    money(v, "EUR", q)
                    for v, q in zip(rows["value"], rows["qualifier"], strict=True)
                ],
                _("Kind"): [kind_label(k) for k in rows["amount_kind"]],
                _("Period as published"): localized(rows, "period").to_numpy(),
                _("Source quality"): _qualities(rows["quality"]),
                _("Id"): rows["cost_id"].to_numpy(),
            }
        )
        parts.append(
            table_html(
                frame,
                {},
                _(caption).format(year=until),
                sources.documents(rows),
                name=f"cost_{basis}",
                data_only=[_("Id")],
            )
        )
    return "".join(parts)


def coa_totals_table(rows: pd.DataFrame, shown: pd.DataFrame, caption: str) -> str:
    """Every published figure of COA's total costs, with the one per year the chart uses."""
    rows = rows.sort_values(["period_start", "cost_id"])
    digits = millions_digits(*rows["value"])  # no pointless '.0'
    frame = pd.DataFrame(
        {
            _("Year"): rows["period_start"].astype(str).to_numpy(),
            _("COA total costs, EUR million"): [
                qualified(in_millions(v, digits), q)
                for v, q in zip(rows["value"], rows["qualifier"], strict=True)
            ],
            _("Publication"): [
                _(RESTATEMENT_LABELS.get(v, VINTAGE_LABELS[v])) for v in rows["vintage"]
            ],
            _("In the chart"): [
                _("yes") if i in set(shown["cost_id"]) else _("no") for i in rows["cost_id"]
            ],
            _("Source quality"): _qualities(rows["quality"]),
            _("Id"): rows["cost_id"].to_numpy(),
        }
    )
    return table_html(
        frame,
        {},
        caption,
        sources.documents(rows),
        name="coa_total_costs_table",
        data_only=[_("Id")],
    )


def _cell(rows: pd.DataFrame) -> str:
    return "; ".join(
        f"{money(r['value'], r['unit'], r['qualifier'])}, {kind_label(r['kind'])}"
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


def _rate(value: float) -> str:
    """A exchange rate to four decimals ('1.1827', '1,1827')."""
    return format_decimal(value, format="0.0000", locale=i18n.locale_code())


def _in_euros(row: dict[Any, Any]) -> str:
    rate = row["rate"]
    return _("{amount} at USD {rate} per EUR ({year} average of {days} daily rates)").format(
        amount=money_amount(row["eur"], "EUR"),
        rate=_rate(rate.rate),
        year=rate.year,
        days=rate.days,
    )


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
                _("Year"): period(int(year), int(group["year_end"].max())),
                _("ODA counted for asylum reception in the Netherlands"): _cell(in_donor) or "–",
                _("The same in EUR (ECB annual average)"): "; ".join(
                    _in_euros(r) for r in converted.to_dict("records")
                )
                or "–",
                _("Share of Dutch ODA, as published"): _cell(group[group["series"] == "share"])
                or "–",
                _("Reception-in-the-region line, EUR"): _cell(group[group["series"] == "oir_line"])
                or "–",
                _("Whole sub-article 4.2, EUR"): _cell(group[group["series"] == "art42"]) or "–",
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
                f"{qualified(one_decimal(v / 1e9), q)} ({_(VINTAGE_LABELS[g])})"
                for v, q, g in zip(rows["value"], rows["qualifier"], rows["vintage"], strict=True)
            )
            or "–"
        )

    frame = pd.DataFrame(
        {
            _("Year"): [str(y) for y in shares.index],
            _("In-donor refugee costs, USD billion"): [
                amounts_of("dac_in_donor", y) for y in shares.index
            ],
            _("Total ODA, USD billion"): [amounts_of("dac_oda_total", y) for y in shares.index],
            _("Share of ODA as published, %"): [
                f"{one_decimal(v)} ({_(VINTAGE_LABELS[g])})" if pd.notna(v) else "–"
                for v, g in zip(shares["published"], shares["published_vintage"], strict=True)
            ],
            _("Share implied by the same release's amounts, %"): [
                one_decimal(v) for v in shares["implied"]
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


def counted(when: str, start: int, end: int) -> str:
    """When the people of a denominator were counted ('end of 2021', 'mid-2017 to
    mid-2018'; `costs.region_per_person`)."""
    if when == "end_of_year":
        return _("end of {year}").format(year=end)
    return _("mid-{start} to mid-{end}").format(start=start, end=end)


def cost_label(cost: costs.DutchCost) -> str:
    """A Dutch cost per person per year as the comparison names it: 'Regular reception
    (COA, per registered resident, 2022)', 'All reception (second-hand rough estimate
    per asylum seeker, c. 2019)', its period in the edition's language. An estimate read
    in a secondary source (a fact-check, a news report) says so wherever it is used."""
    if cost.basis == "per_resident_year":
        label = _("{setting} (COA, per registered resident, {period})")
    elif cost.quality == "secondary":
        label = _("{setting} (second-hand rough estimate per asylum seeker, {period})")
    else:
        label = _("{setting} (estimate per asylum seeker, {period})")
    written = cost.period_nl if i18n.column_name("period") == "period_nl" else cost.period
    return label.format(setting=setting_name(cost.setting), period=written or cost.period)


def _result_ids(name: str) -> list[str]:
    """The results a denominator of people reached adds up (their ids in results.csv)."""
    return name.removeprefix("reached_").split("_") if name.startswith("reached_") else []


def denominator_label(name: str) -> str:
    """What a denominator of the comparison counts, in the active language (the ids of
    the results it counts are in the table's data file, not in the label)."""
    ids = _result_ids(name)
    if len(ids) > 1:  # counts by domain: one person may be in several
        return i18n.ngettext(
            "People reached by the programmes, as published, added up over {n} domain that "
            "may overlap: at most this many different people",
            "People reached by the programmes, as published, added up over {n} domains that "
            "may overlap: at most this many different people",
            len(ids),
        ).format(n=len(ids))
    if ids:
        return _("People reached by the programmes, as published")
    return _(DENOMINATORS[name])


def _ratio(value: object) -> str:
    return f"{count(value)}×"


def sensitivity_table(
    region: pd.DataFrame,
    ratios: pd.DataFrame,
    dutch: Sequence[costs.DutchCost],
    caption: str,
    source: str,
) -> str:
    """One row per denominator: the people counted, the region's budget per person, and
    how many times that each Dutch cost per person per year is."""
    people, per_person = _("People"), _("Region's budget per person, EUR a year")
    frame = pd.DataFrame(
        {
            _("Denominator"): [denominator_label(n) for n in region["denominator"]],
            people: region["people"].to_numpy(),
            _("Counted"): [
                counted(*when)
                for when in zip(
                    region["counted"], region["counted_start"], region["counted_end"], strict=True
                )
            ],
            per_person: region["eur_per_person"].to_numpy(),
        }
    )
    results = _("Results counted")
    frame[results] = [", ".join(_result_ids(n)) for n in region["denominator"]]
    formats: dict[str, Callable[..., str]] = {people: count, per_person: count}
    for cost in dutch:
        column = _("{label}: {amount} a year, ratio").format(
            label=cost_label(cost), amount=whole_amount(cost.value, "EUR")
        )
        frame[column] = ratios[cost.cost_id].to_numpy()
        formats[column] = _ratio
    return table_html(frame, formats, caption, source, name="cost_comparison", data_only=[results])


def _rate_cell(share: costs.AppealShare) -> str:
    if share.rate is None:
        return _("none (already USD)")
    return _("{rate} ({year}, {days} daily rates)").format(
        rate=_rate(share.rate.rate), year=share.rate.year, days=share.rate.days
    )


def appeals_table(shares: Sequence[costs.AppealShare], amounts: pd.DataFrame, caption: str) -> str:
    """Dutch money against the appeal it answers, in US dollars at the ECB annual
    average of the year (rate, year and number of daily rates stated)."""
    table = amounts.set_index("amount_id")
    described = localized(table, "description")
    dutch_money, dutch_share = _("Dutch money, USD million"), _("Dutch share, %")
    frame = pd.DataFrame(
        {
            _("Year"): [str(s.year) for s in shares],
            _("Dutch money, as published"): [
                _("{description}: {amount}, {kind}").format(
                    description=described.loc[s.dutch_id],
                    amount=money(s.dutch, s.dutch_unit),
                    kind=kind_label(s.dutch_kind),
                )
                for s in shares
            ],
            _("USD per EUR, ECB annual average"): [_rate_cell(s) for s in shares],
            dutch_money: [s.dutch_usd for s in shares],
            _("Appeal requirement, USD million"): [
                _("{amount}: {description}").format(
                    amount=in_millions(s.requirement_usd, millions_digits(s.requirement_usd)),
                    description=described.loc[s.need_id],
                )
                for s in shares
            ],
            dutch_share: [s.percent for s in shares],
            _("What the pair compares"): [_(APPEAL_RELATIONS[s.relation]) for s in shares],
            _("Ids"): [f"{s.dutch_id}, {s.need_id}" for s in shares],
        }
    )
    rows = amounts[amounts["amount_id"].isin([i for s in shares for i in (s.dutch_id, s.need_id)])]
    line = sources.documents(rows)
    if any(s.rate for s in shares):
        line = sources.combined(line, sources.ecb_rates())
    return table_html(
        frame,
        {
            dutch_money: in_millions,
            dutch_share: lambda v: format_decimal(v, format="0.00", locale=i18n.locale_code()),
        },
        caption,
        line,
        name="appeal_shares",
        data_only=[_("Ids")],
    )
