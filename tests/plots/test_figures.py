"""Saving figures (analysis.plots.figures): PNG, SVG and the CSV of the plotted data, the same
files for the same data."""

from __future__ import annotations

import hashlib

import matplotlib.pyplot as plt
import pandas as pd

from analysis.plots.figures import save_figure


def _draw():
    data = pd.DataFrame({"outlet": ["X", "Y"], "value": [0.25, -0.5]})
    fig, ax = plt.subplots()
    ax.bar(data["outlet"], data["value"])
    return fig, data


def _digests(paths):
    return {ext: hashlib.sha256(path.read_bytes()).hexdigest() for ext, path in paths.items()}


def test_a_figure_is_saved_three_ways_the_same_every_time(tmp_path):
    fig, data = _draw()
    first = save_figure(fig, data, "01-example", tmp_path / "one")
    plt.close(fig)
    fig, data = _draw()
    second = save_figure(fig, data, "01-example", tmp_path / "two")
    plt.close(fig)
    assert sorted(first) == ["csv", "png", "svg"]
    assert all(path.exists() and path.stem == "01-example" for path in first.values())
    assert pd.read_csv(first["csv"]).equals(data)
    assert _digests(first) == _digests(second)
    svg = first["svg"].read_text(encoding="utf-8")
    assert "<dc:date>" not in svg


def test_the_folder_defaults_to_the_figures_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("FRAMING_FIGURES", str(tmp_path / "figs"))
    fig, data = _draw()
    paths = save_figure(fig, data, "x")
    plt.close(fig)
    assert paths["png"].parent == tmp_path / "figs"
