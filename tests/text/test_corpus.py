from __future__ import annotations

import hashlib
import json
from contextlib import nullcontext

import pandas as pd
import pytest

from analysis import config
from analysis.errors import InputProblem, InputWarning
from analysis.text.corpus import ID_PATTERN, count_table_rows, iter_corpus_chunks, load_corpus
from analysis.text.language import flag_language
from tests.conftest import ENGLISH, SHARED


def test_seed_corpus_loads_with_metadata_and_no_warnings():
    articles = load_corpus(config.DEFAULT_CORPUS)
    assert list(articles["article_id"]) == sorted(articles["article_id"])
    assert len(articles) == 5
    assert set(articles["flags"]) == {""}
    for column in (
        "outlet",
        "publisher_evidence",
        "original_publisher",
        "genre",
        "published",
        "url",
        "notes",
    ):
        assert (articles[column].str.strip() != "").all(), column


@pytest.mark.skipif(not (SHARED / "seeds").is_dir(), reason="no ../shared/seeds on this machine")
def test_raw_seed_files_are_byte_identical_to_the_captures():
    metadata = pd.read_csv(config.DEFAULT_CORPUS / "articles.csv", dtype=str)
    for row in metadata.itertuples():
        ours = (config.DEFAULT_CORPUS / row.file).read_bytes()
        theirs = (SHARED / "seeds" / row.captured_as).read_bytes()
        assert hashlib.sha256(ours).digest() == hashlib.sha256(theirs).digest(), row.file


@pytest.mark.parametrize(
    "files, message",
    [
        ({"a.txt": ""}, "a.txt: the file is empty"),
        ({"a.txt": "  \n\n \t"}, "a.txt: the file is empty"),
        (
            {"a.txt": "caf\xe9 au lait".encode("cp1252")},
            "a.txt: not valid UTF-8 (tried encoding utf-8; byte 0xe9 at offset 3",
        ),
        ({"a.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"}, "a.txt: looks like a binary file"),
        (
            {"a.txt": ENGLISH, "articles.csv": "article_id,file\nx,a.txt\ny,missing.txt\n"},
            "names file 'missing.txt', which is not in",
        ),
        (
            {
                "a.txt": ENGLISH,
                "b.txt": ENGLISH,
                "articles.csv": "article_id,file\nsame,a.txt\nsame,b.txt\n",
            },
            "duplicate article id 'same'",
        ),
        (
            {
                "a.txt": ENGLISH,
                "a.html": f"<html><body><article><p>{ENGLISH}</p></article></body></html>",
            },
            "duplicate article id 'a'",
        ),
        (
            {"a.txt": ENGLISH, "articles.csv": "article_id,file\nbad id!,a.txt\n"},
            "article id 'bad id!' must be letters",
        ),
        (
            {"a.txt": ENGLISH, "articles.csv": "id,path\nx,a.txt\n"},
            "missing column(s) article_id, file",
        ),
        ({"notes.md": "hello"}, "no .txt or .html article files"),
    ],
)
def test_bad_folder_input_names_the_file_and_the_problem(write_files, files, message):
    folder = write_files(files)
    with (
        pytest.raises(InputProblem) as raised,
        pytest.warns(InputWarning) if "notes.md" in files else nullcontext(),
    ):
        load_corpus(folder)
    assert message in str(raised.value)


def test_every_problem_is_reported_at_once(write_files):
    folder = write_files({"a.txt": "", "b.txt": b"\xff\xfe\x00x", "c.txt": ENGLISH})
    with pytest.raises(InputProblem) as raised:
        load_corpus(folder)
    assert len(raised.value.problems) == 2
    assert "2 problems with the input" in str(raised.value)


@pytest.mark.parametrize(
    "names, ids",
    [
        (["Путин звонок.txt"], ["Putin-zvonok"]),
        # A file name that is an id keeps it; the made one gives way.
        (["Café déjà vu.txt", "Cafe-deja-vu.txt"], ["Cafe-deja-vu-2", "Cafe-deja-vu"]),
        (["a b.txt", "a?b.txt", "a-b.txt"], ["a-b-2", "a-b-3", "a-b"]),
        (["北京 会谈.html.txt", "!!!.txt"], ["BeiJing-HuiTan.html", "article"]),
    ],
)
def test_a_file_name_that_is_not_an_id_gives_a_safe_unique_id_with_a_warning(
    write_files, names, ids
):
    folder = write_files({name: ENGLISH for name in names})
    with pytest.warns(InputWarning, match="the file name is not a valid id"):
        articles = load_corpus(folder)
    assert dict(zip(articles["source"], articles["article_id"])) == dict(zip(names, ids))
    assert all(ID_PATTERN.match(a) for a in articles["article_id"])


def test_a_safe_id_does_not_take_an_id_of_the_metadata(write_files):
    folder = write_files(
        {"a b.txt": ENGLISH, "c.txt": ENGLISH, "articles.csv": "article_id,file\na-b,c.txt\n"}
    )
    with pytest.warns(InputWarning):
        articles = load_corpus(folder)
    assert dict(zip(articles["source"], articles["article_id"])) == {
        "a b.txt": "a-b-2",
        "c.txt": "a-b",
    }


def test_oversized_file_is_refused(write_files):
    folder = write_files({"a.txt": ENGLISH * 10})
    with pytest.raises(InputProblem, match="over the limit of 1,000 bytes"):
        load_corpus(folder, max_bytes=1000)


def test_file_without_metadata_row_is_kept_and_flagged(write_files):
    folder = write_files(
        {
            "a.txt": ENGLISH,
            "b.txt": ENGLISH,
            "articles.csv": "article_id,file,outlet\nfirst,a.txt,Daily\n",
        }
    )
    with pytest.warns(InputWarning, match="b.txt: no row in articles.csv"):
        articles = load_corpus(folder)
    assert list(articles["article_id"]) == ["b", "first"]
    assert articles.set_index("article_id").loc["b", "outlet"] == "b"
    assert "no row in articles.csv" in articles.set_index("article_id").loc["b", "flags"]


GERMAN = (
    "Der Minister sagte am Dienstag, dass die Gespräche in der nächsten Woche fortgesetzt würden "
    "und dass "
    "beide Seiten vereinbart hätten, sich in Genf erneut zu treffen. Es war das erste Mal seit "
    "zwei Jahren, "
    "dass die beiden Regierungen direkt über den Streit gesprochen hatten, der auf beiden Seiten "
    "der Grenze "
    "Tausende Arbeitsplätze gekostet hat."
)
FRENCH = (
    "Le ministre a déclaré mardi que les négociations se poursuivraient la semaine prochaine et "
    "que les deux "
    "parties avaient convenu de se retrouver à Genève. C'était la première fois depuis deux ans "
    "que les deux "
    "gouvernements parlaient directement du différend, qui a coûté des milliers d'emplois des "
    "deux côtés."
)


@pytest.mark.parametrize(
    "text, flagged", [(ENGLISH, False), (GERMAN, True), (FRENCH, True), ("Kurz und gut.", False)]
)
def test_language_flag(text, flagged):
    assert bool(flag_language(text)) is flagged


def test_non_english_text_is_flagged_not_dropped(write_files):
    folder = write_files({"de.txt": GERMAN, "en.txt": ENGLISH})
    with pytest.warns(InputWarning, match="de.txt: probably not English"):
        articles = load_corpus(folder)
    assert len(articles) == 2


def test_unsupported_files_are_named_in_a_warning(write_files):
    folder = write_files({"a.txt": ENGLISH, "photo.jpg": b"\xff\xd8\xff"})
    with pytest.warns(InputWarning, match="photo.jpg: ignored"):
        assert len(load_corpus(folder)) == 1


def test_html_main_text_is_extracted_with_its_title(write_files):
    html = (
        "<html><head><title>Site</title></head><body><nav><ul><li>Home</li><li>World</li></ul></nav>"
        f"<article><h1>Talks to resume in Geneva</h1><p>{ENGLISH}</p><p>{ENGLISH}</p></article>"
        "<footer>Subscribe to our newsletter</footer></body></html>"
    )
    articles = load_corpus(write_files({"story.html": html}))
    row = articles.iloc[0]
    assert row["headline"] == "Talks to resume in Geneva"
    assert ENGLISH in row["raw_text"] and "Home" not in row["raw_text"]


def test_table_formats_give_the_same_form_as_a_folder(tmp_path, write_files):
    rows = [
        {"article_id": "a", "outlet": "Daily", "text": ENGLISH},
        {"article_id": "b", "outlet": "Weekly", "text": ENGLISH + "\r\nMore."},
    ]
    frame = pd.DataFrame(rows)
    frame.to_csv(tmp_path / "c.csv", index=False)
    (tmp_path / "c.jsonl").write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    frame.to_parquet(tmp_path / "c.parquet", index=False)
    folder = write_files(
        {
            "a.txt": rows[0]["text"],
            "b.txt": rows[1]["text"],
            "articles.csv": "article_id,file,outlet\na,a.txt,Daily\nb,b.txt,Weekly\n",
        }
    )
    loaded = [load_corpus(tmp_path / name) for name in ("c.csv", "c.jsonl", "c.parquet")] + [
        load_corpus(folder)
    ]
    columns = ["article_id", "outlet", "headline", "flags", "raw_text"]
    for other in loaded[1:]:
        pd.testing.assert_frame_equal(loaded[0][columns], other[columns])
    assert loaded[0].loc[1, "raw_text"].endswith("\nMore.")


@pytest.mark.parametrize(
    "content, message",
    [
        ("id,body\n1,hello\n", "no 'text' column (columns found: id, body)"),
        ("article_id,text\na,\n", "row 1: 'text' is empty"),
        ("article_id,text\na,hello\na,again\n", "duplicate article id 'a'"),
        ("article_id,text\n", "t.csv: no articles (the table has no rows)"),
    ],
)
def test_bad_table_input_names_the_file_and_row(tmp_path, content, message):
    path = tmp_path / "t.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputProblem) as raised:
        load_corpus(path)
    assert "t.csv" in str(raised.value) and message in str(raised.value)


def test_table_without_ids_gets_row_ids(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_text(
        json.dumps({"text": ENGLISH}) + "\n" + json.dumps({"text": ENGLISH}) + "\n",
        encoding="utf-8",
    )
    assert list(load_corpus(path)["article_id"]) == ["feed-0000001", "feed-0000002"]


def test_unreadable_table_and_missing_path(tmp_path):
    bad = tmp_path / "t.parquet"
    bad.write_bytes(b"not parquet")
    with pytest.raises(InputProblem, match="t.parquet: cannot be read as PARQUET"):
        load_corpus(bad)
    with pytest.raises(InputProblem, match="no such folder or file"):
        load_corpus(tmp_path / "nowhere")
    other = tmp_path / "t.xlsx"
    other.write_bytes(b"x")
    with pytest.raises(InputProblem, match="not a corpus folder or a table file"):
        load_corpus(other)


@pytest.mark.parametrize("suffix", [".csv", ".jsonl", ".parquet"])
@pytest.mark.parametrize("size", [1, 2, 3, 7])
def test_chunks_together_are_the_whole_table(tmp_path, suffix, size):
    rows = [{"outlet": f"o{i % 2}", "text": f"{ENGLISH} Article {i}."} for i in range(5)]
    path = tmp_path / f"feed{suffix}"
    frame = pd.DataFrame(rows)
    if suffix == ".csv":
        frame.to_csv(path, index=False)
    elif suffix == ".jsonl":
        path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    else:
        frame.to_parquet(path, index=False)
    chunks = list(iter_corpus_chunks(path, size))
    assert [len(c) for c in chunks] == [min(size, 5 - k) for k in range(0, 5, size)]
    pd.testing.assert_frame_equal(pd.concat(chunks, ignore_index=True), load_corpus(path))
    assert count_table_rows(path) == (5 if suffix == ".parquet" else None)


def test_a_bad_row_in_a_later_chunk_is_named_by_its_row_in_the_file(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("article_id,text\na,hello there\nb,hello again\nc,\n", encoding="utf-8")
    chunks = iter_corpus_chunks(path, 2)
    assert list(next(chunks)["article_id"]) == ["a", "b"]
    with pytest.raises(InputProblem, match=r"t.csv, row 3: 'text' is empty"):
        next(chunks)


def test_chunk_reader_refuses_what_it_cannot_read(tmp_path):
    folder = tmp_path / "folder"
    folder.mkdir()
    with pytest.raises(InputProblem, match="folder: not a table file"):
        next(iter_corpus_chunks(folder, 10))
    bad = tmp_path / "t.parquet"
    bad.write_bytes(b"not parquet")
    with pytest.raises(InputProblem, match="t.parquet: cannot be read as PARQUET"):
        next(iter_corpus_chunks(bad, 10))
    with pytest.raises(ValueError, match="at least 1 row"):
        next(iter_corpus_chunks(bad, 0))


@pytest.mark.parametrize(
    "lines, message",
    [
        (
            ['{"text": "One."}', '{"text": "Two", "outlet": ', '{"text": "Three."}'],
            "line 2: cannot be read as JSONL (not JSON: Expecting value at column 27)",
        ),
        (
            ['{"text": "One."}', "", '{"text": "Two."}', "[1, 2]"],
            "line 4: cannot be read as JSONL (a JSON list, not an object with a 'text' field)",
        ),
        (
            ['{"text": "One."', '{"text": "Two."}'],
            "line 1: cannot be read as JSONL (not JSON: Expecting ',' delimiter at column 16)",
        ),
    ],
)
@pytest.mark.parametrize("size", [None, 1])
def test_a_malformed_jsonl_line_is_named_by_its_line_in_the_file(tmp_path, lines, message, size):
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(InputProblem) as raised:
        load_corpus(path) if size is None else list(iter_corpus_chunks(path, size))
    assert str(raised.value) == f"{path}, {message}"
