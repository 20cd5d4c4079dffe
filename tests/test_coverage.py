"""Coverage: claims across outlets, unique claims and likely omissions."""

from __future__ import annotations

import pandas as pd

from analysis.coverage import find_coverage, find_omissions, tabulate_coverage

SHARED = "Trump and Putin spoke by phone for ninety minutes on Wednesday about ending the war."
TALKS = "Their teams will start negotiations immediately, the White House said."
UNIQUE = "Gas prices in Germany fell to their lowest level since the autumn."


def _sentences(texts: dict[str, list[str]]) -> tuple[pd.DataFrame, pd.DataFrame]:
    rows = []
    for article_id, sentences in texts.items():
        offset = 0
        for k, text in enumerate(sentences):
            rows.append({"article_id": article_id, "sentence_id": k, "start": offset, "end": offset + len(text), "text": text})
            offset += len(text) + 1
    articles = pd.DataFrame({"article_id": list(texts), "outlet": [f"Outlet {a}" for a in texts]})
    return pd.DataFrame(rows), articles


def test_claims_unique_claims_and_omissions():
    sentences, articles = _sentences(
        {
            "a": [SHARED, TALKS, UNIQUE],
            "b": ["Putin and Trump spoke by phone on Wednesday for ninety minutes about ending the war.", TALKS],
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
    assert list(matrix.columns) == ["claim", "outlets", "example", "Outlet a", "Outlet b", "Outlet c"]
    assert matrix["outlets"].tolist() == [3, 2, 1]


def test_coverage_is_the_same_whatever_the_order_of_the_rows():
    sentences, articles = _sentences({"a": [SHARED, TALKS, UNIQUE], "b": [TALKS, SHARED]})
    first = find_coverage(sentences, articles)
    second = find_coverage(sentences.iloc[::-1].reset_index(drop=True), articles)
    pd.testing.assert_frame_equal(first, second)


def test_no_omissions_with_two_outlets():
    sentences, articles = _sentences({"a": [SHARED, TALKS], "b": [SHARED]})
    assert find_omissions(find_coverage(sentences, articles), articles).empty
