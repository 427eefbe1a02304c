"""The IATI importer on hand-written IATI 2.03 files: tables, splits, currencies, errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from displacement_report.data.iati import IatiError, read_iati, transactions_by_country

FIXTURE = Path(__file__).parent.parent / "fixtures" / "iati" / "three_activities.xml"


@pytest.fixture(scope="module")
def tables():
    return read_iati(FIXTURE)


def test_activities_and_organisations(tables):
    activities = tables.activities.set_index("iati_identifier")
    assert list(activities.index) == [
        "XM-DAC-7-PPR-TEST-1",
        "XM-DAC-7-PPR-TEST-2",
        "XM-DAC-7-PPR-TEST-3",
    ]
    first = activities.loc["XM-DAC-7-PPR-TEST-1"]
    assert first["title"] == "Education for refugees and host communities"
    assert first["reporting_org_ref"] == "XM-DAC-7"
    assert first["status_code"] == "2"
    assert str(first["start_date"].date()) == "2019-02-15"  # actual start beats planned
    orgs = tables.participating_orgs
    implementing = orgs[orgs["role"] == "implementing"].set_index("iati_identifier")["name"]
    assert implementing.to_dict() == {"XM-DAC-7-PPR-TEST-1": "UNICEF", "XM-DAC-7-PPR-TEST-2": "ILO"}


def test_split_countries_become_iso3_with_percentages(tables):
    countries = tables.recipient_countries
    assert countries[["iso3", "percentage"]].values.tolist() == [["JOR", 60.0], ["LBN", 40.0]]


def test_budgets_keep_type_status_and_the_default_currency(tables):
    budgets = tables.budgets
    assert budgets[["type", "status", "value", "currency"]].values.tolist() == [
        ["original", "committed", 2_000_000.0, "EUR"],
        ["revised", "committed", 1_500_000.5, "EUR"],
    ]


def test_transactions_keep_their_own_currency(tables):
    t = tables.transactions
    assert t["type"].tolist() == ["outgoing_commitment"] + ["disbursement"] * 5
    assert t.groupby("currency")["value"].sum().to_dict() == {
        "EUR": 3_500_000 + 1_000_000 + 75_000,
        "USD": 500_000 + 200_000 + 50_000,
    }


def test_disbursements_split_by_country_never_mixing_currencies(tables):
    split = transactions_by_country(tables)
    rows = {(r.iso3, r.year, r.currency): r.amount for r in split.itertuples()}
    assert rows == {
        ("JOR", 2019, "EUR"): 600_000.0,
        ("LBN", 2019, "EUR"): 400_000.0,
        ("unspecified", 2020, "EUR"): 75_000.0,
        ("JOR", 2020, "USD"): 300_000.0,
        ("LBN", 2020, "USD"): 200_000.0,
        ("UGA", 2020, "USD"): 200_000.0,
        ("KEN", 2020, "USD"): 50_000.0,
    }
    assert split.groupby("currency")["amount"].sum().to_dict() == {
        "EUR": 1_075_000.0,
        "USD": 750_000.0,
    }


def variant(tmp_path, old, new, count=1):
    text = FIXTURE.read_text(encoding="utf-8")
    assert old in text, old
    path = tmp_path / "variant.xml"
    path.write_text(text.replace(old, new, count), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("</iati-activities>", "", r"not well-formed XML"),
        ('version="2.03"', 'version="1.05"', r"IATI version 1\.05; this reader needs 2\.0x"),
        (
            "<iati-identifier>XM-DAC-7-PPR-TEST-2</iati-identifier>",
            "",
            r"activity 2 has no <iati-identifier>",
        ),
        (
            'percentage="40"',
            'percentage="30"',
            r"TEST-1: recipient-country percentages add up to 90",
        ),
        (
            '<recipient-country code="LB" percentage="40"/>',
            '<recipient-country code="LB"/>',
            r"not every one has a percentage",
        ),
        ('code="LB"', 'code="QQ"', r"unknown recipient-country code 'QQ'"),
        (
            '<value value-date="2019-03-01">1000000</value>',
            '<value value-date="2019-03-01">one million</value>',
            r"TEST-1 transaction 2 <value>: value 'one million' is not a number",
        ),
        (
            '<transaction-type code="3"/>',
            '<transaction-type code="99"/>',
            r"unknown transaction-type code '99'",
        ),
        (
            '<iati-activity default-currency="USD">',
            "<iati-activity>",
            r"TEST-2 transaction 1: no currency",
        ),
        (
            "<title><narrative>Jobs for refugees</narrative></title>",
            "",
            r"TEST-2: required element <title> is missing",
        ),
        (
            "XM-DAC-7-PPR-TEST-3",
            "XM-DAC-7-PPR-TEST-2",
            r"appear more than once: \['XM-DAC-7-PPR-TEST-2'\]",
        ),
    ],
)
def test_malformed_files_name_the_problem(tmp_path, old, new, expected):
    with pytest.raises(IatiError, match=expected):
        read_iati(variant(tmp_path, old, new))


def test_another_kind_of_iati_file(tmp_path):
    path = variant(tmp_path, "iati-activities", "iati-organisations", count=-1)
    with pytest.raises(IatiError, match=r"root element is <iati-organisations>"):
        read_iati(path)


def test_not_xml_at_all(tmp_path):
    path = tmp_path / "activities.xml"
    path.write_text("iati-identifier,title\nX,Y\n", encoding="utf-8")
    with pytest.raises(IatiError, match="not well-formed XML"):
        read_iati(path)


def test_entity_expansion_is_refused(tmp_path):
    path = tmp_path / "bomb.xml"
    path.write_text(
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        '<!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>'
        '<iati-activities version="2.03">&lol2;</iati-activities>',
        encoding="utf-8",
    )
    with pytest.raises(IatiError, match="refused unsafe XML"):
        read_iati(path)


def test_missing_file(tmp_path):
    with pytest.raises(IatiError, match="file not found"):
        read_iati(tmp_path / "none.xml")
