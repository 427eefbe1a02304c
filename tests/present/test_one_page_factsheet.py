"""The one-page factsheet of a host UNHCR records almost nobody in: its sentences on
hand-made figures (English and Dutch), and the page itself."""

from __future__ import annotations

import pandas as pd

from displacement_report import i18n
from displacement_report.analysis.key_figures import ALMOST_NOBODY, KeyFigure, Largest
from displacement_report.present.narrative import country_profile as words
from displacement_report.present.tables import country_profile as tables

TILES = [
    KeyFigure("refugees", 2025, 5, 5),
    KeyFigure("asylum_seekers", 2025, 0, 0),
    KeyFigure("oip", 2025, None, None, "not_recorded", "not_recorded"),
]
ORIGINS = pd.DataFrame(
    {"iso3": ["CUB"], "country": ["Cuba"], "refugees": [5], "asylum_seekers": [0], "oip": [0]}
).assign(total=5)


def test_the_sentences_give_the_figures_there_are_and_the_largest_ever():
    said = words.almost_nobody_sentences(
        TILES, Largest("oip", 2021, 60), "Saint Kitts and Nevis", 2000, 2025, 100, ORIGINS
    )
    assert said == (
        "At the end of 2025, UNHCR's statistics record 5 refugees under UNHCR's mandate in "
        "Saint Kitts and Nevis. The refugees, asylum-seekers and others in need of "
        "international protection among them came from Cuba (5). From 2000 to 2025, no "
        "group numbered 100 people or more in any year; the most was 60 other people in "
        "need of international protection in 2021. With so few people recorded, this "
        "factsheet gives its figures in these sentences instead of charts and tables."
    )
    assert "0 asylum-seekers" not in said  # a zero is not one of the figures there are


def test_nobody_at_all_is_said_once_without_a_largest_figure():
    nobody = [KeyFigure("refugees", 2025, None, None, "not_recorded", "not_recorded")]
    said = words.almost_nobody_sentences(nobody, None, "Niue", 2000, 2025, ALMOST_NOBODY)
    assert said.startswith(
        "At the end of 2025, UNHCR's statistics record nobody hosted in or displaced "
        "inside Niue. They record nobody there in any year from 2000 to 2025 either."
    )


def test_the_dutch_sentences_have_no_english_left():
    with i18n.using("nl"):
        said = words.almost_nobody_sentences(
            TILES, Largest("oip", 2021, 60), "Saint Kitts en Nevis", 2000, 2025, 100, ORIGINS
        )
    assert said.startswith("Eind 2025 ")
    assert "Cuba (5)" in said and "2021" in said and "100" in said
    for english in ("statistics", "the most", "factsheet gives", "in need of"):
        assert english not in said


def test_the_page_has_no_tile_and_no_empty_sentence():
    page = tables.almost_nobody_html(["One.", "", "Two."], "Niue", 2025, "Source: UNHCR")
    assert "<li" not in page and "<table" not in page
    assert page.count('class="profile-note"') == 2
    assert "People hosted in or displaced inside Niue, end of 2025" in page
