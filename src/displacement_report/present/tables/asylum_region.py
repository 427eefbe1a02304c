"""Tables of the chapter 'Asylum in the Netherlands and reception in the region':
neighbouring shares by origin and by host, new arrivals, claims and decisions beside
the EU and the focus countries, and the Dutch national figures beside UNHCR's."""

from __future__ import annotations

from collections.abc import Callable, Mapping

import pandas as pd
from babel.numbers import format_decimal

from displacement_report.analysis.asylum import EU_ROW
from displacement_report.data.national_asylum import MEASURES
from displacement_report.i18n import locale_code
from displacement_report.present.format import (
    as_float,
    count,
    one_decimal,
    percent,
    signed_percent,
    table_html,
)

_QUALIFIER = {"exact": "", "about": "about ", "more_than": "more than "}


def _percent0(value: object) -> str:
    return percent(value, 0)


def _two_decimals(value: object) -> str:
    """0.0234 -> '0.02': per 1,000 rates of countries with few claims stay visible."""
    if one_decimal(value) == "–":  # missing
        return "–"
    return format_decimal(as_float(value), format="#,##0.00", locale=locale_code())


def origins_table(by_origin: pd.DataFrame, year: int, source: str) -> str:
    frame = pd.DataFrame(
        {
            "Country of origin": by_origin["country"].to_numpy(),
            "Refugees and OIP abroad": by_origin["people"].to_numpy(),
            "In a neighbouring country": by_origin["in_neighbouring"].to_numpy(),
            "Share": by_origin["share"].to_numpy(),
        }
    )
    formats = {
        "Refugees and OIP abroad": count,
        "In a neighbouring country": count,
        "Share": percent,
    }
    caption = (
        f"The largest origins of refugees and other people in need of international "
        f"protection (OIP): how many live in a country bordering their own, end of {year}"
    )
    return table_html(frame, formats, caption, source)


def hosts_table(in_hosts: pd.DataFrame, names: Mapping[str, str], year: int, source: str) -> str:
    frame = pd.DataFrame(
        {
            "Host country": [names.get(c, c) for c in in_hosts.index],
            "Refugees and OIP hosted": in_hosts["people"].to_numpy(),
            "From a neighbouring country": in_hosts["from_neighbouring"].to_numpy(),
            "Share": in_hosts["share"].to_numpy(),
            "Asylum-seekers (not counted)": in_hosts["asylum_seekers"].to_numpy(),
        }
    )
    formats = {
        "Refugees and OIP hosted": count,
        "From a neighbouring country": count,
        "Share": percent,
        "Asylum-seekers (not counted)": count,
    }
    caption = f"The focus countries as hosts: people from a neighbouring country, end of {year}"
    return table_html(frame, formats, caption, source)


def arrivals_table(table: pd.DataFrame, source: str) -> str:
    frame = pd.DataFrame(
        {
            "Year": [str(y) for y in table.index],
            "New arrivals, focus countries": table["focus_arrivals"].to_numpy(),
            "New arrivals, Netherlands": table["dutch_arrivals"].to_numpy(),
            "New arrivals, world": table["world_arrivals"].to_numpy(),
            "New asylum claims in the Netherlands": table["dutch_new_claims"].to_numpy(),
            "Arrivals in the focus countries per new Dutch claim": table[
                "per_dutch_claim"
            ].to_numpy(),
        }
    )
    formats = {
        "New arrivals, focus countries": count,
        "New arrivals, Netherlands": count,
        "New arrivals, world": count,
        "New asylum claims in the Netherlands": count,
        "Arrivals in the focus countries per new Dutch claim": one_decimal,
    }
    caption = (
        f"New arrivals (refugees, refugee-like, asylum-seekers, OIP) and new asylum claims "
        f"in the Netherlands, {table.index.min()}-{table.index.max()}"
    )
    return table_html(frame, formats, caption, source)


def comparison_table(
    compared: pd.DataFrame, names: Mapping[str, str], year: int, minimum: int, source: str
) -> str:
    labels = [
        "EU-27 together" if c == EU_ROW else names.get(c, c) + (" (cases)" if cases else "")
        for c, cases in zip(compared.index, compared["in_cases"], strict=True)
    ]
    frame = pd.DataFrame(
        {
            "Country": labels,
            "New asylum claims": compared["new"].to_numpy(),
            "Per 1,000 inhabitants": compared["per_1000"].to_numpy(),
            "Substantive decisions": compared["substantive"].to_numpy(),
            "Refugee recognition rate": compared["recognition_rate"].to_numpy(),
            "Total protection rate": compared["total_protection_rate"].to_numpy(),
        }
    )
    formats = {
        "New asylum claims": count,
        "Per 1,000 inhabitants": _two_decimals,
        "Substantive decisions": count,
        "Refugee recognition rate": _percent0,
        "Total protection rate": _percent0,
    }
    caption = (
        f"Asylum claims and decisions in {year}: the Netherlands, the EU-27 and the focus "
        f"countries (no rate under {count(minimum)} substantive decisions)"
    )
    return table_html(frame, formats, caption, source)


def origins_of_applicants_table(
    top: pd.DataFrame, rates: pd.DataFrame, year: int, minimum: int, source: str
) -> str:
    frame = pd.DataFrame(
        {
            "Country of origin": top["country"].to_numpy(),
            "New claims": top["new"].to_numpy(),
            "Repeat claims": top["repeat"].to_numpy(),
            "Substantive decisions": rates["substantive"].reindex(top["iso3"]).to_numpy(),
            "Refugee recognition rate": rates["recognition_rate"].reindex(top["iso3"]).to_numpy(),
            "Total protection rate": rates["total_protection_rate"].reindex(top["iso3"]).to_numpy(),
        }
    )
    formats = {
        "New claims": count,
        "Repeat claims": count,
        "Substantive decisions": count,
        "Refugee recognition rate": _percent0,
        "Total protection rate": _percent0,
    }
    caption = (
        f"The main origins of asylum applicants in the Netherlands, {year}, and the decisions "
        f"on their claims that year (no rate under {count(minimum)} substantive decisions)"
    )
    return table_html(frame, formats, caption, source)


def national_table(beside: pd.DataFrame, source: str) -> str:
    frame = pd.DataFrame(
        {
            "Year": [str(y) for y in beside["year"]],
            "Measure": [MEASURES[m] for m in beside["measure"]],
            "Counted by": beside["counted_by"].to_numpy(),
            "National figure": [
                _QUALIFIER[q] + count(v)
                for q, v in zip(beside["qualifier"], beside["value"], strict=True)
            ],
            "UNHCR": beside["unhcr"].to_numpy(),
            "Difference": beside["difference_pct"].to_numpy(),
        }
    )
    formats: dict[str, Callable[..., str]] = {
        "National figure": str,
        "UNHCR": count,
        "Difference": signed_percent,
    }
    caption = (
        "Dutch national asylum figures beside UNHCR's for the Netherlands (UNHCR: new claims, "
        "repeat claims, or both for a total; difference as a share of UNHCR's figure)"
    )
    return table_html(frame, formats, caption, source)


def profile_table(
    in_host: pd.Series, rates: pd.Series, country: str, year: int, minimum: int, source: str
) -> str:
    """The country profile's line: people hosted from next door, and the two rates."""
    frame = pd.DataFrame(
        {
            "Refugees and OIP hosted": [in_host["people"]],
            "From a neighbouring country": [in_host["from_neighbouring"]],
            "Share": [in_host["share"]],
            "Substantive asylum decisions": [rates["substantive"]],
            "Refugee recognition rate": [rates["recognition_rate"]],
            "Total protection rate": [rates["total_protection_rate"]],
        }
    )
    formats = {
        "Refugees and OIP hosted": count,
        "From a neighbouring country": count,
        "Share": percent,
        "Substantive asylum decisions": count,
        "Refugee recognition rate": _percent0,
        "Total protection rate": _percent0,
    }
    caption = (
        f"{country}: people from a neighbouring country and asylum decisions, {year} "
        f"(no rate under {count(minimum)} substantive decisions)"
    )
    return table_html(frame, formats, caption, source)
