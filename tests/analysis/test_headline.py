"""Headline figures: exact answers on hand-made frames, known figures on the real data."""

from __future__ import annotations

import pandas as pd
import pytest

from displacement_report.analysis import headline
from displacement_report.data import unhcr


@pytest.fixture
def tiny(tiny_dir):
    return unhcr.load_population(tiny_dir), unhcr.load_unrwa(tiny_dir), unhcr.load_idmc(tiny_dir)


def test_total_is_the_sum_of_the_five_components(tiny):
    result = headline.forcibly_displaced(*tiny, 2019)
    # refugees 120+30+60, UNRWA 1100, asylum 5+1, OIP 7, IDMC 500
    assert result.to_dict() == {
        "refugees": 210,
        "unrwa_refugees": 1100,
        "asylum_seekers": 6,
        "oip": 7,
        "idps": 500,
        "forcibly_displaced": 1823,
    }


def test_oip_before_2018_counts_as_zero_not_missing(tiny):
    assert headline.forcibly_displaced(*tiny, 2018)["oip"] == 0
    assert headline.forcibly_displaced(*tiny, 2018)["forcibly_displaced"] == 150 + 1000 + 10 + 400


def test_year_not_covered_by_every_source_is_refused(tiny):
    with pytest.raises(ValueError, match=r"2017 is not covered.*2018-2019"):
        headline.forcibly_displaced(*tiny, 2017)


def test_compare_years_gives_change_and_percent(tiny):
    table = headline.compare_years(*tiny, 2018, 2019)
    assert table.loc["forcibly_displaced", "change"] == 1823 - 1560
    assert table.loc["refugees", "change_pct"] == pytest.approx(100 * (210 - 150) / 150)


def test_top_hosts_and_origins_rank_by_refugees_and_oip_from_2018(tiny):
    # 2019: Türkiye 120 + 30 refugees + 7 OIP, Jordan 60; Syria 180 + 7, Afghanistan 30
    hosts = headline.top_hosts(tiny[0], 2019, n=2)
    assert hosts[["iso3", "total"]].to_dict("list") == {"iso3": ["TUR", "JOR"], "total": [157, 60]}
    origins = headline.top_origins(tiny[0], 2019, n=5)
    assert origins[["iso3", "total"]].to_dict("list") == {
        "iso3": ["SYR", "AFG"],
        "total": [187, 30],
    }
    alone = headline.top_hosts(tiny[0], 2019, n=2, columns=("refugees",))
    assert alone["total"].tolist() == [150, 60]


def _pop(rows):
    frame = pd.DataFrame(rows, columns=["year", "coo_iso", "coa_iso", "refugees", "oip"])
    return frame.assign(coo_name="Origin " + frame["coo_iso"], coa_name="Host " + frame["coa_iso"])


def test_the_definition_follows_the_year_oip_only_from_2018():
    assert headline.protection_columns(2017) == ("refugees",)
    assert headline.protection_columns(2018) == ("refugees", "oip")
    # the same stocks in 2017 and 2018: Colombia's 500 OIP count only from 2018
    rows = []
    for year in (2017, 2018):
        rows += [
            (year, "VEN", "COL", 10, 500),
            (year, "SYR", "TUR", 300, 0),
            (year, "AFG", "COL", 5, 0),
        ]
    population = _pop(rows)
    hosts_2017 = headline.ranking(population, 2017, "host")
    hosts_2018 = headline.ranking(population, 2018, "host")
    assert hosts_2017[["iso3", "total"]].values.tolist() == [["TUR", 300], ["COL", 15]]
    assert "oip" not in hosts_2017.columns
    assert hosts_2018[["iso3", "total"]].values.tolist() == [["COL", 515], ["TUR", 300]]
    # the older view beside it: by refugees alone Türkiye leads, Colombia is second
    assert hosts_2018["refugee_rank"].tolist() == [2, 1]
    origins_2018 = headline.ranking(population, 2018, "origin")
    assert origins_2018[["iso3", "total", "refugee_rank"]].values.tolist() == [
        ["VEN", 510, 2],
        ["SYR", 300, 1],
        ["AFG", 5, 3],
    ]


def test_a_country_with_oip_only_has_no_place_by_refugees_alone():
    population = _pop([(2020, "VEN", "PER", 0, 900), (2020, "SYR", "TUR", 300, 0)])
    hosts = headline.ranking(population, 2020, "host")
    assert hosts["iso3"].tolist() == ["PER", "TUR"]
    assert hosts["refugee_rank"].isna().tolist() == [True, False]


def test_hosted_by_country_adds_unrwa_as_its_own_column(tiny):
    hosted = headline.hosted_by_country(tiny[0], 2019, unrwa=tiny[1]).set_index("iso3")
    assert hosted.loc["JOR", "unrwa_refugees"] == 1100
    assert hosted.loc["JOR", "total"] == 60 + 1 + 1100
    assert hosted.loc["TUR", "unrwa_refugees"] == 0


def test_totals_for_hosts_keeps_hosts_with_nobody_and_adds_a_total(tiny):
    table = headline.totals_for_hosts(*tiny, 2019, ["JOR", "SYR", "EGY"])
    assert list(table.index) == ["JOR", "SYR", "EGY", "Total"]
    assert table.loc["EGY"].sum() == 0
    assert pd.isna(table.loc["EGY", "idps"])  # IDMC has no figure: a gap, not 0
    assert table.loc["SYR", "idps"] == 500
    assert table.loc["Total", "forcibly_displaced"] == 61 + 1100 + 500


# Figures known independently of this code: UNHCR Global Trends 2019 and the letter
# (Kamerstuk 35 570 XVII, nr. 52) cite 20.4 M refugees under UNHCR's mandate, 5.6 M
# under UNRWA's (26 M together), 4.1-4.2 M asylum-seekers; Turkey hosted most refugees
# (3.6 M) and Syria was the largest origin (6.6 M).
@pytest.fixture(scope="module")
def real(real_dir):
    return unhcr.load_population(real_dir), unhcr.load_unrwa(real_dir), unhcr.load_idmc(real_dir)


def test_end_2019_matches_global_trends(real):
    fd = headline.forcibly_displaced(*real, 2019)
    assert round(fd["refugees"] / 1e6, 1) == 20.4
    assert round(fd["unrwa_refugees"] / 1e6, 1) == 5.6
    assert round((fd["refugees"] + fd["unrwa_refugees"]) / 1e6) == 26
    assert 4.1e6 <= fd["asylum_seekers"] <= 4.2e6
    # IDMC's conflict figure as revised since (the README of the mirror: 44.6 M)
    assert round(fd["idps"] / 1e6, 1) == 44.6
    # the letter's 'about 80 million'
    assert 77e6 <= fd["forcibly_displaced"] <= 81e6


def test_end_2019_top_host_and_origin(real):
    host = headline.top_hosts(real[0], 2019, 1).iloc[0]
    origin = headline.top_origins(real[0], 2019, 1).iloc[0]
    assert (host["iso3"], round(host["total"] / 1e6, 1)) == ("TUR", 3.6)
    assert (origin["iso3"], round(origin["total"] / 1e6, 1)) == ("SYR", 6.6)


def test_by_year_starts_when_idmc_starts(real):
    table = headline.displacement_by_year(*real)
    assert table.index.min() == 1990
    assert (table["oip"].loc[:2017] == 0).all()
    assert (table["oip"].loc[2018:] > 0).all()


def test_hosted_over_time_leaves_a_group_without_a_figure_missing(tiny):
    table = headline.hosted_over_time(*tiny, "JOR")
    assert list(table.index) == [2018, 2019]
    # Jordan has no OIP cell with a figure and no IDMC row: missing, not zero; the total
    # adds the groups that have a figure
    assert table.loc[2019].to_dict() == {
        "refugees": 60,
        "unrwa_refugees": 1100,
        "asylum_seekers": 1,
        "oip": None,  # <NA> in the frame
        "idps": None,
        "forcibly_displaced": 1161,
    }
    assert headline.known_groups(table.loc[2019]) == {
        "refugees",
        "unrwa_refugees",
        "asylum_seekers",
    }
    assert headline.hosted_over_time(*tiny, "EGY").empty


def test_hosted_over_time_a_silent_year_and_oip_before_2018_are_missing(tmp_path):
    population = pd.DataFrame(
        {
            "year": [2016, 2018, 2018],
            "coa_iso": ["KNA"] * 3,
            "coo_iso": ["CUB", "CUB", "VEN"],
            "refugees": [5, 0, 0],
            "asylum_seekers": [0, 0, 0],
            "oip": [pd.NA, pd.NA, 19],
        }
    ).astype({"oip": "Float64"})
    unrwa = pd.DataFrame({"year": [], "coa_iso": [], "total": []})
    idmc = pd.DataFrame({"year": [2016, 2017, 2018], "coa_iso": ["SYR"] * 3, "total": [1, 1, 1]})
    table = headline.hosted_over_time(population, unrwa, idmc, "KNA")
    assert list(table.index) == [2016, 2017, 2018]
    # 2017: no row for the host at all; 2016: OIP not counted yet
    assert table.loc[2017].isna().all()
    assert table.loc[2016, "oip"] is pd.NA and table.loc[2016, "refugees"] == 5
    assert table.loc[2018, ["refugees", "oip", "forcibly_displaced"]].tolist() == [0, 19, 19]
    assert table["unrwa_refugees"].isna().all() and table["idps"].isna().all()


def test_idps_before_idmc_country_figures_are_missing_not_zero(real):
    sudan = headline.hosted_over_time(*real, "SDN")
    assert sudan.loc[2008, "idps"] is pd.NA
    assert sudan.loc[2008, "forcibly_displaced"] is pd.NA
    assert sudan.loc[2009, "idps"] == 4_900_000


def test_origins_in_host(tiny):
    table = headline.origins_in_host(tiny[0], "TUR", 2019)
    assert table[["iso3", "total"]].to_dict("list") == {"iso3": ["SYR", "AFG"], "total": [132, 30]}


def test_jordan_end_2019_from_the_real_data(real):
    # UNHCR's Jordan fact sheets for end-2019: some 0.65 M registered Syrians plus
    # refugees of other nationalities; UNRWA: 2.3 M registered Palestine refugees.
    year = headline.hosted_over_time(*real, "JOR").loc[2019]
    assert round(year["unrwa_refugees"] / 1e6, 1) == 2.3
    assert 0.65e6 <= year["refugees"] <= 0.75e6
