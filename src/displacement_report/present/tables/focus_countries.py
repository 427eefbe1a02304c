"""Tables of chapter 4 and the country profile: each focus country's burden, income group,
protracted situations and origins.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

import pandas as pd
from babel.lists import format_list

from displacement_report.analysis.hosting import income_group_label
from displacement_report.i18n import (
    N_,
    _,
    country_name,
    in_sentence,
    locale_code,
    ngettext,
    pgettext,
    plural_count,
)
from displacement_report.present.exhibits import table_html
from displacement_report.present.format import count, country_column, one_decimal


def origins_table(
    origins: pd.DataFrame,
    host: str,
    year: int,
    source: str,
    name: str | None = None,
    oip: bool = True,
) -> str:
    """The main origins of the people one country hosts. A group nobody of these origins
    is recorded in gets no column of zeros: a sentence under the table says so. Where
    the host has no figure for other people in need of protection at all (`oip`
    False), the sentence says that instead: no figure is not nobody."""
    groups = {
        "refugees": _("Refugees"),
        "asylum_seekers": _("Asylum-seekers"),
        "oip": _("Other in need of protection"),
    }
    empty = [g for g in groups if not origins[g].fillna(0).any()] if len(origins) else []
    frame = pd.DataFrame(
        {
            _("Country of origin"): country_column(origins),
            **{label: origins[g].to_numpy() for g, label in groups.items() if g not in empty},
            _("Total"): origins["total"].to_numpy(),
        }
    )
    formats = dict.fromkeys(list(frame.columns)[1:], count)
    caption = ngettext(  # the verb agrees with the name ('the Palestinian territories host')
        "Main countries of origin of the people {host} hosts under UNHCR's mandate, end of {year}",
        "Main countries of origin of the people {host} host under UNHCR's mandate, end of {year}",
        plural_count(host),
    ).format(host=in_sentence(host), year=year)
    recorded_none = [g for g in empty if oip or g != "oip"]
    notes = []
    if recorded_none:
        notes.append(
            _("None of the people from these origins is recorded as {groups}.").format(
                groups=format_list(
                    [_(OMITTED_GROUPS[g]) for g in recorded_none], style="or", locale=locale_code()
                )
            )
        )
    if not oip:
        notes.append(
            _(
                "UNHCR's statistics give no figure for other people in need of international "
                "protection in {host}."
            ).format(host=in_sentence(host))
        )
    note = " ".join(notes)
    return table_html(frame, formats, caption, source, name=name, note=note)


#: A group left out of the origins table, as the sentence under it names it.
OMITTED_GROUPS = {
    "refugees": N_("refugees"),
    "asylum_seekers": N_("asylum-seekers"),
    "oip": N_("other people in need of international protection"),
}


def focus_profile_table(
    frame: pd.DataFrame,
    caption: str,
    source: str,
    formats: Mapping[str, Callable[..., str]] | None = None,
    name: str | None = None,
) -> str:
    """`frame` as a table; `formats` names the number columns (by default every column
    whose header has 'per 1,000' gets one decimal, every other but the text columns a count)."""
    if formats is None:
        formats = {
            c: (one_decimal if "per 1,000" in c else count)
            for c in frame.columns
            if c not in ("Country", "Income group", "LDC", "Main origins")
        }
    return table_html(frame, formats, caption, source, name=name)


def _origins_text(origins: list[tuple[str, str, int]]) -> str:
    """'Syria 600; Iraq 20' from (ISO3, the data's name, people)."""
    return "; ".join(f"{country_name(code, name)} {count(n)}" for code, name, n in origins) or "–"


def _counts(overview: pd.DataFrame) -> dict[str, object]:
    return {
        _("Refugees (UNHCR)"): overview["refugees"].to_numpy(),
        _("Palestine refugees (UNRWA)"): overview["unrwa_refugees"].to_numpy(),
        _("Asylum-seekers"): overview["asylum_seekers"].to_numpy(),
        _("IDPs (IDMC)"): overview["idps"].to_numpy(),
    }


def per_1000_header(unrwa: bool, at_home: bool = False) -> str:
    """What the per-inhabitant column counts: 'incl. UNRWA' only where Palestine refugees
    under UNRWA's mandate are in it, and named for what they are where they are in their
    own territory (the Palestinian territories: not hosted)."""
    if unrwa and at_home:
        return pgettext(
            "narrow column",
            "Refugees per 1,000 inhabitants (incl. Palestine refugees in their own territory)",
        )
    if unrwa:
        return pgettext("narrow column", "Refugees per 1,000 inhabitants (incl. UNRWA)")
    return pgettext("narrow column", "Refugees per 1,000 inhabitants")


def least_developed_header() -> str:
    """The column saying whether a country is on the UN's list of least developed
    countries: written out ('MOL' is no abbreviation a Dutch reader knows)."""
    return pgettext("narrow column", "Least developed country (UN)")


def focus_overview_table(
    overview: pd.DataFrame,
    caption: str,
    source: str,
    name: str | None = None,
    at_home: bool = False,
) -> str:
    """The burden and income of one country: the country profile's table of one row,
    whose caption names the country (a column for it would only wrap a long name such
    as UNHCR's for Serbia). The people by group are the tiles above it, not repeated
    here; the income group is written out ('lower-middle income'). `at_home`: the
    Palestine refugees counted are in their own territory (`headline.unrwa_at_home`)."""
    unrwa = bool(overview["unrwa_refugees"].fillna(0).gt(0).any())
    per_1000 = per_1000_header(unrwa, at_home)
    situations = pgettext("narrow column", "Protracted situations")
    frame = pd.DataFrame(
        {
            per_1000: overview["per_1000_incl_unrwa"].to_numpy(),
            pgettext("narrow column", "Income group"): [
                income_group_label(g) for g in overview["income_group"]
            ],
            least_developed_header(): [_("yes") if v else _("no") for v in overview["is_ldc"]],
            situations: overview["situations"].to_numpy(),
        }
    )
    formats: dict[str, Callable[..., str]] = {per_1000: one_decimal, situations: count}
    return focus_profile_table(frame, caption, source, formats, name)


def focus_people_table(
    overview: pd.DataFrame,
    names: Mapping[str, str],
    caption: str,
    source: str,
    idps_known: bool = True,
) -> str:
    """Whom each focus country hosts, who is displaced inside it, and the refugees per
    1,000 inhabitants; IDPs read 'no country figure' where IDMC gives only a world total
    that year (`idps_known` False, before 2009), not 0."""
    per_1000 = _("Refugees per 1,000 inhabitants, incl. UNRWA")
    counts = _counts(overview)
    if not idps_known:
        counts[_("IDPs (IDMC)")] = [float("nan")] * len(overview)
    frame = pd.DataFrame(
        {
            _("Country"): [names.get(c, c) for c in overview.index],
            **counts,
            per_1000: overview["per_1000_incl_unrwa"].to_numpy(),
        }
    )
    formats: dict[str, Callable[..., str]] = {**dict.fromkeys(counts, count), per_1000: one_decimal}
    if not idps_known:
        formats[_("IDPs (IDMC)")] = lambda _value: _("no country figure")
    return table_html(frame, formats, caption, source, name="focus_countries_people")


def focus_origins_table(
    overview: pd.DataFrame, names: Mapping[str, str], caption: str, source: str
) -> str:
    """Each focus country's income group, whether it is among the least developed
    countries, its protracted situations and where the people it hosts come from."""
    situations = pgettext("narrow column", "Protracted situations")
    frame = pd.DataFrame(
        {
            _("Country"): [names.get(c, c) for c in overview.index],
            _("Income group"): [income_group_label(g) for g in overview["income_group"]],
            least_developed_header(): [_("yes") if v else _("no") for v in overview["is_ldc"]],
            situations: overview["situations"].to_numpy(),
            _(
                "Main countries of origin (refugees, asylum-seekers and others in need of "
                "protection)"
            ): [_origins_text(o) for o in overview["main_origins"]],
        }
    )
    return table_html(frame, {situations: count}, caption, source, name="focus_countries_origins")
