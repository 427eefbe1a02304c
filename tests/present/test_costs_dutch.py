"""The costs chapter in the Dutch edition: sentences, chart titles, table headers and
cells in Dutch with Dutch number formats, on small hand-made frames, and the English
edition unchanged beside it."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from displacement_report import i18n
from displacement_report.analysis import costs, exchange
from displacement_report.data import costs as cost_data
from displacement_report.data import documents
from displacement_report.errors import DataFileError
from displacement_report.present.narrative import reception_costs as narrative
from displacement_report.present.tables import reception_costs as tables

PER_RESIDENT = pd.DataFrame(
    {"regular": [27_100.0, 30_400.0], "emergency": [53_400.0, 69_400.0]}, index=[2022, 2023]
)
HOSTED = pd.DataFrame(
    {"refugees": [1_000_000], "asylum_seekers": [250_000], "unrwa_refugees": [750_000]},
    index=[2021],
)


def dutch_cost(value: float, cost_id: str, setting: str = "regular") -> costs.DutchCost:
    return costs.DutchCost(
        setting, value, "EUR", "per_resident_year", "realisation", "2022", 2022, cost_id, "primary"
    )


def test_amounts_are_written_the_dutch_way():
    with i18n.using("nl"):
        assert tables.money(27_100, "EUR") == "€ 27.100"
        assert tables.money(76.6, "EUR") == "€ 77"  # per person: whole euros
        assert tables.money(2080.25, "EUR") == "€ 2.080"
        assert tables.money(800e6, "EUR", "about") == "ongeveer € 800 miljoen"  # no ',0'
        assert tables.money(578e6, "EUR", "more_than") == "meer dan € 578 miljoen"
        assert tables.money(2380e6, "EUR") == "€ 2,38 miljard"  # billions as billions
        assert tables.money(29.3e9, "USD") == "US$ 29,3 miljard"
        assert tables.money(18.0, "percent") == "18,0%"
        assert tables.money(12, "months") == "12 maanden"
        assert tables.money(1, "months") == "1 maand"
        assert tables.qualifier_prefix("up_to") == "tot "
    assert tables.money(27_100, "EUR") == "EUR 27,100"
    assert tables.money(76.6, "EUR") == "EUR 77"
    assert tables.money(19_809.88, "EUR") == "EUR 19,810"
    assert tables.money(800e6, "EUR", "about") == "about EUR 800 million"
    assert tables.money(29.3e9, "USD") == "USD 29.3 billion"
    assert tables.money(12, "months") == "12 months"
    assert tables.qualifier_prefix("more_than") == "more than "
    assert tables.qualifier_prefix("exact") == ""


def test_the_cost_per_resident_sentence_and_title_in_dutch():
    with i18n.using("nl"):
        text = narrative.per_resident_paragraph(PER_RESIDENT, 2025, 2022)
        title = narrative.per_resident_title(PER_RESIDENT)
        missing = narrative.per_resident_paragraph(PER_RESIDENT.iloc[0:0], 2019, 2022)
        labels = narrative.setting_labels()
    # by hand: 69,400 / 30,400 = 2.28
    assert text.startswith(
        "In 2023 (voor 2025 is geen cijfer gevonden; 2023 is het laatste jaar daarvoor) kostte "
        "een jaar opvang van één ingeschreven bewoner het COA gemiddeld **€ 30.400 in de "
        "reguliere opvang** en **€ 69.400 in de noodopvang**"
    )
    assert "2,3 keer zo veel (@fig:cost_per_resident)" in text
    assert "In 2022 was dat € 27.100 en € 53.400." in text
    assert title == (
        "Kosten van het COA per ingeschreven bewoner per jaar, euro (nominaal): in 2023 was "
        "noodopvang 2,3 keer zo duur als reguliere opvang"
    )
    assert missing == (
        "Voor 2019 of een eerder jaar is geen cijfer gevonden van de kosten van het COA per "
        "ingeschreven bewoner; het eerste gevonden cijfer is van 2022."
    )
    assert labels == {"regular": "Reguliere opvang", "emergency": "Noodopvang"}
    english = narrative.per_resident_paragraph(PER_RESIDENT, 2025, 2022)
    assert "**EUR 30,400 in regular reception**" in english
    assert "2.3 times as much" in english
    assert narrative.setting_labels()["emergency"] == "Emergency reception (noodopvang)"


def test_coa_totals_and_budget_line_in_dutch():
    series = pd.DataFrame(
        {"value": [800e6, 2.7e9], "unit": ["EUR", "EUR"], "qualifier": ["exact", "exact"]},
        index=[2015, 2023],
    )
    rows = pd.DataFrame({"vintage": ["revised", "revised"], "period_start": [2021, 2022]})
    stages = pd.DataFrame(
        {"budget_draft": [1_000e6], "budget_supplementary_2": [2_500e6]}, index=[2023]
    )
    with i18n.using("nl"):
        totals = narrative.coa_totals_paragraph(series, rows, 2023, 2015)
        budget = narrative.coa_budget_paragraph(stages, 2023, 2020)
        title = narrative.coa_totals_title(series)
    assert totals.startswith(
        "Volgens zijn jaarverslagen kostte de asielopvang het COA in 2023 in totaal "
        "€ 2,7 miljard, tegen € 800 miljoen in 2015"
    )
    assert "de cijfers over 2021 en 2022 een jaar later herzien" in totals
    # by hand: 2,500 / 1,000 = 2.5
    # from a thousand million on, billions
    assert "€ 1 miljard in de ontwerpbegroting en € 2,5 miljard na de 2e suppletoire " in (budget)
    assert "2,5 keer het eerste bedrag (@fig:coa_budget_line)" in budget
    assert title.endswith("800 in 2015, 2.700 in 2023")
    english = narrative.coa_totals_paragraph(series, rows, 2023, 2015)
    assert "COA restated 2021 and 2022 a year later; the restated figures are used" in english
    assert "were EUR 2.7 billion in 2023, against EUR 800 million in 2015" in english


def test_dac_shares_and_aid_at_home_in_dutch():
    shares = pd.DataFrame(
        {"shown": [4.8, 14.7, 13.1], "computed": [False, False, True]}, index=[2014, 2022, 2024]
    )
    long = pd.DataFrame(
        {
            "year": [2015, 2015],
            "year_end": [2015, 2015],
            "series": ["in_donor", "share"],
            "value": [836e6, 18.0],
            "unit": ["EUR", "percent"],
            "kind": ["realisation", "realisation"],
            "qualifier": ["exact", "exact"],
        }
    )
    with i18n.using("nl"):
        dac = narrative.dac_paragraph(shares, 2025, 2014)
        title = narrative.dac_title(shares)
        aid = narrative.aid_at_home_paragraph(long, 2015, 2015)
    assert (
        "in 2024 (voor 2025 is geen cijfer gevonden; 2024 is het laatste jaar daarvoor) "
        "goed voor 13,1%" in dac
    )
    assert "Het hoogste aandeel in de gevonden jaren is 14,7% (2022)" in dac
    assert "Voor 2024 is geen aandeel gevonden" in dac
    assert title == (
        "Alle DAC-donoren: opvangkosten in het donorland als aandeel van hun ODA, 4,8% in 2014, "
        "13,1% in 2024"
    )
    assert "Het laatste cijfer tot en met 2015 is van 2015: € 836 miljoen, gerealiseerd." in aid
    assert "18% in 2015 (gerealiseerd)" in aid
    assert "@tab:aid_at_home" in aid
    assert "18% in 2015 (realised)" in narrative.aid_at_home_paragraph(long, 2015, 2015)
    assert "were 13.1% of their ODA in 2024" in narrative.dac_paragraph(shares, 2024, 2014)


def test_the_comparison_in_dutch_names_countries_and_refuses_in_dutch():
    region, year = costs.region_per_person(pd.Series({2021: 100e6}), HOSTED, [], 2025)
    dutch = [dutch_cost(30_000, "K001"), dutch_cost(60_000, "K002", "emergency")]
    ratios = costs.sensitivity(dutch, region)
    with i18n.using("nl"):
        text = narrative.comparison_paragraph(
            dutch, region, ratios, year, "budget_draft", 2025, ["PAK", "JOR"]
        )
        refused = narrative.comparison_paragraph(dutch, region, None, None, None, 2015)
    # by hand: 30,000 / 100 = 300 (lowest), 60,000 / 50 = 1,200 (highest); the
    # denominator alone (EUR 100 or 50 per person): a factor of 2
    assert "300 tot 1.200 keer" in text and "**300" not in text  # no bold extreme
    assert "€ 100 miljoen, ontwerpbegroting (voor 2025 is geen cijfer gevonden" in text
    assert "reguliere opvang (COA, per ingeschreven bewoner, 2022), € 30.000" in text
    assert "die voor dit rapport zijn gekozen: Pakistan en Jordanië)" in text
    assert "met een factor 2" in text
    assert refused.startswith("Voor 2015 kan de vergelijking niet worden gemaakt")
    english = narrative.comparison_paragraph(
        dutch, region, ratios, year, "budget_draft", 2025, ["PAK", "JOR"]
    )
    assert "chosen for this report, Pakistan and Jordan)" in english
    assert "300 to 1,200 times" in english and "**" not in english.split("times")[0][-20:]


def test_the_sensitivity_table_in_dutch():
    reached = [costs.Reached(("R9",), 50_000.0, 2020, 2021, False)]  # covers the 2021 budget
    with i18n.using("nl"):
        region, _ = costs.region_per_person(pd.Series({2021: 100e6}), HOSTED, reached, 2025)
        dutch = [dutch_cost(60_000, "K002", "emergency")]
        html = tables.sensitivity_table(
            region, costs.sensitivity(dutch, region), dutch, "Bijschrift", "Bron"
        )
    assert "Noemer" in html and "Budget per persoon in de regio, euro per jaar" in html
    assert "Vluchtelingen onder het mandaat van UNHCR in de focuslanden" in html
    assert "Mensen bereikt door de programma&#39;s, volgens eigen opgave<" in html
    assert "R9" not in html  # the result's id is in the table's data file only
    assert "eind 2021" in html and "medio 2020 tot medio 2021" in html
    assert "1.000.000" in html and "1.200×" in html  # 60,000 / 50
    assert "Noodopvang (COA, per ingeschreven bewoner, 2022): € 60.000 per jaar, verhouding" in html
    assert "Tabel" in html
    region_en, _ = costs.region_per_person(pd.Series({2021: 100e6}), HOSTED, reached, 2025)
    english = tables.sensitivity_table(
        region_en, costs.sensitivity(dutch, region_en), dutch, "Caption", "Source"
    )
    assert "1,200×" in english and "mid-2020 to mid-2021" in english and "Denominator" in english


def test_coa_totals_table_and_stage_table_in_dutch():
    rows = pd.DataFrame(
        {
            "period_start": [2018, 2022, 2022],
            "value": [578e6, 1.5e9, 1.6e9],
            "qualifier": ["more_than", "more_than", "exact"],
            "vintage": ["as_published", "as_published", "revised"],
            "quality": ["primary", "primary", "secondary"],
            "cost_id": ["K021", "K024", "K025"],
            "source_title": ["S", "S", "T"],
            "source_url": ["https://example.org"] * 3,
        }
    )
    shown = rows.iloc[[0, 2]]
    with i18n.using("nl"):
        html = tables.coa_totals_table(rows, shown, "Bijschrift")
        stages = tables.stage_table(
            rows.assign(amount_kind=["budget_draft", "budget_draft", "budget_supplementary_2"]),
            "Bijschrift",
            "stages",
        )
    assert "Totale kosten COA, miljoen euro" in html
    assert "meer dan 578<" in html and "meer dan 1.500<" in html  # whole millions: no ',0'
    assert "eerste publicatie" in html and "herzien" in html
    assert ">ja<" in html and ">nee<" in html and "secundair" in html
    assert "Ontwerpbegroting, miljoen euro" in stages and "1.600,0" in stages
    english = tables.coa_totals_table(rows, shown, "Caption")
    assert "more than 1,500<" in english and "restated" in english and ">yes<" in english


def test_the_cost_file_has_dutch_text_and_shows_it_in_dutch():
    figures = cost_data.load_costs()
    with i18n.using("nl"):
        described = i18n.localized(figures, "description")
        periods = i18n.localized(figures, "period")
        chosen = [tables.cost_label(c) for c in costs.comparison_costs(figures, 2025, near=2021)]
        gaps = narrative.gap_sentences(
            costs.missing_figures(figures, documents.load_amounts(), 2025)
        )
    assert described.iloc[0].startswith("COA: gemiddelde opvangkosten per ingeschreven bewoner")
    assert "ca. 2019" in set(periods) and "c. 2019" in set(figures["period"])
    assert chosen == [
        "Reguliere opvang (COA, per ingeschreven bewoner, 2022)",
        "Noodopvang (COA, per ingeschreven bewoner, 2022)",
        "Alle opvang (grove schatting uit tweede hand, per asielzoeker, ca. 2019)",
    ]
    assert (
        "Voor 2016, 2019 en 2020 is geen cijfer gevonden van de totale kosten van het COA." in gaps
    )
    assert i18n.localized(figures, "description").iloc[0].startswith("COA: average cost")


def write_costs(tmp_path, edit):
    frame = pd.read_csv(cost_data.COSTS_DIR / cost_data.FIGURES_FILE, dtype=str).head(3)
    path = tmp_path / "figures.csv"
    edit(frame).to_csv(path, index=False)
    return path


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        (lambda f: f.assign(description_nl=""), r"column 'description_nl'"),
        (lambda f: f.assign(period_nl=""), r"column 'period_nl'"),
        (lambda f: f.assign(period_nl="2019"), r"period_nl names other years than period"),
        (lambda f: f.drop(columns="description_nl"), r"missing column\(s\) \['description_nl'\]"),
    ],
)
def test_the_dutch_columns_are_checked_on_load(tmp_path, edit, expected):
    with pytest.raises(DataFileError, match=expected):
        cost_data.load_costs(write_costs(tmp_path, edit))


def test_the_ecb_rate_is_described_in_dutch():
    day, last = dt.date(2021, 1, 4), dt.date(2021, 12, 31)
    rate = exchange.AnnualRate("USD", 2021, 1.18274, 258, day, last, "0.18")
    with i18n.using("nl"):
        text = rate.describe()
        name = exchange.rates_name()
    assert text == (
        "US$ 1,1827 per euro, het jaargemiddelde van de ECB over 2021 (258 dagelijkse "
        "referentiekoersen, 4 januari tot en met 31 december 2021)"
    )
    assert name == "Europese Centrale Bank, referentiewisselkoersen van de euro"
    assert rate.describe() == (
        "USD 1.1827 per euro, the ECB's 2021 annual average (258 daily reference rates, "
        "4 January to 31 December 2021)"
    )


def test_counts_added_up_over_overlapping_domains_say_they_are_an_upper_bound():
    from displacement_report.present.tables import reception_costs as cost_tables

    assert cost_tables.denominator_label("reached_R004") == (
        "People reached by the programmes, as published"
    )
    summed = cost_tables.denominator_label("reached_R005_R006_R007")
    assert summed.endswith("over 3 domains that may overlap: at most this many different people")
    with i18n.using("nl"):
        dutch = cost_tables.denominator_label("reached_R005_R006_R007")
    assert dutch.endswith("3 domeinen die kunnen overlappen: hooguit zoveel verschillende mensen")
