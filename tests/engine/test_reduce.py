from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analysis.engine import reduce

SENTENCES = [
    "The two leaders spoke for about ninety minutes on Wednesday and agreed that their teams "
    "would begin talks.",
    "Markets in Europe rose on Thursday as investors weighed the chance of a ceasefire and the "
    "price of gas fell.",
    "Critics in Kyiv warned that any deal struck over the heads of Ukrainians would not hold for "
    "long at all.",
    '"We agreed to work together, very closely, including visiting each other\'s nations," the '
    "president wrote.",
    "Officials said a meeting in Saudi Arabia was being prepared by advisers of both presidents "
    "for later this month.",
    "The call was the first known conversation between the two leaders since the war began almost "
    "three years ago.",
]


@pytest.mark.parametrize("align_articles", [6, 9, 4_000])
@pytest.mark.parametrize("seed", range(3))
def test_a_block_aligned_a_few_texts_at_a_time_gives_the_passages_of_all_pairs_at_once(
    seed, align_articles, tmp_path, monkeypatch
):
    """:func:`reduce.align_block` holds a bounded number of texts at a time and still gives the
    rows in the pairs' order."""
    from analysis.across.copying import align_pairs
    from analysis.across.shingles import find_shared_shingles, list_shingles
    from analysis.text.quotes import find_article_quotations, index_voice_ranges

    monkeypatch.setattr("analysis.engine.reduce.BLOCK_ARTICLES", 3)
    monkeypatch.setattr("analysis.engine.reduce.ALIGN_ARTICLES", align_articles)
    rng = np.random.default_rng(seed)
    texts = [
        " ".join(SENTENCES[k] for k in rng.choice(len(SENTENCES), 3, replace=False))
        for _ in range(12)
    ]
    articles = pd.DataFrame(
        {
            "rank": range(12),
            "article_id": [f"a{k:02d}" for k in range(12)],
            "outlet": "o",
            "clean_text": texts,
        }
    )
    _, voice = find_article_quotations(articles)
    work = tmp_path / "work"
    reduce.write_buckets(articles, articles["rank"] // 3, work / reduce.TEXTS, "chunk-0")
    reduce.write_buckets(
        voice,
        voice["article_id"].str[1:].astype(int).to_numpy() // 3,
        work / reduce.VOICES,
        "chunk-0",
    )
    shingles = list_shingles(articles)
    pairs = find_shared_shingles(
        pd.DataFrame(
            {"rank": shingles["article_id"].str[1:].astype(int), "shingle": shingles["shingle"]}
        )
    )
    whole = align_pairs(
        pairs,
        dict(enumerate(zip(articles["article_id"], articles["clean_text"]))),
        index_voice_ranges(voice),
    )
    blocks = pairs["first"] // 3
    reached = pairs.groupby(blocks)["second"].apply(lambda s: (s // 3).nunique())
    assert (
        reached >= 3
    ).any()  # a block whose pairs reach two other blocks: rows from several reads interleave
    groups = [
        list(reduce._group_partners(pairs[blocks == block].sort_values(["first", "second"])))
        for block in range(4)
    ]
    for group, articles in (g for block in groups for g in block):
        held = set(group["first"]) | set(group["second"])
        assert articles.tolist() == sorted(held)
        assert len(held) <= align_articles or (group["second"] // 3).nunique() == 1
        assert group.equals(group.sort_values(["first", "second"], kind="stable"))
    assert (max(len(g) for g in groups) > 1) is (
        align_articles < 12
    )  # the texts held are bounded when the block reaches more
    by_block = [
        row
        for block in range(4)
        if (blocks == block).any()
        for row in reduce.align_block(
            pairs[blocks == block].sample(frac=1, random_state=seed), work
        )
    ]
    assert len(whole) > 20
    assert by_block == whole
