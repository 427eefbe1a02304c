"""Table 2.2: the chapter's measure (refugees and other people in need of international
protection) per dollar of GDP per capita, and a GDP figure of an older year marked and
its year said."""

from __future__ import annotations

import re

import pandas as pd

from displacement_report import i18n
from displacement_report.present.tables.hosting_and_origins import gdp_burden_table


def _hosts() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "iso3": ["SSD", "UGA"],
            "country": ["South Sudan", "Uganda"],
            "refugees": [600, 1900],
            "oip": [0, 100],
            "gdp_pc_ppp": [1155.0, 3273.0],
            "gdp_year": pd.array([2015, 2024], dtype="Int64"),
            "protection_per_usd_gdp_pc": [600 / 1155, 2000 / 3273],
        }
    )


def _cells(html: str) -> list[str]:
    return [re.sub(r"<[^>]+>", "", c).strip() for c in re.findall(r"<td[^>]*>.*?</td>", html)]


def test_the_table_counts_the_chapters_people_and_says_the_borrowed_gdp_year():
    html = gdp_burden_table(_hosts(), 2025, "Source: test")
    assert (
        "Refugees and other people in need of international protection per $1 of GDP per "
        "capita (PPP), end of 2025"
    ) in html
    cells = _cells(html)
    # South Sudan's GDP is of 2015, marked; the usual year is said in the note
    assert cells[:6] == ["South Sudan", "600", "0", "1,155", "2015*", "0.5"]
    assert cells[6:] == ["Uganda", "1,900", "100", "3,273", "2024", "0.6"]
    assert (
        "GDP per capita is the World Bank's figure for 2024; * marks an older figure, the "
        "latest the World Bank has: South Sudan (2015)."
    ) in html.replace("&#x27;", "'").replace("&#39;", "'")


def test_without_a_borrowed_year_the_note_names_the_one_year_in_dutch():
    hosts = _hosts().assign(gdp_year=pd.array([2024, 2024], dtype="Int64"))
    with i18n.using("nl"):
        html = gdp_burden_table(hosts, 2025, "Bron: test")
    assert "Vluchtelingen en andere personen die internationale bescherming" in html
    assert "Het bbp per inwoner is het cijfer van de Wereldbank voor 2024." in html
    assert "*" not in "".join(_cells(html))


def test_before_other_people_in_need_of_protection_were_counted_it_is_refugees_alone():
    html = gdp_burden_table(_hosts(), 2012, "Source: test")
    assert "Refugees per $1 of GDP per capita (PPP), end of 2012" in html
    assert "Other people in need" not in html
