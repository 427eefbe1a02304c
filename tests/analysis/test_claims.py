"""The claims ledger: complete against the letter, verdicts computed by rule, flipping
when the data change, and key verdicts on the real data."""

from __future__ import annotations

import csv
import io
import itertools
import re
import shutil

import pandas as pd
import pytest

from displacement_report import i18n, paths
from displacement_report.analysis import claims, exchange, neighbours
from displacement_report.analysis.claims import ClaimInputs
from displacement_report.data import claims as claims_data
from displacement_report.data import documents, unhcr, worldbank
from displacement_report.errors import DataFileError
from displacement_report.letter import FOCUS_COUNTRIES
from tests.conftest import POP_HEADER, pop_row, write_csv

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


def test_every_quote_is_the_letters_own_words(letter, ledger):
    # verbatim, footnote numbers included as printed; only whitespace (line breaks) differs
    flat = re.sub(r"\s+", " ", letter)
    for row in ledger.itertuples():
        quote = re.sub(r"\s+", " ", row.letter_quote)
        assert quote in flat, (row.claim_id, quote)


def test_every_quote_holds_its_figure_and_every_english_text_has_its_dutch(ledger):
    for row in ledger.dropna(subset=["letter_text"]).itertuples():
        read = claims_data.without_footnotes(row.letter_quote, row.quote_footnotes)
        assert row.letter_text.lower() in read.lower(), row.claim_id
    for column in claims_data.TRANSLATED_COLUMNS:
        english, dutch = ledger[column], ledger[f"{column}_nl"]
        assert (english.isna() == dutch.isna()).all(), column
        assert (dutch.dropna().str.len() > 1).all(), column
        assert (dutch.dropna() != english.dropna()).any(), column  # written in Dutch


def test_footnote_numbers_in_a_quote_are_found_and_left_out_when_read():
    quote = "Gemiddeld zijn vluchtelingen tussen 1011 en 26 jaar12 van huis."
    assert claims_data.without_footnotes(quote, "11;12") == (
        "Gemiddeld zijn vluchtelingen tussen 10 en 26 jaar van huis."
    )
    # a year earlier in the sentence is not mistaken for the footnote after 'Plan'
    quote = "In 2019 werd aan slechts 57% van het Regional Refugee and Resilience Plan9 voldaan"
    assert claims_data.without_footnotes(quote, "9").endswith("Resilience Plan voldaan")
    assert "2019" in claims_data.without_footnotes(quote, "9")


def test_claims_without_a_number_are_there_too(ledger):
    # 'veruit het merendeel', 'significant toegenomen', 'het hoogst aantal', ...
    wordless = ledger[ledger["letter_text"].isna()]
    assert set(wordless["wording"]) >= {"majority_by_far", "increase", "top", "limited"}
    assert len(ledger) == 38


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
        (-853_193, 0, "only_increase", claims.DOES_NOT_HOLD),  # one yearly fall is enough
        (300_000, 0, "only_increase", claims.HOLDS),
        (2.1, 10, "limited", claims.HOLDS),  # 2.1% find a solution: prospects limited
        (14.7, 10, "limited", claims.ROUGHLY),
        (16, 10, "limited", claims.DOES_NOT_HOLD),
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
        solutions=unhcr.load_solutions(folder) if (folder / "solutions.csv").exists() else None,
        amounts=documents.load_amounts(),
    )


LEDGER_HEADER = ",".join(claims_data.LEDGER_COLUMNS)
#: Columns a test row leaves empty unless it overrides them: a second measure, later
#: budget stages.
_OPTIONAL_COLUMNS = ("second_reading", "second_label", "second_label_nl", "later_decisions")
#: The ledger's columns before the letter's words and the Dutch texts were added.
_BASIC_COLUMNS = [
    c
    for c in claims_data.LEDGER_COLUMNS
    if c
    not in (
        "section_nl",
        "letter_quote",
        "quote_footnotes",
        "measure_nl",
        "reason_nl",
        *_OPTIONAL_COLUMNS,
    )
]


def _full_row(line: str, **overrides: str) -> str:
    """A ledger line written with the basic columns, completed with a quote that holds
    the figure and Dutch texts wherever there is English (`overrides` replace cells)."""
    values = dict(zip(_BASIC_COLUMNS, next(csv.reader([line])), strict=True))
    values["section_nl"] = values["section"] + " nl"
    values["letter_quote"] = f"De brief noemt {values['letter_text'] or 'geen cijfer'} hier"
    values["quote_footnotes"] = ""
    values |= dict.fromkeys(_OPTIONAL_COLUMNS, "")
    values |= overrides
    for column in ("measure", "reason", "second_label"):
        if f"{column}_nl" not in overrides:
            values[f"{column}_nl"] = values[column] and f"{values[column]} (nl)"
    out = io.StringIO()
    csv.writer(out, lineterminator="").writerow([values[c] for c in claims_data.LEDGER_COLUMNS])
    return out.getvalue()


def _ledger(tmp_path, *rows, **overrides):
    path = tmp_path / "ledger.csv"
    lines = [_full_row(row, **overrides) for row in rows]
    path.write_text("\n".join([LEDGER_HEADER, *lines]) + "\n", encoding="utf-8")
    return claims_data.load_ledger(path)


TINY_WORLD = pd.Series({2018: 100_000, 2019: 100_000})


@pytest.fixture(scope="module")
def reference_figures():
    return claims.reference_table(
        claims_data.load_reference_figures(),
        claims_data.load_published_headlines(),
        documents.load_amounts(),
        claims_data.load_reference_quality(),
        claims_data.load_documented_figures(),
    )


def _row(cid, text, value, unit, wording, kind, check, published="", timing="current"):
    """A data claim's ledger line: stated for end-2019, checked by `check`."""
    return (
        f"{cid},Test,{text},{value},{value},,{unit},2019,2019,{wording},{kind},{timing},data,"
        f"{check},{published},,,How it is measured,"
    )


def test_a_verdict_flips_when_the_data_change(tmp_path, tiny_dir, reference_figures):
    ledger = _ledger(
        tmp_path,
        _row(
            "C01",
            "Refugees including UNRWA number about 1300",
            1300,
            "people",
            "about",
            "count",
            "refugees_incl_unrwa",
        ),
        _row(
            "C02",
            "The displaced are about 1.8% of the world",
            1.8,
            "percent",
            "about",
            "share",
            "displaced_share_of_world",
        ),
    )
    before = claims.assess(ledger, _inputs(tiny_dir, TINY_WORLD), reference_figures, 2019)
    # tiny data, end-2019: refugees 210 + UNRWA 1100 = 1310; total 1823 of 100,000 people
    assert before["revised_value"].tolist() == [1310.0, pytest.approx(1.823)]
    assert before["then_verdict"].tolist() == [claims.HOLDS, claims.HOLDS]
    assert before["then_basis"].tolist() == ["today's data"] * 2  # nothing published cited
    source = tiny_dir / "unrwa.csv"
    source.write_text(source.read_text().replace(",1100\n", ",2100\n"))
    after = claims.assess(ledger, _inputs(tiny_dir, TINY_WORLD), reference_figures, 2019)
    assert after["revised_value"].tolist() == [2310.0, pytest.approx(2.823)]
    assert after["then_verdict"].tolist() == [claims.DOES_NOT_HOLD, claims.DOES_NOT_HOLD]


def test_a_year_the_data_cannot_answer_says_so_instead_of_raising(
    tmp_path, tiny_dir, reference_figures
):
    ledger = _ledger(
        tmp_path,
        _row(
            "C01",
            "The displaced number about 1800",
            1800,
            "people",
            "about",
            "count",
            "forcibly_displaced_total",
        ),
        _row(
            "C02",
            "The share has grown over twenty years",
            0,
            "percentage points",
            "increase",
            "change",
            "displaced_share_change_20_years",
        ),
        _row(
            "C03",
            "Since 2015 displacement has only increased",
            0,
            "people",
            "only_increase",
            "change",
            "smallest_yearly_change_since_2015",
        ),
    )
    # the tiny data hold 2018 and 2019 only: 1995 and 2018 are outside what C02, C03 need
    for year in (1995, 2018):
        assessed = claims.assess(ledger, _inputs(tiny_dir, TINY_WORLD), reference_figures, year)
        by_id = assessed.set_index("claim_id")
        assert by_id.loc["C02", "now_verdict"] == f"no figure for {year}"
        assert by_id.loc["C03", "now_verdict"] == f"no figure for {year}"
        # 1995 is before 2015; for 2018 the tiny data lack 2015 itself
        reason = "2015" if year < 2015 else "cover 2018-2019"
        assert reason in by_id.loc["C03", "now_missing"]
    by_id = claims.assess(ledger, _inputs(tiny_dir, TINY_WORLD), reference_figures, 1995)
    assert by_id.set_index("claim_id").loc["C01", "now_verdict"] == "no figure for 1995"


def test_why_a_year_has_no_figure_is_said_in_the_editions_language(tiny_dir):
    inputs = _inputs(tiny_dir, TINY_WORLD)
    check = claims.CHECKS["smallest_yearly_change_since_2015"]
    with i18n.using("nl"), pytest.raises(claims.NoFigureForYear, match="1995 ligt daar niet na"):
        check(inputs, 1995)
    with i18n.using("nl"), pytest.raises(claims.NoFigureForYear, match="beslaan samen 2018-2019"):
        check(inputs, 2018)
    with pytest.raises(claims.NoFigureForYear, match="1995 is not after it"):
        check(inputs, 1995)


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        (
            "C01,S,A data claim without its check,1,1,,people,2019,2019,exact,count,current,"
            "data,,,,,How,",
            "a data claim names its check function",
        ),
        (
            "C01,S,A claim nobody can check,1,1,,people,2019,,exact,count,current,"
            "not_checkable,,,,,,",
            "a claim that cannot be checked says why",
        ),
        (
            "C01,S,A claim IATI could check,1,1,,people,2019,,exact,count,historical,iati,,,,,,",
            "a claim that cannot be checked says why",
        ),
        (
            "C01,S,A claim with odd wording,1,1,,people,2019,2019,roughly,count,current,data,"
            "idps_idmc,,,,How,",
            r"column 'wording': value 'roughly'",
        ),
        (
            "C01,S,A claim citing nothing real,1,1,,people,2019,,exact,count,current,"
            "reference,,X99,,,How,",
            r"column 'published_then': value 'X99'",
        ),
        (
            "C01,S,A checked claim measured nohow,1,1,,people,2019,2019,exact,count,current,"
            "data,idps_idmc,G078,,,,",
            "a checked claim says how it is measured",
        ),
    ],
)
def test_ledger_rows_are_validated(tmp_path, row, expected):
    with pytest.raises(DataFileError, match=expected):
        _ledger(tmp_path, row)


_CHECKED_ROW = (
    "C01,S,A claim about IDPs,46 miljoen,46000000,,people,2019,2019,exact,count,current,"
    "data,idps_idmc,G078,,,How,"
)


@pytest.mark.parametrize(
    ("overrides", "expected"),
    [
        ({"letter_quote": ""}, r"column 'letter_quote': value nan fails not_nullable"),
        (
            {"letter_quote": "Wereldwijd zijn er bijna 80 miljoen mensen ontheemd"},
            "holds the figure",
        ),
        ({"letter_quote": "46 miljoen intern ontheemden7", "quote_footnotes": "8"}, "footnote"),
        ({"section_nl": ""}, r"column 'section_nl'"),
        ({"measure_nl": ""}, "'measure' and 'measure_nl' are filled in the same rows"),
    ],
)
def test_the_letters_words_and_the_dutch_texts_are_validated(tmp_path, overrides, expected):
    assert len(_ledger(tmp_path, _CHECKED_ROW)) == 1  # the row as such is valid
    with pytest.raises(DataFileError, match=expected):
        _ledger(tmp_path, _CHECKED_ROW, **overrides)


@pytest.fixture(scope="module")
def real_inputs(real_dir):
    return _inputs(real_dir)


@pytest.fixture(scope="module")
def assessed_real(real_inputs, ledger, reference_figures):
    return claims.assess(ledger, real_inputs, reference_figures, 2025).set_index("claim_id")


def _shared(figure_id: str) -> float:
    """A figure's value as the shared reference files hold it (P/G or F rows)."""
    folder = paths.reference_dir()
    for name in ("published_headlines.csv", "sourced_figures.csv"):
        with (folder / name).open(encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                if row["figure_id"] == figure_id:
                    return float(row["value"])
    raise KeyError(figure_id)


def test_the_letter_is_judged_on_the_latest_figures_published_before_it(assessed_real):
    by_id = assessed_real
    # UNHCR's Mid-Year Trends 2020 (9 December 2020, before the letter of 25 January 2021):
    # forced displacement 'surpassed 80 million' at mid-2020; 'bijna 80 miljoen' holds
    assert by_id.loc["C01", "published_value"] == 80_000_000
    assert by_id.loc["C01", "published_period"] == "mid-2020"
    assert by_id.loc["C01", "then_verdict"] == claims.HOLDS
    assert by_id.loc["C01", "then_basis"] == "published"
    assert any("Mid-Year Trends 2020" in p for p in by_id.loc["C01", "published_from"])
    # the revised database gives 78.4 million for end-2019, shown beside
    assert round(by_id.loc["C01", "revised_value"] / 1e6, 1) == 78.4
    # end-2019 refugees including UNRWA: 20.4 + 5.6 = 26.0 million (Global Trends 2019)
    assert by_id.loc["C02", "published_value"] == _shared("G074")
    assert by_id.loc["C02", "published_from"] == ("UNHCR, Global Trends 2019 (June 2020)",)
    # '1 in 97 people' (Global Trends 2019): 100 / 97 = 1.03% of the world
    assert by_id.loc["C04", "published_value"] == pytest.approx(100 / _shared("G072"))
    # C06: mid-2020 (80 million) minus end-2015 as published (UNHCR's own page, P014):
    # 14.7 million, 2% short of 15 (end-2019 alone gave 14.2 million, 5.3% short)
    c06 = by_id.loc["C06"]
    assert c06["published_value"] == pytest.approx(80e6 - _shared("P014"))
    assert c06["then_verdict"] == claims.HOLDS
    assert c06["published_from"] == (
        "UNHCR, Global Trends 2015 (June 2016)",
        "UNHCR, Mid-Year Trends 2020 (9 December 2020)",
    )
    # a revision of another year is shown beside, never called a revision of this one
    assert c06["revised_verdict"] == claims.ROUGHLY and not c06["revised_comparable"]


def test_since_2015_displacement_rose_every_year_as_published_and_is_outdated_now(
    assessed_real,
):
    c35 = assessed_real.loc["C35"]
    # published totals, Global Trends 2015-2019 and Mid-Year Trends 2020: every step a rise,
    # the smallest 2015 -> 2016 (65.3 -> 65.6 million)
    published = [_shared(i) for i in ("P014", "G031", "G044", "G057", "G070")] + [80e6]
    steps = [b - a for a, b in itertools.pairwise(published)]
    assert [c for _year, c in c35["published_changes"]] == pytest.approx(steps)
    assert c35["published_value"] == pytest.approx(min(steps)) == pytest.approx(300_000)
    assert c35["then_verdict"] == claims.HOLDS
    # today's database: 65.0 million (2015) -> 64.2 million (2016), a fall
    assert c35["revised_value"] < 0 and c35["revised_verdict"] == claims.DOES_NOT_HOLD
    assert c35["revised_detail"] == "fell in 2016" and c35["revised_period"] == "2015 to 2019"
    assert c35["now_detail"] == "fell in 2016 and 2025"  # 124.7 -> 119.3 million in 2025
    assert [year for year, _c in c35["now_changes"]] == [str(y) for y in range(2016, 2026)]
    # overtaken by a year after the letter: outdated, like the levels C01-C06
    assert c35["now_verdict"] == claims.OUTDATED_FELL


def test_outdated_is_not_wrong_and_a_named_year_is_historical(assessed_real):
    by_id = assessed_real
    # 119.3 million at the end of 2025 is no longer 'almost 80 million': outdated, higher
    assert by_id.loc["C01", "now_verdict"] == claims.OUTDATED_HIGHER
    assert by_id.loc["C02", "now_verdict"] == claims.OUTDATED_HIGHER  # 34.4 million
    # 'in 2019 only 4.5%' keeps its verdict: 63,696 of 1.4 million (UNHCR) = 4.5%
    assert by_id.loc["C33", "published_value"] == pytest.approx(
        100 * _shared("F090") / _shared("F085")
    )
    assert by_id.loc["C33", "then_verdict"] == claims.HOLDS
    assert by_id.loc["C33", "now_verdict"] == claims.HISTORICAL
    # no school figure for 2025: the verdict says so and does not borrow end-2022's
    assert by_id.loc["C13", "now_verdict"] == "no figure for 2025"
    assert by_id.loc["C13", "now_value"] is None or pd.isna(by_id.loc["C13", "now_value"])
    assert by_id.loc["C13", "latest_value"] == _shared("F147")  # the latest, end-2022
    # the 2020 channel split could be checked against IATI data: none given
    assert by_id.loc["C19", "then_verdict"] == claims.NO_IATI_FILE


def test_the_neighbouring_share_is_the_one_measure_of_c37_then_and_now(assessed_real, real_dir):
    c37 = assessed_real.loc["C37"]
    population = unhcr.load_population(real_dir)
    # as published (Global Trends 2019, UNHCR Japan's page P036): 73% in neighbouring
    # countries; today's data on the same measure: 74.0%; now 65.0%
    assert c37["published_value"] == _shared("P036") == 73
    assert not c37["published_secondary"]
    assert c37["revised_value"] == pytest.approx(neighbours.neighbouring_share(population, 2019))
    assert round(c37["revised_value"], 1) == 74.0
    assert abs(c37["revised_value"] - c37["published_value"]) < 1.5  # one measure, revised
    assert c37["now_value"] == pytest.approx(neighbours.neighbouring_share(population, 2025))
    assert c37["then_verdict"] == c37["revised_verdict"] == claims.HOLDS
    # the region of origin is a second measure, shown as such: lower in 2019 (Türkiye is
    # in UNHCR's Europe), jumping in 2022 with Ukrainians in the EU
    assert round(c37["second_then_value"], 1) == 64.2
    assert c37["second_label"].startswith("Second measure, not a revision")
    regions = unhcr.load_countries(real_dir).dropna(subset=["iso_code"])
    by_region = regions.set_index("iso_code")["unhcr_region"]
    jump = [neighbours.region_of_origin_share(population, by_region, y) for y in (2021, 2022)]
    assert round(jump[0]) == 65 and round(jump[1]) == 75


def test_second_measures_never_set_a_verdict(assessed_real):
    by_id = assessed_real
    # C08: Global Trends 2019's 'developing countries' (85%) is not the letter's low- and
    # middle-income countries: a second measure; the verdict rests on today's data
    c08 = by_id.loc["C08"]
    assert pd.isna(c08["published_value"]) and c08["second_then_value"] == _shared("P038")
    assert c08["then_basis"] == "today's data"
    # C36: returns and resettlement as published (no naturalisations) is a second measure
    c36 = by_id.loc["C36"]
    expected = 100 * (_shared("G085") + _shared("P037")) / _shared("G075")
    assert c36["second_then_value"] == pytest.approx(expected)
    assert pd.isna(c36["published_value"]) and c36["then_basis"] == "today's data"


def test_the_budget_is_judged_on_the_stage_the_letter_could_know(assessed_real):
    c16 = assessed_real.loc["C16"]
    # the 2021 draft budget line (Rijksfinancien, F171) is exactly the letter's 128 million
    assert c16["published_value"] == _shared("F171") == 128_000_000
    assert c16["published_stage"] == "budget_draft"
    assert c16["then_verdict"] == claims.HOLDS
    # the second supplementary budget (F172) is a later decision, not a revision
    assert pd.isna(c16["revised_value"]) and c16["revised_verdict"] == ""
    decisions = c16["later_decisions"]
    assert [(d["value"], d["stage"]) for d in decisions] == [
        (_shared("F172"), "budget_supplementary_2")
    ]
    assert c16["now_verdict"] == "no figure for 2025"


def test_the_dutch_contribution_is_weighed_against_the_smallest_host_economy(
    assessed_real, real_inputs
):
    c38 = assessed_real.loc["C38"]
    # EUR 128 million (2021 draft) x USD 1.1827 per EUR (ECB, 2021 average) against the
    # GDP of the smallest of the eight economies in 2021 (World Bank: Lebanon)
    gdp = real_inputs.gdp[real_inputs.gdp["year"] == 2021].set_index("iso3")
    people = real_inputs.wb_population[real_inputs.wb_population["year"] == 2021]
    economies = gdp["gdp_pc_current_usd"] * people.set_index("iso3")["population"]
    smallest = economies.reindex(list(FOCUS_COUNTRIES)).min()
    assert c38["revised_value"] == pytest.approx(100 * 128e6 * 1.1827 / smallest, rel=1e-4)
    assert 0 < c38["revised_value"] < 1 and c38["then_verdict"] == claims.HOLDS
    assert "Lebanon" in c38["revised_detail"] and "1.1827 per euro" in c38["revised_detail"]
    assert c38["then_basis"] == "today's data" and pd.isna(c38["published_value"])
    titles = [s.title for s in c38["sources"]]
    assert any("European Central Bank" in t for t in titles)
    assert any("Rijksfinanci" in t for t in titles)  # the budget line's own table
    assert not c38["database"]  # UNHCR's database plays no part


def test_the_partnership_claims_are_checked(assessed_real):
    by_id = assessed_real
    # C22: five partners at the launch (December 2019) and in the second phase (2024-2027)
    assert by_id.loc["C22", "published_value"] == 5
    assert by_id.loc["C22", "then_verdict"] == by_id.loc["C22", "now_verdict"] == claims.HOLDS
    # C23: USD 558 million for 2019-2023 (F026, a secondary source) in euros at the mean of
    # the ECB's annual averages 2019-2023
    rates = [exchange.annual_average("USD", y).rate for y in range(2019, 2024)]
    c23 = by_id.loc["C23"]
    assert c23["revised_value"] == pytest.approx(_shared("F026") / (sum(rates) / 5))
    assert c23["then_verdict"] == claims.HOLDS and c23["then_basis"] == "later document"
    assert c23["revised_secondary"]
    # C17: the eight countries are the eight PROSPECTS works in
    assert by_id.loc["C17", "revised_value"] == 8
    # C28: UNHCR named Türkiye the largest host before the letter (September 2020)
    assert by_id.loc["C28", "then_basis"] == "published"
    assert by_id.loc["C28", "published_value"] == 1
    assert by_id.loc["C28", "then_verdict"] == claims.HOLDS


def test_at_most_ten_claims_cannot_be_checked_and_each_says_what_was_searched(assessed_real):
    cannot = claims.unchecked(assessed_real)
    assert 0 < len(cannot) <= 10
    assert (cannot["then_verdict"] == claims.NOT_CHECKABLE).all()
    assert len(cannot) == claims.tally(assessed_real)[claims.NOT_CHECKABLE]
    for row in cannot.itertuples():
        assert row.reason.startswith("Searched") and "not found" in row.reason, row.Index
        assert row.reason_nl.startswith("Gezocht") and "niet gevonden" in row.reason_nl
        # 'not public' is said only where shown not to exist: never here
        assert "public" not in row.reason.lower()


def test_sources_are_titles_with_links_and_secondary_ones_are_marked(assessed_real):
    for row in assessed_real.itertuples():
        for source in row.sources:
            assert source.url.startswith("http") and source.title
            assert not re.fullmatch(r"[FGPAD]\d{3}", source.title)
    c15 = {s.title: s.quality for s in assessed_real.loc["C15", "sources"]}
    assert "secondary" in c15.values() and "primary" in c15.values()


def _shared_rows() -> list[dict[str, str]]:
    folder = paths.reference_dir()
    rows = []
    for name in ("published_headlines.csv", "sourced_figures.csv"):
        with (folder / name).open(encoding="utf-8") as handle:
            rows += list(csv.DictReader(handle))
    return rows


def test_a_primary_source_is_cited_wherever_the_shared_data_hold_one(ledger):
    """A secondary row (a repost, a news item) is cited only where the shared data hold
    no primary row with the same period, value and unit; the quality of the sourced
    figures comes from data/claims/reference_quality.csv."""
    rows = _shared_rows()
    judged = claims_data.load_reference_quality()["quality"].to_dict()
    quality = {r["figure_id"]: r.get("quality") or judged.get(r["figure_id"], "") for r in rows}
    primary = {
        (r["period"], float(r["value"]), r["unit"])
        for r in rows
        if quality[r["figure_id"]] == "primary"
    }
    by_id = {r["figure_id"]: r for r in rows}
    columns = ["published_then", "revised_then", "reference_now", "second_reading"]
    cited = {
        i for c in columns for cell in ledger[c].dropna() for i in re.findall(r"[FGP]\d{3}", cell)
    }
    assert cited, "the ledger cites shared figures"
    for figure_id in sorted(cited):
        row = by_id[figure_id]
        if quality[figure_id] == "secondary":
            twin = (row["period"], float(row["value"]), row["unit"])
            assert twin not in primary, f"{figure_id} is secondary; cite the primary row"


# --- the chapter's rules, on hand-made frames -----------------------------------------


def _reference_table(rows: dict[str, dict]) -> pd.DataFrame:
    """A reference table as reference_table makes it, from {id: {column: value}}."""
    base = {
        "unit": "EUR",
        "period": "2021",
        "first_year": 2021,
        "year": 2021,
        "description": "a figure",
        "publication": "a document",
        "title": "A document",
        "url": "https://example.org",
        "quality": "primary",
        "stage": "",
    }
    return pd.DataFrame({i: base | r for i, r in rows.items()}).T.astype(
        {"value": float, "first_year": int, "year": int}
    )


_BUDGET_ROW = (
    "C01,S,The budget is 128 million euro,128 miljoen,128000000,,EUR,2021,,exact,money,current,"
    "reference,,{published},{revised},{now},How,"
)
_STAGES = _reference_table(
    {
        "A901": {"value": 128e6, "stage": "budget_draft"},
        "A902": {"value": 150e6, "stage": "budget_supplementary_2"},
    }
)


def test_a_later_budget_stage_is_a_decision_and_never_a_revision(tmp_path, tiny_dir):
    inputs = _inputs(tiny_dir, TINY_WORLD)
    as_revision = _ledger(tmp_path, _BUDGET_ROW.format(published="A901", revised="A902", now=""))
    with pytest.raises(claims.LaterStage, match="later_decisions"):
        claims.assess(as_revision, inputs, _STAGES, 2021)
    as_now = _ledger(tmp_path, _BUDGET_ROW.format(published="A901", revised="", now="A902"))
    with pytest.raises(claims.LaterStage):
        claims.assess(as_now, inputs, _STAGES, 2021)
    listed = _ledger(
        tmp_path,
        _BUDGET_ROW.format(published="A901", revised="", now="A901"),
        later_decisions="A902",
    )
    row = claims.assess(listed, inputs, _STAGES, 2021).iloc[0]
    # 150 million would 'not hold' against 128 (17% off): as a later decision it changes
    # nothing; the verdict then and now rests on the draft budget
    assert row["then_verdict"] == row["now_verdict"] == claims.HOLDS
    assert row["later_decisions"][0]["value"] == 150e6
    assert row["revised_verdict"] == ""
    wrong = _ledger(
        tmp_path,
        _BUDGET_ROW.format(published="A901", revised="", now=""),
        later_decisions="A901",
    )
    with pytest.raises(claims.LaterStage, match="budget stage after"):
        claims.assess(wrong, inputs, _STAGES, 2021)


_SHARE_ROW = (
    "C01,S,Most refugees stay in their regions,,66.7,,percent,2019,2019,majority_by_far,share,"
    "current,data,{check},{published},,,How,"
)
_PUBLISHED = _reference_table(
    {
        "G901": {
            "value": 73.0,
            "unit": "percent",
            "period": "2019",
            "year": 2019,
            "first_year": 2019,
            "description": "Share of refugees in neighbouring countries, end-2019",
        },
        "G902": {
            "value": 55.0,
            "unit": "percent",
            "period": "2019",
            "year": 2019,
            "first_year": 2019,
            "description": "Share of refugees in their region of origin, end-2019",
        },
    }
)


def test_a_claim_is_judged_on_one_measure_and_a_second_is_shown_as_such(tmp_path, tiny_dir):
    inputs = _inputs(tiny_dir, TINY_WORLD)
    # the region-of-origin check cannot be judged against a neighbouring share as published
    mixed = _ledger(
        tmp_path, _SHARE_ROW.format(check="refugees_in_region_of_origin", published="G901")
    )
    with pytest.raises(claims.MixedMeasures, match="second_reading"):
        claims.assess(mixed, inputs, _PUBLISHED, 2019)
    # the same claim on the neighbouring share, the region of origin as a second measure
    one = _ledger(
        tmp_path,
        _SHARE_ROW.format(check="refugees_in_neighbouring_countries", published="G901"),
        second_reading="check:refugees_in_region_of_origin",
        second_label="Second measure, not a revision: the region of origin",
    )
    row = claims.assess(one, inputs, _PUBLISHED, 2019).iloc[0]
    # tiny data, end-2019: Syrians in Türkiye (120 + OIP 7) and Jordan (60), Afghans in
    # Türkiye (30); neighbours: Syria-Türkiye, Syria-Jordan (187 of 217 = 86.2%); UNHCR
    # regions: Syria and Jordan in the Middle East, Türkiye in Europe (60 of 217 = 27.6%)
    assert row["revised_value"] == pytest.approx(100 * 187 / 217)
    assert row["second_then_value"] == pytest.approx(100 * 60 / 217)
    assert row["then_verdict"] == claims.HOLDS  # on 73% as published, never on 27.6%
    assert row["revised_verdict"] == claims.HOLDS
    # a published figure of another measure is refused as the claim's own, and accepted
    # as its second reading
    with pytest.raises(claims.MixedMeasures):
        claims.assess(
            _ledger(
                tmp_path,
                _SHARE_ROW.format(check="refugees_in_neighbouring_countries", published="G902"),
            ),
            inputs,
            _PUBLISHED,
            2019,
        )
    second = _ledger(
        tmp_path,
        _SHARE_ROW.format(check="refugees_in_neighbouring_countries", published="G901"),
        second_reading="G902",
        second_label="Second measure, not a revision: the region of origin as published",
    )
    assert claims.assess(second, inputs, _PUBLISHED, 2019).iloc[0]["second_then_value"] == 55


def _trend_folder(tmp_path, totals: dict[int, int]) -> ClaimInputs:
    """A UNHCR folder whose only figures are refugees in Jordan, one total a year."""
    folder = tmp_path / "trend"
    folder.mkdir()
    rows = [pop_row(year, "SYR", "JOR", refugees=total) for year, total in totals.items()]
    write_csv(folder, "population.csv", "\n".join([POP_HEADER, *rows]) + "\n")
    pair = "year,coo_name,coo,coo_iso,coa_name,coa,coa_iso,total\n"
    for name in ("unrwa.csv", "idmc.csv"):
        lines = [f"{y},Pal,GAZ,PSE,Jordan,JOR,JOR,0" for y in totals]
        write_csv(folder, name, pair + "\n".join(lines) + "\n")
    shutil.copy(paths.SHARED_DATA_DIR / "unhcr" / "countries.csv", folder / "countries.csv")
    world = pd.Series(dict.fromkeys(totals, 1_000_000))
    return _inputs(folder, world)


_TREND_ROW = (
    "C01,S,Since 2015 displacement has only increased,,0,,people,2015 to 2019,2019,"
    "only_increase,change,current,data,smallest_yearly_change_since_2015,{published},,,How,"
)


@pytest.mark.parametrize(
    ("totals", "expected"),
    [
        # rose every year to 2019, fell in 2021: overtaken by a later year, outdated
        ({2015: 100, 2016: 110, 2017: 120, 2018: 130, 2019: 140, 2020: 150, 2021: 145}, "fell"),
        # a fall within the letter's own years stays a fall: it does not hold now either
        ({2015: 100, 2016: 90, 2017: 120, 2018: 130, 2019: 140, 2020: 150, 2021: 160}, "no"),
        # rose every year: holds
        ({2015: 100, 2016: 110, 2017: 120, 2018: 130, 2019: 140, 2020: 150, 2021: 160}, "yes"),
    ],
)
def test_a_trend_overtaken_by_later_years_is_outdated_not_wrong(tmp_path, totals, expected):
    inputs = _trend_folder(tmp_path, totals)
    table = _reference_table(
        {
            f"G9{n:02d}": {
                "value": v,
                "unit": "persons",
                "period": str(y),
                "year": y,
                "first_year": y,
                "description": f"Forcibly displaced worldwide, end-{y}",
            }
            for n, (y, v) in enumerate([(2015, 10), (2016, 11), (2017, 12), (2018, 13), (2019, 14)])
        }
    )
    published = "smallest_change:G900>G901>G902>G903>G904"
    ledger = _ledger(tmp_path, _TREND_ROW.format(published=published))
    row = claims.assess(ledger, inputs, table, 2021).iloc[0]
    assert row["then_verdict"] == claims.HOLDS  # as published: +1 every year
    assert [c for _y, c in row["published_changes"]] == [1, 1, 1, 1]
    steps = [b - a for a, b in itertools.pairwise(totals.values())]
    assert [c for _y, c in row["now_changes"]] == steps
    assert (
        row["now_verdict"]
        == {
            "fell": claims.OUTDATED_FELL,
            "no": claims.DOES_NOT_HOLD,
            "yes": claims.HOLDS,
        }[expected]
    )


#: Report years on both sides of every year where a claim's check changes ('since 2015'
#: and 'over twenty years' have no figure before 2016 and 2010), the first and the
#: latest: an assessment takes half a second, so not all 36 years.
ASSESSED_YEARS = (1990, 2000, 2009, 2010, 2015, 2016, 2019, 2020, 2024, 2025)


@pytest.mark.parametrize("year", ASSESSED_YEARS)
def test_assessment_never_raises_for_any_report_year(real_inputs, ledger, reference_figures, year):
    by_id = claims.assess(ledger, real_inputs, reference_figures, year).set_index("claim_id")
    assert len(by_id) == len(ledger)
    assert by_id["now_year"].eq(year).all()
    if year <= 2015:
        assert by_id.loc["C06", "now_verdict"] == f"no figure for {year}"
        assert by_id.loc["C35", "now_verdict"] == f"no figure for {year}"
    else:
        assert pd.notna(by_id.loc["C35", "now_value"])
    if year < 2010:
        assert by_id.loc["C05", "now_verdict"] == f"no figure for {year}"
    # the letter's verdicts do not depend on the report year
    assert by_id.loc["C01", "then_verdict"] == claims.HOLDS
    assert by_id.loc["C35", "then_verdict"] == claims.HOLDS
    if year == ASSESSED_YEARS[-1]:
        assert claims.tally(by_id)[claims.NOT_CHECKABLE] < len(by_id) / 2


def _years(text: str) -> set[str]:
    return set(re.findall(r"\b(?:19|20)\d{2}\b", text))


def test_verdicts_on_borrowed_years_or_thin_evidence_say_what_they_rest_on(
    ledger, reference_figures
):
    """C14 and C33 use figures of another year or published at another time than the
    letter's; C17 and C23 rest on one later list and one secondary source. What each
    verdict rests on names the years of the figures it uses, as the reference files
    date them, and the letter's own period, in both languages."""
    rows = ledger.set_index("claim_id")
    figures = reference_figures
    used = {
        "C14": ["F139", "F138"],
        "C17": ["D004"],
        "C23": ["F026"],
        "C33": ["F090", "F085"],
    }
    for claim_id, ids in used.items():
        row = rows.loc[claim_id]
        for column in ("basis", "basis_nl"):
            text = str(row[column])
            for figure in ids:
                first, last = figures.loc[figure, ["first_year", "year"]]
                assert {str(first), str(last)} <= _years(text), (claim_id, column, figure)
            if claim_id != "C33":  # C33 is the letter's year: both its figures are 2019's
                letter_first = str(row["period"])[:4]
                assert letter_first in _years(text), (claim_id, column)
    # C14 borrows 2017 for the letter's 2018, and says so; C33's needs were estimated in
    # June 2018 (the date of the page that reports them) for 2019
    assert "2017, not the letter's 2018" in rows.loc["C14", "basis"]
    assert "(27 June 2018)" in figures.loc["F085", "title"]
    assert "in June 2018 would need resettlement in 2019" in rows.loc["C33", "basis"]
    # the other claims have nothing to say apart
    assert rows["basis"].notna().sum() == len(used)


def test_a_verdict_basis_for_a_claim_the_ledger_lacks_is_refused(tmp_path):
    shutil.copy(paths.PROJECT_DATA_DIR / "claims" / "ledger.csv", tmp_path / "ledger.csv")
    (tmp_path / "verdict_basis.csv").write_text(
        "claim_id,basis,basis_nl\nC99,Rests on,Rust op\n", encoding="utf-8"
    )
    with pytest.raises(DataFileError, match="no claim C99"):
        claims_data.load_ledger(tmp_path / "ledger.csv")
