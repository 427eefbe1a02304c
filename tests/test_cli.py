"""The command line's help reads cleanly: named placeholders instead of Python types,
the description rewrapped as paragraphs, a one-line summary per command."""

from __future__ import annotations

import re

import pytest
from typer.testing import CliRunner

from displacement_report.cli import app

COMMANDS = ("report", "preview", "profiles", "refresh", "params", "diff", "revisions", "prune")


@pytest.mark.parametrize("command", COMMANDS)
def test_options_show_placeholders_not_python_types(command):
    result = CliRunner().invoke(app, [command, "--help"], terminal_width=100)
    assert result.exit_code == 0, result.output
    # arguments too: 'ISO3', not '[ISO3]... <list[str]>'; 'DEST', not 'DEST <Path>'
    assert not re.search(r"<(bool|str|int|path|list)", result.output, re.IGNORECASE), result.output
    assert "]...]" not in result.output  # the usage line shows '[ISO3]...' once


def test_the_command_list_gives_each_command_a_whole_sentence():
    result = CliRunner().invoke(app, ["--help"], terminal_width=100)
    listed = result.output.split("Commands:")[1].strip().splitlines()
    assert [line.split()[0] for line in listed] == list(COMMANDS)
    for line in listed:
        assert line.rstrip().endswith(".") and not line.rstrip().endswith("..."), line


def test_a_description_is_rewrapped_not_broken_where_the_docstring_was():
    result = CliRunner().invoke(app, ["profiles", "--help"], terminal_width=100)
    description = result.output.split("Arguments:")[0]
    # the docstring breaks after 'per host country,'; the help flows on
    assert "per host country, each published" in " ".join(description.split())
    assert "country,\n" not in description
