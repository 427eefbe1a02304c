"""The view from the country people flee (analysis.abroad): its people abroad, where
most of them are, and the returns home; on hand-made frames and on Sudan's and Syria's
real data, with the words the factsheet prints."""

from __future__ import annotations

import pandas as pd
import pytest

from displacement_report import i18n
from displacement_report.analysis import abroad, headline, key_figures
from displacement_report.data import unhcr
from displacement_report.present.narrative import country_profile as words


def _population() -> pd.DataFrame:
    rows = [
        # year, origin, host, refugees, asylum-seekers, oip
        (2025, "SDN", "TCD", 1000, 5, pd.NA),
        (2025, "SDN", "EGY", 40, 800, pd.NA),
        (2025, "SDN", "SDN", 0, 0, pd.NA),  # its own territory: not abroad
        (2025, "SDN", "LBY", 0, 0, pd.NA),  # a row of nobody: not a destination
        (2024, "SDN", "TCD", 900, 0, pd.NA),
        (2025, "SYR", "TUR", 50, 0, pd.NA),
    ]
    frame = pd.DataFrame(
        rows, columns=["year", "coo_iso", "coa_iso", "refugees", "asylum_seekers", "oip"]
    )
    frame["coa_name"] = frame["coa_iso"].map({"TCD": "Chad", "EGY": "Egypt", "SDN": "Sudan"})
    frame["coa_name"] = frame["coa_name"].fillna(frame["coa_iso"])
    return frame.astype({"oip": "Float64"})


def test_people_abroad_leave_out_the_own_territory_and_keep_no_figure_missing():
    people = abroad.people_abroad(_population(), "SDN", 2025)
    assert people["refugees"] == 1040 and people["asylum_seekers"] == 805
    assert people["oip"] is pd.NA  # no host reports OIP from Sudan: no figure, not 0
    assert abroad.people_abroad(_population(), "KNA", 2025).isna().all()


def test_refugees_abroad_a_year_apart_or_none_without_a_figure():
    assert abroad.refugees_abroad_then_and_now(_population(), "SDN", 2025) == (900, 1040)
    # Syria's refugees have no row the year before: no change to tell
    assert abroad.refugees_abroad_then_and_now(_population(), "SYR", 2025) is None


def test_the_opening_gives_the_refugees_abroad_and_their_change_where_many():
    sudan = words.key_trends(
        [],
        pd.Series({"refugees": pd.NA, "idps": pd.NA}),
        "Sudan",
        2025,
        refugees_abroad=(2_089_000, 2_820_737),
    )
    assert sudan == (
        "At the end of 2025, 2,820,737 refugees from Sudan were abroad, 731,737 more than a "
        "year before."
    )
    few = words.key_trends(
        [], pd.Series({"refugees": pd.NA, "idps": pd.NA}), "Malta", 2025, refugees_abroad=(20, 27)
    )
    assert few == ""  # under abroad.TABLE_MIN_PEOPLE: page 2's sentence names them
    with i18n.using("nl"):
        syria = words.key_trends(
            [],
            pd.Series({"refugees": pd.NA, "idps": pd.NA}),
            "Syrië",
            2025,
            refugees_abroad=(5_955_000, 4_865_764),
            unrwa_too=True,
        )
    assert syria == (
        "Eind 2025 verbleven 4.865.764 vluchtelingen onder het mandaat van UNHCR uit Syrië in "
        "het buitenland, 1.089.236 minder dan een jaar eerder."
    )


def test_main_destinations_largest_first_without_rows_of_nobody():
    table = abroad.main_destinations(_population(), "SDN", 2025)
    assert table[["iso3", "total"]].to_dict("list") == {
        "iso3": ["TCD", "EGY"],
        "total": [1005, 840],
    }
    assert abroad.main_destinations(_population(), "KNA", 2025).empty


def test_returns_home_read_refugees_by_origin_and_idps_by_country():
    solutions = pd.DataFrame(
        {
            "year": [2025, 2025, 2025],
            "coo_iso": ["SDN", "SDN", "SYR"],
            "coa_iso": ["EGY", "SDN", "SYR"],
            "returned_refugees": [300, pd.NA, 10],
            "returned_idps": [pd.NA, 2_900, 5],
        }
    )
    assert abroad.returns_home(solutions, "SDN", 2025).to_dict() == {"refugees": 300, "idps": 2900}
    assert abroad.returns_home(solutions, "MLT", 2025).isna().all()


@pytest.fixture(scope="module")
def real(real_dir):
    return (
        unhcr.load_population(real_dir),
        unhcr.load_unrwa(real_dir),
        unhcr.load_idmc(real_dir),
        unhcr.load_solutions(real_dir),
    )


def _csv(real_dir, name: str) -> pd.DataFrame:
    return pd.read_csv(real_dir / f"{name}.csv", keep_default_na=False, na_values=[""])


@pytest.mark.parametrize("code", ["SDN", "SYR"])
def test_the_view_from_abroad_on_the_real_data_equals_the_csv_files(real, real_dir, code):
    population, unrwa, idmc, solutions = real
    pop = _csv(real_dir, "population")
    rows = pop[(pop["year"] == 2025) & (pop["coo_iso"] == code) & (pop["coa_iso"] != code)]
    people = abroad.people_abroad(population, code, 2025)
    assert people["refugees"] == int(rows["refugees"].sum())
    assert people["asylum_seekers"] == int(rows["asylum_seekers"].sum())
    totals = rows.groupby("coa_iso")[["refugees", "asylum_seekers"]].sum().sum(axis=1)
    destinations = abroad.main_destinations(population, code, 2025)
    assert destinations["iso3"].iloc[0] == totals.idxmax()
    assert destinations["total"].iloc[0] == int(totals.max())
    sol = _csv(real_dir, "solutions").query("year == 2025")
    returns = abroad.returns_home(solutions, code, 2025)
    assert returns["idps"] == int(sol.loc[sol["coa_iso"] == code, "returned_idps"].sum())
    assert returns["refugees"] == int(sol.loc[sol["coo_iso"] == code, "returned_refugees"].sum())
    over_time = headline.hosted_over_time(population, unrwa, idmc, code)
    idps = next(f for f in key_figures.key_figures(over_time, 2025) if f.group == "idps")
    name = {"SDN": "Sudan", "SYR": "Syria"}[code]
    text = words.abroad_sentences(people, destinations, name, 2025)
    then_and_now = abroad.refugees_abroad_then_and_now(population, code, 2025)
    text += " " + words.key_trends([idps], returns, name, 2025, refugees_abroad=then_and_now)
    # page 1 gives the refugees abroad as page 2 does, with the change since the year before
    rows_before = pop[(pop["year"] == 2024) & (pop["coo_iso"] == code)]
    before = int(rows_before.loc[rows_before["coa_iso"] != code, "refugees"].sum())
    change = people["refugees"] - before
    more_or_fewer = "more" if change > 0 else "fewer"
    assert (
        f"At the end of 2025, {people['refugees']:,} refugees from {name} were abroad, "
        f"{abs(change):,} {more_or_fewer} than a year before."
    ) in text
    # every number as its table or tile prints it
    assert (
        f"At the end of 2025, {people['refugees']:,} refugees and {people['asylum_seekers']:,}"
        in text
    )
    assert f"{destinations['total'].iloc[0]:,})" in text
    assert f"In 2025, {returns['refugees']:,} refugees returned to {name} from abroad." in text
    assert idps.change is not None and idps.change < 0
    # the factsheet opens with the year's largest change, in its tile's numbers
    fall = f"{100 * idps.change / idps.previous:+.1f}%".replace("-", "\u2212")  # typeset minus
    assert (
        f"In 2025 the number of internally displaced people (IDMC) in {name} fell by "
        f"{-idps.change:,} ({fall}), the largest change in numbers that year."
    ) in text
    # the IDP returns, without repeating the fall the first sentence gives
    assert f"In 2025, {returns['idps']:,} internally displaced people returned home." in text
    with i18n.using("nl"):
        dutch = words.abroad_sentences(people, destinations, name, 2025)
    assert f"{people['refugees']:,}".replace(",", ".") in dutch and "in het buitenland" in dutch


def test_sudan_s_figures_the_issue_names(real):
    """Sudan 2025: 2.82 million refugees and 0.94 million asylum-seekers abroad; 2.9
    million IDP returns; IDMC's IDP count 2.4 million lower than a year before."""
    population, _unrwa, _idmc, solutions = real
    people = abroad.people_abroad(population, "SDN", 2025)
    assert round(people["refugees"] / 1e6, 2) == 2.82
    assert round(people["asylum_seekers"] / 1e6, 2) == 0.94
    assert round(abroad.returns_home(solutions, "SDN", 2025)["idps"] / 1e6, 1) == 2.9
