"""Country names and labels as the sentences of the factsheets put them: the article
('in Canada (16) and the United States (11)'), 'most in' only where the countries named
are not all of them, a label's capital kept where it is a people's name ('Palestine
refugees', 'Palestijnse vluchtelingen'), the per-inhabitant header saying what it counts.
Hand-made frames, and the real tables read with pandas alone."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from displacement_report import i18n
from displacement_report.analysis import abroad
from displacement_report.data import unhcr
from displacement_report.present.format import label_in_sentence
from displacement_report.present.narrative import country_profile as words
from displacement_report.present.tables import focus_countries as focus_tables


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("Refugees (UNHCR mandate)", "refugees (UNHCR mandate)"),
        ("Asylum-seekers", "asylum-seekers"),
        ("Other people in need of international protection", "other people in need of"),
        ("Palestine refugees (UNRWA mandate)", "Palestine refugees (UNRWA mandate)"),
        ("Palestijnse vluchtelingen (mandaat van UNRWA)", "Palestijnse vluchtelingen"),
        ("Vluchtelingen (mandaat van UNHCR)", "vluchtelingen (mandaat van UNHCR)"),
        ("IDPs (IDMC)", "IDPs (IDMC)"),
        ("COA locations", "COA locations"),
        ("", ""),
    ],
)
def test_only_a_common_noun_loses_its_capital_in_a_sentence(label, expected):
    assert label_in_sentence(label).startswith(expected)


def _destinations(rows: list[tuple[str, str, int]]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "iso3": [r[0] for r in rows],
            "country": [r[1] for r in rows],
            "refugees": [r[2] for r in rows],
            "asylum_seekers": [0] * len(rows),
            "oip": [pd.NA] * len(rows),
            "total": [r[2] for r in rows],
        }
    )


def _abroad(refugees: int) -> pd.Series:
    return pd.Series({"refugees": refugees, "asylum_seekers": 0, "oip": pd.NA}, dtype="Int64")


def test_the_countries_abroad_take_their_article_and_most_only_if_not_all():
    two = _destinations([("CAN", "Canada", 16), ("USA", "United States of America", 11)])
    with i18n.using("en"):
        all_of_them = words.abroad_sentences(_abroad(27), two, "Malta", 2025)
        most = words.abroad_sentences(_abroad(40), two, "Malta", 2025)
    assert all_of_them == (
        "At the end of 2025, 27 refugees from Malta were abroad, in Canada (16) and the "
        "United States (11)."
    )
    assert most.endswith("were abroad, most in Canada (16) and the United States (11).")
    with i18n.using("nl"):
        dutch = words.abroad_sentences(_abroad(27), two, "Malta", 2025)
    assert dutch.endswith("in het buitenland, in Canada (16) en de Verenigde Staten (11).")


def test_a_sentence_that_opens_with_a_plural_name_gets_its_capital_and_verb():
    settings = type("S", (), {"report_year": 2025, "protracted_threshold": 25000})()
    settings.protracted_years = 5
    with i18n.using("nl"):
        name = i18n.country_name("USA", "United States of America")
        text = words.no_protracted(name, settings)  # type: ignore[arg-type]
    assert text.startswith("De Verenigde Staten kenden eind 2025 geen langdurige")
    with i18n.using("en"):
        name = i18n.country_name("PSE", "State of Palestine")
        assert words.locator_caption(name) == "The Palestinian territories and their neighbours."
        assert words.locator_caption("Jordan") == "Jordan and its neighbours."


def test_the_origins_note_names_the_groups_without_a_colon():
    origins = pd.DataFrame(
        {
            "iso3": ["SYR"],
            "country": ["Syrian Arab Rep."],
            "refugees": [10],
            "asylum_seekers": [0],
            "oip": [0],
            "total": [10],
        }
    )
    with i18n.using("en"):
        html = focus_tables.origins_table(origins, "United States", 2025, "Source")
    assert (
        "None of the people from these origins is recorded as asylum-seekers or other people "
        "in need of international protection." in html
    )
    assert "the people the United States hosts under UNHCR" in html
    with i18n.using("nl"):
        html = focus_tables.origins_table(origins, "Palestijnse gebieden", 2025, "Bron")
    assert "als asielzoekers of andere personen" in html and "geregistreerd als:" not in html
    assert "die de Palestijnse gebieden opvangen" in html


def test_the_per_inhabitant_header_says_incl_unrwa_only_where_unrwa_is_in_it():
    with i18n.using("en"):
        assert focus_tables.per_1000_header(False) == "Refugees per 1,000 inhabitants"
        assert focus_tables.per_1000_header(True) == "Refugees per 1,000 inhabitants (incl. UNRWA)"
        assert "in their own territory" in focus_tables.per_1000_header(True, at_home=True)
    with i18n.using("nl"):
        assert (
            focus_tables.per_1000_header(True) == "Vluchtelingen per 1.000 inwoners (incl. UNRWA)"
        )
        assert focus_tables.least_developed_header() == "Minst ontwikkeld land (VN)"


def test_malta_s_people_abroad_on_the_real_table(real_dir: Path):
    """The sentence on the real population table: the countries and numbers as pandas
    reads them, 'the United States' with its article, 'most' only if not all."""
    raw = pd.read_csv(real_dir / "population.csv", keep_default_na=False, na_values=[""])
    rows = raw[(raw["year"] == 2025) & (raw["coo_iso"] == "MLT") & (raw["coa_iso"] != "MLT")]
    people = rows[["refugees", "asylum_seekers", "oip"]].sum(axis=1, min_count=1)
    by_host = people.groupby(rows["coa_iso"]).sum().sort_values(ascending=False)
    by_host = by_host[by_host > 0]
    population = unhcr.load_population(real_dir)
    with i18n.using("en"):
        text = words.abroad_sentences(
            abroad.people_abroad(population, "MLT", 2025),
            abroad.main_destinations(population, "MLT", 2025),
            "Malta",
            2025,
        )
    named = by_host.head(3)
    assert ("most in" in text) == (named.sum() < by_host.sum())
    if "USA" in named.index:
        assert f"the United States ({int(named['USA']):,})" in text
    assert " United States" not in text.replace("the United States", "")


def test_without_a_figure_for_oip_the_notes_say_no_figure_not_nobody():
    # Jordan 2025: the tiles say "no figure" for other people in need of protection;
    # the notes under page 2's tables and the pyramid's caption must not count them in,
    # nor say that nobody is recorded as such (a reader's finding)
    from displacement_report.analysis.demographics import Pyramid
    from displacement_report.present.narrative import country_profile as words

    origins = pd.DataFrame(
        {
            "iso3": ["SYR"],
            "country": ["Syrian Arab Rep."],
            "refugees": [420_835],
            "asylum_seekers": [0],
            "oip": [0],
            "total": [420_835],
        }
    )
    with i18n.using("en"):
        html = focus_tables.origins_table(origins, "Jordan", 2025, "Source", oip=False)
        note = words.section_note("neighbours", oip=False)
        pyramid = Pyramid("JOR", 2025, pd.DataFrame({"female": [60], "male": [40]}), 100)
        caption = words.pyramid_caption(pyramid, "Jordan", oip=False)
        with_oip = words.pyramid_caption(pyramid, "Jordan")
    assert "None of the people from these origins is recorded as asylum-seekers." in html
    assert "no figure for other people in need of international protection in Jordan" in html
    assert note.startswith("Refugees from a bordering country") and "OIP" not in note
    assert caption.startswith("Refugees and asylum-seekers in Jordan by age and sex")
    assert "other people in need" in with_oip
    assert words.section_note("neighbours").startswith("Refugees and other people")
    with i18n.using("nl"):
        html = focus_tables.origins_table(origins, "Jordanië", 2025, "Bron", oip=False)
        note = words.section_note("neighbours", oip=False)
    assert "geven geen cijfer voor andere personen" in html
    assert (
        note.startswith("Vluchtelingen uit een buurland") and "beschermingsbehoevenden" not in note
    )
