"""Annotated articles: the clean text as HTML with every hedge, booster, loaded term and quotation
marked.

Each page shows an article as the kit read it: quotations coloured by speaker,
hedges, boosters and loaded terms underlined, and the lines cleaning removed
struck through where they stood in the captured file, with the rule that removed
them. Every mark has a hover text and an entry in the list of marks below the
article. A comparison page puts two articles side by side and marks the
passages they share.

All article text, and every value read from a table, is escaped: markup or a
``<script>`` in an article shows as text. The pages carry no script at all.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

MARK_ORDER = ("quote", "shared", "loaded", "hedge", "booster")
"""Nesting order of marks on one stretch of text: quotations outermost."""

SPEAKER_PALETTE = (
    "#cfe2f3",
    "#fce5cd",
    "#d9ead3",
    "#ead1dc",
    "#fff2cc",
    "#d0e0e3",
    "#f4cccc",
    "#d9d2e9",
)
OTHER_SPEAKERS_COLOUR = "#e6e6e6"
STYLE = """
body { font-family: Georgia, serif; max-width: 60em; margin: 2em auto; padding: 0 1em; line-height: 1.55; color: #222; }
h1 { font-size: 1.5em; } h2 { font-size: 1.15em; margin-top: 2em; }
.meta { color: #555; font-size: 0.9em; }
.legend { border: 1px solid #ccc; padding: 0.5em 1em; font-size: 0.85em; background: #fafafa; }
.legend span { margin-right: 0.9em; white-space: nowrap; display: inline-block; }
.mark.hedge { border-bottom: 2px solid #0072b2; }
.mark.booster { border-bottom: 2px solid #d55e00; }
.mark.loaded { border-bottom: 2px dotted #b4005a; font-weight: bold; }
.mark.shared { outline: 1px dashed #009e73; }
.mark.quote { border-radius: 2px; }
p.removed { color: #888; font-size: 0.85em; margin: 0.2em 0; }
p.removed .rule { font-family: sans-serif; font-size: 0.8em; margin-left: 0.5em; }
p.heading { font-weight: bold; }
.columns { display: grid; grid-template-columns: 1fr 1fr; gap: 2em; }
table.marks { border-collapse: collapse; font-size: 0.8em; font-family: sans-serif; }
table.marks td, table.marks th { border-top: 1px solid #ddd; padding: 0.2em 0.5em; vertical-align: top; text-align: left; }
"""  # noqa: E501 (CSS as written)


@dataclass(frozen=True)
class Mark:
    """One marked stretch of an article's clean text."""

    mark_id: str
    kind: str
    start: int
    end: int
    title: str
    speaker: str = ""


def escape(value) -> str:
    """Text made safe for HTML content and attribute values."""
    return html.escape("" if pd.isna(value) else str(value), quote=True)


def assign_speaker_colours(quotes: pd.DataFrame) -> dict[str, str]:
    """A background colour per speaker: the most quoted first; beyond the palette, one grey for the
    rest."""
    counts = quotes.groupby("speaker").size().reset_index(name="n")
    counts = counts.sort_values(["n", "speaker"], ascending=[False, True], kind="stable")
    return {
        speaker: SPEAKER_PALETTE[i] if i < len(SPEAKER_PALETTE) else OTHER_SPEAKERS_COLOUR
        for i, speaker in enumerate(counts["speaker"])
    }


def collect_marks(
    article_id: str, tables: dict[str, pd.DataFrame], partner: str | None = None
) -> list[Mark]:
    """Every mark of one article: quotations, loaded terms, hedges and boosters, and with
    ``partner`` the shared passages.

    Parameters
    ----------
    article_id : the article.
    tables : the run's tables (``quotes``, ``hedges``, ``loaded_terms`` and, for
        ``partner``, ``shared_passages``).
    partner : another article; passages the two share are marked.

    Returns
    -------
    Marks sorted by start, numbered in that order (``<kind letter><n>``).
    """
    found: list[tuple[int, int, str, str, str]] = []
    quotes = tables["quotes"][tables["quotes"]["article_id"] == article_id]
    for r in quotes.itertuples():
        title = (
            f"{r.kind} quotation · speaker: {r.speaker} ({r.speaker_type}; rule: "
            f"{r.speaker_rule}) · cue: {r.cue} ({r.cue_class})"
        )
        found.append((int(r.start), int(r.end), "quote", title, str(r.speaker)))
    hedges = tables["hedges"][tables["hedges"]["article_id"] == article_id]
    for r in hedges.itertuples():
        found.append(
            (
                int(r.start),
                int(r.end),
                r.kind,
                f"{r.kind}: “{r.cue}” · entry {r.entry} · category {r.category} · {r.voice}",
                "",
            )
        )
    loaded = tables["loaded_terms"][tables["loaded_terms"]["article_id"] == article_id]
    for r in loaded.itertuples():
        detail = f"loaded term ({r.layer}): “{r.term}” · entry {r.entry} · category {r.category}"
        if r.set and r.set != "-":
            detail += f" · naming set {r.set}"
        found.append((int(r.start), int(r.end), "loaded", f"{detail} · {r.voice}", ""))
    if partner is not None:
        passages = tables["shared_passages"]
        for r in passages[
            (passages["article_id"] == article_id) & (passages["other_id"] == partner)
        ].itertuples():
            found.append(
                (
                    int(r.start),
                    int(r.end),
                    "shared",
                    f"shared with {partner}: {r.words} words, {r.voice}",
                    "",
                )
            )
        for r in passages[
            (passages["other_id"] == article_id) & (passages["article_id"] == partner)
        ].itertuples():
            found.append(
                (
                    int(r.other_start),
                    int(r.other_end),
                    "shared",
                    f"shared with {partner}: {r.words} words, {r.voice}",
                    "",
                )
            )
    found.sort(key=lambda m: (m[0], MARK_ORDER.index(m[2]), m[1]))
    return [
        Mark(f"{kind[0]}{i}", kind, start, end, title, speaker)
        for i, (start, end, kind, title, speaker) in enumerate(found, 1)
    ]


def render_text(
    text: str, start: int, end: int, marks: list[Mark], colours: dict[str, str]
) -> str:
    """The escaped text ``text[start:end]`` with the marks overlapping it as nested spans.

    The range is cut wherever a mark starts or ends, so every piece lies wholly
    inside or outside each mark and the spans always nest; a mark cut into
    pieces keeps its id (``data-mark``) and hover text on each.
    """
    inside = [m for m in marks if m.start < end and m.end > start]
    cuts = sorted(
        {start, end, *(max(start, m.start) for m in inside), *(min(end, m.end) for m in inside)}
    )
    pieces = []
    for left, right in zip(cuts, cuts[1:]):
        piece = escape(text[left:right])
        active = sorted(
            (m for m in inside if m.start <= left and m.end >= right),
            key=lambda m: MARK_ORDER.index(m.kind),
            reverse=True,
        )
        for m in active:
            style = (
                f' style="background:{colours.get(m.speaker, OTHER_SPEAKERS_COLOUR)}"'
                if m.kind == "quote"
                else ""
            )
            piece = (
                f'<span class="mark {m.kind}" data-mark="{m.mark_id}" '
                f'title="{escape(m.title)}"{style}>{piece}</span>'
            )
        pieces.append(piece)
    return "".join(pieces)


def render_article_body(
    article_id: str, tables: dict[str, pd.DataFrame], marks: list[Mark], colours: dict[str, str]
) -> str:
    """The article's paragraphs and its removed lines in the order of the captured file, as
    HTML."""
    article = tables["articles"].set_index("article_id").loc[article_id]
    text = article["clean_text"]
    items = []
    paragraphs = tables["paragraphs"][tables["paragraphs"]["article_id"] == article_id]
    for p in paragraphs.itertuples():
        css = ' class="heading"' if p.kind == "heading" else ""
        items.append(
            (
                int(p.raw_line),
                1,
                f"<p{css}>{render_text(text, int(p.start), int(p.end), marks, colours)}</p>",
            )
        )
    removed = tables["removed"][tables["removed"]["article_id"] == article_id]
    for r in removed.itertuples():
        kept = f", kept as {r.kept_as}" if r.kept_as else ""
        items.append(
            (
                int(r.line),
                0,
                '<p class="removed"><del '
                f'title="{escape(f"removed by rule {r.rule}{kept}")}">{escape(r.text)}</del>'
                f'<span class="rule">[line {int(r.line)}: '
                f"{escape(r.rule)}{escape(kept)}]</span></p>",
            )
        )
    return "\n".join(chunk for _, _, chunk in sorted(items, key=lambda item: (item[0], item[1])))


def render_legend(marks: list[Mark], colours: dict[str, str]) -> str:
    """The legend: one swatch per kind of mark present and per quoted speaker."""
    kinds = {m.kind for m in marks}
    parts = []
    names = {
        "hedge": "hedge (uncertainty cue)",
        "booster": "booster (certainty cue)",
        "loaded": "loaded term",
        "shared": "passage shared with the other article",
    }
    for kind in ("hedge", "booster", "loaded", "shared"):
        if kind in kinds:
            parts.append(f'<span><span class="mark {kind}">{names[kind]}</span></span>')
    quoted = {m.speaker for m in marks if m.kind == "quote"}
    speakers = [s for s in colours if s in quoted] + sorted(
        quoted - set(colours)
    )  # in colour order, most quoted first
    for speaker in speakers:
        parts.append(
            '<span><span class="mark quote" '
            f'style="background:{colours.get(speaker, OTHER_SPEAKERS_COLOUR)}">quoted: '
            f"{escape(speaker)}</span></span>"
        )
    parts.append(
        "<span><del>removed line</del> (page furniture, with the rule that removed it)</span>"
    )
    return (
        '<div class="legend" id="legend"><strong>Legend</strong> (hover a mark for details; every '
        "mark is listed below the text): " + " ".join(parts) + "</div>"
    )


def render_mark_list(article_id: str, text: str, marks: list[Mark]) -> str:
    """A table of every mark: id, kind, the text marked, its offsets and the details of the
    hover."""
    rows = "\n".join(
        "<tr "
        f'id="mark-{escape(article_id)}-{m.mark_id}"><td>{m.mark_id}</td><td>{m.kind}</td>'
        f"<td>{escape(text[m.start : m.end])}</td>"
        f"<td>{m.start}–{m.end}</td><td>{escape(m.title)}</td></tr>"
        for m in marks
    )
    return (
        f'<details class="mark-list"><summary>Every mark ({len(marks)}), with its character '
        "offsets in the clean text</summary>"
        "<table "
        f'class="marks"><tr><th>id</th><th>kind</th><th>text</th><th>offsets</th><th>details</th></tr>\n{rows}</table></details>'
    )


def render_article_section(
    article_id: str,
    tables: dict[str, pd.DataFrame],
    colours: dict[str, str],
    partner: str | None = None,
) -> str:
    """One article: headline, metadata, legend, text with marks and the list of marks."""
    article = tables["articles"].set_index("article_id").loc[article_id]
    marks = collect_marks(article_id, tables, partner)
    meta = " · ".join(
        f"{label}: {escape(article[column])}"
        for label, column in (
            ("outlet", "outlet"),
            ("article", "article_id"),
            ("published", "published"),
            ("url", "url"),
        )
        if column in article.index and str(article[column]) != ""
    )
    return (
        '<section class="article" '
        f'data-article="{escape(article_id)}"><h1>{escape(article["headline"])}</h1>'
        f'<p class="meta">{meta}</p>\n{render_legend(marks, colours)}\n'
        f'<div class="text">\n{render_article_body(article_id, tables, marks, colours)}\n</div>\n'
        f"{render_mark_list(article_id, article['clean_text'], marks)}</section>"
    )


def render_page(title: str, body: str, home: str | None = "../index.html") -> str:
    """A complete HTML page with the kit's style around ``body``; ``home`` links back to the
    report's index.

    The annotated pages' bodies carry no script; the terms explorer's carries its own
    (:mod:`analysis.report.explorer`).
    """
    back = f'<p class="meta"><a href="{escape(home)}">study report</a></p>\n' if home else ""
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta '
        f'charset="utf-8">\n<title>{escape(title)}</title>\n'
        '<meta name="viewport" content="width=device-width, '
        f'initial-scale=1">\n<style>{STYLE}</style>\n</head>\n'
        f"<body>\n{back}{body}\n</body>\n</html>\n"
    )


def render_article_page(
    article_id: str, tables: dict[str, pd.DataFrame], colours: dict[str, str] | None = None
) -> str:
    """An annotated article as a complete HTML page (``colours``: per speaker, default from
    ``tables``)."""
    colours = colours if colours is not None else assign_speaker_colours(tables["quotes"])
    outlet = tables["articles"].set_index("article_id").loc[article_id, "outlet"]
    return render_page(
        f"{outlet}: annotated article", render_article_section(article_id, tables, colours)
    )


def render_comparison_page(
    first: str, second: str, tables: dict[str, pd.DataFrame], colours: dict[str, str] | None = None
) -> str:
    """Two annotated articles side by side, with the passages they share outlined."""
    colours = colours if colours is not None else assign_speaker_colours(tables["quotes"])
    outlets = tables["articles"].set_index("article_id")["outlet"]
    columns = "".join(
        f"<div>{render_article_section(a, tables, colours, partner=b)}</div>"
        for a, b in ((first, second), (second, first))
    )
    return render_page(
        f"{outlets[first]} and {outlets[second]} side by side",
        f'<div class="columns">{columns}</div>',
    )


def name_page(article_id: str, partner: str | None = None) -> str:
    """The file name of an article's page, or of a comparison page with ``partner``."""
    safe = [re.sub(r"[^A-Za-z0-9._-]+", "_", a) for a in (article_id, partner) if a is not None]
    return ("compare-" + "--".join(safe) if partner is not None else safe[0]) + ".html"


PAGE_TABLES = ("articles", "paragraphs", "removed", "quotes", "hedges", "loaded_terms")
"""The tables a page reads, each cut by ``article_id``; ``shared_passages`` is cut by pair."""


def index_article_tables(
    tables: dict[str, pd.DataFrame],
) -> Callable[[list[str]], dict[str, pd.DataFrame]]:
    """Split the page tables by article once; return a function giving the tables of some articles.

    A page then reads only its own rows, so writing every page costs one pass over
    the tables, not one pass per page.
    """
    parts = {
        name: {key: frame for key, frame in tables[name].groupby("article_id", sort=False)}
        for name in PAGE_TABLES
    }
    shared = tables["shared_passages"]
    pairs = {key: frame for key, frame in shared.groupby(["article_id", "other_id"], sort=False)}

    def select(ids: list[str]) -> dict[str, pd.DataFrame]:
        chosen = {
            name: pd.concat(
                [tables[name].iloc[0:0], *(parts[name][a] for a in ids if a in parts[name])]
            )
            for name in PAGE_TABLES
        }
        chosen["shared_passages"] = pd.concat(
            [shared.iloc[0:0], *(pairs[(a, b)] for a in ids for b in ids if (a, b) in pairs)]
        )
        return chosen

    return select
