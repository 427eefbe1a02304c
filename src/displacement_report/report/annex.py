"""The annex of reference tables: long lists a chapter summarises and refers to.

A chapter marks a table for the annex where it makes it (`exhibits.table_html(...,
annex=True)`); the notebook may display it anywhere. The build puts an empty annex
section before the closing pages (`section_html`), and `gather` moves every marked
table into it, in report order, under the title of the chapter it came from. Numbering
(`combine.number_and_index`) then labels them 'Table A.1', 'Table A.2', ..., and the
chapter's `@tab:name` references resolve to those labels. With no marked table the
section is removed.
"""

from __future__ import annotations

import html

from bs4 import BeautifulSoup, Tag

from displacement_report.errors import ContentError
from displacement_report.i18n import N_, _
from displacement_report.present.table_layout import ANNEX_CLASS

#: The class of the annex section; its `data-annex` attribute holds its letter.
SECTION_CLASS = "annex"
LETTER = "A"
TITLE = N_("Figures from public documents")
INTRODUCTION = N_(
    "The complete lists the chapters summarise: each figure as read in a public "
    "document, with the kind of amount, its period and place and the quality of its "
    "source; each table's data file (CSV) also gives every figure's identifier, to trace "
    "it to the report's sources. The tables are grouped under the "
    "chapter that refers to them. Figures that overlap (the same envelope cited by several "
    "documents, a country's part of a package) are listed as published and never added up."
)


def section_html(letter: str = LETTER) -> str:
    """The annex, empty: a heading and what it holds; `gather` fills it."""
    title = _("Annex {letter}. {title}").format(letter=letter, title=_(TITLE))
    return (
        f'<section class="{SECTION_CLASS}" data-annex="{letter}" id="annex-{letter.lower()}">'
        f'<h1 id="annex-{letter.lower()}-title">{html.escape(title)}</h1>'
        f"<p>{html.escape(_(INTRODUCTION))}</p></section>"
    )


def _chapter_heading(tag: Tag) -> bool:
    """A chapter's title: an h1 with an anchor, not on the cover or an unnumbered page."""
    return (
        tag.name == "h1"
        and bool(tag.get("id"))
        and tag.find_parent(class_=["cover", "unnumbered", SECTION_CLASS]) is None
    )


def _group_heading(soup: BeautifulSoup, chapter: Tag, letter: str) -> Tag:
    """'6. Dutch money ...' over the chapter's tables; numbered with the chapter."""
    anchor = str(chapter["id"])
    heading = soup.new_tag(
        "h2", attrs={"id": f"annex-{letter.lower()}-{anchor}", "data-chapter": anchor}
    )
    heading.string = chapter.get_text().replace("¶", "").strip()
    return heading


def gather(soup: BeautifulSoup) -> None:
    """Move every table marked for the annex into the annex section, grouped by the
    chapter it came from; drop the section if nothing is marked."""
    section = soup.find("section", class_=SECTION_CLASS)
    marked = soup.find_all(class_=ANNEX_CLASS)
    if not marked:
        if section is not None:
            section.decompose()
        return
    if section is None:
        names = ", ".join(str(m.get("id", "")) for m in marked)
        raise ContentError(f"tables marked for the annex ({names}) but the page has no annex")
    letter = str(section.get("data-annex", LETTER))
    current = None
    for element in marked:
        chapter = element.find_previous(_chapter_heading)
        if chapter is not None and chapter is not current:
            section.append(_group_heading(soup, chapter, letter))
            current = chapter
        section.append(element.extract())
