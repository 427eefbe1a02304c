"""Reader-facing number formatting and table escaping."""

from __future__ import annotations

import pandas as pd
import pytest

from displacement_report import i18n
from displacement_report.analysis import headline
from displacement_report.present import exhibits
from displacement_report.present import format as fmt


def test_counts_millions_and_percentages():
    assert fmt.count(20414669) == "20,414,669"
    assert fmt.millions(20414669) == "20.4 million"
    assert fmt.millions(119254738) == "119.3 million"
    assert fmt.millions(950) == "950"
    assert fmt.in_millions(5629829) == "5.6"
    assert fmt.signed_in_millions(334953) == "+0.3"
    assert fmt.percent(52.1547) == "52.2%"
    assert fmt.signed_percent(-3.04) == "−3.0%"  # a typeset minus (U+2212), not a hyphen
    assert fmt.count(float("nan")) == "–"


def test_tables_escape_cell_text_and_carry_the_source():
    frame = pd.DataFrame({"Country": ["<script>alert(1)</script>"], "n": [1234]})
    html = exhibits.table_html(frame, {"n": fmt.count}, "Caption <b>", "Source: UNHCR & co")
    assert "<script>" not in html
    assert "&lt;script&gt;" in html
    assert "1,234" in html
    assert "Caption &lt;b&gt;" in html
    assert '<p class="source-line">Source: UNHCR &amp; co</p>' in html


def test_markdown_escaping_keeps_names_inert():
    from displacement_report.present.format import escape_markdown

    assert (
        escape_markdown("Bolivia (Plurinational State of)")
        == "Bolivia \\(Plurinational State of\\)"
    )
    assert escape_markdown("<img src=x onerror=alert(1)>").startswith("&lt;img")
    assert escape_markdown("**bold** [link](http://x)") == (
        "\\*\\*bold\\*\\* \\[link\\]\\(http://x\\)"
    )


def test_million_ticks_print_every_tick_exactly():
    from displacement_report.present.charts.axes import millions_formatter

    formatter = millions_formatter()
    assert formatter.format_ticks([0, 5e5, 1e6, 1.5e6]) == ["0.0", "0.5", "1.0", "1.5"]
    # steps of 0.25 million: one decimal would print 0.2, 0.5, 0.8 (a profile chart did)
    assert formatter.format_ticks([0, 2.5e5, 5e5, 7.5e5]) == ["0.00", "0.25", "0.50", "0.75"]
    assert formatter.format_ticks([0, 40e6, 80e6, 120e6]) == ["0", "40", "80", "120"]


def test_a_long_source_line_wraps_instead_of_widening_the_chart(tmp_path):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from displacement_report.present import style

    fig, ax = plt.subplots(figsize=(6.7, 3.8))
    ax.plot([0, 1], [0, 1])
    style.add_source(fig, "Sources: " + "a very long document title; " * 30)
    _svg, png = exhibits.save(fig, "wide", tmp_path)
    from PIL import Image

    width_px, _ = Image.open(png).size
    assert width_px <= 6.9 * 200  # savefig.dpi is 200 in the report style; not widened


def test_chart_titles_state_computed_findings():
    import pandas as pd

    from displacement_report.present.narrative import protracted_and_solutions, spending

    per_year = pd.DataFrame({"all_solutions_pct": [14.66]}, index=[2025])
    assert protracted_and_solutions.solutions_title(per_year, 2025) == (
        "Durable solutions reached 14.7% of refugees in 2025"
    )
    budget = pd.DataFrame(
        {"budget_draft": [167e6, 304e6], "budget_supplementary_2": [174.5e6, None]},
        index=[2021, 2023],
    )
    assert spending.budget_stages_title(budget) == (
        "Sub-article 4.2: EUR 167 million (2021, first stage) to "
        "EUR 304 million (2023, last stage found)"
    )


def test_a_share_short_of_all_or_above_none_never_reads_as_all_or_none():
    assert fmt.percent(99.96) == "99.9%" and fmt.percent(99.96, 0) == "99%"
    assert fmt.percent(100) == "100.0%" and fmt.percent(99.94) == "99.9%"
    assert fmt.percent(0.04) == "0.1%" and fmt.percent(0) == "0.0%"
    assert fmt.percent(150.0) == "150.0%"


def test_money_is_written_alike_in_every_chapter():
    """One helper for a currency: the spending chapter wrote 'EUR 128 miljoen' where the
    costs chapter wrote '€ 128 miljoen'."""
    from displacement_report import i18n

    with i18n.using("nl"):
        assert fmt.money(135.5e6, "EUR") == "€ 135,5 miljoen"
        assert fmt.money(5.6e9, "USD") == "US$ 5,6 miljard"
        assert fmt.in_currency("27.100", "EUR") == "€ 27.100"
        assert fmt.in_currency("800,0", "GBP", fmt.MILLIONS) == "GBP 800,0 miljoen"
    assert fmt.money(135.5e6, "EUR") == "EUR 135.5 million"
    assert fmt.in_currency("29.3", "USD", fmt.BILLIONS) == "USD 29.3 billion"
    assert fmt.in_currency("12", "GBP") == "GBP 12"


# --- numbers as a reader writes them (issue 23, section 5) -----------------------------


def test_a_change_never_carries_a_sign_when_it_rounds_to_zero():
    assert fmt.signed_in_millions(-12_000) == "0.0"  # 12.13 M to 12.12 M: not '-0.0'
    assert fmt.signed_in_millions(40_000) == "0.0"  # not '+0.0'
    assert fmt.signed_in_millions(-60_000) == "−0.1"
    assert fmt.signed_percent(-0.04) == "0.0%"
    assert fmt.signed_percent(0.04) == "0.0%"  # not lifted to '+0.1%' either
    assert fmt.signed_percent(5.9) == "+5.9%"
    assert fmt.signed_percent(float("nan")) == "–"


def test_a_change_column_agrees_with_the_printed_figures():
    # UNRWA refugees 2019 to 2025: 5,644,000 -> 5,975,000 reads 5.6 -> 6.0, so +0.4
    before, after = 5_644_000, 5_975_000
    assert (fmt.in_millions(before), fmt.in_millions(after)) == ("5.6", "6.0")
    assert fmt.signed_in_millions(after - before) == "+0.3"  # exact, but not what one reads
    assert fmt.signed_in_millions(fmt.rounded_change(before, after)) == "+0.4"
    assert fmt.signed_in_millions(fmt.rounded_change(12_130_000, 12_120_000)) == "0.0"
    assert pd.isna(fmt.rounded_change(float("nan"), 1_000_000))


def test_amounts_per_person_are_whole_euros():
    assert fmt.whole_amount(2_080.25, "EUR") == "EUR 2,080"
    assert fmt.whole_amount(19_809.88, "EUR") == "EUR 19,810"
    assert fmt.whole_amount(76.5, "EUR") == "EUR 77"  # halves round up
    with i18n.using("nl"):
        assert fmt.whole_amount(2_080.25, "EUR") == "€ 2.080"
        assert fmt.whole_amount(396.2, "USD") == "US$ 396"


def test_billions_are_billions_and_no_amount_carries_a_pointless_decimal():
    assert fmt.money(800e6, "EUR") == "EUR 800 million"
    assert fmt.money(135.5e6, "EUR") == "EUR 135.5 million"
    assert fmt.money(2_380e6, "EUR") == "EUR 2.38 billion"
    assert fmt.money(2_700e6, "EUR") == "EUR 2.7 billion"
    assert fmt.money(1_073_712_000, "EUR", 3) == "EUR 1.074 billion"  # a reference table
    with i18n.using("nl"):
        assert fmt.money(800e6, "EUR") == "€ 800 miljoen"
        assert fmt.money(2_380e6, "EUR") == "€ 2,38 miljard"
        assert fmt.money(5.6e9, "USD") == "US$ 5,6 miljard"
    assert fmt.millions_digits(800e6, 749e6) == 0
    assert fmt.millions_digits(800e6, 606.3e6) == 1


def test_a_group_that_did_not_exist_yet_shows_a_dash_not_zero():
    """Other people in need of international protection are counted from 2018: the
    2001 table has no figure for them, and no change."""
    from displacement_report.present.tables import global_picture

    comparison = pd.DataFrame(
        {2000: [12_130_000, 0, 38_100_000], 2001: [12_120_000, 0, 42_000_000]},
        index=["refugees", "oip", headline.TOTAL],
    )
    comparison["change"] = comparison[2001] - comparison[2000]
    comparison["change_pct"] = [-0.08, float("nan"), 10.2]
    page = global_picture.comparison_table(comparison, 2000, 2001, "Source: UNHCR")
    cells = [[td.get_text() for td in tr.find_all("td")] for tr in _rows(page)]
    assert cells[0][1:] == ["12.1", "12.1", "0.0", "−0.1%"]  # no "−0.0"
    assert cells[1][1:] == ["–", "–", "–", "–"]  # not '0.0' and '+0.0'
    assert "computed from the exact counts" in page  # the note under the table


def _rows(page: str):
    from bs4 import BeautifulSoup

    return BeautifulSoup(page, "html.parser").find("tbody").find_all("tr")


def test_the_focus_table_of_2001_has_no_zeros_for_groups_without_a_figure():
    """2001: no OIP (counted from 2018) and no IDPs by country (IDMC gave only a world
    total before 2009): words in their columns, not 0, and the codes stay in the CSV only."""
    from displacement_report.present.tables import global_picture

    focus = pd.DataFrame(
        {
            "refugees": [2_198_792],
            "unrwa_refugees": [0],
            "asylum_seekers": [575],
            "oip": [0],
            "idps": [0],
            headline.TOTAL: [2_199_367],
        },
        index=pd.Index(["PAK"], name="iso3"),
    )
    page = global_picture.focus_table(
        focus, {"PAK": "Pakistan"}, 2001, "Source: UNHCR", idps_known=False
    )
    cells = [td.get_text() for td in _rows(page)[0].find_all("td")]
    assert cells == [
        "Pakistan",
        "2,198,792",
        "0",
        "575",
        "not counted yet",
        "no country figure",
        "2,199,367",
    ]
    assert "PAK" not in page


@pytest.mark.parametrize(("language", "expected"), [("en", "−32.2%"), ("nl", "−32,2%")])
def test_changes_on_the_page_carry_a_typeset_minus_in_both_editions(language, expected):
    """Babel writes a hyphen-minus ('-32.2%'); the page sets the minus sign (U+2212),
    as wide as the '+' of a rise; a rise and a number that is not a change keep theirs."""
    with i18n.using(language):
        assert fmt.signed_percent(-32.24) == expected
        assert fmt.signed_in_millions(-2_000_000) == ("−2.0" if language == "en" else "−2,0")
        assert fmt.signed_percent(1.1).startswith("+")
    assert fmt.typeset_minus("-207,415") == "\u2212207,415"
    assert fmt.typeset_minus("2015-2020") == "2015-2020"  # only a leading sign
