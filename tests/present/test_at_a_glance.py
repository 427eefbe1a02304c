"""The 'At a glance' page on hand-made findings: the year's news first, four questions
answered with tiles whose figures carry their value and exhibit, the letter's scorecard
naming the claims that fail, both editions; and the page stays on one A4 page in the
worst case the data allow (the longest texts in Dutch). Expected phrases are written
out by hand from the figures below."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest
from bs4 import BeautifulSoup

from displacement_report import i18n, paths
from displacement_report.analysis.claims import (
    DOES_NOT_HOLD,
    HISTORICAL,
    HOLDS,
    NOT_CHECKABLE,
    OUTDATED_HIGHER,
    ROUGHLY,
)
from displacement_report.analysis.findings import Finding
from displacement_report.analysis.year_news import Returns, YearChange
from displacement_report.data import claims as claims_data
from displacement_report.present.narrative import at_a_glance
from tests.analysis.test_costs import dutch_cost

TREND, COMPARISON = "@fig:forcibly_displaced_by_group", "@tab:forcibly_displaced_comparison"
FOUND = [
    Finding("forcibly_displaced", "total", 119_254_738.0, "people", 2025, TREND),
    Finding("forcibly_displaced_year_before", "before", 124_673_873.0, "people", 2024, TREND),
    Finding("forcibly_displaced_baseline", "baseline", 78.38e6, "people", 2019, COMPARISON),
    Finding("forcibly_displaced_change", "change", 52.15, "percent", 2025, COMPARISON),
    Finding("lmic_share", "lmic", 71.4, "percent", 2025, "@chapter:hosting_and_origins"),
    Finding("top_host_1", "h1", 2.66e6, "refugees", 2025, "@tab:top_hosts", "Germany"),
    Finding("top_host_2", "h2", 2.39e6, "refugees", 2025, "@tab:top_hosts", "Türkiye"),
    Finding("top_host_3", "h3", 1.94e6, "refugees", 2025, "@tab:top_hosts", "Uganda"),
    Finding("one_in", "one in", 69.0, "people", 2025, TREND),
    Finding("refugee_returns", "r", 4_362_272.0, "people", 2025, "@tab:durable_solutions"),
    Finding(
        "refugee_returns_year_before", "r", 1_615_821.0, "people", 2024, "@tab:durable_solutions"
    ),
    Finding(
        "neighbouring_share", "n", 67.0, "percent", 2025, "@fig:asylum_neighbouring_and_region"
    ),
    Finding("nl_new_claims", "c", 23949.0, "claims", 2025, "@tab:asylum_comparison"),
    Finding("nl_claims_per_1000", "c", 1.3241, "per 1,000", 2025, "@tab:asylum_comparison"),
    Finding("eu_claims_per_1000", "c", 1.4874, "per 1,000", 2025, "@tab:asylum_comparison"),
    Finding("nl_total_protection_rate", "p", 47.9, "percent", 2025, "@tab:asylum_comparison"),
    Finding("eu_total_protection_rate", "p", 36.7, "percent", 2025, "@tab:asylum_comparison"),
    Finding("arrivals_per_dutch_claim", "a", 28.29, "arrivals", 2025, "@tab:new_arrivals"),
    Finding(
        "oir_budget", "b", 135.5e6, "EUR", 2021, "@tab:budget_figures", "budget_supplementary_2"
    ),
    Finding("oir_budget_letter", "b", 128e6, "EUR", 2021, "@tab:budget_figures"),
    Finding("oir_budget_growth", "g", 5.86, "percent", 2021, "@tab:budget_figures"),
    Finding("eur_per_refugee", "e", 22.38, "EUR", 2021, "@tab:eur_per_person"),
    Finding(
        "nl_cost_per_person",
        "k",
        27100.0,
        "EUR",
        2022,
        "@tab:cost_per_resident_year",
        cost=dutch_cost(27100.0),
    ),
]
# 124.67 -> 119.25 million: 5.42 million (4.3%) fewer; IDPs moved most, 4.92 million fewer
CHANGE = YearChange(2025, 119_254_738.0, 124_673_873.0, 1, 2016, "idps", -4.92e6, 1990)
RETURNS = Returns(2025, 4_362_272, 1_615_821, 1972, False, 1959)


def _claim(number: int, then: str, now: str, statement: str = "", quote: str = "") -> dict:
    return {
        "claim_id": f"C{number:02d}",
        "paraphrase": statement or f"Claim number {number}",
        "letter_quote": quote or f"Bewering nummer {number}",
        "quote_footnotes": "",
        "stated": 80e6,
        "stated_high": None,
        "unit": "people",
        "wording": "almost",
        "published_value": 79.5e6,
        "now_value": 119.3e6,
        "then_verdict": then,
        "now_verdict": now,
    }


ASSESSED = pd.DataFrame(
    [
        _claim(1, HOLDS, OUTDATED_HIGHER, "Close to 80 million people are displaced"),
        _claim(2, HOLDS, HOLDS),
        _claim(3, ROUGHLY, "no figure for 2025"),
        _claim(4, HOLDS, DOES_NOT_HOLD, "Displacement has only increased"),
        _claim(5, NOT_CHECKABLE, NOT_CHECKABLE),
        _claim(6, HOLDS, HISTORICAL),
    ]
)


def _page(found=FOUND, assessed=ASSESSED, year=2025, change=CHANGE, returns=RETURNS) -> str:
    return at_a_glance.page_html(
        found,
        assessed,
        baseline=2019,
        year=year,
        change=change,
        returns=returns,
        cost_reference="@tab:cost_comparison",
    )


def _text(page: str) -> str:
    """The page's words, blocks apart and inline figures in their sentence."""
    text = re.sub(r"\s+", " ", BeautifulSoup(page, "html.parser").get_text(" "))
    return re.sub(r"\( | (?=[.,;:)])", lambda m: m.group(0).strip(), text)


def test_the_page_leads_with_the_year_s_news():
    text = _text(_page())
    assert text.startswith(
        "At a glance Each figure links the chart or table it comes from, where its sources "
        "are named. In 2025 the number of forcibly displaced people fell"
    )
    assert (
        "fell for the first time since 2016: from 124.7 million at the end of 2024 to 119.3 "
        "million, 5.4 million (4.3%) fewer (@fig:forcibly_displaced_by_group)." in text
    )
    assert (
        "The largest change was among people displaced inside their own country: 4.9 million "
        "fewer." in text
    )
    assert (
        "In 2025, 4.36 million refugees returned home, against 1.62 million in 2024: the most "
        "since 1972 (@tab:durable_solutions)." in text
    )
    assert (
        "Compared with the end of 2019 (78.4 million), the total rose by 52% "
        "(@tab:forcibly_displaced_comparison)." in text
    )
    assert "Worldwide, 1 in 69 people was forcibly displaced." in text
    # the news before the change since the baseline, as Global Trends orders it
    assert text.index("first time since 2016") < text.index("Compared with the end of 2019")


def test_four_questions_answered_with_tiles_that_link_their_exhibits():
    soup = BeautifulSoup(_page(), "html.parser")
    questions = [h.get_text() for h in soup.select("section.glance-question h2")]
    assert questions == [
        "How many people are forcibly displaced?",
        "Where do they live?",
        "What does the Netherlands see?",
        "What does the Netherlands pay?",
        "Does the letter still hold?",
    ]
    tiles = soup.select("li.glance-tile")
    assert len(tiles) == 4 + 3 + 3 + 4
    for tile in tiles:
        see = tile.select_one(".tile-see").get_text()
        assert re.fullmatch(r"@(fig|tab|chapter):\w+", see), see
        # every figure of a tile is the exhibit's the tile links (the 1 in N: no exhibit)
        anchor = see.removeprefix("@").replace(":", "-", 1)
        for span in tile.select(".glance-figure"):
            assert span.get("data-exhibit", "") in (anchor, ""), (see, span)
    values = {
        tile["class"][2]: [float(s["data-value"]) for s in tile.select(".glance-figure")]
        for tile in tiles
    }
    assert values["glance-total"] == [119_254_738.0, 124_673_873.0]
    assert values["glance-since_baseline"] == [52.15, 78.38e6]
    assert values["glance-hosts"] == [2.66e6, 2.39e6, 1.94e6]
    assert values["glance-budget_growth"] == [5.86, 128e6]
    text = _text(str(soup))
    assert (
        "Forcibly displaced, end of 2025 119.3 million @fig:forcibly_displaced_by_group ▼" in text
    )
    assert "5.4 million fewer than at the end of 2024 (124.7 million)" in text
    assert "+52% @tab:forcibly_displaced_comparison ▲ from 78.4 million" in text
    assert "1.62 million in 2024; the most since 1972" in text
    assert "Germany 2.7 million Türkiye 2.4 million Uganda 1.9 million" in text
    assert "1.32 per 1,000 inhabitants (EU-27: 1.49)" in text
    assert "Total protection rate in the Netherlands, 2025 48% @tab" in text
    assert "budget line, 2021 EUR 135.5 million @tab:budget_figures 2nd supplementary" in text
    assert "▲ on the letter's EUR 128 million (draft budget): a later decision" in text
    assert "Budget per refugee hosted in the focus countries, 2021 EUR 22 @tab" in text
    assert "EUR 27,100 @tab:cost_per_resident_year Regular reception (COA, per registered" in text
    assert (
        "Not the same kind of cost: the Dutch contribution per refugee there, all of a "
        "person's reception here (@tab:cost_comparison)." in text
    )


def test_the_scorecard_counts_then_and_now_and_names_the_failing_claims():
    soup = BeautifulSoup(_page(), "html.parser")
    rows = [
        [c.get_text() for c in row.find_all(["th", "td"])]
        for row in soup.select("table.glance-tally tr")
    ]
    assert rows == [
        [
            "6 claims",
            "Hold or roughly hold",
            "Do not hold, or no longer",
            "About a past year (verdict kept)",
            "Cannot be checked, or no figure",
        ],
        ["Then", "5", "0", "–", "1"],
        ["Now (2025)", "1", "2", "1", "2"],
    ]
    named = [
        [c.get_text() for c in row.find_all("td")]
        for row in soup.select("table.glance-claims tbody tr")
    ]
    # the claim that does not hold first, then the one whose figure has moved
    assert named == [
        ["Displacement has only increased", "almost 80 million", "119.3 million", "does not hold"],
        [
            "Close to 80 million people are displaced",
            "almost 80 million",
            "119.3 million",
            "outdated (higher now)",
        ],
    ]
    caption = soup.select_one("table.glance-claims caption").get_text()
    assert caption == "The claims that do not or no longer hold (@chapter:claims)"


def test_more_failing_claims_than_the_page_holds_are_counted_and_linked():
    many = pd.DataFrame([_claim(n, HOLDS, OUTDATED_HIGHER) for n in range(1, 10)])
    soup = BeautifulSoup(_page(assessed=many), "html.parser")
    assert len(soup.select("table.glance-claims tbody tr")) == at_a_glance.MAX_NAMED_CLAIMS
    caption = soup.select_one("table.glance-claims caption").get_text()
    assert caption == "The claims that do not or no longer hold; 3 more in @chapter:claims"


def test_a_year_before_any_budget_says_so_and_a_year_before_the_letter_says_not_yet():
    early = [f for f in FOUND if not f.key.startswith(("oir_", "eur_", "nl_cost"))] + [
        Finding(
            "oir_budget_first",
            "f",
            135.5e6,
            "EUR",
            2021,
            "@tab:budget_figures",
            "2nd supplementary budget",
        )
    ]
    assessed = pd.DataFrame([_claim(1, HOLDS, "not yet in 2012 (lower)")])
    text = _text(_page(found=early, assessed=assessed, year=2012))
    assert (
        "No figure of the reception-in-the-region budget line was found for 2012 or an earlier "
        "year; the first found is for 2021: EUR 135.5 million, 2nd supplementary budget "
        "(@tab:budget_figures)." in text
    )
    assert "No cost per person of asylum reception in the Netherlands was found up to 2012." in text
    # a year before UNHCR's decisions table: the page says so instead of showing tiles
    no_asylum = [f for f in early if not f.key.startswith(("nl_", "eu_", "arrivals_"))]
    sees = _text(_page(found=no_asylum, assessed=assessed, year=1995))
    assert (
        "What does the Netherlands see? UNHCR's table of asylum decisions has no figures " in sees
    )
    assert "The claims that do not hold yet in 2012 (@chapter:claims)" in text
    assert "Do not hold, or not yet" in text
    assert "not yet in 2012 (lower)" in text


def test_without_the_year_before_the_page_gives_the_total_alone():
    found = [f for f in FOUND if f.key != "forcibly_displaced_year_before"]
    text = _text(_page(found=found, change=None, returns=None))
    assert "are named. At the end of 2025, 119.3 million people were forcibly displaced " in text
    assert "returned home" not in text


def test_the_page_reads_in_dutch():
    with i18n.using("nl"):
        text = _text(_page())
    assert text.startswith("In één oogopslag Elk cijfer verwijst naar de figuur of tabel")
    assert "daar staan de bronnen. In 2025 daalde het aantal gedwongen ontheemden" in text
    assert (
        "voor het eerst sinds 2016: van 124,7 miljoen eind 2024 naar 119,3 miljoen, 5,4 miljoen "
        "(4,3%) minder" in text
    )
    assert "In 2025 keerden 4,36 miljoen vluchtelingen terug naar huis, tegen 1,62 miljoen" in text
    assert "Wereldwijd was 1 op de 69 mensen gedwongen ontheemd." in text
    assert "Hoeveel mensen zijn gedwongen ontheemd?" in text and "Wat betaalt Nederland?" in text
    assert "1,32 per 1.000 inwoners (EU-27: 1,49)" in text
    assert "€ 27.100" in text and "€ 22" in text
    # the Dutch edition names the claims in the letter's own words
    assert "‘Bewering nummer 4’" in text and "klopt niet" in text
    assert "De beweringen die niet (meer) kloppen (@chapter:claims)" in text


def _one_page(page: str) -> int:
    """Pages the summary takes in the report's CSS, its references written as the
    report's longest labels ('Tabel A.10', 'hoofdstuk 8')."""
    import weasyprint

    page = re.sub(r"@(fig|tab):\w+", "Tabel A.10", page)
    page = re.sub(r"@chapter:\w+", "hoofdstuk 8", page)

    css = (paths.TEMPLATES_DIR / "report" / "report.css").read_text(encoding="utf-8")
    document = weasyprint.HTML(
        string=f'<html><head><style>{css}</style></head><body class="jp-Notebook"><main>'
        f"{page}</main></body></html>"
    ).render()
    return len(document.pages)


@pytest.mark.parametrize("language", ["en", "nl"])
def test_the_longest_page_the_data_allow_fits_on_one_a4_page(language):
    """Every tile filled, the lead's longest sentences, the longest host names, and the
    scorecard naming the longest claims of the real ledger (the Dutch edition quotes the
    letter): still one page, whatever the parameters."""
    ledger = claims_data.load_ledger()
    longest = ledger.assign(length=ledger["letter_quote"].str.len()).nlargest(9, "length")
    assessed = pd.DataFrame(
        [
            _claim(n, HOLDS, OUTDATED_HIGHER, row.paraphrase, row.letter_quote)
            for n, row in enumerate(longest.itertuples(), start=1)
        ]
    )
    hosts = [
        "Democratic Republic of the Congo",
        "Iran (Islamic Republic of)",
        "Central African Republic",
    ]
    found = [
        Finding(f.key, f.label, f.value, f.unit, f.year, f.reference, hosts[int(f.key[-1]) - 1])
        if f.key.startswith("top_host_")
        else f
        for f in FOUND
    ]
    # rising in the series' first year of records, on record returns: the longest sentences
    change = YearChange(2025, 119_254_738.0, 124_673_873.0, 1, None, "oip", 4.92e6, 1990)
    returns = Returns(2025, 4_362_272, 1_615_821, None, True, 1959)
    with i18n.using(language):
        page = _page(found=found, assessed=assessed, change=change, returns=returns)
    assert _one_page(page) == 1
    named = BeautifulSoup(page, "html.parser").select("table.glance-claims tbody tr")
    assert len(named) == at_a_glance.MAX_NAMED_CLAIMS
    # the longest claims are cut at a word, the quote closed
    first = named[0].find("td").get_text()
    assert len(first) <= at_a_glance.MAX_CLAIM_CHARACTERS and "…" in first


def test_a_long_claim_is_cut_at_a_word_inside_its_quotation_marks():
    quote = "‘Wereldwijd zijn er momenteel bijna tachtig miljoen mensen ontheemd, meer dan ooit.’"
    assert at_a_glance.shortened(quote, 40) == "‘Wereldwijd zijn er momenteel bijna…’"
    assert at_a_glance.shortened("Short enough", 40) == "Short enough"
    assert at_a_glance.shortened("One two three, four", 17) == "One two three…"


def test_the_report_css_styles_the_page_s_own_classes():
    css = Path(paths.TEMPLATES_DIR / "report" / "report.css").read_text(encoding="utf-8")
    for selector in (
        "p.glance-lead",
        "section.glance-question",
        "ul.glance-tiles",
        "table.glance-claims",
    ):
        assert selector in css
