"""Readers of the gold data sets (analysis.resources.readers): formats and the errors that name
file and line."""

from __future__ import annotations

import io
import json
import tarfile
import warnings
import zipfile

import pytest

from analysis.errors import InputProblem, InputWarning
from analysis.resources.readers import (
    read_babe,
    read_golden_rules,
    read_newsmtsc,
    read_sfu_negspec,
    read_treebank,
    read_vader_nyt,
    read_wikiweasel,
)

BABE = (
    "text;news_link;outlet;topic;type;label_bias;label_opinion;biased_words\n"
    '"The radical left pushed a shameful bill.";u;X;t;right;Biased;Expresses writer’s '
    "opinion;\"['radical', 'shameful']\"\n"
    "The bill passed on Tuesday.;u;Y;t;center;Non-biased;Entirely factual;[]\n"
    "Lawmakers met.;u;Y;t;;No agreement;Entirely factual;[]\n"
)


def test_babe_reader_keeps_labels_and_words_and_counts_undecided_rows(tmp_path):
    (tmp_path / "final_labels_SG2.csv").write_text(BABE, encoding="utf-8")
    with pytest.warns(InputWarning, match="1 rows labelled 'No agreement'"):
        rows = read_babe(tmp_path)
    assert [(r["label"], r["biased_words"], r["leaning"]) for r in rows] == [
        (1, ["radical", "shameful"], "right"),
        (0, [], "center"),
    ]
    (tmp_path / "final_labels_SG2.csv").write_text(
        BABE.replace("[]\n", "[broken\n", 1), encoding="utf-8"
    )
    with (
        pytest.raises(InputProblem, match="final_labels_SG2.csv, record 3"),
        warnings.catch_warnings(),
    ):
        warnings.simplefilter("ignore", InputWarning)
        read_babe(tmp_path)


@pytest.mark.parametrize(
    ("cases", "problem"),
    [
        ([{"id": 1, "rule": "r", "text": "A. B.", "sentences": ["A.", "B."]}], None),
        ([{"id": 1, "rule": "r", "text": "A. B.", "sentences": "A. B."}], "not text with a list"),
        ([{"id": 1, "rule": "r", "sentences": ["A."]}], "not text with a list"),
    ],
)
def test_golden_rules_read_from_json_and_checked(tmp_path, cases, problem):
    (tmp_path / "english_golden_rules.json").write_text(json.dumps(cases), encoding="utf-8")
    if problem is None:
        assert read_golden_rules(tmp_path) == cases
    else:
        with pytest.raises(InputProblem, match=problem):
            read_golden_rules(tmp_path)


def test_treebank_escapes_become_characters_and_empty_elements_are_left_out(tmp_path):
    mrg = (
        "( (S (NP-SBJ (-NONE- *)) (-LRB- -LRB-) (NNP A\\/B) (-RRB- -RRB-) (`` ``) (NN x) "
        "('' '') (. .)) )\n"
    )
    with zipfile.ZipFile(tmp_path / "treebank.zip", "w") as archive:
        archive.writestr("treebank/raw/wsj_0002", '(A/B) "x".')
        archive.writestr("treebank/combined/wsj_0002.mrg", mrg)
        archive.writestr("treebank/raw/wsj_0003", "no parse: left out")
    (document,) = read_treebank(tmp_path)
    assert document["file"] == "wsj_0002"
    assert document["sentences"] == [["(", "A/B", ")", '"', "x", '"', "."]]


def test_a_malformed_nyt_line_is_named(tmp_path):
    (tmp_path / "nytEditorialSnippets_GroundTruth.txt").write_text(
        "1_1\t1.5\tFine.\n\n1_2\tvery\tBad rating.\n1_3 no tabs\n", encoding="utf-8"
    )
    with pytest.raises(InputProblem) as caught:
        read_vader_nyt(tmp_path)
    assert caught.value.problems[0].endswith(
        "line 3: not 'id<TAB>rating<TAB>sentence': '1_2\\tvery\\tBad rating.'"
    )
    assert "line 4" in caught.value.problems[1] and len(caught.value.problems) == 2


def test_an_archive_without_the_nyt_file_is_named(tmp_path):
    with tarfile.open(tmp_path / "hutto_ICWSM_2014.tar.gz", "w:gz") as archive:
        info = tarfile.TarInfo("hutto_ICWSM_2014/other.txt")
        archive.addfile(info, io.BytesIO(b""))
    with pytest.raises(InputProblem, match="no nytEditorialSnippets_GroundTruth.txt inside"):
        read_vader_nyt(tmp_path)


def _newsmtsc(polarity="2.0", **extra):
    record = {
        "primary_gid": "allsides_12_34_5_Putin_14_19",
        "sentence_normalized": "Trump praised Putin.",
        "targets": [{"from": 14, "to": 19, "mention": "Putin", "polarity": polarity}],
    }
    record.update(extra)
    return json.dumps(record)


def test_newsmtsc_splits_by_file_with_polarity_names(tmp_path):
    (tmp_path / "train.jsonl").write_text(_newsmtsc("6.0") + "\n\n" + _newsmtsc("4"), "utf-8")
    (tmp_path / "devtest_rw.jsonl").write_text(_newsmtsc("2.0"), encoding="utf-8")
    splits = read_newsmtsc(tmp_path)
    assert sorted(splits) == ["devtest_rw", "train"]
    assert [r["targets"][0]["polarity"] for r in splits["train"]] == ["positive", "neutral"]
    assert splits["devtest_rw"][0]["gid"] == "allsides_12_34_5_Putin_14_19"
    assert splits["devtest_rw"][0]["targets"][0] == {
        "from": 14,
        "to": 19,
        "mention": "Putin",
        "polarity": "negative",
    }


@pytest.mark.parametrize(
    ("line", "error"),
    [
        ("{not json", "JSONDecodeError"),
        (_newsmtsc("5.0"), "KeyError"),  # a polarity outside 2, 4, 6
        (json.dumps({"targets": []}), "KeyError"),
        (json.dumps({"sentence_normalized": "x"}), "KeyError"),
    ],
)
def test_a_malformed_newsmtsc_record_names_file_line_and_error(tmp_path, line, error):
    (tmp_path / "train.jsonl").write_text(_newsmtsc() + "\n" + line + "\n", encoding="utf-8")
    with pytest.raises(
        InputProblem, match=f"train.jsonl, line 2: not a NewsMTSC record \\({error}"
    ):
        read_newsmtsc(tmp_path)


def test_wikiweasel_leaves_out_empty_texts_with_a_warning_and_names_bad_labels(tmp_path):
    (tmp_path / "train.csv").write_text(
        'text,label\n" It may rain. ",1\n,0\nIt rains.,0\n', encoding="utf-8"
    )
    with pytest.warns(InputWarning, match="train.csv: 1 rows with an empty text left out"):
        splits = read_wikiweasel(tmp_path)
    assert splits == {
        "train": [{"text": "It may rain.", "label": 1}, {"text": "It rains.", "label": 0}]
    }
    (tmp_path / "test.csv").write_text("text,label\nIt may.,yes\n", encoding="utf-8")
    with pytest.raises(InputProblem, match="test.csv, record 2: label must be 0 or 1, got 'yes'"):
        read_wikiweasel(tmp_path)
    (tmp_path / "test.csv").write_text("sentence,label\nIt may.,1\n", encoding="utf-8")
    with pytest.raises(InputProblem, match="expected the columns text and label"):
        read_wikiweasel(tmp_path)


SFU = (
    "<DOCUMENT><P><SENTENCE><W>It</W><cue ID='1' type='speculation'><W>may</W></cue>"
    "<W>not</W><cue ID='2' type='negation'><W>not</W></cue><W>work</W></SENTENCE>"
    "<SENTENCE><W>Fine</W></SENTENCE></P></DOCUMENT>"
)


def test_sfu_sentences_with_their_cues_from_folders_or_the_archive(tmp_path):
    folder, archived = tmp_path / "folder", tmp_path / "archived"
    (folder / "BOOKS").mkdir(parents=True)
    (folder / "BOOKS" / "a.xml").write_text(SFU, encoding="utf-8")
    archived.mkdir()
    with tarfile.open(archived / "repo.tar.gz", "w:gz") as archive:
        data = SFU.encode()
        info = tarfile.TarInfo("repo/data/SFU_Review_Corpus_Negation_Speculation/BOOKS/a.xml")
        info.size = len(data)
        archive.addfile(info, io.BytesIO(data))
    rows = read_sfu_negspec(folder)
    assert rows == read_sfu_negspec(archived)
    assert rows[0] == {
        "file": "BOOKS/a.xml",
        "sentence": 0,
        "tokens": ["It", "may", "not", "not", "work"],
        "cues": [("speculation", [1]), ("negation", [3])],
    }
    assert rows[1]["cues"] == []


def test_malformed_sfu_xml_names_the_file(tmp_path):
    (tmp_path / "b.xml").write_text("<DOCUMENT><SENTENCE>", encoding="utf-8")
    with pytest.raises(InputProblem, match="b.xml: not well-formed XML"):
        read_sfu_negspec(tmp_path)


def test_babe_without_its_columns_is_named(tmp_path):
    (tmp_path / "final_labels_SG1.csv").write_text("text;label_bias\nA.;Biased\n", "utf-8")
    with pytest.raises(
        InputProblem, match="final_labels_SG1.csv: missing columns biased_words, outlet"
    ):
        read_babe(tmp_path)
