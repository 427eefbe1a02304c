"""Tables of the chapter 'Asylum in the Netherlands and reception in the region':
neighbouring shares by origin and by host, new arrivals, claims and decisions beside
the EU and the focus countries, and the Dutch national figures beside UNHCR's.

Column headers and captions are messages (translated per edition); every table has an
explicit `name`, the same in both editions, for its data file and references to it."""

from __future__ import annotations

from collections.abc import Callable, Mapping

import pandas as pd

from displacement_report.analysis.asylum import EU_ROW
from displacement_report.data.national_asylum import MEASURES
from displacement_report.i18n import N_, _, country_name
from displacement_report.present.exhibits import table_html
from displacement_report.present.format import (
    count,
    one_decimal,
    percent,
    signed_percent,
    spoken_list,
    two_decimals,
)

#: A national figure its source gives as approximate ('about 43,100').
_QUALIFIED = {"about": N_("about {number}"), "more_than": N_("more than {number}")}


#: Who decided, by UNHCR's procedure type, in a table's caption ("Decided by: the government").
DECIDED_BY = {
    "G": N_("the government"),
    "J": N_("the government and UNHCR jointly"),
    "U": N_("UNHCR"),
}


def _percent0(value: object) -> str:
    return percent(value, 0)


def _origin_names(rows: pd.DataFrame) -> list[str]:
    """The origins of a table built from UNHCR's rows, by the names readers know."""
    return [
        country_name(str(code), str(name))
        for code, name in zip(rows["iso3"], rows["country"], strict=True)
    ]


def _qualified(qualifier: str, value: object) -> object:
    """An exact figure as a number (grouped where printed, plain in the data file,
    where '22.540' would read as a decimal); an approximate one as its words."""
    if qualifier not in _QUALIFIED:  # exact
        number = float(str(value))
        return int(number) if number.is_integer() else number
    return _(_QUALIFIED[qualifier]).format(number=count(value))


def _figure_or_words(value: object) -> str:
    return value if isinstance(value, str) else count(value)


def origins_table(by_origin: pd.DataFrame, year: int, source: str) -> str:
    people, near, share = (
        _("Refugees and OIP abroad"),
        _("In a neighbouring country"),
        _("Share"),
    )
    frame = pd.DataFrame(
        {
            _("Country of origin"): _origin_names(by_origin),
            people: by_origin["people"].to_numpy(),
            near: by_origin["in_neighbouring"].to_numpy(),
            share: by_origin["share"].to_numpy(),
        }
    )
    formats = {people: count, near: count, share: percent}
    caption = _(
        "The largest origins of refugees and other people in need of international "
        "protection (OIP): how many live in a country bordering their own, end of {year}"
    ).format(year=year)
    return table_html(frame, formats, caption, source, name="neighbouring_by_origin")


def hosts_table(in_hosts: pd.DataFrame, names: Mapping[str, str], year: int, source: str) -> str:
    hosted, near, share, waiting, waiting_near, share_all = (
        _("Refugees and OIP hosted"),
        _("From a neighbouring country"),
        _("Share"),
        _("Asylum-seekers (not counted)"),
        _("Of whom from a neighbouring country"),
        _("Share had they been counted"),
    )
    frame = pd.DataFrame(
        {
            _("Host country"): [names.get(c, c) for c in in_hosts.index],
            hosted: in_hosts["people"].to_numpy(),
            near: in_hosts["from_neighbouring"].to_numpy(),
            share: in_hosts["share"].to_numpy(),
            waiting: in_hosts["asylum_seekers"].to_numpy(),
            waiting_near: in_hosts["asylum_seekers_from_neighbouring"].to_numpy(),
            share_all: in_hosts["share_with_asylum_seekers"].to_numpy(),
        }
    )
    formats = {
        hosted: count,
        near: count,
        share: percent,
        waiting: count,
        waiting_near: count,
        share_all: percent,
    }
    caption = _(
        "The focus countries as hosts: people from a neighbouring country, end of {year}"
    ).format(year=year)
    return table_html(frame, formats, caption, source, name="neighbouring_in_focus_countries")


def arrivals_table(table: pd.DataFrame, source: str) -> str:
    columns = {
        "focus_arrivals": (_("New arrivals, focus countries"), count),
        "dutch_arrivals": (_("New arrivals, Netherlands"), count),
        "world_arrivals": (_("New arrivals, world"), count),
        "dutch_new_claims": (_("New asylum claims in the Netherlands"), count),
        "per_dutch_claim": (_("Arrivals in the focus countries per new Dutch claim"), one_decimal),
    }
    frame = pd.DataFrame(
        {
            _("Year"): [str(y) for y in table.index],
            **{header: table[column].to_numpy() for column, (header, _f) in columns.items()},
        }
    )
    formats = dict(columns.values())
    caption = _(
        "New arrivals (refugees, refugee-like, asylum-seekers, OIP) and new asylum claims in "
        "the Netherlands, {first}-{last}"
    ).format(first=table.index.min(), last=table.index.max())
    return table_html(frame, formats, caption, source, name="new_arrivals")


def _comparison_label(code: str, in_cases: bool, names: Mapping[str, str]) -> str:
    if code == EU_ROW:
        return _("EU-27 together")
    name = names.get(code, code)
    return _("{country} (cases)").format(country=name) if in_cases else name


def comparison_table(
    compared: pd.DataFrame, names: Mapping[str, str], year: int, minimum: int, source: str
) -> str:
    columns = {
        "new": (_("New asylum claims"), count),
        "per_1000": (_("Per 1,000 inhabitants"), two_decimals),
        "substantive": (_("Substantive decisions"), count),
        "recognition_rate": (_("Refugee recognition rate"), _percent0),
        "total_protection_rate": (_("Total protection rate"), _percent0),
    }
    labels = [
        _comparison_label(str(c), bool(cases), names)
        for c, cases in zip(compared.index, compared["in_cases"], strict=True)
    ]
    frame = pd.DataFrame(
        {
            _("Country"): labels,
            **{header: compared[column].to_numpy() for column, (header, _f) in columns.items()},
        }
    )
    formats = dict(columns.values())
    caption = _(
        "Asylum claims and decisions in {year}: the Netherlands, the EU-27 and the focus "
        "countries (no rate under {minimum} substantive decisions)"
    ).format(year=year, minimum=count(minimum))
    return table_html(frame, formats, caption, source, name="asylum_comparison")


def origins_of_applicants_table(
    top: pd.DataFrame, rates: pd.DataFrame, year: int, minimum: int, source: str
) -> str:
    decided = rates.reindex(top["iso3"])
    columns = {
        "new": (_("New claims"), count, top["new"]),
        "repeat": (_("Repeat claims"), count, top["repeat"]),
        "substantive": (_("Substantive decisions"), count, decided["substantive"]),
        "recognition_rate": (_("Refugee recognition rate"), _percent0, decided["recognition_rate"]),
        "total_protection_rate": (
            _("Total protection rate"),
            _percent0,
            decided["total_protection_rate"],
        ),
    }
    frame = pd.DataFrame(
        {
            _("Country of origin"): _origin_names(top),
            **{header: values.to_numpy() for header, _f, values in columns.values()},
        }
    )
    formats = {header: formatter for header, formatter, _v in columns.values()}
    caption = _(
        "The main origins of asylum applicants in the Netherlands, {year}, and the decisions "
        "on their claims that year (no rate under {minimum} substantive decisions)"
    ).format(year=year, minimum=count(minimum))
    return table_html(frame, formats, caption, source, name="asylum_origins_netherlands")


def national_table(beside: pd.DataFrame, source: str) -> str:
    figure, unhcr, difference = _("National figure"), _("UNHCR"), _("Difference")
    frame = pd.DataFrame(
        {
            _("Year"): [str(y) for y in beside["year"]],
            _("Measure"): [_(MEASURES[m]) for m in beside["measure"]],
            _("Counted by"): beside["counted_by"].to_numpy(),
            figure: [
                _qualified(q, v) for q, v in zip(beside["qualifier"], beside["value"], strict=True)
            ],
            unhcr: beside["unhcr"].to_numpy(),
            difference: beside["difference_pct"].to_numpy(),
        }
    )
    formats: dict[str, Callable[..., str]] = {
        figure: _figure_or_words,
        unhcr: count,
        difference: signed_percent,
    }
    caption = _(
        "Dutch national asylum figures beside UNHCR's for the Netherlands (UNHCR: new claims, "
        "repeat claims, or both for a total; difference as a share of UNHCR's figure)"
    )
    return table_html(frame, formats, caption, source, name="national_asylum_figures")


def profile_table(
    in_host: pd.Series,
    rates: pd.Series,
    country: str,
    year: int,
    minimum: int,
    source: str,
    decisions_year: int | None = None,
    by_procedure: pd.Series | None = None,
    exhibit: str = "profile_asylum",
    oip: bool = True,
) -> str:
    """The country profile's line: people hosted from next door, who decided the asylum
    claims (`asylum.substantive_by_procedure`), and the two rates (of `decisions_year`
    where UNHCR's decisions do not reach `year` yet), to the report's one decimal.
    `exhibit` names its data file (the profile's others carry the country's code).
    Without a figure for other people in need of international protection (`oip`
    False) the first column is headed as refugees alone, as the sentences above say."""
    if not in_host["land_borders"]:  # an island state: no neighbour, not zero from one
        in_host = in_host.copy()
        in_host[["from_neighbouring", "share"]] = float("nan")
    types = [] if by_procedure is None else [str(t) for t in by_procedure.index]
    decided_by = spoken_list([_(DECIDED_BY[t]) for t in types])
    columns = {
        (_("Refugees and OIP hosted") if oip else _("Refugees hosted")): (count, in_host["people"]),
        _("From a neighbouring country"): (count, in_host["from_neighbouring"]),
        _("Share"): (percent, in_host["share"]),
        _("Substantive asylum decisions"): (count, rates["substantive"]),
        _("Refugee recognition rate"): (percent, rates["recognition_rate"]),
        _("Total protection rate"): (percent, rates["total_protection_rate"]),
    }
    frame = pd.DataFrame({header: [value] for header, (_f, value) in columns.items()})
    formats = {header: formatter for header, (formatter, _v) in columns.items()}
    caption = _(
        "{country}: people from a neighbouring country and asylum decisions, {year} (no rate "
        "under {minimum} substantive decisions)"
    ).format(country=country, year=year, minimum=count(minimum))
    if decisions_year is not None and decisions_year != year:
        caption = _(
            "{country}: people from a neighbouring country at the end of {year}, and asylum "
            "decisions in {decisions_year} (no rate under {minimum} substantive decisions)"
        ).format(country=country, year=year, decisions_year=decisions_year, minimum=count(minimum))
    if decided_by:  # a column would not fit the page beside the rates
        caption += ". " + _("Decided by: {who}").format(who=decided_by)
    recognised, protected = rates["recognition_rate"], rates["total_protection_rate"]
    if _equal_as_shown(recognised, protected):
        # two equal numbers side by side look like a copying error without a word; 'hardly
        # any' where none did read as a few
        caption += ". " + (
            _("The two rates are equal: no decision granted complementary protection")
            if recognised == protected
            else _("The two rates are equal: hardly any decision granted complementary protection")
        )
    return table_html(frame, formats, caption, source, name=exhibit)


def _equal_as_shown(first: float, second: float) -> bool:
    """Two rates that print the same at the report's one decimal."""
    return bool(pd.notna(first) and pd.notna(second) and round(first, 1) == round(second, 1))
