"""The web edition: the run's editions as a folder of pages, `<run>/site/<language>/`,
published with the run (the same `latest` link).

A report becomes an entry page (title, the summary's key figures, the chapters, the
country profiles, the downloads), one page per chapter and per part of the closing
matter, and a search page; a factsheet becomes one page. The pages are cut from the
edition's combined HTML (`site_pages.split`): no text exists twice. Every URL is
relative and nothing is fetched from elsewhere, so the folder works from file:// and
from any static web server; scripts only search and sort."""

from __future__ import annotations

import copy
import functools
import json
import re
import shutil
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import jinja2
from babel import Locale
from bs4 import BeautifulSoup, Tag
from markupsafe import Markup

from displacement_report import i18n, paths
from displacement_report.i18n import _
from displacement_report.report import datafiles, editions, publish
from displacement_report.report.site_pages import Page, SplitEdition, heading_text, split

SITE = "site"
ASSETS = "assets"
ENTRY = "index.html"
SEARCH = "search.html"
#: The pages' text for the search page, as a script (a JSON file cannot be read from
#: file://): it adds itself to `window.siteSearch`.
SEARCH_INDEX = "search-index.js"
TEMPLATES = paths.TEMPLATES_DIR / "site"
#: From a page of the site (<output>/latest/site/<lang>/) to the output folder.
TO_OUTPUT = "../../../"
#: From a page of the site to the run folder (the PDFs, <lang>/figures, workbook).
TO_RUN = "../../"
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


def entry(language: str) -> str:
    """The entry page of one language, relative to the run folder."""
    return f"{SITE}/{language}/{ENTRY}"


def profiles_index(language: str) -> str:
    """The country profiles' page in `language`, relative to the profiles folder."""
    return f"index.{language}.html"


@functools.cache
def environment() -> jinja2.Environment:
    """The site's templates, compiled once per process."""
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )


def labels() -> dict[str, str]:
    """The site's own words, in the current language."""
    return {
        "skip": _("Skip to the text"),
        "contents": _("Contents"),
        "search": _("Search the report and the country profiles"),
        "search_button": _("Search"),
        "pdf": _("PDF"),
        "pages": _("Previous and next page"),
        "previous": _("Previous"),
        "next": _("Next"),
    }


def language_name(language: str) -> str:
    """'Nederlands', 'English': each language in its own words."""
    name = Locale.parse(language).get_display_name(language) or language
    return name[:1].upper() + name[1:]


def _alternates(languages: Sequence[str], language: str, file: str) -> list[dict[str, str]]:
    """The same page in each other edition."""
    return [
        {"lang": other, "href": f"../{other}/{file}", "name": language_name(other)}
        for other in languages
        if other != language
    ]


def _is_relative(url: str) -> bool:
    return not (url.startswith(("#", "/")) or _SCHEME.match(url))


def _add_downloads(element: Tag, run_dir: Path, language: str) -> None:
    """Beside each exhibit's 'Data (CSV)' link: its JSON and the edition's workbook."""
    soup = _soup_of(element)
    workbook = f"{language}/{datafiles.WORKBOOK}"
    for link in element.select("a.data-link"):
        href = str(link.get("href", ""))
        if not href.endswith(".csv") or link.find_next_sibling(class_="exhibit-downloads"):
            continue
        extra = soup.new_tag("span", attrs={"class": "exhibit-downloads"})
        for target, text in ((href[:-4] + ".json", _("Data (JSON)")), (workbook, _("Workbook"))):
            if (run_dir / target).is_file():
                extra.append(" · ")
                anchor = soup.new_tag("a", href=target, attrs={"class": "data-link"})
                anchor.string = text
                extra.append(anchor)
        link.insert_after(extra)


def _soup_of(element: Tag) -> BeautifulSoup:
    top = element
    while top.parent is not None:
        top = top.parent
    assert isinstance(top, BeautifulSoup)
    return top


def _charts_as_files(element: Tag, run_dir: Path, language: str) -> None:
    """A chart's image is its SVG file, not a copy inside the page: smaller pages, and
    the file a reader saves is the chart (its alt text stays on the image)."""
    for figure in element.select("figure.exhibit[id^=fig-]"):
        image = figure.find("img", src=re.compile("^data:image/svg"))
        svg = f"{language}/figures/{str(figure['id']).removeprefix('fig-')}.svg"
        if isinstance(image, Tag) and (run_dir / svg).is_file():
            image["src"] = svg


def wrap_tables(element: Tag) -> None:
    """Each table in a region of its own that scrolls sideways where the screen is
    narrower than the table (a phone), named by its caption, reachable by keyboard."""
    soup = _soup_of(element)
    for table in element.find_all("table"):
        if table.parent is not None and "table-scroll" in (table.parent.get("class") or []):
            continue
        caption = table.find("caption")
        title = table.find_previous_sibling("p", class_="table-title")
        name = (caption or title or table.find("th") or table).get_text(" ", strip=True)
        region = soup.new_tag(
            "div",
            attrs={"class": "table-scroll", "role": "region", "tabindex": "0"},
        )
        region["aria-label"] = name[:120] or _("Table")
        table.wrap(region)


def _relink(element: Tag, here: str, anchors: dict[str, str]) -> None:
    """Links to a place on another page go to that page; paths inside the run (charts,
    data files) are made relative to the site's folder."""
    for tag in element.find_all(href=True):
        href = str(tag["href"])
        if href.startswith("#"):
            page = anchors.get(href[1:])
            if page is not None and page != here:
                tag["href"] = page + href
        elif _is_relative(href):
            tag["href"] = TO_RUN + href
    for tag in element.find_all(src=True):
        if _is_relative(str(tag["src"])):
            tag["src"] = TO_RUN + str(tag["src"])


def _text(elements: Sequence[Tag]) -> str:
    words = " ".join(e.get_text(" ") for e in elements).replace("¶", " ")
    return re.sub(r"\s+", " ", words).strip()


def _stylesheet(page_html: str) -> str:
    """The report's own stylesheet, as the exported page carries it in its head (read
    without parsing the whole page again: the head holds only the template's styles)."""
    head = page_html.split("</head>", 1)[0]
    return "\n".join(re.findall(r"<style[^>]*>(.*?)</style>", head, flags=re.S))


@dataclass(frozen=True)
class Edition:
    """What every page of one edition shares."""

    run_dir: Path
    language: str
    languages: tuple[str, ...]
    title: str
    folder: Path

    def render(self, template: str, file: str, **values: object) -> None:
        page = (
            environment()
            .get_template(template)
            .render(
                lang=self.language,
                site_title=self.title,
                labels=labels(),
                assets=f"../{ASSETS}/",
                alternates=_alternates(self.languages, self.language, file),
                pdf=TO_RUN + editions.report_pdf(self.language),
                description="",
                **values,
            )
        )
        (self.folder / file).write_text(page, encoding="utf-8")


def _write_assets(site_dir: Path, stylesheet: str) -> None:
    assets = site_dir / ASSETS
    assets.mkdir(parents=True, exist_ok=True)
    (assets / "report.css").write_text(stylesheet, encoding="utf-8")
    for name in ("site.css", "search.js", "table.js"):
        shutil.copyfile(TEMPLATES / name, assets / name)


def write_search_index(target: Path, records: list[dict[str, str]]) -> None:
    """The records ({u: URL, t: title, x: text}) as a script that registers them with
    the URL base its <script data-base> tag gives."""
    payload = json.dumps(records, ensure_ascii=False, separators=(",", ":"))
    target.write_text(
        "(window.siteSearch = window.siteSearch || []).push({base: "
        '(document.currentScript && document.currentScript.getAttribute("data-base")) || "", '
        f"records: {payload}}});\n",
        encoding="utf-8",
    )


def write_site(run_dir: Path, languages: Sequence[str], layout: str) -> Path:
    """Write `<run>/site/` from the run's exported editions: a report's pages, or a
    factsheet's one page per language. Returns the site's folder."""
    site_dir = run_dir / SITE
    site_dir.mkdir(exist_ok=True)
    for language in languages:
        page_html = (run_dir / editions.report_html(language)).read_text(encoding="utf-8")
        if language == languages[0]:
            _write_assets(site_dir, _stylesheet(page_html))
        with i18n.using(language):
            if layout == "factsheet":
                _write_factsheet(run_dir, tuple(languages), language, page_html)
            else:
                _write_report(run_dir, tuple(languages), language, page_html)
    return site_dir


def _edition(run_dir: Path, languages: tuple[str, ...], language: str, title: str) -> Edition:
    folder = run_dir / SITE / language
    folder.mkdir(parents=True, exist_ok=True)
    return Edition(run_dir, language, languages, title, folder)


def _write_factsheet(
    run_dir: Path, languages: tuple[str, ...], language: str, page_html: str
) -> None:
    found = split(page_html)
    content = [e for page in found.pages for e in page.content]
    whole = Page("factsheet", "chapter", content)
    edition = _edition(run_dir, languages, language, _("Country profiles"))
    for element in content:
        _charts_as_files(element, run_dir, language)
        _add_downloads(element, run_dir, language)
        wrap_tables(element)
        _relink(element, ENTRY, {})
    edition.render(
        "page.html.j2",
        ENTRY,
        title=whole.title,
        kind="factsheet",
        home=TO_OUTPUT + profiles_index(language),
        search="",
        menu=[],
        body=Markup("\n".join(str(e) for e in content)),
        previous=None,
        next={"href": TO_OUTPUT + profiles_index(language), "text": _("All country profiles")},
        scripts=[],
    )


def _site_title(found: SplitEdition, page_html: str) -> str:
    heading = found.cover.find("h1") if found.cover is not None else None
    if isinstance(heading, Tag):
        return heading_text(heading)
    title = BeautifulSoup(page_html, "html.parser").title
    return title.get_text(strip=True) if title is not None else _("Report")


def _menu(found: SplitEdition, current: str) -> list[dict[str, object]]:
    chapters = {e.anchor: e.text for e in found.contents if e.level == 1}
    items = []
    for page in found.pages:
        heading = next((e.find("h1") or e for e in page.content if e.find("h1")), None)
        anchor = str(heading.get("id", "")) if isinstance(heading, Tag) else ""
        sections = [
            {"href": f"#{e.anchor}", "text": e.text}
            for e in found.contents
            if e.level == 2 and found.anchors.get(e.anchor) == page.file
        ]
        items.append(
            {
                "href": page.file,
                "text": chapters.get(anchor, page.title),
                "current": page.file == current,
                "sections": sections if page.file == current else [],
            }
        )
    return items


def _write_report(run_dir: Path, languages: tuple[str, ...], language: str, page_html: str) -> None:
    found = split(page_html)
    edition = _edition(run_dir, languages, language, _site_title(found, page_html))
    for page in found.pages:
        for element in page.content:
            _charts_as_files(element, run_dir, language)
            _add_downloads(element, run_dir, language)
            wrap_tables(element)
    key_figures = [
        copy.copy(q) for e in found.pages[0].content for q in e.select("section.glance-question")
    ]
    for page in found.pages:
        for element in page.content:
            _relink(element, page.file, found.anchors)
    menu_of = {page.file: _menu(found, page.file) for page in found.pages}
    titles = [
        (p.file, str(item["text"])) for p, item in zip(found.pages, _menu(found, ""), strict=True)
    ]
    scripts = _search_scripts(language)
    common = {"kind": "report", "home": ENTRY, "search": SEARCH}
    for i, page in enumerate(found.pages):
        previous = titles[i - 1] if i else (ENTRY, _("Start"))
        following = titles[i + 1] if i + 1 < len(titles) else None
        edition.render(
            "page.html.j2",
            page.file,
            title=page.title,
            menu=menu_of[page.file],
            body=Markup("\n".join(str(e) for e in page.content)),
            previous={"href": previous[0], "text": previous[1]},
            next={"href": following[0], "text": following[1]} if following else None,
            scripts=[],
            **common,
        )
    _write_entry(edition, found, key_figures, titles, common)
    edition.render(
        "search.html.j2",
        SEARCH,
        title=_("Search"),
        menu=_menu(found, SEARCH),
        body="",
        previous=None,
        next=None,
        scripts=scripts,
        results_one=_("{count} page found for '{query}'."),
        results_many=_("{count} pages found for '{query}'."),
        needs_script=_("Searching needs JavaScript; the contents menu lists every page."),
        **common,
    )
    records = [
        {"u": page.file, "t": title, "x": _text(page.content)}
        for page, (_file, title) in zip(found.pages, titles, strict=True)
    ]
    write_search_index(edition.folder / SEARCH_INDEX, records)


def _search_scripts(language: str) -> list[dict[str, str]]:
    """The report's own index, the country profiles' and the search itself."""
    return [
        {"src": SEARCH_INDEX, "base": ""},
        {
            "src": f"{TO_OUTPUT}{publish.PROFILES}/search-index.{language}.js",
            "base": f"{TO_OUTPUT}{publish.PROFILES}/",
        },
        {"src": f"../{ASSETS}/search.js"},
    ]


def _write_entry(
    edition: Edition,
    found: SplitEdition,
    key_figures: list[Tag],
    titles: list[tuple[str, str]],
    common: dict[str, str],
) -> None:
    """The entry page: title, the cover's lines, the summary's key figures, the
    chapters, the country profiles and the downloads."""
    anchors = {anchor: page for anchor, page in found.anchors.items()}
    for question in key_figures:
        for tag in question.find_all(id=True):
            del tag["id"]
        _relink(question, ENTRY, anchors)
    lines = found.cover.select("p") if found.cover is not None else []
    run_dir, language = edition.run_dir, edition.language
    downloads = [
        (editions.report_pdf(language), _("The report as a PDF")),
        (f"{language}/{datafiles.WORKBOOK}", _("Every table and chart's data (Excel workbook)")),
        (f"{language}/{datafiles.FIGURES_JSON}", _("Every exhibit and key number (JSON)")),
    ]
    edition.render(
        "entry.html.j2",
        ENTRY,
        title=edition.title,
        menu=_menu(found, ENTRY),
        body="",
        previous=None,
        next={"href": titles[0][0], "text": titles[0][1]} if titles else None,
        scripts=[],
        cover_lines=[Markup(p.decode_contents()) for p in lines],
        key_figures=[Markup(str(q)) for q in key_figures],
        chapters=titles,
        profiles=TO_OUTPUT + f"{publish.PROFILES}/{profiles_index(language)}",
        downloads=[(TO_RUN + f, text) for f, text in downloads if (run_dir / f).is_file()],
        labels_entry={
            "key_figures": _("Key figures"),
            "chapters": _("Chapters"),
            "profiles": _("Country profiles"),
            "profiles_link": _("Every profiled host country: key figures, factsheets, PDFs"),
            "downloads": _("Downloads"),
        },
        **common,
    )
