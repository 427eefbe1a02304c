"""Sentences and chart titles of chapter 3: protracted situations, solutions, children."""

from __future__ import annotations

import pandas as pd
from babel.lists import format_list

from displacement_report.analysis.breaks import Break
from displacement_report.i18n import N_, _, country_name, in_sentence, locale_code, ngettext
from displacement_report.present.format import (
    count,
    escape_markdown,
    millions,
    one_decimal,
    percent,
)
from displacement_report.present.narrative.breaks import breaks_note, column_labels, moves_text


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
        "Where age is known ({coverage} of the {people} forcibly displaced people in UNHCR's "
        "demographics table for {year}), **{children}** were children under 18; {female} of "
        "those whose sex is known were women and girls. The internally displaced among them "
        "({idps}) are those UNHCR counts, not IDMC's figure that the rest of this report "
        "uses: IDMC gives no ages."
    ).format(
        coverage=percent(profile.coverage, 0),
        people=millions(profile.people_total),
        idps=millions(profile.internally_displaced),
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


def high_income_sentence(high_income: pd.DataFrame, year: int, fiscal_year: int) -> str:
    """That UNHCR's rule counts protracted situations in high-income hosts too, with the
    largest of them (`high_income`: `protracted.in_income_group` of the situations)."""
    if high_income.empty:
        return _(
            "UNHCR's rule counts a situation wherever it is, in high-income countries too; at "
            "the end of {year} no high-income country (World Bank income groups of fiscal year "
            "{fiscal_year}) hosted one."
        ).format(year=year, fiscal_year=fiscal_year)
    largest = high_income.iloc[0]
    return ngettext(
        "UNHCR's rule counts a situation wherever it is, in high-income countries too: at the "
        "end of {year}, {n} situation with {refugees} refugees was in a high-income country "
        "(World Bank income groups of fiscal year {fiscal_year}): {origin} in {host} "
        "({largest}).",
        "UNHCR's rule counts a situation wherever it is, in high-income countries too: at the "
        "end of {year}, {n} situations with {refugees} refugees were in high-income countries "
        "(World Bank income groups of fiscal year {fiscal_year}), the largest {origin} in "
        "{host} ({largest}).",
        len(high_income),
    ).format(
        year=year,
        n=len(high_income),
        refugees=millions(high_income["refugees"].sum()),
        fiscal_year=fiscal_year,
        origin=_("refugees from {country}").format(
            country=escape_markdown(
                in_sentence(country_name(largest["coo_iso"], largest["coo_name"]))
            )
        ),
        host=escape_markdown(in_sentence(country_name(largest["coa_iso"], largest["coa_name"]))),
        largest=count(largest["refugees"]),
    )


# --- stateless people -------------------------------------------------------------------


def stateless_paragraph(
    by_year: pd.DataFrame, largest: pd.DataFrame, year: int, first_reported: int | None
) -> str:
    """The total, the trend since the first year counted, the largest situations, and
    Global Trends' caveat: countries without data (`by_year`: `stateless.stateless_by_year`;
    `first_reported`: `stateless.first_reported_year`)."""
    counted = by_year["stateless"].dropna()
    if year not in counted.index:
        if first_reported is None:
            return _("UNHCR's table records no stateless people in any year.")
        return _(
            "UNHCR's table records no stateless people before {first}, so none can be given "
            "for {year}: the count did not exist yet, which is not the same as nobody."
        ).format(first=first_reported, year=year)
    countries = by_year["countries"].astype("float")
    reporting = int(countries.loc[year])
    first = int(counted.index.min())
    sentences = [
        ngettext(
            "At the end of {year}, **{total}** stateless people were reported, by {n} country.",
            "At the end of {year}, **{total}** stateless people were reported, by {n} countries.",
            reporting,
        ).format(year=year, total=millions(counted.loc[year]), n=reporting)
    ]
    if first < year:
        sentences.append(
            _("UNHCR's table counts them from {first} ({then}, reported by {n} countries).").format(
                first=first,
                then=millions(counted.loc[first]),
                n=int(countries.loc[first]),
            )
        )
    if not largest.empty:
        named = [
            _("{country} ({n})").format(
                country=escape_markdown(in_sentence(country_name(str(r.iso3), str(r.country)))),
                n=millions(r.stateless),
            )
            for r in largest.head(3).itertuples()
        ]
        sentences.append(
            _("The largest numbers were reported by {countries}.").format(
                countries=format_list(named, locale=locale_code())
            )
        )
    sentences.append(
        _(
            "As Global Trends warns, these are the countries that report: many have no "
            "reliable data on statelessness, so the true number is higher. Global Trends "
            "counts stateless people apart from the forcibly displaced; some are both, such as "
            "stateless refugees."
        )
    )
    return " ".join(sentences)


def stateless_title(by_year: pd.DataFrame, year: int) -> str:
    counted = by_year["stateless"].dropna()
    if year not in counted.index:
        return _("Stateless people reported, by year")
    return _("{total} stateless people reported at the end of {year}").format(
        total=millions(counted.loc[year]), year=year
    )


# --- returns ------------------------------------------------------------------------------

RETURN_LABELS = {
    "returned_refugees": N_("Refugees who returned home"),
    "returned_idps": N_("Internally displaced people who returned"),
}
STOCK_LABELS = {
    "returned_refugees": N_("Refugees under UNHCR's mandate"),
    "returned_idps": N_("Internally displaced people (IDMC)"),
}


def returns_paragraph(table: pd.DataFrame, largest: dict[str, pd.DataFrame], year: int) -> str:
    """Refugee and IDP returns in `year` (`returns.returns_in_year`), the change on the
    year before, the countries most returned to, and what a return does not say."""
    refugees, idps = table.loc["returned_refugees"], table.loc["returned_idps"]
    sentences = [
        _(
            "In {year}, **{refugees}** refugees returned to their country and **{idps}** "
            "internally displaced people returned to their homes (in {before}: {refugees_before} "
            "and {idps_before})."
        ).format(
            year=year,
            before=year - 1,
            refugees=millions(refugees["returned"]),
            idps=millions(idps["returned"]),
            refugees_before=millions(refugees["returned_year_before"]),
            idps_before=millions(idps["returned_year_before"]),
        )
    ]
    for kind, text in (
        ("returned_refugees", N_("Refugees returned above all to {countries}.")),
        ("returned_idps", N_("Internally displaced people returned above all in {countries}.")),
    ):
        found = largest.get(kind)
        if found is None or found.empty:
            continue
        named = [
            _("{country} ({n})").format(
                country=escape_markdown(in_sentence(country_name(str(r.iso3), str(r.country)))),
                n=millions(r.returned),
            )
            for r in found.itertuples()
        ]
        sentences.append(_(text).format(countries=format_list(named, locale=locale_code())))
    sentences.append(
        _(
            "A return is not always a durable solution: UNHCR counts the people who went back, "
            "not whether they could stay in safety and rebuild their lives, and some are "
            "displaced again."
        )
    )
    return " ".join(sentences)


def stateless_caption(by_year: pd.DataFrame, year: int) -> str:
    counted = by_year["stateless"].dropna()
    first = int(counted.index.min()) if len(counted) else year
    return _(
        "Stateless people reported to UNHCR at the end of each year, {first}–{year}; UNHCR's "
        "table has no count before {first}."
    ).format(first=first, year=year)


#: The stateless chart's one series, as its break note names it.
STATELESS_SERIES = {"stateless": N_("Stateless people")}


def stateless_breaks_note(by_year: pd.DataFrame, found: list[Break], movers: list[Break]) -> str:
    """The note under the stateless chart (`by_year`: `stateless.stateless_by_year`): its
    moves of more than 40% in one year (`stateless.breaks`), from the chart's first year,
    that UNHCR states no reason for them, and the country whose report moved most each
    time (`stateless.break_movers`), which the data do show."""
    counted = by_year["stateless"].dropna()
    if counted.empty:
        return ""
    note = breaks_note(found, column_labels(STATELESS_SERIES), int(counted.index.min()))
    if not note or not movers:
        return note
    moved = _("The country whose report moved most each time: {moves}.").format(
        moves=moves_text(movers, lambda b: country_name(b.series[0], b.series[0]))
    )
    return f"{note[:-1]} {moved}*"
