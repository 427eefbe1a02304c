"""Tables of the chapter on Dutch money for reception in the region: short summaries
for the chapter (EUR per person, money per result, channels, IATI) and the complete
lists of document figures and results, which go to the report's annex (`annex_tables`).
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from displacement_report.analysis import spending
from displacement_report.i18n import _
from displacement_report.present import sources
from displacement_report.present.format import (
    count,
    in_millions,
    one_decimal,
    table_html,
)

# What the chapter calls the annex tables: '@tab:<name>' in its sentences.
BUDGET_FIGURES = "budget_figures"
PACKAGES = "packages_and_envelopes"
PROSPECTS = "prospects_figures"
PLAN_3RP = "plan_3rp_figures"
RESULTS = "results_reported"
EU_INSTRUMENTS = "eu_instruments"

#: Reader-facing names of the kinds of amount in the document figures.
AMOUNT_KIND_LABELS = {
    "budget_draft": "draft budget",
    "budget_supplementary_1": "1st supplementary budget",
    "budget_supplementary_2": "2nd supplementary budget",
    "budget_other": "budget (stage not stated)",
    "realisation": "realised",
    "commitment": "committed",
    "contracted": "contracted",
    "disbursement": "paid out",
    "allocation": "allocated",
    "requirement": "required (appeal)",
    "funding_received": "funding received",
    "share": "share",
}


def _period(start: int, end: int) -> str:
    return str(start) if start == end else f"{start}–{end}"


def _amount_text(amount: float, unit: str, qualifier: str) -> str:
    prefix = {"about": "about ", "more_than": "more than ", "up_to": "up to "}.get(qualifier, "")
    if unit == "percent":
        return f"{prefix}{one_decimal(amount).removesuffix('.0')}%"
    # in millions with one decimal, as read: a reference table keeps every figure exact
    return f"{prefix}{unit} {in_millions(amount)} million"


def document_figures_table(
    rows: pd.DataFrame, caption: str, name: str | None = None, annex: bool = False
) -> str:
    """Figures read in documents, each with its amount, kind, period and quality; the
    source line lists every document the rows come from."""
    frame = pd.DataFrame(
        {
            "Figure": rows["description"].to_numpy(),
            "Amount": [
                _amount_text(a, u, q)
                for a, u, q in zip(rows["amount"], rows["unit"], rows["qualifier"], strict=True)
            ],
            "Kind": [AMOUNT_KIND_LABELS[k] for k in rows["amount_kind"]],
            "Period": [
                _period(s, e) for s, e in zip(rows["period_start"], rows["period_end"], strict=True)
            ],
            "Where": rows["geography"].to_numpy(),
            "Source quality": rows["quality"].to_numpy(),
            "Id": rows["amount_id"].to_numpy(),
        }
    )
    return table_html(frame, {}, caption, sources.documents(rows), name, annex)


def channels_table(rows: pd.DataFrame) -> str:
    """The channels' shares of the programming, largest first: short enough for the
    chapter, with the quality of each figure's source."""
    rows = rows.sort_values("amount", ascending=False, kind="stable")
    years = _period(int(rows["period_start"].min()), int(rows["period_end"].max()))
    frame = pd.DataFrame(
        {
            _("Figure"): rows["description"].to_numpy(),
            _("Share"): [
                _amount_text(a, u, q)
                for a, u, q in zip(rows["amount"], rows["unit"], rows["qualifier"], strict=True)
            ],
            _("Source quality"): rows["quality"].to_numpy(),
        }
    )
    caption = _("Reception-in-the-region programming by channel, {years}").format(years=years)
    # the share is written already; a formatter only aligns it as a number
    return table_html(frame, {_("Share"): str}, caption, sources.documents(rows), "channels")


def results_table(
    rows: pd.DataFrame, caption: str, name: str | None = None, annex: bool = False
) -> str:
    frame = pd.DataFrame(
        {
            "Result": rows["description"].to_numpy(),
            "Number": rows["value"].to_numpy(),
            "Unit": rows["unit"].to_numpy(),
            "Target or achieved": ["target" if t else "achieved" for t in rows["is_target"]],
            "Period": [
                _period(s, e) for s, e in zip(rows["period_start"], rows["period_end"], strict=True)
            ],
            "Where": rows["geography"].to_numpy(),
            "Id": rows["result_id"].to_numpy(),
        }
    )
    return table_html(frame, {"Number": count}, caption, sources.documents(rows), name, annex)


def per_person_table(table: pd.DataFrame, caption: str, source: str) -> str:
    frame = pd.DataFrame(
        {
            "Year": table.index.astype(str),
            "Budget, EUR million": table["eur"].to_numpy(),
            "EUR per refugee (UNHCR)": table["eur_per_refugees"].to_numpy(),
            "EUR per asylum-seeker": table["eur_per_asylum_seekers"].to_numpy(),
            "EUR per Palestine refugee (UNRWA)": table["eur_per_unrwa_refugees"].to_numpy(),
        }
    )
    formats = {"Budget, EUR million": in_millions} | dict.fromkeys(list(frame.columns)[2:], count)
    return table_html(frame, formats, caption, source, name="eur_per_person")


def iati_table(split: pd.DataFrame, names: Mapping[str, str], caption: str, source: str) -> str:
    frame = pd.DataFrame(
        {
            "Country": [names.get(c, c) for c in split["iso3"]],
            "Year": split["year"].astype(str).to_numpy(),
            "Currency": split["currency"].to_numpy(),
            "Disbursed": split["amount"].to_numpy(),
        }
    )
    return table_html(frame, {"Disbursed": count}, caption, source)


def cost_per_result_table(table: pd.DataFrame, amounts: pd.DataFrame, caption: str) -> str:
    """Money per reported result; the source line names the documents of the amounts
    used (the results come from the same programme reports)."""
    frame = pd.DataFrame(
        {
            "Result": table["result_id"].to_numpy(),
            "Domain": table["domain"].to_numpy(),
            "Results reported": table["result"].to_numpy(),
            "Money": [
                f"{c} {in_millions(m)} million"
                for c, m in zip(table["currency"], table["money"], strict=True)
            ],
            "Kind of amount": [AMOUNT_KIND_LABELS[k] for k in table["money_kind"]],
            "Money per result": [
                f"{c} {count(v)}"
                for c, v in zip(table["currency"], table["per_result"], strict=True)
            ],
            "Amount": table["amount_id"].to_numpy(),
        }
    )
    return table_html(
        frame,
        {"Results reported": count},
        caption,
        sources.documents(amounts[amounts["amount_id"].isin(table["amount_id"])]),
    )


def iati_section(iati, focus: list[str] | tuple[str, ...], names: Mapping[str, str], path) -> str:
    """Disbursements from an IATI file by focus country and year, or how to add one."""

    if iati is None:
        return (
            "<p>No IATI activity file was given for this report; the technical notes at the "
            "end say how to add the ministry's. Its disbursements then appear here by focus "
            "country, year and currency.</p>"
        )
    from displacement_report.data.iati import transactions_by_country

    split = transactions_by_country(iati)
    shown = split[split["iso3"].isin(list(focus))]
    source = sources.iati(path)
    caption = "Disbursements to the focus countries in the IATI file, by year and currency"
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
