"""The claims ledger: complete against the letter, verdicts computed by rule, flipping
when the data change, and key verdicts on the real data."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from displacement_report.analysis import claims
from displacement_report.data import claims as claims_data
from displacement_report.data import documents, unhcr, worldbank
from displacement_report.errors import DataFileError

NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def _number_part(text: str) -> str:
    match = NUMBER.search(text)
    return match.group(0) if match else ""


@pytest.fixture(scope="module")
def letter():
    return claims_data.letter_text()


@pytest.fixture(scope="module")
def ledger():
    return claims_data.load_ledger()


def test_every_number_in_the_letter_is_a_claim_or_excluded_with_a_reason(letter, ledger):
    claimed = {_number_part(t) for t in ledger["letter_text"].dropna() if _number_part(t)}
    claimed |= {"10"}  # '10 en 26 jaar' (C15) is one claim with two numbers
    excluded = claims_data.load_excluded_numbers()
    assert excluded["reason"].str.len().min() > 5
    allowed = claimed | set(excluded["token"])
    found = {_number_part(token) for token in claims.numbers_in_letter(letter)}
    missing = sorted(found - allowed)
    assert not missing, f"numbers in the letter neither in the ledger nor excluded: {missing}"
    stale = sorted(set(excluded["token"]) - found)
    assert not stale, f"exclusions for numbers the letter does not contain: {stale}"


def test_every_ledger_figure_is_written_in_the_letter(letter, ledger):
    flat = re.sub(r"\s+", " ", letter).lower()
    for row in ledger.dropna(subset=["letter_text"]).itertuples():
        phrase = row.letter_text.lower()
        assert phrase in flat or _number_part(phrase) in flat, (row.claim_id, phrase)


def test_claims_without_a_number_are_there_too(ledger):
    # 'veruit het merendeel', 'significant toegenomen', 'het hoogst aantal', ...
    wordless = ledger[ledger["letter_text"].isna()]
    assert set(wordless["wording"]) >= {"majority_by_far", "increase", "top"}
    assert len(ledger) == 35


@pytest.mark.parametrize(
    ("value", "stated", "wording", "expected"),
    [
        (78.4e6, 80e6, "almost", claims.HOLDS),
        (81e6, 80e6, "almost", claims.ROUGHLY),  # 'bijna 80' is not above 80
        (119e6, 80e6, "almost", claims.DOES_NOT_HOLD),
        (26.04e6, 26e6, "exact", claims.HOLDS),
        (28e6, 26e6, "exact", claims.ROUGHLY),
        (34.4e6, 26e6, "exact", claims.DOES_NOT_HOLD),
        (7.1e6, 7e6, "more_than", claims.HOLDS),
        (6.5e6, 7e6, "more_than", claims.ROUGHLY),
        (5e6, 7e6, "more_than", claims.DOES_NOT_HOLD),
        (1.08, 1, "about", claims.HOLDS),
        (1.45, 1, "about", claims.DOES_NOT_HOLD),
        (83.2, 66.7, "majority_by_far", claims.HOLDS),
        (64.2, 66.7, "majority_by_far", claims.ROUGHLY),
        (16.1, 10, "range", claims.HOLDS),
        (2, 1, "top", claims.ROUGHLY),
        (-1, 0, "increase", claims.DOES_NOT_HOLD),
        (None, 1, "exact", claims.NOT_CHECKABLE),
    ],
)
def test_rules_by_wording(value, stated, wording, expected):
    high = 26 if wording == "range" else None
    assert claims.verdict(value, stated, high, wording) == expected


def _inputs(folder, world_population=None):
    """Claim inputs from a UNHCR folder; the World Bank tables are the real ones."""
    countries = unhcr.load_countries(folder).dropna(subset=["iso_code"])
    return claims.ClaimInputs(
        population=unhcr.load_population(folder),
        unrwa=unhcr.load_unrwa(folder),
        idmc=unhcr.load_idmc(folder),
        world_population=(
            worldbank.load_world_population() if world_population is None else world_population
        ),
        wb_population=worldbank.load_population(),
        gdp=worldbank.load_gdp_per_capita(),
        income_groups=worldbank.load_income_groups(),
        ldcs=worldbank.load_ldcs(),
        regions=countries.set_index("iso_code")["unhcr_region"],
    )


LEDGER_HEADER = ",".join(claims_data.LEDGER_COLUMNS)


def _ledger(tmp_path, *rows):
    path = tmp_path / "ledger.csv"
    path.write_text("\n".join([LEDGER_HEADER, *rows]) + "\n", encoding="utf-8")
    return claims_data.load_ledger(path)


TINY_WORLD = pd.Series({2018: 100_000, 2019: 100_000})


def test_a_verdict_flips_when_the_data_change(tmp_path, tiny_dir):
    ledger = _ledger(
        tmp_path,
        "C01,Test,Refugees including UNRWA number about 1300,1300,1300,,people,2019,2019,"
        "about,count,data,refugees_incl_unrwa,,,",
        "C02,Test,The displaced are about 1.8% of the world,1.8%,1.8,,percent,2019,2019,"
        "about,share,data,displaced_share_of_world,,,",
    )
    empty = pd.DataFrame(columns=["amount_id", "amount"])
    before = claims.assess(ledger, _inputs(tiny_dir, TINY_WORLD), pd.DataFrame(), empty, 2019)
    # tiny data, end-2019: refugees 210 + UNRWA 1100 = 1310; total 1823 of 100,000 people
    assert before["then_value"].tolist() == [1310.0, pytest.approx(1.823)]
    assert before["then_verdict"].tolist() == [claims.HOLDS, claims.HOLDS]
    source = tiny_dir / "unrwa.csv"
    source.write_text(source.read_text().replace(",1100\n", ",2100\n"))
    after = claims.assess(ledger, _inputs(tiny_dir, TINY_WORLD), pd.DataFrame(), empty, 2019)
    assert after["then_value"].tolist() == [2310.0, pytest.approx(2.823)]
    assert after["then_verdict"].tolist() == [claims.DOES_NOT_HOLD, claims.DOES_NOT_HOLD]


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        (
            "C01,S,A data claim without its check,1,1,,people,2019,2019,exact,count,data,,,,",
            "a data claim names its check function",
        ),
        (
            "C01,S,A claim nobody can check,1,1,,people,2019,,exact,count,not_checkable,,,,",
            "a claim that cannot be checked says why",
        ),
        (
            "C01,S,A claim with odd wording,1,1,,people,2019,2019,roughly,count,data,idps_idmc,,,",
            r"column 'wording': value 'roughly'",
        ),
        (
            "C01,S,A claim citing nothing real,1,1,,people,2019,,exact,count,reference,,X99,,",
            r"column 'reference_then': value 'X99'",
        ),
    ],
)
def test_ledger_rows_are_validated(tmp_path, row, expected):
    with pytest.raises(DataFileError, match=expected):
        _ledger(tmp_path, row)


@pytest.fixture(scope="module")
def assessed_real(real_dir, ledger):
    return claims.assess(
        ledger,
        _inputs(real_dir),
        claims_data.load_reference_figures(),
        documents.load_amounts(),
        2025,
    )


def test_key_verdicts_on_the_real_data(assessed_real):
    by_id = assessed_real.set_index("claim_id")
    # end-2019 refugees including UNRWA: 20.4 + 5.6 = 26.0 million (Global Trends 2019)
    assert round(by_id.loc["C02", "then_value"] / 1e6, 1) == 26.0
    assert by_id.loc["C02", "then_verdict"] == claims.HOLDS
    # displaced / world population at end-2019: 78.4 M / 7.78 bn = about 1.0%
    assert round(by_id.loc["C04", "then_value"], 1) == 1.0
    assert by_id.loc["C01", "then_verdict"] == claims.HOLDS  # 'bijna 80 miljoen'
    assert by_id.loc["C01", "now_verdict"] == claims.DOES_NOT_HOLD  # 119 M in 2025
    assert by_id.loc["C28", "then_value"] == 1  # Türkiye the largest host at end-2019
    # UNHCR: 63,696 resettled of 1.4 million in need in 2019 = 4.5%
    assert by_id.loc["C33", "then_value"] == pytest.approx(4.55, abs=0.01)
    assert by_id.loc["C16", "then_verdict"] == claims.HOLDS  # EUR 128 M, 2021 draft budget
    assert (by_id.loc[by_id["then_basis"] == "", "then_verdict"] == claims.NOT_CHECKABLE).all()
    assert claims.tally(assessed_real)[claims.NOT_CHECKABLE] < len(assessed_real) / 2
