"""Validation of quotes and speakers: the PolNeAR reader, the matching rules and the measured
figures."""

from __future__ import annotations

import pytest

from analysis.errors import InputProblem
from analysis.evaluation.sources import (
    RULES,
    SETTINGS,
    TARGETS,
    TARGETS_BY_FILTER,
    is_speech_cue,
    match_article,
    prepare_article,
    score_article,
    validate,
)
from analysis.resources.news_sets import read_polnear
from analysis.sources.lexicons import default_lexicons

TEXT = (
    "“We agreed,” Trump said. “We will meet soon.”\n\nPeskov said the call lasted 90 "
    "minutes.\n\nThe markets rose."
)


def _write(tmp_path, annotation: str):
    (tmp_path / "dev" / "text").mkdir(parents=True)
    (tmp_path / "dev" / "attributions").mkdir(parents=True)
    (tmp_path / "dev" / "text" / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "dev" / "attributions" / "a_4e07.ann").write_text(annotation, encoding="utf-8")


def _span(text: str) -> str:
    start = TEXT.index(text)
    return f"{start} {start + len(text)}"


ANNOTATION = "\n".join(
    [
        f"T1\tSource {_span('Trump')}\tTrump",
        f"T2\tCue {_span('said. ')[:-1]}\tsaid",
        f"T3\tContent {_span('“We agreed,”')};{_span('“We will meet soon.”')}\t“We agreed,” “We "
        "will meet soon.”",
        f"T4\tAttribution {_span('said. ')[:-1]}\tsaid",
        "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1",
        f"T5\tSource {_span('Peskov')}\tPeskov",
        f"T6\tCue {_span('said the')[: -len(' the')]}\tsaid",
        f"T7\tContent {_span('the call lasted 90 minutes')}\tthe call lasted\n90 minutes",
        "E2\tAttribution:T6 Content:T7 Cue:T6 Source:T5",
    ]
)


def test_polnear_reader_reads_discontinuous_spans_and_text_running_over_lines(tmp_path):
    _write(tmp_path, ANNOTATION)
    (article,) = read_polnear(tmp_path)["dev"]
    first, second = article["attributions"]
    assert (
        len(first["content"]) == 2
        and first["cue_text"] == "said"
        and first["source_text"] == "Trump"
    )
    assert second["content"] == [
        (TEXT.index("the call"), TEXT.index("the call") + len("the call lasted 90 minutes"))
    ]


def test_a_malformed_annotation_names_the_file_and_line(tmp_path):
    _write(tmp_path, "T1\tSource x y\tTrump\n")
    with pytest.raises(InputProblem, match="a_4e07.ann, line 1"):
        read_polnear(tmp_path)


def test_the_kit_matches_both_gold_attributions_with_their_speakers(tmp_path):
    _write(tmp_path, ANNOTATION)
    (article,) = read_polnear(tmp_path)["dev"]
    # the continuation "We will meet soon." joins Trump's content, as PolNeAR annotates it
    assert score_article(article["text"], article["attributions"], default_lexicons()) == {
        "predicted": 2,
        "gold": 2,
        "matched": 2,
        "speaker_right": 2,
    }


@pytest.mark.parametrize(
    ("cue", "expected"),
    [
        ("said", True),
        ("has said", True),
        ("said:", True),
        ("said Sunday", True),
        ("said in a statement", True),
        ("added that", True),
        ("pointed out", True),
        ("according to", False),
        ("―", False),
        ("believes", False),
        ("in", False),
    ],
)
def test_speech_cues(cue, expected):
    assert is_speech_cue(cue, default_lexicons()) is expected


LONG = (
    "Peskov said the call lasted 90 minutes and covered Ukraine, trade, prisoners, energy and "
    "the Middle East at length."
)
CLAUSE = LONG[LONG.index("the call") : -1]
FIRST = "the call lasted 90 minutes"


@pytest.mark.parametrize(
    ("gold_content", "kit_content", "rule", "matched"),
    [
        # the kit reads the whole clause; the gold content is its first part (a quarter of the
        # kit's)
        (FIRST, CLAUSE, RULES["_cover30"], 1),
        (FIRST, CLAUSE, RULES["_cover80"], 1),
        (FIRST, CLAUSE, RULES[""], 0),
        (FIRST, CLAUSE, RULES["_any_overlap"], 1),
        # the gold content is the clause; the kit's is its first part, a quarter of the gold
        # letters
        (CLAUSE, FIRST, RULES["_cover30"], 0),
        (CLAUSE, FIRST, RULES[""], 0),
        (CLAUSE, FIRST, RULES["_any_overlap"], 1),
        (CLAUSE, CLAUSE, RULES[""], 1),
    ],
)
def test_matching_rules(gold_content, kit_content, rule, matched):
    def letters(part):
        start = LONG.index(part)
        return {i for i in range(start, start + len(part)) if LONG[i].isalnum()}

    (attribution,), _, golden, _ = prepare_article(
        LONG,
        [{"content": [(0, 1)], "cue_text": "said", "source": [(0, 6)], "source_text": "Peskov"}],
        default_lexicons(),
    )
    prepared = ([attribution], [letters(kit_content)], golden, [letters(gold_content)])
    assert match_article(LONG, prepared, rule)["matched"] == matched


def test_polnear_figures(data_home):
    results = validate(data_home, [].append)
    assert results, "the data home has no polnear"
    assert [(r["gold_filter"], r["attributions"]) for r in results[:3]] == list(SETTINGS), (
        "the unfiltered figure of the kit's whole output comes first"
    )
    polnear = [r for r in results if r["dataset"] == "polnear"]
    for with_stances, words in zip(polnear[0::3], polnear[1::3]):
        # stances find attributions PolNeAR marks that have no speech verb ("Republicans oppose …",
        # "a poll shows …")
        assert (
            with_stances["quote_recall_cover30"] > words["quote_recall_cover30"]
            and with_stances["quote_f1_cover30"] > words["quote_f1_cover30"]
        )
    assert [r["check_of"] for r in results if r["dataset"] == "handcheck"] == ["stances"] * sum(
        r["dataset"] == "handcheck" for r in results
    )
    for record in (r for r in results if r["dataset"] != "handcheck"):
        assert record["gold_all"] >= record["gold"]
        if record["gold_filter"] == "verb_list":
            for key, target in TARGETS.items():
                assert record[key] >= target, key
            # the kit's strictest rule measures 0.79-0.80 (see the codebook); this floor guards
            # against regressions
            assert record["quote_f1"] >= 0.77
            assert record["quote_f1_cover80"] >= 0.80
        else:
            assert record["gold"] == record["gold_all"], "no gold attribution is left out"
            assert (
                record["speaker_accuracy_cover30"]
                >= TARGETS_BY_FILTER["none"]["speaker_accuracy_cover30"]
            )
            # on every gold attribution 0.61-0.64 with words only, 0.66-0.68 with stances (the 0.75
            # target is not met: see the codebook); floors against regressions
            assert record["quote_f1_cover30"] >= (
                0.65 if record["attributions"] == "words_and_stances" else 0.60
            )


@pytest.mark.parametrize(
    "gold_filter, predicted, gold",
    [
        # "according to", a gold cue outside the verb list and the kit's stances ("Voters want …")
        # count only when nothing is filtered
        ("none", 3, 3),
        ("verb_list", 1, 1),
    ],
)
def test_the_gold_filter_picks_attributions(gold_filter, predicted, gold):
    text = (
        "Peskov said the call lasted 90 minutes. The call was friendly, according to aides. "
        "Voters want lower taxes, a poll found."
    )

    def gold_row(content: str, cue: str, source: str) -> dict:
        return {
            "content": [(text.index(content), text.index(content) + len(content))],
            "cue_text": cue,
            "source": [(text.index(source), text.index(source) + len(source))],
            "source_text": source,
        }

    rows = [
        gold_row("the call lasted 90 minutes", "said", "Peskov"),
        gold_row("The call was friendly", "according to", "aides"),
        gold_row("Voters want lower taxes", "found", "a poll"),
        {"content": [], "cue_text": "said", "source": [], "source_text": ""},
    ]
    found, _, golden, _ = prepare_article(text, rows, default_lexicons(), gold_filter)
    assert (len(found), len(golden)) == (predicted, gold)


def test_an_unknown_gold_filter_is_refused():
    with pytest.raises(ValueError, match="gold_filter"):
        prepare_article(TEXT, [], default_lexicons(), "verbs")
