"""The combined HTML of an edition, cut into the web edition's pages: one per chapter
(the summary is the first), one per part of the closing matter (annex, what changed,
glossary, figures and tables, colophon). Nothing is rendered again: the pages hold the
very elements of the exported page, so numbers, references and exhibits are the PDF's.

Links between the parts (cross-references, the list of figures, the summary's tiles)
are pointed at the page that now holds their target."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bs4 import BeautifulSoup, Tag

from displacement_report.report.combine import CHAPTER_CELL, EXHIBITS_ID

COVER_CELL = "cell-id=report-cover"
CLOSING_CELL = "cell-id=report-colophon"
#: Parts of the closing matter without an id of their own, named by their class.
CLOSING_NAMES = {
    "changes": "what-changed",
    "glossary": "glossary",
    "colophon": "colophon",
    "exhibits-list": EXHIBITS_ID,
}


@dataclass
class Page:
    """One page of the web edition: `name` is its file's stem, the same in every
    edition, so the language switch leads to the same page."""

    name: str
    kind: str  # "chapter" or "closing"
    content: list[Tag] = field(default_factory=list)

    @property
    def file(self) -> str:
        return f"{self.name}.html"

    @property
    def title(self) -> str:
        for element in self.content:
            heading = element if element.name == "h1" else element.find("h1")
            if isinstance(heading, Tag):
                return heading_text(heading)
        return self.name

    def ids(self) -> set[str]:
        found = set()
        for element in self.content:
            if element.get("id"):
                found.add(str(element["id"]))
            found |= {str(tag["id"]) for tag in element.find_all(id=True)}
        return found


@dataclass(frozen=True)
class ContentsEntry:
    level: int
    text: str
    anchor: str


@dataclass
class SplitEdition:
    cover: Tag | None
    pages: list[Page]
    contents: list[ContentsEntry]
    #: anchor -> the page file that holds it
    anchors: dict[str, str]


def heading_text(heading: Tag) -> str:
    return heading.get_text().replace("¶", "").strip()


def page_name(text: str) -> str:
    """'global_picture' -> 'global-picture': a file name a URL carries as it is."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "page"


def _closing_name(element: Tag) -> str | None:
    if element.get("id"):
        return page_name(str(element["id"]))
    for cls in element.get("class") or []:
        if cls in CLOSING_NAMES:
            return CLOSING_NAMES[cls]
    heading = element.find("h1")
    if isinstance(heading, Tag) and heading.get("id"):
        return page_name(str(heading["id"]))
    return None


def _contents(soup: BeautifulSoup) -> list[ContentsEntry]:
    """The numbered contents the combine step wrote (then taken off the page: the site
    has its own menu)."""
    nav = next((n for n in soup.select("nav.toc") if "exhibits-list" not in n["class"]), None)
    if nav is None:
        return []
    entries = []
    for item in nav.find_all("li"):
        link = item.find("a")
        level = 1 if "toc-level-1" in (item.get("class") or []) else 2
        if isinstance(link, Tag):
            anchor = str(link.get("href", "")).removeprefix("#")
            entries.append(ContentsEntry(level, link.get_text(" ", strip=True), anchor))
    nav.extract()
    return entries


def split(page_html: str) -> SplitEdition:
    """The edition's pages in reading order, its cover and its contents."""
    soup = BeautifulSoup(page_html, "html.parser")
    contents = _contents(soup)
    main = soup.find("main") or soup.body
    assert isinstance(main, Tag), "an exported page has a body"
    cover: Tag | None = None
    pages: list[Page] = []
    for cell in [c for c in main.children if isinstance(c, Tag)]:
        cell_id = str(cell.get("id", ""))
        if cell_id == COVER_CELL:
            cover = cell
        elif cell_id == CLOSING_CELL:
            pages += _closing_pages(cell)
        elif cell_id.startswith(f"cell-id={CHAPTER_CELL}") or not pages:
            name = cell_id.removeprefix(f"cell-id={CHAPTER_CELL}")
            pages.append(Page(page_name(name), "chapter", [cell]))
        else:
            pages[-1].content.append(cell)
    anchors = {anchor: page.file for page in pages for anchor in page.ids()}
    return SplitEdition(cover, pages, contents, anchors)


def _closing_pages(cell: Tag) -> list[Page]:
    """Each part of the closing matter that starts with a title is a page of its own."""
    output = cell.select_one(".jp-RenderedHTML") or cell
    pages: list[Page] = []
    for element in [c for c in output.children if isinstance(c, Tag)]:
        name = _closing_name(element) if element.find("h1") or element.name == "h1" else None
        if name is not None or not pages:
            pages.append(Page(name or "closing", "closing", [element]))
        else:
            pages[-1].content.append(element)
    return pages
