"""Global Trends' definitions and the figures a Global Trends reader looks for (hosts
and origins by refugees and OIP, per inhabitant without UNRWA's, stateless people, new
arrivals, returns), each against sums made here directly from the shared CSV files, for
years before and after UNHCR began to count other people in need of international
protection."""

from __future__ import annotations

import csv
from collections import Counter, defaultdict
from pathlib import Path

import pandas as pd
import pytest

from displacement_report import paths
from displacement_report.analysis import headline, hosting, new_displacement, returns, stateless
from displacement_report.data import unhcr, worldbank

WORLDBANK_DIR = paths.SHARED_DATA_DIR / "worldbank"


def _rows(folder: Path, name: str) -> list[dict[str, str]]:
    with (folder / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _n(value: str) -> int:
    return int(value) if value else 0


@pytest.fixture(scope="module")
def raw(real_dir):
    """The shared tables as plain rows: nothing of the package reads them."""
    return {
        name: _rows(real_dir, f"{name}.csv")
        for name in ("population", "flows", "solutions", "idmc")
    }


@pytest.fixture(scope="module")
def frames(real_dir):
    return {
        "population": unhcr.load_population(real_dir),
        "unrwa": unhcr.load_unrwa(real_dir),
        "idmc": unhcr.load_idmc(real_dir),
        "flows": unhcr.load_flows(real_dir),
        "solutions": unhcr.load_solutions(real_dir),
    }


def _hand_ranking(raw, year: int, key: str, with_oip: bool) -> list[tuple[str, int]]:
    totals: Counter[str] = Counter()
    for row in raw["population"]:
        if int(row["year"]) == year:
            totals[row[key]] += _n(row["refugees"]) + (_n(row["oip"]) if with_oip else 0)
    return sorted(totals.items(), key=lambda item: (-item[1], item[0]))[:10]


@pytest.mark.parametrize("year", [2019, 2025])
def test_hosts_and_origins_by_refugees_and_oip_as_summed_by_hand(raw, frames, year):
    for role, key in (("host", "coa_iso"), ("origin", "coo_iso")):
        ranked = headline.ranking(frames["population"], year, role, 10)
        expected = _hand_ranking(raw, year, key, with_oip=True)
        assert list(zip(ranked["iso3"], ranked["total"], strict=True)) == expected
        alone = dict(_hand_ranking(raw, year, key, with_oip=False)[:1])
        first_alone = ranked.loc[ranked["refugee_rank"] == 1, "iso3"].tolist()
        assert first_alone == [iso3 for iso3 in alone if iso3 in set(ranked["iso3"])]
    origins = headline.ranking(frames["population"], year, "origin", 10)
    assert "VEN" in set(origins["iso3"])  # Venezuelans abroad: mostly OIP


def test_before_2018_hosts_and_origins_are_ranked_by_refugees_alone(raw, frames):
    for role, key in (("host", "coa_iso"), ("origin", "coo_iso")):
        ranked = headline.ranking(frames["population"], 2001, role, 10)
        expected = _hand_ranking(raw, 2001, key, with_oip=False)
        assert list(zip(ranked["iso3"], ranked["total"], strict=True)) == expected
        assert "oip" not in ranked.columns


@pytest.mark.parametrize("year", [2019, 2025])
def test_per_inhabitant_without_unrwa_as_computed_by_hand(raw, frames, year):
    wb_population = worldbank.load_population(WORLDBANK_DIR)
    table, _joins, _fy = hosting.hosting_table(
        frames["population"],
        frames["unrwa"],
        wb_population,
        worldbank.load_gdp_per_capita(WORLDBANK_DIR),
        worldbank.load_income_groups(WORLDBANK_DIR),
        worldbank.load_ldcs(WORLDBANK_DIR),
        year,
    )
    people = {
        row["iso3"]: float(row["population"])
        for row in _rows(WORLDBANK_DIR, "population.csv")
        if row["year"] == str(year) and row["population"]
    }
    for host in ("LBN", "COL", "JOR"):
        hosted = sum(
            _n(r["refugees"]) + _n(r["oip"])
            for r in raw["population"]
            if r["year"] == str(year) and r["coa_iso"] == host
        )
        row = table.set_index("iso3").loc[host]
        assert row["protection_per_1000"] == pytest.approx(1000 * hosted / people[host])
    # Global Trends' ranking leaves Palestine refugees under UNRWA's mandate out
    top = hosting.top_by(table, "protection_per_1000", 10, 1_000_000)
    assert "PSE" not in set(top["iso3"])
    with_unrwa = hosting.top_by(table, "protection_incl_unrwa_per_1000", 10, 1_000_000)
    assert {"PSE", "JOR"} <= set(with_unrwa["iso3"])


@pytest.mark.parametrize("year", [2019, 2025])
def test_stateless_total_countries_and_largest_as_summed_by_hand(raw, frames, year):
    by_country: Counter[str] = Counter()
    for row in raw["population"]:
        if int(row["year"]) == year and _n(row["stateless"]) > 0:
            by_country[row["coa_iso"]] += _n(row["stateless"])
    table = stateless.stateless_by_year(frames["population"], 2000, year)
    assert table.loc[year, "stateless"] == sum(by_country.values())
    assert table.loc[year, "countries"] == len(by_country)
    largest = stateless.largest(frames["population"], year, 3)
    assert (
        list(zip(largest["iso3"], largest["stateless"], strict=True))
        == sorted(by_country.items(), key=lambda item: (-item[1], item[0]))[:3]
    )


def test_stateless_people_before_the_table_counts_them_are_missing_not_zero(raw, frames):
    first = min(
        int(r["year"]) for r in raw["population"] if r["stateless"] and int(r["stateless"]) > 0
    )
    table = stateless.stateless_by_year(frames["population"], 2000, 2025)
    assert table.loc[: first - 1, "stateless"].isna().all()
    assert table.loc[first:, "stateless"].notna().all()
    assert stateless.stateless_by_year(frames["population"], 2001, 2001)["stateless"].isna().all()


@pytest.mark.parametrize("year", [2019, 2025])
def test_new_arrivals_by_kind_as_summed_by_hand(raw, frames, year):
    sums: defaultdict[tuple[int, str], int] = defaultdict(int)
    for row in raw["flows"]:
        for kind in ("refugees", "refugee_like", "asylum_seekers", "oip"):
            sums[int(row["year"]), kind] += _n(row[kind])
    table = new_displacement.arrivals_by_kind(frames["flows"], year)
    for kind in ("refugees", "refugee_like", "asylum_seekers", "oip"):
        assert table.loc[kind, year] == sums[year, kind]
        assert table.loc[kind, year - 1] == sums[year - 1, kind]
    kinds = ("refugees", "refugee_like", "asylum_seekers", "oip")
    assert table.loc["total", year] == sum(sums[year, k] for k in kinds)


def test_oip_arrivals_before_2018_are_not_counted_yet(frames):
    table = new_displacement.arrivals_by_kind(frames["flows"], 2018)
    assert table.loc["oip", 2017] is pd.NA and table.loc["oip", 2018] > 0
    # the data carry IDP stocks only: new internal displacement is not in them
    assert not new_displacement.idmc_has_new_displacement(frames["idmc"])


@pytest.mark.parametrize("year", [2001, 2019, 2025])
def test_returns_beside_their_stock_as_summed_by_hand_from_the_population_table(raw, frames, year):
    # the population table carries the same returns as the solutions table the code reads
    returned = {
        kind: sum(_n(r[kind]) for r in raw["population"] if r["year"] == str(year))
        for kind in ("returned_refugees", "returned_idps")
    }
    stock_refugees = sum(_n(r["refugees"]) for r in raw["population"] if r["year"] == str(year - 1))
    stock_idps = sum(_n(r["total"]) for r in raw["idmc"] if r["year"] == str(year - 1))
    table = returns.returns_in_year(frames["solutions"], frames["population"], frames["idmc"], year)
    assert table.loc["returned_refugees", "returned"] == returned["returned_refugees"]
    assert table.loc["returned_idps", "returned"] == returned["returned_idps"]
    assert table.loc["returned_refugees", "stock_year_before"] == stock_refugees
    assert table.loc["returned_idps", "stock_year_before"] == stock_idps
    assert table.loc["returned_refugees", "share_pct"] == pytest.approx(
        100 * returned["returned_refugees"] / stock_refugees
    )


def test_largest_returns_are_by_the_country_returned_to():
    solutions = pd.DataFrame(
        {
            "year": [2025, 2025, 2025, 2024],
            "coo_iso": ["AFG", "AFG", "SYR", "SDN"],
            "coo_name": ["Afghanistan", "Afghanistan", "Syria", "Sudan"],
            "coa_iso": ["IRN", "PAK", "TUR", "EGY"],
            "returned_refugees": [700, 300, 400, 5000],
            "returned_idps": [0, 0, 0, 0],
        }
    )
    found = returns.largest_returns(solutions, "returned_refugees", 2025)
    assert found[["iso3", "returned"]].values.tolist() == [["AFG", 1000], ["SYR", 400]]
    assert returns.largest_returns(solutions, "returned_idps", 2025).empty


def test_protracted_situations_in_high_income_hosts():
    from displacement_report.analysis import protracted

    situations = pd.DataFrame(
        {"coo_iso": ["SYR", "SYR", "AFG"], "coa_iso": ["DEU", "TUR", "PAK"], "refugees": [9, 8, 7]}
    )
    groups = pd.Series({"DEU": "High income", "TUR": "Upper middle income"})
    found = protracted.in_income_group(situations, groups)
    assert found["coa_iso"].tolist() == ["DEU"]  # Pakistan, without a group, is not counted
