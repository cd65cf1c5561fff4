"""Row formatting (raw for programs, in one language for people) and atomic file writing."""

import csv
import io
import json
from decimal import Decimal

import pytest

from theory.errors import OutputError, UsageError
from theory.output import format_rows, plain, write_file

ROWS = [
    {"name": "https://example.org/a", "amount": 300000, "share": 0.25, "kind": "cross-cutting"},
    {"name": "b|c", "amount": Decimal("1.5"), "share": None, "kind": "focus-area"},
]
KINDS = {"amount": "money", "share": "percent", "kind": "word"}


def test_plain_values():
    assert plain(Decimal("300000")) == 300000
    assert plain(Decimal("1.5")) == 1.5
    assert plain((1, "x")) == [1, "x"]
    assert plain({"a": Decimal("2")}) == {"a": 2}


def test_json_is_array_of_objects_with_raw_numbers():
    data = json.loads(format_rows(ROWS, "json", kinds=KINDS))
    assert data == [
        {"name": "https://example.org/a", "amount": 300000, "share": 0.25, "kind": "cross-cutting"},
        {"name": "b|c", "amount": 1.5, "share": None, "kind": "focus-area"},
    ]


def test_csv_has_header_and_raw_rows():
    rows = list(csv.reader(io.StringIO(format_rows(ROWS, "csv", kinds=KINDS))))
    assert rows[0] == ["name", "amount", "share", "kind"]
    assert rows[1] == ["https://example.org/a", "300000", "0.25", "cross-cutting"]


def test_csv_lists_and_structures():
    text = format_rows([{"names": ["a", "b"], "flags": [{"flag": "x", "value": 1}]}], "csv")
    assert text.splitlines()[1] == 'a; b,"[{""flag"": ""x"", ""value"": 1}]"'


def test_markdown_escapes_pipes_and_formats_money():
    text = format_rows(ROWS, "md", kinds=KINDS, lang="en")
    assert text.splitlines()[1] == "|---|---|---|---|"
    assert "b\\|c" in text and "DKK 300,000" in text and "25%" in text


@pytest.mark.parametrize("lang, money, share, word, title", [
    ("da", "300.000 kr.", "25 %", "tværgående indsats", "andel"),
    ("en", "DKK 300,000", "25%", "cross-cutting", "share"),
])
def test_table_for_people_in_one_language(lang, money, share, word, title):
    lines = format_rows(ROWS, "table", kinds=KINDS, lang=lang).splitlines()
    assert title in lines[0].split()
    assert money in lines[2] and share in lines[2] and word in lines[2]
    assert lines[2].index(money) + len(money) == lines[0].index(title) - 2  # money right-aligned
    assert len(lines) == 4


def test_empty_table_says_so_in_its_language():
    assert format_rows([], "table", lang="en") == "(no rows)\n"
    assert format_rows([], "table", lang="da") == "(ingen rækker)\n"


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
