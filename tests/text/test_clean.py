"""Cleaning: line rules, page-level rules on other sites' pages, and the five seeds."""

from __future__ import annotations

import pytest

from analysis import config
from analysis.text.clean import clean_article, match_line_rule


@pytest.mark.parametrize(
    "line, rule",
    [
        ("6 hours ago", "relative_timestamp"),
        ("Updated 2 hrs ago", "relative_timestamp"),
        ("Sunday, June 15", "date_line"),
        ("2 March 2025", "date_line"),
        ("February 12, 2025 at 10:41 a.m. EST", "date_line"),
        ("By Maria Lopez and Sam Green", "byline"),
        ("Team_Site By Team_SiteFebruary 12, 2025No Comments5 Mins Read", "reading_meta"),
        ("This article was originally published on NBCNews.com", "credit_line"),
        ("Farnaz Fassihi and Julian E. Barnes contributed reporting.", "credit_line"),
        ("Reporting by Maria Lopez; editing by Sam Green.", "credit_line"),
        ("Share Facebook Twitter Pinterest Copy Link LinkedIn Tumblr Email", "share_bar"),
        ("Share. Facebook Twitter WhatsApp", "share_bar"),
        (
            "President Trump arrives at the summit (Chris McGrath / Getty Images file)",
            "photo_caption",
        ),
        ("Image caption, Ships loaded with grain wait near Istanbul", "photo_caption"),
        ("Photo: Council members listen during the meeting.", "photo_caption"),
        ("Subscribe to Lib Fails", "subscription"),
        ("Subscribe", "subscription"),
        (
            "Don’t miss out on the latest issues. Sign up now to get access to the library of "
            "members-only issues.",
            "subscription",
        ),
        ("Sign up for our text alerts and email newsletter to stay informed.", "subscription"),
        ("Enter your email to get the day's top stories delivered to your inbox.", "subscription"),
        ("jamie@example.com", "contact_address"),
        ("https://example.com/story/123", "link_line"),
        ("Related Posts", "related_heading"),
        ("Editors Picks", "related_heading"),
        ("Editor's Picks", "related_heading"),
        ("Latest Posts", "related_heading"),
        ("More from Springfield Gazette", "related_heading"),
        ("Related Topics", "related_heading"),
        ("READ MORE: Springfield schools face shortfall", "related_link"),
        ("Source link", "end_of_article"),
        ("Read Entire Article", "end_of_article"),
        ("Comments", "end_of_article"),
        ("Tags: budget, city council", "end_of_article"),
        ("Close Menu", "site_furniture"),
        ("Advertisement", "site_furniture"),
        ("Type above and press Enter to search. Press Esc to cancel.", "site_furniture"),
        ("© 2025 Springfield Gazette. All rights reserved.", "site_furniture"),
        (
            "Paid for by the Benjamin Franklin Institute. Not authorized by any candidate.",
            "site_furniture",
        ),
        ("Welcome to Example Post, your premier destination for news.", "site_furniture"),
        ("Home»International»Trump Says Call With Putin", "breadcrumb"),
        ("News › Local › Council", "breadcrumb"),
        ("Home | World | Business | Sport", "menu_item"),
        ("• Arts & Entertainment", "menu_item"),
        (
            "Pentagon Plans to Set Up a New Command to Arm Ukraine, Officials Say ...",
            "teaser_link",
        ),
        # Article text that must stay, though it shares words with furniture.
        ("By the end of the week, the deal was done.", ""),
        ("Thousands of volunteers sign up for the army every month.", ""),
        ("Residents received text alerts about the flood on Monday.", ""),
        ("The company's weekly newsletter said profits fell.", ""),
        ("Voters who subscribe to the theory are a minority, the poll found.", ""),
        ("Comments by the minister drew criticism from the opposition.", ""),
        ("Source: the ministry said the figures were preliminary.", ""),
        ("• The agreement includes a ceasefire along the front line.", ""),
        ("Talks on Ukraine Conflict", ""),
        ("Trump Says Call With Putin Is Beginning of Ukraine Peace Negotiations", ""),
        ("He said it would happen in May 2025, according to officials.", ""),
    ],
)
def test_line_rules(line, rule):
    assert match_line_rule(line) == rule


LOCAL_NEWS_PAGE = """Skip to content
Menu
Search
Springfield Gazette
• News
• Sports
• Opinion
News › Local › Council
City council approves new budget after long debate
By Maria Lopez
Updated 2 hrs ago
Share this article
Facebook Twitter WhatsApp Email Print

SPRINGFIELD — The city council voted 7-2 on Monday night to approve a $45 million budget, ending a debate that had lasted for more than three months.

"This budget protects the services our residents rely on," Mayor Tom Reyes said after the vote.

Council member Ana Patel, who voted against it, said the plan "leaves the libraries behind."

Budget at a glance

The budget raises property taxes by 2 percent and adds 12 new positions at the fire department.

Photo: Council members listen during Monday's meeting. (AP Photo/John Smith)

Advertisement

The vote came after a public hearing in which more than 40 residents spoke.

Reporting by Maria Lopez; editing by Sam Green.

READ MORE: Springfield schools face shortfall
Tags: budget, city council

More from Springfield Gazette
Schools chief resigns
March 3, 2025
Bridge repairs to start in May
March 1, 2025
Sign up for our daily newsletter
Enter your email to get the day's top stories delivered to your inbox.
© 2025 Springfield Gazette. All rights reserved.
Privacy Policy
Terms of Use
"""  # noqa: E501 (article text: a line is a paragraph)

WIRE_PAGE = """Home | World | Business | Sport
Live
World
Ministers agree to extend grain deal by 60 days
2 March 2025
Image caption, Ships loaded with grain wait near Istanbul
Image source, Getty Images

Ministers from four countries agreed on Thursday to extend the grain corridor by 60 days, officials said.

The agreement, reached after two days of talks in Istanbul, allows ships to leave three ports.

"We have secured food for millions," the UN secretary-general said.

Related Topics
Ukraine
Turkey
Top Stories
Ship seized in Red Sea
1 hour ago
Copyright 2025. All rights reserved.
"""  # noqa: E501 (article text: a line is a paragraph)

INLINE_RELATED_PAGE = """Leaders Meet in Brussels Over Defence Budget
Leaders met on Friday in Brussels to discuss a common defence budget for the coming decade.
Related Articles
Summit opens amid protests
Leaders clash over tariffs
The talks focused on how to share the costs of new air-defence systems across member states.
Officials said a final agreement could come as early as next month, though several capitals remain opposed.
Diplomats cautioned that the timetable depended on parliamentary votes in at least three countries.
Analysts said the proposal was the most ambitious of its kind since the end of the Cold War.
"""  # noqa: E501 (article text: a line is a paragraph)

MAGAZINE_PROMO_PAGE = """The ceasefire talks stalled again on Tuesday after both delegations left Geneva without a date for the next round.
Diplomats said the sticking point remained the sequencing of prisoner exchanges and the withdrawal of heavy weapons.
Europe's Long Winter
How the Energy Crisis Changed a Continent
Three years after the pipelines closed, Europe's industry is still adjusting, writes the economist Jana Novak in the latest issue of Global Review.
"The old model is not coming back," Novak writes.
Back in Geneva, mediators said they would try again in two weeks, after consulting both capitals.
"""  # noqa: E501 (article text: a line is a paragraph)


@pytest.mark.parametrize(
    "page, headline, kept, removed_rules",
    [
        (
            LOCAL_NEWS_PAGE,
            "City council approves new budget after long debate",
            [
                "SPRINGFIELD — The city council voted",
                '"This budget protects',
                "Council member Ana Patel",
                "Budget at a glance",
                "The budget raises property taxes",
                "The vote came after a public hearing",
            ],
            {
                "site_furniture",
                "menu_item",
                "breadcrumb",
                "byline",
                "relative_timestamp",
                "share_bar",
                "photo_caption",
                "credit_line",
                "related_link",
                "end_of_article",
                "related_heading",
                "after_article_end",
                "subscription",
                "date_line",
                "before_headline",
                "headline",
            },
        ),
        (
            WIRE_PAGE,
            "Ministers agree to extend grain deal by 60 days",
            ["Ministers from four countries", "The agreement, reached", '"We have secured food'],
            {
                "menu_item",
                "before_headline",
                "headline",
                "date_line",
                "photo_caption",
                "related_heading",
                "after_article_end",
                "relative_timestamp",
                "site_furniture",
            },
        ),
        (
            INLINE_RELATED_PAGE,
            "Leaders Meet in Brussels Over Defence Budget",
            [
                "Leaders met on Friday",
                "The talks focused",
                "Officials said a final",
                "Diplomats cautioned",
                "Analysts said",
            ],
            {"headline", "related_heading", "related_block"},
        ),
        (
            MAGAZINE_PROMO_PAGE,
            "",
            ["The ceasefire talks stalled", "Diplomats said the sticking point", "Back in Geneva"],
            {"promo_block"},
        ),
    ],
)
def test_pages_of_other_sites(page, headline, kept, removed_rules):
    result = clean_article(page)
    paragraphs = [result.text[s:e] for s, e, _, _ in result.paragraphs]
    assert result.headline == headline
    assert len(paragraphs) == len(kept), paragraphs
    for paragraph, start in zip(paragraphs, kept):
        assert paragraph.startswith(start)
    assert {r["rule"] for r in result.removed} == removed_rules
    non_blank = [n for n, line in enumerate(page.split("\n"), start=1) if line.strip()]
    assert (
        sorted([r["line"] for r in result.removed] + [n for _, _, n, _ in result.paragraphs])
        == non_blank
    )


def test_credits_and_bylines_are_kept_as_metadata():
    result = clean_article(LOCAL_NEWS_PAGE)
    assert result.credits == ["By Maria Lopez", "Reporting by Maria Lopez; editing by Sam Green."]
    kept_as = {r["text"]: r["kept_as"] for r in result.removed}
    assert kept_as["By Maria Lopez"] == "byline"
    assert kept_as["City council approves new budget after long debate"] == "headline"
    assert kept_as["Advertisement"] == ""


def test_given_headline_is_used():
    result = clean_article(
        "Site Name\nA Headline Given By Metadata\n" + INLINE_RELATED_PAGE,
        headline_hint="A headline given by metadata",
    )
    assert result.headline == "A Headline Given By Metadata"
    assert [r["rule"] for r in result.removed][:3] == [
        "before_headline",
        "headline",
        "related_heading",
    ]


def test_paragraph_offsets_round_trip_and_kinds():
    result = clean_article(LOCAL_NEWS_PAGE)
    lines = LOCAL_NEWS_PAGE.split("\n")
    for start, end, raw_line, kind in result.paragraphs:
        assert result.text[start:end] == lines[raw_line - 1].strip()
        assert kind == ("heading" if result.text[start:end] == "Budget at a glance" else "body")


# Lines of the five seeds that are page furniture (read from the captures).
SEED_FURNITURE = {
    "lib-fails": ["Subscribe to Lib Fails", "Don’t miss out", "jamie@example.com"],
    "nbc-news-via-aggregator": [
        "6 hours ago",
        "Getty Images",
        "arrive to waiting media",
        "originally published",
        "Read Entire Article",
        "News Networks",
    ],
    "nyt-via-benjamin-franklin-institute": [
        "Close Menu",
        "Trending",
        "Meta AI searches",
        "Sunday, June 15",
        "Arts & Entertainment",
        "Home»",
        "Mins Read",
        "Share",
        "Facebook",
        "contributed reporting",
        "Source link",
        "Related Posts",
        "Editors Picks",
        "Jessica Alba",
        "About Us",
        "premier destination",
        "supports free speech",
        "Latest Posts",
        "Subscribe",
        "Paid for by",
        "Privacy Policy",
        "Press Esc",
    ],
    "unidentified-commentary": [
        "Putin's Ukraine",
        "The End of War and the Price",
        "forthcoming issue of Foreign Affairs",
        "Gumenyuk writes",
    ],
    "unidentified-news-rewrite": ["Officials Say ...", "Related Articles"],
}

SEED_BODY_PARAGRAPHS = {
    "lib-fails": 21,
    "nbc-news-via-aggregator": 19,
    "nyt-via-benjamin-franklin-institute": 19,
    "unidentified-commentary": 13,
    "unidentified-news-rewrite": 26,
}


@pytest.mark.parametrize("article_id", sorted(SEED_FURNITURE))
def test_seed_furniture_is_removed_and_body_kept(seed_tables, article_id):
    articles = seed_tables["articles"].set_index("article_id")
    text = articles.loc[article_id, "clean_text"]
    for furniture in SEED_FURNITURE[article_id]:
        assert furniture not in text, furniture
    paragraphs = seed_tables["paragraphs"]
    assert (paragraphs["article_id"] == article_id).sum() == SEED_BODY_PARAGRAPHS[article_id]
    raw = articles.loc[article_id, "raw_text"].split("\n")
    non_blank = [n for n, line in enumerate(raw, start=1) if line.strip()]
    removed = seed_tables["removed"]
    accounted = list(removed.loc[removed["article_id"] == article_id, "line"]) + list(
        paragraphs.loc[paragraphs["article_id"] == article_id, "raw_line"]
    )
    assert sorted(accounted) == non_blank


def test_seed_headlines_and_credits(seed_tables):
    articles = seed_tables["articles"].set_index("article_id")
    assert articles.loc["unidentified-commentary", "headline"] == ""
    assert (
        articles.loc["nyt-via-benjamin-franklin-institute", "headline"]
        == "Trump Says Call With Putin Is Beginning of Ukraine Peace Negotiations"
    )
    assert (
        "originally published on NBCNews.com" in articles.loc["nbc-news-via-aggregator", "credits"]
    )
    assert (
        "Farnaz Fassihi and Julian E. Barnes"
        in articles.loc["nyt-via-benjamin-franklin-institute", "credits"]
    )


def test_raw_files_are_never_changed(tmp_path):
    from analysis.engine.pipeline import run_corpus

    before = {p.name: p.read_bytes() for p in sorted(config.DEFAULT_CORPUS.iterdir())}
    run_corpus(config.DEFAULT_CORPUS, tmp_path / "out")
    assert before == {p.name: p.read_bytes() for p in sorted(config.DEFAULT_CORPUS.iterdir())}


def test_the_screen_of_line_rules_changes_no_line(monkeypatch):
    """Every line of the default corpus and of crafted furniture gets the same rule with the
    joined screen as with the rules tried one by one."""
    from analysis.text import clean

    lines = [
        line.strip()
        for path in sorted(config.DEFAULT_CORPUS.glob("*.txt"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    lines += ["Share this article", "Advertisement", "Read more: " + "word " * 45, "By Jane Doe"]
    screened = [match_line_rule(line) for line in lines]
    monkeypatch.setattr(clean, "_line_rule_screens", lambda: {True: None, False: None})
    assert [match_line_rule(line) for line in lines] == screened
    assert any(screened) and not all(screened)
