"""The claims chapter as the reader sees it: figures at the letter's precision, sentences
that match their series, one numbered ledger table whose data is published and whose
sources are linked titles, a second measure and a later budget stage shown as such, the
ECB rate and the reference figures picked by year, never borrowed from another."""

from __future__ import annotations

import re

import matplotlib.pyplot as plt
import pandas as pd
import pytest

from displacement_report import i18n
from displacement_report.analysis import claims, exchange
from displacement_report.analysis.claims import HOLDS, ROUGHLY, Source, references
from displacement_report.present.charts import claims as charts
from displacement_report.present.narrative import claims as narrative
from displacement_report.present.tables import claims as tables


@pytest.mark.parametrize(
    ("stated", "high", "unit", "wording", "expected"),
    [
        (80e6, None, "people", "almost", "almost 80 million"),  # not '80.00 million'
        (26e6, None, "people", "exact", "26 million"),
        (6.7e6, None, "people", "more_than", "more than 6.7 million"),
        (4.5, None, "percent", "exact", "4.5%"),
        (57, None, "percent", "exact", "57%"),
        (128e6, None, "EUR", "exact", "EUR 128 million"),
        (10, 26, "years", "range", "10 to 26 years"),
        (66.7, None, "percent", "majority_by_far", "by far most"),
    ],
)
def test_the_letters_figures_read_as_the_letter_wrote_them(stated, high, unit, wording, expected):
    assert tables.stated_phrase(stated, high, unit, wording) == expected


@pytest.mark.parametrize(
    ("value", "unit", "expected"),
    [
        (78_377_280, "people", "78.4 million"),
        (-5_419_135, "people", "−5.4 million"),
        (63_696, "people", "63,696"),
        (4.5497, "percent", "4.5%"),
        (0.3877, "percentage points", "+0.39 points"),
        (135_500_000, "EUR", "EUR 135.5 million"),
        (2, "rank", "2nd"),
        (None, "people", "–"),
    ],
)
def test_recomputed_values_have_sensible_precision(value, unit, expected):
    assert tables.claim_value(value, unit) == expected


SERIES = pd.Series({2018: 72.6e6, 2019: 78.4e6, 2020: 81.5e6, 2024: 124.7e6, 2025: 119.3e6})
PUBLISHED = pd.Series({2018: 70.8e6, 2019: 79.5e6})


def test_a_last_year_that_fell_is_said_to_fall():
    text = narrative.headline_trend_sentence(SERIES, PUBLISHED, 2019, 2025)
    assert "78.4 million" in text and "79.5 million published" in text
    assert "it had risen to 119.3 million" in text  # not "had rose"
    assert "falling in the last year from 124.7 million" in text
    assert "kept rising" not in text


def test_a_rise_every_year_gets_no_fall():
    text = narrative.headline_trend_sentence(SERIES, PUBLISHED, 2019, 2024)
    assert "risen to 124.7 million" in text and "falling" not in text


def test_a_report_year_before_the_letter_compares_backwards():
    series = pd.Series({1995: 41.1e6, 2019: 78.4e6})
    text = narrative.headline_trend_sentence(series, PUBLISHED, 2019, 1995)
    assert "At the end of 1995 it stood at 41.1 million, 37.3 million fewer" in text


def test_every_figure_of_the_chart_title_is_marked_in_the_chart():
    title = narrative.claim_trend_title(SERIES, PUBLISHED, 2019, 2025)
    marks = {2019: PUBLISHED.loc[2019], 2025: SERIES.loc[2025]}
    fig = charts.claim_against_series(SERIES, PUBLISHED, 80e6, "the letter", title, "S", marks)
    labels = {t.get_text() for t in fig.axes[0].texts}
    for figure in re.findall(r"(\d+\.\d) million", title):
        assert f"{figure} M" in labels
    plt.close(fig)


def _assessed(**overrides) -> pd.DataFrame:
    base = {
        "claim_id": "C01",
        "section": "Global displacement",
        "section_nl": "Wereldwijde ontheemding",
        "paraphrase": "Close to 80 million people are displaced <b>",
        "letter_quote": "Wereldwijd zijn er momenteel bijna 80 miljoen mensen ontheemd <b>",
        "quote_footnotes": "",
        "stated": 80e6,
        "stated_high": None,
        "unit": "people",
        "wording": "almost",
        "timing": "current",
        "method": "data",
        "letter_year": 2019,
        "published_value": 79.5e6,
        "published_period": "2019",
        "published_secondary": False,
        "published_note": "",
        "revised_value": 78.4e6,
        "revised_period": "2019",
        "revised_detail": "",
        "revised_missing": "",
        "revised_verdict": HOLDS,
        "then_basis": "published",
        "then_verdict": HOLDS,
        "now_year": 2025,
        "now_value": 119.3e6,
        "now_period": "2025",
        "now_detail": "",
        "now_missing": "",
        "now_secondary": False,
        "latest_value": None,
        "latest_period": "",
        "now_verdict": "outdated (higher now)",
        "database": True,
        "worldbank": False,
        "sources": [Source("Global Trends 2019", "https://example.org/gt?a=1&b=2", "secondary")],
        "measure": "All five groups",
        "measure_nl": "Alle vijf groepen",
        "reason": "",
        "reason_nl": "",
    }
    return pd.DataFrame([base | overrides])


def test_the_claims_table_links_titles_marks_secondary_and_shows_no_ids():
    page = tables.claims_table(_assessed(), "Global displacement", 2025)
    assert '<a href="https://example.org/gt?a=1&amp;b=2">Global Trends 2019</a>' in page
    assert "(secondary source)" in page
    assert "&lt;b&gt;" in page and "<b>" not in page  # data is text, never markup
    assert not re.search(r"\b[FGA]\d{3}\b", page)
    assert "Now (2025)" in page and "outdated (higher now)" in page


def test_the_summary_counts_the_verdicts_and_names_revisions():
    frame = pd.concat(
        [
            _assessed(),
            _assessed(claim_id="C35", revised_verdict="does not hold", now_verdict="holds"),
            _assessed(claim_id="C06", then_verdict=ROUGHLY, revised_verdict=ROUGHLY),
        ],
        ignore_index=True,
    )
    text = narrative.claims_summary(frame, 2025)
    assert "**3 quantitative statements**" in text
    assert "**2 hold** and 1 roughly holds." in text  # no verdict nobody got ('0 do not hold')
    assert "C35 would does not hold" not in text and "C35 would not hold" in text
    assert "2 are outdated" in text


def test_the_ecb_annual_average_matches_the_ecbs_published_figure():
    # ECB annual averages of the euro reference rate: 1.1195 (2019), 1.1827 (2021)
    assert round(exchange.annual_average("USD", 2019).rate, 4) == 1.1195
    rate = exchange.annual_average("USD", 2021)
    assert round(rate.rate, 4) == 1.1827 and rate.days > 250
    assert "2021 annual average" in rate.describe()
    with pytest.raises(exchange.NoRate):
        exchange.annual_average("USD", 1995)  # the euro's rates start in 1999


@pytest.mark.parametrize(
    ("period", "year"),
    [
        ("2015-16", 2016),
        ("end 2022 (2021-22 academic year data)", 2022),
        ("Dec 2014-2022", 2022),
        ("July 2020", 2020),
        ("end 2015", 2015),
        ("undated", None),
    ],
)
def test_the_year_of_a_reference_period(period, year):
    assert references.year_of(period) == year


def _two_figures(ids, values, unit, periods, years, titles) -> pd.DataFrame:
    """A reference table of two primary figures, as reference_table makes it."""
    return pd.DataFrame(
        {
            "value": values,
            "unit": [unit] * 2,
            "period": periods,
            "year": years,
            "title": titles,
            "url": ["https://a", "https://b"],
            "quality": ["primary"] * 2,
        },
        index=ids,
    )


def test_a_figure_of_another_year_is_never_borrowed():
    table = _two_figures(
        ["F141", "F147"],
        [7.1e6, 14.8e6],
        "children",
        ["2018", "end 2022"],
        [2018, 2022],
        ["a", "b"],
    )
    found, latest = references.for_year("F141;F147", table, 2025)
    assert found is None and latest.value == 14.8e6
    found, _ = references.for_year("F141;F147", table, 2018)
    assert found.value == 7.1e6


def test_of_two_figures_for_the_latest_year_the_later_listed_is_the_latest():
    titles = ["draft budget", "second supplementary budget"]
    table = _two_figures(
        ["F901", "F902"], [128e6, 135.5e6], "EUR", ["2021"] * 2, [2021, 2021], titles
    )
    found, latest = references.for_year("F901;F902", table, 2025)
    assert found is None and latest.value == 135.5e6  # as the chapter on spending says
    found, _ = references.for_year("F901;F902", table, 2021)
    assert found.value == 135.5e6


# --- the Dutch edition ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("stated", "high", "unit", "wording", "expected"),
    [
        (80e6, None, "people", "almost", "bijna 80 miljoen"),
        (6.7e6, None, "people", "more_than", "meer dan 6,7 miljoen"),
        (4.5, None, "percent", "exact", "4,5%"),
        (575_000, None, "people", "more_than", "meer dan 575.000"),
        (128e6, None, "EUR", "exact", "128 miljoen euro"),
        (10, 26, "years", "range", "10 tot 26 jaar"),
        (66.7, None, "percent", "majority_by_far", "veruit het merendeel"),
    ],
)
def test_the_letters_figures_read_in_dutch(stated, high, unit, wording, expected):
    with i18n.using("nl"):
        assert tables.stated_phrase(stated, high, unit, wording) == expected


@pytest.mark.parametrize(
    ("value", "unit", "expected"),
    [
        (78_377_280, "people", "78,4 miljoen"),
        (-5_419_135, "people", "−5,4 miljoen"),
        (63_696, "people", "63.696"),
        (4.5497, "percent", "4,5%"),
        (0.3877, "percentage points", "+0,39 procentpunt"),
        (135_500_000, "EUR", "€ 135,5 miljoen"),  # the report's form; the letter's: '… euro'
        (2_380_000_000, "EUR", "€ 2,38 miljard"),
        (2, "rank", "2e"),
        (10.3, "years", "10,3 jaar"),
    ],
)
def test_recomputed_values_in_dutch(value, unit, expected):
    with i18n.using("nl"):
        assert tables.claim_value(value, unit) == expected


@pytest.mark.parametrize(
    ("verdict", "dutch"),
    [
        (claims.HOLDS, "klopt"),
        (claims.ROUGHLY, "klopt ongeveer"),
        (claims.DOES_NOT_HOLD, "klopt niet"),
        (claims.NOT_CHECKABLE, "niet te controleren"),
        (claims.OUTDATED_HIGHER, "achterhaald (nu hoger)"),
        (claims.OUTDATED_LOWER, "achterhaald (nu lager)"),
        (claims.HISTORICAL, "over een genoemd jaar"),
        (
            claims.NO_IATI_FILE,
            "niet gecontroleerd: gemaakt zonder de IATI-gegevens van het ministerie",
        ),
        (claims.no_figure(2025), "geen cijfer voor 2025"),
        ("not yet in 2018 (lower)", "in 2018 nog niet (lager)"),
    ],
)
def test_every_verdict_has_its_dutch_words(verdict, dutch):
    with i18n.using("nl"):
        assert claims.verdict_text(verdict) == dutch
    assert claims.verdict_text(verdict) == verdict  # the code is the English word


def test_verdicts_counted_in_dutch_agree_with_their_number():
    with i18n.using("nl"):
        assert claims.verdict_count(claims.HOLDS, 1) == "1 klopt"
        assert claims.verdict_count(claims.HOLDS, 12) == "12 kloppen"
        assert claims.verdict_count(claims.DOES_NOT_HOLD, 2) == "2 kloppen niet"
    assert claims.verdict_count(claims.ROUGHLY, 3) == "3 roughly hold"


def test_the_letters_words_are_quoted_with_their_footnotes_raised():
    quote = "Gemiddeld zijn vluchtelingen tussen 1011 en 26 jaar12 van huis."
    assert tables.letter_quote(quote, "11;12") == (
        "‘Gemiddeld zijn vluchtelingen tussen 10¹¹ en 26 jaar¹² van huis.’"
    )
    # a clause from inside a sentence opens with an ellipsis
    assert tables.letter_quote("waarvan 26 miljoen vluchtelingen", "") == (
        "‘…waarvan 26 miljoen vluchtelingen’"
    )


def test_the_dutch_claims_table_quotes_the_letter_and_speaks_dutch():
    frame = _assessed(
        now_value=None,
        now_period="",
        latest_value=14.8e6,
        latest_period="end 2022 (2021-22 academic year data)",
        now_verdict=claims.no_figure(2025),
        published_period="July 2020",
    )
    with i18n.using("nl"):
        page = tables.claims_by_section(frame, 2025)
    text = re.sub(r"<[^>]+>", " ", page)
    assert "De beweringen van de brief, toen en nu" in text
    assert "Wereldwijde ontheemding" in text  # the section, as a heading row
    assert "‘Wereldwijd zijn er momenteel bijna 80 miljoen mensen ontheemd &lt;b&gt;’" in text
    assert "Close to 80 million" not in text  # the letter's words, not the paraphrase
    for words in ("Toen, zoals gepubliceerd", "Oordeel over de brief", "Nu (2025)", "Oordeel nu"):
        assert words in text
    assert "79,5 miljoen (juli 2020)" in text
    assert "laatst gevonden: 14,8 miljoen (eind 2022 (gegevens schooljaar 2021-22))" in text
    assert "geen cijfer voor 2025" in text and "oordeel op dit cijfer: klopt" in text
    assert "Hoe gemeten: Alle vijf groepen." in re.sub(r"\s+", " ", text)
    assert "secundaire bron" in text and "25 januari 2021" in text
    # the English edition keeps its paraphrase and the letter's figure
    english = re.sub(r"<[^>]+>", " ", tables.claims_by_section(frame, 2025))
    assert "Close to 80 million people are displaced &lt;b&gt;." in english
    assert "Letter: almost 80 million" in english and "latest found: 14.8 million" in english


def test_the_dutch_summary_counts_in_dutch_and_leaves_out_what_nobody_got():
    frame = pd.concat(
        [
            _assessed(),
            _assessed(claim_id="C35", revised_verdict="does not hold", now_verdict="holds"),
            _assessed(claim_id="C06", then_verdict=ROUGHLY, revised_verdict=ROUGHLY),
        ],
        ignore_index=True,
    )
    with i18n.using("nl"):
        text = narrative.claims_summary(frame, 2025)
    assert text.startswith("De brief bevat **3 kwantitatieve beweringen**.")
    assert "**2 kloppen** en 1 klopt ongeveer." in text
    assert "C35 zou niet kloppen" in text
    assert "Herberekend voor **2025**: 1 klopt en 2 zijn achterhaald" in text
    assert "klopt niet" not in text.split("Herberekend")[1]


def test_the_dutch_headline_sentences_and_title():
    with i18n.using("nl"):
        text = narrative.headline_trend_sentence(SERIES, PUBLISHED, 2019, 2025)
        title = narrative.claim_trend_title(SERIES, PUBLISHED, 2019, 2025)
        back = narrative.headline_trend_sentence(
            pd.Series({1995: 41.1e6, 2019: 78.4e6}), PUBLISHED, 2019, 1995
        )
        rules = narrative.verdict_rules_markdown()
    assert text.startswith("Volgens de huidige gegevens was het totaal eind 2019 78,4 miljoen")
    assert "gestegen tot 119,3 miljoen, maar in het laatste jaar gedaald van 124,7 miljoen" in text
    assert title == (
        "Gedwongen ontheemden: 79,5 miljoen gepubliceerd voor eind 2019, 119,3 miljoen eind "
        "2025 volgens de huidige gegevens"
    )
    assert "Eind 1995 was het 41,1 miljoen, 37,3 miljoen minder dan eind 2019." in back
    assert "‘bijna’: klopt bij 90 tot 101% van het cijfer" in rules


def test_the_dutch_table_of_unchecked_claims_quotes_the_letter_and_gives_dutch_reasons():
    frame = _assessed(
        claim_id="C17",
        letter_quote="waarmee Nederland voornamelijk in acht landen programma’s financiert",
        reason="A policy choice",
        reason_nl="Een beleidskeuze",
    )
    with i18n.using("nl"):
        page = tables.unchecked_claims_table(frame, "Beweringen zonder openbaar cijfer")
    assert "Bewering" in page and "Wat is gezocht en niet gevonden" in page
    assert "C17 ‘…waarmee Nederland voornamelijk in acht landen" in page
    assert "Een beleidskeuze" in page and "A policy choice" not in page
    assert "Bron: de Kamerbrief" in page


@pytest.mark.parametrize(
    ("period", "dutch"),
    [
        ("end 2015", "eind 2015"),
        ("Dec 2014-2022", "december 2014-2022"),  # months written out in Dutch
        ("to Dec 2024", "tot december 2024"),
        ("2015 to 2019", "2015 tot 2019"),
        ("July 2020", "juli 2020"),
        ("2019", "2019"),
    ],
)
def test_reference_periods_read_in_dutch(period, dutch):
    with i18n.using("nl"):
        assert tables.period_text(period) == dutch
    assert tables.period_text(period) == period


# --- the ledger as an exhibit, its rules on the page -----------------------------------


def test_the_ledger_is_one_numbered_table_whose_data_is_published(tmp_path):
    from displacement_report.present import exhibits

    frame = pd.concat(
        [_assessed(), _assessed(claim_id="C02", section="Bilateral effort")], ignore_index=True
    )
    exhibits.configure(tmp_path, {"report_year": 2025}, "test")
    try:
        page = tables.claims_table(frame, "The letter's claims, then and now", 2025)
    finally:
        exhibits._context = None
    # an exhibit like every table: numbered by the build, captioned, with its data link
    assert '<div class="exhibit table-exhibit short-table" id="tab-claims_ledger">' in page
    assert '<caption><span class="exhibit-number">Table</span> The letter' in page
    assert 'href="' + tmp_path.name + '/claims_ledger.csv"' in page
    # one table, the letter's sections as heading rows in it
    assert page.count("<table") == 1 and page.count('class="claim-section"') == 2
    data = pd.read_csv(tmp_path / "claims_ledger.csv")
    for column in (
        "Claim",
        "The letter's words",
        "Then, as published",
        "Then, as published: period",
        "Then, as published: publication",
        "Then, today's data",
        "Verdict on the letter",
        "Now (2025)",
        "Verdict now",
        "Rule",
        "How measured",
        "Sources",
    ):
        assert column in data.columns, column
    first = data.iloc[0]
    assert first["Claim"] == "C01" and first["Then, as published"] == 79.5e6
    assert first["Verdict now"] == "outdated (higher now)"
    assert first["Rule"].startswith("'bijna': 90-101%")
    assert "https://example.org/gt?a=1&b=2" in first["Sources"]


def test_a_second_measure_is_a_labelled_line_of_its_own_never_a_revision():
    frame = _assessed(
        claim_id="C37",
        unit="percent",
        wording="majority_by_far",
        stated=66.7,
        published_value=73.0,
        revised_value=74.0,
        now_value=65.0,
        second_label="Second measure, not a revision: the region of origin",
        second_label_nl="Tweede maat, geen herziening: de regio van herkomst",
        second_then_value=64.24,
        second_then_period="2019",
        second_from=(),
        second_now_value=70.7,
    )
    page = tables.claims_table(frame, "Claims", 2025)
    second = re.search(r'<tr class="claim-second">(.*?)</tr>', page, re.S).group(1)
    assert "Second measure, not a revision: the region of origin." in second
    assert "Then 64.2% for 2019; now 70.7% for 2025." in second
    cells = re.search(r"<tr><td>(.*?)</tr>", page, re.S).group(1)
    assert "64.2" not in cells and "73%" in cells and "74.0%" in cells
    with i18n.using("nl"):
        dutch = tables.claims_table(frame, "Beweringen", 2025)
    assert "Tweede maat, geen herziening: de regio van herkomst." in dutch
    assert "Toen 64,2% voor 2019; nu 70,7% voor 2025." in dutch


def test_a_later_budget_stage_is_listed_as_a_later_decision_with_its_stage():
    frame = _assessed(
        claim_id="C16",
        unit="EUR",
        wording="exact",
        stated=128e6,
        method="reference",
        published_value=128e6,
        published_period="2021",
        published_stage="budget_draft",
        revised_value=None,
        revised_verdict="",
        later_decisions=[
            {"value": 135.5e6, "period": "2021", "stage": "budget_supplementary_2", "ids": ()}
        ],
        now_value=None,
        latest_value=128e6,
        latest_period="2021",
        now_stage="budget_draft",
        now_verdict=claims.no_figure(2025),
    )
    text = re.sub(r"<[^>]+>", " ", tables.claims_table(frame, "Claims", 2025))
    assert "EUR 128 million (2021, draft budget)" in text
    assert "later decision, not a revision: 2nd supplementary budget: EUR 135.5 million" in text
    assert "it does not change the verdict" in text
    assert "latest found: EUR 128 million (2021, draft budget)" in text
    summary = narrative.claims_summary(frame, 2025)
    assert (
        "C16 is judged on the draft budget (EUR 128 million), the stage the letter could "
        "know; the 2nd supplementary budget (EUR 135.5 million, 2021) is a later decision, "
        "not a revision, and changes no verdict." in summary
    )
    assert "would only roughly hold" not in summary
    with i18n.using("nl"):
        dutch = re.sub(r"<[^>]+>", " ", tables.claims_table(frame, "Beweringen", 2025))
    assert "€ 128 miljoen (2021, ontwerpbegroting)" in dutch
    assert "later besluit, geen herziening: 2e suppletoire begroting" in dutch


def test_a_trend_shows_every_yearly_change_and_says_what_its_value_is():
    frame = _assessed(
        claim_id="C35",
        wording="only_increase",
        kind="change",
        stated=0,
        published_value=300_000.0,
        published_period="2015 to mid-2020",
        published_changes=(("2016", 3e5), ("2017", 2.9e6), ("mid-2020", 5e5)),
        published_from=(
            *(f"UNHCR, Global Trends {y} (June {y + 1})" for y in range(2015, 2020)),
            "UNHCR, Mid-Year Trends 2020 (9 December 2020)",
        ),
    )
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", tables.claims_table(frame, "C", 2025)))
    assert "smallest yearly change: +300,000 (2015 to mid-2020)" in text
    assert "each year, million: 2016 +0.3; 2017 +2.9; mid-2020 +0.5" in text
    assert (
        "from UNHCR, Global Trends 2015–2019 (June 2016–June 2020); UNHCR, Mid-Year Trends 2020"
        in text
    )
    with i18n.using("nl"):
        dutch = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", tables.claims_table(frame, "C", 2025)))
    assert "per jaar, miljoen: 2016 +0,3; 2017 +2,9; medio 2020 +0,5" in dutch
    assert "(9 december 2020)" in dutch and "Global Trends 2015–2019 (juni 2016–juni 2020)" in dutch


def test_a_title_in_a_script_the_font_cannot_show_is_named_by_its_language():
    title = "数字で見る難民情勢 (2019年) – UNHCR Japan (unhcr.org/jp/global_trends_2019)"
    assert tables.readable_title(title) == (
        "UNHCR Japan (unhcr.org/jp/global_trends_2019), a page in Japanese"
    )
    assert tables.readable_title("Global Trends 2019") == "Global Trends 2019"
    with i18n.using("nl"):
        assert tables.readable_title(title).endswith("een pagina in het Japans")


def test_what_a_verdict_rests_on_is_said_under_it_and_in_the_summary():
    basis = {
        "basis": "The verdict rests on the figures for 2017, not the letter's 2018.",
        "basis_nl": "Het oordeel rust op de cijfers over 2017, niet over 2018.",
    }
    row = _assessed(claim_id="C14", **basis)
    page = tables.claims_table(row, "Global displacement", 2025)
    assert "What the verdict rests on:</em> The verdict rests on the figures for 2017" in page
    assert "rests on the figures for 2017" in tables.ledger_frame(row, 2025).iloc[0, 14]
    with i18n.using("nl"):
        dutch = tables.claims_table(row, "Wereldwijde ontheemding", 2025)
    assert "Waarop het oordeel rust:</em> Het oordeel rust op de cijfers over 2017" in dutch
    assert "What the verdict" not in tables.claims_table(_assessed(), "Global", 2025)
    frame = pd.concat([row, _assessed(claim_id="C23", **basis), _assessed()], ignore_index=True)
    text = narrative.claims_summary(frame, 2025)
    assert "The verdicts on C14 and C23 rest on a figure of another year" in text
