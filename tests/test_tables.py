"""The one table loader: comments, header, short rows, and errors that name file and line."""

import pytest

from eventwire.tables import TableError, alternatives, parse_table, read_table


def test_comments_header_and_short_rows():
    lines = [
        "# what the table is for",
        "",
        "word\tkind\tnote",
        "# a comment between rows",
        "appeal\tverb",
        "plea\tnoun\tan event noun",
    ]
    assert parse_table(lines, "t.tsv") == (
        {"word": "appeal", "kind": "verb", "note": ""},
        {"word": "plea", "kind": "noun", "note": "an event noun"},
    )


def test_errors_name_the_file_and_line():
    with pytest.raises(TableError, match=r"t\.tsv:3: 3 cells"):
        parse_table(["a\tb", "x\ty", "x\ty\tz"], "t.tsv")
    with pytest.raises(TableError, match=r"u\.tsv:1: the header"):
        parse_table(["a\ta"], "u.tsv")


def test_alternatives_split_and_strip():
    assert alternatives(" U.N. | UN ||United Nations") == ["U.N.", "UN", "United Nations"]
    assert alternatives("") == []


def test_package_tables_follow_the_convention():
    rows = read_table("eventwire.ontology", "cameo.tsv")
    assert rows[0]["code"] == "01" and {"goldstein", "quad_class", "plover"} <= set(rows[0])
