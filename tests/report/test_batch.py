"""Profile batches: in parallel here or on a Dask cluster, one failure never stops the
others or publishes a partial profile."""

from __future__ import annotations

import pytest
from dask.distributed import LocalCluster

from displacement_report.report import batch
from displacement_report.settings import validate_parameters
from tests.conftest import write_notebook

pytestmark = pytest.mark.notebook

FAILING = "country: str = 'JOR'  # ISO3\nreport_year: int = 2025  # year"
FAIL_FOR_LEBANON = "assert country != 'LBN', 'no profile for Lebanon today'"


@pytest.fixture
def tiny_profile(tmp_path):
    return write_notebook(tmp_path / "profile.ipynb", FAILING, FAIL_FOR_LEBANON)


def _check(result, out):
    assert set(result.failed) == {"LBN"}
    assert "no profile for Lebanon today" in result.failed["LBN"]
    assert sorted(r.published.name for r in result.published) == ["JOR", "SYR"]
    assert (out / "profiles" / "JOR" / "report.en.pdf").is_file()
    assert not (out / "profiles" / "LBN").exists()  # nothing published for the failure
    # the index lists what was published, and links to it
    assert result.index == out / "profiles" / "index.html"
    index = result.index.read_text(encoding="utf-8")
    for code in ("JOR", "SYR"):
        assert f'href="{code}/report.en.pdf"' in index
        assert f'href="{code}/site/en/index.html"' in index  # its web page
    assert "LBN" not in index


def test_a_failing_country_is_reported_and_the_others_are_published(tmp_path, tiny_profile):
    out = tmp_path / "out"
    settings = validate_parameters({"report_year": 2019, "output_dir": str(out), "language": "en"})
    result = batch.run_profiles(settings, ["JOR", "LBN", "SYR"], notebook=tiny_profile)
    _check(result, out)


@pytest.fixture(scope="module")
def cluster():
    """A LocalCluster of two one-thread worker processes, shared by this module's tests
    (its start costs seconds)."""
    with LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as local:
        yield local


def _on_cluster(tmp_path, notebook, cluster):
    """The batch JOR, LBN, SYR of `notebook` on `cluster`; the result and the output
    folder."""
    out = tmp_path / "out"
    settings = validate_parameters({"report_year": 2019, "output_dir": str(out), "language": "en"})
    result = batch.run_profiles(
        settings, ["JOR", "LBN", "SYR"], notebook=notebook, scheduler=cluster.scheduler_address
    )
    return result, out


def test_the_same_batch_runs_on_a_dask_cluster(tmp_path, tiny_profile, cluster):
    result, out = _on_cluster(tmp_path, tiny_profile, cluster)
    _check(result, out)


def test_a_dask_worker_keeps_its_kernels_warm_between_profiles(tmp_path, cluster):
    """Every profile a one-thread worker builds runs on the kernel its first task started
    (notebook and export alike): no task but a worker's first pays a cold kernel start.
    Two workers, three profiles: one worker builds two, so fewer kernels than profiles."""
    pids = tmp_path / "pids"
    pids.mkdir()
    record = (
        f"import os, pathlib\npathlib.Path({str(pids)!r}, country).write_text(str(os.getpid()))"
    )
    notebook = write_notebook(tmp_path / "profile.ipynb", FAILING, record)
    result, _out = _on_cluster(tmp_path, notebook, cluster)
    assert not result.failed and len(result.published) == 3
    kernels_used = {(pids / code).read_text() for code in ("JOR", "LBN", "SYR")}
    assert len(kernels_used) < 3, kernels_used
