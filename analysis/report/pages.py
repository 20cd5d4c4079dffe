"""The annotated pages of a report: which articles get a page (a sample of whole events past a
thousand articles), each article's page, pairs of articles side by side, and a page per event."""

from __future__ import annotations

from itertools import combinations
from pathlib import Path

import pandas as pd

from analysis.report.annotate import (
    assign_speaker_colours,
    escape,
    index_article_tables,
    name_page,
    render_article_page,
    render_comparison_page,
    render_page,
)
from analysis.stats.sampling import rank_by_hash, sample_by_hash

MAX_ARTICLE_PAGES = 1_000
"""Annotated pages a report writes at most: a larger corpus gets the pages of a sample
(:func:`choose_annotated`), so that a 100,000-article report stays some hundred MB; every article
stays in the tables and notebooks."""


def choose_annotated(articles: pd.DataFrame, limit: int = MAX_ARTICLE_PAGES) -> list[str]:
    """The ids of the articles that get an annotated page, in the table's order: all of them when
    there are at most ``limit``; else a sample of whole events (so that each sampled event keeps
    all its outlets), taken in :func:`analysis.stats.sampling.rank_by_hash` order of their ids
    while they fit in ``limit``, or, without events, ``limit`` articles in that order of their ids.
    Articles without an event are sampled the same way after the events."""
    ids = list(articles["article_id"])
    if len(ids) <= limit:
        return ids
    events = group_events(articles)
    chosen: set[str] = set()
    for event in rank_by_hash(list(events)):
        if len(chosen) + len(events[event]) <= limit:
            chosen.update(events[event])
    in_events = {a for members in events.values() for a in members}
    chosen.update(sample_by_hash([a for a in ids if a not in in_events], limit - len(chosen)))
    return [a for a in ids if a in chosen]


def write_annotated_articles(
    tables: dict[str, pd.DataFrame],
    folder: str | Path,
    max_pairs: int = 45,
    max_articles: int = MAX_ARTICLE_PAGES,
) -> pd.DataFrame:
    """Write one page per article, comparison pages for pairs of articles and, with events, one
    page per event.

    Without an ``event`` column, comparison pages are written for every pair
    when there are at most ``max_pairs`` pairs (ten articles), and otherwise for
    none (a corpus that large is read article by article). With events, pairs
    are taken within each event only (an event of more than ``max_pairs`` pairs
    gets none), and each event gets a page listing its articles and pairs.
    A corpus of more than ``max_articles`` articles gets article and comparison
    pages for a sample of them (:func:`choose_annotated`); every event still
    gets its page, which names the articles left without one.

    Returns
    -------
    A new DataFrame, one row per page written:

    - ``page``: its file name
    - ``kind``: article, comparison or event
    - ``first``, ``second``: the article ids of an article or comparison page ("" otherwise;
      ``second`` "" for an article page)
    - ``outlet``: the outlet of an article page ("" otherwise)
    - ``event``: the event ("" without events)
    - ``title``: the page's title (an article's outlet and headline)
    - ``articles``: the articles the page covers: 1, 2, or an event's count
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    articles = tables["articles"]
    outlets = dict(zip(articles["article_id"], articles["outlet"]))
    events = group_events(articles)
    event_of = {a: e for e, ids in events.items() for a in ids}
    annotated = choose_annotated(articles, max_articles)
    kept = set(annotated)
    colours = assign_speaker_colours(tables["quotes"])  # one speaker, one colour on every page
    select = index_article_tables(tables)
    titles = title_articles(articles)
    rows = []
    for article_id in annotated:
        page = name_page(article_id)
        (folder / page).write_text(
            render_article_page(article_id, select([article_id]), colours), encoding="utf-8"
        )
        rows.append(
            (
                page,
                "article",
                article_id,
                "",
                outlets[article_id],
                event_of.get(article_id, ""),
                titles[article_id],
                1,
            )
        )
    for ids in events.values() if events else [annotated]:
        pairs = list(combinations([a for a in ids if a in kept], 2))
        if len(pairs) > max_pairs:
            continue
        for first, second in pairs:
            page = name_page(first, second)
            (folder / page).write_text(
                render_comparison_page(first, second, select([first, second]), colours),
                encoding="utf-8",
            )
            rows.append(
                (
                    page,
                    "comparison",
                    first,
                    second,
                    "",
                    event_of.get(first, ""),
                    f"{outlets[first]} and {outlets[second]}",
                    2,
                )
            )
    pages = pd.DataFrame(rows, columns=PAGE_COLUMNS)
    event_rows = []
    for event, ids in events.items():
        members = articles[articles["article_id"].isin(ids)]
        page = "event-" + name_page(event)
        (folder / page).write_text(
            render_event_page(members, pages, max_pairs, titles), encoding="utf-8"
        )
        event_rows.append((page, "event", "", "", "", event, describe_event(members), len(ids)))
    return (
        pd.concat([pages, pd.DataFrame(event_rows, columns=PAGE_COLUMNS)], ignore_index=True)
        if event_rows
        else pages
    )


PAGE_COLUMNS = ["page", "kind", "first", "second", "outlet", "event", "title", "articles"]
"""The columns of :func:`write_annotated_articles`'s table of pages."""


def group_events(articles: pd.DataFrame) -> dict[str, list[str]]:
    """The article ids of each event (events sorted, articles in id order); empty without an
    ``event`` column."""
    if "event" not in articles.columns:
        return {}
    data = articles[articles["event"].notna() & (articles["event"].astype(str) != "")]
    return {
        str(e): sorted(frame["article_id"])
        for e, frame in data.groupby(data["event"].astype(str), sort=True)
    }


def _text_of(row: pd.Series, column: str) -> str:
    value = row.get(column, "")
    return str(value).strip() if pd.notna(value) else ""


def title_articles(articles: pd.DataFrame) -> dict[str, str]:
    """Each article's link text by id: its outlet and headline, or its outlet and id without a
    headline."""
    headlines = (
        articles["headline"]
        if "headline" in articles.columns
        else pd.Series("", index=articles.index)
    )
    return {
        a: f"{outlet}: {str(h).strip()}" if pd.notna(h) and str(h).strip() else f"{outlet} ({a})"
        for a, outlet, h in zip(articles["article_id"], articles["outlet"], headlines)
    }


def describe_event(articles: pd.DataFrame) -> str:
    """An event's heading: its title (``event_title`` when given, else its id), its dates and its
    outlets."""
    first = articles.iloc[0]
    parts = [_text_of(first, "event_title") or _text_of(first, "event")]
    if "published" in articles.columns and articles["published"].notna().any():
        dates = sorted(str(d)[:10] for d in articles["published"].dropna())
        parts.append(dates[0] if dates[0] == dates[-1] else f"{dates[0]} to {dates[-1]}")
    parts.append(", ".join(sorted(articles["outlet"].astype(str).unique())))
    return " · ".join(parts)


def _link_list(rows: pd.DataFrame) -> str:
    return "\n".join(
        f'<li><a href="{escape(page)}">{escape(title)}</a></li>'
        for page, title in zip(rows["page"], rows["title"])
    )


def render_event_page(
    articles: pd.DataFrame,
    pages: pd.DataFrame,
    max_pairs: int,
    titles: dict[str, str] | None = None,
) -> str:
    """One event's page: its heading, its articles and the side-by-side pages of its pairs (text
    escaped).

    Articles without a page of their own (a report of a sampled corpus, :func:`choose_annotated`)
    are named, by ``titles`` (default :func:`title_articles`), without a link.
    """
    ids = set(articles["article_id"])
    listed = pages[(pages["kind"] == "article") & pages["first"].isin(ids)]
    pairs = pages[
        (pages["kind"] == "comparison") & pages["first"].isin(ids) & pages["second"].isin(ids)
    ]
    titles = titles if titles is not None else title_articles(articles)
    unlisted = [a for a in articles["article_id"] if a not in set(listed["first"])]
    heading = describe_event(articles)
    body = f"<h1>{escape(heading)}</h1>\n<h2>Articles</h2>\n"
    if len(listed):
        body += f"<ul>\n{_link_list(listed)}\n</ul>\n"
    if unlisted:
        body += (
            f'<p class="meta">{len(unlisted):,} '
            f"{'article has' if len(unlisted) == 1 else 'articles have'} no annotated page in "
            "this "
            "report (a large corpus's report annotates a sample of whole events); the tables and "
            "notebooks count them.</p>\n"
            + "<ul>\n"
            + "\n".join(f"<li>{escape(titles[a])}</li>" for a in unlisted)
            + "\n</ul>\n"
        )
    body += "<h2>Side by side</h2>\n" + (
        f"<ul>\n{_link_list(pairs)}\n</ul>\n"
        if len(pairs)
        else f"<p>No page per pair: fewer than two annotated articles, or more than {max_pairs} "
        "pairs.</p>\n"
    )
    return render_page(heading, body)
