from __future__ import annotations

import io
import tarfile

import numpy as np
import pytest

from analysis.errors import InputProblem
from analysis.evaluation.tone import (
    TARGET_MACRO_F1,
    score_target_model,
    score_targets,
    score_vader_nyt,
    summarise_ratings,
    summarise_targets,
    validate,
)
from analysis.resources.readers import read_vader_nyt

NYT_LINES = (
    "1_1\t1.5\tA wonderful day for everyone.\n1_2\t-2.0\tA cruel and brutal "
    "attack.\n2_1\t0.1\tThe meeting is on Tuesday.\n"
)


def test_vader_nyt_is_read_from_the_text_file_or_the_archive(tmp_path):
    plain, archived = tmp_path / "plain", tmp_path / "archived"
    plain.mkdir()
    archived.mkdir()
    (plain / "nytEditorialSnippets_GroundTruth.txt").write_text(NYT_LINES, encoding="utf-8")
    data = NYT_LINES.encode()
    with tarfile.open(archived / "hutto_ICWSM_2014.tar.gz", "w:gz") as archive:
        info = tarfile.TarInfo("hutto_ICWSM_2014/nytEditorialSnippets_GroundTruth.txt")
        info.size = len(data)
        archive.addfile(info, io.BytesIO(data))
    assert read_vader_nyt(plain) == read_vader_nyt(archived)
    assert read_vader_nyt(plain)[1] == {
        "id": "1_2",
        "rating": -2.0,
        "text": "A cruel and brutal attack.",
    }


def test_a_malformed_rating_row_names_file_and_line(tmp_path):
    (tmp_path / "nytEditorialSnippets_GroundTruth.txt").write_text(
        "1_1\tgood\tText.\n", encoding="utf-8"
    )
    with pytest.raises(InputProblem, match="line 1: not 'id<TAB>rating<TAB>sentence'"):
        read_vader_nyt(tmp_path)


def test_a_target_in_quoted_voice_gets_the_tone_of_the_quotation():
    rows = [
        {
            "sentence": "Critics said “Smith is a disgrace” while Jones smiled.",
            "targets": [
                {"from": 13, "to": 18, "mention": "Smith", "polarity": "negative"},
                {"from": 41, "to": 46, "mention": "Jones", "polarity": "neutral"},
            ],
        }
    ]
    table = score_targets(
        rows,
        lambda texts: np.array(
            [-0.9 if "disgrace" in t and "Critics" not in t else 0.0 for t in texts]
        ),
    )
    assert list(table["voice"]) == ["quoted", "authorial"]
    assert list(table["part"]) == [-0.9, 0.0]
    assert list(table["sentence"]) == [0.0, 0.0]
    entry = summarise_targets(table, 0.05)
    assert entry["part"]["accuracy"] == 1.0 and entry["sentence"]["accuracy"] == 0.5


class _Unseen:
    training_ids = ("1_1",)

    def predict(self, texts):
        return np.array(
            [0.5 if "wonderful" in t else -0.5 if "cruel" in t else 0.0 for t in texts]
        )


def test_rows_the_model_never_saw_are_scored_apart():
    rows = read_vader_nyt_lines(NYT_LINES)
    table = score_vader_nyt([r for r in rows if r["id"] != "1_1"], _Unseen())
    assert set(table["split"]) == {"unseen"}
    assert list(table["gold"]) == ["negative", "neutral"]
    result = summarise_ratings(table)["unseen"]
    assert result["rows"] == 2 and result["model"]["macro_f1"] == pytest.approx(2 / 3, abs=1e-4)


def read_vader_nyt_lines(text):
    return [
        {"id": i, "rating": float(r), "text": t}
        for i, r, t in (line.split("\t") for line in text.strip().split("\n"))
    ]


def test_validate_on_the_data_home_meets_the_published_reference_points(data_home):
    if not (data_home / "vader_nyt").is_dir():
        pytest.skip("vader_nyt is not in the data home")
    lines = []
    results = validate(data_home, lines.append)
    for split, entry in results["vader_nyt"].items():
        assert entry["vader"]["pearson_r"] > 0.45, split
        assert entry["model"]["pearson_r"] > entry["vader"]["pearson_r"], split
    assert any(line.startswith("vader_nyt [") for line in lines)
    if "newsmtsc" in results:
        for split, entry in results["newsmtsc"].items():
            assert entry["vader"]["part"]["macro_f1"] > 0.4, split
            target = entry["target_model"]
            assert target["macro_f1"] > entry["vader"]["part"]["macro_f1"], split
            if target["rows_scored"] == "unseen":
                assert target["macro_f1"] >= TARGET_MACRO_F1, split
        assert any("macro F1 target model" in line for line in lines)


def _rows(sentences: list[tuple[str, str]], article: str) -> list[dict]:
    return [
        {
            "sentence": sentence,
            "gid": f"set_{article}_{k}_1",
            "targets": [{"from": 0, "to": 3, "polarity": label}],
        }
        for k, (sentence, label) in enumerate(sentences)
    ]


def test_a_target_model_never_scores_a_sentence_it_saw():
    from analysis.tone.targets import fit_target_model, list_targets

    lines = [
        ("Ann was praised for a generous plan.", "positive"),
        ("Ann was condemned for a cruel failure.", "negative"),
        ("Ann met them on Tuesday.", "neutral"),
    ]
    train = [row for k in range(6) for row in _rows(lines, f"a{k}")]
    contexts, labels, _ = list_targets(train)
    model = fit_target_model(contexts, labels)
    unseen = _rows([("Ann was praised for a kind plan.", "positive")], "new")
    shared = unseen + _rows([lines[0]], "old")  # a sentence of the training file
    assert score_target_model(unseen, model)["rows_scored"] == "unseen"
    entry = score_target_model(shared, model)
    assert (entry["targets"], entry["fitted"], entry["left_out"]) == (2, 1, 1)
    assert entry["rows_scored"] == "unseen" and entry["macro_f1"] is not None


def _synthetic_nyt_home(tmp_path):
    words = [
        ("wonderful generous", 2.5),
        ("cruel brutal", -2.5),
        ("hopeful kind", 1.5),
        ("not good at all", -1.0),
    ]
    lines = [
        f"{e}_{k}\t{rating}\tEditorial {e} says it is {text} today."
        for e in range(10)
        for k, (text, rating) in enumerate(words)
    ]
    (tmp_path / "vader_nyt").mkdir()
    (tmp_path / "vader_nyt" / "nytEditorialSnippets_GroundTruth.txt").write_text(
        "\n".join(lines) + "\n", encoding="utf-8"
    )
    return [line.split("\t")[0] for line in lines]


def test_the_ablation_scores_each_variant_of_the_recipe_out_of_fold(tmp_path, monkeypatch):
    import analysis.evaluation.tone as evaluation
    from analysis.tone.model import fit_tone_model

    ids = _synthetic_nyt_home(tmp_path)
    rows = read_vader_nyt(tmp_path / "vader_nyt")[:-4]  # editorial 9 unseen
    fitted = fit_tone_model([r["text"] for r in rows], [r["rating"] for r in rows], ids[:-4])
    monkeypatch.setattr(evaluation, "load_tone_model", lambda: fitted)
    with pytest.warns(UserWarning, match="newsmtsc .train. is not in the data home"):
        table = evaluation.tone_validation_table(tmp_path)
        ablation = evaluation.ablate_tone_recipe(tmp_path, table)
        again = evaluation.ablate_tone_recipe(tmp_path)
    assert list(ablation["variant"]) == list(evaluation.ABLATIONS)
    assert list(ablation.columns) == ["variant", "pearson_r", "macro_f1"]
    assert ablation.equals(again)  # the recipe's row read from the table or computed anew
    assert (ablation["pearson_r"] > 0.5).all()
    assert set(table["split"]) == {"fitted", "unseen"}


def test_no_ablation_without_rows_the_model_was_fitted_on(tmp_path, monkeypatch):
    import analysis.evaluation.tone as evaluation
    from analysis.tone.model import fit_tone_model

    _synthetic_nyt_home(tmp_path)
    rows = read_vader_nyt(tmp_path / "vader_nyt")
    fitted = fit_tone_model([r["text"] for r in rows], [r["rating"] for r in rows], ["other"])
    monkeypatch.setattr(evaluation, "load_tone_model", lambda: fitted)
    assert evaluation.ablate_tone_recipe(tmp_path) is None  # no fitted row to refit on


@pytest.mark.parametrize(
    ("results", "given_up"),
    [
        (
            {
                "vader_nyt_ablation": [
                    {"variant": "recipe", "pearson_r": 0.6, "macro_f1": 0.5},
                    {"variant": "without Pattern", "pearson_r": 0.59, "macro_f1": 0.5},
                ]
            },
            [0.0, 0.01],
        ),
        ({}, []),
    ],
)
def test_tone_ablation_table(results, given_up):
    from analysis.evaluation.tone import tone_ablation_table

    table = tone_ablation_table(results)
    assert list(table.columns) == ["variant", "pearson_r", "macro_f1", "r_given_up"]
    assert list(table["r_given_up"]) == given_up


@pytest.mark.parametrize(
    ("auxiliary", "split", "fitted_on"),
    [
        ({"dataset": "newsmtsc", "split": "train"}, "train", True),
        ({"dataset": "newsmtsc", "split": "train"}, "devtest_mt", False),
        (None, "train", False),
    ],
)
def test_the_newsmtsc_split_the_tone_model_was_fitted_on_is_named(auxiliary, split, fitted_on):
    from analysis.evaluation.tone import fitted_on_newsmtsc
    from analysis.tone.model import ToneModel

    model = ToneModel({}, {}, np.zeros(0), 0.0, {"auxiliary": auxiliary})
    assert fitted_on_newsmtsc(model, split) is fitted_on
