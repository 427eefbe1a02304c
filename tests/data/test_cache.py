"""The parquet cache: same frame back, never stale, and damage is repaired."""

from __future__ import annotations

import hashlib
import os

import pytest

from displacement_report import paths
from displacement_report.data import cache, unhcr
from displacement_report.errors import DataFileError


def _cache_files():
    return sorted(paths.cache_dir().glob("population-*.parquet"))


def test_second_load_comes_from_cache_and_is_identical(tiny_dir):
    first = unhcr.load_population(tiny_dir)
    entries = _cache_files()
    assert entries, "the first load should have written a cache file"
    second = unhcr.load_population(tiny_dir)
    assert first.equals(second)
    assert second.dtypes.equals(first.dtypes)
    assert _cache_files() == entries


def test_changed_source_is_never_served_stale(tiny_dir):
    before = unhcr.load_population(tiny_dir)
    source = tiny_dir / "population.csv"
    source.write_text(source.read_text().replace(",120,", ",999,"))
    after = unhcr.load_population(tiny_dir)
    assert before["refugees"].sum() != after["refugees"].sum()
    assert after["refugees"].sum() == before["refugees"].sum() - 120 + 999


def test_damaged_cache_file_is_rebuilt(tiny_dir, caplog):
    expected = unhcr.load_population(tiny_dir)
    for entry in _cache_files():
        entry.write_bytes(b"not parquet")
    cache.forget_loaded_tables()  # as a new process: read the (damaged) file
    assert unhcr.load_population(tiny_dir).equals(expected)
    assert "ignoring unreadable cache file" in caplog.text
    assert any(entry.read_bytes() != b"not parquet" for entry in _cache_files())  # rewritten


def test_a_table_in_memory_is_served_as_a_copy(tiny_dir):
    first = unhcr.load_population(tiny_dir)
    for entry in _cache_files():
        entry.unlink()  # the second load cannot come from the file
    first["refugees"] = 0  # a notebook changing its frame changes no one else's
    second = unhcr.load_population(tiny_dir)
    assert second["refugees"].sum() == 360
    assert not _cache_files()


def test_unwritable_cache_costs_speed_not_results(tiny_dir, tmp_path, monkeypatch):
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the cache folder should be")
    monkeypatch.setenv(paths.CACHE_DIR_ENV, str(blocked))
    assert unhcr.load_population(tiny_dir)["refugees"].sum() == 360


@pytest.fixture
def counted(tmp_path, monkeypatch):
    """A small table, and the list of every file the cache module opens from now on."""
    source = tmp_path / "table.csv"
    source.write_text("iso3,people\nJOR,120\n")
    opened = []

    def counting_open(path, mode="r"):
        opened.append(path)
        return open(path, mode)

    monkeypatch.setattr(cache, "open", counting_open, raising=False)
    return source, opened


def test_a_file_s_checksum_is_computed_once_until_the_file_changes(counted, monkeypatch):
    source, opened = counted
    monkeypatch.setattr(cache, "_SETTLED_NS", -1)  # as if written long ago
    first = cache.file_sha256(source)
    assert cache.file_sha256(source) == first
    assert len(opened) == 1  # the second answer came from memory
    modified = source.stat().st_mtime_ns
    source.write_text("iso3,people\nJOR,999\n")  # same size
    os.utime(source, ns=(modified, modified))  # and the same modification time
    changed = cache.file_sha256(source)
    assert changed == hashlib.sha256(source.read_bytes()).hexdigest() != first
    assert len(opened) == 2


def test_a_file_changed_just_now_is_hashed_every_time(counted):
    source, opened = counted
    cache.file_sha256(source)
    cache.file_sha256(source)
    assert len(opened) == 2


def test_a_result_is_computed_once_while_its_files_are_the_same(counted, monkeypatch):
    import pandas as pd

    source, _opened = counted
    monkeypatch.setattr(cache, "_SETTLED_NS", -1)  # as if written long ago
    calls = []

    def compute():
        calls.append(1)
        return pd.read_csv(source)

    first = cache.remembered_result("people", [source], compute)
    first.loc[0, "people"] = 0  # a notebook changing what it got changes no one else's
    second = cache.remembered_result("people", [source], compute)
    assert second["people"].tolist() == [120]
    assert len(calls) == 1
    assert cache.remembered_result("other", [source], compute)["people"].tolist() == [120]
    assert len(calls) == 2  # another name is another result
    source.write_text("iso3,people\nJOR,999\n")
    assert cache.remembered_result("people", [source], compute)["people"].tolist() == [999]
    assert len(calls) == 3


def test_results_kept_are_bounded_oldest_first(counted, monkeypatch):
    source, _opened = counted
    monkeypatch.setattr(cache, "_SETTLED_NS", -1)
    monkeypatch.setattr(cache, "_results", {})
    for n in range(cache.RESULTS_KEPT + 2):
        cache.remembered_result(f"result-{n}", [source], lambda n=n: n)
    assert len(cache._results) == cache.RESULTS_KEPT
    assert [key[0] for key in cache._results] == [
        f"result-{n}" for n in range(2, cache.RESULTS_KEPT + 2)
    ]


@pytest.mark.parametrize(
    ("module", "load", "source"),
    [
        ("claims", "load_ledger", paths.PROJECT_DATA_DIR / "claims" / "ledger.csv"),
        ("documents", "load_amounts", paths.PROJECT_DATA_DIR / "spending" / "amounts.csv"),
        ("costs", "load_costs", paths.PROJECT_DATA_DIR / "costs" / "figures.csv"),
    ],
)
def test_the_project_s_own_tables_are_validated_once_until_the_file_changes(
    module, load, source, tmp_path, monkeypatch
):
    import importlib
    import shutil

    loader = importlib.import_module(f"displacement_report.data.{module}")
    validated = []
    real_validate = loader.validate

    def counting_validate(*args, **kwargs):
        validated.append(1)
        return real_validate(*args, **kwargs)

    monkeypatch.setattr(loader, "validate", counting_validate)
    monkeypatch.setattr(cache, "_SETTLED_NS", -1)  # as if written long ago
    for beside in source.parent.glob("*.csv"):  # the ledger's verdict basis too
        shutil.copy(beside, tmp_path)
    copy = tmp_path / source.name
    first = getattr(loader, load)(copy)
    first.iloc[:, 0] = None  # a notebook changing its frame changes no one else's
    second = getattr(loader, load)(copy)
    assert len(validated) == 1
    assert second.equals(getattr(loader, load)(source))  # as the original file reads
    copy.write_text(copy.read_text(encoding="utf-8") + "not,a,valid,row\n", encoding="utf-8")
    with pytest.raises(DataFileError):
        getattr(loader, load)(copy)  # the changed file is read and refused
