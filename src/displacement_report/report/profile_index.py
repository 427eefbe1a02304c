"""The page that lists every published country profile: `<output>/profiles/index.html`.

Made from what is published under `profiles/` (the links to complete runs), not from
the batch that just ran, so a batch of a few countries keeps the others listed. Written
atomically, under a lock, so two batches finishing together leave a page that lists
both."""

from __future__ import annotations

import contextlib
import fcntl
import html
import json
import re
import shutil
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from babel import Locale
from bs4 import BeautifulSoup
from markupsafe import Markup

from displacement_report import paths
from displacement_report.analysis.key_figures import NEIGHBOURING_SHARE
from displacement_report.errors import OutputError
from displacement_report.i18n import (
    LANGUAGES,
    N_,
    _,
    country_name,
    locale_code,
    ngettext,
    using,
)
from displacement_report.paths import KEY_NUMBERS_FILE
from displacement_report.present.format import count, percent, signed_percent
from displacement_report.report import publish
from displacement_report.report.editions import report_html, report_pdf
from displacement_report.report.publish import INPUTS_FILE
from displacement_report.report.site import (
    ASSETS,
    ENTRY,
    SEARCH,
    SITE,
    TEMPLATES,
    environment,
    language_name,
    write_search_index,
)
from displacement_report.report.site import labels as site_labels

INDEX = "index.html"
_LOCK = ".index.lock"


#: The index table's figures: columns of the profiles' key numbers (key_numbers.json,
#: the factsheet's tiles); refugees and OIP added up, as Global Trends counts them.
FIGURE_COLUMNS: dict[str, tuple[str, ...]] = {
    "refugees_oip": ("refugees", "oip"),
    "unrwa_refugees": ("unrwa_refugees",),
    "asylum_seekers": ("asylum_seekers",),
    "idps": ("idps",),
}
FIGURE_HEADERS = {
    "refugees_oip": N_("Refugees and other people in need of international protection"),
    "unrwa_refugees": N_("Palestine refugees (UNRWA mandate)"),
    "asylum_seekers": N_("Asylum-seekers"),
    "idps": N_("Internally displaced people (IDMC)"),
}


CHANGE_HEADER = N_("Refugees and OIP, change on the year")
NEIGHBOURING_HEADER = N_("Share of refugees and OIP from a neighbouring country")


@dataclass(frozen=True)
class PublishedProfile:
    code: str  # ISO3, the link's name
    name: str  # as readers know it
    report_year: int | None
    #: language -> (HTML, PDF), relative to the index page; only complete editions;
    #: the HTML is the web edition's page where the profile has one
    editions: dict[str, tuple[str, str]]
    #: FIGURE_COLUMNS' key -> people (None: no figure)
    figures: dict[str, int | None] = field(default_factory=dict)
    #: refugees and OIP against the year before, in percent (None: no figure for either)
    change: float | None = None
    #: refugees and OIP from a neighbouring country, in percent (None: nobody hosted, or
    #: a factsheet from before the share was a key number)
    neighbouring_share: float | None = None
    #: the countries it borders by land (0: an island state; None: not known)
    land_borders: int | None = None


def _report_year(run: Path) -> int | None:
    try:
        settings = json.loads((run / INPUTS_FILE).read_text(encoding="utf-8"))["settings"]
        return int(settings["report_year"])
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _page(link: Path, lang: str) -> str:
    """The profile's page in `lang`: the web edition's, else the exported HTML."""
    site_page = f"{SITE}/{lang}/{ENTRY}"
    return site_page if (link / site_page).is_file() else report_html(lang)


def _editions(link: Path) -> dict[str, tuple[str, str]]:
    """The editions of one published profile whose HTML and PDF are both there."""
    return {
        lang: (f"{link.name}/{_page(link, lang)}", f"{link.name}/{report_pdf(lang)}")
        for lang in LANGUAGES
        if (link / report_html(lang)).is_file() and (link / report_pdf(lang)).is_file()
    }


def _key_numbers(link: Path, languages: Sequence[str]) -> list[dict]:
    """The factsheet's key numbers (its tiles), from the first edition that has them."""
    for lang in languages:
        path = link / lang / "figures" / KEY_NUMBERS_FILE
        try:
            return list(json.loads(path.read_text(encoding="utf-8")))
        except (OSError, ValueError, TypeError):
            continue
    return []


def _figures(numbers: list[dict]) -> dict[str, int | None]:
    """The key numbers the factsheet shows, as the index table's columns."""
    values = {str(n.get("key")): n.get("value") for n in numbers}
    figures: dict[str, int | None] = {}
    for column, keys in FIGURE_COLUMNS.items():
        known = [int(v) for k in keys if (v := values.get(k)) is not None]
        figures[column] = sum(known) if known else None
    return figures


def change_on_the_year(
    numbers: list[dict], keys: Sequence[str] = ("refugees", "oip")
) -> float | None:
    """Refugees and OIP against the year before, in percent, over the groups with a
    figure in both years (a group not counted the year before is left out, not taken
    as 0); None where no group has both or the year before had none."""
    pairs = [
        (n["value"], n["previous"])
        for n in numbers
        if n.get("key") in keys and n.get("value") is not None and n.get("previous") is not None
    ]
    before = sum(p for _v, p in pairs)
    if not pairs or not before:
        return None
    return 100 * (sum(v for v, _p in pairs) - before) / before


def neighbouring(numbers: list[dict]) -> tuple[float | None, int | None]:
    """The factsheet's share of refugees and OIP from a neighbouring country (percent)
    and its number of land borders, from its key numbers; (None, None) where it has none."""
    for number in numbers:
        if number.get("key") == NEIGHBOURING_SHARE:
            value, borders = number.get("value"), number.get("land_borders")
            return (
                None if value is None else float(value),
                None if borders is None else int(borders),
            )
    return None, None


def published_profiles(profiles_dir: Path, names: Mapping[str, str]) -> list[PublishedProfile]:
    """Every profile published in `profiles_dir` with at least one complete edition, by
    name. `names` maps ISO3 codes to the data's names (the fallback where CLDR has none)."""
    found = []
    for link in profiles_dir.iterdir() if profiles_dir.is_dir() else []:
        code = link.name
        if code.startswith(".") or not link.is_dir() or code == ASSETS:
            continue
        editions = _editions(link)
        if editions:
            numbers = _key_numbers(link, list(editions))
            share, borders = neighbouring(numbers)
            found.append(
                PublishedProfile(
                    code,
                    country_name(code, names.get(code, code)),
                    _report_year(link),
                    editions,
                    _figures(numbers),
                    change_on_the_year(numbers),
                    share,
                    borders,
                )
            )
    return sorted(found, key=lambda p: (p.name.casefold(), p.code))


def _links(profile: PublishedProfile, lang: str) -> str:
    if lang not in profile.editions:
        return "–"
    page, pdf = (html.escape(path) for path in profile.editions[lang])
    pdf_label, page_label = html.escape(_("PDF")), html.escape(_("Web page"))
    return (
        f'<a href="{pdf}" hreflang="{lang}">{pdf_label}</a> · '
        f'<a href="{page}" hreflang="{lang}">{page_label}</a>'
    )


def _figure_cell(value: int | None) -> str:
    if value is None:
        return '<td class="number" data-value="">–</td>'
    return f'<td class="number" data-value="{value}">{html.escape(count(value))}</td>'


def _change_cell(change: float | None) -> str:
    if change is None:
        return '<td class="number" data-value="">–</td>'
    return (
        f'<td class="number" data-value="{change:.1f}">{html.escape(signed_percent(change))}</td>'
    )


def _share_cell(share: float | None, land_borders: int | None) -> str:
    """The neighbouring share; an island state's cell says it has no land border (a share
    of 0 there is geography, not anyone's choice), sorted with the cells without a figure."""
    if share is None or land_borders == 0:
        text = _("no land border") if land_borders == 0 else "–"
        return f'<td class="number" data-value="">{html.escape(text)}</td>'
    return f'<td class="number" data-value="{share:.1f}">{html.escape(percent(share))}</td>'


def _row(profile: PublishedProfile, languages: Sequence[str]) -> str:
    year = "–" if profile.report_year is None else str(profile.report_year)
    figures = "".join(_figure_cell(profile.figures.get(c)) for c in FIGURE_COLUMNS)
    figures += _change_cell(profile.change)
    figures += _share_cell(profile.neighbouring_share, profile.land_borders)
    links = "".join(f"<td>{_links(profile, lang)}</td>" for lang in languages)
    return (
        f'<tr><th scope="row">{html.escape(profile.name)}</th><td>{html.escape(profile.code)}</td>'
        f'<td data-value="{year if year != "–" else ""}">{year}</td>{figures}{links}</tr>'
    )


def _table(profiles: list[PublishedProfile], languages: Sequence[str]) -> str:
    names = [_("Country"), _("ISO3"), _("Report year")]
    names += [_(FIGURE_HEADERS[c]) for c in FIGURE_COLUMNS]
    names += [_(CHANGE_HEADER), _(NEIGHBOURING_HEADER)]
    names += [Locale.parse(code).get_display_name(locale_code()) or code for code in languages]
    headers = "".join(f'<th scope="col">{html.escape(h)}</th>' for h in names)
    rows = "".join(_row(p, languages) for p in profiles)
    caption = _("Key figures at the end of the report year, by host country")
    return (
        f'<div class="table-scroll" role="region" tabindex="0" aria-label="{html.escape(caption)}">'
        f'<table id="profiles-table" class="report-table profiles-table">'
        f"<caption>{html.escape(caption)}</caption>"
        f"<thead><tr>{headers}</tr></thead><tbody>{rows}</tbody></table></div>"
    )


def index_html(
    profiles: list[PublishedProfile], lang: str = "en", output_dir: Path | None = None
) -> str:
    """The profiles' page in language `lang`: a table with one row per profile, its
    key figures and links to the PDF and web page of each edition; sorted and filtered
    in the browser by table.js (a plain table without it). Links the report's web
    edition where `output_dir` has one published."""
    with using(lang):
        title = _("Country profiles")
        languages = [code for code in LANGUAGES if any(code in p.editions for p in profiles)]
        intro = ngettext(
            "{count} published country profile of one or two pages.",
            "{count} published country profiles, one or two pages each.",
            len(profiles),
        ).format(count=len(profiles))
        report_entry = f"{publish.LATEST}/{SITE}/{lang}/{ENTRY}"
        has_report = output_dir is not None and (output_dir / report_entry).is_file()
        filter_label = _("Filter the table")
        report_name = _("The report: chapters, figures and tables")
        shown = _("{count} countries shown")
        body = (
            f"<h1>{html.escape(title)}</h1><p>{html.escape(intro)}</p>"
            + (
                f'<p><a href="../{html.escape(report_entry)}">{html.escape(report_name)}</a></p>'
                if has_report
                else ""
            )
            + '<div class="profiles-filter" hidden>'
            f'<label for="profiles-filter">{html.escape(filter_label)}</label> '
            '<input id="profiles-filter" type="search"> '
            f'<span id="profiles-filter-status" role="status" aria-live="polite" '
            f'data-template="{html.escape(shown)}"></span></div>' + _table(profiles, languages)
        )
        return (
            environment()
            .get_template("page.html.j2")
            .render(
                lang=lang,
                title=title,
                site_title=title,
                description="",
                labels=site_labels(),
                assets=f"{ASSETS}/",
                alternates=[
                    {"lang": other, "href": profiles_page(other), "name": language_name(other)}
                    for other in LANGUAGES
                    if other != lang
                ],
                kind="profiles",
                home=profiles_page(lang),
                search=f"../{publish.LATEST}/{SITE}/{lang}/{SEARCH}" if has_report else "",
                menu=[],
                pdf="",
                body=Markup(body),
                previous=None,
                next=None,
                scripts=[{"src": f"{ASSETS}/table.js"}],
            )
        )


def search_records(profiles: list[PublishedProfile], profiles_dir: Path, lang: str) -> list:
    """Each profile's page in `lang`, as the search page reads it."""
    records = []
    for profile in profiles:
        if lang not in profile.editions:
            continue
        page = profile.editions[lang][0]
        soup = BeautifulSoup((profiles_dir / page).read_text(encoding="utf-8"), "html.parser")
        main = soup.find("main") or soup.body or soup
        for chrome in main.select("nav, script, style"):
            chrome.extract()
        text = re.sub(r"\s+", " ", main.get_text(" ").replace("¶", " ")).strip()
        heading = main.find("h1")
        title = heading.get_text().replace("¶", "").strip() if heading else profile.name
        records.append({"u": page, "t": title, "x": text})
    return records


@contextlib.contextmanager
def _locked(folder: Path) -> Iterator[None]:
    with (folder / _LOCK).open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def profiles_page(lang: str) -> str:
    """The profiles' page in one language; index.html is the first language's."""
    return f"index.{lang}.html"


def write_index(output_dir: Path, names: Mapping[str, str], folder: str, lang: str = "en") -> Path:
    """List what is published under `<output_dir>/<folder>` in its index.html, in
    language `lang`, and in index.<language>.html in every language; write the search
    index of the profiles' pages in every language and the pages' stylesheets and script."""
    profiles_dir = output_dir / folder
    target = profiles_dir / INDEX
    try:
        profiles_dir.mkdir(parents=True, exist_ok=True)
        with _locked(profiles_dir):
            _write_assets(profiles_dir)
            for language in LANGUAGES:
                with using(language):  # the names readers of that language know
                    profiles = published_profiles(profiles_dir, names)
                page = index_html(profiles, lang=language, output_dir=output_dir).encode()
                publish.write_bytes_atomically(profiles_dir / profiles_page(language), page)
                if language == lang:
                    publish.write_bytes_atomically(target, page)
                records = search_records(profiles, profiles_dir, language)
                index = profiles_dir / f"search-index.{language}.js"
                write_search_index(index, records)
    except OSError as exc:
        raise OutputError(
            f"writing the index of the profiles {target} failed: {exc.strerror or exc}"
        ) from None
    return target


def _write_assets(profiles_dir: Path) -> None:
    """The page's stylesheets and script, beside it (no request leaves the site)."""
    assets = profiles_dir / ASSETS
    assets.mkdir(exist_ok=True)
    shutil.copyfile(paths.TEMPLATES_DIR / "report" / "report.css", assets / "report.css")
    for name in ("site.css", "table.js"):
        shutil.copyfile(TEMPLATES / name, assets / name)
