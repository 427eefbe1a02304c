"""Fixes from a reader's review of the factsheets (JOR, LBN, PSE, SDN, SYR, MLT): the
opening paragraph says each change of what it is about, on hand-made frames."""

from __future__ import annotations

import pandas as pd

from displacement_report import i18n
from displacement_report.analysis import headline
from displacement_report.present.narrative.focus_countries import profile_paragraph


def _over_time(rows: dict[int, dict[str, object]]) -> pd.DataFrame:
    frame = pd.DataFrame.from_dict(rows, orient="index")
    frame = frame.reindex(columns=list(headline.COMPONENTS)).astype("Int64")
    frame[headline.TOTAL] = frame.sum(axis=1, min_count=1).astype("Int64")
    return frame.rename_axis("year")


def test_the_change_of_the_people_hosted_follows_them_not_the_idmc_sentence():
    """Jordan: no IDMC figure; 'That is ... fewer' spoke of the sentence on IDMC."""
    jordan = _over_time(
        {
            2019: {"refugees": 693_668, "unrwa_refugees": 2_272_411, "asylum_seekers": 80_000},
            2025: {"refugees": 436_226, "unrwa_refugees": 2_398_179, "asylum_seekers": 8_068},
        }
    )
    text = profile_paragraph(jordan, "Jordan", 2019, 2025)
    sentences = text.split(". ")
    assert sentences[1].startswith("That is 6.7% fewer than at the end of 2019")
    assert text.endswith("IDMC gives no figure for people displaced inside the country in 2025.")


def test_most_palestine_refugees_is_said_of_the_people_hosted_not_of_the_idps():
    """Syria: 6.3 million in all, 6.0 million of them IDPs; UNRWA's 357,985 are most of
    the people hosted from abroad, not most of the total."""
    syria = _over_time(
        {
            2019: {"refugees": 16_213, "unrwa_refugees": 562_312, "idps": 6_568_000},
            2025: {"refugees": 9_885, "unrwa_refugees": 357_985, "idps": 5_964_000},
        }
    )
    text = profile_paragraph(syria, "Syria", 2019, 2025)
    assert "Most of them" not in text
    assert "Altogether that is 6.3 million people" in text
    assert text.index("Altogether") < text.index(
        "Most of the people it hosts from abroad are Palestine refugees"
    )


def test_the_opening_has_a_verb_and_names_the_refugees_who_left_to_go_home():
    """Lebanon 2025: the tile's fall of 223,474, the 465,578 refugees who left Lebanon
    to return home; the 5 who returned to Lebanon are too few for the opening."""
    from displacement_report.analysis.abroad import RETURNS_TO_MENTION
    from displacement_report.analysis.key_figures import KeyFigure
    from displacement_report.present.narrative import country_profile as words

    tiles = [
        KeyFigure("refugees", 2025, 535_168, 758_642),
        KeyFigure("unrwa_refugees", 2025, 228_274, 486_269),
    ]
    returns = pd.Series({"refugees": 5, "idps": pd.NA}, dtype="Float64")
    text = words.key_trends(tiles, returns, "Lebanon", 2025, 465_578, RETURNS_TO_MENTION)
    assert text == (
        "In 2025 the number of Palestine refugees under UNRWA's mandate in Lebanon fell by "
        "257,995 (−53.1%), the largest change in numbers that year. In 2025, 465,578 refugees left "
        "Lebanon to return home."
    )
    assert "returned to Lebanon" not in text  # 5 people: in the table on page 2 only
    with i18n.using("nl"):
        dutch = words.key_trends(tiles, returns, "Libanon", 2025, 465_578, RETURNS_TO_MENTION)
    assert dutch.startswith("In 2025 daalde het aantal Palestijnse vluchtelingen")  # capital P
    assert "verlieten 465.578 vluchtelingen Libanon" in dutch


def test_the_opening_names_every_group_in_its_total_and_others_only_where_counted():
    """Jordan's 2.8 million included 8,068 asylum-seekers the brackets left out, and
    'others in need of international protection' where UNHCR gives no such figure."""
    jordan = _over_time(
        {2025: {"refugees": 436_226, "unrwa_refugees": 2_398_179, "asylum_seekers": 8_068}}
    )
    text = profile_paragraph(jordan, "Jordan", 2025, 2025)
    assert text.startswith(
        "At the end of 2025, Jordan hosted 2.8 million refugees and asylum-seekers (436,226 "
        "refugees under UNHCR's mandate, 2.4 million Palestine refugees under UNRWA's mandate "
        "and 8,068 asylum-seekers)."
    )
    malta = _over_time({2025: {"refugees": 8_000, "asylum_seekers": 1_390, "oip": 306}})
    assert "others in need of international protection (8,000" in profile_paragraph(
        malta, "Malta", 2025, 2025
    )
    alone = _over_time({2025: {"refugees": 5}})
    assert profile_paragraph(alone, "X", 2025, 2025).startswith(
        "At the end of 2025, X hosted 5 refugees and asylum-seekers."
    )


def test_the_history_caption_names_a_later_year_without_an_idmc_figure():
    """Lebanon: no IDMC figure for 2022, between years with one; the caption named only
    the years before 2009."""
    from displacement_report.present.narrative import country_profile as words

    rows = {y: {"refugees": 1_000_000, "idps": 10_000} for y in range(2005, 2026)}
    for y in range(2005, 2009):
        rows[y]["idps"] = pd.NA
    rows[2022]["idps"] = pd.NA
    lebanon = _over_time(rows)
    caption = words.history_caption("Lebanon", lebanon)
    assert "(2005–2008 and 2022): no figure is not zero." in caption
    # Egypt: IDMC's figures only for 2014-2020; every year without one is named
    egypt = {y: {"refugees": 100_000, "idps": pd.NA} for y in range(2000, 2026)}
    for y in range(2014, 2021):
        egypt[y]["idps"] = 10_000
    assert "for the country (2000–2013 and 2021–2024): no figure" in words.history_caption(
        "Egypt", _over_time(egypt)
    )
    later = _over_time({y: r for y, r in rows.items() if y >= 2010})
    assert "figure for the country (2022)" in words.history_caption("Lebanon", later)
    rows[2025]["idps"] = pd.NA  # the last year: said by the tile, not a gap between years
    assert "2025)" not in words.history_caption("Lebanon", _over_time(rows))
