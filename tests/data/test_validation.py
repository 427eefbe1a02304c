"""Each broken input stops the load with its own error, naming file, line, column, value."""

from __future__ import annotations

import pytest

from displacement_report.data import unhcr
from displacement_report.errors import DataFileError
from tests.conftest import POP_HEADER, pop_row, write_csv

GOOD_ROW = pop_row(2019, "SYR", "TUR", refugees=5)


def load(folder):
    return unhcr.load_table("population", folder, use_cache=False)


def write_pop(folder, text):
    return write_csv(folder, "population.csv", text)


def test_missing_folder_names_the_folder_and_the_variable(tmp_path):
    with pytest.raises(DataFileError, match=r"folder not found: .*nowhere.*UNHCR_DIR"):
        load(tmp_path / "nowhere")


def test_a_data_folder_that_is_a_file_says_so(tmp_path):
    not_a_folder = write_csv(tmp_path, "unhcr", "a file where the folder should be")
    with pytest.raises(DataFileError, match=r"UNHCR data folder .*unhcr is a file, not a folder"):
        load(not_a_folder)


def test_a_csv_separated_by_semicolons_is_named_as_such(tmp_path):
    write_pop(tmp_path, POP_HEADER.replace(",", ";") + "\n" + GOOD_ROW.replace(",", ";") + "\n")
    with pytest.raises(
        DataFileError, match=r"population\.csv: the columns are separated by semicolons"
    ):
        load(tmp_path)


def test_missing_file(tmp_path):
    with pytest.raises(DataFileError, match=r"population\.csv: file not found"):
        load(tmp_path)


def test_empty_file(tmp_path):
    write_pop(tmp_path, "")
    with pytest.raises(DataFileError, match=r"population\.csv: the file is empty"):
        load(tmp_path)


def test_header_only(tmp_path):
    write_pop(tmp_path, POP_HEADER + "\n")
    with pytest.raises(DataFileError, match="header but no data rows"):
        load(tmp_path)


def test_missing_and_renamed_columns(tmp_path):
    write_pop(tmp_path, POP_HEADER.replace("refugees,", "refugee_count,", 1) + "\n" + GOOD_ROW)
    with pytest.raises(DataFileError) as err:
        load(tmp_path)
    assert "missing column(s) ['refugees']" in str(err.value)
    assert "unexpected column(s) ['refugee_count']" in str(err.value)


def test_extra_column(tmp_path):
    write_pop(tmp_path, POP_HEADER + ",note\n" + GOOD_ROW + ",hello\n")
    with pytest.raises(DataFileError, match=r"unexpected column\(s\) \['note'\]"):
        load(tmp_path)


def test_text_in_a_count_column_names_line_column_and_value(tmp_path):
    bad = pop_row(2019, "AFG", "TUR", refugees="many")
    write_pop(tmp_path, "\n".join([POP_HEADER, GOOD_ROW, bad]) + "\n")
    with pytest.raises(DataFileError) as err:
        load(tmp_path)
    message = str(err.value)
    assert "population.csv" in message
    assert "line 3, column 'refugees': value 'many'" in message


def test_negative_count(tmp_path):
    bad = pop_row(2019, "AFG", "TUR", asylum=-4)
    write_pop(tmp_path, "\n".join([POP_HEADER, GOOD_ROW, bad]) + "\n")
    with pytest.raises(DataFileError, match=r"line 3, column 'asylum_seekers': value -4 fails"):
        load(tmp_path)


def test_duplicated_key(tmp_path):
    write_pop(tmp_path, "\n".join([POP_HEADER, GOOD_ROW, GOOD_ROW]) + "\n")
    with pytest.raises(DataFileError, match=r"duplicated key .*line 2, line 3"):
        load(tmp_path)


def test_malformed_country_code(tmp_path):
    bad = pop_row(2019, "AFG", "tu")
    write_pop(tmp_path, "\n".join([POP_HEADER, GOOD_ROW, bad]) + "\n")
    with pytest.raises(DataFileError, match=r"line 3, column 'coa(_iso)?': value 'tu'"):
        load(tmp_path)


def test_year_in_the_future(tmp_path):
    bad = pop_row(2999, "AFG", "TUR")
    write_pop(tmp_path, "\n".join([POP_HEADER, GOOD_ROW, bad]) + "\n")
    with pytest.raises(DataFileError, match=r"line 3, column 'year': value 2999 fails in_range"):
        load(tmp_path)


def test_truncated_file_cut_mid_line(tmp_path):
    cut = pop_row(2019, "AFG", "TUR")[:18]  # '2019,Origin AFG,AF'
    write_pop(tmp_path, "\n".join([POP_HEADER, GOOD_ROW, cut]))
    with pytest.raises(DataFileError, match=r"line 3, column '\w+': value (nan|None|<NA>)"):
        load(tmp_path)


def test_not_utf8(tmp_path):
    (tmp_path / "population.csv").write_bytes(
        (POP_HEADER + "\n" + GOOD_ROW.replace("Host TUR", "Host Türkiye")).encode("latin-1")
    )
    with pytest.raises(DataFileError, match="not UTF-8 text"):
        load(tmp_path)


def test_byte_order_mark_is_accepted(tmp_path):
    (tmp_path / "population.csv").write_bytes(("\ufeff" + POP_HEADER + "\n" + GOOD_ROW).encode())
    assert load(tmp_path)["refugees"].tolist() == [5]


def test_namibia_and_na_codes_are_not_read_as_missing(real_dir):
    decisions = unhcr.load_asylum_decisions(real_dir)
    assert (decisions["dec_level"] == "NA").sum() > 0
    assert decisions["dec_level"].notna().all()


@pytest.mark.parametrize(
    "table",
    [
        "population",
        "idmc",
        "unrwa",
        "solutions",
        "flows",
        "demographics",
        "asylum_applications",
        "asylum_decisions",
    ],
)
def test_every_real_table_loads_with_the_row_count_of_its_readme(real_dir, table):
    rows = {
        "population": 138_893,
        "idmc": 934,
        "unrwa": 296,
        "solutions": 21_258,
        "flows": 105_868,
        "demographics": 20_771,
        "asylum_applications": 120_597,
        "asylum_decisions": 113_929,
    }
    assert len(unhcr.load_table(table, real_dir)) == rows[table]


def test_real_countries_table(real_dir):
    countries = unhcr.load_countries(real_dir)
    assert len(countries) == 232
    assert countries.set_index("iso_code").loc["LBN", "unhcr_code"] == "LEB"
