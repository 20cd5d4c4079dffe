"""Coverage: claims across outlets, unique claims and likely omissions."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analysis.across.coverage import (
    MAX_SENTENCES,
    claim_similarities,
    cluster_claims,
    condense_distances,
    find_coverage,
    find_omissions,
    select_claim_units,
    tabulate_coverage,
    vectorise_sentences,
)
from analysis.errors import InputWarning

SHARED = "Trump and Putin spoke by phone for ninety minutes on Wednesday about ending the war."
TALKS = "Their teams will start negotiations immediately, the White House said."
UNIQUE = "Gas prices in Germany fell to their lowest level since the autumn."


def _sentences(texts: dict[str, list[str]]) -> tuple[pd.DataFrame, pd.DataFrame]:
    rows = []
    for article_id, sentences in texts.items():
        offset = 0
        for k, text in enumerate(sentences):
            rows.append(
                {
                    "article_id": article_id,
                    "sentence_id": k,
                    "start": offset,
                    "end": offset + len(text),
                    "text": text,
                }
            )
            offset += len(text) + 1
    articles = pd.DataFrame({"article_id": list(texts), "outlet": [f"Outlet {a}" for a in texts]})
    return pd.DataFrame(rows), articles


def test_claims_unique_claims_and_omissions():
    sentences, articles = _sentences(
        {
            "a": [SHARED, TALKS, UNIQUE],
            "b": [
                "Putin and Trump spoke by phone on Wednesday for ninety minutes about ending the "
                "war.",
                TALKS,
            ],
            "c": [SHARED, "Short one."],
        }
    )
    coverage = find_coverage(sentences, articles)
    assert "Short one." not in set(coverage["text"])  # under four words: not a claim
    claims = coverage.groupby("claim")["outlet"].apply(set)
    assert {"Outlet a", "Outlet b", "Outlet c"} in list(claims)
    assert coverage.loc[coverage["text"] == UNIQUE, "outlets"].item() == 1
    omissions = find_omissions(coverage, articles)
    # TALKS is carried by two of three outlets (two at least and 60%): outlet c leaves it out
    assert omissions[["outlet", "outlets", "of"]].values.tolist() == [["Outlet c", 2, 3]]
    matrix = tabulate_coverage(coverage, articles)
    assert list(matrix.columns) == [
        "claim",
        "outlets",
        "example",
        "Outlet a",
        "Outlet b",
        "Outlet c",
    ]
    assert matrix["outlets"].tolist() == [3, 2, 1]


def test_coverage_is_the_same_whatever_the_order_of_the_rows():
    sentences, articles = _sentences({"a": [SHARED, TALKS, UNIQUE], "b": [TALKS, SHARED]})
    first = find_coverage(sentences, articles)
    second = find_coverage(sentences.iloc[::-1].reset_index(drop=True), articles)
    pd.testing.assert_frame_equal(first, second)


def test_no_omissions_with_two_outlets():
    sentences, articles = _sentences({"a": [SHARED, TALKS], "b": [SHARED]})
    assert find_omissions(find_coverage(sentences, articles), articles).empty


def _events(
    texts: dict[str, list[str]], events: dict[str, str | None]
) -> tuple[pd.DataFrame, pd.DataFrame]:
    sentences, articles = _sentences(texts)
    return sentences, articles.assign(event=[events[a] for a in articles["article_id"]])


EVENTS = {
    "a": [SHARED, TALKS],
    "b": [UNIQUE, "Heating oil and petrol also fell in Germany."],
    "c": [SHARED, "Their teams will start negotiations immediately, officials said."],
    "d": [UNIQUE, SHARED],
    "e": [SHARED],
}


def test_claims_are_formed_within_each_event():
    # a, c and e report the call; b and d the prices (d also repeats the call's sentence)
    sentences, articles = _events(
        EVENTS, {"a": "call", "b": "prices", "c": "call", "d": "prices", "e": "call"}
    )
    coverage = find_coverage(sentences, articles)
    shared = coverage[coverage["text"] == SHARED]
    assert shared.groupby("claim")["article_id"].apply(list).tolist() == [["a", "c", "e"], ["d"]]
    assert shared["outlets"].tolist() == [3, 3, 3, 1]
    # claims are numbered by their first sentence in the articles' order, across events
    firsts = coverage.drop_duplicates("claim").set_index("claim")
    assert list(firsts.index) == sorted(firsts.index)
    order = {a: k for k, a in enumerate(articles["article_id"])}
    assert list(zip(firsts["article_id"].map(order), firsts["sentence_id"])) == sorted(
        zip(firsts["article_id"].map(order), firsts["sentence_id"])
    )


@pytest.mark.parametrize("event", sorted({"call", "prices"}))
def test_an_events_claims_are_those_of_its_articles_alone(event):
    events = {"a": "call", "b": "prices", "c": "call", "d": "prices", "e": "call"}
    sentences, articles = _events(EVENTS, events)
    together = find_coverage(sentences, articles)
    ids = [a for a in EVENTS if events[a] == event]
    alone = find_coverage(
        sentences[sentences["article_id"].isin(ids)], articles[articles["article_id"].isin(ids)]
    )
    mine = together[together["article_id"].isin(ids)].reset_index(drop=True)
    pd.testing.assert_frame_equal(mine.drop(columns="claim"), alone.drop(columns="claim"))
    assert _partition(mine["claim"].to_numpy()) == _partition(alone["claim"].to_numpy())


def test_omissions_count_the_outlets_of_the_claims_event():
    # TALKS (reworded) is carried by a and c, not e: two of the call's three outlets; the prices
    # event has two outlets
    sentences, articles = _events(
        EVENTS, {"a": "call", "b": "prices", "c": "call", "d": "prices", "e": "call"}
    )
    omissions = find_omissions(find_coverage(sentences, articles), articles)
    assert omissions[["outlet", "outlets", "of"]].values.tolist() == [["Outlet e", 2, 3]]


def test_articles_without_an_event_form_one():
    sentences, articles = _events(
        EVENTS, {"a": None, "b": "prices", "c": None, "d": "prices", "e": None}
    )
    assert select_claim_units(sentences, articles)["event"].tolist() == [
        "",
        "",
        "prices",
        "prices",
        "",
        "",
        "prices",
        "prices",
        "",
    ]
    coverage = find_coverage(sentences, articles)
    assert coverage.loc[coverage["text"] == SHARED, "outlets"].tolist() == [3, 3, 3, 1]


def test_an_event_too_large_to_group_is_left_out_with_a_warning():
    sentences, articles = _events(
        EVENTS, {"a": "call", "b": "prices", "c": "call", "d": "prices", "e": "call"}
    )
    with pytest.warns(
        InputWarning, match=r"event 'call': 5 sentences that can be claims, more than the 4"
    ):
        coverage = find_coverage(sentences, articles, max_sentences=4)
    assert set(coverage["article_id"]) == {"b", "d"}
    assert MAX_SENTENCES >= 10_000  # one event of a few hundred articles is grouped


def test_sentences_of_stop_words_alone_are_claims_of_their_own():
    sentences, articles = _sentences({"a": ["It was what it was."], "b": ["It was what it was."]})
    coverage = find_coverage(sentences, articles)
    assert coverage["claim"].tolist() == [0, 1] and coverage["similarity"].isna().all()


def _partition(labels) -> set[frozenset[int]]:
    return {frozenset(np.flatnonzero(labels == label)) for label in np.unique(labels)}


def _resampled_sentences(count: int, seed: int) -> list[str]:
    """Sentences built from a few shared phrases, so that some meet the threshold and some do
    not."""
    phrases = [
        SHARED,
        TALKS,
        UNIQUE,
        "Zelensky said Ukraine must be at the table.",
        "Markets rose on hopes of a ceasefire in Europe.",
    ]
    rng = np.random.default_rng(seed)
    return [
        " ".join(rng.choice(" ".join(phrases).split(), int(rng.integers(4, 14))))
        for _ in range(count)
    ]


@pytest.mark.parametrize("count, block_cells", [(2, 1), (40, 7), (120, 4_000_000)])
def test_condensed_distances_are_the_square_matrix_upper_triangle(count, block_cells, monkeypatch):
    from sklearn.metrics.pairwise import cosine_similarity

    monkeypatch.setattr("analysis.across.coverage.BLOCK_CELLS", block_cells)
    vectors = vectorise_sentences(_resampled_sentences(count, 1))
    square = np.clip(1.0 - cosine_similarity(vectors), 0.0, 2.0)
    upper = square[np.triu_indices(count, k=1)]
    assert np.array_equal(condense_distances(vectors), upper)  # bit for bit, not approximately


@pytest.mark.parametrize("count, seed", [(1, 0), (2, 0), (60, 2), (150, 3)])
def test_claims_are_scikit_learns_average_linkage_clusters(count, seed):
    from sklearn.cluster import AgglomerativeClustering
    from sklearn.metrics.pairwise import cosine_similarity

    vectors = vectorise_sentences(_resampled_sentences(count, seed))
    claims = cluster_claims(vectors, 0.35)
    if count < 2:
        assert claims.tolist() == [0] * count
        return
    distance = np.clip(1.0 - cosine_similarity(vectors), 0.0, 2.0)
    np.fill_diagonal(distance, 0.0)
    expected = AgglomerativeClustering(
        n_clusters=None, metric="precomputed", linkage="average", distance_threshold=0.65
    ).fit_predict(distance)
    assert _partition(claims) == _partition(expected)
    if count > 2:  # the case is not trivial: some sentences are grouped, not all
        assert 1 < len(_partition(claims)) < count


def test_claim_similarity_is_the_mean_cosine_to_the_rest_of_the_claim():
    from sklearn.metrics.pairwise import cosine_similarity

    vectors = vectorise_sentences([SHARED, SHARED.replace("ninety", "90"), TALKS, UNIQUE])
    means = claim_similarities(vectors, np.array([0, 0, 0, 1]))
    cosine = cosine_similarity(vectors)
    assert means[0] == round(float(np.mean(cosine[0, [1, 2]])), 4) and means[2] == round(
        float(np.mean(cosine[2, [0, 1]])), 4
    )
    assert np.isnan(means[3])


@pytest.mark.parametrize("seed", range(3))
def test_claim_similarities_use_the_cosines_of_the_claims_rows_bit_for_bit(seed):
    from sklearn.metrics.pairwise import cosine_similarity

    vectors = vectorise_sentences(_resampled_sentences(80, seed))
    claims = np.random.default_rng(seed).integers(0, 12, 80)
    expected = np.full(80, np.nan)
    for claim in np.unique(claims).tolist():
        members = np.flatnonzero(claims == claim)
        if len(members) > 1:
            cosine = cosine_similarity(vectors[members])
            for row, k in enumerate(members.tolist()):
                expected[k] = round(float(np.mean(np.delete(cosine[row], row))), 4)
    assert np.array_equal(claim_similarities(vectors, claims), expected, equal_nan=True)


@pytest.mark.parametrize("marks", [("'", "’"), ("’", "‘"), ("'", "′")])
def test_a_sentence_with_other_apostrophes_is_the_same_claim(marks):
    text = "Russia's envoy says Moscow won't give up Ukraine's east."
    sentences, articles = _sentences({"a": [text], "b": [text], "c": [text.replace(*marks)]})
    coverage = find_coverage(sentences, articles)
    assert coverage["claim"].nunique() == 1 and set(coverage["outlets"]) == {3}
    assert find_omissions(coverage, articles).empty
