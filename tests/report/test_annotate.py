"""Annotated articles: marks nest, every mark has a hover text, and article text is escaped."""

from __future__ import annotations

from html.parser import HTMLParser

import pandas as pd
import pytest

from analysis.report.annotate import (
    Mark,
    collect_marks,
    name_page,
    render_article_page,
    render_comparison_page,
    render_text,
)

HOSTILE = (
    '<script>alert(1)</script> The minister said talks <b>may</b> continue. "A <img src=x '
    'onerror=alert(2)> disaster," she said.'
)


def hostile_tables() -> dict[str, pd.DataFrame]:
    """One article whose text, headline, speaker and removed line carry markup."""
    may = HOSTILE.index("may")
    quote_start = HOSTILE.index('"A')
    quote_end = HOSTILE.index(',"') + 2
    disaster = HOSTILE.index("disaster")
    return {
        "articles": pd.DataFrame(
            {
                "article_id": ["evil"],
                "outlet": ['Evil "Outlet" <i>'],
                "headline": ["<script>alert(3)</script> headline"],
                "clean_text": [HOSTILE],
                "published": ["2025-02-12"],
                "url": ["javascript:alert(4)"],
            }
        ),
        "paragraphs": pd.DataFrame(
            {
                "article_id": ["evil"],
                "paragraph_id": [0],
                "start": [0],
                "end": [len(HOSTILE)],
                "raw_line": [3],
                "kind": ["body"],
            }
        ),
        "removed": pd.DataFrame(
            {
                "article_id": ["evil"],
                "line": [1],
                "text": ["<script>alert(5)</script> Subscribe"],
                "rule": ["subscription"],
                "kept_as": [""],
            }
        ),
        "quotes": pd.DataFrame(
            {
                "article_id": ["evil"],
                "start": [quote_start],
                "end": [quote_end],
                "kind": ["direct"],
                "speaker": ['"><script>alert(6)</script>'],
                "speaker_type": ["official"],
                "cue": ["said"],
                "cue_class": ["neutral"],
                "speaker_rule": ["<b>rule</b>"],
            }
        ),
        "hedges": pd.DataFrame(
            {
                "article_id": ["evil"],
                "start": [may],
                "end": [may + 3],
                "kind": ["hedge"],
                "cue": ["may"],
                "entry": ["may"],
                "category": ["modal"],
                "voice": ["authorial"],
            }
        ),
        "loaded_terms": pd.DataFrame(
            {
                "article_id": ["evil"],
                "start": [disaster],
                "end": [disaster + 8],
                "term": ["disaster"],
                "entry": ["disaster"],
                "category": ["emotive"],
                "set": ["-"],
                "layer": ["lexicon"],
                "voice": ["quoted"],
            }
        ),
        "shared_passages": pd.DataFrame(
            columns=[
                "article_id",
                "other_id",
                "start",
                "end",
                "other_start",
                "other_end",
                "words",
                "voice",
            ]
        ),
    }


class TextAndTags(HTMLParser):
    """The text of a page and the tags in it."""

    def __init__(self):
        super().__init__()
        self.text, self.tags = [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)

    def handle_data(self, data):
        self.text.append(data)


def test_article_text_and_metadata_are_escaped():
    page = render_article_page("evil", hostile_tables())
    parser = TextAndTags()
    parser.feed(page)
    assert (
        "script" not in parser.tags
        and "img" not in parser.tags
        and "b" not in parser.tags
        and "i" not in parser.tags
    )
    text = "".join(parser.text)
    assert HOSTILE in text  # the text reads as written, markup included
    assert "<script>alert(5)</script> Subscribe" in text
    assert "<script>alert(3)</script> headline" in text
    assert 'href="javascript' not in page


@pytest.mark.parametrize(
    "marks, expected",
    [
        ([], "abcdef"),
        (
            [Mark("h1", "hedge", 1, 3, "t")],
            'a<span class="mark hedge" data-mark="h1" title="t">bc</span>def',
        ),
        (
            [Mark("q1", "quote", 0, 4, "q", "X"), Mark("h2", "hedge", 2, 6, "h")],
            '<span class="mark quote" data-mark="q1" title="q" style="background:#fff">ab</span>'
            '<span class="mark quote" data-mark="q1" title="q" style="background:#fff"><span '
            'class="mark hedge" data-mark="h2" title="h">cd</span></span>'
            '<span class="mark hedge" data-mark="h2" title="h">ef</span>',
        ),
        (
            [Mark("l1", "loaded", 2, 3, 'a "b" <c>')],
            'ab<span class="mark loaded" data-mark="l1" title="a &quot;b&quot; '
            '&lt;c&gt;">c</span>def',
        ),
    ],
)
def test_marks_nest_on_pieces_of_text(marks, expected):
    assert render_text("abcdef", 0, 6, marks, {"X": "#fff"}) == expected


def test_every_mark_of_the_seed_articles_is_rendered_with_a_hover(seed_tables):
    article_id = seed_tables["articles"]["article_id"].iloc[0]
    marks = collect_marks(article_id, seed_tables)
    page = render_article_page(article_id, seed_tables)
    kinds = {m.kind for m in marks}
    assert {"quote", "hedge", "loaded"} <= kinds
    for mark in marks:
        assert f'data-mark="{mark.mark_id}" title="' in page
    assert (
        page.count('class="removed"') == (seed_tables["removed"]["article_id"] == article_id).sum()
    )


def test_comparison_marks_shared_passages(seed_tables):
    passages = seed_tables["shared_passages"]
    first, second = passages["article_id"].iloc[0], passages["other_id"].iloc[0]
    page = render_comparison_page(first, second, seed_tables)
    expected = ((passages["article_id"] == first) & (passages["other_id"] == second)).sum()
    assert expected > 0 and page.count('class="mark shared"') >= 2 * expected


@pytest.mark.parametrize(
    "article, partner, expected", [("a b/c", None, "a_b_c.html"), ("x", "y", "compare-x--y.html")]
)
def test_page_names_are_safe(article, partner, expected):
    assert name_page(article, partner) == expected
