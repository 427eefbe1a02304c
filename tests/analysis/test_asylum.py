"""Asylum claims, decisions and new arrivals: hand calculations on tiny frames, and the
Dutch national figures against the reference rows they were copied from."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from displacement_report import paths
from displacement_report.analysis import asylum
from displacement_report.data import national_asylum, unhcr


def decisions(rows):
    """rows: (year, origin, host, recognised, complementary, rejected, otherwise closed)."""
    return pd.DataFrame(
        [
            {
                "year": y,
                "coo_iso": o,
                "coa_iso": h,
                "dec_recognized": r,
                "dec_other": c,
                "dec_rejected": j,
                "dec_closed": x,
                # dec_total deliberately wrong: the rates never read it
                "dec_total": 1,
            }
            for y, o, h, r, c, j, x in rows
        ]
    ).astype({c: "Int64" for c in asylum.DECISION_COLUMNS})


def applications(rows):
    """rows: (year, origin, host, app_type, applied[, app_pc[, dec_level]])."""
    return pd.DataFrame(
        [
            {
                "year": y,
                "coo_iso": o,
                "coo_name": f"O{o}",
                "coa_iso": h,
                "app_type": t,
                "app_pc": ([*extra, "P"])[0],
                "dec_level": ([*extra[1:], "FI"])[0],
                "applied": n,
            }
            for y, o, h, t, n, *extra in rows
        ]
    ).astype({"applied": "Int64"})


# --- rates ---------------------------------------------------------------------------


def test_rates_leave_out_otherwise_closed_cases():
    table = asylum.protection_rates(
        decisions(
            [
                (2024, "SYR", "NLD", 20, 10, 30, 500),
                (2024, "AFG", "NLD", 10, 0, 30, 0),  # same host and year: added up
            ]
        )
    )
    row = table.loc[2024]
    assert row["substantive"] == 100  # 30 + 10 + 60; the 500 closed cases are not decisions
    assert row["recognition_rate"] == pytest.approx(30.0)  # not 30 / 600 = 5%
    assert row["total_protection_rate"] == pytest.approx(40.0)


def test_no_rate_below_the_minimum_of_substantive_decisions():
    assert asylum.MIN_SUBSTANTIVE_DECISIONS == 100
    frame = decisions(
        [
            (2024, "SYR", "NLD", 5, 0, 94, 1000),  # 99 substantive: no rate
            (2024, "SYR", "DEU", 5, 5, 90, 0),  # exactly 100: a rate
        ]
    )
    table = asylum.rates_for_hosts(frame, 2024, ["NLD", "DEU", "BEL"])
    assert math.isnan(table.loc["NLD", "recognition_rate"])
    assert math.isnan(table.loc["NLD", "total_protection_rate"])
    assert table.loc["NLD", "substantive"] == 99  # the counts are still shown
    assert table.loc["DEU", "recognition_rate"] == pytest.approx(5.0)
    assert table.loc["DEU", "total_protection_rate"] == pytest.approx(10.0)
    assert table.loc["BEL", "substantive"] == 0 and math.isnan(table.loc["BEL", "recognition_rate"])
    # the threshold is a parameter: at 99 the Dutch rate is shown, 5 of 99
    lower = asylum.rates_for_hosts(frame, 2024, ["NLD"], min_decisions=99)
    assert lower.loc["NLD", "recognition_rate"] == pytest.approx(100 * 5 / 99)


def test_group_and_origin_rates():
    frame = decisions(
        [
            (2024, "SYR", "NLD", 80, 0, 20, 7),
            (2024, "SYR", "DEU", 10, 40, 50, 0),
            (2024, "AFG", "NLD", 1, 1, 1, 0),
            (2023, "SYR", "NLD", 1, 1, 1, 0),
        ]
    )
    group = asylum.rates_for_group(frame, 2024, ["NLD", "DEU"])
    assert group["substantive"] == 203
    assert group["recognition_rate"] == pytest.approx(100 * 91 / 203)
    assert group["total_protection_rate"] == pytest.approx(100 * 132 / 203)
    empty = asylum.rates_for_group(frame, 2024, ["BEL"])
    assert empty["substantive"] == 0 and math.isnan(empty["recognition_rate"])
    by_origin = asylum.origin_rates(frame, "NLD", 2024, ["SYR", "AFG", "ERI"])
    assert by_origin.loc["SYR", "total_protection_rate"] == pytest.approx(80.0)
    assert math.isnan(by_origin.loc["AFG", "total_protection_rate"])  # 3 decisions
    assert by_origin.loc["ERI", "substantive"] == 0
    years = asylum.rates_by_year(frame, "NLD", [2023, 2024, 2025])
    assert list(years.index) == [2023, 2024]


# --- claims ------------------------------------------------------------------------------

CLAIMS = applications(
    [
        (2005, "AFG", "NLD", "V", 70),  # before 2006: new and repeat not split
        (2005, "AFG", "NLD", "V", 9, "P", "RA"),  # ... unless the level says reopened
        (2013, "IRQ", "NLD", "N", 4, "P", "RA"),  # a repeat claim reported as type N
        (2024, "SYR", "NLD", "N", 300),
        (2024, "SYR", "NLD", "R", 20),
        (2024, "ERI", "NLD", "N", 500),
        (2024, "ERI", "NLD", "RA", 5),
        (2024, "SYR", "DEU", "N", 900),
        (2024, "SYR", "DEU", "A", 400),  # an appeal is not a new claim
        (2024, "SYR", "BGR", "NR", 60),  # not split: counted with the new claims
        (2024, "SYR", "USA", "N", 10, "C"),  # counted in cases
    ]
)


def test_claims_by_type_per_year():
    table = asylum.applications_by_type(CLAIMS, "NLD", range(2004, 2026))
    assert list(table.index) == [2005, 2013, 2024]
    assert table.loc[2005, ["new", "not_split", "repeat", "new_claims", "total"]].tolist() == [
        0,
        70,
        9,
        70,
        79,
    ]
    assert table.loc[2013, ["new", "repeat"]].tolist() == [0, 4]
    assert table.loc[2024, ["new", "repeat", "new_claims", "total"]].tolist() == [800, 25, 800, 825]
    deu = asylum.applications_by_type(CLAIMS, "DEU", [2024])
    assert deu.loc[2024, ["new_claims", "appeal_or_other", "total"]].tolist() == [900, 400, 1300]


def test_claims_per_1000_inhabitants():
    people = pd.DataFrame(
        {
            "iso3": ["NLD", "DEU", "BGR", "USA"],
            "year": [2024] * 4,
            "population": [16_000_000, 90_000_000, 6_000_000, 1_000_000],
        }
    )
    table = asylum.applications_per_1000(CLAIMS, people, 2024, ["NLD", "DEU", "BGR", "USA", "LUX"])
    assert table.loc["NLD", "per_1000"] == pytest.approx(1000 * 800 / 16_000_000)
    assert table.loc["DEU", "new"] == 900
    assert table.loc["BGR", "new"] == 60
    assert bool(table.loc["USA", "in_cases"]) and not bool(table.loc["NLD", "in_cases"])
    assert table.loc["LUX", "new"] == 0 and math.isnan(table.loc["LUX", "per_1000"])


def test_top_origins_of_applicants():
    top = asylum.top_origins_of_applicants(CLAIMS, "NLD", 2024, n=5)
    assert top[["iso3", "new", "repeat"]].values.tolist() == [["ERI", 500, 5], ["SYR", 300, 20]]


# --- new arrivals -------------------------------------------------------------------------


def flows(rows):
    """rows: (year, host, refugees, refugee_like, asylum_seekers, oip)."""
    frame = pd.DataFrame(
        [
            {
                "year": y,
                "coa_iso": h,
                "refugees": r,
                "refugee_like": rl,
                "asylum_seekers": a,
                "oip": o,
            }
            for y, h, r, rl, a, o in rows
        ]
    )
    return frame.astype({c: "Int64" for c in asylum.ARRIVAL_COLUMNS})


def test_new_arrivals_and_arrivals_per_dutch_claim():
    arrivals = flows(
        [
            (2024, "UGA", 1000, pd.NA, 200, pd.NA),
            (2024, "ETH", 500, 100, pd.NA, pd.NA),
            (2024, "NLD", 50, pd.NA, 800, pd.NA),
            (2024, "COL", pd.NA, pd.NA, pd.NA, 400),
            (1995, "UGA", 300, pd.NA, pd.NA, pd.NA),
        ]
    )
    world = asylum.new_arrivals(arrivals, [1995, 2024])
    assert world["total"].tolist() == [300, 3050]
    table = asylum.arrivals_per_dutch_application(arrivals, CLAIMS, ["UGA", "ETH"], [1995, 2024])
    assert table.loc[2024, "focus_arrivals"] == 1800
    assert table.loc[2024, "dutch_arrivals"] == 850
    assert table.loc[2024, "dutch_new_claims"] == 800
    assert table.loc[2024, "per_dutch_claim"] == pytest.approx(1800 / 800)
    # 1995: arrivals known, but no claims table yet: no ratio rather than a division by 0
    assert table.loc[1995, "focus_arrivals"] == 300
    assert math.isnan(table.loc[1995, "per_dutch_claim"])


# --- national figures beside UNHCR's ------------------------------------------------------


def test_national_figures_beside_unhcr_by_hand():
    national = pd.DataFrame(
        {
            "year": [2024, 2024, 2024, 2024],
            "measure": ["total", "first_applications", "repeat_applications",
                        "family_reunification_applications"],
            "counted_by": ["IND"] * 4,
            "value": [900, 810, 30, 60],
        }
    )  # fmt: skip
    table = asylum.national_beside_unhcr(national, CLAIMS, [2024])
    assert table["measure"].tolist() == [
        "first_applications",
        "repeat_applications",
        "family_reunification_applications",
        "total",
    ]
    by_measure = table.set_index("measure")
    assert by_measure.loc["first_applications", "unhcr"] == 800
    assert by_measure.loc["first_applications", "difference"] == 10
    assert by_measure.loc["repeat_applications", "unhcr"] == 25
    assert math.isnan(by_measure.loc["family_reunification_applications", "unhcr"])
    assert (
        by_measure.loc["total", "unhcr"] == 825
    )  # new + repeat: UNHCR has no family reunification
    assert by_measure.loc["total", "difference_pct"] == pytest.approx(100 * 75 / 825)


def test_every_national_figure_is_its_reference_row():
    """Each row of data/asylum/nl_asylum_figures.csv equals the row of the shared
    reference file it names: value, year, unit, topic, source title and URL."""
    reference = pd.read_csv(
        paths.SHARED_DATA_DIR / "reference" / "sourced_figures_costs.csv"
    ).set_index("figure_id")
    figures = national_asylum.load_nl_asylum_figures()
    assert len(figures) == 30
    for row in figures.to_dict("records"):
        cited = reference.loc[row["reference_id"]]
        assert cited["topic"] == "NL_asylum_numbers", row
        assert float(cited["value"]) == row["value"], row
        assert str(cited["period"]) == str(row["year"]), row
        assert cited["unit"] == row["unit"], row
        assert cited["source_title"] == row["source_title"], row
        assert cited["source_url"] == row["source_url"], row
        assert cited["quality"] == row["quality"], row


def test_the_gap_between_dutch_and_unhcr_totals_is_family_reunification(real_dir):
    """The explanation the chapter gives, checked on the real figures: the national
    total minus UNHCR's new and repeat claims is the family-reunification figure the
    same sources give, to within 5% of the national total, in every year with both."""
    table = asylum.national_beside_unhcr(
        national_asylum.load_nl_asylum_figures(),
        unhcr.load_asylum_applications(real_dir),
        range(2015, 2025),
    )
    checked = 0
    for year, rows in table.groupby("year"):
        by_measure = rows.set_index("measure")
        family = by_measure.index.intersection(
            ["family_reunification_applications", "family_reunification_arrivals"]
        )
        if "total" not in by_measure.index or family.empty:
            continue
        gap = by_measure.loc["total", "difference"]
        assert (
            abs(gap - by_measure.loc[family[0], "value"]) <= 0.05 * by_measure.loc["total", "value"]
        ), year
        checked += 1
    assert checked == 8


def test_who_decided_is_read_from_the_procedure_type():
    frame = pd.DataFrame(
        {
            "year": [2025, 2025, 2025, 2025, 2024],
            "coa_iso": ["JOR", "JOR", "MLT", "MLT", "MLT"],
            "procedure_type": ["U", "U", "G", "U", "J"],
            "dec_recognized": [700, 93, 80, 0, 5],
            "dec_other": [0, 0, 20, 0, 0],
            "dec_rejected": [40, 1, 100, 0, 0],
            "dec_closed": [100, 71, 10, 9, 0],  # closed cases are not substantive
        }
    )
    jordan = asylum.substantive_by_procedure(frame, 2025, "JOR")
    assert jordan.to_dict() == {"U": 834}
    # Malta's UNHCR row has closed cases only: no substantive decision by UNHCR
    assert asylum.substantive_by_procedure(frame, 2025, "MLT").to_dict() == {"G": 200}
    assert asylum.substantive_by_procedure(frame, 2025, "KNA").empty


def test_who_decided_on_the_real_data_jordan_2025_is_unhcr(real_dir):
    decisions = pd.read_csv(
        real_dir / "asylum_decisions.csv", keep_default_na=False, na_values=[""]
    )
    rows = decisions[(decisions["year"] == 2025) & (decisions["coa_iso"] == "JOR")]
    expected = int(rows[["dec_recognized", "dec_other", "dec_rejected"]].sum().sum())
    by_type = asylum.substantive_by_procedure(unhcr.load_asylum_decisions(real_dir), 2025, "JOR")
    assert set(rows["procedure_type"]) == {"U"} and by_type.to_dict() == {"U": expected}
