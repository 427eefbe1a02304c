"""What changed between runs, data revisions between folders, and retention."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
from dataclasses import replace
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from displacement_report.analysis.revisions import compare_folders
from displacement_report.cli import app
from displacement_report.errors import DataFileError
from displacement_report.i18n import using
from displacement_report.report import build, changes, retention
from displacement_report.report.inputs import registered_inputs
from displacement_report.settings import validate_parameters
from tests.conftest import write_notebook


def _record(tmp_path, name, *, numbers=None, exhibits=None, data=None, settings=None):
    inputs = {"config_name": "x", "settings": settings or {"report_year": 2019}, "data": data or {}}
    return changes.RunRecord(tmp_path / name, inputs, numbers or {}, exhibits or {})


HOSTS = pd.DataFrame(
    {"Rank": [1, 2], "Country of asylum": ["Türkiye", "Jordan"], "Refugees": [100, 50]}
)


def test_numbers_beyond_the_threshold_verdicts_rankings_and_files_are_listed(tmp_path):
    old = _record(
        tmp_path,
        "old",
        numbers={"total": {"key": "total", "label": "Total", "value": 1000.0}},
        exhibits={
            "top_hosts": HOSTS,
            "claims": pd.DataFrame({"Claim": ["C01"], "Verdict now": ["holds"]}),
        },
        data={"unhcr/population.csv": "a", "unhcr/idmc.csv": "b"},
    )
    new_hosts = pd.DataFrame(
        {"Rank": [1, 2], "Country of asylum": ["Türkiye", "Lebanon"], "Refugees": [100.4, 60]}
    )
    new = _record(
        tmp_path,
        "new",
        numbers={"total": {"key": "total", "label": "Total", "value": 1010.0}},
        exhibits={
            "top_hosts": new_hosts,
            "claims": pd.DataFrame({"Claim": ["C01"], "Verdict now": ["does not hold"]}),
        },
        data={"unhcr/population.csv": "A", "unhcr/idmc.csv": "b"},
    )
    found = changes.compare(old, new)
    # +1% on the total is reported; +0.4% on Türkiye is under the 0.5% threshold
    assert [(n["row"], n["old"], n["new"]) for n in found.numbers] == [("Total", 1000.0, 1010.0)]
    assert found.verdicts == [
        {
            "exhibit": "claims",
            "row": "C01",
            "column": "Verdict now",
            "old": "holds",
            "new": "does not hold",
        }
    ]
    assert {(r["row"], r["change"]) for r in found.rankings} == {
        ("Lebanon", "new"),
        ("Jordan", "removed"),
    }
    assert [(f["file"], f["change"]) for f in found.data_files] == [
        ("unhcr/population.csv", "changed")
    ]
    annex = changes.annex_html(found)
    assert "What changed since the previous report" in annex and "does not hold" in annex
    # the reader sees which source changed; the file is in changes.json
    assert "<td>UNHCR Refugee Population Statistics Database</td><td>changed</td>" in annex
    assert "population.csv" not in annex and "unhcr/" not in annex


def test_identical_runs_give_no_changes_and_a_one_line_annex(tmp_path):
    run = _record(tmp_path, "r", exhibits={"top_hosts": HOSTS}, data={"a": "1"})
    found = changes.compare(run, run)
    assert found.empty and found.summary() == "no changes since r"
    assert "Nothing changed since the previous edition of this report" in changes.annex_html(found)


def _run(tmp_path, name, hosts, caption, numbers=None):
    record = _record(tmp_path, name, exhibits={"top_hosts": hosts}, numbers=numbers)
    return replace(record, captions={"top_hosts": caption})


def test_a_country_written_differently_is_the_same_row_and_named_apart():
    """CLDR's 'Congo - Kinshasa' became UNHCR's 'DR Congo': no country entered or left
    the table; a number that moved for it is still compared; one sentence names it."""
    old_hosts = pd.DataFrame(
        {"Rank": [1, 2], "Country of asylum": ["Congo - Kinshasa", "Myanmar (Burma)"]}
    ).assign(Refugees=[100, 50])
    new_hosts = old_hosts.assign(**{"Country of asylum": ["DR Congo", "Myanmar"]})
    new_hosts.loc[1, "Refugees"] = 60
    tmp = Path("runs")
    number = {"key": "top_host_1", "value": 100.0, "reference": "@tab:top_hosts"}
    old = _run(
        tmp,
        "old",
        old_hosts,
        "Hosts",
        {"h": number | {"label": "Host 1: Congo - Kinshasa", "detail": "Congo - Kinshasa"}},
    )
    new = _run(
        tmp,
        "new",
        new_hosts,
        "Hosts",
        {"h": number | {"label": "Host 1: DR Congo", "detail": "DR Congo"}},
    )
    found = changes.compare(old, new)
    assert found.rankings == []
    assert [(n["row"], n["old"], n["new"]) for n in found.numbers] == [("Myanmar", 50.0, 60.0)]
    assert found.renamed == [
        {"old": "Congo - Kinshasa", "new": "DR Congo"},
        {"old": "Myanmar (Burma)", "new": "Myanmar"},
    ]
    annex = changes.annex_html(found)
    assert annex.count("Congo - Kinshasa is now DR Congo") == 1
    assert "Largest hosts and origins" not in annex
    # only a new name: nothing changed, and the name is said apart
    same = changes.compare(
        old, replace(new, exhibits={"top_hosts": new_hosts.assign(Refugees=[100, 50])})
    )
    assert same.empty and same.renamed
    assert "Nothing changed" in changes.annex_html(same)


def test_a_dutch_run_matches_the_dutch_cldr_name_with_the_chosen_one():
    hosts = pd.DataFrame({"Land": ["Congo-Kinshasa"], "Vluchtelingen": [10]})
    with using("nl"):
        found = changes.compare(
            _run(Path("r"), "old", hosts, "Gastlanden"),
            _run(Path("r"), "new", hosts.assign(Land=["DR Congo"]), "Gastlanden"),
        )
    assert found.empty and found.renamed == [{"old": "Congo-Kinshasa", "new": "DR Congo"}]


def test_a_table_measuring_something_else_is_a_change_of_definition_not_of_data():
    """Top hosts by refugees became top hosts by refugees and others in need of
    international protection: new ranks and entrants are the definition's doing."""
    old_hosts = pd.DataFrame({"Rank": [1, 2], "Country of asylum": ["Germany", "Türkiye"]})
    new_hosts = pd.DataFrame({"Rank": [1, 2], "Country of asylum": ["Colombia", "Germany"]})
    number = {"key": "top_host_1", "reference": "@tab:top_hosts", "detail": ""}
    old = _run(
        Path("r"),
        "old",
        old_hosts.assign(Refugees=[300, 200]),
        "Hosts of most refugees",
        {"h": number | {"label": "Host 1: Germany", "value": 300.0}},
    )
    new = _run(
        Path("r"),
        "new",
        new_hosts.assign(Refugees=[400, 300]),
        "Hosts of most refugees and others in need of international protection",
        {"h": number | {"label": "Host 1: Colombia", "value": 400.0}},
    )
    found = changes.compare(old, new)
    assert found.numbers == [] and found.rankings == []
    assert found.redefined == [
        {
            "exhibit": "top_hosts",
            "old": "Hosts of most refugees",
            "new": "Hosts of most refugees and others in need of international protection",
        }
    ]
    annex = changes.annex_html(found)
    assert "defined differently" in annex and "before: “Hosts of most refugees”" in annex
    # a caption only reworded, the numbers the same: no change at all
    reworded = replace(new, exhibits=old.exhibits, key_numbers=old.key_numbers)
    assert changes.compare(old, reworded).empty


def test_a_new_caption_over_new_columns_is_a_new_definition_and_a_basis_is_no_verdict():
    """Table 2.2 went from refugees to refugees and others in need of protection: a new
    caption, a column more, no shared number moved. The claims table's column of what a
    verdict rests on is words, not a verdict."""
    hosts = pd.DataFrame({"Country": ["Uganda"], "Refugees (UNHCR)": [1_936_719]})
    claims = pd.DataFrame(
        {"Claim": ["C14"], "Verdict on the letter": ["holds"], "Verdict on the letter rests": [""]}
    )
    old = replace(
        _record(Path("r"), "old", exhibits={"per_gdp": hosts, "claims": claims}),
        captions={"per_gdp": "Refugees per $1", "claims": "Claims"},
    )
    new_claims = claims.assign(**{"Verdict on the letter rests": ["on the 2017 figures"]})
    new = replace(
        old,
        path=Path("r") / "new",
        exhibits={"per_gdp": hosts.assign(Others=[0]), "claims": new_claims},
        captions={"per_gdp": "Refugees and others per $1", "claims": "Claims"},
    )
    found = changes.compare(old, new)
    assert [r["exhibit"] for r in found.redefined] == ["per_gdp"]
    assert found.verdicts == [] and found.numbers == []


def _revise(folder: Path, year: int, coo: str, coa: str, extra: int) -> None:
    """Add `extra` refugees to one row of population.csv, every other byte as it was."""
    path = folder / "population.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    header = lines[0].split(",")
    at = {name: header.index(name) for name in ("year", "coo_iso", "coa_iso", "refugees")}
    hits = []
    for number, line in enumerate(lines[1:], start=1):
        cells = next(csv.reader([line]))
        if (cells[at["year"]], cells[at["coo_iso"]], cells[at["coa_iso"]]) == (str(year), coo, coa):
            hits.append(number)
            cells[at["refugees"]] = str(int(cells[at["refugees"]]) + extra)
            buffer = io.StringIO()
            csv.writer(buffer, lineterminator="").writerow(cells)
            lines[number] = buffer.getvalue()
    assert len(hits) == 1, hits
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _add_year(folder: Path, year: int) -> None:
    """Copy the last year's rows of the three headline tables as a new year."""
    for name in HEADLINE_TABLES:
        path = folder / name
        lines = path.read_text(encoding="utf-8").splitlines()
        last = str(max(int(line.split(",", 1)[0]) for line in lines[1:]))
        new = [str(year) + line[len(last) :] for line in lines if line.startswith(last + ",")]
        path.write_text("\n".join(lines + new) + "\n", encoding="utf-8")


#: The tables a revision or a new year touches; a copy holds them as files of its own.
HEADLINE_TABLES = ("population.csv", "unrwa.csv", "idmc.csv")


@pytest.fixture
def data_copy(tmp_path, real_dir):
    """The real UNHCR folder, the headline tables copied (to be changed) and the others
    linked (never written through)."""
    folder = tmp_path / "unhcr"
    folder.mkdir()
    for source in real_dir.iterdir():
        if source.name in HEADLINE_TABLES:
            shutil.copyfile(source, folder / source.name)
        else:
            (folder / source.name).symlink_to(source)
    return folder


def test_revisions_list_revised_figures_and_new_years_only(data_copy, real_dir):
    _revise(data_copy, 2019, "SYR", "TUR", 500_000)
    _add_year(data_copy, 2026)
    found = compare_folders(real_dir, data_copy)
    assert found.new_years == [2026] and found.dropped_years == []
    revised = {(r.year, r.component, r.change) for r in found.revised.itertuples()}
    assert revised == {(2019, "refugees", 500_000), (2019, "forcibly_displaced", 500_000)}
    result = CliRunner().invoke(app, ["revisions", str(real_dir), str(data_copy)])
    assert result.exit_code == 1
    assert "2 figure(s) revised in 1 year(s) (2019-2019); new years: [2026]" in result.output
    same = CliRunner().invoke(app, ["revisions", str(real_dir), str(real_dir)])
    assert same.exit_code == 0 and "0 figure(s) revised" in same.output


def test_revisions_refuse_folders_of_different_layouts(data_copy, real_dir):
    frame = pd.read_csv(data_copy / "idmc.csv", dtype=str)
    frame.drop(columns=["coo_name"]).to_csv(data_copy / "idmc.csv", index=False)
    with pytest.raises(DataFileError, match=r"idmc\.csv has another layout .*\['coo_name'\]"):
        compare_folders(real_dir, data_copy)


#: 500,000 more Syrian refugees in Türkiye at the end of 2019 move exactly these:
_COMPARISON = "forcibly_displaced_comparison"
EXPECTED_MOVES = {
    ("forcibly_displaced_by_group", "Refugees under UNHCR's mandate / 2019", "people"),
    *(
        (_COMPARISON, row, column)
        for row in ("Forcibly displaced, total", "Refugees under UNHCR's mandate")
        # the printed change and, in the data file only, the exact one
        for column in ("End 2019", "Change", "Change, %", "Change, exact")
    ),
    # the ranking tables give refugees and, as Global Trends ranks, refugees and OIP together
    *(
        (table, country, column)
        for table, country in (("top_hosts", "Türkiye"), ("top_origins", "Syria"))
        for column in ("Refugees", "Together")
    ),
}


@pytest.mark.notebook
def test_a_run_on_revised_data_lists_exactly_what_changed(data_copy, tmp_path):
    out = tmp_path / "out"
    settings = validate_parameters(
        {
            "report_year": 2019,
            "baseline_year": 2015,
            "data_dir": str(data_copy),
            "output_dir": str(out),
            "language": "en",  # the annex's English words are checked below
        }
    )
    chapter = ("01_global_picture.ipynb",)
    first = build.build_report(settings, config_name="revised", notebooks=chapter)
    assert "first report" in (first.run_dir / "changes.json").read_text()
    # (a second run on the same data finds no change: test_pipeline's byte-identical runs)
    _revise(data_copy, 2019, "SYR", "TUR", 500_000)
    revised = build.build_report(settings, config_name="revised", notebooks=chapter)
    found = json.loads((revised.run_dir / "changes.json").read_text())
    assert [(f["file"], f["change"]) for f in found["data_files"]] == [
        ("unhcr/population.csv", "changed")
    ]
    assert found["verdicts"] == [] and found["rankings"] == []
    assert found["numbers"], "the revision moved no number"
    moved = {(n["exhibit"], n["row"], n["column"]) for n in found["numbers"]}
    assert moved == EXPECTED_MOVES
    text = revised.html.read_text(encoding="utf-8")
    annex = text[text.index('id="what-changed"') : text.index('class="colophon"')]
    assert "What changed since the previous report" in text
    # the reader is told which source changed; the file's name is in changes.json
    assert "UNHCR Refugee Population Statistics Database" in annex
    assert "population.csv" not in annex

    # a new year in all three headline tables changes their files, not a 2019 figure
    _add_year(data_copy, 2026)
    extended = build.build_report(settings, config_name="revised", notebooks=chapter)
    found_new = json.loads((extended.run_dir / "changes.json").read_text())
    assert sorted(f["file"] for f in found_new["data_files"]) == [
        "unhcr/idmc.csv",
        "unhcr/population.csv",
        "unhcr/unrwa.csv",
    ]
    assert found_new["numbers"] == [] and found_new["verdicts"] == []

    runner = CliRunner()
    result = runner.invoke(app, ["diff", str(first.run_dir), str(revised.run_dir)])
    assert result.exit_code == 1 and "input unhcr/population.csv: changed" in result.output
    result = runner.invoke(app, ["diff", str(first.run_dir), str(revised.run_dir), "--json"])
    assert json.loads(result.output)["data_files"] == found["data_files"]
    assert runner.invoke(app, ["diff", str(first.run_dir), str(first.run_dir)]).exit_code == 0


def test_diff_refuses_missing_incomplete_and_foreign_runs(tmp_path):
    runner = CliRunner()
    result = runner.invoke(app, ["diff", str(tmp_path / "nowhere"), str(tmp_path)])
    assert result.exit_code == 2 and "does not exist" in result.output
    incomplete = tmp_path / "runs" / "half"
    incomplete.mkdir(parents=True)
    result = runner.invoke(app, ["diff", str(incomplete), str(incomplete)])
    assert result.exit_code == 2 and "is incomplete: it has no inputs.json" in result.output
    for name, year in (("a", 2019), ("b", 2020)):
        (tmp_path / name).mkdir()
        record = {"config_name": "x", "settings": {"report_year": year}, "data": {}}
        (tmp_path / name / "inputs.json").write_text(json.dumps(record))
    result = runner.invoke(app, ["diff", str(tmp_path / "a"), str(tmp_path / "b")])
    assert result.exit_code == 2 and "different parameter sets" in result.output
    assert "Traceback" not in result.output


def _fake_run(out: Path, name: str, year: int, *, complete: bool = True) -> Path:
    run = out / "runs" / name
    run.mkdir(parents=True)
    (run / "report.en.pdf").write_bytes(b"%PDF-" + b"x" * 1000)
    if complete:
        record = {"config_name": "set", "settings": {"report_year": year}}
        (run / "inputs.json").write_text(json.dumps(record))
    return run


def test_prune_keeps_the_newest_published_and_running_runs(tmp_path):
    out = tmp_path / "out"
    old, middle, newest = (_fake_run(out, f"set-2026010{i}", 2019) for i in (1, 2, 3))
    other = _fake_run(out, "set-20260104", 2020)  # another parameter set: its own count
    published = _fake_run(out, "set-20260100", 2019)  # oldest, but the link points at it
    (out / "latest").symlink_to(os.path.relpath(published, out))
    running = _fake_run(out, "set-20260105", 2019, complete=False)
    retention.mark_in_progress(running)  # this process: alive
    abandoned = _fake_run(out, "set-20260106", 2019, complete=False)
    (abandoned / retention.IN_PROGRESS).write_text("999999999")  # no such process
    pruned = retention.prune(out, keep=2)
    assert sorted(p.name for p in pruned.removed) == sorted([old.name, abandoned.name])
    assert pruned.freed_bytes >= 2 * 1000
    for kept in (middle, newest, other, published, running):
        assert kept.is_dir()
    result = CliRunner().invoke(app, ["prune", "--keep", "1", "--output-dir", str(out)])
    assert result.exit_code == 0 and f"removed {middle}" in result.output
    assert newest.is_dir() and published.is_dir() and running.is_dir()


@pytest.mark.notebook
def test_a_tiny_report_run_is_marked_in_progress_until_complete(tmp_path):
    tiny = write_notebook(tmp_path / "tiny.ipynb", "report_year: int = 2025  # year")
    settings = validate_parameters(
        {"report_year": 2019, "output_dir": str(tmp_path / "o"), "language": "en"}
    )
    result = build.build_report(settings, notebooks=(tiny,))
    assert not (result.run_dir / retention.IN_PROGRESS).exists()
    assert (result.run_dir / "inputs.json").is_file()


def test_a_moved_rank_or_count_is_written_whole_and_a_share_without_trailing_zeros():
    """The annex printed a host's rank as '1.00 → 2.00'."""
    from displacement_report.report.changes import _value

    assert _value(1.0) == "1"
    assert _value(2_655_191.0) == "2,655,191"
    assert _value(91.49) == "91.49"
    assert _value(37.8) == "37.8"
    assert _value(float("nan")) == "–"


def test_every_source_of_input_files_has_a_name_for_the_annex(tmp_path):
    iati = Path(__file__).parent.parent / "fixtures" / "iati" / "three_activities.xml"
    settings = validate_parameters({"report_year": 2025, "iati_file": str(iati)})
    keys = {group.key for group in registered_inputs(settings)}
    assert keys <= set(changes.SOURCE_NAMES), keys - set(changes.SOURCE_NAMES)
