"""Every notebook runs on the default corpus, thin and without errors; figures come with their data."""

from __future__ import annotations

import json

import nbformat
import pytest
from nbclient import NotebookClient

from analysis import config
from analysis.pipeline import run_corpus

NOTEBOOKS = sorted(config.NOTEBOOKS_DIR.glob("[0-9][0-9]-*.ipynb"))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_is_committed_without_outputs_and_stays_thin(path):
    notebook = json.loads(path.read_text(encoding="utf-8"))
    for cell in notebook["cells"]:
        assert not cell.get("outputs") and not cell.get("execution_count"), "strip outputs: make strip"
        if cell["cell_type"] == "code":
            source = "".join(cell["source"])
            for banned in ("def ", "class ", "sys.path", "../", "lambda"):
                assert banned not in source, f"{banned!r} in a notebook cell: logic belongs in the package"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_executes_on_the_default_corpus(path, tmp_path, monkeypatch):
    processed, figures = tmp_path / "processed", tmp_path / "figures"
    run_corpus(config.DEFAULT_CORPUS, processed)
    monkeypatch.setenv("FRAMING_PROCESSED", str(processed))
    monkeypatch.setenv("FRAMING_FIGURES", str(figures))
    monkeypatch.setenv("FRAMING_CORPUS", str(config.DEFAULT_CORPUS))
    notebook = nbformat.read(path, as_version=4)
    NotebookClient(notebook, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}).execute()
    errors = [o for c in notebook.cells for o in c.get("outputs", []) if o.get("output_type") == "error"]
    assert errors == []
    pngs = sorted(figures.glob("*.png"))
    assert pngs, "the notebook saved no figure"
    for png in pngs:
        for ext in ("svg", "csv"):
            assert png.with_suffix(f".{ext}").exists()
