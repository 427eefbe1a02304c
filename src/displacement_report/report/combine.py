"""Assemble the report: executed chapters into one notebook, then number the
chapters, sections and exhibits, gather the annex's tables and add a table of
contents and a list of figures and tables to the exported HTML.

The front matter is ordered as a publisher of statistics orders it: the cover, the
'At a glance' page, the contents; the list of figures and tables goes to the back,
before the colophon, where a reader looks something up."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
from bs4 import BeautifulSoup, NavigableString, Tag

from displacement_report.errors import ContentError
from displacement_report.i18n import N_, _
from displacement_report.present import typography
from displacement_report.report import annex

TOC_TITLE = N_("Contents")
EXHIBITS_TITLE = N_("Figures and tables")
EXHIBITS_ID = "figures-and-tables"
#: The words of an exhibit's label ('Figure 2.3'), translated when numbered.
EXHIBIT_KINDS = (N_("Figure"), N_("Table"))
#: How a reference to a chapter reads ('chapter 8').
CHAPTER_LABEL = N_("chapter {number}")
#: The first cell of each notebook gets this id prefix and the notebook's name without
#: its number ('chapter-claims' for 08_claims.ipynb): `@chapter:claims` finds it.
CHAPTER_CELL = "chapter-"
#: The summary page the contents follow (`present.narrative.at_a_glance`).
SUMMARY_CLASS = "at-a-glance"


def chapter_name(path: Path) -> str:
    """'08_claims.ipynb' -> 'claims': the name `@chapter:` references use."""
    return re.sub(r"^\d+_", "", path.stem)


def _output_cell(html_text: str, name: str) -> nbformat.NotebookNode:
    cell = nbformat.v4.new_code_cell(source="")
    cell.id = name  # fixed ids: the same inputs give the same page
    cell.outputs = [nbformat.v4.new_output("display_data", data={"text/html": html_text})]
    return cell


def combine(
    executed: Sequence[Path], cover: str | None, closing: str, title: str, layout: str = "report"
) -> nbformat.NotebookNode:
    """One notebook: cover (if any), every chapter's cells in order, colophon. `layout`
    ('report' or 'factsheet') goes into the metadata, where the page template reads it."""
    combined = nbformat.v4.new_notebook()
    combined.metadata = {
        "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
        "title": title,
        "report_layout": layout,
    }
    if cover is not None:
        combined.cells.append(_output_cell(cover, "report-cover"))
    for number, path in enumerate(executed, start=1):
        for index, cell in enumerate(nbformat.read(path, as_version=4).cells):
            # cell ids are unique per notebook, not across them
            cell.id = hashlib.sha256(f"{number}-{cell.get('id', '')}".encode()).hexdigest()[:16]
            if index == 0:  # where the chapter starts, for `@chapter:` references
                cell.id = CHAPTER_CELL + chapter_name(path)
            combined.cells.append(cell)
    combined.cells.append(_output_cell(closing, "report-colophon"))
    return combined


def _set_heading_text(heading, text: str) -> None:
    """Replace the heading's own text, keeping nbconvert's anchor link inside it."""
    for child in list(heading.children):
        if isinstance(child, NavigableString):
            child.extract()
    heading.insert(0, NavigableString(text))


@dataclass
class _Numbering:
    """What the numbering pass has found so far, in document order."""

    entries: list[tuple[int, str, str]] = field(default_factory=list)  # contents
    exhibits: list[tuple[str, str, str]] = field(default_factory=list)  # label, caption, anchor
    #: '' before the first chapter, then the chapter's number, or the annex's letter
    prefix: str = ""
    chapter: int = 0
    section: int = 0
    counts: dict[str, int] = field(default_factory=lambda: {"Figure": 0, "Table": 0})
    titles: dict[str, str] = field(default_factory=dict)  # chapter anchor -> numbered title
    numbers: dict[str, int] = field(default_factory=dict)  # chapter anchor -> its number

    def start(self, prefix: str) -> None:
        """A new chapter or annex: sections and exhibits count from 1 again."""
        self.prefix, self.section = prefix, 0
        self.counts = {"Figure": 0, "Table": 0}

    def exhibit(self, element: Tag, anchor: str) -> None:
        kind = "Figure" if element.name == "figure" else "Table"
        self.counts[kind] += 1
        n = self.counts[kind]
        label = f"{_(kind)} {self.prefix}.{n}" if self.prefix else f"{_(kind)} {n}"
        number = element.find(class_="exhibit-number")
        caption = element.find(["figcaption", "caption"])
        assert number is not None and caption is not None  # every exhibit has both
        number.string = label
        text = caption.get_text(" ", strip=True).removeprefix(label).strip()
        self.exhibits.append((label, text.removesuffix(_("Data (CSV)")).strip(), anchor))

    def heading(self, element: Tag, anchor: str) -> None:
        text = element.get_text().replace("¶", "").strip()
        annex_section = element.find_parent(class_=annex.SECTION_CLASS)
        if annex_section is not None:
            self._annex_heading(element, anchor, text, annex_section)
        elif element.find_parent(class_="unnumbered"):
            self.entries.append((1 if element.name == "h1" else 2, text, anchor))
        elif element.name == "h1":
            self.chapter += 1
            self.start(str(self.chapter))
            text = f"{self.chapter}. {text}"
            self.titles[anchor] = text
            self.numbers[anchor] = self.chapter
            self.entries.append((1, text, anchor))
            _set_heading_text(element, text)
        else:
            self.section += 1
            text = f"{self.chapter}.{self.section} {text}" if self.chapter else text
            self.entries.append((2, text, anchor))
            _set_heading_text(element, text)

    def _annex_heading(self, element: Tag, anchor: str, text: str, section: Tag) -> None:
        """The annex's title starts its numbering ('Table A.1'); a group heading takes
        the numbered title of the chapter its tables come from."""
        if element.name == "h1":
            self.start(str(section.get("data-annex", annex.LETTER)))
            self.entries.append((1, text, anchor))
            return
        text = self.titles.get(str(element.get("data-chapter", "")), text)
        _set_heading_text(element, text)
        self.entries.append((2, text, anchor))


def number_and_index(
    page: str, *, headings: bool = True, first_chapter: int = 1, strict: bool = True
) -> str:
    """Number chapters (h1), sections (h2), figures and tables (per chapter); move the
    tables marked for the annex into it and number them 'Table A.1', ...; resolve the
    text's references to figures, tables and chapters; insert a linked table of contents
    after the 'At a glance' page (after the cover if there is none) and a list of figures
    and tables before the colophon. The PDF fills in page numbers from the links. A
    reference to an exhibit or chapter that does not exist stops the build.

    `headings=False` (a factsheet): headings stay as written and the exhibits are
    numbered 1, 2, ... through the document. A preview of one chapter starts at its
    number (`first_chapter`) and, not `strict`, leaves a reference to another chapter's
    exhibit as written."""
    soup = BeautifulSoup(page, "html.parser")
    annex.gather(soup)
    found = _Numbering(chapter=first_chapter - 1)
    for element in soup.find_all(_numbered if headings else _is_exhibit):
        anchor = str(element["id"])  # 'id' is single-valued; bs4 types it as maybe a list
        if element.name not in ("h1", "h2"):
            found.exhibit(element, anchor)
        elif element.find_parent(class_="colophon"):
            found.entries.append((1, element.get_text().replace("¶", "").strip(), anchor))
            break  # the colophon's own subsections stay out of the contents
        else:
            found.heading(element, anchor)
    targets = {anchor: (anchor, label) for label, _caption, anchor in found.exhibits}
    targets |= _chapter_targets(soup, found.numbers)
    _resolve_references(soup, targets, strict=strict)
    cover = soup.find(class_="cover")
    if cover is None or not found.entries:
        keep_amounts_whole(soup)
        return str(soup)
    summary = soup.find(class_=SUMMARY_CLASS)
    colophon = soup.find(class_="colophon")
    if found.exhibits:
        exhibits_list = _list_of_exhibits(soup, found.exhibits)
        if colophon is not None:  # at the back, listed in the contents before the colophon
            colophon.insert_before(exhibits_list)
            anchor = colophon_anchor(colophon)
            at = next(
                (i for i, e in enumerate(found.entries) if e[2] == anchor), len(found.entries)
            )
            found.entries.insert(at, (1, _(EXHIBITS_TITLE), EXHIBITS_ID))
        else:
            cover.append(exhibits_list)
    contents = _contents(soup, found.entries)
    if summary is not None:  # cover, then the summary, then the contents
        summary.insert_after(contents)
    else:
        cover.append(contents)
    keep_amounts_whole(soup)  # also in the lists of contents and exhibits
    return str(soup)


def colophon_anchor(colophon: Tag) -> str:
    heading = colophon.find("h1")
    return str(heading.get("id", "")) if heading is not None else ""


def _chapter_targets(soup: BeautifulSoup, numbers: dict[str, int]) -> dict[str, tuple[str, str]]:
    """'chapter-claims' -> the anchor of that notebook's chapter heading and 'chapter 8',
    for the chapters the numbering pass numbered."""
    targets = {}
    for cell in soup.find_all(id=re.compile(f"^cell-id={CHAPTER_CELL}")):
        key = str(cell["id"]).removeprefix("cell-id=")
        heading = cell.find("h1") or cell.find_next("h1")
        anchor = str(heading.get("id", "")) if heading is not None else ""
        if anchor in numbers:
            targets[key] = (anchor, _(CHAPTER_LABEL).format(number=numbers[anchor]))
    return targets


def describe_document(page: str, *, author: str, subject: str, lang: str = "en") -> str:
    """Language, author and subject in the page's head: the PDF's document properties
    and what a screen reader announces."""
    soup = BeautifulSoup(page, "html.parser")
    if soup.html is not None:
        soup.html["lang"] = lang
    head = soup.head or soup.new_tag("head")
    for name, content in (("author", author), ("description", subject)):
        for old in head.find_all("meta", attrs={"name": name}):
            old.extract()
        head.append(soup.new_tag("meta", attrs={"name": name, "content": content}))
    return str(soup)


def _numbered(tag) -> bool:
    """Chapter and section headings, and the exhibits, in document order."""
    if tag.name in ("h1", "h2"):
        return bool(tag.get("id")) and tag.find_parent(class_="cover") is None
    return _is_exhibit(tag)


def _is_exhibit(tag) -> bool:
    return "exhibit" in (tag.get("class") or []) and tag.get("id") is not None


#: An amount kept on one line ('€ 1,3 miljard'): styled white-space: nowrap in report.css.
AMOUNT_CLASS = "amount"


def keep_amounts_whole(soup: BeautifulSoup) -> None:
    """Wrap each amount with its currency or unit ('€ 1,3 miljard', '20.4 million') in a
    span that never breaks over two lines. The text itself is left as written, so
    that what a reader copies or searches for is what the sentence says."""
    for node in list(soup.find_all(string=typography.AMOUNT)):
        if type(node) is not NavigableString or node.find_parent(["script", "style", "code"]):
            continue
        spans = typography.amounts(str(node))
        if not spans or node.find_parent(class_=AMOUNT_CLASS):
            continue
        last = 0
        for start, end in spans:
            node.insert_before(NavigableString(node[last:start]))
            whole = soup.new_tag("span", attrs={"class": AMOUNT_CLASS})
            whole.string = node[start:end]
            node.insert_before(whole)
            last = end
        node.insert_before(NavigableString(node[last:]))
        node.extract()


REFERENCE = re.compile(r"@(fig|tab|chapter):([A-Za-z0-9_]+)")


def _resolve_references(
    soup: BeautifulSoup, targets: dict[str, tuple[str, str]], strict: bool = True
) -> None:
    """'@fig:name' in the text becomes a link 'Figure 2.3' to the exhibit, and
    '@chapter:name' a link 'chapter 8' to the chapter made of notebook NN_name
    (`targets`: key -> (anchor, label)); with `strict`, a name nothing carries stops
    the build."""
    missing = []
    for node in list(soup.find_all(string=REFERENCE)):
        if node.find_parent(["script", "style", "code"]):
            continue
        pieces: list = []
        last = 0
        for match in REFERENCE.finditer(node):
            anchor = f"{match.group(1)}-{match.group(2)}"
            pieces.append(NavigableString(node[last : match.start()]))
            if anchor in targets:
                href, label = targets[anchor]
                link = soup.new_tag("a", href=f"#{href}", attrs={"class": "xref"})
                link.string = label
                pieces.append(link)
            else:
                missing.append(match.group(0))
                pieces.append(NavigableString(match.group(0)))
            last = match.end()
        pieces.append(NavigableString(node[last:]))
        for piece in pieces:
            node.insert_before(piece)
        node.extract()
    if missing and strict:
        raise ContentError(
            f"the text refers to {', '.join(sorted(set(missing)))}, which no chart or table "
            f"or chapter of the report is named; named are: {', '.join(sorted(targets)) or 'none'}"
        )


def _contents(soup: BeautifulSoup, entries: list[tuple[int, str, str]]):
    nav = soup.new_tag("nav", attrs={"class": "toc"})
    title = soup.new_tag("h1", attrs={"class": "toc-title", "id": "contents"})
    title.string = _(TOC_TITLE)
    nav.append(title)
    listing = soup.new_tag("ul")
    for level, text, anchor in entries:
        item = soup.new_tag("li", attrs={"class": f"toc-level-{level}"})
        link = soup.new_tag("a", href=f"#{anchor}")
        link.string = text
        item.append(link)
        listing.append(item)
    nav.append(listing)
    return nav


def _list_of_exhibits(soup: BeautifulSoup, exhibits: list[tuple[str, str, str]]):
    nav = soup.new_tag("nav", attrs={"class": "toc exhibits-list"})
    title = soup.new_tag("h1", attrs={"class": "toc-title", "id": EXHIBITS_ID})
    title.string = _(EXHIBITS_TITLE)
    nav.append(title)
    listing = soup.new_tag("ul")
    for label, caption, anchor in exhibits:
        item = soup.new_tag("li", attrs={"class": "toc-level-2"})
        link = soup.new_tag("a", href=f"#{anchor}")
        link.string = f"{label} {caption}"
        item.append(link)
        listing.append(item)
    nav.append(listing)
    return nav
