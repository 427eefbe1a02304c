"""Sentences and chart titles of the chapter 'Asylum in the Netherlands and reception in
the region', and the asylum lines of the country profile; computed values only."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from displacement_report.analysis.asylum import EU_ROW, NETHERLANDS
from displacement_report.i18n import (
    N_,
    _,
    country_name,
    in_sentence,
    ngettext,
    plural_count,
    sentence_starts,
)
from displacement_report.present.format import (
    count,
    escape_markdown,
    missing,
    one_decimal,
    percent,
)


def _name(names: Mapping[str, str], code: str) -> str:
    return escape_markdown(in_sentence(names.get(code, code)))


def _list(items: list[str]) -> str:
    """'a', 'a and b', 'a, b and c'."""
    if len(items) <= 1:
        return "".join(items)
    return _("{items} and {last}").format(items=", ".join(items[:-1]), last=items[-1])


# --- neighbouring country and region of origin -----------------------------------------


def lenses_title(lenses: pd.DataFrame, year: int) -> str:
    if year not in lenses.index:
        return _("Refugees next to or in their region of origin")
    now = lenses.loc[year]
    return _("{year}: {neighbouring} in a neighbouring country, {region} in their region").format(
        year=year, neighbouring=percent(now["neighbouring"], 0), region=percent(now["region"], 0)
    )


def _majority(now: pd.Series) -> str:
    near, region = now["neighbouring"] > 50, now["region"] > 50
    if near and region:
        return _("By both readings most refugees stay close to home.")
    if region:
        return _(
            "Most stay in their region of origin, but not most in a country next to their own."
        )
    if near:
        return _("Most live in a neighbouring country, but not most in their region of origin.")
    return _("By neither reading do most refugees stay close to home.")


def lenses_paragraph(
    lenses: pd.DataFrame, strict: float, unknown: float, year: int, baseline: int
) -> str:
    """The two readings of 'most refugees stay in their region' in `year` and `baseline`;
    `strict`: the neighbouring share leaving out unknown origin and stateless people;
    `unknown`: their share of the people counted (percent)."""
    if year not in lenses.index:
        return _("UNHCR's statistics record no refugees for the end of {year}.").format(year=year)
    now = lenses.loc[year]
    assert isinstance(now, pd.Series)  # one row per year
    text = _(
        "At the end of {year}, **{neighbouring}** of the refugees and other people in need "
        "of international protection lived in a country bordering their country of origin, "
        "and **{region}** in their region of origin as UNHCR draws its regions."
    ).format(year=year, neighbouring=percent(now["neighbouring"]), region=percent(now["region"]))
    text += " " + _majority(now)
    if baseline != year and baseline in lenses.index:
        then = lenses.loc[baseline]
        text += " " + _(
            "At the end of {baseline} the two shares were {neighbouring} and {region}."
        ).format(
            baseline=baseline,
            neighbouring=percent(then["neighbouring"]),
            region=percent(then["region"]),
        )
    if not missing(strict) and not missing(unknown):
        text += " " + _(
            "Of the people counted in {year}, {unknown} had an unknown origin or were "
            "stateless; leaving them out of the count altogether would give {strict} instead "
            "of {neighbouring}."
        ).format(
            year=year,
            unknown=percent(unknown),
            strict=percent(strict),
            neighbouring=percent(now["neighbouring"]),
        )
    return text


def published_sentence(lenses: pd.DataFrame, published: pd.Series, figure: str) -> str:
    """The shares Global Trends published beside the ones computed here, for the years
    the chart `figure` marks them; empty when it marks none."""
    shown = [y for y in published.index if y in lenses.index]
    if not shown:
        return ""
    pairs = "; ".join(
        _("{year}: {published} ({computed})").format(
            year=y,
            published=percent(published[y], 0),
            computed=percent(lenses.loc[y, "neighbouring"]),
        )
        for y in shown
    )
    return _(
        "The points in @fig:{figure} are the neighbouring shares as Global Trends published "
        "them, with the share computed here in brackets: {pairs}."
    ).format(figure=figure, pairs=pairs)


def _origin_name(row: pd.Series) -> str:
    """An origin of a table built from UNHCR's rows, by the name readers know."""
    return escape_markdown(in_sentence(country_name(str(row["iso3"]), str(row["country"]))))


def origins_sentence(by_origin: pd.DataFrame, year: int) -> str:
    if by_origin.empty:
        return ""
    ordered = by_origin.sort_values("share")
    low, high = ordered.iloc[0], ordered.iloc[-1]
    if len(by_origin) == 1:
        return _(
            "At the end of {year}, {share} of the refugees from {country}, the only origin "
            "shown, lived in a neighbouring country."
        ).format(year=year, share=percent(low["share"], 0), country=_origin_name(low))
    return _(
        "Among the {n} largest origins at the end of {year}, the share living in a "
        "neighbouring country ranged from {low} ({low_country}) to {high} ({high_country})."
    ).format(
        n=len(by_origin),
        year=year,
        low=percent(low["share"], 0),
        low_country=_origin_name(low),
        high=percent(high["share"], 0),
        high_country=_origin_name(high),
    )


def hosts_sentence(in_hosts: pd.DataFrame, names: Mapping[str, str], year: int) -> str:
    """Which focus countries mostly host people from next door, and for a host whose
    reading the measure's definition turns, what it leaves out (`left_out_sentences`)."""
    text = _hosts_sentence(in_hosts, names, year)
    return " ".join([text, *left_out_sentences(in_hosts, names)])


def left_out_sentences(in_hosts: pd.DataFrame, names: Mapping[str, str]) -> list[str]:
    """For each host said not to host mostly people from a neighbouring country whose
    asylum-seekers, whom the share leaves out by definition, would turn that reading
    (counted with them, more than half came from a neighbouring country): what the
    share leaves out (Egypt at the end of 2025: 878,268 asylum-seekers, 796,517 from a
    neighbouring country, against 220,033 refugees and OIP counted)."""
    if "share_with_asylum_seekers" not in in_hosts:
        return []
    sentences = []
    for code, row in in_hosts.iterrows():
        if not row["people"] or row["share"] > 50 or not row["asylum_seekers"]:
            continue
        with_them = row["share_with_asylum_seekers"]
        if not with_them > 50:
            continue
        sentences.append(
            _(
                "{country}'s share counts refugees and other people in need of international "
                "protection only: it leaves out by definition the {waiting} asylum-seekers "
                "there, {near} of them from a neighbouring country. Counted with them, "
                "{with_share} of the people {country} hosts came from a neighbouring country "
                "(@tab:neighbouring_in_focus_countries)."
            ).format(
                country=_name(names, str(code)),
                waiting=count(row["asylum_seekers"]),
                near=count(row["asylum_seekers_from_neighbouring"]),
                with_share=percent(with_them),
            )
        )
    return sentences


def _hosts_sentence(in_hosts: pd.DataFrame, names: Mapping[str, str], year: int) -> str:
    """Which focus countries mostly host people from next door."""
    hosting = in_hosts[in_hosts["people"] > 0]
    if hosting.empty:
        return _("None of the focus countries hosted refugees at the end of {year}.").format(
            year=year
        )
    mostly = [_name(names, c) for c in hosting.index if hosting.loc[c, "share"] > 50]
    others = [_name(names, c) for c in hosting.index if hosting.loc[c, "share"] <= 50]
    if len(hosting) == 1:
        return _(
            "At the end of {year}, {country} was the only focus country hosting refugees; "
            "{share} of them came from a neighbouring country."
        ).format(
            year=year,
            country=_name(names, str(hosting.index[0])),
            share=percent(hosting["share"].iloc[0], 0),
        )
    values = {"year": year, "n": len(hosting), "mostly": len(mostly), "others": _list(others)}
    if not others:
        return _(
            "At the end of {year}, each of the {n} focus countries hosting refugees had more "
            "than half of them from a neighbouring country."
        ).format(**values)
    if not mostly:
        return _(
            "At the end of {year}, none of the {n} focus countries hosting refugees had more "
            "than half of them from a neighbouring country."
        ).format(**values)
    return _(
        "At the end of {year}, {mostly} of the {n} focus countries hosting refugees had more "
        "than half of them from a neighbouring country; {others} did not."
    ).format(**values)


# --- new arrivals -------------------------------------------------------------------------


def arrivals_paragraph(table: pd.DataFrame, year: int) -> str:
    """New arrivals in the focus countries, the Netherlands and the world in `year`, and
    the focus countries' arrivals per new Dutch asylum claim."""
    if year not in table.index or not table.loc[year, "world_arrivals"]:
        return _("UNHCR's table of new arrivals records nobody for {year}.").format(year=year)
    row = table.loc[year]
    values = {
        "year": year,
        "focus": count(row["focus_arrivals"]),
        "dutch": count(row["dutch_arrivals"]),
        "world": count(row["world_arrivals"]),
    }
    if row["dutch_arrivals"]:
        text = _(
            "In {year} the focus countries together received **{focus}** new arrivals of "
            "refugees, people in refugee-like situations, asylum-seekers and other people in "
            "need of international protection; the Netherlands {dutch}; the world {world}."
        ).format(**values)
    else:  # a part that is zero is left out
        text = _(
            "In {year} the focus countries together received **{focus}** new arrivals of "
            "refugees, people in refugee-like situations, asylum-seekers and other people in "
            "need of international protection; the world {world}."
        ).format(**values)
    if missing(row["per_dutch_claim"]):
        text += " " + _(
            "UNHCR's table of asylum claims has no new claim in the Netherlands for {year} "
            "(it starts in 2000), so no ratio is given."
        ).format(year=year)
    else:
        text += " " + _(
            "For each new asylum claim lodged in the Netherlands ({claims} in all), the focus "
            "countries received **{ratio}** new arrivals."
        ).format(claims=count(row["dutch_new_claims"]), ratio=one_decimal(row["per_dutch_claim"]))
    return text


def arrivals_title(table: pd.DataFrame, year: int) -> str:
    ratio = table["per_dutch_claim"].get(year, float("nan"))
    if missing(ratio):
        return _("New arrivals in the focus countries per new Dutch claim")
    return _("{year}: {ratio} arrivals in the focus countries per Dutch claim").format(
        year=year, ratio=one_decimal(ratio)
    )


# --- claims and decisions ---------------------------------------------------------------


def no_claims(year: int, first_year: int | None) -> str:
    """Said instead of the claims and decisions sections when the year has no data."""
    if first_year is None:
        return _("The UNHCR folder holds no asylum claims or decisions.")
    return _(
        "UNHCR's tables of asylum claims and decisions start in {first_year}; for {year} "
        "there is nothing to show."
    ).format(first_year=first_year, year=year)


def _dutch_claims(row: pd.Series, per_1000: object, year: int) -> str:
    """The Dutch claims of `year`: new (or not told apart), per 1,000, repeat."""
    new = int(row["new_claims"])
    if row["not_split"]:
        text = ngettext(
            "In {year}, **{new}** asylum claim was lodged in the Netherlands (new and repeat "
            "claims not told apart).",
            "In {year}, **{new}** asylum claims were lodged in the Netherlands (new and repeat "
            "claims not told apart).",
            new,
        ).format(year=year, new=count(new))
    else:
        text = ngettext(
            "In {year}, **{new}** new asylum claim was lodged in the Netherlands.",
            "In {year}, **{new}** new asylum claims were lodged in the Netherlands.",
            new,
        ).format(year=year, new=count(new))
    if not missing(per_1000):
        text += " " + _("That is {rate} per 1,000 inhabitants.").format(rate=one_decimal(per_1000))
    repeat = int(row["repeat"])
    if repeat and not row["not_split"]:
        text += " " + ngettext(
            "There was also {repeat} repeat claim.",
            "There were also {repeat} repeat claims.",
            repeat,
        ).format(repeat=count(repeat))
    return text


def _eu_and_focus_claims(
    compared: pd.DataFrame, rank: tuple[int, int] | None, names: Mapping[str, str]
) -> str:
    """The EU-27's new claims per 1,000 and the Dutch place among its members; the
    focus country with the most."""
    text = ""
    eu = compared.loc[EU_ROW]
    if not missing(eu["per_1000"]):
        rate = one_decimal(eu["per_1000"])
        if rank:
            text += " " + _(
                "The EU-27 together had {rate} per 1,000; the Netherlands ranked {place} of "
                "the {members} member states with a figure."
            ).format(rate=rate, place=rank[0], members=rank[1])
        else:
            text += " " + _("The EU-27 together had {rate} per 1,000.").format(rate=rate)
    focus = compared.drop(index=[NETHERLANDS, EU_ROW]).dropna(subset=["per_1000"])
    if not focus.empty:
        top = str(focus["per_1000"].idxmax())  # an ISO3 code
        text += " " + _(
            "Among the focus countries, {country} had the most new claims per 1,000 "
            "inhabitants ({rate})."
        ).format(country=_name(names, top), rate=one_decimal(focus.loc[top, "per_1000"]))
    return text


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
        return _(
            "UNHCR's table records no asylum claim lodged in the Netherlands in {year}."
        ).format(year=year)
    row = by_type.loc[year]
    assert isinstance(row, pd.Series)  # one row per year
    text = _dutch_claims(row, compared.loc[NETHERLANDS, "per_1000"], year)
    return text + _eu_and_focus_claims(compared, rank, names)


def rates_definition(minimum: int) -> str:
    return _(
        "UNHCR's two rates are shares of the *substantive* decisions: those that recognise "
        "refugee status under the 1951 Convention, grant complementary protection, or reject "
        "the claim. Cases closed otherwise (for example claims withdrawn or abandoned, or "
        "claims another state is responsible for) are not decisions on the claim and are "
        "left out. The *refugee recognition rate* is the share granted Convention status; "
        "the *total protection rate* the share granted Convention status or complementary "
        "protection. Decisions at first instance and on appeal and review are added up. A "
        "rate is shown only where it rests on at least {minimum} substantive decisions."
    ).format(minimum=count(minimum))


def _focus_rates(compared: pd.DataFrame, names: Mapping[str, str]) -> str:
    """The range of the focus countries' total protection rates, where they have one."""
    focus = compared.drop(index=[NETHERLANDS, EU_ROW])
    if focus.empty:
        return ""
    shown = focus.dropna(subset=["total_protection_rate"])
    if shown.empty:
        return " " + _("None of the focus countries recorded enough decisions for a rate.")
    lowest = str(shown["total_protection_rate"].idxmin())  # ISO3 codes
    highest = str(shown["total_protection_rate"].idxmax())
    if len(shown) == 1:
        return " " + _(
            "Of the focus countries only {country} recorded enough decisions for a rate: a "
            "total protection rate of {rate}."
        ).format(
            country=_name(names, lowest),
            rate=percent(shown.loc[lowest, "total_protection_rate"], 0),
        )
    return " " + _(
        "In the focus countries with enough decisions the total protection rate ranged from "
        "{low} ({low_country}) to {high} ({high_country})."
    ).format(
        low=percent(shown.loc[lowest, "total_protection_rate"], 0),
        low_country=_name(names, lowest),
        high=percent(shown.loc[highest, "total_protection_rate"], 0),
        high_country=_name(names, highest),
    )


def rates_paragraph(compared: pd.DataFrame, names: Mapping[str, str], year: int) -> str:
    """The two rates for the Netherlands, the EU-27 and the focus countries in `year`."""
    nl, eu = compared.loc[NETHERLANDS], compared.loc[EU_ROW]
    if missing(nl["total_protection_rate"]):
        text = _(
            "Too few substantive decisions were recorded in the Netherlands in {year} "
            "({decisions}) for a rate."
        ).format(year=year, decisions=count(nl["substantive"]))
    else:
        text = _(
            "Of the {decisions} substantive decisions in the Netherlands in {year}, "
            "**{total}** granted protection (total protection rate); {recognition} granted "
            "refugee status (refugee recognition rate)."
        ).format(
            decisions=count(nl["substantive"]),
            year=year,
            total=percent(nl["total_protection_rate"], 0),
            recognition=percent(nl["recognition_rate"], 0),
        )
    if not missing(eu["total_protection_rate"]):
        text += " " + _("In the EU-27 together the rates were {total} and {recognition}.").format(
            total=percent(eu["total_protection_rate"], 0),
            recognition=percent(eu["recognition_rate"], 0),
        )
    return text + _focus_rates(compared, names)


def claims_title(year: int, first: int) -> str:
    return _("Asylum claims lodged in the Netherlands, {first}-{year}").format(
        first=first, year=year
    )


def per_1000_title(year: int) -> str:
    return _("New asylum claims per 1,000 inhabitants, {year}").format(year=year)


def rates_title(rates: pd.DataFrame, year: int) -> str:
    value = rates["total_protection_rate"].get(year, float("nan"))
    if missing(value):
        return _("Protection rates in the Netherlands")
    return _("Dutch total protection rate: {rate} in {year}").format(
        rate=percent(value, 0), year=year
    )


# --- national figures --------------------------------------------------------------------

#: The national total's excess over UNHCR's claims, set beside the family
#: reunification figure of the same year (applications or arrivals).
_FAMILY_SENTENCES = {
    "family_reunification_applications": N_(
        "The national total of {year} ({total}) exceeds UNHCR's new and repeat claims "
        "({unhcr}) by {gap}, close to the {family} family reunification applications of "
        "that year."
    ),
    "family_reunification_arrivals": N_(
        "The national total of {year} ({total}) exceeds UNHCR's new and repeat claims "
        "({unhcr}) by {gap}, close to the {family} family members who arrived through "
        "family reunification that year."
    ),
}


def _first_applications(beside: pd.DataFrame) -> str:
    firsts = beside[(beside["measure"] == "first_applications") & beside["unhcr"].notna()]
    if firsts.empty:
        return ""
    largest = firsts.iloc[firsts["difference_pct"].abs().argmax()]
    return _(
        "First applications as the Dutch sources count them and UNHCR's new claims differ "
        "by at most {difference} in the years shown ({year}: {national} against {unhcr})."
    ).format(
        difference=percent(abs(largest["difference_pct"])),
        year=largest["year"],
        national=count(largest["value"]),
        unhcr=count(largest["unhcr"]),
    )


def _family_gap(beside: pd.DataFrame) -> str:
    """The latest year with a national total, a UNHCR count and a family figure."""
    for year in sorted(set(beside["year"]), reverse=True):
        rows = beside[beside["year"] == year].set_index("measure")
        family = [m for m in _FAMILY_SENTENCES if m in rows.index]
        if "total" in rows.index and family and not missing(rows.loc["total", "unhcr"]):
            return _(_FAMILY_SENTENCES[family[0]]).format(
                year=year,
                total=count(rows.loc["total", "value"]),
                unhcr=count(rows.loc["total", "unhcr"]),
                gap=count(rows.loc["total", "difference"]),
                family=count(rows.loc[family[0], "value"]),
            )
    return ""


def national_paragraph(beside: pd.DataFrame, national: pd.DataFrame, first: int, year: int) -> str:
    """What the side-by-side of national and UNHCR figures (years `first` to `year`)
    shows, from the latest year that has both a national total and a family-reunification
    figure; `national`: every national figure collected."""
    if beside.empty:
        return _(
            "The Dutch national figures collected for this report cover {first}-{last}; none "
            "falls in {start}-{end}."
        ).format(first=national["year"].min(), last=national["year"].max(), start=first, end=year)
    return " ".join(p for p in (_first_applications(beside), _family_gap(beside)) if p)


# --- the country profile ----------------------------------------------------------------


#: Who decided, by procedure type, as a sentence's subject.
DECIDERS = {
    "G": N_("the government"),
    "J": N_("the government and UNHCR jointly"),
    "U": N_("UNHCR under its mandate"),
}


def deciders(by_procedure: pd.Series) -> str:
    """Who took a country's substantive decisions: 'UNHCR under its mandate', or each
    kind of procedure with its share ('the government (80.0%) and UNHCR under its
    mandate (20.0%)')."""
    if by_procedure.empty:
        return _("a procedure the table does not name")
    if len(by_procedure) == 1:
        return _(DECIDERS[str(by_procedure.index[0])])
    shares = 100 * by_procedure / by_procedure.sum()
    parts = [f"{_(DECIDERS[str(t)])} ({percent(v)})" for t, v in shares.items()]
    return _list(parts)


def _profile_rates(rates: pd.Series, year: int, minimum: int, by_procedure: pd.Series) -> str:
    decisions = int(rates["substantive"])
    who = deciders(by_procedure)
    if missing(rates["total_protection_rate"]):
        if not decisions:
            return ""
        return " " + ngettext(
            "It recorded {decisions} substantive asylum decision in {year}, taken by {who}: "
            "fewer than the {minimum} needed here for a rate.",
            "It recorded {decisions} substantive asylum decisions in {year}, taken by {who}: "
            "fewer than the {minimum} needed here for a rate.",
            decisions,
        ).format(decisions=count(decisions), year=year, minimum=count(minimum), who=who)
    return " " + _(
        "The {decisions} substantive asylum decisions made there in {year} were taken by {who}: "
        "{recognition} granted refugee status (refugee recognition rate) and {total} some "
        "form of protection (total protection rate)."
    ).format(
        decisions=count(decisions),
        year=year,
        who=who,
        recognition=percent(rates["recognition_rate"]),
        total=percent(rates["total_protection_rate"]),
    )


def profile_sentences(
    in_host: pd.Series,
    rates: pd.Series,
    country: str,
    year: int,
    minimum: int,
    decisions_year: int | None = None,
    by_procedure: pd.Series | None = None,
    oip: bool = True,
) -> str:
    """The neighbouring share of the people a country hosts (for an island state, that
    it has no neighbour), who decided its asylum claims (`by_procedure`, from
    `asylum.substantive_by_procedure`) and its rates where there were enough substantive
    decisions (in `decisions_year`: the report year, or UNHCR's latest year of decisions
    before it). Without a figure for other people in need of international protection
    (`oip` False; the tiles say "no figure") the people are named as refugees alone."""
    number = plural_count(country)  # the verb agrees with the name ('de Filipijnen hebben')
    country = escape_markdown(in_sentence(country))
    if not in_host["people"]:
        text = _(
            "UNHCR's statistics record no refugees or other people in need of international "
            "protection in {country} at the end of {year}."
        ).format(country=country, year=year)
    elif not in_host["land_borders"] and not oip:
        text = ngettext(
            "{country} has no land border with another country: none of the {people} "
            "refugees under UNHCR's mandate it hosted at the end of {year} came from a "
            "neighbouring country.",
            "{country} have no land border with another country: none of the {people} "
            "refugees under UNHCR's mandate they hosted at the end of {year} came from a "
            "neighbouring country.",
            number,
        ).format(people=count(in_host["people"]), country=country, year=year)
    elif not in_host["land_borders"]:
        text = ngettext(
            "{country} has no land border with another country: none of the {people} "
            "refugees under UNHCR's mandate and other people in need of international "
            "protection it hosted at the end of {year} came from a neighbouring country.",
            "{country} have no land border with another country: none of the {people} "
            "refugees under UNHCR's mandate and other people in need of international "
            "protection they hosted at the end of {year} came from a neighbouring country.",
            number,
        ).format(people=count(in_host["people"]), country=country, year=year)
    else:
        text = (
            _(
                "Of the {people} refugees under UNHCR's mandate and other people in need of "
                "international protection in {country} at the end of {year}, **{share}** "
                "came from a neighbouring country."
            )
            if oip
            else _(
                "Of the {people} refugees under UNHCR's mandate in {country} at the end of "
                "{year}, **{share}** came from a neighbouring country."
            )
        ).format(
            people=count(in_host["people"]),
            country=country,
            year=year,
            share=percent(in_host["share"]),
        )
    if by_procedure is None:
        by_procedure = pd.Series(dtype="int64")
    return sentence_starts(text) + _profile_rates(
        rates, decisions_year or year, minimum, by_procedure
    )


# --- chart captions ---------------------------------------------------------------------


def _span(years: pd.Index) -> str:
    first, last = int(years.min()), int(years.max())
    return str(first) if first == last else f"{first}–{last}"


def lenses_caption(lenses: pd.DataFrame, published: pd.Series) -> str:
    text = _(
        "Refugees and other people in need of international protection living in a country "
        "bordering their country of origin, and in their region of origin, {years} (percent)."
    ).format(years=_span(lenses.index))
    if not published.empty:
        text += " " + _("Points: the neighbouring share as UNHCR's Global Trends published it.")
    return text


def arrivals_caption(arrivals: pd.DataFrame) -> str:
    shown = arrivals.dropna(subset=["per_dutch_claim"])
    return _(
        "New arrivals in the focus countries for each new asylum claim lodged in the "
        "Netherlands, {years}."
    ).format(years=_span(shown.index))


def claims_caption(by_type: pd.DataFrame) -> str:
    return _(
        "Asylum claims lodged in the Netherlands per year, new and repeat, {years}; where the "
        "data do not tell them apart, in one bar."
    ).format(years=_span(by_type.index))


def per_1000_caption(year: int) -> str:
    return _(
        "New asylum claims per 1,000 inhabitants in the EU-27 member states and the focus "
        "countries, {year} (countries with no claim recorded left out)."
    ).format(year=year)


def rates_caption(rates: pd.DataFrame, minimum: int) -> str:
    return _(
        "Refugee recognition rate and total protection rate in the Netherlands, {years} "
        "(percent of substantive decisions; no rate under {minimum} of them)."
    ).format(years=_span(rates.index), minimum=count(minimum))
