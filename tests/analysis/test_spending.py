"""Spending analyses on hand-made figures, and the document-figure files' validation."""

from __future__ import annotations

import pandas as pd
import pytest

from displacement_report.analysis import spending
from displacement_report.data import documents
from displacement_report.errors import DataFileError

BASE = {
    "reference_id": "letter",
    "description": "d",
    "description_nl": "d (nl)",
    "qualifier": "exact",
    "recipient": None,
    "source_title": "S",
    "source_url": "https://example.org",
    "quality": "primary",
    "note": None,
}


def amounts(*rows):
    """rows: (id, topic, amount, unit, kind, start, end, geography[, recipient])."""
    records = []
    for row in rows:
        aid, topic, amount, unit, kind, start, end, geo, *rest = row
        records.append(
            BASE
            | {
                "amount_id": aid,
                "topic": topic,
                "amount": float(amount),
                "unit": unit,
                "amount_kind": kind,
                "period_start": start,
                "period_end": end,
                "geography": geo,
                "geography_nl": geo,
                "recipient": rest[0] if rest else None,
            }
        )
    return pd.DataFrame(records)


FIGURES = amounts(
    ("A001", "nl_oir_line", 128e6, "EUR", "budget_draft", 2021, 2021, "Global"),
    ("A002", "nl_oir_line", 135.5e6, "EUR", "budget_supplementary_2", 2021, 2021, "Global"),
    ("A003", "nl_oir_line", 100e6, "EUR", "budget_draft", 2019, 2019, "Global"),
    ("A004", "nl_oir_budget", 260e6, "EUR", "budget_other", 2016, 2017, "Syria region"),
    ("A005", "nl_oir_line", 5e6, "USD", "budget_draft", 2019, 2019, "Global"),
    ("A006", "nl_channels", 70, "percent", "share", 2020, 2020, "Global", "UN agencies"),
    ("A007", "prospects", 10e6, "EUR", "allocation", 2019, 2019, "JOR"),
    ("A008", "3rp", 40e6, "EUR", "requirement", 2019, 2019, "JOR"),
    ("A009", "3rp", 99e6, "USD", "requirement", 2019, 2019, "LBN"),
    ("A010", "eu_frit", 6e9, "EUR", "commitment", 2016, 2020, "TUR"),
    ("A011", "eu_frit", 4e9, "EUR", "disbursement", 2016, 2019, "TUR"),
    ("A012", "eu_frit", 5e9, "EUR", "disbursement", 2016, 2020, "TUR"),
)


def test_budget_by_stage_keeps_stages_apart_and_ignores_other_currencies():
    table = spending.budget_by_stage(FIGURES)
    assert list(table.columns) == ["budget_draft", "budget_supplementary_2"]
    assert table.loc[2021].tolist() == [128e6, 135.5e6]
    assert table.loc[2019, "budget_draft"] == 100e6  # the USD figure is not added
    assert 2016 not in table.index  # a two-year envelope is not a yearly budget
    assert spending.latest_stage(table).to_dict() == {2019: 100e6, 2021: 135.5e6}
    packages = spending.of_topics(FIGURES, spending.PACKAGE_TOPICS)
    assert packages["amount_id"].tolist() == ["A004"]
    assert spending.letter_annual_budget(FIGURES) == 128e6


def test_eur_per_person_divides_by_ever_wider_counts_never_by_one_group_alone():
    budget = pd.Series({2019: 100e6, 2021: 128e6})
    hosted = pd.DataFrame(
        {
            "refugees": [1_000_000, 2_000_000],
            "asylum_seekers": [100_000, 0],
            "unrwa_refugees": [0, 500_000],
        },
        index=[2019, 2020],
    )
    table = spending.eur_per_person(budget, hosted)
    assert list(table.index) == [2019]
    # by hand: 100m / 1m; / 1.1m; / 1.1m (no Palestine refugees: the same count)
    assert table.loc[2019, "eur_per_refugees"] == pytest.approx(100.0)
    assert table.loc[2019, "eur_per_refugees_asylum_seekers"] == pytest.approx(100e6 / 1.1e6)
    assert table.loc[2019, "eur_per_refugees_asylum_seekers_unrwa"] == pytest.approx(100e6 / 1.1e6)
    # no budget per asylum-seeker or per UNRWA refugee alone (issue 24: EUR 523, EUR 48)
    assert not {"eur_per_asylum_seekers", "eur_per_unrwa_refugees"} & set(table.columns)
    nobody = spending.eur_per_person(budget, hosted * 0)
    assert nobody.drop(columns="eur").isna().all().all()  # nobody: no ratio, not infinity


def test_index_since_base_year():
    series = pd.Series({2019: 50.0, 2020: 75.0})
    assert spending.index_since(series, 2019).tolist() == [100.0, 150.0]
    assert spending.index_since(series, 2015).empty


def test_share_of_requirements_only_same_place_year_and_currency():
    dutch = FIGURES[FIGURES["topic"] == "prospects"]
    needs = FIGURES[FIGURES["topic"] == "3rp"]
    (share,) = spending.share_of_requirements(dutch, needs)
    assert (share.geography, share.year, share.unit) == ("JOR", 2019, "EUR")
    assert share.percent == pytest.approx(25.0)
    usd = dutch.assign(unit="USD")
    assert spending.share_of_requirements(usd, needs[needs["geography"] == "JOR"]) == []


def test_cost_per_result_only_where_scope_and_period_match():
    results = pd.DataFrame(
        [
            {
                "result_id": "R001",
                "programme": "prospects",
                "domain": "education",
                "value": 20_000.0,
                "unit": "children",
                "is_target": False,
                "geography": "JOR",
                "period_start": 2019,
                "period_end": 2019,
            },
            {
                "result_id": "R002",
                "programme": "prospects",
                "domain": "education",
                "value": 1.0,
                "unit": "children",
                "is_target": True,
                "geography": "JOR",
                "period_start": 2019,
                "period_end": 2019,
            },
            {
                "result_id": "R003",
                "programme": "prospects",
                "domain": "education",
                "value": 5.0,
                "unit": "children",
                "is_target": False,
                "geography": "JOR",
                "period_start": 2018,
                "period_end": 2019,
            },
            {
                "result_id": "R004",
                "programme": "prospects",
                "domain": "education",
                "value": 7.0,
                "unit": "children",
                "is_target": False,
                "geography": "JOR",
                "period_start": 2019,
                "period_end": 2019,
            },
        ]
    ).assign(scope=["whole", "whole", "whole", "part"])  # R004: one partner's results only
    table = spending.cost_per_result(FIGURES, results)
    assert table[["result_id", "amount_id", "per_result", "currency"]].values.tolist() == [
        ["R001", "A007", 500.0, "EUR"]
    ]


def test_eu_layer_keeps_the_latest_figure_per_stage():
    table = spending.eu_layer(FIGURES)
    assert table[["amount_kind", "amount"]].values.tolist() == [
        ["commitment", 6e9],
        ["disbursement", 5e9],
    ]


def test_topic_selection_and_gaps():
    channels = spending.of_topics(FIGURES, "nl_channels")
    assert channels[["recipient", "amount"]].values.tolist() == [["UN agencies", 70.0]]
    with pytest.raises(ValueError, match=r"no document figures of topic\(s\) \['nl_chanels'\]"):
        spending.of_topics(FIGURES, "nl_chanels")
    found = spending.missing_figures(FIGURES, ["JOR", "LBN"], [2019, 2020, 2021])
    assert found == [
        spending.Missing("realised_per_country", countries=("JOR", "LBN")),
        spending.Missing("oir_line", (2020,)),
        spending.Missing("oir_line_realised"),
    ]


# --- the project's own data files -----------------------------------------------------


def test_the_committed_files_validate_and_cite_every_row():
    amounts_table = documents.load_amounts()
    results_table = documents.load_results()
    for table in (amounts_table, results_table):
        assert table["source_title"].str.len().min() > 0
        assert table["source_url"].str.match(r"^https?://").all()
    # the letter's EUR 128 million for 2021 is in the data as a draft-budget figure
    line = amounts_table[(amounts_table["amount"] == 128e6) & (amounts_table["unit"] == "EUR")]
    assert not line.empty


def write_amounts(tmp_path, edit):
    frame = amounts(("A001", "nl_oir_budget", 128e6, "EUR", "budget_draft", 2021, 2021, "Global"))
    frame = edit(frame)
    path = tmp_path / "amounts.csv"
    frame.to_csv(path, index=False)
    return path


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        (lambda f: f.assign(source_title=""), r"line 2, column 'source_title'"),
        (
            lambda f: f.assign(source_url="see the letter"),
            r"column 'source_url': value 'see the letter'",
        ),
        (lambda f: f.assign(unit="GBP"), r"column 'unit': value 'GBP' fails isin"),
        (lambda f: f.assign(amount_kind="spent"), r"column 'amount_kind': value 'spent'"),
        (lambda f: f.assign(period_start=2022), r"period_start is after period_end"),
        (lambda f: f.assign(unit="percent"), r"a share must be in percent"),
        (lambda f: f.drop(columns="quality"), r"missing column\(s\) \['quality'\]"),
        (lambda f: f.assign(description_nl=""), r"line 2, column 'description_nl'"),
    ],
)
def test_bad_document_figures_are_refused(tmp_path, edit, expected):
    with pytest.raises(DataFileError, match=expected):
        documents.load_amounts(write_amounts(tmp_path, edit))


def test_money_and_need_index_falls_back_to_the_first_budget_year():
    budget = pd.Series({2021: 100.0, 2022: 150.0})
    focus = pd.Series({2019: 10.0, 2021: 20.0, 2022: 30.0})
    world = pd.Series({2021: 50.0, 2022: 55.0})
    table, base = spending.money_and_need_index(budget, focus, world, 2019, 2022)
    assert base == 2021
    assert table.loc[2022].tolist() == [150.0, 150.0, 110.0]
    empty, none = spending.money_and_need_index(pd.Series(dtype=float), focus, world, 2019, 2022)
    assert none is None and empty.empty


def test_key_figures_on_the_real_data(real_dir):
    from displacement_report.analysis import headline
    from displacement_report.data import unhcr
    from displacement_report.letter import FOCUS_COUNTRIES as LETTER_FOCUS_COUNTRIES

    figures = documents.load_amounts()
    # the letter's EUR 128 million is the 2021 draft-budget line (rijksfinancien.nl)
    assert spending.budget_by_stage(figures).loc[2021, "budget_draft"] == 128e6
    population, unrwa, idmc = (
        unhcr.load_population(real_dir),
        unhcr.load_unrwa(real_dir),
        unhcr.load_idmc(real_dir),
    )
    hosted = spending.hosted_in(population, unrwa, idmc, LETTER_FOCUS_COUNTRIES)
    per_person = spending.eur_per_person(spending.budget_for_ratios(figures), hosted)
    # a row shows its own year's budget only: the 2021 line is not a 2019 budget
    assert list(per_person.index) == [2021]
    # by hand: EUR 135.5 million (2021 line after the 2nd supplementary budget) / refugees
    # under UNHCR's mandate in the eight countries at end-2021, counted another way
    refugees = headline.totals_for_hosts(population, unrwa, idmc, 2021, LETTER_FOCUS_COUNTRIES)
    expected = 135.5e6 / refugees.loc["Total", "refugees"]
    assert per_person.loc[2021, "eur"] == 135.5e6
    assert per_person.loc[2021, "eur_per_refugees"] == pytest.approx(expected)
    assert 20 < expected < 30  # about EUR 22 per refugee a year


def _dutch_forms(value: float, unit: str) -> list[str]:
    """How the letter writes a number: '128 miljoen', '2 miljard', '575.000', '17%'."""
    if unit == "percent":
        return [f"{value:g}%", f"{value:g} procent"]
    forms = [f"{value:,.0f}".replace(",", ".")]
    for word, size in (("miljard", 1e9), ("miljoen", 1e6)):
        if value >= size and value % size == 0:
            forms.append(f"{value / size:g} {word}")
    return forms


def test_every_figure_matches_the_document_it_cites(real_dir):
    """Amounts and results equal the value of the reference row they cite; figures
    from the letter appear in the letter's text."""
    from displacement_report import paths

    reference = pd.read_csv(paths.SHARED_DATA_DIR / "reference" / "sourced_figures.csv")
    reference = reference.set_index("figure_id")
    letter = (paths.SHARED_DATA_DIR.parent / "sources" / "kamerbrief-35570-XVII-52.txt").read_text(
        encoding="utf-8"
    )
    checked = 0
    for table, value_column, unit_column in (
        (documents.load_amounts(), "amount", "unit"),
        (documents.load_results(), "value", None),
    ):
        for row in table.to_dict("records"):
            if row["reference_id"] == "letter":
                unit = row[unit_column] if unit_column else "people"
                forms = _dutch_forms(row[value_column], unit)
                assert any(form in letter for form in forms), (row, forms)
                assert row["source_title"] == documents.SOURCE_OF_LETTER
            else:
                cited = reference.loc[row["reference_id"]]
                assert float(cited["value"]) == row[value_column], row
                assert cited["source_url"] == row["source_url"], row
            checked += 1
    assert checked == 132 + 21


def test_dutch_money_and_the_need_it_answers_are_kept_apart_in_the_real_figures():
    real = documents.load_amounts()
    dutch = spending.of_topics(real, spending.DUTCH_MONEY_TOPICS)
    need = spending.of_topics(real, spending.NEED_TOPICS)
    assert set(dutch["amount_id"]).isdisjoint(need["amount_id"])
    assert "requirement" not in set(dutch["amount_kind"])  # money given, never money asked
    assert "requirement" in set(need["amount_kind"])
    # the letter's EUR 128 million is Dutch money, the 3RP appeal is need
    assert "letter" in set(dutch["reference_id"])
    assert set(need["topic"]) <= {"3rp", "un_appeals"}
