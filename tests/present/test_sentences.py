"""Generated sentences and charts agree with their tables: the parts a sentence lists add
up to its total, a table row shows its own year's budget, rankings say where UNRWA
refugees drive the order, and a chart title's figure is written in the chart. Each case
is a hand-made frame on which the old code wrote the wrong sentence."""

from __future__ import annotations

import re

import matplotlib.pyplot as plt
import pandas as pd

from displacement_report import i18n
from displacement_report.analysis import spending
from displacement_report.analysis.headline import COMPONENTS, TOTAL
from displacement_report.analysis.joins import Joined
from displacement_report.present import vocabulary
from displacement_report.present.charts import kinds
from displacement_report.present.narrative import global_picture, hosting_and_origins, technical
from displacement_report.present.narrative import protracted_and_solutions as solutions_text
from displacement_report.present.narrative import spending as spending_text


def _comparison(oip: float) -> pd.DataFrame:
    now = {
        "refugees": 28.5e6,
        "unrwa_refugees": 6.0e6,
        "asylum_seekers": 9.0e6,
        "oip": oip,
        "idps": 68.7e6,
    }
    now[TOTAL] = sum(now.values())
    frame = pd.DataFrame({2025: now, 2019: now})
    frame["change"] = 0.0
    frame["change_pct"] = 0.0
    return frame


def test_the_parts_named_in_chapter_one_add_up_to_the_total():
    text = global_picture.headline_paragraph(_comparison(7.2e6), 2025, 2025)
    # 28.5 + 6.0 + 9.0 + 7.2 + 68.7 = 119.4 million; the old sentence left out the 7.2
    assert "**119.4 million**" in text
    assert "7.2 million were other people in need of international protection" in text
    named = [float(x) for x in re.findall(r"(\d+\.\d) million", text.split("Of these, ")[1])]
    refugees_all, unhcr, unrwa, *rest = named
    assert refugees_all == unhcr + unrwa
    assert round(refugees_all + sum(rest), 1) == 119.4
    assert set(COMPONENTS) == {"refugees", "unrwa_refugees", "asylum_seekers", "oip", "idps"}


def test_a_year_without_others_in_need_of_protection_does_not_name_them():
    text = global_picture.headline_paragraph(_comparison(0.0), 2025, 2025)
    assert "other people in need" not in text


def test_a_budget_row_is_never_another_years_budget():
    amounts = pd.DataFrame(
        {
            "amount_id": ["A1", "A2", "A3"],
            "reference_id": ["letter", "F1", "F2"],
            "topic": [spending.OIR_LINE] * 3,
            "amount": [128e6, 128e6, 135.5e6],
            "unit": ["EUR"] * 3,
            "amount_kind": ["budget_draft", "budget_draft", "budget_supplementary_2"],
            "period_start": [2021] * 3,
            "period_end": [2021] * 3,
        }
    )
    budget = spending.budget_for_ratios(amounts)
    # the old code also gave 2019, the year of the letter's statistics, the 2021 budget
    assert budget.to_dict() == {2021: 135.5e6}
    hosted = pd.DataFrame(
        {"refugees": [1e6, 2e6], "asylum_seekers": [1e5, 1e5], "unrwa_refugees": [0, 5e5]},
        index=pd.Index([2019, 2021], name="year"),
    )
    table = spending.eur_per_person(budget, hosted)
    text = spending_text.per_person_paragraph(table, 8)
    assert "The line's 2021 budget (EUR 135.5 million" in text
    assert "end of 2021" in text and "2019" not in text
    assert "EUR 68 per refugee" in text  # 135.5 million / 2 million, by hand


def test_a_per_inhabitant_ranking_says_where_unrwa_refugees_drive_the_order():
    table = pd.DataFrame(
        {
            "iso3": ["JOR", "LBN", "TUR", "UGA"],
            "country": ["Jordan", "Lebanon", "Türkiye", "Uganda"],
            "population": [11e6, 5.5e6, 85e6, 47e6],
            "refugees": [0.7e6, 0.6e6, 2.4e6, 1.9e6],
            "oip": [0, 0.2e6, 0, 0],
            "unrwa_refugees": [2.4e6, 0.5e6, 0, 0],
        }
    )
    protection = table["refugees"] + table["oip"]
    table["protection_per_1000"] = 1000 * protection / table["population"]
    table["protection_incl_unrwa_per_1000"] = (
        1000 * (protection + table["unrwa_refugees"]) / table["population"]
    )
    shown = table.sort_values("protection_incl_unrwa_per_1000", ascending=False).reset_index(
        drop=True
    )
    text = hosting_and_origins.unrwa_note(shown, table, 1_000_000)
    # Jordan: 282 per 1,000 with UNRWA refugees (1st); 64 without, 2nd after Lebanon (145)
    assert "Jordan (1st here, 2nd without them)" in text
    # Lebanon: 0.5 M UNRWA refugees against 0.6 M refugees and 0.2 M OIP, not most of them
    assert "Lebanon" not in text
    no_unrwa = shown[shown["iso3"].isin(["TUR", "UGA"])].reset_index(drop=True)
    assert hosting_and_origins.unrwa_note(no_unrwa, table, 1_000_000) == ""


def test_join_diagnostics_leave_the_chapter_for_the_technical_notes():
    joins = {"population": Joined(pd.DataFrame(), ("Unknown (UNK)",))}
    pointer = technical.unmatched_pointer(joins)
    assert "UNK" not in pointer and "technical notes" in pointer
    assert "No population for 1 country: Unknown \\(UNK\\)" in technical.joins_markdown(joins, 2025)
    assert technical.unmatched_pointer({"population": Joined(pd.DataFrame(), ())}) == ""


def test_the_income_shares_count_only_countries_without_an_income_group():
    """Six countries lack a population or GDP figure, two an income group: the line
    under the income shares names two, as the technical notes do for the report year
    (issue 24: '6 countries are left out' on p. 10 against 2 without an income group)."""
    income_2025 = Joined(pd.DataFrame(), ("Unknown (UNK)", "Venezuela (VEN)"))
    pointer = technical.income_share_pointer(income_2025, 2025)
    assert pointer.startswith("*At the end of 2025, 2 countries have no World Bank income group")
    assert "neither share" in pointer
    one = Joined(pd.DataFrame(), ("Unknown (UNK)",))
    assert "1 country has no" in technical.income_share_pointer(one, 2019)
    assert technical.income_share_pointer(Joined(pd.DataFrame(), ()), 2025) == ""
    # the technical notes count the same join the same way
    notes = technical.joins_markdown({"income group": income_2025}, 2025)
    assert "No income group for 2 countries" in notes


def test_a_table_of_some_countries_counts_only_its_own_lost_countries():
    joins = {
        "population": Joined(pd.DataFrame(), ("Kosovo (XKX)", "Aruba (ABW)")),
        "GDP": Joined(pd.DataFrame(), ("Aruba (ABW)", "Syrian Arab Rep. (SYR)")),
    }
    assert "3 countries are left out" in technical.unmatched_pointer(joins)
    assert "1 country is left out" in technical.unmatched_pointer(joins, among=("SYR", "JOR"))
    assert technical.unmatched_pointer(joins, among=("EGY", "JOR")) == ""


def test_the_solutions_title_figure_is_written_on_its_line():
    per_year = pd.DataFrame(
        {"returned_refugees_pct": [1.0, 13.0], "all_solutions_pct": [2.0, 14.66]},
        index=[2024, 2025],
    )
    title = solutions_text.solutions_title(per_year, 2025)
    fig = kinds.share_lines(
        per_year,
        {"all_solutions_pct": "All", "returned_refugees_pct": "Returned"},
        title,
        "%",
        "S",
        mark=solutions_text.solutions_mark(per_year, 2025),
    )
    written = {t.get_text() for t in fig.axes[0].texts}
    assert re.search(r"\d+\.\d%", title).group(0) in written
    plt.close(fig)


def test_budget_bars_carry_their_amounts():
    budget = pd.DataFrame(
        {"budget_draft": [167e6, 162e6, 304e6], "budget_supplementary_1": [None, 219e6, None]},
        index=[2021, 2022, 2023],
    )
    fig = kinds.budget_stages(budget, vocabulary.STAGE_NAMES, "t", "S")
    written = {t.get_text() for t in fig.axes[0].texts}
    assert {"167", "304", "219"} <= written
    plt.close(fig)


def test_a_bar_label_keeps_the_decimal_the_tables_print():
    """174.5 is labelled 174.5 (tables A.1 and 7.10 print it so), 167 stays 167;
    in Dutch 174,5."""
    budget = pd.DataFrame({"budget_supplementary_2": [174.5e6, 1_234.5e6, 167e6]})
    budget.index = [2021, 2022, 2023]
    fig = kinds.budget_stages(budget, vocabulary.STAGE_NAMES, "t", "S")
    assert {"174.5", "1,234.5", "167"} <= {t.get_text() for t in fig.axes[0].texts}
    plt.close(fig)
    with i18n.using("nl"):
        fig = kinds.budget_stages(budget, vocabulary.STAGE_NAMES, "t", "S")
    assert {"174,5", "1.234,5", "167"} <= {t.get_text() for t in fig.axes[0].texts}
    plt.close(fig)


def test_budget_stages_are_named_in_the_edition_s_language():
    budget = pd.DataFrame(
        {"budget_draft": [167e6], "budget_supplementary_1": [219e6]}, index=[2022]
    )
    with i18n.using("nl"):
        fig = kinds.budget_stages(budget, vocabulary.STAGE_NAMES, "t", "S")
    legend = [t.get_text() for t in fig.axes[0].get_legend().get_texts()]
    assert legend == [i18n.translations("nl").gettext(vocabulary.STAGE_NAMES[k]) for k in budget]
    assert not any("budget" in label.lower() for label in legend), legend  # no English left
    plt.close(fig)


def test_no_index_is_drawn_before_the_first_draft_budget():
    from displacement_report.present.narrative.spending import no_index_sentence

    assert no_index_sentence(2021, 2012) == (
        "The first draft budget of sub-article 4.2 in the data is that of 2021, after 2012: "
        "for this report year no index of budget and displacement can be drawn."
    )
    assert "No draft budget" in no_index_sentence(None, 2012)


def test_dutch_tick_labels_carry_a_decimal_comma():
    table = pd.DataFrame({"share": [12.5, 17.5, 20.0]}, index=[2019, 2020, 2021])
    with i18n.using("nl"):
        fig = kinds.share_lines(table, {"share": "Aandeel"}, "t", "%", "Bron: test")
        fig.canvas.draw()
        labels = [t.get_text() for t in fig.axes[0].get_yticklabels() if t.get_text()]
    assert any("," in label for label in labels), labels
    assert not any("." in label for label in labels), labels  # '17.5' would be English
    plt.close(fig)


def test_the_focus_countries_are_named_and_set_beside_the_letters():
    from displacement_report.present.narrative import focus_countries as words

    default = words.focus_section_intro(["EGY", "ETH", "IRQ", "JOR", "KEN", "LBN", "UGA", "SDN"])
    assert default.startswith("The eight focus countries of Dutch reception-in-the-region")
    assert "(Egypt, Ethiopia, Iraq, Jordan, Kenya, Lebanon, Uganda and Sudan)" in default
    assert "parameter" not in default
    assert "are others" in words.focus_section_intro(["TUR", "PAK"])
    assert "they are among the eight" in words.focus_section_intro(["JOR", "LBN"])
    assert "not all of them" in words.focus_section_intro(["JOR", "TUR"])
    with i18n.using("nl"):
        dutch = words.one_by_one_intro(["TUR", "PAK"])
    assert dutch.startswith("De focuslanden van dit rapport (Turkije en Pakistan): wie elk land")


def test_the_childrens_share_says_its_internally_displaced_are_unhcrs_not_idmcs(real_dir):
    """The share of children counts the IDPs of UNHCR's demographics table; every other
    IDP figure in the report is IDMC's, so the sentence says which it uses, and how many."""
    from displacement_report.analysis import demographics
    from displacement_report.data import unhcr
    from displacement_report.present.format import millions

    table = unhcr.load_demographics(real_dir)
    year = int(table["year"].max())
    profile = demographics.age_sex_profile(table, year)
    raw = pd.read_csv(real_dir / "demographics.csv", usecols=["year", "pop_type", "total"])
    idps = raw.loc[(raw["year"] == year) & (raw["pop_type"] == "IDP"), "total"].sum()
    assert profile.internally_displaced == idps > 0
    text = solutions_text.children_paragraph(profile, year, [year])
    assert f"The internally displaced among them ({millions(idps)}) are those UNHCR counts" in text
    assert "not IDMC's figure" in text
    with i18n.using("nl"):
        dutch = solutions_text.children_paragraph(profile, year, [year])
    assert "IDMC" in dutch and "UNHCR" in dutch
