"""Column widths set by content, the type size and page a wide table needs, and amounts
that never break over two lines: worked out by hand on small tables and sentences."""

from __future__ import annotations

import pandas as pd
import pytest

from displacement_report.present import table_layout
from displacement_report.present.exhibits import table_html
from displacement_report.present.table_layout import (
    COMPACT,
    LANDSCAPE,
    NORMAL,
    column_layout,
    lines,
    widths,
)
from displacement_report.present.typography import NO_BREAK_SPACE, amounts, unbroken
from tests.report.pdf_pages import rendered_table_width


def test_lines_wraps_words_at_the_width():
    assert lines("one two three", 7) == 2  # 'one two' | 'three'
    assert lines("one two three", 13) == 1
    assert lines("", 5) == 1


def test_a_narrow_table_keeps_its_natural_widths():
    assert column_layout(["Year", "People"], [["2019", "2020"], ["1,000", "2,000"]]) == (
        table_layout.ColumnLayout()
    )


def test_every_column_gets_at_least_its_longest_word_and_the_rest_by_need():
    header = ["A", "B"]
    long_text = " ".join(["word"] * 50)  # 249 characters, longest word 4
    columns = [["tiny"], [long_text]]
    # least: 4 + 2 and 4 + 2; most: 6 and 251; 100 characters of room, 88 to share:
    # all of it to the column that asks for more
    assert widths(header, columns, 100) == pytest.approx([6, 94])


def test_a_column_never_narrower_than_its_longest_word():
    header = ["Word", "Text"]
    columns = [["Internationalisation"], [" ".join(["x"] * 300)]]
    first, _second = widths(header, columns, 100)
    assert first >= len("Internationalisation") + table_layout.PADDING


def test_amounts_count_as_one_word():
    # 'EUR 27,100' cannot break, so the column is at least 10 characters and padding wide
    assert widths(["Cost"], [["EUR 27,100"]], 5) == [10 + table_layout.PADDING]


def _texts(n_columns: int, words: int) -> list[list[str]]:
    return [[" ".join(["abcdefgh"] * words)] for _ in range(n_columns)]


def test_a_table_too_tall_in_its_type_is_set_smaller_then_on_its_side():
    header = ["h"] * 4
    # 4 columns of 8-letter words: 25 characters each at 100 (23 without padding: two
    # words a line), 30 at 120 (28: three words a line)
    assert column_layout(header, _texts(4, 14)).setting == NORMAL  # 7 lines
    assert column_layout(header, _texts(4, 16)).setting == COMPACT  # 8 lines; 6 small
    assert column_layout(header, _texts(4, 44)).setting == COMPACT  # 22; 15 small
    assert column_layout(header, _texts(4, 48)).setting == LANDSCAPE  # 24; 16 small


def test_the_shares_add_up_to_the_whole_table():
    layout = column_layout(["a", "b", "c"], [["x " * 60], ["y " * 30], ["z"]])
    assert sum(layout.shares) == pytest.approx(100, abs=0.2)


def test_table_html_writes_the_widths_and_marks_a_compact_table():
    frame = pd.DataFrame({"Name": ["abcdefgh " * 20] * 2, "Other": ["abcdefgh " * 20] * 2})
    frame["Third"], frame["Fourth"] = frame["Name"], frame["Name"]
    page = table_html(frame, {}, "Long texts", "Source: a test")
    assert 'class="exhibit table-exhibit short-table compact"' in page
    assert 'class="report-table fitted"' in page
    # a quarter each, less each cell's padding (2 of the compact type's 120 characters):
    # CSS sets the content's width, and the padding comes on top
    assert "width: 23.3%" in page and "width: 25.0%" not in page


def test_the_content_widths_and_their_paddings_fill_the_table_exactly():
    layout = column_layout(
        ["Land", "Andere beschermingsbehoevenden", "Binnenlands ontheemden (IDMC)"] * 3,
        [["Ethiopië", "0", "2.378.000"]] * 9,
    )
    assert layout.padding > 0
    filled = sum(layout.content_shares()) + len(layout.shares) * layout.padding
    assert filled == pytest.approx(100, abs=0.5)


def test_amounts_keep_their_currency_and_unit():
    text = "ongeveer € 30.000 per jaar, € 1,3 miljard en 2.380,0 miljoen euro; 45.2 %"
    assert unbroken(text) == (
        "ongeveer €\u00a030.000 per jaar, €\u00a01,3\u00a0miljard en "
        "2.380,0\u00a0miljoen\u00a0euro; 45.2\u00a0%"
    )
    assert unbroken("about EUR 800.0 million and USD 5.6 billion, +8.0 million") == (
        "about EUR\u00a0800.0\u00a0million and USD\u00a05.6\u00a0billion, +8.0\u00a0million"
    )


def test_years_ids_and_words_are_left_alone():
    for text in ("in 2019 2,3 million", "C01 2019", "R004 million", "europa 5 europeanen"):
        kept = text.replace("2,3 million", "2,3\u00a0million")
        assert unbroken(text) == kept
    assert amounts("Table 7.13 and 10 years") == []
    assert NO_BREAK_SPACE not in unbroken("Table 7.13 and 10 years")


@pytest.mark.parametrize("language", ["en", "nl"])
def test_a_table_of_long_dutch_headers_keeps_to_the_page(language):
    """Table 1.4 of the Dutch edition ran past the page's edge: 'beschermingsbehoevenden'
    in bold is wider than its column's share, and the browser widened the table to fit it."""
    from displacement_report import i18n

    headers = {
        "en": [
            "Country",
            "Refugees (UNHCR)",
            "Palestine refugees (UNRWA)",
            "Asylum-seekers",
            "Other people in need of international protection",
            "Internally displaced (IDMC)",
            "Total",
        ],
        "nl": [
            "Land",
            "Vluchtelingen (UNHCR)",
            "Palestijnse vluchtelingen (UNRWA)",
            "Asielzoekers",
            "Andere beschermingsbehoevenden",
            "Binnenlands ontheemden (IDMC)",
            "Totaal",
        ],
    }[language]
    rows = [["Ethiopië", 1_010_466, 0, 112_987, 0, 2_378_000, 3_501_453]] * 8
    frame = pd.DataFrame(rows, columns=headers)
    formats = {h: (lambda v: f"{v:,}".replace(",", ".")) for h in headers[1:]}
    with i18n.using(language):
        table = table_html(frame, formats, "Opgevangen in de focuslanden", "Bron: test")
    width, room = rendered_table_width(table, language)
    assert width <= room + 0.5, (width, room)
