"""Every file a report is made from, in one registry. The rerun fingerprint and the
colophon both read it, so no input can change a report without changing both; a test
proves that the notebooks open no data file outside it."""

from __future__ import annotations

from dataclasses import dataclass

from displacement_report import letter, paths
from displacement_report.data import boundaries, documents, unhcr, worldbank
from displacement_report.data.provenance import DataFileInfo, inventory
from displacement_report.i18n import N_
from displacement_report.settings import ReportSettings


@dataclass(frozen=True)
class InputGroup:
    """Files from one source, with the title and version the colophon shows."""

    key: str
    title: str
    version: str
    files: tuple[DataFileInfo, ...]


def registered_inputs(settings: ReportSettings) -> tuple[InputGroup, ...]:
    """The input files of a report made with `settings`, with checksums."""
    reference = paths.reference_dir()
    groups = [
        InputGroup(
            "unhcr",
            N_("UNHCR Refugee Population Statistics Database (CC BY 4.0)"),
            unhcr.dataset_version(settings.data_dir),
            tuple(unhcr.file_inventory(settings.data_dir)),
        ),
        InputGroup(
            "worldbank",
            N_(
                "World Bank population, GDP per capita and income groups (CC BY 4.0); "
                "UN list of least developed countries"
            ),
            worldbank.readme_version(settings.worldbank_dir),
            tuple(worldbank.file_inventory(settings.worldbank_dir)),
        ),
        InputGroup(
            "project",
            N_(
                "Figures read in documents and the claims ledger (this repository's data/ "
                "folder; each row names its source)"
            ),
            "",
            tuple(documents.file_inventory()),
        ),
        InputGroup(
            "maps",
            N_(
                "Country boundaries for the maps: Natural Earth 4.1.0 (public domain), via "
                "the npm package world-atlas 2.0.2 (this repository's data/maps/ folder)"
            ),
            "4.1.0",
            tuple(boundaries.file_inventory()),
        ),
        InputGroup(
            "reference",
            N_(
                "Cited figures read on public pages (shared reference folder; each row quotes "
                "its source)"
            ),
            "",
            tuple(inventory(reference, sorted(p.name for p in reference.glob("*.csv")))),
        ),
        InputGroup(
            "letter",
            N_("The letter to parliament of 25 January 2021 (Kamerstuk 35 570 XVII, nr. 52)"),
            "",
            tuple(inventory(letter.TEXT_PATH.parent, [letter.TEXT_PATH.name])),
        ),
    ]
    if settings.iati_file is not None:
        groups.append(
            InputGroup(
                "iati",
                N_("IATI activity file"),
                "",
                tuple(inventory(settings.iati_file.parent, [settings.iati_file.name])),
            )
        )
    return tuple(groups)


def checksums(groups: tuple[InputGroup, ...]) -> dict[str, str]:
    """'<group>/<file>' -> SHA-256, for the rerun fingerprint."""
    return {f"{g.key}/{f.name}": f.sha256 for g in groups for f in g.files}


def registered_paths(groups: tuple[InputGroup, ...]) -> set[str]:
    return {str(f.path.resolve()) for g in groups for f in g.files}
