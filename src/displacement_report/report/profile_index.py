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
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from displacement_report.errors import OutputError
from displacement_report.i18n import _, country_name, language
from displacement_report.report import publish
from displacement_report.report.fingerprint import INPUTS_FILE

INDEX = "index.html"
_LOCK = ".index.lock"


@dataclass(frozen=True)
class PublishedProfile:
    code: str  # ISO3, the link's name
    name: str  # as readers know it
    report_year: int | None
    html: str  # relative to the index page
    pdf: str


def _report_year(run: Path) -> int | None:
    try:
        settings = json.loads((run / INPUTS_FILE).read_text(encoding="utf-8"))["settings"]
        return int(settings["report_year"])
    except (OSError, ValueError, KeyError, TypeError):
        return None


def published_profiles(profiles_dir: Path, names: Mapping[str, str]) -> list[PublishedProfile]:
    """Every profile published in `profiles_dir` whose HTML and PDF are there, by name.
    `names` maps ISO3 codes to the data's names (the fallback where CLDR has none)."""
    found = []
    for link in profiles_dir.iterdir() if profiles_dir.is_dir() else []:
        code = link.name
        if code.startswith(".") or not link.is_dir():
            continue
        if not ((link / "report.html").is_file() and (link / "report.pdf").is_file()):
            continue
        found.append(
            PublishedProfile(
                code,
                country_name(code, names.get(code, code)),
                _report_year(link),
                f"{code}/report.html",
                f"{code}/report.pdf",
            )
        )
    return sorted(found, key=lambda p: (p.name.casefold(), p.code))


def _row(profile: PublishedProfile) -> str:
    year = "–" if profile.report_year is None else str(profile.report_year)
    return (
        f"<tr><td>{html.escape(profile.name)}</td><td>{html.escape(profile.code)}</td>"
        f"<td>{year}</td>"
        f'<td><a href="{html.escape(profile.pdf)}">{html.escape(_("PDF"))}</a></td>'
        f'<td><a href="{html.escape(profile.html)}">{html.escape(_("HTML"))}</a></td></tr>'
    )


def index_html(profiles: list[PublishedProfile], lang: str = "en") -> str:
    """A small page of its own (no script, no web fonts): a table with one row per
    profile and a link to its PDF and HTML."""
    title = _("Country profiles")
    rows = "".join(_row(p) for p in profiles)
    intro = _("{count} published country profiles, one or two pages each.").format(
        count=len(profiles)
    )
    headers = "".join(
        f'<th scope="col">{html.escape(h)}</th>'
        for h in (_("Country"), _("ISO3"), _("Report year"), _("PDF"), _("HTML"))
    )
    return (
        f'<!DOCTYPE html>\n<html lang="{html.escape(lang)}"><head><meta charset="utf-8">'
        f"<title>{html.escape(title)}</title>"
        "<style>body{font-family:'DejaVu Sans',Arial,sans-serif;max-width:44rem;"
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


def write_index(output_dir: Path, names: Mapping[str, str], folder: str) -> Path:
    """List what is published under `<output_dir>/<folder>` in its index.html."""
    profiles_dir = output_dir / folder
    target = profiles_dir / INDEX
    try:
        profiles_dir.mkdir(parents=True, exist_ok=True)
        with _locked(profiles_dir):
            page = index_html(published_profiles(profiles_dir, names), lang=language())
            publish.write_bytes_atomically(target, page.encode("utf-8"))
    except OSError as exc:
        raise OutputError(
            f"writing the index of the profiles {target} failed: {exc.strerror or exc}"
        ) from None
    return target
