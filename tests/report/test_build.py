"""The report's front page and the notebook helpers of the report builder."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd
import pytest

from analysis.plots.base import OUTLET_PALETTE
from analysis.report.build import list_notebooks, read_notebook_title, render_index


@pytest.mark.parametrize(
    "cells, expected",
    [
        ([{"cell_type": "markdown", "source": ["# 01 · Tone\n", "text"]}], "01 · Tone"),
        (
            [
                {"cell_type": "code", "source": ["# not a title"]},
                {"cell_type": "markdown", "source": ["intro\n", "## Later"]},
            ],
            "Later",
        ),
        ([], "99-empty"),
    ],
)
def test_notebook_title_is_its_first_heading(tmp_path, cells, expected):
    path = tmp_path / "99-empty.ipynb"
    path.write_text(json.dumps({"cells": cells}), encoding="utf-8")
    assert read_notebook_title(path) == expected


def test_notebooks_are_listed_in_reading_order(tmp_path):
    for name in ("10-b.ipynb", "02-a.ipynb", "notes.ipynb", "3-c.ipynb"):
        (tmp_path / name).write_text("{}", encoding="utf-8")
    assert [p.name for p in list_notebooks(tmp_path)] == ["02-a.ipynb", "10-b.ipynb"]


def test_index_links_pages_escapes_titles_and_colours_outlets():
    notebooks = pd.DataFrame({"page": ["00-a.html"], "title": ["<b>A</b> & B"]})
    pages = pd.DataFrame(
        {
            "page": ["x.html", "y.html", "compare-x--y.html"],
            "kind": ["article", "article", "comparison"],
            "first": ["x", "y", "x"],
            "second": ["", "", "y"],
            "outlet": ["Beta", "Alpha", ""],
            "title": ["Beta (x)", "Alpha (y)", "Beta and Alpha"],
        }
    )
    page = render_index(notebooks, pages, "my <corpus>")
    assert (
        '<a href="00-a.html">&lt;b&gt;A&lt;/b&gt; &amp; B</a>' in page
        and "my &lt;corpus&gt;" in page
    )
    assert 'href="articles/x.html"' in page and 'href="articles/compare-x--y.html"' in page
    assert (
        f"color:{OUTLET_PALETTE[1]}"
        in page.split('href="articles/x.html"')[0].rsplit("<li>", 1)[1]
    )  # Beta sorts second
    assert "../index.html" not in page


def test_a_corpus_with_events_gets_an_index_and_pages_by_event(tmp_path):
    from analysis import config
    from analysis.engine.outputs import load_outputs
    from analysis.engine.pipeline import run_corpus
    from analysis.report.pages import write_annotated_articles

    corpus = config.PROJECT_DIR / "tests" / "data" / "second_corpus.csv"
    run_corpus(corpus, tmp_path / "run")
    tables = load_outputs(tmp_path / "run")
    tables["articles"].loc[0, "headline"] = (
        "<script>alert(1)</script> & more"  # a headline is escaped wherever it is shown
    )
    pages = write_annotated_articles(tables, tmp_path / "articles", max_pairs=3)
    assert pages["kind"].value_counts().to_dict() == {"article": 6, "comparison": 6, "event": 2}
    comparisons = pages[pages["kind"] == "comparison"]
    assert (
        comparisons["first"].str.split("-").str[1] == comparisons["second"].str.split("-").str[1]
    ).all()  # pairs within an event only
    event = (tmp_path / "articles" / "event-river-flood.html").read_text(encoding="utf-8")
    assert (
        event.count('<li><a href="compare-') == 3
        and "river-flood · 2024-04-11 to 2024-04-12 · Harbor Gazette, Metro Wire, Valley Post"
        in event
    )
    index = render_index(pd.DataFrame({"page": [], "title": []}), pages, "second")
    assert (
        index.count("<h3>") == 2
        and "Harbor Gazette: River crests, dozens of homes flooded" in index
    )
    assert "<script>" not in index and "&lt;script&gt;alert(1)&lt;/script&gt; &amp; more" in index
    few = write_annotated_articles(
        tables, tmp_path / "few", max_pairs=2
    )  # three articles an event make three pairs: none written
    assert "comparison" not in set(few["kind"]) and "No page per pair" in (
        tmp_path / "few" / "event-council-budget.html"
    ).read_text(encoding="utf-8")
    capped = write_annotated_articles(
        tables, tmp_path / "capped", max_articles=4
    )  # room for one whole event of three
    shown = capped[capped["kind"] == "article"]
    assert (
        len(shown) == 3
        and shown["event"].nunique() == 1
        and len(capped[capped["kind"] == "event"]) == 2
    )
    left = "event-" + ({"council-budget", "river-flood"} - set(shown["event"])).pop() + ".html"
    assert "3 articles have no annotated page" in (tmp_path / "capped" / left).read_text(
        encoding="utf-8"
    )
    index = render_index(pd.DataFrame({"page": [], "title": []}), capped, "second", n_articles=6)
    assert (
        "annotated pages are written for 3 of them (every article of 1 of the 2 events)" in index
    )
    assert "3 articles, not annotated in this report" in index and "<script>" not in index


def test_a_new_report_clears_the_pages_of_the_previous_one_and_nothing_else(tmp_path):
    from analysis.report.annotate import render_page
    from analysis.report.build import clear_report

    names = (
        "01-tone.html",
        "articles/old-article.html",
        "notebooks/01-tone.ipynb",
        "articles/notes.txt",
        "README.md",
        "notes.html",
    )
    for name in names:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x", encoding="utf-8")
    (tmp_path / "index.html").write_text("<title>my own page</title>", encoding="utf-8")
    assert clear_report(tmp_path) == []  # not a kit report: nothing is removed
    (tmp_path / "index.html").write_text(
        render_page("media-framing: study report", "", home=None), encoding="utf-8"
    )
    removed = clear_report(tmp_path)
    assert sorted(str(p.relative_to(tmp_path)) for p in removed) == [
        "01-tone.html",
        "articles/old-article.html",
        "index.html",
        "notebooks/01-tone.ipynb",
    ]
    assert sorted(str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*") if p.is_file()) == [
        "README.md",
        "articles/notes.txt",
        "notes.html",
    ]


def _write_notebook(path, code: str) -> None:
    import nbformat

    notebook = nbformat.v4.new_notebook(
        cells=[nbformat.v4.new_markdown_cell(f"# {path.stem}"), nbformat.v4.new_code_cell(code)]
    )
    nbformat.write(notebook, path)


def test_notebooks_run_at_once_give_the_pages_they_give_one_by_one(tmp_path):
    from analysis import config
    from analysis.engine.pipeline import run_corpus
    from analysis.report.build import build_report

    corpus = config.PROJECT_DIR / "tests" / "data" / "second_corpus.csv"
    run_corpus(corpus, tmp_path / "run")
    for number in range(3):
        _write_notebook(
            tmp_path / f"0{number}-n.ipynb",
            f"import os\nprint({number}, os.path.basename(os.environ['FRAMING_CORPUS']))",
        )
    notebooks = sorted(tmp_path.glob("0*-n.ipynb"))
    built = {}
    for jobs in (1, 2):
        reports = tmp_path / f"reports-{jobs}"
        pages = build_report(
            corpus, tmp_path / "run", reports, tmp_path / "figures", notebooks=notebooks, jobs=jobs
        )
        assert list(pages.loc[pages["kind"] == "notebook", "page"]) == [
            "00-n.html",
            "01-n.html",
            "02-n.html",
        ]
        built[jobs] = {
            p.relative_to(reports): p.read_bytes() for p in reports.rglob("*") if p.is_file()
        }
    assert built[1] == built[2] and b"2 second_corpus.csv" in built[2][Path("02-n.html")]


def test_a_failing_notebook_is_named(tmp_path):
    from analysis.report.build import run_notebook

    _write_notebook(tmp_path / "05-bad.ipynb", "raise ValueError('no such column')")
    with pytest.raises(
        RuntimeError, match=r"(?s)05-bad\.ipynb: CellExecutionError: .*no such column"
    ):
        run_notebook(tmp_path / "05-bad.ipynb", tmp_path / "reports", {}, 60, False)


@pytest.mark.parametrize(
    "notebook_timeout, cell_timeout, limit",
    [(4, 60, "the notebook's limit of 4 s"), (600, 3, "a cell's limit of 3 s")],
)
def test_a_notebook_that_runs_too_long_is_stopped_naming_it_and_its_cell(
    tmp_path, capsys, monkeypatch, notebook_timeout, cell_timeout, limit
):
    import time

    from analysis.report import build as report

    monkeypatch.setattr(report, "PROGRESS_EVERY", 1)
    _write_notebook(tmp_path / "06-slow.ipynb", "import time\ntime.sleep(120)")
    start = time.monotonic()
    with pytest.raises(RuntimeError) as raised:
        report.run_notebook(
            tmp_path / "06-slow.ipynb",
            tmp_path / "reports",
            {},
            cell_timeout,
            False,
            notebook_timeout,
        )
    assert time.monotonic() - start < 60
    message = str(raised.value)
    assert message.startswith(
        "06-slow.ipynb: cell 1 of 1 (import time) did not finish within " + limit
    )
    printed = capsys.readouterr().out.splitlines()
    assert printed[0] == "running 06-slow.ipynb (1 code cells)"
    assert any(
        line.startswith("06-slow.ipynb: cell 1 of 1 (import time) at work for ")
        for line in printed[1:]
    )


def test_progress_says_which_notebook_runs_and_how_long_it_took(tmp_path, capsys):
    from analysis.report.build import run_notebook

    _write_notebook(tmp_path / "02-quick.ipynb", "print('done')")
    run_notebook(tmp_path / "02-quick.ipynb", tmp_path / "reports", {}, 60, False)
    printed = capsys.readouterr().out.splitlines()
    assert printed[0] == "running 02-quick.ipynb (1 code cells)"
    assert re.fullmatch(r"executed 02-quick\.ipynb: \d+\.\d s", printed[-1])


def test_settle_outputs_merges_streams_and_names_widgets_by_place():
    import nbformat

    from analysis.report.build import WIDGET_VIEW, settle_outputs

    cell = nbformat.v4.new_code_cell("x")
    cell.outputs = [
        nbformat.v4.new_output("stream", name="stdout", text="a\n"),
        nbformat.v4.new_output("stream", name="stdout", text="b\n"),
        nbformat.v4.new_output("stream", name="stderr", text="w\n"),
        nbformat.v4.new_output(
            "display_data", data={WIDGET_VIEW: {"model_id": "3f2a…random"}, "text/plain": "VBox()"}
        ),
    ]
    notebook = nbformat.v4.new_notebook(
        cells=[nbformat.v4.new_markdown_cell("# t"), cell], metadata={"widgets": {"state": {}}}
    )
    settle_outputs(notebook)
    outputs = notebook.cells[1].outputs
    assert [(o.output_type, o.get("text")) for o in outputs[:2]] == [
        ("stream", "a\nb\n"),
        ("stream", "w\n"),
    ]
    assert (
        outputs[2]["data"][WIDGET_VIEW]["model_id"] == "widget-1-2"
        and "widgets" not in notebook.metadata
    )
