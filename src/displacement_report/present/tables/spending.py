"""Tables of the chapter on Dutch money for reception in the region: short summaries
for the chapter (EUR per person, money per result, channels, IATI) and the complete
lists of document figures and results, which go to the report's annex (`annex_tables`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

import pandas as pd

from displacement_report.analysis import spending
from displacement_report.i18n import N_, _, country_name, localized, pgettext
from displacement_report.present import sources
from displacement_report.present.exhibits import table_html
from displacement_report.present.format import (
    count,
    in_millions,
    money,
    percent,
    period,
    qualified,
    whole_amount,
)
from displacement_report.present.vocabulary import kind_label, quality_label

# What the chapter calls the annex tables: '@tab:<name>' in its sentences.
BUDGET_FIGURES = "budget_figures"
PACKAGES = "packages_and_envelopes"
PROSPECTS = "prospects_figures"
PLAN_3RP = "plan_3rp_figures"
RESULTS = "results_reported"
EU_INSTRUMENTS = "eu_instruments"

#: Domains of the reported results, as a sentence names them.
DOMAIN_PHRASES = {
    "education": N_("education"),
    "income_and_work": N_("income and work"),
    "mhpss": N_("mental health and psychosocial support"),
    "protection": N_("protection"),
    "health": N_("health"),
    "other": N_("other subjects"),
}
#: How good a figure's source is, as the data files record it.


def _quality(rows: pd.DataFrame) -> list[str]:
    return [quality_label(q) for q in rows["quality"]]


def _amount_text(amount: float, unit: str, qualifier: str) -> str:
    if unit == "percent":
        text = percent(amount, 1)
    else:
        # a reference table keeps every figure as read: to a tenth of a million, or to the
        # million in billions ('EUR 1.074 billion'); never a pointless '.0'
        text = money(amount, unit, 3 if abs(amount) >= 1e9 else 1)
    return qualified(text, qualifier)


def _place(rows: pd.DataFrame) -> list[str]:
    """Where each figure applies: a country by its name in the edition's language
    (the data give a country as its ISO3 code), else the region as the data name it."""
    places = localized(rows, "geography")
    return [country_name(p, p) if re.fullmatch(r"[A-Z]{3}", str(p)) else str(p) for p in places]


def document_figures_table(
    rows: pd.DataFrame, caption: str, name: str | None = None, annex: bool = False
) -> str:
    """Figures read in documents, each with its amount, kind, period and quality; the
    source line lists every document the rows come from."""
    frame = pd.DataFrame(
        {
            pgettext("a published number", "Figure"): localized(rows, "description").to_numpy(),
            _("Amount"): [
                _amount_text(a, u, q)
                for a, u, q in zip(rows["amount"], rows["unit"], rows["qualifier"], strict=True)
            ],
            _("Kind"): [kind_label(k) for k in rows["amount_kind"]],
            _("Period"): [
                period(s, e) for s, e in zip(rows["period_start"], rows["period_end"], strict=True)
            ],
            _("Where"): _place(rows),
            _("Source quality"): _quality(rows),
            "Id": rows["amount_id"].to_numpy(),
        }
    )
    return table_html(frame, {}, caption, sources.documents(rows), name, annex, data_only=["Id"])


def channels_table(rows: pd.DataFrame) -> str:
    """The channels' shares of the programming, largest first: short enough for the
    chapter, with the quality of each figure's source."""
    rows = rows.sort_values("amount", ascending=False, kind="stable")
    years = period(int(rows["period_start"].min()), int(rows["period_end"].max()))
    frame = pd.DataFrame(
        {
            pgettext("a published number", "Figure"): localized(rows, "description").to_numpy(),
            _("Share"): [
                _amount_text(a, u, q)
                for a, u, q in zip(rows["amount"], rows["unit"], rows["qualifier"], strict=True)
            ],
            _("Source quality"): _quality(rows),
        }
    )
    caption = _("Reception-in-the-region programming by channel, {years}").format(years=years)
    # the share is written already; a formatter only aligns it as a number
    return table_html(frame, {_("Share"): str}, caption, sources.documents(rows), "channels")


def results_table(
    rows: pd.DataFrame, caption: str, name: str | None = None, annex: bool = False
) -> str:
    number = _("Number")
    frame = pd.DataFrame(
        {
            _("Result"): localized(rows, "description").to_numpy(),
            # the domain the chapter counts results by ('9 on education'), checkable here
            _("Domain"): [_(DOMAIN_PHRASES.get(str(d), str(d))) for d in rows["domain"]],
            number: rows["value"].to_numpy(),
            _("Unit"): localized(rows, "unit").to_numpy(),
            _("Target or achieved"): [
                _("target") if t else _("achieved") for t in rows["is_target"]
            ],
            _("Period"): [
                period(s, e) for s, e in zip(rows["period_start"], rows["period_end"], strict=True)
            ],
            _("Where"): _place(rows),
            "Id": rows["result_id"].to_numpy(),
        }
    )
    return table_html(
        frame, {number: count}, caption, sources.documents(rows), name, annex, data_only=["Id"]
    )


def per_person_table(
    table: pd.DataFrame, caption: str, source: str, stages: pd.Series | None = None
) -> str:
    """EUR per person hosted; `stages` (year -> budget stage) names each year's stage."""
    budget = _("Budget, EUR million")
    stage_names = [
        kind_label(str(stages.get(y))) if stages is not None and stages.get(y) else ""
        for y in table.index
    ]
    frame = pd.DataFrame(
        {
            _("Year"): table.index.astype(str),
            _("Budget stage"): stage_names,
            budget: table["eur"].to_numpy(),
            _("EUR per refugee (UNHCR)"): table["eur_per_refugees"].to_numpy(),
            _("EUR per refugee or asylum-seeker"): table[
                "eur_per_refugees_asylum_seekers"
            ].to_numpy(),
            _("EUR per person, Palestine refugees (UNRWA) counted too"): table[
                "eur_per_refugees_asylum_seekers_unrwa"
            ].to_numpy(),
        }
    )
    if stages is None:
        frame = frame.drop(columns=_("Budget stage"))
    formats = {budget: in_millions} | dict.fromkeys(list(frame.columns)[-3:], count)
    return table_html(frame, formats, caption, source, name="eur_per_person")


def iati_table(split: pd.DataFrame, names: Mapping[str, str], caption: str, source: str) -> str:
    disbursed = _("Disbursed")
    frame = pd.DataFrame(
        {
            _("Country"): [names.get(c, c) for c in split["iso3"]],
            _("Year"): split["year"].astype(str).to_numpy(),
            _("Currency"): split["currency"].to_numpy(),
            disbursed: split["amount"].to_numpy(),
        }
    )
    return table_html(frame, {disbursed: count}, caption, source, name="iati_disbursements")


def cost_per_result_table(table: pd.DataFrame, amounts: pd.DataFrame, caption: str) -> str:
    """Money per reported result; the source line names the documents of the amounts
    used (the results come from the same programme reports)."""
    reported = _("Results reported")
    result_id, amount_id = _("Result id"), _("Amount id")
    frame = pd.DataFrame(
        {
            _("Domain"): [_(DOMAIN_PHRASES.get(str(d), str(d))) for d in table["domain"]],
            reported: table["result"].to_numpy(),
            _("Money"): [
                money(m, str(c)) for c, m in zip(table["currency"], table["money"], strict=True)
            ],
            _("Kind of amount"): [kind_label(k) for k in table["money_kind"]],
            _("Money per result"): [
                whole_amount(v, str(c))
                for c, v in zip(table["currency"], table["per_result"], strict=True)
            ],
            result_id: table["result_id"].to_numpy(),
            amount_id: table["amount_id"].to_numpy(),
        }
    )
    return table_html(
        frame,
        {reported: count},
        caption,
        sources.documents(amounts[amounts["amount_id"].isin(table["amount_id"])]),
        name="cost_per_result",
        data_only=[result_id, amount_id],
    )


def iati_section(iati, focus: list[str] | tuple[str, ...], names: Mapping[str, str], path) -> str:
    """Disbursements from an IATI file by focus country and year, or how to add one."""

    if iati is None:
        text = _(
            "This edition was made without the ministry's IATI activity file (see the "
            "technical notes at the end); with it, the ministry's disbursements appear here "
            "by focus country, year and currency."
        )
        return f"<p>{text}</p>"
    from displacement_report.data.iati import transactions_by_country

    split = transactions_by_country(iati)
    shown = split[split["iso3"].isin(list(focus))]
    source = sources.iati(path)
    caption = _("Disbursements to the focus countries in the IATI file, by year and currency")
    return iati_table(shown, names, caption, source)


def annex_tables(amounts: pd.DataFrame, results: pd.DataFrame) -> str:
    """Every document figure and result the chapter summarises, one table per topic,
    for the report's annex (in the chapter's order, which is the order it refers to them)."""
    topics = [
        (
            BUDGET_FIGURES,
            spending.BUDGET_TOPICS,
            _("Budget figures for reception in the region (EUR; budget stages, not spending)"),
        ),
        (
            PACKAGES,
            spending.PACKAGE_TOPICS,
            _("Packages and envelopes for reception in the region"),
        ),
        (PROSPECTS, "prospects", _("PROSPECTS: the partnership and its country budgets")),
        (PLAN_3RP, "3rp", _("The Regional Refugee and Resilience Plan (3RP) for the Syria crisis")),
    ]
    parts = [
        document_figures_table(spending.of_topics(amounts, topic), caption, name, annex=True)
        for name, topic, caption in topics
    ]
    parts.append(
        results_table(
            results,
            _("Results reported for Dutch reception in the region and PROSPECTS"),
            RESULTS,
            annex=True,
        )
    )
    parts.append(
        document_figures_table(
            spending.eu_layer(amounts),
            _("EU instruments: the latest figure found for each stage"),
            EU_INSTRUMENTS,
            annex=True,
        )
    )
    return "".join(parts)
