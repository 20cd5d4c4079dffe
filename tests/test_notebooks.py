"""Every notebook runs on the default corpus, thin and without errors; figures come with their
data."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from analysis import config
from analysis.report.annotate import escape
from analysis.report.build import list_notebooks, read_notebook_title

NOTEBOOKS = list_notebooks()


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_is_committed_without_outputs_and_stays_thin(path):
    notebook = json.loads(path.read_text(encoding="utf-8"))
    for cell in notebook["cells"]:
        assert not cell.get("outputs") and not cell.get("execution_count"), (
            "strip outputs: make strip"
        )
        if cell["cell_type"] == "code":
            source = "".join(cell["source"])
            for banned in ("def ", "class ", "sys.path", "../", "lambda"):
                assert banned not in source, (
                    f"{banned!r} in a notebook cell: logic belongs in the package"
                )


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_executes_into_the_report_with_its_figures(path, built_report):
    reports, pages = built_report
    page = reports / f"{path.stem}.html"
    assert page.name in set(pages["page"]) and page.exists()
    html = page.read_text(encoding="utf-8")
    assert "jp-OutputArea-output" in html  # a failing cell stops build_report with the cell named
    figures = reports.parent / "figures"
    pngs = sorted(figures.glob(f"{path.stem[:2]}-*.png"))
    assert pngs, f"{path.name} saved no figure"
    for png in pngs:
        for ext in ("svg", "csv"):
            assert png.with_suffix(f".{ext}").exists()


def test_report_index_links_every_notebook_and_article(built_report):
    reports, pages = built_report
    index = (reports / "index.html").read_text(encoding="utf-8")
    for path in NOTEBOOKS:
        assert f'href="{path.stem}.html"' in index and escape(read_notebook_title(path)) in index
    articles = pages[pages["kind"] == "article"]
    assert len(articles) == 5 and all(f'href="{p}"' in index for p in articles["page"])
    assert (pages["kind"] == "comparison").sum() == 10
    assert all((reports / p).exists() for p in pages["page"])


def test_notebooks_are_numbered_without_gaps():
    numbers = [int(p.name[:2]) for p in NOTEBOOKS]
    assert numbers == list(range(len(numbers))) and config.NOTEBOOKS_DIR.is_dir()


SECOND_CORPUS = Path(__file__).parent / "data" / "second_corpus.csv"
DEFAULT_CORPUS_PHRASES = (
    "the call",
    "phone call",
    "Five articles",
    "five articles",
    "Putin",
    "Zelensk",
    "Ukrain",
    "Crimea",
    "Kremlin",
    "Hegseth",
    "Peskov",
    "special military operation",
    "seed event",
)
"""Words and phrases of the default corpus (its event, its people, its size) that no report on
another corpus may carry."""


def test_a_report_on_another_corpus_says_nothing_of_the_default_one(second_report):
    pages = sorted(second_report.glob("*.html"))
    assert {p.stem for p in NOTEBOOKS} <= {p.stem for p in pages}
    found = {
        page.name: [w for w in DEFAULT_CORPUS_PHRASES if w in page.read_text(encoding="utf-8")]
        for page in pages
    }
    assert not {name: words for name, words in found.items() if words}
    tone = (second_report / "01-tone.html").read_text(encoding="utf-8")
    assert "6 articles from 3 outlets, 2 events" in tone and "compared event by event" in tone


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_each_notebook_takes_its_corpus_from_a_parameters_cell(path):
    notebook = json.loads(path.read_text(encoding="utf-8"))
    code = [c for c in notebook["cells"] if c["cell_type"] == "code"]
    tagged = [c for c in code if "parameters" in c["metadata"].get("tags", [])]
    assert len(tagged) == 1 and tagged[0] is code[0], (
        "the first code cell, and only it, is tagged 'parameters'"
    )
    assert [
        line.split(" =")[0] for line in "".join(tagged[0]["source"]).splitlines() if " = " in line
    ] == ["corpus", "processed", "figures", "engine"]
    assert (
        "config.apply_parameters(corpus=corpus, processed=processed, figures=figures, "
        "engine=engine)" in "".join(code[1]["source"])
    )


def test_parameters_set_as_papermill_does_point_a_notebook_at_another_corpus(
    tmp_path, monkeypatch, capfd
):
    import nbformat

    from analysis.engine.pipeline import run_corpus
    from analysis.report.build import execute_notebook

    for name in ("FRAMING_CORPUS", "FRAMING_PROCESSED", "FRAMING_FIGURES", "FRAMING_ENGINE"):
        monkeypatch.delenv(name, raising=False)
    run_corpus(SECOND_CORPUS, tmp_path / "processed")
    notebook = nbformat.read(NOTEBOOKS[0], as_version=4)
    position = next(
        i for i, c in enumerate(notebook.cells) if "parameters" in c.metadata.get("tags", [])
    )
    injected = (
        f'corpus = "{SECOND_CORPUS}"\nprocessed = "{tmp_path / "processed"}"\nfigures = '
        f'"{tmp_path / "figures"}"'
    )
    notebook.cells.insert(
        position + 1,
        nbformat.v4.new_code_cell(injected, metadata={"tags": ["injected-parameters"]}),
    )
    copy = tmp_path / NOTEBOOKS[0].name
    nbformat.write(notebook, copy)
    html, executed = execute_notebook(copy, tmp_path / "reports", env={})
    outputs = "".join(
        o.get("text", "")
        for c in executed.cells
        if c.cell_type == "code"
        for o in c.get("outputs", [])
    )
    assert "second_corpus.csv" in outputs and "harbor-budget" in html.read_text(encoding="utf-8")
    assert (
        list((tmp_path / "figures").glob("00-*.png"))
        and (tmp_path / "reports" / "notebooks" / copy.name).exists()
    )
    assert (
        "IPKernelApp" not in capfd.readouterr().err
    )  # the kernel talks over local sockets and is shut down: no warning


def test_report_pages_hide_code_and_keep_the_executed_notebooks(built_report):
    import nbformat

    reports, _ = built_report
    for path in NOTEBOOKS:
        assert "apply_parameters" not in (reports / f"{path.stem}.html").read_text(
            encoding="utf-8"
        )
        kept = nbformat.read(reports / "notebooks" / path.name, as_version=4)
        assert any(c.get("outputs") for c in kept.cells if c.cell_type == "code")


def test_a_second_report_on_the_same_tables_is_byte_identical(built_report, tmp_path_factory):
    """Every page, kept notebook and figure, the second time with the validation results read back,
    not computed."""
    import filecmp

    from analysis.report.build import build_report

    first, _ = built_report
    root = tmp_path_factory.mktemp("report-again")
    build_report(
        config.DEFAULT_CORPUS,
        first.parent / "processed",
        root / "reports",
        root / "figures",
        env={
            "FRAMING_CODING": str(first.parent / "coding"),
            "FRAMING_CODED": str(first.parent / "coded"),
        },  # paths the pages print
    )
    for kind in ("reports", "figures"):
        files = sorted(
            str(p.relative_to(first.parent / kind))
            for p in (first.parent / kind).rglob("*")
            if p.is_file()
        )
        assert files == sorted(
            str(p.relative_to(root / kind)) for p in (root / kind).rglob("*") if p.is_file()
        )
        _, differ, errors = filecmp.cmpfiles(
            first.parent / kind, root / kind, files, shallow=False
        )
        assert differ == [] and errors == [], f"{kind}: {differ or errors}"
