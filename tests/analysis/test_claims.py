"""The claims ledger: complete against the letter, verdicts computed by rule, flipping
when the data change, and key verdicts on the real data."""

from __future__ import annotations

import csv
import io
import re

import pandas as pd
import pytest

from displacement_report import i18n
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
    )


LEDGER_HEADER = ",".join(claims_data.LEDGER_COLUMNS)
#: The ledger's columns before the letter's words and the Dutch texts were added.
_BASIC_COLUMNS = [
    c
    for c in claims_data.LEDGER_COLUMNS
    if c not in ("section_nl", "letter_quote", "quote_footnotes", "measure_nl", "reason_nl")
]


def _full_row(line: str, **overrides: str) -> str:
    """A ledger line written with the basic columns, completed with a quote that holds
    the figure and Dutch texts wherever there is English (`overrides` replace cells)."""
    values = dict(zip(_BASIC_COLUMNS, next(csv.reader([line])), strict=True))
    values["section_nl"] = values["section"] + " nl"
    values["letter_quote"] = f"De brief noemt {values['letter_text'] or 'geen cijfer'} hier"
    values["quote_footnotes"] = ""
    for column in ("measure", "reason"):
        values[f"{column}_nl"] = values[column] and f"{values[column]} (nl)"
    values |= overrides
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


def test_the_letter_is_judged_on_the_figures_published_then(assessed_real):
    by_id = assessed_real
    # Global Trends 2019 (G070): 79.5 million forcibly displaced at the end of 2019
    assert by_id.loc["C01", "published_value"] == 79_500_000
    assert by_id.loc["C01", "then_verdict"] == claims.HOLDS  # 'bijna 80 miljoen'
    assert by_id.loc["C01", "then_basis"] == "published"
    # the revised database gives 78.4 million for end-2019, shown beside
    assert round(by_id.loc["C01", "revised_value"] / 1e6, 1) == 78.4
    # end-2019 refugees including UNRWA: 20.4 + 5.6 = 26.0 million (Global Trends 2019)
    assert by_id.loc["C02", "published_value"] == 26_000_000
    assert round(by_id.loc["C02", "revised_value"] / 1e6, 1) == 26.0
    # '1 in 97 people' (Global Trends 2019): 100 / 97 = 1.03% of the world
    assert by_id.loc["C04", "published_value"] == pytest.approx(1.031, abs=0.001)
    assert by_id.loc["C04", "then_verdict"] == claims.HOLDS
    # 79.5 (end-2019) - 65.3 (end-2015, Global Trends 2015) = 14.2 million: 5.3% short of 15
    assert by_id.loc["C06", "published_value"] == pytest.approx(14_200_000)
    assert by_id.loc["C06", "then_verdict"] == claims.ROUGHLY


def test_since_2015_displacement_rose_every_year_as_published_not_as_revised(assessed_real):
    c35 = assessed_real.loc["C35"]
    # published totals 65.3, 65.6, 68.5, 70.8, 79.5 million (Global Trends 2015-2019):
    # the smallest rise is 2015 -> 2016, +0.3 million
    assert c35["published_value"] == pytest.approx(300_000)
    assert c35["then_verdict"] == claims.HOLDS
    # today's database: 65.0 million (2015) -> 64.2 million (2016), a fall
    assert c35["revised_value"] < 0 and c35["revised_verdict"] == claims.DOES_NOT_HOLD
    assert c35["revised_detail"] == "fell in 2016"
    assert c35["now_detail"] == "fell in 2016 and 2025"  # 124.7 -> 119.3 million in 2025


def test_outdated_is_not_wrong_and_a_named_year_is_historical(assessed_real):
    by_id = assessed_real
    # 119.3 million at the end of 2025 is no longer 'almost 80 million': outdated, higher
    assert by_id.loc["C01", "now_verdict"] == claims.OUTDATED_HIGHER
    assert by_id.loc["C02", "now_verdict"] == claims.OUTDATED_HIGHER  # 34.4 million
    # 'in 2019 only 4.5%' keeps its verdict: 63,696 of 1.4 million (UNHCR) = 4.5%
    assert by_id.loc["C33", "then_value" if "then_value" in by_id else "published_value"] == (
        pytest.approx(4.55, abs=0.01)
    )
    assert by_id.loc["C33", "then_verdict"] == claims.HOLDS
    assert by_id.loc["C33", "now_verdict"] == claims.HISTORICAL
    # no school figure for 2025: the verdict says so and does not borrow end-2022's
    assert by_id.loc["C13", "now_verdict"] == "no figure for 2025"
    assert by_id.loc["C13", "now_value"] is None or pd.isna(by_id.loc["C13", "now_value"])
    assert by_id.loc["C13", "latest_value"] == 14_800_000  # shown as the latest, end-2022
    # the 2020 channel split could be checked against IATI data: none given
    assert by_id.loc["C19", "then_verdict"] == "not checked: no IATI file given"


def test_measures_that_fit_the_claims(assessed_real):
    by_id = assessed_real
    # 'years away from home': the letter's source, Devictor and Do, 10.3 years (end-2015)
    for claim in ("C15", "C34"):
        assert by_id.loc[claim, "published_value"] == pytest.approx(10.3)
        assert by_id.loc[claim, "then_verdict"] == claims.HOLDS
        assert by_id.loc[claim, "published_secondary"]  # a catalogue record of the paper
    # out of school: 4.0 of 7.4 million school-age refugee children (UNHCR 2018) = 54%
    assert by_id.loc["C14", "published_value"] == pytest.approx(100 * 4.0 / 7.4)
    assert by_id.loc["C14", "then_verdict"] == claims.HOLDS
    # refugees in neighbouring countries, Global Trends 2019: 73% ('by far most')
    assert by_id.loc["C37", "published_value"] == 73
    assert by_id.loc["C37", "then_verdict"] == claims.HOLDS
    # the letter's own definition (refugees and IDPs) stays in the region far more often
    assert by_id.loc["C07", "revised_value"] > by_id.loc["C37", "revised_value"] > 50
    # durable solutions 2019 as published: (317,200 returned + 107,800 resettled) / 20.4 M
    assert by_id.loc["C36", "published_value"] == pytest.approx(100 * 425_000 / 20_400_000)
    assert by_id.loc["C36", "then_verdict"] == claims.HOLDS


def test_the_budget_is_checked_in_every_year_it_is_public(assessed_real):
    c16 = assessed_real.loc["C16"]
    assert c16["published_value"] == 128_000_000  # 2021 draft budget
    assert c16["then_verdict"] == claims.HOLDS
    assert c16["revised_value"] == 135_500_000  # after the 2nd supplementary budget 2021
    assert c16["revised_verdict"] == claims.ROUGHLY  # 5.9% above 128
    assert c16["now_verdict"] == "no figure for 2025"


def test_the_dutch_share_of_the_need_uses_the_ecb_annual_average(assessed_real):
    c38 = assessed_real.loc["C38"]
    # EUR 128 million x USD 1.1827 per EUR (ECB, 2021 average) / USD 5.6 billion (3RP 2021)
    assert c38["published_value"] == pytest.approx(100 * 128e6 * 1.1827 / 5.6e9, abs=0.001)
    assert "1.1827 per euro" in c38["published_note"]
    assert any("European Central Bank" in s.title for s in c38["sources"])
    assert c38["then_verdict"] == claims.HOLDS


def test_sources_are_titles_with_links_and_secondary_ones_are_marked(assessed_real):
    for row in assessed_real.itertuples():
        for source in row.sources:
            assert source.url.startswith("http") and source.title
            assert not re.fullmatch(r"[FGA]\d{3}", source.title)
    c06 = {s.title: s.quality for s in assessed_real.loc["C06", "sources"]}
    assert "secondary" in c06.values() and "primary" in c06.values()


def test_assessment_never_raises_for_any_report_year(real_inputs, ledger, reference_figures):
    for year in range(1990, 2026):
        by_id = claims.assess(ledger, real_inputs, reference_figures, year).set_index("claim_id")
        assert len(by_id) == len(ledger)
        assert by_id["now_year"].eq(year).all()
        # 'since 2015' and 'over twenty years' have no figure before 2016 and 2010
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
    assert claims.tally(by_id)[claims.NOT_CHECKABLE] < len(by_id) / 2
