"""Read a built PDF page by page through its tagged structure, as a reader sees the
pages: what each page begins and ends with (a heading, a table's title, a table's rows).

WeasyPrint writes one structure subtree per page (a table that runs over two pages is
two /Table elements, the second without its /Caption), so the page an element lies on
and the rows a table has on each page are read from the tags, not guessed from fonts.
Text is decoded only for the pages a finding names.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pypdf
import pypdfium2
from pypdf.generic import ArrayObject, DictionaryObject

HEADINGS = ("/H1", "/H2", "/H3", "/H4", "/H5", "/H6")


@dataclass(frozen=True)
class Item:
    """One run of marked content, with the roles of the elements around it, outermost
    first (e.g. Part, Div, Table, TBody, TR, TD, Span)."""

    roles: tuple[str, ...]
    mcids: tuple[int, ...]
    chapter: int | None = None  # the object number of the h1 it belongs to

    def within(self, *roles: str) -> bool:
        return any(role in roles for role in self.roles)


@dataclass
class TablePart:
    """The rows one table has on one page."""

    captioned: bool  # its title is on this page (the table starts here)
    body_rows: int
    first: bool = False  # the page's first block
    last: bool = False  # the page's last block


@dataclass
class Page:
    number: int
    items: list[Item] = field(default_factory=list)
    tables: list[TablePart] = field(default_factory=list)


def pages(reader: pypdf.PdfReader) -> list[Page]:
    """Each page's marked content in reading order, and its tables' rows."""
    numbers = {page.indirect_reference.idnum: n for n, page in enumerate(reader.pages, 1)}
    document = reader.trailer["/Root"]["/StructTreeRoot"]["/K"][0].get_object()
    found = {n: Page(n) for n in numbers.values()}
    for part in _kids(document):
        page_ref = part.get("/Pg")
        page = found[numbers[page_ref.idnum]]
        blocks = [child for child in _kids(part)]
        for index, block in enumerate(blocks):
            for table in _elements(block, "/Table"):
                rows = _body_rows(table)
                has_caption = any(True for _ in _elements(table, "/Caption"))
                page.tables.append(
                    TablePart(
                        has_caption,
                        rows,
                        first=index == 0 and _first_leaf_in(block, table),
                        last=index == len(blocks) - 1 and _last_leaf_in(block, table),
                    )
                )
            page.items.extend(_items(block, ("/Part",)))
    return [found[n] for n in sorted(found)]


def _kids(element: DictionaryObject) -> Iterator[DictionaryObject]:
    kids = element.get("/K")
    if kids is None:
        return
    for kid in kids if isinstance(kids, ArrayObject) else [kids]:
        obj = kid.get_object()
        if isinstance(obj, DictionaryObject) and "/S" in obj:
            yield obj


def _own_mcids(element: DictionaryObject) -> tuple[int, ...]:
    kids = element.get("/K")
    listed = kids if isinstance(kids, ArrayObject) else [kids]
    mcids = []
    for kid in listed:
        obj = kid.get_object() if kid is not None else None
        if isinstance(obj, int):
            mcids.append(int(obj))
        elif isinstance(obj, DictionaryObject) and "/MCID" in obj:
            mcids.append(int(obj["/MCID"]))
    return tuple(mcids)


def _items(
    element: DictionaryObject, roles: tuple[str, ...], chapter: int | None = None
) -> Iterator[Item]:
    roles = (*roles, str(element["/S"]))
    if element["/S"] == "/H1":
        chapter = element.indirect_reference.idnum if element.indirect_reference else -1
    mcids = _own_mcids(element)
    if mcids:
        yield Item(roles, mcids, chapter)
    for kid in _kids(element):
        yield from _items(kid, roles, chapter)


def _elements(element: DictionaryObject, role: str) -> Iterator[DictionaryObject]:
    if element["/S"] == role:
        yield element
        return  # a table inside a table is not written by this report
    for kid in _kids(element):
        yield from _elements(kid, role)


def _body_rows(table: DictionaryObject) -> int:
    """Rows of data: those outside the header group (repeated on every page)."""
    rows = 0
    for group in _kids(table):
        if group["/S"] == "/TR":
            rows += 1
        elif group["/S"] in ("/TBody", "/TFoot"):
            rows += sum(1 for row in _kids(group) if row["/S"] == "/TR")
    return rows


def _leaves(element: DictionaryObject) -> list[DictionaryObject]:
    found = [element] if _own_mcids(element) else []
    for kid in _kids(element):
        found += _leaves(kid)
    return found


def _first_leaf_in(block: DictionaryObject, table: DictionaryObject) -> bool:
    leaves, inside = _leaves(block), _leaves(table)
    return bool(leaves) and bool(inside) and leaves[0] is inside[0]


def _last_leaf_in(block: DictionaryObject, table: DictionaryObject) -> bool:
    leaves, inside = _leaves(block), _leaves(table)
    return bool(leaves) and bool(inside) and leaves[-1] is inside[-1]


def text_of(reader: pypdf.PdfReader, page_number: int, mcids: tuple[int, ...]) -> str:
    """The text of some marked content on one page (for a finding's message)."""
    page = reader.pages[page_number - 1]
    stack: list[int | None] = []
    texts: dict[int, str] = {}

    def operator(op: bytes, args: list, _cm, _tm) -> None:
        if op == b"BDC":
            properties = args[1] if len(args) > 1 else None
            stack.append(properties.get("/MCID") if hasattr(properties, "get") else None)
        elif op == b"BMC":
            stack.append(None)
        elif op == b"EMC" and stack:
            stack.pop()

    def text(content: str, _cm, _tm, _font, _size) -> None:
        mcid = next((m for m in reversed(stack) if m is not None), None)
        if mcid is not None:
            texts[mcid] = texts.get(mcid, "") + content

    page.extract_text(visitor_operand_before=operator, visitor_text=text)
    return " ".join(" ".join(texts.get(m, "") for m in mcids).split())


def layout_findings(path: Path) -> list[str]:
    """What a reader would call a badly broken page: a heading or a table's title at
    the foot of a page, a chapter (h1) that begins below other text, a table continued
    with a single row, a blank page. Each finding names the page and the text."""
    found: list[tuple[int, str, tuple[int, ...]]] = []
    reader = pypdf.PdfReader(path)
    read = pages(reader)
    for page, following in zip(read, [*read[1:], None], strict=True):
        found += _page_findings(page, following)
    return [
        f"page {number}: {what}" + (f": '{text_of(reader, number, mcids)[:80]}'" if mcids else "")
        for number, what, mcids in found
    ]


def _page_findings(page: Page, following: Page | None) -> list[tuple[int, str, tuple[int, ...]]]:
    if not page.items:
        return [(page.number, "the page is blank", ())]
    found = []
    last = page.items[-1]
    if last.within(*HEADINGS):
        found.append((page.number, "a heading ends the page", last.mcids))
    elif last.within("/Caption") and last.within("/Table"):
        found.append((page.number, "a table's title ends the page", last.mcids))
    for before, item in zip(page.items, page.items[1:], strict=False):
        if item.chapter is not None and item.chapter != before.chapter:
            found.append((page.number, "a chapter begins mid-page", item.mcids))
    return found + [(page.number, what, ()) for what in _table_findings(page, following)]


def _table_findings(page: Page, following: Page | None) -> list[str]:
    """A table's title without rows; a table split with one row on either side."""
    found = []
    continues = bool(following and following.tables and following.tables[0].first)
    continues = continues and not following.tables[0].captioned  # type: ignore[union-attr]
    for table in page.tables:
        if table.captioned and table.body_rows == 0:
            found.append("a table's title without its rows")
        split = (table.first and not table.captioned) or (table.last and continues)
        if split and table.body_rows == 1:
            found.append("a table continues with a single row")
    return found


def rendered_table_width(table: str, language: str) -> tuple[float, float]:
    """The table's width and the text column's, laid out by WeasyPrint in the report's
    CSS on an A4 page, in the edition's language (its hyphenation)."""
    return rendered_table_widths([table], language)[0]


def rendered_table_widths(exhibits: list[str], language: str) -> list[tuple[float, float]]:
    """`rendered_table_width` of each exhibit's table (HTML holding one <table>), all
    laid out in one document, each from a new page: one layout instead of one each."""
    import weasyprint
    from bs4 import BeautifulSoup

    from displacement_report import paths

    css = (paths.TEMPLATES_DIR / "report" / "report.css").read_text(encoding="utf-8")
    parts = []
    for number, exhibit in enumerate(exhibits):
        soup = BeautifulSoup(exhibit, "html.parser")
        table = soup.find("table")
        assert table is not None, exhibit[:80]
        table["data-measured"] = str(number)
        parts.append(f'<div style="break-before: page">{soup}</div>')
    document = weasyprint.HTML(
        string=f'<html lang="{language}"><head><style>{css}</style></head>'
        f'<body class="jp-Notebook"><main>{"".join(parts)}</main></body></html>'
    ).render()
    widths: dict[int, float] = {}
    room: list[float] = []

    def walk(box) -> None:
        if type(box).__name__ == "TableBox":
            number = int(box.element.get("data-measured"))
            widths[number] = max(widths.get(number, 0.0), box.width)
            return
        if getattr(box, "element_tag", "") == "main":
            room.append(box.width)
        for child in getattr(box, "children", None) or []:
            walk(child)

    for page in document.pages:
        walk(page._page_box)
    assert sorted(widths) == list(range(len(exhibits))), "a table was not laid out"
    return [(widths[number], max(room)) for number in range(len(exhibits))]


POINTS_PER_CM = 72 / 2.54


def side_margins(stylesheet: str) -> tuple[float, float]:
    """The left and right page margins in points, as `@page { margin: ... }` of one of
    the report's stylesheets (report.css, factsheet.css) sets them in cm."""
    from displacement_report import paths

    css = (paths.TEMPLATES_DIR / "report" / stylesheet).read_text(encoding="utf-8")
    found = re.search(
        r"@page\s*\{[^}]*?margin:\s*([0-9.]+)cm\s+([0-9.]+)cm(?:\s+([0-9.]+)cm\s+([0-9.]+)cm)?", css
    )
    assert found is not None, f"no @page margin in {stylesheet}"
    right = float(found.group(2))
    left = float(found.group(4) or right)
    return left * POINTS_PER_CM, right * POINTS_PER_CM


def text_past_the_margins(pdf: Path, margins: tuple[float, float]) -> list[str]:
    """Each page with a glyph right of the right margin (half a point allowed for
    rounding), as "page N: 'text' to X pt (limit Y)": a table wider than the text column,
    a word running off the page. (A list's bullets stand in the left margin by design.)"""
    _left, right = margins
    found = []
    document = pypdfium2.PdfDocument(pdf)
    try:
        for number in range(len(document)):
            page = document[number]
            limit = page.get_width() - right + 0.5
            text = page.get_textpage()
            for i in range(text.count_chars()):
                glyph = text.get_text_range(i, 1)
                if glyph.isspace():
                    continue
                _x0, _bottom, x1, _top = text.get_charbox(i)
                if x1 > limit:
                    line = text.get_text_range(max(0, i - 40), 60).replace("\r\n", " ")
                    found.append(f"page {number + 1}: '{line}' to {x1:.1f} pt (limit {limit:.1f})")
                    break  # one finding per page is enough to see it
    finally:
        document.close()
    return found
