"""The UNHCR API refresh against a real local HTTP server."""

from __future__ import annotations

import pytest

from displacement_report.data import refresh, unhcr
from displacement_report.errors import DownloadError
from tests.api_server import Reply, ScriptedAPI, page, serve

UNRWA = "/population/v1/unrwa/"
IDMC = "/population/v1/idmc/"


def item(year, coa, total, coa_iso=None):
    return {
        "year": year,
        "coo_id": 1,
        "coo_name": "Palestinian",
        "coo": "GAZ",
        "coo_iso": "PSE",
        "coa_id": 2,
        "coa_name": f"Host {coa}",
        "coa": coa,
        "coa_iso": coa_iso or coa,
        "total": total,
    }


def fast_session():
    return refresh.make_session(retries=3, backoff=0)


def run(base, dest, tables=("unrwa",)):
    return refresh.refresh_tables(
        dest, 2018, 2019, base_url=base, tables=tables, session=fast_session()
    )


def test_pages_and_string_numbers(tmp_path):
    api = ScriptedAPI()
    api.on(UNRWA, 1, page([item(2018, "JOR", "2,242,579"), item(2018, "LBN", 475075)], 1, 2))
    api.on(UNRWA, 2, page([item(2019, "JOR", 2272411), item(2019, "LBN", "470000")], 2, 2))
    with serve(api) as base:
        written = run(base, tmp_path)
    assert [p.name for p in written] == ["unrwa.csv", "countries.csv"]
    table = unhcr.load_unrwa(tmp_path)
    assert table["total"].tolist() == [2242579, 475075, 2272411, 470000]
    # the client asked for every origin and host, and walked both pages
    pages = [q["page"][0] for path, q in api.requests]
    assert pages == ["1", "2"]
    assert api.requests[0][1]["coa_all"] == ["true"]
    assert api.requests[0][1]["yearFrom"] == ["2018"]


def population_item(year, coa, refugees, oip):
    counts = dict.fromkeys(
        ["asylum_seekers", "returned_refugees", "idps", "returned_idps", "stateless", "ooc", "hst"],
        0,
    )
    return {
        **item(year, coa, 0),
        "coo_name": "Syria",
        "coo": "SYR",
        "coo_iso": "SYR",
        "refugees": refugees,
        "oip": oip,
        **counts,
    }


def test_dash_means_no_data(tmp_path):
    api = ScriptedAPI()
    rows = [population_item(2017, "TUR", "3424237", "-"), population_item(2019, "TUR", 1, 5)]
    api.on("/population/v1/population/", 1, page(rows, 1, 1))
    with serve(api) as base:
        run(base, tmp_path, tables=("population",))
    table = unhcr.load_population(tmp_path)
    assert table["refugees"].tolist() == [3424237, 1]
    assert table["oip"].isna().tolist() == [True, False]


def test_dash_where_a_count_is_required_is_refused(tmp_path):
    api = ScriptedAPI()
    api.on(UNRWA, 1, page([item(2019, "JOR", "-")], 1, 1))
    with serve(api) as base, pytest.raises(DownloadError, match="item 1, column 'total'"):
        run(base, tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_429_then_success_is_retried(tmp_path):
    api = ScriptedAPI()
    api.on(
        UNRWA,
        1,
        Reply(429, b"slow down", {"Retry-After": "0"}),
        Reply(503, b"busy"),
        page([item(2019, "JOR", 1)], 1, 1),
    )
    with serve(api) as base:
        run(base, tmp_path)
    assert len(api.requests) == 3
    assert unhcr.load_unrwa(tmp_path)["total"].tolist() == [1]


def test_endless_500s_fail_clearly_and_keep_previous_data(tmp_path):
    previous = "year,coo_name,coo,coo_iso,coa_name,coa,coa_iso,total\n2019,P,GAZ,PSE,J,JOR,JOR,7\n"
    (tmp_path / "unrwa.csv").write_text(previous)
    api = ScriptedAPI()
    api.on(UNRWA, 1, Reply(500, b"oops"))
    with serve(api) as base, pytest.raises(DownloadError, match="unrwa/ page 1: server kept"):
        run(base, tmp_path)
    assert (tmp_path / "unrwa.csv").read_text() == previous
    assert sorted(p.name for p in tmp_path.iterdir()) == ["unrwa.csv"]


def test_truncated_body_leaves_no_partial_file(tmp_path):
    body = page([item(2019, "JOR", 1)], 1, 1).body
    api = ScriptedAPI()
    api.on(UNRWA, 1, Reply(body=body[:-20], declared_length=len(body)))
    with serve(api) as base, pytest.raises(DownloadError, match="unrwa/ page 1"):
        run(base, tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_cut_json_with_honest_length_is_not_json(tmp_path):
    body = page([item(2019, "JOR", 1)], 1, 1).body
    api = ScriptedAPI()
    api.on(UNRWA, 1, Reply(body=body[:-20]))
    with serve(api) as base, pytest.raises(DownloadError, match="not complete JSON"):
        run(base, tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_a_failure_in_the_second_table_writes_nothing(tmp_path):
    api = ScriptedAPI()
    api.on(UNRWA, 1, page([item(2019, "JOR", 1)], 1, 1))
    api.on(IDMC, 1, Reply(404, b"gone"))
    with serve(api) as base, pytest.raises(DownloadError, match="idmc/"):
        run(base, tmp_path, tables=("unrwa", "idmc"))
    assert list(tmp_path.iterdir()) == []


def test_invalid_api_data_is_refused(tmp_path):
    api = ScriptedAPI()
    api.on(UNRWA, 1, page([item(2019, "JOR", -5)], 1, 1))
    with (
        serve(api) as base,
        pytest.raises(
            DownloadError, match=r"(?s)failed validation.*item 1, column 'total': value -5"
        ),
    ):
        run(base, tmp_path)
    assert list(tmp_path.iterdir()) == []
