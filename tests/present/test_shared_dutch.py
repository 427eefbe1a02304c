"""The parts every chapter shares, in the Dutch edition and still in English: source
lines, alt text, technical notes, the what-changed annex, the glossary, the workbook's
sources sheet, and the document language of the HTML and the PDF."""

from __future__ import annotations

import io
import json
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import openpyxl
import pandas as pd
import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader

from displacement_report import i18n
from displacement_report.analysis.joins import Joined
from displacement_report.present import exhibits, sources
from displacement_report.present.narrative import technical
from displacement_report.report import changes, datafiles
from displacement_report.report.glossary import glossary_html

LETTER = "Kamerstuk 35 570 XVII, nr. 52 (25 January 2021)"
DOCUMENTS = pd.DataFrame(
    {
        "source_title": [LETTER, "2020 Progress Report 3RP (15 Sep 2020)", "Factsheet (May 2024)"],
        "source_url": ["https://example.org/a", "https://example.org/b", "https://example.org/c"],
    }
)


# --- source lines ----------------------------------------------------------------------


def test_source_lines_are_dutch_and_keep_the_titles_as_published():
    with i18n.using("nl"):
        assert sources.unhcr("2025.12.1") == (
            "Bron: UNHCR Refugee Population Statistics Database (versie 2025.12.1), CC BY 4.0"
        )
        line = sources.documents(DOCUMENTS)
        short = sources.documents(DOCUMENTS, with_urls=False, compact=True)
        assert sources.documents(DOCUMENTS.iloc[:0]) == "Bronnen: geen"
        assert sources.unhcr_and_worldbank("2025.12.1").endswith(
            "(versie 2025.12.1); WDI en landenindeling van de Wereldbank; VN-lijst van minst "
            "ontwikkelde landen"
        )
    assert line.startswith("Bronnen: Kamerstuk 35 570 XVII, nr. 52 (25 januari 2021) (https://")
    # the title as published, the date we add after it in Dutch
    assert "2020 Progress Report 3RP (15 september 2020)" in line
    assert "Factsheet (mei 2024)" in line
    # a chart's source line lists every document, never 'en nog 2'
    assert short == (
        "Bronnen: Kamerstuk 35 570 XVII, nr. 52 (25 januari 2021); "
        "2020 Progress Report 3RP (15 september 2020); Factsheet (mei 2024)"
    )


def test_source_lines_in_english_are_unchanged():
    assert sources.unhcr("2025.12.1") == (
        "Source: UNHCR Refugee Population Statistics Database (version 2025.12.1), CC BY 4.0"
    )
    assert sources.unhcr_and_worldbank("2025.12.1").endswith(
        "; World Bank WDI and country classifications; UN LDC list"
    )
    assert sources.documents(DOCUMENTS, with_urls=False, compact=True) == (
        f"Sources: {LETTER}; 2020 Progress Report 3RP (15 Sep 2020); Factsheet (May 2024)"
    )
    assert sources.title("Note (July 2024, on COA jaarverslag 2023)") == (
        "Note (July 2024, on COA jaarverslag 2023)"
    )


def test_a_title_whose_bracket_is_not_a_date_keeps_its_words_in_dutch():
    with i18n.using("nl"):
        assert sources.title("Plan (2016-2021)") == "Plan (2016-2021)"
        assert sources.title("Note (July 2024, on COA jaarverslag 2023)").endswith("2023)")
        assert sources.title("Note (31 Feb 2020)") == "Note (31 Feb 2020)"


# --- alt text and captions ------------------------------------------------------------


def _dutch_bars() -> plt.Figure:
    fig, ax = plt.subplots()
    ax.barh(["Jordanië", "Libanon", "Tsjaad"], [246.0, 131.0, 71.5])
    ax.set_xlabel("Vluchtelingen per 1.000 inwoners")
    ax.set_title("Jordanië vangt de meeste vluchtelingen per inwoner op", loc="left")
    return fig


def test_alt_text_is_dutch_with_dutch_numbers():
    with i18n.using("nl"):
        alt = exhibits.alt_text(_dutch_bars())
    assert alt.startswith("Liggend staafdiagram, 'Jordanië vangt")
    assert "Waarden: Vluchtelingen per 1.000 inwoners." in alt
    assert "Grootste waarden: Jordanië: 246; Libanon: 131; Tsjaad: 71,5." in alt
    plt.close("all")


def test_alt_text_of_a_stacked_chart_in_dutch_names_totals_in_millions():
    fig, ax = plt.subplots()
    ax.bar([2018, 2019], [10e6, 20e6], label="Vluchtelingen")
    ax.bar([2018, 2019], [5e6, 1e6], bottom=[10e6, 20e6], label="Binnenlands ontheemden")
    ax.set_ylabel("Mensen, in miljoenen")
    with i18n.using("nl"):
        alt = exhibits.alt_text(fig)
    assert alt.startswith("Gestapeld staafdiagram. Reeksen: Vluchtelingen, Binnenlands")
    assert "Van 2018 tot 2019." in alt  # years as years, never 2.018
    assert "Hoogste totalen: 2019: 21,0 miljoen; 2018: 15,0 miljoen." in alt
    plt.close(fig)


def test_a_generated_caption_writes_a_fraction_the_dutch_way():
    fig, ax = plt.subplots()
    ax.plot([0.5, 1.5], [1, 2], label="Reeks")
    ax.set_ylabel("Index")
    with i18n.using("nl"):
        assert exhibits.caption_for(fig) == "Index, 0,5–1,5."
    assert exhibits.caption_for(fig) == "Index, 0.5–1.5."
    plt.close(fig)


def test_panels_without_a_title_are_named_in_dutch():
    fig, (left, right) = plt.subplots(1, 2)
    left.plot([2018, 2019], [1, 2], label="a")
    right.plot([2018, 2019], [3, 4], label="a")
    with i18n.using("nl"):
        alt = exhibits.alt_text(fig)
    assert "2 deelfiguren (deelfiguur 1, deelfiguur 2)" in alt
    plt.close(fig)


# --- technical notes -------------------------------------------------------------------

JOINS = {
    "population": Joined(
        pd.DataFrame(),
        (
            "British Virgin Islands (VGB)",
            "Unknown (UNK)",
            "Venezuela (Bolivarian Republic of) (VEN)",
        ),
    )
}


def test_technical_notes_name_lost_countries_as_dutch_readers_know_them():
    with i18n.using("nl"):
        notes = technical.joins_markdown(JOINS, 2025)
        pointer = technical.unmatched_pointer(JOINS)
        one = technical.unmatched_pointer({"p": Joined(pd.DataFrame(), ("Cuba (CUB)",))})
    assert notes.startswith("De tabellen van UNHCR zijn aan die van de Wereldbank gekoppeld")
    assert "(eind 2025)" in notes
    assert r"Britse Maagdeneilanden \(VGB\), Onbekend \(UNK\), Venezuela \(VEN\)" in notes
    assert "British" not in notes and "Bolivarian" not in notes
    assert pointer.startswith("*Omdat de Wereldbank er geen cijfer voor heeft, ontbreken 3 landen")
    assert "ontbreekt 1 land in de verhoudingscijfers" in one and "noemt het.*" in one


def test_technical_notes_in_english_use_the_common_country_names():
    notes = technical.joins_markdown(JOINS, 2025)
    assert "(end of 2025)" in notes
    assert r"British Virgin Islands \(VGB\), Unknown \(UNK\), Venezuela \(VEN\)" in notes
    assert technical.unmatched_pointer(JOINS).startswith(
        "*For want of a World Bank figure, 3 countries are left out"
    )


# --- what changed ----------------------------------------------------------------------

DUTCH_HOSTS_OLD = pd.DataFrame(
    {"Rang": [1, 2], "Gastland": ["Turkije", "Jordanië"], "Vluchtelingen": [100, 50]}
)
DUTCH_HOSTS_NEW = pd.DataFrame(
    {"Rang": [1, 2], "Gastland": ["Turkije", "Libanon"], "Vluchtelingen": [120, 60]}
)
DUTCH_CLAIMS = pd.DataFrame({"Bewering": ["C01"], "Oordeel nu": ["klopt"]})


def _record(path, numbers, hosts, claims, captions=None):
    return changes.RunRecord(
        Path(path), {}, numbers, {"top_hosts": hosts, "claims": claims}, captions or {}
    )


def test_the_annex_in_dutch_detects_dutch_verdict_columns_and_names_where():
    old = _record(
        "old",
        {"t": {"key": "t", "label": "Totaal", "value": 1000.0}},
        DUTCH_HOSTS_OLD,
        DUTCH_CLAIMS,
    )
    new = _record(
        "new",
        {"t": {"key": "t", "label": "Totaal", "value": 1010.0}},
        DUTCH_HOSTS_NEW,
        DUTCH_CLAIMS.assign(**{"Oordeel nu": ["klopt niet"]}),
    )
    with i18n.using("nl"):
        found = changes.compare(old, new)
        annex = changes.annex_html(found, captions={"top_hosts": "De 10 grootste gastlanden"})
    assert [(v["column"], v["old"], v["new"]) for v in found.verdicts] == [
        ("Oordeel nu", "klopt", "klopt niet")
    ]
    page = BeautifulSoup(annex, "html.parser")
    assert page.h1.get_text() == "Wat is veranderd sinds het vorige rapport"
    assert "meer dan 0,5% van zijn oude waarde" in page.get_text()
    headers = [th.get_text() for th in page.find_all("th")]
    assert headers[:4] == ["Bewering", "Kolom", "Eerder", "Nu"]
    cells = [td.get_text() for td in page.find_all("td")]
    assert cells[4:7] == ["Grootste gastlanden", "Libanon", "nieuw"]
    assert cells[-10:-5] == ["Kerncijfers", "Totaal", "waarde", "1.000", "1.010"]
    # the ranking table is named, not given by its file name
    assert cells[-5:] == ["Grootste gastlanden", "Turkije", "Vluchtelingen", "100", "120"]


def test_a_moved_number_is_found_by_its_caption_cut_short():
    caption = (
        "Vluchtelingen per 1.000 inwoners, eind 2025 (landen met 1 miljoen inwoners of meer, "
        "zonder de Palestijnse gebieden)"
    )
    old = changes.RunRecord(
        Path("o"), {}, {}, {"per_1000": pd.DataFrame({"Land": ["Chad"], "n": [1.0]})}
    )
    new = changes.RunRecord(
        Path("n"),
        {},
        {},
        {"per_1000": pd.DataFrame({"Land": ["Chad"], "n": [2.0]})},
        {"per_1000": caption},
    )
    with i18n.using("nl"):
        annex = changes.annex_html(changes.compare(old, new), captions=new.captions)
    assert (
        "<td>Vluchtelingen per 1.000 inwoners, eind 2025 (landen met 1 miljoen inwoners of …</td>"
        in annex
    )
    assert "<td>1</td><td>2</td>" in annex  # a count or rank is written whole


def test_the_annex_in_english_is_unchanged_in_its_words():
    found = changes.compare(
        _record("o", {}, DUTCH_HOSTS_OLD, DUTCH_CLAIMS),
        _record("n", {}, DUTCH_HOSTS_NEW, DUTCH_CLAIMS),
    )
    annex = changes.annex_html(found)
    assert "What changed since the previous report" in annex
    assert "more than 0.5% of their old value" in annex
    assert "<td>Largest host countries</td><td>Libanon</td><td>new</td>" in annex


def _edition_folder(run, language, hosts, caption):
    figures = run / language / "figures"
    figures.mkdir(parents=True)
    hosts.to_csv(figures / "top_hosts.csv", index=False)
    meta = {"name": "top_hosts", "kind": "table", "caption": caption, "data_file": "top_hosts.csv"}
    (figures / "top_hosts.json").write_text(json.dumps(meta), encoding="utf-8")


def test_each_edition_reads_the_changes_from_its_own_tables(tmp_path):
    english_old = DUTCH_HOSTS_OLD.set_axis(["Rank", "Country of asylum", "Refugees"], axis=1)
    english_new = DUTCH_HOSTS_NEW.set_axis(["Rank", "Country of asylum", "Refugees"], axis=1)
    english_old["Country of asylum"] = ["Türkiye", "Jordan"]
    english_new["Country of asylum"] = ["Türkiye", "Lebanon"]  # Türkiye: 100 -> 120
    old_run, new_run = tmp_path / "runs" / "old", tmp_path / "runs" / "new"
    for run, english, dutch in (
        (old_run, english_old, DUTCH_HOSTS_OLD),
        (new_run, english_new, DUTCH_HOSTS_NEW),
    ):
        _edition_folder(run, "en", english, "The 10 largest hosts")
        _edition_folder(run, "nl", dutch, "De 10 grootste gastlanden")
    found = changes.compare(
        changes.load_run(old_run, inputs={"settings": {"language": ["nl", "en"]}}),
        changes.load_run(new_run, inputs={"settings": {"language": ["nl", "en"]}}),
    )
    assert {r["row"] for r in found.rankings} == {"Lebanon", "Jordan"}  # changes.json: English
    dutch = changes.edition_annex(found, new_run, "nl")
    english = changes.edition_annex(found, new_run, "en")
    assert "<td>Libanon</td>" in dutch and "<td>Jordanië</td>" in dutch and "Lebanon" not in dutch
    assert "<td>Turkije</td><td>Vluchtelingen</td><td>100</td><td>120</td>" in dutch
    assert "<td>Lebanon</td>" in english and "<td>Refugees</td><td>100</td><td>120</td>" in english
    assert i18n.language() == "en"  # the edition's language ends with its annex
    assert "Dit is de eerste editie" in changes.edition_annex(None, new_run, "nl")


# --- glossary --------------------------------------------------------------------------


def test_the_dutch_glossary_finds_dutch_plurals_and_compounds_in_dutch_order():
    text = (
        "Binnenlands ontheemden en asielzoekers; de OiR-programmering; minst ontwikkelde "
        "landen (MOL's); bbp per inwoner (koopkrachtpariteit)."
    )
    with i18n.using("nl"):
        page = BeautifulSoup(glossary_html(text), "html.parser")
    terms = [dt.get_text() for dt in page.find_all("dt")]
    assert terms == [
        "Asielzoeker",
        "Binnenlands ontheemde",
        "Koopkrachtpariteit",
        "MOL",
        "OiR",
    ]
    assert "internally displaced person" in page.get_text()  # the English term explained


def test_the_english_glossary_still_keeps_hyphenated_compounds_out():
    page = glossary_html("The OiR-programme and IDPs.")
    assert "<dt>IDP</dt>" in page and "<dt>OiR</dt>" not in page


# --- the workbook ----------------------------------------------------------------------


def test_the_workbook_sources_sheet_is_dutch_in_the_dutch_edition(tmp_path):
    pd.DataFrame({"Land": ["Turkije"], "Vluchtelingen": [3_600_000]}).to_csv(
        tmp_path / "top_hosts.csv", index=False
    )
    record = {
        "name": "top_hosts",
        "kind": "table",
        "title": "De 10 grootste gastlanden",
        "caption": "De 10 grootste gastlanden",
        "source": "Bron: UNHCR",
        "data_version": "2025.12.1",
        "licence": exhibits.LICENCE,
        "data_file": "top_hosts.csv",
    }
    (tmp_path / "top_hosts.json").write_text(json.dumps(record), encoding="utf-8")
    with i18n.using("nl"):
        workbook = datafiles.workbook_bytes(tmp_path, {"top_hosts": "Tabel 2.1"})
    book = openpyxl.load_workbook(io.BytesIO(workbook))
    assert book.sheetnames == ["Tabel 2.1", "Bronnen"]
    rows = list(book["Bronnen"].iter_rows(values_only=True))
    assert rows[0] == ("tabblad", "tabel", "bijschrift", "bron", "gegevensversie", "licentie")
    assert rows[1][-1].startswith("CC BY 4.0 (gegevens van UNHCR en de Wereldbank)")
    english = openpyxl.load_workbook(io.BytesIO(datafiles.workbook_bytes(tmp_path, {})))
    assert english.sheetnames == ["top_hosts", "Sources"]
    assert next(english["Sources"].iter_rows(values_only=True))[0] == "sheet"


# --- document language -----------------------------------------------------------------


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_html_and_the_pdf_declare_the_edition_language(language):
    """PDF/UA: a screen reader reads the Dutch edition with a Dutch voice."""
    from displacement_report.report.combine import describe_document
    from displacement_report.report.pdf import html_to_pdf

    page = (
        "<html><head><title>Rapport</title></head><body><h1>Opvang</h1><p>Tekst.</p></body></html>"
    )
    described = describe_document(page, author="a", subject="s", lang=language)
    soup = BeautifulSoup(described, "html.parser")
    assert soup.html is not None and soup.html["lang"] == language
    pdf = PdfReader(io.BytesIO(html_to_pdf(described)))
    assert pdf.trailer["/Root"]["/Lang"] == language


def test_a_chart_row_without_a_series_name_is_labelled_by_its_position_alone():
    old = pd.DataFrame({"series": [float("nan")], "x": ["Turkije"], "value": [43.35]})
    found = changes.compare(
        changes.RunRecord(Path("o"), {}, {}, {"per_1000": old}),
        changes.RunRecord(Path("n"), {}, {}, {"per_1000": old.assign(value=[67.57])}),
    )
    assert [n["row"] for n in found.numbers] == ["Turkije"]


def test_a_column_of_published_figures_is_headed_cijfer_not_figuur():
    from displacement_report.present.tables import spending as spending_tables

    rows = pd.DataFrame(
        {
            "description": ["Budget"],
            "description_nl": ["Begroting"],
            "amount": [128e6],
            "unit": ["EUR"],
            "qualifier": [""],
            "amount_kind": ["budget_draft"],
            "period_start": [2021],
            "period_end": [2021],
            "geography": ["Focus countries"],
            "geography_nl": ["Focuslanden"],
            "quality": ["primary"],
            "amount_id": ["A001"],
            "source_title": ["Rijksbegroting 2021"],
            "source_url": ["https://www.rijksfinancien.nl/"],
            "source_quality": ["primary"],
        }
    )
    with i18n.using("nl"):
        table = spending_tables.document_figures_table(rows, "Tabel")
    assert ">Cijfer<" in table and ">Figuur<" not in table
