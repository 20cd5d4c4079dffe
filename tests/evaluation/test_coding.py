"""Human coding: a stratified blind sample, coded sheets checked cell by cell, Krippendorff's
alpha."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analysis.errors import InputProblem
from analysis.evaluation.coding import (
    SHEET_COLUMNS,
    compute_alpha,
    read_coded_sheets,
    sample_for_coding,
    score_agreement,
    write_coding_files,
)

# Krippendorff (2011), "Computing Krippendorff's alpha-reliability", the example of four coders and
# twelve units.
KRIPPENDORFF_EXAMPLE = np.array(
    [
        [1, 2, 3, 3, 2, 1, 4, 1, 2, np.nan, np.nan, np.nan],
        [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, np.nan, 3],
        [np.nan, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, np.nan],
        [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, np.nan],
    ]
)


@pytest.mark.parametrize(
    "level, expected", [("nominal", 0.743), ("ordinal", 0.815), ("interval", 0.849)]
)
def test_alpha_matches_krippendorffs_worked_example(level, expected):
    assert compute_alpha(KRIPPENDORFF_EXAMPLE, level) == pytest.approx(expected, abs=0.001)


@pytest.mark.parametrize(
    "matrix", [np.array([[1.0, 1.0], [1.0, 1.0]]), np.array([[1.0, np.nan], [np.nan, 0.0]])]
)
def test_alpha_is_undefined_without_variation_or_pairs(matrix):
    assert np.isnan(compute_alpha(matrix, "nominal"))


@pytest.fixture(scope="module")
def sample(seed_tables):
    return sample_for_coding(seed_tables, per_stratum=4)


def test_sample_is_stratified_blind_and_reproducible(sample, seed_tables):
    sheet, key = sample
    assert (
        list(sheet.columns) == SHEET_COLUMNS
        and (sheet[["tone", "hedged", "loaded"]] == "").all().all()
    )
    assert set(sheet.columns).isdisjoint({"outlet", "article_id"})
    assert key.groupby(["outlet", "voice"]).size().max() <= 4
    assert (
        key.groupby(["outlet", "voice"]).ngroups
        == seed_tables["sentences"]
        .merge(seed_tables["articles"], on="article_id")
        .groupby(["outlet", "voice"])
        .ngroups
    )
    again, _ = sample_for_coding(seed_tables, per_stratum=4)
    pd.testing.assert_frame_equal(sheet, again)


def write_coder(folder, name, key, tone, hedged="", loaded=""):
    frame = pd.DataFrame(
        {
            "item_id": key["item_id"],
            "text": "",
            "tone": tone,
            "hedged": hedged,
            "loaded": loaded,
            "note": "",
        }
    )
    path = folder / f"{name}.csv"
    frame.to_csv(path, index=False)
    return path


def test_agreement_between_identical_coders_and_the_kit(sample, tmp_path):
    sheet, key = sample
    paths = write_coding_files(sheet, key, tmp_path / "export")
    assert all(p.exists() for p in paths.values())
    kit = key["kit_tone_vader"]
    coded = read_coded_sheets(
        [
            write_coder(tmp_path, "ann", key, kit, key["kit_hedged_rules"]),
            write_coder(tmp_path, "bob", key, kit),
        ],
        key,
    )
    scores = score_agreement(coded, key, resamples=50).set_index(["column", "comparison"])
    assert scores.loc[("tone", "coders"), "alpha"] == pytest.approx(1.0)
    assert scores.loc[("tone", "coders and kit (vader)"), "alpha"] == pytest.approx(1.0)
    assert scores.loc[("tone", "coders"), "coders"] == 2 and scores.loc[
        ("tone", "coders"), "items"
    ] == len(key)
    assert scores.loc[("hedged", "ann and kit (rules)"), "alpha"] == pytest.approx(1.0)
    assert (
        "hedged",
        "coders",
    ) not in scores.index  # bob coded no hedges: one coder, no agreement between coders


def test_random_codes_agree_by_chance_only(sample, tmp_path):
    _, key = sample
    rng = np.random.default_rng(1)
    coders = [
        write_coder(
            tmp_path, f"c{i}", key, rng.choice(["negative", "neutral", "positive"], len(key))
        )
        for i in range(3)
    ]
    scores = score_agreement(read_coded_sheets(coders, key), key, resamples=50).set_index(
        ["column", "comparison"]
    )
    alpha = scores.loc[("tone", "coders")]
    assert abs(alpha["alpha"]) < 0.25 and alpha["alpha_low"] < alpha["alpha"] < alpha["alpha_high"]


@pytest.mark.parametrize(
    "rows, problem",
    [
        (
            "item_id,text,tone,hedged,loaded\nnope,,neutral,,\n",
            "row 2: item_id 'nope' is not in the key",
        ),
        (
            "item_id,text,tone,hedged,loaded\n{a},,very bad,,\n",
            "row 2, column tone: 'very bad' is not one of negative, neutral, positive",
        ),
        (
            "item_id,text,tone,hedged,loaded\n{a},,,maybe,\n",
            "column hedged: 'maybe' is not one of no, yes",
        ),
        (
            "item_id,text,tone,hedged,loaded\n{a},,,,\n{a},,,,\n",
            "row 3: item_id '{a}' appears twice",
        ),
        ("item_id,text,tone\n{a},,\n", "missing column(s) hedged, loaded"),
    ],
)
def test_bad_coded_sheets_name_file_row_and_problem(sample, tmp_path, rows, problem):
    _, key = sample
    first = key["item_id"].iloc[0]
    path = tmp_path / "coder.csv"
    path.write_text(rows.replace("{a}", first), encoding="utf-8")
    with pytest.raises(InputProblem) as error:
        read_coded_sheets([path], key)
    assert str(path) in str(error.value) and problem.replace("{a}", first) in str(error.value)


def test_empty_cells_are_not_codes(sample, tmp_path):
    _, key = sample
    coded = read_coded_sheets([write_coder(tmp_path, "ann", key, "")], key)
    assert coded.empty
