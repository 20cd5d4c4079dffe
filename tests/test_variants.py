"""Quote variants: grouping quotations of one statement and describing their cuts and words."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.quotes import find_article_quotations
from analysis.variants import _find_closest, compare_wording, group_quote_variants


@pytest.mark.parametrize(
    ("full", "member", "changed", "added", "cut_inside", "beyond"),
    [
        ("i had a lengthy and highly productive phone call", "i had a long and very productive phone call", ["lengthy → long", "highly → very"], [], [], []),
        ("we discussed ukraine the middle east and energy", "ukraine the middle east", [], [], [], []),
        ("we discussed ukraine the middle east and energy", "we discussed ukraine and energy", [], [], ["the middle east"], []),
        ("we discussed ukraine the middle east", "we discussed ukraine the middle east and much more besides", [], [], [], ["and much more besides"]),
    ],
)
def test_wording_comparison(full, member, changed, added, cut_inside, beyond):
    found = compare_wording(full.split(), member.split())
    assert (found["changed"], found["added"], found["cut_inside"], found["beyond"]) == (changed, added, cut_inside, beyond)


def _variants(texts: dict[str, str], quotes: pd.DataFrame | None = None) -> pd.DataFrame:
    articles = pd.DataFrame({"article_id": list(texts), "clean_text": list(texts.values())})
    spans, _ = find_article_quotations(articles)
    return group_quote_variants(spans, articles, quotes)


def test_the_seeds_example_lengthy_and_long():
    variants = _variants(
        {
            "a": "Trump wrote: “I just had a lengthy and highly productive phone call with President Vladimir Putin of Russia.”",
            "b": "He said: “I had a long and very productive phone call with President Vladimir Putin of Russia.”",
            "c": "The markets rose on the news of a “long and productive” exchange.",
        }
    )
    assert list(variants["article_id"]) == ["a", "b"]
    full, member = variants.iloc[0], variants.iloc[1]
    assert full["wording"] == "full" and member["wording"] == "reworded"
    assert member["changed"] == "lengthy → long | highly → very"
    assert member["cut_inside"] == "just"
    assert member["compared_with"] == f"a:{full['quotation_id']}"


def test_a_verbatim_cut_is_verbatim_and_its_kept_span_points_into_the_full_version():
    a = "Trump wrote: “We discussed Ukraine, the Middle East, Energy, Artificial Intelligence, the power of the Dollar.”"
    variants = _variants({"a": a, "b": "Trump said they discussed “Ukraine, the Middle East, Energy” at length."})
    member = variants.iloc[1]
    assert member["wording"] == "verbatim"
    assert a[member["kept_start"] : member["kept_end"]] == "Ukraine, the Middle East, Energy"


def test_quotations_of_two_different_speakers_are_never_grouped():
    texts = {
        "a": "“I had a long and detailed conversation with President Trump,” Zelenskyy said.",
        "b": "“I had a long and detailed conversation with President Putin,” Trump said.",
    }
    quotes = pd.DataFrame({"article_id": ["a", "b"], "start": [0, 0], "end": [75, 75], "speaker": ["Volodymyr Zelenskyy", "Donald Trump"]})
    assert _variants(texts, quotes).empty
    assert len(_variants(texts)) == 2  # without speakers, the words alone link them


def test_short_quotations_and_one_article_make_no_group():
    assert _variants({"a": "It was “good for both sides,” he said.", "b": "A deal “good for both sides” was promised."}).empty
    assert _variants({"a": "“We will meet soon in Saudi Arabia,” he said. Later: “We will meet soon in Saudi Arabia.”"}).empty


@pytest.mark.parametrize(
    "keys, others, full, expected",
    [
        ([["a", "b", "c"], ["a", "b"], ["a", "b", "c", "d"], ["x", "y"]], [1, 2, 3], 2, 2),  # most words matched
        ([["a", "b"], ["a", "b", "x"], ["a", "b", "y"], ["z"]], [1, 2, 3], 2, 2),  # a tie goes to the full version
        ([["a", "b"], ["a", "b", "x"], ["a", "b", "x"], ["z"]], [2, 1, 3], 3, 1),  # then to the first member
        ([["q"], ["x"], ["y"]], [1, 2], 2, 2),  # nothing matched: the full version
    ],
)
def test_closest_member_for_a_fragment(keys, others, full, expected):
    assert _find_closest(0, others, full, keys) == expected
