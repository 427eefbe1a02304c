"""The factsheet of the Palestinian territories: Palestine refugees in their own
territory are not 'hosted'; their overlap with the people displaced inside is drawn side
by side, never stacked to a total; the Palestine refugees under UNRWA's mandate outside
the territories are its people abroad, apart from the refugees under UNHCR's mandate.
Hand-made frames, and UNRWA's real table read with pandas alone."""

from __future__ import annotations

from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd
from bs4 import BeautifulSoup

from displacement_report import i18n
from displacement_report.analysis import abroad, headline
from displacement_report.data import unhcr
from displacement_report.present.charts import global_picture as charts
from displacement_report.present.narrative import country_profile as words
from displacement_report.present.tables import country_profile as tables


def _unrwa() -> pd.DataFrame:
    rows = [
        (2025, "PSE", "PSE", "State of Palestine", 2_000),
        (2025, "PSE", "JOR", "Jordan", 900),
        (2025, "PSE", "LBN", "Lebanon", 100),
        (2025, "PSE", "UNK", "Unknown", 300),
        (2025, "PSE", "SYR", "Syrian Arab Rep.", 200),
        (2024, "PSE", "LBN", "Lebanon", 400),
    ]
    frame = pd.DataFrame(rows, columns=["year", "coo_iso", "coa_iso", "coa_name", "total"])
    return frame.astype({"total": "Int64"})


def test_unrwa_s_refugees_outside_by_field_and_the_unknown_host_last():
    table = abroad.unrwa_abroad(_unrwa(), "PSE", 2025)
    assert table["iso3"].tolist() == ["JOR", "SYR", "LBN", "UNK"]
    assert table["people"].tolist() == [900, 200, 100, 300]
    assert abroad.unrwa_abroad(_unrwa(), "JOR", 2025).empty  # UNRWA counts none from it


def test_the_sentence_and_table_keep_unrwa_s_refugees_apart_and_add_up():
    table = abroad.unrwa_abroad(_unrwa(), "PSE", 2025)
    with i18n.using("en"):
        name = i18n.country_name("PSE", "State of Palestine")
        text = words.unrwa_abroad_sentence(table, name, 2025)
        html = tables.unrwa_abroad_table(table, name, 2025, "Source: x")
    # the 300 without a host are named after the sum, not in it: their host may be the
    # territories themselves
    assert text == (
        "Palestine refugees under UNRWA's mandate are counted apart: at the end of 2025, "
        "UNRWA counted 1,200 outside the Palestinian territories: 900 in Jordan, 200 in "
        "Syria and 100 in Lebanon. UNRWA's table gives no host territory for a further 300."
    )
    cells = [td.get_text() for td in BeautifulSoup(html, "html.parser").find_all(["th", "td"])]
    total = cells.index("Total")
    assert cells[total + 1] == "1,200"
    assert cells[total + 2 :] == ["No host territory given (not in the total)", "300"]
    assert "1,500" not in html
    with i18n.using("nl"):
        dutch = words.unrwa_abroad_sentence(table, "Palestijnse gebieden", 2025)
    assert "buiten de Palestijnse gebieden: 900 in Jordanië" in dutch
    assert words.unrwa_abroad_sentence(table.iloc[0:0], "Jordan", 2025) == ""


def test_the_page_does_not_call_refugees_in_their_own_territory_hosted():
    with i18n.using("en"):
        name = i18n.country_name("PSE", "State of Palestine")
        said = [
            words.tiles_heading(name, 2025, at_home=True),
            words.history_title(name, at_home=True),
        ]
        assert words.tiles_heading("Jordan", 2025).startswith("People hosted in")
    assert said == [
        "Palestine refugees and people displaced inside the Palestinian territories, end of 2025",
        "Palestine refugees and people displaced inside the Palestinian territories, by group",
    ]
    with i18n.using("nl"):
        dutch = words.tiles_heading("Palestijnse gebieden", 2025, at_home=True)
    assert dutch == (
        "Palestijnse vluchtelingen en ontheemden binnen de Palestijnse gebieden, eind 2025"
    )


def test_overlapping_groups_stand_side_by_side_so_no_bar_is_their_sum():
    years = pd.Index(range(2021, 2026), name="year")
    frame = pd.DataFrame(0, index=years, columns=list(headline.COMPONENTS), dtype="Int64")
    frame["unrwa_refugees"] = 2_400_000
    frame.loc[2023:, "idps"] = 2_000_000
    frame[headline.TOTAL] = frame[list(headline.COMPONENTS)].sum(axis=1)
    fig = charts.displacement_trend(frame, "t", "Source: x", size=(6.7, 2.1), side_by_side=True)
    (ax,) = fig.axes
    bars = [p for p in ax.patches if p.get_height() > 0]
    tops = {round(p.get_y() + p.get_height()) for p in bars}
    assert tops == {2_400_000, 2_000_000}  # never 4.4 million
    assert {round(p.get_y()) for p in bars} == {0}
    # the two bars of a year beside each other, not on top of each other
    in_2025 = sorted(p.get_x() for p in bars if 2024.5 < p.get_x() + p.get_width() / 2 < 2025.5)
    assert len(in_2025) == 2 and in_2025[1] - in_2025[0] >= bars[0].get_width() - 1e-9
    assert ax.get_ylim()[1] < 4_000_000
    plt.close(fig)


def test_unrwa_s_refugees_outside_the_territories_on_the_real_table(real_dir: Path):
    """Every field of UNRWA's table for origin PSE outside the territories, as pandas
    reads unrwa.csv, and their sum in the sentence."""
    raw = pd.read_csv(real_dir / "unrwa.csv", keep_default_na=False, na_values=[""])
    year = int(raw["year"].max())
    rows = raw[(raw["year"] == year) & (raw["coo_iso"] == "PSE") & (raw["coa_iso"] != "PSE")]
    expected = rows.groupby("coa_iso")["total"].sum()
    table = abroad.unrwa_abroad(unhcr.load_unrwa(real_dir), "PSE", year)
    assert table.set_index("iso3")["people"].sort_index().to_dict() == {
        k: int(v) for k, v in expected.sort_index().items() if v > 0
    }
    assert {"JOR", "LBN", "SYR"} <= set(table["iso3"])
    with i18n.using("en"):
        text = words.unrwa_abroad_sentence(table, "Palestinian territories", year)
    known = expected.drop("UNK", errors="ignore")
    assert f"UNRWA counted {int(known.sum()):,} outside the Palestinian territories" in text
    if "UNK" in expected:
        assert f"gives no host territory for a further {int(expected['UNK']):,}." in text
    assert f"{int(expected['JOR']):,} in Jordan" in text


def test_unhcr_s_refugees_abroad_are_named_as_such_beside_unrwa_s():
    destinations = pd.DataFrame(
        {
            "iso3": ["BEL"],
            "country": ["Belgium"],
            "refugees": [10],
            "asylum_seekers": [5],
            "oip": [pd.NA],
            "total": [15],
        }
    )
    people = pd.Series({"refugees": 10, "asylum_seekers": 5, "oip": pd.NA}, dtype="Int64")
    with i18n.using("en"):
        apart = words.abroad_sentences(people, destinations, "Palestinian territories", 2025, True)
        alone = words.abroad_sentences(people, destinations, "Syria", 2025)
    assert apart.startswith("At the end of 2025, 10 refugees under UNHCR's mandate and 5 asylum")
    assert "from the Palestinian territories were abroad, in Belgium (15)." in apart
    assert alone.startswith("At the end of 2025, 10 refugees and 5 asylum-seekers from Syria")
