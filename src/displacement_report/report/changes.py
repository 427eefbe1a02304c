"""What changed between two runs of the same parameter set: key numbers and the data of
every chart and table that moved by more than a threshold, claim verdicts that changed,
countries that entered or left the top-host and top-origin tables, and input files
whose content changed. Used for the annex of each new report, `changes.json`, and the
`diff` command.

Two things that are not changes in the data are kept apart: a country now written
differently ('Congo - Kinshasa' -> 'DR Congo') is the same row, and a chart or table
whose caption changed measures something else now; its numbers are not
compared, the annex says its definition changed."""

from __future__ import annotations

import html
import json
import math
import textwrap
from collections.abc import Hashable
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

import pandas as pd
from babel.numbers import format_decimal

from displacement_report.errors import ReportError
from displacement_report.i18n import N_, _, country_code, locale_code, ngettext, using
from displacement_report.paths import KEY_NUMBERS_FILE
from displacement_report.present.format import count, percent
from displacement_report.report.publish import INPUTS_FILE

#: A number is reported as changed when it moved by more than this share of its old value.
THRESHOLD = 0.005
CHANGES_FILE = "changes.json"
RANKING_TABLES = ("top_hosts", "top_origins")
#: The name changes.json gives the key numbers the text states.
KEY_NUMBERS = "key numbers"


class RunFolderError(ReportError):
    """A run folder that cannot be compared: missing, incomplete, or of another set."""


@dataclass(frozen=True)
class RunRecord:
    """What a run folder holds for comparison."""

    path: Path
    inputs: dict[str, Any]
    key_numbers: dict[str, dict[str, Any]]
    exhibits: dict[str, pd.DataFrame]
    #: Each exhibit's caption, in the language of the edition it was read from.
    captions: dict[str, str] = field(default_factory=dict)


def _figures_folder(run: Path, inputs: dict) -> Path:
    """The charts and tables compared: the English edition's if the run made one (the
    numbers are the same in every edition), else its first."""
    languages = inputs.get("settings", {}).get("language") or ["en"]
    language = "en" if "en" in languages else languages[0]
    return run / language / "figures"


def load_run(path: Path, *, figures: Path | None = None, inputs: dict | None = None) -> RunRecord:
    """Read a run folder (or, for the run being made, its figures and inputs so far)."""
    if not path.exists():
        raise RunFolderError(f"run folder {path} does not exist")
    if not path.is_dir():
        raise RunFolderError(f"{path} is not a run folder")
    if inputs is None:
        record = path / INPUTS_FILE
        if not record.is_file():
            raise RunFolderError(
                f"{path} is incomplete: it has no {INPUTS_FILE} (the run stopped or is still "
                "running), so what it was made from is unknown"
            )
        inputs = json.loads(record.read_text(encoding="utf-8"))
    folder = figures or _figures_folder(path, inputs)
    numbers_file = folder / KEY_NUMBERS_FILE
    numbers = (
        {n["key"]: n for n in json.loads(numbers_file.read_text(encoding="utf-8"))}
        if numbers_file.is_file()
        else {}
    )
    exhibits, captions = {}, {}
    for described in sorted(folder.glob("*.json")) if folder.is_dir() else []:
        if described.name == KEY_NUMBERS_FILE:
            continue
        meta = json.loads(described.read_text(encoding="utf-8"))
        exhibits[meta["name"]] = pd.read_csv(folder / meta["data_file"])
        captions[meta["name"]] = str(meta.get("caption", ""))
    return RunRecord(path, inputs, numbers, exhibits, captions)


@dataclass
class Changes:
    """The differences between an older and a newer run, each list in report order."""

    old_run: str
    new_run: str
    threshold: float = THRESHOLD
    numbers: list[dict[str, Any]] = field(default_factory=list)
    verdicts: list[dict[str, Any]] = field(default_factory=list)
    rankings: list[dict[str, Any]] = field(default_factory=list)
    data_files: list[dict[str, Any]] = field(default_factory=list)
    #: Country names written differently now, {"old", "new"}: the same rows, not changes.
    renamed: list[dict[str, str]] = field(default_factory=list)
    #: Exhibits whose caption changed, {"exhibit", "old", "new"} (captions):
    #: their numbers measure something else now and are not compared.
    redefined: list[dict[str, str]] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (
            self.numbers or self.verdicts or self.rankings or self.data_files or self.redefined
        )

    def note_renamed(self, old: str, new: str) -> None:
        entry = {"old": old, "new": new}
        if entry not in self.renamed:
            self.renamed.append(entry)

    def summary(self) -> str:
        if self.empty:
            return f"no changes since {self.old_run}"
        return (
            f"changes since {self.old_run}: {len(self.numbers)} number(s) moved by more than "
            f"{self.threshold:.1%}, {len(self.verdicts)} verdict(s) changed, "
            f"{len(self.rankings)} ranking change(s), "
            f"{len(self.data_files)} input file(s) changed, "
            f"{len(self.redefined)} exhibit(s) defined differently"
        )

    def to_json(self) -> str:
        return json.dumps(asdict(self) | {"summary": self.summary()}, indent=2, default=str)


def _moved(old: float, new: float, threshold: float) -> bool:
    if math.isnan(old) and math.isnan(new):
        return False
    if math.isnan(old) or math.isnan(new):
        return True
    if old == 0:
        return new != 0
    return abs(new - old) / abs(old) > threshold


def _row_label(row: pd.Series, keys: list[str]) -> str:
    """'Refugees / 2019'; a part the chart leaves empty (a bar chart's one unnamed series,
    read back from its CSV as NaN) is left out, never shown as 'nan'."""
    if not keys:
        return str(row.name)
    return " / ".join(str(row[k]) for k in keys if not pd.isna(row[k]) and str(row[k]) != "")


def _is_text(column: pd.Series) -> bool:
    return column.dtype == object or pd.api.types.is_string_dtype(column)


#: The word that marks a verdict column in a table's header, in each edition's language.
VERDICT = N_("verdict")


#: The claims table's column of what a verdict rests on: words, not a verdict.
VERDICT_BASIS = N_("Verdict on the letter rests")


def _verdict(column: Hashable) -> bool:
    """A column of verdicts ('Verdict now'; 'Oordeel nu' in the Dutch edition), not the
    one that says what the verdict rests on."""
    header = str(column).lower()
    if header in (VERDICT_BASIS.lower(), _(VERDICT_BASIS).lower()):
        return False
    return "verdict" in header or _(VERDICT).lower() in header


def _row_keys(old: pd.DataFrame, new: pd.DataFrame) -> list[str]:
    """The columns that name a row: a chart's panel, series and x; in a table its first
    text column (the country, group or claim), with more text columns if that repeats."""
    if {"series", "x", "value"} <= set(new.columns):
        return [c for c in ("panel", "series", "x") if c in new.columns]
    texts = [c for c in new.columns if _is_text(new[c]) and c in old.columns and not _verdict(c)]
    for n in range(1, len(texts) + 1):
        if not new.duplicated(subset=texts[:n]).any():
            return texts[:n]
    # a chart's data file with named columns (year, group, people): the group repeats
    # once a year, so the year names the row with it
    years = [c for c in new.columns if c in old.columns and _is_year(new[c])]
    if years and not new.duplicated(subset=[*texts, years[0]]).any():
        return [*texts, years[0]]
    return texts


def _is_year(column: pd.Series) -> bool:
    """Whole numbers that all read as years."""
    if not pd.api.types.is_integer_dtype(column) or column.empty:
        return False
    return bool(column.between(1900, 2100).all())


LABEL_PARTS = " / "


def _same_row(label: str) -> tuple[str, ...]:
    """A row label with each part that names a country replaced by its code, so that a
    row whose country is written differently now is matched with its old self."""
    return tuple(country_code(part) or part for part in label.split(LABEL_PARTS))


def _match_renamed(
    old_rows: dict[str, Any], new_rows: dict[str, Any], changes: Changes
) -> dict[str, Any]:
    """`old_rows` under their new labels where only a country's name changed."""
    gone = {_same_row(label): label for label in old_rows if label not in new_rows}
    matched = dict(old_rows)
    for label in new_rows:
        if label in old_rows:
            continue
        before = gone.get(_same_row(label))
        if before is None:
            continue
        matched[label] = matched.pop(before)
        for old_part, new_part in zip(
            before.split(LABEL_PARTS), label.split(LABEL_PARTS), strict=True
        ):
            if old_part != new_part:
                changes.note_renamed(old_part, new_part)
    return matched


def _compare_frames(name: str, old: pd.DataFrame, new: pd.DataFrame, changes: Changes) -> None:
    keys = _row_keys(old, new)
    label_old = old.apply(_row_label, axis=1, keys=keys) if len(old) else pd.Series(dtype=str)
    label_new = new.apply(_row_label, axis=1, keys=keys) if len(new) else pd.Series(dtype=str)
    new_rows = dict(zip(label_new, new.to_dict("records"), strict=True))
    old_rows = _match_renamed(
        dict(zip(label_old, old.to_dict("records"), strict=True)), new_rows, changes
    )
    if name in RANKING_TABLES:
        for label in sorted(set(new_rows) - set(old_rows)):
            changes.rankings.append({"table": name, "row": label, "change": "new"})
        for label in sorted(set(old_rows) - set(new_rows)):
            changes.rankings.append({"table": name, "row": label, "change": "removed"})
    for label, new_row in new_rows.items():
        old_row = old_rows.get(label)
        if old_row is not None:
            _compare_row(name, label, old_row, new_row, keys, changes)


def _compare_row(
    name: str,
    label: str,
    old_row: dict[Hashable, Any],
    new_row: dict[Hashable, Any],
    keys: list[str],
    changes: Changes,
) -> None:
    """One row present in both runs: a verdict that differs, a number that moved."""
    for column, new_value in new_row.items():
        if column in keys or column not in old_row:
            continue
        old_value = old_row[column]
        if _verdict(column):
            if str(old_value) != str(new_value):
                changes.verdicts.append(
                    {
                        "exhibit": name,
                        "row": label,
                        "column": column,
                        "old": old_value,
                        "new": new_value,
                    }
                )
            continue
        try:
            a, b = float(old_value), float(new_value)
        except (TypeError, ValueError):
            continue
        if _moved(a, b, changes.threshold):
            changes.numbers.append(
                {"exhibit": name, "row": label, "column": column, "old": a, "new": b}
            )


def _redefined(old: RunRecord, new: RunRecord, name: str) -> bool:
    """The exhibit is described differently now: its caption says what it measures, so a
    new caption is a new definition. (A column added is not: the columns both runs
    have are compared.)"""
    before, now = (" ".join(run.captions.get(name, "").split()) for run in (old, new))
    return bool(before and now and before != now)


def _same_shape(old: pd.DataFrame, new: pd.DataFrame) -> bool:
    """The same columns and as many rows: with a new caption, a table that gained a
    column or rows measures something else even where no shared number moved."""
    return list(old.columns) == list(new.columns) and len(old) == len(new)


def _same_label(before: dict[str, Any], now: dict[str, Any], changes: Changes) -> bool:
    """A key number's label unchanged, or changed only in how its country is written
    ('Origin number 7: Congo - Kinshasa' -> '...: DR Congo'; the country is its detail)."""
    old_label, new_label = str(before.get("label")), str(now.get("label"))
    if old_label == new_label:
        return True
    old_detail, new_detail = str(before.get("detail") or ""), str(now.get("detail") or "")
    code = country_code(new_detail) if new_detail else None
    if code is None or country_code(old_detail) != code:
        return False
    if old_label.replace(old_detail, code) != new_label.replace(new_detail, code):
        return False
    changes.note_renamed(old_detail, new_detail)
    return True


def _compare_exhibits(old: RunRecord, new: RunRecord, changes: Changes) -> list[str]:
    """Compare every exhibit both runs have; return those defined differently now: a new
    caption, and numbers that moved or columns or rows that came or went. Their moves are
    not listed one by one (they measure something else now); an exhibit only reworded,
    its data the same, is no change."""
    redefined = []
    for name, frame in new.exhibits.items():
        if name not in old.exhibits:
            continue
        found = replace(changes, numbers=[], verdicts=[], rankings=[], renamed=[])
        _compare_frames(name, old.exhibits[name], frame, found)
        for entry in found.renamed:
            changes.note_renamed(entry["old"], entry["new"])
        moved = len(found.numbers) + len(found.rankings) + len(found.verdicts)
        if (moved or not _same_shape(old.exhibits[name], frame)) and _redefined(old, new, name):
            redefined.append(name)
            changes.redefined.append(
                {"exhibit": name, "old": old.captions[name], "new": new.captions[name]}
            )
            continue
        changes.numbers += found.numbers
        changes.verdicts += found.verdicts
        changes.rankings += found.rankings
    return redefined


def compare(old: RunRecord, new: RunRecord, threshold: float = THRESHOLD) -> Changes:
    """Everything that moved between `old` and `new` (same parameter set expected)."""
    changes = Changes(old.path.name, new.path.name, threshold)
    redefined = _compare_exhibits(old, new, changes)
    in_exhibits, changes.numbers = changes.numbers, []
    for key, number in new.key_numbers.items():
        before = old.key_numbers.get(key)
        if before is None or number.get("value") is None or before.get("value") is None:
            continue
        if str(number.get("reference", "")).split(":")[-1] in redefined:
            continue  # a figure of a redefined exhibit: the definition changed, not the data
        a, b = float(before["value"]), float(number["value"])
        if not _same_label(before, number, changes) or _moved(a, b, threshold):
            changes.numbers.append(
                {
                    "exhibit": KEY_NUMBERS,
                    "row": number["label"],
                    "column": "value",
                    "old": a,
                    "new": b,
                    "old_label": before.get("label"),
                }
            )
    changes.numbers += in_exhibits  # the key numbers first, as the annex lists them
    old_files, new_files = old.inputs.get("data", {}), new.inputs.get("data", {})
    versions = new.inputs.get("versions", {})
    for key in sorted(set(old_files) | set(new_files)):
        if old_files.get(key) != new_files.get(key):
            state = (
                "added"
                if key not in old_files
                else "removed"
                if key not in new_files
                else "changed"
            )
            changes.data_files.append(
                {"file": key, "change": state, "version": versions.get(key.split("/")[0], "")}
            )
    return changes


def same_parameter_set(old: RunRecord, new: RunRecord) -> bool:
    keep = ("config_name", "settings")
    return all(old.inputs.get(k) == new.inputs.get(k) for k in keep)


def previous_run(runs_dir: Path, inputs: dict[str, Any], exclude: Path) -> Path | None:
    """The newest complete run of the same parameter set (name and settings)."""
    if not runs_dir.is_dir():
        return None
    for run in sorted(runs_dir.iterdir(), key=lambda p: p.name, reverse=True):
        record = run / INPUTS_FILE
        if run == exclude or not record.is_file():
            continue
        try:
            made = json.loads(record.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if made.get("config_name") == inputs.get("config_name") and made.get(
            "settings"
        ) == inputs.get("settings"):
            return run
    return None


def _value(number: float) -> str:
    if math.isnan(number):
        return "–"
    if abs(number) >= 100 or float(number).is_integer():  # a count or a rank: no '1.00'
        return count(round(number))
    return format_decimal(number, format="#,##0.##", locale=locale_code())


ANNEX_TITLE = N_("What changed since the previous report")
#: The words changes.json records, shown to readers in their language.
STATES = {
    "added": N_("added"),
    "removed": N_("removed"),
    "changed": N_("changed"),
    "new": N_("new"),
}
#: What the annex calls the key numbers and the tables whose rows are ranked.
WHERE_NAMES = {
    KEY_NUMBERS: N_("Key numbers"),
    "top_hosts": N_("Largest host countries"),
    "top_origins": N_("Largest countries of origin"),
}
#: The column of a key number and of a chart's data (its CSV keeps the English key).
VALUE = N_("value")
#: A caption is cut to this many characters in the annex's 'Where' column.
WHERE_WIDTH = 80


def _state(word: str) -> str:
    return _(STATES[word]) if word in STATES else word


def _where(exhibit: str, captions: dict[str, str]) -> str:
    """The chart or table a change is in, as a reader finds it: its caption (cut short),
    a name for the key numbers and ranking tables, else its file name."""
    if exhibit in WHERE_NAMES:
        return _(WHERE_NAMES[exhibit])
    caption = captions.get(exhibit, "")
    if caption:
        return textwrap.shorten(caption, WHERE_WIDTH, placeholder=" …")
    return exhibit.replace("_", " ")


#: The sources of a report's input files, by the key of their group (report/inputs.py),
#: as a reader knows them; which files changed is in changes.json.
SOURCE_NAMES = {
    "unhcr": N_("UNHCR Refugee Population Statistics Database"),
    "worldbank": N_("World Bank and UN country data"),
    "project": N_("Figures read in public documents, and the letter's claims"),
    "maps": N_("Country boundaries for the maps (Natural Earth)"),
    "reference": N_("Figures cited from public pages"),
    "letter": N_("The letter"),
    "iati": N_("The ministry's IATI activity file"),
}


def _source_rows(changes: Changes) -> list[list[str]]:
    """One row per source whose files changed: its name, how, and its version."""
    by_source: dict[str, dict[str, Any]] = {}
    for found in changes.data_files:
        key = str(found["file"]).split("/")[0]
        entry = by_source.setdefault(key, {"states": [], "version": str(found["version"])})
        if found["change"] not in entry["states"]:
            entry["states"].append(found["change"])
    return [
        [
            _(SOURCE_NAMES[key]) if key in SOURCE_NAMES else key,
            ", ".join(_state(state) for state in entry["states"]),
            entry["version"],
        ]
        for key, entry in by_source.items()
    ]


def _section(body: str) -> str:
    return (
        f'<section class="unnumbered changes"><h1 id="what-changed">{_(ANNEX_TITLE)}</h1>'
        f"{body}</section>"
    )


def _table(anchor: str, title: str, headers: list[str], rows: list[list[str]]) -> str:
    head = "".join(f'<th scope="col">{html.escape(h)}</th>' for h in headers)
    body = "".join(
        "<tr>" + "".join(f"<td>{html.escape(cell)}</td>" for cell in row) + "</tr>" for row in rows
    )
    return (
        f'<h2 id="{anchor}">{html.escape(title)}</h2>'
        f'<table class="report-table"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'
    )


def _numbers_table(changes: Changes, limit: int, captions: dict[str, str]) -> list[str]:
    rows = [
        [
            _where(n["exhibit"], captions),
            str(n["row"]),
            _(VALUE) if n["column"] == "value" else str(n["column"]),
            _value(n["old"]),
            _value(n["new"]),
        ]
        for n in changes.numbers[:limit]
    ]
    headers = [_("Where"), _("Row"), _("Column"), _("Before"), _("Now")]
    parts = [_table("changed-numbers", _("Numbers"), headers, rows)]
    more = len(changes.numbers) - limit
    if more > 0:
        text = ngettext(
            "The other {n} is in the list of changes published with this report.",
            "The other {n} are in the list of changes published with this report.",
            more,
        )
        parts.append(f"<p>{text.format(n=more)}</p>")
    return parts


def _redefined_section(changes: Changes) -> str:
    """The exhibits that measure something else now, each with its old and new caption."""
    items = "".join(
        "<li>"
        + html.escape(
            _("Now: “{new}”; before: “{old}”.").format(
                new=r["new"] or r["exhibit"].replace("_", " "),
                old=r["old"] or r["exhibit"].replace("_", " "),
            )
        )
        + "</li>"
        for r in changes.redefined
    )
    intro = _(
        "These charts and tables are defined differently from the previous edition; "
        "their numbers measure something else now and are not compared with the old ones:"
    )
    title = _("Definitions")
    return (
        f'<h2 id="changed-definitions">{html.escape(title)}</h2>'
        f"<p>{html.escape(intro)}</p><ul>{items}</ul>"
    )


def _renamed_sentence(changes: Changes) -> str:
    """One sentence apart: countries written differently are not changes ('' if none)."""
    if not changes.renamed:
        return ""
    names = "; ".join(
        _("{old} is now {new}").format(old=r["old"], new=r["new"]) for r in changes.renamed
    )
    text = _(
        "Some countries are written differently now ({names}); the figures for them are "
        "compared as before, and a new name is not a change."
    ).format(names=names)
    return f'<p class="changes-names">{html.escape(text)}</p>'


def annex_html(
    changes: Changes | None, limit: int = 60, captions: dict[str, str] | None = None
) -> str:
    """The annex 'What changed since the previous report' (unnumbered), in the active
    language; `captions` (exhibit name -> caption) say where each change is."""
    captions = captions or {}
    if changes is None:
        first = _("This is the first edition of this report: there is nothing to compare it with.")
        return _section(f"<p>{first}</p>")
    if changes.empty:
        # the folder name stays in changes.json: the page is the same for the same inputs
        same = _("Nothing changed since the previous edition of this report.")
        return _section(f"<p>{same}</p>{_renamed_sentence(changes)}")
    intro = _(
        "Compared with the previous edition of this report; numbers are listed when they "
        "moved by more than {threshold} of their old value."
    ).format(threshold=percent(changes.threshold * 100, 1))
    parts = [f"<p>{intro}</p>", _renamed_sentence(changes)]
    if changes.data_files:
        headers = [_("Source"), _("Change"), _("Version")]
        parts.append(_table("changed-inputs", _("Data"), headers, _source_rows(changes)))
    if changes.verdicts:
        rows = [[v["row"], v["column"], str(v["old"]), str(v["new"])] for v in changes.verdicts]
        headers = [_("Claim"), _("Column"), _("Before"), _("Now")]
        parts.append(_table("changed-verdicts", _("Verdicts"), headers, rows))
    if changes.rankings:
        rows = [
            [_where(r["table"], captions), r["row"], _state(r["change"])] for r in changes.rankings
        ]
        headers = [_("Table"), _("Country"), _("Change")]
        parts.append(_table("changed-rankings", _("Largest hosts and origins"), headers, rows))
    if changes.redefined:
        parts.append(_redefined_section(changes))
    if changes.numbers:
        parts += _numbers_table(changes, limit, captions)
    return _section("".join(parts))


def edition_annex(found: Changes | None, run_dir: Path, language: str, limit: int = 60) -> str:
    """The annex of one edition of the run in `run_dir`. What `found` lists (compared on
    the English edition, as changes.json records it) is read again from this edition's
    own charts and tables, so that rows, columns and verdicts are in its readers' words
    and captions say where; the numbers are the same in every edition."""
    with using(language):
        if found is None or (found.empty and not found.renamed):
            return annex_html(found, limit)
        old_dir = run_dir.parent / found.old_run
        old_figures, new_figures = (folder / language / "figures" for folder in (old_dir, run_dir))
        if not (old_figures.is_dir() and new_figures.is_dir()):  # a run made before editions
            return annex_html(found, limit)
        old = load_run(old_dir, figures=old_figures, inputs={})
        new = load_run(run_dir, figures=new_figures, inputs={})
        edition = replace(compare(old, new, found.threshold), data_files=found.data_files)
        return annex_html(edition, limit, new.captions)
