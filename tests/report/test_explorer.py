"""The distinctive-terms explorer: contexts in the outlet's own voice, capped, and every text
escaped."""

from __future__ import annotations

import json
import re

import pandas as pd
import pytest

from analysis.report.explorer import (
    CONTEXT_COLUMNS,
    choose_terms,
    collect_term_contexts,
    fit_contexts,
    render_terms_explorer,
)

TEXTS = {
    "a1": 'The senators talked about tariffs. "Tariffs are a tax," the senator said. Tariffs '
    "returned.",
    "a2": "Officials said tariffs would <b>rise</b> & fall.",
    "b1": "Nothing about trade here.",
}


def tables() -> dict[str, pd.DataFrame]:
    quoted_start = TEXTS["a1"].index('"Tariffs')
    return {
        "articles": pd.DataFrame(
            {
                "article_id": list(TEXTS),
                "outlet": ["A", "A", "B"],
                "clean_text": list(TEXTS.values()),
            }
        ),
        "voice": pd.DataFrame(
            {
                "article_id": ["a1", "a1", "a1"],
                "start": [0, quoted_start, TEXTS["a1"].index(" the senator")],
                "end": [quoted_start, TEXTS["a1"].index(" the senator"), len(TEXTS["a1"])],
                "voice": ["authorial", "quoted", "authorial"],
            }
        ),
    }


@pytest.mark.parametrize(
    ("terms", "per_outlet", "expected"),
    [
        (
            ["tariffs"],
            5,
            [
                ("tariffs", "A", "a1", "tariffs"),
                ("tariffs", "A", "a1", "Tariffs"),
                ("tariffs", "A", "a2", "tariffs"),
            ],
        ),
        (
            ["tariffs"],
            1,
            [("tariffs", "A", "a1", "tariffs")],
        ),  # the first occurrence, in article order
        (["tax"], 5, []),  # only in quoted speech
        (["trade", "rise"], 5, [("rise", "A", "a2", "rise"), ("trade", "B", "b1", "trade")]),
    ],
)
def test_contexts_come_from_the_outlets_own_voice(terms, per_outlet, expected):
    contexts = collect_term_contexts(tables(), terms, per_outlet, width=20)
    assert list(contexts.columns) == CONTEXT_COLUMNS
    assert (
        list(
            contexts[["term", "outlet", "article_id", "match"]].itertuples(index=False, name=None)
        )
        == expected
    )


def test_a_context_is_cut_at_a_space_within_the_width():
    row = collect_term_contexts(tables(), ["returned"], width=12).iloc[0]
    assert (row["left"], row["match"], row["right"]) == (
        "Tariffs",
        "returned",
        ".",
    )  # "d. Tariffs " cut to a whole word


@pytest.mark.parametrize(
    ("terms", "outlets", "expected"), [(10, 3, 5), (100, 50, 4), (1000, 50, 1), (0, 0, 5)]
)
def test_fit_contexts_keeps_the_page_under_its_limit(terms, outlets, expected):
    assert fit_contexts(terms, outlets) == expected


def test_choose_terms_takes_each_outlets_terms_of_highest_z():
    distinctive = pd.DataFrame(
        {
            "outlet": ["B", "A", "A", "A"],
            "term": ["x", "y", "z", "w"],
            "count": [1, 2, 3, 4],
            "z": [1.0, 0.5, 3.0, 2.0],
        }
    )
    assert list(choose_terms(distinctive, per_outlet=2)["term"]) == ["z", "w", "x"]


def test_the_page_escapes_every_text_and_its_data_cannot_close_the_script():
    distinctive = pd.DataFrame(
        {"outlet": ["<i>A</i>"], "term": ["rise"], "count": [1], "z": [2.5]}
    )
    contexts = collect_term_contexts(tables(), ["rise"])
    page = render_terms_explorer(
        distinctive,
        contexts.assign(outlet="<i>A</i>", right=contexts["right"] + "</script><script>alert(1)"),
    )
    assert "<i>A</i>" not in page and "&lt;i&gt;A&lt;/i&gt;" in page and "<b>" not in page
    assert (
        page.count("<script") == 2 and page.count("</script>") == 2
    )  # the data and the script, nothing more
    data = json.loads(
        re.search(
            r'<script type="application/json" id="explorer-data">(.*?)</script>', page, re.S
        ).group(1)
    )
    assert data["contexts"]["rise"]["<i>A</i>"][0][3].endswith(
        "</script><script>alert(1)"
    )  # the text, intact, as data
