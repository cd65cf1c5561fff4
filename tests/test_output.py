"""Row formatting and atomic file writing."""

import csv
import io
import json
from decimal import Decimal

import pytest
from rdflib import Literal, URIRef, XSD

from theory.errors import OutputError, UsageError
from theory.output import format_rows, plain, write_file

ROWS = [
    {"name": URIRef("https://example.org/a"), "amount": Literal("300000", datatype=XSD.decimal), "share": 0.25},
    {"name": "b|c", "amount": Decimal("1.5"), "share": None},
]


def test_plain_values():
    assert plain(URIRef("https://example.org/a")) == "https://example.org/a"
    assert plain(Literal("300000", datatype=XSD.decimal)) == 300000
    assert plain(Decimal("1.5")) == 1.5
    assert plain(Literal("2024", datatype=XSD.gYear)) == "2024"
    assert plain([Literal(1), "x"]) == [1, "x"]


def test_json_is_array_of_objects_with_numbers():
    data = json.loads(format_rows(ROWS, "json"))
    assert data == [
        {"name": "https://example.org/a", "amount": 300000, "share": 0.25},
        {"name": "b|c", "amount": 1.5, "share": None},
    ]


def test_csv_has_header_and_rows():
    rows = list(csv.reader(io.StringIO(format_rows(ROWS, "csv"))))
    assert rows[0] == ["name", "amount", "share"]
    assert rows[1][1] == "300000"


def test_markdown_escapes_pipes():
    text = format_rows(ROWS, "md")
    assert text.splitlines()[1] == "|---|---|---|"
    assert "b\\|c" in text


def test_table_aligns_numbers_right():
    lines = format_rows(ROWS, "table").splitlines()
    assert lines[0].split() == ["name", "amount", "share"]
    assert len(lines) == 4
    assert format_rows([], "table") == "(no rows)\n"


def test_columns_choose_and_order():
    assert format_rows(ROWS, "csv", columns=["share", "name"]).splitlines()[0] == "share,name"


def test_unknown_format():
    with pytest.raises(UsageError, match="unknown format"):
        format_rows(ROWS, "xlsx")


def test_write_file_and_overwrite(tmp_path):
    path = tmp_path / "out.txt"
    write_file(path, "æøå\n")
    assert path.read_bytes() == "æøå\n".encode("utf-8")
    write_file(path, b"second")
    assert path.read_bytes() == b"second"
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]


def test_write_file_missing_folder_leaves_nothing(tmp_path):
    with pytest.raises(OutputError, match="does not exist"):
        write_file(tmp_path / "missing" / "out.txt", "x")
    assert list(tmp_path.iterdir()) == []


def test_write_file_to_a_folder(tmp_path):
    with pytest.raises(OutputError, match="is a folder"):
        write_file(tmp_path, "x")
