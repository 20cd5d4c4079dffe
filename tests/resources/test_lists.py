from __future__ import annotations

import pytest

from analysis.resources.lists import compile_phrase_pattern, expand_braces, normalise_phrase


@pytest.mark.parametrize(
    ("form", "expected"),
    [
        ("may", ["may"]),
        ("{is,was} said to", ["is said to", "was said to"]),
        ("{a, b} {c,d}", ["a c", "a d", "b c", "b d"]),
    ],
)
def test_expand_braces(form, expected):
    assert expand_braces(form) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It is about a dozen, ABOUT 90.", ["about a dozen", "ABOUT"]),
        ("He couldn’t; she could've.", ["couldn’t"]),
        ("according\nto them", ["according\nto"]),
        ("aboutness, mayday, may-day, about-face", []),
    ],
)
def test_one_pattern_finds_the_longest_whole_phrase(text, expected):
    pattern = compile_phrase_pattern(
        {
            normalise_phrase(p)
            for p in ("about", "about a dozen", "according to", "could", "couldn't", "may")
        }
    )
    assert [m.group() for m in pattern.finditer(text)] == expected


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("", "no header line"),
        ("# only a comment\n", "no header line"),
        ("name\tkind\n", "line 1: the header must be 'a<TAB>b'"),
    ],
)
def test_a_table_without_its_header_is_a_problem(tmp_path, content, problem):
    from analysis.resources.lists import read_tsv_records

    path = tmp_path / "list.tsv"
    path.write_text(content, encoding="utf-8")
    records, problems = read_tsv_records(path, ["a", "b"])
    assert (
        records == []
        and len(problems) == 1
        and problem in problems[0]
        and str(path) in problems[0]
    )


def test_records_keep_their_line_numbers(tmp_path):
    from analysis.resources.lists import read_tsv_records

    path = tmp_path / "list.tsv"
    path.write_text("# comment\na\tb\n\nx\t y \n", encoding="utf-8")
    assert read_tsv_records(path, ["a", "b"]) == ([(4, "x\t y ", ["x", "y"])], [])


def test_form_tables_map_every_form_to_its_value_and_name_bad_lines(tmp_path):
    from analysis.errors import InputProblem
    from analysis.resources.lists import read_form_table

    path = tmp_path / "forms.tsv"
    path.write_text("entry\tclass\tforms\nsay\tneutral\tsaid|{tells,told}\n", encoding="utf-8")
    assert read_form_table(path, ["entry", "class", "forms"], "class", "forms", ("neutral",)) == {
        "said": "neutral",
        "tells": "neutral",
        "told": "neutral",
    }
    path.write_text(
        "entry\tclass\tforms\nsay\tloud\tsaid\nclaim\tneutral\tclaimed\nclaim2\tneutral2\tclaimed\nx\tneutral\n",
        encoding="utf-8",
    )
    with pytest.raises(InputProblem) as caught:
        read_form_table(
            path, ["entry", "class", "forms"], "class", "forms", ("neutral", "neutral2")
        )
    message = str(caught.value)
    assert (
        "line 2: expected entry, class, forms separated by tabs (class one of neutral, neutral2)"
        in message
    )
    assert "line 4: form 'claimed' is already given on line 3" in message
    assert "line 5: expected entry, class, forms" in message
