"""Sentences and chart titles of the chapter on Dutch money for reception in the region.

How numbers read: the amounts of one sentence share their decimals ('EUR 128.0 million
to EUR 135.5 million'), a change is a whole percentage ('rose by 6%'), and a part that
is zero or unknown is left out rather than written as 0 or 'nan'. A sentence that
sums up a long list names the annex table holding the list (`@tab:...`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd

from displacement_report.analysis import spending
from displacement_report.i18n import N_, _, country_name, in_sentence, ngettext
from displacement_report.present.format import (
    as_float,
    bullet_list,
    money,
    money_digits,
    percent,
    period,
    whole_amount,
)
from displacement_report.present.tables import spending as tables
from displacement_report.present.vocabulary import STAGE_PHRASES, stage_phrase

ATTRIBUTION_RULE = N_(
    "Dutch results reporting attributes the results of programmes the Netherlands "
    "co-funds pro rata to its share of the funding"
)

#: Domains of the reported results, as a sentence names them.
DOMAIN_PHRASES = tables.DOMAIN_PHRASES

#: The EU instruments, as a sentence names them.
INSTRUMENT_PHRASES = {
    "eu_frit": N_("the EU Facility for Refugees in Turkey"),
    "eutf_syria": N_("the EU trust fund for the Syria crisis (Madad)"),
    "eutf_africa": N_("the EU Emergency Trust Fund for Africa"),
}


def _ref(name: str) -> str:
    """A reference the report build resolves to the table's number ('Table A.1')."""
    return f"@tab:{name}"


def join(items: Sequence[str]) -> str:
    """'a', 'a and b', 'a, b and c'."""
    if len(items) <= 1:
        return "".join(items)
    return _("{items} and {last}").format(items=", ".join(items[:-1]), last=items[-1])


def change_phrase(old: float, new: float) -> str:
    """'rose by 6%', 'fell by 12%', 'stayed the same': whole percentages, or one
    decimal for a change under 1%."""
    if new == old or not old:
        return _("stayed the same")
    change = 100 * (new - old) / abs(old)
    size = percent(abs(change), 0 if abs(change) >= 1 else 1)
    if change > 0:
        return _("rose by {change}").format(change=size)
    return _("fell by {change}").format(change=size)


# --- the budget ---------------------------------------------------------------------------


def _line_sentence(line: pd.DataFrame) -> str:
    """The latest year of the line: its one stage, or how it moved from the first to
    the last stage found."""
    year = int(line.index.max())
    stages = line.loc[year].dropna()
    first, last = as_float(stages.iloc[0]), as_float(stages.iloc[-1])
    if len(stages) == 1:
        return _("For {year} the line stood at {amount} in {stage}.").format(
            year=year, amount=money(first, "EUR"), stage=stage_phrase(str(stages.index[0]))
        )
    digits = money_digits(first, last)
    return _(
        "For {year} the line was {first} in {first_stage} and {last} in {last_stage}: it {change}."
    ).format(
        year=year,
        first=money(first, "EUR", digits),
        first_stage=stage_phrase(str(stages.index[0])),
        last=money(last, "EUR", digits),
        last_stage=stage_phrase(str(stages.index[-1])),
        change=change_phrase(first, last),
    )


def budget_paragraph(line: pd.DataFrame, art42: pd.DataFrame, letter_budget: float) -> str:
    """What the budget figures say, labelled as budget stages, never as spending."""
    text = _(
        "The letter's {amount} a year is the budget line for contributions to "
        "(inter)national organisations for reception in the region, in article 4.2 of the "
        "development budget (chapter XVII)."
    ).format(amount=money(letter_budget, "EUR"))
    if not line.empty:
        text += " " + _line_sentence(line)
    if not art42.empty:
        first, last = int(art42.index.min()), int(art42.index.max())
        text += " " + _(
            "The whole sub-article 4.2 (which also funds migration cooperation) is known "
            "for {years}."
        ).format(years=period(first, last))
    return (
        text
        + " "
        + _("All of these are budget figures: what was planned, not what was spent.")
        + " "
        + _("Every budget figure found, with its source, is listed in {table}.").format(
            table=_ref(tables.BUDGET_FIGURES)
        )
    )


def packages_paragraph(rows: pd.DataFrame) -> str:
    """How many package figures the annex lists, for which years, and why they are
    not added up."""
    first, last = int(rows["period_start"].min()), int(rows["period_end"].max())
    text = ngettext(
        "The documents give {n} figure for one-off packages and multi-year envelopes, "
        "for {years} ({table}).",
        "The documents give {n} figures for one-off packages and multi-year envelopes, "
        "for {years} ({table}).",
        len(rows),
    ).format(n=len(rows), years=period(first, last), table=_ref(tables.PACKAGES))
    if len(rows) > 1:
        text += " " + _(
            "Several documents may cite the same envelope, and a country's share is part "
            "of a package: the figures are listed as published, not added up."
        )
    return text


# --- money set against need ---------------------------------------------------------------

#: The counts an amount per person divides by (`spending.PER_PERSON_GROUPS`), as a
#: sentence names them.
_PER_GROUP = {
    "eur_per_refugees": N_("{amount} per refugee under UNHCR's mandate"),
    "eur_per_refugees_asylum_seekers": N_("{amount} per refugee or asylum-seeker"),
    "eur_per_refugees_asylum_seekers_unrwa": N_(
        "{amount} per person when Palestine refugees under UNRWA's mandate are counted too"
    ),
}


def _per_group_parts(row: pd.Series) -> list[str]:
    """'EUR 22 per refugee ...' for each wider count; a count that adds nobody (no
    asylum-seekers, no Palestine refugees) repeats the one before and is left out."""
    parts = []
    previous = None
    for column, phrase in _PER_GROUP.items():
        value = row[column]
        if pd.notna(value) and value > 0 and value != previous:
            parts.append(_(phrase).format(amount=whole_amount(float(value), "EUR")))
        previous = value
    if parts:
        parts[0] = f"**{parts[0]}**"
    return parts


def _or(items: Sequence[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return _("{items} or {last}").format(items=", ".join(items[:-1]), last=items[-1])


def per_person_paragraph(table: pd.DataFrame, hosts: int, stages: pd.Series | None = None) -> str:
    """EUR per person hosted, for the latest year with the line's own budget; `stages`
    (year -> budget stage, `spending.latest_stage_kinds`) names the stage of the amount."""
    if table.empty:
        return _(
            "No year has both a published budget for the reception-in-the-region line and "
            "displacement figures, so no amount per person hosted can be given."
        )
    year = int(table.index.max())
    row = table.loc[year]
    assert isinstance(row, pd.Series)  # one row per year
    where = ngettext("the focus country", "the {n} focus countries", hosts).format(n=hosts)
    parts = _per_group_parts(row)
    if not parts:
        return _(
            "No refugees, asylum-seekers or Palestine refugees were hosted in {where} at the "
            "end of {year}, so no amount per person hosted can be given."
        ).format(where=where, year=year)
    stage = stages.get(year) if stages is not None else None
    amount = money(as_float(row["eur"]), "EUR")
    if stage in STAGE_PHRASES:
        amount = _("{amount} in {stage}, the latest stage found").format(
            amount=amount, stage=stage_phrase(str(stage))
        )
    else:
        amount = _("{amount}, latest stage found").format(amount=amount)
    text = _(
        "The line's {year} budget ({amount}) set against the people hosted in {where} at the "
        "end of {year} comes to {parts}."
    ).format(year=year, amount=amount, where=where, parts=_or(parts))
    if len(parts) > 1:
        text += " " + _(
            "Each divides the whole amount by a wider count of the people hosted: views of "
            "the same money, the Dutch contribution per person depending on whom one counts, "
            "not what a person's reception costs."
        )
    if len(table) == 1:
        text += " " + _("The line's budget was found for {year} only.").format(year=year)
    return text


# --- channels, partners and appeals -------------------------------------------------------


def prospects_paragraph(rows: pd.DataFrame, names: Mapping[str, str]) -> str:
    """The partnership as a whole and the countries with their own figure, pointing to
    the annex for every figure."""
    countries = spending.is_country(rows["geography"])
    whole = rows[~countries]
    digits = money_digits(*whole["amount"])
    wholes = [
        _("{amount} for {years}").format(amount=money(a, u, digits), years=period(int(s), int(e)))
        for a, u, s, e in zip(
            whole["amount"], whole["unit"], whole["period_start"], whole["period_end"], strict=True
        )
    ]
    places = [
        in_sentence(n) for n in sorted({names.get(c, c) for c in rows.loc[countries, "geography"]})
    ]
    parts = []
    if wholes:
        parts.append(_("for the partnership as a whole, {amounts}").format(amounts=join(wholes)))
    if places:
        parts.append(_("for {countries}, figures of their own").format(countries=join(places)))
    text = ngettext(
        "For PROSPECTS the documents give {n} figure ({table})",
        "For PROSPECTS the documents give {n} figures ({table})",
        len(rows),
    ).format(n=len(rows), table=_ref(tables.PROSPECTS))
    text += (": " + "; ".join(parts) if parts else "") + "."
    if whole["unit"].nunique() > 1:
        text += " " + _(
            "The figures for the whole partnership come from different documents in "
            "different currencies; neither is converted or added to the other."
        )
    return text


def plan_paragraph(rows: pd.DataFrame) -> str:
    """The 3RP's requirement in each year a document gives it; the annex has the rest."""
    required = spending.requirements_by_year(rows)
    text = ""
    if not required.empty:
        digits = money_digits(*required)
        years = [
            _("{amount} in {year}").format(amount=money(v, "USD", digits), year=int(y))
            for y, v in zip(required.index.tolist(), required.tolist(), strict=True)
        ]
        text = (
            _("In the years with a published requirement, the 3RP asked for {amounts}.").format(
                amounts=join(years)
            )
            + " "
        )
    shares = rows["unit"].eq("percent").any()
    listing = (
        _(
            "{table} lists all {n} figures found, among them the shares funded, which the "
            "documents give at different dates of the year."
        )
        if shares
        else _("{table} lists all {n} figures found.")
    )
    return text + listing.format(table=_ref(tables.PLAN_3RP), n=len(rows))


def requirement_shares_paragraph(
    shares: list[spending.RequirementShare], names: Mapping[str, str] | None = None
) -> str:
    if not shares:
        return _(
            "No Dutch amount and appeal requirement in the data cover the same country, year "
            "and currency (the 3RP's requirements are published in US dollars for the whole "
            "region, the Dutch budget in euros). The chapter 'What reception costs, here and in "
            "the region' sets Dutch amounts against the appeals they answer in US dollars, at "
            "the ECB's annual average rate of the year, with the rate stated."
        )
    names = names or {}
    share_digits = 1 if any(s.percent < 10 for s in shares) else 0
    money_decimals = money_digits(*(s.requirement for s in shares))
    parts = [
        _("{place} {year}: {share} of a {requirement} requirement").format(
            place=names.get(s.geography, s.geography),
            year=s.year,
            share=percent(s.percent, share_digits),
            requirement=money(s.requirement, s.unit, money_decimals),
        )
        for s in shares
    ]
    return _(
        "Dutch money as a share of appeal requirements, where both are known: {parts}."
    ).format(parts="; ".join(parts))


# --- results ------------------------------------------------------------------------------


def results_paragraph(results: pd.DataFrame) -> str:
    """How many results the reports give, achieved and targets, and in which domains;
    a count that is zero is not written."""
    by_domain = spending.results_by_domain(results)
    achieved, targets = int(by_domain["achieved"].sum()), int(by_domain["target"].sum())
    if achieved and targets:
        counted = _("{results}, {achieved} achieved and {targets}").format(
            results=ngettext("{n} result", "{n} results", len(results)).format(n=len(results)),
            achieved=achieved,
            targets=ngettext("{n} target", "{n} targets", targets).format(n=targets),
        )
    elif targets:
        counted = ngettext("{n} target", "{n} targets", targets).format(n=targets)
    else:
        counted = ngettext("{n} achieved result", "{n} achieved results", achieved).format(
            n=achieved
        )
    domains = [
        _("{n} on {domain}").format(n=n, domain=_(DOMAIN_PHRASES.get(str(d), str(d))))
        for d, n in by_domain["total"].items()
    ]
    text = _("The programme reports give {counted}: {domains} ({table}).").format(
        counted=counted, domains=join(domains), table=_ref(tables.RESULTS)
    )
    if results["unit"].nunique() > 1:
        text += " " + _(
            "They count different things (children, households, jobs, ...), so they are "
            "not added up."
        )
    return text


def _sentence_start(clause: str) -> str:
    """A clause made to open a sentence ('de Nederlandse ...' -> 'De Nederlandse ...')."""
    return clause[:1].upper() + clause[1:]


def cost_per_result_paragraph(table: pd.DataFrame) -> str:
    if table.empty:
        return (
            _(
                "No reported result covers the same programme, place and period as a "
                "published amount, so no cost per result can be computed."
            )
            + " "
            + _sentence_start(_(ATTRIBUTION_RULE))
            + "."
        )
    return ngettext(
        "Only {n} reported result matches a published amount in programme, place and "
        "period. The money behind it paid for all of the programme's results at once, so "
        "the ratio is money per result of that kind, not the cost of one result; and {rule}.",
        "Only {n} reported results match a published amount in programme, place and "
        "period. The money behind them paid for all of the programme's results at once, so "
        "each ratio is money per result of that kind, not the cost of one result; and {rule}.",
        len(table),
    ).format(n=len(table), rule=_(ATTRIBUTION_RULE))


# --- the EU layer -------------------------------------------------------------------------


def eu_paragraph(eu: pd.DataFrame) -> str:
    """What each EU instrument had paid out by the latest figure found; an instrument
    without a payment figure is named as such, not given a zero."""
    paid = eu[eu["amount_kind"] == "disbursement"]
    digits = money_digits(*paid["amount"])
    found = []
    row: Any  # itertuples rows: pandas-stubs cannot know the columns' types
    for row in paid.itertuples():
        amount = money(float(row.amount), str(row.unit), digits)
        phrase = (
            _("more than {amount}").format(amount=amount)
            if row.qualifier == "more_than"
            else amount
        )
        found.append(
            _("{amount} from {instrument} ({years})").format(
                amount=phrase,
                instrument=_(INSTRUMENT_PHRASES.get(str(row.topic), str(row.topic))),
                years=period(int(row.period_start), int(row.period_end)),
            )
        )
    text = (
        _("By the latest figures found, {paid} had been paid out.").format(paid=join(found))
        if found
        else ""
    )
    without = [
        _(INSTRUMENT_PHRASES.get(t, t)) for t in eu["topic"].unique() if t not in set(paid["topic"])
    ]
    if without:
        text += " " + _("For {instruments} the documents give no payment figure.").format(
            instruments=join(without)
        )
    text += " " + _(
        "{table} gives the latest figure found at each stage, from allocation to payment; "
        "the stages are steps of the same money, not parts to add up."
    ).format(table=_ref(tables.EU_INSTRUMENTS))
    return text.strip()


# --- titles and what is missing -----------------------------------------------------------


#: What the public record does not provide (`spending.missing_figures`), one sentence per
#: subject: {countries} and {years} those it is missing for.
GAP_SENTENCES = {
    "realised_per_country": N_(
        "No realised (spent) reception-in-the-region amount per country for: "
        "{countries}; only budgets, allocations or programme totals were found."
    ),
    "oir_line": N_(
        "No budget figure of the reception-in-the-region line itself was found for: {years}."
    ),
    "oir_line_realised": N_(
        "No realised total for the reception-in-the-region line in any year: the "
        "figures are budget stages, not spending."
    ),
}


def gap_sentences(found: Sequence[spending.Missing]) -> list[str]:
    """What the public record does not provide (`spending.missing_figures`), in words."""
    return [
        _(GAP_SENTENCES[gap.subject]).format(
            countries=", ".join(in_sentence(country_name(c, c)) for c in gap.countries),
            years=", ".join(map(str, gap.years)),
        )
        for gap in found
    ]


def gaps_markdown(found: Sequence[spending.Missing]) -> str:
    """What the public record does not provide, as a list (or that nothing is missing)."""
    return bullet_list(gap_sentences(found))


def budget_stages_title(budget: pd.DataFrame) -> str:
    """e.g. 'Sub-article 4.2: EUR 167 million (2021, first stage) to EUR 304 million
    (2023, last stage found)'."""
    if budget.empty:
        return _("No budget figures by stage")
    first, last = int(budget.index.min()), int(budget.index.max())
    start = as_float(budget.loc[first].dropna().iloc[0])
    end = as_float(budget.loc[last].dropna().iloc[-1])
    digits = money_digits(start, end)
    return _(
        "Sub-article 4.2: {start} ({first}, first stage) to {end} ({last}, last stage found)"
    ).format(
        start=money(start, "EUR", digits), first=first, end=money(end, "EUR", digits), last=last
    )


def no_index_sentence(first_budget_year: int | None, year: int) -> str:
    """Why the budget-and-need index is not drawn: no draft budget up to the report year."""
    if first_budget_year is None:
        return _("No draft budget of sub-article 4.2 is in the data, so no index is drawn.")
    return _(
        "The first draft budget of sub-article 4.2 in the data is that of {first}, after "
        "{year}: for this report year no index of budget and displacement can be drawn."
    ).format(first=first_budget_year, year=year)


def budget_stages_caption(budget: pd.DataFrame) -> str:
    """The caption of the chart of sub-article 4.2 by budget stage."""
    return _(
        "The whole of sub-article 4.2 (reception in the region and migration cooperation) "
        "at each budget stage, {first}–{last} (EUR million; budget, not spending)"
    ).format(first=min(budget.index), last=max(budget.index))


def index_caption(index: pd.DataFrame, base: int) -> str:
    """The caption of the chart of the budget beside displacement, as an index."""
    return _(
        "The draft budget of sub-article 4.2 beside the number of forcibly displaced people "
        "in the focus countries and worldwide, {first}–{last} (index, {base} = 100)"
    ).format(first=min(index.index), last=max(index.index), base=base)
