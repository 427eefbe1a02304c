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
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from babel import Locale

from displacement_report.errors import OutputError
from displacement_report.i18n import LANGUAGES, _, country_name, locale_code, ngettext, using
from displacement_report.report import publish
from displacement_report.report.editions import report_html, report_pdf
from displacement_report.report.publish import INPUTS_FILE

INDEX = "index.html"
_LOCK = ".index.lock"


@dataclass(frozen=True)
class PublishedProfile:
    code: str  # ISO3, the link's name
    name: str  # as readers know it
    report_year: int | None
    #: language -> (HTML, PDF), relative to the index page; only complete editions
    editions: dict[str, tuple[str, str]]


def _report_year(run: Path) -> int | None:
    try:
        settings = json.loads((run / INPUTS_FILE).read_text(encoding="utf-8"))["settings"]
        return int(settings["report_year"])
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _editions(link: Path) -> dict[str, tuple[str, str]]:
    """The editions of one published profile whose HTML and PDF are both there."""
    return {
        lang: (f"{link.name}/{report_html(lang)}", f"{link.name}/{report_pdf(lang)}")
        for lang in LANGUAGES
        if (link / report_html(lang)).is_file() and (link / report_pdf(lang)).is_file()
    }


def published_profiles(profiles_dir: Path, names: Mapping[str, str]) -> list[PublishedProfile]:
    """Every profile published in `profiles_dir` with at least one complete edition, by
    name. `names` maps ISO3 codes to the data's names (the fallback where CLDR has none)."""
    found = []
    for link in profiles_dir.iterdir() if profiles_dir.is_dir() else []:
        code = link.name
        if code.startswith(".") or not link.is_dir():
            continue
        editions = _editions(link)
        if editions:
            found.append(
                PublishedProfile(
                    code, country_name(code, names.get(code, code)), _report_year(link), editions
                )
            )
    return sorted(found, key=lambda p: (p.name.casefold(), p.code))


def _links(profile: PublishedProfile, lang: str) -> str:
    if lang not in profile.editions:
        return "–"
    page, pdf = (html.escape(path) for path in profile.editions[lang])
    return (
        f'<a href="{pdf}" hreflang="{lang}">{html.escape(_("PDF"))}</a> · '
        f'<a href="{page}" hreflang="{lang}">{html.escape(_("HTML"))}</a>'
    )


def _row(profile: PublishedProfile, languages: Sequence[str]) -> str:
    year = "–" if profile.report_year is None else str(profile.report_year)
    links = "".join(f"<td>{_links(profile, lang)}</td>" for lang in languages)
    return (
        f"<tr><td>{html.escape(profile.name)}</td><td>{html.escape(profile.code)}</td>"
        f"<td>{year}</td>{links}</tr>"
    )


def index_html(profiles: list[PublishedProfile], lang: str = "en") -> str:
    """A small page of its own (no script, no web fonts), in language `lang`: a table
    with one row per profile and links to the PDF and HTML of each of its editions."""
    with using(lang):
        title = _("Country profiles")
        languages = [code for code in LANGUAGES if any(code in p.editions for p in profiles)]
        rows = "".join(_row(p, languages) for p in profiles)
        intro = ngettext(
            "{count} published country profile of one or two pages.",
            "{count} published country profiles, one or two pages each.",
            len(profiles),
        ).format(count=len(profiles))
        names = [_("Country"), _("ISO3"), _("Report year")] + [
            Locale.parse(code).get_display_name(locale_code()) or code for code in languages
        ]
        headers = "".join(f'<th scope="col">{html.escape(h)}</th>' for h in names)
    return (
        f'<!DOCTYPE html>\n<html lang="{html.escape(lang)}"><head><meta charset="utf-8">'
        f"<title>{html.escape(title)}</title>"
        "<style>body{font-family:'DejaVu Sans',Arial,sans-serif;max-width:48rem;"
        "margin:1rem auto;padding:0 1rem;color:#222}table{border-collapse:collapse}"
        "th,td{text-align:left;padding:.2em .8em;border-bottom:1px solid #ddd}</style>"
        f"</head><body><h1>{html.escape(title)}</h1><p>{html.escape(intro)}</p>"
        f"<table><thead><tr>{headers}</tr></thead><tbody>{rows}</tbody></table>"
        "</body></html>\n"
    )


@contextlib.contextmanager
def _locked(folder: Path) -> Iterator[None]:
    with (folder / _LOCK).open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def write_index(output_dir: Path, names: Mapping[str, str], folder: str, lang: str = "en") -> Path:
    """List what is published under `<output_dir>/<folder>` in its index.html, in
    language `lang`."""
    profiles_dir = output_dir / folder
    target = profiles_dir / INDEX
    try:
        profiles_dir.mkdir(parents=True, exist_ok=True)
        with _locked(profiles_dir), using(lang):
            page = index_html(published_profiles(profiles_dir, names), lang=lang)
            publish.write_bytes_atomically(target, page.encode("utf-8"))
    except OSError as exc:
        raise OutputError(
            f"writing the index of the profiles {target} failed: {exc.strerror or exc}"
        ) from None
    return target
