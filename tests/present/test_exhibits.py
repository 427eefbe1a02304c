"""Numbered charts and tables: alt text from the data, captions, saved data, numbering
and references, the workbook and figures.json."""

from __future__ import annotations

import json

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import openpyxl
import pandas as pd
import pytest
from bs4 import BeautifulSoup

from displacement_report.errors import ContentError
from displacement_report.present import exhibits
from displacement_report.present.exhibits import table_html
from displacement_report.report import annex, datafiles
from displacement_report.report.combine import number_and_index


@pytest.fixture
def context(tmp_path):
    exhibits.configure(tmp_path, {"report_year": 2019}, "2025.12.1")
    yield tmp_path
    exhibits._context = None


def _bars() -> plt.Figure:
    fig, ax = plt.subplots()
    ax.barh(["Jordan", "Lebanon", "Chad"], [246.0, 131.0, 71.5])
    ax.set_xlabel("Refugees per 1,000 inhabitants")
    ax.set_title("Jordan hosts the most refugees per inhabitant", loc="left")
    return fig


def test_alt_text_describes_kind_axis_and_largest_values_from_the_plotted_data():
    fig = _bars()
    data = exhibits.chart_data(fig)
    assert data.to_dict("list") == {
        "series": ["", "", ""] if data["series"].iloc[0] == "" else data["series"].tolist(),
        "x": ["Jordan", "Lebanon", "Chad"],
        "value": [246.0, 131.0, 71.5],
    }
    alt = exhibits.alt_text(fig)
    assert alt.startswith("Horizontal bar chart, 'Jordan hosts the most refugees per inhabitant'")
    assert "Values: Refugees per 1,000 inhabitants" in alt
    assert "Largest values: Jordan: 246; Lebanon: 131; Chad: 71.5" in alt
    assert alt != exhibits.caption_for(fig)


def test_a_stacked_chart_names_its_highest_totals():
    fig, ax = plt.subplots()
    ax.bar([2018, 2019], [10e6, 20e6], label="Refugees")
    ax.bar([2018, 2019], [5e6, 1e6], bottom=[10e6, 20e6], label="IDPs")
    ax.set_ylabel("People, millions")
    alt = exhibits.alt_text(fig)
    assert alt.startswith("Stacked bar chart")
    assert "Highest totals: 2019: 21.0 million; 2018: 15.0 million" in alt
    assert "From 2018 to 2019" in alt


def test_a_chart_is_shown_with_alt_text_caption_and_its_data_saved(context):
    html = exhibits.chart_html(_bars(), "per_1000", caption="Refugees per 1,000 inhabitants.")
    assert '<figure class="exhibit chart" id="fig-per_1000">' in html
    assert 'alt="Horizontal bar chart' in html and "No description" not in html
    assert "<figcaption>" in html and "Data (CSV)" in html
    saved = pd.read_csv(context / "per_1000.csv")
    # a chart that declares no columns: general names, the value axis's label, a tenth
    assert saved.columns.tolist() == ["category", "Refugees per 1,000 inhabitants"]
    assert saved["Refugees per 1,000 inhabitants"].tolist() == [246.0, 131.0, 71.5]
    record = json.loads((context / "per_1000.json").read_text())
    assert record["columns"] == {"x": "category", "value": "Refugees per 1,000 inhabitants"}
    assert record["caption"] == "Refugees per 1,000 inhabitants."
    assert record["data_version"] == "2025.12.1" and record["parameters"]["report_year"] == 2019
    assert "CC BY 4.0" in record["licence"]


def test_a_table_has_a_real_caption_and_its_data_saved(context):
    frame = pd.DataFrame({"Country": ["Chad"], "Refugees": [1_502_263]})
    html = table_html(frame, {"Refugees": str}, "Refugees in Chad", "Source: test", "chad")
    assert '<div class="exhibit table-exhibit short-table" id="tab-chad">' in html
    assert '<caption><span class="exhibit-number">Table</span> Refugees in Chad</caption>' in html
    assert pd.read_csv(context / "chad.csv").to_dict("list") == {
        "Country": ["Chad"],
        "Refugees": [1_502_263],
    }


NUMBER = '<span class="exhibit-number">{}</span>'


def _figure(name: str, caption: str) -> str:
    return (
        f'<figure class="exhibit chart" id="fig-{name}"><img alt="a"/>'
        f"<figcaption>{NUMBER.format('Figure')} {caption}</figcaption></figure>"
    )


def _table(name: str, caption: str) -> str:
    return (
        f'<div class="exhibit table-exhibit" id="tab-{name}"><table>'
        f"<caption>{NUMBER.format('Table')} {caption}</caption></table></div>"
    )


PAGE = "".join(
    [
        "<html><body><main>",
        '<div class="cover"><h1>Title</h1></div>',
        '<section class="unnumbered"><h1 id="glance">At a glance</h1>',
        "<p>See @fig:trend and @tab:hosts.</p></section>",
        '<h1 id="one">One</h1>',
        _figure("trend", "The trend."),
        '<h2 id="one-a">Part</h2>',
        _table("first", "First"),
        '<h1 id="two">Two</h1>',
        _table("hosts", "Hosts"),
        "</main></body></html>",
    ]
)


def test_exhibits_are_numbered_per_chapter_listed_and_referenced():
    page = number_and_index(PAGE)
    assert '<span class="exhibit-number">Figure 1.1</span>' in page
    assert '<span class="exhibit-number">Table 1.1</span>' in page
    assert '<span class="exhibit-number">Table 2.1</span>' in page  # numbering restarts
    assert '<a class="xref" href="#fig-trend">Figure 1.1</a>' in page
    assert '<a class="xref" href="#tab-hosts">Table 2.1</a>' in page
    assert "Figures and tables" in page and "Table 2.1 Hosts" in page
    assert '<a href="#glance">At a glance</a>' in page  # unnumbered, still in the contents


BOOK = "".join(
    [
        "<html><body><main>",
        '<div class="jp-Cell" id="cell-id=report-cover"><div class="cover"><h1>T</h1></div></div>',
        '<div class="jp-Cell" id="cell-id=chapter-at_a_glance">',
        '<section class="unnumbered at-a-glance"><h1 id="glance">At a glance</h1>',
        "<p>Money: @tab:money, in @chapter:money; claims in @chapter:claims.</p></section></div>",
        '<div class="jp-Cell" id="cell-id=chapter-money"><h1 id="money-h">Money</h1></div>',
        '<div class="jp-Cell">',
        _table("money", "Money per year"),
        "</div>",
        '<div class="jp-Cell" id="cell-id=chapter-claims"><h1 id="claims-h">Claims</h1></div>',
        '<div class="jp-Cell"><section class="colophon"><h1 id="colophon">Colophon</h1>',
        "</section></div></main></body></html>",
    ]
)


def test_the_summary_comes_before_the_contents_and_the_list_of_exhibits_at_the_back():
    """A publisher's order: cover, 'At a glance', contents; the list of figures and
    tables at the back, before the colophon, and named in the contents."""
    soup = BeautifulSoup(number_and_index(BOOK), "html.parser")
    order = [
        e.get("id") or " ".join(e.get("class"))
        for e in soup.find_all(["div", "section", "nav", "h1"])
        if e.name == "nav"
        or e.get("id") in ("glance", "money-h", "claims-h", "colophon")
        or "cover" in (e.get("class") or [])
    ]
    assert order == [
        "cover",
        "glance",
        "toc",
        "money-h",
        "claims-h",
        "toc exhibits-list",
        "colophon",
    ]
    contents = [a.get_text() for a in soup.select("nav.toc:not(.exhibits-list) a")]
    assert contents == ["At a glance", "1. Money", "2. Claims", "Figures and tables", "Colophon"]
    # '@chapter:name' is the chapter made of notebook NN_name, linked by its number
    links = [(a["href"], a.get_text()) for a in soup.select("section.at-a-glance a.xref")]
    assert links == [
        ("#tab-money", "Table 1.1"),
        ("#money-h", "chapter 1"),
        ("#claims-h", "chapter 2"),
    ]


def test_combining_marks_where_each_chapter_starts_by_its_notebook_name(tmp_path):
    import nbformat

    from displacement_report.report.combine import combine

    paths = []
    for name in ("01_global_picture", "08_claims"):
        notebook = nbformat.v4.new_notebook()
        notebook.cells = [nbformat.v4.new_markdown_cell("# A"), nbformat.v4.new_markdown_cell("b")]
        paths.append(tmp_path / f"{name}.ipynb")
        nbformat.write(notebook, paths[-1])
    cells = combine(paths, "<p>cover</p>", "<p>end</p>", "T").cells
    ids = [c.id for c in cells]
    assert ids[0] == "report-cover" and ids[-1] == "report-colophon"
    assert ids[1] == "chapter-global_picture" and ids[3] == "chapter-claims"
    assert len(set(ids)) == len(ids)
    nbformat.validate(nbformat.from_dict(combine(paths, None, "", "T")))


def test_a_reference_to_no_chapter_stops_the_build():
    with pytest.raises(ContentError, match=r"@chapter:nowhere, which no chart or table or chapter"):
        number_and_index(BOOK.replace("@chapter:claims", "@chapter:nowhere"))


def _annex_table(name: str, caption: str) -> str:
    return _table(name, caption).replace(
        'class="exhibit table-exhibit"', 'class="exhibit table-exhibit annex-exhibit"'
    )


ANNEX_PAGE = "".join(
    [
        "<html><body><main>",
        '<div class="cover"><h1>Title</h1></div>',
        '<h1 id="one">One</h1>',
        "<p>All of them in @tab:long_one; summary in @tab:short.</p>",
        _annex_table("long_one", "Every figure of one"),
        _table("short", "Short"),
        '<h1 id="two">Two</h1>',
        "<p>See @tab:long_two and @tab:long_three.</p>",
        _annex_table("long_two", "Every figure of two"),
        _table("kept", "Kept"),
        _annex_table("long_three", "More of two"),
        annex.section_html(),
        '<section class="unnumbered glossary"><h1 id="glossary">Glossary</h1></section>',
        "</main></body></html>",
    ]
)


def test_tables_marked_for_the_annex_move_there_numbered_and_referenced():
    soup = BeautifulSoup(number_and_index(ANNEX_PAGE), "html.parser")
    section = soup.select_one("section.annex")
    assert section.find("h1").get_text() == "Annex A. Figures from public documents"
    # in the annex, in report order, under the numbered title of their chapter
    assert [t.get_text() for t in section.find_all("h2")] == ["1. One", "2. Two"]
    moved = [t["id"] for t in section.select(".exhibit")]
    assert moved == ["tab-long_one", "tab-long_two", "tab-long_three"]
    labels = [t.get_text() for t in section.select(".exhibit-number")]
    assert labels == ["Table A.1", "Table A.2", "Table A.3"]
    # the chapters keep their own tables, numbered without the ones that left
    assert soup.select_one("#tab-short .exhibit-number").get_text() == "Table 1.1"
    assert soup.select_one("#tab-kept .exhibit-number").get_text() == "Table 2.1"
    chapter_one = soup.find(id="one").find_next("p")
    assert [a.get_text() for a in chapter_one.select("a.xref")] == ["Table A.1", "Table 1.1"]
    # the annex comes before the glossary; contents and the list of tables name it
    assert section.find_next_sibling("section").find("h1")["id"] == "glossary"
    contents = [a.get_text() for a in soup.select("nav.toc:not(.exhibits-list) a")]
    assert contents[-4:] == [
        "Annex A. Figures from public documents",
        "1. One",
        "2. Two",
        "Glossary",
    ]
    listed = [a.get_text() for a in soup.select("nav.exhibits-list a")]
    assert listed[-3:] == [
        "Table A.1 Every figure of one",
        "Table A.2 Every figure of two",
        "Table A.3 More of two",
    ]


def test_without_tables_for_the_annex_there_is_no_annex():
    page = number_and_index(ANNEX_PAGE.replace(" annex-exhibit", ""))
    assert "Annex A" not in page and 'class="annex"' not in page
    assert '<span class="exhibit-number">Table 2.3</span>' in page


def test_a_table_for_the_annex_needs_an_annex_in_the_page():
    with pytest.raises(ContentError, match=r"tab-long_one.*no annex"):
        number_and_index(ANNEX_PAGE.replace(annex.section_html(), ""))


def test_table_html_marks_a_table_for_the_annex(context):
    frame = pd.DataFrame({"Figure": ["a"], "Amount": [1]})
    marked = table_html(frame, {}, "Every figure", "Source: test", "every", annex=True)
    assert 'class="exhibit table-exhibit short-table annex-exhibit" id="tab-every"' in marked
    plain = table_html(frame, {}, "Some figures", "Source: test", "some")
    assert "annex-exhibit" not in plain
    long = table_html(pd.DataFrame({"a": range(7)}), {}, "Long", "Source: test", "long")
    assert 'class="exhibit table-exhibit" id="tab-long"' in long  # may break over pages


def test_annex_tables_come_last_in_the_workbook_order():
    labels = ["Table A.2", "Table 6.1", "Figure 1.1", "Table A.10", "Table 10.1"]
    assert sorted(labels, key=datafiles._order) == [
        "Figure 1.1",
        "Table 6.1",
        "Table 10.1",
        "Table A.2",
        "Table A.10",
    ]


def test_a_reference_to_no_exhibit_stops_the_build():
    with pytest.raises(ContentError, match=r"@fig:missing, which no chart or table"):
        number_and_index(PAGE.replace("@fig:trend", "@fig:missing"))


def test_workbook_and_figures_json_list_every_table_in_report_order(context):
    table_html(pd.DataFrame({"a": [1]}), {}, "Second table", "Source: b", "second")
    table_html(pd.DataFrame({"a": [2]}), {}, "First table", "Source: a", "first")
    exhibits.record_numbers([{"key": "total", "value": 1.0}])
    numbers = {"first": "Table 1.1", "second": "Table 1.2"}
    (context / "book.xlsx").write_bytes(datafiles.workbook_bytes(context, numbers))
    book = openpyxl.load_workbook(context / "book.xlsx")
    assert book.sheetnames == ["Table 1.1", "Table 1.2", "Sources"]
    assert book["Table 1.2"]["A2"].value == 1
    sources = [row[2] for row in book["Sources"].iter_rows(min_row=2, values_only=True)]
    assert sources == ["First table", "Second table"]
    listing = json.loads(datafiles.figures_json(context, numbers))
    assert [e["number"] for e in listing["exhibits"]] == ["Table 1.1", "Table 1.2"]
    assert listing["key_numbers"] == [{"key": "total", "value": 1.0}]


def test_web_addresses_in_source_lines_become_links():
    text = "Sources: Budget 2021 (https://example.org/a?b=1&c=2); Letter (https://x.nl/doc)."
    html = exhibits.linked(text)
    assert (
        '<a href="https://example.org/a?b=1&amp;c=2">https://example.org/a?b=1&amp;c=2</a>' in html
    )
    assert '<a href="https://x.nl/doc">https://x.nl/doc</a>).' in html
    assert exhibits.linked("<b>no address</b>") == "&lt;b&gt;no address&lt;/b&gt;"


def test_the_glossary_lists_the_terms_the_report_uses_and_only_those():
    from displacement_report.report.glossary import glossary_html

    page = glossary_html("The 3RP appeal and UNRWA's refugees; IDPs aside, a UNHCR-led plan.")
    assert "<dt>3RP</dt>" in page and "<dt>UNRWA</dt>" in page
    assert "<dt>UNHCR</dt>" not in page  # 'UNHCR-led' is another word
    assert "<dt>FRiT</dt>" not in page
    assert "<dt>IDP</dt>" in page  # a plural counts
    assert glossary_html("no abbreviations here") == ""


def test_the_dutch_glossary_matches_dutch_terms_and_explains_them_in_dutch():
    from displacement_report import i18n
    from displacement_report.report.glossary import glossary_html

    with i18n.using("nl"):
        page = glossary_html("Duurzame oplossingen voor asielzoekers; de 3RP en het COA.")
    assert '<h1 id="glossary">Verklarende woordenlijst</h1>' in page
    assert "<dt>Duurzame oplossingen</dt>" in page and "<dt>Asielzoeker</dt>" in page
    assert "de donorgroep" not in page  # DAC is not used
    assert "the Dutch agency" not in page  # the meaning in Dutch, not in English
    assert "de organisatie die de opvang van asielzoekers in Nederland uitvoert" in page


def test_a_glossary_row_without_its_dutch_meaning_is_refused(tmp_path):
    from displacement_report.errors import DataFileError
    from displacement_report.report.glossary import load_terms

    path = tmp_path / "terms.csv"
    path.write_text("term,meaning,term_nl,meaning_nl\nCOA,The agency,COA,\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="line 2: meaning_nl is empty"):
        load_terms(path)


def _laid_out_chart() -> plt.Figure:
    """A chart as the report draws them: styled, a source line, `tight_layout` (which
    leaves the figure a placeholder layout engine)."""
    from displacement_report.present import style

    style.apply()
    fig = _bars()
    style.add_source(fig, "Source: UNHCR Refugee Data Finder, end of 2019")
    return fig


def test_a_laid_out_chart_is_saved_as_matplotlib_saves_it_with_one_draw_fewer(context, monkeypatch):
    """The SVG (what the page shows) is byte for byte what `bbox_inches="tight"` makes;
    the PNG is cut to the crop the SVG's save measured, so it is drawn once, not laid
    out again: three draws of the figure in all, where two plain saves make four."""
    from PIL import Image

    reference = _laid_out_chart()
    expected_svg = exhibits.svg_bytes(reference, "tight")
    reference.savefig(context / "reference.png", bbox_inches="tight")
    engine = reference.get_layout_engine()
    assert engine is not None  # the case this saving is for

    fig = _laid_out_chart()
    draws = []
    figure_class = type(fig)
    drawn = figure_class.draw

    def counted(self, renderer):
        draws.append(1)
        return drawn(self, renderer)

    monkeypatch.setattr(figure_class, "draw", counted)
    before = fig.get_layout_engine()
    svg_path, png_path = exhibits._save_files(fig, "laid_out", context, "A chart.")[0]

    assert svg_path.read_bytes() == expected_svg
    assert len(draws) == 3
    assert fig.get_layout_engine() is before  # put back as it was
    width, height = Image.open(png_path).size
    ref_width, ref_height = Image.open(context / "reference.png").size
    assert abs(width - ref_width) <= 1 and abs(height - ref_height) <= 1
    plt.close("all")


def test_a_chart_without_layout_engine_is_cropped_once_for_both_files(context):
    fig = _bars()
    fig.set_layout_engine(None)
    svg_path, png_path = exhibits.save(fig, "plain", context)
    assert svg_path.read_bytes().startswith(b"<?xml")
    assert png_path.read_bytes().startswith(b"\x89PNG")
    plt.close("all")
