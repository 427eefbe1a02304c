"""Sentences and chart titles of chapter 3: protracted situations, solutions, children."""

from __future__ import annotations

import pandas as pd
from babel.lists import format_list

from displacement_report.i18n import _, locale_code, ngettext
from displacement_report.present.format import (
    count,
    millions,
    one_decimal,
    percent,
)


def _rule(threshold: int, years: int) -> str:
    return _(
        "{threshold} or more refugees of one nationality in one host country for {years} or "
        "more consecutive years"
    ).format(threshold=count(threshold), years=years)


def protracted_paragraph(summary, threshold: int, years: int, year: int) -> str:
    rule = _rule(threshold, years)
    if not summary.situations:
        return _("At the end of {year}, no refugee situation met the rule ({rule}).").format(
            year=year, rule=rule
        )
    hosts = ngettext("{n} host country", "{n} host countries", summary.hosts).format(
        n=summary.hosts
    )
    fields = {
        "year": year,
        "n": summary.situations,
        "rule": rule,
        "hosts": hosts,
        "refugees": millions(summary.refugees),
        "share": percent(summary.share_of_refugees, 0),
    }
    sentences = [
        ngettext(
            "At the end of {year}, {n} situation met the rule ({rule}), in {hosts}.",
            "At the end of {year}, {n} situations met the rule ({rule}), in {hosts}.",
            summary.situations,
        ).format(**fields),
        ngettext(
            "It held **{refugees}** refugees, {share} of all refugees under UNHCR's mandate.",
            "They held **{refugees}** refugees, {share} of all refugees under UNHCR's mandate.",
            summary.situations,
        ).format(**fields),
    ]
    if summary.situations == 1:
        sentences.append(
            _("It had lasted {years} years.").format(years=count(summary.mean_duration))
        )
    else:
        sentences.append(
            _("On average these situations had lasted {mean} years (median {median}).").format(
                mean=one_decimal(summary.mean_duration),
                median=count(round(summary.median_duration)),
            )
        )
    return " ".join(sentences)


def _solution_clauses(row: pd.Series) -> list[str]:
    """One clause per solution that anyone found; a solution nobody found is left out."""
    clauses = []
    if row["returned_refugees"]:
        clauses.append(_("{n} refugees returned home").format(n=count(row["returned_refugees"])))
    if row["resettlement"]:
        clauses.append(_("{n} arrived through resettlement").format(n=count(row["resettlement"])))
    if row["naturalisation"]:
        clauses.append(_("{n} were naturalised").format(n=count(row["naturalisation"])))
    return clauses


def solutions_paragraph(per_year: pd.DataFrame, year: int) -> str:
    row = per_year.loc[year]
    assert isinstance(row, pd.Series)  # one row per year
    clauses = _solution_clauses(row)
    fields = {
        "year": year,
        "before": year - 1,
        "solutions": format_list(clauses, locale=locale_code()) if clauses else "",
        "share": percent(row["all_solutions_pct"]),
        "stock": millions(row["stock_year_before"]),
    }
    if not clauses:
        return _(
            "In {year}, UNHCR recorded no returns, resettlement arrivals or naturalisations."
        ).format(**fields)
    if len(clauses) == 1:
        return _(
            "In {year}, {solutions}: {share} of the {stock} refugees under UNHCR's mandate at "
            "the end of {before}."
        ).format(**fields)
    return _(
        "In {year}, {solutions}: together {share} of the {stock} refugees under UNHCR's "
        "mandate at the end of {before}."
    ).format(**fields)


def children_paragraph(profile, year: int, covered: list[int]) -> str:
    if profile is None:
        if not covered:
            return _(
                "UNHCR's demographics table covers no year, so the share of children among "
                "the displaced cannot be given for {year}."
            ).format(year=year)
        return _(
            "UNHCR's demographics table does not cover {year} (it covers {years}), so the "
            "share of children among the displaced cannot be given for {year}."
        ).format(year=year, years=format_list([str(y) for y in covered], locale=locale_code()))
    return _(
        "Where age is known ({coverage} of the {people} forcibly displaced people in the "
        "demographics table for {year}), **{children}** were children under 18; {female} of "
        "those whose sex is known were women and girls."
    ).format(
        coverage=percent(profile.coverage, 0),
        people=millions(profile.people_total),
        year=year,
        children=percent(profile.share_children, 0),
        female=percent(profile.share_female, 0),
    )


def solutions_title(per_year: pd.DataFrame, year: int) -> str:
    share = per_year.loc[year, "all_solutions_pct"]
    return _("Durable solutions reached {share} of refugees in {year}").format(
        share=percent(share), year=year
    )


def solutions_mark(per_year: pd.DataFrame, year: int) -> tuple[int, str, str]:
    """The title's figure, to be written at its point on the chart."""
    return year, "all_solutions_pct", percent(per_year.loc[year, "all_solutions_pct"])


def solutions_caption(per_year: pd.DataFrame) -> str:
    """The caption of the chart of durable solutions as a share of refugees."""
    return _(
        "Refugees who returned home, were resettled or were naturalised in the year, as a "
        "share of the refugees under UNHCR's mandate at the end of the year before, "
        "{first}–{last}"
    ).format(first=min(per_year.index), last=max(per_year.index))
