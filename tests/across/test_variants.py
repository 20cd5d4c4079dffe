"""Quote variants: grouping quotations of one statement and describing their cuts and words."""

from __future__ import annotations

from collections import Counter

import numpy as np
import pandas as pd
import pytest

from analysis.across.linking import (
    LINK_SHARE,
    MIN_MATCHED,
    LinkedQuotations,
    count_least_overlap,
    count_matched_words,
    encode_tokens,
    link_quotations,
    list_tokens,
    select_prefix,
)
from analysis.across.variants import (
    _closest_wording,
    _Wordings,
    compare_wording,
    group_quote_variants,
)
from analysis.text.quotes import find_article_quotations


@pytest.mark.parametrize(
    ("full", "member", "changed", "added", "cut_inside", "beyond"),
    [
        (
            "i had a lengthy and highly productive phone call",
            "i had a long and very productive phone call",
            ["lengthy → long", "highly → very"],
            [],
            [],
            [],
        ),
        (
            "we discussed ukraine the middle east and energy",
            "ukraine the middle east",
            [],
            [],
            [],
            [],
        ),
        (
            "we discussed ukraine the middle east and energy",
            "we discussed ukraine and energy",
            [],
            [],
            ["the middle east"],
            [],
        ),
        (
            "we discussed ukraine the middle east",
            "we discussed ukraine the middle east and much more besides",
            [],
            [],
            [],
            ["and much more besides"],
        ),
    ],
)
def test_wording_comparison(full, member, changed, added, cut_inside, beyond):
    found = compare_wording(full.split(), member.split())
    assert (found["changed"], found["added"], found["cut_inside"], found["beyond"]) == (
        changed,
        added,
        cut_inside,
        beyond,
    )


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
    quote = "“We agreed to work together very closely, including visiting each other's Nations,” Trump wrote."
    variants = _variants(
        {"a": quote, "b": f"Later: {quote}", "c": f"Again: {quote}"}, events=events
    )
    assert sorted(variants["article_id"]) == grouped


@pytest.mark.parametrize(("events", "groups"), [([0, 0], [[0, 1]]), ([0, 1], [])])
def test_holders_of_two_events_are_not_linked(events, groups):
    """The stream engine's token buckets hold tokens of several events; a holder of another event (a hash collision) is never linked."""
    tokens = [list_tokens(_STATEMENT), list_tokens(_STATEMENT)]
    words, occurrences = encode_tokens(tokens, {})
    starts = np.array([0, len(_STATEMENT), 2 * len(_STATEMENT)])
    linked = LinkedQuotations(words, occurrences, starts, [0, 1], [0, 0], events=np.array(events))
    linked.link_holders(np.array([0, 1]), np.array([True, True]))
    assert linked.list_groups() == groups


def test_short_quotations_and_one_article_make_no_group():
    assert _variants(
        {
            "a": "It was “good for both sides,” he said.",
            "b": "A deal “good for both sides” was promised.",
        }
    ).empty
    assert _variants(
        {
            "a": "“We will meet soon in Saudi Arabia,” he said. Later: “We will meet soon in Saudi Arabia.”"
        }
    ).empty


@pytest.mark.parametrize(
    "keys, others, full, expected",
    [
        (
            [["a", "b", "c"], ["a", "b"], ["a", "b", "c", "d"], ["x", "y"]],
            [1, 2, 3],
            2,
            2,
        ),  # most words matched
        (
            [["a", "b"], ["a", "b", "x"], ["a", "b", "y"], ["z"]],
            [1, 2, 3],
            2,
            2,
        ),  # a tie goes to the full version
        (
            [["a", "b"], ["a", "b", "x"], ["a", "b", "x"], ["z"]],
            [2, 1, 3],
            3,
            1,
        ),  # then to the first member
        ([["q"], ["x"], ["y"]], [1, 2], 2, 2),  # nothing matched: the full version
    ],
)
def test_closest_member_for_a_fragment(keys, others, full, expected):
    owners = {0: "fragment's article", **{m: f"article-{m}" for m in others}}
    assert (
        _Wordings([0, *others], dict(enumerate(keys)), owners, full).closest(
            0, dict(enumerate(keys)), {}
        )
        == expected
    )


@pytest.mark.parametrize(
    ("words", "tokens"),
    [
        ("no no yes", [("no", 0), ("no", 1), ("yes", 0)]),
        ("a b a b a", [("a", 0), ("b", 0), ("a", 1), ("b", 1), ("a", 2)]),
        ("", []),
    ],
)
def test_tokens_number_each_words_occurrences(words, tokens):
    assert list_tokens(words.split()) == tokens


@pytest.mark.parametrize(
    ("length", "least"), [(5, 4), (6, 5), (10, 7), (13, 10), (20, 14), (30, 21)]
)
def test_the_least_overlap_of_a_linked_quotation(length, least):
    assert count_least_overlap(length) == least
    assert least >= LINK_SHARE * length and (
        least - 1 < LINK_SHARE * length or least == MIN_MATCHED
    )


def test_the_prefix_holds_the_rarest_tokens():
    frequency = Counter(
        {("the", 0): 50, ("putin", 0): 3, ("call", 0): 7, ("lengthy", 0): 1, ("a", 0): 40}
    )
    prefix = select_prefix(list_tokens("a lengthy call the putin".split()), frequency)
    assert prefix == [("lengthy", 0), ("putin", 0)]  # five words, four shared at least: two rarest


def _components(links: set[tuple[int, int]]) -> list[list[int]]:
    """The connected components of ``links`` (two members or more), each sorted, by first member: the definition of the groups."""
    group_of: dict[int, set[int]] = {}
    for k, other in links:
        joined = group_of.get(k, {k}) | group_of.get(other, {other})
        for member in joined:
            group_of[member] = joined
    return [list(group) for group in sorted({tuple(sorted(group)) for group in group_of.values()})]


@pytest.mark.parametrize(
    ("holders_at_once", "pairs_at_once"),
    [(200_000, 2_000_000), (3, 2_000_000), (200_000, 1), (5, 12)],
)
@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("by_event", [False, True])
def test_linking_gives_the_groups_of_the_full_comparison(
    seed, by_event, holders_at_once, pairs_at_once, monkeypatch
):
    """Prefix filtering, the filters on words in common and the skipping of pairs already joined lose no link that changes the groups."""
    monkeypatch.setattr(
        "analysis.across.linking.HOLDERS_AT_ONCE", holders_at_once
    )  # a token's holders compared a few at a time
    monkeypatch.setattr(
        "analysis.across.linking.PAIRS_AT_ONCE", pairs_at_once
    )  # prefix holders one at a time, or a few
    rng = np.random.default_rng(seed)
    vocabulary = [f"w{k}" for k in range(12)]
    base = [list(rng.choice(vocabulary, int(rng.integers(5, 16)))) for _ in range(6)]
    quotations = []
    for _ in range(
        70
    ):  # cuts and edits of a few statements, so that many pairs link and many do not
        words = list(base[int(rng.integers(0, len(base)))])
        start = int(rng.integers(0, max(1, len(words) - 5)))
        words = words[start : start + int(rng.integers(5, len(words) + 1))]
        for _ in range(int(rng.integers(0, 3))):
            words[int(rng.integers(0, len(words)))] = str(rng.choice(vocabulary))
        quotations.append(words if len(words) >= 5 else words + ["w0"] * (5 - len(words)))
    owners = [f"article-{int(rng.integers(0, 20))}" for _ in quotations]
    events = [
        f"event-{int(owner.split('-')[1]) % 3}" for owner in owners
    ]  # an article's quotations share its event
    speakers = [str(rng.choice(["", "", "", "Trump", "Putin"])) for _ in quotations]
    defined = set()
    for k in range(len(quotations)):
        for other in range(k + 1, len(quotations)):
            matched = count_matched_words(quotations[k], quotations[other])
            if (
                owners[k] != owners[other]
                and (events[k] == events[other] or not by_event)
                and matched
                >= max(MIN_MATCHED, LINK_SHARE * min(len(quotations[k]), len(quotations[other])))
                and len(set(quotations[k]) & set(quotations[other])) >= MIN_MATCHED
                and not (speakers[k] and speakers[other] and speakers[k] != speakers[other])
            ):
                defined.add((k, other))
    assert len(defined) > (5 if by_event else 20)
    linked = link_quotations(quotations, owners, speakers, events=events if by_event else None)
    assert linked.list_groups() == _components(defined)


@pytest.mark.parametrize("seed", range(8))
def test_wordings_choose_what_a_scan_of_the_other_articles_chooses(seed):
    rng = np.random.default_rng(seed)
    wordings = [
        ["a", "b", "c", "d", "e"],
        ["a", "b", "c"],
        ["c", "d", "e", "f"],
        ["b", "c", "d", "e", "f", "g"],
        ["c", "c", "b", "a"],
        ["x", "y", "z"],
    ]
    members = sorted(rng.choice(200, 40, replace=False).tolist())
    keys = {m: wordings[int(rng.integers(0, len(wordings)))] for m in members}
    owners = {m: f"article-{int(rng.integers(0, 6))}" for m in members}
    full = min(members, key=lambda m: (-len(keys[m]), m))
    index = _Wordings(members, keys, owners, full)
    for k in members:
        scanned: dict = {}
        for m in (m for m in members if m != k and owners[m] != owners[k]):
            key = tuple(keys[m])
            if key not in scanned or m == full or (scanned[key] != full and m < scanned[key]):
                scanned[key] = m
        assert index.choose(k) == scanned
        # and the closest of them, found from the words in common, is the one the scan finds
        assert index.closest(k, keys, {}) == _closest_wording(k, scanned, full, keys, {})


@pytest.mark.parametrize("seed", range(10))
def test_closest_from_words_in_common_is_the_scans_on_random_wordings(seed):
    """Many wordings tie on words in common and on words matched: the tie-breaks must be the scan's."""
    rng = np.random.default_rng(100 + seed)
    members = sorted(rng.choice(500, 60, replace=False).tolist())
    keys = {
        m: [f"w{int(x)}" for x in rng.integers(0, 6, int(rng.integers(3, 9)))] for m in members
    }
    owners = {m: f"article-{int(rng.integers(0, 5))}" for m in members}
    full = min(members, key=lambda m: (-len(keys[m]), m))
    index = _Wordings(members, keys, owners, full)
    for k in members:
        scanned = index.choose(k)
        if scanned:
            assert index.closest(k, keys, {}) == _closest_wording(k, scanned, full, keys, {})


_STATEMENT = "we agreed to work together very closely".split()


@pytest.mark.parametrize(
    ("speakers", "groups"),
    [
        ({}, [[0, 1, 2]]),
        ({0: "Trump", 1: "Trump", 2: "Trump"}, [[0, 1, 2]]),
        (
            {0: "Trump", 1: "Zelenskyy"},
            [[0, 1, 2]],
        ),  # two named speakers never link; an unnamed one links to both
        ({0: "Trump", 1: "Zelenskyy", 2: "Zelenskyy"}, [[1, 2]]),
        ({0: "Trump", 1: "Zelenskyy", 2: "Putin"}, []),
    ],
)
def test_linking_keeps_apart_two_named_speakers(speakers, groups):
    keys = [_STATEMENT, _STATEMENT, _STATEMENT[1:]]
    assert (
        link_quotations(
            keys, ["a", "b", "c"], [speakers.get(k, "") for k in range(3)]
        ).list_groups()
        == groups
    )


@pytest.mark.parametrize(
    ("other", "links"),
    [
        ("we agreed to work together very closely".split(), True),
        (
            "they agreed to work together".split(),
            True,
        ),  # 4 of the 5 words of the shorter: 4 >= max(4, 3.5)
        ("they agreed to work apart".split(), False),  # 3 words in common
        (
            "closely very together work to agreed we".split(),
            False,
        ),  # the same words, in another order: 1 matched
        ("to to to to to".split(), False),  # one distinct word in common
    ],
)
def test_linking_needs_enough_matched_words(other, links):
    assert link_quotations([_STATEMENT, other], ["a", "b"], ["", ""]).list_groups() == (
        [[0, 1]] if links else []
    )


def test_quotations_with_other_apostrophes_are_verbatim_variants():
    a = "Putin said: “We’re ready to meet, and we won’t set conditions for Ukraine’s talks.”"
    variants = _variants({"a": a, "b": a.replace("’", "'"), "c": a.replace("’", "‘")})
    assert variants["group"].nunique() == 1 and len(variants) == 3
    assert (
        set(variants["wording"]) <= {"full", "verbatim"}
        and variants["changed"].fillna("").eq("").all()
    )
