"""Words of the country profile (the factsheet): title, key-figure labels and changes,
and the sentences said where a chart or table has nothing to show. Plain text unless a
function says Markdown; the page escapes it."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pandas as pd

from displacement_report.analysis.abroad import TABLE_MIN_PEOPLE, UNRWA_UNKNOWN_HOST
from displacement_report.analysis.demographics import Pyramid
from displacement_report.analysis.headline import COMPONENTS, OIP_FIRST_YEAR
from displacement_report.analysis.key_figures import KeyFigure, Largest, NoFigure, UnknownHost
from displacement_report.i18n import N_, _, in_sentence, ngettext, plural_count, sentence_starts
from displacement_report.present.format import (
    count,
    country_column,
    escape_markdown,
    label_in_sentence,
    percent,
    signed_percent,
    spoken_list,
    year_list,
    year_spans,
)
from displacement_report.settings import ReportSettings

#: What each key-figure tile counts.
TILE_LABELS = {
    "refugees": N_("Refugees (UNHCR mandate)"),
    "unrwa_refugees": N_("Palestine refugees (UNRWA mandate)"),
    "asylum_seekers": N_("Asylum-seekers"),
    "oip": N_("Other people in need of international protection"),
    "idps": N_("Internally displaced people (IDMC)"),
}


#: The factsheet's sections after the key figures (a one-page factsheet has none).
SECTIONS = {
    "burden": N_("Hosting, income and protracted situations"),  # not "burden": a judgement
    # the Palestinian territories: refugees in their own territory are not hosted
    "burden_at_home": N_("Refugees per inhabitant, income and protracted situations"),
    "neighbours": N_("Neighbours and asylum decisions"),
    "origins": N_("Where the people it hosts come from, and its own people abroad"),
    # nobody hosted from abroad: no heading promising their origins
    "abroad": N_("Its own people abroad"),
    "people": N_("Who they are, and the solutions they found"),
}
#: What a section's table reads from, said in small type under the table (a definition
#: above the sentence the table belongs to would stand between them at a page break).
SECTION_NOTES = {
    "neighbours": N_(
        "Refugees and other people in need of international protection (OIP) from a "
        "bordering country (land borders as GeoNames lists them); who decided the asylum "
        "claims (UNHCR's procedure type); the refugee recognition and total protection "
        "rates, as shares of the substantive decisions."
    ),
    # where the tiles give no figure for other people in need of protection
    "neighbours_without_oip": N_(
        "Refugees from a bordering country (land borders as GeoNames lists them); who "
        "decided the asylum claims (UNHCR's procedure type); the refugee recognition and "
        "total protection rates, as shares of the substantive decisions."
    ),
}


def section(key: str) -> str:
    """A section's heading, as Markdown."""
    return "## " + _(SECTIONS[key])


def section_note(key: str, oip: bool = True) -> str:
    """What a section's table reads from (plain text), for the note under the table;
    without a figure for other people in need of protection (`oip` False), the note
    that leaves them out where there is one."""
    without = f"{key}_without_oip"
    return _(SECTION_NOTES[without if not oip and without in SECTION_NOTES else key])


def title(name: str) -> str:
    """The profile's heading, as Markdown (the name is data, shown as text)."""
    return "# " + _("Country profile: {country}").format(country=escape_markdown(name))


def no_figure(reason: NoFigure, year: int) -> str:
    """Why a tile has no figure for `year`."""
    if reason == "idmc_world_only":
        return _("IDMC gives no figure by country for {year}").format(year=year)
    if reason == "oip_not_counted":
        return _("UNHCR counts this group from {first}").format(first=OIP_FIRST_YEAR)
    return _("no figure for the end of {year}").format(year=year)


def no_figure_groups(groups: list[str], name: str, year: int) -> str:
    """The groups the tiles leave out: no figure in `year` nor the year before."""
    labels = [label_in_sentence(_(TILE_LABELS[g])) for g in groups]
    return _(
        "For the end of {year} and of {before} there is no figure for {groups} in "
        "{country}; no figure does not mean that nobody is there."
    ).format(country=in_sentence(name), year=year, before=year - 1, groups=spoken_list(labels))


def returns_reasons(
    beside: dict[tuple[tuple[str, ...], int], int],
) -> dict[tuple[tuple[str, ...], int], str]:
    """The reasons the history chart's note gives for falls of refugees or IDPs
    (`key_figures.returns_beside_falls`: the group's returns home in the year), keyed as
    `breaks.breaks_note` reads them; short, as the note names the group before them."""
    return {
        key: _("{n} returned home in {year}, UNHCR's solutions table").format(
            n=count(n), year=key[1]
        )
        for key, n in beside.items()
    }


def unknown_host_reasons(
    beside: dict[tuple[tuple[str, ...], int], UnknownHost],
) -> dict[tuple[tuple[str, ...], int], str]:
    """The reason the history chart's note gives for a fall of Palestine refugees under
    UNRWA's mandate where UNRWA's table first lists refugees without a host territory
    (`key_figures.unknown_host_beside_falls`)."""
    return {
        key: _(
            "in {year} UNRWA's table first lists {unknown} people with no host territory, "
            "while the table's total went from {before} to {total}: at least partly a change "
            "in the source's records"
        ).format(
            year=moved.year,
            unknown=count(moved.unknown),
            before=count(moved.total_before),
            total=count(moved.total),
        )
        for key, moved in beside.items()
    }


def tile_value(figure: KeyFigure) -> str:
    return "–" if figure.value is None else count(figure.value)


def tile_change(figure: KeyFigure) -> str:
    """The change on the year before, in words and numbers (never in colour alone)."""
    before = figure.year - 1
    if figure.value is None and figure.missing is not None:
        return no_figure(figure.missing, figure.year)
    if figure.change is None:
        reason = figure.previous_missing or "not_recorded"
        return _("Change: – ({why})").format(why=no_figure(reason, before))
    if figure.change == 0:
        return _("No change since the end of {year}").format(year=before)
    if figure.change_pct is None:  # nobody the year before: no percentage
        return _("{change} more than at the end of {year}, when there were none").format(
            change=count(figure.change), year=before
        )
    words = (
        _("{change} more than at the end of {year} ({percent})")
        if figure.change > 0
        else _("{change} fewer than at the end of {year} ({percent})")
    )
    return words.format(
        change=count(abs(figure.change)), year=before, percent=signed_percent(figure.change_pct)
    )


def history_title(name: str, at_home: bool = False) -> str:
    """`at_home`: the Palestine refugees are in their own territory, not hosted
    (`headline.unrwa_at_home`)."""
    if at_home:
        return _("Palestine refugees and people displaced inside {country}, by group").format(
            country=in_sentence(name)
        )
    return _("Hosted in or displaced inside {country}, by group").format(country=in_sentence(name))


def recorded_anyone(shown: pd.DataFrame) -> bool:
    """Whether the history chart would have a bar: someone recorded in some year shown
    (St Kitts & Nevis has no record before 2017, so its 2012 profile has no chart; the
    opening paragraph says so)."""
    return bool(shown[list(COMPONENTS)].astype("Float64").fillna(0).to_numpy().any())


def history_caption(
    name: str,
    shown: pd.DataFrame,
    overlap: bool = False,
    unseen: Sequence[str] = (),
    too_low: pd.Series | None = None,
) -> str:
    """What the history chart shows, from the first year it has a bar (a country UNHCR
    records only from 2017 says 2017, not the chart's first possible year), the years
    in between that have no bar (nobody, or no figure, in every group), the groups
    `unseen` too small to see at the chart's scale, which it does not draw
    (`charts.global_picture.too_small_to_see`), and the years whose bar is `too_low` to
    see, with their people (`charts.global_picture.too_low_to_see`)."""
    drawn = [c for c in COMPONENTS if c not in unseen]  # a group too small is not drawn
    people = shown[drawn].astype("Float64").fillna(0).sum(axis=1)
    year = int(shown.index.max())
    start = int(people.index[people > 0].min()) if (people > 0).any() else year
    caption = (
        _(
            "Palestine refugees and people displaced inside {country} at the end of each "
            "year, {start}–{year}, by group."
        )
        if overlap
        else _(
            "People hosted in or displaced inside {country} at the end of each year, "
            "{start}–{year}, by group."
        )
    ).format(country=in_sentence(name), start=start, year=year)
    idps = shown["idps"].astype("Float64").loc[start:year]
    # every year without IDMC's figure once it has any (Egypt's are 2014-2020 only); the
    # report year is said by its tile
    missing = [int(y) for y in idps.index[idps.isna()] if y != year] if idps.notna().any() else []
    if missing:
        caption += " " + _(
            "No IDP bar where IDMC gives no figure for the country ({years}): no figure is not "
            "zero."
        ).format(years=year_spans(missing))
    everyone = shown[list(COMPONENTS)].astype("Float64").fillna(0).sum(axis=1)
    inside = everyone.loc[start:year]  # a year of a group not drawn is not said to be empty
    empty = [int(y) for y in inside.index[inside == 0]]
    if empty:
        caption += " " + _(
            "No bar for {years}: the statistics record nobody in these groups there, "
            "or give no figure."
        ).format(years=year_list(empty))
    if unseen:
        groups = [
            _("{group} (at most {most} in a year)").format(
                group=label_in_sentence(_(COMPONENTS[group])),
                most=count(int(shown[group].astype("Float64").max())),
            )
            for group in unseen
        ]
        caption += " " + _("Too few to see at this scale, and so not drawn: {groups}.").format(
            groups=spoken_list(groups)
        )
    if too_low is not None and len(too_low):
        low, high = int(too_low.min()), int(too_low.max())
        between = (
            count(low)
            if low == high
            else _("{low} to {high}").format(low=count(low), high=count(high))
        )
        caption += " " + ngettext(
            "In {years} the bar is too low to see at this scale ({people} people).",
            "In {years} the bars are too low to see at this scale ({people} people a year).",
            len(too_low),
        ).format(years=year_spans(too_low.index), people=between)
    if overlap:
        caption += " " + _(
            "Palestine refugees and people displaced inside the country overlap (many are "
            "counted in both): their bars stand side by side, not stacked to a total."
        )
    return caption


def tiles_heading(name: str, year: int, at_home: bool = False) -> str:
    """`at_home`: the Palestine refugees are in their own territory, not hosted."""
    if at_home:
        return _("Palestine refugees and people displaced inside {country}, end of {year}").format(
            country=in_sentence(name), year=year
        )
    return _("People hosted in or displaced inside {country}, end of {year}").format(
        country=in_sentence(name), year=year
    )


def protracted_caption(name: str, year: int) -> str:
    return _("Protracted situations in {country}, end of {year}").format(
        country=in_sentence(name), year=year
    )


def protracted_rule(settings: ReportSettings) -> str:
    """UNHCR's rule, in words and with the report's numbers: a note under the table
    that said 'this rule' pointed at a rule the page states elsewhere."""
    return _(
        "UNHCR's rule for protracted situations ({threshold} or more refugees of one "
        "nationality in each of the last {years} years)"
    ).format(threshold=count(settings.protracted_threshold), years=settings.protracted_years)


def unrwa_outside_the_rule(settings: ReportSettings | None = None) -> str:
    """Said with the protracted situations of a country with Palestine refugees under
    UNRWA's mandate: the rule does not count them (`settings`: the rule is stated here,
    not just before)."""
    if settings is not None:
        return _(
            "Palestine refugees under UNRWA's mandate are outside {rule}, which counts refugees "
            "under UNHCR's mandate only."
        ).format(rule=protracted_rule(settings))
    return _(
        "Palestine refugees under UNRWA's mandate are outside this rule, which counts "
        "refugees under UNHCR's mandate only."
    )


def oip_outside_the_rule(oip: int, name: str, settings: ReportSettings) -> str:
    """Said with the protracted situations of a country with other people in need of
    international protection: neither the rule nor the refugees per inhabitant count
    them (Colombia's 2.8 million Venezuelans beside '0.0 per 1,000' and no protracted
    situation read as a country hosting almost nobody)."""
    return _(
        "The {oip} other people in need of international protection in {country} are "
        "outside {rule} and outside the refugees per 1,000 inhabitants: both count refugees "
        "only."
    ).format(oip=count(oip), country=in_sentence(name), rule=protracted_rule(settings))


def no_protracted(name: str, settings: ReportSettings, unrwa: bool = False) -> str:
    """Said under the heading on protracted situations where the country has none
    (`unrwa`: it has Palestine refugees under UNRWA's mandate, outside the rule)."""
    if unrwa:
        return (
            _(
                "No nationality of refugees under UNHCR's mandate numbered {threshold} or more "
                "in {country} in each of the last {years} years to the end of {year}."
            ).format(
                country=in_sentence(name),
                year=settings.report_year,
                threshold=count(settings.protracted_threshold),
                years=settings.protracted_years,
            )
            + " "
            + unrwa_outside_the_rule()
        )
    # the verb agrees with the name ('de Verenigde Staten kenden')
    text = ngettext(
        "{country} hosted no protracted refugee situation at the end of {year}: no "
        "nationality numbered {threshold} refugees or more there in each of the last "
        "{years} years.",
        "{country} hosted no protracted refugee situation at the end of {year}: no "
        "nationality numbered {threshold} refugees or more there in each of the last "
        "{years} years.",
        plural_count(name),
    )
    return sentence_starts(
        text.format(
            country=in_sentence(name),
            year=settings.report_year,
            threshold=count(settings.protracted_threshold),
            years=settings.protracted_years,
        )
    )


def pyramid_caption(pyramid: Pyramid, name: str, oip: bool = True) -> str:
    """The pyramid's caption; without a figure for other people in need of protection
    (`oip` False) it names the groups the table counts there."""
    text = (
        _(
            "Refugees, asylum-seekers and other people in need of international protection "
            "in {country} by age and sex, end of {year}: percent of the {known} people whose "
            "age and sex are known ({coverage} of the {total} in UNHCR's demographics table)."
        )
        if oip
        else _(
            "Refugees and asylum-seekers in {country} by age and sex, end of {year}: percent "
            "of the {known} people whose age and sex are known ({coverage} of the {total} in "
            "UNHCR's demographics table)."
        )
    )
    return text.format(
        country=in_sentence(name),
        year=pyramid.year,
        known=count(pyramid.people_with_age_and_sex),
        coverage=percent(pyramid.coverage, 0),
        total=count(pyramid.people_total),
    )


def pyramid_title(year: int) -> str:
    """Short: the chart is half the page wide, and its caption names the country."""
    return _("By age and sex, end of {year}").format(year=year)


def no_pyramid(name: str, year: int, covered: list[int], pyramid: Pyramid | None = None) -> str:
    """Said instead of an empty chart, or of a chart of a handful of people."""
    if pyramid is not None:
        return ngettext(
            "UNHCR's demographics table gives the age and sex of {known} of the people "
            "{country} hosts from abroad in {year}: too few for a breakdown in percent.",
            "UNHCR's demographics table gives the age and sex of {known} of the people "
            "{country} host from abroad in {year}: too few for a breakdown in percent.",
            plural_count(name),
        ).format(known=count(pyramid.people_with_age_and_sex), country=in_sentence(name), year=year)
    if year not in covered:
        return _(
            "UNHCR's demographics table covers only {years}, so the age and sex of the "
            "people hosted cannot be shown for {year}."
        ).format(years=", ".join(map(str, covered)) or _("no year"), year=year)
    return _(
        "UNHCR's demographics table gives no age breakdown of the refugees, asylum-seekers "
        "and others in need of international protection in {country} for {year}."
    ).format(country=in_sentence(name), year=year)


#: The rows of the solutions table (its caption names the country: a long name such as
#: UNHCR's for Serbia would fill every row).
SOLUTION_LABELS = {
    "returned_from": N_("Refugees who left the country to return home"),
    "returned_to": N_("Refugees from the country who returned to it"),
    "resettled_in": N_("Refugees resettled to the country"),
    "naturalised_in": N_("Refugees naturalised in the country"),
}


def solutions_caption(name: str, year: int) -> str:
    return _("Returns, resettlement and naturalisation: {country}, {year}").format(
        country=name, year=year
    )


def solutions_note(found: pd.Series, name: str, year: int) -> str:
    """What the table can and cannot say; the whole statement where the table records
    nothing for the country."""
    where = in_sentence(name)
    note = _(
        "Resettlement is recorded by the country of arrival: refugees resettled from "
        "{country} to a third country are not counted here."
    ).format(country=where)
    if not found.any():
        return (
            _(
                "UNHCR's solutions table records no returns, resettlement arrivals or "
                "naturalisations for {country} in {year}."
            ).format(country=where, year=year)
            + " "
            + note
        )
    if found.isna().any():  # a dash in a page that says missing is not zero: say which
        note += " " + _("–: no figure in the solutions table (not zero).")
    return note


def stateless_line(stateless: int, name: str, year: int) -> str:
    """The country's stateless people, where it reports any ('' where it reports none:
    no data is not the same as none, so nothing is said)."""
    if not stateless:
        return ""
    return _(
        "UNHCR also counts {n} stateless people in {country} at the end of {year}; Global "
        "Trends counts them apart from the forcibly displaced."
    ).format(n=count(stateless), country=in_sentence(name), year=year)


def locator_caption(name: str, island: bool = False) -> str:
    """The locator map's caption; an `island` state's map shows its nearest countries."""
    if island:
        return sentence_starts(
            _("{country} and its nearest countries.").format(country=in_sentence(name))
        )
    text = ngettext(
        "{country} and its neighbours.", "{country} and their neighbours.", plural_count(name)
    )
    return sentence_starts(text.format(country=in_sentence(name)))


def _destinations_list(destinations: pd.DataFrame, n: int = 3) -> str:
    """'Chad (1,334,595), Egypt (834,201) and Libya (639,166)'."""
    names = [in_sentence(c) for c in country_column(destinations.head(n))]
    totals = destinations["total"].head(n)
    return spoken_list([f"{c} ({count(t)})" for c, t in zip(names, totals, strict=True)])


def abroad_sentences(
    abroad: pd.Series,
    destinations: pd.DataFrame,
    name: str,
    year: int,
    unrwa_too: bool = False,
) -> str:
    """The view from the country people flee: its people abroad and where most of them
    are, every number as the table prints it. `unrwa_too`: Palestine refugees under
    UNRWA's mandate are abroad as well (the next sentence counts them), so the refugees
    here are named as UNHCR's."""
    labels = {
        "refugees": _("{n} refugees under UNHCR's mandate") if unrwa_too else _("{n} refugees"),
        "asylum_seekers": _("{n} asylum-seekers"),
        "oip": _("{n} other people in need of international protection"),
    }
    groups = [text.format(n=count(abroad[g])) for g, text in labels.items() if _positive(abroad[g])]
    if not groups:
        return _(
            "UNHCR's statistics record no refugees, asylum-seekers or other people in need "
            "of international protection from {country} abroad at the end of {year}."
        ).format(country=in_sentence(name), year=year)
    named = destinations["total"].head(3).sum()
    everyone = sum(abroad[g] for g in labels if _positive(abroad[g]))
    # 'most in' only where the countries named are not all of them (Malta: 27 in two)
    text = (
        _("At the end of {year}, {groups} from {country} were abroad, in {where}.")
        if named >= everyone
        else _("At the end of {year}, {groups} from {country} were abroad, most in {where}.")
    )
    return text.format(
        year=year,
        groups=spoken_list(groups),
        country=in_sentence(name),
        where=_destinations_list(destinations),
    )


def unrwa_abroad_sentence(rows: pd.DataFrame, name: str, year: int) -> str:
    """The Palestine refugees under UNRWA's mandate outside the country
    (`abroad.unrwa_abroad`), kept apart from the refugees under UNHCR's mandate: by
    UNRWA field, and their sum; those UNRWA's table gives no host territory for are
    named after it and left out of it (an unknown host may be the country itself); ''
    where UNRWA counts none."""
    if rows.empty:
        return ""
    unknown = rows["iso3"] == UNRWA_UNKNOWN_HOST
    known = rows[~unknown]
    sentences = []
    if not known.empty:
        fields = [
            _("{n} in {country}").format(n=count(r.people), country=in_sentence(c))
            for r, c in zip(known.itertuples(), country_column(known), strict=True)
        ]
        sentences.append(
            _(
                "Palestine refugees under UNRWA's mandate are counted apart: at the end of "
                "{year}, UNRWA counted {total} outside {country}: {where}."
            ).format(
                year=year,
                total=count(known["people"].sum()),
                country=in_sentence(name),
                where=spoken_list(fields),
            )
        )
    if unknown.any():
        sentences.append(
            _("UNRWA's table gives no host territory for a further {n}.").format(
                n=count(rows.loc[unknown, "people"].sum())
            )
        )
    return " ".join(sentences)


def unrwa_abroad_caption(name: str, year: int) -> str:
    return _("Palestine refugees under UNRWA's mandate outside {country}, end of {year}").format(
        country=in_sentence(name), year=year
    )


def returns_sentences(
    returns: pd.Series, idps: KeyFigure | None, name: str, year: int, least: int = 0
) -> str:
    """The returns to the country in the year, and the IDP returns beside the change in
    IDMC's count (Sudan 2025: 2.9 million IDP returns, IDMC's figure 2.4 million lower);
    returns of fewer than `least` people are not named."""
    sentences = []
    if _positive(returns["refugees"]) and returns["refugees"] >= least:
        sentences.append(
            _("In {year}, {n} refugees returned to {country} from abroad.").format(
                year=year, n=count(returns["refugees"]), country=in_sentence(name)
            )
        )
    if _positive(returns["idps"]) and returns["idps"] >= least:
        text = _("In {year}, {n} internally displaced people returned home.").format(
            n=count(returns["idps"]), year=year
        )
        if idps is not None and idps.change is not None and idps.change < 0:
            text = _(
                "In {year}, {n} internally displaced people returned home, while IDMC's count "
                "of people displaced inside {country} fell by {fall}."
            ).format(
                n=count(returns["idps"]),
                year=year,
                country=in_sentence(name),
                fall=count(-idps.change),
            )
        sentences.append(text)
    return " ".join(sentences)


def largest_change(figure: KeyFigure, name: str) -> str:
    """'In 2025 the number of refugees under UNHCR's mandate in Jordan fell by 207,415
    (-32.2%), the largest change in numbers that year.' (in people, not in percent: a
    small group's large percentage is not the year's largest change)"""
    assert figure.change  # the caller picks a tile that changed
    fields = {
        "year": figure.year,
        "group": label_in_sentence(_(COMPONENTS[figure.group])),
        "country": in_sentence(name),
        "change": count(abs(figure.change)),
        "percent": signed_percent(figure.change_pct),
        "before": figure.year - 1,
    }
    if figure.change_pct is None:  # nobody the year before
        return _(
            "In {year} the number of {group} in {country} rose by {change}, from none at the "
            "end of {before}: the largest change in numbers that year."
        ).format(**fields)
    if figure.change > 0:
        return _(
            "In {year} the number of {group} in {country} rose by {change} ({percent}), the "
            "largest change in numbers that year."
        ).format(**fields)
    return _(
        "In {year} the number of {group} in {country} fell by {change} ({percent}), the "
        "largest change in numbers that year."
    ).format(**fields)


def key_trends(
    tiles: list[KeyFigure],
    returns: pd.Series,
    name: str,
    year: int,
    left: Any = None,
    least: int = 0,
    refugees_abroad: tuple[int, int] | None = None,
    unrwa_too: bool = False,
) -> str:
    """The sentences that open the factsheet: the year's largest change, in the numbers
    of its tile; the country's refugees abroad and their change, where there are at
    least `abroad.TABLE_MIN_PEOPLE` (`refugees_abroad`: the year before and the year,
    in the numbers page 2 prints; `unrwa_too` as in `abroad_sentences`); the refugees
    who left the country to return home (`left`: the solutions table's returns from it,
    the reason a host's refugees fall) and the returns to it; returns of fewer than
    `least` people are not named."""
    changed = [f for f in tiles if f.change]
    sentences = []
    largest = max(changed, key=lambda f: abs(f.change or 0)) if changed else None
    if largest is not None:
        sentences.append(largest_change(largest, name))
    if refugees_abroad is not None and refugees_abroad[1] >= TABLE_MIN_PEOPLE:
        sentences.append(_abroad_trend(*refugees_abroad, name, year, unrwa_too))
    if _positive(left) and left >= least:
        sentences.append(
            _("In {year}, {n} refugees left {country} to return home.").format(
                year=year, n=count(left), country=in_sentence(name)
            )
        )
    idps = next((f for f in tiles if f.group == "idps"), None)
    if idps is largest:  # its fall is the first sentence: not said twice
        idps = None
    sentences.append(returns_sentences(returns, idps, name, year, least))
    return " ".join(s for s in sentences if s)


def _abroad_trend(before: int, now: int, name: str, year: int, unrwa_too: bool) -> str:
    """'At the end of 2025, 2,820,737 refugees from Sudan were abroad, 726,364 more than
    a year before.' (the view from the country people flee, on page 1; the refugees
    named as `abroad_sentences` names them)."""
    refugees = _("{n} refugees under UNHCR's mandate") if unrwa_too else _("{n} refugees")
    fields = {
        "year": year,
        "refugees": refugees.format(n=count(now)),
        "country": in_sentence(name),
        "change": count(abs(now - before)),
    }
    if now > before:
        text = _(
            "At the end of {year}, {refugees} from {country} were abroad, {change} more than "
            "a year before."
        )
    elif now < before:
        text = _(
            "At the end of {year}, {refugees} from {country} were abroad, {change} fewer "
            "than a year before."
        )
    else:
        text = _(
            "At the end of {year}, {refugees} from {country} were abroad, as many as a year before."
        )
    return text.format(**fields)


def _positive(value: Any) -> bool:
    return bool(not pd.isna(value) and value > 0)


def destinations_caption(name: str, year: int) -> str:
    return _("People from {country} abroad: where most were, end of {year}").format(
        country=in_sentence(name), year=year
    )


#: A number of people of each group inside a sentence.
PEOPLE_OF_GROUP = {
    "refugees": N_("{n} refugees under UNHCR's mandate"),
    "unrwa_refugees": N_("{n} Palestine refugees under UNRWA's mandate"),
    "asylum_seekers": N_("{n} asylum-seekers"),
    "oip": N_("{n} other people in need of international protection"),
    "idps": N_("{n} internally displaced people (IDMC)"),
}


def _people(group: str, n: int) -> str:
    return _(PEOPLE_OF_GROUP[group]).format(n=count(n))


def almost_nobody_sentences(
    tiles: list[KeyFigure],
    largest: Largest | None,
    name: str,
    start: int,
    year: int,
    fewer_than: int,
    origins: pd.DataFrame | None = None,
) -> str:
    """The one-page factsheet of a country UNHCR records almost nobody in
    (`key_figures.almost_nobody`): the few figures there are, in sentences, where the
    people it hosts come from (`origins`: `headline.origins_in_host`), and why there
    are no charts or tables."""
    now = [_people(f.group, f.value) for f in tiles if f.value]
    if now:
        opening = _(
            "At the end of {year}, UNHCR's statistics record {groups} in {country}."
        ).format(year=year, groups=spoken_list(now), country=in_sentence(name))
    else:
        opening = _(
            "At the end of {year}, UNHCR's statistics record nobody hosted in or displaced "
            "inside {country}."
        ).format(year=year, country=in_sentence(name))
    if origins is not None and not origins.empty:
        opening += " " + _(
            "The refugees, asylum-seekers and others in need of international protection "
            "among them came from {origins}."
        ).format(origins=_destinations_list(origins, len(origins)))
    if largest is None:
        history = _("They record nobody there in any year from {start} to {year} either.").format(
            start=start, year=year
        )
    else:
        history = _(
            "From {start} to {year}, no group numbered {threshold} people or more in any "
            "year; the most was {most} in {when}."
        ).format(
            start=start,
            year=year,
            threshold=count(fewer_than),
            most=_people(largest.group, largest.value),
            when=largest.year,
        )
    why = _(
        "With so few people recorded, this factsheet gives its figures in these sentences "
        "instead of charts and tables."
    )
    return " ".join([opening, history, why])
