"""The word lists attribution reads (analysis.sources.lexicons): every reader names the file and
line of a malformed row."""

from __future__ import annotations

import pytest

from analysis import config
from analysis.errors import InputProblem
from analysis.sources.lexicons import (
    CUE_CLASSES,
    corpus_lexicons,
    default_lexicons,
    load_source_lexicons,
    read_attribution_verbs,
    read_countries,
    read_media,
    read_stance_verbs,
)


@pytest.mark.parametrize(
    "content, message",
    [
        (
            "entry\tclass\tforms\tnoun_forms\nwant\twish\twants\t-\n",
            "line 2: expected entry, class, forms, noun_forms separated by tabs (class one of "
            "belief, intention",
        ),
        (
            "entry\tclass\tforms\tnoun_forms\nwant\tintention\twants\tplans\n",
            "line 2: noun form 'plans' is not one of the row's forms",
        ),
        (
            "entry\tclass\tforms\tnoun_forms\nwant\tintention\twants\t-\nplan\tintention\twants|plans\tplans\n",
            "line 3: form 'wants' is already given on line 2",
        ),
    ],
)
def test_a_malformed_stance_list_names_file_and_line(tmp_path, content, message):
    path = tmp_path / "stance.tsv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputProblem) as caught:
        read_stance_verbs(path)
    assert message in str(caught.value) and str(path) in str(caught.value)


def test_the_stance_list_reads_forms_classes_and_nouns():
    forms, nouns = read_stance_verbs()
    assert (forms["called for"], forms["believes"], forms["shows"], forms["wants"]) == (
        "position",
        "belief",
        "evidence",
        "intention",
    )
    assert {"plans", "support", "shows"} <= nouns and "wants" not in nouns


def test_a_malformed_verb_list_names_file_and_line(tmp_path):
    path = tmp_path / "verbs.tsv"
    path.write_text(
        "entry\tclass\tforms\nsay\tneutral\tsaid\nclaim\tdoubtful\tclaimed\nsay2\tneutral\tsaid\n",
        encoding="utf-8",
    )
    with pytest.raises(InputProblem) as caught:
        read_attribution_verbs(path)
    assert (
        "line 3: expected entry, class, forms separated by tabs (class one of neutral, endorsing"
        in str(caught.value)
    )


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("country\tforms\tdemonyms\nFrance\tFrance|FR\tFrench\n", None),
        (
            "country\tforms\tdemonyms\nFrance\tFrance\n",
            "line 2: expected country, forms and demonyms",
        ),
        (
            "country\tforms\tdemonyms\nFrance\tFrance|Gaul\tFrench\nItaly\tItaly|Gaul\tItalian\n",
            "line 3: 'Gaul' is already a form of France",
        ),
    ],
)
def test_countries_list(tmp_path, content, message):
    path = tmp_path / "countries.tsv"
    path.write_text(content, encoding="utf-8")
    if message is None:
        assert read_countries(path) == {"France": "France", "FR": "France", "French": "France"}
        return
    with pytest.raises(InputProblem) as caught:
        read_countries(path)
    assert message in str(caught.value) and str(path) in str(caught.value)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("medium\tkind\tcountry\tforms\nX\tplatform\t-\tX|Twitter\n", None),
        (
            "medium\tkind\tcountry\tforms\nX\tsocial\t-\tX\n",
            "line 2: expected medium, kind (media",
        ),
    ],
)
def test_media_list(tmp_path, content, message):
    path = tmp_path / "media.tsv"
    path.write_text(content, encoding="utf-8")
    if message is None:
        assert read_media(path) == {"X": ("X", "platform", ""), "Twitter": ("X", "platform", "")}
        return
    with pytest.raises(InputProblem) as caught:
        read_media(path)
    assert message in str(caught.value)


def test_the_shipped_lists_read_and_agree():
    media = read_media()
    assert {kind for _, kind, _ in media.values()} == {"media", "agency", "platform"}
    countries = read_countries()
    assert countries["French"] == countries["France"]
    assert set(read_attribution_verbs().values()) == set(CUE_CLASSES)


def test_the_general_lexicons_know_no_actor_and_a_corpus_brings_its_own():
    general = default_lexicons()
    assert not general.persons and not general.actor_types and general.descriptor_pattern is None
    seeds = corpus_lexicons(str(config.DEFAULT_CORPUS))
    assert seeds.persons and seeds.actor_types
    # the corpus's actors add to the general lists; they never remove from them
    assert set(general.cue_classes) == set(seeds.cue_classes)
    assert set(general.countries) <= set(seeds.countries)
    assert corpus_lexicons(str(config.DEFAULT_CORPUS)) is seeds  # read once per corpus


def test_a_corpus_actor_sources_file_with_a_bad_type_is_named(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Text.", encoding="utf-8")
    (corpus / "actor_sources.tsv").write_text(
        "actor\ttype\tcountry\nJane Doe\tpundit\t-\n", encoding="utf-8"
    )
    with pytest.raises(InputProblem, match="actor_sources.tsv, line 2: expected actor, type, "):
        load_source_lexicons([], corpus)
