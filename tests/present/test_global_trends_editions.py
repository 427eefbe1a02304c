"""Global Trends editions are named so that no reader takes the title's year for the year
of publication: the edition of year N reports end-N figures and appears in June of N+1,
and what the report says an edition began agrees with the headlines it published."""

from __future__ import annotations

import re

import pandas as pd

from displacement_report import i18n
from displacement_report.analysis.headline import OIP_EDITION
from displacement_report.data.claims import load_ledger, load_published_headlines
from displacement_report.present.format import global_trends_edition
from displacement_report.present.narrative import global_picture as global_narrative
from displacement_report.present.tables import global_picture as global_tables


def _years_described(words: str) -> set[int]:
    """The years whose published headlines use `words` for a measure."""
    headlines = load_published_headlines()
    published = headlines[headlines["topic"] == "GT_published"]
    years = published.loc[published["description"].str.contains(words, case=False), "period"]
    return {int(year) for year in pd.to_numeric(years)}


def _first_year_described(words: str) -> int:
    return min(_years_described(words))


def test_an_edition_says_the_figures_year_and_the_month_it_appeared():
    assert global_trends_edition(2022) == (
        "Global Trends 2022 (end-2022 figures, published in June 2023)"
    )
    with i18n.using("nl"):
        assert global_trends_edition(2022) == (
            "Global Trends 2022 (cijfers van eind 2022, verschenen in juni 2023)"
        )


def test_the_ranking_edition_is_the_first_to_publish_other_people_in_need_of_protection():
    """Before that edition Global Trends counted 'Venezuelans displaced abroad'."""
    assert _first_year_described("other people in need of international protection") == (
        OIP_EDITION
    )
    assert _first_year_described("Venezuelans displaced abroad") < OIP_EDITION


def test_the_low_and_middle_income_edition_named_in_the_ledger_is_the_first_to_use_it():
    label = load_ledger().set_index("claim_id").loc["C08", "second_label"]
    named = int(re.search(r"since Global Trends (\d{4}) \(end-\1 figures", label).group(1))
    # the 'developing countries' share ran to the edition before (a summary of the
    # 2015 edition wrote 'low- and middle-income' once; the shares after it did not)
    last_developing = max(_years_described("hosted by developing"))
    assert named == min(
        _years_described("low- and middle-income") - set(range(last_developing + 1))
    )
    assert named == last_developing + 1
    assert f"published in June {named + 1}" in label


def _ranked() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "iso3": ["COL"],
            "country": ["Colombia"],
            "refugees": [1464],
            "oip": [2810778],
            "total": [2812242],
            "refugee_rank": pd.array([119], dtype="Int64"),
        }
    )


def test_the_rankings_name_the_edition_unambiguously_in_both_languages():
    edition = f"Global Trends {OIP_EDITION} (end-{OIP_EDITION} figures, published in June"
    caption = global_tables.ranking_table(_ranked(), "host", 2025, "Source: test")
    assert f"as UNHCR has ranked them since {edition} {OIP_EDITION + 1})" in caption
    paragraph = global_narrative.ranking_paragraph(_ranked(), _ranked(), 2025)
    assert f"since {edition} {OIP_EDITION + 1})" in paragraph
    assert "edition)" not in caption + paragraph and "its 2022" not in paragraph
    with i18n.using("nl"):
        dutch = global_tables.ranking_table(_ranked(), "origin", 2025, "Bron: test")
        older = global_narrative.ranking_paragraph(_ranked(), _ranked(), 2012)
    cited = f"Global Trends {OIP_EDITION} (cijfers van eind {OIP_EDITION}, verschenen in juni"
    assert cited in dutch and cited in older
    assert "editie van" not in dutch + older
