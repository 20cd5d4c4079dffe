"""Charts of what outlets share (analysis.plots.across): each returns exactly the rows it plots;
quotation variants are shown as escaped HTML."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd

from analysis.across.coverage import tabulate_coverage
from analysis.plots.across import (
    plot_across_validation,
    plot_copy_map,
    plot_coverage_matrix,
    plot_unique_claims,
    render_variants,
)


def test_copy_map_counts_a_passage_for_both_outlets_of_its_pair(plots):
    articles = pd.DataFrame({"article_id": ["a", "b", "c"], "outlet": ["X", "Y", "Z"]})
    passages = pd.DataFrame(
        {"article_id": ["a"], "other_id": ["b"], "voice": ["authorial"], "words": [40]}
    )
    fig, data = plot_copy_map(passages, articles)
    assert len(data) == 2 * 3 * 2  # two voices, ordered pairs of three outlets
    shared = data[data["words"] > 0]
    assert sorted(zip(shared["outlet"], shared["other"], shared["voice"])) == [
        ("X", "Y", "authorial"),
        ("Y", "X", "authorial"),
    ]
    plots(fig, data, ["words"])


def test_copy_map_of_the_seeds(seed_tables, plots):
    fig, data = plot_copy_map(seed_tables["shared_passages"], seed_tables["articles"])
    plots(fig, data, ["words"])


def test_coverage_matrix_shows_the_claims_several_outlets_carry(seed_tables):
    matrix = tabulate_coverage(seed_tables["coverage"], seed_tables["articles"])
    fig, data = plot_coverage_matrix(matrix, min_outlets=2, top=3)
    assert len(data) <= 3 and (data["outlets"] >= 2).all()
    assert list(data["claim"]) == sorted(data["claim"])
    (image,) = fig.axes[0].images
    assert image.get_array().shape[0] == max(1, len(data))
    plt.close(fig)


def test_unique_claims_plot_each_outlets_unique_and_shared_counts(seed_tables, plots):
    fig, data = plot_unique_claims(seed_tables["coverage"], seed_tables["articles"])
    assert list(data.columns) == ["outlet", "unique", "shared"]
    plots(fig, data, ["unique", "shared"])


def test_across_validation_plots_the_planted_checks_only(plots):
    results = [
        {
            "check": "planted",
            "dataset": "basil",
            "change": "copy",
            "planted": 50,
            "found": 48,
            "recall": 0.96,
            "false_alarms": 1,
            "opportunities": 400,
            "false_alarm_rate": 0.0025,
        },
        {"check": "other", "dataset": "basil", "note": "left out"},
    ]
    fig, data = plot_across_validation(results, {"recall": 0.9, "false_alarm_rate": 0.01})
    assert len(data) == 1
    plots(fig, data.assign(target=0.9), ["recall", "false_alarm_rate", "target"])


def test_variants_are_rendered_with_every_text_escaped():
    articles = pd.DataFrame({"article_id": ["a"], "outlet": ["<b>Outlet</b>"]})
    variants = pd.DataFrame(
        {
            "group": [1],
            "article_id": ["a"],
            "wording": ["changed"],
            "kept_share": [0.5],
            "text": ["“<script>alert(1)</script> a deal,” he said"],
            "changed": ["big → <i>huge</i>"],
            "added": [""],
            "cut_inside": ["very & truly"],
        }
    )
    page = render_variants(variants, articles)
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert "&lt;b&gt;Outlet&lt;/b&gt;" in page
    assert "<del>big</del> → <ins>&lt;i&gt;huge&lt;/i&gt;</ins>" in page
    assert "cut inside: very &amp; truly" in page and "added:" not in page
