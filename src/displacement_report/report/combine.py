"""Assemble the report: executed chapters into one notebook, then number the
chapters and sections and add a table of contents to the exported HTML."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path

import nbformat
from bs4 import BeautifulSoup, NavigableString

TOC_TITLE = "Contents"


def _output_cell(html_text: str, name: str) -> nbformat.NotebookNode:
    cell = nbformat.v4.new_code_cell(source="")
    cell.id = name  # fixed ids: the same inputs give the same page
    cell.outputs = [nbformat.v4.new_output("display_data", data={"text/html": html_text})]
    return cell


def combine(
    executed: Sequence[Path], cover: str, closing: str, title: str
) -> nbformat.NotebookNode:
    """One notebook: cover, every chapter's cells in order, colophon."""
    combined = nbformat.v4.new_notebook()
    combined.metadata = {
        "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
        "title": title,
    }
    combined.cells.append(_output_cell(cover, "report-cover"))
    for number, path in enumerate(executed, start=1):
        for cell in nbformat.read(path, as_version=4).cells:
            # cell ids are unique per notebook, not across them
            cell.id = hashlib.sha256(f"{number}-{cell.get('id', '')}".encode()).hexdigest()[:16]
            combined.cells.append(cell)
    combined.cells.append(_output_cell(closing, "report-colophon"))
    return combined


def _set_heading_text(heading, text: str) -> None:
    """Replace the heading's own text, keeping nbconvert's anchor link inside it."""
    for child in list(heading.children):
        if isinstance(child, NavigableString):
            child.extract()
    heading.insert(0, NavigableString(text))


def number_and_index(page: str) -> str:
    """Number chapter (h1) and section (h2) headings and insert a linked table of
    contents after the cover. The PDF fills in page numbers from the links."""
    soup = BeautifulSoup(page, "html.parser")
    entries: list[tuple[int, str, str]] = []
    chapter = section = 0
    for heading in soup.find_all(["h1", "h2"]):
        if heading.find_parent(class_="cover") or not heading.get("id"):
            continue
        text = heading.get_text().replace("¶", "").strip()
        if heading.find_parent(class_="colophon"):
            entries.append((1, text, heading["id"]))
            break  # the colophon's own subsections stay out of the contents
        if heading.name == "h1":
            chapter, section = chapter + 1, 0
            text = f"{chapter}. {text}"
            entries.append((1, text, heading["id"]))
        else:
            section += 1
            text = f"{chapter}.{section} {text}" if chapter else text
            entries.append((2, text, heading["id"]))
        _set_heading_text(heading, text)
    cover = soup.find(class_="cover")
    if cover is None or not entries:
        return str(soup)
    nav = soup.new_tag("nav", attrs={"class": "toc"})
    title = soup.new_tag("h1", attrs={"class": "toc-title", "id": "contents"})
    title.string = TOC_TITLE
    nav.append(title)
    listing = soup.new_tag("ul")
    for level, text, anchor in entries:
        item = soup.new_tag("li", attrs={"class": f"toc-level-{level}"})
        link = soup.new_tag("a", href=f"#{anchor}")
        link.string = text
        item.append(link)
        listing.append(item)
    nav.append(listing)
    cover.append(nav)
    return str(soup)
