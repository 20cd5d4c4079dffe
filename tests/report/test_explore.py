"""The profile explorer: the rows a choice of outlets and measure selects, and the widgets built on
them."""

from __future__ import annotations

import pytest

from analysis.report.explore import (
    ALL_MEASURES,
    build_profile_explorer,
    draw_profile_choice,
    select_profile,
)


@pytest.mark.parametrize(
    "measure, per_outlet", [(ALL_MEASURES, 10), ("hedges", 1), ("unique_share", 1)]
)
def test_selection_keeps_the_chosen_outlets_and_measure(profile, measure, per_outlet):
    outlets = sorted(profile["outlet"].unique())[:2]
    chosen = select_profile(profile, outlets, measure)
    assert sorted(chosen["outlet"].unique()) == outlets
    assert len(chosen) == 2 * per_outlet


@pytest.mark.parametrize("measure, panels", [(ALL_MEASURES, 10), ("hedges", 1)])
def test_chart_of_a_choice_has_a_panel_per_measure(profile, measure, panels):
    fig = draw_profile_choice(profile, sorted(profile["outlet"].unique())[:3], measure)
    assert sum(ax.axison for ax in fig.axes) == panels
    assert draw_profile_choice(profile, [], measure) is None


def test_explorer_offers_every_outlet_and_measure(profile):
    explorer = build_profile_explorer(profile)
    pick_outlets, pick_measure = explorer.children[0].children
    assert set(pick_outlets.options) == set(profile["outlet"])
    assert [value for _, value in pick_measure.options][1:] == list(
        dict.fromkeys(profile["measure"])
    )
    assert [label for label, _ in pick_measure.options][1:] == list(
        profile.drop_duplicates("measure")["label"]
    )


@pytest.mark.parametrize(("report", "shown"), [("1", "Markdown"), ("", "VBox")])
def test_the_report_shows_a_note_where_jupyterlab_shows_the_explorer(
    profile, monkeypatch, report, shown
):
    from analysis.report import explore

    displayed = []
    monkeypatch.setenv("FRAMING_REPORT", report)
    monkeypatch.setattr(explore, "display", displayed.append)
    explore.show_profile_explorer(profile)
    assert type(displayed[-1]).__name__ == shown  # the explorer itself draws its chart first
    if report:
        assert len(displayed) == 1
        assert displayed[0].data == explore.WIDGET_NOTE
