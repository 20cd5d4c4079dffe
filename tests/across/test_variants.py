"""Quote variants: grouping quotations of one statement and describing their cuts and words."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.across.variants import group_quote_variants
from analysis.text.quotes import find_article_quotations


def _variants(
    texts: dict[str, str], quotes: pd.DataFrame | None = None, events: list | None = None
) -> pd.DataFrame:
    articles = pd.DataFrame({"article_id": list(texts), "clean_text": list(texts.values())})
    articles = articles if events is None else articles.assign(event=events)
    spans, _ = find_article_quotations(articles)
    return group_quote_variants(spans, articles, quotes)


def test_the_seeds_example_lengthy_and_long():
    variants = _variants(
        {
            "a": "Trump wrote: “I just had a lengthy and highly productive phone call with "
            "President Vladimir Putin of Russia.”",
            "b": "He said: “I had a long and very productive phone call with President Vladimir "
            "Putin of Russia.”",
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
    a = (
        "Trump wrote: “We discussed Ukraine, the Middle East, Energy, Artificial Intelligence, "
        "the power of the Dollar.”"
    )
    variants = _variants(
        {"a": a, "b": "Trump said they discussed “Ukraine, the Middle East, Energy” at length."}
    )
    member = variants.iloc[1]
    assert member["wording"] == "verbatim"
    assert a[member["kept_start"] : member["kept_end"]] == "Ukraine, the Middle East, Energy"


def test_quotations_of_two_different_speakers_are_never_grouped():
    texts = {
        "a": "“I had a long and detailed conversation with President Trump,” Zelenskyy said.",
        "b": "“I had a long and detailed conversation with President Putin,” Trump said.",
    }
    quotes = pd.DataFrame(
        {
            "article_id": ["a", "b"],
            "start": [0, 0],
            "end": [75, 75],
            "speaker": ["Volodymyr Zelenskyy", "Donald Trump"],
        }
    )
    assert _variants(texts, quotes).empty
    assert len(_variants(texts)) == 2  # without speakers, the words alone link them


@pytest.mark.parametrize(
    ("events", "grouped"),
    [
        (None, ["a", "b", "c"]),  # no event column: one event
        (["call", "call", "call"], ["a", "b", "c"]),
        (["call", "call", "summit"], ["a", "b"]),
        (["call", "summit", "talks"], []),
        (
            ["call", None, None],
            ["b", "c"],
        ),  # articles without an event form one event of their own
    ],
)
def test_quotations_of_two_events_are_never_grouped(events, grouped):
    quote = (
        "“We agreed to work together very closely, including visiting each other's Nations,” "
        "Trump wrote."
    )
    variants = _variants(
        {"a": quote, "b": f"Later: {quote}", "c": f"Again: {quote}"}, events=events
    )
    assert sorted(variants["article_id"]) == grouped


def test_short_quotations_and_one_article_make_no_group():
    assert _variants(
        {
            "a": "It was “good for both sides,” he said.",
            "b": "A deal “good for both sides” was promised.",
        }
    ).empty
    assert _variants(
        {
            "a": "“We will meet soon in Saudi Arabia,” he said. Later: “We will meet soon in "
            "Saudi Arabia.”"
        }
    ).empty


def test_quotations_with_other_apostrophes_are_verbatim_variants():
    a = "Putin said: “We’re ready to meet, and we won’t set conditions for Ukraine’s talks.”"
    variants = _variants({"a": a, "b": a.replace("’", "'"), "c": a.replace("’", "‘")})
    assert variants["group"].nunique() == 1 and len(variants) == 3
    assert (
        set(variants["wording"]) <= {"full", "verbatim"}
        and variants["changed"].fillna("").eq("").all()
    )
