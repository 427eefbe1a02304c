"""What reception costs: the cited cost figures checked against their sources, the
refusal to mix units, currencies, stages or vintages, and every derived figure (shares,
ratios, conversions) against hand calculations and published figures."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from displacement_report import i18n, paths
from displacement_report.analysis import costs, exchange, spending
from displacement_report.data import costs as cost_data
from displacement_report.data import documents
from displacement_report.errors import DataFileError

REFERENCE = paths.SHARED_DATA_DIR / "reference" / "sourced_figures_costs.csv"

# --- the data file against the document each row cites ---------------------------------

#: How the reference file writes a unit, and how the cost file keeps it apart:
#: (unit, basis). A row read with the wrong basis (a place for a person, a month for a
#: year) fails here.
REFERENCE_UNITS = {
    "EUR": ("EUR", "total"),
    "USD": ("USD", "total"),
    "percent": ("percent", "share_of_oda"),
    "EUR per year": ("EUR", "per_year"),
    "EUR per resident per year": ("EUR", "per_resident_year"),
    "EUR per asylum seeker per year": ("EUR", "per_asylum_seeker_year"),
    "EUR per person per year": ("EUR", "per_asylum_seeker_year"),
    "EUR per place per year": ("EUR", "per_place_year"),
    "EUR per asylum seeker per day": ("EUR", "per_person_day"),
    "EUR per person per day": ("EUR", "per_person_day"),
    "EUR per asylum seeker per month": ("EUR", "per_person_month"),
    "EUR per asylum seeker (whole stay)": ("EUR", "per_person_stay"),
    "months": ("months", "rule"),
    "year": ("year", "rule"),
}


def test_every_cost_figure_matches_the_reference_row_it_cites():
    reference = pd.read_csv(REFERENCE, dtype=str, keep_default_na=False).set_index("figure_id")
    figures = cost_data.load_costs()
    for row in figures.to_dict("records"):
        cited = reference.loc[row["reference_id"]]
        assert float(cited["value"]) == row["value"], row["cost_id"]
        assert cited["source_url"] == row["source_url"], row["cost_id"]
        assert cited["source_title"] == row["source_title"], row["cost_id"]
        assert cited["quality"] == row["quality"], row["cost_id"]
        assert cited["period"] == row["period"], row["cost_id"]
        assert REFERENCE_UNITS[cited["unit"]] == (row["unit"], row["basis"]), row["cost_id"]
        # the years a row is filed under are the years its source names
        for year in {row["period_start"], row["period_end"]}:
            assert str(year) in cited["period"], (row["cost_id"], year, cited["period"])
    assert len(figures) == 97
    assert figures["reference_id"].str.match(r"^F(2[4-9]\d|3\d\d|4[0-6]\d)$").all()


def test_the_key_figures_of_the_notes_are_in_the_file():
    figures = cost_data.load_costs().set_index("reference_id")
    # NOTES_COSTS.md: COA 2022 EUR 27,100 regular vs 53,400 emergency per resident per year
    assert figures.loc["F249", ["value", "setting", "basis"]].tolist() == [
        27100.0,
        "regular",
        "per_resident_year",
    ]
    assert figures.loc["F250", "value"] == 53400.0
    # Dutch ODA for first-year reception 2015: EUR 836 million = 18% of the aid budget
    assert figures.loc["F346", ["value", "unit"]].tolist() == [836e6, "EUR"]
    assert figures.loc["F347", ["value", "unit"]].tolist() == [18.0, "percent"]


def write_costs(tmp_path, edit):
    frame = pd.read_csv(cost_data.COSTS_DIR / cost_data.FIGURES_FILE, dtype=str).head(3)
    path = tmp_path / "figures.csv"
    edit(frame).to_csv(path, index=False)
    return path


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        (lambda f: f.assign(source_title=""), r"column 'source_title'"),
        (lambda f: f.assign(source_url="COA"), r"column 'source_url': value 'COA'"),
        (lambda f: f.assign(basis="total", unit="GBP"), r"column 'unit': value 'GBP'"),
        (lambda f: f.assign(basis="per_bed_day"), r"column 'basis': value 'per_bed_day'"),
        (lambda f: f.assign(amount_kind="spent"), r"column 'amount_kind': value 'spent'"),
        (lambda f: f.assign(vintage="draft"), r"column 'vintage': value 'draft'"),
        (lambda f: f.assign(unit="USD"), r"a cost per person, place or year is in EUR"),
        (lambda f: f.assign(unit="percent"), r"a share of ODA must be in percent"),
        (lambda f: f.assign(period_start="2030"), r"period_start is after period_end"),
        (lambda f: f.drop(columns="vintage"), r"missing column\(s\) \['vintage'\]"),
    ],
)
def test_bad_cost_figures_are_refused(tmp_path, edit, expected):
    with pytest.raises(DataFileError, match=expected):
        cost_data.load_costs(write_costs(tmp_path, edit))


# --- hand-made figures ------------------------------------------------------------------

BASE = {
    "topic": "coa_total",
    "description": "d",
    "unit": "EUR",
    "basis": "total",
    "setting": "all",
    "amount_kind": "realisation",
    "vintage": "as_published",
    "qualifier": "exact",
    "geography": "NLD",
    "quality": "primary",
    "source_title": "S",
    "source_url": "https://example.org",
}


def figures(*rows: dict) -> pd.DataFrame:
    records = []
    for number, row in enumerate(rows, start=1):
        start = row.pop("year")
        records.append(
            BASE
            | {
                "cost_id": f"K{number:03d}",
                "period_start": start,
                "period_end": row.pop("end", start),
                "period": str(start),
            }
            | row
        )
    return pd.DataFrame(records)


def test_a_yearly_series_refuses_mixed_currencies_stages_and_bases():
    mixed_currency = figures(
        {"year": 2021, "value": 1.0}, {"year": 2022, "value": 2.0, "unit": "USD"}
    )
    with pytest.raises(costs.MixedUnits, match=r"rows differ in unit \(EUR, USD\)"):
        costs.yearly_series(mixed_currency, "COA total costs")
    mixed_stage = figures(
        {"year": 2021, "value": 1.0}, {"year": 2022, "value": 2.0, "amount_kind": "budget_draft"}
    )
    with pytest.raises(costs.MixedUnits, match=r"amount_kind \(budget_draft, realisation\)"):
        costs.yearly_series(mixed_stage, "COA total costs")
    mixed_basis = figures(
        {"year": 2021, "value": 1.0}, {"year": 2022, "value": 2.0, "basis": "per_place_year"}
    )
    with pytest.raises(costs.MixedUnits, match=r"basis"):
        costs.yearly_series(mixed_basis, "COA total costs")


def test_the_latest_publication_of_a_year_replaces_the_first():
    rows = figures(
        {"year": 2022, "value": 1.5e9, "qualifier": "more_than", "quality": "primary"},
        {"year": 2022, "value": 1.6e9, "vintage": "revised", "quality": "secondary"},
        {"year": 2021, "value": 7.25e8, "vintage": "preliminary"},
    )
    series = costs.yearly_series(rows, "COA total costs")
    assert series["value"].to_dict() == {2021: 7.25e8, 2022: 1.6e9}
    assert series.loc[2022, "cost_id"] == "K002"


def test_a_share_needs_one_currency_stage_vintage_and_year():
    part, whole = figures({"year": 2022, "value": 25.0}, {"year": 2022, "value": 200.0}).to_dict(
        "records"
    )
    assert costs.share(pd.Series(part), pd.Series(whole)) == pytest.approx(12.5)
    for change, column in (
        ({"unit": "USD"}, "unit"),
        ({"amount_kind": "budget_draft"}, "amount_kind"),
        ({"vintage": "preliminary"}, "vintage"),
        ({"period_start": 2021, "period_end": 2021}, "period_start"),
    ):
        with pytest.raises(costs.MixedUnits, match=column):
            costs.share(pd.Series(part | change), pd.Series(whole))


def test_published_dac_shares_and_the_shares_their_own_amounts_imply():
    table = costs.dac_shares(cost_data.load_costs(), 2025)
    # OECD's preliminary releases: amount / total of the same release equals the share
    # the release states, to its one decimal (F381/F384 -> 14.4% F382; F402/F422 -> 9.7%
    # F403; F392/F395 -> 13.1% F393)
    assert round(29.3 / 204 * 100, 1) == 14.4
    assert table.loc[2017, "implied"] == pytest.approx(100 * 14.2 / 146.6)
    assert round(table.loc[2017, "implied"], 1) == 9.7
    assert round(table.loc[2024, "implied"], 1) == 13.1
    # no share was published for 2018: the one shown is computed, 10.6 / 149.3 = 7.1%
    assert table.loc[2018, "computed"]
    assert table.loc[2018, "shown"] == pytest.approx(100 * 10.6 / 149.3)
    # a revised share replaces the preliminary one (2022: 14.4% then 14.7%, F382/F390)
    assert table.loc[2022, ["published", "published_vintage"]].tolist() == [14.7, "revised"]
    assert not table.loc[2022, "computed"]
    # up to 2015 only the 2014 and 2015 shares
    assert list(costs.dac_shares(cost_data.load_costs(), 2015).index) == [2014, 2015]
    assert costs.dac_shares(cost_data.load_costs(), 1995).empty


# --- euro and dollar --------------------------------------------------------------------


def test_ecb_annual_averages_equal_the_published_ones():
    # ECB, euro foreign exchange reference rates, annual averages of the US dollar
    # (Statistical Data Warehouse series EXR.A.USD.EUR.SP00.A): 2015 1.1095, 2021 1.1827
    assert round(exchange.annual_average("USD", 2015).rate, 4) == 1.1095
    rate = exchange.annual_average("USD", 2021)
    assert round(rate.rate, 4) == 1.1827
    assert (rate.first, rate.last) == (dt.date(2021, 1, 4), dt.date(2021, 12, 31))
    with pytest.raises(exchange.NoRate):
        exchange.annual_average("USD", 1995)  # before the euro


def fixed_rate(value: float):
    def rate_for(currency: str, year: int) -> exchange.AnnualRate:
        day = dt.date(year, 1, 1)
        return exchange.AnnualRate(currency, year, value, 1, day, day, "test")

    return rate_for


def test_conversion_states_its_rate_and_refuses_what_is_not_money():
    usd, rate = costs.to_usd(40e6, "EUR", 2015, fixed_rate(1.25))
    assert usd == pytest.approx(50e6) and rate.rate == 1.25 and rate.year == 2015
    assert costs.to_usd(39e6, "USD", 2018) == (39e6, None)
    eur, _ = costs.to_eur(50e6, "USD", 2015, fixed_rate(1.25))
    assert eur == pytest.approx(40e6)
    with pytest.raises(costs.MixedUnits, match="percent"):
        costs.to_usd(18.0, "percent", 2015)


def test_dutch_money_as_a_share_of_the_appeal_it_answers():
    amounts = documents.load_amounts()
    shares = {s.dutch_id: s for s in costs.appeal_shares(amounts, 2025)}
    # by hand: EUR 40 million (A046) at USD 1.1095 per EUR (ECB 2015 average) against the
    # USD 2.9 billion requirement of the 2015 UN plan for Syria (A096)
    syria = shares["A046"]
    assert syria.rate.year == 2015
    assert syria.percent == pytest.approx(100 * 40e6 * syria.rate.rate / 2.9e9)
    assert round(syria.percent, 2) == round(100 * 40e6 * 1.1095 / 2.9e9, 2) == 1.53
    # dollars against dollars need no rate: USD 39m of USD 8.28bn
    assert shares["A056"].rate is None
    assert shares["A056"].percent == pytest.approx(100 * 39 / 8280)
    # a report year before a pair leaves it out
    assert [s.dutch_id for s in costs.appeal_shares(amounts, 2016)] == ["A046"]


def test_an_appeal_pair_of_two_years_or_not_in_dollars_is_refused():
    amounts = documents.load_amounts()
    with pytest.raises(costs.MixedUnits, match="one and the same year"):
        costs.appeal_shares(amounts, 2025, pairs=(("A046", "A091", "x"),))  # 2015 vs 2020
    with pytest.raises(costs.MixedUnits, match="not an appeal requirement in USD"):
        costs.appeal_shares(amounts, 2025, pairs=(("A046", "A098", "x"),))  # a share
    with pytest.raises(costs.MixedUnits, match="is a requirement, not Dutch money"):
        costs.appeal_shares(amounts, 2025, pairs=(("A096", "A096", "x"),))


# --- the comparison the debate makes ------------------------------------------------------


def _dac(year, topic, value, vintage, unit="USD", basis="total"):
    return {
        "year": year,
        "topic": topic,
        "value": value,
        "vintage": vintage,
        "unit": unit,
        "basis": basis,
        "geography": "DAC",
    }


def test_a_published_share_that_is_not_the_ratio_of_the_amounts_beside_it_is_named():
    """Table 7.11's 2021 row: a published 4.6% beside USD 12.8 billion (revised) and
    179.0 billion (preliminary), whose ratio is 7.2%; no release gives both amounts."""
    rows = figures(
        _dac(2021, "dac_in_donor", 12.8e9, "revised"),
        _dac(2021, "dac_oda_total", 179.0e9, "preliminary"),
        _dac(2021, "dac_in_donor", 4.6, "as_published", "percent", "share_of_oda"),
        # a year whose share is the ratio of its amounts to rounding: 10 / 100 = 10.0%
        _dac(2020, "dac_in_donor", 10.04e9, "revised"),
        _dac(2020, "dac_oda_total", 100.0e9, "preliminary"),
        _dac(2020, "dac_in_donor", 10.0, "as_published", "percent", "share_of_oda"),
        # a year with a share implied by one release: shown like with like already
        _dac(2019, "dac_in_donor", 5e9, "preliminary"),
        _dac(2019, "dac_oda_total", 50e9, "preliminary"),
        _dac(2019, "dac_in_donor", 12.0, "revised", "percent", "share_of_oda"),
    )
    shares = costs.dac_shares(rows, 2025)
    (found,) = costs.unreconciled_shares(shares, costs.dac_amounts(rows, 2025))
    assert (found.year, found.published) == (2021, 4.6)
    assert found.ratio == pytest.approx(100 * 12.8 / 179.0)  # 7.15%
    assert (found.costs_vintage, found.total_vintage) == ("revised", "preliminary")
    # on the real figures: 2021 is the one such year, and the note says why in words
    real = cost_data.load_costs()
    (year_2021,) = costs.unreconciled_shares(
        costs.dac_shares(real, 2025), costs.dac_amounts(real, 2025)
    )
    assert year_2021.year == 2021
    from displacement_report.present.narrative import reception_costs as narrative

    note = narrative.unreconciled_note([found])
    assert note.startswith("*In 2021 the share as published (4.6%) is not the ratio of the ")
    assert "(7.2%)" in note and "(revised)" in note and "(preliminary)" in note
    assert narrative.unreconciled_note([]) == ""


HOSTED = pd.DataFrame(
    {"refugees": [1_000_000], "asylum_seekers": [250_000], "unrwa_refugees": [750_000]},
    index=[2021],
)


def test_region_budget_per_person_under_each_denominator():
    budget = pd.Series({2021: 100e6})
    reached = [
        costs.Reached(("R9",), 50_000.0, 2020, 2021, False),  # mid-2020 to mid-2021
        costs.Reached(("R8",), 80_000.0, 2017, 2018, False),  # before the budget's year
    ]
    table, year = costs.region_per_person(budget, HOSTED, reached, 2025)
    assert year == 2021
    per = table.set_index("denominator")["eur_per_person"]
    # a budget of 2021 is never divided by people reached in 2017-18: named instead
    assert "reached_R8" not in per.index
    assert costs.other_period(reached, 2021) == [reached[1]]
    assert costs.other_period(reached, None) == []
    # by hand: 100m / 1m, / 1.25m, / 2m, / 50,000
    assert per.to_dict() == pytest.approx(
        {
            "refugees": 100.0,
            "refugees_asylum_seekers": 80.0,
            "refugees_asylum_seekers_unrwa": 50.0,
            "reached_R9": 2000.0,
        }
    )
    # the first row is the spending chapter's own ratio, not a second computation
    reused = spending.eur_per_person(budget, HOSTED).loc[2021, "eur_per_refugees"]
    assert per["refugees"] == reused
    empty, none = costs.region_per_person(budget, HOSTED, reached, 2020)
    assert none is None and empty.empty


def dutch_cost(value, basis="per_resident_year", unit="EUR", cost_id="K001"):
    return costs.DutchCost(
        "regular", value, unit, basis, "realisation", "2022", 2022, cost_id, "primary"
    )


def test_sensitivity_ratios_and_the_refusal_of_other_bases():
    region, _ = costs.region_per_person(pd.Series({2021: 100e6}), HOSTED, [], 2025)
    table = costs.sensitivity([dutch_cost(30_000), dutch_cost(60_000, cost_id="K002")], region)
    # by hand: EUR 30,000 / EUR 100 = 300; / EUR 80 = 375; EUR 60,000 / EUR 50 = 1,200
    assert table.loc["refugees", "K001"] == pytest.approx(300)
    assert table.loc["refugees_asylum_seekers", "K001"] == pytest.approx(375)
    assert table.loc["refugees_asylum_seekers_unrwa", "K002"] == pytest.approx(1200)
    with pytest.raises(costs.MixedUnits, match="per person day is not a cost per person per year"):
        costs.sensitivity([dutch_cost(80, basis="per_person_day")], region)
    with pytest.raises(costs.MixedUnits, match="per place year"):
        costs.sensitivity([dutch_cost(30_000, basis="per_place_year")], region)
    with pytest.raises(costs.MixedUnits, match="not USD"):
        costs.sensitivity([dutch_cost(30_000, unit="USD")], region)


def test_people_reached_are_summed_only_when_alike():
    results = documents.load_results()
    one, three, letter = costs.people_reached(results, 2025)
    assert (one.people, one.may_overlap, one.qualifier) == (100_000, False, "more_than")  # R004
    assert (three.people, three.may_overlap) == (300_000, True)  # R005-R007: 240k + 40k + 20k
    # the letter's own count: more than 575,000 children and young people, mid-2017 to 2020
    assert (letter.people, letter.start, letter.end) == (575_000, 2017, 2020)
    assert costs.people_reached(results, 2018) == [one]
    # none of them covers the 2021 budget: the comparison divides it by none of them
    assert costs.other_period([one, three, letter], 2021) == [one, three, letter]
    with pytest.raises(costs.MixedUnits, match="period_start"):
        costs.people_reached(results, 2025, groups=(("R004", "R005"),))
    with pytest.raises(costs.MixedUnits, match="unit"):
        costs.people_reached(results, 2025, groups=(("R008", "R009"),))  # children, households


def test_the_dutch_figures_chosen_for_a_year():
    figures_ = cost_data.load_costs()
    # against the 2021 budget: COA's 2022 figures (nearest) and the c. 2019 estimate
    chosen = costs.comparison_costs(figures_, 2025, near=2021)
    assert [(c.cost_id, c.value) for c in chosen] == [
        ("K001", 27100.0),
        ("K002", 53400.0),
        ("K005", 30000.0),
    ]
    # the report year itself: COA's 2023 figures and the c. 2025 estimate
    assert [c.value for c in costs.comparison_costs(figures_, 2025)] == [30400, 69400, 33000]
    assert [c.cost_id for c in costs.comparison_costs(figures_, 2019)] == ["K005"]
    assert costs.comparison_costs(figures_, 2015) == []


def test_the_chapter_series_on_the_real_figures():
    figures_ = cost_data.load_costs()
    per_resident = costs.per_resident(figures_, 2025)
    assert per_resident.loc[2023].tolist() == [30400, 69400]  # F260, F259
    assert costs.times(69400, 30400) == pytest.approx(2.283, abs=1e-3)
    assert costs.per_resident(figures_, 2021).empty
    totals = costs.coa_totals(figures_, 2025)["value"]
    assert totals.to_dict() == {
        2015: 800e6,  # F263
        2017: 749e6,  # F323
        2018: 578e6,  # F322 (more than)
        2021: 726e6,  # F261, restated; 725m as first published (F251)
        2022: 1.6e9,  # F258, restated; more than 1.5bn first (F252)
        2023: 2.7e9,  # F257
    }
    stages = costs.coa_budget_by_stage(figures_, 2025)
    assert stages.loc[2023, "budget_supplementary_2"] == 2565442000  # F312
    assert stages.loc[2022, "budget_adopted"] == 538486000  # F307
    assert set(costs.per_person_by_basis(figures_, 2025)) == {
        "per_resident_year",
        "per_asylum_seeker_year",
        "per_place_year",
        "per_person_day",
        "per_person_month",
        "per_person_stay",
    }
    found = costs.missing_figures(figures_, documents.load_amounts(), 2025)
    assert costs.Missing("coa_total", (2016, 2019, 2020)) in found  # NOTES_COSTS.md: not found
    assert costs.Missing("oir_line_realised") in found
    assert costs.Missing("aid_at_home", (2020, 2022)) in found
    early = costs.missing_figures(figures_, documents.load_amounts(), 2019)
    assert costs.Missing("per_resident", first=2022, until=2019) in early


def test_aid_at_home_keeps_each_figure_in_its_own_currency():
    table = costs.aid_at_home(cost_data.load_costs(), documents.load_amounts(), 2021)
    usd_2021 = table[(table["year"] == 2021) & (table["series"] == "in_donor")].iloc[0]
    assert (usd_2021["value"], usd_2021["unit"], usd_2021["kind"]) == (453e6, "USD", "budget_other")
    # the euro equivalent divides by the ECB's 2021 average and says so
    assert usd_2021["eur"] == pytest.approx(453e6 / usd_2021["rate"].rate)
    assert usd_2021["rate"].year == 2021
    line = table[(table["year"] == 2021) & (table["series"] == "oir_line")]
    assert line[["value", "kind"]].values.tolist() == [
        [128e6, "budget_draft"],
        [135.5e6, "budget_supplementary_2"],
    ]
    assert table["year_end"].max() <= 2021


def test_the_region_budget_names_the_figures_it_rests_on():
    amounts = documents.load_amounts()
    assert costs.region_budget_rows(amounts, 2021)["amount_id"].tolist() == ["A002", "A003"]
    assert costs.region_budget_stage(amounts, 2021) == "budget_supplementary_2"
    assert costs.region_budget_stage(amounts, 2019) is None  # the letter's yearly amount
    assert costs.region_budget_rows(amounts, 2019)["reference_id"].tolist() == ["letter"]


# --- sentences --------------------------------------------------------------------------


def test_sentences_say_which_year_and_that_a_figure_is_missing():
    from displacement_report.present.narrative import reception_costs as narrative

    table = pd.DataFrame({"regular": [27100.0], "emergency": [53400.0]}, index=[2022])
    text = narrative.per_resident_paragraph(table, 2025, 2022)
    assert "In 2022 (no figure was found for 2025; 2022 is the latest year before it)" in text
    assert "1.97 times" not in text and "2.0 times as much" in text  # 53,400 / 27,100 = 1.97
    empty = narrative.per_resident_paragraph(table.iloc[0:0], 2019, 2022)
    assert empty == (
        "No figure of COA's cost per registered resident was found for 2019 or any earlier "
        "year; the first one found is for 2022."
    )
    assert "@fig" not in empty  # no reference to a chart that is not drawn
    series = pd.DataFrame(
        {"value": [578e6], "unit": ["EUR"], "qualifier": ["more_than"]}, index=[2018]
    )
    rows = figures({"year": 2018, "value": 578e6, "qualifier": "more_than"})
    # a whole number of millions keeps no pointless '.0'
    assert "were more than EUR 578 million in 2018" in narrative.coa_totals_paragraph(
        series, rows, 2018, 2015
    )


def test_the_comparison_sentence_gives_the_range_and_refuses_without_a_budget():
    from displacement_report.present.narrative import reception_costs as narrative

    region, year = costs.region_per_person(pd.Series({2021: 100e6}), HOSTED, [], 2025)
    dutch = [dutch_cost(30_000), dutch_cost(60_000, cost_id="K002")]
    ratios = costs.sensitivity(dutch, region)
    text = narrative.comparison_paragraph(dutch, region, ratios, year, "budget_draft", 2025)
    assert "EUR 100 million, draft budget (no figure" in text
    # by hand: 30,000 / 100 = 300 (lowest), 60,000 / 50 = 1,200 (highest); the
    # denominator alone (EUR 100 or 50 per person) moves the ratio by a factor of 2
    assert "300 to 1,200 times" in text and "**300" not in text  # no bold extreme
    assert "a factor of 2 with the choice of denominator alone" in text
    assert "no figure was found for 2025; 2021 is the latest year before it" in text
    assert "here it is divided by" not in text
    other = narrative.comparison_paragraph(dutch, region, ratios, year, None, 2025, ["PAK"])
    assert "EUR 100 million, the yearly amount the letter states" in other
    assert "chosen for this report, Pakistan)" in other  # a name, not an ISO code
    assert narrative.comparison_paragraph(dutch, region, None, None, None, 2015).startswith(
        "The comparison cannot be made for 2015: no budget figure"
    )
    assert "no Dutch cost per person" in narrative.comparison_paragraph(
        [], region, ratios, year, "budget_draft", 2021
    )


def test_the_comparison_divides_a_budget_only_by_people_of_its_own_period():
    """Issue 24 §6: a 2021 budget is not divided by people reached in 2017-2019 (nor by
    the letter's 575,000 of mid-2017 to mid-2020); the text names those counts and
    why; no 'as long as the person stays' beside per-year units; a second-hand rough
    estimate says so; the range's extremes are not bold."""
    from displacement_report.present.narrative import reception_costs as narrative
    from displacement_report.present.tables import reception_costs as tables

    reached = [
        costs.Reached(("R4",), 100_000.0, 2017, 2018, False, "more_than"),
        costs.Reached(("R5", "R6"), 300_000.0, 2018, 2019, True),
    ]
    region, year = costs.region_per_person(pd.Series({2021: 100e6}), HOSTED, reached, 2025)
    assert list(region["denominator"]) == [
        "refugees",
        "refugees_asylum_seekers",
        "refugees_asylum_seekers_unrwa",
    ]
    estimate = costs.DutchCost(
        "all",
        30_000,
        "EUR",
        "per_asylum_seeker_year",
        "estimate",
        "c. 2019",
        2019,
        "K5",
        "secondary",
        "ca. 2019",
    )
    dutch = [dutch_cost(30_000), estimate]
    ratios = costs.sensitivity(dutch, region)
    text = narrative.comparison_paragraph(
        dutch, region, ratios, year, "budget_draft", 2025, reached_counts=reached
    )
    assert (
        "The programmes' published counts of people reached are of other periods than the "
        "budget of 2021: more than 100,000 in mid-2017 to mid-2018 and 300,000 in mid-2018 "
        "to mid-2019 (added up over domains that may overlap). No budget of the line for "
        "those periods was found, so the budget is not divided by them." in text
    )
    assert "reported reaching" not in text  # no count covers 2021
    # by hand: EUR 100 / 50 per person: a factor of 2; 30,000 / 100 = 300, / 50 = 600
    assert "300 to 600 times" in text and "**" not in text.split("Against")[1].split(".")[0]
    assert "second-hand rough estimate per asylum seeker, c. 2019), EUR 30,000" in text
    assert "estimate per asylum seeker" not in tables.cost_label(dutch_cost(30_000))
    assert "as long as" not in narrative.not_the_same_cost()
    assert "for as long as" not in narrative.not_the_same_cost()
    with i18n.using("nl"):
        label = tables.cost_label(estimate)
        assert "grove schatting uit tweede hand" in label and "ca. 2019" in label


def test_what_the_record_does_not_say_in_words():
    from displacement_report.present.narrative import reception_costs as narrative

    found = narrative.gap_sentences(
        costs.missing_figures(cost_data.load_costs(), documents.load_amounts(), 2019)
    )
    assert (
        "COA's cost per registered resident is published from 2022 on; there is none for "
        "2019 or earlier." in found
    )
    # totals for 2015, 2017 and 2018 up to 2019 (see the test above)
    assert "No figure of COA's total costs was found for 2016 and 2019." in found
    assert narrative.gaps_markdown([]) == "- None found."


# --- the chapter, executed --------------------------------------------------------------


COSTS_CHAPTER = "07_reception_costs.ipynb"


@pytest.mark.notebook
def test_the_chapter_in_the_default_report_compares_and_shows_the_sensitivity(default_report):
    executed = {
        language: (default_report.run_dir / language / "notebooks" / COSTS_CHAPTER).read_text(
            encoding="utf-8"
        )
        for language in ("en", "nl")
    }
    for text in executed.values():
        assert "Traceback" not in text
        assert 'id=\\"tab-cost_comparison\\"' in text  # the sensitivity table is shown
    assert "times the region's budget per person" in executed["en"]
    assert "keer het budget per persoon in de regio" in executed["nl"]
    assert "€ 27.100" in executed["nl"]


@pytest.mark.notebook
@pytest.mark.parametrize(
    ("year", "language"), [(2019, "en"), (2015, "en"), (1995, "en"), (1995, "nl")]
)
def test_the_chapter_runs_for_any_report_year(tmp_path, year, language):
    """Years other than the default report's (2025), which reads it above."""
    from displacement_report.report import build, parameters
    from displacement_report.report.execute import execute_all, parameters_for
    from displacement_report.settings import validate_parameters

    baseline = min(year, 2019) if year > 1995 else 1992
    settings = validate_parameters(
        {
            "report_year": year,
            "baseline_year": baseline,
            "trend_start_year": 1990,
            "language": language,
        }
    )
    available = parameters.values(settings, tmp_path / "figures")
    (source,) = build.resolve_notebooks((COSTS_CHAPTER,))
    target = tmp_path / source.name
    execute_all([(source, target, parameters_for(source, available))])
    text = target.read_text(encoding="utf-8")
    assert "Traceback" not in text
    expected = {
        (1995, "en"): [
            "The comparison cannot be made for 1995",
            "No figure of COA's total costs was found for 1995",
        ],
        (1995, "nl"): [
            "Voor 1995 kan de vergelijking niet worden gemaakt",
            "Voor 1995 of een eerder jaar is geen cijfer gevonden van de totale kosten van het COA",
        ],
    }
    for sentence in expected.get((year, language), []):
        assert sentence in text
