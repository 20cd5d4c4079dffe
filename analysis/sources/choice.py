"""Source choice: who is quoted or cited, how much, with which verb, and which media are cited.

The attributions of words of each article (:func:`analysis.sources.attribution.find_attributions`)
become ``quotes.csv``, its attributions of stances (what a source believes, wants or
supports, what a poll shows: :func:`analysis.sources.attribution.find_attributions_and_stances`)
``stances.csv``; :func:`classify_source` gives each source a type and a
country; :func:`summarise_sources` says who speaks how much per article;
:func:`find_cited_media` lists the media and platforms each article names.

Source types: the corpus's ``actor_sources.tsv`` for its actor table's persons;
else the words of the description, an inverted source's apposition, the
apposition after the name's first mention ("Carlo Masala, a professor …" →
expert) or the title before its first titled mention ("President Trump" →
official, "Sen. Warner" → politician) against ``source_types.tsv``; unnamed
people and officials are ``anonymous``; the country from the description's
place words (Kremlin → Russia) or a country or demonym.
"""

from __future__ import annotations

import re
from collections import Counter

import pandas as pd

from analysis.resources.lists import normalise_phrase
from analysis.resources.rows import iter_columns
from analysis.sources.attribution import find_attributions_and_stances
from analysis.sources.lexicons import SourceLexicons, default_lexicons
from analysis.sources.records import Attribution
from analysis.sources.speakers import find_name
from analysis.text.quotes import group_quotations, index_voice_ranges, voice_at
from analysis.text.segment import group_spans

TYPE_PRIORITY = (
    "international_organisation",
    "media",
    "expert",
    "official",
    "politician",
    "social_media",
    "anonymous",
    "other",
)
"""When a description holds words of several types, the first of this order wins."""

QUOTE_COLUMNS = [
    "article_id",
    "quote_id",
    "start",
    "end",
    "text",
    "kind",
    "speaker",
    "speaker_type",
    "country",
    "cue",
    "cue_class",
    "speaker_text",
    "speaker_start",
    "speaker_end",
    "medium",
    "speaker_rule",
]
STANCE_COLUMNS = ["stance_id" if c == "quote_id" else c for c in QUOTE_COLUMNS]
"""The columns of ``stances.csv``: those of ``quotes.csv``, with ``stance_id`` for ``quote_id``."""


def classify_source(speaker: str, phrase: str, lexicons: SourceLexicons) -> tuple[str, str]:
    """The type and country of a source (see the module docstring)."""
    if speaker in lexicons.actor_types:
        return lexicons.actor_types[speaker]
    medium = lexicons.media_pattern.search(phrase)
    if medium is not None and len(medium.group()) > 2:
        _, kind, country = lexicons.media[medium.group()]
        return ("social_media" if kind == "platform" else "media"), country
    found = [
        lexicons.types[normalise_phrase(m.group())] for m in lexicons.type_pattern.finditer(phrase)
    ]
    found += [
        ("international_organisation", "")
        for m in re.finditer(r"[\w.’']+", phrase)
        if m.group() in lexicons.organisations
    ]
    country = next((c for _, c in found if c), "")
    if not country:
        country = next(
            (
                lexicons.countries[m.group()]
                for m in re.finditer(r"[\w.’']+", phrase)
                if m.group() in lexicons.countries
            ),
            "",
        )
    named = bool(find_name(phrase, lexicons)) or speaker in lexicons.actor_types
    kinds = {t for t, _ in found}
    if not named and ("anonymous" in kinds or not kinds):
        return ("anonymous" if "anonymous" in kinds else "other"), country
    for kind in TYPE_PRIORITY:
        if kind in kinds - {"anonymous"}:
            return kind, country
    return "other", country


def find_apposition(text: str, name: str) -> str:
    """The description after the first "<name>, …" in a text ("Carlo Masala, a professor at …"), or
    ""."""
    match = re.search(re.escape(name) + r",\s+((?:a|an|the)\s[^,.;:“”\"]{3,80})", text)
    return match.group(1) if match else ""


def find_title(text: str, name: str, titles: frozenset[str]) -> str:
    """The title words written right before the first mention of a name's surname that has one
    ("President" of "President Trump", "Sen." of "Sen. Mark Warner"; given names between them
    skipped), or ""."""
    surname = name.split()[-1] if name.split() else ""
    if not surname[:1].isupper():
        return ""
    for match in re.finditer(r"(?<![\w’'-])" + re.escape(surname) + r"(?![\w’'-])", text):
        before = text[max(0, match.start() - 100) : match.start()].split()
        k, skipped = len(before), 0
        while k and skipped < 2 and before[k - 1] not in titles and before[k - 1][:1].isupper():
            k, skipped = k - 1, skipped + 1  # "Sen. Mark Warner": the given name stands between
        kept = []
        while k and before[k - 1] in titles:
            kept.insert(0, before[k - 1])
            k -= 1
        if kept:
            return " ".join(kept)
    return ""


# ---------------------------------------------------------------- tables


def find_quotes(
    articles: pd.DataFrame,
    sentences: pd.DataFrame,
    paragraphs: pd.DataFrame,
    quote_spans: pd.DataFrame,
    lexicons: SourceLexicons | None = None,
) -> pd.DataFrame:
    """Every attributed content of every article.

    Parameters
    ----------
    articles : DataFrame with ``article_id`` and ``clean_text``.
    sentences, paragraphs : with ``article_id``, ``start``, ``end``.
    quote_spans : quotation spans (``article_id``, ``start``, ``end``, ``depth``, ``status``,
        marks).
    lexicons : :func:`load_source_lexicons`; the general ones (no actor table) when None.

    Returns
    -------
    A new DataFrame of :data:`QUOTE_COLUMNS`, one row per attributed content:

    - ``article_id``, ``quote_id``: the content
    - ``start``, ``end``, ``text``: its offsets in the clean text and its text
    - ``kind``: direct, partial or indirect
    - ``speaker``: who it is attributed to
    - ``speaker_type``, ``country``: the source's type and country
    - ``cue``: the cue as written ("" for a continuation, "—" for a dash)
    - ``cue_class``: the cue's class (neutral, endorsing, distancing, emotive)
    - ``speaker_text``, ``speaker_start``, ``speaker_end``: the words read as the speaker and their
      offsets (−1 for a continuation)
    - ``medium``: the platform of a post, else ""
    - ``speaker_rule``: the rule that chose the speaker
      (:data:`analysis.sources.speakers.SPEAKER_RULES`)
    """
    return _attributed(articles, sentences, paragraphs, quote_spans, lexicons, stances=False)[0]


def find_quotes_and_stances(
    articles: pd.DataFrame,
    sentences: pd.DataFrame,
    paragraphs: pd.DataFrame,
    quote_spans: pd.DataFrame,
    lexicons: SourceLexicons | None = None,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """:func:`find_quotes`, and every stance attributed to a source
    (:func:`analysis.sources.attribution.find_attributions_and_stances`).

    Parameters as :func:`find_quotes`.

    Returns
    -------
    ``(quotes, stances)``, two new DataFrames: ``quotes`` as :func:`find_quotes` gives it, and
    ``stances`` of :data:`STANCE_COLUMNS`, one row per stance:

    - ``stance_id``: the stance's number in its article (where ``quotes`` has ``quote_id``)
    - ``cue_class``: the stance's class (belief, intention, position, evidence)
    - ``kind``: the form of its content (indirect, partial, direct)
    - the other columns of :func:`find_quotes`, read the same way
    """
    return _attributed(articles, sentences, paragraphs, quote_spans, lexicons, stances=True)


def _attributed(
    articles: pd.DataFrame,
    sentences: pd.DataFrame,
    paragraphs: pd.DataFrame,
    quote_spans: pd.DataFrame,
    lexicons: SourceLexicons | None,
    stances: bool,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    lexicons = lexicons or default_lexicons()
    rows: tuple[list, list] = ([], [])
    quotations = group_quotations(quote_spans)
    sentence_spans = group_spans(sentences)
    paragraph_spans = group_spans(paragraphs)
    for article_id, text in zip(articles["article_id"], articles["clean_text"]):
        found = find_attributions_and_stances(
            text,
            sentence_spans.get(article_id, []),
            paragraph_spans.get(article_id, []),
            quotations.get(article_id, []),
            lexicons,
            stances=stances,
        )
        for table, attributions in zip(rows, found):
            for k, a in enumerate(attributions):
                table.append(
                    (
                        article_id,
                        k,
                        a.start,
                        a.end,
                        text[a.start : a.end],
                        a.kind,
                        a.speaker,
                        *type_source(text, a, lexicons),
                        a.cue,
                        a.cue_class,
                        a.speaker_text,
                        a.speaker_start,
                        a.speaker_end,
                        a.medium,
                        a.speaker_rule,
                    )
                )
    return pd.DataFrame(rows[0], columns=QUOTE_COLUMNS), pd.DataFrame(
        rows[1], columns=STANCE_COLUMNS
    )


def type_source(text: str, attribution: Attribution, lexicons: SourceLexicons) -> tuple[str, str]:
    """The type and country of an attribution's source (:func:`classify_source`, then its
    apposition and title in the text)."""
    a = attribution
    description = a.description or a.speaker_text or a.speaker
    source_type, country = classify_source(a.speaker, description, lexicons)
    if source_type == "other":
        extra = (
            f"{find_apposition(text, a.speaker)} {find_title(text, a.speaker, lexicons.titles)}"
        )
        source_type, country = classify_source(a.speaker, f"{description} {extra}", lexicons)
    if a.medium and source_type in ("other", "anonymous"):
        source_type = "social_media"
    return source_type, country


def count_quoted_words(quotes: pd.DataFrame) -> pd.Series:
    """Words of each direct or partial content (an indirect one is the outlet's wording: 0)."""
    return (
        quotes["text"]
        .str.count(r"[^\W_]+(?:['’-][^\W_]+)*")
        .where(quotes["kind"] != "indirect", 0)
    )


def summarise_sources(quotes: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Who speaks in each article, and how much.

    Returns
    -------
    A new DataFrame, one row per article and source:

    - ``article_id``, ``source``: the article and the speaker
    - ``source_type``, ``country``: the source's type and country
    - ``quotes``: its attributed contents
    - ``direct``, ``partial``, ``indirect``: those of each kind
    - ``quoted_words``: words of its direct and partial quotes
    - ``cues``: the cue verbs used, lower case, "; "-joined
    """
    columns = [
        "article_id",
        "source",
        "source_type",
        "country",
        "quotes",
        "direct",
        "partial",
        "indirect",
        "quoted_words",
        "cues",
    ]
    if quotes.empty:
        return pd.DataFrame(columns=columns)
    contents: dict[tuple[str, str], list[tuple]] = {}
    counted = quotes.assign(quoted_words=count_quoted_words(quotes))
    for article_id, source, *rest in iter_columns(
        counted, "article_id", "speaker", "speaker_type", "country", "kind", "cue", "quoted_words"
    ):
        contents.setdefault((article_id, source), []).append(rest)
    rows = []
    for (article_id, source), found in sorted(contents.items()):
        types, countries, kinds, cues, words = zip(*found)
        rows.append(
            (
                article_id,
                source,
                _most_common(types),
                _most_common(countries),
                len(found),
                kinds.count("direct"),
                kinds.count("partial"),
                kinds.count("indirect"),
                int(sum(words)),
                "; ".join(sorted({c.lower() for c in cues if c})),
            )
        )
    return pd.DataFrame(rows, columns=columns)


def _most_common(values: tuple[str, ...]) -> str:
    """The most frequent value, the first in sorted order on a tie (what ``Series.mode().iloc[0]``
    gives)."""
    counts = Counter(values)
    top = max(counts.values())
    return min(value for value, count in counts.items() if count == top)


def find_cited_media(
    articles: pd.DataFrame, voice: pd.DataFrame, lexicons: SourceLexicons | None = None
) -> pd.DataFrame:
    """Every medium and platform each article names.

    Returns
    -------
    A new DataFrame, one row per article, medium and voice:

    - ``article_id``: the article
    - ``medium``: the medium, agency or platform named
    - ``kind``: media, agency or platform
    - ``country``: the medium's country
    - ``voice``: where it is named, authorial or quoted
    - ``mentions``: how often
    - ``first_offset``: where first, in the clean text
    """
    lexicons = lexicons or default_lexicons()
    index = index_voice_ranges(voice)
    rows = []
    for article_id, text in zip(articles["article_id"], articles["clean_text"]):
        ranges = index.get(article_id, ([], [], []))
        for match in lexicons.media_pattern.finditer(text):
            medium, kind, country = lexicons.media[match.group()]
            rows.append(
                (article_id, medium, kind, country, voice_at(ranges, match.start()), match.start())
            )
    columns = ["article_id", "medium", "kind", "country", "voice", "mentions", "first_offset"]
    if not rows:
        return pd.DataFrame(columns=columns)
    data = pd.DataFrame(
        rows, columns=["article_id", "medium", "kind", "country", "voice", "offset"]
    )
    table = data.groupby(["article_id", "medium", "kind", "country", "voice"], sort=True).agg(
        mentions=("offset", "size"), first_offset=("offset", "min")
    )
    return table.reset_index()[columns]


def tabulate_by_outlet(quotes: pd.DataFrame, articles: pd.DataFrame, column: str) -> pd.DataFrame:
    """Attributed contents per outlet and value of ``column`` (``speaker``, ``speaker_type``,
    ``country``, ``cue_class``).

    Returns
    -------
    A new DataFrame, one row per outlet and value (continuations count with their source; an empty
    value, no country or no cue, is kept as ""):

    - ``outlet``: the outlet
    - ``column``: the value (the column named by ``column``)
    - ``quotes``: the outlet's attributed contents with it
    - ``share``: their share of the outlet's contents
    - ``quoted_words``: words of its direct and partial quotes
    """
    columns = ["outlet", column, "quotes", "share", "quoted_words"]
    if quotes.empty:
        return pd.DataFrame(columns=columns)
    data = quotes.merge(articles[["article_id", "outlet"]], on="article_id")
    data = data.assign(words=count_quoted_words(data))
    table = (
        data.groupby(["outlet", column], sort=True)
        .agg(quotes=("text", "size"), quoted_words=("words", "sum"))
        .reset_index()
    )
    table["share"] = table["quotes"] / table.groupby("outlet")["quotes"].transform("sum")
    return table[columns]
