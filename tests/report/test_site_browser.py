"""The web edition in a real browser: Debian's Chromium driven by Playwright through its
executable path (no browser download), on the shared builds' files (`default_report`
and `profiles`, laid side by side as a published output folder is), from file://.

For each kind of page at a desktop and a phone width: axe-core's WCAG 2.1 AA rules find
no violation, no console error, every image loads, nothing is requested outside the
site, nothing is wider than the screen. Then what a reader does: switch language,
search, sort and filter the profiles' table, read without JavaScript.

Without Chromium these tests skip and say why; CI sets REQUIRE_BROWSER_TESTS=1, which
makes a missing browser a failure. SITE_SCREENSHOTS=<folder> keeps a screenshot of each
page checked, to look at."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from displacement_report.report import publish
from tests.conftest import PROFILED

pytestmark = pytest.mark.notebook

#: Set to 1 (CI does) to fail, not skip, where the browser cannot be started.
REQUIRE_ENV = "REQUIRE_BROWSER_TESTS"
#: The Chromium to drive, where it is not `chromium` on the PATH.
CHROMIUM_ENV = "CHROMIUM_PATH"
SCREENSHOTS_ENV = "SITE_SCREENSHOTS"
WIDTHS = {"desktop": (1280, 900), "phone": (390, 844)}
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
#: One page of each kind, relative to the output folder.
PAGES = {
    "entry": "latest/site/{lang}/index.html",
    "chapter": "latest/site/{lang}/global-picture.html",
    "annex": "latest/site/{lang}/annex-a.html",
    "factsheet": "profiles/JOR/site/{lang}/index.html",
    "index": "profiles/index.{lang}.html",
    "search": "latest/site/{lang}/search.html?q={query}",
}
QUERY = {"en": "Jordan", "nl": "Jordanië"}


def chromium() -> str | None:
    return (
        os.environ.get(CHROMIUM_ENV) or shutil.which("chromium") or shutil.which("chromium-browser")
    )


def browser_unavailable() -> str | None:
    """Why the browser tests cannot run here, or None."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "Playwright is not installed (make env installs it)"
    if chromium() is None:
        return (
            "no Chromium found: install Debian's (apt-get install chromium) or set "
            f"{CHROMIUM_ENV} to a Chromium executable"
        )
    return None


# module scope: a running Playwright keeps an event loop in the worker's thread, and a
# later test of another module that calls asyncio.run (the kernels') would fail on it
@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    why = browser_unavailable()
    if why is not None:
        message = f"browser tests not run: {why}"
        if os.environ.get(REQUIRE_ENV) == "1":
            pytest.fail(f"{message} ({REQUIRE_ENV}=1 requires them)")
        pytest.skip(f"{message}; {REQUIRE_ENV}=1 turns this into a failure")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as driver:
        launched = driver.chromium.launch(executable_path=chromium())
        yield launched
        launched.close()


@pytest.fixture(scope="session")
def output(default_report, profiles, tmp_path_factory) -> Path:
    """An output folder as a reader gets it: the report published as `latest` beside
    the profiles (links into the shared builds, which stay as they are)."""
    folder = tmp_path_factory.mktemp("site-output")
    (folder / publish.LATEST).symlink_to(default_report.run_dir, target_is_directory=True)
    (folder / publish.PROFILES).symlink_to(profiles.out / publish.PROFILES)
    return folder


def test_a_crawl_from_the_entry_pages_finds_no_broken_link_anchor_or_image(output):
    """The report and the profiles published side by side: every page reachable from
    the entry pages and the profiles' table, the links between the two included."""
    from tests.report.test_site import crawl

    pages = crawl(
        *(output / PAGES["entry"].format(lang=lang) for lang in QUERY),
        output / "profiles" / "index.html",
    )
    assert output / "profiles" / "JOR" / "site" / "nl" / "index.html" in pages
    assert output / "profiles" / "index.en.html" in pages
    assert output / "latest" / "site" / "en" / "claims.html" in pages


class Visit:
    """A page opened in a fresh browser context, with what it logged and requested."""

    def __init__(self, browser, output: Path, path: str, width: str = "desktop", **options):
        width_px, height_px = WIDTHS[width]
        self.context = browser.new_context(
            viewport={"width": width_px, "height": height_px}, **options
        )
        self.page = self.context.new_page()
        self.errors: list[str] = []
        self.outside: list[str] = []
        root = output.as_uri() + "/"
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on(
            "request",
            lambda r: None if r.url.startswith((root, "data:")) else self.outside.append(r.url),
        )
        self.page.goto(root + path)
        self.page.wait_for_load_state("load")

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def visit(browser, output) -> Iterator:
    opened: list[Visit] = []

    def open_page(path: str, width: str = "desktop", **options) -> Visit:
        opened.append(Visit(browser, output, path, width, **options))
        return opened[-1]

    yield open_page
    for page in opened:
        page.close()


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("language", ["en", "nl"])
@pytest.mark.parametrize("kind", PAGES)
def test_each_kind_of_page_is_accessible_and_self_contained(visit, kind, language, width):
    from axe_playwright_python.sync_playwright import Axe

    path = PAGES[kind].format(lang=language, query=QUERY[language])
    seen = visit(path, width)
    page = seen.page
    assert seen.errors == []
    assert seen.outside == []
    broken = page.evaluate(
        "Array.from(document.images).filter(i => !i.complete || !i.naturalWidth).map(i => i.src)"
    )
    assert broken == []
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_21_AA}})
    assert results.violations_count == 0, results.generate_report()
    if folder := os.environ.get(SCREENSHOTS_ENV):
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(folder) / f"{kind}-{language}-{width}.png"))


def test_the_language_switch_lands_on_the_same_page(visit):
    for start, other in (("en", "nl"), ("nl", "en")):
        page = visit(f"latest/site/{start}/annex-a.html").page
        page.click("a.language-switch")
        assert page.url.endswith(f"/latest/site/{other}/annex-a.html")
        assert page.locator("html").get_attribute("lang") == other
    factsheet = visit("profiles/JOR/site/en/index.html").page
    factsheet.click("a.language-switch")
    assert factsheet.url.endswith("/profiles/JOR/site/nl/index.html")


@pytest.mark.parametrize("language", ["en", "nl"])
def test_a_search_for_the_country_finds_its_factsheet(visit, language):
    page = visit(f"latest/site/{language}/index.html").page
    page.fill("#site-search-q", QUERY[language])
    page.press("#site-search-q", "Enter")
    page.wait_for_selector("#search-results li")
    hrefs = page.eval_on_selector_all("#search-results a", "links => links.map(a => a.href)")
    assert any(h.endswith(f"/profiles/JOR/site/{language}/index.html") for h in hrefs)
    assert any("/latest/site/" in h for h in hrefs)  # the report's pages too


def _column(page, header: str) -> list[float | None]:
    index = page.eval_on_selector_all(
        "#profiles-table thead th", f"hs => hs.findIndex(h => h.textContent.trim() === {header!r})"
    )
    assert index >= 0
    values = page.eval_on_selector_all(
        "#profiles-table tbody tr",
        f"rows => rows.map(r => r.cells[{index}].getAttribute('data-value'))",
    )
    return [float(v) if v else None for v in values]


def test_the_profiles_table_sorts_by_refugees_and_filters(visit):
    page = visit("profiles/index.en.html").page
    header = "Refugees and other people in need of international protection"
    page.get_by_role("button", name=header).click()
    ascending = _column(page, header)
    numbers = [v for v in ascending if v is not None]
    assert numbers == sorted(numbers) and len(numbers) >= 2
    assert page.locator("th[aria-sort=ascending]").inner_text().strip() == header
    page.get_by_role("button", name=header).click()
    descending = [v for v in _column(page, header) if v is not None]
    assert descending == sorted(numbers, reverse=True)
    page.fill("#profiles-filter", "malta")
    assert page.locator("#profiles-table tbody tr:visible").count() == 1
    assert "Malta" in page.locator("#profiles-table tbody tr:visible").inner_text()


def test_the_profiles_table_sorts_by_the_neighbouring_share_islands_last(visit):
    page = visit("profiles/index.en.html").page
    header = "Share of refugees and OIP from a neighbouring country"
    for _order in ("ascending", "descending"):
        page.get_by_role("button", name=header).click()
        shares = _column(page, header)
        # Jordan, then the islands and the Palestinian territories (nobody hosted)
        assert shares[0] is not None and shares[1:] == [None] * (len(PROFILED) - 1)
        rows = page.locator("#profiles-table tbody tr")
        assert any("no land border" in rows.nth(i).inner_text() for i in (1, 2, 3))


def test_the_pages_read_without_javascript(visit):
    chapter = visit("latest/site/en/global-picture.html", java_script_enabled=False).page
    assert chapter.locator("main h1").first.inner_text().startswith("1.")
    assert chapter.locator("nav.site-menu a").count() >= 10
    index = visit("profiles/index.en.html", "phone", java_script_enabled=False).page
    assert index.locator("#profiles-table tbody tr").count() == len(PROFILED)
    assert not index.locator("#profiles-filter").is_visible()  # shown by the script only


def test_on_a_phone_the_contents_button_reaches_the_menu(visit):
    page = visit("latest/site/en/global-picture.html", "phone").page
    assert not page.locator("nav.site-menu").is_visible() or page.evaluate(
        "document.querySelector('nav.site-menu').getBoundingClientRect().top > window.innerHeight"
    )
    page.click(".menu-button a")
    assert page.locator("nav.site-menu").is_visible()
    assert page.evaluate(
        "(r => r.top < window.innerHeight && r.bottom > 0)"
        "(document.querySelector('nav.site-menu').getBoundingClientRect())"
    )
